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
    "periods": ["exporter.periods"],
    "convert": ["exporter.ingest", "exporter.pipeline"],
}


def prepare(target: str) -> None:
    for name in MODULES[target]:
        importlib.import_module(name)


def _read(fmt: str, data: bytes):  # noqa: ANN202 - a Document, imported lazily
    from exporter.ingest import READERS

    try:
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


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": text,
    "html": html,
    "pdf": pdf,
    "numbers": numbers,
    "periods": periods,
    "convert": convert,
}
