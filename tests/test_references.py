"""Tests for legal-document references: the value, parse_reference, extract_references."""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_model import (
    MAX_REFERENCE_LENGTH,
    MAX_TEXT_LENGTH,
    CchcError,
    DocumentType,
    InputError,
    LegalDocumentRef,
    ReferenceMatch,
    ReferenceParseError,
    extract_references,
    is_valid_reference,
    parse_reference,
)
from cchc_model._values import references
from tests.strategies import (
    citation_prose,
    filler_sentences,
    issuer_prose,
    legal_document_refs,
)

REPORT_TEXT = (Path(__file__).parent / "data" / "reference_report.txt").read_text(encoding="utf-8")

#: Every citation of the reference report: line, type, number and symbol, date.
REFERENCE_REPORT_CITATIONS = [
    (13, None, "872/UBND-VXNV", "2022-03-04"),
    (21, DocumentType.PLAN, "3170/KH-SLĐTBXH", "2022-12-02"),
    (21, DocumentType.PLAN, "02/KH-SLĐTBXH", "2023-01-03"),
    (21, DocumentType.PLAN, "420/KH-SLĐTBXH", "2023-02-28"),
    (21, DocumentType.PLAN, "846/KH-SLĐTBXH", "2023-04-07"),
    (21, DocumentType.PLAN, "978/KH-SLĐTBXH", "2023-04-19"),
    (25, DocumentType.PLAN, "02/KH-SLĐTBXH", "2023-01-03"),
    (25, DocumentType.DECISION, "736/QĐ-UBND", "2022-12-29"),
    (29, DocumentType.PLAN, "978/KH-SLĐTBXH", "2023-04-19"),
    (31, DocumentType.PLAN, "420/KH-UBND", "2023-02-28"),
    (37, DocumentType.PLAN, "211/KH-SLĐTBXH", "2023-02-06"),
    (37, DocumentType.PLAN, "176/KH-SLĐTBXH", "2023-02-01"),
    (37, DocumentType.PLAN, "207/KH-SLĐTBXH", "2023-02-06"),
    (37, DocumentType.PLAN, "134/KH-SLĐTBXH", "2023-01-18"),
    (37, DocumentType.PLAN, "146/KH-SLĐTBXH", "2023-01-27"),
    (37, DocumentType.PLAN, "344/KH-SLĐTBXH", "2023-02-22"),
    (37, DocumentType.PLAN, "168/KH-SLĐTBXH", "2023-01-31"),
    (37, DocumentType.PLAN, "325/KH-SLĐTBXH", "2023-02-20"),
    (39, DocumentType.REPORT, "47/BC-SLĐTBXH", "2023-01-06"),
    (39, DocumentType.REPORT, "09/BC-SLĐTBXH", "2023-01-11"),
    (39, DocumentType.REPORT, "167/BC-SLĐTBXH", "2023-05-24"),
    (39, DocumentType.REPORT, "442/BC-SLĐTBXH", "2023-11-01"),
    (39, None, "2954/SLĐTBXH-TTr", "2023-10-19"),
    (45, DocumentType.PLAN, "02/KH-SLĐTBXH", "2023-01-03"),
    (51, DocumentType.DECREE, "61/2018/NĐ-CP", "2018-04-23"),
    (63, DocumentType.DECISION, "193/QĐ-UBND", "2023-04-21"),
    (63, DocumentType.DECISION, "696/QĐ-UBND", "2023-05-26"),
    (63, DocumentType.DECISION, "53/QĐ-UBND", "2023-02-10"),
    (73, DocumentType.DECISION, "01/QĐ-SLĐTBXH", "2023-01-03"),
    (75, DocumentType.PLAN, "268/KH-SLĐTBXH", "2023-02-13"),
    (75, DocumentType.DECISION, "51/QĐ-SLĐTBXH", "2023-02-28"),
    (77, DocumentType.DECISION, "117/QĐ-SLĐTBXH", "2023-04-14"),
    (79, DocumentType.DECISION, "509/QĐ-SLĐTBXH", "2023-11-16"),
    (85, DocumentType.DECISION, "25/QĐ-SLĐTBXH", "2022-02-06"),
    (91, DocumentType.DECREE, "117/2013/NĐ-CP", "2013-10-07"),
    (91, DocumentType.DECREE, "130/2005/NĐ-CP", "2005-10-17"),
    (91, DocumentType.DECISION, "4339/QĐ-SLĐTBXH", "2022-12-31"),
    (93, DocumentType.CIRCULAR, "61/2017/TT-BTC", "2017-06-15"),
    (93, DocumentType.CIRCULAR, "90/2018/TT-BTC", "2018-09-28"),
    (97, None, "361/SLĐTBXH-VP", "2023-02-23"),
    (105, DocumentType.PLAN, "962/KH-UBND", "2023-03-16"),
    (105, None, "3159/UBND-KTTH", "2023-08-02"),
    (111, DocumentType.PLAN, "15/KH-SLĐTBXH", "2023-01-03"),
    (111, DocumentType.DIRECTIVE, "40-CT/TU", "2022-12-05"),
    (111, DocumentType.PLAN, "3255/KH-SLĐTBXH", "2022-12-12"),
    (111, DocumentType.PLAN, "398/KH-SLĐTBXH", "2023-02-27"),
    (111, DocumentType.DECISION, "32/QĐ-SLĐTBXH", "2023-02-13"),
    (119, DocumentType.PLAN, "238/KH-UBND", "2023-01-23"),
    (121, DocumentType.SCHEME, "1237/PA-SLĐTBXH", "2023-05-16"),
    (121, DocumentType.PLAN, "2996/KH-SLĐTBXH", None),
    (121, DocumentType.PLAN, "4076/KH-UBND", "2023-09-29"),
    (125, DocumentType.DECISION, "1031/QĐ-UBND", "2023-08-03"),
    (125, DocumentType.DECREE, "42/2022/NĐ-CP", "2022-06-24"),
    (159, DocumentType.CIRCULAR, "02/2017/TT-VPCP", "2017-10-31"),
    (171, DocumentType.DECREE, "150/2013/NĐ-CP", "2013-11-01"),
    (171, DocumentType.DECREE, "158/2007/NĐ-CP", "2007-10-27"),
    (175, DocumentType.DECREE, "163/2016/NĐ-CP", "2016-12-21"),
    (175, DocumentType.CIRCULAR, "61/2017/TT-BTC", "2017-06-15"),
    (175, DocumentType.CIRCULAR, "90/TT-BTC", "2018-09-28"),
    (175, DocumentType.CIRCULAR, "61/2017/TT-BTC", "2017-06-15"),
    (314, DocumentType.DECISION, "428/QĐ-UBND", "2022-07-18"),
    (314, None, "3159/UBND-KTTH", "2023-08-02"),
]


class TestLegalDocumentRef:
    def test_canonical_citation(self) -> None:
        """str() gives type, number/symbol and the ND 30 date."""
        ref = LegalDocumentRef(DocumentType.PLAN, 3170, "KH-SLĐTBXH", issued_on=date(2022, 12, 2))
        assert str(ref) == "Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022"

    def test_leading_zero_for_numbers_below_ten(self) -> None:
        """Numbers below 10 are written with a leading zero."""
        ref = LegalDocumentRef(DocumentType.PLAN, 2, "KH-SLĐTBXH", issued_on=date(2023, 1, 3))
        assert str(ref) == "Kế hoạch số 02/KH-SLĐTBXH ngày 03/01/2023"

    @pytest.mark.parametrize(
        ("ref", "expected"),
        [
            (LegalDocumentRef(DocumentType.PLAN, 3170, "KH-SLĐTBXH"), "3170/KH-SLĐTBXH"),
            (LegalDocumentRef(DocumentType.DECREE, 61, "NĐ-CP", year=2018), "61/2018/NĐ-CP"),
            (LegalDocumentRef(None, 2954, "SLĐTBXH-TTr"), "2954/SLĐTBXH-TTr"),
            (LegalDocumentRef(DocumentType.DIRECTIVE, 40, "CT/TU"), "40-CT/TU"),
            (LegalDocumentRef(DocumentType.LAW, 80, "QH13", year=2015), "80/2015/QH13"),
        ],
    )
    def test_number_symbol(self, ref: LegalDocumentRef, expected: str) -> None:
        """number_symbol prints each of the four forms."""
        assert ref.number_symbol == expected

    @pytest.mark.parametrize(
        ("ref", "codes", "unit"),
        [
            (LegalDocumentRef(DocumentType.PLAN, 1, "KH-SLĐTBXH"), ("SLĐTBXH",), None),
            (LegalDocumentRef(DocumentType.DECISION, 1, "QĐ-UBND"), ("UBND",), None),
            (LegalDocumentRef(DocumentType.DECREE, 1, "NĐ-CP", year=2018), ("CP",), None),
            (LegalDocumentRef(DocumentType.DECISION, 1, "QĐ-TTg"), ("TTg",), None),
            (
                LegalDocumentRef(DocumentType.JOINT_CIRCULAR, 1, "TTLT-BNV-BTC", year=2019),
                ("BNV", "BTC"),
                None,
            ),
            (LegalDocumentRef(None, 2954, "SLĐTBXH-TTr"), ("SLĐTBXH",), "TTr"),
            (LegalDocumentRef(DocumentType.DIRECTIVE, 40, "CT/TU"), ("TU",), None),
            (LegalDocumentRef(DocumentType.LAW, 80, "QH13", year=2015), ("QH13",), None),
            (LegalDocumentRef(None, 12, "KH-UBND"), ("UBND",), None),
        ],
    )
    def test_issuer_codes_and_drafting_unit(
        self, ref: LegalDocumentRef, codes: tuple[str, ...], unit: str | None
    ) -> None:
        """Issuer codes come from the symbol; TTr of a công văn is its drafting unit."""
        assert ref.issuer_codes == codes
        assert ref.issuer_code == "-".join(codes)
        assert ref.drafting_unit == unit

    def test_issuer_and_subject_follow_the_citation(self) -> None:
        """Issuer and subject, when known, are part of the full citation."""
        ref = LegalDocumentRef(
            DocumentType.DECISION, 736, "QĐ-UBND", issued_on=date(2022, 12, 29),
            issuer="UBND tỉnh", subject="việc ban hành kế hoạch",
        )
        assert str(ref) == (
            "Quyết định số 736/QĐ-UBND ngày 29/12/2022 của UBND tỉnh về việc ban hành kế hoạch"
        )
        assert ref.short_citation == "Quyết định số 736/QĐ-UBND ngày 29/12/2022"

    def test_warnings_take_no_part_in_equality(self) -> None:
        """Two readings of the same document are equal whatever had to be normalised."""
        ref = LegalDocumentRef(DocumentType.PLAN, 1, "KH-UBND")
        assert attrs.evolve(ref, warnings=("x",)) == ref
        assert hash(attrs.evolve(ref, warnings=("x",))) == hash(ref)

    def test_legal_normative(self) -> None:
        """A year or an always-normative type makes a VBQPPL."""
        assert LegalDocumentRef(DocumentType.CIRCULAR, 90, "TT-BTC").is_legal_normative
        assert LegalDocumentRef(DocumentType.DECISION, 1, "QĐ-UBND", year=2023).is_legal_normative
        assert not LegalDocumentRef(DocumentType.DECISION, 1, "QĐ-UBND").is_legal_normative


class TestParseReference:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022",
                LegalDocumentRef(
                    DocumentType.PLAN, 3170, "KH-SLĐTBXH", issued_on=date(2022, 12, 2)
                ),
            ),
            (
                "Quyết định 1031/QĐ-UBND ngày 03/8/2023",
                LegalDocumentRef(
                    DocumentType.DECISION, 1031, "QĐ-UBND", issued_on=date(2023, 8, 3)
                ),
            ),
            (
                "Công văn số 2954/SLĐTBXH-TTr ngày 19/10/2023",
                LegalDocumentRef(None, 2954, "SLĐTBXH-TTr", issued_on=date(2023, 10, 19)),
            ),
            (
                "Văn bản số 872/UBND-VXNV",
                LegalDocumentRef(None, 872, "UBND-VXNV"),
            ),
            (
                "Văn bản số 12/KH-UBND",
                LegalDocumentRef(DocumentType.PLAN, 12, "KH-UBND"),
            ),
            (
                "Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022",
                LegalDocumentRef(DocumentType.DECREE, 42, "NĐ-CP", year=2022,
                                 issued_on=date(2022, 6, 24)),
            ),
            (
                "Thông tư 61/2017/TT-BTC ngày 15/6/2017",
                LegalDocumentRef(DocumentType.CIRCULAR, 61, "TT-BTC", year=2017,
                                 issued_on=date(2017, 6, 15)),
            ),
            (
                "Luật số 80/2015/QH13",
                LegalDocumentRef(DocumentType.LAW, 80, "QH13", year=2015),
            ),
            (
                "Thông tư liên tịch số 03/2019/TTLT-BNV-BTC",
                LegalDocumentRef(DocumentType.JOINT_CIRCULAR, 3, "TTLT-BNV-BTC", year=2019),
            ),
            (
                "Chỉ thị số 40-CT/TU ngày 05/12/2022",
                LegalDocumentRef(DocumentType.DIRECTIVE, 40, "CT/TU", issued_on=date(2022, 12, 5)),
            ),
            (
                "Hướng dẫn 36-HD/VPTW",
                LegalDocumentRef(DocumentType.GUIDANCE, 36, "HD/VPTW"),
            ),
            ("3170/KH-SLĐTBXH", LegalDocumentRef(DocumentType.PLAN, 3170, "KH-SLĐTBXH")),
            (
                "Kế hoạch số 2/KH-SLĐTBXH ngày 3/1/2023",
                LegalDocumentRef(DocumentType.PLAN, 2, "KH-SLĐTBXH", issued_on=date(2023, 1, 3)),
            ),
            (
                (
                    "Quyết định số 736/QĐ-UBND ngày 29/12/2022 của UBND tỉnh về việc Ban hành "
                    "Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2023"
                ),
                LegalDocumentRef(
                    DocumentType.DECISION, 736, "QĐ-UBND", issued_on=date(2022, 12, 29),
                    issuer="UBND tỉnh",
                    subject="việc Ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính "
                    "năm 2023",
                ),
            ),
        ],
    )
    def test_accepts(self, text: str, expected: LegalDocumentRef) -> None:
        """The forms real documents contain are read into the right fields."""
        assert parse_reference(text) == expected

    def test_nfd_text(self) -> None:
        """Decomposed text reads as composed text."""
        text = unicodedata.normalize("NFD", "Quyết định số 25/QĐ-SLĐTBXH ngày 06/02/2022")
        assert parse_reference(text) == LegalDocumentRef(
            DocumentType.DECISION, 25, "QĐ-SLĐTBXH", issued_on=date(2022, 2, 6)
        )

    def test_eth_for_d_with_stroke(self) -> None:
        """Ð (U+00D0) typed for Đ is read as Đ, with a warning."""
        ref = parse_reference("Quyết định số 25/Q\u00d0-UBND")
        assert ref.symbol == "QĐ-UBND"
        assert ref.warnings == ("chữ Ð (U+00D0) được đọc là Đ (Ð read as Đ)",)

    def test_stray_space_in_symbol(self) -> None:
        """QĐ-SLĐT BXH is read as QĐ-SLĐTBXH, and the warning says so."""
        ref = parse_reference("Quyết định số 4339/QĐ-SLĐT BXH ngày 31/12/2022")
        assert ref.symbol == "QĐ-SLĐTBXH"
        assert ref.warnings == (
            "ký hiệu có khoảng trắng thừa (stray space in the symbol): QĐ-SLĐT BXH",
        )

    def test_space_before_a_place_is_no_stray_space(self) -> None:
        """'UBND TP. Huế' keeps TP out of the symbol."""
        [m] = extract_references("Quyết định số 5/QĐ-UBND TP. Huế")
        assert m.ref.symbol == "QĐ-UBND"
        assert m.ref.warnings == ()

    def test_type_word_differs_from_symbol(self) -> None:
        """The written type wins, and the mismatch is a warning."""
        ref = parse_reference("Công văn số 12/KH-UBND")
        assert ref.doc_type is None
        assert len(ref.warnings) == 1

    @pytest.mark.parametrize(
        "text",
        [
            "số 12/12",
            "12/12",
            "3.878/15.127",
            "02/8/2023",
            "ngày 02/8/2023",
            "Kế hoạch số",
            "Kế hoạch số /KH-SLĐTBXH",
            "Kế hoạch số 0/KH-UBND",
            "Đề án 06/CP",
            "Kế hoạch số 1/KH-UBND và Kế hoạch số 2/KH-UBND",
            "Kế hoạch số 1/KH-UBND rồi gì đó",
            "TCVN ISO 9001:2015",
            "80/2015/QH13",
            "Quyết định số 1234567/QĐ-UBND",
        ],
    )
    def test_rejects(self, text: str) -> None:
        """What is not exactly one citation raises ReferenceParseError quoting the text."""
        with pytest.raises(ReferenceParseError) as info:
            parse_reference(text)
        assert repr(text) in str(info.value)

    def test_impossible_date(self) -> None:
        """31/02/2023 is no date: the message says so."""
        with pytest.raises(ReferenceParseError) as info:
            parse_reference("Kế hoạch số 12/KH-UBND ngày 31/02/2023")
        assert str(info.value) == (
            "ngày không tồn tại (no such date): 'Kế hoạch số 12/KH-UBND ngày 31/02/2023'"
        )

    def test_too_long(self) -> None:
        """Text over the limit is refused before it is scanned."""
        with pytest.raises(ReferenceParseError, match="at most 2000 characters"):
            parse_reference("x" * (MAX_REFERENCE_LENGTH + 1))

    def test_predicate(self) -> None:
        """is_valid_reference answers without raising."""
        assert is_valid_reference("Kế hoạch số 02/KH-SLĐTBXH")
        assert not is_valid_reference("12/12")

    @given(legal_document_refs())
    def test_round_trip(self, ref: LegalDocumentRef) -> None:
        """parse_reference(str(ref)) == ref for every canonical reference."""
        assert parse_reference(str(ref)) == ref

    @given(legal_document_refs())
    def test_round_trip_nfd(self, ref: LegalDocumentRef) -> None:
        """The round trip holds for decomposed text too."""
        assert parse_reference(unicodedata.normalize("NFD", str(ref))) == ref


class TestExtractReferences:
    def test_reference_report(self) -> None:
        """Every citation of the reference report, in order, with the right fields."""
        found = [
            (
                REPORT_TEXT.count("\n", 0, m.start) + 1,
                m.ref.doc_type,
                m.ref.number_symbol,
                None if m.ref.issued_on is None else m.ref.issued_on.isoformat(),
            )
            for m in extract_references(REPORT_TEXT)
        ]
        assert found == REFERENCE_REPORT_CITATIONS

    def test_reference_report_spans_and_round_trip(self) -> None:
        """Spans are exact; each citation's text and canonical form parse back to it."""
        for m in extract_references(REPORT_TEXT):
            assert REPORT_TEXT[m.start:m.end] == m.text
            assert parse_reference(m.text) == m.ref
            assert parse_reference(str(m.ref)) == m.ref

    def test_reference_report_fields(self) -> None:
        """Issuer, subject, drafting unit and warnings of a few citations."""
        refs = {
            (m.ref.number_symbol, m.start): m.ref for m in extract_references(REPORT_TEXT)
        }
        by_symbol = {key[0]: ref for key, ref in refs.items()}
        assert by_symbol["2954/SLĐTBXH-TTr"].drafting_unit == "TTr"
        assert by_symbol["2954/SLĐTBXH-TTr"].subject == (
            "Báo cáo thống kê số liệu ngành Tư pháp năm 2023"
        )
        assert by_symbol["736/QĐ-UBND"].issuer == "UBND tỉnh"
        assert by_symbol["40-CT/TU"].issuer == "Ban Thường vụ Tỉnh ủy"
        assert by_symbol["1031/QĐ-UBND"].issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
        assert by_symbol["3170/KH-SLĐTBXH"].subject == (
            "thực hiện công tác cải cách hành chính năm 2023"
        )
        assert by_symbol["176/KH-SLĐTBXH"].subject == (
            "triển khai công tác thi hành pháp luật về xử lý vi phạm hành chính năm"
        )
        assert by_symbol["2996/KH-SLĐTBXH"].issued_on is None
        noisy = [ref.number_symbol for ref in by_symbol.values() if ref.warnings]
        assert sorted(noisy) == ["25/QĐ-SLĐTBXH", "361/SLĐTBXH-VP", "4339/QĐ-SLĐTBXH"]

    @pytest.mark.parametrize(
        "text",
        [
            "Số VBQPPL đã ban hành 12/12",
            "thực hiện chi trả qua tài khoản là 3.878/15.127 (Người có công)",
            "thực hiện 7/7 huyện, thành phố",
            "đến thời điểm này (26/5/2023) đã giải ngân",
            "mở tài khoản đến tháng 11/2023",
            "theo TCVN ISO 9001:2015 và duy trì",
            "triển khai thực hiện Đề án 06/CP năm 2023",
            "ban hành Quyết định công bố và Quyết định phê duyệt",
            "giai đoạn 2021-2026, các xã/phường",
            "<https://dichvucong.gov.vn>",
            "Số: /BC-SLĐTBXH",
        ],
    )
    def test_no_false_hits(self, text: str) -> None:
        """Ratios, dates, ISO standards, programme names and bare type names are no citations."""
        assert extract_references(text) == []

    def test_spans_in_nfd_text(self) -> None:
        """Spans index the text as given, even when it is decomposed."""
        text = unicodedata.normalize("NFD", "Theo Quyết định số 25/QĐ-UBND ngày 06/02/2022; tiếp")
        [m] = extract_references(text)
        assert text[m.start:m.end] == m.text
        assert unicodedata.normalize("NFC", m.text) == "Quyết định số 25/QĐ-UBND ngày 06/02/2022"

    def test_windows_line_ends(self) -> None:
        """CRLF line ends end a subject like LF does."""
        text = "Kế hoạch số 1/KH-UBND về kiểm tra\r\nDòng sau"
        [m] = extract_references(text)
        assert m.text == "Kế hoạch số 1/KH-UBND về kiểm tra"

    def test_impossible_date_is_left_out(self) -> None:
        """A citation with an impossible date ends before the date, with a warning."""
        [m] = extract_references("theo Kế hoạch số 12/KH-UBND ngày 31/02/2023.")
        assert m.text == "Kế hoạch số 12/KH-UBND"
        assert m.ref.issued_on is None
        assert m.ref.warnings

    def test_subject_stops_at_the_next_citation(self) -> None:
        """A subject never swallows the citation after it, nor a trailing conjunction."""
        text = "Kế hoạch số 1/KH-UBND về kiểm tra và Kế hoạch số 2/KH-UBND về rà soát; xong"
        assert [m.text for m in extract_references(text)] == [
            "Kế hoạch số 1/KH-UBND về kiểm tra",
            "Kế hoạch số 2/KH-UBND về rà soát",
        ]

    @given(st.lists(st.one_of(legal_document_refs(), filler_sentences), max_size=8),
           st.sampled_from(("; ", ".\n", "; và ")))
    def test_planted_citations(self, parts: list[LegalDocumentRef | str], sep: str) -> None:
        """Every citation planted in prose is found, with its exact span, and nothing else."""
        text = ""
        planted = []
        for part in parts:
            if isinstance(part, LegalDocumentRef):
                citation = str(part)
                planted.append((part, len(text), len(text) + len(citation)))
                text += citation
            else:
                text += part
            text += sep
        found = [(m.ref, m.start, m.end) for m in extract_references(text)]
        assert found == planted


#: The forms of the grammar, each with what it reads: type, number and symbol, date, issuer,
#: subject (see docs/citations.md).
FORMS = [
    ("Kết luận số 34-KL/TW ngày 18/4/2022 của Bộ Chính trị",
     DocumentType.CONCLUSION, "34-KL/TW", date(2022, 4, 18), "Bộ Chính trị", None),
    ("Quy định số 05-QĐi/TW ngày 28/8/2018 của Ban Chấp hành Trung ương",
     DocumentType.REGULATION, "05-QĐi/TW", date(2018, 8, 28), "Ban Chấp hành Trung ương", None),
    ("Thông tri số 12-TT/TW ngày 05/3/2020 của Ban Bí thư",
     DocumentType.PARTY_CIRCULAR, "12-TT/TW", date(2020, 3, 5), "Ban Bí thư", None),
    ("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
     DocumentType.GUIDANCE, "36-HD/VPTW", date(2018, 4, 3), "Văn phòng Trung ương Đảng", None),
    ("Chỉ thị số 40-CT/TU ngày 14-4-2025 của Ban Thường vụ Tỉnh ủy",
     DocumentType.DIRECTIVE, "40-CT/TU", date(2025, 4, 14), "Ban Thường vụ Tỉnh ủy", None),
    ("Công văn số 123-CV/TU", None, "123-CV/TU", None, None, None),
    ("Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình tổng thể",
     DocumentType.RESOLUTION, "30c/NQ-CP", date(2011, 11, 8), "Chính phủ",
     "ban hành Chương trình tổng thể"),
    ("Quyết định số 123a/QĐ-UBND ngày 23.4.2018", DocumentType.DECISION, "123a/QĐ-UBND",
     date(2018, 4, 23), None, None),
    ("Công văn số 2231/SNV-CCHC&PC ngày 28 tháng 9 năm 2018", None, "2231/SNV-CCHC&PC",
     date(2018, 9, 28), None, None),
    ("Nghị quyết số 26/2022/UBTVQH15 ngày 21/9/2022 của Ủy ban Thường vụ Quốc hội",
     DocumentType.RESOLUTION, "26/2022/UBTVQH15", date(2022, 9, 21),
     "Ủy ban Thường vụ Quốc hội", None),
    ("QĐ 123/QĐ-UBND", DocumentType.DECISION, "123/QĐ-UBND", None, None, None),
    ("NĐ 30/2020/NĐ-CP", DocumentType.DECREE, "30/2020/NĐ-CP", None, None, None),
    ("Văn bản hợp nhất số 03/VBHN-BNV", DocumentType.CONSOLIDATED, "03/VBHN-BNV", None, None,
     None),
    ("Báo cáo thẩm định số 18/BCTĐ-STP ngày 25/5/2018 của Sở Tư pháp", DocumentType.REPORT,
     "18/BCTĐ-STP", date(2018, 5, 25), "Sở Tư pháp", None),
    (("Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV ngày 28/01/2011 của Bộ trưởng, Chủ nhiệm "
     "Văn phòng Chính phủ và Bộ trưởng Bộ Nội vụ"), DocumentType.JOINT_CIRCULAR,
     "02/2011/TTLT-VPCP-BNV", date(2011, 1, 28),
     "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ và Bộ trưởng Bộ Nội vụ", None),
    ("Nghị quyết số 20/NQ-HĐND ngày 23/9/2021 của Hội đồng nhân dân tỉnh",
     DocumentType.RESOLUTION, "20/NQ-HĐND", date(2021, 9, 23), "Hội đồng nhân dân tỉnh", None),
    (("Nghị định số 34/2011/NĐ-CP ngày 17 tháng 5 năm 2011 của Chính phủ quy định về xử lý "
     "kỷ luật"), DocumentType.DECREE, "34/2011/NĐ-CP", date(2011, 5, 17), "Chính phủ",
     "quy định về xử lý kỷ luật"),
    ("Kế hoạch số 42/KH-UBND ngày 18/3/2021 của UBND tỉnh tổ chức phong trào thi đua",
     DocumentType.PLAN, "42/KH-UBND", date(2021, 3, 18), "UBND tỉnh",
     "tổ chức phong trào thi đua"),
    ("Quyết định số 1/QĐ-UBND ngày 01/02/2023 của UBND huyện thành lập Ban Chỉ đạo",
     DocumentType.DECISION, "01/QĐ-UBND", date(2023, 2, 1), "UBND huyện",
     "thành lập Ban Chỉ đạo"),
    ("văn bản quy phạm pháp luật số 05/2023/QĐ-UBND", DocumentType.DECISION,
     "05/2023/QĐ-UBND", None, None, None),
    ("Luật Đầu tư công số 49/2014/QH13 ngày 18 tháng 6 năm 2014", DocumentType.LAW,
     "49/2014/QH13", date(2014, 6, 18), None, "Đầu tư công"),
    (("Nghị\nquyết số 30c/NQ-CP ngày\n08/11/2011 của\nChính phủ về ban hành Chương\n"
     "trình tổng thể"), DocumentType.RESOLUTION, "30c/NQ-CP", date(2011, 11, 8), "Chính phủ",
     "ban hành Chương trình tổng thể"),
    ("Kế hoạch số 5/KH-UBND ngày\f05/3/2020", DocumentType.PLAN, "05/KH-UBND",
     date(2020, 3, 5), None, None),
    ("Kết luận số 100 - KL/TW", DocumentType.CONCLUSION, "100-KL/TW", None, None, None),
]


class TestGrammarForms:
    @pytest.mark.parametrize("form", FORMS, ids=[f[2] for f in FORMS])
    def test_form_parses_exactly(self, form: tuple[object, ...]) -> None:
        """Each form reads its type, number and symbol, date, issuer and subject."""
        text, doc_type, number_symbol, day, issuer, subject = form
        ref = parse_reference(str(text))
        assert (ref.doc_type, ref.number_symbol, ref.issued_on, ref.issuer, ref.subject) == (
            doc_type, number_symbol, day, issuer, subject,
        )

    @pytest.mark.parametrize("form", FORMS, ids=[f[2] for f in FORMS])
    def test_form_extracted_whole_from_a_sentence(self, form: tuple[object, ...]) -> None:
        """Each form is found whole in a sentence, with an exact span."""
        text = str(form[0])
        sentence = f"Thực hiện {text}; đơn vị đã triển khai."
        [match] = extract_references(sentence)
        assert (match.start, match.end) == (10, 10 + len(text))
        assert match.text == text
        assert match.ref == parse_reference(text)

    def test_party_documents_are_never_legal_normative(self) -> None:
        """A Party Thông tri is no Thông tư and no VBQPPL; a Party body's code marks the system."""
        tt = parse_reference("Thông tri số 12-TT/TW")
        assert tt.doc_type is DocumentType.PARTY_CIRCULAR
        assert (tt.system, tt.is_legal_normative) == ("party", False)
        assert parse_reference("Chỉ thị số 22/CT-TW").system == "party"
        assert parse_reference("Nghị định số 30/2020/NĐ-CP").system == "state"

    @pytest.mark.parametrize(
        ("text", "codes", "unit"),
        [
            ("Văn bản hợp nhất số 03/VBHN-BNV", ("BNV",), None),
            ("Báo cáo thẩm định số 18/BCTĐ-STP", ("STP",), None),
            ("Công văn số 2231/SNV-CCHC&PC", ("SNV",), "CCHC&PC"),
            ("Kết luận số 34-KL/TW", ("TW",), None),
        ],
    )
    def test_issuer_of_new_forms(self, text: str, codes: tuple[str, ...], unit: str | None) -> None:
        """VBHN and BCTĐ are type codes, not issuers; & stays inside a drafting unit."""
        ref = parse_reference(text)
        assert (ref.issuer_codes, ref.drafting_unit) == (codes, unit)

    def test_lower_case_luat_is_no_law(self) -> None:
        """"pháp luật số …": the lower-case word luật is not the type Luật."""
        [m] = extract_references("theo văn bản quy phạm pháp luật số 05/2023/QĐ-UBND.")
        assert m.ref.doc_type is DocumentType.DECISION
        assert not [m for m in extract_references("luật số 80/2015/QH13") if m.ref.doc_type]

    def test_party_quy_dinh_written_qd(self) -> None:
        """Before 2018 a Party Quy định was numbered QĐ: no type mismatch is claimed."""
        ref = parse_reference("Quy định số 29-QĐ/TW ngày 25/7/2016 của Bộ Chính trị")
        assert ref.doc_type is DocumentType.REGULATION
        assert ref.warnings == ()

    def test_canonical_form_round_trips_with_a_verb(self) -> None:
        """A subject introduced by a verb prints without "về" and reads back the same."""
        ref = parse_reference("Nghị định số 42/2022/NĐ-CP của Chính phủ quy định về dịch vụ")
        assert str(ref) == "Nghị định số 42/2022/NĐ-CP của Chính phủ quy định về dịch vụ"
        assert parse_reference(str(ref)) == ref


class TestNfd:
    @pytest.mark.parametrize(
        "citation",
        [
            "Quyết định số 25/QĐ-UBND",
            "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020",
            "Kế hoạch số 02/KH-UBND của UBND",
            "Kết luận số 34-KL/TU ngày 18/4/2022",
        ],
    )
    @pytest.mark.parametrize("marks", ["\u0301", "\u0309", "\u0302\u0301"])
    def test_stray_mark_after_a_citation(self, citation: str, marks: str) -> None:
        """A stray combining mark after a citation in NFD text does not cut its last letter.

        The marks chosen compose with none of the last letters (D, a digit), so they stay
        stray; a mark that composes (n and an acute make ń) makes another word.
        """
        text = unicodedata.normalize("NFD", f"Theo {citation}") + marks + " tiếp theo"
        [m] = extract_references(text)
        assert text[m.start:m.end] == m.text
        assert unicodedata.normalize("NFC", m.text) == citation
        assert parse_reference(m.text) == m.ref

    def test_marks_half_composed_after_an_issuer(self) -> None:
        """A mark NFC composes with the issuer's last letter takes the marks it skipped along.

        After "Đảng", a dot below and an acute read as ǵ and a stray dot below: the span
        cannot end inside the written g-dot-acute, so it ends after it, and reads the same.
        """
        citation = "Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng"
        text = unicodedata.normalize("NFD", f"Theo {citation}") + "\u0323\u0301; tiếp"
        [m] = extract_references(text)
        assert m.text.endswith("g\u0323\u0301")
        assert m.ref.issuer == "Văn phòng Trung ương Đảnǵ"
        assert parse_reference(m.text) == m.ref

    @given(st.sampled_from([f[0] for f in FORMS]), st.text("\u0300\u0301\u0303\u0309\u0323",
                                                          max_size=3))
    def test_any_marks_keep_the_round_trip(self, citation: object, marks: str) -> None:
        """On NFD input with any marks after it, parse_reference(m.text) == m.ref."""
        text = unicodedata.normalize("NFD", f"Theo {citation}") + marks + "; tiếp"
        for m in extract_references(text):
            assert text[m.start:m.end] == m.text
            assert parse_reference(m.text) == m.ref


CORPUS = [
    json.loads(line)["text"]
    for line in (Path(__file__).parent / "corpus" / "citations.jsonl").read_text(
        encoding="utf-8"
    ).splitlines()
    if line.strip()
]


# The core as it was written before the number was read once: the three forms in turn, the
# date an optional group. The scan's core must match exactly as this does.
_THREE_FORMS = rf"""
    (?<![\w./-])
    (?:
        (?P<vnum>{references._NUMBER})(?P<vsuf>{references._SUFFIX})?[ ]?/(?P<year>[0-9]{{4}})
        /(?P<vsym>{references._SYMBOL})
      | (?P<pnum>{references._NUMBER})(?P<psuf>{references._SUFFIX})?[ ]?-[ ]?
        (?P<pkind>{references._SEGMENT})/(?P<psym>{references._SYMBOL})
      | (?P<anum>{references._NUMBER})(?P<asuf>{references._SUFFIX})?/(?P<asym>{references._SYMBOL})
    )
    (?![\w/&-])
    (?P<dated>{references._HS}?,?{references._SP}(?i:ngày){references._SP}{references._DATE})?
"""


def _assert_cores_agree(text: str) -> None:
    """The scan's core matches *text* at every place exactly as the three forms do."""
    old = re.compile(_THREE_FORMS, re.VERBOSE)
    new = re.compile(references._CORE, re.VERBOSE)
    for at in range(len(text) + 1):
        before, after = old.match(text, at), new.match(text, at)
        assert (before is None) == (after is None)
        if before is None or after is None:
            continue
        assert after.span() == before.span()
        form = "v" if before.group("vnum") else "p" if before.group("pnum") else "a"
        assert after.span("num") == before.span(f"{form}num")
        assert after.group("suf") == before.group(f"{form}suf")
        for name in ("year", "vsym", "pkind", "psym", "asym", "dated", "d1", "sep", "m1",
                     "y1", "d2", "m2", "y2"):
            assert after.span(name) == before.span(name), name


def _grammar_reading(
    matched: tuple[re.Match[str] | None, re.Match[str]],
) -> tuple[object, ...]:
    """Everything a grammar match tells: its span and every group's text and span.

    The fast scan gives a match of the prefix (or none) and one of the core; the plain
    grammar one match of both, given twice.
    """
    head, core = matched
    prefix_names = set(references._SCANNER.get().prefix.groupindex)
    groups, spans = {}, []
    for name in references._CITATION.get().groupindex:
        source = head if name in prefix_names else core
        groups[name] = None if source is None else source.group(name)
        spans.append((-1, -1) if source is None else source.span(name))
    return (references._start(matched), core.end()), groups, tuple(spans)


def _assert_scans_agree(text: str) -> None:
    """The fast scan reads *text* as the grammar tried at every position does, exactly."""
    plain = [_grammar_reading((m, m)) for m in references._CITATION.get().finditer(text)]
    fast = [_grammar_reading(m) for m in references._grammar_matches(text)]
    assert fast == plain
    for whole in (False, True):
        slow = list(references._scan(text, whole=whole, plain=True))
        quick = list(references._scan(text, whole=whole))
        assert quick == slow
        assert [m.ref.warnings for m in quick] == [m.ref.warnings for m in slow]


class TestFastScan:
    """The scan that finds number cores first gives exactly the plain grammar's matches."""

    def test_reference_report(self) -> None:
        """The reference report, whole and paragraph by paragraph, reads the same both ways."""
        _assert_scans_agree(REPORT_TEXT)
        for paragraph in REPORT_TEXT.split("\n"):
            _assert_scans_agree(paragraph)

    def test_corpus(self) -> None:
        """Every corpus citation, alone and all of them run together, reads the same."""
        for text in CORPUS:
            _assert_scans_agree(text)
            _assert_scans_agree(f"Căn cứ {text}; ")
        _assert_scans_agree("; ".join(CORPUS))
        _assert_scans_agree("".join(CORPUS))

    @settings(max_examples=600)
    @given(citation_prose())
    def test_random_prose(self, text: str) -> None:
        """Prose built of citation fragments, type names, numbers and punctuation agrees."""
        _assert_scans_agree(text)

    @given(st.text(max_size=200))
    def test_any_text(self, text: str) -> None:
        """Any text at all reads the same both ways."""
        _assert_scans_agree(text)

    def test_reach(self) -> None:
        """The reach is the widest prefix: a law's name of ten twelve-letter words."""
        scanner = references._SCANNER.get()
        gap = "\u00a0" * 3 + "\r\n" * 2 + "\u00a0" * 3
        law = "Pháp lệnh" + gap + ", ".join(["Aaaaaaaaaaaa"] * 10) + gap + "số." + gap
        assert len(law) == scanner.reach
        [match] = references._CITATION.get().finditer(law + "12/2023/UBTVQH13")
        assert match.start() == 0
        _assert_scans_agree(("x " + law + "12/2023/UBTVQH13 ") * 3)

    def test_slash_reach(self) -> None:
        """A core's "/" is at most ``_TO_SLASH`` after its start; the pattern reads six past it."""
        r = references
        before_slash = (rf"{r._NUMBER}{r._SUFFIX}?[ ]?", rf"{r._NUMBER}{r._SUFFIX}?",
                        rf"{r._NUMBER}{r._SUFFIX}?[ ]?-[ ]?{r._SEGMENT}")
        assert max(r._widest(p) for p in before_slash) == r._TO_SLASH
        assert len("/2023/") == r._PAST_SLASH
        # The widest Party core: its "/" is _TO_SLASH after its start, the text's first "/".
        widest = "999999a - A" + "B" * 15 + " " + "C" * 8
        assert len(widest) == r._TO_SLASH
        text = f"x {widest}/TU và 123456b /2023/NĐ-CP, 7/UBND"
        core = r._SCANNER.get().core
        assert [core.match(text, at) is not None for at in (2, 44, 65)] == [True] * 3
        assert [text[at:at + 3] for at in r._core_starts(text)] == ["999", "123", "7/U"]

    @settings(max_examples=300)
    @given(st.one_of(citation_prose(), st.text(alphabet="0123456789/- aQĐ", max_size=80)))
    def test_every_core_start_is_named(self, text: str) -> None:
        """Every place the core matches is among the places named as where one may start."""
        core = references._SCANNER.get().core
        named = set(references._core_starts(text))
        assert {at for at in range(len(text) + 1) if core.match(text, at)} <= named

    def test_first_letter_class(self) -> None:
        """Every character the type names' first letters match is in the scan's first class."""
        first = re.compile(rf"(?:{references._first_letters(1)})")
        cls = re.compile(references._first_letter_class())
        missing = [
            hex(code) for code in range(sys.maxunicode + 1)
            if first.match(chr(code)) and not cls.match(chr(code))
        ]
        assert missing == []

    def test_date_lead(self) -> None:
        """The date after a core is looked for within the twelve characters its lead can take."""
        lead = rf"{references._HS}?,?{references._SP}"
        assert references._widest(lead) == 12
        assert "(?=[\\s,]{1,12}[nN])" in references._CORE

    @settings(max_examples=300)
    @given(st.one_of(citation_prose(), st.text(max_size=80)))
    def test_core_reads_as_the_three_forms(self, text: str) -> None:
        """The core read with its number once matches as the three forms read it, everywhere."""
        _assert_cores_agree(text)

    def test_core_reads_as_the_three_forms_in_real_text(self) -> None:
        """The same at every place of the reference report and of the citation corpus."""
        _assert_cores_agree(REPORT_TEXT)
        _assert_cores_agree("; ".join(CORPUS))
        # Every width of the lead before "ngày", up to the widest: a space, a comma, a gap of
        # three spaces, two line breaks and three spaces.
        nbsp = "\u00a0"
        for gap in (" ", ", ", " ,   ", " ,   \r\n\r\n   ", " ,   \r\n\r\n    ",
                    f"{nbsp},{nbsp}\r\n\r\n{nbsp * 3}", f"{nbsp},{nbsp * 3}\r\n\r\n{nbsp * 3}"):
            _assert_cores_agree(
                f"Quyết định số 12/QĐ-UBND{gap}ngày 03/4/2023, 61/2018/NĐ-CP{gap}Ngày 5 tháng 6"
                f" năm 2019 và 03-CT/TU{gap}NGÀY 1-1-2020, 7/UBND-VX{gap}ngày 31/2/2020"
            )

    @settings(max_examples=600)
    @given(issuer_prose(), st.integers(0, 400), st.sampled_from(
        (" ", ", ", " ,   ", " ,   \r\n\r\n   ", "\u00a0,\u00a0\r\n\r\n\u00a0\u00a0\u00a0",
         " ,   \r\n\r\n    ", "\t", "", " \n\n\n")),
        st.sampled_from(("của", "CỦA", "Của", "cỦa")))
    def test_issuer_run(self, text: str, limit: int, gap: str, cua: str) -> None:
        """An issuer read by the pattern of plain words is the one read a word at a time."""
        text = gap + cua + text.removeprefix("của")
        head = references._ISSUER_START.match(text)
        expected = None if head is None else references._issuer_words(text, head.end(), limit)
        assert references._issuer(text, 0, limit) == expected

    @settings(max_examples=300)
    @given(st.one_of(citation_prose(), issuer_prose(), st.text(max_size=100)),
           st.integers(0, 100), st.integers(0, 400))
    def test_subject_end(self, text: str, begin: int, stop: int) -> None:
        """One search for a subject's end finds where the line-by-line reading ends it."""
        stop = min(max(begin, stop), len(text))
        begin = min(begin, stop)
        expected = references._subject_end_lines(text, begin, stop)
        assert references._subject_end(text, begin, stop) == expected

    @given(st.text(max_size=60))
    def test_one_spaced(self, text: str) -> None:
        """Spaces are made single exactly as a substitution of every white space run does."""
        assert references._one_spaced(text) == re.sub(r"\s+", " ", text)

    @given(st.text(max_size=60), st.integers(0, 60), st.integers(0, 60))
    def test_plain_words(self, text: str, begin: int, end: int) -> None:
        """Issuers and subjects read as normalize_text reads them, from any text or slice."""
        normal = references.nfc_with_offsets(references.same_length_cleanup(text))[0]
        for piece in (text, normal[begin:end]):
            expected = references._one_spaced(references.normalize_text(piece))
            assert references._plain_words(piece) == expected

    def test_unchecked_equals_init(self) -> None:
        """What the scan makes unchecked equals what the checking constructors make."""
        for match in extract_references("\n".join((REPORT_TEXT, *CORPUS))):
            ref = match.ref
            checked = LegalDocumentRef(**attrs.asdict(ref, recurse=False))
            assert checked == ref
            assert hash(checked) == hash(ref)
            assert checked.warnings == ref.warnings
            assert ReferenceMatch(ref, match.start, match.end, match.text) == match


_SIZE = 1_000_000


class TestLinearTime:
    @pytest.mark.parametrize(
        "unit",
        [
            "Kế hoạch số 1/",
            "1/",
            "Kế hoạch số ",
            "1/A-",
            "1/AB CD ",
            "1/2023/",
            "1-CT/",
            "Kế hoạch số 1/KH-UBND ngày ",
            "Kế hoạch số 1/KH-UBND của ",
            "Kế hoạch số 1/KH-UBND về ",
            " ",
            "/",
            "9",
        ],
    )
    def test_adversarial_input(self, unit: str) -> None:
        """1 MB of adversarial input is scanned (no catastrophic backtracking), spans exact.

        Catastrophic backtracking would not finish here at all; how its cost compares with
        real report text is measured in ``benchmarks/run.py``, not timed in a test.
        """
        adversarial = (unit * (_SIZE // len(unit) + 1))[:_SIZE]
        found = extract_references(adversarial)
        assert all(adversarial[m.start:m.end] == m.text for m in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


_RATIO_SIZE = 100_000
#: How much slower than report text of the same size the worst input may be scanned. Linear
#: matching keeps it near 1-3; catastrophic backtracking makes it thousands.
_MAX_RATIO = 20

WORST_INPUTS = [
    "Kế hoạch số 1/KH-UBND của ",
    "Kế hoạch số 1/KH-UBND của Ban Ban ",
    "Kế hoạch số 1/KH-UBND về a\nb ",
    "Kế hoạch số 1/KH-UBND về A\nB ",
    "Kế hoạch số 1/KH-UBND ngày 01/01/2023 của Ủy ban nhân dân tỉnh tỉnh tỉnh ",
    "Luật Aaaaaaaaaaaa, ",
    "Luật A B C D E F G H I J K L ",
    "Báo cáo thẩm định kế hoạch ",
    "1/AB -\n",
    "1 - ",
    "\n",
    " ",
]


def _best_time(function: object, text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        function(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - began)
    return best


class TestWorstCaseRatio:
    @pytest.mark.parametrize("unit", WORST_INPUTS)
    def test_extraction_ratio(self, unit: str) -> None:
        """The worst inputs scan at most 20 times slower than report text of the same size."""
        normal = (REPORT_TEXT * (_RATIO_SIZE // len(REPORT_TEXT) + 1))[:_RATIO_SIZE]
        worst = (unit * (_RATIO_SIZE // len(unit) + 1))[:_RATIO_SIZE]
        ratio = _best_time(extract_references, worst, 5) / _best_time(
            extract_references, normal, 5
        )
        assert ratio <= _MAX_RATIO

    @pytest.mark.parametrize("unit", WORST_INPUTS)
    def test_parse_ratio(self, unit: str) -> None:
        """parse_reference on the longest worst-case text costs no more than on a citation."""
        citation = ("Kế hoạch số 1/KH-UBND về " + "cải cách hành chính " * 200)[
            :MAX_REFERENCE_LENGTH
        ]
        worst = (unit * (MAX_REFERENCE_LENGTH // len(unit) + 1))[:MAX_REFERENCE_LENGTH]

        def attempt(text: str) -> None:
            with contextlib.suppress(CchcError):
                parse_reference(text)

        # A call takes a fraction of a millisecond: the best of many rounds, so that one
        # pause of a busy machine is not taken for the cost.
        ratio = _best_time(attempt, worst, 15) / _best_time(attempt, citation, 15)
        assert ratio <= _MAX_RATIO


class TestWholeCitation:
    @pytest.mark.parametrize(
        "text",
        [
            "1/AB Kế hoạch số 12/KH-UBND",
            "Theo Kế hoạch số 12/KH-UBND ngày 31/02/2023",
            "1/AB -\n" * 200 + "Kế hoạch số 12/KH-UBND",
            "Kế hoạch số 12/KH-UBND; Kế hoạch số 13/KH-UBND",
        ],
    )
    def test_text_not_starting_with_its_citation_is_refused(self, text: str) -> None:
        """A text is one citation only when its first match starts it: anything else is refused."""
        with pytest.raises(ReferenceParseError, match="không hợp lệ"):
            parse_reference(text)

    def test_citation_with_numbers_in_its_subject_is_still_one(self) -> None:
        """Number cores after the citation that are no citation of their own stay in its subject."""
        ref = parse_reference("Quyết định số 12/QĐ-UBND về việc phê duyệt Đề án 06/CP")
        assert ref.number_symbol == "12/QĐ-UBND"
        assert ref.subject == "việc phê duyệt Đề án 06/CP"


class TestRobustness:
    @pytest.mark.parametrize(
        "junk",
        [
            "",
            "€",
            "⑱",
            "/" * 5000,
            "9" * 5000 + "/KH-UBND",
            "Kế hoạch số " + "9" * 400 + "/KH-UBND",
            "Kế hoạch số 1/" + "A-" * 2000,
            "\x00\ufeff\u200b",
            unicodedata.normalize("NFD", "Quyết định số ١٢/QĐ-UBND"),
            "Kế hoạch số ١٢/KH-UBND",
            "Kế hoạch số １２/KH-UBND",
        ],
    )
    def test_junk_raises_only_cchc_errors(self, junk: str) -> None:
        """Junk makes parse_reference raise a CchcError and extraction find nothing odd."""
        with pytest.raises(CchcError):
            parse_reference(junk)
        for m in extract_references(junk):
            assert junk[m.start:m.end] == m.text

    @pytest.mark.parametrize("junk", [None, 12, "Kế hoạch".encode(), ["x"]])
    def test_non_strings(self, junk: object) -> None:
        """A non-string is a TypeError, not a silent failure."""
        with pytest.raises(TypeError):
            parse_reference(junk)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            extract_references(junk)  # type: ignore[arg-type]

    def test_ten_megabytes_refused_quickly(self) -> None:
        """Text over MAX_TEXT_LENGTH is refused without being scanned."""
        huge = "Kế hoạch số 1/" * (10_000_000 // 14)
        assert len(huge) > MAX_TEXT_LENGTH
        with pytest.raises(InputError, match="at most 2000000"):
            extract_references(huge)
        with pytest.raises(ReferenceParseError):
            parse_reference(huge)

    @given(st.text(max_size=300))
    def test_any_text(self, text: str) -> None:
        """Any text: parse raises only CchcError; extraction spans are exact."""
        with contextlib.suppress(CchcError):
            parse_reference(text)
        for m in extract_references(text):
            assert text[m.start:m.end] == m.text

