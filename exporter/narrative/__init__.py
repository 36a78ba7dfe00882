"""Stage 3b, narrative: the figures in a release's prose, between table understanding and facts.

`read_narrative` reads every paragraph and bullet (see `reader`) with the report's own
period from the tables, and returns a `Narrative`: facts-to-be with their concepts,
periods, currencies and printed precision; figures that are not facts with the reason;
the concepts derived for what the prose says about others (changes, shares, outlooks);
the footnotes the prose marks; and the ADS ratio where the release states or shows it.
Everything it knows about wording comes from `taxonomy/narrative.toml`.
"""

from __future__ import annotations

import re

from exporter.document import Document, Table
from exporter.metadata import DocumentInfo
from exporter.narrative.calendar import report_calendar
from exporter.narrative.figures import figure_reader
from exporter.narrative.model import AdsRatio, Footnote, Narrative, Role
from exporter.narrative.passages import Passage, read_passages
from exporter.narrative.reader import NarrativeReader
from exporter.tables.decimals import decimal_comma_evidence, document_decimal_comma
from exporter.tables.model import StatementTable
from exporter.taxonomy import Taxonomy

__all__ = ["Narrative", "read_narrative"]


def read_narrative(
    document: Document,
    tables: tuple[StatementTable, ...],
    info: DocumentInfo,
    taxonomy: Taxonomy,
) -> Narrative:
    """The figures of `document`'s prose, as facts-to-be and reasons."""
    report = report_calendar(document, tables, taxonomy.narrative.words.stops)
    if report is None:
        return Narrative()
    passages = read_passages(document)
    rates = tuple(rate.text for rate in info.exchange_rates)
    comma = _decimal_comma(document, passages, taxonomy)
    reader = NarrativeReader(taxonomy, report, rates, info.currency, info.issuer, comma)
    reader.define(passages)
    footnotes, links = _read(reader, passages)
    facts = [
        fact.model_copy(update={"footnotes": tuple(links.get(i, ()))})
        for i, fact in enumerate(reader.out.facts)
    ]
    used = {f.concept for f in facts}
    return Narrative(
        facts=tuple(facts),
        unplaced=tuple(reader.out.unplaced),
        footnotes=tuple(footnotes),
        concepts=tuple(c for name, c in reader.derived.made.items() if name in used),
        ads_ratio=_stated_ratio(passages, taxonomy) or reader.out.ads_ratio,
    )


def _decimal_comma(document: Document, passages: tuple[Passage, ...], taxonomy: Taxonomy) -> bool:
    """Whether the prose prints a decimal comma ("EUR 148,6 million"): as the tables do,
    where some table tells; else as the prose's own figures show ("SEK 2,31", "13,6%")."""
    tables = [decimal_comma_evidence(b.rows) for b in document.blocks if isinstance(b, Table)]
    if any(evidence is not None for evidence in tables):
        return document_decimal_comma(tables)
    texts = [passage.text for passage in passages]
    return figure_reader(taxonomy).decimal_comma_evidence(texts) is True


def _read(
    reader: NarrativeReader, passages: tuple[Passage, ...]
) -> tuple[list[Footnote], dict[int, list[str]]]:
    """Read every passage; footnotes attach to the facts their marks sit on."""
    pending: dict[str, list[int]] = {}
    footnotes: list[Footnote] = []
    links: dict[int, list[str]] = {}
    for passage in passages:
        if passage.footnote is None:
            for key, mark in reader.passage(passage):
                pending.setdefault(mark.label, []).append(key)
            continue
        keys = pending.pop(passage.footnote, [])
        marked = [i for i, k in enumerate(reader.out.subject_of) if k in keys]
        identifier = f"fn{len(footnotes) + 1}"
        for index in marked:
            links.setdefault(index, []).append(identifier)
        values = [reader.out.facts[i] for i in marked if reader.out.facts[i].role is Role.VALUE]
        period = values[0].period if values else None
        reader.passage(passage, default=period, templates_only=True)
        concepts = sorted({reader.bases[k] for k in keys if k in reader.bases})
        footnotes.append(
            Footnote(
                id=identifier,
                marker=passage.footnote,
                line=passage.lines[0][1],
                text=passage.text,
                concepts=tuple(concepts),
            )
        )
    return footnotes, links


def _stated_ratio(passages: tuple[Passage, ...], taxonomy: Taxonomy) -> AdsRatio | None:
    """ "Each ADS represents two Class A ordinary shares": the ratio as the release states it."""
    numbers = {k.lower(): v for k, v in taxonomy.narrative.words.number_words.items()}
    count = "|".join([r"\d+(?:\.\d+)?", *map(re.escape, numbers)])
    for pattern in taxonomy.narrative.ads_ratio_patterns:
        words = [re.escape(w) for w in pattern.split()]
        body = r"\W+".join(w.replace(r"\{count\}", f"(?P<count>{count})") for w in words)
        regex = re.compile(body.replace("ads", r"ads?s?"), re.IGNORECASE)
        for passage in passages:
            match = regex.search(passage.text)
            if match:
                text = match["count"].lower()
                value = numbers.get(text)
                ratio = value if value is not None else text
                return AdsRatio(
                    shares_per_ads=ratio,
                    line=passage.line_at(match.start()),
                    text=match.group(0),
                    stated=True,
                )
    return None
