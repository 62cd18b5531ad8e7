"""Hostile and absurd input for every parser, mutated reports, limits, threads and safety.

Each guarantee in ``docs/reliability.md`` points at a test here. Hypothesis runs a bounded
number of examples (see ``FUZZ``) so the whole module stays within a few seconds.
"""

from __future__ import annotations

import ast
import io
import json
import math
import random
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cchc_model
from cchc_model import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_ITEMS,
    MAX_NUMBER_DIGITS,
    MAX_TABLE_BYTES,
    MAX_TABLE_ROWS,
    MAX_TEXT_LENGTH,
    AppendixParseError,
    CchcError,
    InputError,
    NumberParseError,
    ReferenceParseError,
    StructureError,
    catalogue_2023,
    dumps,
    extract_references,
    is_number,
    is_unit_label,
    is_valid_reference,
    load,
    normalize_text,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_reference,
    read_appendix,
    unit_for_label,
    write_appendix,
)
from cchc_model._base.lazy import Lazy
from cchc_model.examples import reference_appendix, reference_report_json
from tests.strategies import MODEL_STRATEGIES, views

#: Examples per fuzz test: enough to shake out the shallow bugs on every run, few enough to
#: keep CI fast. Longer campaigns run the same tests with ``--hypothesis-seed`` and a profile.
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CORPUS = Path(__file__).parent / "corpus"


def corpus(name: str) -> list[str]:
    """The regression corpus *name*: one JSON string a line, ``#`` lines are comments."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


#: Every text parser, by name. The predicates must never raise on a str.
PARSERS: dict[str, Callable[[str], object]] = {
    "parse_reference": parse_reference,
    "extract_references": extract_references,
    "parse_number": parse_number,
    "parse_percent": parse_percent,
    "parse_money": parse_money,
    "parse_date": parse_date,
    "unit_for_label": unit_for_label,
    "normalize_text": normalize_text,
    "read_appendix": lambda text: read_appendix("STT\tChỉ tiêu\n" + text),
    "read_appendix_markdown": lambda text: read_appendix("| STT |\n" + text, format="markdown"),
}
PREDICATES: dict[str, Callable[[str], bool]] = {
    "is_number": is_number,
    "is_valid_reference": is_valid_reference,
    "is_unit_label": is_unit_label,
}

_PIECES = (
    "Nghị định", "Quyết định số", "Kế hoạch", "Công văn số", "số", "/", "-", "NĐ-CP", "QĐ-UBND",
    "ngày", "tháng", "năm", "của", "về", "12", "2023", "02/12/2022", "31/02/2023", "0",
    "99999999999", ".", ",", "%", "đồng", "triệu", " ", "\n", "\t", "|", "STT", "Chỉ tiêu",
    "3.1.3.", "Trong đó", "<b>", "Đ", "đ", "\u0301", "e\u0302", "QH13", "40-CT/TU", "1e5",
    "−", "…", "1.000.000", "1,5", "٣", "⑱", "€", "\x00", "\r", "\ufeff",
)
#: Any text, and soups of the tokens the grammars care about.
hostile_texts = st.text(max_size=120) | st.lists(
    st.sampled_from(_PIECES) | st.text(max_size=3), max_size=25
).map("".join)


def cchc_error(call: Callable[[], object]) -> CchcError | None:
    """The CchcError *call* raises, or None if it returns; any other exception escapes."""
    try:
        call()
    except CchcError as error:
        return error
    return None


def assert_cchc_only(call: Callable[[], object]) -> None:
    """*call* returns, or raises a CchcError with a message; nothing else escapes."""
    error = cchc_error(call)
    assert error is None or str(error).strip()


# --- strategies and properties -----------------------------------------------------------


class TestStrategies:
    def test_every_model_type_has_a_strategy(self) -> None:
        """tests/strategies.py has a strategy for each public attrs class."""
        public = {
            obj for name in cchc_model.__all__
            if isinstance(obj := getattr(cchc_model, name), type) and attrs.has(obj)
        }
        assert public == set(MODEL_STRATEGIES)

    @pytest.mark.parametrize("cls", sorted(MODEL_STRATEGIES, key=lambda cls: cls.__name__))
    def test_models_are_frozen(self, cls: type) -> None:
        """Every model instance refuses assignment; attrs.evolve is the way to change one."""

        @settings(max_examples=5, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(MODEL_STRATEGIES[cls])
        def check(value: Any) -> None:
            assert isinstance(value, cls)
            field = attrs.fields(cls)[0]
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(value, field.name, getattr(value, field.name))

        check()

    @settings(max_examples=30, deadline=None)
    @given(views)
    def test_views_round_trip_through_the_appendix(self, view: Any) -> None:
        """A view written as appendix rows reads back equal, but for fields with no row."""
        rowless = {f.name: None for f in attrs.fields(type(view)) if f.name not in view.CODES}
        assert type(view).from_appendix(view.to_appendix()) == attrs.evolve(view, **rowless)


# --- fuzzing every parser ----------------------------------------------------------------


class TestFuzz:
    @pytest.mark.parametrize("name", sorted(PARSERS))
    @FUZZ
    @given(text=hostile_texts)
    def test_parsers_raise_only_cchc_errors(self, name: str, text: str) -> None:
        """Any text ends in a value or a CchcError with a message."""
        assert_cchc_only(lambda: PARSERS[name](text))

    @pytest.mark.parametrize("name", sorted(PREDICATES))
    @FUZZ
    @given(text=hostile_texts)
    def test_predicates_never_raise(self, name: str, text: str) -> None:
        """The is_* predicates answer True or False for any text."""
        assert PREDICATES[name](text) in (True, False)

    @FUZZ
    @given(text=hostile_texts)
    def test_extract_references_never_raises(self, text: str) -> None:
        """Any str within MAX_TEXT_LENGTH is scanned, and every span is exact."""
        for match in extract_references(text):
            assert 0 <= match.start <= match.end <= len(text)

    @pytest.mark.parametrize("name", sorted(PARSERS))
    @pytest.mark.parametrize("junk", [None, 1, 1.5, b"12", ["12"], object()])
    def test_wrong_python_type_is_a_type_error(self, name: str, junk: object) -> None:
        """A non-str argument raises TypeError (or, for the readers, a CchcError)."""
        parser = {"read_appendix": read_appendix, "read_appendix_markdown": read_appendix,
                  }.get(name, PARSERS[name])
        expected = (TypeError, CchcError) if parser is read_appendix else TypeError
        with pytest.raises(expected):
            parser(junk)

    @pytest.mark.parametrize("name", sorted(PARSERS))
    def test_regression_corpus(self, name: str) -> None:
        """Every text of tests/corpus/texts.jsonl, through every parser."""
        for text in corpus("texts.jsonl"):
            assert_cchc_only(lambda text=text: PARSERS[name](text))  # type: ignore[misc]
        for text in corpus("texts.jsonl"):
            for predicate in PREDICATES.values():
                assert predicate(text) in (True, False)

    @FUZZ
    @given(st.binary(max_size=400))
    def test_bytes_readers(self, data: bytes) -> None:
        """Any bytes given to load or read_appendix end in a report, a table or a CchcError."""
        assert_cchc_only(lambda: load(data))
        assert_cchc_only(lambda: read_appendix(data))

    @FUZZ
    @given(st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=25,
    ))
    def test_load_any_json(self, value: object) -> None:
        """Any JSON value, alone or as a report's header, loads or raises a CchcError."""
        assert_cchc_only(lambda: load(json.dumps(value)))
        assert_cchc_only(lambda: load(json.dumps({"schema_version": 1, "header": value})))

    def test_damaged_workbooks(self) -> None:
        """Workbooks with random bytes overwritten open, or raise AppendixParseError."""
        good = write_appendix(reference_appendix(), "xlsx")
        rng = random.Random(8)  # noqa: S311 - reproducible damage, not secrets
        for _ in range(60):
            damaged = bytearray(good)
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            # Seed 8 once broke the zip directory so that zipfile raised NotImplementedError.
            error = cchc_error(lambda damaged=damaged: read_appendix(bytes(damaged)))
            assert error is None or (isinstance(error, AppendixParseError) and str(error))


# --- mutated reports ---------------------------------------------------------------------


def _paths(node: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*path, index))


def _nfd(value: object) -> object:
    return unicodedata.normalize("NFD", value) if isinstance(value, str) else value


_JUNK: tuple[object, ...] = (
    None, True, 0, -1, 10**30, 1e30, math.nan, math.inf, "", "x", "2023-02-31", "31/12/2023",
    "1e999", "NaN", [], {}, [[[[[]]]]], {"a": {"b": {"c": [1, None]}}}, "⑱", "e\u0302\u0301",
)


def mutate(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """*document* with one to three random mutations, as careless or hostile writers make."""
    document = json.loads(json.dumps(document))
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(list(_paths(document))[1:])
        parent: Any = document
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        kind = rng.choice(("delete", "junk", "nfd", "unknown_key", "date", "duplicate"))
        if kind == "delete":
            del parent[key]
        elif kind == "junk":
            parent[key] = rng.choice(_JUNK)
        elif kind == "nfd":
            parent[key] = _nfd(parent[key])
        elif kind == "unknown_key" and isinstance(parent, dict):
            parent[f"extra_{rng.randrange(100)}"] = rng.choice(_JUNK)
        elif kind == "date":
            parent[key] = rng.choice(("2023-02-30", "2023-13-01", "0000-01-01", "2023-1-1"))
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(parent[key])
    return document


class TestMutatedReports:
    @pytest.mark.parametrize("seed", range(4))
    def test_loads_or_names_the_path(self, seed: int) -> None:
        """Each mutation of the reference report loads, or raises naming its JSON path."""
        original = json.loads(reference_report_json())
        rng = random.Random(seed)  # noqa: S311 - reproducible mutations, not secrets
        for _ in range(25):
            text = json.dumps(mutate(original, rng), ensure_ascii=False)
            error = cchc_error(lambda text=text: load(text))
            if error is None:
                report = load(text)
                assert load(cchc_model.dumps(report)) == report
            else:
                assert isinstance(error, StructureError)
                assert error.path.startswith("$")
                assert str(error).startswith(error.path + ": ")
                assert str(error)[len(error.path) + 2:].strip()


# --- absurd sizes ------------------------------------------------------------------------


def _huge_xlsx(unpacked: int) -> bytes:
    """A workbook whose sheet unpacks to *unpacked* bytes but packs into little."""
    good = zipfile.ZipFile(io.BytesIO(write_appendix(reference_appendix(), "xlsx")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in good.infolist():
            data = good.read(info)
            if not info.filename.startswith("xl/worksheets/"):
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with bomb.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(head)
                chunk = b" " * (1 << 20)
                for _ in range(unpacked // len(chunk)):
                    sheet.write(chunk)
                sheet.write(b"</sheetData>" + tail)
    return buffer.getvalue()


class TestAbsurdSizes:
    def test_hundred_megabyte_appendix_file(self, tmp_path: Path) -> None:
        """A 100 MB file is refused from its size, before it is read."""
        path = tmp_path / "huge.tsv"
        with path.open("wb") as file:
            file.truncate(100 * 2**20)  # sparse: costs no disk and no time
        with pytest.raises(AppendixParseError, match="input too large"):
            read_appendix(path)

    def test_hundred_megabyte_appendix_bytes(self) -> None:
        """100 MB of bytes is refused before it is decoded."""
        with pytest.raises(AppendixParseError, match="input too large"):
            read_appendix(bytes(100 * 2**20))

    def test_zip_bomb(self) -> None:
        """A workbook unpacking to 4 × MAX_TABLE_BYTES is refused before openpyxl opens it."""
        bomb = _huge_xlsx(4 * MAX_TABLE_BYTES)
        assert len(bomb) < MAX_TABLE_BYTES // 32
        with pytest.raises(AppendixParseError, match="unpacks to too many bytes"):
            read_appendix(bomb)

    def test_workbook_read_only(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Workbooks are opened by openpyxl in read-only mode, values only."""
        import openpyxl

        seen: list[dict[str, object]] = []
        real = openpyxl.load_workbook

        def spy(*args: object, **kwargs: object) -> object:
            seen.append(kwargs)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(openpyxl, "load_workbook", spy)
        read_appendix(write_appendix(reference_appendix(), "xlsx"))
        assert seen == [{"read_only": True, "data_only": True}]

    def test_too_many_lines(self) -> None:
        """A table of more than MAX_TABLE_ROWS lines is refused, whatever its line breaks."""
        with pytest.raises(AppendixParseError, match="too many lines"):
            read_appendix("STT\tChỉ tiêu\n" + "\r" * MAX_TABLE_ROWS)

    def test_million_sections(self) -> None:
        """A million sections in a 3 MB document is refused before it is structured."""
        body = ",".join(["{}"] * 10**6)
        text = f'{{"schema_version":1,"header":{{"agency":"X"}},"sections":[{body}]}}'
        assert len(text) < MAX_DOCUMENT_BYTES
        with pytest.raises(InputError, match="at most 100000 JSON values"):
            load(text)

    def test_document_too_large(self, tmp_path: Path) -> None:
        """A document over MAX_DOCUMENT_BYTES is refused, as text, bytes or file."""
        path = tmp_path / "huge.json"
        with path.open("wb") as file:
            file.truncate(MAX_DOCUMENT_BYTES + 1)
        text = "{" + " " * MAX_DOCUMENT_BYTES + "}"
        for source in (text, text.encode(), path):
            with pytest.raises(InputError, match="document too large"):
                load(source)

    def test_deep_nesting(self) -> None:
        """JSON nested a hundred thousand deep is refused, not a RecursionError."""
        with pytest.raises(InputError):
            load("[" * 100_000 + "]" * 100_000)

    def test_five_thousand_digits(self) -> None:
        """A 5,000-digit number is refused by every number parser, the JSON reader too."""
        digits = "9" * 5000
        for parser in (parse_number, parse_percent, parse_money):
            with pytest.raises(NumberParseError, match=f"at most {MAX_NUMBER_DIGITS} digits"):
                parser(digits + (" %" if parser is parse_percent else " đồng"
                                 if parser is parse_money else ""))
        document = json.loads(reference_report_json())
        with pytest.raises(InputError, match="number too long in JSON"):
            load(f'{{"schema_version": {digits}}}')
        document["introduction"][0]["facts"] = [{"type": "percent", "value": digits}]
        with pytest.raises(StructureError, match=r"^\$\.introduction\[0\]\.facts\[0\]\.value: "):
            load(json.dumps(document))

    def test_ten_megabyte_citation(self) -> None:
        """A 10 MB citation is refused at once by the parser and the extractor."""
        citation = "Kế hoạch số 3170/KH-SLĐTBXH về " + "cải cách " * (10 * 2**20 // 9)
        with pytest.raises(ReferenceParseError, match="too long for a citation"):
            parse_reference(citation)
        assert not is_valid_reference(citation)
        with pytest.raises(InputError, match=f"at most {MAX_TEXT_LENGTH}"):
            extract_references(citation)

    def test_long_path_like_text_has_a_short_message(self) -> None:
        """A megabyte str taken for a path is not repeated whole in the error message."""
        for call in (read_appendix, load):
            with pytest.raises(CchcError) as caught:
                call("x" * 10**6)
            assert len(str(caught.value)) < 1000


class TestLimitsAreAdjustable:
    def test_load(self) -> None:
        """load's max_bytes and max_items lower or raise its limits per call."""
        text = reference_report_json()
        with pytest.raises(InputError, match="document too large"):
            load(text, max_bytes=1000)
        with pytest.raises(InputError, match="at most 1000 JSON values"):
            load(text, max_items=1000)
        assert load(text, max_bytes=len(text.encode()), max_items=MAX_DOCUMENT_ITEMS) == load(text)

    def test_read_appendix(self) -> None:
        """read_appendix's max_bytes and max_rows lower or raise its limits per call."""
        table = write_appendix(reference_appendix())
        with pytest.raises(AppendixParseError, match="input too large"):
            read_appendix(table, max_bytes=100)
        with pytest.raises(AppendixParseError, match="too many lines"):
            read_appendix(table, max_rows=10)
        workbook = write_appendix(reference_appendix(), "xlsx")
        with pytest.raises(AppendixParseError, match="too many rows"):
            read_appendix(workbook, max_rows=10)
        long_table = table + "\n" * MAX_TABLE_ROWS
        assert read_appendix(long_table, max_rows=2 * MAX_TABLE_ROWS) == read_appendix(table)

    def test_extract_references(self) -> None:
        """extract_references' max_length lowers or raises its limit per call."""
        text = "Kế hoạch số 3170/KH-SLĐTBXH. " * 10
        with pytest.raises(InputError, match="at most 20"):
            extract_references(text, max_length=20)
        assert len(extract_references(text, max_length=len(text))) == 10


# --- threads -----------------------------------------------------------------------------


class TestThreads:
    def test_lazy_values_built_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Converters, unit registry and catalogue are built once when 16 threads start at once."""
        from cchc_model._base import units as _units
        from cchc_model._io import serialization as _serialization
        from cchc_model._model import appendix as _catalogue

        calls: dict[str, int] = {}
        lock = threading.Lock()
        for name, lazy in (("converter", _serialization._CONVERTER),
                           ("fast structure", _serialization._FAST),
                           ("registry", _units._REGISTRY),
                           ("catalogue", _catalogue._CATALOGUE_2023)):
            factory = lazy._factory

            def counted(name: str = name, factory: Callable[[], object] = factory) -> object:
                with lock:
                    calls[name] = calls.get(name, 0) + 1
                return factory()

            monkeypatch.setattr(lazy, "_factory", counted)
            monkeypatch.setattr(lazy, "_value", Lazy._UNSET)

        text = reference_report_json()
        gate = threading.Barrier(16)

        def use(_: int) -> tuple[object, ...]:
            gate.wait()
            report = load(text)
            return (report, dumps(report), str(unit_for_label("Thủ tục")),
                    catalogue_2023()["3.1.3"], read_appendix(write_appendix(reference_appendix())))

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(use, range(16)))
        assert calls == {"converter": 1, "fast structure": 1, "registry": 1, "catalogue": 1}
        assert all(result == results[0] for result in results)


# --- safety ------------------------------------------------------------------------------

_SOURCE = Path(cchc_model.__file__).parent
_UNSAFE_MODULES = {"pickle", "marshal", "shelve", "dill", "subprocess"}
_UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
#: Modules allowed to compile code, and why: the code they compile is generated from the
#: library's own attrs classes when first needed, never from the input being read (as attrs
#: and cattrs generate their own methods).
_GENERATED_CODE = {"fast_structure.py"}


class TestSafety:
    @pytest.mark.parametrize(
        "path", sorted(_SOURCE.rglob("*.py")), ids=lambda path: path.name
    )
    def test_no_unsafe_deserialisation(self, path: Path) -> None:
        """No module imports pickle or marshal, calls eval or exec, or loads YAML."""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {alias.name.split(".")[0] for alias in node.names} & (
                    _UNSAFE_MODULES | {"yaml"}
                )
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in _UNSAFE_MODULES | {"yaml"}
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                allowed = {"exec", "compile"} if path.name in _GENERATED_CODE else set()
                assert node.func.id not in _UNSAFE_CALLS - allowed
