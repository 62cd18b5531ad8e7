"""The library's rule set and :func:`validate`, which runs it unless told otherwise.

The rule families are data, one module each; the engine knows none of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report
from cchc_model._rules.appendix import APPENDIX_RULES
from cchc_model._rules.engine import Rule, ValidationReport, run
from cchc_model._rules.facts import FACT_RULES
from cchc_model._rules.header import HEADER_RULES
from cchc_model._rules.levels import LEVEL_RULES
from cchc_model._rules.prose import PROSE_RULES
from cchc_model._rules.references import REFERENCE_RULES
from cchc_model._rules.relations import RELATION_RULES
from cchc_model._rules.report import REPORT_RULES

__all__ = ["default_rules", "validate"]


def default_rules() -> tuple[Rule, ...]:
    """Every rule of the library, in the order their findings are listed."""
    return (
        *REPORT_RULES,
        *HEADER_RULES,
        *REFERENCE_RULES,
        *APPENDIX_RULES,
        *RELATION_RULES,
        *LEVEL_RULES,
        *FACT_RULES,
        *PROSE_RULES,
    )


def validate(target: Report | Appendix, *, rules: Iterable[Rule] | None = None) -> ValidationReport:
    """Run *rules* (by default every rule of the library) on a report or an appendix.

    A rule that fails while running becomes an ``engine.rule_failed`` finding; the other rules
    still run.
    """
    return run(target, default_rules() if rules is None else rules)
