"""What table understanding hands to mapping: statements of rows, columns and numbers."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from exporter.models import FROZEN
from exporter.numbers import PrintedNumber
from exporter.periods import Period


class Scale(BaseModel):
    """Powers of ten the printed numbers are in, by what they count."""

    model_config = FROZEN

    money: int = 0
    shares: int = 0
    per_share: int = 0
    text: str = ""


class Column(BaseModel):
    """A value column of a (sub-)table: its header text, period and currency."""

    model_config = FROZEN

    position: int
    header: str
    period: Period | None
    currency: str | None
    # "For the period ended September 30, 2024": a duration whose length the header
    # does not say; its start is found from the other tables (see `resolve_open_starts`).
    open_start: bool = False
    # Nor does it say the period runs from the year's start ("Period Ended December 31,
    # 2025", as a fresh-start successor prints it, unlike "Year-to-date"): without a start
    # found elsewhere, the column names no period.
    length_unstated: bool = False
    # A change column ("% Change", "Period-over-Period % Change"): its numbers compare two
    # periods; `period` is the later of the columns it compares (the one to its left).
    change: bool = False
    # What distinguishes this column from others of the same period and currency
    # ("International", "Non-GAAP"); None for the default (total, as reported) column.
    member: str | None = None
    # Why the column has no period: the evidence that was missing.
    missing: str = ""
    # A column of percentages of another line ("Percent to Sales"): not facts, on purpose.
    share_of: bool = False
    # A column of favourable/unfavourable variances ("Fav/(Unfav)"): its sign says better
    # or worse, not up or down; not facts, on purpose.
    variance: bool = False
    # A column of references to the notes ("Note"): its numbers are no amounts.
    note_reference: bool = False
    # Guidance: a fiscal period after the latest one the release reports, or a column the
    # table's title or its own header calls an outlook.
    outlook: bool = False
    # The period an outlook column gives guidance for, when it ends after the latest period
    # the release reports: its figures are the outlook's facts (`...OutlookLow` / `High`).
    forecast: Period | None = None
    # "Low" or "High": an outlook column printing one end of the range ("Low | High" under
    # the forecast period); "" otherwise.
    bound: str = ""
    # The period runs for the twelve months to its end whatever the fiscal year ("TTM", a
    # footnote saying "trailing 12 months"): not evidence of a fiscal year end.
    trailing: bool = False
    # The header (or its title) prints the period's first day as well as its last ("Period
    # from January 1, 2025 through March 15, 2025"): a stub whose dates are its own, which
    # says nothing of the release's fiscal calendar and is never re-anchored to it.
    printed_start: bool = False
    # The header names its period by a fiscal label alone ("Q4 2025", "FY 2025"): which
    # dates it covers is the calendar's reading of the release's label convention.
    fiscal_label: bool = False
    # A scale the header states for the column's own figures ("EPS (diluted US cents)":
    # -2, "Shares (in millions)": 6), beside the table's.
    scale: int | None = None
    # The measure of each row's line the column prints under its period ("Average Balance |
    # Interest | Yield/Rate": `LineMeasure.name`), when every column of its period names
    # one; None otherwise.
    measure: str | None = None
    # The header names a rate ("Yield/Rate", "Rate", "%"): its figures are percentages,
    # also where a cell prints no "%".
    rate: bool = False
    # The period of a flow under a bare date heading the column; balances stay at the
    # date. The quarter the date ends, when the table's dates step by one quarter
    # ("9/30/25 | 6/30/25 | 3/31/25": net income under "9/30/25" is the third quarter's);
    # the quarter or the fiscal year to the date, where rows naming their own period show
    # which (`exporter.tables.own_periods`).
    flow_period: Period | None = None

    @property
    def figures_period(self) -> Period | None:
        """The period the column's figures are for: the one reported, else the one an
        outlook forecasts (a duration either way, for the concepts its rows take)."""
        return self.period or self.forecast


class ValueCell(BaseModel):
    """A number in a row, with the index of its column in the block."""

    model_config = FROZEN

    column: int
    number: PrintedNumber
    # "Low" or "High": the cell prints a range ("$4.35 - $4.45 billion") and this is one of
    # its ends; "" for a cell of one number.
    bound: str = ""
    # The period the row's label names for the cell under a bare date ("Net Income -
    # Quarter" under "September 30, 2024": the quarter ending then), before the column's.
    period: Period | None = None


class RowRole(StrEnum):
    ITEM = "item"
    SECTION = "section"


class TableRow(BaseModel):
    """A labelled row with its section path (outermost first) and its numbers."""

    model_config = FROZEN

    label: str
    sections: tuple[str, ...] = ()
    cells: tuple[ValueCell, ...] = ()
    line: int
    page: int | None = None
    role: RowRole = RowRole.ITEM
    # Rows of the same block (by index) this row prints the sum of, when the arithmetic shows it.
    sum_of: tuple[int, ...] = ()
    # A scale the row's label or section states ("Shares used ... (in thousands)").
    scale: int | None = None
    # The label is not printed: an unlabelled row closing its section is named its total.
    inferred_label: bool = False
    # The label without the period it names at its end ("Net Income" of "Net Income -
    # Quarter"): the line item, whose period each cell's `ValueCell.period` gives.
    item: str = ""


class ColumnBlock(BaseModel):
    """Rows under one set of column headers; a stacked table has several blocks."""

    model_config = FROZEN

    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]
    line: int
    # Every figure is a percent change or its percentage points, "%" printed or not: the
    # title or stub header says so and each column of the period as reported is a change
    # (see `exporter.tables.growth`).
    percent_changes: bool = False
    # The words the header rows print in the label column, over the row labels ("Year over
    # Year % Change"): the stub header, which may say what every figure measures.
    stub: str = ""


class UnplacedNumber(BaseModel):
    """A number in a table that cannot become a fact, and why."""

    model_config = FROZEN

    text: str
    line: int
    page: int | None = None
    label: str
    reason: str
    # Left out on purpose (a ratio of other facts), not for want of understanding.
    deliberate: bool = False


class StatementTable(BaseModel):
    """One understood table: title, kind, scale, blocks of rows."""

    model_config = FROZEN

    index: int
    title: str
    caption: str
    kind: str
    scale: Scale
    # The title was printed above an earlier table and taken over (a page heading): it
    # says what the tables under it have in common, not what this one is.
    title_inherited: bool = False
    # The sentence introducing the table, when one ends in a colon just above it ("(2)
    # Amounts include stock-based compensation expense, as follows:"): it says what the
    # rows are, as a section heading would.
    lead: str = ""
    blocks: tuple[ColumnBlock, ...]
    unplaced: tuple[UnplacedNumber, ...] = ()
    line: int
    page: int | None = None
