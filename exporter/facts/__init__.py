"""Stage 4, facts, in three steps: `build_facts` (the tables' rows and the prose's figures
become facts; see `build`, `prose` and `signs`), `cross_check` (whether the release agrees
with itself; see `checks`), `keep_calculations_consistent` (only calculations that hold are
published; see `consistency`)."""

from exporter.facts.build import BuiltFacts, build_facts
from exporter.facts.consistency import keep_calculations_consistent
from exporter.facts.integrate import cross_check
from exporter.facts.model import CalcArc, Context, Entity, Fact, FactSet, Unit, UnmappedNumber

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
]
