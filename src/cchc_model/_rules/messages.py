"""Figures written into the messages of findings, as :func:`number_for_message` writes them.

A validation writes figures only into the findings it emits, but a report with problems
emits a few dozen, each quoting several figures. Whole numbers and decimals are written
here without entering a decimal context for each figure; anything else (a figure too long
for the form, another type) goes to :func:`~cchc_model._base.numbers.number_for_message`,
which these agree with figure for figure.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_model._base.numbers import (
    MAX_NUMBER_DIGITS,
    NumberLike,
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
    written: str | None = None
    if type(value) is int and decimals is None and -_WHOLE_LIMIT < value < _WHOLE_LIMIT:
        written = f"{value:,}".replace(",", ".")
    elif type(value) is Decimal and value.is_finite():
        if decimals is None:
            written = _plain_decimal(value)
        elif type(decimals) is int and decimals >= 0:
            written = _rounded_decimal(value, decimals)
    if written is not None:
        return f"{written}%" if percent else written
    return _number_for_message(value, percent=percent, decimals=decimals)


def _plain_decimal(value: Decimal) -> str | None:
    """A finite decimal with the places it holds; ``None`` past the digit limit.

    Written by Decimal's own format with thousands (``3,585.23``), its separators swapped:
    no digit tuple to build, which costs more than the writing.
    """
    adjusted = value.adjusted()
    if value.is_zero():
        return "0" if adjusted < MAX_NUMBER_DIGITS else None
    if not -MAX_NUMBER_DIGITS < adjusted < MAX_NUMBER_DIGITS:
        return None  # too many digits before the point, or places after it
    whole, _, fraction = f"{value:,f}".partition(".")
    if not fraction:  # a whole number
        return whole.replace(",", ".")
    if fraction[-1] != "0":  # written with exactly the places it holds: nothing to round
        if max(adjusted + 1, 1) + len(fraction) > MAX_NUMBER_DIGITS:
            return None
        return f"{whole.replace(',', '.')},{fraction}"
    return _rounded_decimal(value, _places(value))


def _rounded_decimal(value: Decimal, places: int) -> str | None:
    """A finite decimal rounded half up to *places*; ``None`` past the digit limit."""
    if max(value.adjusted() + 1, 1) + places > MAX_NUMBER_DIGITS:
        return None
    return _written(value, places)


def _written(value: Decimal, places: int) -> str | None:
    """A finite decimal rounded half up to *places*, written as ``_format_vi`` writes it.

    Rounded on the exact fraction the decimal is, with integers: what ``quantize`` with
    ``ROUND_HALF_UP`` gives, without a decimal context for each figure. ``None`` when the
    rounded figure is past the digit limit. A figure that rounds to zero has no sign.
    """
    numerator, denominator = value.as_integer_ratio()
    negative = numerator < 0
    scaled, remainder = divmod(abs(numerator) * 10**places, denominator)
    if 2 * remainder >= denominator:
        scaled += 1  # half up: away from zero
    if max(len(str(scaled)), places + 1) > MAX_NUMBER_DIGITS:
        return None
    whole, fraction = divmod(scaled, 10**places)
    sign = "-" if negative and scaled else ""
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}{grouped},{fraction:0{places}d}" if places else f"{sign}{grouped}"
