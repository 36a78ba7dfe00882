"""Breakdowns printed as rows: segments, regions and products of one line item.

A release that prints "Net sales by reportable segment:" over rows named after regions,
or a table titled "Revenue by Geography", reports one concept split by a member; each row
is the heading's concept in a context with the row's member, and the total is the concept
itself. A section that names no breakdown keeps its rows as line items. The releases are
generated here (HTML, every variant the same figures); expected values are the printed
numbers, written by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from outputs import xml_facts

from exporter.options import ConvertOptions
from exporter.pipeline import convert

QUARTER = "2024-01-01/2024-03-31"
REVENUE = "RevenueFromContractWithCustomerExcludingAssessedTax"


def _html(tmp_path: Path, headline: str, title: str, table: str, caption: str = "") -> Path:
    """A release: its headline, an opening sentence, and one titled table."""
    html = f"""<html><body>
<h1>Example Corp. Reports {headline} Results</h1>
<p>Example Corp. (NASDAQ: EXMP) today announced results for the period ended {_END[headline]}.</p>
<h2>{title}</h2>
<p>{caption}</p>
<table>
{table}
</table>
</body></html>"""
    path = tmp_path / "release.htm"
    path.write_text(html, encoding="utf-8")
    return path


_END = {"First Quarter 2024": "March 31, 2024", "Fiscal 2024": "June 30, 2024"}
_QUARTERS = (
    "<tr><td></td><td>Three Months Ended March 31, 2024</td>"
    "<td>Three Months Ended March 31, 2023</td></tr>"
)


def _release(tmp_path: Path, title: str, body: str) -> Path:
    caption = "(In millions of U.S. dollars)"
    return _html(tmp_path, "First Quarter 2024", title, _QUARTERS + body, caption)


def _row(label: str, *values: str) -> str:
    return "<tr>" + "".join(f"<td>{v}</td>" for v in (label, *values)) + "</tr>"


def _facts(path: Path) -> dict[tuple[str, str], dict[str, Decimal]]:
    """(concept, period) -> {member label or "" : value}."""
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    found: dict[tuple[str, str], dict[str, Decimal]] = {}
    for concept, period, _unit, value, _decimals, dimensions in xml_facts(instance):
        member = dimensions.split("=")[1].split("#")[-1] if dimensions else ""
        found.setdefault((concept.split("#")[1], period), {})[member] = value
    return found


SEGMENTS = [
    ("Americas", "50,430", "49,278"),
    ("Europe", "30,397", "27,681"),
    ("Greater China", "20,819", "23,905"),
]


def _segment_rows(total: str) -> str:
    return "".join(_row(*r) for r in SEGMENTS) + _row(total, "101,646", "100,864")


@pytest.mark.parametrize(
    ("heading", "total", "concept"),
    [
        # Net sales since 2018: the contract-with-customer element (taxonomy [[choice]]).
        ("Net sales by reportable segment:", "Total net sales", REVENUE),
        ("Revenue by geography", "Total revenue", "Revenues"),
    ],
)
def test_rows_under_a_by_heading_are_members_of_its_concept(
    tmp_path: Path, heading: str, total: str, concept: str
) -> None:
    body = _row("Operating income", "30,000", "29,000") + _row(heading) + _segment_rows(total)
    facts = _facts(_release(tmp_path, "Condensed Consolidated Statements of Operations", body))
    assert facts[(concept, QUARTER)] == {
        "": Decimal("101646000000"),
        "AmericasMember": Decimal("50430000000"),
        "EuropeMember": Decimal("30397000000"),
        "GreaterChinaMember": Decimal("20819000000"),
    }


def test_a_table_titled_by_its_concept_breaks_it_down(tmp_path: Path) -> None:
    """No heading row: the title names the concept, the unlabelled last row is the total."""
    body = "".join(_row(*r) for r in SEGMENTS) + _row("", "$101,646", "$100,864")
    facts = _facts(_release(tmp_path, "Total Revenue by Geographic Locations", body))
    values = facts[("Revenues", QUARTER)]
    assert values["GreaterChinaMember"] == Decimal("20819000000")
    assert values[""] == Decimal("101646000000")


@pytest.mark.parametrize("total", ["Total Adjusted EBITDA", "Segment total", "All regions"])
def test_a_last_row_printing_the_sum_is_the_breakdown_s_total(tmp_path: Path, total: str) -> None:
    """A title that names the concept, region rows, and a last row whose figures are the
    sum of those above it: that row is the concept itself, whatever its label says."""
    body = "".join(_row(*r) for r in SEGMENTS) + _row(total, "$101,646", "$100,864")
    facts = _facts(_release(tmp_path, "Adjusted EBITDA by Region", body))
    assert facts[("AdjustedEbitda", QUARTER)] == {
        "": Decimal("101646000000"),
        "AmericasMember": Decimal("50430000000"),
        "EuropeMember": Decimal("30397000000"),
        "GreaterChinaMember": Decimal("20819000000"),
    }


def test_a_last_row_that_is_not_the_sum_stays_a_member(tmp_path: Path) -> None:
    body = "".join(_row(*r) for r in SEGMENTS) + _row("Rest of World", "$1,646", "$1,864")
    facts = _facts(_release(tmp_path, "Adjusted EBITDA by Region", body))
    assert facts[("AdjustedEbitda", QUARTER)]["RestOfWorldMember"] == Decimal("1646000000")
    assert "" not in facts[("AdjustedEbitda", QUARTER)]


def _axes(path: Path) -> dict[str, str]:
    """Member -> the axis it is a member of, over the release's facts."""
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    instance = next(v for k, v in conversion.files.items() if k.endswith(".xml"))
    found: dict[str, str] = {}
    for *_, dimensions in xml_facts(instance):
        if dimensions:
            axis, member = (part.split("#")[-1] for part in dimensions.split("="))
            found[member] = axis.split(":")[-1]
    return found


GEOGRAPHIC = "StatementGeographicalAxis"
SEGMENTAL = "StatementBusinessSegmentsAxis"


@pytest.mark.parametrize(
    ("heading", "rows", "axis"),
    [
        # Area names under a heading that calls them segments: the segments axis, as an
        # issuer that reports its areas as reportable segments tags them.
        ("Net sales by reportable segment:", SEGMENTS, SEGMENTAL),
        # The same rows under a geographic heading, or a plain "by" heading.
        ("Revenue by geography", SEGMENTS, GEOGRAPHIC),
        ("Net sales by market:", SEGMENTS, GEOGRAPHIC),
        # Rows whose names the taxonomy does not list as areas: the heading decides.
        (
            "Net sales by geographic area:",
            [("Nordics", "50,430", "49,278"), ("Benelux", "51,216", "51,586")],
            GEOGRAPHIC,
        ),
        (
            "Net sales by reportable segment:",
            [("Consumer", "50,430", "49,278"), ("Enterprise", "51,216", "51,586")],
            SEGMENTAL,
        ),
    ],
)
def test_breakdown_rows_take_the_geographic_axis_from_their_heading_or_names(
    tmp_path: Path, heading: str, rows: list[tuple[str, str, str]], axis: str
) -> None:
    body = _row(heading) + "".join(_row(*r) for r in rows) + _row("Total", "101,646", "100,864")
    path = _release(tmp_path, "Condensed Consolidated Statements of Operations", body)
    axes = _axes(path)
    assert sorted(axes) == sorted(f"{label.replace(' ', '')}Member" for label, _, _ in rows)
    assert set(axes.values()) == {axis}


def _split_columns(tmp_path: Path, title: str, members: tuple[str, str]) -> Path:
    """A product table whose quarters span "<member> | <member> | Total" columns."""
    heads = "".join(f"<th>{m}</th>" for m in (*members, "Total") * 2)
    table = (
        "<tr><th rowspan='2'>(In millions)</th>"
        "<th colspan='3'>Three Months Ended March 31, 2024</th>"
        "<th colspan='3'>Three Months Ended March 31, 2023</th></tr>"
        f"<tr>{heads}</tr>"
        + _row("Product A", "$ 812", "$ 341", "$ 1,153", "$ 701", "$ 322", "$ 1,023")
        + _row("Product B", "402", "188", "590", "388", "201", "589")
        + _row("Total product sales", "$ 1,214", "$ 529", "$ 1,743", "$ 1,089", "$ 523", "$ 1,612")
    )
    return _html(tmp_path, "First Quarter 2024", title, table)


@pytest.mark.parametrize(
    ("title", "members", "axis"),
    [
        # Columns that are all areas: geographic, whatever the title.
        ("Product Sales", ("U.S.", "International"), GEOGRAPHIC),
        ("Product Sales", ("Americas", "Rest of world"), GEOGRAPHIC),
        # One column that names no area: the split is not known to be geographic.
        ("Product Sales", ("Domestic", "International"), SEGMENTAL),
        # A title that calls the columns segments.
        ("Product Sales by Reportable Segment", ("U.S.", "International"), SEGMENTAL),
        # A title that calls them geographic, with names the taxonomy does not list.
        ("Product Sales by Region", ("North", "South"), GEOGRAPHIC),
    ],
)
def test_split_columns_take_the_geographic_axis_from_their_names_or_title(
    tmp_path: Path, title: str, members: tuple[str, str], axis: str
) -> None:
    axes = _axes(_split_columns(tmp_path, title, members))
    assert len(axes) == 2
    assert set(axes.values()) == {axis}


def test_a_section_that_names_no_breakdown_keeps_its_line_items(tmp_path: Path) -> None:
    """ "Operating expenses" over lines the taxonomy does not know: line items of the
    issuer (extension concepts), not members of operating expenses."""
    body = (
        _row("Revenue", "6,209", "5,798")
        + _row("Operating expenses")
        + _row("Cost of electricity", "522", "502")
        + _row("Wildfire fund expense", "117", "118")
        + _row("Total operating expenses", "639", "620")
    )
    facts = _facts(_release(tmp_path, "Condensed Consolidated Statements of Income", body))
    assert facts[("OperatingExpenses", QUARTER)] == {"": Decimal("639000000")}
    assert {c for c, _ in facts} >= {"CostOfElectricity", "WildfireFundExpense"}


def _segment_table(tmp_path: Path, body: str, header: str) -> Path:
    return _html(tmp_path, "Fiscal 2024", "Segment Information", header + body)


YEAR = "2023-07-01/2024-06-30"


def test_columns_that_name_line_items_take_the_rows_as_members(tmp_path: Path) -> None:
    """Segments as rows, measures as columns under the year: each cell is its column's
    concept for its row's segment; the "Total" row is the concept itself."""
    header = (
        "<tr><td></td><td colspan='2'>Twelve Months Ended June 30, 2024</td></tr>"
        "<tr><td></td><td>Net sales $ million</td><td>Operating income $ million</td></tr>"
    )
    body = (
        _row("Flexibles", "11,154", "1,429")
        + _row("Rigid Packaging", "3,540", "265")
        + _row("Total", "14,694", "1,694")
    )
    facts = _facts(_segment_table(tmp_path, body, header))
    # No row of the release says "net sales" for the element of sales to customers.
    assert facts[("Revenues", YEAR)] == {
        "": Decimal("14694000000"),
        "FlexiblesMember": Decimal("11154000000"),
        "RigidPackagingMember": Decimal("3540000000"),
    }
    assert facts[("OperatingIncomeLoss", YEAR)]["RigidPackagingMember"] == Decimal("265000000")


_MEASURE_GROUPS = (
    ("Flexibles", ("11,154", "1,429", "12.8%", "10,902", "1,301", "11.9%")),
    ("Rigid Packaging", ("3,540", "265", "7.5%", "3,611", "244", "6.8%")),
    ("Total", ("14,694", "1,694", "11.5%", "14,513", "1,545", "10.6%")),
)


def _measures_under_spans(stub: str, sales: str, income: str, years: int) -> str:
    """Spanned periods (the latest `years`), each divided into three measures by a row
    whose label cell names what the rows are; segments as rows."""
    periods = [f"Twelve Months Ended June 30, {year}" for year in (2024, 2023)[:years]]
    spans = "".join(f"<th colspan='3'>{p}</th>" for p in periods)
    named = "".join(f"<th>{m}</th>" for m in [sales, income, "Margin"] * years)
    body = "".join(_row(label, *cells[: 3 * years]) for label, cells in _MEASURE_GROUPS)
    return f"<tr><th></th>{spans}</tr><tr><th>{stub}</th>{named}</tr>{body}"


@pytest.mark.parametrize("years", [1, 2], ids=["one-period", "two-periods"])
@pytest.mark.parametrize(
    ("stub", "sales", "income"),
    [
        ("Segment", "Revenue", "Operating income"),
        ("Reportable segments", "Net sales", "Operating income"),
        ("Business", "Revenue", "Operating profit"),
        ("($ in millions)", "Net sales", "Operating income"),
    ],
)
def test_measures_under_spanned_periods_head_their_columns_whatever_the_label_cell_says(
    tmp_path: Path, stub: str, sales: str, income: str, years: int
) -> None:
    """ "Segment | Revenue | Operating income | Margin" under "Twelve Months Ended June 30,
    2024" spanning three columns: a header row, though its label cell holds a word; each
    cell is its measure for its row's segment, never the row's own line item."""
    table = _measures_under_spans(stub, sales, income, years)
    caption = "(In millions of U.S. dollars)"
    facts = _facts(_html(tmp_path, "Fiscal 2024", "Segment Information", table, caption))
    assert facts[("Revenues", YEAR)] == {
        "": Decimal("14694000000"),
        "FlexiblesMember": Decimal("11154000000"),
        "RigidPackagingMember": Decimal("3540000000"),
    }
    assert facts[("OperatingIncomeLoss", YEAR)] == {
        "": Decimal("1694000000"),
        "FlexiblesMember": Decimal("1429000000"),
        "RigidPackagingMember": Decimal("265000000"),
    }
    if years == 2:
        prior = "2022-07-01/2023-06-30"
        assert facts[("Revenues", prior)]["RigidPackagingMember"] == Decimal("3611000000")
        assert facts[("OperatingIncomeLoss", prior)][""] == Decimal("1545000000")
    assert not any(concept.startswith(("Flexibles", "RigidPackaging")) for concept, _ in facts)


def test_line_items_repeated_under_sibling_headings_are_members(tmp_path: Path) -> None:
    """ "Net sales" under "Flexibles", again under "Rigid Packaging": one concept, two
    members, not two concepts."""
    header = "<tr><td></td><td>Twelve Months Ended June 30, 2024 $ million</td></tr>"
    body = (
        _row("Flexibles")
        + _row("Net sales", "11,154")
        + _row("Operating income", "1,429")
        + _row("Rigid Packaging")
        + _row("Net sales", "3,540")
        + _row("Operating income", "265")
    )
    facts = _facts(_segment_table(tmp_path, body, header))
    assert facts[(REVENUE, YEAR)] == {
        "FlexiblesMember": Decimal("11154000000"),
        "RigidPackagingMember": Decimal("3540000000"),
    }


@pytest.mark.parametrize("whole", ["Total Example Corp.", "Consolidated Results", "Group"])
def test_a_heading_whose_line_items_add_up_the_others_is_the_whole(
    tmp_path: Path, whole: str
) -> None:
    """The last heading prints, line item by line item, the sum of the segments and the
    corporate line above it (whatever it is called): its rows are the concepts
    themselves, not one more member; its margin (no amount) goes with it."""
    header = "<tr><td></td><td>Twelve Months Ended June 30, 2024 $ million</td></tr>"
    body = (
        _row("Flexibles")
        + _row("Net sales", "11,154")
        + _row("Operating income", "1,429")
        + _row("Operating margin", "12.8%")
        + _row("Rigid Packaging")
        + _row("Net sales", "3,540")
        + _row("Operating income", "265")
        + _row("Operating margin", "7.5%")
        + _row("Corporate and eliminations")
        + _row("Net sales", "(12)")
        + _row("Operating income", "(98)")
        + _row(whole)
        + _row("Net sales", "14,682")
        + _row("Operating income", "1,596")
        + _row("Operating margin", "10.9%")
    )
    facts = _facts(_segment_table(tmp_path, body, header))
    assert facts[(REVENUE, YEAR)] == {
        "": Decimal("14682000000"),
        "FlexiblesMember": Decimal("11154000000"),
        "RigidPackagingMember": Decimal("3540000000"),
        "CorporateAndEliminationsMember": Decimal("-12000000"),
    }
    assert facts[("OperatingIncomeLoss", YEAR)][""] == Decimal("1596000000")


def test_a_heading_that_adds_up_only_some_others_stays_a_member(tmp_path: Path) -> None:
    """ "Total International" is the sum of two of the three regions: a part of its own."""
    header = "<tr><td></td><td>Twelve Months Ended June 30, 2024 $ million</td></tr>"
    body = (
        _row("United States")
        + _row("Net sales", "6,000")
        + _row("Operating income", "800")
        + _row("Europe")
        + _row("Net sales", "3,000")
        + _row("Operating income", "400")
        + _row("Asia")
        + _row("Net sales", "2,000")
        + _row("Operating income", "300")
        + _row("Total International")
        + _row("Net sales", "5,000")
        + _row("Operating income", "700")
    )
    facts = _facts(_segment_table(tmp_path, body, header))
    assert facts[(REVENUE, YEAR)]["TotalInternationalMember"] == Decimal("5000000000")
    assert "" not in facts[(REVENUE, YEAR)]


@pytest.mark.parametrize(
    "wording", ["Current quarter vs prior year quarter", "% change", "Y/Y growth"]
)
def test_a_row_that_only_compares_is_the_change_of_the_line_item_above(
    tmp_path: Path, wording: str
) -> None:
    body = (
        _row("Net revenues", "2,510", "2,483")
        + _row(wording, "1 %", "(6) %")
        + _row("Active buyers", "133", "142")
        + _row(wording, "(7) %", "(13) %")
    )
    facts = _facts(_release(tmp_path, "Supplemental Operating Data", body))
    changes = {k: v for k, v in facts.items() if k[0].endswith("PercentChange")}
    revenue = next(v for k, v in changes.items() if k[1] == QUARTER and "Revenue" in k[0])
    buyers = next(v for k, v in changes.items() if k[1] == QUARTER and "Buyers" in k[0])
    assert revenue == {"": Decimal("0.01")}
    assert buyers == {"": Decimal("-0.07")}
    assert len({k[0] for k in changes}) == 2


def test_a_non_gaap_heading_puts_its_gaap_line_items_on_its_basis(tmp_path: Path) -> None:
    body = (
        _row("GAAP – Continuing Operations", "", "")
        + _row("Income from continuing operations", "569", "(1,339)")
        + _row("Non-GAAP – Continuing Operations", "", "")
        + _row("Net income", "600", "625")
    )
    facts = _facts(_release(tmp_path, "Financial Highlights", body))
    assert facts[("NetIncomeLoss", QUARTER)] == {
        "NonGAAPContinuingOperationsMember": Decimal("600000000")
    }


def test_a_line_the_taxonomy_does_not_know_joins_its_headings_members(tmp_path: Path) -> None:
    """'Comparable sales % change' under each segment heading beside revenue: one
    extension concept, the heading its member (as revenue's)."""
    body = (
        _row("Domestic Segment Results", "", "")
        + _row("Revenue", "8,890", "9,569")
        + _row("Comparable sales % change", "(6.3)%", "(12.7)%")
        + _row("International Segment Results", "", "")
        + _row("Revenue", "693", "760")
        + _row("Comparable sales % change", "(5.4)%", "(4.2)%")
    )
    facts = _facts(_release(tmp_path, "Segment Information", body))
    comparable = {k: v for k, v in facts.items() if "Comparable" in k[0] and k[1] == QUARTER}
    assert list(comparable.values()) == [
        {
            "DomesticSegmentResultsMember": Decimal("-0.063"),
            "InternationalSegmentResultsMember": Decimal("-0.054"),
        }
    ]


@pytest.mark.parametrize("label", ["EPS (diluted US cents)", "Diluted earnings per share (cents)"])
def test_a_scale_in_the_label_says_how_figures_are_printed_not_what_they_are(
    tmp_path: Path, label: str
) -> None:
    body = _row("Net income", "569", "(1,339)") + _row(label, "70.5", "(52.9)")
    facts = _facts(_release(tmp_path, "Financial Highlights", body))
    assert facts[("EarningsPerShareDiluted", QUARTER)] == {"": Decimal("0.705")}


def test_a_connective_heading_keeps_the_section_that_says_per_share(tmp_path: Path) -> None:
    """'Plus:' under 'Non-GAAP diluted net income per share' opens a section inside it: the
    adjustments below are per share, not second values of the amounts above."""
    body = (
        _row("Non-GAAP net income", "", "")
        + _row("GAAP net income", "1,267", "68")
        + _row("Plus:", "", "")
        + _row("Stock-based compensation expense", "724", "851")
        + _row("Non-GAAP net income", "1,991", "919")
        + _row("Non-GAAP diluted net income per share", "", "")
        + _row("GAAP diluted net income per share", "1.28", "0.07")
        + _row("Plus:", "", "")
        + _row("Stock-based compensation expense", "0.73", "0.85")
        + _row("Non-GAAP diluted net income per share", "2.01", "0.92")
    )
    facts = _facts(_release(tmp_path, "Reconciliation of GAAP and Non-GAAP Measures", body))
    comp = {k[0]: v for k, v in facts.items() if "ShareBased" in k[0] and k[1] == QUARTER}
    assert sorted(v[""] for v in comp.values()) == [Decimal("0.73"), Decimal("724000000")]
    assert len(comp) == 2


@pytest.mark.parametrize(
    ("highlights_label", "segments_label"),
    [
        ("Underwriting income", "Underwriting income (loss)"),
        ("Fee income (expense)", "Fee income"),
        ("Other pension benefits income/(expense)", "Other pension benefits income/"),
    ],
)
def test_a_line_item_printed_with_and_without_its_other_sign_is_one_concept(
    tmp_path: Path, highlights_label: str, segments_label: str
) -> None:
    """A line the taxonomy does not know, printed in the highlights without "(loss)" and
    in the segment table with it (or the other way round), is one extension concept: the
    segment table's total is the highlights' figure, not a second concept beside it."""
    highlights = _row(highlights_label, "126.6", "53.3") + _row("Net income", "287.9", "212.6")
    segments = "<tr><td></td><td>Commercial</td><td>Personal</td><td>Total</td></tr>" + _row(
        segments_label, "98.3", "(12.4)", "126.6"
    )
    html = f"""<html><body>
<h1>Example Corp. Reports First Quarter 2024 Results</h1>
<p>Example Corp. (NASDAQ: EXMP) today announced results for the period ended March 31, 2024.</p>
<h2>Financial Highlights</h2>
<p>(In millions of U.S. dollars)</p>
<table>{_QUARTERS}{highlights}</table>
<h2>Segment Results - Three Months Ended March 31, 2024</h2>
<p>(In millions of U.S. dollars)</p>
<table>{segments}</table>
</body></html>"""
    path = tmp_path / "release.htm"
    path.write_text(html, encoding="utf-8")
    facts = _facts(path)
    named = {c for c, period in facts if period == QUARTER and c not in {"NetIncomeLoss"}}
    assert len(named) == 1, named
    (concept,) = named
    assert facts[(concept, QUARTER)] == {
        "": Decimal("126600000"),
        "CommercialMember": Decimal("98300000"),
        "PersonalMember": Decimal("-12400000"),
    }


@pytest.mark.parametrize(
    ("section", "same"),
    [("Revenues:", True), ("Revenue", True), ("Discontinued operations:", False)],
)
def test_a_section_that_the_label_already_says_does_not_make_another_line_item(
    tmp_path: Path, section: str, same: bool
) -> None:
    """ "Streaming revenue" under "Revenues:" is the line a summary prints without the
    heading: one concept. Under a heading its label does not say, a row of the same label
    is another line item (its own concept)."""
    summary = _row("Streaming revenue", "88", "95")
    statement = _row(section) + _row("Streaming revenue", "88", "95")
    html = f"""<html><body>
<h1>Example Corp. Reports First Quarter 2024 Results</h1>
<p>Example Corp. (NASDAQ: EXMP) today announced results for the period ended March 31, 2024.</p>
<h2>Financial Summary</h2>
<p>(In millions of U.S. dollars)</p>
<table>{_QUARTERS}{summary}</table>
<h2>Condensed Consolidated Statements of Operations</h2>
<p>(In millions of U.S. dollars)</p>
<table>{_QUARTERS}{statement}</table>
</body></html>"""
    path = tmp_path / "release.htm"
    path.write_text(html, encoding="utf-8")
    named = {c for c, period in _facts(path) if period == QUARTER}
    assert len(named) == (1 if same else 2), named


# Segment tables: the same statistics printed once per part of the company.
PARTS = (
    ("Industrial Products", ("1,250", "1,100"), ("210", "190")),
    ("Consumer Health", ("830", "790"), ("120", "101")),
    ("Specialty Materials", ("415", "402"), ("64", "58")),
)
LAST_QUARTER = "2023-01-01/2023-03-31"
INCOME = "OperatingIncomeLoss"


SENTENCE = "The following table shows key statistics for {name}:"


def _part_intro(name: str, introduced: str, sentence: str, heading: str) -> tuple[str, str]:
    """The heading and the sentence over a part's table, as `introduced` asks."""
    return (
        heading.format(name=name) if introduced in ("heading", "both") else "",
        sentence.format(name=name) if introduced in ("sentence", "both") else "",
    )


def _html_parts(parts: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...]) -> str:
    blocks = []
    for heading, sentence, rows in parts:
        blocks.append(
            (f"<h2>{heading}</h2>" if heading else "")
            + (f"<p>{sentence}</p>" if sentence else "")
            + "<p>(In millions of U.S. dollars)</p><table>"
            + _QUARTERS
            + "".join(_row(*r) for r in rows)
            + "</table>"
        )
    return (
        "<html><body><h1>Example Corp. Reports First Quarter 2024 Results</h1>"
        "<p>Example Corp. (NASDAQ: EXMP) today announced results for the quarter ended "
        "March 31, 2024.</p>" + "\n".join(blocks) + "</body></html>"
    )


def _text_parts(parts: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...]) -> str:
    lines = [
        "Example Corp. Reports First Quarter 2024 Results",
        "",
        "Example Corp. (NASDAQ: EXMP) today announced results for the quarter ended "
        "March 31, 2024.",
        "",
    ]
    for heading, sentence, rows in parts:
        lines += [heading, ""] if heading else []
        lines += [sentence, ""] if sentence else []
        lines += [
            "(In millions of U.S. dollars)",
            f"{'':34}Three Months Ended March 31,",
            f"{'':34}{'2024':>10}{'2023':>12}",
            *(f"{label:<34}{a:>10}{b:>12}" for label, a, b in rows),
            "",
        ]
    return "\n".join(lines) + "\n"


def _parts_release(
    tmp_path: Path,
    fmt: str,
    introduced: str,
    whole: tuple[str, str, tuple[tuple[str, str, str], ...]] | None = None,
    sentence: str = SENTENCE,
    heading: str = "{name}",
) -> Path:
    """A release printing one table of net sales and operating income per part, each
    introduced by a heading, a sentence or both; `whole` a table printed before them."""
    parts = [] if whole is None else [whole]
    for name, sales, income in PARTS:
        above = _part_intro(name, introduced, sentence, heading)
        parts.append((*above, (("Net sales", *sales), ("Operating income", *income))))
    render = _html_parts if fmt == "htm" else _text_parts
    path = tmp_path / f"release.{fmt}"
    path.write_text(render(tuple(parts)), encoding="utf-8")
    return path


PART_SALES = {
    "IndustrialProductsMember": Decimal("1250000000"),
    "ConsumerHealthMember": Decimal("830000000"),
    "SpecialtyMaterialsMember": Decimal("415000000"),
}


@pytest.mark.parametrize("fmt", ["htm", "txt"])
@pytest.mark.parametrize("introduced", ["both", "sentence", "heading"])
def test_a_table_introduced_as_a_part_s_reports_that_part(
    tmp_path: Path, fmt: str, introduced: str
) -> None:
    """The same statistics printed once per segment, each table under a heading naming
    the segment, after a sentence naming it ("... for Consumer Health:"), or both: each
    figure is the line item for its segment as a member, never the company's own (the
    first table) nor a concept of its own (the tables after it)."""
    facts = _facts(_parts_release(tmp_path, fmt, introduced))
    assert facts[(REVENUE, QUARTER)] == PART_SALES
    assert facts[(REVENUE, LAST_QUARTER)] == {
        "IndustrialProductsMember": Decimal("1100000000"),
        "ConsumerHealthMember": Decimal("790000000"),
        "SpecialtyMaterialsMember": Decimal("402000000"),
    }
    assert facts[(INCOME, QUARTER)] == {
        "IndustrialProductsMember": Decimal("210000000"),
        "ConsumerHealthMember": Decimal("120000000"),
        "SpecialtyMaterialsMember": Decimal("64000000"),
    }
    assert {c for c, _ in facts} == {REVENUE, INCOME}


@pytest.mark.parametrize("fmt", ["htm", "txt"])
def test_a_consolidated_statement_among_part_tables_stays_the_company_s(
    tmp_path: Path, fmt: str
) -> None:
    """A consolidated statement printing the same line items before the segments' tables
    is the company's own: its title names no part."""
    whole = (
        "Condensed Consolidated Statements of Income",
        "",
        (("Net sales", "2,495", "2,292"), ("Operating income", "394", "349")),
    )
    facts = _facts(_parts_release(tmp_path, fmt, "heading", whole))
    assert facts[(REVENUE, QUARTER)] == {"": Decimal("2495000000"), **PART_SALES}
    assert facts[(INCOME, LAST_QUARTER)][""] == Decimal("349000000")


@pytest.mark.parametrize("fmt", ["htm", "txt"])
def test_a_highlights_table_repeating_the_statement_s_figures_is_no_part(
    tmp_path: Path, fmt: str
) -> None:
    """A table headed like the parts' ("Financial Highlights") that prints the
    consolidated statement's own figures for the same line items is the company's: the
    same figures as a table outside the siblings, not one more segment."""
    whole = (
        "Condensed Consolidated Statements of Income",
        "",
        (("Net sales", "2,495", "2,292"), ("Operating income", "394", "349")),
    )
    path = _parts_release(tmp_path, fmt, "heading", whole)
    highlights = ("Financial Highlights", "", whole[2])
    text = path.read_text(encoding="utf-8")
    first = _html_parts((highlights,)) if fmt == "htm" else _text_parts((highlights,))
    if fmt == "htm":
        body = first[first.index("<h2>") : first.index("</body>")]
        text = text.replace("</body>", body + "</body>")
    else:
        text += "\n".join(first.splitlines()[4:]) + "\n"
    path.write_text(text, encoding="utf-8")
    facts = _facts(path)
    assert facts[(REVENUE, QUARTER)] == {"": Decimal("2495000000"), **PART_SALES}


@pytest.mark.parametrize(
    ("introduced", "sentence", "heading"),
    [
        ("sentence", "The following table shows results of the {name} segment:", ""),
        ("sentence", "{name} segment results are as follows:", ""),
        ("heading", "", "{name} Segment"),
    ],
)
def test_a_part_named_before_a_part_noun_is_the_table_s_member(
    tmp_path: Path, introduced: str, sentence: str, heading: str
) -> None:
    """ "... of the Consumer Health segment:", "Consumer Health Segment": the name before
    the part noun is the member."""
    path = _parts_release(tmp_path, "htm", introduced, sentence=sentence, heading=heading)
    assert _facts(path)[(REVENUE, QUARTER)] == PART_SALES


@pytest.mark.parametrize(
    "sentence",
    [
        "The following table shows key statistics for Example Corp.:",
        "The following table shows key statistics for the Fourth Quarter:",
        "The following table shows key statistics of our reportable segments:",
    ],
)
def test_a_sentence_naming_the_issuer_a_period_or_all_segments_names_no_part(
    tmp_path: Path, sentence: str
) -> None:
    """The issuer's own name, a period or several segments at once: no part's table."""
    path = _parts_release(tmp_path, "htm", "sentence", sentence=sentence)
    members = {m for values in _facts(path).values() for m in values}
    assert members == {""}


# --- A measure spread over the income statement's expense lines -----------------------------

LOCATION = "IncomeStatementLocationAxis"
_STATEMENT = (
    _row("Revenue", "$ 5,000", "$ 4,500")
    + _row("Cost of revenue", "1,200", "1,100")
    + _row("Research and development", "900", "850")
    + _row("Sales and marketing", "800", "760")
    + _row("General and administrative", "400", "390")
    + _row("Total operating expenses", "3,300", "3,100")
    + _row("Operating income", "1,700", "1,400")
)
_SPREAD = [
    ("Cost of revenue", "$ 25", "$ 22"),
    ("Research and development", "140", "128"),
    ("Sales and marketing", "61", "57"),
    ("General and administrative", "48", "45"),
]
_SPREAD_TEXT = """\
Cost of revenue                      $     25      $     22
Research and development                  140           128
Sales and marketing                        61            57
General and administrative                 48            45
"""
# AllocatedShareBasedCompensationExpense at each line's us-gaap member; the total, none.
_STOCK_COMPENSATION = {
    "": Decimal("274000000"),
    "CostOfSalesMember": Decimal("25000000"),
    "ResearchAndDevelopmentExpenseMember": Decimal("140000000"),
    "SellingAndMarketingExpenseMember": Decimal("61000000"),
    "GeneralAndAdministrativeExpenseMember": Decimal("48000000"),
}


def _spread_html(tmp_path: Path, lead: str, spread: str) -> Path:
    """An income statement, then a sentence introducing a table of a measure by line."""
    tables = f"{_STATEMENT}</table>\n<p>{lead}</p>\n<table>\n{_QUARTERS}{spread}"
    return _release(tmp_path, "Condensed Consolidated Statements of Operations", tables)


def _spread_text(tmp_path: Path, lead: str, spread: str) -> Path:
    headers = """\
                                   Three Months Ended March 31,
                                         2024          2023
"""
    text = f"""Example Corp. Reports First Quarter 2024 Results

Example Corp. (NASDAQ: EXMP) today announced results for the period ended March 31, 2024.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(In millions of U.S. dollars)

{headers}Revenue                              $  5,000      $  4,500
Cost of revenue                         1,200         1,100
Research and development                  900           850
Sales and marketing                       800           760
General and administrative                400           390
Total operating expenses                3,300         3,100
Operating income                        1,700         1,400

{lead}

{headers}{spread}"""
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "lead",
    [
        "Stock-based compensation expense was allocated as follows:",
        "Share-based compensation included in:",
        "(2) Stock-based compensation expense, excluding stock-based compensation expense "
        "related to restructuring, was as follows:",
    ],
)
def test_a_measure_introduced_over_expense_lines_is_that_measure_by_income_statement_location(
    tmp_path: Path, lead: str
) -> None:
    """The rows are the measure the sentence names at each expense line (not the lines
    themselves, which the statement above prints), and their total is the measure."""
    spread = "".join(_row(*r) for r in _SPREAD) + _row(
        "Total stock-based compensation", "$ 274", "$ 252"
    )
    path = _spread_html(tmp_path, lead, spread)
    facts = _facts(path)
    assert facts[("AllocatedShareBasedCompensationExpense", QUARTER)] == _STOCK_COMPENSATION
    assert facts[("CostOfRevenue", QUARTER)] == {"": Decimal("1200000000")}
    assert set(_axes(path).values()) == {LOCATION}


def test_a_measure_spread_in_a_text_release_with_an_unlabelled_total(tmp_path: Path) -> None:
    """A footnote's sentence ("(1) ... was as follows:") over the lines and a total row
    printed with no label: the total is the measure itself."""
    spread = _SPREAD_TEXT + "                                     $    274      $    252\n"
    lead = "(1) Stock-based compensation expense was as follows:"
    facts = _facts(_spread_text(tmp_path, lead, spread))
    assert facts[("AllocatedShareBasedCompensationExpense", QUARTER)] == _STOCK_COMPENSATION


def test_amortization_spread_over_two_lines_takes_the_lines_members(tmp_path: Path) -> None:
    spread = _row("Cost of revenue", "$ 48", "$ 52") + _row("Sales and marketing", "31", "30")
    spread += _row("", "$ 79", "$ 82")
    lead = "(1) Amortization of purchased intangibles was as follows:"
    facts = _facts(_spread_html(tmp_path, lead, spread))
    assert facts[("AmortizationOfIntangibleAssets", QUARTER)] == {
        "": Decimal("79000000"),
        "CostOfSalesMember": Decimal("48000000"),
        "SellingAndMarketingExpenseMember": Decimal("31000000"),
    }


def test_a_section_naming_a_measure_spreads_it_over_the_lines_below(tmp_path: Path) -> None:
    """Rows under a "Stock-based compensation:" heading of a supplementary table."""
    spread = _row("Stock-based compensation:") + "".join(_row(*r) for r in _SPREAD)
    spread += _row("Total", "$ 274", "$ 252")
    facts = _facts(_release(tmp_path, "Supplemental Information", spread))
    assert facts[("AllocatedShareBasedCompensationExpense", QUARTER)] == _STOCK_COMPENSATION


def test_a_section_the_lines_add_up_to_keeps_them_line_items(tmp_path: Path) -> None:
    """ "Operating expenses:" over its own lines is their sum, not a measure spread."""
    body = _row("Revenue", "$ 5,000", "$ 4,500") + _row("Operating expenses:")
    body += "".join(_row(*r) for r in _SPREAD) + _row("Total operating expenses", "274", "252")
    facts = _facts(_release(tmp_path, "Condensed Consolidated Statements of Operations", body))
    assert facts[("ResearchAndDevelopmentExpense", QUARTER)] == {"": Decimal("140000000")}
    assert ("AllocatedShareBasedCompensationExpense", QUARTER) not in facts


def test_a_title_naming_a_measure_by_line_item_spreads_it(tmp_path: Path) -> None:
    body = "".join(_row(*r) for r in _SPREAD) + _row("Total", "$ 274", "$ 252")
    facts = _facts(_release(tmp_path, "Stock-based compensation by line item", body))
    assert facts[("AllocatedShareBasedCompensationExpense", QUARTER)] == _STOCK_COMPENSATION
