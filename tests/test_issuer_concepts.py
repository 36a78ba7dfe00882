"""The issuer's own concepts: where Apple's 10-Q tags the numbers its press release prints
(`fixtures/corpus/concepts/`, from SEC companyfacts), our facts carry the same us-gaap
names. Data vendors join press-release facts to the later filings by concept name.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cells import fact_set

from exporter.options import ConvertOptions
from exporter.pipeline import convert

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
RELEASES = ("apple-fy2011q1", "apple-fy2024q1")
FLOOR = 0.95


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _misses(stem: str) -> tuple[int, list[tuple[str, list[str], list[str]]]]:
    """How many facts the issuer tagged, and those we carry under another concept."""
    tagged = json.loads((CORPUS / "concepts" / f"{stem}.json").read_text(encoding="utf-8"))
    facts = fact_set(CORPUS / f"{stem}.htm")
    plain = {(c.period.start, c.period.end): c.id for c in facts.contexts if c.member is None}
    total, misses = 0, []
    for expected in tagged["facts"]:
        if not expected["concepts"]:
            continue
        total += 1
        names = [c.split(":")[1] for c in expected["concepts"]]
        context = plain.get((_day(expected["period_start"]), _day(expected["period_end"])))
        value = abs(Decimal(str(expected["value"])))
        ours = [f.concept for f in facts.facts if f.context == context and abs(f.value) == value]
        if not set(ours) & set(names):
            misses.append((expected["label"], names, ours))
    return total, misses


def test_apple_releases_carry_apples_own_concepts() -> None:
    """At least 95% of the facts Apple tagged carry Apple's concept (38 of the 39)."""
    total = missed = 0
    listed = []
    for stem in RELEASES:
        count, misses = _misses(stem)
        total, missed = total + count, missed + len(misses)
        listed += misses
    assert total == 39
    assert (total - missed) / total >= FLOOR, listed


def test_net_income_sales_and_cost_of_sales_follow_the_release() -> None:
    """No noncontrolling interest printed: NetIncomeLoss; net sales in the 2024 release are
    revenue from contracts with customers, in the 2011 one SalesRevenueNet; cost of sales is
    CostOfGoodsAndServicesSold (Apple's own tags, written here by hand)."""
    old = {f.concept for f in fact_set(CORPUS / "apple-fy2011q1.htm").facts}
    new = {f.concept for f in fact_set(CORPUS / "apple-fy2024q1.htm").facts}
    assert {"NetIncomeLoss", "SalesRevenueNet", "CostOfGoodsAndServicesSold"} <= old
    assert "ProfitLoss" not in old | new and "Revenues" not in old | new
    assert {"NetIncomeLoss", "RevenueFromContractWithCustomerExcludingAssessedTax"} <= new
    assert "RevenueFromContractWithCustomerExcludingAssessedTax" not in old


_UNCLASSIFIED = """Harbor Lane Bancorp Reports Third Quarter 2025 Results

HARBOR CITY, Ohio, October 20, 2025 -- Harbor Lane Bancorp today reported results for the
quarter ended September 30, 2025.

CONDENSED CONSOLIDATED BALANCE SHEETS
(Dollars in thousands)
                                        September 30,   December 31,
                                                2025           2024
Cash and due from banks                       41,210         38,904
Loans, net                                   612,480        588,115
{current_total}Other assets                                  15,466         14,602
Other long-term assets                         2,100          2,050
Total assets                                 671,256        643,671
Deposits                                     580,225        556,310
{current_liabilities}Other liabilities                              8,401          7,574
Total liabilities                            588,626        563,884
Total shareholders' equity                    82,630         79,787
Total liabilities and shareholders' equity   671,256        643,671
"""


@pytest.mark.parametrize(
    ("current_total", "current_liabilities", "assets", "liabilities"),
    [
        ("", "", "OtherAssets", "OtherLiabilities"),
        (
            "Total current assets                         653,690        627,019\n",
            "Total current liabilities                    580,225        556,310\n",
            "OtherAssetsNoncurrent",
            "OtherLiabilitiesNoncurrent",
        ),
    ],
    ids=["unclassified", "classified"],
)
def test_other_assets_follow_whether_the_balance_sheet_splits_by_term(
    tmp_path: Path, current_total: str, current_liabilities: str, assets: str, liabilities: str
) -> None:
    """A balance sheet with no current totals (a bank's, a condensed one) prints its other
    assets and liabilities as the whole of the rest: us-gaap OtherAssets and
    OtherLiabilities; with current totals printed they are the non-current ones."""
    path = tmp_path / "release.txt"
    path.write_text(
        _UNCLASSIFIED.format(current_total=current_total, current_liabilities=current_liabilities)
    )
    values = {(f.concept, f.value) for f in convert(path, ConvertOptions()).facts.facts}
    assert (assets, Decimal("15466000")) in values
    if not current_total:
        # A label that states the term keeps it, whatever the layout.
        assert ("OtherAssetsNoncurrent", Decimal("2100000")) in values
    assert (liabilities, Decimal("8401000")) in values
