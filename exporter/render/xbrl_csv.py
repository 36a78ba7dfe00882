"""xBRL-CSV (OIM 1.0): one CSV table per statement, shaped as the statement reads.

`<stem>.csv.json` is the metadata; `<stem>-cover.csv` the cover facts (label, text,
concept); `<stem>-<statement>.csv` the tables, and `<stem>-other-facts.csv` a list of the
facts no statement prints (one row each). A table has a
row per statement row (headings included, so it reads like the release) and a column
per value column of the statement; stacked blocks (three months, then the year) become
one table whose rows are matched by label. The first column is the row label, a comment
column processors ignore.

What a value column cannot fix for every row comes from parameter columns to the
right, referenced as `$name` by the column's dimensions: the concept always; the unit
when rows differ (money, shares, per share); the period when a row is an instant inside
a duration column (cash at the beginning of the period); the decimals when precisions
differ; dimension members likewise. A parameter cell is filled only in rows where a
fact uses it, as xBRL-CSV requires. Numbers are the facts' values in full units, with
the facts' signs (an expense printed "(223,237)" in thousands is 223237000).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from exporter.facts.model import Fact, FactFootnote, FactSet
from exporter.render.env import decimal_text, render
from exporter.render.oim import OIM_CSV, OimNames, csv_period, oim_link_info
from exporter.render.provenance import FOOTNOTE_LANGUAGE
from exporter.render.statements import Printing, Statement, StatementViews
from exporter.tables.model import Column
from exporter.taxonomy_cover import load_cover

_NON_IDENTIFIER = re.compile(r"[^A-Za-z0-9]+")
LABEL_COLUMN = "label"
NOTE_ID_COLUMN = "id"
NOTE_COLUMN = "footnote"
COVER_VALUE = "value"
COVER_CONCEPT = "concept"

ColumnKey = tuple[object, ...]


@dataclass
class _Row:
    label: str
    depth: int
    cells: dict[ColumnKey, Printing] = field(default_factory=dict)


@dataclass
class _Parameter:
    """A parameter column: the aspect it gives and its values by row."""

    name: str
    aspect: str
    values: dict[int, str]


@dataclass
class CsvTable:
    """One statement as an xBRL-CSV table: file name, template columns, rows of text."""

    id: str
    url: str
    columns: dict[str, dict[str, object]]
    rows: list[list[str]]
    links: dict[str, list[str]] = field(default_factory=dict)
    """Footnote links from this table's facts: OIM fact id -> footnote fact ids."""
    row_id_column: str | None = None


def identifier(text: str, taken: set[str], fallback: str = "column") -> str:
    """An xBRL-CSV identifier (letters, digits, "_"; not starting with a digit), unique."""
    base = _NON_IDENTIFIER.sub("_", text).strip("_") or fallback
    if base[0].isdigit():
        base = f"_{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def _column_keys(columns: tuple[Column, ...]) -> list[ColumnKey]:
    """Columns of different blocks are one table column when period, currency, kind and
    member agree (repeats within a block are told apart by their order)."""
    seen: Counter[ColumnKey] = Counter()
    keys: list[ColumnKey] = []
    for column in columns:
        base = (column.period, column.currency, column.change, column.member)
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


def _table_rows(statement: Statement) -> tuple[list[_Row], dict[ColumnKey, str]]:
    """Rows of all blocks, a later block's row joining the earlier row of the same label."""
    rows: list[_Row] = []
    index: dict[tuple[object, ...], int] = {}
    headers: dict[ColumnKey, str] = {}
    for block in statement.blocks:
        keys = _column_keys(block.columns)
        for key, column in zip(keys, block.columns, strict=True):
            headers.setdefault(key, column.header)
        counts: Counter[tuple[str, tuple[str, ...]]] = Counter()
        for row in block.rows:
            label_key = (row.label, row.sections)
            key = (*label_key, counts[label_key])
            counts[label_key] += 1
            printed = {
                keys[i]: cell.printing
                for i, cell in enumerate(row.cells)
                if cell is not None and cell.printing is not None
            }
            target = index.get(key)
            if target is None or rows[target].cells.keys() & printed.keys():
                index[key] = len(rows)
                rows.append(_Row(label=row.label, depth=row.depth, cells=printed))
            else:
                rows[target].cells.update(printed)
    return rows, headers


def _aspects(printing: Printing, qnames: dict[str, str], names: OimNames) -> dict[str, str]:
    """The aspects one printing needs, as cell text ("" for absent)."""
    fact = printing.fact
    aspects = {
        "concept": qnames[fact.concept],
        "period": csv_period(names.periods[fact.context]),
        "unit": names.units[fact.unit] or "",
        "decimals": "" if printing.decimals is None else str(printing.decimals),
    }
    for dimension, member in names.dimensions.get(fact.context, ()):
        aspects[dimension] = member
    return aspects


def _compatible(a: dict[int, str], b: dict[int, str]) -> bool:
    return all(b[row] == value for row, value in a.items() if row in b)


class _Layout:
    """Decides, aspect by aspect, what each value column fixes and what it references."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.parameters: list[_Parameter] = []

    def reference(self, aspect: str, values: dict[int, str]) -> str:
        """The parameter column (shared when compatible) holding `values`, as "$name"."""
        for parameter in self.parameters:
            if parameter.aspect == aspect and _compatible(parameter.values, values):
                parameter.values.update(values)
                return f"${parameter.name}"
        name = identifier(_base(aspect), self.taken)
        self.parameters.append(_Parameter(name=name, aspect=aspect, values=dict(values)))
        return f"${name}"

    def definition(self, vectors: dict[str, dict[int, str]]) -> dict[str, object]:
        """A value column's definition: constant aspects fixed, the others referenced."""
        dimensions: dict[str, object] = {}
        definition: dict[str, object] = {"dimensions": dimensions}
        for aspect, values in vectors.items():
            distinct = set(values.values())
            value: object
            if aspect != "concept" and len(distinct) == 1:
                (value,) = distinct
                if value == "":
                    continue
                if aspect == "decimals":
                    value = int(str(value))
            else:
                value = self.reference(aspect, values)
            if aspect == "decimals":
                definition["decimals"] = value
            else:
                dimensions[aspect] = value
        return definition


def _base(aspect: str) -> str:
    """Parameter column names: the aspect, or a dimension's local name."""
    return aspect.rpartition(":")[2]


Notes = dict[str, list[str]]
"""Fact id -> the OIM ids of the footnote facts it links to."""


def csv_table(
    statement: Statement,
    table_id: str,
    url: str,
    qnames: dict[str, str],
    names: OimNames,
    notes: Notes | None = None,
) -> CsvTable:
    """One statement as a table: its rows and columns as printed."""
    rows, headers = _table_rows(statement)
    return _assemble(rows, headers, table_id, url, qnames, names, notes or {})


def fact_list(
    facts: tuple[Fact, ...],
    table_id: str,
    url: str,
    qnames: dict[str, str],
    names: OimNames,
    notes: Notes | None = None,
) -> CsvTable:
    """Facts no statement prints (figures from the text, for instance), one row each."""
    rows = [
        _Row(
            label=fact.source.label,
            depth=0,
            cells={
                ("value",): Printing(
                    tag_id=fact.id,
                    fact=fact,
                    value=fact.value,
                    decimals=fact.decimals,
                    scale=0,
                    primary=True,
                )
            },
        )
        for fact in facts
    ]
    return _assemble(rows, {("value",): "value"}, table_id, url, qnames, names, notes or {})


def note_table(footnotes: tuple[FactFootnote, ...], table_id: str, url: str) -> CsvTable:
    """The footnotes as `xbrl:note` facts, one row each, the row id being the footnote's
    id (so a fact's link names it `<table>.r_<id>.footnote`, xBRL-CSV 1.0 §3.9)."""
    columns: dict[str, dict[str, object]] = {
        NOTE_ID_COLUMN: {},
        NOTE_COLUMN: {"dimensions": {"concept": "xbrl:note", "language": FOOTNOTE_LANGUAGE}},
    }
    rows = [[NOTE_ID_COLUMN, NOTE_COLUMN], *([f.id, f.text] for f in footnotes)]
    return CsvTable(id=table_id, url=url, columns=columns, rows=rows, row_id_column=NOTE_ID_COLUMN)


def cover_table(
    facts: FactSet, table_id: str, url: str, qnames: dict[str, str], names: OimNames
) -> CsvTable:
    """The cover facts, one row each: label, text value, concept (all in one period)."""
    period = csv_period(names.periods[facts.cover[0].context])
    columns: dict[str, dict[str, object]] = {
        LABEL_COLUMN: {"comment": True},
        COVER_VALUE: {"dimensions": {"concept": f"${COVER_CONCEPT}", "period": period}},
        COVER_CONCEPT: {},
    }
    spec = load_cover()
    rows = [[LABEL_COLUMN, COVER_VALUE, COVER_CONCEPT]]
    rows += [[spec.concept(f.concept).label, f.value, qnames[f.concept]] for f in facts.cover]
    return CsvTable(id=table_id, url=url, columns=columns, rows=rows)


def note_targets(footnotes: tuple[FactFootnote, ...], table_id: str) -> Notes:
    """Each linked fact's footnotes as the OIM ids of the note table's facts."""
    notes: Notes = {}
    for footnote in footnotes:
        for fact in footnote.facts:
            notes.setdefault(fact, []).append(f"{table_id}.r_{footnote.id}.{NOTE_COLUMN}")
    return notes


def _links(
    rows: list[_Row], keys: list[ColumnKey], ids: dict[ColumnKey, str], table_id: str, notes: Notes
) -> dict[str, list[str]]:
    """The footnote links of the table's facts: each fact's first printing carries them
    (without a row id column a row is named by its number, the first data row being 1)."""
    links = {}
    for number, row in enumerate(rows, start=1):
        for key in keys:
            printing = row.cells.get(key)
            if printing and printing.primary and printing.fact.id in notes:
                links[f"{table_id}.r_{number}.{ids[key]}"] = notes[printing.fact.id]
    return links


def _assemble(
    rows: list[_Row],
    headers: dict[ColumnKey, str],
    table_id: str,
    url: str,
    qnames: dict[str, str],
    names: OimNames,
    notes: Notes,
) -> CsvTable:
    keys = [k for k in headers if any(k in r.cells for r in rows)]
    taken = {LABEL_COLUMN}
    ids = {k: identifier(headers[k], taken) for k in keys}
    layout = _Layout(taken)
    definitions: dict[str, dict[str, object]] = {}
    for key in keys:
        printed = {
            r: _aspects(row.cells[key], qnames, names)
            for r, row in enumerate(rows)
            if key in row.cells
        }
        aspects = dict.fromkeys(a for values in printed.values() for a in values)
        vectors = {a: {r: values.get(a, "") for r, values in printed.items()} for a in aspects}
        definitions[ids[key]] = layout.definition(vectors)
    columns: dict[str, dict[str, object]] = {LABEL_COLUMN: {"comment": True}}
    columns.update(definitions)
    columns.update({p.name: {} for p in layout.parameters})
    lines = [list(columns)]
    for r, row in enumerate(rows):
        line = ["  " * row.depth + row.label]
        line += [decimal_text(row.cells[k].value) if k in row.cells else "" for k in keys]
        line += [p.values.get(r, "") for p in layout.parameters]
        lines.append(line)
    links = _links(rows, keys, ids, table_id, notes)
    return CsvTable(id=table_id, url=url, columns=columns, rows=lines, links=links)


def csv_text(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _table_url(stem: str, table_id: str) -> str:
    return f"{stem}-{table_id.replace('_', '-')}.csv"


def render_xbrl_csv(
    views: StatementViews,
    qnames: dict[str, str],
    names: OimNames,
    schema_href: str,
    stem: str,
    facts: FactSet,
) -> dict[str, bytes]:
    """The metadata file `<stem>.csv.json`, `<stem>-cover.csv` for the cover facts, one
    `<stem>-<statement>.csv` per statement,
    `<stem>-other-facts.csv` for facts no statement prints and `<stem>-footnotes.csv` for
    the footnotes (when there are any). The entity is given by each fact table's template:
    a footnote has none (OIM 1.0), so it cannot be a report-wide dimension."""
    taken: set[str] = set()
    cover_id = identifier("cover", taken) if facts.cover else ""
    statements = [(s, identifier(s.kind, taken, fallback="table")) for s in views.statements]
    hidden_id = identifier("other_facts", taken) if views.hidden else ""
    note_id = identifier("footnotes", taken) if facts.footnotes else ""
    notes = note_targets(facts.footnotes, note_id)
    tables = []
    if cover_id:
        tables.append(cover_table(facts, cover_id, _table_url(stem, cover_id), qnames, names))
    tables += [
        csv_table(s, table_id, _table_url(stem, table_id), qnames, names, notes)
        for s, table_id in statements
    ]
    if hidden_id:
        url = _table_url(stem, hidden_id)
        tables.append(fact_list(views.hidden, hidden_id, url, qnames, names, notes))
    if note_id:
        tables.append(note_table(facts.footnotes, note_id, _table_url(stem, note_id)))
    links = {source: targets for t in tables for source, targets in t.links.items()}
    info = oim_link_info(facts, names.namespaces)
    files = {t.url: csv_text(t.rows) for t in tables}
    files[f"{stem}.csv.json"] = render(
        "xbrl-csv.json.j2",
        document_type=OIM_CSV,
        namespaces=info["namespaces"],
        link_types=info.get("link_types"),
        link_groups=info.get("link_groups"),
        taxonomy=[schema_href],
        entity=names.entity,
        tables=tables,
        links=links,
    )
    return files
