"""Unit phrases: the wording that states the scale and currency a table's amounts are
printed in ("in thousands", "($ in millions, except per share data)", "EUR m", "TEUR").

Kept apart from `exporter/tables/scale.py`, which reads the powers of ten out of them, so
that ingest can tell a unit phrase from a column header before it builds a table's header
geometry, with the same wording the table stage reads the scale by.
"""

from __future__ import annotations

import re

from exporter.numbers import GROUPING_MARKS
from exporter.vocabulary import packaged_currencies, packaged_scale_words


def _codes() -> str:
    """An alternation of the taxonomy's ISO codes, and the other three capital letters
    releases print for a currency ("RMB", "NIS"), longest first."""
    spellings = {s for c, names in packaged_currencies().items() for s in (c, *names)}
    return "|".join(sorted((s for s in spellings if re.fullmatch(r"[A-Z]{3}", s)), reverse=True))


def _names() -> str:
    """An alternation of the taxonomy's currency codes and names written as words ("yen",
    "won", "Swiss francs"), for a scale printed before the currency ("million yen")."""
    spellings = {s for c, names in packaged_currencies().items() for s in (c, *names)}
    words = (s for s in spellings if re.fullmatch(r"[A-Za-z][A-Za-z. ]+[A-Za-z]", s))
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CODES = _codes()
# The currencies' one-word names ("yen", "won", "euros"), which a unit line may print.
_CURRENCY_WORDS = frozenset(
    n.lower() for names in packaged_currencies().values() for n in names if n.isalpha()
)
# A currency's symbol or code, for the short forms written after it ("EUR m", "£bn").
_MONEY = (
    r"(?:(?:US|A|C|HK|NT|S|R)?[$\u20ac\u00a3\u00a5\u20b9\u20a9]"
    rf"|\b(?:{_CODES})|\bRs\.?|\b(?-i:RM))"
)


def _scale_words() -> str:
    """An alternation of the taxonomy's scale words ("thousand", "Mio", "Mrd"), each with
    its plural, longest first (match it ignoring case)."""
    words = sorted(packaged_scale_words(), key=len, reverse=True)
    return "|".join(rf"{re.escape(w)}s?" for w in words)


_WORDS = _scale_words()
# A scale word with the power of ten it counts in before it ("KRW 100 million", "100
# million yen", "RMB 10 thousand"), as Korean, Japanese and Chinese units are translated.
_COUNTED = rf"(?:10{{1,2}}\s+)?(?:{_WORDS})"
# How "1,000" may be grouped in a caption: a number's grouping marks ("in CHF 1'000", "in
# NOK 1 000"), or a full stop ("in 1.000 EUR"), which cannot be a decimal point there.
UNIT_GROUPING = "[." + re.escape(GROUPING_MARKS) + r"\s]"
SCALE = re.compile(
    rf"\b(?:in|of)\s+(?:[a-z$€£¥.\"'()]+\s+)?({_WORDS})\b"
    r"|\((?:\$|€|£|¥|RMB|US\$)?\s*(000s?|'000)\)"
    rf"|\b({_WORDS})\s+of\s+"
    rf"|\(\s*(?:US|A|C|HK|NT)?[$\u20ac\u00a3\u00a5\u20b9]\s*({_WORDS})\b"
    rf"|{_MONEY}\s*({_COUNTED})\b"
    # "million yen", "100 million won": the scale before the currency's name
    rf"|\b({_COUNTED})\s+(?:{_names()})\b"
    # "Mio. EUR", "Mrd. €", "Tsd. CHF": an abbreviated scale before the currency's mark
    rf"|\b({_WORDS})(?:\.\s*|\s+){_MONEY}"
    rf"|{_MONEY}\s?(k|m|mn|mm|bn|'000)(?![\w'])"
    # "EUR 000", "£000", "$000s": thousands written as the zeros they drop
    rf"|{_MONEY}\s?'?(000)s?(?![\d,.])"
    # "in NOK 1000", "(in 1,000 EUR)", "in CHF 1'000": the unit the amounts count
    rf"|\bin\s+(?:{_MONEY}\s*)?(1{UNIT_GROUPING}?000(?:{UNIT_GROUPING}?000)?)(?![\d,.])"
    # "TEUR", "kEUR", "MSEK", "MUSD": the scale's letter joined before the code
    rf"|\b(?-i:([kKtT]|M|m)(?:{_CODES}))\b"
    # "Rm", "R'm", "Rbn", "R'000": rand with its scale, as South African releases print it
    # (case matters: "RM" is the ringgit)
    r"|\b(?-i:R'?(m|mn|bn))\b|\b(?-i:R)'(000)\b",
    re.IGNORECASE,
)
# Words a unit line may hold besides its scale and currency ("Amounts in TEUR", "All
# figures in EUR thousand, unaudited").
_UNIT_LINE_WORDS = frozenset(("in", "amounts", "amount", "all", "figures", "unaudited", "of"))


# "Unit:" before the unit, as Korean, Chinese, Japanese and Taiwanese releases print it
# ("(Unit: KRW billion)", "[Unit: million yen]"): a name for the line, not a title.
_UNIT_LEAD = re.compile(r"^\W*units?\s*[:\uff1a]", re.IGNORECASE)


def only_a_unit(text: str) -> bool:
    """A line that is a scale and a currency and nothing else (no title in it)."""
    if not SCALE.search(text):
        return False
    rest = re.findall(r"[A-Za-z]{2,}", SCALE.sub(" ", _UNIT_LEAD.sub(" ", text)))
    allowed = _UNIT_LINE_WORDS | _CURRENCY_WORDS
    return all(w.lower() in allowed or re.fullmatch(r"[A-Z]{3}", w) for w in rest)


# What follows a scale in a caption and excepts some figures from it (", except per share
# data", "except share and per share amounts"): it names what the scale is not, no title.
_EXCEPT_CLAUSE = re.compile(r",?\s*\bexcept\b[^()]*", re.IGNORECASE)


def states_a_unit(text: str) -> bool:
    """A phrase that states the unit the amounts are printed in and nothing else, an
    exception to it allowed ("(in thousands, except per share data)", "($ in millions)",
    "EUR m"): a caption wherever it is printed, never the name of a column."""
    return only_a_unit(_EXCEPT_CLAUSE.sub(" ", text))
