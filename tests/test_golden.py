"""Golden tests: the sample's cell table and whole outputs, compared byte for byte.

After a deliberate change, regenerate with `pytest --regen-golden` and review the diff.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cells import cell_lines, fact_set

from exporter.pipeline import convert

GOLDEN = Path(__file__).parent / "golden" / "qifu-2024q4"

# Rows whose printed sign is the opposite of the concept's sign, read off the release
# by hand: a tax expense printed as a deduction, losses attributable to noncontrolling
# interests printed as positive amounts.
NEGATED_LINES = {371, 373, 413, 424}
SHARE_UNITS = {"shares"}


def _compare(path: Path, actual: bytes, regen: bool) -> None:
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.is_file(), f"missing golden file {path}; run pytest --regen-golden"
    assert actual == path.read_bytes(), f"{path.name} differs from the golden file"


def test_every_table_number_is_accounted_for(sample: Path, regen_golden: bool) -> None:
    lines = cell_lines(fact_set(sample))
    _compare(GOLDEN / "cells.tsv", ("\n".join(lines) + "\n").encode(), regen_golden)


def _golden_cells() -> list[dict[str, str]]:
    header, *rows = (GOLDEN / "cells.tsv").read_text(encoding="utf-8").splitlines()
    keys = header.split("\t")
    return [dict(zip(keys, row.split("\t"), strict=True)) for row in rows]


def _printed_value(printed: str) -> Decimal:
    text = printed.replace(",", "").replace("%", "")
    if text in ("-", "\u2014"):
        return Decimal(0)
    negative = text.startswith("(")
    value = Decimal(text.strip("()"))
    return -value if negative else value


def test_golden_values_follow_from_the_print() -> None:
    """An independent reading of each golden cell: scale, percent and sign rules by hand."""
    cells = _golden_cells()
    assert len(cells) == 499
    for cell in cells:
        assert cell["status"] in ("fact", "duplicate"), cell
        printed = _printed_value(cell["printed"])
        if cell["printed"].endswith("%"):
            expected = printed / 100
        elif cell["unit"] in SHARE_UNITS or cell["unit"].endswith("_per_share"):
            expected = printed
        else:
            expected = printed * 1000
        if int(cell["line"]) in NEGATED_LINES:
            expected = -expected
        assert Decimal(cell["value"]) == expected, cell


def test_decimals_follow_the_printed_precision() -> None:
    for cell in _golden_cells():
        printed = cell["printed"].rstrip("%")
        digits = len(printed.split(".")[1].rstrip(")")) if "." in printed else 0
        if cell["printed"].endswith("%"):
            expected = digits + 2
        elif cell["unit"] in SHARE_UNITS or cell["unit"].endswith("_per_share"):
            expected = digits
        else:
            expected = digits - 3
        assert int(cell["decimals"]) == expected, cell


@pytest.fixture(scope="module")
def conversion(sample: Path):
    return convert(sample)


@pytest.mark.parametrize(
    "suffix",
    [
        ".xml",
        ".jsonld",
        ".xsd",
        ".json",
        ".csv.json",
        "-balance-sheet.csv",
        "-income-statement.csv",
        "-cash-flow.csv",
        "-comprehensive-income.csv",
        "-non-gaap.csv",
        "-other-facts.csv",
        "-footnotes.csv",
        ".xhtml",
    ],
)
def test_whole_outputs_match_golden(conversion, suffix: str, regen_golden: bool) -> None:
    name = f"{conversion.stem}{suffix}"
    _compare(GOLDEN / name, conversion.files[name], regen_golden)


def test_review_page_matches_golden(conversion, regen_golden: bool) -> None:
    _compare(GOLDEN / f"{conversion.stem}.review.html", conversion.review, regen_golden)


def test_every_output_has_a_golden_file(conversion) -> None:
    """A new output file must come with its golden copy (regenerate, then review it)."""
    golden = {p.name for p in GOLDEN.iterdir()} - {"cells.tsv", "prose.tsv", "report.json"}
    assert set(conversion.files) | {f"{conversion.stem}.review.html"} == golden


def test_report_matches_golden(conversion, regen_golden: bool) -> None:
    from exporter.report import report_json

    _compare(GOLDEN / "report.json", report_json(conversion.report), regen_golden)


def test_sample_converts_valid(conversion) -> None:
    assert conversion.report.valid
    assert conversion.report.table_facts == 447
    assert conversion.report.facts == 532  # with the prose's own facts (85)
    assert conversion.report.duplicates == 52
    assert conversion.report.unmapped == ()
