"""Figures in findings' messages: written exactly as number_for_message writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model._base.numbers import MAX_NUMBER_DIGITS
from cchc_model._base.numbers import number_for_message as reference
from cchc_model._rules.messages import number_for_message

from .strategies import figure_decimals, figures

_DECIMALS = st.none() | st.integers(0, 6)


class TestNumberForMessage:
    @given(figures, st.booleans(), _DECIMALS)
    def test_agrees_with_the_base_function(
        self, value: int | Decimal | float, percent: bool, decimals: int | None
    ) -> None:
        """Every figure, plain or percent, with or without places, is written alike."""
        assert number_for_message(value, percent=percent, decimals=decimals) == reference(
            value, percent=percent, decimals=decimals
        )

    @given(figure_decimals(max_digits=45, max_places=12), st.booleans(), _DECIMALS)
    def test_long_decimals_fall_back(
        self, value: Decimal, percent: bool, decimals: int | None
    ) -> None:
        """Decimals past the digit limit are written as Decimal writes them, as before."""
        assert number_for_message(value, percent=percent, decimals=decimals) == reference(
            value, percent=percent, decimals=decimals
        )

    @pytest.mark.parametrize(
        "value",
        [
            0, -0, 14584, -1234, 10**MAX_NUMBER_DIGITS - 1, 10**MAX_NUMBER_DIGITS,
            -(10**MAX_NUMBER_DIGITS), Decimal("-0.000"), Decimal("0E-10"), Decimal("1E+40"),
            Decimal("0E+50"), Decimal("0E+39"), Decimal("1E+2"), Decimal("1607"),
            Decimal("99.995"), Decimal("-0.5"), Decimal("3585.230"),
        ],
    )
    @pytest.mark.parametrize("decimals", [None, 0, 2])
    @pytest.mark.parametrize("percent", [False, True])
    def test_edges(self, value: int | Decimal, decimals: int | None, percent: bool) -> None:
        """Zeros, signs, the digit limit and rounding half up agree at their edges."""
        assert number_for_message(value, percent=percent, decimals=decimals) == reference(
            value, percent=percent, decimals=decimals
        )

    def test_other_values_go_to_the_base_function(self) -> None:
        """A float, a bool and a bad number of places behave as number_for_message's do."""
        assert number_for_message(1234.5) == "1.234,5"
        with pytest.raises(TypeError):
            number_for_message(True)
        with pytest.raises(TypeError):
            number_for_message(Decimal(1), decimals=1.5)  # type: ignore[arg-type]
