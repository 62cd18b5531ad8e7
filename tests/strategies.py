"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    CaseProcessing,
    Catalogue,
    CodedScale,
    Consolidation,
    CountFact,
    DocumentDate,
    DocumentType,
    FactMatch,
    FinancialAutonomy,
    Finding,
    Header,
    IndicatorDef,
    IndicatorValue,
    LegalDocumentRef,
    MoneyFact,
    MoneyScale,
    Paragraph,
    ParagraphKind,
    PercentFact,
    RateFact,
    Ratio,
    RatioFact,
    Recipient,
    ReferenceMatch,
    Report,
    ReportingPeriod,
    Rule,
    Section,
    Severity,
    Signature,
    SigningAuthority,
    Staffing,
    Subject,
    TotalFact,
    TthcCounts,
    ValidationReport,
    ValueKind,
    catalogue_2023,
    consolidate,
    default_rules,
)
from cchc_model._values.kinds import format_value, parse_value

# --- report ---

#: Any text a report can hold, including NFD sequences, emoji, tabs and line feeds; never
#: what no document can be written with (surrogates, other control characters, U+FFFE/FFFF).
writable_characters = st.characters(
    exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff", include_characters="\t\n"
)
#: What a report cannot hold: load refuses it, naming the path.
unwritable_characters = st.one_of(
    st.characters(categories=("Cc",), exclude_characters="\t\n"),
    st.sampled_from(("\ud800", "\udfff", "\ufffe", "\uffff")),
)
texts = st.text(writable_characters, max_size=30)
short_texts = st.text(writable_characters, max_size=8)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12,
                       max_value=10**12)
counts = st.integers(min_value=0, max_value=10**9)

periods = st.one_of(
    st.builds(ReportingPeriod.annual, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.half_year, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.nine_months, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.quarter, st.integers(2000, 2100), st.integers(1, 4)),
)


@st.composite
def document_dates(draw: st.DrawFn) -> DocumentDate:
    day = draw(st.dates(date(1990, 1, 1), date(2100, 12, 31)))
    blank = draw(st.sampled_from(("none", "day", "month")))
    if blank == "day":
        return DocumentDate(day.year, day.month)
    if blank == "month":
        return DocumentDate(day.year)
    return DocumentDate.of(day)


legal_refs = st.builds(
    LegalDocumentRef,
    doc_type=st.one_of(st.none(), st.sampled_from(DocumentType)),
    number=st.integers(1, 99999),
    symbol=short_texts,
    year=st.one_of(st.none(), st.integers(1945, 2100)),
    issued_on=st.one_of(st.none(), st.dates()),
    issuer=st.one_of(st.none(), short_texts),
    subject=st.one_of(st.none(), texts),
    warnings=st.lists(short_texts, max_size=2).map(tuple),
)
reference_matches = st.builds(
    ReferenceMatch, legal_refs, st.integers(0, 500), st.integers(0, 500), short_texts
)
count_facts = st.builds(CountFact, counts, short_texts, short_texts, short_texts)
percent_facts = st.builds(PercentFact, decimals, short_texts, short_texts)
money_facts = st.builds(MoneyFact, decimals, st.sampled_from(MoneyScale), short_texts,
                        short_texts, short_texts)
ratio_facts = st.builds(RatioFact, decimals, decimals, short_texts, short_texts, short_texts)
rate_facts = st.builds(RateFact, decimals, decimals, decimals, short_texts, short_texts,
                       short_texts)
total_facts = st.builds(TotalFact, count_facts, st.lists(count_facts, max_size=3).map(tuple),
                        st.booleans(), short_texts, short_texts)
facts = st.one_of(count_facts, percent_facts, money_facts, ratio_facts, rate_facts, total_facts)
fact_matches = st.builds(FactMatch, facts, st.integers(0, 1000), st.integers(0, 1000), texts)
paragraphs = st.builds(
    Paragraph,
    texts,
    st.sampled_from(ParagraphKind),
    st.lists(reference_matches, max_size=2).map(tuple),
    st.lists(facts, max_size=3).map(tuple),
)
sections = st.recursive(
    st.builds(Section, short_texts, short_texts, st.lists(paragraphs, max_size=2).map(tuple)),
    lambda children: st.builds(
        Section, short_texts, short_texts, st.lists(paragraphs, max_size=2).map(tuple),
        st.lists(children, max_size=3).map(tuple),
    ),
    max_leaves=6,
)
values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    decimals,
    st.builds(Ratio, counts, counts),
    texts,
)


def indicator_values(code: st.SearchStrategy[str] = short_texts
                     ) -> st.SearchStrategy[IndicatorValue]:
    """Rows of any value and text, their code drawn from *code*."""
    return st.builds(IndicatorValue, code, values, short_texts, short_texts, short_texts,
                     short_texts, short_texts, st.one_of(st.none(), st.integers(1, 10**6)))


@st.composite
def report_appendices(draw: st.DrawFn) -> Appendix:
    codes = draw(st.lists(short_texts, unique=True, max_size=5))
    rows = tuple(draw(indicator_values(st.just(code))) for code in codes)
    return Appendix(rows, draw(short_texts))


headers = st.builds(
    Header,
    agency=short_texts,
    parent_agency=short_texts,
    doc_type=st.sampled_from(DocumentType),
    number=st.one_of(st.none(), st.integers(1, 99999)),
    symbol=short_texts,
    place=short_texts,
    date=st.one_of(st.none(), document_dates()),
    title=short_texts,
    subtitle=texts,
    period=st.one_of(st.none(), periods),
    legal_basis=st.one_of(st.none(), paragraphs),
)
signatures = st.builds(
    Signature, short_texts, st.lists(short_texts, max_size=3).map(tuple),
    st.one_of(st.none(), st.sampled_from(SigningAuthority)),
)
recipients = st.builds(Recipient, short_texts, short_texts)
reports = st.builds(
    Report,
    header=headers,
    introduction=st.lists(paragraphs, max_size=2).map(tuple),
    sections=st.lists(sections, max_size=3).map(tuple),
    closing=st.lists(paragraphs, max_size=1).map(tuple),
    recipients=st.lists(recipients, max_size=3).map(tuple),
    archive=st.lists(short_texts, max_size=2).map(tuple),
    signature=st.one_of(st.none(), signatures),
    appendix=st.one_of(st.none(), report_appendices()),
)


# --- reports built from plain Python values ---

#: Whole numbers given where a Decimal is kept.
plain_decimals = st.one_of(decimals, st.integers(-(10**12), 10**12))
plain_facts = st.one_of(
    count_facts,
    st.builds(PercentFact, plain_decimals, short_texts),
    st.builds(RateFact, plain_decimals, plain_decimals, plain_decimals),
    st.builds(MoneyFact, plain_decimals, st.sampled_from(MoneyScale)),
    st.builds(TotalFact, count_facts, st.lists(count_facts, max_size=3)),
)
plain_paragraphs = st.builds(
    Paragraph, texts, st.sampled_from(ParagraphKind),
    st.lists(reference_matches, max_size=2), st.lists(plain_facts, max_size=3),
)
plain_sections = st.builds(
    Section, short_texts, short_texts, st.lists(plain_paragraphs, max_size=2),
    st.lists(st.builds(Section, short_texts, short_texts,
                       st.lists(plain_paragraphs, max_size=1)), max_size=2),
)
plain_headers = st.builds(
    Header,
    agency=short_texts,
    number=st.one_of(st.none(), st.integers(1, 99999)),
    date=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 12, 31)), document_dates()),
    title=short_texts,
    period=st.one_of(st.none(), periods),
)
#: Reports built as a notebook user would: lists for tuples, ``datetime.date`` for the date,
#: ints for decimals; construction normalises them.
plain_reports = st.builds(
    Report,
    header=plain_headers,
    introduction=st.lists(plain_paragraphs, max_size=2),
    sections=st.lists(plain_sections, max_size=2),
    recipients=st.lists(recipients, max_size=2),
    archive=st.lists(short_texts, max_size=2),
    signature=st.one_of(st.none(), st.builds(Signature, short_texts,
                                             st.lists(short_texts, max_size=2))),
    appendix=st.one_of(st.none(), report_appendices().map(
        lambda a: Appendix(list(a.rows), a.title)
    )),
)


# --- numbers ---


@st.composite
def figure_decimals(draw: st.DrawFn, *, max_digits: int = 20, max_places: int = 6) -> Decimal:
    """Finite decimals with at most *max_digits* digits, *max_places* of them after the mark."""
    places = draw(st.integers(0, max_places))
    digits = draw(st.integers(max(places, 1), max_digits))
    coefficient = draw(st.integers(-(10**digits) + 1, 10**digits - 1))
    return Decimal(coefficient).scaleb(-places)


#: Floats whose shortest repr has few enough digits to be written and read back.
figure_floats = st.floats(
    min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False
).filter(lambda value: value == 0 or abs(value) >= 1e-10)

#: Every kind of value the format_* functions take.
figures = st.one_of(st.integers(-(10**20), 10**20), figure_decimals(), figure_floats)

#: A money scale as the enum or as its name.
money_scales = st.sampled_from(MoneyScale) | st.sampled_from([s.value for s in MoneyScale])


# --- appendix ---

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_WORD = st.text(alphabet=_LETTERS + _LETTERS.upper()[:20] + "0123456789", min_size=1, max_size=8)

#: Words that read back as themselves wherever they are written: one space between words, no
#: markup, no tabs or pipes, no leading or trailing space.
plain_text = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
#: Text that no number parser reads as a number: it starts with a letter.
word_text = st.builds(lambda head, rest: f"{head} {rest}", st.sampled_from(
    ["chưa có", "đang cập nhật", "Huyện thực hiện", "không rõ", "xem ghi chú"]), plain_text)

counts = st.integers(min_value=0, max_value=10**9)
percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False,
                       allow_infinity=False)
ratios = st.builds(Ratio, st.integers(0, 10_000), st.integers(1, 10_000))


def typed_values(definition: IndicatorDef) -> st.SearchStrategy[object]:
    """Values that fit *definition*."""
    kind = definition.kind
    if kind is ValueKind.COUNT:
        return counts
    if kind is ValueKind.PERCENT:
        return percents
    if kind is ValueKind.RATIO:
        return st.one_of(ratios, counts)
    if kind is ValueKind.CODED:
        assert definition.scale is not None
        return st.sampled_from(definition.scale.codes)
    return st.none()


def misfit_values(definition: IndicatorDef) -> st.SearchStrategy[object]:
    """Values that do not fit *definition*, as a careless report writes them."""
    return st.one_of(
        word_text,
        st.integers(min_value=-10**6, max_value=-1),
        st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False,
                    allow_infinity=False).filter(lambda d: d != d.to_integral_value()),
        st.integers(min_value=101, max_value=10**6),
    )


@st.composite
def raw_cells(draw: st.DrawFn, definition: IndicatorDef) -> str:
    """The value cell of *definition* as some report writes it."""
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return ""
    if choice == 1 and definition.kind is not ValueKind.HEADING:
        value = draw(misfit_values(definition))
        return format_value(value, definition.kind)  # type: ignore[arg-type]
    if choice == 2 and definition.kind is ValueKind.COUNT:
        return f"{draw(counts):02d}"  # leading zeros, as in ``00``, ``02``
    if choice == 3 and definition.kind is ValueKind.PERCENT:
        return format_value(draw(percents), ValueKind.COUNT)  # ``100`` without ``%``
    value = draw(typed_values(definition))
    return format_value(value, definition.kind)  # type: ignore[arg-type]


@st.composite
def catalogue_rows(draw: st.DrawFn, definition: IndicatorDef) -> IndicatorValue:
    """A row of *definition*, its value being what its raw text says."""
    raw = draw(raw_cells(definition))
    template = definition.row()
    return IndicatorValue(
        definition.code, definition.parse(raw), raw=raw,
        note=draw(st.one_of(st.just(""), plain_text)), label=template.label,
        unit=template.unit, stt=template.stt,
    )


@st.composite
def bare_rows(draw: st.DrawFn, definition: IndicatorDef) -> IndicatorValue:
    """A row of *definition* given as a bare value: no STT, label or unit, perhaps no text."""
    value = draw(st.one_of(st.none(), typed_values(definition)))
    raw = draw(st.sampled_from(("", definition.format(value))))  # type: ignore[arg-type]
    note = draw(st.one_of(st.just(""), plain_text))
    return IndicatorValue(definition.code, value, raw=raw, note=note)  # type: ignore[arg-type]


@st.composite
def bare_appendices(draw: st.DrawFn, *, max_rows: int = 30) -> Appendix:
    """Appendices of the 2023 form built from bare rows of random codes, in form order."""
    catalogue = catalogue_2023()
    codes = draw(st.lists(st.sampled_from(list(catalogue)), unique=True, max_size=max_rows))
    codes.sort(key=catalogue.position)
    return Appendix(tuple(draw(bare_rows(catalogue[code])) for code in codes))


@st.composite
def extra_rows(draw: st.DrawFn) -> IndicatorValue:
    """A row that matches no indicator of the 2023 form."""
    stt = draw(st.one_of(st.just(""), st.integers(8, 99).map(lambda n: f"{n}.1.")))
    raw = draw(st.one_of(st.just(""), counts.map(lambda n: format_value(n, ValueKind.COUNT)),
                         word_text))
    return IndicatorValue(
        stt.rstrip("."), parse_value(raw, ValueKind.HEADING), raw=raw,
        label=f"Chỉ tiêu riêng {draw(plain_text)}", unit=draw(st.one_of(st.just(""), plain_text)),
        stt=stt,
    )


@st.composite
def appendices(draw: st.DrawFn, *, max_rows: int = 30) -> Appendix:
    """Appendices of the 2023 form as a reader finds them: rows in form order, extras last."""
    catalogue = catalogue_2023()
    codes = draw(st.lists(st.sampled_from(list(catalogue)), unique=True, max_size=max_rows))
    codes.sort(key=catalogue.position)
    rows = tuple(draw(catalogue_rows(catalogue[code])) for code in codes)
    extra = tuple(draw(st.lists(extra_rows(), max_size=3)))
    title = draw(st.one_of(st.just(""), plain_text.map(lambda t: f"PHỤ LỤC {t}")))
    return Appendix(rows, title=title, extra=extra)


# --- consolidation ---


def fitting_values(definition: IndicatorDef) -> st.SearchStrategy[object]:
    """Values a unit's row can add to the others': a ratio row holds a ratio."""
    if definition.kind is ValueKind.RATIO:
        return ratios
    if definition.kind is ValueKind.COUNT:
        return st.integers(min_value=0, max_value=10**6)
    return typed_values(definition)


@st.composite
def unit_appendices(draw: st.DrawFn, *, max_rows: int = 25) -> Appendix:
    """A unit's appendix of the 2023 form whose every value fits its row (blanks allowed)."""
    catalogue = catalogue_2023()
    filled = [d for d in catalogue.indicators if d.kind is not ValueKind.HEADING]
    chosen = draw(st.lists(st.sampled_from(filled), unique=True, min_size=1, max_size=max_rows))
    values = {d.code: draw(st.one_of(st.none(), fitting_values(d))) for d in chosen}
    return catalogue.build(values)


unit_names = st.text(alphabet="SởTưphápYtếXâydựngNộivụ 0123456789", min_size=1, max_size=12)


def units(*, max_size: int = 8) -> st.SearchStrategy[dict[str, Appendix]]:
    """Units by name (distinct ignoring case and spacing), each with its appendix."""
    return st.dictionaries(
        unit_names.map(lambda n: " ".join(n.split()) or "Đơn vị"), unit_appendices(),
        min_size=1, max_size=max_size,
    ).filter(lambda d: len({n.casefold() for n in d}) == len(d))


#: Consolidations of generated units.
consolidations = st.deferred(lambda: units(max_size=4).map(consolidate))


# --- references ---

#: Agency codes as they appear in symbols (none of them is a document-type abbreviation).
AGENCY_CODES = ("SLĐTBXH", "UBND", "CP", "TTg", "BNV", "BTC", "VPCP", "BLĐTBXH", "SNV", "HĐND")
#: Drafting units of a công văn.
DRAFTING_UNITS = ("TTr", "VP", "KTTH", "VXNV", "CCHC", "TCCB", "VX")
#: Issuing bodies as reports write them after "của".
ISSUERS = (
    "UBND tỉnh",
    "UBND tỉnh Ninh Thuận",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Bộ Tài chính",
    "Ủy ban nhân dân tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
    "Ban Thường vụ Tỉnh ủy",
)
_SUBJECT_WORDS = (
    "thực", "hiện", "công", "tác", "cải", "cách", "hành", "chính", "năm", "2023", "kiểm",
    "soát", "thủ", "tục", "tuyên", "truyền,", "chuyển", "đổi", "số", "việc", "Tư", "pháp",
    "quy", "chế", "làm", "đánh", "giá", "tỉnh", "Ninh", "Thuận", "06", "tháng",
)
_ADMIN_TYPES = tuple(
    t
    for t in DocumentType
    if t.abbreviation is not None
    and not t.is_party
    and t not in {DocumentType.DECREE, DocumentType.CIRCULAR, DocumentType.JOINT_CIRCULAR}
)
_YEAR_TYPES = (
    DocumentType.DECREE,
    DocumentType.CIRCULAR,
    DocumentType.DECISION,
    DocumentType.RESOLUTION,
)
#: Party types with the code the Party writes (Hướng dẫn 36-HD/VPTW): Quy định is QĐi.
_PARTY_TYPES = (
    (DocumentType.DIRECTIVE, "CT"),
    (DocumentType.GUIDANCE, "HD"),
    (DocumentType.RESOLUTION, "NQ"),
    (DocumentType.CONCLUSION, "KL"),
    (DocumentType.PARTY_CIRCULAR, "TT"),
    (DocumentType.REGULATION, "QĐi"),
)

document_numbers = st.integers(min_value=1, max_value=999_999)
citation_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
subjects = st.lists(st.sampled_from(_SUBJECT_WORDS), min_size=1, max_size=12).map(" ".join).filter(
    lambda s: not s.endswith(",")
)


@st.composite
def legal_document_refs(draw: st.DrawFn) -> LegalDocumentRef:
    """A reference in canonical form, of any of the four number-and-symbol forms."""
    form = draw(st.sampled_from(("admin", "cong_van", "vbqppl", "law", "party")))
    number = draw(document_numbers)
    year = None
    agency = draw(st.sampled_from(AGENCY_CODES))
    doc_type: DocumentType | None
    if form == "admin":
        doc_type = draw(st.sampled_from(_ADMIN_TYPES))
        symbol = f"{doc_type.abbreviation}-{agency}"
    elif form == "cong_van":
        doc_type = None
        symbol = f"{agency}-{draw(st.sampled_from(DRAFTING_UNITS))}"
    elif form == "vbqppl":
        doc_type = draw(st.sampled_from(_YEAR_TYPES))
        year = draw(st.integers(min_value=1945, max_value=2100))
        joint = draw(st.sampled_from(("", "-BNV")))
        symbol = f"{doc_type.abbreviation}-{agency}{joint}"
    elif form == "law":
        doc_type = DocumentType.LAW
        year = draw(st.integers(min_value=1945, max_value=2100))
        symbol = f"QH{draw(st.integers(min_value=1, max_value=99))}"
    else:
        doc_type, kind = draw(st.sampled_from(_PARTY_TYPES))
        symbol = f"{kind}/{draw(st.sampled_from(('TU', 'TW', 'VPTW', 'HU')))}"
    return LegalDocumentRef(
        doc_type,
        number,
        symbol,
        year=year,
        issued_on=draw(st.none() | citation_dates),
        issuer=draw(st.none() | st.sampled_from(ISSUERS)),
        subject=draw(st.none() | subjects),
        number_suffix=draw(st.sampled_from(("", "", "", "a", "b", "c"))),
    )


#: Prose around citations that holds no citation: ratios, dates, numbers, type names alone.
filler_sentences = st.sampled_from(
    (
        "Tỷ lệ đạt 12/12 chỉ tiêu",
        "chi trả 3.878/15.127 đối tượng",
        "thực hiện 7/7 huyện, thành phố",
        "đến ngày 02/8/2023 đã giải ngân 3.585,23 triệu đồng",
        "theo TCVN ISO 9001:2015",
        "triển khai Đề án 06/CP năm 2023",
        "ban hành 06 Quyết định công bố",
        "Kế hoạch năm 2024",
        "cấp tỉnh là 103",
        "Sở đã thực hiện",
    )
)

#: Pieces of citations and of the prose around them, cut where a scan could go wrong: type
#: names in any case, law names up to ten words, "số" in its spellings, number cores and
#: their halves, dates, issuers, subjects, and what may and may not stand inside a prefix.
citation_fragments = st.one_of(
    st.sampled_from(
        (
            *(t.label for t in DocumentType), *(t.label.upper() for t in DocumentType),
            *(t.label.lower() for t in DocumentType), *(t.abbreviation or "" for t in DocumentType),
            "Công văn", "công văn", "Văn bản", "văn bản quy phạm pháp luật", "Luật", "Bộ luật",
            "Pháp lệnh", "Luật Tổ chức chính quyền địa phương", "Luật Cán bộ, công chức",
            "Luật " + " ".join(letter * 12 for letter in "ABCDEFGHIJ"),
            "Luật " + ", ".join(letter.upper() + letter * 11 for letter in "abcdefghij"),
            "thẩm định", "hành động", "kết luận", "số", "Số", "SỐ", "số:", "số.", "Số:",
            "12/2023/NĐ-CP", "215/BC-STP", "03-CT/TU", "30c/NQ-CP", "77/2015/QH13", "80/2015/QH13",
            "2954/SLĐTBXH-TTr", "25/QĐ-SLĐT BXH", "473/TTr -\nNN&PTNT", "12/12", "3.878/15.127",
            "1/", "2023/", "12 -", "-CT/TU", "/KH-UBND", "KH-UBND", "NĐ-CP", "QH13", "12-CV/TU",
            "ngày 02/8/2023", "ngày 24 tháng 6 năm 2022", "ngày 31/02/2023", "02/8/2023",
            "của UBND tỉnh", "của Chính phủ", "của Sở Lao động - Thương binh và Xã hội",
            "về cải cách hành chính", "quy định chi tiết", "ban hành", "v/v",
            "Thực hiện", "cải cách hành chính", "tỷ lệ", "đạt", "hồ sơ", "năm", "tỉnh Ninh Thuận",
            "TP. Phan Rang - Tháp Chàm", "Ð", "ð",
        )
    ),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃàáạảãĐKQNTLHBCPV", min_size=1,
            max_size=14),
    filler_sentences,
    legal_document_refs().map(str),
)
#: What joins the fragments: nothing, spaces and breaks of any width, punctuation.
citation_joints = st.sampled_from(
    ("", " ", " ", " ", "  ", "   ", "    ", "\n", "\r\n", " \n ", "\n\n", "\n\n\n", "\f",
     "\t", ", ", "; ", ". ", ": ", ":", ".", "(", ")", " - ", "-", "/", "\u00a0", "\u2003")
)


@st.composite
def citation_prose(draw: st.DrawFn, *, max_fragments: int = 30) -> str:
    """Prose made of citation fragments and joints, citations whole and broken among them."""
    fragments = draw(st.lists(citation_fragments, max_size=max_fragments))
    return "".join(fragment + draw(citation_joints) for fragment in fragments)


@st.composite
def issuer_prose(draw: st.DrawFn) -> str:
    """Words after "của" that an issuer's name may or may not go on with, and their gaps."""
    words = st.one_of(
        st.sampled_from(
            (
                "Bộ", "Sở", "Ban", "ban", "hành", "Lao", "lao", "động", "Thương", "binh", "và",
                "Xã", "hội", "-", "–", "&", "Phát", "triển", "Ngoại", "giao", "Giao", "thông",
                "UBND", "tỉnh", "Ninh", "Thuận", "về", "v/v", "Quy", "định", "quy", "Kế",
                "hoạch", "Nghị", "quyết", "Chủ", "tịch", "TP.", "Tp", "Xã-hội", "lao-động",
                "Abc-", "a" * 31, "A" * 32, "Ð", "Đảng", "trung", "ương", "thực", "hiện",
                "triển", "khai", "12", "2023", "(", ")", ";", ".",
            )
        ),
        st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃĐKQNTLHBCPV-", min_size=1,
                max_size=6),
    )
    gaps = st.sampled_from(
        (" ", " ", " ", "", "  ", "    ", "\n", " \n ", "\n\n\n", "\r\n", ", ", ",", "\t", "\u00a0")
    )
    parts = draw(st.lists(st.tuples(gaps, words), max_size=30))
    return "của" + "".join(gap + word for gap, word in parts)


# --- catalogue ---

#: Indicators of the 2023 form, and its coded answer scales.
indicator_defs = st.deferred(lambda: st.sampled_from(list(catalogue_2023().values())))
coded_scales = st.deferred(lambda: st.sampled_from(
    [d.scale for d in catalogue_2023().values() if d.scale is not None]))


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    """Sub-catalogues of the 2023 form: some of its indicators, parents before children."""
    full = catalogue_2023()
    keep = draw(st.lists(st.sampled_from(list(full)), max_size=10, unique=True))
    closed = {code for kept in keep for code in _with_ancestors(full, kept)}
    indicators = tuple(full[code] for code in full if code in closed)
    return Catalogue(full.form, indicators, full.title)


def _with_ancestors(full: Catalogue, code: str) -> list[str]:
    chain = [code]
    while full[chain[-1]].parent is not None:
        chain.append(full[chain[-1]].parent)  # type: ignore[arg-type]
    return chain


# --- views ---


def _view(cls: type[Any]) -> st.SearchStrategy[Any]:
    """A view of the 2023 appendix with each field blank or a value of its kind."""
    fields = {
        field.name: st.none() | (counts if field.validator is not None else percents)
        for field in attrs.fields(cls)
    }
    return st.builds(cls, **fields)


tthc_counts = _view(TthcCounts)
case_processing = _view(CaseProcessing)
staffing = _view(Staffing)
financial_autonomy = _view(FinancialAutonomy)
views = st.one_of(tthc_counts, case_processing, staffing, financial_autonomy)


# --- validation ---

severities = st.sampled_from(Severity)
findings = st.builds(
    Finding, short_texts, severities, texts, short_texts,
    st.lists(short_texts, max_size=3).map(tuple), texts,
)
validation_reports = st.builds(ValidationReport, st.lists(findings, max_size=4).map(tuple))
validation_subjects = st.one_of(
    st.builds(Subject.of, reports),
    st.builds(Subject.of, appendices()),
)
#: The default rules, and rules of any id that find nothing or one finding.
rules = st.one_of(
    st.deferred(lambda: st.sampled_from(default_rules())),
    st.builds(
        Rule, short_texts, severities, texts,
        st.sampled_from([lambda rule, subject: (), lambda rule, subject: [rule.finding()]]),
    ),
)


#: One strategy for every public attrs class of the model.
MODEL_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Appendix: st.one_of(appendices(), report_appendices()),
    CaseProcessing: case_processing,
    Catalogue: catalogues(),
    CodedScale: coded_scales,
    Consolidation: consolidations,
    CountFact: count_facts,
    DocumentDate: document_dates(),
    FactMatch: fact_matches,
    FinancialAutonomy: financial_autonomy,
    Finding: findings,
    Header: headers,
    IndicatorDef: indicator_defs,
    IndicatorValue: indicator_values(),
    LegalDocumentRef: st.one_of(legal_refs, legal_document_refs()),
    MoneyFact: money_facts,
    Paragraph: paragraphs,
    PercentFact: percent_facts,
    RateFact: rate_facts,
    Ratio: ratios,
    RatioFact: ratio_facts,
    Recipient: recipients,
    ReferenceMatch: reference_matches,
    Report: reports,
    ReportingPeriod: periods,
    Rule: rules,
    Section: sections,
    Signature: signatures,
    Staffing: staffing,
    Subject: validation_subjects,
    TotalFact: total_facts,
    TthcCounts: tthc_counts,
    ValidationReport: validation_reports,
}


# --- Word reports ---

#: Words a body paragraph starts with: none of them opens a legal basis ("Thực hiện"), a
#: closing ("Trên đây") or a bullet.
_PROSE_STARTS = ("Sở", "Năm", "Kết quả", "Đơn vị", "Công tác", "Tỷ lệ", "Đã ban hành")
_CITATIONS = (
    "", " theo Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022",
    " theo Quyết định số 736/QĐ-UBND ngày 29/12/2022 của UBND tỉnh",
    " và Nghị định số 61/2018/NĐ-CP",
)
_PLACES = ("Ninh Thuận", "Hà Nội", "Tiền Giang", "Phan Rang-Tháp Chàm", "")
_SIGNERS = ("Trần Đức Long", "Nguyễn Thị Hoa", "Lê Văn Bình", "PHẠM MINH TUẤN")
_RECIPIENT_NAMES = ("Sở Nội vụ", "UBND tỉnh", "Giám đốc, các PGĐ Sở", "Các phòng, đơn vị")
_ARCHIVE_CODES = ("VT", "VPS", "TCHC", "KTTH", "VP")


def _found(text: str, kind: ParagraphKind = ParagraphKind.PLAIN) -> Paragraph:
    """A paragraph with the citations and figures its text states, as a reader makes it."""
    return Paragraph.of(text, kind)


word_prose = st.builds(lambda start, words, citation: f"{start} {words}{citation}.",
                  st.sampled_from(_PROSE_STARTS), plain_text, st.sampled_from(_CITATIONS))
word_paragraphs = st.builds(_found, word_prose, st.sampled_from(ParagraphKind))
section_numbers = st.one_of(
    st.just(""),
    st.sampled_from(("I", "II", "III", "IV", "V", "1", "2", "12", "1.1", "2.3.1", "a", "b", "đ")),
)
word_sections = st.recursive(
    st.builds(Section, section_numbers, plain_text,
              st.lists(word_paragraphs, max_size=2).map(tuple)),
    lambda children: st.builds(
        Section, section_numbers, plain_text, st.lists(word_paragraphs, max_size=2).map(tuple),
        st.lists(children, max_size=3).map(tuple),
    ),
    max_leaves=5,
)
_NO_PERIOD = plain_text.filter(lambda t: not any(w in t.lower() for w in ("năm", "quý", "tháng")))


@st.composite
def word_headers(draw: st.DrawFn) -> Header:
    """Heads as Word reports print them: capitals at the top left, a BC symbol, a date line."""
    period = draw(st.one_of(st.none(), periods))
    titled = draw(st.booleans())
    if not titled:
        subtitle = ""
        period = None
    elif period is not None:
        subtitle = f"Công tác cải cách hành chính {period.label}"
    else:
        subtitle = draw(st.one_of(st.just(""), _NO_PERIOD))
    basis = draw(st.one_of(st.none(), word_prose.map(lambda t: _found(f"Thực hiện {t}"))))
    return Header(
        agency=draw(plain_text).upper(),
        parent_agency=draw(st.one_of(st.just(""), plain_text.map(str.upper))),
        number=draw(st.one_of(st.none(), st.integers(1, 9999))),
        symbol=f"BC-{draw(st.sampled_from(AGENCY_CODES))}",
        place=draw(st.sampled_from(_PLACES)),
        date=draw(st.one_of(st.none(), document_dates())),
        title="BÁO CÁO" if titled else "",
        subtitle=subtitle,
        period=period,
        legal_basis=basis,
    )


@st.composite
def word_signatures(draw: st.DrawFn) -> Signature:
    titles = tuple(draw(st.lists(plain_text.map(str.upper), max_size=2)))
    authority = draw(st.one_of(st.none(), st.sampled_from(SigningAuthority))) if titles else None
    return Signature(draw(st.sampled_from(_SIGNERS)), titles, authority)


word_recipients = st.builds(
    Recipient,
    st.builds(lambda name, more: f"{name} {more}".strip(), st.sampled_from(_RECIPIENT_NAMES),
              st.one_of(st.just(""), plain_text)),
    st.one_of(st.just(""), st.just("tổng hợp"), plain_text),
)
word_closings = st.one_of(
    st.just(()),
    st.builds(lambda first, more: (_found(f"Trên đây là báo cáo {first}."), *more),
              plain_text, st.lists(word_paragraphs, max_size=1)),
)
#: Reports whose every part is something a Word layout can carry: capitals where the decree
#: prints capitals, one space between words, a closing that opens with "Trên đây".
word_reports = st.builds(
    Report,
    header=word_headers(),
    introduction=st.lists(word_paragraphs, max_size=2).map(tuple),
    sections=st.lists(word_sections, max_size=3).map(tuple),
    closing=word_closings,
    recipients=st.lists(word_recipients, max_size=3).map(tuple),
    archive=st.lists(st.sampled_from(_ARCHIVE_CODES), max_size=2).map(tuple),
    signature=st.one_of(st.none(), word_signatures()),
    appendix=st.one_of(st.none(), appendices(max_rows=12)),
)
# --- whole reports as text (read_report) ---

_UPPER_WORD = st.text(alphabet=_LETTERS.upper()[:20] + "ĐƯƠÂÊÔ", min_size=1, max_size=8)
upper_text = st.lists(_UPPER_WORD, min_size=1, max_size=5).map(" ".join)
#: Prose with the characters Markdown gives a meaning to, so that escaping is exercised.
_MARKUP = st.sampled_from(["a*b", "x_y", "[ghi chú]", "<1>", "a|b", "c\\d", "`mã`", "#5", "1."])
_PROSE_START = st.sampled_from(["Sở", "Đã", "Kết quả", "Tiếp tục", "UBND huyện", "Năm nay"])
_FIGURES = st.sampled_from([
    "", " đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55)", " thực hiện 7/7 huyện",
    " đạt 98,5%", " cấp tỉnh là 103", " trên 3,7 tỷ đồng", " 06 Quyết định công bố",
    " theo Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022",
])


@st.composite
def prose(draw: st.DrawFn) -> str:
    """A sentence as reports write one: it starts with a word and ends with a full stop."""
    words = draw(st.lists(st.one_of(plain_text, _MARKUP), max_size=4))
    return " ".join([draw(_PROSE_START), *words]) + draw(_FIGURES) + draw(
        st.sampled_from([".", ";", ":"]))


readable_paragraphs = st.builds(
    Paragraph.of, prose(), st.sampled_from(ParagraphKind)
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


@st.composite
def readable_sections(draw: st.DrawFn) -> tuple[Section, ...]:
    """Sections numbered I., II. with subsections 1., 2. and below them a., b."""

    def section(number: str, heading: str, depth: int) -> Section:
        paragraphs = tuple(draw(st.lists(readable_paragraphs, max_size=2)))
        subs: tuple[Section, ...] = ()
        if depth < 2:
            labels = [str(i) for i in range(1, 4)] if depth == 0 else ["a", "b", "c"]
            count = draw(st.integers(0, 2))
            subs = tuple(
                section(labels[i], "Về " + draw(plain_text) + ":", depth + 1)
                for i in range(count)
            )
        return Section(number, heading, paragraphs, subs)

    count = draw(st.integers(0, 3))
    return tuple(section(_ROMAN[i], draw(upper_text), 0) for i in range(count))


_PERIOD_FACTORIES = (
    ReportingPeriod.annual, ReportingPeriod.half_year, ReportingPeriod.nine_months,
)


@st.composite
def readable_reports(draw: st.DrawFn) -> Report:
    """Reports as agencies write them, whose Markdown a reader can take back exactly.

    Agency lines in capitals, a symbol, a place without comma, a title and a subtitle that
    names the period, a legal basis that starts "Thực hiện", sections numbered I./1./a.,
    prose that ends its sentences, a closing "Trên đây là báo cáo …", recipients whose names
    carry no bracket, a signature with at least one title in capitals, and any appendix.
    """
    year = draw(st.integers(2015, 2030))
    period = draw(st.one_of(
        st.builds(lambda f: f(year), st.sampled_from(_PERIOD_FACTORIES)),
        st.builds(lambda q: ReportingPeriod.quarter(year, q), st.integers(1, 4)),
    ))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = draw(st.one_of(st.none(), st.integers(1, 28))) if month is not None else None
    header = Header(
        agency=draw(upper_text),
        parent_agency=draw(st.one_of(st.just(""), upper_text)),
        number=draw(st.one_of(st.none(), st.integers(1, 9999))),
        symbol="BC-" + draw(_UPPER_WORD),
        place=draw(st.sampled_from(["Ninh Thuận", "Hà Nội", "Tiền Giang", "Phan Rang"])),
        date=DocumentDate(year, month, day),
        title="BÁO CÁO",
        subtitle=f"Kết quả công tác cải cách hành chính {period.label}",
        period=period,
        legal_basis=draw(st.one_of(st.none(), prose().map(
            lambda t: Paragraph.of("Thực hiện " + t)))),
    )
    closing = draw(st.one_of(st.just(()), plain_text.map(
        lambda t: (Paragraph.of(f"Trên đây là báo cáo {t}./."),))))
    signature = Signature(
        "Nguyễn Văn " + draw(plain_text).capitalize(),
        tuple(draw(st.lists(upper_text, min_size=1, max_size=2))),
        draw(st.one_of(st.none(), st.sampled_from(SigningAuthority))),
    )
    return Report(
        header=header,
        introduction=tuple(draw(st.lists(readable_paragraphs, max_size=2))),
        sections=draw(readable_sections()),
        closing=closing,
        recipients=tuple(draw(st.lists(st.builds(
            Recipient, plain_text.map(lambda t: "Sở " + t),
            st.one_of(st.just(""), plain_text)), max_size=3))),
        archive=tuple(draw(st.lists(_UPPER_WORD, max_size=2))),
        signature=signature,
        appendix=draw(st.one_of(st.none(), appendices(max_rows=8))),
    )


# --- the layout of a report's text ---

#: Pieces of the lines of a report's text: heading and list marks, bold, escapes, links,
#: "Nơi nhận" in several spellings, signatures, numbered headings, head lines.
_LAYOUT_PIECES = (
    "Nơi nhận:", "NƠI NHẬN", "nơi", "nhận", "N", "n", "ơ", "Ơ", "ậ", "Ậ", "i", "h", " ", "  ",
    "\t", "**", "***", "*", "\\", "\\*", "\\.", "#", "## ", "- ", "+ ", "• ", "[", "]", "(",
    ")", "](mailto:a@b.vn)", "mailto:", "<https://x.vn>", "KT. ", "GIÁM ĐỐC", "Trần Đức Long",
    "1. ", "II. ", "a) ", "1\\. ", "4.2. ", "Về kiểm tra", ": ", ":", ";", ".", "Đã ban hành",
    "BÁO CÁO", "Số: 12/BC-UBND", "Ninh Thuận, ngày", "tháng 11 năm 2023", "Trên đây", "x",
    "İ", "\u0301", "-",
)
#: Characters of a line: no line breaks (those :meth:`str.splitlines` splits at).
_LINE_CHARACTERS = st.characters(
    exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufffe\uffff",
    include_characters="\t",
)
#: A non-blank line of a report's text, most of it markup and layout words.
layout_lines = st.lists(
    st.one_of(st.sampled_from(_LAYOUT_PIECES), st.text(_LINE_CHARACTERS, min_size=1, max_size=3)),
    min_size=1, max_size=8,
).map("".join).filter(str.strip)


@st.composite
def foot_spellings(draw: st.DrawFn) -> str:
    """"Nơi nhận" in any case, with layout pieces before and between its letters."""
    out = [draw(st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=2).map("".join))]
    for letter in "Nơi nhận":
        out.append(letter.upper() if draw(st.booleans()) else letter)
        out.append(draw(st.one_of(
            st.just(""), st.sampled_from(_LAYOUT_PIECES),
            st.text(_LINE_CHARACTERS, max_size=1),
        )))
    out.append(draw(st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=3).map("".join)))
    return "".join(out)


#: A line that is, or nearly is, a numbered heading: marks, a number, a title, a colon.
heading_lines = st.builds(
    lambda marks, number, title, colon, rest, close: f"{marks}{number}{title}{colon}{rest}{close}",
    st.sampled_from(("", "", "# ", "## ", "#### ", "**", "***", "## **", "- ")),
    st.sampled_from(("1. ", "II. ", "a) ", "đ) ", "4.2. ", "IV) ", "1\\. ", "12.", "x. ", "")),
    st.sampled_from(("Về kiểm tra", "KẾT QUẢ", "Cải cách thể chế", "", "N")),
    st.sampled_from((": ", ":", "", ": \\*")),
    st.one_of(st.sampled_from(("", "Đã ban hành", "x"))),
    st.sampled_from(("", "**", "** Thực hiện", ":**", "***", "\\")),
)
