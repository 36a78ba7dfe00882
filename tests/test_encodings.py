"""One release in every encoding it comes in gives the same facts, detected or given.

The sample (tests/fixtures/qifu-2024q4.txt, UTF-8) is re-encoded in each codec; characters
a codec cannot represent (the superscript footnote marks of the prose) become "?" in every
variant alike, so all variants carry the same text. Synthetic releases add what the sample
lacks: Simplified Chinese prose (GB18030, GBK), Traditional Chinese (Big5), and Western
prose with accents, the euro sign and smart quotes (cp1252). Every variant is converted in
full, detected and with `--encoding`, and must give the same instance, byte for byte.
"""

from __future__ import annotations

import codecs
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.errors import InputError
from exporter.ingest import read_document
from exporter.ingest.encoding import decode, decode_text, detect_encoding
from exporter.options import ConvertOptions
from exporter.pipeline import convert

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"
CODECS = ("utf-8", "gb18030", "gbk", "big5", "cp1252")


@cache
def sample_text() -> str:
    """The sample with every character some codec of CODECS lacks replaced by "?"."""
    text = SAMPLE.read_text(encoding="utf-8")
    lacking = {c for c in set(text) if not all(_encodable(c, codec) for codec in CODECS)}
    return "".join("?" if c in lacking else c for c in text)


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# (name, bytes) of the common text in each encoding; the "?" replacements are the same
# characters in all of them.
def _variants(text: str) -> dict[str, bytes]:
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16-bom": text.encode("utf-16"),
        "utf-16-le-no-bom": text.encode("utf-16-le"),
        "utf-16-be-no-bom": text.encode("utf-16-be"),
        "utf-32-bom": text.encode("utf-32"),
        "gb18030": text.encode("gb18030"),
        "gbk": text.encode("gbk"),
        "big5": text.encode("big5"),
        "cp1252": text.encode("cp1252"),
    }


# The codec each variant must be given with --encoding.
EXPLICIT = {
    "utf-8": "utf-8",
    "utf-8-bom": "utf-8-sig",
    "utf-16-bom": "utf-16",
    "utf-16-le-no-bom": "utf-16-le",
    "utf-16-be-no-bom": "utf-16-be",
    "utf-32-bom": "utf-32",
    "gb18030": "gb18030",
    "gbk": "gbk",
    "big5": "big5",
    "cp1252": "cp1252",
}


def _instance(path: Path, encoding: str | None = None) -> bytes:
    conversion = convert(path, ConvertOptions(encoding=encoding), stem="release")
    assert conversion.report.valid, [str(f) for f in conversion.report.findings]
    return conversion.files["release.xml"]


@pytest.fixture(scope="module")
def sample_instance(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("utf8") / "release.txt"
    path.write_text(sample_text(), encoding="utf-8")
    return _instance(path)


def test_the_common_text_differs_from_the_sample_only_in_footnote_marks() -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    changed = {a for a, b in zip(original, sample_text(), strict=True) if a != b}
    assert changed == {"¹", "⁰", "⁹"}


@pytest.mark.parametrize("variant", list(EXPLICIT))
def test_sample_in_every_encoding_gives_the_same_facts(
    variant: str, sample_instance: bytes, tmp_path: Path
) -> None:
    data = _variants(sample_text())[variant]
    path = tmp_path / "release.txt"
    path.write_bytes(data)
    assert decode(data, "release.txt") == sample_text()
    assert _instance(path) == sample_instance
    assert _instance(path, EXPLICIT[variant]) == sample_instance


# --- synthetic releases: what the sample does not exercise --------------------------------

SIMPLIFIED = """奇富科技公布2024年第四季度及全年未经审计财务业绩

上海，2025年3月14日 -- 奇富科技（纳斯达克：QFIN）今天公布了截至2024年12月31日止第四季度未经审计的财务业绩。总收入为人民币44.8亿元，同比增长。

简明合并资产负债表
（除股份数据外，金额以千元人民币列示）

\tDecember 31, 2023\tDecember 31, 2024
\tRMB\tRMB
Cash and cash equivalents 现金及现金等价物\t100\t200
Other assets 其他资产\t50\t70
Total assets 资产总计\t150\t270
"""

TRADITIONAL = """奇富科技公佈2024年第四季度及全年未經審計財務業績

上海，2025年3月14日 -- 奇富科技（納斯達克：QFIN）今天公佈了截至2024年12月31日止第四季度未經審計的財務業績。總收入為人民幣44.8億元，同比增長。

簡明合併資產負債表
（除股份數據外，金額以千元人民幣列示）

\tDecember 31, 2023\tDecember 31, 2024
\tRMB\tRMB
Cash and cash equivalents 現金及現金等價物\t100\t200
Other assets 其他資產\t50\t70
Total assets 資產總計\t150\t270
"""

WESTERN = """Société Générale Café S.A. Announces Results

PARIS, March 1, 2025 -- Société Générale Café S.A. (NYSE: SGCF) today announced “solid” results; revenue rose 5% — to €1,234 million. The company’s résumé of Zürich operations follows.

Condensed Consolidated Balance Sheets
(Amounts in thousands of U.S. dollars)

\tDecember 31, 2023\tDecember 31, 2024
\tUSD\tUSD
Cash and cash equivalents\t100\t200
Other assets\t50\t70
Total assets\t150\t270
"""

SYNTHETIC = [
    pytest.param(SIMPLIFIED, ("gb18030", "gbk", "utf-16-le", "utf-16"), id="simplified"),
    pytest.param(TRADITIONAL, ("big5", "utf-16-be", "utf-8-sig"), id="traditional"),
    pytest.param(WESTERN, ("cp1252", "utf-16-le", "utf-32"), id="western"),
]


def _write(directory: Path, data: bytes) -> Path:
    """The same file name everywhere: a release without a listing is named after its file."""
    directory.mkdir()
    path = directory / "release.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("text", "codecs_"), SYNTHETIC)
def test_synthetic_release_gives_the_same_facts_in_each_encoding(
    text: str, codecs_: tuple[str, ...], tmp_path: Path
) -> None:
    expected = _instance(_write(tmp_path / "utf-8", text.encode("utf-8")))
    assert b"<xe:Assets " in expected
    for codec in codecs_:
        path = _write(tmp_path / codec, text.encode(codec))
        assert decode(path.read_bytes(), path.name) == text, codec
        assert _instance(path) == expected, codec
        assert _instance(path, codec) == expected, codec


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param("Amounts in “RMB” and “USD”\n", "cp1252", id="smart-quotes-cp1252"),
        pytest.param("Amounts in “RMB” and “USD”\n", "gb18030", id="smart-quotes-gb18030"),
        pytest.param("Amounts in “RMB” and “USD”\n", "big5", id="smart-quotes-big5"),
        pytest.param("Nestlé S.A. results\n", "cp1252", id="one-accent"),
        pytest.param("€1,234 and £5 — 2023–2024\n", "cp1252", id="currency-signs"),
        pytest.param("人民币\n", "gb18030", id="three-hanzi-simplified"),
        pytest.param("人民幣\n", "big5", id="three-hanzi-traditional"),
        pytest.param("营业收入 1,234\n", "gbk", id="gbk-is-read-as-gb18030"),
        pytest.param("Revenue 1,234\n", "utf-16-le", id="utf-16-le-without-bom"),
        pytest.param("Revenue 1,234\n", "utf-16-be", id="utf-16-be-without-bom"),
        pytest.param("Revenue 1,234\n", "utf-32-le", id="utf-32-le-without-bom"),
    ],
)
def test_detection(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert data.decode(detect_encoding(data)) == text


def test_regression_cp1252_quotes_were_read_as_gb18030() -> None:
    data = "(Amounts in thousands of Renminbi (“RMB”))\n".encode("cp1252")
    assert detect_encoding(data) == "cp1252"


def test_mixed_encodings_are_an_error_naming_the_line() -> None:
    data = "Société’s “UTF-8” text\n".encode() + "Net “income”\n".encode("cp1252")
    with pytest.raises(InputError, match="mixes encodings") as caught:
        decode(data, "mixed.txt")
    assert caught.value.location.line == 2


def test_wrong_encoding_option_names_the_line_and_byte() -> None:
    data = "Revenue\n营业收入\n".encode("gb18030")
    with pytest.raises(InputError, match=r"cannot decode as utf-8 at byte \d+ \(0x") as caught:
        decode(data, "release.txt", "utf-8")
    assert caught.value.location.line == 2
    assert "leave --encoding out" in caught.value.hint


def test_text_with_a_nul_byte_is_binary_but_html_keeps_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="a NUL byte at byte 3"):
        decode_text(b"abc\x00def", "x.txt")
    page = tmp_path / "page.html"
    page.write_bytes(b"<p>a\x00b</p><table><tr><td>A</td><td>1</td><td>2</td></tr></table>")
    assert read_document(page).text_blocks[0].text == "ab"


# --- properties ---------------------------------------------------------------------------

_PHRASES = {
    "gb18030": ["总收入为人民币", "净利润", "同比增长", "资产负债表", "现金及现金等价物", "千元"],
    "big5": ["總收入為人民幣", "淨利潤", "同比增長", "資產負債表", "現金及現金等價物", "千元"],
    "cp1252": ["Société", "café", "“net income”", "—", "€", "Zürich", "résumé", "’s", "naïve"],
}
_ASCII = ["Revenue", " ", "1,234", "(5.6)", "\n", "\t", "Total", "%", "2024"]


def _release_text(codec: str) -> st.SearchStrategy[str]:
    words = st.sampled_from(_PHRASES[codec] + _ASCII)
    # Three different phrases at least: a very short Chinese text can be valid UTF-8 by
    # accident ("千元" in GB18030 is the UTF-8 "ǧԪ"), and UTF-8 rightly wins then.
    return (
        st.lists(words, min_size=3, max_size=40)
        .filter(lambda parts: len(set(parts) & set(_PHRASES[codec])) >= 3)
        .map("".join)
    )


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["gb18030", "big5", "cp1252"]).flatmap(
    lambda codec: st.tuples(st.just(codec), _release_text(codec))
))  # fmt: skip
def test_release_text_is_detected_in_its_codec(sample: tuple[str, str]) -> None:
    codec, text = sample
    data = text.encode(codec)
    assert data.decode(detect_encoding(data)) == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode_text(data, "x.txt")
    except InputError as error:
        assert error.location.file == "x.txt" and error.hint
    else:
        assert "\x00" not in text
