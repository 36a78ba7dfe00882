"""The one jinja2 environment: strict about undefined names, escaping XML for real."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from exporter.resources import data_dir

# Templates are named *.xml.j2, *.xsd.j2, *.jsonld.j2; select_autoescape matches the
# final extension, so escaping is decided by the name before ".j2".
_XML_SUFFIXES = (".xml.j2", ".xsd.j2", ".xhtml.j2", ".html.j2")


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(_XML_SUFFIXES)


def decimal_text(value: Decimal) -> str:
    """A decimal in plain positional notation, no exponent, no trailing ".0"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tojson(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson"] = _tojson
    return env


def render(template: str, **context: Any) -> bytes:
    return environment().get_template(template).render(**context).encode("utf-8")
