"""One document of a batch: the job a worker runs, the result it sends back, and its commit.

`run_job` runs in a worker (a local process or a Dask task): it reads the input once,
hashes those bytes, converts them in memory and returns every output's bytes with the
outcome; it never raises for a document-level problem. The parent alone writes
(`commit`), so a document that times out or whose worker dies never leaves a file behind:
its files go to a staging directory inside the output directory first and are renamed
into place.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import Counter
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from exporter.batch.discover import STAGING_DIR, Input
from exporter.errors import ExporterError
from exporter.findings import Finding, Severity
from exporter.ingest import READERS, read_input
from exporter.models import Frozen
from exporter.options import ConvertOptions
from exporter.pipeline import convert, convert_document, taxonomy_files
from exporter.write import conversion_outputs, safe_target

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]  # the module is absent, not None-typed


class Status(StrEnum):
    """A document's outcome: ok, ok with warnings, too much not understood, did not
    validate, could not be converted."""

    OK = "ok"
    WARNINGS = "warnings"
    # Valid, but more than 5% of its table numbers not understood.
    INCOMPLETE = "incomplete"
    INVALID = "invalid"
    FAILED = "failed"


class Job(Frozen):
    """What a worker needs to convert one input."""

    input: Input
    path: str
    """The input's absolute path (workers may run in another directory)."""
    options: ConvertOptions
    write_invalid: bool = False


class CheckFailure(Frozen):
    """One rule that found errors or warnings in a document: how often, and its first message."""

    code: str
    severity: Severity
    count: int
    first: str


class DocumentResult(Frozen):
    """What came of one job: outcome, output bytes (relative to the output dir), measures."""

    key: str
    sha256: str | None
    status: Status
    files: dict[str, bytes] = Field(default_factory=dict)
    facts: int | None = None
    # Table numbers, and those not understood (neither facts nor left out on purpose).
    table_numbers: int | None = None
    not_understood: int | None = None
    check_failures: tuple[CheckFailure, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_kib: int | None = None
    rss_kib: int | None = None
    worker_pid: int | None = None


def failed_result(
    job: Job, message: str, sha256: str | None = None, seconds: float = 0.0
) -> DocumentResult:
    """A document that could not be converted; `message` says why."""
    return DocumentResult(
        key=job.input.key, sha256=sha256, status=Status.FAILED, error=message, seconds=seconds
    )


def run_job(job: Job) -> DocumentResult:
    """Convert one input in memory; every document-level problem becomes a failed result."""
    start, cpu_start = time.perf_counter(), time.process_time()
    path = Path(job.path)
    try:  # bounded: a file over --max-bytes is refused before it is read whole
        data = read_input(path, job.options.max_bytes)
    except ExporterError as error:
        return _measured(failed_result(job, _message(error, job)), cpu_start)
    digest = hashlib.sha256(data).hexdigest()
    try:  # the bytes hashed are the bytes converted: the file is read once
        conversion = convert(
            path, job.options, stem=job.input.stem, directory=job.input.directory, data=data
        )
    except ExporterError as error:
        failed = failed_result(job, _message(error, job), digest, _since(start))
        return _measured(failed, cpu_start)
    except Exception as error:  # a bug must fail this document only, not the batch
        message = f"{job.input.key}: internal error: {type(error).__name__}: {error}{_where(error)}"
        return _measured(failed_result(job, message, digest, _since(start)), cpu_start)
    report = conversion.report
    return _measured(
        DocumentResult(
            key=job.input.key,
            sha256=digest,
            status=Status(report.status),
            files=conversion_outputs(conversion, job.write_invalid),
            facts=report.facts,
            table_numbers=report.numbers_in_tables,
            not_understood=report.not_understood,
            check_failures=check_failures(report.findings),
            seconds=_since(start),
        ),
        cpu_start,
    )


def check_failures(findings: tuple[Finding, ...]) -> tuple[CheckFailure, ...]:
    """Errors and warnings grouped by rule code (errors first, then by code)."""
    shown = [f for f in findings if f.severity is not Severity.INFO]
    counts = Counter((f.severity, f.code) for f in shown)
    first: dict[tuple[Severity, str], str] = {}
    for finding in shown:
        first.setdefault((finding.severity, finding.code), str(finding))
    order = sorted(counts, key=lambda sc: (sc[0] is not Severity.ERROR, sc[1]))
    return tuple(
        CheckFailure(
            code=code, severity=severity, count=counts[severity, code], first=first[severity, code]
        )
        for severity, code in order
    )


def _message(error: ExporterError, job: Job) -> str:
    """The error's one line, naming the input by its key (never the absolute path)."""
    location = error.location
    if location.file in (job.path, str(Path(job.path).name), None):
        location = location.model_copy(update={"file": job.input.key})
    text = f"{location}: {error.message}"
    return f"{text} ({error.hint})" if error.hint else text


def _where(error: BaseException) -> str:
    import traceback  # only on a crash: some 15 ms to import

    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 6)


def _measured(result: DocumentResult, cpu_start: float) -> DocumentResult:
    """Add the CPU time, and the worker's peak and current resident memory after it."""
    return result.model_copy(
        update={
            "cpu_seconds": round(time.process_time() - cpu_start, 6),
            "peak_rss_kib": peak_rss_kib(),
            "rss_kib": current_rss_kib(),
            "worker_pid": os.getpid(),
        }
    )


def peak_rss_kib() -> int | None:
    """This process's peak resident set size so far, in KiB (None where unknown)."""
    if resource is None:  # pragma: no cover
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if os.uname().sysname == "Darwin" else peak


def current_rss_kib() -> int | None:
    """This process's resident set size now, in KiB (Linux /proc; None elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


# The smallest release that converts (two statements, the listing in the prose); the
# tests use it too.
WARM_UP_RELEASE = b"""Example Corp. Announces Results

NEW YORK, March 1, 2025 -- Example Corp. (NASDAQ: EXMP) today announced results.

Condensed Consolidated Balance Sheets
(Amounts in thousands of U.S. dollars)

\tDecember 31, 2023\tDecember 31, 2024
\tUSD\tUSD
Cash and cash equivalents\t100\t200
Other assets\t50\t70
Total assets\t150\t270

Condensed Consolidated Statements of Operations
(Amounts in thousands of U.S. dollars)

\tThree months ended December 31,
\t2023\t2024
Revenues\t500\t600
Net income\t10\t20
"""


def warm_up() -> None:
    """Build the taxonomy and convert a tiny release in memory (first-use costs, once)."""
    taxonomy_files()
    document = READERS["text"](WARM_UP_RELEASE, "warm-up.txt", None)
    convert_document(document, "warm-up", ConvertOptions())


def commit(result: DocumentResult, outdir: Path, slot: str) -> tuple[str, ...]:
    """Write a result's files: all into the staging slot, then each renamed into place.

    A kill at any point leaves only complete files in place (each rename is atomic)
    and the rest in the staging directory, which every run clears before it starts.
    Returns the written paths, relative to `outdir`.
    """
    if not result.files:
        return ()
    stage = outdir / STAGING_DIR / slot
    stage.mkdir(parents=True, exist_ok=True)
    try:
        staged = []
        for n, (name, data) in enumerate(sorted(result.files.items())):
            target = safe_target(outdir, name)
            temporary = stage / f"{n}.tmp"
            temporary.write_bytes(data)
            staged.append((temporary, target))
        for temporary, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return tuple(sorted(result.files))
