"""Role and arcrole declarations and their uses, read from DTS documents.

XBRL 2.1 lets a taxonomy declare its own roles (`link:roleType`, §5.1.3) and arcroles
(`link:arcroleType`, §5.1.4), each naming the elements it may be used on. A linkbase
using a custom role or arcrole points to its declaration with a `roleRef` or
`arcroleRef` (§3.5.2.4, §3.5.2.5). These records keep what the rules of
`role_rules` compare: the declarations of each schema, and for each linkbase its
references and the roles its links, resources and arcs carry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

from lxml import etree

from exporter.validate import names as n

ROLE_TYPE = f"{{{n.LINK}}}roleType"
ARCROLE_TYPE = f"{{{n.LINK}}}arcroleType"
_USED_ON = f"{{{n.LINK}}}usedOn"
_DEFINITION = f"{{{n.LINK}}}definition"


@dataclass(frozen=True, slots=True)
class RoleDeclaration:
    """A `link:roleType` or `link:arcroleType`: its URI and what makes two equivalent."""

    kind: str  # "roleType" or "arcroleType"
    uri: str
    id: str
    cycles: str | None  # arcroleType's cyclesAllowed
    definition: str
    used_on: tuple[str, ...]  # Clark names, in document order (unresolvable: as written)
    file: str
    line: int

    @property
    def equivalence(self) -> tuple[object, ...]:
        """What must agree between two declarations of one URI (§5.1.3, §5.1.4)."""
        return (self.kind, self.uri, self.cycles, self.definition, frozenset(self.used_on))


@dataclass(frozen=True, slots=True)
class RoleRef:
    """A `roleRef` or `arcroleRef`: the URI it declares and where its href points."""

    kind: str  # "roleRef" or "arcroleRef"
    uri: str
    url: str
    fragment: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class RoleUse:
    """An `xlink:role` on an extended link or resource, or an `xlink:arcrole` on an arc."""

    element: str  # the Clark name of the element carrying it
    kind: str  # "role" or "arcrole"
    uri: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class LinkbaseRoles:
    """The role references of one linkbase and the roles used inside it."""

    refs: tuple[RoleRef, ...]
    uses: tuple[RoleUse, ...]


def declarations(root: etree._Element, file: str) -> Iterator[RoleDeclaration]:
    """Every roleType and arcroleType of a schema's appinfo."""
    for el in root.iter(ROLE_TYPE, ARCROLE_TYPE):
        arcrole = el.tag == ARCROLE_TYPE
        definition = el.find(_DEFINITION)
        yield RoleDeclaration(
            kind="arcroleType" if arcrole else "roleType",
            uri=(el.get("arcroleURI" if arcrole else "roleURI") or "").strip(),
            id=el.get("id", ""),
            cycles=el.get("cyclesAllowed") if arcrole else None,
            definition=" ".join((definition.text or "").split()) if definition is not None else "",
            used_on=tuple(_used_on(u) for u in el.iterchildren(_USED_ON)),
            file=file,
            line=el.sourceline or 0,
        )


def _used_on(el: etree._Element) -> str:
    text = (el.text or "").strip()
    return n.resolve_qname(text, el.nsmap) or text


_REF_URIS = {n.LINK_ROLE_REF: "roleURI", n.LINK_ARCROLE_REF: "arcroleURI"}
_USES = {"extended": n.XLINK_ROLE, "resource": n.XLINK_ROLE, "arc": n.XLINK_ARCROLE}


def linkbase_roles(url: str, linkbase: etree._Element, file: str) -> LinkbaseRoles:
    """The roleRefs and arcroleRefs of `linkbase` and the roles used in its links."""
    refs = tuple(_role_ref(url, el, file) for el in linkbase.iterchildren(*_REF_URIS))
    uses: list[RoleUse] = []
    for link in linkbase.iterchildren():
        if not isinstance(link.tag, str) or link.get(n.XLINK_TYPE) != "extended":
            continue
        uses.extend(_use(link, n.XLINK_ROLE, file))
        for el in link.iterchildren():
            attribute = _USES.get(el.get(n.XLINK_TYPE) or "") if isinstance(el.tag, str) else None
            if attribute is not None:
                uses.extend(_use(el, attribute, file))
    return LinkbaseRoles(refs, tuple(uses))


def _role_ref(url: str, el: etree._Element, file: str) -> RoleRef:
    href = (el.get(n.XLINK_HREF) or "").strip()
    target = urljoin(el.base or url, href) if href else ""
    doc, _, fragment = target.partition("#")
    return RoleRef(
        kind=etree.QName(el).localname,
        uri=(el.get(_REF_URIS[n.tag(el)]) or "").strip(),
        url=doc,
        fragment=unquote(fragment),
        file=file,
        line=el.sourceline or 0,
    )


def _use(el: etree._Element, attribute: str, file: str) -> Iterator[RoleUse]:
    value = el.get(attribute)
    if value is not None:
        kind = "arcrole" if attribute == n.XLINK_ARCROLE else "role"
        yield RoleUse(n.tag(el), kind, value.strip(), file, el.sourceline or 0)
