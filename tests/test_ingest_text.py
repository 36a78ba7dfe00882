"""The plain-text reader on each layout it supports.

Layouts: tab-separated; fixed-width (SEC `<TABLE>` markup or plain space alignment); one
cell per paragraph; statements flattened onto one line. Synthetic cases pin each layout's
quirks. Hypothesis checks that any text reads without error, and that random grids printed
in each layout read back to the same cells. The corpus tests count, on two real releases,
the hand-checked facts that sit in a table row carrying their label.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.document import Document, Heading, Row, Table
from exporter.ingest.text import read_text
from exporter.ingest.text.grid import stack_headers
from exporter.numbers import parse_number

HERE = Path(__file__).parent
CORPUS = HERE / "fixtures" / "corpus"
SAMPLE = HERE / "fixtures" / "qifu-2024q4.txt"
NB = "\u00a0"


def _nb(text: str) -> str:
    """Fixture text with `~` standing for a no-break space."""
    return text.replace("~", NB)


def _table(text: str) -> Table:
    (table,) = read_text(text, "case.txt").tables
    return table


def _cells(row: Row) -> list[str]:
    """A row as its cell texts in column order, a span written as `*n`."""
    column = 0
    out = []
    for cell in row.cells:
        assert cell.column == column, f"cells must be dense: {row}"
        out.append(cell.text + (f"*{cell.span}" if cell.span > 1 else ""))
        column += cell.span
    return out


def _grid(table: Table) -> list[list[str]]:
    return [_cells(row) for row in table.rows]


# --- one synthetic case per layout and quirk -------------------------------------------

TAB = """Statements of Operations

\tYear ended December 31,\t
\t2023\t2024
Revenue\t1,000\t1,200
Net loss\t(50)\t75
"""

FIXED_MARKUP = """                          ACME WIDGETS, INC.
                 CONDENSED STATEMENTS OF OPERATIONS
                (In millions, except per share amounts)

<TABLE>
<CAPTION>
                                            Three Months Ended        Nine Months Ended
                                               September 30,             September 30,
                                           --------------------     --------------------
                                             2004        2003         2004        2003
                                           --------    --------     --------    --------
<S>                                        <C>         <C>          <C>         <C>
Net sales ..............................   $ 2,014     $ 1,715      $ 6,338     $ 4,658
Cost of sales ..........................     1,475       1,250        4,654       3,398
                                           --------    --------     --------    --------
Gross margin ...........................       539         465        1,684       1,260

Operating expenses:
  Restructuring costs ..................        --           3           --          26
Income (loss) before provision for
  income taxes .........................        61         (44)         (10)        --
<FN>
(1) Includes a gain on sale of investments.
</FN>
</TABLE>
"""

FIXED_PLAIN = """                         CONDENSED BALANCE SHEETS
                              (In millions)

                                      September 30,     December 31,
                                          2004              2003
                                      -------------     ------------
Cash and cash equivalents ........       $ 4,566          $ 3,396
Accounts receivable, net .........         1,012              766
                                      -------------     ------------
Total assets .....................       $ 8,050          $ 6,815

The company reported results today.  All amounts are unaudited.
"""

CELLS = """STATEMENTS OF COMPREHENSIVE

LOSS

U.S. dollars in thousands

Year ended

Three months ended

December 31,

December 31,

2023

2022

2023

2022

Revenues

$

497

$

550

138

99

Fixed assets, net

461

598

-

12

2,263

5,558

1

2

Total Foresight Autonomous Holdings

LTD. shareholders’ equity

-11,587

-

3

4

Contact Details

+1 917-607-8654
"""

FLAT = _nb(
    " ACME INC.CONDENSED BALANCE SHEETS~ ~ ~ ~~ September 30, ~ December 31,~ 2024 ~ 2023~"
    " (UNAUDITED) ~ ~ASSETS ~ ~ ~Cash and cash equivalents $~~~~~~~~~~ 2,707,688 ~ $~~~~~~~~~~"
    " 6,042,986Marketable securities ~~~~~~~~~~~ 46,650,200 ~ ~~~~~~~~~~~~ 42,296,589Notes"
    " payable ($6,000,000 in principal is held by a related party) ~~~~~~~~~~~ 24,370,509 ~"
    " ~Warrant liability ~~~~~~~~~~~~~~~~ -~~ ~ ~~~~~~~~~~~~~~~~ 563(Loss) on notes ~~~~~~~~"
    " (1,111,552) ~ ~~~~~~~~ (93,191)~ ~ ~ ~Common Stock; 95,000,000 Shares authorized;"
    " 31,092,695 issued as of~ September 30, 2024 and 30,920,450 issued as of December 31,"
    " 2023 ~~~~~~~~~~~~~~~~~ 31,093 ~ ~~~~~~~~~~~~~~~~~ 30,920Deferred revenues ~ ~ ~~~~~~~"
    " 2,243,719Shares outstanding - basic 31,098,180 ~ 32,459,838~ ~ ~ ~Total assets"
    " $~~~~~~~~ 57,511,990 ~ $~~~~~~~~ 58,888,612 "
)

TOTAL_VALUES = ["-11,587", "-", "3", "4"]

LAYOUTS = [
    pytest.param(
        TAB,
        [
            ["", "Year ended December 31,", ""],
            ["", "2023", "2024"],
            ["Revenue", "1,000", "1,200"],
            ["Net loss", "(50)", "75"],
        ],
        id="tab-separated",
    ),
    pytest.param(
        FIXED_MARKUP,
        [
            ["", "Three Months Ended*2", "Nine Months Ended*2"],
            ["", "September 30,*2", "September 30,*2"],
            ["", "2004", "2003", "2004", "2003"],
            # a `$` printed before a number stays with it, as it would in a cell of its own
            ["Net sales", "$2,014", "$1,715", "$6,338", "$4,658"],
            ["Cost of sales", "1,475", "1,250", "4,654", "3,398"],
            ["Gross margin", "539", "465", "1,684", "1,260"],
            [""],
            ["Operating expenses:"],
            ["Restructuring costs", "--", "3", "--", "26"],
            ["Income (loss) before provision for income taxes", "61", "(44)", "(10)", "--"],
        ],
        id="fixed-width-sec-markup",
    ),
    pytest.param(
        FIXED_PLAIN,
        [
            ["", "September 30,", "December 31,"],
            ["", "2004", "2003"],
            ["Cash and cash equivalents", "$4,566", "$3,396"],
            ["Accounts receivable, net", "1,012", "766"],
            ["Total assets", "$8,050", "$6,815"],
        ],
        id="fixed-width-plain",
    ),
    pytest.param(
        CELLS,
        [
            ["", "Year ended*2", "Three months ended*2"],
            ["", "December 31,*2", "December 31,*2"],
            ["", "2023", "2022", "2023", "2022"],
            ["Revenues", "$497", "$550", "138", "99"],
            ["Fixed assets, net", "461", "598", "-", "12"],
            ["", "2,263", "5,558", "1", "2"],
            ["Total Foresight Autonomous Holdings LTD. shareholders’ equity", *TOTAL_VALUES],
        ],
        id="cell-per-paragraph",
    ),
    pytest.param(
        FLAT,
        [
            ["", "September 30,", "December 31,"],
            ["", "2024", "2023"],
            ["", "(UNAUDITED)*2"],
            ["ASSETS"],
            ["Cash and cash equivalents", "2,707,688", "6,042,986"],
            ["Marketable securities", "46,650,200", "42,296,589"],
            # one number, padding after it: it fills the first column
            [
                "Notes payable ($6,000,000 in principal is held by a related party)",
                "24,370,509",
                "",
            ],
            ["Warrant liability", "-", "563"],
            ["(Loss) on notes", "(1,111,552)", "(93,191)"],
            [""],
            [
                "Common Stock; 95,000,000 Shares authorized; 31,092,695 issued as of September 30,"
                " 2024 and 30,920,450 issued as of December 31, 2023",
                "31,093",
                "30,920",
            ],
            # one number glued to the next label: it fills the last column
            ["Deferred revenues", "", "2,243,719"],
            ["Shares outstanding - basic", "31,098,180", "32,459,838"],
            [""],
            ["Total assets", "57,511,990", "58,888,612"],
        ],
        id="flattened-line",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUTS)
def test_layout_reads_to_grid(text: str, expected: list[list[str]]) -> None:
    assert _grid(_table(text)) == expected


def test_fixed_width_keeps_titles_captions_and_footnotes_as_text() -> None:
    blocks = read_text(FIXED_MARKUP, "case.txt").blocks
    texts = [(b.kind, b.text) for b in blocks if not isinstance(b, Table)]
    assert texts == [
        ("paragraph", "ACME WIDGETS, INC."),
        ("heading", "CONDENSED STATEMENTS OF OPERATIONS"),
        ("paragraph", "(In millions, except per share amounts)"),
        ("paragraph", "(1) Includes a gain on sale of investments."),
    ]
    assert [b.kind for b in read_text(FIXED_PLAIN, "case.txt").blocks] == [
        "heading",
        "paragraph",
        "table",
        "paragraph",
    ]


def test_cell_tables_keep_their_titles_and_rejoin_a_wrapped_one() -> None:
    blocks = read_text(CELLS, "case.txt").blocks
    assert [(b.kind, getattr(b, "text", None)) for b in blocks] == [
        ("heading", "STATEMENTS OF COMPREHENSIVE LOSS"),
        ("heading", "U.S. dollars in thousands"),
        ("table", None),
        ("heading", "Contact Details"),
        ("heading", "+1 917-607-8654"),
    ]


def test_flattened_title_is_split_from_the_glued_name() -> None:
    blocks = read_text(FLAT, "case.txt").blocks
    assert [(b.kind, getattr(b, "text", None)) for b in blocks] == [
        ("paragraph", "ACME INC."),
        ("heading", "CONDENSED BALANCE SHEETS"),
        ("table", None),
    ]


def test_flattened_rows_all_point_at_the_physical_line() -> None:
    table = _table("Intro\n\n" + FLAT)
    assert {row.line for row in table.rows} == {3}


def test_cell_rows_point_at_their_label_paragraph() -> None:
    table = _table(CELLS)
    assert [row.line for row in table.rows[3:]] == [23, 37, 47, 55]


def test_tables_are_numbered_in_document_order_across_layouts() -> None:
    text = "\n\n".join([FIXED_PLAIN, TAB, CELLS, FLAT, FIXED_MARKUP])
    document = read_text(text, "case.txt")
    assert [t.index for t in document.tables] == [1, 2, 3, 4, 5]
    assert [len(t.rows) for t in document.tables] == [5, 4, 7, 15, 10]


# --- Markdown residue ------------------------------------------------------------------

MARKDOWN = """# Results

**STATEMENTS OF COMPREHENSIVE**

LOSS

U.S. dollars in thousands

![Company logo](https://example.com/logo.png)

Year ended

Three months ended

December 31,

December 31,

2023

2022

2023

2022

**Revenues**^{*1}

$

497

<https://example.com/revenue-note>

550

138^{*2}

99

---

Fixed assets, net

461

598

-

12

2,263

5,558

1

2

Total Foresight Autonomous Holdings

LTD. shareholders’ equity

-11,587

-

3

4

Contact Details

+1 917-607-8654

[Original/Source Press Release](https://example.com/release)
"""


def test_markdown_residue_does_not_disturb_a_table() -> None:
    clean = _grid(_table(CELLS))
    marked = _grid(_table(MARKDOWN))
    assert marked[0] == clean[0]
    # as printed: this copy sets no `$` before 550
    assert marked[3] == ["Revenues^{*1}", "$497", "550", "138", "99"]
    assert marked[4:] == clean[4:]


def test_markdown_links_and_images_make_no_headings() -> None:
    blocks = read_text(MARKDOWN, "case.txt").blocks
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == [
        "Results",
        "STATEMENTS OF COMPREHENSIVE LOSS",
        "U.S. dollars in thousands",
        "Contact Details",
        "+1 917-607-8654",
    ]
    assert not any("logo.png" in getattr(b, "text", "") for b in blocks)


# --- header stacking -------------------------------------------------------------------

YEARS = ("2023", "2022", "2023", "2022")

STACKS = [
    pytest.param(
        [*("Year ended", "Three months ended", "December 31,", "December 31,"), *YEARS],
        4,
        [
            [("Year ended", 0, 2), ("Three months ended", 2, 2)],
            [("December 31,", 0, 2), ("December 31,", 2, 2)],
            [("2023", 0, 1), ("2022", 1, 1), ("2023", 2, 1), ("2022", 3, 1)],
        ],
        id="duration-then-date-then-years",
    ),
    pytest.param(
        ["Year", "Three months", "ended", "ended", "December 31,", "December 31,"],
        4,
        [
            [("Year", 0, 2), ("Three months", 2, 2)],
            [("ended", 0, 2), ("ended", 2, 2)],
            [("December 31,", 0, 2), ("December 31,", 2, 2)],
        ],
        id="header-words-wrapped-cell-by-cell",
    ),
    pytest.param(
        [
            *("Three Months Ended September 30,", "Period-over-", "2024", "2023", "Period %"),
            *("Unaudited", "Unaudited", "Change"),
        ],
        3,
        [
            [("Three Months Ended September 30,", 0, 2), ("Period-over-", 2, 1)],
            [("2024", 0, 1), ("2023", 1, 1), ("Period %", 2, 1)],
            [("Unaudited", 0, 1), ("Unaudited", 1, 1), ("Change", 2, 1)],
        ],
        id="change-column-beside-a-spanning-period",
    ),
    pytest.param(
        ["As of", "As of", "December 31, 2023", "December 31, 2022"],
        2,
        [
            [("As of", 0, 1), ("As of", 1, 1)],
            [("December 31, 2023", 0, 1), ("December 31, 2022", 1, 1)],
        ],
        id="instants",
    ),
    pytest.param(
        ["September 30,", "December 31,", "2024", "2023", "(UNAUDITED)"],
        2,
        [
            [("September 30,", 0, 1), ("December 31,", 1, 1)],
            [("2024", 0, 1), ("2023", 1, 1)],
            [("(UNAUDITED)", 0, 2)],
        ],
        id="two-dates-one-audit-mark",
    ),
    pytest.param(
        ["December 31,", "2025", "September 30,", "2026", "(Audited)", "(Unaudited)"],
        2,
        [
            [("December 31, 2025", 0, 1), ("September 30, 2026", 1, 1)],
            [("(Audited)", 0, 1), ("(Unaudited)", 1, 1)],
        ],
        id="dates-printed-column-after-column",
    ),
    pytest.param(
        ["Three months ended March 31,", "2024", "2025"],
        2,
        [[("Three months ended March 31,", 0, 2)], [("2024", 0, 1), ("2025", 1, 1)]],
        id="one-spanning-cell",
    ),
]


@pytest.mark.parametrize(("texts", "width", "rows"), STACKS)
def test_stacked_header_cells_group_into_rows(
    texts: list[str], width: int, rows: list[list[tuple[str, int, int]]]
) -> None:
    assert stack_headers(texts, width) == rows


def test_a_long_header_run_loses_no_cell() -> None:
    texts = [f"Q{1 + i % 4} {2000 + i}" for i in range(40)]
    rows = stack_headers(texts, 7)
    assert [cell[0] for row in rows for cell in row] == texts
    assert all(sum(span for _, _, span in row) == 7 for row in rows)


# --- regressions -----------------------------------------------------------------------


def test_flat_value_followed_by_a_trailing_space_is_a_number() -> None:
    """The last cell of a flattened line, `58,888,612 `, was read as a label."""
    rows = _grid(_table(FLAT))
    assert rows[-1] == ["Total assets", "57,511,990", "58,888,612"]


def test_fixed_columns_found_when_numbers_end_at_the_same_position() -> None:
    """Equal end positions compared by identity (`is not`) hid every aligned table."""
    assert len(read_text(FIXED_PLAIN, "case.txt").tables) == 1


def test_sample_release_has_only_its_tab_tables() -> None:
    """The tab-separated sample: every tab line is a row, no other layout is seen."""
    text = SAMPLE.read_text(encoding="utf-8")
    document = read_text(text, SAMPLE.name)
    lines = text.splitlines()
    tab_lines = [i + 1 for i, line in enumerate(lines) if "\t" in line and line.strip("\t ")]
    rows = [row.line for table in document.tables for row in table.rows if not row.is_blank]
    assert rows == tab_lines
    assert len(document.tables) == 6


# --- properties ------------------------------------------------------------------------

FRAGMENTS = [
    "<TABLE>", "</TABLE>", "<CAPTION>", "<S>", "<C>", "<FN>", "</FN>", "\t", NB, "$", "  ",
    "2023", "1,234", "(5)", "-", "—", "12%", "Year ended", "December 31,", "Total", "....",
    "Revenue", "**", "\\$", "^{*1}", "![x](y)", "---", "[a](b)", "<http://x>", "LOSS",
    "As of", "(Unaudited)", "0.13", "Net loss", ":", "(", ")", "\n", "\n\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(FRAGMENTS), max_size=120).map("".join),
        st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(lambda f: (NB * 3).join(f) * 4),
    )
)
def test_any_text_reads_without_error(text: str) -> None:
    document = read_text(text, "random.txt")
    assert isinstance(document, Document)
    for table in document.tables:
        assert all(cell.span >= 1 and cell.column >= 0 for row in table.rows for cell in row.cells)


WORDS = ["Revenue", "Cost", "Gross", "Profit", "Net", "Income", "Other", "Cash", "Deferred"]
WORDS += ["Tax", "Loss", "Equity", "Notes", "Payable", "Goodwill", "Inventory", "Expenses"]


@st.composite
def grids(draw: st.DrawFn, min_rows: int = 2, min_width: int = 1) -> dict:
    """A statement: a spanning period header, years, and labelled rows of numbers."""
    width = draw(st.integers(min_width, 4))
    years = [str(2024 - i) for i in range(width)]
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
    magnitude = st.integers(0, 10**9)
    number = st.one_of(
        magnitude.map("{:,}".format),
        magnitude.map("({:,})".format),
        magnitude.map("-{:,}".format).filter(lambda t: t != "-0"),
        st.integers(0, 999).map(lambda n: f"{n / 100:.2f}"),
        st.just("-"),
    )
    rows = draw(
        st.lists(
            st.tuples(words, st.lists(number, min_size=width, max_size=width)),
            min_size=min_rows,
            max_size=8,
        )
    )
    return {"width": width, "years": years, "rows": rows}


def _as_tab(grid: dict) -> str:
    lines = [
        "STATEMENTS OF OPERATIONS",
        "",
        "\tYear ended December 31,",
        "\t" + "\t".join(grid["years"]),
    ]
    lines += [label + "\t" + "\t".join(values) for label, values in grid["rows"]]
    return "\n".join(lines) + "\n"


def _as_fixed(grid: dict) -> str:
    left = max(len(label) for label, _ in grid["rows"]) + 6
    size = max(len(v) for _, values in grid["rows"] for v in values) + 6
    area = size * grid["width"]
    lines = ["STATEMENTS OF OPERATIONS", ""]
    lines.append(" " * left + "Year ended December 31,".center(area))
    lines.append(" " * (left + 2) + "-" * (area - 2))
    lines.append(" " * left + "".join(y.rjust(size) for y in grid["years"]))
    for number, (label, values) in enumerate(grid["rows"]):
        cells = [("$ " + v if number == 0 else v).rjust(size) for v in values]
        lines.append((label + " " + "." * (left - len(label) - 3)).ljust(left) + "".join(cells))
    return "\n".join(lines) + "\n"


def _as_cells(grid: dict) -> str:
    paragraphs = ["STATEMENTS OF OPERATIONS", "Year ended December 31,", *grid["years"]]
    for number, (label, values) in enumerate(grid["rows"]):
        paragraphs.append(label)
        for value in values:
            paragraphs.extend(["$", value] if number == 0 else [value])
    return "\n\n".join(paragraphs) + "\n"


def _as_flat(grid: dict) -> str:
    parts = ["ACME INC.STATEMENTS OF OPERATIONS~ ~ ~~ Year ended December 31,~ "]
    parts.append(" ~ ".join(grid["years"]) + "~ ~ ~ ~")
    for number, (label, values) in enumerate(grid["rows"]):
        mark = "$" if number == 0 else "~"
        cells = [mark + "~" * (18 - len(v)) + " " + v for v in values]
        parts.append(label + " " + " ~ ".join(cells))
    return _nb("".join(parts) + " ")


RENDERINGS = [
    pytest.param(_as_tab, 1, 1, id="tab"),
    pytest.param(_as_fixed, 2, 1, id="fixed-width"),
    pytest.param(_as_cells, 2, 1, id="cell-per-paragraph"),
    pytest.param(_as_flat, 3, 2, id="flattened-line"),
]


def _body(table: Table, width: int) -> list[tuple[str, ...]]:
    rows = []
    for row in table.rows[2:]:
        texts = {cell.column: cell.text for cell in row.cells}
        rows.append(tuple(texts.get(column, "") for column in range(width + 1)))
    return rows


@pytest.mark.parametrize(("render", "min_rows", "min_width"), RENDERINGS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_grid_round_trips_through_layout(render, min_rows: int, min_width: int, data) -> None:
    grid = data.draw(grids(min_rows=min_rows, min_width=min_width))
    table = _table(render(grid))
    expected = [(label, *values) for label, values in grid["rows"]]
    body = _body(table, grid["width"])
    # The `$` the fixed-width and cell prints set before the first row's numbers stays
    # with them.
    dollars = [text for text in body[0][1:] if text.startswith("$")]
    assert len(dollars) == (grid["width"] if render in (_as_fixed, _as_cells) else 0)
    assert [tuple(text.removeprefix("$") for text in row) for row in body] == expected
    years = [c.text for c in table.rows[1].cells if c.column > 0]
    assert years == grid["years"]
    if render is not _as_tab:
        (period,) = [c for c in table.rows[0].cells if c.text]
        assert (period.text, period.column, period.span) == (
            "Year ended December 31,",
            1,
            grid["width"],
        )


# --- the corpus ------------------------------------------------------------------------

# Shares of truth facts found, as reached; a change that loses a fact fails here.
THRESHOLDS = {"foresight-2023q4": 1.0, "forian-2024q3": 1.0}
_FOOTNOTE = re.compile(r"\^\{[^}]*\}|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\(\s*\d{1,2}\s*\)\s*$")
_AUDIT = re.compile(r"\(?\b(?:un)?audited\b\)?", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_FOOTNOTE.sub("", text).split()).casefold()


def _token(text: str) -> str:
    return re.sub(r"[\s$\u00a0]", "", text)


def _truth(stem: str) -> list[dict]:
    return json.loads((CORPUS / "truth" / f"{stem}.json").read_text(encoding="utf-8"))["facts"]


def _document(stem: str) -> Document:
    path = CORPUS / f"{stem}.txt"
    return read_text(path.read_text(encoding="utf-8"), path.name)


def _labelled_rows(document: Document) -> list[tuple[str, list[str]]]:
    """(label, number tokens) per table row; the label is the text before the first number."""
    rows = []
    for table in document.tables:
        for row in table.rows:
            label: list[str] = []
            numbers: list[str] = []
            for cell in row.cells:
                if not cell.text.strip():
                    continue
                if numbers or parse_number(cell.text) is not None:
                    numbers.append(_token(cell.text))
                else:
                    label.append(cell.text)
            rows.append((_key(" ".join(label)), numbers))
    return rows


def _is_header(row: Row) -> bool:
    """No label, and no number other than a year."""
    texts = [c.text for c in row.cells if c.text.strip()]
    if not texts or any(c.text.strip() for c in row.cells if c.column == 0):
        return False
    return all(parse_number(t) is None or re.fullmatch(r"(19|20)\d\d", t) for t in texts)


def _placed_cells(document: Document) -> set[tuple[str, str, str]]:
    """(label, joined column header, token) for every value cell of every table."""
    found = set()
    for table in document.tables:
        headers: dict[int, list[str]] = {}
        for row in table.rows:
            if _is_header(row):
                for cell in (c for c in row.cells if c.text.strip()):
                    for column in range(cell.column, cell.column + cell.span):
                        headers.setdefault(column, []).append(cell.text)
                continue
            label = _key(" ".join(c.text for c in row.cells if c.column == 0))
            for cell in row.cells:
                if cell.column and cell.text:
                    header = _key(_AUDIT.sub("", " ".join(headers.get(cell.column, []))))
                    found.add((label, header, _token(cell.text)))
    return found


@pytest.mark.parametrize("stem", sorted(THRESHOLDS))
def test_truth_facts_sit_in_a_row_with_their_label(stem: str) -> None:
    rows = _labelled_rows(_document(stem))
    facts = _truth(stem)
    missing = [
        (f["label"], f["printed"])
        for f in facts
        if not any(label == _key(f["label"]) and _token(f["printed"]) in n for label, n in rows)
    ]
    assert 1 - len(missing) / len(facts) >= THRESHOLDS[stem], missing


@pytest.mark.parametrize("stem", sorted(THRESHOLDS))
def test_truth_facts_sit_under_their_column_header(stem: str) -> None:
    """Stricter: the number is in the column whose stacked header reads as the truth period."""
    cells = _placed_cells(_document(stem))
    facts = _truth(stem)
    missing = [
        (f["label"], f["period"], f["printed"])
        for f in facts
        if (_key(f["label"]), _key(_AUDIT.sub("", f["period"])), _token(f["printed"])) not in cells
    ]
    assert 1 - len(missing) / len(facts) >= THRESHOLDS[stem], missing


def test_a_rule_of_dashes_under_a_one_column_header_is_no_pipe_table() -> None:
    """A line of dashes alone (no `|`) is the rule of a fixed-width header, not a Markdown
    table's delimiter row."""
    text = (
        "STATEMENTS OF OPERATIONS\n\n"
        "              Year ended December 31,\n"
        "                ---------\n"
        "                     2024\n"
        "Notes ......      $ 1,285\n"
        "Expenses ...            -\n"
    )
    table = _table(text)
    assert [_cells(row) for row in table.rows][-2:] == [["Notes", "$1,285"], ["Expenses", "-"]]


def test_lines_of_unwrapped_text_are_paragraphs_of_their_own() -> None:
    """A newswire copy's bullets that lost their marks: one long line each, no full stop."""
    text = (
        "First Quarter 2026 Highlights\n\n"
        "Operating revenues of $1,284.6 million, an increase of 7.9% from $1,190.3 million in"
        " the first quarter of 2025\n"
        "Operating income of $148.2 million, compared to $97.8 million in the first quarter"
        " of 2025\n"
        "Operating ratio improved 330 basis points to 88.5%\n"
    )
    blocks = [(b.kind, b.text[:20]) for b in read_text(text, "case.txt").blocks]
    assert blocks == [
        ("heading", "First Quarter 2026 H"),
        ("paragraph", "Operating revenues o"),
        ("paragraph", "Operating income of "),
        ("paragraph", "Operating ratio impr"),
    ]


def test_text_wrapped_by_hand_stays_one_paragraph() -> None:
    text = (
        "Operating revenues were $1,284.6 million for the quarter, an increase of 7.9%\n"
        "from $1,190.3 million in the first quarter of 2025. Operating income was\n"
        "$148.2 million.\n"
    )
    (block,) = read_text(text, "case.txt").blocks
    assert block.kind == "paragraph" and block.text.endswith("$148.2 million.")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("4 Expenses", "a) Cost of materials consumed", False),
        ("Earnings per share", "(i) Basic", False),
        ("Accounts receivable, net of", "allowance for doubtful accounts", True),
        ("Net cash provided by operating", "activities", True),
    ],
)
def test_an_enumerated_item_is_no_wrapped_tail(first: str, second: str, expected: bool) -> None:
    from exporter.ingest.text.grid import continues

    assert continues(first, second) is expected


# --- a table stacked under another with columns of its own -------------------------------

_QUARTERS = (
    ("", ("Q3 2025", "Q3 2024", "9M 2025", "9M 2024")),
    ("Revenue", ("148,6", "139,0", "441,9", "418,2")),
    ("EBIT", ("14,4", "9,8", "39,9", "28,0")),
    ("Free cash flow", ("8,4", "-2,1", "3,6", "-6,8")),
)


def _fixed_lines(rows: tuple[tuple[str, tuple[str, ...]], ...], label: int, cell: int) -> str:
    """Fixed-width lines: labels left-aligned in `label` characters, cells right-aligned in
    `cell` characters each."""
    return "\n".join(
        f"{name:<{label}}" + "".join(f"{c:>{cell}}" for c in cells) for name, cells in rows
    )


def _ending_at(label: str, cells: tuple[str, ...], ends: tuple[int, ...]) -> str:
    """A fixed-width line: the label, then each cell right-aligned to end at its position."""
    line = label
    for cell, end in zip(cells, ends, strict=True):
        line = line.ljust(end - len(cell)) + cell
    return line


@pytest.mark.parametrize(
    ("dates", "values", "ends"),
    [
        (("30.09.2025", "31.12.2024"), (("50,3", "48,0"), ("1.842", "1.796")), (41, 54)),
        (("Sep 30, 2025", "Dec 31, 2024"), (("50.3", "48.0"), ("1,842", "1,796")), (43, 62)),
        (("30 Sept. 2025", "31 Dec. 2024"), (("50.3", "48.0"), ("1,842", "1,796")), (51, 65)),
    ],
)
def test_a_stacked_table_with_columns_of_its_own_is_a_table_of_its_own(
    dates: tuple[str, str], values: tuple[tuple[str, str], ...], ends: tuple[int, int]
) -> None:
    """Instants at two dates printed under quarter columns, right-aligned under their own
    headers but not under the quarters' columns: the dates head their own numbers."""
    rows = (("", dates), ("Equity ratio (in %)", values[0]), ("Employees", values[1]))
    stacked = "\n".join(_ending_at(label, cells, ends) for label, cells in rows)
    text = "KEY FIGURES\n\n" + _fixed_lines(_QUARTERS, 24, 11) + "\n\n" + stacked + "\n"
    first, second = read_text(text, "case.txt").tables
    assert _grid(first)[1] == ["Revenue", "148,6", "139,0", "441,9", "418,2"]
    assert _grid(second) == [
        ["", *dates],
        ["Equity ratio (in %)", *values[0]],
        ["Employees", *values[1]],
    ]


def test_a_stacked_table_under_the_same_columns_stays_one_table() -> None:
    """Instants printed under the first two quarter columns share the table's grid."""
    rows = (
        ("", ("30.09.2025", "31.12.2024")),
        ("Equity ratio (in %)", ("50,3", "48,0")),
        ("Employees", ("1.842", "1.796")),
    )
    text = "KEY FIGURES\n\n" + _fixed_lines((*_QUARTERS, ("", ()), *rows), 24, 11) + "\n"
    (table,) = read_text(text, "case.txt").tables
    assert _grid(table)[-1] == ["Employees", "1.842", "1.796", "", ""]


# --- a rule of dash runs one space apart, one run over each column -----------------------


@pytest.mark.parametrize("dash", ["-", "=", "_"])
@pytest.mark.parametrize(
    ("years", "dollar"),
    [(("2025", "2024", "2025", "2024"), True), (("2025", "2024"), False), (("2025", "2024"), True)],
)
def test_a_rule_of_runs_one_space_apart_underlines_each_column(
    dash: str, years: tuple[str, ...], dollar: bool
) -> None:
    """Runs of dashes one space apart ("---------- --------- ---------"), each over one
    column of numbers, underline one year each, not all the years at once."""
    width = len(years)
    rule = " ".join([dash * 10] * width)
    sign = "$" if dollar else " "
    text = "\n".join(
        [
            "ADJUSTED EBITDA BY SEGMENT",
            "",
            " " * 24 + "".join(f"{year:>11}" for year in years),
            " " * 24 + " " + rule,
            "Drilling".ljust(24) + "".join(f" {sign}{'61,208':>9}" for _ in years),
            "Well Services".ljust(24) + "".join(f"  {'24,880':>9}" for _ in years),
            "Corporate and other".ljust(24) + "".join(f"  {'(8,150)':>9}" for _ in years),
        ]
    )
    grid = _grid(_table(text + "\n"))
    assert grid[0] == ["", *years]
    assert grid[-1] == ["Corporate and other", *["(8,150)"] * width]


def test_a_rule_of_runs_one_space_apart_under_a_spanning_header_still_spans() -> None:
    """A run of the rule that stands over two columns keeps the rule one stretch: the
    header it underlines spans both columns."""
    text = (
        "STATEMENTS OF OPERATIONS\n\n"
        + " " * 24
        + "Three Months\n"
        + " " * 24
        + "-" * 22
        + " ---\n"
        + " " * 24
        + "      2025      2024\n"
        + "Revenue".ljust(24)
        + "   184,226   171,903\n"
        + "Net income".ljust(24)
        + "    16,582       272\n"
    )
    assert _grid(_table(text))[0] == ["", "Three Months*2"]


# --- an unbroken rule under several column headers ----------------------------------------

_RULE_UNDER_YEARS = (
    ("", ("Three Months Ended", "Year Ended")),
    ("", ("December 31,", "December 31,")),
)


def _centred(cells: tuple[str, ...], width: int) -> str:
    return "".join(cell.center(width) for cell in cells)


@pytest.mark.parametrize("dash", ["-", "=", "_"])
@pytest.mark.parametrize(
    ("align", "rule_under"),
    [
        ("right", "years"),
        ("centre", "years"),
        ("right", "captions"),
        ("centre", "captions"),
    ],
)
def test_an_unbroken_rule_under_several_headers_widens_none_of_them(
    dash: str, align: str, rule_under: str
) -> None:
    """One unbroken rule under the year row (or under the period captions) says nothing of
    which columns each header heads: each year heads the numbers printed under it, and the
    two captions head two columns each."""

    def line(cells: tuple[str, ...], width: int) -> str:
        return (
            _centred(cells, width) if align == "centre" else "".join(f"{c:>{width}}" for c in cells)
        )

    rule = " " * 26 + dash * 44
    captions = [" " * 26 + line(cells, 22) for _, cells in _RULE_UNDER_YEARS]
    years = " " * 26 + line(("2025", "2024", "2025", "2024"), 11)
    header = [*captions, years, rule] if rule_under == "years" else [captions[0], rule, years]
    body = [
        "Rental revenues".ljust(26)
        + "".join(f"{v:>11}" for v in ("142,815", "136,350", "556,280", "512,940")),
        "Net income".ljust(26)
        + "".join(f"{v:>11}" for v in ("39,627", "32,925", "147,390", "125,217")),
    ]
    text = "\n".join(["STATEMENTS OF OPERATIONS", "", *header, *body]) + "\n"
    grid = _grid(_table(text))
    assert grid[0] == ["", "Three Months Ended*2", "Year Ended*2"]
    assert ["", "2025", "2024", "2025", "2024"] in grid
    assert grid[-1] == ["Net income", "39,627", "32,925", "147,390", "125,217"]


# --- a header stacked in a change column --------------------------------------------------


@pytest.mark.parametrize(
    ("middle", "last"),
    [("1H25 v", "1H24 %"), ("FY25 vs", "FY24 %"), ("Q3 25 v", "Q3 24"), ("on prior", "half %")],
)
def test_a_header_stacked_over_one_column_stays_the_tables_header(middle: str, last: str) -> None:
    """A change column's heading printed over three lines ("Change" / "1H25 v" / "1H24 %"):
    lines whose words stand over the value columns alone are header lines, whatever words
    they hold, not headings or prose cutting the header off the table."""
    pad = " " * 60
    text = (
        "Group financial summary\n\n"
        "A$m                          1H25       2H24       1H24     Change\n"
        f"{pad}{middle}\n"
        f"{pad}{last}\n" + "-" * 66 + "\n"
        "Revenue                   1,842.6    1,765.3    1,701.2        8.3\n"
        "Statutory NPAT               98.4      103.0       82.3       19.6\n"
    )
    document = read_text(text, "case.txt")
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == [
        "Group financial summary",
        "A$m",
    ]
    (table,) = document.tables
    placed = [[(c.text, c.column) for c in row.cells if c.text] for row in table.rows]
    assert placed == [
        [("1H25", 1), ("2H24", 2), ("1H24", 3), ("Change", 4)],
        [(middle, 4)],
        [(last, 4)],
        [("Revenue", 0), ("1,842.6", 1), ("1,765.3", 2), ("1,701.2", 3), ("8.3", 4)],
        [("Statutory NPAT", 0), ("98.4", 1), ("103.0", 2), ("82.3", 3), ("19.6", 4)],
    ]


# --- Markdown delimiter rows of any length -------------------------------------------------

_MARKDOWN_BALANCE = """BALANCE SHEETS

| | June 30, 2025 | December 31, 2024 |
{delimiter}
| | (unaudited) | |
| Cash and cash equivalents | 1,204 | 1,100 |
| Total assets | 9,876 | 9,500 |
"""

_MARKDOWN_GRID = [
    ["", "June 30, 2025", "December 31, 2024"],
    ["", "(unaudited)", ""],
    ["Cash and cash equivalents", "1,204", "1,100"],
    ["Total assets", "9,876", "9,500"],
]


@pytest.mark.parametrize(
    "delimiter",
    [
        "|:--|--:|--:|",
        "|-|-|-|",
        "|:-|:-:|-:|",
        "| - | -: | -: |",
        "|---|---:|---:|",
        ":--|--:|--:",
    ],
)
def test_a_markdown_delimiter_row_of_any_length_is_no_row(delimiter: str) -> None:
    """GitHub Markdown allows one dash or more in a delimiter cell, colons optional."""
    assert _grid(_table(_MARKDOWN_BALANCE.format(delimiter=delimiter))) == _MARKDOWN_GRID


_DELIMITER_CELL = st.builds(
    lambda left, dashes, right, pad: (
        f"{pad}{':' if left else ''}{'-' * dashes}{':' if right else ''}{pad}"
    ),
    st.booleans(),
    st.integers(min_value=1, max_value=8),
    st.booleans(),
    st.sampled_from(["", " ", "  "]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_DELIMITER_CELL, min_size=3, max_size=3))
def test_any_delimiter_spelling_is_no_row(cells: list[str]) -> None:
    delimiter = "|" + "|".join(cells) + "|"
    assert _grid(_table(_MARKDOWN_BALANCE.format(delimiter=delimiter))) == _MARKDOWN_GRID


def test_prose_above_a_header_stays_prose() -> None:
    """A sentence introducing the table reaches over the label column: it is no header
    line, though it runs on over the value columns."""
    text = (
        "Liquidity\n\n"
        "The following table summarizes the Company's cash flows for the nine months ended"
        " September 30, 2025 and 2024:\n\n"
        "(In thousands)                                          2025           2024\n"
        "Net cash provided by operating activities           $ 98,412       $ 84,107\n"
        "Net cash used in investing activities                (41,806)       (38,950)\n"
    )
    document = read_text(text, "case.txt")
    (table,) = document.tables
    assert [(c.text, c.column) for c in table.rows[0].cells if c.text] == [
        ("2025", 1),
        ("2024", 2),
    ]
    assert any(getattr(b, "text", "").startswith("The following table") for b in document.blocks)


_PERIOD_HEADS = " " * 40 + "Three Months Ended    Nine Months Ended"
_YEARS = " " * 44 + "2025      2024      2025      2024"
_ROWS = (
    "Revenue" + " " * 34 + "$ 1,200   $ 1,100   $ 3,500   $ 3,000",
    "Net income" + " " * 35 + "120       110       350       300",
)


@pytest.mark.parametrize(
    ("heads", "caption"),
    [
        (
            (_PERIOD_HEADS + "    (in thousands, except per share data)", _YEARS),
            "(in thousands, except per share data)",
        ),
        ((_PERIOD_HEADS, _YEARS + "    ($ in millions)"), "($ in millions)"),
        (
            (_PERIOD_HEADS, "(in thousands, except per share data)" + _YEARS[37:]),
            "(in thousands, except per share data)",
        ),
    ],
    ids=["right-of-periods", "right-of-years", "left-of-years"],
)
def test_a_unit_phrase_on_a_header_line_is_a_caption_not_a_column(
    heads: tuple[str, str], caption: str
) -> None:
    text = "\n".join(["Statements of Operations", "", *heads, *_ROWS])
    blocks = read_text(text, "case.txt").blocks
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [b.text for b in blocks if not isinstance(b, Table)] == [
        "Statements of Operations",
        caption,
    ]
    assert _grid(table)[:2] == [
        ["", "Three Months Ended*2", "Nine Months Ended*2"],
        ["", "2025", "2024", "2025", "2024"],
    ]


def test_units_printed_over_each_column_stay_its_headers() -> None:
    text = "\n".join(
        [
            "Group key figures",
            "",
            "                                   2025        2024",
            "                                     $m          $m",
            "Revenue                          1,234.5     1,100.2",
            "Net income                         134.5       100.2",
        ]
    )
    assert _grid(_table(text))[:2] == [["", "2025", "2024"], ["", "$m", "$m"]]


# --- period headings printed left of their value columns ----------------------------------

_LEFT_OF_COLUMNS = [
    # the years centred over the dot leaders, under a caption left of the numbers
    (
        "SELECTED CASH FLOW DATA\n\n"
        "              Year Ended December 31,\n"
        "                2025        2024\n\n"
        "Net cash provided by operating activities ...... 142,318   128,904\n"
        "Capital expenditures ........................... 58,412    61,207\n"
        "Net cash used in investing activities .......... 80,126    59,873\n",
        [("2025", 1, 1), ("2024", 2, 1)],
        ["Net cash provided by operating activities", "142,318", "128,904"],
    ),
    # set one column early: the first left of the first column, the second over it
    (
        "Reconciliation of statutory NPAT to Underlying NPATA\n"
        "A$m                                          1H26       1H25\n"
        "------------------------------------------------------------\n"
        "Statutory NPAT                                          126.9      104.3\n"
        "Amortisation of acquired intangibles                     14.6       13.8\n"
        "Underlying NPATA                                        148.2      131.5\n",
        [("1H26", 1, 1), ("1H25", 2, 1)],
        ["Statutory NPAT", "126.9", "104.3"],
    ),
    # four columns: spans and years over the dot leaders
    (
        "SEGMENT RESULTS\n\n"
        "             Three Months Ended      Year Ended\n"
        "              2025    2024         2025    2024\n\n"
        "Revenue ........................ 1,204.5   1,100.2   4,810.7   4,402.9\n"
        "Operating income ...............   210.3     190.6     845.1     771.4\n"
        "Net income .....................   150.8     131.0     602.2     548.3\n",
        [("2025", 1, 1), ("2024", 2, 1), ("2025", 3, 1), ("2024", 4, 1)],
        ["Revenue", "1,204.5", "1,100.2", "4,810.7", "4,402.9"],
    ),
    # four columns set one column early
    (
        "Key figures\n"
        "EUR m                           Q3 2025   Q3 2024   9M 2025   9M 2024\n"
        "Revenue                                  412.8     398.1   1,230.4   1,187.9\n"
        "EBITDA                                    88.2      80.5     260.1     241.7\n"
        "Net profit                                41.6      37.9     122.0     110.3\n",
        [("Q3 2025", 1, 1), ("Q3 2024", 2, 1), ("9M 2025", 3, 1), ("9M 2024", 4, 1)],
        ["Revenue", "412.8", "398.1", "1,230.4", "1,187.9"],
    ),
]


@pytest.mark.parametrize(("text", "years", "first"), _LEFT_OF_COLUMNS)
def test_period_headings_left_of_their_columns_head_them_in_turn(
    text: str, years: list[tuple[str, int, int]], first: list[str]
) -> None:
    """Period headings printed left of the value columns (centred over the dot leaders,
    or one column early) fall by position into the first column, the last of them winning
    (the current period's figures then carry the prior period). A line naming one period
    per column, each left of or over its column in turn, heads the columns by order."""
    table = _table(text)
    placed = [
        [(c.text, c.column, c.span) for c in row.cells if c.text and c.column] for row in table.rows
    ]
    assert years in placed
    assert _cells(table.rows[-3]) == first
    assert not [row.clashes for row in table.rows if row.clashes]


def test_period_spans_left_of_their_columns_head_a_group_each() -> None:
    """Two spans left of four columns head two columns each, in turn."""
    table = _table(_LEFT_OF_COLUMNS[2][0])
    spans = [(c.text, c.column, c.span) for c in table.rows[0].cells if c.text]
    assert spans == [("Three Months Ended", 1, 2), ("Year Ended", 3, 2)]


def test_headings_that_cannot_be_placed_apart_are_reported() -> None:
    """Three years left of two columns cannot head them in turn: they stay where they
    stand, and the row names the column they clash over."""
    text = (
        "SELECTED DATA\n\n"
        "            2025    2024    2023\n\n"
        "Revenue ........................ 1,204.5   1,100.2\n"
        "Operating income ...............   210.3     190.6\n"
        "Net income .....................   150.8     131.0\n"
    )
    clashes = [c for row in _table(text).rows for c in row.clashes]
    assert clashes == [
        "header cells '2025' and '2024' and '2023' all stand over value column 1; "
        "the line could not be placed over the columns"
    ]
