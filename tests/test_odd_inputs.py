"""Odd header and cell text: read the same way by every stage and output, or reported.

Each case is the sample (or the small release of `hostile_corpus.RELEASE`) with one
header or cell changed; none may end in an internal error, and every output that is
written must agree with the others (the conversion validates them against each other).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hostile_corpus import RELEASE

from exporter.numbers import MAX_DIGITS, parse_number, unreadable_number
from exporter.options import ConvertOptions
from exporter.pipeline import Conversion, convert
from exporter.validate.intervals import has_excess_digits

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"


def _convert(tmp_path: Path, text: str, name: str = "odd.txt") -> Conversion:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions())
    assert conversion.report.valid, [str(f) for f in conversion.report.findings][:3]
    return conversion


def _instance(conversion: Conversion) -> str:
    return next(v for k, v in conversion.files.items() if k.endswith(".xml")).decode("utf-8")


def _instants(conversion: Conversion) -> set[str]:
    return set(re.findall(r"<xbrli:instant>([^<]+)<", _instance(conversion)))


def _warnings(conversion: Conversion, code: str) -> list[str]:
    return [str(f) for f in conversion.report.findings if f.code == code]


# --- the two cases of the issue, on the sample -------------------------------------------


def test_a_header_in_the_year_99999_is_a_column_without_a_period(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[285] == "\tDecember 31, 2023\tDecember 31, 2024\tDecember 31, 2024"
    lines[285] = "\tDecember 31, 99999\tDecember 31, 2024\tDecember 31, 2024"
    conversion = _convert(tmp_path, "\n".join(lines) + "\n")
    report = conversion.report
    assert report.status == "incomplete"
    odd = [u for u in report.unmapped if "99999" in u.reason]
    # The balance sheet's first column: 41 numbers, each reported with its line.
    assert len(odd) == 41
    assert {u.line for u in odd} >= {292, 293}
    assert "4,177,890" in {u.text for u in odd}
    assert ">4177890000<" not in _instance(conversion)
    assert ">4452416000<" in _instance(conversion)


def test_an_amount_in_arabic_indic_digits_is_reported_not_read(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[291] == "Cash and cash equivalents\t4,177,890\t4,452,416\t609,978"
    lines[291] = "Cash and cash equivalents\t٤,١٧٧,٨٩٠\t4,452,416\t609,978"
    conversion = _convert(tmp_path, "\n".join(lines) + "\n")
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1
    assert "line 292" in found[0] and "'٤,١٧٧,٨٩٠'" in found[0]
    assert "Arabic-Indic digits" in found[0]
    instance = _instance(conversion)
    assert ">4177890000<" not in instance
    # The row's other cells are read as printed.
    assert ">4452416000<" in instance and ">609978000<" in instance
    xhtml = next(v for k, v in conversion.files.items() if k.endswith(".xhtml")).decode()
    assert "٤,١٧٧,٨٩٠" in xhtml and "4,452,416" in xhtml


# --- kin of those cases, on the small release ----------------------------------------------


@pytest.mark.parametrize(
    ("cell", "script"),
    [
        ("١٠٠", "Arabic-Indic"),
        ("۱۰۰", "Extended Arabic-Indic"),
        ("१००", "Devanagari"),
        ("１００", "Fullwidth"),
        ("(1٠٠)", "Arabic-Indic"),
    ],
)
def test_a_cell_in_other_digits_is_reported_with_its_place(
    tmp_path: Path, cell: str, script: str
) -> None:
    text = RELEASE.replace(
        "Cash and cash equivalents\t100\t", f"Cash and cash equivalents\t{cell}\t"
    )
    conversion = _convert(tmp_path, text)
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1, found
    assert "line 10" in found[0] and f"{script} digits" in found[0]
    assert ">100000<" not in _instance(conversion)
    assert ">200000<" in _instance(conversion)


@pytest.mark.parametrize("cell", ["1.5%pt", "100 zz", "(100)q"])
def test_a_cell_of_digits_with_marks_no_format_reads_is_reported(tmp_path: Path, cell: str) -> None:
    """A value cell that prints digits and then marks the reader does not know is not
    lost from its row without a word: it is reported with its place."""
    text = RELEASE.replace(
        "Cash and cash equivalents\t100\t", f"Cash and cash equivalents\t{cell}\t"
    )
    conversion = _convert(tmp_path, text)
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1, found
    assert "line 10" in found[0] and f"'{cell}'" in found[0]
    assert ">200000<" in _instance(conversion)


def test_a_figure_in_other_digits_in_the_prose_is_reported(tmp_path: Path) -> None:
    text = RELEASE.replace(
        "today announced results.", "today announced revenue of $٧٠٠ million for 2024."
    )
    conversion = _convert(tmp_path, text)
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1 and "line 3" in found[0] and "'٧٠٠'" in found[0]
    assert ">700000000<" not in _instance(conversion)


def test_a_year_in_other_digits_is_read_as_that_year(tmp_path: Path) -> None:
    """A header's year is a date, not a tagged number: read whatever its digits."""
    text = RELEASE.replace("\tDecember 31, 2023\t", "\tDecember 31, ٢٠٢٣\t")
    conversion = _convert(tmp_path, text)
    assert _instants(conversion) == {"2023-12-31", "2024-12-31"}
    assert _warnings(conversion, "input.unreadable-number") == []


def test_a_number_beyond_any_precision_is_reported_not_rounded(tmp_path: Path) -> None:
    huge = "(" + "9" * 500 + ")"
    conversion = _convert(tmp_path, RELEASE.replace("Revenues\t500\t", f"Revenues\t{huge}\t"))
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1 and "line 19" in found[0] and "500 digits" in found[0]
    everything = b"".join(conversion.files.values()).decode("utf-8")
    assert "1000000000000000000000000000" not in everything  # no rounded stand-in
    assert ">600000<" in _instance(conversion)


def test_a_prose_figure_beyond_any_precision_is_reported(tmp_path: Path) -> None:
    text = RELEASE.replace("today announced results.", f"today announced ${'7' * 40} million.")
    conversion = _convert(tmp_path, text)
    found = _warnings(conversion, "input.unreadable-number")
    assert len(found) == 1 and "40 digits" in found[0]


def test_the_longest_number_read_keeps_every_digit(tmp_path: Path) -> None:
    """28 digits (Decimal's precision) in thousands: the instance holds them all."""
    longest = "9" * MAX_DIGITS
    conversion = _convert(tmp_path, RELEASE.replace("Revenues\t500\t", f"Revenues\t{longest}\t"))
    assert f">{longest}000<" in _instance(conversion)
    xbrl_json = next(v for k, v in conversion.files.items() if k.endswith(".json"))
    values = {f["value"] for f in json.loads(xbrl_json)["facts"].values()}
    assert f"{longest}000" in values


@pytest.mark.parametrize("year", ["0001", "0099", "99999", "10000", "1000"])
def test_an_absurd_year_gives_no_period(tmp_path: Path, year: str) -> None:
    text = RELEASE.replace("\tDecember 31, 2023\t", f"\tDecember 31, {year}\t")
    conversion = _convert(tmp_path, text)
    assert _instants(conversion) == {"2024-12-31"}
    assert conversion.report.status == "incomplete"
    assert conversion.report.not_understood == 3


def test_a_year_ending_9999_converts_without_an_overflow(tmp_path: Path) -> None:
    text = RELEASE.replace(
        "Three months ended December 31,\n\t2023\t2024", "Year ended December 31,\n\t9999\t2024"
    )
    text = text.replace("\tDecember 31, 2023\t", "\tDecember 31, 9999\t")
    conversion = _convert(tmp_path, text)
    assert "9999-12-31" not in _instance(conversion)


# --- the number reader's own rules ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("٤,١٧٧,٨٩٠", "printed in Arabic-Indic digits"),
        ("(١٢.٥)%", "printed in Arabic-Indic digits"),
        ("１２３", "printed in Fullwidth digits"),
        ("1" * 29, "29 digits, more than the 28"),
        ("0." + "1" * 30, "30 digits, more than the 28"),
    ],
)
def test_unreadable_numbers_say_why(text: str, why: str) -> None:
    assert parse_number(text) is None
    reason = unreadable_number(text)
    assert reason is not None and reason.startswith(why)


@pytest.mark.parametrize("text", ["4,177,890", "Revenue", "", "٤ apples", "1" * 28, "2024"])
def test_numbers_that_are_read_or_are_no_numbers_have_no_reason(text: str) -> None:
    assert unreadable_number(text) is None


def test_excess_digits_are_found_beyond_the_arithmetic_precision() -> None:
    nines = Decimal("9" * 500)
    assert has_excess_digits(nines, -1) is True
    assert has_excess_digits(nines, 0) is False
    assert has_excess_digits(Decimal("1250"), -2) is True
    assert has_excess_digits(Decimal("1200"), -2) is False
    assert has_excess_digits(Decimal("0.000"), 0) is False
