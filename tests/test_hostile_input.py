"""Hostile input, round two: endless streams, quadratic time, silent changes, lying workbooks.

One class per kind of failure; ``docs/reliability.md`` names the test that holds each
guarantee. The mutation run (``TestMutationRun``) takes ``CCHC_FUZZ_CASES`` cases (300 by
default; run ``CCHC_FUZZ_CASES=5000`` for a full campaign).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cchc_model import (
    AppendixParseError,
    CchcError,
    Header,
    InputError,
    Paragraph,
    Report,
    Section,
    StructureError,
    catalogue_2023,
    dumps,
    extract_references,
    format_number,
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
    read_report,
    render_docx,
    render_html,
    render_markdown,
    unit_for_label,
    validate,
    write_appendix,
)
from cchc_model._base.text import nfc, nfc_with_offsets
from cchc_model._cli import main
from cchc_model._io.serialization import to_dict
from cchc_model._model.limits import MAX_SECTION_DEPTH
from cchc_model._values.kinds import CodedScale
from cchc_model.examples import reference_appendix, reference_report, reference_report_json
from tests.strategies import texts, unwritable_characters, writable_characters

DATA = Path(__file__).resolve().parent / "data"

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _document() -> dict[str, Any]:
    return json.loads(reference_report_json())  # type: ignore[no-any-return]


def _fact(document: dict[str, Any]) -> dict[str, Any]:
    """A percentage fact of the reference report, whose value is a decimal."""
    return document["sections"][0]["subsections"][1]["paragraphs"][1]["facts"][0]  # type: ignore[no-any-return]


def _ref(document: dict[str, Any]) -> dict[str, Any]:
    """A citation of the reference report, with its date."""
    return document["sections"][0]["subsections"][0]["paragraphs"][0]["references"][0]["ref"]  # type: ignore[no-any-return]


def _text(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _fifo(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Callable[[], int]]:
    """A named pipe that a thread fills with *data*, then closes; and how much it wrote."""
    path = tmp_path / name
    os.mkfifo(path)
    written = [0]
    thread = threading.Thread(target=_feed, args=(path, data, written), daemon=True)
    thread.start()

    def sent() -> int:
        thread.join(timeout=60)
        return written[0]

    return path, sent


def _feed(path: Path, data: bytes, written: list[int]) -> None:
    # The reader stops at its limit and closes its end, as it should.
    with open(path, "wb") as pipe, contextlib.suppress(BrokenPipeError):
        for start in range(0, len(data), 1 << 16):
            pipe.write(data[start : start + (1 << 16)])
            pipe.flush()
            written[0] += min(1 << 16, len(data) - start)


# --- 1. endless input --------------------------------------------------------------------


class TestEndlessInput:
    def test_load_reads_a_pipe_only_to_its_limit(self, tmp_path: Path) -> None:
        """A pipe (stat size 0) longer than max_bytes is refused as too large, not read whole."""
        data = b"{" + b" " * 8_000_000
        pipe, sent = _fifo(tmp_path, "report.json", data)
        with pytest.raises(InputError, match="quá lớn"):
            load(pipe, max_bytes=1_000)
        assert sent() < len(data) // 2

    def test_read_appendix_reads_a_pipe_only_to_its_limit(self, tmp_path: Path) -> None:
        """read_appendix on a pipe stops one byte past max_bytes."""
        data = b"STT\tx\n" * 1_000_000
        pipe, sent = _fifo(tmp_path, "table.tsv", data)
        with pytest.raises(AppendixParseError, match="quá lớn"):
            read_appendix(pipe, max_bytes=1_000)
        assert sent() < len(data) // 2

    def test_dev_zero(self, tmp_path: Path) -> None:
        """/dev/zero under a .json or .tsv name is refused after max_bytes bytes."""
        for name in ("zero.json", "zero.tsv"):
            link = tmp_path / name
            link.symlink_to("/dev/zero")
            with pytest.raises(CchcError, match="quá lớn"):
                (load if name.endswith("json") else read_appendix)(link, max_bytes=10_000)

    def test_cli_validate_dev_zero(self, tmp_path: Path) -> None:
        """`cchc validate` on endless input ends in seconds with exit 2 and one line."""
        link = tmp_path / "zero.json"
        link.symlink_to("/dev/zero")
        done = subprocess.run(
            [sys.executable, "-m", "cchc_model", "validate", str(link)],
            capture_output=True, timeout=120, check=False,
        )
        assert done.returncode == 2
        assert done.stderr.decode().count("\n") == 1
        assert b"Traceback" not in done.stderr

    def test_cli_refs_is_bounded(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                 ) -> None:
        """`cchc refs` reads a pipe only to its limit (it read without one)."""
        pipe, _ = _fifo(tmp_path, "prose.txt", b"x" * 9_000_000)
        assert main(["refs", str(pipe)]) == 2
        assert "quá lớn" in capsys.readouterr().err


# --- 2 and 3. time: linear normalisation, no back-tracking -------------------------------


def _seconds(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def _quietly(call: Callable[[str], object], text: str) -> Callable[[], object]:
    def run() -> object:
        try:
            return call(text)
        except CchcError:
            return None

    return run


_SIZE = 40_000
_NORMAL = ("Kế hoạch số 12/KH-UBND ngày 05/3/2023 đạt 33,37% với 1.607 hồ sơ. " * 700)[:_SIZE]
#: Each parser's worst inputs known, of _SIZE characters.
_WORST: dict[str, tuple[str, ...]] = {
    # The last: marks in canonical order after a composed letter, which is NFC already and
    # which unicodedata.is_normalized checks by normalising it in full.
    "marks": ("a" + "\u0301\u0323" * (_SIZE // 2), "a" + "\u0323\u0301\u0302" * (_SIZE // 3),
              "\u1ebf" + "\u0300" * (_SIZE - 1)),
    "spaces": ("1" + " " * _SIZE + "a", "1" + " " * _SIZE + "%x", "1" + " " * _SIZE),
    "digits": ("1" * _SIZE + "x", "1" * _SIZE + " %", "1" * _SIZE + " đồng"),
}
_TIMED: dict[str, Callable[[str], object]] = {
    "normalize_text": normalize_text,
    "nfc_with_offsets": nfc_with_offsets,
    "parse_number": parse_number,
    "is_number": is_number,
    "parse_percent": parse_percent,
    "parse_money": parse_money,
    "extract_references": extract_references,
    "parse_reference": parse_reference,
    "is_valid_reference": is_valid_reference,
    "parse_date": parse_date,
    "unit_for_label": unit_for_label,
    "is_unit_label": is_unit_label,
    "read_appendix": lambda text: read_appendix("STT\tChỉ tiêu\n1.1.1.\t" + text),
    "read_appendix_markdown": lambda text: read_appendix(
        "| STT | Chỉ tiêu |\n| 1.1.1. | " + text + " |\n", format="markdown"
    ),
    "load": lambda text: load(json.dumps({"schema_version": 1, "header": {"agency": text}})),
    "render_markdown": lambda text: render_markdown(
        Report(Header("SỞ X"), sections=(Section("I", "x", (Paragraph(text),)),))
    ),
    "CodedScale.parse": CodedScale.parse,
}
#: How many times the normal per-character cost a worst input may take. Generous: it is
#: linear against quadratic that matters (a quadratic case here is thousands of times over).
_RATIO = 60


class TestWorstCaseTiming:
    @pytest.mark.parametrize("name", sorted(_TIMED))
    def test_worst_inputs_cost_a_constant_per_character(self, name: str) -> None:
        """Each parser on its worst inputs stays within a constant of its normal cost."""
        parse = _TIMED[name]
        # Normal text arrives composed (NFC) or, from PDF extraction, decomposed (NFD).
        normal = max(
            _seconds(_quietly(parse, _NORMAL)),
            _seconds(_quietly(parse, unicodedata.normalize("NFD", _NORMAL)[:_SIZE])),
            1e-3,
        )
        for kind, worst in _WORST.items():
            for text in worst:
                ratio = _seconds(_quietly(parse, text)) / normal
                assert ratio < _RATIO, (name, kind, text[:12], ratio)

    def test_read_appendix_unclosed_italics_and_long_labels(self) -> None:
        """Unclosed <i> tags and long unknown labels cost a constant per character."""
        normal_row = "1.1.1.\tSố sở, ngành đã kiểm tra\tCơ quan\t7\t\n"
        normal = "STT\tChỉ tiêu\n" + normal_row * (_SIZE // len(normal_row))
        italics = "STT\tChỉ tiêu\n1.1.1.\t" + "<i>x" * (_SIZE // 4) + "\tCơ quan\t7\t\n"
        label = "STT\tChỉ tiêu\n" + ("9.9.\t" + "Số sở ngành đã " * 70 + "\t\t1\t\n") * 40
        base = max(_seconds(lambda: read_appendix(normal)), 1e-3)
        for text in (italics, label):
            assert _seconds(lambda text=text: read_appendix(text)) / base < _RATIO

    @PROPERTY
    @given(st.lists(st.sampled_from(
        ["a", "e", " ", "ệ", "\u0301", "\u0323", "\u0302", "\u0f73", "\u0344", "\u1100",
         "\u1161", "\u11a8", "\u05b0", "x\u0300" * 40]), max_size=200).map("".join))
    def test_nfc_is_exactly_unicode_nfc(self, text: str) -> None:
        """The linear NFC gives exactly unicodedata's NFC, runs of 64 marks and more too."""
        assert nfc(text) == unicodedata.normalize("NFC", text)

    @PROPERTY
    @given(st.integers(70, 400), st.sampled_from(["\u0301\u0323", "\u0323\u0302\u0301"]))
    def test_spans_stay_exact_on_long_runs(self, repeat: int, marks: str) -> None:
        """nfc_with_offsets maps every character back into the input on long mark runs."""
        text = "Kế " + "a" + marks * repeat + " hoạch"
        out, offsets = nfc_with_offsets(text)
        assert out == unicodedata.normalize("NFC", text)
        assert offsets is not None
        assert len(offsets) == len(out) + 1
        assert unicodedata.normalize("NFC", text[offsets[0]:offsets[-1]]) == out


# --- 4. workbooks ------------------------------------------------------------------------


def _rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, change(name, source.read(name)))
    return out.getvalue()


class TestWorkbooks:
    def test_dimension_smaller_than_the_data(self) -> None:
        """A sheet whose <dimension> claims fewer rows than it holds is read whole."""
        pytest.importorskip("openpyxl")
        appendix = catalogue_2023().build({"1.1.1": 4, "3.1.3": 138, "7.6": 14584})
        data = write_appendix(appendix, "xlsx")

        def lie(name: str, part: bytes) -> bytes:
            if not name.startswith("xl/worksheets/"):
                return part
            return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:E2"/>', part)

        assert read_appendix(_rezip(data, lie)) == read_appendix(data)

    def test_formula_without_cached_value(self) -> None:
        """A formula cell with no cached result is an error naming the cell, never a blank."""
        openpyxl = pytest.importorskip("openpyxl")
        workbook = openpyxl.Workbook()
        workbook.active.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"])
        workbook.active.append(["7.6.", "Số liệu về trao đổi văn bản điện tử", "", "=1+2", ""])
        buffer = io.BytesIO()
        workbook.save(buffer)
        with pytest.raises(AppendixParseError, match="D2 có công thức"):
            read_appendix(buffer.getvalue())


# --- 5. strict JSON ----------------------------------------------------------------------


class TestStrictJson:
    def test_duplicate_keys(self) -> None:
        """A key twice in one object is refused (json and orjson would keep the last)."""
        text = reference_report_json().replace(
            '"agency": ', '"agency": "SỞ KHÁC",\n    "agency": ', 1
        )
        with pytest.raises(InputError, match="duplicate key 'agency'"):
            load(text)

    @pytest.mark.parametrize("written", [
        "1_2.5", "١٢", "１２", " 12", "12 ", "+12", "12E0", "1e2", "012", "12.", ".5",
        "0012.50E-1", "Infinity", "9" * 41, "1E+41",
    ])
    def test_decimals_only_as_dumps_writes_them(self, written: str) -> None:
        """Decimal() reads these; load does not, since dumps would write them otherwise."""
        document = _document()
        _fact(document)["value"] = written
        with pytest.raises(StructureError, match=r"\.facts\[0\]\.value"):
            load(_text(document))

    @pytest.mark.parametrize("written", ["20231105", "2023-W45-7", "2023-309", "2023-11-5"])
    def test_dates_only_as_dumps_writes_them(self, written: str) -> None:
        """fromisoformat reads basic and week dates; load reads YYYY-MM-DD only."""
        document = _document()
        _ref(document)["issued_on"] = written
        with pytest.raises(StructureError, match="issued_on"):
            load(_text(document))

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
    def test_utf8_only(self, encoding: str) -> None:
        """UTF-16 and UTF-32 bytes are refused: the format is UTF-8."""
        with pytest.raises(InputError, match="UTF-8"):
            load(reference_report_json().encode(encoding))

    @PROPERTY
    @given(st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.text("0123456789.-+eE_ ١２", max_size=12),
    ))
    def test_what_load_accepts_as_a_decimal_dumps_writes_back(self, written: str) -> None:
        """Wherever load accepts a decimal, dumps writes exactly that text back."""
        document = _document()
        _fact(document)["value"] = written
        self._same_text_back(document)

    @PROPERTY
    @given(st.one_of(
        st.dates().map(str), st.text("0123456789-W", min_size=6, max_size=11),
    ))
    @example("20231105")
    @example("2023-W45-7")
    def test_what_load_accepts_as_a_date_dumps_writes_back(self, written: str) -> None:
        """Wherever load accepts a date, dumps writes exactly that text back."""
        document = _document()
        _ref(document)["issued_on"] = written
        self._same_text_back(document)

    @staticmethod
    def _same_text_back(document: dict[str, Any]) -> None:
        try:
            report = load(_text(document))
        except CchcError:
            return
        assert json.loads(dumps(report)) == document


# --- 6. unwritable text ------------------------------------------------------------------


class TestUnwritableText:
    @PROPERTY
    @given(texts, unwritable_characters, texts)
    def test_load_names_the_path(self, before: str, bad: str, after: str) -> None:
        """A control character or lone surrogate in any text is refused, at its path."""
        document = _document()
        document["header"]["agency"] = before + bad + after
        with pytest.raises(StructureError, match=r"^\$\.header\.agency: .*U\+"):
            load(json.dumps(document, ensure_ascii=True))

    @pytest.mark.parametrize("bad", ["\x01", "\x0b", "\ud800", "\ufffe"])
    def test_renderers_and_dumps_raise_cchc_errors(self, bad: str) -> None:
        """A report built in Python with such text fails with StructureError, never lxml's."""
        report = attrs.evolve(reference_report(),
                              header=Header(f"SỞ{bad}X", "UBND TỈNH NINH THUẬN"))
        for write in (dumps, render_markdown, render_html):
            with pytest.raises(StructureError, match=r"\$\.header\.agency"):
                write(report)  # type: ignore[operator]
        pytest.importorskip("docx")
        with pytest.raises(StructureError, match=r"\$\.header\.agency"):
            render_docx(report)

    @pytest.mark.parametrize("bad", ["\x01", "\x7f", "\x9b", "\ufffe"])
    def test_read_appendix_names_the_line(self, bad: str) -> None:
        """A control character in a table is refused with its line, not blanked."""
        table = f"STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú\n7.6.\tSố liệu\t\t1\tx{bad}\n"
        with pytest.raises(AppendixParseError, match=r"<text>:2: .*U\+"):
            read_appendix(table)


# --- 7. depth and size -------------------------------------------------------------------


def _nested(depth: int) -> Report:
    section = Section("a", "x")
    for _ in range(depth - 1):
        section = Section("a", "x", subsections=(section,))
    return Report(Header("SỞ X"), sections=(section,))


class TestDepthAndSize:
    def test_the_deepest_report_allowed_goes_everywhere(self) -> None:
        """At the limit, load, dumps and every renderer work."""
        report = _nested(MAX_SECTION_DEPTH)
        assert load(dumps(report)) == report
        render_markdown(report)
        render_html(report)

    @pytest.mark.parametrize("depth", [MAX_SECTION_DEPTH + 1, 300])
    def test_one_limit_for_all(self, depth: int) -> None:
        """Past the limit load, dumps and the renderers all raise StructureError."""
        report = _nested(depth)
        for write in (dumps, render_markdown, render_html):
            with pytest.raises(StructureError, match="lồng quá"):
                write(report)  # type: ignore[operator]
        document = {"schema_version": 1, "header": {"agency": "SỞ X"},
                    "sections": [{"number": "a", "heading": "x"}]}
        inner = document["sections"][0]
        for _ in range(depth - 1):
            child: dict[str, Any] = {"number": "a", "heading": "x"}
            inner["subsections"] = [child]
            inner = child
        with pytest.raises(CchcError):
            load(json.dumps(document))

    def test_str_counts_utf8_bytes(self) -> None:
        """The byte limit of a str is its UTF-8 length, not its number of characters."""
        text = json.dumps({"schema_version": 1, "header": {"agency": "Đ" * 300}},
                          ensure_ascii=False)
        assert len(text) < 400 < len(text.encode())
        with pytest.raises(InputError, match="quá lớn"):
            load(text, max_bytes=400)
        table = "STT\tChỉ tiêu\n7.6.\t" + "Đ" * 300 + "\n"
        with pytest.raises(AppendixParseError, match="quá lớn"):
            read_appendix(table, max_bytes=400)


# --- 8. escaping and exactness -----------------------------------------------------------

_HOSTILE_CELLS = st.lists(
    st.one_of(writable_characters, st.sampled_from(
        ["<b>", "</i>", "<i>", "**", "&amp;", "&#32;", "&lt;", "|", "\\", "  ", "\t", "\n",
         "\u2028", "<img src=x onerror=alert(1)>", "&#1;", "`", "[", "_"])
    ), max_size=12,
).map("".join)


class TestEscaping:
    def test_markdown_escapes_title_labels_and_notes(self) -> None:
        """No cell, nor the title, can put live HTML or Markdown into render_markdown."""
        attack = "<img src=x onerror=alert(1)> **b** [l](javascript:x)"
        appendix = reference_appendix()
        rows = tuple(attrs.evolve(row, label=attack, note=attack) for row in appendix.rows)
        appendix = attrs.evolve(appendix, rows=rows, title=attack)
        shown = render_markdown(appendix)
        assert "<img" not in shown
        assert "**b**" not in shown
        assert "[l]" not in shown

    @PROPERTY
    @given(_HOSTILE_CELLS, _HOSTILE_CELLS, st.sampled_from(["tsv", "markdown", "xlsx"]))
    def test_write_appendix_is_exact_for_any_label_and_note(
        self, label: str, note: str, fmt: str
    ) -> None:
        """Any label and note come back as they were: escaped, never stripped."""
        if fmt == "xlsx":
            pytest.importorskip("openpyxl")
        appendix = catalogue_2023().build({"7.6": 14584, "3.1.3": 138})
        rows = tuple(
            attrs.evolve(row, label=label, note=note) if row.code == "7.6" else row
            for row in appendix.rows
        )
        appendix = attrs.evolve(appendix, rows=rows)
        try:
            written = write_appendix(appendix, fmt)  # type: ignore[call-overload]
        except CchcError:
            assume(False)  # an unwritable character: refused, not changed
        back = read_appendix(written)
        row = next(row for row in (*back.rows, *back.extra) if row.stt == "7.6.")
        assert (row.label, row.note) == (label, note)


# --- 9. the command line -----------------------------------------------------------------


def _cchc(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_model", *args], capture_output=True, timeout=120,
        check=False, **kwargs,
    )


class TestCommandLineOutput:
    @pytest.mark.parametrize("command", [["validate", "--example"], ["example"]])
    def test_full_disk(self, command: list[str]) -> None:
        """Writing to a full disk is exit 2 and one line, not a traceback and exit 1."""
        with open("/dev/full", "wb") as full:
            done = subprocess.run([sys.executable, "-m", "cchc_model", *command],
                                  stdout=full, stderr=subprocess.PIPE, timeout=120, check=False)
        assert done.returncode == 2
        assert done.stderr.decode().count("\n") == 1
        assert b"Traceback" not in done.stderr

    def test_reader_gone(self) -> None:
        """`cchc validate --example | head -c 0` is exit 2 with one line, never a silent 0."""
        process = subprocess.Popen(
            [sys.executable, "-m", "cchc_model", "validate", "--example"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        with process.stderr:
            error = process.stderr.read()
        assert process.wait(timeout=120) == 2
        assert error.decode().count("\n") == 1
        assert b"Traceback" not in error

    def test_ascii_terminal(self) -> None:
        """An output encoding without Vietnamese letters is exit 2 and one line."""
        done = _cchc("validate", "--example", env={**os.environ, "PYTHONIOENCODING": "ascii"})
        assert done.returncode == 2
        assert done.stderr.count(b"\n") == 1
        assert b"Traceback" not in done.stderr

    def test_closed_stdout(self) -> None:
        """Standard output closed before the start is exit 2 and one line."""
        done = subprocess.run(
            [sys.executable, "-m", "cchc_model", "validate", "--example"],
            preexec_fn=lambda: os.close(1),
            stderr=subprocess.PIPE, timeout=120, check=False,
        )
        assert done.returncode == 2
        assert done.stderr.count(b"\n") == 1


# --- 11. rules, locale, TSV lines, formats -----------------------------------------------


class TestEdges:
    @pytest.mark.parametrize("year", [0, 10**20, -5])
    def test_impossible_years_refused_at_load(self, year: int) -> None:
        """A header year outside 1-9999 is refused by load, so no rule meets it."""
        document = _document()
        document["header"]["date"]["year"] = year
        with pytest.raises(StructureError, match=r"\$\.header"):
            load(_text(document))

    @pytest.mark.parametrize("figure", ["1E+40", "-1E+40", "1E-40"])
    def test_rules_quote_any_figure(self, figure: str) -> None:
        """No rule crashes on rates and values of 10^±40, which load accepts."""
        document = _document()
        for paragraph in document["sections"][0]["subsections"][1]["paragraphs"]:
            for fact in paragraph["facts"]:
                for key in ("numerator", "denominator", "stated"):
                    if key in fact:
                        fact[key] = figure
        for row in document["appendix"]["rows"]:
            if isinstance(row["value"], int):
                row["value"] = {"decimal": figure}
        result = validate(load(_text(document)))
        assert not [f for f in result.findings if f.rule == "engine.rule_failed"]

    def test_format_number_never_takes_the_process_locale(self) -> None:
        """locale=None is a TypeError; babel would read LC_NUMERIC."""
        with pytest.raises(TypeError):
            format_number(1234.5, locale=None)  # type: ignore[arg-type]
        with pytest.raises(CchcError):
            format_number(1234.5, locale="no-such-locale")
        assert format_number(Decimal("1234.5")) == "1.234,5"

    @pytest.mark.parametrize("inside", ["\x0b", "\x0c", "\u2028", "\u2029", "\x1c", "\x85"])
    def test_tsv_row_is_not_split(self, inside: str) -> None:
        """A vertical tab, form feed or U+2028 inside a cell is white space, not a new row."""
        table = ("STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú\n"
                 f"7.6.\tSố liệu về trao đổi văn bản điện tử\t\t14.584\tghi{inside}chú\n")
        appendix = read_appendix(table)
        assert appendix["7.6"].value == 14584
        assert appendix["7.6"].note == "ghi chú"
        assert not appendix.extra

    def test_unknown_format_is_a_cchc_error(self) -> None:
        """read_appendix(format="csv") raises CchcError, not a plain ValueError."""
        with pytest.raises(CchcError):
            read_appendix("STT\tx\n", format="csv")  # type: ignore[arg-type]


# --- the mutation run --------------------------------------------------------------------

#: Cases of the mutation run: a few hundred by default, the full campaign with
#: CCHC_FUZZ_CASES=5000.
CASES = int(os.environ.get("CCHC_FUZZ_CASES", "300"))

_TEXT_MUTATIONS: tuple[Callable[[str, random.Random], str], ...] = (
    lambda t, r: t.replace('": ', '":', r.randint(1, 50)),
    lambda t, r: t.replace('"agency": ', '"agency": "X", "agency": ', 1),
    lambda t, r: re.sub(r'"(\d+\.\d+)"', lambda m: f'"{r.choice(["1_", "+", " ", "0"])}'
                        f'{m.group(1)}"', t, count=r.randint(1, 3)),
    lambda t, r: re.sub(r'"(\d{4})-(\d{2})-(\d{2})"', r'"\1\2\3"', t, count=1),
    lambda t, r: t.replace("Sở", r.choice(["S\\u0001ở", "S\\ud800ở", "S\\u000bở", "S\x7fở"]), 1),
    lambda t, r: t[: r.randrange(len(t))],
    lambda t, r: t.replace("\n", "\r\n"),
    lambda t, r: t.replace('"value": 1', '"value": 1' + "0" * r.randint(1, 60), 1),
    lambda t, r: t.replace('"paragraphs": [', '"paragraphs": [' * r.randint(1, 3), 1),
    lambda t, r: "\ufeff" + t,
)


def _json_case(original: str, rng: random.Random) -> None:
    text = original
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(_TEXT_MUTATIONS)(text, rng)
    data: str | bytes = text
    if rng.random() < 0.2:
        data = text.encode(rng.choice(["utf-8", "utf-16", "utf-8-sig"]))
    try:
        report = load(data)
    except CchcError:
        return
    # Accepted: nothing was changed on the way in, and no rule crashes on it.
    document = json.loads(data)
    assert to_dict(report) == document or json.loads(dumps(report)) == document
    assert not [f for f in validate(report).findings if f.rule == "engine.rule_failed"]


_CELL_JUNK = ("<i>", "</b>", "**", "&#32;", "&lt;", "\x0b", "\u2028", "\x01", "\ufffe", "|",
              "\t", "  ", "\r", "١٢", "1e40", "=SUM(A1)", "Trong đó", "STT", "99%", "\ud800")


def _table_case(original: str, rng: random.Random) -> None:
    lines = original.split("\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        where = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:where] + rng.choice(_CELL_JUNK) + lines[i][where:]
    text = "\n".join(lines)
    fmt = rng.choice([None, "tsv", "markdown"])
    try:
        appendix = read_appendix(text, format=fmt)
    except CchcError:
        return
    assert not [f for f in validate(appendix).findings if f.rule == "engine.rule_failed"]
    for out in ("tsv", "markdown"):
        again = read_appendix(write_appendix(appendix, out))  # type: ignore[call-overload]
        assert [(r.code, r.label, r.note, r.value) for r in again.rows] == [
            (r.code, r.label, r.note, r.value) for r in appendix.rows
        ]


def _workbook_case(original: bytes, rng: random.Random) -> None:
    data = bytearray(original)
    kind = rng.randrange(3)
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        mutated = bytes(data)
    else:
        def change(name: str, part: bytes) -> bytes:
            if not name.startswith("xl/worksheets/"):
                return part
            if kind == 1:
                return re.sub(rb'<dimension ref="[^"]*"\s*/>',
                              f'<dimension ref="A1:E{rng.randint(1, 5)}"/>'.encode(), part)
            return part.replace(b"<v>", b"<f>1+1</f><v>", 1).replace(
                b'<c r="D', b'<c t="n" r="D', 0)
        mutated = _rezip(original, change)
    try:
        appendix = read_appendix(mutated)
    except CchcError:
        return
    if kind == 1:
        assert appendix == read_appendix(original)
    assert not [f for f in validate(appendix).findings if f.rule == "engine.rule_failed"]


#: What a mutated Word file may carry in its text: markup look-alikes, numbering, a signing
#: authority, a head line, unusual spacing, figures and citations.
_WORD_JUNK = ("&lt;i&gt;", "**", "I.", "1.", "Trong đó:", "KT. ", "Số: 12/BC-X", "\u2028",
              "Nơi nhận:", "PHỤ LỤC", "486 hồ sơ (trước hạn 430; đúng hạn 55)", "12/12",
              "Quyết định số 25/QĐ-UBND ngày 06/02/2022", "\u00a0", "ngày    tháng 11 năm 2023")


def _word_case(original: bytes, rng: random.Random) -> None:
    kind = rng.randrange(4)
    if kind == 0:
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        mutated = bytes(data)
    else:
        def change(name: str, part: bytes) -> bytes:
            if name == "word/document.xml" and kind == 1:  # text put into runs
                for _ in range(rng.randint(1, 4)):
                    runs = [m.end() for m in re.finditer(rb"<w:t(?: [^>]*)?>", part)]
                    at = rng.choice(runs)
                    part = part[:at] + rng.choice(_WORD_JUNK).encode() + part[at:]
                return part
            if name == "word/document.xml" and kind == 2:  # a tag cut out: malformed XML
                tags = [m.span() for m in re.finditer(rb"</?w:[a-zA-Z]+[^>]*>", part)]
                start, end = rng.choice(tags)
                return part[:start] + part[end:]
            if name == "word/numbering.xml" and kind == 3:  # lists pointed elsewhere
                return re.sub(rb'w:val="(\d+)"', lambda m: f'w:val="{rng.randint(0, 99)}"'
                              .encode(), part, count=rng.randint(1, 20))
            return part
        mutated = _rezip(original, change)
    try:
        report = read_report(mutated, format="docx")
    except CchcError:
        return
    # Read: what the model holds survives JSON, and no rule crashes on it.
    assert load(dumps(report)) == report
    assert not [f for f in validate(report).findings if f.rule == "engine.rule_failed"]


def _cases(count: int) -> Iterator[tuple[str, int]]:
    kinds = ("json", "table", "workbook", "word")
    for seed in range(count):
        yield kinds[seed % 4], seed


class TestMutationRun:
    def test_no_crash_no_silent_change(self) -> None:
        """CCHC_FUZZ_CASES mutations of JSON, tables, workbooks and Word files: a CchcError or
        an exact read, and no rule crash (a failing case names its kind and seed)."""
        original = reference_report_json()
        table = write_appendix(reference_appendix())
        word = (DATA / "docx" / "so_tu_phap_6_thang_2024.docx").read_bytes()
        try:
            workbook = write_appendix(reference_appendix(), "xlsx")
        except CchcError:
            workbook = b""
        for kind, seed in _cases(CASES):
            rng = random.Random(seed)  # noqa: S311 - reproducible cases
            try:
                if kind == "json":
                    _json_case(original, rng)
                elif kind == "table":
                    _table_case(table, rng)
                elif kind == "word":
                    _word_case(word, rng)
                elif workbook:
                    _workbook_case(workbook, rng)
            except CchcError:
                raise
            except Exception as error:
                raise AssertionError(f"{kind} case {seed}: {error!r}") from error
