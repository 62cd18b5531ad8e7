"""The text reader on reports of other agencies: other sections, periods, layouts.

``tests/data/reports/`` holds three small reports written for these tests: a provincial
Department of Justice's half-year report in Markdown, a district People's Committee's
quarter report as Word converts to text (split date line, bold numbering, a page break inside
a paragraph, the appendix as TSV with repeated headers), and a commune's annual report with
sub-sections a./b., the signature before "Nơi nhận" and no appendix. Each holds one planted
inconsistency.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_model import (
    DocumentDate,
    Paragraph,
    ParagraphKind,
    RateFact,
    Recipient,
    Report,
    ReportingPeriod,
    Severity,
    SigningAuthority,
    TotalFact,
    read_report,
    validate,
)
from cchc_model._io.text_report import (
    _HEADING_NUMBER,
    _SENTENCE_END,
    _Block,
    _Body,
    _heading,
    _is_foot_start,
    _is_roman,
    _join_page_breaks,
    _key,
    _paragraph,
    _plain,
    _strip_bold,
    _unescape,
    _unhash,
)
from cchc_model._model.fact_grammar import facts_of
from cchc_model._values.references import references_in_nfc
from tests.strategies import foot_spellings, heading_lines, layout_lines

REPORTS = Path(__file__).resolve().parent / "data" / "reports"


def errors(report: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in validate(report).findings if f.severity is Severity.ERROR]


class TestDepartmentOfJustice:
    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> Report:
        return read_report(REPORTS / "so_tu_phap_6_thang_2024.md")

    def test_head(self, report: Report):
        """Agency, parent agency, number, place, date and the half-year period."""
        header = report.header
        assert (header.parent_agency, header.agency) == ("UBND TỈNH TIỀN GIANG", "SỞ TƯ PHÁP")
        assert (header.number, header.symbol, header.place) == (215, "BC-STP", "Tiền Giang")
        assert header.date == DocumentDate(2024, 6, 5)
        assert header.period == ReportingPeriod.half_year(2024)
        assert header.legal_basis is not None
        assert header.legal_basis.references[0].ref.number_symbol == "4521/KH-UBND"

    def test_outline(self, report: Report):
        """Sections I–III with their own subsections (not the reference report's)."""
        outline = [(s.number, [sub.number for sub in s.subsections]) for s in report.sections]
        assert outline == [("I", ["1", "2"]), ("II", ["1", "2", "3"]), ("III", [])]
        assert report.sections[1].subsections[2].heading == "Công tác hộ tịch, chứng thực:"

    def test_figures(self, report: Report):
        """Totals with parts, TTHC by level and a rate are read from the prose."""
        first, levels = report.sections[1].subsections[0].paragraphs
        totals = [f for f in first.facts if isinstance(f, TotalFact)]
        assert [(t.total.value, [p.value for p in t.parts]) for t in totals] == [
            (1250, [800, 450]), (1200, [700, 480])]
        assert [f.value for f in levels.facts] == [128, 12, 9]  # type: ignore[union-attr]
        rate = report.sections[1].subsections[2].paragraphs[0].facts[0]
        assert isinstance(rate, RateFact)
        assert (rate.numerator, rate.denominator, rate.stated) == (
            Decimal(1180), Decimal(1200), Decimal("98.33"))

    def test_foot_and_appendix(self, report: Report):
        """Recipients with notes, the Lưu line, the deputy's signature, the appendix."""
        assert report.recipients == (Recipient("UBND tỉnh", "báo cáo"),
                                     Recipient("Sở Nội vụ", "tổng hợp"))
        assert report.archive == ("VT", "VP")
        assert report.signature is not None
        assert report.signature.authority is SigningAuthority.DEPUTY
        assert report.signature.signer == "Nguyễn Thị Hồng"
        assert report.appendix is not None
        assert report.appendix["3.1.3.a"].value == 128

    def test_planted_error(self, report: Report):
        """The one planted inconsistency, 700 + 480 ≠ 1.200, is the only error."""
        assert errors(report) == [
            ("facts.total_parts", "$.sections[1].subsections[0].paragraphs[0].facts[1]")]


class TestDistrictQuarter:
    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> Report:
        return read_report(REPORTS / "ubnd_huyen_quy_3_2023.txt")

    def test_head(self, report: Report):
        """A date line split in two by the conversion; the quarter from the subtitle."""
        header = report.header
        assert (header.number, header.symbol, header.place) == (87, "BC-UBND", "Châu Thành")
        assert header.date == DocumentDate(2023, 9, 15)
        assert header.period == ReportingPeriod.quarter(2023, 3)
        assert header.legal_basis is not None
        assert header.legal_basis.text.startswith("Căn cứ Kế hoạch số 35/KH-UBND")

    def test_headings_of_every_form(self, report: Report):
        """Bold numbering, plain "2. …: …" and Markdown headings, nested by numbering."""
        first = report.sections[0]
        assert [(s.number, s.heading) for s in first.subsections] == [
            ("1", "Về ban hành văn bản:"), ("2", "Về tuyên truyền:")]
        assert first.subsections[0].paragraphs[0].text.startswith("Trong quý, UBND huyện")
        assert [s.number for s in report.sections] == ["I", "II", "III"]

    def test_page_break(self, report: Report):
        """The paragraph split by a page break is one paragraph."""
        paragraph = report.sections[1].subsections[0].paragraphs[1]
        assert paragraph.text.endswith("và đang tiếp tục khắc phục.")

    def test_open_breakdown(self, report: Report):
        """"2.340 hồ sơ. Trong đó: …" takes the parts that add up, not the next sentence's."""
        total = report.sections[1].subsections[0].paragraphs[0].facts[0]
        assert isinstance(total, TotalFact)
        assert ([p.value for p in total.parts], total.complete) == ([1120, 860, 360], True)

    def test_appendix_over_page_breaks(self, report: Report):
        """The TSV appendix with a repeated header is read; 65 present > 62 assigned."""
        assert report.appendix is not None
        assert report.appendix["4.2.2"].value == 65
        rules = {f.rule for f in validate(report).findings}
        assert "staff.present_assigned" in rules
        assert errors(report) == []

    def test_signature(self, report: Report):
        """"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" in one bold run over two lines."""
        assert report.signature is not None
        assert report.signature.lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Minh")


class TestCommuneWithoutAppendix:
    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> Report:
        return read_report(REPORTS / "ubnd_xa_nam_2022_khong_phu_luc.md")

    def test_three_levels(self, report: Report):
        """I. → 1. → a. nest three deep."""
        sub = report.sections[0].subsections[0]
        assert [(s.number, s.heading) for s in sub.subsections] == [
            ("a", "Về tuyên truyền:"), ("b", "Về kiểm tra:")]

    def test_signature_before_recipients(self, report: Report):
        """The signature comes first, "Nơi nhận" after it; no appendix."""
        assert report.signature is not None
        assert report.signature.signer == "Lê Văn Tám"
        assert report.recipients == (Recipient("UBND huyện Ninh Hải"),)
        assert report.archive == ("VT",)
        assert report.appendix is None
        assert report.header.period == ReportingPeriod.annual(2022)

    def test_planted_error(self, report: Report):
        """250 + 150 + 10 = 410 ≠ 412 is found."""
        assert errors(report) == [
            ("facts.total_parts", "$.sections[0].subsections[1].paragraphs[0].facts[0]")]


class TestParagraphsAsParagraphOf:
    """Every paragraph the reader makes is ``Paragraph.of`` of its text and kind."""

    PIECES = (
        "Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55)", " Kế hoạch số 12/KH-UBND",
        " ngày 03/01/2023 của UBND tỉnh về cải cách hành chính", " e", "***", "\u0301",
        "\u0323", " <https://dichvucong.gov.vn/e>", " [thư](mailto:a@b.vn)", "\\.", " \\*",
        " Quyê", "t định số 5/QĐ-UBND", "; ", ", đạt tỷ lệ 98,55%", " 7/7 huyện",
    )

    @staticmethod
    def _check(text: str) -> None:
        report = read_report(text.encode(), format="md")
        found = [p for _, p in report.paragraphs()]
        assert found
        for paragraph in found:
            assert paragraph == Paragraph.of(paragraph.text, paragraph.kind)

    @pytest.mark.parametrize(
        "path", [*sorted(REPORTS.iterdir()), REPORTS.parent / "reference_report.txt"],
        ids=lambda p: p.name,
    )
    def test_reports(self, path: Path) -> None:
        """The test reports and the reference report: each paragraph as Paragraph.of makes it."""
        report = read_report(path)
        for _, paragraph in report.paragraphs():
            assert paragraph == Paragraph.of(paragraph.text, paragraph.kind)

    def test_markup_before_a_mark(self) -> None:
        """Markup taken out between a letter and a combining mark: still Paragraph.of's."""
        self._check(
            "## BÁO CÁO\n\n## I. KẾT QUẢ\n\n- Theo Quyê***\u0301t định số 5/QĐ-UBND, có 5 hồ sơ\n\n"
            "- Ô <http://e>\u0301\n"
        )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), min_size=1,
                    max_size=4))
    def test_any_bullets(self, bullets: list[list[str]]) -> None:
        """Bullets of citations, figures, markup, escapes and combining marks, in any order."""
        lines = "\n\n".join("- " + "".join(pieces).strip() for pieces in bullets)
        self._check(f"## BÁO CÁO\n\n## I. KẾT QUẢ\n\n{lines}\n")


class TestQuickerSteps:
    """The reader's quicker steps decide as the plain ones they replace."""

    @staticmethod
    def _plain_foot_start(block: _Block) -> bool:
        """"Nơi nhận" found as the reader found it before its pre-tests."""
        line = block.lines[0]
        if ("ậ" not in line and "Ậ" not in line) or ("ơ" not in line and "Ơ" not in line) or (
            "nhận" not in line.lower()
        ):
            return False
        return _key(_plain(line)).startswith("nơi nhận")

    @pytest.mark.parametrize("line", [
        "Nơi nhận:", "***Nơi nhận:***", "## **NƠI NHẬN:**", "  nơi   nhận", "N**ơi** nhận:",
        "[ ](mailto:a@b)Nơi nhận:", "[Nơi nhận](mailto:a@b)", "\\*Nơi nhận", "Nơi\tnhận",
        "- Nơi nhận", "Nơi n**hận", "Nơi nhân", "NơI nhẬn", "NƠİ NHẬN", "(mailto:x)Nơi nhận",
    ])
    def test_foot_start_examples(self, line: str) -> None:
        """Spellings of "Nơi nhận" with marks, links and escapes: found as before."""
        block = _Block(1, [line])
        assert _is_foot_start(block) == self._plain_foot_start(block)

    @settings(max_examples=500, deadline=None)
    @given(st.one_of(layout_lines, foot_spellings()).filter(str.strip))
    def test_foot_start(self, line: str) -> None:
        """Any line: the quick test for "Nơi nhận" decides as the plain one."""
        block = _Block(1, [line])
        assert _is_foot_start(block) == self._plain_foot_start(block)

    @staticmethod
    def _plain_heading(block_text: str) -> tuple[str, str, str] | None:
        """A numbered heading as the reader found it before its pre-tests."""
        text = block_text.strip()
        if "\n" in text:
            return None
        rest: str | None
        if text.startswith("#"):
            head, rest = _unhash(text), ""
            head = _strip_bold(head)
        elif text.startswith("**") and not text.startswith("***") and "**" in text[2:]:
            close = text.index("**", 2)
            head, rest = text[2:close], text[close + 2:]
            if not rest.strip():
                rest = ""
        else:
            head, rest = text, None
        if rest is None:
            match = _HEADING_NUMBER.match(head)
            if match is None:
                return None
            number, title = match.group("number"), match.group("title")
            cut = title.find(": ")
            if cut < 0 or cut > 150 or (not number.isdigit() and not _is_roman(number)):
                return None
            return number, _unescape(title[:cut + 1]).strip(), _unescape(title[cut + 2:]).strip()
        head = _unescape(head.replace("**", "")).strip()
        match = _HEADING_NUMBER.match(head)
        if match is None:
            if text.startswith("#") and head:
                return "", head, ""
            return None
        return match.group("number"), match.group("title").strip(), _unescape(rest.strip())

    @classmethod
    def _plain_join(cls, blocks: list[_Block]) -> list[tuple[str, tuple[str, str, str] | None]]:
        """Page breaks joined as the reader joined them, each heading worked out again."""
        texts: list[str] = []
        joinable = False
        for block in blocks:
            text = " ".join(line.strip() for line in block.lines)
            if texts and joinable and not text.startswith(("- ", "+ ", "#")) and (
                cls._plain_heading(text) is None
            ):
                texts[-1] = texts[-1] + ("" if texts[-1].endswith("-") else " ") + text
            else:
                texts.append(text)
            last = texts[-1]
            joinable = not last.startswith("#") and cls._plain_heading(last) is None and not (
                last.rstrip().endswith(_SENTENCE_END) or last.rstrip().endswith("\\.")
            )
        return [(text, cls._plain_heading(text)) for text in texts]

    @pytest.mark.parametrize("line", [
        "# Tiêu đề", "## **II. KẾT QUẢ**", "**4. Về x:** Thực hiện y", "***4. Về x:*** y",
        "3. Về kiểm tra: Đã ban hành", "a) Tiếp nhận: x", "đ) Khác: y", "1\\. Không: z", "",
        "**x** y", "** 1. x:**", "IV) abc: d", "Ngày 2: x", "x", "**", "#", "4.2. Con: z",
    ])
    def test_heading_examples(self, line: str) -> None:
        """Headings of every form, and lines that are not one: read as before."""
        assert _heading(line) == self._plain_heading(line)

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.one_of(heading_lines, layout_lines), min_size=1, max_size=3).map(
        "\n".join))
    def test_heading(self, text: str) -> None:
        """Any block: the same heading, or none, as the plain reading."""
        assert _heading(text) == self._plain_heading(text)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.lists(st.one_of(heading_lines, layout_lines).filter(str.strip),
                             min_size=1, max_size=3), max_size=8))
    def test_join_page_breaks(self, blocks: list[list[str]]) -> None:
        """Any blocks: joined at the same page breaks, with the same headings."""
        made = [_Block(i, lines) for i, lines in enumerate(blocks)]
        assert _join_page_breaks(made) == self._plain_join(made)

    @staticmethod
    def _plain_paragraph(text: str) -> Paragraph:
        """A block's paragraph as the reader made it with the checked constructors."""
        kind = ParagraphKind.PLAIN
        stripped = text.strip()
        if stripped.startswith("- ") or stripped == "-":
            kind, stripped = ParagraphKind.BULLET, stripped[2:]
        elif stripped.startswith("+ ") or stripped == "+":
            kind, stripped = ParagraphKind.SUB_BULLET, stripped[2:]
        raw = _unhash(stripped)
        text = _unescape(raw).strip()
        if "***" in raw or "](" in raw or "<" in raw:
            return Paragraph.of(text, kind)
        references = references_in_nfc(text)
        return Paragraph(
            text, kind, tuple(references), tuple(m.fact for m in facts_of(text, references))
        )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(
        st.sampled_from(TestParagraphsAsParagraphOf.PIECES), heading_lines, layout_lines,
    ), min_size=1, max_size=6).map("".join))
    def test_paragraph(self, text: str) -> None:
        """Any text of a block (NFC, as the reader has it): the same paragraph."""
        text = unicodedata.normalize("NFC", text)
        made = _paragraph(text)
        assert made == self._plain_paragraph(text)
        assert repr(made) == repr(self._plain_paragraph(text))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from((
        "Trên đây", "TRÊN ĐÂY", "trên  đây", "Trên", "đây", " ", "T", "t", "â", "Â", "x", "\t",
    )), min_size=1, max_size=5).map("".join))
    def test_closing(self, text: str) -> None:
        """Any start of a paragraph: "Trên đây" found as the plain test finds it."""
        body = _Body()
        body.paragraph(Paragraph(text))
        head = text[:40]
        plain = ("â" in head or "Â" in head) and _key(head).startswith("trên đây")
        assert body.in_closing == plain
