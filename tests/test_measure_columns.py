"""Reconciliations whose columns are measures: "EBITDA | EBIT | Net income | EPS".

Many non-GAAP reconciliations turn the statement on its side: each column is a measure
(money in millions, and one per-share column, often printed in cents), each row an item
that bridges the reported measure to the adjusted one. A PDF stacks a long measure name
over its own column ("EPS / (Diluted / US cents)") while the period spans the group. What
the column's header says about its figures is the column's: a per-share column in cents
gives per-share facts in dollars, and its neighbours stay money in the table's scale,
even in a row whose label lists every measure ("Adjusted EBITDA, EBIT, Net income and
EPS").
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_ingest_pdf import Page, build_pdf

from exporter.options import ConvertOptions
from exporter.pipeline import convert

SIZE = 8.0
_MONEY = ("EBITDA", "EBIT", "Net Income")
# Item, then per period: EBITDA, EBIT, net income ($ million), EPS (US cents).
_ROWS = (
    ("Net income attributable to Calderon", ("181", "181", "181", "12.3")),
    ("Tax expense", ("68", "68", "", "")),
    ("Interest expense, net", ("70", "70", "", "")),
    ("Depreciation and amortization", ("144", "", "", "")),
    ("EBITDA, EBIT, Net income and EPS", ("463", "319", "181", "12.3")),
    ("Restructuring charges", ("66", "66", "66", "4.5")),
    ("Adjusted EBITDA, EBIT, Net income and EPS", ("529", "385", "247", "16.8")),
)


def _columns(eps_first: bool) -> list[str]:
    return ["EPS", *_MONEY] if eps_first else [*_MONEY, "EPS"]


def _reconciliation(eps_first: bool) -> Page:
    """One period group of four measure columns, the per-share name stacked over three
    lines above its own column only."""
    page = Page()
    page.text(60, 60, "Calderon Packaging reports fourth quarter 2025 results", 10)
    page.text(60, 74, "ZURICH, January 29, 2026 -- Calderon Packaging plc today reported.", SIZE)
    page.text(60, 110, "Reconciliation of Non-GAAP Measures", 10)
    names = _columns(eps_first)
    rights = [330 + 60 * i for i in range(len(names))]
    page.centred(
        (rights[0] + rights[-1]) / 2 - 12, 130, "Three Months Ended December 31, 2025", SIZE
    )
    for right, name in zip(rights, names, strict=True):
        if name == "EPS":
            page.right(right, 142, "EPS", SIZE)
            page.right(right, 151, "(Diluted", SIZE)
            page.right(right, 160, "US", SIZE)
            page.right(right, 168, "cents)", SIZE)
        else:
            page.right(right, 168, name, SIZE)
    page.text(60, 168, "($ million)", SIZE)
    for i, (label, values) in enumerate(_ROWS):
        y = 182 + i * 12
        page.text(60, y, label, SIZE)
        ordered = (values[3], *values[:3]) if eps_first else values
        for right, value in zip(rights, ordered, strict=True):
            if value:
                page.right(right, y, value, SIZE)
    return page


@pytest.mark.parametrize("eps_first", [False, True], ids=["eps-last", "eps-first"])
def test_measure_columns_keep_their_own_units_and_scales(tmp_path: Path, eps_first: bool) -> None:
    path = tmp_path / "calderon-2025q4.pdf"
    path.write_bytes(build_pdf([_reconciliation(eps_first)]))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: c for c in conversion.facts.contexts}
    printed: dict[tuple[str, str], tuple[Decimal, str]] = {}
    for fact in conversion.facts.facts:
        member = contexts[fact.context].member
        key = (fact.source.label, member.label if member else "")
        printed[key] = (fact.value, fact.unit)

    def value(label: str, measure: str) -> tuple[Decimal, str]:
        hits = [v for (row, member), v in printed.items() if row == label and measure in member]
        assert len(hits) == 1, (label, measure, sorted(printed))
        return hits[0]

    adjusted = "Adjusted EBITDA, EBIT, Net income and EPS"
    assert value(adjusted, "EBITDA") == (Decimal("529000000"), "USD")
    assert value(adjusted, "Net Income") == (Decimal("247000000"), "USD")
    assert value(adjusted, "EPS") == (Decimal("0.168"), "USD_per_share")
    assert value("Net income attributable to Calderon", "EPS") == (
        Decimal("0.123"),
        "USD_per_share",
    )
    assert value("Restructuring charges", "EPS") == (Decimal("0.045"), "USD_per_share")
    # The stacked per-share name heads its own column only.
    members = {m for _, m in printed}
    assert not any("EPS" in m and "EBIT" in m for m in members), members


# --- a reconciliation matrix: measures as columns, GAAP, adjustments, non-GAAP as rows ---

_MEASURES = ("Gross profit", "Operating income", "Net income", "Diluted EPS")
# Row, then per measure; the figures are in thousands but EPS.
_MATRIX = (
    ("{gaap}", ("$137,950", "$8,720", "$10,450", "$0.16")),
    ("Stock-based compensation expense", ("4,120", "28,430", "28,430", "0.44")),
    ("Income tax effect of non-GAAP adjustments", ("—", "—", "(6,980)", "(0.11)")),
    ("{non_gaap}", ("$142,070", "$37,150", "$31,900", "$0.49")),
)
_PERIOD = "Three Months Ended December 31, 2025"
_VERIDIAN = (
    "Veridian Cloud Reports Fourth Quarter 2025 Results",
    "AUSTIN, Texas, February 10, 2026 -- Veridian Cloud Systems, Inc. today reported results"
    " for the fourth quarter ended December 31, 2025.",
    "Reconciliation of GAAP to Non-GAAP Financial Measures",
    "(in thousands, except per share data)",
)


def _matrix_rows(gaap: str, non_gaap: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(label.format(gaap=gaap, non_gaap=non_gaap), cells) for label, cells in _MATRIX]


def _matrix_html(gaap: str, non_gaap: str) -> str:
    head = "<tr><th></th>" + "".join(f"<th>{m}</th>" for m in _MEASURES) + "</tr>"
    period = f'<tr><td colspan="5">{_PERIOD}</td></tr>'
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in _matrix_rows(gaap, non_gaap)
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in _VERIDIAN)
    return f"<html><body>{paragraphs}<table>{head}{period}{body}</table></body></html>"


def _matrix_text(gaap: str, non_gaap: str) -> str:
    lines = ["\t" + "\t".join(_MEASURES), _PERIOD + "\t" * len(_MEASURES)]
    lines += ["\t".join((label, *cells)) for label, cells in _matrix_rows(gaap, non_gaap)]
    return "\n\n".join(_VERIDIAN) + "\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("print_", ["html", "tabbed"])
@pytest.mark.parametrize(
    ("gaap", "non_gaap"),
    [("GAAP", "Non-GAAP"), ("As reported", "Adjusted"), ("GAAP", "Non-GAAP (1)")],
)
def test_a_matrix_of_measures_by_basis_names_each_cell_by_its_row_and_column(
    tmp_path: Path, print_: str, gaap: str, non_gaap: str
) -> None:
    """The "GAAP" row's cells are the statement's line items, the "Non-GAAP" row's the
    non-GAAP measures of the same names, for the section's period; the adjustments in
    between adjust each measure by its own amount, which the taxonomy has no concept for,
    so they are listed as not understood and never members of an axis of measures."""
    if print_ == "html":
        path = tmp_path / "veridian-2025q4.html"
        path.write_text(_matrix_html(gaap, non_gaap), encoding="utf-8")
    else:
        path = tmp_path / "veridian-2025q4.txt"
        path.write_text(_matrix_text(gaap, non_gaap), encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    quarter = "D2025-10-01_2025-12-31"
    facts = {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}
    assert facts[("GrossProfit", quarter)] == (Decimal("137950000"), "USD")
    assert facts[("OperatingIncomeLoss", quarter)] == (Decimal("8720000"), "USD")
    # A reconciliation's "Net income" with no statement beside it is the profit as a whole.
    net = facts.get(("NetIncomeLoss", quarter)) or facts.get(("ProfitLoss", quarter))
    assert net == (Decimal("10450000"), "USD")
    assert facts[("EarningsPerShareDiluted", quarter)] == (Decimal("0.16"), "USD_per_share")
    assert facts[("NonGaapGrossProfit", quarter)] == (Decimal("142070000"), "USD")
    assert facts[("NonGaapOperatingIncome", quarter)] == (Decimal("37150000"), "USD")
    assert facts[("NonGaapNetIncome", quarter)] == (Decimal("31900000"), "USD")
    assert facts[("NonGaapEarningsPerShareDiluted", quarter)] == (
        Decimal("0.49"),
        "USD_per_share",
    )
    assert not any(c.member for c in conversion.facts.contexts)
    adjustments = [
        u for u in conversion.facts.unmapped if u.label == "Stock-based compensation expense"
    ]
    assert sorted(u.text for u in adjustments) == ["0.44", "28,430", "28,430", "4,120"]
    assert all("one concept per adjustment" in u.reason for u in adjustments)


# --- a bank's average balances, interest and yields/rates: measures of each line ---

_BANK = (
    "Harbor Point Bancorp Reports Third Quarter 2025 Results",
    "HARBOR POINT, Mich., Oct. 22, 2025 -- Harbor Point Bancorp, Inc. today reported net"
    " income of $4.2 million for the third quarter of 2025.",
    "AVERAGE BALANCES, INTEREST AND YIELDS/RATES",
    "(Dollars in thousands)",
)
_QUARTER = "Three Months Ended September 30,"
# Sub-column headers of each period, as two stacked lines: three measures, or two.
_SUBHEADERS = {
    "balance-interest-rate": (("Average", "Balance"), ("", "Interest"), ("Yield/", "Rate")),
    "income-expense-cost": (
        ("Average", "Balance"),
        ("Interest", "Income/Expense"),
        ("Average", "Yield/Cost"),
    ),
    "balance-yield": (("Average", "Balance"), ("", "Yield")),
}
# Per row: average balance, interest, rate for 2025, then for 2024; "%" on the first row
# only, as most banks print it.
_BANK_ROWS = (
    ("Loans", ("$812,450", "$12,731", "6.22%", "$768,210", "$11,904", "6.16%")),
    ("Investment securities", ("201,330", "1,642", "3.24", "215,880", "1,598", "2.94")),
    ("Interest-bearing deposits", ("702,115", "5,012", "2.83", "668,340", "4,881", "2.90")),
    ("Net interest income", ("", "$9,361", "", "", "$8,621", "")),
    ("Net interest margin", ("", "", "3.66", "", "", "3.48")),
)


def _bank_rows(measures: int) -> list[tuple[str, list[str]]]:
    """The rows with the cells of the columns printed: all three, or balance and rate."""
    keep = (0, 1, 2, 3, 4, 5) if measures == 3 else (0, 2, 3, 5)
    rows = [(label, [cells[i] for i in keep]) for label, cells in _BANK_ROWS]
    return [(label, cells) for label, cells in rows if any(cells)]


def _bank_html(subheaders: tuple[tuple[str, str], ...]) -> str:
    width = len(subheaders)
    periods = "".join(
        f'<td colspan="{width}">Three Months Ended September 30, {year}</td>'
        for year in (2025, 2024)
    )
    names = "".join(f"<td>{' '.join(h).strip()}</td>" for h in subheaders) * 2
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in _bank_rows(width)
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in _BANK)
    table = f"<table><tr><td></td>{periods}</tr><tr><td></td>{names}</tr>{body}</table>"
    return f"<html><body>{paragraphs}{table}</body></html>"


def _bank_text(subheaders: tuple[tuple[str, str], ...]) -> str:
    """Space-aligned columns 16 wide, numbers and sub-headers right-aligned; each year
    centred over its period's columns, the period heading over all of them."""
    label, column = 30, 16
    rows = _bank_rows(len(subheaders))
    group = column * len(subheaders)
    # Each group's printed stretch: from its first column's widest cell to its end.
    widest = max(len(t) for t in (*subheaders[0], *(cells[0] for _, cells in rows)))
    stretches = [(label + k * group + column - widest, label + (k + 1) * group) for k in (0, 1)]

    def centred(text: str, start: int, end: int) -> str:
        return " " * (start + (end - start - len(text)) // 2) + text

    years = centred("2025", *stretches[0])
    years += centred("2024", *stretches[1])[len(years) :]
    lines = [centred(_QUARTER, stretches[0][0], stretches[1][1]), years]
    for line in (0, 1):
        words = "".join(h[line].rjust(column) for h in subheaders) * 2
        lines.append(" " * label + words)
    for name, cells in rows:
        lines.append(name.ljust(label) + "".join(c.rjust(column) for c in cells))
    return "\n\n".join(_BANK) + "\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("print_", ["html", "fixed-width"])
@pytest.mark.parametrize("subheaders", sorted(_SUBHEADERS))
def test_average_balances_interest_and_yields_are_measures_of_each_line(
    tmp_path: Path, print_: str, subheaders: str
) -> None:
    """Under each period, "Average Balance | Interest | Yield/Rate" are three measures of
    every line: each its own fact of the line's name and the measure's, never the
    balance-sheet line itself nor a member of an axis. The rate column holds percentages
    where no "%" is printed; a row printed only under "Interest" or "Yield/Rate" is that
    line item itself ("Net interest income", "Net interest margin")."""
    headers = _SUBHEADERS[subheaders]
    if print_ == "html":
        path = tmp_path / "harborpoint-2025q3.html"
        path.write_text(_bank_html(headers), encoding="utf-8")
    else:
        path = tmp_path / "harborpoint-2025q3.txt"
        path.write_text(_bank_text(headers), encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    q3, prior = "D2025-07-01_2025-09-30", "D2024-07-01_2024-09-30"
    facts = {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}
    assert facts[("LoansAverageBalance", q3)] == (Decimal("812450000"), "USD")
    assert facts[("LoansAverageBalance", prior)] == (Decimal("768210000"), "USD")
    assert facts[("LoansYieldRate", q3)] == (Decimal("0.0622"), "pure")
    assert facts[("InvestmentSecuritiesYieldRate", q3)] == (Decimal("0.0324"), "pure")
    assert facts[("InterestBearingDepositsAverageBalance", prior)] == (
        Decimal("668340000"),
        "USD",
    )
    assert facts[("InterestBearingDepositsYieldRate", prior)] == (Decimal("0.0290"), "pure")
    assert facts[("NetInterestMargin", q3)] == (Decimal("0.0366"), "pure")
    assert facts[("NetInterestMargin", prior)] == (Decimal("0.0348"), "pure")
    if len(headers) == 3:
        assert facts[("LoansInterest", q3)] == (Decimal("12731000"), "USD")
        assert facts[("InvestmentSecuritiesInterest", prior)] == (Decimal("1598000"), "USD")
        assert facts[("InterestIncomeExpenseNet", q3)] == (Decimal("9361000"), "USD")
        assert facts[("InterestIncomeExpenseNet", prior)] == (Decimal("8621000"), "USD")
    assert not any(c.member for c in conversion.facts.contexts)
    assert not {"Loans", "InvestmentSecurities", "InterestBearingDeposits"} & {
        concept for concept, _ in facts
    }


# --- the same matrix whose rows name the reported figures, each adjustment and a basis ---

_ITEMS = ("Gross profit", "Operating income", "Diluted EPS")
# Per period (2025, then 2024): the row, then one cell per line item.
_BASES = (
    (
        ("GAAP results", ("$137,950", "$8,720", "$0.16")),
        ("Restructuring charges", ("4,120", "28,430", "0.44")),
        ("Non-GAAP results", ("$142,070", "$37,150", "$0.60")),
    ),
    (
        ("GAAP results", ("$120,310", "$6,540", "$0.12")),
        ("Restructuring charges", ("2,200", "11,860", "0.18")),
        ("Non-GAAP results", ("$122,510", "$18,400", "$0.30")),
    ),
)
_YEARS = ("Three Months Ended December 31, 2025", "Three Months Ended December 31, 2024")
_HEADING = "Items affecting comparability"


def _bases_html(periods: int, transposed: bool) -> str:
    """Line items as columns under each period and bases as rows (`transposed`), or the
    same figures with line items as rows and the bases as columns."""
    names = (_ITEMS if transposed else tuple(label for label, _ in _BASES[0])) * periods
    width = len(names) // periods
    spans = "".join(f'<td colspan="{width}">{y}</td>' for y in _YEARS[:periods])
    head = "<tr><td></td>" + spans + "</tr><tr><td></td>"
    head += "".join(f"<td>{n}</td>" for n in names) + "</tr>"
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in _basis_rows(periods, transposed)
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in _VERIDIAN)
    return f"<html><body>{paragraphs}<table>{head}{body}</table></body></html>"


def _basis_rows(periods: int, transposed: bool) -> list[tuple[str, tuple[str, ...]]]:
    if transposed:
        rows = [
            (label, tuple(c for p in range(periods) for c in _BASES[p][r][1]))
            for r, (label, _) in enumerate(_BASES[0])
        ]
        return [rows[0], (_HEADING, ()), *rows[1:]]
    return [
        (item, tuple(_BASES[p][r][1][i] for p in range(periods) for r in range(3)))
        for i, item in enumerate(_ITEMS)
    ]


def _bases_text(periods: int, transposed: bool) -> str:
    names = _ITEMS if transposed else tuple(label for label, _ in _BASES[0])
    width = len(names)
    lines = ["".join("\t" + y + "\t" * (width - 1) for y in _YEARS[:periods])]
    lines.append("\t" + "\t".join(names * periods))
    lines += ["\t".join((label, *cells)) for label, cells in _basis_rows(periods, transposed)]
    return "\n\n".join(_VERIDIAN) + "\n\n" + "\n".join(lines) + "\n"


def _member_facts(path: Path) -> set[tuple[str, str, str, Decimal]]:
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: c for c in conversion.facts.contexts}
    found = set()
    for fact in conversion.facts.facts:
        context = contexts[fact.context]
        member = f"{context.member.axis}={context.member.name}" if context.member else ""
        found.add((fact.concept, context.period.end.isoformat(), member, fact.value))
    return found


@pytest.mark.parametrize("print_", ["html", "tabbed"])
@pytest.mark.parametrize("periods", [1, 2])
@pytest.mark.parametrize("transposed", [True, False], ids=["items-as-columns", "items-as-rows"])
def test_a_matrix_of_line_items_by_reported_adjusted_and_non_gaap_rows(
    tmp_path: Path, print_: str, periods: int, transposed: bool
) -> None:
    """Line items as columns and "GAAP results | adjustments | Non-GAAP results" as rows
    (under one period or two) give each cell its column's line item, on the basis its row
    names: the reported row is the line item itself, every other row a member named after
    its label, exactly as the same figures printed the other way round give."""
    name = f"veridian-2025q4.{'html' if print_ == 'html' else 'txt'}"
    path = tmp_path / name
    writer = _bases_html if print_ == "html" else _bases_text
    path.write_text(writer(periods, transposed), encoding="utf-8")
    facts = _member_facts(path)
    basis = "ReportingBasisAxis=NonGAAPResultsMember"
    charges = "StatementBusinessSegmentsAxis=RestructuringChargesMember"
    expected = {
        ("GrossProfit", "2025-12-31", "", Decimal("137950000")),
        ("GrossProfit", "2025-12-31", charges, Decimal("4120000")),
        ("GrossProfit", "2025-12-31", basis, Decimal("142070000")),
        ("OperatingIncomeLoss", "2025-12-31", "", Decimal("8720000")),
        ("OperatingIncomeLoss", "2025-12-31", charges, Decimal("28430000")),
        ("OperatingIncomeLoss", "2025-12-31", basis, Decimal("37150000")),
        ("EarningsPerShareDiluted", "2025-12-31", "", Decimal("0.16")),
        ("EarningsPerShareDiluted", "2025-12-31", charges, Decimal("0.44")),
        ("EarningsPerShareDiluted", "2025-12-31", basis, Decimal("0.60")),
    }
    if periods == 2:
        expected |= {
            ("GrossProfit", "2024-12-31", "", Decimal("120310000")),
            ("OperatingIncomeLoss", "2024-12-31", basis, Decimal("18400000")),
            ("EarningsPerShareDiluted", "2024-12-31", charges, Decimal("0.18")),
        }
    assert expected <= facts, sorted(facts)
    assert not any("GrossProfitMember" in member for _, _, member, _ in facts)


# --- measures named over two header lines, the per-share one after the result it divides ---

# The headers' two lines, each column's words split where the release wraps them.
_WRAPPED = (("Income Before", "Income Taxes"), ("Income Tax", "Effect"), ("Net", "Income"))
_PER_SHARE = ("Per Diluted", "Share")
# Row, then pre-tax income, its tax effect, net income ($ million), per diluted share.
_BRIDGE = (
    ("{gaap}", ("$ 412.6", "$ (88.4)", "$ 324.2", "$ 1.62")),
    ("Restructuring and related charges", ("38.5", "(8.9)", "29.6", "0.15")),
    ("Loss on extinguishment of debt", ("11.4", "(2.6)", "8.8", "0.04")),
    ("{non_gaap}", ("$ 462.5", "$ (99.9)", "$ 362.6", "$ 1.81")),
)
_BRIGHTWATER = (
    "Brightwater Chemicals Reports Third Quarter 2025 Results",
    "HOUSTON, October 30, 2025 -- Brightwater Chemicals, Inc. today reported results.",
    "RECONCILIATION OF GAAP TO ADJUSTED (NON-GAAP) RESULTS",
    "(In millions, except per share amounts)",
    "Three Months Ended September 30, 2025",
)


def _bridge_rows(gaap: str, non_gaap: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(label.format(gaap=gaap, non_gaap=non_gaap), cells) for label, cells in _BRIDGE]


def _bridge_text(gaap: str, non_gaap: str) -> str:
    """Fixed-width columns, each header wrapped over two lines above its figures."""
    headers = [*_WRAPPED, _PER_SHARE]
    lines = [" " * 40 + "".join(f"{h[line]:>15}" for h in headers) for line in range(2)] + [
        "-" * 100
    ]
    lines += [
        f"{label:<40}" + "".join(f"{c:>15}" for c in cells)
        for label, cells in _bridge_rows(gaap, non_gaap)
    ]
    return "\n\n".join(_BRIGHTWATER) + "\n\n" + "\n".join(lines) + "\n"


def _bridge_html(gaap: str, non_gaap: str) -> str:
    """One header cell per column, its two lines broken as the release prints them."""
    head = (
        "<tr><th></th>"
        + "".join(f"<th>{a}<br>{b}</th>" for a, b in (*_WRAPPED, _PER_SHARE))
        + "</tr>"
    )
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for label, cells in _bridge_rows(gaap, non_gaap)
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in _BRIGHTWATER)
    return f"<html><body>{paragraphs}<table>{head}{body}</table></body></html>"


@pytest.mark.parametrize("print_", ["html", "text"])
@pytest.mark.parametrize(
    ("gaap", "non_gaap"),
    [("As reported (GAAP)", "As adjusted (non-GAAP)"), ("GAAP", "Non-GAAP")],
)
def test_a_per_share_column_after_a_result_is_that_result_per_share_on_each_basis(
    tmp_path: Path, print_: str, gaap: str, non_gaap: str
) -> None:
    """ "Income Before Income Taxes | Income Tax Effect | Net Income | Per Diluted Share"
    over "As reported (GAAP)", the adjustments and "As adjusted (non-GAAP)": the columns
    are measures, never members; the per-share column is the net income before it per
    diluted share, on the GAAP row diluted EPS and on the adjusted row the non-GAAP EPS."""
    if print_ == "html":
        path = tmp_path / "brightwater-2025q3.html"
        path.write_text(_bridge_html(gaap, non_gaap), encoding="utf-8")
    else:
        path = tmp_path / "brightwater-2025q3.txt"
        path.write_text(_bridge_text(gaap, non_gaap), encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    quarter = "D2025-07-01_2025-09-30"
    facts = {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}
    pretax = "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert facts[(pretax, quarter)] == (Decimal("412600000"), "USD")
    net = facts.get(("NetIncomeLoss", quarter)) or facts.get(("ProfitLoss", quarter))
    assert net == (Decimal("324200000"), "USD")
    assert facts[("EarningsPerShareDiluted", quarter)] == (Decimal("1.62"), "USD_per_share")
    assert facts[("NonGaapNetIncome", quarter)] == (Decimal("362600000"), "USD")
    assert facts[("NonGaapEarningsPerShareDiluted", quarter)] == (
        Decimal("1.81"),
        "USD_per_share",
    )
    assert not any(c.member for c in conversion.facts.contexts)
    adjustments = [
        u for u in conversion.facts.unmapped if u.label == "Loss on extinguishment of debt"
    ]
    assert sorted(u.text for u in adjustments) == ["(2.6)", "0.04", "11.4", "8.8"]
