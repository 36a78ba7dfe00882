"""The Python API: `from exporter import convert`, and the README's example as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import exporter

ROOT = Path(__file__).parent.parent


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### From Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's Python example is missing"
    return match.group(1)


def test_readme_example_runs_as_written(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(sample, tmp_path / "examples" / "qifu-2024q4.txt")
    monkeypatch.chdir(tmp_path)
    exec(compile(_readme_example(), "README.md", "exec"), {})
    # the release prints "Total net revenue 4,482,252" (RMB thousands), three months to
    # December 31, 2024
    assert capsys.readouterr().out.splitlines() == ["warnings", "4482252000 -3", "qifu-2024q4.xsd"]
    assert (tmp_path / "out" / "qifu-2024q4.xml").is_file()
    assert (tmp_path / "out" / "taxonomy" / "xe-2025-01-01.xsd").is_file()


def test_public_names() -> None:
    assert exporter.__all__ == ["ConvertOptions", "ExporterError", "Result", "convert"]
    for name in exporter.__all__:
        assert getattr(exporter, name) is not None
    with pytest.raises(AttributeError):
        _ = exporter.nothing_here


def test_result_holds_facts_report_and_outputs(sample: Path) -> None:
    result = exporter.convert(sample, formats=("xml",))
    assert isinstance(result, exporter.Result)
    assert result.valid
    assert set(result.outputs) == {"qifu-2024q4.xml", "qifu-2024q4.xsd"}
    assert len(result.facts.facts) == 532
    assert len(result.facts.footnotes) == 13
    assert result.report.facts == 532


def test_errors_are_exporter_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(exporter.ExporterError):
        exporter.convert(empty)
