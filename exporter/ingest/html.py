"""HTML reader: a release page becomes headings, paragraphs and tables in logical columns.

The bytes are decoded here (the charset the page declares wins over guessing) and parsed
by lxml's HTML parser with the network off and huge-tree mode off; nothing is fetched and
no entity is expanded. A DOCTYPE that declares entities is refused (the text that uses
them could not be read as written), and so is a page that hits the parser's safety
limits (nesting depth, a huge text node), where libxml2 would drop the rest of the page
without a word, or holds far more table cells than a release. Page chrome (scripts,
styles, navigation, forms, page header and footer, hidden elements) and SEC SGML wrapper
lines are dropped. C1 control characters, which legacy pages produce with references such
as `&#151;`, are read as Windows-1252.

Prose is split at block elements and line breaks; an h1-h6, or a short bold or centred
block standing alone, is a heading. Superscript footnote digits become Unicode
superscripts, and superscript footnote letters bracketed marks ("141.2" + "a" is
"141.2 (a)"), so they stay in the text without gluing onto a number ("1,234" + "1").

Generators pad financial tables with layout columns: a `$` cell, a number cell and a `)`
cell for every value, empty spacer columns, hidden padding cells. Each row is cleaned
first: a lone currency sign is merged into the number after it, a lone `)`, `%` or
footnote mark into the number before it. Physical columns are then grouped into logical
columns by the cells that cover them, narrowest cells first, never letting two cells of
one row share a group; a group holding no cell of its own (a spacer, even under a
spanning header) is dropped. A cell over several groups (a "Three Months Ended" header)
keeps a span. Every row covers every logical column, empty cells filling the gaps. A
label wrapped onto the next row (the head alone in its row, the tail beside the numbers)
is joined when the words at the break show the wrap, as in plain text. A
row-spanning label repeats in the data rows it covers; a table nested in a data cell is
flattened into the cell's text. A table in which no row holds two numbers (and no two
rows hold a label and one number) lays out prose: its cells are read as prose, and the
tables nested in them as tables.

Statements laid out without table markup, rows of <div>s whose children are the cells,
are found by their structure (`divgrid`) and cleaned as table rows are. Inline cells of a
row are kept apart where gluing them would run a number into its neighbour.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from exporter.document import Block, Cell, Document, Heading, Paragraph, Row, Table
from exporter.errors import InputError, Location
from exporter.ingest.divgrid import GridRow, grid_runs
from exporter.ingest.encoding import decode
from exporter.ingest.text import read_text
from exporter.ingest.text.columns import CURRENCY_SIGNS, joins_forward, merged_signs, opening_mark
from exporter.ingest.text.grid import is_header_text, wraps
from exporter.numbers import is_year, parse_number, reads_as_number
from exporter.taxonomy_narrative import ends_with_abbreviation
from exporter.vocabulary import packaged_legal_forms

_SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "nav", "aside", "button",
        "select", "option", "textarea", "input", "label", "iframe", "object", "embed", "svg",
        "math", "canvas", "dialog", "menu", "map", "audio", "video", "footer",
    }
)  # fmt: skip
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = _HEADING_TAGS | frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl",
        "dt", "figcaption", "figure", "header", "hr", "html", "li", "main", "ol", "p", "pre",
        "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_FORM_WORDS = 150  # a form with more text than this wraps the page (ASP.NET), not a search box
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 1000
_HEADING_MAX = 120
_DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)"""
    rb"""|^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""",
    re.IGNORECASE,
)
# Browsers read these labels as Windows-1252 (WHATWG Encoding), and so do the pages.
_AS_CP1252 = frozenset({"iso8859-1", "ascii"})
_SGML_LINE = re.compile(
    r"^[ \t]*<(?:TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[^\n]*"
    r"|^[ \t]*</?(?:DOCUMENT|TEXT|PAGE)>",
    re.MULTILINE,
)
_HTML_START = re.compile(r"<html\b", re.IGNORECASE)
_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
_SGML_HEADER = re.compile(r"^<SEC-HEADER>.*?^</SEC-HEADER>[^\n]*", re.MULTILINE | re.DOTALL)
# An internal DTD subset declares entities; the HTML parser would print it as text.
_DTD_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_DTD_OPEN = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY\b", re.IGNORECASE)
# A release prints a few thousand cells; far more is repeated content, slow to lay out.
MAX_TABLE_CELLS = 200_000
_SGML_ROOT = re.compile(r"^[ \t]*</?(?:SEC-DOCUMENT|IMS-DOCUMENT)>[^\n]*", re.MULTILINE)
# A cell that can only end a number: ")", ")%", "%", ")(a)", "*", "(c)".
_SUFFIX = re.compile(r"^[)%]{0,2}(?:\s*(?:\([a-zA-Z]\)|[*†‡§\u00b9\u00b2\u00b3\u2070-\u2079]))*$")
_FOOTNOTE_DIGITS = re.compile(r"^\(?(\d{1,2}(?:,\d{1,2})*)\)?$")
# A raised letter or two ("a", "(b)", "c,d"): footnote marks, kept in brackets ("(a)"), the
# form a mark printed on the line takes, so that no letter reads as part of the number
# before it ("38,406c" would be cents). Raised words ("st", "TM") stay as they are.
_FOOTNOTE_LETTERS = re.compile(r"^\(?([a-zA-Z](?:,[a-zA-Z])*)\)?$")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_RAISED = re.compile(r"vertical-align:(?:super|text-top)|position:relative.*?(?:^|;)top:-")
_BOLD_STYLE = re.compile(r"font-weight:(bold|bolder|[6-9]00|normal|lighter|[1-5]00)")
_ALIGN_STYLE = re.compile(r"text-align:(center|left|right|justify|start|end)")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—\s]*\d{1,3}[-–—\s]*(?:of\s+\d{1,3})?$", re.IGNORECASE)


def _text_translation() -> dict[int, str | None]:
    """C1 controls as Windows-1252 characters; odd spaces as spaces; invisible marks dropped."""
    table: dict[int, str | None] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            table[byte] = None
    table.update({0xA0: " ", 0x2007: " ", 0x202F: " ", 0x200B: None, 0xFEFF: None, 0xAD: None})
    return table


_TRANSLATION = _text_translation()


def _clean_text(text: str) -> str:
    """Fix C1 characters, normalise non-breaking spaces, collapse whitespace."""
    return " ".join(text.translate(_TRANSLATION).split())


def read_html(data: bytes, source: str, encoding: str | None = None) -> Document:
    """Split an HTML release into headings, paragraphs and logical-column tables."""
    decoded = _decode_html(data, source, encoding)
    _refuse_entities(decoded, source)
    _refuse_concatenated_pages(decoded, source)
    text = _strip_sgml(decoded)
    parser = lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(text.replace("\x00", "").encode("utf-8"), parser)
    except etree.LxmlError as exc:
        raise InputError(
            f"cannot parse HTML: {exc}", Location(file=source), "check that the file is HTML"
        ) from None
    _refuse_truncated_parse(parser, source)
    _refuse_too_many_cells(root, source)
    reader = _Reader(source)
    if root is not None:
        reader.walk(root, _Context())
        reader.flush()
    return Document(source=source, format="html", blocks=tuple(reader.blocks))


def _refuse_entities(text: str, source: str) -> None:
    """A DOCTYPE that declares entities: they are never expanded (billion laughs) nor
    fetched (external entities), so the text that uses them cannot be read as written."""
    doctype = _DTD_OPEN.search(text)
    declaration = _ENTITY_DECLARATION.search(text, doctype.end()) if doctype else None
    if declaration:
        raise InputError(
            "the page's DOCTYPE declares entities (<!ENTITY ...>); entities are never "
            "expanded or fetched, so the text that uses them cannot be read",
            Location(file=source, line=text.count("\n", 0, declaration.start()) + 1),
            "remove the DOCTYPE's internal subset [ ... ] (releases do not need one), or "
            "save the page again from a browser",
        )


def _refuse_concatenated_pages(text: str, source: str) -> None:
    """Several HTML documents one after another (documents cut from an EDGAR submission
    without its header): the parser keeps the first and drops the rest without a word."""
    end = _HTML_END.search(text)
    again = _HTML_START.search(text, end.end()) if end else None
    if again:
        raise InputError(
            "the file holds several HTML documents one after another; only the first "
            "would be read and the others lost",
            Location(file=source, line=text.count("\n", 0, again.start()) + 1),
            "give the press release document on its own, or the EDGAR submission file as "
            "EDGAR serves it (with its <SEC-HEADER>), whose documents are read apart",
        )


def _refuse_truncated_parse(parser: etree.HTMLParser, source: str) -> None:
    """libxml2 stops at its safety limits (nesting depth, a text node over 10 MB) and
    drops the rest of the page; that must not pass for the whole page."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            detail = entry.message.strip().split(",")[0]
            raise InputError(
                f"the page exceeds the HTML parser's safety limits ({detail}); the rest of "
                "the page would be lost",
                Location(file=source, line=entry.line or None),
                "the page nests elements too deeply or holds a huge text block; give the "
                "release's PDF or text instead",
            )


def _refuse_too_many_cells(root: etree._Element | None, source: str) -> None:
    if root is None:
        return
    cells = sum(1 for _ in root.iter("td", "th"))
    if cells > MAX_TABLE_CELLS:
        raise InputError(
            f"the page has {cells:,} table cells, over the {MAX_TABLE_CELLS:,} limit for a "
            "press release (repeated content?)",
            Location(file=source),
            "give the release on its own",
        )


def _decode_html(data: bytes, source: str, encoding: str | None) -> str:
    """An explicit encoding, else a BOM, else the declared charset, else `decode`'s guess."""
    if encoding or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, source, encoding)
    match = _DECLARED_CHARSET.search(data[:8192])
    if match:
        label = (match.group(1) or match.group(2)).decode("ascii").lower()
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            return decode(data, source)
        if codec in _AS_CP1252:
            codec = "cp1252"
        elif codec.startswith("utf-16") or codec.startswith("utf-32"):
            codec = "utf-8"  # the declaration was readable as ASCII, so the bytes are not UTF-16
        # A page that breaks its own declaration is read as a browser reads it: replaced.
        return data.decode(codec, errors="replace")
    return decode(data, source)


def _strip_sgml(text: str) -> str:
    """Blank SEC wrapper lines (<DOCUMENT>, <TYPE>, <TEXT> ...) and DTD subsets, keeping lines."""

    def blank(match: re.Match[str]) -> str:
        return "\n" * match.group(0).count("\n")

    text = _SGML_HEADER.sub(blank, text)
    text = _DTD_SUBSET.sub(blank, text)
    text = _SGML_ROOT.sub(blank, text)
    return _SGML_LINE.sub(blank, text)


# --- element styles ---------------------------------------------------------------------


def _style(element: etree._Element) -> str:
    return (element.get("style") or "").lower().replace(" ", "")


def _hidden(element: etree._Element) -> bool:
    style = _style(element)
    return (
        "display:none" in style or "visibility:hidden" in style or element.get("hidden") is not None
    )


def _skipped(element: etree._Element, in_article: bool) -> bool:
    """Page chrome and hidden elements; a <header> inside an article is the release's own."""
    tag = element.tag
    if tag in _SKIPPED_TAGS or (tag == "header" and not in_article):
        return True
    if tag == "form" and _is_small_form(element):
        return True
    return (element.get("role") or "").lower() in _CHROME_ROLES or _hidden(element)


def _is_small_form(form: etree._Element) -> bool:
    """A search or sign-up form; ASP.NET pages wrap the whole release in one big form."""
    if form.find(".//table") is not None:
        return False
    return len(" ".join(form.itertext()).split()) <= _FORM_WORDS


def _raised(element: etree._Element) -> bool:
    return element.tag == "sup" or bool(_RAISED.search(_style(element)))


def _footnote_marker(text: str) -> str:
    """Superscript text as kept: footnote digits ("1", "(2)") become superscript digits,
    footnote letters ("a", "(b)") bracketed marks set apart from the text before them."""
    cleaned = _clean_text(text)
    compact = cleaned.replace(" ", "")
    if match := _FOOTNOTE_DIGITS.match(compact):
        return match.group(1).translate(_SUPERSCRIPT_DIGITS)
    if match := _FOOTNOTE_LETTERS.match(compact):
        return "".join(f" ({letter})" for letter in match.group(1).split(","))
    return cleaned


@dataclass(frozen=True, slots=True)
class _Context:
    """What a text node inherits from its ancestors."""

    bold: bool = False
    centred: bool = False
    heading: bool = False
    in_article: bool = False

    def enter(self, element: etree._Element) -> _Context:
        tag = element.tag
        bold, centred = self.bold, self.centred
        style = _style(element)
        if tag in ("b", "strong") or tag in _HEADING_TAGS:
            bold = True
        if weight := _BOLD_STYLE.search(style):
            bold = weight.group(1) in ("bold", "bolder") or weight.group(1)[0] in "6789"
        # A centred <table> is a centred box; its text keeps its own alignment.
        align = "" if tag == "table" else (element.get("align") or "").lower()
        if tag in _BLOCK_TAGS and (found := _ALIGN_STYLE.search(style)):
            align = found.group(1)
        if tag == "center" or align == "center":
            centred = True
        elif align:
            centred = False
        return _Context(
            bold=bold,
            centred=centred,
            heading=self.heading or tag in _HEADING_TAGS or tag == "caption",
            in_article=self.in_article or tag in ("article", "main"),
        )


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    line: int
    context: _Context


# --- prose ------------------------------------------------------------------------------


class _Reader:
    """Walks the tree in document order, gathering inline text into blocks."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self._pieces: list[_Piece] = []
        self._tables = 0

    def walk(self, root: etree._Element, context: _Context) -> None:
        """Read `root` and its subtree (not its tail) as prose, tables as tables."""
        stack = [context]
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            if not isinstance(element.tag, str):
                continue
            if event == "start":
                stack.append(self._start(element, stack[-1], walker))
                continue
            stack.pop()
            if element.tag in _BLOCK_TAGS:
                self.flush()
            if element is root:
                break
            self._add(element.tail, element, stack[-1])

    def _start(
        self,
        element: etree._Element,
        parent: _Context,
        walker: etree.iterwalk[tuple[str, etree._Element]],
    ) -> _Context:
        context = parent.enter(element)
        tag = element.tag
        if _skipped(element, parent.in_article):
            walker.skip_subtree()
        elif tag == "table":
            self.flush()
            self._table(element, context)
            walker.skip_subtree()
        elif tag == "pre":
            self.flush()
            self._pre(element)
            walker.skip_subtree()
        elif tag == "br":
            self.flush()
        elif _raised(element):
            self._add(_footnote_marker("".join(element.itertext())), element, context)
            walker.skip_subtree()
        elif tag not in _CELL_TAGS and (runs := self._grid_runs(element, context)):
            self._grid_container(element, context, runs)
            walker.skip_subtree()
        else:
            if tag in _BLOCK_TAGS:
                self.flush()
            elif _cell_after_cell(element):
                self._add(" ", element, context)
            self._add(element.text, element, context)
        return context

    def _add(self, text: str | None, element: etree._Element, context: _Context) -> None:
        if text:
            self._pieces.append(_Piece(text, element.sourceline or 1, context))

    def flush(self) -> None:
        """Close the block being gathered, if it holds any text."""
        pieces, self._pieces = self._pieces, []
        block = _text_block(pieces)
        if block is not None:
            self.blocks.append(block)

    def _table(self, element: etree._Element, context: _Context) -> None:
        for caption in element.findall("caption"):
            self.walk(caption, context)
        rows = _table_rows(element)
        if not _is_data_table(rows):
            for cell in (c for row in _own_rows(element) for c in _cells(row)):
                self.walk(cell, context.enter(cell))
        elif grid := _logical_rows(rows):
            self._tables += 1
            line = element.sourceline or grid[0].line
            self.blocks.append(Table(index=self._tables, rows=grid, line=line, positional=True))
        for stray in _stray_content(element):
            self.walk(stray, context.enter(stray))
            self.flush()

    def _grid_runs(
        self, element: etree._Element, context: _Context
    ) -> list[tuple[int, int, list[GridRow]]]:
        def keep(child: etree._Element) -> bool:
            return not _skipped(child, context.in_article)

        return grid_runs(element, keep, _cell_text)

    def _grid_container(
        self,
        element: etree._Element,
        context: _Context,
        runs: list[tuple[int, int, list[GridRow]]],
    ) -> None:
        """An element whose children lay out tables without table markup: each run of
        grid rows is a table, the other children are read as usual."""
        self.flush()
        self._add(element.text, element, context)
        starts = {first: (last, rows) for first, last, rows in runs}
        shown = -1
        skip_to = -1
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if _skipped(child, context.in_article):
                self._add(child.tail, child, context)
                continue
            shown += 1
            if shown in starts:
                skip_to, rows = starts[shown]
                self.flush()
                self._grid_table(rows, child.sourceline or 1)
            if shown > skip_to:
                self.walk(child, context)
            if shown >= skip_to:
                self._add(child.tail, child, context)
        self.flush()

    def _grid_table(self, grid_rows: list[GridRow], line: int) -> None:
        """Grid rows laid on columns by their order, cleaned as table rows are; no cell
        says where it sits, so the tables stage reads the grid as sequential.

        A `$` printed in a cell of its own before each amount is joined to it and its
        column dropped, as in tab-separated text: a header row printed one cell per
        period, without the sign cells, then stands over the amounts it names instead of
        over the signs (`merged_signs`)."""
        rows: list[_RawRow] = []
        for row in merged_signs([_grid_row(r) for r in grid_rows]):
            slots = [_Slot(c.text, c.column, c.column + c.span) for c in row.cells if c.text]
            rows.append(_RawRow(row.line, tuple(_merge_cells(slots))))
        if not _is_data_table(rows):
            return
        grid = _logical_rows(rows)
        if grid:
            self._tables += 1
            self.blocks.append(Table(index=self._tables, rows=grid, line=line))

    def _pre(self, element: etree._Element) -> None:
        """Preformatted text goes through the plain-text reader, lines shifted to the page."""
        text = "".join(element.itertext()).translate(_TRANSLATION)
        offset = (element.sourceline or 1) - 1
        for block in read_text(text, self.source).blocks:
            if isinstance(block, Table):
                self._tables += 1
                rows = tuple(r.model_copy(update={"line": r.line + offset}) for r in block.rows)
                update = {"index": self._tables, "rows": rows, "line": block.line + offset}
                self.blocks.append(block.model_copy(update=update))
            else:
                self.blocks.append(block.model_copy(update={"line": block.line + offset}))


def _grid_row(grid_row: GridRow) -> Row:
    """A grid row's cells on the columns their order and spans put them in."""
    cells: list[Cell] = []
    column = 0
    for cell in grid_row.cells:
        cells.append(Cell(text=cell.text, column=column, span=cell.span))
        column += cell.span
    return Row(cells=tuple(cells), line=grid_row.line)


def _cell_after_cell(element: etree._Element) -> bool:
    """An inline element printed as the next cell after its sibling, with nothing between
    them in a parent that holds only elements ("<span>Cost of revenue</span><span>30,148
    </span>"): a number on either side, glued letter or digit to digit or letter, would
    run into the other cell. A currency sign before a number or a `%` after one is part
    of it, and a word split by markup ("Reve<b>nue</b>") is not a cell."""
    previous = element.getprevious()
    parent = element.getparent()
    if previous is None or parent is None or (previous.tail or "").strip():
        return False
    if not isinstance(previous.tag, str) or (parent.text or "").strip():
        return False
    before = "".join(previous.itertext())
    after = "".join(element.itertext())
    if not before or not after or not before[-1].isalnum():
        return False
    cell = _clean_text(after)
    if (not after[0].isalnum() and after[0] in CURRENCY_SIGNS) or cell in CURRENCY_SIGNS:
        return True  # "$" printed in the next cell's own markup
    return after[0].isalnum() and (reads_as_number(_clean_text(before)) or reads_as_number(cell))


def _text_block(pieces: list[_Piece]) -> Heading | Paragraph | None:
    """A heading when the block is an h1-h6, or short, title-like and all bold or centred."""
    text = _clean_text("".join(p.text for p in pieces))
    if not text:
        return None
    solid = [p for p in pieces if _clean_text(p.text)]
    line = solid[0].line
    contexts = [p.context for p in solid]
    if all(c.heading for c in contexts):
        return Heading(text=text, line=line)
    styled = all(c.bold for c in contexts) or all(c.centred for c in contexts)
    if styled and len(text) <= _HEADING_MAX and _looks_like_title(text):
        return Heading(text=text, line=line)
    return Paragraph(text=text, line=line)


def _looks_like_title(text: str) -> bool:
    if text.startswith("(") or text.endswith((",", ";", ":")) or _PAGE_NUMBER.match(text):
        return False
    # "Acme Corp.": a legal form's stop, not a sentence's.
    return not text.endswith(".") or ends_with_abbreviation(text, packaged_legal_forms())


# --- tables: physical grid --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Slot:
    """A non-empty cell over physical columns [start, end)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _RawRow:
    line: int
    slots: tuple[_Slot, ...]


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The table's rows, not those of tables nested in its cells."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot") and not _hidden(child):
            rows.extend(r for r in child if r.tag == "tr")
    return [r for r in rows if not _hidden(r)]


_TABLE_PARTS = frozenset({"tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col"})


def _stray_content(table: etree._Element) -> list[etree._Element]:
    """Headings and paragraphs the parser put inside a table that was never closed (the
    release's text after it): read as text after the table, in their order, as a browser
    shows them and not lost with the table's rows."""
    parts = [table, *(c for c in table if c.tag in ("thead", "tbody", "tfoot"))]
    return [
        child
        for part in parts
        for child in part
        if isinstance(child.tag, str) and child.tag not in _TABLE_PARTS and not _hidden(child)
    ]


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in _CELL_TAGS and not _hidden(c)]


def _span(cell: etree._Element, name: str, limit: int) -> int:
    digits = re.match(r"\s*(\d+)", cell.get(name) or "")
    return min(max(int(digits.group(1)), 1), limit) if digits else 1


def _table_rows(table: etree._Element) -> list[_RawRow]:
    """Rows of non-empty, merged cells placed on the physical grid (colspan and rowspan)."""
    carried: dict[int, tuple[int, _Slot | None]] = {}  # column -> (rows still covered, cell)
    rows: list[_RawRow] = []
    for row in _own_rows(table):
        cells = _cells(row)
        if cells:  # a row whose cells are all hidden is not drawn (Workiva padding rows)
            slots = _place(cells, carried)
            rows.append(_RawRow(row.sourceline or 1, tuple(_merge_cells(slots))))
        carried = {c: (n - 1, slot) for c, (n, slot) in carried.items() if n > 1}
    return rows


def _place(
    cells: list[etree._Element], carried: dict[int, tuple[int, _Slot | None]]
) -> list[_Slot]:
    """A row's cells on the grid, past columns that rowspans from above cover.

    A row-spanning label is repeated in the data rows it covers, so each keeps its full
    label; header rows and spanned numbers are left alone.
    """
    above = {slot for _, slot in carried.values() if slot is not None}
    slots: list[_Slot] = []
    column = 0
    for cell in cells:
        while column in carried:
            column += 1
        across = _span(cell, "colspan", _MAX_COLSPAN)
        # Overlapping a rowspan from above is a table-model error; stop short of it.
        across = next((n for n in range(1, across) if column + n in carried), across)
        down = _span(cell, "rowspan", _MAX_ROWSPAN)
        text = _cell_text(cell)
        slot = _Slot(text, column, column + across) if text else None
        if slot is not None:
            slots.append(slot)
        for covered in range(column, column + across) if down > 1 else ():
            carried[covered] = (down, slot)
        column += across
    if any(_is_value(s.text) for s in slots):
        slots.extend(s for s in above if parse_number(s.text) is None)
    return sorted(slots, key=lambda s: s.start)


def _cell_text(cell: etree._Element) -> str:
    """A cell's text on one line: <br> and inner blocks become spaces, nested tables flatten."""
    parts: list[str] = []
    walker = etree.iterwalk(cell, events=("start", "end"))
    for event, element in walker:
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            if element is not cell and _skipped(element, in_article=True):
                walker.skip_subtree()
            elif element is not cell and _raised(element):
                parts.append(_footnote_marker("".join(element.itertext())))
                walker.skip_subtree()
            else:
                parts.append(" " if element.tag == "br" or element.tag in _BLOCK_TAGS else "")
                parts.append(element.text or "")
        elif element is cell:
            break
        else:
            parts.append(" " if element.tag in _BLOCK_TAGS else "")
            parts.append(element.tail or "")
    return _clean_text("".join(parts))


def _is_value(text: str) -> bool:
    """A number that is not a year in a column header."""
    return parse_number(text) is not None and not is_year(text)


def _joins(previous: _Slot, slot: _Slot) -> bool:
    """Whether `slot` belongs to the printed value in `previous` ("$" + "3,120", "(" +
    "7,882", "(103" + ")"): opening marks join the number after them as every reader
    joins them (`joins_forward`), closing marks the number before.

    A "%" after a year heads a column of its own ("2025 | % | 2024 | %"): no year is a
    percentage."""
    if opening_mark(previous.text):
        # A code in the label's column is the row's label ("USD" in a table of rates).
        labelled = previous.start == 0 and previous.text.isalpha()
        return joins_forward(previous.text, slot.text) and not labelled
    if "%" in slot.text and is_year(previous.text):
        return False
    return bool(_SUFFIX.match(slot.text)) and reads_as_number(previous.text + slot.text)


def _merge_cells(slots: list[_Slot]) -> list[_Slot]:
    """Merge lone opening marks ("$", "(") into the next number, a lone `)` or `%` into the
    previous."""
    merged: list[_Slot] = []
    for slot in slots:
        if merged and _joins(merged[-1], slot):
            previous = merged[-1]
            merged[-1] = _Slot(previous.text + slot.text, previous.start, slot.end)
        else:
            merged.append(slot)
    return merged


def _is_data_table(rows: list[_RawRow]) -> bool:
    """A row with two numbers, or two rows of a label and one number, or a block of column
    headers; else layout."""
    if _is_header_block(rows):
        return True
    labelled = 0
    for row in rows:
        numbers = [s for s in row.slots if reads_as_number(s.text)]
        if len(numbers) >= 2:
            return True
        if numbers and row.slots[0] is not numbers[0]:
            labelled += 1
    return labelled >= 2


def _is_header_block(rows: list[_RawRow]) -> bool:
    """Column headers printed as a table of their own above the statement's body: nothing
    in the label column, and every row that holds text names two or more columns, spans
    them ("Twenty-Six Weeks Ended" over the two dates below it), or marks one column with
    a header word ("(Unaudited)" under the interim date only)."""
    named = [r for r in rows if r.slots]  # a row of empty cells sets the column widths
    return (
        any(len(r.slots) >= 2 for r in named)
        and all(r.slots[0].start > 0 for r in named)
        and all(
            len(r.slots) >= 2 or _spans_columns(r, named) or is_header_text(r.slots[0].text)
            for r in named
        )
    )


def _spans_columns(row: _RawRow, rows: list[_RawRow]) -> bool:
    """A row's one cell stands over two or more cells of another row."""
    (slot,) = row.slots
    return any(
        sum(slot.start <= other.start and other.end <= slot.end for other in r.slots) >= 2
        for r in rows
    )


# --- tables: logical columns ------------------------------------------------------------


class _Groups:
    """Union-find over elementary columns; a group holds at most one cell of each row."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: list[dict[int, int]] = [{} for _ in range(size)]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, first: int, end: int) -> None:
        """Put elementary columns [first, end) in one group unless two cells of a row clash."""
        roots = sorted({self.find(i) for i in range(first, end)})
        if len(roots) == 1:
            return
        base = max(roots, key=lambda r: len(self.members[r]))  # check the small groups only
        extra: dict[int, int] = {}
        for root in roots:
            for row, cell in self.members[root].items() if root != base else ():
                if self.members[base].get(row, cell) != cell or extra.setdefault(row, cell) != cell:
                    return
        merged = self.members[base]
        merged.update(extra)
        for root in roots:
            self.parent[root] = roots[0]
            self.members[root] = {}
        self.members[roots[0]] = merged


@dataclass(frozen=True, slots=True)
class _Placed:
    row: int
    slot: _Slot
    first: int
    end: int


def _logical_rows(rows: list[_RawRow]) -> tuple[Row, ...]:
    """Rows over logical columns: spacers gone, currency and value columns joined."""
    bounds = sorted({b for row in rows for s in row.slots for b in (s.start, s.end)})
    position = {b: i for i, b in enumerate(bounds)}
    placed = [
        _Placed(r, slot, position[slot.start], position[slot.end])
        for r, row in enumerate(rows)
        for slot in row.slots
    ]
    groups = _Groups(max(len(bounds) - 1, 0))
    for number, cell in enumerate(placed):
        for elementary in range(cell.first, cell.end):
            groups.members[elementary][cell.row] = number
    for cell in sorted(placed, key=lambda c: (c.end - c.first, c.row)):
        groups.join(cell.first, cell.end)
    logical = _logical_index(groups, placed, len(bounds) - 1)
    width = len({c for c in logical if c is not None})
    by_row: list[list[Cell]] = [[] for _ in rows]
    for cell in placed:
        columns = [c for c in logical[cell.first : cell.end] if c is not None]
        span = max(columns) - min(columns) + 1
        by_row[cell.row].append(Cell(text=cell.slot.text, column=min(columns), span=span))
    dense = [
        Row(cells=_fill(cells, width), line=row.line)
        for cells, row in zip(by_row, rows, strict=True)
    ]
    return _trim_blank_rows(_wrapped_labels_joined(dense))


def _wrapped_labels_joined(rows: list[Row]) -> list[Row]:
    """A label wrapped onto the next row joined to its head ("Effect of exchange rate
    changes on cash and" / "cash equivalents  1,998  (412)"): the head row holds the label
    alone, the next row the label's tail and the numbers, and the words at the break say
    the label goes on (`grid.wraps`), as the plain-text reader joins them."""
    joined: list[Row] = []
    for row in rows:
        head = joined[-1] if joined else None
        if head is not None and _label_only(head) and _has_values(row):
            label = _label(row)
            if wraps(_label(head), label):
                text = f"{_label(head)} {label}"
                cells = (row.cells[0].model_copy(update={"text": text}), *row.cells[1:])
                joined[-1] = row.model_copy(update={"cells": cells, "line": head.line})
                continue
        joined.append(row)
    return joined


def _label(row: Row) -> str:
    return row.cells[0].text.strip() if row.cells and row.cells[0].column == 0 else ""


def _label_only(row: Row) -> bool:
    """A row with text in its label cell and nowhere else."""
    return bool(_label(row)) and all(not c.text.strip() for c in row.cells[1:])


def _has_values(row: Row) -> bool:
    """A row with a label and a number in a value cell."""
    return bool(_label(row)) and any(_is_value(c.text) for c in row.cells[1:])


def _logical_index(groups: _Groups, placed: list[_Placed], size: int) -> list[int | None]:
    """Logical column of each elementary column; None for spacers.

    A group is a column when some cell lies wholly inside it; a spanning header over a
    spacer does not make the spacer a column. A cell inside no column still gets one.
    """
    roots = [groups.find(i) for i in range(size)]
    used: set[int] = set()
    spanning: list[list[int]] = []
    for cell in placed:
        touched = sorted({roots[i] for i in range(cell.first, cell.end)})
        if len(touched) == 1:
            used.add(touched[0])
        else:
            spanning.append(touched)
    for touched in spanning:
        if not used.intersection(touched):
            used.add(touched[0])
    order = {root: index for index, root in enumerate(sorted(used))}
    return [order.get(root) for root in roots]


def _fill(cells: list[Cell], width: int) -> tuple[Cell, ...]:
    """Every logical column covered: empty cells where the row has nothing."""
    result: list[Cell] = []
    column = 0
    for cell in sorted(cells, key=lambda c: c.column):
        result.extend(Cell(text="", column=c) for c in range(column, cell.column))
        result.append(cell)
        column = cell.column + cell.span
    result.extend(Cell(text="", column=c) for c in range(column, width))
    return tuple(result)


def _trim_blank_rows(rows: list[Row]) -> tuple[Row, ...]:
    """No blank rows at either end, and one blank row for a run of them."""
    kept: list[Row] = []
    for row in rows:
        if row.is_blank and (not kept or kept[-1].is_blank):
            continue
        kept.append(row)
    while kept and kept[-1].is_blank:
        kept.pop()
    return tuple(kept)
