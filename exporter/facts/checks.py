"""Checks on the facts themselves: convenience translations against the stated rate."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from exporter.errors import Location
from exporter.facts.model import Fact
from exporter.findings import Finding, Severity
from exporter.metadata import ExchangeRate

Twin = Callable[[str, str, str], Fact | None]


def half_unit(decimals: int | None) -> Decimal:
    """Half a unit of the last digit `decimals` allows (0 for exact values)."""
    return Decimal(0) if decimals is None else Decimal(5).scaleb(-decimals - 1)


def _twin_unit(unit: str, rate: ExchangeRate) -> str | None:
    if unit == rate.quote:
        return rate.currency
    if unit == f"{rate.quote}_per_share":
        return f"{rate.currency}_per_share"
    return None


def check_translations(
    facts: list[Fact], rates: tuple[ExchangeRate, ...], twin_of: Twin, source: str
) -> list[Finding]:
    """Each fact in a quote currency against its twin in the base currency, at the stated rate.

    Releases translate line by line and often total the translated lines, so a translated
    total may miss its own rounding by a little: up to one unit of its last printed digit
    passes; more is a warning.
    """
    findings: list[Finding] = []
    for rate in rates:
        checked = failed = 0
        for fact in facts:
            twin_unit = _twin_unit(fact.unit, rate)
            twin = twin_of(fact.concept, fact.context, twin_unit) if twin_unit else None
            if twin is None:
                continue
            checked += 1
            expected = twin.value / rate.rate
            slack = 2 * half_unit(fact.decimals) + half_unit(twin.decimals) / rate.rate
            if abs(expected - fact.value) > slack:
                failed += 1
                findings.append(_off(fact, twin, rate, expected, source))
        findings.append(
            Finding(
                code="check.translation.summary",
                severity=Severity.INFO,
                message=(
                    f"{checked} {rate.quote} facts checked against {rate.currency} at "
                    f"{rate.rate} ({rate.text!r}, line {rate.line}); {failed} off by more "
                    "than one unit of their last digit"
                ),
                numbers={"checked": str(checked), "failed": str(failed), "rate": str(rate.rate)},
            )
        )
    return findings


def _off(fact: Fact, twin: Fact, rate: ExchangeRate, expected: Decimal, source: str) -> Finding:
    printed = format(fact.value, "f")
    return Finding(
        code="check.translation",
        severity=Severity.WARNING,
        message=(
            f"{fact.concept} in {fact.context}: {printed} {rate.quote} printed, but "
            f"{format(twin.value, 'f')} {rate.currency} / {rate.rate} = {expected:.4f}"
        ),
        location=Location(
            file=source, table=fact.source.table, line=fact.source.line, row=fact.source.label
        ),
        numbers={"printed": printed, "expected": f"{expected:.4f}", "rate": str(rate.rate)},
    )
