"""The narrative part of the taxonomy (`taxonomy/narrative.toml`), as typed models.

What prose reading needs (the words around figures, how prose names each concept, the
units and axes of operating metrics) and the relations the cross-checks test. Loaded by
`exporter.taxonomy.load_taxonomy`, which merges its concepts and axes into the taxonomy.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field

from exporter.errors import Location, TaxonomyError
from exporter.models import Frozen

# Keys of a narrative [[concept]] table that say how prose names it (the rest is the concept).
PROSE_KEYS = ("phrases", "templates", "figure", "context", "part_of", "part_names", "axis")


class ProseEntry(Frozen):
    """How prose names one concept: subject phrases and templates with the figure inside."""

    concept: str
    phrases: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    figure: Literal["per_share", "per_ads"] | None = None
    context: tuple[str, ...] = ()
    part_of: str | None = None
    # How prose names the part in the general part wordings (`NarrativeWords.part_templates`).
    part_names: tuple[str, ...] = ()
    axis: str | None = None


class NarrativeWords(Frozen):
    """The words prose uses around figures."""

    scales: dict[str, int] = Field(default_factory=dict)
    number_words: dict[str, int] = Field(default_factory=dict)
    per_share: tuple[str, ...] = ()
    per_ads: tuple[str, ...] = ()
    minor_units: tuple[str, ...] = ()
    # Points of a rate, by the power of ten of one point ("80 basis points": -4).
    rate_points: dict[str, int] = Field(default_factory=dict)
    unit_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    filler: tuple[str, ...] = ()
    loss_words: tuple[str, ...] = ()
    margin_words: tuple[str, ...] = ()
    margin_denominator: str = "Revenues"
    # Words whose full stop ends no sentence, lower case: abbreviated legal forms ("Inc.",
    # "INC.") and other abbreviations ("Mr.", "approx.").
    legal_forms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    # Net flows named by their direction ("Net cash used in investing activities"): with
    # one of `outflow_words`, a figure of these concepts is the outflow, a negative.
    outflow_words: tuple[str, ...] = ()
    net_flows: tuple[str, ...] = ()
    increase_words: tuple[str, ...] = ()
    decrease_words: tuple[str, ...] = ()
    outlook_words: tuple[str, ...] = ()
    past_words: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()
    prices: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    neutral_prefixes: tuple[str, ...] = ()
    part_prepositions: tuple[str, ...] = ()
    part_nouns: tuple[str, ...] = ()
    # Verbs whose subject owns the figures after them ("The Widget division generated
    # revenue of ...", "Kingsco delivered revenue of ..."): a part noun or a name other than
    # the issuer's in that subject makes them a part's.
    subject_verbs: tuple[str, ...] = ()
    # Participles opening a clause after a comma (", generating $776K in sales"): such a
    # clause has no subject of its own; the main clause's subject owns its figures.
    participles: tuple[str, ...] = ()
    # Words after a list of figures that pair them, in order, with the periods the sentence
    # named before them ("for the fourth quarter and the full year ... $2.1 million and $1.5
    # million, respectively").
    respective: tuple[str, ...] = ()
    # "On a non-GAAP basis, operating expenses were ...": the clause these words open states
    # its line items the non-GAAP way, as do `non_gaap_words` a few words before a phrase.
    non_gaap_basis: tuple[str, ...] = ()
    non_gaap_words: tuple[str, ...] = ()
    # "The improvement in equity was mainly due to quarterly earnings of $1,310,000": words
    # that give a cause, past which a phrase names no figure.
    causes: tuple[str, ...] = ()
    part_templates: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()
    # Words before a date that make it an event's day, not the figure's period ("a dividend
    # of $0.08 per share, payable on November 21, 2024").
    event_dates: tuple[str, ...] = ()

    @property
    def stops(self) -> frozenset[str]:
        """Every word whose full stop ends no sentence."""
        return frozenset(w.lower() for w in (*self.legal_forms, *self.abbreviations))


# The word a full stop ends: "Corp" of "Acme Corp.", "U.S" of "in the U.S.".
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")


def ends_with_abbreviation(text: str, words: frozenset[str]) -> bool:
    """`text` ends with the full stop of one of `words` (lower case) or of an initial
    ("John A."): a stop that ends no sentence."""
    match = _WORD_BEFORE_STOP.search(text)
    if match is None:
        return False
    word = match[1]
    return word.lower() in words or (len(word) == 1 and word.isupper())


class UnitDefinition(Frozen):
    """A measure of our own (a month), written `prefix:name` in instances."""

    name: str
    label: str
    documentation: str = ""


class RatioCheck(Frozen):
    """`concept` = `numerator` / `denominator` (a margin, a rate)."""

    concept: str
    numerator: str
    denominator: str


class PerAdsCheck(Frozen):
    """A per-ADS figure and its per-share twin: amounts scale up by the ADS ratio, counts down."""

    ads: str
    share: str
    measure: Literal["amount", "count"]


class PerShareOf(Frozen):
    """The per-share concepts of an amount's concepts, for a per-share figure set beside
    the amount ("net income of $102.8 million, or $1.22 per diluted share"), by the words
    of its "per": diluted, basic, both, or neither (`plain`)."""

    amount: tuple[str, ...]
    diluted: str
    basic: str
    both: str
    plain: str

    def named_by(self, words: set[str] | frozenset[str]) -> str:
        """The per-share concept the words of a "per" name ("per basic and diluted share":
        both)."""
        if {"basic", "diluted"} <= words:
            return self.both
        if "diluted" in words:
            return self.diluted
        return self.basic if "basic" in words else self.plain


class SameAs(Frozen):
    """A prose figure of `concept` is the release's fact of one of `facts` in its period
    where that fact has its value ("earnings per share of $1.96" beside a table's diluted
    $1.96): the same number, not a second fact under another name."""

    concept: str
    facts: tuple[str, ...]


class IdentityCheck(Frozen):
    """`total` = the sum of `items`, across statements (where `min_items` items are printed)."""

    id: str
    title: str
    total: str
    items: tuple[str, ...]
    min_items: int = 2


class NarrativeSpec(Frozen):
    """Everything `taxonomy/narrative.toml` says besides its concepts and axes."""

    words: NarrativeWords = NarrativeWords()
    prose: tuple[ProseEntry, ...] = ()
    units: tuple[UnitDefinition, ...] = ()
    ads_ratio_patterns: tuple[str, ...] = ()
    ratios: tuple[RatioCheck, ...] = ()
    per_ads: tuple[PerAdsCheck, ...] = ()
    per_share_of: tuple[PerShareOf, ...] = ()
    same_as: tuple[SameAs, ...] = ()
    identities: tuple[IdentityCheck, ...] = ()
    reconciliation_statements: tuple[str, ...] = Field(default=())

    def unit(self, name: str) -> UnitDefinition | None:
        return next((u for u in self.units if u.name == name), None)


def split_concept(data: dict[str, Any]) -> tuple[dict[str, Any], ProseEntry | None]:
    """A narrative [[concept]] table as the concept's own keys and its prose entry."""
    concept = {k: v for k, v in data.items() if k not in PROSE_KEYS}
    prose = {k: v for k, v in data.items() if k in PROSE_KEYS}
    if not prose:
        return concept, None
    return concept, ProseEntry(concept=data["name"], **prose)


def narrative_spec(data: dict[str, Any], entries: list[ProseEntry]) -> NarrativeSpec:
    """The spec from the parsed TOML (concept tables already split off into `entries`)."""
    prose = entries + [ProseEntry.model_validate(p) for p in data.get("prose", [])]
    return NarrativeSpec(
        words=NarrativeWords.model_validate(data.get("narrative", {})),
        prose=tuple(prose),
        units=tuple(UnitDefinition.model_validate(u) for u in data.get("unit", [])),
        ads_ratio_patterns=tuple(data.get("ads_ratio", {}).get("patterns", ())),
        ratios=tuple(RatioCheck.model_validate(r) for r in data.get("ratio", [])),
        per_ads=tuple(PerAdsCheck.model_validate(r) for r in data.get("per_ads", [])),
        per_share_of=tuple(PerShareOf.model_validate(r) for r in data.get("per_share_of", [])),
        same_as=tuple(SameAs.model_validate(r) for r in data.get("same_as", [])),
        identities=tuple(IdentityCheck.model_validate(r) for r in data.get("identity", [])),
        reconciliation_statements=tuple(data.get("reconciliation", {}).get("statements", ())),
    )


def check_spec(
    spec: NarrativeSpec,
    concepts: dict[str, Any],
    statements: frozenset[str],
    axes: frozenset[str],
    source: str,
) -> None:
    """Every name the spec uses is defined: concepts, units, axes, statements."""
    where = Location(file=source)
    used: list[str] = []
    for entry in spec.prose:
        used.append(entry.concept)
        used.extend([entry.part_of] if entry.part_of else [])
        if entry.axis and entry.axis not in axes:
            raise TaxonomyError(f"prose of {entry.concept} uses undefined axis {entry.axis}", where)
    for ratio in spec.ratios:
        used.extend((ratio.concept, ratio.numerator, ratio.denominator))
    for pair in spec.per_ads:
        used.extend((pair.ads, pair.share))
    for family in spec.per_share_of:
        used.extend((*family.amount, family.diluted, family.basic, family.both, family.plain))
    for identity in spec.identities:
        used.extend((identity.total, *identity.items))
    for same in spec.same_as:
        used.extend((same.concept, *same.facts))
    missing = sorted(set(used) - concepts.keys())
    if missing:
        raise TaxonomyError(
            f"narrative uses undefined concepts: {', '.join(missing)}",
            where,
            "define them in a [[concept]] table",
        )
    for concept in concepts.values():
        if concept.unit and spec.unit(concept.unit) is None:
            raise TaxonomyError(f"{concept.name} uses undefined unit {concept.unit}", where)
    unknown = sorted(set(spec.reconciliation_statements) - statements)
    if unknown:
        raise TaxonomyError(f"reconciliation names unknown statements: {unknown}", where)
