"""Tests for reporting periods: data cut-off, due date, label, containment, government levels."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import CchcError, GovernmentLevel, PeriodKind, ReportingPeriod

PROVINCE, DISTRICT, COMMUNE = (
    GovernmentLevel.PROVINCE,
    GovernmentLevel.DISTRICT,
    GovernmentLevel.COMMUNE,
)

periods = st.one_of(
    st.builds(ReportingPeriod.annual, st.integers(1946, 9998)),
    st.builds(ReportingPeriod.half_year, st.integers(1946, 9998)),
    st.builds(ReportingPeriod.nine_months, st.integers(1946, 9998)),
    st.builds(ReportingPeriod.quarter, st.integers(1946, 9998), st.integers(1, 4)),
)


class TestDataCutOff:
    @pytest.mark.parametrize(
        ("period", "start", "end"),
        [
            (ReportingPeriod.annual(2023), date(2022, 12, 15), date(2023, 12, 14)),
            (ReportingPeriod.half_year(2024), date(2023, 12, 15), date(2024, 6, 14)),
            (ReportingPeriod.nine_months(2023), date(2022, 12, 15), date(2023, 9, 14)),
            (ReportingPeriod.quarter(2023, 1), date(2022, 12, 15), date(2023, 3, 14)),
            (ReportingPeriod.quarter(2023, 2), date(2023, 3, 15), date(2023, 6, 14)),
            (ReportingPeriod.quarter(2023, 3), date(2023, 6, 15), date(2023, 9, 14)),
            (ReportingPeriod.quarter(2023, 4), date(2023, 9, 15), date(2023, 12, 14)),
        ],
    )
    def test_nghi_dinh_09_cut_off(self, period: ReportingPeriod, start: date, end: date) -> None:
        """Data runs from the 15th of the month before the period to the 14th of its last month."""
        assert (period.data_start, period.data_end) == (start, end)

    @given(st.integers(1946, 9998))
    def test_quarters_tile_the_year(self, year: int) -> None:
        """The four quarters follow each other without gap or overlap and span the year."""
        quarters = [ReportingPeriod.quarter(year, q) for q in (1, 2, 3, 4)]
        for before, after in itertools.pairwise(quarters):
            assert after.data_start == before.data_end + timedelta(days=1)
        annual = ReportingPeriod.annual(year)
        assert (quarters[0].data_start, quarters[-1].data_end) == (
            annual.data_start,
            annual.data_end,
        )

    @given(periods)
    def test_start_before_end(self, period: ReportingPeriod) -> None:
        """Every period starts before it ends, on the 15th, and ends on the 14th."""
        assert period.data_start < period.data_end
        assert (period.data_start.day, period.data_end.day) == (15, 14)


class TestDueDate:
    @pytest.mark.parametrize(
        ("period", "due"),
        [
            (ReportingPeriod.annual(2023), date(2023, 12, 20)),
            (ReportingPeriod.half_year(2024), date(2024, 6, 20)),
            (ReportingPeriod.nine_months(2023), date(2023, 9, 20)),
            (ReportingPeriod.quarter(2023, 1), date(2023, 3, 20)),
            (ReportingPeriod.quarter(2023, 2), date(2023, 6, 20)),
            (ReportingPeriod.quarter(2023, 3), date(2023, 9, 20)),
            (ReportingPeriod.quarter(2023, 4), date(2023, 12, 20)),
        ],
    )
    def test_twentieth_of_last_month(self, period: ReportingPeriod, due: date) -> None:
        """The report is due on the 20th of the period's last month."""
        assert period.due_date == due

    @given(periods)
    def test_after_data_end(self, period: ReportingPeriod) -> None:
        """The due date falls six days after the data cut-off."""
        assert period.due_date - period.data_end == timedelta(days=6)


class TestLabel:
    @pytest.mark.parametrize(
        ("period", "label"),
        [
            (ReportingPeriod.quarter(2023, 1), "quý I năm 2023"),
            (ReportingPeriod.quarter(2023, 2), "quý II năm 2023"),
            (ReportingPeriod.quarter(2023, 3), "quý III năm 2023"),
            (ReportingPeriod.quarter(2023, 4), "quý IV năm 2023"),
            (ReportingPeriod.half_year(2024), "6 tháng đầu năm 2024"),
            (ReportingPeriod.nine_months(2023), "9 tháng năm 2023"),
            (ReportingPeriod.annual(2023), "năm 2023"),
        ],
    )
    def test_vietnamese_label(self, period: ReportingPeriod, label: str) -> None:
        """Periods are named as reports name them."""
        assert period.label == label


class TestContains:
    @pytest.mark.parametrize(
        ("period", "day", "expected"),
        [
            (ReportingPeriod.annual(2023), date(2022, 12, 14), False),
            (ReportingPeriod.annual(2023), date(2022, 12, 15), True),
            (ReportingPeriod.annual(2023), date(2022, 12, 20), True),
            (ReportingPeriod.annual(2023), date(2023, 12, 14), True),
            (ReportingPeriod.annual(2023), date(2023, 12, 15), False),
            (ReportingPeriod.quarter(2023, 3), date(2023, 6, 14), False),
            (ReportingPeriod.quarter(2023, 3), date(2023, 6, 15), True),
            (ReportingPeriod.quarter(2023, 3), date(2023, 9, 14), True),
            (ReportingPeriod.quarter(2023, 3), date(2023, 9, 15), False),
            (ReportingPeriod.half_year(2024), date(2024, 6, 14), True),
            (ReportingPeriod.half_year(2024), date(2024, 6, 15), False),
        ],
    )
    def test_bounds_are_inclusive(self, period: ReportingPeriod, day: date, expected: bool) -> None:
        """data_start and data_end are both inside; the days around them are not."""
        assert period.contains(day) is expected

    @given(periods, st.dates())
    def test_agrees_with_bounds(self, period: ReportingPeriod, day: date) -> None:
        """contains(day) is exactly data_start <= day <= data_end."""
        assert period.contains(day) == (period.data_start <= day <= period.data_end)


class TestLevels:
    @pytest.mark.parametrize(
        ("period", "levels"),
        [
            (ReportingPeriod.annual(2023), (PROVINCE, DISTRICT, COMMUNE)),
            (ReportingPeriod.quarter(2025, 2), (PROVINCE, DISTRICT, COMMUNE)),
            (ReportingPeriod.quarter(2025, 3), (PROVINCE, DISTRICT, COMMUNE)),
            (ReportingPeriod.annual(2025), (PROVINCE, DISTRICT, COMMUNE)),
            (ReportingPeriod.quarter(2025, 4), (PROVINCE, COMMUNE)),
            (ReportingPeriod.annual(2026), (PROVINCE, COMMUNE)),
            (ReportingPeriod.quarter(2026, 1), (PROVINCE, COMMUNE)),
        ],
    )
    def test_district_level_until_1_july_2025(
        self, period: ReportingPeriod, levels: tuple[GovernmentLevel, ...]
    ) -> None:
        """Periods with data before 1/7/2025 have three levels; later ones tỉnh and xã."""
        assert period.levels == levels

    def test_level_names(self) -> None:
        """The levels carry their Vietnamese names."""
        assert [level.value for level in ReportingPeriod.annual(2023).levels] == [
            "tỉnh",
            "huyện",
            "xã",
        ]


class TestValidation:
    @pytest.mark.parametrize("quarter", [0, 5, -1])
    def test_invalid_quarter(self, quarter: int) -> None:
        """A quarter outside 1–4 is a CchcError naming it."""
        with pytest.raises(CchcError) as info:
            ReportingPeriod.quarter(2023, quarter)
        assert str(info.value) == f"quý phải từ 1 đến 4 (quarter must be 1 to 4): {quarter!r}"

    @pytest.mark.parametrize("year", [0, 1944, 9999, -2023])
    def test_invalid_year(self, year: int) -> None:
        """A year out of range is a CchcError naming it."""
        with pytest.raises(CchcError) as info:
            ReportingPeriod.annual(year)
        assert str(info.value) == f"năm không hợp lệ (year out of range): {year!r}"

    def test_quarter_number_only_for_quarters(self) -> None:
        """A non-quarterly period with a quarter number, or a quarter without one, is refused."""
        with pytest.raises(CchcError, match="quarterly periods only"):
            ReportingPeriod(PeriodKind.ANNUAL, 2023, 2)
        with pytest.raises(CchcError, match="quarterly periods only"):
            ReportingPeriod(PeriodKind.QUARTER, 2023)

    def test_frozen(self) -> None:
        """Periods are immutable and change with attrs.evolve."""
        period = ReportingPeriod.quarter(2023, 3)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            period.year = 2024  # type: ignore[misc]
        assert attrs.evolve(period, year=2024).label == "quý III năm 2024"

    def test_equal_and_hashable(self) -> None:
        """Equal periods compare and hash equal."""
        assert ReportingPeriod.quarter(2023, 3) == ReportingPeriod(PeriodKind.QUARTER, 2023, 3)
        assert len({ReportingPeriod.annual(2023), ReportingPeriod.annual(2023)}) == 1
