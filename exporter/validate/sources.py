"""Where validated documents come from: the caller's resolver or the standard-schema cache.

Validation runs on bytes that may not be written yet, so every document is addressed
by a virtual URL under `VIRTUAL_BASE` and read through the caller's `Resolver`. A few
levels of `__up__/` sit above the instance so relative `../` references keep their
meaning. Standard XBRL schemas come from `exporter.resources`; anything else is
refused, never fetched: validation does no network access at all.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin

from lxml import etree

if TYPE_CHECKING:
    from lxml.etree._docloader import _InputDocument

from exporter.resources import cached_schema

Resolver = Callable[[str], bytes | None]

_VIRTUAL_ROOT = "file:///__virtual__/"
_UP = "__up__/"
_DEPTH = 32  # output trees may mirror deep input trees (batch runs)
VIRTUAL_BASE = _VIRTUAL_ROOT + _UP * _DEPTH
_MISSING = b'<?xml version="1.0"?><unavailable xmlns="urn:x-xbrl-exporter:unavailable"/>'


def instance_url(name: str) -> str:
    """The virtual URL of the instance `name`; the resolver sees hrefs relative to it."""
    return urljoin(VIRTUAL_BASE, posixpath.basename(name.replace("\\", "/")))


def relative_href(url: str) -> str | None:
    """The href (relative to the instance directory) of a virtual URL, else None."""
    if not url.startswith(_VIRTUAL_ROOT):
        return None
    rest = unquote(url[len(_VIRTUAL_ROOT) :])
    ups = 0
    while ups < _DEPTH and rest.startswith(_UP):
        rest = rest[len(_UP) :]
        ups += 1
    return "../" * (_DEPTH - ups) + rest


def display_name(url: str) -> str:
    """How a document is named in findings: its relative href, or its public URL."""
    return relative_href(url) or url


def digest(data: bytes) -> str:
    """Content hash used as cache key: a document's meaning depends only on its bytes."""
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=64)
def _cached_bytes(url: str) -> bytes | None:
    path = cached_schema(url)
    return path.read_bytes() if path else None


def fetch(url: str, resolve: Resolver) -> bytes | None:
    """The bytes of `url`: virtual URLs via `resolve`, standard schemas from the cache."""
    url = url.partition("#")[0]
    href = relative_href(url)
    if href is not None:
        return resolve(href)
    if url.startswith(("http://", "https://")):
        return _cached_bytes(url)
    return None


def file_resolver(directory: Path) -> Resolver:
    """A resolver reading hrefs relative to `directory` (`../` allowed, URLs never)."""

    def resolve(href: str) -> bytes | None:
        if "://" in href or href.startswith("/"):
            return None
        path = directory / href
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError:
            return None

    return resolve


def safe_parser() -> etree.XMLParser:
    """A parser that expands no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )


def parse(data: bytes, url: str) -> etree._Element:
    """Parse `data` as the document at `url`; raises `etree.XMLSyntaxError`."""
    return etree.fromstring(data, safe_parser(), base_url=url)


class DocumentResolver(etree.Resolver):
    """Serves lxml (schema imports) from known bytes, so libxml2 never opens a URL itself."""

    def __init__(self, documents: dict[str, bytes]) -> None:
        super().__init__()
        self._documents = documents

    def resolve(
        self, system_url: str | None, public_id: str | None, context: object
    ) -> _InputDocument:
        data = self._documents.get(unquote(system_url or "").partition("#")[0])
        body = data if data is not None else _MISSING
        return self.resolve_string(body, context, base_url=system_url)
