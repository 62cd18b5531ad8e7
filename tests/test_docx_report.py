"""Reading whole reports from Word files: head, sections, signature, recipients, appendix."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from cchc_model import (
    CchcError,
    InputError,
    Paragraph,
    ParagraphKind,
    Report,
    Section,
    SigningAuthority,
    render_docx,
)
from cchc_model._io.docx_report import read_docx
from cchc_model.examples import reference_report

from .strategies import word_reports

docx = pytest.importorskip("docx")

DATA = Path(__file__).parent / "data" / "docx"


def without_facts(report: Report) -> Report:
    """The report with the figures of its paragraphs left out (references kept)."""

    def paragraph(p: Paragraph) -> Paragraph:
        return attrs.evolve(p, facts=())

    def section(s: Section) -> Section:
        return attrs.evolve(s, paragraphs=tuple(map(paragraph, s.paragraphs)),
                            subsections=tuple(map(section, s.subsections)))

    header = report.header
    if header.legal_basis is not None:
        header = attrs.evolve(header, legal_basis=paragraph(header.legal_basis))
    return attrs.evolve(
        report, header=header, introduction=tuple(map(paragraph, report.introduction)),
        sections=tuple(map(section, report.sections)),
        closing=tuple(map(paragraph, report.closing)),
    )


class TestRoundTrip:
    def test_reference_report(self):
        """read_docx(render_docx(r)) gives back the reference report, paragraph for paragraph."""
        report = reference_report()
        assert without_facts(read_docx(render_docx(report))) == without_facts(report)

    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(word_reports)
    def test_generated_reports(self, report: Report):
        """Any report a Word layout can carry comes back equal from its rendered file."""
        assert without_facts(read_docx(render_docx(report))) == without_facts(report)
