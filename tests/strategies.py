"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from cchc_model import DocumentType, LegalDocumentRef

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
document_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
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
        issued_on=draw(st.none() | document_dates),
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
