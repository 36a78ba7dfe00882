"""PDFs whose text layer does not read (fonts with a private encoding) are refused with
their own message, not "no tables", when they are not read through OCR (`--ocr never`
here; tests/test_ocr.py reads them); the same page with a usable Unicode map reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import private_encoding_pdf

from exporter.errors import InputError
from exporter.ingest import read_document
from exporter.ingest.pdf import unreadable_reason


def _cells(path: Path) -> list[str]:
    document = read_document(path)
    return [c.text for t in document.tables for r in t.rows for c in r.cells]


def test_the_same_page_with_a_usable_unicode_map_reads(tmp_path: Path) -> None:
    path = tmp_path / "identity.pdf"
    path.write_bytes(private_encoding_pdf(b"1 beginbfrange <20> <7E> <0020> endbfrange"))
    cells = _cells(path)
    # The sample's balance sheet, line 292: Cash and cash equivalents 4,177,890 4,452,416
    assert "4,177,890" in cells and "4,452,416" in cells


@pytest.mark.parametrize(
    ("to_unicode", "says"),
    [
        (b"1 beginbfrange <20> <7E> <E020> endbfrange", "characters are private-use"),
        (
            b"3 beginbfrange <20> <2F> <0020> <30> <39> <0071> <3A> <7E> <003A> endbfrange",
            "letters come with no digit at all",
        ),
    ],
)
def test_a_private_encoding_is_refused_with_its_own_message(
    tmp_path: Path, to_unicode: bytes, says: str
) -> None:
    path = tmp_path / "private.pdf"
    path.write_bytes(private_encoding_pdf(to_unicode))
    with pytest.raises(InputError) as caught:
        read_document(path, ocr="never")
    assert "the text layer of page 1 is unreadable" in str(caught.value)
    assert says in str(caught.value)
    assert caught.value.location.page == 1
    assert "OCR" in caught.value.hint


@pytest.mark.parametrize(
    "text",
    [
        "(cid:12)(cid:40)(cid:3) (cid:77)(cid:5)",
        "\ufffd" * 10 + " Revenue",  # 10 of 17 characters unmapped
        "Revenue " * 80,  # 560 letters, no digit
    ],
)
def test_unreadable_text_says_why(text: str) -> None:
    assert unreadable_reason(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Cash and cash equivalents 4,177,890 4,452,416 609,978",
        "Condensed Consolidated Balance Sheets",  # short, no digit: a title page
        "Total assets 45,000 (cid:3)",
        "",
    ],
)
def test_readable_text_has_no_reason(text: str) -> None:
    assert unreadable_reason(text) is None
