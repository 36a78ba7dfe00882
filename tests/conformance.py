"""XBRL International's XBRL 2.1 conformance suite, read from its tarball and run variation by
variation through our validator.

The suite is a shared test resource, never copied into the project: it is found through
`XBRL_CONFORMANCE_DIR` (default `../shared/conformance` next to the repository) and
extracted to a temporary folder. `tests/test_conformance.py` holds the verdicts to the
suite's; run this module directly for the figures docs/validation.md gives:

    .venv/bin/python tests/conformance.py [--misses]
"""

from __future__ import annotations

import argparse
import os
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SUITE_ENV = "XBRL_CONFORMANCE_DIR"
TARBALL = "XBRL-CONF-2014-12-10.tar.gz"
INDEX = "XBRL-CONF-2014-12-10/xbrl.xml"


def suite_tarball() -> Path:
    """Where the suite's tarball is: `$XBRL_CONFORMANCE_DIR`, else ../shared/conformance."""
    directory = os.environ.get(SUITE_ENV) or str(ROOT.parent / "shared" / "conformance")
    return Path(directory) / TARBALL


def extract(tarball: Path, into: Path) -> Path:
    """Extract the suite below `into`; the path of its index (xbrl.xml)."""
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    return into / INDEX


@dataclass(frozen=True)
class Variation:
    """One variation: the document read first, its kind, and the verdict the suite expects."""

    testcase: str
    id: str
    name: str
    start: Path
    kind: str
    expected_valid: bool

    @property
    def key(self) -> str:
        """`<testcase file stem> <variation id>`, how the expected-failures list names it."""
        return f"{Path(self.testcase).stem} {self.id}"


def variations(index: Path) -> Iterator[Variation]:
    """Every variation of every testcase listed in the suite's index, in the index's order."""
    for testcase in etree.parse(str(index)).getroot().iter("testcase"):
        uri = testcase.get("uri", "")
        path = index.parent / uri
        for variation in etree.parse(str(path)).getroot().iter("{*}variation"):
            yield _variation(uri, path, variation)


def _variation(uri: str, path: Path, variation: etree._Element) -> Variation:
    data = variation.find("{*}data")
    first = next(d for d in data if isinstance(d.tag, str) and d.get("readMeFirst") == "true")
    result = variation.find("{*}result")
    return Variation(
        testcase=uri,
        id=variation.get("id", ""),
        name=variation.get("name", ""),
        start=path.parent / (first.text or "").strip(),
        kind=etree.QName(first).localname,
        expected_valid=result.get("expected") == "valid",
    )


@dataclass(frozen=True)
class Outcome:
    """What the validator said about one variation."""

    variation: Variation
    valid: bool | None  # None: it crashed
    codes: tuple[str, ...]
    seconds: float
    crash: str = ""

    @property
    def agrees(self) -> bool:
        return self.valid is self.variation.expected_valid


Verdict = Callable[[Path], tuple[bool, tuple[str, ...]]]


def run(variation: Variation, verdict: Verdict) -> Outcome:
    """Run one variation; an exception is a crash, recorded, not raised."""
    start = time.perf_counter()
    try:
        valid, codes = verdict(variation.start)
    except Exception as exc:
        return Outcome(variation, None, (), time.perf_counter() - start, repr(exc))
    return Outcome(variation, valid, codes, time.perf_counter() - start)


def our_verdict(path: Path) -> tuple[bool, tuple[str, ...]]:
    """The specification profile with XBRL 2.1 calculations, as the suite is written for."""
    from exporter.validate import Calc, validate_file

    result = validate_file(path, calc=Calc.C10)
    return result.conforms, tuple(sorted(f.code for f in result.problems))


def run_suite(index: Path, verdict: Verdict = our_verdict) -> list[Outcome]:
    return [run(v, verdict) for v in variations(index)]


def summary(outcomes: list[Outcome]) -> list[str]:
    """Agreement per kind of starting document, crashes and the slowest variation."""
    lines = []
    for kinds, label in ((("instance",), "instance"), (("xsd", "linkbase"), "schema/linkbase")):
        chosen = [o for o in outcomes if o.variation.kind in kinds]
        agree = sum(o.agrees for o in chosen)
        lines.append(f"{label}-first: {agree}/{len(chosen)} verdicts agree")
    crashes = [o for o in outcomes if o.valid is None]
    slowest = max(outcomes, key=lambda o: o.seconds)
    lines.append(
        f"crashes: {len(crashes)}; slowest: {slowest.variation.key} {slowest.seconds:.2f} s"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list each disagreement")
    args = parser.parse_args(argv)
    tarball = suite_tarball()
    if not tarball.is_file():
        print(f"no suite at {tarball} (set {SUITE_ENV})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cpu = time.process_time()
        outcomes = run_suite(extract(tarball, Path(tmp)))
        cpu = time.process_time() - cpu
        if args.misses:
            for o in outcomes:
                if not o.agrees:
                    want = "valid" if o.variation.expected_valid else "invalid"
                    print(
                        f"{o.variation.key} {o.variation.name} ({o.variation.kind}): "
                        f"expected {want}, got {' '.join(o.codes) or o.crash or 'valid'}"
                    )
    for line in summary(outcomes):
        print(line)
    print(f"CPU: {cpu:.1f} s for {len(outcomes)} variations")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
