"""An indicator of the appendix form and one filled-in row of it.

An :class:`IndicatorDef` is a row of the form: code, labels, unit, kind of value, how it
aggregates. An :class:`IndicatorValue` is that row as a report fills it in: the value as typed
data *and* the text as written, so a value that does not fit its indicator is reported by
validation, never dropped or coerced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from cchc_model._base.checks import (
    of_type,
    slot_setters,
    to_tuple,
    tuple_of,
    type_only,
    wrong_type,
)
from cchc_model._base.errors import CchcError
from cchc_model._base.numbers import decimal_problem
from cchc_model._values.kinds import (
    Aggregation,
    CodedScale,
    Ratio,
    Value,
    ValueKind,
    format_value,
    parse_value,
)

__all__ = ["IndicatorDef", "IndicatorValue"]


@type_only  # the fast load path checks the values it reads itself
def _check_value(instance: object, attribute: object, value: Value) -> None:
    """Refuse what JSON could not carry back: other types, bool, absurd decimals."""
    if value is None or type(value) in (int, str, Ratio):
        return
    if isinstance(value, Decimal):
        problem = decimal_problem(value)
        if problem is None:
            return
        raise CchcError(f"IndicatorValue.value {problem}: {value!r}")
    raise wrong_type(
        "IndicatorValue.value", "int, Decimal, Ratio, str hoặc None", value,
        "số lẻ viết Decimal('0.5') (write fractions as Decimal('0.5'))" if isinstance(value, float)
        else "",
        expected_en="int, Decimal, Ratio, str or None",
    )


@attrs.frozen
class IndicatorValue:
    """One row of the appendix.

    ``code`` is the catalogue code the row stands for (``"3.1.3"``; "Trong đó" sub-rows have
    codes such as ``"3.1.3.a"``). ``stt``, ``label`` and ``unit`` are the row's cells as
    written, which may differ from the catalogue (the reference report numbers the rows of
    1.2 as 1.1.1–1.1.4). ``raw`` is the value cell as written (``"14.584"``), ``value`` what
    it means (``14584``). ``line`` is the source line, when read from a file; it is where the
    row came from, not part of its value, so it takes no part in equality.
    """

    code: str = attrs.field(validator=of_type(str))
    value: Value = attrs.field(default=None, validator=_check_value)
    raw: str = attrs.field(default="", validator=of_type(str))
    note: str = attrs.field(default="", validator=of_type(str))
    label: str = attrs.field(default="", validator=of_type(str))
    unit: str = attrs.field(default="", validator=of_type(str))
    stt: str = attrs.field(default="", validator=of_type(str))
    line: int | None = attrs.field(default=None, eq=False, validator=of_type(int, optional=True))

    def __reduce__(self) -> tuple[Callable[[tuple[object, ...]], IndicatorValue], tuple[Any]]:
        """Pickled as its fields, and made again from them without checking them again.

        A row was checked when it was made; ``cchc consolidate DIR`` sends each unit's rows
        from the worker that read them to the command, and a row's fields as one tuple cost
        a third of attrs' own state, field by field, to pickle and unpickle.
        """
        return _unpickled_row, (
            (self.code, self.value, self.raw, self.note, self.label, self.unit, self.stt,
             self.line),
        )


def _unpickled_row(fields: tuple[object, ...]) -> IndicatorValue:
    """The row :meth:`IndicatorValue.__reduce__` pickled, its fields set by their slots."""
    row = object.__new__(IndicatorValue)
    for setter, value in zip(_ROW_SETTERS, fields, strict=True):
        setter(row, value)
    return row


# Each field's slot setter, in the fields' order, which __reduce__ writes them in.
_ROW_SETTERS = slot_setters(IndicatorValue)


def _check_terms(
    instance: object, attribute: object, value: tuple[str, ...] | None
) -> None:
    if value is None:
        return
    if len(value) != 2 or not all(isinstance(code, str) for code in value):
        raise wrong_type(
            f"{type(instance).__name__}.terms", "None hoặc cặp hai mã chỉ tiêu", value,
            expected_en="None or a pair of indicator codes",
        )


@attrs.frozen
class IndicatorDef:
    """One row of the statistics appendix form.

    ``unit`` is the unit of the quantity as a Vietnamese label (``"Thủ tục"``, ``"Người"``,
    ``"%"``; empty for coded answers, text and headings). ``form_unit`` is what the form
    prints in its *Đơn vị tính* column, which is the unit, the coded scale, or sometimes
    another word. ``hint`` is the explanation the form adds in italics after the label.
    ``parts`` are the codes of the "Trong đó" rows that add up to this row;
    ``parts_complete`` says whether they add up to all of it or to a part of it.
    ``cumulative`` marks a row counted to the reporting date since a fixed start (the form's
    "lũy kế"), which may not fall from one period to the next. ``terms`` are the codes of the
    numerator and the denominator of a percentage row when the form asks for both, so that
    the percentage of many units can be recomputed from their sums.

    >>> from cchc_model import catalogue_2023
    >>> d = catalogue_2023()["3.1.3"]
    >>> d.label, d.unit, d.kind.value, d.parts
    ('Tổng số TTHC đang có hiệu lực', 'Thủ tục', 'count', ('3.1.3.a', '3.1.3.b', '3.1.3.c'))
    >>> d.stt
    '3.1.3.'
    """

    code: str = attrs.field(validator=of_type(str))
    label: str = attrs.field(validator=of_type(str))
    label_en: str = attrs.field(validator=of_type(str))
    kind: ValueKind = attrs.field(validator=of_type(ValueKind))
    unit: str = attrs.field(default="", validator=of_type(str))
    scale: CodedScale | None = attrs.field(
        default=None, validator=of_type(CodedScale, optional=True)
    )
    aggregation: Aggregation = attrs.field(
        default=Aggregation.NONE, validator=of_type(Aggregation)
    )
    form_unit: str = attrs.field(default="", validator=of_type(str))
    hint: str = attrs.field(default="", validator=of_type(str))
    parts: tuple[str, ...] = attrs.field(default=(), **tuple_of(str))
    parts_complete: bool = attrs.field(default=True, validator=of_type(bool))
    cumulative: bool = attrs.field(default=False, validator=of_type(bool))
    terms: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple), validator=_check_terms
    )

    @property
    def parent(self) -> str | None:
        """The code of the row this one sits under (``"3.1"`` for ``"3.1.3"``), or ``None``."""
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None

    @property
    def is_subrow(self) -> bool:
        """Whether this is a "Trong đó" row (its code ends with a letter)."""
        return self.code[-1].isalpha()

    @property
    def stt(self) -> str:
        """The STT the form prints: ``"3.1.3."``; ``"Trong đó"`` on a first sub-row, else ``""``."""
        if self.is_subrow:
            return "Trong đó" if self.code.endswith(".a") else ""
        return f"{self.code}."

    def parse(self, raw: str) -> Value:
        """The value that *raw*, written in this row, stands for; never raises.

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["7.6"].parse("14.584"), c["2.1"].parse("12/12"), c["4.2.5"].parse("10%")
        (14584, Ratio(numerator=12, denominator=12), Decimal('10'))
        >>> c["1.2.1"].parse("7 đơn vị (04 phòng chuyên môn và 03 đơn vị trực thuộc)")
        7
        >>> c["1.4.2"].parse("Kết hợp"), c["3.1.1"].parse("2,5"), c["3.1.1"].parse("nhiều")
        (2, Decimal('2.5'), 'nhiều')
        """
        return parse_value(raw, self.kind, self.scale)

    def format(self, value: Value) -> str:
        """*value* as the form writes it in this row (``14584`` → ``"14.584"``).

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["7.6"].format(14584), c["4.2.5"].format(Decimal("10")), c["2.1"].format(Ratio(12, 12))
        ('14.584', '10%', '12/12')
        """
        return format_value(value, self.kind)

    def fits(self, value: Value) -> bool:
        """Whether *value* is a proper value of this row (blank always fits).

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["3.1.3"].fits(138), c["3.1.3"].fits(Decimal("2.5")), c["1.5"].fits(3)
        (True, False, False)
        """
        if value is None:
            return True
        kind = self.kind
        if kind is ValueKind.COUNT:
            return type(value) is int and value >= 0
        if kind is ValueKind.RATIO:
            if isinstance(value, Ratio):
                return value.numerator >= 0 and value.denominator > 0
            return type(value) is int and value >= 0
        if kind is ValueKind.PERCENT:
            return isinstance(value, int | Decimal) and 0 <= value <= 100
        if kind is ValueKind.CODED:
            return type(value) is int and self.scale is not None and value in self.scale
        return kind is ValueKind.TEXT

    def aggregate(self, values: Iterable[Value]) -> Value:
        """The figure of many units combined, by :attr:`aggregation`; blanks are skipped.

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["3.1.3"].aggregate([138, None, 12]), c["2.1"].aggregate([Ratio(12, 12), Ratio(3, 4)])
        (150, Ratio(numerator=15, denominator=16))
        """
        present = [value for value in values if value is not None]
        if not present:
            return None
        if self.aggregation is Aggregation.SUM:
            numbers = [v for v in present if isinstance(v, int | Decimal)]
            if len(numbers) != len(present):
                raise CchcError(f"không cộng được chỉ tiêu {self.code} (cannot add up values)")
            total: int | Decimal = sum(numbers)
            return total
        if self.aggregation is Aggregation.RATIO:
            ratios = [v for v in present if isinstance(v, Ratio)]
            if len(ratios) != len(present):
                raise CchcError(f"không cộng được tỷ số {self.code} (cannot add up ratios)")
            return Ratio(
                sum(v.numerator for v in ratios), sum(v.denominator for v in ratios)
            )
        raise CchcError(f"chỉ tiêu {self.code} không cộng dồn được (not aggregable)")

    def row(self, value: Value = None, *, note: str = "") -> IndicatorValue:
        """An appendix row for this indicator, its cells filled as the form writes them.

        >>> from cchc_model import catalogue_2023
        >>> catalogue_2023()["7.6"].row(14584)
        IndicatorValue(code='7.6', value=14584, raw='14.584', note='', label='Số liệu về trao đổi văn bản điện tử', unit='', stt='7.6.', line=None)
        """  # noqa: E501
        label = f"{self.label} {self.hint}" if self.hint else self.label
        return IndicatorValue(
            self.code, value, raw=self.format(value), note=note, label=label,
            unit=self.form_unit, stt=self.stt,
        )
