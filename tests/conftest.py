"""Shared fixtures: paths to the committed sample and golden outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis draws from a fixed seed (`derandomize`): a run of the suite tries the same
# examples every time, so CI fails on a code change, never on luck. "ci" is the default
# and what `.ci/run` sets; HYPOTHESIS_PROFILE=explore draws fresh examples each run for a
# local hunt (a failure prints the example to pin as a test).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
SAMPLE = FIXTURES / "qifu-2024q4.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite the golden files from the current output (after a deliberate change)",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def sample() -> Path:
    return SAMPLE
