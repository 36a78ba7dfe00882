"""The conversion, stage by stage: ingest -> tables -> mapping -> narrative -> facts
(built, cross-checked, calculations kept consistent) -> render -> validate -> report ->
review.

Each stage takes the previous stage's typed output; `convert_document` runs them in order
and returns every output file in memory with the report. Nothing is written here: the
caller writes (see `write`), and only what validated.

Which outputs there are, how each is rendered and checked, is the output registry's
(`exporter/outputs.py`). The instance is always rendered and validated: the other outputs
are checked against it, fact by fact. The review page comes last, from the report and
each output's validation.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path, PurePosixPath

from exporter.accounting import account_for_numbers, reading_notes, unread_numbers
from exporter.document import Document
from exporter.errors import ExtractionError, Location
from exporter.facts import build_facts, cross_check, keep_calculations_consistent, merge_prose
from exporter.facts.cover import cover_facts
from exporter.facts.model import FactSet
from exporter.facts.ocr_review import ocr_summary, review_ocr_facts
from exporter.filenames import output_stem
from exporter.ingest import parse_document, read_document
from exporter.mapping import map_tables
from exporter.metadata import read_metadata
from exporter.models import Frozen
from exporter.narrative import Narrative, read_narrative
from exporter.options import ConvertOptions
from exporter.outputs import (
    Format,
    render_formats,
    validate_formats,
    written_entry,
    written_files,
)
from exporter.render.cover import render_cover_schema
from exporter.render.formats import FormatOutput, RenderJob, render_outputs
from exporter.render.package import package_name, render_package
from exporter.render.taxonomy import render_taxonomy
from exporter.report import Report, build_report
from exporter.review import render_review
from exporter.tables import StatementTable, understand_tables
from exporter.tables.context import kinds_shown
from exporter.taxonomy import Taxonomy, load_taxonomy
from exporter.taxonomy_cover import load_cover
from exporter.validate.outputs import Instance, Validation

TAXONOMY_DIR = "taxonomy"


class Conversion(Frozen):
    """One release converted: output files by name (relative to the output dir) and the report."""

    stem: str
    files: dict[str, bytes]
    taxonomy_files: dict[str, bytes]
    report: Report
    directory: str = ""
    """Where `files` go, relative to the output directory (POSIX, "" for the top)."""
    review: bytes = b""
    """The review page (HTML), written with the report whatever the outcome."""
    facts: FactSet | None = None
    """The facts the outputs state (None only for a conversion built by hand)."""


@cache
def taxonomy_files() -> dict[str, bytes]:
    """The generated taxonomy, by path relative to the output directory (built once), and
    the same as a taxonomy package for offline processors."""
    taxonomy = load_taxonomy()
    rendered = render_taxonomy(taxonomy)
    cover = load_cover()
    rendered[cover.schema_file] = render_cover_schema(cover)
    files = {f"{TAXONOMY_DIR}/{name}": data for name, data in rendered.items()}
    files[f"{TAXONOMY_DIR}/{package_name(taxonomy)}"] = render_package(taxonomy, rendered)
    return files


def taxonomy_prefix(directory: str) -> str:
    """The href from an output sub-directory (e.g. "a/b") back to the output directory."""
    parts = PurePosixPath(directory).parts if directory else ()
    if any(part in ("..", "/") for part in parts):
        raise ValueError(f"output sub-directory must be relative and inside: {directory!r}")
    return "../" * len(parts)


def _validate(job: RenderJob, rendered: tuple[FormatOutput, ...], directory: str) -> Validation:
    """Every rendered output checked against the instance, whose DTS is read from the
    release's own files and the shared taxonomy as the output directory will hold them."""
    prefix = taxonomy_prefix(directory)
    available = {prefix + name: data for name, data in taxonomy_files().items()}
    available.update(job.document.files)
    instance = Instance(
        data=job.instance,
        name=job.document.instance_name,
        schema_name=job.schema_name,
        resolve=available.get,
    )
    return validate_formats(rendered, instance, job.document.files)


def convert_document(
    document: Document, stem: str, options: ConvertOptions, directory: str = ""
) -> Conversion:
    """Run every stage after ingest on an already read document.

    `directory` is where the outputs will sit below the output directory (batch runs
    mirror the input tree): the schema's href to the shared taxonomy climbs back up.
    """
    stem = output_stem(stem)
    taxonomy = load_taxonomy()
    info = read_metadata(document, taxonomy)
    tables = understand_tables(document, taxonomy, info.currency)
    mappings = map_tables(tables, taxonomy, info.issuer)
    narrative = read_narrative(document, tables, info, taxonomy)
    refuse_numberless(document, tables, narrative)
    built = build_facts(tables, mappings, info, taxonomy, options, document.source)
    built = merge_prose(built, narrative)
    facts = cross_check(built, narrative, info, taxonomy, document.source)
    facts = keep_calculations_consistent(facts, document.source)
    facts = review_ocr_facts(document, tables, mappings, taxonomy, facts)
    facts = account_for_numbers(tables, facts)
    facts = facts.model_copy(update={"cover": cover_facts(facts, info, load_cover())})
    taxonomy_href = posixpath.join(taxonomy_prefix(directory), TAXONOMY_DIR)
    job = render_outputs(facts, taxonomy, tables, stem, taxonomy_href)
    rendered = render_formats(job, options.formats)
    validation = _validate(job, rendered, directory)
    schema = (job.schema_name, job.document.files[job.schema_name])
    wanted = written_files(rendered, schema, options.formats)
    read = unread_numbers(document) + reading_notes(document)
    report = build_report(
        source=document.source,
        fmt=document.format,
        issuer=info.issuer,
        tables=tables,
        facts=facts,
        checks=validation.checks,
        findings=read + facts.findings + validation.findings,
        outputs=tuple(sorted(wanted)) if validation.ok else (),
    )
    if document.ocr is not None:
        report = report.model_copy(update={"ocr": ocr_summary(document.ocr, facts)})
    if not tables:
        unread = unread_statements(document, taxonomy)
        report = report.model_copy(update={"unread_statements": unread})
    inline = written_entry(rendered, Format.IXBRL) if validation.ok else None
    review = render_review(report, job.views, validation.outputs, inline)
    return Conversion(
        stem=stem,
        files=wanted,
        taxonomy_files=taxonomy_files(),
        report=report,
        directory=directory,
        review=review,
        facts=facts,
    )


_TITLE_LENGTH = 200
_STATEMENT_NUMBERS = 12
_GLUED = re.compile(r"(?<=\d)(?=[A-Za-z])|(?<=[a-z])(?=[A-Z])")
_NUMBER = re.compile(r"\(?\$?\d[\d,]*(?:\.\d+)?\)?")


def unread_statements(document: Document, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Statements printed in a release from which no table was read ("line 40: Condensed
    Consolidated Balance Sheets"): a statement title on a line of its own, or a block of
    text holding a dozen numbers and a statement's row evidence (a statement flattened
    into prose). They are in a layout the readers do not know, and their numbers are
    missing from the outputs."""
    statements = [s for s in taxonomy.statements_by_priority() if s.row_evidence]
    found = []
    for block in document.text_blocks:
        text = block.text.strip()
        titled = len(text) <= _TITLE_LENGTH and any(s.matches_title(text) for s in statements)
        numbers = len(_NUMBER.findall(text))
        words = _GLUED.sub(" ", text)  # "250Total assets$ 5,000": cells glued together
        flattened = numbers >= _STATEMENT_NUMBERS and not _runs_as_sentences(words, numbers)
        if titled or (flattened and kinds_shown((words,), taxonomy)):
            found.append(f"line {block.line}: {text[:80]}")
    return tuple(found)


# Running prose has a handful of words around each figure; a statement flattened into a
# block of text has a label of a few words before each run of its columns' numbers.
_WORDS_PER_FIGURE = 3
_WORD = re.compile(r"[A-Za-z]{2,}")
_SENTENCE_END = re.compile(r"[a-z%)\]]\.\s+[A-Z]")


def _runs_as_sentences(text: str, numbers: int) -> bool:
    """A paragraph of sentences that states figures ("As of September 30, 2025, total
    assets were 3,902.7 billion, an increase of ..."), not a statement flattened into a
    block: it has sentence ends and several words for each number, as a statement's
    rows, a short label over several columns of numbers, never do."""
    words = len(_WORD.findall(text))
    sentences = bool(_SENTENCE_END.search(text)) and text.rstrip().endswith(".")
    return sentences and words >= _WORDS_PER_FIGURE * numbers


def refuse_numberless(
    document: Document, tables: tuple[StatementTable, ...], narrative: Narrative
) -> None:
    """A release with neither a table of numbers nor a figure in its prose has nothing to
    convert: an error, not an empty instance that looks like success. A release that
    announces its results in sentences and bullets only converts from its prose."""
    placed = any(r.cells for t in tables for b in t.blocks for r in b.rows)
    if placed or any(t.unplaced for t in tables) or narrative.facts:
        return
    plural = "" if len(tables) == 1 else "s"
    found = f"{len(tables)} table{plural}, none with numbers" if tables else "no tables"
    if narrative.unplaced:
        figures = len(narrative.unplaced)
        found += (
            f", and none of the {figures} figures in the text names a line item the taxonomy knows"
        )
    raise ExtractionError(
        f"{found}; nothing to convert",
        Location(file=document.source),
        "give an earnings release with its financial tables or figures in its text; "
        "statements printed as images need OCR first",
    )


def convert(
    path: Path,
    options: ConvertOptions | None = None,
    *,
    stem: str | None = None,
    directory: str = "",
    data: bytes | None = None,
) -> Conversion:
    """Convert the release at `path`; outputs are named `stem` (default: the file's stem).
    `data` is the file's content when the caller has read it already (`read_input`)."""
    options = options or ConvertOptions()
    if data is None:
        document = read_document(
            path, encoding=options.encoding, max_bytes=options.max_bytes, ocr=options.ocr
        )
    else:
        document = parse_document(data, path, options.encoding, options.ocr)
    return convert_document(document, stem or output_stem(path.stem), options, directory)
