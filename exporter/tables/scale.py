"""The scale of a table's amounts, from its caption or a header cell ("in thousands",
"($ in millions, except per share data)", "EUR m", "RMB'000")."""

from __future__ import annotations

import re

from exporter.tables.model import Scale
from exporter.vocabulary import packaged_currencies

SCALE_WORDS = {
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "lakh": 5,  # Indian numbering: 1,00,000
    "crore": 7,  # 1,00,00,000
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
_WORDS = r"thousands?|millions?|billions?|crores?|lakhs?"
# A scale word with the power of ten it counts in before it ("KRW 100 million", "100
# million yen", "RMB 10 thousand"), as Korean, Japanese and Chinese units are translated.
_COUNTED = rf"(?:10{{1,2}}\s+)?(?:{_WORDS})"
SCALE = re.compile(
    rf"\b(?:in|of)\s+(?:[a-z$€£¥.\"'()]+\s+)?({_WORDS})\b"
    r"|\((?:\$|€|£|¥|RMB|US\$)?\s*(000s?|'000)\)"
    rf"|\b({_WORDS})\s+of\s+"
    rf"|\(\s*(?:US|A|C|HK|NT)?[$\u20ac\u00a3\u00a5\u20b9]\s*({_WORDS})\b"
    rf"|{_MONEY}\s*({_COUNTED})\b"
    # "million yen", "100 million won": the scale before the currency's name
    rf"|\b({_COUNTED})\s+(?:{_names()})\b"
    rf"|{_MONEY}\s?(k|m|mn|mm|bn|'000)(?![\w'])"
    # "EUR 000", "£000", "$000s": thousands written as the zeros they drop
    rf"|{_MONEY}\s?'?(000)s?(?![\d,.])"
    # "in NOK 1000", "(in 1,000 EUR)": the unit the amounts count
    rf"|\bin\s+(?:{_MONEY}\s*)?(1[,.\s]?000(?:[,.\s]?000)?)(?![\d,.])"
    # "TEUR", "kEUR", "MSEK", "MUSD": the scale's letter joined before the code
    rf"|\b(?-i:([kKtT]|M|m)(?:{_CODES}))\b"
    # "Rm", "R'm", "Rbn", "R'000": rand with its scale, as South African releases print it
    # (case matters: "RM" is the ringgit)
    r"|\b(?-i:R'?(m|mn|bn))\b|\b(?-i:R)'(000)\b",
    re.IGNORECASE,
)
_EXCEPT = re.compile(r"\bexcept\b(?P<rest>.*)", re.IGNORECASE)
_SHARES_SCALE = re.compile(
    r"\bshares?\b[^;)]{0,40}?\b(?:in|reflected in|are in|stated in)\s+"
    r"(thousands|millions|billions)",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\bper[\s-]+(?:share|ads|unit)\w*", re.IGNORECASE)


# Words a unit line may hold besides its scale and currency ("Amounts in TEUR", "All
# figures in EUR thousand, unaudited").
_UNIT_LINE_WORDS = frozenset(("in", "amounts", "amount", "all", "figures", "unaudited", "of"))


# A scale a label or a column header states for its own figures: "(in thousands)", or
# per-share amounts printed in cents ("EPS (diluted US cents)", "12.3 cps").
# "(000 lbs)", "('000 oz)": thousands of the unit named after the zeros; "(000s)",
# "(000's)", "('000)" alone: thousands of what the label counts ("Weighted average diluted
# shares (000s)", "Selling square feet (000s)").
STATED_SCALE = re.compile(
    r"\(\s*(?:in\s+)?(thousands|millions|billions)\s*\)"
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


def _power(unit: str) -> int:
    """The power of ten a matched unit counts in: its scale word's, and the count printed
    before it ("100 million" is 10^8, as Korean releases translate a hundred million won)."""
    counted = re.fullmatch(r"(10+)\s+(\S+)", unit.strip())
    count, word = (counted[1], counted[2]) if counted else ("1", unit)
    word = re.sub(r"[,.\s]", "", word.lower()).rstrip("s")
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
