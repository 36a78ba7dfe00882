"""Numbers as printed in a table cell: sign, digits, fraction digits, percent, dashes.

The value is kept exactly (`Decimal`) with the sign the print shows; what the sign means
(a deduction, a loss) is decided later, against the taxonomy. `fraction_digits` is how
many digits follow the point, the basis of XBRL `decimals`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from exporter.models import Frozen
from exporter.vocabulary import currency_marks

DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2012", "\u2212", "\u2015", "\u2014\u2014"})
# The marks Japanese (and other East Asian) statements print before a negative amount
# ("\u25b3\u00a01,234", "\u25b21,234", "\u25b312.3%"): a white or black up-pointing
# triangle, read as a minus wherever a number is read (cells and prose figures alike).
MINUS_MARKS = "\u25b3\u25b2"
# Every sign a number may lead with to be negative: the hyphen-minus, the minus (U+2212),
# the dashes word processors turn it into, and the triangles above.
MINUS_SIGNS = "-\u2212\u2013\u2014" + MINUS_MARKS
_MINUS = MINUS_SIGNS


def _currency_mark() -> str:
    """The taxonomy's currency marks a cell may print before its digits ("$", "€", "HK$",
    "EUR 412.8", "Rs. 1,234"); a mark of letters only before digits or a bracket, so that
    no word is read as one. "HK" without its sign: "HK14.86 cents" (Hong Kong cents)."""
    marks = sorted(currency_marks(), key=len, reverse=True)
    spelled = [
        re.escape(m) + (r"(?=\s?[\d(])" if m[-1].isalpha() or m[-1] == "." else "") for m in marks
    ]
    return "(?:" + "|".join([*spelled, r"HK(?=\s?\d)"]) + ")"


_CURRENCY_MARK = _currency_mark()
# The marks thousands are grouped by: commas, or as some countries print them, apostrophes
# ("1'234.5", "1\u2019234.5", Switzerland) or spaces ("6 842", "6\u202f842",
# "6\u00a0842", Sweden, France). A space joins digit groups only when every group after
# the first has three digits. One list for every reader of printed digits: a cell, a
# caption's "in CHF 1'000" and the Inline XBRL page's tagged digits.
GROUPING_MARKS = ",'\u2019 \u00a0\u202f"
_GROUP = "[" + re.escape(GROUPING_MARKS) + "]"
_NUMBER = re.compile(
    rf"""^
    (?P<lead>[{_MINUS}+])?\s*
    (?P<mark1>{_CURRENCY_MARK}\s*)?
    (?P<open>\()?\s*
    (?P<mark2>{_CURRENCY_MARK}\s*)?
    (?P<inner>[{_MINUS}])?\s*
    (?P<int>\d{{1,3}}(?:(?P<group>{_GROUP})\d{{3}})(?:(?P=group)\d{{3}})*
      |\d{{1,2}}(?:,\d{{2}})+,\d{{3}}|\d+)?
    (?P<frac>\.\d+)?
    (?P<times>\s?[x\u00d7](?![A-Za-z]))?
    (?P<points>\s?(?:pp|p\.p\.|ppts?|pts?|%p)(?![A-Za-z]))?
    (?P<scale>\s?(?i:thousand|million|billion|mn|bn|mm|[kmb])(?![A-Za-z]))?
    (?P<minor1>[pc\u00a2]|\s(?:cents?|pence)(?![A-Za-z]))?
    \s*(?P<pct1>%)?\s*(?P<close>\))?(?P<times2>\s?[x\u00d7](?![A-Za-z]))?
    (?P<minor2>[pc\u00a2])?\s*(?P<pct2>%)?
    (?P<points2>\s?(?:pp|p\.p\.|ppts?|pts?|%p)(?![A-Za-z]))?
    (?P<bps>\s?(?:bps|bp|basis\s points?))?
    (?P<trail>(?<=[\d%])[-\u2212])?
    (?P<credit>\s?CR)?
    $""",
    re.VERBOSE | re.ASCII,  # "\d" is 0-9 only: see `unreadable_number`
)
# Indian releases group by lakhs and crores ("1,23,456.78": pairs of digits above the
# thousands).
_GROUPING = re.compile(_GROUP)
# Footnote marks ending a cell: "(a)", "*", daggers, superscript digits (and the superscript
# brackets some print around them, "⁽¹⁾"), each after optional space.
_MARK_CHARS = frozenset(
    "*\u2020\u2021\u00b9\u00b2\u00b3\u207d\u207e" + "".join(map(chr, range(0x2070, 0x207A)))
)
_ASCII_LETTER = re.compile(r"[a-zA-Z]").fullmatch


class PrintedNumber(Frozen):
    """A cell read as a number, value as printed (percent not yet divided by 100)."""

    text: str
    value: Decimal
    fraction_digits: int
    percent: bool = False
    dash: bool = False
    # Printed in the currency's minor unit ("12.3p" pence, "45c" cents): the value is in
    # hundredths of the currency, as a per-share amount often is.
    minor_unit: bool = False
    # Printed in percentage points ("+2.7 pp", "(3.7) pts"): a change of a rate, read as a
    # percentage (`percent` is set too), not a relative change.
    points: bool = False
    # Printed in basis points ("121 bps", "(451) bps"): hundredths of a percent, as a
    # change of a margin or rate is often stated.
    basis_points: bool = False
    # Printed as a multiple ("1.32x", "3.4\u00d7"): a pure ratio, as a coverage or
    # leverage ratio is stated, never money.
    multiple: bool = False
    # A power of ten printed in the cell itself ("$120.5 million", "EUR 1.2bn"), as a
    # highlights table prints its amounts: it wins over the table's caption.
    scale: int | None = None

    @property
    def negative(self) -> bool:
        return self.value < 0

    @property
    def rate(self) -> bool:
        """Printed as a rate: a percentage or basis points."""
        return self.percent or self.basis_points

    @property
    def rate_exponent(self) -> int:
        """The power of ten that makes the printed rate a pure number (12.5% is 0.125,
        121 bps 0.0121)."""
        return -4 if self.basis_points else -2


# Digits a number is read with: Decimal's default precision, which the stages' arithmetic
# (scaling, signs, sums) runs in. Releases print 15 at most; a longer cell would be
# rounded somewhere between the table and the outputs, so it is reported, not read.
MAX_DIGITS = 28


@lru_cache(maxsize=65536)
def parse_number(text: str) -> PrintedNumber | None:
    """Read a cell as a number, or None when it is not one (labels, years in headers).

    Only the ASCII digits 0-9 make a number, and at most `MAX_DIGITS` of them: what is not
    read is reported (see `unreadable_number`), never read differently by another stage.
    """
    number = _parse(text)
    if number is None or len(number.value.as_tuple().digits) > MAX_DIGITS:
        return None
    return number


def _parse(text: str) -> PrintedNumber | None:
    cleaned = text.strip().replace("\u00a0", " ")
    if not cleaned:
        return None
    if cleaned in DASHES or cleaned.strip("$ ") in DASHES:
        return PrintedNumber(text=cleaned, value=Decimal(0), fraction_digits=0, dash=True)
    if cleaned.endswith("%") and cleaned[:-1].strip() in DASHES:
        return PrintedNumber(
            text=cleaned, value=Decimal(0), fraction_digits=0, dash=True, percent=True
        )
    cleaned = strip_footnote_marks(cleaned)
    # One space for any run: adjacent "\s*" around optional groups backtrack polynomially
    # on a long run of whitespace that ends in something else.
    match = _NUMBER.match(" ".join(cleaned.split()))
    if not match or not (match["int"] or match["frac"]):
        return None
    if bool(match["open"]) != bool(match["close"]):
        return None
    negative = _negative(match)
    if negative is None:
        return None
    digits = _GROUPING.sub("", match["int"] or "0") + (match["frac"] or "")
    value = Decimal(digits)
    if negative:
        value = value.copy_negate()  # exact: unary minus rounds to the context's 28 digits
    fraction = len(match["frac"]) - 1 if match["frac"] else 0
    # Percentage points ("+0.6 pp", "1.1 p.p.", "-0.2%p" as Korean and Japanese releases
    # print them): a change of a rate, read as a percentage.
    points = bool(match["points"] or match["points2"])
    if points and (match["pct1"] or match["pct2"] or match["scale"] or match["bps"]):
        return None
    if match["points"] and match["points2"]:
        return None
    percent = bool(match["pct1"] or match["pct2"] or points)
    minor = bool(match["minor1"] or match["minor2"])
    if minor and (percent or not match["int"]):
        return None
    basis_points = bool(match["bps"])
    if basis_points and (percent or minor or not match["int"]):
        return None
    scale = _cell_scale(match)
    if match["scale"] and (scale is None or percent or minor or basis_points):
        return None
    # A bracketed multiple may print its "x" inside the brackets or after them ("(0.15x)",
    # "(0.15)x"), as a percentage does its sign.
    multiple = bool(match["times"] or match["times2"])
    if match["times"] and match["times2"]:
        return None
    if multiple and (percent or minor or basis_points or match["scale"]):
        return None
    return PrintedNumber(
        text=cleaned,
        value=value,
        fraction_digits=fraction,
        percent=percent,
        points=points,
        minor_unit=minor,
        basis_points=basis_points,
        multiple=multiple,
        scale=scale,
    )


# The words and dashes that join the two ends of a range printed in one cell ("$4.35 -
# $4.45 billion", "24% to 25%"), as guidance tables print their outlook.
_RANGE_JOINS = re.compile(r"\s*(?:[\u2013\u2014\u2012-]|\bto\b|\bthrough\b)\s*")


def parse_range(text: str) -> tuple[PrintedNumber, PrintedNumber] | None:
    """Read a cell printing a range as its low and high ends, or None when it is not one.

    The ends share what the print gives once: a scale word or a percent sign after the
    high end ("$4.35 - $4.45 billion", "24 - 25%") is the low end's too. Each end keeps its
    own printed text, so that each can be tagged where it stands. A range runs upwards;
    two bare years ("2024 to 2023") are no range.
    """
    cleaned = strip_footnote_marks(" ".join(text.replace("\u00a0", " ").split()))
    for join in _RANGE_JOINS.finditer(cleaned):
        if join.start() == 0 or join.end() == len(cleaned):
            continue
        low_text, high_text = cleaned[: join.start()], cleaned[join.end() :]
        low, high = parse_number(low_text), parse_number(high_text)
        if low is None or high is None or low.dash or high.dash:
            continue
        if is_year(low_text) and is_year(high_text):
            return None
        low = _shared_with_high(low, high)
        if low is None or _magnitude(low) > _magnitude(high):
            return None
        return low, high
    return None


def _shared_with_high(low: PrintedNumber, high: PrintedNumber) -> PrintedNumber | None:
    """The low end with the scale and percent sign only the high end prints; None when
    the two ends are of different kinds (a percentage to an amount)."""
    update: dict[str, object] = {}
    if low.scale is None and high.scale is not None:
        update["scale"] = high.scale
    if high.percent and not low.percent:
        update["percent"] = True
    low = low.model_copy(update=update) if update else low
    same_kind = (low.percent, low.minor_unit, low.basis_points, low.multiple) == (
        high.percent,
        high.minor_unit,
        high.basis_points,
        high.multiple,
    )
    return low if same_kind else None


def _magnitude(number: PrintedNumber) -> Decimal:
    return number.value.scaleb(number.scale or 0)


def parse_cell(text: str) -> tuple[PrintedNumber, ...]:
    """The numbers a value cell prints: one, the two ends of a range, or none."""
    number = parse_number(text)
    if number is not None:
        return (number,)
    return parse_range(text) or ()


def _negative(match: re.Match[str]) -> bool | None:
    """Whether the print marks the number negative; None when it marks it twice.

    Besides a leading minus and brackets, statements generated by banks' core systems and
    ERP report writers print a trailing minus ("1,210-") or "CR" ("310 CR": a credit, on a
    row whose amounts are debits) where others print brackets; both read as brackets do.
    "CR" after a rupee amount is a crore ("₹ 1,250 CR"), a scale no cell reads: no number.
    """
    leading = bool(match["open"] or match["lead"] in tuple(_MINUS) or match["inner"])
    trailing = bool(match["trail"] or match["credit"])
    if (leading and trailing) or (match["trail"] and match["credit"]):
        return None
    if match["credit"] and "₹" in (match["mark1"] or "") + (match["mark2"] or ""):
        return None
    return leading or trailing


# Scale words a cell may print after its number. The spelled words stand alone ("5.2
# million" customers); a letter or short form is a scale only after a currency ("$1.2B",
# "EUR 12m"), where it cannot be a header's "9M" (nine months) or a footnote letter.
_SPELLED_SCALES = {"thousand": 3, "million": 6, "billion": 9}
_SHORT_SCALES = {"k": 3, "m": 6, "mn": 6, "mm": 6, "b": 9, "bn": 9}


def _cell_scale(match: re.Match[str]) -> int | None:
    word = (match["scale"] or "").strip().lower()
    if not word:
        return None
    if word in _SPELLED_SCALES:
        return _SPELLED_SCALES[word]
    currency = match["mark1"] or match["mark2"]
    return _SHORT_SCALES[word] if currency else None


def unreadable_number(text: str) -> str | None:
    """Why `text`, which is printed as a number, is not read as one; None if it is read or
    is no number at all.

    Two kinds: digits of another script ("٤,١٧٧,٨٩٠": Arabic-Indic), which the Inline
    XBRL number formats do not read, so a value read from them could not be tagged where
    it is shown and the outputs would disagree; and more than `MAX_DIGITS` digits.
    """
    foreign = {ch for ch in text if ch.isdecimal() and not ch.isascii()}
    if foreign:
        ascii_text = "".join(str(unicodedata.decimal(ch)) if ch in foreign else ch for ch in text)
        if parse_number(ascii_text) is None:
            return None
        names = sorted({unicodedata.name(ch, "").split(" DIGIT ")[0].title() for ch in foreign})
        script = " and ".join(name or "other" for name in names)
        return (
            f"printed in {script} digits, which the Inline XBRL number formats do not read "
            "(they read 0-9)"
        )
    number = _parse(text)
    if number is None or parse_number(text) is not None:
        return None
    count = len(number.value.as_tuple().digits)
    return f"{count} digits, more than the {MAX_DIGITS} a number is read with exactly"


# A figure followed by a short mark the reader does not know ("1.29y", "(0.3) p.q."):
# printed as a number, so it is counted, never taken for label words or dropped.
_FIGURE_WITH_MARK = re.compile(r"(?P<figure>.*\d\)?)\s?(?P<mark>[^\d\s()]{1,5})\)?")


def unread_mark(text: str) -> str | None:
    """The mark after a figure that makes the cell no number the reader reads ("y" in
    "1.29y", "pt" in "12.5%pt"); None when the cell is read, or is no figure with a mark
    (a word after a number, "12 months", is not a mark; nor is a date, "31.12.2024", nor
    a year with its estimate mark, "2026E")."""
    stripped = " ".join(text.split())
    match = _FIGURE_WITH_MARK.fullmatch(stripped)
    if match is None or re.search(r"[A-Za-z]{3}", match["mark"]) or parse_cell(stripped):
        return None
    figure = match["figure"]
    if is_year(figure.strip()):
        return None
    if figure.count("(") > figure.count(")"):
        figure += ")"
    return match["mark"] if reads_as_number(figure) else None


def strip_footnote_marks(text: str) -> str:
    """`text` without the footnote marks at its end ("1,234 (a)*" is "1,234").

    A scan from the right, linear in the length: a regex such as "(?:\\*+)+$" takes
    exponential time on a cell of asterisks that ends in anything else.
    """
    end = len(text)
    while True:
        while end and (text[end - 1].isspace() or text[end - 1] in _MARK_CHARS):
            end -= 1
        letter = text[end - 2 : end - 1]
        if end >= 3 and text[end - 3] == "(" and text[end - 1] == ")" and _ASCII_LETTER(letter):
            end -= 3
            continue
        mark = _digit_mark_start(text, end)
        if mark is None:
            return text[:end]
        end = mark


# The most digits a bracketed footnote number prints ("(1)", "(12)"): a release's notes
# run to a few dozen at most; "(123)" is a figure.
_DIGIT_MARK_LENGTH = 2


def _digit_mark_start(text: str, end: int) -> int | None:
    """Where a bracketed footnote number ending `text[:end]` starts ("$ 96.4(1)", "(12.3)(2)",
    "$ 0.45 (3)"); None when there is none.

    Only right after a complete figure (its last digit, its closing bracket or its percent
    sign, glued or one space apart): a figure never prints a negative number after it in
    the same cell, so the brackets are a mark. "(1)" alone, with no figure before it, is a
    negative one.
    """
    if end < 4 or text[end - 1] != ")":
        return None
    start = text.rfind("(", 0, end)
    digits = text[start + 1 : end - 1]
    if start < 1 or not digits.isdecimal() or not digits.isascii():
        return None
    if len(digits) > _DIGIT_MARK_LENGTH:
        return None
    before = start - 1 if text[start - 1] == " " else start
    if before < 1 or text[before - 1] not in "0123456789)%":
        return None
    return before


def is_year(text: str) -> bool:
    """A four-digit year as used in column headers ("2024", "Fiscal 2024" is not).

    Footnote marks after it are set aside ("2025¹", "2024*", "2024 (a)"): a header row
    of marked years is still a row of years, whatever the notes below say of them.
    """
    stripped = strip_footnote_marks(text).strip()
    return len(stripped) == 4 and stripped.isdecimal() and 1900 <= int(stripped) <= 2100


# A number printed with a decimal comma and point-grouped thousands ("1.234,5", "(80,4)"),
# as many European releases print them; tables/decimals.py decides which convention a
# table follows, readers only need to see that such a cell is a number.
# A decimal-comma number ("1 234,5", "(56,7)", "+6,8%", "+0,4 pt", "1,29x"), signed or
# bracketed; its percent, points or multiple sign inside the brackets or after them
# ("(0,3) p.p.", "(0,15)x"), as the point-decimal print places them.
_COMMA_SUFFIX = r"%|(?:p\.p\.|pp|pts?|[x\u00d7])(?![A-Za-z])|"
DECIMAL_COMMA_NUMBER = re.compile(
    rf"^(?P<open>[(+\-\u2212\u2013{MINUS_MARKS}]?)\s*(?P<mark>[$\u20ac\u00a3\u00a5]?)\s*"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)"
    rf"(?:,(?P<frac>\d+))?\s*(?P<pct>{_COMMA_SUFFIX})\s*(?P<close>\)?)\s*"
    rf"(?P<after>{_COMMA_SUFFIX})$"
)


def reads_as_number(text: str) -> bool:
    """A cell that is a number in either decimal convention."""
    stripped = text.strip()
    return parse_number(stripped) is not None or DECIMAL_COMMA_NUMBER.match(stripped) is not None


_PLACEHOLDER_LENGTH = 3


# A bound printed where a change is too large to state (">100%", "<-100 %", "> 1,000%").
_BOUND = re.compile(r"^[<>]\s*[+\-\u2212]?\s*\d[\d,]*(?:\.\d+)?\s*%$")


def is_placeholder(text: str) -> bool:
    """A mark printed in a value column where no figure is given ("N/A", "n/m", "NM",
    "n.m.", "**", or a bound such as ">100%"): at most three characters besides full
    stops, no digit, and not a word of three letters."""
    text = text.strip()
    if _BOUND.match(text):
        return True
    if "." in text and text.replace(".", ""):
        text = text.replace(".", "")  # "n.m.", "n.a."
    if not text or len(text) > _PLACEHOLDER_LENGTH or any(ch.isdigit() for ch in text):
        return False
    return not (text.isalpha() and len(text) == _PLACEHOLDER_LENGTH)
