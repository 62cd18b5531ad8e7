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

from cchc_model._base.errors import CchcError, InputError
from cchc_model._io.serialization import load
from cchc_model._io.tables import read_appendix
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report
from cchc_model._rules.default import validate
from cchc_model._values.references import ReferenceMatch, extract_references

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

_TABLE_SUFFIXES = (".tsv", ".txt", ".md", ".xlsx")


def _example_report() -> Report:
    from cchc_model.examples import reference_report  # noqa: PLC0415 - read only when asked

    return reference_report()


def _load_target(path: str) -> Report | Appendix:
    """A report from ``.json``, or an appendix from a table file."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return load(Path(path))
    if suffix in _TABLE_SUFFIXES:
        return read_appendix(Path(path))
    raise InputError(
        f"không nhận dạng được loại tệp (unknown file type) {suffix or '(none)'}: {path}; "
        "cần .json, .tsv, .txt, .md hoặc .xlsx"
    )


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.example == (args.path is not None):
        raise InputError("cần đúng một trong PATH hoặc --example (give PATH or --example)")
    target = _example_report() if args.example else _load_target(args.path)
    result = validate(target)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result)
    return EXIT_OK if result.ok else EXIT_FINDINGS


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


_EXIT_CODES = """\
mã thoát (exit codes):
  0  xong, không có lỗi (done; validate found no error-severity finding)
  1  validate tìm thấy lỗi (validate found at least one error-severity finding)
  2  không dùng được đầu vào: một dòng trên stderr (unusable input: one line on stderr)"""

_INPUTS = """\
đầu vào (inputs):
  .json                     báo cáo do `cchc example` hoặc dumps() ghi
                            (a report as dumps() writes it)
  .tsv .txt .md .xlsx       bảng phụ lục: STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú
                            (an appendix table in the form's layout)"""


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
            "refs, render. `cchc COMMAND --help` nói rõ từng lệnh (explains each command).",
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
        ),
    )
    validate_cmd.add_argument("path", nargs="?", metavar="PATH",
                              help="report .json, or an appendix table (.tsv/.txt/.md/.xlsx)")
    validate_cmd.add_argument("--example", action="store_true",
                              help="the embedded reference report (Ninh Thuận, 2023)")
    validate_cmd.add_argument("--format", choices=("text", "json"), default="text",
                              help="text (default) or json; see below")
    validate_cmd.set_defaults(run=_cmd_validate)

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
