"""Reporting periods of CCHC reports, their data cut-off, due date and government levels.

The data of a period runs from 15 December of the previous year (Nghị định 09/2019/NĐ-CP,
Điều 12; Bộ Nội vụ guidance 581/BNV-CCHC): annual 15/12 – 14/12, 6 months 15/12 – 14/6,
9 months 15/12 – 14/9, quarters I 15/12 – 14/3, II 15/3 – 14/6, III 15/6 – 14/9,
IV 15/9 – 14/12.
"""

from __future__ import annotations

import enum
import re
from datetime import date

import attrs

from cchc_model._base.checks import of_type, wrong_type
from cchc_model._base.errors import CchcError
from cchc_model._base.text import normalize_text

__all__ = [
    "DISTRICT_ABOLISHED_ON",
    "GovernmentLevel",
    "PeriodKind",
    "ReportingPeriod",
    "period_in_text",
]

#: Nghị quyết 203/2025/QH15: district level abolished from this day on.
DISTRICT_ABOLISHED_ON = date(2025, 7, 1)


class GovernmentLevel(enum.Enum):
    """A level of local government (cấp chính quyền)."""

    PROVINCE = "tỉnh"
    DISTRICT = "huyện"
    COMMUNE = "xã"


class PeriodKind(enum.Enum):
    """The kind of a reporting period."""

    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    ANNUAL = "annual"


_ROMAN = ("I", "II", "III", "IV")
# Month in which the data of each kind ends (on the 14th); quarters end in 3, 6, 9, 12.
_END_MONTH = {PeriodKind.HALF_YEAR: 6, PeriodKind.NINE_MONTHS: 9, PeriodKind.ANNUAL: 12}


def _check_quarter(instance: ReportingPeriod, attribute: attrs.Attribute[int | None],
                   value: int | None) -> None:
    if (instance.kind is PeriodKind.QUARTER) != (value is not None):
        raise CchcError(
            "chỉ kỳ báo cáo quý mới có số quý "
            f"(quarter_number is for quarterly periods only): {value!r}"
        )
    if value is not None and not 1 <= value <= 4:
        raise CchcError(f"quý phải từ 1 đến 4 (quarter must be 1 to 4): {value!r}")


def _check_year(instance: ReportingPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1945 <= value <= 9998:
        raise CchcError(f"năm không hợp lệ (year out of range): {value!r}")


@attrs.frozen
class ReportingPeriod:
    """The period a report covers.

    >>> p = ReportingPeriod.quarter(2023, 3)
    >>> p.label
    'quý III năm 2023'
    >>> p.data_start, p.data_end
    (datetime.date(2023, 6, 15), datetime.date(2023, 9, 14))
    >>> ReportingPeriod.annual(2023).data_start
    datetime.date(2022, 12, 15)
    >>> ReportingPeriod.half_year(2024).label
    '6 tháng đầu năm 2024'
    """

    kind: PeriodKind = attrs.field(validator=of_type(PeriodKind))
    year: int = attrs.field(validator=[of_type(int), _check_year])
    quarter_number: int | None = attrs.field(
        default=None, validator=[of_type(int, optional=True), _check_quarter]
    )

    @classmethod
    def annual(cls, year: int) -> ReportingPeriod:
        """The whole year: data from 15/12 of the previous year to 14/12."""
        return cls(PeriodKind.ANNUAL, year)

    @classmethod
    def half_year(cls, year: int) -> ReportingPeriod:
        """The first six months: data from 15/12 of the previous year to 14/6."""
        return cls(PeriodKind.HALF_YEAR, year)

    @classmethod
    def nine_months(cls, year: int) -> ReportingPeriod:
        """The first nine months: data from 15/12 of the previous year to 14/9."""
        return cls(PeriodKind.NINE_MONTHS, year)

    @classmethod
    def quarter(cls, year: int, quarter: int | str) -> ReportingPeriod:
        """Quarter *quarter* (1–4, or ``"I"``–``"IV"`` as reports write it) of *year*.

        Its data run from the 15th of the month before the quarter.

        >>> ReportingPeriod.quarter(2025, "III") == ReportingPeriod.quarter(2025, 3)
        True
        >>> ReportingPeriod.quarter(2025, "V")
        Traceback (most recent call last):
        ...
        cchc_model.CchcError: quý phải từ 1 đến 4 hoặc I đến IV (quarter must be 1 to 4 or I to IV): 'V'
        """  # noqa: E501
        if isinstance(quarter, str):
            roman = quarter.strip().upper()
            if roman not in _ROMAN:
                raise CchcError(
                    "quý phải từ 1 đến 4 hoặc I đến IV "
                    f"(quarter must be 1 to 4 or I to IV): {quarter!r}"
                )
            quarter = _ROMAN.index(roman) + 1
        elif not isinstance(quarter, int) or isinstance(quarter, bool):
            raise wrong_type("ReportingPeriod.quarter()", "int hoặc 'I'–'IV'", quarter)
        return cls(PeriodKind.QUARTER, year, quarter)

    @property
    def _end_month(self) -> int:
        if self.kind is PeriodKind.QUARTER:
            assert self.quarter_number is not None  # noqa: S101 - guaranteed by the validator
            return 3 * self.quarter_number
        return _END_MONTH[self.kind]

    @property
    def data_start(self) -> date:
        """First day whose data the period counts (15th of the month before it starts)."""
        if self.kind is PeriodKind.QUARTER and self.quarter_number != 1:
            return date(self.year, self._end_month - 3, 15)
        return date(self.year - 1, 12, 15)

    @property
    def data_end(self) -> date:
        """Last day whose data the period counts (the 14th of its last month)."""
        return date(self.year, self._end_month, 14)

    @property
    def due_date(self) -> date:
        """The day the CCHC report is due: the 20th of the period's last month."""
        return date(self.year, self._end_month, 20)

    @property
    def label(self) -> str:
        """The period as reports name it: ``quý III năm 2023``, ``năm 2023``."""
        if self.kind is PeriodKind.QUARTER:
            assert self.quarter_number is not None  # noqa: S101 - guaranteed by the validator
            return f"quý {_ROMAN[self.quarter_number - 1]} năm {self.year}"
        if self.kind is PeriodKind.HALF_YEAR:
            return f"6 tháng đầu năm {self.year}"
        if self.kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng năm {self.year}"
        return f"năm {self.year}"

    def contains(self, day: date) -> bool:
        """Whether *day* falls within the period's data cut-off.

        >>> ReportingPeriod.annual(2023).contains(date(2022, 12, 20))
        True
        """
        return self.data_start <= day <= self.data_end

    @property
    def levels(self) -> tuple[GovernmentLevel, ...]:
        """Government levels that existed at some time in the period.

        District level is abolished from 1/7/2025 (Nghị quyết 203/2025/QH15), so a period
        whose data starts on or after that day has two levels.

        >>> [lv.value for lv in ReportingPeriod.quarter(2025, 4).levels]
        ['tỉnh', 'xã']
        >>> len(ReportingPeriod.annual(2023).levels)
        3
        """
        if self.data_start >= DISTRICT_ABOLISHED_ON:
            return (GovernmentLevel.PROVINCE, GovernmentLevel.COMMUNE)
        return (GovernmentLevel.PROVINCE, GovernmentLevel.DISTRICT, GovernmentLevel.COMMUNE)


# How titles name a period: "quý III năm 2023" (or "quý 3/2023" written "quý 3 2023"),
# "6 tháng đầu năm 2024", "sáu tháng năm 2024", "9 tháng năm 2023", "năm 2023". Spaces are
# bounded so that a search stays linear on any text.
_PERIOD_NAMES = re.compile(
    r"(?<!\w)(?:"
    r"(?P<quarter>quý\s{1,3}(?P<q>IV|III|II|I|[1-4])\s{1,3}(?:năm\s{1,3})?(?P<qy>[0-9]{4}))"
    r"|(?P<half>(?:06|6|sáu)\s{1,3}tháng(?:\s{1,3}đầu)?(?:\s{1,3}năm)?\s{1,3}(?P<hy>[0-9]{4}))"
    r"|(?P<nine>(?:09|9|chín)\s{1,3}tháng(?:\s{1,3}đầu)?(?:\s{1,3}năm)?\s{1,3}(?P<ny>[0-9]{4}))"
    r"|(?P<annual>năm\s{1,3}(?P<ay>[0-9]{4}))"
    r")(?![0-9])",
    re.IGNORECASE,
)


def period_in_text(*texts: str) -> ReportingPeriod | None:
    """The first reporting period the first of *texts* that names one names.

    Titles and subtitles name their period: ``"quý III năm 2025"``, ``"6 tháng đầu năm
    2024"``. The readers take a report's period from them, and a rule checks them against it.

    >>> period_in_text("Kết quả CCHC quý III năm 2025").label
    'quý III năm 2025'
    >>> period_in_text("Công tác CCHC năm 2023 và phương hướng năm 2024").label
    'năm 2023'
    >>> period_in_text("BÁO CÁO", "Báo cáo sáu tháng đầu năm 2024").label
    '6 tháng đầu năm 2024'
    >>> period_in_text("Báo cáo tháng") is None
    True
    """
    for text in texts:
        match = _PERIOD_NAMES.search(normalize_text(text))
        if match is None:
            continue
        try:
            if match.group("quarter"):
                q = match.group("q")
                return ReportingPeriod.quarter(int(match.group("qy")), int(q) if q.isdigit() else q)
            if match.group("half"):
                return ReportingPeriod.half_year(int(match.group("hy")))
            if match.group("nine"):
                return ReportingPeriod.nine_months(int(match.group("ny")))
            return ReportingPeriod.annual(int(match.group("ay")))
        except CchcError:
            return None  # a year out of range: not a period a report can mean
    return None
