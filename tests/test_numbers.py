"""Cell text -> printed number: sign, digits, percent, dashes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.numbers import is_placeholder, is_year, parse_number, unread_mark

CASES = [
    ("4,177,890", "4177890", 0, False, False),
    ("(815)", "-815", 0, False, False),
    ("(1,885,694)", "-1885694", 0, False, False),
    ("-11,587", "-11587", 0, False, False),
    ("\u221211,587", "-11587", 0, False, False),
    ("24.6%", "24.6", 1, True, False),
    ("(6.2)%", "-6.2", 1, True, False),
    ("15.1 %", "15.1", 1, True, False),
    ("3.51", "3.51", 2, False, False),
    ("0.123", "0.123", 3, False, False),
    ("$ 1,267", "1267", 0, False, False),
    ("$(103)", "-103", 0, False, False),
    ("US$0.70", "0.70", 2, False, False),
    ("-", "0", 0, False, True),
    ("\u2014", "0", 0, False, True),
    ("$ \u2014", "0", 0, False, True),
    ("1,234*", "1234", 0, False, False),
    ("(8)(a)", "-8", 0, False, False),
    ("219.0", "219.0", 1, False, False),
    # thousands grouped as Swiss and Nordic releases print them
    ("4'905.2", "4905.2", 1, False, False),
    ("(1\u2019402.7)", "-1402.7", 1, False, False),
    ("6 842", "6842", 0, False, False),
    ("-12\u00a0345", "-12345", 0, False, False),
    ("1\u202f234\u202f567", "1234567", 0, False, False),
    # negatives as banks' and ERP systems print them: a trailing minus, a credit mark
    ("1,210-", "-1210", 0, False, False),
    ("1,184.50\u2212", "-1184.50", 2, False, False),
    ("310 CR", "-310", 0, False, False),
    ("$2,045CR", "-2045", 0, False, False),
]


@pytest.mark.parametrize(
    ("text", "value", "digits", "percent", "dash"), CASES, ids=[c[0] for c in CASES]
)
def test_parse_number(text: str, value: str, digits: int, percent: bool, dash: bool) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert number.fraction_digits == digits
    assert number.percent is percent
    assert number.dash is dash


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Total",
        "N/A",
        "RMB",
        "(815",
        "815)",
        "1,23,4",
        "Basic",
        "12 34",
        "1,234 567",
        "1'234,567",
        # a sign printed twice, a dash a space after a number, a crore after rupees
        "(310) CR",
        "-5-",
        "5 -",
        "\u20b9 1,250 CR",
        "1,234 Cr",
    ],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$ 96.4(1)", "96.4"),
        ("(12.3)(2)", "-12.3"),
        ("$ 0.45 (3)", "0.45"),
        ("2,318(5)", "2318"),
        ("$ 6,804.1(12)", "6804.1"),
        ("13.3% (4)", "13.3"),
        ("(8)(a)(2)", "-8"),
    ],
)
def test_a_bracketed_footnote_number_after_a_figure_is_a_mark(text: str, value: str) -> None:
    """ "(1)" right after a complete figure refers to a note below the table: a figure
    never prints a negative number after it in the same cell."""
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)


@pytest.mark.parametrize(("text", "value"), [("(1)", "-1"), ("(12)", "-12"), ("(123)", "-123")])
def test_a_bracketed_small_number_alone_is_negative(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)


@pytest.mark.parametrize("text", ["5 (123)", "1,234 (5.2)", "Q3 (1) 5"])
def test_a_figure_before_no_footnote_number_is_no_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("12.3p", "12.3"), ("(1.2)p", "-1.2"), ("45c", "45"), ("45\u00a2", "45"), ("8.0 p", "8.0")],
)
def test_an_amount_in_pence_or_cents_is_in_the_minor_unit(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.minor_unit) == (Decimal(value), True)


@pytest.mark.parametrize("text", ["p", "c", "%p", "3c)"])
def test_a_minor_unit_mark_without_a_number_is_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("121 bps", "121"),
        ("(451) bps", "-451"),
        ("117bps", "117"),
        ("12 bp", "12"),
        ("25 basis points", "25"),
        ("1 basis point", "1"),
    ],
)
def test_a_rate_in_basis_points(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.basis_points, number.percent) == (Decimal(value), True, False)


@pytest.mark.parametrize("text", ["bps", "12% bps", "basis points", "5p bps"])
def test_basis_points_without_a_plain_number_are_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.32x", "1.32"),
        ("3.4 x", "3.4"),
        ("2.5\u00d7", "2.5"),
        ("12x", "12"),
        ("(0.15)x", "-0.15"),
        ("(0.15x)", "-0.15"),
    ],
)
def test_a_multiple(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.multiple, number.rate) == (Decimal(value), True, False)


@pytest.mark.parametrize("text", ["x", "1.2x%", "$1.2xm", "12px", "1.2 xm", "(1.2x)x"])
def test_a_multiple_with_another_unit_is_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "scale"),
    [
        ("$120.5 million", "120.5", 6),
        ("($3.1 million)", "-3.1", 6),
        ("5.2 million", "5.2", 6),
        ("$1.2B", "1.2", 9),
        ("€12m", "12", 6),
        ("US$126 million", "126", 6),
        ("RMB 3.4 billion", "3.4", 9),
        ("$850k", "850", 3),
        ("$ 1,234", "1234", None),
    ],
)
def test_a_scale_word_printed_in_the_cell(text: str, value: str, scale: int | None) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.scale) == (Decimal(value), scale)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,23,456.78", "123456.78"), ("(1,25,802.38)", "-125802.38"), ("12,34,567", "1234567")],
)
def test_digits_grouped_by_lakhs(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)


@pytest.mark.parametrize("text", ["1,2345", "12,34", "1,23,45"])
def test_groups_of_neither_kind_are_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("+0.6 pp", "0.6"),
        ("1.1 p.p.", "1.1"),
        ("-0.4ppt", "-0.4"),
        ("(3.7) pts", "-3.7"),
        ("(0.5)pp", "-0.5"),
        ("(1.2 pts)", "-1.2"),
        # Korean and Japanese releases print percentage points as "%p".
        ("-0.2%p", "-0.2"),
        ("+1.3%p", "1.3"),
        ("(0.8)%p", "-0.8"),
    ],
)
def test_percentage_points_are_a_rate(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.percent, number.points, number.rate_exponent) == (
        Decimal(value),
        True,
        True,
        -2,
    )


@pytest.mark.parametrize("text", ["(3.7) pts pts", "(3.7 pp) pts", "2.1% pts", "(4) pts bps"])
def test_points_marked_twice_or_with_another_rate_are_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", [">100%", "> 100 %", "<-100%", ">1,000%", "n/a", "n.m."])
def test_a_bound_or_a_mark_is_a_placeholder(text: str) -> None:
    assert is_placeholder(text)
    assert parse_number(text) is None


# A letter is a scale only after a currency: "9M" heads nine months, "3 bn" alone is not read.
@pytest.mark.parametrize("text", ["9M", "12m", "3 bn", "12.5% million", "45c million"])
def test_a_scale_letter_without_a_currency_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", True),
        ("1899", False),
        ("20240", False),
        ("Fiscal 2024", False),
        (" 2023 ", True),
        # A superscript is a digit to str.isdigit but not to int(): found by fuzzing.
        ("202\u00b3", False),
    ],
)
def test_is_year(text: str, expected: bool) -> None:
    assert is_year(text) is expected


@given(st.text(max_size=6))
def test_is_year_never_raises(text: str) -> None:
    assert is_year(text) in (True, False)


def _format(value: Decimal, digits: int, style: str, group: str = ",") -> str:
    text = f"{abs(value):,.{digits}f}".replace(",", group)
    if value < 0:
        negatives = {"parens": f"({text})", "trailing": f"{text}-", "credit": f"{text} CR"}
        return negatives.get(style, f"-{text}")
    return text


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=2
    ),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(["parens", "minus", "trailing", "credit"]),
    st.sampled_from([",", "'", "\u2019", " ", "\u00a0", "\u202f"]),
)
def test_round_trip_of_formatted_numbers(
    value: Decimal, digits: int, style: str, group: str
) -> None:
    rounded = round(value, digits)
    number = parse_number(_format(rounded, digits, style, group))
    assert number is not None
    assert number.value == rounded
    assert number.fraction_digits == digits


# The marks Japanese and other East Asian statements print before a negative amount: a
# white or black up-pointing triangle, glued to the digits or a space before them.
MINUS_MARK_CASES = [
    ("\u25b31,234", "-1234", 0, False),
    ("\u25b21,234", "-1234", 0, False),
    ("\u25b3 12,408", "-12408", 0, False),
    ("\u25b2\u00a015,212", "-15212", 0, False),
    ("\u25b343.4", "-43.4", 1, False),
    ("\u25b312.3%", "-12.3", 1, True),
    ("\u25b2 0.5 %", "-0.5", 1, True),
    ("\u25b3118", "-118", 0, False),
]


@pytest.mark.parametrize(
    ("text", "value", "digits", "percent"), MINUS_MARK_CASES, ids=[c[0] for c in MINUS_MARK_CASES]
)
def test_a_triangle_before_the_digits_is_a_minus(
    text: str, value: str, digits: int, percent: bool
) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.fraction_digits, number.percent) == (
        Decimal(value),
        digits,
        percent,
    )


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=10**12, places=2),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(["\u25b3", "\u25b2"]),
    st.sampled_from(["", " ", "\u00a0"]),
    st.booleans(),
)
def test_a_number_after_a_triangle_reads_as_its_negative(
    value: Decimal, digits: int, mark: str, gap: str, percent: bool
) -> None:
    rounded = round(value, digits)
    text = f"{mark}{gap}{rounded:,.{digits}f}" + ("%" if percent else "")
    number = parse_number(text)
    assert number is not None
    assert number.value == -rounded
    assert number.percent is percent


@given(st.text(max_size=40))
def test_any_text_is_a_number_or_none(text: str) -> None:
    number = parse_number(text)
    assert number is None or isinstance(number.value, Decimal)


@pytest.mark.parametrize(
    ("text", "mark"), [("1.5%pt", "%pt"), ("-1.5%pt", "%pt"), ("12.0 pz", "pz"), ("1,234a", "a")]
)
def test_digits_with_marks_no_format_reads_are_said_to_be_unread(text: str, mark: str) -> None:
    assert parse_number(text) is None
    assert unread_mark(text) == mark


@pytest.mark.parametrize("text", ["-0.2%p", "12%", "2026E", "1Q25", "n/m", "3.2x", "Q3 2025"])
def test_numbers_years_and_headers_are_no_unread_number(text: str) -> None:
    assert unread_mark(text) is None


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("1,29y", "y"),
        ("(0.3) p.q.", "p.q."),
        ("5.1 yr", "yr"),
        ("1.29x", None),
        ("12 months", None),
    ],
)
def test_the_mark_after_a_figure_no_number_is_read_with(text: str, mark: str | None) -> None:
    assert unread_mark(text) == mark


@pytest.mark.parametrize("text", ["31.12.2024", "Q4", "FY25", "n/m", "1.2 trillion"])
def test_no_figure_has_no_unread_mark(text: str) -> None:
    assert unread_mark(text) is None
