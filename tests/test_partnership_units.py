"""Partnerships and trusts: amounts per unit, unit counts, coverage multiples, ratio points.

A master limited partnership or a REIT prints "per limited partner unit", "per common
unit" or "Distribution per unit (cents)" where a company prints "per share": its units
are its shares. An amount per unit is a per-share amount (currency per share), never
scaled by the caption's millions; cents per unit are hundredths, as cents per share are;
a count of units outstanding is a share count, scaled as share counts are. Expected
values are the printed figures, written by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exporter.options import ConvertOptions
from exporter.pipeline import convert

PARTNERSHIP = """Juniper Basin Midstream Partners, LP Reports Third Quarter 2025 Results

HOUSTON, November 4, 2025 -- Juniper Basin Midstream Partners, LP today reported results.

CONSOLIDATED STATEMENTS OF OPERATIONS
(In millions, except per unit amounts)
\tThree Months Ended September 30,\t
\t2025\t2024
Total revenues\t$ 612.4\t$ 598.0
Operating income\t244.1\t231.7
Net income\t$ 201.5\t$ 190.2
{per_unit}\t$ 0.48\t$ 0.45
{units}\t409.6\t407.8
{distribution}\t$ 0.7850\t$ 0.7600
"""

TRUST = """Cendana Logistics Trust Reports Results for the Half Year Ended 30 June 2025

SINGAPORE, 30 July 2025 -- Cendana Logistics Trust today reported its results.

SUMMARY OF RESULTS
\t1H FY2025\t1H FY2024
\tS$'000\tS$'000
Gross revenue\t98,412\t91,837
Net property income\t73,507\t68,419
Distribution to Unitholders\t48,707\t45,883
{dpu}\t3.812\t3.604

STATEMENT OF FINANCIAL POSITION
\t30 Jun 2025\t31 Dec 2024
\tS$'000\tS$'000
Total assets\t3,595,000\t3,574,200
Net assets attributable to Unitholders\t2,199,860\t2,196,775
{nav}\t1.72\t1.73
"""

Fact = tuple[str, Decimal, str]


def _table_facts(path: Path, text: str) -> dict[tuple[str, str], Fact]:
    """The release's table facts by (row label, period as "start..end" or "@end"):
    concept, value and unit as written ("iso4217:USD/xbrli:shares")."""
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    units = {
        u.id: "/".join(("*".join(u.numerator), *u.denominator)) for u in conversion.facts.units
    }
    periods = {
        c.id: f"{c.period.start}..{c.period.end}" if c.period.start else f"@{c.period.end}"
        for c in conversion.facts.contexts
    }
    return {
        (f.source.label, periods[f.context]): (f.concept, f.value, units[f.unit])
        for f in conversion.facts.facts
        if f.source.kind.value == "table"
    }


def _values(facts: dict[tuple[str, str], Fact], label: str) -> dict[str, tuple[Decimal, str]]:
    """The row's figures by period, without the concept (an extension's name is the
    row's wording)."""
    return {
        period: (value, unit) for (row, period), (_, value, unit) in facts.items() if row == label
    }


@pytest.mark.parametrize(
    ("per_unit", "units", "distribution"),
    [
        (
            "Net income per limited partner unit — basic and diluted",
            "Weighted average limited partner units outstanding — basic and diluted",
            "Distribution declared per limited partner unit",
        ),
        (
            "Net income per common unit - diluted",
            "Weighted average common units outstanding - diluted",
            "Distributions declared per common unit",
        ),
    ],
)
def test_amounts_per_unit_are_per_share_and_units_are_shares(
    tmp_path: Path, per_unit: str, units: str, distribution: str
) -> None:
    release = PARTNERSHIP.format(per_unit=per_unit, units=units, distribution=distribution)
    facts = _table_facts(tmp_path / "juniper-2025q3.txt", release)
    quarter, prior = "2025-07-01..2025-09-30", "2024-07-01..2024-09-30"
    assert _values(facts, per_unit) == {
        quarter: (Decimal("0.48"), "iso4217:USD/xbrli:shares"),
        prior: (Decimal("0.45"), "iso4217:USD/xbrli:shares"),
    }
    assert _values(facts, distribution) == {
        quarter: (Decimal("0.7850"), "iso4217:USD/xbrli:shares"),
        prior: (Decimal("0.7600"), "iso4217:USD/xbrli:shares"),
    }
    assert _values(facts, units) == {
        quarter: (Decimal(409_600_000), "xbrli:shares"),
        prior: (Decimal(407_800_000), "xbrli:shares"),
    }
    assert facts[("Net income", quarter)] == ("NetIncomeLoss", Decimal(201_500_000), "iso4217:USD")


@pytest.mark.parametrize(
    ("dpu", "nav"),
    [
        ("Distribution per unit (cents)", "Net asset value per unit (S$)"),
        ("DPU (Singapore cents)", "NAV per unit (S$)"),
    ],
)
def test_a_trusts_distribution_and_nav_per_unit_are_per_share(
    tmp_path: Path, dpu: str, nav: str
) -> None:
    facts = _table_facts(tmp_path / "cendana-1h2025.txt", TRUST.format(dpu=dpu, nav=nav))
    assert _values(facts, dpu) == {
        "2025-01-01..2025-06-30": (Decimal("0.03812"), "iso4217:SGD/xbrli:shares"),
        "2024-01-01..2024-06-30": (Decimal("0.03604"), "iso4217:SGD/xbrli:shares"),
    }
    assert _values(facts, nav) == {
        "@2025-06-30": (Decimal("1.72"), "iso4217:SGD/xbrli:shares"),
        "@2024-12-31": (Decimal("1.73"), "iso4217:SGD/xbrli:shares"),
    }


def test_shares_and_operating_partnership_units_are_a_share_count(tmp_path: Path) -> None:
    release = """Larkspur Residential Trust Reports Second Quarter 2025 Results

DENVER, July 29, 2025 -- Larkspur Residential Trust today reported results.

RECONCILIATION OF NET INCOME TO FFO
(In thousands, except per share and unit amounts)
\tThree Months Ended June 30,\t
\t2025\t2024
Net income\t$ 29,512\t$ 17,020
Real estate depreciation and amortization\t58,930\t55,114
Funds from operations\t$ 88,442\t$ 72,134
Weighted average diluted common shares and OP units\t131,208\t124,702
"""
    facts = _table_facts(tmp_path / "larkspur-2025q2.txt", release)
    assert _values(facts, "Weighted average diluted common shares and OP units") == {
        "2025-04-01..2025-06-30": (Decimal(131_208_000), "xbrli:shares"),
        "2024-04-01..2024-06-30": (Decimal(124_702_000), "xbrli:shares"),
    }


COVERAGE = """Juniper Basin Midstream Partners, LP Reports Third Quarter 2025 Results

HOUSTON, November 4, 2025 -- Juniper Basin Midstream Partners, LP today reported results.

RECONCILIATION OF NET INCOME TO DISTRIBUTABLE CASH FLOW
(In millions, except per unit amounts and coverage ratio)
\tThree Months Ended September 30,\t
\t2025\t2024
Net income\t$ 201.5\t$ 190.2
Depreciation and amortization\t88.0\t84.1
Adjusted EBITDA\t$ 289.5\t$ 274.3
Distributable cash flow\t$ 231.6\t$ 219.4
{coverage}\t{this}\t{last}
"""


@pytest.mark.parametrize(
    ("coverage", "this", "last"),
    [
        ("Distribution coverage ratio", "1.32x", "1.28x"),
        ("Distribution coverage ratio", "1.32", "1.28"),
        ("Coverage", "1.32x", "1.28x"),
        ("Interest coverage", "1.32", "1.28"),
    ],
)
def test_a_coverage_multiple_is_a_pure_ratio(
    tmp_path: Path, coverage: str, this: str, last: str
) -> None:
    release = COVERAGE.format(coverage=coverage, this=this, last=last)
    facts = _table_facts(tmp_path / "juniper-2025q3.txt", release)
    assert _values(facts, coverage) == {
        "2025-07-01..2025-09-30": (Decimal("1.32"), "xbrli:pure"),
        "2024-07-01..2024-09-30": (Decimal("1.28"), "xbrli:pure"),
    }
    assert facts[("Distributable cash flow", "2025-07-01..2025-09-30")][1:] == (
        Decimal(231_600_000),
        "iso4217:USD",
    )


@pytest.mark.parametrize(
    "label",
    ["Catastrophe losses impact on combined ratio (points)", "Catastrophe losses (pts)"],
)
def test_points_of_a_ratio_are_percentage_points(tmp_path: Path, label: str) -> None:
    release = f"""Harrow Mutual Holdings Reports Third Quarter 2025 Results

COLUMBUS, Ohio, October 28, 2025 -- Harrow Mutual Holdings, Inc. today reported results.

SELECTED FINANCIAL DATA
(In millions)
\tThree Months Ended September 30,\t
\t2025\t2024
Net premiums earned\t$ 1,854.2\t$ 1,712.9
Catastrophe losses\t96.4\t152.8
{label}\t5.2\t9.0
Combined ratio\t94.1%\t98.7%
"""
    facts = _table_facts(tmp_path / "harrow-2025q3.txt", release)
    assert _values(facts, label) == {
        "2025-07-01..2025-09-30": (Decimal("0.052"), "xbrli:pure"),
        "2024-07-01..2024-09-30": (Decimal("0.090"), "xbrli:pure"),
    }


@pytest.mark.parametrize("holder", ["limited partner", "common"])
def test_a_partnerships_per_unit_lines_are_the_us_gaap_elements(
    tmp_path: Path, holder: str
) -> None:
    release = f"""Juniper Basin Midstream Partners, LP Reports Third Quarter 2025 Results

HOUSTON, November 4, 2025 -- Juniper Basin Midstream Partners, LP today reported results.

CONSOLIDATED STATEMENTS OF OPERATIONS
(In millions, except per unit amounts)
\tThree Months Ended September 30,\t
\t2025\t2024
Total revenues\t$ 612.4\t$ 598.0
Net income\t$ 201.5\t$ 190.2
Net income per {holder} unit - basic\t$ 0.49\t$ 0.46
Net income per {holder} unit - diluted\t$ 0.48\t$ 0.45
Weighted average {holder} units outstanding - basic\t409.6\t407.8
Weighted average {holder} units outstanding - diluted\t411.2\t409.0
Distributions declared per {holder} unit\t$ 0.7850\t$ 0.7600
"""
    facts = _table_facts(tmp_path / "juniper-2025q3.txt", release)
    quarter = "2025-07-01..2025-09-30"
    per_unit, units = "iso4217:USD/xbrli:shares", "xbrli:shares"
    assert facts[(f"Net income per {holder} unit - basic", quarter)] == (
        "NetIncomeLossPerOutstandingLimitedPartnershipUnitBasicNetOfTax",
        Decimal("0.49"),
        per_unit,
    )
    assert facts[(f"Net income per {holder} unit - diluted", quarter)] == (
        "NetIncomeLossNetOfTaxPerOutstandingLimitedPartnershipUnitDiluted",
        Decimal("0.48"),
        per_unit,
    )
    assert facts[(f"Weighted average {holder} units outstanding - basic", quarter)] == (
        "WeightedAverageLimitedPartnershipUnitsOutstanding",
        Decimal(409_600_000),
        units,
    )
    assert facts[(f"Weighted average {holder} units outstanding - diluted", quarter)] == (
        "WeightedAverageLimitedPartnershipUnitsOutstandingDiluted",
        Decimal(411_200_000),
        units,
    )
    assert facts[(f"Distributions declared per {holder} unit", quarter)] == (
        "DistributionMadeToLimitedPartnerDistributionsDeclaredPerUnit",
        Decimal("0.7850"),
        per_unit,
    )
