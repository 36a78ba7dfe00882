"""Extension concepts: a row no taxonomy label matches still becomes facts.

The concept is named from the row's label in the US-GAAP style ("Other tax payable" ->
OtherTaxPayable), keeps the printed label, and takes its type from what the row counts
(percent cells, per-share or share-count wording, else money) and its period type from
the columns it sits in. Rows with the same label in different sections get different
concepts (the section joins the name), so nothing collides.
"""

from __future__ import annotations

import re

from exporter.labels import label_tokens, strip_footnotes
from exporter.tables.model import TableRow
from exporter.taxonomy import Concept, ConceptType, PeriodType, Taxonomy

_WORD = re.compile(r"[A-Za-z0-9]+")
_MAX_NAME = 120


def concept_name(text: str) -> str:
    """A CamelCase element name from label text ("Net (loss) gain, other" -> NetLossGainOther)."""
    words = _WORD.findall(strip_footnotes(text).replace("'", ""))
    name = "".join(w[:1].upper() + w[1:] for w in words)[:_MAX_NAME]
    if not name:
        return "Unlabelled"
    return name if name[0].isalpha() else f"N{name}"


def row_kind(row: TableRow, taxonomy: Taxonomy) -> ConceptType:
    """What an unmatched row counts, from its cells and its wording (taxonomy row kinds)."""
    if any(c.number.percent for c in row.cells):
        return ConceptType.PERCENT
    words = label_tokens(" ".join((*row.sections[-1:], row.label)))
    whole = all(c.number.fraction_digits == 0 for c in row.cells)
    for kind, concept_type in (
        ("percent", ConceptType.PERCENT),
        ("ratio", ConceptType.PURE),
        ("shares", ConceptType.SHARES),
        ("per_share", ConceptType.PER_SHARE),
    ):
        phrases = [label_tokens(p) for p in taxonomy.row_kinds.get(kind, ())]
        if any(p and _contiguous(words, p) for p in phrases):
            if concept_type is ConceptType.PER_SHARE and whole and row.cells:
                continue
            return concept_type
    return ConceptType.MONETARY


def _contiguous(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


class ExtensionRegistry:
    """Extension concepts proposed for one document, unique by name."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.concepts: dict[str, Concept] = {}
        self._keys: dict[tuple[str, tuple[str, ...], str], str] = {}

    def propose(self, row: TableRow, durations: bool) -> Concept:
        """The extension concept for `row` (the same one for a repeat of the same row)."""
        period = PeriodType.DURATION if durations else PeriodType.INSTANT
        label_key = row.label.strip().lower() or f"(unlabelled {row.page}:{row.line})"
        key = (label_key, row.sections[-1:], period.value)
        if key in self._keys:
            return self.concepts[self._keys[key]]
        label = strip_footnotes(row.label) or _unlabelled(row)
        name = self._free_name(concept_name(label), row, period)
        concept = Concept(
            name=name,
            type=row_kind(row, self.taxonomy),
            period=period,
            label=label,
            documentation=f"Extension concept for the release's line item {label!r}.",
            extension=True,
        )
        self.concepts[name] = concept
        self._keys[key] = name
        return concept

    def change_concept(self, base: Concept, percent: bool) -> Concept:
        """The concept for a row's change column: "Revenue % change" for Revenues."""
        name = f"{base.name}PercentChange" if percent else f"{base.name}Change"
        if name not in self.concepts:
            self.concepts[name] = Concept(
                name=name,
                type=ConceptType.PERCENT if percent else base.type,
                period=base.period,
                label=f"{base.label} ({'% ' if percent else ''}change)",
                documentation=f"Change of {base.label!r} against the prior period, as printed.",
                extension=True,
            )
        return self.concepts[name]

    def variant(self, base: Concept, kind: ConceptType) -> Concept:
        """The concept for a base concept's figures printed as a ratio or per share."""
        suffix = {ConceptType.PERCENT: "Percentage", ConceptType.PER_SHARE: "PerShare"}[kind]
        name = f"{base.name}{suffix}"
        if name not in self.concepts:
            words = {ConceptType.PERCENT: "as a percentage", ConceptType.PER_SHARE: "per share"}
            self.concepts[name] = Concept(
                name=name,
                type=kind,
                period=base.period,
                label=f"{base.label} ({words[kind]})",
                documentation=f"{base.label!r} printed {words[kind]}.",
                extension=True,
            )
        return self.concepts[name]

    def _free_name(self, base: str, row: TableRow, period: PeriodType) -> str:
        candidates = [base]
        if row.sections:
            candidates.append(base + concept_name(row.sections[-1]))
        candidates.append(base + period.value.capitalize())
        for name in candidates:
            if name not in self.concepts and name not in self.taxonomy.concepts:
                return name
        number = 2
        while f"{base}{number}" in self.concepts or f"{base}{number}" in self.taxonomy.concepts:
            number += 1
        return f"{base}{number}"


def _unlabelled(row: TableRow) -> str:
    section = strip_footnotes(row.sections[-1]).rstrip(":") if row.sections else ""
    return f"Total {section}".strip() if section else f"Unlabelled row (line {row.line})"
