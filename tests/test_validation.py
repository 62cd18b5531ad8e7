"""The rule engine: rules as data, selection, broken rules, the JSON form."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cchc_model import (
    Appendix,
    CchcError,
    Finding,
    Header,
    IndicatorValue,
    Report,
    Rule,
    Severity,
    Subject,
    ValidationReport,
    select_rules,
    validate,
)


def always(rule: Rule, subject: Subject) -> Iterator[Finding]:
    yield rule.finding("$.x", name="A")


def broken(rule: Rule, subject: Subject) -> Iterator[Finding]:
    raise ZeroDivisionError("boom")


WARN = Rule("demo.warn", Severity.WARNING, "Cảnh báo {name}", check=always,
            message_en="Warning {name}", codes=("3.1.3",))
ERR = Rule("demo.err", Severity.ERROR, "Lỗi {name}", check=always)
BROKEN = Rule("demo.broken", Severity.ERROR, "", check=broken)


class TestRule:
    def test_finding_fills_templates(self):
        """A finding carries the rule's id, severity, codes and filled messages."""
        assert WARN.finding("$.a", name="X") == Finding(
            "demo.warn", Severity.WARNING, "Cảnh báo X", "$.a", ("3.1.3",), "Warning X"
        )

    def test_finding_overrides(self):
        """Codes and severity can be set per finding."""
        finding = WARN.finding(codes=["1.1"], severity=Severity.ERROR, name="X")
        assert (finding.codes, finding.severity) == (("1.1",), Severity.ERROR)


class TestValidate:
    def test_custom_rules(self):
        """A user's own rules run without touching the library."""
        result = validate(Report(Header("X")), rules=(WARN, ERR))
        assert [f.rule for f in result.findings] == ["demo.warn", "demo.err"]
        assert not result.ok

    def test_warnings_are_ok(self):
        """Only errors fail a validation."""
        assert validate(Report(Header("X")), rules=(WARN,)).ok

    def test_broken_rule_reported(self):
        """A rule that raises becomes a finding; the other rules still run."""
        result = validate(Report(Header("X")), rules=(BROKEN, WARN))
        assert [f.rule for f in result.findings] == ["engine.rule_failed", "demo.warn"]
        assert result.findings[0].message == (
            "Quy tắc demo.broken bị lỗi khi chạy: ZeroDivisionError: boom"
        )

    def test_appendix_subject(self):
        """An appendix validates on its own; paths start at $."""
        appendix = Appendix((IndicatorValue("3.1.3", 138),))
        subject = Subject.of(appendix)
        assert (subject.report, subject.appendix) == (None, appendix)
        assert subject.code_path("3.1.3") == '$["3.1.3"]'
        assert validate(appendix, rules=()).ok

    def test_report_subject(self):
        """A report's appendix paths start at $.appendix."""
        subject = Subject.of(Report(Header("X"), appendix=Appendix()))
        assert subject.code_path("3.1.3") == '$.appendix["3.1.3"]'

    def test_wrong_target(self):
        """Anything else is a TypeError."""
        with pytest.raises(TypeError):
            validate("report")  # type: ignore[arg-type]

    def test_default_rules_run(self):
        """Without rules=, the library's rule set runs."""
        result = validate(Report(Header("X", title="BÁO CÁO")))
        assert [f.rule for f in result.findings] == ["report.draft"]


class TestSelect:
    def test_prefix_severity_codes(self):
        """Rule sets filter by id prefix, severity and codes."""
        rules = (WARN, ERR, BROKEN)
        assert select_rules(rules, prefix="demo.w") == (WARN,)
        assert select_rules(rules, severity=Severity.ERROR) == (ERR, BROKEN)
        assert select_rules(rules, codes=["3.1.3"]) == (WARN,)
        assert select_rules(rules) == rules

    def test_exclude(self):
        """Rules whose id starts with an excluded prefix are dropped."""
        rules = (WARN, ERR, BROKEN)
        assert select_rules(rules, exclude=["demo.w"]) == (ERR, BROKEN)
        assert select_rules(rules, severity=Severity.ERROR, exclude=[ERR.id]) == (BROKEN,)


class TestValidationReport:
    def test_counts_and_json(self):
        """Counts list every severity; the JSON form is DESIGN §4's."""
        result = ValidationReport((WARN.finding("$.a", name="X"),))
        assert result.counts == {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 0}
        assert result.to_dict() == {
            "ok": True,
            "findings": [{
                "rule": "demo.warn", "severity": "warning", "codes": ["3.1.3"], "path": "$.a",
                "message": "Cảnh báo X", "message_en": "Warning X",
            }],
        }

    def test_severity_labels(self):
        """Severities have Vietnamese names."""
        assert [s.label for s in Severity] == ["lỗi", "cảnh báo", "thông tin"]


class TestReadingResults:
    """A ValidationReport reads well from Python."""

    def _result(self) -> ValidationReport:
        return ValidationReport((
            Finding("a.one", Severity.ERROR, "Lỗi một.", path="$.header", codes=("3.1.3",)),
            Finding("b.two", Severity.WARNING, "Cảnh báo hai.", codes=("2.1",)),
            Finding("b.three", Severity.INFO, "Thông tin ba."),
        ))

    def test_str_is_the_cli_summary(self, capsys: pytest.CaptureFixture[str]) -> None:
        """print(validate(r)) prints what `cchc validate` prints."""
        from cchc_model._cli import main

        main(["validate", "--example"])
        printed = capsys.readouterr().out
        assert str(validate(_reference())) + "\n" == printed

    def test_str_lists_by_severity(self) -> None:
        """The summary groups findings by severity and ends with the verdict."""
        assert str(self._result()).splitlines() == [
            "LỖI (error): 1",
            "  a.one $.header [3.1.3]: Lỗi một.",
            "CẢNH BÁO (warning): 1",
            "  b.two $ [2.1]: Cảnh báo hai.",
            "THÔNG TIN (info): 1",
            "  b.three $: Thông tin ba.",
            "KHÔNG ĐẠT (failed): 1 lỗi, 1 cảnh báo, 1 thông tin",
        ]

    def test_severity_prints_as_value(self) -> None:
        """A severity prints as its value, formats as its label, and equals its value."""
        assert f"{Severity.INFO}" == "info"
        assert str(Severity.WARNING) == "warning"
        assert f"{Severity.ERROR:label}" == "lỗi"
        assert Severity.ERROR == "error"

    def test_counts_plain(self) -> None:
        """counts is keyed by the plain values and prints plainly; a Severity looks it up."""
        counts = self._result().counts
        assert repr(counts) == "{'error': 1, 'warning': 1, 'info': 1}"
        assert counts[Severity.ERROR] == 1

    def test_filter(self) -> None:
        """filter selects by severity, rule prefix, codes and path."""
        result = self._result()
        assert [f.rule for f in result.filter(severity="error").findings] == ["a.one"]
        assert [f.rule for f in result.filter(severity=[Severity.ERROR, "info"]).findings] == [
            "a.one", "b.three"
        ]
        assert [f.rule for f in result.filter(rule="b.").findings] == ["b.two", "b.three"]
        assert [f.rule for f in result.filter(codes=["2.1"]).findings] == ["b.two"]
        assert [f.rule for f in result.filter(path="$.header").findings] == ["a.one"]
        assert result.filter(rule="b.").ok

    def test_to_frame(self) -> None:
        """to_frame gives one row per finding with plain columns."""
        pytest.importorskip("pandas")
        frame = self._result().to_frame()
        assert list(frame.columns) == ["rule", "severity", "codes", "path", "message",
                                       "message_en"]
        assert frame["severity"].tolist() == ["error", "warning", "info"]
        assert frame["codes"].tolist() == ["3.1.3", "2.1", ""]

    def test_finding_checks_types(self) -> None:
        """A finding's severity may be given as its value; other types are refused."""
        assert Finding("x", "warning", "m").severity is Severity.WARNING
        with pytest.raises(TypeError, match=r"Finding\.codes"):
            Finding("x", Severity.INFO, "m", codes="3.1.3")


def _reference() -> Report:
    from cchc_model.examples import reference_report

    return reference_report()


class TestRuleChecks:
    def test_rule_types(self) -> None:
        """A rule's check must be callable, its severity a Severity or its value."""
        with pytest.raises(TypeError, match=r"^Rule\.check phải là Callable"):
            Rule("x", Severity.INFO, "m", check=3)  # type: ignore[arg-type]
        with pytest.raises(CchcError, match="severity must be"):
            Rule("x", "fatal", "m", check=lambda rule, subject: ())  # type: ignore[arg-type]
        assert Rule("x", "info", "m", check=lambda r, s: ()).severity is Severity.INFO  # type: ignore[arg-type]
