"""Legal-document references: document types, the citation value, and its grammar.

A citation names a document by type, number and symbol (Nghị định 30/2020/NĐ-CP, Phụ lục I;
Luật Ban hành VBQPPL 2015, Điều 10), then usually its date, issuing body and subject:
``Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022 về thực hiện công tác cải cách hành chính``.
Four forms of number and symbol exist:

* administrative document ``number/TYPE-AGENCY`` — ``3170/KH-SLĐTBXH``;
* công văn ``number/AGENCY-UNIT`` — ``2954/SLĐTBXH-TTr`` (``TTr`` is the drafting unit);
* legal normative document ``number/year/TYPE-AGENCY`` — ``61/2018/NĐ-CP``, ``80/2015/QH13``;
* Party document ``number-TYPE/AGENCY`` — ``40-CT/TU``.

:func:`parse_reference` reads exactly one citation, :func:`extract_references` finds every
citation in prose. Both run in time linear in the length of the text: the grammar uses bounded
repetition only, and the parts after the number (date, issuer, subject) are read by anchored
matches that never rescan the text.
"""

from __future__ import annotations

import enum
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

import attrs

from cchc_model._base.checks import of_type, slot_setters, tuple_of
from cchc_model._base.dates import date_from_match, format_date
from cchc_model._base.errors import CchcError, InputError, ReferenceParseError
from cchc_model._base.lazy import Lazy
from cchc_model._base.text import (  # _TRANSLATED: what normalize_text replaces or drops
    _TRANSLATED,
    case_variants,
    has_translated,
    nfc_with_offsets,
    normalize_text,
    same_length_cleanup,
)

__all__ = [
    "MAX_REFERENCE_LENGTH",
    "MAX_TEXT_LENGTH",
    "DocumentType",
    "LegalDocumentRef",
    "ReferenceMatch",
    "extract_references",
    "is_valid_reference",
    "parse_reference",
]

#: Longest text :func:`parse_reference` reads (a citation with a long subject is a few hundred
#: characters); longer text is refused with :class:`~cchc_model.ReferenceParseError`.
MAX_REFERENCE_LENGTH = 2_000

#: Longest text :func:`extract_references` scans by default: two million characters, forty
#: times a whole report. Longer text is refused at once with :class:`~cchc_model.InputError`.
MAX_TEXT_LENGTH = 2_000_000

class DocumentType(enum.Enum):
    """Types of documents, with their Vietnamese name and abbreviation.

    Administrative types and abbreviations follow Nghị định 30/2020/NĐ-CP, Điều 7 and
    Phụ lục III; legal normative types follow Luật Ban hành VBQPPL 2015; the Party's own
    types (Kết luận, Thông tri) follow Quy định 66-QĐ/TW and Hướng dẫn 36-HD/VPTW. Công văn
    has no abbreviation and no member: a công văn citation has ``doc_type=None``.

    >>> DocumentType.PLAN.label, DocumentType.PLAN.abbreviation
    ('Kế hoạch', 'KH')
    >>> DocumentType.REGULATION.abbreviation
    'QyĐ'
    >>> DocumentType.PARTY_CIRCULAR.label, DocumentType.PARTY_CIRCULAR.is_party
    ('Thông tri', True)

    .. versionchanged:: 0.2.0
       ``CONCLUSION`` (Kết luận), ``PARTY_CIRCULAR`` (Thông tri, Party only) and
       ``CONSOLIDATED`` (Văn bản hợp nhất); :attr:`is_party`.
    """

    label: str
    abbreviation: str | None

    def __new__(cls, value: str, label: str, abbreviation: str | None) -> DocumentType:
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        member.abbreviation = abbreviation
        return member

    # Nghị định 30/2020, Điều 7 and Phụ lục III.
    RESOLUTION = ("resolution", "Nghị quyết", "NQ")
    DECISION = ("decision", "Quyết định", "QĐ")
    DIRECTIVE = ("directive", "Chỉ thị", "CT")
    STATUTE = ("statute", "Quy chế", "QC")
    REGULATION = ("regulation", "Quy định", "QyĐ")
    COMMUNIQUE = ("communique", "Thông cáo", "TC")
    NOTICE = ("notice", "Thông báo", "TB")
    GUIDANCE = ("guidance", "Hướng dẫn", "HD")
    PROGRAMME = ("programme", "Chương trình", "CTr")
    PLAN = ("plan", "Kế hoạch", "KH")
    SCHEME = ("scheme", "Phương án", "PA")
    PROPOSAL = ("proposal", "Đề án", "ĐA")
    PROJECT = ("project", "Dự án", "DA")
    REPORT = ("report", "Báo cáo", "BC")
    MINUTES = ("minutes", "Biên bản", "BB")
    SUBMISSION = ("submission", "Tờ trình", "TTr")
    CONTRACT = ("contract", "Hợp đồng", "HĐ")
    DISPATCH = ("dispatch", "Công điện", "CĐ")
    MEMORANDUM = ("memorandum", "Bản ghi nhớ", "BGN")
    AGREEMENT = ("agreement", "Bản thỏa thuận", "BTT")
    POWER_OF_ATTORNEY = ("power_of_attorney", "Giấy ủy quyền", "GUQ")
    INVITATION = ("invitation", "Giấy mời", "GM")
    LETTER_OF_INTRODUCTION = ("letter_of_introduction", "Giấy giới thiệu", "GGT")
    LEAVE_PERMIT = ("leave_permit", "Giấy nghỉ phép", "GNP")
    SENDING_SLIP = ("sending_slip", "Phiếu gửi", "PG")
    TRANSFER_SLIP = ("transfer_slip", "Phiếu chuyển", "PC")
    NOTIFICATION_SLIP = ("notification_slip", "Phiếu báo", "PB")
    PUBLIC_LETTER = ("public_letter", "Thư công", None)
    TRUE_COPY = ("true_copy", "Bản sao y", "SY")
    EXTRACT_COPY = ("extract_copy", "Bản trích sao", "TrS")
    REPRODUCTION_COPY = ("reproduction_copy", "Bản sao lục", "SL")
    # Legal normative documents (VBQPPL) that have no administrative counterpart above.
    CONSTITUTION = ("constitution", "Hiến pháp", None)
    CODE = ("code", "Bộ luật", None)
    LAW = ("law", "Luật", None)
    ORDINANCE = ("ordinance", "Pháp lệnh", None)
    DECREE = ("decree", "Nghị định", "NĐ")
    CIRCULAR = ("circular", "Thông tư", "TT")
    JOINT_CIRCULAR = ("joint_circular", "Thông tư liên tịch", "TTLT")
    JOINT_RESOLUTION = ("joint_resolution", "Nghị quyết liên tịch", "NQLT")
    # A consolidated text of a document and its amendments (Pháp lệnh Hợp nhất VBQPPL 2012).
    CONSOLIDATED = ("consolidated", "Văn bản hợp nhất", "VBHN")
    # Kết luận: the Party's (66-QĐ/TW), and an inspection's (Kết luận thanh tra, KL-TTr).
    CONCLUSION = ("conclusion", "Kết luận", "KL")
    # Thông tri: Party only; its abbreviation TT is read as Thông tri in the Party form only.
    PARTY_CIRCULAR = ("party_circular", "Thông tri", "TT")

    @property
    def is_party(self) -> bool:
        """Whether only the Party issues documents of this type (Thông tri).

        .. versionadded:: 0.2.0
        """
        return self is DocumentType.PARTY_CIRCULAR


#: Types that are always legal normative documents, so always numbered with a year.
LEGAL_NORMATIVE_TYPES = frozenset(
    {
        DocumentType.CONSTITUTION,
        DocumentType.CODE,
        DocumentType.LAW,
        DocumentType.ORDINANCE,
        DocumentType.DECREE,
        DocumentType.CIRCULAR,
        DocumentType.JOINT_CIRCULAR,
        DocumentType.JOINT_RESOLUTION,
    }
)

#: The abbreviations of the state's symbols (``KH-UBND``, ``NĐ-CP``).
_BY_ABBREVIATION = {
    t.abbreviation: t for t in DocumentType if t.abbreviation is not None and not t.is_party
}
#: The abbreviations of the Party's symbols (``40-CT/TU``; Hướng dẫn 36-HD/VPTW, Phụ lục 1).
#: Quy định is ``QĐi`` since 2018 and ``QĐ`` before; Công văn is ``CV``.
_PARTY_KINDS: dict[str, DocumentType | None] = {
    "NQ": DocumentType.RESOLUTION,
    "QĐ": DocumentType.DECISION,
    "QĐi": DocumentType.REGULATION,
    "QyĐ": DocumentType.REGULATION,
    "CT": DocumentType.DIRECTIVE,
    "KL": DocumentType.CONCLUSION,
    "QC": DocumentType.STATUTE,
    "TT": DocumentType.PARTY_CIRCULAR,
    "HD": DocumentType.GUIDANCE,
    "TB": DocumentType.NOTICE,
    "BC": DocumentType.REPORT,
    "KH": DocumentType.PLAN,
    "CTr": DocumentType.PROGRAMME,
    "TTr": DocumentType.SUBMISSION,
    "BB": DocumentType.MINUTES,
    "ĐA": DocumentType.PROPOSAL,
    "TC": DocumentType.COMMUNIQUE,
    "GM": DocumentType.INVITATION,
    "CV": None,
}
# Agency codes that only Party bodies use (Trung ương, Tỉnh ủy, Huyện ủy, Đảng ủy, …).
_PARTY_AGENCIES = frozenset(
    ("TW", "TƯ", "TU", "HU", "ĐU", "QU", "TUQĐ", "ĐĐ", "BCS", "BCSĐ", "VPTW", "BTGTW",
     "BTCTW", "UBKTTW", "BDVTW", "BNCTW", "BKTTW", "BCĐTW", "ĐUK", "BTGDVTW")
)
_GENERIC = "văn bản"  # "Văn bản số …": the type is whatever the symbol says
_GENERIC_VBQPPL = "văn bản quy phạm pháp luật"
_CONG_VAN = "Công văn"
_BY_LABEL: dict[str, DocumentType | None] = {t.label.lower(): t for t in DocumentType}
_BY_LABEL["công văn"] = None
# Type names that are capitalised in a citation: "luật" in "pháp luật số …" is no Luật.
_CASED_LABELS = frozenset(("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh"))

# Warnings a noisy citation leaves on its reference; rules recognise them by these prefixes.
WARN_SYMBOL_SPACE = "ký hiệu có khoảng trắng thừa (stray space in the symbol)"
WARN_ETH = "chữ Ð (U+00D0) được đọc là Đ (Ð read as Đ)"
WARN_TYPE_MISMATCH = "loại văn bản khác ký hiệu (document type differs from the symbol)"
WARN_BAD_DATE = "ngày không tồn tại, bỏ qua (no such date, ignored)"

# Words that introduce a subject without "về": the verb is part of the subject as written.
# The first five are written without "về" (a canonical citation prints them so too); the
# others follow a citation's date or issuer often enough to be read as its subject.
_PLAIN_SUBJECT_VERBS = ("quy định", "ban hành", "hướng dẫn", "phê duyệt", "sửa đổi")
_SUBJECT_VERBS = (
    *_PLAIN_SUBJECT_VERBS, "bổ sung", "bãi bỏ", "thay thế", "hợp nhất", "công bố",
    "triển khai", "thực hiện", "tổ chức", "thành lập", "kiện toàn", "điều chỉnh",
    "phân công", "đẩy mạnh", "tăng cường", "tiếp tục", "xác định", "v/v",
)


def _is_party_symbol(symbol: str) -> bool:
    return "/" in symbol


def _split_symbol(ref: LegalDocumentRef) -> tuple[str | None, tuple[str, ...]]:
    """The type abbreviation written in the symbol, if any, and the other parts."""
    if _is_party_symbol(ref.symbol):  # Party form: CT/TU
        kind, _, agency = ref.symbol.partition("/")
        return kind, tuple(agency.split("-"))
    parts = tuple(ref.symbol.split("-"))
    if len(parts) > 1 and (parts[0] in _BY_ABBREVIATION or _qualified_kind(ref, parts[0])):
        return parts[0], parts[1:]
    return None, parts  # a công văn's AGENCY-UNIT, or a law's QH13


def _system_of(ref: LegalDocumentRef, issuer_codes: tuple[str, ...]) -> str:
    """:attr:`LegalDocumentRef.system` of *ref*, its issuer codes worked out already."""
    if _is_party_symbol(ref.symbol) or (ref.doc_type is not None and ref.doc_type.is_party):
        return "party"
    return "party" if _PARTY_AGENCIES.intersection(issuer_codes) else "state"


def _qualified_kind(ref: LegalDocumentRef, first: str) -> bool:
    """``BCTĐ`` in ``18/BCTĐ-STP`` of a Báo cáo (thẩm định): the type's code, qualified."""
    kind = ref.doc_type
    return (
        kind is not None
        and kind.abbreviation is not None
        and len(first) > len(kind.abbreviation)
        and first.startswith(kind.abbreviation)
    )


@attrs.frozen
class LegalDocumentRef:
    """One cited document: its type, number and symbol, date, issuing body and subject.

    ``symbol`` is what follows the number (and the year, for a VBQPPL): ``"KH-SLĐTBXH"``,
    ``"NĐ-CP"``, ``"SLĐTBXH-TTr"`` for a công văn, ``"CT/TU"`` for a Party document
    (``40-CT/TU``), ``"QH13"`` for a law. ``year`` is set for legal normative documents
    only (``61/2018/NĐ-CP``). ``number_suffix`` is the letter some numbers carry
    (``30c/NQ-CP``). ``issuer`` is the issuing body as written (``"UBND tỉnh Ninh
    Thuận"``); ``subject`` the text after "về", or the whole text when another word
    introduces it ("quy định chi tiết …", "ban hành Chương trình …"). ``warnings`` lists
    what was normalised while parsing a noisy citation (a stray space in a symbol, ``Ð``
    for ``Đ``), so nothing is corrected silently.

    ``warnings`` describe how a text was read, not the document, so they take no part in
    equality: the reference read from ``25/QĐ-SLĐT BXH`` equals the one read from
    ``25/QĐ-SLĐTBXH``.

    >>> ref = LegalDocumentRef(DocumentType.PLAN, 3170, "KH-SLĐTBXH",
    ...                        issued_on=date(2022, 12, 2))
    >>> str(ref)
    'Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022'
    >>> ref.number_symbol, ref.issuer_code
    ('3170/KH-SLĐTBXH', 'SLĐTBXH')
    >>> cv = LegalDocumentRef(None, 2954, "SLĐTBXH-TTr")
    >>> cv.issuer_code, cv.drafting_unit, str(cv)
    ('SLĐTBXH', 'TTr', 'Công văn số 2954/SLĐTBXH-TTr')

    .. versionchanged:: 0.2.0
       ``number_suffix``, :attr:`system`.
    """

    doc_type: DocumentType | None = attrs.field(
        validator=of_type(DocumentType, optional=True)
    )
    number: int = attrs.field(validator=of_type(int))
    symbol: str = attrs.field(validator=of_type(str))
    year: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    issued_on: date | None = attrs.field(default=None, validator=of_type(date, optional=True))
    issuer: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    subject: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False, **tuple_of(str))
    number_suffix: str = attrs.field(default="", validator=of_type(str))

    @property
    def number_symbol(self) -> str:
        """Number and symbol as a document prints them; numbers below 10 take a leading zero.

        >>> LegalDocumentRef(DocumentType.DECREE, 61, "NĐ-CP", year=2018).number_symbol
        '61/2018/NĐ-CP'
        >>> LegalDocumentRef(DocumentType.PLAN, 2, "KH-SLĐTBXH").number_symbol
        '02/KH-SLĐTBXH'
        >>> LegalDocumentRef(DocumentType.DIRECTIVE, 40, "CT/TU").number_symbol
        '40-CT/TU'
        >>> LegalDocumentRef(DocumentType.LAW, 80, "QH13", year=2015).number_symbol
        '80/2015/QH13'
        >>> LegalDocumentRef(DocumentType.RESOLUTION, 30, "NQ-CP",
        ...                  number_suffix="c").number_symbol
        '30c/NQ-CP'
        """
        number = f"{self.number:02d}{self.number_suffix}"
        if _is_party_symbol(self.symbol):
            return f"{number}-{self.symbol}"
        if self.year is not None:
            return f"{number}/{self.year}/{self.symbol}"
        return f"{number}/{self.symbol}"

    @property
    def system(self) -> str:
        """``"party"`` for a document of the Communist Party, ``"state"`` otherwise.

        A Party document is numbered ``number-TYPE/AGENCY`` (``40-CT/TU``), is a Thông tri,
        or carries a Party body's code (``22/CT-TW``, as some texts write it).

        .. versionadded:: 0.2.0

        >>> LegalDocumentRef(DocumentType.CONCLUSION, 34, "KL/TW").system
        'party'
        >>> LegalDocumentRef(DocumentType.PLAN, 5, "KH-UBND").system
        'state'
        """
        return _system_of(self, self.issuer_codes)

    @property
    def issuer_codes(self) -> tuple[str, ...]:
        """The issuing agencies' codes in the symbol; several for a joint document.

        >>> LegalDocumentRef(DocumentType.JOINT_CIRCULAR, 3, "TTLT-BNV-BTC",
        ...                  year=2019).issuer_codes
        ('BNV', 'BTC')
        >>> LegalDocumentRef(DocumentType.DECREE, 61, "NĐ-CP", year=2018).issuer_codes
        ('CP',)
        """
        kind, rest = _split_symbol(self)
        if self.doc_type is None and kind is None:
            return rest[:1]
        return rest

    @property
    def issuer_code(self) -> str:
        """The issuer codes joined as in the symbol: ``"UBND"``, ``"BNV-BTC"``."""
        return "-".join(self.issuer_codes)

    @property
    def drafting_unit(self) -> str | None:
        """The unit that drafted a công văn (``TTr`` in ``2954/SLĐTBXH-TTr``), else ``None``."""
        kind, parts = _split_symbol(self)
        if self.doc_type is not None or kind is not None:
            return None
        return "-".join(parts[1:]) or None

    @property
    def symbol_type(self) -> DocumentType | None:
        """The type the symbol itself names (``KH`` → Kế hoạch), ``None`` if it names none.

        >>> LegalDocumentRef(None, 5, "KH-UBND").symbol_type
        <DocumentType.PLAN: 'plan'>
        >>> LegalDocumentRef(None, 12, "TT/TW").symbol_type
        <DocumentType.PARTY_CIRCULAR: 'party_circular'>
        """
        if _is_party_symbol(self.symbol):
            return _PARTY_KINDS.get(self.symbol.partition("/")[0])
        if "-" not in self.symbol:
            return None
        return _BY_ABBREVIATION.get(self.symbol.split("-")[0])

    @property
    def is_legal_normative(self) -> bool:
        """Whether the document is a legal normative document (VBQPPL).

        It is when it carries a year, or when its type is always one (Nghị định, Thông tư,
        Luật, …). A Party document never is.
        """
        if self.system == "party":
            return False
        return self.year is not None or self.doc_type in LEGAL_NORMATIVE_TYPES

    @property
    def short_citation(self) -> str:
        """Type, number and symbol, and date: the citation without issuer and subject.

        >>> LegalDocumentRef(DocumentType.PLAN, 3170, "KH-SLĐTBXH",
        ...                  issued_on=date(2022, 12, 2), subject="cải cách").short_citation
        'Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022'
        """
        label = _CONG_VAN if self.doc_type is None else self.doc_type.label
        text = f"{label} số {self.number_symbol}"
        if self.issued_on is not None:
            text += f" ngày {format_date(self.issued_on)}"
        return text

    def __str__(self) -> str:
        """The canonical citation; issuer and subject follow when known.

        >>> str(LegalDocumentRef(DocumentType.DECREE, 61, "NĐ-CP", year=2018,
        ...     issued_on=date(2018, 4, 23), issuer="Chính phủ"))
        'Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'
        >>> str(LegalDocumentRef(DocumentType.DECREE, 42, "NĐ-CP", year=2022,
        ...     issuer="Chính phủ", subject="quy định về dịch vụ công trực tuyến"))
        'Nghị định số 42/2022/NĐ-CP của Chính phủ quy định về dịch vụ công trực tuyến'
        """
        text = self.short_citation
        if self.issuer:
            text += f" của {self.issuer}"
        if self.subject:
            text += f" {self.subject}" if _starts_with_verb(self.subject) else (
                f" về {self.subject}"
            )
        return text


def _starts_with_verb(subject: str) -> bool:
    return any(
        subject.startswith(verb) and subject[len(verb):len(verb) + 1] in {" ", ""}
        for verb in _PLAIN_SUBJECT_VERBS
    )


@attrs.frozen
class ReferenceMatch:
    """A citation found in prose: the reference and the exact span it was read from.

    ``text == source[start:end]`` always holds for the text it was extracted from, and
    ``parse_reference(text) == ref``.
    """

    ref: LegalDocumentRef = attrs.field(validator=of_type(LegalDocumentRef))
    start: int = attrs.field(validator=of_type(int))
    end: int = attrs.field(validator=of_type(int))
    text: str = attrs.field(validator=of_type(str))


def _reference(  # noqa: PLR0917 - the fields of LegalDocumentRef, in order
    doc_type: DocumentType | None, number: int, symbol: str, year: int | None,
    issued_on: date | None, issuer: str | None, subject: str | None,
    warnings: tuple[str, ...], number_suffix: str,
) -> LegalDocumentRef:
    """``LegalDocumentRef(...)`` without its type checks, for the scan.

    The scan makes a reference per citation from values whose types its own code fixes,
    so the checks of ``__init__`` would only repeat themselves; tests compare what this
    makes with what ``__init__`` makes, field by field (see :func:`slot_setters`).
    """
    ref = _NEW(LegalDocumentRef)
    (set_type, set_number, set_symbol, set_year, set_issued_on, set_issuer, set_subject,
     set_warnings, set_suffix) = _REF_SETTERS
    set_type(ref, doc_type)
    set_number(ref, number)
    set_symbol(ref, symbol)
    set_year(ref, year)
    set_issued_on(ref, issued_on)
    set_issuer(ref, issuer)
    set_subject(ref, subject)
    set_warnings(ref, warnings)
    set_suffix(ref, number_suffix)
    return ref


def _match(ref: LegalDocumentRef, start: int, end: int, text: str) -> ReferenceMatch:
    """``ReferenceMatch(...)`` without its type checks, for the scan (see :func:`_reference`)."""
    found = _NEW(ReferenceMatch)
    set_ref, set_start, set_end, set_text = _MATCH_SETTERS
    set_ref(found, ref)
    set_start(found, start)
    set_end(found, end)
    set_text(found, text)
    return found


_NEW = object.__new__
_REF_SETTERS = slot_setters(LegalDocumentRef)
_MATCH_SETTERS = slot_setters(ReferenceMatch)


# --- the grammar -----------------------------------------------------------------------------
#
# Every repetition is bounded or runs over a character class that the next token cannot start
# with, so a failed attempt costs a constant amount of work plus the length of the token it
# read: matching is linear in the text, also on adversarial input.

_HS = r"[^\S\r\n\f\v]"
# The gap between two words of a citation: spaces, or a line or page break (a citation
# wrapped across lines, or across a page of a PDF) with spaces around it.
_SP = rf"(?:{_HS}{{1,3}}|{_HS}{{0,3}}(?:\r?\n|\r|\f|\v){{1,2}}{_HS}{{0,3}})"
_UPPER = "A-ZĐƯƠÔÂĂÊ"
_SYMBOL_CHARS = "A-Za-zĐđƯưƠơÔôÂâĂăÊê0-9&"
# A stray space may split an agency code (SLĐT BXH), never before a place (UBND TP. Huế).
_SEGMENT = (
    rf"[{_UPPER}][{_SYMBOL_CHARS}]{{0,15}}(?:[ ][{_UPPER}]{{2,8}}(?![\w&])(?<! TP)(?<! TX))?"
)
# The parts of a symbol are joined by a hyphen; one at the end of a wrapped line may have a
# space before it (473/TTr -⏎NN&PTNT), read with a warning like any stray space.
_DASH = r"(?:-|[ ]?-[ ]?(?:\r?\n))"
_SYMBOL = rf"{_SEGMENT}(?:{_DASH}{_SEGMENT}){{0,5}}"
_MAX_NUMBER_DIGITS = 6
_NUMBER = rf"[0-9]{{1,{_MAX_NUMBER_DIGITS}}}"
_SUFFIX = r"[a-zA-Z]"
# The short date with one separator throughout (23/4/2018, 23-4-2018, 23.4.2018), the long one
# with "tháng" and "năm"; the group names are those ``date_from_match`` reads.
_DATE = (
    r"(?:(?P<d1>[0-9]{1,2})(?P<sep>[/.-])(?P<m1>[0-9]{1,2})(?P=sep)(?P<y1>[0-9]{4})(?![0-9/])"
    rf"|(?P<d2>[0-9]{{1,2}}){_SP}(?i:tháng){_SP}(?P<m2>[0-9]{{1,2}})"
    rf"{_SP}(?i:năm){_SP}(?P<y2>[0-9]{{4}})(?![0-9]))"
)


def _words(label: str) -> str:
    """A type name whose words may be separated by any gap, a line break included."""
    return _SP.join(re.escape(word) for word in label.split(" "))


def _type_words() -> str:
    cased = {label.lower() for label in _CASED_LABELS}
    loose = sorted(
        (label for label in (*_BY_LABEL, _GENERIC, _GENERIC_VBQPPL) if label not in cased),
        key=len, reverse=True,
    )
    strict = sorted(_CASED_LABELS, key=len, reverse=True)
    abbreviations = sorted(_BY_ABBREVIATION, key=len, reverse=True)
    return (
        f"(?i:{_by_first_letter(loose)})|{'|'.join(map(_words, strict))}"
        f"|{'|'.join(map(re.escape, abbreviations))}"
    )


def _by_first_letter(labels: Sequence[str]) -> str:
    """``a|b|…`` of the labels' patterns, those with one first letter grouped behind it.

    Without case, the engine tries each alternative in turn even when its first letter
    differs; grouped, it tries each first letter once. The labels keep their order within a
    group, and labels of two groups never match at the same place, so the pattern matches
    what the plain alternation matches.
    """
    groups: dict[str, list[str]] = {}
    for label in labels:
        pattern = _words(label)
        assert pattern[0] == label[0]  # noqa: S101 - a letter, which re.escape leaves
        groups.setdefault(label[0].lower(), []).append(pattern[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# "Báo cáo thẩm định số", "Chương trình hành động số", "Thông báo kết luận số": up to three
# lower-case words between the type name and "số".
_QUALIFIER = r"[^\W\d_A-ZĐ]{1,10}(?:[ ][^\W\d_A-ZĐ]{1,10}){0,2}"
# A law's name between "Luật" and "số": "Luật Đầu tư công số 49/2014/QH13", "Luật Cán bộ,
# công chức số 22/2008/QH12"; at most ten words.
_LAW_NAME = r"[^\W\d_]{1,12}(?:,?[ ][^\W\d_]{1,12}){0,9}"
# After "số": a colon, or a full stop, then the gap before the number.
_SO_TAIL = rf"(?::{_HS}{{0,3}}|\.?{_SP})"
_SO = rf"(?i:số){_SO_TAIL}"
_LAW_WORDS = ("Luật", "Bộ luật", "Pháp lệnh")

# The type name, law name and "số" before a number: what a citation may start with.
_PREFIX = rf"""
    (?:(?<!\w)(?P<type>{{types}})
       (?:(?:{_SP}(?P<qual>{_QUALIFIER}))?{_SP}{_SO}|{_SP})
     | (?<!\w)(?P<law>{'|'.join(w.replace(" ", "[ ]") for w in _LAW_WORDS)}){_SP}
       (?P<name>{_LAW_NAME}){_SP}{_SO}
    )
"""
# The number and symbol (and the date): what every citation has.
# The number and its suffix are read once: a shorter number or no suffix leaves a digit or
# a letter before the "/" or "-" that every form asks for next, so no form could match with
# them. The three forms follow: with a year (12/2023/NĐ-CP), the Party's (03-CT/TU) and the
# administrative one (215/BC-STP). The date is tried only where a "n" of "ngày" follows the
# white space and comma after the symbol (at most twelve characters: a space, a comma and the
# widest gap); written as a branch with an empty alternative, which the engine tries more
# cheaply than an optional group.
_CORE = rf"""
    (?<![\w./-])
    (?P<num>{_NUMBER})(?P<suf>{_SUFFIX})?
    (?:
        [ ]?/(?P<year>[0-9]{{4}})/(?P<vsym>{_SYMBOL})
      | [ ]?-[ ]?(?P<pkind>{_SEGMENT})/(?P<psym>{_SYMBOL})
      | /(?P<asym>{_SYMBOL})
    )
    (?![\w/&-])
    (?:(?=[\s,]{{1,12}}[nN])(?P<dated>{_HS}?,?{_SP}(?i:ngày){_SP}{_DATE})|)
"""


def _prefix() -> str:
    """:data:`_PREFIX` with the type names, behind a look-ahead at its first letter.

    The look-ahead only refuses what no alternative begins with, so the prefix matches what
    it matched without it; but a place where no prefix starts (most places: the number
    itself, and any word beginning with another letter) is passed over at the cost of one
    test, not one per type name, each in both cases.
    """
    return rf"(?=(?:{_first_letters(1)})){_PREFIX.replace('{types}', _type_words())}"


# Compiled on first use: compiling this pattern is a good part of ``import cchc_model``.
_CITATION = Lazy(lambda: re.compile(f"(?:{_prefix()})?{_CORE}", re.VERBOSE))


def _widest(pattern: str) -> int:
    """The most characters *pattern* can match, as the regular-expression parser counts it."""
    if sys.version_info >= (3, 11):
        from re import _parser as parser  # noqa: PLC0415
    else:  # pragma: no cover - the module's name before Python 3.11
        import sre_parse as parser  # noqa: PLC0415
    return int(parser.parse(pattern, re.VERBOSE).getwidth()[1])


def _first_letter_sets(count: int) -> tuple[set[str], set[str]]:
    """The first *count* letters of each type name and law name: matched in any case, as cased.

    Only letters of its first word: the gap after that word may be any white space.
    """
    cased = {label.lower() for label in _CASED_LABELS}
    loose = {
        label.split(" ")[0][:count]
        for label in (*_BY_LABEL, _GENERIC, _GENERIC_VBQPPL) if label not in cased
    }
    strict = {
        label.split(" ")[0][:count] for label in (*_CASED_LABELS, *_BY_ABBREVIATION, *_LAW_WORDS)
    }
    return loose, strict


def _first_letters(count: int = 2) -> str:
    """What a type name or law name begins with: the first *count* letters of each."""
    loose, strict = _first_letter_sets(count)
    return (
        f"(?i:{'|'.join(map(re.escape, sorted(loose)))})|{'|'.join(map(re.escape, sorted(strict)))}"
    )


def _first_letter_class() -> str:
    """A character class of every character a type name or law name may begin with."""
    loose, strict = _first_letter_sets(1)
    chars = set(strict)
    for letter in loose:
        chars |= case_variants(letter)
    return f"[{''.join(map(re.escape, sorted(chars)))}]"


@attrs.frozen
class _Scanner:
    """The citation grammar split for speed: number cores first, type names around them.

    Every citation has a number core (``12/2023/NĐ-CP``, ``215/BC-STP``, ``03-CT/TU``); the
    type name, law name and "số" before it (the prefix) are at most ``reach`` characters
    long, as the parser works out from the prefix's own pattern, and hold letters, spaces
    and line breaks, commas (in a law's name), and a ``.`` or ``:`` after "số" only, no
    further before the number than the widest gap after "số". So the full grammar needs trying
    only at the word starts, after the last character no prefix can hold, within ``reach``
    before a core, and at the core itself.
    """

    full: re.Pattern[str]
    core: re.Pattern[str]
    #: Where a core may start (see :func:`_core_starts`).
    core_start: re.Pattern[str]
    #: The prefix alone, matched up to the core (``fullmatch`` with the core's start as end).
    prefix: re.Pattern[str]
    prefix_start: re.Pattern[str]
    reach: int
    #: How far before a core the ``.`` or ``:`` after "số" may be: the widest gap after it.
    punctuation_reach: int


def _scanner() -> _Scanner:
    prefix = _prefix()
    return _Scanner(
        full=_CITATION.get(),
        core=re.compile(_CORE, re.VERBOSE),
        # Where a number core may start: one to six digits, not after a letter, digit or
        # "_./-", then a letter (the suffix), the letter optional, and what each form of the
        # core begins with: a "/", a year and a "/"; a "-" and a capital; a "/" and a
        # capital. So a date or a ratio ("04/3/2022", "12/12") is let go in the engine. The
        # look-behind comes after the first digit so that the engine's scan for a digit runs
        # first.
        core_start=re.compile(
            rf"[0-9](?<![\w./-][0-9])[0-9]{{0,{_MAX_NUMBER_DIGITS - 1}}}"
            rf"(?=[A-Za-z]?(?:[ ]?/[0-9]{{4}}/|[ ]?-[ ]?[{_UPPER}]|/[{_UPPER}]))"
        ),
        prefix=re.compile(prefix, re.VERBOSE),
        # A word start where a type name or law name may begin. The pattern begins with a
        # class of their first letters, so that the engine passes over other characters in
        # its fast loop; the look-behind then tests the place itself: no letter before it,
        # the first letter (one test refuses most word starts) and the first three.
        prefix_start=re.compile(
            rf"{_first_letter_class()}"
            rf"(?<=(?<!\w)(?=(?:{_first_letters(1)}))(?=(?:{_first_letters(3)})).)"
        ),
        reach=_widest(prefix),
        punctuation_reach=_widest(_SO_TAIL),
    )


_SCANNER = Lazy(_scanner)
# What no prefix holds: anything but letters, white space and ",.:"; two classes, each
# scanned for by the engine in one pass (an alternation of them is tried at every place).
_NOT_IN_PREFIX = (re.compile(r"[^\w\s,.:]"), re.compile(r"[\d_]"))
# Every form of a core holds a "/", at most this many characters after the core's start: six
# digits, a suffix, a space, a "-", a space and the widest segment (the Party form's kind).
_TO_SLASH = 35
# How far past a core's "/" the pattern of where a core may start reads: "/", a year, "/".
_PAST_SLASH = 6


def _core_starts(text: str) -> Iterator[int]:
    """Where a number core may start, in order: a superset of where one does.

    A core is one to six digits, not after a letter, digit or ``./-``, then a letter (the
    suffix), the letter optional, and the start of one of its three forms: what the core's
    own pattern asks of its first characters, looked for by one pattern whose scan for a
    digit runs in the engine. Every form holds a ``/``: text without one holds no core.
    """
    first = text.find("/")
    if first < 0:
        return iter(())
    # Only from where the first "/" can belong to a core to as far past the last "/" as
    # the pattern reads: the engine's scan for digits costs by the character.
    found = _SCANNER.get().core_start.finditer(
        text, max(0, first - _TO_SLASH), text.rfind("/") + _PAST_SLASH
    )
    return (match.start() for match in found)


#: A match of the grammar: the match of its prefix (``None`` when it has none) and the match
#: holding its core. A match of the whole grammar is both: ``(match, match)``.
_Matched = tuple["re.Match[str] | None", "re.Match[str]"]


def _grammar_matches(text: str) -> Iterator[_Matched]:
    """What ``_CITATION.finditer(text)`` yields, the same matches, found faster.

    ``finditer`` yields the leftmost match from where the last one ended (*resume*). Every
    match has a core, and the first core from *resume* on (*at*) is the core of the next
    match: a prefix holds no digit, so it cannot reach over a core to a later one. A match
    without a prefix starts at *at*; one with a prefix starts at most ``reach`` before it,
    after any character no prefix holds, and where a type name or law name begins, so the
    prefix is tried at those places in order, each up to *at* (where the whole grammar's
    prefix must end, the core matching there), then none. :func:`_core_starts` names every
    place a core may start. The core is matched once, on its own: a match is yielded as its
    prefix's match and its core's.
    """
    scanner = _SCANNER.get()
    match_core, prefix_starts, match_prefix = (
        scanner.core.match, scanner.prefix_start.finditer, scanner.prefix.fullmatch
    )
    reach, punctuation_reach = scanner.reach, scanner.punctuation_reach
    not_in_prefix, digit = _NOT_IN_PREFIX
    resume = 0
    for at in _core_starts(text):
        if at < resume:
            continue
        core = match_core(text, at)
        if core is None:
            continue
        # The text before the core, backwards: how far back a prefix may start.
        before = text[max(resume, at - reach):at][::-1]
        barrier = not_in_prefix.search(before)
        bound = len(before) if barrier is None else barrier.start()
        barrier = digit.search(before, 0, bound)
        if barrier is not None:
            bound = barrier.start()
        found = before.find(".", punctuation_reach, bound)
        if found >= 0:
            bound = found
        found = before.find(":", punctuation_reach, bound)
        if found >= 0:
            bound = found
        head = None
        for start in prefix_starts(text, at - bound, at):
            head = match_prefix(text, start.start(), at)
            if head is not None:
                break
        yield head, core
        resume = core.end()


def _start(matched: _Matched) -> int:
    """Where a grammar match begins: at its prefix, or at its core when it has none."""
    head, core = matched
    return core.start() if head is None else head.start()


_ISSUER_START = re.compile(rf"{_HS}?,?{_SP}(?i:của)(?={_SP})")
# Where the "ủ" of a "của" at the start of _ISSUER_START can be at the farthest: a space, a
# comma, a gap of three spaces, two line breaks ("\r\n") and three spaces, and "c".
_ISSUER_REACH = 1 + 1 + 3 + 4 + 3 + 1 + 1
_ISSUER_TOKEN = re.compile(rf"{_SP}([-–&]|[^\W\d_][\w-]{{0,30}})")
_ISSUER_COMMA = re.compile(rf",{_SP}([^\W\d_][\w-]{{0,30}})")
_BAN_HANH = re.compile(rf"{_SP}hành(?!\w)")
_LAW_SYMBOL = re.compile(r"(?:UBTV)?QH[0-9]{1,2}")
_WHITESPACE = re.compile(r"\s+")
_HYPHENS = re.compile(r"[-–]")

# Lower-case syllables that continue an agency's name ("Ủy ban nhân dân tỉnh", "Ban Chấp hành
# Trung ương", "Sở Lao động - Thương binh và Xã hội"); any other lower-case word ends it.
_ISSUER_SYLLABLES = frozenset(
    (
        "ban", "nhân", "dân", "tỉnh", "huyện", "xã", "thành", "phố", "quận", "phường", "thị",
        "trấn", "tịch", "phủ", "chính", "động", "binh", "hội", "vụ", "ủy", "uỷ", "tướng",
        "trưởng", "nhiệm", "phòng", "và", "tư", "pháp", "nội", "tài", "nguyên", "môi",
        "trường", "thông", "tin", "truyền", "dựng", "tế", "dục", "tạo", "hoạch", "đầu",
        "nghiệp", "nông", "thôn", "quốc", "gia", "an", "tra", "nước", "bạc", "hiểm", "cục",
        "sản", "lao", "thương", "xây", "giáo", "đào", "kế", "công", "thanh", "vận", "tải",
        "khoa", "học", "hóa", "hoá", "thao", "du", "lịch", "ngoại", "hành", "chấp", "thường",
        "thư", "đồng", "đảng", "ương", "trung", "chủ", "liên", "bộ", "ngành", "đoàn", "kiểm",
        "sát", "tòa", "toà", "án", "tối", "cao", "mặt", "trận", "nhà", "kho", "ngân", "hàng",
        "nghệ", "tộc", "trị", "đạo", "toán", "lực", "đô", "lợi", "thủy", "thuỷ", "lâm",
        "bản", "vệ", "sinh", "ninh", "hải", "quan", "thuế", "chi", "điện", "cán", "sự",
        "đua", "khen", "thưởng", "khóa", "khoá", "cử", "biểu",
    )
)
# Words a wrapped line cannot end a phrase with: after them a line break never ends the
# subject ("… của⏎Bộ Y tế", "… tỉnh⏎Quảng Nam").
_OPEN_WORDS = frozenset(
    (
        "của", "về", "và", "các", "những", "tại", "cho", "với", "theo", "tỉnh", "huyện", "xã",
        "thành", "phố", "quận", "phường", "hành", "thuộc", "trên", "trong", "là", "việc",
        "đối", "số", "năm", "ngày", "tháng", "giai", "đoạn", "Luật", "Nghị", "Bộ",
    )
)
# Capitalised type names that begin a new phrase, not another word of an issuer's name
# ("… của Ban Chấp hành Trung ương Quy định thi hành …").
_TYPE_LABEL_START = "|".join(
    re.escape(t.label)
    for t in sorted(DocumentType, key=lambda t: -len(t.label))
    if t is not DocumentType.PLAN  # Sở Kế hoạch và Đầu tư
)
# Syllables that continue a name only after one word: "Phát triển", "Ngoại giao".
_ISSUER_PAIRS = frozenset((("Phát", "triển"), ("Ngoại", "giao"), ("Giao", "thông")))
# Words after a comma that go on naming the issuer ("Bộ trưởng, Chủ nhiệm Văn phòng Chính
# phủ"; "Bộ Chính trị, Ban Bí thư").
_ISSUER_HEADS = frozenset(
    ("Bộ", "Ban", "Chủ", "Thủ", "Ủy", "Uỷ", "UBND", "HĐND", "Hội", "Tổng", "Liên", "Thường",
     "Đảng", "Mặt", "Tòa", "Viện", "Kho", "Ngân", "Cục", "Bí", "Trưởng", "Phó", "Giám")
)
_SUBJECT_TRAILERS = frozenset(
    (
        "và", "theo", "của", "tại", "trên", "với", "cho", "hoặc", "để", "từ", "cùng", "như",
    )
)
_SUBJECT_ABOUT = re.compile(rf"{_HS}?,?{_SP}(?:về|v/v|V/v){_SP}(?=\w)")
_SUBJECT_VERB = re.compile(
    rf"{_SP}(?=(?:{'|'.join(map(_words, _SUBJECT_VERBS))}"
    rf"|{'|'.join(_words(verb.capitalize()) for verb in _PLAIN_SUBJECT_VERBS)})(?!\w))"
)
_VERB_AT = rf"(?:{'|'.join(map(_words, _SUBJECT_VERBS))})(?!\w)"
# A type name or a verb: what begins a new phrase after an issuer's name.
_PHRASE_START = re.compile(f"{_TYPE_LABEL_START}|{_VERB_AT}")
# "về" or a verb: the first that matches of the two, in one match.
# Compiled on first use: it is as long as the verbs' pattern, a few milliseconds of import.
_SUBJECT_HEAD = Lazy(
    lambda: re.compile(f"(?:{_SUBJECT_ABOUT.pattern})|(?:{_SUBJECT_VERB.pattern})")
)
_SUBJECT_BARE = re.compile(rf"{_SP}(?=[^\W\d_])")
_SUBJECT_LIMIT = 400
_SUBJECT_TRAILING = " ,:-–.\t\r\n\f\v"
_ABBREVIATIONS = frozenset(("TP", "Tp", "TX", "TT", "Q", "P", "ThS", "TS", "PGS", "GS"))
_ISSUER_LIMIT = 24
_LINE_BREAKS = "\r\n\f\v"
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_SUBJECT_TERMINATORS = ";)(?!\t"
_SUBJECT_TERMINATOR = re.compile(f"[{re.escape(_SUBJECT_TERMINATORS)}]")
# What may end a subject: a terminator, a line break, the full stop of a sentence (". "),
# written as one character class first so that the search runs the class's fast loop; and
# what normalize_text replaces or drops, which the same search notes on its way.
_SUBJECT_STOP = re.compile(
    rf"[;)(?!\t{_LINE_BREAKS}.{_TRANSLATED.pattern[1:-1]}](?:(?<=[^.])|(?= ))"
)


class _Core(NamedTuple):
    """A citation's type, number and symbol (and date) as the grammar read them.

    The fields of its :class:`LegalDocumentRef`, made once the issuer and subject are read.
    """

    start: int
    end: int
    doc_type: DocumentType | None
    number: int
    symbol: str
    year: int | None
    issued_on: date | None
    warnings: tuple[str, ...]
    suffix: str
    name: str | None


def _one_spaced(text: str) -> str:
    """*text* with each run of white space made one space.

    Only a plain space among the white space characters is printable, so printable text
    without two spaces in a row is left as it is without a substitution.
    """
    if text.isprintable() and "  " not in text:
        return text
    return _WHITESPACE.sub(" ", text)


def _plain_words(text: str, *, plain: bool = False) -> str:
    """``_one_spaced(normalize_text(text))``, without normalising what is normal already.

    Text with none of the characters :func:`normalize_text` replaces or drops, and in NFC,
    is changed by it only in its runs of spaces, which :func:`_one_spaced` makes single
    anyway. The issuers and subjects the scan reads are slices of NFC text, so most are.
    *plain*: the caller knows *text* has none of those characters.
    """
    if (plain or not has_translated(text)) and unicodedata.is_normalized("NFC", text):
        return _one_spaced(text)
    return _one_spaced(normalize_text(text))


def _clean_symbol(raw: str, warnings: list[str]) -> str:
    if " " in raw or "\n" in raw:
        warnings.append(f"{WARN_SYMBOL_SPACE}: {_WHITESPACE.sub(' ', raw)}")
        return _WHITESPACE.sub("", raw)
    return raw


def _number_and_symbol(
    match: re.Match[str], warnings: list[str], *, cong_van: bool
) -> tuple[int, str, int | None, str, DocumentType | None] | None:
    """Number, suffix, year, symbol and the type the symbol names, or ``None``.

    *match* is the core's match.
    """
    number, suffix, year_written, symbol_written, kind, party_symbol, agency_symbol = (
        match.group("num", "suf", "year", "vsym", "pkind", "psym", "asym")
    )
    if year_written is not None:
        year = int(year_written)
        symbol = _clean_symbol(symbol_written, warnings)
        if year < 1900 or ("-" not in symbol and not _LAW_SYMBOL.fullmatch(symbol)):
            return None
        symbol_type = _BY_ABBREVIATION.get(symbol.split("-")[0]) if "-" in symbol else None
        return int(number), suffix or "", year, symbol, symbol_type
    if kind is not None:
        if kind not in _PARTY_KINDS:
            return None
        symbol = f"{kind}/{_clean_symbol(party_symbol, warnings)}"
        return int(number), suffix or "", None, symbol, _PARTY_KINDS[kind]
    symbol = _clean_symbol(agency_symbol, warnings)
    if "-" not in symbol and not cong_van:
        return None  # "Đề án 06/CP" names a programme; "Công văn 285/CCTTHC" is a công văn
    symbol_type = _BY_ABBREVIATION.get(symbol.split("-")[0])
    return int(number), suffix or "", None, symbol, symbol_type


def _agrees(written: DocumentType | None, named: DocumentType | None, party: bool) -> bool:
    """Whether a type name and the type its symbol names agree."""
    if named is None or named is written:
        return True
    # The Party wrote QĐ for a Quy định before Hướng dẫn 36-HD/VPTW gave it QĐi.
    return party and named is DocumentType.DECISION and written is DocumentType.REGULATION


def _core(matched: _Matched, text: str) -> _Core | None:
    """The reference of a grammar match, or ``None`` when it is not a citation after all."""
    head, match = matched
    warnings: list[str] = []
    type_word = law = name = None
    if head is not None:
        type_word, law, name = head.group("type", "law", "name")
    cong_van = type_word is not None and type_word.lower() == "công văn"
    read = _number_and_symbol(match, warnings, cong_van=cong_van)
    if read is None:
        return None
    number, suffix, year, symbol, symbol_type = read
    if number == 0:
        return None
    party = _is_party_symbol(symbol)

    if law is not None:
        type_word = law
    # "QĐ 123/QĐ-UBND", "NĐ 30/2020/NĐ-CP": an abbreviation leads only when it is the
    # symbol's own; any other capitals before a number are not a type name.
    if type_word in _BY_ABBREVIATION and (
        _BY_ABBREVIATION[type_word] is not symbol_type or party
    ):
        type_word = None
    label = None if type_word is None else _one_spaced(type_word).lower()
    doc_type: DocumentType | None
    if type_word is None or label in {_GENERIC, _GENERIC_VBQPPL} or (
        type_word in _BY_ABBREVIATION
    ):
        if type_word is None and symbol_type is None and year is not None:
            return None  # a bare 80/2015/QH13 may be a law or a resolution: not guessed
        doc_type = symbol_type
        if party and symbol_type is None and type_word is None:
            doc_type = None  # a Party công văn, 12-CV/TU
    else:
        assert label is not None  # noqa: S101 - type_word is set here
        doc_type = _BY_LABEL[label]
        if not _agrees(doc_type, symbol_type, party):
            first = symbol.partition("/")[0] if party else symbol.split("-")[0]
            shown = _WHITESPACE.sub(" ", type_word)
            warnings.append(f"{WARN_TYPE_MISMATCH}: {shown} / {first}")

    start = match.start("num")
    if type_word is not None:
        assert head is not None  # noqa: S101 - a type name is the prefix's
        start = head.start("law" if law is not None else "type")
    end = match.end()
    issued_on = None
    dated = match.group("dated")
    if dated is not None:
        try:
            issued_on = date_from_match(match, dated)
        except CchcError:
            day_start = match.start("d1" if match.group("d1") is not None else "d2")
            written = _WHITESPACE.sub(" ", text[day_start:match.end("dated")])
            warnings.append(f"{WARN_BAD_DATE}: {written}")
            end = match.start("dated")
    name = name if law is not None else None
    return _Core(
        start, end, doc_type, number, symbol, year, issued_on, tuple(warnings), suffix,
        None if name is None else _one_spaced(name),
    )


def _continues(previous: str, part: str) -> bool:
    return part[0].isupper() or part in _ISSUER_SYLLABLES or (previous, part) in _ISSUER_PAIRS


def _capitals() -> str:
    """A character class of the capital letters of Latin script, Vietnamese's among them."""
    ranges = (range(0x41, 0x250), range(0x1E00, 0x1F00))
    return "[" + "".join(re.escape(c) for r in ranges for c in map(chr, r) if c.isupper()) + "]"


def _trie(words: Iterable[Sequence[str]]) -> str:
    """One alternation of *words*, each a sequence of patterns, their shared starts once.

    ``a(?:b|c)`` matches where ``ab|ac`` does; it tries ``a`` once where the plain
    alternation tries it for every word, so a long list of words costs a few steps a word.
    A word's end is an empty alternative, tried last.
    """
    groups: dict[str, list[Sequence[str]]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [atom + _trie(rests) for atom, rests in groups.items()]
    if ends:
        branches.append("")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _gapped(words: str) -> tuple[str, ...]:
    """The letters of *words* as patterns, with any gap (:data:`_SP`) between two words."""
    atoms: list[str] = []
    for word in words.split(" "):
        if atoms:
            atoms.append(_SP)
        atoms.extend(map(re.escape, word))
    return tuple(atoms)


def _issuer_run() -> re.Pattern[str]:
    """The issuer's first word and as many plain words after it as one match reads.

    A plain word is one :func:`_issuer`'s loop takes for sure: a capitalised word or one of
    :data:`_ISSUER_SYLLABLES`, whole (no hyphen, not cut by the token's length), not "Ban
    hành", not the start of a phrase (:data:`_PHRASE_START`, written as a trie); or "và",
    "-", "–", "&". The loop goes on from where the match stops, so a word the pattern does
    not take is read as before.
    """
    syllables = _trie([tuple(map(re.escape, word)) for word in _ISSUER_SYLLABLES])
    labels = [tuple(map(re.escape, t.label)) for t in DocumentType if t is not DocumentType.PLAN]
    verbs = [(*_gapped(verb), r"(?!\w)") for verb in _SUBJECT_VERBS]
    phrase = _trie([*labels, *verbs])
    ban_hanh = rf"(?![Bb]an{_SP}hành(?!\w))"
    word = rf"{_capitals()}\w{{0,30}}"
    return re.compile(
        rf"{_SP}(?P<first>{ban_hanh}{word}(?![\w-]))"
        rf"(?:{_SP}(?P<token>(?P<sep>và(?![\w-])|[-–&])"
        rf"|(?P<word>{ban_hanh}(?!{phrase})(?:{word}|{syllables})(?![\w-]))))"
        rf"{{0,{_ISSUER_LIMIT - 1}}}"
        # Where the loop would stop at its next word: no word follows, or "về" does.
        rf"(?P<stop>(?!{_SP}(?:[-–&]|[^\W\d_])|,{_SP}[^\W\d_])|(?={_SP}về(?![\w-])))?"
    )


_ISSUER_RUN = Lazy(_issuer_run)


def _issuer(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The issuing body named by "của …" at *pos*, and where it ends, at *limit* at most.

    A name that would go on past *limit* (where the next citation begins) is no issuer.
    """
    window = text[pos:pos + _ISSUER_REACH]
    if "ủ" not in window and "Ủ" not in window:
        return None  # no "của" within reach: not worth a match
    head = _ISSUER_START.match(text, pos)
    if head is None:
        return None
    cursor = head.end()
    run = _ISSUER_RUN.get().match(text, cursor)
    if run is None:
        return _issuer_words(text, cursor, limit)
    first = run.start("first")
    cursor = run.end()
    last = run.end("word")
    if last < 0:
        last = run.end("first")
    if last > limit:
        return None
    if run.start("stop") >= 0:
        return _plain_words(text[first:last]), last
    read = 1
    previous = run.group("first")
    if cursor > run.end("first"):  # words after the first: how many, and the last one
        previous = run.group("token")
        read = len(text[first:cursor].split())
    return _issuer_words(text, cursor, limit, first, last, previous, _ISSUER_LIMIT - read)


def _issuer_words(  # noqa: PLR0917 - the loop's state, where the run stopped
    text: str, cursor: int, limit: int, first: int = -1, last: int = -1, previous: str = "",
    budget: int = _ISSUER_LIMIT,
) -> tuple[str, int] | None:
    """:func:`_issuer` read a word at a time from *cursor*, with what was read before it."""
    for _ in range(budget):
        token = _ISSUER_TOKEN.match(text, cursor)
        after_comma = False
        if token is None and first >= 0:
            token = _ISSUER_COMMA.match(text, cursor)
            after_comma = token is not None
        if token is None:
            break
        word = token.group(1)
        if after_comma and word not in _ISSUER_HEADS:
            break
        if word in {"về", "v/v"}:
            break
        if word in {"Ban", "ban"} and _BAN_HANH.match(text, token.end()):
            break  # "… của Chính phủ ban hành Chương trình …": the subject begins
        if first >= 0 and _PHRASE_START.match(text, token.start(1)):
            break
        parts = [p for p in _HYPHENS.split(word) if p] if "-" in word or "–" in word else [word]
        if first < 0:
            if not parts or not parts[0][0].isupper():
                return None
            first = token.start(1)
        elif word not in {"-", "–", "&"} and not all(_continues(previous, p) for p in parts):
            break
        if word not in {"-", "–", "&", "và"}:
            last = token.end(1)
            if last > limit:
                return None
        previous = word
        cursor = token.end()
    if first < 0 or last < 0:
        return None
    return _plain_words(text[first:last]), last


def _subject_end(text: str, begin: int, stop: int) -> int:
    """Where a subject starting at *begin* ends, at *stop* at the latest."""
    return _subject_reach(text, begin, stop)[0]


def _subject_reach(text: str, begin: int, stop: int) -> tuple[int, bool]:
    """:func:`_subject_end`, and whether no character of ``_TRANSLATED`` comes before it.

    ``False`` when that is not known (a line break came first).

    One search finds the first terminator, line break or ". ": a terminator ends the
    subject, a ". " after no abbreviation too; a line break first (rare) is weighed by
    :func:`_subject_end_lines`.
    """
    plain = True
    found = _SUBJECT_STOP.search(text, begin, stop)
    while found is not None:
        at = found.start()
        char = text[at]
        if char in _LINE_BREAKS:
            return _subject_end_lines(text, begin, stop), False
        if char == ".":
            # "TP. Phan Rang - Tháp Chàm": an abbreviation's dot does not end the sentence.
            if text[text.rfind(" ", begin, at) + 1:at] not in _ABBREVIATIONS:
                return at, plain
            found = _SUBJECT_STOP.search(text, at + 2, stop)
            continue
        if char in _SUBJECT_TERMINATORS:
            return at, plain
        plain = False  # a character normalize_text replaces or drops
        found = _SUBJECT_STOP.search(text, at + 1, stop)
    return stop, plain


def _subject_end_lines(text: str, begin: int, stop: int) -> int:
    """:func:`_subject_end` of a subject with a line break before its first terminator."""
    terminator = _SUBJECT_TERMINATOR.search(text, begin, stop)
    if terminator is not None:
        stop = terminator.start()
    # A line break ends the subject unless the line goes on in lower case (a wrapped line).
    cursor = begin
    while cursor < stop:
        line_break = _LINE_BREAK.search(text, cursor, stop)
        if line_break is None:
            break
        at = line_break.start()
        after = at
        while after < stop and text[after] in _LINE_BREAKS and after - at < 2:
            after += 1
        while after < stop and text[after] in " \t":
            after += 1
        double = text[at:after].count("\n") + text[at:after].count("\f") > 1
        before = text[begin:at].rstrip(" \t")
        last_word = before.rpartition(" ")[2]
        wrapped = after < stop and (
            text[after].islower()
            or (text[after].isupper() and (last_word[:1].isupper() or last_word in _OPEN_WORDS))
        )
        if double or not wrapped or before.endswith((".", ":")):
            stop = at
            break
        cursor = after
    found = text.find(". ", begin, stop)
    while found >= 0:
        # "TP. Phan Rang - Tháp Chàm": an abbreviation's dot does not end the sentence.
        if text[text.rfind(" ", begin, found) + 1:found] not in _ABBREVIATIONS:
            stop = found
            break
        found = text.find(". ", found + 2, stop)
    return stop


def _subject(text: str, pos: int, limit: int, *, bare: bool = False) -> tuple[str, int] | None:
    """The subject at *pos*, ending before *limit* (the next citation) at the latest.

    It follows "về" (not part of it), a verb such as "quy định" or "ban hành" (part of it),
    or, when *bare*, any word.
    """
    head = _SUBJECT_HEAD.get().match(text, pos)
    if head is None and bare:
        head = _SUBJECT_BARE.match(text, pos)
    if head is None:
        return None
    begin = head.end()
    stop, plain = _subject_reach(text, begin, min(limit, begin + _SUBJECT_LIMIT, len(text)))
    if stop == begin + _SUBJECT_LIMIT and stop < len(text) and stop < limit:
        space = text.rfind(" ", begin, stop)
        stop = space if space > begin else stop
    # The subject without what trails it: punctuation, and a last word that cannot end it.
    subject = text[begin:stop].rstrip(_SUBJECT_TRAILING)
    while subject:
        space = subject.rfind(" ")
        if "\n" in subject:
            space = max(space, subject.rfind("\n"))
        if space < 0 or subject[space + 1:] not in _SUBJECT_TRAILERS:
            break
        subject = subject[:space].rstrip(_SUBJECT_TRAILING)
    if not subject:
        return None
    return _plain_words(subject, plain=plain), begin + len(subject)


def _uncut(normal: str, offsets: list[int], end: int) -> int:
    """*end*, or past the marks after it when the character before it took in marks.

    A character NFC composed with some of the marks written after it (``g`` and an acute
    in "g, dot below, acute") comes from a run of the input the span cannot cut: its other
    marks, left after it, go into the span too, so that the span read again reads the same.
    """
    if 0 < end < len(normal) and offsets[end] - offsets[end - 1] > 1:
        while end < len(normal) and unicodedata.combining(normal[end]):
            end += 1
    return end


def _scan(
    text: str, *, whole: bool = False, plain: bool = False, nfc: bool = False
) -> Iterator[ReferenceMatch]:
    """Every citation of *text*, in order; spans index *text* itself.

    *whole*: the text is one citation, so a subject may follow without an introducing word.
    *plain*: try the grammar at every position, as the tests' reference for the fast scan.
    *nfc*: the text is known to be NFC, so that it is not checked again.
    """
    cleaned = same_length_cleanup(text)
    normal: str
    offsets: list[int] | None
    if nfc and cleaned is text:
        normal, offsets = text, None
    else:
        normal, offsets = nfc_with_offsets(cleaned)
    matches: Iterator[_Matched] = (
        ((m, m) for m in _CITATION.get().finditer(normal)) if plain
        else _grammar_matches(normal)
    )
    if whole:
        # The text is one citation only if the first match starts it and is a citation: any
        # other first match already refuses it, so a text full of number cores is not read
        # further.
        first = next(matches, None)
        head = None if first is None or _start(first) != 0 else _core(first, normal)
        if head is None:
            return
        rest = (core for core in (_core(m, normal) for m in matches) if core is not None)
        cores = [head, *rest]
    else:
        cores = [core for core in (_core(m, normal) for m in matches) if core is not None]
    for i, core in enumerate(cores):
        limit = cores[i + 1].start if i + 1 < len(cores) else len(normal)
        end, issuer_name, subject_text = core.end, None, core.name
        issuer = _issuer(normal, end, limit)
        if issuer is not None:
            issuer_name, end = issuer
        # A subject without an introducing word only in a whole citation that names its
        # date or issuer: "… ngày 08/11/2011 của Chính phủ Chương trình …".
        bare = whole and (core.issued_on is not None or issuer_name is not None)
        subject = _subject(normal, end, limit, bare=bare)
        if subject is not None:
            subject_text, end = subject
        start = core.start
        if offsets is not None:
            start, end = offsets[start], offsets[_uncut(normal, offsets, end)]
        original = text[start:end]
        warnings = core.warnings
        if "\u00d0" in original:
            warnings = (*warnings, WARN_ETH)
        ref = _reference(
            core.doc_type, core.number, core.symbol, core.year, core.issued_on, issuer_name,
            subject_text, warnings, core.suffix,
        )
        yield _match(ref, start, end, original)


def extract_references(text: str, *, max_length: int = MAX_TEXT_LENGTH) -> list[ReferenceMatch]:
    """Every citation in *text*, in order, with its exact span.

    A citation is a number and symbol of one of the four forms (see the module), preceded or
    not by a type name ("Kế hoạch số", "Quyết định", "Công văn số", "Văn bản số") and followed
    or not by a date, "của" and the issuing body, and "về" and the subject. The subject ends at
    the end of the clause (``;``, ``.``, a line break) or where the next citation begins.

    Not citations: ratios (``12/12``, ``3.878/15.127``), dates, a type name without a number,
    a symbol without a type or agency part (``Đề án 06/CP`` names a programme: ``06/CP`` is not
    a number and symbol of any form), and a bare ``80/2015/QH13`` whose type (law or
    resolution) is not written.

    Text longer than *max_length* characters (:data:`MAX_TEXT_LENGTH` by default) is refused
    at once with :class:`~cchc_model.InputError`.

    .. versionadded:: 0.1.0

    >>> text = "Thực hiện Công văn số 872/UBND-VXNV ngày 04/3/2022 của UBND tỉnh; tỷ lệ 12/12."
    >>> [m.text for m in extract_references(text)]
    ['Công văn số 872/UBND-VXNV ngày 04/3/2022 của UBND tỉnh']
    >>> m = extract_references(text)[0]
    >>> text[m.start:m.end] == m.text, m.ref.issuer_code, m.ref.drafting_unit
    (True, 'UBND', 'VXNV')
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_references() takes a str, not {type(text).__name__}")
    _check_length(text, max_length)
    return list(_scan(text))


def references_in_nfc(text: str) -> list[ReferenceMatch]:
    """:func:`extract_references` of a text known to be NFC: a reader's paragraph.

    A report's reader brings its whole text to NFC once; its paragraphs, slices of it joined
    by spaces, need no second check.
    """
    _check_length(text, MAX_TEXT_LENGTH)
    return list(_scan(text, nfc=True))


def _check_length(text: str, max_length: int) -> None:
    if len(text) > max_length:
        raise InputError(
            f"văn bản quá dài để tìm trích dẫn: {len(text)} ký tự, tối đa {max_length} "
            f"(text too long to scan for citations: {len(text)} characters, "
            f"at most {max_length})"
        )


_HORIZONTAL_SPACE = re.compile(r"[^\S\r\n]+")


def parse_reference(text: str) -> LegalDocumentRef:
    """Read exactly one citation.

    Accepted: with or without "số"; "Văn bản số" and "Công văn số"; dates as ``02/8/2023``,
    ``2/8/2023`` or ``ngày 24 tháng 6 năm 2022``; NFD text; ``Ð`` typed for ``Đ``; a stray
    space inside a symbol (``QĐ-SLĐT BXH``); a trailing "của …" and "về …". What had to be
    normalised is listed in the result's ``warnings``.

    Anything that is not exactly one valid citation raises
    :class:`~cchc_model.ReferenceParseError` quoting the text.

    .. versionadded:: 0.1.0

    >>> ref = parse_reference("Quyết định số 25/QĐ-SLĐT BXH ngày 06/02/2022")
    >>> ref.number_symbol, ref.issued_on
    ('25/QĐ-SLĐTBXH', datetime.date(2022, 2, 6))
    >>> ref.warnings
    ('ký hiệu có khoảng trắng thừa (stray space in the symbol): QĐ-SLĐT BXH',)
    >>> parse_reference("Thông tư 61/2017/TT-BTC ngày 15/6/2017").year
    2017
    >>> parse_reference("số 12/12")
    Traceback (most recent call last):
    ...
    cchc_model.ReferenceParseError: trích dẫn văn bản không hợp lệ (invalid document citation): 'số 12/12'
    """  # noqa: E501
    if not isinstance(text, str):
        raise TypeError(f"parse_reference() takes a str, not {type(text).__name__}")
    if len(text) > MAX_REFERENCE_LENGTH:
        raise ReferenceParseError(
            f"quá dài để là một trích dẫn, tối đa {MAX_REFERENCE_LENGTH} ký tự "
            f"(too long for a citation, at most {MAX_REFERENCE_LENGTH} characters)",
            text=text,
        )
    squeezed = _HORIZONTAL_SPACE.sub(" ", text).strip().rstrip(".;,").rstrip()
    matches = list(_scan(squeezed, whole=True))
    if len(matches) != 1 or matches[0].start != 0 or matches[0].end != len(squeezed):
        bad_date = [w for m in matches for w in m.ref.warnings if w.startswith(WARN_BAD_DATE)]
        if len(matches) == 1 and bad_date:
            raise ReferenceParseError("ngày không tồn tại (no such date)", text=text)
        raise ReferenceParseError(text=text)
    return matches[0].ref


def is_valid_reference(text: str) -> bool:
    """Whether *text* is exactly one valid citation; never raises for a string.

    .. versionadded:: 0.1.0

    >>> is_valid_reference("Kế hoạch số 02/KH-SLĐTBXH"), is_valid_reference("12/12")
    (True, False)
    """
    try:
        parse_reference(text)
    except CchcError:
        return False
    return True
