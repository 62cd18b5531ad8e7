"""Quantitative facts: validation of values, money scales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_model import CchcError, CountFact, MoneyFact, MoneyScale, PercentFact, RateFact


class TestCountFact:
    @pytest.mark.parametrize("bad", [-1, 2.5, True, "5"])
    def test_whole_non_negative(self, bad: object):
        """Counts are whole, non-negative integers."""
        with pytest.raises(CchcError, match="value"):
            CountFact(bad, "hồ sơ")  # type: ignore[arg-type]


class TestDecimals:
    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("1e99"), 1.5])
    def test_refused(self, bad: object):
        """Decimal fields refuse non-finite, absurd and non-Decimal values."""
        with pytest.raises(CchcError, match="stated"):
            RateFact(Decimal(1), Decimal(2), bad)  # type: ignore[arg-type]

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
