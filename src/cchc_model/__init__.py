"""cchc_model: the typed, validated model of Vietnamese administrative reform (CCHC) reports.

Everything public is importable from here; the modules behind it are private.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from cchc_model._base.dates import DocumentDate, format_date, format_date_line, parse_date
from cchc_model._base.errors import (
    AppendixOnlyError,
    AppendixParseError,
    CchcError,
    DateParseError,
    InputError,
    NotAReportError,
    NumberFormatError,
    NumberParseError,
    ParseError,
    ReferenceParseError,
    RuleError,
    StructureError,
    UnitError,
)
from cchc_model._base.numbers import (
    MAX_NUMBER_DIGITS,
    MoneyScale,
    format_money,
    format_number,
    format_percent,
    is_number,
    parse_money,
    parse_number,
    parse_percent,
)
from cchc_model._base.periods import GovernmentLevel, PeriodKind, ReportingPeriod
from cchc_model._base.text import normalize_text
from cchc_model._io.serialization import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_ITEMS,
    SCHEMA_VERSION,
    dumps,
    load,
)
from cchc_model._model.appendix import Appendix, Catalogue, catalogue, catalogue_2023
from cchc_model._model.fact_grammar import FactMatch, extract_facts
from cchc_model._model.facts import (
    CountFact,
    Fact,
    MoneyFact,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._model.indicators import IndicatorDef, IndicatorValue
from cchc_model._model.report import (
    Header,
    Paragraph,
    ParagraphKind,
    Recipient,
    Report,
    Section,
    Signature,
    SigningAuthority,
)
from cchc_model._values.kinds import Aggregation, CodedScale, Ratio, Value, ValueKind
from cchc_model._values.references import (
    MAX_REFERENCE_LENGTH,
    MAX_TEXT_LENGTH,
    DocumentType,
    LegalDocumentRef,
    ReferenceMatch,
    extract_references,
    is_valid_reference,
    parse_reference,
)

if TYPE_CHECKING:
    from cchc_model._base.units import is_unit_label, quantity, unit_for_label
    from cchc_model._io.fact_table import fact_table, write_fact_table
    from cchc_model._io.reports import MAX_REPORT_BYTES, read_report
    from cchc_model._io.tables import (
        MAX_TABLE_BYTES,
        MAX_TABLE_ROWS,
        read_appendix,
        write_appendix,
    )
    from cchc_model._model.views import CaseProcessing, FinancialAutonomy, Staffing, TthcCounts
    from cchc_model._render import render_docx, render_html, render_markdown
    from cchc_model._rules.compare import compare
    from cchc_model._rules.consolidation import Consolidation, consolidate
    from cchc_model._rules.default import default_rules, validate
    from cchc_model._rules.engine import (
        Finding,
        Rule,
        Severity,
        Subject,
        ValidationReport,
        select_rules,
    )

# Reading tables, validation, consolidation, fact tables, rendering, the typed views and units
# are not needed to build, load or dump a report: their modules load on first use of one of
# their names, so ``import cchc_model`` stays cheap (PEP 562).
_LAZY = {
    "MAX_REPORT_BYTES": "cchc_model._io.reports",
    "read_report": "cchc_model._io.reports",
    "MAX_TABLE_BYTES": "cchc_model._io.tables",
    "MAX_TABLE_ROWS": "cchc_model._io.tables",
    "read_appendix": "cchc_model._io.tables",
    "write_appendix": "cchc_model._io.tables",
    "render_docx": "cchc_model._render",
    "render_html": "cchc_model._render",
    "render_markdown": "cchc_model._render",
    "default_rules": "cchc_model._rules.default",
    "is_unit_label": "cchc_model._base.units",
    "quantity": "cchc_model._base.units",
    "unit_for_label": "cchc_model._base.units",
    "Finding": "cchc_model._rules.engine",
    "Rule": "cchc_model._rules.engine",
    "Severity": "cchc_model._rules.engine",
    "Subject": "cchc_model._rules.engine",
    "ValidationReport": "cchc_model._rules.engine",
    "select_rules": "cchc_model._rules.engine",
    "validate": "cchc_model._rules.default",
    "CaseProcessing": "cchc_model._model.views",
    "FinancialAutonomy": "cchc_model._model.views",
    "Staffing": "cchc_model._model.views",
    "TthcCounts": "cchc_model._model.views",
    "Consolidation": "cchc_model._rules.consolidation",
    "consolidate": "cchc_model._rules.consolidation",
    "compare": "cchc_model._rules.compare",
    "fact_table": "cchc_model._io.fact_table",
    "write_fact_table": "cchc_model._io.fact_table",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__version__ = "0.1.0.dev0"

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_ITEMS",
    "MAX_NUMBER_DIGITS",
    "MAX_REFERENCE_LENGTH",
    "MAX_REPORT_BYTES",
    "MAX_TABLE_BYTES",
    "MAX_TABLE_ROWS",
    "MAX_TEXT_LENGTH",
    "SCHEMA_VERSION",
    "Aggregation",
    "Appendix",
    "AppendixOnlyError",
    "AppendixParseError",
    "CaseProcessing",
    "Catalogue",
    "CchcError",
    "CodedScale",
    "Consolidation",
    "CountFact",
    "DateParseError",
    "DocumentDate",
    "DocumentType",
    "Fact",
    "FactMatch",
    "FinancialAutonomy",
    "Finding",
    "GovernmentLevel",
    "Header",
    "IndicatorDef",
    "IndicatorValue",
    "InputError",
    "LegalDocumentRef",
    "MoneyFact",
    "MoneyScale",
    "NotAReportError",
    "NumberFormatError",
    "NumberParseError",
    "Paragraph",
    "ParagraphKind",
    "ParseError",
    "PercentFact",
    "PeriodKind",
    "RateFact",
    "Ratio",
    "RatioFact",
    "Recipient",
    "ReferenceMatch",
    "ReferenceParseError",
    "Report",
    "ReportingPeriod",
    "Rule",
    "RuleError",
    "Section",
    "Severity",
    "Signature",
    "SigningAuthority",
    "Staffing",
    "StructureError",
    "Subject",
    "TotalFact",
    "TthcCounts",
    "UnitError",
    "ValidationReport",
    "Value",
    "ValueKind",
    "catalogue",
    "catalogue_2023",
    "compare",
    "consolidate",
    "default_rules",
    "dumps",
    "extract_facts",
    "extract_references",
    "fact_table",
    "format_date",
    "format_date_line",
    "format_money",
    "format_number",
    "format_percent",
    "is_number",
    "is_unit_label",
    "is_valid_reference",
    "load",
    "normalize_text",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_reference",
    "quantity",
    "read_appendix",
    "read_report",
    "render_docx",
    "render_html",
    "render_markdown",
    "select_rules",
    "unit_for_label",
    "validate",
    "write_appendix",
    "write_fact_table",
]
