"""The narrative stage's parts: figures, period phrases, sentences, passages, footnotes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from exporter.document import Document, Heading, Paragraph
from exporter.metadata import DocumentInfo
from exporter.narrative import read_narrative
from exporter.narrative.calendar import ReportCalendar, find_phrases, resolve
from exporter.narrative.figures import figure_reader
from exporter.narrative.model import FigureKind, Role
from exporter.narrative.passages import read_passages
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable
from exporter.taxonomy import load_taxonomy

Q4 = Period(start=date(2024, 10, 1), end=date(2024, 12, 31))
Q3 = Period(start=date(2024, 7, 1), end=date(2024, 9, 30))
Q3_2023 = Period(start=date(2023, 7, 1), end=date(2023, 9, 30))
REPORT = ReportCalendar(current=Q4, year_end=(12, 31), fiscal_year=2024)


@pytest.mark.parametrize(
    ("text", "value", "decimals", "kind", "currency"),
    [
        ("RMB89,885 million", "89885000000", -6, FigureKind.MONEY, "CNY"),
        ("RMB4,482.3 million", "4482300000", -5, FigureKind.MONEY, "CNY"),
        ("US$614.1 million", "614100000", -5, FigureKind.MONEY, "USD"),
        ("RMB 223.2 million", "223200000", -5, FigureKind.MONEY, "CNY"),
        ("RMB1.75 billion", "1750000000", -7, FigureKind.MONEY, "CNY"),
        ("US$0.70 per ADS", "0.70", 2, FigureKind.PER_ADS, "USD"),
        ("US$0.35 per Class A ordinary share", "0.35", 2, FigureKind.PER_SHARE, "USD"),
        ("2.09%", "0.0209", 4, FigureKind.PERCENT, None),
        ("49%", "0.49", 2, FigureKind.PERCENT, None),
        ("24,814,923", "24814923", 0, FigureKind.COUNT, None),
        ("261.2 million", "261200000", -5, FigureKind.COUNT, None),
        ("€1,234.5 million", "1234500000", -5, FigureKind.MONEY, "EUR"),
        ("5 million euros", "5000000", -6, FigureKind.MONEY, "EUR"),
        ("$.16", "0.16", 2, FigureKind.MONEY, "USD"),
    ],
    ids=lambda v: str(v),
)
def test_figure_value_and_decimals_follow_the_print(
    text: str, value: str, decimals: int, kind: FigureKind, currency: str | None
) -> None:
    (figure,) = figure_reader(load_taxonomy()).figures(f"was {text}.")
    assert (figure.value, figure.decimals, figure.kind, figure.currency) == (
        Decimal(value),
        decimals,
        kind,
        currency,
    )


@pytest.mark.parametrize(
    ("text", "value", "decimals", "kind"),
    [
        ("\u25b312.3%", "-0.123", 3, FigureKind.PERCENT),
        ("\u25b2 4.5%", "-0.045", 3, FigureKind.PERCENT),
        ("\u25b3\u00a50.8 billion", "-800000000", -8, FigureKind.MONEY),
        ("\u25b21,204 million yen", "-1204000000", -6, FigureKind.MONEY),
    ],
    ids=lambda v: str(v),
)
def test_a_triangle_before_a_figure_in_the_text_is_a_minus(
    text: str, value: str, decimals: int, kind: FigureKind
) -> None:
    """Japanese releases print a change or an amount in their prose as "\u25b312.3%" (a
    decrease of 12.3%), the same triangle their tables print negatives with."""
    (figure,) = figure_reader(load_taxonomy()).figures(f"Operating profit was {text} for the half.")
    assert (figure.value, figure.decimals, figure.kind) == (Decimal(value), decimals, kind)


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [("10.00 months", "10.00", 2), ("a 12-month period", "12", 0)],
)
def test_months_are_a_unit_of_their_own(text: str, value: str, decimals: int) -> None:
    (figure,) = figure_reader(load_taxonomy()).figures(text)
    assert (figure.kind, figure.unit, figure.value, figure.decimals) == (
        FigureKind.UNIT,
        "month",
        Decimal(value),
        decimals,
    )


@pytest.mark.parametrize(
    "text",
    [
        "in 2024",
        "at 4:30 p.m.",
        "on the 17th Floor",
        "Shops 1712-1716",
        "30-day",
        "Day-1",
        "90 day+",
    ],
)
def test_years_times_ordinals_ranges_and_names_are_not_figures(text: str) -> None:
    figures = figure_reader(load_taxonomy()).figures(text)
    assert [f for f in figures if not f.bare] == []
    assert all(f.text not in ("2024", "4", "30", "17", "1712", "1", "90") for f in figures)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("As of December 31, 2024", Period(end=date(2024, 12, 31))),
        ("in the fourth quarter of 2024", Q4),
        ("in the fourth quarter", Q4),
        ("in full year 2024", Period(start=date(2024, 1, 1), end=date(2024, 12, 31))),
        (
            "compared with 11.21 months in 2023",
            Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
        ),
        ("for the first quarter of 2025", Period(start=date(2025, 1, 1), end=date(2025, 3, 31))),
        ("for the Second Half of 2024", Period(start=date(2024, 7, 1), end=date(2024, 12, 31))),
        ("the quarter ended September 30, 2024", Q3),
        ("year-end", Period(end=date(2024, 12, 31))),
        ("Q3 FY24", Q3),
        # An ordinal quarter with its fiscal year printed short: that year's quarter.
        ("Third Quarter FY24", Q3),
        ("third quarter FY 2024", Q3),
        ("Initiates Second Quarter FY24", Period(start=date(2024, 4, 1), end=date(2024, 6, 30))),
        # A comparative quarter with its year joined by a mark (the report's year is 2024).
        ("Q3/23", Q3_2023),
        ("Q3-23", Q3_2023),
        ("Q3 '23", Q3_2023),
        ("Q3\u201923", Q3_2023),
        ("Q3/2023", Q3_2023),
        ("compared with $2.60 in Q3/23", Q3_2023),
    ],
    ids=lambda v: str(v),
)
def test_absolute_period_phrases(text: str, period: Period) -> None:
    (phrase,) = find_phrases(text, REPORT)
    assert resolve(phrase, None, REPORT) == period


@pytest.mark.parametrize(
    ("text", "anchor", "period"),
    [
        ("in the same period of 2023", Q4, Period(start=date(2023, 10, 1), end=date(2023, 12, 31))),
        ("in the prior quarter", Q4, Q3),
        ("a year ago", Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31))),
        ("in the prior quarter", Period(end=date(2024, 12, 31)), Period(end=date(2024, 9, 30))),
        ("in the prior year quarter", Q3, Period(start=date(2023, 7, 1), end=date(2023, 9, 30))),
    ],
    ids=lambda v: str(v),
)
def test_relative_period_phrases_count_from_the_value_compared(
    text: str, anchor: Period, period: Period
) -> None:
    (phrase,) = find_phrases(text, REPORT)
    assert resolve(phrase, anchor, REPORT) == period


def test_passages_join_a_paragraph_split_mid_sentence_and_keep_both_lines() -> None:
    document = Document(
        source="t.txt",
        format="text",
        blocks=(
            Heading(text="Fourth Quarter 2024 Financial Results", line=1),
            Paragraph(
                text="Net income was RMB1,912.7 million, compared to RMB1,798.8 million in the",
                line=3,
            ),
            Paragraph(text="prior quarter.", line=5),
        ),
    )
    (passage,) = read_passages(document)
    assert passage.text.endswith("in the prior quarter.")
    assert passage.line_at(0) == 3 and passage.line_at(len(passage.text) - 3) == 5


def test_footnote_marks_are_taken_out_and_footnotes_recognised() -> None:
    document = Document(
        source="t.txt",
        format="text",
        blocks=(
            Paragraph(
                text="- 90 day+ delinquency rate^{*7} was 2.09% as of December 31, 2024.", line=1
            ),
            Paragraph(
                text='7 "90 day+ delinquency rate" refers to loans 91 to 180 days past due.', line=3
            ),
        ),
    )
    bullet, footnote = read_passages(document)
    assert "^" not in bullet.text and [m.label for m in bullet.marks] == ["7"]
    assert footnote.footnote == "7" and footnote.text.startswith('"90 day+')


def _table() -> StatementTable:
    column = Column(
        position=1, header="Three months ended December 31, 2024", period=Q4, currency="CNY"
    )
    block = ColumnBlock(columns=(column,), rows=(), line=1)
    return StatementTable(
        index=1,
        title="t",
        caption="",
        kind="income_statement",
        scale=Scale(),
        blocks=(block,),
        line=1,
    )


def _narrative(*paragraphs: str, heading: str = "Fourth Quarter 2024 Highlights"):
    blocks = [Heading(text=heading, line=1)]
    blocks += [Paragraph(text=p, line=i + 2) for i, p in enumerate(paragraphs)]
    document = Document(source="t.txt", format="text", blocks=tuple(blocks))
    return read_narrative(document, (_table(),), DocumentInfo(currency="CNY"), load_taxonomy())


def test_comparatives_in_one_sentence_take_periods_from_the_report_period() -> None:
    narrative = _narrative(
        "Total facilitation and origination loan volume reached RMB89,885 million, an increase "
        "of 0.4% from RMB89,561 million in the same period of 2023 and an increase of 9.0% from "
        "RMB82,436 million in the prior quarter."
    )
    facts = {(f.role, f.period, f.value) for f in narrative.facts}
    assert (Role.VALUE, Q4, Decimal("89885000000")) in facts
    assert (
        Role.COMPARATIVE,
        Period(start=date(2023, 10, 1), end=date(2023, 12, 31)),
        Decimal("89561000000"),
    ) in facts
    assert (Role.COMPARATIVE, Q3, Decimal("82436000000")) in facts
    changes = {f.concept: f.value for f in narrative.facts if f.role is Role.CHANGE}
    assert changes == {
        "LoanFacilitationAndOriginationVolumePercentChangeFromPriorYear": Decimal("0.004"),
        "LoanFacilitationAndOriginationVolumePercentChangeFromPriorQuarter": Decimal("0.090"),
    }


def test_outlook_range_is_a_low_and_a_high_fact_for_the_next_quarter() -> None:
    narrative = _narrative(
        "For the first quarter of 2025, the Company expects to generate a net income between "
        "RMB1.75 billion and RMB1.85 billion.",
        heading="Business Outlook",
    )
    first = Period(start=date(2025, 1, 1), end=date(2025, 3, 31))
    assert [(f.concept, f.period, f.value, f.decimals) for f in narrative.facts] == [
        ("ProfitLossOutlookLow", first, Decimal("1750000000"), -7),
        ("ProfitLossOutlookHigh", first, Decimal("1850000000"), -7),
    ]


YEAR_2025 = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "decimals"),
    [
        (
            "The Company raises full-year 2025 revenue guidance to $1.20 billion to "
            "$1.25 billion, from $1.15 billion to $1.20 billion previously.",
            ("RevenuesOutlookLow", "1200000000"),
            ("RevenuesOutlookHigh", "1250000000"),
            -7,
        ),
        (
            "The Company raises its full-year 2025 revenue guidance to a range of $1.20 "
            "billion to $1.25 billion.",
            ("RevenuesOutlookLow", "1200000000"),
            ("RevenuesOutlookHigh", "1250000000"),
            -7,
        ),
        (
            "The Company raises its revenue outlook for full-year 2025 to $1.20 billion to "
            "$1.25 billion.",
            ("RevenuesOutlookLow", "1200000000"),
            ("RevenuesOutlookHigh", "1250000000"),
            -7,
        ),
        (
            "Full-year 2025 revenue guidance is raised to $1.20 billion to $1.25 billion.",
            ("RevenuesOutlookLow", "1200000000"),
            ("RevenuesOutlookHigh", "1250000000"),
            -7,
        ),
        (
            "The Company lowers its full-year 2025 revenue guidance to $1.10 billion to "
            "$1.15 billion.",
            ("RevenuesOutlookLow", "1100000000"),
            ("RevenuesOutlookHigh", "1150000000"),
            -7,
        ),
        (
            "The Company raises full-year 2025 adjusted EBITDA guidance to $310 million to "
            "$320 million.",
            ("AdjustedEbitdaOutlookLow", "310000000"),
            ("AdjustedEbitdaOutlookHigh", "320000000"),
            -6,
        ),
        (
            "The Company raises full-year 2025 diluted earnings per share guidance to $1.10 "
            "to $1.15.",
            ("EarningsPerShareDilutedOutlookLow", "1.10"),
            ("EarningsPerShareDilutedOutlookHigh", "1.15"),
            2,
        ),
    ],
    ids=lambda v: str(v)[:40],
)
def test_a_metric_s_guidance_raised_or_lowered_to_a_range_is_its_outlook(
    sentence: str, low: tuple[str, str], high: tuple[str, str], decimals: int
) -> None:
    narrative = _narrative(sentence, heading="Business Outlook")
    assert [(f.concept, f.period, f.value, f.decimals) for f in narrative.facts] == [
        (low[0], YEAR_2025, Decimal(low[1]), decimals),
        (high[0], YEAR_2025, Decimal(high[1]), decimals),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Company raised its full-year 2025 revenue guidance by $50 million to $1.25 billion.",
        "The Company expects full-year 2025 revenue to increase by $50 million to $1.25 billion.",
    ],
)
def test_guidance_raised_by_an_amount_is_no_level_and_the_level_after_is_the_year_s(
    sentence: str,
) -> None:
    narrative = _narrative(sentence, heading="Business Outlook")
    assert [(f.concept, f.period, f.value) for f in narrative.facts] == [
        ("RevenuesOutlook", YEAR_2025, Decimal("1250000000"))
    ]
    assert any("change stated as an amount" in u.reason for u in narrative.unplaced)


def test_a_figure_no_phrase_names_is_listed_with_its_reason() -> None:
    narrative = _narrative("Gizmo throughput was RMB12.5 million in the fourth quarter of 2024.")
    assert narrative.facts == ()
    (unplaced,) = narrative.unplaced
    assert unplaced.printed == "RMB12.5 million" and "no phrase" in unplaced.reason


def test_footnote_definition_is_kept_with_the_concept_it_defines() -> None:
    narrative = _narrative(
        "- Repeat borrower contribution^{*8} for the fourth quarter of 2024 was 93.9%.",
        '8 "Repeat borrower contribution" refers to the share of repeat borrowers.',
    )
    (fact,) = narrative.facts
    (footnote,) = narrative.footnotes
    assert footnote.concepts == ("RepeatBorrowerContribution",)
    assert fact.footnotes == (footnote.id,)


def test_the_ads_ratio_the_release_states_is_read() -> None:
    narrative = _narrative("Each ADS represents two Class A ordinary shares of the Company.")
    assert narrative.ads_ratio is not None
    assert (narrative.ads_ratio.shares_per_ads, narrative.ads_ratio.stated) == (Decimal(2), True)


def test_a_dividend_per_share_and_per_ads_shows_the_ratio() -> None:
    narrative = _narrative(
        "The board approved a dividend of US$0.35 per Class A ordinary share, or US$0.70 per ADS.",
        heading="Semi-Annual Dividend for the Second Half of 2024",
    )
    second_half = Period(start=date(2024, 7, 1), end=date(2024, 12, 31))
    assert [(f.concept, f.period, f.currency) for f in narrative.facts] == [
        ("CommonStockDividendsPerShareDeclared", second_half, "USD"),
        ("DividendsPerAdsDeclared", second_half, "USD"),
    ]
    assert narrative.ads_ratio is not None and not narrative.ads_ratio.stated
    assert narrative.ads_ratio.shares_per_ads == 2


# --- comparisons worded without a comparative figure -----------------------------------

Q4_2023 = Period(start=date(2023, 10, 1), end=date(2023, 12, 31))
YEAR_2024 = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


@pytest.mark.parametrize(
    "sentence",
    [
        "Total revenue was RMB410 million, up 5.6% from the previous year.",
        "Total revenue was RMB410 million, up 5.6% compared to the same period last year.",
        "Total revenue was RMB410 million, up 5.6% versus the prior year.",
    ],
)
def test_a_change_from_a_period_named_right_after_the_comparing_word(sentence: str) -> None:
    facts = {(f.role, f.concept, f.value) for f in _narrative(sentence).facts}
    assert facts == {
        (Role.VALUE, "Revenues", Decimal("410000000")),
        (Role.CHANGE, "RevenuesPercentChangeFromPriorYear", Decimal("0.056")),
    }


def test_a_figure_after_a_spent_comparison_is_not_its_comparative() -> None:
    narrative = _narrative(
        "Total revenue was RMB410 million, up 5.6% from the previous year, with a gross "
        "profit margin of 70.9%."
    )
    assert (Role.VALUE, "GrossProfitMargin", Q4, Decimal("0.709")) in {
        (f.role, f.concept, f.period, f.value) for f in narrative.facts
    }
    assert not [f for f in narrative.facts if f.role is Role.COMPARATIVE]


def test_a_figure_compared_from_a_period_with_its_own_amount_stays_a_comparative() -> None:
    narrative = _narrative(
        "Total revenue was RMB410 million, up from the prior year's RMB388 million."
    )
    assert (Role.COMPARATIVE, Q4_2023, Decimal("388000000")) in {
        (f.role, f.period, f.value) for f in narrative.facts
    }


def test_the_period_a_sentence_opens_with_dates_its_figures() -> None:
    narrative = _narrative(
        "In 2024 we returned US$1.2 billion to shareholders, and the company repurchased "
        "US$800 million of its common stock."
    )
    assert [(f.concept, f.period, f.value) for f in narrative.facts] == [
        ("StockRepurchasedDuringPeriodValue", YEAR_2024, Decimal("800000000"))
    ]


@pytest.mark.parametrize("opening", ["On a year-to-date basis", "Year-to-date", "So far this year"])
def test_year_to_date_is_the_fiscal_year_to_the_report_s_end(opening: str) -> None:
    narrative = _narrative(f"{opening}, the company repurchased $158 million of its common stock.")
    assert [(f.concept, f.period, f.value) for f in narrative.facts] == [
        ("StockRepurchasedDuringPeriodValue", YEAR_2024, Decimal("158000000"))
    ]


def test_the_full_year_without_its_number_is_the_report_s_fiscal_year() -> None:
    narrative = _narrative(
        "For the full year, the company repurchased $1.0 billion of its common stock."
    )
    assert [(f.period, f.value) for f in narrative.facts] == [(YEAR_2024, Decimal("1.0E+9"))]


# --- a 52/53-week year: prose periods are the tables' periods ---------------------------

Q4_FY23 = Period(start=date(2022, 10, 30), end=date(2023, 1, 28))
Q4_FY22 = Period(start=date(2021, 10, 31), end=date(2022, 1, 29))
FY23 = Period(start=date(2022, 1, 30), end=date(2023, 1, 28))


def _weeks_table(*columns: tuple[Period, bool]) -> StatementTable:
    block = ColumnBlock(
        columns=tuple(
            Column(position=i + 1, header="h", period=p, currency="USD", trailing=trailing)
            for i, (p, trailing) in enumerate(columns)
        ),
        rows=(),
        line=1,
    )
    return StatementTable(
        index=1,
        title="t",
        caption="",
        kind="income_statement",
        scale=Scale(),
        blocks=(block,),
        line=1,
    )


def _weeks_narrative(table: StatementTable, heading: str, *paragraphs: str):
    blocks = [Heading(text=heading, line=1)]
    blocks += [Paragraph(text=p, line=i + 2) for i, p in enumerate(paragraphs)]
    document = Document(source="t.txt", format="text", blocks=tuple(blocks))
    return read_narrative(document, (table,), DocumentInfo(currency="USD"), load_taxonomy())


def test_a_quarter_named_by_months_is_the_tables_quarter_of_a_52_53_week_year() -> None:
    table = _weeks_table((Q4_FY23, False), (Q4_FY22, False), (FY23, False))
    narrative = _weeks_narrative(
        table,
        "Fourth Quarter Fiscal 2023 Results",
        "In Q4 FY23, share repurchases were $549 million, an increase of 83% from $300 million "
        "in the prior year quarter.",
    )
    facts = {(f.role, f.concept, f.period, f.value) for f in narrative.facts}
    assert facts == {
        (Role.VALUE, "PaymentsForRepurchaseOfCommonStock", Q4_FY23, Decimal("549000000")),
        (Role.COMPARATIVE, "PaymentsForRepurchaseOfCommonStock", Q4_FY22, Decimal("300000000")),
        (
            Role.CHANGE,
            "PaymentsForRepurchaseOfCommonStockPercentChangeFromPriorYear",
            Q4_FY23,
            Decimal("0.83"),
        ),
    }


def test_a_trailing_twelve_months_column_does_not_end_the_fiscal_year() -> None:
    q2 = Period(start=date(2023, 4, 30), end=date(2023, 7, 29))
    trailing = Period(start=date(2022, 7, 31), end=date(2023, 7, 29))
    table = _weeks_table((q2, False), (trailing, True))
    narrative = _weeks_narrative(
        table,
        "Second Quarter Fiscal 2024 Results",
        "In Q2 FY24, share repurchases were $79 million.",
    )
    assert [(f.period, f.value) for f in narrative.facts] == [(q2, Decimal("79000000"))]


def test_a_figure_stated_as_past_for_a_year_not_yet_ended_is_no_fact() -> None:
    narrative = _narrative(
        "For the three months ended December 31, 2024, the gross profit margin for 2025 was "
        "83% versus 91% in 2024."
    )
    assert [f for f in narrative.facts if f.role is Role.VALUE] == []
    assert any("stated as past" in u.reason for u in narrative.unplaced)


def test_a_forecast_in_words_of_outlook_stays_an_outlook() -> None:
    narrative = _narrative("For 2025, the Company expects a gross profit margin of 83%.")
    assert [(f.concept, f.value) for f in narrative.facts] == [
        ("GrossProfitMarginOutlook", Decimal("0.83"))
    ]


def test_a_quarter_whose_ordinal_a_print_lost_is_not_the_year() -> None:
    report = ReportCalendar(current=Q4, year_end=(12, 31), fiscal_year=2024)
    phrases = find_phrases("in the rst quarter of 2023", report)
    assert [p.text for p in phrases] == []


_MARCH_REPORT = ReportCalendar(
    current=Period(start=date(2025, 4, 1), end=date(2025, 9, 30)),
    year_end=(3, 31),
    fiscal_year=2026,
)


@pytest.mark.parametrize("offset", [0, -1])
@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("(H1 2024/25: GBP 96.1m)", Period(start=date(2024, 4, 1), end=date(2024, 9, 30))),
        ("in the first half of 2025/26", Period(start=date(2025, 4, 1), end=date(2025, 9, 30))),
        ("for Q1 2025/26", Period(start=date(2025, 4, 1), end=date(2025, 6, 30))),
        ("in FY 2025/26", Period(start=date(2025, 4, 1), end=date(2026, 3, 31))),
        ("(2024/25: 321.0m)", Period(start=date(2024, 4, 1), end=date(2025, 3, 31))),
        ("for full year 2024-25", Period(start=date(2024, 4, 1), end=date(2025, 3, 31))),
    ],
    ids=lambda v: str(v),
)
def test_a_fiscal_year_printed_over_two_years_in_prose_ends_in_the_later(
    text: str, period: Period, offset: int
) -> None:
    """However the release labels its own years, "2024/25" is the year to March 2025."""
    report = _MARCH_REPORT.model_copy(update={"label_offset": offset})
    (phrase,) = find_phrases(text, report)
    assert resolve(phrase, None, report) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("the first nine months (1.1.\u201330.9.2025)", date(2025, 1, 1)),
        ("(1.7.\u201330.9.2025), revenue amounted to", date(2025, 7, 1)),
        ("(01.01.-30.09.2025: TEUR 77.940,1)", date(2025, 1, 1)),
        ("in the period 1 January to 30 September 2025", date(2025, 1, 1)),
        ("from April 1 to September 30, 2025", date(2025, 4, 1)),
    ],
    ids=lambda v: str(v),
)
def test_a_range_of_days_in_prose_is_that_duration(text: str, period: date) -> None:
    phrases = [p for p in find_phrases(text, REPORT) if p.period and p.period.start == period]
    assert [p.period for p in phrases] == [Period(start=period, end=date(2025, 9, 30))]


# -- figures printed with the decimal comma and space-grouped thousands ----------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals", "kind"),
    [
        ("SEK 2,31", "2.31", 2, FigureKind.MONEY),
        ("13,6%", "0.136", 3, FigureKind.PERCENT),
        ("SEK 4 512 million", "4512000000", -6, FigureKind.MONEY),
        ("SEK 4\u00a0512,5 million", "4512500000", -5, FigureKind.MONEY),
        ("24 814 923", "24814923", 0, FigureKind.COUNT),
        ("261,2 million", "261200000", -5, FigureKind.COUNT),
        # One comma before three digits: three decimals where the comma parts them.
        ("EUR 1,234 million", "1234000", -3, FigureKind.MONEY),
    ],
    ids=lambda v: str(v),
)
def test_a_figure_with_the_decimal_comma_reads_as_the_release_prints(
    text: str, value: str, decimals: int, kind: FigureKind
) -> None:
    (figure,) = figure_reader(load_taxonomy()).figures(f"was {text}.", decimal_comma=True)
    assert (figure.value, figure.decimals, figure.kind) == (Decimal(value), decimals, kind)


@pytest.mark.parametrize("text", ["SEK 2,31", "SEK 6,57 per share", "13,6%"])
def test_a_decimal_comma_read_with_the_point_is_never_cut_to_its_whole_part(text: str) -> None:
    figures = figure_reader(load_taxonomy()).figures(f"was {text}.")
    assert [f.value for f in figures if f.value in (2, 6, 13, Decimal("0.13"))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Earnings per share were SEK 2,31 and the margin 13,6%.", True),
        ("Net sales were SEK 4 512 million.", True),
        ("Earnings per share were SEK 2.31 and the margin 13.6%.", False),
        ("Net sales were SEK 4,512 million.", None),
    ],
)
def test_the_prose_s_own_figures_tell_its_decimal_convention(
    text: str, expected: bool | None
) -> None:
    assert figure_reader(load_taxonomy()).decimal_comma_evidence([text]) is expected


Q4_2023 = Period(start=date(2023, 10, 1), end=date(2023, 12, 31))


def test_prose_with_the_decimal_comma_and_spaced_thousands_gives_values_and_comparatives() -> None:
    narrative = _narrative(
        "Net sales increased 8% to SEK 4 512 million (4 178).",
        "Operating profit (EBIT) amounted to SEK 612 million (540), corresponding to an "
        "operating margin of 13,6% (12,9).",
        "Earnings per share SEK 2,31 (1,98).",
    )
    facts = {(f.concept, f.period, f.value) for f in narrative.facts}
    assert ("Revenues", Q4, Decimal("4512000000")) in facts
    assert ("Revenues", Q4_2023, Decimal("4178000000")) in facts
    assert ("OperatingMargin", Q4, Decimal("0.136")) in facts
    assert ("OperatingMargin", Q4_2023, Decimal("0.129")) in facts
    eps = {(p, v) for c, p, v in facts if c.startswith("EarningsPerShare")}
    assert eps == {(Q4, Decimal("2.31")), (Q4_2023, Decimal("1.98"))}


@pytest.mark.parametrize(
    ("sentence", "comparative"),
    [
        ("Net debt amounted to SEK 2,940 million (3,315 at 30 September 2024).", "3315000000"),
        ("Net debt amounted to SEK 2 940 million (3 315 at 30 September 2024).", "3315000000"),
        ("Net debt amounted to SEK 2,940 million (3,315 as of 30 September 2024).", "3315000000"),
        ("Net debt amounted to EUR 294.0 million (331.5 on September 30, 2024).", "331500000"),
    ],
)
def test_a_bracketed_comparative_with_its_date_inside_is_at_that_date(
    sentence: str, comparative: str
) -> None:
    narrative = _narrative(sentence)
    facts = {(f.concept, f.role, f.period, f.value) for f in narrative.facts}
    september = Period(start=None, end=date(2024, 9, 30))
    assert ("NetDebt", Role.COMPARATIVE, september, Decimal(comparative)) in facts


@pytest.mark.parametrize("wording", ["Equity per share", "Book value per share"])
def test_equity_per_share_is_named_at_its_date(wording: str) -> None:
    narrative = _narrative(f"{wording} was SEK 48,20 at 31 December 2024.")
    facts = {(f.concept, f.period, f.value) for f in narrative.facts}
    assert facts == {
        ("BookValuePerShare", Period(start=None, end=date(2024, 12, 31)), Decimal("48.20"))
    }
