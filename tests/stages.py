"""The sample run stage by stage, for tests that change what one stage hands the next."""

from __future__ import annotations

from pathlib import Path

from exporter.document import Document
from exporter.facts import FactSet, build_facts, cross_check, keep_calculations_consistent
from exporter.ingest import read_document
from exporter.mapping import Mapping, map_tables
from exporter.metadata import DocumentInfo, read_metadata
from exporter.options import ConvertOptions
from exporter.outputs import Format, output
from exporter.pipeline import taxonomy_files
from exporter.render.formats import render_outputs
from exporter.render.statements import statement_views
from exporter.tables import StatementTable, understand_tables
from exporter.taxonomy import Taxonomy, load_taxonomy


def stages(path: Path) -> tuple[Taxonomy, tuple[StatementTable, ...], FactSet]:
    taxonomy = load_taxonomy()
    document = read_document(path)
    info = read_metadata(document, taxonomy)
    tables = understand_tables(document, taxonomy, info.currency)
    mapping = map_tables(tables, taxonomy, info.issuer)
    facts = table_facts(document, tables, mapping, info, taxonomy)
    return taxonomy, tables, facts


def table_facts(
    document: Document,
    tables: tuple[StatementTable, ...],
    mapping: Mapping,
    info: DocumentInfo,
    taxonomy: Taxonomy,
) -> FactSet:
    """The facts stage's steps as the pipeline runs them, without the prose."""
    built = build_facts(tables, mapping, info, taxonomy, ConvertOptions(), document.source)
    facts = cross_check(built, None, info, taxonomy, document.source)
    return keep_calculations_consistent(facts, document.source)


def page_without(path: Path, kind: str) -> tuple[bytes, dict[str, bytes]]:
    """The Inline XBRL page of `path` with the statements of `kind` left out, and the
    instance, schema and taxonomy files it refers to (by name)."""
    taxonomy, tables, facts = stages(path)
    job = render_outputs(facts, taxonomy, tables, path.stem, "taxonomy")
    views = statement_views(tuple(t for t in tables if t.kind != kind), job.facts)
    inline = output(Format.IXBRL)
    files = inline.render(job.model_copy(update={"views": views}))
    return files[inline.entry(path.stem)], {**taxonomy_files(), **job.document.files}
