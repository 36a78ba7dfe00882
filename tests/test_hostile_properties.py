"""Properties under hostile input: parsers round-trip and stay fast, readers never crash, and
text from the input reaches the XML, JSON-LD and report escaped and well-formed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hostile_corpus import RELEASE, build_pdf, page_ops
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.document import Cell, Table
from exporter.errors import ExporterError
from exporter.ingest import read_document
from exporter.ingest.pdf import read_pdf
from exporter.ingest.text import read_text
from exporter.numbers import parse_number
from exporter.options import ConvertOptions
from exporter.periods import Period, months_back
from exporter.pipeline import convert, convert_document
from exporter.report import report_json, summary_text
from exporter.tables.resolve import period_of as parse_period

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# --- numbers ------------------------------------------------------------------------------


def _grouped(value: Decimal, digits: int, separators: bool) -> str:
    return f"{abs(value):,.{digits}f}" if separators else f"{abs(value):.{digits}f}"


@st.composite
def printed_numbers(draw: st.DrawFn) -> tuple[str, Decimal, int, bool]:
    digits = draw(st.integers(0, 4))
    value = draw(st.decimals(min_value=-(10**13), max_value=10**13, places=digits))
    assume(value.is_finite())
    body = _grouped(value, digits, draw(st.booleans()))
    percent = draw(st.booleans())
    currency = draw(st.sampled_from(["", "$", "US$", "RMB", "€", "£"]))
    if value < 0:
        style = draw(st.sampled_from(["parens", "minus", "unicode-minus", "currency-in-parens"]))
        text = {
            "parens": f"{currency}({body})",
            "minus": f"-{currency}{body}",
            "unicode-minus": f"\u2212{currency}{body}",
            "currency-in-parens": f"({currency}{body})",
        }[style]
    else:
        text = f"{currency}{body}"
    text += "%" if percent else ""
    text += draw(st.sampled_from(["", " (a)", "*", "¹", " (b)*"]))
    return text, value, digits, percent


@settings(max_examples=400)
@given(printed_numbers())
def test_printed_numbers_round_trip(printed: tuple[str, Decimal, int, bool]) -> None:
    text, value, digits, percent = printed
    number = parse_number(text)
    assert number is not None, text
    assert (number.value, number.fraction_digits, number.percent) == (value, digits, percent)


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_any_cell_parses_or_is_none_and_invents_no_digits(text: str) -> None:
    number = parse_number(text)
    if number is not None and not number.dash:
        digits = re.sub(r"\D", "", format(number.value.copy_abs(), "f")).lstrip("0")
        assert digits.rstrip("0") in re.sub(r"\D", "", text)


@pytest.mark.parametrize(
    "cell",
    [
        pytest.param("*" * 60 + "x", id="asterisks-then-a-letter"),
        pytest.param(";-" + "*" * 60 + "2", id="asterisks-then-a-digit"),
        pytest.param(" *" * 20_000 + "x", id="spaced-asterisks"),
        pytest.param("(a)" * 20_000 + "x", id="letter-marks"),
        pytest.param("+" + "\x1e" * 20_000 + "'", id="separator-run"),
        pytest.param("- " + " " * 20_000 + "(x", id="space-run"),
    ],
)
def test_regression_cells_that_made_the_number_parser_backtrack(cell: str) -> None:
    """Found by the fuzzer: nested quantifiers took exponential or high polynomial time."""
    start = time.perf_counter()
    parse_number(cell)
    assert time.perf_counter() - start < 1.0


# --- periods ------------------------------------------------------------------------------

_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_SPANS = {3: "Three Months Ended", 6: "Six months ended", 9: "Nine Months Ended", 12: "Year ended"}


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


@settings(max_examples=300)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 1)),
    st.sampled_from([0, 3, 6, 9, 12]),
    st.sampled_from(["one-line", "year-below", "upper"]),
)
def test_period_headers_round_trip(day: date, months: int, layout: str) -> None:
    end = _month_end(day)
    when = f"{_MONTHS[end.month - 1]} {end.day}"
    lead = f"{_SPANS[months]} " if months else ""
    header = {
        "one-line": f"{lead}{when}, {end.year}",
        "year-below": f"{lead}{when},\n{end.year}",
        "upper": f"{lead}{when}, {end.year}".upper(),
    }[layout]
    expected = Period(start=months_back(end, months), end=end) if months else Period(end=end)
    assert parse_period(header) == expected, header


@settings(max_examples=200)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 1)), st.sampled_from([13, 26]))
def test_week_headers_count_back_whole_weeks(end: date, weeks: int) -> None:
    header = f"{weeks} weeks ended {_MONTHS[end.month - 1]} {end.day}, {end.year}"
    period = parse_period(header)
    assert period == Period(start=end - timedelta(days=7 * weeks - 1), end=end)


def test_regression_zero_months_names_no_period() -> None:
    """Found by the fuzzer: "0 Months ... Sep 3, 2203" gave a period ending before it began."""
    assert parse_period("0 Months ended September 3, 2024") is None


@settings(max_examples=300)
@given(st.text(max_size=120))
def test_any_header_is_a_period_or_none(text: str) -> None:
    period = parse_period(text)
    assert period is None or period.start is None or period.start <= period.end


# --- table readers ------------------------------------------------------------------------

_HOSTILE_CELL = st.one_of(
    st.sampled_from(["", "1,234", "(56.7)", "—", "12%", "$", "<b>", "&amp;", "]]>", '"', "'"]),
    st.text(max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_HOSTILE_CELL, min_size=1, max_size=7), min_size=1, max_size=12))
def test_random_tab_tables_never_crash(rows: list[list[str]]) -> None:
    lines = ["\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) for row in rows]
    text = "Title\n\n" + "\n".join(lines) + "\n"
    document = read_text(text, "random.txt")
    for table in document.tables:
        assert all(r.cells == tuple(sorted(r.cells, key=lambda c: c.column)) for r in table.rows)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_HOSTILE_CELL, min_size=1, max_size=6), min_size=1, max_size=10))
def test_random_fixed_width_tables_never_crash(rows: list[list[str]]) -> None:
    lines = ["".join(f"{c.replace(chr(10), ' '):>16}" for c in row) for row in rows]
    read_text("Statement\n\n" + "\n".join(lines) + "\n", "random.txt")


_PDF_CELL = st.sampled_from(["Revenue", "Net income", "1,234", "(56)", "-", "2024", "$", "x", ""])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PDF_CELL, min_size=1, max_size=5), min_size=1, max_size=12))
def test_random_pdf_tables_never_crash(rows: list[list[str]]) -> None:
    lines = [
        (72 + 110 * i, 100 + 14 * r, cell)
        for r, row in enumerate(rows)
        for i, cell in enumerate(row)
        if cell
    ]
    data = build_pdf([page_ops(lines or [(72, 72, "x")])])
    try:
        document = read_pdf(data, "random.pdf", None)
    except ExporterError:
        return
    for table in (b for b in document.blocks if isinstance(b, Table)):
        assert all(r.page == 1 for r in table.rows)


# --- output safety: labels from the input reach every output well-formed ------------------

HOSTILE_LABEL = "Widgets <b>&amp; \"gadgets\" ]]> 'x' \x07\x1b[31m\x7f end"


def _with_label(tmp_path: Path, label: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "Security deposit prepaid to third-party guarantee companies\t", f"{label}\t", 1
    )
    path = tmp_path / "label.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _labels(schema: bytes) -> list[str]:
    link = "{http://www.xbrl.org/2003/linkbase}label"
    return [e.text or "" for e in etree.fromstring(schema).iter(link)]


def test_a_hostile_label_round_trips_into_xml_jsonld_and_report(tmp_path: Path) -> None:
    conversion = convert(_with_label(tmp_path, HOSTILE_LABEL))
    assert conversion.report.valid
    expected = "Widgets <b>&amp; \"gadgets\" ]]> 'x' \ufffd\ufffd[31m\ufffd end"
    assert expected in _labels(conversion.files["label.xsd"])
    for name, data in conversion.files.items():
        assert_well_formed(name, data)
    nodes = json.loads(conversion.files["label.jsonld"])["facts"]
    assert expected in {n["source"]["label"] for n in nodes}
    report = json.loads(report_json(conversion.report))
    assert expected in {e["label"] for e in report["extensions"]}
    assert not _CONTROL.search(summary_text(conversion.report))


def test_view_models_sanitise_text_that_bypasses_the_reader(tmp_path: Path) -> None:
    """A hand-built document with raw control characters still renders well-formed XML."""
    document = read_document(_with_label(tmp_path, "Widgets"))
    raw = HOSTILE_LABEL.replace("\x7f", "\x00\x0c\ud800")

    def relabel(cell: Cell) -> Cell:
        return cell.model_copy(update={"text": raw}) if cell.text == "Widgets" else cell

    blocks = tuple(
        b.model_copy(
            update={
                "rows": tuple(
                    r.model_copy(update={"cells": tuple(map(relabel, r.cells))}) for r in b.rows
                )
            }
        )
        if isinstance(b, Table)
        else b
        for b in document.blocks
    )
    conversion = convert_document(
        document.model_copy(update={"blocks": blocks}),
        "label",
        ConvertOptions(entity_scheme="http://example.com/<&>", entity_id="id\x01\"'<&>"),
    )
    for name, data in conversion.files.items():
        assert_well_formed(name, data)
    labels = _labels(conversion.files["label.xsd"])
    assert any(label.startswith("Widgets <b>&amp;") for label in labels)
    assert not any(_CONTROL.search(label) or "\ud800" in label for label in labels)
    instance = etree.fromstring(conversion.files["label.xml"])
    identifier = instance.find(".//{http://www.xbrl.org/2003/instance}identifier")
    assert identifier is not None and identifier.text == "id\ufffd\"'<&>"
    json.loads(conversion.files["label.jsonld"])


_LABEL_CHARS = st.text(
    alphabet=st.sampled_from(list("ab <>&\"']]\x01\x07\x1b\x7f\u00e9\u4e2d\U0001f600")),
    min_size=1,
    max_size=30,
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LABEL_CHARS)
def test_any_label_gives_well_formed_outputs(tmp_path_factory, label: str) -> None:
    label = label.strip()
    assume(label and not label[0].isdigit())
    text = RELEASE.replace("Other assets", label)
    path = tmp_path_factory.mktemp("label") / "release.txt"
    path.write_text(text, encoding="utf-8")
    try:
        conversion = convert(path)
    except ExporterError:
        return
    for name, data in conversion.files.items():
        assert_well_formed(name, data)
    json.loads(report_json(conversion.report))


def assert_well_formed(name: str, data: bytes) -> None:
    """XML parses, JSON loads, CSV reads: whatever the output format."""
    if name.endswith((".xml", ".xsd", ".xhtml", ".html")):
        etree.fromstring(data)
    elif name.endswith((".json", ".jsonld")):
        json.loads(data)
    elif name.endswith(".csv"):
        list(csv.reader(io.StringIO(data.decode("utf-8"))))
    else:
        raise AssertionError(f"unexpected output {name}")
