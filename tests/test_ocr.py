"""PDFs without a usable text layer, read through OCR (`--ocr`, exporter/ingest/pdf/ocr_pages.py).

Two inputs, generated here: an image-only PDF of the sample's statements (the sample's
title, dateline and statements typeset by reportlab as `renderings_pdf` does, each page
rendered by pdfium to a 200 dpi greyscale image and saved as an image-only PDF by
Pillow), and the sample's balance sheet in a font with a private encoding
(`hostile_corpus.private_encoding_pdf`). The expected values are independent of OCR: for
the statements, the table facts of the sample's own text file (examples/ converted as
text); for the balance sheet, the same page with a usable Unicode map, read from its
text layer. Without the OCR engine (the extra not installed, or no `tesseract` on the
path) each input is refused with its own message and exit 1.

The OCR tests need Debian's tesseract-ocr (installed by `.ci/run`); without it they are
skipped, unless XBRL_EXPORTER_REQUIRE_OCR is set (as in CI), where they fail.
"""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import hostile_corpus
import pypdfium2 as pdfium
import pytest
from hostile_corpus import private_encoding_pdf, sample_statement_lines
from release_model import Prose, Release, load_release
from renderings_pdf import RULED, render_pdf
from tools import missing_tool

from exporter.cli import main
from exporter.errors import InputError
from exporter.facts.model import FactSet, SourceKind
from exporter.facts.ocr_review import WITHHELD
from exporter.ingest import read_document
from exporter.ingest.pdf import ocr
from exporter.options import ConvertOptions
from exporter.pipeline import Conversion, convert
from exporter.report import report_json, summary_text

SAMPLE = Path(__file__).parent.parent / "examples" / "qifu-2024q4.txt"
PRIVATE = b"1 beginbfrange <20> <7E> <E020> endbfrange"  # every code to the private-use area
IDENTITY = b"1 beginbfrange <20> <7E> <0020> endbfrange"  # the same page, readable
INSTALL = "pip install 'xbrl-exporter[ocr]'"
SCAN_DPI = 200
Key = tuple[str, str, str]


@pytest.fixture(scope="module")
def engine() -> str:
    name = ocr.engine()
    if name is None:
        message = "Tesseract not installed (apt-get install tesseract-ocr; pip install pytesseract)"
        missing_tool(message, "XBRL_EXPORTER_REQUIRE_OCR")
    return name


def _scanned(pdf: bytes) -> bytes:
    """`pdf` with every page replaced by a greyscale image of it: no text layer at all."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = [
            document[i].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(document))
        ]
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:])
    return out.getvalue()


@pytest.fixture(scope="module")
def image_only_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    release = load_release()
    heading = tuple(item for item in release.items if isinstance(item, Prose))[:3]
    path = tmp_path_factory.mktemp("scan") / "statements.pdf"
    path.write_bytes(_scanned(render_pdf(Release(heading + tuple(release.statements)), RULED)))
    return path


@pytest.fixture(scope="module")
def private_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("private") / "balance-sheet.pdf"
    path.write_bytes(private_encoding_pdf(PRIVATE))
    return path


def _table_facts(facts: FactSet | None) -> dict[Key, Decimal]:
    assert facts is not None
    return {
        (f.concept, f.context, f.unit): f.value
        for f in facts.facts
        if f.source.kind is SourceKind.TABLE
    }


def _check_recovered(conversion: Conversion, expected: dict[Key, Decimal]) -> float:
    """The share of `expected` facts published with their value; the rest must be listed
    for review (unmapped, with a reason), and no published fact may have another value."""
    got = _table_facts(conversion.facts)
    right = [k for k, v in expected.items() if got.get(k) == v]
    wrong = {k: (v, got[k]) for k, v in expected.items() if k in got and got[k] != v}
    assert wrong == {}
    missing = [k for k in expected if k not in got]
    assert len(conversion.report.unmapped) >= len(missing)
    assert all(u.reason for u in conversion.report.unmapped)
    return len(right) / len(expected)


# --- without the OCR engine -------------------------------------------------------------


@pytest.fixture(params=["extra missing", "tesseract missing"])
def no_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "extra missing":
        monkeypatch.setitem(sys.modules, "pytesseract", None)  # import fails
    else:
        monkeypatch.setattr(ocr.shutil, "which", lambda *_: None)
    assert ocr.engine() is None


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("image_only_pdf", "the PDF has no text layer (scanned?)"),
        ("private_pdf", "the text layer of page 1 is unreadable"),
    ],
)
def test_without_the_engine_each_gets_its_own_message_and_exit_1(
    no_engine: None,
    fixture: str,
    says: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = request.getfixturevalue(fixture)
    with pytest.raises(InputError) as caught:
        convert(path)
    assert says in caught.value.message and INSTALL in caught.value.hint
    assert main(["convert", str(path), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert says in err and INSTALL in err and "Traceback" not in err


def test_ocr_always_without_the_engine_says_so(
    no_engine: None, private_pdf: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["convert", str(private_pdf), "-o", str(tmp_path), "--ocr", "always"]) == 1
    err = capsys.readouterr().err
    assert "--ocr always was given, but the OCR engine (Tesseract) is not installed" in err
    assert INSTALL in err


def test_ocr_never_keeps_the_refusal_and_its_hint(private_pdf: Path) -> None:
    with pytest.raises(InputError) as caught:
        convert(private_pdf, ConvertOptions(ocr="never"))
    assert "the text layer of page 1 is unreadable" in caught.value.message
    assert "ocrmypdf --force-ocr" in caught.value.hint


# --- with it ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_facts() -> dict[Key, Decimal]:
    """The table facts of the sample's text file: the values the statements print."""
    facts = _table_facts(convert(SAMPLE).facts)
    assert len(facts) == 447
    return facts


@pytest.fixture(scope="module")
def scanned(engine: str, image_only_pdf: Path) -> Conversion:
    return convert(image_only_pdf)


def test_the_image_only_statements_convert_through_ocr(
    scanned: Conversion, sample_facts: dict[Key, Decimal]
) -> None:
    assert _check_recovered(scanned, sample_facts) >= 0.98
    assert scanned.report.valid and scanned.files


def test_ocr_facts_keep_their_page_place_and_a_confidence(scanned: Conversion) -> None:
    summary = scanned.report.ocr
    assert summary is not None and summary.engine.startswith("tesseract")
    assert summary.pages == (1, 2, 3, 4, 5)
    table_ids = {f.id for f in scanned.facts.facts if f.source.kind is SourceKind.TABLE}
    listed = {f.fact: f for f in summary.facts}
    assert table_ids <= set(listed)
    for fact in (listed[i] for i in table_ids):
        assert fact.x0 is not None and fact.top is not None and fact.x1 is not None
        assert 0 <= fact.x0 < fact.x1 <= 612 and 0 <= fact.top <= 792
        assert 0 <= fact.confidence <= 1
    assert summary.mean_confidence > 0.8
    assert json.loads(report_json(scanned.report))["ocr"]["pages"] == [1, 2, 3, 4, 5]
    assert "read through OCR (tesseract" in summary_text(scanned.report)


def test_the_review_page_lists_the_ocr_figures_least_sure_first(scanned: Conversion) -> None:
    page = scanned.review.decode("utf-8")
    assert "<h2>Read through OCR</h2>" in page
    summary = scanned.report.ocr
    assert summary is not None
    least = min(summary.facts, key=lambda f: (f.confidence, f.page, f.line))
    section = page[page.index("<h2>Read through OCR</h2>") :]
    body = section[section.index("<tbody>") :]
    first_row = body[: body.index("</tr>")]
    assert f"<code>{least.fact}</code>" in first_row
    assert f"{least.confidence:.0%}" in first_row


def test_the_private_encoding_page_converts_through_ocr(engine: str, private_pdf: Path) -> None:
    reference = private_pdf.with_name("identity.pdf")
    reference.write_bytes(private_encoding_pdf(IDENTITY))
    expected = _table_facts(convert(reference).facts)
    assert len(expected) == 123
    conversion = convert(private_pdf)
    assert conversion.report.ocr is not None and conversion.report.ocr.pages == (1,)
    assert _check_recovered(conversion, expected) >= 0.98
    again = convert(private_pdf)  # deterministic: the same outputs and report, byte for byte
    assert again.files == conversion.files
    assert report_json(again.report) == report_json(conversion.report)


def test_a_total_that_does_not_add_up_withholds_its_column(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cash in the USD column printed 100 short: total current assets no longer adds up
    there (it does in both RMB columns). Read through OCR, that column's total and items
    are withheld and listed; read from a text layer, the release is published as printed."""
    # The sample's balance sheet, line 292: Cash and cash equivalents 4,177,890 4,452,416 609,978
    lines = [
        (x, y, "609,878" if text == "609,978" else text) for x, y, text in sample_statement_lines()
    ]
    monkeypatch.setattr(hostile_corpus, "sample_statement_lines", lambda: lines)
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(private_encoding_pdf(PRIVATE))
    readable = tmp_path / "readable.pdf"
    readable.write_bytes(private_encoding_pdf(IDENTITY))

    conversion = convert(scanned)
    withheld = [u for u in conversion.report.unmapped if u.reason.startswith(WITHHELD)]
    printed = {u.text for u in withheld}
    assert "609,878" in printed  # the cash
    assert all("USD" in u.reason for u in withheld)
    assert all("does not equal the sum of its items" in u.reason for u in withheld)
    published = {(f.concept, f.unit) for f in conversion.facts.facts}
    assert ("CashAndCashEquivalentsAtCarryingValue", "CNY") in published
    assert ("CashAndCashEquivalentsAtCarryingValue", "USD") not in published
    assert any(f.code == "ocr.withheld" for f in conversion.report.findings)
    assert conversion.report.ocr is not None
    assert conversion.report.ocr.withheld == len(withheld)

    as_printed = convert(readable)
    assert as_printed.report.ocr is None
    assert ("CashAndCashEquivalentsAtCarryingValue", "USD") in {
        (f.concept, f.unit) for f in as_printed.facts.facts
    }


def test_a_text_layer_is_not_read_through_ocr_unless_asked(engine: str, tmp_path: Path) -> None:
    path = tmp_path / "identity.pdf"
    path.write_bytes(private_encoding_pdf(IDENTITY))
    assert read_document(path).ocr is None
    text_layer = convert(path)
    always = convert(path, ConvertOptions(ocr="always"))
    assert always.report.ocr is not None and always.report.ocr.pages == (1,)
    expected = _table_facts(text_layer.facts)
    assert _check_recovered(always, expected) >= 0.98


def test_auto_reads_only_the_pages_without_a_usable_text_layer(engine: str, tmp_path: Path) -> None:
    """A text-layer page followed by a scanned one: only the scan is read through OCR."""
    text_layer = private_encoding_pdf(IDENTITY)
    merged = pdfium.PdfDocument(text_layer)
    scan = pdfium.PdfDocument(_scanned(text_layer))
    try:
        merged.import_pages(scan)
        out = io.BytesIO()
        merged.save(out)
    finally:
        scan.close()
        merged.close()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(out.getvalue())
    document = read_document(path)
    assert document.ocr is not None and document.ocr.pages == (2,)
    assert {c.page for c in document.ocr.chunks} == {2}
    pages = {t.page for t in document.tables}
    assert pages == {1, 2}
