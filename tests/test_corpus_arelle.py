"""Every corpus release converts to outputs Arelle validates: no errors, no inconsistencies.

Real releases from several issuers and formats (text, HTML, PDF): the instance must load
in Arelle offline with 0 errors and 0 calculation inconsistencies (under Calculations 1.1
and 1.0 alike), Arelle must read back exactly the facts we wrote (dimensions included),
and our own validator must agree under the exporter's profile (what the pipeline applies
to everything it writes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from arelle_check import run_arelle
from outputs import xml_facts

from exporter.pipeline import convert
from exporter.validate import Profile, validate_instance_file
from exporter.write import write_conversion

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".htm", ".pdf"))

pytestmark = pytest.mark.arelle


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_release_validates_in_arelle(document: Path, tmp_path: Path) -> None:
    conversion = convert(document)
    assert conversion.report.valid, [str(f) for f in conversion.report.findings][:5]
    write_conversion(conversion, tmp_path)
    instance = tmp_path / f"{document.stem}.xml"
    result = run_arelle(instance)
    assert result.errors == []
    assert result.inconsistencies == []
    assert result.facts == xml_facts(instance.read_bytes())
    assert validate_instance_file(instance, Profile.EXPORTER).conforms
    # Calculations 1.0 (XBRL 2.1 §5.2.5.2), which many consumers still run, agrees
    assert run_arelle(instance, calcs="xbrl21").inconsistencies == []
