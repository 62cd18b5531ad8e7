"""Reading and writing the statistics appendix as a table: TSV, Markdown and XLSX.

The reader knows the layout reports are exchanged in: five columns (``STT | Chỉ tiêu | Đơn vị
tính | Số liệu | Ghi chú``), the header repeated at every page break, ``<b>``/``<i>`` markup,
"Trong đó" rows that break a total down, a row split across a page break, and the table at the
end of a whole report. Rows are matched to the catalogue by code *and* label, so a row whose
STT is wrong (the reference report numbers the rows of 1.2 as 1.1.1–1.1.4) still lands on its
indicator; its STT is kept as written and validation reports the difference. Rows that match
nothing are kept in :attr:`Appendix.extra`. Only input with no table at all, unreadable bytes
or a broken workbook raise :class:`~cchc_model.AppendixParseError`.
"""

from __future__ import annotations

import difflib
import functools
import html
import importlib
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import attrs

from cchc_model._base.errors import AppendixParseError, CchcError, InputError, extra_hint
from cchc_model._base.files import decode_text, read_bounded, utf8_exceeds
from cchc_model._base.text import nfc
from cchc_model._model.appendix import Appendix, Catalogue, catalogue_2023
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._values.kinds import Value, ValueKind, format_value, label_key, parse_value

__all__ = ["MAX_TABLE_BYTES", "MAX_TABLE_ROWS", "read_appendix", "write_appendix"]

#: Largest input :func:`read_appendix` reads by default, in bytes (a whole report with its
#: appendix is ~100 kB); for a workbook, also the most its parts may unpack to.
MAX_TABLE_BYTES = 16 * 1024 * 1024
#: Most lines of text or rows of a workbook sheet :func:`read_appendix` reads by default.
MAX_TABLE_ROWS = 20_000

#: The official columns, in order.
COLUMNS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")

TableFormat = Literal["tsv", "markdown", "xlsx"]

_XLSX_MAGIC = b"PK\x03\x04"
_PATH_SHOWN = 200
_TAG = re.compile(r"</?(?:b|i|u|em|strong)\s*>", re.IGNORECASE)
_ITALIC_TAG = re.compile(r"<(/?)i>", re.IGNORECASE)
# Characters a cell cannot hold (see UNWRITABLE in serialization); the control characters
# that are white space (vertical tab, form feed, separators, NEL) are spacing, not refused.
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# No cell may hold these, however written: what load refuses in any text.
_NOT_IN_CELL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
# Lines end at \n, \r\n or \r only: a vertical tab, form feed or U+2028 inside a cell is
# white space in that cell, not the end of the row (str.splitlines would split there).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));")
_CODE = re.compile(r"\d+(?:\.\d+)*\.?")
_MD_SPLIT = re.compile(r"(?<!\\)\|")
_MD_RULE = re.compile(r":?-{3,}:?")
_HEADER_WORDS = frozenset(
    label_key(word) for word in ("Đơn vị tính", "Số liệu", "Kết quả thống kê", "Ghi chú")
)


@functools.lru_cache(maxsize=4096)  # labels and units repeat from table to table
def _clean(cell: str) -> str:
    """A cell as text: NFC, no markup, single spaces, then character references resolved.

    ``&lt;``, ``&amp;``, ``&#32;``… are read last, so that what :func:`write_appendix` escapes
    (a tag, ``**``, a double space, a line break) comes back as it was.
    """
    cell = nfc(cell)
    cell = _TAG.sub("", cell).replace("**", "")
    cell = _SPACE.sub(" ", cell).strip()
    return _ENTITY.sub(_entity, cell) if "&" in cell else cell


def _entity(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html.unescape(f"&{name};")
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code > 0x10FFFF or _NOT_IN_CELL.match(chr(code)):
        return match.group()  # not a character a cell may hold: kept as written
    return chr(code)


def _without_italics(text: str) -> str:
    """*text* without its ``<i>…</i>`` spans, in one pass (a lazy regex rescans the rest).

    Each ``<i>`` pairs with the first ``</i>`` after it, as ``<i>.*?</i>`` would pair them.
    """
    out: list[str] = []
    done = 0
    start: int | None = None
    for tag in _ITALIC_TAG.finditer(text):
        if not tag.group(1):
            if start is None:
                start = tag.start()
        elif start is not None:
            out.append(text[done:start])
            out.append(" ")
            done, start = tag.end(), None
    out.append(text[done:])
    return "".join(out)


# --- reading: from bytes to lines of cells -----------------------------------------------


@attrs.frozen
class _Line:
    """One line of the input: a row of cells, or a line of text (``cells is None``)."""

    number: int
    cells: tuple[str, ...] | None
    text: str = ""


def _is_header(cells: Sequence[str]) -> bool:
    return bool(cells) and label_key(cells[0]) == "stt"


def _is_subheader(cells: Sequence[str]) -> bool:
    filled = [label_key(c) for c in cells if c.strip()]
    return bool(filled) and all(key in _HEADER_WORDS for key in filled)


def _split_lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and not lines[-1] else lines


def _tsv_lines(source: Sequence[str], first: int = 1) -> list[_Line]:
    """The lines of a TSV table, numbered from *first*."""
    lines = []
    for number, line in enumerate(source, start=first):
        if "\t" in line:
            lines.append(_Line(number, tuple(line.split("\t"))))
        else:
            lines.append(_Line(number, None, line))
    return lines


def _md_lines(source: Sequence[str], first: int = 1) -> list[_Line]:
    """The lines of a Markdown table, numbered from *first*; its rules left out."""
    lines = []
    for number, line in enumerate(source, start=first):
        stripped = line.strip()
        if stripped.startswith("|") and len(stripped) > 1:
            inner = stripped[1:-1] if stripped.endswith("|") and not stripped.endswith("\\|") \
                else stripped[1:]
            cells = tuple(cell.replace("\\|", "|") for cell in _MD_SPLIT.split(inner))
            if all(_MD_RULE.fullmatch(cell.strip()) for cell in cells):
                continue
            lines.append(_Line(number, cells))
        else:
            lines.append(_Line(number, None, line))
    return lines


def _looks_markdown(text: str) -> bool:
    for line in _split_lines(text):
        stripped = line.strip()
        if stripped.startswith("|"):
            first = _MD_SPLIT.split(stripped[1:], maxsplit=1)[0]
            if label_key(first) == "stt":
                return True
    return False


def _unwritable(bad: re.Match[str], location: str) -> AppendixParseError:
    return AppendixParseError(
        f"ký tự điều khiển hoặc không ghi được U+{ord(bad.group()):04X} "
        "(control or unwritable character)",
        location=location,
    )


def _decode(data: bytes, where: str) -> str:
    text = decode_text(data)
    if isinstance(text, str):
        return text
    if text.reason == "binary":
        raise AppendixParseError(
            "tệp nhị phân, không phải bảng (binary data, not a table)",
            location=f"{where}:{text.line}",
        )
    raise AppendixParseError(
        f"không phải văn bản UTF-8 (not UTF-8 text) tại byte {text.at}",
        location=f"{where}:{text.line}",
    )


def _xlsx_cell(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | float):
        from decimal import Decimal  # noqa: PLC0415 - only workbooks have numeric cells

        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fmt = str(getattr(cell, "number_format", "") or "")
        if "%" in fmt:
            return format_value(number * 100, ValueKind.PERCENT)
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return format_value(number.normalize() if number % 1 else number, ValueKind.COUNT)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _openpyxl() -> Any:
    try:
        # An optional extra, imported when a workbook is used; it ships no type hints.
        return importlib.import_module("openpyxl")
    except ImportError:
        raise InputError(
            "cần gói openpyxl để dùng tệp .xlsx (install the xlsx extra to read and write "
            ".xlsx): " + extra_hint("xlsx")
        ) from None


def _sheet_rows(
    workbook: Any, where: str, max_rows: int, formulas: frozenset[tuple[int, int]]
) -> list[_Line]:
    if not workbook.worksheets:
        raise AppendixParseError("bảng tính không có trang (no sheet)", location=where)
    lines: list[_Line] = []
    sheet = workbook.worksheets[0]
    # The sheet's <dimension> is what its writer claimed, and read-only openpyxl stops there:
    # forget it, and read every row the sheet holds.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(max_col=len(COLUMNS) + 3)
    for number, row in enumerate(rows, start=1):
        if number > max_rows:
            raise AppendixParseError(
                f"bảng tính quá lớn, tối đa {max_rows} dòng (too many rows)",
                location=f"{where}:{number}",
            )
        for cell in row:
            if cell.value is None and (number, getattr(cell, "column", 0)) in formulas:
                raise AppendixParseError(
                    f"ô {_cell_name(number, cell.column)} có công thức nhưng không có kết quả "
                    "đã tính; mở và lưu lại bảng tính bằng Excel hoặc LibreOffice (a formula "
                    "without a cached value: open and save the workbook in a spreadsheet)",
                    location=f"{where}:{number}",
                )
        cells = tuple(_xlsx_cell(cell) for cell in row)
        for cell in cells:
            bad = _UNWRITABLE.search(cell)
            if bad is not None:
                raise _unwritable(bad, f"{where}:{number}")
        filled = [i for i, cell in enumerate(cells) if cell.strip()]
        if not filled:
            lines.append(_Line(number, None, ""))
        elif filled == [0] and not _CODE.fullmatch(cells[0].strip()) and not _is_header(cells):
            lines.append(_Line(number, None, cells[0]))
        else:
            lines.append(_Line(number, cells))
    return lines


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _formula_cells(openpyxl: Any, data: bytes, max_rows: int) -> frozenset[tuple[int, int]]:
    """Where the first sheet holds a formula, as (row, column); read only if it has any.

    Read with ``data_only`` a formula cell shows its cached result, and ``None`` when the
    writer stored none (openpyxl and pandas store none): such a cell must not pass for blank.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = sorted(
                name for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")
            )
            if not any(_has_formula(archive, name) for name in sheets):
                return frozenset()
    except Exception:  # noqa: BLE001 - a broken archive is reported by openpyxl below
        return frozenset()
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        if not workbook.worksheets:
            return frozenset()
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        found: set[tuple[int, int]] = set()
        for number, row in enumerate(sheet.iter_rows(max_col=len(COLUMNS) + 3), start=1):
            if number > max_rows:
                break
            found.update(
                (number, cell.column) for cell in row if getattr(cell, "data_type", "") == "f"
            )
        return frozenset(found)
    finally:
        workbook.close()


def _has_formula(archive: zipfile.ZipFile, name: str) -> bool:
    with archive.open(name) as part:
        tail = b""
        while chunk := part.read(1 << 16):
            window = tail + chunk
            if b"<f>" in window or b"<f " in window or b":f>" in window or b":f " in window:
                return True
            tail = window[-4:]
    return False


def _unpacked_size(data: bytes) -> int | None:
    """What the parts of a workbook unpack to, as its zip directory says; None if unreadable.

    The directory cannot lie to us: :mod:`zipfile` never yields more than the size it states.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except Exception:  # noqa: BLE001 - zipfile raises many kinds, NotImplementedError too
        return None


def _xlsx_lines(data: bytes, where: str, max_bytes: int, max_rows: int) -> list[_Line]:
    openpyxl = _openpyxl()
    unpacked = _unpacked_size(data)
    if unpacked is not None and unpacked > max_bytes:
        raise AppendixParseError(
            f"bảng tính giải nén ra {unpacked} byte, tối đa {max_bytes} "
            f"(workbook unpacks to too many bytes)",
            location=where,
        )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise AppendixParseError(
            f"không mở được bảng tính (cannot open workbook): {type(error).__name__}",
            location=where,
        ) from None
    try:
        formulas = _formula_cells(openpyxl, data, max_rows)
        rows = _sheet_rows(workbook, where, max_rows, formulas)
    except AppendixParseError:
        raise
    except Exception as error:  # noqa: BLE001 - a corrupt sheet fails while it is read
        raise AppendixParseError(
            f"không đọc được bảng tính (cannot read workbook): {type(error).__name__}",
            location=where,
        ) from None
    else:
        return rows
    finally:
        workbook.close()


def _line_count(text: str) -> int:
    """How many lines :func:`_split_lines` makes of *text*, counted without splitting it."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _too_large(where: str, max_bytes: int) -> AppendixParseError:
    return AppendixParseError(
        f"dữ liệu quá lớn, tối đa {max_bytes} byte (input too large)", location=where
    )


def _source_lines(
    source: str | bytes | os.PathLike[str], fmt: str | None, max_bytes: int, max_rows: int
) -> tuple[list[_Line], str]:
    where = "<text>"
    data: bytes | None = None
    text: str | None = None
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not any(ch in source for ch in "\n\t|")
    ):
        path = os.fspath(source)
        # A long str without line breaks is taken for a path; its messages must stay short.
        where = path if len(path) <= _PATH_SHOWN else path[:_PATH_SHOWN] + "…"
        try:
            data = read_bounded(path, max_bytes)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise AppendixParseError(
                f"không đọc được tệp (cannot read file): {reason}", location=where
            ) from None
        if data is None:
            raise _too_large(where, max_bytes)
        if fmt is None:
            suffix = Path(path).suffix.lower()
            fmt = {".xlsx": "xlsx", ".md": "markdown", ".markdown": "markdown"}.get(suffix)
    elif isinstance(source, bytes):
        where = "<bytes>"
        data = source
    elif isinstance(source, str):
        text = source
    else:
        raise TypeError(
            f"read_appendix() takes a path, str or bytes, not {type(source).__name__}"
        )
    if data is not None:
        if len(data) > max_bytes:
            raise _too_large(where, max_bytes)
        if fmt == "xlsx" or (fmt is None and data.startswith(_XLSX_MAGIC)):
            return _xlsx_lines(data, where, max_bytes, max_rows), where
        text = _decode(data, where)
    assert text is not None  # noqa: S101 - one of the branches above set it
    _check_text(text, where, max_bytes, max_rows)
    if fmt == "markdown" or (fmt is None and _looks_markdown(text)):
        return _md_lines(_split_lines(text)), where
    return _tsv_lines(_split_lines(text)), where


def _check_text(text: str, where: str, max_bytes: int, max_rows: int) -> None:
    """Refuse text too large, with too many lines, or with a character no table may hold."""
    if utf8_exceeds(text, max_bytes):
        raise _too_large(where, max_bytes)
    lines = _line_count(text)
    if lines > max_rows:
        raise AppendixParseError(
            f"quá nhiều dòng ({lines}), tối đa {max_rows} (too many lines)", location=where
        )
    if "\x00" in text:
        _decode(text.encode("utf-8", "surrogatepass"), where)
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        raise _unwritable(bad, f"{where}:{_line_count(text[: bad.start()])}")


# --- reading: from lines to rows ---------------------------------------------------------


@attrs.define
class _Row:
    line: int
    stt: str
    label: str
    unit: str
    raw: str
    note: str
    keys: tuple[str, ...]


def _row(line: _Line) -> _Row | None:
    assert line.cells is not None  # noqa: S101 - only rows of cells come here
    cells = list(line.cells) + [""] * (len(COLUMNS) - len(line.cells))
    note = " ".join(cell for cell in cells[4:] if cell.strip())
    stt, label, unit, raw = (_clean(cell) for cell in cells[:4])
    note = _clean(note)
    if not any((stt, label, unit, raw, note)):
        return None
    keys = [label_key(label)]
    plain = label_key(_without_italics(cells[1]))
    if plain and plain not in keys:
        keys.append(plain)
    return _Row(line.number, stt, label, unit, raw, note, tuple(keys))


def _is_continuation(row: _Row, previous: _Row | None) -> bool:
    """A row that carries on the previous one across a page break ("Trong" / "đó")."""
    if previous is None:
        return False
    if label_key(row.stt) == "đó" and label_key(previous.stt) == "trong":
        return True
    return (
        not row.stt and not row.unit and not row.raw and not row.note
        and row.label[:1].islower()
    )


def _table(lines: list[_Line], where: str, *, preceded: bool = False) -> tuple[str, list[_Row]]:
    """The table's title and rows; *preceded*: text the *lines* do not hold comes before them."""
    start = next((i for i, line in enumerate(lines) if line.cells and _is_header(line.cells)),
                 None)
    if start is None:
        start = next(
            (i for i, line in enumerate(lines)
             if line.cells and len(line.cells) >= 3 and _CODE.fullmatch(_clean(line.cells[0]))),
            None,
        )
    if start is None:
        raise AppendixParseError(
            f"không tìm thấy bảng phụ lục trong {len(lines)} dòng: cần dòng tiêu đề STT "
            "hoặc dòng có mã chỉ tiêu (no appendix table found)",
            location=where,
        )
    title = _title(lines[:start], preceded=preceded)
    rows: list[_Row] = []
    after_break = False
    for line in lines[start:]:
        if line.cells is None:
            if line.text.strip():
                break
            continue
        if _is_header(line.cells):
            after_break = bool(rows)
            continue
        if _is_subheader(line.cells):
            continue
        row = _row(line)
        if row is None:
            continue
        previous = rows[-1] if rows else None
        if after_break and previous is not None and _is_continuation(row, previous):
            previous.stt = f"{previous.stt} {row.stt}".strip()
            previous.label = f"{previous.label} {row.label}".strip()
            previous.keys = (label_key(previous.label),)
        else:
            rows.append(row)
        after_break = False
    return title, rows


def _title(before: list[_Line], *, preceded: bool = False) -> str:
    end = len(before)
    while end and before[end - 1].cells is None and not before[end - 1].text.strip():
        end -= 1
    begin = end
    while begin and before[begin - 1].cells is None and before[begin - 1].text.strip():
        begin -= 1
    block = [_clean(line.text).strip("# ") for line in before[begin:end]]
    block = [line for line in block if line]
    if not block:
        return ""
    at_start = not preceded and all(
        line.cells is None and not line.text.strip() for line in before[:begin]
    )
    if at_start or label_key(block[0]).startswith("phụ lục"):
        return " ".join(block)
    return ""


def _stt_code(stt: str) -> str | None:
    return stt.rstrip(".") if _CODE.fullmatch(stt) else None


class _Matcher:
    """Matches rows to indicators, by code and label, in document order."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.used: set[str] = set()
        self.context: str | None = None
        self.last = -1

    def _free(self, definitions: Iterable[IndicatorDef]) -> list[IndicatorDef]:
        return [d for d in definitions if d.code not in self.used]

    def _by_label(self, row: _Row) -> list[IndicatorDef]:
        found: dict[str, IndicatorDef] = {}
        for key in row.keys:
            for definition in self.catalogue.match_label(key):
                found.setdefault(definition.code, definition)
        return self._free(found.values())

    def _closest(self, candidates: list[IndicatorDef]) -> IndicatorDef:
        position = self.catalogue.position
        return min(
            candidates,
            key=lambda d: (d.parent != self.context, abs(position(d.code) - self.last - 1)),
        )

    def _similar(self, row: _Row, definitions: Iterable[IndicatorDef], cutoff: float
                 ) -> IndicatorDef | None:
        best, best_ratio = None, cutoff
        for definition in self._free(definitions):
            target = label_key(definition.label)
            for key in row.keys:
                # The bounds first: a long label cannot be like a short one, and ratio() is
                # quadratic in the label's length.
                matcher = difflib.SequenceMatcher(None, key, target)
                if matcher.real_quick_ratio() < best_ratio:
                    continue
                if matcher.quick_ratio() < best_ratio:
                    continue
                ratio = matcher.ratio()
                if ratio >= best_ratio:
                    best, best_ratio = definition, ratio
        return best

    def _siblings(self) -> list[IndicatorDef]:
        if self.context is None:
            return []
        catalogue = self.catalogue
        return [catalogue[c] for c in catalogue.children(self.context) if catalogue[c].is_subrow]

    def match(self, row: _Row) -> IndicatorDef | None:
        found = self._find(row)
        if found is not None:
            self.used.add(found.code)
            self.last = self.catalogue.position(found.code)
            self.context = found.parent if found.is_subrow else found.code
        return found

    def _find(self, row: _Row) -> IndicatorDef | None:
        catalogue = self.catalogue
        code = _stt_code(row.stt)
        if code is not None:
            by_code = catalogue.get(code)
            if by_code is not None and by_code.code in self.used:
                by_code = None
            labelled = self._by_label(row)
            if by_code is not None and by_code in labelled:
                return by_code
            if labelled:
                return self._closest(labelled)
            if by_code is not None and self._similar(row, [by_code], 0.6) is not None:
                return by_code
            group = code.split(".", 1)[0]
            same_group = (d for d in catalogue.values() if d.code.split(".", 1)[0] == group)
            return self._similar(row, same_group, 0.9)
        siblings = self._free(self._siblings())
        for definition in siblings:
            if label_key(definition.label) in row.keys:
                return definition
        labelled = self._by_label(row)
        if labelled:
            return self._closest(labelled)
        return self._similar(row, siblings, 0.8)


def _appendix(title: str, rows: list[_Row], catalogue: Catalogue) -> Appendix:
    matcher = _Matcher(catalogue)
    matched: list[IndicatorValue] = []
    extra: list[IndicatorValue] = []
    for row in rows:
        definition = matcher.match(row)
        if definition is not None:
            value = definition.parse(row.raw)
            code = definition.code
        else:
            value = parse_value(row.raw, ValueKind.HEADING)
            code = _stt_code(row.stt) or ""
        item = IndicatorValue(
            code, value, raw=row.raw, note=row.note, label=row.label, unit=row.unit,
            stt=row.stt, line=row.line,
        )
        (matched if definition is not None else extra).append(item)
    return Appendix(tuple(matched), title=title, form=catalogue.form, extra=tuple(extra))


def read_appendix(
    source: str | bytes | os.PathLike[str],
    *,
    catalogue: Catalogue | None = None,
    format: TableFormat | None = None,  # noqa: A002 - the natural name, as in write_appendix
    max_bytes: int = MAX_TABLE_BYTES,
    max_rows: int = MAX_TABLE_ROWS,
) -> Appendix:
    r"""Read a statistics appendix table.

    *source* is a path (``.tsv``, ``.txt``, ``.md``, ``.xlsx``), the table as text, or the
    bytes of a file. A ``str`` with no line break, tab or ``|`` is a path. The table may sit
    at the end of a whole report. *format* is guessed from the suffix or the content when not
    given. Rows are matched to *catalogue* (the 2023 form by default). Input of more than
    *max_bytes* bytes (for a workbook: packed, or unpacked), more than *max_rows* lines or
    workbook rows is refused with :class:`~cchc_model.AppendixParseError` before it is read.

    .. versionadded:: 0.1.0

    >>> table = ("STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú\n"
    ...          "3.1.3.\tTổng số TTHC đang có hiệu lực\tThủ tục\t138\t\n"
    ...          "Trong đó\tSố TTHC cấp tỉnh:\tThủ tục\t103\t\n"
    ...          "1.1.1.\tSố sở, ngành đã kiểm tra\tCơ quan, đơn vị\t7\t\n")
    >>> a = read_appendix(table)
    >>> a["3.1.3"].value, a["3.1.3.a"].value, a["1.2.1"].stt
    (138, 103, '1.1.1.')
    >>> read_appendix("no table\nhere")
    Traceback (most recent call last):
    ...
    cchc_model.AppendixParseError: <text>: không tìm thấy bảng phụ lục trong 2 dòng: cần dòng tiêu đề STT hoặc dòng có mã chỉ tiêu (no appendix table found)
    """  # noqa: E501
    if format is not None and format not in ("tsv", "markdown", "xlsx"):
        raise InputError(
            f"định dạng phải là 'tsv', 'markdown' hoặc 'xlsx', gặp {format!r} "
            f"(format must be 'tsv', 'markdown' or 'xlsx')"
        )
    lines, where = _source_lines(source, format, max_bytes, max_rows)
    title, rows = _table(lines, where)
    return _appendix(title, rows, catalogue or catalogue_2023())


def appendix_of_lines(
    lines: Sequence[str], start: int, fmt: Literal["tsv", "markdown"]
) -> Appendix:
    """The appendix of a report whose table begins at ``lines[start]``.

    The same appendix, or the same error, as :func:`read_appendix` of the lines joined by
    line breaks (with one at the end) and *fmt* as the format. A report's reader knows
    where its table begins: the prose before it is checked as :func:`read_appendix` checks
    it (size, characters) but not made into lines of a table. The lines are read from the
    block of text above the first line that could be a row (one with a tab, or a ``|`` row):
    the block a title is taken from, however the table's header is found.
    """
    text = "\n".join(lines) + "\n"
    _check_text(text, "<text>", MAX_TABLE_BYTES, MAX_TABLE_ROWS)
    if fmt == "markdown":
        row = next(i for i, line in enumerate(lines) if line.lstrip().startswith("|"))
    else:
        row = next(i for i, line in enumerate(lines) if "\t" in line)
    begin = min(row, start)
    while begin and not lines[begin - 1].strip():
        begin -= 1
    while begin and lines[begin - 1].strip():
        begin -= 1
    made = (_md_lines if fmt == "markdown" else _tsv_lines)(lines[begin:], begin + 1)
    preceded = any(line.strip() for line in lines[:begin])
    try:
        title, rows = _table(made, "<text>", preceded=preceded)
    except AppendixParseError:
        return read_appendix(text, format=fmt)  # its message counts every line of the text
    return _appendix(title, rows, catalogue_2023())

# --- writing -----------------------------------------------------------------------------


def _cell_value(row: IndicatorValue, definition: IndicatorDef | None) -> str:
    kind = definition.kind if definition is not None else ValueKind.HEADING
    scale = definition.scale if definition is not None else None
    raw = _clean(row.raw)
    if raw and _same(parse_value(raw, kind, scale), row.value):
        return raw
    if row.value is None:
        return ""
    return _clean(format_value(row.value, kind))


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return a == b


def _ordered(appendix: Appendix) -> list[IndicatorValue]:
    every = [*appendix.rows, *appendix.extra]
    if all(row.line is not None for row in every):
        return sorted(every, key=lambda row: row.line or 0)
    return every


def _table_rows(
    appendix: Appendix, *, escape: bool | None = None
) -> Iterator[tuple[str, ...]]:
    """The rows' cells: as shown, or escaped for a table format.

    *escape* ``None`` gives them as renderers show them; ``False`` escapes them for TSV and
    XLSX, ``True`` for Markdown, so that :func:`read_appendix` reads them back.
    """
    try:
        definitions: Catalogue | None = appendix.catalogue
    except CchcError:  # an unknown form: write the rows as they are
        definitions = None
    extra = {id(row) for row in appendix.extra}
    for row in _ordered(appendix):
        definition = None
        if definitions is not None and id(row) not in extra:
            definition = definitions.get(row.code)
        # A row built from a bare value has the form's cells already (Appendix fills them).
        value = _cell_value(row, definition)
        if escape is None:
            yield _clean(row.stt), _clean(row.label), _clean(row.unit), value, _clean(row.note)
        else:
            yield tuple(
                _escape_cell(cell, markdown=escape)
                for cell in (row.stt, row.label, row.unit, value, row.note)
            )


_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>&!~#")


def _escape_cell(text: str, *, markdown: bool = False) -> str:
    r"""*text* written so that the reader's :func:`_clean` gives it back exactly.

    White space other than single inner spaces becomes ``&#32;``, ``&#9;``…; then, if the
    reader would still change the text (a tag, ``**``, a character reference), ``&``, ``<``
    and ``*`` are escaped too; in Markdown every character with a meaning there is (so the
    table shows what it holds, and ``<img onerror>`` is text), and ``|`` is ``\|``.
    Failing all that, every character but ASCII letters and digits is a reference.
    """
    if markdown:
        tiers: tuple[frozenset[str] | None, ...] = (_MARKDOWN_SPECIAL, None)
    else:
        tiers = (frozenset(), frozenset("&<*"), None)
    for special in tiers:
        escaped = _escaped(text, special)
        if _clean(escaped) == text:
            return escaped.replace("|", "\\|") if markdown else escaped
    raise InputError(
        f"ô chứa ký tự không ghi được (cell holds an unwritable character): {text[:80]!r}"
    )


def _escaped(text: str, special: frozenset[str] | None) -> str:
    out: list[str] = []
    last = len(text) - 1
    for i, char in enumerate(text):
        if char == " " and 0 < i < last and not text[i - 1].isspace() and (
            not text[i + 1].isspace()
        ):
            out.append(char)
        elif char.isspace() or (
            char in special if special is not None else not (char.isascii() and char.isalnum())
        ):
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def _tsv(appendix: Appendix) -> str:
    lines = []
    if appendix.title.strip():
        lines += [_escape_cell(appendix.title), ""]
    lines.append("\t".join(COLUMNS))
    lines += ["\t".join(cells) for cells in _table_rows(appendix, escape=False)]
    return "\n".join(lines) + "\n"


def _markdown(appendix: Appendix) -> str:
    lines = []
    if appendix.title.strip():
        lines += [f"**{_escape_cell(appendix.title, markdown=True)}**", ""]
    lines.append("| " + " | ".join(COLUMNS) + " |")
    lines.append("|" + "|".join("---" for _ in COLUMNS) + "|")
    for cells in _table_rows(appendix, escape=True):
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _xlsx(appendix: Appendix) -> bytes:
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    bold = openpyxl.styles.Font(bold=True)

    def put(row_number: int, cells: Sequence[str]) -> None:
        for column, text in enumerate(cells, start=1):
            if not text:
                continue
            cell = sheet.cell(row=row_number, column=column, value=text)
            cell.data_type = "s"  # text, never a formula, whatever it starts with

    number = 1
    if appendix.title.strip():
        put(number, [_escape_cell(appendix.title)])
        sheet.cell(row=number, column=1).font = bold
        number += 2
    put(number, COLUMNS)
    for column in range(1, len(COLUMNS) + 1):
        sheet.cell(row=number, column=column).font = bold
    for cells in _table_rows(appendix, escape=False):
        number += 1
        put(number, cells)
    for letter, width in zip("ABCDE", (10, 70, 18, 14, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@overload
def write_appendix(
    appendix: Appendix, format: Literal["tsv", "markdown"] = ..., *,
    path: str | os.PathLike[str] | None = ...,
) -> str: ...
@overload
def write_appendix(
    appendix: Appendix, format: Literal["xlsx"], *,
    path: str | os.PathLike[str] | None = ...,
) -> bytes: ...
def write_appendix(
    appendix: Appendix,
    format: TableFormat = "tsv",  # noqa: A002 - the natural name for the output format
    *,
    path: str | os.PathLike[str] | None = None,
) -> str | bytes:
    """Write *appendix* as a table in the official columns: TSV, Markdown or XLSX.

    Values are written as read (``raw``) when that still says the value, otherwise in the
    Vietnamese notation (``14.584``, ``33,37%``). :func:`read_appendix` reads the result back
    equal. Returns the text (``bytes`` for XLSX) and, with *path*, also writes it there.

    .. versionadded:: 0.1.0

    >>> from cchc_model import catalogue_2023
    >>> a = catalogue_2023().build({"7.6": 14584})
    >>> print(write_appendix(a, "markdown"), end="")
    | STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú |
    |---|---|---|---|---|
    | 7.6. | Số liệu về trao đổi văn bản điện tử |  | 14.584 |  |
    >>> read_appendix(write_appendix(a)) == a
    True
    """
    if not isinstance(appendix, Appendix):
        raise TypeError(f"write_appendix() takes an Appendix, not {type(appendix).__name__}")
    output: str | bytes
    if format == "tsv":
        output = _tsv(appendix)
    elif format == "markdown":
        output = _markdown(appendix)
    elif format == "xlsx":
        output = _xlsx(appendix)
    else:
        raise ValueError(f"format must be 'tsv', 'markdown' or 'xlsx', not {format!r}")
    if path is not None:
        try:
            if isinstance(output, bytes):
                Path(path).write_bytes(output)
            else:
                Path(path).write_text(output, encoding="utf-8")
        except OSError as error:
            raise InputError(
                f"không ghi được tệp (cannot write) {os.fspath(path)!r}: {error.strerror}"
            ) from None
    return output
