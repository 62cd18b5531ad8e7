"""The ``cchc`` command.

Exit codes: 0 when validation finds no error, 1 when it does, 2 when the input cannot be used
(a one-line message on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cchc_model._base.errors import AppendixOnlyError, CchcError, InputError
from cchc_model._io.reports import read_report
from cchc_model._io.serialization import dumps, load
from cchc_model._io.tables import read_appendix
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report
from cchc_model._rules.default import validate
from cchc_model._rules.engine import Severity, ValidationReport
from cchc_model._values.references import ReferenceMatch, extract_references

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

_TABLE_SUFFIXES = (".tsv", ".xlsx")
_REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
#: How a file was read, as the output says it.
READ_AS = {
    "report": "đọc như báo cáo (read as a report)",
    "appendix": "đọc như phụ lục (read as an appendix)",
}


def _example_report() -> Report:
    from cchc_model.examples import reference_report  # noqa: PLC0415 - read only when asked

    return reference_report()


def _read_target(path: str) -> tuple[Report | Appendix, str]:
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


def _load_target(path: str) -> Report | Appendix:
    return _read_target(path)[0]


def _format_text(result: ValidationReport) -> str:
    lines: list[str] = []
    for severity in Severity:
        group = [f for f in result.findings if f.severity is severity]
        if not group:
            continue
        lines.append(f"{severity.label.upper()} ({severity.value}): {len(group)}")
        for finding in group:
            codes = f" [{', '.join(finding.codes)}]" if finding.codes else ""
            lines.append(f"  {finding.rule} {finding.path}{codes}: {finding.message}")
    counts = result.counts
    verdict = "ĐẠT (ok)" if result.ok else "KHÔNG ĐẠT (failed)"
    lines.append(
        f"{verdict}: {counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
        f"{counts[Severity.INFO]} thông tin"
    )
    return "\n".join(lines)


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.example == (args.path is not None):
        raise InputError("cần đúng một trong PATH hoặc --example (give PATH or --example)")
    if args.path is not None and Path(args.path).is_dir():
        return _validate_folder(Path(args.path), args.format)
    target: Report | Appendix
    if args.example:
        target, read_as = _example_report(), "report"
    else:
        target, read_as = _read_target(args.path)
    result = validate(target)
    if args.format == "json":
        data = {"read_as": read_as, **result.to_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        if args.path is not None:
            print(f"{args.path}: {READ_AS[read_as]}")
        print(_format_text(result))
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _summary(result: ValidationReport) -> str:
    counts = result.counts
    verdict = "ĐẠT (ok)" if result.ok else "KHÔNG ĐẠT (failed)"
    return (f"{verdict}: {counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
            f"{counts[Severity.INFO]} thông tin")


def _folder_files(folder: Path) -> list[Path]:
    suffixes = {".json", *_REPORT_SUFFIXES, *_TABLE_SUFFIXES}
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    except OSError as error:
        raise InputError(f"không đọc được thư mục (cannot read folder) {str(folder)!r}: "
                         f"{error.strerror}") from None


def _validate_folder(folder: Path, output: str) -> int:
    """Every report and appendix file of *folder*: one line each, progress on a terminal."""
    files = _folder_files(folder)
    progress = sys.stderr.isatty()
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    failed = read = 0
    for number, path in enumerate(files, start=1):
        if progress:
            sys.stderr.write(f"\r[{number}/{len(files)}] {path.name[:60]:<60}")
            sys.stderr.flush()
        try:
            target, read_as = _read_target(str(path))
            result = validate(target)
        except CchcError as error:
            message = " ".join(str(error).split())
            rows.append({"path": str(path), "error": message})
            lines.append(f"{path}: KHÔNG ĐỌC ĐƯỢC (unusable): {message}")
            continue
        read += 1
        failed += not result.ok
        rows.append({"path": str(path), "read_as": read_as, **result.to_dict()})
        lines.append(f"{path}: {READ_AS[read_as]}; {_summary(result)}")
    if progress:
        sys.stderr.write("\r" + " " * 72 + "\r")
        sys.stderr.flush()
    if output == "json":
        print(json.dumps({"ok": failed == 0 and read > 0, "files": rows},
                         ensure_ascii=False, indent=2))
    else:
        lines.append(
            f"{len(files)} tệp (files): {read} đọc được, {len(files) - read} không đọc được, "
            f"{failed} không đạt"
        )
        print("\n".join(lines))
    if failed:
        return EXIT_FINDINGS
    return EXIT_OK if read else EXIT_UNUSABLE


def _cmd_import(args: argparse.Namespace) -> int:
    report = read_report(Path(args.path))
    _write_text(args.out, dumps(report) + "\n")
    return EXIT_OK


def _write_text(out: str | None, text: str) -> None:
    """Write *text* to the file *out*, or to standard output without one."""
    if not out:
        sys.stdout.write(text)
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


def _read_text(path: str) -> str:
    """The text of a UTF-8 file, or an :class:`InputError` saying why it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"không đọc được tệp (cannot read) {path!r}: {error.strerror}") from None
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
        print(json.dumps({"path": args.path, "references": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row, match in zip(rows, matches, strict=True):
        one_line = " ".join(match.text.split())
        print(f"{args.path}:{row['line']}:{row['column']}: {match.ref.number_symbol}\t{one_line}")
        for warning in match.ref.warnings:
            print(f"    ! {warning}")
    print(f"{len(rows)} trích dẫn (citations)")
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
            assert binary is not None  # noqa: S101 - checked above
            binary.write(data)
            binary.flush()
        return EXIT_OK
    text = render_html(target) if to == "html" else render_markdown(target)
    _write_text(args.out, text)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc",
        description="Kiểm tra và xử lý báo cáo cải cách hành chính (CCHC reports).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate_cmd = commands.add_parser(
        "validate", help="kiểm tra báo cáo hoặc bảng phụ lục (validate a report or appendix)"
    )
    validate_cmd.add_argument(
        "path", nargs="?", metavar="PATH",
        help="a report (.json, .md, .txt, .docx), an appendix table (.tsv, .xlsx, or a .txt/.md "
        "that is only a table), or a folder of them",
    )
    validate_cmd.add_argument("--example", action="store_true",
                              help="the embedded reference report (Ninh Thuận, 2023)")
    validate_cmd.add_argument("--format", choices=("text", "json"), default="text")
    validate_cmd.set_defaults(run=_cmd_validate)

    import_cmd = commands.add_parser(
        "import", help="đọc báo cáo vào mô hình JSON (read a Word or text report into JSON)"
    )
    import_cmd.add_argument("path", metavar="REPORT", help="a report .md, .txt or .docx")
    import_cmd.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    import_cmd.set_defaults(run=_cmd_import)

    example_cmd = commands.add_parser(
        "example", help="in báo cáo mẫu dạng JSON (write the reference report as JSON)"
    )
    example_cmd.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    example_cmd.set_defaults(run=_cmd_example)

    refs_cmd = commands.add_parser(
        "refs", help="liệt kê văn bản được trích dẫn (list the legal references in a text file)"
    )
    refs_cmd.add_argument("path", metavar="PATH", help="a UTF-8 text file")
    refs_cmd.add_argument("--format", choices=("text", "json"), default="text")
    refs_cmd.set_defaults(run=_cmd_refs)

    render_cmd = commands.add_parser(
        "render", help="trình bày báo cáo (render a report or appendix: Markdown, HTML, Word)"
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CchcError as error:
        message = " ".join(str(error).split())
        print(f"cchc: {message}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader went away (`cchc refs … | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
