"""Statements of changes in equity: balances bounding their movements, by equity component.

Such a statement prints the components of equity as its columns ("Share capital | Share
premium | Retained earnings | Total equity") and no period in any header: the periods are
in the rows. A row dated by its label ("Balance at January 1, 2025") is each component's
balance at that day, and the rows up to the next dated row are the movements between the
two balances ("Profit for the period", "Dividends"). The rest of the pipeline reads periods
from columns, so such a table is turned here, before its columns are resolved, into an
ordinary one: one column per component and period (the balances' days, the spans between
them), the balances in one row named by the total column, each movement in a row of its
own. The components then differ only by what their headers add to a shared period: members
of the taxonomy's equity components axis, the total column its default.

Evidence decides, never a list of row labels: column headers that name no period and name
the taxonomy's equity components, dated rows whose every column is the balance before it
plus the movements printed between (within the print's rounding).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from exporter.document import Cell, Row
from exporter.labels import label_tokens, strip_footnotes
from exporter.numbers import parse_cell, parse_number
from exporter.period_phrases import parse_phrase, unread_words
from exporter.tables.headers import HeaderContext, build_columns, resolve_header
from exporter.tables.model import Column
from exporter.tables.rows import numeric_positions, split_label

# Two components at least: one column of figures is no breakdown of equity.
_MIN_COMPONENTS = 2

_Printed = tuple[str, dict[int, str]]


def turned_equity_movements(
    headers: list[Row], data: list[Row], width: int, context: HeaderContext
) -> tuple[list[Row], list[Row]] | None:
    """The header and data rows of a statement of changes in equity turned into an
    ordinary table (periods and components as columns); None for any other table."""
    if not headers or not context.equity_components:
        return None
    positions = numeric_positions(data)
    columns = build_columns(headers, positions, width, context)
    if not _names_components(columns, context):
        return None
    printed = [_printed(row) for row in data if not row.is_blank]
    spans = _spans(printed, [c.position for c in columns], context)
    whole = [c for c in columns if _names_whole(c.header, context)]
    if spans is None or len(whole) != 1:
        return None
    return _turned(headers[0], printed, spans, columns, whole[0].header)


def _names_components(columns: tuple[Column, ...], context: HeaderContext) -> bool:
    """No header names a period, and two or more name a component of equity."""
    if any(not c.header or not parse_phrase(c.header).is_empty for c in columns):
        return False
    named = [c for c in columns if _names_component(c.header, context)]
    return len(named) >= _MIN_COMPONENTS


def _names_component(header: str, context: HeaderContext) -> bool:
    """A header that is one of the taxonomy's components of equity, and nothing else."""
    return label_tokens(strip_footnotes(header)) in context.equity_components


def _names_whole(header: str, context: HeaderContext) -> bool:
    words = label_tokens(strip_footnotes(header))
    return any(
        words[i : i + len(d)] == d
        for d in context.default_members
        for i in range(len(words) - len(d) + 1)
    )


def _printed(row: Row) -> _Printed:
    label, rest = split_label(row)
    return label, dict(rest)


def _balance_day(label: str, context: HeaderContext) -> date | None:
    """The day a row label dates its balances by ("Balance at June 30, 2025"), when the
    period grammar reads the label whole as one day."""
    phrase = parse_phrase(strip_footnotes(label).rstrip(":"))
    if not phrase.has_date or unread_words(phrase):
        return None
    period = resolve_header(label, context).period
    return period.end if period is not None and period.is_instant else None


class _Span:
    """One opening balance, the movements after it and the closing balance they reach."""

    def __init__(self, opening: int, closing: int, first: date, last: date) -> None:
        self.opening = opening
        self.closing = closing
        # A balance "at January 1" is the one the day before closed with: the movements
        # run from that day; a balance at a period's end ("at December 31") is that day's,
        # and the movements run from the next.
        self.opened = first - timedelta(days=1) if first.day == 1 else first
        self.start = first if first.day == 1 else first + timedelta(days=1)
        self.end = last

    @property
    def opened_text(self) -> str:
        return _day_text(self.opened)

    @property
    def moved_text(self) -> str:
        return f"Period from {_day_text(self.start)} through {_day_text(self.end)}"

    @property
    def closed_text(self) -> str:
        return _day_text(self.end)


def _spans(
    printed: list[_Printed], positions: list[int], context: HeaderContext
) -> list[_Span] | None:
    """The spans between dated rows: every row with figures either a balance or one of the
    movements between two balances, and each closing balance the opening one plus its
    movements in every column; None when the rows are not so."""
    balances = [
        (i, day)
        for i, (label, cells) in enumerate(printed)
        if cells and (day := _balance_day(label, context)) is not None
    ]
    spans: list[_Span] = []
    covered: set[int] = set()
    for (i, first), (j, last) in pairwise(balances):
        if j - i < 2 or last <= first:
            continue
        if not _adds_up(printed[i : j + 1], positions):
            return None
        spans.append(_Span(i, j, first, last))
        covered.update(range(i, j + 1))
    with_figures = {i for i, (_, cells) in enumerate(printed) if _figures(cells)}
    if not spans or not with_figures <= covered:
        return None
    return spans


def _figures(cells: dict[int, str]) -> bool:
    return any(parse_cell(text) for text in cells.values())


def _value(text: str | None) -> Decimal:
    parsed = parse_number(text or "")
    return parsed.value if parsed is not None else Decimal(0)


def _unit(rows: list[_Printed]) -> Decimal:
    """One unit of the last digit the rows print."""
    digits = [
        parsed.fraction_digits
        for _, cells in rows
        for text in cells.values()
        if (parsed := parse_number(text)) is not None
    ]
    return Decimal(1).scaleb(-max(digits, default=0))


def _adds_up(rows: list[_Printed], positions: list[int]) -> bool:
    """Whether the last row prints, in every column, the first plus those between, within
    one unit of the last printed digit per row added."""
    opening, *moves, closing = rows
    if not moves:
        return False
    for position in positions:
        total = _value(opening[1].get(position)) + sum(
            (_value(cells.get(position)) for _, cells in moves), Decimal(0)
        )
        if abs(total - _value(closing[1].get(position))) > (len(moves) + 1) * _unit(rows):
            return False
    return True


def _day_text(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _turned(
    header: Row,
    printed: list[_Printed],
    spans: list[_Span],
    columns: tuple[Column, ...],
    whole: str,
) -> tuple[list[Row], list[Row]]:
    """Two header rows (each component's name over its period) and the rows: the balances
    in one row named by the total column's header, each movement in its own."""
    periods: list[str] = []
    for span in spans:
        for text in (span.opened_text, span.moved_text, span.closed_text):
            if text not in periods:
                periods.append(text)
    slot = {
        (period, column.position): 1 + p * len(columns) + c
        for p, period in enumerate(periods)
        for c, column in enumerate(columns)
    }
    names = _row("", {slot[(p, c.position)]: c.header for p in periods for c in columns}, header)
    dates = _row("", {slot[(p, c.position)]: p for p in periods for c in columns}, header)
    balances: dict[int, str] = {}
    movements: dict[tuple[str, ...], tuple[str, dict[int, str]]] = {}
    for span in spans:
        for index, text in ((span.opening, span.opened_text), (span.closing, span.closed_text)):
            for position, value in printed[index][1].items():
                if (text, position) in slot:
                    balances[slot[(text, position)]] = value
        for label, cells in printed[span.opening + 1 : span.closing]:
            _, found = movements.setdefault(label_tokens(label), (label, {}))
            for position, value in cells.items():
                if (span.moved_text, position) in slot:
                    found[slot[(span.moved_text, position)]] = value
    body = [_row(whole, balances, header)]
    body.extend(_row(label, cells, header) for label, cells in movements.values())
    return [names, dates], body


def _row(label: str, cells: dict[int, str], like: Row) -> Row:
    printed = (Cell(text=text, column=column) for column, text in sorted(cells.items()))
    return Row(cells=(Cell(text=label, column=0), *printed), line=like.line, page=like.page)
