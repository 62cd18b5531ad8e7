"""The kinds of value an appendix row holds, and how they are read and written.

A value is a count or coded answer (``int``), a percentage or other decimal (``Decimal``), a
:class:`Ratio` (``12/12``), free text or blank. :class:`ValueKind` says which a row holds,
:class:`CodedScale` lists the choices of a coded answer, and :class:`Aggregation` how the
figures of many units combine. :func:`parse_value` and :func:`format_value` read and write a
value as the form's *Số liệu* column does.
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from typing import TypeAlias

import attrs

from cchc_model._base.checks import of_type, tuple_of
from cchc_model._base.errors import CchcError, NumberParseError
from cchc_model._base.numbers import parse_number
from cchc_model._base.text import nfc

__all__ = [
    "Aggregation",
    "CodedScale",
    "Ratio",
    "Value",
    "ValueKind",
    "format_value",
    "label_key",
    "parse_value",
]


@attrs.frozen
class Ratio:
    """A value written as a fraction of two counts: ``12/12`` (done of planned).

    >>> Ratio(12, 12)
    Ratio(numerator=12, denominator=12)
    >>> str(Ratio(3, 4))
    '3/4'
    """

    numerator: int = attrs.field(validator=of_type(int))
    denominator: int = attrs.field(validator=of_type(int))

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


#: What an indicator can hold: a count or a coded answer (``int``), a percentage or other
#: decimal (``Decimal``), a :class:`Ratio`, free text, or nothing (blank).
Value: TypeAlias = int | Decimal | Ratio | str | None



class ValueKind(enum.Enum):
    """What kind of value a row holds."""

    #: A whole, non-negative number of things (procedures, persons, units): ``138``.
    COUNT = "count"
    #: A percentage, in percent points: ``95%`` is ``Decimal(95)``.
    PERCENT = "percent"
    #: Done of planned, written ``12/12``; a plain count is accepted too.
    RATIO = "ratio"
    #: A coded answer on a :class:`CodedScale`: ``Không = 0 Có = 1``.
    CODED = "coded"
    #: Free text.
    TEXT = "text"
    #: A heading that groups the rows under it; it holds no value of its own.
    HEADING = "heading"


class Aggregation(enum.Enum):
    """How the figures of many reporting units combine into one."""

    #: Add the figures up (counts).
    SUM = "sum"
    #: Add numerators and denominators up and recompute the ratio (``12/12`` + ``3/4`` = ``15/16``).
    RATIO = "ratio"
    #: The figures do not combine (coded answers, text, percentages whose terms the form
    #: does not ask for): recompute them from the merged data instead.
    NONE = "none"


@attrs.frozen
class CodedScale:
    """The choices of a coded answer, in the order the form writes them.

    >>> scale = CodedScale.parse("Chưa = 0 Đang làm = 1 Hoàn thành = 2")
    >>> scale.codes
    (0, 1, 2)
    >>> scale.label(2)
    'Hoàn thành'
    >>> str(scale)
    'Chưa = 0 Đang làm = 1 Hoàn thành = 2'
    >>> scale.code_of("đang làm")
    1
    """

    choices: tuple[tuple[str, int], ...] = attrs.field(
        **tuple_of(tuple, expected="tuple[str, int]")
    )

    # Only "= code" is searched for; the labels are what lies between (a pattern with a lazy
    # label between two runs of spaces would rescan the rest of the text at every start).
    _CODE = re.compile(r"=\s*(\d+)")

    @classmethod
    def parse(cls, text: str) -> CodedScale:
        """Read a scale as the form writes it: ``"Không = 0 Có = 1"``."""
        choices: list[tuple[str, int]] = []
        done = 0
        for match in cls._CODE.finditer(text):
            label = text[done : match.start()].strip()
            if not label or "\n" in label or "\r" in label:
                raise CchcError(f"thang mã không hợp lệ (invalid coded scale): {text[:80]!r}")
            choices.append((label, int(match.group(1))))
            done = match.end()
        if not choices or text[done:].strip():
            raise CchcError(f"thang mã không hợp lệ (invalid coded scale): {text[:80]!r}")
        return cls(tuple(choices))

    @property
    def codes(self) -> tuple[int, ...]:
        """The codes, in the order written."""
        return tuple(code for _, code in self.choices)

    def label(self, code: int) -> str:
        """The label of *code*; :class:`KeyError` when the scale has no such code."""
        for label, value in self.choices:
            if value == code:
                return label
        raise KeyError(code)

    def code_of(self, label: str) -> int | None:
        """The code of the choice labelled *label* (case and spacing ignored), or ``None``."""
        key = label_key(label)
        for text, code in self.choices:
            if label_key(text) == key:
                return code
        return None

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __str__(self) -> str:
        return " ".join(f"{label} = {code}" for label, code in self.choices)


_TAG = re.compile(r"</?(?:b|i|u|em|strong)\s*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_END_MARKS = " \t:.;,"


# Tables repeat the form's labels row for row and unit for unit: remember the recent keys.
@functools.lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The form of a label used to compare labels: NFC, no markup, casefolded, one space.

    >>> label_key("  <b>Số TTHC  cấp tỉnh:</b> ") == label_key("số tthc cấp tỉnh")
    True
    """
    text = nfc(text).replace("Ð", "Đ").replace("ð", "đ")
    text = _TAG.sub("", text).replace("**", "")
    return _SPACE.sub(" ", text).strip(_END_MARKS).casefold()


# --- values ------------------------------------------------------------------------------

_RATIO = re.compile(r"(\d+)\s*/\s*(\d+)")
_LEADING_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s+\D.*")


def _number(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except NumberParseError:
        return None


def _whole(number: Decimal) -> int | Decimal:
    return int(number) if number == number.to_integral_value() else number


def parse_value(raw: str, kind: ValueKind, scale: CodedScale | None = None) -> Value:
    """What *raw* means in a row of *kind*; text that fits no number is kept as text.

    Never raises: a value that does not fit its row is returned as best typed, and
    validation reports it.

    >>> parse_value("00", ValueKind.COUNT), parse_value("95%", ValueKind.PERCENT)
    (0, Decimal('95'))
    >>> parse_value("", ValueKind.COUNT) is None
    True
    >>> parse_value("Huyện thực hiện", ValueKind.PERCENT)
    'Huyện thực hiện'
    """
    text = raw.strip()
    if not text:
        return None
    if kind is ValueKind.TEXT:
        return text
    ratio = _RATIO.fullmatch(text)
    if ratio is not None and len(text) <= 40:
        return Ratio(int(ratio.group(1)), int(ratio.group(2)))
    is_percent = text.endswith("%")
    number = _number(text[:-1] if is_percent else text)
    if number is not None:
        if kind is ValueKind.PERCENT or is_percent:
            return number
        return _whole(number)
    if kind is ValueKind.CODED and scale is not None:
        code = scale.code_of(text)
        if code is not None:
            return code
    if kind in (ValueKind.COUNT, ValueKind.RATIO):
        leading = _LEADING_NUMBER.fullmatch(text)
        if leading is not None:
            number = _number(leading.group(1))
            if number is not None:
                return _whole(number)
    return text


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def _format_number(number: int | Decimal) -> str:
    text = format(number, "f") if isinstance(number, Decimal) else str(number)
    sign = "-" if text.startswith("-") else ""
    integer, _, fraction = text.lstrip("-").partition(".")
    body = _group(integer)
    return f"{sign}{body},{fraction}" if fraction else f"{sign}{body}"


def format_value(value: Value, kind: ValueKind) -> str:
    """*value* written the Vietnamese way for a row of *kind*: the inverse of :func:`parse_value`.

    >>> format_value(14584, ValueKind.COUNT), format_value(Decimal("33.37"), ValueKind.PERCENT)
    ('14.584', '33,37%')
    >>> format_value(Decimal("-1234.5"), ValueKind.COUNT), format_value(None, ValueKind.COUNT)
    ('-1.234,5', '')
    """
    if value is None:
        return ""
    if isinstance(value, Ratio):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not an appendix value")
    text = _format_number(value)
    return f"{text}%" if kind is ValueKind.PERCENT else text
