"""Corpus truth files: hand-checked facts of real releases must come out of the exporter,
under a concept the truth allows, with their XBRL sign and their dimension member.

The floors are the requirement (every release 90% of its truth facts, the corpus 97%), not
today's counts. Releases below it are listed with what they still get wrong; they are
strict expected failures, so one that reaches the floor fails until it leaves the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cells import fact_set
from truth import score

from exporter.facts import FactSet

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
RELEASE_FLOOR = 0.90
CORPUS_FLOOR = 0.97
# Below the floor, and why: the concept, sign or member the truth wants. Empty today; a
# release that falls below the floor is listed here with its reason, or fixed.
BELOW_FLOOR: dict[str, str] = {}


def _documents() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".htm", ".html", ".pdf"))


def _truth(document: Path) -> Path:
    return CORPUS / "truth" / f"{document.stem}.json"


def _params() -> list:
    return [
        pytest.param(
            p,
            id=p.name,
            marks=[pytest.mark.xfail(reason=BELOW_FLOOR[p.stem], strict=True)]
            if p.stem in BELOW_FLOOR
            else [],
        )
        for p in _documents()
    ]


@pytest.mark.parametrize("document", _params())
def test_truth_facts_are_found(document: Path) -> None:
    result = score(fact_set(document), _truth(document))
    wrong = [(m["label"], m["printed"], why) for m, why in result.wrong]
    missing = [(m["label"], m["period"], m["printed"]) for m in result.missing]
    assert result.ratio >= RELEASE_FLOOR, f"{result.found}/{result.total}; {wrong}; {missing}"


def _corpus_share() -> tuple[int, int]:
    found = total = 0
    for document in _documents():
        result = score(fact_set(document), _truth(document))
        found, total = found + result.found, total + result.total
    return found, total


def test_corpus_wide_share_of_truth_facts_found() -> None:
    """Across every corpus truth file (21 releases), at least 97% of the facts come out."""
    found, total = _corpus_share()
    assert found / total >= CORPUS_FLOOR, f"{found}/{total}"


def test_corpus_share_does_not_fall() -> None:
    """No change may lose a truth fact found today (378 of 384)."""
    found, total = _corpus_share()
    assert len(_documents()) == 21 and total == 384
    assert found >= 378, f"{found}/{total}"


def test_every_truth_fact_states_its_concepts_and_xbrl_value() -> None:
    """Written by hand: a concept set (us-gaap names, the project's own, or '*' for an
    issuer extension), the XBRL value and, for segment figures, the member."""
    for document in _documents():
        for fact in json.loads(_truth(document).read_text(encoding="utf-8"))["facts"]:
            assert fact["concepts"] and "xbrl_value" in fact, (document.name, fact["label"])
            assert abs(fact["xbrl_value"]) == abs(fact["value"])
            assert bool(fact.get("dimension")) == bool(fact.get("member"))


# --- The truth check can fail: a conversion broken on purpose loses its facts. ------------

RELEASE = CORPUS / "apple-fy2011q1.htm"


def _broken(original: FactSet, **change) -> FactSet:
    """The fact set with its facts or contexts replaced (`change`)."""
    return original.model_copy(update=change)


def test_a_renamed_concept_is_a_miss() -> None:
    facts = fact_set(RELEASE)
    renamed = tuple(f.model_copy(update={"concept": "Bogus"}) for f in facts.facts)
    assert score(facts, _truth(RELEASE)).found == 20
    assert score(_broken(facts, facts=renamed), _truth(RELEASE)).found == 0


def test_a_negated_value_is_a_miss() -> None:
    facts = fact_set(RELEASE)
    negated = tuple(f.model_copy(update={"value": -f.value}) for f in facts.facts)
    result = score(_broken(facts, facts=negated), _truth(RELEASE))
    # Only the zeros (none in this release's truth) survive a negation.
    assert result.found == 0
    assert all(why.startswith("sign") for _, why in result.wrong)


def test_a_dropped_member_is_a_miss() -> None:
    document = CORPUS / "bestbuy-fy2024q2.pdf"
    facts = fact_set(document)
    with_member = score(facts, _truth(document))
    plain = tuple(c.model_copy(update={"member": None}) for c in facts.contexts)
    without = score(_broken(facts, contexts=plain), _truth(document))
    assert without.found < with_member.found
    assert any(why.startswith("member") for _, why in without.wrong)
