"""Namespaces and element names the validator looks for, in lxml's Clark notation.

Kept in one place so rules compare `"{ns}local"` strings instead of rebuilding them.
"""

from __future__ import annotations

from lxml.etree import _Element

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
DTR_TYPES_PREFIX = "http://www.xbrl.org/dtr/type/"

SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
SUMMATION_ITEM_11 = "https://xbrl.org/2023/arcrole/summation-item"
SUMMATION_ARCROLES = frozenset({SUMMATION_ITEM, SUMMATION_ITEM_11})
ESSENCE_ALIAS = "http://www.xbrl.org/2003/arcrole/essence-alias"
REQUIRES_ELEMENT = "http://www.xbrl.org/2003/arcrole/requires-element"
FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"

XBRLI_XBRL = f"{{{XBRLI}}}xbrl"
XBRLI_CONTEXT = f"{{{XBRLI}}}context"
XBRLI_UNIT = f"{{{XBRLI}}}unit"
XBRLI_ITEM = f"{{{XBRLI}}}item"
XBRLI_TUPLE = f"{{{XBRLI}}}tuple"
XBRLI_SHARES = f"{{{XBRLI}}}shares"
XBRLI_PURE = f"{{{XBRLI}}}pure"
XBRLI_PERIOD_TYPE = f"{{{XBRLI}}}periodType"
XBRLI_BALANCE = f"{{{XBRLI}}}balance"

LINK_SCHEMA_REF = f"{{{LINK}}}schemaRef"
LINK_LINKBASE_REF = f"{{{LINK}}}linkbaseRef"
LINK_LINKBASE = f"{{{LINK}}}linkbase"
LINK_ROLE_REF = f"{{{LINK}}}roleRef"
LINK_LOC = f"{{{LINK}}}loc"
LINK_LABEL_LINK = f"{{{LINK}}}labelLink"
LINK_LABEL = f"{{{LINK}}}label"
LINK_REFERENCE_LINK = f"{{{LINK}}}referenceLink"
LINK_REFERENCE = f"{{{LINK}}}reference"
LINK_ARCROLE_REF = f"{{{LINK}}}arcroleRef"
LINK_FOOTNOTE_LINK = f"{{{LINK}}}footnoteLink"
LINK_CALCULATION_LINK = f"{{{LINK}}}calculationLink"
LINK_CALCULATION_ARC = f"{{{LINK}}}calculationArc"

XLINK_HREF = f"{{{XLINK}}}href"
XLINK_TYPE = f"{{{XLINK}}}type"
XLINK_ROLE = f"{{{XLINK}}}role"
XLINK_ARCROLE = f"{{{XLINK}}}arcrole"
XLINK_LABEL = f"{{{XLINK}}}label"
XLINK_FROM = f"{{{XLINK}}}from"
XLINK_TO = f"{{{XLINK}}}to"

XSD_SCHEMA = f"{{{XSD}}}schema"
XSD_ELEMENT = f"{{{XSD}}}element"
XSD_IMPORT = f"{{{XSD}}}import"
XSD_INCLUDE = f"{{{XSD}}}include"
XSD_SIMPLE_TYPE = f"{{{XSD}}}simpleType"
XSD_COMPLEX_TYPE = f"{{{XSD}}}complexType"

XSI_NIL = f"{{{XSI}}}nil"

# Children of xbrli:xbrl that are not facts (XBRL 2.1 §4.2).
NON_FACT_CHILDREN = frozenset(
    {
        XBRLI_CONTEXT,
        XBRLI_UNIT,
        LINK_SCHEMA_REF,
        LINK_LINKBASE_REF,
        LINK_ROLE_REF,
        LINK_ARCROLE_REF,
        LINK_FOOTNOTE_LINK,
    }
)


def local_name(clark: str) -> str:
    """`{ns}Name` -> `Name`."""
    return clark.rpartition("}")[2]


def namespace(clark: str) -> str:
    """`{ns}Name` -> `ns` (empty for names without a namespace)."""
    return clark[1:].partition("}")[0] if clark.startswith("{") else ""


def resolve_qname(text: str, nsmap: dict[str | None, str]) -> str | None:
    """A lexical QName resolved with in-scope namespaces, or None if its prefix is unbound."""
    prefix, sep, local = text.strip().rpartition(":")
    if not local:
        return None
    uri = nsmap.get(prefix if sep else None)
    if uri is None:
        return None if sep else local
    return f"{{{uri}}}{local}"


_ROLE = "http://www.xbrl.org/2003/role/"
_ARCROLE = "http://www.xbrl.org/2003/arcrole/"
# Roles and arcroles XBRL 2.1 itself defines (§3.5.3.3, §5.2.2.2.2, §5.2.3.2.2, §4.11.1.2,
# §4.3.4, §5.2): using them needs no roleRef or arcroleRef.
STANDARD_ROLES = frozenset(
    _ROLE + name
    for name in [
        "link",
        "label",
        "terseLabel",
        "verboseLabel",
        "positiveLabel",
        "positiveTerseLabel",
        "positiveVerboseLabel",
        "negativeLabel",
        "negativeTerseLabel",
        "negativeVerboseLabel",
        "zeroLabel",
        "zeroTerseLabel",
        "zeroVerboseLabel",
        "totalLabel",
        "periodStartLabel",
        "periodEndLabel",
        "documentation",
        "definitionGuidance",
        "disclosureGuidance",
        "presentationGuidance",
        "measurementGuidance",
        "commentaryGuidance",
        "exampleGuidance",
        "reference",
        "definitionRef",
        "disclosureRef",
        "mandatoryDisclosureRef",
        "recommendedDisclosureRef",
        "unspecifiedDisclosureRef",
        "presentationRef",
        "measurementRef",
        "commentaryRef",
        "exampleRef",
        "footnote",
        "calculationLinkbaseRef",
        "definitionLinkbaseRef",
        "labelLinkbaseRef",
        "presentationLinkbaseRef",
        "referenceLinkbaseRef",
    ]
)
STANDARD_ARCROLES = frozenset(
    _ARCROLE + name
    for name in [
        "fact-footnote",
        "summation-item",
        "parent-child",
        "essence-alias",
        "similar-tuples",
        "general-special",
        "requires-element",
        "concept-label",
        "concept-reference",
    ]
) | {"http://www.w3.org/1999/xlink/properties/linkbase"}


def tag(el: _Element) -> str:
    """`el`'s name in Clark notation. A parsed tree's element names are always text;
    lxml's types allow more only because a program may set a name of another type."""
    return str(el.tag)
