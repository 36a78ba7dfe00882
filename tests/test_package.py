"""The taxonomy package (XBRL Taxonomy Packages 1.0) written with the taxonomy: what it
holds, and Arelle resolving the taxonomy and the XBRL 2.1 schemas through it, offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from arelle_check import run_arelle
from lxml import etree

from exporter.cli import main
from exporter.pipeline import convert

PACKAGE = "taxonomy/xe-2025-01-01-package.zip"
TP = "{http://xbrl.org/2016/taxonomy-package}"
ENTRY = "http://xbrl-exporter.org/taxonomy/2025-01-01/xe-2025-01-01-entry.xsd"


@pytest.fixture(scope="module")
def written(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("package")
    assert main(["convert", str(sample), "-o", str(outdir), "--quiet"]) == 0
    return outdir


def test_the_package_holds_its_metadata_the_taxonomy_and_the_base_schemas(written: Path) -> None:
    with zipfile.ZipFile(written / PACKAGE) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("xe-2025-01-01/META-INF/taxonomyPackage.xml"))
    assert {n.split("/")[0] for n in names} == {"xe-2025-01-01"}  # one top-level folder
    assert "xe-2025-01-01/META-INF/catalog.xml" in names
    assert "xe-2025-01-01/xe-2025-01-01/xe-2025-01-01_lab.xml" in names
    assert "xe-2025-01-01/schemas/http/www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd" in names
    entry = manifest.find(f"{TP}entryPoints/{TP}entryPoint/{TP}entryPointDocument")
    assert entry is not None and entry.get("href") == ENTRY


def test_the_package_is_reproducible(sample: Path) -> None:
    first = convert(sample, stem="a").taxonomy_files[PACKAGE]
    assert first == convert(sample, stem="b").taxonomy_files[PACKAGE]


@pytest.mark.arelle
def test_arelle_loads_the_taxonomy_by_its_url_from_the_package(written: Path) -> None:
    result = run_arelle(ENTRY, packages=[str(written / PACKAGE)])
    assert result.errors == [], result.errors[:3]
    assert not any("not found" in str(m).lower() for m in result.messages)


@pytest.mark.arelle
def test_arelle_validates_the_instance_with_the_package_offline(written: Path) -> None:
    result = run_arelle(written / "qifu-2024q4.xml", packages=[str(written / PACKAGE)])
    assert result.errors == [], result.errors[:3]
    assert result.inconsistencies == []
    assert len(result.facts) == 532
