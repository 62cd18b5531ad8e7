"""Rules about the legal documents a report cites.

They read the structured citations of each paragraph (``Paragraph.references``) and report
at the citation's path, ``$.sections[0].subsections[0].paragraphs[0].references[3]``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import attrs

from cchc_model._base.dates import format_date
from cchc_model._model.index import Citation, SubjectIndex
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

__all__ = ["REFERENCE_RULES", "REPEALS", "Repeal"]

_ND30 = "Nghị định 30/2020/NĐ-CP, Phụ lục I (số, ký hiệu của văn bản)"
_VBQPPL = "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 10 (số, ký hiệu VBQPPL)"


def _unit_codes_of(index: SubjectIndex) -> tuple[str, ...]:
    return () if index.report is None else _unit_codes(index.report)


def _unit_claims(index: SubjectIndex) -> dict[str, str]:
    """The unit's code by the path of each citation the report says the unit itself issued.

    Only the citations a rule asks about are read: those sharing their number and date with
    another (refs.conflicting_symbols) and those whose symbol names other agencies only
    (refs.foreign_symbol).
    """
    codes = index.once(_unit_codes_of)
    if not codes:
        return {}
    unit = frozenset(codes)
    shared = index.once(_shared_numbers)
    claims = {}
    for citation in index.citations:
        ref = citation.ref
        issuers = citation.issuer_codes
        if not (issuers and unit.isdisjoint(issuers)) and (
            ref.issued_on is None or (ref.number, ref.issued_on) not in shared
        ):
            continue
        if _says_unit_issued(citation.paragraph, citation.match):
            claims[citation.path] = codes[0]
    return claims


def _shared_numbers(index: SubjectIndex) -> frozenset[tuple[int, date]]:
    """The numbers and dates more than one dated citation carries."""
    counts = index.once(_check_each).pair_counts
    return frozenset(pair for pair, count in counts.items() if count > 1)


_SeriesKey = tuple[str, str, str, bool, int, str, date]


def _series_key(citation: Citation, claims: dict[str, str]) -> _SeriesKey | None:
    """(system, issuer, type, numbered with a year, number, suffix, date): one series.

    An agency numbers its documents of a year in series, by type (legal normative documents
    apart), so a number and a date name one document only within one issuer's series of one
    type. The issuer is the reporting unit when the report says the unit issued it ("Sở đã
    ban hành …"), else the agency code in the symbol.
    """
    ref = citation.ref
    if ref.issued_on is None:
        return None
    issuer = claims.get(citation.path)
    if issuer is None:
        issuer = citation.issuer_codes[0] if citation.issuer_codes else ref.symbol
    kind = citation.symbol_type
    return (citation.system, issuer, kind.value if kind is not None else "",
            ref.year is not None, ref.number, ref.number_suffix, ref.issued_on)


_Conflict = tuple[Citation, str, LegalDocumentRef, str]


def _conflicts(index: SubjectIndex) -> tuple[_Conflict, ...]:
    """Citations whose series, number and date are another citation's, under another symbol.

    Each with the first citation's path and reference, and the unit's code when the report
    says the unit issued it ("" otherwise).
    """
    claims = index.once(_unit_claims)
    # Two citations of one series share their number and date: the others conflict with none.
    shared = index.once(_shared_numbers)
    first: dict[_SeriesKey, tuple[str, LegalDocumentRef]] = {}
    found = []
    if not shared:
        return ()
    for citation, pair in index.once(_check_each).dated:
        if pair not in shared:
            continue
        key = _series_key(citation, claims)
        if key is None:
            continue
        if key not in first:
            first[key] = (citation.path, citation.ref)
            continue
        first_path, first_ref = first[key]
        if citation.ref.symbol != first_ref.symbol:
            found.append((citation, first_path, first_ref, claims.get(citation.path, "")))
    return tuple(found)


def _conflicting_symbols(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation, other_path, other, claimed in subject.index.once(_conflicts):
        ref = citation.ref
        assert ref.issued_on is not None  # noqa: S101 - only dated citations are keyed
        yield rule.finding(
            citation.path,
            number=f"{ref.number:02d}{ref.number_suffix}",
            day=format_date(ref.issued_on),
            symbol=citation.number_symbol,
            other=other.number_symbol,
            other_path=other_path,
            claim=f"; báo cáo nêu đơn vị ({claimed}) đã ban hành văn bản này" if claimed else "",
            claim_en=f"; the report says the unit ({claimed}) issued it" if claimed else "",
        )


def _missing_year(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    checked = subject.index.once(_check_each)
    with_year = checked.with_year
    for citation in checked.yearless:
        ref = citation.ref
        other = with_year.get((ref.number, ref.symbol)) if with_year else None
        if other is not None and not _same_document_series(ref, other):
            other = None
        if other is None and not _needs_year(ref):
            continue
        hint = f" (nơi khác ghi {other.number_symbol})" if other is not None else ""
        hint_en = f" (cited elsewhere as {other.number_symbol})" if other is not None else ""
        yield rule.finding(citation.path, symbol=citation.number_symbol, hint=hint,
                           hint_en=hint_en)


def _same_document_series(ref: LegalDocumentRef, other: LegalDocumentRef) -> bool:
    """Whether a year-less citation may be the year-ful one: same issuer and same year.

    25/2022/QĐ-UBND and a 25/QĐ-UBND of 2023 belong to two numbering series (legal normative
    and administrative) of two years: they are two documents.
    """
    if ref.issued_on is not None and ref.issued_on.year != other.year:
        return False
    return not (ref.issuer and other.issuer and ref.issuer != other.issuer)


def _needs_year(ref: LegalDocumentRef) -> bool:
    """A decree, circular, law … is numbered with its year, except the oldest ones (28/CP)."""
    if ref.doc_type not in _ALWAYS_WITH_YEAR_KINDS:
        return False
    return ref.issued_on is None or ref.issued_on.year >= _YEAR_IN_NUMBERS_SINCE


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
# Looked up by identity: hashing an enum member runs Python code.
_ALWAYS_WITH_YEAR_KINDS = tuple(_ALWAYS_WITH_YEAR)
# Legal normative documents have carried the year in their number since the late 1990s
# (Nghị định 51/1999/NĐ-CP); older ones did not (Nghị định 28/CP ngày 29/4/1995).
_YEAR_IN_NUMBERS_SINCE = 1997


def _malformed_symbol(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation, written in subject.index.once(_check_each).malformed:
        yield rule.finding(citation.path, written=written, symbol=citation.number_symbol)

def _type_mismatch(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation in subject.index.once(_check_each).type_mismatch:
        ref = citation.ref
        written = "Công văn" if ref.doc_type is None else ref.doc_type.label
        kind = citation.symbol_type
        named = kind.label if kind is not None else "?"
        yield rule.finding(citation.path, symbol=citation.number_symbol, written=written,
                           named=named)

def _invalid_date(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation, day in subject.index.once(_check_each).invalid_date:
        yield rule.finding(citation.path, symbol=citation.number_symbol, day=day)

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
    checked = subject.index.once(_check_each)
    latest = checked.latest
    for citation in checked.dated_after:
        assert latest is not None  # noqa: S101 - only kept when the report has a date
        assert citation.ref.issued_on is not None  # noqa: S101 - only dated citations are kept
        yield rule.finding(
            citation.path,
            symbol=citation.number_symbol,
            day=format_date(citation.ref.issued_on),
            report_day=format_date(latest),
        )

# "… Sở đã ban hành Kế hoạch …", "- Ban hành Quyết định …", "Đã ban hành …": the reporting
# unit is the one issuing. "tham mưu UBND tỉnh ban hành" (advised the province to issue) is not.
_ISSUED = re.compile(r"(?:^|(?<=[\s*+\-]))(?:đã\s+)?ban\s+hành\s*$", re.IGNORECASE)
_UNIT_AS_AGENT = re.compile(r"(?:^|\W)Sở(?:\s+[^\s,.;:]+){0,8}\s*,?\s*$")
_NOT_ISSUING = re.compile(r"tham\s+mưu|trình|đề\s+nghị|phối\s+hợp", re.IGNORECASE)


_ABBREVIATIONS = frozenset(t.abbreviation for t in DocumentType)


def _unit_codes(report: Report) -> tuple[str, ...]:
    symbol = report.header.symbol
    parts = [p for p in symbol.split("-") if p]
    if not parts:
        return ()
    if parts[0] in _ABBREVIATIONS and len(parts) > 1:
        parts = parts[1:]
    return (parts[0],)


def _says_unit_issued(paragraph: Paragraph, match: ReferenceMatch) -> bool:
    start = match.start
    text = paragraph.text
    # The clause ends in "hành" only if the words just before the citation do: look at a
    # few characters first, as nearly every citation fails this test.
    last = text[max(0, start - 8):start].rstrip()
    if len(last) >= 4 and last[-4:].lower() != "hành":
        return False
    before = text[max(0, start - 160):start]
    end = max(before.rfind("."), before.rfind(";"), before.rfind(":"), before.rfind("\n"))
    clause = before[end + 1:]
    # _ISSUED ends the clause with "hành": most clauses fail this cheaper test first.
    if clause.rstrip()[-4:].lower() != "hành":
        return False
    issued = _ISSUED.search(clause, _issued_from(clause))
    if issued is None:
        return False
    agent = clause[:issued.start()]
    lowered = agent.lower()
    # Each of _NOT_ISSUING's phrases ends in one of these words; most agents have none.
    if ("mưu" in lowered or "trình" in lowered or "nghị" in lowered or "hợp" in lowered) and (
        _NOT_ISSUING.search(agent)
    ):
        return False
    return agent.strip(" -+*") == "" or (
        "Sở" in agent and _UNIT_AS_AGENT.search(agent) is not None
    )


def _issued_from(clause: str) -> int:
    """Where a match of :data:`_ISSUED` in *clause* can start at the earliest.

    Its "ban" is the clause's last one, with at most "đã" and spaces before it, so the search
    need not try every position of a long clause (it still sees the characters before).
    """
    lowered = clause.lower()
    if len(lowered) != len(clause):
        return 0  # a letter that lowers to two: positions differ, search it all
    at = lowered.rfind("ban")
    while at > 0 and clause[at - 1].isspace():
        at -= 1
    return max(0, at - 3)


def _foreign_symbol(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    index = subject.index
    codes = index.once(_unit_codes_of)
    if not codes:
        return
    claims = index.once(_unit_claims)
    if not claims:
        return
    # A citation already reported as a conflicting symbol is one cause, one finding.
    conflicting = {citation.path for citation, *_ in index.once(_conflicts)}
    for citation in index.citations:
        issuers = citation.issuer_codes
        path = citation.path
        if not issuers or path not in claims or set(codes) & set(issuers) or path in conflicting:
            continue
        yield rule.finding(path, symbol=citation.number_symbol, unit=codes[0],
                           issuer="-".join(issuers))


_BLANK_YEAR = re.compile(r"(?<!\w)năm(?=\s*(?:[,;.)]|$))", re.IGNORECASE)
_MAYBE_BLANK = re.compile(r"năm\s*(?:[,;.)]|$)")
# "hằng năm" (yearly, the official spelling), "hàng năm", "mỗi năm", "5 năm", "các năm":
# a word before "năm" that makes it no blank year.
_NOT_A_BLANK = frozenset(
    (
        "hằng", "hàng", "mỗi", "các", "những", "nhiều", "từng", "cả", "một", "hai", "ba", "bốn",
        "năm", "sáu", "bảy", "tám", "chín", "mười", "mấy", "trong", "qua", "cuối", "đầu",
        "giữa", "trăm",
    )
)


def _blank_year(text: str, lowered: str | None = None) -> bool:
    """Whether *text* has "năm" where a year was left out ("… xử lý vi phạm năm ;").

    *lowered* is ``text.lower()``, when the caller has it already.
    """
    if _MAYBE_BLANK.search(text.lower() if lowered is None else lowered) is None:
        return False  # the case-blind pattern is slow; most subjects fail this test first
    for found in _BLANK_YEAR.finditer(text):
        before = text[:found.start()].rstrip().rpartition(" ")[2].lower()
        if before and (before[-1].isdigit() or before in _NOT_A_BLANK):
            continue
        return True
    return False

def _subject_year(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation in subject.index.once(_check_each).blank_year:
        # Show the words after the citation too: the blank is visible only there ("năm ;").
        match = citation.match
        shown = citation.paragraph.text[match.start:match.end + 2].strip()
        yield rule.finding(citation.path, symbol=citation.number_symbol, text=shown)

def _year_mismatch(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation in subject.index.once(_check_each).year_mismatch:
        ref = citation.ref
        assert ref.issued_on is not None  # noqa: S101 - only dated citations are kept
        yield rule.finding(citation.path, symbol=citation.number_symbol, year=ref.year,
                           day=format_date(ref.issued_on))

_PROGRAMME_YEAR = re.compile(r"(?<!giai đoạn )\bnăm (\d{4})\b(?!\s*[-–]\s*\d{4})",
                             re.IGNORECASE)
_PROGRAMME_WORDS = re.compile(r"\b(?:chương trình|kế hoạch)\b", re.IGNORECASE)
_PLAN, _PROGRAMME = DocumentType.PLAN, DocumentType.PROGRAMME
_FIRST_YEAR = 1900


def _programme_year(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation, year in subject.index.once(_check_each).programme_year:
        ref = citation.ref
        assert ref.issued_on is not None  # noqa: S101 - only dated citations are kept
        yield rule.finding(citation.path, symbol=citation.number_symbol,
                           day=format_date(ref.issued_on), year=year)


def _programme_year_of(
    ref: LegalDocumentRef, lowered: str, *, checked_year: bool = False
) -> int | None:
    """The year of the plan or programme *ref* adopts when its date is a year too early.

    *lowered* is the subject in lower case, which has "năm" in it; *checked_year* says the
    caller knows it names a year after the date's (:func:`_names_year_from`).
    """
    issued, text = ref.issued_on, ref.subject
    assert issued is not None  # noqa: S101 - the caller checked
    assert text is not None  # noqa: S101 - the caller checked
    # Only a year after the date's can be too late for it: look for one before the patterns.
    if not checked_year and not _names_year_from(lowered, issued.year + 1):
        return None
    kind = ref.doc_type
    if kind is not _PLAN and kind is not _PROGRAMME and not (
        ("chương trình" in lowered or "kế hoạch" in lowered) and _PROGRAMME_WORDS.search(text)
    ):
        return None
    years = {int(y) for y in _PROGRAMME_YEAR.findall(text)}
    if len(years) != 1:
        return None
    year = years.pop()
    if not _FIRST_YEAR < year <= date.max.year:
        return None
    # The plan of a year is adopted in its last months before it at the earliest.
    return year if issued < date(year - 1, 9, 1) else None


# What follows each "năm" of a lowered subject: "năm " and the four digits _names_year_from
# reads (the year), or what _MAYBE_BLANK reads (no year: an empty group).
_AFTER_NAM = re.compile(r"năm(?: (\d{4})|\s*(?:[,;.)]|$))")


def _after_nam(text: str) -> tuple[list[str], str | None]:
    """What :data:`_AFTER_NAM` finds in *text* lowered, and *text* lowered if it was.

    A subject that writes "năm" only in lower case (no "Ă", no "N" before an "ă", no "M"
    after one) is searched as it is: lowering changes nothing the pattern reads.
    """
    if "Ă" in text or "Nă" in text or "ăM" in text:
        lowered = text.lower()
        return (_AFTER_NAM.findall(lowered) if "năm" in lowered else []), lowered
    return (_AFTER_NAM.findall(text) if "năm" in text else []), None


def _names_year_from(lowered: str, first: int) -> bool:
    """Whether *lowered* has "năm " and four digits naming *first* or a later year.

    Every year :data:`_PROGRAMME_YEAR` reads is written so, so a subject without one names no
    year that late.
    """
    at = lowered.find("năm ")
    while at >= 0:
        digits = lowered[at + 4:at + 8]
        if len(digits) == 4 and digits.isdecimal() and int(digits) >= first:
            return True
        at = lowered.find("năm ", at + 4)
    return False

def _first_citation_undated(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    checked = subject.index.once(_check_each)
    dated_later = checked.dated_later
    for key, citation in checked.first.items():
        ref = citation.ref
        if ref.issued_on is not None or ref.doc_type is DocumentType.LAW or (
            citation.system == "party"
        ):
            continue
        later = dated_later.get(key)
        yield rule.finding(
            citation.path, symbol=key,
            hint=f" (lần sau mới ghi ngày {format_date(later)})" if later else "",
            hint_en=f" (a later citation gives {format_date(later)})" if later else "",
        )


# A list of reports ("- Báo cáo số 47/BC-… ngày …; Báo cáo kết quả rà soát …;") in which one
# is named without its number. The rule finds its matches with _report_items, which tests pin
# to this pattern.
_REPORT_ITEM = re.compile(
    r"(?:^|[;:][ \t]*|\n[ \t]*(?:[-+•][ \t]*)?|^[-+•][ \t]*)(Báo cáo)[ ]+(?!số\b)[^\W\d_A-ZĐ]"
)


def _may_list_a_report(text: str) -> bool:
    """Whether some "Báo cáo" in *text* is followed by spaces and a word other than "số".

    :data:`_REPORT_ITEM` matches only there; a paragraph whose reports all bear their number
    ("Báo cáo số 47/BC-…") is not searched with it.
    """
    at = text.find("Báo cáo")
    while at >= 0:
        word = at + 7
        after = word
        while after < len(text) and text[after] == " ":
            after += 1
        if after > word and after < len(text) and not (
            text.startswith("số", after) and not _word_at(text, after + 2)
        ):
            return True
        at = text.find("Báo cáo", word)
    return False


# _REPORT_ITEM from its "Báo cáo" on.
_REPORT_TAIL = re.compile(r"Báo cáo[ ]+(?!số\b)[^\W\d_A-ZĐ]")


def _report_items(text: str) -> Iterator[int]:
    """Where the "Báo cáo" of each match of :data:`_REPORT_ITEM` in *text* starts, in order.

    Found from each "Báo cáo", looking back for what may stand before it (the start, a ";"
    or ":", a line break, a bullet), rather than trying the pattern at every position.
    """
    at = text.find("Báo cáo")
    while at >= 0:
        if _REPORT_TAIL.match(text, at) is not None and _item_start(text, at):
            yield at
        at = text.find("Báo cáo", at + 7)


def _item_start(text: str, at: int) -> bool:
    """Whether one of :data:`_REPORT_ITEM`'s openings ends at *at* in *text*."""
    if at == 0:
        return True
    before = at
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before == 0:
        return False
    mark = text[before - 1]
    if mark in ";:\n":
        return True
    if mark not in "-+•":
        return False
    bullet = before - 1
    if bullet == 0:
        return True
    while bullet > 0 and text[bullet - 1] in " \t":
        bullet -= 1
    return bullet > 0 and text[bullet - 1] == "\n"


def _word_at(text: str, at: int) -> bool:
    """Whether a word character (a letter, digit or underscore) is at *at* in *text*."""
    return at < len(text) and (text[at].isalnum() or text[at] == "_")


def _report_without_number(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for path, paragraph in subject.index.once(_check_each).citing_reports.items():
        if not _may_list_a_report(paragraph.text):
            continue
        spans = [(m.start, m.end) for m in paragraph.references]
        for at in _report_items(paragraph.text):
            if any(start <= at < end for start, end in spans):
                continue
            end = paragraph.text.find(";", at, at + 160)
            shown = paragraph.text[at:end if end >= 0 else at + 160].strip()
            yield rule.finding(path, text=shown)


def _number_order(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    codes = subject.index.once(_unit_codes_of)
    if not codes:
        return
    own = subject.index.once(_check_each).own_series
    for series in own.values():
        latest: tuple[str, LegalDocumentRef] | None = None
        # By number: each number is kept once, so the pairs never compare their citations.
        for _, (path, ref) in sorted(series.items()):
            assert ref.issued_on is not None  # noqa: S101 - only dated citations are kept
            if latest is not None and latest[1].issued_on is not None and (
                ref.issued_on < latest[1].issued_on
            ):
                other = latest[1]
                assert other.issued_on is not None  # noqa: S101
                yield rule.finding(
                    path, symbol=ref.number_symbol, day=format_date(ref.issued_on),
                    other=other.number_symbol, other_day=format_date(other.issued_on),
                )
                continue
            latest = (path, ref)


@attrs.frozen
class Repeal:
    """A legal basis the library knows was replaced: what, by what, from which day."""

    number_symbol: str
    replaced_by: str
    since: date


#: Acts a report may still cite as its basis after they were replaced. Only acts replaced
#: as a whole are listed; a report dated on or after ``since`` should cite the replacement.
REPEALS: tuple[Repeal, ...] = (
    Repeal("110/2004/NĐ-CP", "30/2020/NĐ-CP", date(2020, 3, 5)),
    Repeal("09/2010/NĐ-CP", "30/2020/NĐ-CP", date(2020, 3, 5)),
    Repeal("43/2011/NĐ-CP", "42/2022/NĐ-CP", date(2022, 8, 1)),
    Repeal("80/2015/QH13", "64/2025/QH15", date(2025, 4, 1)),
    Repeal("34/2016/NĐ-CP", "78/2025/NĐ-CP", date(2025, 4, 1)),
    Repeal("61/2018/NĐ-CP", "118/2025/NĐ-CP", date(2025, 7, 1)),
    Repeal("107/2021/NĐ-CP", "118/2025/NĐ-CP", date(2025, 7, 1)),
)
_REPEALED = {repeal.number_symbol: repeal for repeal in REPEALS}
# A number and symbol ends with the symbol: a citation whose symbol ends none of the repealed
# acts' is none of them.
_REPEALED_TAILS = frozenset(key[i:] for key in _REPEALED for i in range(len(key)))
# "… thay thế Nghị định 43/2011/NĐ-CP", "… (đã hết hiệu lực)": the report knows.
_KNOWS_REPEAL = re.compile(r"thay\s+thế|hết\s+hiệu\s+lực|bãi\s+bỏ", re.IGNORECASE)


def _repealed_basis(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    for citation, repeal in subject.index.once(_check_each).repealed:
        yield rule.finding(citation.path, symbol=repeal.number_symbol, other=repeal.replaced_by,
                           since=format_date(repeal.since))


_Pair = tuple[int, date]
_OwnSeries = dict[tuple[str, int], dict[int, tuple[str, LegalDocumentRef]]]


class _Checked(NamedTuple):
    """What the citation rules find and gather in one walk, each rule's citations in order.

    The rules that read one citation at a time find their citations here; the rules that
    compare citations (numbers shared, years left out, first citations, the unit's series,
    lists of reports) find what they gather from every citation. Each rule writes its own
    findings.
    """

    malformed: list[tuple[Citation, str]]
    type_mismatch: list[Citation]
    invalid_date: list[tuple[Citation, str]]
    dated_after: list[Citation]
    blank_year: list[Citation]
    year_mismatch: list[Citation]
    programme_year: list[tuple[Citation, int]]
    repealed: list[tuple[Citation, Repeal]]
    latest: date | None
    #: How many dated citations carry each number and date.
    pair_counts: dict[_Pair, int]
    #: The dated citations with their number and date, in order.
    dated: list[tuple[Citation, _Pair]]
    #: The last reference with a year cited under each number and symbol.
    with_year: dict[tuple[int, str], LegalDocumentRef]
    #: The citations without a year that are no Party document, in order.
    yearless: list[Citation]
    #: The unit's own dated documents without a year, by symbol type and year, then number.
    own_series: _OwnSeries
    #: The first citation of each number and symbol, and the first date a later one gives.
    first: dict[str, Citation]
    dated_later: dict[str, date]
    #: The paragraphs citing a report, by path.
    citing_reports: dict[str, Paragraph]


def _check_each(index: SubjectIndex) -> _Checked:  # noqa: PLR0915 - one walk
    report = index.report
    latest = None if report is None else _latest_report_day(report)
    checked = _Checked([], [], [], [], [], [], [], [], latest, {}, [], {}, [], {}, {}, {}, {})
    if report is None:
        return checked
    when = report.header.date
    report_day = None if when is None else date(when.year, when.month or 1, when.day or 1)
    codes = index.once(_unit_codes_of)
    unit = codes[0] if codes else None
    counts, dated, with_year, yearless = (
        checked.pair_counts, checked.dated, checked.with_year, checked.yearless)
    own, first, dated_later = checked.own_series, checked.first, checked.dated_later
    citing = checked.citing_reports
    report_kind = DocumentType.REPORT
    for citation in index.citations:
        ref = citation.ref
        warnings = ref.warnings
        if warnings:
            _check_warnings(citation, warnings, checked)
        issued = ref.issued_on
        ref_year = ref.year
        if issued is not None:
            if latest is not None and issued > latest:
                checked.dated_after.append(citation)
            if ref_year is not None and issued.year != ref_year:
                checked.year_mismatch.append(citation)
            pair = (ref.number, issued)
            counts[pair] = counts.get(pair, 0) + 1
            dated.append((citation, pair))
        if ref_year is not None:
            with_year[ref.number, ref.symbol] = ref
        elif citation.system != "party":
            yearless.append(citation)
            if issued is not None and unit is not None:
                issuers = citation.issuer_codes
                if issuers and issuers[0] == unit:
                    # The unit's series: by symbol type and year (refs.number_order).
                    symbol = ref.symbol
                    series_key = (symbol.partition("-")[0] if ref.doc_type is not None else "",
                                  issued.year)
                    series = own.get(series_key)
                    if series is None:
                        series = own[series_key] = {}
                    if ref.number not in series:
                        series[ref.number] = (citation.path, ref)
        key = citation.number_symbol
        if key not in first:
            first[key] = citation
        elif issued is not None and key not in dated_later:
            dated_later[key] = issued
        if ref.doc_type is report_kind:
            # The path of the paragraph: the citation's without its ".references[i]".
            path = citation.path.rpartition(".references[")[0]
            if path not in citing:
                citing[path] = citation.paragraph
        text = ref.subject
        # "năm" in any case has an "ă" or "Ă": a subject without one is not searched at all.
        if text and ("ă" in text or "Ă" in text):
            found, lowered = _after_nam(text)
            if found:
                # _blank_year's own first test (_MAYBE_BLANK), made here: most subjects fail it.
                if "" in found and _blank_year(text, lowered):
                    checked.blank_year.append(citation)
                if issued is not None:
                    # The latest year written: a plan for it adopted from September of the
                    # year before is in time, so only a subject naming a later year is read.
                    if len(found) == 1:  # most subjects write one year, or one blank
                        top = int(found[0]) if found[0] else 0
                    else:
                        top = max(map(int, filter(None, found)), default=0)
                    if top > issued.year and issued < date(top - 1, 9, 1):
                        if lowered is None:
                            lowered = text.lower()
                        year = _programme_year_of(ref, lowered, checked_year=True)
                        if year is not None:
                            checked.programme_year.append((citation, year))
        if report_day is not None and ref.symbol in _REPEALED_TAILS:
            repeal = _REPEALED.get(key)
            if repeal is not None and report_day >= repeal.since:
                match = citation.match
                around = citation.paragraph.text[max(0, match.start - 60):match.end + 60]
                if not _KNOWS_REPEAL.search(around):
                    checked.repealed.append((citation, repeal))
    return checked


def _check_warnings(citation: Citation, warnings: tuple[str, ...], checked: _Checked) -> None:
    """The findings a citation's reading warnings make: symbol, type and date."""
    for warning in warnings:
        if warning.startswith(WARN_SYMBOL_SPACE):
            # Older files quote the symbol ('QĐ-SLĐT BXH'); the quotes are not the symbol.
            checked.malformed.append((citation, warning.partition(": ")[2].strip("'")))
        elif warning.startswith(WARN_ETH):
            checked.malformed.append((citation, citation.match.text[:80]))
    if any(w.startswith(WARN_TYPE_MISMATCH) for w in warnings):
        checked.type_mismatch.append(citation)
    for warning in warnings:
        if warning.startswith(WARN_BAD_DATE):
            checked.invalid_date.append((citation, warning.partition(": ")[2].strip("'")))

REFERENCE_RULES: tuple[Rule, ...] = (
    Rule(
        "refs.conflicting_symbols",
        Severity.ERROR,
        "Văn bản số {number} ngày {day} được trích dẫn với ký hiệu {symbol}, "
        "nơi khác ghi {other} ({other_path}){claim}.",
        check=_conflicting_symbols,
        message_en="Document no. {number} of {day} is cited as {symbol}, elsewhere as {other} "
        "({other_path}){claim_en}.",
        basis=_ND30,
        description="One number and date of one issuer's numbering series cited under two "
        "symbols: one of them is wrong (number and symbol are unique for an agency within a "
        "year). The issuer is the reporting unit when the report says it issued the document, "
        "else the agency in the symbol, so a province's decision 25 and a department's công "
        "văn 25 of the same day are two documents.",
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
        "(90/TT-BTC for 90/2018/TT-BTC), or a document cited both with and without it by one "
        "issuer in one year (25/2022/QĐ-UBND and a 25/QĐ-UBND of 2023 are two documents).",
    ),
    Rule(
        "refs.malformed_symbol",
        Severity.WARNING,
        "Ký hiệu văn bản viết không đúng: “{written}” (đọc là {symbol}).",
        check=_malformed_symbol,
        message_en="Malformed document symbol: “{written}” (read as {symbol}).",
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
        "Văn bản {symbol} ghi ngày {day}, ngày này không có trong lịch.",
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
        "Báo cáo nêu đơn vị ({unit}) đã ban hành {symbol}, nhưng ký hiệu là của {issuer}.",
        check=_foreign_symbol,
        message_en="The report says the unit ({unit}) issued {symbol}, but the symbol is "
        "{issuer}'s.",
        basis=_ND30,
        description="A document the reporting unit says it issued (\"Sở đã ban hành …\") "
        "carries another agency's code in its symbol. Not repeated for a citation already "
        "reported by refs.conflicting_symbols.",
    ),
    Rule(
        "refs.subject_year_missing",
        Severity.WARNING,
        "Trích yếu của {symbol} thiếu năm: “{text}”.",
        check=_subject_year,
        message_en="The subject of {symbol} has a blank year: “{text}”.",
        description="A cited document's subject ends in \"năm\" with the year left out "
        "(\"… năm ;\"); \"hằng năm\", \"hàng năm\", \"5 năm\" are no blank.",
    ),
    Rule(
        "refs.year_mismatch",
        Severity.ERROR,
        "Văn bản {symbol} mang năm {year} trong số, ký hiệu nhưng ghi ngày {day}.",
        check=_year_mismatch,
        message_en="Document {symbol} carries the year {year} in its number but is dated "
        "{day}.",
        basis=_VBQPPL,
        description="The year in a legal normative document's number is the year it was "
        "issued: 25/2022/QĐ-UBND cannot be dated in 2023.",
    ),
    Rule(
        "refs.programme_year",
        Severity.WARNING,
        "Văn bản {symbol} ban hành chương trình, kế hoạch năm {year} nhưng ghi ngày {day}, "
        "sớm hơn một năm: kiểm tra lại năm của ngày ban hành.",
        check=_programme_year,
        message_en="Document {symbol} adopts a programme or plan for {year} but is dated "
        "{day}, more than a year before: check the year of its date.",
        description="A plan or programme for one year is adopted in the last months of the "
        "year before at the earliest; \"Chương trình … năm 2023\" decided on 06/02/2022 has "
        "the wrong year in its date.",
    ),
    Rule(
        "refs.first_citation_undated",
        Severity.INFO,
        "Lần đầu trích dẫn {symbol} chưa ghi ngày ban hành{hint}.",
        check=_first_citation_undated,
        message_en="The first citation of {symbol} gives no date{hint_en}.",
        basis=_ND30,
        description="The first citation of a document gives its type, number and symbol, "
        "date, issuer and subject; later ones may give the number and symbol only. Laws, "
        "cited by name, and Party documents are not checked.",
    ),
    Rule(
        "refs.report_without_number",
        Severity.WARNING,
        "Trong danh sách báo cáo đã ban hành có báo cáo không ghi số, ký hiệu: “{text}”.",
        check=_report_without_number,
        message_en="A list of reports issued names one without its number and symbol: "
        "“{text}”.",
        basis=_ND30,
        description="In a list of numbered reports, an item \"Báo cáo kết quả …\" without "
        "its number and date cannot be traced.",
    ),
    Rule(
        "refs.number_order",
        Severity.WARNING,
        "Văn bản {symbol} ngày {day} của đơn vị có số lớn hơn {other} nhưng ngày sớm hơn "
        "({other_day}).",
        check=_number_order,
        message_en="The unit's document {symbol} of {day} has a higher number than {other} "
        "but an earlier date ({other_day}).",
        basis=_ND30,
        description="An agency numbers its documents of a year in the order it issues them, "
        "so among the unit's own documents of one type and year a higher number is not "
        "dated earlier.",
    ),
    Rule(
        "refs.repealed_basis",
        Severity.WARNING,
        "Báo cáo dẫn {symbol}, văn bản đã được thay thế bởi {other} từ ngày {since}.",
        check=_repealed_basis,
        message_en="The report cites {symbol}, replaced by {other} since {since}.",
        description="A legal basis the library knows was replaced before the report's date "
        "(the table REPEALS); a citation that itself says it was replaced is fine.",
    ),
)
