"""Rules relating appendix rows to each other: totals and parts, done and planned, and more.

Each relation is data: the codes whose sum is compared (``left``), the codes it is compared
with (``right``, plus an optional constant) and whether they must be equal or ``left`` may
not exceed ``right``. Only relations that follow from the form's own definitions are here;
each rule names its basis.

Blank rows are not zeros. A relation whose one side is entirely blank says nothing. When
some contributors are blank, a relation is still reported when the figures given already
break it (a partial sum of parts above its total); otherwise ``relations.incomplete`` names
the blank rows instead of comparing. A blank total that the catalogue breaks down into
complete parts stands for the sum of those parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

import attrs

from cchc_model._base.lazy import Lazy
from cchc_model._model.appendix import Appendix, Catalogue, catalogue_2023
from cchc_model._model.index import SubjectIndex
from cchc_model._rules.appendix import appendix_and_catalogue
from cchc_model._rules.engine import Finding, Rule, Severity, Subject
from cchc_model._rules.messages import number_for_message
from cchc_model._values.kinds import Ratio, ValueKind

__all__ = ["RELATION_RULES", "Relation", "relations_2023"]

_FORM = "Biểu thống kê số liệu CCHC kèm báo cáo (mẫu 2023)"
_ND60 = "Nghị định 60/2021/NĐ-CP, Điều 9 (bốn nhóm tự chủ tài chính của ĐVSNCL)"


@attrs.frozen
class Relation:
    """``sum(left) == sum(right) + constant`` (``equal``) or ``sum(left) <= …``.

    ``anchor`` is the row a finding points at (the first of ``left`` by default).
    """

    left: tuple[str, ...]
    right: tuple[str, ...]
    equal: bool = False
    constant: Decimal = Decimal(0)
    anchor: str = ""

    @property
    def at(self) -> str:
        """The code a finding about this relation points at."""
        return self.anchor or self.left[0]

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code the relation reads."""
        return (*self.left, *self.right)

    def __str__(self) -> str:
        right = " + ".join(self.right)
        if self.constant:
            constant = number_for_message(self.constant)
            right = f"{right} + {constant}" if right else constant
        return f"{' + '.join(self.left)} {'=' if self.equal else '≤'} {right}"


def _number(value: object) -> int | Decimal | None:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    return None


class _Unusable(Exception):  # noqa: N818 - control flow, never leaves this module
    """A value of the wrong kind: the kind rules report it, the relation stays silent."""


class _Side(NamedTuple):
    """One side of a relation: its codes (blank totals expanded), their figures, their sum."""

    codes: tuple[str, ...]
    values: tuple[int | Decimal | None, ...]
    constant: Decimal
    present: int | Decimal
    missing: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return bool(self.codes) and len(self.missing) == len(self.codes)

    def describe(self) -> str:
        shown = [(c, v) for c, v in zip(self.codes, self.values, strict=True) if v is not None]
        names = [c for c, _ in shown]
        figures = [number_for_message(v) for _, v in shown]
        if self.constant:
            names.append(number_for_message(self.constant))
            figures.append(number_for_message(self.constant))
        if len(figures) == 1:
            return figures[0] if not shown else f"{names[0]} = {figures[0]}"
        present = number_for_message(self.present)
        return f"{' + '.join(names)} = {' + '.join(figures)} = {present}"


#: The value of a code in the appendix being validated (``Appendix.value``).
_Values = Callable[[str], object]
_ZERO = Decimal(0)
_ABSENT = object()
# Whole figures below this add up exactly in a decimal however many a side has.
_SMALL = 10**18
_new = tuple.__new__  # a _Side without its generated __new__


def _side(codes: tuple[str, ...], given: Callable[[str], object], value: _Values,
          catalogue: Catalogue, constant: Decimal = _ZERO) -> _Side:
    """The side of *codes*: a blank total whose complete parts are not all blank is its parts.

    *given* looks a code up among the appendix's rows (``None`` when it has none), *value*
    is ``Appendix.value``, for the rest. Raises :class:`_Unusable` for a figure of the wrong
    kind.
    """
    # Nearly every side is whole numbers, all given, well below the 28 digits a decimal
    # holds, with no constant: summed as integers, then made a decimal once, which is exactly
    # what adding them to zero one by one gives. Read from the rows' values, without a call
    # of *value* per code.
    if not constant and not constant.adjusted():  # a plain zero, Decimal(0)
        whole = 0
        for code in codes:
            figure = given(code)
            if type(figure) is not int or not -_SMALL < figure < _SMALL:
                break
            whole += figure
        else:
            return _new(_Side, (codes, tuple(map(given, codes)), constant, constant + whole, ()))
    numbers: list[int | Decimal] = []
    present: int | Decimal = constant
    for code in codes:
        figure = given(code)
        kind = type(figure)
        if kind is not int and kind is not Decimal:
            # A blank or another kind of figure: read the side again, expanding blank totals.
            return _expanded_side(codes, value, catalogue, constant)
        numbers.append(figure)  # type: ignore[arg-type]
        present = present + figure  # type: ignore[operator]
    return _Side(tuple(codes), tuple(numbers), constant, present, ())


def _expanded_side(codes: Iterable[str], value: _Values, catalogue: Catalogue,
                   constant: Decimal) -> _Side:
    """:func:`_side` for a side with a blank or a figure that is not a plain number."""
    expanded: list[str] = []
    given: list[object] = []
    for code in codes:
        figure = value(code)
        if figure is None:
            definition = catalogue.get(code)
            if definition is not None and definition.parts and definition.parts_complete:
                parts = definition.parts
                figures = [value(part) for part in parts]
                if any(f is not None for f in figures):
                    expanded.extend(parts)
                    given.extend(figures)
                    continue
        expanded.append(code)
        given.append(figure)
    numbers: list[int | Decimal | None] = []
    missing: list[str] = []
    present: int | Decimal = constant
    for code, figure in zip(expanded, given, strict=True):
        if figure is None:
            numbers.append(None)
            missing.append(code)
            continue
        number = figure if type(figure) is int or type(figure) is Decimal else _number(figure)
        if number is None:
            raise _Unusable(code)
        numbers.append(number)
        present = present + number
    return _Side(tuple(expanded), tuple(numbers), constant, present, tuple(missing))


def _verdict(relation: Relation, left: _Side, right: _Side) -> str:
    """``"ok"``, ``"broken"`` (the figures given break it) or ``"incomplete"``."""
    if left.blank or (right.blank and not right.constant):
        return "ok"
    lo, ro = left.present, right.present
    left_done, right_done = not left.missing, not right.missing
    if relation.equal:
        if lo == ro:
            return "ok"
        # Blank contributors can only make a side larger.
        if (lo > ro and right_done) or (ro > lo and left_done):
            return "broken"
        return "incomplete"
    if lo <= ro:
        return "ok"
    return "broken" if right_done else "incomplete"


def relations_2023(catalogue: Catalogue) -> dict[str, tuple[Relation, ...]]:
    """The relations of the 2023 form by rule id; breakdowns come from *catalogue*."""
    breakdowns = tuple(
        Relation((d.code,), d.parts, equal=True)
        if d.parts_complete
        else Relation(d.parts, (d.code,), anchor=d.code)
        for d in catalogue.indicators
        if d.parts
    )
    ratio_rows = tuple(d.code for d in catalogue.indicators if d.kind is ValueKind.RATIO)
    return {
        "appendix.breakdown_sum": breakdowns,
        "tasks.plan_done": (Relation(("1.1.2",), ("1.1.1",)),),
        "inspection.resolved_found": (Relation(("1.2.4",), ("1.2.3",)),),
        "institutions.handled_proposed": (Relation(("2.5",), ("2.4",)),),
        "institutions.proposed_reviewed": (Relation(("2.4",), ("2.2", "2.3")),),
        "staff.present_assigned": (
            Relation(("4.2.2",), ("4.2.1",)),
            Relation(("4.3.2",), ("4.3.1",)),
        ),
        # 6.1–6.4 count the units already assigned financial autonomy (lũy kế): at most all
        # of them; the remainder are units not yet assigned a group.
        "sncl.autonomy_groups": (
            Relation(("6.1", "6.2", "6.3", "6.4"), ("4.1.4",), anchor="6.1"),
        ),
        "sncl.job_positions": (Relation(("5.1.2",), ("4.1.4",)),),
        "tthc.portal_online": (Relation(("3.5.2",), ("3.5.1",)),),
        "tthc.in_force": tuple(
            Relation((code,), ("3.1.3",)) for code in ("3.3.1", "3.3.2", "3.5.1", "3.5.2")
        ),
        # The services online on the provincial portal (3.5.2) are among all online services
        # (7.8.1 một phần, 7.8.2 toàn trình), which also count those run on national systems.
        "egov.online_levels": (Relation(("3.5.2",), ("7.8.1", "7.8.2")),),
        "egov.document_shares": (
            Relation(("7.6.2.a", "7.6.2.b"), (), constant=Decimal(100)),
        ),
        # Filled by the ratio rule itself: a ratio is one cell, not a sum of rows.
        "appendix.ratio_bound": tuple(Relation((code,), ()) for code in ratio_rows),
    }


# Built once for the shipped 2023 catalogue: every rule of every validation asks for it.
_RELATIONS_2023 = Lazy(lambda: relations_2023(catalogue_2023()))


def _relations_of(catalogue: Catalogue) -> dict[str, tuple[Relation, ...]]:
    return _RELATIONS_2023.get() if catalogue is catalogue_2023() else relations_2023(catalogue)


_Judged = tuple[str, _Side, _Side] | None


def _judge(relation: Relation, given: Callable[[str], object], value: _Values,
           catalogue: Catalogue) -> _Judged:
    """The verdict on *relation* with both sides, or ``None`` when a side is unusable."""
    try:
        left = _side(relation.left, given, value, catalogue)
        right = _side(relation.right, given, value, catalogue, relation.constant)
    except _Unusable:
        return None
    return (_verdict(relation, left, right), left, right)


_Verdicts = dict[str, tuple[tuple[Relation, _Judged], ...]]


def _verdicts(index: SubjectIndex) -> _Verdicts:
    """Every relation of the appendix's form judged, by rule id: several rules read each.

    One walk for the whole family: the appendix's values are looked up in one dict built
    for this validation.
    """
    appendix, catalogue = index.appendix, index.catalogue
    if appendix is None or catalogue is None:
        return {}
    values = {row.code: row.value for row in appendix.rows}
    given = values.get

    def value(code: str) -> object:
        figure = given(code, _ABSENT)
        # A code without a row is blank, or not the form's (Appendix.value says which).
        return appendix.value(code) if figure is _ABSENT else figure

    relations = _relations_of(catalogue)
    wanted = relations if catalogue.form == "2023" else {
        "appendix.breakdown_sum": relations.get("appendix.breakdown_sum", ())
    }
    return {
        rule_id: tuple(
            (relation, _judge(relation, given, value, catalogue)) for relation in found
        )
        for rule_id, found in wanted.items()
        # Ratios are one cell each, checked by their own rule.
        if rule_id != "appendix.ratio_bound"
    }


def _check_relations(rule: Rule, subject: Subject) -> Iterator[Finding]:
    found = appendix_and_catalogue(subject)
    if found is None:
        return
    catalogue = found[1]
    if catalogue.form != "2023" and rule.id != "appendix.breakdown_sum":
        return
    for relation, judged in subject.index.once(_verdicts).get(rule.id, ()):
        if judged is not None and judged[0] == "broken":
            _, left, right = judged
            yield rule.finding(
                subject.code_path(relation.at),
                codes=relation.codes,
                left=left.describe(),
                right=right.describe(),
            )


def _check_incomplete(rule: Rule, subject: Subject) -> Iterator[Finding]:
    found = appendix_and_catalogue(subject)
    if found is None or found[1].form != "2023":
        return
    for rule_id, judgements in subject.index.once(_verdicts).items():
        for relation, judged in judgements:
            if judged is not None and judged[0] == "incomplete":
                _, left, right = judged
                yield rule.finding(
                    subject.code_path(relation.at),
                    codes=relation.codes,
                    relation=str(relation),
                    rule_id=rule_id,
                    missing=", ".join((*left.missing, *right.missing)),
                )


def _autonomy_remainder(rule: Rule, subject: Subject) -> Iterator[Finding]:
    found = appendix_and_catalogue(subject)
    if found is None or found[1].form != "2023":
        return
    for relation, judged in subject.index.once(_verdicts).get("sncl.autonomy_groups", ()):
        if judged is None:
            continue
        verdict, left, right = judged
        if verdict != "ok" or left.blank or right.blank or left.missing or right.missing:
            continue
        rest = right.present - left.present
        if rest > 0:
            yield rule.finding(
                subject.code_path(relation.at), codes=relation.codes, rest=number_for_message(rest),
                left=left.describe(), right=right.describe(),
            )


def _check_ratios(rule: Rule, subject: Subject) -> Iterator[Finding]:
    found = appendix_and_catalogue(subject)
    if found is None:
        return
    appendix, catalogue = found
    shipped = catalogue is catalogue_2023()
    for code in _RATIO_CODES_2023.get() if shipped else _ratio_codes(catalogue):
        value = appendix.value(code)
        if isinstance(value, Ratio) and value.numerator > value.denominator:
            yield rule.finding(
                subject.code_path(code), codes=(code,), code=code, ratio=str(value),
            )


def _ratio_codes(catalogue: Catalogue) -> tuple[str, ...]:
    """The codes of the rows of *catalogue* that hold a ratio, in order."""
    return tuple(d.code for d in catalogue.indicators if d.kind is ValueKind.RATIO)


# The shipped form's, for every validation of a 2023 appendix.
_RATIO_CODES_2023 = Lazy(lambda: _ratio_codes(catalogue_2023()))


_IN_TIME = re.compile(
    r"(?<!\d)(\d+)\s+(?:nhiệm\s+vụ\s+)?(?:đang\s+(?:còn\s+)?trong\s+hạn|chưa\s+đến\s+hạn)",
    re.IGNORECASE,
)
_TASK_ROWS = ("1.3.1", "1.3.2", "1.3.3")


def in_time_count(appendix: Appendix) -> tuple[str, int] | None:
    """The code and count of the note "12 đang trong hạn" on a row of 1.3, if any.

    >>> from cchc_model import catalogue_2023
    >>> a = catalogue_2023().build({"1.3.2": 126}, notes={"1.3.2": "12 đang trong hạn"})
    >>> in_time_count(a)
    ('1.3.2', 12)
    """
    for code in _TASK_ROWS:
        row = appendix.get(code)
        if row is None:
            continue
        match = _IN_TIME.search(row.note)
        if match is not None:
            return code, int(match.group(1))
    return None


_Tasks = tuple[int, int, int, tuple[str, int] | None] | None


def _tasks(subject: Subject) -> _Tasks:
    """Assigned, on time, late, and the note's in-time count, when all three rows are given.

    Read once per validation for the two rules that compare them.
    """
    return subject.index.once(_tasks_of)


def _tasks_of(index: SubjectIndex) -> _Tasks:
    appendix, catalogue = index.appendix, index.catalogue
    if appendix is None or catalogue is None or catalogue.form != "2023":
        return None
    numbers = [_number(appendix.value(code)) for code in _TASK_ROWS]
    if any(n is None or n != int(n) for n in numbers):
        return None
    assigned, on_time, late = (int(n) for n in numbers if n is not None)
    return assigned, on_time, late, in_time_count(appendix)


def _assigned_done(rule: Rule, subject: Subject) -> Iterator[Finding]:
    tasks = _tasks(subject)
    if tasks is None:
        return
    assigned, on_time, late, note = tasks
    pending = 0 if note is None else note[1]
    if on_time + late + pending > assigned:
        extra = f" + {pending} đang trong hạn (ghi chú {note[0]})" if note else ""
        extra_en = f" + {pending} still within their deadline (note on {note[0]})" if note else ""
        yield rule.finding(
            subject.code_path("1.3.1"), on_time=on_time, late=late, extra=extra,
            extra_en=extra_en, total=on_time + late + pending, assigned=assigned,
        )


def _assigned_unaccounted(rule: Rule, subject: Subject) -> Iterator[Finding]:
    tasks = _tasks(subject)
    if tasks is None:
        return
    assigned, on_time, late, note = tasks
    if note is None:
        return
    code, pending = note
    rest = assigned - on_time - late - pending
    if rest > 0:
        yield rule.finding(
            subject.code_path("1.3.1"), codes=(*_TASK_ROWS,), assigned=assigned,
            on_time=on_time, late=late, pending=pending, code=code, rest=rest,
        )


def _relation_rule(  # noqa: PLR0917 - a table of rules reads best positionally
    rule_id: str,
    severity: Severity,
    message: str,
    message_en: str,
    codes: tuple[str, ...],
    basis: str,
    description: str,
) -> Rule:
    return Rule(rule_id, severity, message, check=_check_relations, message_en=message_en,
                codes=codes, basis=basis, description=description)


_RELATIONS: tuple[Rule, ...] = (
    _relation_rule(
        "appendix.breakdown_sum",
        Severity.ERROR,
        "Chỉ tiêu {left} không khớp tổng các dòng “Trong đó” {right}.",
        "Indicator {left} does not match its “Trong đó” rows {right}.",
        ("3.1.3", "3.1.3.a", "3.1.3.b", "3.1.3.c", "4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c"),
        f"{_FORM}: các dòng “Trong đó” (3.1.3: cấp tỉnh, huyện, xã; 4.1.4: ĐVSNCL theo cơ quan "
        "quản lý)",
        "A total equals the sum of its \"Trong đó\" rows (the catalogue's parts): "
        "3.1.3 = tỉnh + huyện + xã, 4.1.4 = units under the province, its departments and its "
        "districts; a partial breakdown does not exceed its total.",
    ),
    _relation_rule(
        "tasks.plan_done",
        Severity.ERROR,
        "Số nhiệm vụ đã hoàn thành {left} lớn hơn số nhiệm vụ đề ra trong kế hoạch {right}.",
        "Tasks completed {left} exceed the tasks set in the plan {right}.",
        ("1.1.1", "1.1.2"),
        f"{_FORM}, dòng 1.1.1–1.1.2",
        "The tasks of the plan completed (1.1.2) are among the tasks it set (1.1.1).",
    ),
    Rule(
        "tasks.assigned_done",
        Severity.ERROR,
        "Nhiệm vụ hoàn thành đúng hạn {on_time} + quá hạn {late}{extra} = {total} lớn hơn "
        "tổng số nhiệm vụ được giao {assigned} (1.3.1).",
        check=_assigned_done,
        message_en="Tasks done on time {on_time} + late {late}{extra_en} = {total} exceed the "
        "tasks assigned {assigned} (1.3.1).",
        codes=_TASK_ROWS,
        basis=f"{_FORM}, dòng 1.3.1–1.3.3",
        description="Tasks completed on time (1.3.2) and late (1.3.3), with those the note "
        "says are still within their deadline (\"12 đang trong hạn\"), are among the tasks "
        "assigned (1.3.1).",
    ),
    Rule(
        "tasks.assigned_unaccounted",
        Severity.WARNING,
        "Được giao {assigned} nhiệm vụ, hoàn thành đúng hạn {on_time}, quá hạn {late}, ghi chú "
        "{code} nêu {pending} đang trong hạn: còn {rest} nhiệm vụ chưa được nêu (chưa hoàn "
        "thành và đã quá hạn?).",
        check=_assigned_unaccounted,
        message_en="{assigned} tasks assigned, {on_time} done on time, {late} late, the note "
        "on {code} says {pending} are within their deadline: {rest} tasks are not accounted for "
        "(unfinished and overdue?).",
        codes=_TASK_ROWS,
        basis=f"{_FORM}, dòng 1.3.1–1.3.3",
        description="When the note states how many assigned tasks are still within their "
        "deadline, done and pending make up the tasks assigned; the rest would be overdue "
        "tasks the report does not mention.",
    ),
    _relation_rule(
        "inspection.resolved_found",
        Severity.ERROR,
        "Số vấn đề đã xử lý xong {left} lớn hơn số vấn đề phát hiện qua kiểm tra {right}.",
        "Issues resolved {left} exceed the issues found by inspection {right}.",
        ("1.2.3", "1.2.4"),
        f"{_FORM}, dòng 1.2.3–1.2.4",
        "The issues resolved (1.2.4) are among the issues the inspections found (1.2.3).",
    ),
    _relation_rule(
        "institutions.handled_proposed",
        Severity.ERROR,
        "Số VBQPPL có kiến nghị đã xử lý xong {left} lớn hơn số VBQPPL đã kiến nghị xử lý "
        "{right}.",
        "Legal documents handled {left} exceed those proposed for handling {right}.",
        ("2.4", "2.5"),
        f"{_FORM}, dòng 2.4–2.5",
        "Documents whose proposed handling is done (2.5) are among those proposed (2.4).",
    ),
    _relation_rule(
        "institutions.proposed_reviewed",
        Severity.ERROR,
        "Số VBQPPL đã kiến nghị xử lý {left} lớn hơn số VBQPPL đã kiểm tra và rà soát {right}.",
        "Legal documents proposed for handling {left} exceed those checked and screened "
        "{right}.",
        ("2.2", "2.3", "2.4"),
        f"{_FORM}, dòng 2.2–2.4 (kiến nghị xử lý “sau kiểm tra, rà soát”)",
        "Documents proposed for handling after checking or screening (2.4) are among those "
        "checked (2.2) or screened (2.3).",
    ),
    Rule(
        "appendix.ratio_bound",
        Severity.WARNING,
        "Chỉ tiêu {code} ghi {ratio}: số đã thực hiện lớn hơn số kế hoạch.",
        check=_check_ratios,
        message_en="Indicator {code} reads {ratio}: more done than planned.",
        codes=("2.1",),
        basis=f"{_FORM}, dòng 2.1 (đã ban hành/kế hoạch)",
        description="A ratio row (2.1, issued of planned) has its numerator at most its "
        "denominator; more is possible (unplanned documents) but should be explained.",
    ),
    _relation_rule(
        "staff.present_assigned",
        Severity.WARNING,
        "Số có mặt {left} lớn hơn số được giao {right}.",
        "Staff in post {left} exceed the posts assigned {right}.",
        ("4.2.1", "4.2.2", "4.3.1", "4.3.2"),
        f"{_FORM}, dòng 4.2.1–4.2.2 và 4.3.1–4.3.2",
        "Civil servants in post (4.2.2) do not exceed the posts assigned (4.2.1), nor staff "
        "of public service units (4.3.2 ≤ 4.3.1); more is over-quota staffing to explain.",
    ),
    _relation_rule(
        "sncl.autonomy_groups",
        Severity.ERROR,
        "Số ĐVSNCL đã được giao tự chủ theo bốn nhóm {left} nhiều hơn tổng số ĐVSNCL "
        "{right}.",
        "Public service units assigned an autonomy group {left} outnumber the public service "
        "units {right}.",
        ("4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c", "6.1", "6.2", "6.3", "6.4"),
        f"{_ND60}; {_FORM}, dòng 4.1.4 và 6.1–6.4",
        "Rows 6.1–6.4 count the units already assigned financial autonomy in one of the four "
        "groups (lũy kế), so together they are at most the number of units (4.1.4, or its "
        "\"Trong đó\" rows when 4.1.4 is blank); the remainder are units not yet assigned a "
        "group. Equitized units (6.5) are no longer public service units.",
    ),
    _relation_rule(
        "sncl.job_positions",
        Severity.WARNING,
        "Số đơn vị sự nghiệp đã phê duyệt vị trí việc làm {left} lớn hơn số ĐVSNCL {right}.",
        "Public service units with approved job positions {left} exceed the number of units "
        "{right}.",
        ("4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c", "5.1.2"),
        f"{_FORM}, dòng 4.1.4 và 5.1.2",
        "The units with approved job positions (5.1.2) are among the public service units "
        "(4.1.4).",
    ),
    _relation_rule(
        "tthc.portal_online",
        Severity.WARNING,
        "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC tỉnh {left} lớn hơn số TTHC được tích hợp "
        "lên Cổng {right}.",
        "Procedures offered at level 3 or 4 on the provincial portal {left} exceed the "
        "procedures integrated with the portal {right}.",
        ("3.5.1", "3.5.2"),
        f"{_FORM}, dòng 3.5.1–3.5.2",
        "A procedure offered online on the provincial portal (3.5.2) is integrated with it "
        "(3.5.1).",
    ),
    _relation_rule(
        "tthc.in_force",
        Severity.WARNING,
        "Chỉ tiêu {left} lớn hơn tổng số TTHC đang có hiệu lực {right}.",
        "Indicator {left} exceeds the procedures in force {right}.",
        ("3.1.3", "3.3.1", "3.3.2", "3.5.1", "3.5.2"),
        f"{_FORM}, dòng 3.1.3, 3.3.1–3.3.2, 3.5.1–3.5.2",
        "Procedures handled jointly (3.3.1, 3.3.2) or put on the provincial portal (3.5.1, "
        "3.5.2) are procedures in force (3.1.3).",
    ),
    _relation_rule(
        "egov.online_levels",
        Severity.WARNING,
        "Số dịch vụ công trực tuyến trên Cổng DVC tỉnh {left} nhiều hơn tổng số dịch vụ công "
        "trực tuyến một phần và toàn trình {right}.",
        "Online public services on the provincial portal {left} outnumber all partly and "
        "end-to-end online services {right}.",
        ("3.5.2", "7.8.1", "7.8.2"),
        f"{_FORM}, dòng 3.5.2 và 7.8.1–7.8.2; Nghị định 42/2022/NĐ-CP, Điều 11 (dịch vụ công "
        "trực tuyến toàn trình và một phần, thay cho mức độ 3, 4 của Nghị định 43/2011/NĐ-CP)",
        "The form's rows 7.8.1 (mức độ 3) and 7.8.2 (mức độ 4) are, since Nghị định "
        "42/2022/NĐ-CP, the services online in part (một phần) and end to end (toàn trình). "
        "They count every online service, those run on national or ministry systems too, so "
        "the services on the provincial portal (3.5.2) are at most their sum. More is "
        "possible only through a counting mistake: a warning.",
    ),
    _relation_rule(
        "egov.document_shares",
        Severity.ERROR,
        "Tỷ lệ văn bản gửi hoàn toàn điện tử và gửi điện tử song song văn bản giấy {left} "
        "vượt quá {right}%.",
        "Shares of documents sent fully electronically and alongside paper {left} exceed "
        "{right}%.",
        ("7.6.2", "7.6.2.a", "7.6.2.b"),
        f"{_FORM}, các dòng “Trong đó” của 7.6.2",
        "The two shares of outgoing documents (fully electronic; electronic alongside paper) "
        "are of disjoint sets, so they add up to at most 100%.",
    ),
)

RELATION_RULES: tuple[Rule, ...] = (
    *_RELATIONS,
    Rule(
        "sncl.autonomy_remainder",
        Severity.INFO,
        "Còn {rest} ĐVSNCL chưa được giao tự chủ theo một trong bốn nhóm: {left} trên tổng "
        "số {right}.",
        check=_autonomy_remainder,
        message_en="{rest} public service units are not yet assigned an autonomy group: "
        "{left} of {right}.",
        codes=("4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c", "6.1", "6.2", "6.3", "6.4"),
        basis=f"{_ND60}; {_FORM}, dòng 4.1.4 và 6.1–6.4",
        description="When every group row and the number of units are given and the groups "
        "count fewer units, the remainder is the units not yet assigned financial autonomy "
        "(information: the groups are counted lũy kế).",
    ),
    Rule(
        "relations.incomplete",
        Severity.INFO,
        "Không kiểm tra được {relation} ({rule_id}): thiếu số liệu {missing}.",
        check=_check_incomplete,
        message_en="Cannot check {relation} ({rule_id}): {missing} blank.",
        codes=tuple(dict.fromkeys(c for rule in _RELATIONS for c in rule.codes)),
        basis=_FORM,
        description="A relation between rows that the figures given neither confirm nor "
        "break, because some of its rows are blank: the blank rows are named instead.",
    ),
)
