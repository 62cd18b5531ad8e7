"""Rules about the document as a whole: drafts, and the integrity of what paragraphs state."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_model._rules.engine import Finding, Rule, Severity, Subject

__all__ = ["REPORT_RULES"]


def _draft(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is None or not report.is_draft:
        return
    missing = []
    if report.header.number is None:
        missing.append("số")
    if report.header.date is None or not report.header.date.is_complete:
        missing.append("ngày")
    yield rule.finding("$.header", missing=", ".join(missing))


def _incomplete(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is None or report.is_draft:
        return
    header = report.header
    if not header.symbol.strip():
        yield rule.finding("$.header.symbol", part="ký hiệu", part_en="symbol")
    if not header.place.strip():
        yield rule.finding("$.header.place", part="địa danh", part_en="place of issue")
    if report.signature is None or not report.signature.signer.strip():
        yield rule.finding("$.signature", part="chữ ký (họ tên người ký)",
                           part_en="signature (the signer's name)")


def _reference_spans(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation in subject.index.citations:
        match = citation.match
        if citation.paragraph.text[match.start:match.end] != match.text:
            yield rule.finding(
                citation.path, text=match.text, start=match.start, end=match.end
            )


def _fact_texts(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, paragraph in subject.index.paragraphs:
        facts = paragraph.facts
        if not facts:
            continue  # most paragraphs state no figure
        for i, fact in enumerate(facts):
            if fact.text and fact.text not in paragraph.text:
                yield rule.finding(f"{path}.facts[{i}]", text=fact.text)


REPORT_RULES: tuple[Rule, ...] = (
    Rule(
        "report.draft",
        Severity.INFO,
        "Báo cáo là bản dự thảo: chưa điền {missing}.",
        check=_draft,
        message_en="The report is a draft: its {missing} is blank.",
        basis="Nghị định 30/2020/NĐ-CP, Phụ lục I (số, ký hiệu; địa danh và thời gian)",
        description="Flags a report whose number or date of issue is left blank.",
    ),
    Rule(
        "report.incomplete",
        Severity.ERROR,
        "Báo cáo đã có số và ngày (không phải dự thảo) nhưng thiếu {part}.",
        check=_incomplete,
        message_en="The report has its number and date (it is not a draft) but lacks its "
        "{part_en}.",
        basis="Nghị định 30/2020/NĐ-CP, Điều 8 và Phụ lục I (thể thức văn bản: số, ký hiệu; "
        "địa danh, thời gian; chữ ký)",
        description="A final report bears its number and symbol, place and full date, and a "
        "signature; a draft (number or day blank) gets only ``report.draft``.",
    ),
    Rule(
        "structure.reference_span",
        Severity.ERROR,
        "Trích dẫn “{text}” không nằm ở vị trí {start}–{end} của đoạn văn.",
        check=_reference_spans,
        message_en="Citation “{text}” is not at {start}–{end} of its paragraph.",
        description="A citation's recorded span must hold the citation's text.",
    ),
    Rule(
        "structure.fact_text",
        Severity.ERROR,
        "Số liệu “{text}” không có trong đoạn văn.",
        check=_fact_texts,
        message_en="Figure “{text}” does not occur in its paragraph.",
        description="A figure's recorded phrase must occur in its paragraph.",
    ),
)
