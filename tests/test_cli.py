"""The ``cchc`` command: exit codes, output formats, unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_model import Header, Report, catalogue_2023, dumps, load, write_appendix
from cchc_model._cli import main
from cchc_model.examples import reference_report

REFERENCE = Path(__file__).parent / "data" / "reference_report.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestValidate:
    def test_example_text(self, capsys: pytest.CaptureFixture[str]):
        """The reference report has errors: exit 1, findings grouped, a summary line."""
        code, out, err = run(capsys, "validate", "--example")
        assert code == 1
        assert err == ""
        assert out.startswith("LỖI (error): ")
        assert out.rstrip().splitlines()[-1].startswith("KHÔNG ĐẠT (failed): ")
        assert "facts.total_parts" in out

    def test_example_json(self, capsys: pytest.CaptureFixture[str]):
        """--format json prints DESIGN §4's shape."""
        code, out, _ = run(capsys, "validate", "--example", "--format", "json")
        data = json.loads(out)
        assert code == 1
        assert data["ok"] is False
        assert {"rule", "severity", "codes", "path", "message"} <= set(data["findings"][0])

    def test_clean_report(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """A report without errors exits 0."""
        path = tmp_path / "r.json"
        path.write_text(dumps(Report(Header("SỞ X"))), encoding="utf-8")
        code, out, _ = run(capsys, "validate", str(path))
        assert code == 0
        assert out.rstrip().splitlines()[-1].startswith("ĐẠT (ok): 0 lỗi")

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("{", "JSON không hợp lệ"),
            ('{"schema_version": 1, "header": {}}', "$.header.agency: thiếu trường bắt buộc"),
            ('{"schema_version": 1, "header": {"agency": 5}}', "$.header.agency: cần chuỗi"),
        ],
    )
    def test_bad_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                      content: str, message: str):
        """Unusable input: exit 2, one line on stderr naming the problem, nothing on stdout."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "validate", str(path))
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert message in err

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """A missing file is unusable input."""
        code, _, err = run(capsys, "validate", str(tmp_path / "nope.json"))
        assert code == 2
        assert "không đọc được tệp" in err

    def test_unknown_suffix(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """An unknown file type is unusable input."""
        code, _, err = run(capsys, "validate", str(tmp_path / "x.pdf"))
        assert code == 2
        assert "không nhận dạng được loại tệp" in err

    def test_path_and_example(self, capsys: pytest.CaptureFixture[str]):
        """PATH and --example together are refused."""
        code, _, err = run(capsys, "validate", "x.json", "--example")
        assert code == 2
        assert "PATH" in err


class TestExample:
    def test_stdout_loads_back(self, capsys: pytest.CaptureFixture[str]):
        """`cchc example` prints JSON that load reads back equal to the example."""
        code, out, _ = run(capsys, "example")
        assert code == 0
        assert load(out) == reference_report()

    def test_out_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """--out writes the file."""
        target = tmp_path / "ref.json"
        assert run(capsys, "example", "--out", str(target))[0] == 0
        assert load(target) == reference_report()

    def test_out_unwritable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path):
        """An unwritable target is unusable input, not a traceback."""
        code, _, err = run(capsys, "example", "--out", str(tmp_path / "no" / "such" / "f"))
        assert code == 2
        assert err.startswith("cchc: không ghi được tệp")


class TestEntryPoints:
    def test_python_m(self):
        """`python -m cchc_model` is the same command."""
        done = subprocess.run(
            [sys.executable, "-m", "cchc_model", "validate", "--example", "--format", "json"],
            capture_output=True, text=True, check=False,
        )
        assert done.returncode == 1
        assert json.loads(done.stdout)["ok"] is False

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]):
        """Bad arguments exit 2 (argparse)."""
        with pytest.raises(SystemExit) as info:
            main(["validate", "--format", "xml"])
        assert info.value.code == 2


class TestValidateTables:
    """`cchc validate` on appendix tables."""

    def test_validate_reference_table(self, capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
        """The reference report's appendix alone validates with the 1.2 numbering warnings."""
        text = REFERENCE.read_text(encoding="utf-8")
        path = tmp_path / "appendix.txt"
        path.write_text(text[text.index("**PHỤ LỤC**"):], encoding="utf-8")
        assert main(["validate", str(path), "--format", "json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert result["read_as"] == "appendix"
        rules = [f["rule"] for f in result["findings"]]
        assert rules.count("appendix.stt_mismatch") == 1


    @pytest.mark.parametrize(("name", "fmt"), [("a.tsv", "tsv"), ("a.md", "markdown"),
                                               ("a.xlsx", "xlsx")])
    def test_validate_formats(self, tmp_path: Path, name: str, fmt: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
        """Tables in every format are read; an error finding exits 1."""
        a = catalogue_2023().build({"3.1.1": -2})
        write_appendix(a, fmt, path=tmp_path / name)  # type: ignore[call-overload]
        assert main(["validate", str(tmp_path / name)]) == 1
        assert "appendix.count" in capsys.readouterr().out


    def test_unusable_table(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file with no report and no table exits 2 with a one-line message."""
        path = tmp_path / "empty.txt"
        path.write_text("nothing here\n", encoding="utf-8")
        assert main(["validate", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("cchc: ")
        assert "no report found" in err
        assert err.count("\n") == 1
        table = tmp_path / "empty.tsv"
        table.write_text("nothing here\n", encoding="utf-8")
        assert main(["validate", str(table)]) == 2
        assert "no appendix table found" in capsys.readouterr().err


    def test_missing_extra(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
        """Without openpyxl an .xlsx exits 2 naming the extra to install."""
        path = tmp_path / "a.xlsx"
        path.write_bytes(b"PK\x03\x04")
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        assert main(["validate", str(path)]) == 2
        assert "cchc-model[xlsx]" in capsys.readouterr().err


class TestValidateReports:
    """`cchc validate` on whole text reports, and on folders."""

    def test_whole_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The reference text is read as a report: prose, citation and appendix findings."""
        code, out, _ = run(capsys, "validate", str(REFERENCE))
        assert code == 1
        assert out.splitlines()[0].endswith("đọc như báo cáo (read as a report)")
        for rule in ("facts.total_parts", "refs.conflicting_symbols", "appendix.stt_mismatch"):
            assert rule in out

    def test_whole_report_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json says how the file was read."""
        code, out, _ = run(capsys, "validate", str(REFERENCE), "--format", "json")
        data = json.loads(out)
        assert (code, data["read_as"], data["ok"]) == (1, "report", False)

    def test_table_read_as_appendix(self, capsys: pytest.CaptureFixture[str],
                                    tmp_path: Path) -> None:
        """A .md that is only a table is read as an appendix, and says so."""
        path = tmp_path / "a.md"
        write_appendix(catalogue_2023().build({"3.1.1": 4}), "markdown", path=path)
        code, out, _ = run(capsys, "validate", str(path))
        assert code == 0
        assert "đọc như phụ lục (read as an appendix)" in out.splitlines()[0]

    def test_docx_refused(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A Word file is unusable input (exit 2) naming the Word reader."""
        path = tmp_path / "r.docx"
        path.write_bytes(b"PK\x03\x04")
        code, _, err = run(capsys, "validate", str(path))
        assert code == 2
        assert "docx" in err

    def test_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A folder: one line per file, a summary, exit 1 when any file has errors."""
        (tmp_path / "ref.txt").write_text(REFERENCE.read_text(encoding="utf-8"),
                                          encoding="utf-8")
        write_appendix(catalogue_2023().build({"3.1.1": 4}), "tsv", path=tmp_path / "a.tsv")
        (tmp_path / "broken.json").write_text("{", encoding="utf-8")
        (tmp_path / "notes.pdf").write_bytes(b"%PDF")
        code, out, err = run(capsys, "validate", str(tmp_path))
        lines = out.splitlines()
        assert code == 1
        assert err == ""  # no progress bar when stderr is not a terminal
        assert [line.split(":", 1)[0] for line in lines[:3]] == [
            str(tmp_path / name) for name in ("a.tsv", "broken.json", "ref.txt")
        ]
        assert "đọc như phụ lục" in lines[0]
        assert "ĐẠT (ok)" in lines[0]
        assert "KHÔNG ĐỌC ĐƯỢC" in lines[1]
        assert "KHÔNG ĐẠT" in lines[2]
        assert lines[3].startswith("3 tệp (files): 2 đọc được, 1 không đọc được, 1 không đạt")

    def test_folder_progress_on_a_terminal(self, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
        """On a terminal, stderr shows which file is being read, then clears the line."""
        write_appendix(catalogue_2023().build({"3.1.1": 4}), "tsv", path=tmp_path / "a.tsv")
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        assert main(["validate", str(tmp_path)]) == 0
        err = capsys.readouterr().err
        assert "[1/1] a.tsv" in err
        assert err.endswith("\r")

    def test_folder_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--format json lists every file with how it was read."""
        write_appendix(catalogue_2023().build({"3.1.1": 4}), "tsv", path=tmp_path / "a.tsv")
        code, out, _ = run(capsys, "validate", str(tmp_path), "--format", "json")
        data = json.loads(out)
        assert code == 0
        assert data["ok"] is True
        assert data["files"][0]["read_as"] == "appendix"

    def test_folder_nothing_readable(self, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
        """A folder in which no file can be read exits 2."""
        assert run(capsys, "validate", str(tmp_path))[0] == 2
        (tmp_path / "broken.json").write_text("{", encoding="utf-8")
        assert run(capsys, "validate", str(tmp_path))[0] == 2


class TestImport:
    def test_import_text_report(self, capsys: pytest.CaptureFixture[str],
                                tmp_path: Path) -> None:
        """`cchc import` writes the model of a text report as JSON that loads back."""
        target = tmp_path / "r.json"
        code, _, _ = run(capsys, "import", str(REFERENCE), "--out", str(target))
        assert code == 0
        report = load(target)
        assert report.sections == reference_report().sections

    def test_import_not_a_report(self, capsys: pytest.CaptureFixture[str],
                                 tmp_path: Path) -> None:
        """A file with no report is unusable input."""
        path = tmp_path / "t.txt"
        path.write_text("", encoding="utf-8")
        code, _, err = run(capsys, "import", str(path))
        assert code == 2
        assert "không tìm thấy báo cáo" in err


class TestPipes:
    def test_closed_pipe(self):
        """A reader that stops early (`| head -1`) ends the command quietly."""
        done = subprocess.run(  # noqa: S602 - the shell makes the pipe under test
            f"{sys.executable} -m cchc_model refs {REFERENCE} | head -1",
            shell=True, capture_output=True, text=True, check=False,
        )
        assert done.stdout.count("\n") == 1
        assert "Traceback" not in done.stderr


class TestHelp:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`cchc --version` prints the version and exits 0."""
        import cchc_model

        with pytest.raises(SystemExit) as info:
            main(["--version"])
        assert info.value.code == 0
        assert capsys.readouterr().out.strip() == f"cchc {cchc_model.__version__}"

    @pytest.mark.parametrize("command", ["validate", "example", "refs", "render"])
    def test_help_explains_exit_codes(self, command: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
        """Every subcommand's help states the exit codes 0, 1 and 2."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "mã thoát (exit codes):" in out
        for code in ("  0  ", "  1  ", "  2  "):
            assert code in out

    @pytest.mark.parametrize("command", ["validate", "render"])
    def test_help_explains_inputs(self, command: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
        """validate and render explain the file formats they read."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert ".tsv .txt .md .xlsx" in capsys.readouterr().out
