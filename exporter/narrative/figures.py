"""Figures in running text: "RMB4,482.3 million", "US$0.70 per ADS", "2.09%", "10.00 months".

The words around the digits come from the taxonomy (currency spellings, scale words,
per-share and per-ADS wording, unit words), so a release in another currency or language
variant needs data, not code. `decimals` follows what is printed: one digit after the
point in millions is decimals -5. Digits that are not figures are skipped: years, times,
ordinals, number ranges, and the digits inside names ("30-day", "Day-1").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, cached_property
from itertools import pairwise

from exporter.narrative.calendar import DATE
from exporter.narrative.model import Figure, FigureKind
from exporter.numbers import MAX_DIGITS, MINUS_MARKS
from exporter.phrase_pattern import literal_alternation, phrase_alternation
from exporter.taxonomy import Taxonomy
from exporter.taxonomy_narrative import NarrativeWords

# ASCII digits only, as the table cells (exporter/numbers.py): the Inline XBRL number
# formats read nothing else, so a figure in other digits is reported, not read.
# Thousands grouped by commas, or by apostrophes ("CHF 1'234 million"); by spaces only
# right after a currency's sign or code ("SEK 3 128 m", "€ 12 500": `{after}`, filled in
# from the taxonomy's currencies), where a space cannot part two figures.
_NUMBER = (
    r"[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?![0-9,])(?:\.[0-9]+)?"  # lakhs: "1,23,456.78"
    r"|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,3}}(?:['\u2019][0-9]{{3}})+(?:\.[0-9]+)?"
    r"|{after}[0-9]{{1,3}}(?:[ \u00a0\u202f][0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
)
_GROUPING = re.compile(r"[,'\u2019 \u00a0\u202f]")
# In a document printed with the decimal comma ("EUR 148,6 million", "15,6 %", "EUR
# 1.196,3 million"): a comma before one or two digits, which no thousands group is, parts
# the decimals; points may group the thousands before it.
_DECIMAL_COMMA = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]{1,2}(?![0-9]|,[0-9])"
# Spaces grouping the thousands before a decimal comma ("€1 642,0m", French and Nordic
# prints), again only right after a currency's sign or code (`{after}`).
_SPACED_DECIMAL_COMMA = (
    r"{after}[0-9]{{1,3}}(?:[ \u00a0\u202f][0-9]{{3}})+,[0-9]{{1,2}}(?![0-9]|,[0-9])"
)
_SPACED = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+,[0-9]{1,2}")
# "1,234" with one comma: thousands where the point parts the decimals, three decimals
# where the comma does (as the tables read such a cell); two commas group thousands.
_ONE_COMMA_GROUP = r"[0-9]{1,3},[0-9]{3}(?![0-9]|,[0-9])"
# Where the release prints the decimal comma, the space is its thousands separator, so
# a number grouped by spaces is one figure wherever it stands ("2 799 208 loans").
_SPACE_THOUSANDS = r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]{1,2})?(?![0-9]|,[0-9])"
# A figure only one convention reads: a comma before one or two digits, or thousands
# grouped by spaces or points ("2,31", "4 512", "1.234,5"); a point before one or two
# digits, or after comma groups ("2.31", "4,512.3").
_ONLY_COMMA = re.compile(
    r",[0-9]{1,2}$|\.[0-9]{3},|^[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]+)?$"
)
_ONLY_POINT = re.compile(r"\.[0-9]{1,2}$|,[0-9]{3}\.")
# The parts of a figure's match that make it one ("SEK", "%", "million").
_MARKED = ("pre", "pct", "points", "minor", "scale", "post", "unit", "per")
# Ordinals, times, day counts, and period codes ("9M 2026", "1H24", "3Q25"): no figures.
_SKIP_AFTER = re.compile(
    r"^(?:st|nd|rd|th)\b|^:\d|^-\d|^[\s-]?days?\b\+?|^\s?day\+|^[MHQ]\s?'?(?:19|20)?\d\d\b",
    re.IGNORECASE,
)
_SKIP_BEFORE = re.compile(r"(?:\d:|\d-|[A-Za-z]-)$")
# A comma and digits right after a number the pattern ended: the number goes on in a
# convention the pattern does not read ("2,31" where the point parts the decimals), and
# its first digits alone would be a wrong figure.
_CUT_DECIMALS = re.compile(r",[0-9]")
_YEARS = range(1900, 2101)
# Two amounts joined by a dash after a currency's sign or code ("$4.2-4.4", "EUR 1.1-1.3"):
# a range, not a code or a date (`{mark}`, filled in from the taxonomy's currencies).
_MONEY_RANGE = r"(?:{mark})\s?[0-9][0-9,.]*-(?:{mark})?\s?[0-9][0-9,.]*(?![0-9])"


def _alternation(words: list[str], flags: str = "") -> str:
    """Any of `words`, the longest first (a prefix tree: hundreds of spellings compile
    and match far faster than as a flat alternation)."""
    return phrase_alternation(words, flags)


def _after_marks(marks: list[str]) -> str:
    """Right after any of `marks`, or a mark and a space: one lookbehind per length, as
    Python's are of fixed width (each a prefix tree of that length's spellings)."""
    by_length: dict[int, set[str]] = {}
    for mark in marks:
        by_length.setdefault(len(mark), set()).add(mark)
    trees = [literal_alternation(by_length[n]) for n in sorted(by_length, reverse=True)]
    return "|".join(f"(?<={tree})|(?<=(?:{tree})\\ )" for tree in trees)


def _digits(number: str, decimal_comma: bool = False) -> str:
    """The digits of a printed number with a decimal point, if any; `decimal_comma`
    whether the release parts its decimals with the comma."""
    one_group = decimal_comma and re.fullmatch(_ONE_COMMA_GROUP, number)
    if one_group or re.fullmatch(_DECIMAL_COMMA, number) or _SPACED.fullmatch(number):
        return re.sub(r"[.\s]", "", number).replace(",", ".")
    return _GROUPING.sub("", number)


class FigureReader:
    """Finds figures in text with the taxonomy's words (built once per taxonomy)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        words = taxonomy.narrative.words
        self.spelling = {
            name.lower(): code for code, names in taxonomy.currencies.items() for name in names
        }
        self.shared = taxonomy.shared_currency_names
        symbols = [n for names in taxonomy.currencies.values() for n in names if not n.isalpha()]
        # Codes, and short names written before the figure like one ("Rs 1,714.5 crore").
        codes = [
            n
            for names in taxonomy.currencies.values()
            for n in names
            if n.isupper() or (n.isalpha() and len(n) <= 3 and n[:1].isupper())
        ]
        after = [n for names in taxonomy.currencies.values() for n in names if len(n) > 1]
        self.scales = {k.lower(): v for k, v in words.scales.items()}
        # "TEUR 84.512,3", "MSEK 212", "EURm 45.1": a code with its scale's letter joined.
        self.mark_scale = _scaled_codes(taxonomy.currencies)
        for spelled, (code, _) in self.mark_scale.items():
            self.spelling.setdefault(spelled, code)
        scaled = _scaled_spellings(taxonomy.currencies)
        codes, after = codes + scaled, after + scaled
        self.points = {k.lower(): v for k, v in words.rate_points.items()}
        self.per_ads = {" ".join(p.lower().split()) for p in words.per_ads}
        self.units = {w.lower(): unit for unit, ws in words.unit_words.items() for w in ws}
        per = list(words.per_share) + list(words.per_ads)
        marks = sorted(set(symbols + codes), key=len, reverse=True)
        # A space groups thousands only right after a sign or code.
        after_mark = _after_marks(marks)
        self._number = _NUMBER.format(after=f"(?:{after_mark})")
        spaced = _SPACED_DECIMAL_COMMA.format(after=f"(?:{after_mark})")
        self._comma_number = (
            f"{spaced}|{_SPACE_THOUSANDS}|{_DECIMAL_COMMA}|{_ONE_COMMA_GROUP}|{self._number}"
        )
        self._money_marks = "|".join(
            rf"\b{re.escape(m)}\s?" if m.isalpha() else re.escape(m) for m in marks
        )
        self._words, self._marks, self._after, self._per = words, symbols + codes, after, per

    # The patterns are compiled when first used: most releases print no decimal comma and
    # no money range, and compiling them is a good part of a short conversion.
    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Figures printed with the decimal point."""
        return self._compile(self._words, self._marks, self._after, self._per, self._number)

    @cached_property
    def comma_pattern(self) -> re.Pattern[str]:
        """Figures printed with the decimal comma."""
        return self._compile(self._words, self._marks, self._after, self._per, self._comma_number)

    @cached_property
    def money_range(self) -> re.Pattern[str]:
        """Two amounts joined by a dash after a currency's sign or code."""
        return re.compile(_MONEY_RANGE.format(mark=self._money_marks))

    def _compile(
        self,
        words: NarrativeWords,
        marks: list[str],
        after: list[str],
        per: list[str],
        number: str,
    ) -> re.Pattern[str]:
        """The figure pattern, with `number` the digits a figure may be printed in."""
        return re.compile(
            # "-€12,3m", "\u25b3\u00a50.8 billion": a minus before the currency's sign
            rf"(?<![\w.,$])(?:(?P<lead>[-\u2212{MINUS_MARKS}])(?={_alternation(marks)}))?"
            rf"(?:(?P<pre>{_alternation(marks)})\s?(?P<open>\()?)?"
            rf"(?P<minus>[-\u2212\u2013](?=[0-9.])|[{MINUS_MARKS}]\s?(?=[0-9.]))?(?P<num>{number})(?![\d])(?(open)\))"
            rf"(?:\s?(?P<pct>%|percent\b|per\s+cent\b))?"
            rf"(?:\s?(?P<points>{_alternation(list(words.rate_points), 'i')})(?![\w.]))?"
            rf"(?:\s?(?P<minor>{_alternation(list(words.minor_units), 'i')})\b)?"
            rf"(?:\s?(?P<scale>{_alternation(list(self.scales), 'i')})\b)?"
            rf"(?:\s(?P<post>{_alternation(after, 'i')})(?![\w$]))?"
            rf"(?:[\s-](?P<unit>{_alternation(list(self.units), 'i')})\b)?"
            rf"(?:\s+(?P<per>{_alternation(per, 'i')})\b)?"
        )

    def figures(
        self, text: str, currency: str | None = None, decimal_comma: bool = False
    ) -> list[Figure]:
        """Every figure in `text`, in order; `currency` is the release's, the one a sign
        several currencies share ("$") names there; `decimal_comma` whether the release
        prints its numbers with a decimal comma (as its tables show)."""
        found = []
        pattern = self.comma_pattern if decimal_comma else self.pattern
        for match in pattern.finditer(text):
            figure = self._figure(match, text, decimal_comma)
            if figure is not None and figure.shared_sign and currency:
                figure = figure.model_copy(update={"currency": currency})
            if figure is not None:
                found.append(figure)
        found = _spaced_in_brackets(found, text)
        return _bracketed_comparatives(_ranges_shared(found, text), text)

    def decimal_comma_evidence(self, texts: list[str]) -> bool | None:
        """What the prose's own figures say of the release's decimal convention: True for
        the decimal comma ("SEK 2,31", "13,6%", "SEK 4 512 million"), False for the point
        ("SEK 2.31", "13.6%"), None when none tells. Only figures with a currency, scale,
        unit or percent count (bare digits may be lists or codes); the more figures win,
        as one release prints its figures one way and a stray one is a typo."""
        comma = point = 0
        for text in texts:
            for match in self.comma_pattern.finditer(text):
                if not any(match[g] for g in _MARKED):
                    continue
                number = match["num"]
                comma += bool(_ONLY_COMMA.search(number))
                point += bool(_ONLY_POINT.search(number))
        if comma == point:
            return None
        return comma > point

    def _skipped(self, match: re.Match[str], text: str) -> bool:
        before, after = text[: match.start("num")], text[match.end("num") :]
        start, end = match.start("num"), match.end("num")
        window = (max(0, start - 24), end + 24)
        # "$4.2-4.4 million"; a range has its dash in the window (a cheap test first: the
        # range pattern tries every currency mark at every place).
        ranged = "-" in text[window[0] : window[1]] and any(
            m.start() <= start and end <= m.end() for m in self.money_range.finditer(text, *window)
        )
        if not ranged and (_SKIP_AFTER.match(after) or _SKIP_BEFORE.search(before)):
            return True
        if _CUT_DECIMALS.match(after):
            return True  # "SEK 2,31" read with the decimal point: never the "2" alone
        plain = not any(
            match[g] for g in ("pre", "pct", "points", "minor", "scale", "post", "unit", "per")
        )
        number = match["num"]
        return plain and number.isdigit() and len(number) == 4 and int(number) in _YEARS

    def _figure(
        self, match: re.Match[str], text: str, decimal_comma: bool = False
    ) -> Figure | None:
        if self._skipped(match, text):
            return None
        digits = _digits(match["num"], decimal_comma)
        fraction = len(digits.partition(".")[2])
        value = Decimal(digits)
        if match["open"] or match["minus"] or match["lead"]:
            value = value.copy_negate()  # "$(0.08) per share", "SEK -48 m": printed negative
        if len(value.as_tuple().digits) > MAX_DIGITS:
            return None  # as in a table cell: reported (exporter/accounting.py), not read
        currency = self._currency(match["pre"]) or self._currency(match["post"])
        sign = (match["pre"] or match["post"] or "").strip()
        exponent = self.scales.get((match["scale"] or "").lower(), 0)
        if not match["scale"]:
            exponent = self.mark_scale.get(" ".join(sign.lower().split()), ("", 0))[1]
        unit = self.units.get((match["unit"] or "").lower())
        if match["pct"]:
            kind, value, decimals = FigureKind.PERCENT, value / 100, fraction + 2
        elif match["points"]:  # "80 basis points": a rate's change in points
            power = self.points[" ".join(match["points"].lower().split())]
            kind, value, decimals = FigureKind.PERCENT, value.scaleb(power), fraction - power
        elif match["minor"]:
            # "52.62 cents": a hundredth of the currency, money whether or not it says which.
            kind, value, decimals = self._minor_kind(match), value.scaleb(-2), fraction + 2
        else:
            kind, value, decimals = (
                self._kind(match, currency, unit),
                value.scaleb(exponent),
                (fraction - exponent),
            )
        bare = not any(
            match[g] for g in ("pre", "pct", "points", "minor", "scale", "post", "unit", "per")
        )
        end = (
            match.end()
            if match["post"] or match["unit"] or match["per"]
            else match.end("minor")
            if match["minor"]
            else match.end("scale")
            if match["scale"]
            else match.end("points")
            if match["points"]
            else match.end("pct")
            if match["pct"]
            else match.end("num")
        )
        return Figure(
            text=text[match.start() : end],
            start=match.start(),
            end=end,
            value=value,
            decimals=decimals,
            kind=kind,
            currency=currency,
            unit=unit,
            bare=bare,
            scale=exponent,
            shared_sign=sign in self.shared,
        )

    def _kind(self, match: re.Match[str], currency: str | None, unit: str | None) -> FigureKind:
        if match["per"]:
            per = " ".join(match["per"].lower().split())
            return FigureKind.PER_ADS if per in self.per_ads else FigureKind.PER_SHARE
        if unit:
            return FigureKind.UNIT
        return FigureKind.MONEY if currency else FigureKind.COUNT

    def _minor_kind(self, match: re.Match[str]) -> FigureKind:
        if match["per"]:
            per = " ".join(match["per"].lower().split())
            return FigureKind.PER_ADS if per in self.per_ads else FigureKind.PER_SHARE
        return FigureKind.MONEY

    def _currency(self, text: str | None) -> str | None:
        if not text:
            return None
        return self.spelling.get(" ".join(text.lower().split()))


_RANGE_GAP = re.compile(r"\s*(?:to|-|\u2013|and)\s*", re.IGNORECASE)


def _ranges_shared(figures: list[Figure], text: str) -> list[Figure]:
    """A range printed with its currency before the first figure and its scale after the
    last ("EUR 1.70 to 1.75 billion", "$4.2-4.4 million"): both figures are money in that
    currency and scale."""
    shared = list(figures)
    for i, (low, high) in enumerate(pairwise(figures)):
        if not _RANGE_GAP.fullmatch(text[low.end : high.start]):
            continue
        if low.kind is not FigureKind.MONEY or low.scale or not high.scale:
            continue
        if high.currency not in (None, low.currency):
            continue
        if high.kind not in (FigureKind.COUNT, FigureKind.MONEY):
            continue
        shared[i] = low.model_copy(
            update={
                "value": low.value.scaleb(high.scale),
                "decimals": low.decimals - high.scale,
                "scale": high.scale,
                "bare": False,
            }
        )
        shared[i + 1] = high.model_copy(
            update={
                "currency": low.currency,
                "shared_sign": low.shared_sign,
                "kind": FigureKind.MONEY,
                "bare": False,
            }
        )
    return shared


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
# A few words and the date a bracket closes on ("(3 315 at 31 December 2024)").
_DATED_CLOSE = re.compile(rf"\s+(?:[^\W\d]+\s+){{1,3}}?(?:{DATE})\s*\)", re.IGNORECASE)
# Thousands grouped by spaces, and the decimals after ("4 178", "1 642,0"): in a bracket
# opened right after a figure a space parts no two figures.
_SPACE_GROUPED = re.compile(
    r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]{1,2}|\.[0-9]+)?(?![0-9])"
)


def closes_bracket(after: str) -> bool:
    """The text after a bracketed figure closes its bracket: right away ("(4 178)"), or
    after the date it is at ("(3 315 at 31 December 2024)"), which is the comparative's
    period, not another figure."""
    return _CLOSE_BRACKET.match(after) is not None or _DATED_CLOSE.match(after) is not None


def _spaced_in_brackets(figures: list[Figure], text: str) -> list[Figure]:
    """A bare number grouped by spaces in a bracket right after a figure ("SEK 4 512
    million (4 178)") is one number, not a figure per group: the scanner reads space
    groups only after a currency's sign, where a space cannot part two figures, and the
    bracket is such a place too."""
    result: list[Figure] = []
    skip_until = -1
    for index, figure in enumerate(figures):
        if figure.start < skip_until:
            continue
        grouped = _SPACE_GROUPED.match(text, figure.start)
        if grouped is None or not _bracketed_after(figures, index, text):
            result.append(figure)
            continue
        digits = _digits(grouped.group())
        skip_until = grouped.end()
        result.append(
            figure.model_copy(
                update={
                    "text": grouped.group(),
                    "end": grouped.end(),
                    "value": Decimal(digits),
                    "decimals": len(digits.partition(".")[2]),
                }
            )
        )
    return result


def _bracketed_after(figures: list[Figure], index: int, text: str) -> bool:
    """The figure at `index` is bare and opens a bracket right after a figure that is not."""
    figure, previous = figures[index], figures[index - 1] if index else None
    if previous is None or previous.bare or not figure.bare:
        return False
    return _OPEN_BRACKET.fullmatch(text[previous.end : figure.start]) is not None


# How far apart a figure and the bare figure bracketed after it may be, and still be the
# same measure a year apart.
_COMPARABLE = (Decimal("0.25"), Decimal(4))


def _bracketed_comparatives(figures: list[Figure], text: str) -> list[Figure]:
    """A bare figure in brackets right after a figure, printed alike, is that figure's
    comparative in its currency and scale, as Nordic releases print the prior year's
    ("SEK 612 m (540)", "13.6% (12.9)", "SEK 3.21 (2.87)"). Printed alike: as many
    decimals and of comparable size (a footnote's "(1)" after "$12.3 million" is not)."""
    result = list(figures)
    for i, (figure, bare) in enumerate(pairwise(figures)):
        if not bare.bare or figure.bare or figure.kind is FigureKind.COUNT:
            continue
        if not _OPEN_BRACKET.fullmatch(text[figure.end : bare.start]):
            continue
        if not closes_bracket(text[bare.end :]):
            continue
        exponent = -2 if figure.kind is FigureKind.PERCENT else figure.scale
        printed = figure.value.scaleb(-exponent)
        if bare.decimals != figure.decimals + exponent or not printed:
            continue
        low, high = _COMPARABLE
        if not low <= abs(bare.value / printed) <= high:
            continue
        result[i + 1] = bare.model_copy(
            update={
                "value": bare.value.scaleb(exponent),
                "decimals": bare.decimals - exponent,
                "kind": figure.kind,
                "currency": figure.currency,
                "shared_sign": figure.shared_sign,
                "scale": figure.scale,
                "unit": figure.unit,
                "bare": False,
            }
        )
    return result


# A scale's letter joined to a currency code, before it ("TEUR", "kEUR", "MSEK") or after it
# ("EURm", "SEKbn", "EUR'000"), as the tables' unit lines print it.
_SCALE_BEFORE = {"T": 3, "k": 3, "K": 3, "M": 6, "m": 6}
_SCALE_AFTER = {"k": 3, "m": 6, "bn": 9, "'000": 3}


def _scaled_spellings(currencies: dict[str, tuple[str, ...]]) -> list[str]:
    codes = [n for names in currencies.values() for n in names if len(n) == 3 and n.isupper()]
    before = [f"{letter}{code}" for code in codes for letter in _SCALE_BEFORE]
    return before + [f"{code}{letters}" for code in codes for letters in _SCALE_AFTER]


def _scaled_codes(currencies: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    """Each scaled spelling (lower case) to its currency code and power of ten."""
    found: dict[str, tuple[str, int]] = {}
    for code, names in currencies.items():
        for name in (n for n in names if len(n) == 3 and n.isupper()):
            for letter, power in _SCALE_BEFORE.items():
                found.setdefault(f"{letter}{name}".lower(), (code, power))
            for letters, power in _SCALE_AFTER.items():
                found.setdefault(f"{name}{letters}".lower(), (code, power))
    return found


@cache
def _readers() -> dict[int, FigureReader]:
    return {}


def figure_reader(taxonomy: Taxonomy) -> FigureReader:
    """The reader for `taxonomy` (built once)."""
    readers = _readers()
    key = id(taxonomy)
    if key not in readers:
        readers[key] = FigureReader(taxonomy)
    return readers[key]
