"""Tables of growth rates: every figure a percent change, "%" printed or not.

A growth-rate reconciliation ("Year over Year Growth Rates", stub "Year over Year %
Change") prints "Reported % Change | Mark-to-market net impact | ... | Core % Change":
only the reported and core columns print "%", the adjustments between them print bare
numbers, which are percentage points of the same change. Read as amounts they would
make "Net income" 2 dollars. The words of the title or stub say what the table measures;
the columns confirm it: each column of the period as reported (no member) is a change
printing "%", so no column states a value of the period itself.
"""

from __future__ import annotations

import re
from functools import cache

from exporter.tables.model import ColumnBlock
from exporter.vocabulary import vocabulary


@cache
def _percent_change_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{vocabulary().alternatives('percent_changes')})(?![\w-])")


def stub_header(block: ColumnBlock) -> str:
    """The words printed in the label column above the block's first row of figures
    ("Year over Year % Change"): the header rows' label cells, then rows without figures
    before any row with some."""
    words = [block.stub] if block.stub else []
    for row in block.rows:
        if row.cells:
            break
        words.append(row.label)
    return " ".join(words)


def names_percent_changes(text: str) -> bool:
    """Whether a title or stub header says its figures are percent changes."""
    return _percent_change_words().search(text.lower()) is not None


def prints_percent_changes(title: str, block: ColumnBlock) -> bool:
    """Whether every figure of the block is a percent change (see the module docstring)."""
    if not names_percent_changes(f"{title} {stub_header(block)}"):
        return False
    reported = [i for i, c in enumerate(block.columns) if c.member is None]
    if not reported or not all(block.columns[i].change for i in reported):
        return False
    rated = {c.column for r in block.rows for c in r.cells if c.number.rate}
    return all(i in rated for i in reported)


def with_percent_changes(title: str, blocks: list[ColumnBlock]) -> list[ColumnBlock]:
    """`blocks`, each marked when it prints only percent changes."""
    return [
        block.model_copy(update={"percent_changes": True})
        if prints_percent_changes(title, block)
        else block
        for block in blocks
    ]
