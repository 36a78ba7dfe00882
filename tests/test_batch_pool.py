"""The worker pool: a crash or a task past its deadline fails that task only."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter

from exporter.batch.pool import Failure, ProcessPool


def square_or_misbehave(task: tuple[str, int]) -> tuple[int, int]:
    """Runs in a worker: squares the number, or crashes, hangs or raises as told."""
    action, number = task
    if action == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "exit":
        os._exit(3)
    if action == "hang":
        time.sleep(60)
    if action == "raise":
        raise ValueError(f"bad number {number}")
    return number * number, os.getpid()


def _run(tasks, **kwargs) -> dict[tuple[str, int], object]:
    pool = ProcessPool(square_or_misbehave, 2, **kwargs)
    return dict(pool.run(tasks))


def test_every_task_gets_its_result() -> None:
    tasks = [("square", n) for n in range(12)]
    results = _run(tasks)
    assert {task: value[0] for task, value in results.items()} == {t: t[1] ** 2 for t in tasks}


def test_a_crashing_task_fails_alone() -> None:
    tasks = [("square", 1), ("crash", 2), ("square", 3), ("exit", 4), ("square", 5)]
    results = _run(tasks)
    assert results[("crash", 2)] == Failure("crash", "the worker process died from signal SIGKILL")
    assert results[("exit", 4)] == Failure(
        "crash", "the worker process exited unexpectedly (exit code 3)"
    )
    assert [results[("square", n)][0] for n in (1, 3, 5)] == [1, 9, 25]


def test_a_task_past_its_deadline_fails_alone() -> None:
    started = time.monotonic()
    results = _run([("hang", 1), ("square", 2), ("square", 3)], timeout=1.5)
    assert results[("hang", 1)] == Failure("timeout", "timed out after 1.5 s")
    assert results[("square", 3)][0] == 9
    assert time.monotonic() - started < 30


def test_an_exception_fails_its_task() -> None:
    results = _run([("raise", 7), ("square", 2)])
    assert results[("raise", 7)] == Failure("error", "ValueError: bad number 7")
    assert results[("square", 2)][0] == 4


def test_workers_are_replaced_after_max_tasks() -> None:
    results = _run([("square", n) for n in range(8)], max_tasks=2)
    per_worker = Counter(value[1] for value in results.values())
    assert max(per_worker.values()) == 2
    assert len(per_worker) >= 4


def test_no_worker_outlives_the_run() -> None:
    pool = ProcessPool(square_or_misbehave, 2)
    pids = [value[1] for _, value in pool.run([("square", n) for n in range(4)])]
    time.sleep(0.2)
    for pid in set(pids):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        # a zombie not yet reaped by its parent (the fork server) is not running
        with open(f"/proc/{pid}/stat") as stat:
            assert stat.read().split()[2] == "Z"
