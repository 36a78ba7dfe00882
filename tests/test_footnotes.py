"""Footnotes in every format: the release's footnotes linked to the facts they explain.

The sample marks "261.2 million consumers^{*1}" and prints footnote 1 "Refers to
cumulative registered users across our platform."; "Financing income^{*12}" and
footnote 12. The instance links them with a footnoteLink; the Inline XBRL page with
`ix:footnote` and `ix:relationship`, the xBRL-JSON with `xbrl:note` facts and
`links.footnote`, the xBRL-CSV with a table of notes and the metadata's `links`. Each
format's own check compares its links with the instance's (Arelle's reading of all
four is in `test_arelle_formats.py`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from renderings_pdf import drawn_release
from reportlab.pdfgen.canvas import Canvas

from exporter.pipeline import convert
from exporter.validate import validate_inline, validate_xbrl_csv, validate_xbrl_json

STEM = "qifu-2024q4"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
NOTE_1 = "Refers to cumulative registered users across our platform."
NOTE_12_START = '"Financing income" is generated from loans facilitated'


@pytest.fixture(scope="module")
def files(sample: Path) -> dict[str, bytes]:
    return convert(sample).files


def _json(files: dict[str, bytes]) -> dict:
    return json.loads(files[f"{STEM}.json"])


def _by_value(document: dict, value: str, concept: str) -> tuple[str, dict]:
    return next(
        (k, f)
        for k, f in document["facts"].items()
        if f["value"] == value and f["dimensions"]["concept"] == concept
    )


def test_xbrl_json_links_facts_to_note_facts(files) -> None:
    document = _json(files)
    info = document["documentInfo"]
    assert info["linkTypes"] == {"footnote": "http://www.xbrl.org/2003/arcrole/fact-footnote"}
    assert info["linkGroups"] == {"_": "http://www.xbrl.org/2003/role/link"}
    assert info["namespaces"]["xbrl"] == "https://xbrl.org/2021"
    _, users = _by_value(document, "261200000", "xe:CumulativeRegisteredUsers")
    (note_id,) = users["links"]["footnote"]["_"]
    note = document["facts"][note_id]
    assert note["value"] == NOTE_1
    assert note["dimensions"] == {"concept": "xbrl:note", "noteId": note_id, "language": "en-US"}
    _, financing = _by_value(document, "1667340000", "xe:FinancingIncome")
    (note_id,) = financing["links"]["footnote"]["_"]
    assert document["facts"][note_id]["value"].startswith(NOTE_12_START)
    notes = [f for f in document["facts"].values() if f["dimensions"]["concept"] == "xbrl:note"]
    assert len(notes) == 13


def test_xbrl_csv_has_a_note_table_and_links_from_cells(files) -> None:
    metadata = json.loads(files[f"{STEM}.csv.json"])
    rows = list(csv.reader(io.StringIO(files[f"{STEM}-footnotes.csv"].decode())))
    assert rows[0] == ["id", "footnote"]
    assert [NOTE_1] in [r[1:] for r in rows[1:]]
    assert len(rows) == 14
    template = metadata["tableTemplates"]["footnotes"]
    assert template["rowIdColumn"] == "id"
    links = metadata["links"]["footnote"]["_"]
    income = list(csv.reader(io.StringIO(files[f"{STEM}-income-statement.csv"].decode())))
    row = next(n for n, r in enumerate(income) if r[0].strip() == "Financing income")
    column = income[0][income[row].index("1667340000")]
    (target,) = links[f"income_statement.r_{row}.{column}"]
    note_row = next(r for r in rows if r[1].startswith(NOTE_12_START))
    assert target == f"footnotes.r_{note_row[0]}.footnote"


def test_inline_shows_the_footnotes_and_relates_them(files) -> None:
    page = etree.fromstring(files[f"{STEM}.xhtml"])
    notes = {n.get("id"): "".join(n.itertext()) for n in page.iter(f"{IX}footnote")}
    assert len(notes) == 13
    (note_id,) = [k for k, v in notes.items() if v == NOTE_1]
    tags = {t.get("id"): "".join(t.itertext()) for t in page.iter(f"{IX}nonFraction")}
    relationship = next(r for r in page.iter(f"{IX}relationship") if r.get("toRefs") == note_id)
    # 261.2 million consumers, a prose figure: a hidden fact in full units
    assert "261200000" in {tags[s] for s in relationship.get("fromRefs").split()}
    # visible: in the page's body, not in the hidden header
    note = next(n for n in page.iter(f"{IX}footnote") if n.get("id") == note_id)
    assert all(a.tag != f"{IX}header" for a in note.iterancestors())


def _check(fmt: str, files: dict[str, bytes]):
    instance = files[f"{STEM}.xml"]
    args = (instance, f"{STEM}.xml", f"{STEM}.xsd")
    if fmt == "xbrl-json":
        return validate_xbrl_json(files[f"{STEM}.json"], f"{STEM}.json", *args)
    if fmt == "ixbrl":
        return validate_inline(files[f"{STEM}.xhtml"], f"{STEM}.xhtml", *args)
    return validate_xbrl_csv(files, f"{STEM}.csv.json", *args)


@pytest.mark.parametrize("fmt", ["xbrl-json", "xbrl-csv", "ixbrl"])
def test_each_check_passes_our_footnotes(files, fmt: str) -> None:
    result = _check(fmt, files)
    assert result.findings == ()
    assert f"{fmt}.footnotes" in result.checks


def _drop_first_json_link(files: dict[str, bytes]) -> dict[str, bytes]:
    document = json.loads(files[f"{STEM}.json"])
    linked = next(f for f in document["facts"].values() if "links" in f)
    del linked["links"]
    return {**files, f"{STEM}.json": json.dumps(document).encode()}


def _retarget_json_link(files: dict[str, bytes]) -> dict[str, bytes]:
    document = json.loads(files[f"{STEM}.json"])
    linked = next(f for f in document["facts"].values() if "links" in f)
    linked["links"]["footnote"]["_"] = (
        ["fn1"] if linked["links"]["footnote"]["_"] != ["fn1"] else ["fn2"]
    )
    return {**files, f"{STEM}.json": json.dumps(document).encode()}


def _drop_first_csv_link(files: dict[str, bytes]) -> dict[str, bytes]:
    metadata = json.loads(files[f"{STEM}.csv.json"])
    links = metadata["links"]["footnote"]["_"]
    links.pop(next(iter(links)))
    return {**files, f"{STEM}.csv.json": json.dumps(metadata).encode()}


def _change_csv_note(files: dict[str, bytes]) -> dict[str, bytes]:
    name = f"{STEM}-footnotes.csv"
    return {**files, name: files[name].replace(b"Refers to cumulative", b"Refers to total", 1)}


def _drop_inline_source(files: dict[str, bytes]) -> dict[str, bytes]:
    page = files[f"{STEM}.xhtml"]
    return {**files, f"{STEM}.xhtml": page.replace(b'fromRefs="f449 ', b'fromRefs="', 1)}


def _drop_inline_note(files: dict[str, bytes]) -> dict[str, bytes]:
    page = re.sub(
        rb'<ix:footnote id="fn1"([^>]*)>(.*?)</ix:footnote>',
        rb"<span>\2</span>",
        files[f"{STEM}.xhtml"],
    )
    return {**files, f"{STEM}.xhtml": page}


@pytest.mark.parametrize(
    ("fmt", "change"),
    [
        ("xbrl-json", _drop_first_json_link),
        ("xbrl-json", _retarget_json_link),
        ("xbrl-csv", _drop_first_csv_link),
        ("xbrl-csv", _change_csv_note),
        ("ixbrl", _drop_inline_source),
        ("ixbrl", _drop_inline_note),
    ],
    ids=["json-lost", "json-moved", "csv-lost", "csv-text", "inline-lost", "inline-note"],
)
def test_each_check_catches_a_footnote_link_that_differs(files, fmt: str, change) -> None:
    changed = change(files)
    assert changed != files
    result = _check(fmt, changed)
    assert f"{fmt}.footnote" in result.codes()
    assert not result.ok


# A summary table whose figures carry bracketed footnote numbers, glued or a space apart,
# and the notes printed below it.
_MARKED_ROWS = [
    ("Revenue", "$ 1,421.6", "$ 1,358.2"),
    ("Operating income", "$ 96.4(1)", "$ 81.7(1)"),
    ("Restructuring charges", "(12.3)(2)", "(4.1)(2)"),
    ("Diluted EPS", "$ 0.45 (3)", "$ 0.36 (3)"),
]
_MARKED_NOTES = [
    "(1) Includes depreciation and amortization.",
    "(2) Relates to terminal consolidation.",
    "(3) Diluted for stock options.",
]
_MARKED_HEAD = (
    "Harbor Freight Lines Reports Third Quarter 2025 Results",
    "MEMPHIS, Tenn., Nov. 4, 2025 -- Harbor Freight Lines, Inc. today reported results.",
    "Summary of Results",
    "(in millions, except per share amounts)",
)


def _draw_marked(canvas: Canvas, y: float) -> None:
    """The summary table drawn as a report writer draws it, figures right-aligned."""
    for line in _MARKED_HEAD[2:]:
        y -= 20
        canvas.drawString(72, y, line)
    y -= 20
    canvas.drawRightString(400, y, "Q3 2025")
    canvas.drawRightString(500, y, "Q3 2024")
    for label, now, then in _MARKED_ROWS:
        y -= 14
        canvas.drawString(72, y, label)
        canvas.drawRightString(400, y, now)
        canvas.drawRightString(500, y, then)
    y -= 10
    for note in _MARKED_NOTES:
        y -= 12
        canvas.drawString(72, y, note)


def _marked_release(form: str) -> str | bytes:
    if form == "pdf":
        return drawn_release(_MARKED_HEAD[0], _MARKED_HEAD[1:2], _draw_marked)
    if form == "html":
        head = "".join(f"<p>{line}</p>" for line in _MARKED_HEAD)
        rows = "".join(
            f"<tr><td>{label}</td><td>{now}</td><td>{then}</td></tr>"
            for label, now, then in _MARKED_ROWS
        )
        notes = "<br/>".join(_MARKED_NOTES)
        return (
            f"<html><body>{head}<table><tr><th></th><th>Q3 2025</th><th>Q3 2024</th></tr>"
            f"{rows}</table><p>{notes}</p></body></html>"
        )
    header = f"{'':<28}{'Q3 2025':>14}{'Q3 2024':>14}"
    rows = "\n".join(f"{label:<28}{now:>14}{then:>14}" for label, now, then in _MARKED_ROWS)
    table = f"{_MARKED_HEAD[3]}\n\n{header}\n{rows}"
    return "\n\n".join([*_MARKED_HEAD[:3], table, "\n".join(_MARKED_NOTES)])


@pytest.mark.parametrize("form", ["html", "txt", "pdf"])
def test_figures_with_bracketed_footnote_numbers_are_read(tmp_path: Path, form: str) -> None:
    """ "$ 96.4(1)", "(12.3)(2)", "$ 0.45 (3)": each figure is read, its mark refers to a
    note below the table; no row is lost and no concept is named after the cell."""
    path = tmp_path / f"harbor-2025q3.{form}"
    release = _marked_release(form)
    if isinstance(release, bytes):
        path.write_bytes(release)
    else:
        path.write_text(release, encoding="utf-8")
    facts = convert(path).facts
    assert facts is not None
    ends = {c.id: str(c.period.end) for c in facts.contexts}
    values = {(f.concept, ends[f.context]): f.value for f in facts.facts}
    assert values[("OperatingIncomeLoss", "2025-09-30")] == Decimal(96_400_000)
    assert values[("OperatingIncomeLoss", "2024-09-30")] == Decimal(81_700_000)
    assert values[("RestructuringCharges", "2025-09-30")] == Decimal(12_300_000)
    assert values[("EarningsPerShareDiluted", "2025-09-30")] == Decimal("0.45")
    assert values[("EarningsPerShareDiluted", "2024-09-30")] == Decimal("0.36")
    assert not [c for c, _ in values if re.search(r"\d", c)]
