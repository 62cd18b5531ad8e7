"""Tests for normalize_text and the checks it is made of."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import normalize_text
from cchc_model._base.text import _TRANSLATED, has_translated


class TestNormalizeText:
    def test_nfd_becomes_nfc(self) -> None:
        """Decomposed text is composed."""
        text = "Sở Lao động - Thương binh và Xã hội"
        assert normalize_text(unicodedata.normalize("NFD", text)) == text

    @pytest.mark.parametrize(("eth", "expected"), [("\u00d0", "Đ"), ("\u00f0", "đ")])
    def test_eth_becomes_d_with_stroke(self, eth: str, expected: str) -> None:
        """Ð and ð, which look like Đ and đ, become them."""
        assert normalize_text(f"Q{eth}-UBND") == f"Q{expected}-UBND"

    @pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2009", "\u202f", "\u3000"])
    def test_odd_spaces(self, space: str) -> None:
        """Non-breaking and other Unicode spaces become a plain space."""
        assert normalize_text(f"ngày{space}05") == "ngày 05"

    def test_zero_width_characters_go(self) -> None:
        """Zero-width characters, invisible in a document, are removed."""
        assert normalize_text("Kế\u200b hoạch\ufeff") == "Kế hoạch"

    def test_runs_of_spaces_collapse(self) -> None:
        """Runs of spaces collapse to one; tabs and line breaks stay."""
        assert normalize_text("a    b\u00a0 c") == "a b c"
        assert normalize_text("a\tb\n\nc") == "a\tb\n\nc"

    def test_ends_are_kept(self) -> None:
        """The ends of the text are not stripped."""
        assert normalize_text(" a ") == " a "

    @pytest.mark.parametrize("junk", ["", "€", "⑱", "/" * 5000])
    def test_junk(self, junk: str) -> None:
        """Any string is fine."""
        assert isinstance(normalize_text(junk), str)

    def test_non_string(self) -> None:
        """A non-string is a TypeError."""
        with pytest.raises(TypeError):
            normalize_text(None)  # type: ignore[arg-type]

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        """Normalising twice changes nothing more."""
        once = normalize_text(text)
        assert normalize_text(once) == once
        assert unicodedata.is_normalized("NFC", once)


class TestHasTranslated:
    @given(st.text(alphabet=st.one_of(
        st.sampled_from(_TRANSLATED.pattern[1:-1]), st.sampled_from("aĐđế \t\n"), st.characters()
    ), max_size=40))
    def test_as_the_class_search(self, text: str) -> None:
        """It tells what a search for the class of replaced characters tells."""
        assert has_translated(text) is (_TRANSLATED.search(text) is not None)

    def test_every_character(self) -> None:
        """Each character of the class alone, in printable text and not, is found."""
        for char in _TRANSLATED.pattern[1:-1]:
            assert has_translated(f"Kế hoạch {char}")
            assert has_translated(f"Kế\thoạch {char}")
        assert not has_translated("Kế hoạch")
        assert not has_translated("Kế\thoạch")
