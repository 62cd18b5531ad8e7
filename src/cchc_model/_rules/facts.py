"""Rules about the figures stated in prose: totals against parts, rates against their terms."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cchc_model._model.facts import Fact, PercentFact, RateFact, TotalFact
from cchc_model._rules.appendix import percent_fractions
from cchc_model._rules.engine import Finding, Rule, Severity, Subject
from cchc_model._rules.messages import number_for_message

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


def _fact_paths(subject: Subject) -> tuple[tuple[str, Fact], ...]:
    return subject.index.facts


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


def _why(verdict: str, stated: Decimal, computed: Decimal) -> tuple[str, str]:
    """What a civil servant adds after "ghi 100% trong khi thực tế 99,78%"."""
    if verdict == "truncated":
        exponent = stated.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        rounded = number_for_message(computed, decimals=places, percent=True)
        return f", làm tròn đúng là {rounded}", f", which rounds to {rounded}"
    if verdict == "rounded_to_bound":
        if stated == _HUNDRED:
            return "; chưa đạt 100% thì không ghi 100%", "; short of 100% is not 100%"
        return "; đã có phát sinh thì không ghi 0%", "; anything above 0% is not 0%"
    return "", ""


def _rates(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for path, fact in _fact_paths(subject):
        if not isinstance(fact, RateFact):
            continue
        verdict = rate_agreement(fact.numerator, fact.denominator, fact.stated)
        if verdict == "exact":
            continue
        if fact.denominator:
            exact = fact.numerator * _HUNDRED / fact.denominator
            computed = number_for_message(
                exact, decimals=3 if verdict == "truncated" else 2, percent=True
            )
            why_vi, why_en = _why(verdict, fact.stated, exact)
        else:
            computed, why_vi, why_en = "không xác định (undefined)", "", ""
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


def _is_fraction(value: object) -> bool:
    return isinstance(value, Decimal) and 0 < value < 1


def _fractions(rule: Rule, subject: Subject) -> Iterator[Finding]:
    for path, fact in _fact_paths(subject):
        if isinstance(fact, PercentFact) and _is_fraction(fact.value):
            yield rule.finding(
                path, value=fact.value,
                percent=number_for_message(fact.value * _HUNDRED, percent=True),
            )
    for row in percent_fractions(subject.index):
        assert isinstance(row.value, Decimal)  # noqa: S101 - only fractions are kept
        yield rule.finding(
            subject.code_path(row.code), codes=(row.code,), value=row.value,
            percent=number_for_message(row.value * _HUNDRED, percent=True),
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
        "Báo cáo ghi tỷ lệ {stated} trong khi thực tế {numerator}/{denominator} = "
        "{computed}{why_vi}.",
        check=_rates,
        message_en="The report states {stated} while in fact {numerator}/{denominator} = "
        "{computed}{why_en}.",
        description="A percentage stated with its numerator and denominator agrees with them "
        "within the precision it is written with.",
    ),
    Rule(
        "facts.percent_fraction",
        Severity.WARNING,
        "Tỷ lệ {value} nằm giữa 0 và 1: có phải là phân số thay cho {percent}? Tỷ lệ được "
        "ghi bằng điểm phần trăm (0–100).",
        check=_fractions,
        message_en="Percentage {value} lies between 0 and 1: is it a fraction meant as "
        "{percent}? Percentages are in percent points (0–100).",
        description="A percentage (a stated one, or an appendix row of percentages) between 0 "
        "and 1 is most likely a fraction given where percent points belong "
        "(``Decimal(\"0.9977\")`` for 99,77 %).",
    ),
)
