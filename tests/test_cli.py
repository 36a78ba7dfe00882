"""The command line, run in-process: outputs, exit codes, messages for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.batch.manifest import without_timing
from exporter.cli import main


def _names(directory: Path) -> set[str]:
    return {str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file()}


def test_convert_writes_every_output(sample: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path)]) == 0
    assert _names(tmp_path) == {
        "qifu-2024q4.xml",
        "qifu-2024q4.jsonld",
        "qifu-2024q4.xsd",
        "qifu-2024q4.report.json",
        "qifu-2024q4.report.txt",
        "qifu-2024q4.review.html",
        "qifu-2024q4.json",
        "qifu-2024q4.csv.json",
        "qifu-2024q4-balance-sheet.csv",
        "qifu-2024q4-income-statement.csv",
        "qifu-2024q4-cash-flow.csv",
        "qifu-2024q4-comprehensive-income.csv",
        "qifu-2024q4-non-gaap.csv",
        "qifu-2024q4-other-facts.csv",
        "qifu-2024q4-footnotes.csv",
        "qifu-2024q4-cover.csv",
        "qifu-2024q4.xhtml",
        "taxonomy/dei-2025-01-01.xsd",
        "taxonomy/xe-2025-01-01.xsd",
        "taxonomy/xe-2025-01-01_lab.xml",
        "taxonomy/xe-2025-01-01_pre.xml",
        "taxonomy/xe-2025-01-01_cal.xml",
        "taxonomy/xe-2025-01-01-entry.xsd",
        "taxonomy/xe-2025-01-01-package.zip",
        "manifest.jsonl",
    }
    out = capsys.readouterr().out
    assert "qifu-2024q4.txt: warnings" in out
    assert "447 facts, 52 consistent duplicates, 0 left out on purpose, 0 not understood" in out


def test_two_runs_give_identical_bytes(sample: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["convert", str(sample), "-o", str(first), "-q"]) == 0
    assert main(["convert", str(sample), "-o", str(second), "-q"]) == 0
    assert _names(first) == _names(second)
    for name in _names(first) - {"manifest.jsonl"}:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    manifests = [(d / "manifest.jsonl").read_text().splitlines() for d in (first, second)]
    assert [without_timing(line) for line in manifests[0]] == [
        without_timing(line) for line in manifests[1]
    ]


def test_format_option_limits_outputs(sample: Path, tmp_path: Path) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", "xml", "-q"]) == 0
    assert not (tmp_path / "qifu-2024q4.jsonld").exists()
    assert (tmp_path / "qifu-2024q4.xml").exists()


def test_unknown_format_is_a_usage_error(sample: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--format", "pdf"]) == 2
    assert "choose from xml, jsonld" in capsys.readouterr().err


def test_entity_can_be_overridden(sample: Path, tmp_path: Path) -> None:
    args = ["--entity-scheme", "http://www.sec.gov/CIK", "--entity-id", "0001741530"]
    assert main(["convert", str(sample), "-o", str(tmp_path), "-q", *args]) == 0
    instance = (tmp_path / "qifu-2024q4.xml").read_text(encoding="utf-8")
    assert (
        '<xbrli:identifier scheme="http://www.sec.gov/CIK">0001741530</xbrli:identifier>'
        in instance
    )
    assert "NASDAQ:QFIN" not in instance


@pytest.mark.parametrize(
    ("content", "message", "code"),
    [
        (None, "cannot open", 2),  # an argument naming nothing: usage
        (b"", "the file is empty", 1),  # a document that cannot be converted: failed
        (b"   \n\n", "the file is empty", 1),
    ],
    ids=["missing", "empty", "blank"],
)
def test_bad_input_gives_one_clear_line(
    tmp_path: Path, capsys, content: bytes | None, message: str, code: int
) -> None:
    path = tmp_path / "release.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["convert", str(path), "-o", str(tmp_path / "out")]) == code
    err = capsys.readouterr().err
    assert message in err
    assert "release.txt" in err
    assert "Traceback" not in err


def test_oversized_input_is_refused(sample: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "--max-bytes", "1000"]) == 1
    assert "over the 1,000 byte limit" in capsys.readouterr().err


def test_a_bad_file_does_not_stop_the_others(sample: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["convert", str(missing), str(sample), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert (tmp_path / "out" / "qifu-2024q4.xml").exists()


def test_validate_command(sample: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample), "-o", str(tmp_path), "-q"]) == 0
    instance = tmp_path / "qifu-2024q4.xml"
    assert main(["validate", str(instance), "--jsonld", str(tmp_path / "qifu-2024q4.jsonld")]) == 0
    # 447 from the tables, 85 from the prose, 9 cover facts
    assert "541 facts" in capsys.readouterr().out
    instance.write_bytes(
        instance.read_bytes().replace(b'contextRef="I2023-12-31"', b'contextRef="nowhere"', 1)
    )
    assert main(["validate", str(instance)]) == 1


def test_taxonomy_command(tmp_path: Path) -> None:
    assert main(["taxonomy", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "taxonomy" / "xe-2025-01-01.xsd").is_file()


def test_help_lists_the_commands(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "convert" in out and "validate" in out and "taxonomy" in out
