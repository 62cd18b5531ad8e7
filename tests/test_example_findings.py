"""The findings of ``cchc validate --example``, pinned: the reference report's real problems.

Each entry says why it is a real problem of tests/data/reference_report.txt.
"""

from __future__ import annotations

from cchc_model import Severity, validate
from cchc_model.examples import reference_report

ORIENTATION = "$.sections[0].subsections"
RESULTS = "$.sections[1].subsections"

EXPECTED = [
    # Section I.4 cites the unit's own plan 420 of 28/02/2023 as 420/KH-UBND; I.1 (and the
    # unit's numbering) has it as 420/KH-SLĐTBXH.
    ("refs.conflicting_symbols", f"{ORIENTATION}[3].paragraphs[0].references[0]"),
    # Section IV.5 cites "Thông tư số 90/TT-BTC ngày 28/9/2018", which II.5 cites correctly as
    # 90/2018/TT-BTC: a circular's number carries its year.
    ("refs.missing_year", "$.sections[3].subsections[4].paragraphs[0].references[2]"),
    # "Đã thực hiện giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55)": 430 + 55 = 485.
    ("facts.total_parts", f"{RESULTS}[1].paragraphs[4].facts[4]"),
    # "1.607 hồ sơ, đạt tỷ lệ 33,37 %" of 4.964: 1.607/4.964 = 32,37 %.
    ("facts.stated_rate", f"{RESULTS}[1].paragraphs[4].facts[1]"),
    # "Quyết định số 25/QĐ-SLĐT BXH", "4339/QĐ-SLĐT BXH", "361/SLĐT BXH-VP": a stray space
    # splits the unit's code SLĐTBXH.
    ("refs.malformed_symbol", f"{RESULTS}[3].paragraphs[6].references[0]"),
    ("refs.malformed_symbol", f"{RESULTS}[4].paragraphs[1].references[2]"),
    ("refs.malformed_symbol", f"{RESULTS}[4].paragraphs[4].references[0]"),
    # "Sở đã ban hành Kế hoạch số 420/KH-UBND" is the same wrong symbol as the conflict above,
    # seen from the issuer's side: one cause, so one finding. refs.conflicting_symbols says
    # the unit claims the plan, and refs.foreign_symbol no longer repeats it.
    # "Kế hoạch số 176/KH-SLĐTBXH … xử lý vi phạm hành chính năm ;": the year is left blank.
    ("refs.subject_year_missing", f"{RESULTS}[0].paragraphs[0].references[1]"),
    # The four rows under 1.2 (Kiểm tra CCHC) are numbered 1.1.1–1.1.4 in the table: one
    # misnumbered block, one cause, so one finding that lists the four rows (it was four).
    ("appendix.stt_mismatch", '$.appendix["1.2.1"]'),
    # 3.5.2 says 103 procedures are offered online (levels 3, 4) on the provincial portal but
    # 3.5.1 says only 41 are integrated with it. The prose (II.6) lists the portal's online
    # services as "Toàn trình là 10 DVCTT; một phần là 31 DVCTT" = 41, agreeing with 3.5.1;
    # 103 is the number of provincial-level procedures (3.1.3.a), not of online ones.
    ("tthc.portal_online", '$.appendix["3.5.2"]'),
    # "3.585,23 triệu đồng/3.593 triệu đồng … đạt 100%": 99,78 %, rounded up to a bound.
    ("facts.stated_rate", f"{RESULTS}[4].paragraphs[3].facts[0]"),
    # "3.878/15.127 … chiếm 25,63%": 25,636 %, truncated rather than rounded (25,64 %).
    ("facts.stated_rate", f"{RESULTS}[5].paragraphs[4].facts[2]"),
    # "Quyết định số 25/QĐ-SLĐT BXH ngày 06/02/2022 … ban hành Chương trình … năm 2023": a
    # programme for 2023 adopted almost a year before 2023 began; the date's year is wrong.
    ("refs.programme_year", f"{RESULTS}[3].paragraphs[6].references[0]"),
    # II.1 lists the unit's reports by number and date, and among them "Báo cáo kết quả rà
    # soát văn bản quy phạm pháp luật quy định về thủ tục hành chính …" with neither.
    ("refs.report_without_number", f"{RESULTS}[0].paragraphs[1]"),
    # The same list has Báo cáo 47/BC-SLĐTBXH of 06/01/2023 and Báo cáo 09/BC-SLĐTBXH of
    # 11/01/2023: numbering restarts on 1 January, so 47 cannot precede 09.
    ("refs.number_order", f"{RESULTS}[0].paragraphs[1].references[0]"),
    # "Kế hoạch số 2996/KH-SLĐTBXH về việc triển khai …" is cited first without its date
    # (information).
    ("refs.first_citation_undated", f"{RESULTS}[5].paragraphs[4].references[2]"),
    # "Số: /BC-SLĐTBXH", "ngày    tháng 11 năm 2023": a draft (information, not a defect).
    ("report.draft", "$.header"),
    # Row 1.2.1 reads "7 đơn vị (04 phòng chuyên môn và 03 đơn vị trực thuộc)": the number is
    # taken, the words are kept (information).
    ("appendix.value_text", '$.appendix["1.2.1"]'),
]


def test_example_findings() -> None:
    """The reference report yields exactly its known problems, each once."""
    result = validate(reference_report())
    assert sorted((f.rule, f.path) for f in result.findings) == sorted(EXPECTED)


def test_example_counts() -> None:
    """Four errors make the reference report fail."""
    result = validate(reference_report())
    assert not result.ok
    assert result.counts == {Severity.ERROR: 4, Severity.WARNING: 11, Severity.INFO: 3}


def test_relations_that_hold_in_the_example() -> None:
    """The appendix relations the reference report satisfies stay silent.

    3.1.3 = 103 + 19 + 16 = 138; 1.1.2 25 ≤ 1.1.1 25; 1.3.2 126 + 1.3.3 0 + "12 đang trong
    hạn" = 1.3.1 138; 4.2.2 44 ≤ 4.2.1 47; 4.3.2 50 ≤ 4.3.1 52; 2.1 12/12; 6.1–6.4
    0 + 0 + 2 + 1 = 3 = the 03 units of 4.1.4.b; 7.8.1 62 + 7.8.2 41 = 3.5.2 103; prose
    "cấp tỉnh là 103; cấp huyện: 19; cấp xã: 16" = 3.1.3.a–c.
    """
    result = validate(reference_report())
    quiet = {"appendix.breakdown_sum", "tasks.plan_done", "tasks.assigned_done",
             "tasks.assigned_unaccounted", "staff.present_assigned", "appendix.ratio_bound",
             "sncl.autonomy_groups", "egov.online_levels", "prose.tthc_by_level",
             "relations.incomplete", "levels.district_after_abolition", "report.incomplete"}
    assert quiet.isdisjoint(f.rule for f in result.findings)
