"""Text taken from inputs, made fit for XML 1.0 and JSON before any template sees it.

Escaping (`<`, `&`, quotes, `]]>`) is the templates' autoescape and `tojson`; but XML 1.0
cannot carry most control characters at all, escaped or not, and UTF-8 cannot carry a
lone surrogate. The view models pass every string that came from an input (labels,
column headers, printed numbers, entity names) through `xml_text`, which puts U+FFFD
where such a character stood; `render_outputs` passes the facts and tables through
`clean_strings` first, so every renderer, present or future, gets clean text.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

T = TypeVar("T")

# Not allowed in XML 1.0 (Char production), plus DEL and C1 controls, which it discourages.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def xml_optional(text: str | None) -> str | None:
    return None if text is None else xml_text(text)


def clean_strings(value: T) -> T:
    """`value` (a model, tuple, list, dict or string) with `xml_text` applied to every
    string inside it; what needs no change is returned as it is, not copied."""
    if isinstance(value, str):
        return xml_text(value) if _NOT_XML.search(value) else value  # type: ignore[return-value]  # T is str here
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = clean_strings(old)
            if new is not old:
                changed[name] = new
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, tuple | list):
        items = [clean_strings(item) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(clean_strings(k), clean_strings(v)) for k, v in value.items()]
        if all(k is a and v is b for (k, v), (a, b) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)  # type: ignore[return-value]  # T is this dict's type
    return value
