"""Cover facts from what the release states: its latest period, its fiscal calendar as its
own columns show it, the issuer and its listing, the entity identifier.

The cover period is the shortest of the periods that end last (a fourth-quarter release
prints the quarter and the year to the same day: the quarter is its focus), among the
periods of the tables' facts when there are any (the prose may give an outlook for the
next quarter). The fiscal year end is read only where the columns show it: the end of a
year-long period, the day before a year-to-date period starts, or a balance sheet's date
the day before the cover period starts. Without one, the fiscal focus and year end are
left out rather than guessed from the calendar year (Apple's first fiscal quarter ends in
December).
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta

from exporter.facts.model import Context, CoverFact, FactSet, SourceKind
from exporter.metadata import DocumentInfo
from exporter.periods import Period
from exporter.taxonomy import is_outlook
from exporter.taxonomy_cover import CoverSpec

_DAYS_PER_MONTH = 30.44
# A year of 52 or 53 weeks, or of twelve calendar months.
_YEAR_DAYS = range(345, 381)
# 52/53-week years end up to a week before or after the calendar anniversary.
_SLACK_DAYS = 7
# How far a period's length may be from a dei span: 12-week first and 17-week fourth
# quarters (PepsiCo) are quarters.
_SPAN_TOLERANCE_MONTHS = 1.2
# A balance sheet states many facts at its date; an opening cash balance, one to three.
_BALANCE_SHEET_FACTS = 8


def _durations(contexts: tuple[Context, ...]) -> list[Period]:
    return [c.period for c in contexts if c.member is None and c.period.start is not None]


def _days(period: Period) -> int:
    assert period.start is not None
    return (period.end - period.start).days + 1


def cover_period(contexts: tuple[Context, ...]) -> Period | None:
    """The shortest of the durations that end last (no axis member)."""
    durations = _durations(contexts)
    if not durations:
        return None
    last = max(p.end for p in durations)
    return min((p for p in durations if p.end == last), key=_days)


def fiscal_year_end(
    contexts: tuple[Context, ...], cover: Period, balance_dates: frozenset[date] = frozenset()
) -> date | None:
    """The end of a fiscal year, as the columns show one: the latest year-long period's
    end, else the day before a year-to-date period that ends with the cover period starts,
    else a balance sheet's date just before the cover period starts (a first quarter's
    balance sheet compares with the year end). `balance_dates` are the instants a balance
    sheet reports (an opening cash balance alone is no balance sheet)."""
    durations = _durations(contexts)
    years = [p for p in durations if _days(p) in _YEAR_DAYS]
    if years:
        return max(years, key=lambda p: p.end).end
    to_date = [p for p in durations if p.end == cover.end and p.start != cover.start]
    if to_date:
        longest = max(to_date, key=_days)
        assert longest.start is not None
        return longest.start - timedelta(days=1)
    assert cover.start is not None
    before = cover.start - timedelta(days=1)
    return before if before in balance_dates else None


def _year_around(contexts: tuple[Context, ...], cover: Period) -> date | None:
    """The end of a year-long period the cover period is an early part of (the outlook for
    "the fiscal year ending March 31, 2026" of a first half's release): where the reported
    periods show no year end, the year the release forecasts is the one it reports in."""
    assert cover.start is not None
    around = [
        p
        for p in _durations(contexts)
        if _days(p) in _YEAR_DAYS and p.start is not None and p.start <= cover.start
        if p.end > cover.end
    ]
    return min((p.end for p in around), default=None)


def balance_dates(facts: FactSet, contexts: tuple[Context, ...]) -> frozenset[date]:
    """The instants that hold a balance sheet's worth of table facts."""
    instants = {c.id: c.period.end for c in contexts if c.period.start is None}
    counts = Counter(
        instants[f.context]
        for f in facts.facts
        if f.context in instants and f.source.kind == SourceKind.TABLE
    )
    return frozenset(day for day, n in counts.items() if n >= _BALANCE_SHEET_FACTS)


def _anniversary(year_end: date, year: int) -> date:
    day = min(year_end.day, calendar.monthrange(year, year_end.month)[1])
    return date(year, year_end.month, day)


def _span_code(months: float, codes: dict[int, str]) -> int | None:
    """The dei span nearest to `months` (a 16-week fourth quarter is a quarter, 24 weeks a
    half), if one is near enough."""
    nearest = min(codes, key=lambda span: abs(span - months))
    return nearest if abs(nearest - months) <= _SPAN_TOLERANCE_MONTHS else None


def fiscal_focus(cover: Period, year_end: date, codes: dict[int, str]) -> tuple[int, str | None]:
    """(fiscal year, dei fiscal period code) of the cover period. A year is named by the
    calendar year in which it ends, unless it ends in the first days of January (a 52/53-week
    year ending on the Sunday nearest December 31 is that calendar year's: J&J's fiscal 2022
    ended on January 1, 2023). The code is None for spans dei has none for."""
    year = cover.end.year - 1
    while _anniversary(year_end, year) < cover.end - timedelta(days=_SLACK_DAYS):
        year += 1
    start = _anniversary(year_end, year - 1)
    label = year - 1 if year_end.month == 1 and year_end.day <= _SLACK_DAYS else year
    span = _span_code(_days(cover) / _DAYS_PER_MONTH, codes)
    if span is None:
        return label, None
    elapsed = (cover.end - start).days / _DAYS_PER_MONTH
    return label, codes[span].format(n=max(1, round(elapsed / span)))


def _filed_year_end(info: DocumentInfo, cover: Period) -> date | None:
    """The fiscal year end the EDGAR header records for the filer (`MMDD`), in the cover
    period's year: the columns show a 52/53-week year's end to the day, the header does not,
    so it serves where they show none."""
    month_day = info.filer.fiscal_year_end if info.filer else None
    if not month_day:
        return None
    month, day = int(month_day[:2]), int(month_day[2:])
    year = cover.end.year
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _values(
    facts: FactSet,
    contexts: tuple[Context, ...],
    info: DocumentInfo,
    spec: CoverSpec,
    cover: Period,
) -> dict[str, str]:
    """Each cover concept's value, where the release states it."""
    values = {
        "DocumentType": spec.document_type,
        "AmendmentFlag": "false",
        "DocumentPeriodEndDate": cover.end.isoformat(),
    }
    year_end = fiscal_year_end(contexts, cover, balance_dates(facts, contexts))
    year_end = year_end or _filed_year_end(info, cover) or _year_around(facts.contexts, cover)
    if year_end is not None:
        year, code = fiscal_focus(cover, year_end, spec.fiscal_periods)
        values["DocumentFiscalYearFocus"] = str(year)
        if code:
            values["DocumentFiscalPeriodFocus"] = code
        values["CurrentFiscalYearEndDate"] = f"--{year_end.month:02d}-{year_end.day:02d}"
    if facts.entity.name:
        values["EntityRegistrantName"] = " ".join(facts.entity.name.split())
    if facts.entity.scheme == spec.cik_scheme:
        values["EntityCentralIndexKey"] = facts.entity.identifier
    listing = info.primary_listing
    if listing is not None:
        values["TradingSymbol"] = listing.ticker
        if listing.exchange in spec.exchanges:
            values["SecurityExchangeName"] = spec.exchanges[listing.exchange]
    return values


def reported_contexts(facts: FactSet) -> tuple[Context, ...]:
    """The contexts of the tables' facts, or for a release in prose only of its reported
    facts: an outlook for the year a half belongs to is no period the release reports."""
    used = {f.context for f in facts.facts if f.source.kind == SourceKind.TABLE}
    outlook = {c.name for c in facts.extensions if is_outlook(c)}
    used = used or {f.context for f in facts.facts if f.concept not in outlook}
    used = used or {f.context for f in facts.facts}
    return tuple(c for c in facts.contexts if c.id in used)


def cover_facts(facts: FactSet, info: DocumentInfo, spec: CoverSpec) -> tuple[CoverFact, ...]:
    """The cover facts, in the cover's order, in the context of the cover period (none when
    the release states no duration at all)."""
    contexts = reported_contexts(facts)
    cover = cover_period(contexts)
    if cover is None:
        return ()
    context = next(c.id for c in contexts if c.period == cover and c.member is None)
    values = _values(facts, contexts, info, spec, cover)
    return tuple(
        CoverFact(id=f"cover{n}", concept=c.name, context=context, value=values[c.name])
        for n, c in enumerate((c for c in spec.concepts if c.name in values), start=1)
    )
