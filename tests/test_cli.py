"""The ``cchc`` command, on appendix tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cchc_model import catalogue_2023, write_appendix
from cchc_model._cli import main

REFERENCE = Path(__file__).parent / "data" / "reference_report.txt"


def test_validate_reference_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The reference report's appendix validates with the 1.2 numbering warnings."""
    assert main(["validate", str(REFERENCE), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rules = [f["rule"] for f in result["findings"]]
    assert rules.count("appendix.stt_mismatch") == 4


@pytest.mark.parametrize(("name", "fmt"), [("a.tsv", "tsv"), ("a.md", "markdown"),
                                           ("a.xlsx", "xlsx")])
def test_validate_formats(tmp_path: Path, name: str, fmt: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    """Tables in every format are read; an error finding exits 1."""
    a = catalogue_2023().build({"3.1.1": -2})
    write_appendix(a, fmt, path=tmp_path / name)  # type: ignore[call-overload]
    assert main(["validate", str(tmp_path / name)]) == 1
    assert "appendix.count" in capsys.readouterr().out


def test_unusable_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with no table exits 2 with a one-line message."""
    path = tmp_path / "empty.txt"
    path.write_text("nothing here\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cchc: ")
    assert "no appendix table found" in err
    assert err.count("\n") == 1


def test_missing_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    """Without openpyxl an .xlsx exits 2 naming the extra to install."""
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["validate", str(path)]) == 2
    assert "cchc-model[xlsx]" in capsys.readouterr().err
