"""How a batch shows its progress: a live bar on a terminal, periodic lines in a log, or nothing.

All three print the documents that failed or did not validate, one line each, as they
finish (on standard error), and unless quiet the documents converted with warnings too;
the run summary is `summary_lines`.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import IO, Protocol

from exporter.batch.job import Status
from exporter.batch.manifest import ManifestEntry

PROBLEMS = (Status.INCOMPLETE, Status.INVALID, Status.FAILED)


def shown(entry: ManifestEntry, quiet: bool) -> bool:
    """Whether a document gets a line of its own as it finishes."""
    return entry.status in PROBLEMS or (not quiet and entry.status is Status.WARNINGS)


class Progress(Protocol):
    def start(self, total: int, skipped: int) -> None: ...
    def advance(self, entry: ManifestEntry) -> None: ...
    def close(self) -> None: ...


def problem_line(entry: ManifestEntry) -> str:
    """One line for a document that failed, did not validate, was not understood, or was
    converted with warnings."""
    if entry.status is Status.WARNINGS:
        warnings = [c for c in entry.check_failures if c.severity == "warning"]
        first = f"; first: {warnings[0].first}" if warnings else ""
        count = sum(c.count for c in warnings)
        return f"warnings: {entry.input}: {count} warnings, outputs written{first}"
    if entry.status is Status.FAILED:
        return f"error: {entry.error}"
    if entry.status is Status.INCOMPLETE:
        lost, numbers = entry.not_understood or 0, entry.table_numbers or 0
        return (
            f"incomplete: {entry.input}: {lost} of {numbers} table numbers not understood "
            "(see its report); outputs written"
        )
    errors = [c for c in entry.check_failures if c.severity == "error"]
    reason = f"; first: {errors[0].first}" if errors else ""
    count = sum(c.count for c in errors)
    return f"invalid: {entry.input}: {count} errors, outputs not written{reason}"


class _Counts:
    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.by_status: Counter[Status] = Counter()
        self.started = time.monotonic()

    def add(self, entry: ManifestEntry) -> None:
        self.done += 1
        self.by_status[entry.status] += 1

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def eta(self) -> str:
        rate = self.rate()
        return duration((self.total - self.done) / rate) if rate else "?"

    def statuses(self) -> str:
        return ", ".join(f"{self.by_status[s]} {s.value}" for s in Status)

    def compact(self) -> str:
        """Only the statuses seen so far (a terminal line is short)."""
        return ", ".join(f"{self.by_status[s]} {s.value}" for s in Status if self.by_status[s])


class QuietProgress:
    """Only the problem lines."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr

    def start(self, total: int, skipped: int) -> None:
        pass

    quiet = True

    def advance(self, entry: ManifestEntry) -> None:
        if shown(entry, self.quiet):
            print(problem_line(entry), file=self.stream, flush=True)

    def close(self) -> None:
        pass


class LineProgress(QuietProgress):
    """A plain line every `interval` seconds (for logs and pipes), and the problem lines."""

    quiet = False

    def __init__(self, stream: IO[str] | None = None, interval: float = 10.0) -> None:
        super().__init__(stream)
        self.interval = interval
        self.counts = _Counts()
        self.last = time.monotonic()

    def start(self, total: int, skipped: int) -> None:
        self.counts.total = total
        note = f" ({skipped} already converted, skipped)" if skipped else ""
        print(f"converting {total} documents{note}", file=self.stream, flush=True)

    def advance(self, entry: ManifestEntry) -> None:
        super().advance(entry)
        self.counts.add(entry)
        if time.monotonic() - self.last >= self.interval:
            self._line()

    def _line(self) -> None:
        self.last = time.monotonic()
        c = self.counts
        percent = 100 * c.done / c.total if c.total else 100.0
        print(
            f"progress: {c.done}/{c.total} ({percent:.0f}%), {c.rate():.1f} docs/s, "
            f"ETA {c.eta()}; {c.statuses()}",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        if self.counts.total:
            self._line()


class BarProgress:
    """A live rich progress bar with counts by status, rate and ETA (on a terminal)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.counts = _Counts()
        self.bar = Progress(
            TextColumn("converting"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[statuses]}"),
            console=self.console,
            refresh_per_second=4,
        )
        self.task = self.bar.add_task("convert", total=0, rate="0.0", statuses="")

    def start(self, total: int, skipped: int) -> None:
        self.counts.total = total
        if skipped:
            self.console.print(f"{skipped} documents already converted, skipped")
        self.bar.update(self.task, total=total)
        self.bar.start()

    def advance(self, entry: ManifestEntry) -> None:
        self.counts.add(entry)
        if shown(entry, quiet=False):
            self.console.print(problem_line(entry), markup=False, highlight=False)
        self.bar.update(
            self.task,
            advance=1,
            rate=f"{self.counts.rate():.1f}",
            statuses=self.counts.compact(),
        )

    def close(self) -> None:
        self.bar.stop()


def make_progress(quiet: bool, interval: float = 10.0) -> Progress:
    """Quiet, a live bar when standard error is a terminal, else periodic lines."""
    if quiet:
        return QuietProgress()
    if sys.stderr.isatty():
        return BarProgress()
    return LineProgress(interval=interval)


def duration(seconds: float) -> str:
    """`1h02m`, `3m05s`, `12.3s`."""
    if seconds >= 3600:
        return f"{int(seconds // 3600)}h{int(seconds % 3600 // 60):02d}m"
    if seconds >= 60:
        return f"{int(seconds // 60)}m{int(seconds % 60):02d}s"
    return f"{seconds:.1f}s"


def summary_lines(
    entries: list[ManifestEntry],
    converted: list[ManifestEntry],
    seconds: float,
    slowest: int = 5,
) -> list[str]:
    """The run summary: counts by status, rate, the slowest documents of this run."""
    counts = Counter(e.status for e in entries)
    rate = len(converted) / seconds if seconds > 0 else 0.0
    skipped = len(entries) - len(converted)
    lines = [
        f"{len(entries)} documents: " + ", ".join(f"{counts[s]} {s.value}" for s in Status),
        f"converted {len(converted)} in {duration(seconds)} ({rate:.2f} docs/s)"
        + (f"; {skipped} skipped (already converted)" if skipped else ""),
    ]
    timed = sorted(converted, key=lambda e: e.timing.seconds, reverse=True)[:slowest]
    if timed:
        lines.append("slowest: " + ", ".join(f"{e.input} {e.timing.seconds:.2f}s" for e in timed))
    return lines
