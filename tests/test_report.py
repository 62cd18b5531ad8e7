"""The report model: immutability, drafts, dates, paths of paragraphs."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_model import (
    CchcError,
    DocumentDate,
    Header,
    Paragraph,
    ParagraphKind,
    Report,
    Section,
    Signature,
    SigningAuthority,
)
from tests.strategies import paragraphs, sections


def report() -> Report:
    return Report(
        Header("SỞ X", number=12, symbol="BC-SX", date=DocumentDate(2023, 12, 14),
               legal_basis=Paragraph("Thực hiện …")),
        introduction=(Paragraph("Sở báo cáo như sau:"),),
        sections=(
            Section("I", "A", (Paragraph("a0"),), (
                Section("1", "B", (Paragraph("b0"), Paragraph("b1", ParagraphKind.BULLET))),
            )),
            Section("II", "C"),
        ),
        closing=(Paragraph("Trên đây …"),),
    )


class TestImmutability:
    def test_frozen(self):
        """Models are frozen; evolve makes a changed copy."""
        r = report()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.header = Header("Y")  # type: ignore[misc]
        changed = attrs.evolve(r, closing=())
        assert changed.closing == ()
        assert r.closing != ()

    def test_hashable(self):
        """Frozen models hash, so they can be set members and dict keys."""
        assert hash(report()) == hash(report())


class TestDraft:
    def test_final(self):
        """Number and full date make a final report."""
        assert not report().is_draft

    def test_blank_number(self):
        """A blank number makes a draft."""
        r = report()
        assert attrs.evolve(r, header=attrs.evolve(r.header, number=None)).is_draft

    def test_blank_day(self):
        """A blank day makes a draft."""
        r = report()
        assert attrs.evolve(r, header=attrs.evolve(r.header, date=DocumentDate(2023, 11))).is_draft


class TestDocumentDate:
    def test_complete(self):
        """A complete date converts to datetime.date."""
        assert DocumentDate(2023, 2, 1).as_date() == date(2023, 2, 1)
        assert DocumentDate.of(date(2024, 2, 29)) == DocumentDate(2024, 2, 29)

    def test_partial(self):
        """A draft date has no datetime.date."""
        assert DocumentDate(2023, 11).as_date() is None
        assert not DocumentDate(2023).is_complete

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ((2023, None, 5), "có ngày mà không có tháng"),
            ((2023, 13), "tháng không hợp lệ"),
            ((2023, 2, 29), "ngày không tồn tại"),
        ],
    )
    def test_invalid(self, args: tuple[int, ...], message: str):
        """Impossible dates are refused with a CchcError."""
        with pytest.raises(CchcError, match=message):
            DocumentDate(*args)


class TestHeader:
    def test_number_symbol(self):
        """Numbers below 10 take a leading zero; a draft leaves the number blank."""
        assert Header("X", number=5, symbol="BC-S").number_symbol == "05/BC-S"
        assert Header("X", number=3170, symbol="KH-S").number_symbol == "3170/KH-S"
        assert Header("X", symbol="BC-S").number_symbol == "/BC-S"


class TestSignature:
    def test_lines(self):
        """The authority prefix goes on the first title line."""
        sig = Signature("Trần Đức Long", ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), SigningAuthority.DEPUTY)
        assert sig.lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Đức Long")

    def test_without_authority(self):
        """A head signing in person has no prefix."""
        assert Signature("A", ("GIÁM ĐỐC",)).lines == ("GIÁM ĐỐC", "A")


class TestWalk:
    def test_paragraph_paths(self):
        """paragraphs() yields every paragraph with its JSON path, in document order."""
        assert [(path, p.text) for path, p in report().paragraphs()] == [
            ("$.header.legal_basis", "Thực hiện …"),
            ("$.introduction[0]", "Sở báo cáo như sau:"),
            ("$.sections[0].paragraphs[0]", "a0"),
            ("$.sections[0].subsections[0].paragraphs[0]", "b0"),
            ("$.sections[0].subsections[0].paragraphs[1]", "b1"),
            ("$.closing[0]", "Trên đây …"),
        ]

    def test_section_walk(self):
        """walk() visits a section and its subsections depth first."""
        assert [s.number for s in report().sections[0].walk()] == ["I", "1"]

    def test_paragraph_kind_marker(self):
        """Bullets keep their marks."""
        assert [k.marker for k in ParagraphKind] == ["", "-", "+"]


class TestParagraphMade:
    """A reader's unchecked paragraph is the paragraph the checked constructor makes."""

    @settings(max_examples=200, deadline=None)
    @given(paragraphs)
    def test_same_as_constructor(self, paragraph: Paragraph) -> None:
        """Any paragraph's parts: equal, the same repr and hash, and passing every check."""
        made = Paragraph._made(
            paragraph.text, paragraph.kind, paragraph.references, paragraph.facts
        )
        assert made == paragraph
        assert repr(made) == repr(paragraph)
        assert hash(made) == hash(paragraph)
        attrs.validate(made)

    def test_frozen(self) -> None:
        """It is frozen as any paragraph is."""
        made = Paragraph._made("a", ParagraphKind.PLAIN, (), ())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.text = "b"  # type: ignore[misc]
        assert made == Paragraph("a")


class TestSectionMade:
    """A reader's unchecked section is the section the checked constructor makes."""

    @settings(max_examples=200, deadline=None)
    @given(sections, st.sampled_from(("I", "1", "a", "4.2", "", "II.", "b)", " 3 ")))
    def test_same_as_constructor(self, section: Section, number: str) -> None:
        """Any section's parts, any number: equal, the same repr and hash, passing every check."""
        made = Section._made(number, section.heading, section.paragraphs, section.subsections)
        checked = Section(number, section.heading, section.paragraphs, section.subsections)
        assert made == checked
        assert repr(made) == repr(checked)
        assert hash(made) == hash(checked)
        attrs.validate(made)
