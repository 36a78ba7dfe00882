"""The sample release converts from HTML and PDF renderings to the same facts as its text.

The renderings (`renderings`) print the sample's prose and statements as newswire pages,
Word-made SEC exhibits, Workiva pages and typeset PDFs print releases; they are built in
test code once per session. The facts of each rendering's instance (concept, period,
unit, value, decimals, dimensions; read back by `outputs.xml_facts`, not by the exporter)
must equal all the facts of the text's instance, and every number must be accounted for.

The generator is checked first: each rendering prints every number of the text's tables,
in order, and the PDFs have the layout features they are meant to exercise (wrapped and
repeated headers, a statement continued on a new page, page numbers, rules or none).

Where a rendering gives other facts, a focused test below pins each cause on a small
rendering; a cause still open is marked `xfail(strict=True)` with the defect.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from lxml import html as lxml_html
from outputs import xml_facts
from release_model import Part, Prose, Release, Statement, load_release
from renderings import BY_NAME, RENDERINGS, STEM, Rendering, write_rendering
from renderings_pdf import PLAIN, RULED, render_pdf

from exporter.document import Document, Heading, Paragraph
from exporter.ingest.pdf import read_pdf
from exporter.pipeline import Conversion, convert
from exporter.tables import understand_tables
from exporter.taxonomy import load_taxonomy

INSTANCE = f"{STEM}.xml"
_NUMBER = re.compile(r"^\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?%?$|^-$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")

# Renderings whose facts still differ from the text's, with the cause.
XFAIL: dict[str, str] = {}


def _param(rendering: Rendering) -> pytest.param:
    reason = XFAIL.get(rendering.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(rendering.name, marks=marks, id=rendering.name)


@pytest.fixture(scope="session")
def release() -> Release:
    return load_release()


@pytest.fixture(scope="session")
def rendered(release: Release, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every rendering written once per session."""
    directory = tmp_path_factory.mktemp("renderings")
    return {r.name: write_rendering(r, release, directory) for r in RENDERINGS}


@pytest.fixture(scope="session")
def converted(rendered: dict[str, Path]):
    """Each rendering converted once, when a test first asks for it."""
    return cache(lambda name: convert(rendered[name]))


@pytest.fixture(scope="session")
def text_conversion(sample: Path) -> Conversion:
    return convert(sample)


# --- the generator ----------------------------------------------------------------------


def _tab_numbers(sample: Path) -> list[str]:
    """The numbers of the text's tables, read straight off its tab-separated lines."""
    lines = sample.read_text(encoding="utf-8").splitlines()
    cells = [c.strip() for line in lines if "\t" in line for c in line.split("\t")[1:]]
    return [c for c in cells if _NUMBER.match(c)]


def test_the_model_holds_every_table_number_of_the_text(release: Release, sample: Path) -> None:
    printed = [n for s in release.statements for n in s.numbers]
    assert printed == _tab_numbers(sample)
    assert len(printed) == 499
    assert [len(s.parts) for s in release.statements] == [1, 1, 1, 2, 2]


def _html_numbers(data: bytes) -> list[str]:
    """Numbers in table rows as a browser shows them: hidden cells skipped, a `$` cell
    joined to the number after it, a `)` or `%` cell to the number before it."""
    root = lxml_html.fromstring(data)
    numbers: list[str] = []
    for row in root.iter("tr", "TR"):
        tokens: list[str] = []
        for cell in row:
            if "display:none" in (cell.get("style") or "").replace(" ", ""):
                continue
            text = " ".join("".join(cell.itertext()).split())
            if text in (")", "%") and tokens:
                tokens[-1] += text
            elif tokens and tokens[-1] == "$":
                tokens[-1] = text
            elif text:
                tokens.append(text.replace("\u2014", "-").removeprefix("$"))
        numbers.extend(t for t in tokens if _NUMBER.match(t) and not _YEAR.match(t))
    return numbers


@dataclass(frozen=True)
class PrintedPdf:
    """What pdfplumber sees of a PDF: each page's text lines, and how many rules it draws."""

    pages: list[list[str]]
    rules: int


@pytest.fixture(scope="session")
def printed_pdf(rendered: dict[str, Path]):
    """Each PDF rendering read once by pdfplumber (slow), when a test first asks for it."""

    @cache
    def read(name: str) -> PrintedPdf:
        with pdfplumber.open(rendered[name]) as pdf:
            pages = [(page.extract_text() or "").splitlines() for page in pdf.pages]
            rules = sum(len(page.lines) for page in pdf.pages)
        return PrintedPdf(pages, rules)

    return read


def _is_subsequence(wanted: list[str], tokens: list[str]) -> bool:
    remaining = iter(tokens)
    return all(any(token == number for token in remaining) for number in wanted)


@pytest.mark.parametrize("name", [r.name for r in RENDERINGS])
def test_rendering_is_the_same_bytes_every_time(
    name: str, rendered: dict[str, Path], release: Release
) -> None:
    assert BY_NAME[name].render(release) == rendered[name].read_bytes()


@pytest.mark.parametrize("name", [r.name for r in RENDERINGS])
def test_rendering_prints_every_table_number(
    name: str, rendered: dict[str, Path], printed_pdf, release: Release
) -> None:
    printed = [n for s in release.statements for n in s.numbers]
    if BY_NAME[name].format == "html":
        assert _html_numbers(rendered[name].read_bytes()) == printed
    else:
        pages = printed_pdf(name).pages
        tokens = [t for lines in pages for line in lines for t in line.split()]
        assert _is_subsequence(printed, tokens)


@pytest.mark.parametrize("name", [r.name for r in RENDERINGS if r.format == "pdf"])
def test_pdf_rendering_has_the_layout_it_is_meant_to_test(
    name: str, printed_pdf, release: Release
) -> None:
    pdf = printed_pdf(name)
    assert all(lines[-1] == f"Page {n}" for n, lines in enumerate(pdf.pages, start=1))
    texts = Counter(line for lines in pdf.pages for line in lines)
    assert texts["Three months ended Year ended"] >= 2  # a period header over two lines
    assert texts["December 31, December 31,"] >= 2
    currency_rows = sum(n for line, n in texts.items() if set(line.split()) <= {"RMB", "USD"})
    parts = sum(len(s.parts) for s in release.statements)
    if name == "pdf-split":
        # In pieces, a header block can end a page while its body starts the next.
        last_lines = [lines[-2] for lines in pdf.pages if len(lines) > 1]
        assert any(set(line.split()) <= {"RMB", "USD"} for line in last_lines)
    else:
        assert currency_rows > parts, "no statement continued on a new page under its headers"
    assert (pdf.rules > 0) == (name == "pdf-ruled")


# --- the facts --------------------------------------------------------------------------


def _difference(expected: set, actual: set) -> str:
    missing = sorted(expected - actual, key=str)
    extra = sorted(actual - expected, key=str)
    lines = [f"{len(missing)} facts of the text missing, {len(extra)} facts not in the text"]
    lines += [f"  - {fact}" for fact in missing[:15]] + [f"  + {fact}" for fact in extra[:15]]
    return "\n".join(lines)


@pytest.mark.parametrize("name", [_param(r) for r in RENDERINGS])
def test_rendering_converts_to_the_facts_of_the_text(
    name: str, converted, text_conversion: Conversion
) -> None:
    conversion = converted(name)
    expected = xml_facts(text_conversion.files[INSTANCE])
    actual = xml_facts(conversion.files[INSTANCE])
    assert actual == expected, _difference(expected, actual)
    report, text_report = conversion.report, text_conversion.report
    assert report.valid
    assert (report.facts, report.duplicates) == (text_report.facts, text_report.duplicates)
    assert report.unmapped == ()


# --- the causes, each on a small rendering ------------------------------------------------


def _small_release(release: Release) -> Release:
    """The dateline, three bullets, the statements of operations and comprehensive income."""
    prose = [item for item in release.items if isinstance(item, Prose)]
    dateline = next(p for p in prose if "(NASDAQ:" in p.text)
    bullets = [p for p in prose if p.kind == "bullet"][:3]
    statements = [release.statements[1], release.statements[3]]
    return Release((dateline, *bullets, *statements))


@pytest.fixture(scope="session")
def small_pdfs(release: Release) -> dict[str, Document]:
    small = _small_release(release)
    return {
        name: read_pdf(render_pdf(small, layout), f"{name}.pdf")
        for name, layout in (("ruled", RULED), ("plain", PLAIN))
    }


LAYOUTS = ["ruled", "plain"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_dateline_wrapped_before_a_parenthesis_stays_one_paragraph(
    small_pdfs: dict[str, Document], layout: str
) -> None:
    blocks = small_pdfs[layout].text_blocks
    dateline = next(b for b in blocks if "SHANGHAI" in b.text)
    assert isinstance(dateline, Paragraph)
    assert "(NASDAQ: QFIN; HKEx: 3660) (" in dateline.text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_period_header_centred_over_its_columns_spans_them(
    small_pdfs: dict[str, Document], layout: str
) -> None:
    periods = [
        cell
        for table in small_pdfs[layout].tables
        for row in table.rows
        for cell in row.cells
        if cell.text in ("Three months ended", "Year ended")
    ]
    assert len(periods) >= 4
    assert [cell.span for cell in periods] == [3] * len(periods)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_bullets_read_as_bullets(small_pdfs: dict[str, Document], layout: str) -> None:
    bullets = [b.text for b in small_pdfs[layout].text_blocks if "platform" in b.text]
    assert bullets
    assert not any("(cid:" in text for text in bullets)


def _continued(statement: Statement, label: str) -> Statement:
    """The statement with its last part broken before `label`, continued on a new page."""
    *before, last = statement.parts
    cut = next(i for i, line in enumerate(last.lines) if line.label == label)
    first = Part(last.headers, last.lines[:cut])
    second = Part(last.headers, last.lines[cut:], new_page=True)
    return dataclasses.replace(statement, parts=(*before, first, second))


def test_pdf_statement_continued_under_repeated_headers_is_one_statement(
    release: Release,
) -> None:
    comprehensive = release.statements[3]
    broken = _continued(comprehensive, "Total comprehensive income")
    data = render_pdf(Release((broken,)), PLAIN)
    document = read_pdf(data, "continued.pdf")
    assert {row.page for table in document.tables for row in table.rows} == {1, 2}
    statements = understand_tables(document, load_taxonomy(), "CNY")
    assert len(statements) == 1
    labels = [row.label for block in statements[0].blocks for row in block.rows]
    assert labels.count("Total comprehensive income") == 2


def test_pdf_ascii85_flate_streams_read_like_flate_streams(release: Release) -> None:
    small = Release(_small_release(release).items[:2])
    flate = read_pdf(render_pdf(small, PLAIN), "release.pdf")
    both = read_pdf(render_pdf(small, dataclasses.replace(PLAIN, ascii85=True)), "release.pdf")
    assert both.blocks == flate.blocks


def test_pdf_small_renderings_read_statements(small_pdfs: dict[str, Document]) -> None:
    """The focused tests above have something to look at in both layouts."""
    for document in small_pdfs.values():
        assert len(document.tables) >= 2
        assert any(isinstance(b, Heading) for b in document.text_blocks)
