"""XBRL 2.1 rules on custom roles and arcroles: their declarations and their uses.

A taxonomy declares a role once per URI (or several times, identically), lists in
`usedOn` the elements it may appear on, and a linkbase names each custom role it uses
in a `roleRef` (`arcroleRef`) pointing at that declaration (§3.5.2.4, §3.5.2.5, §5.1.3,
§5.1.4). Uses are checked on the standard link elements (the link namespace's extended
links, resources and arcs); a taxonomy's own link elements are left alone, as the
specification does.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.arcs import pointed_id
from exporter.validate.documents import DocumentInfo
from exporter.validate.dts import Dts
from exporter.validate.names import LINK, STANDARD_ARCROLES, STANDARD_ROLES, local_name, namespace
from exporter.validate.roles import LinkbaseRoles, RoleDeclaration, RoleRef, RoleUse
from exporter.validate.subject import Subject

_ARCROLE = "http://www.xbrl.org/2003/arcrole/"
# The standard arcroles each standard arc may carry (XBRL 2.1 §5.2.2.3, §5.2.3.3, §5.2.4.2,
# §5.2.5.2, §5.2.6.2, §4.11.1.3.1); a custom arcrole may go on any of them.
_STANDARD_ARCS = {
    f"{{{LINK}}}{arc}": frozenset(_ARCROLE + role for role in roles)
    for arc, roles in (
        ("labelArc", ("concept-label",)),
        ("referenceArc", ("concept-reference",)),
        ("presentationArc", ("parent-child",)),
        ("calculationArc", ("summation-item",)),
        (
            "definitionArc",
            ("general-special", "essence-alias", "similar-tuples", "requires-element"),
        ),
        ("footnoteArc", ("fact-footnote",)),
    )
}
_DECLARED_BY = {"roleRef": "roleType", "arcroleRef": "arcroleType"}
_REF_OF_USE = {"role": "roleRef", "arcrole": "arcroleRef"}


def _finding(code: str, message: str, file: str, line: int) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file=file, line=line or None),
    )


def _declarations(dts: Dts) -> dict[tuple[str, str], list[RoleDeclaration]]:
    """The DTS's declarations by (kind, URI)."""
    found: dict[tuple[str, str], list[RoleDeclaration]] = defaultdict(list)
    for doc in dts.documents.values():
        for declaration in doc.role_declarations:
            found[(declaration.kind, declaration.uri)].append(declaration)
    return found


def role_declarations(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.3, §5.1.4: one declaration of a URI per schema, equivalent
    declarations across the DTS, and no usedOn repeated (s-equal QNames) in one."""
    if subject.dts is None:
        return
    for doc in subject.dts.documents.values():
        yield from _repeated_in_schema(doc)
    for (kind, uri), found in _declarations(subject.dts).items():
        if len({d.equivalence for d in found}) > 1:
            last = found[-1]
            message = f"{kind} declarations of {uri} differ (definition, usedOn or cycles)"
            yield _finding("xbrl.role-type-inconsistent", message, last.file, last.line)
        for declaration in found:
            for element, count in Counter(declaration.used_on).items():
                if count > 1:
                    message = f"{kind} {uri} lists usedOn {local_name(element)} twice"
                    yield _finding(
                        "xbrl.used-on-repeated", message, declaration.file, declaration.line
                    )


def _repeated_in_schema(doc: DocumentInfo) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for declaration in doc.role_declarations:
        key = (declaration.kind, declaration.uri)
        if key in seen:
            message = f"a second {declaration.kind} for {declaration.uri} in one schema"
            yield _finding("xbrl.role-type-repeated", message, declaration.file, declaration.line)
        seen.add(key)


def role_ref_targets(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §3.5.2.4.5, §3.5.2.5.5: a roleRef (arcroleRef) points to the roleType
    (arcroleType) declaring its roleURI (arcroleURI)."""
    if subject.dts is None:
        return
    documents = subject.dts.documents
    for doc in documents.values():
        for roles in doc.linkbase_roles:
            for ref in roles.refs:
                target = documents.get(ref.url)
                if target is not None and not _declares(target, ref):
                    message = f"{ref.kind} for {ref.uri} does not point to its declaration"
                    yield _finding("xbrl.role-ref-target", message, ref.file, ref.line)


def _declares(target: DocumentInfo, ref: RoleRef) -> bool:
    fragment = pointed_id(target, ref.fragment)
    return any(
        d.id == fragment and d.kind == _DECLARED_BY[ref.kind] and d.uri == ref.uri
        for d in target.role_declarations
    )


def role_uses(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §3.5.2.4, §3.5.2.5, §5.1.3.4, §5.1.4.5: a custom role on a standard link
    element needs a roleRef (arcroleRef), and the element must be among its
    declaration's usedOn; a standard arc carries only its own standard arcroles (§5.2)."""
    if subject.dts is None:
        return
    declared = _declarations(subject.dts)
    for doc in subject.dts.documents.values():
        for roles in doc.linkbase_roles:
            for use in roles.uses:
                problem = _use_problem(use, roles, declared)
                if problem is not None:
                    yield _finding(*problem, use.file, use.line)


def _use_problem(
    use: RoleUse, roles: LinkbaseRoles, declared: dict[tuple[str, str], list[RoleDeclaration]]
) -> tuple[str, str] | None:
    """Only standard link elements are held to usedOn and to a reference (§5.1.3.4)."""
    standard = STANDARD_ARCROLES if use.kind == "arcrole" else STANDARD_ROLES
    if namespace(use.element) != LINK:
        return None
    if use.uri in standard:
        allowed = _STANDARD_ARCS.get(use.element) if use.kind == "arcrole" else None
        if allowed is not None and use.uri not in allowed:
            arc = local_name(use.element)
            return ("xbrl.arcrole-wrong-arc", f"{arc} may not carry the arcrole {use.uri}")
        return None
    ref_kind = _REF_OF_USE[use.kind]
    element = local_name(use.element)
    if not any(ref.kind == ref_kind and ref.uri == use.uri for ref in roles.refs):
        return ("xbrl.role-ref-missing", f"{use.kind} {use.uri} on {element} has no {ref_kind}")
    found = declared.get((_DECLARED_BY[ref_kind], use.uri), [])
    if not found or use.element not in found[0].used_on:
        return ("xbrl.role-used-on", f"{use.kind} {use.uri} is not declared for {element}")
    return None


_LINKBASE_REF_ROLES = {
    f"http://www.xbrl.org/2003/role/{kind}LinkbaseRef": f"{{{LINK}}}{kind}Link"
    for kind in ("label", "reference", "definition", "presentation", "calculation")
}


def linkbase_ref_roles(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.3.4: a linkbaseRef whose xlink:role names a kind of linkbase (e.g.
    labelLinkbaseRef) points to a linkbase holding only extended links of that kind."""
    if subject.dts is None:
        return
    documents = subject.dts.documents
    refs = [*subject.instance.references]
    for doc in documents.values():
        refs.extend(doc.references)
    for ref in refs:
        wanted = _LINKBASE_REF_ROLES.get(ref.role) if ref.kind == "linkbaseRef" else None
        target = documents.get(ref.url) if wanted else None
        if target is None:
            continue
        others = sorted({local_name(link.tag) for link in target.links if link.tag != wanted})
        if others:
            message = f"linkbaseRef role {ref.role} but the linkbase holds {', '.join(others)}"
            yield _finding("xbrl.linkbase-ref-role", message, ref.file, ref.line)
