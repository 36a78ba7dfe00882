"""Batch conversion end to end: a bad document among good ones, determinism, resume
after an interruption or a kill, outputs in sub-directories, and the Dask engine."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_inputs import make_batch, output_files

from exporter.batch import BatchOptions, run_batch
from exporter.batch.job import Status
from exporter.batch.manifest import read_manifest, without_timing
from exporter.batch.progress import LineProgress
from exporter.cli import main

MANIFEST = "manifest.jsonl"


def _manifest(outdir: Path) -> list[dict]:
    return [json.loads(line) for line in (outdir / MANIFEST).read_text().splitlines()]


def _stable_manifest(outdir: Path) -> list[dict]:
    return [without_timing(line) for line in (outdir / MANIFEST).read_text().splitlines()]


def _leftovers(outdir: Path) -> list[str]:
    """Temporary or staged files: none may remain after a run ends, however it ends."""
    return [
        str(p.relative_to(outdir))
        for p in outdir.rglob("*")
        if p.name.endswith(".tmp") or ".partial" in p.parts
    ]


def _documents_with_outputs(outdir: Path) -> set[str]:
    return {
        str(p.relative_to(outdir)).removesuffix(".report.json")
        for p in outdir.rglob("*.report.json")
    }


@pytest.fixture(scope="module")
def batch_with_a_corrupt_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("corrupt")
    make_batch(root / "in", 10, corrupt_at=5)
    code = main(["convert", str(root / "in"), "-o", str(root / "out"), "--jobs", "2", "-q"])
    return root, code


def test_a_corrupt_file_fails_alone_and_the_run_completes(batch_with_a_corrupt_file) -> None:
    root, code = batch_with_a_corrupt_file
    assert code == 1
    entries = {e["input"]: e for e in _manifest(root / "out")}
    assert len(entries) == 10
    bad = entries.pop("east/release-005.txt")
    assert bad["status"] == "failed"
    assert bad["outputs"] == []
    assert bad["error"].startswith("east/release-005.txt, line 1: the file is binary")
    assert bad["sha256"] is not None
    assert {e["status"] for e in entries.values()} == {"warnings"}
    assert len({e["facts"] for e in entries.values()}) == 1  # the same release, renamed
    assert next(iter(entries.values()))["facts"] > 400
    assert not (root / "out" / "east" / "release-005.xml").exists()
    assert _leftovers(root / "out") == []


def test_the_failure_policy_can_be_relaxed(batch_with_a_corrupt_file) -> None:
    root, _ = batch_with_a_corrupt_file
    args = ["convert", str(root / "in"), "-o", str(root / "out"), "-q", "--resume"]
    assert main([*args, "--fail-on", "never"]) == 0
    assert main([*args, "--fail-on", "failed"]) == 1


def test_outputs_in_sub_directories_validate(batch_with_a_corrupt_file) -> None:
    root, _ = batch_with_a_corrupt_file
    instance = root / "out" / "west" / "release-004.xml"
    schema = (root / "out" / "west" / "release-004.xsd").read_text()
    assert 'schemaLocation="../taxonomy/xe-2025-01-01.xsd"' in schema
    jsonld = instance.with_suffix(".jsonld")
    assert main(["validate", str(instance), "--jsonld", str(jsonld)]) == 0


@pytest.mark.arelle
def test_arelle_accepts_outputs_in_nested_sub_directories(tmp_path: Path) -> None:
    from arelle_check import run_arelle

    make_batch(tmp_path / "in" / "2024" / "q4", 2)
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    instance = tmp_path / "out" / "2024" / "q4" / "west" / "release-000.xml"
    result = run_arelle(instance)
    assert result.errors == [] and result.inconsistencies == []
    facts = _manifest(tmp_path / "out")[0]["facts"]
    assert len(result.facts) == facts


def test_two_runs_give_identical_outputs_and_manifests(tmp_path: Path) -> None:
    make_batch(tmp_path / "in", 6)
    for name in ("a", "b"):
        args = ["convert", str(tmp_path / "in"), "-o", str(tmp_path / name), "-j", "2", "-q"]
        assert main(args) == 0
    first, second = output_files(tmp_path / "a"), output_files(tmp_path / "b")
    # per document: instance, JSON-LD, schema, xBRL-JSON, xBRL-CSV metadata, its cover
    # table and five statement tables, the prose's facts and the footnotes, Inline XBRL,
    # two reports and the review page; five taxonomy files, the cover concepts' schema and
    # the taxonomy package
    assert len(first) == 6 * 17 + 7
    assert first == second
    assert _stable_manifest(tmp_path / "a") == _stable_manifest(tmp_path / "b")


def test_resume_redoes_only_changed_or_incomplete_inputs(tmp_path: Path) -> None:
    paths = make_batch(tmp_path / "in", 4)
    options = BatchOptions(arguments=(str(tmp_path / "in"),), outdir=tmp_path / "out", jobs=2)
    assert len(run_batch(options).converted) == 4
    paths[1].write_text(paths[1].read_text().replace("Example 1 ", "Changed 1 "))
    (tmp_path / "out" / "west" / "release-002.jsonld").unlink()
    again = run_batch(options.model_copy(update={"resume": True}))
    assert sorted(e.input for e in again.converted) == [
        "east/release-001.txt",
        "west/release-002.txt",
    ]
    assert len(again.entries) == 4
    assert (tmp_path / "out" / "west" / "release-002.jsonld").is_file()
    other_options = options.model_copy(update={"resume": True, "write_invalid": True})
    assert len(run_batch(other_options).converted) == 4  # other options: all again


def test_plain_progress_lines_count_the_documents(tmp_path: Path) -> None:
    make_batch(tmp_path / "in", 3, corrupt_at=1)
    stream = io.StringIO()
    options = BatchOptions(arguments=(str(tmp_path / "in"),), outdir=tmp_path / "out", jobs=2)
    run_batch(options, LineProgress(stream, interval=0))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "converting 3 documents"
    assert any(line.startswith("error: east/release-001.txt") for line in lines)
    assert lines[-1].startswith("progress: 3/3 (100%)")
    assert "2 warnings, 0 incomplete, 0 invalid, 1 failed" in lines[-1]


def _start(inputs: Path, outdir: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "exporter.cli", "convert", str(inputs), "-o", str(outdir)]
    return subprocess.Popen(
        [*command, "--jobs", "1", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait_for_entries(outdir: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        manifest = outdir / MANIFEST
        if manifest.is_file() and manifest.read_text().count("\n") >= count:
            return
        time.sleep(0.05)
    pytest.fail("the batch did not get going")


@pytest.mark.parametrize("how", ["sigterm", "sigkill"])
def test_an_interrupted_run_leaves_no_partial_file_and_resumes(tmp_path: Path, how: str) -> None:
    make_batch(tmp_path / "in", 16)
    outdir = tmp_path / "out"
    process = _start(tmp_path / "in", outdir)
    _wait_for_entries(outdir, 3, process)
    if how == "sigterm":
        process.send_signal(signal.SIGTERM)
        assert process.wait(60) == 130
        assert _leftovers(outdir) == []
    else:  # the whole process group at once: parent, fork server and worker
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(60)
        assert [p for p in _leftovers(outdir) if not p.startswith(".partial")] == []
    done = read_manifest(outdir / MANIFEST)
    assert 3 <= len(done) < 16
    # every document is whole or absent: files in place belong to journaled documents
    assert _documents_with_outputs(outdir) <= {e.input.removesuffix(".txt") for e in done.values()}
    before = {
        p: p.stat().st_mtime_ns for p in outdir.glob("*/*.xml") if p.parent.name != "taxonomy"
    }

    # a worker killed a moment before its parent may leave a "failed" entry: tried again
    finished = {key for key, entry in done.items() if entry.status is not Status.FAILED}
    options = BatchOptions(arguments=(str(tmp_path / "in"),), outdir=outdir, jobs=2, resume=True)
    resumed = run_batch(options)
    assert len(resumed.converted) == 16 - len(finished)
    assert not {e.input for e in resumed.converted} & finished
    assert len(resumed.entries) == 16
    assert {p: p.stat().st_mtime_ns for p in before} == before  # finished ones untouched
    assert _leftovers(outdir) == []
    assert len(_documents_with_outputs(outdir)) == 16


def test_local_and_dask_engines_give_identical_results(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    make_batch(tmp_path / "in", 6, corrupt_at=2)
    base = ["convert", str(tmp_path / "in"), "-j", "2", "-q"]
    assert main([*base, "-o", str(tmp_path / "local")]) == 1
    assert main([*base, "-o", str(tmp_path / "dask"), "--engine", "dask"]) == 1
    assert output_files(tmp_path / "local") == output_files(tmp_path / "dask")
    assert _stable_manifest(tmp_path / "local") == _stable_manifest(tmp_path / "dask")


def test_a_job_reads_its_input_once(sample: Path, monkeypatch) -> None:
    """The bytes a job hashes are the bytes it converts: the file is opened once."""
    from exporter.batch import job as job_module
    from exporter.batch.discover import Input
    from exporter.ingest import read_input
    from exporter.options import ConvertOptions

    reads: list[Path] = []

    def counted(path: Path, max_bytes: int) -> bytes:
        reads.append(path)
        return read_input(path, max_bytes)

    monkeypatch.setattr(job_module, "read_input", counted)
    monkeypatch.setattr("exporter.pipeline.read_document", counted)  # fails if called
    found = Input(path=str(sample), key=sample.name, directory="", stem=sample.stem)
    job = job_module.Job(input=found, path=str(sample), options=ConvertOptions(formats=("xml",)))
    result = job_module.run_job(job)
    assert result.status is not Status.FAILED, result.error
    assert reads == [sample]
    assert result.sha256 is not None
