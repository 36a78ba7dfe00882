"""Issuer and listing from a release's opening lines, as real releases print them."""

from __future__ import annotations

import pytest

from exporter.document import Document, Heading, Paragraph
from exporter.metadata import read_metadata
from exporter.taxonomy import load_taxonomy


def _document(*blocks: Heading | Paragraph) -> Document:
    return Document(source="r.pdf", format="pdf", blocks=blocks)


CASES = [
    # a dateline read as a heading (PDF), the name before the listing
    (
        [Heading(text="PepsiCo, Inc. (NASDAQ: PEP) today reported results for", line=3)],
        "PepsiCo, Inc.",
        "PEP",
    ),
    # bullets naming the period before the dateline ("2022 Fourth-Quarter reported ...")
    (
        [
            Paragraph(text="• 2022 Fourth-Quarter reported sales decline of 4.4%", line=2),
            Paragraph(
                text="New Brunswick, N.J. (January 24, 2023) – Johnson & Johnson (NYSE: JNJ) "
                "today announced results",
                line=5,
            ),
        ],
        "Johnson & Johnson",
        "JNJ",
    ),
    # a name that starts in lower case
    (
        [
            Heading(
                text="eBay Inc. Reports Better Than Expected First Quarter 2023 Results", line=1
            ),
            Paragraph(text="SAN JOSE, Calif. -- eBay Inc. (Nasdaq: EBAY) today reported", line=4),
        ],
        "eBay Inc.",
        "EBAY",
    ),
    # a wire service's dateline glued to the name by dashes, an ampersand in the name
    (
        [
            Paragraph(
                text="BRENTWOOD, Tenn.--(BUSINESS WIRE)--December 4, 2025--Harlow & Finch"
                " Stores, Inc. (NYSE: HFS) today reported results",
                line=2,
            )
        ],
        "Harlow & Finch Stores, Inc.",
        "HFS",
    ),
    # other identifiers after the listing, in the same parenthesis
    (
        [
            Paragraph(
                text="FRANKFURT, 5 November 2026 -- Brenner Industrie AG (Frankfurt Stock"
                " Exchange: BRNA; ISIN DE000BRN4711) today published its results",
                line=2,
            )
        ],
        "Brenner Industrie AG",
        "BRNA",
    ),
    # an exchange's disclaimer first, the name a heading of its own above its stock code
    (
        [
            Paragraph(
                text="Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong"
                " Kong Limited take no responsibility for the contents of this announcement.",
                line=1,
            ),
            Heading(text="JADE HARBOUR PACKAGING HOLDINGS LIMITED", line=3),
            Paragraph(text="(Incorporated in the Cayman Islands with limited liability)", line=5),
            Paragraph(text="(Stock Code: 2318)", line=6),
        ],
        "JADE HARBOUR PACKAGING HOLDINGS LIMITED",
        "2318",
    ),
    # the name in capitals in the title, as the text spells it after
    (
        [
            Paragraph(text="PEOPLES TRUST CORPORATION REPORTS RESULTS FOR 2024", line=1),
            Paragraph(
                text="Peoples Trust Corporation (OTCQX: PTCX) announced earnings for the year.",
                line=3,
            ),
        ],
        "Peoples Trust Corporation",
        "PTCX",
    ),
]


@pytest.mark.parametrize(
    ("blocks", "issuer", "ticker"),
    CASES,
    ids=["heading", "bullets", "camel", "wire", "isin", "disclaimer", "capitals"],
)
def test_issuer_and_listing(blocks, issuer: str, ticker: str) -> None:
    info = read_metadata(_document(*blocks), load_taxonomy())
    assert info.issuer == issuer
    assert info.listings[0].ticker == ticker


def test_a_period_phrase_is_never_the_issuer() -> None:
    blocks = [Paragraph(text="• 2023 First-Quarter reported sales growth of 5.6%", line=2)]
    assert read_metadata(_document(*blocks), load_taxonomy()).issuer is None


CURRENCY_CASES = {
    "stated, then bare dollars": (
        "All figures are in Australian dollars unless otherwise stated. Revenue rose 7.4% to"
        " $1,842.7 million and net profit to $214.6 million; the interim dividend is $0.42.",
        "AUD",
    ),
    "own sign once, then bare dollars": (
        "Revenue rose to A$1.84 billion. Net profit was $214.6 million and cash $512.0 million.",
        "AUD",
    ),
    "stated after the code": (
        "EUR, unless otherwise indicated. Revenue of $12.0 million from the US business.",
        "EUR",
    ),
    "a US release naming another dollar": (
        "Revenue was $1.2 billion; sales in Australian dollars fell as the Australian dollars"
        " weakened, and net income was $210 million, or $1.05 per share.",
        "USD",
    ),
    # two dollars written by their signs: a bare one is no evidence of either, so the
    # US dollar, as the bare sign is read elsewhere
    "US and Hong Kong dollar signs": (
        "Revenue of HK$8.1 billion (US$1.04 billion); profit of $120 million.",
        "USD",
    ),
    # a code inside a word is none: "UNAUDITED" holds "AUD"
    "a code inside a word": (
        "UNAUDITED INTERIM RESULTS (UNAUDITED). Revenue rose to EUR 12.0 million.",
        "EUR",
    ),
    "a currency's letter as its sign": (
        "UNAUDITED RESULTS. Revenue up 6% to R12.4 billion (2024: R11.7 billion).",
        "ZAR",
    ),
}


@pytest.mark.parametrize("case", sorted(CURRENCY_CASES))
def test_the_release_currency_where_dollars_are_bare(case: str) -> None:
    text, expected = CURRENCY_CASES[case]
    info = read_metadata(_document(Paragraph(text=text, line=3)), load_taxonomy())
    assert info.currency == expected


@pytest.mark.parametrize(
    ("blocks", "issuer"),
    [
        # a regulatory news service's number before the name: "4821K" is no part of it
        (
            [Paragraph(text="RNS Number : 4821K Harrowfield Group plc 23 July 2025", line=1)],
            "Harrowfield Group plc",
        ),
        # every opening line read as a heading, the name with its "(publ)"
        (
            [
                Heading(text="Fjallmark Industrier AB (publ) Interim report 2025", line=1),
                Heading(text="Stockholm, 23 October 2025 - Fjallmark Industrier AB (publ)", line=3),
            ],
            "Fjallmark Industrier AB",
        ),
    ],
    ids=["news-service-number", "headings-only"],
)
def test_issuer_without_a_listing(blocks, issuer: str) -> None:
    assert read_metadata(_document(*blocks), load_taxonomy()).issuer == issuer


def test_a_currency_sign_ending_in_a_point_is_a_word_of_its_own() -> None:
    """ "Rs." is the rupee only as a word of its own, never the end of "years."."""
    text = (
        "Gulfstone reported revenue of AED 4.86 billion, its best result in four years."
        " Margins were the highest in ten years. Orders were the strongest in five years."
    )
    info = read_metadata(_document(Paragraph(text=text, line=1)), load_taxonomy())
    assert info.currency == "AED"


RATE_CASES = {
    "one unit first, a rate after it": (
        "at the rate of EUR 1 = USD 1.0813.",
        "USD",
        "EUR",
        "1.0813",
    ),
    "one unit with decimals first": ("translated at USD 1.00 = EUR 0.9248", "EUR", "USD", "0.9248"),
    "signs joined to the numbers": ("at US$1.00 = RMB7.2993, the rate", "CNY", "USD", "7.2993"),
    "the rate first": ("at a rate of RMB 7.2993 to US$1.00 as of", "CNY", "USD", "7.2993"),
    "the rate in words": ("at a rate of 1.0813 US dollars per euro.", "USD", "EUR", "1.0813"),
    "one for one": ("EUR 1 = USD 1 for illustration", "EUR", "USD", "1"),
}


@pytest.mark.parametrize(("text", "base", "quote", "rate"), RATE_CASES.values(), ids=RATE_CASES)
def test_a_convenience_rate_in_either_direction(
    text: str, base: str, quote: str, rate: str
) -> None:
    """A rate is `rate` units of one currency to one unit of the other, whichever of them
    the sentence names first; the one unit is never the first digit of the rate ("USD
    1.0813" is no "USD 1")."""
    info = read_metadata(_document(Paragraph(text=f"Amounts were {text}", line=1)), load_taxonomy())
    assert [(r.currency, r.quote, str(r.rate)) for r in info.exchange_rates] == [
        (base, quote, rate)
    ]


@pytest.mark.parametrize(
    "text", ["Revenue of $5 per share rose 3%.", "Margins were 1 to 2 points higher."]
)
def test_no_rate_where_a_sentence_states_none(text: str) -> None:
    info = read_metadata(_document(Paragraph(text=text, line=1)), load_taxonomy())
    assert info.exchange_rates == ()
