"""Typed views of the appendix."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    CaseProcessing,
    CchcError,
    FinancialAutonomy,
    GovernmentLevel,
    IndicatorValue,
    Staffing,
    StructureError,
    TthcCounts,
    catalogue_2023,
    read_appendix,
)
from tests.strategies import counts, percents

REFERENCE = read_appendix(Path(__file__).parent / "data" / "reference_report.txt")
VIEWS = (TthcCounts, CaseProcessing, Staffing, FinancialAutonomy)


def views(cls: type) -> st.SearchStrategy[object]:
    fields = {}
    for name in cls.CODES:
        kind = catalogue_2023()[cls.CODES[name]].kind.value
        fields[name] = st.none() | (percents if kind == "percent" else counts)
    return st.builds(cls, **fields)


class TestRoundTrip:
    @pytest.mark.parametrize("cls", VIEWS)
    def test_empty(self, cls: type) -> None:
        """An empty view has no rows and reads back empty."""
        view = cls()
        assert view.to_values() == ()
        assert cls.from_appendix(view.to_appendix()) == view

    @given(st.sampled_from(VIEWS).flatmap(views))
    def test_through_appendix(self, view: object) -> None:
        """Every view reads back equal from the appendix it makes."""
        assert type(view).from_appendix(view.to_appendix()) == view  # type: ignore[attr-defined]

    def test_codes_are_catalogue_codes(self) -> None:
        """Every field of every view is a row of the 2023 form."""
        for cls in VIEWS:
            assert set(cls.CODES.values()) <= set(catalogue_2023())


class TestFromReference:
    def test_tthc(self) -> None:
        """The reference report's TTHC counts."""
        t = TthcCounts.from_appendix(REFERENCE)
        assert (t.total, t.provincial, t.district, t.commune) == (138, 103, 19, 16)
        assert t.by_level_total == 138
        assert t.online_total == 103 == t.provincial_portal_online
        assert t.levels == {GovernmentLevel.PROVINCE: 103, GovernmentLevel.DISTRICT: 19,
                            GovernmentLevel.COMMUNE: 16}

    def test_staffing(self) -> None:
        """The reference report's staffing."""
        s = Staffing.from_appendix(REFERENCE)
        assert (s.civil_quota, s.civil_present, s.civil_vacancies) == (47, 44, 3)
        assert s.sncl_reduced_since_2015 == Decimal(10)

    def test_autonomy(self) -> None:
        """The reference report's SNCL by autonomy group."""
        f = FinancialAutonomy.from_appendix(REFERENCE)
        assert f.by_group == {1: 0, 2: 0, 3: 2, 4: 1}
        assert f.total == 3
        assert f.equitized == 0

    def test_case_processing(self) -> None:
        """The reference report's rates; counts are not in the form."""
        c = CaseProcessing.from_appendix(REFERENCE)
        assert c.on_time_rate_department == Decimal(100)
        assert c.on_time_rate_district is None
        assert c.received is None


class TestTyped:
    def test_two_levels(self) -> None:
        """A two-level report leaves the district blank."""
        t = TthcCounts(total=120, provincial=100, commune=20)
        assert GovernmentLevel.DISTRICT not in t.levels
        assert t.by_level_total == 120
        assert "3.1.3.b" not in t.to_appendix()

    def test_derived_rates(self) -> None:
        """Case processing rates derive from the counts."""
        c = CaseProcessing(received_direct=4964, received_online=530, resolved_early=430,
                           resolved_on_time=55, resolved_late=0)
        assert c.on_time_rate == Decimal(100)
        assert c.online_share is not None
        assert round(c.online_share, 2) == Decimal("9.65")
        assert CaseProcessing(resolved_late=0).on_time_rate is None

    def test_percent_converted(self) -> None:
        """Percentages given as int become Decimal."""
        assert Staffing(civil_reduced_since_2015=10).civil_reduced_since_2015 == Decimal(10)
        with pytest.raises(TypeError):
            Staffing(civil_reduced_since_2015=1.5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["nhiều", "10,5", "12"])
    def test_percent_text_refused(self, bad: str) -> None:
        """A string where a percentage belongs is refused with a one-line TypeError."""
        with pytest.raises(TypeError, match=r"Staffing\.civil_reduced_since_2015") as info:
            Staffing(civil_reduced_since_2015=bad)  # type: ignore[arg-type]
        assert "\n" not in str(info.value)
        assert "parse_percent" in str(info.value)

    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("1e99"), Decimal("Infinity")])
    def test_bad_percent(self, bad: Decimal) -> None:
        """A percentage that is not a finite decimal of sensible size is a CchcError."""
        with pytest.raises(CchcError, match="civil_reduced_since_2015"):
            Staffing(civil_reduced_since_2015=bad)

    def test_count_text_refused(self) -> None:
        """TthcCounts(total="1.607,5") says which field and what it got, on one line."""
        with pytest.raises(TypeError) as info:
            TthcCounts(total="1.607,5")  # type: ignore[arg-type]
        assert str(info.value).startswith(
            "TthcCounts.total phải là int hoặc None, nhận '1.607,5' (str)"
        )
        assert "Attribute(" not in str(info.value)

    def test_counts_checked(self) -> None:
        """A count must be an int."""
        with pytest.raises(TypeError):
            TthcCounts(total="138")  # type: ignore[arg-type]

    def test_wrong_value_in_appendix(self) -> None:
        """A value of the wrong kind names its row."""
        a = Appendix((IndicatorValue("3.1.3", "nhiều"),))
        with pytest.raises(StructureError) as info:
            TthcCounts.from_appendix(a)
        assert str(info.value) == (
            "$.appendix[\"3.1.3\"]: cần số nguyên (a whole number), gặp 'nhiều'"
        )
