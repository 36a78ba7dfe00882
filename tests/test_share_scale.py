"""Share counts read in the scale the release's own arithmetic shows.

"(Dollars in thousands, except per share data)" leaves the share counts' scale unsaid:
some releases print them in thousands, many banks print them in units. Net income divided
by the weighted average shares is the printed earnings per share only in one scale; that
is the count's. Expected counts are written by hand from the printed figures.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exporter.options import ConvertOptions
from exporter.pipeline import convert

STATEMENT = """Osprey Bancorp Reports Third Quarter 2025 Results

Consolidated Statements of Income
(Dollars in thousands, except per share data)

\tThree Months Ended September 30,\t
\t2025\t2024
Total interest income\t$ 92,410\t$ 88,120
Net income\t$ 28,076\t$ 25,310
Earnings per share - basic\t$ 0.73\t$ 0.66
Earnings per share - diluted\t$ 0.72\t$ 0.65
Weighted average common shares outstanding - basic\t{basic}\t{basic_prior}
Weighted average common shares outstanding - diluted\t{diluted}\t{diluted_prior}
"""

# printed counts -> the counts they are, in shares
PRINTS = {
    "units": (("38,461,204", "38,348,112", "38,992,560", "38,874,330"), 38_461_204),
    "thousands": (("38,461", "38,348", "38,993", "38,874"), 38_461_000),
}


@pytest.mark.parametrize("printed", sorted(PRINTS))
def test_share_counts_are_in_the_scale_earnings_per_share_shows(
    tmp_path: Path, printed: str
) -> None:
    counts, basic = PRINTS[printed]
    text = STATEMENT.format(
        basic=counts[0], basic_prior=counts[1], diluted=counts[2], diluted_prior=counts[3]
    )
    path = tmp_path / "osprey-2025q3.txt"
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    values = {(f.concept, str(contexts[f.context].end)): f.value for f in conversion.facts.facts}
    assert values[("WeightedAverageNumberOfSharesOutstandingBasic", "2025-09-30")] == Decimal(basic)
    assert values[("NetIncomeLoss", "2025-09-30")] == Decimal(28_076_000)
    # Money keeps the caption's thousands.
    assert values[("InterestAndDividendIncomeOperating", "2025-09-30")] == Decimal(92_410_000)
