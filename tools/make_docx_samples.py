"""Regenerate the Word reports under tests/data/docx/ (not run in CI).

Two writers, so that the reader is tested on XML it did not write:

* python-docx writes ``so_tu_phap_6_thang_2024.docx``: a Sở Tư pháp half-year report whose
  section numbers come from Word's automatic numbering (a numbering.xml written here, with a
  list restarted by ``w:startOverride``), a tracked change (``w:ins`` and ``w:del``), the head
  in a one-row borderless table, the signature beside "Nơi nhận", and an appendix table with
  merged header cells and a row long enough to be split across pages.
* LibreOffice (``soffice --headless --convert-to docx``) converts hand-written HTML:
  ``ubnd_huyen_quy_3_2023.docx``, a district UBND quarter report with typed section numbers, a
  heading whose number and name only are bold, an automatically numbered list, footnotes, and
  an appendix whose header cells are merged (rowspan, colspan); and
  ``so_noi_vu_quy_1_2024.docx``, a Sở Nội vụ quarter report with Heading styles and no
  appendix.

Usage: python tools/make_docx_samples.py [OUT_DIR]
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "tests/data/docx"

NUMBERING = f"""
<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="90">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="%3)"/><w:lvlJc w:val="left"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="92">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
      <w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
      <w:lvlText w:val="+"/><w:lvlJc w:val="left"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
  <w:num w:numId="92"><w:abstractNumId w:val="91"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="93"><w:abstractNumId w:val="92"/></w:num>
</w:numbering>
"""

APPENDIX_ROWS = (
    # STT, label, unit, value, note, bold
    ("1.", "Công tác chỉ đạo điều hành CCHC", "", "", "", True),
    ("1.1.", "Kế hoạch CCHC", "", "", "", False),
    ("1.1.1.", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "20", "", False),
    ("1.1.2.", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "9", "", False),
    ("1.1.3.", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "05", "", False),
    ("3.", "Cải cách thủ tục hành chính", "", "", "", True),
    ("3.1.", "Thống kê TTHC", "", "", "", False),
    ("3.1.3.", "Tổng số TTHC đang có hiệu lực", "Thủ tục", "142", "", False),
    ("Trong đó", "Số TTHC cấp tỉnh:", "Thủ tục", "112", "", False),
    ("", "Số TTHC cấp huyện:", "Thủ tục", "18", "", False),
    ("", "Số TTHC cấp xã:", "Thủ tục", "12", "", False),
)
LONG_NOTE = " ".join(
    f"Đợt {i}: rà soát các thủ tục hành chính lĩnh vực hộ tịch, chứng thực, "
    "lý lịch tư pháp, bồi thường nhà nước và trợ giúp pháp lý." for i in range(1, 16)
)


def _para(where: Any, text: str = "", *, bold: bool = False, italic: bool = False,
          align: Any = None, size: float | None = None, num: tuple[int, int] | None = None,
          before: float | None = None) -> Any:
    paragraph = where.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if num is not None:
        num_id, level = num
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'))
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)
    return paragraph


def _clear(cell: Any) -> Any:
    for paragraph in cell.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _tracked(paragraph: Any, before: str, deleted: str, inserted: str, after: str) -> None:
    paragraph.add_run(before)
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="Phòng Hành chính" '
        f'w:date="2024-06-03T08:00:00Z"><w:r><w:delText xml:space="preserve">{deleted}'
        '</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="Phòng Hành chính" '
        f'w:date="2024-06-03T08:00:00Z"><w:r><w:t xml:space="preserve">{inserted}</w:t>'
        '</w:r></w:ins>'))
    paragraph.add_run(after)


def so_tu_phap() -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    numbering = document.part.numbering_part.element
    for child in parse_xml(NUMBERING):
        if child.tag == qn("w:abstractNum"):
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(child)
            else:
                numbering.append(child)
        else:
            numbering.append(child)
    centre, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY

    head = document.add_table(rows=1, cols=2)
    left, right = (_clear(c) for c in head.rows[0].cells)
    _para(left, "UBND TỈNH TIỀN GIANG", align=centre, size=13)
    _para(left, "SỞ TƯ PHÁP", bold=True, align=centre, size=13)
    _para(left, "Số: 215/BC-STP", align=centre, size=13)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=centre, size=12)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, align=centre, size=13)
    _para(right, "Tiền Giang, ngày 05 tháng 6 năm 2024", italic=True, align=centre)

    _para(document, "BÁO CÁO", bold=True, align=centre, before=18)
    _para(document, "Kết quả thực hiện công tác cải cách hành chính", bold=True, align=centre)
    _para(document, "6 tháng đầu năm 2024", bold=True, align=centre)
    _para(document, "__________", align=centre)
    _para(document, "Thực hiện Công văn số 581/BNV-CCHC ngày 08/02/2024 của Bộ Nội vụ về "
          "việc hướng dẫn báo cáo cải cách hành chính.", align=justify)
    _para(document, "Sở Tư pháp báo cáo kết quả thực hiện công tác cải cách hành chính "
          "6 tháng đầu năm 2024 như sau:", align=justify)
    _para(document, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", bold=True, num=(90, 0))
    _para(document, "Về kế hoạch cải cách hành chính", bold=True, num=(90, 1))
    _para(document, "Sở đã ban hành Kế hoạch số 12/KH-STP ngày 05/01/2024 về cải cách hành "
          "chính năm 2024.", align=justify)
    _para(document, "Về kiểm tra cải cách hành chính", bold=True, num=(90, 1))
    _tracked(_para(document, align=justify), "Đã kiểm tra ", "03", "05",
             " phòng, đơn vị thuộc Sở.")
    _para(document, "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold=True, num=(90, 0))
    _para(document, "Cải cách thể chế", bold=True, num=(90, 1))
    _para(document, "Tham mưu UBND tỉnh ban hành 06 Quyết định quy phạm pháp luật.",
          num=(93, 0))
    _para(document, "Quyết định số 01/2024/QĐ-UBND ngày 10/01/2024 của UBND tỉnh.",
          num=(93, 1))
    _para(document, "Cải cách thủ tục hành chính", bold=True, num=(90, 1))
    _para(document, "Kiểm soát thủ tục hành chính", italic=True, num=(90, 2))
    _para(document, "- Tổng số hồ sơ tiếp nhận là 1.250 hồ sơ.", align=justify)
    _para(document, "Lĩnh vực hộ tịch: 800 hồ sơ;", num=(91, 0))
    _para(document, "Lĩnh vực chứng thực: 450 hồ sơ.", num=(91, 0))
    _para(document, "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024", bold=True, num=(90, 0))
    _para(document, "Tiếp tục rà soát thủ tục hành chính.", num=(92, 0))
    _para(document, "Đẩy mạnh chuyển đổi số.", num=(92, 0))
    _para(document, "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính "
          "6 tháng đầu năm 2024 của Sở Tư pháp./.", align=justify)

    foot = document.add_table(rows=1, cols=2)
    left, right = (_clear(c) for c in foot.rows[0].cells)
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in ("- Sở Nội vụ (tổng hợp);", "- Giám đốc Sở;", "- Lưu: VT, VP."):
        _para(left, line, size=11)
    for line in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"):
        _para(right, line, bold=True, align=centre)
    _para(right)
    _para(right, "(Đã ký)", italic=True, align=centre)
    _para(right)
    _para(right, "Nguyễn Văn Hùng", bold=True, align=centre)

    title = _para(document, "PHỤ LỤC", bold=True, align=centre)
    title.paragraph_format.page_break_before = True
    _para(document, "SỐ LIỆU THỐNG KÊ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2024", bold=True,
          align=centre)
    table = document.add_table(rows=2 + len(APPENDIX_ROWS) + 1, cols=5)
    table.style = document.styles["Table Grid"]
    header = ("STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả thống kê", "")
    for i, text in enumerate(header[:4]):
        _para(_clear(table.cell(0, i)), text, bold=True, align=centre, size=12)
    for i, text in enumerate(("Số liệu", "Ghi chú")):
        _para(_clear(table.cell(1, 3 + i)), text, bold=True, align=centre, size=12)
    for i in range(3):
        table.cell(0, i).merge(table.cell(1, i))
    table.cell(0, 3).merge(table.cell(0, 4))
    for tr in table.rows[:2]:
        tr._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    rows = [*APPENDIX_ROWS, ("3.2.", "Vận hành Cổng dịch vụ công quốc gia", "", "",
                             LONG_NOTE, False)]
    for row, (stt, label, unit, value, note, bold) in zip(table.rows[2:], rows, strict=True):
        for cell, text in zip(row.cells, (stt, label, unit, value, note), strict=True):
            _para(_clear(cell), text, bold=bold, size=12)
    return _saved(document)


def _saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HEAD = """
<table border="0" cellspacing="0" width="100%"><tr>
<td width="40%"><p align="center">{parent}</p><p align="center"><b>{agency}</b></p>
<p align="center">Số: {number}</p></td>
<td width="60%"><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
<p align="center"><b>Độc lập - Tự do - Hạnh phúc</b></p>
<p align="center"><i>{date}</i></p></td></tr></table>
"""

FOOT = """
<table border="0" cellspacing="0" width="100%"><tr>
<td width="45%" valign="top"><p><b><i>Nơi nhận:</i></b></p>{recipients}</td>
<td width="55%" valign="top">{titles}<p>&nbsp;</p><p>&nbsp;</p>
<p align="center"><b>{signer}</b></p></td></tr></table>
"""


def _foot(recipients: list[str], titles: list[str], signer: str) -> str:
    return FOOT.format(
        recipients="".join(f"<p>{r}</p>" for r in recipients),
        titles="".join(f'<p align="center"><b>{t}</b></p>' for t in titles),
        signer=signer,
    )


UBND_HUYEN = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<style>body {{ font-family: 'Times New Roman'; font-size: 14pt }}
td {{ vertical-align: top }}</style></head><body>
{head}
<p align="center"><b>BÁO CÁO</b></p>
<p align="center"><b>Tình hình thực hiện công tác cải cách hành chính quý III năm 2023</b></p>
<p align="justify">Căn cứ Kế hoạch số 3170/KH-UBND ngày 20/12/2022 của UBND tỉnh Ninh Thuận
về cải cách hành chính năm 2023;</p>
<p align="justify">Ủy ban nhân dân huyện Ninh Phước báo cáo như sau:</p>
<p align="justify"><b>I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH</b></p>
<p align="justify"><b>1. Về kế hoạch cải cách hành chính</b></p>
<p align="justify">UBND huyện đã ban hành Kế hoạch số 45/KH-UBND ngày 10/01/2023 về cải cách
hành chính năm 2023<a class="sdfootnoteanc" name="sdfootnote1anc"
href="#sdfootnote1sym"><sup>1</sup></a>.</p>
<p align="justify"><b>2. Về kiểm tra cải cách hành chính:</b> Đã kiểm tra 5/9 xã, thị trấn.</p>
<p align="justify"><b>II. KẾT QUẢ THỰC HIỆN</b></p>
<p align="justify"><b>1. Cải cách thủ tục hành chính</b></p>
<p align="justify"><i>a) Tiếp nhận và giải quyết hồ sơ</i></p>
<p align="justify">- Tổng số hồ sơ tiếp nhận là 5.494 hồ sơ, đã giải quyết 5.480 hồ sơ.</p>
<p align="justify">+ Trực tuyến: 232 hồ sơ.</p>
<p align="justify"><i>b) Kết quả khác</i></p>
<ol><li><p align="justify">Rà soát 12 thủ tục hành chính cấp huyện;</p></li>
<li><p align="justify">Công khai 100% thủ tục trên Cổng dịch vụ công.</p></li></ol>
<p align="justify"><b>2. Cải cách tài chính công</b></p>
<p align="justify">- Kinh phí giao tự chủ 3.585,23 triệu đồng.</p>
<table border="1" cellspacing="0"><tr><td><p>Xã</p></td><td><p>Số hồ sơ</p></td></tr>
<tr><td><p>Phước Hậu</p></td><td><p>120</p></td></tr></table>
<p align="justify"><b>III. PHƯƠNG HƯỚNG QUÝ IV NĂM 2023</b></p>
<p align="justify">- Tiếp tục thực hiện các nhiệm vụ cải cách hành chính.</p>
<p align="justify">Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính
quý III năm 2023 của UBND huyện Ninh Phước./.</p>
{foot}
<p align="center" style="page-break-before: always"><b>PHỤ LỤC</b></p>
<p align="center"><b>THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2023</b></p>
<table border="1" cellspacing="0" width="100%">
<thead>
<tr><td rowspan="2"><p align="center"><b>STT</b></p></td>
<td rowspan="2"><p align="center"><b>Chỉ tiêu</b></p></td>
<td rowspan="2"><p align="center"><b>Đơn vị tính</b></p></td>
<td colspan="2"><p align="center"><b>Kết quả thống kê</b></p></td></tr>
<tr><td><p align="center"><b>Số liệu</b></p></td><td><p align="center"><b>Ghi chú</b></p></td></tr>
</thead>
<tbody>
<tr><td><p><b>3.</b></p></td><td><p><b>Cải cách thủ tục hành chính</b></p></td>
<td></td><td></td><td></td></tr>
<tr><td><p>3.1.</p></td><td><p>Thống kê TTHC</p></td><td></td><td></td><td></td></tr>
<tr><td><p>3.1.3.</p></td><td><p>Tổng số TTHC đang có hiệu lực</p></td><td><p>Thủ tục</p></td>
<td><p>285</p></td><td></td></tr>
<tr><td><p>Trong đó</p></td><td><p>Số TTHC cấp tỉnh:</p></td><td><p>Thủ tục</p></td>
<td><p>0</p></td><td></td></tr>
<tr><td></td><td><p>Số TTHC cấp huyện:</p></td><td><p>Thủ tục</p></td><td><p>180</p></td>
<td></td></tr>
<tr><td></td><td><p>Số TTHC cấp xã:</p></td><td><p>Thủ tục</p></td><td><p>105</p></td>
<td></td></tr>
</tbody></table>
<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>
Kế hoạch được đăng trên Trang thông tin điện tử của huyện.</p></div>
</body></html>
"""

SO_NOI_VU = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<style>body {{ font-family: 'Times New Roman'; font-size: 14pt }}</style></head><body>
{head}
<p align="center"><b>BÁO CÁO</b></p>
<p align="center"><b>Công tác cải cách hành chính quý I năm 2024</b></p>
<p align="justify">Thực hiện Công văn số 872/UBND-VXNV ngày 04/3/2022 của UBND tỉnh Ninh Thuận
về việc thực hiện chế độ báo cáo cải cách hành chính định kỳ.</p>
<h1>I. KẾT QUẢ ĐẠT ĐƯỢC</h1>
<h2>1. Cải cách tổ chức bộ máy</h2>
<p align="justify">- Sắp xếp 03 phòng chuyên môn thuộc Sở.</p>
<h2>2. Cải cách chế độ công vụ</h2>
<p align="justify">- Tuyển dụng 12 công chức; đạt tỷ lệ 100%.</p>
<h1>II. NHIỆM VỤ QUÝ II NĂM 2024</h1>
<p align="justify">Tiếp tục thực hiện Kế hoạch số 02/KH-SNV ngày 03/01/2024.</p>
<p align="justify">Trên đây là báo cáo công tác cải cách hành chính quý I năm 2024./.</p>
{foot}
</body></html>
"""


def _converted(html: str, name: str, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work,
             str(source)],
            check=True, capture_output=True, timeout=180,
        )
        return (Path(work) / f"{name}.docx").read_bytes()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "so_tu_phap_6_thang_2024.docx").write_bytes(so_tu_phap())
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    huyen = UBND_HUYEN.format(
        head=HEAD.format(parent="UBND TỈNH NINH THUẬN", agency="ỦY BAN NHÂN DÂN<br>"
                         "HUYỆN NINH PHƯỚC", number="112/BC-UBND",
                         date="Ninh Phước, ngày 14 tháng 9 năm 2023"),
        foot=_foot(["- Sở Nội vụ (tổng hợp);", "- TT Huyện ủy, TT HĐND huyện;",
                    "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                   "Lê Văn Bình"),
    )
    (OUT / "ubnd_huyen_quy_3_2023.docx").write_bytes(
        _converted(huyen, "ubnd_huyen_quy_3_2023", soffice))
    noi_vu = SO_NOI_VU.format(
        head=HEAD.format(parent="UBND TỈNH NINH THUẬN", agency="SỞ NỘI VỤ",
                         number="   /BC-SNV", date="Ninh Thuận, ngày    tháng 3 năm 2024"),
        foot=_foot(["- UBND tỉnh (báo cáo);", "- Lưu: VT, CCHC."], ["GIÁM ĐỐC"],
                   "Nguyễn Thị Hoa"),
    )
    (OUT / "so_noi_vu_quy_1_2024.docx").write_bytes(
        _converted(noi_vu, "so_noi_vu_quy_1_2024", soffice))
    for path in sorted(OUT.glob("*.docx")):
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
