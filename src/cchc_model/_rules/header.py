"""Rules about the head and foot of the document: title, period, date, signature; and units.

The header states the period three times: as :attr:`~cchc_model.Header.period`, in the title
or subtitle ("… quý III năm 2025") and through the date of issue, which follows the period's
data cut-off (Nghị định 09/2019/NĐ-CP, Điều 12: data from the 15th of the month before the
period to the 14th of its last month). The signature's authority (Nghị định 30/2020/NĐ-CP,
Điều 13) must agree with its titles: ``KT.`` is a deputy signing for the head, so the first
title is the head's and the second the deputy's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from cchc_model._base.dates import format_date
from cchc_model._base.periods import period_in_text
from cchc_model._base.text import normalize_text
from cchc_model._model.facts import TotalFact
from cchc_model._model.report import SigningAuthority
from cchc_model._rules.engine import Finding, Rule, Severity, Subject

__all__ = ["HEADER_RULES"]

_ND30 = "Nghị định 30/2020/NĐ-CP"
_ND09 = "Nghị định 09/2019/NĐ-CP, Điều 12; Công văn 581/BNV-CCHC"

# A report may be issued some weeks after its period's due date (annual reports in January).
_LATE = timedelta(days=92)


def _title(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is not None and not report.header.title.strip():
        yield rule.finding("$.header.title")


def _period_text(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is None or report.header.period is None:
        return
    header, period = report.header, report.header.period
    for field in ("subtitle", "title"):
        named = period_in_text(getattr(header, field))
        if named is None:
            continue
        if named != period:
            yield rule.finding(f"$.header.{field}", named=named.label, period=period.label)
        return


def _earliest(day: date | None, year: int, month: int | None) -> tuple[date, date]:
    """The first and last day a (possibly incomplete) document date can be."""
    if day is not None:
        return day, day
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    first = date(year, month, 1)
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return first, last


def _date_period(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is None or report.header.period is None or report.header.date is None:
        return
    period, written = report.header.period, report.header.date
    first, last = _earliest(written.as_date(), written.year, written.month)
    shown = format_date(first) if written.is_complete else (
        f"{written.month}/{written.year}" if written.month is not None else str(written.year)
    )
    if last < period.data_start:
        yield rule.finding(
            "$.header.date", date=shown, period=period.label,
            why_vi=f"trước khi kỳ số liệu bắt đầu ({format_date(period.data_start)})",
            why_en=f"before the period's data start ({format_date(period.data_start)})",
        )
    elif first > period.due_date + _LATE:
        yield rule.finding(
            "$.header.date", date=shown, period=period.label,
            why_vi=f"quá xa sau hạn báo cáo ({format_date(period.due_date)})",
            why_en=f"long after the report's due date ({format_date(period.due_date)})",
        )


_DEPUTY = re.compile(r"^PHÓ\b", re.IGNORECASE)
_PERSON = re.compile(r"^(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|BỘ TRƯỞNG|CHÁNH)\b", re.IGNORECASE)


def _signature(rule: Rule, subject: Subject) -> Iterator[Finding]:
    report = subject.report
    if report is None or report.signature is None:
        return
    signature = report.signature
    titles = [normalize_text(title).strip() for title in signature.titles]
    authority = signature.authority
    first = titles[0] if titles else ""
    problem: tuple[str, str] | None = None
    if authority is SigningAuthority.DEPUTY:
        if _DEPUTY.match(first):
            head = first[3:].strip()
            problem = (
                (f"“KT. {first}”: cấp phó ký thay người đứng đầu, nên dòng đầu là chức danh "
                f"người đứng đầu (“KT. {head}”)"),
                (f"“KT. {first}”: a deputy signs for the head, so the first line names the "
                f"head's office (“KT. {head}”)"),
            )
        elif len(titles) < 2 or not _DEPUTY.match(titles[1]):
            problem = (
                "ký thay (KT.) cần dòng thứ hai là chức danh cấp phó (PHÓ …)",
                "a KT. signature needs the deputy's title (PHÓ …) on its second line",
            )
    elif authority is SigningAuthority.ACTING:
        if _DEPUTY.match(first):
            problem = (
                f"“Q. {first}”: quyền là quyền người đứng đầu, không phải cấp phó",
                f"“Q. {first}”: an acting signer acts as the head, not as a deputy",
            )
    elif authority is SigningAuthority.ON_BEHALF:
        if _PERSON.match(first):
            problem = (
                (f"“TM. {first}”: thay mặt là thay mặt một tập thể (ỦY BAN NHÂN DÂN, BAN …), "
                "không phải một chức danh"),
                f"“TM. {first}”: TM. signs for a collective body, not for an office",
            )
    elif authority in (SigningAuthority.BY_ORDER, SigningAuthority.BY_AUTHORISATION):
        if _DEPUTY.match(first) or len(titles) < 2:
            problem = (
                (f"“{authority.value} {first}”: dòng đầu là người đứng đầu, dòng sau là chức "
                "danh người ký"),
                (f"“{authority.value} {first}”: the first line names the head, the next the "
                "signer's office"),
            )
    elif authority is None and _DEPUTY.match(first):
        problem = (
            f"cấp phó (“{first}”) ký thay người đứng đầu phải ghi KT.",
            f"a deputy (“{first}”) signing for the head writes KT.",
        )
    if problem is not None:
        # Without an authority the block may simply be incomplete: a warning, not an error.
        severity = Severity.WARNING if authority is None else None
        yield rule.finding(
            "$.signature", severity=severity, why_vi=problem[0], why_en=problem[1]
        )


def _mixed_units(rule: Rule, subject: Subject) -> Iterator[Finding]:
    if subject.report is None:
        return
    known: dict[str, object | None] = {}
    for path, fact in subject.index.facts:
        if type(fact) is not TotalFact and not isinstance(fact, TotalFact):
            continue
        unit = fact.total.unit
        for part in fact.parts:
            if part.unit != unit:
                break
        else:
            continue  # no parts, or one unit: one kind of thing, whatever its dimension
        from cchc_model._base.units import unit_dimension  # noqa: PLC0415 - pint, on first use

        seen: dict[object, str] = {}
        for count in (fact.total, *fact.parts):
            if count.unit in known:
                dimension = known[count.unit]
            else:
                dimension = known[count.unit] = unit_dimension(count.unit)
            if dimension is not None:
                seen.setdefault(dimension, count.unit)
        if len(seen) > 1:
            units = ", ".join(f"“{unit}”" for unit in seen.values())
            yield rule.finding(path, units=units)


HEADER_RULES: tuple[Rule, ...] = (
    Rule(
        "header.empty_title",
        Severity.WARNING,
        "Báo cáo không có tên loại văn bản (tiêu đề trống).",
        check=_title,
        message_en="The report has no title (its document type name is blank).",
        basis=f"{_ND30}, Phụ lục I (tên loại và trích yếu nội dung văn bản)",
        description="A report carries its type name (``BÁO CÁO``) as its title.",
    ),
    Rule(
        "header.period_title",
        Severity.ERROR,
        "Tiêu đề ghi kỳ “{named}” nhưng kỳ báo cáo là “{period}”.",
        check=_period_text,
        message_en="The title names the period “{named}” but the report's period is "
        "“{period}”.",
        basis=_ND09,
        description="The period the subtitle (or title) names is the header's period.",
    ),
    Rule(
        "header.date_period",
        Severity.WARNING,
        "Ngày ban hành {date} {why_vi} của kỳ “{period}”.",
        check=_date_period,
        message_en="The date of issue {date} is {why_en} of the period “{period}”.",
        basis=_ND09,
        description="A report is dated within its period's data cut-off or shortly after its "
        "due date (the 20th of the period's last month), never before the period's data start.",
    ),
    Rule(
        "signature.authority",
        Severity.ERROR,
        "Thể thức ký không đúng: {why_vi}.",
        check=_signature,
        message_en="The signature's authority does not fit its titles: {why_en}.",
        basis=f"{_ND30}, Điều 13 (thẩm quyền ký: KT., TM., TL., TUQ., Q.)",
        description="``KT.`` heads a head's office with a deputy's title under it; ``TM.`` "
        "names a collective body; ``Q.`` an acting head; ``TL.``/``TUQ.`` the head then the "
        "signer's office; a deputy signing without ``KT.`` is flagged.",
    ),
    Rule(
        "facts.mixed_units",
        Severity.ERROR,
        "Tổng và các phần tính bằng những đơn vị khác loại: {units}.",
        check=_mixed_units,
        message_en="A total and its parts are counted in units of different kinds: {units}.",
        description="A total stated with its breakdown counts one kind of thing: procedures "
        "(thủ tục) and case files (hồ sơ) do not add up.",
    ),
)
