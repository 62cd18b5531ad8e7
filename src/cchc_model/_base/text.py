"""Vietnamese text normalisation, shared by every parser of the library.

Reports reach us from Word, PDF extraction and e-mail: the same words arrive decomposed (NFD),
with ``Ð`` (U+00D0, Icelandic eth) typed for ``Đ`` (U+0110), and with non-breaking or other
odd spaces. :func:`normalize_text` makes them one text; parsers call it before they read.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

# Characters replaced one for one, so that offsets into the text stay valid.
_LOOKALIKES = {
    "\u00d0": "Đ",  # Ð, Icelandic capital eth, looks like Đ
    "\u00f0": "đ",  # ð, its lower case
    "\u0189": "Đ",  # Ɖ, African D, same glyph
}
_ODD_SPACES = {
    "\u00a0": " ",  # no-break space
    "\u1680": " ",
    **{chr(code): " " for code in range(0x2000, 0x200B)},  # en quad … hair space
    "\u202f": " ",  # narrow no-break space
    "\u205f": " ",
    "\u3000": " ",  # ideographic space
}
_SAME_LENGTH = str.maketrans({**_LOOKALIKES, **_ODD_SPACES})
_INVISIBLE = str.maketrans(dict.fromkeys(("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")))
# str.translate looks every character up; most text has none of these, which a search of one
# character class finds out much faster.
_TRANSLATED = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in (*_SAME_LENGTH, *_INVISIBLE)) + "]"
)
_SPACE_RUN = re.compile(" {2,}")


def normalize_text(text: str) -> str:
    r"""The text in the form the parsers read: NFC, ``Đ`` for look-alikes, plain single spaces.

    * Unicode NFC, so decomposed (NFD) text compares equal to composed text;
    * ``Ð`` (U+00D0) and ``ð`` (U+00F0), which look like ``Đ`` and ``đ``, become them;
    * no-break and other Unicode spaces become a plain space, zero-width characters go;
    * runs of spaces collapse to one.

    Tabs and line breaks are kept (tables and paragraphs depend on them), and the ends of the
    text are not stripped.

    .. versionadded:: 0.1.0

    >>> normalize_text("Quyết định số 25/Q\u00d0-UBND")
    'Quyết định số 25/QĐ-UBND'
    >>> normalize_text("ngày\u00a0 05") == "ngày 05"
    True
    >>> normalize_text(unicodedata.normalize("NFD", "Kế hoạch")) == "Kế hoạch"
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_text() takes a str, not {type(text).__name__}")
    if _TRANSLATED.search(text) is not None:
        text = text.translate(_INVISIBLE).translate(_SAME_LENGTH)
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text))


def same_length_cleanup(text: str) -> str:
    r"""Replace look-alike letters and odd spaces one for one, keeping every offset valid.

    >>> same_length_cleanup("Q\u00d0\u00a0x")
    'QĐ x'
    """
    if _TRANSLATED.search(text) is None:
        return text
    return text.translate(_SAME_LENGTH)


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    r"""The NFC form of *text*, and where each of its characters starts in *text*.

    The offset list has one entry more than the result (the end of *text*), so a span
    ``[i, j)`` of the result is ``[offsets[i], offsets[j])`` of the input. ``None`` when the
    text is already NFC: offsets are then the identity.

    >>> nfc_with_offsets("e\u0301x")
    ('éx', [0, 2, 3])
    >>> nfc_with_offsets("ab")
    ('ab', None)
    >>> nfc_with_offsets("D\u0301e\u0302\u0301")
    ('D́ế', [0, 1, 2, 5])
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    length = len(text)
    # A cluster is a starter and the combining marks after it; NFC never merges clusters
    # across starters for Vietnamese text, so each cluster is normalised on its own.
    while start < length:
        end = start + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[start:end])
        out.append(piece)
        # The starter (composed with what marks it could take) starts the cluster; marks
        # left over keep their own places at its end, so a span that ends before a stray
        # mark ends before it in the input too, not at the start of the cluster.
        offsets.append(start)
        offsets.extend(range(end - len(piece) + 1, end))
        start = end
    offsets.append(length)
    return "".join(out), offsets
