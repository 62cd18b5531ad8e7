"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    CountFact,
    DocumentDate,
    DocumentType,
    Header,
    IndicatorValue,
    LegalDocumentRef,
    MoneyFact,
    MoneyScale,
    Paragraph,
    ParagraphKind,
    PercentFact,
    RateFact,
    Ratio,
    RatioFact,
    Recipient,
    ReferenceMatch,
    Report,
    ReportingPeriod,
    Section,
    Signature,
    SigningAuthority,
    TotalFact,
)

# --- report ---

#: Any text, including NFD sequences, emoji and control characters (never surrogates, which
#: JSON text cannot carry).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
short_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12,
                       max_value=10**12)
counts = st.integers(min_value=0, max_value=10**9)

periods = st.one_of(
    st.builds(ReportingPeriod.annual, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.half_year, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.nine_months, st.integers(2000, 2100)),
    st.builds(ReportingPeriod.quarter, st.integers(2000, 2100), st.integers(1, 4)),
)


@st.composite
def document_dates(draw: st.DrawFn) -> DocumentDate:
    day = draw(st.dates(date(1990, 1, 1), date(2100, 12, 31)))
    blank = draw(st.sampled_from(("none", "day", "month")))
    if blank == "day":
        return DocumentDate(day.year, day.month)
    if blank == "month":
        return DocumentDate(day.year)
    return DocumentDate.of(day)


legal_refs = st.builds(
    LegalDocumentRef,
    doc_type=st.one_of(st.none(), st.sampled_from(DocumentType)),
    number=st.integers(1, 99999),
    symbol=short_texts,
    year=st.one_of(st.none(), st.integers(1945, 2100)),
    issued_on=st.one_of(st.none(), st.dates()),
    issuer=st.one_of(st.none(), short_texts),
    subject=st.one_of(st.none(), texts),
    warnings=st.lists(short_texts, max_size=2).map(tuple),
)
reference_matches = st.builds(
    ReferenceMatch, legal_refs, st.integers(0, 500), st.integers(0, 500), short_texts
)
count_facts = st.builds(CountFact, counts, short_texts, short_texts, short_texts)
facts = st.one_of(
    count_facts,
    st.builds(PercentFact, decimals, short_texts, short_texts),
    st.builds(MoneyFact, decimals, st.sampled_from(MoneyScale), short_texts, short_texts,
              short_texts),
    st.builds(RatioFact, decimals, decimals, short_texts, short_texts, short_texts),
    st.builds(RateFact, decimals, decimals, decimals, short_texts, short_texts, short_texts),
    st.builds(TotalFact, count_facts, st.lists(count_facts, max_size=3).map(tuple),
              st.booleans(), short_texts, short_texts),
)
paragraphs = st.builds(
    Paragraph,
    texts,
    st.sampled_from(ParagraphKind),
    st.lists(reference_matches, max_size=2).map(tuple),
    st.lists(facts, max_size=3).map(tuple),
)
sections = st.recursive(
    st.builds(Section, short_texts, short_texts, st.lists(paragraphs, max_size=2).map(tuple)),
    lambda children: st.builds(
        Section, short_texts, short_texts, st.lists(paragraphs, max_size=2).map(tuple),
        st.lists(children, max_size=3).map(tuple),
    ),
    max_leaves=6,
)
values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    decimals,
    st.builds(Ratio, counts, counts),
    texts,
)


@st.composite
def report_appendices(draw: st.DrawFn) -> Appendix:
    codes = draw(st.lists(short_texts, unique=True, max_size=5))
    rows = tuple(
        IndicatorValue(code, draw(values), draw(short_texts), draw(short_texts),
                       draw(short_texts), draw(short_texts), draw(short_texts),
                       draw(st.one_of(st.none(), st.integers(1, 10**6))))
        for code in codes
    )
    return Appendix(rows, draw(short_texts))


headers = st.builds(
    Header,
    agency=short_texts,
    parent_agency=short_texts,
    doc_type=st.sampled_from(DocumentType),
    number=st.one_of(st.none(), st.integers(1, 99999)),
    symbol=short_texts,
    place=short_texts,
    date=st.one_of(st.none(), document_dates()),
    title=short_texts,
    subtitle=texts,
    period=st.one_of(st.none(), periods),
    legal_basis=st.one_of(st.none(), paragraphs),
)
signatures = st.builds(
    Signature, short_texts, st.lists(short_texts, max_size=3).map(tuple),
    st.one_of(st.none(), st.sampled_from(SigningAuthority)),
)
reports = st.builds(
    Report,
    header=headers,
    introduction=st.lists(paragraphs, max_size=2).map(tuple),
    sections=st.lists(sections, max_size=3).map(tuple),
    closing=st.lists(paragraphs, max_size=1).map(tuple),
    recipients=st.lists(st.builds(Recipient, short_texts, short_texts), max_size=3).map(tuple),
    archive=st.lists(short_texts, max_size=2).map(tuple),
    signature=st.one_of(st.none(), signatures),
    appendix=st.one_of(st.none(), report_appendices()),
)


# --- numbers ---


@st.composite
def figure_decimals(draw: st.DrawFn, *, max_digits: int = 20, max_places: int = 6) -> Decimal:
    """Finite decimals with at most *max_digits* digits, *max_places* of them after the mark."""
    places = draw(st.integers(0, max_places))
    digits = draw(st.integers(max(places, 1), max_digits))
    coefficient = draw(st.integers(-(10**digits) + 1, 10**digits - 1))
    return Decimal(coefficient).scaleb(-places)


#: Floats whose shortest repr has few enough digits to be written and read back.
figure_floats = st.floats(
    min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False
).filter(lambda value: value == 0 or abs(value) >= 1e-10)

#: Every kind of value the format_* functions take.
figures = st.one_of(st.integers(-(10**20), 10**20), figure_decimals(), figure_floats)

#: A money scale as the enum or as its name.
money_scales = st.sampled_from(MoneyScale) | st.sampled_from([s.value for s in MoneyScale])
