"""cchc_model: the typed, validated model of Vietnamese administrative reform (CCHC) reports.

Everything public is importable from here; the modules behind it are private.
"""

from __future__ import annotations

from cchc_model._appendix import Appendix, IndicatorValue, Ratio
from cchc_model._dates import format_date, format_date_line, parse_date
from cchc_model._errors import (
    AppendixParseError,
    CchcError,
    DateParseError,
    InputError,
    NumberParseError,
    ParseError,
    ReferenceParseError,
    RuleError,
    StructureError,
    UnitError,
)
from cchc_model._facts import (
    CountFact,
    Fact,
    MoneyFact,
    MoneyScale,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._numbers import parse_number
from cchc_model._periods import GovernmentLevel, PeriodKind, ReportingPeriod
from cchc_model._references import (
    MAX_REFERENCE_LENGTH,
    MAX_TEXT_LENGTH,
    DocumentType,
    LegalDocumentRef,
    ReferenceMatch,
    extract_references,
    is_valid_reference,
    parse_reference,
)
from cchc_model._report import (
    DocumentDate,
    Header,
    Paragraph,
    ParagraphKind,
    Recipient,
    Report,
    Section,
    Signature,
    SigningAuthority,
)
from cchc_model._serialization import SCHEMA_VERSION, dumps, load
from cchc_model._text import normalize_text
from cchc_model._validation import (
    Finding,
    Rule,
    Severity,
    Subject,
    ValidationReport,
    select_rules,
    validate,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "MAX_REFERENCE_LENGTH",
    "MAX_TEXT_LENGTH",
    "SCHEMA_VERSION",
    "Appendix",
    "AppendixParseError",
    "CchcError",
    "CountFact",
    "DateParseError",
    "DocumentDate",
    "DocumentType",
    "Fact",
    "Finding",
    "GovernmentLevel",
    "Header",
    "IndicatorValue",
    "InputError",
    "LegalDocumentRef",
    "MoneyFact",
    "MoneyScale",
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
    "StructureError",
    "Subject",
    "TotalFact",
    "UnitError",
    "ValidationReport",
    "dumps",
    "extract_references",
    "format_date",
    "format_date_line",
    "is_valid_reference",
    "load",
    "normalize_text",
    "parse_date",
    "parse_number",
    "parse_reference",
    "select_rules",
    "validate",
]
