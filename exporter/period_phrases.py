"""Period phrases: what a column header, a title or a caption says about a period.

A small grammar over the words of `taxonomy/periods.toml` (see the comment there): a
phrase is a set of parts (a span, a fiscal quarter or half, year-to-date, a full year, an
instant marker, an end date or part of one), each optional. Parsing never decides the
period; it only says what the text states, so that pieces from several header rows, the
title and the caption can be combined, and what is still missing can be taken from the
release's fiscal calendar (`exporter/tables/resolve.py`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from exporter.periods import months_back
from exporter.vocabulary import MONTH_NAMES, MONTHS, Vocabulary, vocabulary

_MONTHS = MONTHS
_MONTH = f"(?P<month>{MONTH_NAMES})"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_FOOTNOTE_MARKS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079*†‡§]+|\((?:[a-z]|\d{1,2})\)")


@dataclass(frozen=True)
class PeriodPhrase:
    """The parts of a period a piece of text states; every part is optional."""

    end: date | None = None
    month_day: tuple[int, int] | None = None
    years: tuple[int, ...] = ()
    # The dates a title or spanning header lists, one for each period it compares
    # ("November 1, 2025 and November 2, 2024", "September 30, 2025 and 2024", "December
    # 31, 2025, 2024 and 2023"): each column is the one its own year or label names, never
    # the last one listed (`end` keeps the date read last, as for any phrase).
    ends: tuple[date, ...] = ()
    span: tuple[str, int] | None = None  # ("months", 3), ("weeks", 13), ("days", 92)
    quarter: int | None = None
    half: int | None = None
    fiscal_year: int | None = None
    # The fiscal year is printed over the two calendar years it spans ("2025/26", "H1
    # FY2025/26"): `fiscal_year` is then the later one, the calendar year the fiscal year
    # ends in, whatever the release's own labels count from.
    split_year: bool = False
    year_to_date: bool = False
    full_year: bool = False
    trailing: bool = False
    instant: bool = False
    open_end: bool = False
    # The end of the fiscal year the part the phrase names belongs to ("first half of the
    # fiscal year ending March 31, 2026"): `end` is then the part's own end.
    year_end: date | None = None
    # The phrase prints the period's first day as well as its last ("Period from January
    # 1, 2025 through March 15, 2025"): its dates are its own, whatever calendar the
    # release keeps, and say nothing of that calendar (a stub ends where an event fell).
    printed_start: bool = False
    words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def year(self) -> int | None:
        """The year the phrase names: a fiscal-year label first, else its last lone year."""
        if self.fiscal_year is not None:
            return self.fiscal_year
        return self.years[-1] if self.years else None

    @property
    def named_years(self) -> set[int]:
        """Every year the phrase names: its lone years, its date's and its listed dates'."""
        return {*self.years, *(d.year for d in self.ends), *([self.end.year] if self.end else [])}

    @property
    def has_date(self) -> bool:
        return self.end is not None or self.month_day is not None

    @property
    def names_part_of_year(self) -> bool:
        """A quarter, half, span or year-to-date: which part of a fiscal year it covers."""
        return bool(self.quarter or self.half or self.span or self.year_to_date or self.full_year)

    @property
    def states_kind(self) -> bool:
        """Whether the phrase says what kind of period it is: a part of a year, a full or
        trailing year, or a balance at a date."""
        return self.names_part_of_year or self.instant or self.trailing

    def as_whole_fiscal_year(self) -> PeriodPhrase:
        """A fiscal year named alone ("FY 2024", "Fiscal 2024") as the whole fiscal year.

        Beside columns that name a half or a quarter, such a column is the year they are
        parts of: the span a caption names ("for the six months ended 30 June 2025") is
        the kind of the other columns, not of this one.
        """
        if self.fiscal_year is None or self.states_kind:
            return self
        return replace(self, full_year=True)

    @property
    def lengths(self) -> frozenset[int]:
        """The lengths in months of the periods the phrase names (a quarter, a half, a
        span, a full year); more than one when it joins periods of different lengths."""
        found = set()
        if self.quarter:
            found.add(3)
        if self.half:
            found.add(6)
        if self.full_year:
            found.add(12)
        if self.span:
            unit, count = self.span
            per_month = {"months": 1, "weeks": 52 / 12, "days": 365.25 / 12}[unit]
            found.add(round(count / per_month))
        return frozenset(found)

    @property
    def is_empty(self) -> bool:
        return self == PeriodPhrase()

    def completed_by(self, other: PeriodPhrase) -> PeriodPhrase:
        """This phrase with the parts it lacks taken from `other` (a title, a caption).

        A date or year of our own is never replaced; `other`'s year is used only when it
        names a single one (a caption over a comparison names two and says nothing about
        which column is which).
        """
        updates: dict[str, object] = {}
        kind_missing = not self.states_kind
        # "Fourth Quarter and Full Year 2024 Results" names two lengths: it cannot say
        # which one a column has.
        kind_missing = kind_missing and len(other.lengths) <= 1
        if kind_missing:
            kind = ("span", "printed_start", "quarter", "half", "year_to_date", "full_year")
            for name in (*kind, "trailing"):
                updates[name] = getattr(other, name)
            updates["instant"] = self.instant or (other.instant and not other.names_part_of_year)
            updates["open_end"] = self.open_end or other.open_end
        own_year = bool(self.years) or self.fiscal_year is not None
        takes_day = not (self._outlasts(other) or self.names_fiscal_period)
        if self.end is None and self.month_day is None and other.ends and not self._outlasts(other):
            # Which of the dates listed for the compared periods is this column's, its own
            # year or fiscal label says (`resolve`), a label's as well as a year's.
            updates["ends"] = other.ends
        if self.end is None and self.month_day is None and takes_day:
            other_years = other.named_years
            if not own_year and other.end is not None and len(other_years) == 1:
                updates["end"] = other.end
            else:
                updates["month_day"] = other.month_day or (
                    (other.end.month, other.end.day) if other.end else None
                )
                if not own_year and len(other_years) == 1:
                    updates["years"] = tuple(other_years)
        if self.fiscal_year is None and not self.years and other.fiscal_year is not None:
            updates["fiscal_year"] = other.fiscal_year
            updates["split_year"] = other.split_year
        if self.year_to_date and not (self.quarter or self.half or self.span):
            # "Year-to-Date" under a title naming the quarter it runs to.
            updates["quarter"], updates["half"] = other.quarter, other.half
        return replace(self, **updates)  # type: ignore[arg-type]  # fields by name, each of its type

    @property
    def names_fiscal_period(self) -> bool:
        """A fiscal label naming a quarter, a half, months of the year or the whole year
        ("Q2 FY26", "H1 FY2026", "9M FY26", "FY26", "Q2 2026"): its dates are the fiscal
        calendar's. A title's day and month ("Quarter and Half Year Ended 30th September
        2025") end one of such columns only, and the label's year is a fiscal year, not
        the calendar year that day falls in (Q2 FY26 of a year ending in March ends in
        September 2025); the title's date is evidence of the calendar instead."""
        return self.fiscal_year is not None and not self.trailing

    def _outlasts(self, other: PeriodPhrase) -> bool:
        """Whether this phrase names a whole fiscal year in words ("Full year 2024", "FY
        2024") and `other` one shorter span: `other`'s date ends that span ("for the six
        months ended 30 June 2025"), not the year, which ends at the fiscal year end the
        calendar knows. (A count of months, "Twelve months", may run to any date.)"""
        theirs = other.lengths
        words_a_year = self.full_year and self.span is None and not self.trailing
        return words_a_year and len(theirs) == 1 and max(theirs) < 12


def _normalise(text: str) -> str:
    text = _FOOTNOTE_MARKS.sub(" ", text)
    text = text.replace("\u00a0", " ").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\u2019", "'")
    return " ".join(text.lower().split())


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) <= 2 else value  # "24" is 2024; "0024" is no year of ours


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


# "2026-06-30", and "2026/06/30" as East Asian releases print it.
_ISO = re.compile(
    r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/-])"
)
# A span given as its first and last months: "January-June 2026", "Apr.-Jun. 2026",
# "Jan-Sep" over a year; "1-6/2026" (months by number, as Nordic releases print them).
# The first month may carry its own year, a span across the turn of a year ("Oct
# 2024-Sep 2025": twelve months, not the month of September 2025 alone).
_MONTH_RANGE = re.compile(
    rf"\b(?P<first>{_MONTH.replace('?P<month>', '?:')})\.?(?:\s+(?P<first_year>\d{{4}}))?"
    rf"\s*(?:-|to|through)\s*{_MONTH2}\.?(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"
)
_NUMBERED_MONTHS = re.compile(
    r"(?<![\d/.-])(?P<first>1[0-2]|0?[1-9])\s*-\s*(?P<last>1[0-2]|0?[1-9])/(?P<year>\d{4})(?![\d/])"
)
# "30.06.2026": day first, as the countries that print dates with dots write them.
_DOTTED = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>\d{4})(?![\d.])")
# "1.1." in "1.1.-30.9.2025": a day and month printed with dots and no year, the first
# day of a range whose last day carries the year. Read only there: alone, "30.09." (a
# label's "Employees (30.09.)") or "2.1." (a section number) is no period of a column.
_DAY_MONTH_DOTS = r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\."
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
# ("1 - June" is the end of a range, not a date; "1 January - 30 June": "30" is no year.)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w,.])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-){_MONTH}\.?"
    rf"(?:[\s,-]+(?P<year>\d{{4}}|\d{{2}}(?!\s+{_MONTH.replace('?P<month>', '?:')})))?(?![\d,])"
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\.?,?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<year>\d{{4}})(?!\d))?"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?,?\s+(?P<year>\d{{4}})(?!\d)")
# "Dec-24", "Dec'23": a month and a two-digit year, as column headers print them; 28 and
# over reads as a month's last day ("Sep-30"), not a year.
# "Dec-25", "Sep'25", "Dec/25" (as Brazilian releases print a month and its year).
_MONTH_SHORT_YEAR = re.compile(rf"\b{_MONTH}[-'\u2019/](?P<year>[01]\d|2[0-7])(?![\d-])")
# A month naming the period it ends, without a day: "June Quarter 2026", "December
# quarter", "June YTD", or a header cell that is the month alone ("June" over "Quarter"
# over "2026"). Its day is the month's last (February's is clamped for the year).
_MONTH_NAMING_A_PERIOD = re.compile(
    rf"\b{_MONTH}\.?(?=[\s-]+(?:fiscal\s+)?(?:quarters?|qtrs?|half|ytd|year-to-date)\b)"
)
_MONTH_ALONE = re.compile(rf"^\s*{_MONTH}\.?\s*$")
_LONGEST_MONTH = {month: calendar.monthrange(2000, month)[1] for month in range(1, 13)}
# A year ends a sentence's clause with a comma ("the financial year 2025, to be"); a
# comma before a digit continues a number ("2025,000").
_LONE_YEAR = re.compile(r"(?<![\d,.$/-])(?:19|20)\d\d(?![\d%/-]|,\d)|(?<=')\d\d\b")


def _take(text: str, match: re.Match[str]) -> str:
    """`text` with the match blanked out, so later parts do not read it again."""
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


# A date found in a phrase: where it starts and ends, and the date or its month and day.
_Found = tuple[int, int, date | None, tuple[int, int] | None]


def _month_ranges(text: str, parts: dict[str, object], found: list[_Found]) -> str:
    """ "January-June 2026": six months ending June 30, 2026 (not the instant "June 2026"
    would be); the months counted from the first to the last, across a year end too."""
    for pattern in (_MONTH_RANGE, _NUMBERED_MONTHS):
        for match in list(pattern.finditer(text)):
            if pattern is _MONTH_RANGE:
                first, last = _MONTHS[match["first"]], _MONTHS[match["month2"]]
                if match["first_year"] and not match["year"]:
                    continue  # "June 2025 - December": no span of known length
            else:
                first, last = int(match["first"]), int(match["last"])
            months = (last - first) % 12 + 1
            if pattern is _MONTH_RANGE and match["first_year"]:
                months = (_year(match["year"]) - _year(match["first_year"])) * 12 + last - first + 1
                if months < 1:
                    continue
            parts["span"] = ("months", months)
            if match["year"]:
                year = _year(match["year"])
                day = calendar.monthrange(year, last)[1] if 1900 <= year <= 2100 else 0
                found.append((match.start(), match.end(), _safe_date(year, last, day), None))
            else:
                found.append((match.start(), match.end(), None, (last, _LONGEST_MONTH[last])))
            text = _take(text, match)
    return text


def _dates(text: str, parts: dict[str, object]) -> str:
    """Full dates, dates without a year and months with a year; the last one wins. Two
    dates joined as a range ("April 1, 2024 to March 31, 2025") give the span between."""
    original = text
    text, found = _found_dates(text, parts)
    text, found = _listed_years(text, found)
    if ends := _listed_dates(text, found):
        parts["ends"] = ends
    if found:
        _, _, end, month_day = max(found, key=lambda f: f[0])
        parts["end"], parts["month_day"] = end, month_day
        if "span" not in parts and (span := _date_range(original, sorted(found))):
            parts["span"], parts["printed_start"] = span, True
            text = re.sub(r"^\s*from\b", " ", text)
    return text


def _listed_years(text: str, found: list[_Found]) -> tuple[str, list[_Found]]:
    """ "September 30, 2025 and 2024", "December 31, 2025, 2024 and 2023": the years
    listed after a date are that day in each of them, dates of the listing like the
    first (read as lone years they would be taken for a column's own)."""
    joins = vocabulary().alternatives("listing")
    after = re.compile(rf"(?:\s*(?:{joins})\s*)+(?P<year>(?:19|20)\d\d)(?![\d%/-]|,\d)")
    added: list[_Found] = []
    for _, stop, day, _ in sorted(found, key=lambda f: f[0]):
        if day is None:
            continue
        while (match := after.match(text, stop)) is not None:
            listed = _safe_date(int(match["year"]), day.month, day.day)
            if listed is None or any(stop <= other < match.end() for other, *_ in found):
                break  # (a date read already, blanked out, is no listing word)
            start_year, stop = match.start("year"), match.end()
            added.append((start_year, stop, listed, None))
            text = text[:start_year] + " " * (stop - start_year) + text[stop:]
    return text, sorted([*found, *added], key=lambda f: f[0])


def _listed_dates(text: str, found: list[_Found]) -> tuple[date, ...]:
    """The dates of a listing of compared periods: full dates printed one after another
    with only listing words between them ("and", ","), in at least two years, the last
    the phrase prints. A date printed after them ("3/25/2023", a column's own under the
    listing of its spanning header) is the column's: the listing then dates nothing."""
    joins = re.compile(rf"(?:\s*(?:{vocabulary().alternatives('listing')})\s*)+")
    runs: list[list[date]] = []
    previous_stop = None
    for start, stop, day, _ in found:
        joined = previous_stop is not None and joins.fullmatch(text, previous_stop, start)
        if day is not None and joined and runs:
            runs[-1].append(day)
        elif day is not None:
            runs.append([day])
        previous_stop = stop if day is not None else None
    last = runs[-1] if runs else []
    if len(last) > 1 and len({d.year for d in last}) > 1 and previous_stop is not None:
        return tuple(last)
    return ()


def _found_dates(text: str, parts: dict[str, object]) -> tuple[str, list[_Found]]:
    """Every date, date without a year and month with a year `text` prints, and the text
    with them blanked out; a span of months ("January-June 2026") goes into `parts`."""
    found: list[_Found] = []
    text = _month_ranges(text, parts, found)
    for match in list(_ISO.finditer(text)):
        day = _safe_date(_year(match["year"]), int(match["m"]), int(match["d"]))
        found.append((match.start(), match.end(), day, None))
        text = _take(text, match)
    for match in list(_NUMERIC.finditer(text)):
        a, b = int(match["a"]), int(match["b"])
        month, day_of = (b, a) if a > 12 else (a, b)
        day = _safe_date(_year(match["year"]), month, day_of)
        found.append((match.start(), match.end(), day, None))
        text = _take(text, match)
    for match in list(_dotted_range_start().finditer(text)):
        month, day_of = int(match["m"]), int(match["d"])
        if 1 <= month <= 12 and 1 <= day_of <= _LONGEST_MONTH[month]:
            found.append((match.start(), match.end(), None, (month, day_of)))
            text = _take(text, match)
    for match in list(_DOTTED.finditer(text)):
        day = _safe_date(_year(match["year"]), int(match["m"]), int(match["d"]))
        found.append((match.start(), match.end(), day, None))
        text = _take(text, match)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in list(pattern.finditer(text)):
            month, day_of = _MONTHS[match["month"]], int(match["day"])
            if match["year"]:
                day = _safe_date(_year(match["year"]), month, day_of)
                found.append((match.start(), match.end(), day, None))
            elif 1 <= day_of <= 31:
                found.append((match.start(), match.end(), None, (month, day_of)))
            text = _take(text, match)
    months = [*_MONTH_YEAR.finditer(text), *_MONTH_SHORT_YEAR.finditer(text)]
    for match in months:
        year, month = _year(match["year"]), _MONTHS[match["month"]]
        last = calendar.monthrange(year, month)[1] if 1900 <= year <= 2100 else 0
        found.append((match.start(), match.end(), _safe_date(year, month, last), None))
        text = _take(text, match)
    for match in [*_MONTH_NAMING_A_PERIOD.finditer(text), *_MONTH_ALONE.finditer(text)]:
        month = _MONTHS[match["month"]]
        found.append((match.start(), match.end(), None, (month, _LONGEST_MONTH[month])))
        text = _take(text, match)
    return text, found


@cache
def _dotted_range_start() -> re.Pattern[str]:
    joins = vocabulary().alternatives("date_range")
    return re.compile(rf"{_DAY_MONTH_DOTS}(?=\s*(?:{joins})\s*\d{{1,2}}\.\d{{1,2}}\.\d{{4}})")


def _date_range(text: str, found: list[_Found]) -> tuple[str, int] | None:
    """The span of a duration printed as its first and last days ("April 1, 2024 to March
    31, 2025", "1 January - 30 June 2025", "1.1.-30.9.2025"): whole months, whole weeks,
    else its days. A range is a duration whatever days it runs between, never the instant
    its last day alone would be."""
    joins = set(vocabulary().words["date_range"])
    for (_, first_end, first, first_day), (second_start, _, last, _) in pairwise(found):
        if last is None or text[first_end:second_start].strip() not in joins:
            continue
        if first is None and first_day is not None:
            month, day = first_day
            year = last.year if (month, day) <= (last.month, last.day) else last.year - 1
            first = _safe_date(year, month, day)
        if first is None or first >= last:
            continue
        days = (last - first).days + 1
        month_end = last.day == calendar.monthrange(last.year, last.month)[1]
        if first.day == 1 and month_end:
            return "months", (last.year - first.year) * 12 + last.month - first.month + 1
        if days % 7 == 0:
            return "weeks", days // 7
        return "days", days
    return None


def _count(word: str, vocab: Vocabulary) -> int | None:
    if word.isdecimal():
        return int(word)
    return vocab.counts.get(word)


def _split_years(text: str, parts: dict[str, object], vocab: Vocabulary) -> str:
    """ "2025/26", "FY 2025/26", "H1 FY2025/26", "2025-26": a fiscal year printed over the
    two calendar years it spans, the second one year after the first. It names the year
    that ends in the second (a March year end's "H1 2025/26" is April to September 2025);
    read as the lone year "2025" it would be a year early."""
    fiscal = vocab.alternatives("fiscal_year")
    pattern = re.compile(
        rf"(?<![\w/.-])(?:(?:{fiscal})\s*(?:year\s*)?)?(?P<first>(?:19|20)\d\d)\s*[/-]\s*"
        r"(?P<second>\d\d(?:\d\d)?)(?![\w/.%-])"
    )
    for match in list(pattern.finditer(text)):
        first, second = int(match["first"]), match["second"]
        later = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if later != first + 1:
            continue
        parts["fiscal_year"], parts["split_year"] = later, True
        text = _take(text, match)
    return text


def _spans(text: str, parts: dict[str, object], vocab: Vocabulary) -> str:
    """ "Three Months", "13 weeks", "twelve-month", "9M"; "Fourth Quarter", "Q4", "4Q24"."""
    counts = "|".join(sorted(map(re.escape, vocab.counts), key=len, reverse=True))
    units = "|".join(
        sorted((re.escape(u) for us in vocab.units.values() for u in us), key=len, reverse=True)
    )
    ordinals = "|".join(sorted(map(re.escape, vocab.ordinals), key=len, reverse=True))
    span = re.compile(rf"\b(?P<count>\d{{1,2}}|{counts})[\s-]+(?P<unit>{units})\b")
    for match in list(span.finditer(text)):
        count = _count(match["count"], vocab)
        unit = vocab.unit_of(match["unit"])
        if count is not None:  # "0 months ended ...": a span of no length, no period
            parts["span"] = _as_span(unit, count)
        text = _take(text, match)
    short = re.compile(r"\b(?P<count>\d{1,2})m(?:\s*'?(?P<year>\d{2})\b)?\b")
    for match in list(short.finditer(text)):
        parts["span"] = ("months", int(match["count"]))
        if match["year"]:
            parts["fiscal_year"] = _year(match["year"])
        text = _take(text, match)
    # "Quarter 2 2026", "Qtr 2": the quarter numbered after the word.
    quarter = vocab.units_of("quarter")
    numbered = re.compile(rf"\b(?:{quarter})\.?\s+(?P<n>[1-4])\b(?!\s*(?:months|weeks))")
    for match in list(numbered.finditer(text)):
        parts["quarter"] = int(match["n"])
        text = _take(text, match)
    named = re.compile(rf"\b(?P<ord>{ordinals})[\s-]+(?P<what>{quarter}|half)\b")
    for match in list(named.finditer(text)):
        parts["half" if match["what"] == "half" else "quarter"] = vocab.ordinals[match["ord"]]
        text = _take(text, match)
    # "Q1-Q3 2025", "1Q-3Q25": the quarters from the first of the fiscal year to the last
    # named, a span ("9M 2025"); a range starting later is no span from the year's start.
    joins = "|".join(re.escape(w) for w in vocab.words["date_range"])
    quarters = re.compile(
        rf"\b(?:q1|1q)\s*(?:{joins})\s*(?:q(?P<q>[1-4])\b|(?P<n>[1-4])q)"
        r"\s*[/-]?\s*'?(?P<year>\d{2}(?:\d{2})?\b)?"
    )
    for match in list(quarters.finditer(text)):
        parts["span"] = ("months", 3 * int(match["q"] or match["n"]))
        if match["year"]:
            parts["fiscal_year"] = _year(match["year"])
        text = _take(text, match)
    # "Q2 2026", "Q2'26", "Q2-2026", "Q2/2026"; "2Q26", "2Q 2026".
    q_first = re.compile(r"\b(?P<what>[qh])(?P<n>[1-4])\b\s*[/-]?\s*'?(?P<year>\d{2}(?:\d{2})?\b)?")
    n_first = re.compile(r"\b(?P<n>[1-4])(?P<what>[qh])\s*[/-]?\s*'?(?P<year>\d{2}(?:\d{2})?\b)?")
    # "2026-Q2", "2026 H1": the year first.
    year_first = re.compile(r"(?<![\d/.-])(?P<year>\d{4})\s*[/-]?\s*(?P<what>[qh])(?P<n>[1-4])\b")
    for pattern in (year_first, q_first, n_first):
        for match in list(pattern.finditer(text)):
            which = "quarter" if match["what"] == "q" else "half"
            parts[which] = int(match["n"])
            if match["year"]:
                parts["fiscal_year"] = _year(match["year"])
            text = _take(text, match)
    return text


def _as_span(unit: str, count: int) -> tuple[str, int]:
    if unit == "week":
        return "weeks", count
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[unit]
    return "months", count * months


def _flags(text: str, parts: dict[str, object], vocab: Vocabulary) -> str:
    fiscal = re.compile(
        rf"\b(?:{vocab.alternatives('fiscal_year')})\s*(?:year\s*)?'?(?P<year>\d{{4}}|\d{{2}})\b"
    )
    for match in list(fiscal.finditer(text)):
        parts["fiscal_year"] = _year(match["year"])
        text = _take(text, match)
    first_half = re.compile(rf"(?<![\w-])(?:{vocab.alternatives('first_half')})(?![\w-])")
    for match in list(first_half.finditer(text)):
        parts["half"] = parts.get("half") or 1
        text = _take(text, match)
    # "Half year ended 30 June 2026", "Half-year 2024", "Semester": six months (not the
    # "year ended" of a full year).
    halves = "|".join(re.escape(u) for u in vocab.units["half"] if u != "halves")
    bare_half = re.compile(rf"(?<![\w-])(?:{halves})(?![\w-])")
    for match in list(bare_half.finditer(text)):
        parts["span"] = parts.get("span") or ("months", 6)
        text = _take(text, match)
    for flag, words in (
        ("open_end", "open_period"),
        ("trailing", "trailing_year"),
        ("year_to_date", "year_to_date"),
        ("full_year", "full_year"),
    ):
        pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternatives(words)})(?![\w-])")
        for match in list(pattern.finditer(text)):
            parts[flag] = True
            text = _take(text, match)
    instant = re.compile(rf"^\W*(?:{vocab.alternatives('instant')})\b")
    if found := instant.search(text):
        parts["instant"] = True
        text = _take(text, found)
    if re.search(rf"\b(?:{vocab.units_of('quarter')})\b", text) and not parts.get("quarter"):
        parts["span"] = parts.get("span") or ("months", 3)
    return text


def parse_phrase(text: str) -> PeriodPhrase:
    """What `text` states about a period (see the grammar in `periods.toml`)."""
    return _parse(_normalise(text))


_MARK_IN_HEADER = re.compile(r"([\u00b9\u00b2\u00b3\u2070-\u2079]+)|\((\d{1,2})\)")
_SUPERSCRIPT_DIGITS = str.maketrans(
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789"
)


def footnote_marks(text: str) -> tuple[str, ...]:
    """The footnote marks a header carries ("July 29, 2023¹", "Q2 (1)"), as digits."""
    return tuple(
        (m.group(1) or m.group(2)).translate(_SUPERSCRIPT_DIGITS)
        for m in _MARK_IN_HEADER.finditer(text)
    )


def note_period(note: str) -> PeriodPhrase:
    """What a footnote says of the length of the periods it marks ("activity for the
    trailing 12 months ended as of each of the balance sheet dates"), or an empty phrase
    when it states a date or year of its own (it is about something else)."""
    phrase = parse_phrase(note)
    if phrase.has_date or phrase.years or not (phrase.trailing or phrase.span):
        return PeriodPhrase()
    return phrase


def counted_by_columns(title: PeriodPhrase, columns: list[PeriodPhrase]) -> PeriodPhrase:
    """The title's phrase as its columns read it: a span of several whole years over
    columns that each name one year, about as many as the span counts ("Five-Year
    Summary", "Ten-Year Financial Summary", "3-Year Comparison" over "2021 | ... | 2025"),
    counts the years the table compares, not the length of each column's period: each
    column is then one whole fiscal year.

    A span of a year or less ("Twelve Months Ended December 31", "Six Months Ended June
    30," over "2025 | 2024", "52 weeks ended") or one that is no whole number of years is
    the length of each column's period and stays so; so does a span over columns that
    name more than a year each (a quarter, a date, a fiscal label state their own kind).
    """
    years = [column.year for column in columns if names_only_a_year(column)]
    return _as_one_year_each(title) if _counts_years(title.span, years) else title


def kind_stated_for_its_year(
    title: PeriodPhrase, column: PeriodPhrase, columns: list[PeriodPhrase]
) -> bool:
    """Whether `column` names only a year that another column names with the title's kind
    of period: over "4Q25 | 4Q24 | 2025 | 2024" a caption's "fourth quarter (4Q25)" is the
    quarter columns' own, and "2025" beside "4Q25" is another period of that year (the
    whole year, where the calendar shows the release reports through its end), not the
    same quarter again, nor one ending on a day the caption prints."""
    lengths = title.lengths
    if not lengths or not names_only_a_year(column):
        return False
    return any(
        other.names_part_of_year and other.lengths == lengths and column.year in _years(other)
        for other in columns
    )


def _years(phrase: PeriodPhrase) -> set[int]:
    """The years a phrase names, its fiscal label's as well ("4Q25": 2025)."""
    years = set(phrase.named_years)
    if phrase.year is not None:
        years.add(phrase.year)
    return years


def columns_counted(columns: list[PeriodPhrase]) -> list[PeriodPhrase]:
    """The columns' phrases with a span of several years that each carries from a title
    spanning them all ("Five-Year Summary" printed over "2021 | ... | 2025" in the table's
    own header rows) read as the count of their years: each column one whole year."""
    spans = {column.span for column in columns if not column.is_empty}
    if len(spans) != 1:
        return columns
    named = [column for column in columns if not column.is_empty]
    years = [column.year for column in named if names_only_a_year(_without_span(column))]
    if len(years) < len(named) or not _counts_years(spans.pop(), years):
        return columns
    return [_as_one_year_each(column) for column in columns]


def _counts_years(span: tuple[str, int] | None, years: list[int | None]) -> bool:
    """Whether a span is a count of the years the columns name: several whole years,
    and as many distinct years named, give or take a third of them (a base year or a
    year left out)."""
    if span is None or span[0] != "months" or span[1] <= 12 or span[1] % 12:
        return False
    counted = span[1] // 12
    if len(years) < 2 or len(set(years)) < len(years):
        return False
    return abs(len(years) - counted) <= max(1, counted // 3)


def _as_one_year_each(phrase: PeriodPhrase) -> PeriodPhrase:
    return replace(phrase, span=None, full_year=True)


def _without_span(phrase: PeriodPhrase) -> PeriodPhrase:
    return replace(phrase, span=None)


def names_only_a_year(phrase: PeriodPhrase) -> bool:
    """A column naming one calendar year and nothing else of its period ("2021")."""
    bare = not (phrase.has_date or phrase.ends or phrase.states_kind)
    return bare and phrase.fiscal_year is None and len(phrase.named_years) == 1


def single_period(text: str) -> PeriodPhrase:
    """The period a title or caption names when it names exactly one, else an empty phrase.

    Columns whose headers state nothing of a period ("GAAP Reported % Change", "Organic %
    Change") take the period of a title such as "Summary First-Quarter 2023 Performance";
    a title that joins two periods ("Quarter and Year Ended", "March 25, 2023 and March 19,
    2022") does not say which column is which.
    """
    phrase = parse_phrase(text)
    joining = set(vocabulary().words["joining"])
    years = phrase.named_years
    if len(years) > 1 or joining & set(phrase.words):
        return PeriodPhrase()
    return phrase


def dated_day(text: str) -> PeriodPhrase:
    """The one day a title or caption dates its table by ("for the Quarter and Half Year
    Ended 30th September 2025"), as a phrase of that date alone; of its day and month
    alone when it names several years ("September 30, 2025 and 2024"), and empty when it
    names no day or several ("as of June 30, 2025 and December 31, 2024")."""
    if len(_days_named(text)) != 1:
        return PeriodPhrase()
    phrase = parse_phrase(text)
    years = phrase.named_years
    if phrase.end is not None and len(years) == 1:
        return PeriodPhrase(end=phrase.end)
    month_day = phrase.month_day or ((phrase.end.month, phrase.end.day) if phrase.end else None)
    return PeriodPhrase(month_day=month_day)


def lead_period(text: str) -> PeriodPhrase:
    """What a sentence introducing a table says of its columns' periods ("The following
    table summarizes cash flows for the nine months ended September 30, 2025 and 2024:"),
    or an empty phrase when it names more than one length or day of the year ("for the
    three and nine months ended", "as of September 30, 2025 and December 31, 2024"): it
    then does not say which column is which.

    Parsing keeps the last of several parts it finds, so what it left unread is searched
    for another: a count or a unit of a span ("three", "quarter") left in the words.
    """
    phrase = parse_phrase(text)
    if len(phrase.lengths) > 1 or len(_days_named(text)) > 1:
        return PeriodPhrase()
    vocab = vocabulary()
    spans = {s for spellings in vocab.units.values() for s in spellings} | set(vocab.counts)
    if any(word.strip(",;:") in spans for word in phrase.words):
        return PeriodPhrase()
    return phrase


def _days_named(text: str) -> set[tuple[int, int]]:
    """The days of the year (month, day) the dates in `text` fall on."""
    _, found = _found_dates(_normalise(text), {})
    days = {(end.month, end.day) if end else month_day for _, _, end, month_day in found}
    return {day for day in days if day is not None}


def says_only_comparison(text: str) -> bool:
    """A label made of nothing but change or comparison words, period units and words
    placing a period relative to the reported one ("Current quarter vs prior year quarter",
    "% change", "Y/Y growth"): it names no line item of its own."""
    vocab = vocabulary()
    lowered = _normalise(text)
    changes = [*vocab.words["change"], *vocab.words["comparison"]]
    if not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lowered) for w in changes):
        return False
    allowed = {w for w in changes if " " not in w} | set(vocab.words["relative"])
    allowed |= {s for spellings in vocab.units.values() for s in spellings if " " not in s}
    tokens = re.findall(r"[a-z/.%-]+", lowered)
    return bool(tokens) and all(t.strip(".") in allowed or t in allowed for t in tokens)


def _year_of_part(text: str, parts: dict[str, object], vocab: Vocabulary) -> str:
    """ "... of the fiscal year ending March 31, 2026": the date ends the fiscal year the
    phrase's part belongs to, not the part; read into `year_end` and blanked out, so the
    dates left are the part's own ("nine months ended December 31, 2025 of the fiscal year
    ending March 2026")."""
    clause = re.compile(rf"(?<![\w-])(?:{vocab.alternatives('part_of_year')})\s+")
    for match in list(clause.finditer(text)):
        _, found = _found_dates(text[match.end() :], {})
        first = min(found, key=lambda f: f[0], default=None)
        if first is None or first[0] != 0 or first[2] is None:
            continue
        parts["year_end"] = first[2]
        text = (
            text[: match.start()]
            + " " * (match.end() + first[1] - match.start())
            + text[match.end() + first[1] :]
        )
    return text


def _placed_in_year(parts: dict[str, object]) -> None:
    """The part's own length and end from the end of the year it belongs to: a quarter
    or half ends as many months before the year end as the quarters or halves after it
    fill; a span from the year's start ("nine months") as many as the year has left. A
    date of the part's own ("nine months ended December 31, 2025") stays its end. A
    phrase naming no part names the whole year."""
    year_end = parts["year_end"]
    assert isinstance(year_end, date)
    quarter, half, span = parts.get("quarter"), parts.get("half"), parts.get("span")
    if isinstance(quarter, int):
        months_left = 3 * (4 - quarter)
        parts.setdefault("span", ("months", 3))
    elif isinstance(half, int):
        months_left = 6 * (2 - half)
        parts.setdefault("span", ("months", 6))
    elif isinstance(span, tuple) and span[0] == "months" and 0 < span[1] <= _MONTHS_IN_YEAR:
        months_left = _MONTHS_IN_YEAR - span[1]
    else:
        parts["full_year"] = True
        months_left = 0
    if parts.get("end") is None:
        parts["end"] = months_back(year_end, months_left) - timedelta(days=1)
        parts.pop("month_day", None)


_MONTHS_IN_YEAR = 12


@cache
def _parse(text: str) -> PeriodPhrase:
    vocab = vocabulary()
    parts: dict[str, object] = {}
    text = _year_of_part(text, parts, vocab)
    rest = _dates(_split_years(text, parts, vocab), parts)
    # "Trailing 12 months" before the spans read "12 months" as a fiscal year's length.
    trailing = re.compile(rf"(?<![\w-])(?:{vocab.alternatives('trailing_year')})(?![\w-])")
    for match in list(trailing.finditer(rest)):
        parts["trailing"] = True
        rest = _take(rest, match)
    rest = _spans(rest, parts, vocab)
    rest = _flags(rest, parts, vocab)
    years = tuple(_year(m.group()) for m in _LONE_YEAR.finditer(rest))
    if years:
        parts["years"] = years
    if parts.get("year_end") is not None:
        _placed_in_year(parts)
    if parts.get("span") == ("months", 12):
        parts["full_year"] = True
    return PeriodPhrase(**parts, words=tuple(rest.split()))  # type: ignore[arg-type]  # parts by field name


def unread_words(phrase: PeriodPhrase) -> tuple[str, ...]:
    """The words of a phrase the grammar left unread, less those it has a place for: the
    word between a span and its end date ("Three months ended September 30, 2025") and a
    span unit it read as the period's kind ("Quarter ended ..."). What remains is text of
    another kind beside the period ("Sales 2025", "Revenue Q3 2025")."""
    vocab = vocabulary()
    joins = set(vocab.words["ended"]) if phrase.has_date and phrase.states_kind else set()
    units = {s for spellings in vocab.units.values() for s in spellings}
    placed = joins | (units if phrase.names_part_of_year else set())
    return tuple(w for w in phrase.words if any(c.isalpha() for c in w) and w not in placed)


def _anchor(phrase: PeriodPhrase) -> tuple[object, ...]:
    """The parts of a phrase that fix where its period falls: its date, its fiscal year
    and the quarter or half it names."""
    return (phrase.end, phrase.month_day, phrase.fiscal_year, phrase.quarter, phrase.half)


def _complete(text: str) -> bool:
    """Whether `text` is a whole period phrase: it names a date, a fiscal year, or a part
    of a year with its year ("Fourth Quarter 2025", "9M 2025"), and ends with its day or
    year (a month alone, "September", still waits for its day)."""
    phrase = parse_phrase(text)
    ends = any(c.isdigit() for c in text.split()[-1:][0]) if text.split() else False
    dated = phrase.has_date or phrase.fiscal_year is not None
    return ends and (dated or (len(phrase.years) == 1 and phrase.names_part_of_year))


def period_pieces(text: str) -> list[str]:
    """A line of column headers printed one space apart cut into its period phrases
    ("September 30, 2025 December 31, 2024", "Three Months Ended June 30, Six Months Ended
    June 30,", "Q3 2025 Q3 2024"); the text whole when it does not read as two or more.

    A phrase ends with the word that completes its date or fiscal year when the next word
    adds nothing to that date (a year after "June 30," does, "December" does not) or is a
    whole phrase itself ("FY2025 FY2024"); every piece must be a whole phrase.
    """
    words = text.split()
    pieces: list[str] = []
    start = 0
    for end in range(1, len(words)):
        piece = " ".join(words[start:end])
        if not _complete(piece):
            continue
        longer = parse_phrase(" ".join(words[start : end + 1]))
        if _anchor(longer) == _anchor(parse_phrase(piece)) or _complete(words[end]):
            pieces.append(piece)
            start = end
    pieces.append(" ".join(words[start:]))
    if len(pieces) < 2 or not all(_complete(p) for p in pieces):
        return [text]
    return pieces
