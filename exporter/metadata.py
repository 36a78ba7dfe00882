"""Document metadata from the prose: issuer, ticker and exchange, currency, exchange rates.

Newswire releases name the issuer and its listing in the dateline sentence
("... -- Qifu Technology, Inc. (NASDAQ: QFIN; HKEx: 3660) ..."), and releases with a
convenience translation state the rate ("at a rate of RMB 7.2993 to US$1.00").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from pydantic import BaseModel, ConfigDict

from exporter.document import Document, FilingHeader, Heading, Paragraph
from exporter.models import Frozen
from exporter.taxonomy import Taxonomy
from exporter.taxonomy_cover import load_cover

# "(NYSE: JNJ)", "(Nasdaq: EBAY; TASE: EBAY)", and with other identifiers after the listing
# ("(Frankfurt Stock Exchange: BRNA; ISIN DE000BRN4711)").
_LISTING = re.compile(
    r"\(\s*(?P<pairs>(?:[A-Za-z][A-Za-z .\-]{1,30}?\s*:\s*"
    r"[A-Z0-9][A-Za-z0-9.\-]{0,9}\s*[;,]?\s*)+)(?:[;,]?\s*(?:ISIN|WKN|CUSIP|SEDOL)\b[^()]{0,40})?\)"
)
_PAIR = re.compile(
    r"(?P<exchange>[A-Za-z][A-Za-z .\-]{1,30}?)\s*:\s*(?P<ticker>[A-Z0-9][A-Za-z0-9.\-]{0,9})"
)
# A word of a company name: capitalised, a digit ("3M"), or lower-case then capitals
# ("eBay", "iRobot").
_NAME_WORD = re.compile(r"^(?:[A-Z0-9]|[a-z]+[A-Z])")
_YEAR_WORD = re.compile(r"^(?:19|20)\d\d\b")
_NAME_CONNECTORS = frozenset({"&", "and", "of", "de", "la", "the"})
_NAME_STOP = re.compile(r"^(?:--|—|–|-|\(|\)|today|announced)$|[—–]", re.IGNORECASE)
_HEAD_PARAGRAPHS = 12


@cache
def _corporate() -> re.Pattern[str]:
    """A company's name: up to seven capitalised words ("eBay", "3M" count) ending in one
    or two legal forms of cover.toml's `name_suffixes` ("Acme Holdings, Inc.")."""
    forms = sorted(load_cover().name_suffixes, key=len, reverse=True)
    suffix = "(?:" + "|".join(re.escape(f) for f in forms) + r")\.?"
    return re.compile(
        r"(?<![\w&'\u2019.\-])(?:(?:[A-Z]|[a-z]+[A-Z])[\w&'\u2019.\-]*,?\s+|&\s+){0,6}?"
        r"(?:(?:[A-Z]|[a-z]+[A-Z])[\w&'\u2019.\-]*,?\s+)"
        rf"{suffix}(?:,?\s+{suffix})?(?![\w])"
    )


_ANNOUNCES = re.compile(
    r"\s*(?:\u00ae|\u2122|\(R\))?\s+(?:today\s+)?(?:announced|reported|announces|reports|posted)\b"
)
# Cheap test for "7.2993 to US$1.00" before the full currency-aware pattern runs.
# A number then a connector: a paragraph that may state a rate (read further only then).
_RATE_HINT = re.compile(r"\d\s*(?:=|(?:to|per|for)\b)|\d\s*\D{1,20}\bper\b")
# One unit, written as such ("1", "1.00"), never the first digit of a rate ("1.0813").
_ONE = r"1(?:\.0+)?(?![.,]?\d)"
_AMOUNT = r"\d+(?:\.\d+)?"


class Listing(Frozen):
    exchange: str
    ticker: str


class ExchangeRate(Frozen):
    """`rate` units of `currency` buy one unit of `quote` (RMB 7.2993 to US$1.00)."""

    currency: str
    quote: str
    rate: Decimal
    text: str
    line: int


class DocumentInfo(Frozen):
    """What the prose says about the issuer and its money, and what an EDGAR header says
    about the filer (`filer`: its CIK, registrant name and fiscal year end)."""

    issuer: str | None = None
    listings: tuple[Listing, ...] = ()
    currency: str | None = None
    exchange_rates: tuple[ExchangeRate, ...] = ()
    filer: FilingHeader | None = None

    @property
    def primary_listing(self) -> Listing | None:
        return self.listings[0] if self.listings else None


def _issuer_before(text: str, end: int) -> str | None:
    """The capitalised words just before a listing parenthesis."""
    words = re.sub(r"[\u2014\u2013]|(?<=\S)--(?=\S)", " -- ", text[:end]).split()
    name: list[str] = []
    for word in reversed(words[-10:]):
        if _NAME_STOP.match(word) or word.endswith((")", "--")):
            break
        if _NAME_WORD.match(word) or word.lower() in _NAME_CONNECTORS:
            name.append(word)
        else:
            break
    while name and name[-1].lower() in _NAME_CONNECTORS:
        name.pop()
    if any(_YEAR_WORD.match(word) for word in name):
        return None  # "2022 Fourth-Quarter reported ...": a period, not a company
    return " ".join(reversed(name)).strip(" ,") or None


def _first_exchange(text: str) -> str:
    """ "Nasdaq and TASE" lists the ticker on two exchanges; the first names the entity. A
    market is known by its first word ("Nasdaq Global Select Market", "OTCQX Best
    Market"), which also keeps the identifier free of spaces (OIM formats need that)."""
    first = re.split(r"\s+(?:and|&)\s+|/", text.strip(), flags=re.IGNORECASE)[0]
    return first.split()[0].upper()


def _listing(
    paragraphs: list[Heading | Paragraph],
) -> tuple[str | None, tuple[Listing, ...]]:
    """The first listing parenthesis ("(NYSE: JNJ)") and the name before it; a PDF's
    dateline may be read as a heading, so headings count too."""
    for paragraph in paragraphs:
        for match in _LISTING.finditer(paragraph.text):
            pairs = [
                Listing(exchange=_first_exchange(p["exchange"]), ticker=p["ticker"])
                for p in _PAIR.finditer(match["pairs"])
            ]
            if pairs and any(c.isalpha() for c in pairs[0].exchange):
                return _issuer_before(paragraph.text, match.start()), tuple(pairs)
    return None, ()


class _Patterns(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    currency: re.Pattern[str]
    rates: tuple[re.Pattern[str], ...]
    spelling: dict[str, str]


_PATTERNS: dict[int, _Patterns] = {}


def _rate_patterns(alternation: str) -> tuple[re.Pattern[str], ...]:
    """The ways a release states a convenience rate, each naming `base` (the currency a
    rate counts in), `quote` (the one unit it buys) and `rate`: the amount first ("RMB
    7.2993 to US$1.00"), the one unit first ("EUR 1 = USD 1.0813", "US$1.00 =
    RMB7.2993"), or the amount in words ("1.0813 US dollars per euro")."""
    name = rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])"
    return tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (
            rf"(?P<base>{name})\s?(?P<rate>{_AMOUNT})\s*(?:to|=|per|for)\s*(?P<quote>{name})\s?{_ONE}",
            rf"(?P<quote>{name})\s?{_ONE}\s*=\s*(?P<base>{name})\s?(?P<rate>{_AMOUNT})(?![.,]?\d)",
            rf"(?<![\d.,])(?P<rate>{_AMOUNT})\s*(?P<base>{name})\s+per\s+(?P<quote>{name})",
        )
    )


def _patterns(taxonomy: Taxonomy) -> _Patterns:
    """Currency and exchange-rate patterns built from the taxonomy's spellings (once)."""
    key = id(taxonomy)
    if key not in _PATTERNS:
        spelling = {n.lower(): code for code, names in taxonomy.currencies.items() for n in names}
        names = sorted(spelling, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        currency = re.compile(alternation, re.IGNORECASE)
        rates = _rate_patterns(alternation)
        _PATTERNS[key] = _Patterns(currency=currency, rates=rates, spelling=spelling)
    return _PATTERNS[key]


def _rates(paragraphs: list[Paragraph], taxonomy: Taxonomy) -> tuple[ExchangeRate, ...]:
    patterns = _patterns(taxonomy)
    found: list[ExchangeRate] = []
    for paragraph in paragraphs:
        if _RATE_HINT.search(paragraph.text):
            found.extend(_stated_rates(paragraph, patterns))
    unique = {(r.currency, r.quote): r for r in reversed(found)}
    return tuple(unique[k] for k in sorted(unique))


def _stated_rates(paragraph: Paragraph, patterns: _Patterns) -> list[ExchangeRate]:
    """The rates a paragraph states, in the order printed; a stretch of text states one."""
    spelling = patterns.spelling
    matches = sorted(
        (m for pattern in patterns.rates for m in pattern.finditer(paragraph.text)),
        key=lambda m: m.start(),
    )
    found: list[ExchangeRate] = []
    end = -1
    for match in matches:
        base, quote = spelling[match["base"].lower()], spelling[match["quote"].lower()]
        if match.start() < end or base == quote:
            continue
        end = match.end()
        found.append(
            ExchangeRate(
                currency=base,
                quote=quote,
                rate=Decimal(match["rate"]),
                text=match.group(0),
                line=paragraph.line,
            )
        )
    return found


def _main_currency(document: Document, taxonomy: Taxonomy) -> str | None:
    """The currency the release states its figures are in; else the one the prose names
    most often; else the one the tables' cells print (a release whose "$" stands only on
    its statements' first rows)."""
    prose = "\n".join(block.text for block in document.text_blocks)
    found = _stated_currency(prose, taxonomy) or _most_named_currency(prose, taxonomy)
    if found is not None:
        return found
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    return _most_named_currency(cells, taxonomy)


def _shared(taxonomy: Taxonomy) -> frozenset[str]:
    """Spellings several currencies share (a bare "$" or "dollars" names no country's
    dollar): where the text writes one dollar currency by its own sign ("A$1.8 billion",
    "C$") and never the US dollar's, the bare sign is that currency."""
    return frozenset(n.lower() for n in taxonomy.shared_currency_names)


def _stated_currency(text: str, taxonomy: Taxonomy) -> str | None:
    """The currency a sentence says the release's figures are in."""
    spelling = _patterns(taxonomy).spelling
    shared = _shared(taxonomy)
    names = "|".join(
        re.escape(n) for n in sorted(spelling, key=len, reverse=True) if n not in shared
    )
    words = taxonomy.currency_statements
    before = "|".join(re.escape(w) for w in words.get("before", ()))
    after = "|".join(re.escape(w) for w in words.get("after", ()))
    pattern = re.compile(
        rf"\b(?:{before})\s+(?:the\s+)?(?P<a>{names})\b|\b(?P<b>{names})\s*,?\s*(?:{after})\b",
        re.IGNORECASE,
    )
    match = pattern.search(text)
    if match is None:
        return None
    return spelling[(match["a"] or match["b"]).lower()]


def _most_named_currency(text: str, taxonomy: Taxonomy) -> str | None:
    spelling = _patterns(taxonomy).spelling
    lowered = text.lower()
    present = sorted((n for n in spelling if n in lowered), key=len, reverse=True)
    if not present:
        return None
    # A code or name is a word of its own ("AUD", never the "aud" of "UNAUDITED").
    pattern = re.compile(
        "|".join(
            ("(?<![A-Za-z])" if n[:1].isalpha() else "")
            + re.escape(n)
            + ("(?![A-Za-z])" if n[-1:].isalpha() else "")
            for n in present
        ),
        re.IGNORECASE,
    )
    counts: Counter[str] = Counter()
    bare = 0
    shared = _shared(taxonomy)
    for match in pattern.finditer(text):
        word = match.group(0)
        if word.isalpha() and not word.isupper() and len(word) <= 4:
            continue
        if word.lower() in shared:
            bare += 1
        else:
            counts[spelling[word.lower()]] += 1
    signs = {code for word, code in spelling.items() if "$" in word and word not in shared}
    written = {spelling[m.group(0).lower()] for m in pattern.finditer(text)}
    dollars = sorted(code for code in written & signs if _sign_written(code, text, taxonomy))
    if bare and len(dollars) == 1:
        counts[dollars[0]] += bare
    elif bare:
        counts[spelling["$"]] += bare
    return counts.most_common(1)[0][0] if counts else None


def _sign_written(code: str, text: str, taxonomy: Taxonomy) -> bool:
    """Whether the text writes the currency's own dollar sign ("A$", "US$")."""
    return any("$" in name and name != "$" and name in text for name in taxonomy.currencies[code])


def _announcer(paragraphs: list[Heading | Paragraph]) -> str | None:
    """The issuer named in a dateline or title without a listing ("Apple today announced")."""
    for paragraph in paragraphs[:_HEAD_PARAGRAPHS]:
        match = _ANNOUNCES.search(paragraph.text)
        if match:
            name = _issuer_before(paragraph.text.replace("\u00ae", " "), match.start())
            if name:
                return name
    return None


_OPENING_NAME_BLOCKS = 4
# An exchange's disclaimer opening an announcement ("Hong Kong Exchanges and Clearing
# Limited ... take no responsibility for the contents of this announcement") names the
# exchange, not the issuer.
_DISCLAIMER = re.compile(
    r"\btakes?\s+no\s+responsibility\b|\bmakes?\s+no\s+representation\b", re.IGNORECASE
)


def _corporate_name(paragraphs: Sequence[Heading | Paragraph]) -> str | None:
    """The first name with a corporate suffix in the opening paragraphs (an exchange's
    disclaimer aside); a name set in capitals ("PEOPLES FINANCIAL CORPORATION REPORTS")
    as the text spells it further on, where it does."""
    opening = [p for p in paragraphs[:4] if not _DISCLAIMER.search(p.text)][:3]
    names = [
        name
        for paragraph in opening
        for match in _corporate().finditer(paragraph.text.split(" -- ", 1)[-1])
        if _names_someone(name := match.group(0).strip(" ,"))
    ]
    if not names:
        return None
    first = names[0]
    if first.isupper():
        return next((n for n in names if n.lower() == first.lower() and not n.isupper()), first)
    return first


def _names_someone(name: str) -> bool:
    """A name is more than an article and a suffix ("The Group", "The Company")."""
    words = [w for w in name.split() if w.lower() not in _NAME_CONNECTORS]
    return len(words) >= 2 or (len(words) == 1 and not _corporate().fullmatch(words[0] + " x"))


def _issuer(
    blocks: list[Heading | Paragraph], paragraphs: list[Paragraph], near_listing: str | None
) -> str | None:
    """The issuer: the name by the listing if it is a company name, else the first one."""
    if near_listing and _corporate().fullmatch(near_listing):
        return near_listing
    return (
        _corporate_name(paragraphs)
        or near_listing
        or _announcer(blocks)
        or _named(blocks)
        or _corporate_name(blocks)  # a release whose opening lines are all headings
    )


def _named(blocks: list[Heading | Paragraph]) -> str | None:
    """A company's name standing as a heading of its own in the opening ("JADE HARBOUR
    PACKAGING HOLDINGS LIMITED" above its listing), an exchange's disclaimer aside."""
    for block in blocks[:_OPENING_NAME_BLOCKS]:
        if isinstance(block, Heading) and _corporate().fullmatch(block.text.strip()):
            return block.text.strip()
    return None


def read_metadata(document: Document, taxonomy: Taxonomy) -> DocumentInfo:
    """Issuer, listings, main currency and stated exchange rates of `document`."""
    paragraphs = [b for b in document.text_blocks if isinstance(b, Paragraph)]
    near_listing, listings = _listing(list(document.text_blocks))
    issuer = _issuer(list(document.text_blocks), paragraphs, near_listing)
    return DocumentInfo(
        issuer=issuer,
        listings=listings,
        currency=_main_currency(document, taxonomy),
        exchange_rates=_rates(paragraphs, taxonomy),
        filer=document.filing,
    )
