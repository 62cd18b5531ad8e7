"""Reading a whole report from its text form: Markdown, or the text a Word file converts to.

The layout read is the one reports are kept in as text (``tests/data/reference_report.txt``)
and the one :func:`~cchc_model.render_markdown` writes:

* the head: the agency lines (parent agency first), ``Số: 215/BC-STP``, the national name and
  motto, the place-and-date line (which a conversion may split over two lines);
* the title (``# BÁO CÁO`` or ``## BÁO CÁO``) and the subtitle (a heading or a bold line);
* the body: the legal basis ("Thực hiện …", "Căn cứ …"), the introduction, the numbered
  sections and the closing ("Trên đây là báo cáo …"). A section heading is a Markdown heading,
  a bold run at the start of a paragraph (``**4. Về …:** Thực hiện …``) or a plain numbered line
  whose heading ends at its colon (``3. Về kiểm tra …: Đã ban hành …``). Nesting follows the
  numbering: the first numbering style met (``I.``) is the top level, the next (``1.``) the
  level below, and so on, whatever the number of ``#`` marks says;
* a page break is a blank line inside a paragraph: a block that does not end a sentence is
  joined with the next one;
* the foot: "Nơi nhận:" with its ``-`` lines and the ``Lưu:`` line, the signature block
  (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC`` / the signer) in either order;
* the statistics appendix, a TSV or Markdown table, read by :func:`~cchc_model.read_appendix`.

Nothing is dropped: a line of the head or foot the reader cannot place goes to the
introduction or the closing, in document order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

import attrs

from cchc_model._base.dates import DocumentDate
from cchc_model._base.errors import AppendixOnlyError, CchcError, NotAReportError
from cchc_model._base.periods import period_in_text
from cchc_model._io.tables import appendix_of_lines
from cchc_model._model.appendix import Appendix
from cchc_model._model.fact_grammar import facts_of
from cchc_model._model.report import (
    Header,
    Paragraph,
    ParagraphKind,
    Recipient,
    Report,
    Section,
    Signature,
    SigningAuthority,
)
from cchc_model._values.references import (
    DocumentType,
    extract_references,
    references_in_nfc,
)

__all__ = ["read_text_report"]


_NATIONAL = ("cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam",
             "độc lập - tự do - hạnh phúc", "độc lập – tự do – hạnh phúc")
_NUMBER_LINE = re.compile(
    r"^Số\s{0,3}:?\s{0,8}(?P<number>[0-9]{0,6})\s{0,8}/\s{0,3}(?P<symbol>\S{1,60})$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^(?P<place>[^,\n]{1,80}),\s{0,3}ngày\s{0,8}(?P<day>[0-9]{1,2})?\s{0,8}tháng\s{0,8}"
    r"(?P<month>[0-9]{1,2})?\s{0,8}năm\s{0,3}(?P<year>[0-9]{4})\s{0,3}$",
    re.IGNORECASE,
)
_DATE_START = re.compile(r",\s{0,3}ngày(?:\s{1,8}[0-9]{1,2})?(?:\s{1,8}tháng)?\s{0,8}$",
                         re.IGNORECASE)
_HEADING_NUMBER = re.compile(
    r"^(?P<number>[IVXLC]{1,7}|[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}|[a-zđ])[.)]\s{1,3}(?P<title>\S.*)$"
)
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(mailto:[^)\n]{1,300}\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]{1,300})>")
_HASHES = re.compile(r"^#{1,6}\s{0,3}")
_ROMAN = re.compile(r"[IVXLC]{1,7}")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ITEM_STARTS = ("- ", "+ ", "#")
_SENTENCE_END = (".", ";", ":", "!", "?", ")", "”", '"', "…")
_BASIS_STARTS = ("thực hiện ", "căn cứ ", "thi hành ", "theo ", "triển khai ")
_CLOSING_START = "trên đây"
_AUTHORITIES = {a.value: a for a in SigningAuthority}
_TITLES = {
    "BÁO CÁO": DocumentType.REPORT,
}
def _unescape(text: str) -> str:
    """Markdown's backslash escapes undone, after the markup of a conversion is taken out."""
    if "\\" not in text:
        return _unmark(text)
    out: list[str] = []
    last = 0
    for match in _ESCAPE.finditer(text):
        out.append(_unmark(text[last:match.start()]))
        out.append(match.group(1))
        last = match.end()
    out.append(_unmark(text[last:]))
    return "".join(out)


def _unmark(text: str) -> str:
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    return text.replace("***", "")


def _strip_bold(text: str) -> str:
    """``**X**`` (and ``*X*``) as ``X``; other text unchanged."""
    stripped = text.strip()
    for mark in ("***", "**", "*"):
        if stripped.startswith(mark) and stripped.endswith(mark) and len(stripped) > 2 * len(
            mark
        ) and not stripped.endswith("\\" + mark):
            return stripped[len(mark):-len(mark)].strip()
    return stripped


def _plain(text: str) -> str:
    """A line of the head or foot as plain text: no heading marks, bold, hard breaks."""
    text = _unhash(text.strip())
    text = _strip_bold(text.rstrip("\\").strip())
    text = text.replace("**", "") if "\\*" not in text else text
    return _unescape(text).strip()


def _unhash(text: str) -> str:
    """*text* without the ``#`` marks of a Markdown heading (and the spaces after them)."""
    return _HASHES.sub("", text, count=1) if text.startswith("#") else text


def _key(text: str) -> str:
    """*text* lower-cased with single spaces (the text is NFC already)."""
    return " ".join(text.lower().split())


@attrs.define
class _Block:
    """A run of non-blank lines (a Markdown block), with the number of its first line."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def hard_lines(self) -> list[str]:
        """Its lines, a hard break (a backslash at the end) taken off."""
        out: list[str] = []
        for line in self.lines:
            stripped = line.rstrip()
            if stripped.endswith("\\") and not stripped.endswith("\\\\"):
                stripped = stripped[:-1]
            out.append(stripped.strip())
        return [line for line in out if line]


def _blocks(lines: Sequence[str], offset: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(lines, start=offset):
        if not line.strip():
            current = None
            continue
        if current is None:
            current = _Block(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        return True
    return line.count("\t") >= 2


def _appendix_start(lines: Sequence[str]) -> int | None:
    """The line where the appendix begins (its title, or ``---`` before it), or ``None``."""
    # A table line has a tab or a "|": most lines are let go on that test alone.
    first = next(
        (i for i, line in enumerate(lines)
         if ("\t" in line or "|" in line) and _is_table_line(line)),
        None,
    )
    if first is None:
        return None
    at = first
    while at and not lines[at - 1].strip():
        at -= 1
    begin = at
    while begin and lines[begin - 1].strip() and not _is_table_line(lines[begin - 1]):
        begin -= 1
    title = _key(_plain(lines[begin])) if begin < at else ""
    if title.startswith(("phụ lục", "biểu", "bảng")):
        at = begin
    while at and not lines[at - 1].strip():
        at -= 1
    if at and lines[at - 1].strip() in ("---", "***", "___"):
        at -= 1
    return at


#: What a plain line's heading starts with: its number, in Roman or Arabic figures.
_PLAIN_NUMBER_FIRST = frozenset("IVXLC0123456789")

_HeadingParts = tuple[str, str, str]


def _heading(block_text: str) -> _HeadingParts | None:
    """``(number, heading, rest)`` when the block starts with a numbered heading."""
    text = block_text.strip()
    if "\n" in text:
        return None
    rest: str | None
    first = text[:1]
    close = text.find("**", 2) if first == "*" and text.startswith("**") else -1
    if first == "#":
        head, rest = _unhash(text), ""
        head = _strip_bold(head)
    elif close >= 0 and not text.startswith("***"):
        head, rest = text[2:close], text[close + 2:]
        if not rest.strip():
            rest = ""
    elif first not in _PLAIN_NUMBER_FIRST:
        # Not a number (of a style a plain line's heading has): most paragraphs.
        return None
    else:
        head, rest = text, None
    if rest is None:
        # A plain numbered line is a heading only when a colon ends a short heading; an
        # escaped number (``1\\.``, as Markdown writers protect a paragraph) is not one.
        match = _HEADING_NUMBER.match(head)
        if match is None:
            return None
        number, title = match.group("number"), match.group("title")
        cut = title.find(": ")
        if cut < 0 or cut > 150 or (not number.isdigit() and not _is_roman(number)):
            return None
        return number, _unescape(title[:cut + 1]).strip(), _unescape(title[cut + 2:]).strip()
    head = _unescape(head.replace("**", "")).strip()
    match = _HEADING_NUMBER.match(head)
    if match is None:
        if text.startswith("#") and head:
            return "", head, ""
        return None
    return match.group("number"), match.group("title").strip(), _unescape(rest.strip())


def _is_roman(number: str) -> bool:
    return _ROMAN.fullmatch(number) is not None


def _style(number: str) -> str:
    if _is_roman(number):
        return "roman"
    if number.isdigit():
        return "arabic"
    if "." in number:
        return "dotted"
    return "letter"


def _paragraph(text: str) -> Paragraph:
    """The paragraph of a block's text, its kind and markup taken off.

    As :meth:`Paragraph.of` makes it, without the checks its parts pass by construction.
    """
    kind = ParagraphKind.PLAIN
    raw = text.strip()
    first = raw[:1]
    if first == "-" and (raw == "-" or raw.startswith("- ")):
        kind, raw = ParagraphKind.BULLET, raw[2:]
    elif first == "+" and (raw == "+" or raw.startswith("+ ")):
        kind, raw = ParagraphKind.SUB_BULLET, raw[2:]
    if raw[:1] == "#":
        raw = _unhash(raw)
    # A one-character test first: most paragraphs have neither a "*" nor a "]".
    markup = ("*" in raw and "***" in raw) or ("]" in raw and "](" in raw) or "<" in raw
    # Without markup or a backslash, _unescape leaves the text as it is.
    text = _unescape(raw).strip() if markup or "\\" in raw else raw.strip()
    # Taking markup out may bring a letter and a combining mark together: not NFC. Else the
    # text is a slice of the NFC text, or slices joined by a space or after a hyphen, and
    # backslashes taken from before ASCII punctuation: NFC still, and not checked again.
    references = extract_references(text) if markup else references_in_nfc(text)
    facts = [m.fact for m in facts_of(text, references)]
    return Paragraph._made(text, kind, tuple(references), tuple(facts))


def _join_page_breaks(blocks: Sequence[_Block]) -> list[tuple[str, _HeadingParts | None]]:
    """Each block as one text; a block that does not end a sentence runs on into the next.

    Each text comes with its :func:`_heading`, worked out once.
    """
    texts: list[str] = []
    headings: list[_HeadingParts | None] = []
    joinable = False
    for block in blocks:
        lines = block.lines
        text = lines[0].strip() if len(lines) == 1 else " ".join([line.strip() for line in lines])
        heading = _heading(text)
        if heading is None and joinable and not text.startswith(_ITEM_STARTS):
            last = texts[-1]
            last = last + ("" if last.endswith("-") else " ") + text
            texts[-1] = last
            heading = headings[-1] = _heading(last)
        else:
            texts.append(text)
            headings.append(heading)
            last = text
        # (A text ending in an escaped full stop, "\\.", ends a sentence too.)
        joinable = heading is None and not last.startswith("#") and not last.rstrip().endswith(
            _SENTENCE_END
        )
    return list(zip(texts, headings, strict=True))


@attrs.define
class _Open:
    number: str
    heading: str
    level: int
    paragraphs: list[Paragraph] = attrs.Factory(list)
    subsections: list[_Open] = attrs.Factory(list)

    def freeze(self) -> Section:
        return Section._made(self.number, self.heading, tuple(self.paragraphs),
                             tuple([s.freeze() for s in self.subsections]))


@attrs.define
class _Body:
    introduction: list[Paragraph] = attrs.Factory(list)
    sections: list[_Open] = attrs.Factory(list)
    closing: list[Paragraph] = attrs.Factory(list)
    styles: list[str] = attrs.Factory(list)
    stack: list[_Open] = attrs.Factory(list)
    in_closing: bool = False

    def heading(self, number: str, title: str, hashes: int) -> None:
        if number:
            style = _style(number)
            if style not in self.styles:
                self.styles.append(style)
            level = self.styles.index(style) + 1
        else:
            level = max(1, min(hashes - 1, len(self.stack) + 1)) if hashes else 1
        section = _Open(number, title, level)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        if self.stack:
            self.stack[-1].subsections.append(section)
        else:
            self.sections.append(section)
        self.stack.append(section)
        self.in_closing = False

    def paragraph(self, paragraph: Paragraph) -> None:
        head = paragraph.text[:40]
        # "Trên đây" in any case starts with a T and has an â or Â: most paragraphs are let go
        # on that alone, without lower-casing them.
        first = head.lstrip()[:1]
        if first in {"T", "t"} and ("â" in head or "Â" in head) and _key(
            head
        ).startswith(_CLOSING_START):
            self.in_closing = True
        if self.in_closing:
            self.closing.append(paragraph)
        elif self.stack:
            self.stack[-1].paragraphs.append(paragraph)
        else:
            self.introduction.append(paragraph)


def _date(text: str) -> tuple[str, DocumentDate | None] | None:
    match = _DATE_LINE.match(text)
    if match is None:
        return None
    year = int(match.group("year"))
    month = int(match.group("month")) if match.group("month") else None
    day = int(match.group("day")) if match.group("day") else None
    try:
        return match.group("place").strip(), DocumentDate(year, month, day if month else None)
    except CchcError:
        return None


@attrs.define
class _Head:
    agency_lines: list[str] = attrs.Factory(list)
    number: int | None = None
    symbol: str = ""
    place: str = ""
    date: DocumentDate | None = None
    stray: list[str] = attrs.Factory(list)
    seen: bool = False


def _read_head(blocks: Sequence[_Block]) -> _Head:
    head = _Head()
    lines = [line for block in blocks for line in block.hard_lines()]
    i = 0
    while i < len(lines):
        line = _plain(lines[i])
        i += 1
        if not line:
            continue
        number = _NUMBER_LINE.match(line)
        if number is not None:
            head.number = int(number.group("number")) if number.group("number") else None
            head.symbol = number.group("symbol")
            head.seen = True
            continue
        if _key(line) in _NATIONAL:
            head.seen = True
            continue
        dated = _date(line)
        if dated is None and i < len(lines) and _DATE_START.search(line):
            # A conversion may split the date line: "Ninh Thuận, ngày" / "tháng 11 năm 2023".
            dated = _date(f"{line} {_plain(lines[i])}")
            if dated is not None:
                i += 1
        if dated is not None:
            head.place, head.date = dated
            head.seen = True
            continue
        if not head.seen and line == line.upper() and any(ch.isalpha() for ch in line):
            head.agency_lines.append(line)
            continue
        head.stray.append(line)
    return head


#: What :func:`_plain` may take out between the letters of "Nơi nhận": ASCII punctuation
#: (heading marks, bold, escapes, the brackets of a link) and the address of a link.
_DROPPED = r"(?:\(mailto:[^)\n]*\)|[!-/:-@\[-`{-~])"
_DROPPED_OR_SPACE = r"(?:\(mailto:[^)\n]*\)|[\s!-/:-@\[-`{-~])"
#: A line whose :func:`_plain` text may start with "Nơi nhận" in any case: the letters in
#: order, with only what :func:`_plain` and :func:`_key` take out before and between them.
_MAY_BE_FOOT = re.compile(
    f"{_DROPPED_OR_SPACE}*[Nn]{_DROPPED}*[ơƠ]{_DROPPED}*[iI]{_DROPPED}*\\s"
    f"{_DROPPED_OR_SPACE}*[Nn]{_DROPPED}*[hH]{_DROPPED}*[ậẬ]{_DROPPED}*[nN]"
)
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _is_foot_start(block: _Block) -> bool:
    line = block.lines[0]
    # Most lines are let go on their first letter (after marks and spaces), the rest on a
    # pattern, without lower-casing them: the first letter is an N unless it starts the
    # address of a link.
    after = ""
    for char in line:
        if char not in _ASCII_PUNCTUATION and not char.isspace():
            if char not in "Nn" and after != "(":
                return False
            break
        after = char
    if _MAY_BE_FOOT.match(line) is None:
        return False
    # "Nơi nhận" in any case has an ơ or Ơ and an ậ or Ậ.
    if ("ậ" not in line and "Ậ" not in line) or ("ơ" not in line and "Ơ" not in line) or (
        "nhận" not in line.lower()
    ):
        return False
    first = _key(_plain(block.lines[0]))
    return first.startswith("nơi nhận")


def _is_signature_block(block: _Block) -> bool:
    """A bold block of capitals (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``)."""
    if not block.lines[0].lstrip().startswith("**"):
        return False
    lines = block.hard_lines()
    text = " ".join(lines).strip()
    if not (text.startswith("**") and text.endswith("**")) or text.startswith("***"):
        return False
    plain = [_plain(line) for line in lines]
    plain = [p for p in plain if p]
    if not plain or _heading(block.text) is not None:
        return False
    first = plain[0].split(" ", 1)[0]
    if first in _AUTHORITIES:
        return True
    return all(p == p.upper() and any(ch.isalpha() for ch in p) for p in plain)


def _recipients(lines: Sequence[str]) -> tuple[list[Recipient], tuple[str, ...], list[str]]:
    recipients: list[Recipient] = []
    archive: tuple[str, ...] = ()
    stray: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line.startswith(("-", "+", "•")):
            stray.append(_plain(line))
            continue
        item = _unescape(line[1:].strip())
        item = item.removesuffix(";").removesuffix(".").strip()
        if _key(item).startswith("lưu:") or _key(item).startswith("lưu :"):
            parts = item.split(":", 1)[1].split(",")
            archive = tuple(part.strip() for part in parts if part.strip())
            continue
        name, paren, note = item.partition("(")
        if paren and note.endswith(")"):
            recipients.append(Recipient(name.strip().rstrip(";").strip(), note[:-1].strip()))
        else:
            recipients.append(Recipient(item.rstrip(";").strip()))
    return recipients, archive, stray


def _signature(blocks: Sequence[_Block]) -> Signature | None:
    lines = [_plain(line) for block in blocks for line in block.hard_lines()]
    lines = [line for line in lines if line]
    if not lines:
        return None
    *titles, signer = lines
    authority = None
    if titles:
        prefix, _, rest = titles[0].partition(" ")
        if prefix in _AUTHORITIES and rest.strip():
            authority = _AUTHORITIES[prefix]
            titles[0] = rest.strip()
    return Signature(signer, tuple(titles), authority)


def _title_index(blocks: Sequence[_Block]) -> int | None:
    """The block of the title: a one-line Markdown heading without a number, or ``BÁO CÁO``."""
    for i, block in enumerate(blocks):
        if len(block.lines) != 1:
            continue
        line = block.lines[0]
        plain = _plain(line)
        if line.lstrip().startswith("#") and _HEADING_NUMBER.match(plain) is None:
            return i
        if plain.upper() in _TITLES:
            return i
    return None


def _subtitle(blocks: Sequence[_Block]) -> str:
    """The subtitle when the first block after the title is one: a heading or a bold line."""
    if not blocks:
        return ""
    text = blocks[0].text.strip()
    bold = text.startswith("**") and text.endswith("**")
    if not (text.startswith("#") or bold) or _HEADING_NUMBER.match(_plain(text)):
        return ""
    return " ".join(_plain(line) for line in blocks[0].hard_lines())


def _read_body(blocks: Sequence[_Block], stray: Sequence[str]) -> _Body:
    body = _Body()
    body.introduction.extend(Paragraph.of(line) for line in stray)
    for block_text, heading in _join_page_breaks(blocks):
        if heading is None:
            body.paragraph(_paragraph(block_text))
            continue
        number, heading_text, rest_text = heading
        hashes = len(block_text) - len(block_text.lstrip("#")) if block_text[:1] == "#" else 0
        body.heading(number, heading_text, hashes)
        if rest_text:
            body.paragraph(_paragraph(rest_text))
    return body


@attrs.define
class _Foot:
    recipients: list[Recipient] = attrs.Factory(list)
    archive: tuple[str, ...] = ()
    signature: list[_Block] = attrs.Factory(list)
    stray: list[Paragraph] = attrs.Factory(list)

    def add_recipients(self, lines: Sequence[str]) -> None:
        found, archive, stray = _recipients(lines)
        self.recipients += found
        self.archive = archive or self.archive
        self.stray.extend(Paragraph.of(line) for line in stray if line)


def _read_foot(blocks: Sequence[_Block]) -> _Foot:
    """"Nơi nhận" and the signature, in either order; what is neither is kept as prose."""
    foot = _Foot()
    in_recipients = False
    for block in blocks:
        if _is_foot_start(block):
            in_recipients = True
            foot.add_recipients(block.lines[1:])
        elif _is_signature_block(block) or (
            foot.signature and _strip_bold(block.text) != block.text.strip()
        ):
            foot.signature.append(block)
            in_recipients = False
        elif in_recipients and all(
            line.strip().startswith(("-", "+", "•")) for line in block.lines
        ):
            foot.add_recipients(block.lines)
        else:
            foot.stray.extend(
                Paragraph.of(_plain(line)) for line in block.hard_lines() if _plain(line)
            )
    return foot


def read_text_report(text: str, *, source: str = "<text>") -> Report:
    """The report in *text* (Markdown or the text of a converted Word file).

    Raises :class:`~cchc_model.AppendixOnlyError` when *text* is only a table (and its
    caption) and :class:`~cchc_model.NotAReportError` when it holds no report at all.
    """
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    lines = text.splitlines()
    appendix_at = _appendix_start(lines)
    blocks = _blocks(lines if appendix_at is None else lines[:appendix_at], 1)

    title_at = _title_index(blocks)
    head = _read_head(blocks[:title_at] if title_at is not None else [])
    rest = blocks[title_at + 1:] if title_at is not None else blocks
    title = _plain(blocks[title_at].lines[0]) if title_at is not None else ""
    subtitle = _subtitle(rest) if title_at is not None else ""
    if subtitle:
        rest = rest[1:]

    foot_at = len(rest)
    for i, block in enumerate(rest):
        if _is_foot_start(block) or _is_signature_block(block):
            foot_at = i
            break
    body = _read_body(rest[:foot_at], head.stray)
    foot = _read_foot(rest[foot_at:])
    body.closing.extend(foot.stray)
    sections = tuple([s.freeze() for s in body.sections])
    if not title and not head.seen and not sections:
        if appendix_at is not None:
            raise AppendixOnlyError(f"{source}: {AppendixOnlyError.default_message}")
        raise NotAReportError(
            f"{source}: không tìm thấy báo cáo: không có tiêu đề, phần đầu hay mục nào "
            "(no report found: no title, document head or section)"
        )

    legal_basis = None
    if body.introduction and not head.stray and _key(body.introduction[0].text[:40]).startswith(
        _BASIS_STARTS
    ):
        legal_basis = body.introduction.pop(0)
    appendix: Appendix | None = None
    if appendix_at is not None:
        appendix = appendix_of_lines(lines, appendix_at, _table_format(lines[appendix_at:]))
    header = Header(
        agency=head.agency_lines[-1] if head.agency_lines else "",
        parent_agency=" ".join(head.agency_lines[:-1]),
        doc_type=_TITLES.get(title.upper(), DocumentType.REPORT),
        number=head.number,
        symbol=head.symbol,
        place=head.place,
        date=head.date,
        title=title,
        subtitle=subtitle,
        period=period_in_text(subtitle, title),
        legal_basis=legal_basis,
    )
    return Report(
        header=header,
        introduction=tuple(body.introduction),
        sections=sections,
        closing=tuple(body.closing),
        recipients=tuple(foot.recipients),
        archive=foot.archive,
        signature=_signature(foot.signature),
        appendix=appendix,
    )


def _table_format(lines: Sequence[str]) -> Literal["tsv", "markdown"]:
    for line in lines:
        if _is_table_line(line):
            return "markdown" if line.strip().startswith("|") else "tsv"
    return "tsv"
