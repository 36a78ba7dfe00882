"""Releases that announce results in sentences and bullets only convert from their prose.

The expected facts are the amounts the releases' bullets and opening paragraphs state,
read by hand from the files (tests/fixtures/unlabeled/): period from the title or the
sentence, currency as printed, values scaled by the printed word.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from outputs import xml_facts

from exporter.errors import ExtractionError
from exporter.options import ConvertOptions
from exporter.pipeline import Conversion, convert

UNLABELED = Path(__file__).parent / "fixtures" / "unlabeled"
Q1_2026 = "2026-01-01/2026-03-31"


def _facts(name: str) -> set[tuple[str, str, str, Decimal]]:
    conversion = convert(UNLABELED / name, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    return {(c.split("#")[1], p, u, v) for c, p, u, v, *_ in xml_facts(instance)}


def test_bullets_in_renminbi() -> None:
    """Haier: "Revenue of RMB 73.69 billion", "Net profit attributable to shareholders of the
    parent company of RMB 4.65 billion", "Basic EPS of RMB 0.50" for Q1 2026."""
    facts = _facts("haier-2026q1.txt")
    assert ("Revenues", Q1_2026, "iso4217:CNY", Decimal("73690000000")) in facts
    assert ("NetIncomeLoss", Q1_2026, "iso4217:CNY", Decimal("4650000000")) in facts
    assert ("EarningsPerShareBasic", Q1_2026, "iso4217:CNY/xbrli:shares", Decimal("0.50")) in facts


def test_sentences_in_euros() -> None:
    """Intershop: revenues of EUR 7.9 million in the first quarter of 2026; EBITDA EUR 0.9
    million, up from EUR 0.8 million in the same period of the previous year."""
    facts = _facts("intershop-2026q1.txt")
    assert ("Revenues", Q1_2026, "iso4217:EUR", Decimal("7900000")) in facts
    assert ("Ebitda", Q1_2026, "iso4217:EUR", Decimal("900000")) in facts
    assert ("Ebitda", "2025-01-01/2025-03-31", "iso4217:EUR", Decimal("800000")) in facts


def test_a_total_is_named_across_where_it_comes_from(tmp_path: Path) -> None:
    """ "Total revenue and income from principal activities amounted to EUR 410 million" is
    revenue; "revenues from licenses and maintenance fell to EUR 1.0 million" is a part of
    it, not revenue."""
    path = tmp_path / "example-2024h1.txt"
    path.write_text(
        "# Example AG Releases 2024 Interim Results\n\n"
        "In the first half of 2024, total revenue and income from principal activities"
        " amounted to EUR 410 million. Revenues from licenses and maintenance fell to"
        " EUR 1.0 million.\n",
        encoding="utf-8",
    )
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    revenues = {v for c, _, _, v, *_ in xml_facts(instance) if c.endswith("#Revenues")}
    assert revenues == {Decimal("410000000")}


def test_a_release_with_neither_tables_nor_figures_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Example Corp. Announces a New Chief Executive\n\nNo figures here.\n")
    with pytest.raises(ExtractionError, match="nothing to convert"):
        convert(path)


def test_statements_the_readers_cannot_see_make_the_release_incomplete(tmp_path: Path) -> None:
    """A statement the readers cannot see (here printed as an image under its title) must
    not pass for a prose-only release: the status says incomplete and names it."""
    text = (
        "# Example Corp. Reports Third Quarter 2024 Results\n\n"
        "Example Corp. (NASDAQ: EXMP) today reported revenue of $5.0 million for the third "
        "quarter of 2024.\n\n"
        "Condensed Consolidated Balance Sheets\n\n"
        "![balance sheet](https://example.com/balance-sheet.png)\n"
    )
    path = tmp_path / "image.txt"
    path.write_text(text, encoding="utf-8")
    report = convert(path, ConvertOptions(formats=("xml",))).report
    assert report.status == "incomplete"
    assert [u.split(":")[0] for u in report.unread_statements] == ["line 5"]


_OPENING = (
    "# Example Corp. Reports Third Quarter 2024 Results\n\n"
    "Example Corp. (NASDAQ: EXMP) today reported revenue of $5.0 million for the third "
    "quarter of 2024.\n\n"
)


def test_a_paragraph_stating_a_dozen_balances_is_prose_not_an_unread_statement(
    tmp_path: Path,
) -> None:
    """A paragraph of sentences about the financial position, with a dozen numbers and a
    balance sheet's words, is prose the prose reader reads, not a statement no reader
    could see."""
    paragraph = (
        "As of September 30, 2024, total assets were $3,902.7 million, an increase of $85.1"
        " million from $3,817.6 million at December 31, 2023. Total stockholders' equity was"
        " $1,988.0 million, and total liabilities were $1,914.7 million (49.6% of total"
        " assets at December 31, 2023). Cash and cash equivalents were $611.3 million,"
        " compared with $640.9 million at the end of the previous year.\n"
    )
    path = tmp_path / "position.txt"
    path.write_text(_OPENING + paragraph, encoding="utf-8")
    report = convert(path, ConvertOptions(formats=("xml",))).report
    assert report.unread_statements == ()
    assert report.status != "incomplete"


def test_a_statement_flattened_into_a_block_of_text_is_named_unread(tmp_path: Path) -> None:
    """The same dozen numbers as a statement's rows run together (a label, then its
    columns): no reader sees a table there, and the status says so."""
    block = (
        "Condensed balance sheet data: Cash and cash equivalents 611.3 640.9 Total current"
        " assets 1,204.5 1,190.2 Total assets 3,902.7 3,817.6 Total liabilities 1,914.7"
        " 1,893.0 Total stockholders' equity 1,988.0 1,924.6 Total liabilities and equity"
        " 3,902.7 3,817.6\n"
    )
    path = tmp_path / "flattened.txt"
    path.write_text(_OPENING + block, encoding="utf-8")
    report = convert(path, ConvertOptions(formats=("xml",))).report
    assert [u.split(":")[0] for u in report.unread_statements] == ["line 5"]
    assert report.status == "incomplete"


def _converted(tmp_path: Path, text: str) -> set[tuple[str, str, str, Decimal]]:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    return {(c.split("#")[1], p, u, v) for c, p, u, v, *_ in xml_facts(instance)}


@pytest.mark.parametrize(
    "dateline",
    [
        "ZURICH, SWITZERLAND - March 11, 2026 (EXAMPLEWIRE) - ",
        "OSLO, Norway, 11 March 2026 -- ",
        "",
    ],
    ids=["newswire dateline", "dateline day first", "no dateline"],
)
def test_a_dateline_or_a_meeting_date_does_not_end_the_reported_year(
    tmp_path: Path, dateline: str
) -> None:
    """The release reports the financial year 2025; the dates in its opening paragraph are
    the release's own and a meeting's, not the end of a year."""
    facts = _converted(
        tmp_path,
        "# Example Holdings Publishes Audited 2025 Results\n\n"
        f"{dateline}Example Holdings today publishes its audited results for the financial"
        " year 2025, to be presented at the general meeting on 25 March 2026.\n\n"
        "The Group recorded net income of CHF 55.8 million. At year-end, shareholders'"
        " equity amounted to CHF 688.7 million.\n",
    )
    assert ("NetIncomeLoss", "2025-01-01/2025-12-31", "iso4217:CHF", Decimal("55800000")) in facts
    assert ("StockholdersEquity", "2025-12-31", "iso4217:CHF", Decimal("688700000")) in facts


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("Net sales were $6.4 billion.", "RevenueFromContractWithCustomerExcludingAssessedTax"),
        ("Total revenues were $6.4 billion.", "Revenues"),
        ("Net income was $6.4 billion.", "NetIncomeLoss"),
    ],
)
def test_prose_alone_names_a_line_as_a_table_would(
    tmp_path: Path, sentence: str, concept: str
) -> None:
    """Without a table printing the line, the prose's words pick the element issuers tag
    (net sales are revenue from contracts with customers; net income where no
    noncontrolling interest is named is the parent's own)."""
    facts = _converted(
        tmp_path,
        "# Example Corp. Reports Second Quarter 2026 Results\n\n"
        f"In the second quarter of 2026: {sentence}\n",
    )
    assert {c for c, *_ in facts} == {concept}


# --- the wordings US releases state results in, generated ------------------------------

_RESULTS_LEAD = (
    "Verdant Harvest Foods Reports Third Quarter 2026 Results\n\n"
    "CHICAGO, Nov. 4, 2026 -- Verdant Harvest Foods, Inc. (Nasdaq: VHF) today reported"
    " results for the third quarter ended September 30, 2026.\n\n"
)
Q3_2026, Q3_2025 = "2026-07-01/2026-09-30", "2025-07-01/2025-09-30"
USD, PER_SHARE = "iso4217:USD", "iso4217:USD/xbrli:shares"


def _prose_facts(tmp_path: Path, bullets: list[str]) -> set[tuple[str, str, str, Decimal]]:
    return _converted(tmp_path, _RESULTS_LEAD + "\n".join(f"- {b}" for b in bullets) + "\n")


def test_a_loss_and_its_per_share_amount_with_their_comparatives(tmp_path: Path) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Net loss of $2.1 million, or $(0.08) per share, compared to a net loss of $3.4"
            " million, or $(0.14) per share, in the third quarter of 2025."
        ],
    )
    assert facts >= {
        ("NetIncomeLoss", Q3_2026, USD, Decimal("-2100000")),
        ("NetIncomeLoss", Q3_2025, USD, Decimal("-3400000")),
        ("EarningsPerShareBasicAndDiluted", Q3_2026, PER_SHARE, Decimal("-0.08")),
        ("EarningsPerShareBasicAndDiluted", Q3_2025, PER_SHARE, Decimal("-0.14")),
    }


@pytest.mark.parametrize(
    ("now", "before", "signs"),
    [
        ("net income", "a net loss", (1, -1)),
        ("a net loss", "net income", (-1, 1)),
    ],
)
def test_a_comparatives_per_share_alternative_takes_the_comparatives_sign(
    tmp_path: Path, now: str, before: str, signs: tuple[int, int]
) -> None:
    """ "net income was $17.5 million, or $0.27 per share, compared to a net loss of $19.4
    million, or $0.31 per share": the $0.31 is a loss per share."""
    facts = _prose_facts(
        tmp_path,
        [
            f"The company reported {now} of $17.5 million, or $0.27 per share, compared to"
            f" {before} of $19.4 million, or $0.31 per share, in the third quarter of 2025."
        ],
    )
    current, prior = signs
    assert facts >= {
        ("NetIncomeLoss", Q3_2026, USD, Decimal("17500000") * current),
        ("NetIncomeLoss", Q3_2025, USD, Decimal("19400000") * prior),
        ("EarningsPerShareBasicAndDiluted", Q3_2026, PER_SHARE, Decimal("0.27") * current),
        ("EarningsPerShareBasicAndDiluted", Q3_2025, PER_SHARE, Decimal("0.31") * prior),
    }


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("TEUR 12,345.6", "12345600"),
        ("kEUR 12,345.6", "12345600"),
        ("EUR 12.3 million", "12300000"),
        ("EURm 12.3", "12300000"),
        ("MEUR 12.3", "12300000"),
        ("12.3 MEUR", "12300000"),
    ],
)
@pytest.mark.parametrize("spelling", ["amortisation", "amortization"])
def test_a_code_with_its_scale_letter_and_a_british_spelling_in_prose(
    tmp_path: Path, printed: str, value: str, spelling: str
) -> None:
    """ "Earnings before interest, taxes, depreciation and amortisation (EBITDA) of TEUR
    12,345.6": the code carries its scale, and the measure is EBITDA whatever the spelling
    (never depreciation and amortization); "the 2025 financial year" is the fiscal year."""
    facts = _converted(
        tmp_path,
        "Acme SE: first quarter 2026 results (1 January to 31 March 2026)\n\n"
        f"- Earnings before interest, taxes, depreciation and {spelling} (EBITDA) of"
        f" {printed} (Q1 2025: {printed.replace('12', '11')}).\n"
        "- Acme confirms its forecast for the 2026 financial year: revenue of EUR 500 million"
        " to EUR 520 million.\n",
    )
    eur, q1 = "iso4217:EUR", "2026-01-01/2026-03-31"
    assert ("Ebitda", q1, eur, Decimal(value)) in facts
    assert not [f for f in facts if f[0].startswith("Depreciation")]
    year = "2026-01-01/2026-12-31"
    assert ("RevenuesOutlookLow", year, eur, Decimal("500000000")) in facts
    assert ("RevenuesOutlookHigh", year, eur, Decimal("520000000")) in facts


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize("mark", ["€", "EUR "])
def test_spaces_grouping_thousands_before_a_decimal_comma_in_prose(
    tmp_path: Path, space: str, mark: str
) -> None:
    """A French print: "Net debt amounted to €1 642,0m ... (31 December 2024: €1 518,6m)";
    "-€12,3m" is negative. The key-figures table shows the release's decimal comma."""
    facts = _converted(
        tmp_path,
        "Groupe Valmorel: H1 2025 results\n\n"
        "PARIS, 24 July 2025 - Groupe Valmorel (Euronext: VLM) today published its results"
        " for the first half of 2025.\n\n"
        f"- Net debt amounted to {mark}1{space}642,0m at 30 June 2025 (31 December 2024:"
        f" {mark}1{space}518,6m).\n"
        f"- Free cash flow of -{mark}12,3m.\n\n"
        "Key figures\n"
        "EUR million\tH1 2025\tH1 2024\n"
        "Revenue\t2 468,3\t2 391,0\n",
    )
    eur = "iso4217:EUR"
    assert facts >= {
        ("NetDebt", "2025-06-30", eur, Decimal("1642000000")),
        ("NetDebt", "2024-12-31", eur, Decimal("1518600000")),
        ("FreeCashFlow", "2025-01-01/2025-06-30", eur, Decimal("-12300000")),
        ("Revenues", "2025-01-01/2025-06-30", eur, Decimal("2468300000")),
    }


@pytest.mark.parametrize("verb", ["grew", "increased", "rose", "was up"])
@pytest.mark.parametrize("percent", [", or 1.3%,", " (or 1.3%)", ""])
def test_an_amount_after_a_word_of_change_is_the_change_not_the_level(
    tmp_path: Path, verb: str, percent: str
) -> None:
    """ "Total loans grew $52.7 million, or 1.3%, during the quarter to $4.11 billion": the
    first amount is the change, the level is the one it grew to."""
    facts = _prose_facts(
        tmp_path,
        [
            f"Total loans {verb} $52.7 million{percent} during the quarter to $4.11 billion"
            " at September 30, 2026."
        ],
    )
    values = {v for _c, _p, _u, v in facts}
    assert Decimal("52700000") not in values
    assert (
        "LoansAndLeasesReceivableNetOfDeferredIncome",
        "2026-09-30",
        USD,
        Decimal("4110000000"),
    ) in facts


@pytest.mark.parametrize("reason", [", as", ", due to", ", driven by"])
def test_a_period_in_a_clause_of_reasons_dates_nothing_before_it(
    tmp_path: Path, reason: str
) -> None:
    """ "... to $5.6 million, as higher gross profit was offset by spending in support of
    full-year growth initiatives": "full-year" belongs to the reasons, the figure keeps
    the report's quarter."""
    facts = _prose_facts(
        tmp_path,
        [
            "Adjusted EBITDA declined by $0.3 million, or 5%, to $5.6 million"
            f"{reason} higher gross profit offset by spending in support of full-year growth"
            " initiatives."
        ],
    )
    assert ("AdjustedEbitda", Q3_2026, USD, Decimal("5600000")) in facts
    assert not [f for f in facts if f[0].startswith("AdjustedEbitda") and f[1] != Q3_2026]


@pytest.mark.parametrize(
    ("per", "concept"),
    [
        ("per diluted share", "EarningsPerShareDiluted"),
        ("per basic share", "EarningsPerShareBasic"),
        ("per basic and diluted share", "EarningsPerShareBasicAndDiluted"),
    ],
)
def test_income_and_its_per_share_amount(tmp_path: Path, per: str, concept: str) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            f"Net income of $102.8 million, or $1.22 {per}, compared to $61.1 million, or"
            f" $0.71 {per}, in the prior-year quarter."
        ],
    )
    assert facts >= {
        ("NetIncomeLoss", Q3_2026, USD, Decimal("102800000")),
        ("NetIncomeLoss", Q3_2025, USD, Decimal("61100000")),
        (concept, Q3_2026, PER_SHARE, Decimal("1.22")),
        (concept, Q3_2025, PER_SHARE, Decimal("0.71")),
    }


def test_a_measure_followed_by_the_word_loss_is_negative(tmp_path: Path) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue of $12.3 million, up 15% year-over-year.",
            "Adjusted EBITDA loss of $0.4 million, compared to adjusted EBITDA of $1.5 million"
            " in the third quarter of 2025.",
        ],
    )
    assert ("AdjustedEbitda", Q3_2026, USD, Decimal("-400000")) in facts
    assert ("AdjustedEbitda", Q3_2025, USD, Decimal("1500000")) in facts


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("EUR 1.70 to 1.75 billion", "1700000000", "1750000000", "iso4217:EUR"),
        ("$4.2-4.4 million", "4200000", "4400000", USD),
        ("$410 million to $430 million", "410000000", "430000000", USD),
        ("EUR 1.1-1.3 billion", "1100000000", "1300000000", "iso4217:EUR"),
        ("$1.2-$1.4 million", "1200000", "1400000", USD),
    ],
)
def test_a_range_shares_its_currency_and_scale(
    tmp_path: Path, text: str, low: str, high: str, unit: str
) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue of $12.3 million, up 15% year-over-year.",
            f"For 2027, the company expects revenue of {text}.",
        ],
    )
    year = "2027-01-01/2027-12-31"
    assert ("RevenuesOutlookLow", year, unit, Decimal(low)) in facts
    assert ("RevenuesOutlookHigh", year, unit, Decimal(high)) in facts


def test_a_comparative_dated_by_a_bare_year_is_the_same_part_of_that_year(
    tmp_path: Path,
) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "For the nine months ended September 30, 2026, the Company's net loss was $16.7"
            " million, or $4.52 per share, as compared to $18.4 million, or $10.42 per share,"
            " in 2025."
        ],
    )
    nine_months = "2025-01-01/2025-09-30"
    assert ("NetIncomeLoss", nine_months, USD, Decimal("-18400000")) in facts
    assert ("EarningsPerShareBasicAndDiluted", nine_months, PER_SHARE, Decimal("-10.42")) in facts
    assert not [f for f in facts if f[1] == "2025-01-01/2025-12-31"]


@pytest.mark.parametrize(
    "period", ["for the nine months", "for the first nine months of 2026", "in 9M 2026", "in 9M26"]
)
def test_nine_months_named_without_a_date(tmp_path: Path, period: str) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue of $12.3 million, up 15% year-over-year.",
            f"Net loss {period} was $7.8 million, or $0.31 per basic and diluted share, versus"
            " $11.2 million, or $0.47 per share, in the prior-year period.",
        ],
    )
    nine, before = "2026-01-01/2026-09-30", "2025-01-01/2025-09-30"
    assert ("NetIncomeLoss", nine, USD, Decimal("-7800000")) in facts
    assert ("NetIncomeLoss", before, USD, Decimal("-11200000")) in facts
    assert ("EarningsPerShareBasicAndDiluted", nine, PER_SHARE, Decimal("-0.31")) in facts


def test_a_comparative_followed_by_the_word_loss_is_negative(tmp_path: Path) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Adjusted EBITDA loss of $0.4 million, an improvement of $1.1 million from an"
            " Adjusted EBITDA loss of $1.5 million in the third quarter of 2025."
        ],
    )
    assert ("AdjustedEbitda", Q3_2026, USD, Decimal("-400000")) in facts
    assert ("AdjustedEbitda", Q3_2025, USD, Decimal("-1500000")) in facts


@pytest.mark.parametrize("label", ["Q1 2025", "prior year", "previous year", "2025"])
def test_a_bracketed_comparative_after_its_label(tmp_path: Path, label: str) -> None:
    facts = _converted(
        tmp_path,
        "Acme SE (Xetra: ACM) first quarter 2026 results (1 January to 31 March 2026)\n\n"
        f"- Revenue up 11% to EUR 412.8 million ({label}: EUR 371.9 million)\n"
        f"- EBITDA of EUR 61.0 million ({label}: EUR 55.2 million)\n",
    )
    eur, q1, before = "iso4217:EUR", "2026-01-01/2026-03-31", "2025-01-01/2025-03-31"
    assert facts >= {
        ("Revenues", q1, eur, Decimal("412800000")),
        ("Revenues", before, eur, Decimal("371900000")),
        ("Ebitda", q1, eur, Decimal("61000000")),
        ("Ebitda", before, eur, Decimal("55200000")),
    }


@pytest.mark.parametrize("label", ["Q3 2025", "third quarter of 2025", "2025", "prior year"])
@pytest.mark.parametrize("words", ["", " in the quarter", " for the three months"])
def test_a_labelled_bracket_after_words_dates_only_its_own_figure(
    tmp_path: Path, label: str, words: str
) -> None:
    """ "Cash flow from operating activities was $71.5 million in the quarter (Q3 2025:
    $64.0 million)": the bracket's label dates the figure inside it, whatever words stand
    between it and the value before it; the value keeps the report's period."""
    facts = _prose_facts(
        tmp_path,
        [f"Cash flow from operating activities was $71.5 million{words} ({label}: $64.0 million)."],
    )
    assert facts == {
        ("NetCashProvidedByUsedInOperatingActivities", Q3_2026, USD, Decimal("71500000")),
        ("NetCashProvidedByUsedInOperatingActivities", Q3_2025, USD, Decimal("64000000")),
    }


@pytest.mark.parametrize("label", ["1H FY24", "H1 FY24", "1H24", "prior year"])
@pytest.mark.parametrize("change", ["up 8.2%", "up 8.2% on the prior corresponding period"])
def test_a_labelled_bracket_after_a_change_is_the_values_comparative(
    tmp_path: Path, label: str, change: str
) -> None:
    """ "Revenue of A$412.5 million, up 8.2% (1H FY24: A$381.2 million)": the bracket past
    the change dates the value's comparative, and the change compares the two; "1H" in a
    label is a half, never a figure."""
    facts = _converted(
        tmp_path,
        "Kestrel Holdings Limited: results for the half year ended 31 December 2024\n\n"
        "SYDNEY, 20 February 2025 - Kestrel Holdings Limited (ASX: KSL) today announced its"
        " results for the half year ended 31 December 2024.\n\n"
        f"- Revenue of A$412.5 million, {change} ({label}: A$381.2 million).\n"
        f"- EBITDA margin 16.6% ({label}: 15.9%).\n",
    )
    aud, half, before = "iso4217:AUD", "2024-07-01/2024-12-31", "2023-07-01/2023-12-31"
    assert facts >= {
        ("Revenues", half, aud, Decimal("412500000")),
        ("Revenues", before, aud, Decimal("381200000")),
        ("RevenuesPercentChangeFromPriorYear", half, "xbrli:pure", Decimal("0.082")),
        ("EbitdaMargin", half, "xbrli:pure", Decimal("0.166")),
        ("EbitdaMargin", before, "xbrli:pure", Decimal("0.159")),
    }


def _key_figures_release(prose: str, table: tuple[str, str]) -> str:
    """A first-half release: one sentence of prose, then a key-figures table printing revenue
    as `table` gives it (current and prior half)."""
    return (
        "Vexaris SE: H1 2025 results\n\n"
        "MUNICH, 24 July 2025 -- Vexaris SE (Xetra: VXS) today published its results for the"
        f" first half of 2025. {prose}\n\n"
        "Key figures\n"
        "EUR million\tH1 2025\tH1 2024\n"
        f"Revenue\t{table[0]}\t{table[1]}\n"
    )


@pytest.mark.parametrize(
    ("printed", "comparative", "value", "before"),
    [
        ("EUR 61,4 million", "EUR 55,2 million", "61400000", "55200000"),
        ("EUR 1.061,4 million", "EUR 955,25 million", "1061400000", "955250000"),
        ("61,4 million euros", "55,2 million euros", "61400000", "55200000"),
        ("EUR 61,4 m", "EUR 55,2 m", "61400000", "55200000"),
    ],
)
def test_prose_prints_decimal_commas_as_its_tables_do(
    tmp_path: Path, printed: str, comparative: str, value: str, before: str
) -> None:
    """A release whose tables print the decimal comma prints its prose so ("EBITDA of EUR
    61,4 million"): the comma before one or two digits parts the decimals."""
    prose = f"EBITDA amounted to {printed} (H1 2024: {comparative})."
    facts = _converted(tmp_path, _key_figures_release(prose, ("1.234,5", "1.155,9")))
    eur, h1, h1_before = "iso4217:EUR", "2025-01-01/2025-06-30", "2024-01-01/2024-06-30"
    assert {f for f in facts if f[0] == "Ebitda"} == {
        ("Ebitda", h1, eur, Decimal(value)),
        ("Ebitda", h1_before, eur, Decimal(before)),
    }


@pytest.mark.parametrize(
    ("printed", "value"),
    [("EUR 1,234 million", "1234000000"), ("EUR 61.4 million", "61400000")],
)
def test_prose_with_decimal_points_keeps_its_commas_as_thousands(
    tmp_path: Path, printed: str, value: str
) -> None:
    """Tables printed with the decimal point: a comma in the prose groups thousands."""
    prose = f"EBITDA amounted to {printed}."
    facts = _converted(tmp_path, _key_figures_release(prose, ("1,234.5", "1,155.9")))
    assert ("Ebitda", "2025-01-01/2025-06-30", "iso4217:EUR", Decimal(value)) in facts


@pytest.mark.parametrize("ago", ["a year ago", "a year earlier"])
def test_a_comparative_dated_after_its_per_share_amount(tmp_path: Path, ago: str) -> None:
    """ "compared with $72.2 million, or $0.92 per diluted share, a year ago": the period
    comes after the comparative's per-share alternative, past the comma."""
    facts = _prose_facts(
        tmp_path,
        [
            "Net income was $80.1 million, or $1.02 per diluted share, compared with $72.2"
            f" million, or $0.92 per diluted share, {ago}."
        ],
    )
    assert facts >= {
        ("NetIncomeLoss", Q3_2025, USD, Decimal("72200000")),
        ("EarningsPerShareDiluted", Q3_2025, PER_SHARE, Decimal("0.92")),
        ("EarningsPerShareDiluted", Q3_2026, PER_SHARE, Decimal("1.02")),
    }


def test_net_cash_used_is_an_outflow(tmp_path: Path) -> None:
    """A net cash flow named by its direction: "used in" is negative, "provided by" not."""
    facts = _prose_facts(
        tmp_path,
        [
            "Net cash used in operating activities was $128.7 million in the third quarter of"
            " 2026, compared with net cash provided by operating activities of $12.0 million in"
            " the third quarter of 2025.",
            "Net cash used in investing activities was $20.1 million in the third quarter of 2026.",
        ],
    )
    operating = "NetCashProvidedByUsedInOperatingActivities"
    assert facts >= {
        (operating, Q3_2026, USD, Decimal("-128700000")),
        (operating, Q3_2025, USD, Decimal("12000000")),
        ("NetCashProvidedByUsedInInvestingActivities", Q3_2026, USD, Decimal("-20100000")),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "We reduced net debt by $38.6 million during the quarter.",
        "Net debt decreased by $38.6 million to $300.0 million at September 30, 2026.",
        "Net debt was lowered by $38.6 million to $300.0 million at September 30, 2026.",
    ],
)
def test_a_change_by_an_amount_is_not_the_level(tmp_path: Path, sentence: str) -> None:
    facts = _prose_facts(tmp_path, ["Revenue was $120.0 million.", sentence])
    assert ("Revenues", Q3_2026, USD, Decimal("120000000")) in facts
    assert not [f for f in facts if f[3] == Decimal("38600000")]
    if "to $300.0 million" in sentence:
        assert ("NetDebt", "2026-09-30", USD, Decimal("300000000")) in facts


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("52.62 cents", "0.5262"), ("$0.5262", "0.5262"), ("52.6p", "0.526")],
)
def test_a_per_share_amount_in_cents(tmp_path: Path, printed: str, expected: str) -> None:
    """A per-share amount printed in the currency's hundredths is a hundredth of it, in the
    release's currency where the figure names none."""
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue was $120.0 million.",
            f"Basic earnings per share were {printed} in the third quarter of 2026.",
            "The Board declared a quarterly dividend of 12.25 cents per share.",
        ],
    )
    assert ("EarningsPerShareBasic", Q3_2026, PER_SHARE, Decimal(expected)) in facts
    dividends = {f[3] for f in facts if f[0].startswith("CommonStockDividendsPerShare")}
    assert dividends == {Decimal("0.1225")}


def test_an_interim_title_dates_the_half_and_its_year(tmp_path: Path) -> None:
    """A JSE-style interim announcement: the title's "six months ended 31 August 2025" is
    the first half of a year ending in February; amounts in rand ("R12.4 billion"), the
    comparatives in brackets, per-share amounts in cents. "UNAUDITED" names no currency."""
    text = "\n\n".join(
        [
            "KAROO RETAIL HOLDINGS LIMITED",
            "UNAUDITED CONDENSED CONSOLIDATED INTERIM RESULTS FOR THE SIX MONTHS ENDED"
            " 31 AUGUST 2025",
            "Johannesburg, 21 October 2025 - Karoo Retail Holdings Limited today announced its"
            " unaudited results.",
            "UNAUDITED SALIENT FEATURES (all figures unaudited)",
            "- Revenue up 6% to R12.4 billion (2024: R11.7 billion)\n"
            "- Basic earnings per share up 10% to 338.6 cents (2024: 307.8 cents)",
        ]
    )
    facts = _converted(tmp_path, text + "\n")
    half, before = "2025-03-01/2025-08-31", "2024-03-01/2024-08-31"
    rand, per_share = "iso4217:ZAR", "iso4217:ZAR/xbrli:shares"
    assert facts >= {
        ("Revenues", half, rand, Decimal("12400000000")),
        ("Revenues", before, rand, Decimal("11700000000")),
        ("EarningsPerShareBasic", half, per_share, Decimal("3.386")),
        ("EarningsPerShareBasic", before, per_share, Decimal("3.078")),
    }


@pytest.mark.parametrize(
    "opening", ["For the full year 2026", "For the full year", "In the fourth quarter of 2026"]
)
def test_a_sentence_s_opening_period_dates_its_later_figures(tmp_path: Path, opening: str) -> None:
    """ "For the full year 2026, the company expects revenue growth of 6% to 8%, compared
    with its previous outlook of 5% to 7%, and capital expenditures of approximately $190
    million": the opening phrase dates the last figure, past the figures between."""
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue was $120.0 million.",
            f"{opening}, the company now expects revenue growth of 6% to 8%, compared with its"
            " previous outlook of 5% to 7%, and capital expenditures of approximately $190"
            " million.",
        ],
    )
    capex = {(f[0], f[1]) for f in facts if f[3] == Decimal("190000000")}
    expected = "2026-10-01/2026-12-31" if "quarter" in opening else "2026-01-01/2026-12-31"
    assert capex == {("PaymentsToAcquirePropertyPlantAndEquipmentOutlook", expected)}


def test_rupee_amounts_in_crore_and_lakh(tmp_path: Path) -> None:
    """An Indian release: "₹ 12,345 crore" (a crore is ten million), "Rs 1,714.5 crore",
    "1,23,456.78 lakh" (a lakh is a hundred thousand, digits grouped by lakhs)."""
    text = "\n\n".join(
        [
            "Vindhya Cements Limited announces results for the quarter ended 31 March 2025",
            "Mumbai, 24 April 2025: Vindhya Cements Limited (NSE: VINDHYACEM) announced its"
            " results for the quarter ended 31 March 2025.",
            "- Revenue from operations of \u20b9 12,345 crore in the quarter ended 31 March 2025\n"
            "- Net profit of Rs 1,714.5 crore in the quarter ended 31 March 2025\n"
            "- EBITDA of \u20b9 1,23,456.78 lakh in the quarter ended 31 March 2025",
        ]
    )
    facts = _converted(tmp_path, text + "\n")
    quarter, rupees = "2025-01-01/2025-03-31", "iso4217:INR"
    assert facts >= {
        ("Revenues", quarter, rupees, Decimal("123450000000")),
        ("NetIncomeLoss", quarter, rupees, Decimal("17145000000")),
        ("Ebitda", quarter, rupees, Decimal("12345678000")),
    }


@pytest.mark.parametrize("date", ["31st December 2025", "31 December 2025"])
def test_an_instant_written_day_first(tmp_path: Path, date: str) -> None:
    """ "as on 31st December 2025" (Indian English), "as on 31 December 2025": the balance
    at that date."""
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue was $120.0 million in the third quarter of 2026.",
            f"Net debt stood at $412.0 million, compared with $450.0 million as on {date}.",
        ],
    )
    assert ("NetDebt", "2025-12-31", USD, Decimal("450000000")) in facts


def test_headline_earnings_of_a_jse_release(tmp_path: Path) -> None:
    """The JSE's headline earnings and headline earnings per share ("HEPS") are the
    project's own concepts (no us-gaap element names them), read like any other line."""
    text = "\n\n".join(
        [
            "KAROO RETAIL HOLDINGS LIMITED",
            "INTERIM RESULTS FOR THE SIX MONTHS ENDED 31 AUGUST 2025",
            "Johannesburg, 21 October 2025 - Karoo Retail Holdings Limited today announced its"
            " results.",
            "- Headline earnings up 10% to R1.23 billion (2024: R1.12 billion)\n"
            "- Headline earnings per share of 345.2 cents, up 11%",
        ]
    )
    facts = _converted(tmp_path, text + "\n")
    half = "2025-03-01/2025-08-31"
    assert facts >= {
        ("HeadlineEarnings", half, "iso4217:ZAR", Decimal("1230000000")),
        ("HeadlineEarnings", "2024-03-01/2024-08-31", "iso4217:ZAR", Decimal("1120000000")),
        ("HeadlineEarningsPerShare", half, "iso4217:ZAR/xbrli:shares", Decimal("3.452")),
    }


def test_cash_with_marketable_securities_is_one_balance(tmp_path: Path) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue was $120.0 million in the third quarter of 2026.",
            "Cash, cash equivalents and marketable securities were $354.1 million as of"
            " September 30, 2026.",
        ],
    )
    balance = ("CashCashEquivalentsAndShortTermInvestments", "2026-09-30", USD)
    assert (*balance, Decimal("354100000")) in facts


_NORDIC = (
    "# Example Industrier AB (publ) Interim report January-September 2025\n\n"
    "Stockholm, 23 October 2025 - Example Industrier AB (publ) today published its report.\n\n"
    "Third quarter 2025\n"
    "- Net sales increased 8% to {code} 4,512 {scale} (4,178).\n"
    "- Operating profit (EBIT) amounted to {code} 612 {scale} (540), corresponding to an EBIT"
    " margin of 13.6% (12.9).\n"
    "- Profit after tax amounted to {code} 421 {scale} (368).\n"
    "- Earnings per share {code} 3.21 (2.87).\n"
    "- Cash flow from operating activities was {code} -48 {scale} (-55).\n"
)


@pytest.mark.parametrize(
    ("code", "scale", "iso"),
    [
        ("SEK", "million", "SEK"),
        ("SEK", "m", "SEK"),
        ("NOK", "million", "NOK"),
        ("EUR", "m", "EUR"),
    ],
)
def test_the_prior_years_figure_in_brackets_after_each_figure(
    tmp_path: Path, code: str, scale: str, iso: str
) -> None:
    """Nordic releases print the comparative bare, in brackets, right after each figure
    ("SEK 612 m (540)"): the same measure in the same currency and scale, a year earlier;
    a figure after the currency code may be signed ("SEK -48 m (-55)")."""
    facts = _converted(tmp_path, _NORDIC.format(code=code, scale=scale))
    money, share = f"iso4217:{iso}", f"iso4217:{iso}/xbrli:shares"
    quarter, prior = "2025-07-01/2025-09-30", "2024-07-01/2024-09-30"
    expected = {
        ("RevenueFromContractWithCustomerExcludingAssessedTax", quarter, money, Decimal("4512e6")),
        ("RevenueFromContractWithCustomerExcludingAssessedTax", prior, money, Decimal("4178e6")),
        ("OperatingIncomeLoss", quarter, money, Decimal("612e6")),
        ("OperatingIncomeLoss", prior, money, Decimal("540e6")),
        ("EbitMargin", quarter, "xbrli:pure", Decimal("0.136")),
        ("EbitMargin", prior, "xbrli:pure", Decimal("0.129")),
        ("NetIncomeLoss", quarter, money, Decimal("421e6")),
        ("NetIncomeLoss", prior, money, Decimal("368e6")),
        ("EarningsPerShareBasicAndDiluted", quarter, share, Decimal("3.21")),
        ("EarningsPerShareBasicAndDiluted", prior, share, Decimal("2.87")),
    }
    assert expected <= facts, sorted(expected - facts)
    flows = {(p, v) for c, p, _, v in facts if c == "NetCashProvidedByUsedInOperatingActivities"}
    assert flows == {(quarter, Decimal("-48e6")), (prior, Decimal("-55e6"))}


def test_a_footnote_mark_in_brackets_after_a_figure_is_no_comparative(tmp_path: Path) -> None:
    facts = _converted(
        tmp_path,
        "# Example Corp Reports Third Quarter 2025 Results\n\n"
        "BOSTON, Mass., October 23, 2025 -- Example Corp today reported results.\n\n"
        "- Revenue for the third quarter of 2025 was $412.3 million (1).\n",
    )
    values = {v for *_, v in facts}
    assert Decimal("412.3e6") in values
    assert Decimal("1e6") not in values and Decimal("1") not in values


def test_earnings_per_share_named_plainly_is_the_tables_diluted_figure(tmp_path: Path) -> None:
    """ "Earnings per share of $1.96" beside a statement printing diluted EPS of $1.96: the
    same number, a duplicate of the table's fact, not a second fact under another name."""
    path = tmp_path / "release.txt"
    path.write_text(
        "# Example Corp Reports Third Quarter 2025 Results\n\n"
        "BOSTON, Mass., October 23, 2025 -- Example Corp today reported results.\n\n"
        "- Third quarter earnings per share of $1.96, up from $1.80.\n\n"
        "Condensed Consolidated Statements of Operations\n"
        "(in millions, except per share data)\n\n"
        "                                Three Months Ended September 30,\n"
        "                                    2025          2024\n"
        "Revenue                         $ 412.3       $ 398.1\n"
        "Net income                         98.0          90.1\n"
        "Diluted earnings per share      $  1.96       $  1.80\n",
        encoding="utf-8",
    )
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    concepts = {f.concept for f in conversion.facts.facts}
    assert "EarningsPerShareDiluted" in concepts
    assert "EarningsPerShareBasicAndDiluted" not in concepts
    printed = {r.printed: r.status.value for r in conversion.report.text_figures}
    assert printed["$1.96"] == "duplicate"


@pytest.mark.parametrize("filler", ["", "a record ", "approximately ", "a new record "])
def test_the_level_after_a_change_past_filler_words(tmp_path: Path, filler: str) -> None:
    facts = _converted(
        tmp_path,
        "# Midland Corp Reports Full Year 2025 Results\n\n"
        "DALLAS, Texas, February 5, 2026 -- Midland Corp today reported results for the year"
        " ended December 31, 2025.\n\n"
        f"- For the full year 2025, net sales increased 8.5% to {filler}$186.4 million.\n",
    )
    values = {(c, p, v) for c, p, _, v in facts}
    year = "2025-01-01/2025-12-31"
    assert any(p == year and v == Decimal("186.4e6") for _, p, v in values), values


@pytest.mark.parametrize("mark", ["(1)", "(2)"])
def test_a_footnote_mark_glued_to_the_label(tmp_path: Path, mark: str) -> None:
    facts = _converted(
        tmp_path,
        "# Midland Corp Reports Full Year 2025 Results\n\n"
        "DALLAS, Texas, February 5, 2026 -- Midland Corp today reported results for the year"
        " ended December 31, 2025.\n\n"
        f"- Adjusted net income{mark} of $26.1 million for the full year 2025.\n",
    )
    year = "2025-01-01/2025-12-31"
    assert ("NonGaapNetIncome", year, "iso4217:USD", Decimal("26.1e6")) in facts


@pytest.mark.parametrize(
    "when",
    [
        "payable on November 21, 2025 to shareholders of record on November 7, 2025",
        "to be paid on November 21, 2025",
    ],
)
def test_a_dividends_payment_date_is_not_its_period(tmp_path: Path, when: str) -> None:
    facts = _converted(
        tmp_path,
        "# Example Corp Reports Third Quarter 2025 Results\n\n"
        "BOSTON, Mass., October 23, 2025 -- Example Corp today reported results for the third"
        " quarter ended September 30, 2025.\n\n"
        "- Revenue for the third quarter of 2025 was $412.3 million.\n"
        f"- The Board declared a quarterly cash dividend of $0.08 per share, {when}.\n",
    )
    dividends = {(p, v) for c, p, _, v in facts if c == "CommonStockDividendsPerShareDeclared"}
    assert dividends == {("2025-07-01/2025-09-30", Decimal("0.08"))}


@pytest.mark.parametrize(
    "heading", ["Fiscal 2025 Third Quarter Highlights", "Fiscal 2025 Third-Quarter Highlights"]
)
def test_a_year_before_its_quarter_names_the_quarter(tmp_path: Path, heading: str) -> None:
    facts = _converted(
        tmp_path,
        "# Example Corp Reports Fiscal 2025 Third Quarter Results\n\n"
        "BOSTON, Mass., October 23, 2025 -- Example Corp today reported results.\n\n"
        f"## {heading}\n\n"
        "- Total revenues increased 13% to $1.28 billion.\n",
    )
    revenues = {(c, p) for c, p, _, v in facts if v == Decimal("1.28e9")}
    assert revenues == {("Revenues", "2025-07-01/2025-09-30")}


_HALF_YEAR_LEAD = (
    "Acme Holdings plc\n\nHalf-year results for the six months ended 30 June 2025\n\n"
    "London, 28 July 2025 - Acme Holdings plc today announces its results for the six months"
    " ended 30 June 2025.\n\n"
)
H1_2025, H1_2024 = "2025-01-01/2025-06-30", "2024-01-01/2024-06-30"
GBP, GBP_PER_SHARE = "iso4217:GBP", "iso4217:GBP/xbrli:shares"


@pytest.mark.parametrize(
    ("bullet", "comparative_at"),
    [
        ("Net debt of £45.1m (31 December 2024: £52.3m)", "2024-12-31"),
        ("Net debt of £45.1m at 30 June 2025 (31 December 2024: £52.3m)", "2024-12-31"),
        ("Net debt of £45.1m (FY 2024: £52.3m)", "2024-12-31"),
        ("Net debt of £45.1m (30 June 2024: £52.3m)", "2024-06-30"),
    ],
    ids=["bare date label", "own period before the bracket", "year label", "a year earlier"],
)
def test_a_balance_compared_with_the_date_its_bracket_names(
    tmp_path: Path, bullet: str, comparative_at: str
) -> None:
    """UK and Australian releases label the comparative with its own date ("(31 December
    2024: £52.3m)"): the balance at that date, and the figure before it is the balance at
    the report's end, never a year or an outlook."""
    facts = _converted(tmp_path, _HALF_YEAR_LEAD + f"- {bullet}\n")
    assert facts == {
        ("NetDebt", "2025-06-30", GBP, Decimal("45100000")),
        ("NetDebt", comparative_at, GBP, Decimal("52300000")),
    }


@pytest.mark.parametrize("kind", ["Interim", "Final", "Special", ""])
def test_a_dividend_in_pence_with_its_comparative(tmp_path: Path, kind: str) -> None:
    """ "Interim dividend of 4.5p per share (2024: 4.0p)": the kind of dividend does not
    narrow what it is, and the comparative in pence is per share like the figure before."""
    bullet = f"{kind} dividend of 4.5p per share (2024: 4.0p)".strip().capitalize()
    facts = _converted(tmp_path, _HALF_YEAR_LEAD + f"- Revenue of £120.5m\n- {bullet}\n")
    dividend = "CommonStockDividendsPerShareDeclared"
    stated = {fact for fact in facts if fact[0] == dividend}
    if kind == "Special":  # a capitalised name narrows a phrase; "special" is not neutral
        assert stated == set()
        return
    assert stated == {
        (dividend, H1_2025, GBP_PER_SHARE, Decimal("0.045")),
        (dividend, H1_2024, GBP_PER_SHARE, Decimal("0.040")),
    }


@pytest.mark.parametrize(
    ("bullet", "period"),
    [
        ("Half-year revenue of £120.5m", H1_2025),
        ("H1 2025 revenue of £120.5m", H1_2025),
        ("Full-year revenue of £120.5m in 2024", "2024-01-01/2024-12-31"),
        ("2024 Full-Year revenue of £120.5m", "2024-01-01/2024-12-31"),
    ],
)
def test_a_period_before_a_phrase_does_not_narrow_it(
    tmp_path: Path, bullet: str, period: str
) -> None:
    """ "Half-year revenue", "2024 Full-Year revenue": the words before the phrase say
    when, not which part of revenue; the period they name is the figure's."""
    facts = _converted(tmp_path, _HALF_YEAR_LEAD + f"- {bullet}\n")
    assert ("Revenues", period, GBP, Decimal("120500000")) in facts


def test_a_period_before_the_next_subject_is_not_the_figure_s(tmp_path: Path) -> None:
    """ "... rose 45% to $27 million and full-year gross profit increased ...": the
    full year dates the next subject, not the quarter's figure before it."""
    facts = _prose_facts(
        tmp_path,
        [
            "Gross profit for the third quarter rose 45% to $27.0 million and full-year gross"
            " profit increased by 30% to $89.0 million."
        ],
    )
    assert ("GrossProfit", Q3_2026, USD, Decimal("27000000")) in facts


def test_a_year_of_52_weeks_ending_in_january_is_named_by_the_year_before(
    tmp_path: Path,
) -> None:
    """A fiscal year ending January 1, 2023 is "2022": "2022 Fourth-Quarter" and "2022
    Full-Year" in its prose are the quarter and year the tables end on that day."""
    path = tmp_path / "release.txt"
    path.write_text(
        "Acme Corporation Reports Results\n\n"
        "- 2022 Fourth-Quarter net earnings of $3.5 billion\n"
        "- 2022 Full-Year net earnings of $17.9 billion\n\n"
        "CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS\n"
        "(Dollars in Millions)\n\n"
        "                          Fourth Quarter          Twelve Months\n"
        "                       January 1,  January 2,  January 1,  January 2,\n"
        "                          2023        2022        2023        2022\n"
        "Sales to customers       23,706      24,804      94,943      93,775\n"
        "Net earnings              3,520       4,736      17,941      20,878\n",
        encoding="utf-8",
    )
    report = convert(path, ConvertOptions(formats=("xml",))).report
    placed = {(r.printed, r.context) for r in report.text_figures}
    assert placed == {
        ("$3.5 billion", "D2022-10-03_2023-01-01"),
        ("$17.9 billion", "D2022-01-03_2023-01-01"),
    }


def test_a_quarter_of_a_fiscal_year_ending_in_march_named_in_prose(tmp_path: Path) -> None:
    """An Indian release's "Q2 FY26" is July to September 2025: the table's full-year
    column ("Year ended 31.03.2025") says the fiscal year ends in March, whatever the
    headline calls the quarter; nothing in it is an outlook."""
    path = tmp_path / "release.txt"
    path.write_text(
        "Vindhya Polymers Limited\n\n"
        "Mumbai, 5 November 2025: Vindhya Polymers Limited today announced its results.\n\n"
        "- Net profit of Rs 49.89 crore in Q2 FY26 as against Rs 37.87 crore in Q2 FY25\n\n"
        "STATEMENT OF UNAUDITED FINANCIAL RESULTS\n"
        "(Rs. in lakh)\n\n"
        "Particulars          Quarter ended   Quarter ended     Year ended\n"
        "                        30.09.2025      30.09.2024     31.03.2025\n"
        "Revenue from operations  48,216.40       43,118.25    1,76,412.90\n"
        "Net profit                4,989.12        3,787.40      16,240.10\n",
        encoding="utf-8",
    )
    report = convert(path, ConvertOptions(formats=("xml",))).report
    placed = {r.printed: r.context for r in report.text_figures}
    assert placed == {
        "Rs 49.89 crore": "D2025-07-01_2025-09-30",
        "Rs 37.87 crore": "D2024-07-01_2024-09-30",
    }


def _bank_release(title: str, columns: tuple[str, str], spans: str, ordinal: str) -> str:
    """A bank's quarterly release to December 31, 2025, whose prose names the quarter by
    its ordinal and fiscal year; `spans` heads the table's two columns."""
    return (
        f"{title}\n\n"
        "OSSINING, N.Y., January 27, 2026 -- Ossining Harbor Bancorp, Inc. (NASDAQ: OHBC)"
        " today reported its results.\n\n"
        f"- Net income for the {ordinal} quarter of fiscal 2026 was $9.4 million.\n\n"
        "CONSOLIDATED STATEMENTS OF INCOME\n"
        "(Dollars in thousands)\n\n"
        f"{spans}\n"
        f"                         {columns[0]:>14}{columns[1]:>14}\n"
        "Total interest income          45,801        43,443\n"
        "Net interest income            28,453        24,624\n"
    )


@pytest.mark.parametrize(
    "issuer",
    [
        "OSSINING HARBOR BANCORP, INC.",
        "OSSINING HARBOR HOLDINGS CORP.",
        "OSSINING HARBOR GROUP LTD.",
        "Ossining Harbor Bancorp, Inc.",
    ],
)
def test_a_title_in_capitals_after_a_legal_form_names_the_quarter(
    tmp_path: Path, issuer: str
) -> None:
    """ "... BANCORP, INC. REPORTS THIRD FISCAL QUARTER 2026 RESULTS": the full stop of the
    legal form, in capitals too, ends no sentence, so the line is the title and its third
    quarter ends December 31, 2025: the fiscal year ends March 31, not December 31 (which
    would make the prose's quarter one not yet reported, an outlook)."""
    text = _bank_release(
        f"{issuer} REPORTS THIRD FISCAL QUARTER 2026 RESULTS",
        ("Dec. 31, 2025", "Dec. 31, 2024"),
        "                               Three Months Ended",
        "third",
    )
    facts = _converted(tmp_path, text)
    assert ("NetIncomeLoss", "2025-10-01/2025-12-31", "iso4217:USD", Decimal("9400000")) in facts
    assert not any("Outlook" in concept for concept, *_ in facts)


@pytest.mark.parametrize(
    ("months", "ordinal"), [("Nine Months Ended", "third"), ("Six Months Ended", "second")]
)
def test_a_year_to_date_column_starts_the_fiscal_year(
    tmp_path: Path, months: str, ordinal: str
) -> None:
    """A title that names no quarter: the column running from the fiscal year's start to
    the quarter's end (nine months from April 1, six months from July 1, to December 31)
    says where the year starts, and so which quarter the prose's ordinal names."""
    text = _bank_release(
        "Ossining Harbor Bancorp Announces Results",
        ("Dec. 31, 2025", "Dec. 31, 2025"),
        f"                           Three Months Ended  {months}",
        ordinal,
    )
    facts = _converted(tmp_path, text)
    assert ("NetIncomeLoss", "2025-10-01/2025-12-31", "iso4217:USD", Decimal("9400000")) in facts
    assert not any("Outlook" in concept for concept, *_ in facts)


@pytest.mark.parametrize(
    ("printed", "code", "value"),
    [
        ("Ps. 18,742 million", "MXN", "18742000000"),
        ("Rs. 4,812.6 crore", "INR", "48126000000"),
        ("Dhs. 1,250 million", "AED", "1250000000"),
    ],
)
def test_a_currency_abbreviated_with_a_full_stop_does_not_end_the_sentence(
    tmp_path: Path, printed: str, code: str, value: str
) -> None:
    """ "Net sales reached Ps. 18,742 million in 4Q24": the full stop belongs to the
    currency's abbreviation; the figure stays in the sentence that names it."""
    facts = _converted(
        tmp_path,
        "Grupo Sierra Madre Reports Fourth Quarter 2024 Results\n\n"
        "Monterrey, February 20, 2025 -- Grupo Sierra Madre (BMV: GISMA) announced its results"
        " for the fourth quarter of 2024.\n\n"
        f"- Net sales reached {printed} in the fourth quarter of 2024.\n",
    )
    sales = {(p, u, v) for c, p, u, v in facts if c.startswith("Revenue")}
    assert sales == {("2024-10-01/2024-12-31", f"iso4217:{code}", Decimal(value))}


@pytest.mark.parametrize(
    "compared",
    ["19.9% higher than in the third quarter of 2025;", "up from $2.1 million in Q3 2025;"],
)
def test_the_period_compared_with_does_not_date_the_next_figure(
    tmp_path: Path, compared: str
) -> None:
    """ "Operating income was $2.6 million, 19.9% higher than in the third quarter of 2025;
    operating margin reached 14.0%": the margin is the quarter's, like the income before
    it, not the period the income was compared with."""
    facts = _prose_facts(
        tmp_path, [f"Operating income was $2.6 million, {compared} operating margin reached 14.0%."]
    )
    assert ("OperatingMargin", Q3_2026, "xbrli:pure", Decimal("0.140")) in facts
    assert not any(c == "OperatingMargin" and p == Q3_2025 for c, p, _, _ in facts)


@pytest.mark.parametrize(
    ("bullet", "margin", "change"),
    [
        ("Gross margin expanded 80 basis points to 39.3%.", "0.393", None),
        ("Gross margin of 39.3%, up 80 bps year over year.", "0.393", "0.0080"),
        ("Gross margin of 39.3%, up 0.8 percentage points year over year.", "0.393", "0.008"),
    ],
)
def test_a_margin_and_its_change_in_points(
    tmp_path: Path, bullet: str, margin: str, change: str | None
) -> None:
    """Points of a rate are a percentage figure (80 basis points: 0.8%); "expanded 80 basis
    points to 39.3%" is a change and the level it reached, not a range from one to the
    other, so the margin is 39.3%, never 0.8%."""
    facts = _prose_facts(tmp_path, [bullet])
    margins = {v for c, p, _, v in facts if c == "GrossProfitMargin" and p == Q3_2026}
    assert margins == {Decimal(margin)}
    changes = {v for c, _, _, v in facts if c == "GrossProfitMarginPercentChangeFromPriorYear"}
    assert changes == ({Decimal(change)} if change else set())


def test_headline_points_between_dashes_are_sentences_of_their_own(tmp_path: Path) -> None:
    """ "-- Diluted EPS of $0.94 Versus $0.67 Last Year --" over "-- Raises Full-Year
    Fiscal 2026 EPS Outlook --": the next point's full year is not the quarter's EPS's
    period, so the quarter's EPS is no full-year outlook."""
    facts = _converted(
        tmp_path,
        "Verdant Harvest Foods Reports Third Quarter 2026 Results\n\n"
        "  -- Diluted EPS of $0.94 Versus $0.67 Last Year --\n"
        "  -- Raises Full-Year Fiscal 2026 EPS Outlook --\n\n"
        "CHICAGO, Nov. 4, 2026 -- Verdant Harvest Foods, Inc. (Nasdaq: VHF) today reported"
        " results for the third quarter ended September 30, 2026.\n",
    )
    eps = {(c, p, v) for c, p, _, v in facts if c.startswith("EarningsPerShare")}
    assert eps == {
        ("EarningsPerShareDiluted", Q3_2026, Decimal("0.94")),
        ("EarningsPerShareDiluted", Q3_2025, Decimal("0.67")),
    }


def test_the_alternative_of_a_comparative_without_a_period_is_left_out(tmp_path: Path) -> None:
    """ "compared to $13.8 million, or $0.31 per diluted share." with no period: neither
    figure is placed; the per-share alternative does not fall back to the value's quarter,
    where it would contradict the table's $0.58."""
    conversion = convert(
        _written(
            tmp_path,
            _RESULTS_LEAD + "- Net income was $25.7 million, or $0.58 per diluted share, compared"
            " to $13.8 million, or $0.31 per diluted share.\n",
        ),
        ConvertOptions(formats=("xml",)),
    )
    records = {r.printed: (r.status, r.context, r.reason) for r in conversion.report.text_figures}
    assert records["$0.58 per diluted share"][1] == "D2026-07-01_2026-09-30"
    status, context, reason = records["$0.31 per diluted share"]
    assert (status, context) == ("not a fact", None)
    assert "comparative" in reason and "disagrees" not in reason
    assert records["$13.8 million"][:2] == ("not a fact", None)


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("heading", ["January–December 2025", "Jan-Dec 2025"])
def test_a_heading_naming_months_dates_the_bullets_under_it(tmp_path: Path, heading: str) -> None:
    """A year-end report's highlights: bullets under "Fourth quarter 2025" are the quarter's,
    those under "January–December 2025" the year's, whatever the report's latest quarter."""
    path = _written(
        tmp_path,
        "Ekholm Kemi AB (publ)\n\nYear-end report January–December 2025\n\n"
        "Stockholm, 5 February 2026 -- Ekholm Kemi AB (publ) (Nasdaq Stockholm: EKHO) publishes"
        " its year-end report for 2025.\n\n"
        "Fourth quarter 2025\n\n"
        "- Net sales increased by 8.3% to SEK 3,482 m (3,215).\n\n"
        f"{heading}\n\n"
        "- Net sales increased by 6.8% to SEK 13,674 m (12,806).\n\n"
        "Key figures\n\n"
        "SEK m                  Oct-Dec     Oct-Dec     Jan-Dec     Jan-Dec\n"
        "                         2025        2024        2025        2024\n"
        "Net sales               3,482       3,215      13,674      12,806\n"
        "Operating profit          454         365       1,773       1,499\n",
    )
    report = convert(path, ConvertOptions(formats=("xml",))).report
    placed = {r.printed: r.context for r in report.text_figures}
    assert placed["SEK 3,482 m"] == "D2025-10-01_2025-12-31"
    assert placed["SEK 13,674 m"] == "D2025-01-01_2025-12-31"
    assert placed["12,806"] == "D2024-01-01_2024-12-31"


@pytest.mark.parametrize(
    "heading",
    [
        "Fourth quarter and full year 2025 results",
        "Q4 and Full Year 2025 Highlights",
        "Full year and fourth quarter 2025",
        "Fourth Quarter and Fiscal Year 2025 Highlights",
    ],
)
def test_a_heading_naming_the_quarter_and_the_year_dates_figures_as_the_text_last_did(
    tmp_path: Path, heading: str
) -> None:
    """Under a heading naming the fourth quarter and the full year, a figure that names
    neither is in the one the section's text last named: the year after "Full year revenue
    of ...", the quarter after "Fourth quarter revenue was ..." (the quarter's column of
    the table would disagree with the year's figures, and the other way round)."""
    path = _written(
        tmp_path,
        f"Aurelian Biologics plc\n\n{heading}\n\n"
        "Cambridge, UK, 19 February 2026: Aurelian Biologics plc (LSE: AURB) today announces"
        " its results for the fourth quarter and the year ended 31 December 2025.\n\n"
        "- Full year revenue of $1,538.4m\n"
        "- Operating profit of $253.0m (2024: $178.6m)\n\n"
        "Fourth quarter revenue was $412.7m. Operating profit was $76.3m.\n\n"
        "Income statement\n\n"
        "$m                 Q4 2025    Q4 2024    FY 2025    FY 2024\n"
        "Revenue              412.7      365.2    1,538.4    1,390.6\n"
        "Operating profit      76.3       50.3      253.0      178.6\n",
    )
    report = convert(path, ConvertOptions(formats=("xml",))).report
    placed = {r.printed: r.context for r in report.text_figures}
    assert placed == {
        "$1,538.4m": "D2025-01-01_2025-12-31",
        "$253.0m": "D2025-01-01_2025-12-31",
        "$178.6m": "D2024-01-01_2024-12-31",
        "$412.7m": "D2025-10-01_2025-12-31",
        "$76.3m": "D2025-10-01_2025-12-31",
    }
    assert not [f for f in report.findings if "text-vs-table" in str(f)]


@pytest.mark.parametrize(
    ("bullet", "concept", "value"),
    [
        ("Backlog at September 30, 2026 was $86.4 million.", "Backlog", "86400000"),
        (
            "Order backlog reached a record $4.21 billion as of September 30, 2026.",
            "Backlog",
            "4210000000",
        ),
        ("Revenue backlog of $1.12 billion at September 30, 2026.", "Backlog", "1120000000"),
        ("Net cash of $22.4 million at September 30, 2026.", "NetCash", "22400000"),
    ],
)
def test_backlog_and_net_cash_are_balances_of_their_own(
    tmp_path: Path, bullet: str, concept: str, value: str
) -> None:
    """Backlog and net cash, as releases state them: balances at the date (own concepts),
    never the period's revenue nor the cash flow's "net cash provided"."""
    facts = _prose_facts(tmp_path, [bullet])
    assert facts == {(concept, "2026-09-30", USD, Decimal(value))}


# --- a change dated by the words of its subject -----------------------------------------

_YEAR_END_LEAD = (
    "Verdant Harvest Foods Reports Fourth Quarter and Full Year 2026 Results\n\n"
    "CHICAGO, Feb. 4, 2027 -- Verdant Harvest Foods, Inc. (Nasdaq: VHF) today reported"
    " results for the fourth quarter and full year ended December 31, 2026.\n\n"
)
Q4_2026, YEAR_2026 = "2026-10-01/2026-12-31", "2026-01-01/2026-12-31"
PURE = "xbrli:pure"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Fourth quarter net sales rose 6.2% to $1,148.7 million.",
            {
                ("RevenueFromContractWithCustomerExcludingAssessedTax", Q4_2026, USD, "1148700000"),
                ("RevenuesPercentChangeFromPriorYear", Q4_2026, PURE, "0.062"),
            },
        ),
        (
            "Full-year revenue increased 14.2% to $5.0 million.",
            {
                ("Revenues", YEAR_2026, USD, "5000000"),
                ("RevenuesPercentChangeFromPriorYear", YEAR_2026, PURE, "0.142"),
            },
        ),
        (
            "Q4 revenue grew 12% to $5.0 million.",
            {
                ("Revenues", Q4_2026, USD, "5000000"),
                ("RevenuesPercentChangeFromPriorYear", Q4_2026, PURE, "0.12"),
            },
        ),
        (
            "Revenue for the fourth quarter decreased 3.5% to $5.0 million.",
            {
                ("Revenues", Q4_2026, USD, "5000000"),
                ("RevenuesPercentChangeFromPriorYear", Q4_2026, PURE, "-0.035"),
            },
        ),
        # No period named with the subject: what the change compares with is not said.
        ("Revenue increased 14.2% to $5.0 million.", {("Revenues", Q4_2026, USD, "5000000")}),
    ],
)
def test_a_change_of_the_period_its_subject_names_is_against_a_year_earlier(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    """ "Fourth quarter net sales rose 6.2%", "Full-year revenue increased 14.2%": the period
    before (or right after) the line item dates the change, which compares with the same
    period a year earlier when the sentence names no other."""
    facts = _converted(tmp_path, _YEAR_END_LEAD + f"- {sentence}\n")
    assert facts == {(c, p, u, Decimal(v)) for c, p, u, v in expected}


# --- a figure of a part is not the whole's ------------------------------------------------

_PART_SENTENCES = [
    "Sales in Europe rose 9% to $210.3 million.",
    "Revenue in North America was $210.3 million.",
    "Revenue in the Asia Pacific region was $210.3 million.",
    "Operating income in the Industrial segment was $210.3 million.",
    "Revenue in our industrial segment was $210.3 million.",
    "Revenue from Services was $210.3 million.",
    "Revenue at Northwind Logistics was $210.3 million.",
    "Asia Pacific revenue increased to $210.3 million.",
    # A name, then words in lower case saying which product, then words saying when.
    "India biodiesel annual revenues increased 20% to $210.3 million.",
    "California ethanol revenues were $210.3 million.",
    # The amount's holder, the subject of its verb, is not the issuer.
    "The company's advertising offerings generated $210.3 million in revenue.",
    # The subject of the verb that reports the figure is a part: a division, a subsidiary
    # or a business by a name that is not the issuer's.
    "The Northwind Medical division (NMD) generated revenue of $210.3 million.",
    "The Northwind division, which remains in development, generated revenues of $210.3 million.",
    "Our Northwind subsidiary posted revenue of $210.3 million.",
    "Northwind delivered record revenue of $210.3 million in the third quarter, up 14%.",
    "Northwind reported a 14% growth of revenue to $210.3 million, with online revenue up 18%"
    " to $80.0 million.",
]
_WHOLE_SENTENCES = [
    "Revenue in the third quarter was $210.3 million.",
    "Revenue in Q3 2026 was $210.3 million.",
    "Revenue for the Quarter was $210.3 million.",
    "Revenue for Verdant Harvest Foods was $210.3 million.",
    "Verdant Harvest revenue was $210.3 million.",
    "Revenue for the Company was $210.3 million.",
    "Revenue was $210.3 million.",
    "Our core revenue was $210.3 million.",
    "Verdant Harvest Foods generated $210.3 million in revenue.",
    "The Company reported revenue of $210.3 million.",
    "We generated revenue of $210.3 million.",
    "Verdant Harvest delivered record revenue of $210.3 million.",
    # A release calls its issuer by a common noun too.
    "The Bank reported revenue of $210.3 million.",
    "The Corporation generated revenue of $210.3 million.",
    "The Partnership recorded revenue of $210.3 million.",
]


@pytest.mark.parametrize("sentence", _PART_SENTENCES)
def test_a_phrase_narrowed_to_a_part_makes_no_fact_of_the_whole(
    tmp_path: Path, sentence: str
) -> None:
    """A region, a segment or a business named right before or after the phrase (by a
    preposition and a name, or a part noun) narrows it: the figure is not the issuer's."""
    facts = _prose_facts(tmp_path, ["Net income was $12.0 million.", sentence])
    assert {(c, p, v) for c, p, _, v in facts} == {("NetIncomeLoss", Q3_2026, Decimal("12000000"))}


@pytest.mark.parametrize("sentence", _WHOLE_SENTENCES)
def test_a_period_or_the_issuer_next_to_the_phrase_leaves_it_whole(
    tmp_path: Path, sentence: str
) -> None:
    """A period ("in Q3 2026", "for the Quarter"), the issuer's own name or a neutral word
    after the preposition does not narrow the phrase."""
    facts = _prose_facts(tmp_path, [sentence])
    assert {(c, p, v) for c, p, _, v in facts} == {("Revenues", Q3_2026, Decimal("210300000"))}


def test_mm_after_a_figure_is_millions(tmp_path: Path) -> None:
    """ "Total assets reached $315.9 MM": banks print millions as MM."""
    facts = _prose_facts(tmp_path, ["Total assets reached $315.9 MM at September 30, 2026."])
    assert facts == {("Assets", "2026-09-30", USD, Decimal("315900000"))}


_NINE_MONTHS_2026 = "2026-01-01/2026-09-30"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Net income declined 207% for the third quarter and 111% for the first nine months"
            " to a net loss of $2.1 million and $1.5 million, respectively.",
            {
                ("NetIncomeLoss", Q3_2026, Decimal("-2100000")),
                ("NetIncomeLoss", _NINE_MONTHS_2026, Decimal("-1500000")),
            },
        ),
        (
            "Operating income for the first nine months and for the third quarter was $9.0"
            " million and $3.0 million, respectively.",
            {
                ("OperatingIncomeLoss", _NINE_MONTHS_2026, Decimal("9000000")),
                ("OperatingIncomeLoss", Q3_2026, Decimal("3000000")),
            },
        ),
    ],
    ids=["changes between", "periods first"],
)
def test_respectively_pairs_a_list_of_figures_with_the_periods_named_before_it(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """ "for the third quarter and ... for the first nine months ... $2.1 million and $1.5
    million, respectively": the first figure is the first period's, the second the
    second's, and both are of the subject named before the list."""
    facts = _prose_facts(tmp_path, [sentence])
    assert {(c, p, v) for c, p, _, v in facts} == expected


@pytest.mark.parametrize("name", ["Total debt", "Total borrowings", "Gross debt"])
def test_total_debt_at_a_date(tmp_path: Path, name: str) -> None:
    facts = _prose_facts(
        tmp_path,
        [
            f"{name} was $612.0 million at September 30, 2026, including the Company's"
            " US$300 million 5.875% senior notes due 2031."
        ],
    )
    assert ("DebtLongtermAndShorttermCombinedAmount", "2026-09-30", USD, Decimal("612000000")) in (
        facts
    )


@pytest.mark.parametrize("label", ["9M 2025", "nine months 2025", "first nine months of 2025"])
def test_a_value_takes_the_part_of_the_year_its_comparative_names(
    tmp_path: Path, label: str
) -> None:
    """ "EBIT amounted to $387.5 million (9M 2025: $351.2 million)" in a third-quarter
    release: the value is the nine months to the quarter's end, not the quarter."""
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue of $1.24 billion in the third quarter of 2026.",
            f"Operating income amounted to $387.5 million ({label}: $351.2 million).",
        ],
    )
    assert facts >= {
        ("OperatingIncomeLoss", "2026-01-01/2026-09-30", USD, Decimal("387500000")),
        ("OperatingIncomeLoss", "2025-01-01/2025-09-30", USD, Decimal("351200000")),
    }


@pytest.mark.parametrize(
    ("wording", "concept"),
    [
        ("Order intake of", "OrderIntake"),
        ("Orders received of", "OrderIntake"),
        ("Net income attributable to shareholders of", "NetIncomeLoss"),
        # No noncontrolling interest printed: the parent's net income.
        ("Net profit for the period of", "NetIncomeLoss"),
        (
            "Earnings before taxes of",
            "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        ),
    ],
)
def test_ifrs_and_european_wordings(tmp_path: Path, wording: str, concept: str) -> None:
    facts = _prose_facts(
        tmp_path, [f"{wording} $92.4 million in the third quarter of 2026 (Q3 2025: $80.1 million)"]
    )
    assert facts >= {
        (concept, Q3_2026, USD, Decimal("92400000")),
        (concept, Q3_2025, USD, Decimal("80100000")),
    }


@pytest.mark.parametrize(
    "words", ["corresponding to a margin of", "representing a margin of", "a margin of"]
)
def test_a_margin_named_after_its_measure(tmp_path: Path, words: str) -> None:
    """ "Operating income of $138.9 million, corresponding to a margin of 11.2% (10.4%)": the
    percentage is the operating income's margin, its comparative the year-ago quarter's."""
    facts = _prose_facts(
        tmp_path,
        [
            "Revenue of $1.24 billion in the third quarter of 2026 (Q3 2025: $1.18 billion).",
            f"Operating income of $138.9 million (Q3 2025: $122.7 million), {words} 11.2% (10.4%).",
        ],
    )
    assert facts >= {
        ("OperatingMargin", Q3_2026, "xbrli:pure", Decimal("0.112")),
        ("OperatingMargin", Q3_2025, "xbrli:pure", Decimal("0.104")),
    }


def _japanese_interim(opening: str) -> str:
    """A Japanese issuer's results in English prose (a fiscal year April to March), dated
    by its dateline, with a full-year forecast after its figures."""
    return (
        "Sakuragawa Industries Announces Consolidated Financial Results for the"
        f" {opening.replace('the ', '', 1).title()}\n\n"
        "OSAKA, November 12, 2025 -- Sakuragawa Industries Co., Ltd. (TSE Prime: 7012) today"
        f" announced its consolidated financial results (IFRS) for {opening}.\n\n"
        "Net sales were ¥812.4 billion, compared with ¥774.9 billion a year earlier."
        " Operating profit was ¥61.3 billion, compared with ¥55.0 billion a year earlier.\n\n"
        "As of September 30, 2025, total assets were ¥2,417.8 billion, compared with"
        " ¥2,366.1 billion at March 31, 2025.\n\n"
        "Forecast for the Fiscal Year Ending March 31, 2026\n\n"
        "The Company has revised its full-year forecast: net sales of ¥1,650.0 billion.\n"
    )


JPY = "iso4217:JPY"
FIRST_HALF_2025 = "2025-04-01/2025-09-30"


def _by_period(conversion: Conversion) -> set[tuple[str, str, Decimal]]:
    """(concept, period as "start..end" or the instant, value) of every fact."""
    contexts = {c.id: str(c.period) for c in conversion.facts.contexts}
    return {(f.concept, contexts[f.context], f.value) for f in conversion.facts.facts}


@pytest.mark.parametrize(
    "opening",
    [
        "the first half of the fiscal year ending March 31, 2026"
        " (April 1, 2025 to September 30, 2025)",
        "the first half of the fiscal year ending March 31, 2026",
        "the first half (six months) of the fiscal year ending March 31, 2026",
        "the six months ended September 30, 2025",
    ],
    ids=["half with its dates", "half of the year ending", "half (six months)", "six months"],
)
def test_a_half_of_the_fiscal_year_ending_in_march(tmp_path: Path, opening: str) -> None:
    """ "First half of the fiscal year ending March 31, 2026" is April to September 2025;
    the dateline dates the release, not the year end its title names, so the full-year
    figure after it is a forecast, and the cover is the half's."""
    conversion = convert(_written(tmp_path, _japanese_interim(opening)), ConvertOptions())
    facts = _by_period(conversion)
    assert facts >= {
        (
            "RevenueFromContractWithCustomerExcludingAssessedTax",
            "2025-04-01..2025-09-30",
            Decimal("812400000000"),
        ),
        (
            "RevenueFromContractWithCustomerExcludingAssessedTax",
            "2024-04-01..2024-09-30",
            Decimal("774900000000"),
        ),
        ("OperatingIncomeLoss", "2025-04-01..2025-09-30", Decimal("61300000000")),
        ("Assets", "2025-09-30", Decimal("2417800000000")),
        ("Assets", "2025-03-31", Decimal("2366100000000")),
    }
    year = [(c, v) for c, p, v in facts if p == "2025-04-01..2026-03-31"]
    assert year == [("RevenuesOutlook", Decimal("1650000000000"))]
    cover = {c.concept: c.value for c in conversion.facts.cover}
    assert cover["DocumentPeriodEndDate"] == "2025-09-30"
    assert cover["DocumentFiscalPeriodFocus"] == "H1"
    assert cover["DocumentFiscalYearFocus"] == "2026"


@pytest.mark.parametrize(
    ("opening", "period"),
    [
        ("the first quarter of the fiscal year ending March 31, 2026", "D2025-04-01_2025-06-30"),
        ("the third quarter of the fiscal year ending March 31, 2026", "D2025-10-01_2025-12-31"),
        (
            "the nine months ended December 31, 2025 of the fiscal year ending March 2026",
            "D2025-04-01_2025-12-31",
        ),
        ("the first half of the fiscal year ending June 30, 2026", "D2025-07-01_2025-12-31"),
    ],
    ids=["first quarter", "third quarter", "nine months", "half of a June year"],
)
def test_a_part_of_the_fiscal_year_ending_on_a_date(
    tmp_path: Path, opening: str, period: str
) -> None:
    """A quarter, a half or months "of the fiscal year ending <date>" are that part of the
    year the date ends, as Japanese issuers write their interim periods in English."""
    text = (
        "Example Kogyo Announces Results\n\n"
        "TOKYO, February 6, 2026 -- Example Kogyo Co., Ltd. today announced its consolidated"
        f" results for {opening}.\n\n"
        "Net sales were ¥412.7 billion.\n"
    )
    report = convert(_written(tmp_path, text), ConvertOptions(formats=("xml",))).report
    placed = {r.printed: r.context for r in report.text_figures}
    assert placed == {"¥412.7 billion": period}


@pytest.mark.parametrize(
    ("sentence", "concept", "period", "value"),
    [
        (
            "Basic earnings per share attributable to owners of the parent were ¥88.20.",
            "EarningsPerShareBasic",
            "2025-04-01..2025-09-30",
            Decimal("88.20"),
        ),
        (
            "Total equity attributable to owners of the parent was ¥1,204.6 billion.",
            "StockholdersEquity",
            "2025-09-30",
            Decimal("1204600000000"),
        ),
        (
            "Equity attributable to owners of the parent was ¥1,204.6 billion.",
            "StockholdersEquity",
            "2025-09-30",
            Decimal("1204600000000"),
        ),
        (
            "Profit attributable to owners of the parent was ¥40.2 billion, compared with"
            " ¥35.9 billion in the first half of the previous fiscal year.",
            "NetIncomeLoss",
            "2024-04-01..2024-09-30",
            Decimal("35900000000"),
        ),
        (
            "Basic earnings per share attributable to owners of the parent were ¥88.20,"
            " compared with ¥79.15 in the first half of the previous fiscal year.",
            "EarningsPerShareBasic",
            "2024-04-01..2024-09-30",
            Decimal("79.15"),
        ),
    ],
    ids=["eps", "total equity", "equity", "profit's comparative", "eps comparative"],
)
def test_a_measure_attributable_to_owners_of_the_parent(
    tmp_path: Path, sentence: str, concept: str, period: str, value: Decimal
) -> None:
    """ "Attributable to owners of the parent" after a measure says whose it is (IFRS
    wording): earnings per share and equity stay themselves, not the parent's profit; "the
    first half of the previous fiscal year" dates the comparative a year before the half."""
    text = (
        "Example Denki Announces Results for the First Half of the Fiscal Year Ending"
        " March 31, 2026\n\n"
        "TOKYO, November 10, 2025 -- Example Denki Co., Ltd. today announced its results for"
        " the first half of the fiscal year ending March 31, 2026.\n\n"
        "Net sales were ¥640.3 billion.\n\n"
        f"{sentence}\n"
    )
    conversion = convert(_written(tmp_path, text), ConvertOptions())
    facts = _by_period(conversion)
    assert (concept, period, value) in facts
    assert not any(c == "NetIncomeLoss" and v < 1000 for c, _, v in facts)


@pytest.mark.parametrize(
    ("bracket", "period"),
    [
        ("(¥90.6 billion in the same period of the previous year)", "2024-04-01..2024-09-30"),
        ("(¥90.6 billion in the same period of the prior year)", "2024-04-01..2024-09-30"),
        ("(¥90.6 billion for the six months ended September 30, 2024)", "2024-04-01..2024-09-30"),
    ],
    ids=["previous year", "prior year", "dated"],
)
def test_a_bracketed_comparative_dated_after_its_figure(
    tmp_path: Path, bracket: str, period: str
) -> None:
    """ "Profit before income taxes was ¥104.2 billion (¥90.6 billion in the same period of
    the previous year)": the bracket's figure is the measure in the period it names."""
    text = (
        "Example Seiki Announces Results for the First Half of the Fiscal Year Ending"
        " March 31, 2026\n\n"
        "NAGOYA, November 11, 2025 -- Example Seiki Co., Ltd. today announced its results for"
        " the six months ended September 30, 2025.\n\n"
        f"Net sales were ¥512.0 billion {bracket}.\n"
    )
    conversion = convert(_written(tmp_path, text), ConvertOptions())
    facts = _by_period(conversion)
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert facts >= {
        (revenue, "2025-04-01..2025-09-30", Decimal("512000000000")),
        (revenue, period, Decimal("90600000000")),
    }


# --- comparatives and rates prose-only releases state in running text --------------------
# Expectations name no concept: the value, its unit and its period, written by hand.

_JAPANESE_HALF = (
    "Example Denki Announces Results for the First Half of the Fiscal Year Ending"
    " March 31, 2026\n\n"
    "TOKYO, November 10, 2025 -- Example Denki Co., Ltd. today announced its results for"
    " the first half of the fiscal year ending March 31, 2026.\n\n"
)
_AMERICAN_HALF = (
    "Example Tools Reports Results for the First Half of the Fiscal Year Ending June 30, 2027\n\n"
    "DALLAS, Feb. 4, 2027 -- Example Tools, Inc. today reported results for the first half"
    " of the fiscal year ending June 30, 2027.\n\n"
)
_EUROPEAN_HALF = (
    "Example Werke AG: Interim Report for the Six Months Ended 30 June 2026\n\n"
    "MUNICH, 30 July 2026 -- Example Werke AG today published its interim report for the six"
    " months ended 30 June 2026.\n\n"
)
_SWEDISH_QUARTER = (
    "Interim report January-September 2025\n\nExample Teknik AB (publ)\n\n"
    "Stockholm, 23 October 2025\n\nThe third quarter\n"
)
_JP_H1, _JP_H1_BEFORE = "2025-04-01..2025-09-30", "2024-04-01..2024-09-30"
_US_H1, _US_H1_BEFORE = "2026-07-01..2026-12-31", "2025-07-01..2025-12-31"
_EU_H1, _EU_H1_BEFORE = "2026-01-01..2026-06-30", "2025-01-01..2025-06-30"


def _stated(tmp_path: Path, text: str) -> set[tuple[str, str, Decimal]]:
    """(period, unit, value) of every fact of a release written out as `text`."""
    conversion = convert(_written(tmp_path, text), ConvertOptions())
    contexts = {c.id: str(c.period) for c in conversion.facts.contexts}
    return {(contexts[f.context], f.unit, f.value) for f in conversion.facts.facts}


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _JAPANESE_HALF,
            "Operating profit was ¥98.7 billion, an increase of 12.4% from ¥87.8 billion a year"
            " earlier, and the operating margin improved to 8.0% from 7.5%.",
            {(_JP_H1, "pure", Decimal("0.080")), (_JP_H1_BEFORE, "pure", Decimal("0.075"))},
        ),
        (
            _AMERICAN_HALF,
            "Net income rose 9% year over year to $41.2 million, from $37.8 million.",
            {(_US_H1, "USD", Decimal("41200000")), (_US_H1_BEFORE, "USD", Decimal("37800000"))},
        ),
        (
            _EUROPEAN_HALF,
            "EBIT rose to EUR 45.0 million from EUR 40.9 million in the prior-year period, and"
            " the EBIT margin expanded to 9.5% from 9.1%.",
            {(_EU_H1, "pure", Decimal("0.095")), (_EU_H1_BEFORE, "pure", Decimal("0.091"))},
        ),
    ],
    ids=["yen margin", "dollars after the change", "euro margin"],
)
def test_a_comparative_from_compares_as_its_sentence_does(
    tmp_path: Path, lead: str, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """ "improved to 8.0% from 7.5%": a comparative "from" introduces without a period of
    its own is dated as the sentence's other comparison ("a year earlier")."""
    assert _stated(tmp_path, lead + sentence + "\n") >= expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The operating margin improved to 8.0% from 7.5%.",
        "Net sales were ¥640.3 billion, compared with ¥610.0 billion a year earlier; the"
        " operating margin improved to 8.0% from 7.5%.",
    ],
    ids=["alone", "another clause compares"],
)
def test_a_comparative_from_without_any_period_is_left_out(tmp_path: Path, sentence: str) -> None:
    """No period the comparison is made with in the clause: the earlier figure is no fact."""
    facts = _stated(tmp_path, _JAPANESE_HALF + sentence + "\n")
    assert (_JP_H1, "pure", Decimal("0.080")) in facts
    assert not any(value == Decimal("0.075") for _, _, value in facts)


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _AMERICAN_HALF,
            "Portfolio occupancy was 95.8% at December 31, 2026, compared with 94.9% at"
            " December 31, 2025.",
            {("2026-12-31", "pure", Decimal("0.958")), ("2025-12-31", "pure", Decimal("0.949"))},
        ),
        (
            _EUROPEAN_HALF,
            "The portfolio was 97.1% leased (percent leased 96.4% at 31 December 2025).",
            {("2025-12-31", "pure", Decimal("0.964"))},
        ),
    ],
    ids=["occupancy at two dates", "percent leased at a date"],
)
def test_a_portfolio_occupancy_is_a_share_at_its_date(
    tmp_path: Path, lead: str, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """A REIT's occupancy (or percent leased) is what its portfolio holds at a date: an
    instant at each date the sentence names, never a duration or money."""
    assert _stated(tmp_path, lead + sentence + "\n") >= expected


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _JAPANESE_HALF,
            "The ratio of equity attributable to owners of the parent to total assets was 50.9%"
            " (49.6% at March 31, 2025).",
            {("2025-09-30", "pure", Decimal("0.509")), ("2025-03-31", "pure", Decimal("0.496"))},
        ),
        (
            _EUROPEAN_HALF,
            "The ratio of equity to total assets was 41.3% (39.8% at 31 December 2025).",
            {("2026-06-30", "pure", Decimal("0.413")), ("2025-12-31", "pure", Decimal("0.398"))},
        ),
        (
            _AMERICAN_HALF,
            "The ratio of total equity to total assets was 37.0% (35.5% at June 30, 2026).",
            {("2026-12-31", "pure", Decimal("0.370")), ("2026-06-30", "pure", Decimal("0.355"))},
        ),
    ],
    ids=["yen", "euro", "dollar"],
)
def test_a_ratio_of_balances_and_its_dated_bracket(
    tmp_path: Path, lead: str, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """The equity ratio as IFRS reporters word it: a ratio of balances at the report's end,
    and at the date its bracket names."""
    assert _stated(tmp_path, lead + sentence + "\n") >= expected


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _JAPANESE_HALF,
            "Interest-bearing debt was ¥611.3 billion, compared with ¥640.9 billion at the end"
            " of the previous fiscal year.",
            {
                ("2025-09-30", "JPY", Decimal("611300000000")),
                ("2025-03-31", "JPY", Decimal("640900000000")),
            },
        ),
        (
            _AMERICAN_HALF,
            "Total debt was $1.20 billion, compared with $1.35 billion at the end of the prior"
            " fiscal year.",
            {
                ("2026-12-31", "USD", Decimal("1200000000")),
                ("2026-06-30", "USD", Decimal("1350000000")),
            },
        ),
        (
            _EUROPEAN_HALF,
            "Net debt amounted to EUR 812 million, up from EUR 760 million at the previous"
            " year-end.",
            {
                ("2026-06-30", "EUR", Decimal("812000000")),
                ("2025-12-31", "EUR", Decimal("760000000")),
            },
        ),
    ],
    ids=["yen", "dollar", "euro"],
)
def test_a_balance_at_the_end_of_the_previous_fiscal_year(
    tmp_path: Path, lead: str, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """ "at the end of the previous fiscal year": the last day of the fiscal year before
    the report's, which the release's title gives (March, June, December)."""
    assert _stated(tmp_path, lead + sentence + "\n") >= expected


def test_a_balance_at_the_end_of_a_fiscal_year_the_release_never_dates_is_left_out(
    tmp_path: Path,
) -> None:
    """A quarter's release that says nowhere when its fiscal year ends: the previous fiscal
    year's end is unknown, and the balance there no fact."""
    facts = _stated(
        tmp_path,
        "Example Corp. Reports Third Quarter 2026 Results\n\n"
        "In the third quarter of 2026, revenue was $310.2 million. Total debt was $1.20"
        " billion, compared with $1.35 billion at the end of the previous fiscal year.\n",
    )
    assert ("2026-09-30", "USD", Decimal("1200000000")) in facts
    assert not any(value == Decimal("1350000000") for _, _, value in facts)


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _JAPANESE_HALF,
            "The Company will pay an interim dividend of ¥45 per share (¥40 per share in the"
            " previous fiscal year).",
            {
                (_JP_H1, "JPY_per_share", Decimal("45")),
                (_JP_H1_BEFORE, "JPY_per_share", Decimal("40")),
            },
        ),
        (
            _AMERICAN_HALF,
            "The Board declared an interim dividend of $0.45 per share ($0.40 per share in the"
            " prior fiscal year).",
            {
                (_US_H1, "USD_per_share", Decimal("0.45")),
                (_US_H1_BEFORE, "USD_per_share", Decimal("0.40")),
            },
        ),
        (
            _EUROPEAN_HALF,
            "Net sales were EUR 1,520 million, compared with EUR 1,410 million in the previous"
            " financial year.",
            {(_EU_H1, "EUR", Decimal("1520000000")), (_EU_H1_BEFORE, "EUR", Decimal("1410000000"))},
        ),
    ],
    ids=["yen dividend", "dollar dividend", "euro sales"],
)
def test_a_comparative_in_the_previous_fiscal_year_is_the_same_period_a_year_earlier(
    tmp_path: Path, lead: str, sentence: str, expected: set[tuple[str, str, Decimal]]
) -> None:
    """ "(¥40 per share in the previous fiscal year)": the same period one year earlier."""
    assert _stated(tmp_path, lead + sentence + "\n") >= expected


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            _SWEDISH_QUARTER,
            "- Net sales increased 8% to SEK 4,512 million (4,178). Organic growth was 5%.",
            ("2025-07-01..2025-09-30", "pure", Decimal("0.05")),
        ),
        (
            _EUROPEAN_HALF,
            "Group sales rose to EUR 1,520 million, with organic sales growth of 3.2%.",
            (_EU_H1, "pure", Decimal("0.032")),
        ),
        (
            _AMERICAN_HALF,
            "The company delivered 4.5% organic revenue growth.",
            (_US_H1, "pure", Decimal("0.045")),
        ),
    ],
    ids=["krona", "euro", "dollar"],
)
def test_an_organic_growth_rate_is_the_periods_own(
    tmp_path: Path, lead: str, sentence: str, expected: tuple[str, str, Decimal]
) -> None:
    """Organic growth, stated as a rate, is a figure of the period reported."""
    assert expected in _stated(tmp_path, lead + sentence + "\n")


@pytest.mark.parametrize(
    ("lead", "sentence", "expected"),
    [
        (
            "Example Health Reports Results for the Fiscal Year Ended June 30, 2024\n\n"
            "Example Health Inc. today reported results for the fiscal year ended June 30,"
            " 2024.\n\n",
            "Due to a $13.9 million increase in total operating expenses in fiscal 2024 compared"
            " to the previous fiscal year, the company incurred a net loss of $15.6 million for"
            " fiscal 2024.",
            ("2023-07-01..2024-06-30", "USD", Decimal("-15600000")),
        ),
        (
            _EUROPEAN_HALF,
            "With higher selling expenses in the first half of 2026 compared to the prior year,"
            " the group reported a net loss of EUR 4.2 million.",
            (_EU_H1, "EUR", Decimal("-4200000")),
        ),
    ],
    ids=["dollar", "euro"],
)
def test_the_phrase_nearest_before_a_figure_names_it(
    tmp_path: Path, lead: str, sentence: str, expected: tuple[str, str, Decimal]
) -> None:
    """ "... total operating expenses in fiscal 2024 compared to the previous fiscal year,
    the company incurred a net loss of $15.6 million": of two phrases that could name the
    figure, the one right before it does."""
    assert expected in _stated(tmp_path, lead + sentence + "\n")


# --- what the words around a figure say it is not ----------------------------------------

_PER_SHARE_SUBJECTS = [
    (
        "The earnings per weighted average common share for the third quarter of 2026 were"
        " $0.33 compared to earnings per weighted average common share of $0.37 for the third"
        " quarter of 2025.",
        {
            ("EarningsPerShareBasicAndDiluted", Q3_2026, PER_SHARE, Decimal("0.33")),
            ("EarningsPerShareBasicAndDiluted", Q3_2025, PER_SHARE, Decimal("0.37")),
        },
    ),
    (
        "Earnings per diluted Class A share were $0.45 for the third quarter of 2026.",
        {("EarningsPerShareDiluted", Q3_2026, PER_SHARE, Decimal("0.45"))},
    ),
    (
        "Net income per diluted Class A share was $0.45.",
        {("EarningsPerShareDiluted", Q3_2026, PER_SHARE, Decimal("0.45"))},
    ),
    (
        "Net loss per basic and diluted common share was $0.12.",
        {("EarningsPerShareBasicAndDiluted", Q3_2026, PER_SHARE, Decimal("-0.12"))},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), _PER_SHARE_SUBJECTS)
def test_a_per_share_figure_named_by_its_subject(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, Decimal]]
) -> None:
    """ "per ... share" in the subject, with words between "per" and "share", makes the
    figure the per-share measure of the amount named before "per", never the common
    stock's balance the words "common share" name alone."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts - {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))} == expected


_CHANGE_AMOUNTS = [
    "Average selling price fell from $2.20 to $1.93, together impacting revenues by $4.2 million.",
    "The quarter's increase in total operating expenses also comprised a $3.0 million"
    " increase in selling, general, and administrative expenses.",
    "The remaining increase in operating expenses of $94,604 in 2026 comprised payroll.",
    "The increase in loss from operations was attributed to a decrease in revenue, as well as"
    " an increase in professional fees of $0.8 million related to the Acquisition.",
    "Operating expenses include an increase in selling, general and administrative expenses"
    " of $1.2 million.",
    "The reassessment resulted in a one-time discrete reduction to income tax expense of"
    " $15,194,000 in the third quarter of 2026.",
]


@pytest.mark.parametrize("sentence", _CHANGE_AMOUNTS)
def test_an_amount_a_line_item_changed_by_is_not_its_level(tmp_path: Path, sentence: str) -> None:
    """An amount the sentence says a line item changed or was impacted BY ("impacting
    revenues by", "a $3.0 million increase in", "an increase in operating expenses of",
    "a reduction to income tax expense of") is a change, kept out of the facts."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts == {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))}


def test_the_level_after_a_changed_line_item_is_that_line_item(tmp_path: Path) -> None:
    """ "net income ... was primarily due to an increase in noninterest expense of $300,000 to
    $5,550,000": the level the change reaches is the line item named in the change."""
    facts = _prose_facts(
        tmp_path,
        [
            "The decrease in net income for the third quarter of 2026 was primarily due to an"
            " increase in noninterest expense of $300,000 to $5,550,000 for the third quarter"
            " of 2026 compared with $5,250,000 for the third quarter of 2025."
        ],
    )
    assert facts == {
        ("NoninterestExpense", Q3_2026, USD, Decimal("5550000")),
        ("NoninterestExpense", Q3_2025, USD, Decimal("5250000")),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "On a non-GAAP basis, taking into account these adjustments, operating expenses"
            " were $330,790, non-GAAP operating profit was $84,481.",
            {
                ("NonGaapOperatingExpenses", Q3_2026, USD, Decimal("330790")),
                ("NonGaapOperatingIncome", Q3_2026, USD, Decimal("84481")),
            },
        ),
        (
            "On an adjusted basis, operating expenses were $330,790.",
            {("NonGaapOperatingExpenses", Q3_2026, USD, Decimal("330790"))},
        ),
        # No non-GAAP revenue in the taxonomy: the figure is kept out, not made Revenues.
        ("On an adjusted basis, revenue was $5.0 million.", set()),
    ],
)
def test_line_items_stated_on_a_non_gaap_basis(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, Decimal]]
) -> None:
    """A clause opened by "on a non-GAAP basis" / "on an adjusted basis", or a non-GAAP word a
    few words before the phrase, states the line items the non-GAAP way."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts - {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))} == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Total shareholders' equity increased at September 30, 2026. The improvement in"
        " shareholders' equity was mainly due to quarterly earnings of $1,310,000 through"
        " September 30, 2026.",
    ],
)
def test_the_nearest_words_naming_a_figure_win_over_an_earlier_subject(
    tmp_path: Path, sentence: str
) -> None:
    """ "equity ... was mainly due to quarterly earnings of $1,310,000": past words giving a
    cause, the figure is not the subject's."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts == {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))}


def test_the_words_after_an_amount_name_it_not_an_earlier_subject(tmp_path: Path) -> None:
    """ "with $22M in cash and $45.1M in total debt": the words after each amount name it,
    never the Adjusted EBITDA before it ("cash" alone names no line item)."""
    sentence = (
        "Net debt leverage stood at 1.2x annual Adjusted EBITDA, with $22M in cash and $45.1M"
        " in total debt as of September 30, 2026."
    )
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts == {
        ("NetIncomeLoss", Q3_2026, USD, Decimal("2500000")),
        ("DebtLongtermAndShorttermCombinedAmount", "2026-09-30", USD, Decimal("45100000")),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Company ended the quarter with $45.2 million in cash and cash equivalents.",
            ("CashAndCashEquivalentsAtCarryingValue", "2026-09-30", "45200000"),
        ),
        (
            "We had $45.2 million in cash and cash equivalents at September 30, 2026.",
            ("CashAndCashEquivalentsAtCarryingValue", "2026-09-30", "45200000"),
        ),
        (
            "The Company had $1.2 billion in total debt.",
            ("DebtLongtermAndShorttermCombinedAmount", "2026-09-30", "1200000000"),
        ),
        ("We generated $5.1 million in revenue.", ("Revenues", Q3_2026, "5100000")),
        (
            "We generated $5.1 million in revenue in the third quarter.",
            ("Revenues", Q3_2026, "5100000"),
        ),
    ],
)
def test_a_figure_before_its_line_item_joined_by_in_is_the_line_item_s(
    tmp_path: Path, sentence: str, expected: tuple[str, str, str]
) -> None:
    """ "$45.2 million in cash and cash equivalents": "in" and a line item's name right after
    an amount name it; a balance is at the date the sentence gives, else at the end of the
    period the release reports. A release stating only such sentences is not refused."""
    concept, period, value = expected
    assert _prose_facts(tmp_path, [sentence]) == {(concept, period, USD, Decimal(value))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue was $5.0 million in total.",
        "Revenue increased to a record high of $5.0 million.",
        "Revenue increased by 4% to $5.0 million.",
    ],
)
def test_a_level_stays_the_line_item_s(tmp_path: Path, sentence: str) -> None:
    facts = _prose_facts(tmp_path, [sentence])
    assert facts == {("Revenues", Q3_2026, USD, Decimal("5000000"))}


# --- a noun phrase the amount is a word of, and the direction its words name -------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Words qualifying the noun after the amount name a narrower item than the subject.
        (
            "The largest contributor to the $13.9 million increase in total operating expenses"
            " was a $9.1 million non-cash, share-based compensation expense.",
            set(),
        ),
        (
            "Total operating expenses were $20.0 million, including a $9.1 million impairment"
            " charge.",
            {("OperatingExpenses", Q3_2026, USD, "20000000")},
        ),
        # The noun phrase is the line item's own name.
        (
            "The Company recorded a $2.1 million net loss.",
            {("NetIncomeLoss", Q3_2026, USD, "-2100000")},
        ),
        (
            "Net income was $0.4 million, compared with a $3.3 million net loss in the third"
            " quarter of 2025.",
            {
                ("NetIncomeLoss", Q3_2026, USD, "400000"),
                ("NetIncomeLoss", Q3_2025, USD, "-3300000"),
            },
        ),
        # The subject's last word names the direction opposite to its line item's balance.
        (
            "Income tax benefit was $10.8 million.",
            {("IncomeTaxExpenseBenefit", Q3_2026, USD, "-10800000")},
        ),
        (
            "Income tax expense was $10.8 million.",
            {("IncomeTaxExpenseBenefit", Q3_2026, USD, "10800000")},
        ),
    ],
)
def test_an_amount_inside_a_noun_phrase_is_what_the_phrase_names(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    """ "was a $9.1 million non-cash, share-based compensation expense": an amount between
    an article and a noun phrase is a word of it; the phrase names the figure (a narrower
    item than the subject, or a line item and its sign: "a $3.3 million net loss"), and a
    benefit is the negative of an income tax expense."""
    facts = _prose_facts(tmp_path, ["Revenue was $50.0 million.", sentence])
    assert facts - {("Revenues", Q3_2026, USD, Decimal("50000000"))} == {
        (c, p, u, Decimal(v)) for c, p, u, v in expected
    }


@pytest.mark.parametrize(
    "headline",
    [
        "Strong start to fiscal year 2026",
        "A good start into the financial year 2026",
        "Off to a strong start in FY 2026",
    ],
)
def test_a_headline_naming_the_year_begun_does_not_date_the_quarters_figures(
    tmp_path: Path, headline: str
) -> None:
    """A first-quarter release titled by the year it has begun: a sentence naming no period
    reports the quarter, not the year (which only an outlook could state). A section
    headed by the year is about that year."""
    facts = _converted(
        tmp_path,
        f"# Kessler Antriebstechnik AG: {headline}\n\n"
        "Stuttgart, May 7, 2026 -- Kessler Antriebstechnik AG increased revenue in the first"
        " quarter of 2026 by 8.4% to EUR 148.2 million. Operating cash flow rose to EUR 21.7"
        " million; the EBITDA margin was 15.6%.\n\n"
        "## Fiscal 2026\n\n"
        "Revenue of EUR 600 million to EUR 630 million.\n\n"
        "Key figures Q1 2026\n"
        "in EUR k\tQ1 2026\tQ1 2025\n"
        "Revenue\t148,214\t136,728\n"
        "EBITDA\t23,121\t19,474\n",
    )
    quarter = "2026-01-01/2026-03-31"
    cash = "NetCashProvidedByUsedInOperatingActivities"
    assert (cash, quarter, "iso4217:EUR", Decimal("21700000")) in facts
    assert ("EbitdaMargin", quarter, "xbrli:pure", Decimal("0.156")) in facts
    year = "2026-01-01/2026-12-31"
    assert {f for f in facts if f[1] == year} == {
        ("RevenuesOutlookLow", year, "iso4217:EUR", Decimal("600000000")),
        ("RevenuesOutlookHigh", year, "iso4217:EUR", Decimal("630000000")),
    }


# --- a period word before a line item, a participle's subject, "$X of" a noun phrase ------

_YEAR_END_LEAD = (
    "Verdant Harvest Foods Reports Fourth Quarter and Full Year 2026 Results\n\n"
    "CHICAGO, Feb. 24, 2027 -- Verdant Harvest Foods, Inc. (Nasdaq: VHF) today reported"
    " results for the fourth quarter and full year ended December 31, 2026.\n\n"
)
Q4_2026, FY_2026 = "2026-10-01/2026-12-31", "2026-01-01/2026-12-31"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Annual revenues increased 43% to $268 million.",
            {
                ("Revenues", FY_2026, USD, "268000000"),
                ("RevenuesPercentChangeFromPriorYear", FY_2026, "xbrli:pure", "0.43"),
            },
        ),
        ("Fiscal-year revenue was $268 million.", {("Revenues", FY_2026, USD, "268000000")}),
        ("Annual net income was $12.0 million.", {("NetIncomeLoss", FY_2026, USD, "12000000")}),
        (
            "Revenue was $47.0 million, and annual revenue was $268 million.",
            {
                ("Revenues", Q4_2026, USD, "47000000"),
                ("Revenues", FY_2026, USD, "268000000"),
            },
        ),
    ],
)
def test_a_period_word_before_a_line_item_names_the_fiscal_year(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    """ "Annual revenues increased 43% to $268 million" in a fourth-quarter release: "annual"
    (as "full-year" and "fiscal-year") names the fiscal year, not the quarter the release
    leads with."""
    text = (
        _YEAR_END_LEAD + f"- Gross profit was $9.0 million in the fourth quarter.\n- {sentence}\n"
    )
    facts = _converted(tmp_path, text)
    assert facts - {("GrossProfit", Q4_2026, USD, Decimal("9000000"))} == {
        (c, p, u, Decimal(v)) for c, p, u, v in expected
    }


def test_a_semi_annual_dividend_is_the_quarter_s(tmp_path: Path) -> None:
    """ "semi-annual" is a word of its own: the dividend it names is not the fiscal year's."""
    text = _YEAR_END_LEAD + "- The Board declared a semi-annual dividend of $0.10 per share.\n"
    facts = _converted(tmp_path, text)
    assert facts == {("CommonStockDividendsPerShareDeclared", Q4_2026, PER_SHARE, Decimal("0.1"))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The main clause's subject is a part (a name that is not the issuer's, a segment).
        (
            "The August Holden Torana campaign broke company records, generating $776K in sales"
            " from 10,000 packages.",
            set(),
        ),
        ("Our Widget segment broke records, generating $776K in revenue.", set()),
        # The issuer, or a line item, owns the figures of its participle clause.
        (
            "Verdant Harvest Foods broke records, generating $5.0 million in revenue.",
            {("Revenues", Q3_2026, USD, "5000000")},
        ),
        (
            "Revenue grew 20%, generating $5.0 million in gross profit.",
            {("GrossProfit", Q3_2026, USD, "5000000")},
        ),
    ],
)
def test_a_participle_clause_takes_the_main_clause_s_subject(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    """ "The ... campaign broke company records, generating $776K in sales": the subject of
    "generating" is the main clause's; a part's figure is not the company's revenue."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts - {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))} == {
        (c, p, u, Decimal(v)) for c, p, u, v in expected
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Income tax benefit reflects the sale of $12.3 million of tax credits at the end of"
            " the third quarter of 2026.",
            set(),
        ),
        (
            "Operating expenses reflect $1.2 million of severance payments.",
            set(),
        ),
        # A noun phrase ending in the subject's own noun restates the subject.
        (
            "Revenue: the Company reported $1.6 million of government contract revenues.",
            {("Revenues", Q3_2026, USD, "1600000")},
        ),
        # A period after "of" names nothing.
        (
            "Revenue was $5.0 million of the third quarter of 2026.",
            {("Revenues", Q3_2026, USD, "5000000")},
        ),
    ],
)
def test_an_amount_of_a_noun_phrase_is_what_the_phrase_names(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    """ "the sale of $12.3 million of tax credits": "of" and the noun phrase after an amount
    name it, never the sentence's earlier subject (the income tax benefit)."""
    facts = _prose_facts(tmp_path, ["Net income was $2.5 million.", sentence])
    assert facts - {("NetIncomeLoss", Q3_2026, USD, Decimal("2500000"))} == {
        (c, p, u, Decimal(v)) for c, p, u, v in expected
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Annual recurring revenue was $12.0 million at September 30, 2026.",
        "Annual recurring revenue (ARR) grew 31% to $12.0 million at September 30, 2026.",
    ],
)
def test_annual_recurring_revenue_is_a_run_rate_at_a_date_not_revenue(
    tmp_path: Path, sentence: str
) -> None:
    """ "Annual recurring revenue" is the subscription run rate at a date: neither revenue
    nor a figure of the fiscal year its "annual" would otherwise name."""
    facts = _prose_facts(tmp_path, [sentence, "Revenue was $3.4 million."])
    assert ("AnnualRecurringRevenue", "2026-09-30", USD, Decimal("12000000")) in facts
    assert {c for c, *_ in facts} <= {
        "AnnualRecurringRevenue",
        "Revenues",
        "AnnualRecurringRevenuePercentChangeFromPriorYear",
    }
    assert ("Revenues", Q3_2026, USD, Decimal("3400000")) in facts


@pytest.mark.parametrize("verb", ["increased", "grew", "rose"])
def test_a_year_not_ended_reported_as_past_by_a_change_verb_is_no_outlook(
    tmp_path: Path, verb: str
) -> None:
    """ "Annual revenues increased 43% to $268.0 million" in a third-quarter release reports
    as past a year that has not ended: neither the quarter's revenue nor an outlook, so it
    is left out (no outlook word says it is a forecast)."""
    facts = _prose_facts(
        tmp_path, [f"Annual revenues {verb} 43% to $268.0 million.", "Revenue was $3.4 million."]
    )
    assert facts == {("Revenues", Q3_2026, USD, Decimal("3400000"))}
