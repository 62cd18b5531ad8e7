"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP, Phụ lục I).

"Đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước": a
day below 10 and the months 1 and 2 take a leading zero, other months do not. So the short form
is ``02/8/2023``, ``05/02/2023``, ``14/12/2023`` and the date line of a document
``Hà Nội, ngày 01 tháng 02 năm 2023``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import attrs

from cchc_model._base.checks import of_type, type_only
from cchc_model._base.errors import CchcError, DateParseError
from cchc_model._base.text import normalize_text

__all__ = [
    "BLANK_DATE_FIELD",
    "MAX_DATE_LENGTH",
    "DocumentDate",
    "format_date",
    "format_date_line",
    "parse_date",
]

#: What a draft's date line leaves between ``ngày`` and ``tháng`` (and ``tháng`` and ``năm``)
#: when the day (or month) is still blank: four spaces, where the signer writes the number.
BLANK_DATE_FIELD = "    "

#: Longest text :func:`parse_date` reads; longer text is refused without being scanned.
MAX_DATE_LENGTH = 64

# Shared with the citation grammar (``_references``): the two written forms of a date.
# Quantifiers are bounded so that matching stays linear on any input.
_SP = r"[^\S\r\n]{1,3}"
SHORT_DATE = r"(?P<d1>[0-9]{1,2})/(?P<m1>[0-9]{1,2})/(?P<y1>[0-9]{4})(?![0-9/])"
LONG_DATE = (
    rf"(?P<d2>[0-9]{{1,2}}){_SP}tháng{_SP}(?P<m2>[0-9]{{1,2}})"
    rf"{_SP}năm{_SP}(?P<y2>[0-9]{{4}})(?![0-9])"
)
DATE = rf"(?:{SHORT_DATE}|{LONG_DATE})"

_WHOLE_DATE = re.compile(rf"(?:ngày{_SP})?{DATE}", re.IGNORECASE)



def _check_year(instance: DocumentDate, attribute: object, value: int) -> None:
    # A year the calendar of datetime cannot hold could never be compared with a date.
    if type(value) is int and not 1 <= value <= 9999:
        raise CchcError(f"năm không hợp lệ, cần 1-9999 (invalid year, need 1-9999): {value!r}")


def _check_date_parts(instance: DocumentDate, attribute: object, value: int | None) -> None:
    if instance.day is not None and instance.month is None:
        raise CchcError("có ngày mà không có tháng (a day without a month)")
    if instance.month is not None and not 1 <= instance.month <= 12:
        raise CchcError(f"tháng không hợp lệ (invalid month): {instance.month!r}")
    if instance.day is not None and instance.month is not None:
        try:
            date(instance.year, instance.month, instance.day)
        except ValueError:
            raise CchcError(
                f"ngày không tồn tại: {instance.day}/{instance.month}/{instance.year} "
                f"(no such date: DocumentDate takes year, month, day; "
                f"got year={instance.year}, month={instance.month}, day={instance.day})"
            ) from None


@attrs.frozen
class DocumentDate:
    """The date of a document, whose day (and month) a draft may leave blank.

    >>> DocumentDate(2023, 11).is_complete
    False
    >>> DocumentDate(2023, 12, 14).as_date()
    datetime.date(2023, 12, 14)

    The order is year, month, day (as :class:`datetime.date`'s), and an impossible date says
    so:

    >>> DocumentDate(18, 9, 2025)
    Traceback (most recent call last):
    ...
    cchc_model.CchcError: ngày không tồn tại: 2025/9/18 (no such date: DocumentDate takes year, month, day; got year=18, month=9, day=2025)
    """  # noqa: E501

    year: int = attrs.field(validator=[of_type(int), _check_year])
    month: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    day: int | None = attrs.field(
        default=None, validator=[of_type(int, optional=True), _check_date_parts]
    )

    @property
    def is_complete(self) -> bool:
        """Whether day, month and year are all filled in."""
        return self.day is not None

    def as_date(self) -> date | None:
        """The date, or ``None`` while it is incomplete."""
        if self.day is None or self.month is None:
            return None
        return date(self.year, self.month, self.day)

    @classmethod
    def of(cls, day: date) -> DocumentDate:
        """The complete document date of *day*."""
        return cls(day.year, day.month, day.day)


def to_document_date(value: DocumentDate | date | None) -> DocumentDate | None:
    """A converter: a :class:`datetime.date` becomes the complete :class:`DocumentDate`.

    Anything else is left for the field's validator (:data:`DOCUMENT_DATE`) to refuse.
    """
    if value is None or value.__class__ is DocumentDate:
        return value
    if isinstance(value, datetime):
        return DocumentDate.of(value.date())
    if isinstance(value, date):
        return DocumentDate.of(value)
    return value


type_only(to_document_date)

#: The validator of a field that :func:`to_document_date` converts.
DOCUMENT_DATE = of_type(
    DocumentDate, optional=True, expected="DocumentDate, datetime.date hoặc None"
)


def _day_part(day: int) -> str:
    return f"{day:02d}"


def _month_part(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def format_date(day: date) -> str:
    """The short form ``dd/m/yyyy`` with the leading zeros of Nghị định 30.

    .. versionadded:: 0.1.0

    >>> format_date(date(2023, 8, 2))
    '02/8/2023'
    >>> format_date(date(2023, 2, 5)), format_date(date(2023, 1, 3))
    ('05/02/2023', '03/01/2023')
    >>> format_date(date(2023, 12, 14))
    '14/12/2023'
    """
    if not isinstance(day, date):
        raise TypeError(f"format_date() takes a datetime.date, not {type(day).__name__}")
    return f"{_day_part(day.day)}/{_month_part(day.month)}/{day.year}"


def format_date_line(place: str, day: date | DocumentDate) -> str:
    """The place-and-date line of a document: ``Tiền Giang, ngày 05 tháng 7 năm 2023``.

    *day* may be a :class:`~cchc_model.DocumentDate` whose day (and month) a draft leaves
    blank; a blank field is printed as :data:`BLANK_DATE_FIELD` (four spaces) between the
    words, as in ``Ninh Thuận, ngày    tháng 11 năm 2023``.

    .. versionadded:: 0.1.0

    >>> format_date_line("Tiền Giang", date(2023, 7, 5))
    'Tiền Giang, ngày 05 tháng 7 năm 2023'
    >>> format_date_line("Hà Nội", date(2023, 2, 1))
    'Hà Nội, ngày 01 tháng 02 năm 2023'
    >>> from cchc_model import DocumentDate
    >>> format_date_line("Ninh Thuận", DocumentDate(2023, 11))
    'Ninh Thuận, ngày    tháng 11 năm 2023'
    >>> format_date_line("Ninh Thuận", DocumentDate(2023))
    'Ninh Thuận, ngày    tháng    năm 2023'
    """
    if not isinstance(place, str):
        raise TypeError(f"format_date_line() takes a str place, not {type(place).__name__}")
    if isinstance(day, DocumentDate | date):
        year, month, day_of_month = day.year, day.month, day.day
    else:
        raise TypeError(
            "format_date_line() takes a datetime.date or a DocumentDate, "
            f"not {type(day).__name__}"
        )
    day_text = BLANK_DATE_FIELD if day_of_month is None else f" {_day_part(day_of_month)} "
    month_text = BLANK_DATE_FIELD if month is None else f" {_month_part(month)} "
    return f"{place}, ngày{day_text}tháng{month_text}năm {year}"


def date_from_match(match: re.Match[str], text: str) -> date:
    """The date of a match of :data:`DATE`, or :class:`DateParseError` quoting *text*."""
    year, month, day = match.group("y1", "m1", "d1")
    if day is None:
        year, month, day = match.group("y2", "m2", "d2")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise DateParseError("ngày không tồn tại (no such date)", text=text) from None


def parse_date(text: str) -> date:
    """Read a date in either written form, with or without the word ``ngày``.

    Leading zeros are optional when reading (``2/8/2023`` and ``02/08/2023`` are accepted);
    impossible dates and anything else raise :class:`~cchc_model.DateParseError` quoting
    the text.

    .. versionadded:: 0.1.0

    >>> parse_date("02/8/2023"), parse_date("21/04/2023")
    (datetime.date(2023, 8, 2), datetime.date(2023, 4, 21))
    >>> parse_date("ngày 05 tháng 7 năm 2023")
    datetime.date(2023, 7, 5)
    >>> parse_date("31/02/2023")
    Traceback (most recent call last):
    ...
    cchc_model.DateParseError: ngày không tồn tại (no such date): '31/02/2023'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date() takes a str, not {type(text).__name__}")
    if len(text) > MAX_DATE_LENGTH:
        raise DateParseError(
            f"quá dài để là một ngày (too long for a date, at most {MAX_DATE_LENGTH} "
            "characters)",
            text=text,
        )
    cleaned = normalize_text(text).strip()
    match = _WHOLE_DATE.fullmatch(cleaned)
    if match is None:
        raise DateParseError(text=text)
    return date_from_match(match, text)

