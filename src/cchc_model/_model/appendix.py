"""The statistics appendix: the form's catalogue of indicators and the filled-in appendix.

A :class:`Catalogue` lists the rows of one version of the form (``catalogue_2023()`` for the
2023 form) as :class:`~cchc_model.IndicatorDef` values. An :class:`Appendix` is the form as one
report fills it in: :class:`~cchc_model.IndicatorValue` rows keyed by code. The two refer to
each other (``Catalogue.build`` makes an appendix, ``Appendix.catalogue`` is its form), so they
share this module; the rows of each form are data in a module of their own.

Codes follow the STT column without the trailing dot (``1.``, ``3.1.3.`` → ``"1"``,
``"3.1.3"``). The "Trong đó" sub-rows under a row, which the form leaves unnumbered, get the
parent's code and a letter in the order they appear: ``3.1.3.a`` (cấp tỉnh), ``3.1.3.b``
(cấp huyện), ``3.1.3.c`` (cấp xã). A code, once given, never changes meaning within a form;
a later form gets its own catalogue.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

import attrs

from cchc_model._base.checks import of_type, tuple_of
from cchc_model._base.errors import CchcError
from cchc_model._base.lazy import Lazy
from cchc_model._base.mapping import IndexedMapping
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._values.kinds import Value, ValueKind, label_key

__all__ = ["Appendix", "Catalogue", "catalogue", "catalogue_2023"]


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

    form: str = attrs.field(validator=of_type(str))
    indicators: tuple[IndicatorDef, ...] = attrs.field(**tuple_of(IndicatorDef))
    title: str = attrs.field(default="", validator=of_type(str))
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

        Rows given as :class:`IndicatorValue` (alone or as the value of a code) are kept as
        they are; plain values get their
        cells (STT, label, unit, the value as written) from the catalogue. A string is read
        as the row's kind of value is written in Vietnamese (``"1.607"`` is 1607 in a count
        row, ``"33,37%"`` 33.37 in a percentage row, ``"Có"`` 1 on a yes/no scale); a string
        that is not such a value, where the row wants a number, is a
        :class:`~cchc_model.CchcError`.

        .. versionchanged:: 0.2.0
           Strings are read by the row's kind, or refused.

        >>> from cchc_model import Ratio, catalogue_2023
        >>> a = catalogue_2023().build({"3.1.3": 138, "2.1": Ratio(12, 12)})
        >>> list(a), a["3.1.3"].raw, a["2.1"].raw
        (['2.1', '3.1.3'], '138', '12/12')
        >>> b = catalogue_2023().build({"3.1.3": "1.607", "4.2.5": "10,5%", "1.5": "Có"})
        >>> b.value("3.1.3"), b.value("4.2.5"), b.value("1.5")
        (1607, Decimal('10.5'), 1)
        >>> catalogue_2023().build({"3.1.3": "nhiều"})
        Traceback (most recent call last):
        ...
        cchc_model.CchcError: chỉ tiêu 3.1.3 cần số đếm, không đọc được 'nhiều' (indicator 3.1.3 wants a count value, cannot read 'nhiều')
        """  # noqa: E501
        notes = notes or {}
        items = values.items() if isinstance(values, Mapping) else values
        rows: list[IndicatorValue] = []
        for item in items:
            if isinstance(item, IndicatorValue):
                rows.append(item)
                continue
            code, value = item
            if isinstance(value, IndicatorValue):
                rows.append(value)
                continue
            if code not in self._index:
                raise CchcError(
                    f"biểu mẫu {self.form} không có chỉ tiêu {code!r} (unknown indicator code)"
                )
            rows.append(_built_row(self._index[code], value, notes.get(code, "")))
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


_KIND_VI = {
    ValueKind.COUNT: "số đếm",
    ValueKind.PERCENT: "tỷ lệ phần trăm",
    ValueKind.RATIO: "tỷ số hoặc số đếm",
    ValueKind.CODED: "mã trả lời",
    ValueKind.HEADING: "không có giá trị (dòng tiêu đề)",
}


def _built_row(definition: IndicatorDef, value: Value, note: str) -> IndicatorValue:
    """The row of *definition* holding *value*; a string is read by the row's kind."""
    if not isinstance(value, str) or definition.kind is ValueKind.TEXT:
        return definition.row(value, note=note)
    parsed = definition.parse(value)
    if isinstance(parsed, str):
        kind = definition.kind
        raise CchcError(
            f"chỉ tiêu {definition.code} cần {_KIND_VI.get(kind, kind.value)}, "
            f"không đọc được {value!r} "
            f"(indicator {definition.code} wants a {kind.value} value, cannot read {value!r})"
        )
    return attrs.evolve(definition.row(parsed, note=note), raw=value.strip())


def _bare(row: IndicatorValue) -> bool:
    """Whether *row* was given without its STT, label and unit cells."""
    return not (row.stt or row.label or row.unit)


def _with_cells(rows: tuple[IndicatorValue, ...], form: str) -> tuple[IndicatorValue, ...]:
    """*rows*, each bare row of a code the form has given the form's cells.

    STT, label and unit as the form prints them, and the value as the form writes it when no
    text was given (:meth:`IndicatorDef.row`), so that the row is written and read back as it
    is. A row whose code the form lacks, or of an unknown form, is kept as given.
    """
    for row in rows:
        if not (row.stt or row.label or row.unit):  # _bare, without a call per row
            break
    else:
        return rows  # rows read from a document have their cells: one look at each
    factory = _CATALOGUES.get(form)
    if factory is None:
        return rows
    definitions = factory()
    return tuple(_filled(row, definitions.get(row.code)) if _bare(row) else row for row in rows)


def _filled(row: IndicatorValue, definition: IndicatorDef | None) -> IndicatorValue:
    if definition is None:
        return row
    form = definition.row(row.value)
    return attrs.evolve(
        row, stt=form.stt, label=form.label, unit=form.unit, raw=row.raw or form.raw
    )


_ROWS_HINT = "dùng Catalogue.build({mã: giá trị}) (use Catalogue.build({code: value}))"


@attrs.frozen
class Appendix(IndexedMapping[IndicatorValue]):
    """The statistics appendix: a read-only mapping from indicator code to its value.

    The rows keep their order in the document. ``form`` names the catalogue the codes belong
    to (:func:`~cchc_model.catalogue`). ``extra`` holds the rows that match no indicator of
    the form (or repeat one already read), kept as written so nothing is lost; their ``code``
    is their STT without the trailing dot, and validation reports them.

    >>> a = Appendix((IndicatorValue("3.1.3", 138),))
    >>> a["3.1.3"].value
    138
    >>> list(a)
    ['3.1.3']

    A row given without its STT, label and unit (a bare value, as above) gets the form's
    when the appendix is made, and the value as the form writes it when no text was given,
    so it is written, and read back, as a row of the form:

    >>> a["3.1.3"].stt, a["3.1.3"].label, a["3.1.3"].unit, a["3.1.3"].raw
    ('3.1.3.', 'Tổng số TTHC đang có hiệu lực', 'Thủ tục', '138')
    >>> from cchc_model import read_appendix, write_appendix
    >>> read_appendix(write_appendix(a)) == a
    True

    A row whose code the form does not have is kept as given (validation reports it as
    ``appendix.unknown_code``).

    .. versionchanged:: 0.2.0
       Rows given without their cells get the form's.
    """

    rows: tuple[IndicatorValue, ...] = attrs.field(
        default=(), **tuple_of(IndicatorValue, hint=_ROWS_HINT)
    )
    title: str = attrs.field(default="", validator=of_type(str))
    form: str = attrs.field(default="2023", validator=of_type(str))
    extra: tuple[IndicatorValue, ...] = attrs.field(
        default=(), **tuple_of(IndicatorValue, hint=_ROWS_HINT)
    )
    # Made after the fields are checked, so a wrong row is a TypeError naming the field.
    _index: dict[str, IndicatorValue] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        rows = _with_cells(self.rows, self.form)
        if rows is not self.rows:
            object.__setattr__(self, "rows", rows)
        index = {row.code: row for row in rows}
        if len(index) != len(rows):
            seen: set[str] = set()
            code = next(row.code for row in rows if row.code in seen or seen.add(row.code))  # type: ignore[func-returns-value]
            raise CchcError(f"mã chỉ tiêu bị trùng (duplicate indicator code): {code!r}")
        object.__setattr__(self, "_index", index)

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of :attr:`form`; a :class:`~cchc_model.CchcError` for an unknown form."""
        return catalogue(self.form)

    def _repr_html_(self) -> str:
        """The table as a notebook shows it, rows with validation findings highlighted."""
        from cchc_model._render import render_html  # noqa: PLC0415 - an adapter, on display
        from cchc_model._rules.default import validate  # noqa: PLC0415 - a layer above

        return render_html(self, findings=validate(self), standalone=False)

    def value(self, code: str) -> Value:
        """The value of *code*, or ``None`` when the row is absent or blank.

        A code the form does not have is a :class:`KeyError`, so a mistyped code is not
        taken for a blank row.

        .. versionchanged:: 0.2.0
           A :class:`KeyError` for a code the form does not have.

        >>> a = Appendix((IndicatorValue("3.1.3", 138),))
        >>> a.value("3.1.3"), a.value("3.1.1") is None
        (138, True)
        >>> a.value("3.1.4")
        Traceback (most recent call last):
        ...
        KeyError: "biểu mẫu 2023 không có chỉ tiêu '3.1.4' (form 2023 has no indicator '3.1.4')"
        """
        row = self._index.get(code)
        if row is not None:
            return row.value
        factory = _CATALOGUES.get(self.form)
        if factory is not None and code not in factory():
            raise KeyError(
                f"biểu mẫu {self.form} không có chỉ tiêu {code!r} "
                f"(form {self.form} has no indicator {code!r})"
            )
        return None


# --- versions ----------------------------------------------------------------------------


def _build_2023() -> Catalogue:
    from cchc_model._model.form_2023 import indicators  # noqa: PLC0415 - data, read on first use

    return Catalogue("2023", indicators())


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
    cchc_model.CchcError: không có danh mục chỉ tiêu cho biểu mẫu '1999' (unknown form); có: 2023
    """
    try:
        factory = _CATALOGUES[form]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_CATALOGUES))
        raise CchcError(
            f"không có danh mục chỉ tiêu cho biểu mẫu {form!r} (unknown form); có: {known}"
        ) from None
    return factory()
