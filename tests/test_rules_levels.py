"""The government-level rules: district-level figures after 1/7/2025."""

from __future__ import annotations

from decimal import Decimal

from cchc_model import Header, Report, ReportingPeriod, catalogue_2023, validate
from cchc_model._rules.levels import DISTRICT_ROWS_2023, LEVEL_RULES


def run(period: ReportingPeriod, values: dict[str, object]) -> list[tuple[str, str]]:
    appendix = catalogue_2023().build(values)  # type: ignore[arg-type]
    report = Report(Header("X", period=period), appendix=appendix)
    return [(f.path, f.message) for f in validate(report, rules=LEVEL_RULES).findings]


def test_rows_are_district_rows() -> None:
    """Every listed row is a row of the 2023 form that names the district level."""
    c = catalogue_2023()
    for code in DISTRICT_ROWS_2023:
        assert "huyện" in c[code].label.lower(), code


class TestDistrictAfterAbolition:
    def test_holds_before(self) -> None:
        """A 2023 report has district figures."""
        assert run(ReportingPeriod.annual(2023), {"3.1.3.b": 19, "3.4.2": Decimal(98)}) == []

    def test_holds_with_zero(self) -> None:
        """Zero district procedures is what a two-level report says."""
        assert run(ReportingPeriod.quarter(2025, 4), {"3.1.3.b": 0}) == []

    def test_holds_for_a_period_spanning_the_change(self) -> None:
        """Quarter III 2025 starts (15/6) before the district level ended."""
        assert run(ReportingPeriod.quarter(2025, 3), {"3.1.3.b": 19}) == []

    def test_fails(self) -> None:
        """A district figure in a report whose data starts after 1/7/2025."""
        assert run(ReportingPeriod.quarter(2025, 4), {"3.1.3.b": 19}) == [(
            '$.appendix["3.1.3.b"]',
            ("Chỉ tiêu cấp huyện 3.1.3.b có số liệu “19” trong báo cáo quý IV năm 2025, nhưng "
            "từ 01/7/2025 không còn cấp huyện."),
        )]

    def test_appendix_alone_has_no_period(self) -> None:
        """An appendix on its own has no period to judge by."""
        appendix = catalogue_2023().build({"3.1.3.b": 19})
        assert validate(appendix, rules=LEVEL_RULES).findings == ()
