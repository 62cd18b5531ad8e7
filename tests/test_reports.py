"""read_report: whole reports from text and Markdown, and what is not a report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_model import (
    AppendixOnlyError,
    InputError,
    NotAReportError,
    ParagraphKind,
    Report,
    SigningAuthority,
    read_report,
    render_markdown,
)
from cchc_model._base.files import decode_text
from cchc_model._io.reports import _decode
from cchc_model.examples import reference_report

from .strategies import readable_reports

DATA = Path(__file__).resolve().parent / "data"


class TestRoundTrip:
    def test_reference_report(self):
        """The reference report rendered as Markdown reads back equal, appendix included."""
        report = reference_report()
        assert read_report(render_markdown(report).encode(), format="md") == report

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(readable_reports())
    def test_generated_reports(self, report: Report):
        """A generated report rendered as Markdown reads back equal."""
        read = read_report(render_markdown(report).encode(), format="md")
        assert read.header == report.header
        assert read.introduction == report.introduction
        assert read.sections == report.sections
        assert read.closing == report.closing
        assert read.recipients == report.recipients
        assert read.archive == report.archive
        assert read.signature == report.signature
        assert read.appendix == report.appendix


class TestSources:
    def test_path_str_bytes_and_file(self, tmp_path: Path):
        """A path, a str path, bytes and a binary file give the same report."""
        text = render_markdown(reference_report()).encode()
        path = tmp_path / "report.md"
        path.write_bytes(text)
        by_path = read_report(path)
        assert read_report(str(path)) == by_path
        assert read_report(text) == by_path
        assert read_report(io.BytesIO(text), format="md") == by_path

    def test_too_large(self, tmp_path: Path):
        """More than max_bytes is refused, from a file read in chunks as from bytes."""
        path = tmp_path / "big.txt"
        path.write_bytes(b"x" * 5000)
        with pytest.raises(InputError, match="quá lớn"):
            read_report(path, max_bytes=4096)
        with pytest.raises(InputError, match="quá lớn"):
            read_report(io.BytesIO(b"x" * 5000), max_bytes=4096)

    def test_unknown_suffix(self, tmp_path: Path):
        """A suffix that is no report format is an InputError naming it."""
        path = tmp_path / "report.pdf"
        path.write_bytes(b"%PDF")
        with pytest.raises(InputError, match=r"\.pdf"):
            read_report(path)

    def test_docx_goes_to_the_word_reader(self):
        """A Word file, by suffix, by format or by its zip signature, is read by the Word reader."""
        path = DATA / "docx" / "so_tu_phap_6_thang_2024.docx"
        by_path = read_report(path)
        assert by_path.header.agency == "SỞ TƯ PHÁP"
        assert read_report(path.read_bytes()) == by_path
        with path.open("rb") as stream:
            assert read_report(stream, format="docx") == by_path

    def test_broken_word_file(self):
        """Bytes that are not a Word package are an InputError from the Word reader."""
        with pytest.raises(InputError, match="<bytes>"):
            read_report(b"PK\x03\x04rest")
        with pytest.raises(InputError, match="<bytes>"):
            read_report("## BÁO CÁO".encode(), format="docx")

    def test_missing_file(self, tmp_path: Path):
        """A missing file is an InputError, not an OSError."""
        with pytest.raises(InputError, match="không đọc được"):
            read_report(tmp_path / "none.md")

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are an InputError with the line."""
        with pytest.raises(InputError, match=r"<bytes>:2: không phải văn bản UTF-8"):
            read_report(b"## B\n\xff", format="txt")

    def test_wrong_types(self):
        """A source of another type, or an unknown format, is refused."""
        with pytest.raises(TypeError):
            read_report(12)  # type: ignore[arg-type]
        with pytest.raises(InputError, match="format"):
            read_report(b"x", format="pdf")  # type: ignore[arg-type]


class TestNotAReport:
    def test_table_only(self):
        """A text that is just the appendix table raises AppendixOnlyError."""
        table = ("STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú\n"
                 "3.1.3.\tTổng số TTHC\tThủ tục\t138\t\n")
        with pytest.raises(AppendixOnlyError, match="phụ lục"):
            read_report(table.encode(), format="txt")
        with pytest.raises(AppendixOnlyError):
            read_report(("**PHỤ LỤC SỐ LIỆU**\n\n" + table).encode(), format="txt")

    def test_empty(self):
        """An empty file, or prose with no title, head or section, is no report."""
        with pytest.raises(NotAReportError, match="không tìm thấy báo cáo"):
            read_report(b"", format="txt")
        with pytest.raises(NotAReportError):
            read_report(b"just a line of text\n", format="txt")

    def test_is_an_input_error(self):
        """Both are InputErrors, so callers that catch unusable input catch them."""
        assert issubclass(AppendixOnlyError, NotAReportError)
        assert issubclass(NotAReportError, InputError)


class TestLayout:
    def test_nothing_lost(self):
        """Lines the reader cannot place stay in the report as prose, in order."""
        text = (
            "SỞ X\n\nSố: 12/BC-SX\n\nV/v báo cáo quý\n\n## BÁO CÁO\n\n"
            "## I. KẾT QUẢ\n\nĐã làm.\n\n***Nơi nhận:***\n\n- Sở Nội vụ;\n- Lưu: VT.\n\n"
            "Ghi chú cuối trang.\n\n**GIÁM ĐỐC**\n\n**Nguyễn Văn A**\n"
        )
        report = read_report(text.encode(), format="md")
        assert [p.text for p in report.introduction] == ["V/v báo cáo quý"]
        assert [p.text for p in report.closing] == ["Ghi chú cuối trang."]
        assert report.header.number == 12
        assert report.signature is not None
        assert report.signature.signer == "Nguyễn Văn A"

    def test_page_break_joins_a_paragraph(self):
        """A blank line inside a sentence is a page break: the paragraph runs on."""
        text = "## BÁO CÁO\n\n## I. X\n\n- Đã tiếp nhận 5 hồ sơ và\n\ngiải quyết 5 hồ sơ.\n"
        section = read_report(text.encode(), format="txt").sections[0]
        assert [p.text for p in section.paragraphs] == [
            "Đã tiếp nhận 5 hồ sơ và giải quyết 5 hồ sơ."
        ]
        assert section.paragraphs[0].kind is ParagraphKind.BULLET

    def test_signature_before_recipients(self):
        """The signature block may come before "Nơi nhận"."""
        text = (
            "## BÁO CÁO\n\n## I. X\n\nĐã làm.\n\n**TM. ỦY BAN NHÂN DÂN**\\\n**CHỦ TỊCH**\n\n"
            "**Lê Văn B**\n\n*Nơi nhận:*\n- UBND tỉnh;\n- Lưu: VT.\n"
        )
        report = read_report(text.encode(), format="md")
        assert report.signature is not None
        assert report.signature.authority is SigningAuthority.ON_BEHALF
        assert report.signature.titles == ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
        assert [r.name for r in report.recipients] == ["UBND tỉnh"]
        assert report.archive == ("VT",)


class TestDecode:
    """Bytes read as text: the reader's quick decoding is ``decode_text``'s."""

    @staticmethod
    def _same(data: bytes) -> None:
        expected = decode_text(data)
        if isinstance(expected, str):
            assert _decode(data, "<bytes>") == expected
        else:
            with pytest.raises(InputError, match=f"<bytes>:{expected.line}: "):
                _decode(data, "<bytes>")

    @pytest.mark.parametrize("data", [
        b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbfa", b"a\x00b", b"\xef\xbb\xbf\x00",
        b"\xff", b"a\nb\xc3", b"\xc0\x80", b"\xe1\xba\xad\n\xe2\x80\x8b", "Sở\ufeff".encode(),
    ])
    def test_examples(self, data: bytes) -> None:
        """Byte-order marks, NUL, broken and overlong sequences: decoded or refused as before."""
        self._same(data)

    @settings(max_examples=300)
    @given(st.one_of(
        st.binary(max_size=40),
        st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(max_size=40).map(lambda t: "\ufeff" + t).map(str.encode),
    ))
    def test_any_bytes(self, data: bytes) -> None:
        """Any bytes, any text: the same text or the same refusal."""
        self._same(data)
