"""Plausibility: facts whose values cannot be what the release means, whatever it prints.

A value read with the wrong sign, unit or scale still validates; these rules see it.
Each is a cross-check (see `checks.RULES`): a finding names the fact and where it was
printed, so the reading that caused it can be fixed. A release that really prints such a
value keeps its finding.

    check.expense-sign      an expense or cost stored negative (outside dimensions)
    check.per-share-size    a per-share amount above a few thousand (money read as per share)
    check.one-unit          one concept in two kinds of unit (money and per share, ...)
"""

from __future__ import annotations

from decimal import Decimal

from exporter.facts.check_inputs import CheckInputs, RuleResult
from exporter.facts.model import CheckCode, Fact
from exporter.labels import names_the_other_sign, sign_words

# No listed company's per-share figure comes near this; a money amount read as per
# share does (Amcor's EBITDA in millions under an EPS column).
PER_SHARE_LIMIT = Decimal(5000)


def _plain(inputs: CheckInputs, fact: Fact) -> bool:
    return inputs.contexts[fact.context].member is None


def expense_signs(inputs: CheckInputs) -> RuleResult:
    """An expense or cost (a debit line of a statement's expense sections) is positive in
    XBRL: a negative one is a cost printed in parentheses and kept with the print's sign,
    or a reversal the release really prints. A row whose label prints the other sign
    ("(Reduction) provision for credit losses", "Provision for (reduction of) loan
    losses") announces its reversals: a negative figure there is the release's."""
    expenses = inputs.taxonomy.expense_concepts()
    alternatives = sign_words(inputs.taxonomy.row_kinds.get("sign_alternatives", ()))
    facts = [
        f
        for f in inputs.facts
        if f.concept in expenses
        and _plain(inputs, f)
        and not names_the_other_sign(f.source.label, alternatives)
    ]
    findings = tuple(
        inputs.finding(
            CheckCode.EXPENSE_SIGN,
            f"{f.concept} is {f.value} in {f.context}: an expense stored negative "
            f"(printed {f.source.printed!r})",
            f,
            {"value": str(f.value)},
        )
        for f in facts
        if f.value < 0
    )
    return RuleResult(
        checked=len(facts), findings=findings, note=f"{len(findings)} of {len(facts)} negative"
    )


def per_share_sizes(inputs: CheckInputs) -> RuleResult:
    """A per-share amount above PER_SHARE_LIMIT is money, a count or cents read as per share."""
    facts = [f for f in inputs.facts if f.unit.endswith("_per_share")]
    findings = tuple(
        inputs.finding(
            CheckCode.PER_SHARE_SIZE,
            f"{f.concept} is {f.value} {f.unit} in {f.context}: above {PER_SHARE_LIMIT} per share",
            f,
            {"value": str(f.value), "limit": str(PER_SHARE_LIMIT)},
        )
        for f in facts
        if abs(f.value) > PER_SHARE_LIMIT
    )
    return RuleResult(checked=len(facts), findings=findings)


def _unit_kind(unit: str) -> str:
    """Money in any currency is one kind (convenience translations share a concept)."""
    if unit.endswith("_per_share"):
        return "per share"
    return unit if unit in ("shares", "pure") else "money"


def one_unit(inputs: CheckInputs) -> RuleResult:
    """A concept counts one thing: money, per-share amounts, shares or pure numbers."""
    kinds: dict[str, dict[str, Fact]] = {}
    for fact in inputs.facts:
        kinds.setdefault(fact.concept, {}).setdefault(_unit_kind(fact.unit), fact)
    findings = tuple(
        inputs.finding(
            CheckCode.ONE_UNIT,
            f"{concept} is stated in {' and '.join(sorted(seen))}",
            next(iter(seen.values())),
            {"units": ", ".join(sorted(seen))},
        )
        for concept, seen in sorted(kinds.items())
        if len(seen) > 1
    )
    return RuleResult(checked=len(kinds), findings=findings)
