"""Construction-time checks: wrong types fail where they are made, plain values are normalised."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings

from cchc_model import (
    Appendix,
    CaseProcessing,
    CchcError,
    DocumentDate,
    Header,
    IndicatorValue,
    Paragraph,
    RateFact,
    Recipient,
    Report,
    ReportingPeriod,
    Section,
    Signature,
    TthcCounts,
    catalogue_2023,
    dumps,
    load,
    parse_reference,
)
from tests.strategies import plain_reports


class TestWrongTypes:
    """Each misuse a new user makes raises at construction, naming class and field."""

    def test_header_date_text(self):
        """A date as text is refused: Header.date, what it got."""
        with pytest.raises(TypeError) as info:
            Header("SỞ Y TẾ", date="18/9/2025")  # type: ignore[arg-type]
        assert str(info.value) == (
            "Header.date phải là DocumentDate, datetime.date hoặc None, nhận '18/9/2025' (str) "
            "(Header.date must be DocumentDate, datetime.date or None, got '18/9/2025' (str))"
        )

    def test_header_number_text(self):
        """The document number is an int."""
        with pytest.raises(TypeError, match=r"^Header\.number phải là int hoặc None, nhận '412'"):
            Header("SỞ Y TẾ", number="412")  # type: ignore[arg-type]

    def test_signature_title_string(self):
        """A str where a tuple of titles belongs is refused, not split into letters."""
        with pytest.raises(TypeError, match=r"^Signature\.titles phải là dãy \(tuple\) các str"):
            Signature("Nguyễn Văn A", "GIÁM ĐỐC")  # type: ignore[arg-type]

    def test_recipient_strings(self):
        """Recipients are Recipient values; the message says how to write one."""
        with pytest.raises(TypeError, match=r"Report\.recipients\[0\] phải là Recipient") as info:
            Report(Header("X"), recipients=("Sở Nội vụ",))  # type: ignore[arg-type]
        assert "Recipient(" in str(info.value)

    def test_reference_not_a_match(self):
        """A paragraph's references are ReferenceMatch values, not bare references."""
        ref = parse_reference("Kế hoạch số 3170/KH-SLĐTBXH ngày 02/12/2022")
        with pytest.raises(TypeError, match=r"Paragraph\.references\[0\] phải là ReferenceMatch"):
            Paragraph("x", references=(ref,))  # type: ignore[arg-type]

    def test_section_paragraphs_text(self):
        """A string where paragraphs belong is refused."""
        with pytest.raises(TypeError, match=r"^Section\.paragraphs"):
            Section("I", "A", "một đoạn")  # type: ignore[arg-type]

    def test_float_decimal(self):
        """A float where a Decimal belongs is refused with a hint."""
        with pytest.raises(TypeError, match=r"Decimal\('…'\)"):
            RateFact(1607, 4964, 32.37)  # type: ignore[arg-type]

    def test_views(self):
        """Typed views name the field and refuse strings on one line."""
        with pytest.raises(TypeError, match=r"^TthcCounts\.total phải là int hoặc None"):
            TthcCounts(total="1.607,5")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^CaseProcessing\.on_time_rate_department"):
            CaseProcessing(on_time_rate_department="99,77")  # type: ignore[arg-type]

    def test_wrong_value_is_cchc_error(self):
        """A wrong value (not type) is a CchcError."""
        with pytest.raises(CchcError, match=r"year=18, month=9, day=2025"):
            DocumentDate(18, 9, 2025)
        with pytest.raises(CchcError):
            ReportingPeriod.quarter(2025, "V")

    def test_bool_is_not_int(self):
        """True is not a number anywhere."""
        with pytest.raises(TypeError):
            DocumentDate(True)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            IndicatorValue("3.1.3", True)  # type: ignore[arg-type]


class TestNormalised:
    """Plain Python values become the model's own."""

    def test_sequences_become_tuples(self):
        """Lists and generators become tuples."""
        report = Report(Header("X"), sections=[Section("I", "A", [Paragraph("x")])],
                        archive=(a for a in ["VT"]), recipients=[Recipient("Sở Nội vụ")])
        assert report.sections == (Section("I", "A", (Paragraph("x"),)),)
        assert report.archive == ("VT",)
        assert type(report.recipients) is tuple

    def test_date_becomes_document_date(self):
        """A datetime.date (or datetime) header date becomes a DocumentDate."""
        assert Header("X", date=dt.date(2025, 9, 18)).date == DocumentDate(2025, 9, 18)
        assert Header("X", date=dt.datetime(2025, 9, 18, 8)).date == DocumentDate(2025, 9, 18)

    def test_int_becomes_decimal(self):
        """RateFact(1607, 4964, …) holds Decimals."""
        fact = RateFact(1607, 4964, Decimal("32.37"))  # type: ignore[arg-type]
        assert (type(fact.numerator), type(fact.denominator)) == (Decimal, Decimal)

    def test_section_number_dot(self):
        """A section number's dot is taken off."""
        assert Section("I.", "A").number == "I"

    def test_quarter_roman(self):
        """Quarters may be given as reports write them."""
        assert ReportingPeriod.quarter(2025, "III") == ReportingPeriod.quarter(2025, 3)

    def test_build_reads_vietnamese(self):
        """Catalogue.build reads strings by the row's kind, or refuses them."""
        appendix = catalogue_2023().build({"3.1.3": "1.607", "3.4.1": "99,77%"})
        assert appendix.value("3.1.3") == 1607
        assert appendix.value("3.4.1") == Decimal("99.77")
        assert appendix["3.1.3"].raw == "1.607"
        with pytest.raises(CchcError, match=r"3\.1\.3"):
            catalogue_2023().build({"3.1.3": "nhiều"})

    def test_appendix_from_list(self):
        """An appendix from a list of rows holds a tuple."""
        assert type(Appendix([IndicatorValue("3.1.3", 138)]).rows) is tuple

    @given(plain_reports)
    @settings(max_examples=60, deadline=None)
    def test_round_trip(self, report: Report):
        """Reports built from lists, dates and ints survive dumps and load unchanged."""
        assert load(dumps(report)) == report


class TestFastLoad:
    """The fast load path skips only the checks it has made itself."""

    def _document(self) -> dict[str, object]:
        import json

        report = Report(Header("X"), sections=[Section("I", "A")],
                        appendix=catalogue_2023().build({"3.1.3": 138, "2.1": 5}))
        return json.loads(dumps(report))

    def test_value_checks_run(self):
        """Duplicate appendix codes are refused on load, as at construction."""
        import json

        from cchc_model import StructureError

        document = self._document()
        rows = document["appendix"]["rows"]  # type: ignore[index]
        rows[1]["code"] = rows[0]["code"]
        with pytest.raises(StructureError, match="duplicate indicator code"):
            load(json.dumps(document))

    def test_value_converters_run(self):
        """A section number written with its dot loses it on load too."""
        import json

        document = self._document()
        document["sections"][0]["number"] = "I."  # type: ignore[index]
        assert load(json.dumps(document)).sections[0].number == "I"

    def test_type_checks_are_marked(self):
        """The checks the fast path skips are exactly the type checks."""
        import attrs

        from cchc_model._base.checks import is_type_only

        fields = attrs.fields_dict(Section)
        assert is_type_only(fields["paragraphs"].converter)
        assert not is_type_only(fields["number"].converter)
        validators = fields_validators(Appendix, "rows")
        assert [is_type_only(v) for v in validators] == [True]
        # Codes once each, and the form's cells: after the fields, in a hook the fast path runs.
        assert "__attrs_post_init__" in vars(Appendix)


def fields_validators(cls: type, name: str) -> tuple[object, ...]:
    import attrs

    validator = attrs.fields_dict(cls)[name].validator
    return tuple(getattr(validator, "_validators", (validator,)))


class TestSlotSetters:
    def test_make_what_init_makes(self) -> None:
        """Setting every field by its setter makes what ``__init__`` makes, frozen as it is."""
        import attrs

        from cchc_model._base.checks import slot_setters
        from cchc_model._values.references import DocumentType, LegalDocumentRef

        fields = (DocumentType.PLAN, 12, "KH-UBND", None, dt.date(2023, 1, 5), "UBND tỉnh",
                  "cải cách hành chính", (), "a")
        setters = slot_setters(LegalDocumentRef)
        assert len(setters) == len(attrs.fields(LegalDocumentRef))
        made = object.__new__(LegalDocumentRef)
        for setter, value in zip(setters, fields, strict=True):
            setter(made, value)
        assert made == LegalDocumentRef(*fields)
        assert repr(made) == repr(LegalDocumentRef(*fields))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.number = 13  # type: ignore[misc]
