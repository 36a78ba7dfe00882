"""The sample's prose, figure by figure: the golden list and what it must say.

`tests/golden/qifu-2024q4/prose.tsv` lists every figure of the sample's paragraphs with
what became of it; regenerate with `pytest --regen-golden` and review the diff. The tests
below re-read values and decimals from the printed text independently, and require every
figure of the highlights, results, dividend, share repurchase and outlook sections to be a
fact (or a restatement of one).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from prose import prose_lines, read_prose

from exporter.pipeline import convert

GOLDEN = Path(__file__).parent / "golden" / "qifu-2024q4" / "prose.tsv"
SCALES = {"million": 6, "billion": 9}

# Sections of the sample (heading line, last line) whose every figure must become a fact.
SECTIONS = {
    "Fourth Quarter 2024 Business Highlights": (11, 37),
    "Fourth Quarter 2024 Financial Highlights": (39, 48),
    "Full Year 2024 Operational Highlights": (50, 54),
    "Full Year 2024 Financial Highlights": (56, 76),
    "Fourth Quarter 2024 Financial Results": (78, 150),
    "Full Year 2024 Financial Results": (152, 214),
    "Semi-Annual Dividend for the Second Half of 2024": (224, 226),
    "Update on Share Repurchase": (228, 236),
    "Business Outlook": (238, 242),
}
# Figures (facts and restatements) per section, counted off the release by hand: e.g. the
# business highlights print 36 figures in bullets and 2 in footnote 3; each results
# paragraph prints the figure, its translation and two comparatives (one in a full year).
EXPECTED = {
    "Fourth Quarter 2024 Business Highlights": 38,
    "Fourth Quarter 2024 Financial Highlights": 15,
    "Full Year 2024 Operational Highlights": 10,
    "Full Year 2024 Financial Highlights": 22,
    "Fourth Quarter 2024 Financial Results": 118,
    "Full Year 2024 Financial Results": 86,
    "Semi-Annual Dividend for the Second Half of 2024": 2,
    "Update on Share Repurchase": 10,
    "Business Outlook": 6,
}


@pytest.fixture(scope="module")
def conversion(sample: Path):
    return convert(sample)


@pytest.fixture(scope="module")
def rows(conversion, regen_golden: bool) -> list[dict[str, str]]:
    text = "\n".join(prose_lines(conversion.report.text_figures)) + "\n"
    if regen_golden:
        GOLDEN.write_text(text, encoding="utf-8")
    return read_prose(text)


def test_every_prose_figure_is_accounted_for(rows: list[dict[str, str]]) -> None:
    assert GOLDEN.is_file(), "run pytest --regen-golden"
    assert rows == read_prose(GOLDEN.read_text(encoding="utf-8"))


def _section(line: int) -> str | None:
    return next((name for name, (a, b) in SECTIONS.items() if a <= line <= b), None)


# Prior-quarter comparatives that XBRL cannot carry beside the tables: the third quarter of
# 2024 has no table column, so one of its subtotals alone would break the calculation the
# income statement and the non-GAAP reconciliation print (Calculations 1.1 sums the items
# present); and its lines, each printed to a tenth of a million, miss their printed totals
# by a tenth (2,901.0 + 1,469.1 = 4,370.1 against total net revenue of 4,370.2), which
# Calculations 1.0 does not allow: the totals are kept, their parts left out. They are
# kept out and reported (line, printed), not silently dropped.
KEPT_OUT = {
    ("44", "RMB1,825.1 million"),
    ("82", "RMB2,901.0 million"),
    ("86", "RMB258.7 million"),
    ("88", "RMB1,744.1 million"),
    ("90", "RMB794.6 million"),
    ("92", "RMB103.7 million"),
    ("94", "RMB1,469.1 million"),
    ("104", "RMB707.9 million"),
    ("106", "RMB146.8 million"),
    ("108", "RMB419.9 million"),
    ("110", "RMB92.0 million"),
    ("112", "RMB477.5 million"),
    ("114", "RMB64.4 million"),
    ("116", "RMB108.8 million"),
    ("118", "RMB63.6 million"),
    ("120", "RMB2,289.2 million"),
    ("134", "RMB1,825.1 million"),
    ("138", "RMB1,802.9 million"),
}


# A metric only this issuer reports ("47% of our new credit line users were acquired through
# embedded finance channels"): the shared taxonomy does not carry one issuer's line items, so
# the figure is reported as not named, not made a fact by a template of its own sentence.
NOT_NAMED = {("66", "47%")}


def test_every_figure_of_the_sections_is_a_fact(rows: list[dict[str, str]]) -> None:
    in_sections = [r for r in rows if _section(int(r["line"]))]
    not_facts = [r for r in in_sections if r["status"] not in ("fact", "duplicate")]
    unnamed = [r for r in not_facts if (r["line"], r["printed"]) in NOT_NAMED]
    assert [r["reason"] for r in unnamed] == ["no phrase of the taxonomy names this figure"]
    not_facts = [r for r in not_facts if r not in unnamed]
    assert {(r["line"], r["printed"]) for r in not_facts} == KEPT_OUT
    assert all("calc.prose-kept-out" in r["reason"] for r in not_facts)
    assert all(r["role"] == "comparative" for r in not_facts)
    counts = Counter(_section(int(r["line"])) for r in in_sections)
    assert dict(counts) == EXPECTED


def _printed(text: str) -> tuple[Decimal, int]:
    """Value and decimals read from the printed figure, independently of the exporter."""
    match = re.search(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(%|million|billion)?", text)
    assert match, text
    digits = match.group(1).replace(",", "")
    fraction = len(digits.partition(".")[2])
    value = Decimal(digits)
    if match.group(2) == "%":
        return value / 100, fraction + 2
    scale = SCALES.get(match.group(2) or "", 0)
    return value.scaleb(scale), fraction - scale


def test_values_and_decimals_follow_the_print(rows: list[dict[str, str]]) -> None:
    for row in rows:
        if row["status"] == "not a fact":
            continue
        value, decimals = _printed(row["printed"])
        assert abs(Decimal(row["value"])) == value, row
        assert int(row["decimals"]) == decimals, row


def _find(rows: list[dict[str, str]], line: int, printed: str) -> dict[str, str]:
    (row,) = [r for r in rows if r["line"] == str(line) and r["printed"] == printed]
    return row


@pytest.mark.parametrize(
    ("line", "printed", "status", "concept", "context", "unit", "decimals"),
    [
        (41, "RMB4,482.3 million", "duplicate", "Revenues", "D2024-10-01_2024-12-31", "CNY", "-5"),
        (41, "US$614.1 million", "duplicate", "Revenues", "D2024-10-01_2024-12-31", "USD", "-5"),
        (41, "RMB4,370.2 million", "fact", "Revenues", "D2024-07-01_2024-09-30", "CNY", "-5"),
        (13, "162", "fact", "NumberOfFinancialInstitutionalPartners", "I2024-12-31", "pure", "0"),
        (13, "261.2 million", "fact", "CumulativeRegisteredUsers", "I2024-12-31", "pure", "-5"),
        (
            16,
            "24,814,923",
            "fact",
            "NumberOfLoansOriginated",
            "D2024-10-01_2024-12-31",
            "pure",
            "0",
        ),
        (
            17,
            "RMB89,561 million",
            "fact",
            "LoanFacilitationAndOriginationVolume",
            "D2023-10-01_2023-12-31",
            "CNY",
            "-6",
        ),
        (
            17,
            "RMB82,436 million",
            "fact",
            "LoanFacilitationAndOriginationVolume",
            "D2024-07-01_2024-09-30",
            "CNY",
            "-6",
        ),
        (
            19,
            "10.00 months",
            "fact",
            "WeightedAverageContractualTenor",
            "D2024-10-01_2024-12-31",
            "month",
            "2",
        ),
        (20, "2.09%", "fact", "NinetyDayPlusDelinquencyRate", "I2024-12-31", "pure", "4"),
        (21, "93.9%", "fact", "RepeatBorrowerContribution", "D2024-10-01_2024-12-31", "pure", "3"),
        (
            27,
            "2,799,208",
            "fact",
            "NumberOfLoansOriginated",
            "D2024-10-01_2024-12-31_VPocketMember",
            "pure",
            "0",
        ),
        (70, "RMB17.17 billion", "duplicate", "Revenues", "D2024-01-01_2024-12-31", "CNY", "-7"),
        (
            146,
            "142.94 million",
            "fact",
            "WeightedAverageNumberOfAdsOutstandingBasic",
            "D2024-10-01_2024-12-31",
            "shares",
            "-4",
        ),
        (
            226,
            "US$0.70 per ADS",
            "fact",
            "DividendsPerAdsDeclared",
            "D2024-07-01_2024-12-31",
            "USD_per_share",
            "2",
        ),
        (
            240,
            "RMB1.75 billion",
            "fact",
            "ProfitLossOutlookLow",
            "D2025-01-01_2025-03-31",
            "CNY",
            "-7",
        ),
        (
            240,
            "RMB1.85 billion",
            "fact",
            "ProfitLossOutlookHigh",
            "D2025-01-01_2025-03-31",
            "CNY",
            "-7",
        ),
    ],
    ids=lambda v: str(v),
)
def test_figures_the_issue_names(
    rows: list[dict[str, str]],
    line: int,
    printed: str,
    status: str,
    concept: str,
    context: str,
    unit: str,
    decimals: str,
) -> None:
    row = _find(rows, line, printed)
    expected = (status, concept, context, unit, decimals)
    assert (row["status"], row["concept"], row["context"], row["unit"], row["decimals"]) == expected


def test_a_restatement_keeps_the_table_value(conversion, rows: list[dict[str, str]]) -> None:
    row = _find(rows, 41, "RMB4,482.3 million")
    (fact,) = [
        f for f in conversion.report.text_figures if f.line == 41 and f.printed == row["printed"]
    ]
    instance = conversion.files["qifu-2024q4.xml"].decode()
    assert (
        f'id="{fact.fact}" contextRef="D2024-10-01_2024-12-31" unitRef="CNY" decimals="-3">4482252000<'
        in instance
    )


def test_prose_facts_carry_paragraph_provenance_in_jsonld(conversion) -> None:
    import json

    data = json.loads(conversion.files["qifu-2024q4.jsonld"])
    kinds = Counter(node["source"]["kind"] for node in data["facts"])
    assert kinds == {"table": 447, "paragraph": 85}
    revenue = next(n for n in data["facts"] if n["source"].get("printed") == "4,482,252")
    assert {s["line"] for s in revenue["alsoStated"]} == {41, 80}
    delinquency = next(
        n for n in data["facts"] if n["concept"].endswith("NinetyDayPlusDelinquencyRate")
    )
    (footnote_id,) = delinquency["footnote"]
    footnote = next(f for f in data["footnotes"] if f["@id"] == footnote_id)
    assert footnote["text"].startswith('"90 day+ delinquency rate" refers to')
