"""The `xbrl-export` command: a thin layer that parses options, calls the library, maps errors.

Exit codes: 0 everything converted and validated; 1 some output did not validate (or a
`validate` found errors); 2 bad input or usage (the message says what and where).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from exporter.errors import ExporterError
from exporter.findings import Severity
from exporter.ingest import DEFAULT_MAX_BYTES
from exporter.options import FORMATS, ConvertOptions
from exporter.pipeline import convert, taxonomy_files
from exporter.report import summary_text
from exporter.validate import ValidationResult, validate_instance_file, validate_jsonld
from exporter.write import safe_target, write_atomic, write_conversion

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xbrl-exporter")
def cli() -> None:
    """Turn earnings press releases into validated XBRL 2.1 instances and JSON-LD."""


@cli.command("convert")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Directory for the outputs (created if missing).",
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
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma-separated outputs to write: " + ", ".join(FORMATS) + ".",
)
@click.option(
    "--write-invalid",
    is_flag=True,
    help="Write outputs even when they fail validation (for debugging).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def convert_command(
    inputs: tuple[Path, ...],
    outdir: Path,
    entity_scheme: str | None,
    entity_id: str | None,
    encoding: str | None,
    max_bytes: int,
    formats: str,
    write_invalid: bool,
    quiet: bool,
) -> None:
    """Convert each INPUT release into OUTDIR: instance .xml, .jsonld, schema and report."""
    options = ConvertOptions(
        entity_scheme=entity_scheme,
        entity_id=entity_id,
        encoding=encoding,
        max_bytes=max_bytes,
        formats=_formats(formats),
    )
    worst = EXIT_OK
    for path in inputs:
        worst = max(worst, _convert_one(path, outdir, options, write_invalid, quiet))
    sys.exit(worst)


def _convert_one(
    path: Path, outdir: Path, options: ConvertOptions, write_invalid: bool, quiet: bool
) -> int:
    try:
        conversion = convert(path, options)
        write_conversion(conversion, outdir, write_invalid)
    except ExporterError as error:
        click.echo(f"error: {error}", err=True)
        return error.exit_code
    report = conversion.report
    if not quiet or report.status == "invalid":
        click.echo(summary_text(report), nl=False)
    return EXIT_OK if report.valid else EXIT_INVALID


@cli.command("validate")
@click.argument("instance", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--jsonld",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also check this JSON-LD file against the instance, fact by fact.",
)
def validate_command(instance: Path, jsonld: Path | None) -> None:
    """Validate an XBRL INSTANCE (schemas, XBRL 2.1 rules, calculations), offline."""
    result = validate_instance_file(instance)
    results = [result]
    if jsonld is not None:
        results.append(validate_jsonld(jsonld.read_bytes(), instance.read_bytes()))
    sys.exit(_print_validation(instance, results))


def _print_validation(instance: Path, results: list[ValidationResult]) -> int:
    findings = [f for r in results for f in r.findings]
    for finding in findings:
        if finding.severity is not Severity.INFO:
            click.echo(str(finding))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    checks = sum(len(r.checks) for r in results)
    click.echo(
        f"{instance}: {results[0].fact_count} facts, {checks} checks, "
        f"{errors} errors, {warnings} warnings"
    )
    return EXIT_OK if errors == 0 else EXIT_INVALID


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
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="xbrl-export",
            standalone_mode=False,
        )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_INPUT
    except click.ClickException as error:
        error.show()
        return EXIT_INPUT
    except ExporterError as error:
        click.echo(f"error: {error}", err=True)
        return error.exit_code
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
