"""The false-alarm budget: reports of other agencies and periods (tests/other_reports.py)."""

from __future__ import annotations

import pytest

from cchc_model import Severity, dumps, load, validate
from tests.other_reports import OTHER_REPORTS, ubnd_xa_2025

NAMES = list(OTHER_REPORTS)


def test_at_least_five_agencies_and_periods() -> None:
    """Five or more reports: two departments, a district and a commune, three kinds of period."""
    assert len(OTHER_REPORTS) >= 5
    reports = [build() for build in OTHER_REPORTS.values()]
    kinds = {r.header.period.kind for r in reports if r.header.period is not None}
    assert len(kinds) >= 3
    assert {r.header.symbol for r in reports} >= {"BC-STP", "BC-SYT", "BC-UBND", "BC-SNV"}


@pytest.mark.parametrize("name", NAMES)
def test_no_error_and_at_most_two_warnings(name: str) -> None:
    """The whole rule set finds no error and at most two warnings in a correct report."""
    result = validate(OTHER_REPORTS[name]())
    errors = [f.message for f in result.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert result.counts[Severity.WARNING] <= 2, [f.message for f in result.findings]


@pytest.mark.parametrize("name", NAMES)
def test_citations_are_read(name: str) -> None:
    """Every report's citations are read, each dated and with a number and symbol."""
    report = OTHER_REPORTS[name]()
    refs = [m.ref for _, p in report.paragraphs() for m in p.references]
    assert len(refs) >= 4
    assert all(ref.issued_on is not None for ref in refs)


@pytest.mark.parametrize("name", NAMES)
def test_round_trip(name: str) -> None:
    """Each report survives dumps and load unchanged."""
    report = OTHER_REPORTS[name]()
    assert load(dumps(report)) == report


def test_a_planted_fault_is_still_found() -> None:
    """The budget is not met by silence: one wrong figure in a correct report is an error."""
    broken = ubnd_xa_2025(tasks_done=17)
    assert [f.rule for f in validate(broken).findings] == ["tasks.plan_done"]
