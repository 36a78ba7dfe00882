"""Plain figures between two lines of rates, read as rates only where the table's own
arithmetic shows it. Expected values are the printed figures, written by hand."""

from __future__ import annotations

import pytest

from exporter.numbers import parse_number
from exporter.tables.model import TableRow, ValueCell
from exporter.tables.rates import rates_by_arithmetic, rates_by_label


def _row(line: int, label: str, *cells: str) -> TableRow:
    values = []
    for column, text in enumerate(cells):
        number = parse_number(text)
        assert number is not None, text
        values.append(ValueCell(column=column, number=number))
    return TableRow(label=label, cells=tuple(values), line=line)


def _growth(reported: str, currency: str, organic: str) -> list[TableRow]:
    return [
        _row(1, "Reported % change", reported),
        _row(2, "Foreign exchange impact", currency),
        _row(3, "Organic % change", organic),
    ]


@pytest.mark.parametrize(
    ("reported", "currency", "organic"),
    [
        ("5.2%", "1.0", "6.2%"),  # reported + impact = organic
        ("(4.4)%", "(5.3)", "0.9%"),  # reported - impact = operational
        ("(4.4)%", "(5.3)", "1.0%"),  # one unit of the last digit off: rounding
    ],
)
def test_an_adjustment_between_two_percentages_that_adds_up_is_a_percentage(
    reported: str, currency: str, organic: str
) -> None:
    rows = rates_by_arithmetic(_growth(reported, currency, organic))
    assert [c.number.percent for r in rows for c in r.cells] == [True, True, True]


@pytest.mark.parametrize(
    ("reported", "currency", "organic"),
    [
        ("5.2%", "14.0", "6.2%"),  # does not add up either way
        ("5.2%", "$1.0", "6.2%"),  # printed as money
        ("5.2%", "1.0", "6.2"),  # the last line is no rate
    ],
)
def test_otherwise_the_plain_figure_stays_plain(reported: str, currency: str, organic: str) -> None:
    rows = rates_by_arithmetic(_growth(reported, currency, organic))
    assert rows[1].cells[0].number.percent is False
    assert rows[1].cells[0].number.basis_points is False


_POINTS = {"basis points": -4, "bps": -4, "pp": -2}


@pytest.mark.parametrize(
    ("label", "printed", "basis_points", "percent"),
    [
        ("Cost of risk (bps)", "45", True, False),
        ("Cost of risk (Basis Points)", "(12)", True, False),
        ("Margin change, pp", "1.2", False, True),
        ("Cost of risk (bps)", "1.8x", False, False),  # a figure's own unit wins
        ("Cost of risk (bps)", "$45", False, False),
        ("Share of profit of BP", "45", False, False),  # a name, not a unit in brackets
        ("Revenue", "45", False, False),
    ],
)
def test_a_label_naming_the_points_of_a_rate_makes_its_bare_figures_that_rate(
    label: str, printed: str, basis_points: bool, percent: bool
) -> None:
    (row,) = rates_by_label([_row(1, label, printed)], _POINTS)
    assert row.cells[0].number.basis_points is basis_points
    assert row.cells[0].number.percent is percent
