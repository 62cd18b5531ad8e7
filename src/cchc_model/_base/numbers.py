"""Vietnamese numbers, percentages and money: formatting and strict parsing.

Vietnamese writes ``.`` between groups of thousands and ``,`` as the decimal mark (Luật Kế
toán; CLDR ``vi``): ``14.584``, ``3.585,23``. Parsing is strict: ``1234567.89`` and
``1,234,567.89`` are errors, never a silently different number.

Formatting takes the separators from babel's locale data for an explicit ``locale``
(``"vi"`` unless told otherwise; never the environment) and rounds **half up** (half away
from zero: ``25,635`` → ``25,64``, ``25,625`` → ``25,63``), as report writers do by hand,
not half to even as babel and :mod:`decimal` do by default.
"""

from __future__ import annotations

import enum
import functools
import re
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TypeAlias

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal as _babel_format_decimal
from babel.numbers import format_percent as _babel_format_percent
from babel.numbers import parse_pattern as _babel_parse_pattern

from cchc_model._base.errors import (
    CchcError,
    NumberFormatError,
    NumberParseError,
    UnitError,
    _quote,
)
from cchc_model._base.text import nfc, normalize_text

__all__ = [
    "MAX_NUMBER_DIGITS",
    "MAX_NUMBER_EXPONENT",
    "MoneyScale",
    "NumberLike",
    "decimal_problem",
    "format_money",
    "format_number",
    "format_percent",
    "is_number",
    "parse_money",
    "parse_number",
    "parse_percent",
]

#: Longest run of digits :func:`parse_number` accepts, and the most digits the ``format_*``
#: functions write; longer input is refused, not parsed.
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


NumberLike: TypeAlias = int | Decimal | float
"""What the ``format_*`` functions take: an :class:`int`, a :class:`~decimal.Decimal` or a
:class:`float` (read through its shortest ``repr``, so ``0.1`` is 0,1, not
0,1000000000000000055…)."""

# Grouped form needs every group after the first to have exactly three digits; an
# ungrouped integer part may have any length (reports write 4964 and 4.964 alike).
_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-"})
_LETTER = re.compile(r"[^\W\d_]")
class MoneyScale(enum.Enum):
    """The scale an amount of money is written in: ``đồng``, ``nghìn``, ``triệu``, ``tỷ``."""

    DONG = "đồng"
    THOUSAND = "nghìn"
    MILLION = "triệu"
    BILLION = "tỷ"

    @property
    def factor(self) -> int:
        """How many đồng one unit of the scale is."""
        return _FACTORS[self]

    @property
    def label(self) -> str:
        """The unit as written: ``triệu đồng``, or ``đồng``."""
        return "đồng" if self is MoneyScale.DONG else f"{self.value} đồng"


_FACTORS = {
    MoneyScale.DONG: 1,
    MoneyScale.THOUSAND: 1_000,
    MoneyScale.MILLION: 1_000_000,
    MoneyScale.BILLION: 1_000_000_000,
}


# Labels an amount of money is written with, by their key (see _label_key), to the value
# of their MoneyScale.
_MONEY_LABELS = {
    "đồng": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "nghìn đồng": "nghìn",
    "ngàn đồng": "nghìn",
    "triệu đồng": "triệu",
    "tỷ đồng": "tỷ",
    "tỉ đồng": "tỷ",
}
_SCALE_EXPONENT = {"đồng": 0, "nghìn": 3, "triệu": 6, "tỷ": 9}


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
    cchc_model.NumberParseError: số không hợp lệ (invalid number): '1234567.89'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, not {type(text).__name__}")
    return _read_number(_clean(text), text)


def is_number(text: object) -> bool:
    """Whether :func:`parse_number` reads *text*; never raises.

    >>> is_number("4.964"), is_number("4,964.5"), is_number("Huyện thực hiện"), is_number(None)
    (True, False, False, False)
    """
    if not isinstance(text, str):
        return False
    try:
        _read_number(_clean(text), text)
    except NumberParseError:
        return False
    return True


def parse_percent(text: str) -> Decimal:
    """Read a percentage written the Vietnamese way, in percent points.

    The sign is required; a space before it is allowed (reports write both).

    >>> parse_percent("33,37%")
    Decimal('33.37')
    >>> parse_percent("33,37 %")
    Decimal('33.37')
    >>> parse_percent("100%")
    Decimal('100')
    >>> parse_percent("33,37")
    Traceback (most recent call last):
    ...
    cchc_model.NumberParseError: tỷ lệ phần trăm không hợp lệ (invalid percentage): '33,37'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_percent() takes a str, not {type(text).__name__}")
    cleaned = _clean(text)
    if not cleaned.endswith("%"):
        raise NumberParseError("tỷ lệ phần trăm không hợp lệ (invalid percentage)", text=text)
    return _read_number(cleaned[:-1].rstrip(), text)


def parse_money(text: str) -> Decimal:
    """Read an amount of money with its unit, as đồng.

    The unit is ``đồng`` (or ``VNĐ``), ``nghìn đồng`` (``ngàn đồng``), ``triệu đồng`` or
    ``tỷ đồng`` (``tỉ đồng``), in any case; a number without a unit is an error.

    >>> parse_money("3.585,23 triệu đồng")
    Decimal('3585230000')
    >>> parse_money("3,7 tỷ đồng")
    Decimal('3700000000')
    >>> parse_money("1.500.000 đồng")
    Decimal('1500000')
    >>> parse_money("3,7 tỷ")
    Traceback (most recent call last):
    ...
    cchc_model.NumberParseError: số tiền không hợp lệ (invalid amount of money): '3,7 tỷ'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_money() takes a str, not {type(text).__name__}")
    cleaned = _clean(text)
    # The unit starts at the first letter; what comes before it, spaces aside, is the number.
    letter = _LETTER.search(cleaned)
    number = cleaned[: letter.start()].rstrip() if letter else ""
    scale = _MONEY_LABELS.get(_label_key(cleaned[letter.start() :])) if letter else None
    if not number[-1:].isdigit() or scale is None:
        raise NumberParseError("số tiền không hợp lệ (invalid amount of money)", text=text)
    amount = _read_number(number, text)
    with _context():
        vnd = amount.scaleb(_SCALE_EXPONENT[scale])
        exponent = vnd.as_tuple().exponent
        return vnd.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else vnd


def format_number(
    value: NumberLike, *, decimals: int | None = None, locale: str | Locale = "vi"
) -> str:
    """Write *value* the Vietnamese way: ``.`` between thousands, ``,`` before decimals.

    With ``decimals=None`` the number is written with the places it holds, without
    trailing zeros; with ``decimals=n`` it is rounded **half up** (half away from zero) to
    exactly *n* places. Floats are read through their shortest ``repr``.

    >>> format_number(14584)
    '14.584'
    >>> format_number(Decimal("3585.230"))
    '3.585,23'
    >>> format_number(-1234.5)
    '-1.234,5'
    >>> format_number(12, decimals=2)
    '12,00'
    >>> format_number(Decimal("25.635"), decimals=2), format_number(25.625, decimals=2)
    ('25,64', '25,63')
    >>> format_number(1234.5, locale="en")
    '1,234.5'
    >>> format_number(float("nan"))
    Traceback (most recent call last):
    ...
    cchc_model.NumberFormatError: không phải là số hữu hạn (not a finite number): nan
    """
    number = _to_decimal(value, "format_number")
    return _format(_round(number, decimals), locale)


def format_percent(
    percent_points: NumberLike, *, decimals: int | None = None, locale: str | Locale = "vi"
) -> str:
    """Write a percentage given in percent points: ``33.37`` is ``33,37%``.

    Places and rounding as :func:`format_number` (half up); the sign and its spacing come
    from the locale (``vi`` writes no space).

    >>> format_percent(33.37)
    '33,37%'
    >>> format_percent(Decimal("32.3731"), decimals=2)
    '32,37%'
    >>> format_percent(100, decimals=1)
    '100,0%'
    """
    number = _round(_to_decimal(percent_points, "format_percent"), decimals)
    if locale == "vi":
        return f"{_format_vi(number)}%"
    loc = _locale(locale)
    pattern = loc.percent_formats[None]
    places = -int(number.as_tuple().exponent)
    number_pattern = "#,##0" + ("." + "0" * places if places else "")
    with _context():
        return _babel_format_percent(
            number.scaleb(-2),
            format=_pattern(pattern.pattern.replace(pattern.number_pattern, number_pattern, 1)),
            locale=loc,
        )


def format_money(
    amount_vnd: NumberLike,
    *,
    scale: MoneyScale | str = "đồng",
    decimals: int | None = None,
    locale: str | Locale = "vi",
) -> str:
    """Write an amount of đồng in a scale: ``đồng``, ``nghìn``, ``triệu`` or ``tỷ``.

    *amount_vnd* is always in đồng; the scale only chooses how it is written. Places and
    rounding as :func:`format_number` (half up), applied to the scaled amount.

    >>> format_money(3_585_230_000, scale="triệu")
    '3.585,23 triệu đồng'
    >>> format_money(3_700_000_000, scale="tỷ")
    '3,7 tỷ đồng'
    >>> format_money(1_500_000)
    '1.500.000 đồng'
    >>> from cchc_model import MoneyScale
    >>> format_money(3_585_230_000, scale=MoneyScale.BILLION, decimals=1)
    '3,6 tỷ đồng'
    >>> format_money(2_500, scale="nghìn")
    '2,5 nghìn đồng'
    """
    number = _to_decimal(amount_vnd, "format_money")
    money_scale = _money_scale(scale)
    with _context():
        scaled = number.scaleb(-_SCALE_EXPONENT[money_scale.value])
    return f"{_format(_round(scaled, decimals), locale)} {money_scale.label}"


def number_for_message(
    value: NumberLike, *, percent: bool = False, decimals: int | None = None
) -> str:
    """*value* for a message, as the ``format_*`` functions write it, or in plain digits.

    Never raises on a finite number: a value too long for :func:`format_number` is shown
    as :class:`~decimal.Decimal` writes it. Rules quote the figures of any report the model
    accepts, 10^40 included.

    >>> number_for_message(14584), number_for_message(Decimal("1E+40"))
    ('14.584', '1E+40')
    >>> number_for_message(Decimal("33.37"), percent=True)
    '33,37%'
    """
    try:
        if percent:
            return format_percent(value, decimals=decimals)
        return format_number(value, decimals=decimals)
    except NumberFormatError:
        return f"{value}%" if percent else str(value)


def _clean(text: str) -> str:
    return nfc(text).strip().translate(_MINUS_SIGNS)


def _read_number(cleaned: str, text: str) -> Decimal:
    """The number in *cleaned*; errors quote the caller's original *text*."""
    if len(cleaned) > MAX_NUMBER_DIGITS and sum(ch.isdigit() for ch in cleaned) > MAX_NUMBER_DIGITS:
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


def _label_key(label: str) -> str:
    """*label* compared the way units are: normalised text, case-folded, spacing evened out."""
    text = " ".join(normalize_text(label).casefold().split())
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s*,\s*", ", ", text))


def _money_scale(scale: MoneyScale | str) -> MoneyScale:
    if isinstance(scale, MoneyScale):
        return scale
    if isinstance(scale, str):
        key = _label_key(scale)
        for member in MoneyScale:
            if key == member.value:
                return member
    raise UnitError(
        "đơn vị tiền phải là đồng, nghìn, triệu hoặc tỷ "
        f"(scale must be 'đồng', 'nghìn', 'triệu' or 'tỷ'): {scale!r}",
        scale,
    )


def _to_decimal(value: object, function: str) -> Decimal:
    # bool is an int to Python, but True is not a count anyone means to format.
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise TypeError(f"{function}() takes an int, Decimal or float, not {type(value).__name__}")
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise NumberFormatError(f"không phải là số hữu hạn (not a finite number): {value!r}", value)
    return number


def _context() -> AbstractContextManager[Context]:
    """Arithmetic wide enough for every number we write, rounding half up."""
    return localcontext(Context(prec=MAX_NUMBER_DIGITS + 20, rounding=ROUND_HALF_UP))


def _round(number: Decimal, decimals: int | None) -> Decimal:
    """*number* with exactly the places it will be written with, rounded half up."""
    if decimals is None:
        places = _places(number)
    elif isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"decimals must be an int or None, not {type(decimals).__name__}")
    elif decimals < 0:
        raise CchcError(
            f"decimals phải là số nguyên không âm (decimals must be non-negative): {decimals!r}"
        )
    else:
        places = decimals
    _check_length(number, places, number)
    with _context():
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    _check_length(rounded, places, number)
    # -0,00 is how much? Nobody writes it: a value that rounds to zero is zero.
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _places(number: Decimal) -> int:
    """How many places *number* holds, trailing zeros left out."""
    if number.is_zero():
        return 0
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # noqa: S101 - finite, checked by _to_decimal
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing))


def _check_length(number: Decimal, places: int, value: Decimal) -> None:
    if max(number.adjusted() + 1, 1) + places > MAX_NUMBER_DIGITS:
        raise NumberFormatError(
            f"số quá dài, tối đa {MAX_NUMBER_DIGITS} chữ số "
            f"(number too long, at most {MAX_NUMBER_DIGITS} digits): {_quote(str(value))}",
            value,
        )


def _format(number: Decimal, locale: str | Locale) -> str:
    if locale == "vi":
        return _format_vi(number)
    places = -int(number.as_tuple().exponent)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with _context():
        return _babel_format_decimal(number, format=_pattern(pattern), locale=_locale(locale))


def _format_vi(number: Decimal) -> str:
    """*number*, rounded to the places it is written with, as babel writes it in ``vi``.

    ``.`` between thousands, ``,`` before decimals, ``-`` for minus: what babel's ``vi``
    symbols give, without its cost (validation writes figures into the messages it emits).
    """
    text = f"{number:f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


# Rules and renderers write figures by the hundred; babel parses a locale name and a pattern
# anew on every call. Both are immutable once parsed.
@functools.lru_cache(maxsize=64)
def _parsed_locale(locale: str) -> Locale:
    return Locale.parse(locale)


def _locale(locale: str | Locale) -> Locale:
    # babel reads None as "the process locale" (LC_NUMERIC): we never guess it.
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str or a babel Locale, not {type(locale).__name__}")
    try:
        return _parsed_locale(locale)
    except (ValueError, LookupError, UnknownLocaleError) as error:
        raise CchcError(f"locale không hợp lệ (unknown locale): {_quote(locale)}") from error


_pattern = functools.lru_cache(maxsize=256)(_babel_parse_pattern)
