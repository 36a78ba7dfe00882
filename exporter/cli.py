"""The `xbrl-export` command: a thin layer that parses options, calls the library, maps errors.

Exit codes: 0 everything converted and validated; 1 some document did not validate or
could not be converted (or `validate` found errors or inconsistencies); 2 usage, or an
input argument that names nothing (the message says what and where); 130 interrupted
(Ctrl-C, SIGTERM).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from exporter.batch.discover import DEFAULT_EXTENSIONS, MANIFEST_NAME, read_list
from exporter.batch.job import Status
from exporter.batch.progress import QuietProgress, make_progress, summary_lines
from exporter.batch.run import (
    DEFAULT_MAX_TASKS,
    BatchOptions,
    BatchResult,
    find_inputs,
    run_batch,
)
from exporter.ingest import DEFAULT_MAX_BYTES
from exporter.ingest.ocr_mode import OCR_MODES
from exporter.options import ConvertOptions
from exporter.outputs import format_names
from exporter.pipeline import taxonomy_files
from exporter.validate.command import invoke, validate_command
from exporter.write import safe_target, write_atomic

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM: finished documents are kept, --resume goes on


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in format_names()]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(format_names())}")
    return chosen


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xbrl-exporter")
def cli() -> None:
    """Turn earnings press releases into validated XBRL: instance, JSON-LD, xBRL-JSON,
    xBRL-CSV and Inline XBRL."""


@cli.command("convert")
@click.argument("inputs", nargs=-1, type=str)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory for the outputs (created if missing); it mirrors the input tree.",
)
@click.option(
    "--from-list",
    "from_list",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Also convert the paths listed in this file, one per line ('-' for stdin).",
)
@click.option(
    "--ext",
    "extensions",
    default=",".join(e.lstrip(".") for e in DEFAULT_EXTENSIONS),
    show_default=True,
    help="File extensions to pick up when walking directories.",
)
@click.option("--entity-scheme", help="Entity identifier scheme URI, e.g. http://www.sec.gov/CIK.")
@click.option("--entity-id", help="Entity identifier (default: EXCHANGE:TICKER from the release).")
@click.option("--encoding", help="Text encoding of the inputs (default: detected).")
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option(
    "--ocr",
    type=click.Choice(OCR_MODES),
    default="auto",
    show_default=True,
    help="Read PDF pages through OCR: those without a usable text layer (auto, needs the "
    "ocr extra and Tesseract), every page (always) or none (never).",
)
@click.option(
    "--format",
    "formats",
    default=",".join(format_names()),
    show_default=True,
    help="Comma-separated outputs to write: " + ", ".join(format_names()) + ".",
)
@click.option(
    "--write-invalid",
    is_flag=True,
    help="Write outputs even when they fail validation (for debugging).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=default_jobs(),
    show_default="all cores",
    help="Documents converted in parallel (worker processes, or LocalCluster workers).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=300.0,
    show_default=True,
    help="Seconds one document may take before it fails (0: no limit).",
)
@click.option(
    "--max-tasks-per-worker",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_TASKS,
    show_default=True,
    help="Replace a worker process after this many documents (0: never).",
)
@click.option("--resume", is_flag=True, help="Skip inputs the manifest lists as converted.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run on local processes, or on Dask distributed.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (with --engine dask; default: start a LocalCluster).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["invalid", "failed", "never"]),
    default="invalid",
    show_default=True,
    help="Exit 1 when a document is incomplete, invalid or failed / only failed / never.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def convert_command(**params: Any) -> None:
    """Convert INPUTS (files, directories, globs) into OUTDIR.

    \b
    Per release: XBRL instance .xml, JSON-LD .jsonld, xBRL-JSON .json,
    xBRL-CSV .csv.json with its -*.csv tables, Inline XBRL .xhtml, schema .xsd,
    report .report.json and .report.txt, review page .review.html.
    Once per run: the shared taxonomy/ and manifest.jsonl.
    Directories are walked by extension; README, LICENSE, CHANGELOG and the like
    are skipped there (a file named explicitly is always converted)."""
    options = _batch_options(params)
    found = find_inputs(options)
    for problem in found.problems:
        click.echo(f"error: {problem}", err=True)
    if not found.inputs:
        if not found.problems:
            click.echo("error: no input files found", err=True)
        sys.exit(EXIT_INPUT)
    single = len(found.inputs) == 1
    quiet = params["quiet"]
    progress = QuietProgress() if single else make_progress(quiet)
    result = run_batch(options, progress, found=found)
    if single:
        _print_report(result, options.outdir, quiet)
    elif not quiet:
        for line in summary_lines(list(result.entries), list(result.converted), result.seconds):
            click.echo(line)
        click.echo(f"manifest: {options.outdir / MANIFEST_NAME}")
    sys.exit(_exit_code(result, params["fail_on"]))


def _batch_options(params: dict[str, Any]) -> BatchOptions:
    arguments = list(params["inputs"])
    if params["from_list"] is not None:
        try:
            arguments += read_list(params["from_list"])
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(
                f"cannot read the list: {exc}", param_hint="--from-list"
            ) from None
    if not arguments:
        raise click.UsageError("give INPUTS or --from-list FILE")
    if params["scheduler"] and params["engine"] != "dask":
        raise click.BadParameter("needs --engine dask", param_hint="--scheduler")
    return BatchOptions(
        arguments=tuple(arguments),
        outdir=params["outdir"],
        convert=ConvertOptions(
            entity_scheme=params["entity_scheme"],
            entity_id=params["entity_id"],
            encoding=params["encoding"],
            max_bytes=params["max_bytes"],
            formats=_formats(params["formats"]),
            ocr=params["ocr"],
        ),
        write_invalid=params["write_invalid"],
        jobs=params["jobs"],
        timeout=params["timeout"] or None,
        max_tasks_per_worker=params["max_tasks_per_worker"] or None,
        resume=params["resume"],
        engine=params["engine"],
        scheduler=params["scheduler"],
        extensions=tuple(e.strip() for e in params["extensions"].split(",") if e.strip()),
    )


def _print_report(result: BatchResult, outdir: Path, quiet: bool) -> None:
    """A single document's report summary, as it is in its .report.txt."""
    for entry in result.converted:
        if quiet and entry.status not in (Status.INCOMPLETE, Status.INVALID):
            continue
        for name in entry.outputs:
            if name.endswith(".report.txt"):
                click.echo((outdir / name).read_text(encoding="utf-8"), nl=False)


def _exit_code(result: BatchResult, fail_on: str) -> int:
    if result.interrupted:
        click.echo(
            f"interrupted after {len(result.converted)} documents; "
            "run the same command with --resume to finish",
            err=True,
        )
        return EXIT_INTERRUPTED
    failing = {
        "invalid": (Status.INCOMPLETE, Status.INVALID, Status.FAILED),
        "failed": (Status.FAILED,),
        "never": (),
    }[fail_on]
    code = EXIT_INVALID if any(e.status in failing for e in result.entries) else EXIT_OK
    return EXIT_INPUT if result.problems else code


cli.add_command(validate_command)


@cli.command("taxonomy")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Directory to write the generated taxonomy into.",
)
def taxonomy_command(outdir: Path) -> None:
    """Write the taxonomy generated from taxonomy/*.toml (schema and linkbases)."""
    for name, data in sorted(taxonomy_files().items()):
        write_atomic(safe_target(outdir, name), data)
        click.echo(str(outdir / name))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI in-process and return its exit code (tests call this directly)."""
    return invoke(cli, argv, "xbrl-export")


if __name__ == "__main__":
    sys.exit(main())
