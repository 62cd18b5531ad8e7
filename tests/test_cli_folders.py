"""``cchc validate DIR``, ``cchc consolidate DIR`` and ``cchc facts DIR`` on one core and many.

Whatever ``--jobs`` says, the output is the same: the same lines in the same order, the same
tables written, the same exit code and the same progress on a terminal.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from cchc_model import (
    Header,
    Report,
    ReportingPeriod,
    catalogue_2023,
    dumps,
    read_appendix,
    render_markdown,
    write_appendix,
)
from cchc_model._cli import main
from cchc_model.examples import reference_report

REFERENCE = Path(__file__).parent / "data" / "reference_report.txt"
FORM = catalogue_2023()
JOBS = ("1", "2", "3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports (.docx, .md, .txt, .json), tables (.tsv, .md, .xlsx), an unreadable file."""
    pytest.importorskip("docx")
    pytest.importorskip("openpyxl")
    from cchc_model import render_docx

    folder = tmp_path_factory.mktemp("mixed")
    report = reference_report()
    render_docx(report, path=folder / "Sở A.docx")
    (folder / "Sở B.md").write_text(render_markdown(report), encoding="utf-8")
    (folder / "Sở C.txt").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    clean = Report(Header("SỞ D", period=ReportingPeriod.annual(2023)),
                   appendix=FORM.build({"3.1.3": 7, "7.3": 2}))
    (folder / "Sở D.json").write_text(dumps(clean), encoding="utf-8")
    for number in range(12):
        write_appendix(FORM.build({"3.1.3": number, "3.1.1": 2 * number, "7.3": number % 3}),
                       "tsv", path=folder / f"Xã {number:02d}.tsv")
    write_appendix(FORM.build({"3.1.3": 4}), "markdown", path=folder / "Xã md.md")
    write_appendix(FORM.build({"3.1.3": 5}), "xlsx", path=folder / "Xã xlsx.xlsx")
    (folder / "Xã hỏng.tsv").write_text("không có bảng\n", encoding="utf-8")
    (folder / "hỏng.json").write_text("{", encoding="utf-8")
    (folder / "ghi chú.pdf").write_bytes(b"%PDF")
    return folder


def tables(folder: Path, count: int) -> Path:
    """*count* clean appendix tables in *folder*."""
    folder.mkdir(exist_ok=True)
    for number in range(count):
        write_appendix(FORM.build({"3.1.3": number}), "tsv", path=folder / f"u{number:03d}.tsv")
    return folder


class TestValidateFolder:
    @pytest.mark.parametrize("output", ["text", "json"])
    def test_same_for_every_jobs(self, capsys: pytest.CaptureFixture[str], mixed: Path,
                                 output: str) -> None:
        """One process or a pool: the same lines, in the order of the file names; exit 1."""
        runs = {jobs: run(capsys, "validate", str(mixed), "--format", output, "-j", jobs)
                for jobs in JOBS}
        assert runs["2"] == runs["1"] == runs["3"]
        code, out, err = runs["1"]
        assert (code, err) == (1, "")
        names = sorted(p.name for p in mixed.iterdir() if p.suffix != ".pdf")
        if output == "json":
            data = json.loads(out)
            assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            assert [Path(row["path"]).name for row in data["files"]] == names
            assert data["ok"] is False
        else:
            lines = out.splitlines()
            assert [Path(line.split(": ", 1)[0]).name for line in lines[:-1]] == names
            assert lines[-1] == (f"{len(names)} tệp (files): {len(names) - 2} đọc được, "
                                 "2 không đọc được, 3 không đạt")

    def test_each_kind_read(self, capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
        """Every kind of file says how it was read, on a pool as alone."""
        _, out, _ = run(capsys, "validate", str(mixed), "-j", "2")
        said = {Path(line.split(": ", 1)[0]).name: line for line in out.splitlines()[:-1]}
        for name in ("Sở A.docx", "Sở B.md", "Sở C.txt", "Sở D.json"):
            assert "đọc như báo cáo" in said[name]
        for name in ("Xã 00.tsv", "Xã md.md", "Xã xlsx.xlsx"):
            assert "đọc như phụ lục" in said[name]
        assert "KHÔNG ĐỌC ĐƯỢC (unusable)" in said["Xã hỏng.tsv"]
        assert "JSON không hợp lệ" in said["hỏng.json"]
        assert "KHÔNG ĐẠT" in said["Sở A.docx"]
        assert "ĐẠT (ok)" in said["Sở D.json"]

    @pytest.mark.parametrize("jobs", JOBS)
    def test_exit_codes(self, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                        jobs: str) -> None:
        """0 when every file passes, 2 when none can be read, 1 when one has errors."""
        folder = tables(tmp_path / "ok", 5)
        assert run(capsys, "validate", str(folder), "-j", jobs)[0] == 0
        broken = tmp_path / "broken"
        broken.mkdir()
        for name in ("a.json", "b.json", "c.tsv"):
            (broken / name).write_text("{", encoding="utf-8")
        assert run(capsys, "validate", str(broken), "-j", jobs)[0] == 2
        (broken / "d.txt").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
        assert run(capsys, "validate", str(broken), "-j", jobs)[0] == 1

    def test_json_spooled_to_disk(self, capsys: pytest.CaptureFixture[str], mixed: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
        """JSON too large for memory goes through a temporary file and comes out the same."""
        held = run(capsys, "validate", str(mixed), "--format", "json")
        monkeypatch.setattr("cchc_model._cli._SPOOL_BYTES", 100)
        monkeypatch.setattr("cchc_model._cli._COPY_CHARS", 7)
        spooled = run(capsys, "validate", str(mixed), "--format", "json", "-j", "2")
        assert spooled == held
        assert json.loads(spooled[1])["files"][0]["path"].endswith("Sở A.docx")

    def test_empty_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An empty folder: exit 2, and the JSON document has an empty list."""
        code, out, _ = run(capsys, "validate", str(tmp_path), "--format", "json")
        assert code == 2
        assert out == json.dumps({"ok": False, "files": []}, indent=2) + "\n"

    def test_progress_the_same(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
        """On a terminal the progress counts the files in order, on a pool as alone."""
        folder = tables(tmp_path, 40)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        shown = {jobs: run(capsys, "validate", str(folder), "-j", jobs)[2] for jobs in JOBS}
        assert shown["1"] == shown["2"] == shown["3"]
        assert "[1/40] u000.tsv" in shown["1"]
        assert "[40/40] u039.tsv" in shown["1"]
        assert shown["1"].endswith("\r")

    def test_progress_cleared_before_each_line(self, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
        """When the lines and the bar share a terminal, the bar is cleared before each line."""
        folder = tables(tmp_path, 3)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        err = run(capsys, "validate", str(folder), "-j", "2")[2]
        assert err.count("\r" + " " * 72 + "\r") == 4  # before each of 3 lines, and at the end

    def test_single_file_starts_no_pool(self, capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A folder of one file, and -j 1, are read in this process."""
        monkeypatch.setattr("cchc_model._pool.ProcessPoolExecutor", None)
        assert run(capsys, "validate", str(tables(tmp_path / "one", 1)), "-j", "4")[0] == 0
        assert run(capsys, "validate", str(tables(tmp_path / "many", 4)), "-j", "1")[0] == 0

    @pytest.mark.parametrize("jobs", ["0", "-1", "many"])
    def test_bad_jobs(self, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
        """--jobs takes a positive integer; anything else is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as info:
            main(["validate", str(REFERENCE), "--jobs", jobs])
        assert info.value.code == 2
        assert "a positive integer" in capsys.readouterr().err

    @pytest.mark.skipif(multiprocessing.get_context().get_start_method() != "fork",
                        reason="the patched reader reaches forked workers only")
    def test_worker_crash(self, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
        """A worker that dies reading a file: exit 2, one line naming the file."""
        import cchc_model._cli as cli

        folder = tables(tmp_path, 10)
        read = cli._read_target

        def crashing(path: str | Path) -> object:
            if Path(path).name == "u007.tsv":
                os.kill(os.getpid(), signal.SIGKILL)
            return read(path)

        monkeypatch.setattr(cli, "_read_target", crashing)
        code, _, err = run(capsys, "validate", str(folder), "-j", "2")
        assert code == 2
        assert err.startswith("cchc: ")
        assert str(folder / "u007.tsv") in err
        assert "SIGKILL" in err
        assert len(err.splitlines()) == 1

    def test_spawned_workers(self, mixed: Path) -> None:
        """Workers started by spawn, as on macOS and Windows, give the same lines."""
        import functools

        from cchc_model._cli import _check_file, _folder_files
        from cchc_model._pool import map_in_order

        files = [str(path) for path in _folder_files(mixed)]
        work = functools.partial(_check_file, output="text")
        alone = list(map_in_order(work, files, jobs=1))
        assert list(map_in_order(work, files, jobs=2, start_method="spawn")) == alone

    def test_interrupt(self, tmp_path: Path) -> None:
        """Ctrl-C stops the run: exit 130, one line on stderr, no traceback."""
        folder = tmp_path / "many"
        folder.mkdir()
        text = write_appendix(FORM.build({"3.1.3": 1}))
        for number in range(3000):
            (folder / f"u{number:04d}.tsv").write_text(text, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "cchc_model", "validate", str(folder), "-j", "2"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        assert process.stdout is not None
        first = process.stdout.readline()  # the run is under way
        # A terminal sends Ctrl-C to the whole foreground group: the command and its workers.
        os.killpg(process.pid, signal.SIGINT)
        rest, err = process.communicate(timeout=120)
        assert first.startswith(str(folder).encode())
        assert process.returncode == 130
        assert b"Traceback" not in err
        assert err.decode().strip() == "cchc: đã dừng (interrupted)"
        assert rest.count(b"\n") < 2999


class TestConsolidateFolder:
    @pytest.mark.parametrize("output", ["text", "json"])
    def test_same_for_every_jobs(self, capsys: pytest.CaptureFixture[str], mixed: Path,
                                 tmp_path: Path, output: str) -> None:
        """The combined table, the findings and the exit code do not depend on --jobs."""
        expected = tmp_path / "units.txt"
        expected.write_text("Sở A\nSở D\nXã 00\nSở Tài chính\n", encoding="utf-8")
        runs = {}
        for jobs in JOBS:
            out = tmp_path / f"tinh-{jobs}.tsv"
            code, stdout, err = run(capsys, "consolidate", str(mixed), "--out", str(out),
                                    "--expected", str(expected), "--format", output,
                                    "-j", jobs)
            runs[jobs] = (code, stdout.replace(str(out), "OUT"), err, out.read_text("utf-8"))
        assert runs["1"] == runs["2"] == runs["3"]
        code, stdout, err, table = runs["1"]
        assert (code, err) == (1, "")
        if output == "json":
            data = json.loads(stdout)
            assert "Xã hỏng" not in data["units"]
            found = {(f["rule"], f["path"]) for f in data["findings"]}
            assert ("consolidate.unreadable", '$.units["Xã hỏng"]') in found
            assert ("consolidate.missing_unit", '$.units["Sở Tài chính"]') in found
        combined = read_appendix(table)
        # 0 + … + 11 from the tables, 4 and 5 from the md and xlsx, 7 from the clean report.
        assert combined["3.1.3"].value == 66 + 4 + 5 + 7 + 3 * 138

    def test_reports_come_as_header_and_appendix(self, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
        """A report of another period is refused on a pool as alone: the header crosses over."""
        folder = tables(tmp_path / "units", 3)
        other = Report(Header("SỞ E", period=ReportingPeriod.annual(2022)),
                       appendix=FORM.build({"3.1.3": 1}))
        report = attrs.evolve(other, header=attrs.evolve(
            other.header, period=ReportingPeriod.annual(2023)))
        (folder / "a.json").write_text(dumps(report), encoding="utf-8")
        (folder / "b.json").write_text(dumps(other), encoding="utf-8")
        outs = [run(capsys, "consolidate", str(folder), "--out", str(tmp_path / "t.tsv"),
                    "--format", "json", "-j", jobs)[1] for jobs in JOBS]
        assert outs[0] == outs[1] == outs[2]
        rules = [f["rule"] for f in json.loads(outs[0])["findings"]]
        assert "consolidate.other_period" in rules


class TestFactsFolder:
    def test_same_for_every_jobs(self, capsys: pytest.CaptureFixture[str], mixed: Path,
                                 tmp_path: Path) -> None:
        """The fact tables written and what is said are the same for every --jobs."""
        pq = pytest.importorskip("pyarrow.parquet")
        tables_read = {}
        for jobs in JOBS:
            out, prose = tmp_path / f"f{jobs}.parquet", tmp_path / f"p{jobs}.parquet"
            code, stdout, err = run(capsys, "facts", str(mixed), "--out", str(out),
                                    "--prose", str(prose), "-j", jobs)
            assert (code, stdout.split(" vào ")[0]) == (1, "Đã ghi 18/20 đơn vị")
            assert "Xã hỏng.tsv" in err
            tables_read[jobs] = (err, pq.read_table(out), pq.read_table(prose))
        for jobs in ("2", "3"):
            err, values, figures = tables_read[jobs]
            assert err == tables_read["1"][0]
            assert values.equals(tables_read["1"][1])
            assert figures.equals(tables_read["1"][2])
        assert tables_read["1"][2].num_rows > 0  # the reports' prose crossed over whole


class TestHelp:
    @pytest.mark.parametrize("command", ["validate", "consolidate", "facts"])
    def test_jobs_explained(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The folder commands' help explains --jobs and that the output does not change."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "-j N, --jobs N" in out
        assert "tiến trình (--jobs N, -j N):" in out
        assert "The output is the same for every N" in out
