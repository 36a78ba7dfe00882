r"""Alternations of many literal phrases as one prefix tree: "net (?:income|loss|sales)".

The taxonomy's currency spellings, scale words and per-share wordings run to hundreds of
phrases. As a flat "a|b|c" `re` parses, compiles and, at every place in a text, tries
each branch alone; with the common prefixes factored out it does each shared letter
once, and the pattern compiles in a fraction of the time.

The tree keeps what the flat alternation sorted longest first means: the phrases that
match at one place lie on one path of the tree (siblings never match the same letter),
and at each node the longer continuations are tried before the phrase ending there, so
the longest phrase is tried first and the shorter ones only when what follows fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key marking that a phrase ends at a node; no token is empty
_WORD_GAP = r"\s+"

_Node = dict[str, "_Node"]


def phrase_alternation(phrases: Iterable[str], flags: str = "") -> str:
    r"""A group matching any of `phrases`, their words parted by any whitespace (\s+);
    `flags` "i" to ignore case. Matches what `(?:p1|p2|...)` sorted longest first does."""
    fold = "i" in flags
    tree = _tree(_phrase_tokens(p, fold) for p in phrases)
    return f"(?{flags}:{_pattern(tree)})" if flags else f"(?:{_pattern(tree)})"


def literal_alternation(strings: Iterable[str]) -> str:
    """The body of an alternation matching any of `strings` exactly (no group around it);
    in a lookbehind, strings of one length keep it of fixed width."""
    return _pattern(_tree([re.escape(c) for c in s] for s in strings))


def _phrase_tokens(phrase: str, fold: bool) -> list[str]:
    """The phrase's letters, escaped, with a whitespace run between its words; letters
    lower-cased when case is ignored, so that "kEUR" and "KEUR" share their path."""
    tokens: list[str] = []
    for word in phrase.split():
        if tokens:
            tokens.append(_WORD_GAP)
        tokens.extend(re.escape(_folded(c) if fold else c) for c in word)
    return tokens


def _folded(letter: str) -> str:
    """The letter's lower case where that is one letter (matched alike when ignoring
    case); the letter itself otherwise."""
    lower = letter.lower()
    return lower if len(lower) == 1 else letter


def _tree(token_lists: Iterable[list[str]]) -> _Node:
    """The prefix tree of the token lists (duplicates merge)."""
    root: _Node = {}
    for tokens in token_lists:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[_END] = {}
    return root


def _pattern(node: _Node) -> str:
    """The node's continuations in a fixed (sorted) order, then, if a phrase ends here,
    nothing: a greedy "?" tries the longer phrases first."""
    branches = [token + _pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if _END in node else body
