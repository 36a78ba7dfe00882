"""The period resolver: header phrases, their completion by titles, the fiscal calendar.

Expected periods are hand-written from the releases' own statements of their calendars
(J&J: "fiscal year ended January 2, 2022", quarters of 13 weeks; PepsiCo: "fourth quarter
2022 includes 17 weeks", 12-week quarters), never computed by the code under test.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cells import fact_set
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.options import ConvertOptions
from exporter.period_phrases import counted_by_columns, lead_period, parse_phrase
from exporter.periods import Period
from exporter.pipeline import convert
from exporter.tables.calendar import CalendarEvidence, FiscalCalendar, counts_weeks
from exporter.tables.resolve import resolve

D = date

# header -> (start, end) with no calendar needed
DATED = [
    ("Year Ended 12/31/2022", D(2022, 1, 1), D(2022, 12, 31)),
    # An RNS half-year statement's third column: the last full year, "to" its end.
    ("Audited year to 31 December 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("Unaudited 6 months to 30 June 2025", D(2025, 1, 1), D(2025, 6, 30)),
    ("12 Weeks Ended 3/25/2023", D(2023, 1, 1), D(2023, 3, 25)),
    ("Three Months Ended March 31, 2023", D(2023, 1, 1), D(2023, 3, 31)),
    ("Three months ended 2023-09-30", D(2023, 7, 1), D(2023, 9, 30)),
    ("As of 31-Dec-24", None, D(2024, 12, 31)),
    ("31-Dec 2023", None, D(2023, 12, 31)),
    ("As of June, 30 2024 US$", None, D(2024, 6, 30)),
    ("Six Months Ended July 31, 2023", D(2023, 2, 1), D(2023, 7, 31)),
    ("Twelve Months Ended January 28, 2023", D(2022, 1, 30), D(2023, 1, 28)),
    ("TTM ended June 30, 2024", D(2023, 7, 1), D(2024, 6, 30)),
    ("12/31/2022", None, D(2022, 12, 31)),
    ("December 2024", None, D(2024, 12, 31)),
    ("June Quarter 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("December quarter 2025", D(2025, 10, 1), D(2025, 12, 31)),
    ("Feb. Quarter 2024", D(2023, 12, 1), D(2024, 2, 29)),
    ("Feb. Quarter 2023", D(2022, 12, 1), D(2023, 2, 28)),
    ("Half year ended 30 June 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("Half-year ended 30 June 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("Semester ended June 30, 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("30.06.2026", None, D(2026, 6, 30)),
    ("Three months ended 30.09.2025", D(2025, 7, 1), D(2025, 9, 30)),
    ("2026/06/30", None, D(2026, 6, 30)),
    # a span printed as its first and last months is that span, not the last month's end
    ("January-June 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("Apr.-Jun. 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("Jan\u2013Sep 2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("October through December 2025", D(2025, 10, 1), D(2025, 12, 31)),
    ("Jul-Jun 2026", D(2025, 7, 1), D(2026, 6, 30)),
    ("1-6/2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("10-12/2025", D(2025, 10, 1), D(2025, 12, 31)),
    # a duration printed as its first and last days
    ("FY2024 (April 1, 2024 to March 31, 2025)", D(2024, 4, 1), D(2025, 3, 31)),
    ("For the period from April 1, 2024 to March 31, 2025", D(2024, 4, 1), D(2025, 3, 31)),
    ("1 January \u2013 30 June 2025", D(2025, 1, 1), D(2025, 6, 30)),
    ("January 1 - June 30, 2025", D(2025, 1, 1), D(2025, 6, 30)),
    ("1 July 2025 through 30 September 2025", D(2025, 7, 1), D(2025, 9, 30)),
    ("Oct. 1 to Dec. 31, 2025", D(2025, 10, 1), D(2025, 12, 31)),
    ("February 2, 2025 to May 3, 2025", D(2025, 2, 2), D(2025, 5, 3)),
]


@pytest.mark.parametrize(("header", "start", "end"), DATED, ids=[c[0] for c in DATED])
def test_dated_headers(header: str, start: date | None, end: date) -> None:
    assert resolve(parse_phrase(header), None).period == Period(start=start, end=end)


@pytest.mark.parametrize("text", ["June sales", "Juneau Quarter", "results may vary"])
def test_a_month_name_that_names_no_period_is_no_date(text: str) -> None:
    assert not parse_phrase(text).has_date


def test_a_month_alone_over_a_quarter_and_a_year_ends_that_quarter() -> None:
    phrase = parse_phrase("June").completed_by(parse_phrase("Quarter"))
    phrase = dataclasses.replace(phrase, years=(2026,))
    assert resolve(phrase, None).period == Period(start=D(2026, 4, 1), end=D(2026, 6, 30))


def test_a_title_completes_a_year_only_header() -> None:
    phrase = parse_phrase("2023").completed_by(parse_phrase("Three Months Ended March 31,"))
    assert resolve(phrase, None).period == Period(start=D(2023, 1, 1), end=D(2023, 3, 31))


_CASH_FLOWS = "The following table summarizes cash flows for the nine months ended"


@pytest.mark.parametrize(
    ("sentence", "header", "expected"),
    [
        (
            f"{_CASH_FLOWS} September 30, 2025 and 2024:",
            "2024",
            Period(start=D(2024, 1, 1), end=D(2024, 9, 30)),
        ),
        (
            "Cash flows for the six months ended 30 June 2025 were as follows:",
            "2025",
            Period(start=D(2025, 1, 1), end=D(2025, 6, 30)),
        ),
        (
            "Selected data for the year ended December 31, 2024 and 2023 were:",
            "2023",
            Period(start=D(2023, 1, 1), end=D(2023, 12, 31)),
        ),
        ("Results for the three and nine months ended September 30, 2025 and 2024:", "2025", None),
        (
            "Results for the quarter and nine months ended September 30, 2025 and 2024:",
            "2025",
            None,
        ),
        ("Balances as of September 30, 2025 and December 31, 2024 were:", "2024", None),
    ],
    ids=["nine-months", "day-first", "year", "two-counts", "quarter-and-span", "two-days"],
)
def test_a_sentence_introducing_a_table_dates_its_year_columns_when_it_names_one_period(
    sentence: str, header: str, expected: Period | None
) -> None:
    """A bare year completed by the one length and day the sentence names; a sentence
    naming two does not say which column is which."""
    phrase = parse_phrase(header).completed_by(lead_period(sentence))
    assert resolve(phrase, None).period == expected


def test_a_caption_naming_two_years_gives_no_year_to_an_empty_header() -> None:
    phrase = parse_phrase("Amount").completed_by(parse_phrase("Three months ended 2023 2022"))
    assert resolve(phrase, None).period is None


@pytest.mark.parametrize(
    "header", ["2022", "FOURTH QUARTER 2022", "Q4 2022", "Full Year 2022", "Percent to Sales"]
)
def test_without_a_calendar_fiscal_labels_have_no_period(header: str) -> None:
    resolution = resolve(parse_phrase(header), None)
    assert resolution.period is None and resolution.missing


def _calendar_year() -> FiscalCalendar:
    evidence = CalendarEvidence()
    evidence.read_text("for the fiscal year ended December 31, 2025.")
    return evidence.calendar()


CALENDAR_YEAR = [
    ("9M26", D(2026, 1, 1), D(2026, 9, 30)),
    ("3M 2026", D(2026, 1, 1), D(2026, 3, 31)),
    ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30)),
    ("2026 H1", D(2026, 1, 1), D(2026, 6, 30)),
    ("Quarter 2 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("Qtr. 3 2025", D(2025, 7, 1), D(2025, 9, 30)),
    ("Q2 '26", D(2026, 4, 1), D(2026, 6, 30)),
    ("FY 2026 Q2", D(2026, 4, 1), D(2026, 6, 30)),
    # the quarters from the first: a span from the start of the fiscal year
    ("Q1-Q3 2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("Q1\u2013Q3 2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("1Q-3Q25", D(2025, 1, 1), D(2025, 9, 30)),
    ("Q1-Q2 2026", D(2026, 1, 1), D(2026, 6, 30)),
]


@pytest.mark.parametrize(
    ("header", "start", "end"), CALENDAR_YEAR, ids=[c[0] for c in CALENDAR_YEAR]
)
def test_fiscal_labels_on_a_calendar_year(header: str, start: date, end: date) -> None:
    assert resolve(parse_phrase(header), _calendar_year()).period == Period(start=start, end=end)


def _jnj_calendar() -> FiscalCalendar:
    evidence = CalendarEvidence()
    evidence.read_text(
        "Annual Report on Form 10-K for the fiscal year ended January 2, 2022, including ..."
    )
    return evidence.calendar()


JNJ = [
    ("FOURTH QUARTER 2022", D(2022, 10, 3), D(2023, 1, 1)),
    ("FOURTH QUARTER 2021", D(2021, 10, 4), D(2022, 1, 2)),
    ("TWELVE MONTHS 2022", D(2022, 1, 3), D(2023, 1, 1)),
    ("TWELVE MONTHS 2021", D(2021, 1, 4), D(2022, 1, 2)),
    ("FIRST QUARTER 2023", D(2023, 1, 2), D(2023, 4, 2)),
    ("Q1 2022", D(2022, 1, 3), D(2022, 4, 3)),
    ("SIX MONTHS 2023", D(2023, 1, 2), D(2023, 7, 2)),
]


@pytest.mark.parametrize(("header", "start", "end"), JNJ, ids=[c[0] for c in JNJ])
def test_fiscal_labels_on_a_52_53_week_calendar(header: str, start: date, end: date) -> None:
    assert resolve(parse_phrase(header), _jnj_calendar()).period == Period(start=start, end=end)


def test_a_stated_long_quarter_places_the_quarters_of_a_53_week_year() -> None:
    evidence = CalendarEvidence()
    evidence.read_text(
        "PepsiCo's fourth quarter 2022 includes 17 weeks of results and its 2022 fiscal "
        "year includes 53 weeks of results. ... for the year ended December 25, 2021."
    )
    evidence.read_text("in the year ended December 31, 2022, we sold ...")
    calendar = evidence.calendar()
    quarter = resolve(parse_phrase("Quarter Ended 12/31/2022"), calendar).period
    assert quarter == Period(start=D(2022, 9, 4), end=D(2022, 12, 31))  # 17 weeks
    prior = resolve(parse_phrase("Quarter Ended 12/25/2021"), calendar).period
    assert prior == Period(start=D(2021, 9, 5), end=D(2021, 12, 25))  # 16 weeks
    year = resolve(parse_phrase("Year Ended 12/31/2022"), calendar).period
    assert year == Period(start=D(2021, 12, 26), end=D(2022, 12, 31))  # 53 weeks


def test_month_end_calendar_places_fiscal_quarters() -> None:
    calendar = FiscalCalendar(year_ends={2023: D(2023, 6, 30)})
    assert resolve(parse_phrase("Q4 FY23"), calendar).period == Period(
        start=D(2023, 4, 1), end=D(2023, 6, 30)
    )
    assert resolve(parse_phrase("Fiscal 2024 Q1"), calendar).period == Period(
        start=D(2023, 7, 1), end=D(2023, 9, 30)
    )
    assert resolve(parse_phrase("1H 2024"), calendar).period == Period(
        start=D(2023, 7, 1), end=D(2023, 12, 31)
    )


def test_a_printed_quarter_wins_over_calendar_arithmetic() -> None:
    # The calendar counts 12-week quarters (2023-03-26..2023-06-17); the release prints a
    # 13-week second quarter, and its dates are the ones the column gets.
    printed = Period(start=D(2023, 3, 26), end=D(2023, 6, 24))
    calendar = FiscalCalendar(
        year_ends={2022: D(2022, 12, 31)},
        first_quarter_weeks=12,
        off_month_ends=True,
        printed=frozenset({printed}),
    )
    phrase = parse_phrase("Second-Quarter").completed_by(parse_phrase("Results 2023"))
    assert resolve(phrase, calendar).period == printed


@settings(max_examples=300, derandomize=True)
@given(st.text(max_size=80))
def test_any_header_text_parses_without_error(text: str) -> None:
    phrase = parse_phrase(text)
    resolve(phrase, _jnj_calendar())


@settings(max_examples=200, derandomize=True)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))
def test_every_written_form_of_a_date_reads_as_that_date(day: date) -> None:
    forms = [
        day.strftime("%B %-d, %Y"),
        day.strftime("%-m/%-d/%Y"),
        day.isoformat(),
        day.strftime("%-d-%b-%Y"),
        day.strftime("%-d %B %Y"),
        f"As of {day.strftime('%b. %-d, %Y')}",
    ]
    for form in forms:
        assert parse_phrase(form).end == day, form


# --- generated variants: the sample's column headers written the other common ways -------

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"
QUARTER, YEAR = "\tThree months ended December 31,", "\tYear ended December 31,"


def _rewrite(text: str, style: str) -> str:
    """The sample with its period headers in another style (hand-written replacements)."""
    lines = text.split("\n")
    out: list[str] = []
    skip_years = False
    for line in lines:
        if skip_years and line.lstrip("\t").startswith("2023\t2024\t2024"):
            skip_years = False
            continue
        skip_years = False
        if line == "\tDecember 31, 2023\tDecember 31, 2024\tDecember 31, 2024":
            out.append(
                {
                    "fiscal": line.replace("December 31, ", "As of Dec. 31, "),
                    "numeric": "\t12/31/2023\t12/31/2024\t12/31/2024",
                    "labels": "\t31-Dec-23\t31-Dec-24\t31-Dec-24",
                    "ranges": "\tAs at 31 December 2023\tAs at 31 December 2024\t"
                    "As at 31 December 2024",
                    "quarter-ranges": "\t31-Dec-23\t31-Dec-24\t31-Dec-24",
                }[style]
            )
            continue
        if line.startswith((QUARTER, YEAR, QUARTER.lstrip("\t"))):
            out.extend(_headers(line, style))
            skip_years = style != "fiscal"
            continue
        out.append(line)
    return "\n".join(out)


def _headers(line: str, style: str) -> list[str]:
    """One header line in `style`; the numeric and label styles carry their own years."""
    if style == "fiscal":
        return [line.replace(QUARTER.strip(), "Fourth Quarter").replace(YEAR.strip(), "Full Year")]
    if style == "numeric":
        quarter = ["Three Months Ended 12/31/2023", "Three Months Ended 12/31/2024"]
        year = ["Year Ended 12/31/2023", "Year Ended 12/31/2024"]
    elif style == "ranges":
        quarter = ["October 1 to December 31, 2023", "1 October 2024 - 31 December 2024"]
        year = ["January 1, 2023 to December 31, 2023", "1 January \u2013 31 December 2024"]
    elif style == "quarter-ranges":
        quarter, year = ["Q4 2023", "Q4 2024"], ["Q1-Q4 2023", "Q1\u2013Q4 2024"]
    else:
        quarter, year = ["Q4 2023", "Q4 2024"], ["FY2023", "FY2024"]
    cells: list[str] = []
    if QUARTER.strip() in line:
        cells += [quarter[0], quarter[1], quarter[1]]
    if YEAR.strip() in line:
        cells += [year[0], year[1], year[1]]
    return [("\t" if line.startswith("\t") else "") + "\t".join(cells)]


def _table_facts(path: Path) -> set[tuple]:
    facts = fact_set(path)
    periods = {c.id: (c.period, c.member) for c in facts.contexts}
    return {
        (f.concept, periods[f.context], f.unit, f.value)
        for f in facts.facts
        if f.source.kind.value == "table"
    }


@pytest.mark.parametrize("style", ["fiscal", "numeric", "labels", "ranges", "quarter-ranges"])
def test_the_sample_with_other_period_headers_gives_the_same_facts(
    style: str, tmp_path: Path
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    variant = _rewrite(text, style)
    assert variant != text
    path = tmp_path / f"{style}.txt"
    path.write_text(variant, encoding="utf-8")
    assert _table_facts(path) == _table_facts(SAMPLE)


def test_a_quarter_without_a_year_is_the_latest_one_reported() -> None:
    """ "Q4" alone, in a release reporting through January 1, 2023 (J&J's fiscal 2022)."""
    calendar = dataclasses.replace(_jnj_calendar(), reported_through=D(2023, 1, 1))
    assert resolve(parse_phrase("Q4"), calendar).period == Period(
        start=D(2022, 10, 3), end=D(2023, 1, 1)
    )
    earlier = dataclasses.replace(calendar, reported_through=D(2022, 7, 3))
    assert resolve(parse_phrase("Q4"), earlier).period == Period(
        start=D(2021, 10, 4), end=D(2022, 1, 2)
    )


def test_year_to_date_of_a_fiscal_year_runs_to_the_latest_quarter_reported() -> None:
    """ "Year-to-Date 2023" in a release reporting through the second quarter of a
    June-ending year's successor: July 1 to December 31."""
    calendar = FiscalCalendar(year_ends={2023: D(2023, 6, 30)}, reported_through=D(2023, 12, 31))
    assert resolve(parse_phrase("Year-to-Date 2024"), calendar).period == Period(
        start=D(2023, 7, 1), end=D(2023, 12, 31)
    )
    through_q3 = dataclasses.replace(calendar, reported_through=D(2024, 3, 31))
    assert resolve(parse_phrase("YTD Fiscal 2024"), through_q3).period == Period(
        start=D(2023, 7, 1), end=D(2024, 3, 31)
    )


@pytest.mark.parametrize(
    ("headline", "quarter", "year_end"),
    [
        ("Example Corp. Reports Third Quarter 2024 Results", Period(start=D(2024, 7, 1), end=D(2024, 9, 30)), D(2024, 12, 31)),
        ("Example Corp. Reports Fiscal 2024 First Quarter Results", Period(start=D(2023, 7, 1), end=D(2023, 9, 30)), D(2024, 6, 30)),
    ],
)  # fmt: skip
def test_the_headline_quarter_is_the_latest_quarter_printed(
    headline: str, quarter: Period, year_end: date
) -> None:
    """A release that states no fiscal year end: its headline's quarter over the latest
    three months its tables print places the fiscal year."""
    evidence = CalendarEvidence()
    evidence.read_headline(headline)
    evidence.read_period(quarter, parse_phrase("Three Months Ended"))
    calendar = evidence.calendar()
    assert calendar.year_end(year_end.year) == year_end
    # The latest three months of fiscal 2024 the release reports: its own quarter.
    assert resolve(parse_phrase("Three Months Ended 2024"), calendar).period == quarter


def test_a_headline_quarter_that_does_not_fit_the_printed_quarter_places_nothing() -> None:
    evidence = CalendarEvidence()
    # A third quarter ending March 31, 2024 ends fiscal 2024 in June, not fiscal 2023.
    evidence.read_headline("Example Corp. Reports Third Quarter 2023 Results")
    evidence.read_period(Period(start=D(2024, 1, 1), end=D(2024, 3, 31)), parse_phrase(""))
    assert not evidence.calendar().known


def test_year_to_date_of_the_prior_year_is_its_comparative() -> None:
    """ "Year-to-Date 2023" beside "Year-to-Date 2024" in a second-quarter release."""
    calendar = FiscalCalendar(year_ends={2023: D(2023, 6, 30)}, reported_through=D(2023, 12, 31))
    assert resolve(parse_phrase("Year-to-Date 2023"), calendar).period == Period(
        start=D(2022, 7, 1), end=D(2022, 12, 31)
    )


@pytest.mark.parametrize("header", ["Q2 2026", "Q2-2026", "Q2/2026", "Q2'26", "2Q-26", "Q2 - 2026"])
def test_a_quarter_joined_to_its_year_by_a_dash_or_slash(header: str) -> None:
    calendar = FiscalCalendar(year_ends={2026: D(2026, 12, 31)})
    assert resolve(parse_phrase(header), calendar).period == Period(
        start=D(2026, 4, 1), end=D(2026, 6, 30)
    )


@pytest.mark.parametrize(
    ("sentence", "year_end"),
    [
        ("Half year results for the six months ended 30 June 2026", D(2026, 12, 31)),
        ("results for the nine months ended September 30, 2026", D(2026, 12, 31)),
        ("the half-year ended 31 December 2025 (1H FY26)", D(2026, 6, 30)),
        ("for the first half of fiscal 2026, ended March 31, 2026", D(2026, 9, 30)),
    ],
)
def test_a_half_or_nine_months_ending_on_a_date_fixes_the_year_end(
    sentence: str, year_end: date
) -> None:
    evidence = CalendarEvidence()
    evidence.read_text(sentence)
    assert evidence.calendar().year_end(year_end.year) == year_end


def test_three_months_ending_on_a_date_say_nothing_of_the_year_end() -> None:
    evidence = CalendarEvidence()
    evidence.read_text("revenue for the three months ended June 30, 2026 rose")
    assert not evidence.calendar().known


# -- fiscal labels named by the year the fiscal year starts in --------------------------

_FY2025 = Period(start=D(2025, 4, 1), end=D(2026, 3, 31))


@pytest.mark.parametrize(
    "sentence",
    [
        "results for the fiscal year ended March 31, 2026 (FY2025), prepared under J-GAAP",
        "for the fiscal year ending March 31, 2026 (FY 2025)",
        "the fiscal year ending March 2026 (fiscal 2025)",
        "Results for FY2025 (April 1, 2025 - March 31, 2026)",
        "Fiscal Year 2025 (April 1, 2025 to March 31, 2026)",
        "net sales for FY25 (fiscal year ended March 31, 2026) rose",
    ],
)
def test_a_stated_pairing_names_a_year_by_the_year_it_starts_in(sentence: str) -> None:
    evidence = CalendarEvidence()
    evidence.read_text(sentence)
    calendar = evidence.calendar()
    assert calendar.label_offset == -1
    assert resolve(parse_phrase("FY2025"), calendar).period == _FY2025
    assert resolve(parse_phrase("FY2024 (Results)"), calendar).period == Period(
        start=D(2024, 4, 1), end=D(2025, 3, 31)
    )


def test_a_quarter_dated_beside_its_label_says_nothing_of_the_convention() -> None:
    evidence = CalendarEvidence()
    evidence.read_text("for the fiscal year ended March 31, 2026")
    evidence.read_text("Q1 FY2026 (April 1, 2025 to June 30, 2025)")
    calendar = evidence.calendar()
    assert calendar.label_offset == 0
    assert resolve(parse_phrase("FY2026"), calendar).period == _FY2025


def test_a_label_names_the_year_it_ends_in_without_a_pairing() -> None:
    evidence = CalendarEvidence()
    evidence.read_text("results for the fiscal year ended March 31, 2026")
    assert resolve(parse_phrase("FY2026"), evidence.calendar()).period == _FY2025


_SUMMARY = """\
Hoshi Works Co., Ltd. Announces Results

TOKYO, May 12, 2026 - Hoshi Works Co., Ltd. today announced its consolidated results{pairing}.

Consolidated Results Summary
(Billions of yen)
                                  {old:>12} {new:>12}
Net sales                                388.3        412.4
Operating profit                          34.6         38.9
Ordinary profit                           37.2         41.2
{statement}
Consolidated Balance Sheets
(Millions of yen)
                                      March 31, 2025     March 31, 2026
Total assets                             430,397            455,518
"""

_STATEMENT = """
Consolidated Statements of Income
(Millions of yen)
                                         Year ended         Year ended
                                     March 31, 2025     March 31, 2026
Net sales                                388,280            412,358
Cost of sales                            279,163            294,127
Gross profit                             109,117            118,231
Operating profit                          34,618             38,911
Ordinary profit                           37,162             41,207
"""


def _summary_facts(tmp_path: Path, **fields: str) -> dict[tuple[str, Period], Decimal]:
    """Operating profit by period, from the summary or the statement it duplicates; no
    figure of the one may contradict the other's for the same period."""
    text = _SUMMARY.format(**{"pairing": "", "statement": _STATEMENT, **fields})
    path = tmp_path / f"release-{len(list(tmp_path.iterdir()))}.txt"  # fact_set caches by path
    path.write_text(text, "utf-8")
    facts = fact_set(path)
    assert not [u for u in facts.unmapped if "inconsistent" in u.reason]
    periods = {c.id: c.period for c in facts.contexts}
    return {
        (f.concept, periods[f.context]): Decimal(f.value)
        for f in facts.facts
        if f.concept == "OperatingIncomeLoss"
    }


_FY2024 = Period(start=D(2024, 4, 1), end=D(2025, 3, 31))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("FY2024", "FY2025"),
        ("Fiscal 2024", "Fiscal 2025"),
        ("FY24", "FY25"),
        ("FY 2024", "FY 2025"),
    ],
)
def test_a_label_column_printing_a_dated_columns_figures_is_that_year(
    old: str, new: str, tmp_path: Path
) -> None:
    """A summary's "FY2024 | FY2025" beside a statement dated to March 2025 and 2026, with
    the same figures in billions: FY2025 is April 2025 to March 2026."""
    facts = _summary_facts(tmp_path, old=old, new=new)
    assert facts == {
        ("OperatingIncomeLoss", _FY2025): Decimal("38911000000"),
        ("OperatingIncomeLoss", _FY2024): Decimal("34618000000"),
    }


@pytest.mark.parametrize(
    "pairing",
    [
        " for the fiscal year ended March 31, 2026 (FY2025)",
        " for FY2025 (April 1, 2025 to March 31, 2026)",
        " for the fiscal year ending March 2026 (fiscal 2025)",
    ],
)
def test_a_stated_pairing_places_a_summary_without_dated_twin(pairing: str, tmp_path: Path) -> None:
    """No statement prints the summary's figures: only the sentence tells."""
    facts = _summary_facts(tmp_path, old="FY2024", new="FY2025", pairing=pairing, statement="")
    assert facts == {
        ("OperatingIncomeLoss", _FY2025): Decimal("38900000000"),
        ("OperatingIncomeLoss", _FY2024): Decimal("34600000000"),
    }


def test_without_a_pairing_a_label_names_the_year_it_ends_in(tmp_path: Path) -> None:
    """Summary figures that are the statement's in the end-year convention ("FY2026" is
    the year to March 2026), and a summary whose release states its year end without a
    label: nothing moves."""
    facts = _summary_facts(tmp_path, old="FY2025", new="FY2026")
    assert facts == {
        ("OperatingIncomeLoss", _FY2025): Decimal("38911000000"),
        ("OperatingIncomeLoss", _FY2024): Decimal("34618000000"),
    }
    alone = _summary_facts(
        tmp_path, old="FY2025", new="FY2026", statement="",
        pairing=" for the fiscal year ended March 31, 2026",
    )  # fmt: skip
    assert alone == {
        ("OperatingIncomeLoss", _FY2025): Decimal("38900000000"),
        ("OperatingIncomeLoss", _FY2024): Decimal("34600000000"),
    }


# A duration printed as its first and last days, as releases outside the US print it: the
# first day without its year ("1.1.-30.9.2025"), by dots, by month names or by numbers.
EUROPEAN_RANGES = [
    ("1.1.\u201330.9.2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("1.7.\u201330.9.2024", D(2024, 7, 1), D(2024, 9, 30)),
    ("01.01.-30.09.2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("1.1. - 30.6.2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("1.10.\u201331.12.2024", D(2024, 10, 1), D(2024, 12, 31)),
    ("01.01.2025 - 30.09.2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("1 Jan - 30 Sep 2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("01/01/2025 - 09/30/2025", D(2025, 1, 1), D(2025, 9, 30)),
    # months across the turn of a year, each with its year
    ("Oct 2024-Sep 2025", D(2024, 10, 1), D(2025, 9, 30)),
    ("October 2024 \u2013 September 2025", D(2024, 10, 1), D(2025, 9, 30)),
    # days that are neither whole months nor whole weeks: still the duration between
    ("1.1.\u201315.9.2025", D(2025, 1, 1), D(2025, 9, 15)),
    ("April 1 to June 15, 2025", D(2025, 4, 1), D(2025, 6, 15)),
]


@pytest.mark.parametrize(
    ("header", "start", "end"), EUROPEAN_RANGES, ids=[c[0] for c in EUROPEAN_RANGES]
)
def test_a_range_from_a_first_day_is_a_duration_not_its_last_day(
    header: str, start: date, end: date
) -> None:
    assert resolve(parse_phrase(header), None).period == Period(start=start, end=end)


@pytest.mark.parametrize(
    ("header", "end"), [("30.09.2025", D(2025, 9, 30)), ("31.12.2024", D(2024, 12, 31))]
)
def test_a_day_month_year_with_dots_is_an_instant(header: str, end: date) -> None:
    assert resolve(parse_phrase(header), None).period == Period(end=end)


@pytest.mark.parametrize("text", ["Employees (30.09.)", "see sections 2.1.-2.3.", "1.1.-30.9."])
def test_a_day_and_month_with_dots_alone_is_no_date(text: str) -> None:
    assert not parse_phrase(text).has_date


# A year ending March 31: the split label names the fiscal year ending in its later year.
_MARCH_H1_2025 = Period(start=D(2025, 4, 1), end=D(2025, 9, 30))
SPLIT_YEARS = [
    ("H1 2025/26", _MARCH_H1_2025),
    ("H1 FY2025/26", _MARCH_H1_2025),
    ("1H 2025/26", _MARCH_H1_2025),
    ("H1 2024/25", Period(start=D(2024, 4, 1), end=D(2024, 9, 30))),
    ("Q1 2025/26", Period(start=D(2025, 4, 1), end=D(2025, 6, 30))),
    ("FY 2025/26", Period(start=D(2025, 4, 1), end=D(2026, 3, 31))),
    ("FY2024/25", Period(start=D(2024, 4, 1), end=D(2025, 3, 31))),
    ("2025/26", Period(start=D(2025, 4, 1), end=D(2026, 3, 31))),
    ("2024/2025", Period(start=D(2024, 4, 1), end=D(2025, 3, 31))),
    ("FY 2025-26", Period(start=D(2025, 4, 1), end=D(2026, 3, 31))),
]


@pytest.mark.parametrize("offset_sentence", ["", "the fiscal year ended March 31, 2026 (FY2025)"])
@pytest.mark.parametrize(("header", "period"), SPLIT_YEARS, ids=[c[0] for c in SPLIT_YEARS])
def test_a_fiscal_year_printed_over_two_years_ends_in_the_later(
    header: str, period: Period, offset_sentence: str
) -> None:
    """Whether the release names its years by the year they end in or start in, "2025/26"
    is the year from April 2025 to March 2026."""
    evidence = CalendarEvidence()
    evidence.read_text("for the fiscal year ended March 31, 2026.")
    evidence.read_text(offset_sentence)
    assert resolve(parse_phrase(header), evidence.calendar()).period == period


_KEY_FIGURES = """\
Nordfjell Maskin AB (publ)
Interim report January-September 2025

Key figures

SEK m                Q3 2025   Q3 2024   Jan-Sep 2025   Jan-Sep 2024   {trailing:>17}   Jan-Dec 2024
Net sales              1,234     1,100          3,702          3,310               4,862          4,470
Operating profit         234       198            650            560                 848            758
Profit before tax        220       185            611            522                 795            706
"""


@pytest.mark.parametrize(
    "trailing",
    [
        "Rolling 12 months",
        "Rolling twelve months",
        "Last 12 months",
        "LTM",
        "TTM",
        "R12M",
        "LTM Q3 2025",
        "Oct 2024-Sep 2025",
    ],
)
def test_a_trailing_twelve_month_column_ends_with_the_tables_latest_period(
    trailing: str, tmp_path: Path
) -> None:
    """A key-figure table's trailing column, dated or not: its header line is the table's
    header, its figures are the twelve months to September 30, 2025, and the year-to-date
    beside it keeps the fiscal year a calendar year."""
    path = tmp_path / "release.txt"
    path.write_text(_KEY_FIGURES.format(trailing=trailing), "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    net_sales = {
        periods[f.context]: Decimal(f.value) for f in facts.facts if f.source.label == "Net sales"
    }
    assert net_sales == {
        Period(start=D(2025, 7, 1), end=D(2025, 9, 30)): Decimal("1234000000"),
        Period(start=D(2024, 7, 1), end=D(2024, 9, 30)): Decimal("1100000000"),
        Period(start=D(2025, 1, 1), end=D(2025, 9, 30)): Decimal("3702000000"),
        Period(start=D(2024, 1, 1), end=D(2024, 9, 30)): Decimal("3310000000"),
        Period(start=D(2024, 10, 1), end=D(2025, 9, 30)): Decimal("4862000000"),
        Period(start=D(2024, 1, 1), end=D(2024, 12, 31)): Decimal("4470000000"),
    }
    assert {f.unit for f in facts.facts} == {"SEK"}


# Statements under a title that dates them, with fiscal-label columns of a year that does
# not end in December: (kind, number, fiscal year, start, end), the dates hand-written
# from the year end each title implies (a Q2 ending September 30 is a March year end).
_TITLED_LABELS = {
    "march-year-end, the title in the label's year before": (
        "for the Quarter and Half Year Ended 30th September 2025",
        [
            ("Q", 2, 2026, D(2025, 7, 1), D(2025, 9, 30)),
            ("Q", 1, 2026, D(2025, 4, 1), D(2025, 6, 30)),
            ("Q", 2, 2025, D(2024, 7, 1), D(2024, 9, 30)),
            ("H", 1, 2026, D(2025, 4, 1), D(2025, 9, 30)),
            ("H", 1, 2025, D(2024, 4, 1), D(2024, 9, 30)),
        ],
    ),
    "march-year-end, the title without its year": (
        "for the Quarter and Half Year Ended September 30",
        [
            ("Q", 2, 2026, D(2025, 7, 1), D(2025, 9, 30)),
            ("Q", 2, 2025, D(2024, 7, 1), D(2024, 9, 30)),
            ("H", 1, 2026, D(2025, 4, 1), D(2025, 9, 30)),
        ],
    ),
    "march-year-end, the title in the label's year": (
        "for the Quarter and Year Ended 31 March 2026",
        [
            ("Q", 4, 2026, D(2026, 1, 1), D(2026, 3, 31)),
            ("Q", 4, 2025, D(2025, 1, 1), D(2025, 3, 31)),
            ("Y", 0, 2026, D(2025, 4, 1), D(2026, 3, 31)),
            ("Y", 0, 2025, D(2024, 4, 1), D(2025, 3, 31)),
        ],
    ),
    "june-year-end, the title in the label's year before": (
        "for the Quarter and Half Year Ended 31 December 2025",
        [
            ("Q", 2, 2026, D(2025, 10, 1), D(2025, 12, 31)),
            ("Q", 1, 2026, D(2025, 7, 1), D(2025, 9, 30)),
            ("Q", 2, 2025, D(2024, 10, 1), D(2024, 12, 31)),
            ("H", 1, 2026, D(2025, 7, 1), D(2025, 12, 31)),
        ],
    ),
    "september-year-end, the title in the label's year before": (
        "for the Quarter Ended 31 December 2025",
        [
            ("Q", 1, 2026, D(2025, 10, 1), D(2025, 12, 31)),
            ("Q", 4, 2025, D(2025, 7, 1), D(2025, 9, 30)),
            ("Q", 1, 2025, D(2024, 10, 1), D(2024, 12, 31)),
        ],
    ),
    "september-year-end, the title in the label's year": (
        "for the Quarter and Nine Months Ended 30 June 2026",
        [
            ("Q", 3, 2026, D(2026, 4, 1), D(2026, 6, 30)),
            ("Q", 3, 2025, D(2025, 4, 1), D(2025, 6, 30)),
            ("M", 9, 2026, D(2025, 10, 1), D(2026, 6, 30)),
            ("M", 9, 2025, D(2024, 10, 1), D(2025, 6, 30)),
        ],
    ),
}
# How releases print a fiscal label: a quarter (Q), a half (H), months (M), a year (Y).
_LABEL_STYLES = {
    "Q2 FY26": {"Q": "Q{n} FY{yy}", "H": "H{n} FY{yy}", "M": "{n}M FY{yy}", "Y": "FY{yy}"},
    "2Q FY2026": {"Q": "{n}Q FY{y}", "H": "{n}H FY{y}", "M": "{n}M FY{y}", "Y": "FY{y}"},
    "Q2 F26": {"Q": "Q{n} F{yy}", "H": "H{n} F{yy}", "M": "{n}M F{yy}", "Y": "F{yy}"},
    "Q2 FY 2026": {"Q": "Q{n} FY {y}", "H": "H{n} FY {y}", "M": "{n}M FY {y}", "Y": "FY {y}"},
}
_TITLED_RELEASE = """\
Kestrel Industries Limited

Statement of Unaudited Consolidated Results {title}
(Rs. in crore)
{header}
{revenue}
{expenses}
{profit}
"""


def _titled_release(title: str, labels: list[str], sentence: str = "") -> str:
    """A statement whose columns are `labels`: revenue 1,000, 1,100, ... across them."""
    revenue = [1000 + 100 * i for i in range(len(labels))]
    expenses = [600 + 10 * i for i in range(len(labels))]

    def line(label: str, values: list[int]) -> str:
        return f"{label:26}" + "".join(f"{v:>14,}" for v in values)

    text = _TITLED_RELEASE.format(
        title=title,
        header=" " * 26 + "".join(f"{label:>14}" for label in labels),
        revenue=line("Revenue from operations", revenue),
        expenses=line("Total expenses", expenses),
        profit=line("Profit before tax", [r - e for r, e in zip(revenue, expenses, strict=True)]),
    )
    return text.replace("\n\n", f"\n\n{sentence}\n\n", 1) if sentence else text


def _revenue_by_period(text: str, tmp_path: Path) -> tuple[dict[Period, Decimal], list[str]]:
    path = tmp_path / "release.txt"
    path.write_text(text, "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    revenue = {
        periods[f.context]: Decimal(f.value)
        for f in facts.facts
        if f.source.label == "Revenue from operations"
    }
    return revenue, [u.reason for u in facts.unmapped]


@pytest.mark.parametrize("style", list(_LABEL_STYLES))
@pytest.mark.parametrize("case", list(_TITLED_LABELS))
def test_a_dated_title_places_fiscal_labels_on_the_fiscal_calendar(
    case: str, style: str, tmp_path: Path
) -> None:
    """The title's date ends the latest label's period and so fixes the year end; every
    label names a fiscal year, never the calendar year the title's day falls in ("Q2
    FY25" under a title dated September 30, 2025 is July to September 2024)."""
    title, columns = _TITLED_LABELS[case]
    spelled = _LABEL_STYLES[style]
    labels = [spelled[kind].format(n=n, y=year, yy=year % 100) for kind, n, year, _, _ in columns]
    revenue, _ = _revenue_by_period(_titled_release(title, labels), tmp_path)
    assert revenue == {
        Period(start=start, end=end): Decimal((1000 + 100 * i) * 10_000_000)
        for i, (_, _, _, start, end) in enumerate(columns)
    }


def test_fiscal_labels_read_a_year_off_their_titles_date_give_no_facts(tmp_path: Path) -> None:
    """A sentence pairing "FY2025" with the year ending March 31, 2026 contradicts the
    table's own labels ("Q2 FY26" ending on the title's September 30, 2025): read so, Q2
    FY25 would be July to September 2025, the prior year's figures as the current
    quarter's. No column is placed and each says why."""
    text = _titled_release(
        "for the Quarter and Half Year Ended 30th September 2025",
        ["Q2 FY26", "Q1 FY26", "Q2 FY25", "H1 FY26", "H1 FY25"],
        sentence="Kestrel expects growth in the fiscal year ending March 31, 2026 (FY2025).",
    )
    revenue, reasons = _revenue_by_period(text, tmp_path)
    assert revenue == {}
    assert sum("read a year off its title's date" in r for r in reasons) == 15


_THIRTEEN_WEEKS = "Thirteen Weeks Ended November 1, 2025 and November 2, 2024"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (f"{_THIRTEEN_WEEKS} Q3 2025", Period(start=D(2025, 8, 3), end=D(2025, 11, 1))),
        (f"{_THIRTEEN_WEEKS} Q3 2024", Period(start=D(2024, 8, 4), end=D(2024, 11, 2))),
        (f"{_THIRTEEN_WEEKS} 2024", Period(start=D(2024, 8, 4), end=D(2024, 11, 2))),
        (f"{_THIRTEEN_WEEKS} % of Net Sales", None),
        ("As of June 30, 2025 and December 31, 2024 2025", Period(end=D(2025, 6, 30))),
        ("As of June 30, 2025 and December 31, 2024 2024", Period(end=D(2024, 12, 31))),
        (
            "For the Years Ended December 31, 2025, 2024, and 2023 2024",
            Period(start=D(2024, 1, 1), end=D(2024, 12, 31)),
        ),
        (
            "Three Months Ended September 30, 2025 and 2024 2024",
            Period(start=D(2024, 7, 1), end=D(2024, 9, 30)),
        ),
        # A listed day of one day of the year still dates another year's column.
        (
            "Three Months Ended September 30, 2025 and 2024 2023",
            Period(start=D(2023, 7, 1), end=D(2023, 9, 30)),
        ),
        # The column's own date under the listing is its period.
        (
            "12 Weeks Ended March 25, 2023 and March 19, 2022 12 Weeks Ended 3/19/2022",
            Period(start=D(2021, 12, 26), end=D(2022, 3, 19)),
        ),
    ],
    ids=[
        "label-2025",
        "label-2024",
        "year",
        "no-year",
        "balance-2025",
        "balance-2024",
        "three-years",
        "day-and-years",
        "year-not-listed",
        "own-date",
    ],
)
def test_a_header_listing_a_date_for_each_period_gives_the_column_the_one_of_its_year(
    header: str, expected: Period | None
) -> None:
    """Not the last date listed: the one in the year the column's own header names."""
    assert resolve(parse_phrase(header), None).period == expected


def test_a_title_listing_dates_completes_a_year_with_the_date_in_that_year() -> None:
    title = parse_phrase("As of June 30, 2025 and December 31, 2024")
    assert resolve(parse_phrase("2025").completed_by(title), None).period == Period(
        end=D(2025, 6, 30)
    )
    assert resolve(
        parse_phrase("Q3 2025").completed_by(parse_phrase(_THIRTEEN_WEEKS)), None
    ).period == (Period(start=D(2025, 8, 3), end=D(2025, 11, 1)))


# A multi-year summary of a full-year release whose fiscal year ends June 30: each year
# column is the fiscal year ending June 30 of that year, its balances that day.
_FISCAL_YEARS = {
    2016: (D(2015, 7, 1), D(2016, 6, 30)),
    2017: (D(2016, 7, 1), D(2017, 6, 30)),
    2018: (D(2017, 7, 1), D(2018, 6, 30)),
    2019: (D(2018, 7, 1), D(2019, 6, 30)),
    2020: (D(2019, 7, 1), D(2020, 6, 30)),
    2021: (D(2020, 7, 1), D(2021, 6, 30)),
    2022: (D(2021, 7, 1), D(2022, 6, 30)),
    2023: (D(2022, 7, 1), D(2023, 6, 30)),
    2024: (D(2023, 7, 1), D(2024, 6, 30)),
    2025: (D(2024, 7, 1), D(2025, 6, 30)),
}
_SALES = "RevenueFromContractWithCustomerExcludingAssessedTax"
_SUMMARY_TITLES = {
    "Five-Year Summary": range(2021, 2026),
    "Ten-Year Financial Summary": range(2016, 2026),
    "Three-Year Comparison": range(2023, 2026),
    "Five Year Review": range(2021, 2026),
    "3-Year Comparison": range(2023, 2026),
}
_YEARS_RELEASE_TEXT = """\
Ashgrove Instruments Reports Fiscal 2025 Results

SPRINGFIELD, August 14, 2025 - Ashgrove Instruments today reported results for the fiscal
year ended June 30, 2025.

Consolidated Statements of Income
(In millions of dollars)
                                  Year Ended June 30,
                                  2025          2024
Net sales                        1,500         1,400
Cost of sales                      900           850
Gross profit                       600           550

{title}
(In millions of dollars)
{header}
{sales}
{assets}
"""
_YEARS_RELEASE_HTML = """\
<html><body>
<h1>Ashgrove Instruments Reports Fiscal 2025 Results</h1>
<p>SPRINGFIELD, August 14, 2025 - Ashgrove Instruments today reported results for the
fiscal year ended June 30, 2025.</p>
<h3>Consolidated Statements of Income<br>(In millions of dollars)</h3>
<table>
<tr><th></th><th colspan="2">Year Ended June 30,</th></tr>
<tr><th></th><th>2025</th><th>2024</th></tr>
<tr><td>Net sales</td><td>1,500</td><td>1,400</td></tr>
<tr><td>Cost of sales</td><td>900</td><td>850</td></tr>
<tr><td>Gross profit</td><td>600</td><td>550</td></tr>
</table>
<h3>{title}<br>(In millions of dollars)</h3>
<table>
{header}
{sales}
{assets}
</table>
</body></html>
"""


def _sales(year: int) -> int:
    """Net sales of a year in millions: 1,500 in 2025, 100 less each year before."""
    return 1500 - 100 * (2025 - year)


def _summary_release(title: str, years: list[int], html: bool) -> str:
    """A full-year release: an income statement, then `title` over the `years` columns."""
    rows = {"Net sales": [_sales(y) for y in years], "Total assets": [3000 + y for y in years]}
    if html:

        def cells(label: str, values: list[str], tag: str = "td") -> str:
            return (
                f"<tr><{tag}>{label}</{tag}>"
                + "".join(f"<{tag}>{v}</{tag}>" for v in values)
                + "</tr>"
            )

        body = {k: cells(k, [f"{v:,}" for v in vs]) for k, vs in rows.items()}
        header = cells("", [str(y) for y in years], "th")
        template = _YEARS_RELEASE_HTML
    else:
        body = {k: f"{k:26}" + "".join(f"{v:>10,}" for v in vs) for k, vs in rows.items()}
        header = " " * 26 + "".join(f"{y:>10}" for y in years)
        template = _YEARS_RELEASE_TEXT
    return template.format(
        title=title, header=header, sales=body["Net sales"], assets=body["Total assets"]
    )


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest-first", "newest-first"])
@pytest.mark.parametrize("title", list(_SUMMARY_TITLES))
def test_a_multi_year_summary_title_counts_its_year_columns(
    title: str, newest_first: bool, html: bool, tmp_path: Path
) -> None:
    """ "Five-Year Summary" over "2021 | ... | 2025" compares five fiscal years: each
    column is one whole fiscal year ending on the release's year end (June 30), and a
    balance is that day's, never a span of five years ending in each column's year."""
    years = sorted(_SUMMARY_TITLES[title], reverse=newest_first)
    path = tmp_path / ("release.htm" if html else "release.txt")
    path.write_text(_summary_release(title, years, html), "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    found = {
        (f.concept, periods[f.context]): Decimal(f.value)
        for f in facts.facts
        if f.concept in (_SALES, "Assets")
    }
    expected_sales = {
        (_SALES, Period(start=_FISCAL_YEARS[y][0], end=_FISCAL_YEARS[y][1])): Decimal(
            _sales(y) * 1_000_000
        )
        for y in years
    }
    expected_assets = {
        ("Assets", Period(end=_FISCAL_YEARS[y][1])): Decimal((3000 + y) * 1_000_000) for y in years
    }
    assert found == {**expected_sales, **expected_assets}
    assert not [u for u in facts.unmapped if "period" in u.reason]


@pytest.mark.parametrize(
    ("title", "headers", "periods"),
    [
        (
            "Twelve Months Ended December 31,",
            "2025 | 2024",
            [(D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))],
        ),
        (
            "Six Months Ended June 30,",
            "2025 | 2024",
            [(D(2025, 1, 1), D(2025, 6, 30)), (D(2024, 1, 1), D(2024, 6, 30))],
        ),
        (
            "52 Weeks Ended December 27,",
            "2025 | 2024",
            [(D(2024, 12, 29), D(2025, 12, 27)), (D(2023, 12, 30), D(2024, 12, 27))],
        ),
    ],
)
def test_a_title_span_of_a_year_or_less_stays_each_columns_length(
    title: str, headers: str, periods: list[tuple[date, date]]
) -> None:
    """Only a span of several whole years over about as many single-year columns counts
    the columns; "Twelve Months Ended December 31," over "2025 | 2024" is each column's."""
    columns = [parse_phrase(h) for h in headers.split(" | ")]
    title_phrase = counted_by_columns(parse_phrase(title), columns)
    assert title_phrase == parse_phrase(title)
    resolved = [resolve(c.completed_by(title_phrase), None).period for c in columns]
    assert resolved == [Period(start=start, end=end) for start, end in periods]


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest-first", "newest-first"])
def test_a_summary_title_spanning_the_year_headers_counts_them(
    newest_first: bool, tmp_path: Path
) -> None:
    """The title printed as the table's own first header row, spanning the year columns
    ("Five-Year Summary" over "2021 | ... | 2025"), counts them just as a title above."""
    years = sorted(range(2021, 2026), reverse=newest_first)
    text = _summary_release("Financial Highlights", years, html=True).replace(
        "<table>\n<tr><th></th><th>",
        '<table>\n<tr><th></th><th colspan="5">Five-Year Summary</th></tr>\n<tr><th></th><th>',
        1,
    )
    path = tmp_path / "release.htm"
    path.write_text(text, "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    found = {
        (f.concept, periods[f.context]): Decimal(f.value)
        for f in facts.facts
        if f.concept in (_SALES, "Assets")
    }
    assert found == {
        (_SALES, Period(start=D(2020, 7, 1), end=D(2021, 6, 30))): Decimal(1_100_000_000),
        (_SALES, Period(start=D(2021, 7, 1), end=D(2022, 6, 30))): Decimal(1_200_000_000),
        (_SALES, Period(start=D(2022, 7, 1), end=D(2023, 6, 30))): Decimal(1_300_000_000),
        (_SALES, Period(start=D(2023, 7, 1), end=D(2024, 6, 30))): Decimal(1_400_000_000),
        (_SALES, Period(start=D(2024, 7, 1), end=D(2025, 6, 30))): Decimal(1_500_000_000),
        ("Assets", Period(end=D(2021, 6, 30))): Decimal(5_021_000_000),
        ("Assets", Period(end=D(2022, 6, 30))): Decimal(5_022_000_000),
        ("Assets", Period(end=D(2023, 6, 30))): Decimal(5_023_000_000),
        ("Assets", Period(end=D(2024, 6, 30))): Decimal(5_024_000_000),
        ("Assets", Period(end=D(2025, 6, 30))): Decimal(5_025_000_000),
    }


# A calendar-year release with one column printed from its first day to its last, ending
# mid-month: a pre-acquisition stub of a business bought on February 14, 2025. Its dates
# are its own; every other column keeps its calendar months.
_STUB_TEXT = """\
Harrowgate Industries Reports Third Quarter 2025 Results

DENVER, October 30, 2025 - Harrowgate Industries today reported results for the third
quarter ended September 30, 2025.

Condensed Consolidated Statements of Operations
(In thousands of U.S. dollars)
\tThree Months Ended September 30, 2025\tThree Months Ended September 30, 2024\t\
Nine Months Ended September 30, 2025\tNine Months Ended September 30, 2024
Revenue\t5,100\t4,700\t14,900\t13,800
Cost of revenue\t3,000\t2,800\t8,900\t8,300
Net income\t1,500\t1,300\t4,200\t3,900

Condensed Consolidated Balance Sheets
(In thousands of U.S. dollars)
\tSeptember 30, 2025\tDecember 31, 2024
Cash and cash equivalents\t2,400\t2,100
Total assets\t30,500\t28,700

{stub_title}
(In thousands of U.S. dollars)
\t{stub_header}
Revenue\t610
Net income\t45
"""
_STUB_HTML = """\
<html><body>
<h1>Harrowgate Industries Reports Third Quarter 2025 Results</h1>
<p>DENVER, October 30, 2025 - Harrowgate Industries today reported results for the third
quarter ended September 30, 2025.</p>
<h3>Condensed Consolidated Statements of Operations<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th colspan="2">Three Months Ended September 30,</th>
<th colspan="2">Nine Months Ended September 30,</th></tr>
<tr><th></th><th>2025</th><th>2024</th><th>2025</th><th>2024</th></tr>
<tr><td>Revenue</td><td>5,100</td><td>4,700</td><td>14,900</td><td>13,800</td></tr>
<tr><td>Cost of revenue</td><td>3,000</td><td>2,800</td><td>8,900</td><td>8,300</td></tr>
<tr><td>Net income</td><td>1,500</td><td>1,300</td><td>4,200</td><td>3,900</td></tr>
</table>
<h3>Condensed Consolidated Balance Sheets<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>September 30, 2025</th><th>December 31, 2024</th></tr>
<tr><td>Cash and cash equivalents</td><td>2,400</td><td>2,100</td></tr>
<tr><td>Total assets</td><td>30,500</td><td>28,700</td></tr>
</table>
<h3>{stub_title}<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>{stub_header}</th></tr>
<tr><td>Revenue</td><td>610</td></tr>
<tr><td>Net income</td><td>45</td></tr>
</table>
</body></html>
"""
_STUB_SPELLINGS = {
    "from-through": (
        "Acquired Business Results Before the Acquisition",
        "Period from January 1, 2025 through February 13, 2025",
        D(2025, 2, 13),
    ),
    "dash-range": (
        "Acquired Business Results Before the Acquisition",
        "January 1 - February 13, 2025",
        D(2025, 2, 13),
    ),
    # Six whole weeks: still a range of its own, not a week-counted period.
    "whole-weeks": (
        "Acquired Business Results Before the Acquisition",
        "Period from January 1, 2025 through February 11, 2025",
        D(2025, 2, 11),
    ),
    "title-range": (
        "Acquired Business Results for the Period from January 1, 2025 through February 13, 2025",
        "Predecessor",
        D(2025, 2, 13),
    ),
}


def _facts_by_period(path: Path, text: str) -> dict[tuple[str, Period], Decimal]:
    path.write_text(text, "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    return {(f.concept, periods[f.context]): Decimal(f.value) for f in facts.facts}


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
@pytest.mark.parametrize("spelling", list(_STUB_SPELLINGS))
def test_a_stub_printed_from_its_first_day_to_its_last_leaves_the_calendar_months(
    spelling: str, html: bool, tmp_path: Path
) -> None:
    """A column "Period from January 1, 2025 through February 13, 2025" ends mid-month
    because an event fell that day, not because the release counts weeks: the quarter
    stays July 1 to September 30 and the prior nine months start January 1, 2024 (not a
    13-week quarter from July 2, nor a year re-anchored to the last Tuesday of 2023)."""
    title, header, stub_end = _STUB_SPELLINGS[spelling]
    template = _STUB_HTML if html else _STUB_TEXT
    path = tmp_path / ("release.htm" if html else "release.txt")
    found = _facts_by_period(path, template.format(stub_title=title, stub_header=header))
    q3_25 = Period(start=D(2025, 7, 1), end=D(2025, 9, 30))
    q3_24 = Period(start=D(2024, 7, 1), end=D(2024, 9, 30))
    ytd_25 = Period(start=D(2025, 1, 1), end=D(2025, 9, 30))
    ytd_24 = Period(start=D(2024, 1, 1), end=D(2024, 9, 30))
    stub = Period(start=D(2025, 1, 1), end=stub_end)
    assert found == {
        ("Revenues", q3_25): Decimal(5_100_000),
        ("Revenues", q3_24): Decimal(4_700_000),
        ("Revenues", ytd_25): Decimal(14_900_000),
        ("Revenues", ytd_24): Decimal(13_800_000),
        ("CostOfRevenue", q3_25): Decimal(3_000_000),
        ("CostOfRevenue", q3_24): Decimal(2_800_000),
        ("CostOfRevenue", ytd_25): Decimal(8_900_000),
        ("CostOfRevenue", ytd_24): Decimal(8_300_000),
        ("NetIncomeLoss", q3_25): Decimal(1_500_000),
        ("NetIncomeLoss", q3_24): Decimal(1_300_000),
        ("NetIncomeLoss", ytd_25): Decimal(4_200_000),
        ("NetIncomeLoss", ytd_24): Decimal(3_900_000),
        ("CashAndCashEquivalentsAtCarryingValue", Period(end=D(2025, 9, 30))): Decimal(2_400_000),
        ("CashAndCashEquivalentsAtCarryingValue", Period(end=D(2024, 12, 31))): Decimal(2_100_000),
        ("Assets", Period(end=D(2025, 9, 30))): Decimal(30_500_000),
        ("Assets", Period(end=D(2024, 12, 31))): Decimal(28_700_000),
        ("Revenues", stub): Decimal(610_000),
        ("NetIncomeLoss", stub): Decimal(45_000),
    }


# A fresh-start release: the successor's period from emergence (March 16, 2025) to the
# quarter's end, the predecessor's from the year's start to emergence, and the prior
# year's six months; balances at June 30, 2025 and December 31, 2024.
_FRESH_START_HTML = """\
<html><body>
<h1>Corvane Energy Reports Second Quarter 2025 Results</h1>
<p>HOUSTON, August 7, 2025 - Corvane Energy today reported results for the six months
ended June 30, 2025. Upon emergence from chapter 11 on March 15, 2025 the Company adopted
fresh-start accounting.</p>
<h3>Condensed Consolidated Statements of Operations<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>Successor</th><th>Predecessor</th><th>Predecessor</th></tr>
<tr><th></th><th>Period from March 16, 2025 through June 30, 2025</th>
<th>Period from January 1, 2025 through March 15, 2025</th>
<th>Six Months Ended June 30, 2024</th></tr>
<tr><td>Revenue</td><td>410,200</td><td>287,300</td><td>690,442</td></tr>
<tr><td>Net income</td><td>44,800</td><td>29,700</td><td>93,774</td></tr>
</table>
<h3>Condensed Consolidated Balance Sheets<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>Successor</th><th>Predecessor</th></tr>
<tr><th></th><th>June 30, 2025</th><th>December 31, 2024</th></tr>
<tr><td>Total assets</td><td>2,410,000</td><td>2,655,000</td></tr>
<tr><td>Total liabilities</td><td>1,120,000</td><td>1,980,000</td></tr>
</table>
</body></html>
"""


def _as_text(html: str) -> str:
    """The fresh-start release as a tab-separated text release, the same cells."""
    text = re.sub(r"<br>", "\n", html)
    text = re.sub(r"</t[hd]>\s*<t[hd]>", "\t", text)
    text = re.sub(r"</?(?:table|tr|t[hd]|html|body)>", "", text)
    text = re.sub(r"</?(?:h\d|p)>", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_fresh_start_release_keeps_each_columns_printed_dates(html: bool, tmp_path: Path) -> None:
    """The successor and predecessor periods end mid-March because the company emerged
    then: the prior year's "Six Months Ended June 30, 2024" stays January 1 to June 30."""
    source = _FRESH_START_HTML if html else _as_text(_FRESH_START_HTML)
    path = tmp_path / ("release.htm" if html else "release.txt")
    successor = Period(start=D(2025, 3, 16), end=D(2025, 6, 30))
    predecessor = Period(start=D(2025, 1, 1), end=D(2025, 3, 15))
    prior = Period(start=D(2024, 1, 1), end=D(2024, 6, 30))
    assert _facts_by_period(path, source) == {
        ("Revenues", successor): Decimal(410_200_000),
        ("Revenues", predecessor): Decimal(287_300_000),
        ("Revenues", prior): Decimal(690_442_000),
        ("NetIncomeLoss", successor): Decimal(44_800_000),
        ("NetIncomeLoss", predecessor): Decimal(29_700_000),
        ("NetIncomeLoss", prior): Decimal(93_774_000),
        ("Assets", Period(end=D(2025, 6, 30))): Decimal(2_410_000_000),
        ("Assets", Period(end=D(2024, 12, 31))): Decimal(2_655_000_000),
        ("Liabilities", Period(end=D(2025, 6, 30))): Decimal(1_120_000_000),
        ("Liabilities", Period(end=D(2024, 12, 31))): Decimal(1_980_000_000),
    }


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_stub_printed_without_its_length_is_no_evidence_of_weeks(
    html: bool, tmp_path: Path
) -> None:
    """ "Period Ended March 15, 2025" states no length: its mid-month end is the day an
    event fell, not a week-counted period, so the prior year's six months keep January 1."""
    source = _FRESH_START_HTML.replace(
        "Period from January 1, 2025 through March 15, 2025", "Period Ended March 15, 2025"
    )
    source = source if html else _as_text(source)
    path = tmp_path / ("release.htm" if html else "release.txt")
    found = _facts_by_period(path, source)
    predecessor = Period(start=D(2025, 1, 1), end=D(2025, 3, 15))
    prior = Period(start=D(2024, 1, 1), end=D(2024, 6, 30))
    assert found[("Revenues", predecessor)] == Decimal(287_300_000)
    assert found[("Revenues", prior)] == Decimal(690_442_000)
    assert found[("NetIncomeLoss", prior)] == Decimal(93_774_000)
    assert found[("Assets", Period(end=D(2024, 12, 31)))] == Decimal(2_655_000_000)
    starts = {period.start for _, period in found}
    assert D(2023, 12, 27) not in starts


_FRESH_START_BALANCE_SHEET = """\
<h3>Fresh-Start Balance Sheet<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>Predecessor</th><th>Successor</th></tr>
<tr><th></th><th>March 15, 2025</th><th>March 16, 2025</th></tr>
<tr><td>Total assets</td><td>2,600,000</td><td>2,380,000</td></tr>
<tr><td>Total liabilities</td><td>2,010,000</td><td>1,100,000</td></tr>
</table>
</body>"""


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_balance_sheet_at_an_events_date_is_no_evidence_of_weeks(
    html: bool, tmp_path: Path
) -> None:
    """The fresh-start balance sheet at emergence ("March 15, 2025 | March 16, 2025") ends
    off a month end, but the release's other ends are month ends on assorted weekdays
    (Monday June 30, 2025; Tuesday December 31, 2024; Sunday June 30, 2024): no 52/53-week
    calendar, and every column keeps its printed dates."""
    source = _FRESH_START_HTML.replace("</body>", _FRESH_START_BALANCE_SHEET)
    source = source if html else _as_text(source)
    path = tmp_path / ("release.htm" if html else "release.txt")
    successor = Period(start=D(2025, 3, 16), end=D(2025, 6, 30))
    predecessor = Period(start=D(2025, 1, 1), end=D(2025, 3, 15))
    prior = Period(start=D(2024, 1, 1), end=D(2024, 6, 30))
    assert _facts_by_period(path, source) == {
        ("Revenues", successor): Decimal(410_200_000),
        ("Revenues", predecessor): Decimal(287_300_000),
        ("Revenues", prior): Decimal(690_442_000),
        ("NetIncomeLoss", successor): Decimal(44_800_000),
        ("NetIncomeLoss", predecessor): Decimal(29_700_000),
        ("NetIncomeLoss", prior): Decimal(93_774_000),
        ("Assets", Period(end=D(2025, 6, 30))): Decimal(2_410_000_000),
        ("Assets", Period(end=D(2024, 12, 31))): Decimal(2_655_000_000),
        ("Liabilities", Period(end=D(2025, 6, 30))): Decimal(1_120_000_000),
        ("Liabilities", Period(end=D(2024, 12, 31))): Decimal(1_980_000_000),
        ("Assets", Period(end=D(2025, 3, 15))): Decimal(2_600_000_000),
        ("Assets", Period(end=D(2025, 3, 16))): Decimal(2_380_000_000),
        ("Liabilities", Period(end=D(2025, 3, 15))): Decimal(2_010_000_000),
        ("Liabilities", Period(end=D(2025, 3, 16))): Decimal(1_100_000_000),
    }


@pytest.mark.parametrize(
    ("ends", "weeks"),
    [
        # A retailer's third quarter: every end a Saturday.
        ({D(2025, 11, 1), D(2024, 11, 2), D(2025, 2, 1)}, True),
        # A year ending on the last Saturday of September that fell on the 30th.
        ({D(2023, 9, 30), D(2022, 9, 24)}, True),
        # A calendar year with a fresh-start balance sheet at emergence.
        ({D(2025, 6, 30), D(2024, 12, 31), D(2024, 6, 30), D(2025, 3, 15), D(2025, 3, 16)}, False),
        ({D(2025, 6, 30), D(2024, 12, 31), D(2024, 6, 30), D(2025, 3, 15)}, False),
        ({D(2025, 9, 30), D(2024, 12, 31)}, False),
    ],
    ids=["retail-saturdays", "september-30-saturday", "fresh-start", "one-event-date", "months"],
)
def test_period_ends_count_weeks_when_most_share_a_weekday(ends: set[date], weeks: bool) -> None:
    assert counts_weeks(ends) is weeks


# A fresh-start release whose successor column prints only its end ("Period Ended
# December 31, 2025"): its start is the day after the predecessor's stub beside it, or a
# period printed elsewhere from its first day; with neither, no start is guessed.
_SUCCESSOR_HTML = """\
<html><body>
<h1>Corvane Energy Reports Full Year 2025 Results</h1>
<p>HOUSTON, February 26, 2026 - Corvane Energy today reported results.</p>
<h3>Condensed Consolidated Statements of Operations<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>Successor</th><th>Predecessor</th></tr>
<tr><th></th><th>Period Ended December 31, 2025</th><th>{second}</th></tr>
<tr><td>Revenue</td><td>812,400</td><td>655,100</td></tr>
<tr><td>Net income</td><td>61,300</td><td>48,900</td></tr>
</table>
{more}</body></html>
"""

_SUCCESSOR_CASH_FLOWS = """\
<h3>Condensed Consolidated Statements of Cash Flows<br>(In thousands of U.S. dollars)</h3>
<table>
<tr><th></th><th>Period from June 1, 2025 through December 31, 2025</th>
<th>Year Ended December 31, 2024</th></tr>
<tr><td>Net cash provided by operating activities</td><td>140,200</td><td>118,700</td></tr>
</table>
"""


def _successor_release(tmp_path: Path, html: bool, second: str, more: str = "") -> Path:
    source = _SUCCESSOR_HTML.format(second=second, more=more)
    path = tmp_path / ("release.htm" if html else "release.txt")
    path.write_text(source if html else _as_text(source), "utf-8")
    return path


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_successor_printed_without_its_length_starts_after_the_predecessors_stub(
    html: bool, tmp_path: Path
) -> None:
    """ "Period Ended December 31, 2025" beside the predecessor's "Period Ended May 31,
    2025" runs from June 1; the predecessor's own start is printed nowhere (no period of
    the release starts on January 1), so its figures are reported, not dated by a guess."""
    path = _successor_release(tmp_path, html, "Period Ended May 31, 2025")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    found = {(f.concept, periods[f.context]): Decimal(f.value) for f in facts.facts}
    successor = Period(start=D(2025, 6, 1), end=D(2025, 12, 31))
    assert found == {
        ("Revenues", successor): Decimal(812_400_000),
        ("NetIncomeLoss", successor): Decimal(61_300_000),
    }
    reasons = {u.text: u.reason for u in facts.unmapped}
    assert "Period Ended May 31, 2025" in reasons["655,100"]
    assert "no length" in reasons["655,100"]


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_successor_printed_without_its_length_takes_no_year_start(
    html: bool, tmp_path: Path
) -> None:
    """A successor's "Period Ended December 31, 2025" beside the prior year is not the
    year 2025: nothing printed says when it began, so its figures are reported as naming
    no period; the prior year's keep their dates."""
    path = _successor_release(tmp_path, html, "Year Ended December 31, 2024")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    found = {(f.concept, periods[f.context]): Decimal(f.value) for f in facts.facts}
    prior = Period(start=D(2024, 1, 1), end=D(2024, 12, 31))
    assert found == {
        ("Revenues", prior): Decimal(655_100_000),
        ("NetIncomeLoss", prior): Decimal(48_900_000),
    }
    reasons = {u.text: u.reason for u in facts.unmapped}
    assert "Period Ended December 31, 2025" in reasons["812,400"]


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_successor_printed_without_its_length_takes_the_start_printed_elsewhere(
    html: bool, tmp_path: Path
) -> None:
    """The cash flow statement prints the successor's period from its first day ("Period
    from June 1, 2025 through December 31, 2025"): the statement of operations' "Period
    Ended December 31, 2025" is that period."""
    path = _successor_release(tmp_path, html, "Year Ended December 31, 2024", _SUCCESSOR_CASH_FLOWS)
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    found = {(f.concept, periods[f.context]): Decimal(f.value) for f in facts.facts}
    successor = Period(start=D(2025, 6, 1), end=D(2025, 12, 31))
    assert found[("Revenues", successor)] == Decimal(812_400_000)
    assert found[("NetIncomeLoss", successor)] == Decimal(61_300_000)
    assert found[("NetCashProvidedByUsedInOperatingActivities", successor)] == Decimal(140_200_000)
    assert not any(p.start == D(2025, 1, 1) for _, p in found)


# A UK retailer's 52/53-week years, named "FY25 | FY24" in its highlights and dated only in
# its prose or its income statement's header. (weeks of FY25, weeks of FY24, FY24's end)
_WEEK_YEARS = {
    "prior-53-weeks": (52, 53, "2 March 2024"),
    "current-53-weeks": (53, 52, "24 February 2024"),
}
_WEEK_YEAR_TEXT = """\
Northgate Retail Group plc
Preliminary results

Northgate today announces its results for the fiscal year ended 1 March 2025{weeks} ("FY25").
{prior_span}

Financial highlights

£m                                    FY25        FY24
Revenue                            2,184.6     2,106.3
Operating profit                     138.9       119.4
{statement}"""
_WEEK_YEAR_STATEMENT = """
Consolidated income statement

                                   {cur} weeks to   {prior} weeks to
                                 1 March 2025   {prior_end}
                                           £m             £m
Revenue                               2,184.6        2,106.3
Cost of sales                        (1,402.8)      (1,361.0)
Gross profit                            781.8          745.3
"""
_WEEK_YEAR_HTML = """\
<html><body>
<h1>Northgate Retail Group plc</h1>
<p>Northgate today announces its results for the fiscal year ended 1 March 2025{weeks} ("FY25").
{prior_span}</p>
<h3>Financial highlights</h3>
<table>
<tr><th>£m</th><th>FY25</th><th>FY24</th></tr>
<tr><td>Revenue</td><td>2,184.6</td><td>2,106.3</td></tr>
<tr><td>Operating profit</td><td>138.9</td><td>119.4</td></tr>
</table>
{statement}
</body></html>
"""
_WEEK_YEAR_STATEMENT_HTML = """
<h3>Consolidated income statement</h3>
<table>
<tr><th></th><th>{cur} weeks to 1 March 2025</th><th>{prior} weeks to {prior_end}</th></tr>
<tr><th></th><th>£m</th><th>£m</th></tr>
<tr><td>Revenue</td><td>2,184.6</td><td>2,106.3</td></tr>
<tr><td>Cost of sales</td><td>(1,402.8)</td><td>(1,361.0)</td></tr>
<tr><td>Gross profit</td><td>781.8</td><td>745.3</td></tr>
</table>
"""


def _week_year_release(calendar: str, dated_by: str, html: bool) -> str:
    """The release of `calendar` (`_WEEK_YEARS`): the end of its fiscal year stated, the
    weeks of its years by its prose or by its income statement's header."""
    cur, prior, prior_end = _WEEK_YEARS[calendar]
    prose = dated_by == "prose"
    weeks = f", the {cur} weeks to 1 March 2025" if prose else ""
    prior_span = (
        f'Comparatives are for the {prior} weeks to {prior_end} ("FY24").'
        if prose
        else 'Comparatives are for the prior year ("FY24").'
    )
    statement = "" if prose else (_WEEK_YEAR_STATEMENT_HTML if html else _WEEK_YEAR_STATEMENT)
    return (_WEEK_YEAR_HTML if html else _WEEK_YEAR_TEXT).format(
        weeks=weeks,
        prior_span=prior_span,
        statement=statement.format(cur=cur, prior=prior, prior_end=prior_end),
    )


# Revenue of each fiscal year, by the dates its weeks give (hand-counted: 2 March 2024 less
# 53 weeks is 25 February 2023; 1 March 2025 less 53 weeks is 24 February 2024).
_WEEK_YEAR_REVENUE = {
    "prior-53-weeks": {
        Period(start=D(2024, 3, 3), end=D(2025, 3, 1)): Decimal("2184600000"),
        Period(start=D(2023, 2, 26), end=D(2024, 3, 2)): Decimal("2106300000"),
    },
    "current-53-weeks": {
        Period(start=D(2024, 2, 25), end=D(2025, 3, 1)): Decimal("2184600000"),
        Period(start=D(2023, 2, 26), end=D(2024, 2, 24)): Decimal("2106300000"),
    },
}


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
@pytest.mark.parametrize(
    ("calendar", "dated_by"),
    [
        ("prior-53-weeks", "prose"),
        ("prior-53-weeks", "statement"),
        ("current-53-weeks", "prose"),
    ],
)
def test_a_fiscal_label_takes_the_weeks_the_release_dates(
    calendar: str, dated_by: str, html: bool, tmp_path: Path
) -> None:
    """ "FY24" on a 52/53-week calendar is the year the release dates elsewhere ("53 weeks
    to 2 March 2024" in its prose or its income statement's header), not the nearest
    weekday a year earlier: one fiscal year, one period, in every table."""
    path = tmp_path / ("release.htm" if html else "release.txt")
    path.write_text(_week_year_release(calendar, dated_by, html), "utf-8")
    facts = fact_set(path)
    periods = {c.id: c.period for c in facts.contexts}
    revenue = {periods[f.context]: Decimal(f.value) for f in facts.facts if f.concept == "Revenues"}
    assert revenue == _WEEK_YEAR_REVENUE[calendar]


# --- a retailer naming its fiscal year by the calendar year it starts in -----------------
# "Fiscal 2025" is the year ended January 31, 2026. Each release shows it one way: a cash
# flow statement dated "Year Ended January 31, 2026" printing the summary's "FY 2025" net
# income, or a sentence pairing the label with the date. Hand-written expectations.

_RETAIL_FY2025 = Period(start=D(2025, 2, 1), end=D(2026, 1, 31))
_RETAIL_FY2024 = Period(start=D(2024, 2, 1), end=D(2025, 1, 31))
_RETAIL_Q4_2025 = Period(start=D(2025, 11, 1), end=D(2026, 1, 31))
_RETAIL_HEADERS = ("Q4 2025", "Q4 2024", "FY 2025", "FY 2024")
_RETAIL_SUMMARY = (
    ("Net sales", ("$ 2,846.3", "$ 2,611.8", "$ 9,412.7", "$ 8,866.0")),
    ("Operating income", ("379.2", "315.7", "941.3", "814.1")),
    ("Net income", ("$ 281.0", "$ 229.4", "$ 676.5", "$ 577.6")),
)
_RETAIL_YEARS_ENDED = ("Year Ended Jan. 31, 2026", "Year Ended Jan. 31, 2025")
_RETAIL_CASH_FLOWS = (
    ("Net income", ("$ 676.5", "$ 577.6")),
    ("Depreciation and amortization", ("298.3", "281.5")),
    ("Net cash provided by operating activities", ("1,021.4", "905.8")),
)
_RETAIL_EVIDENCE = {
    "dated statement": ("", True),
    "prose: which ended": (
        "Results are for the fourth quarter and fiscal year 2025, which ended January 31, 2026.",
        False,
    ),
    "prose: refers to as": (
        'The Company refers to the fiscal year ended January 31, 2026 as "fiscal 2025".',
        False,
    ),
}


_Rows = tuple[tuple[str, tuple[str, ...]], ...]


def _retail_html(
    sentence: str,
    tables: tuple[tuple[str, tuple[str, ...], _Rows], ...],
) -> str:
    parts = [
        "<html><body><h1>Summit Outfitters Reports Fourth Quarter and Fiscal Year 2025"
        " Results</h1><p>DENVER, March 10, 2026 -- Summit Outfitters, Inc. today announced"
        f" financial results. {sentence}</p>"
    ]
    for title, headers, rows in tables:
        head = "".join(f"<th>{h}</th>" for h in headers)
        body = "".join(
            f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            for label, cells in rows
        )
        parts.append(f"<p>{title}</p><table><tr><th></th>{head}</tr>{body}</table>")
    return "".join(parts) + "</body></html>"


def _retail_text(
    sentence: str,
    tables: tuple[tuple[str, tuple[str, ...], _Rows], ...],
) -> str:
    lines = [
        "Summit Outfitters Reports Fourth Quarter and Fiscal Year 2025 Results",
        "",
        "DENVER, March 10, 2026 -- Summit Outfitters, Inc. today announced financial results."
        f" {sentence}",
        "",
    ]
    for title, headers, rows in tables:
        lines += [title, "", " " * 46 + "".join(f"{h:>26}" for h in headers)]
        lines += [f"{label:<46}" + "".join(f"{c:>26}" for c in cells) for label, cells in rows]
        lines.append("")
    return "\n".join(lines) + "\n"


def _retail_release(
    tmp_path: Path,
    suffix: str,
    sentence: str,
    cash_flows: bool,
    summary: tuple[tuple[str, ...], _Rows] = (_RETAIL_HEADERS, _RETAIL_SUMMARY),
) -> Path:
    tables = [
        (
            "Financial Highlights (in millions, except per share data, percentages and ratios)",
            *summary,
        )
    ]
    if cash_flows:
        tables.append(
            (
                "Consolidated Statements of Cash Flows (in millions)",
                _RETAIL_YEARS_ENDED,
                _RETAIL_CASH_FLOWS,
            )
        )
    render = _retail_html if suffix == ".html" else _retail_text
    path = tmp_path / f"release{suffix}"
    path.write_text(render(sentence, tuple(tables)), "utf-8")
    return path


def _by_label(path: Path) -> tuple[dict[tuple[str, Period], Decimal], set[str]]:
    converted = convert(path, ConvertOptions())
    periods = {c.id: c.period for c in converted.facts.contexts}
    values = {(f.source.label, periods[f.context]): Decimal(f.value) for f in converted.facts.facts}
    return values, {f.code for f in converted.report.findings}


@pytest.mark.parametrize("suffix", [".html", ".txt"])
@pytest.mark.parametrize("evidence", list(_RETAIL_EVIDENCE))
def test_a_fiscal_label_naming_the_year_it_starts_in_dates_its_columns(
    evidence: str, suffix: str, tmp_path: Path
) -> None:
    """ "FY 2025" is the year ended January 31, 2026, as the cash flow statement's net
    income (the only row the two tables share) or a sentence shows: never a year early."""
    sentence, cash_flows = _RETAIL_EVIDENCE[evidence]
    values, codes = _by_label(_retail_release(tmp_path, suffix, sentence, cash_flows))
    assert values[("Net income", _RETAIL_FY2025)] == Decimal("676500000")
    assert values[("Net income", _RETAIL_FY2024)] == Decimal("577600000")
    assert values[("Net sales", _RETAIL_FY2025)] == Decimal("9412700000")
    assert values[("Net sales", _RETAIL_Q4_2025)] == Decimal("2846300000")
    assert ("Net sales", Period(start=D(2024, 11, 1), end=D(2025, 1, 31))) in values
    assert values[("Net sales", Period(start=D(2024, 11, 1), end=D(2025, 1, 31)))] == Decimal(
        "2611800000"
    )
    assert "period.fiscal-label-conflict" not in codes


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_fiscal_label_the_release_does_not_date_is_reported_when_figures_contradict(
    suffix: str, tmp_path: Path
) -> None:
    """No sentence pairs the label with a date and the cash flow statement prints its net
    income more precisely (676.48 for the summary's 676.5): the year the labels name is
    undecided, and reading "FY 2025" as the year ended January 31, 2025 contradicts that
    column's 577.61 while agreeing with the next year's. Reported, not silent."""
    path = _retail_release(tmp_path, suffix, "", cash_flows=False)
    cash_flows = (
        "Consolidated Statements of Cash Flows (in millions)",
        _RETAIL_YEARS_ENDED,
        (("Net income", ("$ 676.48", "$ 577.61")), *_RETAIL_CASH_FLOWS[1:]),
    )
    render = _retail_html if suffix == ".html" else _retail_text
    tables = (
        (
            "Financial Highlights (in millions, except per share data, percentages and ratios)",
            _RETAIL_HEADERS,
            _RETAIL_SUMMARY,
        ),
        cash_flows,
    )
    path.write_text(render("", tables), "utf-8")
    _, codes = _by_label(path)
    assert "period.fiscal-label-conflict" in codes


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_trailing_column_at_the_year_end_prints_dashes_and_a_turnover_ratio(
    suffix: str, tmp_path: Path
) -> None:
    """A fourth quarter's "TTM" column is fiscal 2025: its dashes under rows the "FY 2025"
    column prints are no nil facts contradicting them, and "Inventory turnover 4.6" in a
    table "in millions, except ... ratios" is the pure 4.6, not 4.6 million dollars."""
    headers = (*_RETAIL_HEADERS, "TTM")
    rows = (
        *((label, (*cells, "\u2014")) for label, cells in _RETAIL_SUMMARY),
        ("Inventory turnover", ("", "", "", "", "4.6")),
    )
    sentence = _RETAIL_EVIDENCE["prose: refers to as"][0]
    path = _retail_release(tmp_path, suffix, sentence, cash_flows=False, summary=(headers, rows))
    converted = convert(path, ConvertOptions())
    periods = {c.id: c.period for c in converted.facts.contexts}
    year = [
        (f.source.label, Decimal(f.value))
        for f in converted.facts.facts
        if periods[f.context] == _RETAIL_FY2025
    ]
    assert sorted(year) == [
        ("Inventory turnover", Decimal("4.6")),
        ("Net income", Decimal("676500000")),
        ("Net sales", Decimal("9412700000")),
        ("Operating income", Decimal("941300000")),
    ]
    turnover = next(f for f in converted.facts.facts if f.source.label == "Inventory turnover")
    assert turnover.unit == "pure"
    assert not converted.report.unmapped
    assert "fact.inconsistent-duplicate" not in {f.code for f in converted.report.findings}


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("for the fourth quarter and fiscal year 2025, which ended January 31, 2026.", -1),
        ('refers to the fiscal year ended January 31, 2026 as "fiscal 2025".', -1),
        ("refers to the fiscal year ended January 31, 2026 as \u201cfiscal 2025\u201d.", -1),
        ("for fiscal 2025, which ended December 31, 2025.", 0),
        # A quarter's end says nothing of the label's year.
        ("for the first quarter of fiscal 2026, which ended May 3, 2025.", None),
    ],
)
def test_a_sentence_pairing_a_label_with_its_year_end_sets_the_convention(
    sentence: str, stated: int | None
) -> None:
    evidence = CalendarEvidence()
    evidence.read_text(sentence)
    assert evidence.label_offset() == stated


# --- a bank's fiscal year ending October 31, named "Fiscal 2025", "FY2025" and "Q4/25" -----
# "Fiscal 2025" is the year ended October 31, 2025: the same year "FY2025" names and the
# year whose fourth quarter "Q4/25" ends that day. One release may print both wordings;
# they are read by one convention, never a year apart. Hand-written expectations.

_BANK_FY2025 = Period(start=D(2024, 11, 1), end=D(2025, 10, 31))
_BANK_FY2024 = Period(start=D(2023, 11, 1), end=D(2024, 10, 31))
_BANK_Q4_25 = Period(start=D(2025, 8, 1), end=D(2025, 10, 31))
_BANK_Q4_24 = Period(start=D(2024, 8, 1), end=D(2024, 10, 31))
_BANK_ROWS = (
    ("Total revenue", ("6,512", "6,401", "6,010", "25,390", "23,512")),
    ("Net income", ("1,915", "1,890", "1,720", "7,420", "6,810")),
)


def _bank_release(years: tuple[str, str], second: tuple[str, str] | None) -> str:
    lines = [
        "MAPLE FINANCIAL GROUP REPORTS FOURTH QUARTER AND FISCAL 2025 RESULTS",
        "",
        "TORONTO, December 4, 2025 - Maple Financial Group today reported its results for"
        " the fourth quarter and fiscal year ended October 31, 2025.",
        "",
        "FINANCIAL HIGHLIGHTS",
        "",
        f"{'(C$ millions)':<40}" + "".join(f"{h:>13}" for h in ("Q4/25", "Q3/25", "Q4/24", *years)),
        *(f"{label:<40}" + "".join(f"{c:>13}" for c in cells) for label, cells in _BANK_ROWS),
        "",
    ]
    if second is not None:
        lines += [
            "FULL YEAR RESULTS",
            "",
            f"{'(C$ millions)':<40}" + "".join(f"{h:>13}" for h in second),
            f"{'Provision for credit losses':<40}{'2,380':>13}{'1,955':>13}",
            f"{'Non-interest expenses':<40}{'13,650':>13}{'12,980':>13}",
            "",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("years", "second"),
    [
        (("Fiscal 2025", "Fiscal 2024"), None),
        (("FY2025", "FY2024"), None),
        (("Fiscal 2025", "Fiscal 2024"), ("FY2025", "FY2024")),
        (("FY2025", "FY2024"), ("Fiscal 2025", "Fiscal 2024")),
    ],
)
def test_fiscal_and_fy_labels_of_one_release_name_the_year_their_quarters_end(
    tmp_path: Path, years: tuple[str, str], second: tuple[str, str] | None
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(_bank_release(years, second), "utf-8")
    values, _ = _by_label(path)
    assert values[("Total revenue", _BANK_Q4_25)] == Decimal("6512000000")
    assert values[("Total revenue", _BANK_Q4_24)] == Decimal("6010000000")
    assert values[("Total revenue", _BANK_FY2025)] == Decimal("25390000000")
    assert values[("Total revenue", _BANK_FY2024)] == Decimal("23512000000")
    assert values[("Net income", _BANK_FY2025)] == Decimal("7420000000")
    if second is not None:
        assert values[("Non-interest expenses", _BANK_FY2025)] == Decimal("13650000000")
        assert values[("Non-interest expenses", _BANK_FY2024)] == Decimal("12980000000")
