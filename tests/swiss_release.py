"""A Swiss half-year release: an income statement in thousands of francs, its thousands
grouped as Swiss releases print them, in the caption ("in CHF 1'000") and in every cell.

The facts it states are written out by hand below, in francs, so that a test compares
the outputs with the print, never with the exporter's own reading of it.
"""

from __future__ import annotations

from decimal import Decimal

# The marks a Swiss release groups its thousands by.
GROUPING_MARKS = {
    "apostrophe": "'",
    "right-quote": "\u2019",
    "narrow-nbsp": "\u202f",
    "nbsp": "\u00a0",
}

# (label, H1 2025, H1 2024), "|" where the thousands are grouped.
_ROWS = (
    ("Net sales", "412|618.4", "389|204.7"),
    ("Cost of goods sold", "-248|310.2", "-236|915.8"),
    ("Gross profit", "164|308.2", "152|288.9"),
    ("Operating expenses", "-112|406.9", "-106|322.5"),
    ("Operating result (EBIT)", "51|901.3", "45|966.4"),
    ("Income taxes", "-11|978.2", "-10|632.4"),
    ("Net profit", "39|923.1", "35|334.0"),
)

H1_2025 = ("2025-01-01", "2025-06-30")
H1_2024 = ("2024-01-01", "2024-06-30")
# (concept, start, end, CHF): facts the statement states, in francs.
FACTS = {
    ("RevenueFromContractWithCustomerExcludingAssessedTax", *H1_2025, Decimal("412618400")),
    ("RevenueFromContractWithCustomerExcludingAssessedTax", *H1_2024, Decimal("389204700")),
    ("GrossProfit", *H1_2025, Decimal("164308200")),
    ("GrossProfit", *H1_2024, Decimal("152288900")),
    ("NetIncomeLoss", *H1_2025, Decimal("39923100")),
    ("NetIncomeLoss", *H1_2024, Decimal("35334000")),
}


def swiss_page(caption_mark: str, cell_mark: str) -> str:
    """The release as an HTML page: the caption's "1'000" grouped by `caption_mark`, the
    cells' thousands by `cell_mark`."""
    rows = "".join(
        f"<tr><td>{label}</td><td>{now.replace('|', cell_mark)}</td>"
        f"<td>{before.replace('|', cell_mark)}</td></tr>"
        for label, now, before in _ROWS
    )
    return (
        '<html><head><meta charset="utf-8"><title>Alpenfeld AG Half-Year Report 2025</title>'
        "</head><body><h1>Alpenfeld AG: results for the first half of 2025</h1>"
        "<p>Zug, 24 July 2025 - Alpenfeld AG today reported its results for the six months "
        "ended 30 June 2025.</p><h2>Consolidated income statement (unaudited)</h2>"
        f"<table><tr><th>in CHF 1{caption_mark}000</th><th>H1 2025</th><th>H1 2024</th></tr>"
        f"{rows}</table><p>About Alpenfeld: an industrial company.</p></body></html>"
    )
