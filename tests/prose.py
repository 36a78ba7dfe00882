"""The prose table: every figure of the sample's paragraphs and what became of it.

Shared by the narrative golden test and by `--regen-golden`; one line per printed figure:
line, printed text, status (fact / duplicate / not a fact), role, concept, context, unit,
value (the prose's own reading), decimals, and the fact id it became or restates.
"""

from __future__ import annotations

from exporter.facts.model import ProseRecord
from exporter.render.env import decimal_text

HEADER = "line\tprinted\tstatus\trole\tconcept\tcontext\tunit\tvalue\tdecimals\tfact\treason"


def prose_lines(records: tuple[ProseRecord, ...]) -> list[str]:
    rows = []
    for r in records:
        value = "" if r.value is None else decimal_text(r.value)
        decimals = "" if r.decimals is None else str(r.decimals)
        rows.append(
            "\t".join(
                (
                    str(r.line),
                    r.printed,
                    r.status.value,
                    r.role,
                    r.concept or "",
                    r.context or "",
                    r.unit or "",
                    value,
                    decimals,
                    r.fact or "",
                    r.reason,
                )
            )
        )
    return [HEADER, *rows]


def read_prose(text: str) -> list[dict[str, str]]:
    header, *rows = text.splitlines()
    keys = header.split("\t")
    return [dict(zip(keys, row.split("\t"), strict=True)) for row in rows]
