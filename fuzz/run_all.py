"""Fuzz every target for a fixed budget; exit 1 if any input crashed or hung a target.

    python fuzz/run_all.py [--seconds 4] [--runs 5000] [--seed 1] [--grow] [TARGET ...]

Each target runs in its own atheris process for at most `--seconds` and `--runs` inputs,
from a fixed libFuzzer `--seed` (the same inputs every run with `--runs` as the budget),
starting from the seeds of `fuzz/seeds.py` and the inputs kept in `fuzz/corpus/TARGET/`.
An input slower than `--timeout` seconds counts as a hang. Crashing inputs are kept in
`--artifacts` (default: a temporary directory).

With `--grow`, what the run found is kept in the repository: inputs that reach code the
kept corpus does not (libFuzzer's `-merge=1`, which keeps only inputs adding coverage)
and every crashing or hanging input, which then fails the replay test
(`tests/test_hostile_fuzz.py`) until the bug is fixed. Each target's line shows what it
covered: libFuzzer's coverage counters (`cov`, code edges; `ft`, features) and corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harnesses import TARGETS  # noqa: E402
from seeds import write_seeds  # noqa: E402

CORPUS = HERE / "corpus"
SEED = 1
MAX_LEN = {"pdf": 8192, "convert": 4096}
_DONE = re.compile(r"^Done (\d+)")
_STATS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)")


@dataclass(frozen=True)
class Outcome:
    target: str
    ok: bool
    runs: int
    output: str
    coverage: int = 0
    features: int = 0
    corpus: int = 0
    artifacts: tuple[Path, ...] = ()

    def summary(self) -> str:
        status = "ok" if self.ok else "FAILED"
        return (
            f"{self.target:8} {status:6} {self.runs:>8} inputs  cov {self.coverage:>5}  "
            f"ft {self.features:>6}  corpus {self.corpus:>4}"
        )


def kept_inputs(target: str) -> list[Path]:
    """The inputs of `fuzz/corpus/TARGET/`, in name order."""
    directory = CORPUS / target
    return sorted(p for p in directory.iterdir() if p.is_file()) if directory.is_dir() else []


def _working_corpus(target: str, workdir: Path, kept: bool) -> Path:
    corpus = write_seeds(target, workdir / target / "corpus")
    for path in kept_inputs(target) if kept else []:
        shutil.copyfile(path, corpus / path.name)
    return corpus


def run_target(
    target: str,
    seconds: float,
    runs: int,
    timeout: float,
    workdir: Path,
    seed: int = SEED,
    kept: bool = True,
) -> Outcome:
    """One atheris run of `target` for the budget; the last lines of its log.

    `kept=False` starts from the seeds alone (the tests replay the kept corpus apart).
    """
    corpus = _working_corpus(target, workdir, kept)
    artifacts = workdir / target / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        str(HERE / "atheris_main.py"),
        target,
        f"-seed={seed}",
        f"-max_total_time={max(1, int(seconds))}",
        f"-atheris_runs={runs}",
        f"-timeout={max(1, int(timeout))}",
        f"-max_len={MAX_LEN.get(target, 2048)}",
        f"-artifact_prefix={artifacts}/",
        "-rss_limit_mb=2048",
        str(corpus),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 300, check=False
    )
    log = done.stdout + done.stderr
    lines = log.splitlines()
    done_lines = [m.group(1) for m in map(_DONE.match, lines) if m]
    stats = [m for m in map(_STATS.match, lines) if m]
    last = stats[-1].groups() if stats else ("0", "0", "0", "0")
    executed = int(done_lines[-1]) if done_lines else int(last[0])
    found = tuple(sorted(p for p in artifacts.iterdir() if p.is_file()))
    return Outcome(
        target,
        _held(done.returncode, bool(done_lines), found),
        executed,
        "\n".join([*lines[-40:], f"(exit code {done.returncode})"]),
        coverage=int(last[1]),
        features=int(last[2]),
        corpus=int(last[3]),
        artifacts=found,
    )


def _held(returncode: int, finished: bool, artifacts: tuple[Path, ...]) -> bool:
    """Whether no input crashed or hung the target.

    Every failure of an input (an exception, a timeout, running out of memory) leaves its
    input in the artifacts and ends the run before libFuzzer's closing "Done" line. A run
    that printed "Done" and left nothing has held, whatever the process's exit code: a
    non-zero exit after "Done" with no input kept (seen once on a fresh CI machine, not
    reproduced) comes from the process's shutdown, not from an input. The code is kept at
    the end of the output.
    """
    if artifacts:
        return False
    return returncode == 0 or finished


def grow(target: str, workdir: Path, outcome: Outcome) -> list[Path]:
    """Keep in `fuzz/corpus/TARGET/` what the run found: new coverage and crashes."""
    keep = CORPUS / target
    keep.mkdir(parents=True, exist_ok=True)
    before = {p.name for p in keep.iterdir()}
    wrapper = workdir / target / "fuzz-self"
    wrapper.write_text(
        f"#!/bin/sh\nexec {shlex.quote(sys.executable)} "
        f'{shlex.quote(str(HERE / "atheris_main.py"))} {target} "$@"\n'
    )
    wrapper.chmod(0o755)
    subprocess.run(
        [
            str(wrapper),
            "-merge=1",
            f"-max_len={MAX_LEN.get(target, 2048)}",
            str(keep),
            str(workdir / target / "corpus"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FUZZ_SELF": str(wrapper)},
    )
    for artifact in outcome.artifacts:
        data = artifact.read_bytes()
        name = f"{artifact.name.split('-')[0]}-{hashlib.sha1(data).hexdigest()}"
        (keep / name).write_bytes(data)
    return sorted(p for p in keep.iterdir() if p.name not in before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS))
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--grow", action="store_true", help="keep what was found in fuzz/corpus")
    parser.add_argument("--artifacts", type=Path)
    args = parser.parse_args()
    workdir = args.artifacts or Path(tempfile.mkdtemp(prefix="fuzz-"))
    failed = False
    total = 0
    for target in args.targets:
        outcome = run_target(target, args.seconds, args.runs, args.timeout, workdir, seed=args.seed)
        total += outcome.runs
        print(outcome.summary(), flush=True)
        if not outcome.ok:
            failed = True
            print(outcome.output)
        if args.grow:
            added = grow(target, workdir, outcome)
            print(f"{'':8} kept {len(added)} new inputs in {CORPUS.name}/{target}/", flush=True)
    print(f"{total} inputs in all, seed {args.seed}; artifacts and corpora: {workdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
