"""The cross-check rules that compare facts with each other (see `checks` for the registry).

All arithmetic is on intervals: a fact stands for every value its `decimals` allow
(4,482.3 million is 4,482.25 to 4,482.35 million), so a check fails only when no values
the printed figures allow make the relation hold. The relations come from the taxonomy
(`taxonomy/narrative.toml`: ratios, per-ADS pairs, identities, reconciliation statements)
and from what the prose says (stated changes and shares, breakdowns).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from exporter.facts.check_inputs import CheckInputs, Interval, RuleResult, interval, overlaps
from exporter.facts.model import CheckCode, Fact
from exporter.findings import Finding
from exporter.narrative.model import Comparison, Role


def _scaled(values: Interval, factor: Decimal) -> Interval:
    low, high = values[0] * factor, values[1] * factor
    return (low, high) if low <= high else (high, low)


def _divide(a: Interval, b: Interval) -> Interval | None:
    if b[0] <= 0 <= b[1]:
        return None
    quotients = [x / y for x in a for y in b]
    return min(quotients), max(quotients)


def _sum(parts: list[tuple[Fact, int]]) -> Interval:
    low = high = Decimal(0)
    for fact, weight in parts:
        part = _scaled(interval(fact), Decimal(weight))
        low, high = low + part[0], high + part[1]
    return low, high


def _of(inputs: CheckInputs, concept: str) -> Iterator[Fact]:
    """Facts of `concept`, or of a concept the release's structure chose for it."""
    taxonomy = inputs.taxonomy
    return (f for f in inputs.facts if concept in (f.concept, taxonomy.general(f.concept)))


def _show(values: Interval, percent: bool = False) -> str:
    if percent:
        return f"{values[0] * 100:.2f}%..{values[1] * 100:.2f}%"
    return f"{values[0]:f}..{values[1]:f}"


def _pair(inputs: CheckInputs, first: str, second: str, context: str) -> tuple[Fact, Fact] | None:
    """Facts of two concepts in one context and one unit (the first unit both have)."""
    units = sorted({f.unit for f in _of(inputs, first) if f.context == context})
    for unit in units:
        a, b = inputs.fact(first, context, unit), inputs.fact(second, context, unit)
        if a is not None and b is not None:
            return a, b
    return None


def margins(inputs: CheckInputs) -> RuleResult:
    """A margin or rate the release prints equals its numerator over its denominator
    (net income margin = net income / total net revenue)."""
    checked, findings = 0, []
    for ratio in inputs.taxonomy.narrative.ratios:
        for fact in _of(inputs, ratio.concept):
            pair = _pair(inputs, ratio.numerator, ratio.denominator, fact.context)
            computed = _divide(interval(pair[0]), interval(pair[1])) if pair else None
            if pair is None or computed is None:
                continue
            checked += 1
            if not overlaps(interval(fact), computed):
                findings.append(
                    inputs.finding(
                        CheckCode.MARGIN,
                        f"{fact.concept} in {fact.context} is {fact.value * 100}%, but "
                        f"{ratio.numerator} / {ratio.denominator} is {_show(computed, True)}",
                        fact,
                        {"printed": str(fact.value), "computed": _show(computed)},
                    )
                )
    return RuleResult(checked=checked, findings=tuple(findings))


def per_ads(inputs: CheckInputs) -> RuleResult:
    """Per-ADS amounts are the ADS ratio times the per-share amounts; ADS counts are the
    share counts over it. Needs the ratio the release states (or shows by a pair)."""
    ratio = inputs.narrative.ads_ratio if inputs.narrative else None
    if ratio is None:
        return RuleResult(checked=0, note="the release states no ADS ratio")
    shares = ratio.shares_per_ads
    checked, findings = 0, []
    for pair in inputs.taxonomy.narrative.per_ads:
        for ads in _of(inputs, pair.ads):
            share = inputs.fact(pair.share, ads.context, ads.unit)
            if share is None:
                continue
            checked += 1
            if pair.measure == "amount":
                expected, printed, fact = _scaled(interval(share), shares), interval(ads), ads
            else:
                expected, printed, fact = _scaled(interval(ads), shares), interval(share), share
            if not overlaps(printed, expected):
                findings.append(
                    inputs.finding(
                        CheckCode.PER_ADS,
                        f"{fact.concept} in {fact.context} is {fact.value}, but {shares} x "
                        f"the {'per-share' if pair.measure == 'amount' else 'ADS'} figure is "
                        f"{_show(expected)}",
                        fact,
                        {"printed": str(fact.value), "expected": _show(expected)},
                    )
                )
    how = "stated" if ratio.stated else "shown"
    note = f"{shares} shares per ADS, {how} at line {ratio.line}: {ratio.text!r}"
    return RuleResult(checked=checked, findings=tuple(findings), note=note)


def _relation_findings(
    inputs: CheckInputs, code: str, total: Fact, parts: list[tuple[Fact, int]]
) -> Finding | None:
    computed = _sum(parts)
    if overlaps(interval(total), computed):
        return None
    names = ", ".join(f.concept for f, _ in parts)
    return inputs.finding(
        code,
        f"{total.concept} in {total.context} is {total.value:f}, but {names} sum to "
        f"{_show(computed)}",
        total,
        {"printed": str(total.value), "computed": _show(computed)},
    )


def reconciliations(inputs: CheckInputs) -> RuleResult:
    """Each non-GAAP measure equals its GAAP measure plus the adjustments the release's
    reconciliation table prints, in every period where it prints all of them."""
    roles: set[str] = set()
    for kind in inputs.taxonomy.narrative.reconciliation_statements:
        statement = inputs.taxonomy.statement(kind)
        if statement is not None:
            roles |= {statement.role, *(n.role for n in statement.calculations)}
    relations: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for arc in inputs.arcs:
        if arc.role in roles:
            relations.setdefault((arc.role, arc.total), []).append((arc.item, arc.weight))
    checked, findings = 0, []
    for (_, total_name), items in sorted(relations.items()):
        for total in _of(inputs, total_name):
            parts = [(inputs.fact(i, total.context, total.unit), w) for i, w in items]
            present = [(f, w) for f, w in parts if f is not None]
            if len(present) < len(parts):
                continue
            checked += 1
            finding = _relation_findings(inputs, CheckCode.NON_GAAP, total, present)
            findings += [finding] if finding else []
    return RuleResult(checked=checked, findings=tuple(findings))


def identities(inputs: CheckInputs) -> RuleResult:
    """Totals that must agree across statements: the cash flow statement's closing cash,
    cash equivalents and restricted cash against the balance sheet's lines."""
    checked, findings = 0, []
    for identity in inputs.taxonomy.narrative.identities:
        for total in _of(inputs, identity.total):
            if inputs.contexts[total.context].member is not None:
                continue
            items = [inputs.fact(i, total.context, total.unit) for i in identity.items]
            present = [(f, 1) for f in items if f is not None]
            if len(present) < identity.min_items:
                continue
            checked += 1
            finding = _relation_findings(inputs, CheckCode.CROSS_STATEMENT, total, present)
            findings += [finding] if finding else []
    titles = "; ".join(i.title for i in inputs.taxonomy.narrative.identities)
    return RuleResult(checked=checked, findings=tuple(findings), note=titles)


def _compared(inputs: CheckInputs, comparison: Comparison) -> tuple[Fact, Fact] | None:
    """The facts a stated change or share compares, in one unit."""
    here, there = inputs.context_of(comparison.period), inputs.context_of(comparison.other_period)
    if here is None or there is None:
        return None
    units = sorted({f.unit for f in _of(inputs, comparison.base) if f.context == here})
    for unit in units:
        a = inputs.fact(comparison.base, here, unit)
        b = inputs.fact(comparison.other_concept, there, unit)
        if a is not None and b is not None:
            return a, b
    return None


def _stated(inputs: CheckInputs, role: Role) -> Iterator[tuple[Fact, Comparison]]:
    """Prose facts of `role` that became facts, with what they compare."""
    if inputs.narrative is None:
        return
    by_id = {f.id: f for f in inputs.facts}
    for fact, kept in zip(inputs.narrative.facts, inputs.merge.kept, strict=True):
        if fact.role is role and fact.comparison is not None and kept in by_id:
            yield by_id[kept], fact.comparison


def stated_changes(inputs: CheckInputs) -> RuleResult:
    """ "An increase of 0.4% from RMB89,561 million": the change the two figures make."""
    checked, findings = 0, []
    for fact, comparison in _stated(inputs, Role.CHANGE):
        pair = _compared(inputs, comparison)
        ratio = _divide(interval(pair[0]), interval(pair[1])) if pair else None
        if ratio is None:
            continue
        checked += 1
        computed = (ratio[0] - 1, ratio[1] - 1)
        if not overlaps(interval(fact), computed):
            findings.append(
                inputs.finding(
                    CheckCode.STATED_CHANGE,
                    f"{fact.concept} in {fact.context} is {fact.value * 100}%, but the figures "
                    f"it compares make {_show(computed, True)}",
                    fact,
                    {"printed": str(fact.value), "computed": _show(computed)},
                )
            )
    return RuleResult(checked=checked, findings=tuple(findings))


def shares(inputs: CheckInputs) -> RuleResult:
    """ "Representing 53.2% of the total": the part over the total."""
    checked, findings = 0, []
    for fact, comparison in _stated(inputs, Role.SHARE):
        pair = _compared(inputs, comparison)
        computed = _divide(interval(pair[0]), interval(pair[1])) if pair else None
        if computed is None:
            continue
        checked += 1
        if not overlaps(interval(fact), computed):
            findings.append(
                inputs.finding(
                    CheckCode.SHARE_OF_TOTAL,
                    f"{fact.concept} in {fact.context} is {fact.value * 100}%, but "
                    f"{comparison.base} / {comparison.other_concept} is {_show(computed, True)}",
                    fact,
                    {"printed": str(fact.value), "computed": _show(computed)},
                )
            )
    return RuleResult(checked=checked, findings=tuple(findings))


def breakdowns(inputs: CheckInputs) -> RuleResult:
    """A figure the prose breaks down by members ("2,799,208 loans across V-pocket, and
    22,015,715 across other products") adds up to the total it gives."""
    groups: dict[tuple[str, str, str], list[Fact]] = {}
    for fact in inputs.facts:
        member = inputs.contexts[fact.context].member
        if member is not None and member.axis in inputs.merge.axes:
            plain = inputs.context_of(inputs.contexts[fact.context].period)
            if plain is not None:
                groups.setdefault((fact.concept, plain, fact.unit), []).append(fact)
    checked, findings = 0, []
    for (concept, context, unit), members in sorted(groups.items()):
        total = inputs.fact(concept, context, unit)
        if total is None or len(members) < 2:
            continue
        checked += 1
        finding = _relation_findings(inputs, CheckCode.BREAKDOWN, total, [(m, 1) for m in members])
        findings += [finding] if finding else []
    return RuleResult(checked=checked, findings=tuple(findings))
