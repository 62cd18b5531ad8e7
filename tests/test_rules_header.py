"""Header rules: period against title and date, an empty title, the signature, mixed units."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from cchc_model import (
    CountFact,
    DocumentDate,
    Header,
    Paragraph,
    Report,
    ReportingPeriod,
    Section,
    Severity,
    Signature,
    SigningAuthority,
    TotalFact,
    default_rules,
    select_rules,
    validate,
)
from cchc_model._base.periods import period_in_text
from cchc_model._rules.header import HEADER_RULES
from cchc_model.examples import reference_report


def header(**changes: object) -> Header:
    base = Header(
        "SỞ Y TẾ", parent_agency="UBND TỈNH KHÁNH HÒA", number=412, symbol="BC-SYT",
        place="Khánh Hòa", date=date(2025, 9, 18), title="BÁO CÁO",
        subtitle="Kết quả thực hiện công tác cải cách hành chính quý III năm 2025",
        period=ReportingPeriod.quarter(2025, "III"),
    )
    return attrs.evolve(base, **changes)


def found(rule: str, report: Report) -> list[tuple[str, str, Severity]]:
    rules = select_rules(HEADER_RULES, prefix=rule)
    return [(f.path, f.message, f.severity) for f in validate(report, rules=rules).findings]


def test_registered() -> None:
    """Every header rule is in the default rule set, with an English message."""
    ids = [rule.id for rule in default_rules()]
    for rule in HEADER_RULES:
        assert rule.id in ids
        assert rule.message_en


def test_reference_report_passes() -> None:
    """The reference report breaks none of the header rules."""
    assert validate(reference_report(), rules=HEADER_RULES).findings == ()


def test_consistent_header_passes() -> None:
    """A quarter-III report dated 18/9 with its subtitle naming quarter III passes."""
    assert validate(Report(header()), rules=HEADER_RULES).findings == ()


class TestPeriodInText:
    @pytest.mark.parametrize(("text", "label"), [
        ("quý III năm 2025", "quý III năm 2025"),
        ("Quý 2 năm 2024", "quý II năm 2024"),
        ("9 tháng đầu năm 2025", "9 tháng năm 2025"),
        ("06 tháng đầu năm 2024", "6 tháng đầu năm 2024"),
        ("năm 2023 và phương hướng năm 2024", "năm 2023"),
    ])
    def test_read(self, text: str, label: str) -> None:
        """The first period a title names is read."""
        period = period_in_text(text)
        assert period is not None
        assert period.label == label

    def test_none(self) -> None:
        """A title naming no period gives None."""
        assert period_in_text("BÁO CÁO") is None


class TestPeriodTitle:
    def test_mismatch(self) -> None:
        """A half-year period under a subtitle naming quarter III is an error."""
        report = Report(header(period=ReportingPeriod.half_year(2024)))
        assert found("header.period_title", report) == [(
            "$.header.subtitle",
            "Tiêu đề ghi kỳ “quý III năm 2025” nhưng kỳ báo cáo là “6 tháng đầu năm 2024”.",
            Severity.ERROR,
        )]


class TestDatePeriod:
    def test_long_after(self) -> None:
        """A 2024 half-year report dated 18/9/2025 is flagged."""
        report = Report(header(period=ReportingPeriod.half_year(2024), subtitle=""))
        assert found("header.date_period", report) == [(
            "$.header.date",
            ("Ngày ban hành 18/9/2025 quá xa sau hạn báo cáo (20/6/2024) của kỳ "
            "“6 tháng đầu năm 2024”."),
            Severity.WARNING,
        )]

    def test_before_start(self) -> None:
        """A report dated before its period's data start is flagged."""
        report = Report(header(date=date(2025, 5, 2)))
        [(path, message, _)] = found("header.date_period", report)
        assert path == "$.header.date"
        assert "trước khi kỳ số liệu bắt đầu (15/6/2025)" in message

    def test_draft_month(self) -> None:
        """A draft dated by month only is judged by its month; no date, no finding."""
        assert found("header.date_period", Report(header(date=DocumentDate(2025, 9)))) == []
        assert found("header.date_period", Report(header(date=None))) == []
        [(_, message, _)] = found("header.date_period", Report(header(date=DocumentDate(2025, 5))))
        assert message.startswith("Ngày ban hành 5/2025 trước khi kỳ số liệu bắt đầu")


class TestEmptyTitle:
    @pytest.mark.parametrize("title", ["", "   "])
    def test_empty(self, title: str) -> None:
        """An empty title is a warning."""
        assert found("header.empty_title", Report(header(title=title))) == [(
            "$.header.title", "Báo cáo không có tên loại văn bản (tiêu đề trống).",
            Severity.WARNING,
        )]


class TestSignature:
    def sign(self, *titles: str, authority: SigningAuthority | None) -> Report:
        return Report(header(), signature=Signature("Nguyễn Văn A", titles, authority))

    @pytest.mark.parametrize(("titles", "authority"), [
        (("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), SigningAuthority.DEPUTY),
        (("GIÁM ĐỐC",), None),
        (("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), SigningAuthority.ON_BEHALF),
        (("GIÁM ĐỐC",), SigningAuthority.ACTING),
        (("GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), SigningAuthority.BY_ORDER),
    ])
    def test_holds(self, titles: tuple[str, ...], authority: SigningAuthority | None) -> None:
        """Authorities that fit their titles pass."""
        assert found("signature.authority", self.sign(*titles, authority=authority)) == []

    def test_deputy_for_deputy(self) -> None:
        """KT. PHÓ GIÁM ĐỐC (a deputy signing for a deputy) is an error."""
        report = self.sign("PHÓ GIÁM ĐỐC", authority=SigningAuthority.DEPUTY)
        [(path, message, severity)] = found("signature.authority", report)
        assert (path, severity) == ("$.signature", Severity.ERROR)
        assert "“KT. PHÓ GIÁM ĐỐC”" in message
        assert "“KT. GIÁM ĐỐC”" in message

    def test_deputy_without_deputy_title(self) -> None:
        """KT. with no deputy's title under the head's is an error."""
        report = self.sign("GIÁM ĐỐC", authority=SigningAuthority.DEPUTY)
        assert len(found("signature.authority", report)) == 1

    @pytest.mark.parametrize(("titles", "authority"), [
        (("PHÓ GIÁM ĐỐC",), SigningAuthority.ACTING),
        (("GIÁM ĐỐC",), SigningAuthority.ON_BEHALF),
        (("PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), SigningAuthority.BY_ORDER),
    ])
    def test_fails(self, titles: tuple[str, ...], authority: SigningAuthority) -> None:
        """Authorities that do not fit their titles are errors."""
        assert [s for *_, s in found("signature.authority",
                                     self.sign(*titles, authority=authority))] == [
            Severity.ERROR
        ]

    def test_deputy_without_kt(self) -> None:
        """A deputy signing with no authority is a warning."""
        report = self.sign("PHÓ GIÁM ĐỐC", authority=None)
        assert [s for *_, s in found("signature.authority", report)] == [Severity.WARNING]


class TestMixedUnits:
    def report(self, *units: str) -> Report:
        total, *parts = (CountFact(10, unit) for unit in units)
        fact = TotalFact(total, parts, complete=False)
        return Report(header(), sections=[Section("I", "A", [Paragraph("x", facts=[fact])])])

    def test_mixed(self) -> None:
        """Procedures and case files in one total are an error."""
        assert found("facts.mixed_units", self.report("thủ tục", "hồ sơ")) == [(
            "$.sections[0].paragraphs[0].facts[0]",
            "Tổng và các phần tính bằng những đơn vị khác loại: “thủ tục”, “hồ sơ”.",
            Severity.ERROR,
        )]

    @pytest.mark.parametrize("units", [
        ("hồ sơ", "hồ sơ", "Hồ sơ"), ("thủ tục", "TTHC"), ("đơn thư", "đơn", "phản ánh"),
    ])
    def test_same_kind(self, units: tuple[str, ...]) -> None:
        """One kind of unit, or units the registry does not know, pass."""
        assert found("facts.mixed_units", self.report(*units)) == []
