"""The fast path of :func:`~cchc_model.load`: one generated function per attrs class.

The cattrs converter in :mod:`cchc_model._io.serialization` reports every problem with its JSON
path, and pays for that on every field of every document: a hook call, a ``try`` and a wrapper
per value. Most documents are valid, so :func:`build` writes plain Python for each class
instead: exact type checks inline (``x.__class__ is str`` keeps ``True`` out of an ``int`` and
``"1"`` out of both), and each instance made as its ``__init__`` makes it, minus the type
checks and conversions the code has just made itself (its value checks run). An object laid out
as :func:`~cchc_model.dumps` writes it (every field) is read without a test per key; the
code of a class that cannot hold itself is written out where it is used, so a row or a citation
costs no call; instances are filled through their slots' descriptors. The generated code
accepts a subset of what the converter accepts; on anything else it raises, and the caller asks
the converter, which then names the path and the problem. So the errors are the converter's,
and only valid documents take the fast path.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from cchc_model._base.checks import is_type_only

__all__ = ["build"]


class _Unsupported(Exception):  # noqa: N818 - an internal signal, never raised to users
    """A document the fast path does not take; the caller falls back to the converter."""


def _unsupported() -> None:
    raise _Unsupported


def build(
    root: type,
    *,
    special: dict[Any, Callable[[Any], Any]],
    fallback: Callable[[Any, Any], Any],
    plain: dict[Any, tuple[type, ...]] | None = None,
    tag: str | None = None,
) -> Callable[[Any], Any]:
    """A function that structures a JSON-ready value into *root*, or raises.

    *special* maps a type to a one-argument function for it (decimals, dates, the appendix
    value union, the fact union); *plain* names, for some of those types, the classes of JSON
    value that stand for themselves (``None``, ``int`` and ``str`` for an appendix value), which
    the generated code keeps without calling the function. *fallback* is the converter's
    ``structure`` for any type the generator does not know, so an unusual field costs speed,
    never correctness. *tag* names a key the object of *root* holds besides its fields (the
    ``"type"`` of a fact), which the caller has read to choose *root*.
    """
    return _Generator(special, fallback, plain or {}).build(root, tag)


def _factory_default(cls: type) -> bool:
    """Whether a field given to ``__init__`` of *cls* has a factory for its default."""
    return any(
        isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        for field in attrs.fields(cls) if field.init
    )


class _Generator:
    """Writes the source of one function per attrs class into a shared namespace.

    A class that cannot hold itself is written out inline where it is used (the rows of the
    appendix, a paragraph's citations), so building it costs no call; a class that can (a
    section and its subsections) gets a function of its own.
    """

    def __init__(
        self,
        special: dict[Any, Callable[[Any], Any]],
        fallback: Callable[[Any, Any], Any],
        plain: dict[Any, tuple[type, ...]],
    ) -> None:
        self.special = special
        self.fallback = fallback
        self.plain = plain
        self.namespace: dict[str, Any] = {
            "_fail": _unsupported, "_dict": dict, "_list": list, "_tuple": tuple, "_map": map,
            "len": len, "_new": object.__new__, "_set": object.__setattr__,
        }
        self.setters: dict[tuple[type, str], str] = {}
        self.names: dict[Any, str] = {}
        self.pending: list[type] = []
        self.levels = 0
        self.recursive: dict[type, bool] = {}
        self.root: type | None = None
        self.tag: str | None = None

    def build(self, root: type, tag: str | None = None) -> Callable[[Any], Any]:
        self.root, self.tag = root, tag
        top = self.function_for(root)
        while self.pending:
            self.define(self.pending.pop())
        return self.namespace[top]  # type: ignore[no-any-return]

    def constant(self, value: object, hint: str) -> str:
        name = f"_{hint}_{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def function_for(self, cls: type) -> str:
        if cls not in self.names:
            self.names[cls] = f"structure_{cls.__name__}_{len(self.names)}"
            self.pending.append(cls)
        return self.names[cls]

    def holds_itself(self, cls: type) -> bool:
        """Whether a value of *cls* may hold another (so its code cannot be written inline)."""
        if cls not in self.recursive:
            self.recursive[cls] = cls in self.reachable(cls)
        return self.recursive[cls]

    def reachable(self, cls: type) -> set[type]:
        """The attrs classes the fields of *cls* may hold, at any depth."""
        found: set[type] = set()
        pending = [cls]
        while pending:
            hints = get_type_hints(pending.pop())
            kinds = list(hints.values())
            while kinds:
                kind = kinds.pop()
                if kind in self.special:
                    continue
                if isinstance(kind, type) and attrs.has(kind):
                    if kind not in found:
                        found.add(kind)
                        pending.append(kind)
                else:
                    kinds.extend(get_args(kind))
        return found

    def inline(self, cls: type) -> bool:
        """Whether the code of *cls* is written out where it is used."""
        return not self.holds_itself(cls) and not _factory_default(cls)

    def lines_for(
        self, tp: Any, source: str, target: str, indent: str, *, inline: bool = True
    ) -> list[str]:
        """Code that checks *source* against *tp* and assigns the result to *target*.

        *source* and *target* may be the same name: the value is then checked, and replaced
        only when structuring makes something else of it. *inline* ``False`` calls the
        function of an attrs class instead of writing its code out.
        """
        keep = [] if source == target else [f"{indent}{target} = {source}"]
        if tp in self.special:
            function = self.constant(self.special[tp], "special")
            if tp in self.plain:
                kinds = self.constant(frozenset(self.plain[tp]), "kinds")
                if keep:
                    return [
                        f"{indent}if {source}.__class__ in {kinds}: {target} = {source}",
                        f"{indent}else: {target} = {function}({source})",
                    ]
                check = f"if {source}.__class__ not in {kinds}:"
                return [f"{indent}{check} {target} = {function}({source})"]
            return [f"{indent}{target} = {function}({source})"]
        if tp in (str, int, bool):
            return [f"{indent}if {source}.__class__ is not {tp.__name__}: _fail()", *keep]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            # Members by value, and only for values of the members' own types (1.0 == 1).
            members = {member.value: member for member in tp}
            kinds = self.constant(frozenset(type(value) for value in members), "kinds")
            return [
                f"{indent}if {source}.__class__ not in {kinds}: _fail()",
                f"{indent}{target} = {self.constant(members, 'members')}[{source}]",
            ]
        if isinstance(tp, type) and attrs.has(tp):
            if inline and self.inline(tp):
                return self.body(tp, source, target, indent)
            return [f"{indent}{target} = {self.function_for(tp)}({source})"]
        origin, args = get_origin(tp), get_args(tp)
        if origin is tuple and args[-1:] == (Ellipsis,):
            return self.tuple_lines(args[0], source, target, indent, inline=inline)
        if (origin is Union or isinstance(tp, types.UnionType)) and type(None) in args:
            rest = tuple(arg for arg in args if arg is not type(None))
            inner = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            if not keep:
                return [
                    f"{indent}if {source} is not None:",
                    *self.lines_for(inner, source, target, indent + "    ", inline=inline),
                ]
            return [
                f"{indent}if {source} is None:",
                f"{indent}    {target} = None",
                f"{indent}else:",
                *self.lines_for(inner, source, target, indent + "    ", inline=inline),
            ]
        fallback = self.constant(self.fallback, "fallback")
        return [f"{indent}{target} = {fallback}({source}, {self.constant(tp, 'type')})"]

    def tuple_lines(
        self, item: Any, source: str, target: str, indent: str, *, inline: bool = True
    ) -> list[str]:
        lines = [f"{indent}if {source}.__class__ is not _list: _fail()"]
        if item in (str, int):
            # Items that stand for themselves: checked, and the list made a tuple at once.
            return [
                *lines,
                f"{indent}for _item in {source}:",
                f"{indent}    if _item.__class__ is not {item.__name__}: _fail()",
                f"{indent}{target} = _tuple({source})",
            ]
        if item in self.special and item not in self.plain:
            function = self.constant(self.special[item], "special")
            return [*lines, f"{indent}{target} = _tuple(_map({function}, {source}))"]
        if isinstance(item, type) and attrs.has(item) and not (inline and self.inline(item)):
            lines.append(f"{indent}{target} = _tuple(_map({self.function_for(item)}, {source}))")
            return lines
        self.levels += 1
        items, each, one = (f"{name}_{self.levels}" for name in ("_items", "_each", "_one"))
        return [
            *lines,
            f"{indent}{items} = []",
            f"{indent}for {each} in {source}:",
            *self.lines_for(item, each, one, indent + "    ", inline=inline),
            f"{indent}    {items}.append({one})",
            f"{indent}{target} = _tuple({items})",
        ]

    def setter(self, cls: type, name: str) -> str:
        """The code that sets attribute *name* of a new *cls*, bypassing a frozen class's guard.

        A slot's own descriptor sets it without the attribute lookup ``object.__setattr__``
        makes, so slotted classes (the model's) are filled through it.
        """
        key = (cls, name)
        if key not in self.setters:
            descriptor = next(
                (klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None
            )
            if isinstance(descriptor, types.MemberDescriptorType):
                function = self.constant(descriptor.__set__, "setter")
                self.setters[key] = f"{function}({{}}, {{}})"
            else:
                self.setters[key] = f"_set({{}}, {name!r}, {{}})"
        return self.setters[key]

    def construct(
        self, cls: type, fields: list[attrs.Attribute[Any]], names: list[str], made: str,
        indent: str,
    ) -> list[str]:
        """Code that makes the instance as ``__init__`` would, minus the checks made above.

        The values are already of their exact types (the lines above checked them), so the
        converters and validators that only check or normalise types
        (:func:`~cchc_model._base.checks.type_only`) would do nothing: they are skipped. Every
        other converter and validator runs, in ``__init__``'s order.
        """
        lines = [f"{indent}{made} = _new({self.constant(cls, 'cls')})"]
        for name, field in zip(names, fields, strict=True):
            conv = field.converter
            if conv is None or is_type_only(conv):
                continue
            if isinstance(conv, attrs.Converter):
                # The model's converters are plain functions; leave any other to __init__.
                arguments = ", ".join(
                    f"{f.alias!r}: {n}" for n, f in zip(names, fields, strict=True)
                )
                return [f"{indent}{made} = {self.constant(cls, 'cls')}(**{{{arguments}}})"]
            lines.append(f"{indent}{name} = {self.constant(conv, 'converter')}({name})")
        lines.extend(
            indent + self.setter(cls, field.name).format(made, name)
            for name, field in zip(names, fields, strict=True)
        )
        for field in attrs.fields(cls):
            if field.init:
                continue
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                factory = self.constant(default.factory, "factory")
                value = f"{factory}({made})" if default.takes_self else f"{factory}()"
            elif default is attrs.NOTHING:
                continue
            else:
                value = self.constant(default, "default")
            lines.append(indent + self.setter(cls, field.name).format(made, value))
        for name, field in zip(names, fields, strict=True):
            validator = field.validator
            if validator is None:
                continue
            lines.extend(
                f"{indent}{self.constant(check, 'validator')}"
                f"({made}, {self.constant(field, 'field')}, {name})"
                for check in getattr(validator, "_validators", (validator,))
                if not is_type_only(check)
            )
        if hasattr(cls, "__attrs_post_init__"):
            lines.append(f"{indent}{made}.__attrs_post_init__()")
        return lines

    def define(self, cls: type) -> None:
        name = self.names[cls]
        if _factory_default(cls):
            # A factory default may need the instance: leave such a class to the converter.
            self.namespace[name] = lambda o: self.fallback(o, cls)
            return
        tag = self.tag if cls is self.root else None
        lines = [f"def {name}(o):", *self.body(cls, "o", "i", "    ", tag), "    return i"]
        source = "\n".join(lines)
        exec(compile(source, f"<fast structure {cls.__qualname__}>", "exec"), self.namespace)  # noqa: S102 - our own source

    def body(
        self, cls: type, source: str, target: str, indent: str, tag: str | None = None
    ) -> list[str]:
        """Code that structures the object *source* into an instance of *cls* named *target*.

        *tag* is a key *source* holds besides the fields, already read by the caller.
        """
        tagged = int(tag is not None)
        self.levels += 1
        level = self.levels
        hints = get_type_hints(cls)
        fields = [field for field in attrs.fields(cls) if field.init]
        names = [f"a{index}_{level}" for index in range(len(fields))]
        lines = [f"{indent}if {source}.__class__ is not _dict: _fail()"]
        inner = indent + "    "
        if fields:
            # The layout dumps writes: every field. As many keys as fields, each field's found
            # (or KeyError): no other key, and no test for each key's presence.
            lines.append(f"{indent}if len({source}) == {len(fields) + tagged}:")
            lines.extend(
                f"{inner}{name} = {source}[{field.name!r}]"
                for name, field in zip(names, fields, strict=True)
            )
            for name, field in zip(names, fields, strict=True):
                lines.extend(self.lines_for(hints[field.name], name, name, inner))
            lines.append(f"{indent}else:")
            lines.extend(
                self.any_layout(
                    source, fields, names, hints=hints, indent=inner, level=level, tagged=tagged
                )
            )
        else:
            lines.append(f"{indent}if {source}: _fail()")
        lines.extend(self.construct(cls, fields, names, target, indent))
        return lines

    def any_layout(
        self, source: str, fields: list[attrs.Attribute[Any]], names: list[str], *,
        hints: dict[str, Any], indent: str, level: int, tagged: int = 0,
    ) -> list[str]:
        """Code that reads the fields from keys in any order, defaults for those left out.

        Documents written otherwise than by dumps are rare: nested objects are built by
        calls here, not written out a second time.
        """
        count, value = f"n_{level}", f"v_{level}"
        required = sum(field.default is attrs.NOTHING for field in fields) + tagged
        lines = [f"{indent}{count} = {required}"]
        inner = indent + "    "
        for name, field in zip(names, fields, strict=True):
            if field.default is attrs.NOTHING:
                lines.append(f"{indent}{value} = {source}[{field.name!r}]")
                lines.extend(
                    self.lines_for(hints[field.name], value, name, indent, inline=False)
                )
            else:
                lines.append(f"{indent}if {field.name!r} in {source}:")
                lines.append(f"{inner}{count} += 1")
                lines.append(f"{inner}{value} = {source}[{field.name!r}]")
                lines.extend(
                    self.lines_for(hints[field.name], value, name, inner, inline=False)
                )
                lines.append(f"{indent}else:")
                lines.append(f"{inner}{name} = {self.constant(field.default, 'default')}")
        # Every key read was a field; any other key is unknown.
        lines.append(f"{indent}if {count} != len({source}): _fail()")
        return lines
