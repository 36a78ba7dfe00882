"""Turn input bytes into text, or say precisely why they are not text.

Order of decisions, when no `--encoding` is given:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. NUL bytes in the pattern of ASCII text in UTF-16 or UTF-32 without a BOM decide that;
3. strict UTF-8;
4. bytes that are mostly UTF-8 with a few invalid sequences mix encodings: an error, not
   a guess (a cp1252 paragraph pasted into a UTF-8 file);
5. the legacy codecs a release comes in (GB18030, Big5, cp1252), each decoded strictly and
   scored by how plausible its non-ASCII characters are: common Chinese characters and
   CJK punctuation for GB18030 and Big5, Western letters and typographic punctuation
   standing among ASCII text for cp1252. The least implausible decoding wins, ties going
   to GB18030, then Big5, then cp1252.

Plain text (`decode_text`) must not be binary data: a NUL character, or many control
characters, whatever the codec, is an error. Every error names the file, the line and the
byte, and says what to do.
"""

from __future__ import annotations

import codecs
import re

from exporter.errors import InputError, Location

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY = ("gb18030", "big5", "cp1252")
_SAMPLE = 1 << 16
_SCORED = 1 << 18  # characters scored per codec: plenty, and fast on a 50 MB file
_WIDE_SHARE = 0.3  # share of code units whose high bytes are NUL in UTF-16/32 ASCII text
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.01
_CONTROL_MIN = 8
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# cp1252 characters that stand in English (and European) releases.
_TYPOGRAPHIC = frozenset("“”‘’–—…•€£¥©®™°±×÷§¶·½¼¾")
# Ideographic space, comma, full stop and the brackets Chinese text uses.
_CJK_PUNCTUATION = frozenset("\u3000、。《》「」『』【】〔〕〖〗・")
_LETTERS_OR_NOT = re.compile(r"([^\W\d_]+)|([\W\d_])")
_HINT = "pass --encoding (utf-8, utf-16, gb18030, big5 or cp1252), or save the file as UTF-8"


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode `data`: the given `encoding`, else a BOM, else the codec detection finds."""
    if encoding:
        return _decode_as(data, source, encoding)
    return _decode_as(data, source, detect_encoding(data, source))


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """`decode` for plain text, which must not be binary data (NULs, control characters)."""
    if encoding is None and b"\x00" in data and not _wide_or_marked(data):
        offset = data.index(b"\x00")
        raise InputError(
            f"the file is binary, not text (a NUL byte at byte {offset:,})",
            Location(file=source, line=line_of(data, offset)),
            "give a text, HTML or PDF release; for UTF-16 or UTF-32 text without a "
            "byte-order mark pass --encoding",
        )
    text = decode(data, source, encoding)
    refuse_binary(text, source)
    return text


def detect_encoding(data: bytes, source: str = "<input>") -> str:
    """The codec `decode` reads `data` with when no encoding is given."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    wide = _wide_codec(data)
    if wide:
        return wide
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_mixed(data, exc, source)
        return _best_legacy(data, source)
    return "utf-8"


def _decode_as(data: bytes, source: str, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}",
            Location(file=source),
            "use a codec name such as utf-8, utf-16, gb18030, big5 or cp1252",
        ) from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"cannot decode as {encoding} at byte {exc.start:,} (0x{byte}): {exc.reason}",
            Location(file=source, line=line_of(data, exc.start, codec)),
            "the file is in another encoding: leave --encoding out to detect it, or give "
            "the right one",
        ) from None


def line_of(data: bytes, offset: int, codec: str = "utf-8") -> int:
    """The 1-based line of byte `offset`, counting newlines as the codec writes them."""
    newline = "\n".encode(codec) if codec.startswith(("utf-16", "utf-32")) else b"\n"
    if newline.startswith(codecs.BOM_UTF16_LE) or newline.startswith(codecs.BOM_UTF16_BE):
        newline = newline[2:]
    if newline.startswith(codecs.BOM_UTF32_LE) or newline.startswith(codecs.BOM_UTF32_BE):
        newline = newline[4:]
    return data.count(newline, 0, offset) + 1


def _wide_or_marked(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS) or _wide_codec(data) is not None


def _wide_codec(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, from where ASCII characters put their NUL bytes."""
    sample = data[: _SAMPLE - _SAMPLE % 4]
    if b"\x00" not in sample:
        return None
    # (codec, code unit width, index of a byte that is NUL for ASCII, share required)
    for codec, width, high, share in (
        ("utf-32-le", 4, 3, 1.0),
        ("utf-32-be", 4, 0, 1.0),
        ("utf-16-le", 2, 1, _WIDE_SHARE),
        ("utf-16-be", 2, 0, _WIDE_SHARE),
    ):
        column = sample[high::width]
        if len(data) % width or not column or column.count(0) < share * len(column):
            continue
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


def _refuse_mixed(data: bytes, error: UnicodeDecodeError, source: str) -> None:
    """Mostly valid UTF-8 with a few bad bytes is two encodings in one file."""
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd")
    valid = len(replaced) - len(replaced.encode("ascii", errors="ignore")) - invalid
    if valid > invalid:
        byte = data[error.start : error.start + 1].hex()
        raise InputError(
            f"the file mixes encodings: {valid:,} UTF-8 characters, but byte {error.start:,} "
            f"(0x{byte}) and {invalid - 1:,} more are not UTF-8",
            Location(file=source, line=line_of(data, error.start)),
            "save the whole file as UTF-8, or pass --encoding to read it all in one codec",
        )


def _best_legacy(data: bytes, source: str) -> str:
    """The legacy codec whose decoding is least implausible."""
    scored: list[tuple[float, int, str]] = []
    for order, codec in enumerate(LEGACY):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((implausibility(text[:_SCORED], codec), order, codec))
    if not scored:
        raise InputError(
            "the file is not text in any supported encoding", Location(file=source), _HINT
        )
    return min(scored)[2]


def implausibility(text: str, codec: str) -> float:
    """How many non-ASCII characters of `text` would be odd in a release in `codec`."""
    scorer = _cp1252_cost if codec == "cp1252" else _cjk_cost
    return sum(scorer(run.group(0), codec) for run in _NON_ASCII_RUN.finditer(text))


def _cjk_cost(run: str, codec: str) -> float:
    return sum(_cjk_char_cost(char, codec) for char in run)


def _cjk_char_cost(char: str, codec: str) -> float:
    """0 for a common character or punctuation, 0.5 for a rarer character, 1 for the rest
    (odd symbols, kana, box drawing: what a wrong codec makes of other text)."""
    point = ord(char)
    if char in _TYPOGRAPHIC or char in _CJK_PUNCTUATION or 0xFF01 <= point <= 0xFF5E:
        return 0.0
    if not 0x4E00 <= point <= 0x9FFF:
        return 1.0
    try:
        lead = char.encode("gb2312" if codec == "gb18030" else "big5")[0]
    except UnicodeEncodeError:
        return 1.0
    if codec == "gb18030":
        # GB2312 level-1 characters (the 3,755 most used) B0-D7, level-2 D8-F7.
        common, rarer = 0xB0 <= lead <= 0xD7, 0xD8 <= lead <= 0xF7
    else:
        # Big5 frequent characters (5,401) A4-C6, less frequent C9-F9.
        common, rarer = 0xA4 <= lead <= 0xC6, 0xC9 <= lead <= 0xF9
    return 0.0 if common else 0.5 if rarer else 1.0


def _cp1252_cost(run: str, codec: str) -> float:
    """Western text puts an accented letter or two among ASCII letters, and punctuation
    anywhere; CJK text read as cp1252 gives long runs of letters and odd symbols."""
    cost = 0.0
    for letters, other in _LETTERS_OR_NOT.findall(run):
        if letters and (len(letters) > 2 or not all(ord(c) < 0x250 for c in letters)):
            cost += len(letters)
        cost += sum(1 for char in other if char not in _TYPOGRAPHIC)
    return cost


def refuse_binary(text: str, source: str) -> None:
    """Text with NUL bytes, or many control characters, is binary data."""
    if "\x00" in text:
        offset = text.index("\x00")
        raise InputError(
            "the file contains NUL characters: it is binary, or UTF-16/32 read with the "
            "wrong --encoding",
            Location(file=source, line=text.count("\n", 0, offset) + 1),
            "give a text, HTML or PDF release; for UTF-16 text pass --encoding utf-16-le "
            "or utf-16-be",
        )
    controls = _CONTROL.findall(text[:_SAMPLE])
    if len(controls) > max(_CONTROL_MIN, _CONTROL_SHARE * min(len(text), _SAMPLE)):
        first = _CONTROL.search(text)
        offset = first.start() if first else 0
        raise InputError(
            f"the file is binary, not text ({len(controls):,} control characters "
            f"in its first {min(len(text), _SAMPLE):,})",
            Location(file=source, line=text.count("\n", 0, offset) + 1),
            "give a text, HTML or PDF release",
        )
