"""Signs follow XBRL, not the print: a cash flow statement of another issuer, row by row.

`fixtures/signs/kestrel-2024q2.txt` is a small indirect-method cash flow statement whose
rows print their effect on cash. XBRL wants each concept's own sign: an increase in
receivables, a gain deducted from net income and a payment are positive (credit items
the cash total subtracts), a decrease in payables negative; supplemental amounts (taxes
and interest paid) are amounts, not effects, and stay as printed. The expected values
follow the US-GAAP elements' definitions, not the exporter.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from arelle_check import run_arelle
from outputs import xml_facts

from exporter.pipeline import convert
from exporter.write import write_conversion

RELEASE = Path(__file__).parent / "fixtures" / "signs" / "kestrel-2024q2.txt"
Q2_24, Q2_23 = "2024-04-01/2024-06-30", "2023-04-01/2023-06-30"

# concept -> (2024 value, 2023 value), in dollars.
EXPECTED = {
    # No noncontrolling interest is printed: net income is the parent's (NetIncomeLoss).
    "NetIncomeLoss": (100_000, 90_000),
    "DepreciationDepletionAndAmortization": (20_000, 18_000),
    # "(5)": a gain the reconciliation deducts; the gain itself is positive.
    "GainLossOnSaleOfPropertyPlantEquipment": (5_000, 3_000),
    # "(30)": receivables went up by 30; "12": they went down.
    "IncreaseDecreaseInAccountsReceivable": (30_000, -12_000),
    # "10": inventories went down by 10.
    "IncreaseDecreaseInInventories": (-10_000, 8_000),
    # "15": payables went up by 15 (a liability: its increase adds to cash as printed).
    "IncreaseDecreaseInAccountsPayable": (15_000, -4_000),
    "NetCashProvidedByUsedInOperatingActivities": (110_000, 105_000),
    "PaymentsToAcquirePropertyPlantAndEquipment": (40_000, 35_000),
    "ProceedsFromSaleOfPropertyPlantAndEquipment": (6_000, 4_000),
    "NetCashProvidedByUsedInInvestingActivities": (-34_000, -31_000),
    "PaymentsOfDividends": (12_000, 11_000),
    "NetCashProvidedByUsedInFinancingActivities": (-12_000, -11_000),
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect": (
        64_000,
        63_000,
    ),
    "IncomeTaxesPaidNet": (25_000, 22_000),
    "InterestPaidNet": (3_000, 4_000),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("signs")
    write_conversion(convert(RELEASE), outdir)
    return outdir / "kestrel-2024q2.xml"


def test_cash_flow_rows_carry_their_concepts_signs(written: Path) -> None:
    facts = {(iri.split("#")[1], period): value for iri, period, _, value, _, _ in _facts(written)}
    assert len(facts) == len(_facts(written))
    for concept, (current, prior) in EXPECTED.items():
        assert facts[(concept, Q2_24)] == Decimal(current), concept
        assert facts[(concept, Q2_23)] == Decimal(prior), concept


def test_the_signed_facts_are_consistent_in_arelle(written: Path) -> None:
    result = run_arelle(written)
    assert result.errors == []
    assert result.inconsistencies == []
    assert result.facts == xml_facts(written.read_bytes())


def _facts(instance: Path):
    return xml_facts(instance.read_bytes())


# An income statement whose labels name both directions of a line item, with no total
# that ties the rows (so only the words can tell): the unbracketed word is what a positive
# number is. Values follow the us-gaap definitions: other income is positive when income.
LABELLED_DIRECTIONS = """Wren Labs Inc. Reports Second Quarter 2024 Results

Condensed Consolidated Statements of Operations
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Revenue\t900\t800
Other {other}, net\t250\t(40)
Net income (loss) attributable to noncontrolling interest\t(20)\t10
"""


OTHER_INCOME = {"OtherNonoperatingIncomeExpense", "NonoperatingIncomeExpense"}


def _written_values(tmp_path: Path, text: str) -> dict[tuple[str, str], Decimal]:
    """The instance a release converts to, as written: value by (concept, period)."""
    release = tmp_path / "wren-2024q2.txt"
    release.write_text(text, encoding="utf-8")
    write_conversion(convert(release), tmp_path)
    facts = xml_facts((tmp_path / "wren-2024q2.xml").read_bytes())
    return {(iri.split("#")[1], period): value for iri, period, _, value, _, _ in facts}


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param("(income) expense", (-250_000, 40_000), id="expense-named-first"),
        pytest.param("expense (income)", (-250_000, 40_000), id="expense-before-bracket"),
        pytest.param("income (expense)", (250_000, -40_000), id="income-named-first"),
    ],
)
def test_a_label_naming_both_directions_signs_its_row(
    tmp_path: Path, other: str, expected: tuple[int, int]
) -> None:
    values = _written_values(tmp_path, LABELLED_DIRECTIONS.format(other=other))
    # Other income is all the nonoperating income this statement prints: either element.
    (other_income,) = {c for c, _ in values} & OTHER_INCOME
    assert values[(other_income, Q2_24)] == Decimal(expected[0])
    assert values[(other_income, Q2_23)] == Decimal(expected[1])
    # The noncontrolling interest's own label names income: printed signs stand.
    nci = "NetIncomeLossAttributableToNoncontrollingInterest"
    assert values[(nci, Q2_24)] == Decimal(-20_000)
    assert values[(nci, Q2_23)] == Decimal(10_000)


# A section heading that names both directions prints its rows in the direction it names
# first; no total ties the rows (an extension line breaks the sum), so only the heading
# can tell. The total after the section keeps its printed sign.
SECTION_DIRECTIONS = """Wren Labs Inc. Reports Second Quarter 2024 Results

Condensed Consolidated Statements of Operations
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Revenue\t900\t800
Operating income\t300\t250
{section}:\t\t
Interest expense\t{interest}\t{interest_prior}
Other income\t{other}\t{other_prior}
Allowance for equity funds used during construction\t14\t12
Income before income taxes\t165\t(30)
"""


@pytest.mark.parametrize(
    ("section", "printed", "interest", "other"),
    [
        pytest.param(
            "Other income (expense)",
            ("(158)", "(141)", "4", "(2)"),
            (158_000, 141_000),
            (4_000, -2_000),
            id="income-first",
        ),
        pytest.param(
            "Other expense (income)",
            ("158", "141", "(4)", "2"),
            (158_000, 141_000),
            (4_000, -2_000),
            id="expense-first",
        ),
    ],
)
def test_a_section_naming_both_directions_signs_its_lines(
    tmp_path: Path,
    section: str,
    printed: tuple[str, str, str, str],
    interest: tuple[int, int],
    other: tuple[int, int],
) -> None:
    interest_printed, interest_prior, other_printed, other_prior = printed
    text = SECTION_DIRECTIONS.format(
        section=section,
        interest=interest_printed,
        interest_prior=interest_prior,
        other=other_printed,
        other_prior=other_prior,
    )
    values = _written_values(tmp_path, text)
    assert values[("InterestExpenseNonoperating", Q2_24)] == Decimal(interest[0])
    assert values[("InterestExpenseNonoperating", Q2_23)] == Decimal(interest[1])
    (other_income,) = {c for c, _ in values} & OTHER_INCOME
    assert values[(other_income, Q2_24)] == Decimal(other[0])
    assert values[(other_income, Q2_23)] == Decimal(other[1])
    pretax = "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert values[(pretax, Q2_23)] == Decimal(-30_000)


# An IFRS statement prints its costs as deductions; a cost the taxonomy has no concept
# for ("Finance costs") is an extension, positive like the standard costs beside it, and
# the profit it leads to still adds up (the arithmetic subtracts it).
IFRS_COSTS = """Laurel Freight Inc. Reports Fourth Quarter 2025 Results

Laurel Freight Inc. today reported results for the fourth quarter ended December 31, 2025.

CONSOLIDATED STATEMENTS OF PROFIT
(in thousands of Canadian dollars)

\tQ4 2025\tQ4 2024
Revenue\t182,450\t171,320
Cost of sales\t(121,730)\t(116,040)
Gross profit\t60,720\t55,280
General and administrative expenses\t(18,940)\t(17,610)
Operating profit\t41,780\t37,670
{cost}\t(4,260)\t(4,890)
Profit before income taxes\t37,520\t32,780
"""


@pytest.mark.parametrize("cost", ["Finance costs", "Impairment losses on trade receivables"])
def test_a_cost_without_a_standard_concept_is_deducted_like_its_siblings(
    tmp_path: Path, cost: str
) -> None:
    release = tmp_path / "laurel-2025q4.txt"
    release.write_text(IFRS_COSTS.format(cost=cost), encoding="utf-8")
    conversion = convert(release)
    by_label = {(f.source.label, f.source.column): f.value for f in conversion.facts.facts}
    assert by_label[(cost, "Q4 2025")] == Decimal(4_260_000)
    assert by_label[(cost, "Q4 2024")] == Decimal(4_890_000)
    assert by_label[("General and administrative expenses", "Q4 2025")] == Decimal(18_940_000)
    assert not [f for f in conversion.report.findings if f.code.startswith("calc.")]


# A bank's balance sheet printing the allowance as a deduction from gross loans, and
# property at cost less accumulated depreciation; with and without the net line that ties
# the deduction by arithmetic. Liabilities are printed positive, as US statements do.
CONTRA = """Osprey Bancorp Reports Third Quarter 2025 Results

Consolidated Balance Sheets
(In thousands of U.S. dollars)

\tSeptember 30, 2025\tDecember 31, 2024
Cash and due from banks\t$ 112,400\t$ 98,700
Loans held for investment\t5,642,318\t5,436,770
Less: allowance for credit losses\t(68,915)\t(65,788)
{net}Premises and equipment, at cost\t98,200\t95,100
Less: accumulated depreciation\t(41,300)\t(38,900)
Total assets\t$ {assets}\t$ {assets_prior}
Deposits\t$ 5,100,000\t$ 4,900,000
Total liabilities\t5,100,000\t4,900,000
"""


@pytest.mark.parametrize("tied", [True, False], ids=["net-line", "no-net-line"])
def test_a_contra_balance_printed_as_a_deduction_is_positive(tmp_path: Path, tied: bool) -> None:
    net = "Loans, net\t5,573,403\t5,370,982\n" if tied else ""
    text = CONTRA.format(net=net, assets="5,742,703", assets_prior="5,526,782")
    values = _written_values(tmp_path, text)
    at, prior = "2025-09-30", "2024-12-31"
    allowance = "FinancingReceivableAllowanceForCreditLosses"
    assert values[(allowance, at)] == Decimal(68_915_000)
    assert values[(allowance, prior)] == Decimal(65_788_000)
    depreciation = "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"
    assert values[(depreciation, at)] == Decimal(41_300_000)
    assert values[("Liabilities", at)] == Decimal(5_100_000_000)


# An equity section whose sum the release's own lines break (a line without a standard
# concept, "Stock payable", stands among the items), so no calculation ties treasury
# stock: printed in brackets or with the Japanese triangle, it is the positive balance
# equity deducts.
TREASURY = """Osprey Gaming Corp. Reports First Quarter 2025 Results

Consolidated Balance Sheets
(In U.S. dollars)

\tMarch 31, 2025\tDecember 31, 2024
Common stock\t1,331\t1,292
Stock payable\t73,900\t5,711,807
Additional paid-in capital\t58,174,731\t50,313,125
{label}\t{printed[0]}\t{printed[1]}
Accumulated earnings\t56,815,284\t57,046,892
Total shareholders' equity\t108,526,670\t105,072,994
"""


@pytest.mark.parametrize(
    ("label", "printed"),
    [
        ("Treasury stock, at cost (59,796 shares)", ("(121,430)", "(121,430)")),
        ("Treasury shares", ("\u25b3121,430", "\u25b3121,430")),
        ("Treasury stock", ("-121,430", "-121,430")),
    ],
    ids=["bracketed", "triangle", "minus"],
)
def test_treasury_stock_printed_as_a_deduction_is_positive(
    tmp_path: Path, label: str, printed: tuple[str, str]
) -> None:
    values = _written_values(tmp_path, TREASURY.format(label=label, printed=printed))
    assert values[("TreasuryStockValue", "2025-03-31")] == Decimal(121_430)
    assert values[("TreasuryStockValue", "2024-12-31")] == Decimal(121_430)


# A balance sheet of net assets, as UK and other IFRS releases print it: liabilities in
# brackets below the assets, their lines under section headings of their own.
NET_ASSETS = """Harrier Group plc Half Year Results 2025

Condensed consolidated balance sheet
(GBP million)

\t30 June 2025\t31 December 2024
Total assets\t850.5\t842.5
Current liabilities\t\t
Trade and other payables\t(128.4)\t(135.2)
Borrowings\t(20.0)\t(20.0)
Current tax liabilities\t(9.8)\t(8.7)
Total current liabilities\t(158.2)\t(163.9)
Non-current liabilities\t\t
Borrowings\t(185.0)\t(190.0)
Deferred tax liabilities\t(18.7)\t(19.4)
Total non-current liabilities\t(203.7)\t(209.4)
Total liabilities\t(361.9)\t(373.3)
Net assets\t488.6\t469.2
"""


def test_liabilities_printed_in_brackets_above_net_assets_are_positive(tmp_path: Path) -> None:
    release = tmp_path / "harrier-2025h1.txt"
    release.write_text(NET_ASSETS, encoding="utf-8")
    conversion = convert(release)
    assert conversion.facts is not None
    contexts = {c.id: str(c.period.end) for c in conversion.facts.contexts}
    by_label = {
        (f.source.label, contexts[f.context]): f.value
        for f in conversion.facts.facts
        if contexts[f.context] == "2025-06-30"
    }
    for label, value in [
        ("Trade and other payables", 128_400_000),
        ("Current tax liabilities", 9_800_000),
        ("Total current liabilities", 158_200_000),
        ("Deferred tax liabilities", 18_700_000),
        ("Total non-current liabilities", 203_700_000),
        ("Total liabilities", 361_900_000),
    ]:
        assert by_label[(label, "2025-06-30")] == Decimal(value), label
    assert not [f for f in conversion.report.findings if f.code.startswith("calc.")]


# Payments without a standard concept in a cash flow statement, printed as effects on cash.
OUTFLOWS = """Wren Labs Inc. Reports Second Quarter 2024 Results

Condensed Consolidated Statements of Cash Flows
(In thousands of U.S. dollars)

\tSix months ended June 30,\t
\t2024\t2023
Cash flows from financing activities:\t\t
Proceeds from borrowings\t400\t100
{payment}\t(350)\t(40)
Net cash provided by financing activities\t50\t60
"""


@pytest.mark.parametrize(
    "payment",
    [
        "Repayment of term loan B",
        "Payment of contingent consideration for Orion",
        "Cash payments for contingent consideration for Orion",
    ],
)
def test_a_payment_without_a_standard_concept_is_positive(tmp_path: Path, payment: str) -> None:
    values = _written_values(tmp_path, OUTFLOWS.format(payment=payment))
    paid = {
        v
        for (c, p), v in values.items()
        if p == "2024-01-01/2024-06-30" and v in (350_000, -350_000)
    }
    assert paid == {Decimal(350_000)}


# An IFRS operating section: working capital lines name the increase in brackets, taxes paid
# are printed as their effect on cash, and an asset without a standard concept is among them.
IFRS_OPERATING = """Wren Foods plc: interim results for the six months ended 30 June 2024

Condensed consolidated statement of cash flows
(GBP thousands)

\tSix months ended 30 June\t
\t2024\t2023
Cash flows from operating activities\t\t
Profit for the period\t120\t100
Depreciation and amortisation\t30\t28
{receivables}\t(15)\t8
{other_asset}\t(2)\t1
{payables}\t12\t(5)
Income tax paid\t(20)\t(18)
Net cash from operating activities\t125\t114
"""


@pytest.mark.parametrize(
    ("receivables", "payables"),
    [
        (
            "(Increase) decrease in trade and other receivables",
            "Increase (decrease) in trade and other payables",
        ),
        (
            "(Increase)/decrease in trade and other receivables",
            "Increase/(decrease) in trade and other payables",
        ),
    ],
)
@pytest.mark.parametrize(
    "other_asset",
    ["(Increase) decrease in biological assets", "(Increase)/decrease in emission allowances"],
)
def test_an_ifrs_operating_section_signs_its_changes_and_taxes_paid(
    tmp_path: Path, receivables: str, payables: str, other_asset: str
) -> None:
    """ "(15)" under "(Increase) decrease in trade and other receivables" is an increase of
    15; "(5)" under payables a decrease; "Income tax paid (20)" is 20 paid. An asset line
    without a standard concept that names its increase in brackets is reversed alike."""
    text = IFRS_OPERATING.format(
        receivables=receivables, payables=payables, other_asset=other_asset
    )
    values = _written_values(tmp_path, text)
    half, before = "2024-01-01/2024-06-30", "2023-01-01/2023-06-30"
    assert values[("IncreaseDecreaseInAccountsAndOtherReceivables", half)] == 15_000
    assert values[("IncreaseDecreaseInAccountsAndOtherReceivables", before)] == -8_000
    assert values[("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", half)] == 12_000
    assert values[("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", before)] == -5_000
    assert values[("IncomeTaxesPaidNet", half)] == 20_000
    assert values[("IncomeTaxesPaidNet", before)] == 18_000
    extension = {v for (c, p), v in values.items() if p == half and v in (2_000, -2_000)}
    assert extension == {Decimal(2_000)}


# A partnership's reconciliation to distributable cash flow: the lines under "Less:" are
# printed in brackets because they are subtracted; each is a positive payment or cost.
# An adjustment printed in brackets under "Add:" is a negative one and keeps its sign.
LESS_HEADING = """Wren Midstream LP Reports Second Quarter 2024 Results

Reconciliation of Net Income to Distributable Cash Flow
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Net income\t500\t450
Add:\t\t
Depreciation and amortization\t120\t110
Unrealized hedging gains\t(20)\t(15)
Adjusted operating cash measure\t600\t545
{heading}\t\t
Maintenance capital expenditures\t(31)\t(28)
Cash interest paid, net\t(85)\t(89)
Distributable cash flow\t484\t428
"""


@pytest.mark.parametrize("heading", ["Less:", "Deduct:"])
def test_lines_under_a_less_heading_are_positive_deductions(tmp_path: Path, heading: str) -> None:
    release = tmp_path / "wren-2024q2.txt"
    release.write_text(LESS_HEADING.format(heading=heading), encoding="utf-8")
    conversion = convert(release)
    by_label = {(f.source.label, f.source.column): f.value for f in conversion.facts.facts}
    current = next(c for label, c in by_label if label == "Net income" and "2024" in c)
    assert by_label[("Maintenance capital expenditures", current)] == Decimal(31_000)
    assert by_label[("Cash interest paid, net", current)] == Decimal(85_000)
    assert by_label[("Unrealized hedging gains", current)] == Decimal(-20_000)
    assert by_label[("Distributable cash flow", current)] == Decimal(484_000)


# Lines a subtotal subtracts, printed in brackets, where the taxonomy's relation alone does
# not hold: the release prints one more deduction beside them (preferred dividends; a
# second kind of capital spending). Subtracted, each is the positive amount XBRL wants,
# and the printed arithmetic holds without a finding.
SUBTRACTED_IN_BRACKETS = """Wren Realty Trust Reports Second Quarter 2024 Results

Condensed Consolidated Statements of Operations
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Total revenues\t1,885\t1,738
Total expenses\t1,635\t1,527
Net income\t250\t211
Net income attributable to noncontrolling interests\t(12)\t(9)
Preferred share dividends\t(28)\t(28)
Net income attributable to common shareholders\t210\t174

Free Cash Flow
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Net cash provided by operating activities\t400\t350
Purchases of property and equipment\t(19)\t(23)
Capitalized internal-use software\t(21)\t(20)
Free cash flow\t360\t307
"""


def test_lines_a_subtotal_subtracts_in_brackets_are_positive(tmp_path: Path) -> None:
    release = tmp_path / "wren-2024q2.txt"
    release.write_text(SUBTRACTED_IN_BRACKETS, encoding="utf-8")
    conversion = convert(release)
    values = {
        (f.concept, f.source.column): f.value
        for f in conversion.facts.facts
        if "2024" in f.source.column
    }
    (current,) = {c for _, c in values}
    for concept, value in [
        ("NetIncomeLossAttributableToNoncontrollingInterest", 12_000),
        ("PreferredStockDividendsIncomeStatementImpact", 28_000),
        ("NetIncomeLoss", 210_000),
        ("PaymentsToAcquirePropertyPlantAndEquipment", 19_000),
        ("FreeCashFlow", 360_000),
    ]:
        assert values[(concept, current)] == Decimal(value), concept
    assert not [f for f in conversion.report.findings if f.code.startswith("calc.")]


# Sums the table prints among lines without standard concepts: a statement of net assets
# deducting its liabilities in one line each, and finance income netted against finance
# costs. The sum deducts the bracketed line: it is positive.
PRINTED_SUMS = """Harrier Group plc Half Year Results 2025

Condensed consolidated income statement
(GBP thousand)

\t6 months to 30 June 2025\t6 months to 30 June 2024
Revenue\t90,100\t85,300
Operating profit\t12,400\t11,200
Finance costs\t2,815\t2,412
Finance income\t(204)\t(185)
Net finance costs\t2,611\t2,227
Profit before tax\t9,789\t8,973

Condensed consolidated statement of financial position
(GBP thousand)

\t30 June 2025\t31 December 2024
Total assets\t56,265\t55,517
Current liabilities\t(17,408)\t(17,902)
Non-current liabilities\t(9,216)\t(9,843)
Total liabilities\t(26,624)\t(27,745)
Net assets\t29,641\t27,772
"""


def test_lines_a_printed_sum_deducts_are_positive(tmp_path: Path) -> None:
    release = tmp_path / "harrier-2025h1.txt"
    release.write_text(PRINTED_SUMS, encoding="utf-8")
    conversion = convert(release)
    by_label = {(f.source.label, f.source.column): f.value for f in conversion.facts.facts}
    current = {label: v for (label, column), v in by_label.items() if "2025" in column}
    assert current["Finance income"] == Decimal(204_000)
    assert current["Net finance costs"] == Decimal(2_611_000)
    assert current["Current liabilities"] == Decimal(17_408_000)
    assert current["Non-current liabilities"] == Decimal(9_216_000)
    assert current["Total liabilities"] == Decimal(26_624_000)


# An income statement by nature, as IFRS issuers print it: every cost in brackets.
BY_NATURE = """Alcora Servicios S.A. Reports Third Quarter 2025 Results

Alcora Servicios S.A. today reported results for the third quarter ended September 30, 2025.

CONSOLIDATED INCOME STATEMENT
(EUR thousand)

\tQ3 2025\tQ3 2024
Revenue\t1,678,400\t1,522,900
Depreciation and amortisation\t(55,400)\t(50,900)
{personnel}\t(381,200)\t(352,000)
Other operating expenses\t(104,900)\t(101,600)
Operating profit\t1,136,900\t1,018,400
{tax}\t(31,000)\t(21,600)
"""


@pytest.mark.parametrize(
    ("personnel", "tax"),
    [
        ("Personnel expenses", "Corporate income tax"),
        ("Employee benefits expense", "Income tax expense"),
        ("Staff costs", "Corporate income tax"),
    ],
)
def test_expenses_by_nature_printed_in_brackets_are_positive(
    tmp_path: Path, personnel: str, tax: str
) -> None:
    """Personnel costs and income tax printed in brackets among costs that are all printed
    so are expenses of 381.2m and 31.0m, positive like the statement's other costs, under
    their us-gaap concepts."""
    release = tmp_path / "alcora-2025q3.txt"
    release.write_text(BY_NATURE.format(personnel=personnel, tax=tax), encoding="utf-8")
    conversion = convert(release)
    by_concept = {(f.concept, f.source.column): f.value for f in conversion.facts.facts}
    assert by_concept[("LaborAndRelatedExpense", "Q3 2025")] == Decimal(381_200_000)
    assert by_concept[("LaborAndRelatedExpense", "Q3 2024")] == Decimal(352_000_000)
    assert by_concept[("IncomeTaxExpenseBenefit", "Q3 2025")] == Decimal(31_000_000)
    assert by_concept[("OtherCostAndExpenseOperating", "Q3 2025")] == Decimal(104_900_000)


# A reconciliation of net income to adjusted EBITDA: six adjustments, a gain deducted and a
# loss added back, in a printed sum longer than a statement's subtotals.
RECONCILIATION = """Tamsin Industrial Reports Fourth Quarter 2025 Results

Tamsin Industrial Inc. today reported results for the fourth quarter ended December 31, 2025.

Reconciliation of Net Income to Adjusted EBITDA
($ in millions)

\tQ4 2025\tQ4 2024
Net income\t42.6\t18.9
Interest expense, net\t21.4\t23.0
Income tax expense\t12.8\t5.1
Depreciation and amortization\t38.7\t36.5
Stock-based compensation\t5.3\t4.9
{gain}\t(11.2)\t(2.0)
{loss}\t3.4\t—
Adjusted EBITDA\t113.0\t86.4
"""


@pytest.mark.parametrize(
    ("gain", "loss"),
    [
        ("Gain on sale of business", "Loss on extinguishment of debt"),
        ("Gain on investments", "Loss on extinguishment of debt"),
        ("Gain on sale of business", "Loss on investments"),
    ],
)
def test_a_reconciliation_deducts_a_gain_and_adds_back_a_loss(
    tmp_path: Path, gain: str, loss: str
) -> None:
    """The gain deducted from net income is a gain of 11.2 (positive in its gain-or-loss
    concept); the loss added back is a loss of 3.4 (negative); expenses added back stay
    positive."""
    release = tmp_path / "tamsin-2025q4.txt"
    release.write_text(RECONCILIATION.format(gain=gain, loss=loss), encoding="utf-8")
    conversion = convert(release)
    by_label = {(f.source.label, f.source.column): f.value for f in conversion.facts.facts}
    current = {label: v for (label, column), v in by_label.items() if "2025" in column}
    prior = {label: v for (label, column), v in by_label.items() if "2024" in column}
    assert current[gain] == Decimal(11_200_000)
    assert prior[gain] == Decimal(2_000_000)
    assert current[loss] == Decimal(-3_400_000)
    assert current["Income tax expense"] == Decimal(12_800_000)
    assert current["Stock-based compensation"] == Decimal(5_300_000)
    assert current["Adjusted EBITDA"] == Decimal(113_000_000)


# Payments printed as outflows outside the cash flow statement: a results summary and a
# free cash flow reconciliation print capital expenditures, share repurchases and dividends
# in brackets. Each is money paid out, positive under its us-gaap payment concept.
SUMMARY = """Brisen Tools Reports Fourth Quarter 2025 Results

Brisen Tools Inc. today reported results for the fourth quarter ended December 31, 2025.

{title}
($ in millions)

\tQ4 2025\tQ4 2024
Net sales\t{d}1,204.6\t{d}1,150.2
Operating income\t{d}140.3\t{d}131.7
Capital expenditures\t{d}(88.5)\t{d}(121.6)
Repurchases of common stock\t{d}(50.0)\t{d}(25.0)
Dividends paid\t{d}(12.4)\t{d}(11.9)
"""

FREE_CASH_FLOW = """Brisen Tools Reports Fourth Quarter 2025 Results

Brisen Tools Inc. today reported results for the fourth quarter ended December 31, 2025.

{title}
($ in millions)

\tQ4 2025\tQ4 2024
Net cash provided by operating activities\t{d}310.2\t{d}290.4
Capital expenditures\t(88.5)\t(121.6)
{measure}\t{d}221.7\t{d}168.8
"""


@pytest.mark.parametrize("dollar", ["$", ""], ids=["dollar", "bare"])
@pytest.mark.parametrize(
    "title", ["Fourth Quarter Summary", "Financial Highlights", "Selected Financial Data"]
)
def test_payments_printed_in_brackets_in_a_summary_are_positive(
    tmp_path: Path, dollar: str, title: str
) -> None:
    release = tmp_path / "brisen-2025q4.txt"
    release.write_text(SUMMARY.format(title=title, d=dollar), encoding="utf-8")
    values = {(f.concept, f.source.column): f.value for f in convert(release).facts.facts}
    assert values[("PaymentsToAcquirePropertyPlantAndEquipment", "Q4 2025")] == Decimal(88_500_000)
    assert values[("PaymentsToAcquirePropertyPlantAndEquipment", "Q4 2024")] == Decimal(121_600_000)
    assert values[("PaymentsForRepurchaseOfCommonStock", "Q4 2025")] == Decimal(50_000_000)
    assert values[("PaymentsOfDividends", "Q4 2025")] == Decimal(12_400_000)
    assert values[("OperatingIncomeLoss", "Q4 2025")] == Decimal(140_300_000)


@pytest.mark.parametrize("dollar", ["$", ""], ids=["dollar", "bare"])
@pytest.mark.parametrize(
    ("title", "measure"),
    [
        ("Free Cash Flow", "Adjusted free cash flow"),
        ("Cash Flow Highlights", "Adjusted free cash flow"),
        ("Reconciliation of Adjusted Free Cash Flow", "Adjusted free cash flow"),
        ("Reconciliation of Free Cash Flow", "Free cash flow"),
    ],
)
def test_capital_expenditures_deducted_in_free_cash_flow_are_positive(
    tmp_path: Path, dollar: str, title: str, measure: str
) -> None:
    """Whether or not the table is read as a reconciliation, and whether or not the
    taxonomy relates the measure to its lines, the capital spending it deducts is the
    payment of 88.5, not a gain adjusting the measure."""
    release = tmp_path / "brisen-2025q4.txt"
    release.write_text(
        FREE_CASH_FLOW.format(title=title, measure=measure, d=dollar), encoding="utf-8"
    )
    by_label = {(f.source.label, f.source.column): f.value for f in convert(release).facts.facts}
    assert by_label[("Capital expenditures", "Q4 2025")] == Decimal(88_500_000)
    assert by_label[("Capital expenditures", "Q4 2024")] == Decimal(121_600_000)
    assert by_label[(measure, "Q4 2025")] == Decimal(221_700_000)


# The same reconciliation per diluted share: the gain deducted, "(0.03)", is a gain of 0.03
# per share, as the money line's "(11.2)" is a gain of 11.2; the loss added back a loss. A
# dash among the figures is a per-share nil, not an amount of money.
PER_SHARE_RECONCILIATION = """Tamsin Industrial Reports Fourth Quarter 2025 Results

Tamsin Industrial Inc. today reported results for the fourth quarter ended December 31, 2025.

{title}

\tQ4 2025\tQ4 2024
{start}\t$0.98\t$0.85
Restructuring\t0.06\t0.04
{gain}\t(0.03)\t{nil}
Loss on extinguishment of debt\t0.02\t{nil}
Tax effect of adjustments\t(0.01)\t(0.01)
{end}\t$1.02\t$0.88
"""


@pytest.mark.parametrize("nil", ["—", "-"])
@pytest.mark.parametrize(
    ("title", "start", "end", "gain"),
    [
        (
            "Reconciliation of GAAP Diluted EPS to Adjusted Diluted EPS",
            "GAAP diluted EPS",
            "Adjusted diluted EPS",
            "Gain on sale of business",
        ),
        (
            "Non-GAAP Reconciliation: Earnings per Diluted Share",
            "Diluted earnings per share (GAAP)",
            "Adjusted diluted earnings per share (non-GAAP)",
            "Gain on sale of investments",
        ),
    ],
)
def test_a_per_share_reconciliation_deducts_a_gain_and_adds_back_a_loss(
    tmp_path: Path, nil: str, title: str, start: str, end: str, gain: str
) -> None:
    release = tmp_path / "tamsin-2025q4.txt"
    text = PER_SHARE_RECONCILIATION.format(title=title, start=start, end=end, gain=gain, nil=nil)
    release.write_text(text, encoding="utf-8")
    facts = convert(release).facts.facts
    by_label = {(f.source.label, f.source.column): f.value for f in facts}
    assert by_label[(gain, "Q4 2025")] == Decimal("0.03")
    assert by_label[("Loss on extinguishment of debt", "Q4 2025")] == Decimal("-0.02")
    assert by_label[("Restructuring", "Q4 2025")] == Decimal("0.06")
    assert by_label[("Tax effect of adjustments", "Q4 2025")] == Decimal("-0.01")
    assert by_label[(end, "Q4 2025")] == Decimal("1.02")
    # The dashes are nils per share, in the per-share unit like the row's figures.
    nils = [f for f in facts if f.source.label == gain and f.source.column == "Q4 2024"]
    assert [f.value for f in nils] == [Decimal(0)]
    assert all(f.concept.endswith("PerShare") for f in facts if f.source.label == gain)


# A reconciliation printing each adjustment in money and per diluted share side by side:
# both columns of a row follow one convention, so the gain deducted is a gain in both and
# the loss added back a loss in both, whether or not the taxonomy relates the measures.
SIDE_BY_SIDE = """Tamsin Industrial Reports Fourth Quarter 2025 Results

Tamsin Industrial Inc. today reported results for the fourth quarter ended December 31, 2025.

Reconciliation of GAAP to Adjusted Net Income
($ in millions, except per share amounts)

\tQ4 2025\tQ4 2024\tQ4 2025\tQ4 2024
\tAmount\tAmount\t{per_share}\t{per_share}
{start}\t60.0\t52.0\t0.98\t0.85
Restructuring\t3.7\t2.4\t0.06\t0.04
Gain on sale of business\t(1.8)\t—\t(0.03)\t—
Loss on extinguishment of debt\t1.2\t—\t0.02\t—
Tax effect of adjustments\t(0.6)\t(0.6)\t(0.01)\t(0.01)
{end}\t62.5\t53.8\t1.02\t0.88
"""


@pytest.mark.parametrize("per_share", ["Per diluted share", "Diluted EPS"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("Net income (GAAP)", "Adjusted net income"),
        ("GAAP net income", "Non-GAAP net income"),
    ],
)
def test_a_reconciliation_in_money_and_per_share_signs_both_alike(
    tmp_path: Path, per_share: str, start: str, end: str
) -> None:
    release = tmp_path / "tamsin-2025q4.txt"
    text = SIDE_BY_SIDE.format(per_share=per_share, start=start, end=end)
    release.write_text(text, encoding="utf-8")
    conversion = convert(release)
    values = {
        (f.source.label, f.source.column, f.unit.endswith("_per_share")): f.value
        for f in conversion.facts.facts
        if "2025" in f.source.column
    }
    amount, each = "Q4 2025 Amount", f"Q4 2025 {per_share}"
    assert values[("Gain on sale of business", amount, False)] == Decimal(1_800_000)
    assert values[("Gain on sale of business", each, True)] == Decimal("0.03")
    assert values[("Loss on extinguishment of debt", amount, False)] == Decimal(-1_200_000)
    assert values[("Loss on extinguishment of debt", each, True)] == Decimal("-0.02")
    assert values[("Restructuring", each, True)] == Decimal("0.06")
    assert values[(end, amount, False)] == Decimal(62_500_000)
    assert not [f for f in conversion.report.findings if f.code.startswith("calc.")]


# An income tax line whose label names both directions in words of several in brackets,
# and no printed total ties it (the statement prints no income before taxes line): the
# unbracketed words say what a positive number is, "provision" naming the expense.
TAX_DIRECTIONS = """Wren Labs Inc. Reports Second Quarter 2024 Results

Condensed Consolidated Statements of Operations
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Revenue\t900\t800
{tax}\t{current}\t{prior}
"""


@pytest.mark.parametrize(
    ("tax", "current", "prior"),
    [
        pytest.param(
            "Benefit from (provision for) income taxes", "(127)", "57", id="benefit-first"
        ),
        pytest.param("Provision for (benefit from) income taxes", "127", "(57)", id="provision"),
        pytest.param("Income tax benefit (provision)", "(127)", "57", id="one-word"),
        pytest.param(
            "(Benefit from) provision for income taxes", "127", "(57)", id="bracket-first"
        ),
    ],
)
def test_a_tax_line_naming_both_directions_in_several_words(
    tmp_path: Path, tax: str, current: str, prior: str
) -> None:
    """A provision of 127 is an income tax expense of 127, a benefit of 57 one of -57,
    however the label orders the two."""
    text = TAX_DIRECTIONS.format(tax=tax, current=current, prior=prior)
    values = _written_values(tmp_path, text)
    assert values[("IncomeTaxExpenseBenefit", Q2_24)] == Decimal(127_000)
    assert values[("IncomeTaxExpenseBenefit", Q2_23)] == Decimal(-57_000)


# A row that says itself that it is deducted ("Less: Income taxes (469)"), in a return on
# invested capital table: the tax is an expense of 469. A line without a standard concept
# keeps the word in its own name and its printed sign.
OWN_DEDUCTION = """Wren Stores Inc. Reports Second Quarter 2024 Results

Return on Invested Capital
($ in millions)

\tThree months ended June 30,\t
\t2024\t2023
Operating income\t1,621\t2,306
Add: Depreciation\t855\t806
{tax}\t(469)\t(625)
Adjusted operating income after tax\t2,007\t2,487
Total assets\t16,130\t17,702
Less: Excess cash\t(346)\t(1,374)
Invested operating assets\t15,784\t16,328
"""


@pytest.mark.parametrize(
    "tax", ["Less: Income taxes", "Less: Income tax expense", "Deduct: Income taxes"]
)
def test_an_expense_that_says_it_is_deducted_is_positive(tmp_path: Path, tax: str) -> None:
    release = tmp_path / "wren-2024q2.txt"
    release.write_text(OWN_DEDUCTION.format(tax=tax), encoding="utf-8")
    facts = convert(release).facts.facts
    by_label = {(f.source.label, "2024" in f.source.column): f.value for f in facts}
    assert by_label[(tax, True)] == Decimal(469_000_000)
    assert by_label[(tax, False)] == Decimal(625_000_000)
    assert by_label[("Less: Excess cash", True)] == Decimal(-346_000_000)


# A statement of operations with no subtotal: its costs printed positive under
# "Expenses:", then a gain and one more line, then net income. Only the sum of all the
# lines above net income, each added or subtracted by its concept's balance, tells what
# the bracket on the last line means.
NO_SUBTOTAL = """Tidemark Logistics Trust Reports Second Quarter 2024 Results

Consolidated Statements of Operations
(In thousands of U.S. dollars)

\tThree months ended June 30,\t
\t2024\t2023
Rental revenues\t142,815\t136,350
Expenses:\t\t
Property operating expenses\t37,905\t35,120
Depreciation and amortization\t52,840\t49,215
General and administrative\t9,512\t8,804
Gain on sale of real estate\t6,245\t2,110
{line}\t{printed[0]}\t{printed[1]}
Net income\t{net[0]}\t{net[1]}
"""


@pytest.mark.parametrize(
    ("line", "printed", "net", "expected"),
    [
        # Net income subtracts the bracketed interest: an expense of 9,176.
        pytest.param(
            "Interest expense",
            ("(9,176)", "(8,996)"),
            ("39,627", "36,325"),
            (9_176_000, 8_996_000),
            id="cost-deducted",
        ),
        pytest.param(
            "Interest expense, net",
            ("(9,176)", "(8,996)"),
            ("39,627", "36,325"),
            (9_176_000, 8_996_000),
            id="net-cost-deducted",
        ),
        # Net income adds the bracketed charges back: a reversal the release states.
        pytest.param(
            "Restructuring charges",
            ("(1,200)", "(300)"),
            ("50,003", "45,621"),
            (-1_200_000, -300_000),
            id="reversal-added",
        ),
        # Other income (expense) is signed: a net expense is negative whatever the sum.
        pytest.param(
            "Other income (expense), net",
            ("(1,200)", "(300)"),
            ("47,603", "45,021"),
            (-1_200_000, -300_000),
            id="signed-line",
        ),
    ],
)
def test_a_bracketed_line_the_total_below_deducts_is_positive(
    tmp_path: Path,
    line: str,
    printed: tuple[str, str],
    net: tuple[str, str],
    expected: tuple[int, int],
) -> None:
    release = tmp_path / "tidemark-2024q2.txt"
    release.write_text(NO_SUBTOTAL.format(line=line, printed=printed, net=net), encoding="utf-8")
    conversion = convert(release)
    by_label = {(f.source.label, f.source.column): f.value for f in conversion.facts.facts}
    column = "Three months ended June 30, {}"
    assert by_label[(line, column.format(2024))] == Decimal(expected[0])
    assert by_label[(line, column.format(2023))] == Decimal(expected[1])
    assert by_label[("General and administrative", column.format(2024))] == Decimal(9_512_000)
