"""Tests for the ``cchc refs`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_model._cli import main

REPORT = Path(__file__).parent / "data" / "reference_report.txt"


class TestRefs:
    def test_text_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One line per citation, with path, line and column; a count at the end."""
        assert main(["refs", str(REPORT)]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == (
            f"{REPORT}:13:11: 872/UBND-VXNV\tCông văn số 872/UBND-VXNV ngày 04/3/2022 của UBND "
            "tỉnh Ninh Thuận về việc thực hiện chế độ báo cáo cải cách hành chính định kỳ"
        )
        assert out[-1] == "62 trích dẫn (citations)"

    def test_warnings_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """What was normalised is shown under its citation."""
        main(["refs", str(REPORT)])
        out = capsys.readouterr().out
        warning = "ký hiệu có khoảng trắng thừa (stray space in the symbol): SLĐT BXH-VP"
        assert f"    ! {warning}" in out

    def test_json_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON lists each citation with its fields and position."""
        assert main(["refs", str(REPORT), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        refs = data["references"]
        assert len(refs) == 62
        first = refs[0]
        assert first["line"] == 13
        assert first["number_symbol"] == "872/UBND-VXNV"
        assert first["doc_type"] is None
        assert first["issued_on"] == "2022-03-04"
        assert first["issuer_codes"] == ["UBND"]
        assert first["issuer"] == "UBND tỉnh Ninh Thuận"
        text = REPORT.read_text(encoding="utf-8")
        assert all(text[r["start"]:r["end"]] == r["text"] for r in refs)

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An unreadable file exits 2 with one line on stderr."""
        assert main(["refs", str(tmp_path / "missing.txt")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert err.startswith("cchc: không đọc được tệp (cannot read)")

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Bytes that are not UTF-8 exit 2 with one line on stderr."""
        path = tmp_path / "latin1.txt"
        path.write_bytes("Kế hoạch".encode("utf-16"))
        assert main(["refs", str(path)]) == 2
        assert capsys.readouterr().err.startswith("cchc: tệp không phải UTF-8 (not UTF-8)")

    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory is not a text file: exit 2."""
        assert main(["refs", str(tmp_path)]) == 2
        assert capsys.readouterr().err.count("\n") == 1

    def test_empty_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """No citations: exit 0 and a zero count."""
        path = tmp_path / "empty.txt"
        path.write_text("", encoding="utf-8")
        assert main(["refs", str(path)]) == 0
        assert capsys.readouterr().out == "0 trích dẫn (citations)\n"
