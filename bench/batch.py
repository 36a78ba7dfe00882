"""Benchmark: batch conversion of N generated releases with --jobs 1 and --jobs 2.

Builds N input documents, variants of corpus releases kept valid: other issuer names
(all bases), amounts scaled by an integer and two adjacent detail rows swapped (the
tab-separated sample, whose tables allow it; each scale/swap recipe is converted once
first and kept only if it still validates). Text and HTML bases only: PDFs take ~3 s
each to read and would measure pdfplumber. Then runs `xbrl-export convert` on them
once per --jobs value, as a user would (a subprocess), and prints documents per second,
the speed-up, the peak memory per worker (its largest resident set over its life) and
the memory growth from the first 10% of documents to the last 10% (the lifetime peaks of
the workers that converted them), all from the manifest's timing fields.

    python bench/batch.py [--docs N] [--jobs 1,2] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exporter.pipeline import convert

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
# (file, issuer name as printed, tab-separated tables that allow scaling and swapping)
BASES = [
    (ROOT / "examples" / "qifu-2024q4.txt", "Qifu Technology", True),
    (CORPUS / "forian-2024q3.txt", "Forian Inc.", False),
    (CORPUS / "apple-fy2024q1.htm", "Apple Inc.", False),
    (CORPUS / "apple-fy2004q3.htm", "Apple Computer, Inc.", False),
]
AMOUNT = re.compile(r"^\(?[\d,]+\)?$")
PER_FOLDER = 50


def _scale_cell(cell: str, factor: int) -> str:
    text = cell.strip()
    if factor == 1 or not AMOUNT.match(text) or not any(c.isdigit() for c in text):
        return cell
    value = int(text.strip("()").replace(",", "")) * factor
    shown = f"{value:,}"
    return f"({shown})" if text.startswith("(") else shown


def _is_detail_row(line: str) -> bool:
    cells = line.split("\t")
    label = cells[0].strip().lower()
    numbers = [c for c in cells[1:] if c.strip()]
    return (
        bool(label)
        and len(numbers) >= 2
        and all(AMOUNT.match(c.strip()) for c in numbers)
        and not any(w in label for w in ("total", "net", "income", "loss", "equity", ":"))
    )


def transform(text: str, factor: int, swap: int | None) -> str:
    """Scale the amounts of data rows by `factor`; swap line `swap` with the next one."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 1 and cells[0].strip():
            lines[i] = "\t".join([cells[0]] + [_scale_cell(c, factor) for c in cells[1:]])
    if swap is not None:
        lines[swap], lines[swap + 1] = lines[swap + 1], lines[swap]
    return "\n".join(lines)


def swap_candidates(text: str) -> list[int]:
    lines = text.split("\n")
    return [
        i
        for i in range(len(lines) - 1)
        if _is_detail_row(lines[i]) and _is_detail_row(lines[i + 1])
    ]


def _valid(text: str, suffix: str, scratch: Path) -> bool:
    path = scratch / f"pilot{suffix}"
    path.write_text(text, encoding="utf-8")
    return convert(path).report.status in ("ok", "warnings")


def recipes(scratch: Path) -> list[tuple[Path, str, str]]:
    """(base, issuer, text) variants that still validate, before renaming."""
    kept = []
    for path, issuer, tabular in BASES:
        text = path.read_text(encoding="utf-8", errors="replace")
        options = [(1, None)]
        if tabular:
            swaps = swap_candidates(text)[:: max(1, len(swap_candidates(text)) // 6)]
            options += [(f, s) for f in (1, 3, 7) for s in [None, *swaps]][1:]
        for factor, swap in options:
            variant = transform(text, factor, swap)
            if _valid(variant, path.suffix, scratch):
                kept.append((path, issuer, variant))
    return kept


def build(count: int, directory: Path) -> dict[str, int]:
    """Write `count` inputs below `directory` (folders of 50); return counts by base."""
    with tempfile.TemporaryDirectory() as scratch:
        variants = recipes(Path(scratch))
    by_base: dict[Path, list[tuple[Path, str, str]]] = {}
    for variant in variants:
        by_base.setdefault(variant[0], []).append(variant)
    groups = list(by_base.values())
    made: dict[str, int] = {}
    for n in range(count):  # bases in turn, each one's recipes in turn
        group = groups[n % len(groups)]
        path, issuer, text = group[(n // len(groups)) % len(group)]
        name = f"Variant {n:05d} Holdings"
        target = directory / f"batch-{n // PER_FOLDER:03d}" / f"release-{n:05d}{path.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace(issuer, name), encoding="utf-8")
        made[path.name] = made.get(path.name, 0) + 1
    return made


def _mib(kib: float) -> float:
    return kib / 1024


def measure(inputs: Path, outdir: Path, jobs: int) -> dict[str, float]:
    command = [sys.executable, "-m", "exporter.cli", "convert", str(inputs), "-o", str(outdir)]
    start = time.perf_counter()
    subprocess.run([*command, "--jobs", str(jobs), "-q"], check=False)
    seconds = time.perf_counter() - start
    entries = [json.loads(line) for line in (outdir / "manifest.jsonl").read_text().splitlines()]
    entries.sort(key=lambda e: e["timing"]["finished_at"])
    tenth = max(1, len(entries) // 10)
    lives: dict[int, float] = {}  # each worker process's peak memory over its life
    for e in entries:
        pid, peak = e["timing"]["worker_pid"], e["timing"]["worker_peak_rss_kib"] or 0
        lives[pid] = max(lives.get(pid, 0), peak)
    first = statistics.mean(lives[e["timing"]["worker_pid"]] for e in entries[:tenth])
    last = statistics.mean(lives[e["timing"]["worker_pid"]] for e in entries[-tenth:])
    return {
        "documents": len(entries),
        "not_ok": sum(1 for e in entries if e["status"] not in ("ok", "warnings")),
        "seconds": seconds,
        "worker_cpu_seconds": sum(e["timing"]["cpu_seconds"] for e in entries),
        "docs_per_second": len(entries) / seconds,
        "workers": len(lives),
        "peak_worker_mib": _mib(max(lives.values())),
        "peak_first_tenth_mib": _mib(first),
        "peak_last_tenth_mib": _mib(last),
        "growth_percent": 100 * (last - first) / first if first else 0.0,
    }


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as temporary:
        work = args.workdir or Path(temporary)
        inputs = work / "inputs"
        made = build(args.docs, inputs)
        print(
            f"inputs           {args.docs} documents: "
            + ", ".join(f"{n} x {b}" for b, n in made.items())
        )
        print(f"before           {_load()}")
        results = {}
        for j in jobs:
            results[j] = measure(inputs, work / f"out-jobs{j}", j)
            _report(j, results[j])
            print(f"after --jobs {j:<3} {_load()}", flush=True)
    if 1 in results:
        for j in (j for j in jobs if j != 1):
            speedup = results[j]["docs_per_second"] / results[1]["docs_per_second"]
            cpu = results[j]["worker_cpu_seconds"] / results[1]["worker_cpu_seconds"]
            print(
                f"speed-up 1 -> {j}    {speedup:.2f}x (worker CPU time: {cpu:.2f}x that of 1 job)"
            )
    print(json.dumps({"docs": args.docs, "results": results}))


def _report(j: int, r: dict[str, float]) -> None:
    print(
        f"--jobs {j:<2}        {r['docs_per_second']:6.2f} docs/s ({r['documents']} in "
        f"{r['seconds']:.1f} s, {r['worker_cpu_seconds']:.0f} CPU s in workers, "
        f"{r['not_ok']} invalid or failed); {r['workers']} worker lives, peak per worker "
        f"{r['peak_worker_mib']:.0f} MiB; workers' peak, first 10% of documents "
        f"{r['peak_first_tenth_mib']:.0f} MiB, last 10% {r['peak_last_tenth_mib']:.0f} MiB "
        f"({r['growth_percent']:+.1f}%)",
        flush=True,
    )


if __name__ == "__main__":
    main()
