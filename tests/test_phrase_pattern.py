"""Prefix-tree alternations match what the flat alternation sorted longest first did."""

from __future__ import annotations

import random
import re

import pytest

from exporter.phrase_pattern import literal_alternation, phrase_alternation


def _flat(phrases: list[str], flags: str = "") -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@pytest.mark.parametrize(
    ("phrases", "flags", "text", "expected"),
    [
        (["net", "net income", "net loss"], "", "net income of", "net income"),
        (["net", "net income"], "", "net  incomes", "net  income"),
        (["m", "million", "mn"], "i", "MILLION", "MILLION"),
        (["kEUR", "KEUR", "EUR"], "i", "keur 5", "keur"),
        (["US$", "US", "$"], "", "US$5", "US$"),
    ],
    ids=["longest", "whitespace-run", "ignore-case", "case-variants", "symbols"],
)
def test_longest_phrase_wins(phrases: list[str], flags: str, text: str, expected: str) -> None:
    match = re.match(phrase_alternation(phrases, flags), text)
    assert match is not None and match.group() == expected


def test_falls_back_to_shorter_phrase_when_the_rest_fails() -> None:
    pattern = re.compile(phrase_alternation(["per share", "per"]) + r"\s+ADS")
    match = pattern.match("per ADS")
    assert match is not None and match.group() == "per ADS"


def test_same_matches_as_flat_alternation() -> None:
    rng = random.Random(3)
    words = ["net", "income", "loss", "in", "inc", "per", "share", "US", "$", "m", "bn"]
    phrases = [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(60)]
    for flags in ("", "i"):
        tree = re.compile(phrase_alternation(phrases, flags) + r"(?:\s+(\w+))?")
        flat = re.compile(_flat(phrases, flags) + r"(?:\s+(\w+))?")
        for _ in range(200):
            text = " ".join(rng.choice([*words, "NET", "Share"]) for _ in range(8))
            assert [(*m.groups(), m.span()) for m in tree.finditer(text)] == [
                (*m.groups(), m.span()) for m in flat.finditer(text)
            ]


def test_literal_alternation_of_one_length_is_a_valid_lookbehind() -> None:
    pattern = re.compile(f"(?<={literal_alternation(['EUR', 'USD', 'US$'])})1")
    assert [m.start() for m in pattern.finditer("EUR1 US$1 GBP1")] == [3, 8]
