"""The errors the library raises: one base, :class:`CchcError`, and a small tree under it.

Every error says *where*: a parse error quotes the text it could not read (and, when read
from a file, the file and line), a structure error names the JSON path, a rule error names
the rule. Messages are Vietnamese first, English after.
"""

from __future__ import annotations

__all__ = [
    "AppendixOnlyError",
    "AppendixParseError",
    "CchcError",
    "DateParseError",
    "InputError",
    "NotAReportError",
    "NumberFormatError",
    "NumberParseError",
    "ParseError",
    "ReferenceParseError",
    "RuleError",
    "StructureError",
    "UnitError",
    "extra_hint",
]


class CchcError(ValueError):
    """Base of every error the library raises.

    It is a :class:`ValueError`, so code that already catches bad values keeps working.

    >>> str(CchcError())
    'dữ liệu không hợp lệ (invalid data)'
    >>> isinstance(CchcError("x"), ValueError)
    True
    """

    default_message = "dữ liệu không hợp lệ (invalid data)"

    def __init__(self, message: str | None = None, *args: object) -> None:
        self.message = message if message is not None else self.default_message
        super().__init__(self.message, *args)

    def __str__(self) -> str:
        return self.message


class InputError(CchcError):
    """The input cannot be used at all: a missing file, unreadable bytes, an unknown format."""

    default_message = "không dùng được dữ liệu đầu vào (unusable input)"


class NotAReportError(InputError):
    """The input holds no report: no title, no section, no prose.

    .. versionadded:: 0.2.0
    """

    default_message = "không tìm thấy báo cáo (no report found)"


class AppendixOnlyError(NotAReportError):
    """The input is a statistics table and nothing else, not a whole report.

    Read it with :func:`~cchc_model.read_appendix`; ``cchc validate`` does so by itself.

    .. versionadded:: 0.2.0
    """

    default_message = (
        "tệp chỉ có bảng số liệu, không có báo cáo: đọc như phụ lục "
        "(only a table, no report: read it as an appendix)"
    )


class ParseError(CchcError):
    """A piece of text is not what it should be.

    ``text`` is the text that failed; ``location`` says where it came from
    (``"report.tsv:12"``), when known.

    >>> str(ParseError("số không hợp lệ (invalid number)", text="1,2,3"))
    "số không hợp lệ (invalid number): '1,2,3'"
    >>> str(ParseError(text="x", location="a.tsv:3"))
    "a.tsv:3: không đọc được văn bản (cannot parse text): 'x'"
    """

    default_message = "không đọc được văn bản (cannot parse text)"

    def __init__(
        self,
        message: str | None = None,
        *,
        text: str | None = None,
        location: str | None = None,
    ) -> None:
        self.text = text
        self.location = location
        base = message if message is not None else self.default_message
        if text is not None:
            base = f"{base}: {_quote(text)}"
        if location:
            base = f"{location}: {base}"
        super().__init__(base)


class NumberParseError(ParseError):
    """A number, percentage or amount of money does not follow the Vietnamese notation."""

    default_message = "số không hợp lệ (invalid number)"


class NumberFormatError(CchcError):
    """A value cannot be written as a number: NaN, an infinity, or too many digits.

    >>> str(NumberFormatError())
    'không viết được số (cannot format the number)'
    """

    default_message = "không viết được số (cannot format the number)"


class DateParseError(ParseError):
    """A date is malformed or impossible (``31/02/2023``)."""

    default_message = "ngày không hợp lệ (invalid date)"


class ReferenceParseError(ParseError):
    """A text is not exactly one valid citation of a legal document."""

    default_message = "trích dẫn văn bản không hợp lệ (invalid document citation)"


class AppendixParseError(ParseError):
    """A statistics appendix table cannot be read."""

    default_message = "không đọc được bảng phụ lục (cannot read the appendix table)"


class UnitError(CchcError):
    """A unit label is unknown, or quantities of different kinds were combined."""

    default_message = "đơn vị tính không hợp lệ (invalid unit)"


class StructureError(CchcError):
    """A report document does not have the structure of the model.

    ``path`` is the JSON path of the offending value (``$.sections[1].paragraphs[4]``).

    >>> str(StructureError("thiếu trường (missing field)", path="$.header.title"))
    '$.header.title: thiếu trường (missing field)'
    """

    default_message = "cấu trúc báo cáo không hợp lệ (invalid report structure)"

    def __init__(self, message: str | None = None, *, path: str = "$") -> None:
        self.path = path
        base = message if message is not None else self.default_message
        super().__init__(f"{path}: {base}")


class RuleError(CchcError):
    """A validation rule is malformed or failed while it ran."""

    default_message = "quy tắc kiểm tra bị lỗi (validation rule failed)"

    def __init__(self, message: str | None = None, *, rule: str = "") -> None:
        self.rule = rule
        base = message if message is not None else self.default_message
        super().__init__(f"{rule}: {base}" if rule else base)


_QUOTE_LIMIT = 80


def extra_hint(extra: str) -> str:
    """How to install an optional extra, from PyPI and from a source checkout.

    >>> extra_hint("docx")
    "pip install 'cchc-model[docx]' (từ mã nguồn / from a checkout: pip install -e '.[docx]')"
    """
    return (
        f"pip install 'cchc-model[{extra}]' "
        f"(từ mã nguồn / from a checkout: pip install -e '.[{extra}]')"
    )


def _quote(text: str) -> str:
    """Quote *text* for a message, shortened so a 10 MB input does not make a 10 MB message."""
    if len(text) > _QUOTE_LIMIT:
        return repr(text[:_QUOTE_LIMIT]) + f"… ({len(text)} ký tự / characters)"
    return repr(text)


# Tracebacks, reprs and pickles name the public path (``cchc_model.CchcError``), where users
# import the errors from, not this private module.
for _error in (
    AppendixOnlyError, AppendixParseError, CchcError, DateParseError, InputError,
    NotAReportError, NumberFormatError, NumberParseError, ParseError, ReferenceParseError,
    RuleError, StructureError, UnitError,
):
    _error.__module__ = "cchc_model"
del _error
