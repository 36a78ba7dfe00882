"""The HTML reader: table cleaning, prose blocks, encodings, and the three Apple releases."""

from __future__ import annotations

import contextlib
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.document import Document, Heading, Paragraph, Table
from exporter.errors import InputError
from exporter.ingest import READERS, read_document
from exporter.ingest.html import read_html
from exporter.numbers import parse_number
from exporter.options import ConvertOptions
from exporter.pipeline import convert_document
from exporter.tables import understand_tables
from exporter.taxonomy import load_taxonomy

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
APPLE = ("apple-fy2004q3", "apple-fy2011q1", "apple-fy2024q1")


def read(markup: str | bytes, encoding: str | None = None) -> Document:
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return read_html(data, "test.htm", encoding)


def grid(markup: str) -> list[list[str]]:
    """Cell texts of the only table in `markup`, one list per row."""
    tables = read(markup).tables
    assert len(tables) == 1, tables
    return [[cell.text for cell in row.cells] for row in tables[0].rows]


def blocks(markup: str | bytes) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read(markup).blocks if not isinstance(b, Table)]


def table(*rows: str) -> str:
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"


def tds(*texts: str) -> str:
    return "".join(f"<td>{text}</td>" for text in texts)


# --- table cells --------------------------------------------------------------------------

CELL_CASES = [
    pytest.param(
        table(tds("Cash", "$", "3,120", "$", "3,396"), tds("Debt", "", "1", "", "2")),
        [["Cash", "$3,120", "$3,396"], ["Debt", "1", "2"]],
        id="dollar-in-its-own-cell",
    ),
    pytest.param(
        table(tds("A", "", "1", "", "", "2", ""), tds("B", "&nbsp;", "3", "", "", "4", " ")),
        [["A", "1", "2"], ["B", "3", "4"]],
        id="spacer-columns-removed",
    ),
    pytest.param(
        table(tds("Sales", "€", "10", "£", "20"), tds("Costs", "", "5", "", "6")),
        [["Sales", "€10", "£20"], ["Costs", "5", "6"]],
        id="euro-and-pound-in-their-own-cells",
    ),
    pytest.param(
        table(tds("Deferred", "(103", ")", "(62", ")"), tds("Retained", "2,564", "", "2,394", "")),
        [["Deferred", "(103)", "(62)"], ["Retained", "2,564", "2,394"]],
        id="negative-split-over-two-cells",
    ),
    pytest.param(
        table(
            tds("Interest expense", "(", "7,882", ")", "", "(", "8,415", ")"),
            tds("Other expense", "(", "1,216", ")", "", "", "594", ""),
            tds("Net income", "", "32,207", "", "", "", "20,457", ""),
        ),
        [
            ["Interest expense", "(7,882)", "(8,415)"],
            ["Other expense", "(1,216)", "594"],
            ["Net income", "32,207", "20,457"],
        ],
        id="negative-split-over-three-cells",
    ),
    pytest.param(
        table(
            tds("Net loss", "$(", "7,882", ")", "", "$", "8,415", ""),
            tds("Tax", "", "1,216", "", "", "", "594", ""),
        ),
        [["Net loss", "$(7,882)", "$8,415"], ["Tax", "1,216", "594"]],
        id="dollar-and-bracket-cell-before-the-amount",
    ),
    pytest.param(
        table(
            tds("Net loss", "$", "(", "7,882", ")", "", "$", "", "8,415", ""),
            tds("Tax", "", "", "1,216", "", "", "", "", "594", ""),
        ),
        [["Net loss", "$(7,882)", "$8,415"], ["Tax", "1,216", "594"]],
        id="dollar-cell-then-bracket-cell-before-the-amount",
    ),
    pytest.param(
        table(tds("Restructuring", "8", "", "(8", ")(a)"), tds("Net", "61", "", "6", "")),
        [["Restructuring", "8", "(8)(a)"], ["Net", "61", "6"]],
        id="split-negative-with-footnote-in-closing-cell",
    ),
    pytest.param(
        table(tds("Margin", "12.5", "%", "(6.2", ")%"), tds("Growth", "3", "%", "4", "%")),
        [["Margin", "12.5%", "(6.2)%"], ["Growth", "3%", "4%"]],
        id="percent-and-closing-percent-cells",
    ),
    pytest.param(
        table(tds("Tax", "4", "(c)", "70", ""), tds("Other", "1", "", "2", "")),
        [["Tax", "4(c)", "70"], ["Other", "1", "2"]],
        id="footnote-letter-cell-after-number",
    ),
    pytest.param(
        table(tds("Current debt", "&#151;", "304"), tds("Revenue", "&#150;", "&#8212;")),
        [["Current debt", "—", "304"], ["Revenue", "–", "—"]],
        id="windows-1252-dashes",
    ),
    pytest.param(
        table(
            tds("Cumulative effect", "&#151;", "&#151;", "(2", ")"), tds("Net", "1", "2", "3", "")
        ),
        [["Cumulative effect", "—", "—", "(2)"], ["Net", "1", "2", "3"]],
        id="regression-two-dash-cells-are-not-one-number",
    ),
    pytest.param(
        table(tds("Cash and<br>cash\n  equivalents", "1", "2"), tds("Other", "3", "4")),
        [["Cash and cash equivalents", "1", "2"], ["Other", "3", "4"]],
        id="line-breaks-inside-a-cell",
    ),
    pytest.param(
        table(tds("&#160;&#160;Products", "96,458&#160;", "96,388&nbsp;"), tds("Svc", "1", "2")),
        [["Products", "96,458", "96,388"], ["Svc", "1", "2"]],
        id="non-breaking-spaces",
    ),
    pytest.param(
        table(
            tds("Sales", "1", "2") + '<td colspan="3" style="display:none">x</td>',
            tds("Costs", "3", "4") + '<td style="display: none">9</td>',
            '<td colspan="3" style="display:none"></td>',
        ),
        [["Sales", "1", "2"], ["Costs", "3", "4"]],
        id="hidden-padding-cells-and-rows",
    ),
    pytest.param(
        table(
            tds("Revenue<sup>1</sup>", "1,234<sup>(2)</sup>", "5"), tds("Net sales (1)", "6", "7*")
        ),
        [["Revenue¹", "1,234²", "5"], ["Net sales (1)", "6", "7*"]],
        id="footnote-markers-kept",
    ),
    pytest.param(
        table(
            tds('Total <font style="position:relative;top:-3pt">(1)</font>', "10", "20"),
            tds("Other", "1", "2"),
        ),
        [["Total ¹", "10", "20"], ["Other", "1", "2"]],
        id="raised-footnote-by-style",
    ),
    pytest.param(
        table(tds("Other income&#47;(expense)&#58;", "(50)", "(393)"), tds("Net", "1", "2")),
        [["Other income/(expense):", "(50)", "(393)"], ["Net", "1", "2"]],
        id="numeric-references-for-ascii",
    ),
    pytest.param(
        table(
            tds("Revenue", "<table><tr><td>$</td><td>100</td></tr></table>", "200"),
            tds("Cost", "50", "60"),
        ),
        [["Revenue", "$ 100", "200"], ["Cost", "50", "60"]],
        id="nested-table-in-a-cell-flattens",
    ),
    pytest.param(
        table(
            '<td rowspan="2">Revenue</td>' + tds("Products", "1", "2"), tds("Services", "3", "4")
        ),
        [["Revenue", "Products", "1", "2"], ["Revenue", "Services", "3", "4"]],
        id="rowspan-label-repeats-in-data-rows",
    ),
    pytest.param(
        table(
            '<th rowspan="2">(in millions)</th><th colspan="2">Year</th>',
            "<th>2024</th><th>2023</th>",
            tds("Sales", "1", "2"),
        ),
        [["(in millions)", "Year"], ["", "2024", "2023"], ["Sales", "1", "2"]],
        id="rowspan-in-header-is-not-repeated",
    ),
]


@pytest.mark.parametrize(("markup", "expected"), CELL_CASES)
def test_table_cells(markup: str, expected: list[list[str]]) -> None:
    assert grid(markup) == expected


def test_colspan_header_covers_value_columns_after_spacers_go() -> None:
    markup = table(
        '<td></td><td></td><td colspan="7">Three Months Ended</td>',
        '<td></td><td></td><td colspan="3">Dec 30, 2023</td>'
        '<td></td><td colspan="3">Dec 31, 2022</td>',
        tds("Sales", "", "$", "96,458", "", "", "$", "96,388", ""),
        tds("Costs", "", "", "5", "", "", "", "6", ""),
        tds("Loss", "", "", "(46", ")", "", "", "(389", ")"),
    )
    rows = read(markup).tables[0].rows
    assert [(c.text, c.column, c.span) for c in rows[0].cells] == [
        ("", 0, 1),
        ("Three Months Ended", 1, 2),
    ]
    assert [(c.text, c.column) for c in rows[1].cells] == [
        ("", 0),
        ("Dec 30, 2023", 1),
        ("Dec 31, 2022", 2),
    ]
    assert [c.text for c in rows[4].cells] == ["Loss", "(46)", "(389)"]


def assert_rows_cover_the_width(document: Document) -> None:
    """Every row's cells are contiguous from column 0 and end at the table's width."""
    for found in document.tables:
        for row in found.rows:
            ends = [0] + [c.column + c.span for c in row.cells]
            assert [c.column for c in row.cells] == ends[:-1]
            assert ends[-1] == found.width


@pytest.mark.parametrize("stem", APPLE)
def test_corpus_rows_cover_the_width(stem: str) -> None:
    assert_rows_cover_the_width(read((CORPUS / f"{stem}.htm").read_bytes()))


def test_row_and_table_lines_are_source_lines() -> None:
    markup = (
        "<p>Intro</p>\n\n<table>\n<tr><td>A</td><td>1</td><td>2</td></tr>\n\n"
        "<tr>\n<td>B</td><td>3</td><td>4</td></tr>\n</table>"
    )
    found = read(markup).tables[0]
    assert found.line == 3
    assert [r.line for r in found.rows] == [4, 6]


def test_blank_rows_are_kept_once_between_groups_and_trimmed_at_the_ends() -> None:
    markup = table(
        tds("", "", ""), tds("A", "1", "2"), tds("", ""), tds("&nbsp;"), tds("B", "3", "4")
    )
    assert grid(markup) == [["A", "1", "2"], ["", "", ""], ["B", "3", "4"]]


def test_sub_tables_in_one_table_element_stay_one_table() -> None:
    document = read((CORPUS / "apple-fy2011q1.htm").read_bytes())
    labels = [row.cells[0].text for row in document.tables[0].rows]
    assert "(1) Includes stock-based compensation expense as follows:" in labels
    assert labels.count("Cost of sales") == 1
    assert "Cost of sales (1)" in labels


@pytest.mark.parametrize(
    ("head", "tail", "label"),
    [
        (
            "Effect of exchange rate changes on cash and",
            "cash equivalents",
            "Effect of exchange rate changes on cash and cash equivalents",
        ),
        (
            "Effect of exchange rate changes on",
            "Cash and cash equivalents",
            "Effect of exchange rate changes on Cash and cash equivalents",
        ),
        (
            "Accounts receivable, net of allowance for",
            "doubtful accounts",
            "Accounts receivable, net of allowance for doubtful accounts",
        ),
        (
            "Net cash provided by operating",
            "activities",
            "Net cash provided by operating activities",
        ),
        (
            "Proceeds from issuance of common stock,",
            "net",
            "Proceeds from issuance of common stock, net",
        ),
    ],
)
@pytest.mark.parametrize("padded", [False, True], ids=["plain", "generator-padded"])
def test_a_label_wrapped_onto_the_next_row_is_one_label(
    head: str, tail: str, label: str, padded: bool
) -> None:
    """The head row holds the label alone; the next row its tail and the numbers."""
    numbers = ("$", "1,998", "", "", "(412", ")") if padded else ("1,998", "(412)")
    markup = table(tds("Net income", *numbers), f"<td>{head}</td>", tds(tail, *numbers))
    rows = grid(markup)
    assert [row[0] for row in rows] == ["Net income", label]
    assert rows[1][1:] == (["$1,998", "(412)"] if padded else ["1,998", "(412)"])


@pytest.mark.parametrize(
    "head",
    ["Cash flows from operating activities:", "Operating activities", "Assets"],
)
def test_a_heading_row_above_a_capitalised_label_stays_a_heading(head: str) -> None:
    markup = table(f"<td>{head}</td>", tds("Net income", "1,998", "(412)"))
    assert [row[0] for row in grid(markup)] == [head, "Net income"]


# --- layout tables and prose --------------------------------------------------------------


def test_layout_table_becomes_prose_and_nested_data_table_stays_a_table() -> None:
    markup = table(
        "<td><p><b>Company Overview</b></p><p>We sold 5 units in 2024.</p></td>",
        "<td>" + table(tds("Revenue", "1", "2"), tds("Cost", "3", "4")) + "</td>",
    )
    document = read(markup)
    assert [(b.kind, getattr(b, "text", "")) for b in document.blocks] == [
        ("heading", "Company Overview"),
        ("paragraph", "We sold 5 units in 2024."),
        ("table", ""),
    ]
    assert [c.text for c in document.tables[0].rows[0].cells] == ["Revenue", "1", "2"]


def test_single_value_column_is_still_a_table() -> None:
    assert grid(table(tds("Revenue", "100"), tds("Cost", "50"))) == [
        ["Revenue", "100"],
        ["Cost", "50"],
    ]


LONG_BOLD = "Long bold text " * 10
HEADING_CASES = [
    ("h3", "<h3>Financial Results</h3>", "heading"),
    ("bold-p", "<p><b>CONSOLIDATED BALANCE SHEETS</b></p>", "heading"),
    ("centred-p", '<p align="center">Statements of Operations</p>', "heading"),
    ("centred-company", '<div style="text-align: center">Apple Inc.</div>', "heading"),
    ("bold-by-style", '<p><span style="font-weight:700">Key Metrics</span></p>', "heading"),
    (
        "caption-is-not-a-title",
        '<p align="center">(In millions, except per share)</p>',
        "paragraph",
    ),
    ("bold-lead-in", "<p><b>Revenue</b> grew 10% in the quarter.</p>", "paragraph"),
    ("too-long", f"<p><b>{LONG_BOLD}</b></p>", "paragraph"),
    ("page-number", '<p align="center">- 2 -</p>', "paragraph"),
    ("ends-with-colon", "<p><strong>Press Contact:</strong></p>", "paragraph"),
]


@pytest.mark.parametrize(
    ("markup", "kind"), [pytest.param(m, k, id=i) for i, m, k in HEADING_CASES]
)
def test_headings(markup: str, kind: str) -> None:
    text = re.sub(r"<[^>]+>", "", markup).strip()
    assert blocks(markup) == [(kind, text)]


def test_line_breaks_split_prose_and_inline_markup_joins() -> None:
    markup = (
        "<p><b>CONDENSED STATEMENTS</b><br>(in thousands)</p>"
        "<p>Apple<sup>®</sup> today <i>announced</i> results.</p>"
    )
    assert blocks(markup) == [
        ("heading", "CONDENSED STATEMENTS"),
        ("paragraph", "(in thousands)"),
        ("paragraph", "Apple® today announced results."),
    ]


CHROME = """<html><head><title>Page title</title><style>p {color: red}</style>
<script>document.write("x")</script></head><body>
<nav><a href="/">Home</a></nav><header>Site banner</header>
<div role="navigation">Menu</div><form action="/search"><input name="q">Search</form>
<article><header><h1>Acme Reports Results</h1></header><p>Body text.</p>
<p hidden>Hidden</p><p style="display: none">Also hidden</p><footer>Share</footer></article>
<noscript>Enable JS</noscript><footer>Copyright</footer></body></html>"""


def test_page_chrome_is_ignored() -> None:
    assert blocks(CHROME) == [("heading", "Acme Reports Results"), ("paragraph", "Body text.")]


def test_a_form_wrapping_the_whole_page_is_kept() -> None:
    body = "<p>" + "Revenue rose strongly this quarter. " * 30 + "</p>"
    markup = f'<body><form id="aspnetForm">{body}{table(tds("A", "1", "2"))}</form></body>'
    document = read(markup)
    assert len(document.tables) == 1
    assert document.text_blocks[0].text.startswith("Revenue rose")


SGML = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>dex991.htm
<DESCRIPTION>PRESS RELEASE
<TEXT>
<html><body><p>Release text</p>
<table><tr><td>A</td><td>1</td><td>2</td></tr></table>
</body></html>
</TEXT>
</DOCUMENT>
"""


def test_sec_sgml_wrapper_lines_are_ignored_and_lines_kept() -> None:
    document = read(SGML)
    assert [(b.kind, b.line) for b in document.blocks] == [("paragraph", 7), ("table", 8)]
    assert document.text_blocks[0].text == "Release text"


def test_preformatted_text_goes_through_the_text_reader() -> None:
    document = read("<p>Intro</p>\n<pre>\nTitle\n\nRevenue\t100\t200\n</pre>")
    assert isinstance(document.blocks[1], Heading)
    assert document.tables[0].rows[0].cells[1].text == "100"
    assert document.tables[0].rows[0].line == 5


def test_table_caption_becomes_a_heading() -> None:
    markup = "<table><caption>Key metrics</caption>" + tds("A", "1", "2") + "</table>"
    document = read(markup.replace(tds("A", "1", "2"), "<tr>" + tds("A", "1", "2") + "</tr>"))
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].text == "Key metrics"


# --- encodings and safety -----------------------------------------------------------------

ENCODING_CASES = [
    pytest.param(b"<p>It\x92s \x97 ok</p>", None, "It’s — ok", id="undeclared-cp1252-bytes"),
    pytest.param(b'<meta charset="windows-1252"><p>It\x92s</p>', None, "It’s", id="meta-charset"),
    pytest.param(
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"<p>\x93q\x94 caf\xe9</p>",
        None,
        "“q” café",
        id="latin-1-label-read-as-windows-1252",
    ),
    pytest.param(
        '<meta charset="shift_jis"><p>決算</p>'.encode("shift_jis"), None, "決算", id="shift-jis"
    ),
    pytest.param(
        '<meta charset="iso-8859-1"><p>café</p>'.encode(), "utf-8", "café", id="explicit-wins"
    ),
    pytest.param(
        b"<p>&#146;&#147;x&#148; &#150; &#151; &#153;</p>", None, "’“x” – — ™", id="c1-references"
    ),
    pytest.param("\ufeff<p>BOM é</p>".encode(), None, "BOM é", id="utf-8-bom"),
    pytest.param(
        b'<meta charset="utf-8"><p>It\x92s</p>', None, "It\ufffds", id="declared-charset-is-kept"
    ),
]


@pytest.mark.parametrize(("data", "encoding", "expected"), ENCODING_CASES)
def test_encodings(data: bytes, encoding: str | None, expected: str) -> None:
    assert read(data, encoding).text_blocks[0].text == expected


def test_entities_are_refused_not_expanded() -> None:
    markup = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY big "BIGBIG">]>'
        "<html><body><p>&xxe;&big; &amp; &lt;</p></body></html>"
    )
    with pytest.raises(InputError, match="declares entities") as caught:
        read(markup)
    assert caught.value.location.line == 1
    assert blocks("<html><body><p>&amp; &lt;</p></body></html>") == [("paragraph", "& <")]


def test_regression_c1_next_line_character_is_text_not_space() -> None:
    assert blocks("\x85") == [("paragraph", "…")]


def test_an_empty_page_gives_an_empty_document() -> None:
    assert read("<!-- nothing -->").blocks == ()
    assert read("   ").blocks == ()


def test_read_document_uses_the_html_reader(tmp_path: Path) -> None:
    path = tmp_path / "release.htm"
    path.write_bytes(b"<p>Hello</p>" + table(tds("A", "1", "2")).encode())
    document = read_document(path)
    assert "html" in READERS
    assert document.format == "html" and len(document.tables) == 1


# --- properties ---------------------------------------------------------------------------

TOKENS = ["", "$", "€", "(12", ")", ")%", "%", "1,234", "—", "Revenue", "2024", "(a)", "&nbsp;"]
CELL = st.tuples(st.sampled_from(TOKENS), st.integers(1, 3), st.integers(1, 2), st.booleans()).map(
    lambda t: (
        f'<td colspan="{t[1]}" rowspan="{t[2]}"'
        f"{' style=display:none' if t[3] and t[1] == 3 else ''}>{t[0]}</td>"
    )
)
TABLES = st.lists(st.lists(CELL, min_size=0, max_size=6), min_size=1, max_size=8).map(
    lambda rows: "<table>" + "".join(f"<tr>{''.join(r)}</tr>" for r in rows) + "</table>"
)


@settings(max_examples=300, deadline=None)
@given(TABLES)
def test_random_tables_never_crash_and_rows_cover_the_width(markup: str) -> None:
    document = read(markup)
    assert_rows_cover_the_width(document)
    assert all(c.text == c.text.strip() for t in document.tables for r in t.rows for c in r.cells)


MARKUP = ["<p>", "</p>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<br>", "<b>", "<pre>"]
MARKUP += ['<th colspan="99999">', '<td rowspan="0">', "<sup>1</sup>", "&#151;", "&nbsp;", "\x85"]
MARKUP += ["x", "1,234", "(", ")", "$", "%", "<!DOCTYPE x [", "]>", "<TEXT>", "\n"]
PAGES = st.one_of(
    st.text(max_size=300), st.lists(st.sampled_from(MARKUP), max_size=40).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_any_text_reads_without_crashing(text: str) -> None:
    document = read(text)
    assert all(b.text for b in document.blocks if isinstance(b, Heading | Paragraph))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_fail_cleanly(data: bytes) -> None:
    with contextlib.suppress(InputError):
        read(data)


# --- the corpus ---------------------------------------------------------------------------

_MARKERS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|\(\s*(?:\d{1,2}|[a-z])\s*\)\s*$|\*+")
_CELL_FOOTNOTE = re.compile(r"(?:\([a-zA-Z]\)|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)+$")


def _label_key(text: str) -> str:
    return " ".join(_MARKERS.sub(" ", text).split()).lower()


def _token(text: str) -> str:
    return text.replace("$", "").replace(" ", "")


def _rows(document: Document) -> list[tuple[str, set[str]]]:
    """(label, printed tokens) per table row; the label is the text before the first number."""
    result = []
    for found in document.tables:
        for row in found.rows:
            label: list[str] = []
            tokens: set[str] = set()
            for cell in row.cells:
                if cell.text and not tokens and parse_number(cell.text) is None:
                    label.append(cell.text)
                elif cell.text:
                    tokens |= {_token(cell.text), _CELL_FOOTNOTE.sub("", _token(cell.text))}
            result.append((_label_key(" ".join(label)), tokens))
    return result


def truth_coverage(stem: str) -> tuple[int, int]:
    """How many truth facts have their printed token in a row with the truth label."""
    document = read((CORPUS / f"{stem}.htm").read_bytes())
    rows = _rows(document)
    facts = json.loads((CORPUS / "truth" / f"{stem}.json").read_text(encoding="utf-8"))["facts"]
    found = sum(
        any(
            label == _label_key(f["label"]) and _token(f["printed"]) in tokens
            for label, tokens in rows
        )
        for f in facts
    )
    return found, len(facts)


@pytest.mark.parametrize("stem", APPLE)
def test_corpus_truth_facts_are_in_labelled_rows(stem: str) -> None:
    found, total = truth_coverage(stem)
    assert total >= 20
    assert found == total, f"{stem}: {found}/{total}"


THREE_STATEMENTS = [("income_statement", 2), ("balance_sheet", 2), ("cash_flow", 2)]
STATEMENTS = [
    pytest.param("apple-fy2004q3", [("balance_sheet", 2), ("income_statement", 4)], id="2004"),
    pytest.param("apple-fy2011q1", THREE_STATEMENTS, id="2011"),
    pytest.param("apple-fy2024q1", THREE_STATEMENTS, id="2024"),
]


@pytest.mark.parametrize(("stem", "expected"), STATEMENTS)
def test_corpus_statement_headers_give_every_value_column_a_period(
    stem: str, expected: list[tuple[str, int]]
) -> None:
    document = read((CORPUS / f"{stem}.htm").read_bytes())
    statements = [
        t for t in understand_tables(document, load_taxonomy(), "USD") if t.kind != "other"
    ]
    assert [(t.kind, len(t.blocks[0].columns)) for t in statements][: len(expected)] == expected
    for statement in statements[: len(expected)]:
        assert all(c.period is not None for b in statement.blocks for c in b.columns)


_SPANNED_HEADER = """<html><body>
<p><b>CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS<br>(In thousands)</b></p>
<table>
<tr><td width="46%"></td><td colspan="{span}" align="center"><b>Twenty-Six Weeks Ended</b></td></tr>
<tr><td width="46%"></td>{dates}</tr>
</table>
<p><b>Operating activities:</b></p>
<table>
<tr><td>Net income</td><td>$</td><td>111,982</td><td>$</td><td>97,113</td></tr>
<tr><td>Net cash provided by operating activities</td><td></td><td>108,348</td><td></td>
<td>132,287</td></tr>
</table>
</body></html>"""


@pytest.mark.parametrize(
    "dates",
    [
        '<td colspan="2">August&nbsp;2,<br>2025</td><td colspan="2">August&nbsp;3,<br>2024</td>',
        '<td colspan="2">August 2, 2025</td><td colspan="2">August 3, 2024</td>',
    ],
    ids=["wrapped-dates", "one-line-dates"],
)
def test_a_header_table_with_a_spanning_period_heads_the_body_below(dates: str) -> None:
    """The statement's column headers as a table of their own, its first row one cell
    spanning both dates: a header block (not two lines of text), so the body below,
    after a section name, has its periods."""
    document = read(_SPANNED_HEADER.format(span=4, dates=dates))
    (table,) = understand_tables(document, load_taxonomy(), "USD")
    periods = [str(c.period) for c in table.blocks[0].columns]
    assert periods == ["2025-02-02..2025-08-02", "2024-02-04..2024-08-03"]
    assert next(r.label for r in table.blocks[0].rows if r.cells) == "Net income"


_BALANCE_SHEET_IN_PIECES = """<html><body>
<p><b>CONDENSED CONSOLIDATED BALANCE SHEETS</b></p><p>(In thousands)</p>
<table>
<tr><td>&nbsp;</td><td>June 30,<br>2025</td><td>December 31,<br>2024</td></tr>
{marks}
</table>
<p><b>ASSETS</b></p>
<p><b>Current assets:</b></p>
<table>
<tr><td>Cash and cash equivalents</td><td>$ 14,208</td><td>$ 11,905</td></tr>
<tr><td>Total current assets</td><td>80,441</td><td>73,514</td></tr>
<tr><td>Total assets</td><td>152,660</td><td>146,018</td></tr>
</table>
</body></html>"""


@pytest.mark.parametrize(
    "marks",
    [
        "<tr><td>&nbsp;</td><td>(Unaudited)</td><td>&nbsp;</td></tr>",
        "<tr><td>&nbsp;</td><td>(Unaudited)</td><td>(Audited)</td></tr>",
        "",
    ],
    ids=["interim-column-marked", "both-marked", "no-marks"],
)
def test_a_header_table_marking_one_column_unaudited_heads_the_body_below(marks: str) -> None:
    """A Word-made balance sheet in pieces: the dates as a table of their own with
    "(Unaudited)" under the interim date only, then "ASSETS" and "Current assets:" as
    paragraphs, then the rows: one statement, its columns dated by the header table."""
    document = read(_BALANCE_SHEET_IN_PIECES.format(marks=marks))
    (table,) = understand_tables(document, load_taxonomy(), "USD")
    periods = [str(c.period) for c in table.blocks[0].columns]
    assert periods == ["2025-06-30", "2024-12-31"]
    assert next(r.label for r in table.blocks[0].rows if r.cells) == "Cash and cash equivalents"


# --- tables laid out with <div>s, <p>s and <span>s ---------------------------------------

# A small statement: (label, four printed values); a "$" starts the first and total rows.
_DIV_STATEMENT = (
    ("Revenue", ("$84,512", "$71,236", "$163,874", "$138,902")),
    ("Cost of revenue", ("30,148", "26,877", "59,221", "52,641")),
    ("Gross profit", ("54,364", "44,359", "104,653", "86,261")),
    ("Operating expenses:", ("", "", "", "")),
    ("Research and development", ("14,220", "12,874", "28,105", "25,390")),
    ("Income (loss) from operations", ("1,921", "(2,545)", "569", "(6,722)")),
    ("Net income (loss)", ("$3,037", "$(1,499)", "$2,812", "$(4,603)")),
)
_DIV_HEADERS = (
    ("", "Three Months Ended June 30,", "", "Six Months Ended June 30,", ""),
    ("", "2025", "2024", "2025", "2024"),
)


def _div_value(text: str, sign: str) -> str:
    """A value cell's content: the "$" in a span of its own (`sign` "span"), or printed
    in the cell with the number."""
    if sign == "span" and text.startswith("$"):
        return f'<span class="cur">$</span><span class="v">{text[1:]}</span>'
    return f"<span>{text}</span>" if text else ""


def _div_grid(row_tag: str, cell_tag: str, row_style: str, cell_style: str, sign: str) -> str:
    """The statement as rows of `row_tag` holding `cell_tag` cells, styled inline."""
    rows = [(cells[0], cells[1:]) for cells in _DIV_HEADERS] + list(_DIV_STATEMENT)
    lines = []
    for label, values in rows:
        cells = [label] + [_div_value(v, sign) for v in values]
        inner = "".join(f"<{cell_tag}{cell_style}>{c}</{cell_tag}>" for c in cells)
        lines.append(f"<{row_tag}{row_style}>{inner}</{row_tag}>")
    return "\n".join(lines)


def _dollar_cells_of_their_own() -> str:
    """Rows of <p> whose cells are bare <span>s, the "$" a child of the row only in the
    rows that print one (more children there than in the other rows)."""
    rows = [(cells[0], cells[1:]) for cells in _DIV_HEADERS] + list(_DIV_STATEMENT)
    lines = []
    for label, values in rows:
        spans = [f"<span>{label}</span>"]
        for value in values:
            if value.startswith("$"):
                spans.append(f"<span>$</span><span>{value[1:]}</span>")
            else:
                spans.append(f"<span>{value}</span>")
        lines.append(f"<p>{''.join(spans)}</p>")
    return "\n".join(lines)


def _flat_css_grid() -> str:
    """Every cell a child of one CSS grid, rows made only by its column count; the
    period headers span two columns each."""
    spanned = '<div style="grid-column: span 2">{}</div>'
    cells = ["<div></div>", *(spanned.format(h) for h in _DIV_HEADERS[0] if h)]
    for label, values in [(_DIV_HEADERS[1][0], _DIV_HEADERS[1][1:]), *_DIV_STATEMENT]:
        cells += [f"<div>{label}</div>", *(f"<div>{_div_value(v, 'span')}</div>" for v in values)]
    style = "display: grid; grid-template-columns: 3fr repeat(4, minmax(0, 1fr))"
    return f'<div style="{style}">' + "\n".join(cells) + "</div>"


_DIV_LAYOUTS = {
    "display-table-inline": (
        '<div style="display: table">'
        + _div_grid(
            "div", "div", ' style="display: table-row"', ' style="display:table-cell"', "span"
        )
        + "</div>"
    ),
    "display-table-style-block": (
        "<style>.t{display:table}.r{display:table-row}.c{display:table-cell}</style>"
        '<div class="t">' + _div_grid("div", "div", ' class="r"', ' class="c"', "span") + "</div>"
    ),
    "flex": "<div>"
    + _div_grid("div", "div", ' style="display:flex"', ' style="flex:1"', "in-cell")
    + "</div>",
    "no-css-block-cells": "<div>" + _div_grid("div", "div", "", "", "span") + "</div>",
    "no-css-inline-cells": "<div>" + _div_grid("div", "span", "", "", "span") + "</div>",
    "p-rows-dollar-cells": "<div>" + _dollar_cells_of_their_own() + "</div>",
    "flat-css-grid": _flat_css_grid(),
}

_DIV_PAGE = """<html><body><h1>Lumenfield Reports Second Quarter 2025 Results</h1>
<p>BOSTON, Aug. 6, 2025 -- Lumenfield, Inc. today announced results for the second quarter
ended June 30, 2025.</p>
<p><b>Condensed Consolidated Statements of Operations</b></p>
<p>(in thousands)</p>
{grid}
<p>About Lumenfield: a software company.</p></body></html>"""


@pytest.mark.parametrize("layout", list(_DIV_LAYOUTS))
def test_a_statement_laid_out_in_div_rows_is_a_table(layout: str) -> None:
    """Rows of block elements, each holding the same cells (a label, then numbers), are a
    table whatever styles draw them: table-row, flex, a <style> block, or none."""
    document = read(_DIV_PAGE.format(grid=_DIV_LAYOUTS[layout]))
    (found,) = document.tables
    rows = [[c.text for c in row.cells] for row in found.rows]
    assert rows[1] == ["", "2025", "2024", "2025", "2024"]
    assert rows[2] == ["Revenue", "$84,512", "$71,236", "$163,874", "$138,902"]
    assert rows[3] == ["Cost of revenue", "30,148", "26,877", "59,221", "52,641"]
    assert rows[5] == ["Operating expenses:", "", "", "", ""]
    assert rows[-1] == ["Net income (loss)", "$3,037", "$(1,499)", "$2,812", "$(4,603)"]
    texts = [b.text for b in document.text_blocks]
    assert texts[-1] == "About Lumenfield: a software company."
    assert not any("30,148" in text for text in texts)


_DIV_FACTS = {
    ("Revenues", "2025-04-01", "2025-06-30", Decimal("84512000")),
    ("Revenues", "2024-04-01", "2024-06-30", Decimal("71236000")),
    ("Revenues", "2025-01-01", "2025-06-30", Decimal("163874000")),
    ("Revenues", "2024-01-01", "2024-06-30", Decimal("138902000")),
    ("CostOfRevenue", "2025-04-01", "2025-06-30", Decimal("30148000")),
    ("GrossProfit", "2024-01-01", "2024-06-30", Decimal("86261000")),
    ("ResearchAndDevelopmentExpense", "2025-01-01", "2025-06-30", Decimal("28105000")),
    ("OperatingIncomeLoss", "2024-04-01", "2024-06-30", Decimal("-2545000")),
    ("NetIncomeLoss", "2025-04-01", "2025-06-30", Decimal("3037000")),
    ("NetIncomeLoss", "2024-01-01", "2024-06-30", Decimal("-4603000")),
}


@pytest.mark.parametrize("layout", list(_DIV_LAYOUTS))
def test_a_statement_laid_out_in_div_rows_gives_its_facts(layout: str) -> None:
    document = read(_DIV_PAGE.format(grid=_DIV_LAYOUTS[layout]))
    conversion = convert_document(document, "divgrid", ConvertOptions(formats=("xml",)))
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    facts = {
        (f.concept, str(contexts[f.context].start), str(contexts[f.context].end), f.value)
        for f in conversion.facts.facts
        if f.unit == "USD"
    }
    assert facts >= _DIV_FACTS, sorted(_DIV_FACTS - facts)


def _word_cells(printed: str, dollar: bool) -> tuple[str, str, str]:
    """A value as Word exports it: the opening marks ("$", "(" or "$(") in a cell before
    the digits, the closing bracket in a cell after them."""
    negative = printed.startswith("(")
    opening = ("$" if dollar else "") + ("(" if negative else "")
    return opening, printed.strip("()"), ")" if negative else ""


@pytest.mark.parametrize("dollar", [False, True], ids=["bare", "dollar"])
def test_a_negative_printed_over_three_cells_keeps_its_value(dollar: bool) -> None:
    """ "(" | "7,882" | ")": the bracket cells belong to the number between them."""
    rows = (
        ("Revenues", "412,806", "389,517", True),
        ("Interest expense, net", "(7,882)", "(8,415)", False),
        ("Net income (loss)", "(1,216)", "594", dollar),
    )
    body = [
        tds("", "", "Three Months Ended September 30,", ""),
        tds("", "", "2025", "", "", "", "2024", ""),
    ]
    body += [tds(label, *_word_cells(a, d), "", *_word_cells(b, d)) for label, a, b, d in rows]
    page = f"<p>Acme Corp. reports its third quarter 2025.</p><p>(in thousands)</p>{table(*body)}"
    conversion = convert_document(read(page), "release", ConvertOptions(formats=("xml",)))
    periods = {c.id: c.period for c in conversion.facts.contexts}
    facts = {(f.concept, str(periods[f.context].end), abs(f.value)) for f in conversion.facts.facts}
    assert facts == {
        ("Revenues", "2025-09-30", Decimal("412806000")),
        ("Revenues", "2024-09-30", Decimal("389517000")),
        ("InterestExpenseNonoperating", "2025-09-30", Decimal("7882000")),
        ("InterestExpenseNonoperating", "2024-09-30", Decimal("8415000")),
        ("NetIncomeLoss", "2025-09-30", Decimal("1216000")),
        ("NetIncomeLoss", "2024-09-30", Decimal("594000")),
    }
    net = {
        str(periods[f.context].end): f.value
        for f in conversion.facts.facts
        if f.concept == "NetIncomeLoss"
    }
    assert net == {"2025-09-30": Decimal("-1216000"), "2024-09-30": Decimal("594000")}
    assert conversion.report.numbers_in_tables == 6


# A statement in div rows whose every amount has a sign cell before it, "$" or empty;
# its column headers printed four ways. The header of periods names the amounts, never
# the sign cells: a header row printed one cell per period (no cell over the signs) heads
# the amounts in turn, as a padded or spanning one does.
_SIGNED_ROWS = (
    ("Revenue", ("$84,512", "$71,236", "$163,874", "$138,902")),
    ("Cost of revenue", ("30,148", "26,877", "59,221", "52,641")),
    ("Gross profit", ("54,364", "44,359", "104,653", "86,261")),
    ("Net income (loss)", ("$1,921", "$(2,545)", "$6,623", "$(6,722)")),
)
_SPANS = ("Three Months Ended June 30,", "Six Months Ended June 30,")


def _cell(text: str, span: int = 1) -> str:
    style = f' style="grid-column: span {span}"' if span > 1 else ""
    return f'<div class="c"{style}>{text}</div>'


def _signed_body(sign_cells: str) -> list[list[str]]:
    """The rows' cells; `sign_cells` "every-row" prints an empty sign cell where there
    is no "$", "dollar-rows" prints sign cells only in the rows that print a "$"."""
    rows = []
    for label, values in _SIGNED_ROWS:
        cells = [_cell(label)]
        dollars = any(v.startswith("$") for v in values)
        for value in values:
            if dollars or sign_cells == "every-row":
                cells.append(_cell("$" if value.startswith("$") else ""))
            cells.append(_cell(value.removeprefix("$")))
        rows.append(cells)
    return rows


def _signed_headers(layout: str) -> list[list[str]]:
    years = ("2025", "2024", "2025", "2024")
    if layout == "spacer-cells":
        top = [_cell(""), _cell(""), _cell(_SPANS[0]), *[_cell("")] * 3, _cell(_SPANS[1])]
        return [top + [_cell("")] * 2, [_cell("")] + [_cell(t) for y in years for t in ("", y)]]
    if layout == "inline-spans":
        return [
            [_cell(""), *(_cell(s, 4) for s in _SPANS)],
            [_cell(""), *(_cell(y, 2) for y in years)],
        ]
    if layout == "no-spacer-cells":
        return [[_cell(""), *(_cell(s, 4) for s in _SPANS)], [_cell(""), *map(_cell, years)]]
    # One row, one cell per period.
    return [[_cell(""), *map(_cell, ("Q2 2025", "Q2 2024", "Six Months 2025", "Six Months 2024"))]]


def _signed_statement(layout: str, sign_cells: str) -> str:
    rows = _signed_headers(layout) + _signed_body(sign_cells)
    grid = "\n".join('<div class="r">' + "".join(cells) + "</div>" for cells in rows)
    style = "<style>.t{display:table}.r{display:table-row}.c{display:table-cell}</style>"
    return _DIV_PAGE.format(grid=f'{style}<div class="t">{grid}</div>')


_SIGNED_FACTS = {
    ("Revenues", "2025-04-01", "2025-06-30", Decimal("84512000")),
    ("Revenues", "2024-04-01", "2024-06-30", Decimal("71236000")),
    ("Revenues", "2025-01-01", "2025-06-30", Decimal("163874000")),
    ("Revenues", "2024-01-01", "2024-06-30", Decimal("138902000")),
    ("CostOfRevenue", "2025-04-01", "2025-06-30", Decimal("30148000")),
    ("CostOfRevenue", "2024-04-01", "2024-06-30", Decimal("26877000")),
    ("CostOfRevenue", "2025-01-01", "2025-06-30", Decimal("59221000")),
    ("CostOfRevenue", "2024-01-01", "2024-06-30", Decimal("52641000")),
    ("GrossProfit", "2025-04-01", "2025-06-30", Decimal("54364000")),
    ("GrossProfit", "2024-04-01", "2024-06-30", Decimal("44359000")),
    ("GrossProfit", "2025-01-01", "2025-06-30", Decimal("104653000")),
    ("GrossProfit", "2024-01-01", "2024-06-30", Decimal("86261000")),
    ("NetIncomeLoss", "2025-04-01", "2025-06-30", Decimal("1921000")),
    ("NetIncomeLoss", "2024-04-01", "2024-06-30", Decimal("-2545000")),
    ("NetIncomeLoss", "2025-01-01", "2025-06-30", Decimal("6623000")),
    ("NetIncomeLoss", "2024-01-01", "2024-06-30", Decimal("-6722000")),
}


def _usd_facts(markup: str) -> set[tuple[str, str, str, Decimal]]:
    conversion = convert_document(read(markup), "divgrid", ConvertOptions(formats=("xml",)))
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    return {
        (f.concept, str(contexts[f.context].start), str(contexts[f.context].end), f.value)
        for f in conversion.facts.facts
        if f.unit == "USD"
    }


@pytest.mark.parametrize(
    ("layout", "sign_cells"),
    [
        ("no-spacer-cells", "every-row"),
        ("one-row", "every-row"),
        ("spacer-cells", "every-row"),
        ("inline-spans", "every-row"),
        ("one-row", "dollar-rows"),
    ],
)
def test_div_rows_with_sign_cells_date_each_amount_by_its_header(
    layout: str, sign_cells: str
) -> None:
    assert _usd_facts(_signed_statement(layout, sign_cells)) == _SIGNED_FACTS


def test_div_rows_with_sign_cells_keep_the_header_over_the_amounts() -> None:
    """The sign cells go; the header printed one cell per period stands over the amounts."""
    (found,) = read(_signed_statement("no-spacer-cells", "every-row")).tables
    rows = [[c.text for c in row.cells] for row in found.rows]
    assert rows[0] == ["", _SPANS[0], _SPANS[1]]
    assert [(c.column, c.span) for c in found.rows[0].cells] == [(0, 1), (1, 2), (3, 2)]
    assert rows[1] == ["", "2025", "2024", "2025", "2024"]
    assert rows[3] == ["Cost of revenue", "30,148", "26,877", "59,221", "52,641"]


def test_div_rows_with_a_change_column_beside_the_first_period() -> None:
    """ "2025 | 2024" over "$ 84,512 | 18.6% | $ 71,236": fewer header cells than value
    columns; each amount keeps its own year, and the percentages, which no header cell
    names, are reported as not understood, never dated 2024 by the cell beside them."""
    rows = [
        [_cell(""), _cell("Three Months Ended June 30,")],
        [_cell(""), _cell("2025"), _cell("2024")],
        [_cell("Revenue"), *map(_cell, ("$", "84,512", "18.6%", "$", "71,236"))],
        [_cell("Cost of revenue"), *map(_cell, ("", "30,148", "12.2%", "", "26,877"))],
        [_cell("Net income (loss)"), *map(_cell, ("$", "1,921", "n/m", "$", "(2,545)"))],
    ]
    grid = "\n".join('<div class="r">' + "".join(cells) + "</div>" for cells in rows)
    style = "<style>.t{display:table}.r{display:table-row}.c{display:table-cell}</style>"
    markup = _DIV_PAGE.format(grid=f'{style}<div class="t">{grid}</div>')
    conversion = convert_document(read(markup), "divgrid", ConvertOptions(formats=("xml",)))
    assert {f.unit for f in conversion.facts.facts} == {"USD"}
    unread = {(n.text, n.label) for n in conversion.report.unmapped if not n.deliberate}
    assert unread == {("18.6%", "Revenue"), ("12.2%", "Cost of revenue")}
    facts = _usd_facts(markup)
    assert facts == {
        ("Revenues", "2025-04-01", "2025-06-30", Decimal("84512000")),
        ("Revenues", "2024-04-01", "2024-06-30", Decimal("71236000")),
        ("CostOfRevenue", "2025-04-01", "2025-06-30", Decimal("30148000")),
        ("CostOfRevenue", "2024-04-01", "2024-06-30", Decimal("26877000")),
        ("NetIncomeLoss", "2025-04-01", "2025-06-30", Decimal("1921000")),
        ("NetIncomeLoss", "2024-04-01", "2024-06-30", Decimal("-2545000")),
    }


def test_div_rows_with_fewer_periods_than_amounts_date_no_amount_by_position() -> None:
    """ "2025 | 2024" over three amounts, nothing telling whose the middle one is: it is
    reported as not understood, the outer two keep their years."""
    rows = [
        [_cell(""), _cell("Three Months Ended June 30,")],
        [_cell(""), _cell("2025"), _cell("2024")],
        [_cell("Revenue"), *map(_cell, ("$", "84,512", "$", "80,100", "$", "71,236"))],
        [_cell("Cost of revenue"), *map(_cell, ("", "30,148", "", "29,005", "", "26,877"))],
    ]
    grid = "\n".join('<div class="r">' + "".join(cells) + "</div>" for cells in rows)
    style = "<style>.t{display:table}.r{display:table-row}.c{display:table-cell}</style>"
    markup = _DIV_PAGE.format(grid=f'{style}<div class="t">{grid}</div>')
    conversion = convert_document(read(markup), "divgrid", ConvertOptions(formats=("xml",)))
    unread = {(n.text, n.label) for n in conversion.report.unmapped if not n.deliberate}
    assert unread == {("$80,100", "Revenue"), ("29,005", "Cost of revenue")}
    assert _usd_facts(markup) == {
        ("Revenues", "2025-04-01", "2025-06-30", Decimal("84512000")),
        ("Revenues", "2024-04-01", "2024-06-30", Decimal("71236000")),
        ("CostOfRevenue", "2025-04-01", "2025-06-30", Decimal("30148000")),
        ("CostOfRevenue", "2024-04-01", "2024-06-30", Decimal("26877000")),
    }


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param(
            "<div><span>Cost of revenue</span><span>30,148</span><span>26,877</span></div>",
            "Cost of revenue 30,148 26,877",
            id="number-cells",
        ),
        pytest.param(
            "<div><span>Revenue</span><span>$</span><span>84.5</span></div>",
            "Revenue $84.5",
            id="dollar-cell",
        ),
        pytest.param(
            "<p>Revenue of <span>$</span><span>84.5</span><span> million</span>, up <b>12</b>%</p>",
            "Revenue of $84.5 million, up 12%",
            id="prose-in-spans",
        ),
        pytest.param("<p><b>Reve</b><span>nue</span> grew</p>", "Revenue grew", id="split-word"),
    ],
)
def test_inline_cells_of_a_row_are_not_glued(markup: str, expected: str) -> None:
    """A lone row of inline cells stays prose, but its cells keep apart; inline markup
    inside a sentence still joins as printed."""
    assert blocks(markup) == [("paragraph", expected)]


def test_a_paragraph_between_div_rows_stays_prose() -> None:
    """Prose in a <p> between two grids of <div> rows is not a row of either."""
    rows = "".join(
        f"<div><div>{label}</div><div>{a}</div><div>{b}</div></div>"
        for label, a, b in (
            ("Revenue", "84,512", "71,236"),
            ("Cost of revenue", "30,148", "26,877"),
        )
    )
    document = read(f"<div>{rows}<p>The table below shows the balance sheet.</p>{rows}</div>")
    assert len(document.tables) == 2
    assert [b.text for b in document.text_blocks] == ["The table below shows the balance sheet."]


# A European release's statement: decimal commas, thousands grouped by full stops or by
# no-break spaces, and the currency's mark in a cell of its own on the first row and the
# totals, as Word and newswire pages print it; the caption states the scale.
_EU_ROWS = [
    ("Revenue", True, ("1482,6", "1356,1")),
    ("Cost of sales", False, ("(905,2)", "(830,4)")),
    ("Gross profit", False, ("577,4", "525,7")),
    ("Net income", True, ("118,3", "98,6")),
]

_EU_GROUPS = {"point": ".", "nbsp": "\u00a0"}


def _eu_value(value: str, group: str) -> str:
    """ "1482,6" with its thousands grouped ("1.482,6", "1 482,6")."""
    whole, fraction = value.split(",")
    digits = whole.strip("(")
    if len(digits) > 3:
        digits = digits[:-3] + group + digits[-3:]
    return ("(" if whole.startswith("(") else "") + digits + "," + fraction


def _eu_page(caption: str, mark: str, group: str) -> str:
    header = "<tr><td></td><td></td><td>Q3 2025</td><td></td><td>Q3 2024</td></tr>"
    rows = []
    for label, marked, values in _EU_ROWS:
        cells = "".join(
            f"<td>{mark if marked else ''}</td><td>{_eu_value(v, group)}</td>" for v in values
        )
        rows.append(f"<tr><td>{label}</td>{cells}</tr>")
    return (
        "<html><body><h1>Nordavia Reports Third Quarter 2025 Results</h1>"
        "<p>Munich, November 6, 2025 -- Nordavia SE today reported results for the third "
        "quarter ended September 30, 2025.</p>"
        "<p><b>Consolidated Income Statement</b></p>"
        f"<p>{caption}</p><table>{header}{''.join(rows)}</table>"
        "<p>About Nordavia: an industrial company.</p></body></html>"
    )


def _eu_facts(markup: str) -> set[tuple[str, str, str, str, Decimal]]:
    conversion = convert_document(read(markup), "eu", ConvertOptions(formats=("xml",)))
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    return {
        (f.concept, str(contexts[f.context].start), str(contexts[f.context].end), f.unit, f.value)
        for f in conversion.facts.facts
    }


@pytest.mark.parametrize("group", list(_EU_GROUPS))
@pytest.mark.parametrize(("mark", "unit"), [("€", "EUR"), ("$", "USD")])
def test_a_currency_mark_in_its_own_cell_joins_a_decimal_comma_number(
    mark: str, unit: str, group: str
) -> None:
    """ "€" | "118,3" is one value, "€118,3", as "€" | "118.3" is: the reader sees a number
    in either convention, the table stage reads its value. Split, the value fell into a
    column with no period and the label became "Net income €"."""
    markup = _eu_page("(in millions)", mark, _EU_GROUPS[group])
    (found,) = read(markup).tables
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in found.rows}
    printed = {"point": ["1.482,6", "1.356,1"], "nbsp": ["1 482,6", "1 356,1"]}[group]
    assert rows["Revenue"] == [f"{mark}{printed[0]}", f"{mark}{printed[1]}"]
    assert rows["Net income"] == [f"{mark}118,3", f"{mark}98,6"]
    facts = _eu_facts(markup)
    assert {
        ("Revenues", "2025-07-01", "2025-09-30", unit, Decimal("1482600000")),
        ("Revenues", "2024-07-01", "2024-09-30", unit, Decimal("1356100000")),
        ("NetIncomeLoss", "2025-07-01", "2025-09-30", unit, Decimal("118300000")),
        ("NetIncomeLoss", "2024-07-01", "2024-09-30", unit, Decimal("98600000")),
        ("GrossProfit", "2025-07-01", "2025-09-30", unit, Decimal("577400000")),
    } <= facts


# Each way a European caption states the scale, with the revenue of Q3 2025 ("1.482,6") it
# makes, written out.
_EU_CAPTIONS = {
    "in Mio. EUR": Decimal("1482600000"),
    "EUR Mio.": Decimal("1482600000"),
    "Mio. €": Decimal("1482600000"),
    "(in EUR Mio.)": Decimal("1482600000"),
    "in Tsd. EUR": Decimal("1482600"),
    "Tsd. €": Decimal("1482600"),
    "TEUR": Decimal("1482600"),
    "kEUR": Decimal("1482600"),
    "in Mrd. EUR": Decimal("1482600000000"),
    "EUR mn": Decimal("1482600000"),
    "EUR bn": Decimal("1482600000000"),
    "MEUR": Decimal("1482600000"),
    "in mln EUR": Decimal("1482600000"),
    "EUR mill.": Decimal("1482600000"),
}


@pytest.mark.parametrize("caption", list(_EU_CAPTIONS))
def test_a_european_scale_caption_scales_the_table(caption: str) -> None:
    """German, Dutch and Nordic scale words ("Mio.", "Tsd.", "Mrd.", "mln", "mill.") are
    the taxonomy's scale words, as "million" is: unread, every amount came out 10^6 too
    small."""
    facts = _eu_facts(_eu_page(caption, "€", "."))
    revenue = ("Revenues", "2025-07-01", "2025-09-30", "EUR", _EU_CAPTIONS[caption])
    assert revenue in facts


@pytest.mark.parametrize("closed", [True, False])
def test_text_after_a_table_that_is_never_closed_is_read_after_it(closed: bool) -> None:
    """A release whose last table lacks its end tag: the parser nests the heading and
    paragraph after it inside the table; they are the release's text after the table,
    as a browser shows them, not lost with the table's rows."""
    end = "</table>" if closed else ""
    document = read(
        "<html><body><h2>Balance sheet</h2><table>"
        "<tr><td></td><td>June 30, 2025</td><td>December 31, 2024</td></tr>"
        "<tr><td>Cash</td><td>96.4</td><td>88.1</td></tr>"
        "<tr><td>Inventories</td><td>41.0</td><td>39.5</td></tr>"
        "<tr><td>Total assets</td><td>612.3</td><td>598.0</td></tr>"
        f"{end}<h2>Liquidity</h2><p>Cash was $96.4 million at June 30, 2025.</p></body></html>"
    )
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in document.blocks]
    assert kinds == [
        ("Heading", "Balance sheet"),
        ("Table", ""),
        ("Heading", "Liquidity"),
        ("Paragraph", "Cash was $96.4 million at June 30, 2025."),
    ]
