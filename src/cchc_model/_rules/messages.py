"""Figures written into the messages of findings, as :func:`number_for_message` writes them.

A validation writes figures only into the findings it emits, but a report with problems
emits a few dozen, each quoting several figures. Whole numbers and decimals are written
here without entering a decimal context for each figure; anything else (a figure too long
for the form, another type) goes to :func:`~cchc_model._base.numbers.number_for_message`,
which these agree with figure for figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from cchc_model._base.numbers import (
    MAX_NUMBER_DIGITS,
    NumberLike,
    _format_vi,
    _places,
)
from cchc_model._base.numbers import number_for_message as _number_for_message

__all__ = ["number_for_message"]

# Whole numbers below this many digits are written as they are (format_number's limit).
_WHOLE_LIMIT = 10**MAX_NUMBER_DIGITS


def number_for_message(
    value: NumberLike, *, percent: bool = False, decimals: int | None = None
) -> str:
    """*value* as :func:`~cchc_model._base.numbers.number_for_message` writes it.

    >>> number_for_message(14584), number_for_message(-1234), number_for_message(0)
    ('14.584', '-1.234', '0')
    >>> number_for_message(Decimal("33.370"), percent=True)
    '33,37%'
    >>> number_for_message(Decimal("32.3731"), decimals=2, percent=True)
    '32,37%'
    >>> number_for_message(Decimal("-0.001"), decimals=2), number_for_message(Decimal("1E+40"))
    ('0,00', '1E+40')
    """
    if type(value) is int and decimals is None and -_WHOLE_LIMIT < value < _WHOLE_LIMIT:
        text = f"{value:,}".replace(",", ".")
        return f"{text}%" if percent else text
    if type(value) is Decimal and value.is_finite() and (
        decimals is None or (type(decimals) is int and decimals >= 0)
    ):
        places = _places(value) if decimals is None else decimals
        if max(value.adjusted() + 1, 1) + places <= MAX_NUMBER_DIGITS:
            context = Context(prec=MAX_NUMBER_DIGITS + 20, rounding=ROUND_HALF_UP)
            rounded = value.quantize(
                Decimal(1).scaleb(-places, context), rounding=ROUND_HALF_UP, context=context
            )
            if max(rounded.adjusted() + 1, 1) + places <= MAX_NUMBER_DIGITS:
                if rounded.is_zero():
                    rounded = rounded.copy_abs()
                text = _format_vi(rounded)
                return f"{text}%" if percent else text
    return _number_for_message(value, percent=percent, decimals=decimals)
