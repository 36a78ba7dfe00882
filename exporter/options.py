"""The options one conversion runs with, parsed once (by the CLI or a caller) and passed down."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.ingest import DEFAULT_MAX_BYTES
from exporter.ingest.ocr_mode import OcrMode

# Outputs `convert` can write (the default: all of them). The schema, the report and the
# review page are always written.
FORMATS = ("xml", "jsonld", "xbrl-json", "xbrl-csv", "ixbrl")


class ConvertOptions(BaseModel):
    """How to convert: entity override, input decoding and limits, output formats."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity_scheme: str | None = None
    entity_id: str | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    formats: tuple[str, ...] = FORMATS
    # Which PDF pages are read through OCR (exporter/ingest/pdf_ocr.py).
    ocr: OcrMode = "auto"
