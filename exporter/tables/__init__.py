"""Stage 2, table understanding: document tables become statements of rows and columns.

For each table: its title gives the statement kind, its caption the scale; header rows
give each value column a period and a currency; data rows get their labels, section
paths and numbers. Stacked sub-tables (a new header group after data rows) become
separate column blocks of the same statement.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import itertools
import re
from datetime import date, timedelta

from exporter.document import Cell, Document, Heading, Paragraph, Row, Table
from exporter.labels import label_tokens
from exporter.numbers import parse_cell
from exporter.period_phrases import (
    PeriodPhrase,
    dated_day,
    lead_period,
    note_period,
    parse_phrase,
    single_period,
)
from exporter.periods import Period
from exporter.tables.calendar import CalendarEvidence, FiscalCalendar
from exporter.tables.context import (
    RawTable,
    compared_period,
    kind_from_rows,
    raw_tables,
    statement_kind,
)
from exporter.tables.dashes import without_repeated_dashes
from exporter.tables.equity_moves import turned_equity_movements
from exporter.tables.fiscal import apply_fiscal_calendar, fiscal_quarter_periods
from exporter.tables.growth import with_percent_changes
from exporter.tables.headers import (
    HeaderContext,
    build_columns,
    divides_spanned_headers,
    find_currency,
    is_header_row,
    is_unlabelled_header,
    states_outlook,
)
from exporter.tables.labels import label_matches, marked_label_columns
from exporter.tables.model import (
    Column,
    ColumnBlock,
    Scale,
    StatementTable,
    TableRow,
    UnplacedNumber,
)
from exporter.tables.own_periods import ReportedQuarter, with_own_periods
from exporter.tables.rates import rates_by_arithmetic, rates_by_label
from exporter.tables.resolve import resolve
from exporter.tables.rows import (
    assign_sections,
    find_leading_totals,
    numbers_in_labels,
    numeric_positions,
    percent_positions,
    place_row,
    repeated_groups,
    split_label,
)
from exporter.tables.scale import parse_scale
from exporter.tables.shares import shares_by_arithmetic
from exporter.tables.sideways import turned_upright
from exporter.taxonomy import Taxonomy
from exporter.vocabulary import vocabulary

__all__ = ["Scale", "StatementTable", "parse_scale", "release_date", "understand_tables"]


def _block_heading_rows(data: list[Row]) -> list[Row]:
    """The line of words that ends `data` in the label column, right after a row of
    figures, when a header follows: the heading of the next block ("Operating Margin Performance
    Reconciliation" above its "Quarter Ended | Year Ended" header), not a section of the
    rows above it."""
    if len(data) < 2 or data[-1].is_blank:
        return []
    label, rest = split_label(data[-1])
    _, figures = split_label(data[-2])
    # One line of words after a figure; several (a page's running title and unit,
    # repeated over a table continued on the next page) are not one block's heading.
    if rest or not label or not figures or parse_scale(label).money:
        return []
    return [data[-1]]


def _column_group_rows(data: list[Row]) -> list[Row]:
    """The rows that end `data` and name groups of the columns of the header that follows
    ("Revenue Mix | Comparable Sales" above "Three Months Ended"): words off the label
    column and no number."""
    carried: list[Row] = []
    for row in reversed(data):
        cells = [c for c in row.cells if c.text.strip()]
        if not cells or any(c.column == 0 for c in cells):
            break
        if any(parse_cell(c.text) for c in cells):
            break
        carried.insert(0, row)
    return carried


_STUB_WORDS = 3


def _period_stub(data: list[Row]) -> str:
    """A period printed in the label column above a block's first row ("Q4", "Year-to-date",
    "Three months ended December 31,", "2018:"): it applies to every column of the block."""
    for row in data:
        if row.is_blank:
            continue
        return _stub_label(row)
    return ""


def _stub_label(row: Row) -> str:
    """The label of a row that prints only a period in the label column, else "".

    A year alone on a row may also stand over the first value column ("2017" in a
    newswire print that lost the row's layout), its label word beside it ("Fiscal" |
    "2017"): with more than one value column it cannot be one column's header.
    """
    cells = [c for c in row.cells if c.text.strip()]
    if len(cells) == 1 and cells[0].column == 0:
        label = cells[0].text.strip()
    else:
        label = " ".join(c.text.strip() for c in cells)
        loose = len(cells) == 1 or (len(cells) == 2 and cells[0].column == 0)
        wide = len(row.cells) > 2
        return label if loose and wide and _names_year_only(label) else ""
    phrase = parse_phrase(label)
    if (phrase.names_part_of_year or phrase.has_date) and len(phrase.words) <= _STUB_WORDS:
        return label
    return label if _names_year_only(label) else ""


def _names_year_only(label: str) -> bool:
    """A label that is a year and nothing else ("2018:", "Fiscal 2017")."""
    phrase = parse_phrase(label.strip().rstrip(":"))
    return phrase.year is not None and not any(w.isalpha() for w in phrase.words)


def _only_a_period_stub(data: list[Row]) -> bool:
    """Rows that are a period printed in the label column and nothing else."""
    printed = [row for row in data if not row.is_blank]
    return bool(printed) and all(_stub_label(row) for row in printed)


def _label_note(row: Row) -> bool:
    """A lone note in the label column among the rows ("(unaudited)" under "Assets"): it
    names no period, so it does not start a new header block."""
    cells = [c for c in row.cells if c.text.strip()]
    return len(cells) == 1 and cells[0].column == 0 and parse_phrase(cells[0].text).is_empty


def _dates_past_headers(row: Row, headers: list[Row]) -> bool:
    """A row among the figures whose cells are days in years after every year the column
    headers above name ("Maturity date | 3/31/2027 | 6/30/2028" under "December 31,
    2025", its label kept or lost by the reader): dates the rows report, not a new header.
    A table reports periods that have ended; a header re-dating the columns below it
    names such a period, never one ending after those already printed above it."""
    _, figures = split_label(row)
    cells = [c.text for c in row.cells if c.text.strip() and c.column > 0]
    above = {y for r in headers for c in r.cells for y in parse_phrase(c.text).named_years}
    if figures or not cells or not above:
        return False
    days = [parse_phrase(text) for text in cells]
    return all(d.end is not None and d.end.year > max(above) for d in days)


def _segments(rows: tuple[Row, ...], names: frozenset[str]) -> list[tuple[list[Row], list[Row]]]:
    """Split rows into (header rows, data rows) groups; a header after data starts a group."""
    segments: list[tuple[list[Row], list[Row]]] = []
    headers: list[Row] = []
    data: list[Row] = []
    heading: list[Row] = []  # the next block's heading, printed above its header rows
    reprinted = False  # the header rows printed again under a period stub
    for row in rows:
        if _stub_label(row) and _has_numbers(data):
            # "2017:" under the 2018 rows: the same columns again, for another period.
            segments.append((headers, data))
            headers, data = _last_headers(segments, _stub_label(row)), [row]
            reprinted = False
            continue
        header = is_header_row(row, names) and not (data and _label_note(row))
        header = header or (not data and divides_spanned_headers(row, headers))
        header = header or is_unlabelled_header(row, before_data=not data)
        if header and not (data and _dates_past_headers(row, headers)):
            if _only_a_period_stub(data) and segments:
                # "Three Months Ended September 30, 2024" in the label column, then the
                # columns' header printed again: the period heads the block below it.
                headers = [*headers, row] if reprinted else [row]
                reprinted = True
                continue
            if data:
                carried = _column_group_rows(data)
                data = data[: len(data) - len(carried)]
                heading = _block_heading_rows(data)
                data = data[: len(data) - len(heading)]
                segments.append((headers, data))
                headers, data = carried, []
            headers.append(row)
        elif row.is_blank and not data:
            continue
        else:
            data.extend(heading)
            heading = []
            data.append(row)
    if headers or data:
        segments.append((headers, data))
    return segments


def _block_headings(
    segments: list[tuple[list[Row], list[Row]]], line_items: frozenset[tuple[str, ...]]
) -> list[tuple[list[Row], list[Row]]]:
    """A block that repeats another block's line items under a heading of its own
    ("Revenue" over the divisions' columns, then "Operating Profit and EPS" over the same
    divisions again): the heading, printed alone as the block's first header row and
    naming a line item, says what its rows measure, so it becomes their section rather
    than part of every column's header; otherwise the same row label would name two
    different figures. (A first header row of other words, "Items Affecting" over
    "Comparability", is the top of one column's header.)"""
    labels = [
        {label for label, figures in map(split_label, data) if figures and label}
        for _, data in segments
    ]
    result = []
    for i, (headers, data) in enumerate(segments):
        others = set().union(*(labels[:i] + labels[i + 1 :]))
        heading = _heading_row(headers)
        if heading is not None and not _names_line_item(heading, line_items):
            heading = None
        if heading is not None and labels[i] and len(labels[i] & others) * 2 >= len(labels[i]):
            section = Row(
                cells=(Cell(text=heading, column=0),), line=headers[0].line, page=headers[0].page
            )
            headers, data = headers[1:], [section, *data]
        result.append((headers, data))
    return result


def _names_line_item(text: str, line_items: frozenset[tuple[str, ...]]) -> bool:
    words = label_tokens(text)
    return any(
        words[i : i + n] in line_items
        for n in range(1, len(words) + 1)
        for i in range(len(words) - n + 1)
    )


def _heading_row(headers: list[Row]) -> str | None:
    """The text of a first header row that holds one cell of words naming no period, over
    further header rows."""
    if len(headers) < 2:
        return None
    cells = [c.text.strip() for c in headers[0].cells if c.text.strip()]
    if len(cells) != 1 or not any(ch.isalpha() for ch in cells[0]):
        return None
    text = cells[0]
    if not parse_phrase(text).is_empty or parse_scale(text).money:
        return None
    return text


def _has_numbers(rows: list[Row]) -> bool:
    return any(split_label(row)[1] for row in rows)


def _last_headers(segments: list[tuple[list[Row], list[Row]]], stub: str) -> list[Row]:
    """The header rows of the latest segment that has some, less the period it printed in
    the label column: the columns a later block of rows repeats for another period. When
    the new period is a year, a header row that only named the earlier year goes too
    ("2018:" printed over the columns, then "2017:" in the label column)."""
    carried = next((list(headers) for headers, _ in reversed(segments) if headers), [])
    kept = [row for row in carried if not _stub_label(row)]
    if _names_year_only(stub):
        kept = [row for row in kept if not _names_years_only(row)]
    return kept


def _names_years_only(row: Row) -> bool:
    texts = [c.text for c in row.cells if c.text.strip()]
    return bool(texts) and all(_names_year_only(t) for t in texts)


def _block(
    headers: list[Row],
    data: list[Row],
    previous: tuple[Column, ...] | None,
    context: HeaderContext,
) -> tuple[ColumnBlock, list[UnplacedNumber]]:
    line = (headers or data)[0].line
    positions = numeric_positions(data)
    width = max((len(r.cells) for r in data if not r.is_blank), default=0)
    width = max([width, *(p + 1 for p in positions)])
    stub = _period_stub(data)
    if stub:
        hint = f"{context.period_hint} {stub}".strip()
        context = context.model_copy(update={"period_hint": hint})
        # The stub dates the columns; it is not a section the rows under it belong to.
        first = next(i for i, row in enumerate(data) if not row.is_blank)
        data = data[first + 1 :]
    if headers or previous is None:
        pivoted = turned_upright(headers, data, width, context) or turned_equity_movements(
            headers, data, width, context
        )
        if pivoted is not None:
            headers, data = pivoted
            positions = numeric_positions(data)
            width = max(p + 1 for p in positions)
        columns = build_columns(headers, positions, width, context, percent_positions(data))
        columns = shares_by_arithmetic(columns, data)
    else:
        columns = previous
    placed: list[TableRow | None] = []
    unplaced: list[UnplacedNumber] = []
    for row in data:
        table_row, lost = place_row(row, columns, context.share_of)
        placed.append(table_row)
        unplaced.extend(lost)
    sectioned = assign_sections(placed, context.connectives)
    rows = repeated_groups(find_leading_totals(sectioned, context.total_words))
    rows = rates_by_label(rates_by_arithmetic(rows), context.rate_points)
    block = ColumnBlock(columns=columns, rows=tuple(rows), line=line, stub=_stub_words(headers))
    return block, unplaced


def _stub_words(headers: list[Row]) -> str:
    """The text of the header rows' label cells (the stub header), top to bottom."""
    cells = (c.text.strip() for row in headers for c in row.cells if c.column == 0)
    return " ".join(text for text in cells if text)


def _table_currency(
    raw: RawTable, segments: list[tuple[list[Row], list[Row]]], taxonomy: Taxonomy
) -> str | None:
    """The currency the table's caption names, else the label cell of its header rows
    ("EUR m | Q2 2026 | Q2 2025"), as its scale is found; columns naming their own
    currency keep it."""
    found = _named_currency(raw.caption, taxonomy)
    if found is None and segments:
        labels = " ".join(c.text for row in segments[0][0] for c in row.cells if c.column == 0)
        found = _named_currency(labels, taxonomy)
    return found


def _named_currency(text: str, taxonomy: Taxonomy) -> str | None:
    """The currency `text` names; a bare "$" ("$m", "in $ millions") names none of the
    dollars, so the release's own currency stands."""
    return find_currency(text, taxonomy.own_currency_names)


def _scale(raw: RawTable, segments: list[tuple[list[Row], list[Row]]]) -> Scale:
    """The caption's scale, else one stated in the column headers ("2023 $ million"),
    else the note printed below the table or as its last row ("All figures in
    thousands."), else one the title carries ("Key figures EUR m"). The table's own
    headers and note come before a caption taken over from the table above."""
    scale = parse_scale(raw.caption)
    if scale.money and not raw.caption_inherited:
        return scale
    from_headers = Scale(money=0, shares=0, per_share=0, text="")
    if segments:
        headers = " ".join(c.text for row in segments[0][0] for c in row.cells if c.text.strip())
        from_headers = parse_scale(headers)
    if from_headers.money:
        return from_headers
    from_note = parse_scale(raw.scale_note)
    if from_note.money:
        return from_note
    if scale.money:
        return scale
    from_title = parse_scale(raw.title)
    return from_title if from_title.money else scale


def _surrounding_phrase(raw: RawTable, kind: str) -> PeriodPhrase:
    """What the sentence introducing the table, the title and the caption say of the
    period, the nearer first: a sentence that introduces the table ("The following table
    summarizes cash flows for the nine months ended September 30, 2025 and 2024:") speaks
    of it alone, where a title found above that sentence heads a section or the release
    ("Third Quarter 2025 Results")."""
    title = _phrase_for(parse_phrase(_titled(raw)), kind)
    return _phrase_for(lead_period(period_dates_only(raw.lead)), kind).completed_by(title)


def _title_period(raw: RawTable) -> PeriodPhrase:
    """The one period the sentence introducing the table names with a single year
    ("Revenue by segment for the three months ended September 30, 2025:"), else the one
    the title or caption names, for columns whose headers name none."""
    lead = lead_period(period_dates_only(raw.lead))
    years = {*lead.named_years, lead.fiscal_year} - {None}
    if len(years) == 1:
        return lead
    return single_period(_titled(raw))


def _titled(table: RawTable | StatementTable) -> str:
    """The table's title and caption as evidence of its period: a caption may be the
    release's opening sentence, whose dateline ("São Paulo, February 26, 2026 -") is the
    day it was issued, never the end of a column's period."""
    return f"{table.title} {period_dates_only(table.caption)}"


def period_dates_only(text: str) -> str:
    """`text` without the dates running text prints for another reason than ending a
    period: a dateline, a meeting, a payment. A date ends a period where the words before
    it say so ("quarter ended", "as of"), where it closes a range of days ("October 1 -
    December 31, 2025") or where it is listed after such a date ("ended June 30, 2025 and
    June 30, 2024"); a title's or header's dates are not running text and keep theirs."""
    kept: list[str] = []
    last = 0
    listed = False
    for match in _PRINTED_DATE.finditer(text):
        before = text[: match.start()]
        between = text[last : match.start()]
        ends = _ends_a_period(before) or _closes_a_range(before) or (listed and _joins(between))
        kept.append(between)
        kept.append(match.group() if ends else " ")
        last, listed = match.end(), ends
    kept.append(text[last:])
    return "".join(kept)


def _closes_a_range(lead: str) -> bool:
    """Whether the words before a date open a range of days to it ("October 1 -")."""
    joins = vocabulary().alternatives("date_range")
    return re.search(rf"\d\s*(?:{joins}|[\u2013\u2014])\s*$", lead) is not None


def _joins(between: str) -> bool:
    """Whether the text between two dates lists them ("June 30, 2025 and June 30, 2024")."""
    joins = {",", *vocabulary().words["joining"]}
    return all(word.strip(",") in joins or not word.strip(",") for word in between.split())


def _phrase_for(phrase: PeriodPhrase, kind: str) -> PeriodPhrase:
    """The phrase as evidence for a table of `kind`. Over a balance sheet only its dates
    count: a headline's "first half of 2024" does not make "30 Jun 2024" a span."""
    if kind != "balance_sheet":
        return phrase
    return PeriodPhrase(
        end=phrase.end,
        month_day=phrase.month_day,
        years=phrase.years,
        ends=phrase.ends,
        fiscal_year=phrase.fiscal_year,
        split_year=phrase.split_year,
        instant=phrase.instant,
    )


def understand_table(
    raw: RawTable,
    taxonomy: Taxonomy,
    document_currency: str | None,
    known_periods: dict[str, Period] | None = None,
    calendar: FiscalCalendar | None = None,
    published: date | None = None,
) -> StatementTable:
    """One raw table (with its title and caption) as a statement; `published` is the
    release's date, after which no period it prints has ended."""
    names = frozenset(n for spellings in taxonomy.currencies.values() for n in spellings)
    labels = tuple(split_label(row)[0] for row in raw.rows)
    kind = statement_kind(raw.title, taxonomy, labels, title_is_own=not raw.title_inherited)
    compared = compared_period(raw.period) or compared_period(raw.title)
    segments = _block_headings(_segments(raw.rows, names), taxonomy.line_item_phrases)
    context = HeaderContext(
        currencies=taxonomy.own_currency_names,
        default_currency=_table_currency(raw, segments, taxonomy) or document_currency,
        period_hint=compared or raw.period,
        compared=bool(compared),
        known_periods=known_periods or {},
        positional=raw.positional,
        total_words=tuple(label_tokens(w) for w in taxonomy.row_kinds.get("totals", ())),
        connectives=frozenset(taxonomy.row_kinds.get("connectives", ())),
        default_members=tuple(label_tokens(w) for w in taxonomy.dimensions.default_members),
        equity_components=taxonomy.dimensions.equity_component_words,
        restatement=taxonomy.dimensions.restatement,
        share_of=tuple(label_tokens(w) for w in taxonomy.row_kinds.get("share_of", ())),
        line_items=taxonomy.line_item_phrases,
        surroundings=_surrounding_phrase(raw, kind),
        title_period=_title_period(raw),
        note_periods={
            mark: phrase
            for mark, note in raw.notes.items()
            if not (phrase := note_period(note)).is_empty
        },
        calendar=calendar,
        instants=kind == "balance_sheet",
        outlook=states_outlook(f"{raw.title} {raw.caption} {raw.lead}"),
        published=published,
        title_day=dated_day(_titled(raw)).end,
        line_measures=taxonomy.line_measures,
        rate_points=taxonomy.narrative.words.rate_points,
    )
    blocks: list[ColumnBlock] = []
    unplaced: list[UnplacedNumber] = []
    previous: tuple[Column, ...] | None = None
    for headers, data in segments:
        block, lost = _block(headers, data, previous, context)
        blocks.append(block)
        unplaced.extend(lost)
        unplaced.extend(numbers_in_labels(list(block.rows)))
        previous = block.columns
    return StatementTable(
        index=raw.index,
        title=raw.title,
        caption=raw.caption,
        title_inherited=raw.title_inherited,
        lead=raw.lead,
        kind=kind,
        scale=_scale(raw, segments),
        blocks=tuple(with_percent_changes(f"{raw.title} {raw.caption}", blocks)),
        unplaced=tuple(unplaced),
        line=raw.line,
        page=raw.page,
    )


def _row_labels(rows: list[Row] | tuple[Row, ...]) -> tuple[str, ...]:
    return tuple(split_label(row)[0] for row in rows)


def _statements_apart(raw: RawTable, taxonomy: Taxonomy, names: frozenset[str]) -> list[RawTable]:
    """A table that stacks another statement under column headers of its own (a balance
    sheet printed right under the income statement, with no title between): each
    statement a table of its own, the later one of the kind its own rows show.

    The title above belongs to the first statement; the rows under a later header show
    what they are (total assets and total liabilities: a statement of position, dated by
    instants) better than a title printed over other rows. A block whose rows show no one
    kind, or the same kind, stays part of the table.
    """
    segments = _segments(raw.rows, names)
    headed = _headed_apart(raw, segments)
    if headed is not None:
        return headed
    starts: list[int] = []
    begun = 0
    for headers, data in segments[1:]:
        if not headers:
            continue
        start = next(i for i, row in enumerate(raw.rows) if row is headers[0])
        above = statement_kind(
            raw.title,
            taxonomy,
            _row_labels(raw.rows[begun:start]),
            title_is_own=not raw.title_inherited and not starts,
        )
        own = kind_from_rows(_row_labels(data), taxonomy)
        if own is not None and own != above:
            starts.append(start)
            begun = start
    if not starts:
        return [raw]
    bounds = [0, *starts, len(raw.rows)]
    return [
        raw.model_copy(
            update={
                "rows": raw.rows[first:last],
                "line": raw.rows[first].line,
                "title_inherited": raw.title_inherited or first > 0,
            }
        )
        for first, last in itertools.pairwise(bounds)
    ]


def _header_texts(headers: list[Row]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.text.strip() for c in row.cells if c.text.strip()) for row in headers)


def _headed_apart(
    raw: RawTable, segments: list[tuple[list[Row], list[Row]]]
) -> list[RawTable] | None:
    """A table that stacks another one under a heading of its own and the column headers
    printed again ("OPERATING STATISTICS" under the income statement's rows, then "Three
    Months Ended / September 30, / 2025 2024" once more): each a table of its own, the
    later one titled by its heading, so the caption's scale and currency ("(Millions of
    dollars)") stay with the rows printed under it. The same headers printed again say the
    rows below are read against the same columns, as a new table's would be; the heading
    alone between them says they are not more of the same statement. None when the table
    stacks no such block (a heading over other columns is a block of the same table, and
    so is a period over the same columns)."""
    cuts: list[tuple[int, str, int]] = []
    for index, (headers, _) in enumerate(segments[1:], start=1):
        if not headers or _header_texts(headers) not in {
            _header_texts(h) for h, _ in segments[:index] if h
        }:
            continue
        start = next(i for i, row in enumerate(raw.rows) if row is headers[0])
        heading = _block_heading_rows(list(raw.rows[:start]))
        # A heading naming a period ("Three Months Ended September 30, 2024") dates the
        # columns printed again under it: more rows of the same table.
        if heading and parse_phrase(title := split_label(heading[0])[0]).is_empty:
            cuts.append((start - 1, title, len(headers)))
    if not cuts:
        return None
    pieces = [raw.model_copy(update={"rows": raw.rows[: cuts[0][0]]})]
    for (cut, title, headed), (end, _, _) in itertools.pairwise([*cuts, (len(raw.rows), "", 0)]):
        # The heading stays the section of the rows under the headers, as it was in the
        # stacked table: a line item repeated from the table above keeps its qualifier.
        body = cut + 1 + headed
        rows = (*raw.rows[cut + 1 : body], raw.rows[cut], *raw.rows[body:end])
        pieces.append(
            raw.model_copy(
                update={
                    "rows": rows,
                    "line": raw.rows[cut].line,
                    "title": title,
                    "caption": "",
                    "title_inherited": False,
                    "caption_inherited": False,
                    "lead": "",
                }
            )
        )
    return pieces


def _numbered(pieces: list[list[RawTable]]) -> list[RawTable]:
    """The tables in order, each piece of a table set apart numbered as a table of its
    own: the tables after it move up by the pieces set apart before them."""
    result: list[RawTable] = []
    shift = 0
    for table in pieces:
        for offset, piece in enumerate(table):
            result.append(piece.model_copy(update={"index": piece.index + shift + offset}))
        shift += len(table) - 1
    return result


def understand_tables(
    document: Document, taxonomy: Taxonomy, document_currency: str | None = None
) -> tuple[StatementTable, ...]:
    """Every table of `document`, understood.

    A first reading resolves the columns whose headers carry their own dates; what they
    and the prose say of the fiscal calendar then resolves the columns that name fiscal
    quarters and years without dates ("FOURTH QUARTER 2022"), in a second reading.
    """
    names = frozenset(n for spellings in taxonomy.currencies.values() for n in spellings)
    raws = _numbered([_statements_apart(raw, taxonomy, names) for raw in raw_tables(document)])
    tables = tuple(understand_table(raw, taxonomy, document_currency) for raw in raws)
    evidence = _calendar_evidence(document, tables)
    calendar = evidence.calendar()
    known = fiscal_quarter_periods(tables)
    if not known and not calendar.known:
        calendar = _calendar_years_by_dateline(document, tables, calendar) or calendar
    published = _published_before_some_period(document, tables)
    if known or published or _needs_calendar(tables, calendar):
        tables = tuple(
            understand_table(raw, taxonomy, document_currency, known, calendar, published)
            for raw in raws
        )
        through = _reported_through(tables) if calendar.reported_through is None else None
        if through is not None and _awaits_reported_through(tables):
            calendar = dataclasses.replace(calendar, reported_through=through)
            tables = tuple(
                understand_table(raw, taxonomy, document_currency, known, calendar, published)
                for raw in raws
            )
        relabelled = _relabelled(evidence, tables, calendar)
        if relabelled is not None:
            tables = tuple(
                understand_table(raw, taxonomy, document_currency, known, relabelled, published)
                for raw in raws
            )
            calendar = relabelled
    tables = apply_fiscal_calendar(resolve_open_starts(tables))
    tables = with_own_periods(tables, calendar, _reported_quarter(evidence, calendar))
    return marked_label_columns(without_repeated_dashes(tables))


def _reported_quarter(
    evidence: CalendarEvidence, calendar: FiscalCalendar
) -> ReportedQuarter | None:
    """The quarter the headline announces and the day the release says it ended."""
    end = evidence.quarter_ended or calendar.reported_through
    if evidence.own_quarter is None or end is None:
        return None
    return ReportedQuarter(number=evidence.own_quarter[0], end=end)


def _relabelled(
    evidence: CalendarEvidence, tables: tuple[StatementTable, ...], calendar: FiscalCalendar
) -> FiscalCalendar | None:
    """The calendar in the label convention the figures show, where no sentence or header
    states one and it differs from the default: once placed, a "FY2025" column printing
    the figures of the statement's column dated April 2025 to March 2026 names that year."""
    if evidence.label_offset() is not None:
        return None
    for label, period in label_matches(tables):
        evidence.read_label_match(label, period)
    offset = evidence.label_offset()
    if offset is None or offset == calendar.label_offset:
        return None
    return dataclasses.replace(evidence.calendar(), reported_through=calendar.reported_through)


def _reported_through(tables: tuple[StatementTable, ...]) -> date | None:
    """The latest day a period the release reports ends, as the columns the calendar
    placed show it (the first reading may have dated none: "Q4 2025 | FY 2025")."""
    ends = [
        c.period.end
        for t in tables
        for b in t.blocks
        for c in b.columns
        if c.period is not None and not c.change and not c.outlook
    ]
    return max(ends, default=None)


def _awaits_reported_through(tables: tuple[StatementTable, ...]) -> bool:
    """Columns whose reading depends on the latest period the release reports: guidance
    (an outlook, or a reported period under an outlook's title) and a year alone ("2025
    Actual"), which is the whole fiscal year when the release reports through its end."""
    columns = [c for t in tables for b in t.blocks for c in b.columns]
    return any(c.outlook or (c.period is None and not c.change) for c in columns)


def _published_before_some_period(
    document: Document, tables: tuple[StatementTable, ...]
) -> date | None:
    """The release's date (its dateline, the first date after its balance sheet's), when
    some printed period ends after it: a forecast ("FY2025 (April 1, 2025 to March 31,
    2026)" in a release of May 13, 2025). Without a balance sheet, None."""
    balances = [
        c.period.end
        for t in tables
        if t.kind == "balance_sheet"
        for b in t.blocks
        for c in b.columns
        if c.period is not None and c.period.is_instant
    ]
    if not balances:
        return None
    published = release_date(document, max(balances))
    ends = [c.period.end for t in tables for b in t.blocks for c in b.columns if c.period]
    if published is None or max(ends, default=published) <= published:
        return None
    return published


def _prose(document: Document) -> tuple[tuple[str, bool], ...]:
    """The headings and paragraphs whose text is calendar evidence, each with whether it
    is a headline (a heading above the first table)."""
    texts = []
    before_tables = True
    for block in document.blocks:
        before_tables = before_tables and not isinstance(block, Table)
        if isinstance(block, Heading | Paragraph):
            texts.append((block.text, before_tables and isinstance(block, Heading)))
    return tuple(texts)


@functools.lru_cache(maxsize=4)
def _prose_evidence(texts: tuple[tuple[str, bool], ...]) -> CalendarEvidence:
    """What the prose says of the fiscal calendar, read once per document: every reading
    of the tables and the narrative's calendar start from it (a copy, as the tables add
    to it), and reading every paragraph with every calendar sentence is the costly part."""
    evidence = CalendarEvidence()
    for text, headline in texts:
        if headline:
            evidence.read_headline(text)
        evidence.read_text(text)
    return evidence


def learn_calendar(document: Document, tables: tuple[StatementTable, ...]) -> FiscalCalendar:
    """The fiscal calendar the release's resolved columns and its prose state."""
    return _calendar_evidence(document, tables).calendar()


def label_offset(document: Document, tables: tuple[StatementTable, ...]) -> int | None:
    """How the release's fiscal labels relate to the years they name (a label's year less
    the year its fiscal year ends in), where its prose, headers or figures show it."""
    return _calendar_evidence(document, tables).label_offset()


def _calendar_evidence(document: Document, tables: tuple[StatementTable, ...]) -> CalendarEvidence:
    evidence = copy.deepcopy(_prose_evidence(_prose(document)))
    # The balance sheet's dates; without one, those of a table of positions ("Financial
    # position | 30 Sep 2026 | 31 Dec 2025"), which otherwise may compare other dates.
    has_balance_sheet = any(t.kind == "balance_sheet" for t in tables)
    for table in tables:
        positions = table.kind == "balance_sheet" or (
            not has_balance_sheet and _of_positions(table)
        )
        if positions:
            evidence.read_balance_dates(
                [
                    c.period.end
                    for b in table.blocks
                    for c in b.columns
                    if c.period is not None and c.period.is_instant and not c.change
                ]
            )
        reported = [c for b in table.blocks for c in b.columns if not (c.change or c.outlook)]
        evidence.read_titled_labels(
            dated_day(_titled(table)), [parse_phrase(c.header) for c in reported]
        )
        for column in (c for b in table.blocks for c in b.columns):
            # Guidance is no evidence of the periods the release reports.
            if column.period is not None and not column.change and not column.outlook:
                phrase = parse_phrase(column.header)
                if column.trailing:
                    phrase = dataclasses.replace(phrase, trailing=True)
                if column.printed_start:
                    phrase = dataclasses.replace(phrase, printed_start=True)
                if column.open_start:
                    phrase = dataclasses.replace(phrase, open_end=True)
                evidence.read_period(column.period, phrase)
    for label, period in label_matches(tables):
        evidence.read_label_match(label, period)
    return evidence


# A release comes out within weeks of the period it reports: a quarter's within about
# four months of its end, a year's sooner.
_REPORTING_LAG_DAYS = 135
_OPENING_BLOCKS = 8
_PRINTED_DATE = re.compile(
    r"[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+[A-Za-z]+\.?,?\s+\d{4}"
)


def _calendar_years_by_dateline(
    document: Document, tables: tuple[StatementTable, ...], calendar: FiscalCalendar
) -> FiscalCalendar | None:
    """Calendar years, for a release that states no fiscal year end but names fiscal
    periods ("Q3 2025", "9M 2025"), when read as calendar periods the latest of them ends
    shortly before the release's own date (its dateline): the period it reports has just
    ended. A fiscal year ending in June names its "Q3 2025" months before calendar Q3,
    which would end after the release: no reading then."""
    phrases = [
        parse_phrase(c.header)
        for t in tables
        for b in t.blocks
        for c in b.columns
        if c.period is None and not c.change
    ]
    years = {p.year for p in phrases if p.year is not None and p.names_part_of_year}
    if not years:
        return None
    trial = dataclasses.replace(
        calendar, year_ends={y: date(y, 12, 31) for y in years}, label_offset=0
    )
    ends = [r.period.end for p in phrases if (r := resolve(p, trial)).period is not None]
    if not ends:
        return None
    latest = max(ends)
    published = release_date(document, latest)
    if published is None or (published - latest).days > _REPORTING_LAG_DAYS:
        return None
    return dataclasses.replace(trial, reported_through=calendar.reported_through or latest)


def release_date(document: Document, after: date) -> date | None:
    """The first full date in the opening text that falls after `after`: the release's
    dateline, as against the dates of the periods it reports."""
    blocks = [b for b in document.blocks if isinstance(b, Heading | Paragraph)]
    for block in blocks[:_OPENING_BLOCKS]:
        for match in _PRINTED_DATE.finditer(block.text):
            if _ends_a_period(block.text[: match.start()]):
                continue
            day = parse_phrase(match.group()).end
            if day is not None and day > after:
                return day
    return None


def _ends_a_period(lead: str) -> bool:
    """Whether the words before a date make it the end of a period ("Fiscal Year Ending
    March 31, 2026", "as of September 30, 2025"): a later year's end or a balance date,
    never the day the release was issued."""
    vocab = vocabulary()
    joins = f"{vocab.alternatives('ended')}|{vocab.alternatives('instant')}"
    return re.search(rf"(?<![\w-])(?:{joins})\s*$", lead, re.IGNORECASE) is not None


def _of_positions(table: StatementTable) -> bool:
    """A table whose columns are all dates ("30 Sep 2026 | 31 Dec 2025 | Change"): a
    statement of position, whatever its title, with a balance sheet's evidence of the year
    end."""
    columns = [c for b in table.blocks for c in b.columns if not c.change]
    return len(columns) >= 2 and all(c.period is not None and c.period.is_instant for c in columns)


def _needs_calendar(tables: tuple[StatementTable, ...], calendar: FiscalCalendar) -> bool:
    if not calendar.known:
        return False
    columns = [c for t in tables for b in t.blocks for c in b.columns]
    # A year-to-date column whose header gives only its end starts with the fiscal year.
    return calendar.week_based or any(c.period is None or c.open_start for c in columns)


def resolve_open_starts(tables: tuple[StatementTable, ...]) -> tuple[StatementTable, ...]:
    """Give "period ended" columns the start the release shows for them.

    A column naming no length ("Period Ended December 31, 2025", a successor's stub
    after a fresh start) that follows another stub of the same table ending earlier in
    its year ("Period Ended May 31, 2025", the predecessor's) starts the day after it.
    Otherwise the start of the longest duration ending the same day is the column's.
    Without one in the document, a year-to-date column runs from the start of the
    calendar year, which is what its header says in calendar-year releases; a column
    naming no length does so only as the year's first part (a stub beside it ends later
    in the year) in a release that counts periods from January 1 (some printed period
    starts that day); else it names no period: its start would be a guess.
    """
    starts: dict[date, date] = {}
    for column in (c for t in tables for b in t.blocks for c in b.columns):
        period = column.period
        if period is None or period.start is None or column.open_start:
            continue
        if period.end not in starts or period.start < starts[period.end]:
            starts[period.end] = period.start
    from_january = any(s.month == 1 and s.day == 1 for s in starts.values())
    return tuple(_with_starts(table, starts, from_january) for table in tables)


def _with_starts(
    table: StatementTable, starts: dict[date, date], from_january: bool
) -> StatementTable:
    if not any(c.open_start for b in table.blocks for c in b.columns):
        return table
    blocks = []
    for block in table.blocks:
        beside = frozenset(c.period for c in block.columns if c.period and not c.open_start)
        columns = tuple(
            _open_start(
                c,
                _after_earlier_stub(c, block) or starts,
                beside,
                from_january and _before_later_stub(c, block),
            )
            for c in block.columns
        )
        blocks.append(block.model_copy(update={"columns": columns}))
    return table.model_copy(update={"blocks": tuple(blocks)})


def _is_stub(column: Column) -> bool:
    """A column whose end is the day an event fell: printed from its first day to its
    last, or ending with no length named."""
    return column.period is not None and (column.printed_start or column.length_unstated)


def _after_earlier_stub(column: Column, block: ColumnBlock) -> dict[date, date]:
    """The start of a column naming no length, as the stubs beside it show: the day after
    the latest one ending earlier in its year ({end: start}, or {} when none does)."""
    if not column.length_unstated or column.period is None:
        return {}
    end = column.period.end
    before = [
        c.period.end
        for c in block.columns
        if _is_stub(c) and c.period and end.year == c.period.end.year and c.period.end < end
    ]
    return {end: max(before) + timedelta(days=1)} if before else {}


def _before_later_stub(column: Column, block: ColumnBlock) -> bool:
    """Whether a stub beside the column ends later in its year (the successor's beside
    the predecessor's): the column is then the year's first part, from the year's start."""
    if column.period is None:
        return False
    end = column.period.end
    return any(
        _is_stub(c) and c.period and end.year == c.period.end.year and c.period.end > end
        for c in block.columns
    )


_NO_LENGTH = "an end date but no length, and no start printed for it anywhere"


def _open_start(
    column: Column, starts: dict[date, date], beside: frozenset[Period], year_start: bool
) -> Column:
    """The column with the start found for it; a period already printed beside it in the
    same table ("Quarter Ended Sept. 28, 2024 | Year-to-date Sept. 28, 2024") is another
    one than this, so its start is not this one's. `year_start`: the release shows that
    a column naming no length runs from its year's start."""
    if not column.open_start or column.period is None:
        return column
    end = column.period.end
    start = starts.get(end)
    if start is None or Period(start=start, end=end) in beside:
        if column.length_unstated and not year_start:
            return column.model_copy(update={"period": None, "missing": _NO_LENGTH})
        start = date(end.year, 1, 1)
    return column.model_copy(update={"period": Period(start=start, end=end)})
