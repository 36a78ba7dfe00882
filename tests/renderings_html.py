"""The sample release rendered as the HTML pages that carry real releases.

Each layout prints the same prose and statements (`release_model`) the way one family of
generators does:

- `newswire`: a newswire page. Site chrome (navigation, search form, related links,
  scripts, footer) around an article of <p> prose and bullet lists; a <table> per
  statement with <th> header rows, period headers spanning their columns (colspan), the
  currency row its own header row, labels indented with no-break spaces, and a stacked
  sub-table as a second <tbody> under its own <th> rows.
- `edgar`: a Word-made SEC exhibit, ASCII as EDGAR requires. Upper-case tags, <FONT>
  markup, centred bold titles, `&#149;` bullets; a width row, headers broken with <BR>,
  then for every value column a spacer cell, a cell for the `$` (on the first row of
  each part and on totals), the number, and a cell for its closing `)` or `%`; &nbsp;
  in empty cells, `&#151;` (a Windows-1252 em dash) for the dash cells, footnote markers
  as <SUP> after a few labels; stacked sub-tables as separate <TABLE>s.
- `workiva`: a Workiva page. Every text in <div>/<span> with inline styles, punctuation
  as numeric character references, bullets laid out in two-cell tables, a hidden block
  of filing data; a width row, header lines in <div>s, labels spanning three columns
  and numbers two, an empty `$` cell, `&#8212;` for the dash cells, hidden
  (`display:none`) padding cells closing every row and a hidden padding row; the stacked
  sub-tables of a statement inside one <table>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from release_model import HeaderCell, Line, Part, Prose, Release, Statement

_MARKER = re.compile(r"\^\{([^}]*)\}|<(https?://[^>\s]+)>|([\u2070-\u2079\u00b9\u00b2\u00b3]+)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TOTAL = re.compile(r"^(?:total|net income|net cash|cash, cash equivalents)", re.IGNORECASE)
# Labels the EDGAR layout marks with a footnote reference, as the prose does.
_FOOTNOTED = {"Financing income": "12", "Non-GAAP net income": "13"}


def inline(text: str, escape: Callable[[str], str] = html.escape) -> str:
    """Prose text as HTML: footnote markers raised, links as anchors, the rest escaped."""
    parts: list[str] = []
    position = 0
    for match in _MARKER.finditer(text):
        parts.append(escape(text[position : match.start()]))
        if match.group(2):
            parts.append(f'<a href="{match.group(2)}">{escape(match.group(2))}</a>')
        else:
            marker = match.group(1) or match.group(3).translate(_SUPERSCRIPTS)
            parts.append(f"<sup>{escape(marker)}</sup>")
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _bullets(items: list[Prose | Statement]) -> Iterator[list[Prose | Statement]]:
    """Items in runs: consecutive bullets together, everything else alone."""
    run: list[Prose | Statement] = []
    for item in items:
        if run and not (_is_bullet(item) and _is_bullet(run[-1])):
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def _is_bullet(item: Prose | Statement) -> bool:
    return isinstance(item, Prose) and item.kind == "bullet"


def _split_number(value: str) -> tuple[str, str]:
    """A printed value as number cell and closing cell: "(815)" -> "(815", ")"."""
    if value.endswith("%"):
        return value[:-1], "%"
    if value.endswith(")"):
        return value[:-1], ")"
    return value, ""


# --- newswire -----------------------------------------------------------------------------

_NEWSWIRE_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Qifu Technology Announces Fourth Quarter and Full Year 2024 Results | Newswire</title>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "release"});</script>
<style>.gnw_table_border_collapse td { padding: 2px; } .gnw_num { text-align: right; }</style>
</head>
<body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li>
<li><a href="/search">Search 2024 releases</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<header class="site-header"><div class="logo">Newswire</div>
<form role="search" action="/search"><input type="text" name="q"><button>Go</button></form>
</header>
<main><article class="main-body-container">
"""

_NEWSWIRE_FOOT = """</article></main>
<aside class="related"><h3>Related releases</h3><ul><li>Q3 2024 results</li></ul></aside>
<footer><p>&copy; 2025 Newswire, Inc. All rights reserved.</p><p>Page 1 of 1</p></footer>
<script>track("pageview", 2025);</script>
</body>
</html>
"""


def newswire(release: Release) -> bytes:
    out = [_NEWSWIRE_HEAD]
    first = True
    for run in _bullets(list(release.items)):
        item = run[0]
        if isinstance(item, Statement):
            out.append(_newswire_statement(item))
        elif item.kind == "bullet":
            out.append("<ul>" + "".join(f"<li>{inline(b.text)}</li>" for b in run) + "</ul>\n")
        elif item.kind == "heading":
            tag = "h1" if first else "p"
            body = inline(item.text) if first else f"<strong>{inline(item.text)}</strong>"
            out.append(f"<{tag}>{body}</{tag}>\n")
        else:
            out.append(f"<p>{inline(item.text)}</p>\n")
        first = False
    out.append(_NEWSWIRE_FOOT)
    return "".join(out).encode("utf-8")


def _newswire_statement(statement: Statement) -> str:
    out = [f"<p><strong>{html.escape(statement.title)}</strong></p>\n"]
    out.append(f"<p>{html.escape(statement.caption)}</p>\n")
    out.append('<table class="gnw_table_border_collapse" style="border-collapse: collapse;">\n')
    for number, part in enumerate(statement.parts):
        heads = "".join(_newswire_header(row) for row in part.headers)
        if number == 0:
            out.append(f"<thead>\n{heads}</thead>\n<tbody>\n")
        else:
            out.append(f"<tbody>\n{heads}")
        out.extend(_newswire_row(line) for line in part.lines)
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


def _newswire_header(row: tuple[HeaderCell, ...]) -> str:
    cells = "".join(
        f'<th colspan="{c.span}" style="text-align: center;">{html.escape(c.text)}</th>'
        if c.span > 1
        else f'<th style="text-align: center;">{html.escape(c.text)}</th>'
        for c in row
    )
    return f"<tr><th>&#160;</th>{cells}</tr>\n"


def _newswire_row(line: Line) -> str:
    label = html.escape(line.label) if line.label else "&#160;"
    if line.label and not line.section and not _TOTAL.match(line.label):
        label = "&#160;&#160;&#160;" + label
    values = "".join(
        f'<td class="gnw_num">{html.escape(v) if v else "&#160;"}</td>' for v in line.values
    )
    return f"<tr><td>{label}</td>{values}</tr>\n"


# --- EDGAR exhibit ------------------------------------------------------------------------


def _word_escape(text: str) -> str:
    """Escaped like an old Word export: &nbsp; for no-break spaces, &#151; for em dashes."""
    return html.escape(text, quote=False).replace("\u2014", "&#151;").replace("\u2019", "&#146;")


def edgar(release: Release) -> bytes:
    out = ['<HTML>\n<HEAD>\n<TITLE>EX-99.1</TITLE>\n</HEAD>\n<BODY BGCOLOR="WHITE">\n']
    for item in release.items:
        if isinstance(item, Statement):
            out.append(_edgar_statement(item))
        elif item.kind == "heading":
            out.append(
                '<P ALIGN="center"><FONT FACE="Times New Roman" SIZE="2"><B>'
                f"{inline(item.text, _word_escape)}</B></FONT></P>\n"
            )
        elif item.kind == "bullet":
            out.append(
                '<P STYLE="margin-left:18pt; text-indent:-18pt"><FONT SIZE="2">&#149;&nbsp;'
                f"{inline(item.text, _word_escape)}</FONT></P>\n"
            )
        else:
            out.append(f'<P><FONT SIZE="2">{inline(item.text, _word_escape)}</FONT></P>\n')
    out.append("</BODY>\n</HTML>\n")
    return "".join(out).encode("ascii", errors="xmlcharrefreplace")


def _edgar_statement(statement: Statement) -> str:
    out = [
        f'<P ALIGN="center"><FONT SIZE="2"><B>{_word_escape(statement.title)}</B></FONT></P>\n',
        f'<P ALIGN="center"><FONT SIZE="2">{_word_escape(statement.caption)}</FONT></P>\n',
    ]
    for part in statement.parts:
        out.append('<TABLE WIDTH="100%" BORDER="0" CELLSPACING="0" CELLPADDING="0">\n')
        widths = ['<TD WIDTH="52%"></TD>'] + [
            '<TD WIDTH="2%"></TD><TD WIDTH="1%"></TD><TD WIDTH="8%"></TD><TD WIDTH="1%"></TD>'
        ] * statement.width
        out.append(f"<TR>{''.join(widths)}</TR>\n")
        out.extend(_edgar_header(row) for row in part.headers)
        first = next((n for n, line in enumerate(part.lines) if not line.section), 0)
        for number, line in enumerate(part.lines):
            dollar = number == first or bool(_TOTAL.match(line.label))
            out.append(_edgar_row(line, dollar, part))
        out.append('</TABLE>\n<P><FONT SIZE="2">&nbsp;</FONT></P>\n')
    return "".join(out)


def _edgar_header(row: tuple[HeaderCell, ...]) -> str:
    cells = ["<TD>&nbsp;</TD>"]
    for cell in row:
        span = 4 * cell.span - 1
        cells.append(
            f'<TD>&nbsp;</TD><TD COLSPAN="{span}" ALIGN="center" '
            'STYLE="border-bottom:1px solid #000000"><FONT SIZE="1"><B>'
            f"{'<BR>'.join(_word_escape(part) for part in _broken(cell.text))}</B></FONT></TD>"
        )
    return f'<TR VALIGN="BOTTOM">{"".join(cells)}</TR>\n'


def _broken(text: str) -> list[str]:
    """A header as a narrow column breaks it: "Three months ended" / "December 31,"."""
    match = re.match(r"^(.*\bended|[A-Z][a-z]+ \d{1,2},)\s+(.+)$", text)
    return [match.group(1), match.group(2)] if match else [text]


def _edgar_row(line: Line, dollar: bool, part: Part) -> str:
    label = _word_escape(line.label) if line.label else "&nbsp;"
    if line.section or line.label.isupper():
        label = f"<B>{label}</B>"
    note = _FOOTNOTED.get(line.label)
    if note:
        label += f'<SUP><FONT SIZE="1">{note}</FONT></SUP>'
    indent = 0 if line.section or _TOTAL.match(line.label) else 1
    cells = [
        f'<TD VALIGN="TOP"><P STYLE="margin-left:{indent}em"><FONT SIZE="2">{label}</FONT></P></TD>'
    ]
    currencies = [c.text for c in part.headers[-1]] if part.headers else []
    for column, value in enumerate(line.values):
        number, closing = _split_number(value)
        usd = column < len(currencies) and currencies[column] == "USD"
        sign = "$" if dollar and value and usd and not value.endswith("%") else "&nbsp;"
        shown = "&#151;" if number == "-" else _word_escape(number) if number else "&nbsp;"
        cells.append(
            f'<TD>&nbsp;</TD><TD ALIGN="left"><FONT SIZE="2">{sign}</FONT></TD>'
            f'<TD ALIGN="right"><FONT SIZE="2">{shown}</FONT></TD>'
            f'<TD NOWRAP><FONT SIZE="2">{closing or "&nbsp;"}</FONT></TD>'
        )
    return f'<TR BGCOLOR="#EEEEEE" VALIGN="BOTTOM">{"".join(cells)}</TR>\n'


# --- Workiva ------------------------------------------------------------------------------

_SPAN = "<span style=\"color:#000000;font-family:'Times New Roman',sans-serif;font-size:10pt;{}\">"
_PUNCTUATION = re.compile(r"[^\w\s]|\u00a0")


def _references(text: str) -> str:
    """Every punctuation character (and &, <, >) as a numeric character reference."""
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group(0))};", text)


def _span(text: str, style: str = "font-weight:400") -> str:
    return _SPAN.format(style) + text + "</span>"


def workiva(release: Release) -> bytes:
    out = [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "<title>qfin-20241231xex99d1.htm</title></head><body>\n"
        '<div style="display:none"><span>0001741530 2024 FY false</span></div>\n'
    ]
    for item in release.items:
        if isinstance(item, Statement):
            out.append(_workiva_statement(item))
        elif item.kind == "heading":
            text = _span(inline(item.text, _references), "font-weight:700")
            out.append(f'<div style="margin-top:9pt;text-align:left">{text}</div>\n')
        elif item.kind == "bullet":
            out.append(
                '<table style="border-collapse:collapse;width:100%"><tr>'
                f'<td style="width:18pt;vertical-align:top">{_span("&#8226;")}</td>'
                f'<td style="vertical-align:top">{_span(inline(item.text, _references))}</td>'
                "</tr></table>\n"
            )
        else:
            text = _span(inline(item.text, _references))
            out.append(f'<div style="margin-top:6pt;text-align:justify">{text}</div>\n')
    out.append("</body></html>\n")
    return "".join(out).encode("ascii")


def _workiva_statement(statement: Statement) -> str:
    out = [
        '<div style="text-align:center">'
        f"{_span(_references(statement.title), 'font-weight:700')}</div>\n",
        f'<div style="text-align:center">{_span(_references(statement.caption))}</div>\n',
        '<div style="margin-top:6pt"><table style="border-collapse:collapse;'
        'display:inline-table;vertical-align:text-bottom;width:100.000%">\n',
        "<tr>" + '<td style="width:1.0%"></td>' * (3 + 5 * statement.width) + "</tr>\n",
    ]
    for number, part in enumerate(statement.parts):
        if number:
            out.append(_workiva_blank(statement.width))
        out.extend(_workiva_header(row) for row in part.headers)
        out.extend(_workiva_row(line) for line in part.lines)
    out.append(f'<tr style="display:none"><td colspan="{3 + 5 * statement.width}"></td></tr>\n')
    out.append("</table></div>\n")
    return "".join(out)


def _hidden() -> str:
    return '<td style="display:none"><span>&#160;0</span></td>'


def _workiva_blank(width: int) -> str:
    return f'<tr style="height:9pt"><td colspan="{3 + 5 * width}"></td>{_hidden()}</tr>\n'


def _workiva_header(row: tuple[HeaderCell, ...]) -> str:
    cells = ['<td colspan="3" style="padding:0 1pt"></td>']
    for cell in row:
        span = 5 * cell.span - 1
        cells.append(
            '<td style="padding:0 1pt"></td>'
            f'<td colspan="{span}" style="border-bottom:1pt solid #000;padding:2px 1pt;'
            'text-align:center;vertical-align:bottom">'
            + "".join(
                f"<div>{_span(_references(part), 'font-weight:700')}</div>"
                for part in _broken(cell.text)
            )
            + "</td>"
        )
    return f"<tr>{''.join(cells)}{_hidden()}</tr>\n"


def _workiva_row(line: Line) -> str:
    label = _span(_references(line.label)) if line.label else ""
    cells = [f'<td colspan="3" style="padding:2px 1pt;text-align:left">{label}</td>']
    for value in line.values:
        number, closing = _split_number(value)
        shown = "&#8212;" if number == "-" else _references(number)
        cells.append(
            '<td style="padding:0 1pt"></td><td style="padding:2px 0 2px 1pt"></td>'
            f'<td colspan="2" style="padding:2px 0;text-align:right">'
            f"{_span(shown) if number else ''}</td>"
            f'<td style="padding:2px 1pt 2px 0">{_span(_references(closing)) if closing else ""}'
            "</td>"
        )
    return f'<tr style="height:12pt">{"".join(cells)}{_hidden()}</tr>\n'


HTML_LAYOUTS: dict[str, Callable[[Release], bytes]] = {
    "newswire": newswire,
    "edgar": edgar,
    "workiva": workiva,
}


# --- a statement in pieces ----------------------------------------------------------------


def split(release: Release) -> bytes:
    """The newswire page with each statement in pieces, as some release sites print them:
    the header rows in a table of their own, then each section's name as a paragraph and
    its rows as the next table (no header rows there)."""
    page = newswire(release).decode("utf-8")
    for statement in release.statements:
        page = page.replace(_newswire_statement(statement), _split_statement(statement), 1)
    return page.encode("utf-8")


def _split_statement(statement: Statement) -> str:
    out = [f"<p><strong>{html.escape(statement.title)}</strong></p>\n"]
    out.append(f"<p>{html.escape(statement.caption)}</p>\n")
    for part in statement.parts:
        heads = "".join(_newswire_header(row) for row in part.headers)
        out.append(f"<table>\n<thead>\n{heads}</thead>\n</table>\n")
        rows: list[str] = []
        for line in part.lines:
            if line.section:
                out.append(_split_rows(rows))
                rows = []
                out.append(f"<p>{html.escape(line.label)}</p>\n")
            elif not line.blank:
                rows.append(_newswire_row(line))
        out.append(_split_rows(rows))
    return "".join(out)


def _split_rows(rows: list[str]) -> str:
    return f"<table>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n" if rows else ""
