"""Tests for Vietnamese numbers, percentages and money: formatting and strict parsing."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    MAX_NUMBER_DIGITS,
    CchcError,
    MoneyScale,
    NumberFormatError,
    NumberParseError,
    UnitError,
    format_money,
    format_number,
    format_percent,
    is_number,
    parse_money,
    parse_number,
    parse_percent,
)
from tests import strategies

JUNK = [
    "",
    " ",
    "€",
    "⑱",
    "١٢٣",
    "１２３",
    "1" * 5000,
    "1.2.3",
    "1,2,3",
    "--1",
    "1,",
    ",5",
    "1.23",
    "1 234",
    "1e5",
    "NaN",
    "Infinity",
    "%",
    "đồng",
    "triệu đồng",
    "1.234,5 % %",
    "\x00",
    unicodedata.normalize("NFD", "một triệu đồng"),
    unicodedata.normalize("NFD", "3,7 tỷ"),
    "3,7 tỷ đô",
]


class TestParseNumber:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("3.585,23", Decimal("3585.23")),
            ("14.584", Decimal("14584")),
            ("0,5", Decimal("0.5")),
            ("1.234.567", Decimal("1234567")),
            ("4964", Decimal("4964")),
            ("-1.234,5", Decimal("-1234.5")),
            ("02", Decimal("2")),
            (" 138 ", Decimal("138")),
            ("−5", Decimal("-5")),
        ],
    )
    def test_reads_vietnamese_notation(self, text: str, expected: Decimal) -> None:
        """Dots group thousands, the comma marks decimals."""
        assert parse_number(text) == expected

    @pytest.mark.parametrize("text", ["1234567.89", "1,234,567.89", "1.23", "12.3456"])
    def test_refuses_english_notation(self, text: str) -> None:
        """English-style numbers are errors, not silently different numbers."""
        with pytest.raises(NumberParseError) as info:
            parse_number(text)
        assert str(info.value) == f"số không hợp lệ (invalid number): {text!r}"
        assert info.value.text == text

    def test_refuses_too_many_digits(self) -> None:
        """More than MAX_NUMBER_DIGITS digits are refused, with a shortened quote."""
        with pytest.raises(NumberParseError, match="tối đa 40 chữ số"):
            parse_number("9" * (MAX_NUMBER_DIGITS + 1))

    def test_refuses_non_str(self) -> None:
        """A number that is not text is a TypeError."""
        with pytest.raises(TypeError, match="takes a str, not int"):
            parse_number(5)  # type: ignore[arg-type]


class TestIsNumber:
    @pytest.mark.parametrize("text", ["4.964", "0,5", "-1", "02"])
    def test_true_for_numbers(self, text: str) -> None:
        """What parse_number reads is a number."""
        assert is_number(text)

    @pytest.mark.parametrize("value", ["4,964.5", "Huyện thực hiện", "", None, 5, "١٢٣"])
    def test_false_for_everything_else(self, value: object) -> None:
        """Anything else, text or not, is not, and nothing raises."""
        assert not is_number(value)


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (14584, "14.584"),
            (Decimal("3585.23"), "3.585,23"),
            (Decimal("3585.230"), "3.585,23"),
            (-1234.5, "-1.234,5"),
            (0, "0"),
            (Decimal("1E+3"), "1.000"),
            (1234567, "1.234.567"),
            (0.1, "0,1"),
            (1e20, "100.000.000.000.000.000.000"),
            (1e-7, "0,0000001"),
            (Decimal("-0"), "0"),
            (-0.0, "0"),
        ],
    )
    def test_writes_what_the_value_holds(self, value: int | Decimal | float, expected: str) -> None:
        """decimals=None writes the value's places without trailing zeros."""
        assert format_number(value) == expected

    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (12, 2, "12,00"),
            (Decimal("3585.2"), 2, "3.585,20"),
            (Decimal("1234.5678"), 0, "1.235"),
            (Decimal("0.001"), 2, "0,00"),
            (Decimal("-0.001"), 2, "0,00"),
        ],
    )
    def test_fixed_places(self, value: int | Decimal, decimals: int, expected: str) -> None:
        """decimals=n writes exactly n places."""
        assert format_number(value, decimals=decimals) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Decimal("25.635"), "25,64"),
            (Decimal("25.625"), "25,63"),
            (Decimal("-25.625"), "-25,63"),
            (25.635, "25,64"),
            (Decimal("0.125"), "0,13"),
            (Decimal("999.995"), "1.000,00"),
        ],
    )
    def test_rounds_half_up(self, value: Decimal | float, expected: str) -> None:
        """Ties round away from zero, not to even as babel does."""
        assert format_number(value, decimals=2) == expected

    def test_other_locale(self) -> None:
        """The locale is a parameter; English swaps the marks."""
        assert format_number(Decimal("1234.5"), locale="en") == "1,234.5"

    def test_ignores_environment_locale(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """LANG and LC_* never change the output."""
        for name in ("LANG", "LC_ALL", "LC_NUMERIC"):
            monkeypatch.setenv(name, "en_US.UTF-8")
        assert format_number(Decimal("3585.23")) == "3.585,23"

    @pytest.mark.parametrize("value", [True, False, "1", None, [1], 1j])
    def test_refuses_non_numbers(self, value: object) -> None:
        """bool, text and other non-numbers are a TypeError."""
        with pytest.raises(TypeError, match=r"takes an int, Decimal or float"):
            format_number(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "value", [float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("-Infinity")]
    )
    def test_refuses_non_finite(self, value: float | Decimal) -> None:
        """NaN and infinities raise NumberFormatError, a CchcError."""
        with pytest.raises(NumberFormatError, match=r"not a finite number"):
            format_number(value)

    def test_nan_message(self) -> None:
        """The message shows the value."""
        with pytest.raises(NumberFormatError) as info:
            format_number(float("nan"))
        assert str(info.value) == "không phải là số hữu hạn (not a finite number): nan"

    @pytest.mark.parametrize("value", [10**MAX_NUMBER_DIGITS, Decimal("1E+50"), Decimal("1E-50")])
    def test_refuses_what_cannot_be_read_back(self, value: int | Decimal) -> None:
        """More digits than parse_number reads are refused."""
        with pytest.raises(NumberFormatError, match="number too long"):
            format_number(value)

    def test_many_places_refused(self) -> None:
        """decimals that would exceed the digit limit are refused."""
        with pytest.raises(NumberFormatError):
            format_number(1, decimals=MAX_NUMBER_DIGITS)

    @pytest.mark.parametrize(("decimals", "error"), [(-1, CchcError), (1.5, TypeError)])
    def test_bad_decimals(self, decimals: object, error: type[Exception]) -> None:
        """decimals is a non-negative int or None."""
        with pytest.raises(error, match="decimals"):
            format_number(1, decimals=decimals)  # type: ignore[arg-type]


class TestFormatPercent:
    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (33.37, None, "33,37%"),
            (Decimal("33.37"), None, "33,37%"),
            (100, None, "100%"),
            (100, 1, "100,0%"),
            (Decimal("32.3731"), 2, "32,37%"),
            (Decimal("32.375"), 2, "32,38%"),
            (-5.5, None, "-5,5%"),
            (Decimal("1234.5"), None, "1.234,5%"),
        ],
    )
    def test_percent_points(
        self, value: float | Decimal, decimals: int | None, expected: str
    ) -> None:
        """The value is in percent points and the sign follows without a space."""
        assert format_percent(value, decimals=decimals) == expected

    def test_other_locale_spacing(self) -> None:
        """Spacing and marks come from the locale's percent pattern."""
        assert format_percent(Decimal("12.5"), locale="de") == "12,5\xa0%"

    def test_refuses_nan(self) -> None:
        """NaN is refused as in format_number."""
        with pytest.raises(NumberFormatError):
            format_percent(float("nan"))


class TestVietnameseWithoutBabel:
    """The ``vi`` figures are written without babel; they must be what babel writes."""

    @given(strategies.figures, st.sampled_from((None, 0, 1, 2, 3, 6)))
    def test_number_as_babel_writes_it(self, value: object, decimals: int | None) -> None:
        """format_number in "vi" equals babel's rendering through the parsed vi locale."""
        assert _written(format_number, value, decimals, "vi") == _written(
            format_number, value, decimals, Locale.parse("vi")
        )

    @given(strategies.figures, st.sampled_from((None, 0, 1, 2, 3, 6)))
    def test_percent_as_babel_writes_it(self, value: object, decimals: int | None) -> None:
        """format_percent in "vi" equals babel's rendering through the parsed vi locale."""
        assert _written(format_percent, value, decimals, "vi") == _written(
            format_percent, value, decimals, Locale.parse("vi")
        )

    @pytest.mark.parametrize(
        "value", [Decimal("1E+3"), Decimal("-0.000"), Decimal("-1E+5"), Decimal("99.995"), 0]
    )
    def test_exponents_and_zeros(self, value: Decimal) -> None:
        """Numbers held with an exponent, and negative zeros, are written alike too."""
        for decimals in (None, 2):
            assert format_number(value, decimals=decimals) == format_number(
                value, decimals=decimals, locale=Locale.parse("vi")
            )


def _written(function: Any, value: object, decimals: int | None, locale: object) -> str:
    try:
        return str(function(value, decimals=decimals, locale=locale))
    except CchcError as error:
        return type(error).__name__


class TestFormatMoney:
    @pytest.mark.parametrize(
        ("amount", "scale", "decimals", "expected"),
        [
            (3_585_230_000, "triệu", None, "3.585,23 triệu đồng"),
            (3_700_000_000, "tỷ", None, "3,7 tỷ đồng"),
            (1_500_000, "đồng", None, "1.500.000 đồng"),
            (2_500, "nghìn", None, "2,5 nghìn đồng"),
            (3_585_230_000, MoneyScale.BILLION, 1, "3,6 tỷ đồng"),
            (3_585_235_000, "triệu", 2, "3.585,24 triệu đồng"),
            (Decimal("1.5"), "tỷ", None, "0,0000000015 tỷ đồng"),
            (-2_500_000, MoneyScale.MILLION, None, "-2,5 triệu đồng"),
        ],
    )
    def test_scales(
        self, amount: int | Decimal, scale: str | MoneyScale, decimals: int | None, expected: str
    ) -> None:
        """The amount is in đồng; the scale chooses how it is written."""
        assert format_money(amount, scale=scale, decimals=decimals) == expected

    def test_default_scale_is_dong(self) -> None:
        """Without a scale the amount is written in đồng."""
        assert format_money(1_500_000) == "1.500.000 đồng"

    def test_unknown_scale(self) -> None:
        """An unknown scale raises UnitError naming it."""
        with pytest.raises(UnitError) as info:
            format_money(1, scale="usd")
        assert str(info.value) == (
            "đơn vị tiền phải là đồng, nghìn, triệu hoặc tỷ "
            "(scale must be 'đồng', 'nghìn', 'triệu' or 'tỷ'): 'usd'"
        )


class TestParsePercent:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("33,37%", Decimal("33.37")),
            ("33,37 %", Decimal("33.37")),
            ("33,37\xa0%", Decimal("33.37")),
            ("100%", Decimal("100")),
            ("-0,5%", Decimal("-0.5")),
        ],
    )
    def test_reads_percent_points(self, text: str, expected: Decimal) -> None:
        """The value comes back in percent points."""
        assert parse_percent(text) == expected

    @pytest.mark.parametrize("text", ["33,37", "33.37%", "%", "33,37%%", "% 33,37"])
    def test_refuses(self, text: str) -> None:
        """Without the sign, or with an English number, it is an error quoting the text."""
        with pytest.raises(NumberParseError, match=re.escape(repr(text))):
            parse_percent(text)


class TestParseMoney:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("3.585,23 triệu đồng", Decimal("3585230000")),
            ("3,7 tỷ đồng", Decimal("3700000000")),
            ("3,7 tỉ đồng", Decimal("3700000000")),
            ("1.500.000 đồng", Decimal("1500000")),
            ("1.500.000 VNĐ", Decimal("1500000")),
            ("2,5 nghìn đồng", Decimal("2500")),
            ("2,5 ngàn đồng", Decimal("2500")),
            ("0,5 đồng", Decimal("0.5")),
            ("3,7  TỶ  ĐỒNG", Decimal("3700000000")),
            (unicodedata.normalize("NFD", "3,7 tỷ đồng"), Decimal("3700000000")),
        ],
    )
    def test_reads_dong(self, text: str, expected: Decimal) -> None:
        """The amount comes back in đồng, whatever scale it was written in."""
        result = parse_money(text)
        assert result == expected
        assert str(result) == str(expected)

    @pytest.mark.parametrize("text", ["3,7 tỷ", "1.500.000", "3,7 đô", "đồng", "3.7 tỷ đồng"])
    def test_refuses(self, text: str) -> None:
        """A number without a known money unit, or an English number, is an error."""
        with pytest.raises(NumberParseError, match=re.escape(repr(text))):
            parse_money(text)


class TestRoundTrip:
    @given(strategies.figures)
    def test_number(self, value: int | Decimal | float) -> None:
        """parse_number reads back exactly what format_number wrote."""
        expected = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        assert parse_number(format_number(value)) == expected

    @given(strategies.figure_decimals(), st.integers(0, 8))
    def test_number_fixed_places(self, value: Decimal, decimals: int) -> None:
        """With fixed places, what is read back is the value rounded half up."""
        expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = format_number(value, decimals=decimals)
        assert parse_number(text) == expected
        assert len(text.partition(",")[2]) == decimals

    @given(strategies.figures)
    def test_percent(self, value: int | Decimal | float) -> None:
        """parse_percent reads back exactly what format_percent wrote."""
        expected = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        assert parse_percent(format_percent(value)) == expected

    @given(strategies.figure_decimals(), strategies.money_scales)
    def test_money(self, amount: Decimal, scale: MoneyScale | str) -> None:
        """parse_money reads back exactly what format_money wrote, in any scale."""
        assert parse_money(format_money(amount, scale=scale)) == amount

    @given(strategies.figures)
    def test_vietnamese_shape(self, value: int | Decimal | float) -> None:
        """The output has dot-grouped thousands and at most one decimal comma."""
        assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", format_number(value))


class TestRobustness:
    @pytest.mark.parametrize("parser", [parse_number, parse_percent, parse_money])
    @pytest.mark.parametrize("junk", JUNK)
    def test_junk_text(self, parser: object, junk: str) -> None:
        """Junk text raises a CchcError and nothing else."""
        with pytest.raises(CchcError):
            parser(junk)  # type: ignore[operator]

    @pytest.mark.parametrize("parser", [parse_number, parse_percent, parse_money])
    @pytest.mark.parametrize("junk", [None, 5, b"5", 1.5])
    def test_non_text(self, parser: object, junk: object) -> None:
        """A value that is not text is a TypeError."""
        with pytest.raises(TypeError):
            parser(junk)  # type: ignore[operator]

    @pytest.mark.parametrize("parser", [parse_number, parse_percent, parse_money])
    @given(text=st.text(max_size=60))
    def test_any_text(self, parser: object, text: str) -> None:
        """Arbitrary text either parses or raises a CchcError."""
        with contextlib.suppress(CchcError):
            parser(text)  # type: ignore[operator]

    def test_junk_message_is_short(self) -> None:
        """A huge input is quoted shortened, so the message stays small."""
        with pytest.raises(NumberParseError) as info:
            parse_number("x" * 100_000)
        assert len(str(info.value)) < 200
