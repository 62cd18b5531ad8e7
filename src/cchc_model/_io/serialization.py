"""JSON for reports: one private cattrs converter, built on first use.

The document is the report's fields with a top-level ``schema_version``. Decimals are JSON
strings (``"33.37"``) so their precision survives; dates are ISO strings; facts carry a
``"type"`` tag. Unknown keys, missing keys and values of the wrong type raise
:class:`~cchc_model.StructureError` naming the JSON path.

Reading is strict, so that what :func:`load` accepts :func:`dumps` writes back as it was:
UTF-8 only, no key twice in an object, decimals and dates only in the form :func:`dumps`
writes them (``"33.37"``, ``"2023-11-05"``), and no text a document cannot hold (control
characters other than tab and line feed, lone surrogates, U+FFFE, U+FFFF).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from cchc_model._base.errors import CchcError, InputError, StructureError
from cchc_model._base.files import read_bounded, utf8_exceeds
from cchc_model._base.lazy import Lazy
from cchc_model._base.numbers import MAX_NUMBER_DIGITS, MAX_NUMBER_EXPONENT, decimal_problem
from cchc_model._model.appendix import Appendix
from cchc_model._model.facts import (
    CountFact,
    Fact,
    MoneyFact,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._model.indicators import IndicatorValue
from cchc_model._model.limits import UNWRITABLE, check_depth, check_writable
from cchc_model._model.report import Report
from cchc_model._values.kinds import Ratio, Value

if TYPE_CHECKING:
    import cattrs

# cattrs and json are imported on first use: a valid document is read by generated functions
# and orjson (when installed), so neither is needed to import the library or to load a report.

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_ITEMS",
    "SCHEMA_VERSION",
    "dumps",
    "load",
    "to_dict",
]

#: Version of the JSON layout that :func:`dumps` writes and :func:`load` reads.
SCHEMA_VERSION = 1

#: Largest document :func:`load` reads by default, in bytes (the reference report is 125 kB).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: Most JSON values (objects, arrays, strings, numbers…) :func:`load` structures by default;
#: the reference report has about 2,650.
MAX_DOCUMENT_ITEMS = 100_000

_FACT_TAGS: dict[type, str] = {
    CountFact: "count",
    PercentFact: "percent",
    MoneyFact: "money",
    RatioFact: "ratio",
    RateFact: "rate",
    TotalFact: "total",
}


class _WrongTypeError(CchcError):
    """A JSON value of the wrong type for its field."""

    def __init__(self, expected: str, value: object, expected_en: str | None = None) -> None:
        super().__init__(
            f"cần {expected}, gặp {_short(value)} "
            f"(expected {expected_en or expected}, got {_json_type(value)})"
        )


def _json_type(value: object) -> str:
    return {
        bool: "boolean", int: "number", float: "number", str: "string",
        list: "array", dict: "object", type(None): "null",
    }.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _strict(kind: type, name: str, name_en: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        # bool is an int in Python; JSON keeps them apart, and so do we.
        if type(value) is not kind:
            raise _WrongTypeError(name, value, name_en)
        if kind is str:
            _check_text(value)  # type: ignore[arg-type]
        return value

    return structure


# In the JSON text dumps writes, such a character is an escape other than \t, \n, \" and \\,
# or raw: DEL, C1 (bytes C2 80-9F), U+FFFE/FFFF (EF BF BE/BF). A hit sends the document to
# the careful reader.
_GOOD_ESCAPES = frozenset((b"t", b"n", b'"', b"\\"))
_BAD_ESCAPE_TEXT = re.compile('\\\\[^tn"\\\\]')
_BAD_RAW_BYTES = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]")


def _suspect(data: bytes | str) -> bool:
    """Whether canonical JSON *data* may hold unwritable text (a cheap, one-sided test)."""
    if isinstance(data, str):
        return _BAD_ESCAPE_TEXT.search(data) is not None or UNWRITABLE.search(data) is not None
    # Backslashes are rare in what dumps writes (escaped quotes and line breaks): look at each.
    at = data.find(b"\\")
    while at >= 0:
        if data[at + 1 : at + 2] not in _GOOD_ESCAPES:
            return True
        at = data.find(b"\\", at + 2)
    return (b"\x7f" in data or b"\xc2" in data or b"\xef" in data) and (
        _BAD_RAW_BYTES.search(data) is not None
    )


class _UnwritableTextError(CchcError):
    """A text holding a character no document can be written with."""


def _check_text(value: str) -> None:
    bad = UNWRITABLE.search(value)
    if bad is not None:
        raise _UnwritableTextError(
            f"văn bản chứa ký tự không ghi được U+{ord(bad.group()):04X} tại vị trí "
            f"{bad.start()} (text holds an unwritable character)"
        )


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise _WrongTypeError("số thập phân dạng chuỗi", value, "a decimal string")
    if len(value) > 2 * MAX_NUMBER_DIGITS:
        raise _WrongTypeError("số thập phân ngắn hơn", value, "a shorter decimal")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _WrongTypeError("số thập phân dạng chuỗi", value, "a decimal string") from None
    if decimal_problem(number) is not None:
        raise _WrongTypeError("số hữu hạn trong phạm vi", value, "a finite number within range")
    if str(number) != value:
        # Decimal() also reads "1_2.5", "１２", " 12", "+12", "12E0": dumps would write
        # them back otherwise, so only the form it writes is read.
        raise CchcError(
            f"số thập phân phải viết như {str(number)!r}, gặp {_short(value)} "
            f"(write the decimal as {str(number)!r})"
        )
    return number


def _structure_date(value: object, _: type) -> date:
    if not isinstance(value, str):
        raise _WrongTypeError("ngày dạng YYYY-MM-DD", value, "an ISO date")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CchcError(f"ngày không hợp lệ (invalid date): {_short(value)}") from None
    # fromisoformat also reads "20231105" and "2023-W45-7"; only YYYY-MM-DD is written.
    if day.isoformat() != value:
        raise CchcError(
            f"ngày phải viết YYYY-MM-DD (write the date as YYYY-MM-DD): {_short(value)}"
        )
    return day


def _unstructure_value(value: Value) -> object:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, Ratio):
        return {"numerator": value.numerator, "denominator": value.denominator}
    return value


def _structure_value(value: object, _: type) -> Value:
    if type(value) is str:
        _check_text(value)
        return value
    if value is None or type(value) is int:
        return value
    if isinstance(value, dict):
        if set(value) == {"decimal"}:
            return _structure_decimal(value["decimal"], Decimal)
        if set(value) == {"numerator", "denominator"}:
            numerator, denominator = value["numerator"], value["denominator"]
            if type(numerator) is int and type(denominator) is int:
                return Ratio(numerator, denominator)
    raise _WrongTypeError(
        'null, số nguyên, chuỗi, {"decimal": …} hoặc {"numerator": …, "denominator": …}',
        value,
        "null, an integer, a string, a decimal or a ratio",
    )


def _guard(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Let a validator's CchcError through cattrs so it is reported at its path."""

    def guarded(value: Any, cls: Any) -> Any:
        if not isinstance(value, dict):
            raise _WrongTypeError("object", value, "an object")
        return structure(value, cls)

    return guarded


def _sequence(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    """Tuples come from JSON arrays only: a string is not a list of its characters."""
    from cattrs.cols import homogenous_tuple_structure_factory  # noqa: PLC0415

    inner = homogenous_tuple_structure_factory(kind, converter)

    def strict(value: Any, cls: Any) -> Any:
        if not isinstance(value, list):
            raise _WrongTypeError("mảng", value, "an array")
        return inner(value, cls)

    return strict


def _structure_fact(converter: cattrs.Converter) -> Callable[[Any, Any], Fact]:
    by_tag = {tag: cls for cls, tag in _FACT_TAGS.items()}
    hooks = {tag: converter.get_structure_hook(cls) for tag, cls in by_tag.items()}

    def structure(value: Any, _: Any) -> Fact:
        if not isinstance(value, dict):
            raise _WrongTypeError("object", value, "an object")
        tag = value.get("type")
        if tag not in hooks:
            tags = ", ".join(sorted(hooks))
            raise CchcError(
                f"trường type phải là một trong {tags}, gặp {_short(tag)} "
                f"(type must be one of {tags})"
            )
        body = {key: item for key, item in value.items() if key != "type"}
        return hooks[tag](body, by_tag[tag])  # type: ignore[no-any-return]

    return structure


def _build_converter() -> cattrs.Converter:
    import cattrs  # noqa: PLC0415 - see the imports at the top

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(int, _strict(int, "số nguyên", "an integer"))
    converter.register_structure_hook(str, _strict(str, "chuỗi", "a string"))
    converter.register_structure_hook(bool, _strict(bool, "true/false", "a boolean"))
    converter.register_structure_hook_factory(
        cattrs.cols.is_sequence, lambda kind: _sequence(converter, kind)
    )
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(Value, _unstructure_value)
    converter.register_structure_hook(Value, _structure_value)
    converter.register_structure_hook_factory(
        attrs.has,
        lambda cls: _guard(cattrs.gen.make_dict_structure_fn(cls, converter)),
    )
    # Appendix is a Mapping; without these hooks cattrs would treat it as a dict of rows.
    converter.register_structure_hook(
        Appendix,
        _guard(cattrs.gen.make_dict_structure_fn(Appendix, converter)),
    )
    converter.register_unstructure_hook(
        Appendix, cattrs.gen.make_dict_unstructure_fn(Appendix, converter)
    )
    converter.register_structure_hook(
        IndicatorValue,
        _guard(cattrs.gen.make_dict_structure_fn(IndicatorValue, converter)),
    )
    # A hand-written tagged union: cattrs' strategy reports an unknown tag as a missing field.
    converter.register_structure_hook(Fact, _structure_fact(converter))
    converter.register_unstructure_hook(
        Fact,
        lambda fact: {"type": _FACT_TAGS[type(fact)], **converter.unstructure(fact, type(fact))},
    )
    return converter


_CONVERTER = Lazy(_build_converter)


def _structure_decimal_fast(value: object) -> Decimal:
    # A text as dumps writes it, of at most 40 characters, has at most 40 digits: only the
    # finiteness and the magnitude are left to check (the slow path decides the rest).
    if value.__class__ is str and len(value) <= MAX_NUMBER_DIGITS:
        number = Decimal(value)
        if (
            str(number) == value
            and number.is_finite()
            and -MAX_NUMBER_EXPONENT <= number.adjusted() <= MAX_NUMBER_EXPONENT
        ):
            return number
    return _structure_decimal(value, Decimal)


def _structure_value_fast(value: object) -> Value:
    # None, int and str stand for themselves; the generated code keeps them without a call.
    if isinstance(value, dict) and len(value) == 1:
        return _structure_decimal_fast(value["decimal"])
    return _structure_value(value, object)


def _structure_date_fast(value: object) -> date:
    if value.__class__ is str:
        day = date.fromisoformat(value)
        if day.isoformat() == value:
            return day
    return _structure_date(value, date)


def _build_fast() -> Callable[[Any], Report]:
    from cchc_model._io import fast_structure as _fast_structure  # noqa: PLC0415 - needed on first load only

    def fallback(value: Any, kind: Any) -> Any:
        return _CONVERTER.get().structure(value, kind)

    special: dict[Any, Callable[[Any], Any]] = {
        Decimal: _structure_decimal_fast,
        date: _structure_date_fast,
        Value: _structure_value_fast,
    }
    plain: dict[Any, tuple[type, ...]] = {Value: (type(None), int, str)}
    facts = {
        tag: _fast_structure.build(
            cls, special=special, fallback=fallback, plain=plain, tag="type"
        )
        for cls, tag in _FACT_TAGS.items()
    }

    def structure_fact(value: Any) -> Fact:
        # The function of the tag's class checks that value is a dict holding its fields and
        # "type", and nothing else.
        return facts[value["type"]](value)  # type: ignore[no-any-return]

    special[Fact] = structure_fact
    return _fast_structure.build(Report, special=special, fallback=fallback, plain=plain)


# Valid documents take this path; the converter explains the invalid ones.
_FAST = Lazy(_build_fast)


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON-ready form of *report*, ``schema_version`` first."""
    body = _CONVERTER.get().unstructure(report, Report)
    return {"schema_version": SCHEMA_VERSION, **body}


def dumps(report: Report, *, indent: int | None = 2) -> str:
    """The report as a JSON document that :func:`load` reads back equal.

    >>> from cchc_model import Report, Header, load
    >>> r = Report(Header("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"))
    >>> load(dumps(r)) == r
    True
    """
    if not isinstance(report, Report):
        raise TypeError(f"dumps() takes a Report, not {type(report).__name__}")
    check_depth(report)
    document = to_dict(report)
    dumps_fast = _ORJSON_DUMPS.get() if indent == 2 else None
    text: str | None = None
    if dumps_fast is not None:
        with contextlib.suppress(TypeError):  # lone surrogates, integers beyond 64 bits
            text = dumps_fast(document, str)
    if text is None:
        import json  # noqa: PLC0415 - see the imports at the top

        text = json.dumps(document, ensure_ascii=False, indent=indent)
    if _suspect(text):
        check_writable(report)  # what load would refuse is not written: the path is named
    return text


def load(
    source: str | bytes | os.PathLike[str],
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    max_items: int = MAX_DOCUMENT_ITEMS,
) -> Report:
    """Read a report from JSON text, UTF-8 bytes, or the path of a ``.json`` file.

    A ``str`` that starts with ``{`` or ``[`` (after white space) is JSON text; any other
    ``str`` is a path. A document of more than *max_bytes* bytes or more than *max_items*
    JSON values is refused with :class:`~cchc_model.InputError` before it is structured.

    .. versionchanged:: 0.1.0 *max_bytes* and *max_items*.

    >>> load('{"schema_version": 1, "header": {"agency": "SỞ X"}}', max_items=2)
    Traceback (most recent call last):
    ...
    cchc_model.InputError: <json>: báo cáo quá lớn, tối đa 2 giá trị JSON (report too large, at most 2 JSON values)
    """  # noqa: E501
    where = "<json>"
    data: bytes | str
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not source.lstrip().startswith(("{", "["))
    ):
        where = os.fspath(source)
        try:
            read = read_bounded(where, max_bytes)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise InputError(
                f"không đọc được tệp (cannot read file) {where[:200]!r}: {reason}"
            ) from None
        if read is None:
            raise _too_large(where, max_bytes)
        data = read
    elif isinstance(source, bytes):
        if len(source) > max_bytes:
            raise _too_large(where, max_bytes)
        data = source
    elif isinstance(source, str):
        if utf8_exceeds(source, max_bytes):
            raise _too_large(where, max_bytes)
        data = source
    else:
        raise TypeError(f"load() takes a str, bytes or path, not {type(source).__name__}")
    report = _load_fast(data, max_items)
    if report is not None:
        return report
    if isinstance(data, bytes):
        try:
            # The format is UTF-8: json.loads would also read UTF-16 and UTF-32 bytes.
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{where}: không phải văn bản UTF-8 (not UTF-8 text) tại byte {error.start}"
            ) from None
    import json  # noqa: PLC0415 - see the imports at the top

    try:
        document = json.loads(data, object_pairs_hook=_object)
    except _DuplicateKeyError as error:
        raise InputError(f"{where}: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where}:{error.lineno}:{error.colno}: JSON không hợp lệ (invalid JSON): {error.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{where}: JSON lồng quá sâu (JSON nested too deeply)") from None
    except ValueError:
        # Python refuses to read an integer of more than 4,300 digits.
        raise InputError(f"{where}: số quá dài trong JSON (number too long in JSON)") from None
    if _too_many_items(data, document, max_items):
        raise InputError(
            f"{where}: báo cáo quá lớn, tối đa {max_items} giá trị JSON "
            f"(report too large, at most {max_items} JSON values)"
        )
    return from_dict(document)


def _load_fast(data: bytes | str, max_items: int) -> Report | None:
    """The report, when *data* is a valid document exactly as :func:`dumps` writes it.

    orjson (when installed) reads it; writing the result again must give *data* back, which
    proves no key came twice (orjson, like json, keeps the last); and the escapes of control
    characters, raw C1 controls, U+FFFE and U+FFFF must be absent, so no string holds a
    character a report cannot.
    Anything else is read again, carefully, by json, and explained.
    """
    loads, write = _ORJSON_LOADS.get(), _ORJSON_DUMPS.get()
    if loads is None or write is None:
        return None
    try:
        document = loads(data)
    except ValueError:
        return None
    try:
        again = write(document, bytes) if isinstance(data, bytes) else write(document, str)
    except TypeError:  # nested past orjson's limit, integers beyond 64 bits
        return None
    if again != data and (data[-1:] not in ("\n", b"\n") or again != data[:-1]):
        return None
    if _suspect(data):
        return None
    if _too_many_items(data, document, max_items):
        return None
    return _from_dict_fast(document)


class _DuplicateKeyError(CchcError):
    """A key twice in one JSON object."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        key = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _DuplicateKeyError(
            f"khóa {_short(key)} xuất hiện hai lần trong một object "
            f"(duplicate key {_short(key)})"
        )
    return result


def _too_large(where: str, max_bytes: int) -> InputError:
    return InputError(
        f"{where[:200]}: tài liệu quá lớn, tối đa {max_bytes} byte "
        f"(document too large, at most {max_bytes} bytes)"
    )


def _too_many_items(data: bytes | str, document: object, limit: int) -> bool:
    """Whether *document*, parsed from *data*, holds more than *limit* JSON values.

    Every JSON value but the first takes at least two characters (itself and a comma or
    colon), so a text shorter than ``2 * limit`` cannot hold too many and is not walked: the
    fast path of ordinary reports pays nothing for the limit.
    """
    return len(data) >= 2 * limit and _more_items_than(document, limit)


def _more_items_than(document: object, limit: int) -> bool:
    """Whether *document* holds more than *limit* JSON values; stops counting past it."""
    pending = [document]
    count = 0
    while pending:
        value = pending.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _orjson_loads() -> Callable[[bytes | str], Any] | None:
    try:
        import orjson  # noqa: PLC0415 - optional, and imported on first load only
    except ImportError:
        return None
    return orjson.loads


_ORJSON_LOADS = Lazy(_orjson_loads)


def _orjson_dumps() -> Callable[[object, type], Any] | None:
    """The encoder of orjson, set to write what ``json.dumps(..., indent=2)`` writes.

    It returns ``bytes`` or ``str`` as asked.
    """
    try:
        import orjson  # noqa: PLC0415 - optional, and imported on first dumps only
    except ImportError:
        return None
    dumps, indent = orjson.dumps, orjson.OPT_INDENT_2

    def write(document: object, kind: type) -> Any:
        data = dumps(document, option=indent)
        return data if kind is bytes else data.decode("utf-8")

    return write


_ORJSON_DUMPS = Lazy(_orjson_dumps)


def _from_dict_fast(document: object) -> Report | None:
    """The report when *document* is valid, ``None`` when the detailed path must look."""
    if document.__class__ is not dict:
        return None
    version = document.get("schema_version")
    if version.__class__ is not int or version != SCHEMA_VERSION:
        return None
    body = document.copy()
    del body["schema_version"]
    try:
        report: Report = _FAST.get()(body)
    except Exception:  # noqa: BLE001 - the converter says what is wrong, and where
        return None
    check_depth(report)
    return report


def from_dict(document: object) -> Report:
    """Build a report from the JSON-ready form that :func:`to_dict` makes."""
    if not isinstance(document, dict):
        raise StructureError(f"cần object, gặp {_json_type(document)} (expected an object)")
    version = document.get("schema_version")
    if version is None:
        raise StructureError("thiếu schema_version (missing schema_version)", path="$")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise StructureError(
            f"schema_version {version!r} không được hỗ trợ, cần {SCHEMA_VERSION} "
            f"(unsupported schema_version)",
            path="$.schema_version",
        )
    # The fast path checks no text: a document with unwritable text goes to the converter,
    # whose string hooks name the path of the first.
    report = None if _holds_unwritable(document) else _from_dict_fast(document)
    if report is not None:
        return report
    body = {key: value for key, value in document.items() if key != "schema_version"}
    from cattrs.errors import ClassValidationError, IterableValidationError  # noqa: PLC0415

    try:
        report = _CONVERTER.get().structure(body, Report)
    except (ClassValidationError, IterableValidationError) as group:
        path, message = _first_error(group, "$")
        raise StructureError(message, path=path) from None
    except CchcError as error:
        raise StructureError(str(error), path="$") from None
    except RecursionError:
        raise StructureError("báo cáo lồng quá sâu (report nested too deeply)") from None
    check_depth(report)
    return report


def _holds_unwritable(document: object) -> bool:
    """Whether a string anywhere in *document* (keys too) holds an unwritable character."""
    pending = [document]
    search = UNWRITABLE.search
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if search(value) is not None:
                return True
        elif isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _first_error(error: BaseException, path: str) -> tuple[str, str]:
    """The JSON path and message of the first leaf error in a cattrs exception group."""
    from cattrs.errors import (  # noqa: PLC0415
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, _ = error.group_exceptions()
        for inner, note in with_notes:
            step = note.name if hasattr(note, "name") else None
            index = note.index if hasattr(note, "index") else None
            if step is not None:
                inner_path = f"{path}.{step}"
            elif index is not None:
                inner_path = f"{path}[{index}]"
            else:
                inner_path = path
            return _first_error(inner, inner_path)
        for inner in error.exceptions:
            return _first_error(inner, path)
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(error.extra_fields))
        return path, f"trường không xác định (unknown field): {keys}"
    if isinstance(error, KeyError):
        # cattrs reports a missing required field as KeyError inside the group.
        return path, "thiếu trường bắt buộc (required field missing)"
    if isinstance(error, CchcError):
        return path, str(error)
    if isinstance(error, ValueError | TypeError):
        # Enum values and union tags that match nothing.
        return path, f"giá trị không hợp lệ (invalid value): {error}"
    return path, f"{type(error).__name__}: {error}"
