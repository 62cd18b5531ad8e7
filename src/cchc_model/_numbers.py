"""Vietnamese numbers: strict parsing (and, beside it, formatting).

Vietnamese writes ``.`` between groups of thousands and ``,`` as the decimal mark (Luật Kế
toán; CLDR ``vi``): ``14.584``, ``3.585,23``. Parsing is strict: ``1234567.89`` and
``1,234,567.89`` are errors, never a silently different number.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from cchc_model._errors import NumberParseError

__all__ = ["MAX_NUMBER_DIGITS", "decimal_problem", "parse_number"]

#: Longest run of digits :func:`parse_number` accepts; longer input is refused, not parsed.
MAX_NUMBER_DIGITS = 40

#: Largest power of ten (either way) a figure may have: no report needs 10^40 or 10^-40, and
#: ``Decimal("1e999999999")`` would make arithmetic on it hang.
MAX_NUMBER_EXPONENT = 40


def decimal_problem(value: Decimal) -> str | None:
    """Why *value* cannot be a figure of a report (Vietnamese, English), or ``None``.

    >>> decimal_problem(Decimal("33.37")) is None
    True
    >>> decimal_problem(Decimal("NaN"))
    'không phải số hữu hạn (not a finite number)'
    """
    if not value.is_finite():
        return "không phải số hữu hạn (not a finite number)"
    if len(value.as_tuple().digits) > MAX_NUMBER_DIGITS:
        return f"quá {MAX_NUMBER_DIGITS} chữ số (more than {MAX_NUMBER_DIGITS} digits)"
    if abs(value.adjusted()) > MAX_NUMBER_EXPONENT:
        return (
            f"độ lớn vượt 10^{MAX_NUMBER_EXPONENT} "
            f"(magnitude beyond 10^{MAX_NUMBER_EXPONENT} either way)"
        )
    return None


# Grouped form needs every group after the first to have exactly three digits; an
# ungrouped integer part may have any length (reports write 4964 and 4.964 alike).
_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-"})


def parse_number(text: str) -> Decimal:
    """Read a number written the Vietnamese way, strictly.

    Leading zeros are allowed (appendix values are written ``02``, ``00``); surrounding
    white space is ignored.

    >>> parse_number("3.585,23")
    Decimal('3585.23')
    >>> parse_number("14.584")
    Decimal('14584')
    >>> parse_number("0,5")
    Decimal('0.5')
    >>> parse_number("-1.234,5")
    Decimal('-1234.5')
    >>> parse_number("1234567.89")
    Traceback (most recent call last):
    ...
    cchc_model._errors.NumberParseError: số không hợp lệ (invalid number): '1234567.89'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, not {type(text).__name__}")
    cleaned = unicodedata.normalize("NFC", text).strip().translate(_MINUS_SIGNS)
    if sum(ch.isdigit() for ch in cleaned) > MAX_NUMBER_DIGITS:
        raise NumberParseError(
            f"số quá dài, tối đa {MAX_NUMBER_DIGITS} chữ số "
            f"(number too long, at most {MAX_NUMBER_DIGITS} digits)",
            text=text,
        )
    match = _NUMBER.fullmatch(cleaned)
    # fullmatch on str also accepts non-ASCII digits (Arabic-Indic, fullwidth): refuse them.
    if match is None or not cleaned.isascii():
        raise NumberParseError(text=text)
    sign, integer, fraction = match.groups()
    digits = integer.replace(".", "")
    return Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")
