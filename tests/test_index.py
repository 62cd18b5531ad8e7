"""Tests for the index the validation rules share: built once per subject, equal to a walk."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    DocumentType,
    Header,
    IndicatorValue,
    LegalDocumentRef,
    Paragraph,
    ReferenceMatch,
    Report,
    Subject,
    catalogue_2023,
    default_rules,
    validate,
)
from cchc_model._model.appendix import Appendix
from cchc_model._model.index import Citation, SubjectIndex, _symbol_facts
from cchc_model.examples import reference_report
from tests.other_reports import OTHER_REPORTS
from tests.strategies import legal_document_refs


@pytest.fixture(scope="module")
def report() -> Report:
    return reference_report()


class TestCitations:
    def test_every_citation_in_document_order(self, report: Report) -> None:
        """The citations are those of a walk of the paragraphs, with the paths dumps uses."""
        walked = [
            (f"{path}.references[{i}]", match)
            for path, paragraph in report.paragraphs()
            for i, match in enumerate(paragraph.references)
        ]
        citations = SubjectIndex(report, report.appendix).citations
        assert [(c.path, c.match) for c in citations] == walked
        assert len(citations) == 60

    def test_derived_fields_are_the_references(self, report: Report) -> None:
        """Number and symbol, issuer codes, system and symbol type are the reference's own."""
        for citation in SubjectIndex(report, None).citations:
            ref = citation.ref
            assert citation.ref is citation.match.ref
            assert citation.number_symbol == ref.number_symbol
            assert citation.issuer_codes == ref.issuer_codes
            assert citation.system == ref.system
            assert citation.symbol_type is ref.symbol_type

    def test_of(self, report: Report) -> None:
        """Citation.of builds the record of one match."""
        _, paragraph = next(p for p in report.paragraphs() if p[1].references)
        citation = Citation.of("$.x", paragraph, paragraph.references[0])
        assert citation.path == "$.x"
        assert citation.number_symbol == paragraph.references[0].ref.number_symbol


class TestBuiltOnce:
    def test_parts_are_kept(self, report: Report) -> None:
        """Each part is computed on first use and the same object is returned after."""
        index = Subject.of(report).index
        for name in ("paragraphs", "citations", "facts", "rows", "filled_rows"):
            assert getattr(index, name) is getattr(index, name)

    def test_one_index_per_subject(self, report: Report) -> None:
        """A subject keeps its index; a new subject (a new validation) gets a new one."""
        subject = Subject.of(report)
        assert subject.index is subject.index
        assert Subject.of(report).index is not subject.index

    def test_once(self, report: Report) -> None:
        """once() calls a builder once per index, keyed by the builder."""
        calls: list[int] = []

        def count(index: SubjectIndex) -> int:
            calls.append(1)
            return len(index.citations)

        index = Subject.of(report).index
        assert index.once(count) == index.once(count) == 60
        assert len(calls) == 1
        assert Subject.of(report).index.once(count) == 60
        assert len(calls) == 2


class TestAppendixRows:
    def test_rows_with_definitions(self) -> None:
        """Every row comes with its definition, None for a code the form lacks."""
        catalogue = catalogue_2023()
        appendix = Appendix((IndicatorValue("3.1.3", 138), IndicatorValue("3.1.4", 2),
                             IndicatorValue("1.1.1", None)))
        index = Subject.of(appendix).index
        assert [(row.code, d is not None and d.code) for row, d in index.rows] == [
            ("3.1.3", "3.1.3"), ("3.1.4", False), ("1.1.1", "1.1.1")
        ]
        assert index.catalogue is catalogue
        assert [row.code for row, _ in index.filled_rows] == ["3.1.3"]

    def test_unknown_form(self) -> None:
        """An appendix of an unknown form has no catalogue and so no rows to check."""
        index = Subject.of(Appendix((IndicatorValue("1", 1),), form="1999")).index
        assert index.catalogue is None
        assert index.rows == index.filled_rows == ()

    def test_appendix_alone(self) -> None:
        """Without a report there are no paragraphs, citations or facts."""
        index = Subject.of(catalogue_2023().build({"3.1.3": 1})).index
        assert index.paragraphs == index.citations == index.facts == ()

    def test_facts_paths(self, report: Report) -> None:
        """Every figure of the prose comes with its path."""
        facts = SubjectIndex(report, None).facts
        assert facts
        assert all(path.endswith("]") and ".facts[" in path for path, _ in facts)


class TestSharing:
    @pytest.mark.parametrize(
        "make", [reference_report, *OTHER_REPORTS.values()], ids=["reference", *OTHER_REPORTS]
    )
    def test_shared_index_finds_what_fresh_subjects_find(self, make: object) -> None:
        """Rules sharing one index find exactly what each finds on a subject of its own."""
        report = make()  # type: ignore[operator]
        alone = [
            finding
            for rule in default_rules()
            for finding in rule.check(rule, Subject.of(attrs.evolve(report)))
        ]
        assert list(validate(report).findings) == alone


def _number_symbol(ref: LegalDocumentRef) -> str:
    """The number and symbol the index writes for a citation of *ref*."""
    paragraph = Paragraph("x", references=(ReferenceMatch(ref, 0, 1, "x"),))
    report = Report(Header("SỞ NỘI VỤ"), introduction=(paragraph,))
    return SubjectIndex(report, None).citations[0].number_symbol


_SYMBOL_PARTS = ("KH", "QĐ", "NĐ", "CP", "UBND", "SLĐTBXH", "TTr", "CT", "TU", "TW", "HD", "BCTĐ",
                 "STP", "QH13", "TTLT", "BNV", "BTC", "TT", "QĐi", "BCSĐ", "x", "")


class TestSymbolFacts:
    @given(legal_document_refs())
    def test_as_the_reference_has_them(self, ref: LegalDocumentRef) -> None:
        """Issuer codes, system and symbol type from one split are the reference's own."""
        assert _symbol_facts(ref) == (ref.issuer_codes, ref.system, ref.symbol_type)

    @given(st.lists(st.sampled_from(_SYMBOL_PARTS), min_size=1, max_size=4),
           st.sampled_from(("-", "/")), st.integers(0, 4), st.sampled_from((None, *DocumentType)))
    def test_any_symbol(self, parts: list[str], mark: str, at: int,
                        kind: DocumentType | None) -> None:
        """Symbols of any parts, in the Party's form or not, of any type, read alike."""
        joined = "-".join(parts)
        symbol = joined[:at] + mark + joined[at:] if mark == "/" else joined
        ref = LegalDocumentRef(kind, 1, symbol)
        assert _symbol_facts(ref) == (ref.issuer_codes, ref.system, ref.symbol_type)


class TestNumberSymbol:
    @given(legal_document_refs())
    def test_as_the_reference_writes_it(self, ref: LegalDocumentRef) -> None:
        """The index writes a citation's number and symbol as LegalDocumentRef does."""
        assert _number_symbol(ref) == ref.number_symbol

    @pytest.mark.parametrize("number", [0, 1, 9, 10, 99, 100, 4339, -5])
    @pytest.mark.parametrize(("symbol", "year"), [("KH-UBND", None), ("NĐ-CP", 2020),
                                                  ("CT/TU", None), ("QH13", 2015)])
    def test_leading_zeros_and_forms(self, number: int, symbol: str, year: int | None) -> None:
        """Numbers below ten take a zero; Party, VBQPPL and plain forms are kept."""
        ref = LegalDocumentRef(None, number, symbol, year=year, number_suffix="c")
        assert _number_symbol(ref) == ref.number_symbol
