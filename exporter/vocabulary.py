"""The period words (`taxonomy/periods.toml`) and currency marks of the taxonomy, loaded once
for every stage.

Readers of PDF pages and plain text need the same words to tell a header line from a row
("Three Months Ended", "13 Wks Ended", "Sept. 30") as the table stage needs to read the
period it names; both take them from here, so that a word taught to one is known to all.
Month names are the calendar's (English, as the releases print them).
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from exporter.resources import data_dir


@dataclass(frozen=True)
class Vocabulary:
    """The words of `periods.toml`, compiled once."""

    counts: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]
    calendar: dict[str, tuple[str, ...]]

    def alternatives(self, name: str) -> str:
        """A regular-expression alternation of the words of group `name`, longest first."""
        return _alternation(self.words[name])

    def unit_of(self, word: str) -> str:
        return next(u for u, spellings in self.units.items() if word in spellings)

    def units_of(self, *names: str) -> str:
        """An alternation of every spelling of the span units `names` ("month": "months",
        "mos", ...; all but the half when none is named), longest first."""
        wanted = names or tuple(u for u in self.units if u != "half")
        return _alternation([s for u in wanted for s in self.units[u]])

    def count_words(self) -> str:
        """An alternation of the counts written as words ("three", "fifty-two")."""
        return _alternation(list(self.counts))


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def vocabulary() -> Vocabulary:
    """The period words of the packaged taxonomy."""
    data = tomllib.loads((data_dir("taxonomy") / "periods.toml").read_text(encoding="utf-8"))
    return Vocabulary(
        counts=dict(data["counts"]),
        ordinals=dict(data["ordinals"]),
        units={k: tuple(v) for k, v in data["units"].items()},
        words={k: tuple(v) for k, v in data["words"].items()},
        calendar={k: tuple(v) for k, v in data["calendar"].items()},
    )


@cache
def packaged_currencies() -> dict[str, tuple[str, ...]]:
    """The packaged taxonomy's `[currencies]` (ISO code: spellings), read alone: the
    readers and the table stage's scale patterns ("(Unit: KRW billion)", "MSEK", "million
    yen") are built from them before any taxonomy is loaded."""
    head = tomllib.loads((data_dir("taxonomy") / "taxonomy.toml").read_text(encoding="utf-8"))
    return {code: tuple(names) for code, names in head["currencies"].items()}


@cache
def packaged_scale_words() -> dict[str, int]:
    """The packaged taxonomy's `[scales]` (scale word: power of ten), read alone: the
    readers tell a unit line from a header with them before any taxonomy is loaded, and the
    table stage reads a caption's scale by the same words."""
    head = tomllib.loads((data_dir("taxonomy") / "taxonomy.toml").read_text(encoding="utf-8"))
    return {word.lower(): int(power) for word, power in head["scales"].items()}


@cache
def packaged_continuation_words() -> tuple[str, ...]:
    """The words the packaged taxonomy knows to mark a statement's title repeated over its
    next page ("(continued)"), read alone like the scale words: the table stage merges the
    pieces of a statement before any taxonomy is loaded."""
    head = tomllib.loads((data_dir("taxonomy") / "taxonomy.toml").read_text(encoding="utf-8"))
    return tuple(head["statement_titles"]["continuation"])


@cache
def packaged_legal_forms() -> frozenset[str]:
    """The abbreviated legal forms of the packaged `narrative.toml`, for the HTML reader,
    which runs before any taxonomy is loaded."""
    data = tomllib.loads((data_dir("taxonomy") / "narrative.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data.get("narrative", {}).get("legal_forms", ()))


@cache
def currency_marks() -> frozenset[str]:
    """The taxonomy's currency spellings a table prints in a cell of its own before an
    amount, as it prints "$": signs ("$", "€", "HK$", "Rs."), codes ("EUR", "NOK") and short
    capitalised marks ("Rp", "KSh"); never a word ("yen", "dollars") or a lone letter."""
    spellings = (s for names in packaged_currencies().values() for s in names)
    return frozenset(s for s in spellings if _is_mark(s))


def _is_mark(spelling: str) -> bool:
    letters = spelling.replace(".", "")
    if not letters.isalpha():
        return " " not in spelling
    short = 2 <= len(letters) <= 3 and letters[0].isupper()
    return (letters.isupper() and len(letters) >= 2) or short


def _month_numbers() -> dict[str, int]:
    months = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    months.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
    months["sept"] = 9
    return months


# Month names and their abbreviations, lower case, to their number ("sept" too).
MONTHS: dict[str, int] = _month_numbers()
# An alternation of the month names, longest first (match it ignoring case).
MONTH_NAMES = _alternation(list(MONTHS))
