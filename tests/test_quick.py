"""One release from the command line: converted in this process, no worker pool to start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from exporter.batch.engines import InProcessEngine, LocalEngine
from exporter.batch.job import Status
from exporter.batch.run import BatchOptions, find_inputs, make_engine, run_batch


def test_one_document_runs_in_process(sample: Path, tmp_path: Path) -> None:
    options = BatchOptions(arguments=(str(sample),), outdir=tmp_path, jobs=2)
    assert isinstance(make_engine(options, 1), InProcessEngine)
    assert isinstance(make_engine(options, 2), LocalEngine)
    children_before = _children()
    result = run_batch(options)
    assert [e.status for e in result.entries] == [Status.WARNINGS]
    assert _children() == children_before  # no pool was started
    assert (tmp_path / "qifu-2024q4.xml").is_file()


def _children() -> set[str]:
    """This process's child processes (Linux /proc)."""
    path = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    return set(path.read_text().split()) if path.exists() else set()


def test_the_timeout_holds_in_process(sample: Path, tmp_path: Path) -> None:
    options = BatchOptions(arguments=(str(sample),), outdir=tmp_path, timeout=0.01)
    result = run_batch(options, found=find_inputs(options))
    (entry,) = result.entries
    assert entry.status == Status.FAILED
    assert "timed out after 0.01 s" in entry.error


def test_the_command_imports_no_pdf_reader_for_a_text_release(sample: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from exporter.cli import main; "
        f"code = main(['convert', {str(sample)!r}, '-o', {str(tmp_path)!r}, '-q']); "
        "print(code, 'pdfplumber' in sys.modules, 'dask' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"]
