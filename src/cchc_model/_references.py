"""Legal-document references: document types and the citation value.

The grammar that parses, formats and extracts citations lives here too.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

__all__ = ["DocumentType", "LegalDocumentRef", "ReferenceMatch"]


class DocumentType(enum.Enum):
    """Types of documents, with their Vietnamese name and abbreviation.

    Administrative types and abbreviations follow Nghị định 30/2020/NĐ-CP, Điều 7 and
    Phụ lục III; legal normative types follow Luật Ban hành VBQPPL 2015. Công văn has no
    abbreviation and no member: a công văn citation has ``doc_type=None``.

    >>> DocumentType.PLAN.label, DocumentType.PLAN.abbreviation
    ('Kế hoạch', 'KH')
    >>> DocumentType.REGULATION.abbreviation
    'QyĐ'
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


@attrs.frozen
class LegalDocumentRef:
    """One cited document: its type, number and symbol, date, issuing body and subject.

    ``symbol`` is what follows the number (and the year, for a VBQPPL): ``"KH-SLĐTBXH"``,
    ``"NĐ-CP"``, ``"SLĐTBXH-TTr"`` for a công văn, ``"CT/TU"`` for a Party document
    (``40-CT/TU``), ``"QH13"`` for a law. ``year`` is set for legal normative documents
    only (``61/2018/NĐ-CP``). ``issuer`` is the issuing body as written (``"UBND tỉnh Ninh
    Thuận"``); ``subject`` the "về …" text. ``warnings`` lists what was normalised while
    parsing a noisy citation (a stray space in a symbol, ``Ð`` for ``Đ``), so nothing is
    corrected silently.
    """

    doc_type: DocumentType | None
    number: int
    symbol: str
    year: int | None = None
    issued_on: date | None = None
    issuer: str | None = None
    subject: str | None = None
    warnings: tuple[str, ...] = ()


@attrs.frozen
class ReferenceMatch:
    """A citation found in prose: the reference and the exact span it was read from.

    ``text == source[start:end]`` always holds for the text it was extracted from.
    """

    ref: LegalDocumentRef
    start: int
    end: int
    text: str
