"""Turn input bytes into text: byte-order marks first, then strict UTF-8, then legacy codecs."""

from __future__ import annotations

import codecs

from exporter.errors import InputError, Location

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order when there is no BOM and the bytes are not UTF-8. cp1252 decodes
# almost anything, so it comes last: a GB18030 file must not turn into mojibake.
_FALLBACKS = ("gb18030", "big5", "cp1252")


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode `data`, honouring an explicit `encoding`, a BOM, or the first codec that fits."""
    location = Location(file=source)
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot decode as {encoding}: {exc}", location, "check the --encoding value"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in _FALLBACKS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError("the file is not text in any supported encoding", location, "pass --encoding")
