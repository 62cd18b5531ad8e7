"""Rules about government levels: district-level figures after the district level ended."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_model._base.dates import format_date
from cchc_model._base.periods import DISTRICT_ABOLISHED_ON, GovernmentLevel
from cchc_model._rules.engine import Finding, Rule, Severity, Subject

__all__ = ["DISTRICT_ROWS_2023", "LEVEL_RULES"]

#: Rows of the 2023 form that only district-level government (cấp huyện) can fill in.
#: Rows that mix district with other levels (5.4.2, 5.4.3, 5.2.3) are not listed.
DISTRICT_ROWS_2023 = (
    "1.2.2", "3.1.3.b", "3.4.2", "4.1.4.c", "5.3.4", "7.6.1.b", "7.6.1.c", "7.7.2",
)


def _district_after_abolition(rule: Rule, subject: Subject) -> Iterator[Finding]:
    appendix, period = subject.appendix, subject.period
    if appendix is None or period is None or appendix.form != "2023":
        return
    if GovernmentLevel.DISTRICT in period.levels:
        return
    for code in DISTRICT_ROWS_2023:
        row = appendix.get(code)
        # A zero is what a two-level report should say; any other figure is about districts.
        if row is None or row.value is None or row.value == 0:
            continue
        yield rule.finding(
            subject.code_path(code), codes=(code,), code=code, raw=row.raw or str(row.value),
            period=period.label, day=format_date(DISTRICT_ABOLISHED_ON),
        )


LEVEL_RULES: tuple[Rule, ...] = (
    Rule(
        "levels.district_after_abolition",
        Severity.ERROR,
        "Chỉ tiêu cấp huyện {code} có số liệu “{raw}” trong báo cáo {period}, nhưng từ "
        "{day} không còn cấp huyện.",
        check=_district_after_abolition,
        message_en="District-level indicator {code} holds “{raw}” in the report for {period}, "
        "but there are no districts from {day} on.",
        codes=DISTRICT_ROWS_2023,
        basis="Nghị quyết 203/2025/QH15 (chính quyền địa phương hai cấp từ 01/7/2025)",
        description="A report for a period whose data starts on or after 1/7/2025 has no "
        "district level: a district-level figure (other than 0) is a leftover of the old form.",
    ),
)
