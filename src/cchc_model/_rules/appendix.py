"""Rules about the appendix rows themselves: numbering, unknown rows, values that do not fit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from cchc_model._base.errors import NumberParseError
from cchc_model._base.lazy import Lazy
from cchc_model._base.numbers import MAX_NUMBER_DIGITS, parse_number
from cchc_model._model.appendix import Appendix, Catalogue, catalogue_2023
from cchc_model._model.index import SubjectIndex
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._rules.engine import Finding, Rule, Severity, Subject
from cchc_model._values.kinds import Ratio, ValueKind

__all__ = ["APPENDIX_RULES", "appendix_and_catalogue", "percent_fractions"]

_CODE = re.compile(r"\d+(?:\.\d+)*\.?")
# A number as parse_number reads it (14.584, 12, 3,5), with a percent sign or not: ASCII only.
_WRITTEN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?")
_FORM = "Biểu thống kê số liệu CCHC kèm báo cáo (mẫu 2023)"
# A letter, or another word character that is no decimal digit.
_LETTER = re.compile(r"[^\W\d_]")


def _where(row: IndicatorValue) -> str:
    return f"Dòng {row.line}: " if row.line is not None else ""


def _where_en(row: IndicatorValue) -> str:
    return f"Line {row.line}: " if row.line is not None else ""


def appendix_and_catalogue(subject: Subject) -> tuple[Appendix, Catalogue] | None:
    """The subject's appendix and its catalogue; ``None`` without either."""
    appendix, catalogue = subject.appendix, subject.index.catalogue
    if appendix is None or catalogue is None:
        return None
    return appendix, catalogue


def _unknown_form(rule: Rule, subject: Subject) -> Iterator[Finding]:
    appendix = subject.appendix
    if appendix is not None and appendix_and_catalogue(subject) is None:
        yield rule.finding(f"{subject.appendix_path}.form", form=appendix.form)


def _plain_codes(catalogue: Catalogue) -> dict[str, str]:
    """The STT the form prints (``"3.1.3."``) by code, for the codes of digits and dots.

    "Trong đó" rows have no STT of their own and are left out.
    """
    return {
        d.code: f"{d.code}."
        for d in catalogue.indicators
        if not d.is_subrow and _PLAIN_CODE.fullmatch(d.code)
    }


_PLAIN_CODE = re.compile(r"\d+(?:\.\d+)*")


class _RowPlan(NamedTuple):
    """What the row walk asks of a code's definition, looked up once per code of a form.

    ``printed`` is the STT the form prints for the code (``None`` for a "Trong đó" row or a
    code that is not digits and dots); ``kind`` the definition's kind of value.
    """

    definition: IndicatorDef
    printed: str | None
    kind: ValueKind


def _row_plans(catalogue: Catalogue) -> dict[str, _RowPlan]:
    """The plan of every code of *catalogue*: one dict lookup per row instead of three."""
    plain = _plain_codes(catalogue)
    return {d.code: _RowPlan(d, plain.get(d.code), d.kind) for d in catalogue.indicators}


# The shipped form's plans, for every validation of a 2023 appendix.
_ROW_PLANS_2023 = Lazy(lambda: _row_plans(catalogue_2023()))


_Misnumbered = list[list[tuple[IndicatorValue, IndicatorDef, str]]]
_Rows = list[tuple[IndicatorValue, IndicatorDef]]


class _RowScan(NamedTuple):
    """What the appendix rules find in one walk over the rows, each rule's rows in order."""

    misnumbered: _Misnumbered
    unknown_codes: list[IndicatorValue]
    wrong_kind: _Rows
    bad_count: _Rows
    off_scale: _Rows
    out_of_range: _Rows
    with_text: _Rows
    #: Percentages between 0 and 1 (``facts.percent_fraction`` reports them).
    fractions: list[IndicatorValue]


def _scan(index: SubjectIndex) -> _RowScan:  # noqa: PLR0915 - one walk over the rows
    """Every row checked once for every appendix rule: one pass instead of one per rule.

    Only the rows a rule reports are kept; their findings are written by the rule itself.
    """
    scan = _RowScan([], [], [], [], [], [], [], [])
    catalogue, appendix = index.catalogue, index.appendix
    if catalogue is None or appendix is None:
        return scan
    plans = _ROW_PLANS_2023.get() if catalogue is catalogue_2023() else _row_plans(catalogue)
    plan_of = plans.get
    runs = scan.misnumbered
    unknown, wrong_kind, bad_count = scan.unknown_codes, scan.wrong_kind, scan.bad_count
    previous = False
    # index.rows, read as they are paired: no other rule walks them, so they are not kept.
    for row in appendix.rows:
        code = row.code
        plan = plan_of(code)
        if plan is None:
            unknown.append(row)
            continue
        definition, printed, kind = plan
        stt = row.stt
        if printed is not None and stt in (printed, code):
            previous = False  # numbered as the form numbers it: what nearly every row is
        elif not definition.is_subrow:
            written = stt.strip()
            if _CODE.fullmatch(written):
                written = written.rstrip(".")
                if written == code:
                    previous = False
                else:
                    if previous and runs and runs[-1][-1][1].parent == definition.parent:
                        runs[-1].append((row, definition, written))
                    else:
                        runs.append([(row, definition, written)])
                    previous = True
        value = row.value
        if value is None:
            continue
        kind_of = type(value)
        if kind_of is str:
            if kind is not _TEXT and kind is not _HEADING:
                wrong_kind.append((row, definition))
            continue
        if kind_of is not int and kind_of is not Decimal:
            if _wrong_kind(definition, value):
                wrong_kind.append((row, definition))
            if not _is_number(value):
                continue
        # A number from here on (the cast of a name costs a call per row).
        number: int | Decimal = value  # type: ignore[assignment]
        if kind is _COUNT or kind is _RATIO:
            if number < 0 or (kind_of is not int and number != int(number)):
                bad_count.append((row, definition))
        elif kind is _CODED:
            scale = definition.scale
            if scale is None or type(number) is not int or number not in scale:
                scan.off_scale.append((row, definition))
        elif kind is _PERCENT:
            if not 0 <= number <= 100:
                scan.out_of_range.append((row, definition))
            elif isinstance(number, Decimal) and 0 < number < 1:
                scan.fractions.append(row)
        raw = row.raw
        if raw and not (raw.isdigit() and raw.isascii() and len(raw) <= MAX_NUMBER_DIGITS) and (
            not _strict(raw)
            and (definition.scale is None or definition.scale.code_of(raw) is None)
        ):
            scan.with_text.append((row, definition))
    return scan


def percent_fractions(index: SubjectIndex) -> list[IndicatorValue]:
    """The rows of percentages whose value lies between 0 and 1, in order."""
    return index.once(_scan).fractions


def _stt(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for run in subject.index.once(_scan).misnumbered:
        row, definition, written = run[0]
        codes = tuple(r.code for r, _, _ in run)
        label = f"“{row.label or definition.label}”"
        if len(run) == 1:
            yield rule.finding(
                subject.code_path(row.code), codes=codes, where=_where(row),
                where_en=_where_en(row), what=f"chỉ tiêu {label}", what_en=f"indicator {label}",
                stt=written, code=row.code, rows="", rows_en="",
            )
            continue
        last_row, _, last_written = run[-1]
        paths = ", ".join(subject.code_path(code) for code in codes)
        lines = f"{row.line}–{last_row.line}" if row.line and last_row.line else ""
        yield rule.finding(
            subject.code_path(row.code), codes=codes,
            where=f"Dòng {lines}: " if lines else "", where_en=f"Lines {lines}: " if lines else "",
            what=f"{len(run)} chỉ tiêu liền nhau, từ chỉ tiêu {label},",
            what_en=f"{len(run)} consecutive indicators, from indicator {label},",
            stt=f"{written}–{last_written}", code=f"{row.code}–{last_row.code}",
            rows=f" (các dòng {paths})", rows_en=f" (rows {paths})",
        )


def _unknown(rule: Rule, subject: Subject) -> Iterator[Finding]:
    appendix = subject.appendix
    if appendix is None:
        return
    for i, row in enumerate(appendix.extra):
        text = " ".join(part for part in (row.stt, row.label) if part) or row.raw
        yield rule.finding(
            f"{subject.appendix_path}.extra[{i}]", codes=(), where=_where(row),
            where_en=_where_en(row), text=text, form=appendix.form,
        )


def _unknown_codes(rule: Rule, subject: Subject) -> Iterator[Finding]:
    appendix = subject.appendix
    if appendix is None:
        return
    for row in subject.index.once(_scan).unknown_codes:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, form=appendix.form,
        )


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _wrong_kind(definition: IndicatorDef, value: object) -> bool:
    kind = definition.kind
    if kind in (ValueKind.TEXT, ValueKind.HEADING):
        return False
    if isinstance(value, str):
        return True
    if isinstance(value, Ratio):
        return kind is not ValueKind.RATIO or value.denominator == 0
    return False


# Enum members looked up once: a member lookup on the class costs as much as a row's test.
_TEXT, _HEADING = ValueKind.TEXT, ValueKind.HEADING
_COUNT, _RATIO, _CODED, _PERCENT = (
    ValueKind.COUNT, ValueKind.RATIO, ValueKind.CODED, ValueKind.PERCENT
)

_KIND_VI = {
    ValueKind.COUNT: "số đếm",
    ValueKind.PERCENT: "tỷ lệ phần trăm",
    ValueKind.RATIO: "tỷ số (ví dụ 12/12) hoặc số đếm",
    ValueKind.CODED: "mã trả lời",
}


def _kind(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for row, definition in subject.index.once(_scan).wrong_kind:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, raw=row.raw or str(row.value),
            kind=_KIND_VI.get(definition.kind, definition.kind.value),
            kind_en=definition.kind.value,
        )


def _count(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for row, _ in subject.index.once(_scan).bad_count:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, raw=row.raw or str(row.value),
        )


def _scale(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for row, definition in subject.index.once(_scan).off_scale:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, raw=row.raw or str(row.value),
            scale=str(definition.scale),
        )


def _percent(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for row, _ in subject.index.once(_scan).out_of_range:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, raw=row.raw or str(row.value),
        )


def _strict(raw: str) -> bool:
    if raw.isascii() and len(raw) <= MAX_NUMBER_DIGITS and _WRITTEN_NUMBER.fullmatch(raw):
        return True  # what parse_number reads at once; most cells are written so
    if _LETTER.search(raw) is not None:
        # A letter stays one however parse_number cleans the text, and no number has one:
        # "7 đơn vị (…)" is refused without the error parse_number would raise.
        return False
    try:
        parse_number(raw.strip().removesuffix("%"))
    except NumberParseError:
        return False
    return True


def _value_text(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for row, _ in subject.index.once(_scan).with_text:
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), where=_where(row),
            where_en=_where_en(row), code=row.code, raw=row.raw, value=row.value,
        )


APPENDIX_RULES: tuple[Rule, ...] = (
    Rule(
        "appendix.unknown_form",
        Severity.ERROR,
        "Không có danh mục chỉ tiêu cho biểu mẫu “{form}”; không kiểm tra được các dòng.",
        check=_unknown_form,
        message_en="No indicator catalogue for form “{form}”; the rows cannot be checked.",
        description="The appendix names a form whose catalogue the library does not have.",
    ),
    Rule(
        "appendix.stt_mismatch",
        Severity.WARNING,
        "{where}{what} ghi số thứ tự {stt} nhưng theo biểu mẫu là {code}{rows}.",
        check=_stt,
        message_en="{where_en}{what_en} is numbered {stt} but is {code} in the form{rows_en}.",
        basis=_FORM,
        description="A row matched its indicator by label, but its STT is another number. "
        "Consecutive misnumbered rows under one heading are one finding listing every row "
        "(the reference report numbers the rows of 1.2 as 1.1.1–1.1.4).",
    ),
    Rule(
        "appendix.unknown_row",
        Severity.WARNING,
        "{where}dòng “{text}” không khớp chỉ tiêu nào của biểu mẫu {form} (hoặc lặp lại một "
        "chỉ tiêu đã có); dòng được giữ nguyên nhưng không được kiểm tra.",
        check=_unknown,
        message_en="{where_en}row “{text}” matches no indicator of form {form} (or repeats "
        "one); it is kept as written but not checked.",
        basis=_FORM,
        description="A row of the table matches no indicator of the form by code and label.",
    ),
    Rule(
        "appendix.unknown_code",
        Severity.ERROR,
        "{where}biểu mẫu {form} không có chỉ tiêu mã {code}; dòng không được kiểm tra.",
        check=_unknown_codes,
        message_en="{where_en}form {form} has no indicator {code}; the row is not checked.",
        basis=_FORM,
        description="A row is keyed by a code the form does not have (a mistyped code such "
        "as ``3.1.4``); rows read from a table that match nothing go to ``extra`` and "
        "``appendix.unknown_row`` instead.",
    ),
    Rule(
        "appendix.value_kind",
        Severity.ERROR,
        "{where}giá trị “{raw}” của chỉ tiêu {code} không phải {kind}.",
        check=_kind,
        message_en="{where_en}value “{raw}” of indicator {code} is not a {kind_en} value.",
        basis=_FORM,
        description="A value is of the wrong kind for its indicator: text where a number "
        "belongs, a ratio where a count or percentage belongs.",
    ),
    Rule(
        "appendix.count",
        Severity.ERROR,
        "{where}số đếm của chỉ tiêu {code} phải là số nguyên không âm, nhưng ghi “{raw}”.",
        check=_count,
        message_en="{where_en}the count of indicator {code} must be a whole, non-negative "
        "number, got “{raw}”.",
        basis=_FORM,
        description="Counts (procedures, persons, units, documents) are whole and "
        "non-negative.",
    ),
    Rule(
        "appendix.coded_scale",
        Severity.ERROR,
        "{where}mã trả lời “{raw}” của chỉ tiêu {code} không thuộc thang mã {scale}.",
        check=_scale,
        message_en="{where_en}coded answer “{raw}” of indicator {code} is not on its scale "
        "{scale}.",
        basis=_FORM,
        description="A coded answer is one of the codes its scale lists.",
    ),
    Rule(
        "appendix.percent_range",
        Severity.ERROR,
        "{where}tỷ lệ “{raw}” của chỉ tiêu {code} nằm ngoài khoảng 0–100%.",
        check=_percent,
        message_en="{where_en}percentage “{raw}” of indicator {code} is outside 0–100%.",
        basis=_FORM,
        description="Percentages lie between 0 and 100.",
    ),
    Rule(
        "appendix.value_text",
        Severity.INFO,
        "{where}ô số liệu của chỉ tiêu {code} có thêm chữ: “{raw}”; lấy số liệu là {value}.",
        check=_value_text,
        message_en="{where_en}the value cell of indicator {code} holds text as well: “{raw}”; "
        "read as {value}.",
        basis=_FORM,
        description="A number was read from a cell that also holds words "
        "(``7 đơn vị (04 phòng chuyên môn và 03 đơn vị trực thuộc)``); the text is kept.",
    ),
)
