"""The Inline XBRL page in a real browser: every tagged fact is visible and shows its print.

Debian's chromium (installed by `.ci/run`) renders the page from disk. For every
`ix:nonFraction` in the page's statements the test reads what the browser lays out: the
element has a box, is not hidden by style, and its table cell shows exactly the text the
release printed there (brackets and percent signs included). Facts in `ix:hidden` (those
no statement prints) must not show. Without chromium the test is skipped, unless
XBRL_EXPORTER_REQUIRE_BROWSER is set (as in CI), where it fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser_page, chromium_path
from tools import missing_tool

from exporter.cli import main

pytestmark = pytest.mark.browser

_COLLECT = """() => {
  const tags = document.getElementsByTagNameNS("http://www.xbrl.org/2013/inlineXBRL", "nonFraction");
  const hidden = (tag) => {
    for (let node = tag.parentElement; node; node = node.parentElement) {
      if (node.localName === "hidden" && node.namespaceURI === tag.namespaceURI) return true;
    }
    return false;
  };
  return Array.from(tags, (tag) => {
    const box = tag.getBoundingClientRect();
    const cell = tag.closest("td");
    return {
      id: tag.getAttribute("id"),
      hidden: hidden(tag),
      text: tag.textContent,
      cell: cell ? cell.textContent : null,
      cellId: cell ? cell.id : null,
      visible: tag.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
      width: box.width,
      height: box.height,
    };
  });
}"""


@pytest.fixture(scope="module")
def executable() -> str:
    path = chromium_path()
    if path is None:
        message = "chromium not installed (apt-get install chromium)"
        missing_tool(message, "XBRL_EXPORTER_REQUIRE_BROWSER")
    return path


@pytest.fixture(scope="module")
def page_file(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("inline")
    assert main(["convert", str(sample), "-o", str(outdir), "--format", "ixbrl", "-q"]) == 0
    return outdir / "qifu-2024q4.xhtml"


def _printed(sample: Path, cell_id: str) -> str:
    """What the release printed in the cell `c{table}-{line}-{column}`: its text file's
    line, split at its tabs (the page's cell ids name the source line and column)."""
    _, line, column = cell_id.removeprefix("c").split("-")
    lines = sample.read_text(encoding="utf-8").splitlines()
    return lines[int(line) - 1].split("\t")[int(column)].strip()


def test_every_tagged_fact_is_visible_and_shows_the_printed_value(
    executable: str, page_file: Path, sample: Path
) -> None:
    with browser_page(executable) as page:
        page.goto(page_file.as_uri())
        assert page.title() == "Qifu Technology, Inc."
        collected = page.evaluate(_COLLECT)
    tags = [t for t in collected if not t["hidden"]]
    assert all(not t["visible"] for t in collected if t["hidden"])
    # Every number printed in the sample's tables (docs/testing.md), once each.
    assert len(tags) == len({t["cellId"] for t in tags}) == 499
    for tag in tags:
        assert tag["visible"] and tag["width"] > 0 and tag["height"] > 0, tag
        assert tag["cell"].strip() == _printed(sample, tag["cellId"]), tag
        assert tag["text"] in tag["cell"], tag


def test_totals_are_ruled_and_a_linked_cell_is_highlighted(
    executable: str, page_file: Path
) -> None:
    with browser_page(executable) as page:
        page.goto(page_file.as_uri() + "#c1-314-3")
        styles = page.evaluate(
            """() => {
              const style = (selector) => getComputedStyle(document.querySelector(selector));
              return {
                total: style("#r3-355 td").borderTopStyle,
                grand: style("#r1-315 td").borderBottomStyle,
                item: style("#r3-354 td").borderTopStyle,
                target: style("#c1-314-3").backgroundColor,
                plain: style("#c1-314-2").backgroundColor,
              };
            }"""
        )
    assert styles["total"] == "solid"
    assert styles["grand"] == "double"
    assert styles["item"] == "none"
    assert styles["target"] != styles["plain"]
