"""The facts another rendering states, held against the XBRL instance they must equal.

xBRL-JSON, xBRL-CSV and Inline XBRL are renderings of the instance's facts, so each is
read back into `StatedFact`s (concept, entity, period, dimensions, unit, value,
decimals, all in resolved form) and compared with the instance's own facts:

- every instance fact is stated: by its id where the format keeps ids (xBRL-JSON,
  Inline XBRL), else by an equal fact (xBRL-CSV);
- a stated fact that pairs with no instance fact is a duplicate of one (same aspects,
  value equal after rounding to the lesser precision, XBRL 2.1 §4.10 and OIM 1.0
  §"Duplicate facts"), or it is an error.

Periods are points in time as in `instance.Period` (an instant or `endDate` 2024-12-31
is 2025-01-01T00:00); OIM periods (`2025-01-01T00:00:00`, `a/b`) and xBRL-CSV's
friendlier forms (`2024-12-31@end`, `2024-10-01..2024-12-31`) parse to the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.instance import Instance, Period, parse_moment, read_instance
from exporter.validate.names import ISO4217, XBRLI, XBRLI_PURE, local_name
from exporter.validate.result import ValidationResult
from exporter.validate.sources import instance_url
from exporter.validate.validator import parse_instance

UNIT_NAMESPACES = {"iso4217": ISO4217, "xbrli": XBRLI}
PURE: tuple[tuple[str, ...], tuple[str, ...]] = ((XBRLI_PURE,), ())
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DATE = r"\d{4}-\d{2}-\d{2}"
_SINGLE_DAY = re.compile(rf"({_DATE})(?:@(start|end))?")
_DATE_RANGE = re.compile(rf"({_DATE})\.\.({_DATE})")
_SQNAME = re.compile(r"([A-Za-z_][\w.\-]*):(\S+)")

Members = tuple[tuple[str, str], ...]
UnitKey = tuple[tuple[str, ...], tuple[str, ...]]
AspectKey = tuple[str, tuple[str, str], Period, Members, UnitKey | None]


@dataclass(frozen=True, slots=True)
class StatedFact:
    """A fact as a rendering states it, resolved; `where` names it in findings."""

    id: str | None
    where: str
    concept: str
    entity: tuple[str, str]
    period: Period
    members: Members
    unit: UnitKey | None
    value: Decimal | str
    """A number, or the text of a non-numeric fact (no unit, no decimals)."""
    decimals: int | None
    line: int | None = None

    @property
    def key(self) -> AspectKey:
        return (self.concept, self.entity, self.period, self.members, self.unit)


def finding(code: str, message: str, file: str, line: int | None = None, **numbers: str) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file=file, line=line),
        numbers=numbers,
    )


def parse_json(document: bytes, name: str, prefix: str) -> tuple[Any, list[Finding]]:
    """The JSON value of `document`, or the finding that it is not JSON."""
    try:
        return json.loads(document), []
    except (ValueError, UnicodeDecodeError) as exc:
        return None, [finding(f"{prefix}.malformed", f"not JSON: {exc}", name)]


def against_instance(
    prefix: str,
    stated: list[StatedFact],
    findings: list[Finding],
    checks: list[str],
    instance: tuple[bytes, str],
    name: str,
    by_id: bool,
) -> ValidationResult:
    """The result of a rendering whose facts were `stated`, compared with the XML
    `instance` (bytes, name) fact by fact when it parses."""
    expected = reference(*instance)
    if expected.instance is None:
        return ValidationResult.of(findings + list(expected.problems), checks, len(stated))
    checks.append(f"{prefix}.instance")
    findings.extend(compare_with_instance(f"{prefix}.fact", stated, expected.facts, name, by_id))
    return ValidationResult.of(findings, checks, len(stated))


def document_info(
    data: Any, name: str, prefix: str, document_type: str, taxonomy: str, what: str
) -> tuple[dict[str, Any] | None, list[Finding]]:
    """`documentInfo` of an OIM JSON document (xBRL-JSON, or xBRL-CSV's metadata), with
    the findings every OIM format shares: a JSON object, its type, its one taxonomy.
    None when there is no `documentInfo` to read further."""
    if not isinstance(data, dict):
        return None, [finding(f"{prefix}.structure", f"the {what} is not a JSON object", name)]
    info = data.get("documentInfo")
    if not isinstance(info, dict):
        return None, [finding(f"{prefix}.structure", "documentInfo is missing", name)]
    found = []
    if info.get("documentType") != document_type:
        message = f"documentType is {info.get('documentType')!r}, not {document_type!r}"
        found.append(finding(f"{prefix}.document-type", message, name))
    if info.get("taxonomy") != [taxonomy]:
        message = f"documentInfo.taxonomy is {info.get('taxonomy')!r}, not [{taxonomy!r}]"
        found.append(finding(f"{prefix}.taxonomy", message, name))
    return info, found


class Resolver:
    """Concept, entity, period and unit strings resolved once each (they repeat a lot)."""

    def __init__(self, namespaces: dict[str, str]) -> None:
        self.namespaces = namespaces
        self._concepts: dict[str, str | None] = {}
        self._entities: dict[str, tuple[str, str] | None] = {}
        self._periods: dict[str, Period | None] = {}
        self._units: dict[str | None, UnitKey | None] = {}

    def concept(self, text: str) -> str | None:
        if text not in self._concepts:
            self._concepts[text] = qname(text, self.namespaces)
        return self._concepts[text]

    def entity(self, text: str) -> tuple[str, str] | None:
        if text not in self._entities:
            self._entities[text] = entity(text, self.namespaces)
        return self._entities[text]

    def period(self, text: str) -> Period | None:
        if text not in self._periods:
            self._periods[text] = oim_period(text)
        return self._periods[text]

    def unit(self, text: str | None) -> UnitKey | None:
        if text not in self._units:
            self._units[text] = oim_unit(text, self.namespaces)
        return self._units[text]


def decimal_value(text: str) -> Decimal | None:
    """An xsd:decimal lexical value, or None."""
    token = text.strip()
    if not _DECIMAL.fullmatch(token):
        return None
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def text_or_number(value: Any, fact: dict[str, Any], dimensions: Any) -> Decimal | str | None:
    """An OIM fact's value: its number; its text when the fact is non-numeric (no unit,
    no decimals, a value that is no number); None when it is neither. Without the
    taxonomy a text that is a number ("2024") reads as one, on either side of a comparison
    (see `instance_facts`)."""
    if not isinstance(value, str):
        return None
    number = decimal_value(value)
    if number is not None:
        return number
    has_unit = isinstance(dimensions, dict) and "unit" in dimensions
    return None if has_unit or "decimals" in fact else value


def oim_period(text: str) -> Period | None:
    """An OIM period string (ISO date-times, `start/end`, or xBRL-CSV date forms)."""
    text = text.strip()
    if match := _SINGLE_DAY.fullmatch(text):
        day = date.fromisoformat(match.group(1))
        midnight = datetime(day.year, day.month, day.day)
        next_midnight = midnight + timedelta(days=1)
        if match.group(2) == "end":
            return Period("instant", None, next_midnight)
        if match.group(2) == "start":
            return Period("instant", None, midnight)
        return Period("duration", midnight, next_midnight)
    if match := _DATE_RANGE.fullmatch(text):
        start = parse_moment(match.group(1), end_of_day=False)
        end = parse_moment(match.group(2), end_of_day=True)
        return Period("duration", start, end) if start and end and start <= end else None
    first, slash, second = text.partition("/")
    if "T" not in first or (slash and "T" not in second):
        return None
    start = parse_moment(first, end_of_day=False)
    if not slash:
        return Period("instant", None, start) if start else None
    end = parse_moment(second, end_of_day=False)
    return Period("duration", start, end) if start and end and start <= end else None


def oim_unit(text: str | None, namespaces: dict[str, str]) -> UnitKey | None:
    """An OIM unit string ("iso4217:CNY", "iso4217:CNY/xbrli:shares"); absent means pure."""
    if text is None:
        return PURE
    numerator, _, denominator = text.strip().partition("/")

    def measures(part: str) -> tuple[str, ...] | None:
        names = [qname(m, namespaces) for m in part.strip("()").split("*") if m]
        return None if any(n is None for n in names) else tuple(sorted(n for n in names if n))

    top, bottom = measures(numerator), measures(denominator)
    if not top or bottom is None:
        return None
    return (top, bottom)


def qname(text: str, namespaces: dict[str, str]) -> str | None:
    """`prefix:local` as a Clark name, or None when the prefix is not declared."""
    prefix, colon, local = text.strip().partition(":")
    if not colon or not local or prefix not in namespaces:
        return None
    return f"{{{namespaces[prefix]}}}{local}"


def entity(text: str, namespaces: dict[str, str]) -> tuple[str, str] | None:
    """An OIM entity SQName as (scheme, identifier), or None."""
    match = _SQNAME.fullmatch(text.strip())
    if match is None or match.group(1) not in namespaces:
        return None
    return (namespaces[match.group(1)], match.group(2))


class Reference(NamedTuple):
    """The parsed instance the renderings are held against, and its facts."""

    instance: Instance | None
    problems: tuple[Finding, ...]
    facts: tuple[StatedFact, ...]


@lru_cache(maxsize=4)
def reference(instance: bytes, name: str) -> Reference:
    """The instance `name` parsed once for all the renderings checked against it."""
    root, problems = parse_instance(instance, name)
    if root is None:
        return Reference(None, tuple(problems), ())
    records = read_instance(root, instance_url(name))
    return Reference(records, tuple(problems), tuple(instance_facts(records)))


def instance_facts(instance: Instance) -> list[StatedFact]:
    """The instance's own numeric facts, resolved like any other rendering's."""
    facts = []
    for fact in instance.facts:
        context = instance.context(fact.context_ref)
        unit = instance.unit(fact.unit_ref)
        value: Decimal | str | None = decimal_value(fact.text)
        unit_key = unit.key if unit else None
        if fact.unit_ref is None and not fact.nil:
            # A non-numeric fact (the cover's), read as an OIM reader reads its value
            # without the taxonomy: a number where the text is one ("2024"), else the text.
            value, unit_key = (fact.text, None) if value is None else (value, PURE)
        elif unit is None:
            continue
        if context is None or context.period is None or value is None:
            continue
        decimals = None if fact.decimals in (None, "INF") else int(fact.decimals)
        facts.append(
            StatedFact(
                id=fact.id,
                where=f"instance fact {fact.label}",
                concept=fact.name,
                entity=(context.scheme, context.identifier),
                period=context.period,
                members=context.members,
                unit=unit_key,
                value=value,
                decimals=decimals,
                line=fact.line,
            )
        )
    return facts


def consistent(a: StatedFact, b: StatedFact) -> bool:
    """Equal values after rounding both to the lesser precision."""
    precisions = [d for d in (a.decimals, b.decimals) if d is not None]
    if isinstance(a.value, str) or isinstance(b.value, str) or not precisions:
        return a.value == b.value
    quantum = Decimal(1).scaleb(-min(precisions))
    return a.value.quantize(quantum, ROUND_HALF_EVEN) == b.value.quantize(quantum, ROUND_HALF_EVEN)


def _differences(stated: StatedFact, expected: StatedFact) -> list[str]:
    fields = ("concept", "entity", "period", "members", "unit", "value", "decimals")
    return [f for f in fields if getattr(stated, f) != getattr(expected, f)]


def describe(fact: StatedFact) -> str:
    end = fact.period.end - timedelta(days=1) if fact.period.end else None
    when = end.date().isoformat() if end else "?"
    return f"{local_name(fact.concept)} = {fact.value} (decimals {fact.decimals}) ending {when}"


def compare_with_instance(
    code: str,
    stated: Iterable[StatedFact],
    expected: Sequence[StatedFact],
    file: str,
    by_id: bool,
) -> Iterator[Finding]:
    """Findings `<code>-missing`, `-mismatch`, `-extra`, `-inconsistent` (see module doc)."""
    by_key = {f.key: f for f in reversed(expected)}
    stated = list(stated)
    paired: set[int] = set()
    if by_id:
        index = {f.id: i for i, f in reversed(list(enumerate(stated))) if f.id}
        for fact in expected:
            i = index.get(fact.id) if fact.id else None
            if i is None:
                yield finding(f"{code}-missing", f"{fact.where} is not stated", file)
                continue
            paired.add(i)
            if wrong := _differences(stated[i], fact):
                message = f"{stated[i].where} differs from the instance in {', '.join(wrong)}"
                yield finding(f"{code}-mismatch", message, file, stated[i].line)
    else:
        equal: dict[tuple[object, ...], list[int]] = {}
        for i, fact in enumerate(stated):
            equal.setdefault((*fact.key, fact.value, fact.decimals), []).append(i)
        for fact in expected:
            matches = equal.get((*fact.key, fact.value, fact.decimals))
            if not matches:
                yield finding(f"{code}-missing", f"{describe(fact)} is not stated", file)
                continue
            paired.add(matches[0])
    for i, fact in enumerate(stated):
        if i in paired:
            continue
        twin = by_key.get(fact.key)
        if twin is None:
            yield finding(f"{code}-extra", f"{fact.where} is not in the instance", file, fact.line)
        elif not consistent(fact, twin):
            message = f"{fact.where} ({fact.value}) disagrees with {twin.where} ({twin.value})"
            yield finding(f"{code}-inconsistent", message, file, fact.line)
