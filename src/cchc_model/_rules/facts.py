"""Rules about the figures stated in prose: totals against parts, rates against their terms."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cchc_model._base.numbers import number_for_message
from cchc_model._model.facts import RateFact, TotalFact
from cchc_model._rules.engine import Finding, Rule, Severity, Subject

__all__ = ["FACT_RULES", "rate_agreement"]

_HUNDRED = Decimal(100)


def rate_agreement(numerator: Decimal, denominator: Decimal, stated: Decimal) -> str:
    """How a stated percentage agrees with ``numerator / denominator``.

    The tolerance comes from the places the percentage was written with: ``33,37`` stands for
    anything in [33,365; 33,375). Returns ``"exact"`` (within rounding), ``"truncated"``
    (written by cutting digits, not rounding), ``"rounded_to_bound"`` (100 % or 0 % written
    for a rate that is not quite that), or ``"wrong"``.

    >>> rate_agreement(Decimal(1607), Decimal(4964), Decimal("33.37"))
    'wrong'
    >>> rate_agreement(Decimal(3878), Decimal(15127), Decimal("25.63"))
    'truncated'
    >>> rate_agreement(Decimal("3585.23"), Decimal(3593), Decimal(100))
    'rounded_to_bound'
    >>> rate_agreement(Decimal(1607), Decimal(4964), Decimal("32.37"))
    'exact'
    """
    if denominator == 0:
        return "wrong"
    computed = numerator * _HUNDRED / denominator
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    unit = Decimal(1).scaleb(-places)
    if stated in (0, _HUNDRED) and computed != stated and abs(computed - stated) < unit:
        return "rounded_to_bound"
    if abs(computed - stated) <= unit / 2:
        return "exact"
    if stated <= computed < stated + unit:
        return "truncated"
    return "wrong"


def _fact_paths(subject: Subject) -> Iterator[tuple[str, object]]:
    if subject.report is None:
        return
    for path, paragraph in subject.report.paragraphs():
        for i, fact in enumerate(paragraph.facts):
            yield f"{path}.facts[{i}]", fact


def _totals(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for path, fact in _fact_paths(subject):
        if not isinstance(fact, TotalFact):
            continue
        parts = sum(part.value for part in fact.parts)
        total = fact.total.value
        if (fact.complete and parts != total) or (not fact.complete and parts > total):
            terms = " + ".join(number_for_message(part.value) for part in fact.parts)
            yield rule.finding(
                path,
                total=number_for_message(total),
                terms=terms,
                parts=number_for_message(parts),
                unit=fact.total.unit,
            )


_RATE_SEVERITY = {
    "truncated": Severity.WARNING,
    "rounded_to_bound": Severity.WARNING,
    "wrong": Severity.ERROR,
}
_RATE_WHY = {
    "truncated": ("bị cắt bớt chữ số thay vì làm tròn", "is truncated instead of rounded"),
    "rounded_to_bound": ("được làm tròn thành giá trị biên", "is rounded to a bound it misses"),
    "wrong": ("không khớp", "does not match"),
}


def _rates(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for path, fact in _fact_paths(subject):
        if not isinstance(fact, RateFact):
            continue
        verdict = rate_agreement(fact.numerator, fact.denominator, fact.stated)
        if verdict == "exact":
            continue
        computed = (
            number_for_message(
                fact.numerator * _HUNDRED / fact.denominator, decimals=3, percent=True
            )
            if fact.denominator
            else "không xác định (undefined)"
        )
        why_vi, why_en = _RATE_WHY[verdict]
        yield rule.finding(
            path,
            severity=_RATE_SEVERITY[verdict],
            stated=number_for_message(fact.stated, percent=True),
            numerator=number_for_message(fact.numerator),
            denominator=number_for_message(fact.denominator),
            computed=computed,
            why_vi=why_vi,
            why_en=why_en,
        )


FACT_RULES: tuple[Rule, ...] = (
    Rule(
        "facts.total_parts",
        Severity.ERROR,
        "Tổng {total} {unit} khác tổng các phần {terms} = {parts}.",
        check=_totals,
        message_en="Total {total} {unit} differs from its parts {terms} = {parts}.",
        description="A total stated with its breakdown equals the sum of the parts; a partial "
        "breakdown (\"trong đó\") does not exceed it.",
    ),
    Rule(
        "facts.stated_rate",
        Severity.ERROR,
        "Tỷ lệ nêu {stated} {why_vi}: {numerator}/{denominator} = {computed}.",
        check=_rates,
        message_en="Stated rate {stated} {why_en}: {numerator}/{denominator} = {computed}.",
        description="A percentage stated with its numerator and denominator agrees with them "
        "within the precision it is written with.",
    ),
)
