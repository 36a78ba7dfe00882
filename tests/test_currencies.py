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
