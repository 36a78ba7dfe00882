"""`xbrl-export validate`: profiles, calculation modes and exit codes, schemas and linkbases
as starting points, and a start that loads no conversion stage.

Each case writes a broken variant of the committed sample (tests/validate_cases/qifu, the
exporter's own output) to disk and runs the command line on it in-process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_validate_broken import CASES, Case, Variant, build

from exporter.console import main

CASE = Path(__file__).parent / "validate_cases" / "qifu"


def case(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("calc", "code", "summary"),
    [
        ("c11", 1, "1 inconsistencies"),
        ("c10", 1, "1 inconsistencies"),
        ("none", 0, "0 inconsistencies"),
    ],
)
def test_a_calculation_inconsistency_fails_unless_calc_none(
    calc: str, code: int, summary: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = build(case("calculation-off-beyond-rounding")).write(tmp_path)
    got, out = run(capsys, "--calc", calc, str(instance))
    assert got == code, out
    assert "0 errors" in out and summary in out
    assert ("calc.inconsistent" in out) is (calc != "none")


def test_rounding_within_decimals_is_consistent_in_both_modes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = Variant()
    instance = variant.write(tmp_path)
    for calc in ("c10", "c11"):
        code, out = run(capsys, "--calc", calc, str(instance))
        assert code == 0, out


@pytest.mark.parametrize(
    "case_id",
    [
        "entity-scheme-not-absolute-uri",
        "excess-digits-outside-calculations",
        "inconsistent-duplicate-outside-calculations",
        "percent-fact-with-currency-unit",
    ],
)
def test_the_exporter_profile_is_stricter_than_the_specification(
    case_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What XBRL 2.1 allows and the exporter never writes: exit 0 by default, 1 under
    `--profile exporter`, with the case's finding."""
    instance = build(case(case_id)).write(tmp_path)
    code, out = run(capsys, str(instance))
    assert code == 0, out
    code, out = run(capsys, "--profile", "exporter", str(instance))
    assert code == 1 and f"{case(case_id).code}:" in out, out


def test_a_schema_is_validated_with_its_dts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(CASE / "taxonomy" / "xe-2025-01-01.xsd"))
    assert code == 0, out
    assert "0 facts" in out and "0 errors" in out


def test_a_linkbase_with_a_repeated_role_ref_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = Variant()
    name = "taxonomy/xe-2025-01-01_lab.xml"
    role_ref = (
        '<link:roleRef roleURI="http://xbrl-exporter.org/taxonomy/2025-01-01/role/synonym" '
        'xlink:type="simple" xlink:href="xe-2025-01-01.xsd#synonym"/>'
    )
    variant.replace(name, role_ref, role_ref + role_ref)
    variant.write(tmp_path)
    code, out = run(capsys, str(tmp_path / name))
    assert code == 1, out
    assert "xbrl.role-ref-repeated:" in out and "1 errors" in out


def test_validate_loads_no_conversion_stage() -> None:
    """The command line routes `validate` before the pipeline is imported."""
    script = (
        "import sys\n"
        "from exporter.console import main\n"
        f"code = main(['validate', {str(CASE / 'qifu-2024q4.xml')!r}])\n"
        "stages = ('exporter.pipeline', 'exporter.tables', 'exporter.mapping', 'exporter.render',"
        " 'exporter.facts', 'exporter.ingest', 'jsonschema')\n"
        "loaded = [m for m in sys.modules if m.startswith(stages)]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout
