"""The scale of a table's amounts, from its caption or a header cell ("in thousands",
"($ in millions, except per share data)", "EUR m", "RMB'000")."""

from __future__ import annotations

import re

from exporter.tables.model import Scale
from exporter.unit_phrases import SCALE, UNIT_GROUPING, only_a_unit
from exporter.vocabulary import packaged_scale_words

# The taxonomy's scale words ("million", "Mio", "Mrd"), and the zeros and letters a unit
# prints for its scale ("'000", "EURm", "TEUR").
SCALE_WORDS = {
    **packaged_scale_words(),
    "000": 3,
    "'000": 3,
    "1000": 3,
    "1000000": 6,
    "k": 3,
    "t": 3,
    "m": 6,
    "mn": 6,
    "mm": 6,
    "bn": 9,
}


_EXCEPT = re.compile(r"\bexcept\b(?P<rest>.*)", re.IGNORECASE)
_SHARES_SCALE = re.compile(
    r"\bshares?\b[^;)]{0,40}?\b(?:in|reflected in|are in|stated in)\s+"
    r"(thousands|millions|billions)",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\bper[\s-]+(?:share|ads|unit)\w*", re.IGNORECASE)


# A scale a label or a column header states for its own figures: "(in thousands)", or
# per-share amounts printed in cents ("EPS (diluted US cents)", "12.3 cps").
# "(thousands of barrels)", "(millions of passengers)": the scale of the unit or the
# things named after it. "(000 lbs)", "('000 oz)": thousands of the unit named after the
# zeros; "(000s)", "(000's)", "('000)" alone: thousands of what the label counts ("Weighted
# average diluted shares (000s)", "Selling square feet (000s)").
STATED_SCALE = re.compile(
    # "(in millions)", "(millions of dollars)", and after what the row abbreviates
    # ("Daily active users (DAU, millions)")
    r"\(\s*(?:[^(),]{1,20},\s*)?(?:in\s+)?(thousands|millions|billions)(?:\s+of\s+[a-z][^()]*)?\s*\)"
    r"|\(\s*'?(000)(?:'?s)?(?:\s+[a-z][^()]*)?\s*\)",
    re.IGNORECASE,
)
# Pence is also a bare "p" in brackets or ending the label ("Basic EPS (p)", "Interim
# dividend p"), lowercase as the unit is written ("Class P" is a name).
CENTS = re.compile(
    r"\b(?:US\s+)?cents\b|\bcps\b|\bpence\b|(?-i:\(\s*p\s*\)|(?<=\s)p$)", re.IGNORECASE
)


def scale_in_words(text: str) -> int | None:
    """The power of ten a label or header states for its own figures, if it states one."""
    if match := STATED_SCALE.search(text):
        return SCALE_WORDS[(match.group(1) or match.group(2)).lower().rstrip("s")]
    if CENTS.search(text):
        return -2
    return _unit_at_the_end(text)


def _unit_at_the_end(text: str) -> int | None:
    """The scale of a currency unit ending a label or header ("Revenue €m", "Order intake
    (EUR m)", "Net debt (30 June) €m"), as key-figure tables print each row's unit."""
    unit = _trailing_unit(text)
    return parse_scale(unit.group(1)).money or None if unit else None


_LAST_WORDS = re.compile(r"(?:^|\s)\(?\s*(\S+(?:\s\S+)?)\s*\)?\s*$")


def _trailing_unit(text: str) -> re.Match[str] | None:
    """The currency unit and scale ending a text, in brackets or not ("€m", "(EUR m)")."""
    for pattern in (_LAST_WORDS, _LAST_WORD):
        match = pattern.search(text)
        if match and only_a_unit(match.group(1)) and match.start() > 0:
            return match
    return None


_LAST_WORD = re.compile(r"(?:^|\s)\(?\s*(\S+)\s*\)?\s*$")


def without_unit_at_the_end(label: str) -> str:
    """The label without the unit a key-figure table prints after it ("Revenue €m" is
    "Revenue"): the unit says how the row is printed, not which line item it is."""
    unit = _trailing_unit(label)
    return label[: unit.start()].rstrip() if unit else label


# A word of a label's tail: a run of non-blanks, an opening bracket kept with the word after it.
_TAIL_WORD = re.compile(r"[(,]?\s*[^\s(),]+\)?")
# The most words a unit printed after a label takes ("EUR 100 million", "in EUR k").
_UNIT_WORDS = 3


def without_unit_phrase(
    label: str, currencies: frozenset[str], percent_signs: frozenset[str]
) -> str:
    """The label without the unit phrase that ends it: "EBITDA margin in %", "Revenue (in
    EUR k)", "Equity ratio (in %)" and "Dividend in EUR" name "EBITDA margin", "Revenue",
    "Equity ratio" and "Dividend". The phrase says how the row is printed, not which line
    item it is. A unit is a scale with its currency or one of the `currencies`, after an
    optional "in", in brackets or not; a percentage's sign or word only after "in": a bare
    "Gross profit %" is the gross profit's percentage of revenue, its margin."""
    starts = [m.start() for m in _TAIL_WORD.finditer(label)][1:]
    cut = None
    for start in reversed(starts[-_UNIT_WORDS - 1 :]):
        tail = label[start:].strip(" ,")
        bracketed = tail.startswith("(") and tail.endswith(")")
        printed = tail[1:-1].strip() if bracketed else tail
        unit = re.sub(r"^in\s+", "", printed, flags=re.IGNORECASE)
        if "(" in unit or ")" in unit or len(unit.split()) > _UNIT_WORDS:
            continue
        names = currencies | percent_signs if unit != printed else currencies
        if unit.lower() in names or (unit and only_a_unit(unit)):
            cut = start
    return label[:cut].rstrip(" ,") if cut is not None else label


def _power(unit: str) -> int:
    """The power of ten a matched unit counts in: its scale word's, and the count printed
    before it ("100 million" is 10^8, as Korean releases translate a hundred million won)."""
    counted = re.fullmatch(r"(10+)\s+(\S+)", unit.strip())
    count, word = (counted[1], counted[2]) if counted else ("1", unit)
    word = re.sub(UNIT_GROUPING, "", word.lower()).rstrip("s")
    return SCALE_WORDS.get(word, SCALE_WORDS.get(word + "s", 0)) + len(count) - 1


def parse_scale(caption: str) -> Scale:
    """Powers of ten for money, share counts and per-share amounts, from a caption."""
    money = 0
    match = SCALE.search(caption)
    if match:
        money = _power(next(g for g in match.groups() if g))
    shares = money
    exception = _EXCEPT.search(caption)
    if exception:
        rest = _PER_SHARE.sub(" ", exception["rest"].lower())
        if re.search(r"\bshares?\b", rest):
            shares = 0
    if stated := _SHARES_SCALE.search(caption):
        shares = SCALE_WORDS[stated.group(1).lower().rstrip("s")]
    return Scale(money=money, shares=shares, per_share=0, text=caption)
