"""The instance as records: contexts, units and facts with their source lines.

Periods are normalised to points in time (XBRL 2.1 §4.7.2: a date-only `endDate` or
`instant` means the end of that day, a `startDate` its start) so that equality and
ordering are plain comparisons. Context and unit keys implement the structural
equality of XBRL 2.1 §4.10 used to spot duplicates and to bind calculations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from urllib.parse import urljoin

from lxml import etree

from exporter.validate import names as n
from exporter.validate.documents import Reference
from exporter.validate.sources import display_name


@dataclass(frozen=True, slots=True)
class Period:
    """A normalised period: `instant` has only `end`, `forever` neither."""

    kind: str
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True, slots=True)
class Context:
    """An `xbrli:context`; `period` is None when its dates do not parse."""

    id: str
    line: int
    scheme: str
    identifier: str
    period: Period | None
    period_text: tuple[str, ...]
    qualifiers: tuple[object, ...]
    # Explicit dimension members as (dimension, member) Clark names.
    members: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[object, ...]:
        return (self.scheme, self.identifier, self.period, self.qualifiers)


@dataclass(frozen=True, slots=True)
class Unit:
    """An `xbrli:unit`; measures as Clark names, `unbound` holds unresolvable QNames."""

    id: str
    line: int
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    unbound: tuple[str, ...]

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (tuple(sorted(self.numerator)), tuple(sorted(self.denominator)))


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact element (item or tuple) with its raw attributes and text."""

    element: etree._Element
    name: str
    id: str | None
    line: int
    context_ref: str | None
    unit_ref: str | None
    decimals: str | None
    precision: str | None
    nil: bool
    text: str
    lang: str | None

    @property
    def label(self) -> str:
        """How findings name the fact: its id, else its concept and line."""
        return self.id or f"{n.local_name(self.name)}@{self.line}"


@dataclass(frozen=True)
class Instance:
    """Everything the rules read from the instance document."""

    root: etree._Element
    url: str
    file: str
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    references: tuple[Reference, ...]
    context_index: dict[str, Context]
    unit_index: dict[str, Unit]

    def context(self, context_id: str | None) -> Context | None:
        return self.context_index.get(context_id) if context_id else None

    def unit(self, unit_id: str | None) -> Unit | None:
        return self.unit_index.get(unit_id) if unit_id else None


_REFERENCES = (n.LINK_SCHEMA_REF, n.LINK_LINKBASE_REF, n.LINK_ROLE_REF, n.LINK_ARCROLE_REF)


def read_instance(root: etree._Element, url: str) -> Instance:
    """Records of the contexts, units, top-level facts and DTS references of `root`."""
    file = display_name(url)
    contexts, units, facts, refs = [], [], [], []
    for el in root.iterchildren():
        if not isinstance(el.tag, str):
            continue
        if el.tag == n.XBRLI_CONTEXT:
            contexts.append(_context(el))
        elif el.tag == n.XBRLI_UNIT:
            units.append(_unit(el))
        elif el.tag in _REFERENCES:
            refs.append(_instance_reference(el, url, file))
        elif el.tag not in n.NON_FACT_CHILDREN:
            facts.append(read_fact(el))
    return Instance(
        root=root,
        url=url,
        file=file,
        contexts=tuple(contexts),
        units=tuple(units),
        facts=tuple(facts),
        references=tuple(refs),
        context_index=_index(contexts),
        unit_index=_index(units),
    )


_Keyed = TypeVar("_Keyed", Context, Unit)


def _index(items: list[_Keyed]) -> dict[str, _Keyed]:
    """First declaration wins for a repeated id (the repeat is its own finding)."""
    index: dict[str, _Keyed] = {}
    for item in items:
        index.setdefault(item.id, item)
    return index


def _instance_reference(el: etree._Element, url: str, file: str) -> Reference:
    href = (el.get(n.XLINK_HREF) or "").strip()
    kind = etree.QName(el).localname
    base = el.base or url  # xml:base on the reference or the root changes it (XBRL 2.1 §4.2.2)
    role = (el.get(n.XLINK_ROLE) or "").strip()
    return Reference(urljoin(base, href).partition("#")[0], kind, file, el.sourceline or 0, role)


def read_fact(el: etree._Element) -> Fact:
    """A fact element's attributes as written (validated later, by the rules)."""
    return Fact(
        element=el,
        name=n.tag(el),
        id=el.get("id"),
        line=el.sourceline or 0,
        context_ref=el.get("contextRef"),
        unit_ref=el.get("unitRef"),
        decimals=el.get("decimals"),
        precision=el.get("precision"),
        nil=(el.get(n.XSI_NIL) or "").strip() in ("true", "1"),
        text="".join(el.itertext()) if len(el) else (el.text or ""),
        lang=el.get("{http://www.w3.org/XML/1998/namespace}lang"),
    )


def _context(el: etree._Element) -> Context:
    identifier = el.find(f"{{{n.XBRLI}}}entity/{{{n.XBRLI}}}identifier")
    period_el = el.find(f"{{{n.XBRLI}}}period")
    texts = (
        tuple((c.text or "").strip() for c in period_el.iterchildren())
        if period_el is not None
        else ()
    )
    return Context(
        id=el.get("id", ""),
        line=el.sourceline or 0,
        scheme=(identifier.get("scheme", "") if identifier is not None else "").strip(),
        identifier=" ".join((identifier.text or "").split()) if identifier is not None else "",
        period=read_period(period_el) if period_el is not None else None,
        period_text=texts,
        qualifiers=_qualifiers(el),
        members=_explicit_members(el),
    )


def _explicit_members(el: etree._Element) -> tuple[tuple[str, str], ...]:
    members = []
    for member in el.iter(f"{{{n.XBRLDI}}}explicitMember"):
        nsmap = dict(member.nsmap)
        dimension = n.resolve_qname(member.get("dimension", ""), nsmap) or ""
        value = n.resolve_qname(member.text or "", nsmap) or ""
        members.append((dimension, value))
    return tuple(sorted(members))


def _qualifiers(el: etree._Element) -> tuple[object, ...]:
    """Segment and scenario as structures compared by s-equality (XBRL 2.1 §4.10).

    Names and QName values are compared as expanded names (prefixes do not matter),
    attributes as a set, text with surrounding whitespace removed, children in order.
    """
    entity = el.find(f"{{{n.XBRLI}}}entity")
    segment = entity.find(f"{{{n.XBRLI}}}segment") if entity is not None else None
    scenario = el.find(f"{{{n.XBRLI}}}scenario")
    return tuple(_s_key(q) if q is not None else None for q in (segment, scenario))


def _s_key(el: etree._Element) -> tuple[object, ...]:
    children = tuple(_s_key(c) for c in el.iterchildren() if isinstance(c.tag, str))
    attributes = frozenset((k, s_value(v, el.nsmap)) for k, v in el.attrib.items())
    text = "" if children else s_value(el.text or "", el.nsmap)
    return (el.tag, attributes, text, children)


def s_value(text: str, nsmap: dict[str | None, str]) -> str:
    """A value as s-equality compares it: trimmed, a prefixed QName expanded."""
    value = text.strip()
    prefix, colon, local = value.partition(":")
    if colon and prefix in nsmap and local and " " not in value:
        return f"{{{nsmap[prefix]}}}{local}"
    return value


def read_period(period: etree._Element) -> Period | None:
    """XBRL 2.1 §4.7.2 period as normalised points in time, or None if unparsable."""
    children = {
        etree.QName(c).localname: (c.text or "").strip()
        for c in period.iterchildren()
        if isinstance(c.tag, str)
    }
    if "forever" in children:
        return Period("forever", None, None)
    if "instant" in children:
        end = parse_moment(children["instant"], end_of_day=True)
        return Period("instant", None, end) if end else None
    start = parse_moment(children.get("startDate", ""), end_of_day=False)
    end = parse_moment(children.get("endDate", ""), end_of_day=True)
    return Period("duration", start, end) if start and end else None


def parse_moment(text: str, *, end_of_day: bool) -> datetime | None:
    """An xsd:date or xsd:dateTime as a naive UTC datetime; date-only ends end-of-day."""
    try:
        if "T" in text:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return _naive(moment)
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    if text[10:] and not _is_timezone(text[10:]):
        return None
    start = datetime(day.year, day.month, day.day)
    return start + timedelta(days=1) if end_of_day else start


def _naive(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _is_timezone(suffix: str) -> bool:
    return suffix == "Z" or (len(suffix) == 6 and suffix[0] in "+-" and suffix[3] == ":")


def _unit(el: etree._Element) -> Unit:
    divide = el.find(f"{{{n.XBRLI}}}divide")
    if divide is None:
        numerator, unbound = _measures(el)
        denominator: tuple[str, ...] = ()
    else:
        numerator, unbound_n = _measures(divide.find(f"{{{n.XBRLI}}}unitNumerator"))
        denominator, unbound_d = _measures(divide.find(f"{{{n.XBRLI}}}unitDenominator"))
        unbound = unbound_n + unbound_d
    return Unit(el.get("id", ""), el.sourceline or 0, numerator, denominator, unbound)


def _measures(parent: etree._Element | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if parent is None:
        return (), ()
    resolved: list[str] = []
    unbound: list[str] = []
    for measure in parent.iterchildren(f"{{{n.XBRLI}}}measure"):
        text = (measure.text or "").strip()
        name = n.resolve_qname(text, measure.nsmap)
        (resolved if name else unbound).append(name or text)
    return tuple(resolved), tuple(unbound)
