"""Our own XBRL validator: independent of the conversion pipeline, run on written bytes.

    validate_file(path, profile, calc)        an instance, schema or linkbase on disk
    validate_instance(bytes, name, resolve)   XBRL 2.1 + calculations (c10 or c11) rules
    validate_instance_file(path)              the same, reading the DTS next to the file
    validate_jsonld(document, instance)       our JSON-LD: JSON Schema + same facts as XML
    validate_xbrl_json(document, ...)         xBRL-JSON: OIM structure + same facts as XML
    validate_xbrl_csv(files, ...)             xBRL-CSV: metadata, tables + same facts as XML
    validate_inline(document, ...)            Inline XBRL: header, tags + same facts as XML

`Profile.SPEC` (the default) holds documents to XBRL 2.1; `Profile.EXPORTER` adds the
exporter's stricter rules for what it writes. Every rule is a small function in
`registry.RULES`; results list the checks that ran. No network access ever: documents
come from the resolver or the standard-schema cache.

Names are imported on first use (PEP 562), so `xbrl-export validate` loads the instance
validator without the format validators' dependencies (jsonschema and the OIM readers).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exporter.validate.inline import validate_inline
    from exporter.validate.jsonld import validate_jsonld
    from exporter.validate.options import Calc, Profile
    from exporter.validate.result import ValidationResult
    from exporter.validate.sources import Resolver
    from exporter.validate.validator import (
        validate_file,
        validate_instance,
        validate_instance_file,
    )
    from exporter.validate.xbrl_csv import validate_xbrl_csv
    from exporter.validate.xbrl_json import validate_xbrl_json

_HOMES = {
    "Calc": "options",
    "Profile": "options",
    "Resolver": "sources",
    "ValidationResult": "result",
    "validate_file": "validator",
    "validate_inline": "inline",
    "validate_instance": "validator",
    "validate_instance_file": "validator",
    "validate_jsonld": "jsonld",
    "validate_xbrl_csv": "xbrl_csv",
    "validate_xbrl_json": "xbrl_json",
}

__all__ = [
    "Calc",
    "Profile",
    "Resolver",
    "ValidationResult",
    "validate_file",
    "validate_inline",
    "validate_instance",
    "validate_instance_file",
    "validate_jsonld",
    "validate_xbrl_csv",
    "validate_xbrl_json",
]


def __getattr__(name: str) -> object:
    """Import the module that defines `name` when it is first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
