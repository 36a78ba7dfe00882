"""The generated taxonomy as a Taxonomy Package (XBRL Taxonomy Packages 1.0).

A processor without the XBRL 2.1 schemas of its own, or without the network, cannot
follow the taxonomy's imports by URL (`http://www.xbrl.org/2003/...`). The package is the
standard answer: one zip, one top-level folder holding `META-INF/taxonomyPackage.xml`
(what the package is, its entry point), `META-INF/catalog.xml` (rewriting the taxonomy's
own URL and the XBRL base schemas' URLs to files inside the package), the taxonomy and
the base schemas it imports. `arelleCmdLine --packages taxonomy/<name>-package.zip`
then resolves everything offline. The zip is byte-for-byte reproducible (fixed times,
sorted entries).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from exporter.render.env import render
from exporter.render.taxonomy import files as taxonomy_names
from exporter.resources import SCHEMA_CACHE
from exporter.taxonomy import Taxonomy

_EPOCH = (1980, 1, 1, 0, 0, 0)
BASE_SCHEMAS = "schemas"
# URL prefixes of the base schemas, each with its folder under `schemas/` in the package.
_BASE_URLS = {
    "http://www.xbrl.org/": "http/www.xbrl.org/",
    "https://www.xbrl.org/": "https/www.xbrl.org/",
}


def package_name(taxonomy: Taxonomy) -> str:
    return f"{taxonomy.name}-package.zip"


def taxonomy_url(taxonomy: Taxonomy) -> str:
    """The URL under which the package publishes the taxonomy's files."""
    return f"{taxonomy.namespace.rstrip('/')}/"


def _base_schemas() -> dict[str, bytes]:
    return {
        path.relative_to(SCHEMA_CACHE).as_posix(): path.read_bytes()
        for path in sorted(SCHEMA_CACHE.rglob("*.xsd"))
    }


def _base_folders() -> list[str]:
    """The folders of the base schemas (`http/www.xbrl.org/2003/`): each is rewritten on
    its own, so that a URL the package does not hold (the units registry) is left alone."""
    return sorted({name.rpartition("/")[0] + "/" for name in _base_schemas()})


def package_metadata(taxonomy: Taxonomy) -> dict[str, bytes]:
    """`META-INF/taxonomyPackage.xml` and `META-INF/catalog.xml`."""
    url = taxonomy_url(taxonomy)
    rewrites = [{"start": url, "prefix": f"../{taxonomy.name}/"}] + [
        {"start": folder.replace("/", "://", 1), "prefix": f"../{BASE_SCHEMAS}/{folder}"}
        for folder in _base_folders()
    ]
    entry = url + taxonomy_names(taxonomy)["entry"]
    return {
        "META-INF/taxonomyPackage.xml": render(
            "taxonomyPackage.xml.j2",
            identifier=url,
            name=taxonomy.title,
            version=taxonomy.namespace.rstrip("/").rpartition("/")[2],
            entry=entry,
        ),
        "META-INF/catalog.xml": render("catalog.xml.j2", rewrites=rewrites),
    }


def render_package(taxonomy: Taxonomy, rendered: dict[str, bytes]) -> bytes:
    """The zip of the package: metadata, the taxonomy's `rendered` files, base schemas."""
    root = Path(taxonomy.name)
    members = {f"META-INF/{k.partition('/')[2]}": v for k, v in package_metadata(taxonomy).items()}
    members.update({f"{taxonomy.name}/{name}": data for name, data in rendered.items()})
    members.update({f"{BASE_SCHEMAS}/{name}": data for name, data in _base_schemas().items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(members.items()):
            info = zipfile.ZipInfo((root / name).as_posix(), date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
