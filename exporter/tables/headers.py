"""Column headers: which rows are headers, which value column each header cell covers.

Header rows are found by what their cells say (periods, dates, years, currencies), not by
where they stand, so a stacked table (a three-month block, then a year block) yields one
header group per block. Header rows are often not aligned with the data columns: a
spanning header ("Three months ended December 31,") sits over several columns, and a
header row may lack the leading label cell. Positions are therefore mapped onto the value
columns the data rows actually use.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field

from exporter.document import Cell, Row
from exporter.labels import is_stub_caption, label_tokens, strip_footnotes
from exporter.numbers import is_year, parse_cell, parse_number
from exporter.period_phrases import (
    PeriodPhrase,
    columns_counted,
    counted_by_columns,
    footnote_marks,
    kind_stated_for_its_year,
    parse_phrase,
    single_period,
)
from exporter.periods import Period, months_back
from exporter.tables.calendar import FiscalCalendar
from exporter.tables.model import Column
from exporter.tables.quarter_ends import with_quarters_ended
from exporter.tables.resolve import Resolution, checked_against_title, only_a_year, resolve
from exporter.tables.rows import mentions
from exporter.tables.scale import parse_scale, scale_in_words
from exporter.taxonomy import ConceptType, LineMeasure, Restatement
from exporter.unit_phrases import only_a_unit
from exporter.vocabulary import MONTH_NAMES, vocabulary

_MONTH_DAY = re.compile(
    r"^(?:as\s+(?:of|at)\s+|(?:for\s+the\s+)?(?:[a-z]+\s+){0,3}(?:ended|ending)\s+)?"
    rf"(?:{MONTH_NAMES})\.?\s+\d{{1,2}},?$",
    re.IGNORECASE,
)
_CHANGE_WORDS = re.compile(
    r"\bchange\b|%|\bvariance\b|\bgrowth\b|\bincrease\b|\bdecrease\b"
    r"|\bvs\.?\b|\by/y\b|\byoy\b|\by-o-y\b|\bq/q\b|\bqoq\b|\bq-o-q\b|period[\s-]*over",
    re.IGNORECASE,
)


@cache
def _change_marks() -> re.Pattern[str]:
    """The signs and abbreviations of periods.toml that head a change column ("Δ", "+/-",
    "Veränd."), wherever they stand in the header ("Δ%", "+/-%")."""
    return re.compile(rf"(?<!\w)(?:{vocabulary().alternatives('change_marks')})", re.IGNORECASE)


def _names_a_change(header: str) -> bool:
    """Whether a header says its column holds changes, in a word or a sign."""
    return bool(_CHANGE_WORDS.search(header) or _change_marks().search(header))


_SPAN_WORDS = (
    r"(?:three|six|nine|twelve|thirteen|\d{1,2})?\s*(?:months?|weeks?|quarters?|years?|periods?)"
)
_HEADER_WORDS = re.compile(
    r"^\(?(?:un)?audited\)?$|\bQ[1-4]\b|\bFY\s?'?\d{2,4}\b"
    r"|^fiscal(?:\s+\d{4})?$|^(?:as\s+(?:of|at)|ended|ending)$|^as reported$|^adjustments?$"
    r"|^non-?gaap$|^gaap$|^variance$"
    rf"|^(?:for\s+the\s+)?{_SPAN_WORDS}(?:\s+(?:ended|ending))?,?$"
    r"|^(?:period[\s-]*over[\s-]*(?:period)?|period)\s*%?\s*(?:change)?$"
    r"|^%\s*(?:change|chg\.?|growth|increase)?$|^(?:change|increase|growth)\s*(?:in\s*)?%?$"
    r"|^(?:reported\s*)?[\u2206\u0394]\s*%?$|^(?:y/y|yoy|y-o-y|q/q|qoq|q-o-q)\s*%?(?:\s*change)?$",
    re.IGNORECASE,
)


def is_header_cell(text: str, currency_names: frozenset[str] = frozenset()) -> bool:
    """Whether a cell reads like column-header text."""
    stripped = text.strip().strip("()\"'")
    if not stripped:
        return False
    if is_year(stripped) or _MONTH_DAY.match(stripped) or _HEADER_WORDS.search(stripped):
        return True
    if stripped.upper() in currency_names or stripped in currency_names:
        return True
    return len(stripped) < 80 and _states_period(stripped)


def _states_period(text: str) -> bool:
    """A cell that states part of a period ("12/31/2022", "FOURTH QUARTER", "Q1 2023") and
    is not itself a number."""
    if parse_cell(text):
        return False
    phrase = parse_phrase(text)
    if phrase.has_date:
        return len(text) < 60
    return (
        phrase.quarter is not None
        or phrase.fiscal_year is not None
        or (phrase.names_part_of_year and len(phrase.words) <= 4)
        or (phrase.year is not None and only_a_year(phrase))  # "2025 Actual"
    )


def is_header_row(row: Row, currency_names: frozenset[str] = frozenset()) -> bool:
    """A row every non-empty cell of which is header text (and which has some).

    The label column of a header row may hold the table's unit instead ("EUR million |
    Q2 2024 | Q2 2023", "(in thousands) | 2024 | 2023"): that cell is a caption. It may
    hold a title ("Key figures | Q3 2025 | Q3 2024 | Change"): the other cells tell.
    """
    cells = [c for c in row.cells if c.text.strip()]
    if len(cells) == 1 and cells[0].column == 0 and only_a_unit(cells[0].text):
        return True  # "in EUR million" on a row of its own under the column headers
    if len(cells) > 1 and cells[0].column == 0 and _captions_the_labels(cells[0].text):
        cells = cells[1:]
    if _titled_years(cells) or _titled_periods(cells, currency_names):
        return True
    # "Notes" over the column of references beside the years heads no period of its own.
    cells = [c for c in cells if not _heads_note_references(c)]
    return bool(cells) and all(
        is_header_cell(c.text, currency_names) or _heads_a_change_column(c) for c in cells
    )


def divides_spanned_headers(row: Row, above: list[Row]) -> bool:
    """A row of words, one in each value column, under a header row that spans them in
    groups: what each spanned period divides into ("Three Months Ended Sep 30, 2025"
    over "Revenue | Operating income | Margin"). It is a header row whatever its label
    cell says: there the word names what the rows are ("Segment"), not a line item.
    """
    if not above:
        return False
    cells = [c for c in row.cells if c.text.strip() and c.column > 0]
    if len(cells) < 2 or not all(_is_words(c.text) for c in cells):
        return False
    groups = [c for c in above[-1].cells if c.text.strip() and c.column > 0]
    if not groups or len(groups) >= len(cells):
        return False
    # A positional grid says what each header cell spans; a sequential one only how many
    # cells there are, which the groups then divide evenly.
    return any(c.span > 1 for c in groups) or len(cells) % len(groups) == 0


def _is_words(text: str) -> bool:
    """Header words, not a figure ("Operating income", "Margin", "% of sales")."""
    return not parse_cell(text) and any(ch.isalpha() for ch in text)


def _heads_note_references(cell: Cell) -> bool:
    """A value column's header that is only "Note" or "Notes" (words in periods.toml): the
    column beside the periods holds references to the notes, as IFRS statements print."""
    return cell.column > 0 and _is_note_reference(cell.text)


def _captions_the_labels(text: str) -> bool:
    """The label column's cell of a header row that only captions it: the table's unit
    ("EUR million", "(₹ in crore)") or the column's name ("Particulars", "Sr. No.")."""
    return bool(parse_scale(text).money) or is_stub_caption(text)


def _heads_a_change_column(cell: Cell) -> bool:
    """A value column's header naming a change in its own words ("Change in % (local
    currencies)", "Organic growth %"): header text beside the periods, though no period."""
    text = cell.text.strip()
    return (
        cell.column > 0 and len(text) < 60 and _names_a_change(text) and parse_number(text) is None
    )


def _titled_years(cells: list[Cell]) -> bool:
    """ "GAAP CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS | 2026 | 2025 | 2026 | 2025":
    the statement's title in the label cell of the row of years that heads its columns."""
    if len(cells) < 3 or cells[0].column != 0 or parse_number(cells[0].text) is not None:
        return False
    return all(is_year(c.text.strip()) for c in cells[1:])


def _titled_periods(cells: list[Cell], currency_names: frozenset[str]) -> bool:
    """ "Key figures | Q3 2025 | Q3 2024 | Change": a title in the label cell of the row
    whose other cells head the value columns. The other cells are the evidence, the title's
    words do not matter: at least two name periods, the rest are header text too, and the
    row says more than a label beside bare years ("Fiscal year | 2025 | 2024" may be a row
    of data, and is `_titled_years`' to judge): a dated period ("Q3 2025", "30 Sep 2025")
    or a column of changes, whose header a data row would print as a figure."""
    if len(cells) < 3 or cells[0].column != 0 or parse_cell(cells[0].text):
        return False
    heads = cells[1:]
    if not all(is_header_cell(c.text, currency_names) or _heads_a_change_column(c) for c in heads):
        return False
    periods = [c.text.strip() for c in heads if _names_a_period(c.text.strip())]
    changes = [c for c in heads if _heads_a_change_column(c)]
    return len(periods) >= 2 and (bool(changes) or not all(is_year(p) for p in periods))


def _names_a_period(text: str) -> bool:
    """A header cell that names a period by itself: a year, a date, a quarter, a span."""
    return is_year(text) or bool(_MONTH_DAY.match(text)) or _states_period(text)


def is_unlabelled_header(row: Row, *, before_data: bool) -> bool:
    """A row with no label and no numbers but years names columns.

    Before any data, a row of words qualifies ("Domestic | International | Consolidated",
    "Reported %", "2022 $ million"); after data, a row with years does (a new block's
    headers), and so does a row of words over several columns ("GAAP Reported | Items
    Affecting | Exchange"): one cell of words there is more likely a section printed off
    the label column.
    """
    cells = [c for c in row.cells if c.text.strip()]
    if len(cells) > 1 and cells[0].column == 0 and _captions_the_labels(cells[0].text):
        cells = cells[1:]  # "(in millions) | Low | High": the unit captions the labels
    if not cells or any(c.column == 0 for c in cells):
        return False
    numbers = [c for c in cells if parse_cell(c.text) and not is_year(c.text)]
    if numbers:
        return False
    return before_data or len(cells) > 1 or any(is_year(c.text) for c in cells)


def _coverage(
    row: Row,
    positions: list[int],
    width: int,
    positional: bool,
    percents: frozenset[int] = frozenset(),
) -> dict[int, str]:
    """Header text per value position for one header row.

    Positional grids say which columns a header cell covers. In a sequential grid a
    header cell reaches to the next header cell, and a row that lacks the leading label
    cell is aligned on the right. A row of periods, one cell per amount column where
    columns of percentages stand among the amounts ("2025 | 2024" over "84,512 | 18.6% |
    71,236"), heads the amounts in turn: a percentage beside an amount is its change or
    ratio, never the next period's figure. A row of periods with fewer cells than the
    amounts, and nothing else to tell which amount each heads, is read only at its ends.
    """
    cells = [c for c in row.cells if c.text.strip()]
    if positional or any(c.span > 1 for c in row.cells):
        return _by_span(cells, positions)
    if len(cells) == len(positions):
        return {p: c.text.strip() for p, c in zip(positions, cells, strict=True)}
    if _periods_side_by_side(cells):
        amounts = [p for p in positions if p not in percents]
        if amounts != positions and len(cells) == len(amounts):
            return {p: c.text.strip() for p, c in zip(amounts, cells, strict=True)}
        if 1 < len(cells) < len(positions):
            return _at_both_ends(cells, positions)
    if _spans_in_equal_groups(cells, positions):
        size = len(positions) // len(cells)
        return {p: cells[i // size].text.strip() for i, p in enumerate(positions)}
    # A row that keeps its (empty) label cell is aligned on the left already.
    keeps_label_cell = bool(row.cells) and not row.cells[0].text.strip()
    short = len(row.cells) < width and not keeps_label_cell
    shift = max(0, width - len(row.cells)) if short else 0
    starts = [c.column + shift for c in cells]
    result: dict[int, str] = {}
    for i, cell in enumerate(cells):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(cells) else width
        covered = [p for p in positions if start <= p < end]
        if not covered and i == len(cells) - 1:
            covered = [p for p in positions if p >= start]
        for p in covered:
            result[p] = cell.text.strip()
    return result


def _at_both_ends(cells: list[Cell], positions: list[int]) -> dict[int, str]:
    """A row of periods with fewer cells than value columns, nothing saying which
    columns the periods between stand over: the first heads the first column and the
    last the last; the columns between are headed by none, their numbers reported as not
    understood rather than dated by position."""
    return {positions[0]: cells[0].text.strip(), positions[-1]: cells[-1].text.strip()}


def _periods_side_by_side(cells: list[Cell]) -> bool:
    """Cells printed one after another from the first column after the labels', no empty
    cell between them (one cell per period, not padded to the columns), that each name a
    year or a dated period ("2025", "Q2 2024", "June 30, 2025"). A row that lacks its
    label cell is aligned on the right instead (`_coverage`)."""
    columns = [c.column for c in cells]
    return (
        bool(cells)
        and columns == list(range(1, len(cells) + 1))
        and all(is_year(c.text.strip()) or parse_phrase(c.text).year is not None for c in cells)
    )


def _spans_in_equal_groups(cells: list[Cell], positions: list[int]) -> bool:
    """ "13 Weeks Ended | 26 Weeks Ended" over four amounts, printed without the cells its
    spans had: lengths without dates, as many as the amounts divide into equal groups."""
    if len(cells) < 2 or len(positions) % len(cells):
        return False
    phrases = [parse_phrase(c.text) for c in cells]
    return all(p.lengths and not p.has_date and p.year is None for p in phrases)


def _by_span(cells: list[Cell], positions: list[int]) -> dict[int, str]:
    result: dict[int, str] = {}
    for cell in cells:
        for p in positions:
            if cell.column <= p < cell.column + cell.span:
                result[p] = cell.text.strip()
    return result


def _is_stub(row: Row) -> bool:
    """A header row that prints a period in the label column only ("Q4" at the left of the
    column headers): it applies to every column."""
    cells = [c for c in row.cells if c.text.strip()]
    if len(cells) != 1 or cells[0].column != 0:
        return False
    text = cells[0].text.strip().rstrip(":")
    return is_year(text) or _states_period(text)


def _stacked_stubs(stubs: list[Row], leaf: dict[int, str], positions: list[int]) -> dict[int, str]:
    """Periods stacked in the label column, one per group of columns the lowest header row
    repeats ("Three Months Ended / March 31, / Fiscal Years Ended / March 31," over "2026
    2025 2026 2025"): in order, each heads its group. Empty when the stubs name one period
    or do not match the groups in number."""
    groups: list[list[str]] = []
    for row in stubs:
        text = " ".join(c.text.strip() for c in row.cells if c.text.strip())
        if parse_phrase(text).lengths or not groups:
            groups.append([text])
        else:
            groups[-1].append(text)
    length = _repeat_length(leaf, positions)
    if len(groups) < 2 or length is None or len(positions) != length * len(groups):
        return {}
    return {
        p: " ".join(group)
        for group, start in zip(groups, range(0, len(positions), length), strict=True)
        for p in positions[start : start + length]
    }


def _names_no_period(text: str) -> bool:
    phrase = parse_phrase(text)
    return phrase.year is None and not phrase.has_date and not phrase.names_part_of_year


def _extend_incomplete(
    upper: dict[int, str], below: dict[int, str], leaf: dict[int, str], positions: list[int]
) -> dict[int, str]:
    """A span or date without its year ("Three months ended December 31,", "Three Months
    Ended") over a run of columns its lower headers date alike (all years, or all full
    dates) heads the whole run, where no other header cell of its row stands: a print
    sets such a heading at the run's start, at its end or centred over it, and a
    fixed-width print leaves it over the columns it physically reaches only. A column
    whose lower headers already say what the heading says ("June 30," under a "December"
    split from its "31,") is not in its run. The columns are dated by all the headers
    below the heading, so that a row of units under the dates ("Rm | Rm") hides nothing:
    "Six months ended" over the first of "31 Aug 2025 | 31 Aug 2024" heads both, never
    the "% change" beside them nor a column dated by its year alone."""
    extended = dict(upper)
    for cell in _header_cells(upper, positions):
        phrase = parse_phrase(upper[cell[0]])
        if phrase.year is not None or not (phrase.names_part_of_year or phrase.month_day):
            continue
        dating = below if not any(_dated_as(leaf.get(p, "")) for p in positions) else leaf
        unstated = {p: dating.get(p, "") for p in positions if not _restates(phrase, below[p])}
        run = _alike_run(cell, upper, unstated, positions)
        if run and _set_over(cell, run, positions):
            for p in run:
                extended.setdefault(p, upper[cell[0]])
    return extended


def _below(coverages: list[dict[int, str]], positions: list[int]) -> dict[int, str]:
    """The joined text of the header rows `coverages`, per position."""
    return {p: " ".join(c[p] for c in coverages if p in c) for p in positions}


def _restates(phrase: PeriodPhrase, text: str) -> bool:
    """Whether `text` already names the part of a period `phrase` names: a day of the
    year, or a part of the year."""
    lower = parse_phrase(text)
    return bool(
        (phrase.month_day and lower.has_date)
        or (phrase.names_part_of_year and lower.names_part_of_year)
    )


def _header_cells(upper: dict[int, str], positions: list[int]) -> list[list[int]]:
    """The positions each header cell of a row covers: neighbouring positions with one
    text."""
    cells: list[list[int]] = []
    for p in (p for p in positions if p in upper):
        last = cells[-1][-1] if cells else p
        beside = positions.index(last) + 1 == positions.index(p)
        if beside and upper[last] == upper[p]:
            cells[-1].append(p)
        else:
            cells.append([p])
    return cells


def _dated_as(text: str) -> str | None:
    """How a lowest header dates its column: by a year alone ("2025") or by a full date
    ("Dec 31, 2024"); None for anything else."""
    phrase = parse_phrase(text)
    if phrase.end is not None:
        return "date"
    if phrase.year is not None and not phrase.has_date:
        return "year"
    return None


def _alike_run(
    cell: list[int], upper: dict[int, str], leaf: dict[int, str], positions: list[int]
) -> list[int]:
    """The positions around a header cell that no other cell of its row heads and that
    the lowest header dates the way it dates every column under the cell; empty when the
    columns under the cell are dated differently or not at all."""
    kinds = {_dated_as(leaf.get(p, "")) for p in cell}
    if len(kinds) != 1 or None in kinds:
        return []
    (kind,) = kinds
    first, last = positions.index(cell[0]), positions.index(cell[-1])

    def joins(i: int) -> bool:
        p = positions[i]
        return p not in upper and _dated_as(leaf.get(p, "")) == kind

    while first > 0 and joins(first - 1):
        first -= 1
    while last + 1 < len(positions) and joins(last + 1):
        last += 1
    return positions[first : last + 1]


def _set_over(cell: list[int], run: list[int], positions: list[int]) -> bool:
    """Whether a header cell stands at the start of the run, at its end, or centred over
    it (its middle within half a column of the run's)."""
    at = [positions.index(p) for p in cell]
    span = [positions.index(p) for p in run]
    if at[0] == span[0] or at[-1] == span[-1]:
        return True
    return abs((at[0] + at[-1]) - (span[0] + span[-1])) <= 1


def _over_both_ends(
    upper: dict[int, str], leaf: dict[int, str], positions: list[int]
) -> dict[int, str]:
    """A header over a range's two columns ("Q1 2026" over "Low | High"), printed over one
    of them only (no spanned cell; centred text in a fixed-width print): it heads both, as
    neither end of a range stands alone."""
    extended = dict(upper)
    for low, high in pairwise(positions):
        if _range_end(leaf.get(low, "")) != "Low" or _range_end(leaf.get(high, "")) != "High":
            continue
        if low in upper and high not in upper:
            extended[high] = upper[low]
        elif high in upper and low not in upper:
            extended[low] = upper[high]
    return extended


def _bind_spanned(
    coverages: list[dict[int, str]], rows: list[Row], positions: list[int]
) -> list[dict[int, str]]:
    """Value positions under one spanned header cell ("March 31," over an amount and its
    percent) are one column of the header: a header above that covers some of them
    ("Three Months Ended" starting one position late) covers them all."""
    result = [dict(c) for c in coverages]
    for k, row in enumerate(rows):
        groups = [
            [p for p in positions if cell.column <= p < cell.column + cell.span]
            for cell in row.cells
            if cell.span > 1 and cell.text.strip()
        ]
        for j, upper in enumerate(result[:k]):
            for group in (g for g in groups if g):
                texts = {upper[p] for p in group if p in upper}
                if len(texts) == 1:
                    (text,) = texts
                    for p in group:
                        upper.setdefault(p, text)
                elif (
                    len(texts) > 1
                    and all(_names_no_period(t) for t in texts)
                    and _inside(rows[j], group)
                ):
                    # Pieces of one phrase centred over the group ("Earnings | per" over
                    # "Common Share"): the phrase heads every column of the group.
                    joined = " ".join(upper[p] for p in group if p in upper)
                    for p in group:
                        upper[p] = joined
    return result


def _inside(row: Row, group: list[int]) -> bool:
    """Whether every cell of `row` over the positions of `group` lies within them."""
    for cell in row.cells:
        covered = set(range(cell.column, cell.column + cell.span))
        if cell.text.strip() and covered & set(group) and not covered <= set(group):
            return False
    return True


def _repeat_length(leaf: dict[int, str], positions: list[int]) -> int | None:
    """The length of the unit the lowest header row repeats ("2022 2021 2022 2021": 2)."""
    texts = [leaf.get(p, "") for p in positions]
    for length in range(2, len(texts) // 2 + 1):
        if len(texts) % length == 0 and all(
            texts[i] == texts[i + length] for i in range(len(texts) - length)
        ):
            return length
    return None


def _extend_groups(
    uppers: list[dict[int, str]], leaf: dict[int, str], positions: list[int]
) -> list[dict[int, str]]:
    """Group headers printed over the first of the columns they span.

    In a PDF a group name ("Consumer Health", "Revenue Mix") stands over the first column
    of its group, or centred over it; the lowest header row shows the group's shape by
    repeating ("2022 2021" under each name). A group name at the start of a repeated unit
    of periods covers the unit; one among columns that name no period covers those it is
    centred over ("Percent Change" over "Total Operations Currency"), and one over a
    column of measures names that measure alone ("EPS" over "US cents" beside "EBITDA |
    EBIT").
    """
    length = _repeat_length(leaf, positions)
    if length is None:
        return uppers
    units = [positions[i : i + length] for i in range(0, len(positions), length)]
    result = []
    for upper in uppers:
        extended = dict(upper)
        for unit in units:
            named = [p for p in unit if p in upper]
            if len(named) != 1:
                continue
            start = named[0]
            over_periods = start == unit[0] and not _names_no_period(leaf.get(start, ""))
            covered = unit if over_periods else _centred_run(unit, start, leaf)
            for p in covered:
                extended.setdefault(p, upper[start])
        result.append(extended)
    return result


def _centred_run(unit: list[int], start: int, leaf: dict[int, str]) -> list[int]:
    """The columns a name inside a repeated unit heads: the run of neighbours naming no
    period that it stands in the middle of ("Percent Change" over "Total | Operations |
    Currency"). A name over the last column of the unit ("EPS" over "US cents" beside
    "EBITDA | EBIT | Net Income") heads that column alone."""
    at = unit.index(start)
    reach = 0
    while (
        at - reach - 1 >= 0
        and at + reach + 1 < len(unit)
        and _names_no_period(leaf.get(unit[at - reach - 1], ""))
        and _names_no_period(leaf.get(unit[at + reach + 1], ""))
    ):
        reach += 1
    return unit[at - reach : at + reach + 1]


def _spread_change_groups(
    coverages: list[dict[int, str]], rows: list[Row], positions: list[int]
) -> list[dict[int, str]]:
    """A change group header ("% Change", "Percent Change") printed over one of the
    columns it spans, in a layout without spans (a PDF): it covers the neighbouring
    columns whose headers below it name no period ("Reported | Operational | Currency"),
    up to a column that names one. Only a header alone in its row is a group's: beside
    other cells it is one line of its own column's header ("Reported / % Change, / GAAP")."""
    result = [dict(c) for c in coverages]
    for k, (coverage, row) in enumerate(zip(coverages[:-1], rows, strict=False)):
        if any(c.span > 1 for c in row.cells) or len(coverage) != 1:
            continue
        below = {p: " ".join(c.get(p, "") for c in coverages[k + 1 :]).strip() for p in positions}
        for start, text in coverage.items():
            if not _compares_periods(text) or not _names_no_period(text):
                continue
            for step in (-1, 1):
                i = positions.index(start) + step
                while 0 <= i < len(positions):
                    p = positions[i]
                    if p in coverage or not below[p] or not _names_no_period(below[p]):
                        break
                    result[k][p] = text
                    i += step
    return result


class HeaderContext(BaseModel):
    """What a table's surroundings say about its columns."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    currencies: dict[str, tuple[str, ...]]
    default_currency: str | None = None
    period_hint: str = ""
    positional: bool = False
    total_words: tuple[tuple[str, ...], ...] = ()
    # Headings that join the rows below to the section above ("Plus:", "Less:").
    connectives: frozenset[str] = frozenset()
    default_members: tuple[tuple[str, ...], ...] = ()
    # The words of the components of equity ("Share capital", "Retained earnings"): column
    # headers of a statement of changes in equity.
    equity_components: tuple[tuple[str, ...], ...] = ()
    # Words of columns printing a period's figures as restated and as first reported.
    restatement: Restatement = Field(default_factory=Restatement)
    # Words of a column (or row) of percentages of another line ("Percent to Sales").
    share_of: tuple[tuple[str, ...], ...] = ()
    # The words of the taxonomy's line items, for a heading that names what rows measure.
    line_items: frozenset[tuple[str, ...]] = frozenset()
    # Periods for headers the document defines elsewhere ("Q2 FY24").
    known_periods: dict[str, Period] = {}
    # What the title and caption say of the period, for headers that say part of it.
    surroundings: PeriodPhrase = Field(default_factory=PeriodPhrase)
    # The release's own date: a period ending after it is a forecast, whatever it says.
    published: date | None = None
    # The one day the title or caption dates the table by: its latest fiscal label's end.
    title_day: date | None = None
    # The one period the title or caption names, for a table whose headers name none.
    title_period: PeriodPhrase = Field(default_factory=PeriodPhrase)
    # What the footnotes below the table say of the periods they mark, by mark.
    note_periods: dict[str, PeriodPhrase] = {}
    # The release's fiscal calendar, for headers naming fiscal quarters and years.
    calendar: FiscalCalendar | None = None
    # The table holds balances (a balance sheet): a bare year is the fiscal year's end.
    instants: bool = False
    # The title or caption says the table is guidance ("2023 guidance range").
    outlook: bool = False
    # A heading compares two periods ("FIRST QUARTER 2023 ACTUAL vs. 2022 ACTUAL"): the
    # columns that name no period of their own are changes of the later one.
    compared: bool = False
    # Measures of a line printed as columns under each period ("Average Balance").
    line_measures: tuple[LineMeasure, ...] = ()
    # Points of a rate a row's label may name as its unit ("(bps)"), by the power of ten of
    # one point.
    rate_points: dict[str, int] = {}


def resolve_header(
    header: str, context: HeaderContext, phrase: PeriodPhrase | None = None
) -> Resolution:
    """The period of a column from its joined header text and the table's context.

    A period heading above the table applies to every column; the title and caption
    complete only a header that states some part of a period itself (a year, a quarter).
    A header naming a fiscal year alone ("FY 2024") is that whole year: the span of a
    heading or caption ("for the six months ended 30 June 2025") is not its own.
    `phrase` is the header's as the table's other columns read it (`_resolutions`).
    """
    phrase = parse_phrase(header) if phrase is None else phrase
    for mark in footnote_marks(header):
        if mark in context.note_periods and not phrase.is_empty:
            phrase = phrase.completed_by(context.note_periods[mark])
    if not context.instants:
        # A balance sheet's "FY 2024" is the balance at that year's end, not the year.
        phrase = phrase.as_whole_fiscal_year()
    if context.period_hint:
        phrase = phrase.completed_by(parse_phrase(context.period_hint))
    if not phrase.is_empty:
        phrase = phrase.completed_by(context.surroundings)
    return resolve(phrase, context.calendar, context.instants)


def build_columns(
    header_rows: list[Row],
    positions: list[int],
    width: int,
    context: HeaderContext,
    percents: frozenset[int] = frozenset(),
) -> tuple[Column, ...]:
    """One `Column` per value position, with its joined header text, period and currency.

    `percents` are the positions whose numbers are all percentages (`percent_positions`)."""
    texts: dict[int, list[str]] = {p: [] for p in positions}
    # In a positional grid (HTML, PDF) column 0 is the label column; in a text grid a lone
    # cell there is a header row that lacks its leading tab.
    stubs = [row for row in header_rows if context.positional and _is_stub(row)]
    header_rows = [row for row in header_rows if row not in stubs]
    coverages = [
        _coverage(row, positions, width, context.positional, percents) for row in header_rows
    ]
    stacked = _stacked_stubs(stubs, coverages[-1] if coverages else {}, positions)
    if stacked:
        coverages.insert(0, stacked)
        header_rows.insert(0, stubs[0])
    elif stubs:
        stub = " ".join(c.text.strip() for row in stubs for c in row.cells if c.text.strip())
        hint = f"{context.period_hint} {stub}".strip()
        context = context.model_copy(update={"period_hint": hint})
    if len(coverages) > 1:
        leaf = coverages[-1]
        uppers = [
            _extend_incomplete(upper, _below(coverages[k + 1 :], positions), leaf, positions)
            for k, upper in enumerate(coverages[:-1])
        ]
        uppers = [_over_both_ends(upper, leaf, positions) for upper in uppers]
        if context.positional:
            uppers = _extend_groups(uppers, leaf, positions)
        coverages = [*uppers, leaf]
        coverages = _bind_spanned(coverages, header_rows, positions)
        if context.positional:
            coverages = _spread_change_groups(coverages, header_rows, positions)
    for coverage in coverages:
        for position, text in coverage.items():
            texts[position].append(text)
    columns = []
    headers = {p: " ".join(texts[p]) for p in positions}
    group_scales = _group_unit_scales(texts)
    silent = _silent_period(list(headers.values()), context)
    resolutions = _resolutions([headers[p] for p in positions], silent, context)
    for position, resolution in zip(positions, resolutions, strict=True):
        header = headers[position]
        period = resolution.period or context.known_periods.get(header)
        currency = _own_currency(header, context) or context.default_currency
        ahead = (
            period is not None
            and context.published is not None
            and (period.end > context.published)
        )
        outlook = resolution.outlook or ahead or _called_outlook(header, period, context)
        columns.append(
            Column(
                position=position,
                header=header,
                period=period,
                currency=currency,
                open_start=resolution.open_start and period is resolution.period,
                length_unstated=resolution.length_unstated and period is resolution.period,
                missing=_ahead(period, context.published) if ahead else resolution.missing,
                share_of=mentions(header, context.share_of),
                variance=_states_variance(header),
                # "Note" under a group header that a fixed-width print set over it too
                # ("Six months ended" / "Note"): the lowest header says what it holds.
                note_reference=_is_note_reference(header) or _lowest_is_note(texts[position]),
                outlook=outlook,
                forecast=_forecast(resolution, period, context) if outlook else None,
                bound=_range_end(coverages[-1].get(position, "")) if outlook else "",
                scale=_column_scale(header, group_scales.get(position)),
                trailing=_trailing(header, context),
                printed_start=resolution.printed_start and period is resolution.period,
            )
        )
    columns = with_quarters_ended(_anchor_trailing(_twelve_months_to_date(columns)))
    if context.compared:
        columns = [_as_comparison(c) for c in columns]
    columns = _between_same_period(_change_columns(columns))
    own = [_own_header(coverages, header_rows, positions, p) for p in positions]
    undated = [_undated_header(coverages, p) for p in positions]
    columns = _line_measures(columns, undated, context.line_measures)
    return tuple(_members(columns, context, own))


def _group_unit_scales(texts: dict[int, list[str]]) -> dict[int, int]:
    """The scale of the unit line heading each column, where the header rows print more
    than one ("--- ₹ crore ---  --- US$ million ---" over "Q2 FY26 | Q2 FY25" for each
    currency): each group's scale is its own columns', not the first one the table states.
    One unit over every column is the table's scale, and stays the table's."""
    scales = {
        position: scale
        for position, lines in texts.items()
        for scale in [_unit_line_scale(lines)]
        if scale is not None
    }
    return scales if len(set(scales.values())) > 1 else {}


def _unit_line_scale(lines: list[str]) -> int | None:
    """The money scale of a header line that is only a currency and its scale ("US$
    million", "---- ₹ crore ----"), if one heads the column."""
    for line in lines:
        if only_a_unit(line) and (money := parse_scale(line).money):
            return money
    return None


def _column_scale(header: str, group_scale: int | None) -> int | None:
    """The scale a column's own header states ("(in thousands)", "cents"), else the one
    of the currency group it stands under."""
    own = scale_in_words(header)
    return own if own is not None else group_scale


def _undated_header(coverages: list[dict[int, str]], position: int) -> str:
    """The header lines of one column that state no period: what it measures ("Average" /
    "Balance" under "2025"), though a neighbour prints the same word ("Average" over
    "Yield/Cost" beside "Average" over the next period's "Balance")."""
    lines = (coverage.get(position, "") for coverage in coverages)
    return " ".join(t for t in lines if t and not _states_period(t) and not is_year(t))


def _line_measures(
    columns: list[Column], own: list[str], measures: tuple[LineMeasure, ...]
) -> list[Column]:
    """Each column's measure of the rows' lines, where every column of its period and
    currency names a different one ("Average Balance | Interest | Yield/Rate"); and
    whether its header names a rate, wherever it stands."""
    named = [next((m for m in measures if m.heads(text)), None) for text in own]
    groups: dict[tuple[Period, str | None], list[int]] = {}
    for i, column in enumerate(columns):
        if column.period is not None and not column.change and not column.note_reference:
            groups.setdefault((column.period, column.currency), []).append(i)
    result = [
        c.model_copy(update={"rate": True}) if m and m.type is ConceptType.PERCENT else c
        for c, m in zip(columns, named, strict=True)
    ]
    for indices in groups.values():
        names = [m.name for i in indices if (m := named[i]) is not None]
        if len(indices) < 2 or len(set(names)) < len(indices):
            continue
        for i, name in zip(indices, names, strict=True):
            result[i] = result[i].model_copy(update={"measure": name})
    return result


def _resolutions(
    headers: list[str], silent: PeriodPhrase | None, context: HeaderContext
) -> list[Resolution]:
    """Each column's period: the block's one period where no header states any, else its
    header's, checked against the day the title dates the table (unless it is guidance)."""
    if silent is not None:
        return [resolve(silent, context.calendar, context.instants) for _ in headers]
    phrases = columns_counted([parse_phrase(h) for h in headers])
    counted = counted_by_columns(context.surroundings, phrases)
    context = context.model_copy(update={"surroundings": counted})
    # A year alone beside its own quarter takes nothing of the quarter's title.
    apart = context.model_copy(update={"surroundings": PeriodPhrase()})
    read = [
        (
            p,
            resolve_header(
                h, apart if kind_stated_for_its_year(counted, p, phrases) else context, p
            ),
        )
        for p, h in zip(phrases, headers, strict=True)
    ]
    day = None if context.outlook else context.title_day
    return checked_against_title(day, read)


def _own_currency(header: str, context: HeaderContext) -> str | None:
    """The currency a column's header names. A header the period grammar reads to its
    last word names none: "R12M" is twelve months rolling, not 12 million rand."""
    phrase = parse_phrase(header)
    if not phrase.is_empty and not phrase.words:
        return None
    return find_currency(header, context.currencies)


# Days of a twelve-month period, and of a year-to-date longer than a quarter and shorter
# than a year (six or nine months, as 26 or 39 weeks).
_YEAR_DAYS = range(350, 380)
_TO_DATE_DAYS = range(120, 340)


def _twelve_months_to_date(columns: list[Column]) -> list[Column]:
    """A twelve-month column printed as its months ("Oct 2024-Sep 2025") that ends the
    day a six- or nine-month column of the same table ends ("Jan-Sep 2025") is trailing,
    not a fiscal year: that day ends part of a fiscal year, so it ends no year. (In a
    year-end report the year's own column stands beside its quarter only.)"""
    to_date_ends = {
        c.period.end
        for c in columns
        if c.period is not None and c.period.start is not None and _days(c.period) in _TO_DATE_DAYS
    }
    return [
        c.model_copy(update={"trailing": True})
        if c.period is not None
        and c.period.start is not None
        and _days(c.period) in _YEAR_DAYS
        and c.period.end in to_date_ends
        else c
        for c in columns
    ]


def _days(period: Period) -> int:
    return (period.end - period.start).days + 1 if period.start else 0


def _anchor_trailing(columns: list[Column]) -> list[Column]:
    """A trailing-twelve-month column whose header gives no date ("Rolling 12 months",
    "LTM", "TTM" beside "Q3 2025 | Jan-Sep 2025 | Jan-Dec 2024"): the twelve months to
    the latest day the table's other columns report through, as such a column is printed
    beside the report's own period. Only durations count (a balance's date may be any);
    a table reporting no duration leaves it unplaced."""
    ends = [
        c.period.end
        for c in columns
        if c.period is not None and c.period.start is not None and not (c.outlook or c.change)
    ]
    if not ends:
        return columns
    latest = max(ends)
    anchored = Period(start=months_back(latest, 12), end=latest)
    return [
        c.model_copy(update={"period": anchored, "missing": ""}) if _undated_trailing(c) else c
        for c in columns
    ]


def _undated_trailing(column: Column) -> bool:
    """A trailing column the resolver left without a period because its header names none
    of its own: no date, no year, no quarter."""
    if column.period is not None or not column.trailing or column.outlook:
        return False
    phrase = parse_phrase(column.header)
    return not (phrase.has_date or phrase.year is not None or phrase.quarter or phrase.half)


def _range_end(text: str) -> str:
    """ "Low" or "High" for an outlook column headed by one end of its range ("Low", "High
    end"), else ""."""
    words = " ".join(text.lower().split())
    for bound in ("low", "high"):
        if words in vocabulary().words[f"range_{bound}"]:
            return bound.title()
    return ""


def _reported(period: Period | None, context: HeaderContext) -> bool:
    """A period that ends on or before the latest one the release reports."""
    through = context.calendar.reported_through if context.calendar else None
    return period is not None and through is not None and period.end <= through


def _called_outlook(header: str, period: Period | None, context: HeaderContext) -> bool:
    """A column its own header calls guidance ("2025 Guidance" beside "2025 Actual"), or
    one under a title of guidance whose own period the release does not report: "Q1 2025
    Actual" under "2026 Outlook" holds the reported quarter's figures."""
    if states_outlook(header):
        return True
    return context.outlook and not _reported(period, context)


def _forecast(
    resolution: Resolution, period: Period | None, context: HeaderContext
) -> Period | None:
    """The period an outlook column gives guidance for: one that ends after the latest
    period the release reports. None for guidance given for a reported period ("2025
    Guidance" beside "2025 Actual"), for a period unknown, and for a column known only to
    end after the release's own date (whose figures stay out: see `_ahead`)."""
    if resolution.forecast is not None:
        return resolution.forecast
    through = context.calendar.reported_through if context.calendar else None
    if period is None or through is None or period.end <= through:
        return None
    return period


def _ahead(period: Period | None, published: date | None) -> str:
    """Why a column whose period ends after the release's date holds no facts."""
    return f"a forecast: {period} ends after the release's date, {published}"


def _trailing(header: str, context: HeaderContext) -> bool:
    """Whether the header, or a footnote it carries, says the twelve months to its date."""
    notes = [context.note_periods.get(m) for m in footnote_marks(header)]
    return parse_phrase(header).trailing or any(n is not None and n.trailing for n in notes)


def _silent_period(headers: list[str], context: HeaderContext) -> PeriodPhrase | None:
    """The period of a block none of whose headers states any part of one, or None when
    some header does.

    Such columns are measures of one period (a change, an impact, a segment): the one the
    heading above the table names, else the title, when it names a single one; a heading
    that joins two ("Three and Six Months Ended") leaves them without a period.
    """
    if not all(parse_phrase(header).is_empty for header in headers):
        return None
    if context.period_hint:
        return single_period(context.period_hint)
    return context.title_period


def _as_comparison(column: Column) -> Column:
    """A column under a heading comparing two periods: a change, unless its own header
    names a period (a value column printed beside the comparison)."""
    if column.period is None or not parse_phrase(column.header).is_empty:
        return column
    return column.model_copy(update={"change": True})


def _own_header(
    coverages: list[dict[int, str]], rows: list[Row], positions: list[int], position: int
) -> str:
    """The header lines of one column that neither state a period nor stand over its
    neighbours too: what names this column among others of its period ("Litigation
    related" under "March 31, 2023"; "Currency" under "FIRST QUARTER Percent Change").
    A word printed again over each column it heads, in a cell of its own, stands over
    that column alone: the "Lines" of "Commercial Lines | Personal Lines" wrapped onto a
    line of its own; a unit repeated so ("$ million") says how, not what, they print."""
    i = positions.index(position)
    neighbours = positions[max(0, i - 1) : i] + positions[i + 1 : i + 2]
    lines = []
    for k, coverage in enumerate(coverages):
        text = coverage.get(position, "")
        if not text or _states_period(text) or is_year(text):
            continue
        repeated = any(coverage.get(n) == text for n in neighbours)
        own = _printed_per_column(rows[k], coverage, text) and not _only_a_measure(text)
        if repeated and not own:
            continue
        lines.append(text)
    return " ".join(lines)


def _printed_per_column(row: Row, coverage: dict[int, str], text: str) -> bool:
    """Whether the row prints `text` in a cell of its own over each column it heads, not
    once in a cell spanning them."""
    cells = sum(1 for c in row.cells if c.text.strip() == text and c.span == 1)
    return cells >= sum(1 for t in coverage.values() if t == text)


def _distinct_words(headers: list[str], bracketed: bool = False) -> list[str]:
    """Each header's words that not every header of the group shares, in order; a word
    in brackets of its own ("(recast)") only when `bracketed`."""
    headers = [strip_footnotes(h) for h in headers]
    word_sets = [set(label_tokens(h, drop_parenthesised=False)) for h in headers]
    common = set.intersection(*word_sets)
    return [
        " ".join(w for w in h.split() if not _shared(w, common, bracketed)).strip(" ,:-")
        for h in headers
    ]


def _shared(word: str, common: set[str], bracketed: bool) -> bool:
    return set(label_tokens(word, drop_parenthesised=not bracketed)) <= common


def _members(columns: list[Column], context: HeaderContext, own: list[str]) -> list[Column]:
    """Name the columns that share a period and currency by what else their headers say.

    Each column's own header lines name them when they tell them apart ("Reported |
    Operational | Currency" under a group title spanning some of them); else the words of
    the joined headers that not all of them share. Change columns are named among
    themselves, unless each names the period it compares with ("QoQ | YoY"). Headers
    that differ only in how they name the period ("H1 2024", "FY 2024") name no members.
    Beside a restated column, the figures first reported are a
    member, and the restated ones the period's own (see `_restatement_members`).
    """
    defaults = context.default_members
    groups: dict[tuple[Period, str | None, bool], list[int]] = {}
    for i, column in enumerate(columns):
        # A notes column ("Notes" beside the years) holds references, not a member's figures.
        # A measure of the rows' lines ("Average Balance") names no member either.
        if column.period is not None and not column.note_reference and not column.measure:
            groups.setdefault((column.period, column.currency, column.change), []).append(i)
    result = list(columns)
    for (_, _, change), indices in groups.items():
        if len(indices) < 2:
            continue
        if change and all(compared_with(columns[i].header) for i in indices):
            # "QoQ | YoY": changes against the periods their headers name, not members.
            continue
        names = _distinct_words([own[i] for i in indices])
        if any(not n for n in names) or len(set(names)) < len(names):
            names = _distinct_words([columns[i].header for i in indices])
        headers = [columns[i].header for i in indices]
        restated = _restatement_members(
            _distinct_words(headers, bracketed=True), context.restatement, defaults
        )
        if restated is not None:
            for i, member in zip(indices, restated, strict=True):
                result[i] = columns[i].model_copy(update={"member": member})
            continue
        if any(not n for n in names) or len(set(names)) < len(names):
            continue
        if any(_states_period(n) for n in names):
            # "H1 2024" and "FY 2024" read as one period: the headers differ in the
            # period they name, not in a member; the figures stay duplicates of one
            # period, which the facts report when their values differ.
            continue
        if any(_only_a_measure(n) for n in names):
            # "Variance" over "£m | %": the money and the percentage of one change, told
            # apart by how they are printed, not by what they measure.
            continue
        for i, name in zip(indices, names, strict=True):
            member = None if _names_whole(name, defaults) else name
            result[i] = columns[i].model_copy(update={"member": member})
    return result


def _restatement_members(
    names: list[str], words: Restatement, defaults: tuple[tuple[str, ...], ...]
) -> list[str | None] | None:
    """The members of one period's columns that print its figures as restated and as
    first reported ("Q3 2024 (as restated) | Q3 2024 (as reported)"), or None when the
    columns are no such group.

    The restated figures are what the issuer now reports: the period's facts, with no
    member. The figures they replace, and a column of the adjustments between the two,
    are members of the restatement axis. A column with no words of its own is the
    restated one only beside words that cannot name the whole ("previously reported",
    not a bare "as reported", which beside non-GAAP figures is the GAAP column).
    """
    roles = [_restatement_role(name, words) for name in names]
    if "superseded" not in roles or None in roles or roles.count("restated") != 1:
        return None
    unnamed = any(not label_tokens(name, drop_parenthesised=False) for name in names)
    superseded = [n for n, role in zip(names, roles, strict=True) if role == "superseded"]
    if unnamed and not any(_says_superseded(n, words, defaults) for n in superseded):
        return None
    member: dict[str | None, str | None] = {
        "restated": None,
        "superseded": words.superseded_member,
        "adjustment": words.adjustment_member,
    }
    return [member[role] for role in roles]


def _restatement_role(name: str, words: Restatement) -> str | None:
    """What one column of a period's figures holds among a restatement's: the figures
    first reported ("superseded"), the restated ones, or the adjustments between them;
    a column with no words of its own may be the restated one."""
    tokens = label_tokens(name, drop_parenthesised=False)
    if not tokens:
        return "restated"
    for role, phrases in (
        ("superseded", words.superseded),
        ("restated", words.restated),
        ("adjustment", words.adjustment),
    ):
        if any(_holds(tokens, label_tokens(p, drop_parenthesised=False)) for p in phrases):
            return role
    return None


def _says_superseded(name: str, words: Restatement, defaults: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a header says its figures were replaced in words that cannot name the
    whole ("previously reported", not "as reported")."""
    tokens = label_tokens(name, drop_parenthesised=False)
    phrases = (label_tokens(p, drop_parenthesised=False) for p in words.superseded)
    return any(_holds(tokens, p) for p in phrases if p not in defaults)


def _holds(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether `phrase` occurs in `words` as consecutive words."""
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _only_a_measure(name: str) -> bool:
    """A header that is only how its figures are printed: a unit ("£m", "EUR m"), a
    percent sign, or the words of periods.toml's `change_measures` ("abs.", "in %")."""
    words = " ".join(name.lower().split())
    return (
        only_a_unit(name)
        or not re.sub(r"[\W_]", "", name.replace("%", ""))
        or words in vocabulary().words["change_measures"]
    )


def _names_whole(name: str, defaults: tuple[tuple[str, ...], ...]) -> bool:
    words = label_tokens(name)
    return any(words[i : i + len(d)] == d for d in defaults for i in range(len(words) - len(d) + 1))


def states_outlook(text: str) -> bool:
    """Text that calls figures guidance or an outlook (words in periods.toml)."""
    pattern = rf"(?<![\w-])(?:{vocabulary().alternatives('outlook')})(?![\w-])"
    return re.search(pattern, text.lower()) is not None


def _states_variance(header: str) -> bool:
    """A header of favourable or unfavourable variances ("Fav/(Unfav)")."""
    return _says_words(header, "variance")


def _lowest_is_note(texts: list[str]) -> bool:
    return bool(texts) and _is_note_reference(texts[-1])


def _is_note_reference(header: str) -> bool:
    """A header that is only "Note" (or "Notes", "Ref."): the column refers to the notes."""
    words = " ".join(strip_footnotes(header).lower().split())
    return words in vocabulary().words["note_reference"]


def _compares_periods(header: str) -> bool:
    """A header with a period of its own that says its numbers are changes."""
    return _says_words(header, "change")


@cache
def _words_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{vocabulary().alternatives(name)})(?![\w-])")


def _says_words(header: str, name: str) -> bool:
    """Whether a header holds one of the vocabulary's `name` words as words of their own."""
    return _words_pattern(name).search(header.lower()) is not None


_COMPARED_WITH = (
    ("changes_from_prior_quarter", "prior quarter"),
    ("changes_from_prior_year", "prior year"),
    ("changes_from_prior_half", "prior half"),
)


def compared_with(header: str) -> str | None:
    """The earlier period a change column's header says it compares with ("QoQ": "prior
    quarter", "YoY": "prior year"), or None when it names none or several."""
    named = {words for name, words in _COMPARED_WITH if _says_words(header, name)}
    return named.pop() if len(named) == 1 else None


def _change_columns(columns: list[Column]) -> list[Column]:
    """Give each change column the latest period among the columns to its left; a change
    column whose header names its own period keeps it."""
    result: list[Column] = []
    for i, column in enumerate(columns):
        if column.period is not None and _compares_periods(column.header):
            column = column.model_copy(update={"change": True})
        elif column.period is None and _names_a_change(column.header):
            left = [c.period for c in columns[:i] if c.period is not None]
            if left:
                latest = max(left, key=lambda p: p.end)
                nearest = next(p for p in reversed(left) if p.end == latest.end)
                update = {"period": nearest, "change": True, "missing": ""}
                column = column.model_copy(update=update)
        elif column.period is None and not column.header and result and result[-1].change:
            # "Change" printed over its amount and percent columns, the span lost (a PDF):
            # the headerless column beside it is the same change, as a rate.
            update = {"period": result[-1].period, "change": True, "missing": ""}
            column = column.model_copy(update=update)
        result.append(column)
    return result


def _between_same_period(columns: list[Column]) -> list[Column]:
    """Columns that name no period between two columns of one period share it.

    A reconciliation prints "GAAP | Intangible asset amortization | Litigation | ... |
    Non-GAAP" with the period over the first and last columns only: the adjustments in
    between are amounts of that period, told apart by their headers.
    """
    result = list(columns)
    for i, column in enumerate(columns):
        if column.period is not None or column.share_of or column.outlook:
            continue
        if column.note_reference:
            continue
        left = next((c for c in reversed(columns[:i]) if c.period is not None), None)
        right = next((c for c in columns[i + 1 :] if c.period is not None), None)
        if left is None or right is None or left.change or right.change:
            continue
        if left.period == right.period and left.currency == right.currency:
            update = {"period": left.period, "missing": ""}
            result[i] = column.model_copy(update=update)
    return result


# An ISO code, which may carry a scale's letter before or after it ("TEUR", "EURm").
_CODE = re.compile(r"[A-Z]{3}")


_SYMBOL_LENGTH = 2


def find_currency(text: str, currencies: dict[str, tuple[str, ...]]) -> str | None:
    """The ISO code of the first currency named in `text` (longest spelling wins)."""
    best: tuple[int, int, str] | None = None
    lowered = text.lower()
    for code, names in currencies.items():
        for name in names:
            if name.lower() not in lowered:
                continue
            pattern = re.escape(name)
            if _CODE.fullmatch(name):
                pattern = rf"(?:[kKtTmM])?{pattern}(?:k|m|mn|bn)?"
            elif len(name) <= _SYMBOL_LENGTH and name[-1].isalpha():
                pattern += r"(?:'?(?:m|mn|bn|000))?"  # "Rm", "R'm", "R'000": rand in millions
            if name[0].isalnum():
                pattern = r"(?<![A-Za-z$])" + pattern
            if name[-1].isalnum():
                pattern += r"(?![A-Za-z])"
            # A code reads in any case ("Eur"); a symbol only as printed ("RM" is ringgit,
            # "Rm" rand in millions).
            match = re.search(pattern, text, re.IGNORECASE if _CODE.fullmatch(name) else 0)
            if match and (best is None or (match.start(), -len(name)) < (best[0], best[1])):
                best = (match.start(), -len(name), code)
    return best[2] if best else None
