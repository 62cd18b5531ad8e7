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
    CountFact,
    DocumentDate,
    DocumentType,
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
    and t not in {DocumentType.DECREE, DocumentType.CIRCULAR, DocumentType.JOINT_CIRCULAR}
)
_YEAR_TYPES = (
    DocumentType.DECREE,
    DocumentType.CIRCULAR,
    DocumentType.DECISION,
    DocumentType.RESOLUTION,
)
_PARTY_TYPES = (DocumentType.DIRECTIVE, DocumentType.GUIDANCE, DocumentType.RESOLUTION)

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
        doc_type = draw(st.sampled_from(_PARTY_TYPES))
        symbol = f"{doc_type.abbreviation}/{draw(st.sampled_from(('TU', 'TW', 'VPTW', 'HU')))}"
    return LegalDocumentRef(
        doc_type,
        number,
        symbol,
        year=year,
        issued_on=draw(st.none() | citation_dates),
        issuer=draw(st.none() | st.sampled_from(ISSUERS)),
        subject=draw(st.none() | subjects),
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
    CountFact: count_facts,
    DocumentDate: document_dates(),
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
