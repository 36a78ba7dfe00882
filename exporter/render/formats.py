"""The standard renderings beside the instance: xBRL-JSON, xBRL-CSV and Inline XBRL.

Each is rendered from the same facts as the instance and refers to the same schema
(`<stem>.xsd`, which imports the taxonomy), so every concept, extension concepts
included, resolves offline from the output directory:

    xbrl-json   <stem>.json                      xBRL-JSON (OIM 1.0)
    xbrl-csv    <stem>.csv.json, <stem>-*.csv    xBRL-CSV metadata and one table per statement
    ixbrl       <stem>.xhtml                     Inline XBRL 1.1, the statements as printed
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.facts.model import FactSet
from exporter.render.cover import cover_qname
from exporter.render.document import RenderedDocument, _Names, render_document
from exporter.render.inline import render_inline
from exporter.render.oim import instance_aspects, oim_names, render_xbrl_json
from exporter.render.statements import StatementViews, statement_views
from exporter.render.taxonomy import files as taxonomy_files
from exporter.render.text import clean_strings
from exporter.render.xbrl_csv import render_xbrl_csv
from exporter.tables.model import StatementTable
from exporter.taxonomy import Taxonomy
from exporter.taxonomy_cover import load_cover

OIM_FORMATS = ("xbrl-json", "xbrl-csv", "ixbrl")


class FormatOutput(BaseModel):
    """One format's files by name, and the file a processor opens (its entry point)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str
    entry: str
    files: dict[str, bytes]
    skipped: str = ""
    """Why the format was not rendered (then `files` is empty)."""


class RenderedOutputs(RenderedDocument):
    """The schema, instance and JSON-LD, the chosen other formats, and the statements as
    they read (which the Inline XBRL view and the review page show)."""

    formats: tuple[FormatOutput, ...] = ()
    views: StatementViews

    def format_files(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """(format, entry, file names) of each rendered format, entry first."""
        return tuple(
            (o.format, o.entry, tuple(sorted(o.files, key=lambda n: (n != o.entry, n))))
            for o in self.formats
            if not o.skipped
        )

    def skipped_formats(self) -> tuple[tuple[str, str, str], ...]:
        """(format, entry, reason) of each chosen format that could not be rendered."""
        return tuple((o.format, o.entry, o.skipped) for o in self.formats if o.skipped)

    def all_files(self) -> dict[str, bytes]:
        files = dict(self.files)
        for output in self.formats:
            files.update(output.files)
        return files


def entry_name(fmt: str, stem: str) -> str:
    return {"xbrl-json": f"{stem}.json", "xbrl-csv": f"{stem}.csv.json", "ixbrl": f"{stem}.xhtml"}[
        fmt
    ]


def review_name(stem: str) -> str:
    return f"{stem}.review.html"


def concept_qnames(facts: FactSet, taxonomy: Taxonomy, schema_name: str) -> dict[str, str]:
    """`prefix:Name` of every concept with facts, as the instance writes it."""
    base = f"taxonomy/{taxonomy_files(taxonomy)['concepts']}"
    names = _Names(taxonomy=taxonomy, facts=facts, schema_name=schema_name, base_href=base)
    qnames = {f.concept: f"{names.prefix(f.concept)}:{f.concept}" for f in facts.facts}
    spec = load_cover()
    qnames.update({f.concept: cover_qname(spec, f) for f in facts.cover})
    return qnames


def oim_obstacle(facts: FactSet) -> str:
    """Why the facts cannot be written in OIM form ("" when they can): an OIM entity is an
    SQName, so an identifier with spaces (an issuer name standing in for a listing) has
    no OIM form, though XML and Inline XBRL take it."""
    identifier = facts.entity.identifier
    if not identifier or any(c.isspace() for c in identifier):
        return (
            f"entity identifier {identifier!r} has spaces, which an OIM entity (an SQName) "
            "cannot; give --entity-scheme and --entity-id"
        )
    return ""


def render_formats(
    rendered: RenderedDocument,
    facts: FactSet,
    taxonomy: Taxonomy,
    views: StatementViews,
    formats: tuple[str, ...],
    stem: str,
) -> tuple[FormatOutput, ...]:
    """The chosen OIM and Inline XBRL renderings, in `OIM_FORMATS` order."""
    chosen = [f for f in OIM_FORMATS if f in formats]
    if not chosen:
        return ()
    instance = rendered.files[rendered.instance_name]
    schema = rendered.schema_name
    qnames = concept_qnames(facts, taxonomy, schema)
    names = oim_names(facts, qnames, instance_aspects(instance))
    outputs = []
    obstacle = oim_obstacle(facts)
    for fmt in chosen:
        entry = entry_name(fmt, stem)
        if obstacle and fmt in ("xbrl-json", "xbrl-csv"):
            outputs.append(FormatOutput(format=fmt, entry=entry, files={}, skipped=obstacle))
            continue
        if fmt == "xbrl-json":
            files = {entry: render_xbrl_json(facts, qnames, names, schema)}
        elif fmt == "xbrl-csv":
            files = render_xbrl_csv(views, qnames, names, schema, stem, facts)
        else:
            title = facts.entity.name or stem
            links = {"Review of this conversion": review_name(stem)}
            files = {entry: render_inline(views, facts, qnames, instance, schema, title, links)}
        outputs.append(FormatOutput(format=fmt, entry=entry, files=files))
    return tuple(outputs)


def render_outputs(
    facts: FactSet,
    taxonomy: Taxonomy,
    tables: tuple[StatementTable, ...],
    formats: tuple[str, ...],
    stem: str,
    taxonomy_href: str,
) -> RenderedOutputs:
    """Every output of one release: schema, instance and JSON-LD (always: the instance is
    what the others are checked against), and the chosen OIM and Inline XBRL formats."""
    facts, tables = clean_strings(facts), clean_strings(tables)  # text XML can carry
    rendered = render_document(facts, taxonomy, stem, taxonomy_href)
    views = statement_views(tables, facts)
    chosen = render_formats(rendered, facts, taxonomy, views, formats, stem)
    return RenderedOutputs(**dict(rendered), formats=chosen, views=views)
