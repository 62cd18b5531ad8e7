"""The ``cchc`` command.

Exit codes: 0 when validation finds no error, 1 when it does, 2 when the input cannot be used
or the output cannot be written (a one-line message on stderr, no traceback). A reader that
goes away (``cchc validate … | head -c 0``) is an output that cannot be written: exit 2,
never 0, so a pipeline cannot take an unread verdict for a pass.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from cchc_model._base.errors import AppendixOnlyError, CchcError, InputError
from cchc_model._base.files import read_bounded
from cchc_model._io.reports import read_report
from cchc_model._io.serialization import dumps, load
from cchc_model._io.tables import read_appendix, write_appendix
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report
from cchc_model._pool import default_jobs, map_in_order
from cchc_model._rules.default import validate
from cchc_model._rules.engine import ValidationReport
from cchc_model._values.references import MAX_TEXT_LENGTH, ReferenceMatch, extract_references

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
#: The exit code of a run stopped by Ctrl-C, as the shell gives a process SIGINT ended.
EXIT_INTERRUPTED = 130
#: JSON of a folder's files held in memory before it goes to a temporary file, and the
#: characters of it copied to standard output at a time.
_SPOOL_BYTES, _COPY_CHARS = 1 << 20, 1 << 16

_TABLE_SUFFIXES = (".tsv", ".xlsx")
_REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
#: The suffixes of the files the command reads, as reports or appendix tables.
_SUFFIXES = (".json", *_REPORT_SUFFIXES, *_TABLE_SUFFIXES)
#: How a file was read, as the output says it.
READ_AS = {
    "report": "đọc như báo cáo (read as a report)",
    "appendix": "đọc như phụ lục (read as an appendix)",
}


def _example_report() -> Report:
    from cchc_model.examples import reference_report  # noqa: PLC0415 - read only when asked

    return reference_report()


def _read_target(path: str | Path) -> tuple[Report | Appendix, str]:
    """The report or appendix in *path*, and which of the two it is.

    A report comes from ``.json``, ``.md``, ``.txt`` or ``.docx``, an appendix from a table
    file; a text file that is only a table is an appendix.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return load(Path(path)), "report"
    if suffix in _REPORT_SUFFIXES:
        try:
            return read_report(Path(path)), "report"
        except AppendixOnlyError:
            return read_appendix(Path(path)), "appendix"
    if suffix in _TABLE_SUFFIXES:
        return read_appendix(Path(path)), "appendix"
    raise InputError(
        f"không nhận dạng được loại tệp (unknown file type) {suffix or '(none)'}: {path}; "
        "cần .json, .md, .txt, .docx, .tsv hoặc .xlsx"
    )


def _load_target(path: str | Path) -> Report | Appendix:
    return _read_target(path)[0]


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.example == (args.path is not None):
        raise InputError("cần đúng một trong PATH hoặc --example (give PATH or --example)")
    if args.path is not None and Path(args.path).is_dir():
        return _validate_folder(Path(args.path), args.format, _jobs(args))
    target: Report | Appendix
    if args.example:
        target, read_as = _example_report(), "report"
    else:
        target, read_as = _read_target(args.path)
    result = validate(target)
    if args.format == "json":
        data = {"read_as": read_as, **result.to_dict()}
        _write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        said = f"{args.path}: {READ_AS[read_as]}\n" if args.path is not None else ""
        _write_stdout(f"{said}{result}\n")
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _summary(result: ValidationReport) -> str:
    """The verdict line of the summary: ``ĐẠT (ok): 0 lỗi, 1 cảnh báo, 0 thông tin``."""
    return str(result).rpartition("\n")[2]


def _folder_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)
    except OSError as error:
        raise InputError(f"không đọc được thư mục (cannot read folder) {str(folder)!r}: "
                         f"{error.strerror}") from None


def _check_file(path: str, output: str) -> tuple[int, str]:
    """Read and validate one file of a folder: what the folder's output says of it.

    Returns the file's outcome (``EXIT_OK``, ``EXIT_FINDINGS``, or ``EXIT_UNUSABLE`` when
    it cannot be read) and its line of text, or its entry in the JSON list of files. It runs
    in a worker process when there are many files, so it returns this one small line, never
    the report.
    """
    try:
        target, read_as = _read_target(path)
        result = validate(target)
    except CchcError as error:
        message = " ".join(str(error).split())
        if output == "json":
            return EXIT_UNUSABLE, _json_entry({"path": path, "error": message})
        return EXIT_UNUSABLE, f"{path}: KHÔNG ĐỌC ĐƯỢC (unusable): {message}"
    outcome = EXIT_OK if result.ok else EXIT_FINDINGS
    if output == "json":
        return outcome, _json_entry({"path": path, "read_as": read_as, **result.to_dict()})
    return outcome, f"{path}: {READ_AS[read_as]}; {_summary(result)}"


def _json_entry(row: dict[str, object]) -> str:
    """*row* as ``json.dumps(..., indent=2)`` lays out an item of the document's list."""
    return "\n".join("    " + line
                     for line in json.dumps(row, ensure_ascii=False, indent=2).splitlines())


class _FolderProgress:
    """``[12/300] a.tsv`` on standard error while a folder is validated, on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = sys.stderr.isatty()
        # Lines go to standard output as they come: on the same terminal, the bar is
        # cleared before each and drawn again below it.
        self.clears = self.shown and sys.stdout is not None and sys.stdout.isatty()

    def __call__(self, done: int, name: str) -> None:
        if self.shown:
            sys.stderr.write(f"\r[{done}/{self.total}] {name[:60]:<60}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 72 + "\r")
            sys.stderr.flush()


def _validate_folder(folder: Path, output: str, jobs: int) -> int:
    """Every report and appendix file of *folder*: one line each, progress on a terminal.

    The files are read on *jobs* processes; the lines come out as the files do, in the order
    of their names, the same whatever the number of jobs. JSON is held in a spooled file
    until the verdict that heads it is known.
    """
    files = [str(path) for path in _folder_files(folder)]
    progress = _FolderProgress(len(files))
    failed = read = 0
    work = functools.partial(_check_file, output=output)
    with contextlib.ExitStack() as stack:
        spool = (stack.enter_context(tempfile.SpooledTemporaryFile(
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8"))
            if output == "json" else None)
        results = stack.enter_context(contextlib.closing(
            map_in_order(work, files, jobs=jobs)))
        for number, (outcome, text) in enumerate(results, start=1):
            read += outcome != EXIT_UNUSABLE
            failed += outcome == EXIT_FINDINGS
            if spool is not None:
                spool.write(",\n" + text if number > 1 else text)
            else:
                if progress.clears:
                    progress.clear()
                _write_stdout(text + "\n")
            progress(number, Path(files[number - 1]).name)
        progress.clear()
        if spool is not None:
            ok = "true" if failed == 0 and read > 0 else "false"
            if not files:
                _write_stdout(f'{{\n  "ok": {ok},\n  "files": []\n}}\n')
            else:
                _write_stdout(f'{{\n  "ok": {ok},\n  "files": [\n')
                spool.seek(0)
                while block := spool.read(_COPY_CHARS):
                    _write_stdout(block)
                _write_stdout("\n  ]\n}\n")
        else:
            _write_stdout(
                f"{len(files)} tệp (files): {read} đọc được, {len(files) - read} không đọc "
                f"được, {failed} không đạt\n"
            )
    if failed:
        return EXIT_FINDINGS
    return EXIT_OK if read else EXIT_UNUSABLE


def _cmd_import(args: argparse.Namespace) -> int:
    report = read_report(Path(args.path))
    _write_text(args.out, dumps(report) + "\n")
    return EXIT_OK


class _OutputError(CchcError):
    """Standard output cannot take what the command writes."""


def _write_stdout(text: str | bytes) -> None:
    """Write *text* to standard output and flush it, or raise :class:`_OutputError`.

    A full disk, a closed pipe and a terminal whose encoding lacks Vietnamese letters all
    end here, as one line on stderr and exit 2.
    """
    if sys.stdout is None:  # started with standard output closed (`cchc … >&-`)
        raise _OutputError("không có đầu ra chuẩn (standard output is closed)")
    try:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        raise _OutputError(
            f"không ghi được kết quả: bảng mã {encoding} của đầu ra không có chữ tiếng Việt, "
            f"hãy đặt PYTHONIOENCODING=utf-8 (cannot write output in {encoding}: "
            "set PYTHONIOENCODING=utf-8)"
        ) from None
    except (OSError, ValueError) as error:  # ValueError: the stream was closed
        reason = getattr(error, "strerror", None) or str(error)
        raise _OutputError(f"không ghi được kết quả (cannot write output): {reason}") from None


def _write_text(out: str | None, text: str) -> None:
    """Write *text* to the file *out*, or to standard output without one."""
    if not out:
        _write_stdout(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"không ghi được tệp (cannot write) {out!r}: {error.strerror}") from None


def _cmd_example(args: argparse.Namespace) -> int:
    from cchc_model.examples import reference_report_json  # noqa: PLC0415

    text = reference_report_json()
    _write_text(args.out, text)
    return EXIT_OK


#: Most bytes ``cchc refs`` reads: the longest text extract_references takes, in UTF-8.
_MAX_TEXT_BYTES = 4 * MAX_TEXT_LENGTH


def _read_text(path: str) -> str:
    """The text of a UTF-8 file, or an :class:`InputError` saying why it cannot be read."""
    try:
        data = read_bounded(path, _MAX_TEXT_BYTES)
    except OSError as error:
        raise InputError(f"không đọc được tệp (cannot read) {path!r}: {error.strerror}") from None
    if data is None:
        raise InputError(
            f"tệp quá lớn, tối đa {_MAX_TEXT_BYTES} byte (file too large) {path!r}"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"tệp không phải UTF-8 (not UTF-8) {path!r}: byte {error.start}"
        ) from None


def _reference_row(match: ReferenceMatch, line: int, column: int) -> dict[str, object]:
    ref = match.ref
    return {
        "line": line,
        "column": column,
        "start": match.start,
        "end": match.end,
        "text": match.text,
        "citation": str(ref),
        "doc_type": None if ref.doc_type is None else ref.doc_type.value,
        "number": ref.number,
        "year": ref.year,
        "symbol": ref.symbol,
        "number_symbol": ref.number_symbol,
        "issuer_codes": list(ref.issuer_codes),
        "issued_on": None if ref.issued_on is None else ref.issued_on.isoformat(),
        "issuer": ref.issuer,
        "subject": ref.subject,
        "warnings": list(ref.warnings),
    }


def _cmd_refs(args: argparse.Namespace) -> int:
    text = _read_text(args.path)
    matches = extract_references(text)
    line_starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    rows = []
    for match in matches:
        line = bisect.bisect_right(line_starts, match.start)
        rows.append(_reference_row(match, line, match.start - line_starts[line - 1] + 1))
    if args.format == "json":
        document = {"path": args.path, "references": rows}
        _write_stdout(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = []
    for row, match in zip(rows, matches, strict=True):
        one_line = " ".join(match.text.split())
        lines.append(
            f"{args.path}:{row['line']}:{row['column']}: {match.ref.number_symbol}\t{one_line}"
        )
        lines.extend(f"    ! {warning}" for warning in match.ref.warnings)
    lines.append(f"{len(rows)} trích dẫn (citations)")
    _write_stdout("\n".join(lines) + "\n")
    return EXIT_OK


_RENDER_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                    ".htm": "html", ".docx": "docx"}


def _cmd_render(args: argparse.Namespace) -> int:
    from cchc_model._render import render_docx, render_html, render_markdown  # noqa: PLC0415

    if args.example == (args.path is not None):
        raise InputError("cần đúng một trong PATH hoặc --example (give PATH or --example)")
    to = args.to
    if to is None:
        to = _RENDER_SUFFIXES.get(Path(args.out).suffix.lower(), "markdown") if args.out else (
            "markdown"
        )
    binary = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if to == "docx" and not args.out and (binary is None or sys.stdout.isatty()):
        raise InputError(
            "tệp .docx là nhị phân: dùng --out FILE hoặc chuyển hướng stdout "
            "(docx is binary: give --out FILE or redirect stdout)"
        )
    target = _example_report() if args.example else _load_target(args.path)
    if to == "docx":
        data = render_docx(target, path=args.out)
        if not args.out:
            _write_stdout(data)
        return EXIT_OK
    text = render_html(target) if to == "html" else render_markdown(target)
    _write_text(args.out, text)
    return EXIT_OK


def _unit_files(paths: Sequence[str]) -> list[Path]:
    """The files of the units: each file given, and the readable files of each folder given."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES
            ))
        elif path.is_file():
            if path.suffix.lower() not in _SUFFIXES:
                _load_target(given)  # raises: the file type is unknown
            files.append(path)
        else:
            raise InputError(f"không có tệp hay thư mục (no such file or folder): {given!r}")
    if not files:
        raise InputError(
            "không có tệp số liệu nào để đọc (no unit files found): cần "
            + ", ".join(_SUFFIXES)
        )
    return files


class _Progress:
    """``[12/300] Sở Y tế`` on standard error, when it is a terminal; nothing otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total > 1 and sys.stderr.isatty()

    def __call__(self, done: int, name: str) -> None:
        if self.shown:
            sys.stderr.write(f"\r\x1b[K[{done}/{self.total}] {name[:60]}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _read_unit(path: str, *, whole: bool) -> tuple[str, Report | Appendix | None, str]:
    """One unit's file: its name, what was read (``None`` if nothing), and the error if not.

    It runs in a worker process when there are many files, so what it returns is kept
    small: unless *whole*, a report comes back as its header and appendix, all that
    consolidation reads of it. The error comes back as its one-line message, which is what
    the command says of it.
    """
    name = Path(path).stem
    try:
        unit = _load_target(path)
    except CchcError as error:
        return name, None, " ".join(str(error).split())
    if isinstance(unit, Report) and not whole:
        unit = Report(unit.header, appendix=unit.appendix)
    return name, unit, ""


def _read_units(files: Sequence[Path], progress: _Progress, *, jobs: int, whole: bool = False
                ) -> Iterator[tuple[str, Report | Appendix | CchcError]]:
    """Each file as a unit named by its stem, read on *jobs* processes, in the files' order.

    Units are handed over one at a time as they arrive, and only a few chunks of them are
    read ahead, so memory stays flat. *whole* keeps a report's prose (for ``cchc facts
    --prose`` and ``--citations``); otherwise a report comes as its header and appendix.
    """
    work = functools.partial(_read_unit, whole=whole)
    with contextlib.closing(map_in_order(work, [str(p) for p in files], jobs=jobs)) as units:
        for done, (name, unit, error) in enumerate(units, start=1):
            progress(done, name)
            yield name, InputError(error) if unit is None else unit
    progress.close()


_CONSOLIDATED_FORMATS: dict[str, Literal["tsv", "markdown", "xlsx"]] = {
    ".xlsx": "xlsx", ".tsv": "tsv", ".txt": "tsv", ".md": "markdown",
}


def _expected_units(path: str | None) -> list[str] | None:
    if path is None:
        return None
    lines = _read_text(path).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _cmd_consolidate(args: argparse.Namespace) -> int:
    from cchc_model._rules.consolidation import consolidate  # noqa: PLC0415 - on demand

    table_format = _CONSOLIDATED_FORMATS.get(Path(args.out).suffix.lower())
    if table_format is None:
        raise InputError(
            f"--out phải là .xlsx, .tsv hoặc .md (--out must be .xlsx, .tsv or .md): {args.out}"
        )
    expected = _expected_units(args.expected)
    files = _unit_files(args.paths)
    progress = _Progress(len(files))
    consolidation = consolidate(_read_units(files, progress, jobs=_jobs(args)),
                                expected=expected)
    write_appendix(consolidation.appendix, table_format, path=args.out)
    result = consolidation.validate()
    if args.format == "json":
        data = {"units": list(consolidation.units), "out": args.out, **result.to_dict()}
        _write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _write_stdout(
            f"Đã tổng hợp {len(consolidation.units)}/{len(files)} đơn vị vào {args.out} "
            f"(combined {len(consolidation.units)} of {len(files)} units)\n{result}\n"
        )
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _cmd_facts(args: argparse.Namespace) -> int:
    from cchc_model._io.fact_table import write_fact_table  # noqa: PLC0415 - on demand

    files = _unit_files(args.paths)
    progress = _Progress(len(files))
    failed: list[str] = []

    def readable() -> Iterator[tuple[str, Report | Appendix]]:
        whole = bool(args.prose or args.citations)
        for name, unit in _read_units(files, progress, jobs=_jobs(args), whole=whole):
            if isinstance(unit, CchcError):
                failed.append(" ".join(str(unit).split()))
                continue
            yield name, unit

    write_fact_table(readable(), args.out, facts=args.prose, citations=args.citations)
    for message in failed:
        print(f"cchc: {message}", file=sys.stderr)
    _write_stdout(f"Đã ghi {len(files) - len(failed)}/{len(files)} đơn vị vào {args.out} "
                  f"(wrote {len(files) - len(failed)} of {len(files)} units)\n")
    return EXIT_FINDINGS if failed else EXIT_OK
_EXIT_CODES = """\
mã thoát (exit codes):
  0  xong, không có lỗi (done; validate found no error-severity finding)
  1  validate tìm thấy lỗi (validate found at least one error-severity finding)
  2  không dùng được đầu vào: một dòng trên stderr (unusable input: one line on stderr)
  130  dừng bằng Ctrl-C (stopped by Ctrl-C)"""

_INPUTS = """\
đầu vào (inputs):
  .json                     báo cáo do `cchc example` hoặc dumps() ghi
                            (a report as dumps() writes it)
  .tsv .txt .md .xlsx       bảng phụ lục: STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú
                            (an appendix table in the form's layout)"""


_JOBS = """\
tiến trình (--jobs N, -j N):
  đọc các tệp của thư mục trên N tiến trình, mặc định bằng số lõi CPU; -j 1 đọc lần lượt
  trong một tiến trình. Kết quả như nhau với mọi N: cùng các dòng, cùng thứ tự, cùng mã thoát.
  (read a folder's files on N processes, by default one per core; -j 1 reads them one by one
  in this process. The output is the same for every N: the same lines in the same order,
  the same exit code.)"""


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương (a positive integer): {text!r}")
    return number


def _add_jobs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-j", "--jobs", type=_positive, metavar="N",
        help="read the files on N processes (default: one per core; 1: in this process)",
    )


def _jobs(args: argparse.Namespace) -> int:
    jobs: int | None = args.jobs
    return default_jobs() if jobs is None else jobs


def _help(description: str, *parts: str) -> dict[str, object]:
    return {
        "description": description,
        "epilog": "\n\n".join((*parts, _EXIT_CODES)),
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def _version() -> str:
    from cchc_model import __version__  # noqa: PLC0415 - the front door, read when asked

    return f"cchc {__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc",
        **_help(  # type: ignore[arg-type]
            "Kiểm tra và xử lý báo cáo cải cách hành chính (CCHC reports): validate, example, "
            "refs, render, consolidate, facts. `cchc COMMAND --help` nói rõ từng lệnh "
            "(explains each command).",
        ),
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate_cmd = commands.add_parser(
        "validate", help="kiểm tra báo cáo hoặc bảng phụ lục (validate a report or appendix)",
        **_help(  # type: ignore[arg-type]
            "Kiểm tra báo cáo hoặc bảng phụ lục theo các quy tắc của thư viện và in các phát "
            "hiện (validate a report or an appendix table against the library's rules).",
            _INPUTS,
            "định dạng (--format):\n"
            "  text  tóm tắt theo mức độ, như print(validate(r)) (a summary by severity)\n"
            '  json  {"ok": bool, "findings": [{"rule", "severity", "codes", "path", '
            '"message", "message_en"}]}',
            "thư mục (DIR): mỗi tệp một dòng theo thứ tự tên tệp, rồi một dòng tổng; mã thoát 1 "
            "nếu một tệp có lỗi, 2 nếu không tệp nào đọc được\n"
            "  (a folder: one line per file in the order of their names, then a total; exit 1 "
            "when a file has errors, 2 when no file can be read)",
            _JOBS,
        ),
    )
    validate_cmd.add_argument(
        "path", nargs="?", metavar="PATH",
        help="a report (.json, .md, .txt, .docx), an appendix table (.tsv, .xlsx, or a .txt/.md "
        "that is only a table), or a folder of them",
    )
    validate_cmd.add_argument("--example", action="store_true",
                              help="the embedded reference report (Ninh Thuận, 2023)")
    validate_cmd.add_argument("--format", choices=("text", "json"), default="text",
                              help="text (default) or json; see below")
    _add_jobs(validate_cmd)
    validate_cmd.set_defaults(run=_cmd_validate)

    import_cmd = commands.add_parser(
        "import", help="đọc báo cáo vào mô hình JSON (read a Word or text report into JSON)"
    )
    import_cmd.add_argument("path", metavar="REPORT", help="a report .md, .txt or .docx")
    import_cmd.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    import_cmd.set_defaults(run=_cmd_import)

    example_cmd = commands.add_parser(
        "example", help="in báo cáo mẫu dạng JSON (write the reference report as JSON)",
        **_help(  # type: ignore[arg-type]
            "Ghi báo cáo mẫu (Sở LĐTBXH Ninh Thuận, 2023) dạng JSON mà load() đọc được "
            "(write the embedded reference report as the JSON that load() reads).",
        ),
    )
    example_cmd.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    example_cmd.set_defaults(run=_cmd_example)

    refs_cmd = commands.add_parser(
        "refs", help="liệt kê văn bản được trích dẫn (list the legal references in a text file)",
        **_help(  # type: ignore[arg-type]
            "Liệt kê các văn bản được trích dẫn trong một tệp văn bản UTF-8 (list the legal "
            "documents cited in a UTF-8 text file).",
            "định dạng (--format):\n"
            "  text  PATH:LINE:COLUMN: số/ký hiệu <tab> trích dẫn, cảnh báo thụt lề\n"
            "        (one citation a line, its warnings indented)\n"
            '  json  {"path", "references": [{"line", "column", "start", "end", "text", '
            '"citation", "doc_type", "number", "year", "symbol", ...}]}',
        ),
    )
    refs_cmd.add_argument("path", metavar="PATH", help="a UTF-8 text file")
    refs_cmd.add_argument("--format", choices=("text", "json"), default="text",
                          help="text (default) or json; see below")
    refs_cmd.set_defaults(run=_cmd_refs)

    render_cmd = commands.add_parser(
        "render", help="trình bày báo cáo (render a report or appendix: Markdown, HTML, Word)",
        **_help(  # type: ignore[arg-type]
            "Trình bày báo cáo hoặc bảng phụ lục dạng Markdown, HTML hoặc Word (render a "
            "report or an appendix table as Markdown, HTML or Word).",
            _INPUTS,
            "đầu ra (--to):\n"
            "  markdown  văn bản Markdown (Markdown text)\n"
            "  html      trang HTML, các phát hiện được đánh dấu (an HTML page, findings marked)\n"
            "  docx      tệp Word theo thể thức Nghị định 30/2020 (a Word file in the Decree 30 "
            "layout; needs the docx extra)",
        ),
    )
    render_cmd.add_argument("path", nargs="?", metavar="PATH",
                            help="report .json, or an appendix table (.tsv/.txt/.md/.xlsx)")
    render_cmd.add_argument("--example", action="store_true",
                            help="the embedded reference report (Ninh Thuận, 2023)")
    render_cmd.add_argument(
        "--to", choices=("markdown", "html", "docx"),
        help="output form; by default from the --out suffix (.md, .html, .docx), else markdown",
    )
    render_cmd.add_argument(
        "--out", metavar="FILE",
        help="write to FILE instead of stdout (docx goes to stdout only when redirected)",
    )
    render_cmd.set_defaults(run=_cmd_render)

    consolidate_cmd = commands.add_parser(
        "consolidate",
        help="tổng hợp phụ lục của nhiều đơn vị (combine many units' appendices into one)",
        **_help(  # type: ignore[arg-type]
            "Tổng hợp phụ lục số liệu của nhiều đơn vị thành một (combine the appendices of "
            "many units into one): chỉ tiêu đếm được cộng, tỷ số cộng tử và mẫu, câu trả lời "
            "mã hóa được đếm theo từng mã. Tên đơn vị là tên tệp bỏ phần đuôi (a unit is named "
            "by its file's stem). In các phát hiện: đơn vị thiếu, nộp trùng, khác biểu mẫu hay "
            "kỳ báo cáo, giá trị không cộng được, và kết quả kiểm tra phụ lục tổng hợp.",
            _INPUTS,
            "kết quả (--out): .xlsx, .tsv hoặc .md, bảng phụ lục theo biểu mẫu\n"
            "  (the combined appendix in the form's layout)\n"
            "--expected FILE: mỗi dòng một tên đơn vị phải báo cáo; dòng bắt đầu bằng # bỏ qua\n"
            "  (one expected unit a line; lines starting with # are ignored)",
            _JOBS,
        ),
    )
    consolidate_cmd.add_argument(
        "paths", nargs="+", metavar="DIR_OR_FILE",
        help="unit files (report .json or appendix .tsv/.txt/.md/.xlsx), or folders of them; "
        "each file's name without suffix is the unit's name",
    )
    consolidate_cmd.add_argument("--out", required=True, metavar="FILE",
                                 help="the combined appendix: .xlsx, .tsv or .md")
    consolidate_cmd.add_argument("--expected", metavar="FILE",
                                 help="the units that should report, one name a line")
    consolidate_cmd.add_argument("--format", choices=("text", "json"), default="text")
    _add_jobs(consolidate_cmd)
    consolidate_cmd.set_defaults(run=_cmd_consolidate)

    facts_cmd = commands.add_parser(
        "facts", help="ghi bảng dữ kiện Parquet (write the units' figures as Parquet)",
        **_help(  # type: ignore[arg-type]
            "Ghi số liệu của nhiều đơn vị thành bảng dạng dài Parquet, mỗi dòng một đơn vị và "
            "một chỉ tiêu, để truy vấn bằng DuckDB (write the units' figures in long form as "
            "Parquet, one row per unit and indicator, for DuckDB). Cần gói phụ `table` "
            "(needs the `table` extra: pyarrow).",
            _INPUTS,
            "kết quả (--out): một tệp .parquet, hoặc một thư mục chia theo năm và loại kỳ\n"
            "  (a .parquet file, or a folder partitioned by year and period kind)",
            _JOBS,
        ),
    )
    facts_cmd.add_argument("paths", nargs="+", metavar="DIR_OR_FILE",
                           help="unit files or folders of them, as for consolidate")
    facts_cmd.add_argument(
        "--out", required=True, metavar="PATH",
        help="a .parquet file, or a folder partitioned by year and period kind",
    )
    facts_cmd.add_argument("--prose", metavar="PATH",
                           help="also write the figures stated in the reports' prose here")
    facts_cmd.add_argument("--citations", metavar="PATH",
                           help="also write the reports' citations here")
    _add_jobs(facts_cmd)
    facts_cmd.set_defaults(run=_cmd_facts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        # The workers ignore Ctrl-C; the pool has let the files being read finish.
        print("\ncchc: đã dừng (interrupted)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except CchcError as error:
        if isinstance(error, _OutputError):
            _silence_stdout()
        message = " ".join(str(error).split())
        print(f"cchc: {message}", file=sys.stderr)
        return EXIT_UNUSABLE


def _silence_stdout() -> None:
    """Point standard output at the null device.

    The interpreter flushes standard output once more on exit; what could not be written
    would fail again there, with a second message.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
