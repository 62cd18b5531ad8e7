"""Reading bytes within bounds and as text (`cchc_model._base.files`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cchc_model._base.files import NotText, decode_text


def test_byte_order_mark_is_dropped() -> None:
    """UTF-8 with a byte-order mark reads as the text after it."""
    assert decode_text("\ufeffBÁO CÁO\n".encode()) == "BÁO CÁO\n"


def test_not_utf8_says_line_and_byte() -> None:
    """Bytes that are not UTF-8 give the line and the byte where they stop being it."""
    assert decode_text(b"a\nb\nc\xff") == NotText("utf-8", 3, 5)


def test_nul_is_binary() -> None:
    """A NUL character marks binary data, on the line it is on."""
    assert decode_text("dòng 1\nx\x00".encode()) == NotText("binary", 2, 8)


@given(st.text().filter(lambda text: "\x00" not in text and not text.startswith("\ufeff")))
def test_text_round_trips(text: str) -> None:
    """Any text without NUL reads back from its UTF-8 bytes unchanged."""
    assert decode_text(text.encode()) == text
