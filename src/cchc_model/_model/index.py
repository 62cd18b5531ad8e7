"""What the validation rules share about a report or an appendix, computed once, on first use.

Some fifty rules read the same things: every citation with its path, issuer codes and date;
the appendix rows with their catalogue definitions; the paragraphs with their paths and
facts. :class:`SubjectIndex` computes each the first time a rule asks for it and keeps it for
the rest of the validation (one index per :class:`~cchc_model.Subject`, so per validation);
:meth:`SubjectIndex.once` does the same for what a rule family derives from them, such as the
citations that conflict or the verdict on each relation between rows.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple, TypeVar, cast

import attrs

from cchc_model._base.errors import CchcError
from cchc_model._model.appendix import Appendix, Catalogue
from cchc_model._model.facts import Fact
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._model.report import Paragraph, Report
from cchc_model._values.references import (
    _BY_ABBREVIATION,
    _PARTY_AGENCIES,
    _PARTY_KINDS,
    DocumentType,
    LegalDocumentRef,
    ReferenceMatch,
    _qualified_kind,
    _system_of,
)

__all__ = ["Citation", "SubjectIndex"]

T = TypeVar("T")

# Issuer codes, system and the type a symbol names: one symbol and type name decide them.
_SymbolFacts = tuple[tuple[str, ...], str, DocumentType | None]


class Citation(NamedTuple):
    """One citation of a report: its path, its paragraph, the match and what it names.

    What the rules ask of a reference again and again (its number and symbol, its issuer
    codes, its system, the type its symbol names) is worked out once, when the index is built.
    A named tuple: a validation builds one per citation, and a tuple is the cheapest to build.
    """

    path: str
    paragraph: Paragraph
    match: ReferenceMatch
    ref: LegalDocumentRef
    number_symbol: str
    issuer_codes: tuple[str, ...]
    system: str
    symbol_type: DocumentType | None

    @classmethod
    def of(cls, path: str, paragraph: Paragraph, match: ReferenceMatch) -> Citation:
        """The citation *match* of *paragraph*, at *path*."""
        ref = match.ref
        codes = ref.issuer_codes
        return cls(path, paragraph, match, ref, ref.number_symbol, codes,
                   _system_of(ref, codes), ref.symbol_type)


_PARTY_CIRCULAR = DocumentType.PARTY_CIRCULAR


def _symbol_facts(ref: LegalDocumentRef) -> _SymbolFacts:
    """``ref.issuer_codes``, ``ref.system`` and ``ref.symbol_type``, from one split of the symbol.

    Each of the three properties splits the symbol anew; a validation asks for all three of
    every symbol a report cites.
    """
    symbol = ref.symbol
    if "/" in symbol:  # the Party's form: 40-CT/TU
        kind, _, agency = symbol.partition("/")
        return tuple(agency.split("-")), "party", _PARTY_KINDS.get(kind)
    parts = symbol.split("-")
    first = parts[0]
    doc_type = ref.doc_type
    if len(parts) > 1 and (first in _BY_ABBREVIATION or _qualified_kind(ref, first)):
        codes = tuple(parts[1:])  # the type's code first: KH-UBND
    elif doc_type is None:
        codes = (first,)  # a công văn's AGENCY-UNIT
    else:
        codes = tuple(parts)  # a law's QH13
    party = doc_type is _PARTY_CIRCULAR or not _PARTY_AGENCIES.isdisjoint(codes)
    system = "party" if party else "state"
    return codes, system, _BY_ABBREVIATION.get(first) if len(parts) > 1 else None


@attrs.frozen
class SubjectIndex:
    """The citations, paragraphs, facts and appendix rows of one subject, each built once.

    >>> from cchc_model import Subject
    >>> from cchc_model.examples import reference_report
    >>> index = Subject.of(reference_report()).index
    >>> index.citations[0].path, index.citations[0].number_symbol
    ('$.header.legal_basis.references[0]', '872/UBND-VXNV')
    >>> index.citations is index.citations
    True
    """

    report: Report | None
    appendix: Appendix | None
    _derived: dict[Callable[[SubjectIndex], object], object] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def once(self, build: Callable[[SubjectIndex], T]) -> T:
        """``build(self)``, computed on the first call with *build* and kept after that.

        A rule family keys what it derives from the index by the function deriving it, so
        two rules that need the same thing compute it once per validation.
        """
        try:
            return cast("T", self._derived[build])
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    @functools.cached_property
    def paragraphs(self) -> tuple[tuple[str, Paragraph], ...]:
        """Every paragraph of the report with its path, in document order."""
        return () if self.report is None else tuple(self.report.paragraphs())

    @functools.cached_property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation of the report, in document order."""
        # A report cites a few symbols many times over: what the symbol and the type name
        # (issuer codes, system, the type the symbol names) is worked out once per symbol.
        by_symbol: dict[str, tuple[DocumentType | None, _SymbolFacts]] = {}
        found: list[Citation] = []
        new = tuple.__new__  # Citation._make without its classmethod call
        for path, paragraph in self.paragraphs:
            matches = paragraph.references
            if not matches:
                continue  # most paragraphs cite nothing
            for i, match in enumerate(matches):
                ref = match.ref
                symbol, kind = ref.symbol, ref.doc_type
                known = by_symbol.get(symbol)
                if known is not None and known[0] is kind:
                    facts = known[1]
                else:
                    facts = _symbol_facts(ref)
                    by_symbol[symbol] = (kind, facts)
                # ref.number_symbol, written without a format specification for a plain
                # number, here: a call per citation costs more than the writing.
                number = ref.number
                if type(number) is int and number >= 0:
                    written = (str(number) if number >= 10 else f"0{number}") + ref.number_suffix
                    year = ref.year
                    if "/" in symbol:
                        number_symbol = f"{written}-{symbol}"
                    elif year is not None:
                        number_symbol = f"{written}/{year}/{symbol}"
                    else:
                        number_symbol = f"{written}/{symbol}"
                else:
                    number_symbol = ref.number_symbol
                found.append(new(Citation, (f"{path}.references[{i}]", paragraph, match, ref,
                                            number_symbol, *facts)))
        return tuple(found)

    @functools.cached_property
    def facts(self) -> tuple[tuple[str, Fact], ...]:
        """Every figure stated in the prose, with its path."""
        found: list[tuple[str, Fact]] = []
        for path, paragraph in self.paragraphs:
            facts = paragraph.facts
            if facts:  # most paragraphs state no figure
                found.extend((f"{path}.facts[{i}]", fact) for i, fact in enumerate(facts))
        return tuple(found)

    @functools.cached_property
    def catalogue(self) -> Catalogue | None:
        """The catalogue of the appendix's form, if the library knows the form."""
        if self.appendix is None:
            return None
        try:
            return self.appendix.catalogue
        except CchcError:
            return None

    @functools.cached_property
    def rows(self) -> tuple[tuple[IndicatorValue, IndicatorDef | None], ...]:
        """Every row of the appendix with its definition (``None`` for an unknown code).

        Nothing when the appendix's form is unknown.
        """
        catalogue = self.catalogue
        if catalogue is None or self.appendix is None:
            return ()
        get = catalogue.get
        return tuple((row, get(row.code)) for row in self.appendix.rows)

    @functools.cached_property
    def filled_rows(self) -> tuple[tuple[IndicatorValue, IndicatorDef], ...]:
        """The rows of known indicators that hold a value, with their definitions."""
        return tuple(
            (row, definition)
            for row, definition in self.rows
            if definition is not None and row.value is not None
        )
