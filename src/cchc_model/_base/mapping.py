"""A read-only mapping answered from a private ``_index`` dict.

:class:`~cchc_model.Appendix` and :class:`~cchc_model.Catalogue` are mappings from indicator
code to their rows. ``Mapping``'s own ``get`` and ``in`` go through ``__getitem__`` and catch
``KeyError``; the rules ask them often, so they ask the dict directly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar, overload

__all__ = ["IndexedMapping"]

V = TypeVar("V")
_T = TypeVar("_T")


class IndexedMapping(Mapping[str, V]):
    """A mapping whose subclass provides ``_index``, a dict from code to value."""

    __slots__ = ()
    _index: dict[str, V]

    def __getitem__(self, code: str) -> V:
        return self._index[code]

    @overload
    def get(self, code: str) -> V | None: ...
    @overload
    def get(self, code: str, default: V | _T) -> V | _T: ...
    def get(self, code: str, default: object = None) -> object:
        """The value of *code*, or *default* when there is none."""
        return self._index.get(code, default)

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
