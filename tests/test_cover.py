"""Cover facts (dei names): which document, whose, for which period and fiscal focus.

The period and fiscal rules are tested on hand-built contexts with dates from real
releases; the sample's cover facts as Arelle and edgartools read them from the outputs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.facts.cover import cover_period, fiscal_focus, fiscal_year_end
from exporter.facts.model import Context, Member
from exporter.periods import Period
from exporter.taxonomy_cover import load_cover

CODES = load_cover().fiscal_periods


def _contexts(*spans: tuple[str, str] | str) -> tuple[Context, ...]:
    contexts = []
    for n, span in enumerate(spans):
        if isinstance(span, str):
            period = Period(end=date.fromisoformat(span))
        else:
            period = Period(start=date.fromisoformat(span[0]), end=date.fromisoformat(span[1]))
        contexts.append(Context(id=f"c{n}", period=period))
    return tuple(contexts)


CASES = [
    pytest.param(
        # Qifu: the fourth quarter and the year to December 31
        _contexts(("2024-10-01", "2024-12-31"), ("2024-01-01", "2024-12-31"), "2024-12-31"),
        ("2024-10-01", "2024-12-31"),
        date(2024, 12, 31),
        (2024, "Q4"),
        id="fourth-quarter-and-year",
    ),
    pytest.param(
        # Apple's first quarter of fiscal 2024, beside its 53-week fiscal 2023
        _contexts(("2023-10-01", "2023-12-30"), ("2022-09-25", "2023-09-30")),
        ("2023-10-01", "2023-12-30"),
        date(2023, 9, 30),
        (2024, "Q1"),
        id="first-quarter-of-a-september-year",
    ),
    pytest.param(
        # Best Buy's second quarter of fiscal 2024: 52/53-week year ending late January
        _contexts(("2023-04-30", "2023-07-29"), ("2023-01-29", "2023-07-29")),
        ("2023-04-30", "2023-07-29"),
        date(2023, 1, 28),
        (2024, "Q2"),
        id="second-quarter-by-year-to-date",
    ),
    pytest.param(
        # J&J's fourth quarter: its 52/53-week fiscal 2022 ended on Sunday, January 1, 2023
        _contexts(("2022-10-03", "2023-01-01"), ("2022-01-03", "2023-01-01")),
        ("2022-10-03", "2023-01-01"),
        date(2023, 1, 1),
        (2022, "Q4"),
        id="year-ending-in-the-first-days-of-january",
    ),
    pytest.param(
        # PepsiCo's fourth quarter has 16 weeks
        _contexts(("2022-09-04", "2022-12-31"), ("2022-01-01", "2022-12-31")),
        ("2022-09-04", "2022-12-31"),
        date(2022, 12, 31),
        (2022, "Q4"),
        id="sixteen-week-fourth-quarter",
    ),
    pytest.param(
        _contexts(("2024-01-01", "2024-06-30"), ("2023-01-01", "2023-06-30")),
        ("2024-01-01", "2024-06-30"),
        None,
        None,
        id="half-year-without-a-year-end",
    ),
    pytest.param(
        _contexts(("2024-01-01", "2024-12-31"), ("2023-01-01", "2023-12-31")),
        ("2024-01-01", "2024-12-31"),
        date(2024, 12, 31),
        (2024, "FY"),
        id="year-only",
    ),
]


@pytest.mark.parametrize(("contexts", "cover", "year_end", "focus"), CASES)
def test_cover_period_and_fiscal_focus(contexts, cover, year_end, focus) -> None:
    period = cover_period(contexts)
    assert period == Period(start=date.fromisoformat(cover[0]), end=date.fromisoformat(cover[1]))
    assert fiscal_year_end(contexts, period) == year_end
    if year_end is not None:
        assert fiscal_focus(period, year_end, CODES) == focus


def test_a_first_quarter_finds_the_year_end_on_its_balance_sheet() -> None:
    # eBay's first quarter of 2023: no year-to-date column; the balance sheet compares
    # March 31, 2023 with December 31, 2022, the day before the quarter starts
    contexts = _contexts(("2023-01-01", "2023-03-31"), ("2022-01-01", "2022-03-31"))
    cover = cover_period(contexts)
    assert fiscal_year_end(contexts, cover) is None
    year_end = fiscal_year_end(contexts, cover, frozenset({date(2022, 12, 31)}))
    assert year_end == date(2022, 12, 31)
    assert fiscal_focus(cover, year_end, CODES) == (2023, "Q1")


def test_split_columns_do_not_choose_the_cover_period() -> None:
    member = Member(axis="SegmentsAxis", name="Asia", label="Asia")
    contexts = (
        Context(id="a", period=Period(start=date(2024, 10, 1), end=date(2024, 12, 31))),
        Context(
            id="b", period=Period(start=date(2024, 12, 1), end=date(2024, 12, 31)), member=member
        ),
    )
    assert cover_period(contexts) == Period(start=date(2024, 10, 1), end=date(2024, 12, 31))


# What the sample's outputs state, by hand from the release: "Qifu Technology, Inc.
# (NASDAQ: QFIN; HKEx: 3660) ... fourth quarter and full year ended December 31, 2024".
SAMPLE_COVER = {
    "dei:DocumentType": "Other",
    "dei:AmendmentFlag": "false",
    "dei:DocumentPeriodEndDate": "2024-12-31",
    "dei:DocumentFiscalYearFocus": "2024",
    "dei:DocumentFiscalPeriodFocus": "Q4",
    "dei:CurrentFiscalYearEndDate": "--12-31",
    "dei:EntityRegistrantName": "Qifu Technology, Inc.",
    "dei:TradingSymbol": "QFIN",
    "dei:SecurityExchangeName": "NASDAQ",
}


@pytest.fixture(scope="module")
def written(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("cover")
    assert main(["convert", str(sample), "-o", str(outdir), "--quiet"]) == 0
    return outdir


@pytest.mark.arelle
@pytest.mark.parametrize(
    "entry", ["qifu-2024q4.xml", "qifu-2024q4.xhtml", "qifu-2024q4.json", "qifu-2024q4.csv.json"]
)
def test_arelle_reads_the_cover_facts_from_every_format(written: Path, entry: str) -> None:
    from arelle_check import run_arelle

    result = run_arelle(written / entry)
    assert result.errors == []
    assert result.texts == SAMPLE_COVER


def test_edgartools_shows_the_issuer_the_document_and_labels(written: Path) -> None:
    xbrl_module = pytest.importorskip("edgar.xbrl")
    xbrl = xbrl_module.XBRL.from_directory(written)
    info = xbrl.entity_info
    assert info["entity_name"] == "Qifu Technology, Inc."
    assert info["document_type"] == "Other"
    assert (info["ticker"], info["fiscal_year"], info["fiscal_period"]) == ("QFIN", "2024", "Q4")
    rows = xbrl.statements.income_statement().to_dataframe()
    labels = list(rows["label"])
    assert "Total net revenue" in labels
    assert not [label for label in labels if label.startswith("xe_")]


def test_a_cik_entity_gives_the_central_index_key(sample: Path, tmp_path: Path) -> None:
    argv = ["convert", str(sample), "-o", str(tmp_path), "--quiet", "--format", "xml"]
    argv += ["--entity-scheme", "http://www.sec.gov/CIK", "--entity-id", "0001741530"]
    assert main(argv) == 0
    instance = (tmp_path / "qifu-2024q4.xml").read_text(encoding="utf-8")
    assert (
        '<dei:EntityCentralIndexKey id="cover8" contextRef="D2024-10-01_2024-12-31">'
        "0001741530</dei:EntityCentralIndexKey>"
    ) in instance
