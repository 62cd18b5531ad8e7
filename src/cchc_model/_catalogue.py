"""The indicator catalogue: what each row of a statistics appendix form means.

A :class:`Catalogue` lists the rows of one version of the form (``catalogue_2023()`` for the
2023 form) as :class:`IndicatorDef` values: the code, the Vietnamese and English labels, the
unit, the kind of value, the coded scale of a coded answer, the parent row and how the figure
aggregates across reporting units.

Codes follow the STT column without the trailing dot (``1.``, ``3.1.3.`` → ``"1"``,
``"3.1.3"``). The "Trong đó" sub-rows under a row, which the form leaves unnumbered, get the
parent's code and a letter in the order they appear: ``3.1.3.a`` (cấp tỉnh), ``3.1.3.b``
(cấp huyện), ``3.1.3.c`` (cấp xã). A code, once given, never changes meaning within a form;
a later form gets its own catalogue.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from cchc_model._appendix import Appendix, IndicatorValue, Ratio, Value
from cchc_model._errors import CchcError, NumberParseError
from cchc_model._lazy import Lazy
from cchc_model._mapping import IndexedMapping
from cchc_model._numbers import parse_number

__all__ = [
    "Aggregation",
    "Catalogue",
    "CodedScale",
    "IndicatorDef",
    "ValueKind",
    "catalogue",
    "catalogue_2023",
    "format_value",
    "label_key",
    "parse_value",
]


class ValueKind(enum.Enum):
    """What kind of value a row holds."""

    #: A whole, non-negative number of things (procedures, persons, units): ``138``.
    COUNT = "count"
    #: A percentage, in percent points: ``95%`` is ``Decimal(95)``.
    PERCENT = "percent"
    #: Done of planned, written ``12/12``; a plain count is accepted too.
    RATIO = "ratio"
    #: A coded answer on a :class:`CodedScale`: ``Không = 0 Có = 1``.
    CODED = "coded"
    #: Free text.
    TEXT = "text"
    #: A heading that groups the rows under it; it holds no value of its own.
    HEADING = "heading"


class Aggregation(enum.Enum):
    """How the figures of many reporting units combine into one."""

    #: Add the figures up (counts).
    SUM = "sum"
    #: Add numerators and denominators up and recompute the ratio (``12/12`` + ``3/4`` = ``15/16``).
    RATIO = "ratio"
    #: The figures do not combine (coded answers, text, percentages whose terms the form
    #: does not ask for): recompute them from the merged data instead.
    NONE = "none"


@attrs.frozen
class CodedScale:
    """The choices of a coded answer, in the order the form writes them.

    >>> scale = CodedScale.parse("Chưa = 0 Đang làm = 1 Hoàn thành = 2")
    >>> scale.codes
    (0, 1, 2)
    >>> scale.label(2)
    'Hoàn thành'
    >>> str(scale)
    'Chưa = 0 Đang làm = 1 Hoàn thành = 2'
    >>> scale.code_of("đang làm")
    1
    """

    choices: tuple[tuple[str, int], ...]

    _CHOICE = re.compile(r"\s*(.+?)\s*=\s*(\d+)")

    @classmethod
    def parse(cls, text: str) -> CodedScale:
        """Read a scale as the form writes it: ``"Không = 0 Có = 1"``."""
        choices = tuple((m.group(1), int(m.group(2))) for m in cls._CHOICE.finditer(text))
        if not choices or cls._CHOICE.sub("", text).strip():
            raise CchcError(f"thang mã không hợp lệ (invalid coded scale): {text!r}")
        return cls(choices)

    @property
    def codes(self) -> tuple[int, ...]:
        """The codes, in the order written."""
        return tuple(code for _, code in self.choices)

    def label(self, code: int) -> str:
        """The label of *code*; :class:`KeyError` when the scale has no such code."""
        for label, value in self.choices:
            if value == code:
                return label
        raise KeyError(code)

    def code_of(self, label: str) -> int | None:
        """The code of the choice labelled *label* (case and spacing ignored), or ``None``."""
        key = label_key(label)
        for text, code in self.choices:
            if label_key(text) == key:
                return code
        return None

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __str__(self) -> str:
        return " ".join(f"{label} = {code}" for label, code in self.choices)


@attrs.frozen
class IndicatorDef:
    """One row of the statistics appendix form.

    ``unit`` is the unit of the quantity as a Vietnamese label (``"Thủ tục"``, ``"Người"``,
    ``"%"``; empty for coded answers, text and headings). ``form_unit`` is what the form
    prints in its *Đơn vị tính* column, which is the unit, the coded scale, or sometimes
    another word. ``hint`` is the explanation the form adds in italics after the label.
    ``parts`` are the codes of the "Trong đó" rows that add up to this row;
    ``parts_complete`` says whether they add up to all of it or to a part of it.

    >>> from cchc_model import catalogue_2023
    >>> d = catalogue_2023()["3.1.3"]
    >>> d.label, d.unit, d.kind.value, d.parts
    ('Tổng số TTHC đang có hiệu lực', 'Thủ tục', 'count', ('3.1.3.a', '3.1.3.b', '3.1.3.c'))
    >>> d.stt
    '3.1.3.'
    """

    code: str
    label: str
    label_en: str
    kind: ValueKind
    unit: str = ""
    scale: CodedScale | None = None
    aggregation: Aggregation = Aggregation.NONE
    form_unit: str = ""
    hint: str = ""
    parts: tuple[str, ...] = ()
    parts_complete: bool = True

    @property
    def parent(self) -> str | None:
        """The code of the row this one sits under (``"3.1"`` for ``"3.1.3"``), or ``None``."""
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None

    @property
    def is_subrow(self) -> bool:
        """Whether this is a "Trong đó" row (its code ends with a letter)."""
        return self.code[-1].isalpha()

    @property
    def stt(self) -> str:
        """The STT the form prints: ``"3.1.3."``; ``"Trong đó"`` on a first sub-row, else ``""``."""
        if self.is_subrow:
            return "Trong đó" if self.code.endswith(".a") else ""
        return f"{self.code}."

    def parse(self, raw: str) -> Value:
        """The value that *raw*, written in this row, stands for; never raises.

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["7.6"].parse("14.584"), c["2.1"].parse("12/12"), c["4.2.5"].parse("10%")
        (14584, Ratio(numerator=12, denominator=12), Decimal('10'))
        >>> c["1.2.1"].parse("7 đơn vị (04 phòng chuyên môn và 03 đơn vị trực thuộc)")
        7
        >>> c["1.4.2"].parse("Kết hợp"), c["3.1.1"].parse("2,5"), c["3.1.1"].parse("nhiều")
        (2, Decimal('2.5'), 'nhiều')
        """
        return parse_value(raw, self.kind, self.scale)

    def format(self, value: Value) -> str:
        """*value* as the form writes it in this row (``14584`` → ``"14.584"``).

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["7.6"].format(14584), c["4.2.5"].format(Decimal("10")), c["2.1"].format(Ratio(12, 12))
        ('14.584', '10%', '12/12')
        """
        return format_value(value, self.kind)

    def fits(self, value: Value) -> bool:
        """Whether *value* is a proper value of this row (blank always fits).

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["3.1.3"].fits(138), c["3.1.3"].fits(Decimal("2.5")), c["1.5"].fits(3)
        (True, False, False)
        """
        if value is None:
            return True
        kind = self.kind
        if kind is ValueKind.COUNT:
            return type(value) is int and value >= 0
        if kind is ValueKind.RATIO:
            if isinstance(value, Ratio):
                return value.numerator >= 0 and value.denominator > 0
            return type(value) is int and value >= 0
        if kind is ValueKind.PERCENT:
            return isinstance(value, int | Decimal) and 0 <= value <= 100
        if kind is ValueKind.CODED:
            return type(value) is int and self.scale is not None and value in self.scale
        return kind is ValueKind.TEXT

    def aggregate(self, values: Iterable[Value]) -> Value:
        """The figure of many units combined, by :attr:`aggregation`; blanks are skipped.

        >>> from cchc_model import catalogue_2023
        >>> c = catalogue_2023()
        >>> c["3.1.3"].aggregate([138, None, 12]), c["2.1"].aggregate([Ratio(12, 12), Ratio(3, 4)])
        (150, Ratio(numerator=15, denominator=16))
        """
        present = [value for value in values if value is not None]
        if not present:
            return None
        if self.aggregation is Aggregation.SUM:
            numbers = [v for v in present if isinstance(v, int | Decimal)]
            if len(numbers) != len(present):
                raise CchcError(f"không cộng được chỉ tiêu {self.code} (cannot add up values)")
            total: int | Decimal = sum(numbers)
            return total
        if self.aggregation is Aggregation.RATIO:
            ratios = [v for v in present if isinstance(v, Ratio)]
            if len(ratios) != len(present):
                raise CchcError(f"không cộng được tỷ số {self.code} (cannot add up ratios)")
            return Ratio(
                sum(v.numerator for v in ratios), sum(v.denominator for v in ratios)
            )
        raise CchcError(f"chỉ tiêu {self.code} không cộng dồn được (not aggregable)")

    def row(self, value: Value = None, *, note: str = "") -> IndicatorValue:
        """An appendix row for this indicator, its cells filled as the form writes them.

        >>> from cchc_model import catalogue_2023
        >>> catalogue_2023()["7.6"].row(14584)
        IndicatorValue(code='7.6', value=14584, raw='14.584', note='', label='Số liệu về trao đổi văn bản điện tử', unit='', stt='7.6.', line=None)
        """  # noqa: E501
        label = f"{self.label} {self.hint}" if self.hint else self.label
        return IndicatorValue(
            self.code, value, raw=self.format(value), note=note, label=label,
            unit=self.form_unit, stt=self.stt,
        )


def _catalogue_index(instance: Catalogue) -> dict[str, IndicatorDef]:
    index: dict[str, IndicatorDef] = {}
    for definition in instance.indicators:
        if definition.code in index:
            raise CchcError(f"mã chỉ tiêu bị trùng (duplicate indicator code): {definition.code!r}")
        index[definition.code] = definition
    return index


def _label_index(instance: Catalogue) -> dict[str, tuple[IndicatorDef, ...]]:
    index: dict[str, list[IndicatorDef]] = {}
    for definition in instance.indicators:
        keys = {label_key(definition.label)}
        if definition.hint:
            keys.add(label_key(f"{definition.label} {definition.hint}"))
        for key in keys:
            index.setdefault(key, []).append(definition)
    return {key: tuple(defs) for key, defs in index.items()}


@attrs.frozen
class Catalogue(IndexedMapping[IndicatorDef]):
    """The rows of one version of the form: a read-only mapping code → :class:`IndicatorDef`.

    >>> from cchc_model import catalogue_2023
    >>> c = catalogue_2023()
    >>> c.form, c["2.1"].label_en
    ('2023', 'Legal normative documents issued or drafted for issue')
    >>> [d.code for d in c.match_label("Số TTHC cấp huyện:")]
    ['3.1.3.b']
    >>> c.children("3.1")
    ('3.1.1', '3.1.2', '3.1.3')
    """

    form: str
    indicators: tuple[IndicatorDef, ...]
    title: str = ""
    _index: dict[str, IndicatorDef] = attrs.field(
        init=False, repr=False, eq=False, hash=False,
        default=attrs.Factory(_catalogue_index, takes_self=True),
    )
    _labels: dict[str, tuple[IndicatorDef, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False,
        default=attrs.Factory(_label_index, takes_self=True),
    )
    _order: dict[str, int] = attrs.field(
        init=False, repr=False, eq=False, hash=False,
        default=attrs.Factory(
            lambda self: {d.code: i for i, d in enumerate(self.indicators)}, takes_self=True
        ),
    )

    def children(self, code: str) -> tuple[str, ...]:
        """The codes of the rows directly under *code*, in form order."""
        return self._children.get(code, ())

    @functools.cached_property
    def _children(self) -> dict[str | None, tuple[str, ...]]:
        # Reading a table asks for children row by row: index them once.
        found: dict[str | None, list[str]] = {}
        for definition in self.indicators:
            found.setdefault(definition.parent, []).append(definition.code)
        return {parent: tuple(codes) for parent, codes in found.items()}

    def match_label(self, label: str) -> tuple[IndicatorDef, ...]:
        """The indicators whose label is *label*, ignoring case, spacing, markup and end marks."""
        return self._labels.get(label_key(label), ())

    def position(self, code: str) -> int:
        """Where *code* sits in the form (for sorting); unknown codes sort last."""
        return self._order.get(code, len(self._order))

    def build(
        self,
        values: Mapping[str, Value] | Iterable[IndicatorValue | tuple[str, Value]],
        *,
        notes: Mapping[str, str] | None = None,
        title: str = "",
    ) -> Appendix:
        """An appendix of this form from values by code, rows in form order.

        Rows given as :class:`IndicatorValue` are kept as they are; plain values get their
        cells (STT, label, unit, the value as written) from the catalogue.

        >>> from cchc_model import catalogue_2023
        >>> a = catalogue_2023().build({"3.1.3": 138, "2.1": Ratio(12, 12)})
        >>> list(a), a["3.1.3"].raw, a["2.1"].raw
        (['2.1', '3.1.3'], '138', '12/12')
        """
        notes = notes or {}
        items = values.items() if isinstance(values, Mapping) else values
        rows: list[IndicatorValue] = []
        for item in items:
            if isinstance(item, IndicatorValue):
                rows.append(item)
                continue
            code, value = item
            if code not in self._index:
                raise CchcError(
                    f"biểu mẫu {self.form} không có chỉ tiêu {code!r} (unknown indicator code)"
                )
            rows.append(self._index[code].row(value, note=notes.get(code, "")))
        rows.sort(key=lambda row: self.position(row.code))
        return Appendix(tuple(rows), title=title or self.title, form=self.form)

    def to_markdown(self) -> str:
        """The catalogue as a Markdown table (the docs render it from here)."""
        lines = [
            "| Mã | STT | Chỉ tiêu | Indicator | Đơn vị tính | Loại | Cộng dồn |",
            "|---|---|---|---|---|---|---|",
        ]
        for d in self.indicators:
            unit = str(d.scale) if d.scale is not None else d.unit
            label = f"{d.label} *{d.hint}*" if d.hint else d.label
            cells = (
                f"`{d.code}`", d.stt, label, d.label_en, unit, d.kind.value, d.aggregation.value,
            )
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return f"<Catalogue {self.form}: {len(self.indicators)} indicators>"


_TAG = re.compile(r"</?(?:b|i|u|em|strong)\s*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_END_MARKS = " \t:.;,"


# Tables repeat the form's labels row for row and unit for unit: remember the recent keys.
@functools.lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The form of a label used to compare labels: NFC, no markup, casefolded, one space.

    >>> label_key("  <b>Số TTHC  cấp tỉnh:</b> ") == label_key("số tthc cấp tỉnh")
    True
    """
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    text = _TAG.sub("", text).replace("**", "")
    return _SPACE.sub(" ", text).strip(_END_MARKS).casefold()


# --- values ------------------------------------------------------------------------------

_RATIO = re.compile(r"(\d+)\s*/\s*(\d+)")
_LEADING_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s+\D.*")


def _number(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except NumberParseError:
        return None


def _whole(number: Decimal) -> int | Decimal:
    return int(number) if number == number.to_integral_value() else number


def parse_value(raw: str, kind: ValueKind, scale: CodedScale | None = None) -> Value:
    """What *raw* means in a row of *kind*; text that fits no number is kept as text.

    Never raises: a value that does not fit its row is returned as best typed, and
    validation reports it.

    >>> parse_value("00", ValueKind.COUNT), parse_value("95%", ValueKind.PERCENT)
    (0, Decimal('95'))
    >>> parse_value("", ValueKind.COUNT) is None
    True
    >>> parse_value("Huyện thực hiện", ValueKind.PERCENT)
    'Huyện thực hiện'
    """
    text = raw.strip()
    if not text:
        return None
    if kind is ValueKind.TEXT:
        return text
    ratio = _RATIO.fullmatch(text)
    if ratio is not None and len(text) <= 40:
        return Ratio(int(ratio.group(1)), int(ratio.group(2)))
    is_percent = text.endswith("%")
    number = _number(text[:-1] if is_percent else text)
    if number is not None:
        if kind is ValueKind.PERCENT or is_percent:
            return number
        return _whole(number)
    if kind is ValueKind.CODED and scale is not None:
        code = scale.code_of(text)
        if code is not None:
            return code
    if kind in (ValueKind.COUNT, ValueKind.RATIO):
        leading = _LEADING_NUMBER.fullmatch(text)
        if leading is not None:
            number = _number(leading.group(1))
            if number is not None:
                return _whole(number)
    return text


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def _format_number(number: int | Decimal) -> str:
    text = format(number, "f") if isinstance(number, Decimal) else str(number)
    sign = "-" if text.startswith("-") else ""
    integer, _, fraction = text.lstrip("-").partition(".")
    body = _group(integer)
    return f"{sign}{body},{fraction}" if fraction else f"{sign}{body}"


def format_value(value: Value, kind: ValueKind) -> str:
    """*value* written the Vietnamese way for a row of *kind*: the inverse of :func:`parse_value`.

    >>> format_value(14584, ValueKind.COUNT), format_value(Decimal("33.37"), ValueKind.PERCENT)
    ('14.584', '33,37%')
    >>> format_value(Decimal("-1234.5"), ValueKind.COUNT), format_value(None, ValueKind.COUNT)
    ('-1.234,5', '')
    """
    if value is None:
        return ""
    if isinstance(value, Ratio):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not an appendix value")
    text = _format_number(value)
    return f"{text}%" if kind is ValueKind.PERCENT else text


# --- versions ----------------------------------------------------------------------------


def _build_2023() -> Catalogue:
    from cchc_model._catalogue_2023 import build  # noqa: PLC0415 - data, read on first use

    return build()


_CATALOGUE_2023 = Lazy(_build_2023)


def catalogue_2023() -> Catalogue:
    """The catalogue of the 2023 form, built on first use.

    .. versionadded:: 0.1.0

    >>> len(catalogue_2023()) > 100
    True
    """
    return _CATALOGUE_2023.get()


_CATALOGUES = {"2023": catalogue_2023}


def catalogue(form: str) -> Catalogue:
    """The catalogue of *form* (``"2023"``), as :attr:`Appendix.form` names it.

    >>> catalogue("2023") is catalogue_2023()
    True
    >>> catalogue("1999")
    Traceback (most recent call last):
    ...
    cchc_model._errors.CchcError: không có danh mục chỉ tiêu cho biểu mẫu '1999' (unknown form); có: 2023
    """  # noqa: E501
    try:
        factory = _CATALOGUES[form]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_CATALOGUES))
        raise CchcError(
            f"không có danh mục chỉ tiêu cho biểu mẫu {form!r} (unknown form); có: {known}"
        ) from None
    return factory()
