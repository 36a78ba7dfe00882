"""Seed inputs per fuzz target: small valid releases and the hostile corpus's bad ones."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile_corpus as corpus  # noqa: E402 - lives with the tests

SAMPLE = ROOT / "tests" / "fixtures" / "qifu-2024q4.txt"

NUMBERS = ["1,234", "(1,234.56)", "$ 7.5", "—", "12.5%", "(3.2)%", "-", "US$1,000", "4(a)", "5¹"]
HEADERS = [
    "Three months ended December 31, 2024",
    "December 31, 2023",
    "Year Ended June 30, 2024 RMB",
    "13 weeks ended July 29, 2023",
    "Six Months Ended\nSeptember 30,\n2024",
    "For the period ended September 30, 2024",
]

# Lines for the `table` target's slots (fuzz/harnesses.py: TABLE_SLOTS): headers, then cells.
TABLE = [
    "December 31, 2023\nThree months ended December 31,\n2023\n100\n50\n150\n500\n10",
    "December 31, 99999",
    "December 31, 9999\nYear ended December 31,\n9999",
    "September 30, 2023\nNine Months Ended\n2023",
    "\n\n\n٤,١٧٧,٨٩٠\n(١٢)",
    "\n\n\n(" + "9" * 60 + ")\n0." + "0" * 40 + "1",
    "\n13 weeks ended July 29, 2023\nFiscal 2023\n$ 1,234.5\n—\n(3.2)%",
]


def _sample_tables() -> bytes:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "\t" in line)
    return "\n".join(lines[start - 4 : start + 40]).encode("utf-8")


def seeds(target: str) -> list[bytes]:
    """A few inputs that reach deep into the target's code."""
    release = corpus.RELEASE
    if target in ("text", "convert"):
        return [
            release.encode("utf-8"),
            release.encode("utf-16"),
            release.encode("gb18030"),
            _sample_tables(),
            b"Revenue 1,234 5,678 Net income 10 20 Total assets 150 270",
        ]
    if target == "html":
        return [
            corpus.release_html().encode("utf-8"),
            b'<meta charset="cp1252"><table><tr><td>$</td><td>(1,2</td><td>)</td></tr></table>',
            b"<pre>Revenue    1,234    5,678\nNet income    10    20</pre>",
        ]
    if target == "pdf":
        return [corpus.statement_pdf(), corpus.statement_pdf(compress=True)]
    if target == "numbers":
        return [n.encode("utf-8") for n in NUMBERS]
    if target == "periods":
        return [h.encode("utf-8") for h in HEADERS]
    if target == "table":
        return [t.encode("utf-8") for t in TABLE]
    raise KeyError(target)


def write_seeds(target: str, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for index, data in enumerate(seeds(target)):
        (directory / f"seed-{index}").write_bytes(data)
    return directory
