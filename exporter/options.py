"""The options one conversion runs with, parsed once (by the CLI or a caller) and passed down."""

from __future__ import annotations

from exporter.ingest import DEFAULT_MAX_BYTES
from exporter.ingest.ocr_mode import OcrMode
from exporter.models import Frozen


class ConvertOptions(Frozen):
    """How to convert: entity override, input decoding and limits, output formats."""

    entity_scheme: str | None = None
    entity_id: str | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    formats: tuple[str, ...] | None = None
    """The outputs to write, by their names in the output registry (`exporter/outputs.py`);
    None writes every one. The schema, the report and the review page are always written."""
    ocr: OcrMode = "auto"
    """Which PDF pages are read through OCR (`exporter/ingest/pdf/ocr_pages.py`)."""
