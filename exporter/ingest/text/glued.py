"""A flattened statement's line cut into text and number tokens, glued numbers included.

Markdown copies of newswire tables lose the cell borders: cells are separated by runs of
no-break spaces, by a single space, by a `$`, or by nothing at all ("net7,090,854",
"(5,273)(5,405)", "1,017,6592,878,437", "2025202420252024"). The line is scanned once:

- a number starts at a digit (or at an opening parenthesis before one) that follows a
  gap, a `$`, a bracket, a per cent sign, a colon, a lower-case letter (the end of a
  label) or a dash; it ends before a gap, a `$`, a bracket, a dash, a `+` or `*`, or a
  capital letter (the next label). A day, month and year ("31-Dec-24") is a word; so is a
  digit after a capital letter ("CM04S1") or before a lower-case one ("3rd"), and a number
  ending in a comma ("June 30,");
- a dash is a cell (an em-dash for zero) when a number, a `$`, another dash or the end of
  the line follows it (but not at the end of a hyphenated word, "Period-over-"), or a
  capital letter follows it directly after a number, or a value cell precedes it and a
  cell's padding (no-break spaces) follows it; a dash
  glued to the digits after it may be a minus sign or a cell of its own;
- everything else is text, cut where a new label visibly starts ("ASSETSCash",
  "INC.Condensed", "Current assets:Cash", "(UNAUDITED)ASSETS").

A run of digits may hold several numbers. Its readings are the ways to cut it into
well-formed numbers: groups of three digits after every comma, no leading zeros, a bare
number of more than three digits only on its own or as a year. "1,6875,273" has one
reading (1,687 and 5,273); "1147" has several (1147; 1 and 147; 11 and 47; ...). Which
reading holds is for the table to decide from its column count and its arithmetic
(`flat`), never from the digits alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from exporter.numbers import is_year, parse_number

_NBSP = "\u00a0"
_DASHES = "-\u2013\u2014\u2212"
# A cell's padding: a run of spaces holding no-break spaces (a dash before it is a cell).
_PADDING = re.compile(r"[ \u00a0]*\u00a0[ \u00a0]*\u00a0")
_GAP = re.compile(r"[ \t\u00a0]+")
_NUMBER = re.compile(r"\(\d[\d,.]*\)%?|\d[\d,.]*%?")
_DOLLAR_IN_BRACKET = re.compile(r"\(\$(?=\d[\d,.]*\))")
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}-[A-Za-z]{3,9}-\d{2,4}\b")
_MAX_READINGS = 48
_MAX_PARTS = 8
# Where a glued label starts: after a colon, a closing bracket, a comma or a word's full
# stop, before a capital; after a run of three capitals or more, before a capitalised word
# ("ASSETSCash", not "MMBtu").
_TEXT_CUT = re.compile(
    r"(?<=[:)\]])(?=[A-Z(])|(?<=,)(?=[A-Z])|(?<=\w{3}\.)(?=[A-Z][A-Za-z])|(?<=[A-Z]{3})(?=[A-Z][a-z])"
)
_STANDARD = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})*|0)(?:\.\d+)?")
_WELL_FORMED = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?")


@dataclass(frozen=True)
class Token:
    """Text, or a run of value cells, with its place in the line and the gap after it.

    `readings` are the ways a number token can be read as cells (one for a clean number,
    several for digits run together); text tokens have none. `spaced` says the token was
    separated from the text before it by plain spaces only, no `$` and no padding: a
    number so placed may still belong to the label ("... as of December 31, 2023").
    """

    text: str
    start: int
    end: int
    after: str
    number: bool = False
    readings: tuple[tuple[str, ...], ...] = ()
    spaced: bool = False
    dollar: bool = False


@dataclass
class _Scan:
    line: str
    tokens: list[Token]
    word_start: int = -1
    dollar: bool = False
    gap_before: str = ""


def _number_starts(line: str, index: int) -> bool:
    before = line[index - 1] if index else " "
    if line[index] == "(":
        return True
    if before in _DASHES:  # "COVID-19" is a word; "expenses-942,311" a dash and a number
        return index < 2 or not line[index - 2].isupper()
    return not (before.isalnum() and not before.islower()) and before not in ".,"


def _number_ends(line: str, end: int, text: str) -> bool:
    if text.rstrip("%").endswith((",", ".")):
        return False
    if end >= len(line):
        return True
    after = line[end]
    closed = text.endswith(")")
    if after in _DASHES:  # "10-K" is a word; "(175,000)-Income", "7,721-Tax" are not
        following = line[end + 1 : end + 3]
        starts_label = following[:1].isupper() and following[1:].islower()
        return not following[:1].isalpha() or closed or "," in text or starts_label
    if after in " \t$(+*" + _NBSP or after.isupper():
        return True
    return closed and not after.islower()


def _dash_is_cell(line: str, index: int) -> bool:
    before = line[index - 1] if index else " "
    within_word = before.isalpha() and index + 1 < len(line) and line[index + 1].isalpha()
    word = re.search(r"[\w-]*$", line[:index]).group()  # type: ignore[union-attr]  # matches always
    compound = before.isalpha() and "-" in word  # "Period-over-" wrapped in a header
    if before.isupper() or within_word or compound:
        return False
    rest = line[index + 1 :].lstrip(" \t" + _NBSP)
    if not rest or rest[0].isdigit() or rest[0] in "($" + _DASHES:
        return True
    glued = index + 1 < len(line) and line[index + 1].isupper()
    if glued and (before.isdigit() or before in ") \t$" + _NBSP + _DASHES):
        return True
    return _PADDING.match(line, index + 1) is not None and _after_value(line, index)


def _after_value(line: str, index: int) -> bool:
    """Whether the last thing printed before `index` (gaps aside) ends a value cell."""
    previous = line[:index].rstrip(" \t" + _NBSP)[-1:]
    return previous.isdigit() or (previous != "" and previous in ")%$" + _DASHES)


def _flush_word(scan: _Scan, end: int) -> None:
    if scan.word_start < 0:
        return
    start = scan.word_start
    scan.word_start = -1
    text = scan.line[start:end]
    position = start
    for piece in [*_TEXT_CUT.split(text)]:
        if piece.strip():
            offset = text.index(piece, position - start)
            scan.tokens.append(
                Token(piece.strip(), start + offset, start + offset + len(piece), "")
            )
            position = start + offset + len(piece)
    scan.dollar = False
    scan.gap_before = ""


def _add(scan: _Scan, token: Token) -> None:
    scan.tokens.append(token)
    scan.dollar = False
    scan.gap_before = ""


def _with_gap(tokens: list[Token], index: int, gap: str) -> None:
    last = tokens[index]
    tokens[index] = Token(
        last.text,
        last.start,
        last.end,
        last.after + gap,
        last.number,
        last.readings,
        last.spaced,
        last.dollar,
    )


def _spaced(scan: _Scan) -> bool:
    previous = scan.tokens[-1] if scan.tokens else None
    return (
        previous is not None
        and not previous.number
        and not scan.dollar
        and bool(scan.gap_before)
        and _NBSP not in scan.gap_before
        and len(scan.gap_before) == 1
    )


def scan_line(line: str) -> tuple[Token, ...]:
    """The line as text and number tokens, in order, each with the gap that follows it."""
    line = _DOLLAR_IN_BRACKET.sub(r"$(", line)  # "($10,038)" as "$(10,038)", same length
    scan = _Scan(line, [])
    index = 0
    while index < len(line):
        char = line[index]
        gap = _GAP.match(line, index)
        if gap:
            _flush_word(scan, index)
            if scan.tokens:
                _with_gap(scan.tokens, len(scan.tokens) - 1, gap.group())
            scan.gap_before += gap.group()
            index = gap.end()
            continue
        if char == "$":
            _flush_word(scan, index)
            if scan.tokens:
                _with_gap(scan.tokens, len(scan.tokens) - 1, "$")
            scan.dollar = True
            index += 1
            continue
        index = _scan_value(scan, index)
    _flush_word(scan, len(line))
    return tuple(_phrases(scan.tokens, line))


def _phrases(tokens: list[Token], line: str) -> list[Token]:
    """Words one plain space apart joined into one text token (a label, a header cell).

    A `$` between words is part of the text ("par value $0.001;"). A heading's colon
    before a capitalised word ends the heading ("Revenue: Vycor Medical" is two), unless
    the words before the colon are printed so again: a heading is printed once, a prefix
    repeated row after row is part of each label ("Interest expense: Related Party",
    "Interest expense: Other").
    """
    repeated = _repeated_heads(tokens)
    out: list[Token] = []
    for token in tokens:
        last = out[-1] if out else None
        joined = last is not None and last.after[:1] == " " and not last.after.strip(" $")
        heading = last is not None and last.text.endswith(":") and token.text[:1].isupper()
        if heading and last is not None and _head(out) not in repeated:
            joined = False
        if last and not last.number and not token.number and joined and "  " not in last.after:
            text = line[last.start : token.end]
            out[-1] = Token(text, last.start, token.end, token.after)
        else:
            out.append(token)
    return out


def _head(out: list[Token]) -> str:
    """The last two words before a colon (lower case): what a repeated prefix shares."""
    return " ".join(out[-1].text.lower().split()[-2:])


def _repeated_heads(tokens: list[Token]) -> set[str]:
    """The last two words before a colon (as `_head` takes them) that the line prints more
    than once. One pass over the tokens: a phrase's words are those one plain space apart."""
    counts: Counter[str] = Counter()
    words: list[str] = []
    for token in tokens:
        if token.number:
            words = []
            continue
        words.append(token.text.lower())
        if token.text.endswith(":"):
            counts[" ".join(" ".join(words).split()[-2:])] += 1
        if token.after[:1] != " " or token.after.strip(" $"):
            words = []
    return {head for head, count in counts.items() if count > 1}


def _scan_value(scan: _Scan, index: int) -> int:
    """A number or a dash cell at `index`, or one more character of the current word."""
    line = scan.line
    char = line[index]
    if char in _DASHES and _dash_is_cell(line, index):
        _flush_word(scan, index)
        glued = _NUMBER.match(line, index + 1)
        if glued and _number_ends(line, glued.end(), glued.group()):
            # A minus sign, or a cell of its own: the table's column count decides.
            text = line[index : glued.end()]
            found = readings(glued.group())
            options = [(char + r[0], *r[1:]) for r in found if not r[0].startswith("(")]
            options += [(char, *r) for r in found]
            _add(scan, Token(text, index, glued.end(), "", True, tuple(options), _spaced(scan)))
            return glued.end()
        _add(scan, Token(char, index, index + 1, "", True, ((char,),), _spaced(scan)))
        return index + 1
    date = _DAY_MONTH_YEAR.match(line, index) if char.isdigit() else None
    if date and _number_starts(line, index):  # "31-Dec-24" is a date, not three cells
        if scan.word_start < 0:
            scan.word_start = index
        return date.end()
    match = _NUMBER.match(line, index) if char.isdigit() or char == "(" else None
    if match and _number_starts(line, index) and _number_ends(line, match.end(), match.group()):
        _flush_word(scan, index)
        text = match.group()
        _add(
            scan,
            Token(text, index, match.end(), "", True, readings(text), _spaced(scan), scan.dollar),
        )
        return match.end()
    if scan.word_start < 0:
        scan.word_start = index
    return index + 1


@lru_cache(maxsize=4096)
def readings(text: str) -> tuple[tuple[str, ...], ...]:
    """The ways a number token can be cut into well-formed numbers (maybe none)."""
    percent = "%" if text.endswith("%") else ""
    body = text.rstrip("%")
    bracketed = body.startswith("(") and body.endswith(")")
    digits = body.strip("()")
    found: list[tuple[str, ...]] = []
    if _STANDARD.fullmatch(digits) or is_year(digits):
        found.append((digits,))  # printed as one number is printed: read as one
    else:
        _cuts(digits, (), found)
    if bracketed:  # a bracket holds one number; digits run together inside it stay unread
        return tuple((f"({parts[0]}){percent}",) for parts in found if len(parts) == 1)
    if percent:
        return tuple((*parts[:-1], parts[-1] + percent) for parts in found)
    return tuple(found)


def _cuts(rest: str, parts: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    if len(found) >= _MAX_READINGS or len(parts) > _MAX_PARTS:
        return
    if not rest:
        found.append(parts)
        return
    for end in range(len(rest), 0, -1):
        head = rest[:end]
        if not _WELL_FORMED.fullmatch(head):
            continue
        bare = "," not in head and "." not in head
        if bare and len(head) > 3 and (parts or end < len(rest)) and not is_year(head):
            continue
        _cuts(rest[end:], (*parts, head), found)


def value(text: str) -> Decimal | None:
    """The signed value of a cell's text (a dash is zero), None if it is not a number."""
    number = parse_number(text)
    return None if number is None else number.value
