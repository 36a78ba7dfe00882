"""A batch run: discover -> plan (resume) -> run on an engine -> commit -> manifest -> summary.

The parent process is the only writer. It writes the taxonomy once, commits each
finished document (staged, then renamed into place) and appends its manifest line;
at the end (also after Ctrl-C or SIGTERM) it rewrites the manifest sorted and clears
the staging directory, so an interrupted run leaves no partial file and `--resume`
picks up exactly the inputs without a current manifest entry.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from exporter.batch.discover import (
    DEFAULT_EXTENSIONS,
    MANIFEST_NAME,
    STAGING_DIR,
    Discovery,
    Input,
    discover,
)
from exporter.batch.engines import DaskEngine, Engine, InProcessEngine, LocalEngine
from exporter.batch.job import DocumentResult, Job, commit, failed_result
from exporter.batch.manifest import (
    Journal,
    ManifestEntry,
    Timing,
    config_digest,
    is_current,
    read_manifest,
    write_manifest,
)
from exporter.batch.progress import Progress, QuietProgress
from exporter.errors import ExporterError
from exporter.models import Frozen
from exporter.options import ConvertOptions
from exporter.pipeline import taxonomy_files
from exporter.write import write_taxonomy

DEFAULT_MAX_TASKS = 50
"""Documents a worker converts before it is replaced: the validator caches up to 256
documents (~0.3 MB each), so recycling keeps peak memory flat whatever the batch size."""


class BatchOptions(Frozen):
    """Everything a batch run needs besides the conversion options."""

    arguments: tuple[str, ...]
    outdir: Path
    convert: ConvertOptions = ConvertOptions()
    write_invalid: bool = False
    jobs: int = 1
    timeout: float | None = None
    max_tasks_per_worker: int | None = None
    resume: bool = False
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS


class BatchResult(Frozen):
    """The entries of every input (sorted), which were converted now, and what went wrong."""

    entries: tuple[ManifestEntry, ...]
    converted: tuple[ManifestEntry, ...]
    problems: tuple[str, ...]
    interrupted: bool
    seconds: float


def make_engine(options: BatchOptions, documents: int = 2) -> Engine:
    """Dask when asked; one document in this process (a pool would cost more than the
    conversion); a local process pool otherwise."""
    if options.engine == "dask":
        return DaskEngine(options.jobs, options.timeout, options.scheduler)
    if documents == 1:
        return InProcessEngine(options.timeout)
    return LocalEngine(options.jobs, options.timeout, options.max_tasks_per_worker)


def find_inputs(options: BatchOptions) -> Discovery:
    """The inputs the arguments name, laid out below the output directory."""
    return discover(options.arguments, options.outdir, options.extensions)


def run_batch(
    options: BatchOptions,
    progress: Progress | None = None,
    engine: Engine | None = None,
    found: Discovery | None = None,
) -> BatchResult:
    """Convert every input found; never raises for a document-level problem."""
    started = time.monotonic()
    progress = progress or QuietProgress()
    outdir = options.outdir
    found = found or find_inputs(options)
    if not found.inputs:
        return BatchResult(
            entries=(), converted=(), problems=found.problems, interrupted=False, seconds=0.0
        )
    outdir.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(outdir / STAGING_DIR, ignore_errors=True)  # left by a killed run
    write_taxonomy(taxonomy_files(), outdir)
    config = config_digest(options.convert, options.write_invalid)
    manifest = outdir / MANIFEST_NAME
    kept = _kept(found.inputs, read_manifest(manifest), config, outdir) if options.resume else {}
    jobs = [_job(i, options) for i in found.inputs if i.key not in kept]
    entries, converted = dict(kept), []
    interrupted = False
    journal = Journal(manifest, keep=options.resume)
    progress.start(len(jobs), len(kept))
    results = (engine or make_engine(options, len(jobs)))(jobs) if jobs else iter(())
    try:
        with _sigterm_as_interrupt():
            for job, result in results:
                with _signals_deferred():  # a document is committed and journaled whole
                    entry = _record(result, job, config, outdir, started)
                    journal.append(entry)
                entries[entry.input] = entry
                converted.append(entry)
                progress.advance(entry)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        _close(results)  # stops the workers now, not when garbage-collected
        progress.close()
        journal.close()
        write_manifest(manifest, entries.values())
        shutil.rmtree(outdir / STAGING_DIR, ignore_errors=True)
    return BatchResult(
        entries=tuple(sorted(entries.values(), key=lambda e: e.input)),
        converted=tuple(converted),
        problems=found.problems,
        interrupted=interrupted,
        seconds=time.monotonic() - started,
    )


def _close(results: Iterator[object]) -> None:
    close = getattr(results, "close", None)
    if close is not None:
        close()


def _job(found: Input, options: BatchOptions) -> Job:
    return Job(
        input=found,
        path=str(Path(found.path).absolute()),
        options=options.convert,
        write_invalid=options.write_invalid,
    )


def _kept(
    inputs: tuple[Input, ...], previous: dict[str, ManifestEntry], config: str, outdir: Path
) -> dict[str, ManifestEntry]:
    """The inputs whose manifest entry is current (same hash and options, outputs present)."""
    kept = {}
    for found in inputs:
        entry = previous.get(found.key)
        if entry is None:
            continue
        try:
            digest = hashlib.sha256(Path(found.path).read_bytes()).hexdigest()
        except OSError:
            continue
        if is_current(entry, digest, config, outdir):
            kept[found.key] = entry
    return kept


def _record(
    result: DocumentResult, job: Job, config: str, outdir: Path, started: float
) -> ManifestEntry:
    """Commit a result's files and make its manifest entry (a failed write fails it)."""
    before = time.perf_counter()
    try:
        outputs = commit(result, outdir, slot="document")
    except (OSError, ExporterError) as error:
        result = failed_result(job, f"{job.input.key}: cannot write the outputs: {error}")
        outputs = ()
    return ManifestEntry(
        input=result.key,
        sha256=result.sha256,
        status=result.status,
        outputs=outputs,
        facts=result.facts,
        table_numbers=result.table_numbers,
        not_understood=result.not_understood,
        check_failures=result.check_failures,
        error=result.error,
        config=config,
        timing=Timing(
            seconds=result.seconds,
            cpu_seconds=result.cpu_seconds,
            write_seconds=round(time.perf_counter() - before, 6),
            finished_at=round(time.monotonic() - started, 3),
            worker_peak_rss_kib=result.peak_rss_kib,
            worker_rss_kib=result.rss_kib,
            worker_pid=result.worker_pid,
        ),
    )


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while converting, so `kill` also ends the run cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, then act on them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    handlers = {
        signum: signal.signal(signum, lambda number, frame: received.append(number))
        for signum in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    if received:
        raise KeyboardInterrupt
