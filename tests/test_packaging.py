"""A wheel built from the checkout carries the taxonomy, templates and schemas, and works."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(target),
            str(ROOT),
        ],
        check=True,
    )
    (path,) = target.glob("xbrl_exporter-*.whl")
    return path


def test_wheel_contains_data_and_console_script(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "exporter/_data/taxonomy/taxonomy.toml",
        "exporter/_data/taxonomy/statements/income_statement.toml",
        "exporter/_data/templates/instance.xml.j2",
        "exporter/_data/templates/report.jsonld.j2",
        "exporter/resources/schemas/http/www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
        "exporter/validate/jsonld.schema.json",
    ]:
        assert required in names, required
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "xbrl-export = exporter.console:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_installed_wheel_converts_the_sample(wheel: Path, sample: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    script = (
        "import sys, exporter; from exporter.cli import main; "
        f"assert exporter.__file__.startswith({str(site)!r}), exporter.__file__; "
        "sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script, "convert", str(sample), "-o", str(tmp_path / "out"), "-q"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "qifu-2024q4.xml").is_file()
