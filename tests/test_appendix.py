"""The Appendix value, and the reference report's appendix read from its text."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from cchc_model import (
    Appendix,
    CchcError,
    Header,
    IndicatorValue,
    Ratio,
    Report,
    catalogue_2023,
    dumps,
    load,
    read_appendix,
    read_report,
    render_docx,
    validate,
    write_appendix,
)
from tests.strategies import appendices, bare_appendices

REFERENCE = Path(__file__).parent / "data" / "reference_report.txt"


@pytest.fixture(scope="module")
def reference() -> Appendix:
    return read_appendix(REFERENCE)


class TestReferenceAppendix:
    def test_every_row(self, reference: Appendix) -> None:
        """Every row of the reference table lands on its indicator; none is left over."""
        assert list(reference) == list(catalogue_2023())
        assert reference.extra == ()

    def test_contract_values(self, reference: Appendix) -> None:
        """The values DESIGN §4 and the issue pin."""
        assert reference["3.1.3"].value == 138
        assert reference["7.6"].value == 14584
        assert reference["2.1"].value == Ratio(12, 12)

    def test_values_by_kind(self, reference: Appendix) -> None:
        """Leading zeros, percentages with and without %, coded answers, blanks."""
        assert reference["3.5.3"].value == 0
        assert reference["3.5.3"].raw == "00"
        assert reference["2.3"].value == 6
        assert reference["4.2.5"].value == Decimal(10)
        assert reference["3.3.3"].value == Decimal(100)
        assert reference["1.4.2"].value == 2
        assert reference["3.4.2"].value is None
        assert reference["3.4.2"].note == "Huyện thực hiện"

    def test_subrows(self, reference: Appendix) -> None:
        """The "Trong đó" rows of 3.1.3 get the codes 3.1.3.a–c."""
        assert [reference[c].value for c in ("3.1.3.a", "3.1.3.b", "3.1.3.c")] == [103, 19, 16]
        assert reference["3.1.3.a"].stt == "Trong đó"

    def test_row_split_across_page_break(self, reference: Appendix) -> None:
        """"Trong" / "đó" and the label cut at the page break are joined into one row."""
        row = reference["7.6.2.a"]
        assert row.stt == "Trong đó"
        assert row.value == Decimal(95)
        assert row.label.startswith("Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (Sử")
        assert row.line == 329

    def test_misnumbered_rows(self, reference: Appendix) -> None:
        """The rows under 1.2 numbered 1.1.1–1.1.4 land on 1.2.1–1.2.4, STT kept as written."""
        assert [reference[f"1.2.{i}"].stt for i in range(1, 5)] == [
            "1.1.1.", "1.1.2.", "1.1.3.", "1.1.4."
        ]
        assert reference["1.1.1"].value == 25

    def test_value_with_text(self, reference: Appendix) -> None:
        """``7 đơn vị (…)`` is the count 7; the text is kept as written."""
        row = reference["1.2.1"]
        assert row.value == 7
        assert row.raw == "7 đơn vị (04 phòng chuyên môn và 03 đơn vị trực thuộc)"

    def test_title_and_lines(self, reference: Appendix) -> None:
        """The title above the table and each row's source line are kept."""
        assert reference.title.startswith("PHỤ LỤC THỐNG KÊ SỐ LIỆU")
        assert reference["1"].line == 207
        assert reference["7.8.4"].line == 343

    def test_numbering_finding(self, reference: Appendix) -> None:
        """Validation reports the misnumbered block under 1.2 once, listing its four rows."""
        findings = [f for f in validate(reference).findings if f.rule == "appendix.stt_mismatch"]
        assert [(f.path, f.codes) for f in findings] == [
            ('$["1.2.1"]', tuple(f"1.2.{i}" for i in range(1, 5)))
        ]
        assert findings[0].message == (
            "Dòng 213–216: 4 chỉ tiêu liền nhau, từ chỉ tiêu “Số sở, ngành đã kiểm tra”, ghi "
            "số thứ tự 1.1.1–1.1.4 nhưng theo biểu mẫu là 1.2.1–1.2.4 (các dòng $[\"1.2.1\"], "
            "$[\"1.2.2\"], $[\"1.2.3\"], $[\"1.2.4\"])."
        )

    def test_in_a_report(self, reference: Appendix) -> None:
        """Inside a report the finding's path starts with ``$.appendix``; JSON keeps it all."""
        report = Report(Header("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), appendix=reference)
        paths = [f.path for f in validate(report).findings if f.rule == "appendix.stt_mismatch"]
        assert paths[0] == '$.appendix["1.2.1"]'
        assert load(dumps(report)) == report


class TestAppendix:
    def test_mapping(self) -> None:
        """An appendix is a read-only mapping in document order."""
        a = Appendix((IndicatorValue("3.1.3", 138), IndicatorValue("2.1", Ratio(1, 2))))
        assert list(a) == ["3.1.3", "2.1"]
        assert len(a) == 2
        assert a.value("3.1.3") == 138
        assert a.value("3.1.1") is None
        with pytest.raises(KeyError, match=r"9\.9"):
            a.value("9.9")

    def test_get_and_in(self) -> None:
        """get and in behave as a mapping's, a keyword default included."""
        row = catalogue_2023()["3.1.3"].row(138)
        a = Appendix((row,))
        assert a.get("3.1.3") is row
        assert a.get("9.9") is None
        assert a.get("9.9", default=row) is row
        assert "3.1.3" in a
        assert "9.9" not in a
        assert 3 not in a

    def test_duplicate_codes(self) -> None:
        """Two rows with one code are refused."""
        with pytest.raises(CchcError, match="duplicate indicator code"):
            Appendix((IndicatorValue("1"), IndicatorValue("1")))

    def test_line_is_not_value(self) -> None:
        """The source line takes no part in equality."""
        assert IndicatorValue("1", 2, line=3) == IndicatorValue("1", 2)

    def test_extra_serialized(self) -> None:
        """Unknown rows survive JSON."""
        a = Appendix(extra=(IndicatorValue("8.1", "x", raw="x", stt="8.1."),))
        report = Report(Header("X"), appendix=a)
        assert load(dumps(report)).appendix == a

    def test_catalogue(self) -> None:
        """The appendix names its catalogue; an unknown form is an error."""
        assert Appendix().catalogue is catalogue_2023()
        with pytest.raises(CchcError, match="unknown form"):
            _ = Appendix(form="1999").catalogue


def test_embedded_reference_appendix(reference: Appendix) -> None:
    """The packaged example appendix is the reference report's table, read by the reader."""
    from cchc_model.examples import reference_appendix

    assert reference_appendix() == reference
    assert reference_appendix().title == reference.title


class TestIndicatorValueTypes:
    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("1e99")])
    def test_refused(self, bad: object) -> None:
        """Decimals JSON could not carry back are refused when the row is made."""
        with pytest.raises(CchcError, match=r"IndicatorValue\.value"):
            IndicatorValue("3.1.3", bad)

    @pytest.mark.parametrize("bad", [True, 1.5, [1], b"1"])
    def test_wrong_type(self, bad: object) -> None:
        """Values of another type are a TypeError naming the field and what came."""
        with pytest.raises(TypeError, match=r"IndicatorValue\.value phải là int, Decimal"):
            IndicatorValue("3.1.3", bad)  # type: ignore[arg-type]


def _bare_example() -> Appendix:
    return Appendix((
        IndicatorValue("2.1", Ratio(12, 12)),
        IndicatorValue("3.1.3", 138, raw="138"),
        IndicatorValue("3.1.3.a", 120, note="cấp tỉnh"),
        IndicatorValue("4.2.5", Decimal("10.5")),
        IndicatorValue("1.5", 1),
        IndicatorValue("7.6"),
    ))


class TestBareRows:
    def test_cells_from_the_form(self) -> None:
        """A row given as a bare value gets the form's STT, label, unit and written value."""
        a = Appendix((IndicatorValue("3.1.3", 138),))
        assert a["3.1.3"] == catalogue_2023()["3.1.3"].row(138)
        assert (a["3.1.3"].stt, a["3.1.3"].unit, a["3.1.3"].raw) == ("3.1.3.", "Thủ tục", "138")

    def test_text_and_note_kept(self) -> None:
        """The value as written and the note stay as given; only blank cells are filled."""
        a = Appendix((IndicatorValue("3.1.3", 138, raw="138 thủ tục", note="x"),))
        assert (a["3.1.3"].raw, a["3.1.3"].note, a["3.1.3"].label) == (
            "138 thủ tục", "x", "Tổng số TTHC đang có hiệu lực"
        )

    def test_same_as_catalogue_build(self) -> None:
        """Bare rows make the appendix Catalogue.build makes from the same values."""
        values = {"1.5": 1, "2.1": Ratio(12, 12), "3.1.3": 138, "4.2.5": Decimal("10.5")}
        bare = Appendix(tuple(IndicatorValue(code, value) for code, value in values.items()))
        assert bare == catalogue_2023().build(values)

    def test_row_with_a_cell_kept(self) -> None:
        """A row with any of STT, label or unit is kept as written (a reader's row)."""
        row = IndicatorValue("3.1.3", 138, label="Tổng số TTHC")
        assert Appendix((row,))["3.1.3"] is row

    def test_unknown_code_kept_and_reported(self) -> None:
        """A code the form lacks is kept as given, and validation reports it."""
        row = IndicatorValue("3.1.4", 1)
        a = Appendix((IndicatorValue("3.1.3", 138), row))
        assert a["3.1.4"] is row
        assert "appendix.unknown_code" in {f.rule for f in validate(a).findings}

    def test_unknown_form_and_extra_kept(self) -> None:
        """Rows of a form without a catalogue, and extra rows, are kept as given."""
        row = IndicatorValue("3.1.3", 138)
        assert Appendix((row,), form="1999")["3.1.3"] is row
        assert Appendix(extra=(row,)).extra == (row,)

    def test_evolve(self) -> None:
        """Rows given to attrs.evolve are filled in as well."""
        a = attrs.evolve(Appendix(), rows=(IndicatorValue("3.1.3", 138),))
        assert a["3.1.3"].label == "Tổng số TTHC đang có hiệu lực"

    def test_json_document_with_bare_rows(self) -> None:
        """A JSON document whose rows are bare loads as the appendix built in Python."""
        text = dumps(Report(Header("SỞ X"), appendix=Appendix()))
        text = text.replace('"rows": []', '"rows": [{"code": "3.1.3", "value": 138}]')
        assert load(text).appendix == Appendix((IndicatorValue("3.1.3", 138),))

    @pytest.mark.parametrize("fmt", ["tsv", "markdown", "xlsx"])
    def test_tables(self, fmt: str) -> None:
        """Written as a table in every format, bare rows read back equal."""
        a = _bare_example()
        assert read_appendix(write_appendix(a, fmt)) == a  # type: ignore[call-overload]

    def test_rendered_report(self) -> None:
        """The appendix of a rendered Word report reads back equal."""
        report = Report(Header("SỞ X"), appendix=_bare_example())
        assert read_report(render_docx(report), format="docx").appendix == report.appendix

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(bare_appendices())
    def test_round_trips(self, a: Appendix) -> None:
        """Bare rows of random codes: JSON, TSV and Markdown give the appendix back equal."""
        report = Report(Header("SỞ X"), appendix=a)
        assert load(dumps(report)) == report
        assert read_appendix(write_appendix(a, "tsv")) == a
        assert read_appendix(write_appendix(a, "markdown")) == a
        assert all(row.stt or row.label for row in a.rows)


class TestPickle:
    """Rows pickle as their fields (how ``cchc consolidate DIR`` sends units across)."""

    @settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(appendices(max_rows=12))
    def test_round_trip(self, appendix: Appendix) -> None:
        """An appendix comes back from pickle equal, each row's source line kept."""
        again = pickle.loads(pickle.dumps(appendix, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == appendix
        assert [row.line for row in again.rows] == [row.line for row in appendix.rows]
        assert all(type(row) is IndicatorValue for row in again.rows)

    def test_reference_rows(self) -> None:
        """The reference appendix, read from its text, pickles back with lines and raw cells."""
        appendix = read_appendix(Path(__file__).parent / "data" / "reference_report.txt")
        again = pickle.loads(pickle.dumps(appendix))
        assert again == appendix
        assert [(r.line, r.raw, r.stt) for r in again.rows] == [
            (r.line, r.raw, r.stt) for r in appendix.rows
        ]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            again.rows[0].code = "x"  # type: ignore[misc]
