"""Rules about the legal documents a report cites.

They read the structured citations of each paragraph (``Paragraph.references``) and report
at the citation's path, ``$.sections[0].subsections[0].paragraphs[0].references[3]``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from cchc_model._base.dates import format_date
from cchc_model._model.report import Paragraph, Report
from cchc_model._rules.engine import Finding, Rule, Severity, Subject
from cchc_model._values.references import (
    WARN_BAD_DATE,
    WARN_ETH,
    WARN_SYMBOL_SPACE,
    WARN_TYPE_MISMATCH,
    DocumentType,
    LegalDocumentRef,
    ReferenceMatch,
)

__all__ = ["REFERENCE_RULES"]

_ND30 = "Nghị định 30/2020/NĐ-CP, Phụ lục I (số, ký hiệu của văn bản)"
_VBQPPL = "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 10 (số, ký hiệu VBQPPL)"


def _citations(report: Report) -> Iterator[tuple[str, Paragraph, ReferenceMatch]]:
    for path, paragraph in report.paragraphs():
        for i, match in enumerate(paragraph.references):
            yield f"{path}.references[{i}]", paragraph, match


def _conflicting_symbols(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    first: dict[tuple[int, date], tuple[str, LegalDocumentRef]] = {}
    for path, _, match in _citations(subject.report):
        ref = match.ref
        if ref.issued_on is None:
            continue
        key = (ref.number, ref.issued_on)
        if key not in first:
            first[key] = (path, ref)
            continue
        first_path, first_ref = first[key]
        # 90/TT-BTC beside 90/2018/TT-BTC is the same symbol without its year: another rule.
        if ref.symbol != first_ref.symbol:
            yield rule.finding(
                path,
                number=f"{ref.number:02d}",
                day=format_date(ref.issued_on),
                symbol=ref.number_symbol,
                other=first_ref.number_symbol,
                other_path=first_path,
            )


def _missing_year(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    citations = list(_citations(subject.report))
    with_year = {
        (m.ref.number, m.ref.symbol): m.ref for _, _, m in citations if m.ref.year is not None
    }
    for path, _, match in citations:
        ref = match.ref
        if ref.year is not None or "/" in ref.symbol:
            continue
        other = with_year.get((ref.number, ref.symbol))
        if other is None and ref.doc_type not in _ALWAYS_WITH_YEAR:
            continue
        hint = f" (nơi khác ghi {other.number_symbol})" if other is not None else ""
        hint_en = f" (cited elsewhere as {other.number_symbol})" if other is not None else ""
        yield rule.finding(path, symbol=ref.number_symbol, hint=hint, hint_en=hint_en)


_ALWAYS_WITH_YEAR = frozenset(
    {
        DocumentType.LAW,
        DocumentType.CODE,
        DocumentType.ORDINANCE,
        DocumentType.DECREE,
        DocumentType.CIRCULAR,
        DocumentType.JOINT_CIRCULAR,
        DocumentType.JOINT_RESOLUTION,
    }
)


def _malformed_symbol(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, _, match in _citations(subject.report):
        for warning in match.ref.warnings:
            if warning.startswith(WARN_SYMBOL_SPACE):
                written = warning.partition(": ")[2]
            elif warning.startswith(WARN_ETH):
                written = repr(match.text[:80])
            else:
                continue
            yield rule.finding(path, written=written, symbol=match.ref.number_symbol)


def _type_mismatch(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, _, match in _citations(subject.report):
        ref = match.ref
        if any(w.startswith(WARN_TYPE_MISMATCH) for w in ref.warnings):
            written = "Công văn" if ref.doc_type is None else ref.doc_type.label
            named = ref.symbol_type.label if ref.symbol_type is not None else "?"
            yield rule.finding(path, symbol=ref.number_symbol, written=written, named=named)


def _invalid_date(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, _, match in _citations(subject.report):
        for warning in match.ref.warnings:
            if warning.startswith(WARN_BAD_DATE):
                day = warning.partition(": ")[2]
                yield rule.finding(path, symbol=match.ref.number_symbol, day=day)


def _latest_report_day(report: Report) -> date | None:
    """The last day the report can bear: a draft's blank day or month count as their end."""
    when = report.header.date
    if when is None:
        return None
    if when.month is None:
        return date(when.year, 12, 31)
    if when.day is None:
        return date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    return date(when.year, when.month, when.day)


def _dated_after_report(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    latest = _latest_report_day(subject.report)
    if latest is None:
        return
    for path, _, match in _citations(subject.report):
        ref = match.ref
        if ref.issued_on is not None and ref.issued_on > latest:
            yield rule.finding(
                path,
                symbol=ref.number_symbol,
                day=format_date(ref.issued_on),
                report_day=format_date(latest),
            )


# "… Sở đã ban hành Kế hoạch …", "- Ban hành Quyết định …", "Đã ban hành …": the reporting
# unit is the one issuing. "tham mưu UBND tỉnh ban hành" (advised the province to issue) is not.
_ISSUED = re.compile(r"(?:^|(?<=[\s*+\-]))(?:đã\s+)?ban\s+hành\s*$", re.IGNORECASE)
_UNIT_AS_AGENT = re.compile(r"(?:^|\W)Sở(?:\s+[^\s,.;:]+){0,8}\s*,?\s*$")
_NOT_ISSUING = re.compile(r"tham\s+mưu|trình|đề\s+nghị|phối\s+hợp", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:\n]")


def _unit_codes(report: Report) -> tuple[str, ...]:
    symbol = report.header.symbol
    parts = [p for p in symbol.split("-") if p]
    if not parts:
        return ()
    if parts[0] in {t.abbreviation for t in DocumentType} and len(parts) > 1:
        parts = parts[1:]
    return (parts[0],)


def _says_unit_issued(paragraph: Paragraph, match: ReferenceMatch) -> bool:
    before = paragraph.text[max(0, match.start - 160):match.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    issued = _ISSUED.search(clause)
    if issued is None:
        return False
    agent = clause[:issued.start()]
    if _NOT_ISSUING.search(agent):
        return False
    return agent.strip(" -+*") == "" or _UNIT_AS_AGENT.search(agent) is not None


def _foreign_symbol(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    codes = _unit_codes(subject.report)
    if not codes:
        return
    for path, paragraph, match in _citations(subject.report):
        ref = match.ref
        if not ref.issuer_codes or set(codes) & set(ref.issuer_codes):
            continue
        if _says_unit_issued(paragraph, match):
            yield rule.finding(path, symbol=ref.number_symbol, unit=codes[0],
                               issuer=ref.issuer_code)


_BLANK_YEAR = re.compile(r"(?<!hàng )(?<!mỗi )(?<!\w)năm(?=\s*(?:[,;.)]|$))", re.IGNORECASE)


def _subject_year(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, paragraph, match in _citations(subject.report):
        ref = match.ref
        if ref.subject and _BLANK_YEAR.search(ref.subject):
            # Show the words after the citation too: the blank is visible only there ("năm ;").
            shown = paragraph.text[match.start:match.end + 2].strip()
            yield rule.finding(path, symbol=ref.number_symbol, text=shown)


REFERENCE_RULES: tuple[Rule, ...] = (
    Rule(
        "refs.conflicting_symbols",
        Severity.ERROR,
        "Văn bản số {number} ngày {day} được trích dẫn với ký hiệu {symbol}, "
        "nơi khác ghi {other} ({other_path}).",
        check=_conflicting_symbols,
        message_en="Document no. {number} of {day} is cited as {symbol}, elsewhere as {other} "
        "({other_path}).",
        basis=_ND30,
        description="One number and date cited under two different symbols: one of them is "
        "wrong (number and symbol are unique for an agency within a year).",
    ),
    Rule(
        "refs.missing_year",
        Severity.ERROR,
        "Văn bản quy phạm pháp luật {symbol} thiếu năm ban hành trong số, ký hiệu{hint}.",
        check=_missing_year,
        message_en="Legal normative document {symbol} lacks its year in its number and "
        "symbol{hint_en}.",
        basis=_VBQPPL,
        description="A decree, circular, law … cited without the year of its number "
        "(90/TT-BTC for 90/2018/TT-BTC), or any document cited both with and without it.",
    ),
    Rule(
        "refs.malformed_symbol",
        Severity.WARNING,
        "Ký hiệu văn bản viết không đúng: {written} (đọc là {symbol}).",
        check=_malformed_symbol,
        message_en="Malformed document symbol: {written} (read as {symbol}).",
        basis=_ND30,
        description="A symbol with a stray space (SLĐT BXH) or a look-alike letter (Ð for Đ).",
    ),
    Rule(
        "refs.type_mismatch",
        Severity.WARNING,
        "Văn bản {symbol} được ghi là {written} nhưng ký hiệu là của {named}.",
        check=_type_mismatch,
        message_en="Document {symbol} is called {written} but its symbol is that of {named}.",
        basis="Nghị định 30/2020/NĐ-CP, Phụ lục III (chữ viết tắt tên loại văn bản)",
        description="The type written before the number differs from the type in the symbol.",
    ),
    Rule(
        "refs.invalid_date",
        Severity.ERROR,
        "Văn bản {symbol} ghi ngày không tồn tại {day}.",
        check=_invalid_date,
        message_en="Document {symbol} is dated {day}, which does not exist.",
        description="A cited document's date is impossible (31/02/2023).",
    ),
    Rule(
        "refs.dated_after_report",
        Severity.ERROR,
        "Văn bản {symbol} ngày {day} có sau ngày báo cáo ({report_day}).",
        check=_dated_after_report,
        message_en="Document {symbol} of {day} is dated after the report ({report_day}).",
        description="A report cannot cite a document issued after the report itself; a "
        "draft's blank day counts as the last day of its month.",
    ),
    Rule(
        "refs.foreign_symbol",
        Severity.WARNING,
        "Báo cáo nói đơn vị ({unit}) đã ban hành {symbol}, nhưng ký hiệu là của {issuer}.",
        check=_foreign_symbol,
        message_en="The report says the unit ({unit}) issued {symbol}, but the symbol is "
        "{issuer}'s.",
        basis=_ND30,
        description="A document the reporting unit says it issued (\"Sở đã ban hành …\") "
        "carries another agency's code in its symbol.",
    ),
    Rule(
        "refs.subject_year_missing",
        Severity.WARNING,
        "Trích yếu của {symbol} thiếu năm: {text!r}.",
        check=_subject_year,
        message_en="The subject of {symbol} has a blank year: {text!r}.",
        description="A cited document's subject ends in \"năm\" with the year left out "
        "(\"… năm ;\").",
    ),
)
