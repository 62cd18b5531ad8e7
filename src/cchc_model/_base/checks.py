"""Construction-time checks of the model's attrs classes, the attrs way.

A wrong type given to a public class raises :class:`TypeError` at once, naming the class, the
field and what it got (``Header.number phải là int hoặc None, nhận '412' (str)``), instead of
failing far away in validation, :func:`~cchc_model.dumps` or rendering. Plain Python values are
normalised where the meaning is clear: any sequence but a string becomes a tuple, an ``int``
becomes a :class:`~decimal.Decimal` where a Decimal is kept. Converters are plain functions
that leave what they cannot convert as it is, so the field's validator, which knows the class
and the field, refuses it.

The validators here only check *types*. The fast load path
(:mod:`cchc_model._io.fast_structure`) checks the types of what it builds itself, so it skips
the validators and converters marked :func:`type_only` and runs every other one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

__all__ = [
    "DECIMAL_HINT",
    "decimal_of",
    "is_type_only",
    "of_type",
    "slot_setters",
    "to_decimal",
    "to_optional_decimal",
    "to_tuple",
    "tuple_of",
    "type_only",
    "wrong_type",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def type_only(function: _F) -> _F:
    """Mark a validator or converter whose check the fast load path makes itself.

    Type checks, and the range check of a decimal it has just read: it may skip them.
    """
    function.__cchc_type_only__ = True  # type: ignore[attr-defined]
    return function


def is_type_only(check: object) -> bool:
    """Whether *check* (a validator, a converter, an :class:`attrs.Converter`) only checks types."""
    inner = getattr(check, "converter", check)
    return bool(getattr(inner, "__cchc_type_only__", False))


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _where(instance: object, attribute: attrs.Attribute[Any] | None) -> str:
    name = attribute.name if attribute is not None else "?"
    return f"{type(instance).__name__}.{name.lstrip('_')}"


def wrong_type(
    where: str, expected: str, value: object, hint: str = "", *, expected_en: str = ""
) -> TypeError:
    """The :class:`TypeError` of a wrong type: where, what was wanted, what came.

    The value is kept on the error as ``value``.
    """
    got = f"{_short(value)} ({type(value).__name__})"
    message = (
        f"{where} phải là {expected}, nhận {got} "
        f"({where} must be {expected_en or expected}, got {got})"
    )
    error = TypeError(f"{message}; {hint}" if hint else message)
    error.value = value  # type: ignore[attr-defined]
    return error


@type_only
@attrs.frozen(repr=False)
class _OfType:
    types: tuple[type, ...]
    expected: str
    optional: bool
    hint: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if isinstance(value, self.types) and not (
            isinstance(value, bool) and bool not in self.types
        ):
            return
        raise wrong_type(
            _where(instance, attribute), self.expected, value, self.hint,
            expected_en=self.expected.replace(" hoặc ", " or "),
        )

    def __repr__(self) -> str:
        return f"<of_type {self.expected}>"


def _names(types: tuple[type, ...]) -> str:
    return " hoặc ".join(t.__name__ for t in types)


def of_type(
    *types: type, optional: bool = False, expected: str = "", hint: str = ""
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A validator: the value is an instance of *types* (``bool`` is not an ``int``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Demo:
    ...     n: int = attrs.field(validator=of_type(int))
    >>> Demo("1")
    Traceback (most recent call last):
    ...
    TypeError: Demo.n phải là int, nhận '1' (str) (Demo.n must be int, got '1' (str))
    """
    described = expected or _names(types) + (" hoặc None" if optional else "")
    return _OfType(types, described, optional, hint)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """A converter: any iterable but a string, bytes or a mapping becomes a tuple.

    Anything else is left as it is for the field's validator to refuse, naming the field.
    """
    if value.__class__ is tuple:
        return value
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


def to_decimal(value: Decimal | int) -> Decimal:
    """A converter: an ``int`` becomes a :class:`~decimal.Decimal`; the validator refuses others."""
    if value.__class__ is int:
        return Decimal(value)
    return value  # type: ignore[return-value]


def to_optional_decimal(value: Decimal | int | None) -> Decimal | None:
    """:func:`to_decimal` for a field that may be blank."""
    if value.__class__ is int:
        return Decimal(value)
    return value  # type: ignore[return-value]


# Marked by a call, not a decorator, so that mypy's attrs plugin sees named functions.
type_only(to_tuple)
type_only(to_decimal)
type_only(to_optional_decimal)

DECIMAL_HINT = "dùng Decimal('…') cho số lẻ (use Decimal('…') for fractions)"


def decimal_of(*, optional: bool = False, hint: str = DECIMAL_HINT) -> Any:
    """The validator of a Decimal field whose converter is :func:`to_decimal`."""
    return of_type(
        Decimal, optional=optional,
        expected="Decimal, int hoặc None" if optional else "Decimal hoặc int", hint=hint,
    )


def tuple_of(
    *types: type,
    expected: str = "",
    hint: str = "",
    later: Callable[[], tuple[type, ...]] | None = None,
) -> dict[str, Any]:
    """``converter`` and ``validator`` for a tuple field whose items are of *types*.

    Any iterable but a string, bytes or a mapping becomes a tuple; a string where a tuple of
    strings belongs is refused (it would be a tuple of its letters). Use as
    ``attrs.field(default=(), **tuple_of(str))``. *later* gives the item types of a class
    that holds its own kind (a section's subsections), asked on first use.
    """
    item_name = expected or _names(types)

    @type_only
    def validate(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if value.__class__ is not tuple:
            raise wrong_type(
                _where(instance, attribute), f"dãy (tuple) các {item_name}", value, hint,
                expected_en=f"a tuple of {item_name.replace(' hoặc ', ' or ')}",
            )
        kinds = types or (later() if later is not None else ())
        for i, item in enumerate(value):
            if not isinstance(item, kinds) or (isinstance(item, bool) and bool not in kinds):
                raise wrong_type(
                    f"{_where(instance, attribute)}[{i}]", item_name, item, hint,
                    expected_en=item_name.replace(" hoặc ", " or "),
                )

    return {"converter": to_tuple, "validator": validate}


def slot_setters(cls: type[attrs.AttrsInstance]) -> tuple[Callable[[object, object], None], ...]:
    """The setters of the slots of *cls*'s fields, in the fields' order.

    For a reader that made every value of an instance itself, of the types the checks ask
    for: it makes the instance with ``object.__new__`` and sets each field by its slot's own
    setter (which a frozen class's ``__setattr__`` does not stand in front of), so that the
    validators and converters do not repeat themselves. Tests compare what it makes with
    what ``__init__`` makes.

    >>> @attrs.frozen
    ... class Point:
    ...     x: int = attrs.field(validator=attrs.validators.instance_of(int))
    ...     y: int = 0
    >>> set_x, set_y = slot_setters(Point)
    >>> point = object.__new__(Point)
    >>> set_x(point, 1); set_y(point, 2)
    >>> point
    Point(x=1, y=2)
    """
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))
