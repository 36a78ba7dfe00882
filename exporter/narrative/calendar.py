"""Periods in prose, worked out from the report's own period.

The tables say which period the release reports (the latest quarter and its fiscal year);
prose names periods relative to it: "in the fourth quarter of 2024", "in full year 2024",
"as of December 31, 2023", "in the same period of 2023", "in the prior quarter", "a year
ago", "year-end", "for the first quarter of 2025", "the second half of 2024". A phrase is
either absolute (a period of its own) or relative to the figure it compares with.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta
from enum import StrEnum

from exporter.document import Document, Heading, Paragraph
from exporter.models import Frozen
from exporter.period_phrases import PeriodPhrase as TitlePhrase
from exporter.period_phrases import parse_phrase
from exporter.periods import Period, months_back
from exporter.tables import label_offset, learn_calendar, release_date
from exporter.tables.calendar import CalendarEvidence, FiscalCalendar
from exporter.tables.model import StatementTable
from exporter.tables.resolve import period_of
from exporter.tables.resolve import resolve as resolve_phrase
from exporter.taxonomy_narrative import ends_with_abbreviation
from exporter.vocabulary import vocabulary

_MONTHS = {n.lower(): i for i, n in enumerate(_calendar.month_name) if n}
_MONTHS.update({n.lower(): i for i, n in enumerate(_calendar.month_abbr) if n})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "June 30, 2026", "June 30th 2026", and day first: "30 June 2026", "31st March 2025".
DATE = (
    rf"(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmonth>{_MONTH})\.?,?\s+(?P<dyear>\d{{4}}))"
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_ORDINAL = "|".join(_ORDINALS)
_COUNTS = {"six": 6, "nine": 9}
# A year, or a fiscal year printed over the two calendar years it spans ("2025/26",
# "2024-25"; see `_label`).
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:[/-](?P<split>\d{2}(?:\d{2})?)(?![\d/]))?"
_SPLIT_YEAR = r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})[/-](?P<split>\d{2}(?:\d{2})?)(?![\d/.-])"
# "FY24", "Q3 FY24": a fiscal year by its last two digits.
_SHORT_YEAR = r"(?P<short>\d{2})\b"


class PhraseKind(StrEnum):
    ABSOLUTE = "absolute"
    SAME_PERIOD_OF = "same_period_of"
    PRIOR_YEAR = "prior_year"
    PRIOR_QUARTER = "prior_quarter"
    # The last day of the fiscal year before the one of the figure compared with.
    PRIOR_YEAR_END = "prior_year_end"


class PeriodPhrase(Frozen):
    """A period named in text: where, as printed, and what it means."""

    start: int
    end: int
    text: str
    kind: PhraseKind
    period: Period | None = None
    year: int | None = None


class ReportCalendar(Frozen):
    """The report's current period and its fiscal year (end month and day, label)."""

    current: Period
    year_end: tuple[int, int]
    fiscal_year: int
    # The release's own date (its dateline), when the opening text gives one.
    published: date | None = None
    # The durations the tables' columns date: a period prose names by its months is the
    # table's when they differ by the days of a 52/53-week year.
    known: tuple[Period, ...] = ()
    # A fiscal year named after the calendar year it starts in (a retailer's "fiscal 2024"
    # ending February 1, 2025): -1; named after the year it ends in: 0.
    label_offset: int = 0
    # False where nothing in the release gave the fiscal year's end and December 31 is
    # assumed: a balance "at the end of the previous fiscal year" then has no date.
    year_end_evident: bool = True

    def as_printed(self, period: Period) -> Period:
        """`period`, or the tables' period it is by months (see `known`)."""
        return next((p for p in (self.current, *self.known) if _close(period, p)), period)

    def is_forecast(self, period: Period) -> bool:
        """A period that ends after the release was published can only be forecast."""
        if self.published is not None:
            return period.end > self.published
        return period.end > self.current.end

    def year_end_of(self, label: int) -> date:
        return self._end_in(label - self.label_offset)

    def _end_in(self, year: int) -> date:
        month, day = self.year_end
        return date(year, month, min(day, _calendar.monthrange(year, month)[1]))

    def fiscal_label(self, day: date) -> int:
        """The fiscal year a date falls in, as the release names it."""
        end = self._end_in(day.year)
        return (day.year if day <= end else day.year + 1) + self.label_offset

    def year(self, label: int) -> Period:
        return self.as_printed(
            Period(
                start=self.year_end_of(label - 1) + timedelta(days=1), end=self.year_end_of(label)
            )
        )

    def part(self, label: int, index: int, months: int) -> Period:
        """Quarter (months=3) or half (months=6) number `index` of fiscal year `label`."""
        end = _month_end_back(self.year_end_of(label), (12 // months - index) * months)
        return self.as_printed(Period(start=months_back(end, months), end=end))


def _close(period: Period, other: Period) -> bool:
    """The same period by months as by the tables' dates, which a 52/53-week year moves by
    a few days ("Q4 FY23": October 29 by months, October 30 in the statements)."""
    if period.start is None or other.start is None:
        return False
    week = timedelta(days=7)
    return abs(period.start - other.start) < week and abs(period.end - other.end) < week


def _month_end_back(day: date, months: int) -> date:
    start = months_back(day, months)
    return start - timedelta(days=1)


def shift_years(period: Period, years: int) -> Period:
    """The same period `years` later (earlier when negative); month ends stay month ends."""
    return Period(
        start=_shift(period.start, years) if period.start else None, end=_shift(period.end, years)
    )


def _shift(day: date, years: int) -> date:
    year = day.year + years
    last = _calendar.monthrange(year, day.month)[1]
    month_end = day.day == _calendar.monthrange(day.year, day.month)[1]
    return date(year, day.month, last if month_end else min(day.day, last))


def prior_quarter(period: Period) -> Period | None:
    """The quarter before a quarter; the quarter end before an instant."""
    if period.start is None:
        return Period(end=_month_end_back(period.end, 3))
    if not 80 <= (period.end - period.start).days <= 100:
        return None
    end = period.start - timedelta(days=1)
    return Period(start=months_back(end, 3), end=end)


# A duration printed as its first and last days, the year perhaps on the last only:
# "1.1.-30.9.2025", "01.01.2025 - 30.09.2025", "1 January to 30 September 2025", "April 1
# to June 30, 2025" (the words joining them are `date_range` in periods.toml).
_RANGE_JOIN = rf"\s*(?:[\u2013\u2014]|{vocabulary().alternatives('date_range')})\s*"
_DOTTED_DAY = r"\d{1,2}\.\d{1,2}\."
_WORDED_DAY = rf"(?:\d{{1,2}}\s+(?:{_MONTH})\.?|(?:{_MONTH})\.?\s+\d{{1,2}})"
_DATE_RANGE = (
    rf"(?<![\d.])(?:{_DOTTED_DAY}(?:\d{{4}})?{_RANGE_JOIN}{_DOTTED_DAY}\d{{4}}(?![\d.])"
    rf"|\b{_WORDED_DAY}(?:,?\s+\d{{4}})?{_RANGE_JOIN}{_WORDED_DAY},?\s+\d{{4}}\b)"
)


def _spoken(group: str) -> str:
    """The wordings of a group of periods.toml as prose prints them: any spaces or a
    hyphen between their words ("year-end", "year end")."""
    return "|".join(
        r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", wording))
        for wording in sorted(vocabulary().words[group], key=len, reverse=True)
    )


_PATTERNS: tuple[tuple[PhraseKind, str, str], ...] = (
    (PhraseKind.ABSOLUTE, "date_range", _DATE_RANGE),
    # "(H1 2024/25: GBP 96.1m; 2024/25: GBP 201.7m)": a fiscal year by its two years.
    (PhraseKind.ABSOLUTE, "full_year", _SPLIT_YEAR),
    (
        PhraseKind.ABSOLUTE,
        "span",
        rf"\b(?:the\s+)?(?:three|six|nine|twelve|\d{{1,2}})[\s-]months?\s+ended\s+{DATE}",
    ),
    (PhraseKind.ABSOLUTE, "span", rf"\b(?:the\s+)?(?:fiscal\s+)?quarter\s+ended\s+{DATE}"),
    # "the first half (six months) of the fiscal year ending March 31, 2026": that part of
    # the year the date ends (`part_of_year` in periods.toml), as Japanese issuers write.
    (
        PhraseKind.ABSOLUTE,
        "part_of_year",
        rf"\b(?:the\s+)?(?:{_ORDINAL})[\s-]+(?:quarter|half)(?:\s*\([^()]{{1,20}}\))?"
        rf"\s+(?:{vocabulary().alternatives('part_of_year')})\s+{DATE}",
    ),
    (PhraseKind.ABSOLUTE, "half_ended", rf"\bhalf[\s-]year\s+ended\s+{DATE}"),
    (
        PhraseKind.ABSOLUTE,
        "year_ended",
        rf"(?<!half\s)(?<!half-)\b(?:fiscal\s+)?year\s+ended\s+{DATE}",
    ),
    (
        PhraseKind.ABSOLUTE,
        "instant",
        rf"\b(?:as\s+of|as\s+at|as\s+on|at|on|ended|ending|through)\s+(?:the\s+close\s+of\s+business\s+on\s+)?{DATE}",
    ),
    # "(31 December 2024: GBP 52.3m)": a date labelling a bracket dates the figure in it.
    (PhraseKind.ABSOLUTE, "instant", rf"(?<=\()\s*{DATE}(?=\s*:)"),
    # "Second Quarter FY24": the fiscal year, however printed, is the quarter's.
    (
        PhraseKind.ABSOLUTE,
        "quarter",
        rf"\b(?:the\s+)?(?P<ord>{_ORDINAL})[\s-]+(?:fiscal\s+)?quarter(?:\s+of)?"
        rf"(?:\s+(?:fiscal\s+(?:year\s+)?|FY\s?'?)?{_YEAR}|\s+FY\s?'?{_SHORT_YEAR})?",
    ),
    # "Fiscal 2024 Third Quarter", "2022 Fourth-Quarter": the year before the quarter.
    (
        PhraseKind.ABSOLUTE,
        "quarter",
        rf"\b(?:fiscal\s+(?:year\s+)?)?{_YEAR}\s+(?P<ord>{_ORDINAL})[\s-](?:fiscal\s+)?quarter",
    ),
    (PhraseKind.ABSOLUTE, "q", rf"\bQ(?P<q>[1-4])\s*(?:FY\s?)?(?:{_YEAR})?"),
    # "4Q25", "4Q 2025", "3Q'24": the quarter's ordinal before the Q.
    (PhraseKind.ABSOLUTE, "q", rf"\b(?P<q>[1-4])Q\s?'?(?:{_YEAR}|{_SHORT_YEAR})"),
    # "the nine months", "the first six months of 2026", "9M 2025", "9M25": the fiscal year
    # to the end of that many months.
    (
        PhraseKind.ABSOLUTE,
        "months",
        rf"\b(?:the\s+)?(?:first\s+)?(?P<count>six|nine|6|9)\s+months(?:\s+of)?"
        rf"(?:\s+(?:fiscal\s+)?{_YEAR})?(?!\s+ended)",
    ),
    (PhraseKind.ABSOLUTE, "months", rf"\b(?P<count>[69])M\s*'?(?:{_YEAR}|{_SHORT_YEAR})"),
    # "1H 2024", "H1 2024", "1H FY26": a fiscal half.
    (
        PhraseKind.ABSOLUTE,
        "half",
        rf"\b(?:(?P<h1>[12])H|H(?P<h2>[12]))\s*(?:FY\s?)?'?(?:{_YEAR}|{_SHORT_YEAR})",
    ),
    (
        PhraseKind.ABSOLUTE,
        "half",
        rf"\b(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of)?(?:\s+(?:fiscal\s+)?{_YEAR})?",
    ),
    (
        PhraseKind.ABSOLUTE,
        "full_year",
        rf"\b(?:full|fiscal)[\s-]year(?:\s+of)?\s+(?:fiscal\s+)?{_YEAR}",
    ),
    (PhraseKind.ABSOLUTE, "full_year", rf"\bfiscal\s+{_YEAR}"),
    # "the 2025 financial year", "financial year 2025": IFRS reporters' fiscal year.
    (PhraseKind.ABSOLUTE, "full_year", rf"\b{_YEAR}\s+(?:financial|fiscal)\s+year\b"),
    (PhraseKind.ABSOLUTE, "full_year", rf"\bfinancial\s+year\s+{_YEAR}"),
    # "January–December 2025", "Oct-Dec 2025", "July to September 2025": the months
    # between, inclusive (a heading over the figures of a year-end report's bullets).
    (
        PhraseKind.ABSOLUTE,
        "month_range",
        rf"\b(?P<m1>{_MONTH})\.?\s*(?:[-\u2013\u2014]|\bto\b)\s*(?P<m2>{_MONTH})\.?,?\s+{_YEAR}\b",
    ),
    # "2022 Full-Year earnings per share", "Full-year revenue": the year named, or the
    # report's fiscal year; "Half-year revenue" in a half-year report: its half.
    # A word joined to the one before it by a hyphen ("semi-annual") is another word.
    (
        PhraseKind.ABSOLUTE,
        "full_year",
        rf"(?<![\w-])(?:{_YEAR}\s+)?(?:{_spoken('year_adjectives')})\b(?!-)",
    ),
    (PhraseKind.ABSOLUTE, "half_year", r"\bhalf[\s-]year\b"),
    # "On a year-to-date basis", "so far this year": the fiscal year to the report's end.
    (
        PhraseKind.ABSOLUTE,
        "year_to_date",
        r"\b(?:on\s+a\s+)?year[\s-]to[\s-]date(?:\s+basis)?\b|\bso\s+far\s+this\s+year\b",
    ),
    # "For the full year, the company returned ...": the fiscal year of the report.
    (
        PhraseKind.ABSOLUTE,
        "full_year",
        r"\b(?:for|in|during)\s+the\s+full\s+(?:fiscal\s+)?year\b(?!\s+\d)",
    ),
    (PhraseKind.ABSOLUTE, "full_year", rf"\bFY\s?'?(?:{_YEAR}|{_SHORT_YEAR})"),
    (PhraseKind.ABSOLUTE, "q", rf"\bQ(?P<q>[1-4])\s*FY\s?'?{_SHORT_YEAR}"),
    # "Q4/24", "Q4-24", "Q4 '24", "Q4/2024": the quarter and its year joined by a mark, as
    # Canadian and other releases print a comparative quarter.
    (
        PhraseKind.ABSOLUTE,
        "q",
        rf"\bQ(?P<q>[1-4])(?:\s?[/\u2019'-]\s?|\s')(?:{_YEAR}|{_SHORT_YEAR})",
    ),
    # "year-end", "year-end 2024": a fiscal year's last day.
    (PhraseKind.ABSOLUTE, "year_end", rf"\b(?:the\s+)?year[\s-]end(?:\s+{_YEAR})?\b"),
    # "at the end of the previous fiscal year": the last fiscal year end before the
    # figure compared with (`prior_year_end` in periods.toml).
    (
        PhraseKind.PRIOR_YEAR_END,
        "prior_year_end",
        rf"\b(?:(?:at|as\s+of|as\s+at)\s+)?(?:the\s+)?(?:{_spoken('prior_year_end')})\b",
    ),
    # "(¥40 per share in the previous fiscal year)": the figure compared with, a year
    # earlier (`prior_fiscal_year` in periods.toml).
    (
        PhraseKind.PRIOR_YEAR,
        "prior_year",
        rf"\b(?:(?:in|for|during)\s+)?(?:the\s+)?(?:{_spoken('prior_fiscal_year')})\b",
    ),
    (
        PhraseKind.SAME_PERIOD_OF,
        "same",
        rf"\b(?:the\s+)?same\s+(?:period|quarter)\s+(?:of|in)\s+{_YEAR}",
    ),
    # "in the first half of the previous fiscal year": the same part of the year before.
    (
        PhraseKind.PRIOR_YEAR,
        "prior_year",
        rf"\b(?:the\s+)?(?:{_ORDINAL})[\s-]+(?:quarter|half)\s+of\s+(?:the\s+)?"
        r"(?:prior|previous|last)\s+(?:fiscal\s+|financial\s+)?year\b",
    ),
    (
        PhraseKind.PRIOR_YEAR,
        "prior_year",
        r"\b(?:(?:in\s+)?the\s+)?same\s+(?:period|quarter)\s+(?:of\s+)?(?:last|the\s+prior|the\s+previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|\byear[\s-]ago\b|\b(?:the\s+)?(?:prior|previous)[\s-]year(?:\s+(?:period|quarter))?\b|\b(?:the\s+)?(?:prior|previous)\s+corresponding\s+period\b|\bpcp\b|\blast\s+year\b|\byear[\s-](?:over|on)[\s-]year\b",
    ),
    (
        PhraseKind.PRIOR_QUARTER,
        "prior_quarter",
        r"\b(?:the\s+)?(?:prior|previous|preceding|last|sequential)\s+quarter\b|\bsequentially\b|\bquarter[\s-](?:over|on)[\s-]quarter\b",
    ),
    (
        PhraseKind.ABSOLUTE,
        "bare_year",
        # Not "quarter of 2023" whose ordinal a PDF lost ("rst quarter"): that is no year.
        rf"(?<!quarter\s)(?<!half\s)"
        rf"\b(?:in|for|during|of)\s+{_YEAR}\b(?!\s*(?:share|plan|notes?|senior|convertible)\b)",
    ),
)
_COMPILED = tuple((kind, name, re.compile(p, re.IGNORECASE)) for kind, name, p in _PATTERNS)
DATE_PATTERN = re.compile(DATE, re.IGNORECASE)


def _date(match: re.Match[str]) -> date | None:
    month = match["month"] or match["dmonth"]
    day, year = match["day"] or match["dday"], match["year"] or match["dyear"]
    try:
        return date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
    except ValueError:
        return None


# The length a "year ended" or "half year ended" phrase gives the date after it.
_ENDED_LENGTH = {"year_ended": "twelve months ended ", "half_ended": "six months ended "}


def _label(match: re.Match[str], report: ReportCalendar) -> int | None:
    """The fiscal year a phrase names by its year, as the report labels years. A year
    printed over two ("H1 2024/25") is the one ending in the later; where the second is
    no year after the first ("2025-12" of a date), the first is the year named. A year
    printed alone, else as its last two digits ("FY24"), is the label itself."""
    groups = match.re.groupindex
    if "year" in groups and match["year"]:
        year = int(match["year"])
        split = match["split"] if "split" in groups else None
        if split:
            later = int(split) if len(split) == 4 else year - year % 100 + int(split)
            if later == year + 1:
                return later + report.label_offset
        return year
    if "short" in groups and match["short"]:
        return 2000 + int(match["short"])
    return None


def _absolute(name: str, match: re.Match[str], report: ReportCalendar) -> Period | None:
    groups = match.re.groupindex
    year = _label(match, report)
    label = year or report.fiscal_year
    if name == "date_range":
        period = period_of(match.group(0))
        return period if period is not None and period.start is not None else None
    if name == "part_of_year":
        period = period_of(match.group(0)) if _date(match) else None
        return period if period is not None and period.start is not None else None
    if name in ("span", "year_ended", "half_ended"):
        length = _ENDED_LENGTH.get(name, "")
        return period_of(f"{length}{match.group(0)}") if _date(match) else None
    if name == "instant":
        end = _date(match)
        return Period(end=end) if end else None
    if name == "quarter":
        return report.part(label, _ORDINALS[match["ord"].lower()], 3)
    if name == "q":
        return report.part(label, int(match["q"]), 3)
    if name == "half":
        ordinal = match["ord"] if "ord" in groups else None
        index = _ORDINALS[ordinal.lower()] if ordinal else int(match["h1"] or match["h2"])
        return report.part(label, index, 6)
    if name == "months":
        months = (
            int(match["count"]) if match["count"].isdigit() else _COUNTS[match["count"].lower()]
        )
        span = report.year(label)
        end = _month_end_back(span.end, 12 - months)
        return report.as_printed(Period(start=span.start, end=end))
    if name == "year_to_date":
        start = report.year(report.fiscal_label(report.current.end)).start
        return report.as_printed(Period(start=start, end=report.current.end))
    if name == "month_range" and year is not None:
        return _months_between(match["m1"], match["m2"], year)
    if name == "half_year":
        return report.current if _is_half(report.current) else None
    if name == "year_end":
        return Period(end=report.year_end_of(year or report.fiscal_label(report.current.end)))
    return report.year(label)


def _months_between(first: str, last: str, year: int) -> Period | None:
    """The months from `first` to `last` ending in `year` (a range across the year's turn,
    "November–January 2026", starts the year before)."""
    start_month, end_month = _MONTHS[first.lower()], _MONTHS[last.lower()]
    start_year = year if start_month <= end_month else year - 1
    end = date(year, end_month, _calendar.monthrange(year, end_month)[1])
    return Period(start=date(start_year, start_month, 1), end=end)


def _is_half(period: Period) -> bool:
    return period.start is not None and 170 <= (period.end - period.start).days <= 190


def find_phrases(text: str, report: ReportCalendar) -> list[PeriodPhrase]:
    """Every period phrase in `text`, longest first where they overlap, in text order."""
    found: list[PeriodPhrase] = []
    for kind, name, pattern in _COMPILED:
        for match in pattern.finditer(text):
            period = _absolute(name, match, report) if kind is PhraseKind.ABSOLUTE else None
            if kind is PhraseKind.ABSOLUTE and period is None:
                continue
            year = _label(match, report) if kind is PhraseKind.SAME_PERIOD_OF else None
            found.append(
                PeriodPhrase(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(0),
                    kind=kind,
                    period=period,
                    year=year,
                )
            )
    chosen: list[PeriodPhrase] = []
    for phrase in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(phrase.end <= c.start or phrase.start >= c.end for c in chosen):
            chosen.append(phrase)
    return sorted(chosen, key=lambda p: p.start)


def resolve(phrase: PeriodPhrase, anchor: Period | None, report: ReportCalendar) -> Period | None:
    """The period a phrase names; relative phrases count from `anchor`."""
    if phrase.kind is PhraseKind.ABSOLUTE:
        return phrase.period
    if anchor is None:
        return None
    if phrase.kind is PhraseKind.PRIOR_QUARTER:
        earlier = prior_quarter(anchor)
        return report.as_printed(earlier) if earlier else None
    if phrase.kind is PhraseKind.PRIOR_YEAR:
        return report.as_printed(shift_years(anchor, -1))
    if phrase.kind is PhraseKind.PRIOR_YEAR_END:
        # Only where the release says when its fiscal year ends: an assumed December
        # would date the balance wrongly.
        if not report.year_end_evident:
            return None
        return Period(end=report.year_end_of(report.fiscal_label(anchor.end) - 1))
    assert phrase.year is not None
    return report.as_printed(shift_years(anchor, phrase.year - report.fiscal_label(anchor.end)))


def _columns(tables: tuple[StatementTable, ...], trailing: bool = True) -> list[Period]:
    """The periods the tables' columns date (`trailing`: with trailing-twelve-month ones);
    a forecast's are none the release reports."""
    return [
        c.period
        for t in tables
        for b in t.blocks
        for c in b.columns
        if c.period is not None and not c.outlook and (trailing or not c.trailing)
    ]


_OPENING_BLOCKS = 8
# A title's period phrase comes early; a long paragraph names other periods further on.
_TITLE_CHARACTERS = 300
# A year ending in January, February or March: retailers' 52/53-week years and others
# that may be named after the year they start in.
# A year ending within a week after December 31 is a calendar year of 52/53 weeks.
_NEAR_YEAR_END_DAYS = 7
_EARLY_YEAR_END_MONTH = 3
_DAYS_IN_MONTH = 365.25 / 12
_TITLE_YEAR = re.compile(
    rf"\b(?:{_ORDINAL})\s+(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?)"
    r"(?P<year>(?:19|20)\d\d)\b(?![/-]\d)"
    r"|\b(?:fiscal\s+(?:year\s+)?|full[\s-]year\s+|FY\s?)(?P<year2>(?:19|20)\d\d)\b(?![/-]\d)",
    re.IGNORECASE,
)
_QUARTER_WORD = re.compile(rf"\b(?P<ord>{_ORDINAL})\s+(?:fiscal\s+)?quarter\b", re.IGNORECASE)


def _quarter_in_title(document: Document, abbreviations: frozenset[str]) -> int | None:
    """The quarter the release reports, as its title names it: the first heading of the
    opening that names a quarter (a filing's exhibit label, "Exhibit 99.1", or a "News
    Release" banner may stand above the title). Lines of a quotation or of sentences, which
    a PDF's reader may take for headings, are no title."""
    for block in document.blocks[:_OPENING_BLOCKS]:
        if not isinstance(block, Heading) or _is_sentences(block.text, abbreviations):
            continue
        match = _QUARTER_WORD.search(block.text)
        if match:
            return _ORDINALS[match["ord"].lower()]
    return None


_QUOTATION = re.compile(r"^\s*[\"\u201c']")
# One sentence ending and another starting; the word before the stop, dots kept ("N.V").
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"])")


def _is_sentences(text: str, abbreviations: frozenset[str]) -> bool:
    """A quotation, or text where one sentence ends and another starts. The full stop of
    a legal form or another abbreviation (`NarrativeWords.stops`: "Brightline Home Stores,
    Inc. Reports ...", "OSSINING HARBOR BANCORP, INC. REPORTS ...") ends no sentence."""
    if _QUOTATION.search(text):
        return True
    return any(
        match[0] != "." or not ends_with_abbreviation(text[: match.end()], abbreviations)
        for match in _SENTENCE_END.finditer(text)
    )


def _length(period: Period) -> timedelta:
    """How long a duration runs (an instant has no length)."""
    return period.end - (period.start or period.end)


def report_calendar(
    document: Document, tables: tuple[StatementTable, ...], forms: frozenset[str]
) -> ReportCalendar | None:
    """The report's current period and fiscal year, from the tables' columns; for a release
    without tables, from the period its title names. `forms` are the words whose full stop
    ends no sentence of a title (narrative.toml)."""
    periods = _columns(tables)
    durations = [p for p in periods if p.start is not None]
    if not durations:
        return _titled_report(document)
    end = max(p.end for p in durations)
    ending = [p for p in durations if p.end == end]
    current = min(ending, key=_length)
    # A trailing twelve months to the quarter's end (a return-on-assets table) is no year.
    fiscal = [p for p in _columns(tables, trailing=False) if p.start is not None]
    years = [p for p in fiscal if _length(p).days >= 360]
    evident = True
    if any(p.end == end for p in years):
        year_end = end
    elif years:
        # "Year ended 31.03.2025" beside the half to September: the last full year's end
        # is the fiscal year's, whatever the title calls the quarter.
        year_end = max(p.end for p in years)
    elif start := _year_start(ending, current):
        year_end = start - timedelta(days=1)
    else:
        year_end, evident = _year_end_from_words(document, tables, forms, current)
    report = ReportCalendar(
        current=current,
        year_end=(year_end.month, year_end.day),
        year_end_evident=evident,
        fiscal_year=0,
        published=release_date(document, current.end),
        known=tuple(sorted(set(durations), key=lambda p: (p.end, p.start or p.end))),
    )
    offset = _label_offset(document, report, forms, label_offset(document, tables))
    report = report.model_copy(update={"label_offset": offset})
    return report.model_copy(update={"fiscal_year": report.fiscal_label(current.end)})


def _year_end_from_words(
    document: Document,
    tables: tuple[StatementTable, ...],
    forms: frozenset[str],
    current: Period,
) -> tuple[date, bool]:
    """The fiscal year end where no column spans a year or runs from its start, and
    whether the release makes it evident: the quarter the title numbers, else the year end
    its text states as the tables read it; else December 31, assumed."""
    end = current.end
    quarter = _quarter_in_title(document, forms)
    if quarter and _length(current).days < 100:
        return _month_end_back(end, -3 * (4 - quarter)), True
    if stated := _stated_year_end(learn_calendar(document, tables), end):
        return stated, True
    return date(end.year, 12, 31), False


def _stated_year_end(calendar: FiscalCalendar, end: date) -> date | None:
    """The end of the fiscal year the report's latest period falls in, where the release
    states its year end in words ("The fiscal year ends on March 31", "quarter ended
    September 30, 2025 (Q2 FY26)") as the tables read it: the first on or after `end`."""
    ends = [e for y in (end.year, end.year + 1) if (e := calendar.year_end(y)) is not None]
    later = [e for e in ends if e >= end]
    return min(later) if later else None


def _year_start(ending: list[Period], current: Period) -> date | None:
    """The fiscal year's first day, where a column runs from it to the report's end: six
    or nine months ended December 31 beside the quarter start a year on July 1 or April 1,
    whatever the title calls the quarter (a year that ends on March 31)."""
    to_date = [
        p
        for p in ending
        if p.start is not None and _length(p) > _length(current) and _in_months(p) in (6, 9)
    ]
    return max(to_date, key=_length).start if to_date else None


def _in_months(period: Period) -> int:
    """A duration's length in whole months, rounded (a 39-week span is nine)."""
    return round(_length(period).days / _DAYS_IN_MONTH)


def _label_offset(
    document: Document, report: ReportCalendar, forms: frozenset[str], shown: int | None
) -> int:
    """-1 where the release names the report's fiscal year by the calendar year it starts
    in. The release's own pairings of labels and dates decide first (`shown`, the tables'
    calendar offset: "fiscal year ended March 31, 2026 (FY2025)", a "FY2025" column
    printing a dated column's figures); else the title: "Fourth Quarter and Fiscal 2024
    Results" over a year ending February 1, 2025, or "Third Quarter 2024" over a quarter
    of that year. A year ending in its first months is named either way by retailers. A
    52/53-week year that ends in the first days of January (January 1, 2023) is the year
    it almost wholly covers (2022), whether or not the title says so."""
    month, day = report.year_end
    near_january = month == 1 and day <= _NEAR_YEAR_END_DAYS
    if shown is not None:
        return shown - 1 if near_january else shown
    named = _year_in_title(document, forms)
    ends_in = report.fiscal_label(report.current.end)
    early = month <= _EARLY_YEAR_END_MONTH
    if early and named == ends_in - 1:
        return -1
    return -1 if near_january and named != ends_in else 0


def _year_in_title(document: Document, forms: frozenset[str]) -> int | None:
    """The fiscal year the title names with its quarter or as a fiscal or full year."""
    for block in document.blocks[:_OPENING_BLOCKS]:
        if not isinstance(block, Heading) or _is_sentences(block.text, forms):
            continue
        match = _TITLE_YEAR.search(block.text)
        if match:
            return int(match["year"] or match["year2"])
    return None


def _titled_report(document: Document) -> ReportCalendar | None:
    """A prose-only release's period, as its opening lines name it ("Figures for Q1 2026",
    "Interim Results for the Six Months Ended 30 June 2024", "1H 2024 results").

    The fiscal year ends when the text says it does ("fiscal year ended ..."), else on
    December 31, as it does for most issuers that publish results in prose only. The
    period must have ended before the release's date, when the release gives one.
    """
    evidence = CalendarEvidence()
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            evidence.read_text(block.text)
    stated = evidence.calendar()
    for block in document.blocks[:_OPENING_BLOCKS]:
        if not isinstance(block, Heading | Paragraph):
            continue
        phrase = parse_phrase(_period_dates_only(block.text[:_TITLE_CHARACTERS]))
        year = phrase.year or (phrase.end.year if phrase.end and phrase.span else None)
        if year is None or not (phrase.names_part_of_year or phrase.fiscal_year):
            continue
        calendar = stated if stated.known else _december_years(year)
        period = resolve_phrase(phrase, calendar).period
        if period is None or period.start is None:
            continue
        published = release_date(document, period.end)
        evident_end = calendar.year_end(year) if stated.known else _interim_year_end(phrase, period)
        year_end = evident_end or date(year, 12, 31)
        report = ReportCalendar(
            current=period,
            year_end=(year_end.month, year_end.day),
            year_end_evident=evident_end is not None,
            fiscal_year=year,
            published=published,
        )
        return report.model_copy(update={"fiscal_year": report.fiscal_label(period.end)})
    return None


# In running text a date ends the reported period only where the words before it say so
# ("quarter ended June 30, 2026", "as of December 31"); any other date is the release's
# dateline, a meeting or a payment ("SWITZERLAND - March 11, 2026 (NEWMEDIAWIRE)",
# "the AGM to be held on 25 March 2026").
_ENDS_A_PERIOD = re.compile(r"\b(?:ended|ending|end|as\s+of|as\s+at|at|through|to|until)\s*$", re.I)
_LEAD_WORDS = 24
_ANY_DATE = re.compile(rf"{DATE}|\b\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}", re.IGNORECASE)


def _period_dates_only(text: str) -> str:
    """`text` without the dates that do not end a period it names."""

    def keep(match: re.Match[str]) -> str:
        lead = text[max(0, match.start() - _LEAD_WORDS) : match.start()]
        return match[0] if _ENDS_A_PERIOD.search(lead) else " "

    return _ANY_DATE.sub(keep, text)


def _interim_year_end(phrase: TitlePhrase, period: Period) -> date | None:
    """The year end an interim title's span implies where the text states none: "six
    months ended 31 August 2025" is a first half, of a year ending six months later (nine
    months end three months before the year). A quarter says nothing: December then; but
    a part named "of the fiscal year ending March 31, 2026" says its year's end."""
    if phrase.year_end is not None:
        return phrase.year_end
    if phrase.span is None or phrase.span[0] != "months" or phrase.span[1] not in (6, 9):
        return None
    return _month_end_back(period.end, phrase.span[1] - 12)


def _december_years(year: int) -> FiscalCalendar:
    return FiscalCalendar(year_ends={year: date(year, 12, 31)})
