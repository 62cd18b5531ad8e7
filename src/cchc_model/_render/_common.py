"""What every output form shares.

The lines of the document head and foot, the walk through the sections with the JSON path of
each paragraph, the appendix rows with their codes, and findings placed where they belong.

The texts follow Nghị định 30/2020/NĐ-CP, Phụ lục I.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from cchc_model._base.dates import BLANK_DATE_FIELD, format_date, format_date_line
from cchc_model._io.tables import _ordered, _table_rows
from cchc_model._model.appendix import Appendix
from cchc_model._model.indicators import IndicatorValue
from cchc_model._model.report import Header, Paragraph, Report, Section
from cchc_model._rules.engine import Finding, Severity, ValidationReport

#: Quốc hiệu and tiêu ngữ, printed at the top right.
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"
COLUMNS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")


def number_line(header: Header) -> str:
    """``Số: 05/BC-SLĐTBXH``; a draft keeps the blank: ``Số:    /BC-SLĐTBXH``.

    Empty when the header has neither number nor symbol.
    """
    if header.number is None and not header.symbol:
        return ""
    if header.number is None:
        return f"Số:{BLANK_DATE_FIELD}{header.number_symbol}"
    return f"Số: {header.number_symbol}"


def date_line(header: Header) -> str:
    """The place-and-date line, blank fields kept; the place alone when there is no date."""
    if header.date is None:
        return header.place
    return format_date_line(header.place, header.date)


def heading_text(section: Section) -> str:
    """``I. CÔNG TÁC CHỈ ĐẠO…`` — the number with its dot, then the heading."""
    return f"{section.number}. {section.heading}" if section.number else section.heading


def has_own_marker(paragraph: Paragraph) -> bool:
    """Whether a bullet's text already starts with its mark (``"- Ban hành …"``)."""
    marker = paragraph.kind.marker
    return bool(marker) and paragraph.text.lstrip().startswith(f"{marker} ")


def bullet_body(paragraph: Paragraph) -> str:
    """A bullet's text without the mark it may already start with."""
    if has_own_marker(paragraph):
        return paragraph.text.lstrip()[2:].lstrip()
    return paragraph.text


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph as printed: a bullet's mark before its text, written once."""
    marker = paragraph.kind.marker
    return f"{marker} {bullet_body(paragraph)}" if marker else paragraph.text


def recipient_lines(report: Report) -> list[str]:
    """``- Sở Nội vụ (tổng hợp);`` … ``- Lưu: VT, VPS.``: each line ``;``, the last ``.``."""
    lines = []
    for recipient in report.recipients:
        name = recipient.name.strip().rstrip(";.")
        note = recipient.note.strip()
        lines.append(f"- {name} ({note})" if note else f"- {name}")
    if report.archive:
        lines.append("- Lưu: " + ", ".join(report.archive))
    return [line + ("." if i == len(lines) - 1 else ";") for i, line in enumerate(lines)]


def attachment_line(report: Report) -> str:
    """``(Kèm theo Báo cáo số 412/BC-SYT ngày 18/9/2025 của SỞ Y TẾ)`` under the appendix title.

    A draft keeps its blanks (``số    /BC-SLĐTBXH``, ``ngày    /11/2023``); a part the header
    lacks is left out.
    """
    header = report.header
    parts = [f"Kèm theo {header.doc_type.label}"]
    if header.symbol.strip() or header.number is not None:
        number = "   " if header.number is None else f"{header.number:02d}"
        parts.append(f"số {number}/{header.symbol.strip()}")
    written = header.date
    if written is not None:
        complete = written.as_date()
        if complete is not None:
            parts.append(f"ngày {format_date(complete)}")
        else:
            month = "   " if written.month is None else str(written.month)
            parts.append(f"ngày    /{month}/{written.year}")
    if header.agency.strip():
        parts.append(f"của {' '.join(header.agency.split())}")
    return "(" + " ".join(parts) + ")"


def appendix_title_lines(title: str) -> list[str]:
    """The appendix title, ``PHỤ LỤC`` on a line of its own as the form prints it."""
    title = " ".join(title.split())
    if not title:
        return []
    if title.upper().startswith("PHỤ LỤC "):
        return [title[:7], title[8:]]
    return [title]


@attrs.frozen
class Block:
    """One thing of the body in document order: a heading or a paragraph, with its path."""

    level: int  # 0 for a paragraph, 1 for a top-level section heading, 2 below it, …
    text: str
    path: str
    paragraph: Paragraph | None = None


def body(report: Report) -> Iterator[Block]:
    """The body from the legal basis to the closing, each paragraph with its JSON path.

    The paths are those of :meth:`Report.paragraphs`; headings carry their section's path.
    """
    if report.header.legal_basis is not None:
        basis = report.header.legal_basis
        yield Block(0, paragraph_text(basis), "$.header.legal_basis", basis)
    for i, paragraph in enumerate(report.introduction):
        yield Block(0, paragraph_text(paragraph), f"$.introduction[{i}]", paragraph)
    for i, section in enumerate(report.sections):
        yield from _section(section, f"$.sections[{i}]", 1)
    for i, paragraph in enumerate(report.closing):
        yield Block(0, paragraph_text(paragraph), f"$.closing[{i}]", paragraph)


def _section(section: Section, path: str, level: int) -> Iterator[Block]:
    yield Block(level, heading_text(section), path)
    for i, paragraph in enumerate(section.paragraphs):
        yield Block(0, paragraph_text(paragraph), f"{path}.paragraphs[{i}]", paragraph)
    for i, sub in enumerate(section.subsections):
        yield from _section(sub, f"{path}.subsections[{i}]", level + 1)


def appendix_rows(appendix: Appendix) -> Iterator[tuple[IndicatorValue, tuple[str, ...]]]:
    """Each row in document order with its five cells as :func:`write_appendix` writes them."""
    return zip(_ordered(appendix), _table_rows(appendix), strict=True)


def is_group_row(row: IndicatorValue) -> bool:
    """A top-level group row (``1.`` … ``7.``), printed bold as in the form."""
    return row.code.isdigit()


# --- findings -----------------------------------------------------------------------------

_ROW_PATH = re.compile(r'^\$(?:\.appendix)?\["([^"]+)"\]')
_PART = re.compile(r"^\.(references|facts)\[(\d+)\]")
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def worst(findings: Iterable[Finding]) -> Severity:
    """The most severe of *findings* (which must not be empty)."""
    return min((f.severity for f in findings), key=_RANK.__getitem__)


@attrs.define
class Marks:
    """Findings placed where they belong: on appendix rows, on paragraphs, or nowhere."""

    rows: dict[str, list[Finding]] = attrs.Factory(dict)
    paragraphs: dict[str, list[Finding]] = attrs.Factory(dict)
    #: Within a paragraph: (path, "references" | "facts", index) → findings.
    parts: dict[tuple[str, str, int], list[Finding]] = attrs.Factory(dict)
    unplaced: list[Finding] = attrs.Factory(list)

    @classmethod
    def place(
        cls,
        findings: ValidationReport | Iterable[Finding] | None,
        *,
        codes: Iterable[str] = (),
        paths: Iterable[str] = (),
    ) -> Marks:
        """Put each finding on the rows of its codes (or its path) and on its paragraph."""
        marks = cls()
        if findings is None:
            return marks
        if isinstance(findings, ValidationReport):
            findings = findings.findings
        row_codes = set(codes)
        paragraph_paths = sorted(paths, key=len, reverse=True)
        for finding in findings:
            if not isinstance(finding, Finding):
                raise TypeError(f"findings must be Finding objects, not {type(finding).__name__}")
            placed = False
            targets = [code for code in finding.codes if code in row_codes]
            match = _ROW_PATH.match(finding.path)
            if match and match.group(1) in row_codes and match.group(1) not in targets:
                targets.append(match.group(1))
            for code in targets:
                marks.rows.setdefault(code, []).append(finding)
                placed = True
            for path in paragraph_paths:
                rest = finding.path[len(path):]
                if finding.path.startswith(path) and (not rest or rest[0] in ".["):
                    marks.paragraphs.setdefault(path, []).append(finding)
                    part = _PART.match(rest)
                    if part:
                        key = (path, part.group(1), int(part.group(2)))
                        marks.parts.setdefault(key, []).append(finding)
                    placed = True
                    break
            if not placed:
                marks.unplaced.append(finding)
        return marks
