"""Reading and writing appendix tables: TSV, Markdown, XLSX."""

from __future__ import annotations

import contextlib
import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    AppendixParseError,
    CchcError,
    InputError,
    Ratio,
    catalogue_2023,
    read_appendix,
    write_appendix,
)
from tests.strategies import appendices

REFERENCE = Path(__file__).parent / "data" / "reference_report.txt"
HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú"


def table(*rows: str) -> str:
    return "\n".join((HEADER, *rows)) + "\n"


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["tsv", "markdown", "xlsx"])
    def test_reference(self, fmt: str) -> None:
        """The reference appendix reads back equal from every format."""
        a = read_appendix(REFERENCE)
        assert read_appendix(write_appendix(a, fmt)) == a  # type: ignore[call-overload]

    @given(appendices())
    def test_tsv(self, a: Appendix) -> None:
        """TSV: read(write(a)) == a."""
        assert read_appendix(write_appendix(a, "tsv")) == a

    @given(appendices())
    def test_markdown(self, a: Appendix) -> None:
        """Markdown: read(write(a)) == a."""
        assert read_appendix(write_appendix(a, "markdown")) == a

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(appendices(max_rows=15))
    def test_xlsx(self, a: Appendix) -> None:
        """XLSX: read(write(a)) == a."""
        assert read_appendix(write_appendix(a, "xlsx")) == a

    def test_changed_value_is_written(self) -> None:
        """A value changed without its raw text is written from the value."""
        import attrs

        a = catalogue_2023().build({"3.1.3": 138})
        changed = Appendix((attrs.evolve(a["3.1.3"], value=140),))
        assert read_appendix(write_appendix(changed))["3.1.3"].value == 140

    def test_files(self, tmp_path: Path) -> None:
        """With path=, the table is written there and read back by suffix."""
        a = catalogue_2023().build({"6.3": 2, "4.2.5": Decimal("10.5")}, title="PHỤ LỤC")
        for name, fmt in (("a.tsv", "tsv"), ("a.md", "markdown"), ("a.xlsx", "xlsx")):
            write_appendix(a, fmt, path=tmp_path / name)  # type: ignore[call-overload]
            assert read_appendix(tmp_path / name) == a
            assert read_appendix(str(tmp_path / name)) == a

    def test_vietnamese_numbers(self) -> None:
        """Values are written with ``.`` thousands and ``,`` decimals."""
        a = catalogue_2023().build({"7.6": 14584, "4.2.5": Decimal("33.37")})
        text = write_appendix(a)
        assert "\t14.584\t" in text
        assert "\t33,37%\t" in text


class TestReading:
    def test_markdown_with_page_breaks(self) -> None:
        """A Markdown table, its header repeated, a pipe escaped in a note."""
        text = (
            "Some report text.\n\n"
            "| STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú |\n|---|---|---|---|---|\n"
            "| 3.1.3. | Tổng số TTHC đang có hiệu lực | Thủ tục | 1.380 | a \\| b |\n\n"
            "| STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú |\n|:--|---|---|---|--:|\n"
            "| Trong đó | **Số TTHC cấp tỉnh:** | Thủ tục | 103 | |\n"
        )
        a = read_appendix(text)
        assert a["3.1.3"].value == 1380
        assert a["3.1.3"].note == "a | b"
        assert a["3.1.3.a"].value == 103
        assert a["3.1.3.a"].line == 9

    def test_xlsx_numeric_cells(self, tmp_path: Path) -> None:
        """Numbers typed into a workbook read as the report would write them."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"])
        sheet.append(["7.6.", "Số liệu về trao đổi văn bản điện tử", None, 14584, None])
        sheet.append(["4.2.5.", "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "%",
                      0.1, None])
        sheet.cell(row=3, column=4).number_format = "0%"
        sheet.append(["3.3.3.", "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ", "%", 99.5, None])
        workbook.save(tmp_path / "a.xlsx")
        a = read_appendix(tmp_path / "a.xlsx")
        assert a["7.6"].raw == "14.584"
        assert a["7.6"].value == 14584
        assert a["4.2.5"].value == Decimal(10)
        assert a["3.3.3"].value == Decimal("99.5")

    def test_misfit_values_are_kept(self) -> None:
        """Values that do not fit are kept as typed as they can be, never dropped."""
        a = read_appendix(table(
            "3.1.1.\tSố TTHC công bố mới\tThủ tục\t2,5\t",
            "1.5.\tTổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp"
            "\tKhông = 0 Có = 1\t5\t",
            "3.1.2.\tSố TTHC bãi bỏ, thay thế\tThủ tục\tnhiều\t",
            "3.3.3.\tTỷ lệ TTHC đã được phê duyệt quy trình nội bộ\t%\t150%\t",
            "2.1.\tSố VBQPPL đã ban hành/tham mưu ban hành\tVăn bản\t12\t",
        ))
        assert a["3.1.1"].value == Decimal("2.5")
        assert a["1.5"].value == 5
        assert a["3.1.2"].value == "nhiều"
        assert a["3.3.3"].value == Decimal(150)
        assert a["2.1"].value == 12

    def test_coded_answer_by_label(self) -> None:
        """A coded answer written as its label reads as its code."""
        a = read_appendix(table("1.4.2.\tHình thức khảo sát\t\tKết hợp\t"))
        assert a["1.4.2"].value == 2
        assert a["1.4.2"].raw == "Kết hợp"

    def test_unknown_and_repeated_rows(self) -> None:
        """Rows that match nothing, and repeated rows, are kept in ``extra`` with their line."""
        a = read_appendix(table(
            "3.1.3.\tTổng số TTHC đang có hiệu lực\tThủ tục\t138\t",
            "3.1.3.\tTổng số TTHC đang có hiệu lực\tThủ tục\t139\t",
            "8.1.\tChỉ tiêu riêng của tỉnh\tCái\t12\tghi chú",
        ))
        assert a["3.1.3"].value == 138
        assert [(row.code, row.value, row.line) for row in a.extra] == [
            ("3.1.3", 139, 3), ("8.1", 12, 4)
        ]

    def test_reworded_label(self) -> None:
        """A label worded a little differently still matches its code."""
        a = read_appendix(table("3.1.3.\tTổng số thủ tục hành chính đang có hiệu lực\t\t138\t"))
        assert a["3.1.3"].value == 138

    def test_without_header(self) -> None:
        """A headerless table starts at its first coded row."""
        a = read_appendix("3.1.1.\tSố TTHC công bố mới\tThủ tục\t4\t\n")
        assert a["3.1.1"].value == 4

    def test_bytes(self) -> None:
        """UTF-8 bytes (with a BOM) are read as text."""
        a = read_appendix(("\ufeff" + table("3.1.1.\tSố TTHC công bố mới\tThủ tục\t4\t")).encode())
        assert a["3.1.1"].value == 4


class TestErrors:
    def test_no_table(self) -> None:
        """Text with no table is an AppendixParseError naming the input."""
        with pytest.raises(AppendixParseError) as info:
            read_appendix("không có bảng\nnào cả")
        assert str(info.value) == (
            "<text>: không tìm thấy bảng phụ lục trong 2 dòng: cần dòng tiêu đề STT hoặc dòng "
            "có mã chỉ tiêu (no appendix table found)"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read names the file."""
        path = tmp_path / "missing.tsv"
        with pytest.raises(AppendixParseError, match=r"missing\.tsv: không đọc được tệp"):
            read_appendix(path)

    def test_binary(self, tmp_path: Path) -> None:
        """Binary junk is refused with its file and line."""
        path = tmp_path / "junk.tsv"
        path.write_bytes(b"STT\tx\n\n\x00\x01\x02")
        with pytest.raises(AppendixParseError, match=r"junk.tsv:3: tệp nhị phân"):
            read_appendix(path)

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are refused with the line."""
        with pytest.raises(AppendixParseError, match=r"<bytes>:2: không phải văn bản UTF-8"):
            read_appendix(b"STT\tx\n\xff\xfe")

    def test_broken_workbook(self, tmp_path: Path) -> None:
        """A corrupt .xlsx is an AppendixParseError."""
        path = tmp_path / "broken.xlsx"
        path.write_bytes(b"PK\x03\x04 not really a zip")
        with pytest.raises(AppendixParseError, match=r"broken\.xlsx: không mở được bảng tính"):
            read_appendix(path)

    def test_missing_openpyxl(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without openpyxl, .xlsx use says which extra to install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(InputError, match=r"cchc-model\[xlsx\]"):
            write_appendix(Appendix(), "xlsx")

    def test_bad_format(self) -> None:
        """An unknown format name is a ValueError."""
        with pytest.raises(ValueError, match="format must be"):
            write_appendix(Appendix(), "csv")  # type: ignore[call-overload]
        with pytest.raises(ValueError, match="format must be"):
            read_appendix("a\tb", format="csv")  # type: ignore[arg-type]

    def test_wrong_type(self) -> None:
        """Something that is no text, bytes or path is a TypeError."""
        with pytest.raises(TypeError):
            read_appendix(None)  # type: ignore[arg-type]


JUNK = ["", "€", "⑱", "\x00", "STT", "|", "| STT |", "\t", "1.\t", "9" * 5000,
        "Trong\tđó\n", "A\u0301\tB\u0323", "STT\t\n\t\t\t\t\t\t", "PK\x03\x04"]


class TestRobustness:
    @pytest.mark.parametrize("junk", JUNK)
    def test_junk(self, junk: str) -> None:
        """Junk text gives an appendix or a CchcError, never another exception."""
        try:
            result = read_appendix(junk)
        except CchcError:
            return
        assert isinstance(result, Appendix)

    @given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
    def test_any_text(self, text: str) -> None:
        """Any text gives an appendix or a CchcError."""
        with contextlib.suppress(CchcError):
            read_appendix(text + "\n")

    @given(st.lists(st.lists(st.text(max_size=12), max_size=7), max_size=8))
    def test_any_cells(self, rows: list[list[str]]) -> None:
        """Any grid of cells under a header gives an appendix or a CchcError."""
        text = HEADER + "\n" + "\n".join("\t".join(row) for row in rows)
        try:
            a = read_appendix(text + "\n")
        except CchcError:
            return
        assert isinstance(a, Appendix)

    def test_huge_numbers(self) -> None:
        """A number too long to parse is kept as text."""
        a = read_appendix(table("3.1.1.\tSố TTHC công bố mới\tThủ tục\t" + "9" * 100 + "\t"))
        assert a["3.1.1"].value == "9" * 100

    def test_nfd(self) -> None:
        """NFD text matches like NFC."""
        import unicodedata

        row = unicodedata.normalize("NFD", "3.1.1.\tSố TTHC công bố mới\tThủ tục\t4\t")
        assert read_appendix(table(row))["3.1.1"].value == 4


def test_ratio_written() -> None:
    """A ratio is written as ``n/d``."""
    assert "\t12/12\t" in write_appendix(catalogue_2023().build({"2.1": Ratio(12, 12)}))


def test_xlsx_is_a_workbook() -> None:
    """The XLSX output opens in openpyxl with the official columns."""
    data = write_appendix(catalogue_2023().build({"3.1.3": 138}), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
    assert sheet["D2"].value == "138"


class TestReportAppendix:
    """``appendix_of_lines``: a report's table read from where it begins, as a whole read."""

    PROSE = (
        "", "", "Báo cáo kết quả.", "PHỤ LỤC", "Phụ lục số liệu", "Biểu số liệu thống kê",
        "Bảng 1", "---", "***", "STT\tmột ô", "| x |", "|", "Trích: 3\tô", "**Phụ lục**",
    )

    @staticmethod
    def _outcome(read: Any) -> object:
        try:
            return read()
        except CchcError as error:
            return (type(error), str(error))

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        before=st.lists(st.sampled_from(PROSE), max_size=8),
        after=st.lists(st.sampled_from(PROSE), max_size=3),
        fmt=st.sampled_from(["tsv", "markdown"]),
        appendix=appendices(max_rows=6),
    )
    def test_same_as_reading_the_whole_text(
        self, before: list[str], after: list[str], fmt: str, appendix: Appendix
    ) -> None:
        """Whatever prose comes before the table, the appendix (or error) is the whole read's."""
        from cchc_model._io.tables import appendix_of_lines
        from cchc_model._io.text_report import _appendix_start, _table_format

        table_text = write_appendix(appendix, format=fmt)  # type: ignore[arg-type]
        lines = [*before, *table_text.splitlines(), *after]
        at = _appendix_start(lines)
        if at is None:
            return
        table_format = _table_format(lines[at:])
        whole = "\n".join(lines) + "\n"
        assert self._outcome(lambda: appendix_of_lines(lines, at, table_format)) == (
            self._outcome(lambda: read_appendix(whole, format=table_format))
        )

    def test_reference_report(self) -> None:
        """The reference report's appendix, read from its table on, is the whole read's."""
        from cchc_model._io.tables import appendix_of_lines
        from cchc_model._io.text_report import _appendix_start

        lines = REFERENCE.read_text(encoding="utf-8").splitlines()
        at = _appendix_start(lines)
        assert at is not None
        assert at > 100
        assert appendix_of_lines(lines, at, "tsv") == read_appendix(REFERENCE)
