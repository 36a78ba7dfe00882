"""The cross-checks, a step of their own after the facts of the tables and the prose are in.

They run before the calculations are made consistent (`consistency.
keep_calculations_consistent`), on every fact as the release states it: a prose figure a
printed calculation would keep out is still compared with the tables. Each rule is listed
in the report (`FactSet.checks`) and its failures are findings.
"""

from __future__ import annotations

from exporter.facts.check_inputs import CheckInputs
from exporter.facts.checks import run_checks
from exporter.facts.model import INCONSISTENT_DUPLICATE, BuiltFacts, FactSet
from exporter.metadata import DocumentInfo
from exporter.narrative.model import Narrative
from exporter.taxonomy import Taxonomy


def cross_check(
    built: BuiltFacts,
    narrative: Narrative | None,
    info: DocumentInfo,
    taxonomy: Taxonomy,
    source: str,
) -> FactSet:
    """Whether the release agrees with itself: the facts with each rule's outcome and the
    findings of the rules that failed."""
    facts = built.fact_set()
    inputs = CheckInputs(
        source=source,
        facts=facts.facts,
        contexts={c.id: c for c in built.contexts},
        rates=info.exchange_rates,
        taxonomy=taxonomy,
        narrative=narrative,
        merge=built.merge,
        table_duplicates=facts.duplicate_count,
        table_conflicts=sum(1 for f in facts.findings if f.code == INCONSISTENT_DUPLICATE),
        arcs=built.arcs,
    )
    outcomes, findings = run_checks(inputs)
    return facts.model_copy(
        update={"checks": outcomes, "findings": facts.findings + tuple(findings)}
    )
