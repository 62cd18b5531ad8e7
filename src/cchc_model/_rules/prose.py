"""Rules comparing figures stated in prose with the same figures in the appendix."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_model._model.facts import CountFact, TotalFact
from cchc_model._rules.engine import Finding, Rule, Severity, Subject
from cchc_model._rules.messages import number_for_message
from cchc_model._values.kinds import label_key

__all__ = ["PROSE_RULES"]

_TTHC_UNITS = frozenset({"tthc", "thủ tục", "thủ tục hành chính"})
_TTHC_BY_LEVEL = {"cấp tỉnh": "3.1.3.a", "cấp huyện": "3.1.3.b", "cấp xã": "3.1.3.c"}


def _count_facts(subject: Subject) -> Iterator[tuple[str, int | None, CountFact]]:
    """Every count stated in the prose, with its fact's path and its place in a total.

    The place is ``None`` for a count on its own, ``-1`` for a total and the part's position
    for a part; it is written into the path only for a finding.
    """
    for path, fact in subject.index.facts:
        if isinstance(fact, CountFact):
            yield path, None, fact
        elif isinstance(fact, TotalFact):
            yield path, -1, fact.total
            for j, part in enumerate(fact.parts):
                yield path, j, part


def _count_path(path: str, part: int | None) -> str:
    if part is None:
        return path
    return f"{path}.total" if part < 0 else f"{path}.parts[{part}]"


def _states_the_level(fact: CountFact) -> bool:
    """Whether *fact* gives the count of a level ("cấp tỉnh là 103", "cấp huyện: 19").

    "Rà soát 12 thủ tục hành chính cấp huyện" counts some procedures of the level (those
    reviewed), not all of them: the level follows the counted thing instead of leading the
    number. A fact built by hand, without its phrase, is taken as stated.
    """
    return not fact.text or label_key(fact.text).startswith(label_key(fact.label))


def _tthc_by_level(rule: Rule, subject: Subject) -> Iterator[Finding]:
    appendix = subject.appendix
    if appendix is None or appendix.form != "2023":
        return
    # Prose counts a few kinds of things many times over: each unit's key is worked out once.
    keys: dict[str, str] = {}
    for path, part, fact in _count_facts(subject):
        unit = fact.unit
        key = keys.get(unit)
        if key is None:
            key = keys[unit] = label_key(unit)
        if key not in _TTHC_UNITS:
            continue
        code = _TTHC_BY_LEVEL.get(label_key(fact.label))
        if code is None or not _states_the_level(fact):
            continue
        value = appendix.value(code)
        if isinstance(value, int) and not isinstance(value, bool) and value != fact.value:
            yield rule.finding(
                _count_path(path, part), codes=(code,), level=fact.label,
                stated=number_for_message(fact.value), code=code, value=number_for_message(value),
            )


PROSE_RULES: tuple[Rule, ...] = (
    Rule(
        "prose.tthc_by_level",
        Severity.ERROR,
        "Báo cáo nêu số TTHC {level} là {stated}, phụ lục ghi {value} ({code}).",
        check=_tthc_by_level,
        message_en="The report states {stated} procedures at {level} level; the appendix has "
        "{value} ({code}).",
        codes=("3.1.3.a", "3.1.3.b", "3.1.3.c"),
        basis="Biểu thống kê số liệu CCHC kèm báo cáo (mẫu 2023), dòng 3.1.3",
        description="A count of procedures by level stated in the prose (\"cấp tỉnh là 103\") "
        "equals the appendix row 3.1.3.a–c of that level.",
    ),
)
