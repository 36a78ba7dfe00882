"""Table understanding on the sample release and on generated layouts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from exporter.ingest.text import read_text
from exporter.periods import Period
from exporter.pipeline import convert
from exporter.tables import understand_tables
from exporter.tables.fiscal import fiscal_quarter_periods
from exporter.tables.headers import find_currency
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable
from exporter.tables.scale import parse_scale
from exporter.taxonomy import load_taxonomy

Q4_2023 = Period(start=date(2023, 10, 1), end=date(2023, 12, 31))
Q4_2024 = Period(start=date(2024, 10, 1), end=date(2024, 12, 31))
FY_2023 = Period(start=date(2023, 1, 1), end=date(2023, 12, 31))
FY_2024 = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


@pytest.fixture(scope="module")
def tables(sample: Path):
    document = read_text(sample.read_text(encoding="utf-8"), sample.name)
    return understand_tables(document, load_taxonomy(), "CNY")


def test_statement_kinds_and_titles(tables) -> None:
    assert [t.kind for t in tables] == [
        "balance_sheet",
        "income_statement",
        "cash_flow",
        "comprehensive_income",
        "non_gaap",
    ]
    assert [len(t.blocks) for t in tables] == [1, 1, 1, 2, 2]
    assert all(t.scale.money == 3 and t.scale.shares == 0 for t in tables)


def test_balance_sheet_columns_are_instants_with_currencies(tables) -> None:
    columns = tables[0].blocks[0].columns
    assert [(c.period, c.currency) for c in columns] == [
        (Period(end=date(2023, 12, 31)), "CNY"),
        (Period(end=date(2024, 12, 31)), "CNY"),
        (Period(end=date(2024, 12, 31)), "USD"),
    ]


def test_spanning_headers_give_durations(tables) -> None:
    columns = tables[1].blocks[0].columns
    assert [(c.period, c.currency) for c in columns] == [
        (Q4_2023, "CNY"),
        (Q4_2024, "CNY"),
        (Q4_2024, "USD"),
        (FY_2023, "CNY"),
        (FY_2024, "CNY"),
        (FY_2024, "USD"),
    ]


def test_misaligned_header_rows_are_aligned(tables) -> None:
    """The comprehensive-income header lacks the leading tab the data rows have."""
    first, second = tables[3].blocks
    assert [c.period for c in first.columns] == [Q4_2023, Q4_2024, Q4_2024]
    assert [c.period for c in second.columns] == [FY_2023, FY_2024, FY_2024]
    assert [c.currency for c in second.columns] == ["CNY", "CNY", "USD"]


def _rows(tables, table: int, label: str):
    return [r for b in tables[table].blocks for r in b.rows if r.label == label]


def test_sections_tell_current_from_noncurrent(tables) -> None:
    current, noncurrent = _rows(tables, 0, "Amounts due from related parties")
    assert current.sections == ("ASSETS", "Current assets:")
    assert noncurrent.sections == ("ASSETS", "Non-current assets:")


def test_subtotal_printed_first_becomes_section(tables) -> None:
    credit, platform = _rows(tables, 1, "Other services fees")
    assert credit.sections == ("Credit driven services",)
    assert platform.sections == ("Platform services",)


def test_basic_and_diluted_sit_under_their_headings(tables) -> None:
    basics = _rows(tables, 1, "Basic")
    assert [b.sections[-1].split(" attributable")[0] for b in basics] == [
        "Net income per ordinary share",
        "Net income per ADS",
        "Weighted average shares used in calculating net income per ordinary share",
    ]


def test_every_number_of_the_sample_tables_is_placed(tables, sample: Path) -> None:
    placed = sum(len(r.cells) for t in tables for b in t.blocks for r in b.rows)
    unplaced = sum(len(t.unplaced) for t in tables)
    assert unplaced == 0
    assert placed == _independent_count(sample)


def _independent_count(path: Path) -> int:
    """Numeric cells of tab-separated lines, counted without the exporter's parser."""
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        cells = [c.strip() for c in line.split("\t")[1:]]
        if any(c.isalpha() for c in cells) or all(c.isdigit() and len(c) == 4 for c in cells if c):
            continue
        count += sum(1 for c in cells if c and (c[0].isdigit() or c[0] in "(-"))
    return count


@pytest.mark.parametrize(
    ("caption", "money", "shares"),
    [
        (
            "(Amounts in thousands of RMB and USD except for number of shares and per share data)",
            3,
            0,
        ),
        ("(in millions, except per share data)", 6, 6),
        (
            "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)",
            6,
            3,
        ),
        ("(In thousands)", 3, 3),
        ("($ in millions)", 6, 6),
        ("(Dollars in billions)", 9, 9),
        ("Unaudited", 0, 0),
    ],
)
def test_scale_from_caption(caption: str, money: int, shares: int) -> None:
    scale = parse_scale(caption)
    assert (scale.money, scale.shares) == (money, shares)


# Units as European, Nordic, Indian and Japanese releases print them: (text, power of
# ten, ISO code).
UNIT_LINES = [
    ("TEUR", 3, "EUR"),
    ("in TEUR", 3, "EUR"),
    ("kEUR", 3, "EUR"),
    ("EURk", 3, "EUR"),
    ("EURm", 6, "EUR"),
    ("MEUR", 6, "EUR"),
    ("MSEK", 6, "SEK"),
    ("SEKbn", 9, "SEK"),
    ("KUSD", 3, "USD"),
    ("in NOK 1000", 3, "NOK"),
    ("(in 1,000 EUR)", 3, "EUR"),
    # Thousands grouped as Swiss releases print them: an apostrophe, a right single quote,
    # a narrow no-break space, a no-break space.
    ("in CHF 1'000", 3, "CHF"),
    ("in CHF 1\u2019000", 3, "CHF"),
    ("in CHF 1\u202f000", 3, "CHF"),
    ("in CHF 1\u00a0000", 3, "CHF"),
    ("EUR 000", 3, "EUR"),
    ("£000", 3, "GBP"),
    ("in $000s", 3, "USD"),
    ("(Rs. in crores)", 7, "INR"),
    ("INR lakhs", 5, "INR"),
    ("(Yen in millions)", 6, "JPY"),
    ("(Dollars in millions)", 6, "USD"),
    ("(Unit: KRW billion)", 9, "KRW"),
    ("(Unit: million yen)", 6, "JPY"),
    ("Unit: NT$ thousand", 3, "TWD"),
    ("[Unit: KRW 100 million]", 8, "KRW"),
    ("(Unit: 100 million won)", 8, "KRW"),
    ("Unit: RMB 10 thousand", 4, "CNY"),
    ("THB million", 6, "THB"),
    ("IDR billion", 9, "IDR"),
]


@pytest.mark.parametrize(("text", "power", "code"), UNIT_LINES, ids=[u[0] for u in UNIT_LINES])
def test_units_printed_as_codes_symbols_and_zeros(text: str, power: int, code: str) -> None:
    assert parse_scale(text).money == power
    assert find_currency(text, load_taxonomy().currencies) == code


@pytest.mark.parametrize("text", ["Europe", "TEURO", "Ms. Smith", "in 2025", "Musdale Ltd"])
def test_words_that_only_look_like_units(text: str) -> None:
    assert parse_scale(text).money == 0
    assert find_currency(text, load_taxonomy().currencies) is None


def test_header_only_years_row_without_label_cell() -> None:
    text = (
        "Statements of Operations\n"
        "(in thousands)\n\n"
        "Three months ended March 31,\t\n"
        "2024\t2025\n"
        "Revenue\t1,000\t1,200\n"
        "Net income\t(50)\t75\n"
    )
    tables = understand_tables(read_text(text, "t.txt"), load_taxonomy(), "USD")
    (table,) = tables
    columns = table.blocks[0].columns
    assert [c.period for c in columns] == [
        Period(start=date(2024, 1, 1), end=date(2024, 3, 31)),
        Period(start=date(2025, 1, 1), end=date(2025, 3, 31)),
    ]
    assert [c.currency for c in columns] == ["USD", "USD"]
    assert [str(c.number.value) for c in table.blocks[0].rows[1].cells] == ["-50", "75"]


@pytest.mark.parametrize(
    ("revenue", "net_income"),
    [
        # An amount, its change and an amount: the second year heads the second amount; the
        # change column has no period of its own.
        ("1,200\t20.0%\t1,000", "75\t(250.0)%\t(50)"),
        # Two years side by side over three amounts: the middle amount may be the first
        # year's or the second's, so no period is guessed for it.
        ("1,200\t1,150\t1,000", "75\t70\t(50)"),
    ],
    ids=["change-column-between", "short-of-the-amounts"],
)
def test_a_row_of_two_years_over_three_columns_dates_only_the_amounts_at_its_ends(
    revenue: str, net_income: str
) -> None:
    """A row of two periods over three value columns: the ends take the two years, the
    middle column no period."""
    text = (
        "Statements of Operations\n"
        "(in thousands)\n\n"
        "\tThree months ended March 31,\n"
        "\t2025\t2024\n"
        f"Revenue\t{revenue}\n"
        f"Net income\t{net_income}\n"
    )
    (table,) = understand_tables(read_text(text, "t.txt"), load_taxonomy(), "USD")
    columns = table.blocks[0].columns
    assert [c.period for c in columns] == [
        Period(start=date(2025, 1, 1), end=date(2025, 3, 31)),
        None,
        Period(start=date(2024, 1, 1), end=date(2024, 3, 31)),
    ]


LEAD_RELEASE = (
    "Condensed Consolidated Statements of Operations\n"
    "(In millions)\n"
    "\n"
    "\tThree Months Ended June 30,\t\n"
    "\t2024\t2023\n"
    "Cost of revenues\t100\t90\n"
    "Research and development\t50\t40\n"
    "\n"
    "(1) Amounts include stock-based compensation expense, as follows:\n"
    "\n"
    "\tThree Months Ended June 30,\t\n"
    "\t2024\t2023\n"
    "Cost of revenues\t10\t9\n"
    "Research and development\t5\t4\n"
)


def test_a_sentence_ending_in_a_colon_above_a_table_is_its_lead() -> None:
    document = read_text(LEAD_RELEASE, "lead.txt")
    statement, footnote = understand_tables(document, load_taxonomy(), "USD")
    assert statement.lead == ""
    assert footnote.lead == "(1) Amounts include stock-based compensation expense, as follows:"
    assert footnote.kind == statement.kind == "income_statement"


def _table_with(headers: list[str]) -> StatementTable:
    """A table printing two quarters, and columns headed only by fiscal-quarter labels."""
    printed = [
        Column(
            position=0,
            header="Three Months Ended July 29, 2023",
            period=Period(start=date(2023, 4, 30), end=date(2023, 7, 29)),
            currency="USD",
        ),
        Column(
            position=1,
            header="Three Months Ended July 30, 2022",
            period=Period(start=date(2022, 5, 1), end=date(2022, 7, 30)),
            currency="USD",
        ),
    ]
    labelled = [
        Column(position=2 + i, header=h, period=None, currency="USD") for i, h in enumerate(headers)
    ]
    block = ColumnBlock(columns=(*printed, *labelled), rows=(), line=1)
    return StatementTable(
        index=1, title="", caption="", kind="other", scale=Scale(), blocks=(block,), line=1
    )


def test_fiscal_quarter_labels_compared_year_over_year_get_the_printed_quarters() -> None:
    periods = fiscal_quarter_periods((_table_with(["Q2 FY24", "Q2 FY23"]),))
    assert periods == {
        "Q2 FY24": Period(start=date(2023, 4, 30), end=date(2023, 7, 29)),
        "Q2 FY23": Period(start=date(2022, 5, 1), end=date(2022, 7, 30)),
    }


def test_a_lone_fiscal_quarter_label_gets_no_period() -> None:
    """Guidance for "Fiscal 2024 Q3" names a quarter the release does not print."""
    assert fiscal_quarter_periods((_table_with(["Fiscal 2024 Q3"]),)) == {}


# --- statement kind from the rows, when the title says nothing ---------------------------

_UNTITLED = (
    "Example Corp. Reports Results\n\n"
    "U.S. dollars in thousands\n\n"
    "\tDecember 31, 2024\tDecember 31, 2023\n"
    "Cash and cash equivalents\t10\t9\n"
    "Total assets\t30\t29\n"
    "Accounts payable\t5\t4\n"
    "Total liabilities\t12\t11\n"
    "Total equity\t18\t18\n\n"
    "U.S. dollars in thousands\n\n"
    "\tYear ended December 31,\t\n"
    "\t2024\t2023\n"
    "Net cash provided by operating activities\t7\t6\n"
    "Net cash used in investing activities\t(2)\t(3)\n"
    "Net cash used in financing activities\t(1)\t(1)\n"
)


def test_untitled_statements_are_known_by_their_rows() -> None:
    document = read_text(_UNTITLED, "untitled.txt")
    kinds = [t.kind for t in understand_tables(document, load_taxonomy(), "USD")]
    assert kinds == ["balance_sheet", "cash_flow"]


def test_rows_without_a_statement_signature_stay_other() -> None:
    text = (
        _UNTITLED.replace("Total liabilities\t12\t11\n", "")
        .replace("Total equity\t18\t18\n", "")
        .replace("Net cash used in investing activities\t(2)\t(3)\n", "")
    )
    kinds = [t.kind for t in understand_tables(read_text(text, "u.txt"), load_taxonomy(), "USD")]
    assert kinds == ["other", "other"]


# Two statements whose scale is printed below each, as a note or as the table's last row:
# the income statement in thousands, the balance sheet in millions.
_NOTED_HEAD = (
    "Kestrel Analytics Announces Fourth Quarter 2025 Results",
    "SEATTLE, Feb. 12, 2026 -- Kestrel Analytics, Inc. today announced results.",
)
_NOTED_TABLES = (
    (
        "Consolidated Statements of Operations",
        ("Three Months Ended December 31, 2025", "Three Months Ended December 31, 2024"),
        (
            ("Total revenue", "$ 284,610", "$ 249,705"),
            ("Net income", "21,052", "18,118"),
            ("Net income per share, diluted", "$ 0.16", "$ 0.14"),
            ("Weighted-average shares used, diluted", "129,552", "127,077"),
        ),
        "All figures in thousands, except per share amounts.",
    ),
    (
        "Condensed Consolidated Balance Sheets",
        ("December 31, 2025", "December 31, 2024"),
        (
            ("Cash and cash equivalents", "$ 684.2", "$ 512.9"),
            ("Total assets", "2,418.9", "2,104.4"),
        ),
        "All figures in millions.",
    ),
)


def _noted_html(last_row: bool) -> str:
    parts = [f"<p>{line}</p>" for line in _NOTED_HEAD]
    for title, (now, then), rows, note in _NOTED_TABLES:
        body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
        if last_row:
            body += f'<tr><td colspan="3">{note}</td></tr>'
        parts.append(f"<h2>{title}</h2><table><tr><th></th><th>{now}</th><th>{then}</th></tr>")
        parts.append(body + "</table>" + ("" if last_row else f"<p>{note}</p>"))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _noted_text() -> str:
    parts = list(_NOTED_HEAD)
    for title, (now, then), rows, note in _NOTED_TABLES:
        lines = [f"{'':<40}{now[-4:]:>12}{then[-4:]:>12}"]
        lines += [f"{a:<40}{b:>12}{c:>12}" for a, b, c in rows]
        heading = title if "Balance" in title else f"{title}\nThree Months Ended December 31,"
        parts += [heading, "\n".join(lines), note]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("form", ["html", "last_row", "txt"])
def test_a_scale_printed_below_a_table_is_its_own(tmp_path: Path, form: str) -> None:
    """ "All figures in thousands, except per share amounts." under the income statement
    scales its amounts and share counts (not the balance sheet below it, whose own note
    says millions); per-share amounts stay as printed."""
    path = tmp_path / ("kestrel-2025q4.txt" if form == "txt" else "kestrel-2025q4.htm")
    path.write_text(_noted_text() if form == "txt" else _noted_html(form == "last_row"))
    # The notes' scales, never a caption above either table.
    facts = convert(path).facts
    assert facts is not None
    ends = {c.id: str(c.period.end) for c in facts.contexts}
    values = {(f.concept, ends[f.context]): f.value for f in facts.facts}
    assert values[("Revenues", "2025-12-31")] == Decimal(284_610_000)
    assert values[("NetIncomeLoss", "2024-12-31")] == Decimal(18_118_000)
    assert values[("EarningsPerShareDiluted", "2025-12-31")] == Decimal("0.16")
    assert values[("WeightedAverageSharesUsedDiluted", "2025-12-31")] == Decimal(129_552_000)
    assert values[("CashAndCashEquivalentsAtCarryingValue", "2025-12-31")] == Decimal(684_200_000)
    assert values[("Assets", "2024-12-31")] == Decimal(2_104_400_000)
