"""Run Arelle (the reference XBRL processor) offline and read back its findings and facts."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from arelle import XbrlConst
from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions

FactKey = tuple[str, str, str, Decimal, str, str]


class ArelleResult:
    def __init__(
        self,
        messages: list[dict],
        facts: set[FactKey],
        by_id: dict[str, FactKey] | None = None,
        footnotes: Counter | None = None,
        texts: dict[str, str] | None = None,
    ) -> None:
        self.messages = messages
        self.facts = facts
        # Every fact Arelle read, by id (facts without an id under "#<n>"): duplicates too.
        self.by_id = by_id or {}
        # Fact-footnote links Arelle read: (the fact's key, the footnote's text) -> count.
        self.footnotes = footnotes or Counter()
        # Non-numeric facts Arelle read (the cover facts): "prefix:Name" -> value.
        self.texts = texts or {}

    def of_level(self, *levels: str) -> list[dict]:
        return [m for m in self.messages if m.get("level", "").lower() in levels]

    @property
    def errors(self) -> list[dict]:
        return self.of_level("error", "critical", "fatal")

    @property
    def inconsistencies(self) -> list[dict]:
        return self.of_level("inconsistency")


def _period(context) -> str:
    if context.isInstantPeriod:
        return (context.instantDatetime - timedelta(days=1)).date().isoformat()
    end = (context.endDatetime - timedelta(days=1)).date().isoformat()
    return f"{context.startDatetime.date().isoformat()}/{end}"


def _unit(unit) -> str:
    numerator, denominator = unit.measures
    text = "*".join(str(m) for m in numerator)
    return f"{text}/{'*'.join(str(m) for m in denominator)}" if denominator else text


def _dimensions(context) -> str:
    pairs = sorted(
        f"{dim.namespaceURI}#{dim.localName}="
        f"{value.memberQname.namespaceURI}#{value.memberQname.localName}"
        for dim, value in context.qnameDims.items()
    )
    return ";".join(pairs)


def _key(fact) -> FactKey:
    return (
        f"{fact.qname.namespaceURI}#{fact.qname.localName}",
        _period(fact.context),
        _unit(fact.unit),
        Decimal(fact.value),
        fact.decimals or "INF",
        _dimensions(fact.context),
    )


def _facts(model) -> set[FactKey]:
    return {_key(f) for f in model.facts if f.isNumeric}


def _by_id(model) -> dict[str, FactKey]:
    return {(f.id or f"#{n}"): _key(f) for n, f in enumerate(model.facts) if f.isNumeric}


def _texts(model) -> dict[str, str]:
    return {str(f.qname): f.value for f in model.facts if not f.isNumeric}


def _footnotes(model) -> Counter:
    relationships = model.relationshipSet(XbrlConst.factFootnote).modelRelationships
    return Counter(
        (_key(r.fromModelObject), " ".join((r.toModelObject.textValue or "").split()))
        for r in relationships
    )


def run_arelle(
    entry: Path | str, calcs: str = "c11r", packages: list[str] | None = None
) -> ArelleResult:
    """Validate `entry` with --validate --calc c11r --utr, offline (with taxonomy
    `packages`, when given); return messages and facts."""
    options = RuntimeOptions(
        entrypointFile=str(entry),
        packages=packages,
        validate=True,
        calcs=calcs,
        utrValidate=True,
        internetConnectivity="offline",
        keepOpen=True,
        logFile="logToBuffer",
        logFormat="[%(messageCode)s] %(message)s",
    )
    with Session() as session:
        session.run(options)
        messages = json.loads(session.get_logs("json")).get("log", [])
        models = session.get_models()
        facts = _facts(models[0]) if models else set()
        by_id = _by_id(models[0]) if models else {}
        footnotes = _footnotes(models[0]) if models else Counter()
        texts = _texts(models[0]) if models else {}
    return ArelleResult(messages, facts, by_id, footnotes, texts)
