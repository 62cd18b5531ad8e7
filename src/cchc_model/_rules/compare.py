"""One unit, period against period: what may not fall, what jumps, what was copied over.

:func:`compare` reads the appendix of a unit's report beside that of an earlier report of the
same unit. Rows the form counts to the reporting date ("lũy kế",
:attr:`~cchc_model.IndicatorDef.cumulative`) may not fall; the procedures in force may fall
only as far as the procedures abolished explain; a figure that moves by more than a tolerance
is pointed out; and a report whose figures are the earlier report's, row for row, is most
likely last period's table sent again.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cchc_model._base.errors import CchcError
from cchc_model._base.numbers import number_for_message
from cchc_model._base.periods import GovernmentLevel, ReportingPeriod
from cchc_model._model.appendix import Appendix, Catalogue
from cchc_model._model.report import Report
from cchc_model._rules.engine import Finding, Rule, Severity, Subject, ValidationReport
from cchc_model._values.kinds import ValueKind

__all__ = ["COMPARE_RULES", "IN_FORCE_2023", "compare"]

#: The 2023 form's procedures in force, the procedures abolished or replaced in the period,
#: and the district-level part of those in force (which goes when the district level goes).
IN_FORCE_2023 = ("3.1.3", "3.1.2", "3.1.3.b")


def _none(rule: Rule, subject: Subject) -> tuple[Finding, ...]:
    """Comparison findings are made by :func:`compare`, which reads two subjects."""
    return ()


_ORDER = Rule(
    "compare.order", Severity.ERROR,
    "Kỳ báo cáo {current} không sau kỳ {previous}; không so sánh được.",
    check=_none,
    message_en="The period {current} does not come after {previous}; nothing is compared.",
    description="The current report must be of a later period than the previous one.",
)
_OTHER_FORM = Rule(
    "compare.other_form", Severity.ERROR,
    "Hai phụ lục theo hai biểu mẫu khác nhau ({current} và {previous}); không so sánh "
    "được.",
    check=_none,
    message_en="The two appendices follow different forms ({current!r} and {previous!r}); "
    "nothing is compared.",
    description="Rows of different forms mean different things.",
)
_NO_APPENDIX = Rule(
    "compare.no_appendix", Severity.WARNING,
    "Báo cáo {which} không có phụ lục số liệu; không so sánh được.",
    check=_none,
    message_en="The {which_en} report has no statistics appendix; nothing is compared.",
    description="Only appendices are compared.",
)
_CUMULATIVE = Rule(
    "compare.cumulative_fell", Severity.WARNING,
    "Chỉ tiêu lũy kế {code} giảm từ {before} ({previous}) xuống {now}; số lũy kế đến thời "
    "điểm báo cáo không giảm.",
    check=_none,
    message_en="Cumulative indicator {code} fell from {before} ({previous}) to {now}; a "
    "figure counted to the reporting date does not fall.",
    basis="Biểu thống kê số liệu CCHC (mẫu 2023): các dòng “lũy kế đến thời điểm báo cáo”",
    description="Rows the form counts to the reporting date (lũy kế) may not fall.",
)
_IN_FORCE = Rule(
    "compare.in_force_fell", Severity.WARNING,
    "Tổng số TTHC đang có hiệu lực ({code}) giảm {fall} (từ {before} xuống {now}) nhưng kỳ "
    "này chỉ có {removed} TTHC bãi bỏ, thay thế ({removed_code}).",
    check=_none,
    message_en="Procedures in force ({code}) fell by {fall} (from {before} to {now}) but "
    "only {removed} were abolished or replaced in the period ({removed_code}).",
    codes=IN_FORCE_2023[:2],
    description="Procedures in force fall only by those abolished (or, when the district "
    "level ends, by the district-level ones).",
)
_JUMP = Rule(
    "compare.jump", Severity.INFO,
    "Chỉ tiêu {code} thay đổi từ {before} ({previous}) thành {now}, hơn {tolerance}% so với "
    "kỳ trước.",
    check=_none,
    message_en="Indicator {code} changed from {before} ({previous}) to {now}, by more than "
    "{tolerance}% of the previous figure.",
    description="A figure that moves by more than the tolerance is worth a second look.",
)
_UNCHANGED = Rule(
    "compare.unchanged", Severity.WARNING,
    "Cả {count} chỉ tiêu có số liệu đều giống hệt báo cáo {previous}: có thể là số liệu kỳ "
    "trước được gửi lại.",
    check=_none,
    message_en="All {count} indicators with figures repeat the {previous} report exactly: "
    "possibly last period's figures sent again.",
    description="A report whose every figure is the previous report's is most likely a "
    "copy.",
)

#: The findings :func:`compare` can make, as rules.
COMPARE_RULES: tuple[Rule, ...] = (
    _ORDER, _OTHER_FORM, _NO_APPENDIX, _CUMULATIVE, _IN_FORCE, _JUMP, _UNCHANGED,
)


def _number(value: object) -> int | Decimal | None:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    return None


def _period(target: Report | Appendix) -> ReportingPeriod | None:
    return target.header.period if isinstance(target, Report) else None


def _appendix(target: Report | Appendix) -> Appendix | None:
    return target.appendix if isinstance(target, Report) else target


class _Pair:
    """The two appendices being compared, and how to point at a row of the current one."""

    def __init__(self, current: Report | Appendix, previous: Report | Appendix,
                 now: Appendix, before: Appendix, definitions: Catalogue) -> None:
        self.subject = Subject.of(current)
        self.now, self.before = now, before
        self.catalogue = definitions
        self.current_period, self.previous_period = _period(current), _period(previous)
        label = None if self.previous_period is None else self.previous_period.label
        self.previous_label = label or "kỳ trước"

    def numbers(self, code: str) -> tuple[int | Decimal | None, int | Decimal | None]:
        return _number(self.now.value(code)), _number(self.before.value(code))

    def finding(self, rule: Rule, code: str, **fields: str) -> Finding:
        return rule.finding(
            self.subject.code_path(code), codes=(code,), severity=None, code=code,
            previous=self.previous_label, **fields,
        )


def _cumulative(pair: _Pair) -> Iterator[tuple[str, Finding]]:
    for definition in pair.catalogue.indicators:
        if not definition.cumulative:
            continue
        now, before = pair.numbers(definition.code)
        if now is not None and before is not None and now < before:
            yield definition.code, pair.finding(
                _CUMULATIVE, definition.code, before=number_for_message(before),
                now=number_for_message(now),
            )


def _in_force(pair: _Pair) -> Iterator[tuple[str, Finding]]:
    if pair.now.form != "2023":
        return
    total, removed_code, district = IN_FORCE_2023
    now, before = pair.numbers(total)
    if now is None or before is None or now >= before:
        return
    removed = _number(pair.now.value(removed_code)) or 0
    explained = removed
    current, previous = pair.current_period, pair.previous_period
    if (current is not None and previous is not None
            and GovernmentLevel.DISTRICT in previous.levels
            and GovernmentLevel.DISTRICT not in current.levels):
        explained += _number(pair.before.value(district)) or 0
    fall = before - now
    if fall > explained:
        yield total, pair.finding(
            _IN_FORCE, total, fall=number_for_message(fall),
            before=number_for_message(before), now=number_for_message(now),
            removed=number_for_message(removed), removed_code=removed_code,
        )


def _jumps(pair: _Pair, tolerance: Decimal, min_change: Decimal,
           flagged: set[str]) -> Iterator[Finding]:
    current, previous = pair.current_period, pair.previous_period
    if current is not None and previous is not None and current.kind is not previous.kind:
        return  # flows of a quarter and of a year are not comparable
    for definition in pair.catalogue.indicators:
        code = definition.code
        if code in flagged or definition.kind not in (ValueKind.COUNT, ValueKind.PERCENT):
            continue
        now, before = pair.numbers(code)
        if now is None or before is None:
            continue
        change = abs(Decimal(now) - Decimal(before))
        if change >= min_change and change > tolerance * abs(Decimal(before)):
            yield pair.finding(
                _JUMP, code, before=definition.format(before), now=definition.format(now),
                tolerance=number_for_message(tolerance * 100),
            )


def _unchanged(pair: _Pair) -> Iterator[Finding]:
    now = {row.code: row.value for row in pair.now.rows if row.value is not None}
    before = {row.code: row.value for row in pair.before.rows if row.value is not None}
    if now and now == before and any(value != 0 for value in now.values()):
        yield _UNCHANGED.finding(
            pair.subject.appendix_path, count=len(now), previous=pair.previous_label,
        )


def compare(
    current: Report | Appendix,
    previous: Report | Appendix,
    *,
    tolerance: Decimal | float | str = Decimal("0.5"),
    min_change: Decimal | int = 10,
) -> ValidationReport:
    """Compare a unit's report with its report of an earlier period.

    Finds cumulative ("lũy kế") rows that fell, procedures in force that fell further than
    the procedures abolished explain, figures (counts and percentages) that changed by more
    than *tolerance* of the earlier figure and by at least *min_change*, and a report that
    repeats every figure of the earlier one. Jumps are looked for only between periods of
    the same kind (a quarter's flows are not a year's). Paths point into *current*.

    .. versionadded:: 0.2.0

    >>> from cchc_model import Report, Header, ReportingPeriod, catalogue_2023, compare
    >>> form = catalogue_2023()
    >>> def report(year, figures):
    ...     header = Header("SỞ Y TẾ", period=ReportingPeriod.annual(year))
    ...     return Report(header, appendix=form.build(figures))
    >>> before = report(2023, {"6.1": 4, "3.1.3": 140, "3.1.2": 0, "1.4.1": 200})
    >>> now = report(2024, {"6.1": 3, "3.1.3": 120, "3.1.2": 5, "1.4.1": 900})
    >>> for f in compare(now, before).findings:
    ...     print(f.rule, f.path)
    compare.cumulative_fell $.appendix["6.1"]
    compare.in_force_fell $.appendix["3.1.3"]
    compare.jump $.appendix["1.4.1"]
    >>> [f.rule for f in compare(before, before).findings]
    ['compare.order']
    """
    for name, target in (("current", current), ("previous", previous)):
        if not isinstance(target, Report | Appendix):
            raise TypeError(
                f"compare() takes a Report or an Appendix as {name}, not {type(target).__name__}"
            )
    try:
        tolerance = Decimal(str(tolerance))
        min_change = Decimal(str(min_change))
    except ArithmeticError:
        raise CchcError(
            f"tolerance và min_change phải là số (must be numbers): {tolerance!r}, {min_change!r}"
        ) from None
    if not tolerance.is_finite() or tolerance < 0 or not min_change.is_finite():
        raise CchcError(f"tolerance phải là số không âm (must be non-negative): {tolerance!r}")
    subject = Subject.of(current)
    current_period, previous_period = _period(current), _period(previous)
    if (current_period is not None and previous_period is not None
            and current_period.data_end <= previous_period.data_end):
        return ValidationReport((_ORDER.finding(
            "$.header.period", current=current_period.label, previous=previous_period.label,
        ),))
    now, before = _appendix(current), _appendix(previous)
    if now is None or before is None:
        which, which_en = ("này", "current") if now is None else ("kỳ trước", "previous")
        return ValidationReport((_NO_APPENDIX.finding(
            subject.appendix_path, which=which, which_en=which_en,
        ),))
    if now.form != before.form:
        return ValidationReport((_OTHER_FORM.finding(
            f"{subject.appendix_path}.form", current=now.form, previous=before.form,
        ),))
    try:
        definitions = now.catalogue
    except CchcError:
        return ValidationReport(())
    pair = _Pair(current, previous, now, before, definitions)
    findings: list[Finding] = []
    flagged: set[str] = set()
    for code, finding in (*_cumulative(pair), *_in_force(pair)):
        flagged.add(code)
        findings.append(finding)
    findings.extend(_jumps(pair, tolerance, min_change, flagged))
    findings.extend(_unchanged(pair))
    return ValidationReport(tuple(findings))
