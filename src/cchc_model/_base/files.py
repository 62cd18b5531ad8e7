"""Reading a file whatever it is: bounded by bytes read, not by what ``stat`` says.

A regular file states its size, but ``/dev/zero``, a named pipe or standard input state 0 and
never end. Every reader of the library reads through :func:`read_bounded`, which stops one
byte past the limit.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO, NamedTuple

__all__ = ["NotText", "decode_text", "read_bounded", "read_stream_bounded", "utf8_exceeds"]

_CHUNK = 1 << 20


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """The bytes of the file at *path*, or ``None`` when it holds more than *limit* bytes.

    A regular file larger than *limit* is refused from its size, unread; anything else is
    read in chunks, at most ``limit + 1`` bytes. :class:`OSError` passes through.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as f:
    ...     _ = f.write(b"abc")
    >>> read_bounded(f.name, 3), read_bounded(f.name, 2)
    (b'abc', None)
    >>> read_bounded("/dev/zero", 10) is None
    True
    >>> os.unlink(f.name)
    """
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            return None
        return read_stream_bounded(file, limit)


def read_stream_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """What *stream* gives until its end, or ``None`` when that is more than *limit* bytes.

    At most ``limit + 1`` bytes are read, in chunks. A stream that gives text, not bytes, is a
    :class:`TypeError`.

    >>> import io
    >>> read_stream_bounded(io.BytesIO(b"abc"), 3), read_stream_bounded(io.BytesIO(b"abc"), 2)
    (b'abc', None)
    """
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        if not isinstance(chunk, bytes):
            raise TypeError(f"a binary file is needed, not one that gives {type(chunk).__name__}")
        chunks.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(chunks)


def utf8_exceeds(text: str, limit: int) -> bool:
    """Whether *text* takes more than *limit* bytes in UTF-8 (a lone surrogate: three).

    Only a text that could be over the limit is encoded: a character is one to four bytes.

    >>> utf8_exceeds("Đạt", 5), utf8_exceeds("Đạt", 6), utf8_exceeds("x" * 50, 10)
    (True, False, True)
    """
    if len(text) > limit:
        return True
    if len(text) * 4 <= limit:
        return False
    return len(text.encode("utf-8", "surrogatepass")) > limit


class NotText(NamedTuple):
    """Why bytes are not text, and where.

    *reason* is ``"utf-8"`` (not UTF-8 from byte *at*) or ``"binary"`` (a NUL character at
    *at*); *line* is the 1-based line it is on.
    """

    reason: str
    line: int
    at: int


def decode_text(data: bytes) -> str | NotText:
    r"""*data* as UTF-8 text (a byte-order mark dropped), or why it is not text.

    Each reader words its own error from the :class:`NotText` (a report, a table).

    >>> decode_text("\ufeffSỞ X".encode())
    'SỞ X'
    >>> decode_text(b"a\nb\xff"), decode_text(b"a\x00")
    (NotText(reason='utf-8', line=2, at=3), NotText(reason='binary', line=1, at=1))
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return NotText("utf-8", data[: error.start].count(b"\n") + 1, error.start)
    nul = text.find("\x00")
    if nul >= 0:
        return NotText("binary", text.count("\n", 0, nul) + 1, nul)
    return text
