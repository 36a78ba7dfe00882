"""The narrative stage's facts join the table facts, then every cross-check runs.

`build_facts` calls `add_narrative` once, after the table facts and before the
calculation arcs are checked against all facts: prose facts can thus never make a
published calculation inconsistent (a relation they would break is withdrawn, and
reported, like one two tables disagree on).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.facts.check_inputs import CheckInputs
from exporter.facts.checks import run_checks
from exporter.facts.model import CheckOutcome, FactFootnote, ProseRecord
from exporter.facts.prose import FactBuilder, merge_narrative
from exporter.metadata import DocumentInfo
from exporter.narrative.model import Narrative

# The table duplicates that disagree (reported while the tables were read).
_TABLE_CONFLICT = "fact.inconsistent-duplicate"


class NarrativeOutcome(BaseModel):
    """What the FactSet carries from the narrative and the checks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    checks: tuple[CheckOutcome, ...] = ()
    prose: tuple[ProseRecord, ...] = ()
    footnotes: tuple[FactFootnote, ...] = ()


def add_narrative(
    builder: FactBuilder, narrative: Narrative | None, info: DocumentInfo, duplicates: int
) -> NarrativeOutcome:
    """Merge the narrative's facts into `builder`, run the cross-checks, add their findings."""
    merge = merge_narrative(builder, narrative)
    inputs = CheckInputs(
        source=builder.source,
        facts=tuple(builder.facts),
        contexts=dict(builder.contexts),
        rates=info.exchange_rates,
        taxonomy=builder.taxonomy,
        narrative=narrative,
        merge=merge,
        table_duplicates=duplicates,
        table_conflicts=sum(1 for f in builder.findings if f.code == _TABLE_CONFLICT),
        arcs=tuple(builder.arcs.values()),
    )
    outcomes, findings = run_checks(inputs)
    builder.findings.extend(findings)
    return NarrativeOutcome(checks=outcomes, prose=merge.records, footnotes=merge.footnotes)
