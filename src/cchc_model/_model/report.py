"""The report: header, sections, paragraphs, signature, recipients and the appendix.

Every class is frozen; change a report with :func:`attrs.evolve`. Collections are tuples.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator

import attrs

from cchc_model._base.checks import of_type, slot_setters, tuple_of
from cchc_model._base.dates import DOCUMENT_DATE, DocumentDate, to_document_date
from cchc_model._base.periods import ReportingPeriod
from cchc_model._model.appendix import Appendix
from cchc_model._model.fact_grammar import facts_of
from cchc_model._model.facts import (
    CountFact,
    Fact,
    MoneyFact,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._values.references import DocumentType, ReferenceMatch, extract_references

_FACTS = (CountFact, PercentFact, MoneyFact, RatioFact, RateFact, TotalFact)

__all__ = [
    "Header",
    "Paragraph",
    "ParagraphKind",
    "Recipient",
    "Report",
    "Section",
    "Signature",
    "SigningAuthority",
]


class ParagraphKind(enum.Enum):
    """How a paragraph is set: plain, a ``-`` bullet or a ``+`` sub-bullet."""

    PLAIN = "plain"
    BULLET = "bullet"
    SUB_BULLET = "sub_bullet"

    @property
    def marker(self) -> str:
        """The mark written before the text: ``""``, ``"-"`` or ``"+"``."""
        return {"plain": "", "bullet": "-", "sub_bullet": "+"}[self.value]


@attrs.frozen
class Paragraph:
    """A paragraph of prose, its text kept exactly, with what it states.

    ``references`` are the legal documents it cites, with their spans in ``text``;
    ``facts`` the figures it states.
    """

    text: str = attrs.field(validator=of_type(str))
    kind: ParagraphKind = attrs.field(
        default=ParagraphKind.PLAIN, validator=of_type(ParagraphKind)
    )
    references: tuple[ReferenceMatch, ...] = attrs.field(
        default=(),
        **tuple_of(
            ReferenceMatch,
            hint="một trích dẫn trong đoạn văn là ReferenceMatch, từ extract_references() "
            "(a citation in a paragraph is a ReferenceMatch, from extract_references())",
        ),
    )
    facts: tuple[Fact, ...] = attrs.field(default=(), **tuple_of(*_FACTS, expected="Fact"))

    @classmethod
    def of(cls, text: str, kind: ParagraphKind = ParagraphKind.PLAIN) -> Paragraph:
        """A paragraph with the citations and figures its text states, found by the readers.

        A tool that builds a report writes each figure once, in the text; the citations come
        from :func:`~cchc_model.extract_references` and the figures from
        :func:`~cchc_model.extract_facts`.

        .. versionadded:: 0.2.0

        >>> p = Paragraph.of("Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55).")
        >>> p.facts[0].total.value, [part.value for part in p.facts[0].parts]
        (486, [430, 55])
        >>> Paragraph.of("Thực hiện Kế hoạch số 3170/KH-SLĐTBXH.").references[0].ref.number_symbol
        '3170/KH-SLĐTBXH'
        """
        if not isinstance(text, str):
            raise TypeError(f"Paragraph.of() takes a str, not {type(text).__name__}")
        if not isinstance(kind, ParagraphKind):
            raise TypeError(f"kind must be a ParagraphKind, not {type(kind).__name__}")
        references = extract_references(text)
        return cls(
            text, kind, tuple(references), tuple(m.fact for m in facts_of(text, references))
        )

    @classmethod
    def _made(
        cls,
        text: str,
        kind: ParagraphKind,
        references: tuple[ReferenceMatch, ...],
        facts: tuple[Fact, ...],
    ) -> Paragraph:
        """A paragraph of parts a reader made itself, without the constructor's type checks.

        For the text readers only: *text* a ``str``, *kind* a :class:`ParagraphKind`,
        *references* a tuple of what the citation scanner found in *text* and *facts* a tuple
        of the facts the figure grammar found: parts the checks would pass by construction.
        """
        paragraph = object.__new__(cls)
        set_text, set_kind, set_references, set_facts = _PARAGRAPH_SETTERS
        set_text(paragraph, text)
        set_kind(paragraph, kind)
        set_references(paragraph, references)
        set_facts(paragraph, facts)
        return paragraph


def _section_number(value: str) -> str:
    """A section's number without its dot or parenthesis: ``"I."`` → ``"I"``."""
    if not isinstance(value, str):
        return value  # the validator names the wrong type
    return value.strip().rstrip(".)").strip()


@attrs.frozen
class Section:
    """A numbered part of the report: ``I. CÔNG TÁC CHỈ ĐẠO…``, ``1. Cải cách thể chế``.

    ``number`` is the numbering as written without its dot (``"I"``, ``"2"``, ``"a"``); a
    number given with its dot or closing parenthesis has it taken off.

    >>> Section("I.", "KẾT QUẢ").number, Section("a)", "Tiếp nhận").number
    ('I', 'a')
    """

    number: str = attrs.field(converter=_section_number, validator=of_type(str))
    heading: str = attrs.field(validator=of_type(str))
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), **tuple_of(Paragraph))
    subsections: tuple[Section, ...] = attrs.field(
        default=(), **tuple_of(expected="Section", later=lambda: (Section,))
    )

    @classmethod
    def _made(
        cls,
        number: str,
        heading: str,
        paragraphs: tuple[Paragraph, ...],
        subsections: tuple[Section, ...],
    ) -> Section:
        """A section of parts a reader made itself, without the constructor's type checks.

        For the text readers only: *number* and *heading* are ``str``, *paragraphs* a tuple
        of paragraphs and *subsections* a tuple of sections. The number is converted as the
        constructor converts it.
        """
        section = object.__new__(cls)
        set_number, set_heading, set_paragraphs, set_subsections = _SECTION_SETTERS
        set_number(section, _section_number(number))
        set_heading(section, heading)
        set_paragraphs(section, paragraphs)
        set_subsections(section, subsections)
        return section

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, depth first, in document order."""
        yield self
        for sub in self.subsections:
            yield from sub.walk()


_PARAGRAPH_SETTERS = slot_setters(Paragraph)
_SECTION_SETTERS = slot_setters(Section)


@attrs.frozen
class Header:
    """The head of the document (Nghị định 30/2020, Phụ lục I).

    ``agency`` is the issuing body and ``parent_agency`` the body above it, as printed in
    capitals at the top left. ``number`` is ``None`` in a draft (``Số:    /BC-SLĐTBXH``).
    ``legal_basis`` is the "Thực hiện …" paragraph that states why the report is made.
    """

    agency: str = attrs.field(validator=of_type(str))
    parent_agency: str = attrs.field(default="", validator=of_type(str))
    doc_type: DocumentType = attrs.field(
        default=DocumentType.REPORT, validator=of_type(DocumentType)
    )
    number: int | None = attrs.field(
        default=None,
        validator=of_type(int, optional=True, hint="số văn bản là số nguyên, ví dụ 412 "
                          "(the document number is an int, e.g. 412)"),
    )
    symbol: str = attrs.field(default="", validator=of_type(str))
    place: str = attrs.field(default="", validator=of_type(str))
    date: DocumentDate | None = attrs.field(
        default=None, converter=to_document_date, validator=DOCUMENT_DATE
    )
    title: str = attrs.field(default="", validator=of_type(str))
    subtitle: str = attrs.field(default="", validator=of_type(str))
    period: ReportingPeriod | None = attrs.field(
        default=None, validator=of_type(ReportingPeriod, optional=True)
    )
    legal_basis: Paragraph | None = attrs.field(
        default=None, validator=of_type(Paragraph, optional=True)
    )

    @property
    def number_symbol(self) -> str:
        """``"Số: 123/BC-SLĐTBXH"`` form without ``Số:``; a draft leaves the number blank.

        >>> Header("SỞ X", symbol="BC-SLĐTBXH").number_symbol
        '/BC-SLĐTBXH'
        >>> Header("SỞ X", number=5, symbol="BC-SLĐTBXH").number_symbol
        '05/BC-SLĐTBXH'
        """
        number = "" if self.number is None else f"{self.number:02d}"
        return f"{number}/{self.symbol}"


class SigningAuthority(enum.Enum):
    """How the signer signs (Nghị định 30/2020, Điều 13)."""

    DEPUTY = "KT."  # ký thay: a deputy signs for the head
    ON_BEHALF = "TM."  # thay mặt: for a collective body
    BY_ORDER = "TL."  # thừa lệnh
    BY_AUTHORISATION = "TUQ."  # thừa ủy quyền
    ACTING = "Q."  # quyền: acting head


@attrs.frozen
class Signature:
    """The signature block: ``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC`` / the signer's name.

    ``titles`` are the title lines without the authority prefix: for the reference report
    ``("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")`` with ``authority=SigningAuthority.DEPUTY``.
    """

    signer: str = attrs.field(validator=of_type(str))
    titles: tuple[str, ...] = attrs.field(
        default=(),
        **tuple_of(str, hint="một chức danh cũng viết trong tuple: (\"GIÁM ĐỐC\",) "
                   "(one title is a tuple too: (\"GIÁM ĐỐC\",))"),
    )
    authority: SigningAuthority | None = attrs.field(
        default=None, validator=of_type(SigningAuthority, optional=True)
    )

    @property
    def lines(self) -> tuple[str, ...]:
        """The block as printed, the authority prefix on the first title line.

        >>> Signature("Trần Đức Long", ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        ...           SigningAuthority.DEPUTY).lines
        ('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Đức Long')
        """
        titles = list(self.titles)
        if titles and self.authority is not None:
            titles[0] = f"{self.authority.value} {titles[0]}"
        return (*titles, self.signer)


@attrs.frozen
class Recipient:
    """One line of "Nơi nhận": the recipient and a note such as ``tổng hợp``."""

    name: str = attrs.field(validator=of_type(str))
    note: str = attrs.field(default="", validator=of_type(str))


@attrs.frozen
class Report:
    """A CCHC report: the whole document.

    ``introduction`` holds the paragraphs between the legal basis and the first section,
    ``closing`` those after the last section ("Trên đây là báo cáo …"). ``archive`` is the
    "Lưu:" line (``("VT", "VPS")``).
    """

    header: Header = attrs.field(validator=of_type(Header))
    introduction: tuple[Paragraph, ...] = attrs.field(default=(), **tuple_of(Paragraph))
    sections: tuple[Section, ...] = attrs.field(default=(), **tuple_of(Section))
    closing: tuple[Paragraph, ...] = attrs.field(default=(), **tuple_of(Paragraph))
    recipients: tuple[Recipient, ...] = attrs.field(
        default=(),
        **tuple_of(Recipient, hint="mỗi nơi nhận là Recipient(\"Sở Nội vụ\") "
                   "(each recipient is a Recipient(\"Sở Nội vụ\"))"),
    )
    archive: tuple[str, ...] = attrs.field(default=(), **tuple_of(str))
    signature: Signature | None = attrs.field(
        default=None, validator=of_type(Signature, optional=True)
    )
    appendix: Appendix | None = attrs.field(
        default=None, validator=of_type(Appendix, optional=True)
    )

    @property
    def is_draft(self) -> bool:
        """A draft leaves its number or the day of its date blank."""
        header = self.header
        return header.number is None or header.date is None or not header.date.is_complete

    def _repr_html_(self) -> str:
        """The report as a notebook shows it, its validation findings marked where they are."""
        from cchc_model._render import render_html  # noqa: PLC0415 - an adapter, on display
        from cchc_model._rules.default import validate  # noqa: PLC0415 - a layer above

        return render_html(self, findings=validate(self), standalone=False)

    def paragraphs(self) -> Iterator[tuple[str, Paragraph]]:
        """Every paragraph with its JSON path, in document order.

        The path is where the paragraph sits in :func:`~cchc_model.dumps` output:
        ``$.sections[1].subsections[0].paragraphs[2]``.
        """
        return iter(self._paragraphs)

    @functools.cached_property
    def _paragraphs(self) -> tuple[tuple[str, Paragraph], ...]:
        # Every rule walks the paragraphs; a report never changes, so walk it once.
        found: list[tuple[str, Paragraph]] = []
        add = found.append
        if self.header.legal_basis is not None:
            add(("$.header.legal_basis", self.header.legal_basis))
        for i, p in enumerate(self.introduction):
            add((f"$.introduction[{i}]", p))
        for i, section in enumerate(self.sections):
            _section_paragraphs(section, f"$.sections[{i}]", add)
        for i, p in enumerate(self.closing):
            add((f"$.closing[{i}]", p))
        return tuple(found)


def _section_paragraphs(
    section: Section, path: str, add: Callable[[tuple[str, Paragraph]], None]
) -> None:
    """Add every paragraph of *section* at *path*, its subsections' after its own.

    A plain recursion appending to one list: nested generators would pass every paragraph
    up through each level of nesting.
    """
    for i, paragraph in enumerate(section.paragraphs):
        add((f"{path}.paragraphs[{i}]", paragraph))
    for i, sub in enumerate(section.subsections):
        _section_paragraphs(sub, f"{path}.subsections[{i}]", add)
