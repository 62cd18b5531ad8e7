"""Many units into one: the province's appendix from the appendices of its units.

:func:`consolidate` folds the units in one at a time, so a stream of units (files read one by
one) is never held whole: what it keeps is each unit's figure per row. Each row combines by
its :class:`~cchc_model.Aggregation`: counts add, ratios add numerator and denominator,
percentages are recomputed from the sums of their terms where the form asks for both
(:attr:`~cchc_model.IndicatorDef.terms`) and left blank otherwise, coded answers are never
added but counted per choice (the note ``"Hoàn thành: 12; Đang làm: 3"``), and text is not
combined. What cannot be combined is a finding naming the unit and the row, never a crash and
never a value silently left out.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from cchc_model._base.errors import CchcError
from cchc_model._base.numbers import number_for_message
from cchc_model._base.periods import ReportingPeriod
from cchc_model._model.appendix import Appendix, Catalogue, catalogue
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._model.report import Report
from cchc_model._rules.default import validate
from cchc_model._rules.engine import Finding, Rule, Severity, ValidationReport
from cchc_model._values.kinds import Aggregation, Ratio, Value, ValueKind

__all__ = ["CONSOLIDATION_RULES", "Consolidation", "Unit", "consolidate", "unit_path"]

#: What a unit can be: its report, its appendix, or the error met reading it.
Unit: TypeAlias = Report | Appendix | CchcError


def _none(rule: Rule, subject: object) -> tuple[Finding, ...]:
    """Consolidation findings are made while folding the units in, not by a check."""
    return ()


def _rule(rule_id: str, severity: Severity, message: str, message_en: str,
          description: str) -> Rule:
    return Rule(rule_id, severity, message, check=_none, message_en=message_en,
                description=description)


_UNREADABLE = _rule(
    "consolidate.unreadable", Severity.ERROR,
    "Không đọc được số liệu của {unit}: {error}",
    "Cannot read the figures of {unit}: {error}",
    "A unit's file could not be read; nothing of it is combined.",
)
_DUPLICATE_UNIT = _rule(
    "consolidate.duplicate_unit", Severity.ERROR,
    "Đơn vị {unit} được nộp hơn một lần; chỉ cộng lần đầu.",
    "{unit} is given more than once; only the first is combined.",
    "Two units of the same name (case and spacing ignored): the second is not combined.",
)
_NO_APPENDIX = _rule(
    "consolidate.no_appendix", Severity.WARNING,
    "Báo cáo của {unit} không có phụ lục số liệu; không có gì để cộng.",
    "The report of {unit} has no statistics appendix; there is nothing to combine.",
    "A report without its appendix adds no figure.",
)
_OTHER_FORM = _rule(
    "consolidate.other_form", Severity.ERROR,
    "Phụ lục của {unit} theo biểu mẫu {form}, không phải biểu mẫu {expected}; "
    "không được cộng.",
    "The appendix of {unit} follows form {form!r}, not {expected!r}; it is not combined.",
    "Rows of another form mean other things: the unit is not combined.",
)
_OTHER_PERIOD = _rule(
    "consolidate.other_period", Severity.ERROR,
    "Báo cáo của {unit} là báo cáo {period}, không phải {expected}; không được cộng.",
    "The report of {unit} is for {period}, not {expected}; it is not combined.",
    "Only reports of one period add up: a report of another period is not combined.",
)
_DOUBLED = _rule(
    "consolidate.doubled_submission", Severity.WARNING,
    "Phụ lục của {unit} giống hệt phụ lục của {other}: có thể là nộp trùng; số liệu của cả "
    "hai đơn vị đều được cộng.",
    "The appendix of {unit} is identical to that of {other}: possibly a doubled submission; "
    "both are combined.",
    "Two units with the very same figures in every row (not all zero) are most likely one "
    "submission sent twice under two names.",
)
_NOT_COMBINED = _rule(
    "consolidate.not_combined", Severity.ERROR,
    "Giá trị “{raw}” của chỉ tiêu {code} ở {unit} không hợp với dòng này ({kind}); "
    "không được cộng.",
    "The value {raw!r} of indicator {code} in {unit} does not fit its row ({kind}); "
    "it is not combined.",
    "A value that does not fit its row (text in a count, a plain count where the form asks "
    "done/planned, a code off the scale) is left out of the total, and said so.",
)
_EXTRA_ROW = _rule(
    "consolidate.extra_row", Severity.WARNING,
    "Dòng “{text}” của {unit} không thuộc biểu mẫu; không được cộng.",
    "The row “{text}” of {unit} is not in the form; it is not combined.",
    "Rows that match no indicator of the form are kept in the unit's appendix but add "
    "nothing.",
)
_MISSING = _rule(
    "consolidate.missing_unit", Severity.WARNING,
    "Chưa có số liệu của {unit} (có trong danh sách đơn vị phải báo cáo).",
    "No figures from {unit}, which is on the list of units expected to report.",
    "A unit of the expected list sent nothing: the totals leave it out.",
)
_UNEXPECTED = _rule(
    "consolidate.unexpected_unit", Severity.WARNING,
    "{unit} không có trong danh sách đơn vị phải báo cáo; số liệu vẫn được cộng.",
    "{unit} is not on the list of units expected to report; its figures are combined.",
    "A unit outside the expected list: a misspelt name, or a unit the list forgot.",
)

#: The findings :func:`consolidate` can make, as rules (their ``check`` finds nothing: the
#: findings are made while the units are folded in).
CONSOLIDATION_RULES: tuple[Rule, ...] = (
    _UNREADABLE, _DUPLICATE_UNIT, _NO_APPENDIX, _OTHER_FORM, _OTHER_PERIOD, _DOUBLED,
    _NOT_COMBINED, _EXTRA_ROW, _MISSING, _UNEXPECTED,
)

_KIND_NAMES = {
    ValueKind.COUNT: "số đếm",
    ValueKind.PERCENT: "tỷ lệ phần trăm",
    ValueKind.RATIO: "tỷ số đã làm/kế hoạch",
    ValueKind.CODED: "mã trả lời",
    ValueKind.TEXT: "chữ",
    ValueKind.HEADING: "dòng tiêu đề, không có số liệu",
}


def unit_path(unit: str) -> str:
    """The path of a unit in consolidation findings: ``$.units["Sở Tư pháp"]``.

    >>> print(unit_path("Sở Tư pháp") + '.appendix["3.1.3"]')
    $.units["Sở Tư pháp"].appendix["3.1.3"]
    """
    return f"$.units[{json.dumps(unit, ensure_ascii=False)}]"


def _unit_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


@attrs.define
class _Column:
    """Every unit's value of one row, and the row's running figure."""

    definition: IndicatorDef
    units: list[int] = attrs.Factory(list)
    values: list[Value] = attrs.Factory(list)
    rejected: set[int] = attrs.Factory(set)
    total: int | Decimal = 0
    numerator: int = 0
    denominator: int = 0
    answered: int = 0
    low: int | Decimal | None = None
    high: int | Decimal | None = None

    def add(self, unit: int, value: Value) -> bool:
        """Fold *value* of unit number *unit* in; ``False`` when it cannot be combined."""
        self.units.append(unit)
        self.values.append(value)
        definition = self.definition
        if not definition.fits(value) or definition.kind is ValueKind.HEADING:
            self.rejected.add(unit)
            return False
        aggregation = definition.aggregation
        if aggregation is Aggregation.SUM:
            if not isinstance(value, int | Decimal):
                self.rejected.add(unit)
                return False
            self.total += value
        elif aggregation is Aggregation.RATIO:
            if not isinstance(value, Ratio):
                self.rejected.add(unit)
                return False
            self.numerator += value.numerator
            self.denominator += value.denominator
        elif isinstance(value, int | Decimal):
            self.low = value if self.low is None else min(self.low, value)
            self.high = value if self.high is None else max(self.high, value)
        self.answered += 1
        return True

    def combined(self) -> Iterator[Value]:
        for unit, value in zip(self.units, self.values, strict=True):
            if unit not in self.rejected:
                yield value


def _percent(numerator: int | Decimal, denominator: int | Decimal) -> Decimal:
    share = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))
    return share.quantize(Decimal(1)) if share == share.to_integral_value() else share.normalize()


@attrs.frozen
class Consolidation:
    """Many units combined: the combined :attr:`appendix`, what each unit gave, the findings.

    ``units`` are the units combined, in the order they came; ``period`` the period of their
    reports (``None`` when only appendices were given). :meth:`values` and
    :meth:`contributors` say who gave what for any code.

    .. versionadded:: 0.2.0
    """

    appendix: Appendix = attrs.field(validator=attrs.validators.instance_of(Appendix))
    findings: tuple[Finding, ...] = attrs.field(validator=attrs.validators.deep_iterable(
        attrs.validators.instance_of(Finding), attrs.validators.instance_of(tuple),
    ))
    units: tuple[str, ...] = attrs.field(validator=attrs.validators.deep_iterable(
        attrs.validators.instance_of(str), attrs.validators.instance_of(tuple),
    ))
    period: ReportingPeriod | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ReportingPeriod)),
    )
    _columns: Mapping[str, _Column] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False,
    )

    def values(self, code: str) -> dict[str, Value]:
        """Each unit's value of *code* as it gave it (blanks left out), in unit order.

        This includes values that could not be combined; :meth:`contributors` names the
        units whose value went into the combined figure.
        """
        column = self._columns.get(code)
        if column is None:
            return {}
        return {self.units[u]: v for u, v in zip(column.units, column.values, strict=True)}

    def contributors(self, code: str) -> tuple[str, ...]:
        """The units whose value of *code* went into the combined figure, in unit order."""
        column = self._columns.get(code)
        if column is None:
            return ()
        return tuple(self.units[u] for u in column.units if u not in column.rejected)

    def distribution(self, code: str) -> dict[str, int]:
        """For a coded row, how many units gave each answer, in the order of the scale.

        Answers no unit gave are left out; a row that is not coded has none.
        """
        column = self._columns.get(code)
        scale = None if column is None else column.definition.scale
        if column is None or scale is None or column.definition.kind is not ValueKind.CODED:
            return {}
        counts: dict[int, int] = {}
        for value in column.combined():
            if isinstance(value, int):
                counts[value] = counts.get(value, 0) + 1
        return {label: counts[code] for label, code in scale.choices if counts.get(code)}

    @property
    def ok(self) -> bool:
        """No error-severity finding of the consolidation itself."""
        return ValidationReport(self.findings).ok

    def validate(self, *, rules: Iterable[Rule] | None = None) -> ValidationReport:
        """The consolidation's findings and those of *rules* on the combined appendix.

        *rules* are the library's by default; their paths are put under ``$.appendix``.
        """
        checked = validate(self.appendix, rules=rules)
        moved = tuple(
            attrs.evolve(f, path="$.appendix" + f.path[1:]) if f.path.startswith("$") else f
            for f in checked.findings
        )
        return ValidationReport((*self.findings, *moved))


class _Fold:
    """The running state of :func:`consolidate`."""

    def __init__(self, definitions: Catalogue | None, period: ReportingPeriod | None) -> None:
        self.catalogue = definitions
        self.period = period
        self.units: list[str] = []
        self.seen: dict[str, str] = {}
        self.digests: dict[bytes, str] = {}
        self.findings: list[Finding] = []
        self.columns: dict[str, _Column] = {}
        self.present: set[str] = set()

    def add(self, name: str, item: Unit) -> None:
        if not isinstance(name, str):
            raise TypeError(f"a unit's name must be a str, not {type(name).__name__}")
        if not isinstance(item, Report | Appendix | CchcError):
            raise TypeError(
                f"consolidate() takes a Report or an Appendix for {name!r}, "
                f"not {type(item).__name__}"
            )
        path = unit_path(name)
        key = _unit_key(name)
        if key in self.seen:
            self.findings.append(_DUPLICATE_UNIT.finding(path, unit=name))
            return
        self.seen[key] = name
        if isinstance(item, CchcError):
            error = " ".join(str(item).split())
            self.findings.append(_UNREADABLE.finding(path, unit=name, error=error))
            return
        appendix = item if isinstance(item, Appendix) else self._report_appendix(name, item)
        if appendix is None:
            return
        definitions = self._catalogue_for(appendix)
        if appendix.form != definitions.form:
            self.findings.append(_OTHER_FORM.finding(
                f"{path}.appendix.form", unit=name, form=appendix.form,
                expected=definitions.form,
            ))
            return
        self._check_doubled(name, appendix)
        self._fold(name, appendix, definitions)

    def _report_appendix(self, name: str, report: Report) -> Appendix | None:
        path = unit_path(name)
        period = report.header.period
        if period is not None:
            if self.period is None:
                self.period = period
            elif period != self.period:
                self.findings.append(_OTHER_PERIOD.finding(
                    f"{path}.header.period", unit=name, period=period.label,
                    expected=self.period.label,
                ))
                return None
        if report.appendix is None:
            self.findings.append(_NO_APPENDIX.finding(f"{path}.appendix", unit=name))
        return report.appendix

    def _catalogue_for(self, appendix: Appendix) -> Catalogue:
        if self.catalogue is None:
            try:
                self.catalogue = catalogue(appendix.form)
            except CchcError:
                return Catalogue("", ())
        return self.catalogue

    def _check_doubled(self, name: str, appendix: Appendix) -> None:
        filled = [(row.code, row.value) for row in appendix.rows if row.value is not None]
        if not any(value != 0 for _, value in filled):
            return
        text = "\x1e".join(f"{code}\x1f{value!r}" for code, value in filled)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        other = self.digests.setdefault(digest, name)
        if other != name:
            self.findings.append(_DOUBLED.finding(unit_path(name), unit=name, other=other))

    def _fold(self, name: str, appendix: Appendix, definitions: Catalogue) -> None:
        index = len(self.units)
        self.units.append(name)
        path = unit_path(name)
        columns, present = self.columns, self.present
        for row in appendix.rows:
            code = row.code
            definition = definitions.get(code)
            if definition is None:
                self._extra(name, row, f'{path}.appendix["{code}"]')
                continue
            present.add(code)
            if row.value is None:
                continue
            column = columns.get(code)
            if column is None:
                column = columns[code] = _Column(definition)
            if not column.add(index, row.value):
                self.findings.append(_NOT_COMBINED.finding(
                    f'{path}.appendix["{code}"]', codes=(code,), unit=name, code=code,
                    raw=row.raw or str(row.value), kind=_KIND_NAMES[definition.kind],
                ))
        for i, row in enumerate(appendix.extra):
            self._extra(name, row, f"{path}.appendix.extra[{i}]")

    def _extra(self, name: str, row: IndicatorValue, path: str) -> None:
        text = " ".join(part for part in (row.stt, row.label) if part) or row.raw
        self.findings.append(_EXTRA_ROW.finding(path, unit=name, text=text))

    def result(self, expected: dict[str, str] | None) -> Consolidation:
        definitions = self.catalogue or catalogue("2023")
        if expected is not None:
            self._check_expected(expected)
        columns = self.columns
        rows = [
            self._row(definition, columns.get(definition.code))
            for definition in definitions.indicators
            if definition.code in self.present
        ]
        appendix = Appendix(tuple(rows), title=definitions.title, form=definitions.form)
        result = Consolidation(appendix, tuple(self.findings), tuple(self.units), self.period)
        # Who gave what is the fold's to fill in, not a constructor argument.
        object.__setattr__(result, "_columns", dict(columns))
        return result

    def _check_expected(self, wanted: dict[str, str]) -> None:
        for key, name in wanted.items():
            if key not in self.seen:
                self.findings.append(_MISSING.finding(unit_path(name), unit=name))
        for key, name in self.seen.items():
            if key not in wanted:
                self.findings.append(_UNEXPECTED.finding(unit_path(name), unit=name))

    def _row(self, definition: IndicatorDef, column: _Column | None) -> IndicatorValue:
        if column is None or definition.kind is ValueKind.HEADING:
            return definition.row(None)
        value: Value = None
        notes: list[str] = []
        aggregation = definition.aggregation
        if aggregation is Aggregation.SUM and column.answered:
            value = column.total
        elif aggregation is Aggregation.RATIO and column.answered:
            value = Ratio(column.numerator, column.denominator)
        elif definition.kind is ValueKind.PERCENT and column.answered:
            value = self._recomputed(definition)
            if value is None:
                notes.append(self._spread(column))
            elif definition.terms is not None:
                notes.append(f"tính lại từ tổng {definition.terms[0]} / {definition.terms[1]}")
        elif definition.kind is ValueKind.CODED and column.answered:
            counts: dict[int, int] = {}
            for answer in column.combined():
                if isinstance(answer, int):
                    counts[answer] = counts.get(answer, 0) + 1
            scale = definition.scale
            choices = scale.choices if scale is not None else ()
            order = sorted(choices, key=lambda c: -counts.get(c[1], 0))
            notes.append("; ".join(f"{label}: {counts[c]}" for label, c in order if counts.get(c)))
        elif column.answered:
            notes.append(f"{column.answered} đơn vị trả lời")
        if column.rejected:
            notes.append(f"chưa cộng {len(column.rejected)} giá trị không hợp lệ")
        return definition.row(value, note="; ".join(note for note in notes if note))

    def _recomputed(self, definition: IndicatorDef) -> Decimal | None:
        if definition.terms is None:
            return None
        top, bottom = (self.columns.get(code) for code in definition.terms)
        if top is None or bottom is None or not top.answered or not bottom.answered:
            return None
        if top.definition.aggregation is not Aggregation.SUM:
            return None
        if bottom.definition.aggregation is not Aggregation.SUM or not bottom.total:
            return None
        return _percent(top.total, bottom.total)

    @staticmethod
    def _spread(column: _Column) -> str:
        low, high = column.low, column.high
        if low is None or high is None:
            return f"{column.answered} đơn vị trả lời"
        lowest, highest = number_for_message(low), number_for_message(high)
        spread = f"{lowest}%" if low == high else f"từ {lowest}% đến {highest}%"
        return f"không cộng được tỷ lệ: {column.answered} đơn vị báo cáo, {spread}"


def _expected(expected: Iterable[str]) -> dict[str, str]:
    """The expected units by the key their names are compared with."""
    if isinstance(expected, str):
        raise TypeError("expected must be an iterable of unit names, not one str")
    wanted: dict[str, str] = {}
    for name in expected:
        if not isinstance(name, str):
            raise TypeError(f"an expected unit's name must be a str, not {type(name).__name__}")
        if name.strip():
            wanted.setdefault(_unit_key(name), name.strip())
    return wanted


def consolidate(
    units: Mapping[str, Report | Appendix | CchcError]
    | Iterable[tuple[str, Report | Appendix | CchcError]],
    *,
    expected: Iterable[str] | None = None,
    catalogue: Catalogue | None = None,
    period: ReportingPeriod | None = None,
) -> Consolidation:
    """Combine the appendices of many units into one, and say who gave what.

    *units* maps a unit's name to its :class:`~cchc_model.Report` or
    :class:`~cchc_model.Appendix`; a mapping or any iterable of ``(name, unit)`` pairs, read
    once, one unit at a time (a generator reading files keeps memory flat). A
    :class:`~cchc_model.CchcError` in place of a unit is the error met reading it, reported
    as a finding. *expected* lists the units that should report: the missing ones and the
    ones not on it are findings. *catalogue* is the form the units fill in (by default the
    form of the first appendix); *period* the period of the reports (by default that of the
    first report that states one). Units of another form or period are findings and are not
    combined. Names are compared ignoring case and spacing.

    .. versionadded:: 0.2.0

    >>> from cchc_model import IndicatorValue, Ratio, catalogue_2023, consolidate
    >>> form = catalogue_2023()
    >>> text_in_a_count = IndicatorValue("3.1.3", "nhiều", raw="nhiều")
    >>> units = {
    ...     "Sở Tư pháp": form.build({"3.1.3": 138, "2.1": Ratio(12, 12), "7.3": 2}),
    ...     "Sở Y tế": form.build({"3.1.3": 95, "2.1": Ratio(3, 4), "7.3": 1}),
    ...     "Sở Xây dựng": form.build({"3.1.3": text_in_a_count, "7.3": 2}),
    ... }
    >>> c = consolidate(units, expected=["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ"])
    >>> c.appendix["3.1.3"].value, c.appendix["2.1"].value
    (233, Ratio(numerator=15, denominator=16))
    >>> c.appendix["7.3"].value is None, c.appendix["7.3"].note
    (True, 'Hoàn thành: 2; Đang làm: 1')
    >>> c.contributors("3.1.3")
    ('Sở Tư pháp', 'Sở Y tế')
    >>> for f in c.findings:
    ...     print(f.rule, f.path)
    consolidate.not_combined $.units["Sở Xây dựng"].appendix["3.1.3"]
    consolidate.missing_unit $.units["Sở Nội vụ"]
    """
    if catalogue is not None and not isinstance(catalogue, Catalogue):
        raise TypeError(f"catalogue must be a Catalogue, not {type(catalogue).__name__}")
    if period is not None and not isinstance(period, ReportingPeriod):
        raise TypeError(f"period must be a ReportingPeriod, not {type(period).__name__}")
    wanted = None if expected is None else _expected(expected)
    fold = _Fold(catalogue, period)
    items = units.items() if isinstance(units, Mapping) else units
    for pair in items:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(
                "consolidate() takes a mapping of unit names to units, or (name, unit) pairs"
            )
        fold.add(pair[0], pair[1])
    return fold.result(wanted)
