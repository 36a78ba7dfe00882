"""XBRL 2.1 rules on an instance's footnote links (§4.11).

A `link:footnoteLink` joins facts of the instance to footnotes: its locators point to
facts (items or tuples) of this very document, its footnotes carry a language, and its
fact-footnote arcs run from a fact's locator to a footnote. Arcs of any arcrole name
labels of their own extended link (§3.5.3.9.2), which is also checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urljoin

from lxml import etree

from exporter.findings import Finding, Severity
from exporter.validate.names import (
    FACT_FOOTNOTE,
    LINK,
    LINK_FOOTNOTE_LINK,
    XLINK_ARCROLE,
    XLINK_FROM,
    XLINK_HREF,
    XLINK_LABEL,
    XLINK_TO,
    XLINK_TYPE,
)
from exporter.validate.subject import Subject

_FOOTNOTE = f"{{{LINK}}}footnote"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def footnote_links(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.11.1: footnote locators point to facts of the instance, footnotes
    have an xml:lang, fact-footnote arcs go from a locator to a footnote, and every
    arc's from and to name labels of its link (§3.5.3.9.2)."""
    facts = {bf.fact.id for bf in subject.facts if bf.fact.id}
    for link in subject.instance.root.iterchildren(LINK_FOOTNOTE_LINK):
        locators: set[str] = set()
        footnotes: set[str] = set()
        for el in link.iterchildren():
            kind = el.get(XLINK_TYPE) if isinstance(el.tag, str) else None
            if kind == "locator":
                locators.add(el.get(XLINK_LABEL, ""))
                yield from _locator(subject, el, facts)
            elif kind == "resource" and el.tag == _FOOTNOTE:
                footnotes.add(el.get(XLINK_LABEL, ""))
                yield from _language(subject, el)
        labels = {el.get(XLINK_LABEL) for el in link.iterchildren() if isinstance(el.tag, str)}
        for arc in link.iterchildren():
            if isinstance(arc.tag, str) and arc.get(XLINK_TYPE) == "arc":
                yield from _arc(subject, arc, labels, (locators, footnotes))


def _locator(subject: Subject, el: etree._Element, facts: set[str]) -> Iterator[Finding]:
    """§4.11.1.1: a footnote locator points to a fact of this instance document."""
    href = (el.get(XLINK_HREF) or "").strip()
    target = urljoin(el.base or subject.instance.url, href)
    document, _, fragment = target.partition("#")
    if document != subject.instance.url.partition("#")[0] or unquote(fragment) not in facts:
        yield subject.finding(
            "xbrl.footnote-locator",
            Severity.ERROR,
            f"footnote locator {href} does not point to a fact of this instance",
            el.sourceline,
        )


def _language(subject: Subject, el: etree._Element) -> Iterator[Finding]:
    """§4.11.1.2: a footnote states its language."""
    if not (el.get(_XML_LANG) or "").strip():
        yield subject.finding(
            "xbrl.footnote-lang", Severity.ERROR, "a footnote without xml:lang", el.sourceline
        )


def _arc(
    subject: Subject,
    arc: etree._Element,
    labels: set[str | None],
    ends: tuple[set[str], set[str]],
) -> Iterator[Finding]:
    """§3.5.3.9.2: from and to name labels of the link; §4.11.1.3.1: a fact-footnote arc
    runs from a fact's locator to a footnote."""
    source, target = arc.get(XLINK_FROM, ""), arc.get(XLINK_TO, "")
    missing = [label for label in (source, target) if label not in labels]
    if missing:
        yield subject.finding(
            "xlink.arc-label-missing",
            Severity.ERROR,
            f"arc names {', '.join(missing)}, which no element of its link is labelled",
            arc.sourceline,
        )
    elif arc.get(XLINK_ARCROLE) == FACT_FOOTNOTE and (
        source not in ends[0] or target not in ends[1]
    ):
        yield subject.finding(
            "xbrl.footnote-arc-ends",
            Severity.ERROR,
            f"fact-footnote arc from {source} to {target} must go from a fact to a footnote",
            arc.sourceline,
        )
