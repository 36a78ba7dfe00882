"""The sample run stage by stage, for tests that change what one stage hands the next."""

from __future__ import annotations

from pathlib import Path

from exporter.facts import FactSet, build_facts
from exporter.ingest import read_document
from exporter.mapping import map_tables
from exporter.metadata import read_metadata
from exporter.options import ConvertOptions
from exporter.pipeline import taxonomy_files
from exporter.render.document import render_document
from exporter.render.formats import render_formats
from exporter.render.statements import statement_views
from exporter.tables import StatementTable, understand_tables
from exporter.taxonomy import Taxonomy, load_taxonomy


def stages(path: Path) -> tuple[Taxonomy, tuple[StatementTable, ...], FactSet]:
    taxonomy = load_taxonomy()
    document = read_document(path)
    info = read_metadata(document, taxonomy)
    tables = understand_tables(document, taxonomy, info.currency)
    mapping = map_tables(tables, taxonomy, info.issuer)
    facts = build_facts(tables, mapping, info, taxonomy, ConvertOptions(), document.source)
    return taxonomy, tables, facts


def page_without(path: Path, kind: str) -> tuple[bytes, dict[str, bytes]]:
    """The Inline XBRL page of `path` with the statements of `kind` left out, and the
    instance, schema and taxonomy files it refers to (by name)."""
    taxonomy, tables, facts = stages(path)
    rendered = render_document(facts, taxonomy, path.stem, "taxonomy")
    views = statement_views(tuple(t for t in tables if t.kind != kind), facts)
    (output,) = render_formats(rendered, facts, taxonomy, views, ("ixbrl",), path.stem)
    return output.files[output.entry], {**taxonomy_files(), **rendered.files}
