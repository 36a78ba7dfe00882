"""Numbers as printed in a table cell: sign, digits, fraction digits, percent, dashes.

The value is kept exactly (`Decimal`) with the sign the print shows; what the sign means
(a deduction, a loss) is decided later, against the taxonomy. `fraction_digits` is how
many digits follow the point, the basis of XBRL `decimals`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2012", "\u2212", "\u2015", "\u2014\u2014"})
_MINUS = "-\u2212\u2013\u2014"
_CURRENCY_MARK = r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|RMB|\$|€|£|¥|₹|₩)"
_NUMBER = re.compile(
    rf"""^
    (?P<lead>[{_MINUS}+])?\s*
    (?:{_CURRENCY_MARK}\s*)?
    (?P<open>\()?\s*
    (?:{_CURRENCY_MARK}\s*)?
    (?P<inner>[{_MINUS}])?\s*
    (?P<int>\d{{1,3}}(?:,\d{{3}})+|\d+)?(?P<frac>\.\d+)?
    \s*(?P<pct1>%)?\s*(?P<close>\))?\s*(?P<pct2>%)?
    $""",
    re.VERBOSE,
)
# Footnote marks ending a cell: "(a)", "*", superscript digits, each after optional space.
_MARK_CHARS = frozenset("*\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A))))
_ASCII_LETTER = re.compile(r"[a-zA-Z]").fullmatch


class PrintedNumber(BaseModel):
    """A cell read as a number, value as printed (percent not yet divided by 100)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    value: Decimal
    fraction_digits: int
    percent: bool = False
    dash: bool = False

    @property
    def negative(self) -> bool:
        return self.value < 0


@lru_cache(maxsize=65536)
def parse_number(text: str) -> PrintedNumber | None:
    """Read a cell as a number, or None when it is not one (labels, years in headers)."""
    cleaned = text.strip().replace("\u00a0", " ")
    if not cleaned:
        return None
    if cleaned in DASHES or cleaned.strip("$ ") in DASHES:
        return PrintedNumber(text=cleaned, value=Decimal(0), fraction_digits=0, dash=True)
    if cleaned.endswith("%") and cleaned[:-1].strip() in DASHES:
        return PrintedNumber(
            text=cleaned, value=Decimal(0), fraction_digits=0, dash=True, percent=True
        )
    cleaned = strip_footnote_marks(cleaned)
    # One space for any run: adjacent "\s*" around optional groups backtrack polynomially
    # on a long run of whitespace that ends in something else.
    match = _NUMBER.match(" ".join(cleaned.split()))
    if not match or not (match["int"] or match["frac"]):
        return None
    if bool(match["open"]) != bool(match["close"]):
        return None
    digits = (match["int"] or "0").replace(",", "") + (match["frac"] or "")
    value = Decimal(digits)
    if match["open"] or match["lead"] in tuple(_MINUS) or match["inner"]:
        value = value.copy_negate()  # exact: unary minus rounds to the context's 28 digits
    fraction = len(match["frac"]) - 1 if match["frac"] else 0
    percent = bool(match["pct1"] or match["pct2"])
    return PrintedNumber(text=cleaned, value=value, fraction_digits=fraction, percent=percent)


def strip_footnote_marks(text: str) -> str:
    """`text` without the footnote marks at its end ("1,234 (a)*" is "1,234").

    A scan from the right, linear in the length: a regex such as "(?:\\*+)+$" takes
    exponential time on a cell of asterisks that ends in anything else.
    """
    end = len(text)
    while True:
        while end and (text[end - 1].isspace() or text[end - 1] in _MARK_CHARS):
            end -= 1
        letter = text[end - 2 : end - 1]
        if end >= 3 and text[end - 3] == "(" and text[end - 1] == ")" and _ASCII_LETTER(letter):
            end -= 3
            continue
        return text[:end]


def is_year(text: str) -> bool:
    """A four-digit year as used in column headers ("2024", "Fiscal 2024" is not)."""
    stripped = text.strip()
    return len(stripped) == 4 and stripped.isdecimal() and 1900 <= int(stripped) <= 2100
