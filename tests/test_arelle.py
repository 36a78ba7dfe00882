"""Arelle, the reference processor, validates what we write: no errors, no inconsistencies."""

from __future__ import annotations

from pathlib import Path

import pytest
from arelle_check import run_arelle
from outputs import xml_facts

from exporter.cli import main

pytestmark = pytest.mark.arelle


@pytest.fixture(scope="module")
def written(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("out")
    assert main(["convert", str(sample), "-o", str(outdir), "--quiet"]) == 0
    return outdir


def test_instance_is_valid_and_consistent(written: Path) -> None:
    instance = written / "qifu-2024q4.xml"
    result = run_arelle(instance)
    assert result.errors == []
    assert result.inconsistencies == []
    assert result.facts == xml_facts(instance.read_bytes())
    assert len(result.facts) == 532  # 447 from the tables, 85 from the prose


def test_instance_is_consistent_under_calculations_1_0(written: Path) -> None:
    """XBRL 2.1 §5.2.5.2 as `--calc xbrl21` applies it: the third quarter's prose lines,
    printed to a tenth of a million, would miss their totals by a tenth (issue 14 counted 3
    inconsistencies); they are kept out, so none is left."""
    result = run_arelle(written / "qifu-2024q4.xml", calcs="xbrl21")
    assert result.errors == []
    assert result.inconsistencies == []


def test_taxonomy_entry_point_loads_without_errors(written: Path) -> None:
    result = run_arelle(written / "taxonomy" / "xe-2025-01-01-entry.xsd")
    assert result.errors == []


def test_arelle_sees_a_broken_total(written: Path, tmp_path: Path) -> None:
    """The check above can fail: a total off by more than rounding is reported."""
    instance = (written / "qifu-2024q4.xml").read_bytes()
    broken = instance.replace(b">4482252000<", b">4482352000<", 1)
    assert broken != instance
    for path in written.iterdir():
        target = tmp_path / path.name
        if path.is_dir():
            target.symlink_to(path, target_is_directory=True)
        else:
            target.write_bytes(broken if path.name == "qifu-2024q4.xml" else path.read_bytes())
    result = run_arelle(tmp_path / "qifu-2024q4.xml")
    assert {m["code"] for m in result.inconsistencies} == {
        "calc11e:inconsistentCalculationUsingRounding"
    }
