"""Debian's chromium driven by Playwright: the setup the browser test and the README
screenshot share. Playwright's own browser downloads are never used (`playwright install`
is not run): the system chromium is launched by path.

    python tests/browser.py out/qifu-2024q4.xhtml docs/income-statement.png [selector]
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1200, "height": 900}


def chromium_path() -> str | None:
    """The system chromium: $CHROMIUM, else the first of chromium, chromium-browser on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def browser_page(executable: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        finally:
            browser.close()


def screenshot(page_path: Path, target: Path, selector: str = "#t3") -> None:
    """A picture of one statement (by default the income statement, `#t3` in the sample)."""
    executable = chromium_path()
    if executable is None:
        raise SystemExit("chromium not found: apt-get install chromium (or set CHROMIUM)")
    with browser_page(executable) as page:
        page.goto(page_path.resolve().as_uri())
        page.locator(selector).screenshot(path=str(target))


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4])
