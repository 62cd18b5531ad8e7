"""Reading a whole report from a Word (``.docx``) file.

The reader knows the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, as agencies type it and
as :func:`~cchc_model.render_docx` writes it: the head in a borderless table (agency and the
body above it, ``Số: 215/BC-STP``, quốc hiệu and tiêu ngữ, the place-and-date line), the title
and subtitle, the legal basis ("Thực hiện …", "Căn cứ …"), numbered sections, ``-`` and ``+``
bullets, the closing ("Trên đây là báo cáo …"), the signature block beside "Nơi nhận" (in a
borderless table, or typed as paragraphs), and the statistics appendix as a Word table, read
row by row by the appendix table reader.

Section numbers are read from the text (``I.``, ``1.``, ``1.1.``, ``a)``) or computed from
Word's automatic numbering (``numbering.xml``: format, level, start, restart and overrides)
as Word shows them. Headings are recognised by their Heading style (or outline level), or by
a number in bold. Tracked changes are read as accepted: inserted text is kept, deleted text
dropped. Footnotes follow the paragraph that cites them, marked ``[1]``. Anything the reader
cannot place — a table in the body, a text box, a line of the head it does not know — is kept
as a paragraph where it stands, never dropped.

Needs the optional ``docx`` extra (python-docx).
"""

from __future__ import annotations

import importlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from cchc_model._base.dates import DocumentDate
from cchc_model._base.errors import CchcError, InputError
from cchc_model._base.periods import period_in_text
from cchc_model._io.tables import _appendix, _Line, _table
from cchc_model._model.appendix import Appendix, catalogue_2023
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
from cchc_model._values.references import DocumentType

__all__ = ["MAX_DOCX_BYTES", "MAX_DOCX_PARTS", "MAX_DOCX_UNPACKED", "read_docx"]

#: Largest ``.docx`` file read, in bytes.
MAX_DOCX_BYTES = 32 * 1024 * 1024
#: Most bytes the parts of a ``.docx`` may unpack to, all together (a guard against zip bombs).
MAX_DOCX_UNPACKED = 128 * 1024 * 1024
#: Most parts (zip members) a ``.docx`` may have.
MAX_DOCX_PARTS = 5_000
#: Most paragraphs and table rows read from one document.
MAX_DOCX_BLOCKS = 200_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _T, _TBL, _TR, _TC = (_W + n for n in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT = _W + "sdt", _W + "sdtContent"
_TXBX = _W + "txbxContent"
# Containers whose runs are shown: insertions, moves in, links, fields, content controls.
# Anything else (w:del, w:moveFrom, properties, bookmarks) holds no text that is shown once
# tracked changes are accepted.
_SHOWN = frozenset(_W + n for n in (
    "ins", "moveTo", "hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
    "dir", "bdo",
))
_RELS_FOOTNOTES = "/footnotes"
_RELS_ENDNOTES = "/endnotes"
_RELS_NUMBERING = "/numbering"
_OFF = frozenset(("0", "false", "off", "none"))

_NUMBER = re.compile(
    r"(?P<number>[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[A-Z])\s*[.)](?:\s+(?P<rest>.*))?",
    re.DOTALL,
)
_BULLET = re.compile(r"(?P<mark>[-–•+])\s+(?P<rest>\S.*)", re.DOTALL)
_NUMBER_LINE = re.compile(r"Số\s*[:.]?\s*(?P<number>\d*)\s*/\s*(?P<symbol>.*)", re.DOTALL)
_DATE_LINE = re.compile(
    r"(?P<place>.*?)\s*,?\s*ngày(?P<day>[\s\d.…_]*?)tháng(?P<month>[\s\d.…_]*?)"
    r"năm\s*(?P<year>\d{4})\s*\.?",
    re.DOTALL | re.IGNORECASE,
)
_RULE_LINE = re.compile(r"[\s\-_–—=*.~]*")
_AUTHORITY = re.compile(r"(?P<prefix>KT\.|TM\.|TL\.|TUQ\.|Q\.)\s*(?P<title>.*)", re.DOTALL)
_RECIPIENT = re.compile(r"(?P<name>.*?)\s*\((?P<note>[^()]*)\)")
_ARCHIVE = re.compile(r"Lưu\s*:?\s*(?P<rest>.*)", re.DOTALL | re.IGNORECASE)
_LEGAL_BASIS = re.compile(r"(?:Thực hiện|Căn cứ|Thi hành)\b", re.IGNORECASE)
_CLOSING = re.compile(r"Trên đây\b", re.IGNORECASE)
_SIGNED = re.compile(r"\((?:đã ký|ký[^()]*)\)", re.IGNORECASE)
_ROMAN = re.compile(r"[IVXLC]+")


def _paragraph(text: str, kind: ParagraphKind = ParagraphKind.PLAIN) -> Paragraph:
    """Every paragraph the reader makes, with the citations and figures its text states."""
    return Paragraph.of(text, kind)


def _docx() -> Any:
    try:
        # An optional extra, imported when a Word file is read; it ships no type hints.
        return importlib.import_module("docx")
    except ImportError:
        raise InputError(
            'cần gói python-docx để đọc tệp .docx: pip install "cchc-model[docx]" '
            "(install the docx extra to read Word files)"
        ) from None


# --- the package ---------------------------------------------------------------------------


def _check_package(data: bytes, source: str) -> None:
    """Refuse what is not a Word package, or would unpack to too much, before it is parsed."""
    if len(data) > MAX_DOCX_BYTES:
        raise InputError(
            f"{source}: tệp quá lớn ({len(data)} byte), tối đa {MAX_DOCX_BYTES} "
            "(file too large)"
        )
    if not data or data.isspace():
        raise InputError(f"{source}: tệp rỗng, không có báo cáo (empty file, no report in it)")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{source}: tệp Word 97-2003 (.doc), không phải .docx; hãy lưu lại dưới dạng .docx "
            "(a .doc file, not .docx: save it as .docx)"
        )
    if not data.startswith(b"PK"):
        raise InputError(
            f"{source}: không phải tệp Word .docx, không phải gói zip "
            "(not a .docx file: not a zip package)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on a broken archive
        raise InputError(
            f"{source}: gói zip bị hỏng, không đọc được (broken zip package)"
        ) from None
    if len(members) > MAX_DOCX_PARTS:
        raise InputError(
            f"{source}: gói có {len(members)} phần, tối đa {MAX_DOCX_PARTS} (too many parts)"
        )
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_DOCX_UNPACKED:
        raise InputError(
            f"{source}: gói giải nén ra {unpacked} byte, tối đa {MAX_DOCX_UNPACKED} "
            "(package unpacks to too many bytes)"
        )
    names = {info.filename for info in members}
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            kind = "một bảng tính Excel (a spreadsheet)"
        elif "ppt/presentation.xml" in names:
            kind = "một bản trình chiếu (a presentation)"
        else:
            kind = "không phải tài liệu Word (not a Word document)"
        raise InputError(
            f"{source}: tệp là {kind}, không có word/document.xml: không có báo cáo "
            "(no report in it)"
        )


def _open(data: bytes, source: str) -> Any:
    docx = _docx()
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many kinds
        raise InputError(
            f"{source}: không mở được tệp Word (cannot open the Word file): "
            f"{type(error).__name__}"
        ) from None


def _part_element(document: Any, reltype_end: str) -> Any:
    for relationship in document.part.rels.values():
        if relationship.is_external or not relationship.reltype.endswith(reltype_end):
            continue
        part = relationship.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        from docx.oxml.parser import parse_xml  # noqa: PLC0415 - with python-docx, at hand

        return parse_xml(part.blob)
    return None


# --- styles and numbering ------------------------------------------------------------------


def _on(element: Any) -> bool:
    return element is not None and element.get(_W + "val", "true").lower() not in _OFF


@attrs.define
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    italic: bool | None
    centred: bool | None
    outline: int | None
    num: tuple[str, int | None] | None


class _Styles:
    def __init__(self, root: Any) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self._memo: dict[tuple[str, str], Any] = {}
        if root is None:
            return
        for style in root.iterchildren(_W + "style"):
            style_id = style.get(_W + "styleId")
            if style_id is None:
                continue
            name_el = style.find(_W + "name")
            based = style.find(_W + "basedOn")
            p_pr, r_pr = style.find(_W + "pPr"), style.find(_W + "rPr")
            bold = italic = centred = None
            outline: int | None = None
            num: tuple[str, int | None] | None = None
            if r_pr is not None:
                b, i = r_pr.find(_W + "b"), r_pr.find(_W + "i")
                bold = _on(b) if b is not None else None
                italic = _on(i) if i is not None else None
            if p_pr is not None:
                jc = p_pr.find(_W + "jc")
                if jc is not None:
                    centred = jc.get(_W + "val") == "center"
                level = p_pr.find(_W + "outlineLvl")
                if level is not None and (level.get(_W + "val") or "").isdigit():
                    outline = int(level.get(_W + "val"))
                num = _num_pr(p_pr.find(_W + "numPr"))
            name = str(name_el.get(_W + "val", "")) if name_el is not None else ""
            match = re.fullmatch(r"heading\s*(\d)", name.strip(), re.IGNORECASE)
            if match and outline is None:
                outline = int(match.group(1)) - 1
            self._styles[style_id] = _Style(
                name, based.get(_W + "val") if based is not None else None,
                bold, italic, centred, outline, num,
            )
            if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in (
                "1", "true", "on"
            ):
                self.default_paragraph = style_id

    def get(self, style_id: str | None, field: str) -> Any:
        """*field* of the style or the nearest style it is based on that sets it."""
        if style_id is None:
            style_id = self.default_paragraph
        if style_id is None:
            return None
        key = (style_id, field)
        if key in self._memo:
            return self._memo[key]
        value: Any = None
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                break
            value = getattr(style, field)
            if value is not None:
                break
            current = style.based_on
        self._memo[key] = value
        return value


def _num_pr(num_pr: Any) -> tuple[str, int | None] | None:
    """The list and level of a ``w:numPr``; the level ``None`` when it does not say."""
    if num_pr is None:
        return None
    num_id, ilvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
    if num_id is None:
        return None
    level = str(ilvl.get(_W + "val") or "") if ilvl is not None else ""
    return (num_id.get(_W + "val") or "0", int(level) if level.isdigit() else None)


@attrs.frozen
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False


def _level(element: Any, base: _Level | None = None) -> _Level:
    level = base or _Level()

    def value(name: str) -> str | None:
        found = element.find(_W + name)
        return None if found is None else found.get(_W + "val")

    start, fmt, text, restart = value("start"), value("numFmt"), value("lvlText"), \
        value("lvlRestart")
    return _Level(
        int(start) if start and start.lstrip("-").isdigit() else level.start,
        fmt or level.fmt,
        text if text is not None else level.text,
        int(restart) if restart and restart.isdigit() else level.restart,
        _on(element.find(_W + "isLgl")) or level.legal,
    )


def _roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _formatted(number: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(number)
    if fmt == "lowerRoman":
        return _roman(number).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        if number <= 0:
            return str(number)
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows, in order."""

    def __init__(self, root: Any, styles: _Styles) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()
        self._styled: dict[tuple[str, str], int] = {}
        if root is None:
            return
        linked_styles: dict[str, str] = {}
        for abstract in root.iterchildren(_W + "abstractNum"):
            levels = {}
            abstract_id = abstract.get(_W + "abstractNumId", "")
            style_link = abstract.find(_W + "numStyleLink")
            if style_link is not None:
                linked_styles[abstract_id] = style_link.get(_W + "val", "")
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = lvl.get(_W + "ilvl", "0")
                if ilvl.isdigit():
                    levels[int(ilvl)] = _level(lvl)
                    linked = lvl.find(_W + "pStyle")
                    if linked is not None:
                        self._styled[(abstract_id, linked.get(_W + "val", ""))] = int(ilvl)
            self._abstract[abstract_id] = levels
        for num in root.iterchildren(_W + "num"):
            abstract_id = num.find(_W + "abstractNumId")
            if abstract_id is None:
                continue
            levels_of = self._abstract.get(abstract_id.get(_W + "val", ""), {})
            levels, starts = {}, {}
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl = override.get(_W + "ilvl", "0")
                if not ilvl.isdigit():
                    continue
                start = override.find(_W + "startOverride")
                if start is not None and (start.get(_W + "val") or "").lstrip("-").isdigit():
                    starts[int(ilvl)] = int(start.get(_W + "val"))
                replaced = override.find(_W + "lvl")
                if replaced is not None:
                    levels[int(ilvl)] = _level(replaced, levels_of.get(int(ilvl)))
            self._nums[num.get(_W + "numId", "")] = (abstract_id.get(_W + "val", ""), levels,
                                                     starts)
        # A list defined by a list style (w:numStyleLink) takes its levels, and its count,
        # from the definition the style points to.
        for num_id, (abstract_id, levels, starts) in list(self._nums.items()):
            style_num = styles.get(linked_styles.get(abstract_id), "num") \
                if abstract_id in linked_styles else None
            if style_num is not None and style_num[0] in self._nums:
                target = self._nums[style_num[0]][0]
                if target not in linked_styles:
                    self._nums[num_id] = (target, levels, starts)

    def level_of(self, num_id: str, style_id: str | None) -> int:
        """The level a paragraph style is linked to in list *num_id* (``w:lvl/w:pStyle``)."""
        if num_id not in self._nums or style_id is None:
            return 0
        return self._styled.get((self._nums[num_id][0], style_id), 0)

    def _levels(self, num_id: str) -> dict[int, _Level]:
        abstract_id, levels, _ = self._nums[num_id]
        return {**self._abstract.get(abstract_id, {}), **levels}

    def next(self, num_id: str, ilvl: int) -> tuple[str, _Level] | None:
        """The label of the next paragraph of list *num_id* at level *ilvl*, and its level."""
        if num_id not in self._nums or not 0 <= ilvl <= 8:
            return None
        abstract_id, _, starts = self._nums[num_id]
        levels = self._levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self._seen:
            self._seen.add(num_id)
            for overridden in starts:
                if 0 <= overridden <= 8:
                    counters[overridden] = None
        current = counters[ilvl]
        if current is None:
            current = starts.get(ilvl, level.start)
        else:
            current += 1
        counters[ilvl] = current
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return level.text, level

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            of = levels.get(index, _Level())
            value = counters[index]
            if value is None:
                value = starts.get(index, of.start)
            return _formatted(value, "decimal" if level.legal and index != ilvl else of.fmt)

        return re.sub(r"%([1-9])", shown, level.text), level


# --- from XML to blocks --------------------------------------------------------------------


@attrs.define
class _Par:
    """A paragraph as read: its text and the little of its look the reader needs."""

    text: str
    bold: bool = False
    bold_prefix: str = ""
    italic: bool = False
    italic_text: str = ""
    centred: bool = False
    outline: int | None = None
    label: str | None = None
    bullet: bool = False
    ilvl: int = 0
    before: float = 0.0
    page_break: bool = False
    notes: list[str] = attrs.Factory(list)
    boxes: list[str] = attrs.Factory(list)

    @property
    def stripped(self) -> str:
        return self.text.strip()


@attrs.define
class _Tab:
    rows: list[list[list[_Par]]]

    def cell_lines(self) -> Iterator[tuple[int, int, _Par]]:
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                for par in cell:
                    if par.stripped:
                        yield r, c, par

    def text(self) -> str:
        return " ".join(par.stripped for _, _, par in self.cell_lines())


_Block = _Par | _Tab


class _Walker:
    """Turns the body's XML into paragraphs and tables, in document order."""

    def __init__(self, document: Any, source: str) -> None:
        self.source = source
        self.count = 0
        self.note_count = 0
        self.styles = _Styles(document.styles.element)
        self.numbering = _Numbering(_part_element(document, _RELS_NUMBERING), self.styles)
        self.notes: dict[tuple[str, str], str] = {}
        self.notes = {**self._notes(document, _RELS_FOOTNOTES, "footnote"),
                      **self._notes(document, _RELS_ENDNOTES, "endnote")}

    def _notes(self, document: Any, rel: str, tag: str) -> dict[tuple[str, str], str]:
        root = _part_element(document, rel)
        found: dict[tuple[str, str], str] = {}
        if root is None:
            return found
        for note in root.iterchildren(_W + tag):
            if note.get(_W + "type") in ("separator", "continuationSeparator",
                                          "continuationNotice"):
                continue
            texts = [self.paragraph(p, notes=False).stripped for p in note.iter(_P)]
            found[(tag, note.get(_W + "id", ""))] = " ".join(t for t in texts if t)
        return found

    def blocks(self, container: Any) -> Iterator[_Block]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _P:
                yield self.paragraph(child)
            elif tag == _TBL:
                yield self.table(child)
            elif tag in (_SDT, _SDT_CONTENT, _W + "customXml", _W + "ins", _W + "moveTo"):
                yield from self.blocks(child)

    def _tick(self) -> None:
        self.count += 1
        if self.count > MAX_DOCX_BLOCKS:
            raise InputError(
                f"{self.source}: quá nhiều đoạn và dòng bảng, tối đa {MAX_DOCX_BLOCKS} "
                "(too many paragraphs and table rows)"
            )

    def table(self, element: Any) -> _Tab:
        rows: list[list[list[_Par]]] = []
        for tr in _children(element, _TR):
            self._tick()
            row: list[list[_Par]] = []
            for cell in _children(tr, _TC):
                pars: list[_Par] = []
                tc_pr = cell.find(_W + "tcPr")
                merged = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
                span_el = tc_pr.find(_W + "gridSpan") if tc_pr is not None else None
                continued = merged is not None and merged.get(_W + "val") in (None, "continue")
                if not continued:
                    for block in self.blocks(cell):
                        if isinstance(block, _Par):
                            pars.append(block)
                        else:  # a table in a cell: its text, row by row
                            pars.extend(_Par(" | ".join(_cell_text(c) for c in r))
                                        for r in block.rows)
                row.append(pars)
                span = span_el.get(_W + "val") if span_el is not None else "1"
                row.extend([] for _ in range(int(span) - 1 if span and span.isdigit()
                                             and int(span) < 64 else 0))
            rows.append(row)
        return _Tab(rows)

    def paragraph(self, element: Any, *, notes: bool = True) -> _Par:  # noqa: PLR0915
        self._tick()
        p_pr = element.find(_W + "pPr")
        style_id = num = None
        centred: bool | None = None
        outline: int | None = None
        before = 0.0
        page_break = False
        if p_pr is not None:
            style = p_pr.find(_W + "pStyle")
            style_id = style.get(_W + "val") if style is not None else None
            jc = p_pr.find(_W + "jc")
            if jc is not None:
                centred = jc.get(_W + "val") == "center"
            level = p_pr.find(_W + "outlineLvl")
            if level is not None and (level.get(_W + "val") or "").isdigit():
                outline = int(level.get(_W + "val"))
            num = _num_pr(p_pr.find(_W + "numPr"))
            spacing = p_pr.find(_W + "spacing")
            if spacing is not None and (spacing.get(_W + "before") or "").isdigit():
                before = int(spacing.get(_W + "before")) / 20
            page_break = _on(p_pr.find(_W + "pageBreakBefore"))
        styles = self.styles
        if centred is None:
            centred = bool(styles.get(style_id, "centred"))
        if outline is None:
            outline = styles.get(style_id, "outline")
        if num is None:
            num = styles.get(style_id, "num")
        par = _Par("", centred=centred, outline=None if outline is None or outline > 8
                   else outline + 1, before=before, page_break=page_break)
        style_bold = bool(styles.get(style_id, "bold"))
        style_italic = bool(styles.get(style_id, "italic"))
        pieces: list[tuple[str, bool, bool]] = []
        self._runs(element, pieces, par, style_bold, style_italic, notes)
        text = unicodedata.normalize("NFC", "".join(t for t, _, _ in pieces))
        par.text = text
        visible = [(t, b, i) for t, b, i in pieces if t.strip()]
        par.bold = bool(visible) and all(b for _, b, _ in visible)
        par.italic = bool(visible) and all(i for _, _, i in visible)
        prefix = []
        for piece, bold, _ in pieces:
            if not bold and piece.strip():
                break
            prefix.append(piece)
        par.bold_prefix = unicodedata.normalize("NFC", "".join(prefix))
        par.italic_text = unicodedata.normalize(
            "NFC", "".join(f"<i>{t}</i>" if i and t.strip() else t for t, _, i in pieces))
        if num is not None and num[0] != "0":
            ilvl = num[1]
            if ilvl is None:
                ilvl = self.numbering.level_of(num[0], style_id or styles.default_paragraph)
            shown = self.numbering.next(num[0], ilvl)
            if shown is not None:
                label, level = shown
                par.ilvl = ilvl
                if level.fmt == "bullet":
                    par.bullet = True
                    par.label = label
                elif label.strip():
                    par.label = label.strip()
        return par

    def _runs(self, element: Any, pieces: list[tuple[str, bool, bool]], par: _Par,  # noqa: PLR0917
              style_bold: bool, style_italic: bool, notes: bool) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == _R:
                self._run(child, pieces, par, style_bold, style_italic, notes)
            elif tag in _SHOWN:
                self._runs(child, pieces, par, style_bold, style_italic, notes)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self._runs(choice, pieces, par, style_bold, style_italic, notes)

    def _run(self, run: Any, pieces: list[tuple[str, bool, bool]], par: _Par,  # noqa: PLR0917
             style_bold: bool, style_italic: bool, notes: bool) -> None:
        bold, italic = style_bold, style_italic
        r_pr = run.find(_W + "rPr")
        if r_pr is not None:
            char_style = r_pr.find(_W + "rStyle")
            if char_style is not None:
                sid = char_style.get(_W + "val")
                bold = bool(self.styles.get(sid, "bold")) or bold
                italic = bool(self.styles.get(sid, "italic")) or italic
            b, i = r_pr.find(_W + "b"), r_pr.find(_W + "i")
            if b is not None:
                bold = _on(b)
            if i is not None:
                italic = _on(i)
            vanish = r_pr.find(_W + "vanish")
            if _on(vanish):
                return
        for child in run.iterchildren():
            tag = child.tag
            if tag == _T:
                pieces.append((child.text or "", bold, italic))
            elif tag in (_W + "tab", _W + "ptab"):
                pieces.append(("\t", bold, italic))
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") != "page":
                    pieces.append(("\n", bold, italic))
            elif tag == _W + "noBreakHyphen":
                pieces.append(("-", bold, italic))
            elif tag in (_W + "footnoteReference", _W + "endnoteReference") and notes:
                kind = "footnote" if tag == _W + "footnoteReference" else "endnote"
                note = self.notes.get((kind, child.get(_W + "id", "")))
                if note is not None:
                    self.note_count += 1
                    pieces.append((f"[{self.note_count}]", bold, italic))
                    par.notes.append(f"[{self.note_count}] {note}")
            elif tag in (_W + "drawing", _W + "pict", _W + "object", _MC + "AlternateContent"):
                self._boxes(child, par)

    def _boxes(self, element: Any, par: _Par) -> None:
        """The text of the text boxes in a drawing, each once (not again in its fallback)."""
        if element.tag == _MC + "AlternateContent":
            choice = element.find(_MC + "Choice")
            if choice is None:
                choice = element.find(_MC + "Fallback")
            if choice is None:
                return
            element = choice
        for box in element.iter(_TXBX):
            texts = [self.paragraph(p).stripped for p in box.iterchildren(_P)]
            par.boxes.extend(t for t in texts if t)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """The *tag* children of *element*, looking through content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _W + "customXml"):
            yield from _children(child, tag)


def _cell_text(cell: list[_Par]) -> str:
    return " ".join(par.stripped for par in cell if par.stripped)


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").strip()


# --- from blocks to the report ---------------------------------------------------------------


def _is_appendix_table(table: _Tab) -> bool:
    for row in table.rows[:3]:
        cells = [_cell_text(c) for c in row]
        if cells and cells[0].strip().upper() == "STT" and len(cells) >= 4:
            return True
    return False


def _is_head_table(table: _Tab) -> bool:
    text = table.text().upper()
    return "CỘNG HÒA" in text or "CỘNG HOÀ" in text or "ĐỘC LẬP" in text


def _is_foot_table(table: _Tab) -> bool:
    for _, _, par in table.cell_lines():
        line = par.stripped
        if line.lower().startswith("nơi nhận") or _AUTHORITY.fullmatch(line.split("\n")[0]):
            return True
    return False


@attrs.define
class _Heading:
    key: tuple[str, int]
    number: str
    text: str
    rest: str


def _shape(number: str) -> tuple[str, int]:
    if _ROMAN.fullmatch(number):
        return ("roman", 0)
    if number.isdigit():
        return ("arabic", 0)
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return ("dotted", number.count("."))
    if number.islower():
        return ("lower", 0)
    if number.isupper():
        return ("upper", 0)
    return ("other", 0)


def _label_number(label: str) -> str:
    return label.strip().strip("()[]").rstrip(".):").strip()


class _Builder:
    """Collects sections as headings and paragraphs arrive, in document order."""

    def __init__(self) -> None:
        self.front: list[Paragraph] = []
        self.top: list[Section] = []
        # open sections: (key, number, heading, paragraphs, subsections)
        self.stack: list[tuple[tuple[str, int], str, str, list[Paragraph], list[Section]]] = []

    def add(self, paragraph: Paragraph) -> None:
        (self.stack[-1][3] if self.stack else self.front).append(paragraph)

    def _close(self) -> None:
        _, number, heading, paragraphs, subsections = self.stack.pop()
        section = Section(number, heading, tuple(paragraphs), tuple(subsections))
        (self.stack[-1][4] if self.stack else self.top).append(section)

    def open(self, heading: _Heading) -> None:
        key = heading.key
        keys = [entry[0] for entry in self.stack]
        if key[0] == "style":
            # Under the last open heading of a higher style level, whatever is open after it.
            keep = max((i + 1 for i, k in enumerate(keys) if k[0] == "style" and k[1] < key[1]),
                       default=0)
            while len(self.stack) > keep:
                self._close()
        elif key in keys:
            while len(self.stack) > keys.index(key):
                self._close()
        self.stack.append((key, heading.number, heading.text, [], []))

    def finish(self) -> tuple[list[Paragraph], list[Section]]:
        while self.stack:
            self._close()
        return self.front, self.top


class _Assembler:
    def __init__(self, blocks: list[_Block], source: str) -> None:
        self.blocks = blocks
        self.source = source

    # head ---------------------------------------------------------------------------------

    def header(self, head: list[tuple[int, _Par]], kept: list[Paragraph]) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        agencies: list[_Par] = []
        for column, par in head:
            for raw in par.text.split("\n"):
                line = raw.replace("\t", " ").strip()
                upper = line.upper()
                if not line or _RULE_LINE.fullmatch(line):
                    continue
                if upper.startswith(("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐỘC LẬP")):
                    continue
                number = _NUMBER_LINE.fullmatch(line)
                if number is not None and "number" not in fields and "symbol" not in fields:
                    fields["number"] = int(number.group("number")) if number.group("number") \
                        else None
                    fields["symbol"] = number.group("symbol").strip()
                    continue
                dated = _DATE_LINE.fullmatch(line)
                if dated is not None and "date" not in fields:
                    date = _date(dated)
                    if date is not None:
                        fields["place"] = dated.group("place").strip().rstrip(",").strip()
                        fields["date"] = date
                        continue
                if column == 0:
                    agencies.append(attrs.evolve(par, text=line))
                elif "place" not in fields:
                    fields["place"] = line
                else:
                    kept.append(_paragraph(line))
        bold = [i for i, par in enumerate(agencies) if par.bold]
        if bold:
            first = bold[0]
            fields["parent_agency"] = " ".join(p.stripped for p in agencies[:first])
            fields["agency"] = " ".join(p.stripped for p in agencies[first:])
        elif len(agencies) > 1:
            fields["parent_agency"] = agencies[0].stripped
            fields["agency"] = " ".join(p.stripped for p in agencies[1:])
        elif agencies:
            fields["agency"] = agencies[0].stripped
        symbol = fields.get("symbol", "")
        kind = symbol.split("-", 1)[0] if "-" in symbol else ""
        for doc_type in DocumentType:
            if kind and doc_type.abbreviation == kind:
                fields["doc_type"] = doc_type
        return fields

    # foot ---------------------------------------------------------------------------------

    @staticmethod
    def foot(table: _Tab) -> tuple[list[Recipient], list[str], Signature | None,
                                   list[Paragraph]]:
        recipients: list[Recipient] = []
        archive: list[str] = []
        kept: list[Paragraph] = []
        columns: dict[int, list[_Par]] = {}
        for _, column, par in table.cell_lines():
            columns.setdefault(column, []).append(par)
        recipient_column = next(
            (c for c, pars in columns.items()
             if any(p.stripped.lower().startswith("nơi nhận") for p in pars)), None)
        signature_column = next(
            (c for c in sorted(columns, reverse=True) if c != recipient_column), None)
        for column, pars in columns.items():
            if column not in (recipient_column, signature_column):
                kept.extend(_paragraph(_one_line(p.text)) for p in pars)
        if recipient_column is not None:
            lines = [line.strip() for p in columns[recipient_column]
                     for line in p.text.split("\n")]
            for line in lines:
                if not line or line.lower().startswith("nơi nhận"):
                    rest = line.split(":", 1)[1].strip() if ":" in line else ""
                    if not rest:
                        continue
                    line = rest  # noqa: PLW2901 - the first recipient on the label's line
                line = line.replace("\t", " ")  # noqa: PLW2901
                text = re.sub(r"^[-–•+]\s*", "", line).rstrip(";.,").strip()
                archived = _ARCHIVE.fullmatch(text)
                if archived is not None:
                    archive.extend(a.strip() for a in archived.group("rest").split(",")
                                   if a.strip())
                    continue
                named = _RECIPIENT.fullmatch(text)
                if named is not None and named.group("name"):
                    recipients.append(Recipient(named.group("name"), named.group("note").strip()))
                elif text:
                    recipients.append(Recipient(text))
        signature = None
        if signature_column is not None:
            signature = _signature(columns[signature_column])
        return recipients, archive, signature, kept

    # the whole ----------------------------------------------------------------------------

    def report(self) -> Report:  # noqa: PLR0915 - one walk through the document's parts
        blocks = [b for b in self.blocks if not (isinstance(b, _Par) and not b.stripped
                                                 and not b.notes and not b.boxes)]
        if not any((isinstance(b, _Par) and b.stripped) or (isinstance(b, _Tab) and b.text())
                   or (isinstance(b, _Par) and (b.boxes or b.notes)) for b in blocks):
            raise InputError(
                f"{self.source}: tài liệu không có nội dung, không có báo cáo "
                "(empty document, no report in it)"
            )
        kept: list[Paragraph] = []
        position = 0
        head: list[tuple[int, _Par]] = []
        # The head: a table with the national motto, or the lines before the title.
        first_table = next((i for i, b in enumerate(blocks[:8]) if isinstance(b, _Tab)
                            and _is_head_table(b)), None)
        if first_table is not None:
            # A line above the head table ("DỰ THẢO", "Mẫu số 01") is not part of the head.
            for before in blocks[:first_table]:
                kept.extend(_kept(before))
            head_table = blocks[first_table]
            assert isinstance(head_table, _Tab)  # noqa: S101 - found as a table above
            head.extend((c, par) for _, c, par in head_table.cell_lines())
            position = first_table + 1
        else:
            upper = [i for i, b in enumerate(blocks[:12]) if isinstance(b, _Par)
                     and (b.stripped.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP"))
                          or _NUMBER_LINE.fullmatch(b.stripped) or
                          _DATE_LINE.fullmatch(b.stripped))]
            if upper:
                end = upper[-1] + 1
                head.extend((1 if b.centred and i in upper else 0, b)
                            for i, b in enumerate(blocks[:end]) if isinstance(b, _Par))
                position = end
        fields = self.header(head, kept)
        # Title and subtitle: the centred lines right after the head.
        titles: list[str] = []
        while position < len(blocks):
            block = blocks[position]
            if not isinstance(block, _Par) or block.label is not None:
                break
            line = _one_line(block.text)
            if _RULE_LINE.fullmatch(line):
                position += 1
                continue
            if not block.centred or block.outline is not None or \
                    line.upper().startswith("PHỤ LỤC") or _ACCOMPANYING.fullmatch(line):
                break
            titles.append(line)
            position += 1
        # The appendix, its title (from "PHỤ LỤC" or a page break on), and the foot.
        tables = {i: b for i, b in enumerate(blocks) if isinstance(b, _Tab) and i >= position}
        appendix_at = next((i for i, t in tables.items() if _is_appendix_table(t)), None)
        body_end = len(blocks)
        if appendix_at is not None:
            body_end = appendix_at
            for i in range(appendix_at - 1, position - 1, -1):
                block = blocks[i]
                if not isinstance(block, _Par) or block.outline is not None:
                    break
                if block.page_break or block.stripped.upper().startswith("PHỤ LỤC") or \
                        _ACCOMPANYING.fullmatch(_one_line(block.text)):
                    body_end = i
        foot_at = next((i for i in range(body_end - 1, position - 1, -1)
                        if i in tables and (_is_foot_table(tables[i])
                                            or (i == body_end - 1 and _foot_shaped(tables[i])))),
                       None)
        recipients: list[Recipient] = []
        archive: list[str] = []
        signature = None
        foot_kept: list[Paragraph] = []
        after_foot: list[_Block] = []
        if foot_at is not None:
            foot = blocks[foot_at]
            assert isinstance(foot, _Tab)  # noqa: S101 - found as a table above
            recipients, archive, signature, foot_kept = self.foot(foot)
            after_foot = blocks[foot_at + 1:body_end]
            body = blocks[position:foot_at]
        else:
            body = blocks[position:body_end]
            typed = _typed_foot(body)
            if typed is not None:
                start, foot = typed
                recipients, archive, signature, foot_kept = self.foot(foot)
                body = body[:start]
        appendix = None
        if appendix_at is not None:
            appendix, rest = self.appendix(blocks[body_end:appendix_at], blocks[appendix_at:])
            after_foot.extend(rest)
        front, sections, closing = self.body(body)
        closing.extend(foot_kept)
        for block in after_foot:
            closing.extend(_kept(block))
        legal_basis = None
        if front and front[0].kind is ParagraphKind.PLAIN and \
                _LEGAL_BASIS.match(front[0].text):
            legal_basis = front.pop(0)
        title = titles[0] if titles else ""
        subtitle = " ".join(titles[1:])
        header = Header(
            agency=fields.get("agency", ""),
            parent_agency=fields.get("parent_agency", ""),
            doc_type=fields.get("doc_type", DocumentType.REPORT),
            number=fields.get("number"),
            symbol=fields.get("symbol", ""),
            place=fields.get("place", ""),
            date=fields.get("date"),
            title=title,
            subtitle=subtitle,
            period=period_in_text(subtitle or title),
            legal_basis=legal_basis,
        )
        return Report(
            header,
            introduction=(*kept, *front),
            sections=tuple(sections),
            closing=tuple(closing),
            recipients=tuple(recipients),
            archive=tuple(archive),
            signature=signature,
            appendix=appendix,
        )

    def body(self, blocks: Sequence[_Block]
             ) -> tuple[list[Paragraph], list[Section], list[Paragraph]]:
        builder = _Builder()
        closing: list[Paragraph] | None = None
        for block in blocks:
            if isinstance(block, _Tab):
                for paragraph in _kept(block):
                    (closing if closing is not None else builder.front if not builder.stack
                     else builder.stack[-1][3]).append(paragraph)
                continue
            heading = _heading(block) if closing is None else None
            if heading is not None:
                builder.open(heading)
                if heading.rest:
                    builder.add(_paragraph(heading.rest))
            else:
                paragraph = _body_paragraph(block)
                if closing is None and _CLOSING.match(paragraph.text):
                    closing = []
                if closing is not None:
                    closing.append(paragraph)
                else:
                    builder.add(paragraph)
            extras = [_paragraph(_one_line(t)) for t in (*block.boxes, *block.notes)]
            for extra in extras:
                if closing is not None:
                    closing.append(extra)
                else:
                    builder.add(extra)
        front, sections = builder.finish()
        return front, sections, closing or []

    def appendix(self, title: list[_Block], tables: list[_Block]
                 ) -> tuple[Appendix | None, list[_Block]]:
        lines: list[_Line] = []
        kept: list[_Block] = []
        number = 0
        for block in title:
            number += 1
            if isinstance(block, _Par):
                text = _one_line(block.text)
                # "(Kèm theo Báo cáo số … ngày … của …)" restates the head: not the title.
                if not _ACCOMPANYING.fullmatch(text):
                    lines.append(_Line(number, None, text))
            else:
                kept.append(block)
        for block in tables:
            if isinstance(block, _Par):
                kept.append(block)  # notes under the table
                continue
            for row in block.rows:
                number += 1
                cells = tuple(
                    " ".join(p.italic_text.strip() for p in cell if p.stripped)
                    for cell in row
                )
                lines.append(_Line(number, cells))
        try:
            title_text, rows = _table(lines, self.source)
        except CchcError:
            return None, [*title, *tables]
        return _appendix(title_text, rows, catalogue_2023()), kept


_ACCOMPANYING = re.compile(r"\(\s*Kèm theo\b.*\)", re.IGNORECASE | re.DOTALL)


def _typed_foot(body: list[_Block]) -> tuple[int, _Tab] | None:
    """A foot typed as paragraphs: the signature lines and "Nơi nhận" with its lines.

    Returns where the foot starts in *body* and the foot as the two columns of a table.
    """
    label = next((i for i, b in reversed(list(enumerate(body))) if isinstance(b, _Par)
                  and b.stripped.lower().startswith("nơi nhận")), None)
    if label is None:
        return None
    after = [b for b in body[label:] if isinstance(b, _Par)]
    recipients, signature = after[:1], list[_Par]()
    for par in after[1:]:
        line = par.stripped
        if not signature and (line[:1] in "-–•+" or _ARCHIVE.fullmatch(line.rstrip("."))):
            recipients.append(par)
        else:
            signature.append(par)
    start = label
    while start > 0:
        previous = body[start - 1]
        if not isinstance(previous, _Par) or len(previous.stripped) > 80 \
                or previous.outline is not None or previous.label is not None \
                or _CLOSING.match(previous.stripped):
            break
        start -= 1
    before = [b for b in body[start:label] if isinstance(b, _Par)]
    first = before[0].stripped if before else ""
    if before and (first.isupper() or _AUTHORITY.fullmatch(first)):
        signature = before + signature
    else:
        start = label
    return start, _Tab([[recipients, signature]])


def _foot_shaped(table: _Tab) -> bool:
    """One row of at most three cells, one of them empty or holding a line in capitals.

    Such a table at the end of the body is the signature block even without "Nơi nhận" or a
    signing authority (``GIÁM ĐỐC`` / the signer).
    """
    if len(table.rows) != 1 or not 0 < len(table.rows[0]) <= 3:
        return False
    cells = table.rows[0]
    return any(not _cell_text(cell) for cell in cells) or any(
        par.stripped.isupper() for cell in cells for par in cell)


def _kept(block: _Block) -> list[Paragraph]:
    """A part the reader cannot place, kept as paragraphs: a table row by row."""
    if isinstance(block, _Par):
        texts = [block.text, *block.boxes, *block.notes]
        return [_paragraph(_one_line(t)) for t in texts if t.strip()]
    out = []
    for row in block.rows:
        cells = [_cell_text(cell) for cell in row]
        if any(cells):
            out.append(_paragraph(" | ".join(c for c in cells if c)))
    return out


def _heading(par: _Par) -> _Heading | None:
    text = _one_line(par.text)
    if par.label is not None and not par.bullet:
        number = _label_number(par.label)
        if par.outline is not None:
            return _Heading(("style", par.outline), number, text, "")
        if par.bold or par.italic:
            return _Heading(_shape(number), number, text, "")
        return None
    if par.outline is not None:
        match = _NUMBER.fullmatch(text)
        if match is not None:
            return _Heading(("style", par.outline), match.group("number"),
                            (match.group("rest") or "").strip(), "")
        return _Heading(("style", par.outline), "", text, "")
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    number = match.group("number")
    rest = (match.group("rest") or "").strip()
    capitals = rest.isupper() and len(rest) < 200
    if par.bold or capitals or (par.italic and len(text) < 200):
        return _Heading(_shape(number), number, rest, "")
    prefix = _one_line(par.bold_prefix)
    head = _NUMBER.fullmatch(prefix)
    if head is not None and (head.group("rest") or "").strip():
        rest = text[len(prefix):].strip()
        return _Heading(_shape(number), number, (head.group("rest") or "").strip(), rest)
    return None


def _body_paragraph(par: _Par) -> Paragraph:
    text = _one_line(par.text)
    if par.label is not None:
        if par.bullet:
            mark = par.label.strip()
            kind = ParagraphKind.SUB_BULLET if mark == "+" or par.ilvl > 0 \
                else ParagraphKind.BULLET
            return _paragraph(text, kind)
        return _paragraph(f"{par.label} {text}")
    bullet = _BULLET.fullmatch(text)
    if bullet is not None:
        kind = ParagraphKind.SUB_BULLET if bullet.group("mark") == "+" else ParagraphKind.BULLET
        return _paragraph(bullet.group("rest"), kind)
    return _paragraph(text)


def _signature(pars: list[_Par]) -> Signature | None:
    """Titles, the first with its authority, then the signer after the space for signing."""
    lines: list[tuple[str, bool]] = []
    gap = False
    for par in pars:
        for line in par.text.split("\n"):
            line = line.replace("\t", " ").strip()  # noqa: PLW2901
            if not line:
                gap = True
                continue
            if _SIGNED.fullmatch(line):
                gap = True
                continue
            lines.append((line, gap or par.before >= 24))
            gap = False
    if not lines:
        return None
    signer = ""
    last, spaced = lines[-1]
    if len(lines) == 1 or spaced or not last.isupper():
        signer = last
        lines = lines[:-1]
    titles = [line for line, _ in lines]
    authority = None
    if titles:
        match = _AUTHORITY.fullmatch(titles[0])
        if match is not None:
            authority = SigningAuthority(match.group("prefix"))
            titles[0] = match.group("title").strip()
    return Signature(signer, tuple(titles), authority)


def _date(match: re.Match[str]) -> DocumentDate | None:
    def part(text: str) -> int | None:
        digits = text.strip(" .…_\t\n")
        return int(digits) if digits.isdigit() else None

    day, month = part(match.group("day")), part(match.group("month"))
    try:
        return DocumentDate(int(match.group("year")), month, day)
    except CchcError:
        return None


def read_docx(data: bytes, *, source: str = "<bytes>") -> Report:
    """Read a whole report from the bytes of a Word (``.docx``) file.

    *source* names the input in error messages (a path). A file that holds no report — not a
    zip package, a spreadsheet or presentation renamed ``.docx``, an empty document — and a
    package larger than the limits (:data:`MAX_DOCX_BYTES`, :data:`MAX_DOCX_UNPACKED`,
    :data:`MAX_DOCX_PARTS`) raise :class:`~cchc_model.InputError` with the reason. Needs the
    ``docx`` extra (``pip install "cchc-model[docx]"``).
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"read_docx() takes bytes, not {type(data).__name__}")
    _check_package(data, source)
    document = _open(data, source)
    try:
        walker = _Walker(document, source)
        blocks = list(walker.blocks(document.element.body))
        return _Assembler(blocks, source).report()
    except CchcError:
        raise
    except Exception as error:  # noqa: BLE001 - a malformed part fails in python-docx or lxml
        raise InputError(
            f"{source}: không đọc được nội dung tệp Word (cannot read the Word file): "
            f"{type(error).__name__}"
        ) from None
