"""Output file names derived from input names: plain, inside the output directory, and
usable unchanged as the URI references the instance and schema point at each other with.

`release 4T24 #2 (final).txt` becomes `release_4T24_2_final`: letters (any script),
digits, `-`, `_` and `.` are kept, every other run of characters (spaces, `#`, `%`, `?`,
slashes, quotes, control characters) becomes one `_`, leading dots and dashes go (no
hidden files, nothing that reads as `..` or as an option), and the name is cut to a
length every filesystem takes with the longest suffix added.
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK_STEM = "release"
MAX_STEM_BYTES = 120  # + ".report.json" and the writer's temporary prefix stays under 255
_UNDERSCORES = re.compile(r"_+")


def output_stem(name: str) -> str:
    """A safe stem for the outputs of the input called `name` (itself without a suffix)."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(c if c.isalnum() or c in ".-" else "_" for c in text)
    text = _UNDERSCORES.sub("_", text).strip("._-")
    while len(text.encode("utf-8")) > MAX_STEM_BYTES:
        text = text[:-1]
    text = text.rstrip("._-")
    return text or FALLBACK_STEM


def review_name(stem: str) -> str:
    """The review page written beside the outputs of `stem` (the Inline XBRL page links it)."""
    return f"{stem}.review.html"
