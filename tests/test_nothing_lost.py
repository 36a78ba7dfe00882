"""Nothing lost: every number printed in a table is a fact, a duplicate, or reported.

The count is independent of the exporter's number parser: `numeric_tokens` below is its
own small tokenizer, run over the reader's table cells (and, for the tab-separated sample,
over the raw text lines). A row with nothing in its label (first) cell whose numbers are
all bare years is a header row. Each
number must then be accounted for exactly once, by where it was printed (line, page and
text): as the source of a fact, as a consistent duplicate listed on a fact, or as an
unmapped number with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stages import table_facts

from exporter.accounting import UNACCOUNTED, account_for_numbers
from exporter.document import Cell, Document, Paragraph, Row, Table
from exporter.facts.model import FactSet
from exporter.ingest import read_document
from exporter.mapping import map_tables
from exporter.metadata import read_metadata
from exporter.options import ConvertOptions
from exporter.pipeline import convert_document
from exporter.report import Report
from exporter.tables import understand_tables
from exporter.taxonomy import load_taxonomy

HERE = Path(__file__).parent
SAMPLE = HERE / "fixtures" / "qifu-2024q4.txt"
CORPUS = HERE / "fixtures" / "corpus"

_NUMBER = re.compile(
    r"""^[(\-−–—+]?\s*(?:US\$|HK\$|NT\$|RMB|\$|€|£|¥|₹)?\s*\(?\s*[-−–—]?\s*
    (?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*%?\s*\)?\s*%?$""",
    re.VERBOSE,
)
_FOOTNOTES = re.compile(r"(?:\s*(?:\([a-zA-Z]\)|\*+|[¹²³⁰-⁹]+))+$")
_DASH = re.compile(r"^(?:\$\s*)?(?:-{1,2}|[—–−‒―]{1,2})\s*%?(?:\s*\$)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def token(text: str) -> str | None:
    """The cell as a number token, or None: digits in accounting print, or a dash."""
    cleaned = _FOOTNOTES.sub("", text.strip().replace("\u00a0", " "))
    if _DASH.match(cleaned):
        return cleaned
    if re.search(r"\d", cleaned) and _NUMBER.match(cleaned):
        return cleaned
    return None


def numeric_tokens(cells: list[str]) -> list[str]:
    """The number tokens of one row; none for a header row (no label, only bare years)."""
    found = [t for t in (token(c) for c in cells) if t is not None]
    labelled = bool(cells and cells[0].strip()) and token(cells[0]) is None
    if found and not labelled and all(_YEAR.match(t) for t in found):
        return []
    return found


def document_tokens(document: Document) -> Counter[tuple[int | None, int, str]]:
    """(page, line, text) of every number token in the document's tables."""
    counts: Counter[tuple[int | None, int, str]] = Counter()
    for table in document.tables:
        for row in table.rows:
            for text in numeric_tokens([c.text for c in row.cells]):
                counts[(row.page, row.line, text)] += 1
    return counts


def raw_text_tokens(text: str) -> int:
    """Number tokens in the tab-separated lines of a plain-text release."""
    return sum(len(numeric_tokens(line.split("\t"))) for line in text.splitlines() if "\t" in line)


def facts_of(document: Document) -> FactSet:
    taxonomy = load_taxonomy()
    info = read_metadata(document, taxonomy)
    tables = understand_tables(document, taxonomy, info.currency)
    mapping = map_tables(tables, taxonomy, info.issuer)
    facts = table_facts(document, tables, mapping, info, taxonomy)
    return account_for_numbers(tables, facts)  # as the pipeline does


def accounted(facts: FactSet) -> Counter[tuple[int | None, int, str]]:
    """(page, line, printed) of every fact source, listed duplicate and unmapped number."""
    counts: Counter[tuple[int | None, int, str]] = Counter()
    for fact in facts.facts:
        for source in (fact.source, *fact.duplicates):
            counts[(source.page, source.line, _FOOTNOTES.sub("", source.printed))] += 1
    for number in facts.unmapped:
        counts[(number.page, number.line, _FOOTNOTES.sub("", number.text))] += 1
    return counts


@cache
def converted(path: Path) -> tuple[Document, FactSet, Report]:
    document = read_document(path)
    report = convert_document(document, path.stem, ConvertOptions()).report
    return document, facts_of(document), report


def assert_nothing_lost(document: Document, facts: FactSet, report: Report) -> None:
    expected = document_tokens(document)
    total = sum(expected.values())
    assert report.table_facts + report.duplicates + len(report.unmapped) == total
    assert report.numbers_in_tables == total
    assert report.duplicates == sum(len(f.duplicates) for f in facts.facts)
    got = accounted(facts)
    assert got == expected, {"missing": expected - got, "extra": got - expected}


DOCUMENTS = [
    pytest.param(SAMPLE, id="sample"),
    pytest.param(CORPUS / "apple-fy2004q3.htm", id="apple-2004-html"),
    pytest.param(CORPUS / "apple-fy2024q1.htm", id="apple-2024-html"),
    pytest.param(CORPUS / "foresight-2023q4.txt", id="foresight-text"),
    pytest.param(CORPUS / "forian-2024q3.txt", id="forian-text"),
    pytest.param(CORPUS / "amcor-fy2023q4.pdf", id="amcor-pdf"),
]


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_number_in_every_table_is_accounted_for(path: Path) -> None:
    assert_nothing_lost(*converted(path))


def test_the_sample_counts_match_the_raw_text_and_the_golden_table() -> None:
    document, _, report = converted(SAMPLE)
    raw = raw_text_tokens(SAMPLE.read_text(encoding="utf-8"))
    assert raw == sum(document_tokens(document).values()) == 499
    assert (report.table_facts, report.duplicates, len(report.unmapped)) == (447, 52, 0)


def test_every_unmapped_number_says_why() -> None:
    for path in (CORPUS / "apple-fy2004q3.htm", CORPUS / "forian-2024q3.txt"):
        _, facts, _ = converted(path)
        assert all(u.reason and u.label is not None for u in facts.unmapped)


def test_the_tokenizer_agrees_on_what_a_number_is() -> None:
    cells = ["Revenue", "1,234", "(56)", "$ 7.5", "—", "12.5%", "(a)", "2024", "", "3(b)", "x1"]
    assert [token(c) for c in cells] == [
        None, "1,234", "(56)", "$ 7.5", "—", "12.5%", None, "2024", None, "3", None,
    ]  # fmt: skip
    assert numeric_tokens(["", "2023", "2024"]) == []


def _statement(*rows: Row) -> Document:
    blocks = (
        Paragraph(text="Condensed Consolidated Balance Sheets", line=1),
        Paragraph(text="(In thousands of U.S. dollars)", line=2),
        Table(index=1, rows=rows, line=10),
    )
    return Document(source="release.txt", format="text", blocks=blocks)


def test_regression_a_row_with_numbers_only_in_a_change_column_was_dropped() -> None:
    """The mapping skipped such a row, so the facts stage never saw its number."""
    document = _statement(
        _row(10, ["", "December 31, 2024", "% Change"]),
        _row(20, ["Revenues", "1,234"]),
        _row(21, ["Revenues", "", "5.5"]),
    )
    report = convert_document(document, "release", ConvertOptions()).report
    assert_nothing_lost(document, facts_of(document), report)
    lost = [u for u in report.unmapped if u.line == 21]
    # Listed with its reason: the change of a balance printed against one date only.
    between = "a change of a balance between dates its columns do not single out"
    assert [(u.text, u.reason) for u in lost] in ([], [("5.5", UNACCOUNTED)], [("5.5", between)])


def test_regression_a_figure_left_with_half_its_brackets_was_dropped_silently() -> None:
    """A negative printed over three cells whose "(" a reader did not join leaves "(" and
    "7,882)": no number to read, and no label's words either, yet it was lost unsaid."""
    document = _statement(
        _row(10, ["", "", "September 30, 2025", "", "September 30, 2024"]),
        _row(20, ["Revenues", "", "412,806", "", "389,517"]),
        _row(21, ["Interest expense, net", "(", "7,882)", "(", "8,415)"]),
    )
    report = convert_document(document, "release", ConvertOptions()).report
    lost = [(u.text, u.line) for u in report.unmapped if not u.deliberate]
    assert lost == [("7,882)", 21), ("8,415)", 21)]
    assert report.numbers_in_tables == 4


# --- random tables: whatever the layout, every number is accounted for --------------------

_LABELS = [
    "Revenues", "Net income", "Total assets", "Cash and cash equivalents", "Other", "Total",
    "Cost of revenue", "Basic", "Diluted", "Weighted average shares", "Gross margin %", "",
]  # fmt: skip
_HEADERS = [
    "Three months ended December 31,", "December 31, 2024", "2024", "2023", "RMB", "USD",
    "% Change", "Year ended", "Notes", "",
]  # fmt: skip
_VALUES = ["1,234", "(56)", "7.5", "—", "12.5%", "$ 9", "0", "-", "2024", "(1,000.25)", "", "n/a"]


def _row(line: int, texts: list[str]) -> Row:
    return Row(cells=tuple(Cell(text=t, column=i) for i, t in enumerate(texts)), line=line)


@st.composite
def random_documents(draw: st.DrawFn) -> Document:
    width = draw(st.integers(2, 5))
    header_rows = draw(st.lists(st.lists(st.sampled_from(_HEADERS), min_size=width - 1,
                                         max_size=width - 1), max_size=2))  # fmt: skip
    data_rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(_LABELS),
                st.lists(st.sampled_from(_VALUES), min_size=1, max_size=width),
            ),
            min_size=1,
            max_size=8,
        )
    )
    rows = [_row(10 + i, ["", *h]) for i, h in enumerate(header_rows)]
    rows += [_row(20 + i, [label, *values]) for i, (label, values) in enumerate(data_rows)]
    title = draw(st.sampled_from(["Condensed Consolidated Balance Sheets", "Other data", ""]))
    caption = draw(st.sampled_from(["(In thousands of U.S. dollars)", "(RMB in millions)", ""]))
    blocks = [Paragraph(text=t, line=n) for n, t in ((1, title), (2, caption)) if t]
    return Document(
        source="random.txt",
        format="text",
        blocks=(*blocks, Table(index=1, rows=tuple(rows), line=10)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_documents())
def test_random_tables_lose_no_number(document: Document) -> None:
    if not document_tokens(document):
        return  # nothing to account for (and nothing to convert)
    report = convert_document(document, "random", ConvertOptions()).report
    assert_nothing_lost(document, facts_of(document), report)
