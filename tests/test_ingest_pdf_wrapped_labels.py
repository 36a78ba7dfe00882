"""Row labels wrapped as far apart as the rows themselves are still one row.

Some releases set every line of a statement at one pitch, so the second line of a
wrapped label stands where the next row would. Only the words tell the wrap: a line that
starts in lower case ("joint ventures") continues the row above, and so does any line
after a label broken off after a word that cannot end it ("net of accumulated
depreciation of" over "$412,580 and $398,115, respectively") or inside an open bracket
("stockholders' equity (common stock," over "$0.01 par value; ..."), whether the numbers
stand on the first line of the label or on its last. The releases here are drawn with
reportlab, the wrapped lines as far apart as the rows or closer, and converted to facts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from renderings_pdf import drawn_release
from reportlab.pdfgen.canvas import Canvas

from exporter.options import ConvertOptions
from exporter.pipeline import convert

_BODY = "Helvetica"
_BOLD = "Helvetica-Bold"
# (label lines, values, index of the line that holds the values)
_Row = tuple[tuple[str, ...], tuple[str, str], int]
_INCOME: tuple[_Row, ...] = (
    (("Net sales",), ("$ 412,806", "$ 389,115"), 0),
    (("Cost of sales",), ("281,530", "270,884"), 0),
    (("Operating income",), ("131,276", "118,231"), 0),
    (("Income tax expense",), ("31,276", "28,231"), 0),
    (("Net income",), ("100,000", "90,000"), 0),
    (
        (
            "Less: Net income attributable to noncontrolling interests in consolidated",
            "joint ventures",
        ),
        ("1,204", "980"),
        0,
    ),
)
_BALANCE: tuple[_Row, ...] = (
    (("Cash and cash equivalents",), ("$ 88,412", "$ 102,550"), 0),
    (
        (
            "Accounts receivable, less allowance for credit losses of $3,412 and",
            "$3,108, respectively",
        ),
        ("241,806", "228,410"),
        1,
    ),
    (("Inventories",), ("312,450", "296,118"), 0),
    (("Total current assets",), ("642,668", "627,078"), 0),
    (
        (
            "Property, plant and equipment, net of accumulated depreciation of",
            "$412,580 and $398,115, respectively",
        ),
        ("605,220", "598,140"),
        0,
    ),
    (("Total assets",), ("$ 1,247,888", "$ 1,225,218"), 0),
    (("Accounts payable",), ("158,320", "149,905"), 0),
    (
        (
            "Other long-term liabilities, including pension and postretirement",
            "benefit obligations",
        ),
        ("33,615", "34,802"),
        0,
    ),
    (("Total liabilities",), ("191,935", "184,707"), 0),
    (
        (
            "Total Alder Point Instruments, Inc. stockholders' equity (common stock,",
            "$0.01 par value; 150,000 shares authorized)",
        ),
        ("1,055,953", "1,040,511"),
        1,
    ),
    (("Total liabilities and equity",), ("$ 1,247,888", "$ 1,225,218"), 0),
)
_RIGHTS = (470.0, 550.0)
_DATELINE = (
    "TUCSON, Arizona, July 30, 2025 -- Alder Point Instruments, Inc. (NYSE: ALPI) today",
    "announced results for the second quarter ended June 30, 2025.",
)


def _release(pitch: float, wrap: float) -> bytes:
    """A one-page release with two statements: rows `pitch` points apart, the lines of a
    wrapped label `wrap` points apart."""
    spacing = (pitch, wrap)

    def draw(canvas: Canvas, y: float) -> None:
        y = _statement(
            canvas, y - 60, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME", _INCOME, spacing
        )
        _statement(canvas, y - 30, "CONDENSED CONSOLIDATED BALANCE SHEETS", _BALANCE, spacing)

    return drawn_release("Alder Point Instruments Reports Second Quarter 2025", _DATELINE, draw)


def _statement(
    canvas: Canvas, y: float, title: str, rows: tuple[_Row, ...], spacing: tuple[float, float]
) -> float:
    canvas.setFont(_BOLD, 10)
    canvas.drawCentredString(306, y, title)
    canvas.setFont(_BODY, 9)
    canvas.drawCentredString(306, y - 13, "(In thousands)")
    canvas.setFont(_BOLD, 8)
    if rows is _INCOME:
        canvas.drawCentredString(508, y - 31, "Three Months Ended June 30,")
    else:
        canvas.drawRightString(_RIGHTS[0], y - 31, "June 30,")
        canvas.drawRightString(_RIGHTS[1], y - 31, "December 31,")
    for right, year in zip(_RIGHTS, ("2025", "2024"), strict=True):
        canvas.drawRightString(right, y - 41, year)
    return _rows(canvas, rows, y - 54, spacing)


def _rows(canvas: Canvas, rows: tuple[_Row, ...], y: float, spacing: tuple[float, float]) -> float:
    pitch, wrap = spacing
    canvas.setFont(_BODY, 8)
    for lines, values, at in rows:
        for k, line in enumerate(lines):
            canvas.drawString(62 if k else 54, y, line)
            if k == at:
                for right, value in zip(_RIGHTS, values, strict=True):
                    canvas.drawRightString(right, y, value)
            y -= wrap if k + 1 < len(lines) else pitch
    return y


_QUARTER = ("2025-04-01", "2025-06-30")
_QUARTER_BEFORE = ("2024-04-01", "2024-06-30")
_JUNE = ("None", "2025-06-30")
_DECEMBER = ("None", "2024-12-31")
_EXPECTED = {
    ("NetIncomeLossAttributableToNoncontrollingInterest", _QUARTER): Decimal("1204000"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", _QUARTER_BEFORE): Decimal("980000"),
    ("AccountsReceivableNetCurrent", _JUNE): Decimal("241806000"),
    ("AccountsReceivableNetCurrent", _DECEMBER): Decimal("228410000"),
    ("PropertyPlantAndEquipmentNet", _JUNE): Decimal("605220000"),
    ("PropertyPlantAndEquipmentNet", _DECEMBER): Decimal("598140000"),
    ("OtherLiabilitiesNoncurrent", _JUNE): Decimal("33615000"),
    ("OtherLiabilitiesNoncurrent", _DECEMBER): Decimal("34802000"),
    ("StockholdersEquity", _JUNE): Decimal("1055953000"),
    ("StockholdersEquity", _DECEMBER): Decimal("1040511000"),
}


@pytest.mark.parametrize(
    ("pitch", "wrap"), [(10.0, 10.0), (12.0, 12.0), (10.0, 8.0)], ids=["10/10", "12/12", "10/8"]
)
def test_wrapped_labels_at_the_rows_pitch_are_one_row(
    tmp_path: Path, pitch: float, wrap: float
) -> None:
    path = tmp_path / "alder-2025q2.pdf"
    path.write_bytes(_release(pitch, wrap))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    periods = {c.id: c.period for c in conversion.facts.contexts}
    concepts = {concept for concept, _ in _EXPECTED}
    facts = {
        (f.concept, (str(periods[f.context].start), str(periods[f.context].end))): f.value
        for f in conversion.facts.facts
        if f.concept in concepts
    }
    assert facts == _EXPECTED
    assert not conversion.facts.unmapped
