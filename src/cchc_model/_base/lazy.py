"""Build-once values: the converter, the unit registry and the catalogues are made on first use.

Building them at import time would make ``import cchc_model`` slow (pint alone costs more than
the rest of the library); building them on every call would make every call slow. A lock makes
the first use from many threads build the value once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Lazy"]

T = TypeVar("T")


class Lazy(Generic[T]):
    """A value built by *factory* the first time :meth:`get` is called, then kept.

    >>> calls = []
    >>> lazy = Lazy(lambda: calls.append(1) or len(calls))
    >>> lazy.get(), lazy.get(), calls
    (1, 1, [1])
    """

    __slots__ = ("_factory", "_lock", "_value")

    _UNSET = object()

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: object = Lazy._UNSET

    def get(self) -> T:
        """The value, built on the first call."""
        value = self._value
        if value is Lazy._UNSET:
            with self._lock:
                value = self._value
                if value is Lazy._UNSET:
                    value = self._value = self._factory()
        return value  # type: ignore[return-value]
