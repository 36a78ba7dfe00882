"""Data rows: labels, numbers placed in columns, section paths and printed subtotals.

Sections come from label-only rows ("Current assets:"), whose scope ends at a row that
closes them ("Total current assets"), at a blank row, or at the next section of the same
level (ALL-CAPS sections are outer). A row printed before the rows it sums ("Credit
driven services" above its four fee lines) is found by arithmetic and becomes their
section as well, so "Other services fees" under it differs from the one under "Platform
services".
"""

from __future__ import annotations

import re
from decimal import Decimal

from exporter.document import Row
from exporter.labels import is_all_caps, label_tokens, strip_footnotes
from exporter.numbers import (
    MINUS_MARKS,
    is_placeholder,
    parse_cell,
    reads_as_number,
    unread_mark,
)
from exporter.tables.model import Column, RowRole, TableRow, UnplacedNumber, ValueCell
from exporter.tables.scale import CENTS, STATED_SCALE, scale_in_words, without_unit_at_the_end

_MIN_GROUP = 2


def split_label(
    row: Row, value_columns: frozenset[int] = frozenset()
) -> tuple[str, list[tuple[int, str]]]:
    """The row label (text before the first number) and the other non-empty cells.

    A placeholder ("n/m", "N/A") printed in one of `value_columns` where no figure is
    given is a cell of that column, not words of the label ("Net sales growth n/m").
    """
    label_parts: list[str] = []
    rest: list[tuple[int, str]] = []
    for cell in row.cells:
        text = cell.text.strip()
        if not text:
            continue
        in_place = label_parts and cell.column in value_columns and is_placeholder(text)
        # A figure missing half its brackets ("7,882)") is a broken cell, never label words.
        if not rest and not in_place and not parse_cell(text) and not _unread_figure(text):
            label_parts.append(text)
        else:
            rest.append((cell.column, text))
    return " ".join(label_parts), rest


def numeric_positions(rows: list[Row]) -> list[int]:
    """Grid columns that hold a number in at least one row."""
    positions: set[int] = set()
    for row in rows:
        _, rest = split_label(row)
        positions.update(col for col, text in rest if parse_cell(text))
    return sorted(positions)


def percent_positions(rows: list[Row]) -> frozenset[int]:
    """Grid columns whose numbers are all percentages: changes or ratios beside the
    amounts, which a header row naming only the amounts' periods does not head."""
    found: dict[int, bool] = {}
    for row in rows:
        _, rest = split_label(row)
        for col, text in rest:
            numbers = [n for n in parse_cell(text) if not n.dash]
            if numbers:
                found[col] = found.get(col, True) and all(n.percent for n in numbers)
    return frozenset(col for col, percent in found.items() if percent)


def mentions(text: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text`'s words contain one of `phrases` (each a run of label tokens)."""
    words = label_tokens(text)
    return any(words[i : i + len(p)] == p for p in phrases for i in range(len(words) - len(p) + 1))


def place_row(
    row: Row, columns: tuple[Column, ...], share_of: tuple[tuple[str, ...], ...] = ()
) -> tuple[TableRow | None, list[UnplacedNumber]]:
    """A `TableRow` for a data row (None for a blank one) and the numbers it cannot place.

    A row or column of percentages of another line ("% of revenue") is kept out of the
    facts on purpose: its numbers are ratios of facts the release prints.
    """
    label, rest = split_label(row, frozenset(c.position for c in columns))
    label = strip_footnotes(label)
    ratio_row = bool(label) and mentions(label, share_of)
    index_of = {c.position: i for i, c in enumerate(columns)}
    cells: list[ValueCell] = []
    unplaced: list[UnplacedNumber] = []
    references = 0
    for position, text in rest:
        numbers = parse_cell(text)
        if not numbers:
            if (why := _why_unread(text)) is not None:
                unplaced.append(_unplaced(row, label, text, why))
            continue
        column = index_of.get(position)
        reason, deliberate = _why_not_placed(label, ratio_row, column, columns, len(numbers))
        if column is not None and not reason:
            bounds = ("Low", "High") if len(numbers) == 2 else ("",)
            cells.extend(
                ValueCell.model_construct(column=column, number=n, bound=b)
                for n, b in zip(numbers, bounds, strict=True)
            )
            continue
        unplaced.extend(_unplaced(row, label, n.text, reason, deliberate) for n in numbers)
        if column is not None and columns[column].note_reference:
            references += len(numbers)
    if not label and not cells:
        return None, unplaced
    # A heading may carry a note reference ("EARNINGS PER SHARE ... 10"): still a heading.
    role = RowRole.ITEM if cells or len(unplaced) > references else RowRole.SECTION
    return TableRow(
        label=label, cells=tuple(cells), line=row.line, page=row.page, role=role
    ), unplaced


_HALF_BRACKETED = "a figure with one bracket of a pair: its other half was printed apart"


def _half_bracketed(text: str) -> bool:
    """A figure whose print opens a bracket it never closes, or closes one it never opened
    ("7,882)"): a negative whose marks the reader could not bring together. It is no
    number to read, yet it must be counted, never dropped without a word."""
    return reads_as_number(text) and text.count("(") != text.count(")")


def _unread_figure(text: str) -> bool:
    """A cell printed as a figure that no number is read from: counted, never label words."""
    return _why_unread(text) is not None


def _why_unread(text: str) -> str | None:
    """Why a cell printed as a figure is no number the reader reads; None when it is read
    or is no figure. Every figure the table prints is counted, read or not."""
    if _half_bracketed(text):
        return _HALF_BRACKETED
    mark = unread_mark(text)
    if mark is not None:
        return f"a figure printed with the mark {mark!r}, which no number is read with"
    return None


def _why_not_placed(
    label: str, ratio_row: bool, column: int | None, columns: tuple[Column, ...], printed: int
) -> tuple[str, bool]:
    """Why a cell's numbers (`printed`: one, or the two ends of a range) cannot be facts
    of their column, and whether on purpose; ("", False) when they can."""
    if column is None:
        return "outside the value columns", False
    header = columns[column].header
    if ratio_row or columns[column].share_of:
        where = f"row {label!r}" if ratio_row else f"column {header!r}"
        return f"a percentage of another line ({where}): a ratio of other facts", True
    if columns[column].note_reference:
        return f"column {header!r} holds references to the notes, not amounts", True
    if columns[column].variance:
        return (
            f"column {header!r} is a favourable/unfavourable variance: its sign says better"
            " or worse, not up or down, and it is the difference of the columns it compares"
        ), True
    if columns[column].outlook and columns[column].forecast is None:
        what = columns[column].missing or "guidance for a period not yet reported"
        return f"column {header!r} is {what}", True
    if columns[column].outlook:
        return "", False  # the outlook's figures: a point, or the ends of a range
    if columns[column].period is None:
        missing = columns[column].missing
        return f"column {header or columns[column].position!r} names no period" + (
            f": {missing}" if missing else ""
        ), False
    if printed > 1:
        return f"a range for {columns[column].period}, which is not a forecast", True
    return "", False


def _unplaced(
    row: Row, label: str, text: str, reason: str, deliberate: bool = False
) -> UnplacedNumber:
    return UnplacedNumber(
        text=text, line=row.line, page=row.page, label=label, reason=reason, deliberate=deliberate
    )


def _closes_section(label: str) -> bool:
    tokens = label_tokens(label)
    return bool(tokens) and tokens[0] == "total"


def without_scale(label: str) -> str:
    """The label without the scale it states ("EPS (diluted US cents)": "EPS (diluted)"):
    the scale says how the figures are printed, not which line item they are."""
    text = CENTS.sub("", STATED_SCALE.sub("", without_unit_at_the_end(label)))
    return re.sub(r"\(\s*\)", "", re.sub(r"\s+\)", ")", text)).strip()


def stated_scale(row: TableRow) -> int | None:
    """A scale written in the row's label or its nearest section, e.g. "(in thousands)";
    or hundredths where the row's amounts are printed in a minor unit ("12.3p"), whatever
    the rates of its change column."""
    amounts = [c for c in row.cells if not c.number.rate]  # a change column's rates aside
    if amounts and all(c.number.minor_unit for c in amounts):
        return -2
    for text in (row.label, *reversed(row.sections[-1:])):
        if (scale := scale_in_words(text)) is not None:
            return scale
    return None


# A figure as a cell prints it: digits with a decimal point, thousands commas or a percent
# sign (bare integers in labels are counts, notes and years: "95,000,000 shares" stands
# alone, not in a run).
_LABEL_FIGURE = re.compile(
    rf"^[+\-\u2013\u2212({MINUS_MARKS}]?"
    r"\$?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+(?=%))%?\)?$"
)
_LOST_RUN = 2
# A figure with a footnote letter glued to it ("141.2a", "24.5%b", "(56.0)a"): a cell
# whose mark the print did not set apart, never a word of a line item's name.
_MARKED_FIGURE = re.compile(r"^(?P<figure>.*\d[%)]*)[a-zA-Z]$")


LOST_IN_LABEL = "figures printed inside the row's label: its cells were not told apart"


def _marked_figure(token: str) -> bool:
    """A figure glued to one letter that no reading takes as a unit ("1.5m", "12.3p" are
    read as amounts): a cell and its footnote mark, as read in one piece."""
    match = _MARKED_FIGURE.match(token)
    return bool(match and _LABEL_FIGURE.match(match["figure"])) and not parse_cell(token)


def label_figure_runs(label: str) -> list[list[str]]:
    """The runs of figures a label prints, two or more ("Order intake 1,412.6 1,298.4"),
    or any holding a figure glued to its footnote mark ("Fuel 141.2a"): cells the reader
    could not tell from the label, never part of a line item's name."""
    runs: list[list[str]] = []
    run: list[str] = []
    marked = False
    for token in [*label.split(), ""]:
        if _LABEL_FIGURE.match(token) or _marked_figure(token):
            run.append(token)
            marked = marked or _marked_figure(token)
            continue
        if len(run) >= _LOST_RUN or marked:
            runs.append(run)
        run, marked = [], False
    return runs


def numbers_in_labels(rows: list[TableRow]) -> list[UnplacedNumber]:
    """Figures printed inside rows' labels, two or more in a run ("Order intake 1,412.6
    1,298.4 +8.8% Order intake", two tables side by side read as one line): cells the
    reader could not tell apart. They are table numbers not understood, never lost."""
    return [
        UnplacedNumber(text=t, line=row.line, page=row.page, label=row.label, reason=LOST_IN_LABEL)
        for row in rows
        for run in label_figure_runs(row.label)
        for t in run
    ]


def repeated_groups(rows: list[TableRow]) -> list[TableRow]:
    """Rows that repeat under different parent rows take the parent as their section.

    A growth table prints "WW As Reported / U.S. / International", then "WW Currency /
    U.S. / International": the repeated labels are the components of the row above them
    that is printed once. Each repeated row, where every occurrence in its section has a
    different such parent in that section, reads as if the parent were a heading inside
    its section (under "Acquisitions": "Abiomed / U.S. / International", then "All other /
    U.S. / International").
    """
    counts: dict[tuple[str, tuple[str, ...]], int] = {}
    for row in rows:
        if row.cells and row.label:
            key = (row.label.strip().lower(), row.sections)
            counts[key] = counts.get(key, 0) + 1
    parents: dict[int, str] = {}
    parent: tuple[str, tuple[str, ...]] | None = None
    for i, row in enumerate(rows):
        key = (row.label.strip().lower(), row.sections)
        if counts.get(key, 0) == 1 and row.cells:
            parent = (row.label, row.sections)
        elif counts.get(key, 0) > 1 and parent and (not row.sections or parent[1] == row.sections):
            parents[i] = parent[0]
    by_label: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for i, name in parents.items():
        by_label.setdefault((rows[i].label.strip().lower(), rows[i].sections), []).append(name)
    distinct = {key for key, names in by_label.items() if len(set(names)) == len(names)}
    return [
        row.model_copy(update={"sections": (*row.sections, parents[i])})
        if i in parents and (row.label.strip().lower(), row.sections) in distinct
        else row
        for i, row in enumerate(rows)
    ]


_CONNECTIVE_LEVEL = 2


def _plain(label: str) -> str:
    """A heading's words, lower case, without the colon ("Plus:" -> "plus")."""
    return " ".join(strip_footnotes(label).lower().rstrip(" :").split())


def assign_sections(
    rows: list[TableRow | None], connectives: frozenset[str] = frozenset()
) -> list[TableRow]:
    """Give each row its section path; `None` entries are blank rows.

    A connective heading ("Plus:", "Less:") opens a section inside the current one instead
    of replacing it: the adjustments under "Non-GAAP diluted net income per share / Plus:"
    keep the heading that says they are per share.
    """
    stack: list[tuple[str, int]] = []
    result: list[TableRow] = []
    for row in rows:
        if row is None:
            stack = [s for s in stack if s[1] == 0]
            continue
        if row.role is RowRole.SECTION and _plain(row.label) in connectives:
            stack = [s for s in stack if s[1] < _CONNECTIVE_LEVEL]
            result.append(row.model_copy(update={"sections": tuple(s[0] for s in stack)}))
            stack.append((row.label, _CONNECTIVE_LEVEL))
            continue
        if row.role is RowRole.SECTION and _remark_on_heading(stack, result, row):
            # "Earnings per share (of Rs 10 each)" / "(not annualised for the quarters)":
            # a remark in brackets under a heading qualifies it, it does not replace it.
            stack[-1] = (f"{stack[-1][0]} {row.label}", stack[-1][1])
            result.append(row.model_copy(update={"sections": tuple(s[0] for s in stack[:-1])}))
            continue
        if row.role is RowRole.SECTION and _wrapped_heading(stack, result, row):
            # "Earnings per share attributable to Kestrel" / "Bay Holdings, Inc. common
            # shareholders:": one heading printed over two lines, its colon on the last.
            stack[-1] = (f"{stack[-1][0]} {row.label}", stack[-1][1])
            result.append(row.model_copy(update={"sections": tuple(s[0] for s in stack[:-1])}))
            continue
        if row.role is RowRole.SECTION:
            level = 0 if is_all_caps(row.label) else 1
            kept = _heading_just_opened(stack, result, level)
            stack = [s for s in stack if s[1] < level] + kept
            result.append(row.model_copy(update={"sections": tuple(s[0] for s in stack)}))
            stack.append((row.label, level))
            continue
        if _totals_section(row, stack, result):
            row = row.model_copy(update={"label": f"Total {stack[-1][0]}", "inferred_label": True})
            stack = stack[:-1]
        sectioned = row.model_copy(update={"sections": tuple(s[0] for s in stack)})
        result.append(sectioned.model_copy(update={"scale": stated_scale(sectioned)}))
        if _closes_section(row.label) and _totals_its_section(row, stack, result):
            level = 0 if is_all_caps(row.label) else 1
            stack = [s for s in stack if s[1] < level] if level else []
    return result


def _heading_just_opened(
    stack: list[tuple[str, int]], done: list[TableRow], level: int
) -> list[tuple[str, int]]:
    """The heading the previous row opened, at `level`, with no row under it yet: a heading
    right under it ("EARNINGS PER SHARE ATTRIBUTABLE TO ORDINARY" / "EQUITY HOLDERS OF THE
    COMPANY", "ASSETS" / "CURRENT ASSETS") goes on with it rather than replacing it."""
    if not stack or not done or stack[-1][1] != level:
        return []
    previous = done[-1]
    opened = previous.role is RowRole.SECTION and previous.label == stack[-1][0]
    return [stack[-1]] if opened else []


def _totals_its_section(row: TableRow, stack: list[tuple[str, int]], done: list[TableRow]) -> bool:
    """Whether a "Total ..." row (just placed, last of `done`) ends its section: a total of
    the line items above it. A section of totals alone ("Period-End Balances / Total loans /
    Total deposits / Total assets") lists line items of their own: the section goes on."""
    if not stack:
        return True
    items = _section_items(stack[-1][0], done[:-1])
    return any(not _closes_section(item.label) for item in items)


def _section_items(heading: str, done: list[TableRow]) -> list[TableRow]:
    """The rows with numbers placed under the last heading named `heading`, in its
    sub-sections too ("Current liabilities:" under "LIABILITIES AND EQUITY")."""
    start = max(
        (i for i, r in enumerate(done) if r.role is RowRole.SECTION and r.label == heading),
        default=-1,
    )
    return [r for r in done[start + 1 :] if r.cells and heading in r.sections]


def _remark_on_heading(stack: list[tuple[str, int]], done: list[TableRow], row: TableRow) -> bool:
    """A line wholly in brackets right under a heading line."""
    label = row.label.strip()
    if not stack or not done or done[-1].role is not RowRole.SECTION:
        return False
    return done[-1].label == stack[-1][0] and label.startswith("(") and label.endswith(")")


def _wrapped_heading(stack: list[tuple[str, int]], done: list[TableRow], row: TableRow) -> bool:
    """A heading line ending in a colon right after a heading line without one: the tail
    of one heading wrapped over two lines."""
    if not stack or not done or done[-1].role is not RowRole.SECTION:
        return False
    head = stack[-1][0].rstrip()
    return (
        done[-1].label == stack[-1][0]
        and not head.endswith(":")
        and row.label.rstrip().endswith(":")
        and not is_all_caps(row.label)
        and not is_all_caps(head)
    )


def _totals_section(row: TableRow, stack: list[tuple[str, int]], done: list[TableRow]) -> bool:
    """An unlabelled row of numbers right after the items of a section is that section's
    total ("Consumer Health / U.S. / International / <total>"): it is labelled as the
    section's total, and the section ends with it."""
    if row.label or not row.cells or not stack or not done:
        return False
    previous = done[-1]
    return previous.role is RowRole.ITEM and stack[-1][0] in previous.sections


def _values(row: TableRow) -> dict[int, Decimal]:
    return {c.column: c.number.value for c in row.cells}


def _tolerance(row: TableRow, items: int) -> dict[int, Decimal]:
    """Per column: how far a printed total may miss the sum of `items` printed values."""
    half_items = Decimal(items + 1) / 2
    return {c.column: half_items * Decimal(10) ** -c.number.fraction_digits for c in row.cells}


def _reads_like_total(label: str, total_words: tuple[tuple[str, ...], ...]) -> bool:
    words = label_tokens(label)
    return any(
        words[i : i + len(w)] == w for w in total_words for i in range(len(words) - len(w) + 1)
    )


def find_leading_totals(
    rows: list[TableRow], total_words: tuple[tuple[str, ...], ...] = ()
) -> list[TableRow]:
    """Mark rows printed above the rows they sum; those rows get them as a section.

    Translated or rounded columns may miss by half a unit per item, so each column may
    differ within that rounding, but at least one column must foot exactly.
    """
    result = list(rows)
    values = [_values(row) for row in result]
    for i, row in enumerate(result):
        if row.role is not RowRole.ITEM or row.sum_of or not any(values[i].values()):
            continue
        length = _leading_group(values, i, _item_run(result, i + 1), row)
        members = _item_run(result, i + 1)[:length]
        if length and not any(_reads_like_total(result[j].label, total_words) for j in members):
            result[i] = row.model_copy(update={"sum_of": tuple(members)})
            for j in members:
                sections = (*result[j].sections, row.label)
                result[j] = result[j].model_copy(update={"sections": sections})
    return result


def _leading_group(
    values: list[dict[int, Decimal]], total: int, run: list[int], row: TableRow
) -> int:
    """How many rows of `run` the total row sums (0 when no prefix of two or more does)."""
    target = values[total]
    running = dict.fromkeys(target, Decimal(0))
    for count, j in enumerate(run, start=1):
        if not target.keys() <= values[j].keys():
            return 0
        for column in target:
            running[column] += values[j][column]
        if count < _MIN_GROUP:
            continue
        tolerance = _tolerance(row, count)
        gaps = [abs(running[c] - target[c]) for c in target]
        if all(g <= tolerance[c] for g, c in zip(gaps, target, strict=True)) and 0 in gaps:
            return count
    return 0


def _item_run(rows: list[TableRow], start: int) -> list[int]:
    """Indices of consecutive item rows with the same sections, from `start`."""
    run: list[int] = []
    for j in range(start, len(rows)):
        if rows[j].role is not RowRole.ITEM or rows[j].sections != rows[start].sections:
            break
        run.append(j)
    return run
