"""The report as Markdown (CommonMark): head, body, recipients, signature and the appendix."""

from __future__ import annotations

import re

from cchc_model._io.tables import write_appendix
from cchc_model._model.appendix import Appendix
from cchc_model._model.limits import check_writable
from cchc_model._model.report import ParagraphKind, Report
from cchc_model._render._common import (
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    body,
    bullet_body,
    date_line,
    number_line,
    recipient_lines,
)

__all__ = ["render_markdown"]

# What would make a line of prose into a heading, quote, list item, rule or table row.
_LINE_START = re.compile(r"^(\s*)(#|>|[-+*](?=[\s-]|$)|=+\s*$|\|)")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
_INLINE = re.compile(r"([\\`*_\[\]<|])")
_BREAKS = re.compile(r"[\n\r\t\f\v\x1c-\x1e\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    """Each line break or tab, with the white space around it, as one space.

    Split at the breaks and trim the pieces: a pattern of spaces, a break and spaces would
    rescan a long run of spaces from each of its characters.
    """
    if _BREAKS.search(text) is None:
        return text
    return " ".join(piece for piece in (p.strip() for p in _BREAKS.split(text)) if piece)


def _escape(text: str, *, line_start: bool = True) -> str:
    """Text as Markdown that shows it literally, on one line; runs of spaces kept (blanks)."""
    text = _INLINE.sub(r"\\\1", _one_line(text).strip())
    if not line_start:
        return text
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text))


def _lines(*texts: str, strong: bool = False) -> str:
    """Lines joined by hard breaks (a backslash at the end of the line)."""
    shown = [_escape(t) for t in texts if t.strip()]
    if strong:
        shown = [f"**{t}**" for t in shown]
    return "\\\n".join(shown)


def _report(report: Report) -> str:
    header = report.header
    agency = [_escape(header.parent_agency)] if header.parent_agency.strip() else []
    if header.agency.strip():
        agency.append(f"**{_escape(header.agency)}**")
    blocks = ["\\\n".join(agency)]
    if number_line(header):
        blocks.append(_escape(number_line(header)))
    motto = _lines(NATIONAL_NAME, MOTTO, strong=True)
    if date_line(header).strip():
        motto += f"\\\n*{_escape(date_line(header))}*"
    blocks.append(motto)
    if header.title.strip():
        blocks.append(f"# {_escape(header.title, line_start=False)}")
    if header.subtitle.strip():
        blocks.append(f"**{_escape(header.subtitle)}**")
    for block in body(report):
        if block.level:
            marks = "#" * min(block.level + 1, 6)
            blocks.append(f"{marks} {_escape(block.text, line_start=False)}")
        elif block.paragraph is not None and block.paragraph.kind is ParagraphKind.BULLET:
            blocks.append("- " + _escape(bullet_body(block.paragraph)))
        elif block.paragraph is not None and block.paragraph.kind is ParagraphKind.SUB_BULLET:
            blocks.append("  + " + _escape(bullet_body(block.paragraph)))
        else:
            blocks.append(_escape(block.text))
    recipients = recipient_lines(report)
    if recipients:
        blocks.append(f"***{RECIPIENTS_LABEL}***")
        blocks.append("\n".join("- " + _escape(line[2:]) for line in recipients))
    if report.signature is not None:
        *titles, signer = report.signature.lines
        if titles:
            blocks.append(_lines(*titles, strong=True))
        blocks.append(_lines(signer, strong=True))
    if report.appendix is not None:
        blocks += ["---", write_appendix(report.appendix, "markdown").rstrip("\n")]
    return "\n\n".join(block for block in blocks if block) + "\n"


def render_markdown(document: Report | Appendix) -> str:
    r"""A report (or an appendix alone) as Markdown.

    The head keeps the lines of the printed form (agency, ``Số:``, the national motto, the
    place-and-date line, blank fields of a draft included); sections are headings
    (``## I. …``, ``### 1. …``); ``-`` and ``+`` paragraphs are list items; the appendix is
    the table of :func:`~cchc_model.write_appendix`, in the official columns. Prose is escaped
    so that it shows as written.

    .. versionadded:: 0.1.0

    >>> from cchc_model import Header, Paragraph, Report, Section, Signature
    >>> report = Report(
    ...     Header("SỞ NỘI VỤ", "UBND TỈNH X", number=5, symbol="BC-SNV"),
    ...     sections=(Section("I", "KẾT QUẢ", (Paragraph("Đạt 33,37%."),)),),
    ...     signature=Signature("Nguyễn Văn A", ("GIÁM ĐỐC",)),
    ... )
    >>> print(render_markdown(report), end="")
    UBND TỈNH X\
    **SỞ NỘI VỤ**
    <BLANKLINE>
    Số: 05/BC-SNV
    <BLANKLINE>
    **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\
    **Độc lập - Tự do - Hạnh phúc**
    <BLANKLINE>
    ## I. KẾT QUẢ
    <BLANKLINE>
    Đạt 33,37%.
    <BLANKLINE>
    **GIÁM ĐỐC**
    <BLANKLINE>
    **Nguyễn Văn A**
    """
    if isinstance(document, Report | Appendix):
        check_writable(document)
    if isinstance(document, Report):
        return _report(document)
    if isinstance(document, Appendix):
        return write_appendix(document, "markdown")
    raise TypeError(
        f"render_markdown() takes a Report or an Appendix, not {type(document).__name__}"
    )
