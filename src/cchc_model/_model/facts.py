"""Quantitative facts stated in a report's prose, as typed values.

A paragraph such as "đã tiếp nhận … 5.494 hồ sơ. Trong đó: … 4.964 hồ sơ … 530 hồ sơ" states
a total with its parts; "1.607 hồ sơ, đạt tỷ lệ 33,37 %" states a rate with its numerator
and denominator. Each fact keeps the phrase it was read from (``text``), so a reader can
find it in the paragraph and a rule can point at it. Numbers are :class:`~decimal.Decimal`
so that the precision they were written with (``33,37`` has two places) is kept for the
rules that compare them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

import attrs

from cchc_model._base.checks import decimal_of, of_type, to_decimal, tuple_of, type_only
from cchc_model._base.errors import CchcError
from cchc_model._base.numbers import MoneyScale, decimal_problem

__all__ = [
    "CountFact",
    "Fact",
    "MoneyFact",
    "PercentFact",
    "RateFact",
    "RatioFact",
    "TotalFact",
]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        where = f"{type(instance).__name__}.{attribute.name}"
        raise CchcError(
            f"{where} phải là số nguyên không âm (must be a non-negative integer): {value!r}"
        )


@type_only  # the fast load path checks its decimals itself
def _finite_decimal(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    problem = decimal_problem(value)
    if problem is not None:
        raise CchcError(f"{type(instance).__name__}.{attribute.name} {problem}: {value!r}")


def _decimal() -> Decimal:
    return attrs.field(  # type: ignore[no-any-return]
        converter=to_decimal, validator=[decimal_of(), _finite_decimal]
    )


def _text(default: str | None = None) -> str:
    if default is None:
        return attrs.field(validator=of_type(str))  # type: ignore[no-any-return]
    return attrs.field(default=default, validator=of_type(str))


@attrs.frozen
class CountFact:
    """A whole count of something: "06 Quyết định", "5.494 hồ sơ", "cấp tỉnh là 103".

    ``unit`` is the counted thing as written (``hồ sơ``, ``Quyết định``, ``công chức``);
    ``label`` what distinguishes this count from its siblings (``trước hạn``, ``cấp tỉnh``).
    """

    value: int = attrs.field(validator=[of_type(int), _non_negative])
    unit: str = _text()
    label: str = _text("")
    text: str = _text("")


@attrs.frozen
class PercentFact:
    """A percentage stated on its own, in percent points: "100% công chức" is 100."""

    value: Decimal = _decimal()
    label: str = _text("")
    text: str = _text("")


@attrs.frozen
class MoneyFact:
    """An amount of money as written: "trên 3,7 tỷ đồng" is 3.7 in ``tỷ``, qualifier "trên".

    >>> MoneyFact(Decimal("3.7"), MoneyScale.BILLION).vnd
    Decimal('3700000000.0')
    """

    amount: Decimal = _decimal()
    scale: MoneyScale = attrs.field(default=MoneyScale.DONG, validator=of_type(MoneyScale))
    qualifier: str = _text("")
    label: str = _text("")
    text: str = _text("")

    @property
    def vnd(self) -> Decimal:
        """The amount in đồng."""
        return self.amount * self.scale.factor


@attrs.frozen
class RatioFact:
    """A ratio written with a slash: "7/7 huyện, thành phố", "3.878/15.127"."""

    numerator: Decimal = _decimal()
    denominator: Decimal = _decimal()
    unit: str = _text("")
    label: str = _text("")
    text: str = _text("")


@attrs.frozen
class RateFact:
    """A rate stated beside its parts: "1.607 hồ sơ, đạt tỷ lệ 33,37 %" of 4.964.

    ``stated`` is in percent points, with the places it was written with, so a rule can
    tell a rounding from an error.
    """

    numerator: Decimal = _decimal()
    denominator: Decimal = _decimal()
    stated: Decimal = _decimal()
    unit: str = _text("")
    label: str = _text("")
    text: str = _text("")


@attrs.frozen
class TotalFact:
    """A total with its parts: "486 hồ sơ (trước hạn 430; đúng hạn 55)".

    ``complete`` says whether the text presents the parts as the whole breakdown (they
    should add up to the total) or as a selection ("trong đó: tiếp nhận qua mạng 232").
    """

    total: CountFact = attrs.field(validator=of_type(CountFact))
    parts: tuple[CountFact, ...] = attrs.field(**tuple_of(CountFact))
    complete: bool = attrs.field(default=True, validator=of_type(bool))
    label: str = _text("")
    text: str = _text("")


Fact: TypeAlias = CountFact | PercentFact | MoneyFact | RatioFact | RateFact | TotalFact
