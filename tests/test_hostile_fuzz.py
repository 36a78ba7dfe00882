"""Fuzzing in CI: every fuzz target of fuzz/harnesses.py for a short, fixed budget.

With atheris installed (the `test` extra), each target runs coverage-guided in its own
process (`fuzz/run_all.py`), two at a time, for about 12 seconds in all; an input that raises
anything but `ExporterError`, or takes longer than the timeout, fails the test with the
fuzzer's log and keeps the input. Without atheris, the same harness functions run under
hypothesis, from the same seeds and from random bytes. For a long local run:
`python fuzz/run_all.py --seconds 600`.
"""

from __future__ import annotations

import importlib.util
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))

from harnesses import TARGETS  # noqa: E402
from seeds import seeds  # noqa: E402

# Seconds per target: enough for thousands of inputs of the fast targets.
BUDGET = {"text": 2, "html": 2, "pdf": 3, "numbers": 1, "periods": 1, "convert": 2, "table": 3}
HAS_ATHERIS = importlib.util.find_spec("atheris") is not None


@pytest.mark.skipif(not HAS_ATHERIS, reason="atheris is not installed; see the fallback")
def test_atheris_finds_no_crash_in_a_fixed_budget(tmp_path: Path) -> None:
    from run_all import run_target

    def one(target: str):
        return run_target(target, BUDGET[target], 200_000, timeout=10, workdir=tmp_path)

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(one, TARGETS))
    failed = [o for o in outcomes if not o.ok]
    assert not failed, "\n\n".join(f"{o.target}:\n{o.output}" for o in failed)
    assert all(o.runs >= len(seeds(o.target)) for o in outcomes), [
        (o.target, o.runs) for o in outcomes
    ]


def _inputs(target: str) -> st.SearchStrategy[bytes]:
    """Seeds, seeds with bytes flipped or cut, and random bytes."""
    seed = st.sampled_from(seeds(target))
    mutated = st.tuples(seed, st.integers(0, 10_000), st.binary(max_size=8)).map(
        lambda t: t[0][: t[1] % (len(t[0]) + 1)] + t[2] + t[0][t[1] % (len(t[0]) + 1) + 1 :]
    )
    return st.one_of(seed, mutated, st.binary(max_size=512))


@pytest.mark.parametrize("target", list(TARGETS))
def test_harness_functions_hold_under_hypothesis(target: str) -> None:
    """The fallback loop (and a quick check of the harnesses where atheris runs too)."""
    examples = 60 if HAS_ATHERIS else 300
    if target in ("convert", "table"):
        examples //= 6

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_inputs(target))
    def check(data: bytes) -> None:
        TARGETS[target](data)

    check()
