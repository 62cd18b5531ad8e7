"""cchc_model: the typed, validated model of Vietnamese administrative reform (CCHC) reports.

Everything public is importable from here; the modules behind it are private.
"""

from __future__ import annotations

from cchc_model._appendix import Appendix, IndicatorValue, Ratio, Value
from cchc_model._appendix_io import read_appendix, write_appendix
from cchc_model._catalogue import (
    Aggregation,
    Catalogue,
    CodedScale,
    IndicatorDef,
    ValueKind,
    catalogue,
    catalogue_2023,
)
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
from cchc_model._references import DocumentType, LegalDocumentRef, ReferenceMatch
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
from cchc_model._validation import (
    Finding,
    Rule,
    Severity,
    Subject,
    ValidationReport,
    select_rules,
    validate,
)
from cchc_model._views import CaseProcessing, FinancialAutonomy, Staffing, TthcCounts

__version__ = "0.1.0.dev0"

__all__ = [
    "SCHEMA_VERSION",
    "Aggregation",
    "Appendix",
    "AppendixParseError",
    "CaseProcessing",
    "Catalogue",
    "CchcError",
    "CodedScale",
    "CountFact",
    "DateParseError",
    "DocumentDate",
    "DocumentType",
    "Fact",
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
    "dumps",
    "load",
    "parse_number",
    "read_appendix",
    "select_rules",
    "validate",
    "write_appendix",
]
