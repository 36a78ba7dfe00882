"""A table's surroundings: its title, its caption, the scale it states, its statement kind.

Titles and captions sit in the blocks just above a table. A table with no column headers
of its own that follows another table, with at most short headings between them, is the
same table continued (a text release that breaks a balance sheet at "ASSETS", a PDF
statement continued on the next page); the headings become section rows.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from exporter.document import Cell, Document, Heading, Paragraph, Row, Table
from exporter.labels import label_tokens
from exporter.models import FROZEN
from exporter.numbers import is_year, parse_number
from exporter.period_phrases import footnote_marks, parse_phrase, period_pieces
from exporter.tables.decimals import (
    decimal_comma_evidence,
    document_decimal_comma,
    to_decimal_point,
    uses_decimal_comma,
)
from exporter.tables.headers import is_header_row, is_unlabelled_header
from exporter.tables.numbering import without_serial_column
from exporter.tables.resolve import period_of
from exporter.tables.scale import parse_scale
from exporter.tables.sideways import periods_as_rows
from exporter.taxonomy import Taxonomy
from exporter.unit_phrases import SCALE, only_a_unit
from exporter.vocabulary import packaged_continuation_words, vocabulary

_LOOKBACK = 4
# A heading that states an amount is a highlight ("Non-GAAP Diluted EPS of $1.22"), not a title.
_AMOUNT = re.compile(r"[$\u20ac\u00a3\u00a5]\s?\d|\d\s?%")
_PERIOD_WORDS = re.compile(
    r"\b(?:for|the|three|six|nine|twelve|\d{1,2}|months?|weeks?|quarters?|years?|fiscal|"
    r"ended|ending|as|of|at|and|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"\d{4}|unaudited)\b|[^a-z\s]",
)
_CAPTION_HINT = re.compile(
    r"^\(|\bin (thousands|millions|billions)\b|\bamounts in\b|\bunaudited\b", re.IGNORECASE
)


class RawTable(BaseModel):
    """A table (or a table and its continuations) with the text found around it.

    `period` is a heading that names a period standing just above the table ("THREE
    MONTHS ENDED JUNE 26, 2004"): it applies to columns whose own headers name none.
    """

    model_config = FROZEN

    index: int
    title: str
    caption: str
    # The title was printed above another table and taken over (a page heading): weaker
    # evidence of the statement kind than the table's rows.
    title_inherited: bool = False
    # The caption too was the previous table's: a scale the table's own headers state
    # ("(US$ million)" over a table that follows one in crore) is the table's.
    caption_inherited: bool = False
    period: str = ""
    lead: str = ""
    # The footnotes printed just below the table, by mark ("1": "Income statement accounts
    # represent the activity for the trailing 12 months ..."): a column header's mark may
    # say what its period is.
    notes: dict[str, str] = {}
    # A line stating the unit printed right below the table or as its last row ("All
    # figures in thousands, except per share amounts."): the table's own scale where
    # nothing above it or in its headers states one.
    scale_note: str = ""
    rows: tuple[Row, ...]
    line: int
    page: int | None = None
    positional: bool = False


def statement_kind(
    title: str, taxonomy: Taxonomy, labels: tuple[str, ...] = (), title_is_own: bool = True
) -> str:
    """The statement kind: from the title's own words, else from the rows.

    A title names the statement when the taxonomy's title patterns match it. A table whose
    title says nothing (a caption printed as a title, a page heading it shares with the
    tables above it) is the statement whose row evidence its labels show: total assets and
    total liabilities make a balance sheet; operating, investing and financing activities
    a cash flow statement; revenue, expenses and a net result an income statement.
    """
    by_title = next(
        (s.kind for s in taxonomy.statements_by_priority() if s.matches_title(title)), "other"
    )
    if by_title != "other" and title_is_own:
        return by_title
    by_rows = kind_from_rows(labels, taxonomy)
    if by_title == "other" or (by_rows and _has_evidence(by_title, taxonomy)):
        return by_rows or by_title
    return by_title


def _has_evidence(kind: str, taxonomy: Taxonomy) -> bool:
    """Whether rows can show `kind` (a primary statement), so rows may overrule a page
    heading naming it; a reconciliation repeats a primary statement's rows."""
    statement = taxonomy.statement(kind)
    return statement is not None and bool(statement.row_evidence)


def kind_from_rows(labels: tuple[str, ...], taxonomy: Taxonomy) -> str | None:
    """The one statement kind all of whose row-evidence groups some label shows."""
    shown = kinds_shown(labels, taxonomy)
    return shown[0] if len(shown) == 1 else None


def kinds_shown(labels: tuple[str, ...], taxonomy: Taxonomy) -> list[str]:
    """The statement kinds all of whose row-evidence groups some label shows."""
    words = [label_tokens(label) for label in labels if label]
    return [
        statement.kind
        for statement in taxonomy.statements_by_priority()
        if statement.row_evidence
        and all(_any_shown(group, words) for group in statement.row_evidence)
    ]


def _any_shown(group: tuple[str, ...], labels: list[tuple[str, ...]]) -> bool:
    phrases = [label_tokens(p) for p in group]
    return any(
        label[i : i + len(p)] == p
        for p in phrases
        if p
        for label in labels
        for i in range(len(label) - len(p) + 1)
    )


def _has_period_header(table: Table) -> bool:
    return any(is_header_row(row) for row in table.rows[:6])


def _section_row(block: Heading | Paragraph) -> Row:
    return Row(cells=(Cell(text=block.text, column=0),), line=block.line, page=block.page)


def is_period_heading(text: str) -> bool:
    """A heading that only names a period ("Three months ended June 26, 2004")."""
    if period_of(text) is None:
        return False
    rest = _PERIOD_WORDS.sub(" ", text.lower())
    return len(rest.split()) <= 2


def _spans_columns_of_years(text: str) -> bool:
    """A line naming a period's length and last day but no year ("Three Months Ended
    September 30,"), as a header spanning columns of years prints it, its comma waiting
    for the years below: the period of the table's columns, printed above the table
    instead of in its first row. Nothing else on the line: a sentence is no heading."""
    phrase = parse_phrase(text)
    if phrase.end is not None or phrase.years or phrase.month_day is None:
        return False
    if phrase.span is None and not phrase.full_year:
        return False
    rest = _PERIOD_WORDS.sub(" ", text.lower())
    return not rest.split()


def _is_caption(text: str) -> bool:
    """A line stating the table's unit: a caption's wording with a scale ("(in thousands,
    except per share data)"), or a line that is only a scale and a currency ("TEUR",
    "EUR million", "Amounts in MSEK")."""
    return only_a_unit(text) or bool(_CAPTION_HINT.search(text) and SCALE.search(text))


def _surroundings(before: list[Heading | Paragraph]) -> tuple[str, str, str]:
    """Title, caption and period heading from the text just above a table (nearest first)."""
    title = caption = period = ""
    for block in reversed(before[-_LOOKBACK:]):
        text = block.text.strip()
        if title:
            # A heading above the title that compares two periods ("Sales Growth FIRST
            # QUARTER 2023 ACTUAL vs. 2022 ACTUAL") says what the columns below compare.
            if not period and isinstance(block, Heading) and compared_period(text):
                period = text
            # A scale stated above the title ("$ in Millions" over "Quarter to Date").
            if not caption and _CAPTION_HINT.search(text) and SCALE.search(text):
                caption = text
            continue
        if not caption and _is_caption(text):
            caption = text
            if not isinstance(block, Heading) or text.startswith("(") or only_a_unit(text):
                continue
        if text.startswith("(") and text.endswith(")") and len(text) < 120 and not title:
            caption = f"{text} {caption}".strip()
            continue
        if not period and _stands_alone(block) and is_period_heading(text):
            period = text
            continue
        if not period and not title and _spans_columns_of_years(text):
            period = text
            continue
        if not title and _stands_alone(block) and not _AMOUNT.search(text):
            title = text
    if not caption and (unit := _unit_after_title(title)):
        caption = unit
    return title, caption, period


_TRAILING_BRACKET = re.compile(r"\(([^()]*)\)\s*$")


def _unit_after_title(title: str) -> str:
    """The unit printed in brackets at the end of a title ("Consolidated Statements of
    Income (Millions of yen)"), as the table's caption when it has no other."""
    match = _TRAILING_BRACKET.search(title)
    if match is None:
        return ""
    unit = match.group(0)
    return unit if _is_caption(unit) or only_a_unit(match.group(1)) else ""


_TITLE_WORDS = 12


def _stands_alone(block: Heading | Paragraph) -> bool:
    """A heading, or a paragraph printed like one: a few words, no sentence ("CONDENSED
    CONSOLIDATED BALANCE SHEETS" or "Three months ended March 31" as a plain paragraph).

    The words of the one period the line names do not count against its length: a title
    and the period it covers, printed on one line or joined by a reader with the issuer's
    name above it ("ACME CORP. CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS -- For the
    Nine Months Ended September 30"), is still a title. A line of several whole period
    phrases ("SEK m  Q3 2025  Q3 2024  Jan-Sep 2025") is a row of column headers, and one
    whose other words print a figure ("12 Weeks Ended 6/17/2023 ... 121 bps") a header and
    a row run together: neither is a title.
    """
    if isinstance(block, Heading):
        return True
    text = block.text.strip()
    if text.endswith((".", ":", ";", ",")):
        return False
    if len(text.split()) <= _TITLE_WORDS:
        return True
    if len(period_pieces(text)) > 1:
        return False
    rest = parse_phrase(text).words
    return len(rest) <= _TITLE_WORDS and not any(c.isdigit() for word in rest for c in word)


def compared_period(text: str) -> str:
    """The later period of a heading that compares two ("FIRST QUARTER 2023 ACTUAL vs.
    2022 ACTUAL" compares the first quarter of 2023 with 2022's): its left side, or ""."""
    words = vocabulary().alternatives("comparison")
    pattern = rf"^(?P<left>.*?\d.*?)\s+(?:{words})(?![\w-])\s*(?P<right>.*\d.*)$"
    match = re.match(pattern, text.strip(), re.IGNORECASE)
    if match is None or parse_phrase(match.group("left")).is_empty:
        return ""
    return match.group("left")


def _lead(before: list[Heading | Paragraph]) -> str:
    """The paragraph right above a table when it introduces it (ends in a colon); a line
    stating the table's unit may stand between ("The following table summarizes cash
    flows for the nine months ended September 30, 2025 and 2024:" over "(In thousands)")."""
    rest = list(before)
    while rest and _is_caption(rest[-1].text.strip()) and not rest[-1].text.strip().endswith(":"):
        rest.pop()
    if not rest or not isinstance(rest[-1], Paragraph):
        return ""
    text = rest[-1].text.strip()
    return text if text.endswith(":") else ""


def _introduced_by_a_note(before: list[Heading | Paragraph]) -> bool:
    """Whether the sentence introducing a table is a footnote of the table above ("(1)
    Amortization of purchased intangibles was as follows:"): the table is that note's
    own, printed under the same column headers, not the statement continued."""
    lead = _lead(before)
    return bool(lead) and note_mark(lead) is not None


def _leading_headers(rows: tuple[Row, ...]) -> list[tuple[tuple[str, int], ...]]:
    """The header rows a table starts with (rows of header words, and rows off the label
    column without numbers: "Percent Change" over some of the columns), each cell as its
    text and the column it starts at."""
    headers = []
    for row in rows:
        if row.is_blank:
            continue
        if not (is_header_row(row) or is_unlabelled_header(row, before_data=True)):
            break
        headers.append(
            tuple((" ".join(c.text.split()), c.column) for c in row.cells if c.text.strip())
        )
    return headers


def _texts(headers: list[tuple[tuple[str, int], ...]]) -> list[tuple[str, ...]]:
    return [tuple(text for text, _ in row) for row in headers]


def _same_headers(
    mine: list[tuple[tuple[str, int], ...]], theirs: list[tuple[tuple[str, int], ...]]
) -> bool:
    """The same header words, the lowest row (the one over the values) over the same
    columns: the same words over other columns head other values, while a group header
    read a column wider or narrower on one page heads the same ones."""
    return bool(mine) and _texts(mine) == _texts(theirs) and mine[-1] == theirs[-1]


def _same_title(a: str, b: str) -> bool:
    return not a or _title_letters(a) == _title_letters(b)


def _repeats_headers(previous: RawTable, block: Table, title: str, caption: str) -> int:
    """How many rows of `block` repeat `previous`'s column headers (a statement continued on
    a new page under the same headings, over the same columns), or 0 when it is a table of
    its own: appended under `previous`'s headers, rows whose values sit in other columns
    would be read under the wrong ones."""
    if block.page is None or previous.page is None or block.page <= previous.page:
        return 0
    if not _same_title(title, previous.title) or not _same_title(caption, previous.caption):
        return 0
    mine, theirs = _leading_headers(block.rows), _leading_headers(previous.rows)
    if not _same_headers(mine, theirs):
        return 0
    seen = 0
    for count, row in enumerate(block.rows, start=1):
        if not row.is_blank:
            seen += 1
        if seen == len(mine):
            return count
    return 0


_SECTION_NAME_LENGTH = 120


def _width(rows: tuple[Row, ...]) -> int:
    return max((c.column + c.span for r in rows for c in r.cells if c.text.strip()), default=0)


def _is_section_name(block: Heading | Paragraph) -> bool:
    """A short line naming a section ("Current assets:"), not a sentence (a final stop
    after an abbreviation, "... of Example, Inc.", does not end a sentence)."""
    text = block.text.strip()
    if not 0 < len(text) <= _SECTION_NAME_LENGTH or text.endswith(";"):
        return False
    last = text.split()[-1]
    return not text.endswith(".") or (len(last) <= 5 and last[0].isupper())


def _headers_only(rows: tuple[Row, ...]) -> bool:
    """A block of column headers: some row of period headers and no value anywhere."""
    values = (
        c for r in rows for c in r.cells if parse_number(c.text) is not None and not is_year(c.text)
    )
    return any(is_header_row(r) for r in rows) and next(values, None) is None


def _is_body_of(previous: RawTable, block: Table, pending: list[Heading | Paragraph]) -> bool:
    """Whether `block` continues `previous` as the next piece of one statement.

    Some pages print a statement in pieces: its column headers as a table of their own,
    then each section's name as a paragraph and its rows as the next table. A piece has
    no column headers of its own, only section names stand between, and its columns line
    up with the previous piece's (a header block stands over the value columns, so it may
    lack the label column).
    """
    if _has_period_header(block) or len(pending) > 3:
        return False
    if not all(_is_section_name(b) for b in pending):
        return False
    width, previous_width = _width(block.rows), _width(previous.rows)
    if _headers_only(previous.rows):
        return 0 < previous_width <= width
    return previous_width == width and bool(pending)


def _titled_apart(previous: RawTable, title: str, caption: str) -> bool:
    """Whether the text above a table gives it a title and a caption of its own ("Revenue
    by Type" over "(In thousands)"): a table of its own, not the next piece of `previous`.
    A piece of a statement continues under section names, or under its statement's title
    repeated ("... (continued)"), never under a new title with its unit. One line naming
    a unit ("Reconciliation $ in Millions") is title and caption at once: no evidence."""
    if not title or not caption or caption in title or _CONTINUED.search(title):
        return False
    return not _same_title(title, previous.title)


def _right_aligned(rows: tuple[Row, ...], width: int) -> tuple[Row, ...]:
    """A header block's rows moved over the value columns of a body `width` columns wide."""
    shift = width - _width(rows)
    if shift <= 0 or not _headers_only(rows):
        return rows
    return tuple(
        row.model_copy(
            update={
                "cells": tuple(c.model_copy(update={"column": c.column + shift}) for c in row.cells)
            }
        )
        for row in rows
    )


def _orphan_headers(previous: RawTable, block: Table) -> tuple[Row, ...]:
    """Header rows ending `previous` with no data under them, when `block` (on a later
    page, with no headers of its own) is where their data went: a page break fell between
    a statement's column headers and its first row."""
    if block.page is None or previous.page is None or block.page <= previous.page:
        return ()
    if _has_period_header(block):
        return ()
    count = 0
    for row in reversed(previous.rows):
        if not (row.is_blank or is_header_row(row)):
            break
        count += 1
    trailing = previous.rows[len(previous.rows) - count :]
    if count == len(previous.rows) or not any(is_header_row(r) for r in trailing):
        return ()
    return trailing


def _sections(pending: list[Heading | Paragraph], previous: RawTable) -> tuple[Row, ...]:
    """The headings between a table and its continuation, as section rows; the title
    repeated over the continued part ("Condensed Consolidated Statements of Operations
    (continued)", and the page head above it: the issuer's name) is no section."""
    continued = [i for i, b in enumerate(pending) if _CONTINUED.search(b.text)]
    if continued:
        pending = pending[continued[-1] + 1 :]
    own = _title_letters(previous.title)
    return tuple(
        _section_row(b)
        for b in pending
        if not (own and _title_letters(b.text) and _title_letters(b.text) in own)
    )


_WORDS = "|".join(map(re.escape, sorted(packaged_continuation_words(), key=len, reverse=True)))
# A title repeated over a statement's next page: "... (continued)", "... (Cont'd)".
_CONTINUED = re.compile(rf"\(\s*(?:{_WORDS})\s*\)", re.IGNORECASE)


def _title_letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", _CONTINUED.sub("", text).lower())


def _leading_rows(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """A table's rows up to its first header row (a statement stacked under it)."""
    for count, row in enumerate(rows):
        if is_header_row(row) or is_unlabelled_header(row, before_data=True):
            return rows[:count]
    return rows


def _header_rows(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The header rows a table starts with (blank rows among them kept)."""
    for count, row in enumerate(rows):
        if not (row.is_blank or is_header_row(row) or is_unlabelled_header(row, before_data=True)):
            return rows[:count]
    return ()


def _number_columns(rows: tuple[Row, ...]) -> list[int]:
    """The columns holding numbers in `rows` (not the label column)."""
    return sorted(
        {
            c.column
            for r in rows
            for c in r.cells
            if c.column > 0 and parse_number(c.text) is not None and not is_year(c.text)
        }
    )


def _moved(row: Row, theirs: list[int], mine: list[int]) -> Row:
    """A header row of a table whose value columns are `theirs`, set over `mine` (the same
    columns, one for one, as another piece's grid numbers them)."""
    cells = []
    for cell in row.cells:
        over = [i for i, c in enumerate(theirs) if cell.column <= c < cell.column + cell.span]
        if over and cell.text.strip():
            first, last = mine[over[0]], mine[over[-1]]
            cell = cell.model_copy(update={"column": first, "span": last - first + 1})
        elif cell.column > 0:
            continue
        cells.append(cell)
    return row.model_copy(update={"cells": tuple(cells)})


def _continued_headers(
    previous: RawTable, block: Table, pending: list[Heading | Paragraph]
) -> tuple[Row, ...]:
    """`previous`'s column headers, set over `block`, when `block` is that statement
    carried on under its title repeated with a continuation word ("Statements of
    Earnings (continued)") and without its column headers: it starts with rows, not
    headers, and has as many value columns as `previous`. () when it is a table of its
    own (no such title, headers of its own, other columns)."""
    titled = any(
        _CONTINUED.search(b.text) and _title_letters(b.text) == _title_letters(previous.title)
        for b in pending
    )
    if not titled or not _title_letters(previous.title):
        return ()
    headers = _header_rows(previous.rows)
    body = _leading_rows(block.rows)
    if not headers or not any(is_header_row(r) for r in headers) or not body:
        return ()
    theirs = _number_columns(previous.rows[len(headers) :])
    mine = _number_columns(body)
    if not mine or len(theirs) != len(mine):
        return ()
    return tuple(_moved(row, theirs, mine) for row in headers)


# A header cell printed as a paragraph of its own names a period and little else.
_HEADER_PARAGRAPH_WORDS = 2


def _is_header_paragraph(block: Heading | Paragraph) -> bool:
    phrase = parse_phrase(block.text)
    return not phrase.is_empty and len(phrase.words) <= _HEADER_PARAGRAPH_WORDS


def _value_columns(table: Table) -> list[int]:
    """The columns holding numbers in a table's rows (not its label column)."""
    return sorted(
        {
            c.column
            for r in table.rows
            for c in r.cells
            if c.column > 0 and parse_number(c.text) is not None and not is_year(c.text)
        }
    )


def _paragraph_headers(
    pending: list[Heading | Paragraph], table: Table
) -> tuple[list[Heading | Paragraph], Table]:
    """A table printed without its header rows, whose header cells stand just above it as
    paragraphs of their own ("Three Months Ended June 30," "Six Months Ended June 30,"
    "2026" "2025" "2026" "2025", as some converters print a statement's header): the
    paragraphs become header rows over the value columns, the last row one cell per
    column, an earlier row each cell spanning an equal group. Returns what is left above
    the table and the table with its headers."""
    columns = _value_columns(table)
    run = 0
    while run < len(pending) and isinstance(pending[-1 - run], Paragraph):
        if not _is_header_paragraph(pending[-1 - run]):
            break
        run += 1
    if _has_period_header(table) or not columns or run < len(columns):
        return pending, table
    cells = pending[len(pending) - run :]
    rows = [_spread(cells[-len(columns) :], columns)]
    above = cells[: -len(columns)]
    if above and len(columns) % len(above) == 0:
        rows.insert(0, _spread(above, columns))
    elif above:
        return pending, table
    headed = table.model_copy(update={"rows": (*rows, *table.rows)})
    return pending[: len(pending) - run], headed


def _spread(blocks: list[Heading | Paragraph], columns: list[int]) -> Row:
    """One header row: each block's text over an equal group of the value `columns`."""
    group = len(columns) // len(blocks)
    cells = []
    for index, block in enumerate(blocks):
        first, last = columns[index * group], columns[(index + 1) * group - 1]
        cells.append(Cell(text=block.text, column=first, span=last - first + 1))
    return Row(cells=tuple(cells), line=blocks[0].line, page=blocks[0].page)


def raw_tables(document: Document) -> list[RawTable]:
    """Tables with titles and captions, continuations merged into the table they continue."""
    result: list[RawTable] = []
    pending: list[Heading | Paragraph] = []
    for block in document.blocks:
        if not isinstance(block, Table):
            pending.append(block)
            continue
        # A column numbering the rows ("Sr. No." over "1", "(a)") is dropped first, so
        # the labels stand in the first column, as every later step reads them.
        block = block.model_copy(update={"rows": without_serial_column(block.rows)})
        titles, block = _titles_inside(block)
        pending.extend(titles)
        pending, block = _paragraph_headers(pending, block)
        if result:
            result[-1] = _with_scale_note(_with_notes(result[-1], pending), pending)
        # A scale note below the table above, printed before this table's own title, is
        # that table's where nothing else states its scale; here it is only taken over.
        claimed = bool(result) and _claims_note_after(result[-1], pending)
        short = all(isinstance(b, Heading) for b in pending) and len(pending) <= 2
        title, caption, period = _surroundings(pending)
        # A table under another period heading ("SIX MONTHS 2023 ACTUAL vs. 2022 ACTUAL"
        # after "SECOND QUARTER ...") is a table of its own, whatever headers it repeats.
        same_period = bool(result) and (not period or _same_title(period, result[-1].period))
        # A footnote introducing a table ("(1) ... was as follows:") heads a table of its
        # own, whatever headers it repeats.
        own = same_period and not _introduced_by_a_note(pending)
        repeated = _repeats_headers(result[-1], block, title, caption) if own else 0
        # Rows that are periods (a table printed on its side) continue no statement's line
        # items; a title with its caption begins a table too.
        apart = bool(result) and (
            periods_as_rows(block.rows) or _titled_apart(result[-1], title, caption)
        )
        if same_period and not apart and _is_body_of(result[-1], block, pending):
            previous = result[-1]
            head = _right_aligned(previous.rows, _width(block.rows))
            rows = head + _sections(pending, previous) + block.rows
            result[-1] = previous.model_copy(update={"rows": rows})
        elif same_period and short and not apart and not _has_period_header(block):
            previous = result[-1]
            rows = previous.rows + _sections(pending, previous) + block.rows
            result[-1] = previous.model_copy(update={"rows": rows})
        elif repeated:
            previous = result[-1]
            result[-1] = previous.model_copy(update={"rows": previous.rows + block.rows[repeated:]})
        else:
            inherited = not title and bool(result)
            caption_inherited = (inherited and not caption) or (
                claimed and bool(caption) and pending[0].text.strip() in caption
            )
            if inherited:
                title, caption = result[-1].title, caption or result[-1].caption
            rows = block.rows
            orphans = _orphan_headers(result[-1], block) if result else ()
            if orphans:
                result[-1] = result[-1].model_copy(
                    update={"rows": result[-1].rows[: -len(orphans)]}
                )
                rows = orphans + rows
            elif result:
                # A statement carried on under its repeated title, without its column
                # headers, takes the headers of the piece before it.
                rows = _continued_headers(result[-1], block, pending) + rows
            result.append(
                RawTable(
                    index=block.index,
                    title=title,
                    caption=caption,
                    title_inherited=inherited,
                    caption_inherited=caption_inherited,
                    period=period,
                    lead=_lead(pending),
                    rows=rows,
                    line=block.line,
                    page=block.page,
                    positional=block.positional,
                    scale_note=_scale_in_last_row(rows),
                )
            )
        pending = []
    if result:
        result[-1] = _with_scale_note(_with_notes(result[-1], pending), pending)
    comma = document_decimal_comma([decimal_comma_evidence(raw.rows) for raw in result])
    return [_with_decimal_points(raw, comma) for raw in result]


def _with_decimal_points(raw: RawTable, comma: bool) -> RawTable:
    """A table printed with a decimal comma, its numbers handed on with a decimal point;
    `comma` is whether the document's tables print one (for a table that shows neither)."""
    if not uses_decimal_comma(raw.rows, comma):
        return raw
    return raw.model_copy(update={"rows": to_decimal_point(raw.rows)})


def _titles_inside(block: Table) -> tuple[list[Heading], Table]:
    """Lines of text a table prints in its first rows, above its column headers (the
    issuer's name, the statement's title, "(In thousands)"): read as the headings over the
    table they are, so that they give its title, caption and period."""
    titles: list[Heading] = []
    for count, row in enumerate(block.rows):
        if row.is_blank:
            continue
        cells = [c for c in row.cells if c.text.strip()]
        if is_header_row(row) or is_unlabelled_header(row, before_data=True):
            if not titles:
                return [], block
            return titles, block.model_copy(update={"rows": block.rows[count:]})
        if len(cells) != 1 or parse_number(cells[0].text) is not None:
            return [], block
        titles.append(Heading(text=" ".join(cells[0].text.split()), line=row.line, page=row.page))
    return [], block


_NOTE = re.compile(r"^\s*(?:\((\d{1,2})\)|(\d{1,2})\)|([\u00b9\u00b2\u00b3\u2070-\u2079]+))\s*\S")


def note_mark(text: str) -> str | None:
    """The footnote mark a note starts with ("(1)", "1)", "¹"), as digits."""
    match = _NOTE.match(text)
    if match is None:
        return None
    bracketed, closed, raised = match.groups()
    return bracketed or closed or footnote_marks(raised)[0]


def _is_scale_note(text: str) -> bool:
    """A line stating a unit, not a numbered footnote that happens to name one ("(1)
    Includes $42.1 million of ...")."""
    return _is_caption(text) and note_mark(text) is None


def _scale_note_after(after: list[Heading | Paragraph]) -> str:
    """The unit line printed right below a table ("All figures in thousands, except per
    share amounts."), or ""."""
    if not after or not isinstance(after[0], Paragraph) or not _is_scale_note(after[0].text):
        return ""
    return after[0].text.strip()


def _scale_in_last_row(rows: tuple[Row, ...]) -> str:
    """The unit line printed as a table's last row, in one cell across the columns, or ""."""
    texts = [c.text.strip() for c in rows[-1].cells if c.text.strip()] if rows else []
    if len(texts) != 1 or parse_number(texts[0]) is not None or not _is_scale_note(texts[0]):
        return ""
    return texts[0]


def _with_scale_note(table: RawTable, after: list[Heading | Paragraph]) -> RawTable:
    """The table with the unit line printed right below it, unless its last row states one."""
    note = _scale_note_after(after)
    if not note or table.scale_note:
        return table
    return table.model_copy(update={"scale_note": note})


def _states_own_scale(table: RawTable) -> bool:
    """Whether the table states its money scale itself: its own caption, title, header
    rows (those above its first figure) or its last row."""
    caption = "" if table.caption_inherited else table.caption
    heads: list[str] = []
    for row in table.rows:
        if any(parse_number(c.text) is not None for c in row.cells[1:]):
            break
        heads.extend(c.text for c in row.cells)
    texts = (caption, table.title, " ".join(heads), _scale_in_last_row(table.rows))
    return any(parse_scale(text).money for text in texts)


def _claims_note_after(table: RawTable, after: list[Heading | Paragraph]) -> bool:
    """Whether the unit line right below `table` is its own: the table states no scale
    otherwise, so the line is read as its note rather than as the caption of the table
    below, which takes it only where it states none itself."""
    return bool(_scale_note_after(after)) and not _states_own_scale(table)


def _with_notes(table: RawTable, after: list[Heading | Paragraph]) -> RawTable:
    """The table with the footnotes printed right below it (a run of marked notes)."""
    notes = dict(table.notes)
    for block in after:
        mark = note_mark(block.text)
        if mark is None:
            break
        notes.setdefault(mark, block.text)
    return table.model_copy(update={"notes": notes}) if notes != table.notes else table
