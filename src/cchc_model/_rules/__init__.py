"""The library's rule set, as data: one module per family of rules."""

from __future__ import annotations

from cchc_model._rules.appendix import APPENDIX_RULES
from cchc_model._rules.facts import FACT_RULES
from cchc_model._rules.levels import LEVEL_RULES
from cchc_model._rules.prose import PROSE_RULES
from cchc_model._rules.references import REFERENCE_RULES
from cchc_model._rules.relations import RELATION_RULES
from cchc_model._rules.report import REPORT_RULES
from cchc_model._validation import Rule

__all__ = ["default_rules"]


def default_rules() -> tuple[Rule, ...]:
    """Every rule of the library, in the order their findings are listed."""
    return (
        *REPORT_RULES,
        *REFERENCE_RULES,
        *APPENDIX_RULES,
        *RELATION_RULES,
        *LEVEL_RULES,
        *FACT_RULES,
        *PROSE_RULES,
    )
