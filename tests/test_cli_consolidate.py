"""The ``cchc consolidate`` and ``cchc facts`` commands on folders of unit files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_model import (
    Header,
    IndicatorValue,
    Report,
    ReportingPeriod,
    catalogue_2023,
    dumps,
    read_appendix,
    write_appendix,
)
from cchc_model._cli import main

FORM = catalogue_2023()
#: A count row holding text, as a hand-made table may: it fits no count.
NHIEU = IndicatorValue("3.1.3", "nhiều", raw="nhiều")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three units: two tables and a report, one coded row each."""
    units = tmp_path / "units"
    units.mkdir()
    write_appendix(FORM.build({"3.1.3": 10, "7.3": 2}), "tsv", path=units / "Sở Tư pháp.tsv")
    write_appendix(FORM.build({"3.1.3": 5, "7.3": 1}), "markdown", path=units / "Sở Y tế.md")
    report = Report(Header("SỞ NỘI VỤ", period=ReportingPeriod.annual(2024)),
                    appendix=FORM.build({"3.1.3": 7, "7.3": 2}))
    (units / "Sở Nội vụ.json").write_text(dumps(report), encoding="utf-8")
    (units / "ghi chú.pdf").write_bytes(b"%PDF")  # not a unit file: skipped in a folder
    return units


class TestConsolidate:
    def test_folder(self, capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path):
        """A folder's units combine into the table written to --out."""
        out = tmp_path / "tinh.tsv"
        code, stdout, err = run(capsys, "consolidate", str(folder), "--out", str(out))
        assert (code, err) == (0, "")
        assert stdout.startswith("Đã tổng hợp 3/3 đơn vị vào ")
        combined = read_appendix(out)
        assert combined["3.1.3"].value == 22
        assert combined["7.3"].note == "Hoàn thành: 2; Đang làm: 1"

    @pytest.mark.parametrize("suffix", [".xlsx", ".md"])
    def test_formats(self, capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path,
                     suffix: str):
        """--out may be a workbook or Markdown; it reads back the same."""
        out = tmp_path / f"tinh{suffix}"
        code, _, _ = run(capsys, "consolidate", str(folder), "--out", str(out))
        assert code == 0
        assert read_appendix(out)["3.1.3"].value == 22

    def test_expected_and_findings(self, capsys: pytest.CaptureFixture[str], folder: Path,
                                   tmp_path: Path):
        """Missing units, unreadable files and values that do not fit are printed; exit 1."""
        (folder / "Sở Xây dựng.tsv").write_text("hỏng\n", encoding="utf-8")
        write_appendix(FORM.build({"3.1.3": NHIEU}), "tsv", path=folder / "Sở Lạ.tsv")
        expected = tmp_path / "units.txt"
        expected.write_text("# các sở\nSở Tư pháp\nSở Y tế\n\nSở Nội vụ\nSở Xây dựng\n"
                            "Sở Tài chính\nSở Lạ\n", encoding="utf-8")
        out = tmp_path / "tinh.tsv"
        code, stdout, _ = run(capsys, "consolidate", str(folder), "--out", str(out),
                              "--expected", str(expected), "--format", "json")
        data = json.loads(stdout)
        assert code == 1
        assert data["ok"] is False
        assert data["units"] == ["Sở Lạ", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]
        found = {(f["rule"], f["path"]) for f in data["findings"]}
        assert ("consolidate.unreadable", '$.units["Sở Xây dựng"]') in found
        assert ("consolidate.missing_unit", '$.units["Sở Tài chính"]') in found
        assert ("consolidate.not_combined", '$.units["Sở Lạ"].appendix["3.1.3"]') in found
        assert read_appendix(out)["3.1.3"].value == 22

    def test_files_and_text(self, capsys: pytest.CaptureFixture[str], folder: Path,
                            tmp_path: Path):
        """Files may be named one by one; the text output ends with the verdict."""
        out = tmp_path / "tinh.tsv"
        code, stdout, _ = run(capsys, "consolidate", str(folder / "Sở Y tế.md"),
                              str(folder / "Sở Tư pháp.tsv"), "--out", str(out))
        assert code == 0
        assert stdout.splitlines()[0].startswith("Đã tổng hợp 2/2 đơn vị")
        assert stdout.rstrip().splitlines()[-1].startswith("ĐẠT (ok)")

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["nowhere", "--out", "x.tsv"], "no such file or folder"),
            (["FOLDER", "--out", "x.pdf"], "--out must be .xlsx, .tsv or .md"),
            (["EMPTY", "--out", "x.tsv"], "no unit files found"),
            (["FOLDER/ghi chú.pdf", "--out", "x.tsv"], "unknown file type"),
        ],
    )
    def test_unusable(self, capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path,
                      argv: list[str], message: str):
        """Unusable input exits 2 with one line on stderr."""
        (tmp_path / "empty").mkdir()
        argv = [a.replace("FOLDER", str(folder)).replace("EMPTY", str(tmp_path / "empty"))
                for a in argv]
        argv[argv.index("--out") + 1] = str(tmp_path / argv[argv.index("--out") + 1])
        code, _, err = run(capsys, "consolidate", *argv)
        assert code == 2
        assert message in err
        assert len(err.splitlines()) == 1


class TestFacts:
    def test_folder_to_parquet(self, capsys: pytest.CaptureFixture[str], folder: Path,
                               tmp_path: Path):
        """A folder's units are written to Parquet that DuckDB sums."""
        duckdb = pytest.importorskip("duckdb")
        out = tmp_path / "facts"
        code, stdout, err = run(capsys, "facts", str(folder), "--out", str(out),
                                "--prose", str(tmp_path / "prose.parquet"))
        assert (code, err) == (0, "")
        assert stdout.startswith("Đã ghi 3/3 đơn vị")
        rows = duckdb.execute(
            "SELECT code, sum(number) FROM read_parquet(?) WHERE code = '3.1.3' GROUP BY code",
            [str(out / "**" / "*.parquet")],
        ).fetchall()
        assert rows == [("3.1.3", 22.0)]
        assert (tmp_path / "prose.parquet").is_file()

    def test_unreadable_file(self, capsys: pytest.CaptureFixture[str], folder: Path,
                             tmp_path: Path):
        """An unreadable unit is named on stderr, the others written; exit 1."""
        pytest.importorskip("pyarrow")
        (folder / "hỏng.tsv").write_text("không có bảng\n", encoding="utf-8")
        code, stdout, err = run(capsys, "facts", str(folder), "--out",
                                str(tmp_path / "f.parquet"))
        assert code == 1
        assert err.startswith("cchc: ")
        assert "hỏng.tsv" in err
        assert stdout.startswith("Đã ghi 3/4 đơn vị")


class TestProgress:
    def test_shown_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch, folder: Path,
                                 tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """On a terminal, stderr counts the units read, then clears the line."""
        import io

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        terminal = Terminal()
        monkeypatch.setattr("sys.stderr", terminal)
        assert main(["consolidate", str(folder), "--out", str(tmp_path / "t.tsv")]) == 0
        shown = terminal.getvalue()
        assert "[1/3] Sở Nội vụ" in shown
        assert "[3/3] Sở Y tế" in shown
        assert shown.endswith("\r\x1b[K")

    def test_silent_otherwise(self, folder: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]):
        """Redirected, stderr stays empty."""
        assert main(["consolidate", str(folder), "--out", str(tmp_path / "t.tsv")]) == 0
        assert capsys.readouterr().err == ""
