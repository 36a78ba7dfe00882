"""Label text as the mapper compares it: footnote marks, polarity words and noise removed.

Both sides of every comparison (a row label from a release, a synonym from the taxonomy)
go through `label_tokens`, so the taxonomy can spell synonyms naturally.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOOTNOTE = re.compile(
    r"\^\{[^}]*\}"  # ^{*1} (Markdown copies)
    r"|[\u00b9\u00b2\u00b3\u2070-\u2079]+"  # superscript digits
    # (1), (a) at the end; not "(p)", which is pence ("Basic EPS (p)", as UK releases
    # print a per-share row), a unit and no mark
    r"|\(\s*(?:\d{1,2}|[a-oq-z]|[ivx]{1,4})\s*\)(?=\s*$|\s*[,:;])"
    r"|\*+"
)
_PREFIX = re.compile(r"^\s*(?:add|less|plus|minus|deduct|excluding)\s*:\s*", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\([^()]*\)")
# An item's number or letter before its name ("1 Revenue", "2. Other income", "a) Cost
# of", "(ii) Taxes"), and the arithmetic after it that refers to other items' numbers
# ("Total income (1+2)", "Profit before tax (3-4)"), as numbered statements print them.
_ITEM_MARK = re.compile(r"^\s*(?:\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})[.)]\s+|\d{1,2}\s+(?=[A-Z]))")
_ITEM_ARITHMETIC = re.compile(r"\s*\(\s*\d{1,2}(?:\s*[+\-\u2013]\s*\d{1,2})+\s*\)\s*$")
_NON_WORD = re.compile(r"[^a-z0-9%&]+")
_STOPWORDS = frozenset({"the", "a", "an", "of", "its", "for", "on", "s"})
# Words that tell two line items apart even when printed in parentheses: "Net earnings per
# share (Diluted)" is diluted EPS, while "(in millions)" or "(loss)" only annotate a label.
QUALIFIERS = frozenset({"basic", "diluted", "and"})
_JOINED = {
    ("non", "current"): "noncurrent",
    ("long", "term"): "longterm",
    ("short", "term"): "shortterm",
    ("non", "gaap"): "nongaap",
    ("non", "controlling"): "noncontrolling",
    ("share", "based"): "sharebased",
    ("stock", "based"): "stockbased",
}
_SINGULAR_EXCEPTIONS = frozenset(
    {
        "loss",
        "gross",
        "business",
        "process",
        "ads",
        "us",
        "less",
        "services",
        "sales",
        "operations",
        "earnings",
        "its",
        "plus",
        "minus",
        "basis",
        "analysis",
        "status",
        "series",
    }
)


# What heads the label column on a heading line ("Sr. No.", "Particulars", "S.No."): no
# column's header, and no reason to read the line as a row.
_STUB_CAPTION = re.compile(
    r"^(?:(?:sr|sl|s)\.?\s*(?:no\.?)?|no\.?|particulars|description)$", re.IGNORECASE
)


def is_stub_caption(text: str) -> bool:
    """Whether a cell over the label column only names that column ("Particulars")."""
    return bool(_STUB_CAPTION.match(text.strip()))


def starts_with_item_mark(text: str) -> bool:
    """Whether a label opens with an item's number or letter ("a) Cost of materials")."""
    return bool(_ITEM_MARK.match(text))


def without_item_marks(label: str) -> str:
    """The label without its item's number or letter and the arithmetic printed with it
    ("3 Total income (1+2)" is "Total income")."""
    return _ITEM_MARK.sub("", _ITEM_ARITHMETIC.sub("", label))


def strip_footnotes(text: str) -> str:
    """Remove footnote markers ("^{*1}", superscripts, a trailing "(1)") from a label."""
    return _FOOTNOTE.sub("", text).strip()


def has_prefix(text: str) -> str | None:
    """ "add" / "less" when a label starts "Add:" or "Less:", else None."""
    match = _PREFIX.match(text)
    return match.group(0).split(":")[0].strip().lower() if match else None


# British spellings read as the American ones the taxonomy's labels use ("amortisation",
# "capitalised", "recognised", "realised").
_BRITISH = re.compile(r"(?:(?<=\w\w)is(?=ation$)|(?<=al|rt|gn|il|it)is(?=(?:ed|ing|e)$))")


def _american(word: str) -> str:
    return _BRITISH.sub("iz", word) if "is" in word else word


def _singular(word: str) -> str:
    if word in _SINGULAR_EXCEPTIONS or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("xes", "sses", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _qualifiers_only(match: re.Match[str]) -> str:
    """A parenthesised group kept as words when it only qualifies ("(Basic/Diluted)")."""
    words = [w for w in _NON_WORD.split(match.group(0)) if w]
    keep = words and set(words) <= QUALIFIERS and set(words) != {"and"}
    return f" {' '.join(words)} " if keep else " "


@lru_cache(maxsize=65536)
def label_tokens(text: str, drop_parenthesised: bool = True) -> tuple[str, ...]:
    """The comparable words of a label, in order."""
    text = unicodedata.normalize("NFKC", strip_footnotes(text))
    text = _PREFIX.sub("", text).lower().replace("\u2019", "'")
    if drop_parenthesised:
        text = _PARENTHESISED.sub(_qualifiers_only, text)
    # "Property, plant & equipment": a lone ampersand is the word "and" ("R&D" keeps its).
    words = [w if w != "&" else "and" for w in _NON_WORD.split(text.replace("'s", "")) if w]
    merged: list[str] = []
    for word in words:
        if merged and (merged[-1], word) in _JOINED:
            merged[-1] = _JOINED[(merged[-1], word)]
        else:
            merged.append(word)
    return tuple(_american(_singular(w)) for w in merged if w not in _STOPWORDS)


def contains_phrase(haystack: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether the words of `phrase` occur in `haystack` in order (gaps allowed)."""
    position = 0
    for word in phrase:
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return False
    return True


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_PARENTHESISED_WORDS = re.compile(r"\s*/?\s*\(([^()]*)\)")
_WORD = re.compile(r"[a-z0-9]+")


def sign_words(entries: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The words of the taxonomy's sign alternatives ("reduction of": "reduction", "of")."""
    return frozenset(word for entry in entries for word in _WORD.findall(entry.lower()))


def _only_sign_words(group: str, alternatives: frozenset[str]) -> bool:
    words = _WORD.findall(group.lower())
    return bool(words) and set(words) <= alternatives


def without_sign_alternatives(label: str, alternatives: frozenset[str]) -> str:
    """`label` lowercased without a parenthesised group of `alternatives` words, the
    other sign the line can take ("Underwriting income (loss)", "Other pension income/
    (expense)", "(Reduction) provision for credit losses")."""

    def unless_sign_only(match: re.Match[str]) -> str:
        return "" if _only_sign_words(match.group(1), alternatives) else match.group(0)

    # A label cut where its alternative wrapped onto another line keeps the slash
    # ("... benefits income/").
    return _PARENTHESISED_WORDS.sub(unless_sign_only, label.strip().lower()).strip().rstrip(" /")


def names_the_other_sign(label: str, alternatives: frozenset[str]) -> bool:
    """Whether `label` prints the other sign its line can take in parentheses ("Provision
    (benefit) for income taxes"): the release announces that a figure may turn."""
    return any(
        _only_sign_words(m.group(1), alternatives) for m in _PARENTHESISED_WORDS.finditer(label)
    )
