"""Tests for fact_table and write_fact_table: long-form Arrow tables and Parquet for DuckDB."""

from __future__ import annotations

import sys
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from cchc_model import (
    Aggregation,
    Appendix,
    Header,
    IndicatorValue,
    InputError,
    Ratio,
    Report,
    ReportingPeriod,
    TotalFact,
    catalogue_2023,
    consolidate,
    fact_table,
    write_fact_table,
)
from cchc_model.examples import reference_report

from .strategies import units

pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

FORM = catalogue_2023()
VALUE_COLUMNS = [
    "unit", "form", "period_kind", "year", "period_label", "data_start", "data_end", "code",
    "label", "kind", "number", "value", "numerator", "denominator", "raw", "note", "fits",
]


def sql(query: str, files: object) -> list[tuple[object, ...]]:
    """Run *query* in DuckDB, its ``FILES`` standing for the Parquet files *files* names."""
    return duckdb.execute(query.replace("FILES", "read_parquet(?)"), [str(files)]).fetchall()


def annual(year: int, appendix: Appendix) -> Report:
    return Report(Header("X", period=ReportingPeriod.annual(year)), appendix=appendix)


class TestValues:
    def test_columns(self):
        """The values table has the documented columns and types."""
        table = fact_table({})
        assert table.column_names == VALUE_COLUMNS
        assert table.schema.field("number").type == pa.float64()
        assert table.schema.field("year").type == pa.int32()
        assert table.num_rows == 0

    def test_one_row_per_value(self):
        """A row per value (or note); blanks are left out; the form's label is used."""
        appendix = FORM.build({"3.1.3": 138, "2.1": Ratio(3, 4), "3.4.1": Decimal("95.50"),
                               "7.3": 2, "1.1.1": None, "1.1.2": None},
                              notes={"1.1.2": "chưa thống kê"})
        rows = {r["code"]: r for r in fact_table({"Sở Y tế": appendix}).to_pylist()}
        assert set(rows) == {"2.1", "1.1.2", "3.1.3", "3.4.1", "7.3"}
        assert rows["3.1.3"]["unit"] == "Sở Y tế"
        assert (rows["3.1.3"]["number"], rows["3.1.3"]["value"]) == (138.0, "138")
        assert rows["3.1.3"]["label"] == "Tổng số TTHC đang có hiệu lực"
        assert (rows["2.1"]["number"], rows["2.1"]["numerator"],
                rows["2.1"]["denominator"], rows["2.1"]["value"]) == (None, 3, 4, "3/4")
        assert (rows["3.4.1"]["number"], rows["3.4.1"]["value"]) == (95.5, "95.50")
        assert (rows["7.3"]["number"], rows["7.3"]["kind"]) == (2.0, "coded")
        assert (rows["1.1.2"]["value"], rows["1.1.2"]["note"]) == (None, "chưa thống kê")
        assert rows["3.1.3"]["period_kind"] is None

    def test_period_of_a_report(self):
        """A report's rows carry its period."""
        (row,) = fact_table({"A": annual(2024, FORM.build({"3.1.3": 1}))}).to_pylist()
        assert (row["period_kind"], row["year"], row["period_label"]) == ("annual", 2024,
                                                                         "năm 2024")
        assert (row["data_start"].isoformat(), row["data_end"].isoformat()) == (
            "2023-12-15", "2024-12-14")

    def test_misfits_and_extras(self):
        """Values that do not fit, and rows outside the form, are kept with fits false."""
        appendix = Appendix(
            (IndicatorValue("3.1.3", "nhiều", raw="nhiều"), IndicatorValue("2.1", 5, raw="5")),
            extra=(IndicatorValue("9.1", 4, raw="4", label="Riêng"),),
        )
        rows = fact_table({"A": appendix}).to_pylist()
        assert [(r["code"], r["kind"], r["number"], r["value"], r["fits"]) for r in rows] == [
            ("3.1.3", "count", None, "nhiều", False),
            ("2.1", "ratio", 5.0, "5", True),
            ("9.1", None, 4.0, "4", False),
        ]
        assert rows[2]["label"] == "Riêng"

    def test_huge_ratio_terms(self):
        """A ratio term beyond int64 is null, never an overflow."""
        appendix = Appendix((IndicatorValue("2.1", Ratio(2**70, 3)),))
        (row,) = fact_table({"A": appendix}).to_pylist()
        assert (row["numerator"], row["denominator"], row["value"]) == (None, 3, f"{2**70}/3")


class TestFactsAndCitations:
    def test_prose_facts(self):
        """Every figure of the prose is a row; a total's parts get rows of their own."""
        report = reference_report()
        table = fact_table({"Sở LĐTBXH": report}, kind="facts")
        facts = [f for _, p in report.paragraphs() for f in p.facts]
        assert table.num_rows == sum(
            1 + len(f.parts) if isinstance(f, TotalFact) else 1 for f in facts
        )
        rows = table.to_pylist()
        assert {r["type"] for r in rows} <= {"count", "percent", "money", "ratio", "rate", "total"}
        assert all(r["year"] == 2023 and r["path"].startswith("$.") for r in rows)
        parts = [r for r in rows if r["part"] is not None]
        assert parts
        assert all(r["type"] == "count" for r in parts)

    def test_citations(self):
        """Every citation is a row, with the document's number, symbol and date."""
        report = reference_report()
        rows = fact_table({"Sở LĐTBXH": report}, kind="citations").to_pylist()
        assert len(rows) == sum(len(p.references) for _, p in report.paragraphs())
        first = next(r for r in rows if r["number_symbol"] == "3170/KH-SLĐTBXH")
        assert first["doc_number"] == 3170
        assert first["citation"].startswith("Kế hoạch số 3170/KH-SLĐTBXH")

    def test_appendix_has_no_prose(self):
        """A bare appendix adds no fact and no citation."""
        assert fact_table({"A": FORM.build({"3.1.3": 1})}, kind="citations").num_rows == 0


class TestWrite:
    def test_duckdb_sums_match_consolidate(self, tmp_path):
        """DuckDB's sums over the written folder are consolidate's totals."""
        named = {f"Xã {i}": annual(2024, FORM.build({"3.1.3": i, "1.1.1": 2 * i, "7.3": 1}))
                 for i in range(30)}
        write_fact_table(named, tmp_path / "facts")
        result = dict(sql("SELECT code, sum(number) FROM FILES GROUP BY code",
                          tmp_path / "facts" / "**" / "*.parquet"))
        combined = consolidate(named).appendix
        assert result["3.1.3"] == combined["3.1.3"].value == 435
        assert result["1.1.1"] == combined["1.1.1"].value == 870
        assert (tmp_path / "facts" / "year=2024" / "period_kind=annual" / "part-0.parquet"
                ).is_file()

    @settings(max_examples=15, deadline=None)
    @given(units())
    def test_generated_units(self, given_units):
        """On generated units, DuckDB's sums and ratio terms are consolidate's figures."""
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            write_fact_table(given_units, Path(folder) / "f.parquet")
            rows = sql("SELECT code, sum(number), sum(numerator), sum(denominator) "
                       "FROM FILES WHERE fits GROUP BY code", Path(folder) / "f.parquet")
        combined = consolidate(given_units).appendix
        for code, total, numerator, denominator in rows:
            definition = FORM[code]
            if definition.aggregation is Aggregation.SUM:
                assert total == pytest.approx(float(combined[code].value))
            elif definition.aggregation is Aggregation.RATIO:
                assert combined[code].value == Ratio(numerator, denominator)

    def test_partitions_by_year_and_kind(self, tmp_path):
        """A folder is partitioned by year and period kind; appendices fall in the default."""
        write_fact_table(
            [("A", annual(2023, FORM.build({"3.1.3": 1}))),
             ("A", annual(2024, FORM.build({"3.1.3": 2}))),
             ("B", Report(Header("B", period=ReportingPeriod.quarter(2024, 1)),
                          appendix=FORM.build({"3.1.3": 4}))),
             ("C", FORM.build({"3.1.3": 8}))],
            tmp_path,
        )
        found = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet"))
        assert found == [
            "year=2023/period_kind=annual/part-0.parquet",
            "year=2024/period_kind=annual/part-0.parquet",
            "year=2024/period_kind=quarter/part-0.parquet",
            ("year=__HIVE_DEFAULT_PARTITION__/period_kind=__HIVE_DEFAULT_PARTITION__/"
             "part-0.parquet"),
        ]
        rows = sql("SELECT year, period_kind, sum(number) FROM FILES GROUP BY ALL ORDER BY ALL",
                   tmp_path / "**" / "*.parquet")
        assert rows == [(2023, "annual", 1.0), (2024, "annual", 2.0), (2024, "quarter", 4.0),
                        (None, None, 8.0)]

    def test_rewrite_replaces_partitions(self, tmp_path):
        """Writing a folder again replaces what was there, so nothing is counted twice."""
        for _ in range(2):
            write_fact_table({"A": annual(2024, FORM.build({"3.1.3": 1}))}, tmp_path)
        total = sql("SELECT sum(number) FROM FILES", tmp_path / "**" / "*.parquet")
        assert total == [(1.0,)]

    def test_facts_and_citations_in_one_pass(self, tmp_path):
        """Prose figures and citations go to their own destinations, units read once."""
        seen: list[str] = []
        report = reference_report()
        write_fact_table(iter([("Sở LĐTBXH", report)]), tmp_path / "values.parquet",
                         facts=tmp_path / "facts", citations=tmp_path / "refs.parquet",
                         progress=seen.append)
        assert seen == ["Sở LĐTBXH"]
        count = sql("SELECT count(*) FROM FILES", tmp_path / "refs.parquet")
        assert count == [(60,)]
        years = sql("SELECT DISTINCT year FROM FILES", tmp_path / "facts" / "**" / "*.parquet")
        assert years == [(2023,)]

    def test_empty_file_has_the_schema(self, tmp_path):
        """No units still writes a file, with the columns."""
        write_fact_table({}, tmp_path / "empty.parquet")
        assert pa.parquet.read_table(tmp_path / "empty.parquet").column_names == VALUE_COLUMNS

    def test_unwritable(self, tmp_path):
        """A destination that cannot be written is an InputError."""
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(InputError, match="không phải thư mục"):
            write_fact_table({}, blocker)
        with pytest.raises(InputError, match="không ghi được"):
            write_fact_table({}, blocker / "sub" / "f.parquet")


class TestErrors:
    def test_without_pyarrow(self, monkeypatch):
        """Without pyarrow, an InputError names the extra to install."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        with pytest.raises(InputError, match=r"cchc-model\[table\]"):
            fact_table({})

    def test_wrong_arguments(self):
        """Wrong units or kind are TypeError and ValueError."""
        with pytest.raises(TypeError, match="Report or an Appendix for 'A'"):
            fact_table({"A": 1})  # type: ignore[dict-item]
        with pytest.raises(TypeError, match="pairs"):
            fact_table([FORM.build({})])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="name must be a str"):
            fact_table([(2, FORM.build({}))])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="kind must be"):
            fact_table({}, kind="rows")  # type: ignore[arg-type]

    def test_rows_equal_to_report_appendix(self):
        """A report and its appendix give the same values, but for the period columns."""
        report = reference_report()
        appendix = report.appendix
        assert appendix is not None
        with_period = fact_table({"A": report}).drop_columns(
            ["period_kind", "year", "period_label", "data_start", "data_end"])
        bare = fact_table({"A": attrs.evolve(appendix)}).drop_columns(
            ["period_kind", "year", "period_label", "data_start", "data_end"])
        assert with_period.equals(bare)
