"""The embedded reference report holds the whole source document, and nothing else.

The source text is ``tests/data/reference_report.txt``; the shipped JSON is built from it by
``tools/build_example.py``, which reads it with ``read_report``. The figures typed by hand
before the library could read them (``tests/reference_figures.py``) measure that reading.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from cchc_model import (
    Appendix,
    CountFact,
    Fact,
    MoneyFact,
    Paragraph,
    PercentFact,
    RateFact,
    RatioFact,
    Report,
    Section,
    Severity,
    TotalFact,
    dumps,
    extract_references,
    format_date_line,
    load,
    validate,
)
from cchc_model.examples import reference_report, reference_report_json

from .reference_figures import FACTS

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "reference_report.txt"
TEXT = SOURCE.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
APPENDIX_AT = LINES.index("**PHỤ LỤC**  ")
BODY = LINES[:APPENDIX_AT]


def squash(text: str) -> str:
    """Text without white space and Markdown marks, for comparing across page breaks."""
    text = re.sub(r"\[([^\]]+)\]\(mailto:[^)]+\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^#+", "", text.strip())
    return re.sub(r"\s+", "", text.replace("*", "").replace("<b>", "").replace("</b>", "")
                  .replace("<i>", "").replace("</i>", ""))


@pytest.fixture(scope="module")
def report() -> Report:
    return reference_report()


def model_strings(report: Report) -> Iterator[str]:
    header = report.header
    yield from (header.title, header.subtitle, f"Số: {header.number_symbol}")
    if header.date is not None:
        yield format_date_line(header.place, header.date)
    # In document order, so a heading and the paragraph that follows it on the same line of
    # the source ("3. Về kiểm tra …: Đã ban hành …") are contiguous.
    for _, paragraph in report.paragraphs():
        if paragraph in report.closing:
            break
        yield paragraph.kind.marker + paragraph.text
        if paragraph is report.introduction[-1]:
            break
    for section in report.sections:
        yield from section_strings(section)
    for paragraph in report.closing:
        yield paragraph.text
    yield "Nơi nhận:"
    for recipient in report.recipients:
        yield f"- {recipient.name};" + (f" ({recipient.note})" if recipient.note else "")
    yield "- Lưu: " + ", ".join(report.archive)
    assert report.signature is not None
    yield from report.signature.lines


def section_strings(section: Section) -> Iterator[str]:
    yield f"{section.number}. {section.heading}"
    for paragraph in section.paragraphs:
        yield paragraph.kind.marker + paragraph.text
    for sub in section.subsections:
        yield from section_strings(sub)


def fact_texts(fact: Fact) -> Iterator[str]:
    yield fact.text
    if isinstance(fact, TotalFact):
        yield fact.total.text
        for part in fact.parts:
            yield part.text


class TestShippedJson:
    def test_built_from_source(self):
        """The shipped JSON is exactly what the builder makes from the source text."""
        sys.path.insert(0, str(ROOT / "tools"))
        try:
            from build_example import build_reference  # type: ignore[import-not-found]
        finally:
            sys.path.remove(str(ROOT / "tools"))
        assert dumps(build_reference(SOURCE)) + "\n" == reference_report_json()

    def test_round_trip(self, report: Report):
        """The example survives JSON unchanged."""
        assert load(dumps(report)) == report


class TestNothingDropped:
    def test_every_source_line_in_model(self, report: Report):
        """Every non-blank line of the body is found in the model (page breaks aside)."""
        corpus = squash("".join(model_strings(report)))
        missing = [line for line in BODY if squash(line) and squash(line) not in corpus]
        assert missing == []

    def test_every_paragraph_in_source(self, report: Report):
        """Every paragraph of the model is text of the source, kept exactly."""
        source = squash("".join(BODY))
        absent = [p.text for _, p in report.paragraphs() if squash(p.text) not in source]
        assert absent == []

    def test_paragraph_count(self, report: Report):
        """61 paragraphs: the legal basis, the introduction, 58 in the body, the closing."""
        assert sum(1 for _ in report.paragraphs()) == 61


class TestCitations:
    def test_every_citation_structured(self, report: Report):
        """Each paragraph carries exactly the citations the extractor finds in it."""
        for path, paragraph in report.paragraphs():
            assert paragraph.references == tuple(extract_references(paragraph.text)), path

    def test_all_citations_of_the_source(self, report: Report):
        """No citation of the source is lost: the model has as many as the whole body."""
        in_model = sum(len(p.references) for _, p in report.paragraphs())
        body = "\n".join(squash_page_breaks(BODY))
        assert in_model == len(extract_references(body))


def squash_page_breaks(lines: list[str]) -> Iterator[str]:
    for line in lines:
        if line.strip():
            yield line


#: Numbers of the text that are not figures: dates, years and periods, clause numbers, names
#: of standards, levels and programmes, links. Anything else with a digit must be a fact.
NOT_FIGURES = re.compile(
    r"https?://\S+"
    r"|\S+@\S+"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b"  # dates
    r"|tháng \d{1,2}/\d{4}"  # month of a year
    r"|(?:giai đoạn |kỳ )?\b(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}\b"  # year ranges
    r"|(?:năm|giai đoạn|kỳ|đến năm) (?:19|20)\d{2}\b"
    r"|\b\d{1,2} tháng đầu năm (?:19|20)\d{2}"  # a period
    r"|ISO \d+:\d{4}"  # a standard
    r"|(?:khoản|Điều) \d+"  # clauses of a cited document
    r"|cấp độ \d"  # level of online public service
    r"|Đề án 06/CP"  # the name of a national programme
)


class TestFigures:
    def test_fact_texts_in_paragraphs(self, report: Report):
        """Every fact's phrase occurs in its paragraph."""
        for path, paragraph in report.paragraphs():
            for fact in paragraph.facts:
                for text in fact_texts(fact):
                    assert text in paragraph.text, (path, text)

    def test_every_figure_is_a_fact(self, report: Report):
        """Every number in the prose is a citation, a date or year, or a structured fact."""
        leftovers = {}
        for path, paragraph in report.paragraphs():
            text = paragraph.text
            for match in paragraph.references:
                text = text.replace(match.text, " ")
            for fact in paragraph.facts:
                for phrase in fact_texts(fact):
                    text = text.replace(phrase, " ")
            text = NOT_FIGURES.sub(" ", text)
            if re.search(r"\d", text):
                leftovers[path] = re.findall(r"\S*\d\S*", text)
        assert leftovers == {}

    def test_the_known_figures(self, report: Report):
        """The figures DESIGN §1 names are facts of the example."""
        texts = {t for _, p in report.paragraphs() for f in p.facts for t in fact_texts(f)}
        assert {"1.607 hồ sơ, đạt tỷ lệ 33,37 %", "486 hồ sơ (trước hạn 430; đúng hạn 55)",
                "5.494 hồ sơ. Trong đó:", "trên 3,7 tỷ đồng", "7/7 huyện, thành phố"} <= texts


def figures(fact: Fact) -> tuple[object, ...]:
    """What a fact states, without its words: its kind and its numbers."""
    if isinstance(fact, TotalFact):
        return ("total", fact.total.value, tuple(part.value for part in fact.parts))
    if isinstance(fact, CountFact):
        return ("count", fact.value)
    if isinstance(fact, PercentFact):
        return ("percent", fact.value)
    if isinstance(fact, MoneyFact):
        return ("money", fact.amount, fact.scale)
    if isinstance(fact, RatioFact):
        return ("ratio", fact.numerator, fact.denominator)
    assert isinstance(fact, RateFact)
    return ("rate", fact.numerator, fact.denominator, fact.stated)


def hand_built(report: Report) -> Report:
    """The example with the figures typed by hand instead of those the reader found."""

    def swap(paragraph: Paragraph) -> Paragraph:
        stated: tuple[Fact, ...] = ()
        for anchor, facts in FACTS.items():
            if anchor in paragraph.text:
                stated = facts
        return attrs.evolve(paragraph, facts=stated)

    def section(s: Section) -> Section:
        return attrs.evolve(s, paragraphs=tuple(swap(p) for p in s.paragraphs),
                            subsections=tuple(section(sub) for sub in s.subsections))

    assert report.header.legal_basis is not None
    return attrs.evolve(
        report,
        header=attrs.evolve(report.header, legal_basis=swap(report.header.legal_basis)),
        introduction=tuple(swap(p) for p in report.introduction),
        sections=tuple(section(s) for s in report.sections),
        closing=tuple(swap(p) for p in report.closing),
    )


class TestFiguresAgainstTheHandList:
    """The figures read by ``extract_facts`` against those typed by hand before it existed."""

    def test_recall(self, report: Report):
        """At least 95 % of the hand-typed figures are found, in their own paragraph."""
        wanted = found = 0
        for anchor, facts in FACTS.items():
            paragraphs = [p for _, p in report.paragraphs() if anchor in p.text]
            assert len(paragraphs) == 1, anchor
            read = [figures(f) for f in paragraphs[0].facts]
            for fact in facts:
                wanted += 1
                if figures(fact) in read:
                    read.remove(figures(fact))
                    found += 1
        assert wanted == 33
        assert found / wanted >= 0.95, (found, wanted)

    def test_no_new_error(self, report: Report):
        """Reading the figures adds no error finding the hand-typed figures do not give."""

        def errors(r: Report) -> set[tuple[str, str]]:
            return {(f.rule, f.path) for f in validate(r).findings
                    if f.severity is Severity.ERROR}

        assert errors(report) <= errors(hand_built(report))

    def test_hand_list_in_text(self, report: Report):
        """Every phrase of the hand list is text of its paragraph (the oracle is sound)."""
        for anchor, facts in FACTS.items():
            paragraph = next(p for _, p in report.paragraphs() if anchor in p.text)
            for fact in facts:
                for text in fact_texts(fact):
                    assert text in paragraph.text, (anchor, text)


def table_rows() -> list[list[str]]:
    rows = []
    for line in LINES[APPENDIX_AT:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or cells[0] == "STT" or cells[1] in ("Đơn vị tính", ""):
            continue
        rows.append(cells)
    return rows


class TestAppendix:
    def test_present(self, report: Report):
        """The report carries its statistics appendix, titled as in the source."""
        assert isinstance(report.appendix, Appendix)
        assert report.appendix.title == (
            "PHỤ LỤC THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023"
        )

    def test_every_row_label_present(self, report: Report):
        """Every row of the source table is a row of the appendix."""
        assert report.appendix is not None
        labels = squash("".join(row.label for row in report.appendix.rows))
        missing = [cells[1] for cells in table_rows() if squash(cells[1]) not in labels]
        assert missing == []

    def test_every_value_present(self, report: Report):
        """Every value cell of the source table is the raw value of a row."""
        assert report.appendix is not None
        raws = {row.raw for row in report.appendix.rows}
        values = {cells[3] for cells in table_rows() if len(cells) > 3 and cells[3]}
        assert values <= raws

    def test_known_values(self, report: Report):
        """A few values, read and typed."""
        assert report.appendix is not None
        assert report.appendix["3.1.3"].value == 138
        assert report.appendix["7.6"].value == 14584
