"""Rules about figures in prose: totals against parts, stated rates against their terms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_model import (
    CaseProcessing,
    CountFact,
    Header,
    Paragraph,
    PercentFact,
    RateFact,
    Report,
    Section,
    Severity,
    TotalFact,
    select_rules,
    validate,
)
from cchc_model._rules.facts import FACT_RULES, rate_agreement

D = Decimal


def run(*facts: object) -> list[tuple[str, Severity, str]]:
    report = Report(Header("X"), sections=(Section("I", "A", (Paragraph("", facts=facts),)),))
    result = validate(report, rules=FACT_RULES)
    return [(f.rule, f.severity, f.message) for f in result.findings]


def total(value: int, *parts: int, complete: bool = True) -> TotalFact:
    return TotalFact(CountFact(value, "hồ sơ"), tuple(CountFact(p, "hồ sơ") for p in parts),
                     complete)


class TestTotals:
    def test_holds(self):
        """5.494 = 4.964 + 530 and 17 = 15 + 2 hold."""
        assert run(total(5494, 4964, 530), total(17, 15, 2)) == []

    def test_fails(self):
        """486 resolved = 430 early + 55 on time fails."""
        assert run(total(486, 430, 55)) == [(
            "facts.total_parts", Severity.ERROR,
            "Tổng 486 hồ sơ khác tổng các phần 430 + 55 = 485.",
        )]

    def test_partial_breakdown(self):
        """A "trong đó" selection may be smaller than the total, never larger."""
        assert run(total(530, 232, complete=False)) == []
        assert [r for r, _, _ in run(total(530, 600, complete=False))] == ["facts.total_parts"]


class TestRates:
    def test_holds(self):
        """32,37 % for 1.607/4.964 agrees."""
        assert run(RateFact(D(1607), D(4964), D("32.37"))) == []

    def test_wrong(self):
        """33,37 % for 1.607/4.964 (32,37 %) is an error."""
        assert run(RateFact(D(1607), D(4964), D("33.37"))) == [(
            "facts.stated_rate", Severity.ERROR,
            "Báo cáo ghi tỷ lệ 33,37% trong khi thực tế 1.607/4.964 = 32,37%.",
        )]

    def test_messages_say_what_is_written_and_what_is_true(self):
        """"ghi 100% trong khi thực tế 99,78%", and the right rounding of a truncated rate."""
        [(_, _, bound)] = run(RateFact(D("3585.23"), D(3593), D(100)))
        assert bound == ("Báo cáo ghi tỷ lệ 100% trong khi thực tế 3.585,23/3.593 = 99,78%; "
                         "chưa đạt 100% thì không ghi 100%.")
        [(_, _, cut)] = run(RateFact(D(3878), D(15127), D("25.63")))
        assert cut == ("Báo cáo ghi tỷ lệ 25,63% trong khi thực tế 3.878/15.127 = 25,636%, "
                       "làm tròn đúng là 25,64%.")

    def test_truncated(self):
        """25,63 % for 3.878/15.127 (25,636 %) is truncation: a warning."""
        assert [s for _, s, _ in run(RateFact(D(3878), D(15127), D("25.63")))] == [
            Severity.WARNING
        ]

    def test_rounded_to_hundred(self):
        """"đạt 100%" for 3.585,23/3.593 (99,78 %) is a warning."""
        assert [s for _, s, _ in run(RateFact(D("3585.23"), D(3593), D(100)))] == [
            Severity.WARNING
        ]

    def test_zero_denominator(self):
        """A zero denominator cannot support any rate."""
        assert [s for _, s, _ in run(RateFact(D(1), D(0), D(50)))] == [Severity.ERROR]


class TestRateAgreement:
    @pytest.mark.parametrize(
        ("num", "den", "stated", "verdict"),
        [
            ("1", "3", "33.33", "exact"),
            ("1", "3", "33.3", "exact"),
            ("1", "3", "33", "exact"),
            ("2", "3", "66.66", "truncated"),
            ("2", "3", "66.67", "exact"),
            ("2", "3", "67", "exact"),
            ("2", "3", "66", "truncated"),
            ("1", "1", "100", "exact"),
            ("999", "1000", "100", "rounded_to_bound"),
            ("1", "1000", "0", "rounded_to_bound"),
            ("1", "2", "60", "wrong"),
            ("25635", "100000", "25.64", "exact"),
        ],
    )
    def test_precision_intervals(self, num: str, den: str, stated: str, verdict: str):
        """The tolerance comes from the places the rate was written with."""
        assert rate_agreement(D(num), D(den), D(stated)) == verdict

    def test_selected_by_prefix(self):
        """The fact rules are one family."""
        assert {r.id for r in select_rules(FACT_RULES, prefix="facts.")} == {
            "facts.total_parts", "facts.stated_rate", "facts.percent_fraction"
        }


class TestPercentFraction:
    def test_stated_fraction(self) -> None:
        """A stated percentage of 0.9 is a warning: a fraction where points belong."""
        assert run(PercentFact(D("0.9"))) == [(
            "facts.percent_fraction", Severity.WARNING,
            ("Tỷ lệ 0.9 nằm giữa 0 và 1: có phải là phân số thay cho 90%? Tỷ lệ được ghi bằng "
            "điểm phần trăm (0–100)."),
        )]

    @pytest.mark.parametrize("value", [D(0), D(1), D("99.77"), D(100)])
    def test_points_pass(self, value: Decimal) -> None:
        """0, 1 and ordinary percent points pass."""
        assert run(PercentFact(value)) == []

    def test_view_fraction(self) -> None:
        """CaseProcessing(on_time_rate_department=0.9977) gets a warning on row 3.4.1."""
        appendix = CaseProcessing(on_time_rate_department=D("0.9977")).to_appendix()
        result = validate(appendix, rules=select_rules(FACT_RULES, prefix="facts.percent"))
        assert [(f.path, f.codes, f.severity) for f in result.findings] == [
            ('$["3.4.1"]', ("3.4.1",), Severity.WARNING)
        ]
        assert "99,77%" in result.findings[0].message
