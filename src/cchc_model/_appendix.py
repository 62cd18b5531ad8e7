"""The statistics appendix: indicator values keyed by their catalogue code.

Each row of the appendix (``STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú``) is an
:class:`IndicatorValue`. It keeps the value as typed data *and* the text as written, so a value
that does not fit its indicator is reported by validation, never dropped or coerced.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias

import attrs

from cchc_model._errors import CchcError
from cchc_model._mapping import IndexedMapping
from cchc_model._numbers import decimal_problem

if TYPE_CHECKING:
    from cchc_model._catalogue import Catalogue


__all__ = ["Appendix", "IndicatorValue", "Ratio", "Value"]


@attrs.frozen
class Ratio:
    """A value written as a fraction of two counts: ``12/12`` (done of planned).

    >>> Ratio(12, 12)
    Ratio(numerator=12, denominator=12)
    >>> str(Ratio(3, 4))
    '3/4'
    """

    numerator: int
    denominator: int

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


#: What an indicator can hold: a count or a coded answer (``int``), a percentage or other
#: decimal (``Decimal``), a :class:`Ratio`, free text, or nothing (blank).
Value: TypeAlias = int | Decimal | Ratio | str | None


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

    code: str
    value: Value = attrs.field(default=None, validator=lambda i, a, v: _check_value(v))
    raw: str = ""
    note: str = ""
    label: str = ""
    unit: str = ""
    stt: str = ""
    line: int | None = attrs.field(default=None, eq=False)


def _check_value(value: object) -> None:
    """Refuse what JSON could not carry back: other types, bool, absurd decimals."""
    if value is None or type(value) in (int, str, Ratio):
        return
    if isinstance(value, Decimal):
        problem = decimal_problem(value)
        if problem is None:
            return
        raise CchcError(f"giá trị {problem}: {value!r}")
    raise CchcError(
        "giá trị phải là int, Decimal, Ratio, str hoặc None "
        f"(value must be int, Decimal, Ratio, str or None): {value!r}"
    )


def _unique_codes(
    instance: Appendix, attribute: attrs.Attribute[tuple[IndicatorValue, ...]],
    rows: tuple[IndicatorValue, ...],
) -> None:
    seen: set[str] = set()
    for row in rows:
        if row.code in seen:
            raise CchcError(f"mã chỉ tiêu bị trùng (duplicate indicator code): {row.code!r}")
        seen.add(row.code)


@attrs.frozen
class Appendix(IndexedMapping[IndicatorValue]):
    """The statistics appendix: a read-only mapping from indicator code to its value.

    The rows keep their order in the document. ``form`` names the catalogue the codes belong
    to (:func:`~cchc_model.catalogue`). ``extra`` holds the rows that match no indicator of
    the form (or repeat one already read), kept as written so nothing is lost; their ``code``
    is their STT without the trailing dot, and validation reports them.

    >>> a = Appendix((IndicatorValue("3.1.3", 138, raw="138"),))
    >>> a["3.1.3"].value
    138
    >>> list(a)
    ['3.1.3']
    """

    rows: tuple[IndicatorValue, ...] = attrs.field(default=(), validator=_unique_codes)
    title: str = ""
    form: str = "2023"
    extra: tuple[IndicatorValue, ...] = ()
    _index: dict[str, IndicatorValue] = attrs.field(
        init=False, repr=False, eq=False, hash=False,
        default=attrs.Factory(lambda self: {row.code: row for row in self.rows}, takes_self=True),
    )

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of :attr:`form`; a :class:`~cchc_model.CchcError` for an unknown form."""
        from cchc_model._catalogue import catalogue  # noqa: PLC0415 - the catalogue imports us

        return catalogue(self.form)

    def _repr_html_(self) -> str:
        """The table as a notebook shows it, rows with validation findings highlighted."""
        from cchc_model._render import render_html  # noqa: PLC0415 - an adapter, on display
        from cchc_model._validation import validate  # noqa: PLC0415 - it imports this module

        return render_html(self, findings=validate(self), standalone=False)

    def value(self, code: str) -> Value:
        """The value of *code*, or ``None`` when the row is absent or blank.

        >>> Appendix((IndicatorValue("3.1.3", 138),)).value("3.1.1") is None
        True
        """
        row = self._index.get(code)
        return None if row is None else row.value
