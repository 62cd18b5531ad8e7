"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from cchc_model import MoneyScale

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
