"""The public API, pinned: names in ``__all__`` and their signatures.

An intended change shows as a diff of ``tests/api_snapshot.txt`` (and a CHANGELOG line).
Regenerate with ``CCHC_UPDATE_API_SNAPSHOT=1 python -m pytest tests/test_api.py``.
"""

from __future__ import annotations

import enum
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import cchc_model

SNAPSHOT = Path(__file__).with_name("api_snapshot.txt")


def describe(name: str) -> list[str]:
    obj = getattr(cchc_model, name)
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return [f"enum {name}: " + ", ".join(f"{m.name}={m.value!r}" for m in obj)]
    if isinstance(obj, type) and attrs.has(obj):
        lines = [f"class {name}{inspect.signature(obj)}"]
        # Members the library defines, on the class or a base of its own (not Mapping's).
        members = {
            member: value
            for base in reversed(obj.__mro__)
            if base.__module__.startswith("cchc_model")
            for member, value in vars(base).items()
        }
        lines += [
            f"  .{member}" for member, value in sorted(members.items())
            if not member.startswith("_")
            and (callable(value) or isinstance(value, property | classmethod))
        ]
        return lines
    if isinstance(obj, type):
        return [f"class {name}({', '.join(b.__name__ for b in obj.__bases__)})"]
    if callable(obj):
        return [f"def {name}{inspect.signature(obj)}"]
    # A type alias names its members by the private module that defines them; which module
    # that is, is not part of the API.
    return [f"{name} = " + re.sub(r"cchc_model(?:\.\w+)*?\.(?=[A-Z])", "", repr(obj))]


def snapshot() -> str:
    lines: list[str] = []
    for name in cchc_model.__all__:
        lines.extend(describe(name))
    return "\n".join(lines) + "\n"


class TestPublicApi:
    def test_all_importable(self):
        """Every name in __all__ exists, once (ruff's RUF022 keeps the list sorted)."""
        assert len(set(cchc_model.__all__)) == len(cchc_model.__all__)
        assert all(hasattr(cchc_model, name) for name in cchc_model.__all__)

    def test_contract_names(self):
        """The names of the public contract (DESIGN §4) that exist are exported."""
        contract = {"CchcError", "LegalDocumentRef", "DocumentType", "parse_number",
                    "ReportingPeriod", "Report", "load", "dumps", "Appendix", "validate"}
        assert contract <= set(cchc_model.__all__)

    def test_snapshot(self):
        """Names and signatures match the committed snapshot."""
        current = snapshot()
        if os.environ.get("CCHC_UPDATE_API_SNAPSHOT"):
            SNAPSHOT.write_text(current, encoding="utf-8")
        assert current == SNAPSHOT.read_text(encoding="utf-8")


class TestLazyNames:
    """Names whose modules load on first use behave as if imported eagerly."""

    def test_every_name_resolves(self) -> None:
        """Every name in __all__ is an attribute of the package and listed by dir()."""
        for name in cchc_model.__all__:
            assert getattr(cchc_model, name) is not None
        assert set(cchc_model.__all__) <= set(dir(cchc_model))

    def test_unknown_name(self) -> None:
        """An unknown name is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no_such_name"):
            _ = cchc_model.no_such_name  # type: ignore[attr-defined]

    def test_import_is_lean(self) -> None:
        """import cchc_model loads neither cattrs nor validation nor tables; using them does."""
        modules = ("cattrs", "cchc_model._rules.engine", "cchc_model._io.tables", "pint")
        code = (
            f"import sys, cchc_model; m = {modules!r}; "
            "print(*(x in sys.modules for x in m)); cchc_model.validate; cchc_model.read_appendix; "
            "print(*(x in sys.modules for x in m))"
        )
        source = str(Path(cchc_model.__file__).parents[1])
        path = os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])
        env = {**os.environ, "PYTHONPATH": path}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert done.stdout.split("\n")[:2] == ["False False False False", "False True True False"]
