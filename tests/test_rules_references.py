"""Tests for the reference rules (refs.*) on the reference report and on small reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cchc_model import (
    DocumentDate,
    DocumentType,
    Header,
    LegalDocumentRef,
    Paragraph,
    ReferenceMatch,
    Report,
    Section,
    Severity,
    extract_references,
    select_rules,
    validate,
)
from cchc_model._rules.default import default_rules
from cchc_model._rules.references import REFERENCE_RULES

REPORT_TEXT = (Path(__file__).parent / "data" / "reference_report.txt").read_text(encoding="utf-8")

HEADER = Header("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", symbol="BC-SLĐTBXH",
                date=DocumentDate(2023, 11))


def _paragraph(text: str) -> Paragraph:
    return Paragraph(text, references=tuple(extract_references(text)))


def _report(*texts: str, header: Header = HEADER) -> Report:
    return Report(header, sections=(Section("I", "Mục", tuple(_paragraph(t) for t in texts)),))


def _findings(report: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in validate(report, rules=REFERENCE_RULES).findings]


@pytest.fixture(scope="module")
def reference_report() -> Report:
    """The reference report's prose, one paragraph per block of text."""
    blocks = [block for block in REPORT_TEXT.split("\n\n") if block.strip()]
    return _report(*blocks)


class TestRuleSet:
    def test_in_default_rules(self) -> None:
        """Every reference rule is in the default rule set."""
        ids = {rule.id for rule in default_rules()}
        assert {rule.id for rule in REFERENCE_RULES} <= ids

    def test_ids_and_messages(self) -> None:
        """Stable ids under refs., a Vietnamese and an English message, a description."""
        assert [rule.id for rule in REFERENCE_RULES] == [
            "refs.conflicting_symbols",
            "refs.missing_year",
            "refs.malformed_symbol",
            "refs.type_mismatch",
            "refs.invalid_date",
            "refs.dated_after_report",
            "refs.foreign_symbol",
            "refs.subject_year_missing",
        ]
        for rule in REFERENCE_RULES:
            assert rule.message
            assert rule.message_en
            assert rule.description
        assert len(select_rules(default_rules(), prefix="refs.")) == len(REFERENCE_RULES)


class TestReferenceReport:
    def test_findings(self, reference_report: Report) -> None:
        """The citation problems of DESIGN §1 are findings, each at its citation's path."""
        findings = validate(reference_report, rules=REFERENCE_RULES).findings
        got = [(f.rule, f.severity, f.path) for f in findings]
        assert got == [
            ("refs.conflicting_symbols", Severity.ERROR,
             "$.sections[0].paragraphs[14].references[0]"),
            ("refs.missing_year", Severity.ERROR, "$.sections[0].paragraphs[85].references[2]"),
            ("refs.malformed_symbol", Severity.WARNING,
             "$.sections[0].paragraphs[41].references[0]"),
            ("refs.malformed_symbol", Severity.WARNING,
             "$.sections[0].paragraphs[44].references[2]"),
            ("refs.malformed_symbol", Severity.WARNING,
             "$.sections[0].paragraphs[47].references[0]"),
            ("refs.foreign_symbol", Severity.WARNING,
             "$.sections[0].paragraphs[14].references[0]"),
            ("refs.subject_year_missing", Severity.WARNING,
             "$.sections[0].paragraphs[17].references[1]"),
        ]

    def test_messages(self, reference_report: Report) -> None:
        """Messages name the documents concerned."""
        messages = {f.rule: f.message for f in validate(reference_report, rules=REFERENCE_RULES)
                    .findings}
        assert messages["refs.conflicting_symbols"] == (
            "Văn bản số 420 ngày 28/02/2023 được trích dẫn với ký hiệu 420/KH-UBND, nơi khác "
            "ghi 420/KH-SLĐTBXH ($.sections[0].paragraphs[9].references[2])."
        )
        assert messages["refs.missing_year"] == (
            "Văn bản quy phạm pháp luật 90/TT-BTC thiếu năm ban hành trong số, ký hiệu "
            "(nơi khác ghi 90/2018/TT-BTC)."
        )
        assert messages["refs.foreign_symbol"] == (
            "Báo cáo nói đơn vị (SLĐTBXH) đã ban hành 420/KH-UBND, nhưng ký hiệu là của UBND."
        )
        assert messages["refs.subject_year_missing"].endswith("hành chính năm ;'.")


class TestConflictingSymbols:
    def test_same_number_and_date(self) -> None:
        """420/KH-SLĐTBXH and 420/KH-UBND of the same day: the second is flagged."""
        report = _report(
            "Kế hoạch số 420/KH-SLĐTBXH ngày 28/02/2023.",
            "Kế hoạch số 420/KH-UBND ngày 28/02/2023.",
        )
        assert _findings(report) == [
            ("refs.conflicting_symbols", "$.sections[0].paragraphs[1].references[0]")
        ]

    def test_different_dates_are_different_documents(self) -> None:
        """Same number on different days is no conflict."""
        report = _report("Kế hoạch số 420/KH-SLĐTBXH ngày 28/02/2023; "
                         "Kế hoạch số 420/KH-UBND ngày 01/3/2023.")
        assert _findings(report) == []


class TestMissingYear:
    def test_circular_without_year(self) -> None:
        """A Thông tư is always a VBQPPL: its number needs the year."""
        report = _report("Thông tư số 90/TT-BTC ngày 28/9/2018.")
        [finding] = validate(report, rules=REFERENCE_RULES).findings
        assert finding.rule == "refs.missing_year"
        assert finding.message == (
            "Văn bản quy phạm pháp luật 90/TT-BTC thiếu năm ban hành trong số, ký hiệu."
        )

    def test_decision_only_beside_its_yeared_form(self) -> None:
        """A Quyết định may be administrative; flagged only beside the form with a year."""
        assert _findings(_report("Quyết định số 01/QĐ-UBND.")) == []
        report = _report("Quyết định số 01/2023/QĐ-UBND; Quyết định số 01/QĐ-UBND.")
        assert _findings(report) == [
            ("refs.missing_year", "$.sections[0].paragraphs[0].references[1]")
        ]


class TestMalformedSymbol:
    @pytest.mark.parametrize(
        "text", ["Quyết định số 25/QĐ-SLĐT BXH.", "Quyết định số 25/Q\u00d0-SLĐTBXH."]
    )
    def test_noisy_symbol(self, text: str) -> None:
        """A stray space or Ð for Đ in a symbol is a warning."""
        assert _findings(_report(text)) == [
            ("refs.malformed_symbol", "$.sections[0].paragraphs[0].references[0]")
        ]


class TestTypeMismatch:
    def test_type_word_and_symbol_differ(self) -> None:
        """Công văn with a KH symbol is flagged."""
        assert _findings(_report("Công văn số 12/KH-UBND.")) == [
            ("refs.type_mismatch", "$.sections[0].paragraphs[0].references[0]")
        ]


class TestInvalidDate:
    def test_impossible_date(self) -> None:
        """A cited date that does not exist is an error."""
        report = _report("Kế hoạch số 12/KH-UBND ngày 31/02/2023.")
        [finding] = validate(report, rules=REFERENCE_RULES).findings
        assert finding.rule == "refs.invalid_date"
        assert finding.message == "Văn bản 12/KH-UBND ghi ngày không tồn tại '31/02/2023'."


class TestDatedAfterReport:
    def test_after_a_complete_date(self) -> None:
        """A document dated after the report's date is an error."""
        header = Header("SỞ", symbol="BC-SLĐTBXH", date=DocumentDate(2023, 11, 20))
        report = _report("Kế hoạch số 12/KH-SLĐTBXH ngày 21/11/2023.", header=header)
        assert _findings(report) == [
            ("refs.dated_after_report", "$.sections[0].paragraphs[0].references[0]")
        ]

    def test_draft_blank_day_counts_as_month_end(self) -> None:
        """In a draft dated 'tháng 11 năm 2023', 30/11 is still fine; 01/12 is not."""
        report = _report("Kế hoạch số 12/KH-SLĐTBXH ngày 30/11/2023; "
                         "Kế hoạch số 13/KH-SLĐTBXH ngày 01/12/2023.")
        assert _findings(report) == [
            ("refs.dated_after_report", "$.sections[0].paragraphs[0].references[1]")
        ]

    def test_no_report_date(self) -> None:
        """Without a report date, nothing to compare."""
        report = _report("Kế hoạch số 12/KH-SLĐTBXH ngày 01/12/2099.",
                         header=Header("SỞ", symbol="BC-SLĐTBXH"))
        assert _findings(report) == []


class TestForeignSymbol:
    @pytest.mark.parametrize(
        "text",
        [
            "Thực hiện theo chỉ đạo UBND tỉnh, Sở đã ban hành Kế hoạch số 420/KH-UBND.",
            "- Ban hành Quyết định số 01/QĐ-UBND về quy chế.",
            "Đã ban hành Kế hoạch số 5/KH-UBND.",
            "Sở Lao động - Thương binh và Xã hội ban hành Kế hoạch số 5/KH-UBND.",
        ],
    )
    def test_unit_says_it_issued(self, text: str) -> None:
        """The unit says it issued a document that carries another agency's symbol."""
        assert _findings(_report(text)) == [
            ("refs.foreign_symbol", "$.sections[0].paragraphs[0].references[0]")
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Sở đã ban hành Kế hoạch số 420/KH-SLĐTBXH.",
            "Tham mưu UBND tỉnh ban hành Quyết định số 53/QĐ-UBND.",
            "Sở đã tham mưu ban hành Quyết định số 53/QĐ-UBND.",
            "Sở đã ban hành kế hoạch theo Kế hoạch số 962/KH-UBND.",
            "Thực hiện Công văn số 872/UBND-VXNV.",
        ],
    )
    def test_not_flagged(self, text: str) -> None:
        """The unit's own documents, and documents it advised others to issue, are fine."""
        assert _findings(_report(text)) == []


class TestSubjectYear:
    def test_blank_year(self) -> None:
        """'năm ;' in a subject is a warning."""
        report = _report("Kế hoạch số 176/KH-SLĐTBXH ngày 01/02/2023 về xử lý vi phạm năm ; "
                         "tiếp")
        assert _findings(report) == [
            ("refs.subject_year_missing", "$.sections[0].paragraphs[0].references[0]")
        ]

    @pytest.mark.parametrize(
        "subject", ["thực hiện năm 2023", "kiểm tra hàng năm", "rà soát mỗi năm"]
    )
    def test_year_given(self, subject: str) -> None:
        """A year, or 'hàng năm' (yearly), is no blank."""
        assert _findings(_report(f"Kế hoạch số 1/KH-SLĐTBXH về {subject}.")) == []


class TestRobustness:
    def test_appendix_only(self) -> None:
        """Reference rules find nothing in a report without citations."""
        assert _findings(Report(HEADER)) == []

    def test_hand_made_references(self) -> None:
        """References built by hand (not extracted) are checked the same way."""
        ref = LegalDocumentRef(DocumentType.CIRCULAR, 90, "TT-BTC", issued_on=date(2018, 9, 28))
        text = "Thông tư số 90/TT-BTC"
        paragraph = Paragraph(text, references=(ReferenceMatch(ref, 0, len(text), text),))
        report = Report(HEADER, sections=(Section("I", "Mục", (paragraph,)),))
        assert _findings(report) == [
            ("refs.missing_year", "$.sections[0].paragraphs[0].references[0]")
        ]
