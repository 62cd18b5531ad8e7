"""Tests for consolidate: many units' appendices combined into one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_model import (
    Aggregation,
    Appendix,
    Catalogue,
    CchcError,
    Consolidation,
    Header,
    IndicatorDef,
    IndicatorValue,
    Ratio,
    Report,
    ReportingPeriod,
    Severity,
    ValueKind,
    catalogue_2023,
    consolidate,
)

from .strategies import appendices, units

FORM = catalogue_2023()
#: A count row holding text, as a hand-made table may: it fits no count.
NHIEU = IndicatorValue("3.1.3", "nhiều", raw="nhiều")


def build(**figures: object) -> Appendix:
    return FORM.build({c.lstrip("_").replace("_", "."): v for c, v in figures.items()})


def rules(c: Consolidation) -> list[str]:
    return [f.rule for f in c.findings]


class TestCombine:
    def test_counts_add(self):
        """Counts of every unit add up; blank rows are skipped, not zeros."""
        c = consolidate({"A": FORM.build({"3.1.3": 138, "1.1.1": None}),
                         "B": FORM.build({"3.1.3": 12, "1.1.1": 4})})
        assert c.appendix["3.1.3"].value == 150
        assert c.appendix["3.1.3"].raw == "150"
        assert c.appendix["1.1.1"].value == 4
        assert c.contributors("1.1.1") == ("B",)

    def test_ratios_add_terms(self):
        """Ratios add numerators and denominators: 12/12 and 3/4 make 15/16."""
        c = consolidate({"A": FORM.build({"2.1": Ratio(12, 12)}),
                         "B": FORM.build({"2.1": Ratio(3, 4)})})
        assert c.appendix["2.1"].value == Ratio(15, 16)

    def test_percent_without_terms_is_blank(self):
        """A percentage whose terms the form does not ask for is blank, with the spread noted."""
        c = consolidate({"A": FORM.build({"3.4.1": Decimal("95.5")}),
                         "B": FORM.build({"3.4.1": Decimal(100)}),
                         "C": FORM.build({"3.4.1": Decimal("80")})})
        row = c.appendix["3.4.1"]
        assert row.value is None
        assert row.note == "không cộng được tỷ lệ: 3 đơn vị báo cáo, từ 80% đến 100%"
        assert c.contributors("3.4.1") == ("A", "B", "C")

    def test_percent_with_terms_is_recomputed(self):
        """A percentage whose terms the form asks for is recomputed from their sums."""
        custom = Catalogue("x", (
            IndicatorDef("1", "Hồ sơ tiếp nhận", "Received", ValueKind.COUNT,
                         aggregation=Aggregation.SUM),
            IndicatorDef("2", "Hồ sơ đúng hạn", "On time", ValueKind.COUNT,
                         aggregation=Aggregation.SUM),
            IndicatorDef("3", "Tỷ lệ đúng hạn", "Share on time", ValueKind.PERCENT,
                         terms=("2", "1")),
        ))
        c = consolidate({"A": custom.build({"1": 200, "2": 100, "3": Decimal(50)}),
                         "B": custom.build({"1": 100, "2": 100, "3": Decimal(100)})},
                        catalogue=custom)
        assert c.appendix["3"].value == Decimal("66.67")
        assert c.appendix["3"].raw == "66,67%"
        assert c.appendix["3"].note == "tính lại từ tổng 2 / 1"

    def test_coded_keep_distribution(self):
        """Coded answers are never added: the note counts the units per answer."""
        answers = [2] * 12 + [1] * 3
        c = consolidate({f"Xã {i}": FORM.build({"7.3": a}) for i, a in enumerate(answers)})
        row = c.appendix["7.3"]
        assert row.value is None
        assert row.note == "Hoàn thành: 12; Đang làm: 3"
        assert c.distribution("7.3") == {"Đang làm": 3, "Hoàn thành": 12}
        assert c.distribution("3.1.3") == {}

    def test_headings_blank(self):
        """Headings take part in the form's layout but hold nothing."""
        c = consolidate({"A": FORM.build({"3.1": None, "3.1.3": 5})})
        assert c.appendix["3.1"].value is None
        assert list(c.appendix) == ["3.1", "3.1.3"]

    def test_text_not_combined(self):
        """Text rows are not combined: blank, with how many units answered."""
        custom = Catalogue("x", (IndicatorDef("1", "Ghi chú", "Remark", ValueKind.TEXT),))
        c = consolidate({"A": custom.build({"1": "tốt"}), "B": custom.build({"1": "khá"})},
                        catalogue=custom)
        assert c.appendix["1"].value is None
        assert c.appendix["1"].note == "2 đơn vị trả lời"

    def test_values_per_unit(self):
        """values() gives every unit's value as given, also those not combined."""
        c = consolidate({"A": FORM.build({"3.1.3": 5}), "B": FORM.build({"3.1.3": NHIEU}),
                         "C": FORM.build({"3.1.3": None})})
        assert c.values("3.1.3") == {"A": 5, "B": "nhiều"}
        assert c.contributors("3.1.3") == ("A",)
        assert c.values("9.9") == {}
        assert c.contributors("9.9") == ()

    def test_reports_and_appendices_mix(self):
        """A report's appendix combines like an appendix; the period is the reports'."""
        period = ReportingPeriod.annual(2024)
        report = Report(Header("SỞ Y TẾ", period=period), appendix=FORM.build({"3.1.3": 7}))
        c = consolidate([("Sở Y tế", report), ("Sở Tư pháp", FORM.build({"3.1.3": 3}))])
        assert c.appendix["3.1.3"].value == 10
        assert c.period == period
        assert c.units == ("Sở Y tế", "Sở Tư pháp")

    def test_reads_a_generator_once(self):
        """Units may come from a generator, read once, one unit at a time."""
        made: list[int] = []

        def stream():
            for i in range(5):
                made.append(i)
                yield f"Xã {i}", FORM.build({"3.1.3": i})

        c = consolidate(stream())
        assert made == [0, 1, 2, 3, 4]
        assert c.appendix["3.1.3"].value == 10


class TestFindings:
    def test_value_that_does_not_fit(self):
        """A value that does not fit its row is named with unit and code, never dropped."""
        c = consolidate({"Sở Tư pháp": FORM.build({"3.1.3": NHIEU, "2.1": 5, "7.3": 9}),
                         "Sở Y tế": FORM.build({"3.1.3": 4})})
        found = {f.path: f for f in c.findings}
        finding = found['$.units["Sở Tư pháp"].appendix["3.1.3"]']
        assert finding.rule == "consolidate.not_combined"
        assert finding.severity is Severity.ERROR
        assert finding.codes == ("3.1.3",)
        assert finding.message == ("Giá trị “nhiều” của chỉ tiêu 3.1.3 ở Sở Tư pháp không hợp "
                                   "với dòng này (số đếm); không được cộng.")
        assert '$.units["Sở Tư pháp"].appendix["2.1"]' in found
        assert '$.units["Sở Tư pháp"].appendix["7.3"]' in found
        assert c.appendix["3.1.3"].value == 4
        assert c.appendix["3.1.3"].note == "chưa cộng 1 giá trị không hợp lệ"
        assert c.appendix["2.1"].value is None
        assert not c.ok

    def test_missing_and_unexpected_units(self):
        """Units of the expected list that sent nothing, and units not on it, are named."""
        c = consolidate({"sở  tư pháp": build(_3_1_3=1), "Sở Lạ": build(_3_1_3=2)},
                        expected=["Sở Tư pháp", "Sở Y tế", "", "Sở Y tế"])
        assert [(f.rule, f.path) for f in c.findings] == [
            ("consolidate.missing_unit", '$.units["Sở Y tế"]'),
            ("consolidate.unexpected_unit", '$.units["Sở Lạ"]'),
        ]
        assert c.findings[0].message == (
            "Chưa có số liệu của Sở Y tế (có trong danh sách đơn vị phải báo cáo)."
        )

    def test_doubled_submission(self):
        """Two units with the very same figures are most likely one submission sent twice."""
        c = consolidate({"A": build(_3_1_3=5, _1_1_1=2), "B": build(_3_1_3=5, _1_1_1=2),
                         "C": build(_3_1_3=0), "D": build(_3_1_3=0)})
        assert [(f.rule, f.message) for f in c.findings] == [(
            "consolidate.doubled_submission",
            ("Phụ lục của B giống hệt phụ lục của A: có thể là nộp trùng; số liệu của cả hai "
             "đơn vị đều được cộng."),
        )]
        assert c.appendix["3.1.3"].value == 10

    def test_same_name_twice(self):
        """A unit given twice (case and spacing ignored) is combined once."""
        c = consolidate([("Sở Y tế", build(_3_1_3=5)), ("SỞ  Y TẾ", build(_3_1_3=7))])
        assert rules(c) == ["consolidate.duplicate_unit"]
        assert c.findings[0].path == '$.units["SỞ  Y TẾ"]'
        assert c.appendix["3.1.3"].value == 5

    def test_other_period(self):
        """A report of another period is named and not combined."""
        def report(period: ReportingPeriod, value: int) -> Report:
            return Report(Header("X", period=period), appendix=build(_3_1_3=value))

        c = consolidate({"A": report(ReportingPeriod.annual(2024), 1),
                         "B": report(ReportingPeriod.half_year(2024), 2)})
        assert rules(c) == ["consolidate.other_period"]
        assert c.findings[0].path == '$.units["B"].header.period'
        assert c.findings[0].message == ("Báo cáo của B là báo cáo 6 tháng đầu năm 2024, không "
                                         "phải năm 2024; không được cộng.")
        assert c.appendix["3.1.3"].value == 1
        assert c.units == ("A",)

    def test_period_given(self):
        """With *period* given, every report of another period is refused."""
        report = Report(Header("X", period=ReportingPeriod.annual(2023)), appendix=build(_2_2=1))
        c = consolidate({"A": report}, period=ReportingPeriod.annual(2024))
        assert rules(c) == ["consolidate.other_period"]

    def test_other_form(self):
        """An appendix of another form is named and not combined."""
        other = Appendix((IndicatorValue("1", 3),), form="2030")
        c = consolidate({"A": build(_3_1_3=1), "B": other})
        assert rules(c) == ["consolidate.other_form"]
        assert c.findings[0].path == '$.units["B"].appendix.form'

    def test_report_without_appendix(self):
        """A report without its appendix adds nothing, and says so."""
        c = consolidate({"A": Report(Header("X"))})
        assert rules(c) == ["consolidate.no_appendix"]
        assert len(c.appendix) == 0

    def test_unreadable_unit(self):
        """An error met reading a unit stands in for it, as a finding."""
        c = consolidate({"A": CchcError("hỏng"), "B": build(_3_1_3=2)}, expected=["A", "B"])
        assert rules(c) == ["consolidate.unreadable"]
        assert c.findings[0].message == "Không đọc được số liệu của A: hỏng"

    def test_extra_rows(self):
        """Rows outside the form are named and add nothing."""
        appendix = Appendix((IndicatorValue("3.1.3", 1),),
                            extra=(IndicatorValue("9.1", 4, stt="9.1.", label="Riêng"),))
        c = consolidate({"A": appendix})
        assert [(f.rule, f.path) for f in c.findings] == [
            ("consolidate.extra_row", '$.units["A"].appendix.extra[0]'),
        ]

    def test_validate_runs_the_rules(self):
        """validate() adds the library's rules on the combined appendix under $.appendix."""
        c = consolidate({"A": build(_3_1_3=5, _3_1_3_a=9), "B": build(_3_1_3=1)})
        result = c.validate()
        assert any(f.path.startswith('$.appendix["3.1.3') for f in result.findings)
        assert c.validate(rules=()).findings == c.findings

    def test_wrong_types(self):
        """What is not a unit is a TypeError naming it."""
        with pytest.raises(TypeError, match="Report or an Appendix for 'A'"):
            consolidate({"A": 5})  # type: ignore[dict-item]
        with pytest.raises(TypeError, match="mapping of unit names"):
            consolidate([build()])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="name must be a str"):
            consolidate([(1, build())])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="not one str"):
            consolidate({"A": build()}, expected="A")
        with pytest.raises(TypeError, match="Catalogue"):
            consolidate({}, catalogue="2023")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Consolidation(None, (), ())  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Consolidation(Appendix(), ("x",), ())  # type: ignore[arg-type]


class TestProperties:
    @settings(max_examples=40, deadline=None)
    @given(units())
    def test_generated_units_combine(self, given_units):
        """On generated units, sums, ratios and answer counts are those of the units."""
        c = consolidate(given_units)
        assert c.units == tuple(given_units)
        for definition in FORM.indicators:
            code = definition.code
            values = [a.value(code) for a in given_units.values() if a.value(code) is not None]
            row = c.appendix.get(code)
            if not values:
                assert row is None or row.value is None
                continue
            assert row is not None
            assert c.contributors(code) == tuple(
                n for n, a in given_units.items() if a.value(code) is not None
            )
            if definition.aggregation is Aggregation.SUM:
                assert row.value == sum(values)
            elif definition.aggregation is Aggregation.RATIO:
                assert row.value == Ratio(sum(v.numerator for v in values),
                                          sum(v.denominator for v in values))
            else:
                assert row.value is None
            if definition.kind is ValueKind.CODED:
                assert sum(c.distribution(code).values()) == len(values)
        assert all(f.rule == "consolidate.doubled_submission" for f in c.findings)

    @settings(max_examples=40, deadline=None)
    @given(st.lists(appendices(), min_size=1, max_size=5))
    def test_nothing_silently_dropped(self, given):
        """Any appendix: every value is combined or named in a finding, and nothing raises."""
        named = {f"Đơn vị {i}": a for i, a in enumerate(given)}
        c = consolidate(named)
        flagged = {f.path for f in c.findings}
        for name, appendix in named.items():
            for row in appendix.rows:
                if row.value is None:
                    continue
                path = f'$.units["{name}"].appendix["{row.code}"]'
                assert name in c.contributors(row.code) or path in flagged
