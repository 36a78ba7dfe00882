"""Releases that announce results in sentences and bullets only convert from their prose.

The expected facts are the amounts the releases' bullets and opening paragraphs state,
read by hand from the files (tests/fixtures/unlabeled/): period from the title or the
sentence, currency as printed, values scaled by the printed word.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from outputs import xml_facts

from exporter.errors import ExtractionError
from exporter.options import ConvertOptions
from exporter.pipeline import convert

UNLABELED = Path(__file__).parent / "fixtures" / "unlabeled"
Q1_2026 = "2026-01-01/2026-03-31"


def _facts(name: str) -> set[tuple[str, str, str, Decimal]]:
    conversion = convert(UNLABELED / name, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    return {(c.split("#")[1], p, u, v) for c, p, u, v, *_ in xml_facts(instance)}


def test_bullets_in_renminbi() -> None:
    """Haier: "Revenue of RMB 73.69 billion", "Net profit attributable to shareholders of the
    parent company of RMB 4.65 billion", "Basic EPS of RMB 0.50" for Q1 2026."""
    facts = _facts("haier-2026q1.txt")
    assert ("Revenues", Q1_2026, "iso4217:CNY", Decimal("73690000000")) in facts
    assert ("NetIncomeLoss", Q1_2026, "iso4217:CNY", Decimal("4650000000")) in facts
    assert ("EarningsPerShareBasic", Q1_2026, "iso4217:CNY/xbrli:shares", Decimal("0.50")) in facts


def test_sentences_in_euros() -> None:
    """Intershop: revenues of EUR 7.9 million in the first quarter of 2026; EBITDA EUR 0.9
    million, up from EUR 0.8 million in the same period of the previous year."""
    facts = _facts("intershop-2026q1.txt")
    assert ("Revenues", Q1_2026, "iso4217:EUR", Decimal("7900000")) in facts
    assert ("Ebitda", Q1_2026, "iso4217:EUR", Decimal("900000")) in facts
    assert ("Ebitda", "2025-01-01/2025-03-31", "iso4217:EUR", Decimal("800000")) in facts


def test_a_total_is_named_across_where_it_comes_from(tmp_path: Path) -> None:
    """ "Total revenue and income from principal activities amounted to EUR 410 million" is
    revenue; "revenues from licenses and maintenance fell to EUR 1.0 million" is a part of
    it, not revenue."""
    path = tmp_path / "example-2024h1.txt"
    path.write_text(
        "# Example AG Releases 2024 Interim Results\n\n"
        "In the first half of 2024, total revenue and income from principal activities"
        " amounted to EUR 410 million. Revenues from licenses and maintenance fell to"
        " EUR 1.0 million.\n",
        encoding="utf-8",
    )
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    revenues = {v for c, _, _, v, *_ in xml_facts(instance) if c.endswith("#Revenues")}
    assert revenues == {Decimal("410000000")}


def test_a_release_with_neither_tables_nor_figures_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Example Corp. Announces a New Chief Executive\n\nNo figures here.\n")
    with pytest.raises(ExtractionError, match="nothing to convert"):
        convert(path)


def test_statements_the_readers_cannot_see_make_the_release_incomplete(tmp_path: Path) -> None:
    """A statement the readers cannot see (here printed as an image under its title) must
    not pass for a prose-only release: the status says incomplete and names it."""
    text = (
        "# Example Corp. Reports Third Quarter 2024 Results\n\n"
        "Example Corp. (NASDAQ: EXMP) today reported revenue of $5.0 million for the third "
        "quarter of 2024.\n\n"
        "Condensed Consolidated Balance Sheets\n\n"
        "![balance sheet](https://example.com/balance-sheet.png)\n"
    )
    path = tmp_path / "image.txt"
    path.write_text(text, encoding="utf-8")
    report = convert(path, ConvertOptions(formats=("xml",))).report
    assert report.status == "incomplete"
    assert [u.split(":")[0] for u in report.unread_statements] == ["line 5"]


def _converted(tmp_path: Path, text: str) -> set[tuple[str, str, str, Decimal]]:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    return {(c.split("#")[1], p, u, v) for c, p, u, v, *_ in xml_facts(instance)}


@pytest.mark.parametrize(
    "dateline",
    [
        "ZURICH, SWITZERLAND - March 11, 2026 (EXAMPLEWIRE) - ",
        "OSLO, Norway, 11 March 2026 -- ",
        "",
    ],
    ids=["newswire dateline", "dateline day first", "no dateline"],
)
def test_a_dateline_or_a_meeting_date_does_not_end_the_reported_year(
    tmp_path: Path, dateline: str
) -> None:
    """The release reports the financial year 2025; the dates in its opening paragraph are
    the release's own and a meeting's, not the end of a year."""
    facts = _converted(
        tmp_path,
        "# Example Holdings Publishes Audited 2025 Results\n\n"
        f"{dateline}Example Holdings today publishes its audited results for the financial"
        " year 2025, to be presented at the general meeting on 25 March 2026.\n\n"
        "The Group recorded net income of CHF 55.8 million. At year-end, shareholders'"
        " equity amounted to CHF 688.7 million.\n",
    )
    assert ("NetIncomeLoss", "2025-01-01/2025-12-31", "iso4217:CHF", Decimal("55800000")) in facts
    assert ("StockholdersEquity", "2025-12-31", "iso4217:CHF", Decimal("688700000")) in facts


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("Net sales were $6.4 billion.", "RevenueFromContractWithCustomerExcludingAssessedTax"),
        ("Total revenues were $6.4 billion.", "Revenues"),
        ("Net income was $6.4 billion.", "NetIncomeLoss"),
    ],
)
def test_prose_alone_names_a_line_as_a_table_would(
    tmp_path: Path, sentence: str, concept: str
) -> None:
    """Without a table printing the line, the prose's words pick the element issuers tag
    (net sales are revenue from contracts with customers; net income where no
    noncontrolling interest is named is the parent's own)."""
    facts = _converted(
        tmp_path,
        "# Example Corp. Reports Second Quarter 2026 Results\n\n"
        f"In the second quarter of 2026: {sentence}\n",
    )
    assert {c for c, *_ in facts} == {concept}
