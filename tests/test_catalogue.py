"""The indicator catalogue of the 2023 form."""

from __future__ import annotations

import importlib.util
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    Aggregation,
    CchcError,
    CodedScale,
    Ratio,
    ValueKind,
    catalogue,
    catalogue_2023,
)
from cchc_model._model.appendix import Catalogue
from cchc_model._model.indicators import IndicatorDef
from cchc_model._values.kinds import format_value, label_key
from tests.strategies import typed_values

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = catalogue_2023()


class TestCatalogue2023:
    def test_size_and_order(self) -> None:
        """All 121 rows of the form, groups 1–7 in order."""
        assert len(CATALOGUE) == 121
        assert list(CATALOGUE)[:3] == ["1", "1.1", "1.1.1"]
        assert list(CATALOGUE)[-1] == "7.8.4"

    def test_parents_exist(self) -> None:
        """Every parent code is itself in the catalogue."""
        for d in CATALOGUE.values():
            assert d.parent is None or d.parent in CATALOGUE

    def test_subrow_scheme(self) -> None:
        """"Trong đó" rows are ``<parent>.a``, ``.b``, … with the form's STT."""
        subrows = [d.code for d in CATALOGUE.values() if d.is_subrow]
        assert subrows == [
            "3.1.3.a", "3.1.3.b", "3.1.3.c", "4.1.4.a", "4.1.4.b", "4.1.4.c", "4.1.4.d",
            "7.6.1.a", "7.6.1.b", "7.6.1.c", "7.6.2.a", "7.6.2.b",
        ]
        assert CATALOGUE["3.1.3.a"].stt == "Trong đó"
        assert CATALOGUE["3.1.3.b"].stt == ""
        assert CATALOGUE["3.1.3"].parts == ("3.1.3.a", "3.1.3.b", "3.1.3.c")

    def test_labels_unique(self) -> None:
        """No two rows share a label, so a label finds one row."""
        keys = [label_key(d.label) for d in CATALOGUE.values()]
        assert len(keys) == len(set(keys))

    def test_kinds_and_units(self) -> None:
        """Units are Vietnamese labels; coded rows carry their scale."""
        assert CATALOGUE["4.2.1"].unit == "Người"
        assert CATALOGUE["4.1.1"].unit == "Cơ quan, đơn vị"
        assert CATALOGUE["3.3.3"].kind is ValueKind.PERCENT
        assert CATALOGUE["3.3.3"].unit == "%"
        assert CATALOGUE["2.1"].kind is ValueKind.RATIO
        assert str(CATALOGUE["7.3"].scale) == "Chưa = 0 Đang làm = 1 Hoàn thành = 2"
        assert CATALOGUE["1.4.2"].form_unit == "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2"
        for d in CATALOGUE.values():
            assert (d.scale is not None) == (d.kind is ValueKind.CODED)
            assert d.label_en

    def test_aggregation(self) -> None:
        """Counts add up, ratios add term-wise, the rest does not combine."""
        assert CATALOGUE["3.1.3"].aggregation is Aggregation.SUM
        assert CATALOGUE["2.1"].aggregation is Aggregation.RATIO
        assert CATALOGUE["1.5"].aggregation is Aggregation.NONE
        assert CATALOGUE["2.1"].aggregate([Ratio(1, 2), None, Ratio(3, 4)]) == Ratio(4, 6)
        assert CATALOGUE["3.1.3"].aggregate([None]) is None
        with pytest.raises(CchcError, match="not aggregable"):
            CATALOGUE["1.5"].aggregate([1, 0])
        with pytest.raises(CchcError, match="cannot add up"):
            CATALOGUE["3.1.3"].aggregate([1, "x"])

    def test_lookup(self) -> None:
        """Labels match ignoring case, markup and end marks; children in form order."""
        assert [d.code for d in CATALOGUE.match_label("<b>SỐ TTHC CẤP XÃ</b>")] == ["3.1.3.c"]
        assert CATALOGUE.match_label("nothing") == ()
        assert CATALOGUE.children("6") == ("6.1", "6.2", "6.3", "6.4", "6.5")

    def test_lazy_once(self) -> None:
        """The catalogue is built once, also from many threads."""
        seen: list[Catalogue] = []
        threads = [threading.Thread(target=lambda: seen.append(catalogue_2023()))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(c is CATALOGUE for c in seen)

    def test_versions(self) -> None:
        """Catalogues are looked up by form name."""
        assert catalogue("2023") is CATALOGUE
        with pytest.raises(CchcError, match="unknown form"):
            catalogue("2030")

    def test_duplicate_codes_refused(self) -> None:
        """A catalogue with a code twice is a bug caught when it is built."""
        d = IndicatorDef("1", "a", "a", ValueKind.HEADING)
        with pytest.raises(CchcError, match="duplicate"):
            Catalogue("x", (d, d))


class TestCodedScale:
    def test_parse(self) -> None:
        """A scale reads in the order written, whatever the codes."""
        scale = CodedScale.parse("Đã thực hiện = 1 Chưa thực hiện = 0")
        assert scale.codes == (1, 0)
        assert 0 in scale
        assert 2 not in scale
        assert scale.label(0) == "Chưa thực hiện"

    def test_invalid(self) -> None:
        """Text that is no scale is refused."""
        with pytest.raises(CchcError, match="invalid coded scale"):
            CodedScale.parse("Không hoặc Có")

    def test_unknown_code(self) -> None:
        """Asking the label of a code not on the scale is a KeyError."""
        with pytest.raises(KeyError):
            CodedScale.parse("Không = 0 Có = 1").label(3)


class TestValues:
    @given(st.sampled_from(list(CATALOGUE.values())).flatmap(
        lambda d: st.tuples(st.just(d), typed_values(d))))
    def test_format_parse(self, pair: tuple[IndicatorDef, object]) -> None:
        """Every fitting value is written so that it reads back equal."""
        definition, value = pair
        written = definition.format(value)  # type: ignore[arg-type]
        assert definition.parse(written) == value
        assert definition.fits(value)  # type: ignore[arg-type]

    def test_format(self) -> None:
        """Vietnamese notation: ``.`` thousands, ``,`` decimals."""
        assert format_value(1234567, ValueKind.COUNT) == "1.234.567"
        assert format_value(Decimal("3585.23"), ValueKind.COUNT) == "3.585,23"
        assert format_value(Decimal("1E+3"), ValueKind.PERCENT) == "1.000%"
        with pytest.raises(TypeError):
            format_value(True, ValueKind.COUNT)

    def test_fits(self) -> None:
        """What fits a row: whole counts, percentages in range, codes on the scale."""
        assert not CATALOGUE["3.1.3"].fits(-1)
        assert not CATALOGUE["3.1.3"].fits("x")
        assert CATALOGUE["3.3.3"].fits(Decimal(100))
        assert not CATALOGUE["3.3.3"].fits(Decimal(101))
        assert CATALOGUE["2.1"].fits(Ratio(3, 4))
        assert not CATALOGUE["2.1"].fits(Ratio(3, 0))
        assert not CATALOGUE["1"].fits(1)


def test_docs_table_is_current() -> None:
    """The catalogue table in the docs is the one the code renders (tools/render_catalogue.py)."""
    spec = importlib.util.spec_from_file_location("render", ROOT / "tools" / "render_catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.tables().items():
        committed = (ROOT / "docs" / "_generated" / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/_generated/{name} is stale: run tools/render_catalogue.py"
