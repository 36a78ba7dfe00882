"""Stage 4, facts, in four steps: `build_facts` (the tables' rows become facts; see `build`
and `signs`), `merge_prose` (the prose's figures join them; see `prose`), `cross_check`
(whether the release agrees with itself; see `checks`), `keep_calculations_consistent`
(only calculations that hold are published; see `consistency`)."""

from exporter.facts.build import build_facts
from exporter.facts.consistency import keep_calculations_consistent
from exporter.facts.integrate import cross_check
from exporter.facts.model import (
    BuiltFacts,
    CalcArc,
    Context,
    Entity,
    Fact,
    FactSet,
    Unit,
    UnmappedNumber,
)
from exporter.facts.prose import merge_prose

__all__ = [
    "BuiltFacts",
    "CalcArc",
    "Context",
    "Entity",
    "Fact",
    "FactSet",
    "Unit",
    "UnmappedNumber",
    "build_facts",
    "cross_check",
    "keep_calculations_consistent",
    "merge_prose",
]
