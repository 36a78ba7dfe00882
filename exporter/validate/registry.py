"""The ordered registry of instance rules and the loop that runs them.

Order matters only for reading the report: structure first (schema, contexts, units),
then facts against concepts, then duplicates and calculations. A rule that needs the
DTS is skipped when the DTS could not be loaded; a rule of the exporter's profile runs
only under `Profile.EXPORTER`, a calculation rule only in its mode; `checks` lists only
rules that ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from exporter.findings import Finding
from exporter.validate import (
    calc_rules,
    cycle_rules,
    declaration_rules,
    definition_rules,
    footnote_rules,
    instance_rules,
    label_rules,
    lax_rules,
    role_rules,
)
from exporter.validate.linkbase_schema import linkbase_validity
from exporter.validate.options import Calc, Profile
from exporter.validate.subject import Subject
from exporter.validate.xmlschema import schema_validity, taxonomy_schema_validity


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check over a bound instance."""

    id: str
    check: Callable[[Subject], Iterable[Finding]]
    needs_dts: bool = True
    profile: Profile = Profile.SPEC
    calc: Calc | None = None  # None: whatever the mode

    def applies(self, subject: Subject) -> bool:
        """Whether this rule runs on `subject` (its DTS, profile and calculation mode)."""
        if self.needs_dts and subject.dts is None:
            return False
        if self.profile == Profile.EXPORTER and subject.profile != Profile.EXPORTER:
            return False
        return self.calc is None or self.calc == subject.calc


# Rules over the taxonomy alone: they also run when a schema or linkbase is validated.
DTS_RULES: tuple[Rule, ...] = (
    Rule("xbrl.schema-documents", declaration_rules.schema_documents),
    Rule("xbrl.item-declarations", declaration_rules.item_declarations),
    Rule("xbrl.tuple-declarations", declaration_rules.tuple_declarations),
    Rule("xbrl.lax-values", lax_rules.lax_values),
    Rule("xbrl.linkbase-schema", linkbase_validity),
    Rule("xbrl.role-refs", instance_rules.role_refs, needs_dts=False),
    Rule("xbrl.role-declarations", role_rules.role_declarations),
    Rule("xbrl.role-ref-targets", role_rules.role_ref_targets),
    Rule("xbrl.role-uses", role_rules.role_uses),
    Rule("xbrl.linkbase-ref-roles", role_rules.linkbase_ref_roles),
    Rule("xbrl.resource-arcs", label_rules.resource_arcs),
    Rule("xbrl.preferred-labels", label_rules.preferred_labels),
    Rule("xbrl.balance-weight", calc_rules.balance_weights),
    Rule("xbrl.summation-endpoints", calc_rules.summation_endpoints),
    Rule("xlink.arc-duplicates", instance_rules.arc_duplicates),
    Rule("xbrl.arc-cycles", cycle_rules.arc_cycles),
    Rule("xbrl.essence-alias-concepts", definition_rules.essence_alias_concepts),
    Rule("calc11.relationships", calc_rules.calc_relationships, calc=Calc.C11),
)

# When a schema or linkbase is validated on its own: its schemas compiled whole first.
TAXONOMY_RULES: tuple[Rule, ...] = (
    Rule("xbrl.taxonomy-schema", taxonomy_schema_validity),
    *DTS_RULES,
)

RULES: tuple[Rule, ...] = (
    Rule("xbrl.schema", schema_validity),
    Rule("xbrl.ids", instance_rules.unique_ids, needs_dts=False),
    Rule("xbrl.period", instance_rules.periods, needs_dts=False),
    Rule("exporter.entity-scheme", instance_rules.entity_schemes, False, Profile.EXPORTER),
    Rule("xbrl.duplicate-contexts", instance_rules.duplicate_contexts, needs_dts=False),
    Rule("xbrl.unit-measures", instance_rules.unit_measures, needs_dts=False),
    Rule("xbrl.duplicate-units", instance_rules.duplicate_units, needs_dts=False),
    Rule("xbrl.concepts", instance_rules.concepts),
    Rule("xbrl.context-content", instance_rules.context_content),
    Rule("xbrl.context-ref", instance_rules.context_refs),
    Rule("xbrl.unit-ref", instance_rules.unit_refs),
    Rule("xbrl.footnotes", footnote_rules.footnote_links),
    Rule("xbrl.tuple-facts", declaration_rules.tuple_fact_attributes),
    Rule("xbrl.decimals", instance_rules.accuracy),
    Rule("xbrl.value", instance_rules.values),
    Rule("xbrl.nil", instance_rules.nils),
    Rule("xbrl.period-type", instance_rules.period_types),
    Rule("xbrl.unit-type", instance_rules.unit_types),
    Rule("exporter.unit-type", instance_rules.registry_unit_types, profile=Profile.EXPORTER),
    *DTS_RULES,
    Rule("xbrl.essence-alias", definition_rules.essence_alias_facts),
    Rule("xbrl.requires-element", definition_rules.requires_element),
    Rule("xbrl.duplicates", calc_rules.duplicate_facts),
    Rule("exporter.excess-digits", calc_rules.excess_digits, profile=Profile.EXPORTER),
    Rule("calc10.summation", calc_rules.summations_c10, calc=Calc.C10),
    Rule("calc11.rounding", calc_rules.rounding, calc=Calc.C11),
)


def run_rules(subject: Subject, rules: tuple[Rule, ...] = RULES) -> tuple[list[Finding], list[str]]:
    """Findings of every applicable rule, and the ids of the rules that ran, in order."""
    findings: list[Finding] = []
    ran: list[str] = []
    for rule in rules:
        if not rule.applies(subject):
            continue
        findings.extend(rule.check(subject))
        ran.append(rule.id)
    return findings, ran
