"""Reading whole reports: :func:`read_report` picks the reader by format or file suffix.

Text and Markdown (``.md``, ``.txt``, ``.markdown``) are read by the text reader, Word files
(``.docx``, the ``docx`` extra) by the Word reader. Input is read in chunks up to a byte limit,
whatever the file system says its size is, so a large or endless file is refused without being
read whole.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Literal

from cchc_model._base.errors import InputError
from cchc_model._base.files import decode_text, read_stream_bounded
from cchc_model._io.docx_report import read_docx
from cchc_model._io.text_report import read_text_report
from cchc_model._model.report import Report

__all__ = ["MAX_REPORT_BYTES", "ReportFormat", "read_report"]

#: Largest input :func:`read_report` reads, in bytes (the reference report is ~60 kB).
MAX_REPORT_BYTES = 16 * 1024 * 1024

ReportFormat = Literal["md", "txt", "docx"]

_SUFFIXES: dict[str, ReportFormat] = {
    ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx",
}
_ZIP_MAGIC = b"PK\x03\x04"
_PATH_SHOWN = 200


def _read_bounded(stream: BinaryIO, where: str, max_bytes: int) -> bytes:
    data = read_stream_bounded(stream, max_bytes)
    if data is None:
        raise InputError(f"{where}: dữ liệu quá lớn, tối đa {max_bytes} byte (input too large)")
    return data


def _shown(path: str) -> str:
    return path if len(path) <= _PATH_SHOWN else path[:_PATH_SHOWN] + "…"


def _decode(data: bytes, where: str) -> str:
    # UTF-8 writes a NUL character as a NUL byte and nothing else with one: without that
    # byte, text that decodes is decode_text's, found without its second pass for NUL.
    if b"\x00" not in data:
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return decoded[1:] if decoded.startswith("\ufeff") else decoded
    text = decode_text(data)
    if isinstance(text, str):
        return text
    if text.reason == "binary":
        raise InputError(
            f"{where}:{text.line}: tệp nhị phân, không phải văn bản (binary data, not text)"
        )
    raise InputError(
        f"{where}:{text.line}: không phải văn bản UTF-8 (not UTF-8 text) tại byte {text.at}"
    )


def read_report(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    format: ReportFormat | None = None,  # noqa: A002 - the natural name, as in read_appendix
    max_bytes: int = MAX_REPORT_BYTES,
) -> Report:
    r"""Read a whole report from a text, Markdown or Word file.

    The report comes whole: head, sections, paragraphs with their citations and figures,
    signature, recipients and the statistics appendix.

    *source* is a path (``str`` or :class:`os.PathLike`), the bytes of a file, or a binary
    file object. *format* (``"md"``, ``"txt"`` or ``"docx"``) is taken from the suffix of a
    path when not given; for bytes and file objects it is guessed from the content. At most
    *max_bytes* bytes are read; more is refused with :class:`~cchc_model.InputError`.

    Every paragraph is made with :meth:`Paragraph.of <cchc_model.Paragraph.of>`. A file that
    is only a statistics table raises :class:`~cchc_model.AppendixOnlyError` (read it with
    :func:`~cchc_model.read_appendix`); one with no report in it
    :class:`~cchc_model.NotAReportError`.

    .. versionadded:: 0.2.0

    >>> text = '''## BÁO CÁO
    ...
    ... ### Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024
    ...
    ... ## I. KẾT QUẢ
    ...
    ... - Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55).
    ... '''
    >>> report = read_report(text.encode(), format="md")
    >>> report.header.period.label
    '6 tháng đầu năm 2024'
    >>> paragraph = report.sections[0].paragraphs[0]
    >>> paragraph.kind.value, paragraph.facts[0].total.value
    ('bullet', 486)
    """
    if format is not None and format not in ("md", "txt", "docx"):
        raise InputError(
            "định dạng phải là md, txt hoặc docx (format must be md, txt or docx): "
            f"{format!r}"
        )
    where = "<bytes>"
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if not isinstance(path, str):
            raise TypeError("read_report() takes a str path, not bytes")
        where = _shown(path)
        if format is None:
            format = _SUFFIXES.get(Path(path).suffix.lower())  # noqa: A001
            if format is None:
                raise InputError(
                    f"{where}: không nhận dạng được loại tệp (unknown report format) "
                    f"{Path(path).suffix or '(none)'}; cần .md, .txt hoặc .docx"
                )
        try:
            with open(path, "rb") as stream:
                data = _read_bounded(stream, where, max_bytes)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(f"{where}: không đọc được tệp (cannot read file): {reason}") from None
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > max_bytes:
            raise InputError(f"{where}: dữ liệu quá lớn, tối đa {max_bytes} byte (input too large)")
    elif hasattr(source, "read"):
        where = _shown(str(getattr(source, "name", "<file>")))
        data = _read_bounded(source, where, max_bytes)
    else:
        raise TypeError(
            "read_report() takes a path, bytes or a binary file, "
            f"not {type(source).__name__}"
        )
    if format is None:
        format = "docx" if data.startswith(_ZIP_MAGIC) else "md"  # noqa: A001
    if format == "docx":
        return read_docx(data, source=where)
    return read_text_report(_decode(data, where), source=where)
