"""The scale of a table's amounts, from its caption or a header cell ("in thousands",
"($ in millions, except per share data)", "EUR m", "RMB'000")."""

from __future__ import annotations

import re

from exporter.tables.model import Scale

SCALE_WORDS = {
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "000": 3,
    "'000": 3,
    "k": 3,
    "m": 6,
    "mn": 6,
    "mm": 6,
    "bn": 9,
}
# A currency's symbol or code, for the short forms written after it ("EUR m", "£bn").
_MONEY = (
    r"(?:(?:US|A|C|HK|NT|S|R)?[$\u20ac\u00a3\u00a5]"
    r"|\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD|CAD|AUD|SEK|NOK|DKK))"
)
SCALE = re.compile(
    r"\b(?:in|of)\s+(?:[a-z$€£¥.\"'()]+\s+)?(thousands?|millions?|billions?)\b"
    r"|\((?:\$|€|£|¥|RMB|US\$)?\s*(000s?|'000)\)"
    r"|\b(thousands?|millions?|billions?)\s+of\s+"
    r"|\(\s*(?:US|A|C|HK|NT)?[$\u20ac\u00a3\u00a5]\s*(thousands?|millions?|billions?)\b"
    rf"|{_MONEY}\s*(thousands?|millions?|billions?)\b"
    rf"|{_MONEY}\s?(k|m|mn|mm|bn|'000)(?![\w'])",
    re.IGNORECASE,
)
_EXCEPT = re.compile(r"\bexcept\b(?P<rest>.*)", re.IGNORECASE)
_SHARES_SCALE = re.compile(
    r"\bshares?\b[^;)]{0,40}?\b(?:in|reflected in|are in|stated in)\s+"
    r"(thousands|millions|billions)",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\bper[\s-]+(?:share|ads|unit)\w*", re.IGNORECASE)


def parse_scale(caption: str) -> Scale:
    """Powers of ten for money, share counts and per-share amounts, from a caption."""
    money = 0
    match = SCALE.search(caption)
    if match:
        word = next(g for g in match.groups() if g).lower().rstrip("s")
        money = SCALE_WORDS.get(word, SCALE_WORDS.get(word + "s", 0))
    shares = money
    exception = _EXCEPT.search(caption)
    if exception:
        rest = _PER_SHARE.sub(" ", exception["rest"].lower())
        if re.search(r"\bshares?\b", rest):
            shares = 0
    if stated := _SHARES_SCALE.search(caption):
        shares = SCALE_WORDS[stated.group(1).lower().rstrip("s")]
    return Scale(money=money, shares=shares, per_share=0, text=caption)
