"""Arelle reads our xBRL-JSON, xBRL-CSV and Inline XBRL natively: 0 errors, the instance's facts.

For each format Arelle (offline, validating with Calculations 1.1 and the units
registry) must report no error and no inconsistency, and the facts it reads must be the
XML instance's, fact by fact: concept, period, unit, value, decimals, dimensions. The
xBRL-JSON keeps the instance's fact ids; the statements of xBRL-CSV and Inline XBRL
print a fact as often as the release does, so there the extra facts are complete
duplicates of instance facts (Inline XBRL keeps the ids: `f12` is the instance's `f12`,
`f12-2` its second printing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from arelle_check import run_arelle
from outputs import xml_facts, xml_facts_by_id
from stages import page_without
from swiss_release import GROUPING_MARKS, swiss_page

from exporter.cli import main
from exporter.write import write_atomic

pytestmark = pytest.mark.arelle

FACTS = 532  # 447 from the tables, 85 from the prose
# 447 facts and 52 consistent duplicates in the sample's tables, and the prose's 85 facts
PRINTED = 584


@pytest.fixture(scope="module")
def written(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("formats")
    assert main(["convert", str(sample), "-o", str(outdir), "--quiet"]) == 0
    return outdir


def _clean(result) -> None:
    assert result.errors == [], result.errors[:3]
    assert result.inconsistencies == [], result.inconsistencies[:3]


def test_arelle_reads_the_xbrl_json_as_the_instance(written: Path) -> None:
    expected = xml_facts_by_id((written / "qifu-2024q4.xml").read_bytes())
    result = run_arelle(written / "qifu-2024q4.json")
    _clean(result)
    assert len(expected) == FACTS
    assert result.by_id == expected


def test_arelle_reads_the_xbrl_csv_tables_as_the_instance(written: Path) -> None:
    expected = xml_facts((written / "qifu-2024q4.xml").read_bytes())
    result = run_arelle(written / "qifu-2024q4.csv.json")
    _clean(result)
    assert result.facts == expected
    assert len(result.by_id) == PRINTED


def test_arelle_reads_the_inline_xbrl_as_the_instance(written: Path) -> None:
    expected = xml_facts_by_id((written / "qifu-2024q4.xml").read_bytes())
    result = run_arelle(written / "qifu-2024q4.xhtml")
    _clean(result)
    assert len(result.by_id) == PRINTED
    assert {k: v for k, v in result.by_id.items() if k in expected} == expected
    duplicates = {k: v for k, v in result.by_id.items() if k not in expected}
    assert len(duplicates) == PRINTED - FACTS
    for tag_id, key in duplicates.items():
        assert key == expected[tag_id.rsplit("-", 1)[0]], tag_id


def test_arelle_reads_hidden_facts(sample: Path, tmp_path: Path) -> None:
    """Facts no statement cell shows go into ix:hidden and still reach the target document:
    here the page leaves the cash-flow statement out, as if the release did not print it."""
    page, files = page_without(sample, "cash_flow")
    for name, data in files.items():
        write_atomic(tmp_path / name, data)
    (tmp_path / "qifu-2024q4.xhtml").write_bytes(page)
    result = run_arelle(tmp_path / "qifu-2024q4.xhtml")
    _clean(result)
    expected = xml_facts_by_id(files["qifu-2024q4.xml"])
    assert {k: v for k, v in result.by_id.items() if k in expected} == expected


def test_arelle_reads_the_same_footnote_links_from_every_format(written: Path) -> None:
    """The sample's 13 footnotes are linked to 49 facts (55 links: the non-GAAP net
    income figures carry two footnotes each; the third quarter's, kept out for
    Calculations 1.0, is not a fact); Arelle reads the same links, fact for fact
    and text for text, from the instance, the Inline XBRL, the xBRL-JSON and the xBRL-CSV."""
    counts = {}
    for name in (
        "qifu-2024q4.xml",
        "qifu-2024q4.xhtml",
        "qifu-2024q4.json",
        "qifu-2024q4.csv.json",
    ):
        result = run_arelle(written / name)
        _clean(result)
        counts[name] = result.footnotes
    instance = counts["qifu-2024q4.xml"]
    assert sum(instance.values()) == 55
    assert len({fact for fact, _ in instance}) == 49
    assert len({text for _, text in instance}) == 13
    assert "Refers to cumulative registered users across our platform." in {t for _, t in instance}
    for name, links in counts.items():
        assert links == instance, name


@pytest.mark.parametrize("mark", ["apostrophe", "right-quote"])
def test_arelle_reads_apostrophe_grouped_figures_as_the_instance(mark: str, tmp_path: Path) -> None:
    """A Swiss page's "412'618.4" is tagged `ixt:num-dot-decimal-apos` (Registry 5):
    Arelle reads every figure as the instance states it, with no error."""
    source = tmp_path / "alpenfeld.htm"
    source.write_text(swiss_page(GROUPING_MARKS[mark], GROUPING_MARKS[mark]), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "--format", "xml,ixbrl", "--quiet"]) == 0
    result = run_arelle(out / "alpenfeld.xhtml")
    _clean(result)
    expected = xml_facts_by_id((out / "alpenfeld.xml").read_bytes())
    assert {k: v for k, v in result.by_id.items() if k in expected} == expected
    assert len(expected) == 14
