"""The one nesting limit of a report, which reading, writing and rendering all honour.

Sections nest (``I`` → ``1`` → ``a``…); printed reports go three or four levels down. A
deeper report is refused by :func:`~cchc_model.load`, :func:`~cchc_model.dumps` and every
renderer alike, with a :class:`~cchc_model.StructureError` naming the first section too deep,
instead of a :class:`RecursionError` from one of them.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from cchc_model._base.errors import StructureError
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report, Section

__all__ = ["MAX_SECTION_DEPTH", "UNWRITABLE", "check_depth", "check_writable"]

#: What no text of a report may hold: control characters but tab and line feed (lxml refuses
#: most of them in a Word document, a table would split at others), lone surrogates (no UTF-8
#: for them), U+FFFE and U+FFFF (not characters).
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: Deepest nesting of sections a report may have (a top-level section is depth 1).
MAX_SECTION_DEPTH = 32


def check_depth(report: Report) -> None:
    """Raise :class:`~cchc_model.StructureError` if *report* nests sections too deeply.

    >>> from cchc_model import Header
    >>> section = Section("a", "x")
    >>> for _ in range(MAX_SECTION_DEPTH):
    ...     section = Section("a", "x", subsections=(section,))
    >>> check_depth(Report(Header("SỞ X"), sections=(section,)))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cchc_model.StructureError: $.sections[0].subsections[0]...: các mục lồng quá 32 cấp (sections nested more than 32 deep)
    """  # noqa: E501
    # Levels are walked without paths (most reports are three or four deep); the path of the
    # first section too deep is found only when there is one.
    level: tuple[Section, ...] = report.sections
    depth = 1
    while level:
        if depth > MAX_SECTION_DEPTH:
            raise StructureError(
                f"các mục lồng quá {MAX_SECTION_DEPTH} cấp "
                f"(sections nested more than {MAX_SECTION_DEPTH} deep)",
                path=_first_too_deep(report),
            )
        level = tuple(sub for section in level for sub in section.subsections)
        depth += 1


def _first_too_deep(report: Report) -> str:
    """The JSON path of a section nested deeper than the limit, the first a walk meets."""
    pending: list[tuple[Section, int, str]] = [
        (section, 1, f"$.sections[{i}]") for i, section in enumerate(report.sections)
    ]
    while pending:
        section, depth, path = pending.pop()
        if depth > MAX_SECTION_DEPTH:
            return path
        pending.extend(
            (sub, depth + 1, f"{path}.subsections[{i}]")
            for i, sub in enumerate(section.subsections)
        )
    return "$"


def check_writable(document: Report | Appendix) -> None:
    r"""Raise :class:`~cchc_model.StructureError` if a text of *document* cannot be written.

    The path is the field's JSON path (``$.sections[0].paragraphs[2].text``). Renderers and
    :func:`~cchc_model.dumps` call it, so a report built in Python with such a character
    fails with this error, not with lxml's :class:`ValueError` or an unencodable string.

    >>> from cchc_model import Header
    >>> check_writable(Report(Header("SỞ\x01X")))
    Traceback (most recent call last):
    ...
    cchc_model.StructureError: $.header.agency: văn bản chứa ký tự không ghi được U+0001 tại vị trí 2 (text holds an unwritable character)
    """  # noqa: E501
    if isinstance(document, Report):
        check_depth(document)
    pending: list[tuple[Any, str]] = [(document, "$")]
    search = UNWRITABLE.search
    while pending:
        value, path = pending.pop()
        if isinstance(value, str):
            bad = search(value)
            if bad is not None:
                raise StructureError(
                    f"văn bản chứa ký tự không ghi được U+{ord(bad.group()):04X} tại vị trí "
                    f"{bad.start()} (text holds an unwritable character)",
                    path=path,
                )
        elif isinstance(value, tuple):
            pending.extend((item, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))
        elif attrs.has(type(value)):
            pending.extend(
                (getattr(value, field.name), f"{path}.{field.name}")
                for field in reversed(attrs.fields(type(value)))
            )
