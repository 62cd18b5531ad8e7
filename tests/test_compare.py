"""Tests for compare: one unit's report against its report of an earlier period."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_model import (
    Appendix,
    CchcError,
    Header,
    IndicatorValue,
    Report,
    ReportingPeriod,
    Severity,
    catalogue_2023,
    compare,
)

FORM = catalogue_2023()


def report(period: ReportingPeriod, figures: dict[str, object]) -> Report:
    return Report(Header("SỞ Y TẾ", period=period), appendix=FORM.build(figures))


def annual(year: int, figures: dict[str, object]) -> Report:
    return report(ReportingPeriod.annual(year), figures)


def rules(current: Report | Appendix, previous: Report | Appendix, **options: object
          ) -> list[str]:
    return [f.rule for f in compare(current, previous, **options).findings]


class TestCumulative:
    def test_cumulative_row_falls(self):
        """A "lũy kế" row that falls is a warning pointing at the row."""
        result = compare(annual(2024, {"6.5": 2}), annual(2023, {"6.5": 3}))
        (finding,) = result.findings
        assert finding.rule == "compare.cumulative_fell"
        assert finding.severity is Severity.WARNING
        assert finding.path == '$.appendix["6.5"]'
        assert finding.codes == ("6.5",)
        assert finding.message == ("Chỉ tiêu lũy kế 6.5 giảm từ 3 (năm 2023) xuống 2; số lũy "
                                   "kế đến thời điểm báo cáo không giảm.")

    def test_cumulative_rows_are_marked(self):
        """The rows the 2023 form labels "lũy kế" are the cumulative ones."""
        assert [d.code for d in FORM.indicators if d.cumulative] == [
            "6.1", "6.2", "6.3", "6.4", "6.5",
        ]

    def test_cumulative_may_rise_or_stay(self):
        """A cumulative row that rises or stays says nothing."""
        assert rules(annual(2024, {"6.5": 3, "6.1": 5}), annual(2023, {"6.5": 3, "6.1": 4})) == []

    def test_other_rows_may_fall(self):
        """A row that is not cumulative may fall (within the tolerance)."""
        assert rules(annual(2024, {"4.1.1": 18}), annual(2023, {"4.1.1": 20})) == []


class TestInForce:
    def test_fall_without_abolitions(self):
        """Procedures in force falling further than those abolished is a warning."""
        result = compare(annual(2024, {"3.1.3": 130, "3.1.2": 2}),
                         annual(2023, {"3.1.3": 138}))
        (finding,) = result.findings
        assert finding.rule == "compare.in_force_fell"
        assert finding.message == ("Tổng số TTHC đang có hiệu lực (3.1.3) giảm 8 (từ 138 xuống "
                                   "130) nhưng kỳ này chỉ có 2 TTHC bãi bỏ, thay thế (3.1.2).")

    def test_fall_explained_by_abolitions(self):
        """A fall no larger than the abolished procedures is explained."""
        assert rules(annual(2024, {"3.1.3": 130, "3.1.2": 8}), annual(2023, {"3.1.3": 138})) == []

    def test_fall_explained_by_district_level_ending(self):
        """When the district level ends, its procedures leave those in force."""
        before = report(ReportingPeriod.half_year(2025), {"3.1.3": 138, "3.1.3.b": 30})
        after = report(ReportingPeriod.quarter(2025, 4), {"3.1.3": 110, "3.1.3.b": 0})
        assert rules(after, before) == []


class TestJumpsAndRepeats:
    def test_jump_beyond_tolerance(self):
        """A count that moves by more than the tolerance is pointed out, as information."""
        result = compare(annual(2024, {"1.4.1": 900}), annual(2023, {"1.4.1": 200}))
        (finding,) = result.findings
        assert (finding.rule, finding.severity) == ("compare.jump", Severity.INFO)
        assert finding.message == ("Chỉ tiêu 1.4.1 thay đổi từ 200 (năm 2023) thành 900, hơn "
                                   "50% so với kỳ trước.")

    def test_small_changes_and_tolerance(self):
        """Changes below *min_change* or within *tolerance* say nothing."""
        assert rules(annual(2024, {"1.1.1": 3}), annual(2023, {"1.1.1": 1})) == []
        assert rules(annual(2024, {"1.4.1": 900}), annual(2023, {"1.4.1": 200}),
                     tolerance=4) == []
        assert rules(annual(2024, {"3.4.1": Decimal(40)}), annual(2023, {"3.4.1": Decimal(95)})
                     ) == ["compare.jump"]

    def test_periods_of_other_kinds_have_no_jumps(self):
        """A quarter's flows are not compared with a year's."""
        quarter = report(ReportingPeriod.quarter(2024, 1), {"1.4.1": 10})
        assert rules(quarter, annual(2023, {"1.4.1": 900})) == []

    def test_unchanged_repeat(self):
        """A report repeating every figure of the earlier one is most likely a copy."""
        figures = {"3.1.3": 138, "1.1.1": 12, "7.3": 2}
        result = compare(annual(2024, figures), annual(2023, figures))
        (finding,) = result.findings
        assert finding.rule == "compare.unchanged"
        assert finding.path == "$.appendix"
        assert finding.message == ("Cả 3 chỉ tiêu có số liệu đều giống hệt báo cáo năm 2023: có "
                                   "thể là số liệu kỳ trước được gửi lại.")

    def test_all_zero_repeat_is_fine(self):
        """A repeat of nothing but zeros is not a copy worth naming."""
        assert rules(annual(2024, {"3.1.1": 0}), annual(2023, {"3.1.1": 0})) == []

    def test_appendices_alone(self):
        """Two appendices compare in the order given; paths are the appendix's own."""
        result = compare(FORM.build({"6.1": 1}), FORM.build({"6.1": 2}))
        assert [(f.rule, f.path) for f in result.findings] == [
            ("compare.cumulative_fell", '$["6.1"]'),
        ]


class TestUnusable:
    def test_order(self):
        """The current report must come after the previous one."""
        result = compare(annual(2023, {}), annual(2024, {}))
        assert [(f.rule, f.severity) for f in result.findings] == [
            ("compare.order", Severity.ERROR),
        ]
        assert not result.ok

    def test_other_form_and_no_appendix(self):
        """Appendices of two forms, or a report without one, are not compared."""
        other = Appendix((IndicatorValue("1", 3),), form="2030")
        assert rules(FORM.build({"6.1": 1}), other) == ["compare.other_form"]
        assert rules(Report(Header("X")), FORM.build({})) == ["compare.no_appendix"]

    def test_wrong_arguments(self):
        """A wrong type is a TypeError; a wrong tolerance a CchcError."""
        with pytest.raises(TypeError, match="as previous"):
            compare(FORM.build({}), None)  # type: ignore[arg-type]
        with pytest.raises(CchcError):
            compare(FORM.build({}), FORM.build({}), tolerance="much")
        with pytest.raises(CchcError):
            compare(FORM.build({}), FORM.build({}), tolerance=-1)
