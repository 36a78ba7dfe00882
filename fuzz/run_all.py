"""Fuzz every target for a fixed budget; exit 1 if any input crashed or hung a target.

    python fuzz/run_all.py [--seconds 4] [--runs 5000] [--timeout 10] [TARGET ...]

Each target runs in its own atheris process, seeded from `fuzz/seeds.py`, for at most
`--seconds` and `--runs` inputs; an input slower than `--timeout` seconds counts as a
hang. Crashing inputs are kept in `--artifacts` (default: a temporary directory).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harnesses import TARGETS  # noqa: E402
from seeds import write_seeds  # noqa: E402

MAX_LEN = {"pdf": 8192, "convert": 4096}
_DONE = re.compile(r"^Done (\d+)")


@dataclass(frozen=True)
class Outcome:
    target: str
    ok: bool
    runs: int
    output: str


def run_target(target: str, seconds: float, runs: int, timeout: float, workdir: Path) -> Outcome:
    """One atheris run of `target` for the budget; the last lines of its log."""
    corpus = write_seeds(target, workdir / target / "corpus")
    artifacts = workdir / target / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        str(HERE / "atheris_main.py"),
        target,
        f"-max_total_time={max(1, int(seconds))}",
        f"-atheris_runs={runs}",
        f"-timeout={max(1, int(timeout))}",
        f"-max_len={MAX_LEN.get(target, 2048)}",
        f"-artifact_prefix={artifacts}/",
        "-rss_limit_mb=2048",
        str(corpus),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 120, check=False
    )
    log = done.stdout + done.stderr
    done_lines = [m.group(1) for m in map(_DONE.match, log.splitlines()) if m]
    executed = int(done_lines[-1]) if done_lines else 0
    return Outcome(target, done.returncode == 0, executed, "\n".join(log.splitlines()[-40:]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS))
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--artifacts", type=Path)
    args = parser.parse_args()
    workdir = args.artifacts or Path(tempfile.mkdtemp(prefix="fuzz-"))
    failed = False
    for target in args.targets:
        outcome = run_target(target, args.seconds, args.runs, args.timeout, workdir)
        print(f"{target:8} {'ok' if outcome.ok else 'FAILED'}  {outcome.runs} inputs")
        if not outcome.ok:
            failed = True
            print(outcome.output)
    print(f"artifacts and corpora: {workdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
