"""What consumers that nobody here wrote expect of an output folder: labels in `en-US`
(SEC convention; edgartools reads only those), every concept in a presentation tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from exporter.cli import main

LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
XS = "{http://www.w3.org/2001/XMLSchema}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def written(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("consumers")
    assert main(["convert", str(sample), "-o", str(outdir), "--quiet"]) == 0
    return outdir


def _schemas_and_linkbases(outdir: Path) -> list[Path]:
    return sorted(
        [*outdir.glob("*.xsd"), *outdir.glob("taxonomy/*.xsd"), *outdir.glob("taxonomy/*.xml")]
    )


def test_every_label_is_en_us(written: Path) -> None:
    labels = [
        label
        for path in _schemas_and_linkbases(written)
        for label in etree.parse(str(path)).iter(f"{LINK}label")
    ]
    assert len(labels) > 387  # a label at least for each of the taxonomy's 387 elements
    assert {label.get(XML_LANG) for label in labels} == {"en-US"}
    footnotes = list(etree.parse(str(written / "qifu-2024q4.xml")).iter(f"{LINK}footnote"))
    assert len(footnotes) == 13
    assert {f.get(XML_LANG) for f in footnotes} == {"en-US"}


def test_every_concept_is_in_a_presentation_tree(written: Path) -> None:
    declared, presented = set(), set()
    for path in _schemas_and_linkbases(written):
        root = etree.parse(str(path)).getroot()
        for element in root.iter(f"{XS}element"):
            if element.get("name") and element.get("substitutionGroup") != "link:linkbase":
                declared.add(f"{path.name}#{element.get('id')}")
        for link in root.iter(f"{LINK}presentationLink"):
            for loc in link.iter(f"{LINK}loc"):
                href = loc.get(f"{XLINK}href")
                presented.add(href.rpartition("/")[2])
    assert declared - presented == set()
    # operating metrics only the prose states, and an axis, are among them
    assert "xe-2025-01-01.xsd#xe_CumulativeRegisteredUsers" in presented
    assert "xe-2025-01-01.xsd#xe_ProductOrServiceAxis" in presented
