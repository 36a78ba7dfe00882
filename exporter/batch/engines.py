"""Where the jobs run: a local process pool, or a Dask distributed cluster.

An engine takes the jobs and yields each with its `DocumentResult`, in completion
order; it turns a timeout, a dead worker or an unexpected error into a failed result
for that document only. Both engines run the same `run_job` and send the output bytes
back, and the caller writes them, so their outputs and manifests are identical.

Dask (an optional extra: `pip install 'xbrl-exporter[dask]'`): workers must read the
inputs at the paths given (a shared file system); outputs come back to the client. With
no scheduler address a `LocalCluster` of `jobs` single-threaded worker processes starts.
A task past the timeout is cancelled and its result dropped; on a local cluster its
worker is restarted, on a remote one it runs on until it finishes.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from exporter.batch.job import DocumentResult, Job, failed_result, run_job, warm_up
from exporter.batch.pool import Failure, ProcessPool, pool_context
from exporter.errors import ExporterError, Location

PRELOAD = ("exporter.batch.warm",)


class Engine(Protocol):
    def __call__(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, DocumentResult]]: ...


class LocalEngine:
    """Jobs in a pool of `workers` processes on this machine."""

    def __init__(self, workers: int, timeout: float | None, max_tasks: int | None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.max_tasks = max_tasks

    def __call__(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, DocumentResult]]:
        pool = ProcessPool(
            run_job,
            min(self.workers, len(jobs)) or 1,
            timeout=self.timeout,
            max_tasks=self.max_tasks,
            initializer=warm_up,
            context=pool_context(PRELOAD),
        )
        for job, outcome in pool.run(jobs):
            if isinstance(outcome, Failure):
                yield job, failed_result(job, f"{job.input.key}: {outcome.message}")
            else:
                yield job, outcome


class InProcessEngine:
    """One document in this process: no pool to start and warm up for a single release
    (the quick path of `xbrl-export convert one.txt`). The timeout is a SIGALRM timer
    where this runs on the main thread of a POSIX process; elsewhere there is none."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout

    def __call__(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, DocumentResult]]:
        for job in jobs:
            try:
                with _alarm(self.timeout):
                    result = run_job(job)
            except _TimeoutError:
                message = f"{job.input.key}: timed out after {self.timeout:g} s"
                result = failed_result(job, message)
            yield job, result


class _TimeoutError(BaseException):
    """Raised by the alarm inside the conversion it interrupts (a BaseException, so that
    the conversion's own "a bug fails this document" handler lets it through)."""


@contextlib.contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class DaskEngine:
    """Jobs as tasks on a Dask cluster (`scheduler` address, or a new LocalCluster)."""

    def __init__(self, workers: int, timeout: float | None, scheduler: str | None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.scheduler = scheduler

    def __call__(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, DocumentResult]]:
        distributed = _import_distributed()
        cluster = None
        if self.scheduler is None:
            import dask

            # a document that kills its worker fails at once instead of killing three more
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                cluster = distributed.LocalCluster(
                    n_workers=max(1, min(self.workers, len(jobs))),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
        try:
            with distributed.Client(cluster or self.scheduler) as client:
                yield from self._run(client, distributed, jobs, restart=cluster is not None)
        finally:
            if cluster is not None:
                cluster.close()

    def _run(
        self, client: Any, distributed: Any, jobs: Sequence[Job], restart: bool
    ) -> Iterator[tuple[Job, DocumentResult]]:
        client.run(warm_up)
        slots = max(1, sum(client.nthreads().values()))
        run_id = uuid.uuid4().hex[:12]
        pending = deque(enumerate(jobs))
        running: dict[Any, tuple[Job, float]] = {}
        try:
            while pending or running:
                while pending and len(running) < slots:  # each task starts when submitted
                    index, job = pending.popleft()
                    future = client.submit(
                        run_job, job, key=f"xbrl-export-{run_id}-{index}", pure=False, retries=0
                    )
                    deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
                    running[future] = (job, deadline)
                yield from self._collect(client, distributed, running, restart)
        finally:
            for future in running:
                future.cancel()

    def _collect(
        self, client: Any, distributed: Any, running: dict[Any, tuple[Job, float]], restart: bool
    ) -> Iterator[tuple[Job, DocumentResult]]:
        nearest = min(deadline for _, deadline in running.values())
        wait_for = None if nearest == float("inf") else max(0.05, nearest - time.monotonic())
        with contextlib.suppress(TimeoutError):
            distributed.wait(list(running), timeout=wait_for, return_when="FIRST_COMPLETED")
        for future in list(running):
            job, deadline = running[future]
            if future.done():
                del running[future]
                yield job, _future_result(future, job)
            elif time.monotonic() >= deadline:
                del running[future]
                _abandon(client, future, restart)
                yield (
                    job,
                    failed_result(job, f"{job.input.key}: timed out after {self.timeout:g} s"),
                )


def _future_result(future: Any, job: Job) -> DocumentResult:
    if future.status == "finished":
        result: DocumentResult = future.result()
        return result
    if future.status == "cancelled":
        return failed_result(job, f"{job.input.key}: the task was cancelled")
    error = future.exception()
    if type(error).__name__ == "KilledWorker":
        return failed_result(job, f"{job.input.key}: the worker process died")
    return failed_result(job, f"{job.input.key}: {type(error).__name__}: {error}")


def _abandon(client: Any, future: Any, restart: bool) -> None:
    """Drop a task past its deadline; on our own cluster, restart the worker running it."""
    workers = [w for w, keys in client.processing().items() if future.key in keys]
    future.cancel()
    if restart and workers:
        try:
            client.restart_workers(workers)
        except Exception:  # the cluster carries on either way
            logging.getLogger(__name__).warning("could not restart worker %s", workers)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ExporterError(
            "the dask engine needs dask.distributed, which is not installed",
            Location(),
            "pip install 'xbrl-exporter[dask]', or use --engine local",
        ) from None
    return distributed
