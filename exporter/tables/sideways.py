"""Tables printed on their side: the rows name the periods, the columns what is counted.

A key-figures table may list its periods down the label column ("Q1 2025", "FY 2025",
"Dec 31, 2025") under a header of line items ("Revenue | Gross profit | EPS diluted"). The
rest of the pipeline reads periods from columns and line items from rows, so such a table
is turned the usual way round here, before its columns are resolved: then mapping, facts,
calculations and signs see an ordinary table, whatever print (text, HTML, PDF) it came
from. Evidence decides, never a list of titles: every row with numbers is labelled by a
period phrase the period grammar reads completely, and no column header names any part of
a period; and either every row's period resolves already or every column header names one
of the taxonomy's line items.
"""

from __future__ import annotations

from exporter.document import Cell, Row
from exporter.labels import label_tokens, strip_footnotes
from exporter.numbers import parse_cell
from exporter.period_phrases import parse_phrase, unread_words
from exporter.tables.headers import HeaderContext, build_columns, resolve_header
from exporter.tables.model import Column
from exporter.tables.rows import numeric_positions, split_label
from exporter.tables.scale import parse_scale, without_unit_at_the_end

# Two measures at least: one column of figures under periods is an ordinary table's row.
_MIN_ITEMS = 2


def turned_upright(
    headers: list[Row], data: list[Row], width: int, context: HeaderContext
) -> tuple[list[Row], list[Row]] | None:
    """The header and data rows of a table printed on its side, turned the usual way
    round (periods as columns, the column headers as row labels); None for any other.

    A header row of line items beside a label cell that only names the label column
    ("Period | Revenue | Net income") reads as a row of words, not as headers: it is then
    the first of `data`, and is taken as the header here."""
    if not headers:
        headers, data = _leading_words(data)
        if not headers:
            return None
    rows = [(split_label(row), row) for row in data if not row.is_blank]
    if len(rows) < _MIN_ITEMS or any(not rest for (_, rest), _ in rows):
        return None
    positions = numeric_positions(data)
    if not positions:
        return None
    columns = build_columns(headers, positions, width, context)
    if len(columns) < _MIN_ITEMS or not all(_names_no_period(c.header) for c in columns):
        return None
    labels = [label for (label, _), _ in rows]
    if not all(reads_as_period(label) for label in labels):
        return None
    groups = _groups(headers, positions, width, context, columns)
    items = [leaf for _, leaf in groups]
    resolved = all(resolve_header(label, context).period is not None for label in labels)
    if not resolved and not all(_names_line_item(item, context) for item in items):
        return None
    return _turned(headers, rows, columns, groups)


def _groups(
    headers: list[Row],
    positions: list[int],
    width: int,
    context: HeaderContext,
    columns: tuple[Column, ...],
) -> list[tuple[str, str]]:
    """Each column's group and line item: a header spanning several columns over a row of
    line items ("Industrial" over "Revenue | Operating income", "Healthcare" over the
    same) names what the figures below it are of, a segment or another member, and the
    lowest row the line item. ("", header) for every column when the headers name one
    group or none: then nothing tells the columns apart but their whole header."""
    whole = [("", c.header) for c in columns]
    if len(headers) < _MIN_ITEMS:
        return whole
    leaves = build_columns(headers[-1:], positions, width, context)
    found = []
    for column, leaf in zip(columns, leaves, strict=True):
        group = column.header.removesuffix(leaf.header).strip()
        if not leaf.header or not column.header.endswith(leaf.header):
            return whole
        found.append((group, leaf.header))
    named = {group for group, _ in found}
    return found if len(named) >= _MIN_ITEMS and "" not in named else whole


def _leading_words(data: list[Row]) -> tuple[list[Row], list[Row]]:
    """The first printed row as a header when it holds words and no number over the value
    columns, and the rows after it; ([], data) otherwise."""
    printed = [i for i, row in enumerate(data) if not row.is_blank]
    if not printed:
        return [], data
    first = data[printed[0]]
    cells = [c for c in first.cells if c.text.strip()]
    if len(cells) < _MIN_ITEMS or any(parse_cell(c.text) for c in cells):
        return [], data
    return [first], data[printed[0] + 1 :]


def _names_no_period(header: str) -> bool:
    return bool(header) and parse_phrase(header).is_empty


def reads_as_period(label: str) -> bool:
    """A row label the period grammar reads whole as one period: a quarter, half, span or
    fiscal year with its year ("Q1 2025", "FY 2025", "9M 2025"), a date ("Dec 31, 2025"),
    or a span to its date ("Three months ended September 30, 2025"). A year alone is not
    enough: rows of years under amounts are as often a schedule of maturities as a run of
    fiscal years."""
    phrase = parse_phrase(strip_footnotes(label).rstrip(":"))
    if phrase.is_empty or unread_words(phrase):
        return False
    if phrase.has_date:
        return True
    return phrase.year is not None and (phrase.states_kind or phrase.fiscal_year is not None)


def periods_as_rows(rows: tuple[Row, ...]) -> bool:
    """Whether every row with figures (two at least) is labelled by a period: a table
    printed on its side, whose rows are no line items."""
    labelled = [label for label, rest in map(split_label, rows) if rest]
    return len(labelled) >= _MIN_ITEMS and all(reads_as_period(label) for label in labelled)


def _names_line_item(header: str, context: HeaderContext) -> bool:
    """A column header that is, less its unit ("Revenue €m"), one of the taxonomy's line
    items or their synonyms."""
    text = without_unit_at_the_end(strip_footnotes(header))
    if parse_scale(text).money and not label_tokens(text):
        return False
    return label_tokens(text) in context.line_items


def _turned(
    headers: list[Row],
    rows: list[tuple[tuple[str, list[tuple[int, str]]], Row]],
    columns: tuple[Column, ...],
    groups: list[tuple[str, str]],
) -> tuple[list[Row], list[Row]]:
    """One header row of the row labels (the periods), and one row per column, labelled
    by its line item, holding the column's cells in the order of the periods; each group
    of columns a section row over its own, as an upright table prints a segment's lines
    under its name. A unit in the label cell of the header row ("USD m | Revenue | ...")
    stays there, as the table's."""
    line, page = headers[0].line, headers[0].page
    corner = " ".join(c.text.strip() for r in headers for c in r.cells if c.column == 0)
    corner = corner if parse_scale(corner).money else ""
    periods = [Cell(text=label, column=i + 1) for i, ((label, _), _) in enumerate(rows)]
    header = Row(cells=(Cell(text=corner, column=0), *periods), line=line, page=page)
    body = []
    opened = ""
    for column, (group, item) in zip(columns, groups, strict=True):
        if group and group != opened:
            body.append(Row(cells=(Cell(text=group, column=0),), line=rows[0][1].line, page=page))
            opened = group
        cells = [Cell(text=item, column=0)]
        for i, ((_, rest), _) in enumerate(rows):
            text = next((t for c, t in rest if c == column.position), "")
            cells.append(Cell(text=text, column=i + 1))
        body.append(Row(cells=tuple(cells), line=rows[0][1].line, page=page))
    return [header], body
