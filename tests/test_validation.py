"""The rule engine: rules as data, selection, broken rules, the JSON form."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cchc_model import (
    Appendix,
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
        result = validate(Report(Header("X")))
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
