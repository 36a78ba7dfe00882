"""Fuzzing in CI: every fuzz target of fuzz/harnesses.py, from a fixed seed, and the kept
corpus replayed.

- The kept corpus (`fuzz/corpus/TARGET/`, grown by `make fuzz`: inputs that reached new
  code, and every input that ever crashed a target) runs through each harness function
  directly: a regression suite of what fuzzing found, deterministic and without atheris.
- With atheris installed (the `test` extra), each target runs coverage-guided in its own
  process (`fuzz/run_all.py`), two at a time, from libFuzzer seed `SEED` and the seeds of
  `fuzz/seeds.py` for a fixed number of inputs (a time cap stops a slow machine). An input that raises anything but
  `ExporterError`, or takes longer than the timeout, fails the test with the fuzzer's log.
- Without atheris, the same harness functions run under hypothesis (fixed seed: the "ci"
  profile of `tests/conftest.py`), from the same seeds and from random bytes.

For a long local run that grows the corpus: `make fuzz` (docs/testing.md).
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
from run_all import SEED, kept_inputs  # noqa: E402
from seeds import seeds  # noqa: E402

# Inputs per target: a couple of seconds each on a slow machine, well past the seeds.
RUNS = {
    "text": 2000,
    "html": 2000,
    "pdf": 1500,
    "numbers": 50000,
    "periods": 10000,
    "convert": 40,
    "table": 40,
}
TIME_CAP = 30
HAS_ATHERIS = importlib.util.find_spec("atheris") is not None
KEPT = [(target, path) for target in TARGETS for path in kept_inputs(target)]


def test_every_target_has_a_kept_corpus() -> None:
    assert {target for target, _ in KEPT} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), KEPT, ids=[f"{t}/{p.name[:12]}" for t, p in KEPT])
def test_the_kept_corpus_replays_without_a_crash(target: str, path: Path) -> None:
    TARGETS[target](path.read_bytes())


@pytest.mark.skipif(not HAS_ATHERIS, reason="atheris is not installed; see the fallback")
def test_atheris_from_a_fixed_seed_finds_no_crash(tmp_path: Path) -> None:
    from run_all import run_target

    def one(target: str):
        return run_target(
            target, TIME_CAP, RUNS[target], timeout=10, workdir=tmp_path, seed=SEED, kept=False
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(one, TARGETS))
    failed = [o for o in outcomes if not o.ok]
    assert not failed, "\n\n".join(f"{o.target}:\n{o.output}" for o in failed)
    # Every target ran its whole budget (past its seeds), in code it reached.
    short = [
        (o.target, o.runs, o.coverage)
        for o in outcomes
        if o.runs < RUNS[o.target] or o.coverage == 0
    ]
    assert short == []


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
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_inputs(target))
    def check(data: bytes) -> None:
        TARGETS[target](data)

    check()
