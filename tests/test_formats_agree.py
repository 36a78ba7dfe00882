"""Every format reads every number as the instance does, on every real release we hold.

Each release of the corpus (labelled and unlabelled newswire copies) is converted to all
five formats; the validator reads each format back on its own terms and compares it fact
by fact with the instance (value, precision, period, unit, dimensions). A number that one
renderer reads differently from the facts stage makes the conversion invalid, so the
assertion is that none is, and that every format was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.errors import ExtractionError
from exporter.pipeline import convert

FIXTURES = Path(__file__).parent / "fixtures"
RELEASES = sorted(
    p
    for folder in (FIXTURES / "corpus", FIXTURES / "unlabeled")
    for p in folder.iterdir()
    if p.suffix in (".txt", ".htm", ".pdf")
)
SUFFIXES = (".xml", ".jsonld", ".json", ".csv.json", ".xhtml")


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_every_format_agrees_with_the_instance(release: Path) -> None:
    try:
        conversion = convert(release)
    except ExtractionError:
        pytest.skip("refused: no tables and no figures in the text")
    report = conversion.report
    problems = [str(f) for f in report.findings if f.severity.value == "error"]
    assert report.valid, problems[:5]
    written = set(conversion.files)
    assert all(any(name.endswith(s) for name in written) for s in SUFFIXES), sorted(written)
