"""The error tree: one base, default messages, locations in messages."""

from __future__ import annotations

import pytest

import cchc_model
from cchc_model import (
    AppendixOnlyError,
    AppendixParseError,
    CchcError,
    DateParseError,
    InputError,
    NotAReportError,
    NumberFormatError,
    NumberParseError,
    ParseError,
    ReferenceParseError,
    RuleError,
    StructureError,
    UnitError,
)

ALL = (AppendixOnlyError, AppendixParseError, DateParseError, InputError, NotAReportError,
       NumberFormatError, NumberParseError, ParseError, ReferenceParseError, RuleError,
       StructureError, UnitError)


class TestTree:
    @pytest.mark.parametrize("cls", ALL)
    def test_subclass_of_base(self, cls: type[CchcError]):
        """Every error is a CchcError and so a ValueError."""
        assert issubclass(cls, CchcError)
        assert issubclass(cls, ValueError)

    @pytest.mark.parametrize("cls", ALL)
    def test_default_message(self, cls: type[CchcError]):
        """Every error has a Vietnamese default message with English alongside."""
        message = str(cls())
        assert message
        assert "(" in message

    def test_every_public_error_listed(self):
        """The test covers every public error class."""
        public = {
            obj for name in cchc_model.__all__
            if isinstance(obj := getattr(cchc_model, name), type) and issubclass(obj, CchcError)
        }
        assert public == {CchcError, *ALL}


class TestMessages:
    def test_parse_error_quotes_text_and_location(self):
        """A parse error quotes its text and says where it came from."""
        error = NumberParseError(text="1,2,3", location="a.tsv:12")
        assert str(error) == "a.tsv:12: số không hợp lệ (invalid number): '1,2,3'"
        assert (error.text, error.location) == ("1,2,3", "a.tsv:12")

    def test_long_text_shortened(self):
        """A huge input does not make a huge message."""
        message = str(ParseError(text="x" * 10_000_000))
        assert len(message) < 200
        assert "10000000 ký tự" in message

    def test_structure_error_path(self):
        """A structure error starts with its JSON path."""
        error = StructureError("thiếu", path="$.header")
        assert str(error) == "$.header: thiếu"
        assert error.path == "$.header"

    def test_rule_error_names_rule(self):
        """A rule error names the rule."""
        assert str(RuleError("hỏng", rule="tthc.total")) == "tthc.total: hỏng"
