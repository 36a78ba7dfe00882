"""Statements of changes in equity: components as columns, dated balances as rows.

The columns name the components of equity and no period; a row dated by its label is each
component's balance at that day, and the rows up to the next dated row are the movements
between the two balances. Each balance is an instant (a balance "at 1 January" the one the
day before closed with), each movement a duration from the opening balance to the closing
one, and each component a member of the equity components axis (the total column none).
The releases are generated here, the same table as HTML and as tab-separated text;
expected values are the printed numbers, written by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exporter.options import ConvertOptions
from exporter.pipeline import convert

_HEADER = ("", "Share capital", "Share premium", "Retained earnings", "Total equity")

# A year's statement dated at the periods' ends: the closing balance of 2024 opens 2025.
_YEARS = (
    ("Balance at December 31, 2023", "5,000", "21,000", "14,000", "40,000"),
    ("Profit for the year", "—", "—", "6,500", "6,500"),
    ("Dividends", "—", "—", "(2,000)", "(2,000)"),
    ("Balance at December 31, 2024", "5,000", "21,000", "18,500", "44,500"),
    ("Profit for the year", "—", "—", "7,250", "7,250"),
    ("Issue of shares", "250", "1,750", "—", "2,000"),
    ("Balance at December 31, 2025", "5,250", "22,750", "25,750", "53,750"),
)

# Half-years dated by their first day: the opening balance is the day before's.
_HALVES = (
    ("Balance at 1 January 2025", "8,000", "12,000", "30,000", "50,000"),
    ("Profit for the period", "—", "—", "4,100", "4,100"),
    ("Dividends", "—", "—", "(1,500)", "(1,500)"),
    ("Balance at 30 June 2025", "8,000", "12,000", "32,600", "52,600"),
    ("Balance at 1 January 2024", "7,900", "11,500", "26,000", "45,400"),
    ("Profit for the period", "—", "—", "3,300", "3,300"),
    ("Balance at 30 June 2024", "7,900", "11,500", "29,300", "48,700"),
)

_LEADS = {
    "years": (
        "Harrowgate Instruments plc reports full year 2025 results",
        "London, 20 February 2026 - Harrowgate Instruments plc today reported results for"
        " the year ended December 31, 2025.",
    ),
    "halves": (
        "Harrowgate Instruments plc reports half year 2025 results",
        "London, 24 July 2025 - Harrowgate Instruments plc today reported results for the"
        " six months ended 30 June 2025.",
    ),
}

_TITLE = "Consolidated statement of changes in equity"
_CAPTION = "(GBP in thousands)"


def _html(lead: tuple[str, str], rows: tuple[tuple[str, ...], ...]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in (_HEADER, *rows)
    )
    return (
        f"<html><body><h2>{lead[0]}</h2><p>{lead[1]}</p><h3>{_TITLE}</h3>"
        f"<p>{_CAPTION}</p><table>\n{cells}</table></body></html>"
    )


def _text(lead: tuple[str, str], rows: tuple[tuple[str, ...], ...]) -> str:
    lines = [lead[0], "", lead[1], "", _TITLE, _CAPTION, ""]
    lines.extend("\t".join(row) for row in (_HEADER, *rows))
    return "\n".join(lines) + "\n"


def _facts(tmp_path: Path, shape: str, suffix: str) -> dict[tuple[str, str, str], Decimal]:
    """(concept, period, member name or "") -> value, for the equity statement's facts."""
    rows = _YEARS if shape == "years" else _HALVES
    render = _html if suffix == ".htm" else _text
    path = tmp_path / f"release{suffix}"
    path.write_text(render(_LEADS[shape], rows), encoding="utf-8")
    conversion = convert(path, ConvertOptions())
    contexts = {c.id: c for c in conversion.facts.contexts}
    found: dict[tuple[str, str, str], Decimal] = {}
    for fact in conversion.facts.facts:
        context = contexts[fact.context]
        member = context.member.name if context.member else ""
        found[(fact.concept, str(context.period), member)] = fact.value
    return found


_EQUITY = "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
_AXIS = "StatementEquityComponentsAxis"


@pytest.mark.parametrize("suffix", [".htm", ".txt"])
def test_balances_at_period_ends_bound_a_year_of_movements(tmp_path: Path, suffix: str) -> None:
    facts = _facts(tmp_path, "years", suffix)
    assert facts[(_EQUITY, "2023-12-31", "")] == Decimal("40000000")
    assert facts[(_EQUITY, "2024-12-31", "")] == Decimal("44500000")
    assert facts[(_EQUITY, "2025-12-31", "")] == Decimal("53750000")
    assert facts[(_EQUITY, "2024-12-31", "RetainedEarningsMember")] == Decimal("18500000")
    assert facts[(_EQUITY, "2025-12-31", "AdditionalPaidInCapitalMember")] == Decimal("22750000")
    assert facts[(_EQUITY, "2023-12-31", "CommonStockMember")] == Decimal("5000000")
    profit_2024 = [v for (_, p, m), v in facts.items() if p == "2024-01-01..2024-12-31" and m]
    assert Decimal("6500000") in profit_2024
    issued = "StockIssuedDuringPeriodValueNewIssues"
    assert facts[(issued, "2025-01-01..2025-12-31", "AdditionalPaidInCapitalMember")] == Decimal(
        "1750000"
    )
    assert facts[(issued, "2025-01-01..2025-12-31", "CommonStockMember")] == Decimal("250000")
    assert facts[(issued, "2025-01-01..2025-12-31", "")] == Decimal("2000000")
    # Dividends reduce equity: a debit, positive in XBRL however the statement prints it.
    dividends = "DividendsCommonStock"
    assert facts[(dividends, "2024-01-01..2024-12-31", "RetainedEarningsMember")] == Decimal(
        "2000000"
    )


@pytest.mark.parametrize("suffix", [".htm", ".txt"])
def test_a_balance_at_the_first_day_is_the_day_before_s_close(tmp_path: Path, suffix: str) -> None:
    facts = _facts(tmp_path, "halves", suffix)
    assert facts[(_EQUITY, "2024-12-31", "")] == Decimal("50000000")
    assert facts[(_EQUITY, "2025-06-30", "")] == Decimal("52600000")
    assert facts[(_EQUITY, "2023-12-31", "")] == Decimal("45400000")
    assert facts[(_EQUITY, "2024-06-30", "")] == Decimal("48700000")
    assert facts[(_EQUITY, "2025-06-30", "RetainedEarningsMember")] == Decimal("32600000")
    assert facts[(_EQUITY, "2023-12-31", "AdditionalPaidInCapitalMember")] == Decimal("11500000")
    halves = {p for (_, p, m), v in facts.items() if m and v == Decimal("4100000")}
    assert halves == {"2025-01-01..2025-06-30"}
    halves = {p for (_, p, m), v in facts.items() if m and v == Decimal("3300000")}
    assert halves == {"2024-01-01..2024-06-30"}
    assert not any(p.startswith("2025-01-02") for (_, p, _) in facts)
