"""The taxonomy's prose wordings are general phrasings, not the sample's sentences.

Every template in `taxonomy/narrative.toml` (a concept's templates and the general part
wordings) must read a sentence written the way other issuers' releases phrase it (the
sentences below: none is the sample's, the figures and names are made up), and none may
carry a run of the sample's own words long enough to be its sentence. The sample still
gives these facts (tests/test_narrative_golden.py): through the general wordings, and
through the footnote that defines a marked term.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from exporter.document import Document, Heading, Paragraph
from exporter.metadata import DocumentInfo
from exporter.narrative import Narrative, read_narrative
from exporter.narrative.model import Role
from exporter.narrative.passages import Passage
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable
from exporter.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
NARRATIVE_TOML = ROOT / "taxonomy" / "narrative.toml"
SAMPLE = ROOT / "examples" / "qifu-2024q4.txt"

Q4 = Period(start=date(2024, 10, 1), end=date(2024, 12, 31))
YEAR = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))
H1 = Period(start=date(2024, 1, 1), end=date(2024, 6, 30))
END = Period(start=None, end=date(2024, 12, 31))
REPURCHASE = "Share Repurchase Program"
HIGHLIGHTS = "Fourth Quarter 2024 Highlights"

# (wording, heading, paragraph, concept, period, value): one sentence per wording, in the
# phrasing of releases other than the sample.
SENTENCES = [
    (
        "{value} financial institutional partners",
        HIGHLIGHTS,
        "As of December 31, 2024, the marketplace worked with 58 financial institutional partners.",
        "NumberOfFinancialInstitutionalPartners",
        END,
        "58",
    ),
    (
        "{value} financial institution partners",
        HIGHLIGHTS,
        "The platform was connected to 41 financial institution partners as of December 31, 2024.",
        "NumberOfFinancialInstitutionalPartners",
        END,
        "41",
    ),
    (
        "{value} registered users",
        HIGHLIGHTS,
        "The app had 48.6 million registered users as of December 31, 2024.",
        "CumulativeRegisteredUsers",
        END,
        "48600000",
    ),
    (
        "{value} registered consumers",
        HIGHLIGHTS,
        "We had served 12.3 million registered consumers as of December 31, 2024.",
        "CumulativeRegisteredUsers",
        END,
        "12300000",
    ),
    (
        "originated {value} loans",
        HIGHLIGHTS,
        "In the fourth quarter of 2024, our lending partners originated 3,204,118 loans "
        "through the marketplace.",
        "NumberOfLoansOriginated",
        Q4,
        "3204118",
    ),
    (
        "facilitated {value} loans",
        HIGHLIGHTS,
        "The marketplace facilitated 1,875,406 loans in the fourth quarter of 2024.",
        "NumberOfLoansOriginated",
        Q4,
        "1875406",
    ),
    (
        "{value} loans across {member}",
        HIGHLIGHTS,
        "In the fourth quarter of 2024, this included 412,300 loans across QuickCash.",
        "NumberOfLoansOriginated",
        Q4,
        "412300",
    ),
    (
        "aggregate value of up to {value}",
        REPURCHASE,
        "The board approved a plan under which the Company may buy back ordinary shares with "
        "an aggregate value of up to US$50 million.",
        "StockRepurchaseProgramAuthorizedAmount",
        END,
        "50000000",
    ),
    (
        "repurchase up to {value}",
        REPURCHASE,
        "The Company may repurchase up to US$300 million of its shares.",
        "StockRepurchaseProgramAuthorizedAmount",
        END,
        "300000000",
    ),
    (
        "repurchase program of up to {value}",
        REPURCHASE,
        "The board of directors authorized a share repurchase program of up to US$75 million.",
        "StockRepurchaseProgramAuthorizedAmount",
        END,
        "75000000",
    ),
    (
        "repurchase plan of up to {value}",
        REPURCHASE,
        "The Company announced a share repurchase plan of up to US$120 million.",
        "StockRepurchaseProgramAuthorizedAmount",
        END,
        "120000000",
    ),
    (
        "authorized to repurchase up to {value}",
        REPURCHASE,
        "The Company is authorized to repurchase up to US$200 million of its ADSs.",
        "StockRepurchaseProgramAuthorizedAmount",
        END,
        "200000000",
    ),
    (
        "during the {value} period",
        REPURCHASE,
        "Shares may be bought back under the repurchase program during the 12-month period.",
        "StockRepurchaseProgramPeriodInForce",
        END,
        "12",
    ),
    (
        "over the next {value}",
        REPURCHASE,
        "The repurchase program allows purchases over the next 24 months.",
        "StockRepurchaseProgramPeriodInForce",
        END,
        "24",
    ),
    (
        "within the next {value}",
        REPURCHASE,
        "The Company intends to complete the repurchase within the next 18 months.",
        "StockRepurchaseProgramPeriodInForce",
        END,
        "18",
    ),
    (
        "purchased {value} adss",
        REPURCHASE,
        "In the fourth quarter of 2024, the Company purchased 1,250,000 ADSs under its "
        "repurchase program.",
        "AdsRepurchasedDuringPeriod",
        Q4,
        "1250000",
    ),
    (
        "repurchased {value} adss",
        REPURCHASE,
        "As of December 31, 2024, the Company had repurchased 6,480,000 ADSs under the "
        "repurchase program.",
        "AdsRepurchasedUnderProgramCumulative",
        END,
        "6480000",
    ),
    (
        "purchased {value} ads",
        REPURCHASE,
        "In the fourth quarter of 2024, the Company purchased 1 ADS under the repurchase plan.",
        "AdsRepurchasedDuringPeriod",
        Q4,
        "1",
    ),
    (
        "repurchased {value} ads",
        REPURCHASE,
        "As of December 31, 2024, the Company had repurchased 1 ADS under the repurchase plan.",
        "AdsRepurchasedUnderProgramCumulative",
        END,
        "1",
    ),
    (
        "total amount of {value}",
        REPURCHASE,
        "In the fourth quarter of 2024, the Company bought back shares under the repurchase "
        "program for a total amount of US$21.4 million.",
        "StockRepurchasedDuringPeriodValue",
        Q4,
        "21400000",
    ),
    (
        "total consideration of {value}",
        REPURCHASE,
        "As of December 31, 2024, shares had been bought back under the repurchase program "
        "for a total consideration of US$96.0 million.",
        "StockRepurchasedUnderProgramCumulativeValue",
        END,
        "96000000",
    ),
    (
        "aggregate amount of {value}",
        REPURCHASE,
        "In the fourth quarter of 2024, the Company bought back shares under the repurchase "
        "program for an aggregate amount of US$8.2 million.",
        "StockRepurchasedDuringPeriodValue",
        Q4,
        "8200000",
    ),
    (
        "repurchased shares totaling {value}",
        HIGHLIGHTS,
        "In the first half of 2024, the Group repurchased shares totaling HK$96 million.",
        "StockRepurchasedDuringPeriodValue",
        H1,
        "96000000",
    ),
    (
        "repurchased {value} of common stock",
        HIGHLIGHTS,
        "During the fourth quarter of 2024, the company repurchased $350 million of common "
        "stock under its repurchase authorization.",
        "StockRepurchasedDuringPeriodValue",
        Q4,
        "350000000",
    ),
    (
        "repurchased {value} of its common stock",
        HIGHLIGHTS,
        "In 2024, the company repurchased $1.2 billion of its common stock.",
        "StockRepurchasedDuringPeriodValue",
        YEAR,
        "1200000000",
    ),
    (
        "repurchased {figure} shares for {value}",
        HIGHLIGHTS,
        "In 2024, the Group repurchased 12.5 million shares for US$310 million.",
        "PaymentsForRepurchaseOfCommonStock",
        YEAR,
        "310000000",
    ),
    (
        "repurchased {figure} common shares for {value}",
        HIGHLIGHTS,
        "The insurer repurchased 0.6 million common shares for $51.8 million in 2024.",
        "PaymentsForRepurchaseOfCommonStock",
        YEAR,
        "51800000",
    ),
    (
        "repurchased {figure} shares of its common stock for {value}",
        HIGHLIGHTS,
        "In the fourth quarter of 2024 the retailer repurchased 1.9 million shares of its"
        " common stock for $112.4 million.",
        "PaymentsForRepurchaseOfCommonStock",
        Q4,
        "112400000",
    ),
    (
        "repurchased {figure} shares at a cost of {value}",
        HIGHLIGHTS,
        "During the first half of 2024 we repurchased 3,204,117 shares at a cost of EUR 41.0"
        " million.",
        "PaymentsForRepurchaseOfCommonStock",
        H1,
        "41000000",
    ),
    (
        "paid {value} in dividends",
        HIGHLIGHTS,
        "In 2024, we returned US$1.4 billion to shareholders and paid US$500 million in dividends.",
        "PaymentsOfDividends",
        YEAR,
        "500000000",
    ),
    (
        "paid {value} in cash dividends",
        HIGHLIGHTS,
        "In the first half of 2024, the Group paid HK$120 million in cash dividends.",
        "PaymentsOfDividends",
        H1,
        "120000000",
    ),
    (
        "distributed {value} in dividends",
        HIGHLIGHTS,
        "The bank distributed EUR 85 million in dividends in the first half of 2024.",
        "PaymentsOfDividends",
        H1,
        "85000000",
    ),
    (
        "distributed {value} in cash dividends",
        HIGHLIGHTS,
        "So far this year, the Group has distributed HK$215 million in cash dividends.",
        "PaymentsOfDividends",
        YEAR,
        "215000000",
    ),
    (
        "average price of {value}",
        REPURCHASE,
        "In the fourth quarter of 2024, the Company bought back ADSs under the repurchase "
        "program at an average price of US$17.12.",
        "AverageRepurchasePricePerAds",
        Q4,
        "17.12",
    ),
    (
        "{value} cash from operations",
        HIGHLIGHTS,
        "The Company generated RMB812.0 million cash from operations in the fourth quarter "
        "of 2024.",
        "NetCashProvidedByUsedInOperatingActivities",
        Q4,
        "812000000",
    ),
    (
        "{value} in cash from operations",
        HIGHLIGHTS,
        "We produced RMB45.2 million in cash from operations in the fourth quarter of 2024.",
        "NetCashProvidedByUsedInOperatingActivities",
        Q4,
        "45200000",
    ),
    (
        "{value} of operating cash flow",
        HIGHLIGHTS,
        "The business delivered RMB1.1 billion of operating cash flow in 2024.",
        "NetCashProvidedByUsedInOperatingActivities",
        YEAR,
        "1100000000",
    ),
    (
        "{figure} of {whole} was under {part}",
        HIGHLIGHTS,
        "Loan facilitation and origination volume was RMB30,000 million in the fourth quarter "
        "of 2024. RMB12,400 million of such volume was under the capital-light model.",
        "LoanFacilitationAndOriginationVolumeCapitalLightModel",
        Q4,
        "12400000000",
    ),
    (
        "{figure} of {whole} were under {part}",
        HIGHLIGHTS,
        "The outstanding loan balance was RMB9,000 million as of December 31, 2024. "
        "RMB3,100 million of the outstanding balances were under the capital light model.",
        "OutstandingLoanBalanceCapitalLightModel",
        END,
        "3100000000",
    ),
    (
        "{figure} of {whole} came from {part}",
        HIGHLIGHTS,
        "Loan facilitation and origination volume was RMB30,000 million in the fourth quarter "
        "of 2024. RMB9,600 million of this volume came from the capital-light model.",
        "LoanFacilitationAndOriginationVolumeCapitalLightModel",
        Q4,
        "9600000000",
    ),
    (
        "{figure} of {whole} was through {part}",
        HIGHLIGHTS,
        "Loan facilitation and origination volume was RMB30,000 million in the fourth quarter "
        "of 2024. RMB8,800 million of the quarter's volume was through the capital-light model.",
        "LoanFacilitationAndOriginationVolumeCapitalLightModel",
        Q4,
        "8800000000",
    ),
    (
        "{figure} of {whole} was attributable to {part}",
        HIGHLIGHTS,
        "The outstanding loan balance was RMB9,000 million as of December 31, 2024. "
        "RMB2,700 million of the balance was attributable to the capital-light model.",
        "OutstandingLoanBalanceCapitalLightModel",
        END,
        "2700000000",
    ),
    (
        "organic growth of {value}",
        HIGHLIGHTS,
        "Revenue rose in the fourth quarter of 2024, with organic growth of 4.1%.",
        "OrganicRevenueGrowth",
        Q4,
        "0.041",
    ),
    (
        "{value} organic growth",
        HIGHLIGHTS,
        "The fourth quarter of 2024 brought 3% organic growth across the group.",
        "OrganicRevenueGrowth",
        Q4,
        "0.03",
    ),
    (
        "organic sales growth of {value}",
        HIGHLIGHTS,
        "For the full year 2024 the group reported organic sales growth of 6.5%.",
        "OrganicRevenueGrowth",
        YEAR,
        "0.065",
    ),
    (
        "{value} organic sales growth",
        HIGHLIGHTS,
        "In the fourth quarter of 2024, the segments delivered 2.4% organic sales growth.",
        "OrganicRevenueGrowth",
        Q4,
        "0.024",
    ),
    (
        "organic revenue growth of {value}",
        HIGHLIGHTS,
        "Full year 2024 net revenue increased, including organic revenue growth of 7%.",
        "OrganicRevenueGrowth",
        YEAR,
        "0.07",
    ),
    (
        "{value} organic revenue growth",
        HIGHLIGHTS,
        "The company achieved 5.2% organic revenue growth in the fourth quarter of 2024.",
        "OrganicRevenueGrowth",
        Q4,
        "0.052",
    ),
]


def _table() -> StatementTable:
    """One quarter column: the report's own period, as the tables would give it."""
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


def _narrative(heading: str, *paragraphs: str) -> Narrative:
    blocks: list[Heading | Paragraph] = [Heading(text=heading, line=1)]
    blocks += [Paragraph(text=p, line=i + 2) for i, p in enumerate(paragraphs)]
    document = Document(source="t.txt", format="text", blocks=tuple(blocks))
    return read_narrative(document, (_table(),), DocumentInfo(currency="CNY"), load_taxonomy())


def _values(narrative: Narrative) -> set[tuple[str, Period, Decimal]]:
    return {(f.concept, f.period, f.value) for f in narrative.facts if f.role is Role.VALUE}


def _taxonomy_wordings() -> list[str]:
    data = tomllib.loads(NARRATIVE_TOML.read_text(encoding="utf-8"))
    entries = data.get("concept", []) + data.get("prose", [])
    wordings = [t for entry in entries for t in entry.get("templates", [])]
    return wordings + list(data["narrative"]["part_templates"])


@pytest.mark.parametrize(
    ("wording", "heading", "paragraph", "concept", "period", "value"),
    SENTENCES,
    ids=[s[0] for s in SENTENCES],
)
def test_each_wording_reads_a_sentence_not_the_sample_s(
    wording: str, heading: str, paragraph: str, concept: str, period: Period, value: str
) -> None:
    assert (concept, period, Decimal(value)) in _values(_narrative(heading, paragraph))


def test_every_wording_of_the_taxonomy_has_such_a_sentence() -> None:
    assert set(_taxonomy_wordings()) == {s[0] for s in SENTENCES}


def test_a_wording_two_concepts_share_goes_to_the_one_that_takes_the_figure() -> None:
    narrative = _narrative(
        HIGHLIGHTS,
        "For the fourth quarter of 2024, the Company paid US$0.52 per share in dividends.",
    )
    assert _values(narrative) == {("CommonStockDividendsPerShareDeclared", Q4, Decimal("0.52"))}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def _literal_runs(wording: str, part_names: list[str]) -> list[list[str]]:
    """A wording's words between its slots (a part's names filled in)."""
    texts = [wording.replace("{part}", name) for name in part_names] or [wording]
    return [
        _words(piece) for text in texts for piece in re.split(r"\{\w+\}", text) if piece.strip()
    ]


# A general phrasing is a few words around the figure; six of the sample's words in a row
# are its sentence ("of such loan volume was under capital-light model, ICE and ...").
_SENTENCE_RUN = 6


def test_no_wording_holds_a_run_of_the_sample_s_words() -> None:
    data = tomllib.loads(NARRATIVE_TOML.read_text(encoding="utf-8"))
    part_names = [n for c in data.get("concept", []) for n in c.get("part_names", [])]
    sample = " ".join(_words(SAMPLE.read_text(encoding="utf-8")))
    too_long = []
    for wording in _taxonomy_wordings():
        for run in _literal_runs(wording, part_names if "{part}" in wording else []):
            for i in range(len(run) - _SENTENCE_RUN + 1):
                if f" {' '.join(run[i : i + _SENTENCE_RUN])} " in f" {sample} ":
                    too_long.append(wording)
    assert too_long == []


def test_the_whole_s_head_noun_picks_the_part() -> None:
    volume = _narrative(
        HIGHLIGHTS, "RMB5,000 million of such loan volume was under the capital-light model."
    )
    balance = _narrative(
        HIGHLIGHTS, "RMB5,000 million of such loan balance was under the capital-light model."
    )
    amount = Decimal("5000000000")
    assert _values(volume) == {
        ("LoanFacilitationAndOriginationVolumeCapitalLightModel", Q4, amount)
    }
    assert _values(balance) == {("OutstandingLoanBalanceCapitalLightModel", END, amount)}


def test_a_percentage_in_a_part_wording_is_the_part_s_share_of_its_total() -> None:
    narrative = _narrative(
        HIGHLIGHTS,
        "As of December 31, 2024, about 61% of the loan balance was under the capital-light model.",
    )
    shares = {(f.concept, f.value) for f in narrative.facts if f.role is Role.SHARE}
    assert shares == {("OutstandingLoanBalanceCapitalLightModelPercentOfTotal", Decimal("0.61"))}


@pytest.mark.parametrize(
    "sentence",
    [
        "In the fourth quarter of 2024, the board authorized a new $2 billion share repurchase "
        "program.",
        "In the fourth quarter of 2024, the board declared a $0.25 dividend.",
    ],
)
def test_an_amount_that_names_a_program_or_a_declaration_is_not_a_payment(sentence: str) -> None:
    concepts = {f.concept for f in _narrative(HIGHLIGHTS, sentence).facts}
    assert not concepts & {"PaymentsOfDividends", "StockRepurchasedDuringPeriodValue"}


@pytest.mark.parametrize(
    "sentence",
    [
        "In the fourth quarter of 2024, the quarterly common share dividend was $0.25.",
        "In the fourth quarter of 2024, the board declared a common share dividend of $0.25.",
        "In the fourth quarter of 2024, the board declared a common-share dividend of $0.25.",
    ],
)
def test_a_phrase_right_before_another_modifies_it_and_names_no_figure(sentence: str) -> None:
    """ "common share dividend": the compound is a dividend (its head noun comes last), not
    the common stock's balance."""
    facts = {(f.concept, f.value) for f in _narrative(HIGHLIGHTS, sentence).facts}
    assert facts == {("CommonStockDividendsPerShareDeclared", Decimal("0.25"))}


@pytest.mark.parametrize(
    "sentence",
    [
        "The common stock (CVLY) was trading at US$18.25 on December 31, 2024.",
        "On December 31, 2024, the common stock traded at US$18.25.",
        "The ordinary shares closed the year with a closing price of US$18.25.",
    ],
)
def test_a_share_s_price_is_not_the_common_stock_s_balance(sentence: str) -> None:
    """ "The common stock was trading at $18.25": a price one share changes hands at,
    never the balance of common stock the phrase would name."""
    concepts = {f.concept for f in _narrative(HIGHLIGHTS, sentence).facts}
    assert "CommonStockValue" not in concepts


def test_a_part_wording_needs_the_total_s_head_noun() -> None:
    narrative = _narrative(
        HIGHLIGHTS, "RMB5,000 million of such revenue was under the capital-light model."
    )
    assert _values(narrative) == set()


# --- a footnote that defines the term its mark sits on ----------------------------------


@pytest.mark.parametrize(
    "mark",
    ["^{*1}", "\u00b9", "*\u00b9", "*1"],
    ids=["markdown", "superscript", "printed star and superscript", "star and digit"],
)
def test_a_footnote_defining_a_marked_term_names_the_figure_before_it(mark: str) -> None:
    narrative = _narrative(
        HIGHLIGHTS,
        f"As of December 31, 2024, the app had reached 73.5 million members{mark}, cumulatively.",
        "1 Refers to cumulative registered users of the app.",
    )
    assert _values(narrative) == {("CumulativeRegisteredUsers", END, Decimal("73500000"))}


@pytest.mark.parametrize(
    ("paragraph", "footnote"),
    [
        # The footnote does not define the term: it details it.
        (
            "As of December 31, 2024, the app had reached 73.5 million members^{*1}.",
            "1 Including 5.2 million members of the partner program.",
        ),
        # The footnote defines a term no wording of the taxonomy names.
        (
            "As of December 31, 2024, the app had reached 73.5 million members^{*1}.",
            "1 Refers to people who opened the app at least once.",
        ),
        # The mark is not on the words right after the figure.
        (
            "As of December 31, 2024, the app had reached 73.5 million, counting all members^{*1}.",
            "1 Refers to cumulative registered users of the app.",
        ),
    ],
    ids=["detail", "unknown term", "not after the figure"],
)
def test_other_footnotes_name_no_figure(paragraph: str, footnote: str) -> None:
    assert _values(_narrative(HIGHLIGHTS, paragraph, footnote)) == set()


def _stop_words() -> list[str]:
    """The words of narrative.toml whose full stop ends no sentence, read from the file."""
    words = tomllib.loads(NARRATIVE_TOML.read_text(encoding="utf-8"))["narrative"]
    return [*words["legal_forms"], *words["abbreviations"]]


@pytest.mark.parametrize("word", _stop_words())
@pytest.mark.parametrize("spelling", [str.title, str.upper, str.lower])
def test_the_stop_of_an_abbreviation_ends_no_sentence(word: str, spelling: Callable) -> None:
    text = (
        f"Revenue was $5.0 million at {spelling(word)}. Smith Works. Net income was $1.0 million."
    )
    passage = Passage(text=text, lines=((0, 1),), section="")
    stops = load_taxonomy().narrative.words.stops
    sentences = [text[a:b] for a, b in passage.sentences(stops)]
    assert sentences == [
        f"Revenue was $5.0 million at {spelling(word)}. Smith Works.",
        "Net income was $1.0 million.",
    ]


@pytest.mark.parametrize("word", ["Group", "year", "Company", "U.S.A", "Q4"])
def test_the_stop_after_another_word_ends_a_sentence(word: str) -> None:
    text = f"Revenue grew across the {word}. Net income was $1.0 million."
    passage = Passage(text=text, lines=((0, 1),), section="")
    stops = load_taxonomy().narrative.words.stops
    assert len(passage.sentences(stops)) == 2


def test_an_initial_ends_no_sentence() -> None:
    text = "Chief Executive Officer John A. Smith said revenue rose. Net income fell."
    passage = Passage(text=text, lines=((0, 1),), section="")
    assert len(passage.sentences(frozenset())) == 2
