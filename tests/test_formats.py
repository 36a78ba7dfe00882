"""xBRL-JSON, xBRL-CSV, Inline XBRL and the review page: choice, shape, our own checks.

Arelle's reading of the same outputs is in `test_arelle_formats.py`, the browser's in
`test_browser.py`; here the outputs are read with plain JSON, csv and lxml, and our
validators are shown to catch broken renderings before anything is written.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html
from outputs import xml_facts_by_id
from stages import page_without, stages
from swiss_release import FACTS, GROUPING_MARKS, swiss_page

from exporter.cli import main
from exporter.ingest.html import read_html
from exporter.options import ConvertOptions
from exporter.periods import Period
from exporter.pipeline import convert, convert_document
from exporter.render import formats
from exporter.render.oim import csv_period, json_period
from exporter.render.statements import header_lines, split_printed, statement_views
from exporter.tables.model import Column
from exporter.transformations import NUM_DOT_DECIMAL, NUM_DOT_DECIMAL_APOS, written_digits
from exporter.validate import validate_inline, validate_xbrl_csv, validate_xbrl_json
from exporter.validate.inline import displayed_value
from exporter.write import write_conversion

STEM = "qifu-2024q4"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
TABLES = ["balance-sheet", "income-statement", "cash-flow", "comprehensive-income", "non-gaap"]
ALWAYS = {f"{STEM}.xsd", f"{STEM}.report.json", f"{STEM}.report.txt", f"{STEM}.review.html"}
BY_FORMAT = {
    "xml": {f"{STEM}.xml"},
    "jsonld": {f"{STEM}.jsonld"},
    "xbrl-json": {f"{STEM}.json"},
    # The prose's facts, in no statement's table, go into the "other facts" table; the
    # footnotes into a table of their own.
    "xbrl-csv": {
        f"{STEM}.csv.json",
        f"{STEM}-cover.csv",
        f"{STEM}-other-facts.csv",
        f"{STEM}-footnotes.csv",
    }
    | {f"{STEM}-{t}.csv" for t in TABLES},
    "ixbrl": {f"{STEM}.xhtml"},
}


@pytest.fixture(scope="module")
def conversion(sample: Path):
    return convert(sample)


def _names(directory: Path) -> set[str]:
    """The files one conversion wrote (the run's manifest aside)."""
    return {p.name for p in directory.iterdir() if p.is_file()} - {"manifest.jsonl"}


@pytest.mark.parametrize(
    "chosen",
    ["xml", "jsonld", "xbrl-json", "xbrl-csv", "ixbrl", "xml,ixbrl", "xbrl-csv,jsonld,xbrl-json"],
)
def test_format_option_writes_exactly_the_chosen_outputs(
    sample: Path, tmp_path: Path, chosen: str
) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", chosen, "-q"]) == 0
    expected = set(ALWAYS)
    for fmt in chosen.split(","):
        expected |= BY_FORMAT[fmt]
    assert _names(tmp_path) == expected


def test_default_writes_every_format(sample: Path, tmp_path: Path) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "-q"]) == 0
    assert _names(tmp_path) == ALWAYS.union(*BY_FORMAT.values())


def test_unknown_format_names_the_choices(sample: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", "xml,xlsx"]) == 2
    assert "choose from xml, jsonld, xbrl-json, xbrl-csv, ixbrl" in capsys.readouterr().err


def test_an_output_that_fails_validation_is_not_written(
    sample: Path, tmp_path: Path, monkeypatch
) -> None:
    real = formats.render_xbrl_json

    def broken(*args, **kwargs) -> bytes:
        return real(*args, **kwargs).replace(b'"4482252000"', b'"4482352000"', 1)

    monkeypatch.setattr(formats, "render_xbrl_json", broken)
    conversion = convert(sample, ConvertOptions(formats=("xml", "xbrl-json")))
    assert not conversion.report.valid
    assert conversion.report.outputs == ()
    assert "xbrl-json.fact-mismatch" in {f.code for f in conversion.report.findings}
    write_conversion(conversion, tmp_path)
    assert _names(tmp_path) == ALWAYS - {f"{STEM}.xsd"}  # the reports and the review only
    review = (tmp_path / f"{STEM}.review.html").read_text(encoding="utf-8")
    assert "xbrl-json.fact-mismatch" in review
    assert f"{STEM}.xhtml#" not in review


# xBRL-JSON ------------------------------------------------------------------------------


def test_xbrl_json_has_the_instance_facts_under_their_ids(conversion) -> None:
    document = json.loads(conversion.files[f"{STEM}.json"])
    info = document["documentInfo"]
    assert info["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == [f"{STEM}.xsd"]
    instance = xml_facts_by_id(conversion.files[f"{STEM}.xml"])
    numeric = {
        k for k, f in document["facts"].items() if "unit" in f["dimensions"] or "decimals" in f
    }
    assert numeric == set(instance)
    cover = {
        f["dimensions"]["concept"]: f["value"]
        for f in document["facts"].values()
        if f["dimensions"]["concept"].startswith("dei:")
    }
    assert cover["dei:EntityRegistrantName"] == "Qifu Technology, Inc."
    assert cover["dei:DocumentPeriodEndDate"] == "2024-12-31"
    revenue = document["facts"]["f179"]
    assert revenue == {
        "value": "4482252000",
        "decimals": -3,
        "dimensions": {
            "concept": "xe:Revenues",
            "entity": "ticker:NASDAQ:QFIN",
            "period": "2024-10-01T00:00:00/2025-01-01T00:00:00",
            "unit": "iso4217:CNY",
        },
    }
    margin = next(f for f in document["facts"].values() if f["value"] == "0.427")
    assert "unit" not in margin["dimensions"]  # xbrli:pure is written by leaving it out


def _json_check(conversion, document: bytes):
    instance = conversion.files[f"{STEM}.xml"]
    return validate_xbrl_json(document, f"{STEM}.json", instance, f"{STEM}.xml", f"{STEM}.xsd")


def test_xbrl_json_validator_passes_ours(conversion) -> None:
    result = _json_check(conversion, conversion.files[f"{STEM}.json"])
    assert result.findings == ()
    assert result.fact_count == 541  # 447 from the tables, 85 from the prose, 9 cover facts


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d["facts"]["f179"].update(value="4482352000"), "xbrl-json.fact-mismatch"),
        (lambda d: d["facts"].pop("f179"), "xbrl-json.fact-missing"),
        (lambda d: d["facts"]["f179"].update(value=4482252000), "xbrl-json.fact"),
        (
            lambda d: d["facts"]["f179"]["dimensions"].update(concept="us:Revenues"),
            "xbrl-json.fact",
        ),
        (
            lambda d: d["facts"]["f179"]["dimensions"].update(period="2024-10-01/2024-12-31"),
            "xbrl-json.fact",
        ),
        (lambda d: d["documentInfo"].update(taxonomy=[]), "xbrl-json.taxonomy"),
        (
            lambda d: d["facts"].update(x1=d["facts"]["f12"] | {"value": "1"}),
            "xbrl-json.fact-inconsistent",
        ),
    ],
    ids=["value", "missing", "number", "prefix", "period", "taxonomy", "duplicate"],
)
def test_xbrl_json_validator_catches(conversion, change, code: str) -> None:
    document = json.loads(conversion.files[f"{STEM}.json"])
    change(document)
    result = _json_check(conversion, json.dumps(document).encode())
    assert code in result.codes()
    assert not result.ok


# xBRL-CSV -------------------------------------------------------------------------------


def _table(conversion, name: str) -> list[list[str]]:
    text = conversion.files[f"{STEM}-{name}.csv"].decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_csv_tables_read_like_the_statements(conversion) -> None:
    header, *rows = _table(conversion, "income-statement")
    assert header[:4] == [
        "label",
        "Three_months_ended_December_31_2023_RMB",
        "Three_months_ended_December_31_2024_RMB",
        "Three_months_ended_December_31_2024_USD",
    ]
    by_label = {row[0]: row for row in rows}
    assert by_label["Total net revenue"][2] == "4482252000"
    assert by_label["Income taxes expense"][1] == "223237000"  # printed (223,237): an expense
    diluted = next(row for row in rows if row[0] == "  Diluted")
    assert diluted[header.index("concept")] == "xe:EarningsPerShareDiluted"
    assert diluted[1] == "3.44"
    labels = [row[0] for row in rows]
    assert labels.index("Total net revenue") < labels.index("Net income") < labels.index("  Basic")


def test_csv_stacked_blocks_become_one_table(conversion) -> None:
    header, *rows = _table(conversion, "comprehensive-income")
    assert len([c for c in header if c.startswith(("Three", "Year"))]) == 6
    # Each block's rows joined by label; the subtotal is worded differently in the year
    # block ("Other comprehensive income" against "Other comprehensive (loss) income").
    assert len(rows) == 8
    net_income = rows[0]
    assert net_income[:7] == [
        "Net income",
        "1107688000",
        "1912667000",
        "262034000",
        "4268577000",
        "6248116000",
        "855987000",
    ]


def test_csv_instants_in_duration_columns_take_their_period_from_the_row(conversion) -> None:
    _, *rows = _table(conversion, "cash-flow")
    opening = next(r for r in rows if r[0].endswith("beginning of period"))
    assert "2024-09-30@end" in opening
    assert "2024-10-01..2024-12-31" in rows[0]


def _csv_check(conversion, files: dict[str, bytes]):
    instance = conversion.files[f"{STEM}.xml"]
    return validate_xbrl_csv(files, f"{STEM}.csv.json", instance, f"{STEM}.xml", f"{STEM}.xsd")


def _csv_files(conversion) -> dict[str, bytes]:
    return {n: d for n, d in conversion.files.items() if ".csv" in n}


def test_xbrl_csv_validator_passes_ours(conversion) -> None:
    result = _csv_check(conversion, _csv_files(conversion))
    assert result.findings == ()
    assert result.fact_count == 593  # the tables' 499 numbers, the prose's 85, 9 cover facts


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (b",4482252000,", b",4482352000,", "xbrl-csv.fact-missing"),
        (
            b"Income taxes expense,223237000",
            b"Income taxes expense,-223237000",
            "xbrl-csv.fact-inconsistent",
        ),
        (b"label,Three", b"Label,Three", "xbrl-csv.header"),
        (b"xe:Revenues", b"zz:Revenues", "xbrl-csv.fact"),
        (b"\nASSETS,,,,", b"\nASSETS,,,,xe:Assets", "xbrl-csv.unused-parameter"),
    ],
    ids=["value", "sign", "header", "prefix", "unused-parameter"],
)
def test_xbrl_csv_validator_catches(conversion, old: bytes, new: bytes, code: str) -> None:
    files = _csv_files(conversion)
    changed = {n: d.replace(old, new, 1) for n, d in files.items() if n.endswith(".csv")}
    assert changed != {n: d for n, d in files.items() if n.endswith(".csv")}
    result = _csv_check(conversion, {**files, **changed})
    assert code in result.codes()


def test_xbrl_csv_validator_needs_every_table(conversion) -> None:
    files = _csv_files(conversion)
    files.pop(f"{STEM}-cash-flow.csv")
    assert "xbrl-csv.table-missing" in _csv_check(conversion, files).codes()


# Inline XBRL ----------------------------------------------------------------------------


def _page(conversion) -> etree._Element:
    return etree.fromstring(conversion.files[f"{STEM}.xhtml"])


def test_inline_tags_every_printed_number_as_printed(conversion) -> None:
    page = _page(conversion)
    tags = {t.get("id"): t for t in page.iter(f"{IX}nonFraction")}
    assert len(tags) == 584  # the tables' 499 numbers and the prose's 85 facts (hidden)
    taxes = tags["f274"]  # Income taxes expense (223,237): a positive expense, shown in brackets
    assert (taxes.text, taxes.get("scale"), taxes.get("sign")) == ("223,237", "3", None)
    assert "".join(taxes.getparent().itertext()) == "(223,237)"
    investing = next(t for t in tags.values() if t.text == "1,885,694")
    assert investing.get("sign") == "-"  # NetCashProvidedByUsedInInvestingActivities < 0
    margin = next(t for t in tags.values() if t.text == "42.7")
    assert (margin.get("scale"), margin.get("decimals")) == ("-2", "3")
    dash = next(t for t in tags.values() if t.text == "-")
    assert dash.get("format") == "ixt:fixed-zero"
    assert all(t.get("format") for t in tags.values() if t.getparent().tag != f"{IX}hidden")


def test_inline_page_reads_like_a_statement(conversion) -> None:
    page = _page(conversion)
    titles = [h.text for h in page.iter(f"{XHTML}h2") if h.getparent().get("class") == "statement"]
    assert titles[1] == "Unaudited Condensed Consolidated Statements of Operations"
    rows = {
        "".join(r.find(f"{XHTML}th").itertext()): r for r in page.iter(f"{XHTML}tr") if r.get("id")
    }
    assert rows["Total net revenue"].get("class") == "total"
    assert rows["TOTAL ASSETS"].get("class") == "grand-total"
    assert rows["Current assets:"].get("class") == "heading"
    assert rows["Cash and cash equivalents"].find(f"{XHTML}th").get("class") == "label d2"
    assert page.find(f".//{XHTML}style") is not None
    # Every table fact is printed in a table; only the prose's own facts are hidden.
    hidden = page.find(f".//{IX}hidden")
    assert hidden is not None and len(hidden) == 85


def _inline_check(conversion, page: bytes, instance: bytes | None = None):
    instance = instance or conversion.files[f"{STEM}.xml"]
    return validate_inline(page, f"{STEM}.xhtml", instance, f"{STEM}.xml", f"{STEM}.xsd")


def test_inline_validator_passes_ours(conversion) -> None:
    result = _inline_check(conversion, conversion.files[f"{STEM}.xhtml"])
    assert result.findings == ()
    assert result.fact_count == 593  # with the 9 cover facts


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (b">4,482,252<", b">4,482,352<", "ixbrl.fact-mismatch"),
        (b' sign="-">1,885,694<', b">1,885,694<", "ixbrl.fact-mismatch"),
        (
            b'scale="3" format="ixt:num-dot-decimal">223,237<',
            b'scale="6" format="ixt:num-dot-decimal">223,237<',
            "ixbrl.fact-mismatch",
        ),
        (b'contextRef="D2024-10-01_2024-12-31"', b'contextRef="D2024-10-01"', "ixbrl.tag"),
        (b">4,482,252<", b">4.482.252<", "ixbrl.tag"),
        (b'id="c3-355-2"', b'id="f179"', "ixbrl.duplicate-id"),
        (
            b'xlink:href="qifu-2024q4.xsd"/>\n</ix:references>',
            b'xlink:href="other.xsd"/>\n</ix:references>',
            "ixbrl.header",
        ),
        (
            b"<xbrli:endDate>2024-12-31</xbrli:endDate>",
            b"<xbrli:endDate>2024-12-30</xbrli:endDate>",
            "ixbrl.header",
        ),
    ],
    ids=["digits", "sign", "scale", "context", "format", "id", "schema", "context-period"],
)
def test_inline_validator_catches(conversion, old: bytes, new: bytes, code: str) -> None:
    page = conversion.files[f"{STEM}.xhtml"]
    assert old in page
    result = _inline_check(conversion, page.replace(old, new, 1))
    assert code in result.codes()
    assert not result.ok


def test_facts_no_cell_prints_are_hidden(sample: Path) -> None:
    page, files = page_without(sample, "cash_flow")
    root = etree.fromstring(page)
    hidden = root.find(f".//{IX}hidden")
    assert hidden is not None and len(hidden) > 0
    assert all(h.get("format") is None for h in hidden)
    instance = files[f"{STEM}.xml"]
    result = validate_inline(page, f"{STEM}.xhtml", instance, f"{STEM}.xml", f"{STEM}.xsd")
    assert result.findings == ()


# Swiss releases: thousands grouped by apostrophes or narrow spaces ---------------------

# Per grouping mark: the format its figures are tagged with, the registry the page then
# declares, and Net sales of H1 2025 as the page writes it (a number read from a cell has
# its no-break and narrow no-break spaces made spaces).
_SWISS_TAGS = {
    "apostrophe": (
        "ixt:num-dot-decimal-apos",
        "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16",
        "412'618.4",
    ),
    "right-quote": (
        "ixt:num-dot-decimal-apos",
        "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16",
        "412\u2019618.4",
    ),
    "narrow-nbsp": (
        "ixt:num-dot-decimal",
        "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
        "412 618.4",
    ),
    "nbsp": (
        "ixt:num-dot-decimal",
        "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
        "412 618.4",
    ),
}


@pytest.mark.parametrize("mark", list(GROUPING_MARKS))
def test_a_swiss_release_reads_and_tags_its_grouped_thousands(mark: str) -> None:
    """ "in CHF 1'000" over "412'618.4": the caption's scale is read whatever mark groups
    its "1'000" (unread, every amount came out 1000 times too small), and each figure is
    tagged in a format that reads it as printed (`num-dot-decimal` does not allow an
    apostrophe: the page failed its own check and the release was invalid)."""
    page = swiss_page(GROUPING_MARKS[mark], GROUPING_MARKS[mark])
    document = read_html(page.encode("utf-8"), "alpenfeld.htm", None)
    conversion = convert_document(document, "alpenfeld", ConvertOptions(formats=("xml", "ixbrl")))
    periods = {c.id: c.period for c in conversion.facts.contexts}
    facts = {
        (f.concept, str(periods[f.context].start), str(periods[f.context].end), f.value)
        for f in conversion.facts.facts
        if f.unit == "CHF"
    }
    assert facts >= FACTS
    xhtml, instance = conversion.files["alpenfeld.xhtml"], conversion.files["alpenfeld.xml"]
    check = validate_inline(xhtml, "alpenfeld.xhtml", instance, "alpenfeld.xml", "alpenfeld.xsd")
    assert check.findings == ()
    assert conversion.report.status != "invalid"
    root = etree.fromstring(xhtml)
    format_name, registry, net_sales = _SWISS_TAGS[mark]
    assert root.nsmap["ixt"] == registry
    tag = next(t for t in root.iter(f"{IX}nonFraction") if t.get("id") == "f1")
    assert (tag.text, tag.get("format"), tag.get("scale")) == (net_sales, format_name, "3")


@pytest.mark.parametrize(
    ("digits", "number_format", "written"),
    [
        ("1,234.5", NUM_DOT_DECIMAL, "1,234.5"),
        ("1\u00a0234.5", NUM_DOT_DECIMAL, "1\u00a0234.5"),
        ("1'234.5", NUM_DOT_DECIMAL_APOS, "1'234.5"),
        ("1\u2019234\u2019567", NUM_DOT_DECIMAL_APOS, "1\u2019234\u2019567"),
        # No registry format allows a narrow no-break space: written as a no-break space.
        ("52\u202f418.9", NUM_DOT_DECIMAL, "52\u00a0418.9"),
        ("1\u202f234\u2019567", NUM_DOT_DECIMAL_APOS, "1\u00a0234\u2019567"),
    ],
)
def test_printed_digits_take_the_format_that_reads_them(
    digits: str, number_format, written: str
) -> None:
    assert written_digits(digits) == (number_format, written)


@pytest.mark.parametrize(
    ("registry", "name", "text", "value"),
    [
        ("2020-02-12", "num-dot-decimal", "1,234.5", Decimal("1234.5")),
        ("2020-02-12", "num-dot-decimal", "1'234.5", None),
        ("2020-02-12", "num-dot-decimal-apos", "1'234.5", None),  # not in Registry 4
        ("2022-02-16", "num-dot-decimal-apos", "1'234.5", Decimal("1234.5")),
        ("2022-02-16", "num-dot-decimal-apos", "1\u2019234\u00a0567.25", Decimal("1234567.25")),
        ("2022-02-16", "num-dot-decimal-apos", "1\u202f234.5", None),
        ("2022-02-16", "num-dot-decimal", "12 345", Decimal("12345")),
        ("2022-02-16", "fixed-zero", "-", Decimal("0")),
    ],
)
def test_inline_check_reads_a_format_as_its_registry_defines_it(
    registry: str, name: str, text: str, value: Decimal | None
) -> None:
    clark = f"{{http://www.xbrl.org/inlineXBRL/transformation/{registry}}}{name}"
    assert displayed_value(text, clark) == value


# The review page ------------------------------------------------------------------------


def test_review_links_every_finding_to_its_cell(conversion) -> None:
    review = html.fromstring(conversion.review)
    anchors = {e.get("id") for e in _page(conversion).iter() if e.get("id")}
    links = [
        a.get("href") for a in review.iter("a") if a.get("href", "").startswith(f"{STEM}.xhtml#")
    ]
    assert len(links) == 11  # one per translation warning
    assert all(link.partition("#")[2] in anchors for link in links)
    assert links[0] == f"{STEM}.xhtml#c1-314-3"  # Total non-current assets, USD column
    text = review.text_content()
    assert "warnings" in text and "passed" in text
    for label in ("XBRL instance", "JSON-LD", "xBRL-JSON", "xBRL-CSV", "Inline XBRL"):
        assert label in text


def test_review_without_inline_view_has_no_cell_links(sample: Path, tmp_path: Path) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", "xml", "-q"]) == 0
    review = html.fromstring((tmp_path / f"{STEM}.review.html").read_bytes())
    assert not [a for a in review.iter("a") if ".xhtml" in a.get("href", "")]


# Building blocks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("4,482,252", ("", "4,482,252", "")),
        ("(223,237)", ("(", "223,237", ")")),
        ("42.7%", ("", "42.7", "%")),
        ("$(0.13)", ("$(", "0.13", ")")),
        ("-", ("", "-", "")),
        ("5 873", ("", "5 873", "")),
        ("(17\u00a0640)", ("(", "17\u00a0640", ")")),
        ("1 204.7", ("", "1 204.7", "")),
        ("412'618.4", ("", "412'618.4", "")),
        ("-248\u2019310.2", ("-", "248\u2019310.2", "")),
        ("(1\u202f234.5)", ("(", "1\u202f234.5", ")")),
    ],
)
def test_printed_numbers_split_around_their_digits(printed: str, parts: tuple) -> None:
    assert split_printed(printed) == parts


def _column(header: str) -> Column:
    return Column(position=0, header=header, period=None, currency=None)


def test_header_lines_stack_and_merge() -> None:
    headers = [
        "Three months ended December 31, 2023 RMB",
        "Three months ended December 31, 2024 RMB",
        "Three months ended December 31, 2024 USD",
        "Year ended December 31, 2024 RMB",
    ]
    lines = header_lines(tuple(_column(h) for h in headers))
    assert [[(c.text, c.span) for c in line] for line in lines] == [
        [("Three months ended December 31,", 3), ("Year ended December 31,", 1)],
        [("2023", 1), ("2024", 2), ("2024", 1)],
        [("RMB", 1), ("RMB", 1), ("USD", 1), ("RMB", 1)],
    ]


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("period", "json_text", "csv_text"),
    [
        # xBRL-JSON 1.0 §3.6.4: an instant is the end of its day, written as the next
        # midnight; a duration runs from the start's midnight to the midnight after its end.
        (Period(end=date(2024, 12, 31)), "2025-01-01T00:00:00", "2024-12-31@end"),
        (
            Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),
            "2024-01-01T00:00:00/2025-01-01T00:00:00",
            "2024-01-01..2024-12-31",
        ),
        (Period(end=date(2024, 2, 28)), "2024-02-29T00:00:00", "2024-02-28@end"),
        (Period(end=date(2023, 2, 28)), "2023-03-01T00:00:00", "2023-02-28@end"),
        (
            Period(start=date(2024, 10, 1), end=date(2024, 12, 31)),
            "2024-10-01T00:00:00/2025-01-01T00:00:00",
            "2024-10-01..2024-12-31",
        ),
        (
            Period(start=date(2023, 7, 30), end=date(2023, 10, 28)),
            "2023-07-30T00:00:00/2023-10-29T00:00:00",
            "2023-07-30..2023-10-28",
        ),
    ],
)
def test_oim_periods_are_written_as_the_specifications_say(
    period: Period, json_text: str, csv_text: str
) -> None:
    """Expected texts written by hand from the OIM specifications, not read back with
    the exporter's own period reader."""
    assert json_period(period) == json_text
    assert csv_period(period) == csv_text


@given(days, st.integers(min_value=0, max_value=800))
def test_oim_periods_follow_the_calendar(start: date, length: int) -> None:
    """Over any dates: the JSON form's instant is the ISO date after the end (the
    standard library's calendar), the CSV form names the dates themselves."""
    end = start + timedelta(days=length)
    after = (end + timedelta(days=1)).isoformat()
    assert json_period(Period(end=end)) == f"{after}T00:00:00"
    assert (
        json_period(Period(start=start, end=end))
        == f"{start.isoformat()}T00:00:00/{after}T00:00:00"
    )
    assert csv_period(Period(end=end)) == f"{end.isoformat()}@end"
    assert csv_period(Period(start=start, end=end)) == f"{start.isoformat()}..{end.isoformat()}"


def test_facts_no_statement_prints_are_listed_in_the_csv(sample: Path) -> None:
    """The CSV tables follow the statements; facts outside them get a list of their own."""
    taxonomy, tables, facts = stages(sample)
    job = formats.render_outputs(facts, taxonomy, tables, STEM, "taxonomy")
    views = statement_views(tuple(t for t in tables if t.kind != "cash_flow"), job.facts)
    files = formats.xbrl_csv_files(job.model_copy(update={"views": views}))
    assert f"{STEM}-cash-flow.csv" not in files
    header, *rows = list(csv.reader(io.StringIO(files[f"{STEM}-other-facts.csv"].decode())))
    assert header[:2] == ["label", "value"]
    assert len(rows) == len(views.hidden) > 0
    instance = job.document.files[f"{STEM}.xml"]
    result = validate_xbrl_csv(files, f"{STEM}.csv.json", instance, f"{STEM}.xml", f"{STEM}.xsd")
    assert result.findings == ()


def test_oim_formats_wait_for_an_identifier_without_spaces(sample: Path) -> None:
    """An OIM entity is an SQName: an identifier with spaces has no OIM form. The xBRL-JSON
    and xBRL-CSV are then left out with a warning saying how to fix it; the rest is written."""
    conversion = convert(sample, ConvertOptions(entity_id="Qifu Technology Inc"))
    assert conversion.report.valid
    codes = {f.code for f in conversion.report.findings}
    assert {"xbrl-json.not-written", "xbrl-csv.not-written"} <= codes
    assert f"{STEM}.json" not in conversion.files
    assert f"{STEM}.csv.json" not in conversion.files
    assert {f"{STEM}.xml", f"{STEM}.xhtml"} <= set(conversion.files)
    assert b"--entity-id" in conversion.review
