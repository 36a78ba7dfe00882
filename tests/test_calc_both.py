"""A published relation holds under Calculations 1.1 and 1.0 alike (`facts/consistency.py`).

Numbers from the sample's third quarter and Amcor's fourth, written by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from exporter.facts.consistency import holds_in_calc10, holds_in_calc11, prune_inconsistent
from exporter.facts.model import CalcArc, Fact, Source, SourceKind


def _fact(concept: str, value: str, decimals: int, kind: SourceKind = SourceKind.PARAGRAPH) -> Fact:
    source = Source(table=0, line=1, label=concept, printed=value, column="", position=0, kind=kind)
    return Fact(
        id=concept,
        concept=concept,
        context="D2024-07-01_2024-09-30",
        unit="CNY",
        value=Decimal(value),
        decimals=decimals,
        source=source,
    )


@pytest.mark.parametrize(
    ("total", "items", "calc11", "calc10"),
    [
        # Qifu, third quarter: 2,901.0 + 1,469.1 = 4,370.1 million against 4,370.2
        (("4370200000", -5), [("2901000000", -5, 1), ("1469100000", -5, 1)], True, False),
        # Amcor, fourth quarter: 184 - 4 = 180 million against 181
        (("181000000", -6), [("184000000", -6, 1), ("4000000", -6, -1)], True, False),
        # Qifu, fourth quarter in thousands: 2,889,500 + 1,592,752 = 4,482,252
        (("4482252000", -3), [("2889500000", -3, 1), ("1592752000", -3, 1)], True, True),
        # a sum off by two tenths fails under both
        (("4370300000", -5), [("2901000000", -5, 1), ("1469100000", -5, 1)], False, False),
        # items finer than the total: 1,000.04 + 2,000.04 = 3,000.08, rounds to 3,000.1
        (("3000100000", -5), [("1000040000", -4, 1), ("2000040000", -4, 1)], True, True),
    ],
    ids=["qifu-q3-revenue", "amcor-attribution", "qifu-q4-revenue", "off-by-two", "finer-items"],
)
def test_both_specifications(total, items, calc11, calc10) -> None:
    summed = _fact("Total", *total)
    parts = [(_fact(f"Item{n}", value, d), weight) for n, (value, d, weight) in enumerate(items)]
    assert holds_in_calc11(summed, parts) is calc11
    assert holds_in_calc10(summed, parts) is calc10


def test_rounding_only_keeps_the_total_and_leaves_out_its_parts() -> None:
    facts = [
        _fact("Revenues", "4370200000", -5),
        _fact("CreditDriven", "2901000000", -5),
        _fact("Platform", "1469100000", -5),
    ]
    arcs = tuple(
        CalcArc(role="IncomeStatement", total="Revenues", item=item, weight=1, order=n)
        for n, item in enumerate(("CreditDriven", "Platform"), start=1)
    )
    pruned = prune_inconsistent(arcs, facts, "sample.txt")
    assert pruned.arcs == arcs
    assert sorted(f.concept for f in pruned.dropped) == ["CreditDriven", "Platform"]
    assert {f.code for f in pruned.findings} == {"calc.prose-kept-out"}


def test_tables_that_miss_by_rounding_withdraw_the_relation() -> None:
    facts = [
        _fact("NetIncomeLoss", "181000000", -6, SourceKind.TABLE),
        _fact("ProfitLoss", "184000000", -6, SourceKind.TABLE),
        _fact("NetIncomeLossAttributableToNoncontrollingInterest", "4000000", -6, SourceKind.TABLE),
    ]
    arcs = (
        CalcArc(role="Attribution", total="NetIncomeLoss", item="ProfitLoss", weight=1, order=1),
        CalcArc(
            role="Attribution",
            total="NetIncomeLoss",
            item="NetIncomeLossAttributableToNoncontrollingInterest",
            weight=-1,
            order=2,
        ),
    )
    pruned = prune_inconsistent(arcs, facts, "amcor.pdf")
    assert pruned.arcs == ()
    assert pruned.dropped == ()
    assert [f.code for f in pruned.findings] == ["calc.withdrawn"]
