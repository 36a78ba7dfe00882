"""Our own XBRL validator: independent of the conversion pipeline, run on written bytes.

    validate_instance(bytes, name, resolve)   XBRL 2.1 + Calculations 1.1 (c11r) rules
    validate_instance_file(path)              the same, reading the DTS next to the file
    validate_jsonld(document, instance)       our JSON-LD: JSON Schema + same facts as XML
    validate_xbrl_json(document, ...)         xBRL-JSON: OIM structure + same facts as XML
    validate_xbrl_csv(files, ...)             xBRL-CSV: metadata, tables + same facts as XML
    validate_inline(document, ...)            Inline XBRL: header, tags + same facts as XML

Every rule is a small function in `registry.RULES`; results list the checks that ran.
No network access ever: documents come from the resolver or the standard-schema cache.
"""

from __future__ import annotations

from exporter.validate.inline import validate_inline
from exporter.validate.jsonld import validate_jsonld
from exporter.validate.result import ValidationResult
from exporter.validate.sources import Resolver
from exporter.validate.validator import validate_instance, validate_instance_file
from exporter.validate.xbrl_csv import validate_xbrl_csv
from exporter.validate.xbrl_json import validate_xbrl_json

__all__ = [
    "Resolver",
    "ValidationResult",
    "validate_inline",
    "validate_instance",
    "validate_instance_file",
    "validate_jsonld",
    "validate_xbrl_csv",
    "validate_xbrl_json",
]
