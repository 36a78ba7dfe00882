"""What every output's renderer reads, and the renderers of the formats beside the instance.

`render_outputs` renders the schema, the instance and the JSON-LD of one release (always:
the instance is what every other output is checked against) and the statements as they
read; the result, a `RenderJob`, is what each format's render function in the output
registry (`exporter/outputs.py`) takes. Each format refers to the same schema
(`<stem>.xsd`, which imports the taxonomy), so every concept, extension concepts included,
resolves offline from the output directory:

    xbrl-json   <stem>.json                      xBRL-JSON (OIM 1.0)
    xbrl-csv    <stem>.csv.json, <stem>-*.csv    xBRL-CSV metadata and one table per statement
    ixbrl       <stem>.xhtml                     Inline XBRL 1.1, the statements as printed
"""

from __future__ import annotations

from functools import cached_property

from exporter.facts.model import FactSet
from exporter.filenames import review_name
from exporter.models import Frozen
from exporter.render.cover import cover_qname
from exporter.render.document import RenderedDocument, _Names, render_document
from exporter.render.inline import render_inline
from exporter.render.oim import OimNames, instance_aspects, oim_names, render_xbrl_json
from exporter.render.statements import StatementViews, statement_views
from exporter.render.taxonomy import files as taxonomy_files
from exporter.render.text import clean_strings
from exporter.render.xbrl_csv import render_xbrl_csv
from exporter.tables.model import StatementTable
from exporter.taxonomy import Taxonomy
from exporter.taxonomy_cover import load_cover


class FormatOutput(Frozen):
    """One format's files by name, and the file a processor opens (its entry point)."""

    format: str
    entry: str
    files: dict[str, bytes]
    skipped: str = ""
    """Why the format was not rendered (then `files` is empty)."""

    def names(self) -> tuple[str, ...]:
        """The file names, the entry first."""
        return tuple(sorted(self.files, key=lambda n: (n != self.entry, n)))


class RenderJob(Frozen):
    """One release ready to render in any format: its facts, the schema, instance and
    JSON-LD already rendered, and the statements as they read (the Inline XBRL view and
    the review page show them). What the OIM formats share is worked out once, on first
    use."""

    facts: FactSet
    taxonomy: Taxonomy
    stem: str
    document: RenderedDocument
    views: StatementViews

    @property
    def instance(self) -> bytes:
        return self.document.files[self.document.instance_name]

    @property
    def schema_name(self) -> str:
        return self.document.schema_name

    @cached_property
    def qnames(self) -> dict[str, str]:
        """`prefix:Name` of every concept with facts, as the instance writes it."""
        return concept_qnames(self.facts, self.taxonomy, self.schema_name)

    @cached_property
    def oim_names(self) -> OimNames:
        return oim_names(self.facts, self.qnames, instance_aspects(self.instance))


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


def instance_files(job: RenderJob) -> dict[str, bytes]:
    """The XBRL instance and its schema, rendered by `render_outputs`."""
    schema = job.schema_name
    return {job.document.instance_name: job.instance, schema: job.document.files[schema]}


def jsonld_files(job: RenderJob) -> dict[str, bytes]:
    """The JSON-LD, rendered with the schema by `render_outputs`."""
    name = job.document.jsonld_name
    return {name: job.document.files[name]}


def xbrl_json_files(job: RenderJob) -> dict[str, bytes]:
    return {
        f"{job.stem}.json": render_xbrl_json(job.facts, job.qnames, job.oim_names, job.schema_name)
    }


def xbrl_csv_files(job: RenderJob) -> dict[str, bytes]:
    return render_xbrl_csv(
        job.views, job.qnames, job.oim_names, job.schema_name, job.stem, job.facts
    )


def inline_files(job: RenderJob) -> dict[str, bytes]:
    """The Inline XBRL page, with a link to the review page written beside it."""
    title = job.facts.entity.name or job.stem
    links = {"Review of this conversion": review_name(job.stem)}
    page = render_inline(
        job.views, job.facts, job.qnames, job.instance, job.schema_name, title, links
    )
    return {f"{job.stem}.xhtml": page}


def render_outputs(
    facts: FactSet,
    taxonomy: Taxonomy,
    tables: tuple[StatementTable, ...],
    stem: str,
    taxonomy_href: str,
) -> RenderJob:
    """Schema, instance and JSON-LD of one release, and the statements as they read: what
    each output format is rendered from."""
    facts, tables = clean_strings(facts), clean_strings(tables)  # text XML can carry
    document = render_document(facts, taxonomy, stem, taxonomy_href)
    views = statement_views(tables, facts)
    return RenderJob(facts=facts, taxonomy=taxonomy, stem=stem, document=document, views=views)
