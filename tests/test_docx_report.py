"""Reading whole reports from Word files: head, sections, signature, recipients, appendix."""

from __future__ import annotations

import contextlib
import io
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_model import (
    CchcError,
    DocumentDate,
    InputError,
    Paragraph,
    ParagraphKind,
    Recipient,
    Report,
    ReportingPeriod,
    Signature,
    SigningAuthority,
    render_docx,
)
from cchc_model._io import docx_report
from cchc_model._io.docx_report import read_docx
from cchc_model.examples import reference_report

from .strategies import word_reports

docx = pytest.importorskip("docx")

DATA = Path(__file__).parent / "data" / "docx"
NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


class TestRoundTrip:
    def test_reference_report(self):
        """read_docx(render_docx(r)) gives back the reference report, its figures included."""
        report = reference_report()
        assert read_docx(render_docx(report)) == report

    def test_appendix_alone(self):
        """A Word file holding only the appendix gives a report with just that appendix."""
        appendix = reference_report().appendix
        assert appendix is not None
        report = read_docx(render_docx(appendix))
        assert report.appendix == appendix
        assert (report.header.title, report.sections, report.introduction) == ("", (), ())

    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(word_reports)
    def test_generated_reports(self, report: Report):
        """Any report a Word layout can carry comes back equal from its rendered file."""
        assert read_docx(render_docx(report)) == report


def read(name: str) -> Report:
    return read_docx((DATA / name).read_bytes(), source=name)


def texts(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    return [p.text for p in paragraphs]


class TestPythonDocxFile:
    """A Sở Tư pháp half-year report written by python-docx, automatically numbered."""

    report = read("so_tu_phap_6_thang_2024.docx")

    def test_header(self):
        """The one-row head table: agency under its parent, number, place and full date."""
        header = self.report.header
        assert (header.parent_agency, header.agency) == ("UBND TỈNH TIỀN GIANG", "SỞ TƯ PHÁP")
        assert (header.number, header.symbol, header.number_symbol) == (215, "BC-STP",
                                                                        "215/BC-STP")
        assert (header.place, header.date) == ("Tiền Giang", DocumentDate(2024, 6, 5))
        assert header.title == "BÁO CÁO"
        assert header.subtitle == ("Kết quả thực hiện công tác cải cách hành chính "
                                   "6 tháng đầu năm 2024")
        assert header.period == ReportingPeriod.half_year(2024)
        assert header.legal_basis is not None
        assert [m.text for m in header.legal_basis.references] == [
            ("Công văn số 581/BNV-CCHC ngày 08/02/2024 của Bộ Nội vụ về việc hướng dẫn báo "
             "cáo cải cách hành chính")]

    def test_automatic_numbering(self):
        """Section numbers come from numbering.xml as Word shows them: I/1/a, restarting."""
        outline = [(s.number, s.heading) for top in self.report.sections for s in top.walk()]
        assert outline == [
            ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
            ("1", "Về kế hoạch cải cách hành chính"),
            ("2", "Về kiểm tra cải cách hành chính"),
            ("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
            ("1", "Cải cách thể chế"),
            ("2", "Cải cách thủ tục hành chính"),
            ("a", "Kiểm soát thủ tục hành chính"),
            ("III", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024"),
        ]

    def test_numbered_list_restarts(self):
        """A list restarted by startOverride counts from 1 again, not on from the last list."""
        control = self.report.sections[1].subsections[1].subsections[0]
        assert texts(control.paragraphs)[1:] == ["1. Lĩnh vực hộ tịch: 800 hồ sơ;",
                                                 "2. Lĩnh vực chứng thực: 450 hồ sơ."]
        assert texts(self.report.sections[2].paragraphs) == [
            "1. Tiếp tục rà soát thủ tục hành chính.", "2. Đẩy mạnh chuyển đổi số."]

    def test_automatic_bullets(self):
        """Word's own bullets become - and + paragraphs."""
        institutions = self.report.sections[1].subsections[0]
        assert [p.kind for p in institutions.paragraphs] == [ParagraphKind.BULLET,
                                                             ParagraphKind.SUB_BULLET]

    def test_tracked_changes_accepted(self):
        """Inserted text is kept and deleted text dropped, as when the changes are accepted."""
        assert texts(self.report.sections[0].subsections[1].paragraphs) == [
            "Đã kiểm tra 05 phòng, đơn vị thuộc Sở."]

    def test_signature_and_recipients(self):
        """KT. signature beside Nơi nhận; the (Đã ký) line is not a title or the signer."""
        assert self.report.signature == Signature(
            "Nguyễn Văn Hùng", ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), SigningAuthority.DEPUTY)
        assert self.report.recipients == (Recipient("Sở Nội vụ", "tổng hợp"),
                                          Recipient("Giám đốc Sở"))
        assert self.report.archive == ("VT", "VP")

    def test_appendix(self):
        """Merged header cells, bold group rows, Trong đó rows, a row split across pages."""
        appendix = self.report.appendix
        assert appendix is not None
        assert appendix.title == ("PHỤ LỤC SỐ LIỆU THỐNG KÊ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU "
                                  "NĂM 2024")
        assert appendix["3.1.3"].value == 142
        assert [appendix[c].value for c in ("3.1.3.a", "3.1.3.b", "3.1.3.c")] == [112, 18, 12]
        assert appendix["1.1.3"].value == 5
        assert appendix["1.1.3"].raw == "05"
        assert appendix["3.2"].note.startswith("Đợt 1: rà soát")
        assert appendix["3.2"].note.endswith("Đợt 15: rà soát các thủ tục hành chính lĩnh vực "
                                             "hộ tịch, chứng thực, lý lịch tư pháp, bồi thường "
                                             "nhà nước và trợ giúp pháp lý.")
        assert not appendix.extra


class TestLibreOfficeFile:
    """A district UBND quarter report written by LibreOffice from HTML."""

    report = read("ubnd_huyen_quy_3_2023.docx")

    def test_header(self):
        """A two-line agency in bold is one agency; the quarter is read from the subtitle."""
        header = self.report.header
        assert header.agency == "ỦY BAN NHÂN DÂN HUYỆN NINH PHƯỚC"
        assert header.parent_agency == "UBND TỈNH NINH THUẬN"
        assert (header.number, header.symbol) == (112, "BC-UBND")
        assert header.date == DocumentDate(2023, 9, 14)
        assert header.period == ReportingPeriod.quarter(2023, 3)
        assert header.legal_basis is not None
        assert header.legal_basis.text.startswith("Căn cứ Kế hoạch số 3170/KH-UBND")
        assert texts(self.report.introduction) == [
            "Ủy ban nhân dân huyện Ninh Phước báo cáo như sau:"]

    def test_typed_numbering(self):
        """Typed numbers in bold (and a) in italics) make the outline; only the typed text."""
        outline = [(s.number, s.heading) for top in self.report.sections for s in top.walk()]
        assert outline == [
            ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
            ("1", "Về kế hoạch cải cách hành chính"),
            ("2", "Về kiểm tra cải cách hành chính:"),
            ("II", "KẾT QUẢ THỰC HIỆN"),
            ("1", "Cải cách thủ tục hành chính"),
            ("a", "Tiếp nhận và giải quyết hồ sơ"),
            ("b", "Kết quả khác"),
            ("2", "Cải cách tài chính công"),
            ("III", "PHƯƠNG HƯỚNG QUÝ IV NĂM 2023"),
        ]

    def test_bold_heading_then_text(self):
        """Only number and name in bold: the heading, and the rest of the line its paragraph."""
        check = self.report.sections[0].subsections[1]
        assert texts(check.paragraphs) == ["Đã kiểm tra 5/9 xã, thị trấn."]

    def test_bullets_and_automatic_list(self):
        """Typed - and + bullets; LibreOffice's numbered list shows its numbers."""
        handling = self.report.sections[1].subsections[0].subsections
        assert [(p.kind, p.text) for p in handling[0].paragraphs] == [
            (ParagraphKind.BULLET,
             "Tổng số hồ sơ tiếp nhận là 5.494 hồ sơ, đã giải quyết 5.480 hồ sơ."),
            (ParagraphKind.SUB_BULLET, "Trực tuyến: 232 hồ sơ."),
        ]
        assert texts(handling[1].paragraphs) == [
            "1. Rà soát 12 thủ tục hành chính cấp huyện;",
            "2. Công khai 100% thủ tục trên Cổng dịch vụ công."]

    def test_footnote(self):
        """A footnote is marked [1] where it is cited and follows its paragraph."""
        plan = self.report.sections[0].subsections[0]
        assert texts(plan.paragraphs) == [
            ("UBND huyện đã ban hành Kế hoạch số 45/KH-UBND ngày 10/01/2023 về cải cách hành "
             "chính năm 2023[1]."),
            "[1] Kế hoạch được đăng trên Trang thông tin điện tử của huyện.",
        ]
        assert plan.paragraphs[0].references[0].ref.number_symbol == "45/KH-UBND"

    def test_body_table_kept(self):
        """A table in the body is kept, row by row, where it stands."""
        finance = self.report.sections[1].subsections[1]
        assert texts(finance.paragraphs)[1:] == ["Xã | Số hồ sơ", "Phước Hậu | 120"]

    def test_closing_signature_recipients(self):
        """TM. for the committee; the deputy line stays a title; Lưu: is the archive."""
        assert texts(self.report.closing)[0].startswith("Trên đây là báo cáo")
        assert self.report.signature == Signature(
            "Lê Văn Bình", ("ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            SigningAuthority.ON_BEHALF)
        assert self.report.recipients == (Recipient("Sở Nội vụ", "tổng hợp"),
                                          Recipient("TT Huyện ủy, TT HĐND huyện"))
        assert self.report.archive == ("VT",)

    def test_appendix(self):
        """rowspan and colspan header cells; the Trong đó rows under 3.1.3."""
        appendix = self.report.appendix
        assert appendix is not None
        assert appendix["3.1.3"].value == 285
        assert [appendix[c].value for c in ("3.1.3.a", "3.1.3.b", "3.1.3.c")] == [0, 180, 105]


class TestHeadingStylesFile:
    """A Sở Nội vụ quarter report with Heading styles, a draft date and no appendix."""

    report = read("so_noi_vu_quy_1_2024.docx")

    def test_draft_header(self):
        """A draft: number and day left blank."""
        header = self.report.header
        assert (header.agency, header.number, header.symbol) == ("SỞ NỘI VỤ", None, "BC-SNV")
        assert header.date == DocumentDate(2024, 3)
        assert header.period == ReportingPeriod.quarter(2024, 1)
        assert self.report.is_draft

    def test_heading_styles(self):
        """Heading 1 and Heading 2 give the levels; the typed number is the section number."""
        outline = [[(s.number, s.heading) for s in top.walk()] for top in self.report.sections]
        assert outline == [
            [("I", "KẾT QUẢ ĐẠT ĐƯỢC"), ("1", "Cải cách tổ chức bộ máy"),
             ("2", "Cải cách chế độ công vụ")],
            [("II", "NHIỆM VỤ QUÝ II NĂM 2024")],
        ]

    def test_no_appendix(self):
        """No appendix table: no appendix, and the foot is still found."""
        assert self.report.appendix is None
        assert self.report.signature == Signature("Nguyễn Thị Hoa", ("GIÁM ĐỐC",))
        assert self.report.recipients == (Recipient("UBND tỉnh", "báo cáo"),)
        assert self.report.archive == ("VT", "CCHC")


def docx_bytes(build) -> bytes:
    """A document made with python-docx by *build*, as bytes."""
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestKeptParts:
    def test_unknown_head_line_kept(self):
        """Lines above or in the head that the reader does not know open the introduction."""

        def build(document):
            document.add_paragraph("DỰ THẢO")
            head = document.add_table(rows=1, cols=2)
            head.cell(0, 0).paragraphs[0].add_run("SỞ TƯ PHÁP").bold = True
            right = head.cell(0, 1)
            right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            right.add_paragraph("Hà Nội, ngày 01 tháng 02 năm 2023")
            right.add_paragraph("Bản dự thảo lần 2")
            document.add_paragraph("Nội dung báo cáo.")

        report = read_docx(docx_bytes(build))
        assert report.header.agency == "SỞ TƯ PHÁP"
        assert report.header.date == DocumentDate(2023, 2, 1)
        assert texts(report.introduction) == ["DỰ THẢO", "Bản dự thảo lần 2",
                                              "Nội dung báo cáo."]

    def test_head_typed_as_paragraphs(self):
        """A head typed line by line, without a table, is read like the table."""

        def build(document):
            document.add_paragraph("UBND TỈNH NINH THUẬN")
            document.add_paragraph().add_run("SỞ TƯ PHÁP").bold = True
            document.add_paragraph("Số: 08/BC-STP")
            document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            document.add_paragraph("Độc lập - Tự do - Hạnh phúc")
            document.add_paragraph("Ninh Thuận, ngày 05 tháng 10 năm 2023")
            for line in ("BÁO CÁO", "Công tác cải cách hành chính 9 tháng năm 2023"):
                document.add_paragraph(line).alignment = 1  # centred
            document.add_paragraph("Căn cứ Kế hoạch số 02/KH-UBND ngày 03/01/2023.")

        header = read_docx(docx_bytes(build)).header
        assert (header.parent_agency, header.agency) == ("UBND TỈNH NINH THUẬN", "SỞ TƯ PHÁP")
        assert (header.number, header.symbol) == (8, "BC-STP")
        assert (header.place, header.date) == ("Ninh Thuận", DocumentDate(2023, 10, 5))
        assert header.period == ReportingPeriod.nine_months(2023)
        assert header.legal_basis is not None

    def test_table_at_the_end_is_not_a_signature(self):
        """A data table closing the body is kept as text, not read as a signature block."""

        def build(document):
            document.add_paragraph("Kết quả:")
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "Phước Hậu", "120 hồ sơ"

        report = read_docx(docx_bytes(build))
        assert report.signature is None
        assert texts(report.introduction) == ["Kết quả:", "Phước Hậu | 120 hồ sơ"]

    def test_text_without_layout(self):
        """Text with no head, title or sections is kept whole as the introduction."""

        def build(document):
            document.add_paragraph("Một đoạn văn.")
            document.add_paragraph("- Một ý.")

        report = read_docx(docx_bytes(build))
        assert [(p.kind, p.text) for p in report.introduction] == [
            (ParagraphKind.PLAIN, "Một đoạn văn."), (ParagraphKind.BULLET, "Một ý.")]
        assert report.sections == ()


    def test_text_box(self):
        """A text box's text follows its paragraph once, not again from its fallback."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        box = ('<w:txbxContent><w:p><w:r><w:t>Số liệu tính đến 14/6/2024</w:t></w:r></w:p>'
               "</w:txbxContent>")
        run = parse_xml(
            f'<w:r {nsdecls("w")} {NAMESPACES}><mc:AlternateContent>'
            f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
            "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")

        def build(document):
            document.add_paragraph("Kết quả như sau:")._p.append(run)

        report = read_docx(docx_bytes(build))
        assert texts(report.introduction) == ["Kết quả như sau:", "Số liệu tính đến 14/6/2024"]

    def test_foot_typed_as_paragraphs(self):
        """A signature and Nơi nhận typed as paragraphs, not in a table, are still found."""

        def build(document):
            document.add_paragraph("Trên đây là báo cáo của Sở./.")
            for line in ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "", "Lê Thị Mai",
                         "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."):
                document.add_paragraph(line)

        report = read_docx(docx_bytes(build))
        assert texts(report.closing) == ["Trên đây là báo cáo của Sở./."]
        assert report.signature == Signature("Lê Thị Mai", ("GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"),
                                             SigningAuthority.BY_ORDER)
        assert (report.recipients, report.archive) == ((Recipient("Sở Nội vụ"),), ("VT",))


class TestHeadings:
    def test_typed_without_bold(self):
        """A typed number opens a section when bold or in capitals, not in plain prose."""

        def build(document):
            document.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
            document.add_paragraph("1. Đã rà soát 12 thủ tục.")
            document.add_paragraph().add_run("1. Cải cách thể chế").bold = True
            document.add_paragraph("a) nội dung thường")

        report = read_docx(docx_bytes(build))
        (top,) = report.sections
        assert (top.number, top.heading) == ("I", "KẾT QUẢ THỰC HIỆN")
        assert texts(top.paragraphs) == ["1. Đã rà soát 12 thủ tục."]
        assert [(s.number, s.heading) for s in top.subsections] == [("1", "Cải cách thể chế")]
        assert texts(top.subsections[0].paragraphs) == ["a) nội dung thường"]

    def test_levels_from_number_kinds(self):
        """The first kind of number is the top level; a kind met before goes back up to it."""

        def build(document):
            for text in ("I. MỘT", "1. Hai", "1.1. Ba", "2. Bốn", "II. NĂM", "1. Sáu"):
                document.add_paragraph().add_run(text).bold = True

        report = read_docx(docx_bytes(build))
        assert [[(s.number, len(s.subsections)) for s in top.walk()]
                for top in report.sections] == [
            [("I", 2), ("1", 1), ("1.1", 0), ("2", 0)], [("II", 1), ("1", 0)]]


    def test_styles_and_bold_numbers(self):
        """A Heading 1 closes the bold-numbered sections opened under the one before."""

        def build(document):
            document.add_heading("I. MỘT", 1)
            document.add_paragraph().add_run("1. Hai").bold = True
            document.add_heading("II. BA", 1)

        report = read_docx(docx_bytes(build))
        assert [[s.number for s in top.walk()] for top in report.sections] == [["I", "1"],
                                                                               ["II"]]


class TestNumbering:
    """Word's numbering rules, on numbering.xml written here."""

    @staticmethod
    def labels(levels: str, nums: str, paragraphs: list[tuple[str, int]], *,
               styles: str = "") -> list[str]:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        root = parse_xml(f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="1">'
                         f"{levels}</w:abstractNum>{nums}</w:numbering>")
        style_root = parse_xml(f'<w:styles {nsdecls("w")}>{styles}</w:styles>')
        numbering = docx_report._Numbering(root, docx_report._Styles(style_root))
        shown = [numbering.next(num, level) for num, level in paragraphs]
        return [label for label, _ in filter(None, shown)]

    @staticmethod
    def level(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')

    def test_formats_and_levels(self):
        """Roman, decimal with its parent, letters; a deeper level restarts under a new one."""
        levels = (self.level(0, "upperRoman", "%1.") + self.level(1, "decimal", "%1.%2.")
                  + self.level(2, "lowerLetter", "%3)"))
        nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        order = [("5", 0), ("5", 1), ("5", 2), ("5", 2), ("5", 1), ("5", 0), ("5", 1)]
        assert self.labels(levels, nums, order) == ["I.", "I.1.", "a)", "b)", "I.2.", "II.",
                                                    "II.1."]

    def test_start_and_no_restart(self):
        """start counts from its value; lvlRestart 0 keeps counting across parents."""
        levels = (self.level(0, "decimalZero", "%1.", start=9)
                  + self.level(1, "upperLetter", "%2.", extra='<w:lvlRestart w:val="0"/>'))
        nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        order = [("5", 0), ("5", 1), ("5", 0), ("5", 1)]
        assert self.labels(levels, nums, order) == ["09.", "A.", "10.", "B."]

    def test_lists_sharing_a_definition(self):
        """Two lists of one definition continue each other unless one overrides its start."""
        levels = self.level(0, "decimal", "%1.")
        nums = ('<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
                '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="4"/></w:lvlOverride></w:num>')
        order = [("5", 0), ("5", 0), ("6", 0), ("7", 0), ("7", 0)]
        assert self.labels(levels, nums, order) == ["1.", "2.", "3.", "4.", "5."]

    def test_level_replaced_in_one_list(self):
        """lvlOverride with its own lvl changes that level in that list only."""
        levels = self.level(0, "decimal", "%1.")
        nums = ('<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:numFmt w:val="lowerRoman"/>'
                '<w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride></w:num>')
        assert self.labels(levels, nums, [("5", 0), ("6", 0), ("6", 0)]) == ["1.", "(i)",
                                                                             "(ii)"]

    def test_list_style(self):
        """A list defined through a list style (numStyleLink) numbers with the style's list."""
        levels = self.level(0, "upperLetter", "%1.") + '<w:styleLink w:val="Muc"/>'
        nums = ('<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Muc"/>'
                '</w:abstractNum>'
                '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>')
        styles = ('<w:style w:type="numbering" w:styleId="Muc"><w:name w:val="Muc"/>'
                  '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>')
        assert self.labels(levels, nums, [("6", 0), ("6", 0), ("5", 0)], styles=styles) == [
            "A.", "B.", "C."]

    def test_legal_and_unknown(self):
        """isLgl shows the parents in decimal; an unknown list or level shows nothing."""
        levels = (self.level(0, "upperRoman", "%1.")
                  + self.level(1, "decimal", "%1.%2.", extra="<w:isLgl/>"))
        nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        assert self.labels(levels, nums, [("5", 0), ("5", 1), ("9", 0), ("5", 4)]) == [
            "I.", "1.1."]


    def test_heading_styles_linked_to_a_list(self):
        """Heading styles numbered by the list they are linked to, as Word templates do."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        def build(document):
            numbering = document.part.numbering_part.element
            numbering.find(qn("w:num")).addprevious(parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="95">'
                + self.level(0, "upperRoman", "%1.", extra='<w:pStyle w:val="Heading1"/>')
                + self.level(1, "decimal", "%2.", extra='<w:pStyle w:val="Heading2"/>')
                + "</w:abstractNum>"))
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="95">'
                                       '<w:abstractNumId w:val="95"/></w:num>'))
            for name in ("Heading 1", "Heading 2"):
                document.styles[name].element.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:numId w:val="95"/></w:numPr>'))
            for text, level in (("KẾT QUẢ", 1), ("Thể chế", 2), ("Thủ tục", 2),
                                ("PHƯƠNG HƯỚNG", 1), ("Thể chế", 2)):
                document.add_heading(text, level)

        report = read_docx(docx_bytes(build))
        assert [[(s.number, s.heading) for s in top.walk()] for top in report.sections] == [
            [("I", "KẾT QUẢ"), ("1", "Thể chế"), ("2", "Thủ tục")],
            [("II", "PHƯƠNG HƯỚNG"), ("1", "Thể chế")],
        ]


class TestErrors:
    def test_not_a_zip(self):
        """Text bytes are not a Word file."""
        with pytest.raises(InputError, match=r"^<bytes>: không phải tệp Word \.docx"):
            read_docx(b"BAO CAO\n")

    def test_doc_97(self):
        """An old .doc is named as such."""
        with pytest.raises(InputError, match=r"a \.doc file, not \.docx"):
            read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, source="r.docx")

    def test_empty_file(self):
        """No bytes at all."""
        with pytest.raises(InputError, match=r"^r\.docx: tệp rỗng"):
            read_docx(b"", source="r.docx")

    def test_broken_zip(self):
        """A zip cut short."""
        with pytest.raises(InputError, match="broken zip package"):
            read_docx(docx_bytes(lambda d: d.add_paragraph("x"))[:200])

    def test_spreadsheet(self):
        """A workbook renamed .docx: no report in it, and the message says it is a workbook."""
        openpyxl = pytest.importorskip("openpyxl")
        buffer = io.BytesIO()
        openpyxl.Workbook().save(buffer)
        with pytest.raises(InputError) as error:
            read_docx(buffer.getvalue(), source="bang.docx")
        assert str(error.value) == (
            "bang.docx: tệp là một bảng tính Excel (a spreadsheet), không có word/document.xml: "
            "không có báo cáo (no report in it)")

    def test_empty_document(self):
        """A Word document with nothing written in it."""
        with pytest.raises(InputError) as error:
            read_docx(docx_bytes(lambda d: d.add_paragraph("   ")), source="trong.docx")
        assert str(error.value) == ("trong.docx: tài liệu không có nội dung, không có báo cáo "
                                    "(empty document, no report in it)")

    def test_zip_bomb(self, monkeypatch: pytest.MonkeyPatch):
        """Parts that unpack to more than the limit are refused before they are parsed."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"<a/>" + b" " * 2_000_000)
        monkeypatch.setattr(docx_report, "MAX_DOCX_UNPACKED", 1_000_000)
        with pytest.raises(InputError, match="package unpacks to too many bytes"):
            read_docx(buffer.getvalue())

    def test_too_large(self, monkeypatch: pytest.MonkeyPatch):
        """A file over the size limit is refused unread."""
        monkeypatch.setattr(docx_report, "MAX_DOCX_BYTES", 100)
        with pytest.raises(InputError, match=r"file too large"):
            read_docx(b"PK" + b"\0" * 200)

    def test_too_many_parts(self, monkeypatch: pytest.MonkeyPatch):
        """A package of very many parts is refused."""
        monkeypatch.setattr(docx_report, "MAX_DOCX_PARTS", 5)
        with pytest.raises(InputError, match="too many parts"):
            read_docx(render_docx(reference_report()))

    def test_not_word_xml(self):
        """A zip with a document.xml that is not XML is a CchcError, never an lxml error."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", b"not xml")
        with pytest.raises(CchcError, match="cannot open the Word file"):
            read_docx(buffer.getvalue())

    def test_without_python_docx(self, monkeypatch: pytest.MonkeyPatch):
        """Without python-docx: an InputError naming the extra."""
        data = render_docx(reference_report())
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(InputError, match=r'pip install "cchc-model\[docx\]"'):
            read_docx(data)

    def test_wrong_type(self):
        """A str is not bytes."""
        with pytest.raises(TypeError, match="takes bytes, not str"):
            read_docx("report.docx")  # type: ignore[arg-type]


class TestRobustness:
    @settings(max_examples=60, deadline=None)
    @given(st.binary(max_size=300))
    def test_any_bytes(self, data: bytes):
        """Any bytes give a report or a CchcError, never another exception."""
        with contextlib.suppress(CchcError):
            read_docx(data)

    @settings(max_examples=60, deadline=None)
    @given(st.sampled_from(("word/document.xml", "word/numbering.xml", "word/styles.xml",
                            "[Content_Types].xml", "word/_rels/document.xml.rels")),
           st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    def test_broken_part(self, member: str, content: bytes):
        """A Word file with one part replaced by junk is a report or a CchcError."""
        source = zipfile.ZipFile(io.BytesIO(SMALL))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                target.writestr(info.filename,
                                content if info.filename == member else source.read(info))
        with contextlib.suppress(CchcError):
            read_docx(buffer.getvalue())


SMALL = docx_bytes(lambda d: d.add_paragraph("Thực hiện Kế hoạch số 02/KH-SNV."))
