"""Quantities and prices of one unit among money: an operating table of a producer.

Producers print volumes ("Crude oil (bbl/d)") and prices per unit ("Netback ($/boe)")
in the same table as amounts in thousands. A volume is a number of things, never money;
a price per unit is money in plain currency units whatever the caption's scale; money
named by a verb of quantity ("Federal funds sold") stays money. Expected values are the
printed figures, written by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from renderings_pdf import drawn_release
from reportlab.pdfgen.canvas import Canvas

from exporter.options import ConvertOptions
from exporter.pipeline import convert

RELEASE = """Muskeg Ridge Energy Reports Third Quarter 2025 Results

CALGARY, Alberta, November 5, 2025 -- Muskeg Ridge Energy Ltd. today reported results.
All dollar amounts are in Canadian dollars unless otherwise stated.

Financial and Operating Highlights
(C$ thousands, except per share and per boe amounts)

\tThree months ended September 30,\t
\t2025\t2024
Petroleum and natural gas sales\t$ 187,452\t$ 171,230
Production\t\t
{oil}\t18,420\t17,105
Natural gas (mcf/d)\t61,380\t58,620
Total (boe/d)\t28,650\t26,875
{netback}\t\t
Realized price\t71.12\t68.35
Royalties\t(9.84)\t(9.12)
Operating netback\t45.44\t43.12
"""


def _table_values(path: Path, text: str) -> dict[tuple[str, str], tuple[Decimal, str]]:
    """The release's table facts by (row label, period end): value and unit as written
    ("iso4217:CAD", "xbrli:pure", "iso4217:AUD/xbrli:shares")."""
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    units = {
        u.id: "/".join(("*".join(u.numerator), *u.denominator)) for u in conversion.facts.units
    }
    ends = {c.id: str(c.period.end) for c in conversion.facts.contexts}
    return {
        (f.source.label, ends[f.context]): (f.value, units[f.unit])
        for f in conversion.facts.facts
        if f.source.kind.value == "table"
    }


@pytest.mark.parametrize(
    ("oil", "netback"),
    [
        ("Crude oil and NGLs (bbl/d)", "Netback ($/boe)"),
        ("Crude oil (bbl per day)", "Netback ($ per boe)"),
    ],
)
def test_volumes_are_numbers_and_unit_prices_plain_money(
    tmp_path: Path, oil: str, netback: str
) -> None:
    printed = _table_values(
        tmp_path / "muskeg-2025q3.txt", RELEASE.format(oil=oil, netback=netback)
    )
    assert printed[(oil, "2025-09-30")] == (Decimal(18_420), "xbrli:pure")
    assert printed[("Total (boe/d)", "2025-09-30")] == (Decimal(28_650), "xbrli:pure")
    assert printed[("Operating netback", "2025-09-30")] == (Decimal("45.44"), "iso4217:CAD")
    assert printed[("Petroleum and natural gas sales", "2025-09-30")] == (
        Decimal(187_452_000),
        "iso4217:CAD",
    )


def test_funds_sold_are_money(tmp_path: Path) -> None:
    printed = _table_values(
        tmp_path / "osprey-2025q3.txt",
        "Osprey Bancorp Reports Third Quarter 2025 Results\n\n"
        "Consolidated Statements of Income\n(Dollars in thousands)\n\n"
        "\tThree Months Ended September 30,\t\n\t2025\t2024\n"
        "Loans, including fees\t$ 71,842\t$ 66,821\n"
        "Federal funds sold and other\t2,215\t1,980\n"
        "Total interest income\t$ 74,057\t$ 68,801\n",
    )
    funds = {v for (label, _), v in printed.items() if label.startswith("Federal funds")}
    assert funds == {
        (Decimal(2_215_000), "iso4217:USD"),
        (Decimal(1_980_000), "iso4217:USD"),
    }


@pytest.mark.parametrize("label", ["Interim dividend (cps)", "Interim dividend (cents per share)"])
def test_a_row_in_cents_per_share_is_per_share_in_dollars(tmp_path: Path, label: str) -> None:
    """ "Interim dividend (cps)" in an Australian key-figures table: cents per share, a
    per-share amount of 0.160 Australian dollars, not money of 16 cents."""
    printed = _table_values(
        tmp_path / "southern-1hfy25.txt",
        "Southern Cross Group Half Year Results\n\n"
        "SYDNEY, 19 February 2025 -- Southern Cross Group Limited today reported results for"
        " the half year ended 31 December 2024. All figures are in Australian dollars.\n\n"
        "Key figures\n"
        "A$m\t1H FY25\t1H FY24\n"
        "Revenue\t1,284.6\t1,198.2\n"
        f"{label}\t16.0\t14.5\n",
    )
    dividends = {v for (row, _), v in printed.items() if row == label}
    per_share = "iso4217:AUD/xbrli:shares"
    assert dividends == {(Decimal("0.160"), per_share), (Decimal("0.145"), per_share)}


@pytest.mark.parametrize(
    ("eps", "dividend"),
    [
        ("Basic EPS (p)", "Interim dividend (p)"),
        ("Basic EPS p", "Interim dividend p"),
        ("Basic EPS (p)(1)", "Final dividend (pence)"),
        ("Basic earnings per share (p)", "Interim dividend (p)(2)"),
    ],
)
def test_a_row_in_pence_is_per_share_in_pounds(tmp_path: Path, eps: str, dividend: str) -> None:
    """ "Basic EPS (p)" and "Interim dividend (p)" in a UK summary table under "£m": pence
    per share, 0.170 and 0.068 pounds per share, never pounds (17) nor millions of pounds;
    the dividend is the dividend declared per share."""
    path = tmp_path / "ashdown-h1fy26.txt"
    path.write_text(
        "Ashdown Group plc Half year results\n\n"
        "LONDON, 13 November 2025 -- Ashdown Group plc today announces its results for the six"
        " months ended 30 September 2025.\n\n"
        "Financial summary\n\n"
        "\u00a3m\tSix months ended 30 September 2025\tSix months ended 30 September 2024\n"
        "Revenue\t1,248.6\t1,198.2\n"
        f"{eps}\t17.0\t15.9\n"
        f"{dividend}\t6.8\t6.5\n",
        encoding="utf-8",
    )
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    units = {
        u.id: "/".join(("*".join(u.numerator), *u.denominator)) for u in conversion.facts.units
    }
    ends = {c.id: str(c.period.end) for c in conversion.facts.contexts}
    facts = {
        (f.concept, ends[f.context]): (f.value, units[f.unit])
        for f in conversion.facts.facts
        if f.source.kind.value == "table"
    }
    per_share = "iso4217:GBP/xbrli:shares"
    assert facts[("EarningsPerShareBasic", "2025-09-30")] == (Decimal("0.170"), per_share)
    assert facts[("EarningsPerShareBasic", "2024-09-30")] == (Decimal("0.159"), per_share)
    dividends = "CommonStockDividendsPerShareDeclared"
    assert facts[(dividends, "2025-09-30")] == (Decimal("0.068"), per_share)
    assert facts[(dividends, "2024-09-30")] == (Decimal("0.065"), per_share)
    assert facts[("Revenues", "2025-09-30")] == (Decimal(1_248_600_000), "iso4217:GBP")


@pytest.mark.parametrize("thousands", ["(000s)", "(000's)", "('000)", "(000)"])
def test_a_count_in_thousands_is_no_money(tmp_path: Path, thousands: str) -> None:
    """ "Weighted average diluted shares (000s)" and "Selling square feet (000s)" in a
    "(Dollars in thousands)" table: thousands of shares and of square feet, never dollars."""
    printed = _table_values(
        tmp_path / "brambleton-2025q3.txt",
        "Brambleton Stores Reports Third Quarter 2025 Results\n\n"
        "Selected Data\n(Dollars in thousands)\n\n"
        "\tThree Months Ended September 30,\t\n\t2025\t2024\n"
        "Net sales\t$ 412,350\t$ 398,120\n"
        f"Weighted average diluted shares {thousands}\t14,215\t14,305\n"
        f"Selling square feet {thousands}\t9,845\t9,512\n",
    )
    shares = f"Weighted average diluted shares {thousands}"
    assert printed[(shares, "2025-09-30")] == (Decimal(14_215_000), "xbrli:shares")
    assert printed[(shares, "2024-09-30")] == (Decimal(14_305_000), "xbrli:shares")
    feet = f"Selling square feet {thousands}"
    assert printed[(feet, "2025-09-30")] == (Decimal(9_845_000), "xbrli:pure")
    assert printed[("Net sales", "2025-09-30")] == (Decimal(412_350_000), "iso4217:USD")


HOMEBUILDER = """Ridgeline Homes Corporation Reports Third Quarter Fiscal 2024 Results

SCOTTSDALE, Arizona, July 25, 2024 -- Ridgeline Homes Corporation today reported results.

Operating Data
(Dollars in thousands)

\tThree Months Ended June 30,\t
\t2024\t2023
Revenues:\t\t
Homes\t$ 1,234,944\t$ 1,098,090
Land\t12,400\t9,100
Total revenues\t$ 1,247,344\t$ 1,107,190
{orders}\t2,530\t2,380
{closed}\t2,412\t2,205
Average selling price (in thousands)\t$ 512\t$ 498
Active selling communities\t182\t165
"""


@pytest.mark.parametrize(
    ("orders", "closed"),
    [("Net new orders (homes)", "Homes closed"), ("Net new orders, homes", "Closings (homes)")],
)
def test_counts_of_things_among_money_are_numbers(tmp_path: Path, orders: str, closed: str) -> None:
    """Homes ordered and closed and communities counted in a table in thousands of dollars
    are numbers as printed; "Homes" under "Revenues:" is money."""
    values = _table_values(
        tmp_path / "ridgeline-2024q3.txt", HOMEBUILDER.format(orders=orders, closed=closed)
    )
    printed = {label: v for (label, end), v in values.items() if end == "2024-06-30"}
    assert printed[orders] == (Decimal(2_530), "xbrli:pure")
    assert printed[closed] == (Decimal(2_412), "xbrli:pure")
    assert printed["Active selling communities"] == (Decimal(182), "xbrli:pure")
    assert printed["Homes"] == (Decimal(1_234_944_000), "iso4217:USD")
    assert printed["Average selling price (in thousands)"] == (
        Decimal(512_000),
        "iso4217:USD",
    )


MINE = """Ridgeline Copper Corp. Reports Third Quarter 2025 Results

VANCOUVER, November 6, 2025 -- Ridgeline Copper Corp. (TSX: RCC) today reported results.

Operating Highlights
(US$ thousands, unless otherwise stated)

\tThree months ended September 30,\t
\t2025\t2024
Revenue\t$ 412,530\t$ 388,104
{copper}\t36,402\t37,518
Gold produced (oz)\t18,240\t17,905
"""


@pytest.mark.parametrize("copper", ["Copper produced (000 lbs)", "Copper produced ('000 lbs)"])
def test_a_quantity_in_thousands_of_its_unit(tmp_path: Path, copper: str) -> None:
    """ "(000 lbs)": thousands of pounds, the scale the row's own label states (a quantity
    takes no money scale from the caption); ounces printed whole stay as printed."""
    printed = _table_values(tmp_path / "ridgeline-2025q3.txt", MINE.format(copper=copper))
    assert printed[(copper, "2025-09-30")] == (Decimal(36_402_000), "xbrli:pure")
    assert printed[("Gold produced (oz)", "2025-09-30")] == (Decimal(18_240), "xbrli:pure")
    assert printed[("Revenue", "2025-09-30")] == (Decimal(412_530_000), "iso4217:USD")


PRODUCTION = """Redbank Basin Resources Reports Third Quarter 2025 Results

MIDLAND, Texas, Nov. 5, 2025 -- Redbank Basin Resources, Inc. today reported results.

Summary Operating Data

\tThree Months Ended September 30,\t
\t2025\t2024
Production volumes:\t\t
{oil}\t1,842\t1,716
{gas}\t3,910\t3,702
{total}\t2,493\t2,333
Average daily production:\t\t
Oil (Bbl/d)\t20,022\t18,652
Average realized prices:\t\t
Oil ($/Bbl)\t$ 66.41\t$ 75.18
"""


@pytest.mark.parametrize(
    ("oil", "gas", "total", "oil_barrels", "gas_mcf", "total_boe"),
    [
        ("Oil (MBbl)", "Natural gas (MMcf)", "Total (MBoe)", 1_842_000, 3_910_000, 2_493_000),
        (
            "Oil (MBbls)",
            "Natural gas (MMcfe)",
            "Total production (MMBoe)",
            1_842_000,
            3_910_000,
            2_493_000_000,
        ),
        (
            "Crude oil, MMBbl",
            "Natural gas (Bcf)",
            "Total, MBoe",
            1_842_000_000,
            3_910_000_000,
            2_493_000,
        ),
    ],
)
def test_prefixed_volumes_are_counted_in_the_plain_unit(
    tmp_path: Path, oil: str, gas: str, total: str, oil_barrels: int, gas_mcf: int, total_boe: int
) -> None:
    """ "Oil (MBbl) 1,842" is 1,842 thousand barrels, never $1,842; gas is counted in Mcf
    (MMcf a thousand Mcf, Bcf a million); a price per barrel stays plain money."""
    printed = _table_values(
        tmp_path / "redbank-2025q3.txt", PRODUCTION.format(oil=oil, gas=gas, total=total)
    )
    assert printed[(oil, "2025-09-30")] == (Decimal(oil_barrels), "xbrli:pure")
    assert printed[(gas, "2025-09-30")] == (Decimal(gas_mcf), "xbrli:pure")
    assert printed[(total, "2025-09-30")] == (Decimal(total_boe), "xbrli:pure")
    assert printed[("Oil (Bbl/d)", "2025-09-30")] == (Decimal(20_022), "xbrli:pure")
    assert printed[("Oil ($/Bbl)", "2025-09-30")] == (Decimal("66.41"), "iso4217:USD")


UNIT_COSTS = """Redbank Basin Resources Reports Third Quarter 2025 Results

MIDLAND, Texas, Nov. 5, 2025 -- Redbank Basin Resources, Inc. today reported results.

Summary Operating Data
(In thousands, except per unit amounts)

\tThree Months Ended September 30,\t
\t2025\t2024
Oil and gas revenues\t$ 142,508\t$ 145,249
{totals}{heading}\t\t
Lease operating expenses\t$ 9.12\t$ 9.64
Depletion, depreciation and amortization\t$ 15.86\t$ 15.22
"""


def _table_concepts(path: Path, text: str) -> set[tuple[str, str, Decimal, str]]:
    """The release's table facts as (row label, concept, value, unit) of the latest period."""
    path.write_text(text, encoding="utf-8")
    return _table_facts(path)


def _table_facts(path: Path) -> set[tuple[str, str, Decimal, str]]:
    """The table facts of the release at `path`, as `_table_concepts` gives them."""
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    units = {
        u.id: "/".join(("*".join(u.numerator), *u.denominator)) for u in conversion.facts.units
    }
    ends = {c.id: str(c.period.end) for c in conversion.facts.contexts}
    return {
        (f.source.label, f.concept, f.value, units[f.unit])
        for f in conversion.facts.facts
        if f.source.kind.value == "table" and ends[f.context] == "2025-09-30"
    }


_TOTALS = "Lease operating expenses\t28,253\t27,898\nDepletion, depreciation and amortization\t49,134\t44,047\n"


@pytest.mark.parametrize("totals", [True, False])
@pytest.mark.parametrize(
    ("heading", "per"),
    [("Average costs per Boe:", "PerBoe"), ("Per Boe:", "PerBoe"), ("($ per Mcfe)", "PerMcfe")],
)
def test_rows_under_a_per_unit_heading_are_amounts_per_unit(
    tmp_path: Path, heading: str, per: str, totals: bool
) -> None:
    """Under "Average costs per Boe:" a "Lease operating expenses $ 9.12" row is the cost
    per Boe, as a row labelled "Lease operating expenses per Boe" is: its own concept in
    plain dollars, never the period's total concept, printed above or not."""
    release = UNIT_COSTS.format(heading=heading, totals=_TOTALS if totals else "")
    facts = _table_concepts(tmp_path / "redbank-2025q3.txt", release)
    usd = "iso4217:USD"
    loe, dda = "Lease operating expenses", "Depletion, depreciation and amortization"
    expected_loe = {(loe, f"LeaseOperatingExpenses{per}", Decimal("9.12"), usd)}
    expected_dda = {(dda, f"DepletionDepreciationAndAmortization{per}", Decimal("15.86"), usd)}
    if totals:
        expected_loe.add((loe, "LeaseOperatingExpenses", Decimal(28_253_000), usd))
        expected_dda.add((dda, "DepreciationDepletionAndAmortization", Decimal(49_134_000), usd))
    assert {f for f in facts if f[0] == loe} == expected_loe
    assert {f for f in facts if f[0] == dda} == expected_dda


UNIT_COST_ROWS = [
    ("Oil and gas revenues", "$ 142,508", "$ 145,249"),
    ("Lease operating expenses", "28,253", "27,898"),
    ("Depletion, depreciation and amortization", "49,134", "44,047"),
    ("Lease operating expenses{per}", "$ 9.12", "$ 9.64"),
    ("Depletion, depreciation and amortization{per}", "$ 15.86", "$ 15.22"),
]


def _unit_cost_pdf(rows: list[tuple[str, ...]]) -> bytes:
    def draw(canvas: Canvas, y: float) -> None:
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawCentredString(306, y - 60, "Summary Operating Data")
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(306, y - 73, "(In thousands, except per unit amounts)")
        canvas.drawRightString(550, y - 95, "Three Months Ended September 30,")
        canvas.drawRightString(470, y - 108, "2025")
        canvas.drawRightString(550, y - 108, "2024")
        for index, (label, *values) in enumerate(rows):
            line = y - 124 - 13 * index
            canvas.drawString(54, line, label)
            for right, value in zip((470, 550), values, strict=True):
                canvas.drawRightString(right, line, value)

    dateline = (
        "MIDLAND, Texas, Nov. 5, 2025 -- Redbank Basin Resources, Inc. today reported results.",
    )
    return drawn_release(
        "Redbank Basin Resources Reports Third Quarter 2025 Results", dateline, draw
    )


def _unit_cost_release(per: str, form: str) -> str | bytes:
    """The operating data of UNIT_COSTS with the totals above their per-unit amounts,
    each per-unit row's label stating its unit (`per`), as text, HTML or PDF."""
    head = UNIT_COSTS.split("\t", 1)[0]
    rows = [(label.format(per=per), *values) for label, *values in UNIT_COST_ROWS]
    if form == "pdf":
        return _unit_cost_pdf(rows)
    if form == "txt":
        lines = ["\tThree Months Ended September 30,\t", "\t2025\t2024", *map("\t".join, rows)]
        return head + "\n".join(lines) + "\n"
    paragraphs = "".join(f"<p>{p}</p>" for p in head.strip().split("\n\n"))
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    header = (
        '<tr><td></td><td colspan="2">Three Months Ended September 30,</td></tr>'
        "<tr><td></td><td>2025</td><td>2024</td></tr>"
    )
    return f"<html><body>{paragraphs}<table>{header}{cells}</table></body></html>"


@pytest.mark.parametrize("form", ["txt", "htm", "pdf"])
@pytest.mark.parametrize(
    ("per", "name"),
    [
        (" ($/Boe)", "Boe"),
        (", $/Boe", "Boe"),
        (" ($ per Mcfe)", "PerMcfe"),
        (" (per Boe)", "PerBoe"),
        (" per ton", "PerTon"),
        (" (US$/t)", "UST"),
    ],
)
def test_a_row_whose_label_divides_by_a_unit_is_that_units_amount(
    tmp_path: Path, form: str, per: str, name: str
) -> None:
    """ "Depletion, depreciation and amortization ($/Boe)" is the cost of one Boe: its own
    concept in plain dollars, never the period's total depreciation, which the row of
    totals above it keeps."""
    path = tmp_path / f"redbank-2025q3.{form}"
    release = _unit_cost_release(per, form)
    if isinstance(release, bytes):
        path.write_bytes(release)
    else:
        path.write_text(release, encoding="utf-8")
    facts = _table_facts(path)
    usd = "iso4217:USD"
    assert {f[1:] for f in facts} == {
        ("OilAndGasRevenues", Decimal(142_508_000), usd),
        ("LeaseOperatingExpenses", Decimal(28_253_000), usd),
        ("DepreciationDepletionAndAmortization", Decimal(49_134_000), usd),
        (f"LeaseOperatingExpenses{name}", Decimal("9.12"), usd),
        (f"DepletionDepreciationAndAmortization{name}", Decimal("15.86"), usd),
    }


GOLD_MINE = [
    "Tamarack Gold Corp. Reports Second Quarter 2025 Results",
    "TORONTO, July 30, 2025 -- Tamarack Gold Corp. today reported results for the three months"
    " ended June 30, 2025. All amounts are in United States dollars unless otherwise stated.",
    "Operating highlights",
]
# Rows of an operating table with no money row and no currency line: (label, Q2 2025, Q2 2024).
GOLD_ROWS = [
    ("Ore milled (tonnes)", "1,298,450", "1,214,300"),
    ("{grade}", "1.62", "1.48"),
    ("Recovery (%)", "91.8", "90.6"),
    ("Gold produced (oz)", "62,083", "52,349"),
    ("Copper produced (lb)", "4,120,500", "3,980,200"),
    ("{price}", "3,281", "2,334"),
    ("{aisc}", "1,486", "1,391"),
    ("{milled}", "42", "39"),
]


def _gold_text(labels: dict[str, str]) -> str:
    rows = "\n".join("\t".join((r[0].format(**labels), *r[1:])) for r in GOLD_ROWS)
    return (
        "\n\n".join(GOLD_MINE) + "\n\n\tThree months ended June 30,\t\n\t2025\t2024\n" + rows + "\n"
    )


def _gold_html(labels: dict[str, str]) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in (r[0].format(**labels), *r[1:])) + "</tr>"
        for r in GOLD_ROWS
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in GOLD_MINE)
    header = (
        '<tr><td></td><td colspan="2">Three months ended June 30,</td></tr>'
        "<tr><td></td><td>2025</td><td>2024</td></tr>"
    )
    return f"<html><body>{paragraphs}<table>{header}{rows}</table></body></html>"


@pytest.mark.parametrize("form", ["txt", "htm"])
@pytest.mark.parametrize(
    ("grade", "price", "aisc", "milled"),
    [
        ("Head grade (g/t Au)", "Average realized gold price ($/oz)", "AISC ($/oz sold)",
         "Mining cost ($/t milled)"),
        ("Head grade (grams per tonne)", "Realized gold price (US$ per ounce)",
         "All-in sustaining costs (US$/oz sold)", "Milling ($/t)"),
        ("Gold grade, g/t", "Average realised price per ounce", "AISC per ounce sold",
         "Unit cost per tonne milled"),
    ],
)  # fmt: skip
def test_prices_per_unit_are_money_and_grades_ratios_in_a_table_of_quantities(
    tmp_path: Path, form: str, grade: str, price: str, aisc: str, milled: str
) -> None:
    """A mine's operating table prints no money row and no currency: a price or cost per
    ounce or per tonne is still money (plain US dollars, the release's currency), a grade
    in grams per tonne is a ratio of quantities, never money, and tonnes, ounces and
    pounds are quantities as printed."""
    labels = {"grade": grade, "price": price, "aisc": aisc, "milled": milled}
    text = _gold_text(labels) if form == "txt" else _gold_html(labels)
    printed = _table_values(tmp_path / f"tamarack-2025q2.{form}", text)
    latest = {label: v for (label, end), v in printed.items() if end == "2025-06-30"}
    usd, pure = "iso4217:USD", "xbrli:pure"
    assert latest[price] == (Decimal(3_281), usd)
    assert latest[aisc] == (Decimal(1_486), usd)
    assert latest[milled] == (Decimal(42), usd)
    assert latest[grade] == (Decimal("1.62"), pure)
    assert latest["Recovery (%)"] == (Decimal("0.918"), pure)
    assert latest["Ore milled (tonnes)"] == (Decimal(1_298_450), pure)
    assert latest["Gold produced (oz)"] == (Decimal(62_083), pure)
    assert latest["Copper produced (lb)"] == (Decimal(4_120_500), pure)
    assert printed[(price, "2024-06-30")] == (Decimal(2_334), usd)
    assert printed[(grade, "2024-06-30")] == (Decimal("1.48"), pure)


SUMMARY = [
    "Meridian Tools Inc. Reports Third Quarter 2025 Results",
    "CLEVELAND, October 29, 2025 -- Meridian Tools Inc. today reported results.",
    "Summary consolidated results",
    "($ in millions, except per share data)",
]
SUMMARY_ROWS = [
    ("Revenue", "$ 1,248.6", "$ 1,131.4"),
    ("Net income", "$ 137.0", "$ 101.9"),
    ("Diluted earnings per share", "$ 1.62", "$ 1.19"),
    ("{shares}", "84.6", "85.7"),
]


@pytest.mark.parametrize("form", ["txt", "htm"])
@pytest.mark.parametrize(
    "shares",
    [
        "Diluted shares (millions)",
        "Weighted average diluted shares outstanding (in millions)",
        "Diluted share count (millions)",
    ],
)
def test_a_share_count_in_a_money_table_is_shares(tmp_path: Path, form: str, shares: str) -> None:
    """ "Diluted shares (millions) 84.6" in a "$ in millions" table counts 84.6 million
    shares, never $84.6 million."""
    rows = [(r[0].format(shares=shares), *r[1:]) for r in SUMMARY_ROWS]
    head = ("", "Three months ended September 30,", "")
    years = ("", "2025", "2024")
    if form == "txt":
        lines = ["\t".join(r) for r in (head, years, *rows)]
        text = "\n\n".join(SUMMARY) + "\n\n" + "\n".join(lines) + "\n"
    else:
        cells = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in (years, *rows)
        )
        paragraphs = "".join(f"<p>{p}</p>" for p in SUMMARY)
        top = '<tr><td></td><td colspan="2">Three months ended September 30,</td></tr>'
        text = f"<html><body>{paragraphs}<table>{top}{cells}</table></body></html>"
    printed = _table_values(tmp_path / f"meridian-2025q3.{form}", text)
    assert printed[(shares, "2025-09-30")] == (Decimal(84_600_000), "xbrli:shares")
    assert printed[(shares, "2024-09-30")] == (Decimal(85_700_000), "xbrli:shares")
    assert printed[("Net income", "2025-09-30")] == (Decimal(137_000_000), "iso4217:USD")


@pytest.mark.parametrize(
    "shares",
    [
        "Total Shares (Oustanding/Exercised)",
        "Shares (outstanding and exercised)",
        "Total ADSs (outstanding)",
        "Total shares [outstanding]",
        "Voting shares",
    ],
)
def test_a_row_headed_by_shares_in_a_money_table_counts_shares(tmp_path: Path, shares: str) -> None:
    """A label whose head noun is shares counts shares at the date, whatever (misspelt)
    words qualify it: never dollars in a table printing "$"."""
    lines = [
        "Harbor Valley Bancorp Financial Summary",
        "",
        "\t".join(("", "September 30, 2025", "September 30, 2024")),
        "\t".join(("Total deposits", "$ 276,264,417", "$ 258,001,925")),
        "\t".join(("Total equity", "$ 36,581,354", "$ 34,658,330")),
        "\t".join((shares, "1,746,622", "1,830,647")),
        "\t".join(("Book value per share", "$ 20.94", "$ 18.93")),
    ]
    printed = _table_values(tmp_path / "harbor-2025q3.txt", "\n".join(lines) + "\n")
    assert printed[(shares, "2025-09-30")] == (Decimal(1_746_622), "xbrli:shares")
    assert printed[(shares, "2024-09-30")] == (Decimal(1_830_647), "xbrli:shares")
    assert printed[("Total deposits", "2025-09-30")] == (Decimal(276_264_417), "iso4217:USD")


@pytest.mark.parametrize(
    "label", ["Warrants to purchase ordinary shares", "Liability for warrants on preferred shares"]
)
def test_a_row_whose_head_noun_is_not_shares_stays_money(tmp_path: Path, label: str) -> None:
    """Shares after a qualifier ("to purchase", "on") qualify another head noun: the row
    is an amount of that, in the table's money."""
    lines = [
        "Harbor Valley Bancorp Financial Summary",
        "",
        "\t".join(("", "September 30, 2025", "September 30, 2024")),
        "\t".join(("Total deposits", "$ 276,264,417", "$ 258,001,925")),
        "\t".join((label, "$ 10,000", "$ 200,000")),
    ]
    printed = _table_values(tmp_path / "harbor-2025q3.txt", "\n".join(lines) + "\n")
    assert printed[(label, "2025-09-30")] == (Decimal(10_000), "iso4217:USD")


OPERATING_STATISTICS = """Harbor Group Reports Third Quarter 2025 Results

DALLAS, Oct. 23, 2025 -- Harbor Group, Inc. today reported results for the third quarter of 2025.

Operating Statistics
(in millions, except per share amounts)

\tThree Months Ended September 30,\t
\t2025\t2024
Total operating revenues\t$ 5,272\t$ 4,951
{count}\t{printed}\t{prior}
Paid subscribers (thousands)\t4,215\t3,980
Stores\t1,204\t1,188
Barrels sold (thousands)\t2,130\t2,045
Cost to acquire customers\t118\t104
Average fuel price per gallon\t$ 2.60\t$ 2.93
Average sales price/ton\t97\t88
Diluted earnings per share\t$ 1.12\t$ 0.68
"""


@pytest.mark.parametrize(
    ("count", "printed", "expected"),
    [
        # An airline's traffic: passengers carried and miles flown, not dollars.
        ("Revenue passengers (thousands)", "18,214", Decimal(18_214_000)),
        ("Revenue passenger miles (millions)", "26,958", Decimal(26_958_000_000)),
        ("Available seat miles (ASMs) (millions)", "31,864", Decimal(31_864_000_000)),
        # A railroad's and a shipper's freight.
        ("Revenue ton-miles (millions)", "4,120", Decimal(4_120_000_000)),
        ("Revenue tons (thousands)", "812", Decimal(812_000)),
        # A producer's volume, its unit in brackets after a money word.
        ("Crude oil sales volumes (barrels)", "2,130", Decimal(2_130)),
        ("Revenue freight ('000 tonnes)", "3,410", Decimal(3_410_000)),
        # Its unit's scale in words in the bracket, decimals and all.
        ("Sales volumes (thousands of barrels)", "1,020", Decimal(1_020_000)),
        ("Traffic (millions of passengers)", "61.2", Decimal(61_200_000)),
    ],
)
def test_a_count_is_what_its_head_noun_counts(
    tmp_path: Path, count: str, printed: str, expected: Decimal
) -> None:
    """A row whose head noun is a thing counted or a physical unit ("Revenue passengers",
    "Available seat miles") in an operating table in millions of dollars is that number of
    things, never money: a money word before the head ("revenue" passengers) only says which
    are counted. Money stays money ("Cost to acquire customers": its head is a cost; "Average
    sales price/ton": a price divided by the unit)."""
    values = _table_values(
        tmp_path / "harbor-2025q3.txt",
        OPERATING_STATISTICS.format(count=count, printed=printed, prior="1,000"),
    )
    current = {label: v for (label, end), v in values.items() if end == "2025-09-30"}
    assert current[count] == (expected, "xbrli:pure")
    assert current["Paid subscribers (thousands)"] == (Decimal(4_215_000), "xbrli:pure")
    assert current["Stores"] == (Decimal(1_204), "xbrli:pure")
    assert current["Barrels sold (thousands)"] == (Decimal(2_130_000), "xbrli:pure")
    assert current["Cost to acquire customers"] == (Decimal(118_000_000), "iso4217:USD")
    assert current["Total operating revenues"] == (Decimal(5_272_000_000), "iso4217:USD")
    assert current["Average fuel price per gallon"] == (Decimal("2.60"), "iso4217:USD")
    assert current["Average sales price/ton"] == (Decimal(97), "iso4217:USD")


AIRLINE_UNIT_AMOUNTS = """Harbor Air Reports Third Quarter 2025 Results

DALLAS, Oct. 23, 2025 -- Harbor Air, Inc. today reported results for the third quarter of 2025.

OPERATING STATISTICS (unaudited)
\tThree Months Ended September 30,\t
\t2025\t2024
Revenue passengers (thousands)\t18,214\t17,406
Passenger yield (cents)\t17.85\t17.80
Total revenue per ASM (TRASM) (cents)\t16.55\t16.32
Cost per ASM (CASM) (cents)\t14.80\t15.06
CASM excluding fuel (cents)\t11.44\t11.22
Average fuel price per gallon\t$ 2.60\t$ 2.93
"""


def test_amounts_in_cents_per_unit_are_not_per_share(tmp_path: Path) -> None:
    """An airline prints its yield and unit costs in cents: "Cost per ASM (CASM) (cents)"
    divides by a seat mile, so "Passenger yield (cents)" and "CASM excluding fuel (cents)"
    beside it are amounts per unit too, named from their labels, never "per share"."""
    path = tmp_path / "harbor-air-2025q3.txt"
    path.write_text(AIRLINE_UNIT_AMOUNTS, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    ends = {c.id: str(c.period.end) for c in conversion.facts.contexts}
    facts = {
        f.source.label: (f.concept.split(":")[-1], f.value, f.unit)
        for f in conversion.facts.facts
        if f.source.kind.value == "table"
        and ends[f.context] == "2025-09-30"
        and not f.concept.endswith("Change")
    }
    assert facts["Passenger yield (cents)"] == ("PassengerYield", Decimal("0.1785"), "USD")
    assert facts["CASM excluding fuel (cents)"] == ("CASMExcludingFuel", Decimal("0.1144"), "USD")
    assert facts["Cost per ASM (CASM) (cents)"] == ("CostPerASMCASM", Decimal("0.1480"), "USD")


@pytest.mark.parametrize(
    "users",
    [
        "Daily active users (DAU, millions)",
        "DAU (in millions)",
        "Monthly active users (MAU, in millions)",
        "MAUs (millions)",
    ],
)
def test_audience_counts_in_millions_are_numbers(tmp_path: Path, users: str) -> None:
    """A platform's user counts in millions beside revenue in dollars, in a table that
    prints no "$": 44.1 million users, a pure number, never USD 44.1 (the scale may follow
    the row's abbreviation in its bracket)."""
    printed = _table_values(
        tmp_path / "pixelcast-2025q4.txt",
        "Pixelcast Reports Fourth Quarter 2025 Results\n\n"
        "Key Metrics\n(in millions of U.S. dollars, except users)\n\n"
        "\tThree Months Ended December 31,\t\n\t2025\t2024\n"
        f"{users}\t44.1\t39.8\n"
        "Revenue\t412.5\t371.0\n",
    )
    assert printed[(users, "2025-12-31")] == (Decimal(44_100_000), "xbrli:pure")
    assert printed[(users, "2024-12-31")] == (Decimal(39_800_000), "xbrli:pure")
    assert printed[("Revenue", "2025-12-31")] == (Decimal(412_500_000), "iso4217:USD")


_SHIPPER_ROWS = (
    ("Revenue", "$ 1,421.6", "$ 1,358.2"),
    ("{label}", "2,318", "2,244"),
)


def _shipper_release(form: str, label: str) -> str:
    head = (
        "Meridian Freight Reports Third Quarter 2025 Results",
        "MEMPHIS, Tenn., Nov. 4, 2025 -- Meridian Freight, Inc. today reported results.",
        "Summary of Results",
        "(in millions)",
    )
    rows = [(a.format(label=label), b, c) for a, b, c in _SHIPPER_ROWS]
    if form == "html":
        body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
        return (
            "<html><body>"
            + "".join(f"<p>{line}</p>" for line in head)
            + f"<table><tr><th></th><th>Q3 2025</th><th>Q3 2024</th></tr>{body}</table>"
            + "</body></html>"
        )
    lines = [f"{'':<32}{'Q3 2025':>12}{'Q3 2024':>12}"]
    lines += [f"{a:<32}{b:>12}{c:>12}" for a, b, c in rows]
    return "\n\n".join([*head[:3], head[3] + "\n\n" + "\n".join(lines)]) + "\n"


@pytest.mark.parametrize("form", ["html", "txt"])
@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Shipments (thousands)", 2_318_000),
        ("Vehicle deliveries (in thousands)", 2_318_000),
        ("Deliveries", 2_318),
    ],
)
def test_goods_shipped_or_delivered_in_a_money_table_are_counts(
    tmp_path: Path, form: str, label: str, value: int
) -> None:
    """Shipments and deliveries in a table "(in millions)" of dollars are counts of goods,
    in the scale their own label states, never money."""
    suffix = "htm" if form == "html" else "txt"
    printed = _table_values(tmp_path / f"meridian-2025q3.{suffix}", _shipper_release(form, label))
    assert printed[(label, "2025-09-30")] == (Decimal(value), "xbrli:pure")
    assert printed[("Revenue", "2025-09-30")] == (Decimal(1_421_600_000), "iso4217:USD")


_CLASSES = (
    ("Residential", ("$ 702.4", "$ 661.8"), ("6,412", "6,188")),
    ("Commercial", ("468.9", "447.5"), ("5,873", "5,702")),
    ("Industrial", ("281.3", "270.6"), ("5,127", "4,981")),
)
_UTILITY_HEAD = (
    "<html><body><h2>Prairie Grid Reports Third Quarter 2025 Results</h2>"
    "<p>OMAHA, Neb., November 4, 2025 -- Prairie Grid, Inc. today reported results.</p>"
    "<p><b>ELECTRIC REVENUES AND SALES BY CUSTOMER CLASS</b></p><table>"
)
_SPAN = "<tr><td></td><td colspan='{n}'><b>Three Months Ended September 30,</b></td></tr>"


def _cells(*texts: str) -> str:
    return "".join(f"<td align='right'>{t}</td>" for t in texts)


def _class_rows_release(volume: str) -> str:
    """Each customer class a heading over a revenue row and a volume row."""
    body = "".join(
        f"<tr><td><b>{name}</b></td></tr>"
        f"<tr><td>Revenues ($ millions)</td>{_cells(*money)}</tr>"
        f"<tr><td>{volume}</td>{_cells(*sold)}</tr>"
        for name, money, sold in _CLASSES
    )
    years = f"<tr><td></td>{_cells('<b>2025</b>', '<b>2024</b>')}</tr>"
    return f"{_UTILITY_HEAD}{_SPAN.format(n=2)}{years}{body}</table></body></html>"


def _measure_groups_release(volume: str) -> str:
    """Column groups "Revenues (in millions)" | the volume, each over the two years; the
    customer classes as rows."""
    groups = f"<tr><td></td><td colspan='2'><b>Revenues (in millions)</b></td><td colspan='2'><b>{volume}</b></td></tr>"
    years = f"<tr><td></td>{_cells(*['<b>2025</b>', '<b>2024</b>'] * 2)}</tr>"
    body = "".join(
        f"<tr><td>{name}</td>{_cells(*money, *sold)}</tr>" for name, money, sold in _CLASSES
    )
    return f"{_UTILITY_HEAD}{_SPAN.format(n=4)}{groups}{years}{body}</table></body></html>"


def _class_facts(path: Path, text: str) -> dict[tuple[str, str], set[tuple[Decimal, str]]]:
    """The latest quarter's table facts by (concept is taxonomy revenue or not, member):
    their values and units."""
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    units = {u.id: "*".join(u.numerator) for u in conversion.facts.units}
    contexts = {c.id: c for c in conversion.facts.contexts}
    found: dict[tuple[str, str], set[tuple[Decimal, str]]] = {}
    for fact in conversion.facts.facts:
        context = contexts[fact.context]
        if str(context.period.end) != "2025-09-30" or context.member is None:
            continue
        revenue = "revenue" if fact.concept.startswith("Revenue") else "other"
        key = (revenue, context.member.name)
        found.setdefault(key, set()).add((fact.value, units[fact.unit]))
    return found


@pytest.mark.parametrize(
    ("layout", "volume", "scale"),
    [
        ("class-rows", "Sales (thousands of MWh)", 1000),
        ("class-rows", "Sales (GWh)", 1),
        ("class-rows", "Retail sales (MWh in thousands)", 1000),
        ("measure-groups", "Sales (thousands of MWh)", 1000),
        ("measure-groups", "Gas sales (thousands of Mcf)", 1000),
    ],
)
def test_a_volume_beside_revenue_by_class_is_a_quantity(
    tmp_path: Path, volume: str, scale: int, layout: str
) -> None:
    """A utility's revenue and electricity sold by customer class: the volume names its
    unit, so it is a number of that unit for the class, never revenue in dollars because
    it says "Sales", nor the class a line item and the measure a member."""
    build = _class_rows_release if layout == "class-rows" else _measure_groups_release
    facts = _class_facts(tmp_path / "prairie-2025q3.htm", build(volume))
    assert facts[("revenue", "ResidentialMember")] == {(Decimal("702400000"), "iso4217:USD")}
    assert facts[("other", "ResidentialMember")] == {(Decimal(6412 * scale), "xbrli:pure")}
    assert facts[("revenue", "IndustrialMember")] == {(Decimal("281300000"), "iso4217:USD")}
    assert facts[("other", "IndustrialMember")] == {(Decimal(5127 * scale), "xbrli:pure")}
