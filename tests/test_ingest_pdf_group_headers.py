"""Group headers set a few points off the columns they span still head them all.

Generators centre a group header ("Three Months Ended" / "June 30," over "2025  2024")
over the cells of its columns rather than over the figures printed in them, so the
header stands some points left or right of its group: it may lie over the second year
alone, overhang the first column's figures by a few points, or start left of where the
longest row label ends. A reader still gives each year to the group header nearest to
it. The releases here are drawn with reportlab as such generators draw them, the group
headers shifted by a few points either way, and converted to facts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from renderings_pdf import drawn_release
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exporter.document import Table
from exporter.facts.model import INCONSISTENT_DUPLICATE
from exporter.ingest.pdf import read_pdf
from exporter.options import ConvertOptions
from exporter.pipeline import convert

_ROWS = (
    ("Net sales", ("$ 412,806", "$ 389,115", "$ 801,442", "$ 762,380")),
    ("Cost of sales", ("281,530", "270,884", "548,920", "533,115")),
    ("Gross profit", ("131,276", "118,231", "252,522", "229,265")),
    ("Selling, general and administrative", ("58,210", "52,904", "114,663", "104,218")),
    ("Operating income", ("73,066", "65,327", "137,859", "125,047")),
    ("Interest expense, net", ("6,415", "7,102", "13,118", "14,330")),
    ("Income before income taxes", ("66,651", "58,225", "124,741", "110,717")),
    ("Income tax expense", ("15,396", "13,450", "28,815", "25,576")),
    ("Net income", ("$ 51,255", "$ 44,775", "$ 95,926", "$ 85,141")),
)
# Wide gutters between the columns; or columns set close to the labels, with a wrapped
# label whose second line ends just left of the first column's figures.
_GUTTERS = (330.0, 400.0, 480.0, 550.0)
_CLOSE = (356.0, 416.0, 490.0, 550.0)
_WRAPPED = (
    "Selling, general and administrative expenses, including share-based",
    "compensation of $6,402 and $5,118 for the three months, respectively",
)
_BODY = "Helvetica"
_BOLD = "Helvetica-Bold"


def _release(rights: tuple[float, ...], shift: float, groups: int = 2) -> bytes:
    """A one-page release: the income statement's group headers centred `shift` points
    right (or left) of the figures of the two columns each spans; with `groups` 1 the
    second pair of years has no group header."""

    def draw(canvas: Canvas, y: float) -> None:
        canvas.setFont(_BOLD, 10)
        canvas.drawCentredString(306, y - 57, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME")
        canvas.setFont(_BODY, 9)
        canvas.drawCentredString(306, y - 70, "(In thousands)")
        top = _group_headers(canvas, rights, shift, y - 88, groups)
        _rows(canvas, rights, top, wrapped=rights == _CLOSE)

    return drawn_release(
        "Alder Point Instruments Reports Second Quarter 2025",
        (
            "TUCSON, Arizona, July 30, 2025 -- Alder Point Instruments,",
            "Inc. today announced results for the quarter ended June 30.",
        ),
        draw,
    )


def _group_headers(
    canvas: Canvas, rights: tuple[float, ...], shift: float, y: float, groups: int
) -> float:
    widest = max(stringWidth(v, _BODY, 8) for _, values in _ROWS for v in values)
    canvas.setFont(_BOLD, 8)
    for k, title in enumerate(("Three Months Ended", "Six Months Ended")[:groups]):
        middle = (rights[2 * k] - widest + rights[2 * k + 1]) / 2 + shift
        canvas.drawCentredString(middle, y, title)
        canvas.drawCentredString(middle, y - 10, "June 30,")
    for right, year in zip(rights, ("2025", "2024", "2025", "2024"), strict=True):
        canvas.drawRightString(right, y - 20, year)
    canvas.setLineWidth(0.5)
    canvas.line(rights[0] - 40, y - 23, rights[-1] + 2, y - 23)
    return y - 33


def _rows(canvas: Canvas, rights: tuple[float, ...], y: float, wrapped: bool) -> None:
    canvas.setFont(_BODY, 8)
    for label, values in _ROWS:
        if wrapped and label.startswith("Selling"):
            canvas.drawString(64, y, _WRAPPED[0])
            y -= 10
            canvas.drawString(72, y, _WRAPPED[1])
        else:
            canvas.drawString(54, y, label)
        for right, value in zip(rights, values, strict=True):
            canvas.drawRightString(right, y, value)
        y -= 11


_QUARTER = ("2025-04-01", "2025-06-30")
_QUARTER_BEFORE = ("2024-04-01", "2024-06-30")
_HALF = ("2025-01-01", "2025-06-30")
_HALF_BEFORE = ("2024-01-01", "2024-06-30")
_REVENUE = "RevenueFromContractWithCustomerExcludingAssessedTax"
_EXPECTED = {
    (_REVENUE, _QUARTER): Decimal("412806000"),
    (_REVENUE, _QUARTER_BEFORE): Decimal("389115000"),
    (_REVENUE, _HALF): Decimal("801442000"),
    (_REVENUE, _HALF_BEFORE): Decimal("762380000"),
    ("OperatingIncomeLoss", _QUARTER): Decimal("73066000"),
    ("OperatingIncomeLoss", _QUARTER_BEFORE): Decimal("65327000"),
    ("OperatingIncomeLoss", _HALF): Decimal("137859000"),
    ("OperatingIncomeLoss", _HALF_BEFORE): Decimal("125047000"),
    ("NetIncomeLoss", _QUARTER): Decimal("51255000"),
    ("NetIncomeLoss", _QUARTER_BEFORE): Decimal("44775000"),
    ("NetIncomeLoss", _HALF): Decimal("95926000"),
    ("NetIncomeLoss", _HALF_BEFORE): Decimal("85141000"),
}


def _facts(tmp_path: Path, data: bytes) -> dict[tuple[str, tuple[str, str]], Decimal]:
    """The facts of the expected concepts; none may have been dropped as a duplicate
    of another value in its period (a column read under the wrong period)."""
    path = tmp_path / "alder-2025q2.pdf"
    path.write_bytes(data)
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    codes = {finding.code for finding in conversion.facts.findings}
    assert INCONSISTENT_DUPLICATE not in codes
    periods = {c.id: c.period for c in conversion.facts.contexts}
    concepts = {concept for concept, _ in _EXPECTED}
    return {
        (f.concept, (str(periods[f.context].start), str(periods[f.context].end))): f.value
        for f in conversion.facts.facts
        if f.concept in concepts
    }


_SHIFTS = [-15.0, -13.0, -4.0, -2.0, 2.0, 4.0, 8.0, 13.0, 17.0]


@pytest.mark.parametrize("shift", _SHIFTS, ids=[f"{s:+g}pt" for s in _SHIFTS])
@pytest.mark.parametrize("rights", [_GUTTERS, _CLOSE], ids=["gutters", "close"])
def test_group_headers_set_off_their_columns_head_both_years(
    tmp_path: Path, rights: tuple[float, ...], shift: float
) -> None:
    assert _facts(tmp_path, _release(rights, shift)) == _EXPECTED


@pytest.mark.parametrize("shift", [-13.0, 13.0], ids=["-13pt", "+13pt"])
def test_a_group_header_does_not_take_a_second_pair_of_the_same_years(shift: float) -> None:
    """With no group header over the second "2025  2024" pair, "Three Months Ended" set
    off its own pair takes that pair's other year but not the second pair: it would head
    each year twice."""
    doc = read_pdf(_release(_GUTTERS, shift, groups=1), "alder-2025q2.pdf")
    (table,) = [block for block in doc.blocks if isinstance(block, Table)]
    heads = [(c.text, c.column, c.span) for row in table.rows[:2] for c in row.cells if c.text]
    assert heads == [("Three Months Ended", 1, 2), ("June 30,", 1, 2)]
