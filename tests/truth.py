"""Scoring a conversion against a corpus truth file (hand-checked facts of a real release).

Each truth fact states its period, unit and printed value, and (written by hand, checked
against the us-gaap element list and, for Apple, the issuer's own 10-Q tags) the concepts
that may carry it, its XBRL value (the printed value with the sign the concept's balance
gives it: a cost printed "(68)" is 68) and, for segment or category figures, the dimension
member. A truth fact is found when a fact (or a consistent duplicate of one) has its
period, unit and exact XBRL value, one of its concepts ("*" accepts an issuer extension
concept, for lines no us-gaap element states), its member where it has one, and was
printed on a row whose label reads like the truth's. A fact under another concept, with
the other sign or without the member is a miss, and the score says which.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from exporter.facts import FactSet

UNITS = {"USD": ("USD",), "USD/share": ("USD_per_share",), "shares": ("shares",), "pure": ("pure",)}
EXTENSION = "*"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Score:
    total: int = 0
    found: int = 0
    missing: list[dict] = field(default_factory=list)
    # Facts found by value and period, but under another concept, sign or member: why.
    wrong: list[tuple[dict, str]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.found / self.total if self.total else 1.0


@dataclass(frozen=True)
class _Candidate:
    concept: str
    extension: bool
    value: Decimal
    label: str
    member: str | None


def _words(text: str) -> set[str]:
    """Lower-case words of a label, without parenthesised footnote marks like "(1)"."""
    text = re.sub(r"\(\s*\w\s*\)", " ", text.lower())
    return set(_WORD.findall(text))


def _similar(a: str, b: str) -> bool:
    ta, tb = _words(a), _words(b)
    if not ta or not tb:
        return True
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.5


def _period_key(start: str | None, end: str) -> tuple[date | None, date]:
    return (date.fromisoformat(start) if start else None, date.fromisoformat(end))


def _index(facts: FactSet) -> dict[tuple, list[_Candidate]]:
    contexts = {c.id: c for c in facts.contexts}
    extensions = {c.name for c in facts.extensions}
    index: dict[tuple, list[_Candidate]] = {}
    for fact in facts.facts:
        context = contexts[fact.context]
        key = ((context.period.start, context.period.end), fact.unit)
        member = context.member.label if context.member else None
        for source in (fact.source, *fact.duplicates):
            index.setdefault(key, []).append(
                _Candidate(
                    fact.concept, fact.concept in extensions, fact.value, source.label, member
                )
            )
    return index


def _concept_fits(candidate: _Candidate, concepts: list[str]) -> bool:
    return candidate.concept in concepts or (EXTENSION in concepts and candidate.extension)


def _member_fits(candidate: _Candidate, member: str | None) -> bool:
    if member is None:
        return True
    return candidate.member is not None and _words(member) <= _words(candidate.member)


def _why_not(expected: dict, options: list[_Candidate], value: Decimal) -> str:
    """What the facts with the truth's number got wrong."""
    concepts, member = expected["concepts"], expected.get("member")
    if not any(_concept_fits(c, concepts) for c in options):
        return f"concept {sorted({c.concept for c in options})}, expected {concepts}"
    fitting = [c for c in options if _concept_fits(c, concepts)]
    if not any(c.value == value for c in fitting):
        return f"sign {fitting[0].value}, expected {value}"
    return f"member {sorted({str(c.member) for c in fitting})}, expected {member}"


def score(facts: FactSet, truth_path: Path) -> Score:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    index = _index(facts)
    result = Score()
    for expected in truth["facts"]:
        result.total += 1
        key_period = _period_key(expected["period_start"], expected["period_end"])
        value = Decimal(str(expected["xbrl_value"]))
        options = [
            c
            for unit in UNITS[expected["unit"]]
            for c in index.get((key_period, unit), [])
            if abs(c.value) == abs(value) and _similar(c.label, expected["label"])
        ]
        right = [
            c
            for c in options
            if c.value == value
            and _concept_fits(c, expected["concepts"])
            and _member_fits(c, expected.get("member"))
        ]
        if right:
            result.found += 1
        elif options:
            result.wrong.append((expected, _why_not(expected, options, value)))
        else:
            result.missing.append(expected)
    return result
