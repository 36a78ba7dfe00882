"""Cross-checks: whether the release agrees with itself, rule by rule.

Each rule is a small function over all facts (tables and prose) that returns how many
comparisons it made and a finding for each that failed, named after what it checks and
listed once in `RULES`. The report shows every rule with its outcome: passed, failed, or
not applicable (nothing to compare in this release). Failures are warnings: the release
is what it is; the exporter never writes two values for one fact.

    check.translation       convenience translations against the stated exchange rate
    check.text-vs-table     figures in the prose against the table facts they round
    check.duplicates        a number printed twice (tables, or paragraphs) agrees
    check.margin            margins and rates against their numerator and denominator
    check.per-ads           per-ADS figures against per-share ones at the ADS ratio
    check.non-gaap          non-GAAP reconciliations add up, period by period
    check.cross-statement   totals across statements: cash flow closing cash vs balance sheet
    check.stated-change     stated % changes against the two figures they compare
    check.share-of-total    stated shares of a total against the part and the total
    check.breakdown         a breakdown's members add up to the total
    check.expense-sign      expenses and costs are not negative (facts/plausibility.py)
    check.per-share-size    per-share amounts are not thousands
    check.one-unit          a concept is stated in one kind of unit
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from exporter.facts import check_rules as rules
from exporter.facts import plausibility
from exporter.facts.check_inputs import CheckInputs, RuleResult, half_unit
from exporter.facts.model import CheckCode, CheckOutcome, CheckStatus, Fact
from exporter.findings import Finding
from exporter.metadata import ExchangeRate


def _twin_unit(unit: str, rate: ExchangeRate) -> str | None:
    if unit == rate.quote:
        return rate.currency
    if unit == f"{rate.quote}_per_share":
        return f"{rate.currency}_per_share"
    return None


def translation(inputs: CheckInputs) -> RuleResult:
    """Each fact in a quote currency against its twin in the base currency, at the stated rate.

    Releases translate line by line and often total the translated lines, so a translated
    total may miss its own rounding by a little: up to one unit of its last printed digit
    passes; more fails.
    """
    findings: list[Finding] = []
    checked = 0
    notes = []
    for rate in inputs.rates:
        count = 0
        for fact in inputs.facts:
            twin_unit = _twin_unit(fact.unit, rate)
            twin = inputs.fact(fact.concept, fact.context, twin_unit) if twin_unit else None
            if twin is None:
                continue
            count += 1
            expected = twin.value / rate.rate
            slack = 2 * half_unit(fact.decimals) + half_unit(twin.decimals) / rate.rate
            if abs(expected - fact.value) > slack:
                findings.append(_off(inputs, fact, twin, rate, expected))
        checked += count
        notes.append(f"{count} {rate.quote} facts at {rate.rate} ({rate.text!r}, line {rate.line})")
    return RuleResult(checked=checked, findings=tuple(findings), note="; ".join(notes))


def _off(
    inputs: CheckInputs, fact: Fact, twin: Fact, rate: ExchangeRate, expected: Decimal
) -> Finding:
    printed = format(fact.value, "f")
    return inputs.finding(
        CheckCode.TRANSLATION,
        f"{fact.concept} in {fact.context}: {printed} {rate.quote} printed, but "
        f"{format(twin.value, 'f')} {rate.currency} / {rate.rate} = {expected:.4f}",
        fact,
        {"printed": printed, "expected": f"{expected:.4f}", "rate": str(rate.rate)},
    )


def text_vs_table(inputs: CheckInputs) -> RuleResult:
    """Each prose figure that restates a table fact agrees with it at the prose's precision
    (the disagreements were reported when the prose met the table)."""
    restated = [r for r in inputs.merge.restatements if r.table]
    failed = sum(not r.agreed for r in restated)
    return RuleResult(
        checked=len(restated), failed=failed, note=f"{failed} of {len(restated)} disagree"
    )


def duplicates(inputs: CheckInputs) -> RuleResult:
    """A number printed more than once (in tables, or in paragraphs) is the same number."""
    prose = [r for r in inputs.merge.restatements if not r.table]
    checked = inputs.table_duplicates + inputs.table_conflicts + len(prose)
    failed = inputs.table_conflicts + sum(not r.agreed for r in prose)
    return RuleResult(
        checked=checked, failed=failed, note=f"{failed} of {checked} repeated printings disagree"
    )


class Rule(BaseModel):
    """A cross-check: its id (the code of its findings), what it checks, its function."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    title: str
    run: Callable[[CheckInputs], RuleResult]


RULES: tuple[Rule, ...] = (
    Rule(
        id=CheckCode.TRANSLATION,
        title="USD convenience translations vs the stated exchange rate",
        run=translation,
    ),
    Rule(
        id=CheckCode.TEXT_VS_TABLE,
        title="figures in the text vs the table facts they round",
        run=text_vs_table,
    ),
    Rule(
        id=CheckCode.DUPLICATES,
        title="numbers printed twice (in tables, in paragraphs) agree",
        run=duplicates,
    ),
    Rule(
        id=CheckCode.MARGIN,
        title="margins and rates vs their numerator and denominator",
        run=rules.margins,
    ),
    Rule(
        id=CheckCode.PER_ADS,
        title="per-ADS vs per-share figures at the ADS ratio",
        run=rules.per_ads,
    ),
    Rule(
        id=CheckCode.NON_GAAP, title="non-GAAP reconciliation arithmetic", run=rules.reconciliations
    ),
    Rule(
        id=CheckCode.CROSS_STATEMENT,
        title="totals across statements (cash flow closing cash vs balance sheet)",
        run=rules.identities,
    ),
    Rule(
        id=CheckCode.STATED_CHANGE,
        title="stated % changes vs the figures they compare",
        run=rules.stated_changes,
    ),
    Rule(
        id=CheckCode.SHARE_OF_TOTAL,
        title="stated shares of a total vs the part and the total",
        run=rules.shares,
    ),
    Rule(
        id=CheckCode.BREAKDOWN,
        title="a breakdown's members add up to its total",
        run=rules.breakdowns,
    ),
    Rule(
        id=CheckCode.EXPENSE_SIGN,
        title="expenses and costs are not stored negative",
        run=plausibility.expense_signs,
    ),
    Rule(
        id=CheckCode.PER_SHARE_SIZE,
        title="per-share amounts are not thousands",
        run=plausibility.per_share_sizes,
    ),
    Rule(
        id=CheckCode.ONE_UNIT,
        title="a concept is stated in one kind of unit",
        run=plausibility.one_unit,
    ),
)


def run_checks(inputs: CheckInputs) -> tuple[tuple[CheckOutcome, ...], list[Finding]]:
    """Every rule's outcome, and the findings of the failed comparisons."""
    outcomes: list[CheckOutcome] = []
    findings: list[Finding] = []
    for rule in RULES:
        result = rule.run(inputs)
        failed = len(result.findings) if result.failed is None else result.failed
        if result.checked == 0:
            status = CheckStatus.NOT_APPLICABLE
        else:
            status = CheckStatus.FAILED if failed else CheckStatus.PASSED
        outcomes.append(
            CheckOutcome(
                id=rule.id,
                title=rule.title,
                status=status,
                checked=result.checked,
                failed=failed,
                note=result.note,
            )
        )
        findings.extend(result.findings)
    return tuple(outcomes), findings
