"""Vietnamese text normalisation, shared by every parser of the library.

Reports reach us from Word, PDF extraction and e-mail: the same words arrive decomposed (NFD),
with ``Ð`` (U+00D0, Icelandic eth) typed for ``Đ`` (U+0110), and with non-breaking or other
odd spaces. :func:`normalize_text` makes them one text; parsers call it before they read.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["nfc", "normalize_text"]

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
# Of those, the printable ones: the look-alike letters. The spaces and the zero-width
# characters are not printable, so printable text needs looking at for these few only.
_PRINTABLE_TRANSLATED = tuple(
    chr(code) for code in (*_SAME_LENGTH, *_INVISIBLE) if chr(code).isprintable()
)
_SPACE_RUN = re.compile(" {2,}")
# unicodedata sorts a run of combining marks by insertion, quadratic in the run's length; a
# run of non-ASCII characters this long is normalised by the linear route of _nfc_long.
_LONG_RUN = 64
_NON_ASCII_RUN = re.compile(f"[^\\x00-\\x7f]{{{_LONG_RUN},}}")


def nfc(text: str) -> str:
    """Unicode NFC of *text*, in time linear in its length (``O(n log n)`` at worst).

    :func:`unicodedata.normalize` puts combining marks in canonical order by insertion, so
    a letter followed by thousands of marks of alternating classes takes quadratic time.
    No ASCII character composes with what precedes it, so the text is cut before ASCII
    characters: pieces whose non-ASCII runs are short go to :mod:`unicodedata` whole, and
    each long run is ordered with a stable sort first. The result is exactly NFC.

    >>> nfc("Ke\u0302\u0301 hoa\u0323ch") == "Kế hoạch"
    True
    >>> len(nfc("a" + "\u0301\u0323" * 50_000))
    100000
    """
    if text.isascii():
        return text
    found = _NON_ASCII_RUN.search(text)
    if found is None:
        return unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    done = 0
    while found is not None:
        start, end = found.span()
        start = max(start - 1, done)  # the ASCII letter the marks may sit on goes with them
        pieces.append(unicodedata.normalize("NFC", text[done:start]))
        pieces.append(_nfc_long(text[start:end]))
        done = end
        found = _NON_ASCII_RUN.search(text, end)
    pieces.append(unicodedata.normalize("NFC", text[done:]))
    return "".join(pieces)


def _nfc_long(text: str) -> str:
    """NFC of *text* by decomposing each character, ordering the marks, then composing.

    NFD of short slices costs a bounded time per character; a stable sort by combining class
    of every run of marks then makes the canonical order of the whole (the slices' own
    ordering keeps marks of one class in their order); on ordered input, composition is
    linear (no non-starter is the first of a composition pair).
    """
    decompose = unicodedata.normalize
    combining = unicodedata.combining
    out: list[str] = []
    marks: list[str] = []
    step = 32
    decomposed = "".join([decompose("NFD", text[i : i + step]) for i in range(0, len(text), step)])
    for char in decomposed:
        if combining(char):
            marks.append(char)
            continue
        if marks:
            out.extend(sorted(marks, key=combining) if len(marks) > 1 else marks)
            marks = []
        out.append(char)
    out.extend(sorted(marks, key=combining))
    return unicodedata.normalize("NFC", "".join(out))


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
    if has_translated(text):
        text = text.translate(_INVISIBLE).translate(_SAME_LENGTH)
    return _SPACE_RUN.sub(" ", nfc(text))


# What the engine's matching in any case (re.IGNORECASE) takes for a letter besides its
# upper and lower case.
_OTHER_CASES = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131", "å": "\u212b"}


def case_variants(letter: str) -> frozenset[str]:
    r"""Every character that matches *letter* when the case is ignored, *letter* among them.

    >>> sorted(case_variants("đ")), "\u212a" in case_variants("k")
    (['Đ', 'đ'], True)
    """
    cases = (letter, letter.lower(), letter.upper(), *_OTHER_CASES.get(letter.lower(), ""))
    return frozenset(case for case in cases if len(case) == 1)


def has_translated(text: str) -> bool:
    """Whether *text* holds a character :func:`normalize_text` replaces or drops.

    ``_TRANSLATED.search(text) is not None``, found faster: the engine looks each character
    up in a class, where :meth:`str.isprintable` runs one table look-up per character and
    ``in`` a vectorised search per letter.

    >>> has_translated("Q\u00d0"), has_translated("a\u00a0b"), has_translated("Kế hoạch")
    (True, True, False)
    """
    if text.isprintable():
        for char in _PRINTABLE_TRANSLATED:  # noqa: SIM110 - no generator on a hot path
            if char in text:
                return True
        return False
    return _TRANSLATED.search(text) is not None


def same_length_cleanup(text: str) -> str:
    r"""Replace look-alike letters and odd spaces one for one, keeping every offset valid.

    >>> same_length_cleanup("Q\u00d0\u00a0x")
    'QĐ x'
    """
    if not has_translated(text):
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
    # unicodedata.is_normalized is linear, unlike a normalisation: its quick check answers
    # "no" at the first marks out of canonical order, so the full NFC it falls back on (for
    # marks that may compose) reorders only the few marks of a composed letter's own
    # decomposition. Much faster than a search for long runs of non-ASCII characters first.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
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
        piece = nfc(text[start:end])
        out.append(piece)
        # The starter (composed with what marks it could take) starts the cluster; marks
        # left over keep their own places at its end, so a span that ends before a stray
        # mark ends before it in the input too, not at the start of the cluster.
        offsets.append(start)
        offsets.extend(range(end - len(piece) + 1, end))
        start = end
    offsets.append(length)
    return "".join(out), offsets
