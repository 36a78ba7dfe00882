"""Properties of the Calculations 1.1 (round-to-nearest) interval arithmetic.

The central promise: reporting exact numbers rounded to their decimals can never make a
correct summation inconsistent, and a total moved beyond the combined rounding slack is
always caught. Checked on the interval helpers and end to end on the sample instance.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.validate import validate_instance
from exporter.validate.intervals import (
    Interval,
    common_interval,
    has_excess_digits,
    round_half_even,
    rounding_interval,
    weighted_sum,
)

CASE = Path(__file__).parent / "validate_cases" / "qifu"
INSTANCE = "qifu-2024q4.xml"

exact = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=4
)
places = st.integers(min_value=-6, max_value=4)
weights = st.sampled_from([Decimal(1), Decimal(-1)])
terms = st.lists(st.tuples(exact, places, weights), min_size=1, max_size=12)


@given(terms, places)
def test_rounded_exact_numbers_are_always_consistent(
    items: list[tuple[Decimal, int, Decimal]], total_places: int
) -> None:
    total = sum((w * x for x, _, w in items), Decimal(0))
    reported_total = rounding_interval(round_half_even(total, total_places), total_places)
    reported_items = [(w, rounding_interval(round_half_even(x, d), d)) for x, d, w in items]
    assert reported_total.intersect(weighted_sum(reported_items)) is not None


@given(terms, places, st.integers(min_value=1, max_value=1000))
def test_a_total_beyond_the_rounding_slack_is_inconsistent(
    items: list[tuple[Decimal, int, Decimal]], total_places: int, steps: int
) -> None:
    reported = [(w, rounding_interval(round_half_even(x, d), d)) for x, d, w in items]
    computed = weighted_sum(reported)
    slack = (computed.high - computed.low) / 2 + Decimal("0.5").scaleb(-total_places)
    middle = (computed.low + computed.high) / 2
    moved = middle + slack + Decimal(steps).scaleb(-total_places)
    total = rounding_interval(moved, total_places)
    assert total.intersect(computed) is None


@given(exact, places)
def test_rounding_leaves_no_excess_digits_and_keeps_the_exact_value(x: Decimal, d: int) -> None:
    rounded = round_half_even(x, d)
    assert not has_excess_digits(rounded, d)
    interval = rounding_interval(rounded, d)
    assert interval.low <= x <= interval.high


@given(exact, st.lists(places, min_size=1, max_size=6))
def test_roundings_of_one_number_are_consistent_duplicates(x: Decimal, ds: list[int]) -> None:
    intervals = [rounding_interval(round_half_even(x, d), d) for d in ds]
    assert common_interval(intervals) is not None


@given(exact, exact, weights)
def test_scaling_keeps_bounds_ordered(a: Decimal, b: Decimal, w: Decimal) -> None:
    interval = Interval(min(a, b), max(a, b)).scaled(w)
    assert interval.low <= interval.high


def test_inf_is_exact() -> None:
    assert rounding_interval(Decimal("1.5"), None) == Interval(Decimal("1.5"), Decimal("1.5"))
    assert not has_excess_digits(Decimal("1.23456"), None)


def test_excess_digits_at_negative_decimals() -> None:
    assert has_excess_digits(Decimal(4177890123), -3)
    assert not has_excess_digits(Decimal(4177890000), -3)
    assert has_excess_digits(Decimal("0.925"), 2)


FILES = {p.relative_to(CASE).as_posix(): p.read_bytes() for p in CASE.rglob("*") if p.is_file()}
ASSETS = b'<xe:Assets id="f67" contextRef="I2023-12-31" unitRef="CNY" decimals="-3">45818572000<'


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=-20, max_value=20))
def test_moving_a_printed_total_is_flagged_exactly_beyond_the_slack(thousands: int) -> None:
    """Assets = current + noncurrent, all in thousands: the slack is 500 + 2 × 500."""
    moved = str(45818572000 + thousands * 1000).encode()
    instance = FILES[INSTANCE].replace(ASSETS, ASSETS.replace(b"45818572000", moved))
    result = validate_instance(instance, INSTANCE, FILES.get)
    assert result.ok
    flagged = "calc.inconsistent" in result.codes()
    assert flagged == (abs(thousands) * 1000 > 1500)
