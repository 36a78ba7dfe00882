"""Stage 4, facts: see `build` for how rows become facts and `signs` for how signs are set."""

from exporter.facts.build import build_facts
from exporter.facts.model import CalcArc, Context, Entity, Fact, FactSet, Unit, UnmappedNumber

__all__ = [
    "CalcArc",
    "Context",
    "Entity",
    "Fact",
    "FactSet",
    "Unit",
    "UnmappedNumber",
    "build_facts",
]
