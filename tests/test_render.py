"""Rendering: Markdown, HTML (with findings and notebook views) and Word in the ND 30 layout."""

from __future__ import annotations

import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from cchc_model import (
    Appendix,
    DocumentDate,
    Finding,
    Header,
    IndicatorValue,
    InputError,
    Paragraph,
    ParagraphKind,
    Recipient,
    Report,
    Section,
    Severity,
    Signature,
    SigningAuthority,
    ValidationReport,
    render_docx,
    render_html,
    render_markdown,
    validate,
    write_appendix,
)
from cchc_model._cli import main
from cchc_model.examples import reference_report

REFERENCE = reference_report()
EVIL = '<script>alert("x")</script> & <b>'


def small_report(**changes: object) -> Report:
    report = Report(
        Header("SỞ NỘI VỤ", "UBND TỈNH X", number=5, symbol="BC-SNV", place="Hà Nội",
               date=DocumentDate(2023, 2, 1), title="BÁO CÁO", subtitle="Công tác CCHC"),
        sections=(Section("I", "KẾT QUẢ", (Paragraph("Đạt 33,37%."),
                                           Paragraph("Việc một", ParagraphKind.BULLET),
                                           Paragraph("Việc nhỏ", ParagraphKind.SUB_BULLET))),),
        recipients=(Recipient("Sở Nội vụ", "tổng hợp"),),
        archive=("VT",),
        signature=Signature("Nguyễn Văn A", ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                            SigningAuthority.DEPUTY),
    )
    return attrs.evolve(report, **changes)


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|#+\-.)=])", r"\1", text)


class Html(HTMLParser):
    """Tables (rows of cell texts), text, start tags with their attributes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("div", "p", "br") and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def plain(self) -> str:
        return " ".join("".join(self.text).split())

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


class TestRenderMarkdown:
    def test_every_paragraph(self):
        """Every paragraph of the reference report is in the Markdown, as written."""
        text = unescape_markdown(render_markdown(REFERENCE))
        for _, paragraph in REFERENCE.paragraphs():
            assert " ".join(paragraph.text.split()) in text

    def test_appendix_table(self):
        """The appendix is write_appendix's Markdown table: every row, official columns."""
        text = render_markdown(REFERENCE)
        assert REFERENCE.appendix is not None
        table = write_appendix(REFERENCE.appendix, "markdown")
        assert table in text
        assert "| STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú |" in text
        assert "| 3.1.3. | Tổng số TTHC đang có hiệu lực | Thủ tục | 138 |  |" in text

    def test_draft_head(self):
        """A draft keeps its blank number and day; the motto and place-and-date line follow."""
        lines = render_markdown(REFERENCE).splitlines()
        assert lines[:8] == [
            "UBND TỈNH NINH THUẬN\\",
            "**SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI**",
            "",
            "Số:    /BC-SLĐTBXH",
            "",
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\",
            "**Độc lập - Tự do - Hạnh phúc**\\",
            "*Ninh Thuận, ngày    tháng 11 năm 2023*",
        ]

    def test_structure(self):
        """Title, section headings, bullets, recipients (ND 30 punctuation) and signature."""
        text = render_markdown(small_report())
        assert "Số: 05/BC-SNV" in text
        assert "*Hà Nội, ngày 01 tháng 02 năm 2023*" in text
        assert "\n# BÁO CÁO\n\n**Công tác CCHC**\n" in text
        assert "\n## I. KẾT QUẢ\n\nĐạt 33,37%.\n\n- Việc một\n\n  + Việc nhỏ\n" in text
        assert "***Nơi nhận:***\n\n- Sở Nội vụ (tổng hợp);\n- Lưu: VT.\n" in text
        assert text.endswith("**KT. GIÁM ĐỐC**\\\n**PHÓ GIÁM ĐỐC**\n\n**Nguyễn Văn A**\n")

    def test_reference_sections(self):
        """Sections of the reference report are ## and ### headings."""
        text = render_markdown(REFERENCE)
        assert "\n## I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\n" in text
        assert "\n### 1. Về kế hoạch cải cách hành chính:\n" in text
        assert "\n## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024\n" in text

    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("# không phải tiêu đề", "\\# không phải tiêu đề"),
            ("1. không phải danh sách", "1\\. không phải danh sách"),
            ("- không phải gạch đầu dòng", "\\- không phải gạch đầu dòng"),
            ("---", "\\---"),
            ("a *b* _c_ [d]", "a \\*b\\* \\_c\\_ \\[d\\]"),
            (EVIL, '\\<script>alert("x")\\</script> & \\<b>'),
            ("dòng một\ndòng hai", "dòng một dòng hai"),
        ],
    )
    def test_prose_is_literal(self, text: str, shown: str):
        """Prose that looks like Markdown is escaped so it shows as written."""
        report = Report(Header("SỞ X"), introduction=(Paragraph(text),))
        assert f"\n\n{shown}\n" in render_markdown(report)

    def test_appendix_alone(self):
        """An appendix alone is its Markdown table."""
        appendix = Appendix((IndicatorValue("7.6", 14584, raw="14.584", stt="7.6."),))
        assert render_markdown(appendix) == write_appendix(appendix, "markdown")

    def test_wrong_type(self):
        """Anything else is a TypeError naming the type."""
        with pytest.raises(TypeError, match="not str"):
            render_markdown("report")  # type: ignore[arg-type]


class TestRenderHtml:
    def test_page(self):
        """A whole page: doctype, Vietnamese, UTF-8, inline CSS, no external resources."""
        page = render_html(REFERENCE)
        assert page.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
        parsed = Html(page)
        assert ("meta", {"charset": "utf-8"}) in parsed.tags
        assert not [a for t, a in parsed.tags if t in ("link", "script", "img")]
        assert parsed.tags.count(("style", {})) == 1

    def test_head_and_foot(self):
        """The head table has agency, number, motto and date; the foot recipients and signer."""
        head, foot, *_ = Html(render_html(REFERENCE)).tables
        assert head == [
            ["UBND TỈNH NINH THUẬN SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"],
            ["Số: /BC-SLĐTBXH", "Ninh Thuận, ngày tháng 11 năm 2023"],
        ]
        assert "Số:    /BC-SLĐTBXH" in render_html(REFERENCE)
        assert foot == [[
            ("Nơi nhận: - Sở Nội vụ (tổng hợp); - Giám đốc, các PGĐ Sở; "
             "- Các phòng, ĐVSN trực thuộc; - Lưu: VT, VPS."),
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Đức Long",
        ]]

    def test_every_paragraph(self):
        """Every paragraph of the reference report is in the page's text."""
        text = Html(render_html(REFERENCE)).plain()
        for _, paragraph in REFERENCE.paragraphs():
            assert " ".join(paragraph.text.split()) in text

    def test_appendix_table(self):
        """The appendix table: the official columns and one row per appendix row."""
        assert REFERENCE.appendix is not None
        table = Html(render_html(REFERENCE)).tables[-1]
        assert table[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
        assert len(table) - 1 == len(REFERENCE.appendix.rows) + len(REFERENCE.appendix.extra)
        assert ["3.1.3.", "Tổng số TTHC đang có hiệu lực", "Thủ tục", "138", ""] in table
        assert ["4.2.5.", "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "%",
                "10%", ""] in table

    def test_escaped(self):
        """Text from the model is escaped everywhere: no element comes from it."""
        report = Report(
            Header(EVIL, EVIL, symbol=EVIL, place=EVIL, date=DocumentDate(2023),
                   title=EVIL, subtitle=EVIL),
            sections=(Section(EVIL, EVIL, (Paragraph(EVIL),)),),
            recipients=(Recipient(EVIL, EVIL),),
            archive=(EVIL,),
            signature=Signature(EVIL, (EVIL,)),
            appendix=Appendix((IndicatorValue("1", EVIL, raw=EVIL, label=EVIL, unit=EVIL,
                                              note=EVIL, stt=EVIL),), title=EVIL),
        )
        finding = Finding("x.y", Severity.ERROR, EVIL, path="$", codes=("1",))
        for page in (render_html(report, findings=[finding]),
                     render_html(report.appendix, findings=[finding]),  # type: ignore[arg-type]
                     render_html(ValidationReport((finding,)))):
            parsed = Html(page)
            assert {tag for tag, _ in parsed.tags} <= {
                "html", "head", "meta", "title", "style", "body", "div", "table", "tr", "td",
                "th", "h1", "h2", "p", "span", "section", "thead", "tbody", "ul", "li",
                "colgroup", "col", "strong", "br", "mark",
            }
            assert '<script>alert("x")</script>' in parsed.plain()

    def test_findings_on_rows(self):
        """Findings mark the appendix rows of their codes, with their messages in a column."""
        page = render_html(REFERENCE, findings=validate(REFERENCE))
        parsed = Html(page)
        flagged = {a["data-code"]: a.get("class") for _, a in parsed.tags if "data-code" in a}
        assert flagged["1.2.1"] == "cchc-warning"
        assert flagged["3.1.3"] is None
        table = parsed.tables[-1]
        assert table[0][-1] == "Kiểm tra"
        row = next(r for r in table if r[0] == "1.1.1." and r[1].startswith("Số sở"))
        assert "cảnh báo" in row[-1]

    def test_findings_on_paragraphs(self):
        """A finding's path marks its paragraph and, inside it, the figure or citation."""
        page = render_html(REFERENCE, findings=validate(REFERENCE))
        parsed = Html(page)
        path = "$.sections[1].subsections[1].paragraphs[4]"
        paragraph = next(a for _, a in parsed.tags if a.get("data-path") == path)
        assert paragraph["class"] == "cchc-body cchc-error"
        assert '<mark class="cchc-error">1.607 hồ sơ, đạt tỷ lệ 33,37 %</mark>' in page
        assert '<mark class="cchc-error">Kế hoạch số 420/KH-UBND' in page
        summary = parsed.with_class("cchc-findings")
        assert len(summary) == 1
        assert "report.draft" in page  # a finding of the whole report, listed above it

    def test_findings_once_iterable(self):
        """Findings may be any iterable, read once."""
        finding = Finding("x", Severity.INFO, "m", path='$.appendix["3.1.3"]')
        page = render_html(REFERENCE, findings=iter([finding]))
        assert 'data-code="3.1.3" class="cchc-info"' in page

    def test_findings_type(self):
        """Findings must be Finding objects."""
        with pytest.raises(TypeError, match="Finding"):
            render_html(REFERENCE, findings=["x"])  # type: ignore[list-item]

    def test_appendix_alone(self):
        """An appendix alone renders as its titled table."""
        assert REFERENCE.appendix is not None
        parsed = Html(render_html(REFERENCE.appendix))
        assert len(parsed.tables) == 1
        assert "PHỤ LỤC" in parsed.plain()

    def test_wrong_type(self):
        """Anything else is a TypeError; findings do not go with a ValidationReport."""
        with pytest.raises(TypeError, match="not int"):
            render_html(1)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="findings"):
            render_html(ValidationReport(), findings=[])


class TestReprHtml:
    def test_report(self):
        """A notebook shows the report with its findings marked, as a fragment."""
        shown = REFERENCE._repr_html_()
        assert shown.startswith("<style>")
        assert "<!DOCTYPE" not in shown
        assert 'class="cchc-findings"' in shown
        assert 'data-code="1.2.1" class="cchc-warning"' in shown

    def test_appendix(self):
        """A notebook shows the appendix as a table, rows with findings highlighted."""
        assert REFERENCE.appendix is not None
        shown = REFERENCE.appendix._repr_html_()
        assert Html(shown).tables[-1][0][:5] == [
            "STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
        assert 'class="cchc-warning"' in shown

    def test_validation_report(self):
        """A notebook shows the findings as a table, one row each, with the counts."""
        result = validate(REFERENCE)
        parsed = Html(result._repr_html_())
        table = parsed.tables[-1]
        assert len(table) == 1 + len(result.findings)
        assert table[0] == ["Mức", "Quy tắc", "Vị trí", "Chỉ tiêu", "Nội dung"]
        assert "KHÔNG ĐẠT (failed)" in parsed.plain()


docx = pytest.importorskip("docx")


def read_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


class TestRenderDocx:
    def test_page(self):
        """A4 with the decree's margins: top/bottom 20 mm, left 30 mm, right 15 mm."""
        section = read_docx(render_docx(REFERENCE)).sections[0]
        measured = [section.page_width, section.page_height, section.top_margin,
                    section.bottom_margin, section.left_margin, section.right_margin]
        assert [round(length.mm) for length in measured] == [210, 297, 20, 20, 30, 15]
        assert section.different_first_page_header_footer
        assert 'w:instr="PAGE"' in section.header._element.xml

    def test_font(self):
        """Times New Roman, 14 pt, Vietnamese."""
        document = read_docx(render_docx(REFERENCE))
        normal = document.styles["Normal"]
        assert normal.font.name == "Times New Roman"
        assert normal.font.size == docx.shared.Pt(14)
        assert 'w:val="vi-VN"' in normal.element.xml

    def test_head(self):
        """The two-column head: agency and number left, motto and date line right."""
        document = read_docx(render_docx(REFERENCE))
        head = document.tables[0]
        left = [p.text for p in head.cell(0, 0).paragraphs if p.text]
        right = [p.text for p in head.cell(0, 1).paragraphs if p.text]
        assert left == ["UBND TỈNH NINH THUẬN", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
        assert head.cell(0, 0).paragraphs[1].runs[0].bold
        assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        assert head.cell(1, 0).text == "Số:    /BC-SLĐTBXH"
        dated = head.cell(1, 1).paragraphs[0]
        assert dated.text == "Ninh Thuận, ngày    tháng 11 năm 2023"
        assert dated.runs[0].italic

    def test_title_and_body(self):
        """Title bold and centred; every paragraph justified with a first-line indent."""
        document = read_docx(render_docx(REFERENCE))
        center = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        justify = docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraphs = {p.text: p for p in document.paragraphs if p.text}
        title = paragraphs["BÁO CÁO"]
        assert title.alignment == center
        assert title.runs[0].bold
        assert paragraphs[REFERENCE.header.subtitle].runs[0].bold
        for _, paragraph in REFERENCE.paragraphs():
            marker = paragraph.kind.marker
            shown = paragraphs[f"{marker} {paragraph.text}" if marker else paragraph.text]
            assert shown.alignment == justify
            assert shown.paragraph_format.first_line_indent == docx.shared.Mm(12.7)
        heading = paragraphs["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"]
        assert heading.runs[0].bold

    def test_heading_styles(self):
        """Headings use Word's Heading n styles, restyled to the decree's look."""
        document = read_docx(render_docx(REFERENCE))
        headings = [(p.style.name, p.text) for p in document.paragraphs
                    if p.style.name.startswith("Heading")]
        assert headings[:2] == [
            ("Heading 1", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
            ("Heading 2", "1. Về kế hoạch cải cách hành chính:"),
        ]
        assert len(headings) == sum(1 for s in REFERENCE.sections for _ in s.walk())
        for name, bold in (("Heading 1", True), ("Heading 2", True)):
            style = document.styles[name]
            assert style.font.name == "Times New Roman"
            assert style.font.size == docx.shared.Pt(14)
            assert style.font.bold is bold
            assert style.font.color.rgb == docx.shared.RGBColor(0, 0, 0)
            assert style.paragraph_format.space_before == docx.shared.Pt(0)
            assert "Theme" not in style.element.rPr.rFonts.xml

    def test_foot(self):
        """Recipients bottom left, the signature block with its authority right."""
        foot = read_docx(render_docx(REFERENCE)).tables[1]
        left = [p.text for p in foot.cell(0, 0).paragraphs]
        right = [p.text for p in foot.cell(0, 1).paragraphs]
        assert left == ["Nơi nhận:", "- Sở Nội vụ (tổng hợp);", "- Giám đốc, các PGĐ Sở;",
                        "- Các phòng, ĐVSN trực thuộc;", "- Lưu: VT, VPS."]
        assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Đức Long"]
        assert foot.cell(0, 0).paragraphs[0].runs[0].italic

    def test_appendix(self):
        """The appendix table: header row repeated on each page, every row, Vietnamese values."""
        assert REFERENCE.appendix is not None
        document = read_docx(render_docx(REFERENCE))
        table = document.tables[2]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
        assert len(rows) - 1 == len(REFERENCE.appendix.rows) + len(REFERENCE.appendix.extra)
        assert ["7.6.", "Số liệu về trao đổi văn bản điện tử", "", "14.584",
                "Tính đến thời điểm báo cáo"] in rows
        assert "<w:tblHeader" in table.rows[0]._tr.xml
        texts = [p.text for p in document.paragraphs]
        assert texts[texts.index("PHỤ LỤC") + 1].startswith("THỐNG KÊ SỐ LIỆU")

    def test_complete_header(self):
        """A numbered, dated report prints its number and date with leading zeros."""
        head = read_docx(render_docx(small_report())).tables[0]
        assert head.cell(1, 0).text == "Số: 05/BC-SNV"
        assert head.cell(1, 1).text == "Hà Nội, ngày 01 tháng 02 năm 2023"

    def test_same_bytes(self):
        """The same report gives the same bytes."""
        assert render_docx(small_report()) == render_docx(small_report())

    def test_path(self, tmp_path: Path):
        """With a path the document is also written there; an unwritable path is an InputError."""
        data = render_docx(small_report(), path=tmp_path / "r.docx")
        assert (tmp_path / "r.docx").read_bytes() == data
        with pytest.raises(InputError, match="cannot write"):
            render_docx(small_report(), path=tmp_path / "missing" / "r.docx")

    def test_appendix_alone(self):
        """An appendix alone is a document with its table."""
        assert REFERENCE.appendix is not None
        document = read_docx(render_docx(REFERENCE.appendix))
        assert len(document.tables) == 1

    def test_without_python_docx(self, monkeypatch: pytest.MonkeyPatch):
        """Without python-docx: an InputError naming the extra."""
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(InputError, match=r"cchc-model\[docx\]"):
            render_docx(small_report())

    def test_wrong_type(self):
        """Anything else is a TypeError."""
        with pytest.raises(TypeError, match="not str"):
            render_docx("x")  # type: ignore[arg-type]


class TestCliRender:
    def run(self, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    def test_markdown(self, capsys: pytest.CaptureFixture[str]):
        """Markdown by default, to stdout."""
        code, out, err = self.run(capsys, "render", "--example")
        assert (code, err) == (0, "")
        assert out == render_markdown(REFERENCE)

    def test_html_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """--to html --out FILE writes the page."""
        out_file = tmp_path / "r.html"
        code, out, _ = self.run(capsys, "render", "--example", "--to", "html",
                                "--out", str(out_file))
        assert (code, out) == (0, "")
        assert out_file.read_text(encoding="utf-8") == render_html(REFERENCE)

    def test_docx_from_suffix(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """Without --to, the --out suffix chooses the form."""
        out_file = tmp_path / "r.docx"
        assert self.run(capsys, "render", "--example", "--out", str(out_file))[0] == 0
        assert out_file.read_bytes() == render_docx(REFERENCE)

    def test_docx_stdout(self, capfdbinary: pytest.CaptureFixture[bytes]):
        """docx goes to a redirected stdout as bytes."""
        assert main(["render", "--example", "--to", "docx"]) == 0
        out, _ = capfdbinary.readouterr()
        assert out == render_docx(REFERENCE)

    def test_docx_terminal(self, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch):
        """docx is not written to a terminal: exit 2 with one line."""
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        code, out, err = self.run(capsys, "render", "--example", "--to", "docx")
        assert (code, out) == (2, "")
        assert err.count("\n") == 1
        assert "--out" in err

    def test_report_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """A report .json renders; an appendix table renders as its table."""
        from cchc_model import dumps

        path = tmp_path / "r.json"
        path.write_text(dumps(small_report()), encoding="utf-8")
        code, out, _ = self.run(capsys, "render", str(path))
        assert code == 0
        assert out == render_markdown(small_report())
        table = tmp_path / "a.tsv"
        assert REFERENCE.appendix is not None
        write_appendix(REFERENCE.appendix, path=table)
        code, out, _ = self.run(capsys, "render", str(table), "--to", "html")
        assert code == 0
        assert "PHỤ LỤC" in out

    @pytest.mark.parametrize(
        "argv",
        [
            ("render",),
            ("render", "x.json", "--example"),
            ("render", "/nonexistent/r.json"),
            ("render", "r.pdf"),
        ],
    )
    def test_unusable(self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]):
        """Unusable input: exit 2, one line on stderr, nothing on stdout."""
        code, out, err = self.run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.startswith("cchc: ")
        assert err.count("\n") == 1

    def test_without_python_docx(self, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
        """Without python-docx, --to docx exits 2 naming the extra."""
        monkeypatch.setitem(sys.modules, "docx", None)
        code, _, err = self.run(capsys, "render", "--example", "--out", str(tmp_path / "r.docx"))
        assert code == 2
        assert "cchc-model[docx]" in err


class TestDocxDetails:
    def test_core_properties(self):
        """Created and modified are the date of issue; title and author the report's."""
        import datetime as dt

        properties = read_docx(render_docx(small_report())).core_properties
        issued = dt.datetime(2023, 2, 1, tzinfo=dt.timezone.utc)
        assert (properties.created, properties.modified) == (issued, issued)
        assert properties.title == "BÁO CÁO Công tác CCHC"
        assert properties.author == "SỞ NỘI VỤ"

    def test_no_template_date(self):
        """Without a date of issue the document claims none (not the template's 2013)."""
        report = small_report(header=attrs.evolve(small_report().header, date=None))
        properties = read_docx(render_docx(report)).core_properties
        assert properties.created is None
        assert properties.modified is None

    def test_attachment_line(self):
        """Under the appendix title: (Kèm theo Báo cáo số … ngày … của …)."""
        appendix = Appendix((IndicatorValue("3.1.3", 138),), title="PHỤ LỤC Biểu thống kê")
        texts = [p.text for p in read_docx(render_docx(small_report(appendix=appendix))).paragraphs]
        at = texts.index("Biểu thống kê")
        assert texts[at + 1] == "(Kèm theo Báo cáo số 05/BC-SNV ngày 01/02/2023 của SỞ NỘI VỤ)"

    def test_attachment_line_draft(self):
        """A draft keeps its blanks in the attachment line."""
        draft = REFERENCE.appendix
        texts = [p.text for p in read_docx(render_docx(REFERENCE)).paragraphs]
        assert draft is not None
        assert ("(Kèm theo Báo cáo số    /BC-SLĐTBXH ngày    /11/2023 của SỞ LAO ĐỘNG - "
                "THƯƠNG BINH VÀ XÃ HỘI)") in texts


class TestHtmlAttachment:
    def test_attachment_line(self):
        """The HTML page, too, says which report the appendix is attached to."""
        appendix = Appendix((IndicatorValue("3.1.3", 138),), title="PHỤ LỤC Biểu thống kê")
        html = render_html(small_report(appendix=appendix))
        assert ('<p class="cchc-appendix-attachment">(Kèm theo Báo cáo số 05/BC-SNV ngày '
                "01/02/2023 của SỞ NỘI VỤ)</p>") in html
        assert "cchc-appendix-attachment\">" not in render_html(appendix)


class TestSmallThings:
    def test_section_number_dot(self):
        """Section("I.", …) renders "I." once, not "I..\"."""
        report = small_report(sections=(Section("I.", "KẾT QUẢ"),))
        assert "## I. KẾT QUẢ" in render_markdown(report)
        assert "I.." not in render_markdown(report)

    @pytest.mark.parametrize(("kind", "mark"), [(ParagraphKind.BULLET, "-"),
                                                 (ParagraphKind.SUB_BULLET, "+")])
    def test_bullet_with_own_mark(self, kind: ParagraphKind, mark: str):
        """A bullet whose text starts with its mark is marked once, in every form."""
        paragraph = Paragraph(f"{mark} Ban hành kế hoạch", kind)
        report = small_report(sections=(Section("I", "A", (paragraph,)),))
        markdown = render_markdown(report)
        assert f"{mark} Ban hành kế hoạch" in markdown
        assert "\\-" not in markdown
        assert "\\+" not in markdown
        assert f"{mark} {mark}" not in render_html(report)
        texts = [p.text for p in read_docx(render_docx(report)).paragraphs]
        assert f"{mark} Ban hành kế hoạch" in texts

    def test_bare_rows_written_with_form_cells(self):
        """An appendix of bare rows is written with the form's STT, label and unit."""
        table = write_appendix(Appendix((IndicatorValue("3.1.3", 138, raw="138"),)))
        assert table.splitlines()[1] == "3.1.3.\tTổng số TTHC đang có hiệu lực\tThủ tục\t138\t"
