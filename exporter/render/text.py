"""Text taken from inputs, made fit for XML 1.0 and JSON before any template sees it.

Escaping (`<`, `&`, quotes, `]]>`) is the templates' autoescape and `tojson`; but XML 1.0
cannot carry most control characters at all, escaped or not, and UTF-8 cannot carry a
lone surrogate. The view models pass every string that came from an input (labels,
column headers, printed numbers, entity names) through `xml_text`, which puts U+FFFD
where such a character stood.
"""

from __future__ import annotations

import re

# Not allowed in XML 1.0 (Char production), plus DEL and C1 controls, which it discourages.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def xml_optional(text: str | None) -> str | None:
    return None if text is None else xml_text(text)
