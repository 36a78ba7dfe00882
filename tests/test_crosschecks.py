"""Cross-checks: every rule reported with its outcome, and what a disagreeing release gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from exporter.facts.checks import RULES
from exporter.facts.model import CheckStatus
from exporter.pipeline import convert
from exporter.report import report_json, summary_text

EXPECTED = {
    "check.translation": (CheckStatus.FAILED, 140, 11),
    "check.text-vs-table": (CheckStatus.PASSED, 201, 0),
    "check.duplicates": (CheckStatus.PASSED, 55, 0),
    # The release's effective tax rates (20.4%, 18.5%) are not its tax over pre-tax income.
    "check.margin": (CheckStatus.FAILED, 18, 2),
    "check.per-ads": (CheckStatus.PASSED, 19, 0),
    "check.non-gaap": (CheckStatus.PASSED, 18, 0),
    "check.cross-statement": (CheckStatus.PASSED, 3, 0),
    "check.stated-change": (CheckStatus.PASSED, 13, 0),
    "check.share-of-total": (CheckStatus.PASSED, 2, 0),
    "check.breakdown": (CheckStatus.PASSED, 1, 0),
    # The sample's 63 expense facts are positive, its 36 per-share amounts small, and each
    # of its concepts has one kind of unit.
    "check.expense-sign": (CheckStatus.PASSED, 63, 0),
    "check.per-share-size": (CheckStatus.PASSED, 36, 0),
    "check.one-unit": (CheckStatus.PASSED, 144, 0),
}


@pytest.fixture(scope="module")
def conversion(sample: Path):
    return convert(sample)


def test_rule_ids_are_unique_and_each_is_reported(conversion) -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert [o.id for o in conversion.report.cross_checks] == ids


def test_sample_outcomes(conversion) -> None:
    outcomes = {o.id: (o.status, o.checked, o.failed) for o in conversion.report.cross_checks}
    assert outcomes == EXPECTED


def test_failures_are_findings_with_their_places(conversion) -> None:
    margins = [f for f in conversion.report.findings if f.code == "check.margin"]
    assert {f.location.line for f in margins} == {200}
    assert all("EffectiveIncomeTaxRateContinuingOperations" in f.message for f in margins)


def test_report_json_and_summary_show_every_check(conversion) -> None:
    data = json.loads(report_json(conversion.report))
    assert [c["id"] for c in data["cross_checks"]] == [rule.id for rule in RULES]
    summary = summary_text(conversion.report)
    for rule in RULES:
        assert rule.id in summary
    assert "cross-checks 13 rules: 11 passed, 2 failed, 0 not applicable" in summary


def _mutated(sample: Path, tmp_path: Path, old: str, new: str, count: int = 1):
    text = sample.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "qifu-2024q4.txt"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return convert(path)


def test_text_that_disagrees_with_its_table_is_flagged_not_written(
    sample: Path, tmp_path: Path
) -> None:
    conversion = _mutated(
        sample,
        tmp_path,
        "- Total net revenue was RMB4,482.3 million",
        "- Total net revenue was RMB4,582.3 million",
    )
    outcomes = {o.id: o for o in conversion.report.cross_checks}
    assert (outcomes["check.text-vs-table"].status, outcomes["check.text-vs-table"].failed) == (
        CheckStatus.FAILED,
        1,
    )
    (finding,) = [f for f in conversion.report.findings if f.code == "check.text-vs-table"]
    assert finding.location.line == 41 and "line 355" in finding.message
    (record,) = [r for r in conversion.report.text_figures if r.printed == "RMB4,582.3 million"]
    assert record.status.value == "not a fact"
    instance = conversion.files["qifu-2024q4.xml"].decode()
    assert "4582300000" not in instance and "4482252000" in instance
    assert conversion.report.valid


@pytest.mark.parametrize(
    ("printed", "apart"),
    [
        ("RMB4,482.3 billion", "10^3 times"),
        ("RMB4,482.3 thousand", "10^-3 times"),
        ("RMB4,582.3 million", None),
    ],
)
def test_text_printing_the_tables_figure_at_another_scale_says_the_scale_was_missed(
    sample: Path, tmp_path: Path, printed: str, apart: str | None
) -> None:
    """The text's figure is the table's (RMB4,482,252 thousand) at another power of ten:
    the finding says the table's scale was likely not read; a plain disagreement does not."""
    old = "- Total net revenue was RMB4,482.3 million"
    conversion = _mutated(sample, tmp_path, old, f"- Total net revenue was {printed}")
    (finding,) = [f for f in conversion.report.findings if f.code == "check.text-vs-table"]
    if apart is None:
        assert "scale" not in finding.message
    else:
        assert apart in finding.message and "scale" in finding.message


def test_a_stated_share_that_does_not_hold_fails(sample: Path, tmp_path: Path) -> None:
    conversion = _mutated(
        sample, tmp_path, "representing 53.2% of the total", "representing 63.2% of the total"
    )
    outcome = next(o for o in conversion.report.cross_checks if o.id == "check.share-of-total")
    assert (outcome.status, outcome.failed) == (CheckStatus.FAILED, 1)


def test_a_stated_change_that_does_not_hold_fails(sample: Path, tmp_path: Path) -> None:
    conversion = _mutated(
        sample,
        tmp_path,
        "an increase of 11.8% from 50.9 million",
        "an increase of 21.8% from 50.9 million",
    )
    outcome = next(o for o in conversion.report.cross_checks if o.id == "check.stated-change")
    assert (outcome.status, outcome.failed) == (CheckStatus.FAILED, 1)


def test_a_per_ads_figure_off_the_ads_ratio_fails(sample: Path, tmp_path: Path) -> None:
    conversion = _mutated(
        sample, tmp_path, "Diluted\t6.88\t13.24\t1.82", "Diluted\t6.88\t13.34\t1.82"
    )
    outcome = next(o for o in conversion.report.cross_checks if o.id == "check.per-ads")
    assert outcome.status is CheckStatus.FAILED and outcome.failed >= 1
    assert "2 shares per ADS" in outcome.note


# Two reconciliations in one table, each adding back its own share-based compensation and
# amortization: the operating-income block's adjustments take qualified concepts.
_TWO_RECONCILIATIONS = """Acme Software, Inc. Reports Third Quarter Fiscal 2026 Results

Reconciliation of GAAP to Non-GAAP Financial Measures
(in thousands)
\tThree Months Ended October 31,
\t2025\t2024
Gross profit:
GAAP gross profit\t$ 256,418\t$ 199,901
Stock-based compensation\t9,862\t8,100
Amortization of acquired intangible assets\t3,207\t2,800
Non-GAAP gross profit\t$ 269,487\t$ 210,801
Operating income (loss):
GAAP operating income (loss)\t$ (18,932)\t$ (4,977)
Stock-based compensation\t71,845\t37,600
Amortization of acquired intangible assets\t4,512\t3,300
Non-GAAP operating income\t$ {operating}\t$ 35,923
"""


def _two_reconciliations(tmp_path: Path, operating: str):
    path = tmp_path / "release.txt"
    path.write_text(_TWO_RECONCILIATIONS.format(operating=operating), encoding="utf-8")
    return convert(path)


def test_each_non_gaap_total_is_checked_against_its_own_adjustments(tmp_path: Path) -> None:
    """Non-GAAP operating income is the operating loss plus the 71,845 and 4,512 printed
    under it, never the gross-profit block's 9,862 and 3,207 of the same names."""
    conversion = _two_reconciliations(tmp_path, "57,425")
    outcome = next(o for o in conversion.report.cross_checks if o.id == "check.non-gaap")
    assert (outcome.status, outcome.checked, outcome.failed) == (CheckStatus.PASSED, 4, 0)
    codes = {f.code for f in conversion.report.findings}
    assert not codes & {"check.non-gaap", "calc.withdrawn", "calc.release-inconsistent"}


def test_a_non_gaap_total_off_its_own_adjustments_is_still_flagged(tmp_path: Path) -> None:
    conversion = _two_reconciliations(tmp_path, "57,525")
    flagged = [
        f.message.split()[0]
        for f in conversion.report.findings
        if f.code in ("check.non-gaap", "calc.release-inconsistent")
    ]
    assert flagged == ["NonGaapOperatingIncome"]


_TRANSLATED_RELEASE = """<html><body>
<p>EINDHOVEN, July 29, 2025 &ndash; Kempen Optics N.V. (Nasdaq: KMPO) today announced its
results for the second quarter ended June 30, 2025.</p>
<p>Solely for the convenience of the reader, amounts have been translated {rate}, the noon
buying rate on June 30, 2025.</p>
<p><b>CONDENSED CONSOLIDATED STATEMENT OF PROFIT OR LOSS (Unaudited)</b></p>
<table>
<tr><td></td><td colspan="2">Three months ended June 30, 2025</td>
<td>Three months ended June 30, 2024</td></tr>
<tr><td>(in thousands)</td><td>{own}</td><td>USD</td><td>{own}</td></tr>
<tr><td>Revenue</td><td>{rows[0]}</td></tr>
<tr><td>Operating income</td><td>{rows[1]}</td></tr>
<tr><td>Net profit</td><td>{rows[2]}</td></tr>
</table>
</body></html>
"""

_EUR_AT_1_0813 = (
    "100,000</td><td>108,130</td><td>90,000",
    "40,000</td><td>43,252</td><td>35,000",
    "12,500</td><td>13,516</td><td>11,000",
)


@pytest.mark.parametrize(
    ("rate", "own", "rows", "note"),
    [
        ("at the rate of EUR 1 = USD 1.0813", "EUR", _EUR_AT_1_0813, "3 EUR facts at 1.0813"),
        ("at a rate of 1.0813 US dollars per euro", "EUR", _EUR_AT_1_0813, "3 EUR facts at 1.0813"),
        (
            "at USD 1.00 = EUR 0.9248",
            "EUR",
            (
                "92,480</td><td>100,000</td><td>90,000",
                "46,240</td><td>50,000</td><td>35,000",
                "11,560</td><td>12,500</td><td>11,000",
            ),
            "3 USD facts at 0.9248",
        ),
        (
            "at US$1.00 = RMB7.2993",
            "RMB",
            (
                "729,930</td><td>100,000</td><td>650,000",
                "145,986</td><td>20,000</td><td>120,000",
                "72,993</td><td>10,000</td><td>60,000",
            ),
            "3 USD facts at 7.2993",
        ),
    ],
)
def test_a_convenience_translation_checks_at_the_rate_stated_either_way(
    tmp_path: Path, rate: str, own: str, rows: tuple[str, ...], note: str
) -> None:
    """The translated column agrees with the release's own at the stated rate, whichever
    currency the rate names first (the one unit is never the first digit of "1.0813")."""
    path = tmp_path / "translated.htm"
    path.write_text(_TRANSLATED_RELEASE.format(rate=rate, own=own, rows=rows), encoding="utf-8")
    (outcome,) = [o for o in convert(path).report.cross_checks if o.id == "check.translation"]
    assert (outcome.status, outcome.checked, outcome.failed) == (CheckStatus.PASSED, 3, 0)
    assert outcome.note.startswith(note)


_BANK_INCOME = """Example Bancorp Reports Fourth Quarter 2024 Results

NEW ORLEANS, January 28, 2025 -- Example Bancorp (NASDAQ: EXBK) today reported results for
the quarter ended December 31, 2024.

CONSOLIDATED STATEMENTS OF INCOME (unaudited)
(in thousands)
                                            Three Months Ended December 31,
                                                 2024          2023
Interest income                               $ 9,812       $ 9,104
Interest expense                                3,120         2,870
Net interest income                             6,692         6,234
{label:<44}    (114)           162
Net interest income after provision             6,806         6,072
Noninterest expense                             5,100         4,900
Income before income taxes                      1,706         1,172
Income tax expense                                358           246
Net income                                    $ 1,348       $   926
"""


@pytest.mark.parametrize(
    ("label", "flagged"),
    [
        ("Provision for credit losses", True),
        ("(Reduction) provision for credit losses", False),
        ("Provision for (reduction of) credit losses", False),
        ("Provision (recovery) for credit losses", False),
    ],
)
def test_a_negative_expense_is_flagged_unless_its_label_announces_the_other_sign(
    tmp_path: Path, label: str, flagged: bool
) -> None:
    """A provision printed (114) is a reversal: kept with its sign, and flagged as an
    expense stored negative unless the row's own label prints the other sign it can
    take, which says the release means it."""
    path = tmp_path / "bank.txt"
    path.write_text(_BANK_INCOME.format(label=label), encoding="utf-8")
    conversion = convert(path)
    provisions = [
        f for f in conversion.facts.facts if f.concept == "ProvisionForLoanLeaseAndOtherLosses"
    ]
    assert sorted(f.value for f in provisions) == [Decimal("-114000"), Decimal("162000")]
    signs = [f for f in conversion.report.findings if f.code == "check.expense-sign"]
    assert [f.location.line for f in signs] == ([13] if flagged else [])


_SUMMARY_AND_STATEMENT = """Example Corp. Reports Third Quarter 2024 Results

NEW YORK, November 12, 2024 -- Example Corp. (NASDAQ: EXMP) today reported results for the
quarter ended September 30, 2024.

FINANCIAL SUMMARY (unaudited)
(in thousands)
                                      Nine Months Ended September 30,
                                            2024          2023
Total revenues                           {revenue:>8}         8,288
Net loss                                 {loss:>8}          (784)

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (unaudited)
                                      Nine Months Ended September 30,
                                            2024          2023
Total revenues                        $ 6,943,589   $ 8,287,958
Total costs and expenses                9,879,297     9,072,203
Net loss                              $(2,935,708)  $  (784,245)
"""


@pytest.mark.parametrize(
    ("revenue", "loss", "cut"),
    [("6,943", "(2,935)", True), ("6,944", "(2,936)", False)],
)
def test_a_summary_figure_cut_at_its_last_digit_is_the_statement_s_figure(
    tmp_path: Path, revenue: str, loss: str, cut: bool
) -> None:
    """A summary in thousands that cuts its figures (6,943 for 6,943,589) instead of
    rounding them prints the statement's figures: the full ones are the facts, on the
    concepts themselves, and the cut prints are listed, not written beside them as
    concepts of their own."""
    path = tmp_path / "release.txt"
    path.write_text(_SUMMARY_AND_STATEMENT.format(revenue=revenue, loss=loss), encoding="utf-8")
    conversion = convert(path)
    nine_months = {
        f.concept: f.value for f in conversion.facts.facts if f.context == "D2024-01-01_2024-09-30"
    }
    assert nine_months["Revenues"] == Decimal("6943589")
    assert nine_months["NetIncomeLoss"] == Decimal("-2935708")
    assert not [c for c in nine_months if c.startswith("NetIncomeLoss") and c != "NetIncomeLoss"]
    truncations = [f for f in conversion.report.findings if f.code == "fact.truncated-duplicate"]
    assert len(truncations) == (2 if cut else 0)


_NONCURRENT = """Example Corp. Reports Fourth Quarter 2024 Results

NEW YORK, February 20, 2025 -- Example Corp. (NASDAQ: EXMP) today reported results for the
year ended December 31, 2024.

CONSOLIDATED BALANCE SHEETS
                                                 December 31,   December 31,
                                                        2024           2023
Cash and cash equivalents                      $  30,125,944  $  20,405,296
Inventory                                          3,937,854        133,905
Total current assets                              34,063,798     20,539,201
Goodwill & intangible assets, net                127,642,576     15,107,422
Property, plant & equipment, net                  27,431,207     27,826,594
Investments                                          218,147        237,828
Deposits                                           5,706,319      5,586,495
Operating lease right-of-use assets                7,643,504      4,147,375
Other non-current assets                               9,359         17,864
Total non-current assets                         {total:>13}     52,923,578
Total assets                                     202,714,910     73,462,779
"""


@pytest.mark.parametrize(("total", "broken"), [("168,651,112", False), ("168,651,113", True)])
def test_a_subtotal_of_every_line_since_the_last_total_holds(
    tmp_path: Path, total: str, broken: bool
) -> None:
    """ "Total non-current assets" adds the six lines printed since "Total current assets",
    four of them more than the taxonomy relates to it: the release adds up, and the
    relation is published with all six; one dollar off, the release is reported."""
    path = tmp_path / "release.txt"
    assets = "202,714,910" if not broken else "202,714,911"
    text = _NONCURRENT.format(total=total).replace("202,714,910", assets)
    path.write_text(text, encoding="utf-8")
    conversion = convert(path)
    codes = ("calc.release-inconsistent", "calc.withdrawn")
    flagged = [f for f in conversion.report.findings if f.code in codes]
    assert len(flagged) == (1 if broken else 0)
    assert all("AssetsNoncurrent" in f.message for f in flagged)
    items = {a.item for a in conversion.facts.calculations if a.total == "AssetsNoncurrent"}
    assert len(items) == (0 if broken else 6), items
    # "Property, plant & equipment, net" is us-gaap's line item, "&" being "and".
    assert broken or "PropertyPlantAndEquipmentNet" in items
