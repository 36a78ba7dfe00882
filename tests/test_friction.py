"""What a newcomer trips over first: help text, project documents in a folder of releases,
a line per document with warnings, one message style, readable file modes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from exporter.batch.discover import discover
from exporter.cli import main


def test_help_lists_every_output(capsys) -> None:
    assert main(["convert", "--help"]) == 0
    text = capsys.readouterr().out
    for output in (".xml", ".jsonld", ".json", ".csv.json", ".xhtml", ".xsd", ".review.html"):
        assert output in text, output
    assert "manifest.jsonl" in text and "taxonomy/" in text


def test_project_documents_are_skipped_in_walks_but_not_when_named(tmp_path: Path) -> None:
    for name in ("q4.txt", "README.md", "LICENSE.txt", "CHANGELOG.md", "readme.txt", "notes.md"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("x")
    walked = discover([str(tmp_path / "in")], tmp_path / "out")
    assert [i.key for i in walked.inputs] == ["notes.md", "q4.txt"]
    named = discover([str(tmp_path / "in" / "README.md")], tmp_path / "out")
    assert [i.key for i in named.inputs] == ["README.md"]


def test_a_batch_prints_a_line_per_document_with_warnings(
    sample: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(sample.read_bytes())
    (folder / "README.md").write_text("# releases of 2024\n")
    assert main(["convert", str(folder), "-o", str(tmp_path / "out"), "-j", "2"]) == 0
    lines = capsys.readouterr().err.splitlines()
    warned = [line for line in lines if line.startswith("warnings: ")]
    # the sample converts with 30 warnings (see its report): 16 from its own arithmetic and
    # translations, 14 prior-quarter figures of the prose kept out for Calculations 1.0
    assert sorted(line.split(",")[0] for line in warned) == [
        "warnings: a.txt: 30 warnings",
        "warnings: b.txt: 30 warnings",
    ]
    assert not (tmp_path / "out" / "README.xml").exists()


@pytest.mark.parametrize(
    "argv",
    [["convert", "--bogus"], ["convert", "x.txt", "-o", "out", "--format", "nothing"], ["nope"]],
    ids=["option", "value", "command"],
)
def test_one_message_style(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("error: ")
    assert "Error:" not in err


def test_outputs_manifest_and_taxonomy_are_readable_by_others(sample: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert main(["convert", str(sample), "-o", str(tmp_path), "-q"]) == 0
    finally:
        os.umask(previous)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    modes = {p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in written}
    assert modes["manifest.jsonl"] == 0o644
    assert modes["taxonomy/xe-2025-01-01.xsd"] == 0o644
    assert set(modes.values()) == {0o644}
