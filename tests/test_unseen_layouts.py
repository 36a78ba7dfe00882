"""Layout classes met in releases outside the corpus, each generated in the prints that
carry it, with the facts expected written by hand.

- Quarter columns whose ordinal and "Quarter" are on two header lines, the year printed
  as a row in the label column above each year's rows ("2018:" ... "2017:"): the same
  columns twice, one year each.
- "Q1 March | Q2 June": a quarter and the month it ends, with no day in "Q1".
- The table's unit in the label cell of its header row ("EUR million | Q2 2024").
- Columns naming fiscal quarters and halves without dates ("H1 2024", "4Q24", "FY24")
  where only a sentence says when a quarter ended.
- A balance sheet under a headline that names a span ("first half of 2024"): its dates
  stay instants.
- A highlights table whose cells print their own scale ("$120.5 million", "$1.2 billion"),
  as HTML or as aligned text; a bullet ending in such an amount stays a sentence.
- A footnote mark on a bare year under a month-and-day header ("September 30," over
  "2025¹", "2025*", "2025 (a)", "2025†"): the column is still that date.
- One period printed as restated beside the figures first reported ("Q3 2024 (as
  restated) | Q3 2024 (as reported)"): the restated figures are the period's facts, the
  others the previously reported member of the restatement axis.
- A title naming one date for each compared period ("Thirteen Weeks Ended November 1,
  2025 and November 2, 2024", "As of June 30, 2025 and December 31, 2024", "Years Ended
  December 31, 2025, 2024 and 2023") over columns naming only their year or quarter
  ("Q3 2025 | Q3 2024", "2025 | 2024"): each column is the date in its own year, in text
  and HTML, whether the title spans the columns as a header row or stands above the table.
- A bank's key figures under a money caption ("NOK million, unless otherwise stated")
  with a row in basis points by its label ("Cost of risk (bps) 45 52"), changes printed
  in points or as a multiple ("-7 bps", "+0.8 pp", "+0.2x") and ratios of balances
  ("Loan-to-deposit ratio"), in text and HTML: rates, differences in the row's own unit
  and instants at the quarter's end.
- Negatives printed with a triangle ("Treasury shares \u25b312,408", "\u25b2 22,415"), as
  Japanese statements print them, in text, HTML and PDF.
- A title in the label cell of the header row ("Key figures | Q3 2025 | Q3 2024 | Change",
  "Balance sheet | 30 Sep 2025 | 31 Dec 2024"), in tab-separated, pipe and HTML tables:
  the row still heads the columns.
- A table of growth rates ("Year over Year Growth Rates", stub "Year over Year % Change")
  whose adjustment columns print bare percentage points beside "Reported % Change" and
  "Core % Change", in text and HTML, the wording in the title or in the stub: every cell
  of a line item's row is that item's percent change, never an amount or a per-share figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renderings_pdf import drawn_release
from renderings_text import cell_per_line, flattened
from reportlab.pdfgen.canvas import Canvas

from exporter.document import Cell, Row
from exporter.extensions import concept_name
from exporter.ingest import read_document
from exporter.numbers import parse_number
from exporter.options import ConvertOptions
from exporter.pipeline import Conversion, convert
from exporter.tables import understand_tables
from exporter.tables.calendar import CalendarEvidence
from exporter.tables.decimals import to_decimal_point
from exporter.tables.headers import is_header_row
from exporter.taxonomy import load_taxonomy

FactKey = tuple[str, str]


def _facts(path: Path) -> dict[FactKey, Decimal]:
    converted = convert(path, ConvertOptions())
    return {(f.concept, f.context): Decimal(str(f.value)) for f in converted.facts.facts}


def _valued(conversion: Conversion) -> dict[FactKey, tuple[Decimal, str]]:
    """The conversion's facts with their units, by concept and context."""
    return {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}


def _aligned(label: str, cells: tuple[str, ...], label_width: int, cell_width: int) -> str:
    """One line of a fixed-width table: the label left-aligned, the cells right-aligned."""
    return f"{label:<{label_width}}" + "".join(f"{c:>{cell_width}}" for c in cells)


def _release(tmp_path: Path, text: str, suffix: str = ".html") -> Path:
    """The release `text` written where a test converts it."""
    path = tmp_path / f"release{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


# --- years as rows under quarter columns -----------------------------------------------

_QUARTERS_2018 = ("260,482", "310,364", "322,141", "345,974")
_QUARTERS_2017 = ("226,828", "249,363", "259,162", "294,666")
_INCOME_2018 = ("9,478", "20,771", "21,314", "25,060")
_INCOME_2017 = ("5,390", "9,878", "8,462", "85,928")
_LEAD = (
    "Northwind Devices Inc. Reports Fourth Quarter and Full Year 2018 Results",
    "",
    "SAN JOSE, Calif., February 12, 2019 -- Northwind Devices Inc. today reported results"
    " for the fourth quarter and year ended December 31, 2018. Revenue for the quarter was"
    " $346.0 million.",
    "",
    "Summary of Unaudited Quarterly Results",
    "(amounts in thousands)",
    "",
)


def _fixed_width(year_row: str) -> str:
    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 30, 12)

    rows = [
        line("", ("First", "Second", "Third", "Fourth")),
        line("", ("Quarter",) * 4),
    ]
    for year, revenue, income in (
        ("2018", _QUARTERS_2018, _INCOME_2018),
        ("2017", _QUARTERS_2017, _INCOME_2017),
    ):
        rows += [year_row.format(year=year), line("Total revenues", revenue)]
        rows += [line("Net income", income), ""]
    return "\n".join([*_LEAD, *rows])


def _html(year_row: str) -> str:
    def row(label: str, values: tuple[str, ...]) -> str:
        return f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"

    head = row("", tuple(f"{o}<br>Quarter" for o in ("First", "Second", "Third", "Fourth")))
    body = []
    for year, revenue, income in (
        ("2018", _QUARTERS_2018, _INCOME_2018),
        ("2017", _QUARTERS_2017, _INCOME_2017),
    ):
        body += [row(year_row.format(year=year), ("",) * 4), row("Total revenues", revenue)]
        body.append(row("Net income", income))
    lead = "".join(f"<p>{text}</p>" for text in _LEAD if text)
    return f"<html><body>{lead}<table>{head}{''.join(body)}</table></body></html>"


def _tabbed(year_row: str) -> str:
    rows = ["\tFirst Quarter\tSecond Quarter\tThird Quarter\tFourth Quarter"]
    for year, revenue, income in (
        ("2018", _QUARTERS_2018, _INCOME_2018),
        ("2017", _QUARTERS_2017, _INCOME_2017),
    ):
        rows += [year_row.format(year=year), "\t".join(("Total revenues", *revenue))]
        rows.append("\t".join(("Net income", *income)))
    return "\n".join([*_LEAD, *rows]) + "\n"


_PRINTS: dict[str, Callable[[str], str]] = {
    "fixed-width": _fixed_width,
    "tabbed": _tabbed,
    "newswire-flattened": lambda year_row: flattened(_tabbed(year_row)),
    "newswire-cell-per-line": lambda year_row: cell_per_line(_tabbed(year_row)),
    "html": _html,
}


_GLUED_YEAR = (
    "a flattened line runs the first year row into the last header cell ('Fourth Quarter"
    " 2018'): nothing in the line says the year is a row of its own"
)
_KNOWN = {
    ("newswire-flattened", "{year}"): _GLUED_YEAR,
}


def _year_row_cases() -> list[object]:
    cases: list[object] = []
    for print_ in sorted(_PRINTS):
        for year_row in ("{year}:", "{year}", "Fiscal {year}"):
            reason = _KNOWN.get((print_, year_row))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(print_, year_row, marks=marks, id=f"{print_}-{year_row}"))
    return cases


@pytest.mark.parametrize(("print_", "year_row"), _year_row_cases())
def test_a_year_printed_as_a_row_dates_the_quarter_columns_under_it(
    tmp_path: Path, print_: str, year_row: str
) -> None:
    path = tmp_path / ("release.html" if print_ == "html" else "release.txt")
    text = _PRINTS[print_](year_row)
    path.write_text(text, encoding="utf-8")
    facts = _facts(path)
    quarters_2018 = [
        "D2018-01-01_2018-03-31",
        "D2018-04-01_2018-06-30",
        "D2018-07-01_2018-09-30",
        "D2018-10-01_2018-12-31",
    ]
    quarters_2017 = [c.replace("2018", "2017") for c in quarters_2018]
    assert [facts.get(("Revenues", c)) for c in quarters_2018] == [
        Decimal("260482000"),
        Decimal("310364000"),
        Decimal("322141000"),
        Decimal("345974000"),
    ]
    assert [facts.get(("NetIncomeLoss", c)) for c in quarters_2017] == [
        Decimal("5390000"),
        Decimal("9878000"),
        Decimal("8462000"),
        Decimal("85928000"),
    ]


# --- the unit phrase printed on a column-header line ------------------------------------

_HEADER_UNIT_LEAD = (
    "Contoso Cloud Announces Third Quarter 2025 Financial Results",
    "",
    "AUSTIN, Texas, Nov. 5, 2025 -- Contoso Cloud, Inc. today announced financial results"
    " for its third quarter ended September 30, 2025.",
    "",
    "Condensed Consolidated Statements of Operations",
    "",
)
_HEADER_UNIT_ROWS = (
    ("Total revenue", ("$ 158,057", "$ 131,745", "$ 451,330", "$ 376,123")),
    ("Cost of revenue", ("37,625", "34,785", "110,255", "101,045")),
    ("Gross profit", ("120,432", "96,960", "341,075", "275,078")),
    ("Net income (loss)", ("$ 1,695", "$ (7,570)", "$ (4,490)", "$ (29,082)")),
)


def _unit_on_header(place: str, phrase: str) -> str:
    """A fixed-width statement with its unit phrase on a header line: right of the period
    headings, right or left of the years, or wrapped over the two heading lines."""
    pad = " " * 40
    periods = pad + "Three Months Ended".center(24) + "Nine Months Ended".center(24)
    ends = pad + "September 30,".center(24) * 2
    years = _aligned("", ("2025", "2024", "2025", "2024"), 40, 12)
    if place == "period line, right":
        periods += "    " + phrase
    elif place == "year line, right":
        years += "    " + phrase
    elif place == "year line, left":
        years = phrase.ljust(40) + years[40:]
    else:
        head, tail = phrase.split(" except ")
        periods += "    " + head + " except"
        ends += " " * (len(periods) - len(ends) - len(tail)) + tail
    rule = pad + "   ---------" * 4
    body = [_aligned(label, cells, 40, 12) for label, cells in _HEADER_UNIT_ROWS]
    return "\n".join([*_HEADER_UNIT_LEAD, periods, ends, years, rule, *body, ""])


_HEADER_UNIT_PLACES = ("period line, right", "year line, right", "year line, left")
_HEADER_UNIT_PHRASES = {"(in thousands, except per share data)": 1000, "($ in millions)": 1000000}


@pytest.mark.parametrize(
    ("place", "phrase"),
    [
        *((place, phrase) for place in _HEADER_UNIT_PLACES for phrase in _HEADER_UNIT_PHRASES),
        ("wrapped over the heading lines", "(in thousands, except per share data)"),
    ],
)
def test_a_unit_phrase_on_a_header_line_is_the_scale_not_a_column(
    tmp_path: Path, place: str, phrase: str
) -> None:
    path = _release(tmp_path, _unit_on_header(place, phrase), ".txt")
    facts = _facts(path)
    scale = _HEADER_UNIT_PHRASES[phrase]
    assert [
        facts.get(("Revenues", c))
        for c in (
            "D2025-07-01_2025-09-30",
            "D2024-07-01_2024-09-30",
            "D2025-01-01_2025-09-30",
            "D2024-01-01_2024-09-30",
        )
    ] == [Decimal(v) * scale for v in ("158057", "131745", "451330", "376123")]
    assert facts.get(("NetIncomeLoss", "D2024-07-01_2024-09-30")) == Decimal(-7570) * scale
    assert facts.get(("NetIncomeLoss", "D2025-01-01_2025-09-30")) == Decimal(-4490) * scale


# --- a quarter and the month it ends ----------------------------------------------------


def test_a_quarter_named_with_its_month_ends_with_that_month(tmp_path: Path) -> None:
    path = _release(
        tmp_path,
        "<html><body><p>Contoso Analytics Reports Fourth Quarter 2020 Results</p>"
        "<p>Contoso Analytics, Inc. today announced results for the fourth quarter and year"
        " ended December 31, 2020.</p><p>(amounts in thousands)</p><table>"
        '<tr><td></td><td colspan="4">Quarterly Results 2020</td></tr>'
        "<tr><td></td><td>Q1 March</td><td>Q2 June</td><td>Q3 September</td>"
        "<td>Q4 December</td></tr>"
        "<tr><td>Total revenue</td><td>$ 88,489</td><td>$ 71,691</td><td>$ 74,329</td>"
        "<td>$ 73,978</td></tr>"
        "<tr><td>Gross profit</td><td>38,366</td><td>32,749</td><td>33,006</td><td>34,059</td>"
        "</tr></table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2020-01-01_2020-03-31")] == Decimal("88489000")
    assert facts[("Revenues", "D2020-04-01_2020-06-30")] == Decimal("71691000")
    assert facts[("GrossProfit", "D2020-10-01_2020-12-31")] == Decimal("34059000")


# --- the unit in the header row's label cell; quarters dated by a sentence -------------

_HALF_YEAR_LEAD = (
    "<h1>Fabrikam SE reports results for the first half of 2024</h1>"
    "<p>MUNICH, July 30, 2024 -- Fabrikam SE today published its results for the second"
    " quarter and first half of 2024, ended {end}.</p>"
)


@pytest.mark.parametrize("unit", ["EUR million", "€m", "(in EUR millions)", "EUR m"])
@pytest.mark.parametrize("end", ["June 30, 2024", "30 June 2024"])
def test_the_unit_in_the_header_row_and_halves_dated_by_the_text(
    tmp_path: Path, unit: str, end: str
) -> None:
    path = _release(
        tmp_path,
        "<html><body>" + _HALF_YEAR_LEAD.format(end=end) + "<p>Group key figures</p><table>"
        f"<tr><td>{unit}</td><td>Q2 2024</td><td>Q2 2023</td><td>Change</td>"
        "<td>H1 2024</td><td>H1 2023</td><td>Change</td></tr>"
        "<tr><td>Revenue</td><td>1,234.5</td><td>1,100.2</td><td>12.2%</td><td>2,401.0</td>"
        "<td>2,200.4</td><td>9.1%</td></tr>"
        "<tr><td>Net income</td><td>100.1</td><td>80.4</td><td>24.5%</td><td>190.6</td>"
        "<td>160.2</td><td>19.0%</td></tr></table>"
        "<p>Consolidated statement of financial position</p><table>"
        f"<tr><td>{unit}</td><td>30 Jun 2024</td><td>31 Dec 2023</td></tr>"
        "<tr><td>Cash and cash equivalents</td><td>512.0</td><td>480.3</td></tr>"
        "<tr><td>Total assets</td><td>9,800.1</td><td>9,500.7</td></tr>"
        "<tr><td>Total liabilities</td><td>5,699.9</td><td>5,550.7</td></tr>"
        "<tr><td>Total equity</td><td>4,100.2</td><td>3,950.0</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-04-01_2024-06-30")] == Decimal("1234500000")
    assert facts[("Revenues", "D2023-04-01_2023-06-30")] == Decimal("1100200000")
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("2401000000")
    assert facts[("NetIncomeLoss", "D2023-01-01_2023-06-30")] == Decimal("160200000")
    assert facts[("Assets", "I2024-06-30")] == Decimal("9800100000")
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2023-12-31")] == Decimal("480300000")


@pytest.mark.parametrize(
    "sentence",
    [
        "results for the fourth quarter and fiscal year 2024, ended September 30, 2024",
        "results for its fiscal fourth quarter ended September 30, 2024",
        "results for the fourth quarter of fiscal 2024 ended September 30, 2024",
    ],
)
def test_a_sentence_dating_a_quarter_fixes_the_fiscal_year(tmp_path: Path, sentence: str) -> None:
    path = _release(
        tmp_path,
        "<html><body><h1>Fabrikam Corp. reports fiscal 2024 results</h1>"
        f"<p>Fabrikam Corp. today announced {sentence}.</p><p>Fiscal year summary</p><table>"
        "<tr><td>($ in millions)</td><td>FY24</td><td>FY23</td><td>4Q24</td><td>4Q23</td></tr>"
        "<tr><td>Revenue</td><td>4,800</td><td>4,400</td><td>1,300</td><td>1,150</td></tr>"
        "<tr><td>Net income</td><td>380</td><td>350</td><td>110</td><td>95</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2023-10-01_2024-09-30")] == Decimal("4800000000")
    assert facts[("Revenues", "D2022-10-01_2023-09-30")] == Decimal("4400000000")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("110000000")
    assert facts[("NetIncomeLoss", "D2023-07-01_2023-09-30")] == Decimal("95000000")


def test_a_quarter_compared_with_a_year_does_not_take_the_years_date() -> None:
    """ "first quarter ... the year ended December 31, 2023": the date ends the year, not the
    quarter (were it the quarter's, the fiscal year would end on September 30)."""
    evidence = CalendarEvidence()
    evidence.read_text(
        "Sales in the first quarter exceeded those of the year ended December 31, 2023."
    )
    assert dict(evidence.year_ends) == {date(2023, 12, 31): 1}
    evidence = CalendarEvidence()
    evidence.read_text("Results for the first quarter ended December 31, 2023.")
    assert dict(evidence.year_ends) == {date(2024, 9, 30): 1}


# --- segment columns, periods as rows, and a second statement under its own title ----


def _segment_release(stub: str, segments: tuple[str, ...]) -> str:
    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 34, 18)

    periods = (
        ("September 30, 2024", "Three", ("45,100", "22,300", "-", "67,400")),
        ("September 30, 2023", "Three", ("40,000", "20,100", "-", "60,100")),
        ("September 30, 2024", "Nine", ("130,300", "65,000", "-", "195,300")),
    )
    rows = [line("", segments)]
    for end, span, revenue in periods:
        rows += [stub.format(span=span, end=end), line("Revenue", revenue), ""]
    return "\n".join(
        [
            "Maple Leaf Metals Ltd. Reports Third Quarter 2024 Results",
            "",
            "TORONTO, Nov. 6, 2024 -- Maple Leaf Metals Ltd. (TSX: MLM) today reported results"
            " for the three and nine months ended September 30, 2024, in Canadian dollars.",
            "",
            "Segment results",
            "(in thousands of Canadian dollars)",
            "",
            *rows,
            "Consolidated Statements of Financial Position",
            "(in thousands of Canadian dollars)",
            line("", ("Sept. 30, 2024", "Dec. 31, 2023")),
            line("Cash and cash equivalents", ("55,300", "48,100")),
            line("Total assets", ("612,400", "590,200")),
            line("Total liabilities", ("210,100", "205,000")),
            line("Total equity", ("402,300", "385,200")),
        ]
    )


@pytest.mark.parametrize(
    ("upper", "lower", "members"),
    [
        (
            ("Commercial", "Personal", "", ""),
            ("Lines", "Lines", "Reinsurance", "Total"),
            ("CommercialLinesMember", "PersonalLinesMember", "ReinsuranceMember"),
        ),
        (
            ("North", "Latin", "", ""),
            ("America", "America", "Europe", "Total"),
            ("NorthAmericaMember", "LatinAmericaMember", "EuropeMember"),
        ),
    ],
)
def test_segment_names_wrapped_onto_a_second_header_line_keep_both_words(
    tmp_path: Path, upper: tuple[str, ...], lower: tuple[str, ...], members: tuple[str, ...]
) -> None:
    """ "Commercial" over "Lines", "Personal" over "Lines": each column's header printed
    on two lines, the same last word repeated over each column, names "Commercial Lines"
    and "Personal Lines", as one header cell wrapped in HTML does."""
    text = "\n".join(
        [
            "Harbor Mutual Holdings Reports Third Quarter 2025 Results",
            "",
            "HARTFORD, Oct. 28, 2025 -- Harbor Mutual Holdings (NYSE: HMH) today reported"
            " results for the third quarter ended September 30, 2025.",
            "",
            "SEGMENT RESULTS - THREE MONTHS ENDED SEPTEMBER 30, 2025",
            "($ in millions)",
            "",
            _aligned("", upper, 44, 14),
            _aligned("", lower, 44, 14),
            _aligned("Net premiums earned", ("1,098.4", "728.6", "214.5", "2,041.5"), 44, 14),
            _aligned("Underwriting income (loss)", ("98.3", "(12.4)", "40.7", "126.6"), 44, 14),
        ]
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    quarter = "D2025-07-01_2025-09-30"
    earned = {m: facts.get(("PremiumsEarnedNet", f"{quarter}_{m}")) for m in members}
    assert earned == dict(
        zip(
            members,
            (Decimal("1098400000"), Decimal("728600000"), Decimal("214500000")),
            strict=True,
        )
    )
    assert facts[("PremiumsEarnedNet", quarter)] == Decimal("2041500000")


@pytest.mark.parametrize(
    "stub",
    [
        "{span} months ended {end}",
        "{span} Months Ended {end}:",
        "For the {span} months ended {end}",
    ],
)
@pytest.mark.parametrize(
    "segments",
    [
        ("Mining", "Processing", "Corporate", "Total"),
        ("Americas", "Europe", "Other", "Consolidated"),
    ],
)
def test_segment_columns_with_periods_printed_as_rows(
    tmp_path: Path, stub: str, segments: tuple[str, ...]
) -> None:
    path = _release(tmp_path, _segment_release(stub, segments), ".txt")
    facts = _facts(path)
    first = segments[0]
    assert facts[("Revenues", f"D2024-07-01_2024-09-30_{first}Member")] == Decimal("45100000")
    assert facts[("Revenues", f"D2023-07-01_2023-09-30_{first}Member")] == Decimal("40000000")
    assert facts[("Revenues", f"D2024-01-01_2024-09-30_{first}Member")] == Decimal("130300000")
    assert facts[("Revenues", "D2024-01-01_2024-09-30")] == Decimal("195300000")
    assert facts[("Assets", "I2024-09-30")] == Decimal("612400000")
    assert facts[("Assets", "I2023-12-31")] == Decimal("590200000")
    tables = understand_tables(read_document(path), load_taxonomy(), "CAD")
    assert [(t.title, t.kind) for t in tables][-1] == (
        "Consolidated Statements of Financial Position",
        "balance_sheet",
    )


# --- prose: the comparative printed in brackets after the value --------------------------


@pytest.mark.parametrize("currency", ["NOK", "SEK", "EUR"])
@pytest.mark.parametrize("scale", [" million", "m"])
def test_a_bracketed_figure_after_a_value_is_its_year_earlier_comparative(
    tmp_path: Path, currency: str, scale: str
) -> None:
    path = _release(
        tmp_path,
        "Nordwind ASA: Results for the fourth quarter of 2024\n\n"
        "OSLO, 12 February 2025 -- Nordwind ASA (OSE: NWIND) reports revenue of"
        f" {currency} 1,245{scale} for the fourth quarter of 2024. EBITDA was"
        f" {currency} 310{scale} ({currency} 270{scale}). For the full year 2024, revenue"
        f" was {currency} 4,820{scale} ({currency} 4,310{scale}).\n",
        ".txt",
    )
    facts = _facts(path)
    assert facts[("Ebitda", "D2024-10-01_2024-12-31")] == Decimal("310000000")
    assert facts[("Ebitda", "D2023-10-01_2023-12-31")] == Decimal("270000000")
    assert facts[("Revenues", "D2023-01-01_2023-12-31")] == Decimal("4310000000")


def test_a_bracketed_per_share_figure_is_not_a_comparative(tmp_path: Path) -> None:
    path = _release(
        tmp_path,
        "Fabrikam Corp. Reports Fourth Quarter 2024 Results\n\n"
        "Fabrikam Corp. (NYSE: FAB) today reported net income of $5.0 million ($0.10 per"
        " diluted share) for the fourth quarter of 2024.\n",
        ".txt",
    )
    facts = _facts(path)
    assert facts[("NetIncomeLoss", "D2024-10-01_2024-12-31")] == Decimal("5000000")
    assert not any(context.startswith("D2023") for _, context in facts)


# --- titles and period headings printed as plain paragraphs -------------------------------


@pytest.mark.parametrize(
    "heading", ["Three months ended March 31", "For the Three Months Ended March 31"]
)
def test_a_plain_paragraph_naming_the_period_dates_year_columns(
    tmp_path: Path, heading: str
) -> None:
    path = _release(
        tmp_path,
        "<html><body><p>Fabrikam Corp. Reports First Quarter 2024 Results</p>"
        "<p>Fabrikam Corp. (NASDAQ: FBKM) today announced results for the first quarter ended"
        " March 31, 2024.</p><p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p>"
        f"<p>{heading}</p><p>(In thousands)</p><table>"
        "<tr><td></td><td>2024</td><td>2023</td></tr>"
        "<tr><td>Revenue</td><td>$ 52,100</td><td>$ 48,300</td></tr>"
        "<tr><td>Net income</td><td>$ 5,200</td><td>$ 4,100</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-03-31")] == Decimal("52100000")
    assert facts[("Revenues", "D2023-01-01_2023-03-31")] == Decimal("48300000")


@pytest.mark.parametrize(
    "above",
    [
        "<p><b>REVENUES BY CUSTOMER CLASS<br>Three Months Ended March 31,</b></p>",
        "<p><b>REVENUES BY CUSTOMER CLASS</b></p><p>Three Months Ended March 31,</p>",
        "<p>REVENUES BY CUSTOMER CLASS</p><p><b>Year Ended December 31,</b></p>",
    ],
    ids=["line-break", "paragraph", "year"],
)
def test_a_period_awaiting_its_years_above_the_table_dates_year_columns(
    tmp_path: Path, above: str
) -> None:
    """ "Three Months Ended March 31," printed under the caption, its comma waiting for the
    "2024 | 2023" header of the table below: the columns are that span in each year."""
    path = _release(
        tmp_path,
        "<html><body><p>Fabrikam Power Reports First Quarter 2024 Results</p>"
        "<p>Fabrikam Power (NYSE: FBKP) today announced results for the first quarter ended"
        f" March 31, 2024.</p>{above}<p>(In thousands)</p><table>"
        "<tr><td></td><td>2024</td><td>2023</td></tr>"
        "<tr><td>Residential revenue</td><td>$ 52,100</td><td>$ 48,300</td></tr>"
        "<tr><td>Commercial revenue</td><td>31,900</td><td>30,200</td></tr>"
        "</table></body></html>",
    )
    conversion = convert(path, ConvertOptions())
    periods = {c.id: (str(c.period.start), str(c.period.end)) for c in conversion.facts.contexts}
    residential = {
        periods[f.context]: f.value
        for f in conversion.facts.facts
        if f.value in (Decimal("52100000"), Decimal("48300000"))
    }
    if "Year" in above:
        assert residential == {
            ("2024-01-01", "2024-12-31"): Decimal("52100000"),
            ("2023-01-01", "2023-12-31"): Decimal("48300000"),
        }
    else:
        assert residential == {
            ("2024-01-01", "2024-03-31"): Decimal("52100000"),
            ("2023-01-01", "2023-03-31"): Decimal("48300000"),
        }


# --- a statement's period stated only by its title or by the sentence introducing it ----

_STATEMENT_ROWS = {
    "Six": (
        ("Revenue", "$ 801,442", "$ 762,380"),
        ("Cost of services", "548,920", "533,115"),
        ("Gross profit", "252,522", "229,265"),
        ("Net income", "$ 95,926", "$ 85,141"),
    ),
    "Nine": (
        ("Revenue", "$ 1,198,341", "$ 1,112,806"),
        ("Cost of services", "928,115", "866,402"),
        ("Gross profit", "270,226", "246,404"),
        ("Net income", "$ 51,021", "$ 40,226"),
    ),
}
# The lines above the statement's "2025  2024" header, by how they state its period.
_PERIOD_ONLY_ABOVE = {
    "same-line": (
        "ALDERWICK FREIGHT CORP.",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS -- For the {n} Months Ended September 30",
        "(In thousands)",
    ),
    "brackets": (
        "Condensed Consolidated Statements of Operations ({n} months ended September 30)",
        "(In thousands)",
    ),
    "subtitle": (
        "ALDERWICK FREIGHT CORP.",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
        "For the {n} Months Ended September 30",
        "(In thousands)",
    ),
    "lead-in": (
        "Results of operations for the {n} months ended September 30, 2025 and 2024 were:",
        "(In thousands)",
    ),
}
_ALDERWICK = (
    "Alderwick Freight Reports Third Quarter 2025 Results",
    "COLUMBUS, Ohio, October 29, 2025 -- Alderwick Freight Corp. today announced results"
    " for the third quarter ended September 30, 2025.",
)


def _period_above_text(above: tuple[str, ...], rows: tuple[tuple[str, str, str], ...]) -> str:
    table = [_aligned("", ("2025", "2024"), 40, 14)]
    table += [_aligned(label, values, 40, 14) for label, *values in rows]
    return "\n\n".join([*_ALDERWICK, "\n".join(above), "\n".join(table)])


def _period_above_html(above: tuple[str, ...], rows: tuple[tuple[str, str, str], ...]) -> str:
    cells = [("", "2025", "2024"), *rows]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    paragraphs = "".join(f"<p>{text}</p>" for text in (*_ALDERWICK, *above))
    return f"<html><body>{paragraphs}<table>{body}</table></body></html>"


def _period_above_pdf(above: tuple[str, ...], rows: tuple[tuple[str, str, str], ...]) -> bytes:
    def draw(canvas: Canvas, y: float) -> None:
        y -= 60
        for text in above:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(54, y, text)
            y -= 12
        y -= 6
        for label, *values in [("", "2025", "2024"), *rows]:
            canvas.drawString(54, y, label)
            for right, value in zip((430.0, 520.0), values, strict=True):
                canvas.drawRightString(right, y, value)
            y -= 11

    headline, dateline = _ALDERWICK
    return drawn_release(headline, (dateline[:70], dateline[70:]), draw)


@pytest.mark.parametrize("print_", ["text", "html", "pdf"])
@pytest.mark.parametrize("shape", sorted(_PERIOD_ONLY_ABOVE))
@pytest.mark.parametrize(("months", "start"), [("Six", "04-01"), ("Nine", "01-01")])
def test_bare_year_columns_take_the_length_the_title_or_lead_in_states(
    tmp_path: Path, print_: str, shape: str, months: str, start: str
) -> None:
    """ "2025  2024" under a title that ends with the period ("... -- For the Nine Months
    Ended September 30"), a subtitle line, or the sentence introducing the table: each
    year is that span to September 30, not the quarter the headline names, whatever the
    print."""
    above = tuple(line.format(n=months) for line in _PERIOD_ONLY_ABOVE[shape])
    if shape == "lead-in":
        above = (above[0].replace(months, months.lower()), *above[1:])
    rows = _STATEMENT_ROWS[months]
    if print_ == "pdf":
        path = tmp_path / "release.pdf"
        path.write_bytes(_period_above_pdf(above, rows))
    elif print_ == "html":
        path = _release(tmp_path, _period_above_html(above, rows))
    else:
        path = _release(tmp_path, _period_above_text(above, rows), ".txt")
    facts = _facts(path)
    expected = {
        "Six": {
            ("Revenues", "2025"): "801442000",
            ("Revenues", "2024"): "762380000",
            ("GrossProfit", "2025"): "252522000",
            ("GrossProfit", "2024"): "229265000",
        },
        "Nine": {
            ("Revenues", "2025"): "1198341000",
            ("Revenues", "2024"): "1112806000",
            ("GrossProfit", "2025"): "270226000",
            ("GrossProfit", "2024"): "246404000",
        },
    }[months]
    for (concept, year), value in expected.items():
        assert facts[(concept, f"D{year}-{start}_{year}-09-30")] == Decimal(value)


# --- fiscal-year labels under a headline that names a quarter and the year ---------------


@pytest.mark.parametrize(
    ("quarter", "year"),
    [
        ("Q4'24", "FY'24"),
        ("Q4 FY24", "FY 2024"),
        ("4Q 2024", "Fiscal Year 2024"),
        ("Dec-24", "Full Year 2024"),
    ],
)
def test_year_labels_under_a_quarter_and_year_headline_are_whole_years(
    tmp_path: Path, quarter: str, year: str
) -> None:
    path = _release(
        tmp_path,
        "<html><body><p>Fabrikam Corp. Reports Fourth Quarter and Full Year 2024 Results</p>"
        "<p>Fabrikam Corp. (NYSE: FAB) today announced results for the fourth quarter and"
        " year ended December 31, 2024.</p><p>Selected data ($ in millions)</p><table>"
        f"<tr><td></td><td>{quarter}</td><td>{year}</td></tr>"
        "<tr><td>Revenue</td><td>1,300</td><td>4,800</td></tr></table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-12-31")] == Decimal("4800000000")
    if quarter != "Dec-24":
        assert facts[("Revenues", "D2024-10-01_2024-12-31")] == Decimal("1300000000")


# --- a fiscal year named alone beside halves under a half-year caption -------------------


_HALF_YEAR_WITH_YEAR = (
    "<html><body><p>Ashgrove plc - Half year results</p>"
    "<p>LONDON, 12 May 2025 -- Ashgrove plc announces its results for the six months ended"
    " 31 March 2025.</p>{title}"
    "<table><tr><td></td><td>H1 2025 £m</td><td>H1 2024 £m</td><td>{year} £m</td></tr>"
    "<tr><td>Revenue</td><td>412.6</td><td>368.4</td><td>761.9</td></tr>"
    "<tr><td>Operating profit</td><td>54.8</td><td>47.0</td><td>97.5</td></tr>"
    "</table></body></html>"
)
_HALF_YEAR_CAPTIONS = {
    "caption-line": "<p>Condensed income statement</p><p>for the six months ended 31 March 2025</p>",
    "in-title": "<p>Condensed income statement for the six months ended 31 March 2025</p>",
}


@pytest.mark.parametrize("year", ["FY 2024", "FY24", "FY2024", "Fiscal 2024", "Full year 2024"])
@pytest.mark.parametrize("caption", sorted(_HALF_YEAR_CAPTIONS))
def test_a_fiscal_year_beside_halves_under_a_half_year_caption_is_the_whole_year(
    tmp_path: Path, year: str, caption: str
) -> None:
    """The caption's six months are the halves' span, and its date ends them: "FY 2024"
    beside them is the whole fiscal year, which ends six months after the half (30
    September), not a second half-year nor the twelve months to 31 March."""
    title = _HALF_YEAR_CAPTIONS[caption]
    path = _release(tmp_path, _HALF_YEAR_WITH_YEAR.format(title=title, year=year))
    facts = _facts(path)
    assert facts[("Revenues", "D2024-10-01_2025-03-31")] == Decimal("412600000")
    assert facts[("Revenues", "D2023-10-01_2024-03-31")] == Decimal("368400000")
    assert facts[("Revenues", "D2023-10-01_2024-09-30")] == Decimal("761900000")
    assert facts[("OperatingIncomeLoss", "D2023-10-01_2024-09-30")] == Decimal("97500000")
    assert {context for _, context in facts} == {
        "D2024-10-01_2025-03-31",
        "D2023-10-01_2024-03-31",
        "D2023-10-01_2024-09-30",
    }


@pytest.mark.parametrize("second", ["Six months 2024", "6M 2024", "First half 2024"])
def test_columns_naming_one_period_in_other_words_are_not_members(
    tmp_path: Path, second: str
) -> None:
    """ "H1 2024" and "Six months 2024" name one period in two ways: the words that tell
    the headers apart are period words, no member of the period."""
    path = _release(
        tmp_path,
        "<html><body><p>Ashgrove plc - Half year results</p>"
        "<p>LONDON, 28 July 2025 -- Ashgrove plc announces its results for the six months"
        " ended 30 June 2025.</p><p>Condensed income statement</p>"
        f"<table><tr><td>£m</td><td>H1 2025</td><td>H1 2024</td><td>{second}</td></tr>"
        "<tr><td>Revenue</td><td>412.6</td><td>368.4</td><td>368.4</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts == {
        ("Revenues", "D2025-01-01_2025-06-30"): Decimal("412600000"),
        ("Revenues", "D2024-01-01_2024-06-30"): Decimal("368400000"),
    }


# --- the title and unit printed in the table's own first rows -------------------------------


@pytest.mark.parametrize("issuer_row", [True, False])
def test_title_and_unit_printed_inside_the_table(tmp_path: Path, issuer_row: bool) -> None:
    first = '<tr><td colspan="3">FABRIKAM CORP.</td></tr>' if issuer_row else ""
    path = _release(
        tmp_path,
        "<html><body><p><b>Fabrikam Corp. Reports First Quarter 2024 Results</b></p>"
        "<p>Fabrikam Corp. (NASDAQ: FBKM) today announced results for the first quarter ended"
        " March 31, 2024.</p><p><b>Financial Statements</b></p><table>"
        f"{first}"
        '<tr><td colspan="3">CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</td></tr>'
        '<tr><td colspan="3">(In thousands, except per share amounts)</td></tr>'
        '<tr><td></td><td colspan="2">Three Months Ended March 31,</td></tr>'
        "<tr><td></td><td>2024</td><td>2023</td></tr>"
        "<tr><td>Revenue</td><td>$ 52,100</td><td>$ 48,300</td></tr>"
        "<tr><td>Net income</td><td>$ 5,200</td><td>$ 4,100</td></tr></table><table>"
        '<tr><td colspan="3">CONDENSED CONSOLIDATED BALANCE SHEETS</td></tr>'
        '<tr><td colspan="3">(In thousands)</td></tr>'
        "<tr><td></td><td>March 31, 2024</td><td>December 31, 2023</td></tr>"
        "<tr><td>Cash and cash equivalents</td><td>$ 10,100</td><td>$ 9,000</td></tr>"
        "<tr><td>Total assets</td><td>120,100</td><td>115,000</td></tr>"
        "<tr><td>Total liabilities</td><td>50,100</td><td>48,000</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-03-31")] == Decimal("52100000")
    assert facts[("Assets", "I2023-12-31")] == Decimal("115000000")
    tables = understand_tables(read_document(path), load_taxonomy(), "USD")
    assert [(t.title, t.kind) for t in tables] == [
        ("CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "income_statement"),
        ("CONDENSED CONSOLIDATED BALANCE SHEETS", "balance_sheet"),
    ]


# --- a change's amount and percentage under one heading; a balance's change --------------


def _variance_release(group: str, unit: str) -> str:
    """ "H1 2026 | H1 2025 | <group>" with the group over "<unit> | %": one change printed
    as money and as a percentage, a margin's change in points in the money column."""
    rows = (
        ("Revenue", "1,284.6", "1,197.3", "87.3", "7.3%"),
        ("Operating profit", "142.8", "128.4", "14.4", "11.2%"),
        ("Operating margin", "11.1%", "10.7%", "0.4ppt", ""),
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<html><body><h1>Fabrikam Foods plc: half year results</h1>"
        "<p>LONDON, 12 August 2026 -- Fabrikam Foods plc (LSE: FBF) today announced its"
        " results for the six months ended 30 June 2026.</p><p>Financial highlights</p>"
        "<table><tr><th rowspan='2'></th><th rowspan='2'>H1 2026</th>"
        f"<th rowspan='2'>H1 2025</th><th colspan='2'>{group}</th></tr>"
        f"<tr><th>{unit}</th><th>%</th></tr>{body}</table></body></html>"
    )


@pytest.mark.parametrize("group", ["Variance", "Change"])
@pytest.mark.parametrize(
    ("unit", "code"), [("£m", "GBP"), ("EUR m", "EUR"), ("$m", "USD"), ("USD million", "USD")]
)
def test_a_change_printed_as_money_and_as_a_percentage_is_both_not_two_members(
    tmp_path: Path, group: str, unit: str, code: str
) -> None:
    conversion = convert(_release(tmp_path, _variance_release(group, unit)), ConvertOptions())
    facts = _valued(conversion)
    half = "D2026-01-01_2026-06-30"
    assert facts[("Revenues", half)] == (Decimal("1284600000"), code)
    assert facts[("RevenuesChange", half)] == (Decimal("87300000"), code)
    assert facts[("RevenuesPercentChange", half)] == (Decimal("0.073"), "pure")
    assert facts[("OperatingIncomeLossChange", half)] == (Decimal("14400000"), code)
    assert facts[("OperatingIncomeLossPercentChange", half)] == (Decimal("0.112"), "pure")
    # "£m" and "%" say how the change is printed, not what it is of: no members.
    assert all(c.member is None for c in conversion.facts.contexts)
    assert Decimal("0.873") not in {v for v, _ in facts.values()}


def _change_columns_release(amount: str, percent: str) -> str:
    """A German-style key figures table: "in EUR k | Q1 2026 | Q1 2025 | <amount> |
    <percent>", the change headers a sign or word and how the change is printed."""
    rows = (
        ("Revenue", "148,214", "136,728", "11,486", "8.4"),
        ("EBIT", "14,917", "11,559", "3,358", "29.1"),
        ("Earnings per share in EUR", "0.81", "0.60", "0.21", "35.0"),
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<html><body><h1>Kessler Antriebstechnik AG: Q1 2026</h1>"
        "<p>Stuttgart, May 7, 2026 -- Kessler Antriebstechnik AG today published its"
        " figures for the first quarter of 2026.</p><h2>Key figures Q1 2026</h2>"
        "<table><tr><th>in EUR k</th><th>Q1 2026</th><th>Q1 2025</th>"
        f"<th>{amount}</th><th>{percent}</th></tr>{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("amount", "percent"),
    [
        ("\u0394 abs.", "\u0394 in %"),
        ("\u0394 absolute", "\u0394 in %"),
        ("Change abs.", "Change in %"),
        ("+/- abs.", "+/- %"),
        ("+/-", "+/-%"),
        ("Ver\u00e4nd. abs.", "Ver\u00e4nd. in %"),
    ],
)
def test_change_columns_told_apart_by_how_they_print_are_no_members(
    tmp_path: Path, amount: str, percent: str
) -> None:
    """ "Δ abs. | Δ in %": the amount and the percent change of the quarter, as "Change |
    % Change" would print them; "abs." and "in %" name no segments."""
    release = _release(tmp_path, _change_columns_release(amount, percent))
    conversion = convert(release, ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2026-01-01_2026-03-31"
    assert facts[("Revenues", quarter)] == (Decimal("148214000"), "EUR")
    assert facts[("RevenuesChange", quarter)] == (Decimal("11486000"), "EUR")
    assert facts[("RevenuesPercentChange", quarter)] == (Decimal("0.084"), "pure")
    assert facts[("EbitChange", quarter)] == (Decimal("3358000"), "EUR")
    assert facts[("EbitPercentChange", quarter)] == (Decimal("0.291"), "pure")
    eps = "EarningsPerShareBasicAndDilutedChange"
    assert facts[(eps, quarter)] == (Decimal("0.21"), "EUR_per_share")
    assert all(c.member is None for c in conversion.facts.contexts)


@pytest.mark.parametrize("unit", ["in %", "(in %)", ", in %", "in percent", "(in percent)"])
def test_a_percent_unit_ending_a_label_is_no_word_of_the_line_item(
    tmp_path: Path, unit: str
) -> None:
    """ "EBITDA margin in %", "Equity ratio (in %)": the unit says how the row is printed;
    the row is the EBITDA margin, as "Total output in EUR k" is the total output."""
    rows = (
        ("Revenue", "148,214", "136,728"),
        ("EBITDA", "23,121", "19,474"),
        (f"EBITDA margin {unit}".replace(" ,", ","), "15.6", "14.2"),
        (f"Equity ratio {unit}".replace(" ,", ","), "47.0", "46.5"),
        ("Total output in EUR k", "151,902", "139,015"),
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    release = _release(
        tmp_path,
        "<html><body><h1>Kessler Antriebstechnik AG: Q1 2026</h1>"
        "<p>Stuttgart, May 7, 2026 -- Kessler Antriebstechnik AG today published its"
        " figures for the first quarter of 2026.</p><h2>Key figures Q1 2026</h2>"
        "<table><tr><th>in EUR k</th><th>Q1 2026</th><th>Q1 2025</th></tr>"
        f"{body}</table></body></html>",
    )
    conversion = convert(release, ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2026-01-01_2026-03-31"
    assert facts[("EbitdaMargin", quarter)] == (Decimal("0.156"), "pure")
    assert facts[("EbitdaMargin", "D2025-01-01_2025-03-31")] == (Decimal("0.142"), "pure")
    assert facts[("TotalOutput", quarter)] == (Decimal("151902000"), "EUR")
    ratio = [c for c, _ in facts if c.startswith("EquityRatio")]
    assert ratio and all(c == "EquityRatio" for c in ratio)
    assert not [c for c, _ in facts if c.endswith(("In", "InPercent"))]


def _balance_change_release(header: str, html: bool) -> str:
    rows = [
        ("", "Mar. 31, 2026", "Dec. 31, 2025", header),
        ("Cash and cash equivalents", "2,104.6", "2,318.9", "(214.3)"),
        ("Total assets", "28,417.2", "27,877.7", "539.5"),
        ("Total liabilities", "11,902.5", "11,588.4", "314.1"),
    ]
    lead = (
        "Fabrikam Chemical Co., Ltd. 1Q26 Earnings Release",
        "SEOUL, April 24, 2026 -- Fabrikam Chemical Co., Ltd. today announced its"
        " results for the first quarter of 2026.",
        "Consolidated Statement of Financial Position",
        "(Unit: KRW billion)",
    )
    if html:
        paragraphs = "".join(f"<p>{t}</p>" for t in lead[1:])
        return f"<html><body><h1>{lead[0]}</h1>{paragraphs}{_html_table(rows)}</body></html>"
    return "\n\n".join(lead) + "\n\n" + "\n".join("\t".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("html", [True, False], ids=["html", "tabbed"])
@pytest.mark.parametrize("header", ["Change", "Increase/(decrease)", "QoQ", "Variance"])
def test_a_balances_change_between_two_dates_spans_them_and_is_no_balance(
    tmp_path: Path, header: str, html: bool
) -> None:
    path = _release(tmp_path, _balance_change_release(header, html), ".html" if html else ".txt")
    facts = _valued(convert(path, ConvertOptions()))
    assert facts[("Assets", "I2026-03-31")] == (Decimal("28417200000000"), "KRW")
    assert facts[("Assets", "I2025-12-31")] == (Decimal("27877700000000"), "KRW")
    quarter = "D2026-01-01_2026-03-31"
    assert facts[("AssetsChange", quarter)] == (Decimal("539500000000"), "KRW")
    assert facts[("LiabilitiesChange", quarter)] == (Decimal("314100000000"), "KRW")
    cash = "CashAndCashEquivalentsAtCarryingValueChange"
    assert facts[(cash, quarter)] == (Decimal("-214300000000"), "KRW")
    assert not [k for k in facts if k[0].endswith("Change") and k[1].startswith("I")]


def test_a_balances_change_against_one_of_several_dates_is_not_placed(tmp_path: Path) -> None:
    """ "1Q26 | 4Q25 | 1Q25 | QoQ | YoY": which earlier date each change is against, the
    columns do not say by their dates; the change is left out, never a balance."""
    rows = [
        ("", "1Q26", "4Q25", "1Q25", "QoQ", "YoY"),
        ("Revenue", "4,512.3", "4,287.6", "4,105.9", "224.7", "406.4"),
        ("Total deposits", "9,120.0", "8,950.0", "8,400.0", "170.0", "720.0"),
    ]
    html = _html_release(
        "Fabrikam Bank 1Q26 results",
        "SEOUL, April 24, 2026 -- Fabrikam Bank today announced its results for the first"
        " quarter of 2026.",
        "(Unit: KRW billion)",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("Deposits", "I2026-03-31")] == (Decimal("9120000000000"), "KRW")
    assert not [k for k in facts if k[0].startswith("Deposits") and k[0].endswith("Change")]
    left = {u.text for u in conversion.facts.unmapped if u.label == "Total deposits"}
    assert left == {"170.0", "720.0"}


# --- favourable/unfavourable variance columns ----------------------------------------------


@pytest.mark.parametrize("variance", ["Fav/(Unfav)", "Better/(Worse)", "Favorable (Unfavorable)"])
def test_a_variance_column_is_left_out_on_purpose(tmp_path: Path, variance: str) -> None:
    """An expense that rose by 200 is printed (200) under "Fav/(Unfav)": not a change of
    -200. The amounts and the % change beside it stay facts."""
    path = _release(
        tmp_path,
        "<html><body><p><b>Tailspin Airlines Reports Fourth Quarter 2024 Results</b></p>"
        "<p>Tailspin Airlines, Inc. (NYSE: TSA) today reported results for the fourth quarter"
        " ended December 31, 2024.</p><p><b>Summary of Results</b></p>"
        "<p>(in millions)</p><table>"
        f"<tr><td></td><td>4Q24</td><td>4Q23</td><td>{variance}</td><td>% Change</td></tr>"
        "<tr><td>Total operating revenue</td><td>$ 5,100</td><td>$ 4,800</td><td>$ 300</td>"
        "<td>6.3%</td></tr>"
        "<tr><td>Total operating expenses</td><td>4,700</td><td>4,500</td><td>(200)</td>"
        "<td>4.4%</td></tr></table></body></html>",
    )
    converted = convert(path, ConvertOptions())
    facts = {(f.concept, f.context): Decimal(str(f.value)) for f in converted.facts.facts}
    assert facts[("OperatingExpenses", "D2024-10-01_2024-12-31")] == Decimal("4700000000")
    changes = [c for c, _ in facts if c.endswith("Change") and not c.endswith("PercentChange")]
    assert changes == []
    assert ("OperatingExpensesPercentChange", "D2024-10-01_2024-12-31") in facts
    assert Decimal("-200000000") not in facts.values()
    assert converted.report.deliberate_non_facts == 2


@pytest.mark.parametrize(
    ("sequential", "annual"), [("QoQ", "YoY"), ("Q/Q", "Y/Y"), ("Q-o-Q", "Y-o-Y")]
)
def test_sequential_and_annual_change_columns_are_changes_of_the_latest_quarter(
    tmp_path: Path, sequential: str, annual: str
) -> None:
    path = _release(
        tmp_path,
        "<html><body><p><b>Proseware Bank Reports Third Quarter 2024 Results</b></p>"
        "<p>Proseware Bancorp (NASDAQ: PRSW) today reported results for the third quarter"
        " ended September 30, 2024.</p><p><b>Financial Highlights</b></p>"
        "<p>(Dollars in thousands)</p><table>"
        "<tr><td></td><td>Q3 2024</td><td>Q2 2024</td><td>Q3 2023</td>"
        f"<td>{sequential}</td><td>{annual}</td></tr>"
        "<tr><td>Net income</td><td>$ 12,300</td><td>$ 11,900</td><td>$ 10,800</td>"
        "<td>3.4%</td><td>13.9%</td></tr></table></body></html>",
    )
    converted = convert(path, ConvertOptions())
    assert converted.report.not_understood == 0
    facts = {(f.concept, f.context): Decimal(str(f.value)) for f in converted.facts.facts}
    assert facts[("NetIncomeLoss", "D2024-04-01_2024-06-30")] == Decimal("11900000")
    # Each is the quarter's change against the period its header names, never a member.
    changes = {k: v for k, v in facts.items() if "Change" in k[0]}
    assert changes == {
        ("NetIncomeLossPercentChangeFromPriorQuarter", "D2024-07-01_2024-09-30"): Decimal("0.034"),
        ("NetIncomeLossPercentChangeFromPriorYear", "D2024-07-01_2024-09-30"): Decimal("0.139"),
    }
    assert all(c.member is None for c in converted.facts.contexts)


def test_a_dash_for_a_change_from_a_loss_is_no_change_of_nil(tmp_path: Path) -> None:
    """ "1Q25 | 4Q24 | 1Q24 | QoQ | YoY": a "-" where the row went from a loss to a profit
    says the change means nothing; it is no fact (and is listed as left out), while a "-"
    among the amounts stays nil and "%p" is a change in percentage points."""
    rows = [
        ("", "1Q25", "4Q24", "1Q24", "QoQ", "YoY"),
        ("Revenue", "4,512.3", "4,320.0", "4,102.1", "4.5%", "10.0%"),
        ("Non-operating income", "52.1", "(38.4)", "42.7", "-", "22.0%"),
        ("Other expenses", "-", "12.5", "-", "n/a", "n/a"),
        ("Operating margin", "8.4%", "8.6%", "9.2%", "-0.2%p", "-0.8%p"),
    ]
    html = _html_release(
        "Fabrikam Electronics 1Q25 Earnings Release",
        "SEOUL, April 29, 2025 -- Fabrikam Electronics Co., Ltd. today announced its"
        " results for the first quarter of 2025.",
        "(KRW billion)",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2025-01-01_2025-03-31"
    income = {k: v for k, v in facts.items() if k[0].startswith("NonOperatingIncome")}
    assert income == {
        ("NonOperatingIncome", quarter): (Decimal("52100000000"), "KRW"),
        ("NonOperatingIncome", "D2024-10-01_2024-12-31"): (Decimal("-38400000000"), "KRW"),
        ("NonOperatingIncome", "D2024-01-01_2024-03-31"): (Decimal("42700000000"), "KRW"),
        ("NonOperatingIncomePercentChangeFromPriorYear", quarter): (Decimal("0.220"), "pure"),
    }
    left = [(u.text, u.label, u.deliberate) for u in conversion.facts.unmapped]
    assert left == [("-", "Non-operating income", True)]
    assert facts[("OtherExpenses", quarter)] == (Decimal("0"), "KRW")
    assert facts[("RevenuesPercentChangeFromPriorQuarter", quarter)] == (Decimal("0.045"), "pure")
    assert facts[("OperatingMarginChangeFromPriorQuarter", quarter)] == (Decimal("-0.002"), "pure")
    assert facts[("OperatingMarginChangeFromPriorYear", quarter)] == (Decimal("-0.008"), "pure")


@pytest.mark.parametrize(
    ("figures", "nil"),
    [
        # Losses on both sides: a change of 115% the column cannot print.
        (("(2,118)", "(985)", "(1,133)"), False),
        # Figures a step apart: whole percents print the 0.2% as nil.
        (("590", "589", "1"), True),
        # Equal figures: nil in both columns.
        (("412", "412", "-"), True),
        # Up by 2.5 times: nil in neither.
        (("1,500", "600", "900"), False),
        # A dash in the Change column too: 1,133 apart, neither dash is nil.
        (("(2,118)", "(985)", "-"), False),
    ],
)
def test_a_dash_for_a_change_is_nil_only_where_the_figures_show_no_change(
    tmp_path: Path, figures: tuple[str, str, str], nil: bool
) -> None:
    """ "2Q25 | 2Q24 | Change | % Change": a "-" in the % change column is a change of nil
    only where the row's figures differ by less than the column prints (whole percents);
    otherwise it says the change is not meaningful: no fact, listed as left out on purpose.
    The absolute change column, where it prints a dash, reads it the same way."""
    absolute = figures[2]
    rows = [
        ("", "2Q25", "2Q24", "Change", "% Change"),
        ("Revenue", "4,512", "4,102", "410", "10 %"),
        ("Finance costs, net", figures[0], figures[1], absolute, "-"),
        ("Operating income", "812", "740", "72", "10 %"),
    ]
    html = _html_release(
        "Tailspin Industries 2Q25 Results",
        "OSAKA, August 5, 2025 -- Tailspin Industries Co., Ltd. today announced its results"
        " for the second quarter of 2025, the three months ended June 30, 2025.",
        "(Millions of yen)",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2025-04-01_2025-06-30"
    changes = {k[0]: v for k, v in facts.items() if k[1] == quarter and "Change" in k[0]}
    percent = {k: v for k, v in changes.items() if k.endswith("PercentChange")}
    left = [(u.text, u.deliberate) for u in conversion.facts.unmapped if u.text == "-"]
    if nil:
        assert (Decimal("0"), "pure") in percent.values()
        assert len(percent) == 3
    else:
        assert len(percent) == 2
        assert ("-", True) in left
    assert changes["RevenuesPercentChange"] == (Decimal("0.10"), "pure")
    if absolute == "-":  # the dash in the Change column reads as the one in % Change
        assert ((Decimal("0"), "JPY") in changes.values()) is nil


# --- balances in a table of quarter columns ------------------------------------------------


def _highlights(label: str, first_header: str = "Q3 2024", second_header: str = "Q3 2023") -> str:
    return (
        "<html><body><p><b>Proseware Bank Reports Third Quarter 2024 Results</b></p>"
        "<p>Proseware Bancorp (NASDAQ: PRSW) today reported results for the third quarter"
        " ended September 30, 2024.</p><p><b>Financial Highlights</b></p>"
        "<p>(Dollars in thousands)</p><table>"
        f"<tr><td></td><td>{first_header}</td><td>{second_header}</td></tr>"
        "<tr><td>Net income</td><td>$ 12,300</td><td>$ 10,800</td></tr>"
        f"<tr><td>{label}</td><td>5,120,000</td><td>4,900,000</td></tr>"
        "</table></body></html>"
    )


@pytest.mark.parametrize(
    ("label", "concept"), [("Total assets", "Assets"), ("Total deposits", "Deposits")]
)
def test_a_balance_under_quarter_columns_is_the_balance_at_their_end(
    tmp_path: Path, label: str, concept: str
) -> None:
    path = _release(tmp_path, _highlights(label))
    facts = _facts(path)
    assert facts[(concept, "I2024-09-30")] == Decimal("5120000000")
    assert facts[(concept, "I2023-09-30")] == Decimal("4900000000")


@pytest.mark.parametrize(
    ("label", "header"),
    [
        ("Average total assets", "Q3 2024"),
        ("Total assets", "Trailing twelve months ended September 30, 2024"),
    ],
)
def test_an_average_balance_is_not_placed_at_the_period_end(
    tmp_path: Path, label: str, header: str
) -> None:
    path = _release(tmp_path, _highlights(label, header, header.replace("2024", "2023")))
    facts = _facts(path)
    assert any(concept == "NetIncomeLoss" for concept, _ in facts)
    assert not any(concept == "Assets" for concept, _ in facts)
    assert not any(context == "I2024-09-30" for _, context in facts)


@pytest.mark.parametrize(
    ("header", "context"),
    [
        ("Trailing twelve months Q3 2024", "D2023-10-01_2024-09-30"),
        ("TTM Q3 2024", "D2023-10-01_2024-09-30"),
        ("Nine months Q3 2024", "D2024-01-01_2024-09-30"),
        ("Q3 2024", "D2024-07-01_2024-09-30"),
    ],
)
def test_a_span_named_with_a_quarter_ends_with_that_quarter(
    tmp_path: Path, header: str, context: str
) -> None:
    path = _release(tmp_path, _highlights("Net revenue", header, header.replace("2024", "2023")))
    assert _facts(path)[("Revenues", context)] == Decimal("5120000000")


def _interim_release(
    tmp_path: Path, dates: tuple[str, str], rows: tuple[tuple[str, str, str, str], ...] = ()
) -> Path:
    """A JSE-style interim: "Six months ended" printed over the first date column only,
    a row of units ("Rm") under the dates."""
    lines = (
        "SPRINGVALE HOLDINGS LIMITED",
        "",
        "UNAUDITED INTERIM RESULTS FOR THE SIX MONTHS ENDED 31 AUGUST 2025",
        "",
        "JOHANNESBURG, 14 October 2025 -- Springvale Holdings Limited (JSE: SPV)"
        " today published its interim results.",
        "",
        "Salient features",
        "",
        f"{'':<40}{'Six months ended':>16}",
        f"{'':<40}{dates[0]:>14}{dates[1]:>14}{'% change':>11}",
        f"{'':<40}{'Rm':>14}{'Rm':>14}",
        f"{'Revenue':<40}{'18,452':>14}{'16,980':>14}{'8.7':>11}",
        f"{'Profit for the period':<40}{'1,102':>14}{'985':>14}{'11.9':>11}",
        *(f"{label:<40}{now:>14}{before:>14}{change:>11}" for label, now, before, change in rows),
    )
    return _release(tmp_path, "\n".join(lines) + "\n", ".txt")


def test_a_span_over_the_first_of_two_like_dates_heads_both(tmp_path: Path) -> None:
    facts = _facts(_interim_release(tmp_path, ("31 Aug 2025", "31 Aug 2024")))
    assert facts[("Revenues", "D2025-03-01_2025-08-31")] == Decimal("18452000000")
    assert facts[("Revenues", "D2024-03-01_2024-08-31")] == Decimal("16980000000")
    assert facts[("NetIncomeLoss", "D2024-03-01_2024-08-31")] == Decimal("985000000")


def test_a_span_never_heads_a_column_dated_another_way(tmp_path: Path) -> None:
    """A column dated by its year alone is not of the run of dates the span heads: the
    six months are not read into it."""
    facts = _facts(_interim_release(tmp_path, ("31 Aug 2025", "2024")))
    assert facts[("Revenues", "D2025-03-01_2025-08-31")] == Decimal("18452000000")
    assert not [key for key in facts if key[1].startswith("D2024")]


def test_an_abbreviation_the_taxonomy_knows_as_per_share(tmp_path: Path) -> None:
    """ "Diluted HEPS (cents)": headline earnings per share, in cents, is an amount per
    share whatever concept it becomes, never an amount of rand."""
    rows = (("Diluted HEPS (cents)", "247.8", "221.5", "11.9"),)
    path = _interim_release(tmp_path, ("31 Aug 2025", "31 Aug 2024"), rows)
    facts = _valued(convert(path, ConvertOptions()))
    diluted = {key: fact for key, fact in facts.items() if key[1] == "D2025-03-01_2025-08-31"}
    assert (Decimal("2.478"), "ZAR_per_share") in diluted.values()
    assert not [name for name, _ in diluted if "PerSharePerShare" in name]


# --- numbers printed with a decimal comma ----------------------------------------------------


@pytest.mark.parametrize(
    ("revenue", "loss", "expected"),
    [
        ("1.234,5", "(80,4)", (Decimal("1234500000"), Decimal("-80400000"))),
        ("1.234,5", "-80,4", (Decimal("1234500000"), Decimal("-80400000"))),
        ("234,5", "(80,4)", (Decimal("234500000"), Decimal("-80400000"))),
    ],
)
def test_a_table_printed_with_a_decimal_comma(
    tmp_path: Path, revenue: str, loss: str, expected: tuple[Decimal, Decimal]
) -> None:
    path = _release(
        tmp_path,
        "<html><body><p><b>Fabrikam AG: Results for the first half of 2024</b></p>"
        "<p>Fabrikam AG (XETRA: FBAG) today published its results for the second quarter"
        " and first half of 2024, ended 30 June 2024.</p><p><b>Key figures</b></p><table>"
        "<tr><td>in EUR million</td><td>H1 2024</td><td>H1 2023</td><td>Change in %</td></tr>"
        f"<tr><td>Revenue</td><td>{revenue}</td><td>1.100,2</td><td>12,2</td></tr>"
        f"<tr><td>Net income</td><td>100,1</td><td>{loss}</td><td>n/m</td></tr>"
        "<tr><td>Balance at 30.06.2024</td><td>5,0</td><td>4,0</td><td>25,0</td></tr>"
        "</table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == expected[0]
    assert facts[("NetIncomeLoss", "D2023-01-01_2023-06-30")] == expected[1]
    assert facts[("Revenues", "D2023-01-01_2023-06-30")] == Decimal("1100200000")


@pytest.mark.parametrize("change", ["+6,8%", "+6,8 %"])
@pytest.mark.parametrize("points", ["+0,4 pt", "+0,4 pts", "+0,4 pp"])
def test_a_decimal_comma_table_with_signed_changes(
    tmp_path: Path, change: str, points: str
) -> None:
    """A French key-figures table: spaces group thousands, changes carry their sign
    ("+6,8%"), a margin's change is in points ("+0,4 pt"): every row keeps its cells."""
    path = _release(
        tmp_path,
        "Vexaris SA: H1 2025 results\n\n"
        "PARIS, 24 July 2025 -- Vexaris SA (Euronext Paris: VXS) today published its results"
        " for the first half of 2025.\n\n"
        "Key figures\n"
        "EUR million\tH1 2025\tH1 2024\tChange\n"
        f"Revenue\t1 234,5\t1 155,9\t{change}\n"
        f"Current operating margin\t12,4%\t12,0%\t{points}\n"
        "Net income\t98,7\t91,2\t+8,2%\n",
        ".txt",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("1234500000")
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("1155900000")
    assert facts[("RevenuesPercentChange", "D2025-01-01_2025-06-30")] == Decimal("0.068")
    assert facts[("NetIncomeLoss", "D2025-01-01_2025-06-30")] == Decimal("98700000")


def _leverage_release(tmp_path: Path, multiples: str, points: str) -> Path:
    """A Brazilian-style indebtedness table: a multiple with an "x" after the digits or
    after the brackets ("1,29x", "(0,15)x") and a margin's change in points ("(0,3) p.p.")."""
    return _release(
        tmp_path,
        "Vexaris S.A.: H1 2025 results\n\n"
        "SAO PAULO, 24 July 2025 -- Vexaris S.A. (B3: VXSA3) today published its results"
        " for the first half of 2025.\n\n"
        "Key figures\n"
        "R$ million\tH1 2025\tH1 2024\tChange\n"
        "Net revenue\t12.345,6\t11.001,2\t12,2%\n"
        f"EBITDA margin\t26,0%\t26,3%\t{points}\n"
        f"Net debt/EBITDA (x)\t{multiples}\n",
        ".txt",
    )


@pytest.mark.parametrize("points", ["(0,3) p.p.", "(0,3 p.p.)", "-0,3 p.p."])
def test_a_decimal_comma_multiple_and_points_are_read(tmp_path: Path, points: str) -> None:
    conversion = convert(
        _leverage_release(tmp_path, "1,29x\t1,44x\t(0,15)x", points), ConvertOptions()
    )
    facts = _valued(conversion)
    half = "D2025-01-01_2025-06-30"
    assert facts[("NetDebtEBITDA", half)] == (Decimal("1.29"), "pure")
    assert facts[("NetDebtEBITDA", "D2024-01-01_2024-06-30")] == (Decimal("1.44"), "pure")
    assert facts[("EbitdaMarginChange", half)] == (Decimal("-0.003"), "pure")
    assert conversion.report.numbers_in_tables == 9


def test_a_figure_with_an_unknown_mark_is_counted_not_dropped(tmp_path: Path) -> None:
    """A figure the reader cannot read ("1,29y") is still a printed number: it is counted
    and reported as not understood, never lost or taken for the row's label."""
    path = _leverage_release(tmp_path, "1,29y\t1,44y\t(0,15)y", "(0,3) p.p.")
    conversion = convert(path, ConvertOptions())
    unread = [n for n in conversion.report.unmapped if n.label == "Net debt/EBITDA"]
    assert [n.text for n in unread] == ["1,29y", "1,44y", "(0,15)y"]
    assert conversion.report.numbers_in_tables == 9


def test_a_table_with_a_decimal_point_keeps_its_commas_as_thousands(tmp_path: Path) -> None:
    path = _release(
        tmp_path,
        "<html><body><p><b>Fabrikam Corp. Reports First Half 2024 Results</b></p>"
        "<p>Fabrikam Corp. (NYSE: FAB) today published its results for the second quarter"
        " and first half of 2024, ended June 30, 2024.</p><p><b>Key figures</b></p><table>"
        "<tr><td>($ in thousands)</td><td>H1 2024</td><td>H1 2023</td></tr>"
        "<tr><td>Revenue</td><td>1,020</td><td>1,100.5</td></tr></table></body></html>",
    )
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("1020000")


@given(
    value=st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
    bracketed=st.booleans(),
)
def test_a_decimal_comma_number_reads_as_the_value_it_prints(
    value: Decimal, bracketed: bool
) -> None:
    """Any amount printed the European way ("-1.234.567,89", "(80,40)") is read back as the
    same value once its table is known to use the decimal comma."""
    grouped = f"{abs(value):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    negative = value < 0
    text = f"({grouped})" if negative and bracketed else f"-{grouped}" if negative else grouped
    rows = (Row(cells=(Cell(text="Revenue", column=0), Cell(text=text, column=1)), line=1),)
    (row,) = to_decimal_point(rows)
    number = parse_number(row.cells[1].text)
    assert number is not None
    assert number.value == value


_KEY_FIGURES_LEAD = (
    "Fabrikam AG: Results for the first half of 2024\n\n"
    "MUNICH, 30 July 2024 -- Fabrikam AG (XETRA: FBAG) today published its results for the"
    " second quarter and first half of 2024, ended 30 June 2024.\n\nKey figures\n"
    "(in EUR million)\n\n"
)


def _key_figures(numbers: tuple[str, str, str, str], labels: tuple[str, str]) -> str:
    revenue, revenue_before, income, income_before = numbers
    rows = [
        f"\t{labels[0]} 2024\t{labels[0]} 2023\t{labels[1]}",
        f"Revenue\t{revenue}\t{revenue_before}\t12",
        f"Net income\t{income}\t{income_before}\tn/m",
    ]
    return _KEY_FIGURES_LEAD + "\n".join(rows) + "\n"


def _fixed(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if "\t" not in line:
            lines.append(line)
            continue
        label, *cells = line.split("\t")
        lines.append(f"{label:<28}" + "".join(f"{c:>{max(14, len(c) + 3)}}" for c in cells))
    return "\n".join(lines) + "\n"


_TEXT_PRINTS: dict[str, Callable[[str], str]] = {
    "tabbed": lambda text: text,
    "fixed-width": _fixed,
    "newswire-cell-per-line": cell_per_line,
}


@pytest.mark.parametrize("print_", sorted(_TEXT_PRINTS))
@pytest.mark.parametrize(
    ("numbers", "labels"),
    [
        (("1.234,5", "1.100,2", "100,1", "(80,4)"), ("H1", "Change in %")),
        (("1,234.5", "1,100.2", "100.1", "(80.4)"), ("H1", "% Change")),
        (("1,234.5", "1,100.2", "100.1", "(80.4)"), ("1H", "Change")),
        (("1,234.5", "1,100.2", "100.1", "(80.4)"), ("January-June", "Change")),
        (("1.234,5", "1.100,2", "100,1", "(80,4)"), ("Jan.\u2013Jun.", "Change in %")),
    ],
)
def test_half_year_labels_over_either_decimal_convention_in_every_text_print(
    tmp_path: Path, print_: str, numbers: tuple[str, str, str, str], labels: tuple[str, str]
) -> None:
    path = _release(tmp_path, _TEXT_PRINTS[print_](_key_figures(numbers, labels)), ".txt")
    facts = _facts(path)
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("1234500000")
    assert facts[("Revenues", "D2023-01-01_2023-06-30")] == Decimal("1100200000")
    assert facts[("NetIncomeLoss", "D2023-01-01_2023-06-30")] == Decimal("-80400000")


_BALANCE_SHEET_IN_THOUSANDS = (
    "Statement of financial position\n"
    "kEUR\t30.06.2024\t31.12.2023\n"
    "Cash and cash equivalents\t42.875\t51.318\n"
    "Total assets\t399.623\t389.793\n"
    "Total equity\t200.849\t187.164\n"
)


def _html(text: str) -> str:
    """The tab-separated release as HTML: a paragraph per line, a table per run of rows."""
    parts, rows = [], []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            rows.append("".join(f"<td>{cell}</td>" for cell in line.split("\t")))
            continue
        if rows:
            parts.append("<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")
            rows = []
        if line.strip():
            parts.append(f"<p>{line}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


@pytest.mark.parametrize("print_", [*sorted(_TEXT_PRINTS), "html"])
@pytest.mark.parametrize(
    ("numbers", "labels", "assets"),
    [
        # the key figures print a decimal comma: the balance sheet's points group thousands
        (("1.234,5", "1.100,2", "100,1", "(80,4)"), ("H1", "Change in %"), "399623000"),
        (("234,5", "210,2", "10,1", "-8,4"), ("H1", "Change"), "399623000"),
        # a decimal point elsewhere, or no evidence anywhere: the point stays a decimal point
        (("1,234.5", "1,100.2", "100.1", "(80.4)"), ("H1", "% Change"), "399623"),
        (("1.234", "1.100", "100", "(80)"), ("H1", "Change"), "399623"),
    ],
)
def test_a_table_without_evidence_follows_the_documents_decimal_convention(
    tmp_path: Path,
    print_: str,
    numbers: tuple[str, str, str, str],
    labels: tuple[str, str],
    assets: str,
) -> None:
    """A balance sheet in thousands whose every number reads both ways ("399.623") is
    printed as the release's other tables are."""
    text = _key_figures(numbers, labels) + "\n" + _BALANCE_SHEET_IN_THOUSANDS
    if print_ == "html":
        path = _release(tmp_path, _html(text))
    else:
        path = _release(tmp_path, _TEXT_PRINTS[print_](text), ".txt")
    facts = _facts(path)
    assert facts[("Assets", "I2024-06-30")] == Decimal(assets)


# --- Markdown pipe tables, and sign cells of tables converted from HTML ----------------

_WEEKS_LEAD = (
    "# Coastline Apparel Reports Second Quarter Fiscal 2026 Results\n\n"
    "SAN FRANCISCO, August 27, 2026 -- Coastline Apparel Inc. today reported results for "
    "the second quarter of fiscal 2026 ended August 1, 2026.\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\n"
    "($ and shares in millions except per share amounts)\n\n"
)
_WEEKS_ROWS = (
    ("Net sales", ("3,651", "3,725", "7,148", "7,188"), True),
    ("Cost of goods sold", ("2,100", "2,200", "4,200", "4,300"), False),
    ("Net income", ("190", "117", "347", "113"), True),
)
_WEEKS_DATES = ("August 1, 2026", "August 2, 2025", "August 1, 2026", "August 2, 2025")


def _pipes_padded() -> str:
    """A converter's Markdown: every cell a pipe cell, spans padded with empty cells."""
    lines = [
        "|  | 13 Weeks Ended |  | 26 Weeks Ended |  |",
        "|---|---|---|---|---|",
        "|  | " + " | ".join(_WEEKS_DATES) + " |",
    ]
    for label, amounts, dollar in _WEEKS_ROWS:
        cells = [f"${a}" if dollar else a for a in amounts]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _pipes_with_sign_cells() -> str:
    """Header rows printed one cell per period, body rows with `$` in cells of their own."""
    lines = ["| 13 Weeks Ended | 26 Weeks Ended |", "| " + " | ".join(_WEEKS_DATES) + " |"]
    for label, amounts, dollar in _WEEKS_ROWS:
        sign = "$" if dollar else ""
        lines.append(f"{label} | " + " | ".join(f"{sign} | {a}" for a in amounts) + " |")
    return "\n".join(lines)


def _tabs_with_sign_cells(padded: bool) -> str:
    """Tab-separated, a `$` cell before each amount; the headers padded over the sign
    cells or printed one cell per period."""
    if padded:
        lines = [
            "\t\t13 Weeks Ended\t\t\t\t26 Weeks Ended\t\t",
            "\t\t" + "\t\t".join(_WEEKS_DATES),
        ]
    else:
        lines = ["\t13 Weeks Ended\t\t26 Weeks Ended\t", "\t" + "\t".join(_WEEKS_DATES)]
    for label, amounts, dollar in _WEEKS_ROWS:
        sign = "$" if dollar else ""
        lines.append(f"{label}\t" + "\t".join(f"{sign}\t{a}" for a in amounts))
    return "\n".join(lines)


_SIGN_PRINTS: dict[str, Callable[[], str]] = {
    "markdown-padded": _pipes_padded,
    "markdown-sign-cells": _pipes_with_sign_cells,
    "tabbed-sign-cells-padded-headers": lambda: _tabs_with_sign_cells(padded=True),
    "tabbed-sign-cells-one-header-per-period": lambda: _tabs_with_sign_cells(padded=False),
}


@pytest.mark.parametrize("print_", sorted(_SIGN_PRINTS))
def test_pipe_tables_and_sign_cells_in_text(tmp_path: Path, print_: str) -> None:
    path = _release(tmp_path, _WEEKS_LEAD + _SIGN_PRINTS[print_]() + "\n", ".txt")
    facts = _facts(path)
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2026-05-03_2026-08-01")] == Decimal("3651000000")
    assert facts[(revenue, "D2025-05-04_2025-08-02")] == Decimal("3725000000")
    assert facts[(revenue, "D2026-02-01_2026-08-01")] == Decimal("7148000000")
    assert facts[("NetIncomeLoss", "D2025-02-02_2025-08-02")] == Decimal("113000000")
    assert facts[("CostOfGoodsAndServicesSold", "D2026-05-03_2026-08-01")] == Decimal("2100000000")
    assert len(facts) == 12


_NINE_LEAD = (
    "Larchmont Gauges Reports Third Quarter 2025 Results\n\n"
    "DAYTON, Ohio, October 29, 2025 -- Larchmont Gauges, Inc. today reported results for "
    "the third quarter ended September 30, 2025.\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n"
    "(In thousands, except per share amounts)\n\n"
)


def _tabbed_periods_in_sign_cells() -> str:
    """Cells as a converter leaves them: a `$` cell before each amount and an empty one
    after it; each period header printed in the first (the `$`) cell of its span, the
    line ending at the last header."""
    spans = ("Three Months Ended September 30,", "Nine Months Ended September 30,")
    lines = ["\t" + "\t\t\t\t\t\t".join(spans)]
    lines.append("\t\t" + "\t\t\t".join(("2025", "2024", "2025", "2024")))
    for label, amounts, dollar in (
        ("Net sales", ("402,118", "377,540", "1,166,905", "1,098,233"), True),
        ("Cost of sales", ("244,371", "231,002", "711,810", "676,419"), False),
        ("Net income", ("31,406", "27,815", "88,742", "74,120"), True),
    ):
        sign = "$" if dollar else ""
        lines.append(label + "".join(f"\t{sign}\t{amount}\t" for amount in amounts).rstrip())
    return "\n".join(lines) + "\n"


def test_a_period_header_in_the_sign_cell_of_its_span_heads_its_amounts(
    tmp_path: Path,
) -> None:
    path = _release(tmp_path, _NINE_LEAD + _tabbed_periods_in_sign_cells(), ".txt")
    facts = _facts(path)
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2025-07-01_2025-09-30")] == Decimal("402118000")
    assert facts[(revenue, "D2024-07-01_2024-09-30")] == Decimal("377540000")
    assert facts[(revenue, "D2025-01-01_2025-09-30")] == Decimal("1166905000")
    assert facts[(revenue, "D2024-01-01_2024-09-30")] == Decimal("1098233000")
    assert facts[("NetIncomeLoss", "D2025-01-01_2025-09-30")] == Decimal("88742000")
    assert facts[("CostOfGoodsAndServicesSold", "D2024-01-01_2024-09-30")] == Decimal("676419000")
    assert len(facts) == 12


def test_a_section_after_a_blank_line_keeps_the_statements_columns_without_signs(
    tmp_path: Path,
) -> None:
    """The share counts, after a blank line and their section's name, print no `$`: their
    cells still stand in the statement's columns, the sign cells empty."""
    shares = (
        "\nWeighted average shares outstanding:\n"
        "Basic\t\t41,207\t\t\t41,892\t\t\t41,350\t\t\t42,016\n"
        "Diluted\t\t41,655\t\t\t42,230\t\t\t41,790\t\t\t42,401\n"
    )
    path = _release(tmp_path, _NINE_LEAD + _tabbed_periods_in_sign_cells() + shares, ".txt")
    facts = _facts(path)
    basic = "WeightedAverageNumberOfSharesOutstandingBasic"
    diluted = "WeightedAverageNumberOfDilutedSharesOutstanding"
    assert facts[(basic, "D2025-07-01_2025-09-30")] == Decimal("41207000")
    assert facts[(basic, "D2024-01-01_2024-09-30")] == Decimal("42016000")
    assert facts[(diluted, "D2024-07-01_2024-09-30")] == Decimal("42230000")
    assert facts[(diluted, "D2025-01-01_2025-09-30")] == Decimal("41790000")
    assert len(facts) == 20


_JUNE_LEAD = (
    "Halvorsen Tools Reports Second Quarter 2025 Results\n\n"
    "CHICAGO, July 30, 2025 -- Halvorsen Tools, Inc. today reported results for the second "
    "quarter ended June 30, 2025.\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n"
    "(Unaudited)\n"
    "(In millions, except per share amounts)\n\n"
)
_JUNE_HEADERS = {
    "spans-over-two-lines": (
        "\tThree Months Ended\t\tSix Months Ended\n\tJune 30,\t\tJune 30,\n\t2025\t2024\t2025\t2024"
    ),
    "one-header-per-period": "\t".join(
        (
            "",
            "Three Months Ended June 30, 2025",
            "Three Months Ended June 30, 2024",
            "Six Months Ended June 30, 2025",
            "Six Months Ended June 30, 2024",
        )
    ),
}


def _tabs_with_signs_in_some_rows(header: str, sign: str) -> str:
    """Tab-separated, a sign cell before each amount of the rows that print a sign and
    none in the other rows or the header: the sign cells are no columns of the table."""
    rows = (
        ("Net sales", ("1,284.6", "1,201.9", "2,497.3", "2,355.0"), True),
        ("Cost of sales", ("781.2", "744.0", "1,527.5", "1,466.8"), False),
        ("Net income", ("121.8", "87.5", "221.7", "156.1"), True),
        ("Earnings per share:", (), False),
        ("Basic", ("1.64", "1.16", "2.98", "2.07"), True),
        ("Diluted", ("1.62", "1.15", "2.95", "2.05"), True),
    )
    lines = [header]
    for label, amounts, signed in rows:
        cells = [f"{sign}\t{a}" if signed else a for a in amounts]
        lines.append("\t".join((label, *cells)))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("sign", ["$", "US$", "€"])
@pytest.mark.parametrize("header", sorted(_JUNE_HEADERS))
def test_sign_cells_in_some_tab_rows_join_their_amounts(
    tmp_path: Path, header: str, sign: str
) -> None:
    table = _tabs_with_signs_in_some_rows(_JUNE_HEADERS[header], sign)
    facts = _facts(_release(tmp_path, _JUNE_LEAD + table, ".txt"))
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2025-04-01_2025-06-30")] == Decimal("1284600000")
    assert facts[(revenue, "D2024-04-01_2024-06-30")] == Decimal("1201900000")
    assert facts[(revenue, "D2025-01-01_2025-06-30")] == Decimal("2497300000")
    assert facts[(revenue, "D2024-01-01_2024-06-30")] == Decimal("2355000000")
    assert facts[("CostOfGoodsAndServicesSold", "D2024-04-01_2024-06-30")] == Decimal("744000000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-06-30")] == Decimal("156100000")
    assert facts[("EarningsPerShareBasic", "D2025-04-01_2025-06-30")] == Decimal("1.64")
    assert facts[("EarningsPerShareDiluted", "D2024-01-01_2024-06-30")] == Decimal("2.05")
    assert len(facts) == 20


@pytest.mark.parametrize("sign", ["$", "€"])
def test_sign_cells_in_some_tab_rows_of_a_balance_sheet_join_their_amounts(
    tmp_path: Path, sign: str
) -> None:
    table = (
        "CONDENSED CONSOLIDATED BALANCE SHEETS\n(In millions)\n\n"
        "\tJune 30, 2025\tDecember 31, 2024\n"
        f"Cash and cash equivalents\t{sign}\t412.6\t{sign}\t388.0\n"
        "Inventories\t901.4\t846.2\n"
        f"Total assets\t{sign}\t6,842.1\t{sign}\t6,715.9\n"
    )
    facts = _facts(_release(tmp_path, _JUNE_LEAD.split("CONDENSED")[0] + table, ".txt"))
    cash = "CashAndCashEquivalentsAtCarryingValue"
    assert facts[(cash, "I2025-06-30")] == Decimal("412600000")
    assert facts[(cash, "I2024-12-31")] == Decimal("388000000")
    assert facts[("InventoryNet", "I2024-12-31")] == Decimal("846200000")
    assert facts[("Assets", "I2025-06-30")] == Decimal("6842100000")
    assert len(facts) == 6


_SHARE_LEAD = (
    "Ostrava Instruments Reports Second Quarter 2025 Results\n\n"
    "BOSTON, July 31, 2025 -- Ostrava Instruments, Inc. today reported results for the second "
    "quarter ended June 30, 2025.\n\n"
)
_SHARE_TITLE = "CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in thousands)"
# Each period's amount and its share of revenue, the share printed to one decimal.
_SHARE_ROWS = (
    ("Revenue", ("$212,614", "100.0", "$191,198", "100.0")),
    ("Cost of revenue", ("96,318", "45.3", "89,480", "46.8")),
    ("Gross profit", ("116,296", "54.7", "101,718", "53.2")),
    ("Operating income", ("29,974", "14.1", "21,797", "11.4")),
    ("Net income", ("$23,175", "10.9", "$16,252", "8.5")),
)


def _share_cells(cells: tuple[str, ...], signed: bool) -> tuple[str, ...]:
    """The row's cells, the shares with or without their "%" sign."""
    return tuple(c + "%" if signed and i % 2 else c for i, c in enumerate(cells))


def _shares_as_tabs(signed: bool) -> str:
    lines = [_SHARE_TITLE, "", "\tThree Months Ended June 30,", "\t2025\t%\t2024\t%"]
    lines += ["\t".join((label, *_share_cells(c, signed))) for label, c in _SHARE_ROWS]
    return _SHARE_LEAD + "\n".join(lines) + "\n"


def _shares_as_html(signed: bool) -> str:
    def row(cells: tuple[str, ...], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"

    span = '<tr><th></th><th colspan="4">Three Months Ended June 30,</th></tr>'
    body = [span, row(("", "2025", "%", "2024", "%"), "th")]
    body += [row((label, *_share_cells(c, signed))) for label, c in _SHARE_ROWS]
    lead = "".join(f"<p>{p}</p>" for p in _SHARE_LEAD.strip().split("\n\n"))
    return f"<html><body>{lead}<p><b>{_SHARE_TITLE}</b></p><table>{''.join(body)}</table></body></html>"


_SHARE_PRINTS: dict[str, tuple[Callable[[bool], str], str]] = {
    "tabs": (_shares_as_tabs, ".txt"),
    "html": (_shares_as_html, ".html"),
}


@pytest.mark.parametrize("signed", [True, False], ids=["percent-signs", "bare-figures"])
@pytest.mark.parametrize("print_", sorted(_SHARE_PRINTS))
def test_a_percent_column_of_shares_of_revenue_beside_each_period_is_no_change(
    tmp_path: Path, print_: str, signed: bool
) -> None:
    """ "2025 | % | 2024 | %": each % column holds the amounts to its left as shares of
    revenue (100.0%), which the arithmetic proves; no change facts, no duplicates."""
    render, suffix = _SHARE_PRINTS[print_]
    facts = _facts(_release(tmp_path, render(signed), suffix))
    assert facts[("Revenues", "D2025-04-01_2025-06-30")] == Decimal("212614000")
    assert facts[("Revenues", "D2024-04-01_2024-06-30")] == Decimal("191198000")
    assert facts[("CostOfRevenue", "D2024-04-01_2024-06-30")] == Decimal("89480000")
    assert facts[("NetIncomeLoss", "D2025-04-01_2025-06-30")] == Decimal("23175000")
    assert not [concept for concept, _ in facts if concept.endswith("PercentChange")]
    assert len(facts) == 10


def test_a_percent_column_of_changes_stays_a_change(tmp_path: Path) -> None:
    """The control: a "%" column whose figures are (2025 - 2024) / 2024 is a change."""
    changes = ("11.2%", "7.6%", "14.3%", "37.5%", "42.6%")
    lines = [_SHARE_TITLE, "", "\tThree Months Ended June 30,", "\t2025\t2024\t%"]
    for (label, cells), change in zip(_SHARE_ROWS, changes, strict=True):
        lines.append("\t".join((label, cells[0], cells[2], change)))
    facts = _facts(_release(tmp_path, _SHARE_LEAD + "\n".join(lines) + "\n", ".txt"))
    assert facts[("RevenuesPercentChange", "D2025-04-01_2025-06-30")] == Decimal("0.112")
    assert facts[("NetIncomeLossPercentChange", "D2025-04-01_2025-06-30")] == Decimal("0.426")
    assert facts[("Revenues", "D2024-04-01_2024-06-30")] == Decimal("191198000")


_HALF_LEAD = (
    "# Tideway Systems Reports Second Quarter 2025 Results\n\n"
    "TEL AVIV, Israel, August 6, 2025 -- Tideway Systems Ltd. today reported results for "
    "the second quarter ended June 30, 2025.\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\n"
    "U.S. dollars in thousands\n\n"
)
_HALF_ROWS = (
    ("Total revenues", ("48,215", "41,307", "93,644", "79,812"), True),
    ("Cost of revenues", ("14,128", "12,607", "27,511", "24,390"), False),
    ("Net income", ("5,507", "1,984", "9,424", "3,020"), True),
)


def _aligned_pipes(sign_cells: bool) -> str:
    """A padded Markdown table, pipes one above the other: each period header one cell
    spanning its two years (and, `sign_cells`, the `$` cells beside them)."""
    sign = "|   " if sign_cells else ""
    years = "".join(f"{sign}| {y:>14} " for y in ("2025", "2024", "2025", "2024"))
    width = len(years) // 2 - 2
    heads = ("Three months ended June 30,", "Six months ended June 30,")
    spans = "".join(f"| {head:<{width}}" for head in heads)
    lines = [f"| {'':<16} {spans}|", f"| {'':<16} {years}|"]
    lines.append("|" + "-" * 18 + re.sub(r"[^|]", "-", years) + "|")
    for label, amounts, dollar in _HALF_ROWS:
        mark = "$" if dollar else ""
        if sign_cells:
            cells = "".join(f"| {mark:1} | {a:>14} " for a in amounts)
        else:
            cells = "".join(f"| {mark + a:>14} " for a in amounts)
        lines.append(f"| {label:<16} {cells}|")
    return "\n".join(lines)


@pytest.mark.parametrize("sign_cells", [False, True], ids=["signs-in-cells", "sign-cells"])
def test_a_header_spans_the_columns_under_it_in_an_aligned_pipe_table(
    tmp_path: Path, sign_cells: bool
) -> None:
    """Read by the order of its cells, "Six months ended" would head the quarter's 2024."""
    path = _release(tmp_path, _HALF_LEAD + _aligned_pipes(sign_cells) + "\n", ".txt")
    facts = _facts(path)
    assert facts[("Revenues", "D2025-04-01_2025-06-30")] == Decimal("48215000")
    assert facts[("Revenues", "D2024-04-01_2024-06-30")] == Decimal("41307000")
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("93644000")
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("79812000")
    assert facts[("NetIncomeLoss", "D2024-04-01_2024-06-30")] == Decimal("1984000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-06-30")] == Decimal("3020000")
    assert len(facts) == 12


# --- periods stacked in the label column over repeated year groups --------------------

_STACKED_BODY = (
    ("Net sales", ("1,090,100", "1,010,200", "4,840,300", "4,560,100")),
    ("Gross profit", ("470,100", "430,300", "2,090,400", "1,950,200")),
    ("Net income", ("143,463", "144,066", "711,187", "631,529")),
)


def _stacked_html(title_in_year_row: bool) -> str:
    label = "GAAP CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS" if title_in_year_row else ""
    years = "".join(f'<td colspan="2">{y}</td>' for y in ("2026", "2025", "2026", "2025"))
    body = "".join(
        f"<tr><td>{name}</td>" + "".join(f"<td>$</td><td>{v}</td>" for v in values) + "</tr>"
        for name, values in _STACKED_BODY
    )
    stubs = "".join(
        f"<tr><td>{text}</td></tr>"
        for text in ("Three Months Ended", "March 31,", "Fiscal Years Ended", "March 31,")
    )
    return (
        "<html><body><h1>Northgate Peripherals Announces Q4 and Full Fiscal Year 2026 "
        "Results</h1><p>LAUSANNE, April 28, 2026 -- Northgate Peripherals today announced "
        "results for the fourth quarter and fiscal year ended March 31, 2026.</p><table>"
        "<tr><td>(In thousands, except per share amounts) - unaudited</td></tr>"
        f"{stubs}<tr><td>{label}</td>{years}</tr>{body}</table></body></html>"
    )


@pytest.mark.parametrize("title_in_year_row", [True, False])
def test_periods_stacked_in_the_label_column_head_the_year_groups_in_order(
    tmp_path: Path, title_in_year_row: bool
) -> None:
    facts = _facts(_release(tmp_path, _stacked_html(title_in_year_row)))
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2026-01-01_2026-03-31")] == Decimal("1090100000")
    assert facts[(revenue, "D2025-01-01_2025-03-31")] == Decimal("1010200000")
    assert facts[(revenue, "D2025-04-01_2026-03-31")] == Decimal("4840300000")
    assert facts[("NetIncomeLoss", "D2024-04-01_2025-03-31")] == Decimal("631529000")
    assert len(facts) == 12


# --- the earlier year first --------------------------------------------------------------


def test_columns_printed_earlier_year_first(tmp_path: Path) -> None:
    years = "<th>2025</th><th>2026</th><th>2025</th><th>2026</th>"
    html = (
        "<html><body><h1>Lakeside Commerce Announces Second Quarter 2026 Results</h1>"
        "<p>SEATTLE, July 30, 2026 -- Lakeside Commerce Inc. today announced results for its "
        "second quarter ended June 30, 2026.</p><h2>Consolidated Statements of Operations</h2>"
        "<p>(in millions, except per-share data; unaudited)</p><table>"
        '<tr><th></th><th colspan="2">Three Months Ended June 30,</th>'
        '<th colspan="2">Six Months Ended June 30,</th></tr>'
        f"<tr><th></th>{years}</tr>"
        "<tr><td>Total net sales</td><td>1,677</td><td>2,006</td><td>3,233</td><td>3,821</td></tr>"
        "<tr><td>Net income</td><td>$181</td><td>$626</td><td>$352</td><td>$929</td></tr>"
        "<tr><td>Diluted</td><td>$1.68</td><td>$5.75</td><td>$3.27</td><td>$8.53</td></tr>"
        "</table></body></html>"
    )
    facts = _facts(_release(tmp_path, html))
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2026-04-01_2026-06-30")] == Decimal("2006000000")
    assert facts[(revenue, "D2025-04-01_2025-06-30")] == Decimal("1677000000")
    assert facts[("NetIncomeLoss", "D2026-01-01_2026-06-30")] == Decimal("929000000")


# --- quarters and year-to-date spans named by the month they end ------------------------

_MONTH_LEAD = (
    "<html><body><h1>Fabrikam Devices Reports Results for Its Fiscal Third Quarter</h1>"
    "<p>SAN JOSE, Calif., July 22, 2026 -- Fabrikam Devices Inc. (NASDAQ: FBKM) today"
    " reported results for its fiscal third quarter ended June 30, 2026.</p>"
    "<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p><table>"
)
_MONTH_BODY = (
    ("Net sales", ("$ 1,250", "$ 1,100", "14%", "$ 3,600", "$ 3,150")),
    ("Cost of sales", ("700", "640", "9%", "2,050", "1,860")),
    ("Net income", ("$ 210", "$ 160", "31%", "$ 590", "$ 450")),
)


def _month_named_headers(stacked: bool, month: str, year_to_date: str) -> str:
    """ "June" / "Quarter" / "2026" in three header rows, or "June Quarter 2026" in one."""

    def cells(texts: tuple[str, ...]) -> str:
        return "".join(f"<td>{t}</td>" for t in texts)

    if stacked:
        rows = [
            ("", month, month, "", month, month),
            ("", "Quarter", "Quarter", "", year_to_date, year_to_date),
            ("(In millions, except per share data)", "2026", "2025", "% Change", "2026", "2025"),
        ]
    else:
        quarter, ytd = f"{month} Quarter", f"{month} {year_to_date}"
        rows = [
            (
                "(In millions)",
                *(f"{quarter} 2026", f"{quarter} 2025", "% Change"),
                *(f"{ytd} 2026", f"{ytd} 2025"),
            )
        ]
    header = "".join(f"<tr>{cells(r)}</tr>" for r in rows)
    body = "".join(f"<tr>{cells((label, *numbers))}</tr>" for label, numbers in _MONTH_BODY)
    return _MONTH_LEAD + header + body + "</table></body></html>"


@pytest.mark.parametrize("year_to_date", ["YTD", "Year-to-Date"])
@pytest.mark.parametrize("month", ["June", "Jun."])
@pytest.mark.parametrize("stacked", [True, False], ids=["stacked", "one-row"])
def test_quarters_and_year_to_date_named_by_their_month(
    tmp_path: Path, stacked: bool, month: str, year_to_date: str
) -> None:
    """The fiscal year ends in September (its third quarter ends in June): the June
    year-to-date columns run from October 1."""
    facts = _facts(_release(tmp_path, _month_named_headers(stacked, month, year_to_date)))
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2026-04-01_2026-06-30")] == Decimal("1250000000")
    assert facts[(revenue, "D2025-04-01_2025-06-30")] == Decimal("1100000000")
    assert facts[(revenue, "D2025-10-01_2026-06-30")] == Decimal("3600000000")
    assert facts[("NetIncomeLoss", "D2024-10-01_2025-06-30")] == Decimal("450000000")
    assert facts[("CostOfGoodsAndServicesSold", "D2026-04-01_2026-06-30")] == Decimal("700000000")
    assert len([k for k in facts if "PercentChange" not in k[0]]) == 12


# --- header cells printed as paragraphs above a table without header rows ---------------

_PARAGRAPH_HEADED_BODY = (
    ("Net revenue", ("$ 52,340", "$ 48,120", "$ 101,220", "$ 93,870")),
    ("Cost of revenue", ("30,110", "28,400", "58,900", "55,300")),
    ("Net income", ("$ 6,120", "$ 4,880", "$ 11,640", "$ 9,210")),
)
_PARAGRAPH_HEADERS = {
    "spans and years": (
        "Three Months Ended June 30,",
        "Six Months Ended June 30,",
        "2026",
        "2025",
        "2026",
        "2025",
    ),
    "one cell per column": (
        "Three Months Ended June 30, 2026",
        "Three Months Ended June 30, 2025",
        "Six Months Ended June 30, 2026",
        "Six Months Ended June 30, 2025",
    ),
}


@pytest.mark.parametrize("headers", sorted(_PARAGRAPH_HEADERS))
def test_header_cells_printed_as_paragraphs_head_the_table_below(
    tmp_path: Path, headers: str
) -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in _PARAGRAPH_HEADERS[headers])
    body = "".join(
        "<tr>" + "".join(f"<td>{t}</td>" for t in (label, *numbers)) + "</tr>"
        for label, numbers in _PARAGRAPH_HEADED_BODY
    )
    html = (
        "<html><body><h1>Northwind Tools Reports Second Quarter 2026 Results</h1>"
        "<p>DENVER, July 29, 2026 -- Northwind Tools Inc. (NYSE: NWT) today announced results"
        " for the second quarter ended June 30, 2026.</p>"
        "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p>"
        f"<p>(In thousands)</p>{paragraphs}<table>{body}</table></body></html>"
    )
    facts = _facts(_release(tmp_path, html))
    assert facts[("Revenues", "D2026-04-01_2026-06-30")] == Decimal("52340000")
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("93870000")
    assert facts[("CostOfRevenue", "D2025-04-01_2025-06-30")] == Decimal("28400000")
    assert facts[("NetIncomeLoss", "D2026-01-01_2026-06-30")] == Decimal("11640000")
    assert len(facts) == 12


# --- interim statements as IFRS issuers print them: half years, a note column, pence ----


def _interim_statement(period_header: str, prior_header: str, eps: tuple[str, str, str]) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    header = ("", "Note", period_header, prior_header, "Audited year ended 31 December 2025 £m")
    return (
        "<html><body><h1>Contoso plc Interim Results for the Six Months Ended 30 June 2026</h1>"
        "<p>LONDON, 29 July 2026 -- Contoso plc (LSE: CTSO) announces its interim results for"
        " the half year ended 30 June 2026.</p><p>Condensed consolidated income statement</p>"
        "<table>"
        + row(header)
        + row(("Revenue", "3", "1,204.5", "1,150.2", "2,390.8"))
        + row(("Cost of sales", "", "(702.1)", "(681.0)", "(1,402.3)"))
        + row(("Gross profit", "", "502.4", "469.2", "988.5"))
        + row(("Profit for the period", "", "98.7", "90.4", "190.2"))
        + row(("Basic earnings per share (pence)", "5", *eps))
        + "</table></body></html>"
    )


_INTERIM_HEADERS = {
    "half year": (
        "Unaudited half year ended 30 June 2026 £m",
        "Unaudited half year ended 30 June 2025 £m",
    ),
    "six months, dotted dates": (
        "Six months ended 30.06.2026 £m",
        "Six months ended 30.06.2025 £m",
    ),
}
_INTERIM_EPS = {"pence marks": ("12.3p", "11.2p", "23.6p"), "pence label": ("12.3", "11.2", "23.6")}


@pytest.mark.parametrize("eps", sorted(_INTERIM_EPS))
@pytest.mark.parametrize("headers", sorted(_INTERIM_HEADERS))
def test_an_interim_statement_with_note_references_and_pence(
    tmp_path: Path, headers: str, eps: str
) -> None:
    html = _interim_statement(*_INTERIM_HEADERS[headers], _INTERIM_EPS[eps])
    path = _release(tmp_path, html)
    conversion = convert(path, ConvertOptions())
    facts = {(f.concept, f.context): Decimal(str(f.value)) for f in conversion.facts.facts}
    assert facts[("Revenues", "D2026-01-01_2026-06-30")] == Decimal("1204500000")
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("1150200000")
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == Decimal("2390800000")
    assert facts[("CostOfGoodsAndServicesSold", "D2026-01-01_2026-06-30")] == Decimal("702100000")
    assert facts[("EarningsPerShareBasic", "D2026-01-01_2026-06-30")] == Decimal("0.123")
    assert facts[("EarningsPerShareBasic", "D2025-01-01_2025-12-31")] == Decimal("0.236")
    assert len(facts) == 15
    notes = [u for u in conversion.facts.unmapped if u.text in ("3", "5")]
    assert len(notes) == 2 and all(u.deliberate for u in notes)
    assert conversion.report.status == "ok"


def _statements_with_notes(note: str, title: str, cell: str) -> str:
    """An income statement and then a balance sheet, each with a column of note references
    headed `note` and a title (`title` is its tag) of its own."""

    def row(cells: tuple[str, ...], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"

    def titled(text: str) -> str:
        return f"<{title}>{text}</{title}>" if title != "p-b" else f"<p><b>{text}</b></p>"

    return (
        "<html><body><h1>Contoso plc Interim Results for the Six Months Ended 30 June 2026</h1>"
        "<p>LONDON, 29 July 2026 -- Contoso plc (LSE: CTSO) announces its interim results for"
        " the half year ended 30 June 2026.</p>"
        + titled("Condensed consolidated income statement")
        + "<p>For the periods ended 30 June (unaudited)</p>"
        + "<table>"
        + row(
            ("", note, "Six months ended 30 June 2026 £m", "Six months ended 30 June 2025 £m"), cell
        )
        + row(("Revenue", "3", "1,204.5", "1,150.2"))
        + row(("Cost of sales", "", "(702.1)", "(681.0)"))
        + row(("Profit for the period", "", "98.7", "90.4"))
        + "</table>"
        + titled("Condensed consolidated statement of financial position")
        + "<table>"
        + row(("", note, "30 June 2026 £m", "31 December 2025 £m"), cell)
        + row(("Total assets", "", "2,279.3", "2,147.5"))
        + row(("Trade and other payables", "8", "287.4", "262.0"))
        + row(("Lease liabilities", "", "61.3", "58.8"))
        + row(("Net assets", "", "1,237.4", "1,080.8"))
        + "</table></body></html>"
    )


@pytest.mark.parametrize("cell", ["td", "th"])
@pytest.mark.parametrize("title", ["h3", "p-b"])
@pytest.mark.parametrize("note", ["Notes", "Note", "NOTE"])
def test_a_statement_with_a_notes_column_under_its_own_title_is_a_table_of_its_own(
    tmp_path: Path, note: str, title: str, cell: str
) -> None:
    """A balance sheet headed "Notes | 30 June 2026 | 31 December 2025" under its own title
    after an income statement: its header row is a header row, so it is no continuation
    of the statement above, and its figures are at the two dates."""
    path = _release(tmp_path, _statements_with_notes(note, title, cell))
    conversion = convert(path, ConvertOptions())
    kinds = [table.kind for table in conversion.report.tables]
    assert kinds == ["income_statement", "balance_sheet"]
    facts = {(f.concept, f.context): Decimal(str(f.value)) for f in conversion.facts.facts}
    assert facts[("Revenues", "D2026-01-01_2026-06-30")] == Decimal("1204500000")
    assert facts[("Assets", "I2026-06-30")] == Decimal("2279300000")
    assert facts[("TradeAndOtherPayables", "I2026-06-30")] == Decimal("287400000")
    assert facts[("LeaseLiabilities", "I2025-12-31")] == Decimal("58800000")
    assert facts[("NetAssets", "I2025-12-31")] == Decimal("1080800000")
    assert not any(concept == "NetAssets" and context.startswith("D") for concept, context in facts)


# --- key figures by quarter, half and year, the fiscal year told by the balance sheet ----


def _html_release(headline: str, dateline: str, title: str, rows: list[tuple[str, ...]]) -> str:
    """A release page: its headline, the dateline paragraph, a table title and the table."""
    return (
        f"<html><body><h1>{headline}</h1><p>{dateline}</p><p>{title}</p>"
        + _html_table(rows)
        + "</body></html>"
    )


def _html_table(rows: list[tuple[str, ...]]) -> str:
    cells = ("".join(f"<td>{c}</td>" for c in row) for row in rows)
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


def _key_figures_release(year_end_report: bool, employees: str, eps_label: str) -> str:
    """Columns that name a quarter, a half and a year with no date; nothing in the text
    says when the fiscal year ends, only the balance sheet's dates do."""
    if year_end_report:
        headline, quarter = "Full-Year Report 2025", "fourth quarter of 2025"
        columns = ("Q4 2025", "Q4 2024", "Change", "FY 2025", "FY 2024")
        balance_dates = ("31 December 2025", "31 December 2024")
    else:
        headline, quarter = "Half-Year Report Q2 2026", "second quarter of 2026"
        columns = ("Q2 2026", "Q2 2025", "Change", "H1 2026", "H1 2025", "FY 2025")
        balance_dates = ("30 June 2026", "31 December 2025")
    width = len(columns)
    figures = [
        ("Revenue", ("512.4", "480.1", "6.7%", "1,001.3", "950.2", "1,920.5")),
        ("Net income", ("28.1", "24.9", "12.9%", "55.0", "49.2", "98.7")),
        (eps_label, ("0.56", "0.50", "12.0%", "1.10", "0.98", "1.97")),
        (employees, ("4,812", "4,650", "3.5%", "4,812", "4,650", "4,700")),
    ]
    key_rows = [("EUR million", *columns)] + [(label, *v[:width]) for label, v in figures]
    balance_rows = [
        ("EUR million", *balance_dates),
        ("Cash and cash equivalents", "210.5", "198.3"),
        ("Total assets", "2,450.8", "2,390.1"),
        ("Total liabilities", "1,330.4", "1,309.9"),
        ("Total equity", "1,120.4", "1,080.2"),
        ("Total equity and liabilities", "2,450.8", "2,390.1"),
    ]
    return (
        f"<html><body><h1>Contoso Maschinenbau AG: {headline}</h1>"
        "<p>MUNICH, 6 August 2026 -- Contoso Maschinenbau AG today published its figures for"
        f" the {quarter}.</p><h2>Key figures</h2>"
        + _html_table(key_rows)
        + "<h2>Consolidated balance sheet</h2>"
        + _html_table(balance_rows)
        + "</body></html>"
    )


_KEY_FIGURE_LABELS = {
    "plain": ("Employees", "Earnings per share (EUR)"),
    "spelled out": ("Number of employees", "Earnings per share (in EUR)"),
}


@pytest.mark.parametrize("labels", sorted(_KEY_FIGURE_LABELS))
def test_key_figures_of_an_interim_report_placed_by_the_balance_sheet_dates(
    tmp_path: Path, labels: str
) -> None:
    employees, eps = _KEY_FIGURE_LABELS[labels]
    conversion = convert(
        _release(tmp_path, _key_figures_release(False, employees, eps)), ConvertOptions()
    )
    facts = _valued(conversion)
    assert facts[("Revenues", "D2026-04-01_2026-06-30")] == (Decimal("512400000"), "EUR")
    assert facts[("Revenues", "D2026-01-01_2026-06-30")] == (Decimal("1001300000"), "EUR")
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == (Decimal("1920500000"), "EUR")
    assert facts[("NetIncomeLoss", "D2025-04-01_2025-06-30")] == (Decimal("24900000"), "EUR")
    assert facts[("NetIncomeLossPercentChange", "D2026-04-01_2026-06-30")][0] == Decimal("0.129")
    assert facts[("Assets", "I2025-12-31")] == (Decimal("2390100000"), "EUR")
    # The currency a row names is its unit, not part of its line item's name; a headcount
    # is a number of people, not millions of euros.
    eps_facts = {c: v for (c, _), v in facts.items() if v[1].endswith("_per_share")}
    assert set(eps_facts) == {"EarningsPerShareBasicAndDiluted"}
    # ... and a headcount is the staff at the period's end: an instant, the quarter's and
    # the half's the same one.
    staff = {
        (context, v) for (c, context), v in facts.items() if c in ("Employees", "NumberOfEmployees")
    }
    assert staff == {
        ("I2026-06-30", (Decimal("4812"), "pure")),
        ("I2025-06-30", (Decimal("4650"), "pure")),
        ("I2025-12-31", (Decimal("4700"), "pure")),
    }
    assert not any(c.startswith("ProfitLoss") for c, _ in facts)
    assert conversion.report.status in ("ok", "warnings")


def test_key_figures_of_a_year_end_report_placed_by_the_balance_sheet_dates(
    tmp_path: Path,
) -> None:
    html = _key_figures_release(True, "Employees", "Earnings per share (EUR)")
    facts = _facts(_release(tmp_path, html))
    assert facts[("Revenues", "D2025-10-01_2025-12-31")] == Decimal("512400000")
    assert facts[("Revenues", "D2024-10-01_2024-12-31")] == Decimal("480100000")
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == Decimal("1001300000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-12-31")] == Decimal("49200000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("2390100000")


# --- operating data: quantities and headcounts are not money ------------------------------

_OPERATING_ROWS = (
    ("Ethanol gallons sold (in millions)", ("15.7", "15.0"), ("15700000", "15000000"), "pure"),
    ("Average sales price/gallon", ("$ 1.93", "$ 2.20"), ("1.93", "2.20"), "USD"),
    ("Metric tons sold (in thousands)", ("105.7", "102.6"), ("105700", "102600"), "pure"),
    ("Credits sold (in thousands)", ("8.5", "-"), ("8500", "0"), "pure"),
    ("Average price per credit", ("$ 64.8", "$ -"), ("64.8", "0"), "USD"),
    ("Employee retention credit receivable", ("1,142", "1,142"), ("1142000", "1142000"), "USD"),
    ("Shipments per day", ("21,480", "21,960"), ("21480", "21960"), "pure"),
    ("Loads per week", ("3,105", "2,988"), ("3105", "2988"), "pure"),
    ("Revenue per day", ("412", "398"), ("412000", "398000"), "USD"),
)


def test_quantities_in_an_operating_data_table_are_not_money(tmp_path: Path) -> None:
    rows = [("(in thousands, except per unit data)", "2026", "2025")]
    rows += [(label, *printed) for label, printed, _, _ in _OPERATING_ROWS]
    html = _html_release(
        "Fabrikam Renewables Reports Second Quarter 2026 Results",
        "CUPERTINO, Calif., August 6, 2026 -- Fabrikam Renewables Inc. today reported"
        " results for the second quarter ended June 30, 2026.",
        "Operating data for the three months ended June 30,",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    by_label: dict[str, set[tuple[Decimal, str]]] = {}
    for fact in conversion.facts.facts:
        by_label.setdefault(fact.source.label, set()).add((fact.value, fact.unit))
    for label, _, values, unit in _OPERATING_ROWS:
        expected = {(Decimal(v), unit) for v in values}
        assert {(v.normalize(), u) for v, u in by_label[label]} == {
            (v.normalize(), u) for v, u in expected
        }, label


# --- the unit on a line of its own above the table, as codes with the scale joined -------

_UNIT_LINES = {
    "TEUR": ("Consolidated income statement", "in TEUR", 3),
    "EUR thousand": ("Consolidated income statement", "in EUR thousand", 3),
    "MEUR": ("Consolidated income statement", "Amounts in MEUR", 6),
    "EURm": ("Consolidated income statement", "EURm", 6),
    "unit in the title": ("Key figures EUR m", "", 6),
}
_UNIT_ROWS = (
    ("Revenue", ("12,345", "11,020")),
    ("Cost of sales", ("-6,100", "-5,800")),
    ("Gross profit", ("6,245", "5,220")),
    ("Net income", ("1,204", "990")),
)


def _unit_line_release(title: str, unit: str, html: bool) -> str:
    lead = (
        "Fabrikam Software AG publishes figures for the first quarter of 2026",
        "JENA, 28 April 2026 -- Fabrikam Software AG (ISIN DE0000000001) today published its"
        " figures for the first quarter ended 31 March 2026.",
        title,
        unit,
    )
    rows = [("", "Q1 2026", "Q1 2025"), *((label, *v) for label, v in _UNIT_ROWS)]
    if html:
        paragraphs = "".join(f"<p>{t}</p>" for t in lead[1:] if t)
        return f"<html><body><h1>{lead[0]}</h1>{paragraphs}{_html_table(rows)}</body></html>"
    lines = [t for t in lead if t] + ["\t".join(r) for r in rows]
    return "\n\n".join(lines[: -len(rows)]) + "\n\n" + "\n".join(lines[-len(rows) :]) + "\n"


@pytest.mark.parametrize("html", [True, False], ids=["html", "tabbed"])
@pytest.mark.parametrize("unit", sorted(_UNIT_LINES))
def test_a_unit_line_above_the_table_scales_its_amounts(
    tmp_path: Path, unit: str, html: bool
) -> None:
    title, line, power = _UNIT_LINES[unit]
    path = _release(tmp_path, _unit_line_release(title, line, html), ".html" if html else ".txt")
    conversion = convert(path, ConvertOptions())
    facts = _valued(conversion)
    scale = Decimal(10) ** power
    assert facts[("Revenues", "D2026-01-01_2026-03-31")] == (12345 * scale, "EUR")
    assert facts[("Revenues", "D2025-01-01_2025-03-31")] == (11020 * scale, "EUR")
    assert facts[("NetIncomeLoss", "D2026-01-01_2026-03-31")] == (1204 * scale, "EUR")
    # The unit line is the caption; the title stays the statement's name above it.
    assert conversion.report.tables[0].title == title


# "Unit:" before the unit, as Korean, Chinese, Japanese and Taiwanese releases print it:
# (line, ISO code, power of ten).
_UNIT_COLON_LINES = {
    "KRW billion": ("(Unit: KRW billion)", "KRW", 9),
    "RMB'000": ("Unit: RMB'000", "CNY", 3),
    "million yen": ("(Unit: million yen)", "JPY", 6),
    "NT$ thousand": ("(Unit: NT$ thousand)", "TWD", 3),
    "USD million": ("(Unit: USD million)", "USD", 6),
    "KRW 100 million": ("[Unit: KRW 100 million]", "KRW", 8),
    "100 million won": ("(Unit: 100 million won)", "KRW", 8),
}


@pytest.mark.parametrize("html", [True, False], ids=["html", "tabbed"])
@pytest.mark.parametrize("unit", sorted(_UNIT_COLON_LINES))
def test_a_unit_line_named_unit_gives_the_tables_scale_and_currency(
    tmp_path: Path, unit: str, html: bool
) -> None:
    line, code, power = _UNIT_COLON_LINES[unit]
    text = _unit_line_release("Consolidated income statement", line, html)
    conversion = convert(_release(tmp_path, text, ".html" if html else ".txt"), ConvertOptions())
    facts = _valued(conversion)
    scale = Decimal(10) ** power
    assert facts[("Revenues", "D2026-01-01_2026-03-31")] == (12345 * scale, code)
    assert facts[("Revenues", "D2025-01-01_2025-03-31")] == (11020 * scale, code)
    assert facts[("NetIncomeLoss", "D2026-01-01_2026-03-31")] == (1204 * scale, code)
    assert conversion.report.tables[0].title == "Consolidated income statement"


# --- one table, two measures of the same segments, each under a heading of its own ------


def _two_measures_release() -> str:
    rows: list[tuple[str, ...]] = [
        ("", "Revenue", ""),
        ("", "Reported % Change", "Organic % Change"),
        ("North America", "14", "12"),
        ("Europe", "(2)", "5"),
        ("Total", "8", "9"),
        ("", "Operating Profit", ""),
        ("", "Reported % Change", "Core Constant Currency % Change"),
        ("North America", "9", "16"),
        ("Europe", "(42)", "(6)"),
        ("Total", "(7)", "8"),
    ]
    return _html_release(
        "Fabrikam Foods Reports Fourth-Quarter 2025 Results",
        "PURCHASE, N.Y., February 9, 2026 -- Fabrikam Foods Inc. (NASDAQ: FBFD) today"
        " reported results for the fourth quarter and fiscal year ended December 31, 2025.",
        "Summary Fourth-Quarter 2025 Performance",
        rows,
    )


def test_a_block_heading_tells_repeated_line_items_apart(tmp_path: Path) -> None:
    conversion = convert(_release(tmp_path, _two_measures_release()), ConvertOptions())
    by_row: dict[tuple[str, str], set[Decimal]] = {}
    for fact in conversion.facts.facts:
        key = (fact.source.label, fact.source.printed)
        by_row.setdefault(key, set()).add(fact.value)
    # Every printed figure is a fact of its own: the operating profit block's "North
    # America 9" is not a second, disagreeing value of revenue's "North America 14".
    printed = {
        ("North America", "14"),
        ("North America", "9"),
        ("Europe", "(42)"),
        ("Total", "(7)"),
    }
    assert printed <= set(by_row)
    assert by_row[("Europe", "(42)")] == {Decimal("-0.42")}
    assert not [f for f in conversion.report.findings if "inconsistent-duplicate" in f.code]
    assert len(conversion.facts.facts) == 12


# --- geographic splits repeated under each item of a section -----------------------------


def _growth_release() -> str:
    rows: list[tuple[str, ...]] = [
        ("", "Consumer", "Industrial", "Total"),
        ("WW As Reported", "1.0%", "(7.4)%", "(4.4)%"),
        ("U.S.", "10.9%", "(0.6)%", "2.9%"),
        ("International", "(5.8)%", "(14.9)%", "(11.5)%"),
        ("Acquisitions and Divestitures", "", "", ""),
        ("Northwind acquisition", "", "(0.5)", "(0.1)"),
        ("U.S.", "", "(1.0)", "(0.3)"),
        ("International", "", "0.2", "0.1"),
        ("All Other Acquisitions and Divestitures", "0.3", "0.2", "0.4"),
        ("U.S.", "0.1", "0.6", "0.5"),
        ("International", "0.7", "0.9", "0.8"),
    ]
    return _html_release(
        "Fabrikam Health Reports 2025 Fourth-Quarter Results",
        "NEW BRUNSWICK, N.J., January 24, 2026 -- Fabrikam Health (NYSE: FBH) today"
        " announced sales of $23.7 billion for the fourth quarter ended December 31, 2025.",
        "Fourth Quarter 2025 Sales Growth Analysis",
        rows,
    )


def test_splits_repeated_under_each_item_of_a_section_are_told_apart(tmp_path: Path) -> None:
    conversion = convert(_release(tmp_path, _growth_release()), ConvertOptions())
    printed = {(f.source.line, f.source.printed) for f in conversion.facts.facts}
    printed |= {(d.line, d.printed) for f in conversion.facts.facts for d in f.duplicates}
    assert not [f for f in conversion.report.findings if "inconsistent-duplicate" in f.code]
    # every figure of both splits under the section is a fact (the U.S. row under the
    # acquisition and the one under "All other" are different line items)
    assert {p for _, p in printed} >= {"(1.0)", "(0.3)", "0.6", "0.5", "0.9", "0.8"}
    assert len([f for f in conversion.facts.facts if f.source.kind == "table"]) == 24


# --- margins reconciled in basis points ----------------------------------------------------


@pytest.mark.parametrize("reconciles", [True, False], ids=["adds-up", "does-not-add-up"])
def test_a_margin_reconciliation_in_basis_points(tmp_path: Path, reconciles: bool) -> None:
    """121 + 11 + 1 = 133 and 117 + 18 + 0 = 135: the adjustments are basis points too.
    When the figures do not add up, nothing says what the plain figures count."""
    core = "135 bps" if reconciles else "(96) bps"
    rows: list[tuple[str, ...]] = [
        ("", "12 Weeks Ended", "24 Weeks Ended"),
        ("", "6/13/2026", "6/13/2026"),
        ("Reported gross margin growth, GAAP measure", "121 bps", "117 bps"),
        ("Mark-to-market net impact", "11", "18"),
        ("Restructuring and impairment charges", "1", "\u2014"),
        ("Core gross margin growth, non-GAAP measure", "133 bps", core),
    ]
    html = _html_release(
        "Contoso Foods Reports Second-Quarter 2026 Results",
        "PURCHASE, N.Y., July 13, 2026 -- Contoso Foods Inc. (NASDAQ: CTSF) today reported"
        " results for the second quarter ended June 13, 2026.",
        "Gross Margin Growth Reconciliation",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = {(f.source.label, f.source.printed): (f.value, f.unit) for f in conversion.facts.facts}
    gaap = "Reported gross margin growth, GAAP measure"
    assert facts[(gaap, "121 bps")] == (Decimal("0.0121"), "pure")
    assert facts[("Core gross margin growth, non-GAAP measure", "133 bps")][1] == "pure"
    listed = {(u.label, u.text) for u in conversion.facts.unmapped}
    if reconciles:
        assert facts[("Mark-to-market net impact", "11")] == (Decimal("0.0011"), "pure")
        assert facts[("Mark-to-market net impact", "18")] == (Decimal("0.0018"), "pure")
    else:
        # not guessed into money or rates: each is listed with a reason
        assert ("Mark-to-market net impact", "11") in listed
        assert ("Mark-to-market net impact", "11") not in facts
    assert conversion.report.valid
    # the Inline XBRL page tags the digits, "bps" left outside the tag
    page = conversion.files["release.xhtml"].decode()
    assert re.search(
        r"<ix:nonFraction[^>]*scale=\"-4\"[^>]*>121</ix:nonFraction>(<[^>]+>)? bps", page
    )


def test_the_heading_of_a_second_reconciliation_in_the_same_table_heads_its_rows(
    tmp_path: Path,
) -> None:
    """A PDF table that runs two reconciliations together: the second one's title is the
    last line of words before its own header, not a section of the first one's rows."""
    header: list[tuple[str, ...]] = [
        ("", "Quarter Ended", "Year Ended"),
        ("", "12/31/2025", "12/31/2025"),
    ]
    rows: list[tuple[str, ...]] = [
        *header,
        ("Reported gross margin growth, GAAP measure", "11 bps", "(32) bps"),
        ("Mark-to-market net impact", "(5)", "1"),
        ("Restructuring and impairment charges", "3", "0"),
        ("Core gross margin growth, non-GAAP measure", "9 bps", "(31) bps"),
        ("Operating Margin Performance Reconciliation", "", ""),
        *header,
        ("Reported operating margin performance, GAAP measure", "(72) bps", "(10) bps"),
        ("Mark-to-market net impact", "6", "5"),
        ("Restructuring and impairment charges", "46", "14"),
        ("Core operating margin performance, non-GAAP measure", "(20) bps", "9 bps"),
    ]
    html = _html_release(
        "Contoso Foods Reports Fourth-Quarter 2025 Results",
        "PURCHASE, N.Y., February 9, 2026 -- Contoso Foods Inc. (NASDAQ: CTSF) today"
        " reported results for the fourth quarter ended December 31, 2025.",
        "Gross Margin Growth Reconciliation",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    assert not [f for f in conversion.report.findings if "inconsistent-duplicate" in f.code]
    mark_to_market = [f for f in conversion.facts.facts if f.source.label.startswith("Mark")]
    assert sorted(f.value for f in mark_to_market) == [
        Decimal("-0.0005"),
        Decimal("0.0001"),
        Decimal("0.0005"),
        Decimal("0.0006"),
    ]
    assert len({f.concept for f in mark_to_market}) == 2
    assert len([f for f in conversion.facts.facts if f.source.kind == "table"]) == 16


# --- rows printed with their cells set apart by spaces that do not line up --------------


def _ragged_release(gap: str) -> str:
    rows = [
        "Three Months Ended",
        "March 31,",
        gap.join(("2026", "2025", "% Change")),
        "Operating revenues:",
        gap.join(("Truckload", "$", "702.4", "$", "668.9", "5.0 %")),
        gap.join(("Intermodal", "398.7", "352.6", "13.1 %")),
        gap.join(("Total operating revenues", "$", "1,101.1", "$", "1,021.5", "7.8 %")),
        gap.join(("Operating income", "148.2", "97.8", "51.5 %")),
        gap.join(("Net income", "$", "102.8", "$", "61.1", "68.2 %")),
    ]
    return "\n".join(
        (
            "Harbor Freightways Reports First Quarter 2026 Results",
            "",
            "GREEN BAY, Wis., April 23, 2026 -- Harbor Freightways Corp. (NYSE: HBFW) today"
            " announced results for the first quarter ended March 31, 2026.",
            "",
            "CONDENSED CONSOLIDATED STATEMENTS OF INCOME",
            "(In millions)",
            "",
            *rows,
            "",
        )
    )


@pytest.mark.parametrize("gap", ["  ", "    ", "   \u00a0 "], ids=["two", "four", "nbsp"])
def test_rows_whose_cells_are_set_apart_by_spaces_that_do_not_line_up(
    tmp_path: Path, gap: str
) -> None:
    facts = _facts(_release(tmp_path, _ragged_release(gap), ".txt"))
    quarter, prior = "D2026-01-01_2026-03-31", "D2025-01-01_2025-03-31"
    assert facts[("Revenues", quarter)] == Decimal("1101100000")
    assert facts[("Revenues", prior)] == Decimal("1021500000")
    assert facts[("OperatingIncomeLoss", quarter)] == Decimal("148200000")
    assert facts[("NetIncomeLoss", prior)] == Decimal("61100000")
    assert facts[("NetIncomeLossPercentChange", quarter)] == Decimal("0.682")
    intermodal = {context: v for (c, context), v in facts.items() if c == "Intermodal"}
    assert intermodal == {quarter: Decimal("398700000"), prior: Decimal("352600000")}


# --- a filing's exhibit label above the release's title --------------------------------


@pytest.mark.parametrize(
    "banner", ["", "<p><b>Exhibit 99.1</b></p>", "<p>EX-99.1</p><p>NEWS RELEASE</p>"]
)
def test_a_label_above_the_title_leaves_the_fiscal_quarter_to_the_title(
    tmp_path: Path, banner: str
) -> None:
    """The title names the fiscal quarter; the prose's periods follow the fiscal year
    (ending January 31) whatever short lines stand above it."""
    html = _html_release(
        "Lumenfold Announces Fiscal 2026 Third Quarter Financial Results",
        "SAN MATEO, Calif., December 3, 2025 -- Lumenfold Software, Inc. (NYSE: LMFD) today"
        " announced results for its third quarter of fiscal 2026, ended October 31, 2025."
        " GAAP operating income was $7.6 million, compared to a GAAP operating loss of"
        " $15.4 million in the third quarter of fiscal 2025. For the fourth quarter of fiscal"
        " 2026, Lumenfold expects total revenue of $276.0 million to $278.0 million.",
        "Condensed Consolidated Statements of Operations (in thousands)",
        [
            ("", "Three Months Ended October 31,", ""),
            ("", "2025", "2024"),
            ("Total revenue", "$266,726", "$219,356"),
            ("Income (loss) from operations", "7,574", "(15,390)"),
        ],
    ).replace("<body>", f"<body>{banner}")
    facts = _facts(_release(tmp_path, html))
    assert facts[("RevenuesOutlookLow", "D2025-11-01_2026-01-31")] == Decimal("276000000")
    assert facts[("OperatingIncomeLoss", "D2024-08-01_2024-10-31")] == Decimal("-15390000")
    assert not [key for key in facts if key[1].startswith(("D2026-10", "D2025-07"))]


# --- an interim balance sheet that also prints the same date a year earlier -------------


def _half_year_release(dates: tuple[str, str, str], amounts: tuple[str, str, str]) -> str:
    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 36, 19)

    return "\n".join(
        (
            "Harcourt Lane plc (LSE: HCL)",
            "Half year results",
            "",
            line("£m", ("H1 2026", "H1 2025")),
            line("Revenue", ("842.6", "798.1")),
            line("Operating profit", ("85.3", "94.3")),
            line("Net debt", ("246.5", "281.9")),
            "",
            "Condensed consolidated balance sheet",
            "",
            line("", dates),
            line("", ("£m", "£m", "£m")),
            line("Total assets", amounts),
            line("Total equity", ("962.7", "857.6", "920.3")),
            "",
        )
    )


@pytest.mark.parametrize(
    ("dates", "amounts"),
    [
        (("30 June 2026", "30 June 2025", "31 December 2025"), ("1,897.1", "1,805.3", "1,860.9")),
        (("30 June 2026", "31 December 2025", "30 June 2025"), ("1,897.1", "1,860.9", "1,805.3")),
    ],
    ids=["year-end-last", "year-end-between"],
)
def test_an_interim_balance_sheet_with_the_prior_years_date_keeps_the_year_end(
    tmp_path: Path, dates: tuple[str, str, str], amounts: tuple[str, str, str]
) -> None:
    """The date six months back is the fiscal year end, not the same date a year back:
    "H1 2026" is January to June."""
    facts = _facts(_release(tmp_path, _half_year_release(dates, amounts), ".txt"))
    assert facts[("Revenues", "D2026-01-01_2026-06-30")] == Decimal("842600000")
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("798100000")
    assert facts[("NetDebt", "I2026-06-30")] == Decimal("246500000")
    assert facts[("Assets", "I2025-12-31")] == Decimal("1860900000")
    assert facts[("Assets", "I2025-06-30")] == Decimal("1805300000")


# --- thousands grouped by apostrophes or spaces; an annual report's bare years -----------


def _annual_key_figures(group: str) -> str:
    def amount(text: str) -> str:
        return text.replace(",", group)

    key_rows = [
        ("CHF m", "2025", "2024", "Change in %", "Change in % (local currencies)"),
        ("Orders received", amount("4,905.2"), amount("4,702.8"), "4.3", "6.0"),
        ("Net sales", amount("4,812.6"), amount("4,655.3"), "3.4", "5.1"),
        ("Net profit", "468.9", "432.1", "8.5", ""),
    ]
    balance_rows = [
        ("CHF m", "31.12.2025", "31.12.2024"),
        ("Cash and cash equivalents", amount("1,402.7"), amount("1,218.3")),
        ("Total assets", amount("5,596.6"), amount("5,317.4")),
        ("Total equity", amount("3,268.5"), amount("3,025.6")),
    ]
    return (
        "<html><body><p>Media release<br>Baar, 3 March 2026</p>"
        "<h1>Alpwerk delivers record profit and proposes higher dividend</h1>"
        "<p>Alpwerk Holding AG (SIX Swiss Exchange: ALPN) increased net sales by 3.4% to"
        " CHF 4.8 billion.</p><h2>Key figures</h2>"
        + _html_table(key_rows)
        + "<h2>Consolidated balance sheet</h2>"
        + _html_table(balance_rows)
        + "</body></html>"
    )


@pytest.mark.parametrize(
    "group",
    [",", "'", "\u2019", "\u00a0", "\u202f"],
    ids=["comma", "apostrophe", "right-quote", "nbsp", "narrow-nbsp"],
)
def test_an_annual_report_with_bare_years_and_any_thousands_grouping(
    tmp_path: Path, group: str
) -> None:
    """A balance sheet at two year ends makes the release an annual report, so "2025" is
    the fiscal year; a second change column of the same year is a change of its own."""
    facts = _facts(_release(tmp_path, _annual_key_figures(group)))
    year, prior = "D2025-01-01_2025-12-31", "D2024-01-01_2024-12-31"
    assert facts[("OrderIntake", year)] == Decimal("4905200000")
    assert facts[("OrderIntake", prior)] == Decimal("4702800000")
    assert facts[("OrderIntakePercentChange", year)] == Decimal("0.043")
    assert facts[("OrderIntakePercentChangeLocalCurrencies", year)] == Decimal("0.060")
    assert facts[("NetIncomeLoss", prior)] == Decimal("432100000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("5317400000")
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2025-12-31")] == Decimal("1402700000")


def test_a_nordic_table_with_spaces_for_thousands_and_a_decimal_comma(tmp_path: Path) -> None:
    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 32, 16)

    text = "\n".join(
        (
            "Norrvik Industri AB (Nasdaq Stockholm: NORV B) Interim report January-September 2026",
            "",
            "STOCKHOLM, 23 October 2026 -- Norrvik Industri AB today published its interim report.",
            "",
            "Condensed income statement",
            "SEK m",
            "",
            line("", ("Jul-Sep 2026", "Jul-Sep 2025", "Jan-Sep 2026", "Jan-Sep 2025")),
            line("Net sales", ("6 842", "6 578", "20 415", "19 702")),
            line("Operating profit", ("812", "744", "2 398", "2 201")),
            line("Earnings per share, SEK", ("3,45", "3,02", "10,12", "9,14")),
            "",
        )
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    sales = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(sales, "D2026-07-01_2026-09-30")] == Decimal("6842000000")
    assert facts[(sales, "D2025-01-01_2025-09-30")] == Decimal("19702000000")
    assert facts[("OperatingIncomeLoss", "D2026-01-01_2026-09-30")] == Decimal("2398000000")
    # the currency after the label's comma is the unit, not part of the line item's name
    assert facts[("EarningsPerShareBasicAndDiluted", "D2026-07-01_2026-09-30")] == Decimal("3.45")
    assert facts[("EarningsPerShareBasicAndDiluted", "D2025-01-01_2025-09-30")] == Decimal("9.14")


@pytest.mark.parametrize("change", ["(13)%", "-13.4%", "n/m"])
def test_pence_beside_a_change_column_are_hundredths_of_the_currency(
    tmp_path: Path, change: str
) -> None:
    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 36, 13)

    text = "\n".join(
        (
            "Harcourt Lane plc (LSE: HCL)",
            "Half year results for the six months ended 30 June 2026",
            "",
            line("£m", ("H1 2026", "H1 2025", "Change")),
            line("Revenue", ("842.6", "798.1", "5.6%")),
            line("Basic EPS", ("12.3p", "14.2p", change)),
            line("Interim dividend per share", ("6.8p", "6.4p", "6.3%")),
            "",
        )
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("EarningsPerShareBasic", "D2026-01-01_2026-06-30")] == Decimal("0.123")
    assert facts[("EarningsPerShareBasic", "D2025-01-01_2025-06-30")] == Decimal("0.142")
    dividends = "CommonStockDividendsPerShareDeclared"
    assert facts[(dividends, "D2026-01-01_2026-06-30")] == Decimal("0.068")


# --- the currency of a table's header label cell; a headline's quarter, a dated sentence --


@pytest.mark.parametrize("unit", ["EUR m", "€m", "A$m", "AUD m"])
def test_the_unit_cell_of_the_header_row_gives_the_tables_currency(
    tmp_path: Path, unit: str
) -> None:
    """A table in another currency than the release's prose; the quarter's date is in a
    sentence that does not number it, the headline numbers it."""
    html = _html_release(
        "Contoso Group Reports Second Quarter 2026 Results",
        "LONDON, 28 July 2026 -- Contoso Group plc (LSE: CTG) today reported its results for"
        " the quarter ended 30 June 2026. Group figures are in pounds sterling.",
        "Key figures of the euro area business",
        [
            (unit, "Q2 2026", "Q2 2025"),
            ("Revenue", "210.3", "198.2"),
            ("Operating income", "31.0", "28.4"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    code = "AUD" if "A" in unit else "EUR"
    assert facts[("Revenues", "D2026-04-01_2026-06-30")] == (Decimal("210300000"), code)
    assert facts[("OperatingIncomeLoss", "D2025-04-01_2025-06-30")] == (Decimal("28400000"), code)


@pytest.mark.parametrize("audit", [True, False])
def test_a_balance_sheet_one_cell_per_line_with_dates_printed_column_after_column(
    tmp_path: Path, audit: bool
) -> None:
    header = ["December 31,", "2025", "September 30,", "2026"]
    if audit:
        header += ["(Audited)", "(Unaudited)"]
    cells = [
        *header,
        "Cash and cash equivalents", "$", "21,405", "$", "18,930",
        "Total current assets", "49,524", "51,699",
        "Total assets", "$", "88,102", "$", "91,377",
    ]  # fmt: skip
    text = "\n".join(
        (
            "Halcyon Marine Systems Reports Third Quarter 2026 Results",
            "",
            "BOSTON, Nov. 5, 2026 -- Halcyon Marine Systems Ltd. (Nasdaq: HMSL) today reported"
            " results for the third quarter ended September 30, 2026.",
            "",
            "CONDENSED CONSOLIDATED BALANCE SHEETS",
            "",
            "U.S. dollars in thousands",
            "",
            *cells,
            "",
        )
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2025-12-31")] == Decimal("21405000")
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2026-09-30")] == Decimal("18930000")
    assert facts[("Assets", "I2026-09-30")] == Decimal("91377000")
    assert not [key for key in facts if key[1] == "I2025-09-30"]


# --- balances the label dates, under columns of durations --------------------------------


def test_balances_named_at_the_period_end_or_start_are_instants(tmp_path: Path) -> None:
    html = _html_release(
        "Cedar Valley Bancorp Reports Third Quarter 2025 Results",
        "CEDAR RAPIDS, Iowa, October 21, 2025 -- Cedar Valley Bancorp, Inc. (Nasdaq: CVBK)"
        " today reported results for the third quarter ended September 30, 2025.",
        "Selected Financial Data (dollars in thousands, except per share data)",
        [
            ("", "Three Months Ended", ""),
            ("", "September 30, 2025", "June 30, 2025"),
            ("Net income", "$24,118", "$22,905"),
            ("Book value per share", "$33.27", "$32.66"),
            ("Total loans", "$6,512,340", "$6,431,918"),
            ("Allowance for credit losses:", "", ""),
            ("Balance, beginning of period", "$78,236", "$77,102"),
            ("Provision for credit losses", "3,626", "3,410"),
            ("Net charge-offs", "(2,412)", "(2,276)"),
            ("Balance, end of period", "$79,450", "$78,236"),
            ("Stores open at end of quarter", "1,204", "1,198"),
        ],
    )
    facts = _facts(_release(tmp_path, html))
    by_concept: dict[str, dict[str, Decimal]] = {}
    for (concept, context), value in facts.items():
        by_concept.setdefault(concept, {})[context] = value
    assert by_concept["NetIncomeLoss"]["D2025-07-01_2025-09-30"] == Decimal("24118000")
    assert by_concept["LoansAndLeasesReceivableNetOfDeferredIncome"] == {
        "I2025-09-30": Decimal("6512340000"),
        "I2025-06-30": Decimal("6431918000"),
    }
    (book,) = [c for c in by_concept if c.startswith("BookValuePerShare")]
    assert by_concept[book] == {"I2025-09-30": Decimal("33.27"), "I2025-06-30": Decimal("32.66")}
    (opening,) = [c for c in by_concept if "Beginning" in c]
    assert by_concept[opening] == {
        "I2025-06-30": Decimal("78236000"),
        "I2025-03-31": Decimal("77102000"),
    }
    (closing,) = [c for c in by_concept if "EndOfPeriod" in c]
    assert set(by_concept[closing]) == {"I2025-09-30", "I2025-06-30"}
    (stores,) = [c for c in by_concept if c.startswith("StoresOpen")]
    assert set(by_concept[stores]) == {"I2025-09-30", "I2025-06-30"}


def test_an_operating_data_table_that_shows_no_money_counts_things(tmp_path: Path) -> None:
    html = _html_release(
        "Harlow Stores, Inc. Reports Third Quarter Fiscal 2025 Results",
        "BRENTWOOD, Tenn., December 4, 2025 -- Harlow Stores, Inc. (NYSE: HFS) today reported"
        " net sales of $1.84 billion for its third quarter (13 weeks) ended November 1, 2025.",
        "SELECTED OPERATING DATA",
        [
            ("", "13 Weeks Ended", "13 Weeks Ended"),
            ("", "November 1, 2025", "November 2, 2024"),
            ("Stores open at beginning of period", "1,012", "988"),
            ("Stores opened", "18", "14"),
            ("Stores closed", "(2)", "(1)"),
            ("Stores open at end of period", "1,028", "1,001"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("StoresOpened", "D2025-08-03_2025-11-01")] == (Decimal("18"), "pure")
    assert facts[("StoresOpenAtEndOfPeriod", "I2025-11-01")] == (Decimal("1028"), "pure")
    assert facts[("StoresOpenAtBeginningOfPeriod", "I2025-08-02")] == (Decimal("1012"), "pure")
    assert not conversion.facts.unmapped


# --- a table that prints no scale, its totals the statements' own -----------------------


@pytest.mark.parametrize("segment_caption", ["", "(In millions)"])
def test_a_table_without_a_scale_takes_the_scale_of_the_amounts_it_repeats(
    tmp_path: Path, segment_caption: str
) -> None:
    statement = [
        ("", "Three Months Ended March 31, 2026", "Three Months Ended March 31, 2025"),
        ("Operating revenues", "$1,284.6", "$1,190.3"),
        ("Operating income", "148.2", "97.8"),
        ("Net income", "$102.8", "$61.1"),
    ]
    segments = [
        ("", "Three Months Ended March 31, 2026", "Three Months Ended March 31, 2025"),
        ("Truckload", "$702.4", "$668.9"),
        ("Intermodal", "582.2", "521.4"),
        ("Total operating revenues", "$1,284.6", "$1,190.3"),
    ]
    html = (
        "<html><body><h1>Brightwater Logistics Reports First Quarter 2026 Results</h1>"
        "<p>GREEN BAY, Wis., April 23, 2026 -- Brightwater Logistics Corp. (NYSE: BWLC) today"
        " announced results for the first quarter ended March 31, 2026.</p>"
        f"<p>Segment Results</p><p>{segment_caption}</p>"
        + _html_table(segments)
        + "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p>"
        + _html_table(statement)
        + "</body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = {(f.concept, f.context): f.value for f in conversion.facts.facts}
    assert facts[("Truckload", "D2026-01-01_2026-03-31")] == Decimal("702400000")
    assert facts[("Intermodal", "D2025-01-01_2025-03-31")] == Decimal("521400000")
    assert facts[("Revenues", "D2026-01-01_2026-03-31")] == Decimal("1284600000")
    inherited = [f for f in conversion.facts.findings if f.code == "table.scale-inherited"]
    assert len(inherited) == (0 if segment_caption else 1)


def test_a_table_of_whole_dollars_keeps_its_units(tmp_path: Path) -> None:
    """No table states a scale: none is taken."""
    rows = [
        ("", "Three Months Ended March 31, 2026", "Three Months Ended March 31, 2025"),
        ("Revenue", "$2,033,324", "$2,673,333"),
        ("Net loss", "(1,509,250)", "(181,576)"),
    ]
    html = _html_release(
        "Forian Reports First Quarter 2026 Results",
        "NEWTOWN, Pa., May 13, 2026 -- Forian Inc. (Nasdaq: FORA) today announced results for"
        " the first quarter ended March 31, 2026.",
        "Summary results",
        rows,
    ).replace("</body>", _html_table(rows) + "</body>")
    facts = _facts(_release(tmp_path, html))
    assert facts[("Revenues", "D2026-01-01_2026-03-31")] == Decimal("2033324")


@pytest.mark.parametrize("unit", ["$m", "$ million", "(in $ millions)"])
def test_a_bare_dollar_in_the_header_leaves_the_releases_dollar(tmp_path: Path, unit: str) -> None:
    html = _html_release(
        "Coral Coast Resources Limited 1H FY26 results",
        "PERTH, 18 February 2026 -- Coral Coast Resources Limited (ASX: CCR) today reported its"
        " results for the half-year ended 31 December 2025 (1H FY26). All figures are in"
        " Australian dollars unless otherwise stated.",
        "Group financial summary",
        [
            (unit, "1H FY26", "1H FY25"),
            ("Revenue", "1,842.7", "1,716.3"),
            ("EBITDA", "512.4", "488.0"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("Revenues", "D2025-07-01_2025-12-31")] == (Decimal("1842700000"), "AUD")
    assert facts[("Ebitda", "D2024-07-01_2024-12-31")] == (Decimal("488000000"), "AUD")


def test_a_balance_named_under_interest_income_is_the_income_it_earned(tmp_path: Path) -> None:
    html = _html_release(
        "Acme Bancorp Reports Third Quarter 2025 Results",
        "DES MOINES, Iowa, October 21, 2025 -- Acme Bancorp, Inc. (Nasdaq: ACMB) today"
        " reported results for the third quarter ended September 30, 2025.",
        "CONSOLIDATED STATEMENTS OF INCOME (in thousands)",
        [
            ("", "Three Months Ended September 30, 2025", "Nine Months Ended September 30, 2025"),
            ("Interest income:", "", ""),
            ("Loans, including fees", "$98,412", "$289,650"),
            ("Interest-bearing deposits in other banks", "3,118", "9,874"),
            ("Total interest income", "101,530", "299,524"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = {(f.concept, f.context): f.value for f in conversion.facts.facts}
    earned = {k: v for k, v in facts.items() if k[0].startswith("InterestBearingDeposits")}
    assert sorted(earned.values()) == [Decimal("3118000"), Decimal("9874000")]
    assert all(context.startswith("D2025") for _, context in earned)
    assert not conversion.facts.unmapped


@pytest.mark.parametrize("label", ["Customers (end of period)", "Active users", "Stores"])
def test_customers_users_and_stores_are_counted_beside_money(tmp_path: Path, label: str) -> None:
    html = _html_release(
        "Quillfeather Software Reports First Quarter Fiscal 2026 Results",
        "BOSTON, Nov. 5, 2025 -- Quillfeather Software Inc. (Nasdaq: QFSW) today reported"
        " results for its first quarter of fiscal 2026, ended September 30, 2025.",
        "Key metrics",
        [
            ("", "Three Months Ended September 30, 2025", "Three Months Ended September 30, 2024"),
            ("Total revenue", "$8,412,306", "$6,954,201"),
            (label, "1,284", "1,097"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    counted = [f for f in conversion.facts.facts if f.source.label == label]
    assert sorted((f.value, f.unit) for f in counted) == [
        (Decimal("1097"), "pure"),
        (Decimal("1284"), "pure"),
    ]


@pytest.mark.parametrize("minus", ["\u2212", "-", "("])
def test_costs_and_taxes_printed_as_deductions_are_positive_expenses(
    tmp_path: Path, minus: str
) -> None:
    def cost(text: str) -> str:
        return f"({text})" if minus == "(" else f"{minus}{text}"

    html = _html_release(
        "Brenner Antriebstechnik AG: Results for the first nine months of 2026",
        "FRANKFURT, 5 November 2026 -- Brenner Antriebstechnik AG (Frankfurt Stock Exchange:"
        " BRNA) today published its results for the nine months ended 30 September 2026.",
        "Consolidated income statement (in EUR million)",
        [
            ("", "9M 2026", "9M 2025"),
            ("Revenue", "3,587.4", "3,402.2"),
            ("Cost of sales", cost("2,584.9"), cost("2,461.3")),
            ("Gross profit", "1,002.5", "940.9"),
            ("Selling expenses", cost("352.7"), cost("336.8")),
            ("General administrative expenses", cost("190.2"), cost("181.5")),
            ("Other operating income and expenses, net", "14.9", "7.6"),
            ("EBIT", "474.5", "430.2"),
            ("Financial result", cost("30.1"), cost("28.3")),
            ("Earnings before taxes", "444.4", "401.9"),
            ("Income taxes", cost("89.8"), cost("81.0")),
            ("Net income", "354.6", "320.9"),
        ],
    )
    facts = _facts(_release(tmp_path, html))
    nine = "D2026-01-01_2026-09-30"
    assert facts[("CostOfGoodsAndServicesSold", nine)] == Decimal("2584900000")
    assert facts[("GeneralAndAdministrativeExpense", nine)] == Decimal("190200000")
    assert facts[("IncomeTaxExpenseBenefit", nine)] == Decimal("89800000")
    assert facts[("NetIncomeLoss", nine)] == Decimal("354600000")


# --- a unit row under the column headers; a table of positions dates the fiscal year ------


def test_a_unit_row_under_the_headers_and_a_table_of_positions(tmp_path: Path) -> None:
    key_rows = [
        ("", "Q3 2026", "Q3 2025", "Change"),
        ("in EUR million", "", "", ""),
        ("Revenue", "1,356.8", "1,289.5", "+5.2%"),
        ("EBIT", "162.7", "148.9", "+9.3%"),
    ]
    position_rows = [
        ("", "30 Sep 2026", "31 Dec 2025", "Change"),
        ("in EUR million", "", "", ""),
        ("Total assets", "6,842.3", "6,611.0", "+3.5%"),
        ("Equity", "2,915.4", "2,780.2", "+4.9%"),
    ]
    html = (
        "<html><body><h1>Norvalis SE: Quarterly Statement Q3 2026</h1>"
        "<p>Munich, 5 November 2026 -- Norvalis SE (Xetra: NVS) continued on its growth path"
        " in the third quarter.</p><h2>Key figures</h2>"
        + _html_table(key_rows)
        + "<h2>Financial position</h2>"
        + _html_table(position_rows)
        + "</body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("Revenues", "D2026-07-01_2026-09-30")] == (Decimal("1356800000"), "EUR")
    assert facts[("Revenues", "D2025-07-01_2025-09-30")] == (Decimal("1289500000"), "EUR")
    assert facts[("Assets", "I2026-09-30")] == (Decimal("6842300000"), "EUR")
    assert not conversion.facts.unmapped


@pytest.mark.parametrize("label", ["Equity ratio (%)", "Equity ratio in %", "Equity ratio, %"])
def test_a_percent_sign_in_the_label_makes_its_plain_numbers_rates(
    tmp_path: Path, label: str
) -> None:
    html = _html_release(
        "Norvalis SE: Quarterly Statement Q3 2026",
        "Munich, 5 November 2026 -- Norvalis SE (Xetra: NVS) today published its quarterly"
        " statement for the third quarter ended 30 September 2026.",
        "Financial position (in EUR million)",
        [
            ("", "30 Sep 2026", "31 Dec 2025"),
            ("Total assets", "6,842.3", "6,611.0"),
            (label, "42.6", "42.1"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    rates = {
        (f.context, f.value, f.unit) for f in conversion.facts.facts if f.source.label == label
    }
    assert rates == {
        ("I2026-09-30", Decimal("0.426"), "pure"),
        ("I2025-12-31", Decimal("0.421"), "pure"),
    }


def test_a_heading_wrapped_over_two_rows_heads_the_rows_below(tmp_path: Path) -> None:
    """The heading's second line starts with a capital (a name) and ends with its colon."""
    html = _html_release(
        "Kestrel Bay Holdings Reports Fourth Quarter 2025 Results",
        "TAMPA, Fla., February 10, 2026 -- Kestrel Bay Holdings, Inc. (NYSE: KBH) today"
        " reported results for the fourth quarter ended December 31, 2025.",
        "CONSOLIDATED STATEMENTS OF INCOME (in millions, except per share amounts)",
        [
            ("", "Three Months Ended December 31, 2025", "Three Months Ended December 31, 2024"),
            ("Net income", "$91.7", "$63.0"),
            ("Earnings per share attributable to Kestrel", "", ""),
            ("Bay Holdings, Inc. common shareholders:", "", ""),
            ("Basic", "$1.76", "$1.21"),
            ("Diluted", "$1.74", "$1.20"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2025-10-01_2025-12-31"
    assert facts[("EarningsPerShareBasic", quarter)] == (Decimal("1.76"), "USD_per_share")
    assert facts[("EarningsPerShareDiluted", quarter)] == (Decimal("1.74"), "USD_per_share")


def test_figures_left_in_a_label_are_numbers_not_understood(tmp_path: Path) -> None:
    """Cells run together into the label (two tables side by side read as one line) are
    counted and reported, never silently lost; a label's own counts are not."""
    html = _html_release(
        "Norvalis SE: Quarterly Statement Q3 2026",
        "Munich, 5 November 2026 -- Norvalis SE (Xetra: NVS) today published its quarterly"
        " statement for the third quarter ended 30 September 2026.",
        "Key figures (in EUR million)",
        [
            ("", "Q3 2026", "Q3 2025"),
            ("Revenue", "1,356.8", "1,289.5"),
            ("Order intake 1,412.6 1,298.4 +8.8% Order intake", "", ""),
            ("Common stock, 95,000,000 shares authorized", "12.0", "12.0"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    lost = [u for u in conversion.facts.unmapped if u.label.startswith("Order intake")]
    assert sorted(u.text for u in lost) == ["+8.8%", "1,298.4", "1,412.6"]
    assert not [u for u in conversion.facts.unmapped if u.label.startswith("Common stock")]
    assert conversion.report.numbers_in_tables == 7  # 2 + 3 + 2


_SCALED_CELLS = [
    ("", "Q3 2025", "Q3 2024", "Change"),
    ("Revenue", "$120.5 million", "$110.2 million", "9%"),
    ("Net income", "$12.3 million", "$10.1 million", "22%"),
    ("Adjusted EBITDA", "$1.2 billion", "$0.9 billion", "33%"),
    ("Diluted EPS", "$0.45", "$0.37", "22%"),
]


def _scaled_cells_release(html: bool) -> str:
    headline = "Acme Widgets, Inc. Reports Third Quarter 2025 Results"
    dateline = (
        "SPRINGFIELD, Ill., Oct. 28, 2025 -- Acme Widgets, Inc. (NASDAQ: ACME) today reported"
        " results for the third quarter ended September 30, 2025."
    )
    if html:
        return _html_release(headline, dateline, "Financial Highlights", _SCALED_CELLS)
    table = [f"{r[0]:<20}" + "".join(f"{c:>18}" for c in r[1:]) for r in _SCALED_CELLS]
    # Bullets set off by a run of spaces, as newswire copies print them.
    bullets = [
        "\u25cf     Revenue increased 9% to $120.5 million",
        "\u25cf     Net income was $12.3 million",
    ]
    return "\n\n".join([headline, dateline, "Financial Highlights", "\n".join(table), *bullets])


@pytest.mark.parametrize("html", [True, False], ids=["html", "text"])
def test_cells_that_print_their_own_scale(tmp_path: Path, html: bool) -> None:
    text = _scaled_cells_release(html)
    conversion = convert(_release(tmp_path, text, ".html" if html else ".txt"), ConvertOptions())
    facts = _valued(conversion)
    quarter, prior = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert facts[("Revenues", quarter)] == (Decimal("120500000"), "USD")
    assert facts[("Revenues", prior)] == (Decimal("110200000"), "USD")
    assert facts[("NetIncomeLoss", prior)] == (Decimal("10100000"), "USD")
    assert facts[("AdjustedEbitda", quarter)] == (Decimal("1200000000"), "USD")
    assert facts[("EarningsPerShareDiluted", quarter)] == (Decimal("0.45"), "USD_per_share")
    assert conversion.report.numbers_in_tables == 12
    assert conversion.report.valid
    assert len(conversion.report.tables) == 1  # the bullets are sentences, not rows


def _quarter_labels_release(dateline: str) -> str:
    table = [
        f"{'':<20}" + "".join(f"{h:>11}" for h in ("Q3 2025", "Q3 2024", "9M 2025", "9M 2024")),
        f"{'Revenue':<20}"
        + "".join(f"{v:>11}" for v in ("1,248.6", "1,193.7", "3,702.9", "3,551.0")),
        f"{'EBIT':<20}" + "".join(f"{v:>11}" for v in ("128.4", "116.1", "366.6", "328.4")),
    ]
    return "\n\n".join(
        [
            "Solvara Group: Q3 2025 EBIT up 10.6%",
            f"{dateline} -- Solvara Group SE (ISIN DE000SLV0012) increased its revenue in the"
            " third quarter of 2025 by 4.6%.",
            "Key figures (in EUR million)",
            "\n".join(table),
        ]
    )


@pytest.mark.parametrize("dateline", ["Munich, 6 November 2025", "MUNICH, November 6, 2025"])
def test_fiscal_labels_without_a_year_end_read_as_calendar_periods_just_reported(
    tmp_path: Path, dateline: str
) -> None:
    """No sentence states the fiscal year end and no balance sheet dates it: "Q3 2025" and
    "9M 2025" are calendar periods when, so read, they end just before the release's date."""
    path = _release(tmp_path, _quarter_labels_release(dateline), ".txt")
    facts = _valued(convert(path, ConvertOptions()))
    assert facts[("Revenues", "D2025-07-01_2025-09-30")] == (Decimal("1248600000"), "EUR")
    assert facts[("Revenues", "D2024-01-01_2024-09-30")] == (Decimal("3551000000"), "EUR")
    assert facts[("Ebit", "D2025-01-01_2025-09-30")] == (Decimal("366600000"), "EUR")


@pytest.mark.parametrize("dateline", ["Munich, 6 May 2025", "Munich, 6 May 2026"])
def test_fiscal_labels_not_just_reported_as_calendar_periods_stay_unplaced(
    tmp_path: Path, dateline: str
) -> None:
    """Calendar Q3 2025 ends after a release of May 2025 (a fiscal year ending in June
    names its Q3 so), and long before one of May 2026: no guess, the columns are reported."""
    path = _release(tmp_path, _quarter_labels_release(dateline), ".txt")
    conversion = convert(path, ConvertOptions())
    assert not [f for f in conversion.facts.facts if f.source.kind == "table"]
    reasons = {u.reason for u in conversion.facts.unmapped}
    assert reasons == {
        "column 'Q3 2025' names no period: a fiscal period, and the release states no fiscal year end",
        "column 'Q3 2024' names no period: a fiscal period, and the release states no fiscal year end",
        "column '9M 2025' names no period: a fiscal period, and the release states no fiscal year end",
        "column '9M 2024' names no period: a fiscal period, and the release states no fiscal year end",
    }


@pytest.mark.parametrize(
    "heads",
    [("Q4 2025", "Q4 2024", "2025", "2024"), ("4Q25", "4Q24", "FY 2025", "FY 2024")],
)
def test_quarter_headings_beside_bare_years_in_aligned_text(
    tmp_path: Path, heads: tuple[str, ...]
) -> None:
    """ "Q4 2025   Q4 2024   2025   2024": the bare years at the right of the heading line
    are headings, not a row of numbers, and the next statement's own heading line starts
    a table of its own."""

    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 40, 12)

    statement = [
        line("", heads),
        line("Revenue", ("182,450", "171,320", "702,880", "655,410")),
        line("Cost of sales", ("(121,730)", "(116,040)", "(470,210)", "(444,950)")),
        line("Gross profit", ("60,720", "55,280", "232,670", "210,460")),
    ]
    reconciliation = [
        line("", heads),
        line("Profit for the period", ("20,460", "17,390", "76,040", "62,430")),
        line("Income tax expense", ("7,190", "6,270", "26,720", "22,510")),
        line("Adjusted EBITDA", ("27,650", "23,660", "102,760", "84,940")),
    ]
    text = "\n\n".join(
        [
            "Laurentide Freight Corp. Reports Fourth Quarter and Year-End 2025 Results",
            "MONTREAL, Feb. 19, 2026 -- Laurentide Freight Corp. (TSX: LFC) today reported"
            " results for the fourth quarter and year ended December 31, 2025.",
            "CONSOLIDATED STATEMENTS OF PROFIT\n(in thousands of Canadian dollars)",
            "\n".join(statement),
            "RECONCILIATION OF ADJUSTED EBITDA\n(in thousands of Canadian dollars)",
            "\n".join(reconciliation),
        ]
    )
    conversion = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("Revenues", "D2025-10-01_2025-12-31")] == (Decimal("182450000"), "CAD")
    assert facts[("Revenues", "D2024-01-01_2024-12-31")] == (Decimal("655410000"), "CAD")
    assert facts[("AdjustedEbitda", "D2025-10-01_2025-12-31")] == (Decimal("27650000"), "CAD")
    assert [t.kind for t in conversion.report.tables] == ["income_statement", "non_gaap"]
    assert conversion.report.numbers_in_tables == len(conversion.facts.facts) == 24


@pytest.mark.parametrize(("named", "prior"), [(2024, 2023), (2025, 2024)])
def test_a_retail_year_named_by_the_year_it_starts_or_ends_in(
    tmp_path: Path, named: int, prior: int
) -> None:
    """A 52-week year ending February 1, 2025 is "fiscal 2024" to one retailer and "fiscal
    2025" to another; the title says which, and the prose's "fiscal {prior}" is the year
    before it either way."""
    rows = [
        ("", "52 Weeks Ended February 1, 2025", "53 Weeks Ended February 3, 2024"),
        ("Net sales", "$4,920.0", "$5,102.3"),
        ("Net income", "$156.1", "$161.3"),
    ]
    html = _html_release(
        f"Brightline Home Stores, Inc. Reports Fourth Quarter and Fiscal {named} Results",
        "COLUMBUS, Ohio, March 11, 2025 -- Brightline Home Stores, Inc. (NYSE: BHS) today"
        f" reported results. Net sales were $4.92 billion in fiscal {named}, compared with"
        f" $5.10 billion in fiscal {prior}. Net income was $156.1 million in fiscal {named}.",
        "CONSOLIDATED STATEMENTS OF INCOME (in millions)",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    year, before = "D2024-02-04_2025-02-01", "D2023-01-29_2024-02-03"
    sales = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(sales, year)] == (Decimal("4920000000"), "USD")
    assert facts[(sales, before)] == (Decimal("5102300000"), "USD")
    prose = [f for f in conversion.facts.facts if f.source.kind == "paragraph"]
    assert {f.context for f in prose} <= {year, before}
    assert not [f for f in conversion.report.findings if f.code == "check.text-vs-table"]


@pytest.mark.parametrize("spacer", [True, False])
def test_a_statement_whose_header_table_has_a_spacer_row(tmp_path: Path, spacer: bool) -> None:
    """An EDGAR exhibit prints the column headers as a table of their own, its first row
    empty cells that set the widths and its one row of dates broken by <br>; the body
    follows in tables of its own with the section names as paragraphs between."""
    empty = "<tr>" + "<td></td>" * 3 + "</tr>" if spacer else ""
    header = (
        f"<table>{empty}<tr><td></td><td>December 31,<br>2024</td>"
        "<td>December 31,<br>2023</td></tr></table>"
    )
    assets = _html_table(
        [
            ("Cash and cash equivalents", "$ 112,408", "$ 96,215"),
            ("Marketable securities", "241,730", "198,442"),
            ("Total assets", "$ 354,138", "$ 294,657"),
        ]
    )
    liabilities = _html_table(
        [("Accounts payable", "$ 9,884", "$ 7,120"), ("Total liabilities", "9,884", "7,120")]
    )
    html = (
        "<html><body><h1>Halcyon Therapeutics Reports Fourth Quarter and Full Year 2024"
        " Results</h1><p>BOSTON, March 4, 2025 -- Halcyon Therapeutics, Inc. (Nasdaq: HLCN)"
        " today reported results for the year ended December 31, 2024.</p>"
        "<p>Condensed Consolidated Balance Sheets</p><p>(in thousands)</p>"
        f"{header}<p><b>Assets</b></p>{assets}"
        f"<p><b>Liabilities and stockholders' equity</b></p>{liabilities}</body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2024-12-31")] == (
        Decimal("112408000"),
        "USD",
    )
    assert facts[("Assets", "I2023-12-31")] == (Decimal("294657000"), "USD")
    assert facts[("AccountsPayableCurrent", "I2024-12-31")] == (Decimal("9884000"), "USD")
    assert not conversion.facts.unmapped


def test_a_notes_column_beside_the_years_and_their_units(tmp_path: Path) -> None:
    """A Hong Kong annual results announcement: "Notes | 2025 | 2024" over "RMB'000"; the
    notes column holds references (no member splits the year's figures), and a note's own
    table, "2025 | 2024" over "RMB'000" in a year-end release, is of the whole years."""

    def line(label: str, note: str, first: str, second: str) -> str:
        return f"{label:<45}{note:>6}{first:>14}{second:>14}"

    statement = [
        line("", "", "2025", "2024"),
        line("", "Notes", "RMB'000", "RMB'000"),
        line("Revenue", "4", "8,652,318", "7,904,226"),
        line("Cost of sales", "", "(6,118,742)", "(5,690,451)"),
        line("Gross profit", "", "2,533,576", "2,213,775"),
        line("Finance costs", "6", "(121,560)", "(134,228)"),
        "",
        "EARNINGS PER SHARE ATTRIBUTABLE TO",
        line("ORDINARY EQUITY HOLDERS OF THE COMPANY", "10", "", ""),
        line("  Basic (RMB cents)", "", "52.62", "41.91"),
    ]
    note = [
        line("", "", "2025", "2024"),
        line("", "", "RMB'000", "RMB'000"),
        line("Sale of corrugated packaging", "", "6,214,907", "5,688,530"),
        line("Sale of consumer packaging", "", "2,437,411", "2,215,696"),
        line("", "", "8,652,318", "7,904,226"),
    ]
    text = "\n\n".join(
        [
            "JADE HARBOUR PACKAGING HOLDINGS LIMITED\n(Stock Code: 2318)",
            "ANNOUNCEMENT OF ANNUAL RESULTS\nFOR THE YEAR ENDED 31 DECEMBER 2025",
            "CONSOLIDATED STATEMENT OF PROFIT OR LOSS\nFor the year ended 31 December 2025",
            "\n".join(statement),
            "NOTES\n4. REVENUE\nAn analysis of revenue is as follows:",
            "\n".join(note),
        ]
    )
    conversion = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    year, before = "D2025-01-01_2025-12-31", "D2024-01-01_2024-12-31"
    facts = _valued(conversion)
    assert facts[("Revenues", year)] == (Decimal("8652318000"), "CNY")
    assert facts[("Revenues", before)] == (Decimal("7904226000"), "CNY")
    assert facts[("GrossProfit", year)] == (Decimal("2533576000"), "CNY")
    # A heading that carries a note reference is still the heading of the rows below it.
    assert facts[("EarningsPerShareBasic", year)] == (Decimal("0.5262"), "CNY_per_share")
    assert not conversion.facts.members
    reasons = {u.reason for u in conversion.facts.unmapped}
    assert reasons == {"column 'Notes' holds references to the notes, not amounts"}
    note_rows = [f for f in conversion.facts.facts if f.source.label.startswith("Sale of")]
    assert {f.context for f in note_rows} == {year, before}


def test_a_brazilian_results_table_with_quarter_codes_and_change_columns(tmp_path: Path) -> None:
    """ "R$ million | 4Q25 | 4Q24 | Δ% | 2025 | 2024 | Δ%": the unit over the labels, the
    quarters in codes, change columns among them; the years are whole years (the release
    reports the fourth quarter, weeks before its dateline), and a balance table's "Dec/25"
    is the month's end."""

    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 36, 12)

    heads = ("4Q25", "4Q24", "\u0394%", "2025", "2024", "\u0394%")
    income = [
        line("R$ million", heads),
        line("Net revenue", ("3,482.6", "3,105.9", "12.1%", "13,214.8", "11,876.3", "11.3%")),
        line("Gross margin", ("32.2%", "31.1%", "1.1 p.p.", "31.8%", "30.7%", "1.1 p.p.")),
        line("Net income", ("313.8", "232.3", "35.1%", "1,064.9", "787.9", "35.2%")),
    ]
    debt = [
        line("R$ million", ("Dec/25", "Dec/24", "\u0394%")),
        line("Gross debt", ("10,842.5", "10,215.7", "6.1%")),
        line("Net debt", ("8,468.4", "8,154.4", "3.9%")),
    ]
    text = "\n\n".join(
        [
            "Serra Azul Logistica S.A. - 4Q25 and 2025 Earnings Release",
            "Sao Paulo, February 19, 2026 - Serra Azul Logistica S.A. (B3: SAZL3) announces its"
            " results for the fourth quarter of 2025 (4Q25) and the year 2025. Figures are in"
            " millions of Brazilian reais (R$ million). Net revenue reached R$3,482.6 million in"
            " 4Q25, up 12.1% vs. 4Q24.",
            "INCOME STATEMENT",
            "\n".join(income),
            "INDEBTEDNESS",
            "\n".join(debt),
        ]
    )
    conversion = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    facts = _valued(conversion)
    quarter, year = "D2025-10-01_2025-12-31", "D2025-01-01_2025-12-31"
    assert facts[("Revenues", quarter)] == (Decimal("3482600000"), "BRL")
    assert facts[("Revenues", year)] == (Decimal("13214800000"), "BRL")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-12-31")] == (Decimal("787900000"), "BRL")
    assert facts[("NetDebt", "I2025-12-31")] == (Decimal("8468400000"), "BRL")
    assert facts[("NetDebt", "I2024-12-31")] == (Decimal("8154400000"), "BRL")
    change = facts[("RevenuesPercentChangeFromPriorYear", quarter)]
    assert change == (Decimal("0.121"), "pure")
    assert not [u for u in conversion.facts.unmapped if not u.deliberate]


def test_bare_years_beside_quarter_labels_dated_by_the_dateline(tmp_path: Path) -> None:
    """No sentence states the year end: "Q4 2025" is the calendar quarter that ended weeks
    before the release's date, and "2025" beside it the whole year it closes."""

    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 30, 12)

    table = [
        line("", ("Q4 2025", "Q4 2024", "2025", "2024")),
        line("Revenue", ("1,248.6", "1,193.7", "4,702.9", "4,551.0")),
        line("EBIT", ("128.4", "116.1", "466.6", "428.4")),
    ]
    text = "\n\n".join(
        [
            "Solvara Group: Q4 2025 EBIT up 10.6%",
            "Munich, 19 February 2026 -- Solvara Group SE (ISIN DE000SLV0012) published its"
            " preliminary figures today.",
            "Key figures (in EUR million)",
            "\n".join(table),
        ]
    )
    facts = _valued(convert(_release(tmp_path, text, ".txt"), ConvertOptions()))
    assert facts[("Revenues", "D2025-10-01_2025-12-31")] == (Decimal("1248600000"), "EUR")
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == (Decimal("4702900000"), "EUR")
    assert facts[("Ebit", "D2024-01-01_2024-12-31")] == (Decimal("428400000"), "EUR")


@pytest.mark.parametrize(
    "tail", ["", ", including Halden Pet Nutrition in 2025", "; including Halden Pet Nutrition"]
)
def test_a_label_with_terms_after_its_name_keeps_its_concept(tmp_path: Path, tail: str) -> None:
    """ "Acquisitions of businesses, net of cash acquired, including Halden in 2025": the
    name with its own terms ("net of cash acquired") is the line item, the rest detail."""
    text = "\n".join(
        [
            "Marlow Brands Reports Second Quarter 2025 Results",
            "",
            "CHICAGO, July 30, 2025 -- Marlow Brands, Inc. (NYSE: MRL) today reported results"
            " for the second quarter ended June 30, 2025.",
            "",
            "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS",
            "(in millions)",
            "",
            "\tSix Months Ended June 30, 2025\tSix Months Ended June 30, 2024",
            "Capital expenditures\t$(203)\t$(188)",
            f"Acquisitions of businesses, net of cash acquired{tail}\t(318)\t(12)",
            "Net cash used in investing activities\t$(521)\t$(200)",
        ]
    )
    facts = _valued(convert(_release(tmp_path, text, ".txt"), ConvertOptions()))
    half = "D2025-01-01_2025-06-30"
    assert facts[("PaymentsToAcquireBusinessesNetOfCashAcquired", half)] == (
        Decimal("318000000"),
        "USD",
    )
    assert facts[("NetCashProvidedByUsedInInvestingActivities", half)] == (
        Decimal("-521000000"),
        "USD",
    )


def test_an_insurer_s_lines_take_the_insurance_concepts(tmp_path: Path) -> None:
    """A property and casualty insurer's statements: premiums, investment income, losses
    and loss adjustment expenses, and the reserves for them, are us-gaap's insurance
    elements, not extensions; "Net written premiums" in the prose too."""
    html = _html_release(
        "Granite Harbor Insurance Group Reports Third Quarter 2024 Results",
        "HARTFORD, Conn., Oct. 24, 2024 -- Granite Harbor Insurance Group, Inc. (NYSE: GHIG)"
        " today reported results for the third quarter ended September 30, 2024. Net written"
        " premiums were $1,906.3 million in the third quarter of 2024.",
        "CONSOLIDATED STATEMENTS OF INCOME (in millions)",
        [
            ("", "Three Months Ended September 30, 2024", "Three Months Ended September 30, 2023"),
            ("Net premiums earned", "$1,842.6", "$1,701.3"),
            ("Net investment income", "168.4", "142.7"),
            ("Losses and loss adjustment expenses", "1,214.9", "1,152.0"),
        ],
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(conversion)
    quarter = "D2024-07-01_2024-09-30"
    assert facts[("PremiumsEarnedNet", quarter)] == (Decimal("1842600000"), "USD")
    assert facts[("NetInvestmentIncome", quarter)] == (Decimal("168400000"), "USD")
    losses = facts[("IncurredClaimsPropertyCasualtyAndLiability", quarter)]
    assert losses == (Decimal("1214900000"), "USD")
    assert facts[("PremiumsWrittenNet", quarter)] == (Decimal("1906300000"), "USD")
    assert not conversion.facts.extensions


def _sebi_results(stub: bool) -> str:
    """Results in the layout Indian listed companies file: a serial-number column, dates
    day first under "Quarter ended" and "Year ended" each centred over its columns, audit
    rows, items numbered and lettered, the arithmetic of the numbers in the labels."""
    width = 40

    def line(serial: str, label: str, cells: tuple[str, ...]) -> str:
        head = f"{serial:<5}{label}" if stub else label
        return f"{head:<{width}}" + "".join(f"{c:>13}" for c in cells)

    dates = ("31.03.2025", "31.12.2024", "31.03.2024", "31.03.2025", "31.03.2024")
    rows = [
        " " * width + f"{'Quarter ended':^39}{'Year ended':^26}",
        line("Sr.", "Particulars", dates),
        line("No.", "", ("(Audited)", "(Unaudited)", "(Audited)", "(Audited)", "(Audited)")),
        line(
            "1",
            "Revenue from operations",
            ("12,345.00", "11,802.40", "11,430.60", "46,918.20", "43,507.80"),
        ),
        line("2", "Other income", ("212.30", "188.50", "175.10", "801.40", "690.20")),
        line(
            "3",
            "Total income (1+2)",
            ("12,557.30", "11,990.90", "11,605.70", "47,719.60", "44,198.00"),
        ),
        line("4", "Expenses", ()),
        line(
            "",
            "a) Cost of materials consumed",
            ("4,980.10", "4,812.70", "4,701.30", "19,105.60", "17,902.40"),
        ),
        line("", "b) Finance costs", ("215.60", "221.30", "240.80", "884.10", "952.30")),
        line("5", "Earnings per share (of Rs 10 each)", ()),
        line("", "(not annualised for the quarters)", ()),
        line("", "a) Basic (Rs)", ("28.57", "25.32", "24.51", "101.94", "90.56")),
        line("", "b) Diluted (Rs)", ("28.51", "25.27", "24.46", "101.72", "90.36")),
    ]
    return "\n\n".join(
        [
            "Vindhya Cements Limited announces results for the quarter and year ended"
            " 31st March 2025",
            "Mumbai, 24 April 2025: The Board of Vindhya Cements Limited (NSE: VINDHYACEM)"
            " approved the audited results for the quarter and financial year ended 31st March"
            " 2025. Net debt stood at Rs 4,125 crore as on 31st March 2025.",
            "STATEMENT OF AUDITED STANDALONE FINANCIAL RESULTS\n(Rs in crore)",
            "\n".join(rows),
        ]
    )


@pytest.mark.parametrize("stub", [True, False], ids=["serial-column", "no-serial-column"])
def test_indian_results_in_the_sebi_layout(tmp_path: Path, stub: bool) -> None:
    conversion = convert(_release(tmp_path, _sebi_results(stub), ".txt"), ConvertOptions())
    facts = _valued(conversion)
    quarter, prior, year = (
        "D2025-01-01_2025-03-31",
        "D2024-10-01_2024-12-31",
        "D2024-04-01_2025-03-31",
    )
    assert facts[("Revenues", quarter)] == (Decimal("123450000000"), "INR")
    assert facts[("Revenues", prior)] == (Decimal("118024000000"), "INR")
    assert facts[("Revenues", year)] == (Decimal("469182000000"), "INR")
    assert facts[("EarningsPerShareBasic", quarter)] == (Decimal("28.57"), "INR_per_share")
    assert facts[("EarningsPerShareDiluted", "D2023-04-01_2024-03-31")] == (
        Decimal("90.36"),
        "INR_per_share",
    )
    assert facts[("NetDebt", "I2025-03-31")] == (Decimal("41250000000"), "INR")
    assert not conversion.facts.unmapped


# Item, its number in the list (None: a lettered sub-item; 0: neither), two quarters.
_NUMBERED_ITEMS: tuple[tuple[str, int | None, tuple[str, ...]], ...] = (
    ("Revenue from operations", 1, ("1,24,568.42", "1,12,347.80")),
    ("Other income", 2, ("2,145.30", "1,802.40")),
    ("Total income (1+2)", 3, ("1,26,713.72", "1,14,150.20")),
    ("Expenses", 4, ()),
    ("Cost of materials consumed", None, ("78,412.55", "71,905.10")),
    ("Other expenses", None, ("32,811.57", "30,351.20")),
    ("Total expenses", 0, ("1,11,224.12", "1,02,256.30")),
    ("Profit before tax (3-4)", 5, ("15,489.60", "11,893.90")),
    ("Tax expense", 6, ("3,872.40", "2,973.45")),
    ("Profit for the period (5-6)", 7, ("11,617.20", "8,920.45")),
    ("Profit attributable to:", 8, ()),
    ("Owners of the Company", None, ("10,842.65", "8,301.20")),
    ("Non-controlling interests", None, ("774.55", "619.25")),
    ("Earnings per share (of Rs 10 each) (not annualised)", 9, ()),
    ("Basic (Rs)", None, ("16.02", "12.27")),
    ("Diluted (Rs)", None, ("15.98", "12.24")),
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


def _serial(style: str, number: int) -> str:
    """An item's number as a numbering column prints it: "3", "3.", "III"."""
    if style == "roman":
        return _ROMAN[number - 1]
    return f"{number}." if style == "stopped" else str(number)


def _numbered_results(name: str, style: str, letters: str, print_: str) -> str:
    """A results statement whose first column numbers the rows ("Sr. No." over "1", "2",
    headings numbered too), its sub-items lettered in the label ("(a) Basic"), a column
    of labels after it; no date in the title. `name` "" prints no numbering column."""
    rows = [[name, "Particulars", "Quarter ended 30.09.2025", "Quarter ended 30.09.2024"]]
    sub = 0
    for label, number, cells in _NUMBERED_ITEMS:
        sub = 0 if number else sub + 1
        marked = label if number is not None else f"{letters.format(' abcdefg'[sub])} {label}"
        rows.append([_serial(style, number) if number else "", marked, *cells])
    if not name:
        rows = [row[1:] for row in rows]
    if print_ == "tabbed":
        table = "\n".join("\t".join(row) for row in rows)
    else:
        cells = ("".join(f"<td>{c}</td>" for c in row) for row in rows)
        table = "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"
    lines = [
        "Vindhya Industries Limited announces unaudited results",
        "MUMBAI, October 24, 2025: Vindhya Industries Limited (NSE: VINDHYA) today reported"
        " its unaudited consolidated results for the quarter ended September 30, 2025.",
        "Statement of Consolidated Unaudited Financial Results",
        "(Rs in crore, except per share data)",
        table,
    ]
    if print_ == "tabbed":
        return "\n\n".join(lines)
    return (
        "<html><body>" + "".join(f"<p>{line}</p>" for line in lines[:-1]) + table + "</body></html>"
    )


@pytest.mark.parametrize("print_", ["html", "tabbed"])
@pytest.mark.parametrize(
    ("name", "style", "letters"),
    [
        ("Sr. No.", "plain", "({})"),
        ("S. No.", "stopped", "{})"),
        ("No.", "roman", "({})"),
        ("", "plain", "({})"),
    ],
    ids=["sr-no", "s-no-stopped", "no-roman", "no-numbering-column"],
)
def test_a_column_numbering_the_rows_is_neither_label_nor_value(
    tmp_path: Path, name: str, style: str, letters: str, print_: str
) -> None:
    """ "1 | Revenue from operations | 1,24,568.42": the first column numbers the items and
    the headings ("9 | Earnings per share"), the label is the column of words beside it;
    the numbers are no figures, and the headings still head their rows."""
    suffix = ".txt" if print_ == "tabbed" else ".html"
    text = _numbered_results(name, style, letters, print_)
    facts = _valued(convert(_release(tmp_path, text, suffix), ConvertOptions()))
    quarter, prior = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert facts[("Revenues", quarter)] == (Decimal("1245684200000"), "INR")
    assert facts[("Revenues", prior)] == (Decimal("1123478000000"), "INR")
    assert facts[("EarningsPerShareBasic", quarter)] == (Decimal("16.02"), "INR_per_share")
    assert facts[("EarningsPerShareDiluted", prior)] == (Decimal("12.24"), "INR_per_share")
    nci = facts[("NetIncomeLossAttributableToNoncontrollingInterest", quarter)]
    assert nci == (Decimal("7745500000"), "INR")
    assert not any(concept.startswith("Unlabelled") for concept, _ in facts)
    assert not any(context.startswith("I") for _, context in facts)


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Average Balances, Interest and Yields/Rates", "Balance"),
        ("Net Interest Margin Analysis", "Average Balance"),
    ],
)
def test_balances_under_average_columns_are_the_periods_averages(
    tmp_path: Path, title: str, head: str
) -> None:
    """A bank's table of average balances: "Total assets" under "Average Balance" for the
    quarter is the quarter's average (a duration), not the balance at its end."""
    path = _release(
        tmp_path,
        "Osprey Bancorp Reports Second Quarter 2024 Results\n\n"
        "RALEIGH, N.C., July 24, 2024 -- Osprey Bancorp (NASDAQ: OSPY) today reported.\n\n"
        f"{title}\n(Dollars in thousands)\n"
        "\tThree Months Ended June 30, 2024\t\t\n"
        f"\t{head}\tInterest\tYield/Rate\n"
        "Loans\t$ 5,412,300\t$ 84,215\t6.24%\n"
        "Total assets\t$ 7,105,400\t\t\n"
        "Noninterest-bearing deposits\t$ 1,402,100\t\t\n",
        ".txt",
    )
    facts = _facts(path)
    quarter = "D2024-04-01_2024-06-30"
    assert not any(context == "I2024-06-30" for _, context in facts)
    assert Decimal("7105400000") in {v for (_, c), v in facts.items() if c.startswith(quarter)}


def _trend_table(heading: str) -> str:
    """A bank's trend table: income rows (which make it read as an income statement), then
    a section of balances that are line items of their own, each named "Total ..."."""
    rows = [
        ("Earnings", ()),
        ("Total revenue", ("95,000", "90,000")),
        ("Total noninterest expense", ("60,000", "58,000")),
        ("Net income", ("$ 30,000", "$ 28,000")),
        (heading, ()),
        ("Total loans", ("9,891,207", "9,402,118")),
        ("Total deposits", ("10,712,918", "10,205,441")),
        ("Total assets", ("12,905,338", "12,215,408")),
        ("Customer accounts", ("41,200", "39,800")),
    ]
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in rows
    )
    return (
        "<html><body><p><b>Proseware Bank Reports Third Quarter 2024 Results</b></p>"
        "<p>Proseware Bancorp (NASDAQ: PRSW) today reported results for the third quarter"
        " ended September 30, 2024.</p><p><b>Selected Financial Highlights</b></p>"
        "<p>(Dollars in thousands)</p><table>"
        f"<tr><td></td><td>Q3 2024</td><td>Q3 2023</td></tr>{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    "heading", ["Period-End Balances", "Balance sheet data (at period end)", "Balance Sheet"]
)
def test_a_section_of_balances_under_quarter_columns(tmp_path: Path, heading: str) -> None:
    """Under a heading of balances, "Total loans", "Total deposits" and "Total assets" are
    line items of their own (none totals the rows above it, so none ends the section), each
    the balance at its column's end, and so is a row the taxonomy does not know."""
    facts = _facts(_release(tmp_path, _trend_table(heading)))
    assert facts[("Deposits", "I2024-09-30")] == Decimal("10712918000")
    assert facts[("Assets", "I2024-09-30")] == Decimal("12905338000")
    assert facts[("Assets", "I2023-09-30")] == Decimal("12215408000")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("30000000")
    instants = {concept for concept, context in facts if context == "I2024-09-30"}
    durations = {concept for concept, context in facts if context.startswith("D2024-07-01")}
    assert {"Deposits", "Assets"} <= instants
    assert not {"Deposits", "Assets"} & durations
    assert not any("Loans" in c or "CustomerAccounts" in c for c in durations)


_METRICS_ROWS = (
    ("Customers", ("4,812", "4,655", "4,120")),
    ("Annual recurring revenue ($ in millions)", ("$356.4", "$341.8", "$287.5")),
    ("Net revenue retention rate", ("114%", "115%", "118%")),
)


def _metrics_release(title: str, html: bool) -> str:
    """A quarterly release whose table of business metrics, under quarter columns that
    name no date, has a title saying where its figures stand."""
    lead = (
        "Zephyr Cloud Reports First Quarter 2025 Results",
        "DENVER, May 6, 2025 -- Zephyr Cloud, Inc. (NYSE: ZPHR) today announced results for"
        " its first quarter of fiscal 2025, ended March 31, 2025.",
    )
    headers = ("Q1'25", "Q4'24", "Q1'24")
    if html:
        body = "".join(
            f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            for label, cells in _METRICS_ROWS
        )
        head = "<tr><td></td>" + "".join(f"<td>{h}</td>" for h in headers) + "</tr>"
        return (
            f"<html><body><p><b>{lead[0]}</b></p><p>{lead[1]}</p><p><b>{title}</b></p>"
            f"<table>{head}{body}</table></body></html>"
        )
    lines = [_aligned("", headers, 44, 12)]
    lines += [_aligned(label, cells, 44, 12) for label, cells in _METRICS_ROWS]
    return "\n\n".join([*lead, title, "\n".join(lines)]) + "\n"


@pytest.mark.parametrize(
    "title",
    [
        "Key Business Metrics (at period end)",
        "Customer Metrics, as of Quarter-End",
        "Key metrics at the end of the period",
    ],
)
@pytest.mark.parametrize("html", [True, False], ids=["html", "text"])
def test_metrics_under_a_title_placing_them_at_period_end_are_instants(
    tmp_path: Path, title: str, html: bool
) -> None:
    """The title says the metrics stand at each column's end: customers, recurring
    revenue and retention there are balances at the quarter's last day, not flows of the
    quarter, though the columns name quarters."""
    suffix = ".html" if html else ".txt"
    facts = _facts(_release(tmp_path, _metrics_release(title, html), suffix))
    assert facts[("Customers", "I2025-03-31")] == Decimal("4812")
    assert facts[("Customers", "I2024-12-31")] == Decimal("4655")
    assert facts[("AnnualRecurringRevenue", "I2025-03-31")] == Decimal("356400000")
    assert facts[("AnnualRecurringRevenue", "I2024-03-31")] == Decimal("287500000")
    assert facts[("NetRevenueRetentionRate", "I2024-12-31")] == Decimal("1.15")
    assert not any(context.startswith("D") for _, context in facts)


_TRENDED_ROWS = (
    ("Revenue", ("$ 412.5", "$ 398.0", "$ 385.2")),
    ("Net income", ("48.3", "43.0", "38.5")),
    ("{balance}", ("1,204.7", "1,133.2", "1,071.8")),
    ("Cash from operations", ("88.1", "75.4", "70.2")),
    ("Net new deposits", ("12.5", "10.4", "9.8")),
    ("Loans ratio", ("61.2%", "60.8%", "59.9%")),
)


def _trended_release(balance: str) -> str:
    """A fiscal-year release (the year ends in June) with a table of trailing quarters
    that name no date, holding flows and one balance the taxonomy does not know."""
    head = "<tr><td></td><td>Q4 FY25</td><td>Q3 FY25</td><td>Q2 FY25</td></tr>"
    body = "".join(
        f"<tr><td>{label.format(balance=balance)}</td>"
        + "".join(f"<td>{c}</td>" for c in cells)
        + "</tr>"
        for label, cells in _TRENDED_ROWS
    )
    return (
        "<html><body><p><b>Quillon Networks Reports Fiscal Fourth Quarter 2025 Results</b></p>"
        "<p>AUSTIN, Texas, August 12, 2025 -- Quillon Networks, Inc. (NASDAQ: QLN) today"
        " reported results for its fiscal fourth quarter and fiscal year ended June 30,"
        " 2025.</p><p><b>Trended Financial Highlights</b></p>"
        "<p>(in millions, except per share data; unaudited)</p>"
        f"<table>{head}{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("balance", "concept"),
    [
        ("Cash and investments", "CashAndInvestments"),
        ("Customer deposits", "CustomerDeposits"),
        ("Gross loans", "GrossLoans"),
    ],
)
def test_a_balance_the_taxonomy_does_not_know_under_quarter_columns_is_an_instant(
    tmp_path: Path, balance: str, concept: str
) -> None:
    """A row headed as the taxonomy's balances are ("cash", "investments", "deposits",
    "loans" head more of its instant concepts' labels than of its flows') is the balance
    at each quarter's end, though the columns name quarters; a flow beside it headed by
    such a word but qualified ("Cash from operations") or made new ("Net new deposits"),
    and a ratio ("Loans ratio"), stay the quarter's."""
    facts = _facts(_release(tmp_path, _trended_release(balance)))
    assert facts[(concept, "I2025-06-30")] == Decimal("1204700000")
    assert facts[(concept, "I2025-03-31")] == Decimal("1133200000")
    assert facts[(concept, "I2024-12-31")] == Decimal("1071800000")
    assert facts[("Revenues", "D2025-04-01_2025-06-30")] == Decimal("412500000")
    assert facts[("CashFromOperations", "D2025-04-01_2025-06-30")] == Decimal("88100000")
    assert facts[("NetNewDeposits", "D2025-01-01_2025-03-31")] == Decimal("10400000")
    # A ratio headed by a balance's noun is not an amount at a date.
    assert facts[("LoansRatio", "D2025-04-01_2025-06-30")] == Decimal("0.612")
    assert not any(c == concept and context.startswith("D") for c, context in facts)


def test_a_heading_stating_the_scale_does_not_say_what_its_rows_count(tmp_path: Path) -> None:
    """ "(In millions, except percentages)" printed as a heading over the rows: the amounts
    under it are money in millions; the word "percentages" names the rows that are not."""
    html = (
        "<html><body><p><b>Proseware Inc. Reports First Quarter 2023 Results</b></p>"
        "<p>Proseware Inc. (NASDAQ: PRSW) today reported results for the first quarter"
        " ended March 31, 2023.</p><p><b>Summary of Net Revenues</b></p>"
        "<p>(In millions, except percentages)</p><table>"
        "<tr><td></td><td>Three Months Ended March 31, 2023</td>"
        "<td>Three Months Ended March 31, 2022</td></tr>"
        "<tr><td>(In millions, except percentages)</td><td></td><td></td></tr>"
        "<tr><td>Total net revenues</td><td>$ 2,510</td><td>$ 2,483</td></tr>"
        "<tr><td>Percent from international</td><td>50 %</td><td>51 %</td></tr>"
        "<tr><td>Hedge gain/(loss)</td><td>$ 29</td><td>$ 6</td></tr>"
        "</table></body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    hedge = next(f for f in conversion.facts.facts if f.concept.endswith("HedgeGainLoss"))
    assert hedge.value == Decimal("29000000")
    assert hedge.unit == "USD"


def _latam_release(debt_header: str) -> str:
    """A Brazilian-style release in text: the table's unit over the labels on the header
    line, quarters and nine months as "3Q25" and "9M25", "Var. %" columns, decimal commas;
    a debt table comparing the quarter's end with the quarter before and the year end."""
    return (
        "Agrovale S.A. Announces 3Q25 Results\n\n"
        "Sao Paulo, November 6, 2025 -- Agrovale S.A. (B3: AGVL3) announces its results for"
        " the third quarter of 2025 (3Q25).\n\n"
        "INCOME STATEMENT\n\n"
        "(R$ million)                    3Q25        3Q24    Var. %       9M25        9M24    Var. %\n"
        "Net Revenue                  4.812,6     4.305,9     11,8%   13.527,4    12.118,0     11,6%\n"
        "Cost of Goods Sold          (3.561,3)   (3.238,1)    10,0%  (10.041,2)   (9.102,5)    10,3%\n"
        "Gross Profit                 1.251,3     1.067,8     17,2%    3.486,2     3.015,5     15,6%\n"
        "Net Income                     349,1       267,8     30,4%      914,4       664,1     37,7%\n\n"
        "INDEBTEDNESS\n\n"
        f"(R$ million)                  {debt_header}\n"
        "Gross Debt                   6.412,8     6.598,1     6.701,4\n"
        "Net Debt                     4.225,3     4.552,5     4.390,5\n"
    )


@pytest.mark.parametrize(
    "debt_header",
    ["Sep/25      Jun/25      Dec/24", "Sep/25      Dec/24      Jun/25"],
    ids=["quarter before first", "year end first"],
)
def test_quarters_and_nine_months_under_a_unit_caption_in_the_header_line(
    tmp_path: Path, debt_header: str
) -> None:
    """The header line's first cell is the table's unit, not a row; a balance table that
    sets the quarter's end against the quarter before and the last year end shows the
    year ends in December (not June): 3Q25 is July to September, 9M25 January to
    September."""
    facts = _facts(_release(tmp_path, _latam_release(debt_header), ".txt"))
    assert facts[("Revenues", "D2025-07-01_2025-09-30")] == Decimal("4812600000")
    assert facts[("Revenues", "D2024-07-01_2024-09-30")] == Decimal("4305900000")
    assert facts[("Revenues", "D2025-01-01_2025-09-30")] == Decimal("13527400000")
    assert facts[("GrossProfit", "D2024-01-01_2024-09-30")] == Decimal("3015500000")
    net_income = {v for (c, ctx), v in facts.items() if ctx == "D2025-07-01_2025-09-30"}
    assert Decimal("349100000") in net_income


@pytest.mark.parametrize("unit", ["(Millions of yen)", "(in millions of yen)", "(JPY million)"])
def test_the_unit_in_brackets_at_the_end_of_the_title(tmp_path: Path, unit: str) -> None:
    """ "Consolidated Statements of Income (Millions of yen)": the title carries the
    table's unit when no caption line does."""
    text = (
        "Kirishima Precision Co., Ltd. Consolidated Financial Results for the Six Months"
        " Ended September 30, 2025\n\n"
        "Tokyo, November 7, 2025 - Kirishima Precision Co., Ltd. (TSE: 6999) announced its"
        " results.\n\n"
        f"Consolidated Statements of Income {unit}\n\n"
        "                               Six months ended      Six months ended\n"
        "                             September 30, 2024    September 30, 2025\n"
        "Net sales                               173,512               184,512\n"
        "Operating profit                         18,977                21,406\n"
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    revenue = {v for (c, ctx), v in facts.items() if ctx == "D2025-04-01_2025-09-30"}
    assert Decimal("184512000000") in revenue
    assert Decimal("21406000000") in revenue


@pytest.mark.parametrize("unit", ["€m", "EUR m", "EUR million", "(€m)"])
def test_a_key_figures_table_with_each_rows_unit_in_a_column_of_its_own(
    tmp_path: Path, unit: str
) -> None:
    """European key-figure tables print each row's unit in a column between the label and
    the figures ("Revenue | €m | 2,184.6"): the row's amounts are in that unit and scale,
    and a row in "%" or with no unit is not scaled."""
    html = (
        "<html><body><p><b>Kestrel Systeme AG: Half-year results 2025</b></p>"
        "<p>Munich, 31 July 2025 - Kestrel Systeme AG (Xetra: KSA) today published its"
        " results for the first half of 2025.</p><p><b>Key figures</b></p><table>"
        "<tr><td></td><td></td><td>H1 2025</td><td>H1 2024</td><td>Change</td></tr>"
        f"<tr><td>Revenue</td><td>{unit}</td><td>2,184.6</td><td>2,051.3</td><td>+6.5%</td></tr>"
        f"<tr><td>EBIT</td><td>{unit}</td><td>213.3</td><td>180.4</td><td>+18.2%</td></tr>"
        "<tr><td>EBIT margin</td><td>%</td><td>9.8</td><td>8.8</td><td>+1.0 pp</td></tr>"
        "<tr><td>Employees (30 June)</td><td></td><td>11,842</td><td>11,406</td><td>+3.8%</td></tr>"
        "</table></body></html>"
    )
    facts = _facts(_release(tmp_path, html))
    h1 = "D2025-01-01_2025-06-30"
    assert facts[("Revenues", h1)] == Decimal("2184600000")
    assert facts[("Revenues", "D2024-01-01_2024-06-30")] == Decimal("2051300000")
    assert Decimal("11842") in {v for (c, ctx), v in facts.items() if ctx == "I2025-06-30"}


def test_balances_in_a_key_figures_table_of_income_rows(tmp_path: Path) -> None:
    """A Nordic "Key figures" table, read as an income statement by its rows, also prints
    net interest-bearing debt and the equity ratio: balances at each column's end, since
    no title makes the table a statement of flows alone. "at year-end 2024" in the prose
    is December 31, 2024."""
    text = (
        "Fjordvik Seafood ASA - Second quarter 2025 results\n\n"
        "Bergen, 14 August 2025 - Fjordvik Seafood ASA (OSE: FJORD) reports its results for"
        " the second quarter of 2025. Net interest-bearing debt was NOK 5,412.8 million at"
        " 30 June 2025, down from NOK 5,688.1 million at year-end 2024.\n\n"
        "Key figures\n"
        "NOK million                    Q2 2025     Q2 2024     FY 2024\n"
        "Operating revenue              6,842.3     6,215.8    25,471.9\n"
        "EBITDA                         1,214.7     1,098.2     4,408.3\n"
        "Profit for the period            463.9       659.5     2,095.9\n"
        "Net interest-bearing debt      5,412.8     5,906.3     5,688.1\n"
        "Equity ratio (%)                  52.4        50.1        51.7\n"
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("NetDebt", "I2025-06-30")] == Decimal("5412800000")
    assert facts[("NetDebt", "I2024-06-30")] == Decimal("5906300000")
    assert facts[("NetDebt", "I2024-12-31")] == Decimal("5688100000")
    assert facts[("EquityRatio", "I2025-06-30")] == Decimal("0.524")
    assert facts[("EquityRatio", "I2024-12-31")] == Decimal("0.517")
    assert not any(c == "NetDebt" and ctx == "I2025-12-31" for c, ctx in facts)


_RNS_STATEMENT = """Calder Group plc - Half-year results

LONDON, 29 July 2025 -- Calder Group plc (LSE: CLDR) announces its results for the six
months ended 30 June 2025.

Condensed consolidated income statement
for the six months ended 30 June 2025

{group}
                                                          ended        ended        ended
                                                        30 June      30 June  31 December
                                                           2025         2024         2024
                                                    (unaudited)  (unaudited)    (audited)
                                            Note             £m           £m           £m

Revenue                                     3             486.3        452.7        931.8
Cost of sales                                           (318.9)      (299.4)      (612.5)
Gross profit                                              167.4        153.3        319.3
Taxation                                    5            (10.6)        (8.6)       (19.3)

Earnings per share                          6
Basic                                                     14.2p        11.8p        26.2p
"""


@pytest.mark.parametrize(
    "group",
    [
        "                                                     Six months   Six months         Year",
        "                                                 Six months   Six months         Year",
    ],
    ids=["over-the-amounts", "reaching-over-the-note-column"],
)
def test_a_note_column_under_a_group_header_of_a_fixed_width_statement(
    tmp_path: Path, group: str
) -> None:
    """An RNS half-year statement in fixed-width text: "Note" heads the column of note
    references, whatever group header the print sets over it too. The references are no
    amounts, no column gets a member from its header, and the pence are per share."""
    path = _release(tmp_path, _RNS_STATEMENT.format(group=group), ".txt")
    conversion = convert(path, ConvertOptions())
    facts = {(f.concept, f.context): f.value for f in conversion.facts.facts}
    assert facts[("Revenues", "D2025-01-01_2025-06-30")] == Decimal("486300000")
    assert facts[("Revenues", "D2024-01-01_2024-12-31")] == Decimal("931800000")
    assert facts[("EarningsPerShareBasic", "D2025-01-01_2025-06-30")] == Decimal("0.142")
    assert not any(value in (Decimal(3000000), Decimal(5000000)) for value in facts.values())
    assert not any(c.member for c in conversion.facts.contexts)


_HK_STATEMENT = """Harbourfront Logistics Holdings Limited - Interim results

HONG KONG, 26 August 2025 -- Harbourfront Logistics Holdings Limited (HKEX: 1881)
announces its unaudited interim results for the six months ended 30 June 2025.

CONDENSED CONSOLIDATED STATEMENT OF PROFIT OR LOSS
For the six months ended 30 June 2025

                                                         2025           2024
                                                     HK$'000        HK$'000
REVENUE                                            1,524,380      1,402,115
PROFIT FOR THE PERIOD                                124,547         94,053

EARNINGS PER SHARE ATTRIBUTABLE TO ORDINARY
  EQUITY HOLDERS OF THE COMPANY
  Basic and diluted                            {eps}  {eps_prior}
"""


@pytest.mark.parametrize(
    ("eps", "eps_prior"),
    [
        ("HK14.86 cents", "HK11.20 cents"),
        ("14.86 cents", "11.20 cents"),
        ("HK$0.1486", "HK$0.1120"),
    ],
)
def test_hong_kong_cents_under_a_heading_wrapped_over_two_lines(
    tmp_path: Path, eps: str, eps_prior: str
) -> None:
    """ "HK14.86 cents" is a number (Hong Kong cents), and "Basic and diluted" under an
    earnings-per-share heading printed in capitals over two lines is earnings per share:
    HK$0.1486 per share, not an amount of money nor an unread cell."""
    text = _HK_STATEMENT.format(eps=f"{eps:>13}", eps_prior=f"{eps_prior:>14}")
    conversion = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    facts = {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}
    per_share = facts[("EarningsPerShareBasicAndDiluted", "D2025-01-01_2025-06-30")]
    assert per_share[0] == Decimal("0.1486")
    assert facts[("EarningsPerShareBasicAndDiluted", "D2024-01-01_2024-06-30")][0] == Decimal(
        "0.1120"
    )
    assert per_share[1] != "HKD"


def _segment_periods_as_rows(stub: str) -> str:
    rows = [
        ("", "Industrial", "Office", "Total"),
        ("Total revenues", "$ 62,418", "$ 48,905", "$ 111,323"),
        ("Net operating income", "$ 42,294", "$ 26,889", "$ 69,183"),
        (stub, "", "", ""),
        ("", "Industrial", "Office", "Total"),
        ("Total revenues", "$ 58,204", "$ 49,712", "$ 107,916"),
        ("Net operating income", "$ 39,274", "$ 27,690", "$ 66,964"),
    ]
    return _html_release(
        "Proseware Realty Trust Reports Third Quarter 2025 Results",
        "Proseware Realty Trust (NYSE: PRT) today reported results for the third quarter"
        " ended September 30, 2025.",
        "<b>SEGMENT NET OPERATING INCOME</b></p><p>(Unaudited, in thousands)</p>"
        "<p>Three Months Ended September 30, 2025",
        rows,
    )


@pytest.mark.parametrize(
    "stub", ["Three Months Ended September 30, 2024", "Three months ended September 30, 2024:"]
)
def test_a_period_printed_as_a_row_over_the_header_printed_again(tmp_path: Path, stub: str) -> None:
    """A segment table printed twice, the second time under "Three Months Ended September
    30, 2024" in the label column and the segments' header again: the second block is the
    prior year's quarter, not a second reading of the current one."""
    facts = _facts(_release(tmp_path, _segment_periods_as_rows(stub)))
    revenue = {
        (ctx, v)
        for (c, ctx), v in facts.items()
        if "Revenue" in c and ctx in ("D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30")
    }
    assert ("D2025-07-01_2025-09-30", Decimal("111323000")) in revenue
    assert ("D2024-07-01_2024-09-30", Decimal("107916000")) in revenue
    assert ("D2025-07-01_2025-09-30", Decimal("107916000")) not in revenue


# --- a rate's change printed in points is a difference, not a relative change ---------------


@pytest.mark.parametrize(
    ("printed", "value"),
    [("(230) bps", "-0.0230"), ("(2.3) pts", "-0.023"), ("-2.3 pp", "-0.023")],
)
def test_a_rate_s_change_in_points_is_the_difference_of_the_rates(
    tmp_path: Path, printed: str, value: str
) -> None:
    """Operating margin 14.1% against 16.4%, "Change (230) bps": the margin fell by 2.3
    points; revenue's "6.3%" in the same column is its relative change."""
    rows: list[tuple[str, ...]] = [
        ("(in millions, except percentages)", "Q4 2025", "Q4 2024", "Change"),
        ("Revenue", "1,090.0", "1,025.4", "6.3%"),
        ("Operating margin", "14.1%", "16.4%", printed),
    ]
    html = _html_release(
        "Contoso Freight Reports Fourth Quarter 2025 Results",
        "ATLANTA, Feb. 4, 2026 -- Contoso Freight Inc. (NYSE: CTFR) today reported results"
        " for the fourth quarter ended December 31, 2025.",
        "Financial Summary",
        rows,
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    by_printed = {f.source.printed: f for f in conversion.facts.facts}
    change = by_printed[printed]
    assert (change.value, change.unit) == (Decimal(value), "pure")
    assert "PercentChange" not in change.concept
    assert change.concept.startswith(by_printed["14.1%"].concept)
    assert by_printed["6.3%"].concept.endswith("PercentChange")


# --- abbreviated period words and year-to-date beside the quarter ---------------------------


def _week_based_release(quarter_header: str, year_header: str) -> str:
    """A third-quarter release of a 52/53-week year (quarters end on a Saturday), its
    statement's two header rows printed fixed-width."""

    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 32, 17)

    dates = ("Sept. 28, 2024", "Sept. 30, 2023") * 2
    lead = [
        "Acme Foods Inc. Reports Third Quarter 2024 Results",
        "",
        "DAYTON, Ohio, October 24, 2024 -- Acme Foods Inc. today reported results for the"
        " third quarter ended September 28, 2024.",
        "",
        "Condensed Consolidated Statements of Operations",
        "(in thousands)",
        "",
    ]
    rows = [
        line("", (quarter_header,) * 2 + (year_header,) * 2),
        line("", dates),
        "",
        line("Net sales", ("$512,300", "$498,100", "$1,498,700", "$1,452,900")),
        line("Net income", ("41,800", "38,200", "118,900", "109,400")),
    ]
    return "\n".join([*lead, *rows, ""])


@pytest.mark.parametrize(
    ("quarter_header", "year_header"),
    [
        ("13 Wks. Ended", "39 Wks. Ended"),
        ("Three Mos. Ended", "Nine Mos. Ended"),
        ("Qtr Ended", "Year-to-date"),
        ("Quarter Ended", "Year-to-date"),
        ("Qtr. Ended", "YTD"),
    ],
)
def test_abbreviated_spans_and_year_to_date_beside_the_quarter(
    tmp_path: Path, quarter_header: str, year_header: str
) -> None:
    path = _release(tmp_path, _week_based_release(quarter_header, year_header), ".txt")
    facts = _facts(path)
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts[(revenue, "D2024-06-30_2024-09-28")] == Decimal("512300000")
    # The third quarter's year to date runs from the fiscal year's first day (39 weeks).
    assert facts[(revenue, "D2023-12-31_2024-09-28")] == Decimal("1498700000")
    assert facts[("NetIncomeLoss", "D2023-12-31_2024-09-28")] == Decimal("118900000")


# --- a table of guidance beside the reported year ---------------------------------------


def _guidance_release(header: str, title: str, cells: dict[str, str], scale: str) -> str:
    """A fourth-quarter release, its summary table of the quarter and the year, then a
    table of next year's outlook beside the reported year ("2025 Actual") and one of next
    quarter's beside the same quarter a year earlier (under the same title)."""
    summary = [
        ("($ in millions, except per share data)", "Q4 2025", "Q4 2024", "FY 2025", "FY 2024"),
        ("Revenue", "$1,086.4", "$1,021.7", "$4,208.9", "$3,977.2"),
        ("Diluted earnings per share", "$0.98", "$0.63", "$3.47", "$2.74"),
    ]
    outlook = [
        (scale, "2025 Actual", header),
        ("Revenue", "$4.21 billion", cells["revenue"]),
        ("Diluted earnings per share", "$3.47", cells["eps"]),
        ("Effective tax rate", "24.6%", cells["tax"]),
    ]
    quarter = [
        ("", "Q1 2025 Actual", "Q1 2026 Outlook"),
        ("Revenue", "$0.98 billion", cells["quarter"]),
        ("Diluted earnings per share", "$0.63", "$0.80 - $0.85"),
    ]
    return (
        "<html><body><h1>Harwick Logistics Reports Fourth Quarter and Full Year 2025"
        " Results</h1><p>DENVER, February 4, 2026 -- Harwick Logistics, Inc. (NYSE: HWK)"
        " today reported results for the fourth quarter and full year ended December 31,"
        " 2025.</p><p>Fourth Quarter and Full Year Summary</p>"
        + _html_table(summary)
        + f"<p>{title}</p><p>The Company is providing the following outlook for the full"
        " year 2026:</p>"
        + _html_table(outlook)
        + "<p>For the first quarter of 2026 the Company expects:</p>"
        + _html_table(quarter)
        + "</body></html>"
    )


_GUIDANCE_CELLS = {
    "en dash, $ on both ends, scale in the cell": {
        "revenue": "$4.35 \u2013 $4.45 billion",
        "eps": "$3.90 \u2013 $4.10",
        "tax": "24% \u2013 25%",
        "quarter": "$1.02 \u2013 $1.06 billion",
    },
    "hyphen, $ on the low end only": {
        "revenue": "$4.35-4.45 billion",
        "eps": "$3.90 - 4.10",
        "tax": "24 - 25%",
        "quarter": "$1.02-1.06 billion",
    },
    "'to', scale on both ends": {
        "revenue": "$4.35 billion to $4.45 billion",
        "eps": "$3.90 to $4.10",
        "tax": "24% to 25%",
        "quarter": "$1.02 billion to $1.06 billion",
    },
}


@pytest.mark.parametrize("spelling", sorted(_GUIDANCE_CELLS))
@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("2026 Outlook", "2026 Outlook"),
        ("Fiscal 2026 Guidance", "Fiscal 2026 Guidance"),
        ("2026 Guidance", "Outlook"),
    ],
)
def test_a_guidance_table_gives_the_outlook_range_as_facts(
    tmp_path: Path, spelling: str, header: str, title: str
) -> None:
    """Each range in the outlook column is two facts of the row's concept's outlook, low
    and high end (as the prose names a stated range), for the year or quarter its column
    forecasts; the reported columns beside them are that year's and that quarter's."""
    html = _guidance_release(header, title, _GUIDANCE_CELLS[spelling], "")
    converted = convert(_release(tmp_path, html), ConvertOptions())
    facts = _valued(converted)
    year, quarter = "D2026-01-01_2026-12-31", "D2026-01-01_2026-03-31"
    assert facts[("RevenuesOutlookLow", year)][0] == Decimal("4350000000")
    assert facts[("RevenuesOutlookHigh", year)][0] == Decimal("4450000000")
    assert facts[("EarningsPerShareDilutedOutlookLow", year)][0] == Decimal("3.90")
    assert facts[("EarningsPerShareDilutedOutlookHigh", year)][0] == Decimal("4.10")
    low_tax = [
        v
        for (c, p), (v, _) in facts.items()
        if "TaxRate" in c and c.endswith("OutlookLow") and p == year
    ]
    assert low_tax == [Decimal("0.24")]
    assert facts[("RevenuesOutlookLow", quarter)][0] == Decimal("1020000000")
    assert facts[("RevenuesOutlookHigh", quarter)][0] == Decimal("1060000000")
    # "Q1 2025 Actual" under the outlook's title is the reported quarter a year earlier.
    assert facts[("Revenues", "D2025-01-01_2025-03-31")][0] == Decimal("980000000")
    # Every number printed is a fact, a duplicate of one, or listed with its reason.
    assert not [u for u in converted.facts.unmapped if not u.deliberate]


@pytest.mark.parametrize("scale", ["($ in billions, except per share data)", "(in billions)"])
def test_a_guidance_range_takes_the_caption_scale(tmp_path: Path, scale: str) -> None:
    """Without a scale word in its cells, a range is read in the caption's scale, as
    the figure beside it is."""
    cells = {"revenue": "$4.35 - $4.45", "eps": "$3.90 - $4.10", "tax": "24% - 25%"}
    cells["quarter"] = "$1.02 - $1.06 billion"
    html = _guidance_release("2026 Outlook", "2026 Outlook", cells, scale)
    html = html.replace("$4.21 billion", "$4.21")
    facts = _valued(convert(_release(tmp_path, html), ConvertOptions()))
    year = "D2026-01-01_2026-12-31"
    assert facts[("RevenuesOutlookLow", year)][0] == Decimal("4350000000")
    assert facts[("RevenuesOutlookHigh", year)][0] == Decimal("4450000000")
    assert facts[("EarningsPerShareDilutedOutlookHigh", year)][0] == Decimal("4.10")
    # The reported year beside the outlook is that year's, not the outlook's.
    assert not [key for key in facts if key[0].endswith("Outlook")]


def _low_high_release(low: str, high: str, caption: str, spanned: bool) -> str:
    """A fourth-quarter release whose outlook prints each forecast period over two columns,
    the low and the high end of its range, the amounts' unit in the label column."""
    if spanned:
        periods = (
            '<tr><td></td><td colspan="2">Q1 2026</td><td colspan="2">Full Year 2026</td></tr>'
        )
    else:
        periods = "<tr><td></td><td>Q1 2026</td><td></td><td>Full Year 2026</td><td></td></tr>"
    outlook = [
        (caption, low, high, low, high),
        ("Revenue", "$215", "$220", "$905", "$925"),
        ("Diluted earnings per share", "$0.62", "$0.66", "$2.60", "$2.75"),
    ]
    table = _html_table(outlook).replace("<table>", "<table>" + periods, 1)
    return (
        "<html><body><h1>Brightfield Systems Reports Fourth Quarter and Full Year 2025"
        " Results</h1><p>AUSTIN, Texas, February 10, 2026 -- Brightfield Systems, Inc."
        " (NASDAQ: BFSY) today reported results for the fourth quarter and full year ended"
        " December 31, 2025.</p><p>Condensed Consolidated Statements of Operations</p>"
        + _html_table(
            [
                (
                    "(in thousands, except per share data)",
                    "Three Months Ended December 31, 2025",
                    "Three Months Ended December 31, 2024",
                ),
                ("Revenue", "$212,400", "$188,100"),
                ("Diluted earnings per share", "$0.61", "$0.44"),
            ]
        )
        + "<p>Business Outlook</p><p>For the first quarter and full year 2026, the Company"
        " expects:</p>" + table + "</body></html>"
    )


def _low_high_text(low: str, high: str, caption: str) -> str:
    """The same release as plain text: the forecast periods centred over their two columns."""

    def line(label: str, cells: tuple[str, ...], width: int = 12) -> str:
        return _aligned(label, cells, 40, width)

    return "\n".join(
        [
            "Brightfield Systems Reports Fourth Quarter and Full Year 2025 Results",
            "",
            "AUSTIN, Texas, February 10, 2026 -- Brightfield Systems, Inc. (NASDAQ: BFSY) today"
            " reported results for the fourth quarter and full year ended December 31, 2025.",
            "",
            "Condensed Consolidated Statements of Operations",
            "",
            line("(in thousands)", ("Three Months Ended",) * 2, 22),
            line("", ("December 31, 2025", "December 31, 2024"), 22),
            line("Revenue", ("$212,400", "$188,100"), 22),
            line("Diluted earnings per share", ("$0.61", "$0.44"), 22),
            "",
            "Business Outlook",
            "",
            "For the first quarter and full year 2026, the Company expects:",
            "",
            " " * 40 + f"{'Q1 2026':^24}{'Full Year 2026':^24}",
            line(caption, (low, high, low, high)),
            line("Revenue", ("$215", "$220", "$905", "$925")),
            line("Diluted earnings per share", ("$0.62", "$0.66", "$2.60", "$2.75")),
            "",
        ]
    )


@pytest.mark.parametrize(("low", "high"), [("Low", "High"), ("Low End", "High End")])
@pytest.mark.parametrize("caption", ["(in millions, except per share data)", "($ in millions)"])
@pytest.mark.parametrize("layout", ["html, spanned", "html, over the low end", "text"])
def test_outlook_columns_headed_low_and_high_are_the_range_s_ends(
    tmp_path: Path, low: str, high: str, caption: str, layout: str
) -> None:
    """Two columns under one forecast period, "Low" and "High": each the end of the range
    its header names, in the unit the label column's caption gives, also where the period
    stands over one of the two only."""
    if layout == "text":
        path = _release(tmp_path, _low_high_text(low, high, caption), ".txt")
    else:
        path = _release(tmp_path, _low_high_release(low, high, caption, layout.endswith("spanned")))
    converted = convert(path, ConvertOptions())
    facts = _valued(converted)
    quarter, year = "D2026-01-01_2026-03-31", "D2026-01-01_2026-12-31"
    assert facts[("RevenuesOutlookLow", quarter)][0] == Decimal("215000000")
    assert facts[("RevenuesOutlookHigh", quarter)][0] == Decimal("220000000")
    assert facts[("RevenuesOutlookLow", year)][0] == Decimal("905000000")
    assert facts[("RevenuesOutlookHigh", year)][0] == Decimal("925000000")
    assert facts[("EarningsPerShareDilutedOutlookHigh", year)][0] == Decimal("2.75")
    assert not [u for u in converted.facts.unmapped if not u.deliberate]


# --- what a business has at a date, in a table of quarters ------------------------------


def _key_metrics_release(label: str, values: tuple[str, str, str]) -> str:
    """A fourth-quarter release whose key metrics stand under quarter columns, the
    sequential quarter beside the year-ago one (no title placing them at a date)."""
    return (
        "<html><body><h1>Quillmark Software Reports Fourth Quarter 2025 Results</h1>"
        "<p>SEATTLE, February 11, 2026 -- Quillmark Software, Inc. (NYSE: QMK) today reported"
        " results for the fourth quarter ended December 31, 2025.</p><p>Key Metrics</p>"
        + _html_table(
            [
                ("", "Q4'25", "Q3'25", "Q4'24"),
                ("Revenue ($ in millions)", "$ 152.3", "$ 146.0", "$ 128.9"),
                (label, *values),
            ]
        )
        + "</body></html>"
    )


@pytest.mark.parametrize(
    ("label", "values", "expected"),
    [
        ("Total customers", ("4,812", "4,655", "4,203"), ("4812", "4655", "4203")),
        ("Customers with ARR of $100,000 or more", ("612", "588", "517"), ("612", "588", "517")),
        (
            "Annual recurring revenue (ARR) ($ in millions)",
            ("$ 598.4", "$ 571.2", "$ 497.6"),
            ("598400000", "571200000", "497600000"),
        ),
        ("Number of stores", ("1,204", "1,188", "1,150"), ("1204", "1188", "1150")),
        # A bank's capital ratios and book value: as at each quarter's end.
        (
            "Common Equity Tier 1 (CET1) ratio (%)",
            ("13.1", "13.0", "13.2"),
            ("0.131", "0.130", "0.132"),
        ),
        ("Tier 1 leverage ratio (%)", ("9.4", "9.3", "9.1"), ("0.094", "0.093", "0.091")),
        ("Book value per share", ("$ 41.27", "$ 40.12", "$ 37.85"), ("41.27", "40.12", "37.85")),
    ],
)
def test_what_a_business_has_at_a_date_is_an_instant_under_quarter_columns(
    tmp_path: Path, label: str, values: tuple[str, str, str], expected: tuple[str, str, str]
) -> None:
    facts = {
        (context, value)
        for (concept, context), (value, _) in _valued(
            convert(_release(tmp_path, _key_metrics_release(label, values)), ConvertOptions())
        ).items()
        if not concept.startswith("Revenue")
    }
    ends = ("I2025-12-31", "I2025-09-30", "I2024-12-31")
    assert facts == {(end, Decimal(v)) for end, v in zip(ends, expected, strict=True)}


def test_what_happened_in_the_quarter_stays_a_duration(tmp_path: Path) -> None:
    html = _key_metrics_release("New customers added", ("157", "142", "131"))
    facts = _valued(convert(_release(tmp_path, html), ConvertOptions()))
    contexts = {context for (concept, context) in facts if not concept.startswith("Revenue")}
    assert contexts == {
        "D2025-10-01_2025-12-31",
        "D2025-07-01_2025-09-30",
        "D2024-10-01_2024-12-31",
    }


# --- a change column beside expenses printed in brackets --------------------------------


def _results_summary(cost_change: str, tax_change: str) -> str:
    """A half-year summary printing costs in brackets and each line's change beside it."""

    def line(label: str, cells: tuple[str, ...]) -> str:
        return _aligned(label, cells, 36, 13)

    return "\n".join(
        [
            "Kestrel Freight Limited Half-Year Results",
            "",
            "SYDNEY, 19 February 2025 -- Kestrel Freight Limited today reported its results for"
            " the half-year ended 31 December 2024.",
            "",
            "GROUP RESULTS SUMMARY",
            "",
            line("A$m", ("1H FY25", "1H FY24", "Change %")),
            line("Revenue", ("1,482.6", "1,391.4", "6.6")),
            line("EBITDA", ("246.8", "221.3", "11.5")),
            line("Depreciation and amortisation", ("(98.4)", "(91.7)", cost_change)),
            line("EBIT", ("148.4", "129.6", "14.5")),
            line("Income tax expense", ("(35.1)", "(30.2)", tax_change)),
            "",
        ]
    )


@pytest.mark.parametrize(
    ("cost_change", "tax_change"),
    [("(7.3)", "(16.2)"), ("7.3", "16.2"), ("(7.3)%", "(16.2)%"), ("7.3%", "16.2%")],
)
def test_the_change_of_a_cost_printed_in_brackets_is_the_cost_s_change(
    tmp_path: Path, cost_change: str, tax_change: str
) -> None:
    """Costs printed in brackets are stored positive; their change follows them whether
    the release prints the change of the bracketed figures ("(7.3)": -98.4 against -91.7)
    or of their sizes ("7.3"): the costs rose."""
    path = _release(tmp_path, _results_summary(cost_change, tax_change), ".txt")
    facts = _facts(path)
    half = "D2024-07-01_2024-12-31"
    assert facts[("DepreciationDepletionAndAmortization", half)] == Decimal("98400000")
    assert facts[("DepreciationDepletionAndAmortizationPercentChange", half)] == Decimal("0.073")
    assert facts[("IncomeTaxExpenseBenefitPercentChange", half)] == Decimal("0.162")
    assert facts[("RevenuesPercentChange", half)] == Decimal("0.066")


@pytest.mark.parametrize(
    "label", ["Stores opened during period", "New stores opened", "Stores closed"]
)
def test_a_movement_of_what_a_business_has_stays_a_duration(tmp_path: Path, label: str) -> None:
    html = _key_metrics_release(label, ("9", "7", "12"))
    facts = _valued(convert(_release(tmp_path, html), ConvertOptions()))
    contexts = {context for (concept, context) in facts if not concept.startswith("Revenue")}
    assert contexts == {
        "D2025-10-01_2025-12-31",
        "D2025-07-01_2025-09-30",
        "D2024-10-01_2024-12-31",
    }


# An IFRS income statement that splits the profit for the period under "Attributable to:".
ATTRIBUTED = """Harbour Group plc interim results for the six months ended 30 June 2025

LONDON, 28 July 2025 - Harbour Group plc (LSE: HBR) announces its interim results.

Condensed consolidated income statement
(GBP million)

\tH1 2025\tH1 2024
Revenue\t812.4\t760.1
Profit before tax\t122.0\t110.0
Income tax expense\t(30.5)\t(27.5)
Profit for the period\t91.5\t82.5
{heading}\t\t
{parent}\t88.0\t80.0
{minority}\t3.5\t2.5
"""


@pytest.mark.parametrize("heading", ["Attributable to:", "Profit for the period attributable to:"])
@pytest.mark.parametrize(
    ("parent", "minority"),
    [
        ("Owners of the parent", "Non-controlling interests"),
        ("Equity holders of the company", "Non-controlling interests"),
        ("Shareholders of the company", "Minority interests"),
    ],
)
def test_rows_finishing_an_attributable_to_heading_split_the_profit(
    tmp_path: Path, heading: str, parent: str, minority: str
) -> None:
    """The profit with its split printed is ProfitLoss; "Owners of the parent" under
    "Attributable to:" is the parent's (NetIncomeLoss), the other the minority's."""
    path = tmp_path / "harbour-2025h1.txt"
    text = ATTRIBUTED.format(heading=heading, parent=parent, minority=minority)
    path.write_text(text, encoding="utf-8")
    facts = _facts(path)
    half = "D2025-01-01_2025-06-30"
    assert facts[("ProfitLoss", half)] == Decimal("91500000")
    assert facts[("NetIncomeLoss", half)] == Decimal("88000000")
    assert facts[("NetIncomeLossAttributableToNoncontrollingInterest", half)] == Decimal("3500000")


COMPREHENSIVE_ATTRIBUTED = (
    ATTRIBUTED.format(
        heading="Profit for the period attributable to:",
        parent="Owners of the parent",
        minority="Non-controlling interests",
    )
    + """Exchange differences on translation of foreign operations\t(7.1)\t4.2
Total comprehensive income for the period\t84.4\t86.7
{heading}\t\t
{parent}\t81.2\t84.0
Non-controlling interests\t3.2\t2.7
"""
)


@pytest.mark.parametrize(
    "heading",
    [
        "Total comprehensive income attributable to:",
        "Total comprehensive income for the period attributable to:",
    ],
)
@pytest.mark.parametrize("parent", ["Owners of the parent", "Owners of the Company"])
def test_rows_finishing_a_comprehensive_income_heading_split_comprehensive_income(
    tmp_path: Path, heading: str, parent: str
) -> None:
    """The same owners' and minority rows under "Total comprehensive income attributable
    to:" split the comprehensive income, not the profit: the whole heading is read with
    the row, not only its last words."""
    path = tmp_path / "harbour-2025h1.txt"
    path.write_text(
        COMPREHENSIVE_ATTRIBUTED.format(heading=heading, parent=parent), encoding="utf-8"
    )
    facts = _facts(path)
    half = "D2025-01-01_2025-06-30"
    assert facts[("NetIncomeLoss", half)] == Decimal("88000000")
    whole = "ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"
    assert facts[(whole, half)] == Decimal("84400000")
    assert facts[("ComprehensiveIncomeNetOfTax", half)] == Decimal("81200000")
    minority = "ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest"
    assert facts[(minority, half)] == Decimal("3200000")


# French wording of a key-figures table: the group's share and net capital expenditure.
GROUP_SHARE = """Groupe Valmorel: H1 2025 results

PARIS, 24 July 2025 - Groupe Valmorel (Euronext: VLM) today published its H1 2025 results.

Key figures
(EUR million)

\tH1 2025\tH1 2024
Revenue\t2,468.3\t2,391.0
{net_income}\t187.9\t171.4
Net cash from operating activities\t248.9\t131.5
{capex}\t-152.1\t-143.8
Free cash flow\t96.8\t-12.3
"""


@pytest.mark.parametrize("net_income", ["Net income, Group share", "Net profit, Group share"])
@pytest.mark.parametrize("capex", ["Capital expenditure, net", "Net capital expenditure"])
def test_the_groups_share_and_net_capital_expenditure(
    tmp_path: Path, net_income: str, capex: str
) -> None:
    """The group's share of net income is the parent's (NetIncomeLoss); net capital
    expenditure printed "-152.1" before free cash flow is a payment of 152.1."""
    path = tmp_path / "valmorel-2025h1.txt"
    path.write_text(GROUP_SHARE.format(net_income=net_income, capex=capex), encoding="utf-8")
    facts = _facts(path)
    half = "D2025-01-01_2025-06-30"
    assert facts[("NetIncomeLoss", half)] == Decimal("187900000")
    assert facts[("PaymentsToAcquirePropertyPlantAndEquipment", half)] == Decimal("152100000")


# --- a key-figures table printed on its side: periods as rows, line items as columns ----

_LARKFIELD = (
    "Larkfield Instruments Reports Fourth Quarter and Full Year 2025 Results",
    "BOSTON, February 18, 2026 -- Larkfield Instruments, Inc. today reported results for"
    " the fourth quarter and year ended December 31, 2025.",
)
# Per shape: the title, the caption, the column headers (line items), and the rows (the
# row label's spellings, then the figures).
_SIDEWAYS: dict[str, tuple[str, str, tuple[str, ...], tuple[tuple[tuple[str, ...], ...], ...]]] = {
    "quarters": (
        "Quarterly Key Figures",
        "(In millions of U.S. dollars, except per share data)",
        ("Revenue", "Gross profit", "Net income", "Diluted EPS"),
        (
            (("Q1 2025", "Q1 FY2025"), ("212.4", "98.1", "18.3", "0.23")),
            (("Q2 2025", "Q2 FY2025"), ("225.8", "105.6", "21.0", "0.26")),
            (("Q3 2025", "Q3 FY2025"), ("238.1", "112.4", "23.5", "0.29")),
            (("Q4 2025", "Q4 FY2025"), ("251.7", "120.3", "26.9", "0.33")),
            (("FY 2025", "FY2025"), ("928.0", "436.4", "89.7", "1.11")),
        ),
    ),
    "spans": (
        "Results by Period",
        "(In millions of U.S. dollars)",
        ("Revenue", "Operating income", "Net income"),
        (
            (
                ("Three months ended December 31, 2025", "Quarter ended Dec. 31, 2025"),
                ("251.7", "40.2", "26.9"),
            ),
            (
                ("Three months ended December 31, 2024", "Quarter ended Dec. 31, 2024"),
                ("221.0", "33.5", "20.4"),
            ),
            (
                ("Twelve months ended December 31, 2025", "Year ended Dec. 31, 2025"),
                ("928.0", "141.8", "89.7"),
            ),
            (
                ("Twelve months ended December 31, 2024", "Year ended Dec. 31, 2024"),
                ("850.3", "120.6", "71.2"),
            ),
        ),
    ),
    "balances": (
        "Financial Position",
        "(In millions of U.S. dollars)",
        ("Cash and cash equivalents", "Total assets", "Total liabilities"),
        (
            (("Dec 31, 2025", "31 December 2025"), ("312.6", "1,009.0", "316.3")),
            (("Sep 30, 2025", "30 September 2025"), ("281.4", "962.5", "322.8")),
            (("Dec 31, 2024", "31 December 2024"), ("248.1", "897.8", "334.7")),
        ),
    ),
}


def _sideways_rows(shape: str, spelling: int, corner: str) -> list[tuple[str, ...]]:
    _, _, items, rows = _SIDEWAYS[shape]
    return [(corner, *items), *((labels[spelling], *figures) for labels, figures in rows)]


def _sideways_text(shape: str, rows: list[tuple[str, ...]], print_: str) -> str:
    title, caption, _, _ = _SIDEWAYS[shape]
    if print_ == "markdown":
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = [
            "| " + " | ".join(f"{c:>{w}}" for c, w in zip(r, widths, strict=True)) + " |"
            for r in rows
        ]
        lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    elif print_ == "tabbed":
        lines = ["\t".join(r) for r in rows]
    else:
        label_width = max(22, *(len(r[0]) + 2 for r in rows))
        lines = [_aligned(r[0], r[1:], label_width, 28) for r in rows]
    return "\n\n".join([*_LARKFIELD, title, caption + "\n\n" + "\n".join(lines)]) + "\n"


def _sideways_html(shape: str, rows: list[tuple[str, ...]]) -> str:
    title, caption, _, _ = _SIDEWAYS[shape]
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in rows[0]) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
    paragraphs = "".join(f"<p>{text}</p>" for text in (*_LARKFIELD, title, caption))
    return f"<html><body>{paragraphs}<table>{head}{body}</table></body></html>"


def _sideways_pdf(shape: str, rows: list[tuple[str, ...]]) -> bytes:
    title, caption, _, _ = _SIDEWAYS[shape]

    def draw(canvas: Canvas, y: float) -> None:
        y -= 60
        canvas.setFont("Helvetica", 8)
        for text in (title, caption):
            canvas.drawString(54, y, text)
            y -= 12
        y -= 6
        rights = [230.0 + 100.0 * i for i in range(len(rows[0]) - 1)]
        for label, *values in rows:
            canvas.drawString(54, y, label)
            for right, value in zip(rights, values, strict=True):
                canvas.drawRightString(right, y, value)
            y -= 11

    headline, dateline = _LARKFIELD
    return drawn_release(headline, (dateline[:70], dateline[70:]), draw)


_SIDEWAYS_FACTS = {
    "quarters": {
        ("Revenues", "D2025-01-01_2025-03-31"): ("212400000", "USD"),
        ("Revenues", "D2025-04-01_2025-06-30"): ("225800000", "USD"),
        ("Revenues", "D2025-07-01_2025-09-30"): ("238100000", "USD"),
        ("Revenues", "D2025-10-01_2025-12-31"): ("251700000", "USD"),
        ("Revenues", "D2025-01-01_2025-12-31"): ("928000000", "USD"),
        ("GrossProfit", "D2025-04-01_2025-06-30"): ("105600000", "USD"),
        ("NetIncomeLoss", "D2025-07-01_2025-09-30"): ("23500000", "USD"),
        ("NetIncomeLoss", "D2025-01-01_2025-12-31"): ("89700000", "USD"),
        ("EarningsPerShareDiluted", "D2025-01-01_2025-03-31"): ("0.23", "USD_per_share"),
        ("EarningsPerShareDiluted", "D2025-01-01_2025-12-31"): ("1.11", "USD_per_share"),
    },
    "spans": {
        ("Revenues", "D2025-10-01_2025-12-31"): ("251700000", "USD"),
        ("Revenues", "D2024-10-01_2024-12-31"): ("221000000", "USD"),
        ("OperatingIncomeLoss", "D2024-10-01_2024-12-31"): ("33500000", "USD"),
        ("NetIncomeLoss", "D2025-10-01_2025-12-31"): ("26900000", "USD"),
        ("Revenues", "D2025-01-01_2025-12-31"): ("928000000", "USD"),
        ("OperatingIncomeLoss", "D2025-01-01_2025-12-31"): ("141800000", "USD"),
        ("NetIncomeLoss", "D2024-01-01_2024-12-31"): ("71200000", "USD"),
    },
    "balances": {
        ("CashAndCashEquivalentsAtCarryingValue", "I2025-12-31"): ("312600000", "USD"),
        ("CashAndCashEquivalentsAtCarryingValue", "I2025-09-30"): ("281400000", "USD"),
        ("Assets", "I2025-09-30"): ("962500000", "USD"),
        ("Assets", "I2024-12-31"): ("897800000", "USD"),
        ("Liabilities", "I2025-12-31"): ("316300000", "USD"),
        ("Liabilities", "I2024-12-31"): ("334700000", "USD"),
    },
}


@pytest.mark.parametrize("print_", ["markdown", "tabbed", "fixed", "html", "pdf"])
@pytest.mark.parametrize("shape", sorted(_SIDEWAYS))
@pytest.mark.parametrize(("spelling", "corner"), [(0, "Period"), (1, "")])
def test_a_table_of_periods_as_rows_and_line_items_as_columns_is_read_turned(
    tmp_path: Path, print_: str, shape: str, spelling: int, corner: str
) -> None:
    """ "Period | Revenue | Gross profit | Net income | Diluted EPS" over rows "Q1 2025" ...
    "FY 2025", or balances under rows of dates: each row label is the period of its
    figures and each column header their line item, in every print."""
    rows = _sideways_rows(shape, spelling, corner)
    if print_ == "pdf":
        path = tmp_path / "release.pdf"
        path.write_bytes(_sideways_pdf(shape, rows))
    elif print_ == "html":
        path = _release(tmp_path, _sideways_html(shape, rows))
    else:
        path = _release(tmp_path, _sideways_text(shape, rows, print_), ".txt")
    facts = _valued(convert(path, ConvertOptions()))
    for key, (value, unit) in _SIDEWAYS_FACTS[shape].items():
        assert facts.get(key) == (Decimal(value), unit), key


def _html_table(rows: list[tuple[str, ...]]) -> str:
    return (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        + "</table>"
    )


@pytest.mark.parametrize(
    ("labels", "segments"),
    [
        (
            ("Three months ended September 30, 2025", "Nine months ended September 30, 2025"),
            ("Industrial", "Healthcare"),
        ),
        (("Q3 2025", "Nine months 2025"), ("Americas", "International")),
    ],
)
def test_segment_groups_over_line_items_with_periods_as_rows_are_members(
    tmp_path: Path, labels: tuple[str, str], segments: tuple[str, str]
) -> None:
    """ "Industrial" spanning "Revenue | Operating income", another segment over the same,
    "Total" over the same, and one row per period: once turned, each segment's figures
    are the line item the taxonomy knows with the segment as member, and the total's the
    line item's own."""
    first, second = segments
    spanned = "".join(
        [
            "<tr><td></td>",
            *(f'<td colspan="2">{name}</td>' for name in (first, second, "Total")),
            "</tr>",
        ]
    )
    items = ("", *(("Revenue", "Operating income") * 3))
    figures = [
        (labels[0], "$ 700.0", "$ 110.0", "$ 300.0", "$ 40.0", "$ 1,000.0", "$ 150.0"),
        (labels[1], "$ 2,050.0", "$ 320.0", "$ 950.0", "$ 130.0", "$ 3,000.0", "$ 450.0"),
    ]
    table = _html_table([items, *figures]).replace("<table>", "<table>" + spanned, 1)
    lead = (
        "<h2>Orrin Corp. Reports Third Quarter 2025 Results</h2>"
        "<p>DENVER, October 29, 2025 -- Orrin Corp. today reported results for the third"
        " quarter ended September 30, 2025.</p>"
        "<p><b>SEGMENT INFORMATION</b></p><p>(In millions) (Unaudited)</p>"
    )
    path = _release(tmp_path, f"<html><body>{lead}{table}</body></html>")
    facts = _facts(path)
    quarter, nine = "D2025-07-01_2025-09-30", "D2025-01-01_2025-09-30"
    assert facts[("Revenues", f"{quarter}_{first}Member")] == Decimal("700000000")
    assert facts[("OperatingIncomeLoss", f"{quarter}_{first}Member")] == Decimal("110000000")
    assert facts[("Revenues", f"{quarter}_{second}Member")] == Decimal("300000000")
    assert facts[("OperatingIncomeLoss", f"{nine}_{second}Member")] == Decimal("130000000")
    assert facts[("Revenues", nine)] == Decimal("3000000000")
    assert facts[("OperatingIncomeLoss", quarter)] == Decimal("150000000")
    assert not any(first in concept or second in concept for concept, _ in facts)


_HIGHLIGHTS_ROWS = [
    ("", "Revenue", "Gross profit", "Net income", "Diluted EPS"),
    ("Q3 2025", "$ 286,418", "$ 221,905", "$ 31,672", "$ 0.42"),
    ("Q3 2024", "$ 242,730", "$ 183,104", "$ 18,241", "$ 0.25"),
    ("Nine months 2025", "$ 817,052", "$ 631,288", "$ 84,915", "$ 1.13"),
]
_BY_TYPE_ROWS = [
    ("", "Subscription", "Professional services", "Total revenue", "Subscription % of total"),
    ("Q3 2025", "$ 260,641", "$ 25,777", "$ 286,418", "91%"),
    ("Q3 2024", "$ 216,029", "$ 26,701", "$ 242,730", "89%"),
    ("Nine months 2025", "$ 741,873", "$ 75,179", "$ 817,052", "91%"),
]


@pytest.mark.parametrize("caption", ["<p>(In thousands) (Unaudited)</p>", ""])
@pytest.mark.parametrize("heading", ["<h3>{}</h3>", "<p><b>{}</b></p>", "<p>{}</p>"])
def test_a_second_table_on_its_side_under_its_own_title_is_a_table_of_its_own(
    tmp_path: Path, heading: str, caption: str
) -> None:
    """Two tables of periods as rows, of the same width, the second under a title of its
    own ("Revenue by Type", with or without "(In thousands)" under it) and without a
    header of periods: it is not the first's continuation (its rows are periods again, no
    line items of the first), and both are read turned."""
    lead = (
        "<h2>Pellinor Software Reports Third Quarter 2025 Results</h2>"
        "<p>AUSTIN, Texas, November 5, 2025 -- Pellinor Software Inc. today announced"
        " results for its third quarter ended September 30, 2025.</p>"
    )
    first = heading.format("Financial Highlights") + "<p>(In thousands, except per share)</p>"
    second = heading.format("Revenue by Type") + caption
    tables = [
        _html_table(rows).replace("td>", "th>", 2 * len(rows[0]))
        for rows in (_HIGHLIGHTS_ROWS, _BY_TYPE_ROWS)
    ]
    body = first + tables[0] + second + tables[1]
    path = _release(tmp_path, f"<html><body>{lead}{body}</body></html>")
    facts = _facts(path)
    quarter, year_ago = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert facts[("Revenues", quarter)] == Decimal("286418000")
    assert facts[("GrossProfit", quarter)] == Decimal("221905000")
    assert facts[("GrossProfit", year_ago)] == Decimal("183104000")
    assert facts[("NetIncomeLoss", "D2025-01-01_2025-09-30")] == Decimal("84915000")
    assert facts[("EarningsPerShareDiluted", "D2025-01-01_2025-09-30")] == Decimal("1.13")
    assert facts[("Revenues", f"{quarter}_SubscriptionMember")] == Decimal("260641000")
    assert facts[("Revenues", f"{year_ago}_ProfessionalServicesMember")] == Decimal("26701000")


# --- a footnote mark on a bare year under a stacked date header ---------------------------


def _marked_year_balance_sheet(mark: str, html: bool) -> str:
    """A balance-sheet extract whose month-and-day header stands over years, the first
    year carrying a footnote mark ("2025¹")."""
    lead = (
        "Larchmont Systems Reports Third Quarter 2025 Results",
        "DALLAS, Oct. 29, 2025 -- Larchmont Systems today reported results for the quarter"
        " ended September 30, 2025.",
        "SELECTED BALANCE SHEET DATA",
        "($ in millions)",
    )
    rows = (
        ("", "September 30,", "December 31,"),
        ("", f"2025{mark}", "2024"),
        ("Cash and cash equivalents", "$ 842.6", "$ 715.3"),
        ("Total assets", "6,418.2", "6,102.5"),
    )
    if html:
        body = "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        paragraphs = "".join(f"<p>{text}</p>" for text in lead)
        return f"<html><body>{paragraphs}<table>{body}</table></body></html>"
    lines = [_aligned(row[0], row[1:], 40, 18) for row in rows]
    return "\n\n".join(lead) + "\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("html", [False, True], ids=["fixed-width", "html"])
@pytest.mark.parametrize(
    "mark", ["\u00b9", "\u00b9\u00b2", "*", "(a)", " (a)", "\u2020", "\u207d\u00b9\u207e"]
)
def test_a_footnote_mark_on_a_year_under_a_date_header_keeps_the_year(
    tmp_path: Path, mark: str, html: bool
) -> None:
    """ "September 30," over "2025¹": the mark refers to a note below the table; the
    column is still September 30, 2025."""
    text = _marked_year_balance_sheet(mark, html)
    facts = _facts(_release(tmp_path, text, ".html" if html else ".txt"))
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2025-09-30")] == Decimal("842600000")
    assert facts[("Assets", "I2025-09-30")] == Decimal("6418200000")
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2024-12-31")] == Decimal("715300000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("6102500000")


# --- restated figures beside the figures first reported ------------------------------------

_RESTATED_LEAD = (
    "Larchmont Systems Reports Third Quarter 2025 Results",
    "DALLAS, Oct. 29, 2025 -- Larchmont Systems today reported results for the third"
    " quarter ended September 30, 2025. Prior-period amounts are presented as restated.",
    "SUMMARY CONSOLIDATED RESULTS",
    "($ in millions)",
)


def _restated_release(headers: tuple[str, ...], html: bool) -> str:
    """A results table printing the prior-year quarter twice (restated and as first
    reported, in `headers`' words) and a later table repeating the restated figures."""
    first = (
        ("", "Q3 2025", f"Q3 2024 {headers[0]}".strip(), f"Q3 2024 {headers[1]}"),
        ("Revenue", "1,248.6", "1,131.4", "1,146.9"),
        ("Net income", "137.0", "101.9", "110.7"),
    )
    second = (
        ("", "Q3 2025", f"Q3 2024 {headers[0]}".strip()),
        ("Net income", "137.0", "101.9"),
        ("Depreciation and amortization", "52.7", "49.6"),
        ("Adjusted EBITDA", "268.4", "221.7"),
    )
    tables = (
        (first, _RESTATED_LEAD[2]),
        (second, "RECONCILIATION OF NET INCOME TO ADJUSTED EBITDA"),
    )
    if html:
        parts = [f"<p>{text}</p>" for text in _RESTATED_LEAD[:2]]
        for rows, title in tables:
            body = "".join(
                "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
            )
            parts.append(f"<p>{title}</p><p>($ in millions)</p><table>{body}</table>")
        return f"<html><body>{''.join(parts)}</body></html>"
    blocks = ["\n\n".join(_RESTATED_LEAD[:2])]
    for rows, title in tables:
        lines = [_aligned(row[0], row[1:], 34, 36) for row in rows]
        blocks.append(f"{title}\n($ in millions)\n\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("html", [False, True], ids=["fixed-width", "html"])
@pytest.mark.parametrize(
    "headers",
    [
        ("(as restated)", "(as reported)"),
        ("As Restated", "As Previously Reported"),
        ("Restated", "Originally reported"),
        ("", "(as previously reported)"),
        ("", "As previously reported"),
        ("(recast)", "(as reported)"),
    ],
)
def test_restated_figures_are_the_periods_and_those_first_reported_a_member(
    tmp_path: Path, headers: tuple[str, str], html: bool
) -> None:
    """The restated figures are what the issuer now reports: the quarter's facts, which a
    later table repeating them agrees with; the superseded figures are the previously
    reported member of the restatement axis, never the quarter's own."""
    path = _release(tmp_path, _restated_release(headers, html), ".html" if html else ".txt")
    conversion = convert(path, ConvertOptions())
    members = {c.id: c.member for c in conversion.facts.contexts}
    facts = {
        (f.concept, f.context): f.value
        for f in conversion.facts.facts
        if f.context.startswith("D2024-07-01_2024-09-30")
    }
    quarter = "D2024-07-01_2024-09-30"
    superseded = [c for c, m in members.items() if m and c.startswith(quarter)]
    assert len(superseded) == 1
    (first_reported,) = superseded
    assert members[first_reported].axis == "RestatementAxis"
    assert facts == {
        ("Revenues", quarter): Decimal("1131400000"),
        ("NetIncomeLoss", quarter): Decimal("101900000"),
        ("AdjustedEbitda", quarter): Decimal("221700000"),
        ("DepreciationDepletionAndAmortization", quarter): Decimal("49600000"),
        ("Revenues", first_reported): Decimal("1146900000"),
        ("NetIncomeLoss", first_reported): Decimal("110700000"),
    }


@pytest.mark.parametrize(
    ("basis", "other"),
    [
        ("As reported", "Non-GAAP"),
        ("Reported", "Non-GAAP"),
        ("GAAP", "Non-GAAP"),
        ("Statutory", "Underlying"),
        ("IFRS", "Adjusted"),
    ],
)
def test_as_reported_beside_non_gaap_figures_stays_the_whole(
    tmp_path: Path, basis: str, other: str
) -> None:
    """ "As reported" (a UK release's "Statutory") names the whole where no restated column
    stands beside it: beside non-GAAP ("Underlying") figures it is the GAAP column, the
    period's own facts; the others are a reporting basis, not a segment."""
    html = (
        f"<html><body><p>{_RESTATED_LEAD[0]}</p><p>{_RESTATED_LEAD[1]}</p>"
        "<p>SUMMARY CONSOLIDATED RESULTS</p><p>($ in millions)</p><table>"
        f"<tr><td></td><td>Q3 2025 {basis}</td><td>Q3 2025 {other}</td></tr>"
        "<tr><td>Operating income</td><td>197.4</td><td>233.0</td></tr></table></body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    contexts = {c.id: c.member for c in conversion.facts.contexts}
    values = {
        (f.value, contexts[f.context].axis if contexts[f.context] else None)
        for f in conversion.facts.facts
        if f.concept == "OperatingIncomeLoss"
    }
    assert values == {(Decimal("197400000"), None), (Decimal("233000000"), "ReportingBasisAxis")}


@pytest.mark.parametrize(
    ("before", "change", "after"),
    [
        ("As previously reported", "Adjustments", "As restated"),
        ("As originally reported", "Restatement adjustment", "Restated"),
        ("Previously reported", "Effect of restatement", "As recast"),
    ],
)
def test_a_restatement_note_splits_first_reported_adjustment_and_restated(
    tmp_path: Path, before: str, change: str, after: str
) -> None:
    """A note printing the figures first reported, the adjustments and the restated
    figures of one period: the restated ones are the period's facts, the others members
    of the restatement axis."""
    html = (
        f"<html><body><p>{_RESTATED_LEAD[0]}</p><p>{_RESTATED_LEAD[1]}</p>"
        "<p>RESTATEMENT OF PRIOR PERIOD</p><p>($ in millions)</p><table>"
        "<tr><td></td><td colspan=3>Three months ended September 30, 2024</td></tr>"
        f"<tr><td></td><td>{before}</td><td>{change}</td><td>{after}</td></tr>"
        "<tr><td>Revenue</td><td>1,146.9</td><td>(15.5)</td><td>1,131.4</td></tr>"
        "</table></body></html>"
    )
    conversion = convert(_release(tmp_path, html), ConvertOptions())
    contexts = {c.id: c.member for c in conversion.facts.contexts}
    revenue = {
        (contexts[f.context].name if contexts[f.context] else None): f.value
        for f in conversion.facts.facts
        if f.concept == "Revenues"
    }
    assert revenue == {
        None: Decimal("1131400000"),
        "PreviouslyReportedMember": Decimal("1146900000"),
        "RestatementAdjustmentMember": Decimal("-15500000"),
    }
    assert {m.axis for m in contexts.values() if m} == {"RestatementAxis"}


# --- negatives printed with a triangle, as Japanese statements print them -----------------

_KAWASE = (
    "Kawase Seiki Co., Ltd. Consolidated Financial Results for the Six Months Ended"
    " September 30, 2025",
    "TOKYO, November 7, 2025 -- Kawase Seiki Co., Ltd. today announced its consolidated"
    " results for the six months ended September 30, 2025.",
)
_BALANCE_DATES = ("As of March 31, 2025", "As of September 30, 2025")
_HALVES = ("Six months ended September 30, 2024", "Six months ended September 30, 2025")
# Each table: its title, its column headers and its rows; "{m}" is the minus mark.
_TRIANGLE_TABLES = (
    (
        "Consolidated Balance Sheets",
        _BALANCE_DATES,
        (
            ("Share capital", "28,450", "28,450"),
            ("Capital surplus", "31,220", "31,220"),
            ("Retained earnings", "262,180", "278,609"),
            ("Treasury shares", "{m}12,408", "{m}15,212"),
            ("Total shareholders' equity", "309,442", "323,067"),
            ("Non-controlling interests", "12,100", "12,640"),
        ),
    ),
    (
        "Consolidated Statements of Cash Flows (summary)",
        _HALVES,
        (
            ("Net cash provided by (used in) operating activities", "41,230", "45,818"),
            ("Net cash provided by (used in) investing activities", "{m}22,415", "{m}24,906"),
            ("Net cash provided by (used in) financing activities", "{m}9,880", "{m}14,960"),
        ),
    ),
)
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _triangle_tables(mark: str) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    return [
        (title, (("", *headers), *((r[0], *(c.format(m=mark) for c in r[1:])) for r in rows)))
        for title, headers, rows in _TRIANGLE_TABLES
    ]


def _triangle_text(mark: str) -> str:
    parts = list(_KAWASE)
    for title, rows in _triangle_tables(mark):
        table = [_aligned(label, cells, 56, 40) for label, *cells in rows]
        parts += [f"{title}\n(Millions of yen)", "\n".join(table)]
    return "\n\n".join(parts)


def _triangle_html(mark: str) -> str:
    parts = [f"<p>{text}</p>" for text in _KAWASE]
    for title, rows in _triangle_tables(mark):
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        parts.append(f"<p>{title}</p><p>(Millions of yen)</p><table>{body}</table>")
    return f"<html><body>{''.join(parts)}</body></html>"


def _triangle_pdf(mark: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(_DEJAVU)))

    def draw(canvas: Canvas, y: float) -> None:
        y -= 50
        for title, rows in _triangle_tables(mark):
            canvas.setFont("DejaVuSans", 9)
            for line in (title, "(Millions of yen)"):
                canvas.drawString(54, y, line)
                y -= 13
            y -= 4
            for label, *cells in rows:
                canvas.setFont("DejaVuSans", 7 if not label else 8)
                canvas.drawString(54, y, label)
                for right, value in zip((430.0, 550.0), cells, strict=True):
                    canvas.drawRightString(right, y, value)
                y -= 12
            y -= 18

    headline, dateline = _KAWASE
    return drawn_release(headline[:70], (dateline[:80], dateline[80:]), draw)


@pytest.mark.parametrize("print_", ["text", "html", "pdf"])
@pytest.mark.parametrize("mark", ["\u25b3", "\u25b2", "\u25b3 "], ids=["white", "black", "spaced"])
def test_a_triangle_before_an_amount_prints_it_negative(
    tmp_path: Path, print_: str, mark: str
) -> None:
    """ "Treasury shares \u25b312,408": the triangle is the minus of Japanese statements. The
    row is a row of amounts (not a header cutting the rows below it from their columns),
    treasury shares are the positive balance equity deducts, and the cash used in
    investing and financing is negative."""
    if print_ == "pdf":
        if not _DEJAVU.exists():
            pytest.skip("no font with the triangles to draw the PDF with")
        path = tmp_path / "release.pdf"
        path.write_bytes(_triangle_pdf(mark))
    elif print_ == "html":
        path = _release(tmp_path, _triangle_html(mark))
    else:
        path = _release(tmp_path, _triangle_text(mark), ".txt")
    facts = _facts(path)
    march, september = "I2025-03-31", "I2025-09-30"
    h1_24, h1_25 = "D2024-04-01_2024-09-30", "D2025-04-01_2025-09-30"
    expected = {
        ("TreasuryStockValue", march): "12408000000",
        ("TreasuryStockValue", september): "15212000000",
        ("StockholdersEquity", september): "323067000000",
        ("MinorityInterest", march): "12100000000",
        ("MinorityInterest", september): "12640000000",
        ("NetCashProvidedByUsedInInvestingActivities", h1_24): "-22415000000",
        ("NetCashProvidedByUsedInInvestingActivities", h1_25): "-24906000000",
        ("NetCashProvidedByUsedInFinancingActivities", h1_25): "-14960000000",
    }
    assert {key: facts.get(key) for key in expected} == {
        key: Decimal(value) for key, value in expected.items()
    }


# --- a trend table headed only by quarter-end dates ------------------------------------

_QUARTER_END_HEADERS = {
    "slashed": ("9/30/25", "6/30/25", "3/31/25", "12/31/24", "9/30/24"),
    "short-month": ("Sep 30, 2025", "Jun 30, 2025", "Mar 31, 2025", "Dec 31, 2024", "Sep 30, 2024"),
    "long-month": (
        "September 30, 2025",
        "June 30, 2025",
        "March 31, 2025",
        "December 31, 2024",
        "September 30, 2024",
    ),
    "iso": ("2025-09-30", "2025-06-30", "2025-03-31", "2024-12-31", "2024-09-30"),
}
_TREND_ROWS = (
    ("Income Statement:", ()),
    ("  Net interest income", ("$ 24,815", "24,102", "23,540", "23,318", "22,905")),
    ("  Net income", ("$ 9,043", "8,244", "8,274", "7,743", "7,924")),
    ("Per Share Data:", ()),
    ("  Earnings per share - diluted", ("$ 0.64", "0.58", "0.58", "0.54", "0.55")),
    ("Period-End Balances:", ()),
    ("  Total deposits", ("2,465,310", "2,441,085", "2,418,720", "2,396,450", "2,372,860")),
)


def _trend_release(headers: tuple[str, ...], keep: tuple[int, ...]) -> str:
    """A bank's release with a trend table whose columns are only dates (`keep` picks
    which of the five quarters it prints)."""
    lines = [
        "Harbor Point Bancorp, Inc. Reports Third Quarter 2025 Earnings",
        "",
        "NEWPORT NEWS, Va., Oct. 23, 2025 -- Harbor Point Bancorp, Inc. today reported net"
        " income for the third quarter of 2025.",
        "",
        "SELECTED FINANCIAL DATA (Unaudited)",
        "",
        _aligned(
            "(Dollars in thousands, except per share data)", tuple(headers[i] for i in keep), 48, 20
        ),
    ]
    for label, cells in _TREND_ROWS:
        lines.append(_aligned(label, tuple(cells[i] for i in keep), 48, 20) if cells else label)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("keep", [(0, 1, 2, 3, 4), (0, 1, 4)], ids=["five", "three"])
@pytest.mark.parametrize("spelling", list(_QUARTER_END_HEADERS))
def test_bare_quarter_end_dates_date_flows_as_the_quarter_they_end(
    tmp_path: Path, spelling: str, keep: tuple[int, ...]
) -> None:
    """Income under "9/30/25" is the quarter ended September 30, 2025; a balance stays at
    the date."""
    text = _trend_release(_QUARTER_END_HEADERS[spelling], keep)
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("InterestIncomeExpenseNet", "D2025-07-01_2025-09-30")] == Decimal("24815000")
    assert facts[("NetIncomeLoss", "D2025-04-01_2025-06-30")] == Decimal("8244000")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("7924000")
    assert facts[("EarningsPerShareDiluted", "D2024-07-01_2024-09-30")] == Decimal("0.55")
    assert facts[("Deposits", "I2025-09-30")] == Decimal("2465310000")
    assert facts[("Deposits", "I2024-09-30")] == Decimal("2372860000")
    if len(keep) == 5:
        assert facts[("NetIncomeLoss", "D2024-10-01_2024-12-31")] == Decimal("7743000")
    assert not any(c.startswith("I") for n, c in facts if n.startswith("NetIn"))


@pytest.mark.parametrize(
    "headers",
    [
        ("12/31/24", "12/31/23", "12/31/22"),
        ("September 30, 2025", "December 31, 2024", "December 31, 2023"),
    ],
    ids=["year-ends", "quarter-and-year-ends"],
)
def test_bare_dates_not_a_quarter_apart_leave_flows_unplaced(
    tmp_path: Path, headers: tuple[str, str, str]
) -> None:
    """Dates spaced otherwise bound no period: balances stay at the dates, flows are listed
    with a reason, never written as balances."""
    text = _trend_release((headers[0], headers[1], "", "", headers[2]), (0, 1, 4))
    converted = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    assert converted.facts is not None
    facts = {f.concept: f.context for f in converted.facts.facts}
    assert set(facts) == {"Deposits"}
    flows = {u.label for u in converted.facts.unmapped if "no period" in u.reason}
    assert flows == {"Net interest income", "Net income", "Earnings per share - diluted"}


# --- a title naming one date for each compared period -----------------------------------

_SALES = "RevenueFromContractWithCustomerExcludingAssessedTax"
_LISTING_LEAD = (
    "Harbor Goods Reports Results",
    "",
    "DAYTON, Ohio, November 20, 2025 -- Harbor Goods, Inc. today reported its results.",
    "",
)
# title, column headers, rows (label and one figure per column), as printed.
_LISTINGS: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = {
    "weeks": (
        "Thirteen Weeks Ended November 1, 2025 and November 2, 2024",
        ("Q3 2025", "Q3 2024"),
        (("Net sales", "1,842,316", "1,731,905"), ("Net income", "118,304", "96,384")),
    ),
    "weeks-years": (
        "Thirteen Weeks Ended November 1, 2025 and November 2, 2024",
        ("2025", "2024"),
        (("Net sales", "1,842,316", "1,731,905"), ("Net income", "118,304", "96,384")),
    ),
    "balance-sheet": (
        "As of June 30, 2025 and December 31, 2024",
        ("2025", "2024"),
        (
            ("Total assets", "9,810,442", "9,402,117"),
            ("Total liabilities", "6,120,390", "5,980,001"),
        ),
    ),
    "three-years": (
        "For the Years Ended December 31, 2025, 2024 and 2023",
        ("2025", "2024", "2023"),
        (("Net sales", "4,210", "3,980", "3,615"), ("Net income", "412", "377", "301")),
    ),
}
# The facts expected, by hand: concept, context, value.
_LISTED_FACTS: dict[str, set[tuple[str, str, Decimal]]] = {
    "weeks": {
        (_SALES, "D2025-08-03_2025-11-01", Decimal("1842316000")),
        (_SALES, "D2024-08-04_2024-11-02", Decimal("1731905000")),
        ("NetIncomeLoss", "D2025-08-03_2025-11-01", Decimal("118304000")),
        ("NetIncomeLoss", "D2024-08-04_2024-11-02", Decimal("96384000")),
    },
    "balance-sheet": {
        ("Assets", "I2025-06-30", Decimal("9810442000")),
        ("Assets", "I2024-12-31", Decimal("9402117000")),
        ("Liabilities", "I2025-06-30", Decimal("6120390000")),
        ("Liabilities", "I2024-12-31", Decimal("5980001000")),
    },
    "three-years": {
        (_SALES, "D2025-01-01_2025-12-31", Decimal("4210000")),
        (_SALES, "D2024-01-01_2024-12-31", Decimal("3980000")),
        (_SALES, "D2023-01-01_2023-12-31", Decimal("3615000")),
        ("NetIncomeLoss", "D2025-01-01_2025-12-31", Decimal("412000")),
        ("NetIncomeLoss", "D2024-01-01_2024-12-31", Decimal("377000")),
        ("NetIncomeLoss", "D2023-01-01_2023-12-31", Decimal("301000")),
    },
}
_LISTED_FACTS["weeks-years"] = _LISTED_FACTS["weeks"]


def _listing_html(case: str, title_in_header: bool) -> str:
    title, headers, rows = _LISTINGS[case]
    statement = "BALANCE SHEETS" if case == "balance-sheet" else "STATEMENTS OF INCOME"
    width = len(headers)
    head = f"<tr><td></td><td colspan='{width}'>{title}</td></tr>" if title_in_header else ""
    head += "<tr><td></td>" + "".join(f"<td>{h}</td>" for h in headers) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    above = "" if title_in_header else f"<p><b>{title}</b></p>"
    lead = "".join(f"<p>{text}</p>" for text in _LISTING_LEAD if text)
    return (
        f"<html><body>{lead}<p><b>HARBOR GOODS, INC.<br>CONDENSED CONSOLIDATED {statement}"
        f"<br>(in thousands of U.S. dollars)</b></p>{above}<table>{head}{body}</table></body></html>"
    )


def _listing_text(case: str, title_in_header: bool) -> str:
    title, headers, rows = _LISTINGS[case]
    statement = "BALANCE SHEETS" if case == "balance-sheet" else "STATEMENTS OF INCOME"
    lines = [*_LISTING_LEAD, "HARBOR GOODS, INC.", f"CONDENSED CONSOLIDATED {statement}"]
    lines += ["(in thousands of U.S. dollars)", ""]
    if title_in_header:
        lines.append(f"\t{title}")
    else:
        lines += [title, ""]
    lines.append("\t".join(("", *headers)))
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("title_in_header", [True, False], ids=["header-row", "above"])
@pytest.mark.parametrize("suffix", [".html", ".txt"])
@pytest.mark.parametrize("case", list(_LISTINGS))
def test_a_title_naming_a_date_for_each_period_dates_each_column_by_its_year(
    tmp_path: Path, case: str, suffix: str, title_in_header: bool
) -> None:
    """The last date the title names is no more each column's than the first: "Q3 2024"
    is the quarter ended November 2, 2024, "Q3 2025" the one ended November 1, 2025."""
    make = _listing_html if suffix == ".html" else _listing_text
    facts = _facts(_release(tmp_path, make(case, title_in_header), suffix))
    found = {(concept, context, value) for (concept, context), value in facts.items()}
    assert _LISTED_FACTS[case] <= found
    expected_contexts = {context for _, context, _ in _LISTED_FACTS[case]}
    listed = {_SALES, "NetIncomeLoss", "Assets", "Liabilities"}
    assert {c for n, c in facts if n in listed} == expected_contexts


# --- a span heading set over part of a run of dated columns in aligned text ---------------

_LABEL_WIDTH = 42
_CELL_WIDTH = 15
_TREND_LEAD = (
    "Harbor Point Financial Reports Third Quarter 2025 Results",
    "",
    "HOLLAND, Mich., October 21, 2025 -- Harbor Point Financial, Inc. today reported"
    " results for the third quarter of 2025.",
    "",
    "CONSOLIDATED STATEMENTS OF INCOME (UNAUDITED)",
    "(Dollars in thousands)",
    "",
)
_QUARTER_ENDS = ("Sep 30, 2025", "Jun 30, 2025", "Mar 31, 2025", "Dec 31, 2024", "Sep 30, 2024")
_SPAN_TREND_ROWS = (
    ("Total revenues", ("$84,862", "$82,767", "$80,595", "$78,880", "$76,606")),
    ("Net income", ("$29,089", "$27,718", "$24,443", "$22,599", "$22,007")),
)


def _heading_line(heads: tuple[tuple[str, int, int, str], ...], width: int) -> str:
    """A header line with each phrase set over columns `first`..`last` (0-based) as a print
    sets it: from the start of the first column's text ("left"), ending with the last
    column ("right"), or centred over them ("centre")."""
    line = [" "] * (_LABEL_WIDTH + _CELL_WIDTH * width)
    for phrase, first, last, place in heads:
        start = _LABEL_WIDTH + _CELL_WIDTH * first + _CELL_WIDTH - len(_QUARTER_ENDS[0])
        end = _LABEL_WIDTH + _CELL_WIDTH * (last + 1)
        if place == "right":
            start = end - len(phrase)
        elif place == "centre":
            start = (start + end - len(phrase)) // 2
        line[start : start + len(phrase)] = phrase
    return "".join(line).rstrip()


def _span_trend_release(
    heads: tuple[tuple[str, int, int, str], ...],
    columns: tuple[str, ...],
    rows: tuple[tuple[str, tuple[str, ...]], ...],
) -> str:
    lines = [_heading_line(heads, len(columns)), _aligned("", columns, _LABEL_WIDTH, _CELL_WIDTH)]
    lines += [_aligned(label, cells, _LABEL_WIDTH, _CELL_WIDTH) for label, cells in rows]
    return "\n".join([*_TREND_LEAD, *lines, ""])


@pytest.mark.parametrize("place", ["centre", "left", "right"])
def test_a_span_heading_over_part_of_five_quarter_ends_heads_them_all(
    tmp_path: Path, place: str
) -> None:
    """ "Three Months Ended" printed over two of five quarter-end dates, with nothing else
    on its line: every date is the end of a quarter, the current and year-ago ones too."""
    first, last = {"centre": (1, 3), "left": (0, 1), "right": (3, 4)}[place]
    text = _span_trend_release(
        (("Three Months Ended", first, last, place),), _QUARTER_ENDS, _SPAN_TREND_ROWS
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    income = {k[1]: v for k, v in facts.items() if k[0] == "NetIncomeLoss"}
    assert income == {
        "D2025-07-01_2025-09-30": Decimal("29089000"),
        "D2025-04-01_2025-06-30": Decimal("27718000"),
        "D2025-01-01_2025-03-31": Decimal("24443000"),
        "D2024-10-01_2024-12-31": Decimal("22599000"),
        "D2024-07-01_2024-09-30": Decimal("22007000"),
    }


@pytest.mark.parametrize("place", ["centre", "left", "right"])
def test_a_span_heading_over_part_of_five_years_heads_them_all(tmp_path: Path, place: str) -> None:
    """ "Six Months Ended June 30," over two of five bare years: each is a first half."""
    first, last = {"centre": (1, 3), "left": (0, 1), "right": (3, 4)}[place]
    years = ("2025", "2024", "2023", "2022", "2021")
    text = _span_trend_release(
        (("Six Months Ended June 30,", first, last, place),), years, _SPAN_TREND_ROWS
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    income = {k[1]: v for k, v in facts.items() if k[0] == "NetIncomeLoss"}
    assert income == {
        "D2025-01-01_2025-06-30": Decimal("29089000"),
        "D2024-01-01_2024-06-30": Decimal("27718000"),
        "D2023-01-01_2023-06-30": Decimal("24443000"),
        "D2022-01-01_2022-06-30": Decimal("22599000"),
        "D2021-01-01_2021-06-30": Decimal("22007000"),
    }


_SIDE_BY_SIDE = {
    # Three quarter ends, then two September ends.
    "three then two": (
        ("Sep 30, 2025", "Jun 30, 2025", "Sep 30, 2024", "Sep 30, 2025", "Sep 30, 2024"),
        (("Three Months Ended", 0, 2, "centre"), ("Nine Months Ended", 3, 4, "centre")),
        (
            "D2025-07-01_2025-09-30",
            "D2025-04-01_2025-06-30",
            "D2024-07-01_2024-09-30",
            "D2025-01-01_2025-09-30",
            "D2024-01-01_2024-09-30",
        ),
    ),
    # Two September ends, then three.
    "two then three": (
        ("Sep 30, 2025", "Sep 30, 2024", "Sep 30, 2025", "Sep 30, 2024", "Sep 30, 2023"),
        (("Three Months Ended", 0, 1, "centre"), ("Nine Months Ended", 2, 4, "centre")),
        (
            "D2025-07-01_2025-09-30",
            "D2024-07-01_2024-09-30",
            "D2025-01-01_2025-09-30",
            "D2024-01-01_2024-09-30",
            "D2023-01-01_2023-09-30",
        ),
    ),
}


@pytest.mark.parametrize("layout", list(_SIDE_BY_SIDE))
def test_two_span_headings_side_by_side_each_head_their_own_dates(
    tmp_path: Path, layout: str
) -> None:
    """ "Three Months Ended" and "Nine Months Ended" centred side by side, each over its
    own run of dates: neither takes the other's columns."""
    dates, heads, contexts = _SIDE_BY_SIDE[layout]
    text = _span_trend_release(heads, dates, _SPAN_TREND_ROWS)
    facts = _facts(_release(tmp_path, text, ".txt"))
    income = {k[1]: v for k, v in facts.items() if k[0] == "NetIncomeLoss"}
    values = ("29089000", "27718000", "24443000", "22599000", "22007000")
    assert income == dict(zip(contexts, map(Decimal, values), strict=True))


# --- footnote letters on cells, placeholders in the first value column, capital labels --

_MARKED_LEAD = (
    "Acme Freight Corporation Reports Third Quarter 2025 Results",
    "DALLAS, October 23, 2025 -- Acme Freight Corporation today reported results for the"
    " third quarter ended September 30, 2025.",
    "Condensed Consolidated Statements of Income (in millions of U.S. dollars, except per"
    " share data)",
)
_RAISED = {
    "sup": "<sup>{}</sup>",
    "bracketed sup": "<sup>({})</sup>",
    "spaced sup": " <sup>{}</sup>",
    "vertical-align span": '<span style="vertical-align: super">{}</span>',
}


@pytest.mark.parametrize("raised", list(_RAISED))
def test_a_raised_footnote_letter_is_a_mark_on_the_cell_not_part_of_the_number(
    tmp_path: Path, raised: str
) -> None:
    """ "141.2<sup>a</sup>", "(56.0)<sup>b</sup>", "24.5%<sup>d</sup>": the letter is a
    footnote mark, whatever it is ("c" is no cents); the figure is the cell's."""
    mark = _RAISED[raised].format
    rows = [
        ("", "Three Months Ended September 30, 2025", "Three Months Ended September 30, 2024"),
        ("Operating revenue", "1,421.6", "1,318.9"),
        ("Fuel and fuel taxes", "141.2" + mark("a"), "158.6" + mark("a")),
        ("Gain on sale of property", "(56.0)" + mark("b"), "(12.4)"),
        ("Net income", "180.1", "160.3"),
        ("Tons per day", "39,812", "38,406" + mark("c")),
        ("Diluted earnings per share", "$ 1.87" + mark("c"), "$ 1.52"),
        ("Effective tax rate", "24.5%" + mark("d"), "23.1%"),
    ]
    conversion = convert(_release(tmp_path, _html_release(*_MARKED_LEAD, rows)), ConvertOptions())
    printed = {(f.source.label, f.context): f.value for f in conversion.facts.facts}
    now, then = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert printed[("Fuel and fuel taxes", now)] == Decimal("141200000")
    assert printed[("Fuel and fuel taxes", then)] == Decimal("158600000")
    assert printed[("Gain on sale of property", now)] == Decimal("-56000000")
    assert printed[("Tons per day", then)] == Decimal("38406")
    assert printed[("Diluted earnings per share", now)] == Decimal("1.87")
    assert printed[("Effective tax rate", now)] == Decimal("0.245")
    assert printed[("Effective tax rate", then)] == Decimal("0.231")
    assert not [f.concept for f in conversion.facts.facts if re.search(r"\d", f.concept)]


def test_a_figure_glued_to_a_letter_in_text_is_reported_not_named(tmp_path: Path) -> None:
    """ "141.2a" in plain text may be a figure and its mark, or not: it is not read, and it
    is listed as not understood, never made part of a line item's name."""
    lines = [
        *_MARKED_LEAD,
        "",
        _aligned("", ("Three Months Ended", "Three Months Ended"), 36, 24),
        _aligned("", ("September 30, 2025", "September 30, 2024"), 36, 24),
        _aligned("Operating revenue", ("1,421.6", "1,318.9"), 36, 24),
        _aligned("Fuel and fuel taxes", ("141.2a", "158.6a"), 36, 24),
        _aligned("Effective tax rate", ("24.5%b", "23.1%"), 36, 24),
        _aligned("Net income", ("180.1", "160.3"), 36, 24),
    ]
    conversion = convert(_release(tmp_path, "\n".join(lines), ".txt"), ConvertOptions())
    listed = {u.text for u in conversion.facts.unmapped if not u.deliberate}
    assert {"141.2a", "158.6a", "24.5%b"} <= listed
    assert not [f.concept for f in conversion.facts.facts if re.search(r"\d", f.concept)]


@pytest.mark.parametrize("placeholder", ["n/m", "nm", "NM", "n.m.", "N/A"])
@pytest.mark.parametrize("print_", ["html", "text"])
def test_a_placeholder_in_the_first_value_column_is_that_columns_cell(
    tmp_path: Path, placeholder: str, print_: str
) -> None:
    """ "Net sales growth | n/m | 7.5%": the placeholder stands where the first year's
    figure would be; it is no word of the label, and the second year's figure is the row's."""
    rows = [
        ("", "Year Ended December 31, 2025", "Year Ended December 31, 2024"),
        ("Net sales", "1,421.6", "1,318.9"),
        ("Net sales growth", placeholder, "7.5%"),
        ("Net income", "180.1", "160.3"),
    ]
    lead = (
        "Acme Freight Corporation Reports Full Year 2025 Results",
        "DALLAS, February 12, 2026 -- Acme Freight Corporation today reported results for"
        " the year ended December 31, 2025.",
        "Consolidated Statements of Income (in millions of U.S. dollars)",
    )
    if print_ == "html":
        path = _release(tmp_path, _html_release(*lead, rows))
    else:
        table = [_aligned(r[0], r[1:], 30, 32) for r in rows]
        path = _release(tmp_path, "\n\n".join(lead) + "\n\n" + "\n".join(table), ".txt")
    conversion = convert(path, ConvertOptions())
    growth = {
        (f.concept, f.context): f.value
        for f in conversion.facts.facts
        if f.source.label == "Net sales growth"
    }
    assert growth == {("NetSalesGrowth", "D2024-01-01_2024-12-31"): Decimal("0.075")}


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("NET CURRENT ASSETS", "NetCurrentAssets"),
        ("TOTAL ASSETS LESS CURRENT LIABILITIES", "TotalAssetsLessCurrentLiabilities"),
        ("Net current assets", "NetCurrentAssets"),
        ("Adjusted EBITDA", "AdjustedEBITDA"),
        ("IPR&D", "IPRD"),
    ],
)
def test_a_label_printed_in_capitals_names_its_concept_in_camel_case(label: str, name: str) -> None:
    """An extension concept from a label in capitals is named as from the same words in
    mixed case; capitals inside a mixed-case label (an acronym) are kept."""
    assert concept_name(label) == name


# --- a statement carried on over the next page under its title, without its headers ----

_HALDEN = (
    "Halden Marine Reports Third Quarter 2025 Results",
    "PORTLAND, Maine, November 4, 2025 -- Halden Marine Inc. today reported results for the"
    " third quarter ended September 30, 2025.",
)
_HALDEN_TITLE = "Condensed Consolidated Statements of Operations"
_HALDEN_CAPTION = "(in thousands of U.S. dollars)"
_HALDEN_HEAD = (("", "Three Months Ended September 30,", ""), ("", "2025", "2024"))
_HALDEN_FIRST = (("Revenue", "84,210", "79,305"), ("Operating income", "12,940", "10,118"))
_HALDEN_SECOND = (
    ("Income before income taxes", "11,620", "8,904"),
    ("Net income", "9,105", "6,877"),
)
_HALDEN_SHEET = (
    ("", "September 30, 2025", "December 31, 2024"),
    ("Cash", "15,402", "12,880"),
    ("Total assets", "241,700", "233,115"),
)


def _halden_html() -> str:
    """The statement in two tables; the second under the page head, the title with
    '(continued)', '(unaudited)' and the caption, with no column headers."""
    return (
        f"<html><body><h1>{_HALDEN[0]}</h1><p>{_HALDEN[1]}</p>"
        f"<p>{_HALDEN_TITLE}</p><p>{_HALDEN_CAPTION}</p>"
        + _html_table([*_HALDEN_HEAD, *_HALDEN_FIRST])
        + f"<p>HALDEN MARINE INC.</p><p>{_HALDEN_TITLE} (continued)</p><p>(unaudited)</p>"
        + f"<p>{_HALDEN_CAPTION}</p>"
        + _html_table(list(_HALDEN_SECOND))
        + f"<p>Condensed Consolidated Balance Sheets</p><p>{_HALDEN_CAPTION}</p>"
        + _html_table(list(_HALDEN_SHEET))
        + "</body></html>"
    )


def _halden_text() -> str:
    """The statement as a text release prints it over a page break: the rest of its rows
    under the title '(continued)' alone, the first columns' headers not repeated."""

    def table(rows: tuple[tuple[str, ...], ...]) -> str:
        return "\n".join(_aligned(label, tuple(values), 40, 20) for label, *values in rows)

    return "\n\n".join(
        [
            *_HALDEN,
            f"{_HALDEN_TITLE}\n{_HALDEN_CAPTION}",
            table((*_HALDEN_HEAD, *_HALDEN_FIRST)),
            f"HALDEN MARINE INC.\n{_HALDEN_TITLE} (continued)\n(unaudited)\n{_HALDEN_CAPTION}",
            table(_HALDEN_SECOND),
            f"Condensed Consolidated Balance Sheets\n{_HALDEN_CAPTION}",
            table(_HALDEN_SHEET),
        ]
    )


def _halden_pdf() -> bytes:
    """The statement's first rows on page one; page two repeats the page head and the
    title with '(continued)', then the rest of the rows with no column headers, then the
    balance sheet under its own title and dates."""

    def lines(canvas: Canvas, y: float, rows: tuple[tuple[str, ...], ...]) -> float:
        for label, *values in rows:
            canvas.drawString(54, y, label)
            for right, value in zip((430.0, 520.0), values, strict=True):
                canvas.drawRightString(right, y, value)
            y -= 12
        return y

    def centred(canvas: Canvas, y: float, texts: tuple[str, ...]) -> float:
        for text in texts:
            canvas.drawCentredString(306, y, text)
            y -= 13
        return y - 8

    def draw(canvas: Canvas, y: float) -> None:
        canvas.setFont("Helvetica", 9)
        y = centred(canvas, y - 60, (_HALDEN_TITLE, _HALDEN_CAPTION))
        canvas.drawCentredString(475, y, _HALDEN_HEAD[0][1])
        y = lines(canvas, y - 12, (*_HALDEN_HEAD[1:], *_HALDEN_FIRST))
        canvas.showPage()
        canvas.setFont("Helvetica", 9)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawCentredString(306, 740, "HALDEN MARINE INC.")
        canvas.setFont("Helvetica", 9)
        y = centred(canvas, 710, (f"{_HALDEN_TITLE} (continued)", "(unaudited)", _HALDEN_CAPTION))
        y = lines(canvas, y, _HALDEN_SECOND)
        y = centred(canvas, y - 30, ("Condensed Consolidated Balance Sheets", _HALDEN_CAPTION))
        lines(canvas, y, _HALDEN_SHEET)

    return drawn_release(_HALDEN[0], (_HALDEN[1][:70], _HALDEN[1][70:]), draw)


@pytest.mark.parametrize("print_", ["text", "html", "pdf"])
def test_a_statement_continued_without_its_headers_keeps_its_periods(
    tmp_path: Path, print_: str
) -> None:
    """The rows under '... (continued)' are the quarter columns' rows; the balance sheet
    after them keeps its own dates."""
    if print_ == "text":
        path = _release(tmp_path, _halden_text(), ".txt")
    elif print_ == "html":
        path = _release(tmp_path, _halden_html())
    else:
        path = tmp_path / "release.pdf"
        path.write_bytes(_halden_pdf())
    facts = _facts(path)
    assert facts[("NetIncomeLoss", "D2025-07-01_2025-09-30")] == Decimal("9105000")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("6877000")
    assert facts[("Revenues", "D2025-07-01_2025-09-30")] == Decimal("84210000")
    assert facts[("Assets", "I2025-09-30")] == Decimal("241700000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("233115000")


# --- a title in the label cell of the header row over periods and a change column -------

_TITLED_LEAD = (
    "Vestfold Industrier ASA - {name} results\n\n"
    "OSLO, 5 February 2026 - Vestfold Industrier ASA today reported results for the {name},"
    " ended {end}.\n\n"
)
_TITLED_ROWS = (
    ("Revenue", "1,284", "1,197", "7%"),
    ("Operating profit", "312", "288", "8%"),
    ("Net income", "212", "188", "13%"),
)
_TITLED_POSITION = (("Total assets", "9,410", "9,120"), ("Total equity", "4,105", "3,990"))


def _titled_table(rows: list[tuple[str, ...]], form: str) -> str:
    """One table in the form asked: tab-separated lines, a pipe table or HTML cells."""
    if form == "html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        return f"<table>{cells}</table>"
    separator = "\t" if form == "tab" else " | "
    return "\n".join(separator.join(row) for row in rows) + "\n\n"


def _titled_release(
    tmp_path: Path, title: str, heads: tuple[str, str], dates: tuple[str, str], form: str
) -> Path:
    """A release whose results table and balance sheet carry a title in the label cell
    of their header rows; `dates` are the balance sheet's columns, the first the end of
    the period reported."""
    name = "third quarter of 2025" if heads[0].startswith("Q") else "full year 2025"
    lead = _TITLED_LEAD.format(name=name, end=dates[0])
    results = _titled_table([(title, *heads, "Change"), *_TITLED_ROWS], form)
    position = _titled_table([("Balance sheet", *dates), *_TITLED_POSITION], form)
    if form == "html":
        paragraphs = "".join(f"<p>{line}</p>" for line in lead.split("\n\n") if line)
        body = f"{paragraphs}<p>(NOK million)</p>{results}<p>(NOK million)</p>{position}"
        return _release(tmp_path, f"<html><body>{body}</body></html>")
    return _release(tmp_path, f"{lead}(NOK million)\n{results}(NOK million)\n{position}", ".txt")


@pytest.mark.parametrize("form", ["tab", "pipe", "html"])
@pytest.mark.parametrize(
    "title", ["Key figures", "Highlights", "Group", "Income statement", "Financial highlights"]
)
def test_a_title_in_the_header_rows_label_cell_over_quarters_and_a_change(
    tmp_path: Path, title: str, form: str
) -> None:
    heads, dates = ("Q3 2025", "Q3 2024"), ("30 Sep 2025", "31 Dec 2024")
    facts = _facts(_titled_release(tmp_path, title, heads, dates, form))
    assert facts[("Revenues", "D2025-07-01_2025-09-30")] == Decimal("1284000000")
    assert facts[("Revenues", "D2024-07-01_2024-09-30")] == Decimal("1197000000")
    assert facts[("NetIncomeLoss", "D2025-07-01_2025-09-30")] == Decimal("212000000")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("188000000")
    assert facts[("Assets", "I2025-09-30")] == Decimal("9410000000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("9120000000")


@pytest.mark.parametrize("form", ["tab", "pipe", "html"])
def test_a_title_in_the_header_rows_label_cell_over_years_and_a_change(
    tmp_path: Path, form: str
) -> None:
    heads, dates = ("2025", "2024"), ("31 Dec 2025", "31 Dec 2024")
    facts = _facts(_titled_release(tmp_path, "Key figures", heads, dates, form))
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == Decimal("1284000000")
    assert facts[("Revenues", "D2024-01-01_2024-12-31")] == Decimal("1197000000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-12-31")] == Decimal("188000000")
    assert facts[("Assets", "I2025-12-31")] == Decimal("9410000000")


@pytest.mark.parametrize(
    ("cells", "header"),
    [
        (("Key figures", "Q3 2025", "Q3 2024", "Change"), True),
        (("Balance sheet", "30 Sep 2025", "31 Dec 2024"), True),
        (("Key figures", "2025", "2024", "Change"), True),
        # A figure where the change column's header would be: a row of data.
        (("Key figures", "2025", "2024", "7%"), False),
        # One period and a change mark say too little for a title's row.
        (("Net income", "Q3 2025", "Change"), False),
    ],
)
def test_a_titled_header_row_is_known_by_its_other_cells(
    cells: tuple[str, ...], header: bool
) -> None:
    row = Row(cells=tuple(Cell(text=text, column=i) for i, text in enumerate(cells)), line=1)
    assert is_header_row(row) is header


# --- a bank's key figures: rates and multiples under a money caption ---------------------

_BANK_LEAD = (
    "Fjordvik Bank ASA - Third quarter 2025 results\n\n"
    "Bergen, 23 October 2025 - Fjordvik Bank ASA today reported results for the third"
    " quarter ended 30 September 2025.\n\n"
    "KEY FIGURES\n"
    "(NOK million, unless otherwise stated)\n"
)


def _bank_key_figures(cost_label: str) -> str:
    rows = [
        "\tQ3 2025\tQ3 2024\tChange",
        "Net interest income\t1,284\t1,197\t7%",
        "Net interest margin\t3.12%\t3.05%\t+7 bps",
        f"{cost_label}\t45\t52\t-7 bps",
        "Return on equity\t13.4%\t12.6%\t+0.8 pp",
        "Loan-to-deposit ratio\t82.4%\t80.1%\t+230 bps",
        "Net stable funding ratio\t131%\t128%\t+3.0 pp",
        "Impaired loans coverage ratio\t1.8x\t1.6x\t+0.2x",
    ]
    return _BANK_LEAD + "\n".join(rows) + "\n"


@pytest.mark.parametrize("print_", ["fixed-width", "html"])
@pytest.mark.parametrize("cost_label", ["Cost of risk (bps)", "Cost of risk (basis points)"])
def test_a_rows_own_rate_or_multiple_decides_over_the_tables_money_caption(
    tmp_path: Path, print_: str, cost_label: str
) -> None:
    """A row whose label names its unit as basis points is a rate in hundredths of a
    percent, not millions of the caption's currency; a change printed as points or as a
    multiple is the difference in the row's own unit, not a percentage; a bank's funding
    ratios and the cover of its impaired loans are measured at the quarter's end."""
    text = _bank_key_figures(cost_label)
    if print_ == "html":
        path = _release(tmp_path, _html(text))
    else:
        path = _release(tmp_path, _fixed(text), ".txt")
    facts = _valued(convert(path, ConvertOptions()))
    quarter, before = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert facts[("InterestIncomeExpenseNet", quarter)] == (Decimal("1284000000"), "NOK")
    assert facts[("CostOfRisk", quarter)] == (Decimal("0.0045"), "pure")
    assert facts[("CostOfRisk", before)] == (Decimal("0.0052"), "pure")
    assert facts[("CostOfRiskChange", quarter)] == (Decimal("-0.0007"), "pure")
    assert facts[("NetInterestMarginChange", quarter)] == (Decimal("0.0007"), "pure")
    assert facts[("ReturnOnEquity", quarter)] == (Decimal("0.134"), "pure")
    assert facts[("ReturnOnEquityChange", quarter)] == (Decimal("0.008"), "pure")
    assert facts[("LoanToDepositRatio", "I2025-09-30")] == (Decimal("0.824"), "pure")
    assert facts[("LoanToDepositRatio", "I2024-09-30")] == (Decimal("0.801"), "pure")
    assert facts[("NetStableFundingRatio", "I2025-09-30")] == (Decimal("1.31"), "pure")
    assert facts[("ImpairedLoansCoverageRatio", "I2025-09-30")] == (Decimal("1.8"), "pure")
    assert facts[("ImpairedLoansCoverageRatio", "I2024-09-30")] == (Decimal("1.6"), "pure")
    changes = {k: v for k, v in facts.items() if k[0].startswith("ImpairedLoansCoverage")}
    assert (Decimal("0.2"), "pure") in changes.values()
    assert not any(k[0].endswith("PercentChange") for k in changes)
    assert not any(unit == "NOK" and "Risk" in concept for (concept, _), (_, unit) in facts.items())


# --- a summary's income statement headed by a bare date, with rows naming their period ---

_QUARTER_ROW_WORDINGS = ("{} - Quarter", "{} (quarter)", "{} - Q3", "{}, current quarter")
_TO_DATE_ROW_WORDINGS = ("{} - YTD", "{} (year to date)", "{}: Year-to-date")


def _bare_date_summary(quarter_row: str, to_date_row: str, quarter_income: str) -> str:
    """A small bank's summary: an income statement under "September 30," and its years,
    ending in rows that name their own period (`quarter_row`, `to_date_row` format the
    line item's name)."""
    rows = (
        ("Total Interest Income", "$ 13,231,101", "$ 11,791,972"),
        ("NET INTEREST INCOME", "9,445,059", "8,905,668"),
        ("INCOME BEFORE TAXES", "$ 4,336,977", "$ 3,975,064"),
        ("Income Tax Expense", "$ (1,243,810)", "$ (1,101,201)"),
        ("NET INCOME", "$ 3,093,167", "$ 2,873,863"),
        (quarter_row.format("Net Income"), f"$ {quarter_income}", "$ 991,297"),
        (quarter_row.format("Earnings Per Share (Basic)"), "$ 0.65", "$ 0.50"),
        (to_date_row.format("Earnings Per Share (Basic)"), "$ 1.77", "$ 1.57"),
    )
    lines = [
        "Valley Ridge Bancorp Announces 2025 3rd Quarter Financial Results",
        "",
        "Valley Ridge Bancorp announced unaudited results for the quarter ending September"
        " 30, 2025.",
        "",
        "STATEMENT OF INCOME AND EXPENSE",
        _aligned("", ("September 30,", ""), 44, 18),
        _aligned("", ("2025", "2024"), 44, 18),
    ]
    lines += [_aligned(label, (a, b), 44, 18) for label, a, b in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("to_date_row", _TO_DATE_ROW_WORDINGS)
@pytest.mark.parametrize("quarter_row", _QUARTER_ROW_WORDINGS)
def test_bare_date_flows_are_the_year_to_date_a_quarter_row_shows(
    tmp_path: Path, quarter_row: str, to_date_row: str
) -> None:
    """ "Net Income - Quarter" prints another figure than the column's net income: the
    column's flows are the nine months to the date; the rows naming their own period are
    the base line items over that period, never instants or concepts named after it."""
    text = _bare_date_summary(quarter_row, to_date_row, "1,127,388")
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("NetIncomeLoss", "D2025-01-01_2025-09-30")] == Decimal("3093167")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-09-30")] == Decimal("2873863")
    assert facts[("InterestIncomeExpenseNet", "D2025-01-01_2025-09-30")] == Decimal("9445059")
    assert facts[("NetIncomeLoss", "D2025-07-01_2025-09-30")] == Decimal("1127388")
    assert facts[("NetIncomeLoss", "D2024-07-01_2024-09-30")] == Decimal("991297")
    assert facts[("EarningsPerShareBasic", "D2025-07-01_2025-09-30")] == Decimal("0.65")
    assert facts[("EarningsPerShareBasic", "D2025-01-01_2025-09-30")] == Decimal("1.77")
    assert facts[("EarningsPerShareBasic", "D2024-01-01_2024-09-30")] == Decimal("1.57")
    assert not any(c.startswith("I") for _, c in facts)


@pytest.mark.parametrize("quarter_row", _QUARTER_ROW_WORDINGS[:2])
def test_bare_date_flows_are_the_quarter_a_quarter_row_agrees_with(
    tmp_path: Path, quarter_row: str
) -> None:
    """The quarter's row prints the column's own net income: the column is the quarter."""
    text = _bare_date_summary(quarter_row, "{} - YTD", "3,093,167").replace(
        "$ 991,297", "$ 2,873,863"
    )
    facts = _facts(_release(tmp_path, text, ".txt"))
    assert facts[("NetIncomeLoss", "D2025-07-01_2025-09-30")] == Decimal("3093167")
    assert facts[("InterestIncomeExpenseNet", "D2024-07-01_2024-09-30")] == Decimal("8905668")
    assert ("InterestIncomeExpenseNet", "D2025-01-01_2025-09-30") not in facts


def test_bare_date_flows_without_agreeing_evidence_stay_unplaced(tmp_path: Path) -> None:
    """A quarter's row and a year-to-date row that both differ from the column's net
    income leave the column's span unproven: its flows keep today's reason."""
    text = _bare_date_summary("{} - Quarter", "{} - YTD", "1,127,388")
    text = text.replace("NET INCOME  ", "NET INCOME  ").replace(
        "Earnings Per Share (Basic) - YTD", "Net Income - YTD"
    )
    converted = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    assert converted.facts is not None
    flows = {u.label for u in converted.facts.unmapped if "no period" in u.reason}
    assert flows == {
        "Total Interest Income",
        "NET INTEREST INCOME",
        "INCOME BEFORE TAXES",
        "Income Tax Expense",
        "NET INCOME",
    }


def test_a_row_naming_its_own_period_is_no_part_of_its_column_s_arithmetic(
    tmp_path: Path,
) -> None:
    """ "Net Income - Quarter" under the year to date's column is the quarter's net
    income: never a total the column's rows should add up to."""
    text = _bare_date_summary("{} - Quarter", "{} - YTD", "1,127,388")
    converted = convert(_release(tmp_path, text, ".txt"), ConvertOptions())
    messages = [f.message for f in converted.report.findings]
    assert not [m for m in messages if "sum of its printed items" in m]


# --- a statement of position stacked under an income statement, no title of its own ---


def _stacked_statements(total_label: str) -> str:
    """An income statement titled with its years, then, after a blank line and the
    years again, balance rows that print no title of their own (one table in text)."""
    lines = [
        "Example Holdings Inc. (NASDAQ: EXHD) reports full year results",
        "",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
        "FOR THE YEARS ENDED DECEMBER 31, 2025 AND 2024",
        "(In thousands of U.S. dollars)",
        "",
        _aligned("", ("2025", "2024"), 30, 14),
        _aligned("Revenue", ("$  4,000", "$  3,600"), 30, 14),
        _aligned("Net income", ("400", "360"), 30, 14),
        "",
        _aligned("", ("2025", "2024"), 30, 14),
        _aligned("Cash and cash equivalents", ("$    500", "$    400"), 30, 14),
        _aligned("Total assets", ("5,000", "4,500"), 30, 14),
        _aligned(total_label, ("3,000", "2,800"), 30, 14),
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("total_label", ["Total liabilities", "Total stockholders' equity"])
def test_balance_rows_stacked_under_an_income_statement_are_instants(
    tmp_path: Path, total_label: str
) -> None:
    """Rows that show a statement of position by themselves (total assets, total
    liabilities or equity) under column headers of their own are that statement, dated
    at the years' ends, though the title above names the years' durations."""
    path = _release(tmp_path, _stacked_statements(total_label), ".txt")
    facts = _facts(path)
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == Decimal("4000000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-12-31")] == Decimal("360000")
    assert facts[("CashAndCashEquivalentsAtCarryingValue", "I2025-12-31")] == Decimal("500000")
    assert facts[("Assets", "I2025-12-31")] == Decimal("5000000")
    assert facts[("Assets", "I2024-12-31")] == Decimal("4500000")
    assert not any(c.startswith("D") and k != "Revenues" and k != "NetIncomeLoss" for k, c in facts)


# --- a row of dates among the figures -----------------------------------------------------


def _debt_rows() -> list[tuple[str, tuple[str, str]]]:
    return [
        ("Principal outstanding", ("$ 500", "$ 400")),
        ("Maturity date", ("3/31/2027", "6/30/2028")),
        ("Carrying amount", ("495", "396")),
    ]


def _debt_table(print_: str) -> str:
    head = "Example Holdings Inc. (NASDAQ: EXHD) reports results"
    if print_ == "html":
        rows = "".join(
            f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, (a, b) in _debt_rows()
        )
        return (
            f"<html><body><p>{head}</p><h2>Debt Summary</h2>"
            "<p>(In thousands of U.S. dollars)</p><table>"
            "<tr><td></td><td>December 31, 2025</td><td>December 31, 2024</td></tr>"
            f"{rows}</table></body></html>"
        )
    lines = [head, "", "DEBT SUMMARY", "(In thousands of U.S. dollars)", ""]
    lines.append(_aligned("", ("December 31,", "December 31,"), 26, 16))
    lines.append(_aligned("", ("2025", "2024"), 26, 16))
    lines.extend(_aligned(label, cells, 26, 16) for label, cells in _debt_rows())
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("print_", ["html", "text"])
def test_a_row_of_later_dates_among_the_figures_does_not_redate_the_columns(
    tmp_path: Path, print_: str
) -> None:
    """ "Maturity date | 3/31/2027 | 6/30/2028" under columns dated 2025 and 2024 is a row
    the table reports, not a header: the rows below it keep their columns' dates."""
    suffix = ".html" if print_ == "html" else ".txt"
    facts = _facts(_release(tmp_path, _debt_table(print_), suffix))
    carrying = {c: v for (k, c), v in facts.items() if k == "CarryingAmount"}
    assert carrying == {"I2025-12-31": Decimal("495000"), "I2024-12-31": Decimal("396000")}


# --- a table of growth rates with bare adjustment columns ------------------------------

_GROWTH_LEAD = (
    "Contoso Foods, Inc. (NYSE: CFI) today reported results for the second quarter ended "
    "June 30, 2025. Net revenue was $4.1 billion."
)
_GROWTH_HEADERS = (
    "Reported % Change, GAAP Measure",
    "Restructuring charges",
    "Litigation settlement",
    "Core % Change, Non-GAAP Measure",
)
_GROWTH_ROWS = (
    ("Net revenue", ("6 %", "\u2014", "\u2014", "6 %")),
    ("Operating profit", ("9 %", "2", "(1)", "10 %")),
    ("Net income", ("12 %", "3", "(1.5)", "13.5 %")),
    ("Net income per common share \u2013 diluted", ("14 %", "3", "(1.5)", "15.5 %")),
)
_GROWTH_WORDING = {
    "title": ("Reconciliation of GAAP and Non-GAAP Information: Growth Rates", ""),
    "stub": ("Reconciliation of GAAP and Non-GAAP Information", "Year over Year % Change"),
}


def _growth_table(print_: str, wording: str) -> str:
    title, stub = _GROWTH_WORDING[wording]
    quarter = "Quarter Ended June 30, 2025"
    if print_ == "html":
        rows = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in (label, *cells)) + "</tr>"
            for label, cells in _GROWTH_ROWS
        )
        heads = "".join(f"<td>{h}</td>" for h in _GROWTH_HEADERS)
        return (
            f"<html><body><p>{_GROWTH_LEAD}</p><p><b>{title}</b></p><table>"
            f'<tr><td></td><td colspan="4">{quarter}</td></tr>'
            f"<tr><td>{stub}</td>{heads}</tr>{rows}</table></body></html>"
        )
    lines = [_GROWTH_LEAD, "", title, ""]
    lines.append("\t".join(("", *[quarter] * 4)))
    lines.append("\t".join(("", *_GROWTH_HEADERS)))
    lines.extend([stub] if stub else [])
    lines.extend("\t".join((label, *cells)) for label, cells in _GROWTH_ROWS)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("wording", sorted(_GROWTH_WORDING))
@pytest.mark.parametrize("print_", ["html", "text"])
def test_bare_adjustments_in_a_growth_rate_table_are_percentage_points(
    tmp_path: Path, print_: str, wording: str
) -> None:
    """ "Restructuring charges 2" between "Reported % Change 9 %" and "Core % Change 10 %"
    under a title or stub naming growth rates is 2 points of operating profit's growth:
    OperatingIncomeLossPercentChange for that member, never 2 dollars of operating profit
    (nor "3" a diluted EPS of 3 dollars)."""
    suffix = ".html" if print_ == "html" else ".txt"
    converted = convert(_release(tmp_path, _growth_table(print_, wording), suffix))
    facts = _valued(converted)
    quarter = "D2025-04-01_2025-06-30"
    restructuring = f"{quarter}_RestructuringChargesMember"
    litigation = f"{quarter}_LitigationSettlementMember"
    core = f"{quarter}_CoreNonGAAPMember"
    pure = "pure"
    expected = {
        ("RevenuesPercentChange", quarter): (Decimal("0.06"), pure),
        ("RevenuesPercentChange", restructuring): (Decimal("0"), pure),
        ("RevenuesPercentChange", litigation): (Decimal("0"), pure),
        ("RevenuesPercentChange", core): (Decimal("0.06"), pure),
        ("OperatingIncomeLossPercentChange", quarter): (Decimal("0.09"), pure),
        ("OperatingIncomeLossPercentChange", restructuring): (Decimal("0.02"), pure),
        ("OperatingIncomeLossPercentChange", litigation): (Decimal("-0.01"), pure),
        ("OperatingIncomeLossPercentChange", core): (Decimal("0.10"), pure),
        ("NetIncomeLossPercentChange", quarter): (Decimal("0.12"), pure),
        ("NetIncomeLossPercentChange", restructuring): (Decimal("0.03"), pure),
        ("NetIncomeLossPercentChange", litigation): (Decimal("-0.015"), pure),
        ("NetIncomeLossPercentChange", core): (Decimal("0.135"), pure),
        ("EarningsPerShareDilutedPercentChange", quarter): (Decimal("0.14"), pure),
        ("EarningsPerShareDilutedPercentChange", restructuring): (Decimal("0.03"), pure),
        ("EarningsPerShareDilutedPercentChange", litigation): (Decimal("-0.015"), pure),
        ("EarningsPerShareDilutedPercentChange", core): (Decimal("0.155"), pure),
    }
    assert {k: v for k, v in facts.items() if k in expected} == expected
    # The only amount is the sentence's revenue: nothing in the table is money or per share.
    amounts = {k: v for k, v in facts.items() if v[1] != pure}
    assert amounts == {("Revenues", quarter): (Decimal("4100000000"), "USD")}


def test_a_growth_reconciliation_of_amounts_keeps_its_amounts(tmp_path: Path) -> None:
    """The control: a table titled growth whose reported and core columns print amounts
    ("Reported, GAAP | Restructuring charges | Core, Non-GAAP | % Change") keeps them as
    amounts; only its "% Change" column is a rate."""
    lines = [
        _GROWTH_LEAD,
        "",
        "Operating Profit Growth Reconciliation (in millions)",
        "",
        "\t".join(("", *["Quarter Ended June 30, 2025"] * 4)),
        "\t".join(("", "Reported, GAAP", "Restructuring charges", "Core, Non-GAAP", "% Change")),
        "\t".join(("Operating profit", "$ 500", "$ 40", "$ 540", "9 %")),
    ]
    facts = _valued(convert(_release(tmp_path, "\n".join(lines) + "\n", ".txt")))
    quarter = "D2025-04-01_2025-06-30"
    assert facts[("OperatingIncomeLoss", quarter)] == (Decimal("500000000"), "USD")
    assert facts[("OperatingIncomeLoss", f"{quarter}_CoreNonGAAPMember")] == (
        Decimal("540000000"),
        "USD",
    )


# --- operating statistics stacked under a statement, under a heading of their own ---------

_UTILITY = (
    "Prairie Valley Energy Reports Third Quarter 2025 Results",
    "SIOUX FALLS, S.D., Oct. 30, 2025 -- Prairie Valley Energy Corp. (NYSE: PVE) today"
    " reported third quarter 2025 results.",
)
_UTILITY_TITLE = "CONSOLIDATED STATEMENTS OF INCOME (Unaudited)"
_UTILITY_CAPTION = "(Millions of dollars, except per share amounts)"
_UTILITY_HEAD = (("", "Three Months Ended"), ("", "September 30,"), ("", "2025", "2024"))
_UTILITY_INCOME = (
    ("Total operating revenues", "1,531.0", "1,447.9"),
    ("Total operating expenses", "1,058.8", "1,020.3"),
    ("Operating income", "472.2", "427.6"),
    ("Net income", "304.7", "271.5"),
)
_UTILITY_STATISTICS = (
    ("Total electric sales", "16,848", "16,403"),
    ("Heating degree days", "38", "52"),
    ("Cooling degree days", "1,184", "1,062"),
)


def _utility_html() -> str:
    """The statistics in the statement's own table: a row of the heading alone, then the
    header rows again."""
    heading = (("OPERATING STATISTICS",),)
    rows = (*_UTILITY_HEAD, *_UTILITY_INCOME, *heading, *_UTILITY_HEAD, *_UTILITY_STATISTICS)
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<html><body><h1>{_UTILITY[0]}</h1><p>{_UTILITY[1]}</p><p><b>{_UTILITY_TITLE}</b></p>"
        f"<p>{_UTILITY_CAPTION}</p><table>{cells}</table></body></html>"
    )


def _utility_pdf() -> bytes:
    """The statistics drawn right under the statement's rows on its page, under a bold
    heading at the labels' edge and the column headers drawn again."""

    def head(canvas: Canvas, y: float) -> float:
        canvas.setFont("Helvetica-Bold", 8.5)
        for _, text in _UTILITY_HEAD[:2]:
            canvas.drawCentredString(395, y, text)
            y -= 11
        for right, year in zip((370.0, 430.0), _UTILITY_HEAD[2][1:], strict=True):
            canvas.drawRightString(right, y, year)
        return y - 12

    def rows(canvas: Canvas, y: float, lines: tuple[tuple[str, ...], ...]) -> float:
        canvas.setFont("Helvetica", 8.5)
        for label, *values in lines:
            canvas.drawString(54, y, label)
            for right, value in zip((370.0, 430.0), values, strict=True):
                canvas.drawRightString(right, y, value)
            y -= 12
        return y

    def draw(canvas: Canvas, y: float) -> None:
        y -= 60
        canvas.setFont("Helvetica-Bold", 9.5)
        canvas.drawString(54, y, _UTILITY_TITLE)
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(54, y - 13, _UTILITY_CAPTION)
        y = rows(canvas, head(canvas, y - 26), _UTILITY_INCOME) - 8
        canvas.setFont("Helvetica-Bold", 9.5)
        canvas.drawString(54, y, "OPERATING STATISTICS")
        rows(canvas, head(canvas, y - 13), _UTILITY_STATISTICS)

    return drawn_release(_UTILITY[0], (_UTILITY[1][:80], _UTILITY[1][80:]), draw)


@pytest.mark.parametrize("print_", ["html", "pdf"])
def test_statistics_under_their_own_heading_are_no_money_of_the_statement(
    tmp_path: Path, print_: str
) -> None:
    """ "OPERATING STATISTICS" and the period headers again under the income statement's
    rows start a table of their own: gigawatt hours and degree days are counted as
    printed, never taken for millions of dollars by the statement's caption."""
    if print_ == "html":
        path = _release(tmp_path, _utility_html())
    else:
        path = tmp_path / "release.pdf"
        path.write_bytes(_utility_pdf())
    facts = _valued(convert(path, ConvertOptions()))
    quarter, prior = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert facts[("NetIncomeLoss", quarter)] == (Decimal("304700000"), "USD")
    assert facts[("OperatingIncomeLoss", prior)] == (Decimal("427600000"), "USD")
    statistics = {k: v for k, v in facts.items() if k[0].endswith(("Sales", "DegreeDays"))}
    assert statistics == {
        ("TotalElectricSales", quarter): (Decimal("16848"), "pure"),
        ("TotalElectricSales", prior): (Decimal("16403"), "pure"),
        ("HeatingDegreeDays", quarter): (Decimal("38"), "pure"),
        ("HeatingDegreeDays", prior): (Decimal("52"), "pure"),
        ("CoolingDegreeDays", quarter): (Decimal("1184"), "pure"),
        ("CoolingDegreeDays", prior): (Decimal("1062"), "pure"),
    }


# --- a fourth-quarter release's bare years beside its quarters, under a dateline caption --
# A Brazilian-style highlights table: "4Q25 | 4Q24 | Var. % | 2025 | 2024 | Var. %" under a
# caption that is the release's opening sentence, with its dateline ("São Paulo, February
# 26, 2026 -") and "fourth quarter of 2025". The years are the whole years, never a quarter
# ending on the dateline's day; the year's change column is the year's.

_DATELINE = (
    "São Paulo, February 26, 2026 – Companhia Exemplo S.A. announces its results for the"
    " fourth quarter of 2025 ({q}) and the fiscal year 2025. Financial information is"
    " presented in millions of Brazilian reais (R$ million), unless otherwise indicated."
)
_QUARTERS_BESIDE_YEARS = {
    "4Q25": ("4Q25", "4Q24"),
    "Q4 2025": ("Q4 2025", "Q4 2024"),
    "Q4/25": ("Q4/25", "Q4/24"),
}
_BESIDE_ROWS = (
    ("Net Revenue", ("12.345,6", "11.234,5", "9,9%", "46.789,0", "43.210,3", "8,3%")),
    ("Net Income", ("1.234,5", "1.100,2", "12,2%", "4.567,8", "4.012,3", "13,8%")),
)
_BALANCE_BESIDE = ("Dec/25", "Dec/24", ("Total assets", ("98.765,4", "91.234,5")))


def _quarters_beside_years(quarters: tuple[str, str], print_: str) -> str:
    headers = ("R$ million", *quarters, "Var. %", "2025", "2024", "Var. %")
    caption = _DATELINE.format(q=quarters[0])
    first, second, (label, cells) = _BALANCE_BESIDE
    if print_ == "html":
        head = "".join(f"<th>{h}</th>" for h in headers)
        body = "".join(
            f"<tr><td>{row}</td>" + "".join(f"<td>{c}</td>" for c in values) + "</tr>"
            for row, values in _BESIDE_ROWS
        )
        return (
            "<html><body><h1>Companhia Exemplo S.A. announces 4Q25 and 2025 results</h1>"
            f"<p>{caption}</p><h2>Financial Highlights</h2><table><tr>{head}</tr>{body}</table>"
            "<h2>Balance Sheet</h2><table><tr><th>R$ million</th>"
            f"<th>{first}</th><th>{second}</th></tr><tr><td>{label}</td>"
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr></table></body></html>"
        )
    lines = [
        "Companhia Exemplo S.A. announces 4Q25 and 2025 results",
        "",
        caption,
        "",
        "Financial Highlights",
        "",
        # No unit in the stub: the opening sentence above is the table's caption.
        _aligned("", headers[1:], 24, 12),
        *(_aligned(row, values, 24, 12) for row, values in _BESIDE_ROWS),
        "",
        "Balance Sheet",
        "",
        _aligned("R$ million", (first, second), 24, 12),
        _aligned(label, cells, 24, 12),
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("print_", ["html", "text"])
@pytest.mark.parametrize("quarters", sorted(_QUARTERS_BESIDE_YEARS))
def test_bare_years_beside_their_quarters_are_whole_years_never_dateline_quarters(
    tmp_path: Path, quarters: str, print_: str
) -> None:
    text = _quarters_beside_years(_QUARTERS_BESIDE_YEARS[quarters], print_)
    suffix = ".html" if print_ == "html" else ".txt"
    facts = _facts(_release(tmp_path, text, suffix))
    assert facts[("Revenues", "D2025-10-01_2025-12-31")] == Decimal("12345600000")
    assert facts[("Revenues", "D2024-10-01_2024-12-31")] == Decimal("11234500000")
    assert facts[("Revenues", "D2025-01-01_2025-12-31")] == Decimal("46789000000")
    assert facts[("Revenues", "D2024-01-01_2024-12-31")] == Decimal("43210300000")
    assert facts[("NetIncomeLoss", "D2025-01-01_2025-12-31")] == Decimal("4567800000")
    assert facts[("NetIncomeLoss", "D2024-01-01_2024-12-31")] == Decimal("4012300000")
    # No period ends on the dateline's day (February 26) of any year.
    assert not [context for _, context in facts if context.endswith("-02-26")]


def _spanned_quarter_under_a_dateline(print_: str) -> str:
    caption = (
        "Curitiba, March 3, 2026 – Exemplo S.A. announces its results for the fourth"
        " quarter of 2025. Figures are presented in millions of Brazilian reais (R$ million)."
    )
    if print_ == "html":
        return (
            "<html><body><h1>Exemplo S.A. announces 4Q25 results</h1>"
            f"<p>{caption}</p><h2>Highlights</h2><table>"
            '<tr><th>R$ million</th><th colspan="2">Fourth Quarter</th></tr>'
            "<tr><th></th><th>2025</th><th>2024</th></tr>"
            "<tr><td>Net Revenue</td><td>1.234,5</td><td>1.100,2</td></tr>"
            "<tr><td>Net Income</td><td>234,5</td><td>200,1</td></tr></table>"
            "<h2>Balance Sheet</h2><table><tr><th>R$ million</th><th>Dec/25</th>"
            "<th>Dec/24</th></tr><tr><td>Total assets</td><td>9.876,4</td><td>9.345,9</td>"
            "</tr></table></body></html>"
        )
    lines = [
        "Exemplo S.A. announces 4Q25 results",
        "",
        caption,
        "",
        "Highlights",
        "",
        _aligned("", ("Fourth Quarter",), 24, 24),
        _aligned("", ("2025", "2024"), 24, 12),
        _aligned("Net Revenue", ("1.234,5", "1.100,2"), 24, 12),
        _aligned("Net Income", ("234,5", "200,1"), 24, 12),
        "",
        "Balance Sheet",
        "",
        _aligned("R$ million", ("Dec/25", "Dec/24"), 24, 12),
        _aligned("Total assets", ("9.876,4", "9.345,9"), 24, 12),
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("print_", ["html", "text"])
def test_a_dateline_in_the_caption_ends_no_quarter(tmp_path: Path, print_: str) -> None:
    """ "Fourth Quarter" over "2025 | 2024" under a caption that opens with the release's
    dateline ("Curitiba, March 3, 2026 -"): the quarters end on December 31 as the balance
    sheet's year does, not three months to March 3."""
    suffix = ".html" if print_ == "html" else ".txt"
    facts = _facts(_release(tmp_path, _spanned_quarter_under_a_dateline(print_), suffix))
    assert facts[("Revenues", "D2025-10-01_2025-12-31")] == Decimal("1234500000")
    assert facts[("Revenues", "D2024-10-01_2024-12-31")] == Decimal("1100200000")
    assert facts[("NetIncomeLoss", "D2025-10-01_2025-12-31")] == Decimal("234500000")
    assert not [context for _, context in facts if context.endswith("-03-03")]


# --- columns grouped by currency and scale; a fiscal year stated in words ----------------

_GROUPED_ROWS = (
    ("Revenue", ("44,490", "40,986", "8.5", "5,076", "4,894", "3.7")),
    ("Net profit", ("7,364", "6,506", "13.2", "840", "777", "8.1")),
)
_GROUPED_HEADS = ("Q2 FY26", "Q2 FY25", "Y-o-Y %") * 2


def _grouped_text(
    sentence: str, rows: tuple[tuple[str, tuple[str, ...]], ...] = _GROUPED_ROWS
) -> str:
    """A fixed-width table whose caption line groups its columns by currency and scale."""
    lines = [
        " " * 24 + f"{'---- ₹ crore ----':^33}{'--- US$ million ---':^33}",
        _aligned("", _GROUPED_HEADS, 24, 11),
        *(_aligned(label, cells, 24, 11) for label, cells in rows),
    ]
    opening = ("INDUS TECHNOLOGIES LIMITED", "", "Bengaluru, October 16, 2025", "", sentence)
    return "\n".join((*opening, "", "Key financial highlights", "", *lines, ""))


def _grouped_html(
    sentence: str, lines: tuple[tuple[str, tuple[str, ...]], ...] = _GROUPED_ROWS
) -> str:
    """The same table in HTML: a header cell spanning each currency's three columns."""
    heads = "".join(f"<td>{h}</td>" for h in _GROUPED_HEADS)
    rows = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in lines
    )
    return (
        "<html><body><p>INDUS TECHNOLOGIES LIMITED</p><p>Bengaluru, October 16, 2025</p>"
        f"<p>{sentence}</p><p>Key financial highlights</p><table>"
        '<tr><td></td><td colspan="3">₹ crore</td><td colspan="3">US$ million</td></tr>'
        f"<tr><td></td>{heads}</tr>{rows}</table></body></html>"
    )


def _by_unit(path: Path) -> set[tuple[str, str, str, Decimal]]:
    """The facts as (concept, context, unit, value): two currencies share each context."""
    converted = convert(path, ConvertOptions())
    return {(f.concept, f.context, f.unit, f.value) for f in converted.facts.facts}


_DATED_YEAR = (
    "Indus Technologies announces results for the second quarter of fiscal 2026 ended"
    " September 30, 2025 (fiscal year ending March 31, 2026)"
)


@pytest.mark.parametrize("render,suffix", [(_grouped_text, ".txt"), (_grouped_html, ".html")])
def test_each_currency_group_scales_the_columns_under_it(
    tmp_path: Path, render: Callable[[str], str], suffix: str
) -> None:
    """ "₹ crore" over three columns and "US$ million" over the next three: the dollar
    figures are millions, not crore as the first unit the headers print."""
    facts = _by_unit(_release(tmp_path, render(_DATED_YEAR), suffix))
    quarter, before = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert ("Revenues", quarter, "INR", Decimal("444900000000")) in facts
    assert ("Revenues", before, "INR", Decimal("409860000000")) in facts
    assert ("Revenues", quarter, "USD", Decimal("5076000000")) in facts
    assert ("Revenues", before, "USD", Decimal("4894000000")) in facts
    assert ("NetIncomeLoss", quarter, "USD", Decimal("840000000")) in facts
    assert ("NetIncomeLoss", quarter, "INR", Decimal("73640000000")) in facts


_EPS_ROW = (("EPS (₹ / US$)", ("17.76", "15.71", "13.0", "0.20", "0.19", "5.3")),)


@pytest.mark.parametrize("render,suffix", [(_grouped_text, ".txt"), (_grouped_html, ".html")])
def test_a_currency_group_names_no_concept(
    tmp_path: Path, render: Callable[..., str], suffix: str
) -> None:
    """A line item keeps one stem in each currency's group: the change columns under "US$
    million" are told apart by the currency's code, never by the group's printed words,
    and a renamed line ("Net profit": NetIncomeLoss) renames both groups' changes alike.
    "EPS (₹ / US$)" is earnings per share in each currency's per-share unit."""
    facts = _by_unit(_release(tmp_path, render(_DATED_YEAR, _GROUPED_ROWS + _EPS_ROW), suffix))
    quarter, before = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    assert ("RevenuesPercentChange", quarter, "pure", Decimal("0.085")) in facts
    assert ("RevenuesPercentChangeInUSD", quarter, "pure", Decimal("0.037")) in facts
    assert ("NetIncomeLossPercentChange", quarter, "pure", Decimal("0.132")) in facts
    assert ("NetIncomeLossPercentChangeInUSD", quarter, "pure", Decimal("0.081")) in facts
    eps = "EarningsPerShareBasicAndDiluted"
    assert (eps, quarter, "INR_per_share", Decimal("17.76")) in facts
    assert (eps, before, "USD_per_share", Decimal("0.19")) in facts
    assert not {f[0] for f in facts if "Us" in f[0] or "Million" in f[0]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Indus Technologies announces results for the quarter ended September 30, 2025 (Q2 FY26)",
        "Indus Technologies announces results for the quarter ended September 30, 2025."
        " The fiscal year ends on March 31.",
        "Indus Technologies announces results for the quarter ended September 30, 2025."
        " Our fiscal year runs from April 1 to March 31.",
        "Indus Technologies announces results for the quarter ended 30 September 2025."
        " The financial year ends on 31 March.",
    ],
)
@pytest.mark.parametrize("render,suffix", [(_grouped_text, ".txt"), (_grouped_html, ".html")])
def test_a_fiscal_year_end_stated_in_words_places_fiscal_labels(
    tmp_path: Path, render: Callable[[str], str], suffix: str, sentence: str
) -> None:
    """ "Q2 FY26" is the quarter to September 30, 2025 where the release says its fiscal
    year ends on March 31, or pairs that quarter's end with the label."""
    facts = _by_unit(_release(tmp_path, render(sentence), suffix))
    assert ("Revenues", "D2025-07-01_2025-09-30", "INR", Decimal("444900000000")) in facts
    assert ("Revenues", "D2024-07-01_2024-09-30", "INR", Decimal("409860000000")) in facts
    assert ("NetIncomeLoss", "D2024-07-01_2024-09-30", "USD", Decimal("777000000")) in facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Indus Technologies announces results for the quarter ended September 30, 2025 (Q2 FY26)",
        "Indus Technologies announces results for the quarter ended September 30, 2025."
        " The fiscal year ends on March 31.",
    ],
)
def test_a_fiscal_half_in_prose_follows_the_stated_fiscal_year(
    tmp_path: Path, sentence: str
) -> None:
    """ "For H1 FY26" in a release whose year ends on March 31 is April to September 2025,
    as the tables read "Q2 FY26": not calendar 2026's first half, which had not ended."""
    text = _grouped_text(sentence) + (
        "\nFor H1 FY26, revenue was ₹88,120 crore (US$10,110 million), a growth of 7.9%.\n"
    )
    facts = _by_unit(_release(tmp_path, text, ".txt"))
    assert ("Revenues", "D2025-04-01_2025-09-30", "INR", Decimal("881200000000")) in facts
    assert ("Revenues", "D2025-04-01_2025-09-30", "USD", Decimal("10110000000")) in facts
