"""The rules comparing prose figures with the appendix."""

from __future__ import annotations

from cchc_model import (
    CountFact,
    Header,
    Paragraph,
    Report,
    Section,
    TotalFact,
    catalogue_2023,
    validate,
)
from cchc_model._rules.prose import PROSE_RULES

APPENDIX = catalogue_2023().build({"3.1.3": 138, "3.1.3.a": 103, "3.1.3.b": 19, "3.1.3.c": 16})


def run(*facts: CountFact | TotalFact) -> list[tuple[str, str, tuple[str, ...]]]:
    paragraph = Paragraph("…", facts=facts)
    report = Report(Header("X"), sections=(Section("II", "A", (paragraph,)),), appendix=APPENDIX)
    return [(f.path, f.message, f.codes)
            for f in validate(report, rules=PROSE_RULES).findings]


class TestTthcByLevel:
    def test_holds(self) -> None:
        """"cấp tỉnh là 103; cấp huyện: 19; cấp xã: 16" as in the appendix."""
        assert run(CountFact(103, "TTHC", "cấp tỉnh"), CountFact(19, "TTHC", "cấp huyện"),
                   CountFact(16, "thủ tục", "cấp xã")) == []

    def test_fails(self) -> None:
        """A level count in prose that differs from 3.1.3.a–c."""
        assert run(CountFact(104, "TTHC", "cấp tỉnh")) == [(
            "$.sections[0].paragraphs[0].facts[0]",
            "Báo cáo nêu số TTHC cấp tỉnh là 104, phụ lục ghi 103 (3.1.3.a).",
            ("3.1.3.a",),
        )]

    def test_other_counts_are_not_compared(self) -> None:
        """A count of case files at provincial level is not a count of procedures."""
        assert run(CountFact(500, "hồ sơ", "cấp tỉnh")) == []

    def test_some_procedures_of_a_level_are_not_all(self) -> None:
        """"Rà soát 12 thủ tục hành chính cấp huyện" counts the procedures reviewed, not 3.1.3.b."""
        reviewed = Paragraph.of("Rà soát 12 thủ tục hành chính cấp huyện.").facts
        assert [f.label for f in reviewed] == ["cấp huyện"]
        assert run(*reviewed) == []

    def test_level_stated_from_the_text(self) -> None:
        """The same level count read from prose is compared: "cấp huyện: 20" is not 19."""
        stated = Paragraph.of("Số TTHC thuộc thẩm quyền: cấp tỉnh là 103; cấp huyện: 20.").facts
        assert [(p, c) for p, _, c in run(*stated)] == [
            ("$.sections[0].paragraphs[0].facts[1]", ("3.1.3.b",)),
        ]

    def test_counts_of_a_total(self) -> None:
        """A total's own count and its parts are compared, each at its own path."""
        total = TotalFact(CountFact(104, "TTHC", "cấp tỉnh"),
                          (CountFact(90, "TTHC", "khác"), CountFact(20, "TTHC", "cấp huyện")))
        assert [(p, c) for p, _, c in run(total)] == [
            ("$.sections[0].paragraphs[0].facts[0].total", ("3.1.3.a",)),
            ("$.sections[0].paragraphs[0].facts[0].parts[1]", ("3.1.3.b",)),
        ]
