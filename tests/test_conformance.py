"""XBRL International's XBRL 2.1 conformance suite (2014-12-10) as a test.

The suite is read from its tarball in ../shared/conformance (or `$XBRL_CONFORMANCE_DIR`),
extracted to a temporary folder and run in one process: every variation, those starting
from an instance and those starting from a schema or a linkbase, under the specification
profile with XBRL 2.1 calculations (`--calc c10`), as the suite was written for. The
verdict (valid or invalid) must be the suite's, except for the variations listed below,
each with the reason. This edition of the suite names no expected error codes, so the
verdict is what is compared.

The list only shrinks: a listed variation that starts to pass fails the test until it is
taken off the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conformance import Outcome, extract, run_suite, suite_tarball

# Every variation agrees: no expected miss is left, and the list only shrinks.
EXPECTED_FAILURES: dict[str, str] = {}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    tarball = suite_tarball()
    if not tarball.is_file():
        pytest.skip(f"no conformance suite at {tarball}")
    return run_suite(extract(tarball, tmp_path_factory.mktemp("conformance")))


def _misses(outcomes: list[Outcome], kinds: tuple[str, ...]) -> set[str]:
    return {o.variation.key for o in outcomes if o.variation.kind in kinds and not o.agrees}


def _listed(outcomes: list[Outcome], kinds: tuple[str, ...]) -> set[str]:
    return {o.variation.key for o in outcomes if o.variation.kind in kinds} & set(EXPECTED_FAILURES)


def test_the_suite_has_548_variations_370_from_an_instance(outcomes: list[Outcome]) -> None:
    assert len(outcomes) == 548
    assert sum(o.variation.kind == "instance" for o in outcomes) == 370


def test_no_variation_crashes(outcomes: list[Outcome]) -> None:
    assert [o.variation.key for o in outcomes if o.valid is None] == []


def test_instance_variations_agree_except_the_listed(outcomes: list[Outcome]) -> None:
    kinds = ("instance",)
    assert _misses(outcomes, kinds) == _listed(outcomes, kinds)


def test_schema_and_linkbase_variations_agree_except_the_listed(outcomes: list[Outcome]) -> None:
    kinds = ("xsd", "linkbase")
    assert _misses(outcomes, kinds) == _listed(outcomes, kinds)


def test_every_listed_failure_is_a_variation_of_the_suite(outcomes: list[Outcome]) -> None:
    keys = {o.variation.key for o in outcomes}
    assert set(EXPECTED_FAILURES) <= keys
    assert all(reason.strip() for reason in EXPECTED_FAILURES.values())


def test_the_exporter_profile_is_stricter_than_the_suite(outcomes: list[Outcome]) -> None:
    """A valid variation with a scheme that is not an absolute URI (`www.example.com`)
    passes the specification but not the exporter's profile."""
    from exporter.validate import Calc, Profile, validate_file

    (start,) = (
        o.variation.start for o in outcomes if o.variation.key == "397-Testcase-SummationItem V-00"
    )
    assert validate_file(start, Profile.SPEC, Calc.C10).conforms
    strict = validate_file(start, Profile.EXPORTER, Calc.C10)
    assert "xbrl.scheme-invalid" in strict.codes() and not strict.conforms


def test_a_variation_is_found_by_its_start_document(outcomes: list[Outcome]) -> None:
    start = next(
        o.variation for o in outcomes if o.variation.key == "397-Testcase-SummationItem V-01"
    )
    assert start.start.name == "397-01-InconsistentInstance-invalid.xbrl"
    assert start.start.is_file()
    assert not start.expected_valid
    assert isinstance(start.start, Path)
