"""What a concept is for validation: item or tuple, numeric or not, and which units fit it.

Item types are resolved by following `xsd:restriction/@base` and `xsd:extension/@base`
through every loaded schema, so a taxonomy's own type derived from
`xbrli:monetaryItemType` is monetary too (XBRL 2.1 §5.1.1.3). The first standard item
type met on the way fixes the unit rule; the first XML Schema built-in fixes the
lexical space of the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from exporter.validate.names import (
    DTR_TYPES_PREFIX,
    XBRLI,
    XBRLI_ITEM,
    XBRLI_TUPLE,
    XSD,
    local_name,
    namespace,
)


class ItemKind(StrEnum):
    """The unit rule a concept's type implies (XBRL 2.1 §4.8.2 and the Units Registry)."""

    MONETARY = "monetary"
    SHARES = "shares"
    PURE = "pure"
    PERCENT = "percent"
    PER_SHARE = "per-share"
    NUMERIC = "numeric"
    FRACTION = "fraction"
    NON_NUMERIC = "non-numeric"


class ValueSpace(StrEnum):
    """Which lexical form a fact value must have."""

    DECIMAL = "decimal"
    INTEGER = "integer"
    FLOAT = "float"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Concept:
    """A global element declaration in a DTS schema."""

    name: str
    id: str | None
    type: str | None
    substitution_group: str | None
    period_type: str | None
    balance: str | None
    abstract: bool
    nillable: bool
    file: str
    line: int
    value_default: str | None = None  # the declaration's default or fixed value


@dataclass(frozen=True, slots=True)
class ConceptInfo:
    """A concept with its resolved type kind, value space and substitution-group head."""

    concept: Concept
    kind: ItemKind
    space: ValueSpace
    head: str | None
    # `decimals`/`precision` the type (or a base) defaults or fixes: (attribute, value).
    accuracy_default: tuple[str, str] | None = None

    @property
    def numeric(self) -> bool:
        return self.kind is not ItemKind.NON_NUMERIC

    @property
    def is_item(self) -> bool:
        return self.head == XBRLI_ITEM

    @property
    def is_tuple(self) -> bool:
        return self.head == XBRLI_TUPLE


_XBRLI_KINDS = {
    "monetaryItemType": ItemKind.MONETARY,
    "sharesItemType": ItemKind.SHARES,
    "pureItemType": ItemKind.PURE,
    "fractionItemType": ItemKind.FRACTION,
}
_DTR_KINDS = {"perShareItemType": ItemKind.PER_SHARE, "percentItemType": ItemKind.PERCENT}
_INTEGER_BUILTINS = frozenset(
    {
        "integer",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "positiveInteger",
    }
)
_FLOAT_BUILTINS = frozenset({"float", "double"})


def _standard_kind(type_name: str) -> ItemKind | None:
    ns, local = namespace(type_name), local_name(type_name)
    if ns == XBRLI:
        return _XBRLI_KINDS.get(local)
    if ns.startswith(DTR_TYPES_PREFIX):
        return _DTR_KINDS.get(local)
    return None


def _builtin_space(type_name: str) -> ValueSpace | None:
    if namespace(type_name) != XSD:
        return None
    local = local_name(type_name)
    if local in _INTEGER_BUILTINS:
        return ValueSpace.INTEGER
    if local in _FLOAT_BUILTINS:
        return ValueSpace.FLOAT
    return ValueSpace.DECIMAL if local == "decimal" else ValueSpace.OTHER


def classify_type(type_name: str | None, bases: Mapping[str, str]) -> tuple[ItemKind, ValueSpace]:
    """Follow the derivation chain of `type_name` to its unit rule and lexical space."""
    kind: ItemKind | None = None
    seen: set[str] = set()
    current = type_name
    while current and current not in seen:
        seen.add(current)
        kind = kind or _standard_kind(current)
        space = _builtin_space(current)
        if space is not None:
            return _settle(kind, space)
        current = bases.get(current)
    return _settle(kind, ValueSpace.OTHER)


def _settle(kind: ItemKind | None, space: ValueSpace) -> tuple[ItemKind, ValueSpace]:
    if kind is ItemKind.FRACTION:
        return kind, ValueSpace.OTHER
    if space is ValueSpace.OTHER:
        return ItemKind.NON_NUMERIC, space
    return kind or ItemKind.NUMERIC, space


def substitution_head(name: str, concepts: Mapping[str, Concept]) -> str | None:
    """`xbrli:item` or `xbrli:tuple` if the concept's substitution chain reaches one."""
    seen: set[str] = set()
    current: str | None = name
    while current and current not in seen:
        if current in (XBRLI_ITEM, XBRLI_TUPLE):
            return current
        seen.add(current)
        declared = concepts.get(current)
        current = declared.substitution_group if declared else None
    return None


def declared_type(name: str, concepts: Mapping[str, Concept]) -> str | None:
    """The concept's type; without one, its substitution group head's (XML Schema
    §3.3.2: an element declaration's type defaults to its head's)."""
    seen: set[str] = set()
    current: str | None = name
    while current and current not in seen:
        seen.add(current)
        declared = concepts.get(current)
        if declared is None:
            return None
        if declared.type:
            return declared.type
        current = declared.substitution_group
    return None


def describe(
    concepts: Mapping[str, Concept],
    bases: Mapping[str, str],
    accuracy: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, ConceptInfo]:
    """Resolve kind, value space, substitution head and accuracy default of every concept."""
    described = {}
    for name, concept in concepts.items():
        type_name = declared_type(name, concepts)
        kind, space = classify_type(type_name, bases)
        head = substitution_head(name, concepts)
        default = _inherited(type_name, bases, accuracy or {})
        described[name] = ConceptInfo(concept, kind, space, head, default)
    return described


def _inherited(
    type_name: str | None, bases: Mapping[str, str], values: Mapping[str, tuple[str, str]]
) -> tuple[str, str] | None:
    """The first value met following the type's derivation chain."""
    seen: set[str] = set()
    while type_name and type_name not in seen:
        if type_name in values:
            return values[type_name]
        seen.add(type_name)
        type_name = bases.get(type_name)
    return None
