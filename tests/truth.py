"""Scoring a conversion against a corpus truth file (hand-checked facts of a real release).

A truth fact is found when a fact (or a consistent duplicate of one) has the truth's period,
unit and value and was printed on a row whose label reads like the truth's label. Values
compare by XBRL sign convention: truth files keep the printed sign, so a deduction printed
"(68)" may be a positive fact; such matches are counted, and listed, as sign-flipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from exporter.facts import FactSet
from exporter.labels import label_tokens

UNITS = {"USD": ("USD",), "USD/share": ("USD_per_share",), "shares": ("shares",), "pure": ("pure",)}


@dataclass
class Score:
    total: int = 0
    found: int = 0
    flipped: list[dict] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.found / self.total if self.total else 1.0


def _similar(a: str, b: str) -> bool:
    ta, tb = set(label_tokens(a)), set(label_tokens(b))
    if not ta or not tb:
        return True
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.5


def _period_key(start: str | None, end: str) -> tuple[date | None, date]:
    return (date.fromisoformat(start) if start else None, date.fromisoformat(end))


def _candidates(facts: FactSet):
    periods = {c.id: (c.period.start, c.period.end) for c in facts.contexts}
    for fact in facts.facts:
        for source in (fact.source, *fact.duplicates):
            yield periods[fact.context], fact.unit, fact.value, source.label


def score(facts: FactSet, truth_path: Path) -> Score:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    index: dict[tuple, list[tuple[Decimal, str]]] = {}
    for period, unit, value, label in _candidates(facts):
        index.setdefault((period, unit), []).append((value, label))
    result = Score()
    for expected in truth["facts"]:
        result.total += 1
        key_period = _period_key(expected["period_start"], expected["period_end"])
        value = Decimal(str(expected["value"]))
        options = [
            (v, label)
            for unit in UNITS[expected["unit"]]
            for v, label in index.get((key_period, unit), [])
            if abs(v) == abs(value) and _similar(label, expected["label"])
        ]
        if any(v == value for v, _ in options):
            result.found += 1
        elif options:
            result.found += 1
            result.flipped.append(expected)
        else:
            result.missing.append(expected)
    return result
