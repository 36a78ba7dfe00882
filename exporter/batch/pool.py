"""A process pool that survives its tasks: a deadline per task, crash isolation, recycling.

`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker dies and
cannot stop a task past its deadline; `multiprocessing.Pool` waits forever for a task
whose worker died. This pool supervises each worker itself: one task at a time over a
pipe, with the worker's process sentinel watched. A task past its deadline (its worker
is killed) or whose worker died fails alone, as a `Failure`, and the worker is replaced.
Workers retire after `max_tasks` tasks, so memory cannot creep up over a long batch.

Workers start from a fork server where one is available (Linux, macOS): a clean,
single-threaded process that imported the `preload` modules once (the pipeline, the
taxonomy), so a new worker is a cheap fork sharing those pages, and forking never
happens from the parent, which may run threads (the progress display). Elsewhere they
are spawned and warm up in `initializer`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
_READY = "ready"
_MAX_START_FAILURES = 5


@dataclass(frozen=True)
class Failure:
    """A task that produced no result: `kind` is "timeout", "crash" or "error"."""

    kind: str
    message: str


# The contexts a pool starts workers in (both can start a Process, unlike a BaseContext).
PoolContext = multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext


def pool_context(preload: Sequence[str] = ()) -> PoolContext:
    """A fork-server context preloading `preload` where available, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def _serve(conn: Connection, function: Callable[[Any], Any], initializer: Any) -> None:
    """A worker's loop: receive a task, run it, send back (ok, value); None stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C for everyone
    if initializer is not None:
        with contextlib.suppress(Exception):  # a cold worker still works, only slower
            initializer()
    try:
        conn.send(_READY)  # deadlines start from here, not from the (slow) start-up
    except (OSError, ValueError):
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            return
        index, task = message
        try:
            outcome: tuple[bool, Any] = (True, function(task))
        except BaseException as error:
            outcome = (False, f"{type(error).__name__}: {error}")
        try:
            conn.send((index, outcome))
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(
        self,
        context: PoolContext,
        function: Callable[[Any], Any],
        initializer: Callable[[], None] | None,
    ) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, function, initializer), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.task: tuple[int, Any] | None = None
        self.deadline = float("inf")
        self.done = 0

    def check_ready(self) -> bool | None:
        """True once the worker said it is ready, None if it died before that."""
        if self.conn.poll():
            try:
                self.ready = self.conn.recv() == _READY
            except (EOFError, OSError):
                return None
        elif not self.process.is_alive():
            return None
        return self.ready

    def assign(self, item: tuple[int, Any], timeout: float | None) -> None:
        self.conn.send(item)
        self.task = item
        self.deadline = time.monotonic() + timeout if timeout else float("inf")

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not within a second."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(1.0)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _died(process: multiprocessing.process.BaseProcess) -> str:
    process.join(1.0)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"the worker process died from signal {signal.Signals(-code).name}"
        except ValueError:
            return f"the worker process died from signal {-code}"
    return f"the worker process exited unexpectedly (exit code {code})"


class ProcessPool(Generic[T, R]):
    """Run `function` over tasks in `workers` processes; yield (task, result or Failure)."""

    def __init__(
        self,
        function: Callable[[T], R],
        workers: int,
        *,
        timeout: float | None = None,
        max_tasks: int | None = None,
        initializer: Callable[[], None] | None = None,
        context: PoolContext | None = None,
    ) -> None:
        self.function = function
        self.workers = max(1, workers)
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.initializer = initializer
        self.context = context or pool_context()

    def run(self, tasks: Sequence[T]) -> Iterator[tuple[T, R | Failure]]:
        """Yield every task with its outcome, in completion order; workers end with the loop."""
        pending = deque(enumerate(tasks))
        workers: list[_Worker] = []
        start_failures = 0
        try:
            while pending or any(w.task is not None for w in workers):
                workers = self._staffed(workers, len(pending))
                for worker in workers:
                    if worker.ready and worker.task is None and pending:
                        worker.assign(pending.popleft(), self.timeout)
                watched = [w for w in workers if w.task is not None or not w.ready]
                self._wait(watched)
                for worker in watched:
                    if not worker.ready:
                        if worker.check_ready() is None:
                            worker.kill()
                            start_failures += 1
                            if start_failures > _MAX_START_FAILURES:
                                raise RuntimeError("worker processes die while starting")
                        continue
                    outcome = self._outcome(worker)
                    if outcome is not None:
                        yield tasks[outcome[0]], outcome[1]
        finally:
            for worker in workers:
                worker.kill()

    def _staffed(self, workers: list[_Worker], pending: int) -> list[_Worker]:
        """Live workers, replacing dead or retired ones while tasks remain."""
        alive = []
        for worker in workers:
            if worker.task is not None or (worker.process.is_alive() and not worker.conn.closed):
                alive.append(worker)
            else:
                worker.kill()  # reap a retired or idle dead worker
        idle = sum(1 for w in alive if w.task is None)
        wanted = min(self.workers - len(alive), max(0, pending - idle))
        for _ in range(wanted):
            alive.append(_Worker(self.context, self.function, self.initializer))
        return alive

    def _wait(self, watched: list[_Worker]) -> None:
        if not watched:
            return
        nearest = min(w.deadline for w in watched)
        timeout = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
        wait([w.conn for w in watched] + [w.process.sentinel for w in watched], timeout)

    def _outcome(self, worker: _Worker) -> tuple[int, R | Failure] | None:
        """The finished task of `worker` with its outcome, or None while it still runs."""
        if worker.conn.poll():
            try:
                received, (ok, value) = worker.conn.recv()
            except (EOFError, OSError):
                return self._lost(worker, Failure("crash", _died(worker.process)))
            worker.task, worker.done = None, worker.done + 1
            if self.max_tasks and worker.done >= self.max_tasks:
                worker.stop()
            return received, value if ok else Failure("error", value)
        if not worker.process.is_alive():
            return self._lost(worker, Failure("crash", _died(worker.process)))
        if time.monotonic() >= worker.deadline:
            worker.kill()
            limit = f"{self.timeout:g}"
            return self._lost(worker, Failure("timeout", f"timed out after {limit} s"))
        return None

    @staticmethod
    def _lost(worker: _Worker, failure: Failure) -> tuple[int, Failure]:
        assert worker.task is not None
        index = worker.task[0]
        worker.kill()
        worker.task = None
        return index, failure
