"""The validation engine: rules are data, findings say where.

A :class:`Rule` is a small frozen object with a stable id, a severity, the indicator codes it
concerns, a message template (Vietnamese, English alongside), its legal or form basis and a
``check``. A rule set is a tuple: filter it with :func:`select_rules`, extend it with your own
rules, and pass it to :func:`~cchc_model.validate`.
"""

from __future__ import annotations

import enum
import functools
import importlib
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from cchc_model._base.checks import of_type, tuple_of
from cchc_model._base.errors import CchcError, extra_hint
from cchc_model._base.periods import ReportingPeriod
from cchc_model._model.appendix import Appendix
from cchc_model._model.index import SubjectIndex
from cchc_model._model.report import Report

__all__ = [
    "Finding",
    "Rule",
    "Severity",
    "Subject",
    "ValidationReport",
    "run",
    "select_rules",
]


class Severity(str, enum.Enum):
    """How bad a finding is. Only ``ERROR`` makes a report fail validation.

    A severity is its value as a string: it prints as ``error``, equals ``"error"`` and
    looks up a dict keyed by ``"error"``; ``format(s, "label")`` gives the Vietnamese name.

    .. versionchanged:: 0.2.0
       A ``str``: prints as its value, equals and hashes as it.

    >>> s = Severity.ERROR
    >>> str(s), f"{s}", f"{s:label}", s == "error"
    ('error', 'error', 'lỗi', True)
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        if spec == "label":
            return self.label
        return format(self.value, spec)

    @property
    def label(self) -> str:
        """The Vietnamese name: ``lỗi``, ``cảnh báo``, ``thông tin``."""
        return {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}[self.value]


def _severity(value: Severity | str) -> Severity:
    """A severity given as its value (``"error"``) becomes the member."""
    if isinstance(value, str) and not isinstance(value, Severity):
        try:
            return Severity(value)
        except ValueError:
            raise CchcError(
                "mức độ phải là 'error', 'warning' hoặc 'info' "
                f"(severity must be 'error', 'warning' or 'info'): {value!r}"
            ) from None
    return value


@attrs.frozen
class Finding:
    """One thing a rule found.

    ``path`` is where in the report (``$.appendix["3.1.3"]``,
    ``$.sections[1].paragraphs[4]``); ``codes`` the indicator codes concerned.
    """

    rule: str = attrs.field(validator=of_type(str))
    severity: Severity = attrs.field(converter=_severity, validator=of_type(Severity))
    message: str = attrs.field(validator=of_type(str))
    path: str = attrs.field(default="$", validator=of_type(str))
    codes: tuple[str, ...] = attrs.field(default=(), **tuple_of(str))
    message_en: str = attrs.field(default="", validator=of_type(str))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN §4, with the English message alongside."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "codes": list(self.codes),
            "path": self.path,
            "message": self.message,
            "message_en": self.message_en,
        }


@attrs.frozen
class Subject:
    """What the rules look at: a report, or an appendix on its own.

    ``appendix`` is the report's appendix when validating a report. ``appendix_path`` is the
    JSON path prefix of the appendix (``$.appendix`` in a report, ``$`` on its own).
    :attr:`index` holds what the rules share (the citations, the paragraphs and their facts,
    the appendix rows with their definitions), each computed once per subject.
    """

    report: Report | None = attrs.field(validator=of_type(Report, optional=True))
    appendix: Appendix | None = attrs.field(validator=of_type(Appendix, optional=True))
    period: ReportingPeriod | None = attrs.field(
        default=None, validator=of_type(ReportingPeriod, optional=True)
    )

    @property
    def appendix_path(self) -> str:
        """Prefix of appendix paths: ``$.appendix`` inside a report, ``$`` on its own."""
        return "$.appendix" if self.report is not None else "$"

    def code_path(self, code: str) -> str:
        """The path of one indicator: ``$.appendix["3.1.3"]``."""
        return f'{self.appendix_path}["{code}"]'

    @functools.cached_property
    def index(self) -> SubjectIndex:
        """What the rules share, computed on first use and kept while the subject lives.

        A validation makes one subject, so its rules walk the citations, the paragraphs and
        the appendix rows once between them.

        .. versionadded:: 0.2.0

        >>> from cchc_model.examples import reference_report
        >>> subject = Subject.of(reference_report())
        >>> len(subject.index.citations), subject.index is subject.index
        (60, True)
        """
        return SubjectIndex(self.report, self.appendix)

    @classmethod
    def of(cls, target: Report | Appendix) -> Subject:
        """The subject for a report or an appendix."""
        if isinstance(target, Report):
            return cls(target, target.appendix, target.header.period)
        return cls(None, target)


#: A check yields the findings of *rule* on *subject*; build them with :meth:`Rule.finding`.
Check = Callable[["Rule", Subject], Iterable[Finding]]


@attrs.frozen
class Rule:
    """A validation rule.

    ``message`` and ``message_en`` are :meth:`str.format` templates filled by
    :meth:`finding`. ``basis`` names where the rule comes from (a form row, a decree).

    >>> rule = Rule("demo.always", Severity.INFO, "Xin chào {name}",
    ...             check=lambda rule, subject: [rule.finding(name="CCHC")])
    >>> rule.finding(name="CCHC").message
    'Xin chào CCHC'
    """

    id: str = attrs.field(validator=of_type(str))
    severity: Severity = attrs.field(converter=_severity, validator=of_type(Severity))
    message: str = attrs.field(validator=of_type(str))
    check: Check = attrs.field(eq=False, repr=False, validator=of_type(Callable))  # type: ignore[arg-type]
    message_en: str = attrs.field(default="", validator=of_type(str))
    codes: tuple[str, ...] = attrs.field(default=(), **tuple_of(str))
    basis: str = attrs.field(default="", validator=of_type(str))
    description: str = attrs.field(default="", validator=of_type(str))

    def finding(
        self,
        path: str = "$",
        *,
        codes: Iterable[str] | None = None,
        severity: Severity | None = None,
        **fields: object,
    ) -> Finding:
        """A finding of this rule, its messages filled with *fields*."""
        message = self.message.format(**fields)
        message_en = self.message_en.format(**fields) if self.message_en else ""
        # The rule's own codes were checked when it was made.
        found = self.codes if codes is None else tuple(codes)
        severity = severity or self.severity
        if type(path) is str and type(severity) is Severity and (
            codes is None or _all_str(found)
        ):
            # Fields just checked: Finding's own type checks would repeat them. Built as the
            # fast load path builds the model, the same object Finding(...) gives.
            finding = _new(Finding)
            _set(finding, "rule", self.id)
            _set(finding, "severity", severity)
            _set(finding, "message", message)
            _set(finding, "path", path)
            _set(finding, "codes", found)
            _set(finding, "message_en", message_en)
            return finding
        return Finding(
            rule=self.id, severity=severity, message=message, path=path, codes=found,
            message_en=message_en,
        )


def _all_str(codes: tuple[object, ...]) -> bool:
    # Most findings have no codes: no generator for them.
    return not codes or all(type(code) is str for code in codes)


_new = object.__new__
_set = object.__setattr__


@attrs.frozen
class ValidationReport:
    """The findings of a validation run.

    ``ok`` is true when no finding is an error. ``str()`` of it (and so ``print``) is the
    text summary ``cchc validate`` prints.

    .. versionchanged:: 0.2.0
       ``str()`` is the text summary; :attr:`counts` is keyed by the severities' values;
       :meth:`filter` and :meth:`to_frame`.

    >>> r = ValidationReport((Finding("demo.rule", Severity.WARNING, "Một cảnh báo.",
    ...                               codes=("3.1.3",)),))
    >>> print(r)
    CẢNH BÁO (warning): 1
      demo.rule $ [3.1.3]: Một cảnh báo.
    ĐẠT (ok): 0 lỗi, 1 cảnh báo, 0 thông tin
    >>> r.counts
    {'error': 0, 'warning': 1, 'info': 0}
    >>> len(r.filter(severity="error").findings), len(r.filter(codes=["3.1.3"]).findings)
    (0, 1)
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), **tuple_of(Finding))

    def __str__(self) -> str:
        lines: list[str] = []
        for severity in Severity:
            group = [f for f in self.findings if f.severity is severity]
            if not group:
                continue
            lines.append(f"{severity.label.upper()} ({severity.value}): {len(group)}")
            for finding in group:
                codes = f" [{', '.join(finding.codes)}]" if finding.codes else ""
                lines.append(f"  {finding.rule} {finding.path}{codes}: {finding.message}")
        counts = self.counts
        verdict = "ĐẠT (ok)" if self.ok else "KHÔNG ĐẠT (failed)"
        lines.append(
            f"{verdict}: {counts['error']} lỗi, {counts['warning']} cảnh báo, "
            f"{counts['info']} thông tin"
        )
        return "\n".join(lines)

    def filter(
        self,
        *,
        severity: Severity | str | Iterable[Severity | str] | None = None,
        rule: str | None = None,
        codes: Iterable[str] | None = None,
        path: str | None = None,
    ) -> ValidationReport:
        """The findings that match every criterion given.

        *severity* is one severity or several (members or values); *rule* a prefix of the
        rule id; *codes* indicator codes, any of which the finding concerns; *path* a prefix
        of the finding's path.

        .. versionadded:: 0.2.0
        """
        wanted: frozenset[str] | None
        if severity is None:
            wanted = None
        elif isinstance(severity, str):
            wanted = frozenset((Severity(severity).value,))
        else:
            wanted = frozenset(Severity(s).value for s in severity)
        code_set = None if codes is None else frozenset(codes)
        return ValidationReport(tuple(
            f for f in self.findings
            if (wanted is None or f.severity.value in wanted)
            and (rule is None or f.rule.startswith(rule))
            and (code_set is None or not code_set.isdisjoint(f.codes))
            and (path is None or f.path.startswith(path))
        ))

    def to_frame(self) -> Any:
        """The findings as a :class:`pandas.DataFrame`, one row each (the ``pandas`` extra).

        Columns: ``rule``, ``severity`` (its value), ``codes`` (joined by ``", "``),
        ``path``, ``message``, ``message_en``.

        .. versionadded:: 0.2.0
        """
        try:
            # An optional extra, imported when asked; it ships no type hints here.
            pd = importlib.import_module("pandas")
        except ImportError:
            raise ImportError(
                "cần gói pandas cho to_frame() (to_frame() needs pandas): "
                + extra_hint("pandas")
            ) from None
        columns = ["rule", "severity", "codes", "path", "message", "message_en"]
        rows = [
            [f.rule, f.severity.value, ", ".join(f.codes), f.path, f.message, f.message_en]
            for f in self.findings
        ]
        return pd.DataFrame(rows, columns=columns)

    @property
    def ok(self) -> bool:
        """No error-severity finding."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed, keyed by its value.

        A :class:`Severity` looks the dict up as well: ``counts[Severity.ERROR]``.
        """
        counts = dict.fromkeys((s.value for s in Severity), 0)
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    def _repr_html_(self) -> str:
        """The findings as a table, as a notebook shows them."""
        from cchc_model._render import render_html  # noqa: PLC0415 - an adapter, on display

        return render_html(self, standalone=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"ok": bool, "findings": [...]}`` as DESIGN §4 states it."""
        return {"ok": self.ok, "findings": [f.to_dict() for f in self.findings]}


def select_rules(
    rules: Iterable[Rule],
    *,
    prefix: str | None = None,
    severity: Severity | None = None,
    codes: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """The rules whose id starts with *prefix*, of *severity*, touching any of *codes*.

    *exclude* drops the rules whose id starts with any of its prefixes.

    .. versionchanged:: 0.1.0
       *exclude*.

    >>> r1 = Rule("tthc.a", Severity.ERROR, "", check=lambda r, s: [], codes=("3.1.3",))
    >>> r2 = Rule("staff.b", Severity.WARNING, "", check=lambda r, s: [])
    >>> [r.id for r in select_rules((r1, r2), prefix="tthc.")]
    ['tthc.a']
    >>> [r.id for r in select_rules((r1, r2), codes=["3.1.3"])]
    ['tthc.a']
    >>> [r.id for r in select_rules((r1, r2), exclude=["tthc."])]
    ['staff.b']
    """
    wanted = None if codes is None else frozenset(codes)
    dropped = tuple(exclude)
    return tuple(
        rule
        for rule in rules
        if (prefix is None or rule.id.startswith(prefix))
        and (severity is None or rule.severity is severity)
        and (wanted is None or not wanted.isdisjoint(rule.codes))
        and not rule.id.startswith(dropped)
    )


_RULE_FAILED = Rule(
    "engine.rule_failed",
    Severity.ERROR,
    "Quy tắc {rule} bị lỗi khi chạy: {error}",
    check=lambda rule, subject: (),
    message_en="Rule {rule} failed while running: {error}",
)


def run(target: Report | Appendix, rules: Iterable[Rule]) -> ValidationReport:
    """Run *rules* on a report or an appendix.

    A rule that fails while running becomes an ``engine.rule_failed`` finding; the other rules
    still run. :func:`~cchc_model.validate` is this with the library's rules as the default.
    """
    if not isinstance(target, Report | Appendix):
        raise TypeError(f"validate() takes a Report or an Appendix, not {type(target).__name__}")
    subject = Subject.of(target)
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(rule, subject))
        except Exception as error:  # noqa: BLE001, PERF203 - a broken rule must not hide the others
            findings.append(
                _RULE_FAILED.finding(rule=rule.id, error=f"{type(error).__name__}: {error}")
            )
    return ValidationReport(tuple(findings))
