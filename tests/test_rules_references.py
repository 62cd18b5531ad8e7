"""Tests for the reference rules (refs.*) on the reference report and on small reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_model import (
    DocumentDate,
    DocumentType,
    Finding,
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
from cchc_model._rules.references import (
    _AFTER_NAM,
    _ISSUED,
    _MAYBE_BLANK,
    _NOT_ISSUING,
    _REPORT_ITEM,
    _UNIT_AS_AGENT,
    REFERENCE_RULES,
    _after_nam,
    _blank_year,
    _may_list_a_report,
    _names_year_from,
    _programme_year_of,
    _report_items,
    _says_unit_issued,
)

REPORT_TEXT = (Path(__file__).parent / "data" / "reference_report.txt").read_text(encoding="utf-8")

HEADER = Header("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", symbol="BC-SLĐTBXH",
                date=DocumentDate(2023, 11))


def _paragraph(text: str) -> Paragraph:
    return Paragraph(text, references=tuple(extract_references(text)))


def _report(*texts: str, header: Header = HEADER) -> Report:
    return Report(header, sections=(Section("I", "Mục", tuple(_paragraph(t) for t in texts)),))


def _findings(report: Report) -> list[tuple[str, str]]:
    """Findings of the reference rules; undated first citations (information) aside."""
    return [
        (f.rule, f.path) for f in validate(report, rules=REFERENCE_RULES).findings
        if f.rule != "refs.first_citation_undated"
    ]


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
            "refs.year_mismatch",
            "refs.programme_year",
            "refs.first_citation_undated",
            "refs.report_without_number",
            "refs.number_order",
            "refs.repealed_basis",
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
            # 420/KH-UBND, which the unit says it issued, is one finding: the conflict above
            # names the unit's claim, refs.foreign_symbol does not repeat it.
            ("refs.subject_year_missing", Severity.WARNING,
             "$.sections[0].paragraphs[17].references[1]"),
            # Quyết định 25 of "06/02/2022" adopts the programme of 2023.
            ("refs.programme_year", Severity.WARNING,
             "$.sections[0].paragraphs[41].references[0]"),
            # Kế hoạch 2996/KH-SLĐTBXH is first cited without its date.
            ("refs.first_citation_undated", Severity.INFO,
             "$.sections[0].paragraphs[59].references[1]"),
            # "Báo cáo kết quả rà soát … đang có hiệu lực thi hành" among numbered reports.
            ("refs.report_without_number", Severity.WARNING, "$.sections[0].paragraphs[18]"),
            # Báo cáo 47/BC-SLĐTBXH of 06/01/2023 before Báo cáo 09/BC-SLĐTBXH of 11/01/2023.
            ("refs.number_order", Severity.WARNING,
             "$.sections[0].paragraphs[18].references[0]"),
        ]

    def test_messages(self, reference_report: Report) -> None:
        """Messages name the documents concerned."""
        messages = {f.rule: f.message for f in validate(reference_report, rules=REFERENCE_RULES)
                    .findings}
        assert messages["refs.conflicting_symbols"] == (
            "Văn bản số 420 ngày 28/02/2023 được trích dẫn với ký hiệu 420/KH-UBND, nơi khác "
            "ghi 420/KH-SLĐTBXH ($.sections[0].paragraphs[9].references[2]); báo cáo nêu đơn vị "
            "(SLĐTBXH) đã ban hành văn bản này."
        )
        assert messages["refs.missing_year"] == (
            "Văn bản quy phạm pháp luật 90/TT-BTC thiếu năm ban hành trong số, ký hiệu "
            "(nơi khác ghi 90/2018/TT-BTC)."
        )
        assert messages["refs.subject_year_missing"].endswith("hành chính năm ;”.")
        assert messages["refs.number_order"] == (
            "Văn bản 47/BC-SLĐTBXH ngày 06/01/2023 của đơn vị có số lớn hơn 09/BC-SLĐTBXH nhưng "
            "ngày sớm hơn (11/01/2023)."
        )


class TestConflictingSymbols:
    def test_same_number_and_date(self) -> None:
        """The unit's plan 420 of one day cited as 420/KH-SLĐTBXH and 420/KH-UBND: flagged once."""
        report = _report(
            "Kế hoạch số 420/KH-SLĐTBXH ngày 28/02/2023.",
            "Sở đã ban hành Kế hoạch số 420/KH-UBND ngày 28/02/2023.",
        )
        assert _findings(report) == [
            ("refs.conflicting_symbols", "$.sections[0].paragraphs[1].references[0]")
        ]

    def test_two_issuers_same_number_and_day(self) -> None:
        """A decision 25, a department's công văn 25 and a plan 25 of one day: three documents.

        Each issuer numbers each type of document in its own series.
        """
        report = _report(
            "Quyết định số 25/QĐ-UBND ngày 06/02/2023 của UBND tỉnh.",
            "Công văn số 25/SLĐTBXH-VP ngày 06/02/2023.",
            "Kế hoạch số 25/KH-UBND ngày 06/02/2023 của UBND tỉnh.",
        )
        assert _findings(report) == []

    def test_same_issuer_two_symbols(self) -> None:
        """One issuer's công văn 25 of one day under two drafting units is flagged."""
        report = _report("Công văn số 25/UBND-VX ngày 06/02/2023; "
                         "Công văn số 25/UBND-KT ngày 06/02/2023.")
        assert _findings(report) == [
            ("refs.conflicting_symbols", "$.sections[0].paragraphs[0].references[1]")
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
        [finding] = select_findings(report, "refs.invalid_date")
        assert finding.message == (
            "Văn bản 12/KH-UBND ghi ngày 31/02/2023, ngày này không có trong lịch."
        )


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

    @pytest.mark.parametrize("blank", ["NĂM", "Năm", "nĂm", "năM"])
    def test_blank_year_in_any_case(self, blank: str) -> None:
        """The blank year is found however "năm" is cased."""
        report = _report(f"Kế hoạch số 176/KH-SLĐTBXH ngày 01/02/2023 về xử lý vi phạm {blank} ;"
                         " tiếp")
        assert _findings(report) == [
            ("refs.subject_year_missing", "$.sections[0].paragraphs[0].references[0]")
        ]

    @pytest.mark.parametrize(
        "subject", ["thực hiện năm 2023", "kiểm tra hàng năm", "rà soát mỗi năm"]
    )
    def test_year_given(self, subject: str) -> None:
        """A year, or 'hàng năm' (yearly), is no blank."""
        assert _findings(_report(f"Kế hoạch số 1/KH-SLĐTBXH về {subject}.")) == []


class TestMissingYearSeries:
    def test_two_numbering_series(self) -> None:
        """25/2022/QĐ-UBND and a 25/QĐ-UBND dated 2023 are two documents, not one."""
        report = _report("Quyết định số 25/2022/QĐ-UBND ngày 10/3/2022; "
                         "Quyết định số 25/QĐ-UBND ngày 06/02/2023.")
        assert _findings(report) == []

    def test_two_issuers(self) -> None:
        """The same numbers by two named issuers are two documents."""
        report = _report("Quyết định số 01/2023/QĐ-UBND ngày 05/01/2023 của UBND tỉnh; "
                         "Quyết định số 01/QĐ-UBND ngày 05/01/2023 của UBND huyện.")
        assert _findings(report) == []

    def test_old_decree_without_year(self) -> None:
        """Decrees of before 1997 were numbered without the year (28/CP)."""
        assert _findings(_report("Nghị định số 28/CP ngày 29/4/1995 của Chính phủ.")) == []

    def test_party_documents(self) -> None:
        """A Party document is no VBQPPL: no year expected."""
        assert _findings(_report("Thông tri số 12-TT/TW ngày 05/3/2020.")) == []


class TestSubjectYearWords:
    @pytest.mark.parametrize("subject", ["kiểm tra hằng năm", "kế hoạch 5 năm", "các năm"])
    def test_not_blank(self, subject: str) -> None:
        """"hằng năm" (the official spelling), "5 năm", "các năm" are no blank year."""
        assert _findings(_report(f"Kế hoạch số 1/KH-SLĐTBXH về {subject}; tiếp")) == []


class TestYearMismatch:
    def test_year_in_number_differs_from_date(self) -> None:
        """25/2022/QĐ-UBND dated in 2023 is an error."""
        report = _report("Quyết định số 25/2022/QĐ-UBND ngày 06/02/2023.")
        assert _findings(report) == [
            ("refs.year_mismatch", "$.sections[0].paragraphs[0].references[0]")
        ]


class TestProgrammeYear:
    def test_programme_a_year_early(self) -> None:
        """A 2023 programme decided on 06/02/2022 is flagged; one of 20/12/2022 is not."""
        report = _report(
            "Quyết định số 25/QĐ-UBND ngày 06/02/2022 về việc ban hành Chương trình thực "
            "hành tiết kiệm năm 2023; tiếp.",
            "Kế hoạch số 30/KH-UBND ngày 20/12/2022 về cải cách hành chính năm 2023; tiếp.",
        )
        assert _findings(report) == [
            ("refs.programme_year", "$.sections[0].paragraphs[0].references[0]")
        ]


    @pytest.mark.parametrize("year", ["NĂM 2023", "Năm 2023", "năm 2022 và năm 2023"])
    def test_year_in_any_case(self, year: str) -> None:
        """The programme's year is read however "năm" is cased, after an earlier year."""
        report = _report(
            "Quyết định số 25/QĐ-UBND ngày 06/02/2022 về việc ban hành Chương trình thực "
            f"hành tiết kiệm {year.replace('năm 2022 và ', 'giai đoạn năm 2022 và ')}; tiếp.",
        )
        assert _findings(report) == [
            ("refs.programme_year", "$.sections[0].paragraphs[0].references[0]")
        ]

    @settings(max_examples=300)
    @given(st.lists(st.sampled_from(("năm ", "năm", "NĂM ", "2023", "2022", "202", "20231",
                                     "١٢٣٤", " ", "x", "năm 2024", ",", ";", ".", ")", "\n")),
                    max_size=8).map("".join),
           st.integers(1990, 2030))
    def test_one_search_reads_the_years_and_the_blanks(self, text: str, first: int) -> None:
        """The search after each "năm" finds the years read one by one and the blank test."""
        lowered = text.lower()
        found = _AFTER_NAM.findall(lowered)
        years = [int(year) for year in found if year]
        assert bool(years and max(years) >= first) == _names_year_from(lowered, first)
        assert ("" in found) == (_MAYBE_BLANK.search(lowered) is not None)
        assert _after_nam(text)[0] == found

    @settings(max_examples=300)
    @given(st.lists(st.sampled_from(("năm ", "năm", "NĂM ", "Năm", "nĂm", "NăM", "năM", "2023",
                                     " ", "x", ",", ";", ".", ")", "İ", "\u0306", "N", "Ă",
                                     "M", "ă", "a", "ß", "Σ")), max_size=8).map("".join))
    def test_subjects_in_lower_case_are_searched_unlowered(self, text: str) -> None:
        """A subject is searched as written only when lowering it changes nothing read."""
        found, lowered = _after_nam(text)
        assert found == _AFTER_NAM.findall(text.lower())
        assert lowered in (None, text.lower())

    @settings(max_examples=300)
    @given(st.lists(st.sampled_from(("năm ", "Năm ", "NĂM ", "2021", "2022", "2023", "2024",
                                     "giai đoạn ", "kế hoạch ", "chương trình ", " - ", "x ")),
                    max_size=8).map("".join),
           st.dates(min_value=date(2019, 1, 1), max_value=date(2025, 12, 31)),
           st.sampled_from((DocumentType.PLAN, DocumentType.DECISION, None)))
    def test_only_subjects_naming_a_late_year_are_read(
        self, text: str, issued: date, kind: DocumentType | None
    ) -> None:
        """A programme's year is found only where a year after September next is written."""
        ref = LegalDocumentRef(kind, 1, "KH-UBND", issued_on=issued, subject=text)
        lowered = text.lower()
        if "năm" not in lowered:
            return
        top = max(map(int, filter(None, _AFTER_NAM.findall(lowered))), default=0)
        if not (top > issued.year and issued < date(top - 1, 9, 1)):
            assert _programme_year_of(ref, lowered) is None

    @given(st.lists(st.sampled_from(("năm", "NĂM", "hằng năm", " ", ";", ",", ".", ")", "x",
                                     "2023")), max_size=8).map("".join))
    def test_no_blank_year_without_the_first_test(self, text: str) -> None:
        """A subject failing the cheap test made before _blank_year has no blank year."""
        if _MAYBE_BLANK.search(text.lower()) is None:
            assert not _blank_year(text)

    def test_year_before_the_date(self) -> None:
        """A programme for the year of its date, or an earlier one, is not looked at."""
        report = _report("Kế hoạch số 30/KH-UBND ngày 06/02/2023 về cải cách hành chính "
                         "năm 2023 và năm 2022; tiếp.")
        assert _findings(report) == []


class TestFirstCitationUndated:
    def test_first_citation_without_date(self) -> None:
        """The first citation of a document names its date (information when it does not)."""
        report = _report("Kế hoạch số 5/KH-SLĐTBXH về kiểm tra; "
                         "Kế hoạch số 5/KH-SLĐTBXH ngày 05/01/2023.")
        [finding] = select_findings(report, "refs.first_citation_undated")
        assert finding.severity is Severity.INFO
        assert finding.message == (
            "Lần đầu trích dẫn 05/KH-SLĐTBXH chưa ghi ngày ban hành (lần sau mới ghi ngày "
            "05/01/2023)."
        )


class TestReportWithoutNumber:
    def test_unnumbered_report_in_a_list(self) -> None:
        """A report without number in a list of numbered reports is flagged."""
        report = _report("- Báo cáo số 47/BC-SLĐTBXH ngày 06/01/2023 về thống kê; Báo cáo kết "
                         "quả rà soát văn bản; Báo cáo số 48/BC-SLĐTBXH ngày 07/01/2023.")
        assert _findings(report) == [("refs.report_without_number", "$.sections[0].paragraphs[0]")]

    def test_prose_about_a_report(self) -> None:
        """Prose that mentions reports without a list of numbered ones is fine."""
        assert _findings(_report("Báo cáo kết quả được gửi đúng hạn.")) == []


class TestNumberOrder:
    def test_higher_number_earlier(self) -> None:
        """The unit's report 47 dated before its report 09 of the same year is flagged."""
        report = _report("Báo cáo số 09/BC-SLĐTBXH ngày 11/01/2023; "
                         "Báo cáo số 47/BC-SLĐTBXH ngày 06/01/2023.")
        assert _findings(report) == [
            ("refs.number_order", "$.sections[0].paragraphs[0].references[1]")
        ]

    def test_other_issuers_and_years(self) -> None:
        """Other agencies' numbers, and other years, are not compared."""
        report = _report("Kế hoạch số 09/KH-UBND ngày 11/01/2023; "
                         "Kế hoạch số 47/KH-UBND ngày 06/01/2023; "
                         "Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022; "
                         "Kế hoạch số 02/KH-SLĐTBXH ngày 03/01/2023.")
        assert _findings(report) == []


class TestRepealedBasis:
    def test_repealed_before_the_report(self) -> None:
        """A 2025 report citing Nghị định 61/2018 after 1/7/2025 is warned."""
        header = Header("UBND XÃ A", symbol="BC-UBND", date=DocumentDate(2025, 12, 10))
        report = _report("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.",
                         header=header)
        [finding] = select_findings(report, "refs.repealed_basis")
        assert finding.message == (
            "Báo cáo dẫn 61/2018/NĐ-CP, văn bản đã được thay thế bởi 118/2025/NĐ-CP từ ngày "
            "01/7/2025."
        )

    def test_in_force_or_said_replaced(self) -> None:
        """Before the repeal, or where the report says it was replaced, nothing is found."""
        assert select_findings(
            _report("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018."), "refs.repealed_basis"
        ) == []
        header = Header("UBND XÃ A", symbol="BC-UBND", date=DocumentDate(2025, 12, 10))
        report = _report("Nghị định số 118/2025/NĐ-CP thay thế Nghị định số 61/2018/NĐ-CP.",
                         header=header)
        assert select_findings(report, "refs.repealed_basis") == []


def select_findings(report: Report, rule_id: str) -> list[Finding]:
    """The findings of one reference rule."""
    return [f for f in validate(report, rules=REFERENCE_RULES).findings if f.rule == rule_id]


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


_WORDS = ("Sở", "đã", "Đã", "ĐÃ", "ban", "Ban", "BAN", "hành", "HÀNH", "Hành", "tham mưu",
          "UBND tỉnh", "trình", "đề nghị", "phối hợp", "Giám đốc", " ", "  ", "\t", "\u00a0",
          ".", ";", ":", "\n", "-", "+", "*", ",", "İ", "x", "banban")


def _says_unit_issued_plainly(text: str) -> bool:
    """The reading of "Sở đã ban hành …" before the citation at the end of *text*, searched
    from every position (what _says_unit_issued does with its shortcuts)."""
    before = text[-160:]
    end = max(before.rfind("."), before.rfind(";"), before.rfind(":"), before.rfind("\n"))
    clause = before[end + 1:]
    if clause.rstrip()[-4:].lower() != "hành":
        return False
    issued = _ISSUED.search(clause)
    if issued is None:
        return False
    agent = clause[:issued.start()]
    if _NOT_ISSUING.search(agent):
        return False
    return agent.strip(" -+*") == "" or _UNIT_AS_AGENT.search(agent) is not None


class TestUnitIssued:
    @settings(max_examples=400)
    @given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)
           | st.lists(st.sampled_from(_WORDS), max_size=14).map("".join)
           | st.tuples(
               st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join),
               st.sampled_from(("", "Sở ", "Sở Nội vụ ", "tham mưu ", "- ", "* ", "İ ")),
               st.sampled_from(("", "đã ", "Đã  ", "đã\t", "ĐÃ ")),
               st.sampled_from(("ban hành", "Ban  hành", "BAN HÀNH", "ban\u00a0hành", "ban")),
               st.sampled_from(("", " ", "  ", ":", ".")),
           ).map("".join))
    def test_shortcuts_read_as_the_patterns(self, before: str) -> None:
        """Whether the unit says it issued a citation is what the patterns alone say."""
        ref = LegalDocumentRef(DocumentType.PLAN, 12, "KH-UBND")
        cited = "Kế hoạch số 12/KH-UBND"
        paragraph = Paragraph(before + cited, references=(
            ReferenceMatch(ref, len(before), len(before) + len(cited), cited),
        ))
        assert _says_unit_issued(paragraph, paragraph.references[0]) == (
            _says_unit_issued_plainly(before)
        )


class TestReportItems:
    @given(st.lists(st.sampled_from(("Báo cáo", " ", "  ", "số", "sốa", "kết quả", "Kết", "; ",
                                     ":", "\n", "- ", "47/BC-STP", "_", "1", "Ư", "x")),
                    max_size=10).map("".join))
    def test_only_paragraphs_the_pattern_can_match_are_skipped(self, text: str) -> None:
        """A paragraph skipped before the search has no report item the pattern reads."""
        if not _may_list_a_report(text):
            assert _REPORT_ITEM.search(text) is None

    @settings(max_examples=400)
    @given(st.lists(st.sampled_from(("Báo cáo", "Báo cáo kết quả", " ", "  ", "\t", "số",
                                     "sốa", "kết", "; ", ";", ":", "\n", "\n ", "- ", "-",
                                     "+", "•", "*", "x", "Ư", "1", "47/BC-STP")),
                    max_size=12).map("".join))
    def test_items_found_from_each_report_are_the_pattern_s(self, text: str) -> None:
        """Report items found from each "Báo cáo" are those the pattern finds, in order."""
        assert list(_report_items(text)) == [m.start(1) for m in _REPORT_ITEM.finditer(text)]
