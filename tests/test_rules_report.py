"""Rules about the document: drafts and the integrity of citations and figures in paragraphs."""

from __future__ import annotations

import attrs

from cchc_model import (
    CountFact,
    DocumentDate,
    Header,
    LegalDocumentRef,
    Paragraph,
    ReferenceMatch,
    Report,
    Section,
    Signature,
    select_rules,
    validate,
)
from cchc_model._rules.report import REPORT_RULES

FINAL = Header("X", number=3, symbol="BC-X", date=DocumentDate(2023, 12, 14))
REF = LegalDocumentRef(None, 872, "UBND-VXNV")


def run(report: Report, prefix: str) -> list[tuple[str, str, str]]:
    result = validate(report, rules=select_rules(REPORT_RULES, prefix=prefix))
    return [(f.rule, f.path, f.message) for f in result.findings]


class TestDraft:
    def test_holds(self):
        """A numbered, dated report is not flagged."""
        assert run(Report(FINAL), "report.draft") == []

    def test_fails(self):
        """A draft is reported, saying what is blank."""
        assert run(Report(Header("X", date=DocumentDate(2023, 11))), "report.draft") == [
            ("report.draft", "$.header", "Báo cáo là bản dự thảo: chưa điền số, ngày.")
        ]


class TestIncomplete:
    def test_holds(self):
        """A final report with symbol, place, date and signature is complete."""
        header = attrs.evolve(FINAL, place="Ninh Thuận")
        report = Report(header, signature=Signature("Trần Đức Long"))
        assert run(report, "report.incomplete") == []

    def test_fails(self):
        """A numbered, dated report without place or signature is reported, part by part."""
        assert run(Report(FINAL), "report.incomplete") == [
            ("report.incomplete", "$.header.place",
             "Báo cáo đã có số và ngày (không phải dự thảo) nhưng thiếu địa danh."),
            ("report.incomplete", "$.signature",
             ("Báo cáo đã có số và ngày (không phải dự thảo) nhưng thiếu chữ ký (họ tên người "
             "ký).")),
        ]

    def test_draft_gets_only_the_draft_finding(self):
        """A draft is not held to the completeness of a final report."""
        report = Report(Header("X", date=DocumentDate(2023, 11)))
        assert [r for r, _, _ in run(report, "report.")] == ["report.draft"]


def with_paragraph(paragraph: Paragraph) -> Report:
    return Report(FINAL, sections=(Section("I", "A", (paragraph,)),))


class TestReferenceSpans:
    def test_holds(self):
        """A citation whose span holds its text passes."""
        text = "Thực hiện Công văn số 872/UBND-VXNV"
        match = ReferenceMatch(REF, 10, len(text), "Công văn số 872/UBND-VXNV")
        assert run(with_paragraph(Paragraph(text, references=(match,))), "structure.") == []

    def test_fails(self):
        """A citation whose span does not hold its text is an error at its path."""
        match = ReferenceMatch(REF, 0, 5, "Công văn")
        found = run(with_paragraph(Paragraph("Thực hiện", references=(match,))),
                    "structure.reference")
        assert found == [(
            "structure.reference_span",
            "$.sections[0].paragraphs[0].references[0]",
            "Trích dẫn “Công văn” không nằm ở vị trí 0–5 của đoạn văn.",
        )]


class TestFactTexts:
    def test_holds(self):
        """A figure whose phrase is in the paragraph passes."""
        paragraph = Paragraph("tiếp 36 lượt người", facts=(CountFact(36, "lượt người",
                                                                     text="36 lượt người"),))
        assert run(with_paragraph(paragraph), "structure.fact") == []

    def test_fails(self):
        """A figure whose phrase is not in the paragraph is an error."""
        paragraph = Paragraph("tiếp 36 lượt người", facts=(CountFact(37, "lượt", text="37"),))
        assert run(with_paragraph(paragraph), "structure.fact") == [
            ("structure.fact_text", "$.sections[0].paragraphs[0].facts[0]",
             "Số liệu “37” không có trong đoạn văn.")
        ]
