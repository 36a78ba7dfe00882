"""`xbrl-export validate`: the offline validator on the command line.

It imports only the validator (and, with `--jsonld`, the JSON-LD checks): the console
script routes `validate` here before the conversion pipeline is loaded (`exporter.console`).

Exit codes: 0 the document conforms; 1 it has errors, or calculation inconsistencies
(unless `--calc none`); 2 usage, or a file that cannot be read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from exporter.errors import ExporterError
from exporter.findings import Severity
from exporter.validate.options import Calc, Profile
from exporter.validate.result import ValidationResult
from exporter.validate.validator import validate_file

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


@click.command("validate")
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--profile",
    type=click.Choice([p.value for p in Profile]),
    default=Profile.SPEC.value,
    show_default=True,
    help="spec: XBRL 2.1 as written; exporter: also the exporter's stricter rules for its "
    "own outputs (absolute-URI entity schemes, no digits below decimals, no inconsistent "
    "duplicates, Units Registry units).",
)
@click.option(
    "--calc",
    type=click.Choice([c.value for c in Calc]),
    default=Calc.C11.value,
    show_default=True,
    help="Calculation check: none, c10 (XBRL 2.1 §5.2.5.2) or c11 (Calculations 1.1, "
    "round-to-nearest). An inconsistency makes the exit code 1.",
)
@click.option(
    "--jsonld",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also check this JSON-LD file against the instance, fact by fact.",
)
def validate_command(document: Path, profile: str, calc: str, jsonld: Path | None) -> None:
    """Validate an XBRL instance, or the DTS of a taxonomy schema or linkbase, offline."""
    results = [validate_file(document, Profile(profile), Calc(calc))]
    if jsonld is not None:
        from exporter.validate.jsonld import validate_jsonld

        results.append(validate_jsonld(jsonld.read_bytes(), document.read_bytes()))
    sys.exit(print_validation(document, results))


def print_validation(document: Path, results: list[ValidationResult]) -> int:
    """Print every finding above INFO and a summary line; the exit code."""
    findings = [f for r in results for f in r.findings]
    for finding in findings:
        if finding.severity is not Severity.INFO:
            click.echo(str(finding))
    errors = sum(len(r.errors) for r in results)
    inconsistencies = sum(len(r.inconsistencies) for r in results)
    warnings = sum(len(r.warnings) for r in results) - inconsistencies
    checks = sum(len(r.checks) for r in results)
    click.echo(
        f"{document}: {results[0].fact_count} facts, {checks} checks, {errors} errors, "
        f"{inconsistencies} inconsistencies, {warnings} warnings"
    )
    return EXIT_OK if all(r.conforms for r in results) else EXIT_INVALID


def show_error(error: click.ClickException) -> None:
    """A usage or option error in the one message style ("error: ..."), after the usage
    line for a usage error, as every other error of the command prints."""
    if isinstance(error, click.UsageError) and error.ctx is not None:
        click.echo(error.ctx.get_usage(), err=True)
        click.echo(f"See '{error.ctx.command_path} --help'.", err=True)
    click.echo(f"error: {error.format_message()}", err=True)


def invoke(command: click.Command, argv: Sequence[str] | None, prog_name: str) -> int:
    """Run a click command in-process and map what it raises to an exit code."""
    try:
        command.main(
            args=list(argv) if argv is not None else None,
            prog_name=prog_name,
            standalone_mode=False,
        )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_INPUT
    except click.ClickException as error:
        show_error(error)
        return EXIT_INPUT
    except ExporterError as error:
        click.echo(f"error: {error}", err=True)
        return error.exit_code
    return EXIT_OK
