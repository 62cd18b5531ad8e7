"""Tests for the units of the statistics appendix (the lazily built pint registry)."""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

import cchc_model
from cchc_model import (
    CchcError,
    NumberParseError,
    UnitError,
    is_unit_label,
    quantity,
    unit_for_label,
)
from cchc_model._base.units import unit_dimension

DATA = Path(__file__).parent / "data" / "reference_report.txt"

#: Every label of the reference appendix's "Đơn vị tính" column that names a unit
#: (the others are coded scales such as "Không = 0 Có = 1", or blank).
REFERENCE_LABELS = {
    "Nhiệm vụ": "task",
    "Văn bản": "document",
    "Thủ tục": "procedure",
    "TTHC": "procedure",
    "Người": "person",
    "Cơ quan, đơn vị": "agency",
    "Vấn đề": "issue",
    "Phiếu": "survey_form",
    "Số lượng": "item",
    "%": "percent",
}

MONEY_LABELS = {
    "đồng": "dong",
    "nghìn đồng": "thousand_dong",
    "triệu đồng": "million_dong",
    "tỷ đồng": "billion_dong",
}

COUNTED = ["Thủ tục", "Văn bản", "Nhiệm vụ", "Người", "Cơ quan, đơn vị", "Hồ sơ", "Phiếu", "Vấn đề"]


def _subprocess_env() -> dict[str, str]:
    source = str(Path(cchc_model.__file__).parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}


class TestUnitForLabel:
    @pytest.mark.parametrize(("label", "name"), list({**REFERENCE_LABELS, **MONEY_LABELS}.items()))
    def test_reference_labels(self, label: str, name: str) -> None:
        """Each label of the reference appendix names exactly one unit."""
        assert str(unit_for_label(label)) == name

    def test_every_label_of_the_reference_appendix(self) -> None:
        """The unit column of the reference appendix holds only known labels or coded scales."""
        labels = {
            cells[2]
            for line in DATA.read_text(encoding="utf-8").splitlines()
            if len(cells := line.split("\t")) >= 4 and cells[0][:1].isdigit()
        }
        units = {label for label in labels if label and "=" not in label}
        assert units == set(REFERENCE_LABELS)
        assert all(is_unit_label(label) for label in units)

    @pytest.mark.parametrize(
        "label",
        [
            "thủ tục",
            "THỦ TỤC",
            "  Thủ   tục ",
            unicodedata.normalize("NFD", "Thủ tục"),
            "tthc",
            "Thủ tục hành chính",
        ],
    )
    def test_case_spacing_and_normalisation(self, label: str) -> None:
        """Case, spacing and Unicode normalisation do not change the unit."""
        assert unit_for_label(label) == unit_for_label("Thủ tục")

    @pytest.mark.parametrize("label", ["Cơ quan,đơn vị", "cơ quan , đơn vị", "Cơ quan/đơn vị"])
    def test_agency_spellings(self, label: str) -> None:
        """The comma and slash spellings of "Cơ quan, đơn vị" are one unit."""
        assert str(unit_for_label(label)) == "agency"

    def test_eth_for_d_with_stroke(self) -> None:
        """Ð (eth) from legacy encodings reads as Đ."""
        assert str(unit_for_label("TỶ ÐỒNG")) == "billion_dong"

    def test_counted_things_are_distinct_dimensions(self) -> None:
        """No two counted things share a dimension."""
        dimensions = [unit_for_label(label).dimensionality for label in COUNTED]
        for first, second in itertools.combinations(dimensions, 2):
            assert first != second

    def test_money_shares_one_dimension(self) -> None:
        """All money scales are đồng."""
        dimensions = {unit_for_label(label).dimensionality for label in MONEY_LABELS}
        assert len(dimensions) == 1

    @pytest.mark.parametrize("label", ["Hộ gia đình", "", "Không = 0 Có = 1", "đô la", "người dân"])
    def test_unknown_label(self, label: str) -> None:
        """An unknown label raises UnitError naming it, rather than a guess."""
        with pytest.raises(UnitError) as info:
            unit_for_label(label)
        assert str(info.value) == f"đơn vị tính không rõ (unknown unit label): {label!r}"

    def test_not_text(self) -> None:
        """A label that is not text is a TypeError."""
        with pytest.raises(TypeError, match="takes a str, not NoneType"):
            unit_for_label(None)  # type: ignore[arg-type]


class TestIsUnitLabel:
    @pytest.mark.parametrize("label", [*REFERENCE_LABELS, *MONEY_LABELS, "Hồ sơ", " vấn  đề "])
    def test_known(self, label: str) -> None:
        """Known labels are recognised."""
        assert is_unit_label(label)

    @pytest.mark.parametrize("label", ["Có = 1", "", None, 5, "hộ"])
    def test_unknown(self, label: object) -> None:
        """Anything else is not, and nothing raises."""
        assert not is_unit_label(label)


class TestUnitDimension:
    @pytest.mark.parametrize("label", [*REFERENCE_LABELS, *MONEY_LABELS, *COUNTED, " thủ  TỤC "])
    def test_is_the_units_dimension(self, label: str) -> None:
        """A known label's dimension is that of the unit it names."""
        assert unit_dimension(label) == unit_for_label(label).dimensionality

    @pytest.mark.parametrize("label", ["Có = 1", "", "   ", "hộ"])
    def test_unknown(self, label: str) -> None:
        """A label that names no unit has no dimension, and nothing raises."""
        assert unit_dimension(label) is None

    def test_kinds(self) -> None:
        """Procedures and case files differ; every money scale is one kind."""
        assert unit_dimension("TTHC") != unit_dimension("hồ sơ")
        assert len({unit_dimension(label) for label in MONEY_LABELS}) == 1


class TestQuantity:
    def test_money_converts_exactly(self) -> None:
        """3.585,23 triệu đồng is exactly 3,58523 tỷ đồng."""
        millions = quantity("3.585,23", "triệu đồng")
        billions = quantity(Decimal("3.58523"), "tỷ đồng")
        assert millions == billions
        assert millions.to(unit_for_label("tỷ đồng")).magnitude == Decimal("3.58523")
        assert quantity(Decimal("1.5"), "nghìn đồng").to(unit_for_label("đồng")).magnitude == 1500

    def test_adds_like_counts(self) -> None:
        """Counts of one kind add up."""
        total = quantity(430, "hồ sơ") + quantity(55, "Hồ sơ")
        assert total == quantity(485, "hồ sơ")
        assert total.magnitude == 485

    @pytest.mark.parametrize(("first", "second"), list(itertools.permutations(COUNTED[:4], 2)))
    def test_refuses_to_add_different_things(self, first: str, second: str) -> None:
        """Adding, say, persons to procedures raises UnitError, caused by pint's error."""
        with pytest.raises(UnitError) as info:
            quantity(3, first) + quantity(4, second)
        assert type(info.value.__cause__).__name__ == "DimensionalityError"

    def test_error_message(self) -> None:
        """The message names both kinds, in Vietnamese and in pint's names."""
        with pytest.raises(UnitError) as info:
            quantity(3, "Người") - quantity(4, "TTHC")
        assert str(info.value) == (
            "không kết hợp được người với thủ tục (incompatible units: person and procedure)"
        )

    def test_refuses_to_compare_or_convert_across_kinds(self) -> None:
        """Ordering and conversion across kinds raise UnitError too."""
        persons = quantity(3, "Người")
        with pytest.raises(UnitError):
            _ = persons < quantity(4, "Thủ tục")
        with pytest.raises(UnitError):
            persons.to(unit_for_label("Văn bản"))
        with pytest.raises(UnitError):
            persons + 1
        with pytest.raises(UnitError, match="unknown unit"):
            persons.to("furlong")

    def test_in_place_addition(self) -> None:
        """+= keeps the check."""
        total = quantity(1, "Người")
        total += quantity(2, "Người")
        assert total == quantity(3, "Người")
        with pytest.raises(UnitError):
            total += quantity(2, "Phiếu")

    def test_percent_is_dimensionless(self) -> None:
        """50 % is one half."""
        assert quantity(50, "%").to("dimensionless").magnitude == Decimal("0.5")

    def test_generic_count_is_its_own_kind(self) -> None:
        """ "Số lượng" does not say what it counts, so it combines with nothing else."""
        with pytest.raises(UnitError):
            quantity(100, "Số lượng") + quantity(100, "Phiếu")

    @pytest.mark.parametrize(
        ("value", "magnitude"),
        [
            (5, 5),
            (Decimal("2.5"), Decimal("2.5")),
            (0.1, Decimal("0.1")),
            ("1.234,5", Decimal("1234.5")),
        ],
    )
    def test_values(self, value: int | Decimal | float | str, magnitude: int | Decimal) -> None:
        """ints stay ints; floats go through repr; text is read the Vietnamese way."""
        result = quantity(value, "Người").magnitude
        assert result == magnitude
        assert type(result) is type(magnitude)

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (True, TypeError),
            (None, TypeError),
            (float("nan"), CchcError),
            (float("inf"), CchcError),
            ("1,234.5", NumberParseError),
        ],
    )
    def test_bad_values(self, value: object, error: type[Exception]) -> None:
        """bool and non-numbers are TypeErrors; NaN, infinity and bad text CchcErrors."""
        with pytest.raises(error):
            quantity(value, "Người")  # type: ignore[arg-type]


class TestPickle:
    @pytest.mark.parametrize(
        "value",
        [
            quantity(Decimal("3585.23"), "triệu đồng"),
            quantity(485, "hồ sơ"),
            quantity(33, "%"),
            quantity(3, "Người") / quantity(2, "Thủ tục"),
            unit_for_label("Văn bản"),
        ],
        ids=["money", "count", "percent", "compound", "unit"],
    )
    def test_round_trip(self, value: object) -> None:
        """Quantities and units come back equal and still checked."""
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value
        assert type(copy) is type(value)

    def test_unpickled_quantity_keeps_the_check(self) -> None:
        """An unpickled quantity still refuses to add persons to procedures."""
        persons = pickle.loads(pickle.dumps(quantity(3, "Người")))
        with pytest.raises(UnitError):
            persons + quantity(1, "Thủ tục")

    def test_fresh_process(self) -> None:
        """A quantity pickled here unpickles in a process that has not built the registry."""
        data = pickle.dumps(quantity(Decimal("3585.23"), "triệu đồng"))
        code = (
            "import pickle, sys; q = pickle.loads(sys.stdin.buffer.read()); "
            "print(q.to('billion_dong').magnitude.normalize(), q.units)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            input=data,
            capture_output=True,
            check=True,
            env=_subprocess_env(),
        )
        assert result.stdout.decode().split() == ["3.58523", "million_dong"]

    def test_application_registry_untouched(self) -> None:
        """Pickling works without making our registry pint's application registry."""
        import pint

        quantity(1, "Người")
        assert "person" not in pint.get_application_registry()


class TestLazyImport:
    def test_import_does_not_import_pint(self) -> None:
        """import cchc_model leaves pint unimported; the first quantity imports it."""
        code = (
            "import sys, cchc_model; before = 'pint' in sys.modules; "
            "cchc_model.is_unit_label('Người'); still = 'pint' in sys.modules; "
            "cchc_model.quantity(1, 'Người'); print(before, still, 'pint' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, env=_subprocess_env()
        )
        assert result.stdout.decode().split() == ["False", "False", "True"]


class TestRobustness:
    @pytest.mark.parametrize(
        "junk",
        [
            "",
            " ",
            "€",
            "⑱",
            "١٢٣",
            "1" * 5000,
            unicodedata.normalize("NFD", "Hộ gia đình"),
            "1.2.3",
            "1,2,3",
            "--1",
            "\x00",
            "[person]",
            "person",
            "dong",
        ],
    )
    def test_junk_label(self, junk: str) -> None:
        """Junk labels raise UnitError (pint's own names are not labels)."""
        with pytest.raises(UnitError):
            unit_for_label(junk)

    @pytest.mark.parametrize(
        "junk", ["", " ", "€", "⑱", "١٢٣", "1" * 5000, "1.2.3", "1,2,3", "--1"]
    )
    def test_junk_value(self, junk: str) -> None:
        """Junk values raise a CchcError."""
        with pytest.raises(CchcError):
            quantity(junk, "Người")
