"""Which pages of a PDF are read through OCR: named apart from the OCR reader, so options
and the command line know the choices without loading pdfium or Tesseract."""

from __future__ import annotations

from typing import Literal

# auto: pages without a usable text layer, when the OCR engine is installed; always: every
# page; never: none (a page without a usable text layer is refused).
OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
