"""The output registry (`exporter/outputs.py`): a new format is one module and one entry.

The sixth format here, a tab-separated list of fact ids and values, is defined in this
file and joins the registry by one entry; nothing else is edited, and the command line,
the pipeline, the validation, the writer and the review page all take it up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter import outputs
from exporter.cli import main
from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.options import ConvertOptions
from exporter.outputs import Format, Output
from exporter.pipeline import convert
from exporter.render.env import decimal_text
from exporter.render.formats import RenderJob
from exporter.validate.outputs import Instance
from exporter.validate.result import ValidationResult
from exporter.write import write_conversion

STEM = "qifu-2024q4"
NAME = "fact-list"


def render_fact_list(job: RenderJob) -> dict[str, bytes]:
    """One line per fact: its id and value."""
    lines = [f"{f.id}\t{decimal_text(f.value)}" for f in job.facts.facts]
    return {f"{job.stem}.facts.tsv": "\n".join(lines).encode()}


def check_fact_list(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    """Every line names a fact id the instance states."""
    findings = [
        Finding(
            code=f"{NAME}.unknown-fact",
            severity=Severity.ERROR,
            message=f"no fact {line.split()[0]!r} in the instance",
            location=Location(file=entry),
        )
        for line in files[entry].decode().splitlines()
        if f'id="{line.split()[0]}"'.encode() not in instance.data
    ]
    count = len(files[entry].splitlines())
    return ValidationResult(findings=tuple(findings), checks=(f"{NAME}.facts",), fact_count=count)


FACT_LIST = Output(NAME, "Fact list", ".facts.tsv", render_fact_list, check_fact_list)


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry with the sixth format: the one edit a new format needs."""
    monkeypatch.setattr(outputs, "OUTPUTS", (*outputs.OUTPUTS, FACT_LIST))


@pytest.mark.usefixtures("registered")
def test_a_sixth_format_is_rendered_validated_and_written(sample: Path, tmp_path: Path) -> None:
    conversion = convert(sample, ConvertOptions(formats=("xml", NAME)))
    entry = f"{STEM}.facts.tsv"
    assert conversion.report.valid
    assert entry in conversion.files
    assert entry in conversion.report.outputs
    assert f"{NAME}.facts" in conversion.report.checks
    assert b"Fact list" in conversion.review
    facts = conversion.facts
    assert facts is not None
    assert len(conversion.files[entry].splitlines()) == len(facts.facts)
    write_conversion(conversion, tmp_path)
    assert (tmp_path / entry).read_bytes() == conversion.files[entry]


@pytest.mark.usefixtures("registered")
def test_the_command_line_takes_the_sixth_format(sample: Path, tmp_path: Path) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", NAME, "-q"]) == 0
    assert (tmp_path / f"{STEM}.facts.tsv").is_file()
    assert not (tmp_path / f"{STEM}.xml").exists()


@pytest.mark.usefixtures("registered")
def test_a_sixth_format_that_fails_its_check_is_not_written(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(job: RenderJob) -> dict[str, bytes]:
        return {f"{job.stem}.facts.tsv": b"no-such-fact\t1"}

    entry = Output(NAME, "Fact list", ".facts.tsv", broken, check_fact_list)
    monkeypatch.setattr(outputs, "OUTPUTS", (*outputs.OUTPUTS[:-1], entry))
    conversion = convert(sample, ConvertOptions(formats=("xml", NAME)))
    assert not conversion.report.valid
    assert conversion.report.outputs == ()
    assert f"{NAME}.unknown-fact" in {f.code for f in conversion.report.findings}


def test_every_builtin_format_is_registered_once() -> None:
    assert outputs.format_names() == tuple(Format)
    assert len({o.entry("x") for o in outputs.OUTPUTS}) == len(outputs.OUTPUTS)
