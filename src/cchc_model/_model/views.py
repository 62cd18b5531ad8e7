"""Typed views of parts of the appendix: TTHC counts, case processing, staffing, autonomy.

A view is a frozen value with named, typed fields that a notebook user or a report-building
tool fills in directly. ``to_values()`` turns it into appendix rows of the 2023 form and
``from_appendix()`` reads it back; ``View.from_appendix(view.to_appendix()) == view``.
Blank fields (``None``) have no row.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import attrs

from cchc_model._base.checks import decimal_of, of_type, to_optional_decimal, type_only
from cchc_model._base.errors import CchcError, StructureError
from cchc_model._base.numbers import decimal_problem
from cchc_model._base.periods import GovernmentLevel
from cchc_model._model.appendix import Appendix, catalogue_2023
from cchc_model._model.indicators import IndicatorValue
from cchc_model._values.kinds import Value

__all__ = ["CaseProcessing", "FinancialAutonomy", "Staffing", "TthcCounts"]

V = TypeVar("V", bound="_View")
_HUNDRED = Decimal(100)


_STRING_HINT = (
    "đọc chuỗi số bằng parse_number/parse_percent trước "
    "(read a written number with parse_number or parse_percent first)"
)


@type_only  # the fast load path never builds a view
def _finite(instance: object, field: attrs.Attribute[Any], value: Decimal | None) -> None:
    problem = None if value is None else decimal_problem(value)
    if problem is not None:
        raise CchcError(f"{type(instance).__name__}.{field.name} {problem}: {value!r}")


def _percent() -> Decimal | None:
    """A percentage field: an int becomes a Decimal; strings and floats are refused."""
    return attrs.field(  # type: ignore[no-any-return]
        default=None, converter=to_optional_decimal,
        validator=[decimal_of(optional=True, hint=_STRING_HINT), _finite],
    )


_INT = of_type(int, optional=True, hint=_STRING_HINT)


class _View:
    """What every view shares: the fields that are appendix rows, and the conversions."""

    #: Field name → indicator code of the 2023 form.
    CODES: ClassVar[Mapping[str, str]] = {}

    def to_values(self) -> tuple[IndicatorValue, ...]:
        """The view's filled fields as appendix rows of the 2023 form, in form order."""
        catalogue = catalogue_2023()
        rows = [
            catalogue[code].row(getattr(self, name))
            for name, code in self.CODES.items()
            if getattr(self, name) is not None
        ]
        rows.sort(key=lambda row: catalogue.position(row.code))
        return tuple(rows)

    def to_appendix(self, *, title: str = "") -> Appendix:
        """An appendix holding just this view's rows."""
        return catalogue_2023().build(self.to_values(), title=title)

    @classmethod
    def from_appendix(cls: type[V], appendix: Appendix) -> V:
        """The view read from *appendix*; absent or blank rows give ``None``.

        A value of the wrong kind raises :class:`~cchc_model.StructureError` naming its
        row (``$.appendix["3.1.3"]``); validate the appendix first to see them all.
        """
        fields = attrs.fields_dict(cls)  # type: ignore[arg-type]
        kwargs: dict[str, Value] = {}
        for name, code in cls.CODES.items():
            value = appendix.value(code)
            if value is None:
                continue
            wants_int = fields[name].converter is None
            ok = (type(value) is int) if wants_int else (
                isinstance(value, int | Decimal) and not isinstance(value, bool)
            )
            if not ok:
                expected = "số nguyên (a whole number)" if wants_int else "tỷ lệ (a percentage)"
                raise StructureError(
                    f"cần {expected}, gặp {value!r}", path=f'$.appendix["{code}"]'
                )
            kwargs[name] = value
        return cls(**kwargs)


def _add(*values: int | None) -> int | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


@attrs.frozen(kw_only=True)
class TthcCounts(_View):
    """Administrative procedures (TTHC): in force by level, published, abolished, online.

    Two-level reports (periods from 1/7/2025, when the district level was abolished) leave
    ``district`` blank.

    >>> t = TthcCounts(total=138, provincial=103, district=19, commune=16, online_level3=62,
    ...                online_level4=41)
    >>> t.by_level_total, t.online_total
    (138, 103)
    >>> [level.value for level in t.levels]
    ['tỉnh', 'huyện', 'xã']
    >>> TthcCounts.from_appendix(t.to_appendix()) == t
    True
    """

    CODES: ClassVar[Mapping[str, str]] = {
        "published": "3.1.1",
        "abolished": "3.1.2",
        "total": "3.1.3",
        "provincial": "3.1.3.a",
        "district": "3.1.3.b",
        "commune": "3.1.3.c",
        "national_portal_published": "3.2.1",
        "national_portal_integrated": "3.2.2",
        "same_level_linked": "3.3.1",
        "cross_level_linked": "3.3.2",
        "provincial_portal_integrated": "3.5.1",
        "provincial_portal_online": "3.5.2",
        "online_payment": "3.5.3",
        "online_level3": "7.8.1",
        "online_level4": "7.8.2",
    }

    published: int | None = attrs.field(default=None, validator=_INT)
    abolished: int | None = attrs.field(default=None, validator=_INT)
    total: int | None = attrs.field(default=None, validator=_INT)
    provincial: int | None = attrs.field(default=None, validator=_INT)
    district: int | None = attrs.field(default=None, validator=_INT)
    commune: int | None = attrs.field(default=None, validator=_INT)
    national_portal_published: int | None = attrs.field(default=None, validator=_INT)
    national_portal_integrated: int | None = attrs.field(default=None, validator=_INT)
    same_level_linked: int | None = attrs.field(default=None, validator=_INT)
    cross_level_linked: int | None = attrs.field(default=None, validator=_INT)
    provincial_portal_integrated: int | None = attrs.field(default=None, validator=_INT)
    provincial_portal_online: int | None = attrs.field(default=None, validator=_INT)
    online_payment: int | None = attrs.field(default=None, validator=_INT)
    online_level3: int | None = attrs.field(default=None, validator=_INT)
    online_level4: int | None = attrs.field(default=None, validator=_INT)

    @property
    def levels(self) -> dict[GovernmentLevel, int]:
        """The counts by level of government that are filled in."""
        by_level = {
            GovernmentLevel.PROVINCE: self.provincial,
            GovernmentLevel.DISTRICT: self.district,
            GovernmentLevel.COMMUNE: self.commune,
        }
        return {level: count for level, count in by_level.items() if count is not None}

    @property
    def by_level_total(self) -> int | None:
        """The sum of the counts by level (to compare with :attr:`total`)."""
        return _add(self.provincial, self.district, self.commune)

    @property
    def online_total(self) -> int | None:
        """Procedures online at level 3 or 4 (to compare with ``provincial_portal_online``)."""
        return _add(self.online_level3, self.online_level4)


@attrs.frozen(kw_only=True)
class CaseProcessing(_View):
    """Case files (hồ sơ TTHC): received, resolved, pending, and the on-time rates.

    The 2023 form asks only for the rates (3.4.1–3.4.5, 7.8.3–7.8.4); the counts, which
    reports state in prose, are fields of the view but have no appendix row, so
    :meth:`to_values` leaves them out. The derived rates are percent points.

    >>> c = CaseProcessing(received_online=530, received_direct=4964, resolved_early=430,
    ...                    resolved_on_time=55, resolved_late=1)
    >>> c.received, c.resolved, c.on_time_rate.quantize(Decimal("0.01"))
    (5494, 486, Decimal('99.79'))
    >>> v = CaseProcessing(on_time_rate_department=100)
    >>> CaseProcessing.from_appendix(v.to_appendix()) == v
    True
    """

    CODES: ClassVar[Mapping[str, str]] = {
        "on_time_rate_department": "3.4.1",
        "on_time_rate_district": "3.4.2",
        "on_time_rate_commune": "3.4.3",
        "on_time_rate_land": "3.4.4",
        "on_time_rate_construction": "3.4.5",
        "online_rate_level3": "7.8.3",
        "online_rate_level4": "7.8.4",
    }

    received_direct: int | None = attrs.field(default=None, validator=_INT)
    received_online: int | None = attrs.field(default=None, validator=_INT)
    resolved_early: int | None = attrs.field(default=None, validator=_INT)
    resolved_on_time: int | None = attrs.field(default=None, validator=_INT)
    resolved_late: int | None = attrs.field(default=None, validator=_INT)
    pending: int | None = attrs.field(default=None, validator=_INT)
    on_time_rate_department: Decimal | None = _percent()
    on_time_rate_district: Decimal | None = _percent()
    on_time_rate_commune: Decimal | None = _percent()
    on_time_rate_land: Decimal | None = _percent()
    on_time_rate_construction: Decimal | None = _percent()
    online_rate_level3: Decimal | None = _percent()
    online_rate_level4: Decimal | None = _percent()

    @property
    def received(self) -> int | None:
        """Case files received, directly and online."""
        return _add(self.received_direct, self.received_online)

    @property
    def resolved(self) -> int | None:
        """Case files resolved, early, on time and late."""
        return _add(self.resolved_early, self.resolved_on_time, self.resolved_late)

    @property
    def on_time_rate(self) -> Decimal | None:
        """Percent of resolved case files resolved early or on time."""
        resolved = self.resolved
        in_time = _add(self.resolved_early, self.resolved_on_time)
        if not resolved or in_time is None:
            return None
        return Decimal(in_time) * _HUNDRED / resolved

    @property
    def online_share(self) -> Decimal | None:
        """Percent of received case files received online."""
        received = self.received
        if not received or self.received_online is None:
            return None
        return Decimal(self.received_online) * _HUNDRED / received


@attrs.frozen(kw_only=True)
class Staffing(_View):
    """Civil-servant posts (4.2) and state-paid staff of public service units (4.3).

    >>> s = Staffing(civil_quota=47, civil_present=44, sncl_quota=52, sncl_present=50,
    ...              civil_reduced_since_2015=10)
    >>> s.civil_vacancies, s.sncl_vacancies, s.civil_reduced_since_2015
    (3, 2, Decimal('10'))
    >>> Staffing.from_appendix(s.to_appendix()) == s
    True
    """

    CODES: ClassVar[Mapping[str, str]] = {
        "civil_quota": "4.2.1",
        "civil_present": "4.2.2",
        "labour_contracts": "4.2.3",
        "civil_reduced": "4.2.4",
        "civil_reduced_since_2015": "4.2.5",
        "sncl_quota": "4.3.1",
        "sncl_present": "4.3.2",
        "sncl_reduced": "4.3.3",
        "sncl_reduced_since_2015": "4.3.4",
    }

    civil_quota: int | None = attrs.field(default=None, validator=_INT)
    civil_present: int | None = attrs.field(default=None, validator=_INT)
    labour_contracts: int | None = attrs.field(default=None, validator=_INT)
    civil_reduced: int | None = attrs.field(default=None, validator=_INT)
    civil_reduced_since_2015: Decimal | None = _percent()
    sncl_quota: int | None = attrs.field(default=None, validator=_INT)
    sncl_present: int | None = attrs.field(default=None, validator=_INT)
    sncl_reduced: int | None = attrs.field(default=None, validator=_INT)
    sncl_reduced_since_2015: Decimal | None = _percent()

    @property
    def civil_vacancies(self) -> int | None:
        """Civil-servant posts assigned but not filled."""
        if self.civil_quota is None or self.civil_present is None:
            return None
        return self.civil_quota - self.civil_present

    @property
    def sncl_vacancies(self) -> int | None:
        """Public service unit posts assigned but not filled."""
        if self.sncl_quota is None or self.sncl_present is None:
            return None
        return self.sncl_quota - self.sncl_present


@attrs.frozen(kw_only=True)
class FinancialAutonomy(_View):
    """Public service units (SNCL) by the autonomy groups of Nghị định 60/2021/NĐ-CP.

    Group 1 covers its recurrent and investment spending, group 2 its recurrent spending,
    group 3 part of it, group 4 is funded by the State (rows 6.1–6.4); ``equitized`` counts
    units turned into joint-stock companies (6.5).

    >>> f = FinancialAutonomy(group1=0, group2=0, group3=2, group4=1, equitized=0)
    >>> f.total, f.by_group
    (3, {1: 0, 2: 0, 3: 2, 4: 1})
    >>> FinancialAutonomy.from_appendix(f.to_appendix()) == f
    True
    """

    CODES: ClassVar[Mapping[str, str]] = {
        "group1": "6.1",
        "group2": "6.2",
        "group3": "6.3",
        "group4": "6.4",
        "equitized": "6.5",
    }

    group1: int | None = attrs.field(default=None, validator=_INT)
    group2: int | None = attrs.field(default=None, validator=_INT)
    group3: int | None = attrs.field(default=None, validator=_INT)
    group4: int | None = attrs.field(default=None, validator=_INT)
    equitized: int | None = attrs.field(default=None, validator=_INT)

    @property
    def by_group(self) -> dict[int, int]:
        """The filled-in groups: group number → units."""
        groups = {1: self.group1, 2: self.group2, 3: self.group3, 4: self.group4}
        return {group: count for group, count in groups.items() if count is not None}

    @property
    def total(self) -> int | None:
        """Units in the four groups together."""
        return _add(self.group1, self.group2, self.group3, self.group4)
