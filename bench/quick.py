"""Benchmark: `xbrl-export convert` of one release as a whole process, against
`arelleCmdLine --validate` of the same instance as a whole process.

This is what a user waits for at the command line: interpreter start, imports, the
conversion and writing, against Arelle's start, load and validation (offline). Runs
are interleaved so that a slow spell of a shared machine slows both sides alike; the
medians and their ratio are printed (the goal: at most 0.6). Not a timed test.

With PYTHONDONTWRITEBYTECODE set (and an editable install, whose modules pip did not
compile) every run compiles the exporter's modules from source, about 0.2 s of the
sample's conversion that an installed wheel does not spend; the benchmark says so.

    python bench/quick.py [--runs N] [--input FILE]
    PYTHONPATH=/path/to/checkout python bench/quick.py   # measures that checkout's code
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--input", type=Path, default=ROOT / "examples" / "qifu-2024q4.txt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as outdir:
        ours = [str(BIN / "xbrl-export"), "convert", str(args.input), "-o", outdir, "-q"]
        subprocess.run(ours, check=True, stdout=subprocess.DEVNULL)
        instance = Path(outdir) / f"{args.input.stem}.xml"
        arelle = [
            str(BIN / "arelleCmdLine"),
            "--file",
            str(instance),
            "--validate",
            "--internetConnectivity",
            "offline",
        ]
        mine, theirs = [], []
        for _ in range(args.runs):
            mine.append(timed(ours))
            theirs.append(timed(arelle))
    ours_median, arelle_median = statistics.median(mine), statistics.median(theirs)
    print(f"xbrl-export convert       {ours_median:.2f} s (median of {args.runs})")
    print(f"arelleCmdLine --validate {arelle_median:.2f} s (median of {args.runs})")
    print(f"ratio                    {ours_median / arelle_median:.2f}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set; modules without a .pyc compile each run")


if __name__ == "__main__":
    main()
