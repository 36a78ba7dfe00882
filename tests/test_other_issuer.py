"""The same code on another issuer's release: a European issuer reporting in euros.

Nothing in the narrative stage knows Qifu: this synthetic release has its own wording, a
calendar-quarter report without an annual column, euro amounts, a footnote, an outlook
range, and no ADS ratio; its instance must still validate in Arelle with 0/0.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from arelle_check import run_arelle
from outputs import xml_facts

from exporter.facts.model import CheckStatus
from exporter.pipeline import convert
from exporter.write import write_conversion

RELEASE = Path(__file__).parent / "fixtures" / "narrative" / "nordwind-2024q3.txt"


@pytest.fixture(scope="module")
def conversion():
    return convert(RELEASE)


def _records(conversion) -> dict[str, tuple[str, str | None, str | None, Decimal | None]]:
    return {
        r.printed: (r.status.value, r.concept, r.context, r.value)
        for r in conversion.report.text_figures
    }


def test_every_figure_of_the_highlights_and_outlook_is_a_fact(conversion) -> None:
    records = _records(conversion)
    assert records == {
        "€1,234.5 million": (
            "duplicate",
            "Revenues",
            "D2024-07-01_2024-09-30",
            Decimal("1234500000"),
        ),
        "5.2%": (
            "fact",
            "RevenuesPercentChangeFromPriorYear",
            "D2024-07-01_2024-09-30",
            Decimal("0.052"),
        ),
        "€1,173.5 million": (
            "duplicate",
            "Revenues",
            "D2023-07-01_2023-09-30",
            Decimal("1173500000"),
        ),
        "€45.6 million": (
            "duplicate",
            "NetIncomeLoss",
            "D2024-07-01_2024-09-30",
            Decimal("45600000"),
        ),
        "€41.2 million": (
            "duplicate",
            "NetIncomeLoss",
            "D2023-07-01_2023-09-30",
            Decimal("41200000"),
        ),
        "€0.42": (
            "duplicate",
            "EarningsPerShareDiluted",
            "D2024-07-01_2024-09-30",
            Decimal("0.42"),
        ),
        "€0.38": (
            "duplicate",
            "EarningsPerShareDiluted",
            "D2023-07-01_2023-09-30",
            Decimal("0.38"),
        ),
        "8.1%": ("fact", "OperatingMargin", "D2024-07-01_2024-09-30", Decimal("0.081")),
        "7.9%": ("fact", "OperatingMargin", "D2023-07-01_2023-09-30", Decimal("0.079")),
        "€456.7 million": (
            "duplicate",
            "CashAndCashEquivalentsAtCarryingValue",
            "I2024-09-30",
            Decimal("456700000"),
        ),
        "€1.25 billion": (
            "fact",
            "RevenuesOutlookLow",
            "D2024-10-01_2024-12-31",
            Decimal("1250000000"),
        ),
        "€1.30 billion": (
            "fact",
            "RevenuesOutlookHigh",
            "D2024-10-01_2024-12-31",
            Decimal("1300000000"),
        ),
    }


def test_checks_run_on_what_this_release_prints(conversion) -> None:
    outcomes = {o.id: o.status for o in conversion.report.cross_checks}
    assert outcomes["check.margin"] is CheckStatus.PASSED
    assert outcomes["check.stated-change"] is CheckStatus.PASSED
    assert outcomes["check.text-vs-table"] is CheckStatus.PASSED
    assert outcomes["check.per-ads"] is CheckStatus.NOT_APPLICABLE
    assert outcomes["check.translation"] is CheckStatus.NOT_APPLICABLE


def test_footnote_links_the_margin_facts(conversion) -> None:
    (footnote,) = conversion.report.footnotes
    assert footnote.text.startswith("Operating margin is income from operations")
    assert len(footnote.facts) == 2


@pytest.mark.arelle
def test_arelle_validates_the_other_issuer(conversion, tmp_path: Path) -> None:
    write_conversion(conversion, tmp_path)
    instance = tmp_path / "nordwind-2024q3.xml"
    result = run_arelle(instance)
    assert result.errors == []
    assert result.inconsistencies == []
    assert result.facts == xml_facts(instance.read_bytes())
