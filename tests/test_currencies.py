"""Other currencies: the sample rewritten in euros and in Swiss francs converts to the same
facts, in the new currency.

The rewriting is hand-made text substitution (the code "RMB" and the name "Renminbi"
become "EUR" / "euros", or "CHF " / "Swiss francs", written with a space before the
figure as Swiss releases print it); the expected facts are the original instance's with
the unit renamed, read back from the XML (not from the exporter's models).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from outputs import xml_facts

from exporter.options import ConvertOptions
from exporter.pipeline import convert

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"


def _instance_facts(path: Path) -> set[tuple]:
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    return {(c, p, u, v, d) for c, p, u, v, d, *_ in xml_facts(instance)}


@pytest.fixture(scope="module")
def original() -> set[tuple]:
    return _instance_facts(SAMPLE)


VARIANTS = {
    "EUR": ("euros", "EUR", ""),
    "CHF": ("Swiss francs", "CHF", " "),
    "AED": ("UAE dirhams", "AED", " "),
    "MYR": ("ringgit", "RM", ""),
}
ISO = {"MYR": "MYR"}
# Dollars printed with the bare sign the US dollar shares: the release states which.
DOLLARS = {"CAD": "Canadian dollars", "AUD": "Australian dollars"}


def _rewrite(text: str, name: str, code: str, gap: str) -> str:
    """ "RMB89,885 million" -> "CHF 89,885 million" ("EUR89,885 million"); "RMB 223.2" keeps
    its space; "Renminbi" -> the currency's name."""
    text = re.sub(r"RMB(?=\d)", code + gap, text.replace("Renminbi", name))
    return text.replace("RMB", code)


@pytest.mark.parametrize("code", sorted(VARIANTS))
def test_the_sample_in_another_currency_gives_the_same_facts(
    code: str, original: set[tuple], tmp_path: Path
) -> None:
    name, printed, gap = VARIANTS[code]
    iso = ISO.get(code, printed)
    variant = _rewrite(SAMPLE.read_text(encoding="utf-8"), name, printed, gap)
    assert "RMB" not in variant
    path = tmp_path / f"sample-{code}.txt"
    path.write_text(variant, encoding="utf-8")
    expected = {
        (c, p, u.replace("iso4217:CNY", f"iso4217:{iso}"), v, d) for c, p, u, v, d in original
    }
    assert _instance_facts(path) == expected


@pytest.mark.parametrize("iso", sorted(DOLLARS))
def test_a_bare_dollar_sign_is_the_dollar_the_release_states(
    iso: str, original: set[tuple], tmp_path: Path
) -> None:
    """ "RMB89,885 million" -> "$89,885 million", the release saying "All figures are in
    Canadian dollars unless otherwise stated": its "$" facts are in Canadian dollars and
    its "US$" ones stay US dollars, in the tables and in the prose."""
    name = DOLLARS[iso]
    text = _rewrite(SAMPLE.read_text(encoding="utf-8"), name, "$", "")
    first, rest = text.split("\n", 1)
    statement = f"All figures are in {name} unless otherwise stated."
    path = tmp_path / f"sample-{iso}.txt"
    path.write_text(f"{first}\n{statement}\n{rest}", encoding="utf-8")
    expected = {
        (c, p, u.replace("iso4217:CNY", f"iso4217:{iso}"), v, d) for c, p, u, v, d in original
    }
    assert _instance_facts(path) == expected


@pytest.mark.parametrize(
    ("unit", "code", "power"),
    [
        ("Rm", "ZAR", 6),
        ("R'm", "ZAR", 6),
        ("R'000", "ZAR", 3),
        ("RM'000", "MYR", 3),
        ("RM million", "MYR", 6),
    ],
)
def test_a_column_unit_naming_the_currency_by_its_symbol_and_scale(
    tmp_path: Path, unit: str, code: str, power: int
) -> None:
    """ "Rm" over a South African statement's columns is rand in millions; "RM'000" over a
    Malaysian one is ringgit in thousands: the symbol's case tells the two apart."""
    path = tmp_path / "release.txt"
    path.write_text(
        "Mthunzi Retail Holdings Limited\n\n"
        "Johannesburg, 14 October 2025 - Mthunzi Retail Holdings Limited (JSE: MTZ) reports"
        " its results for the six months ended 31 August 2025.\n\n"
        "CONDENSED CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME\n\n"
        "                             Six months ended   Six months ended\n"
        "                               31 August 2025     31 August 2024\n"
        f"                                  {unit:>12}       {unit:>12}\n"
        "Revenue                                24 318             22 647\n"
        "Gross profit                            6 563              6 034\n",
        encoding="utf-8",
    )
    facts = _instance_facts(path)
    revenue = {(p, u, v) for c, p, u, v, _ in facts if c.endswith("#Revenues")}
    scaled = Decimal(24318).scaleb(power)
    assert revenue >= {("2025-03-01/2025-08-31", f"iso4217:{code}", scaled)}


# A statement that prints the currency code in a cell of its own before some amounts, as
# "$" is printed; the code's cell is a mark, never a label's word or a column.
CODE_CELL_ROWS = [
    ("Revenue", "{code}", "1,234.5", "{code}", "1,100.2"),
    ("Operating expenses", "", "(900.0)", "", "(850.1)"),
    ("Operating profit", "", "334.5", "", "250.1"),
    ("Net profit", "{code}", "250.0", "{code}", "190.0"),
]
CODE_CELL_TITLE = [
    "Norvik ASA reports fourth quarter 2025 results",
    "OSLO, 5 February 2026 - Norvik ASA today reported its results for the fourth quarter of 2025.",
    "Condensed consolidated income statement (in millions)",
]


def _code_cells_text(code: str) -> str:
    rows = ["\t".join(c.format(code=code) for c in row) for row in CODE_CELL_ROWS]
    return "\n\n".join(CODE_CELL_TITLE) + "\n\n\tQ4 2025\t\tQ4 2024\t\n" + "\n".join(rows) + "\n"


def _code_cells_html(code: str) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td>{c.format(code=code)}</td>" for c in row) + "</tr>"
        for row in CODE_CELL_ROWS
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in CODE_CELL_TITLE)
    header = '<tr><td></td><td colspan="2">Q4 2025</td><td colspan="2">Q4 2024</td></tr>'
    return f"<html><body>{paragraphs}<table>{header}{cells}</table></body></html>"


def _code_cells_pdf(code: str) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    y = 800.0
    for line in CODE_CELL_TITLE:
        canvas.drawString(50, y, line)
        y -= 24
    canvas.drawRightString(330, y, "Q4 2025")
    canvas.drawRightString(450, y, "Q4 2024")
    for row in CODE_CELL_ROWS:
        y -= 16
        canvas.drawString(50, y, row[0])
        for x, text in zip((270, 330, 390, 450), row[1:], strict=True):
            marks = text.format(code=code)
            if marks == code:
                canvas.drawString(x - 10, y, marks)
            else:
                canvas.drawRightString(x, y, marks)
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("code", ["NOK", "EUR", "CHF"])
@pytest.mark.parametrize("form", ["txt", "htm", "pdf"])
def test_a_currency_code_in_a_cell_of_its_own_is_a_mark(
    tmp_path: Path, code: str, form: str
) -> None:
    path = tmp_path / f"norvik-2025q4.{form}"
    if form == "pdf":
        path.write_bytes(_code_cells_pdf(code))
    else:
        text = _code_cells_text(code) if form == "txt" else _code_cells_html(code)
        path.write_text(text, encoding="utf-8")
    facts = {(c.split("#")[1], p, v) for c, p, _, v, *_ in _instance_facts(path)}
    q4, before = "2025-10-01/2025-12-31", "2024-10-01/2024-12-31"
    assert facts >= {
        ("Revenues", q4, Decimal("1234500000")),
        ("Revenues", before, Decimal("1100200000")),
        ("NetIncomeLoss", q4, Decimal("250000000")),
        ("NetIncomeLoss", before, Decimal("190000000")),
        ("OperatingIncomeLoss", q4, Decimal("334500000")),
    }
    units = {u for *_, u, _v, _d in _instance_facts(path)}
    assert units == {f"iso4217:{code}"}


@pytest.mark.parametrize("form", ["txt", "htm"])
def test_a_code_in_the_label_cell_stays_the_rows_label(tmp_path: Path, form: str) -> None:
    """A table of exchange rates prints codes as its row labels: "USD | 10.52 | 10.11"."""
    rows = [("Average rate", "2025", "2024"), ("USD", "10.52", "10.11"), ("EUR", "11.63", "11.48")]
    if form == "txt":
        table = "\n".join("\t".join(r) for r in rows)
    else:
        table = (
            "<table>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
            + "</table>"
        )
    text = _code_cells_text("NOK") + "\n\nExchange rates\n\n" + table + "\n"
    if form == "htm":
        text = _code_cells_html("NOK").replace("</body>", f"<p>Exchange rates</p>{table}</body>")
    path = tmp_path / f"norvik-2025q4.{form}"
    path.write_text(text, encoding="utf-8")
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    labels = {f.source.label for f in conversion.facts.facts} | {
        u.label for u in conversion.facts.unmapped
    }
    assert {"USD", "EUR"} <= labels


# The sample's prose (its paragraphs and bullets before the conference-call notice), and
# the same prose with every amount printed as a Nordic or French release prints it: the
# decimal comma, thousands grouped by a space or a no-break space.
_PROSE_END = "Conference Call Preregistration"
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d+\.\d+(?!\d)")


def _sample_prose() -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return text[: text.index(_PROSE_END)]


def _with_decimal_comma(text: str, space: str) -> str:
    """ "RMB4,482.3 million" -> "RMB4 482,3 million", "2.09%" -> "2,09%"."""
    return _AMOUNT.sub(lambda m: m.group().replace(",", space).replace(".", ","), text)


@pytest.mark.parametrize("space", [" ", "\u00a0"], ids=["space", "nbsp"])
def test_the_sample_prose_with_the_decimal_comma_gives_the_same_facts(
    space: str, tmp_path: Path
) -> None:
    plain = tmp_path / "plain" / "qifu-2024q4.txt"
    plain.parent.mkdir()
    plain.write_text(_sample_prose(), encoding="utf-8")
    variant = tmp_path / "comma" / "qifu-2024q4.txt"
    variant.parent.mkdir()
    variant.write_text(_with_decimal_comma(_sample_prose(), space), encoding="utf-8")
    assert "RMB4,482.3 million" in plain.read_text(encoding="utf-8")
    assert f"RMB4{space}482,3 million" in variant.read_text(encoding="utf-8")
    expected = _instance_facts(plain)
    got = _instance_facts(variant)
    assert got == expected
    values = {(c.split("#")[1], p, v) for c, p, _, v, _ in got}
    q4 = "2024-10-01/2024-12-31"
    assert ("Revenues", q4, Decimal("4482300000")) in values
    assert ("NumberOfLoansOriginated", q4, Decimal("24814923")) in values
    assert ("NinetyDayPlusDelinquencyRate", "2024-12-31", Decimal("0.0209")) in values


_UNMARKED = (
    "Northwind Instruments, Inc. Reports Fourth Quarter 2025 Results\n\n"
    "AUSTIN, Texas, February 12, 2026 -- Northwind Instruments, Inc. (NASDAQ: NWND) today"
    " reported {news} for the fourth quarter ended December 31, 2025.\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "(in thousands, except per share data; unaudited)\n\n"
    "                                   Three Months Ended\n"
    "                                      December 31,\n"
    "                                    2025        2024\n"
    "Revenue                          412,560     380,115\n"
    "Diluted net income per share        0.92        0.84\n"
)


def test_a_table_without_a_currency_mark_takes_the_one_the_prose_names(tmp_path: Path) -> None:
    """The release's currency, as the prose names it ("$412.6 million"), is its tables'."""
    path = tmp_path / "release.txt"
    path.write_text(_UNMARKED.format(news="revenue of $412.6 million"), encoding="utf-8")
    facts = {(f.concept, f.unit, f.value) for f in convert(path, ConvertOptions()).facts.facts}
    assert ("Revenues", "USD", Decimal("380115000")) in facts
    assert ("EarningsPerShareDiluted", "USD_per_share", Decimal("0.84")) in facts


def test_a_release_naming_no_currency_anywhere_gives_its_amounts_none(tmp_path: Path) -> None:
    """No currency in the prose or the tables: a dateline's city or a US listing is no
    evidence of the statements' currency, so the amounts are reported, not guessed."""
    path = tmp_path / "release.txt"
    path.write_text(_UNMARKED.format(news="financial results"), encoding="utf-8")
    conversion = convert(path, ConvertOptions())
    assert not [f for f in conversion.facts.facts if f.concept == "Revenues"]
    reasons = {n.text: n.reason for n in conversion.report.unmapped}
    assert reasons["412,560"] == "column has no currency"
