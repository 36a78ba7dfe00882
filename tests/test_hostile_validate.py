"""`xbrl-export validate` flags every deliberately broken instance of test_validate_broken.

That module holds the cases (47 kinds, each also checked against Arelle, the reference);
here each broken variant is written to disk and given to the command line under the
exporter's profile (the cases start from the exporter's output), which must print the
expected finding and exit 1 (for an error and for a calculation inconsistency alike), and
accept the clean variants.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_validate_broken import CASES, CLEAN, Case, build

from exporter.cli import main


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validate_command_flags_the_broken_instance(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = build(case).write(tmp_path)
    code = main(["validate", "--profile", "exporter", str(instance)])
    out = capsys.readouterr().out
    assert f"{case.code}:" in out, out
    assert code == 1, out
    assert "Traceback" not in out


@pytest.mark.parametrize("case", CLEAN, ids=[c.id for c in CLEAN])
def test_validate_command_accepts_the_clean_variants(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = build(case).write(tmp_path)
    assert main(["validate", "--profile", "exporter", str(instance)]) == 0, capsys.readouterr().out


def test_validate_command_on_a_file_that_is_not_xml(tmp_path: Path, capsys) -> None:
    instance = tmp_path / "broken.xml"
    instance.write_bytes(b"\x00\x01 not xml <<<")
    assert main(["validate", str(instance)]) == 1
    out = capsys.readouterr().out
    assert "xml.malformed" in out and "Traceback" not in out
