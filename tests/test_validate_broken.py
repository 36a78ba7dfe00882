"""Broken variants of the sample instance: our validator must flag each, and so must Arelle.

Every case starts from the committed fixture (tests/validate_cases/qifu), makes one small
edit, and names the finding code we expect. The Arelle test writes the same files to a
temporary directory and runs the reference processor (offline, c11r calculations, UTR).
`arelle` says what Arelle does with a case:

- FLAGS: an ERROR or INCONSISTENCY in its default run (our usual expectation);
- SILENT: a documented disagreement, we are stricter; the test asserts Arelle stays silent,
  so a change on either side shows up;
- DUPLICATE_WARNING: silent by default, a WARNING arelle:duplicateFacts only when asked
  with `--validateDuplicateFacts inconsistent` (Arelle's c11r duplicate check looks only at
  facts bound in calculations and lets equal-decimals duplicates with different values pass).
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from exporter.findings import Severity
from exporter.validate import Profile, ValidationResult, validate_instance

CASE = Path(__file__).parent / "validate_cases" / "qifu"
INSTANCE = "qifu-2024q4.xml"
SCHEMA = "qifu-2024q4.xsd"
CONCEPTS = "taxonomy/xe-2025-01-01.xsd"
XBRLI = "http://www.xbrl.org/2003/instance"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XE = "http://xbrl-exporter.org/taxonomy/2025-01-01"


class Variant:
    """The fixture's files in memory, edited in place by a case."""

    def __init__(self) -> None:
        self.files = {
            p.relative_to(CASE).as_posix(): p.read_bytes() for p in CASE.rglob("*") if p.is_file()
        }

    def resolve(self, href: str) -> bytes | None:
        return self.files.get(posixpath.normpath(href))

    def replace(self, name: str, old: str, new: str) -> None:
        data = self.files[name]
        assert old.encode() in data, f"{old!r} not in {name}"
        self.files[name] = data.replace(old.encode(), new.encode(), 1)

    def edit(self, name: str, change: Callable[[etree._Element], None]) -> None:
        root = etree.fromstring(self.files[name])
        change(root)
        self.files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def write(self, directory: Path) -> Path:
        for name, data in self.files.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return directory / INSTANCE

    def validate(self, profile: Profile = Profile.EXPORTER) -> ValidationResult:
        """The exporter's profile by default: the fixture is what the exporter writes."""
        return validate_instance(self.files[INSTANCE], INSTANCE, self.resolve, profile)


def by_id(root: etree._Element, fact_id: str) -> etree._Element:
    (element,) = root.xpath("//*[@id=$id]", id=fact_id)
    return element


def set_attr(fact_id: str, attribute: str, value: str | None) -> Callable[[Variant], None]:
    def change(v: Variant) -> None:
        def apply(root: etree._Element) -> None:
            element = by_id(root, fact_id)
            if value is None:
                del element.attrib[attribute]
            else:
                element.set(attribute, value)

        v.edit(INSTANCE, apply)

    return change


def set_text(fact_id: str, text: str) -> Callable[[Variant], None]:
    def change(v: Variant) -> None:
        v.edit(INSTANCE, lambda root: setattr(by_id(root, fact_id), "text", text))

    return change


def rename(fact_id: str, tag: str) -> Callable[[Variant], None]:
    def change(v: Variant) -> None:
        v.edit(INSTANCE, lambda root: setattr(by_id(root, fact_id), "tag", tag))

    return change


def add_fact(xml: str) -> Callable[[Variant], None]:
    """Insert a fact (written with the instance's prefixes) before </xbrli:xbrl>."""

    def change(v: Variant) -> None:
        v.replace(INSTANCE, "</xbrli:xbrl>", f"  {xml}\n</xbrli:xbrl>")

    return change


def shift_value(fact_id: str, delta: int) -> Callable[[Variant], None]:
    def change(v: Variant) -> None:
        def apply(root: etree._Element) -> None:
            element = by_id(root, fact_id)
            element.text = str(int(element.text) + delta)

        v.edit(INSTANCE, apply)

    return change


def swap_dates(v: Variant) -> None:
    def apply(root: etree._Element) -> None:
        ctx = by_id(root, "D2024-10-01_2024-12-31")
        start, end = ctx.iter(f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate")
        start.text, end.text = end.text, start.text

    v.edit(INSTANCE, apply)


def duplicate_first_context(v: Variant) -> None:
    def apply(root: etree._Element) -> None:
        ctx = root.find(f"{{{XBRLI}}}context")
        ctx.addnext(etree.fromstring(etree.tostring(ctx)))

    v.edit(INSTANCE, apply)


def remove_schema_ref(v: Variant) -> None:
    v.replace(INSTANCE, '<link:schemaRef xlink:type="simple" xlink:href="qifu-2024q4.xsd"/>', "")


def nil_not_nillable(v: Variant) -> None:
    v.replace(
        CONCEPTS,
        'id="xe_CashAndCashEquivalentsAtCarryingValue" type="xbrli:monetaryItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="instant" xbrli:balance="debit" '
        'nillable="true"',
        'id="xe_CashAndCashEquivalentsAtCarryingValue" type="xbrli:monetaryItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="instant" xbrli:balance="debit" '
        'nillable="false"',
    )

    def apply(root: etree._Element) -> None:
        fact = by_id(root, "f1")
        fact.text = None
        fact.set(f"{{{XSI}}}nil", "true")
        del fact.attrib["decimals"]

    v.edit(INSTANCE, apply)


def nil_with_decimals(v: Variant) -> None:
    def apply(root: etree._Element) -> None:
        fact = by_id(root, "f1")
        fact.text = None
        fact.set(f"{{{XSI}}}nil", "true")

    v.edit(INSTANCE, apply)


def custom_monetary_type_with_shares_unit(v: Variant) -> None:
    """A taxonomy type derived from monetaryItemType is monetary too."""
    v.replace(
        SCHEMA,
        "</xsd:schema>",
        '  <xsd:complexType name="AmountItemType"><xsd:simpleContent>'
        '<xsd:restriction base="xbrli:monetaryItemType"/></xsd:simpleContent>'
        "</xsd:complexType>\n"
        '  <xsd:element name="CustomAmount" id="qfin_CustomAmount" type="qfin:AmountItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="instant" nillable="true"/>\n'
        "</xsd:schema>",
    )
    add_fact(
        '<qfin:CustomAmount xmlns:qfin="http://xbrl-exporter.org/extension/nasdaq-qfin/2024-12-31"'
        ' id="c1" contextRef="I2024-12-31" unitRef="shares" decimals="0">5</qfin:CustomAmount>'
    )(v)


def string_fact_with_unit(v: Variant) -> None:
    v.replace(
        SCHEMA,
        "</xsd:schema>",
        '  <xsd:element name="Remark" id="qfin_Remark" type="xbrli:stringItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>\n'
        "</xsd:schema>",
    )
    add_fact(
        '<qfin:Remark xmlns:qfin="http://xbrl-exporter.org/extension/nasdaq-qfin/2024-12-31"'
        ' id="r1" contextRef="D2024-01-01_2024-12-31" unitRef="CNY">text</qfin:Remark>'
    )(v)


def locator_to_undeclared(v: Variant) -> None:
    v.edit(SCHEMA, _retarget_first_calc_locator)


def _retarget_first_calc_locator(root: etree._Element) -> None:
    link = "http://www.xbrl.org/2003/linkbase"
    xlink = "http://www.w3.org/1999/xlink"
    calc = root.find(f".//{{{link}}}calculationLink")
    loc = calc.find(f"{{{link}}}loc")
    loc.set(f"{{{xlink}}}href", "taxonomy/xe-2025-01-01.xsd#xe_NoSuchElement")


def negative_weight_same_balance(v: Variant) -> None:
    v.replace(
        SCHEMA,
        'xlink:from="loc_Assets" xlink:to="loc_AssetsCurrent" order="1" weight="1"',
        'xlink:from="loc_Assets" xlink:to="loc_AssetsCurrent" order="1" weight="-1"',
    )


def relative_scheme(v: Variant) -> None:
    data = v.files[INSTANCE].replace(
        b'scheme="http://xbrl-exporter.org/entity/ticker"', b'scheme="ticker"'
    )
    v.files[INSTANCE] = data


def doctype(v: Variant) -> None:
    v.replace(
        INSTANCE,
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xbrli:xbrl [<!ENTITY x "y">]>',
    )


def truncate(v: Variant) -> None:
    v.files[INSTANCE] = v.files[INSTANCE][: len(v.files[INSTANCE]) // 2]


FLAGS, SILENT, DUPLICATE_WARNING = "flags", "silent", "duplicate-warning"


ASSETS_ARC = (
    '<link:calculationArc xlink:type="arc" '
    'xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" '
    'xlink:from="loc_Assets" xlink:to="loc_AssetsCurrent" order="1" weight="1"/>'
)


def in_first_calculation_link(xml: str) -> Callable[[Variant], None]:
    def change(v: Variant) -> None:
        v.replace(SCHEMA, "</link:calculationLink>", f"  {xml}\n        </link:calculationLink>")

    return change


def calc_arc_to_abstract(v: Variant) -> None:
    in_first_calculation_link(
        '<link:loc xlink:type="locator" xlink:href="taxonomy/xe-2025-01-01.xsd#xe_AssetsAbstract"'
        ' xlink:label="loc_Heading"/>'
        '<link:calculationArc xlink:type="arc" '
        'xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" '
        'xlink:from="loc_Assets" xlink:to="loc_Heading" order="9" weight="1"/>'
    )(v)


def label_locator_to_role_type(v: Variant) -> None:
    v.replace(
        "taxonomy/xe-2025-01-01_lab.xml",
        'xlink:href="xe-2025-01-01.xsd#xe_AccountsPayableCurrent"',
        'xlink:href="xe-2025-01-01.xsd#BalanceSheet"',
    )


def truncate_label_linkbase(v: Variant) -> None:
    name = "taxonomy/xe-2025-01-01_lab.xml"
    v.files[name] = v.files[name][:5000]


def nil_with_content(v: Variant) -> None:
    def apply(root: etree._Element) -> None:
        fact = by_id(root, "f1")
        fact.set(f"{{{XSI}}}nil", "true")
        del fact.attrib["decimals"]

    v.edit(INSTANCE, apply)


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Variant], None]
    code: str
    arelle: str = FLAGS  # see the module docstring


C = Case
# fmt: off
CASES = [
    C("instant-fact-in-duration-context",
      set_attr("f1", "contextRef", "D2024-01-01_2024-12-31"), "xbrl.period-type-mismatch"),
    C("duration-fact-in-instant-context",
      set_attr("f298", "contextRef", "I2024-12-31"), "xbrl.period-type-mismatch"),
    C("end-date-before-start-date", swap_dates, "xbrl.end-before-start"),
    C("unknown-concept", rename("f1", f"{{{XE}}}NoSuchConcept"), "xbrl.unknown-concept"),
    C("fact-in-wrong-namespace",
      rename("f1", "{http://example.com/other}CashAndCashEquivalentsAtCarryingValue"),
      "xbrl.unknown-concept"),
    C("abstract-concept-as-fact",
      add_fact('<xe:AssetsAbstract id="a1" contextRef="D2024-01-01_2024-12-31">x'
               "</xe:AssetsAbstract>"),
      "xbrl.abstract-fact"),
    C("monetary-fact-with-shares-unit", set_attr("f1", "unitRef", "shares"),
      "xbrl.unit-type-mismatch"),
    C("monetary-unit-measure-not-iso4217",
      lambda v: v.replace(INSTANCE, "<xbrli:measure>iso4217:CNY</xbrli:measure>\n  </xbrli:unit>",
                          "<xbrli:measure>xe:CNY</xbrli:measure>\n  </xbrli:unit>"),
      "xbrl.unit-type-mismatch"),
    C("shares-fact-with-pure-unit", set_attr("f322", "unitRef", "pure"),
      "xbrl.unit-type-mismatch"),
    C("per-share-fact-with-currency-unit", set_attr("f298", "unitRef", "CNY"),
      "xbrl.unit-type-mismatch"),
    C("percent-fact-with-currency-unit", set_attr("f404", "unitRef", "CNY"),
      "xbrl.unit-type-mismatch"),
    C("custom-monetary-type-with-shares-unit", custom_monetary_type_with_shares_unit,
      "xbrl.unit-type-mismatch"),
    C("missing-context", set_attr("f1", "contextRef", "NoSuchContext"), "xbrl.missing-context"),
    C("missing-unit", set_attr("f1", "unitRef", "NoSuchUnit"), "xbrl.missing-unit"),
    C("numeric-fact-without-unitref", set_attr("f1", "unitRef", None), "xbrl.missing-unit"),
    C("string-fact-with-unitref", string_fact_with_unit, "xbrl.unexpected-unit"),
    C("numeric-fact-without-decimals", set_attr("f1", "decimals", None),
      "xbrl.decimals-missing"),
    C("decimals-and-precision", set_attr("f1", "precision", "4"), "xbrl.decimals-and-precision"),
    C("decimals-not-an-integer", set_attr("f1", "decimals", "two"), "xbrl.decimals-invalid"),
    C("text-in-monetary-fact", set_text("f1", "n/a"), "xbrl.value-invalid"),
    C("nil-with-decimals", nil_with_decimals, "xbrl.nil-with-decimals"),
    C("nil-on-non-nillable-concept", nil_not_nillable, "xbrl.nil-not-nillable"),
    C("duplicate-context-id", duplicate_first_context, "xbrl.duplicate-id"),
    C("unit-measure-with-unbound-prefix",
      lambda v: v.replace(INSTANCE, "<xbrli:measure>xbrli:pure</xbrli:measure>",
                          "<xbrli:measure>nope:pure</xbrli:measure>"),
      "xbrl.unit-invalid"),
    C("inconsistent-duplicate-fact",
      add_fact('<xe:CashAndCashEquivalentsAtCarryingValue id="d1" contextRef="I2023-12-31" '
               'unitRef="CNY" decimals="-6">4100000000</xe:CashAndCashEquivalentsAtCarryingValue>'),
      "xbrl.duplicate-inconsistent"),
    C("calculation-off-beyond-rounding", shift_value("f67", 10_000_000), "calc.inconsistent"),
    C("calculation-off-by-3000-at-thousands", shift_value("f67", 3_000), "calc.inconsistent"),
    C("excess-digits-in-calculated-fact", set_text("f1", "4177890123"), "calc.excess-digits"),
    C("negative-weight-between-debits", negative_weight_same_balance, "xbrl.balance-weight"),
    C("schema-ref-to-missing-file",
      lambda v: v.replace(INSTANCE, 'xlink:href="qifu-2024q4.xsd"', 'xlink:href="missing.xsd"'),
      "xbrl.dts-unresolvable"),
    C("schema-ref-to-remote-url",
      lambda v: v.replace(INSTANCE, 'xlink:href="qifu-2024q4.xsd"',
                          'xlink:href="http://example.com/taxonomy.xsd"'),
      "xbrl.dts-unresolvable"),
    C("no-schema-ref", remove_schema_ref, "xbrl.schemaref-missing"),
    C("malformed-xml", truncate, "xml.malformed"),
    C("calc-locator-to-undeclared-element", locator_to_undeclared, "xbrl.locator-unresolved"),
    C("label-locator-to-a-role-type", label_locator_to_role_type, "xbrl.locator-not-concept"),
    C("calc-arc-to-non-numeric-concept", calc_arc_to_abstract, "calc.non-numeric-arc"),
    C("calc-arc-declared-twice",
      lambda v: v.replace(SCHEMA, ASSETS_ARC, ASSETS_ARC + ASSETS_ARC), "calc.duplicate-arc"),
    C("calc-arc-weight-zero",
      lambda v: v.replace(SCHEMA, ASSETS_ARC, ASSETS_ARC.replace('weight="1"', 'weight="0"')),
      "xbrl.calc-weight-invalid"),
    C("linkbase-not-well-formed", truncate_label_linkbase, "xbrl.dts-malformed"),
    C("impossible-instant-date",
      lambda v: v.replace(INSTANCE, "<xbrli:instant>2022-12-31</xbrli:instant>",
                          "<xbrli:instant>2022-13-45</xbrli:instant>"),
      "xbrl.period-invalid"),
    C("nil-fact-with-content", nil_with_content, "xbrl.nil-with-value"),
    C("divide-with-shared-measure",
      lambda v: v.replace(INSTANCE, "<xbrli:measure>iso4217:USD</xbrli:measure>\n      "
                          "</xbrli:unitNumerator>\n      <xbrli:unitDenominator>\n        "
                          "<xbrli:measure>xbrli:shares</xbrli:measure>",
                          "<xbrli:measure>iso4217:USD</xbrli:measure>\n      "
                          "</xbrli:unitNumerator>\n      <xbrli:unitDenominator>\n        "
                          "<xbrli:measure>iso4217:USD</xbrli:measure>"),
      "xbrl.unit-invalid"),
    # Documented disagreements: stricter than Arelle on purpose (see the report).
    C("entity-scheme-not-absolute-uri", relative_scheme, "xbrl.scheme-invalid", SILENT),
    C("doctype-with-entity", doctype, "xml.doctype", SILENT),
    C("excess-digits-outside-calculations", set_text("f298", "3.514"), "calc.excess-digits",
      SILENT),
    C("same-decimals-duplicate-with-other-value",
      add_fact('<xe:CashAndCashEquivalentsAtCarryingValue id="d2" contextRef="I2023-12-31" '
               'unitRef="CNY" decimals="-3">4177895000</xe:CashAndCashEquivalentsAtCarryingValue>'),
      "xbrl.duplicate-inconsistent", DUPLICATE_WARNING),
    C("inconsistent-duplicate-outside-calculations",
      add_fact('<xe:EarningsPerShareBasic id="d4" contextRef="D2023-10-01_2023-12-31" '
               'unitRef="CNY_per_share" decimals="1">9.9</xe:EarningsPerShareBasic>'),
      "xbrl.duplicate-inconsistent", DUPLICATE_WARNING),
]

# Edits that must NOT produce errors or calculation inconsistencies, for us or Arelle.
CLEAN = [
    C("consistent-duplicate-less-precise",
      add_fact('<xe:CashAndCashEquivalentsAtCarryingValue id="d3" contextRef="I2023-12-31" '
               'unitRef="CNY" decimals="-6">4178000000</xe:CashAndCashEquivalentsAtCarryingValue>'),
      "xbrl.duplicate-consistent"),
    C("calculation-off-within-rounding", shift_value("f67", 1_000), ""),
    C("context-repeated-under-another-id",
      lambda v: v.replace(INSTANCE, '<xbrli:context id="I2022-12-31">',
                          '<xbrli:context id="Again">\n    <xbrli:entity>\n      '
                          '<xbrli:identifier scheme="http://xbrl-exporter.org/entity/ticker">'
                          'NASDAQ:QFIN</xbrli:identifier>\n    </xbrli:entity>\n    '
                          '<xbrli:period>\n      <xbrli:instant>2022-12-31</xbrli:instant>\n'
                          '    </xbrli:period>\n  </xbrli:context>\n  '
                          '<xbrli:context id="I2022-12-31">'),
      "xbrl.duplicate-context"),
]
# fmt: on


def build(case: Case) -> Variant:
    variant = Variant()
    case.change(variant)
    return variant


def test_there_are_at_least_twenty_broken_variants_arelle_also_flags() -> None:
    assert len([c for c in CASES if c.arelle == FLAGS]) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_our_validator_flags(case: Case) -> None:
    result = build(case).validate()
    assert case.code in result.codes(), [str(f) for f in result.findings]
    finding = next(f for f in result.findings if f.code == case.code)
    assert finding.location is not None and finding.location.file
    expected = Severity.WARNING if case.code == "calc.inconsistent" else Severity.ERROR
    assert finding.severity is expected


@pytest.mark.parametrize("case", CLEAN, ids=[c.id for c in CLEAN])
def test_our_validator_accepts(case: Case) -> None:
    result = build(case).validate()
    assert result.ok, [str(f) for f in result.errors]
    assert "calc.inconsistent" not in result.codes()
    assert not case.code or case.code in result.codes()


# ---------------------------------------------------------------- Arelle, the reference


Records = list[tuple[str, str, str]]
PROBLEM_LEVELS = ("ERROR", "CRITICAL", "INCONSISTENCY")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[tuple[str, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        code = str(getattr(record, "messageCode", ""))
        self.records.append((record.levelname, code, record.getMessage()))


@pytest.fixture(scope="module")
def arelle() -> Iterator[Callable[..., Records]]:
    """One Arelle session for all cases (each CLI start costs about a second).

    Returns every record above INFO as (level, message code, message).
    """
    # Arelle is a test dependency (the `test` extra): missing, the test fails, not skips.
    from arelle.api import Session as ArelleSession
    from arelle.RuntimeOptions import RuntimeOptions

    handler = _Records()
    with ArelleSession.Session() as session:

        def run(path: Path, **extra: str) -> Records:
            handler.records.clear()
            options = RuntimeOptions(
                entrypointFile=str(path),
                validate=True,
                workOffline=True,
                calcs="c11r",
                utrValidate=True,
                logFormat="[%(levelname)s] [%(messageCode)s] %(message)s",
                **extra,
            )
            session.run(options, logHandler=handler)
            return [r for r in handler.records if r[0] not in ("INFO", "DEBUG")]

        yield run


def problems(records: Records) -> Records:
    return [r for r in records if r[0] in PROBLEM_LEVELS]


@pytest.mark.arelle
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_arelle_agrees(case: Case, arelle: Callable[..., Records], tmp_path: Path) -> None:
    path = build(case).write(tmp_path)
    found = problems(arelle(path))
    if case.arelle == FLAGS:
        assert found, "Arelle reports nothing"
        return
    assert not found, f"Arelle now flags it too; make the case FLAGS: {found}"
    if case.arelle == DUPLICATE_WARNING:
        records = arelle(path, validateDuplicateFacts="inconsistent")
        assert ("WARNING", "arelle:duplicateFacts") in {r[:2] for r in records}


@pytest.mark.arelle
@pytest.mark.parametrize("case", CLEAN, ids=[c.id for c in CLEAN])
def test_arelle_accepts(case: Case, arelle: Callable[..., Records], tmp_path: Path) -> None:
    assert problems(arelle(build(case).write(tmp_path))) == []


@pytest.mark.arelle
def test_arelle_accepts_the_fixture(arelle: Callable[..., Records], tmp_path: Path) -> None:
    assert arelle(Variant().write(tmp_path)) == []
