"""What a validation holds the documents to: a profile of rules and a calculation mode.

`Profile.SPEC` is XBRL 2.1 as written (what a user checking any filing wants).
`Profile.EXPORTER` adds the stricter rules the exporter keeps for its own outputs:
entity schemes that are absolute URIs, no digits below `decimals` anywhere, no
inconsistent duplicate facts (XBRL 2.1 allows all three), and the Units Registry's
units for pure, percent and per-share items.

`Calc` chooses how summation-item relationships are checked: not at all, as XBRL 2.1
§5.2.5.2 defines it (Calculations 1.0: round each value to its decimals, then add),
or as Calculations 1.1 with round-to-nearest intervals (the default).
"""

from __future__ import annotations

from enum import StrEnum


class Profile(StrEnum):
    """Which rule set runs: the specification's, or the specification's and the exporter's."""

    SPEC = "spec"
    EXPORTER = "exporter"


class Calc(StrEnum):
    """The calculation check: none, Calculations 1.0 (XBRL 2.1) or Calculations 1.1."""

    NONE = "none"
    C10 = "c10"
    C11 = "c11"
