"""JSON round-trips and the errors of malformed report documents."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from cchc_model import (
    SCHEMA_VERSION,
    Appendix,
    CchcError,
    CountFact,
    DocumentDate,
    Header,
    IndicatorValue,
    InputError,
    Paragraph,
    RateFact,
    Ratio,
    Report,
    ReportingPeriod,
    Section,
    StructureError,
    TotalFact,
    dumps,
    load,
)
from cchc_model._base.lazy import Lazy
from cchc_model._io import serialization
from cchc_model._io.serialization import _CONVERTER, _FAST, to_dict
from tests.strategies import reports


def small_report() -> Report:
    return Report(
        Header("SỞ X", period=ReportingPeriod.quarter(2024, 2), date=DocumentDate(2024, 6, 1)),
        sections=(
            Section(
                "I",
                "KẾT QUẢ",
                (
                    Paragraph(
                        "Giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55)",
                        facts=(
                            TotalFact(CountFact(486, "hồ sơ"), (CountFact(430, "hồ sơ"),)),
                            RateFact(Decimal(1607), Decimal(4964), Decimal("33.37")),
                        ),
                    ),
                ),
            ),
        ),
        appendix=Appendix(
            (
                IndicatorValue("3.1.3", 138, "138"),
                IndicatorValue("2.1", Ratio(12, 12), "12/12"),
                IndicatorValue("7.6.2.a", Decimal("95"), "95%"),
                IndicatorValue("1.2.1", "7 đơn vị"),
                IndicatorValue("1.2.2"),
            )
        ),
    )


def document() -> dict[str, Any]:
    return json.loads(dumps(small_report()))  # type: ignore[no-any-return]


def load_dict(data: object) -> Report:
    return load(json.dumps(data, ensure_ascii=False))


class TestRoundTrip:
    def test_small_report(self):
        """A report with facts and appendix values of every kind reads back equal."""
        report = small_report()
        assert load(dumps(report)) == report

    @settings(max_examples=60, deadline=None)
    @given(reports)
    def test_generated_reports(self, report):
        """Model → JSON → model is exact for generated reports."""
        assert load(dumps(report)) == report

    def test_schema_version_first(self):
        """The document starts with its schema version."""
        assert next(iter(document())) == "schema_version"
        assert document()["schema_version"] == SCHEMA_VERSION

    def test_decimal_precision_kept(self):
        """Decimals are strings, so written places survive: 33,37 stays 33.37, 12.00 stays."""
        doc = document()
        fact = doc["sections"][0]["paragraphs"][0]["facts"][1]
        assert fact == {
            "type": "rate", "numerator": "1607", "denominator": "4964", "stated": "33.37",
            "unit": "", "label": "", "text": "",
        }
        fact["stated"] = "12.00"
        loaded = load_dict(doc).sections[0].paragraphs[0].facts[1]
        assert isinstance(loaded, RateFact)
        assert str(loaded.stated) == "12.00"

    def test_appendix_values_tagged(self):
        """Appendix values keep their type in JSON without ambiguity."""
        rows = document()["appendix"]["rows"]
        assert [row["value"] for row in rows] == [
            138, {"numerator": 12, "denominator": 12}, {"decimal": "95"}, "7 đơn vị", None,
        ]


class TestLoadSources:
    def test_bytes(self):
        """UTF-8 bytes load."""
        assert load(dumps(small_report()).encode()) == small_report()

    def test_path(self, tmp_path: Path):
        """A path, as str or Path, loads the file."""
        target = tmp_path / "r.json"
        target.write_text(dumps(small_report()), encoding="utf-8")
        assert load(target) == small_report()
        assert load(str(target)) == small_report()

    def test_missing_file(self, tmp_path: Path):
        """A missing file is an InputError naming it."""
        with pytest.raises(InputError, match="không đọc được tệp"):
            load(tmp_path / "nope.json")

    def test_invalid_json(self):
        """JSON syntax errors give line and column."""
        with pytest.raises(InputError, match=r"<json>:1:2: JSON không hợp lệ"):
            load("{,}")

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are refused."""
        with pytest.raises(InputError, match="UTF-8"):
            load(b'{"a": "\xff"}')

    def test_wrong_type(self):
        """Only text, bytes and paths are accepted."""
        with pytest.raises(TypeError):
            load(42)  # type: ignore[arg-type]

    def test_dumps_wrong_type(self):
        """dumps takes a Report."""
        with pytest.raises(TypeError):
            dumps({"a": 1})  # type: ignore[arg-type]

    def test_deep_nesting(self):
        """Absurdly deep JSON is a CchcError, not a RecursionError."""
        with pytest.raises(CchcError):
            load("{" + '"a": [' * 100_000 + "]" * 100_000 + "}")


def mutate(path: tuple[object, ...], value: object = ..., *, delete: bool = False) -> str:
    """Load the small report with the value at *path* replaced (or deleted); return the error."""
    doc = document()
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(StructureError) as info:
        load_dict(doc)
    return str(info.value)


FACT = ("sections", 0, "paragraphs", 0, "facts")


class TestStructureErrors:
    """Each malformed document names the JSON path of its first problem."""

    def test_missing_schema_version(self):
        """The schema version is required."""
        assert mutate(("schema_version",), delete=True) == (
            "$: thiếu schema_version (missing schema_version)"
        )

    def test_unsupported_schema_version(self):
        """A schema version from the future is refused."""
        assert mutate(("schema_version",), 99).startswith("$.schema_version: schema_version 99")

    def test_missing_field(self):
        """A required field that is missing is named."""
        assert mutate(("header", "agency"), delete=True) == (
            "$.header.agency: thiếu trường bắt buộc (required field missing)"
        )

    def test_unknown_field(self):
        """Unknown keys are refused, not ignored."""
        assert mutate(("header", "agnecy"), "x") == (
            "$.header: trường không xác định (unknown field): agnecy"
        )

    def test_wrong_type_deep(self):
        """A number where a decimal string belongs, deep in a fact."""
        assert mutate((*FACT, 1, "denominator"), 4964.0) == (
            "$.sections[0].paragraphs[0].facts[1].denominator: cần số thập phân dạng chuỗi, "
            "gặp 4964.0 (expected a decimal string, got number)"
        )

    def test_string_for_int(self):
        """Strings are not silently converted to integers."""
        assert mutate((*FACT, 0, "total", "value"), "486").endswith(
            "facts[0].total.value: cần số nguyên, gặp '486' (expected an integer, got string)"
        )

    def test_bool_for_int(self):
        """JSON booleans are not integers."""
        assert "expected an integer, got boolean" in mutate((*FACT, 0, "total", "value"), True)

    def test_string_for_array(self):
        """A string is not a list of its characters."""
        assert mutate(("sections", 0, "paragraphs"), "abc") == (
            "$.sections[0].paragraphs: cần mảng, gặp 'abc' (expected an array, got string)"
        )

    def test_null_section(self):
        """null where an object belongs."""
        assert mutate(("sections", 0), None).startswith("$.sections[0]: cần object, gặp None")

    def test_unknown_fact_type(self):
        """An unknown fact tag lists the known ones."""
        assert mutate((*FACT, 0, "type"), "nope").startswith(
            "$.sections[0].paragraphs[0].facts[0]: trường type phải là một trong count, money"
        )

    def test_negative_count(self):
        """Counts are non-negative: the model's own validators report at their path."""
        assert mutate((*FACT, 0, "total", "value"), -5) == (
            "$.sections[0].paragraphs[0].facts[0].total: CountFact.value phải là số nguyên "
            "không âm (must be a non-negative integer): -5"
        )

    @pytest.mark.parametrize("bad", ["NaN", "Infinity", "1e999999999", "abc", ""])
    def test_bad_decimals(self, bad: str):
        """Non-finite, absurd or malformed decimals are refused."""
        assert mutate((*FACT, 1, "stated"), bad).startswith(
            "$.sections[0].paragraphs[0].facts[1].stated: cần số"
        )

    def test_impossible_date(self):
        """An impossible date in the header."""
        assert mutate(("header", "date", "day"), 31, ) == (
            "$.header.date: ngày không tồn tại: 31/6/2024 (no such date: DocumentDate takes "
            "year, month, day; got year=2024, month=6, day=31)"
        )

    def test_invalid_enum(self):
        """An unknown enum value."""
        assert mutate(("header", "period", "kind"), "weekly").startswith(
            "$.header.period.kind: giá trị không hợp lệ (invalid value): 'weekly'"
        )

    def test_quarter_for_annual(self):
        """A period's own consistency rule."""
        doc_path = ("header", "period", "kind")
        assert mutate(doc_path, "annual").startswith("$.header.period: chỉ kỳ báo cáo quý")

    def test_appendix_value(self):
        """An appendix value that is neither int, string, decimal nor ratio."""
        assert mutate(("appendix", "rows", 0, "value"), 1.5).startswith(
            "$.appendix.rows[0].value: cần null, số nguyên, chuỗi"
        )

    def test_duplicate_codes(self):
        """Two rows with one code."""
        doc = document()
        doc["appendix"]["rows"].append(doc["appendix"]["rows"][0])
        with pytest.raises(StructureError, match=r"^\$\.appendix: mã chỉ tiêu bị trùng"):
            load_dict(doc)

    def test_top_level_not_object(self):
        """A JSON array is not a report."""
        with pytest.raises(StructureError, match=r"^\$: cần object"):
            load("[1]")

    def test_iso_date(self):
        """Reference dates are ISO strings; impossible ones are refused with their path."""
        doc = document()
        doc["sections"][0]["paragraphs"][0]["references"] = [{
            "ref": {"doc_type": "plan", "number": 1, "symbol": "KH-X", "issued_on": "2023-02-31"},
            "start": 0, "end": 1, "text": "G",
        }]
        with pytest.raises(StructureError) as info:
            load_dict(doc)
        assert str(info.value) == (
            "$.sections[0].paragraphs[0].references[0].ref.issued_on: "
            "ngày không hợp lệ (invalid date): '2023-02-31'"
        )
        doc["sections"][0]["paragraphs"][0]["references"][0]["ref"]["issued_on"] = "2023-02-28"
        ref = load_dict(doc).sections[0].paragraphs[0].references[0].ref
        assert ref.issued_on == date(2023, 2, 28)


def _json_leaves(value: Any, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a value in a JSON-ready document, containers included."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _json_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _json_leaves(item, (*path, index))
    return found


class TestFastPaths:
    """The fast paths (generated structure functions, orjson) change speed, not results."""

    @settings(max_examples=60, deadline=None)
    @given(reports)
    def test_dumps_same_text_as_json(self, report):
        """dumps writes exactly what json.dumps writes, whichever encoder runs."""
        expected = json.dumps(to_dict(report), ensure_ascii=False, indent=2)
        assert dumps(report) == expected

    @settings(max_examples=60, deadline=None)
    @given(reports)
    def test_fast_structure_agrees(self, report):
        """The generated functions build the same report as the detailed converter."""
        body = to_dict(report)
        del body["schema_version"]
        assert _FAST.get()(body) == _CONVERTER.get().structure(body, Report) == report

    @settings(max_examples=60, deadline=None)
    @given(reports)
    def test_fast_structure_any_key_order(self, report):
        """Objects with their keys in another order build the same report."""

        def reordered(value: Any) -> Any:
            if isinstance(value, dict):
                return {key: reordered(value[key]) for key in reversed(value)}
            if isinstance(value, list):
                return [reordered(item) for item in value]
            return value

        body = reordered(to_dict(report))
        del body["schema_version"]
        assert _FAST.get()(body) == _CONVERTER.get().structure(body, Report) == report

    def test_fast_structure_defaults_left_out(self):
        """Fields left out take their defaults on the fast path too."""
        body = {"header": {"agency": "SỞ X"}, "appendix": {"rows": [{"code": "3.1.3"}]}}
        assert _FAST.get()(body) == _CONVERTER.get().structure(body, Report)

    @pytest.mark.parametrize(
        "junk", [None, True, 1, 1.5, "1", "", [], {}, {"x": 1}, 2**70, "2023-02-31", "weekly"]
    )
    def test_fast_path_never_accepts_what_the_converter_refuses(self, junk: object):
        """Junk in any place of a document: the fast path refuses it or the converter agrees."""
        for path in _json_leaves(document()):
            doc = document()
            target: Any = doc
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = junk
            body = {key: value for key, value in doc.items() if key != "schema_version"}
            try:
                fast = _FAST.get()(body)
            except Exception:  # noqa: BLE001, S112 - refusing is always allowed
                continue
            assert fast == _CONVERTER.get().structure(body, Report), path

    def test_key_twice_in_a_row_refused(self):
        """A key given twice deep inside (an appendix row) is refused, fast path or not."""
        text = dumps(small_report())
        twice = text.replace('"code": "3.1.3",', '"code": "3.1.3",\n        "code": "3.1.3",', 1)
        assert twice != text
        with pytest.raises(InputError, match="duplicate key 'code'"):
            load(twice)

    def test_without_orjson(self, monkeypatch: pytest.MonkeyPatch):
        """Without orjson, json reads and writes the same documents and the same errors."""
        monkeypatch.setattr(serialization, "_ORJSON_LOADS", Lazy(lambda: None))
        monkeypatch.setattr(serialization, "_ORJSON_DUMPS", Lazy(lambda: None))
        assert load(dumps(small_report())) == small_report()
        with pytest.raises(InputError, match=r"<json>:1:2: JSON không hợp lệ"):
            load("{,}")

    def test_big_integer_not_read_as_float(self):
        """An integer beyond 64 bits is an integer, as json reads it (orjson would say float)."""
        doc = document()
        doc["header"]["number"] = 2**70
        assert load_dict(doc).header.number == 2**70
        doc["header"]["number"] = 1e400
        with pytest.raises(StructureError, match=r"^\$\.header\.number: cần số nguyên, gặp inf"):
            load_dict(doc)
