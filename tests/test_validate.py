"""The validator's public API on the committed sample: clean result, resolver, caching, JSON-LD."""

from __future__ import annotations

import json
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from exporter.findings import Severity
from exporter.validate import (
    Calc,
    Profile,
    ValidationResult,
    validate_instance,
    validate_instance_file,
    validate_jsonld,
)
from exporter.validate.registry import RULES

CASE = Path(__file__).parent / "validate_cases" / "qifu"
INSTANCE = "qifu-2024q4.xml"
JSONLD = "qifu-2024q4.jsonld"
DTS_FILES = {"qifu-2024q4.xsd", "taxonomy/xe-2025-01-01.xsd", "taxonomy/xe-2025-01-01_lab.xml"}


def fixture_files() -> dict[str, bytes]:
    return {p.relative_to(CASE).as_posix(): p.read_bytes() for p in CASE.rglob("*") if p.is_file()}


@pytest.fixture
def files() -> dict[str, bytes]:
    return fixture_files()


def validate(files: dict[str, bytes]) -> ValidationResult:
    """The fixture is the exporter's output: held to the exporter's profile, as it writes it."""
    return validate_instance(files[INSTANCE], INSTANCE, files.get, Profile.EXPORTER)


# ------------------------------------------------------------------------ the sample


def test_sample_has_no_errors_and_no_calculation_inconsistency(files: dict[str, bytes]) -> None:
    result = validate(files)
    assert result.ok, [str(f) for f in result.errors]
    assert result.findings == ()
    assert result.fact_count == 447


def test_result_lists_every_check_in_registry_order(files: dict[str, bytes]) -> None:
    loading = ("xml.wellformed", "xbrl.root", "xbrl.dts")
    expected = (rule.id for rule in RULES if rule.calc in (None, Calc.C11))
    assert validate(files).checks == (*loading, *expected)


def test_validate_instance_file_reads_the_dts_next_to_the_instance() -> None:
    result = validate_instance_file(CASE / INSTANCE)
    assert result.ok and result.fact_count == 447


def test_missing_instance_file_is_a_finding(tmp_path: Path) -> None:
    result = validate_instance_file(tmp_path / "absent.xml")
    assert not result.ok and result.errors[0].code == "xml.unreadable"


def test_result_is_frozen(files: dict[str, bytes]) -> None:
    result = validate(files)
    with pytest.raises(ValidationError):
        result.fact_count = 0  # type: ignore[misc]


def test_malformed_xml_stops_after_the_parse_with_a_line_number() -> None:
    result = validate_instance(b"<a>\n<b></a>", "x.xml", lambda href: None)
    assert result.checks == ("xml.wellformed",)
    (finding,) = result.findings
    assert finding.code == "xml.malformed"
    assert finding.location is not None and finding.location.line == 2


def test_a_document_that_is_not_an_instance_is_rejected() -> None:
    result = validate_instance(b"<report/>", "x.xml", lambda href: None)
    assert [f.code for f in result.errors] == ["xbrl.root-invalid"]


# ------------------------------------------------------------------------ the resolver


def test_resolver_is_asked_for_hrefs_relative_to_the_instance(files: dict[str, bytes]) -> None:
    asked: list[str] = []

    def resolve(href: str) -> bytes | None:
        asked.append(href)
        return files.get(href)

    assert validate_instance(files[INSTANCE], INSTANCE, resolve).ok
    assert set(asked) == DTS_FILES


def test_no_network_is_used(files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("validation opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert validate(files).ok


def test_relative_parent_directories_resolve(tmp_path: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        if name != INSTANCE:
            (tmp_path / "dts" / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "dts" / name).write_bytes(data)
    instance = files[INSTANCE].replace(b'href="qifu-2024q4.xsd"', b'href="../dts/qifu-2024q4.xsd"')
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / INSTANCE).write_bytes(instance)
    result = validate_instance_file(tmp_path / "report" / INSTANCE)
    assert result.ok, [str(f) for f in result.errors]


def test_missing_linkbase_is_reported_with_its_referencing_line(files: dict[str, bytes]) -> None:
    del files["taxonomy/xe-2025-01-01_lab.xml"]
    result = validate(files)
    (finding,) = result.errors
    assert finding.code == "xbrl.dts-unresolvable"
    assert finding.numbers["href"] == "taxonomy/xe-2025-01-01_lab.xml"
    assert finding.location is not None
    assert finding.location.file == "taxonomy/xe-2025-01-01.xsd" and finding.location.line


def test_missing_schema_skips_the_rules_that_need_concepts(files: dict[str, bytes]) -> None:
    del files["taxonomy/xe-2025-01-01.xsd"]
    result = validate(files)
    assert "xbrl.dts-unresolvable" in result.codes()
    assert "xbrl.concepts" not in result.checks and "xbrl.period" in result.checks


# ------------------------------------------------------------------------ caching


def test_caches_follow_content_not_names(files: dict[str, bytes]) -> None:
    """A changed taxonomy under the same name is re-read and re-compiled."""
    assert validate(files).ok
    changed = dict(files)
    concepts = "taxonomy/xe-2025-01-01.xsd"
    declaration = b'id="xe_CashAndCashEquivalentsAtCarryingValue" type="xbrli:monetaryItemType"'
    changed[concepts] = files[concepts].replace(
        declaration, declaration.replace(b"monetaryItemType", b"sharesItemType")
    )
    assert changed[concepts] != files[concepts]
    assert "xbrl.unit-type-mismatch" in validate(changed).codes()
    assert validate(files).ok


def test_a_value_outside_its_type_names_the_concept(files: dict[str, bytes]) -> None:
    """Facts are schema-checked through shared stand-in declarations; the message still
    names the fact's own concept and line."""
    total = b'<xe:Assets id="f67" contextRef="I2023-12-31" unitRef="CNY" decimals="-3">45818572000<'
    assert total in files[INSTANCE]
    changed = dict(files)
    changed[INSTANCE] = files[INSTANCE].replace(total, total.replace(b">458", b">45x8"))
    (finding,) = [f for f in validate(changed).errors if f.code == "xbrl.schema-invalid"]
    assert "}Assets'" in finding.message and "45x818572000" in finding.message
    assert "stand-in" not in finding.message
    assert finding.location.line == files[INSTANCE][: files[INSTANCE].index(total)].count(b"\n") + 1


def test_schema_check_follows_the_concepts_type(files: dict[str, bytes]) -> None:
    """A concept retyped in the taxonomy is checked against its new type."""
    concepts = "taxonomy/xe-2025-01-01.xsd"
    declaration = b'id="xe_CashAndCashEquivalentsAtCarryingValue" type="xbrli:monetaryItemType"'
    changed = dict(files)
    changed[concepts] = files[concepts].replace(
        declaration, declaration.replace(b"monetaryItemType", b"dateItemType")
    )
    assert changed[concepts] != files[concepts]
    invalid = [f for f in validate(changed).errors if f.code == "xbrl.schema-invalid"]
    assert invalid and all("CashAndCashEquivalentsAtCarryingValue" in f.message for f in invalid)
    assert validate(files).ok


def test_repeated_validation_is_fast(files: dict[str, bytes]) -> None:
    validate(files)
    start = time.perf_counter()
    for _ in range(5):
        validate(files)
    assert (time.perf_counter() - start) / 5 < 0.3


# ------------------------------------------------------------------------ findings


def test_finding_names_file_line_and_numbers(files: dict[str, bytes]) -> None:
    total = b'<xe:Assets id="f67" contextRef="I2023-12-31" unitRef="CNY" decimals="-3">45818572000<'
    assert total in files[INSTANCE]
    files[INSTANCE] = files[INSTANCE].replace(total, total.replace(b"45818572000", b"45828572000"))
    (finding,) = validate(files).findings
    assert finding.code == "calc.inconsistent" and finding.severity is Severity.WARNING
    assert finding.location is not None and finding.location.file == INSTANCE
    line = files[INSTANCE][: files[INSTANCE].index(b'id="f67"')].count(b"\n") + 1
    assert finding.location.line == line
    numbers = finding.numbers
    assert numbers["total"] == "45828572000"
    assert numbers["computed_sum"] == "45818572000"
    assert numbers["total_interval"] == "[45828571500, 45828572500]"
    assert numbers["sum_interval"] == "[45818571000, 45818573000]"
    assert numbers["role"].endswith("/role/BalanceSheet")
    assert numbers["contributors"].count("(+1)") == 2


# ------------------------------------------------------------------------ JSON-LD


def jsonld_case(files: dict[str, bytes], change: Callable[[dict[str, Any]], None]) -> set[str]:
    document = json.loads(files[JSONLD])
    change(document)
    return validate_jsonld(json.dumps(document).encode(), files[INSTANCE]).codes()


def test_jsonld_matches_the_instance(files: dict[str, bytes]) -> None:
    result = validate_jsonld(files[JSONLD], files[INSTANCE])
    assert result.findings == ()
    assert result.fact_count == 447
    assert result.checks == (
        "jsonld.syntax",
        "jsonld.schema",
        "jsonld.instance",
        "jsonld.entity",
        "jsonld.facts",
        "jsonld.cover",
    )


def test_jsonld_schema_ships_inside_the_package() -> None:
    import exporter.validate as package

    path = Path(package.__file__).parent / "jsonld.schema.json"
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()


def _duplicate_first_fact(document: dict[str, Any]) -> None:
    copy = dict(document["facts"][0], **{"@id": "_:extra"})
    document["facts"].append(copy)


# fmt: off
JSONLD_CASES = [
    ("value-changed", _set("facts.0.value", "4177891000"), "jsonld.fact-mismatch"),
    ("decimals-dropped-means-inf", _set("facts.0.decimals", _DELETE), "jsonld.fact-mismatch"),
    ("decimals-changed", _set("facts.0.decimals", -6), "jsonld.fact-mismatch"),
    ("unit-changed", _set("facts.0.unit", "iso4217:USD"), "jsonld.fact-mismatch"),
    ("period-changed", _set("facts.0.period", {"instant": "2024-12-31"}), "jsonld.fact-mismatch"),
    ("concept-changed", _set("facts.0.concept", "xe:RestrictedCashCurrent"),
     "jsonld.fact-mismatch"),
    ("concept-prefix-unknown", _set("facts.0.concept", "zz:CashAndCashEquivalentsAtCarryingValue"),
     "jsonld.fact-mismatch"),
    ("fact-removed", _set("facts.5", _DELETE), "jsonld.fact-missing"),
    ("fact-added", _duplicate_first_fact, "jsonld.fact-extra"),
    ("value-as-json-number", _set("facts.0.value", 4177890000), "jsonld.schema-invalid"),
    ("value-with-thousands-separator", _set("facts.0.value", "4,177,890,000"),
     "jsonld.schema-invalid"),
    ("decimals-as-string", _set("facts.0.decimals", "-3"), "jsonld.schema-invalid"),
    ("period-with-instant-and-dates",
     _set("facts.0.period", {"instant": "2023-12-31", "endDate": "2023-12-31"}),
     "jsonld.schema-invalid"),
    ("no-context", _set("@context", _DELETE), "jsonld.schema-invalid"),
    ("wrong-fact-type", _set("facts.0.@type", "Observation"), "jsonld.schema-invalid"),
    ("unknown-property", _set("facts.0.note", "x"), "jsonld.schema-invalid"),
    ("fact-of-another-entity", _set("facts.0.entity", "http://example.com/other"),
     "jsonld.entity-mismatch"),
    ("report-of-another-entity", _set("entity.identifier", "NASDAQ:OTHER"),
     "jsonld.entity-mismatch"),
]
# fmt: on


@pytest.mark.parametrize(
    ("change", "code"), [c[1:] for c in JSONLD_CASES], ids=[c[0] for c in JSONLD_CASES]
)
def test_broken_jsonld_is_flagged(files: dict[str, bytes], change: Callable, code: str) -> None:
    assert code in jsonld_case(files, change)


def test_jsonld_that_is_not_json_is_flagged_with_a_line(files: dict[str, bytes]) -> None:
    result = validate_jsonld(b'{\n  "facts": [,]\n}', files[INSTANCE])
    (finding,) = result.findings
    assert finding.code == "jsonld.malformed"
    assert finding.location is not None and finding.location.line == 2


def test_jsonld_against_a_broken_instance(files: dict[str, bytes]) -> None:
    result = validate_jsonld(files[JSONLD], b"<xbrli:xbrl")
    assert "xml.malformed" in result.codes()


def test_fixture_is_self_contained(tmp_path: Path) -> None:
    """The committed fixture validates from any directory (no reference outside it)."""
    copy = tmp_path / "copy"
    shutil.copytree(CASE, copy)
    assert validate_instance_file(copy / INSTANCE).ok
