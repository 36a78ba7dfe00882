"""System tools some tests need (chromium, Tesseract): skipped where the machine lacks them,
failed where the run says it has them (CI sets XBRL_EXPORTER_REQUIRE_BROWSER and
XBRL_EXPORTER_REQUIRE_OCR after installing them), so a missing tool never passes silently
in CI."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing_tool(message: str, required_by: str) -> NoReturn:
    """Skip the test, or fail it when the environment variable `required_by` is set."""
    if os.environ.get(required_by):
        pytest.fail(message)
    pytest.skip(message)
