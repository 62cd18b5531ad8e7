"""The report as one self-contained HTML page (inline CSS), and the notebook views.

Every text of the model is escaped. Findings, when given, are shown where they belong: on the
appendix rows of their codes, on the paragraph of their path (the cited document or the stated
figure marked inside it), and the rest in a list above the document.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from cchc_model._model.appendix import Appendix
from cchc_model._model.limits import check_writable
from cchc_model._model.report import Paragraph, ParagraphKind, Report
from cchc_model._render._common import (
    COLUMNS,
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    Marks,
    appendix_rows,
    appendix_title_lines,
    attachment_line,
    body,
    date_line,
    has_own_marker,
    is_group_row,
    number_line,
    recipient_lines,
    worst,
)
from cchc_model._rules.engine import Finding, Severity, ValidationReport

__all__ = ["render_html"]

_CSS = """
.cchc-doc{font-family:"Times New Roman",Times,"Liberation Serif",serif;font-size:14pt;
 line-height:1.35;color:#111;background:#fff;max-width:165mm;margin:0 auto;
 padding:20mm 15mm 20mm 30mm;box-sizing:content-box}
.cchc-doc.cchc-inline{padding:12pt;max-width:none}
.cchc-doc p{margin:0 0 6pt}
.cchc-doc table{border-collapse:collapse}
.cchc-head,.cchc-foot{width:100%;margin-bottom:12pt}
.cchc-head td,.cchc-foot td{vertical-align:top;padding:0 4pt;text-align:center}
.cchc-head td.cchc-left{width:40%;font-size:13pt}
.cchc-head td.cchc-right{width:60%;font-size:13pt}
.cchc-national{font-weight:bold;font-size:12.5pt;white-space:nowrap}
.cchc-motto{font-weight:bold;font-size:13.5pt;display:inline-block;
 border-bottom:1px solid #111;padding-bottom:1pt}
.cchc-agency{font-weight:bold}
.cchc-line{width:25mm;margin:3pt auto 0;border-top:1px solid #111}
.cchc-number{font-size:13pt;white-space:pre-wrap;margin-top:6pt}
.cchc-date{font-style:italic;white-space:pre-wrap;margin-top:6pt}
.cchc-title{font-size:14pt;font-weight:bold;text-align:center;margin:18pt 0 0}
.cchc-subtitle{font-weight:bold;text-align:center;margin:0 0 18pt}
.cchc-doc p.cchc-body,.cchc-doc .cchc-h{text-align:justify;text-indent:1.27cm}
.cchc-doc .cchc-h{font-size:14pt;font-weight:bold;margin:6pt 0}
.cchc-doc .cchc-h4{font-style:italic}
.cchc-doc .cchc-h5,.cchc-doc .cchc-h6{font-weight:normal;font-style:italic}
.cchc-foot td.cchc-recipients{width:50%;text-align:left}
.cchc-foot td.cchc-signature{width:50%;font-weight:bold}
.cchc-recipients p{margin:0}
.cchc-recipients .cchc-label{font-weight:bold;font-style:italic;font-size:12pt}
.cchc-recipients .cchc-recipient{font-size:11pt}
.cchc-signer{margin-top:60pt}
.cchc-appendix{margin-top:36pt;break-before:page}
.cchc-appendix-title{font-weight:bold;text-align:center;margin:0}
.cchc-appendix-attachment{font-style:italic;text-align:center;margin:0}
.cchc-table{width:100%;font-size:12pt;margin-top:12pt;table-layout:fixed}
.cchc-table th,.cchc-table td{border:1px solid #444;padding:2pt 4pt;vertical-align:top}
.cchc-table th{text-align:center}
.cchc-table td.cchc-c{text-align:center}
.cchc-table td.cchc-v{text-align:right;overflow-wrap:anywhere}
.cchc-table tr.cchc-group td{font-weight:bold}
.cchc-error{background:#fde2e1}
.cchc-warning{background:#fff3cd}
.cchc-info{background:#e7f0fd}
.cchc-doc mark{color:inherit;padding:0 1pt;border-bottom:2px solid}
.cchc-doc mark.cchc-error{background:#f6b3ad;border-color:#c0392b}
.cchc-doc mark.cchc-warning{background:#fbe08a;border-color:#d4a017}
.cchc-doc mark.cchc-info{background:#bcd3f7;border-color:#2f6fdb}
.cchc-notes{margin:0 0 8pt 1.27cm;padding:0;list-style:none;font-family:sans-serif;
 font-size:10pt;text-indent:0}
.cchc-notes li,.cchc-findings li{margin:1pt 0;padding:1pt 4pt;border-left:3pt solid #999}
.cchc-notes li.cchc-error,.cchc-findings li.cchc-error{border-color:#c0392b}
.cchc-notes li.cchc-warning,.cchc-findings li.cchc-warning{border-color:#d4a017}
.cchc-notes li.cchc-info,.cchc-findings li.cchc-info{border-color:#2f6fdb}
.cchc-findings{font-family:sans-serif;font-size:10pt;margin:0 0 12pt;padding:6pt;
 border:1px solid #ccc}
.cchc-findings ul{list-style:none;margin:4pt 0 0;padding:0}
.cchc-rule{font-family:monospace;font-size:9pt;color:#555}
.cchc-table td.cchc-check{font-family:sans-serif;font-size:9pt}
.cchc-validation{font-family:sans-serif;font-size:10pt;border-collapse:collapse}
.cchc-validation th,.cchc-validation td{border:1px solid #ccc;padding:2pt 6pt;text-align:left;
 vertical-align:top}
"""

_PAGE_CSS = "body{margin:0;background:#e8e8e8}@media print{body{background:#fff}}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _p(text: str, cls: str) -> str:
    return f'<p class="{cls}">{_e(text)}</p>' if text.strip() else ""


def _finding_item(finding: Finding) -> str:
    codes = f" [{_e(', '.join(finding.codes))}]" if finding.codes else ""
    return (
        f'<li class="cchc-{finding.severity.value}" title="{_e(finding.message_en)}">'
        f'<span class="cchc-rule">{_e(finding.rule)}{codes}</span> {_e(finding.message)}</li>'
    )


def _notes(findings: Iterable[Finding]) -> str:
    return '<ul class="cchc-notes">' + "".join(map(_finding_item, findings)) + "</ul>"


def _summary(findings: Iterable[Finding], unplaced: list[Finding]) -> str:
    result = ValidationReport(tuple(findings))
    counts = result.counts
    verdict = "ĐẠT (ok)" if result.ok else "KHÔNG ĐẠT (failed)"
    text = (
        f"<strong>{verdict}</strong>: {counts[Severity.ERROR]} lỗi, "
        f"{counts[Severity.WARNING]} cảnh báo, {counts[Severity.INFO]} thông tin"
    )
    items = "".join(map(_finding_item, unplaced))
    return f'<div class="cchc-findings">{text}' + (f"<ul>{items}</ul>" if items else "") + "</div>"


def _marked_text(paragraph: Paragraph, path: str, marks: Marks) -> str:
    """The paragraph's text, the cited documents and figures that findings concern marked."""
    text = paragraph.text
    spans: list[tuple[int, int, Severity]] = []
    for (where, part, index), found in marks.parts.items():
        if where != path:
            continue
        if part == "references" and index < len(paragraph.references):
            ref = paragraph.references[index]
            spans.append((ref.start, ref.end, worst(found)))
        elif part == "facts" and index < len(paragraph.facts):
            start = text.find(paragraph.facts[index].text) if paragraph.facts[index].text else -1
            if start >= 0:
                spans.append((start, start + len(paragraph.facts[index].text), worst(found)))
    out, at = [], 0
    for start, end, severity in sorted(spans):
        if start < at or end > len(text):
            continue
        out += [_e(text[at:start]), f'<mark class="cchc-{severity.value}">',
                _e(text[start:end]), "</mark>"]
        at = end
    out.append(_e(text[at:]))
    marker = "" if has_own_marker(paragraph) else paragraph.kind.marker
    return (f"{marker} " if marker else "") + "".join(out)


def _head(report: Report) -> str:
    header = report.header
    left = []
    if header.parent_agency.strip():
        left.append(f"<div>{_e(header.parent_agency)}</div>")
    if header.agency.strip():
        left.append(f'<div class="cchc-agency">{_e(header.agency)}</div>'
                    '<div class="cchc-line"></div>')
    right = [
        f'<div class="cchc-national">{_e(NATIONAL_NAME)}</div>',
        f'<div><span class="cchc-motto">{_e(MOTTO)}</span></div>',
    ]
    cells = (f'<td class="cchc-left">{"".join(left)}</td>',
             f'<td class="cchc-right">{"".join(right)}</td>')
    rows = [f"<tr>{''.join(cells)}</tr>"]
    number, dated = number_line(header), date_line(header)
    if number or dated.strip():
        rows.append(f'<tr><td class="cchc-left"><div class="cchc-number">{_e(number)}</div></td>'
                    f'<td class="cchc-right"><div class="cchc-date">{_e(dated)}</div></td></tr>')
    parts = [f'<table class="cchc-head">{"".join(rows)}</table>']
    if header.title.strip():
        parts.append(f'<h1 class="cchc-title">{_e(header.title)}</h1>')
    parts.append(_p(header.subtitle, "cchc-subtitle"))
    return "".join(parts)


def _body(report: Report, marks: Marks) -> str:
    parts = []
    for block in body(report):
        if block.level:
            level = min(block.level + 1, 6)
            parts.append(f'<h{level} class="cchc-h cchc-h{level}">{_e(block.text)}</h{level}>')
            continue
        assert block.paragraph is not None  # noqa: S101 - body() pairs paragraphs with blocks
        found = marks.paragraphs.get(block.path, [])
        cls = "cchc-body"
        if block.paragraph.kind is not ParagraphKind.PLAIN:
            cls += f" cchc-{block.paragraph.kind.value.replace('_', '-')}"
        if found:
            cls += f" cchc-{worst(found).value}"
        parts.append(f'<p class="{cls}" data-path="{_e(block.path)}">'
                     f"{_marked_text(block.paragraph, block.path, marks)}</p>")
        if found:
            parts.append(_notes(found))
    return "".join(parts)


def _foot(report: Report) -> str:
    recipients = recipient_lines(report)
    left = ""
    if recipients:
        left = f'<p class="cchc-label">{_e(RECIPIENTS_LABEL)}</p>' + "".join(
            _p(line, "cchc-recipient") for line in recipients
        )
    right = ""
    if report.signature is not None:
        *titles, signer = report.signature.lines
        right = "".join(f"<div>{_e(title)}</div>" for title in titles)
        right += f'<div class="cchc-signer">{_e(signer)}</div>'
    if not (left or right):
        return ""
    return (f'<table class="cchc-foot"><tr><td class="cchc-recipients">{left}</td>'
            f'<td class="cchc-signature">{right}</td></tr></table>')


def _appendix(
    appendix: Appendix, marks: Marks, checked: bool, report: Report | None = None
) -> str:
    lines = appendix_title_lines(appendix.title)
    title = "".join(_p(line, "cchc-appendix-title") for line in lines)
    if report is not None:
        title += _p(attachment_line(report), "cchc-appendix-attachment")
    head = "".join(f'<th scope="col">{_e(name)}</th>' for name in COLUMNS)
    widths: tuple[int, ...] = (9, 45, 14, 12, 20)
    if checked:
        head += '<th scope="col">Kiểm tra</th>'
        widths = (7, 33, 11, 10, 14, 25)
    columns = "".join(f'<col style="width:{width}%">' for width in widths)
    rows = []
    for row, cells in appendix_rows(appendix):
        found = marks.rows.get(row.code, [])
        classes = [c for c in ("cchc-group" if is_group_row(row) else "",
                               f"cchc-{worst(found).value}" if found else "") if c]
        attributes = f' data-code="{_e(row.code)}"'
        if classes:
            attributes += f' class="{" ".join(classes)}"'
        stt, label, unit, value, note = map(_e, cells)
        tds = (f'<td class="cchc-c">{stt}</td><td>{label}</td><td class="cchc-c">{unit}</td>'
               f'<td class="cchc-v">{value}</td><td>{note}</td>')
        if checked:
            messages = "<br>".join(
                f"{_e(f.severity.label)}: {_e(f.message)}" for f in found
            )
            tds += f'<td class="cchc-check">{messages}</td>'
        rows.append(f"<tr{attributes}>{tds}</tr>")
    table = (f'<table class="cchc-table"><colgroup>{columns}</colgroup>'
             f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return f'<section class="cchc-appendix">{title}{table}</section>'


def _validation(result: ValidationReport) -> str:
    rows = "".join(
        f'<tr class="cchc-{f.severity.value}"><td>{_e(f.severity.label)}</td>'
        f'<td class="cchc-rule">{_e(f.rule)}</td><td class="cchc-rule">{_e(f.path)}</td>'
        f'<td>{_e(", ".join(f.codes))}</td><td>{_e(f.message)}</td></tr>'
        for f in result.findings
    )
    return (_summary(result.findings, [])
            + '<table class="cchc-validation"><thead><tr><th>Mức</th><th>Quy tắc</th>'
            f"<th>Vị trí</th><th>Chỉ tiêu</th><th>Nội dung</th></tr></thead><tbody>{rows}"
            "</tbody></table>")


def render_html(
    document: Report | Appendix | ValidationReport,
    *,
    findings: ValidationReport | Iterable[Finding] | None = None,
    standalone: bool = True,
) -> str:
    """A report, an appendix or a validation result as HTML.

    The report is laid out as the printed form: the two-column head (agency and number on the
    left, the national motto and the place-and-date line on the right), title, body, the
    recipients beside the signature, and the appendix table in the official columns. With
    *findings* (a :class:`~cchc_model.ValidationReport` or findings), each appendix row whose
    codes a finding concerns is highlighted with its messages in an extra column, each
    paragraph a finding's path points into is highlighted with the cited document or figure
    marked, and the counts and the findings placed nowhere else are listed above.

    *standalone* gives a whole page (``<!DOCTYPE html>``, inline CSS); otherwise a ``<div>``
    with its own ``<style>``, as a notebook shows it. All text is escaped.

    .. versionadded:: 0.1.0

    >>> from cchc_model import Header, Paragraph, Report
    >>> page = render_html(Report(Header("SỞ <X>"), introduction=(Paragraph("a & b"),)))
    >>> page.startswith("<!DOCTYPE html>"), "SỞ &lt;X&gt;" in page, "a &amp; b" in page
    (True, True, True)
    """
    if findings is not None:
        findings = _all(findings)
    if isinstance(document, Report | Appendix):
        check_writable(document)
    if isinstance(document, ValidationReport):
        if findings is not None:
            raise TypeError("render_html() takes findings for a Report or an Appendix only")
        content, title = _validation(document), "Kết quả kiểm tra"
    elif isinstance(document, Report):
        paths = [block.path for block in body(document) if block.paragraph is not None]
        codes = [] if document.appendix is None else [
            row.code for row, _ in appendix_rows(document.appendix)
        ]
        marks = Marks.place(findings, codes=codes, paths=paths)
        content = _head(document) + _body(document, marks) + _foot(document)
        if document.appendix is not None:
            content += _appendix(document.appendix, marks, findings is not None, document)
        if findings is not None:
            content = _summary(_all(findings), marks.unplaced) + content
        header = document.header
        title = " ".join(t for t in (header.title, header.subtitle) if t.strip()) or "Báo cáo"
    elif isinstance(document, Appendix):
        marks = Marks.place(findings, codes=[row.code for row, _ in appendix_rows(document)])
        content = _appendix(document, marks, findings is not None)
        if findings is not None:
            content = _summary(_all(findings), marks.unplaced) + content
        title = " ".join(document.title.split()) or "Phụ lục"
    else:
        raise TypeError(
            "render_html() takes a Report, an Appendix or a ValidationReport, "
            f"not {type(document).__name__}"
        )
    if not standalone:
        return f'<style>{_CSS}</style><div class="cchc-doc cchc-inline">{content}</div>'
    fragment = f'<div class="cchc-doc">{content}</div>'
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_PAGE_CSS}{_CSS}</style>\n</head>\n"
        f"<body>\n{fragment}\n</body>\n</html>\n"
    )


def _all(findings: ValidationReport | Iterable[Finding]) -> tuple[Finding, ...]:
    return findings.findings if isinstance(findings, ValidationReport) else tuple(findings)
