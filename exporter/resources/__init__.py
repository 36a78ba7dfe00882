"""Where packaged data lives: the taxonomy source, templates and the XBRL base schemas.

In a wheel, `taxonomy/` and `templates/` are copied into `exporter/_data/`; in a source
checkout (editable install, tests) they are read from the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
SCHEMA_CACHE = Path(__file__).resolve().parent / "schemas"


def data_dir(name: str) -> Path:
    """The directory holding `taxonomy` or `templates`, installed or in a checkout."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"packaged data directory {name!r} is missing")


def cached_schema(url: str) -> Path | None:
    """The local copy of a standard XBRL schema published at `url`, if we ship it."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        return None
    path = SCHEMA_CACHE / scheme / rest
    return path if path.is_file() else None
