"""Quantitative facts: validation of values, money scales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_model import CchcError, CountFact, MoneyFact, MoneyScale, PercentFact, RateFact


class TestCountFact:
    def test_non_negative(self):
        """A negative count is a wrong value: CchcError naming class and field."""
        with pytest.raises(CchcError, match=r"CountFact\.value"):
            CountFact(-1, "hồ sơ")

    @pytest.mark.parametrize("bad", [2.5, True, "5"])
    def test_whole(self, bad: object):
        """A count of another type is a TypeError naming class, field and what it got."""
        with pytest.raises(TypeError, match=r"CountFact\.value phải là int, nhận"):
            CountFact(bad, "hồ sơ")  # type: ignore[arg-type]


class TestDecimals:
    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("1e99")])
    def test_refused(self, bad: object):
        """Decimal fields refuse non-finite and absurd values."""
        with pytest.raises(CchcError, match=r"RateFact\.stated"):
            RateFact(Decimal(1), Decimal(2), bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [1.5, "33,37", True])
    def test_wrong_type(self, bad: object):
        """A float, a string or a bool where a Decimal belongs is a TypeError."""
        with pytest.raises(TypeError, match=r"RateFact\.stated phải là Decimal hoặc int"):
            RateFact(Decimal(1), Decimal(2), bad)  # type: ignore[arg-type]

    def test_int_becomes_decimal(self):
        """Whole numbers may be given as int: RateFact(1607, 4964, …) holds Decimals."""
        fact = RateFact(1607, 4964, Decimal("32.37"))  # type: ignore[arg-type]
        assert fact.numerator == Decimal(1607)
        assert type(fact.numerator) is Decimal

    def test_precision_kept(self):
        """Written places are kept."""
        assert str(PercentFact(Decimal("12.00")).value) == "12.00"


class TestMoney:
    @pytest.mark.parametrize(
        ("scale", "factor", "label"),
        [
            (MoneyScale.DONG, 1, "đồng"),
            (MoneyScale.THOUSAND, 1_000, "nghìn đồng"),
            (MoneyScale.MILLION, 1_000_000, "triệu đồng"),
            (MoneyScale.BILLION, 1_000_000_000, "tỷ đồng"),
        ],
    )
    def test_scales(self, scale: MoneyScale, factor: int, label: str):
        """Each scale knows its factor and its label."""
        assert (scale.factor, scale.label) == (factor, label)

    def test_vnd(self):
        """3.585,23 triệu đồng is 3.585.230.000 đồng."""
        assert MoneyFact(Decimal("3585.23"), MoneyScale.MILLION).vnd == Decimal(3_585_230_000)
