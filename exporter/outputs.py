"""The registry of output formats: what each is called, where it is written, how it is
rendered and how it is checked before it is written.

Adding a format is one module with its render and check functions and one entry in
`OUTPUTS`; the command line's `--format` and the pipeline read this table (the pipeline
renders and checks each chosen format and hands the writer its files; the review page
shows each by its label). The instance and the JSON-LD are `always` rendered and
validated (every other output is checked against the instance), and written when chosen;
the others are rendered only when chosen. An output whose facts it cannot state
(`obstacle`) is reported as not written instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from exporter.facts.model import FactSet
from exporter.render.formats import (
    FormatOutput,
    RenderJob,
    inline_files,
    instance_files,
    jsonld_files,
    oim_obstacle,
    xbrl_csv_files,
    xbrl_json_files,
)
from exporter.validate.outputs import (
    CheckedOutput,
    Instance,
    Validation,
    check_inline,
    check_instance,
    check_jsonld,
    check_xbrl_csv,
    check_xbrl_json,
    not_written,
)
from exporter.validate.result import ValidationResult

Render = Callable[[RenderJob], dict[str, bytes]]
"""A format's files, by name, from the release ready to render."""
Check = Callable[[dict[str, bytes], str, Instance], ValidationResult]
"""A format's validation: its files, its entry file and the instance to agree with."""


class Format(StrEnum):
    """The outputs the exporter writes (`--format` takes these names)."""

    XML = "xml"
    JSONLD = "jsonld"
    XBRL_JSON = "xbrl-json"
    XBRL_CSV = "xbrl-csv"
    IXBRL = "ixbrl"


def _no_obstacle(facts: FactSet) -> str:
    return ""


@dataclass(frozen=True)
class Output:
    """One output format: its name, its label, the suffix of the file a processor opens
    (after the stem), and its render and check functions."""

    format: str
    label: str
    suffix: str
    render: Render
    check: Check
    always: bool = False
    """Rendered and validated even when not chosen (the instance and the JSON-LD)."""
    obstacle: Callable[[FactSet], str] = _no_obstacle
    """Why the facts cannot be written in this format ("" when they can)."""

    def entry(self, stem: str) -> str:
        return stem + self.suffix


OUTPUTS: tuple[Output, ...] = (
    Output(Format.XML, "XBRL instance", ".xml", instance_files, check_instance, always=True),
    Output(Format.JSONLD, "JSON-LD", ".jsonld", jsonld_files, check_jsonld, always=True),
    Output(
        Format.XBRL_JSON,
        "xBRL-JSON",
        ".json",
        xbrl_json_files,
        check_xbrl_json,
        obstacle=oim_obstacle,
    ),
    Output(
        Format.XBRL_CSV,
        "xBRL-CSV",
        ".csv.json",
        xbrl_csv_files,
        check_xbrl_csv,
        obstacle=oim_obstacle,
    ),
    Output(Format.IXBRL, "Inline XBRL", ".xhtml", inline_files, check_inline),
)
"""Every output, in the order they are rendered, validated and reported."""


def format_names() -> tuple[str, ...]:
    """Every registered format, in the order they are rendered and reported."""
    return tuple(str(o.format) for o in OUTPUTS)


def output(fmt: str) -> Output:
    """The registry entry of `fmt`."""
    return next(o for o in OUTPUTS if o.format == fmt)


def chosen(formats: tuple[str, ...] | None) -> tuple[str, ...]:
    """The formats to write, in registry order (None: all of them)."""
    names = format_names()
    return names if formats is None else tuple(f for f in names if f in formats)


def render_formats(job: RenderJob, formats: tuple[str, ...] | None) -> tuple[FormatOutput, ...]:
    """The chosen formats and the ones always rendered, in registry order; a format whose
    facts it cannot state is kept with the reason and no files."""
    wanted = chosen(formats)
    rendered = []
    for entry in OUTPUTS:
        if not (entry.always or entry.format in wanted):
            continue
        name, obstacle = entry.entry(job.stem), entry.obstacle(job.facts)
        files = {} if obstacle else entry.render(job)
        rendered.append(
            FormatOutput(format=entry.format, entry=name, files=files, skipped=obstacle)
        )
    return tuple(rendered)


def validate_formats(
    rendered: tuple[FormatOutput, ...], instance: Instance, document: dict[str, bytes]
) -> Validation:
    """Each rendered output checked against the instance, in registry order, then a
    warning for each chosen output that could not be rendered. A check reads its files
    from `document` (the schema, instance and JSON-LD) and every output's files."""
    files = dict(document)
    for out in rendered:
        files.update(out.files)
    checked = [
        CheckedOutput(
            format=out.format,
            label=output(out.format).label,
            files=out.names(),
            result=output(out.format).check(files, out.entry, instance),
        )
        for out in rendered
        if not out.skipped
    ]
    checked += [
        not_written(o.format, output(o.format).label, o.entry, o.skipped)
        for o in rendered
        if o.skipped
    ]
    return Validation(outputs=tuple(checked))


def written_files(
    rendered: tuple[FormatOutput, ...], schema: tuple[str, bytes], formats: tuple[str, ...] | None
) -> dict[str, bytes]:
    """What is written: the schema, and the files of each chosen format."""
    wanted = chosen(formats)
    files = dict([schema])
    for out in rendered:
        if out.format in wanted:
            files.update(out.files)
    return files


def written_entry(rendered: tuple[FormatOutput, ...], fmt: str) -> str | None:
    """The entry file of `fmt` when it was rendered (None: not chosen or not written)."""
    return next((o.entry for o in rendered if o.format == fmt and o.files), None)
