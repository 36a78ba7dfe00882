"""The cell table: every number printed in the sample's tables and what became of it.

Shared by the golden test and by `--regen-golden`; one line per printed number:
line, grid column, printed text, status (fact / duplicate / not a fact) and the fact.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from stages import table_facts

from exporter.facts import FactSet
from exporter.ingest import read_document
from exporter.mapping import map_tables
from exporter.metadata import read_metadata
from exporter.render.env import decimal_text
from exporter.tables import understand_tables
from exporter.taxonomy import load_taxonomy

HEADER = "line\tcolumn\tprinted\tstatus\tconcept\tcontext\tunit\tvalue\tdecimals"


@cache
def fact_set(path: Path) -> FactSet:
    taxonomy = load_taxonomy()
    document = read_document(path)
    info = read_metadata(document, taxonomy)
    tables = understand_tables(document, taxonomy, info.currency)
    mapping = map_tables(tables, taxonomy, info.issuer)
    return table_facts(document, tables, mapping, info, taxonomy)


def cell_lines(facts: FactSet) -> list[str]:
    """Tab-separated lines, sorted by source line and column."""
    rows: list[tuple[int, int, str]] = []
    for fact in facts.facts:
        tail = (
            f"{fact.concept}\t{fact.context}\t{fact.unit}\t{decimal_text(fact.value)}\t"
            f"{'INF' if fact.decimals is None else fact.decimals}"
        )
        rows.append(
            (fact.source.line, fact.source.position, f"{fact.source.printed}\tfact\t{tail}")
        )
        for dup in fact.duplicates:
            rows.append((dup.line, dup.position, f"{dup.printed}\tduplicate\t{tail}"))
    for number in facts.unmapped:
        rows.append((number.line, -1, f"{number.text}\tnot a fact\t{number.reason}\t\t\t\t"))
    return [HEADER] + [f"{line}\t{col}\t{rest}" for line, col, rest in sorted(rows)]
