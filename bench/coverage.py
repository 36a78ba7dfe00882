"""Coverage of the corpus: what became of every table number of every release.

Converts each release to every format (the labelled corpus and the unlabelled newswire copies in
tests/fixtures) and prints one line per release: status, numbers in tables, facts made
from them, consistent duplicates, deliberate non-facts, numbers not understood, and, where
a truth file exists, the truth facts found. Below, the reasons numbers were not
understood, counted over the corpus. Run it before and after a change to see a rule that
helps one release and hurts another.

    python bench/coverage.py [--details] [RELEASE ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests"))

SUFFIXES = (".txt", ".htm", ".html", ".pdf")


@dataclass
class Outcome:
    name: str
    status: str = ""
    numbers: int = 0
    facts: int = 0
    duplicates: int = 0
    deliberate: int = 0
    not_understood: Counter[str] = field(default_factory=Counter)
    truth: tuple[int, int] | None = None
    error: str = ""


def _releases(names: list[str]) -> list[Path]:
    found = sorted(
        p
        for folder in (FIXTURES / "corpus", FIXTURES / "unlabeled")
        for p in folder.glob("*")
        if p.suffix in SUFFIXES
    )
    found.insert(0, FIXTURES / "qifu-2024q4.txt")
    return [p for p in found if not names or p.stem in names]


def _convert(path: Path) -> Outcome:
    from truth import score

    from exporter.errors import ExporterError
    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    outcome = Outcome(path.stem)
    try:
        conversion = convert(path, ConvertOptions())
    except ExporterError as error:
        outcome.status, outcome.error = "error", str(error).splitlines()[0]
        return outcome
    report = conversion.report
    outcome.status = report.status
    outcome.numbers = report.numbers_in_tables
    outcome.facts = report.table_facts
    outcome.duplicates = report.duplicates
    for number in report.unmapped:
        if number.deliberate:
            outcome.deliberate += 1
        else:
            outcome.not_understood[number.reason] += 1
    truth = path.parent / "truth" / f"{path.stem}.json"
    if truth.exists():
        from cells import fact_set

        result = score(fact_set(path), truth)
        outcome.truth = (result.found, result.total)
    return outcome


def _line(o: Outcome) -> str:
    if o.error:
        return f"{o.name:<26} {o.status:<10} {o.error[:90]}"
    lost = sum(o.not_understood.values())
    share = f"{lost / o.numbers:6.1%}" if o.numbers else "     -"
    truth = f"{o.truth[0]:>3}/{o.truth[1]:<3}" if o.truth else ""
    return (
        f"{o.name:<26} {o.status:<10} {o.numbers:>6} {o.facts:>6} {o.duplicates:>5} "
        f"{o.deliberate:>6} {lost:>6} {share} {truth}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", nargs="*", help="release stems (default: all)")
    parser.add_argument("--details", action="store_true", help="reasons per release")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    paths = _releases(args.releases)
    with ProcessPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(_convert, paths))
    print(
        f"{'release':<26} {'status':<10} {'numbers':>6} {'facts':>6} {'dups':>5} "
        f"{'delib':>6} {'lost':>6} {'lost%':>6} truth"
    )
    for outcome in outcomes:
        print(_line(outcome))
        if args.details:
            for reason, n in outcome.not_understood.most_common():
                print(f"    {n:>5} x {reason}")
    numbers = sum(o.numbers for o in outcomes)
    lost = sum(sum(o.not_understood.values()) for o in outcomes)
    found = sum(o.truth[0] for o in outcomes if o.truth)
    total = sum(o.truth[1] for o in outcomes if o.truth)
    errors = sum(1 for o in outcomes if o.error)
    print(
        f"\ncorpus: {len(outcomes)} releases, {errors} refused; {numbers} table numbers, "
        f"{sum(o.facts for o in outcomes)} facts, {lost} not understood "
        f"({lost / max(numbers, 1):.1%}); truth {found}/{total} ({found / max(total, 1):.1%})"
    )
    reasons: Counter[str] = Counter()
    for outcome in outcomes:
        reasons.update(outcome.not_understood)
    for reason, n in reasons.most_common(15):
        print(f"  {n:>6} x {reason}")


if __name__ == "__main__":
    main()
