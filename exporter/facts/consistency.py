"""The document's calculation arcs checked against all its facts before they are published.

Arcs are chosen per block, where they hold; but a processor sums every fact of an item
concept in a context, whichever table printed it. A relation that holds in its own block
can therefore break once another table contributes (an item printed only elsewhere, a
different decomposition of the same total). Each total is checked here with Calculations
1.1 round-to-nearest intervals over all facts; relations that fail are withdrawn and
reported, so the published tree never claims an inconsistency the release does not have.
"""

from __future__ import annotations

from decimal import Decimal

from exporter.facts.model import CalcArc, Fact
from exporter.findings import Finding, Severity

Interval = tuple[Decimal, Decimal]


def interval(fact: Fact) -> Interval:
    """The values a fact may stand for given its decimals (exact when INF)."""
    if fact.decimals is None:
        return fact.value, fact.value
    half = Decimal(5).scaleb(-fact.decimals - 1)
    return fact.value - half, fact.value + half


def _weighted(fact: Fact, weight: int) -> Interval:
    low, high = interval(fact)
    return (low, high) if weight > 0 else (-high, -low)


def _inconsistent_context(
    total: str, items: list[CalcArc], index: dict[tuple[str, str, str], Fact]
) -> str | None:
    """A context where the total's interval misses its items' summed interval, if any."""
    for (concept, context, unit), fact in index.items():
        if concept != total:
            continue
        parts = [
            _weighted(index[(arc.item, context, unit)], arc.weight)
            for arc in items
            if (arc.item, context, unit) in index
        ]
        if not parts:
            continue
        low = sum((p[0] for p in parts), Decimal(0))
        high = sum((p[1] for p in parts), Decimal(0))
        total_low, total_high = interval(fact)
        if high < total_low or low > total_high:
            return context
    return None


def prune_inconsistent(
    arcs: tuple[CalcArc, ...], facts: list[Fact], source: str
) -> tuple[tuple[CalcArc, ...], list[Finding]]:
    """The arcs whose relations hold in every context, and a finding for each withdrawn one."""
    index = {(f.concept, f.context, f.unit): f for f in facts}
    relations: dict[tuple[str, str], list[CalcArc]] = {}
    for arc in arcs:
        relations.setdefault((arc.role, arc.total), []).append(arc)
    kept: list[CalcArc] = []
    findings: list[Finding] = []
    for (role, total), items in relations.items():
        context = _inconsistent_context(total, items, index)
        if context is None:
            kept.extend(items)
            continue
        missing = [a.item for a in items if not any(k[:2] == (a.item, context) for k in index)]
        unprinted = f" (not printed for that period: {', '.join(missing)})" if missing else ""
        findings.append(
            Finding(
                code="calc.withdrawn",
                severity=Severity.WARNING,
                message=(
                    f"{total} ({role}) does not equal the sum of "
                    f"{', '.join(a.item for a in items)} in {context}{unprinted} once every "
                    "fact counts (tables and text); the relation is not published"
                ),
                numbers={"role": role, "total": total, "context": context, "file": source},
            )
        )
    return tuple(kept), findings
