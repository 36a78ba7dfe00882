"""The period of a column: its header's phrase, completed by its table and the calendar.

A header states some parts of a period ("2022" under "FOURTH QUARTER", "Quarter Ended
12/31/2022", "Q1 2023", "12 Weeks Ended 3/25/2023"); `phrases.parse_phrase` reads them,
the table's title, caption and period heading supply what the header leaves out, and the
release's fiscal calendar (`tables/calendar.py`) turns a fiscal quarter, half or year into
dates. A column whose period cannot be resolved says which evidence was missing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from exporter.period_phrases import PeriodPhrase, parse_phrase
from exporter.periods import Period, months_back
from exporter.tables.calendar import FiscalCalendar, is_month_end, months_into_year
from exporter.unit_phrases import only_a_unit
from exporter.vocabulary import vocabulary


@dataclass(frozen=True)
class Resolution:
    """A column's period, whether its start is still open, or what was missing."""

    period: Period | None = None
    open_start: bool = False
    # The header names neither the period's length nor that it runs from the year's start
    # ("Period Ended December 31, 2025", a fresh-start stub): only evidence elsewhere
    # can give its start.
    length_unstated: bool = False
    missing: str = ""
    # A fiscal period that ends after the latest one the release reports: an outlook.
    outlook: bool = False
    # The period such an outlook is for.
    forecast: Period | None = None
    # The phrase prints the period's first day as well as its last: dates of its own, no
    # evidence of the release's fiscal calendar (`PeriodPhrase.printed_start`).
    printed_start: bool = False


def period_of(text: str) -> Period | None:
    """The period a piece of text names on its own, without a fiscal calendar."""
    return resolve(parse_phrase(text), None).period


def resolve(
    phrase: PeriodPhrase, calendar: FiscalCalendar | None, instants: bool = False
) -> Resolution:
    """The period `phrase` names; `instants` says the table holds balances (a balance
    sheet), so a bare year there is the fiscal year's end."""
    if phrase.ends and (phrase.end is None or phrase.end in phrase.ends):
        listed = _listed_end(phrase)
        if isinstance(listed, Resolution):
            return listed
        phrase = listed
    end = phrase.end
    if end is None and phrase.month_day and phrase.year is not None:
        end = _date(phrase.year, *phrase.month_day)
    if end is not None:
        return replace(_ending(end, phrase, calendar), printed_start=phrase.printed_start)
    if phrase.year is not None:
        calendar = calendar or FiscalCalendar()
        return _fiscal(phrase, _label(phrase, phrase.year, calendar), calendar, instants)
    if (phrase.quarter or phrase.half) and calendar and (year := _latest_year(phrase, calendar)):
        return _fiscal(phrase, year, calendar, instants)
    if phrase.month_day:
        return Resolution(missing="a day and month without a year")
    if phrase.names_part_of_year:
        return Resolution(missing="a span without its year or end date")
    return Resolution(missing="no date, year or span")


def _listed_end(phrase: PeriodPhrase) -> PeriodPhrase | Resolution:
    """The phrase with the one of its listed dates its own year or fiscal label names
    ("Thirteen Weeks Ended November 1, 2025 and November 2, 2024" over "Q3 2024"), or why
    none is: the last date listed is no more this column's than the first.

    The printed dates are the release's own words: a label's year is the year its listed
    date falls in, rather than whichever year the calendar's guess of the release's label
    convention would place it in (fiscal years ending in January are named either way).
    A fiscal label in none of the listed years is placed as labels are, by the calendar;
    listed days of one day of the year ("September 30, 2025 and 2024") still date a
    column of another year that day.
    """
    own = replace(phrase, end=None, month_day=None, ends=())
    year = own.year
    if year is None:
        return Resolution(missing="a title listing several dates, and no year saying which")
    near = [d for d in phrase.ends if d.year == year]
    if len(near) == 1:
        return replace(own, end=near[0])
    if own.names_fiscal_period:
        return own  # "Q2 FY26" under "September 30, 2025 and 2024": the calendar places it
    days = {(d.month, d.day) for d in phrase.ends}
    if len(days) == 1 and not near:
        return replace(own, month_day=days.pop())
    return Resolution(
        missing=f"a title listing {', '.join(map(str, phrase.ends))}: none is this column's"
    )


def checked_against_title(
    day: date | None, read: list[tuple[PeriodPhrase, Resolution]]
) -> list[Resolution]:
    """The columns' resolutions, those of fiscal labels left unplaced where the title's
    date contradicts them.

    The latest label of a table ("Q2 FY26" beside "Q1 FY26 | Q2 FY25 | H1 FY26") ends on
    the day its title dates it ("for the Quarter and Half Year Ended 30th September
    2025"). Placed a whole year from that day, every label of the table is read a year
    off, and the prior year's column ("Q2 FY25") would carry the current period's dates:
    no guess then, each column says why it has no period.
    """
    resolutions = [resolution for _, resolution in read]
    labelled = [
        (phrase.fiscal_year, months, resolution)
        for phrase, resolution in read
        if _labelled(phrase) and (months := months_into_year(phrase))
    ]
    if day is None or not labelled:
        return resolutions
    _, _, latest = max(labelled, key=lambda found: found[:2])
    placed = latest.period or latest.forecast
    if placed is None or not _years_apart(placed.end, day):
        return resolutions
    reason = (
        f"a fiscal label read a year off its title's date: the latest would end "
        f"{placed.end}, the title dates the table {day}"
    )
    return [
        Resolution(missing=reason) if _labelled(phrase) else resolution
        for phrase, resolution in read
    ]


def _labelled(phrase: PeriodPhrase) -> bool:
    """A column named by a fiscal label, its dates the calendar's ("Q2 FY26", "FY26")."""
    return phrase.fiscal_year is not None and not phrase.has_date


def _years_apart(end: date, day: date) -> bool:
    """`end` falls on `day`'s day of the year (within a week) in another year."""
    if end.year == day.year:
        return False
    moved = _date(day.year, end.month, end.day)
    return moved is not None and abs((moved - day).days) <= 7


def _label(phrase: PeriodPhrase, year: int, calendar: FiscalCalendar) -> int:
    """The calendar's label of the fiscal year `phrase` names. A year printed over two
    ("2025/26") is the one ending in the later year, whether the release's own labels
    count a year from the calendar year it starts in or ends in."""
    if not phrase.split_year:
        return year
    for label in (year + calendar.label_offset, year - 1, year, year + 1):
        end = calendar.year_end(label)
        if end is not None and end.year == year:
            return label
    return year


def _latest_year(phrase: PeriodPhrase, calendar: FiscalCalendar) -> int | None:
    """The fiscal year of the latest such quarter or half the release can report: "Q4"
    alone in a release reporting through January 1, 2023 is the fourth quarter of 2022."""
    through = calendar.reported_through
    if through is None or not calendar.known or phrase.words:
        # Other words beside the quarter ("FIRST QUARTER Currency") may make it a part of
        # a comparison rather than the quarter's own figures: no guess.
        return None
    for year in (through.year + 1, through.year, through.year - 1):
        period = _fiscal_period(phrase, year, calendar, False)
        if period is not None and period.end <= through:
            return year
    return None


def _date(year: int, month: int, day: int) -> date | None:
    """The day, or the month's last where `day` is past it (a month named without a day
    ends on its last: February 29 in a leap year, 28 otherwise)."""
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _nominal_span(phrase: PeriodPhrase) -> tuple[str, int] | None:
    if phrase.span is not None:
        return phrase.span
    if phrase.trailing or phrase.full_year:
        return "months", 12
    if phrase.quarter:
        return "months", 3
    if phrase.half:
        return "months", 6
    return None


def _ending(end: date, phrase: PeriodPhrase, calendar: FiscalCalendar | None) -> Resolution:
    span = _nominal_span(phrase)
    if span is None:
        if phrase.year_to_date and calendar and (year := calendar.year(calendar.label_of(end))):
            return Resolution(Period(start=year.start, end=end))
        if phrase.year_to_date or phrase.open_end:
            unstated = not phrase.year_to_date
            return Resolution(Period(end=end), open_start=True, length_unstated=unstated)
        return Resolution(Period(end=end))
    unit, count = span
    if count < 1:
        return Resolution(missing="a span of no length")
    if unit == "months" and calendar and calendar.week_based and not phrase.trailing:
        fiscal = calendar.period_ending(end, count)
        if fiscal is not None:
            return Resolution(fiscal)
    if unit == "months" and not is_month_end(end) and count % 3 == 0:
        # Retail and 52/53-week calendars end quarters on a weekday, not a month end:
        # a "three months ended June 26" quarter is 13 weeks.
        unit, count = "weeks", count * 13 // 3
    if unit in ("weeks", "days"):
        days = 7 * count if unit == "weeks" else count
        return Resolution(Period(start=end - timedelta(days=days - 1), end=end))
    return Resolution(Period(start=months_back(end, count), end=end))


# Audit marks a year's header may carry ("2025 (Audited)", "2024 Restated").
_AUDIT_MARKS = re.compile(r"\(?(?:un)?audited\)?|\(?restated\)?", re.IGNORECASE)


@cache
def _year_marks() -> re.Pattern[str]:
    """Words beside a year that say whose figures a column holds, not which part of the
    year ("2025 Actual", "2026 Outlook"): `year_marks` and `outlook` in periods.toml."""
    words = vocabulary().words
    spelled = sorted({*words["year_marks"], *words["outlook"]}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, spelled))})(?![\w-])")


def only_a_year(phrase: PeriodPhrase) -> bool:
    """A header of a year and nothing else but the amounts' unit, an audit mark or a word
    saying whose figures they are ("2025", "2025 RMB'000", "2024 (Restated)", "2025
    Actual", "2026 Outlook")."""
    rest = " ".join(w for w in phrase.words if not (w.isdigit() and len(w) == 4))
    rest = " ".join(_year_marks().sub(" ", rest.lower()).split())
    return not rest or only_a_unit(rest) or bool(_AUDIT_MARKS.fullmatch(rest))


def _fiscal(
    phrase: PeriodPhrase, year: int, calendar: FiscalCalendar, instants: bool
) -> Resolution:
    """A fiscal quarter, half, year-to-date or year named by its fiscal year alone."""
    labelled = phrase.fiscal_year is not None  # "FY2024", "Fiscal 2024": the whole year
    bare = only_a_year(phrase)
    whole = labelled or (calendar.reports_a_year and bare)
    if not (phrase.names_part_of_year or whole or instants or phrase.instant):
        return Resolution(missing=f"the year {year} but not which part of it")
    if not calendar.known:
        return Resolution(missing="a fiscal period, and the release states no fiscal year end")
    period = _fiscal_period(phrase, year, calendar, instants)
    if period is None:
        return Resolution(missing="a fiscal period the calendar cannot place")
    if calendar.reported_through and period.end > calendar.reported_through:
        return Resolution(
            missing=f"an outlook: {period} ends after the latest period the release reports",
            outlook=True,
            forecast=period,
        )
    return Resolution(period)


def _fiscal_period(
    phrase: PeriodPhrase, year: int, calendar: FiscalCalendar, instants: bool
) -> Period | None:
    span = phrase.span or (("months", 12) if phrase.trailing else None)
    if phrase.quarter and span and span[0] == "months" and span[1] > 3 * phrase.quarter:
        # "Trailing twelve months Q3 2024": the span that ends with the quarter.
        quarter = calendar.quarter(year, phrase.quarter)
        return Period(start=months_back(quarter.end, span[1]), end=quarter.end) if quarter else None
    if phrase.quarter and (phrase.year_to_date or (span and span[1] > 3)):
        return calendar.to_date(year, 3 * phrase.quarter)
    if phrase.quarter:
        return calendar.quarter(year, phrase.quarter)
    if phrase.year_to_date and not (phrase.half or span):
        return calendar.year_to_date(year)
    if phrase.half == 1:
        return calendar.to_date(year, 6)
    if phrase.half == 2:
        third, whole = calendar.quarter(year, 3), calendar.year(year)
        return Period(start=third.start, end=whole.end) if third and whole else None
    if phrase.full_year or (span and span == ("months", 12)) or not phrase.names_part_of_year:
        if instants or phrase.instant:
            end = calendar.year_end(year)
            return Period(end=end) if end else None
        return calendar.year(year)
    if span and span[0] == "months":
        return calendar.latest_span(year, span[1])
    if span and span[0] == "weeks" and (whole := calendar.year(year)) and whole.start:
        return Period(start=whole.start, end=whole.start + timedelta(weeks=span[1], days=-1))
    if instants or phrase.instant:
        end = calendar.year_end(year)
        return Period(end=end) if end else None
    return None
