"""EDGAR full-submission files: known by content, split into documents, the EX-99 read.

Each submission is built here from small documents (an 8-K cover, an EX-99.1 release in
HTML or plain text, a uuencoded graphic); expected values are written by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.ingest import read_document
from exporter.ingest.html import read_html
from exporter.options import ConvertOptions
from exporter.pipeline import convert_document

HEADER = """<SEC-DOCUMENT>0009999999-25-000123.txt : 20250805
<SEC-HEADER>0009999999-25-000123.hdr.sgml : 20250805
ACCESSION NUMBER:\t\t0009999999-25-000123
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t{count}
CONFORMED PERIOD OF REPORT:\t20250805
FILED AS OF DATE:\t\t20250805

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tHARBOR VALVE CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000765432
\t\tSTATE OF INCORPORATION:\t\t\tOH
\t\tFISCAL YEAR END:\t\t\t0630

\tFILING VALUES:
\t\tFORM TYPE:\t\t8-K
\t\tFILM NUMBER:\t\t25987654
</SEC-HEADER>
"""

FORM = """<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>hv8k.htm
<TEXT>
<HTML><BODY><P>FORM 8-K</P>
<TABLE><TR><TD>Ohio</TD><TD>001-09876</TD><TD>31-0123456</TD></TR></TABLE>
<P>Item 2.02. On August 5, 2025 Harbor Valve Corp issued the release furnished as
Exhibit 99.1.</P></BODY></HTML>
</TEXT>
</DOCUMENT>
"""

RELEASE_HTML = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>hvex991.htm
<TEXT>
<HTML><BODY><P>Harbor Valve Corp Reports Fourth Quarter Results</P>
<P>CLEVELAND, August 5, 2025 - Harbor Valve Corp today reported results.</P>
<P>CONSOLIDATED STATEMENTS OF INCOME (In thousands)</P>
<TABLE>
<TR><TD></TD><TD>Three Months Ended June 30, 2025</TD><TD>Three Months Ended June 30, 2024</TD></TR>
<TR><TD>Net sales</TD><TD>$9,120</TD><TD>$8,450</TD></TR>
<TR><TD>Cost of sales</TD><TD>5,230</TD><TD>4,990</TD></TR>
<TR><TD>Net income</TD><TD>$1,310</TD><TD>$1,105</TD></TR>
</TABLE></BODY></HTML>
</TEXT>
</DOCUMENT>
"""

RELEASE_TEXT = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>hvex991.txt
<TEXT>
Harbor Valve Corp Reports Fourth Quarter Results

CLEVELAND, August 5, 2025 - Harbor Valve Corp today reported results.

CONSOLIDATED STATEMENTS OF INCOME
(In thousands)

\tThree Months Ended June 30, 2025\tThree Months Ended June 30, 2024
Net sales\t$9,120\t$8,450
Cost of sales\t5,230\t4,990
Net income\t$1,310\t$1,105
</TEXT>
</DOCUMENT>
"""

GRAPHIC = """<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)"0@*#!0-#`L+
`
end
</TEXT>
</DOCUMENT>
"""


def submission(*documents: str) -> str:
    return HEADER.format(count=len(documents)) + "".join(documents) + "</SEC-DOCUMENT>\n"


def converted(tmp_path: Path, name: str, text: str) -> dict[str, object]:
    """The facts (concept, period end, value) and the cover of `text` saved as `name`."""
    path = tmp_path / name
    path.write_text(text, encoding="ascii")
    document = read_document(path)
    conversion = convert_document(document, path.stem, ConvertOptions(formats=("xml",)))
    facts = conversion.facts
    ends = {c.id: c.period.end.isoformat() for c in facts.contexts}
    return {
        "facts": {(f.concept, ends[f.context], f.value) for f in facts.facts},
        "cover": {f.concept: f.value for f in facts.cover},
        "entity": (facts.entity.scheme, facts.entity.identifier),
        "not_understood": [n.text for n in conversion.report.unmapped if not n.deliberate],
    }


CASES = [
    ("8k-and-html-exhibit.txt", (FORM, RELEASE_HTML)),
    ("8k-and-html-exhibit.htm", (FORM, RELEASE_HTML)),
    ("8k-html-exhibit-graphic.txt", (FORM, RELEASE_HTML, GRAPHIC)),
    ("8k-html-exhibit-graphic.htm", (FORM, RELEASE_HTML, GRAPHIC)),
    ("8k-and-text-exhibit.txt", (FORM, RELEASE_TEXT)),
    ("8k-text-exhibit-graphic.htm", (FORM, RELEASE_TEXT, GRAPHIC)),
]


@pytest.mark.parametrize(("name", "documents"), CASES)
def test_the_exhibit_of_a_submission_is_read_whatever_the_extension(
    tmp_path: Path, name: str, documents: tuple[str, ...]
) -> None:
    result = converted(tmp_path, name, submission(*documents))
    facts = result["facts"]
    assert (
        "RevenueFromContractWithCustomerExcludingAssessedTax",
        "2025-06-30",
        Decimal("9120000"),
    ) in facts  # type: ignore[operator]
    assert (
        "RevenueFromContractWithCustomerExcludingAssessedTax",
        "2024-06-30",
        Decimal("8450000"),
    ) in facts  # type: ignore[operator]
    assert ("NetIncomeLoss", "2025-06-30", Decimal("1310000")) in facts  # type: ignore[operator]
    assert result["not_understood"] == []  # the header's numbers are no table


@pytest.mark.parametrize(("name", "documents"), CASES[:1] + CASES[4:5])
def test_the_header_names_the_filer_on_the_cover(
    tmp_path: Path, name: str, documents: tuple[str, ...]
) -> None:
    result = converted(tmp_path, name, submission(*documents))
    cover = result["cover"]
    assert result["entity"] == ("http://www.sec.gov/CIK", "0000765432")
    assert cover["EntityCentralIndexKey"] == "0000765432"  # type: ignore[index]
    assert cover["EntityRegistrantName"] == "HARBOR VALVE CORP"  # type: ignore[index]
    assert cover["CurrentFiscalYearEndDate"] == "--06-30"  # type: ignore[index]
    # the 8-K's period of report (the event day) is no document period
    assert cover["DocumentPeriodEndDate"] == "2025-06-30"  # type: ignore[index]


def test_the_filing_header_and_the_document_read_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "filing.txt"
    path.write_text(submission(FORM, RELEASE_HTML, GRAPHIC), encoding="ascii")
    document = read_document(path)
    assert document.format == "html"
    assert document.filing is not None
    assert (document.filing.cik, document.filing.registrant) == ("0000765432", "HARBOR VALVE CORP")
    assert (document.filing.form_type, document.filing.fiscal_year_end) == ("8-K", "0630")
    assert (document.filing.document_type, document.filing.document_name) == (
        "EX-99.1",
        "hvex991.htm",
    )
    assert document.filing.documents == 3
    assert document.text_blocks[0].text == "Harbor Valve Corp Reports Fourth Quarter Results"
    assert document.tables[0].line == 40  # the line in the whole file


def test_several_documents_with_tables_and_no_exhibit_are_refused(tmp_path: Path) -> None:
    other = RELEASE_HTML.replace("<TYPE>EX-99.1", "<TYPE>EX-10.1")
    path = tmp_path / "filing.txt"
    path.write_text(submission(other, other.replace("hvex991", "hvex102")), encoding="ascii")
    with pytest.raises(InputError, match="no EX-99 exhibit with tables"):
        read_document(path)


def test_html_documents_one_after_another_are_not_silently_dropped() -> None:
    markup = FORM + RELEASE_HTML  # documents without their submission header
    with pytest.raises(InputError, match="several HTML documents"):
        read_html(markup.encode("ascii"), "filing.htm")
