"""A release's fiscal calendar, learned from what it prints, for headers that give no dates.

"FOURTH QUARTER 2022", "Full Year 2021", "Q1 2023", "SIX MONTHS 2023": such a column names
a part of a fiscal year, and its dates depend on when that fiscal year ends. The release
says so elsewhere: a column "Twelve Months Ended January 28, 2023", a sentence "for the
fiscal year ended January 1, 2023", "fourth quarter 2022 includes 17 weeks". From such
evidence the calendar knows the end of one fiscal year and extends it to the others:
month-end years end on the same month end; 52/53-week years on the same weekday, the one
nearest the known end's day of the year.

Fiscal years are named by the calendar year they end in, except that a year ending in the
first days of January is named by the year before ("fiscal 2022 ended January 1, 2023"),
unless the release shows its own convention: many issuers (Japanese ones, some retailers)
name a year by the calendar year it starts in ("fiscal year ended March 31, 2026
(FY2025)"). The release's pairings of a label with its dates, stated in the prose or shown
by a label column printing a dated column's figures, set the offset between a label and
the year its fiscal year ends in (`label_offset`); without them it is 0.
"""

from __future__ import annotations

import calendar as cal
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from exporter.period_phrases import PeriodPhrase, parse_phrase
from exporter.periods import Period, months_back
from exporter.vocabulary import vocabulary

_EARLY_JANUARY_DAYS = 7
_DATE_BODY = (
    r"[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}"
)
_DATE_TEXT = rf"(?P<date>{_DATE_BODY})"
# A month and day without a year ("March 31", "31 March"): a day every year has.
_DAY_BODY = r"[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+"
_DAY_TEXT = rf"(?P<day>{_DAY_BODY})(?![\w,]*\s*\d)"
_PART_TEXT = r"(?P<part>[^()]{2,24})"
# A month and its year ("the fiscal year ending March 2026"): the month's last day.
_MONTH_TEXT = r"(?P<date>[A-Za-z]+\.?\s+\d{4})"
_QUARTERS = 4
_YEAR_DAYS = range(350, 380)
_QUARTER_DAYS = range(84, 99)
_QUARTER = timedelta(days=92)


def is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def counts_weeks(ends: set[date]) -> bool:
    """Whether the ends of a release's periods show a calendar counted in weeks: some end
    falls off a month end, and most of them fall on one weekday (a 52/53-week year ends
    its quarters and years on the same weekday, month end or not). Month ends on assorted
    weekdays (June 30, 2025 a Monday, December 31, 2024 a Tuesday) speak against it: one
    balance sheet at an event's date (a fresh-start "March 15, 2025") is no calendar."""
    if all(is_month_end(end) for end in ends):
        return False
    weekdays = Counter(end.weekday() for end in ends)
    return 2 * weekdays.most_common(1)[0][1] > len(ends)


# A label names the year its fiscal year ends in, or the one it starts in (one earlier).
_LABEL_OFFSETS = (-1, 0)


def fiscal_label(end: date, offset: int = 0) -> int:
    """The fiscal year named by a year that ends on `end`; `offset` is the release's
    convention (-1: named by the calendar year the fiscal year starts in)."""
    if end.month == 1 and end.day <= _EARLY_JANUARY_DAYS:
        return end.year - 1 + offset
    return end.year + offset


def _month_end(year: int, month: int) -> date:
    return date(year, month, cal.monthrange(year, month)[1])


@dataclass(frozen=True)
class FiscalCalendar:
    """Fiscal year ends the release shows (by fiscal year), and what it says of weeks."""

    year_ends: dict[int, date] = field(default_factory=dict)
    quarter_weeks: dict[tuple[int, int], int] = field(default_factory=dict)
    year_weeks: dict[int, int] = field(default_factory=dict)
    # Weeks of a regular quarter, from columns that say so ("12 Weeks Ended 3/25/2023").
    first_quarter_weeks: int | None = None
    # Some printed period ends off a month end: the calendar counts weeks even when a
    # year end falls on a month end (a 53-week year ending December 31).
    off_month_ends: bool = False
    # Durations the release prints with their own dates: a fiscal quarter or year the
    # calendar computes is replaced by the printed one it stands for.
    printed: frozenset[Period] = frozenset()
    # The latest day a printed period ends: a fiscal period after it is an outlook.
    reported_through: date | None = None
    # A label's year less the year its fiscal year ends in: -1 where the release names a
    # year by the calendar year it starts in ("FY2025" for April 2025 to March 2026).
    label_offset: int = 0
    # Years of whole weeks the prose dates ("53 weeks to 2 March 2024"): how long the year
    # ending on that date is, where no column prints it.
    stated_years: frozenset[Period] = frozenset()

    @property
    def known(self) -> bool:
        return bool(self.year_ends)

    @property
    def reports_a_year(self) -> bool:
        """The release reports through a fiscal year end (its latest balance sheet is the
        year's): a column naming only a fiscal year ("2025 | 2024") is that whole year."""
        through = self.reported_through
        return through is not None and through in self.year_ends.values()

    def label_of(self, end: date) -> int:
        """The label of the fiscal year that ends on `end`, in the release's convention."""
        return fiscal_label(end, self.label_offset)

    @property
    def week_based(self) -> bool:
        return self.off_month_ends or any(not is_month_end(e) for e in self.year_ends.values())

    def _printed_like(self, period: Period | None) -> Period | None:
        """The printed duration ending within a week of `period` with a length within a
        week of its own: the release's own dates win over the calendar's arithmetic."""
        if period is None or period.start is None:
            return period
        for candidate in sorted(self.printed, key=lambda p: (p.end, p.start or p.end)):
            if candidate.start is None:
                continue
            if (
                abs((candidate.end - period.end).days) <= 7
                and abs(_days(candidate) - _days(period)) <= 7
            ):
                return candidate
        return period

    def year_end(self, year: int) -> date | None:
        """The end of fiscal `year`, extended from the nearest known year end."""
        if not self.year_ends:
            return None
        if year in self.year_ends:
            return self.year_ends[year]
        known = min(self.year_ends, key=lambda y: abs(y - year))
        end = self.year_ends[known]
        if not self.week_based:
            return _month_end(end.year + year - known, end.month)
        step = 1 if year > known else -1
        for label in range(known, year, step):
            weeks = self._stated_weeks(end, label) if step < 0 else self._weeks_after(end, label)
            if weeks is None:
                end = _next_week_year_end(end, step)
            else:
                end += timedelta(weeks=weeks * step)
        return end

    def _stated_weeks(self, end: date, label: int) -> int | None:
        """The weeks of fiscal year `label`, ending on `end`, as the release states them: a
        column or a sentence dating a year of whole weeks to `end` ("53 weeks to 2 March
        2024"), or a sentence counting its weeks ("fiscal 2024 included 53 weeks"). A year
        the release dates is never the calendar rule's nearest weekday."""
        for span in self._year_spans():
            if span.end == end:
                return _days(span) // 7
        return self.year_weeks.get(label)

    def _weeks_after(self, end: date, label: int) -> int | None:
        """The weeks of the fiscal year after `label`'s (which ends on `end`), as stated:
        a year of whole weeks dated from the next day, or counted by its own label."""
        for span in self._year_spans():
            if span.start == end + timedelta(days=1):
                return _days(span) // 7
        return self.year_weeks.get(label + 1)

    def _year_spans(self) -> list[Period]:
        """The year-long spans of whole weeks the release prints or states."""
        return [
            span
            for span in (*self.printed, *self.stated_years)
            if span.start is not None and _days(span) in _YEAR_DAYS and _days(span) % 7 == 0
        ]

    def year(self, year: int) -> Period | None:
        end, before = self.year_end(year), self.year_end(year - 1)
        if end is None or before is None:
            return None
        return Period(start=before + timedelta(days=1), end=end)

    def _weeks_in(self, year: int) -> int | None:
        period = self.year(year)
        return None if period is None or period.start is None else _days(period) // 7

    def regular_quarter_weeks(self) -> int:
        """Weeks in each of the first three quarters: stated, inferred, else 13."""
        if self.first_quarter_weeks:
            return self.first_quarter_weeks
        for (year, quarter), weeks in self.quarter_weeks.items():
            total = self.year_weeks.get(year) or self._weeks_in(year)
            if quarter == 4 and total and (total - weeks) % 3 == 0:
                return (total - weeks) // 3
        return 13

    def quarter(self, year: int, quarter: int) -> Period | None:
        """Quarter `quarter` (1-4) of fiscal `year`, as printed where the release prints it."""
        return self._printed_like(self._quarter(year, quarter))

    def _quarter(self, year: int, quarter: int) -> Period | None:
        span = self.year(year)
        if span is None or span.start is None:
            return None
        if not self.week_based:
            end = _month_end_back(span.end, 3 * (4 - quarter))
            return Period(start=months_back(end, 3), end=end)
        weeks = self.regular_quarter_weeks()
        start = span.start + timedelta(weeks=weeks * (quarter - 1))
        end = span.end if quarter == 4 else start + timedelta(weeks=weeks, days=-1)
        return Period(start=start, end=end)

    def to_date(self, year: int, months: int) -> Period | None:
        """The first `months` months of fiscal `year` (six months: to the second quarter)."""
        span = self.year(year)
        if span is None or span.start is None or months % 3 or not 3 <= months <= 12:
            return None
        end = self._quarter(year, months // 3)
        if end is None:
            return None
        return self._printed_like(Period(start=span.start, end=end.end))

    def latest_span(self, year: int, months: int) -> Period | None:
        """`months` months of fiscal `year` named without their end: from the year's start
        ("Six Months 2022"), except three months, which are the quarter the release reports
        ("Three Months Ended 2024" in a third-quarter release: July to September), in that
        year or, for a comparative, in the earlier one."""
        if months != 3 or self.reported_through is None:
            return self.to_date(year, months)
        quarter = self._latest_quarter()
        return self.quarter(year, quarter) if quarter else None

    def _latest_quarter(self) -> int | None:
        """The number of the latest fiscal quarter ending by the release's latest date."""
        if self.reported_through is None:
            return None
        through = self.reported_through
        label = self.label_of(through)
        for year in (label + 1, label, label - 1):
            for quarter in range(4, 0, -1):
                period = self.quarter(year, quarter)
                if period is not None and timedelta(0) <= through - period.end < _QUARTER:
                    return quarter
        return None

    def year_to_date(self, year: int) -> Period | None:
        """Fiscal `year` from its start to the end of the quarter the release reports
        ("Year-to-Date 2023" in a second-quarter release: 24 weeks; "Year-to-Date 2022"
        beside it, the comparative: the first two quarters of 2022)."""
        quarter = self._latest_quarter()
        return self.to_date(year, 3 * quarter) if quarter else None

    def period_ending(self, end: date, months: int) -> Period | None:
        """The fiscal quarter, year-to-date or year of `months` months that ends on `end`."""
        if not self.week_based or months % 3:
            return None
        named = self.label_of(end)
        year = named if self.year_end(named) == end else None
        nearest = end.year + self.label_offset
        guesses = (nearest, nearest - 1, nearest + 1)
        for label in (year,) if year else guesses:
            for quarter in range(1, 5):
                period = self._quarter(label, quarter)
                if period is None or period.end != end:
                    continue
                if months == 3:
                    return period
                return self.to_date(label, min(12, quarter * 3)) if months >= quarter * 3 else None
        return None


def _days(period: Period) -> int:
    return (period.end - period.start).days + 1 if period.start else 0


def months_into_year(phrase: PeriodPhrase) -> int | None:
    """How many months of its fiscal year a labelled period runs through: Q2 six, H1
    six, 9M nine, a whole year twelve; None for a trailing year or a span that may end
    anywhere ("3M": the latest quarter)."""
    if phrase.trailing:
        return None
    if phrase.quarter:
        return 3 * phrase.quarter
    if phrase.half:
        return 6 * phrase.half
    if phrase.span is not None:
        unit, count = phrase.span
        return count if unit == "months" and count in (6, 9, 12) else None
    if phrase.full_year or not phrase.names_part_of_year:
        return 12
    return None


def _month_end_back(end: date, months: int) -> date:
    index = end.year * 12 + end.month - 1 - months
    return _month_end(index // 12, index % 12 + 1)


def _next_week_year_end(end: date, step: int) -> date:
    """The next (or previous) 52/53-week year end: the same weekday nearest the same day."""
    candidates = [end + timedelta(weeks=52 * step), end + timedelta(weeks=53 * step)]
    anchor_year = end.year + step

    def distance(day: date) -> int:
        try:
            anchor = end.replace(year=anchor_year)
        except ValueError:  # 29 February
            anchor = end.replace(year=anchor_year, day=28)
        return abs((day - anchor).days)

    return min(candidates, key=distance)


_HALF_BEFORE = re.compile(r"\bhalf[\s-]*$", re.IGNORECASE)


def _template(pattern: str) -> re.Pattern[str]:
    ordinals = "|".join(sorted(map(re.escape, vocabulary().ordinals), key=len, reverse=True))
    counts = "|".join(sorted(map(re.escape, vocabulary().counts), key=len, reverse=True))
    regex = re.escape(pattern).replace(r"\ ", r"\s+")
    regex = regex.replace(r"\{date\}", _DATE_TEXT)
    regex = regex.replace(r"\{month\}", _MONTH_TEXT)
    regex = regex.replace(r"\{from\}", rf"(?P<start>{_DATE_BODY})")
    regex = regex.replace(r"\{to\}", rf"\s*(?:{vocabulary().alternatives('date_range')})\s*")
    regex = regex.replace(r"\{day\}", _DAY_TEXT)
    regex = regex.replace(r"\{first_day\}", rf"(?:{_DAY_BODY})")
    regex = regex.replace(r"\{part\}", _PART_TEXT)
    regex = regex.replace(r"\{label\}", _label_text())
    regex = regex.replace(r"\{quote\}", r"[\"\u201c\u2018']?")
    regex = regex.replace(r"\{gap\}", r"(?P<gap>[^.;:]{0,60}?)")
    regex = regex.replace(r"\{year\}", r"(?P<year>(?:19|20)\d\d)")
    regex = regex.replace(r"\{count\}", rf"(?P<count>\d{{1,2}}|{counts})")
    regex = regex.replace(r"\{quarter\}", rf"(?P<quarter>{ordinals})")
    return re.compile(regex, re.IGNORECASE)


def _label_text() -> str:
    """A fiscal year's label ("FY2025", "FY 25", "fiscal 2025", "fiscal year 2025")."""
    words = vocabulary().alternatives("fiscal_year")
    return rf"(?P<label>\b(?:{words})(?:\s+year)?\s?'?(?:(?:19|20)\d\d|\d\d))\b"


@cache
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The calendar sentences of `name`, compiled once (every paragraph is read with them)."""
    return tuple(_template(p) for p in vocabulary().calendar[name])


def _part_of_year_before(text: str, start: int) -> bool:
    """Whether the words before a label make it a quarter's or a half's ("the first
    quarter of fiscal 2026, which ended May 3, 2025"): its date ends that part, not the
    year the label names."""
    words = re.findall(r"[a-z-]+", text[max(0, start - 40) : start].lower())
    if words and words[-1] == "of":
        words.pop()
    parts = (*vocabulary().units.get("quarter", ()), *vocabulary().units.get("half", ()))
    return bool(words) and words[-1] in parts


def _names_year(text: str) -> bool:
    """Whether words between a quarter and its date name a year-long period of their own."""
    years = vocabulary().units.get("year", ())
    return any(word in years for word in re.findall(r"[a-z]+", text.lower()))


def _count(text: str) -> int | None:
    return int(text) if text.isdecimal() else vocabulary().counts.get(text.lower())


@dataclass
class CalendarEvidence:
    """What the release's text and resolved columns say about its fiscal calendar."""

    year_ends: Counter[date] = field(default_factory=Counter)
    quarter_weeks: dict[tuple[int, int], int] = field(default_factory=dict)
    year_weeks: dict[int, int] = field(default_factory=dict)
    quarter_spans: Counter[int] = field(default_factory=Counter)
    printed: set[Period] = field(default_factory=set)
    # The ends of the periods the release's calendar sets (`read_period`).
    period_ends: set[date] = field(default_factory=set)
    reported_through: date | None = None
    # The fiscal quarter and year the release's headline announces ("Reports First
    # Quarter 2023 Results").
    own_quarter: tuple[int, int] | None = None
    # The end of a quarter the text names without its ordinal ("the quarter ended June 30").
    quarter_ended: date | None = None
    # Fiscal labels paired with the end of the year they name: stated ("fiscal year ended
    # March 31, 2026 (FY2025)", a header "FY2024 (April 1, 2024 - March 31, 2025)"), and
    # shown by a label column printing a dated column's figures (`read_label_match`).
    stated_labels: Counter[tuple[int, date]] = field(default_factory=Counter)
    matched_labels: Counter[tuple[int, date]] = field(default_factory=Counter)
    # Years of whole weeks the prose dates ("Comparatives are for the 53 weeks to 2 March
    # 2024").
    stated_years: set[Period] = field(default_factory=set)
    # The day of the year (month, day) the prose says every fiscal year ends on ("The
    # fiscal year ends on March 31").
    year_end_days: Counter[tuple[int, int]] = field(default_factory=Counter)

    @property
    def off_month_ends(self) -> bool:
        """The release's period ends show a calendar counted in weeks."""
        return counts_weeks(self.period_ends)

    def read_headline(self, text: str) -> None:
        """A heading above the first table that names a fiscal quarter and its year."""
        phrase = parse_phrase(text)
        if self.own_quarter is None and phrase.quarter and phrase.year and not phrase.has_date:
            self.own_quarter = (phrase.quarter, phrase.year)

    def read_text(self, text: str) -> None:
        """Sentences stating year ends ("fiscal year ended January 1, 2023") and weeks."""
        for pattern in _patterns("year_end"):
            for match in pattern.finditer(text):
                if _HALF_BEFORE.search(text, 0, match.start()):
                    continue  # "half-year ended 31 December 2025" ends a half
                end = parse_phrase(match["date"]).end
                if end is not None:
                    self.year_ends[end] += 1
        for pattern in _patterns("quarter_end"):
            for match in pattern.finditer(text):
                self._read_quarter_end(match)
        for pattern in _patterns("unnumbered_quarter_end"):
            ended = pattern.search(text)
            if ended and self.quarter_ended is None:
                self.quarter_ended = parse_phrase(ended["date"]).end
        for pattern in _patterns("year_to_date_end"):
            for match in pattern.finditer(text):
                months = _count(match["count"]) if "count" in pattern.groupindex else 6
                if months in (6, 9):
                    self._read_quarter_end(match, months // 3)
        for pattern in _patterns("year_label"):
            for match in pattern.finditer(text):
                if not _part_of_year_before(text, match.start()):
                    self._read_year_label(match)
        for pattern in _patterns("year_end_day"):
            for match in pattern.finditer(text):
                if (day := parse_phrase(match["day"]).month_day) is not None:
                    self.year_end_days[day] += 1
        for pattern in _patterns("part_label"):
            for match in pattern.finditer(text):
                self.read_titled_labels(parse_phrase(match["date"]), [parse_phrase(match["part"])])
        for pattern in _patterns("quarter_weeks"):
            for match in pattern.finditer(text):
                quarter = vocabulary().ordinals[match["quarter"].lower()]
                count = _count(match["count"])
                if count:
                    self.quarter_weeks[(int(match["year"]), quarter)] = count
        for pattern in _patterns("year_spans"):
            for match in pattern.finditer(text):
                self._read_year_span(match)
        for pattern in _patterns("year_weeks"):
            for match in pattern.finditer(text):
                count = _count(match["count"])
                if count:
                    self.year_weeks[int(match["year"])] = count

    def _read_year_span(self, match: re.Match[str]) -> None:
        """ "53 weeks to 2 March 2024": a fiscal year of that many weeks ends on the date,
        as "the year ended 2 March 2024" would say (a span of fewer weeks is a quarter's or
        a half's, and says nothing of the year)."""
        weeks = _count(match["count"])
        end = parse_phrase(match["date"]).end
        if weeks is None or end is None or 7 * weeks not in _YEAR_DAYS:
            return
        self.stated_years.add(Period(start=end - timedelta(weeks=weeks, days=-1), end=end))
        self.year_ends[end] += 1

    def _read_year_label(self, match: re.Match[str]) -> None:
        """ "the fiscal year ended March 31, 2026 (FY2025)", "FY2025 (April 1, 2025 to
        March 31, 2026)": the label names the year that ends on the date. A range must be
        a year long (a quarter's dates beside "Q1 FY2025" say nothing of the year)."""
        label = parse_phrase(match["label"]).fiscal_year
        end = parse_phrase(match["date"]).end
        if label is None or end is None:
            return
        if "start" in match.re.groupindex:
            start = parse_phrase(match["start"]).end
            if start is None or _days(Period(start=start, end=end)) not in _YEAR_DAYS:
                return
        self.stated_labels[(label, end)] += 1
        self.year_ends[end] += 1

    def read_label_match(self, label: int, period: Period) -> None:
        """A column headed only by fiscal label `label` prints the figures of a column dated
        `period` (a summary's "FY2025" beside the statement's "April 1, 2025 - March 31,
        2026"): the label names the year that ends with `period`."""
        if period.start is not None and _days(period) in _YEAR_DAYS:
            self.matched_labels[(label, period.end)] += 1

    def label_offset(self) -> int | None:
        """A label's year less the year its fiscal year ends in, as the release's pairings
        show it (stated pairings first, then figures); None without any."""
        for pairings in (self.stated_labels, self.matched_labels):
            offsets: Counter[int] = Counter()
            for (label, end), count in pairings.items():
                offset = label - fiscal_label(end)
                if offset in _LABEL_OFFSETS:
                    offsets[offset] += count
            if offsets:
                return offsets.most_common(1)[0][0]
        return None

    def read_titled_labels(self, day: PeriodPhrase, headers: list[PeriodPhrase]) -> None:
        """A title dating its table ("for the Quarter and Half Year Ended 30th September
        2025") over columns named by fiscal labels ("Q2 FY26 | Q1 FY26 | Q2 FY25 | H1
        FY26"): the latest label's period ends on the title's day, so its fiscal year ends
        the months the label leaves of the year later (a Q2 or H1 ending September 30,
        2025: March 31, 2026), and a dated title pairs that year end with the label (FY26,
        or a label counted from the year's start, FY2025). A title without its year gives
        the month the years end in, named by the label's year."""
        labelled = [
            (header.fiscal_year, months, header.split_year)
            for header in headers
            if header.fiscal_year is not None
            and not header.has_date
            and (months := months_into_year(header))
        ]
        month_day = (day.end.month, day.end.day) if day.end else day.month_day
        if not labelled or month_day is None:
            return
        label, months, split = max(labelled)
        month, day_of = month_day
        if day.end is not None and is_month_end(day.end):
            end = _month_end_back(day.end, months - 12)
            self.year_ends[end] += 1
            if not split:
                self.stated_labels[(label, end)] += 1
        elif day.end is None and day_of >= cal.monthrange(2001, month)[1]:
            self.year_ends[_month_end(label, (month + 11 - months) % 12 + 1)] += 1

    def _read_quarter_end(self, match: re.Match[str], quarter: int | None = None) -> None:
        """ "second quarter and first half of 2024, ended June 30, 2024": the year ends two
        quarters later. A year named between the quarter and the date must be the one the
        date ends ("first quarter compared with the year ended ..." says nothing). A half
        or nine months ending on the date is the second or third quarter's end."""
        end = parse_phrase(match["date"]).end
        if quarter is None:
            quarter = vocabulary().ordinals[match["quarter"].lower()]
        if end is None:
            return
        gap = match["gap"] if "gap" in match.re.groupindex else ""
        if gap and _names_year(gap) and quarter != _QUARTERS:
            return
        if is_month_end(end):
            month = end.month + 3 * (_QUARTERS - quarter)
            self.year_ends[_month_end(end.year + (month - 1) // 12, (month - 1) % 12 + 1)] += 1
        else:
            # A 52/53-week year ends its quarters on a weekday, 13 weeks apart.
            self.year_ends[end + timedelta(weeks=13 * (_QUARTERS - quarter))] += 1

    def read_period(self, period: Period, phrase: PeriodPhrase) -> None:
        """A resolved column: a year-long duration ends a fiscal year. Its end is evidence
        of a calendar counted in weeks or months (`counts_weeks`), unless the column prints
        its first day too or no length at all ("Period Ended March 15, 2025"): a stub from
        one date to another ends where an event fell."""
        if not (phrase.printed_start or phrase.open_end):
            self.period_ends.add(period.end)
        if self.reported_through is None or period.end > self.reported_through:
            self.reported_through = period.end
        if period.start is None:
            return
        self.printed.add(period)
        days = _days(period)
        if days in _YEAR_DAYS and not phrase.trailing:
            self.year_ends[period.end] += 2
            label = None if phrase.split_year else phrase.fiscal_year
            if label is not None and not (phrase.quarter or phrase.half):
                # "FY2024 (April 1, 2024 - March 31, 2025)": the header pairs the two.
                self.stated_labels[(label, period.end)] += 1
        if phrase.span and phrase.span[0] == "weeks" and phrase.span[1] in (12, 13):
            self.quarter_spans[phrase.span[1]] += 1

    def read_balance_dates(self, days: list[date]) -> None:
        """A balance sheet's dates: an interim balance sheet sets the quarter's or half's
        end against the last fiscal year end (as IAS 34 and Form 10-Q require), so the
        month-end date three, six or nine months before the latest one ends a fiscal year
        (the same date a year earlier, or the quarter before, may stand beside it); a run
        of consecutive quarter ends says nothing of the year; a year-end one, printing only
        dates a year apart, sets two year ends."""
        ends = sorted({d for d in days if is_month_end(d)})
        if len(ends) < 2:
            return
        later = ends[-1]
        back = {(later.year - d.year) * 12 + later.month - d.month: d for d in ends[:-1]}
        interim = [back[months] for months in (3, 6, 9) if months in back]
        if len(interim) == len((3, 6, 9)):
            return  # a run of quarter ends (a trend table) names no year end
        if interim:
            # The year end, whether or not the same date a year earlier is printed too
            # ("30 June 2026 | 30 June 2025 | 31 December 2025"); beside the quarter before
            # ("Sep/25 | Jun/25 | Dec/24"), the year end is the earlier date.
            self.year_ends[interim[-1]] += 1
        elif 12 in back:
            self.year_ends[back[12]] += 1
            self.year_ends[later] += 1

    def _own_quarter_year_end(self) -> date | None:
        """The fiscal year end that makes the headline's quarter the latest quarter the
        tables print, or the quarter the text says ended: "First Quarter 2023" over three
        months ended March 31, 2023 is a year ending December 31, 2023 (the label must
        name that year)."""
        if self.own_quarter is None:
            return None
        through = self.reported_through
        printed = [p for p in self.printed if p.end == through and _days(p) in _QUARTER_DAYS]
        if not printed:
            through = self.quarter_ended  # the text's "quarter ended June 30, 2026"
        if through is None or not is_month_end(through):
            return None
        quarter, year = self.own_quarter
        month = through.month + 3 * (4 - quarter)
        end = _month_end(through.year + (month - 1) // 12, (month - 1) % 12 + 1)
        return end if fiscal_label(end, self.label_offset() or 0) == year else None

    def calendar(self) -> FiscalCalendar:
        offset = self.label_offset() or 0
        ends: dict[int, date] = {}
        if not self.year_ends and (own := self._own_quarter_year_end()):
            ends[fiscal_label(own, offset)] = own
        if (stated := self._stated_day_year_end()) is not None:
            ends[fiscal_label(stated, offset)] = stated
        for end, _ in self.year_ends.most_common():
            ends.setdefault(fiscal_label(end, offset), end)
        consistent = _consistent(ends)
        spans = self.quarter_spans.most_common(1)
        return FiscalCalendar(
            year_ends=consistent,
            quarter_weeks=dict(self.quarter_weeks),
            year_weeks=dict(self.year_weeks),
            first_quarter_weeks=spans[0][0] if spans else None,
            off_month_ends=self.off_month_ends,
            printed=frozenset(self.printed),
            reported_through=self.reported_through or self._headline_quarter_end(consistent),
            label_offset=offset,
            stated_years=frozenset(self.stated_years),
        )

    def _stated_day_year_end(self) -> date | None:
        """The fiscal year end on the day the prose states ("The fiscal year ends on March
        31") that first follows the latest period the release reports, or the quarter its
        text says ended: the year that period belongs to. Without such a period the day
        names no year."""
        if not self.year_end_days:
            return None
        through = self.reported_through or self.quarter_ended
        if through is None:
            return None
        month, day = self.year_end_days.most_common(1)[0][0]
        last = cal.monthrange(through.year, month)[1]
        end = date(through.year, month, min(day, last))
        return end if end >= through else date(through.year + 1, month, min(day, last))

    def _headline_quarter_end(self, ends: dict[int, date]) -> date | None:
        """Where no column is dated yet, the end of the quarter the headline announces
        ("Fourth Quarter and Year-End 2025 Results" with a year ending December 31): the
        latest period the release reports."""
        if self.own_quarter is None or self.off_month_ends:
            return None
        quarter, year = self.own_quarter
        end = ends.get(year)
        if end is None or not is_month_end(end):
            return None
        return months_back(end, 3 * (_QUARTERS - quarter)) - timedelta(days=1)


def _consistent(ends: dict[int, date]) -> dict[int, date]:
    """Year ends that agree on one rule: one weekday (a year end off a month end shows a
    52/53-week calendar, whose ends may fall on a month end too), else one month end."""
    if not ends:
        return {}
    month_ends = {y: e for y, e in ends.items() if is_month_end(e)}
    weekly = {y: e for y, e in ends.items() if not is_month_end(e)}
    if weekly:
        weekday = Counter(e.weekday() for e in weekly.values()).most_common(1)[0][0]
        same_day = {y: e for y, e in ends.items() if e.weekday() == weekday}
        return same_day
    month = Counter(e.month for e in month_ends.values()).most_common(1)[0][0]
    return {y: e for y, e in month_ends.items() if e.month == month}
