"""Lexical checks and parsing of numeric fact values, `decimals` and `precision`.

Values become `Decimal` straight from the text (never float), following the XML
Schema lexical spaces of the fact's type (XBRL 2.1 §4.6, §5.1.1.3).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Literal

from exporter.validate.concepts import ValueSpace

INF: Literal["INF"] = "INF"
Accuracy = int | Literal["INF"]

_INTEGER = re.compile(r"[+-]?\d+")
_NON_NEGATIVE = re.compile(r"\+?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|\+INF|NaN")
_PATTERNS = {ValueSpace.DECIMAL: _DECIMAL, ValueSpace.INTEGER: _INTEGER, ValueSpace.FLOAT: _FLOAT}


def parse_decimals(text: str | None) -> Accuracy | None:
    """XBRL 2.1 §4.6.5 `decimals`: an xsd:integer or "INF"; None if not lexically valid."""
    token = (text or "").strip()
    if token == INF:
        return INF
    return int(token) if _INTEGER.fullmatch(token) else None


def parse_precision(text: str | None) -> Accuracy | None:
    """XBRL 2.1 §4.6.4 `precision`: an xsd:nonNegativeInteger or "INF"; else None."""
    token = (text or "").strip()
    if token == INF:
        return INF
    return int(token) if _NON_NEGATIVE.fullmatch(token) else None


def parse_number(text: str, space: ValueSpace) -> Decimal | None:
    """The value of `text` in the lexical space of the fact's type; None if invalid."""
    token = text.strip()
    pattern = _PATTERNS.get(space)
    if pattern is None or not pattern.fullmatch(token):
        return None
    token = token.replace("INF", "Infinity")
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def inferred_decimals(value: Decimal, precision: Accuracy) -> Accuracy | None:
    """XBRL 2.1 §4.6.6: decimals implied by a precision; None when unknown (0 or zero)."""
    if precision == INF:
        return INF
    if precision == 0 or value == 0 or not value.is_finite():
        return None
    magnitude = math.floor(value.copy_abs().log10())
    return int(precision) - magnitude - 1
