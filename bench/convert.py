"""Benchmark: in-process conversion of the sample against Arelle loading and validating it.

Prints the median time of our whole conversion (read, understand, map, build facts,
render, validate) next to Arelle's time to load and validate the same XML instance
with calculations, and their ratio. Two conversions are timed: the core outputs (XBRL
instance and JSON-LD, which is what Arelle's run corresponds to) and every format
(adding xBRL-JSON, xBRL-CSV and Inline XBRL, each rendered and validated).

Runs are interleaved (ours, then Arelle, then ours ...) so that a slow spell of a shared
machine slows both sides alike; start-up costs (imports, taxonomy load, first schema
compilation) are reported separately as the first run.

    python bench/convert.py [--runs N] [--input FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions

from exporter.options import ConvertOptions
from exporter.outputs import format_names
from exporter.pipeline import convert
from exporter.write import write_conversion

ROOT = Path(__file__).resolve().parent.parent
CORE = ConvertOptions(formats=("xml", "jsonld"))
EVERY = ConvertOptions(formats=format_names())


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


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _interleaved(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Each action once per round, `runs` rounds; the first round is returned apart."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs + 1):
        for name, action in actions.items():
            times[name].append(_seconds(action))
    return times


def _line(name: str, times: list[float]) -> str:
    rest = times[1:]
    return (
        f"{name:18s} median {statistics.median(rest) * 1000:7.1f} ms"
        f"  min {min(rest) * 1000:7.1f}  first {times[0] * 1000:7.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--input", type=Path, default=ROOT / "examples" / "qifu-2024q4.txt")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as outdir:
        conversion = convert(args.input, CORE)
        write_conversion(conversion, Path(outdir))
        instance = Path(outdir) / f"{conversion.stem}.xml"
        times = _interleaved(
            {
                "ours, xml+jsonld": lambda: convert(args.input, CORE),
                "ours, all formats": lambda: convert(args.input, EVERY),
                "arelle": lambda: _arelle(instance),
            },
            args.runs,
        )

    print(f"input              {args.input.name} ({conversion.report.facts} facts)")
    print(f"runs               {args.runs}, interleaved, after a first (start-up) round")
    for name, observed in times.items():
        print(_line(name, observed))
    arelle = statistics.median(times["arelle"][1:])
    for name in ("ours, xml+jsonld", "ours, all formats"):
        ratio = statistics.median(times[name][1:]) / arelle
        print(f"ratio {name[6:]:12s} {ratio:6.2f}  (ours / Arelle; aim <= 0.20)")


if __name__ == "__main__":
    main()
