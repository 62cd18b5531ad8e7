"""Units of the statistics appendix, as a small pint registry built on first use.

Each counted thing has its own dimension — thủ tục (``procedure``), văn bản
(``document``), nhiệm vụ (``task``), người (``person``), cơ quan/đơn vị (``agency``), hồ sơ
(``case_file``), phiếu (``survey_form``), vấn đề (``issue``) and the bare "Số lượng"
(``item``) — so that a sum mixing persons and procedures fails instead of giving a
number. Money is ``dong`` with ``thousand_dong``, ``million_dong`` and ``billion_dong``;
``percent`` is dimensionless. Magnitudes are :class:`~decimal.Decimal` (or :class:`int`),
so conversions are exact: 3.585,23 triệu đồng is exactly 3,58523 tỷ đồng.

pint is imported when the registry is first needed, not when :mod:`cchc_model` is: it
costs more to import than the rest of the library.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from cchc_model._base.errors import UnitError
from cchc_model._base.lazy import Lazy
from cchc_model._base.numbers import (
    _MONEY_LABELS,
    MoneyScale,
    NumberLike,
    _label_key,
    _to_decimal,
    parse_number,
)

if TYPE_CHECKING:
    import pint

__all__ = ["is_unit_label", "quantity", "unit_dimension", "unit_for_label"]

# pint definitions: one base dimension per counted thing, money in đồng, percent.
_DEFINITIONS = (
    "procedure = [procedure]",
    "document = [document]",
    "task = [task]",
    "person = [person]",
    "agency = [agency]",
    "case_file = [case_file]",
    "survey_form = [survey_form]",
    "issue = [issue]",
    "item = [item]",
    "dong = [currency]",
    "thousand_dong = 1000 * dong",
    "million_dong = 1000000 * dong",
    "billion_dong = 1000000000 * dong",
    "percent = 0.01 = %",
)

_MONEY_UNITS = {
    MoneyScale.DONG.value: "dong",
    MoneyScale.THOUSAND.value: "thousand_dong",
    MoneyScale.MILLION.value: "million_dong",
    MoneyScale.BILLION.value: "billion_dong",
}

# Unit labels (by _label_key) -> pint unit name. Every label of the reference appendix
# is here; a label that is not is an error, never a guess.
_UNIT_NAMES = {
    "thủ tục": "procedure",
    "thủ tục hành chính": "procedure",
    "tthc": "procedure",
    "văn bản": "document",
    "nhiệm vụ": "task",
    "người": "person",
    "cơ quan, đơn vị": "agency",
    "cơ quan/đơn vị": "agency",
    "cơ quan": "agency",
    "đơn vị": "agency",
    "hồ sơ": "case_file",
    "phiếu": "survey_form",
    "vấn đề": "issue",
    "số lượng": "item",
    "%": "percent",
    "phần trăm": "percent",
    **{label: _MONEY_UNITS[scale] for label, scale in _MONEY_LABELS.items()},
}

# How a unit is named in messages.
_VIETNAMESE = {
    "procedure": "thủ tục",
    "document": "văn bản",
    "task": "nhiệm vụ",
    "person": "người",
    "agency": "cơ quan, đơn vị",
    "case_file": "hồ sơ",
    "survey_form": "phiếu",
    "issue": "vấn đề",
    "item": "số lượng",
    "dong": "đồng",
    "thousand_dong": "nghìn đồng",
    "million_dong": "triệu đồng",
    "billion_dong": "tỷ đồng",
    "percent": "%",
    "dimensionless": "số không có đơn vị",
}

# Quantity methods that raise pint's DimensionalityError when units do not match.
_CHECKED_METHODS = (
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__",
    "__lt__", "__le__", "__gt__", "__ge__", "__float__", "__int__",
    "to", "ito", "m_as",
)  # fmt: skip

F = TypeVar("F", bound=Callable[..., Any])


def unit_for_label(label: str) -> pint.Unit:
    """The unit an appendix's "Đơn vị tính" column names.

    Case, spacing and Unicode normalisation do not matter; an unknown label raises
    :class:`~cchc_model.UnitError` rather than being guessed.

    >>> unit_for_label("Thủ tục") == unit_for_label("TTHC")
    True
    >>> str(unit_for_label("Cơ quan,  đơn vị")), str(unit_for_label("triệu đồng"))
    ('agency', 'million_dong')
    >>> unit_for_label("Hộ gia đình")
    Traceback (most recent call last):
    ...
    cchc_model.UnitError: đơn vị tính không rõ (unknown unit label): 'Hộ gia đình'
    """
    if not isinstance(label, str):
        raise TypeError(f"unit_for_label() takes a str, not {type(label).__name__}")
    name = _UNIT_NAMES.get(_label_key(label))
    if name is None:
        raise UnitError(f"đơn vị tính không rõ (unknown unit label): {label!r}", label)
    return _REGISTRY.get().Unit(name)


def unit_dimension(label: str) -> object | None:
    """The dimension of the unit *label* names, ``None`` for a label that names no unit.

    Two labels count the same kind of thing when their dimensions are equal. The dimension
    of each unit is worked out once, when first asked.

    >>> unit_dimension("Thủ tục") == unit_dimension("TTHC") != unit_dimension("hồ sơ")
    True
    >>> unit_dimension("nghìn đồng") == unit_dimension("tỷ đồng"), unit_dimension("Hộ")
    (True, None)
    """
    if not label.strip():
        return None
    name = _UNIT_NAMES.get(_label_key(label))
    return None if name is None else _DIMENSIONS.get()[name]


def is_unit_label(label: object) -> bool:
    """Whether :func:`unit_for_label` knows *label*; never raises, never imports pint.

    >>> is_unit_label("Người"), is_unit_label(" vấn  đề "), is_unit_label("Có = 1")
    (True, True, False)
    """
    return isinstance(label, str) and _label_key(label) in _UNIT_NAMES


def quantity(value: NumberLike | str, label: str) -> pint.Quantity[Any]:
    """*value* in the unit *label* names, as a pint quantity.

    *value* is an :class:`int`, a :class:`~decimal.Decimal`, a :class:`float` (read
    through its ``repr``) or text written the Vietnamese way (``"3.585,23"``). Quantities
    convert exactly, refuse to be combined across kinds (raising
    :class:`~cchc_model.UnitError`) and pickle.

    >>> money = quantity("3.585,23", "triệu đồng")
    >>> money == quantity(Decimal("3.58523"), "tỷ đồng")
    True
    >>> money.to(unit_for_label("tỷ đồng")).magnitude
    Decimal('3.58523000000')
    >>> quantity(430, "Người") + quantity(55, "người")
    <Quantity(485, 'person')>
    >>> quantity(3, "Người") + quantity(4, "TTHC")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cchc_model.UnitError: không kết hợp được người với thủ tục (incompatible units: ...)
    """
    unit = unit_for_label(label)
    magnitude: int | Decimal
    if isinstance(value, str):
        magnitude = parse_number(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        magnitude = value
    else:
        magnitude = _to_decimal(value, "quantity")
    return _REGISTRY.get().Quantity(magnitude, unit)


def _unpickle_quantity(magnitude: Any, units: tuple[tuple[str, Any], ...]) -> pint.Quantity[Any]:
    """Rebuild a pickled quantity in this library's registry (pint's own uses a global)."""
    registry = _REGISTRY.get()
    return registry.Quantity(magnitude, _unpickle_unit(units))


def _unpickle_unit(units: tuple[tuple[str, Any], ...]) -> pint.Unit:
    from pint.util import UnitsContainer  # noqa: PLC0415 - pint only when needed

    # pint's default exponent type is float, which does not mix with a Decimal registry.
    return _REGISTRY.get().Unit(UnitsContainer(dict(units), non_int_type=Decimal))


def _describe(units: object) -> str:
    text = str(units)
    return _VIETNAMESE.get(text, text)


def _build_registry() -> pint.UnitRegistry[Any]:
    import pint  # noqa: PLC0415 - importing pint costs more than the whole library
    from pint.errors import DimensionalityError, UndefinedUnitError  # noqa: PLC0415

    def checked(method: F) -> F:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except DimensionalityError as exc:
                raise UnitError(
                    f"không kết hợp được {_describe(exc.units1)} với {_describe(exc.units2)} "
                    f"(incompatible units: {exc.units1} and {exc.units2})",
                    exc.units1,
                    exc.units2,
                ) from exc
            except UndefinedUnitError as exc:
                raise UnitError(
                    f"đơn vị không rõ (unknown unit): {exc.unit_names!r}", exc.unit_names
                ) from exc

        return wrapper  # type: ignore[return-value]

    class CchcQuantity(pint.Quantity[Any]):
        def __reduce__(self) -> tuple[Any, ...]:
            return _unpickle_quantity, (self.magnitude, tuple(self._units.items()))

    class CchcUnit(pint.Unit):
        def __reduce__(self) -> tuple[Any, ...]:
            return _unpickle_unit, (tuple(self._units.items()),)

    for name in _CHECKED_METHODS:
        setattr(CchcQuantity, name, checked(getattr(pint.Quantity, name)))

    class Registry(pint.UnitRegistry[Any]):
        Quantity = CchcQuantity
        Unit = CchcUnit

    registry = Registry(None, non_int_type=Decimal, on_redefinition="raise", cache_folder=None)
    for definition in _DEFINITIONS:
        registry.define(definition)
    return registry


_REGISTRY = Lazy(_build_registry)
_DIMENSIONS = Lazy(lambda: {
    name: _REGISTRY.get().Unit(name).dimensionality for name in set(_UNIT_NAMES.values())
})
