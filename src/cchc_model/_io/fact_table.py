"""Fact tables: the figures of many units in long form, as Arrow tables and Parquet files.

One row per unit and appendix value (``kind="values"``), per figure stated in a report's
prose (``kind="facts"``) and per citation (``kind="citations"``), each row carrying the unit,
the form and the period, so that many units and many years can be queried together. Parquet
files written by :func:`write_fact_table` are what DuckDB reads with
``SELECT … FROM 'facts/**/*.parquet'``, and what Spark or Dask read when a country's reports
outgrow one machine. pyarrow is the optional extra ``table``; it is imported on first use.
"""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from cchc_model._base.errors import CchcError, InputError
from cchc_model._base.periods import ReportingPeriod
from cchc_model._model.appendix import Appendix, Catalogue, catalogue
from cchc_model._model.facts import (
    CountFact,
    Fact,
    MoneyFact,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._model.indicators import IndicatorDef
from cchc_model._model.report import Report
from cchc_model._values.kinds import Ratio
from cchc_model._values.references import ReferenceMatch

__all__ = ["TableKind", "fact_table", "write_fact_table"]

TableKind = Literal["values", "facts", "citations"]

_KINDS: tuple[TableKind, ...] = ("values", "facts", "citations")
_INT64 = 2**63 - 1
#: Units folded into one Arrow record batch before it is written.
_BATCH_UNITS = 500


def _pyarrow() -> Any:
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")  # the Parquet writer, as pyarrow.parquet
        importlib.import_module("pyarrow.compute")  # partitions, as pyarrow.compute
    except ImportError:
        raise InputError(
            "cần pyarrow để làm bảng dữ kiện: pip install 'cchc-model[table]' "
            "(fact tables need pyarrow, the 'table' extra)"
        ) from None
    return pyarrow


# --- columns -------------------------------------------------------------------------------

_PERIOD = (
    ("unit", "string"), ("form", "string"), ("period_kind", "string"), ("year", "int32"),
    ("period_label", "string"), ("data_start", "date32"), ("data_end", "date32"),
)
_COLUMNS: dict[TableKind, tuple[tuple[str, str], ...]] = {
    "values": (
        *_PERIOD,
        ("code", "string"), ("label", "string"), ("kind", "string"), ("number", "float64"),
        ("value", "string"), ("numerator", "int64"), ("denominator", "int64"),
        ("raw", "string"), ("note", "string"), ("fits", "bool_"),
    ),
    "facts": (
        *_PERIOD,
        ("path", "string"), ("fact", "int32"), ("part", "int32"), ("type", "string"),
        ("number", "float64"), ("exact", "string"), ("numerator", "float64"),
        ("denominator", "float64"), ("measure", "string"), ("label", "string"),
        ("text", "string"),
    ),
    "citations": (
        *_PERIOD,
        ("path", "string"), ("start", "int32"), ("end", "int32"), ("text", "string"),
        ("citation", "string"), ("doc_type", "string"), ("doc_number", "int64"),
        ("doc_year", "int32"), ("symbol", "string"), ("number_symbol", "string"),
        ("issued_on", "date32"), ("issuer", "string"), ("subject", "string"),
    ),
}


def _schema(pa: Any, kind: TableKind) -> Any:
    return pa.schema([(name, getattr(pa, type_name)()) for name, type_name in _COLUMNS[kind]])


def _exact(value: int | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _int64(value: int) -> int | None:
    return value if -_INT64 - 1 <= value <= _INT64 else None


_HEAD = tuple(name for name, _ in _PERIOD)


class _Builder:
    """Rows of one kind of table, until they are turned into an Arrow record batch.

    The unit and period columns are the same for all the rows of a unit: they are added a
    unit at a time (:meth:`head`); the other cells go in one tuple per row.
    """

    def __init__(self, kind: TableKind) -> None:
        self.kind = kind
        self.body_names = tuple(name for name, _ in _COLUMNS[kind])[len(_HEAD):]
        self.head_columns: dict[str, list[object]] = {name: [] for name in _HEAD}
        self.body: list[tuple[object, ...]] = []
        self._forms: dict[int, tuple[Catalogue, dict[str, tuple[IndicatorDef, str, str]]]] = {}

    @property
    def rows(self) -> int:
        return len(self.body)

    def definitions(self, definitions: Catalogue) -> dict[str, tuple[IndicatorDef, str, str]]:
        """Each code's definition, label and kind name, looked up once per form."""
        known = self._forms.get(id(definitions))
        if known is None or known[0] is not definitions:
            index = {d.code: (d, d.label, d.kind.value) for d in definitions.indicators}
            known = self._forms[id(definitions)] = (definitions, index)
        return known[1]

    def head(self, count: int, unit: str, form: str, period: ReportingPeriod | None) -> None:
        """The unit and period columns of the *count* rows just added."""
        columns = self.head_columns
        columns["unit"] += [unit] * count
        columns["form"] += [form] * count
        if period is None:
            for name in _HEAD[2:]:
                columns[name] += [None] * count
        else:
            columns["period_kind"] += [period.kind.value] * count
            columns["year"] += [period.year] * count
            columns["period_label"] += [period.label] * count
            columns["data_start"] += [period.data_start] * count
            columns["data_end"] += [period.data_end] * count

    def batch(self, pa: Any) -> Any:
        columns: dict[str, Any] = dict(self.head_columns)
        cells = list(zip(*self.body, strict=True)) or [() for _ in self.body_names]
        columns.update(zip(self.body_names, cells, strict=True))
        batch = pa.RecordBatch.from_pydict(columns, schema=_schema(pa, self.kind))
        self.head_columns = {name: [] for name in _HEAD}
        self.body = []
        return batch


def _form_of(appendix: Appendix, given: Catalogue | None) -> Catalogue | None:
    if given is not None and given.form == appendix.form:
        return given
    try:
        return catalogue(appendix.form)
    except CchcError:
        return None


def _add_values(builder: _Builder, unit: str, appendix: Appendix,
                period: ReportingPeriod | None, definitions: Catalogue | None) -> None:
    index = {} if definitions is None else builder.definitions(definitions)
    body = builder.body
    before = len(body)
    for row in appendix.rows:
        value = row.value
        if value is None and not row.note:
            continue
        known = index.get(row.code)
        definition, label, kind = known if known is not None else (None, row.label, None)
        fits = definition is not None and value is not None and definition.fits(value)
        if type(value) is int:
            body.append((row.code, label, kind, float(value), str(value), None, None,
                         row.raw, row.note, fits))
        elif type(value) is Decimal:
            body.append((row.code, label, kind, float(value), format(value, "f"), None, None,
                         row.raw, row.note, fits))
        elif isinstance(value, Ratio):
            body.append((row.code, label, kind, None, str(value), _int64(value.numerator),
                         _int64(value.denominator), row.raw, row.note, fits))
        else:
            body.append((row.code, label, kind, None, value, None, None, row.raw, row.note,
                         fits))
    for row in appendix.extra:
        value = row.value
        if value is None and not row.note:
            continue
        number = float(value) if isinstance(value, int | Decimal) else None
        exact = _exact(value) if isinstance(value, int | Decimal) else (
            None if value is None else str(value))
        ratio = value if isinstance(value, Ratio) else None
        body.append((
            row.code, row.label, None, number, exact,
            None if ratio is None else _int64(ratio.numerator),
            None if ratio is None else _int64(ratio.denominator), row.raw, row.note, False,
        ))
    builder.head(len(body) - before, unit, appendix.form, period)


def _fact_rows(fact: Fact) -> Iterator[tuple[str, int | Decimal | None, Decimal | None,
                                            Decimal | None, str, str, str]]:
    """``(type, number, numerator, denominator, measure, label, text)`` of a fact."""
    if isinstance(fact, CountFact):
        yield "count", fact.value, None, None, fact.unit, fact.label, fact.text
    elif isinstance(fact, PercentFact):
        yield "percent", fact.value, None, None, "%", fact.label, fact.text
    elif isinstance(fact, MoneyFact):
        yield "money", fact.vnd, None, None, "đồng", fact.label, fact.text
    elif isinstance(fact, RatioFact):
        yield "ratio", None, fact.numerator, fact.denominator, fact.unit, fact.label, fact.text
    elif isinstance(fact, RateFact):
        yield ("rate", fact.stated, fact.numerator, fact.denominator, fact.unit, fact.label,
               fact.text)
    elif isinstance(fact, TotalFact):
        total = fact.total
        yield "total", total.value, None, None, total.unit, fact.label or total.label, fact.text
        for part in fact.parts:
            yield "count", part.value, None, None, part.unit, part.label, part.text


def _add_facts(builder: _Builder, unit: str, report: Report, form: str,
               period: ReportingPeriod | None) -> None:
    body = builder.body
    before = len(body)
    for path, paragraph in report.paragraphs():
        for index, fact in enumerate(paragraph.facts):
            for part, row in enumerate(_fact_rows(fact)):
                kind, number, numerator, denominator, measure, label, text = row
                body.append((
                    path, index, None if part == 0 else part - 1, kind,
                    None if number is None else float(number),
                    None if number is None else _exact(number),
                    None if numerator is None else float(numerator),
                    None if denominator is None else float(denominator),
                    measure, label, text,
                ))
    builder.head(len(body) - before, unit, form, period)


def _add_citations(builder: _Builder, unit: str, report: Report, form: str,
                   period: ReportingPeriod | None) -> None:
    body = builder.body
    before = len(body)
    for path, paragraph in report.paragraphs():
        match: ReferenceMatch
        for match in paragraph.references:
            ref = match.ref
            body.append((
                path, match.start, match.end, match.text, str(ref),
                None if ref.doc_type is None else ref.doc_type.value, _int64(ref.number),
                ref.year, ref.symbol, ref.number_symbol, ref.issued_on, ref.issuer,
                ref.subject,
            ))
    builder.head(len(body) - before, unit, form, period)


def _pairs(units: Mapping[str, Report | Appendix] | Iterable[tuple[str, Report | Appendix]]
           ) -> Iterator[tuple[str, Report | Appendix]]:
    items = units.items() if isinstance(units, Mapping) else units
    for pair in items:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError("takes a mapping of unit names to units, or (name, unit) pairs")
        name, target = pair
        if not isinstance(name, str):
            raise TypeError(f"a unit's name must be a str, not {type(name).__name__}")
        if not isinstance(target, Report | Appendix):
            raise TypeError(
                f"takes a Report or an Appendix for {name!r}, not {type(target).__name__}"
            )
        yield name, target


def _add(builders: Mapping[TableKind, _Builder], name: str, target: Report | Appendix,
         definitions: Catalogue | None) -> None:
    report = target if isinstance(target, Report) else None
    appendix = target if isinstance(target, Appendix) else target.appendix
    period = None if report is None else report.header.period
    form = appendix.form if appendix is not None else (definitions.form if definitions else "")
    for kind, builder in builders.items():
        if kind == "values" and appendix is not None:
            _add_values(builder, name, appendix, period, _form_of(appendix, definitions))
        elif kind == "facts" and report is not None:
            _add_facts(builder, name, report, form, period)
        elif kind == "citations" and report is not None:
            _add_citations(builder, name, report, form, period)


def _check_kind(kind: object) -> TableKind:
    for known in _KINDS:
        if kind == known:
            return known
    raise ValueError(f"kind must be 'values', 'facts' or 'citations', not {kind!r}")


def fact_table(
    units: Mapping[str, Report | Appendix] | Iterable[tuple[str, Report | Appendix]],
    *,
    kind: TableKind = "values",
    catalogue: Catalogue | None = None,
) -> Any:
    """The figures of many units as one long ``pyarrow.Table``.

    *units* maps a unit's name to its :class:`~cchc_model.Report` or
    :class:`~cchc_model.Appendix` (a mapping or ``(name, unit)`` pairs). Every row has the
    unit, ``form``, ``period_kind``, ``year``, ``period_label``, ``data_start`` and
    ``data_end`` (null for a bare appendix). With *kind* ``"values"`` (the default), a row
    per appendix row that holds a value or a note: ``code``, ``label`` (the form's),
    ``kind``, ``number`` (float64 of a count, percentage or code), ``value`` (the exact
    value as text), ``numerator`` and ``denominator`` (of a ratio), ``raw`` and ``note`` as
    written, and ``fits`` (whether the value fits its row: :func:`~cchc_model.consolidate`
    combines those that do). With ``"facts"``, a row per figure stated in the prose (a
    total's parts get their own rows, numbered in ``part``); with ``"citations"``, a row per
    legal document cited. *catalogue* is the form of the appendices (by default their own).

    Needs pyarrow (the extra ``table``).

    .. versionadded:: 0.2.0

    >>> from cchc_model import catalogue_2023, fact_table, Ratio
    >>> form = catalogue_2023()
    >>> table = fact_table({"Sở Y tế": form.build({"3.1.3": 138, "2.1": Ratio(3, 4)})})
    >>> table.select(["unit", "code", "number", "value", "numerator"]).to_pylist()[1]
    {'unit': 'Sở Y tế', 'code': '3.1.3', 'number': 138.0, 'value': '138', 'numerator': None}
    >>> table.num_rows, table.column("value").to_pylist()
    (2, ['3/4', '138'])
    """
    kind = _check_kind(kind)
    pa = _pyarrow()
    builder = _Builder(kind)
    batches = []
    for name, target in _pairs(units):
        _add({kind: builder}, name, target, catalogue)
        if builder.rows >= 50_000:
            batches.append(builder.batch(pa))
    batches.append(builder.batch(pa))
    return pa.Table.from_batches(batches, schema=_schema(pa, kind))


def _partition(value: object) -> str:
    return "__HIVE_DEFAULT_PARTITION__" if value is None else str(value)


class _Sink:
    """Where one kind of table goes: one Parquet file, or a folder partitioned Hive-style."""

    def __init__(self, pa: Any, kind: TableKind, path: str | os.PathLike[str]) -> None:
        self.pa, self.kind = pa, kind
        self.path = Path(path)
        self.folder = self.path.suffix.lower() != ".parquet"
        self.writers: dict[tuple[str, str], Any] = {}
        self.schema = _schema(pa, kind)
        if self.folder and self.path.exists():
            if not self.path.is_dir():
                raise InputError(f"không phải thư mục (not a folder): {os.fspath(path)!r}")
            for old in self.path.glob("year=*"):
                if old.is_dir():
                    shutil.rmtree(old)

    def _writer(self, key: tuple[str, str]) -> Any:
        writer = self.writers.get(key)
        if writer is None:
            if self.folder:
                folder = self.path / f"year={key[0]}" / f"period_kind={key[1]}"
                folder.mkdir(parents=True, exist_ok=True)
                target = folder / "part-0.parquet"
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                target = self.path
            writer = self.pa.parquet.ParquetWriter(target, self.schema)
            self.writers[key] = writer
        return writer

    def write(self, batch: Any) -> None:
        if not self.folder:
            self._writer(("", "")).write_batch(batch)
            return
        if batch.num_rows == 0:
            return
        compute = self.pa.compute
        table = self.pa.Table.from_batches([batch])
        keys = table.select(["year", "period_kind"]).group_by(["year", "period_kind"]
                                                               ).aggregate([]).to_pylist()
        if len(keys) == 1:
            key = keys[0]
            self._writer((_partition(key["year"]), _partition(key["period_kind"]))
                         ).write_table(table)
            return
        for key in keys:
            year, kind = key["year"], key["period_kind"]
            mask = compute.and_(
                compute.is_null(table.column("year")) if year is None
                else compute.equal(table.column("year"), year),
                compute.is_null(table.column("period_kind")) if kind is None
                else compute.equal(table.column("period_kind"), kind),
            )
            self._writer((_partition(year), _partition(kind))).write_table(table.filter(mask))

    def close(self) -> None:
        if not self.folder and not self.writers:
            self._writer(("", ""))  # an empty file with the schema, not no file
        for writer in self.writers.values():
            writer.close()


def write_fact_table(
    units: Mapping[str, Report | Appendix] | Iterable[tuple[str, Report | Appendix]],
    path: str | os.PathLike[str],
    *,
    facts: str | os.PathLike[str] | None = None,
    citations: str | os.PathLike[str] | None = None,
    catalogue: Catalogue | None = None,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Write the values table of :func:`fact_table` to Parquet, streaming the units.

    A *path* ending in ``.parquet`` is one file; any other *path* is a folder, partitioned
    Hive-style by year and period kind (``year=2024/period_kind=annual/part-0.parquet``;
    a bare appendix, which has no period, goes under ``__HIVE_DEFAULT_PARTITION__``, read as
    null); earlier partitions in it are replaced. *facts* and *citations*, when given, are
    where the prose figures and the citations of the reports go, written the same way in the
    same pass. Units are read one at a time and written in batches, so memory stays flat
    however many there are; *progress* is called with each unit's name. DuckDB reads the
    result with ``SELECT code, sum(number) FROM 'path/**/*.parquet' GROUP BY code``.

    Needs pyarrow (the extra ``table``).

    .. versionadded:: 0.2.0
    """
    pa = _pyarrow()
    destinations: dict[TableKind, str | os.PathLike[str]] = {"values": path}
    if facts is not None:
        destinations["facts"] = facts
    if citations is not None:
        destinations["citations"] = citations
    try:
        sinks = {kind: _Sink(pa, kind, where) for kind, where in destinations.items()}
        builders = {kind: _Builder(kind) for kind in destinations}
        try:
            for count, (name, target) in enumerate(_pairs(units), start=1):
                _add(builders, name, target, catalogue)
                if progress is not None:
                    progress(name)
                if count % _BATCH_UNITS == 0:
                    for kind, builder in builders.items():
                        sinks[kind].write(builder.batch(pa))
            for kind, builder in builders.items():
                sinks[kind].write(builder.batch(pa))
        finally:
            for sink in sinks.values():
                sink.close()
    except OSError as error:
        where = error.filename if error.filename is not None else os.fspath(path)
        reason = error.strerror or str(error)
        raise InputError(f"không ghi được (cannot write) {where!r}: {reason}") from None
