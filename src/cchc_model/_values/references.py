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
from collections.abc import Iterator
from datetime import date

import attrs

from cchc_model._base.dates import DATE, date_from_match, format_date
from cchc_model._base.errors import CchcError, InputError, ReferenceParseError
from cchc_model._base.lazy import Lazy
from cchc_model._base.text import nfc_with_offsets, normalize_text, same_length_cleanup

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

_BY_ABBREVIATION = {t.abbreviation: t for t in DocumentType if t.abbreviation is not None}
_GENERIC = "văn bản"  # "Văn bản số …": the type is whatever the symbol says
_CONG_VAN = "Công văn"
_BY_LABEL: dict[str, DocumentType | None] = {t.label.lower(): t for t in DocumentType}
_BY_LABEL["công văn"] = None

# Warnings a noisy citation leaves on its reference; rules recognise them by these prefixes.
WARN_SYMBOL_SPACE = "ký hiệu có khoảng trắng thừa (stray space in the symbol)"
WARN_ETH = "chữ Ð (U+00D0) được đọc là Đ (Ð read as Đ)"
WARN_TYPE_MISMATCH = "loại văn bản khác ký hiệu (document type differs from the symbol)"
WARN_BAD_DATE = "ngày không tồn tại, bỏ qua (no such date, ignored)"


def _split_symbol(ref: LegalDocumentRef) -> tuple[str | None, tuple[str, ...]]:
    """The type abbreviation written in the symbol, if any, and the other parts."""
    if "/" in ref.symbol:  # Party form: CT/TU
        kind, _, agency = ref.symbol.partition("/")
        return kind, tuple(agency.split("-"))
    parts = tuple(ref.symbol.split("-"))
    if parts[0] in _BY_ABBREVIATION and len(parts) > 1:
        return parts[0], parts[1:]
    return None, parts  # a công văn's AGENCY-UNIT, or a law's QH13


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
    """

    doc_type: DocumentType | None
    number: int
    symbol: str
    year: int | None = None
    issued_on: date | None = None
    issuer: str | None = None
    subject: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)

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
        """
        number = f"{self.number:02d}"
        if "/" in self.symbol:
            return f"{number}-{self.symbol}"
        if self.year is not None:
            return f"{number}/{self.year}/{self.symbol}"
        return f"{number}/{self.symbol}"

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
        """
        kind = self.symbol.partition("/")[0] if "/" in self.symbol else self.symbol.split("-")[0]
        if "/" not in self.symbol and "-" not in self.symbol:
            return None
        return _BY_ABBREVIATION.get(kind)

    @property
    def is_legal_normative(self) -> bool:
        """Whether the document is a legal normative document (VBQPPL).

        It is when it carries a year, or when its type is always one (Nghị định, Thông tư,
        Luật, …).
        """
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
        """
        text = self.short_citation
        if self.issuer:
            text += f" của {self.issuer}"
        if self.subject:
            text += f" về {self.subject}"
        return text


@attrs.frozen
class ReferenceMatch:
    """A citation found in prose: the reference and the exact span it was read from.

    ``text == source[start:end]`` always holds for the text it was extracted from, and
    ``parse_reference(text) == ref``.
    """

    ref: LegalDocumentRef
    start: int
    end: int
    text: str


# --- the grammar -----------------------------------------------------------------------------
#
# Every repetition is bounded or runs over a character class that the next token cannot start
# with, so a failed attempt costs a constant amount of work plus the length of the token it
# read: matching is linear in the text, also on adversarial input.

_SP = r"[^\S\r\n]{1,3}"
_UPPER = "A-ZĐ"
# A stray space may split an agency code (SLĐT BXH), never before a place (UBND TP. Huế).
_SEGMENT = rf"[{_UPPER}][A-Za-zĐđ0-9]{{0,15}}(?:[ ][{_UPPER}]{{2,8}}(?!\w)(?<! TP)(?<! TX))?"
_SYMBOL = rf"{_SEGMENT}(?:-{_SEGMENT}){{0,5}}"
_NUMBER = r"[0-9]{1,6}"
_TYPE_WORDS = "|".join(
    re.escape(label) for label in sorted((*_BY_LABEL, _GENERIC), key=len, reverse=True)
)

# Compiled on first use: compiling this pattern is a good part of ``import cchc_model``.
_CITATION = Lazy(lambda: re.compile(
    rf"""
    (?:(?<!\w)(?P<type>(?i:{_TYPE_WORDS}))(?:{_SP}(?i:số)[:.]?)?{_SP})?
    (?<![\w./-])
    (?:
        (?P<vnum>{_NUMBER})/(?P<year>[0-9]{{4}})/(?P<vsym>{_SYMBOL})
      | (?P<pnum>{_NUMBER})-(?P<pkind>{_SEGMENT})/(?P<psym>{_SYMBOL})
      | (?P<anum>{_NUMBER})/(?P<asym>{_SYMBOL})
    )
    (?![\w/-])
    (?P<dated>[^\S\r\n]?,?{_SP}(?i:ngày){_SP}{DATE})?
    """,
    re.VERBOSE,
))
_ISSUER_START = re.compile(rf"[^\S\r\n]?,?{_SP}của(?={_SP})")
_ISSUER_TOKEN = re.compile(rf"{_SP}([-–]|[^\W\d_][\w-]{{0,30}})")
_SUBJECT_START = re.compile(rf"[^\S\r\n]?,?{_SP}về{_SP}(?=\w)")
_LAW_SYMBOL = re.compile(r"(?:UBTV)?QH[0-9]{1,2}")

# Lower-case syllables that continue an agency's name ("Ủy ban nhân dân tỉnh", "Bộ Tài chính",
# "Sở Lao động - Thương binh và Xã hội"); any other lower-case word ends the name.
_ISSUER_SYLLABLES = frozenset(
    (
        "ban", "nhân", "dân", "tỉnh", "huyện", "xã", "thành", "phố", "quận", "phường", "thị",
        "trấn", "tịch", "phủ", "chính", "động", "binh", "hội", "vụ", "ủy", "tướng", "trưởng",
        "nhiệm", "phòng", "và", "tư", "pháp", "nội", "tài", "nguyên", "môi", "trường", "thông",
        "tin", "truyền", "dựng", "tế", "dục", "tạo", "hoạch", "đầu", "nghiệp", "nông", "thôn",
        "triển", "quốc", "gia", "an", "tra", "nước", "bạc", "hiểm", "cục", "sản", "lao", "thương",
        "xây", "giáo", "đào", "kế", "công", "thanh", "vận", "tải", "khoa", "học", "hóa", "thao",
        "du", "lịch", "ngoại", "giao",
    )
)
_SUBJECT_TRAILERS = frozenset(
    (
        "và", "theo", "của", "tại", "trên", "với", "cho", "hoặc", "để", "từ", "cùng", "như",
    )
)
_SUBJECT_LIMIT = 400
_ABBREVIATIONS = frozenset(("TP", "Tp", "TX", "TT", "Q", "P", "ThS", "TS", "PGS", "GS"))
_ISSUER_LIMIT = 16


@attrs.frozen
class _Core:
    """A citation's type, number and symbol (and date) as the grammar read them."""

    start: int
    end: int
    ref: LegalDocumentRef


def _clean_symbol(raw: str, warnings: list[str]) -> str:
    if " " in raw:
        warnings.append(f"{WARN_SYMBOL_SPACE}: {raw!r}")
        return raw.replace(" ", "")
    return raw


def _core(match: re.Match[str], text: str) -> _Core | None:
    """The reference of a grammar match, or ``None`` when it is not a citation after all."""
    warnings: list[str] = []
    type_word = match.group("type")
    if match.group("vnum") is not None:
        number, year = int(match.group("vnum")), int(match.group("year"))
        symbol = _clean_symbol(match.group("vsym"), warnings)
        if year < 1900:
            return None
        first = symbol.split("-")[0]
        if "-" not in symbol and not _LAW_SYMBOL.fullmatch(symbol):
            return None
        symbol_type = _BY_ABBREVIATION.get(first) if "-" in symbol else None
    elif match.group("pnum") is not None:
        number, year = int(match.group("pnum")), None
        kind = match.group("pkind")
        symbol_type = _BY_ABBREVIATION.get(kind)
        if symbol_type is None:
            return None
        symbol = f"{kind}/{_clean_symbol(match.group('psym'), warnings)}"
    else:
        number, year = int(match.group("anum")), None
        symbol = _clean_symbol(match.group("asym"), warnings)
        if "-" not in symbol:
            return None
        symbol_type = _BY_ABBREVIATION.get(symbol.split("-")[0])
    if number == 0:
        return None

    doc_type: DocumentType | None
    if type_word is None or type_word.lower() == _GENERIC:
        if type_word is None and symbol_type is None and year is not None:
            return None  # a bare 80/2015/QH13 may be a law or a resolution: not guessed
        doc_type = symbol_type
    else:
        doc_type = _BY_LABEL[type_word.lower()]
        if symbol_type is not None and symbol_type is not doc_type:
            warnings.append(f"{WARN_TYPE_MISMATCH}: {type_word!r} / {symbol.split('-')[0]!r}")

    start = match.start("type") if type_word is not None else match.start(
        "vnum" if year is not None else ("pnum" if match.group("pnum") else "anum")
    )
    end = match.end()
    issued_on = None
    if match.group("dated") is not None:
        try:
            issued_on = date_from_match(match, match.group("dated"))
        except CchcError:
            day_start = match.start("d1" if match.group("d1") is not None else "d2")
            written = text[day_start:match.end("dated")]
            warnings.append(f"{WARN_BAD_DATE}: {written!r}")
            end = match.start("dated")
    ref = LegalDocumentRef(
        doc_type, number, symbol, year=year, issued_on=issued_on, warnings=tuple(warnings)
    )
    return _Core(start, end, ref)


def _issuer(text: str, pos: int) -> tuple[str, int] | None:
    """The issuing body named by "của …" at *pos*, and where it ends."""
    head = _ISSUER_START.match(text, pos)
    if head is None:
        return None
    cursor = head.end()
    first = last = -1
    count = 0
    while count < _ISSUER_LIMIT:
        token = _ISSUER_TOKEN.match(text, cursor)
        if token is None:
            break
        word = token.group(1)
        if word == "về":
            break
        if word in {"Ban", "ban"} and text.startswith(" hành", token.end()):
            break
        parts = [p for p in re.split(r"[-–]", word) if p]
        capital = bool(parts) and parts[0][0].isupper()
        if first < 0:
            if not capital:
                return None
        elif word not in {"-", "–"} and not all(
            p[0].isupper() or p in _ISSUER_SYLLABLES for p in parts
        ):
            break
        if first < 0:
            first = token.start(1)
        if word not in {"-", "–", "và"}:
            last = token.end(1)
        cursor = token.end()
        count += 1
    if first < 0 or last < 0:
        return None
    return normalize_text(text[first:last]), last


def _subject(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The subject "về …" at *pos*, ending before *limit* (the next citation) at the latest."""
    head = _SUBJECT_START.match(text, pos)
    if head is None:
        return None
    begin = head.end()
    stop = min(limit, begin + _SUBJECT_LIMIT, len(text))
    for terminator in ("\n", "\r", "\t", ";", ")", "(", "?", "!"):
        found = text.find(terminator, begin, stop)
        if found >= 0:
            stop = found
    found = text.find(". ", begin, stop)
    while found >= 0:
        # "TP. Phan Rang - Tháp Chàm": an abbreviation's dot does not end the sentence.
        if text[text.rfind(" ", begin, found) + 1:found] not in _ABBREVIATIONS:
            stop = found
            break
        found = text.find(". ", found + 2, stop)
    if stop == begin + _SUBJECT_LIMIT and stop < len(text) and stop < limit:
        space = text.rfind(" ", begin, stop)
        stop = space if space > begin else stop
    end = stop
    while True:
        while end > begin and text[end - 1] in " ,:-–.\t":
            end -= 1
        space = text.rfind(" ", begin, end)
        if space < 0 or text[space + 1:end] not in _SUBJECT_TRAILERS:
            break
        end = space
    if end <= begin:
        return None
    return normalize_text(text[begin:end]), end


# Every citation has a core: a number of up to six digits, not inside a word, followed by "/"
# or "-". A match begins at the core or, with its type name, at the start of a word at most
# _REACH characters before it (the longest type name, "số:" and the spaces between). The
# grammar is tried only at those places, so prose between citations costs one scan for cores,
# and a text full of cores costs a few attempts per core.
_CORE_START = re.compile(r"(?<![\w./-])[0-9]{1,6}[/-]")
_WORD_START = re.compile(r"(?<!\w)[^\W\d_]")
_REACH = 48
_WINDOW = 600
_MARGIN = 300  # longer than any citation's head: a match ending nearer the window's end is
#                tried again with more text after it


def _match_at(pattern: re.Pattern[str], normal: str, at: int) -> re.Match[str] | None:
    """``pattern.match`` at *at*, seeing as much text after it as the match needs."""
    size = len(normal)
    end = min(size, at + _WINDOW)
    match = pattern.match(normal, at, end)
    if match is not None and end < size and match.end() > end - _MARGIN:
        match = pattern.match(normal, at)
    return match


def _citations(normal: str) -> Iterator[re.Match[str]]:
    """The grammar's matches in *normal*, as ``finditer`` finds them, found faster."""
    pattern = _CITATION.get()
    done = after_core = 0
    for core in _CORE_START.finditer(normal):
        at = core.start()
        # Between a match's start and its core there are words and no digit: a match for
        # this core starts after the digits of the one before.
        begin = max(done, at - _REACH, after_core)
        after_core = at + len(core.group()) - 1
        if at < done:
            continue
        match = None
        for word in _WORD_START.finditer(normal, begin, at):
            match = _match_at(pattern, normal, word.start())
            if match is not None:
                break
        if match is None:
            match = _match_at(pattern, normal, at)
        if match is None:
            continue
        done = match.end()
        yield match


def _scan(text: str) -> Iterator[ReferenceMatch]:
    """Every citation of *text*, in order; spans index *text* itself."""
    cleaned = same_length_cleanup(text)
    normal, offsets = nfc_with_offsets(cleaned)
    cores = [
        core for core in (_core(m, normal) for m in _citations(normal)) if core is not None
    ]
    for i, core in enumerate(cores):
        limit = cores[i + 1].start if i + 1 < len(cores) else len(normal)
        ref, end = core.ref, core.end
        issuer = _issuer(normal, end)
        if issuer is not None and issuer[1] <= limit:
            ref = attrs.evolve(ref, issuer=issuer[0])
            end = issuer[1]
        subject = _subject(normal, end, limit)
        if subject is not None:
            ref = attrs.evolve(ref, subject=subject[0])
            end = subject[1]
        start = core.start
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        original = text[start:end]
        if "\u00d0" in original:
            ref = attrs.evolve(ref, warnings=(*ref.warnings, WARN_ETH))
        yield ReferenceMatch(ref, start, end, original)


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
    if len(text) > max_length:
        raise InputError(
            f"văn bản quá dài để tìm trích dẫn: {len(text)} ký tự, tối đa {max_length} "
            f"(text too long to scan for citations: {len(text)} characters, "
            f"at most {max_length})"
        )
    return list(_scan(text))


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
    ("ký hiệu có khoảng trắng thừa (stray space in the symbol): 'QĐ-SLĐT BXH'",)
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
    matches = list(_scan(squeezed))
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
