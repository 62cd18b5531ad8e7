"""The report as a Word document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the head as a
borderless two-column table (agency and number left, national motto and place-and-date line
right); title bold and centred; body justified with a first-line indent; the recipients at the
bottom left beside the signature block; page numbers at the top centre from page 2; the
appendix table on a page of its own. Needs the optional ``docx`` extra (python-docx).
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_model._base.errors import InputError, extra_hint
from cchc_model._model.appendix import Appendix
from cchc_model._model.limits import check_writable
from cchc_model._model.report import Report
from cchc_model._render._common import (
    COLUMNS,
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    appendix_rows,
    appendix_title_lines,
    attachment_line,
    body,
    date_line,
    is_group_row,
    number_line,
    recipient_lines,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

__all__ = ["FONT", "MARGINS_MM", "render_docx"]

FONT = "Times New Roman"
#: Top, bottom, left, right, in millimetres (Nghị định 30/2020, Phụ lục I: 20–25, 20–25,
#: 30–35, 15–20).
MARGINS_MM = (20, 20, 30, 15)
_TEXT_WIDTH_MM = 210 - MARGINS_MM[2] - MARGINS_MM[3]
_HEAD_COLUMNS_MM = (65, _TEXT_WIDTH_MM - 65)
_FOOT_COLUMNS_MM = (85, _TEXT_WIDTH_MM - 85)
_APPENDIX_COLUMNS_MM = (15, 72, 24, 20, 34)
_BODY_PT = 14
_HEAD_PT = 13
_TABLE_PT = 12
# A fixed time for every part of the package, so that the same report gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _modules() -> Any:
    try:
        return importlib.import_module("docx")
    except ImportError:
        raise InputError(
            "cần gói python-docx để tạo tệp .docx (install the docx extra to write Word "
            "documents): " + extra_hint("docx")
        ) from None


class _Writer:
    def __init__(self) -> None:
        docx = _modules()
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
        from docx.shared import Mm, Pt  # noqa: PLC0415

        self.align = WD_ALIGN_PARAGRAPH
        self.mm, self.pt = Mm, Pt
        self.doc: Document = docx.Document()
        self._headings: set[str] = set()
        self._setup()

    # --- document, styles, page -------------------------------------------------------

    def _setup(self) -> None:
        from docx.oxml.ns import qn  # noqa: PLC0415

        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = self.pt(_BODY_PT)
        r_pr = normal.element.get_or_add_rPr()
        fonts = r_pr.get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        language = r_pr.find(qn("w:lang"))
        if language is None:
            language = r_pr.makeelement(qn("w:lang"), {})
            r_pr.append(language)
        language.set(qn("w:val"), "vi-VN")
        paragraph = normal.paragraph_format
        paragraph.space_before = paragraph.space_after = self.pt(0)
        paragraph.line_spacing = 1.0
        section = self.doc.sections[0]
        section.page_width, section.page_height = self.mm(210), self.mm(297)
        top, bottom, left, right = MARGINS_MM
        section.top_margin, section.bottom_margin = self.mm(top), self.mm(bottom)
        section.left_margin, section.right_margin = self.mm(left), self.mm(right)
        section.header_distance = section.footer_distance = self.mm(10)
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = self.align.CENTER
        self._field(number, "PAGE")

    def _field(self, paragraph: DocxParagraph, instruction: str) -> None:
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415

        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    # --- building blocks --------------------------------------------------------------

    def para(
        self,
        where: Document | _Cell,
        text: str = "",
        *,
        size: float | None = None,
        bold: bool = False,
        italic: bool = False,
        align: Any = None,
        indent: bool = False,
        after: float = 0,
        before: float = 0,
    ) -> DocxParagraph:
        paragraph = where.add_paragraph()
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if size is not None:
                run.font.size = self.pt(size)
        form = paragraph.paragraph_format
        form.alignment = self.align.CENTER if align is None else align
        if indent:
            form.first_line_indent = self.mm(12.7)
        form.space_after, form.space_before = self.pt(after), self.pt(before)
        return paragraph

    def rule(self, cell: _Cell, width_mm: float, cell_mm: float) -> None:
        """A thin centred line, *width_mm* long, under the text above it in *cell*."""
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415

        paragraph = self.para(cell, before=2)
        form = paragraph.paragraph_format
        side = self.mm(max((cell_mm - 3.8 - width_mm) / 2, 0))
        form.left_indent = form.right_indent = side
        form.line_spacing = self.pt(2)
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                           ("w:color", "auto")):
            top.set(qn(key), value)
        borders.append(top)
        paragraph._p.get_or_add_pPr().append(borders)

    def table(self, rows: int, widths_mm: tuple[float, ...], style: str | None = None) -> Any:
        table = self.doc.add_table(rows=rows, cols=len(widths_mm))
        if style is not None:
            table.style = self.doc.styles[style]
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = self.mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = self.mm(width)
        return table

    @staticmethod
    def keep_row(row: Any) -> None:
        """Keep the row on one page."""
        from docx.oxml import OxmlElement  # noqa: PLC0415

        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    @staticmethod
    def clear(cell: _Cell) -> _Cell:
        """Drop the empty paragraph a new cell starts with, so content starts at the top."""
        for paragraph in cell.paragraphs:
            paragraph._p.getparent().remove(paragraph._p)
        return cell

    # --- the document -----------------------------------------------------------------

    def head(self, report: Report) -> None:
        header = report.header
        table = self.table(2, _HEAD_COLUMNS_MM)
        left, right = (self.clear(cell) for cell in table.rows[0].cells)
        if header.parent_agency.strip():
            self.para(left, header.parent_agency.upper(), size=_HEAD_PT)
        if header.agency.strip():
            self.para(left, header.agency.upper(), size=_HEAD_PT, bold=True)
            self.rule(left, 25, _HEAD_COLUMNS_MM[0])
        self.para(right, NATIONAL_NAME, size=12, bold=True)
        self.para(right, MOTTO, size=_HEAD_PT + 0.5, bold=True)
        self.rule(right, 62, _HEAD_COLUMNS_MM[1])
        number, dated = (self.clear(cell) for cell in table.rows[1].cells)
        self.para(number, number_line(header), size=_HEAD_PT, before=4)
        self.para(dated, date_line(header), size=_BODY_PT, italic=True, before=4)
        if header.title.strip():
            self.para(self.doc, header.title.upper(), bold=True, before=24)
        if header.subtitle.strip():
            self.para(self.doc, header.subtitle, bold=True)
        self.para(self.doc, after=6)

    def body(self, report: Report) -> None:
        justify = self.align.JUSTIFY
        for block in body(report):
            if block.level:
                paragraph = self.para(self.doc, block.text, bold=block.level <= 2,
                                      italic=block.level >= 3, align=justify,
                                      indent=True, before=6, after=0)
                paragraph.style = self.heading_style(block.level)
                paragraph.paragraph_format.keep_with_next = True
            else:
                self.para(self.doc, block.text, align=justify, indent=True, before=6)
        if self.doc.paragraphs:
            # The last words of the report stay on the page of the signature.
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True

    def heading_style(self, level: int) -> Any:
        """Word's ``Heading n`` style, so that the navigation pane lists the sections.

        It keeps the look of Nghị định 30: Times New Roman 14 pt, black, bold (italic from
        level 3), no spacing of its own.
        """
        from docx.oxml.ns import qn  # noqa: PLC0415
        from docx.shared import RGBColor  # noqa: PLC0415

        style = self.doc.styles[f"Heading {min(level, 9)}"]
        if style.style_id in self._headings:
            return style
        self._headings.add(style.style_id)
        font = style.font
        font.name, font.size = FONT, self.pt(_BODY_PT)
        font.bold, font.italic = level <= 2, level >= 3
        font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        form = style.paragraph_format
        form.space_before = form.space_after = self.pt(0)
        form.line_spacing = 1.0
        form.keep_with_next = True
        return style

    def foot(self, report: Report) -> None:
        recipients = recipient_lines(report)
        if not recipients and report.signature is None:
            return
        self.para(self.doc, after=6).paragraph_format.keep_with_next = True
        table = self.table(1, _FOOT_COLUMNS_MM)
        self.keep_row(table.rows[0])
        left, right = (self.clear(cell) for cell in table.rows[0].cells)
        left_align = self.align.LEFT
        if recipients:
            self.para(left, RECIPIENTS_LABEL, size=12, bold=True, italic=True, align=left_align)
            for line in recipients:
                self.para(left, line, size=11, align=left_align)
        else:
            self.para(left)
        if report.signature is not None:
            *titles, signer = report.signature.lines
            for title in titles:
                self.para(right, title.upper(), bold=True)
            self.para(right, signer, bold=True, before=72)
        else:
            self.para(right)

    def appendix(
        self, appendix: Appendix, *, page_break: bool, report: Report | None = None
    ) -> None:
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415

        lines = appendix_title_lines(appendix.title)
        first = self.para(self.doc, lines[0] if lines else "", bold=True)
        first.paragraph_format.page_break_before = page_break
        for line in lines[1:]:
            self.para(self.doc, line, bold=True)
        if report is not None:
            self.para(self.doc, attachment_line(report), italic=True)
        self.para(self.doc, after=6)
        rows = list(appendix_rows(appendix))
        table = self.table(1 + len(rows), _APPENDIX_COLUMNS_MM, style="Table Grid")
        centre, left, right = self.align.CENTER, self.align.LEFT, self.align.RIGHT
        aligns = (centre, left, centre, right, left)
        for cell, name in zip(table.rows[0].cells, COLUMNS, strict=True):
            self.para(self.clear(cell), name, size=_TABLE_PT, bold=True)
        header_row = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_row.append(repeat)
        for table_row, (row, cells) in zip(table.rows[1:], rows, strict=True):
            bold = is_group_row(row)
            for cell, text, align in zip(table_row.cells, cells, aligns, strict=True):
                self.para(self.clear(cell), text, size=_TABLE_PT, bold=bold, align=align)
            self.keep_row(table_row)

    def properties(self, report: Report | None, appendix: Appendix | None) -> None:
        properties = self.doc.core_properties
        if report is not None:
            header = report.header
            properties.title = " ".join(
                t for t in (header.title, header.subtitle) if t.strip()
            )
            properties.author = " ".join(header.agency.split())
            properties.last_modified_by = properties.author
        elif appendix is not None:
            properties.title = " ".join(appendix.title.split())
        properties.language = "vi-VN"
        properties.comments = ""
        # The template's own dates (2013) are not this document's: use the date of issue
        # (its first day when a draft leaves the day blank), or none. Never the clock, so
        # the same report gives the same bytes.
        issued = _issued(report)
        element = properties._element  # python-docx has no public way to drop a date
        if issued is None:
            element._remove_created()
            element._remove_modified()
        else:
            properties.created = issued
            properties.modified = issued

    def save(self) -> bytes:
        # The template's thumbnail shows python-docx's own page, not this document.
        package = self.doc.part.package
        for key, relationship in list(package.rels.items()):
            if relationship.reltype.endswith("/thumbnail"):
                del package.rels[key]
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _normalised(buffer.getvalue())


def _issued(report: Report | None) -> dt.datetime | None:
    """When the document was issued, as core properties take it (midnight, UTC)."""
    if report is None or report.header.date is None:
        return None
    written = report.header.date
    day = dt.date(written.year, written.month or 1, written.day or 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _normalised(package: bytes) -> bytes:
    """The same package with fixed member times, so equal documents are equal bytes."""
    import zipfile  # noqa: PLC0415 - only when a document is written

    source = zipfile.ZipFile(io.BytesIO(package))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info))
    return output.getvalue()


def render_docx(
    document: Report | Appendix, *, path: str | os.PathLike[str] | None = None
) -> bytes:
    """A report (or an appendix alone) as a Word document in the Nghị định 30 layout.

    Returns the ``.docx`` bytes and, with *path*, also writes them there. The same report
    gives the same bytes. A draft keeps its blanks: ``Số:    /BC-SLĐTBXH``,
    ``Ninh Thuận, ngày    tháng 11 năm 2023``. Needs the ``docx`` extra
    (``pip install 'cchc-model[docx]'``); without it, an :class:`~cchc_model.InputError`.

    .. versionadded:: 0.1.0
    """
    if not isinstance(document, Report | Appendix):
        raise TypeError(
            f"render_docx() takes a Report or an Appendix, not {type(document).__name__}"
        )
    check_writable(document)
    writer = _Writer()
    if isinstance(document, Report):
        writer.head(document)
        writer.body(document)
        writer.foot(document)
        if document.appendix is not None:
            writer.appendix(document.appendix, page_break=True, report=document)
        writer.properties(document, document.appendix)
    else:
        writer.appendix(document, page_break=False)
        writer.properties(None, document)
    data = writer.save()
    if path is not None:
        try:
            Path(path).write_bytes(data)
        except OSError as error:
            raise InputError(
                f"không ghi được tệp (cannot write) {os.fspath(path)!r}: {error.strerror}"
            ) from None
    return data
