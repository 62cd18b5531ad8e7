"""Tests for Vietnamese document dates: format_date, format_date_line, parse_date."""

from __future__ import annotations

import contextlib
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    CchcError,
    DateParseError,
    DocumentDate,
    format_date,
    format_date_line,
    parse_date,
)


class TestFormatDate:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (date(2023, 8, 2), "02/8/2023"),
            (date(2023, 2, 5), "05/02/2023"),
            (date(2023, 1, 3), "03/01/2023"),
            (date(2023, 12, 14), "14/12/2023"),
            (date(2022, 12, 2), "02/12/2022"),
            (date(2023, 4, 21), "21/4/2023"),
            (date(2023, 10, 10), "10/10/2023"),
        ],
    )
    def test_nd30_leading_zeros(self, day: date, expected: str) -> None:
        """Day below 10 and months 1 and 2 take a leading zero, nothing else does."""
        assert format_date(day) == expected

    def test_datetime_is_a_date(self) -> None:
        """A datetime prints as its date."""
        assert format_date(datetime(2023, 8, 2, 15, 30)) == "02/8/2023"

    @pytest.mark.parametrize("junk", [None, "02/8/2023", 20230802])
    def test_non_date(self, junk: object) -> None:
        """Anything but a date is a TypeError."""
        with pytest.raises(TypeError):
            format_date(junk)  # type: ignore[arg-type]


class TestFormatDateLine:
    @pytest.mark.parametrize(
        ("place", "day", "expected"),
        [
            ("Tiền Giang", date(2023, 7, 5), "Tiền Giang, ngày 05 tháng 7 năm 2023"),
            ("Hà Nội", date(2023, 2, 1), "Hà Nội, ngày 01 tháng 02 năm 2023"),
            ("Ninh Thuận", date(2023, 12, 14), "Ninh Thuận, ngày 14 tháng 12 năm 2023"),
            ("Ninh Thuận", DocumentDate(2023, 12, 14), "Ninh Thuận, ngày 14 tháng 12 năm 2023"),
        ],
    )
    def test_date_line(self, place: str, day: date | DocumentDate, expected: str) -> None:
        """The date line of Nghị định 30, Phụ lục I."""
        assert format_date_line(place, day) == expected

    def test_draft_blank_day(self) -> None:
        """A draft's blank day is four spaces between ngày and tháng."""
        line = format_date_line("Ninh Thuận", DocumentDate(2023, 11))
        assert line == "Ninh Thuận, ngày    tháng 11 năm 2023"

    def test_draft_blank_day_and_month(self) -> None:
        """Day and month may both be blank."""
        line = format_date_line("Ninh Thuận", DocumentDate(2023))
        assert line == "Ninh Thuận, ngày    tháng    năm 2023"

    def test_wrong_types(self) -> None:
        """Place must be a string and the date a date or a DocumentDate."""
        with pytest.raises(TypeError):
            format_date_line(None, date(2023, 1, 1))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            format_date_line("Hà Nội", "01/01/2023")  # type: ignore[arg-type]


class TestParseDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("02/8/2023", date(2023, 8, 2)),
            ("2/8/2023", date(2023, 8, 2)),
            ("02/08/2023", date(2023, 8, 2)),
            ("21/04/2023", date(2023, 4, 21)),
            ("ngày 05 tháng 7 năm 2023", date(2023, 7, 5)),
            ("ngày 24 tháng 6 năm 2022", date(2022, 6, 24)),
            ("05 tháng 7 năm 2023", date(2023, 7, 5)),
            ("ngày 02/8/2023", date(2023, 8, 2)),
            ("Ngày 01 tháng 02 năm 2023", date(2023, 2, 1)),
            ("  14/12/2023 ", date(2023, 12, 14)),
            ("ngày\u00a005 tháng  7 năm 2023", date(2023, 7, 5)),
        ],
    )
    def test_accepts(self, text: str, expected: date) -> None:
        """Both written forms, with or without leading zeros and the word ngày."""
        assert parse_date(text) == expected

    def test_nfd(self) -> None:
        """Decomposed text reads the same."""
        assert parse_date(unicodedata.normalize("NFD", "ngày 05 tháng 7 năm 2023")) == date(
            2023, 7, 5
        )

    @pytest.mark.parametrize("text", ["31/02/2023", "29/02/2023", "00/1/2023", "1/13/2023"])
    def test_impossible_dates(self, text: str) -> None:
        """Impossible dates raise DateParseError quoting the text."""
        with pytest.raises(DateParseError) as info:
            parse_date(text)
        assert str(info.value) == f"ngày không tồn tại (no such date): {text!r}"

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "€",
            "⑱",
            "12/12",
            "2023-08-02",
            "02/8/23",
            "02/8/2023/1",
            "tháng 11 năm 2023",
            "ngày    tháng 11 năm 2023",
            "/" * 5000,
            "9" * 5000,
            "١٢/٠٨/٢٠٢٣",
            "０２/８/２０２３",
            "02/8/2023 x",
        ],
    )
    def test_junk(self, text: str) -> None:
        """Anything else raises DateParseError, a CchcError."""
        with pytest.raises(DateParseError):
            parse_date(text)

    def test_message_quotes_text(self) -> None:
        """The error quotes the text."""
        with pytest.raises(DateParseError, match="'hôm qua'"):
            parse_date("hôm qua")

    def test_non_string(self) -> None:
        """A non-string is a TypeError."""
        with pytest.raises(TypeError):
            parse_date(None)  # type: ignore[arg-type]

    def test_ten_megabytes(self) -> None:
        """Huge input is refused at once."""
        with pytest.raises(DateParseError, match="too long"):
            parse_date("1" * 10_000_000)

    @given(st.dates(min_value=date(1000, 1, 1)))
    def test_round_trip(self, day: date) -> None:
        """format_date then parse_date gives the date back."""
        assert parse_date(format_date(day)) == day

    @given(st.dates(min_value=date(1000, 1, 1)))
    def test_round_trip_date_line(self, day: date) -> None:
        """The date part of a date line parses back to the date."""
        line = format_date_line("Hà Nội", day)
        assert parse_date(line.partition(", ")[2]) == day

    @given(st.text(max_size=80))
    def test_any_text(self, text: str) -> None:
        """Any text either parses or raises a CchcError."""
        with contextlib.suppress(CchcError):
            parse_date(text)
