"""Benchmark: in-process conversion of the sample against Arelle loading and validating it.

Prints the median time of our whole conversion (read, understand, map, build facts,
render, validate) next to Arelle's time to load and validate the same output with
calculations, and the ratio. Both are measured in-process after one warm-up run, so
start-up costs (imports, first schema compilation) are reported separately.

    python bench/convert.py [--runs N] [--input FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions

from exporter.pipeline import convert
from exporter.write import write_conversion

ROOT = Path(__file__).resolve().parent.parent


def _timed(action, runs: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    action()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return first, times


def _arelle(instance: Path) -> None:
    options = RuntimeOptions(
        entrypointFile=str(instance),
        validate=True,
        calcs="c11r",
        utrValidate=True,
        internetConnectivity="offline",
        logFile="logToBuffer",
    )
    with Session() as session:
        session.run(options)
        log = json.loads(session.get_logs("json")).get("log", [])
    problems = [m for m in log if m.get("level") in ("error", "inconsistency")]
    if problems:
        raise SystemExit(f"Arelle reported problems: {problems[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--input", type=Path, default=ROOT / "examples" / "qifu-2024q4.txt")
    args = parser.parse_args()

    ours_first, ours = _timed(lambda: convert(args.input), args.runs)
    with tempfile.TemporaryDirectory() as outdir:
        conversion = convert(args.input)
        write_conversion(conversion, Path(outdir))
        instance = Path(outdir) / f"{conversion.stem}.xml"
        arelle_first, arelle = _timed(lambda: _arelle(instance), args.runs)

    ours_median, arelle_median = statistics.median(ours), statistics.median(arelle)
    print(f"input            {args.input.name} ({conversion.report.facts} facts)")
    print(f"runs             {args.runs} after one warm-up")
    print(f"ours, first run  {ours_first * 1000:8.1f} ms (taxonomy load, schema compilation)")
    print(f"ours, median     {ours_median * 1000:8.1f} ms  (min {min(ours) * 1000:.1f})")
    print(f"arelle, first    {arelle_first * 1000:8.1f} ms")
    print(f"arelle, median   {arelle_median * 1000:8.1f} ms  (min {min(arelle) * 1000:.1f})")
    print(f"ratio            {ours_median / arelle_median:8.2f}  (ours / Arelle; aim <= 0.20)")


if __name__ == "__main__":
    main()
