"""Every concept of the taxonomy that is not marked as the project's own is a real us-gaap
element with the element's period type, balance and item type; an own concept does not
borrow a us-gaap name.

Data vendors join press-release facts to the issuer's later 10-Q and 10-K facts by concept
name: a name that looks like us-gaap but is not one, or one whose balance differs, joins
wrongly. `fixtures/us-gaap/elements.csv` is the list (see its README for where it came
from); it has no dei or srt rows, and the taxonomy uses none of their names.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from exporter.taxonomy import Concept, ConceptType, load_taxonomy

ELEMENTS = Path(__file__).parent / "fixtures" / "us-gaap" / "elements.csv"
ITEM_TYPES = {
    ConceptType.MONETARY: "monetaryItemType",
    ConceptType.PER_SHARE: "perShareItemType",
    ConceptType.SHARES: "sharesItemType",
    ConceptType.PERCENT: "percentItemType",
    ConceptType.PURE: "pureItemType",
    ConceptType.DECIMAL: "decimalItemType",
    ConceptType.STRING: "stringItemType",
}
# Elements the list (2024/2025) no longer holds, used for periods before they were
# withdrawn (`in_force_until`). Written by hand from the us-gaap 2017 element list.
WITHDRAWN = {
    "SalesRevenueNet": ("monetaryItemType", "duration", "credit"),
}


def _elements() -> dict[str, dict[str, str]]:
    with ELEMENTS.open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def _standard() -> list[Concept]:
    concepts = load_taxonomy().concepts.values()
    return [c for c in concepts if not c.abstract and not c.own]


def _differences(concept: Concept, element: dict[str, str]) -> list[str]:
    """How the concept differs from the element (an empty attribute in the list is unknown)."""
    found = []
    if ITEM_TYPES[concept.type] != element["type"]:
        found.append(f"type {concept.type} is {element['type']}")
    if element["period_type"] and element["period_type"] != concept.period:
        found.append(f"period {concept.period} is {element['period_type']}")
    balance = concept.balance.value if concept.balance else "none"
    if element["balance"] and element["balance"] != balance:
        found.append(f"balance {balance} is {element['balance']}")
    return found


def test_every_standard_concept_is_a_us_gaap_element() -> None:
    elements = _elements()
    missing = [c.name for c in _standard() if c.name not in elements and c.name not in WITHDRAWN]
    assert not missing, f"not us-gaap elements (mark them own = true or rename): {missing}"


def test_standard_concepts_have_the_elements_attributes() -> None:
    elements = _elements()
    for name, (kind, period, balance) in WITHDRAWN.items():
        elements.setdefault(name, {"type": kind, "period_type": period, "balance": balance})
    wrong = {c.name: d for c in _standard() if (d := _differences(c, elements[c.name]))}
    assert not wrong


def test_withdrawn_elements_are_used_only_before_their_withdrawal() -> None:
    concepts = load_taxonomy().concepts
    for name in WITHDRAWN:
        if name in concepts:
            assert concepts[name].in_force_until is not None, name


def test_own_concepts_do_not_borrow_a_us_gaap_name() -> None:
    elements = _elements()
    own = [c.name for c in load_taxonomy().concepts.values() if c.own]
    assert own, "the sample's loan-facilitation lines are the project's own concepts"
    assert not [name for name in own if name in elements]


@pytest.mark.parametrize(
    ("name", "period", "balance"),
    [
        ("NetIncomeLossAttributableToNoncontrollingInterest", "duration", "debit"),
        ("NetCashProvidedByUsedInOperatingActivities", "duration", None),
        ("DepreciationDepletionAndAmortization", "duration", "debit"),
        ("Assets", "instant", "debit"),
    ],
)
def test_known_elements_as_the_fasb_defines_them(
    name: str, period: str, balance: str | None
) -> None:
    """A few attributes written by hand from the FASB taxonomy, not from the list."""
    concept = load_taxonomy().concepts[name]
    assert concept.period == period
    assert (concept.balance.value if concept.balance else None) == balance
    assert not concept.own
