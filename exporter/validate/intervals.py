"""Interval arithmetic on `Decimal` for Calculations 1.1 with round-to-nearest ("c11r").

A fact reported with `decimals` d stands for every number that rounds to it:
[v - 0.5×10^-d, v + 0.5×10^-d]; with `INF` it is exact. A summation is consistent when
the total's interval meets the weighted sum of the contributors' intervals. All
arithmetic runs in a wide exact context: no binary floats, no silent rounding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

_EXACT = Context(prec=400)
_HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [low, high] of decimal numbers."""

    low: Decimal
    high: Decimal

    def __add__(self, other: Interval) -> Interval:
        with localcontext(_EXACT):
            return Interval(self.low + other.low, self.high + other.high)

    def scaled(self, weight: Decimal) -> Interval:
        """The interval times `weight` (bounds swap for a negative weight)."""
        with localcontext(_EXACT):
            a, b = self.low * weight, self.high * weight
        return Interval(min(a, b), max(a, b))

    def intersect(self, other: Interval) -> Interval | None:
        """The common part, or None when the intervals are disjoint."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Interval(low, high) if low <= high else None

    def __str__(self) -> str:
        return f"[{self.low:f}, {self.high:f}]"


ZERO = Interval(Decimal(0), Decimal(0))


def rounding_interval(value: Decimal, decimals: int | None) -> Interval:
    """Calculations 1.1 "value range" of a fact: `decimals=None` means INF (exact)."""
    if decimals is None:
        return Interval(value, value)
    with localcontext(_EXACT):
        half = _HALF.scaleb(-decimals)
        return Interval(value - half, value + half)


def has_excess_digits(value: Decimal, decimals: int | None) -> bool:
    """True if `value` carries digits below its `decimals` (calc11e:excessDigits)."""
    if decimals is None or not value.is_finite() or not value:
        return False
    # From the digits, not by division: a value longer than any context's precision
    # (a cell of 500 nines) has no remainder to compute, but its last non-zero digit
    # still has a place.
    _, digits, exponent = value.as_tuple()
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return int(exponent) + trailing_zeros < -decimals


def common_interval(intervals: Iterable[Interval]) -> Interval | None:
    """The intersection of all intervals (None if empty input or disjoint)."""
    result: Interval | None = None
    for interval in intervals:
        result = interval if result is None else result.intersect(interval)
        if result is None:
            return None
    return result


def weighted_sum(terms: Iterable[tuple[Decimal, Interval]]) -> Interval:
    """Σ weight × interval, the range the contributors of a total allow."""
    total = ZERO
    for weight, interval in terms:
        total = total + interval.scaled(weight)
    return total


def exact_weighted_total(terms: Iterable[tuple[Decimal, Decimal]]) -> Decimal:
    """Σ weight × value without the default context's 28-digit rounding."""
    with localcontext(_EXACT):
        return sum((weight * value for weight, value in terms), Decimal(0))


def round_half_even(value: Decimal, decimals: int) -> Decimal:
    """`value` rounded to `decimals` places (negative: tens, hundreds...), exactly."""
    with localcontext(_EXACT):
        return value.quantize(Decimal(1).scaleb(-decimals))
