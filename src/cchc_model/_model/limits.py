"""The one nesting limit of a report, which reading, writing and rendering all honour.

Sections nest (``I`` → ``1`` → ``a``…); printed reports go three or four levels down. A
deeper report is refused by :func:`~cchc_model.load`, :func:`~cchc_model.dumps` and every
renderer alike, with a :class:`~cchc_model.StructureError` naming the first section too deep,
instead of a :class:`RecursionError` from one of them.
"""

from __future__ import annotations

from cchc_model._base.errors import StructureError
from cchc_model._model.report import Report, Section

__all__ = ["MAX_SECTION_DEPTH", "check_depth"]

#: Deepest nesting of sections a report may have (a top-level section is depth 1).
MAX_SECTION_DEPTH = 32


def check_depth(report: Report) -> None:
    """Raise :class:`~cchc_model.StructureError` if *report* nests sections too deeply.

    .. versionadded:: 0.2.0

    >>> from cchc_model import Header
    >>> section = Section("a", "x")
    >>> for _ in range(MAX_SECTION_DEPTH):
    ...     section = Section("a", "x", subsections=(section,))
    >>> check_depth(Report(Header("SỞ X"), sections=(section,)))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cchc_model.StructureError: $.sections[0].subsections[0]...: các mục lồng quá 32 cấp (sections nested more than 32 deep)
    """  # noqa: E501
    pending: list[tuple[Section, int, str]] = [
        (section, 1, f"$.sections[{i}]") for i, section in enumerate(report.sections)
    ]
    while pending:
        section, depth, path = pending.pop()
        if depth > MAX_SECTION_DEPTH:
            raise StructureError(
                f"các mục lồng quá {MAX_SECTION_DEPTH} cấp "
                f"(sections nested more than {MAX_SECTION_DEPTH} deep)",
                path=path,
            )
        pending.extend(
            (sub, depth + 1, f"{path}.subsections[{i}]")
            for i, sub in enumerate(section.subsections)
        )
