"""Fuzz targets: each takes arbitrary bytes and must either succeed or raise `ExporterError`.

Anything else (an `IndexError`, a `RecursionError`, a hang caught by the fuzzer's timeout)
is a bug. The same functions run under atheris (`fuzz/atheris_main.py`, coverage-guided)
and under hypothesis (`tests/test_hostile_fuzz.py`, where atheris is missing).

| target    | what it exercises                                                   |
|-----------|---------------------------------------------------------------------|
| text      | encoding detection and the plain-text reader (tab, fixed, flat)     |
| html      | charset handling and the HTML reader                                |
| pdf       | the PDF reader (pdfminer under it), damage and bomb checks          |
| numbers   | the cell number parser, and the round trip of what it reads         |
| periods   | the column-header period parser                                     |
| convert   | a text release through every stage after the reader                 |
| table     | header and cell text in a release's statements, through the table   |
|           | stage and every renderer: the outputs must validate and agree       |
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from decimal import Decimal

from exporter.errors import ExporterError

# What each target imports: `prepare` loads it first, so that atheris instruments just
# these modules (and starts in a second, not in ten).
MODULES = {
    "text": ["exporter.ingest"],
    "html": ["exporter.ingest"],
    "pdf": ["exporter.ingest"],
    "numbers": ["exporter.numbers"],
    "periods": ["exporter.tables.resolve"],
    "convert": ["exporter.ingest", "exporter.pipeline"],
    "table": ["exporter.ingest", "exporter.pipeline"],
}


def prepare(target: str) -> None:
    for name in MODULES[target]:
        importlib.import_module(name)


def _read(fmt: str, data: bytes):  # noqa: ANN202 - a Document, imported lazily
    from exporter.ingest import READERS

    try:
        if fmt == "pdf":
            # never through OCR: Tesseract takes seconds a page and is not what is fuzzed
            from exporter.ingest.pdf import read_pdf

            return read_pdf(data, f"fuzz.{fmt}", None, ocr="never")
        return READERS[fmt](data, f"fuzz.{fmt}", None)
    except ExporterError:
        return None


def text(data: bytes) -> None:
    _read("text", data)


def html(data: bytes) -> None:
    _read("html", data)


def pdf(data: bytes) -> None:
    _read("pdf", data)


def numbers(data: bytes) -> None:
    from exporter.numbers import parse_number

    cell = data.decode("utf-8", errors="replace")
    number = parse_number(cell)
    if number is None:
        return
    assert isinstance(number.value, Decimal) and number.fraction_digits >= 0
    # What was read prints back as the same number.
    printed = f"{number.value:,.{number.fraction_digits}f}"
    again = parse_number(printed + ("%" if number.percent else ""))
    assert again is not None and again.value == number.value, (cell, printed)


def periods(data: bytes) -> None:
    from exporter.tables.resolve import period_of as parse_period

    header = data.decode("utf-8", errors="replace")
    period = parse_period(header)
    assert period is None or period.start is None or period.start <= period.end


def convert(data: bytes) -> None:
    from exporter.ingest import without_controls
    from exporter.options import ConvertOptions
    from exporter.pipeline import convert_document

    document = _read("text", data)
    if document is None or not document.blocks:
        return
    try:
        convert_document(without_controls(document), "fuzz", ConvertOptions())
    except ExporterError:
        return


# The slots of `exporter.batch.job.WARM_UP_RELEASE` the `table` target fills, in order:
# column headers first, then cells (the first number of each row, then the second).
TABLE_SLOTS = (
    "December 31, 2023",
    "Three months ended December 31,",
    "\t2023\t",
    "\t100\t",
    "\t50\t",
    "\t150\t",
    "\t500\t",
    "\t10\t",
    "\t200\n",
    "\t600\n",
)


def table_release(data: bytes) -> str:
    """The small release with its slots replaced by the lines of `data`, in order.

    Tabs and line breaks inside a line become spaces, so the grid keeps its shape and
    the text lands in one header or cell; lines beyond the slots are ignored.
    """
    from exporter.batch.job import WARM_UP_RELEASE

    release = WARM_UP_RELEASE.decode("utf-8")
    parts = data.decode("utf-8", errors="replace").split("\n")
    for slot, part in zip(TABLE_SLOTS, parts, strict=False):
        text = part.replace("\t", " ").replace("\r", " ")
        release = release.replace(slot, slot.replace(slot.strip("\t\n"), text), 1)
    return release


def table(data: bytes) -> None:
    """Odd header and cell text converts with every output agreeing, or is refused."""
    from exporter.ingest import READERS, without_controls
    from exporter.options import ConvertOptions
    from exporter.pipeline import convert_document

    release = table_release(data).encode("utf-8")
    try:
        document = READERS["text"](release, "fuzz.txt", None)
        conversion = convert_document(without_controls(document), "fuzz", ConvertOptions())
    except ExporterError:
        return
    errors = [str(f) for f in conversion.report.findings if f.severity == "error"]
    assert conversion.report.valid and not errors, (release, errors[:3])


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": text,
    "html": html,
    "pdf": pdf,
    "numbers": numbers,
    "periods": periods,
    "convert": convert,
    "table": table,
}
