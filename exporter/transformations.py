"""The Inline XBRL Transformation Registry formats our pages tag printed numbers with.

One table for the page's writer (`exporter/render/inline.py`) and its checker
(`exporter/validate/inline.py`), so that what one writes the other reads the same way,
as an Inline XBRL processor (Arelle) reads it:

- `ixt:num-dot-decimal` (Registry 4, and 5 unchanged): digits grouped by commas, spaces
  or no-break spaces, a full stop before the fraction ("1,234.5", "6 842");
- `ixt:num-dot-decimal-apos` (Registry 5 only): the same, or grouped by apostrophes
  ("1'234.5", "1\u2019234.5", as Swiss releases print them);
- `ixt:fixed-zero` (both): a dash, read as zero.

A page is written in Registry 4 unless a figure needs a format only Registry 5 has. A
grouping mark no format accepts (the narrow no-break space U+202F, the thin space) is
written as a no-break space, the one mark every number format accepts, rather than
printed as it is and read as no number.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from exporter.models import Frozen
from exporter.numbers import GROUPING_MARKS

TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TR5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
# The registries in the order a page prefers them: the oldest that has every format the
# page uses, so that a page without Swiss figures stays in the registry it always used.
REGISTRIES = (TR4, TR5)
# XML whitespace, which a format's lexical rule allows around the digits.
_SPACE = " \t\n\r"
_NO_BREAK_SPACE = "\u00a0"


class NumberFormat(Frozen):
    """A number format of the registry: its name, the registries that define it, and the
    marks it allows between the digit groups before the decimal point."""

    name: str
    registries: tuple[str, ...]
    grouping: str

    def pattern(self) -> re.Pattern[str]:
        """The format's lexical rule: grouped digits, then a fraction whose digits may be
        spaced, with whitespace around (Registry 4 and 5, the same for both formats)."""
        group = re.escape(self.grouping)
        space = re.escape(_SPACE)
        return re.compile(rf"[{space}]*[{group}0-9]*(?:\.[ \u00a00-9]+)?[{space}]*")

    def value(self, text: str) -> Decimal | None:
        """The number the displayed text stands for, or None where the format does not
        read it."""
        if not self.pattern().fullmatch(text):
            return None
        digits = re.sub("[" + re.escape(self.grouping + _SPACE) + "]", "", text)
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+", digits):
            return None
        try:
            return Decimal(digits)
        except InvalidOperation:
            return None


NUM_DOT_DECIMAL = NumberFormat(
    name="num-dot-decimal", registries=(TR4, TR5), grouping=", " + _NO_BREAK_SPACE
)
NUM_DOT_DECIMAL_APOS = NumberFormat(
    name="num-dot-decimal-apos",
    registries=(TR5,),
    grouping=", " + _NO_BREAK_SPACE + "'\u0060\u00b4\u2019\u2032",
)
FIXED_ZERO = "fixed-zero"
FIXED_ZERO_REGISTRIES = (TR4, TR5)
# The number formats a page may write, in the order a figure is given one: the first
# whose marks hold all of the figure's.
NUMBER_FORMATS = (NUM_DOT_DECIMAL, NUM_DOT_DECIMAL_APOS)


def written_digits(digits: str) -> tuple[NumberFormat, str]:
    """The format a printed figure is tagged with, and its digits as the page writes them:
    as printed where a format reads them so, a grouping mark no format accepts written
    as a no-break space ("52\u202f418.9" as "52\u00a0418.9")."""
    accepted = "".join(f.grouping for f in NUMBER_FORMATS)
    unaccepted = "".join(m for m in GROUPING_MARKS if m not in accepted)
    text = re.sub(f"[{re.escape(unaccepted)}\u2009]", _NO_BREAK_SPACE, digits)
    marks = set(re.sub(r"[0-9.]", "", text))
    fitting = (f for f in NUMBER_FORMATS if marks <= set(f.grouping))
    return next(fitting, NUM_DOT_DECIMAL), text


def number_format(namespace: str, name: str) -> NumberFormat | None:
    """The number format a (namespace, local name) names, None if no registry we write
    defines it under that namespace."""
    return next((f for f in NUMBER_FORMATS if f.name == name and namespace in f.registries), None)


def page_registry(formats: set[NumberFormat]) -> str:
    """The registry a page declares: the first that defines every format it uses."""
    return next(r for r in REGISTRIES if all(r in f.registries for f in formats))
