"""Build the embedded reference report from its source text.

    python tools/build_example.py tests/data/reference_report.txt \
        src/cchc_model/examples/reference_report.json

The source is the text of the 2023 CCHC report of the Ninh Thuận Department of Labour, Invalids
and Social Affairs as converted from Word (Markdown-ish: headings with ``#`` and ``**``, page
breaks as blank lines inside paragraphs, the appendix as a tab-separated table). The outline,
paragraphs, recipients and signature are read from the text; citations come from
``extract_references`` and the appendix from ``read_appendix``. The figures stated in the prose
are listed below by hand, each with the phrase it is read from, so every one of them is checked
against the text (``tests/test_example.py`` proves that no figure of the text is left out).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from cchc_model import (
    Appendix,
    CountFact,
    DocumentDate,
    DocumentType,
    Fact,
    Header,
    MoneyFact,
    MoneyScale,
    Paragraph,
    ParagraphKind,
    PercentFact,
    RateFact,
    RatioFact,
    Recipient,
    ReferenceMatch,
    Report,
    ReportingPeriod,
    Section,
    Signature,
    SigningAuthority,
    TotalFact,
    dumps,
)

D = Decimal


def count(value: int, unit: str, label: str, text: str) -> CountFact:
    return CountFact(value, unit, label, text)


#: The figures of each paragraph, keyed by a phrase that occurs in that paragraph only.
FACTS: dict[str, tuple[Fact, ...]] = {
    "100% công chức sử dụng hộp thư": (
        PercentFact(D(100), "công chức sử dụng hộp thư điện tử", "100% công chức"),
    ),
    "06 Quyết định công bố danh mục": (
        count(6, "Quyết định", "công bố danh mục TTHC được sửa đổi, bổ sung",
              "06 Quyết định công bố"),
        count(3, "Quyết định", "phê duyệt quy trình nội bộ giải quyết TTHC",
              "03 Quyết định phê duyệt"),
        count(103, "TTHC", "cấp tỉnh", "cấp tỉnh là 103"),
        count(19, "TTHC", "cấp huyện", "cấp huyện: 19"),
        count(16, "TTHC", "cấp xã", "cấp xã: 16"),
    ),
    "chiếm tỷ lệ 100%; thực hiện số hóa": (
        PercentFact(D(100), "hồ sơ giải quyết trước và đúng hạn", "chiếm tỷ lệ 100%"),
    ),
    "Từ đầu năm đến nay": (
        TotalFact(
            count(5494, "hồ sơ", "tiếp nhận và giải quyết từ đầu năm", "5.494 hồ sơ"),
            (
                count(4964, "hồ sơ", "Trung tâm DVVL tỉnh, lĩnh vực BHTN", "4.964 hồ sơ"),
                count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh",
                      "là 530 hồ sơ"),
            ),
            complete=True,
            label="hồ sơ TTHC tiếp nhận và giải quyết",
            text="5.494 hồ sơ. Trong đó",
        ),
        RateFact(D(1607), D(4964), D("33.37"), "hồ sơ",
                 "tiếp nhận qua Cổng dịch vụ công quốc gia",
                 "1.607 hồ sơ, đạt tỷ lệ 33,37 %"),
        TotalFact(
            count(4282, "quyết định", "hưởng trợ cấp thất nghiệp", "4.282 quyết định"),
            (count(942, "quyết định", "trả kết quả qua Cổng dịch vụ công quốc gia",
                   "942 quyết định"),),
            complete=False,
            label="quyết định hưởng trợ cấp thất nghiệp",
            text="4.282 quyết định hưởng trợ cấp thất nghiệp",
        ),
        TotalFact(
            count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh", "530 hồ sơ"),
            (count(232, "hồ sơ", "tiếp nhận qua mạng", "tiếp nhận qua mạng 232 hồ sơ"),),
            complete=False,
            label="hồ sơ tiếp nhận qua Trung tâm Phục vụ hành chính công tỉnh",
            text="530 hồ sơ (trong đó: tiếp nhận qua mạng 232 hồ sơ)",
        ),
        TotalFact(
            count(486, "hồ sơ", "đã giải quyết", "giải quyết 486 hồ sơ"),
            (
                count(430, "hồ sơ", "trước hạn", "trước hạn 430"),
                count(55, "hồ sơ", "đúng hạn", "đúng hạn 55"),
            ),
            complete=True,
            label="hồ sơ đã giải quyết",
            text="486 hồ sơ (trước hạn 430; đúng hạn 55)",
        ),
        TotalFact(
            count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh", "530 hồ sơ"),
            (
                count(486, "hồ sơ", "đã giải quyết", "giải quyết 486 hồ sơ"),
                count(44, "hồ sơ", "đang giải quyết", "đang giải quyết 44 hồ sơ"),
            ),
            complete=True,
            label="hồ sơ qua Trung tâm Phục vụ hành chính công tỉnh theo tình trạng",
            text="đang giải quyết 44 hồ sơ",
        ),
    ),
    "Sở tiếp 36 lượt người": (
        count(36, "lượt người", "đến thắc mắc", "36 lượt người"),
        TotalFact(
            count(17, "đơn thư", "tiếp nhận qua tiếp công dân", "17 đơn thư"),
            (
                count(15, "đơn", "khiếu nại", "15 đơn khiếu nại"),
                count(2, "phản ánh, kiến nghị", "về đất đai", "2 phản ánh, kiến nghị"),
            ),
            complete=True,
            label="đơn thư",
            text="17 đơn thư (trong đó có 15 đơn khiếu nại",
        ),
        TotalFact(
            count(15, "đơn", "khiếu nại", "15 đơn khiếu nại"),
            (
                count(5, "đơn", "chính sách lao động", "5 đơn về chính sách lao động"),
                count(2, "đơn", "BHXH", "2 đơn về BHXH"),
                count(8, "đơn", "đất đai (khác)", "8 đơn về đất đai (khác)"),
            ),
            complete=True,
            label="đơn khiếu nại",
            text="15 đơn khiếu nại gồm",
        ),
    ),
    "đối với 02 đơn vị trực thuộc còn lại": (
        count(2, "đơn vị", "trực thuộc còn lại chưa trình đề án vị trí việc làm",
              "02 đơn vị trực thuộc"),
    ),
    "Nâng lương thường xuyên cho 13 công chức": (
        count(13, "công chức", "nâng lương thường xuyên", "13 công chức"),
        count(3, "công chức", "nâng lương vượt khung", "vượt khung: 03 công chức"),
        count(4, "công chức", "nâng lương trước thời hạn", "04 công chức thuộc Sở"),
        count(1, "viên chức", "lãnh đạo đơn vị trực thuộc, nâng lương trước thời hạn",
              "01 viên chức lãnh đạo"),
        count(1, "công chức", "nâng lương trước thời hạn khi nghỉ hưu",
              "01 công chức có thông báo nghỉ hưu"),
        count(2, "công chức", "tăng phụ cấp thâm niên nghề",
              "thâm niên nghề 02 công chức"),
        count(2, "công chức", "thông báo nghỉ hưu", "nghỉ hưu 02 công chức Sở"),
    ),
    "đã giải ngân: 3.585,23": (
        RateFact(D("3585.23"), D(3593), D(100), "triệu đồng",
                 "giải ngân vốn đầu tư công năm 2023",
                 "3.585,23 triệu đồng/3.593 triệu đồng (bao gồm kinh phí năm 2022 được "
                 "chuyển sang), đạt 100%"),
    ),
    "thực hiện 7/7 huyện": (
        RatioFact(D(7), D(7), "huyện, thành phố", "chi trả cho Người có công",
                  "7/7 huyện, thành phố"),
        count(2, "địa bàn", "thí điểm", "02 địa bàn thí điểm"),
        RateFact(D(3878), D(15127), D("25.63"), "đối tượng",
                 "chi trả qua tài khoản không dùng tiền mặt",
                 "3.878/15.127 (Người có công, bảo trợ xã hội) chiếm 25,63%"),
        MoneyFact(D("3.7"), MoneyScale.BILLION, "trên", "số tiền chi trả qua tài khoản",
                  "trên 3,7 tỷ đồng"),
    ),
    "Toàn trình là 10 DVCTT": (
        count(10, "DVCTT", "toàn trình", "Toàn trình là 10 DVCTT"),
        count(31, "DVCTT", "một phần", "một phần là 31 DVCTT"),
    ),
    "Bảo trợ xã hội là 230 hồ sơ": (
        count(230, "hồ sơ", "trợ cấp mai táng phí, Bảo trợ xã hội",
              "Bảo trợ xã hội là 230 hồ sơ"),
        count(18, "hồ sơ", "trợ cấp mai táng phí, Người có công", "Người có công: 18 hồ sơ"),
    ),
}

_ROMAN = re.compile(r"(I|II|III|IV|V|VI)\.\s+(.*)")
_ARABIC = re.compile(r"(\d+)\.\s+(.*)")
_LINK = re.compile(r"\[([^\]]+)\]\(mailto:[^)]+\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_SENTENCE_END = (".", ";", ":", "!", "?", ")", "”")


def clean(line: str) -> str:
    """Undo the Markdown of the conversion: emphasis marks, heading marks, link syntax."""
    line = re.sub(r"^#+\s*", "", line.strip())
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    return line.replace("***", "").strip()


def paragraph_blocks(lines: Sequence[str]) -> list[str]:
    """Join the lines of one paragraph that a page break split with blank lines."""
    blocks: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if (
            blocks
            and not _is_heading(blocks[-1])
            and not _is_heading(line.strip())
            and not blocks[-1].endswith(_SENTENCE_END)
        ):
            joiner = "" if blocks[-1].endswith("-") else " "
            blocks[-1] = blocks[-1] + joiner + line.strip()
        else:
            blocks.append(line.strip())
    return blocks


def _is_heading(block: str) -> bool:
    return block.startswith("#") or (block.startswith("**") and block.endswith("**"))


Extract = Callable[[str], list[ReferenceMatch]]


def make_paragraph(text: str, extract: Extract) -> Paragraph:
    kind = ParagraphKind.PLAIN
    if text.startswith("- "):
        kind, text = ParagraphKind.BULLET, text[2:]
    elif text.startswith("+ "):
        kind, text = ParagraphKind.SUB_BULLET, text[2:]
    facts: tuple[Fact, ...] = ()
    for anchor, stated in FACTS.items():
        if anchor in text:
            facts = stated
    return Paragraph(text, kind, tuple(extract(text)), facts)


def split_heading(block: str) -> tuple[str, str, str] | None:
    """``(number, heading, rest)`` for a numbered heading, else ``None``.

    Headings are written three ways: a Markdown heading line, a bold run at the start of a
    paragraph (``**4. Về …:** Thực hiện …``), or a plain ``3. Về …: Đã ban hành …``.
    """
    if block.startswith("**") and "**" in block[2:] and not block.endswith("**"):
        head, rest = block[2:].split("**", 1)
    elif block.startswith(("#", "**")):
        head, rest = block, ""
    else:
        head, rest = block, None  # type: ignore[assignment]
    head = clean(head).replace("**", "").strip()
    for pattern in (_ROMAN, _ARABIC):
        match = pattern.fullmatch(head)
        if match:
            number, title = match.groups()
            if rest is None:
                # A plain numbered line: the heading ends at its first colon.
                if ": " not in title:
                    return None
                title, body = title.split(": ", 1)
                return number, title + ":", body
            return number, title, rest.strip()
    return None


def build(text: str, extract: Extract, appendix: Appendix | None) -> Report:
    lines = text.splitlines()
    end_of_body = next(i for i, line in enumerate(lines) if line.startswith("***Nơi nhận"))
    signature_at = next(i for i, line in enumerate(lines) if line.startswith("**KT."))
    title_at = lines.index("## BÁO CÁO")
    header_lines = [line.strip() for line in lines[:title_at] if line.strip()]
    # The number is left blank and the date has no day: the reference report is a draft.
    assert header_lines == ["Số: /BC-SLĐTBXH", "Ninh Thuận, ngày", "tháng 11 năm 2023"]
    blocks = paragraph_blocks(lines[title_at:end_of_body])
    title, subtitle = clean(blocks[0]), clean(blocks[1])
    legal_basis = make_paragraph(clean(blocks[2]), extract)
    introduction = (make_paragraph(clean(blocks[3]), extract),)

    sections: list[Section] = []
    closing: list[Paragraph] = []
    for block in blocks[4:]:
        heading = split_heading(block)
        if heading is not None:
            number, title_text, rest = heading
            section = Section(number, title_text)
            if rest:
                section = attrs.evolve(section, paragraphs=(make_paragraph(clean(rest), extract),))
            if number.isdigit():
                parent = sections[-1]
                sections[-1] = attrs.evolve(parent, subsections=(*parent.subsections, section))
            else:
                sections.append(section)
            continue
        paragraph = make_paragraph(clean(block), extract)
        if paragraph.text.startswith("Trên đây là báo cáo"):
            closing.append(paragraph)
            continue
        parent = sections[-1]
        if not parent.subsections:
            sections[-1] = attrs.evolve(parent, paragraphs=(*parent.paragraphs, paragraph))
            continue
        sub = parent.subsections[-1]
        sub = attrs.evolve(sub, paragraphs=(*sub.paragraphs, paragraph))
        sections[-1] = attrs.evolve(parent, subsections=(*parent.subsections[:-1], sub))

    recipients: list[Recipient] = []
    archive: tuple[str, ...] = ()
    for line in lines[end_of_body + 1: signature_at]:
        item = line.strip().removeprefix("- ").strip()
        if not item:
            continue
        if item.startswith("Lưu:"):
            archive = tuple(part.strip() for part in item[4:].split(","))
            continue
        name, _, note = item.partition("(")
        recipients.append(Recipient(name.strip().rstrip(";").strip(), note.rstrip(")").strip()))

    signature = Signature(
        signer=clean(lines[signature_at + 3]).replace("**", ""),
        titles=("GIÁM ĐỐC", clean(lines[signature_at + 1]).replace("**", "")),
        authority=SigningAuthority.DEPUTY,
    )
    assert lines[signature_at].startswith("**KT. GIÁM ĐỐC"), lines[signature_at]

    header = Header(
        agency="SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        parent_agency="UBND TỈNH NINH THUẬN",
        doc_type=DocumentType.REPORT,
        number=None,
        symbol="BC-SLĐTBXH",
        place="Ninh Thuận",
        date=DocumentDate(2023, 11),
        title=title,
        subtitle=subtitle,
        period=ReportingPeriod.annual(2023),
        legal_basis=legal_basis,
    )
    return Report(
        header=header,
        introduction=introduction,
        sections=tuple(sections),
        closing=tuple(closing),
        recipients=tuple(recipients),
        archive=archive,
        signature=signature,
        appendix=appendix,
    )


def build_reference(source: Path) -> Report:
    """The reference report, with the library's own citation extractor and appendix reader."""
    from cchc_model import extract_references, read_appendix  # noqa: PLC0415

    text = source.read_text(encoding="utf-8")
    return build(text, extract_references, read_appendix(source))


def main(argv: Sequence[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    report = build_reference(source)
    target.write_text(dumps(report) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
