"""The ``cchc`` command.

Exit codes: 0 when validation finds no error, 1 when it does, 2 when the input cannot be used
or the output cannot be written (a one-line message on stderr, no traceback). A reader that
goes away (``cchc validate … | head -c 0``) is an output that cannot be written: exit 2,
never 0, so a pipeline cannot take an unread verdict for a pass.
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
from cchc_model._base.files import read_bounded
from cchc_model._io.serialization import load
from cchc_model._io.tables import read_appendix
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report
from cchc_model._rules.default import validate
from cchc_model._rules.engine import Severity, ValidationReport
from cchc_model._values.references import MAX_TEXT_LENGTH, ReferenceMatch, extract_references

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
    target = _example_report() if args.example else _load_target(args.path)
    result = validate(target)
    if args.format == "json":
        _write_stdout(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _write_stdout(_format_text(result) + "\n")
    return EXIT_OK if result.ok else EXIT_FINDINGS


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc",
        description="Kiểm tra và xử lý báo cáo cải cách hành chính (CCHC reports).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate_cmd = commands.add_parser(
        "validate", help="kiểm tra báo cáo hoặc bảng phụ lục (validate a report or appendix)"
    )
    validate_cmd.add_argument("path", nargs="?", metavar="PATH",
                              help="report .json, or an appendix table (.tsv/.txt/.md/.xlsx)")
    validate_cmd.add_argument("--example", action="store_true",
                              help="the embedded reference report (Ninh Thuận, 2023)")
    validate_cmd.add_argument("--format", choices=("text", "json"), default="text")
    validate_cmd.set_defaults(run=_cmd_validate)

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
