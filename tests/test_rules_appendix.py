"""The appendix rules: each one where it holds and where it fails."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    IndicatorValue,
    Ratio,
    Severity,
    catalogue_2023,
    read_appendix,
    select_rules,
    validate,
)
from cchc_model._base.numbers import is_number
from cchc_model._rules.appendix import APPENDIX_RULES, _strict
from cchc_model._rules.default import default_rules

HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\tGhi chú\n"
GOOD = catalogue_2023().build({
    "3.1.3": 138, "2.1": Ratio(12, 12), "3.3.3": Decimal(100), "1.5": 1, "7.6": 14584,
})


def findings(appendix: Appendix, rule: str) -> list[tuple[str, str, tuple[str, ...]]]:
    result = validate(appendix, rules=select_rules(APPENDIX_RULES, prefix=rule))
    return [(f.path, f.message, f.codes) for f in result.findings]


def test_registered() -> None:
    """The appendix rules are in the default rule set, ids stable and prefixed."""
    ids = [r.id for r in default_rules()]
    for rule in APPENDIX_RULES:
        assert rule.id in ids
        assert rule.id.startswith("appendix.")
        assert rule.message_en


def test_good_appendix_is_clean() -> None:
    """A well-formed appendix has no appendix finding."""
    assert validate(GOOD, rules=APPENDIX_RULES).findings == ()


class TestStt:
    def test_fails(self) -> None:
        """A row matched by label under another number is reported with both numbers."""
        a = read_appendix(HEADER + "1.1.1.\tSố sở, ngành đã kiểm tra\tCơ quan, đơn vị\t7\t\n")
        assert findings(a, "appendix.stt_mismatch") == [(
            '$["1.2.1"]',
            ("Dòng 2: chỉ tiêu “Số sở, ngành đã kiểm tra” ghi số thứ tự 1.1.1 nhưng theo biểu "
             "mẫu là 1.2.1."),
            ("1.2.1",),
        )]

    def test_holds(self) -> None:
        """Rows numbered as the form, and "Trong đó" rows, are fine."""
        a = read_appendix(HEADER + "3.1.3.\tTổng số TTHC đang có hiệu lực\tThủ tục\t1\t\n"
                          "Trong đó\tSố TTHC cấp tỉnh:\tThủ tục\t1\t\n")
        assert findings(a, "appendix.stt_mismatch") == []


class TestUnknownRow:
    def test_fails(self) -> None:
        """A row matching no indicator is reported at its place in ``extra``."""
        a = read_appendix(HEADER + "8.1.\tChỉ tiêu riêng\tCái\t3\t\n")
        assert findings(a, "appendix.unknown_row") == [(
            "$.extra[0]",
            ("Dòng 2: dòng “8.1. Chỉ tiêu riêng” không khớp chỉ tiêu nào của biểu mẫu 2023 "
             "(hoặc lặp lại một chỉ tiêu đã có); dòng được giữ nguyên nhưng không được kiểm "
             "tra."),
            (),
        )]

    def test_holds(self) -> None:
        """No extra rows, no finding."""
        assert findings(GOOD, "appendix.unknown_row") == []


class TestValueKind:
    def test_text_for_number(self) -> None:
        """Text where a count belongs is an error."""
        a = catalogue_2023().build({"3.1.3": catalogue_2023()["3.1.3"].row("nhiều")})
        assert findings(a, "appendix.value_kind") == [(
            '$["3.1.3"]', "giá trị “nhiều” của chỉ tiêu 3.1.3 không phải số đếm.", ("3.1.3",)
        )]

    def test_ratio_for_percent(self) -> None:
        """A ratio where a percentage belongs is an error."""
        a = catalogue_2023().build({"3.3.3": Ratio(1, 2)})
        assert len(findings(a, "appendix.value_kind")) == 1

    def test_holds(self) -> None:
        """Values of the right kind pass."""
        assert findings(GOOD, "appendix.value_kind") == []


class TestCount:
    def test_fraction(self) -> None:
        """A count of 2,5 is an error."""
        a = catalogue_2023().build({"3.1.1": Decimal("2.5")})
        assert findings(a, "appendix.count") == [(
            '$["3.1.1"]',
            "số đếm của chỉ tiêu 3.1.1 phải là số nguyên không âm, nhưng ghi “2,5”.",
            ("3.1.1",),
        )]

    def test_negative(self) -> None:
        """A negative count is an error."""
        assert len(findings(catalogue_2023().build({"3.1.1": -1}), "appendix.count")) == 1

    def test_holds(self) -> None:
        """Whole, non-negative counts pass."""
        assert findings(GOOD, "appendix.count") == []


class TestCodedScale:
    def test_fails(self) -> None:
        """A code off the scale is an error naming the scale."""
        a = catalogue_2023().build({"1.5": 3})
        assert findings(a, "appendix.coded_scale") == [(
            '$["1.5"]', "mã trả lời “3” của chỉ tiêu 1.5 không thuộc thang mã Không = 0 Có = 1.",
            ("1.5",),
        )]

    def test_holds(self) -> None:
        """Codes on the scale pass."""
        assert findings(GOOD, "appendix.coded_scale") == []


class TestPercentRange:
    def test_fails(self) -> None:
        """A percentage over 100 is an error."""
        a = catalogue_2023().build({"3.3.3": Decimal(150)})
        assert findings(a, "appendix.percent_range") == [(
            '$["3.3.3"]', "tỷ lệ “150%” của chỉ tiêu 3.3.3 nằm ngoài khoảng 0–100%.", ("3.3.3",)
        )]

    def test_holds(self) -> None:
        """Percentages in range pass."""
        assert findings(GOOD, "appendix.percent_range") == []


class TestValueText:
    def test_reported(self) -> None:
        """A number read out of words is an info finding."""
        row = IndicatorValue("1.2.1", 7, raw="7 đơn vị (04 phòng)")
        result = validate(Appendix((row,)), rules=select_rules(APPENDIX_RULES,
                                                               prefix="appendix.value_text"))
        assert [f.severity for f in result.findings] == [Severity.INFO]
        assert result.ok

    def test_holds(self) -> None:
        """Plain numbers and coded labels are not reported."""
        a = catalogue_2023().build([IndicatorValue("1.4.2", 2, raw="Kết hợp")])
        assert findings(a, "appendix.value_text") == []
        assert findings(GOOD, "appendix.value_text") == []


class TestUnknownForm:
    def test_fails(self) -> None:
        """An appendix of an unknown form is an error; the row rules stay silent."""
        result = validate(Appendix(form="1999"), rules=APPENDIX_RULES)
        assert [(f.rule, f.path) for f in result.findings] == [("appendix.unknown_form", "$.form")]

    def test_holds(self) -> None:
        """The 2023 form is known."""
        assert findings(GOOD, "appendix.unknown_form") == []


class TestUnknownCode:
    def test_unknown(self) -> None:
        """A row keyed by a code the form lacks is an error naming it."""
        a = Appendix((IndicatorValue("3.1.3", 138), IndicatorValue("3.1.4", 5)))
        assert findings(a, "appendix.unknown_code") == [(
            '$["3.1.4"]',
            "biểu mẫu 2023 không có chỉ tiêu mã 3.1.4; dòng không được kiểm tra.",
            ("3.1.4",),
        )]

    def test_known(self) -> None:
        """Rows of the form give no finding."""
        a = catalogue_2023().build({"3.1.3": 138})
        assert findings(a, "appendix.unknown_code") == []


class TestWrittenNumbers:
    @given(st.one_of(
        st.from_regex(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?", fullmatch=True),
        st.text(alphabet="0123456789.,%+- x١", max_size=12),
        st.text(alphabet="0123456789.,%+- x١đơnvịKÅ²½Ⅻ\u212a\u212b\u2126\u0301\u2212\u00a0",
                max_size=12),
        st.text(max_size=8),
    ))
    def test_strict_is_parse_number(self, raw: str) -> None:
        """A cell counts as a plain number exactly when parse_number reads it."""
        assert _strict(raw) == is_number(raw.strip().removesuffix("%"))

    def test_long_cells(self) -> None:
        """Cells past the digit limit are read by parse_number itself."""
        for raw in ("1" * 40, "1" * 41, "1" * 40 + "%", "1.000" * 9):
            assert _strict(raw) == is_number(raw.strip().removesuffix("%"))
