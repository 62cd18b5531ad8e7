"""extract_facts: the figures stated in prose, and the numbers that are not figures."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_model import (
    CountFact,
    FactMatch,
    InputError,
    MoneyFact,
    MoneyScale,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
    extract_facts,
)
from cchc_model._model.fact_grammar import COUNTED_THINGS


def facts(text: str) -> list[object]:
    return [m.fact for m in extract_facts(text)]


def only(text: str) -> object:
    found = facts(text)
    assert len(found) == 1, found
    return found[0]


class TestCounts:
    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("ban hành 06 Quyết định công bố", 6, "Quyết định"),
            ("đã tiếp nhận 5.494 hồ sơ.", 5494, "hồ sơ"),
            ("đối với 02 đơn vị trực thuộc", 2, "đơn vị"),
            ("Sở tiếp 36 lượt người đến", 36, "lượt người"),
            ("Toàn trình là 10 DVCTT;", 10, "DVCTT"),
        ],
    )
    def test_count_with_its_thing(self, text: str, value: int, unit: str):
        """A number followed by a counted thing is a count of it."""
        fact = only(text)
        assert isinstance(fact, CountFact)
        assert (fact.value, fact.unit) == (value, unit)

    def test_label_before(self):
        """"X là N" and "X: N" give the count the label X."""
        fact = only("Bảo trợ xã hội là 230 hồ sơ")
        assert isinstance(fact, CountFact)
        assert fact.label == "Bảo trợ xã hội"

    def test_level_counts_inherit_their_thing(self):
        """"số lượng TTHC …: cấp tỉnh là 103; cấp huyện: 19" counts TTHC by level."""
        found = facts("Số lượng TTHC của Ngành: cấp tỉnh là 103; cấp huyện: 19; cấp xã: 16.")
        assert found == [
            CountFact(103, "TTHC", "cấp tỉnh", "cấp tỉnh là 103"),
            CountFact(19, "TTHC", "cấp huyện", "cấp huyện: 19"),
            CountFact(16, "TTHC", "cấp xã", "cấp xã: 16"),
        ]

    def test_level_count_without_a_thing_is_left_out(self):
        """A level count with no counted thing named before it is not guessed."""
        assert facts("Kết quả: cấp tỉnh là 103.") == []


class TestTotals:
    def test_labelled_parts_in_brackets(self):
        """"486 hồ sơ (trước hạn 430; đúng hạn 55)" is a complete breakdown (even wrong)."""
        fact = only("Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55).")
        assert isinstance(fact, TotalFact)
        assert fact.total.value == 486
        assert [(p.value, p.label, p.unit) for p in fact.parts] == [
            (430, "trước hạn", "hồ sơ"), (55, "đúng hạn", "hồ sơ")]
        assert fact.complete
        assert fact.text == "486 hồ sơ (trước hạn 430; đúng hạn 55)"

    def test_selection_in_brackets(self):
        """"(trong đó: … 232 hồ sơ)" is a selection: it need not add up."""
        fact = only("là 530 hồ sơ (trong đó: tiếp nhận qua mạng 232 hồ sơ)")
        assert isinstance(fact, TotalFact)
        assert (fact.total.value, [p.value for p in fact.parts], fact.complete) == (
            530, [232], False)

    def test_trong_do_that_adds_up(self):
        """"N. Trong đó: …; …" whose first parts add up to N is a complete breakdown."""
        text = ("đã tiếp nhận 5.494 hồ sơ. Trong đó: A đã giải quyết 4.964 hồ sơ; B là 530 hồ "
                "sơ; Đã thực hiện giải quyết 486 hồ sơ.")
        fact = facts(text)[0]
        assert isinstance(fact, TotalFact)
        assert ([p.value for p in fact.parts], fact.complete) == ([4964, 530], True)

    def test_trong_do_that_does_not_add_up_is_a_selection(self):
        """An open "Trong đó" list that does not add up is kept as a selection that fits."""
        text = "tiếp nhận 100 hồ sơ. Trong đó: A 60 hồ sơ; B 30 hồ sơ; C 50 hồ sơ."
        fact = facts(text)[0]
        assert isinstance(fact, TotalFact)
        assert ([p.value for p in fact.parts], fact.complete) == ([60, 30], False)

    def test_consists_of(self):
        """"15 đơn khiếu nại gồm: 5 đơn …, 2 đơn …, 8 đơn …" is a complete breakdown."""
        fact = only("15 đơn khiếu nại gồm: 5 đơn về lao động, 2 đơn về BHXH, 8 đơn về đất đai")
        assert isinstance(fact, TotalFact)
        assert ([p.value for p in fact.parts], fact.complete) == ([5, 2, 8], True)

    def test_kinds_of_one_thing(self):
        """Parts may count kinds of the total's thing (đơn thư: đơn, phản ánh, kiến nghị)."""
        fact = only("17 đơn thư (trong đó có 15 đơn khiếu nại; 2 phản ánh, kiến nghị)")
        assert isinstance(fact, TotalFact)
        assert [p.unit for p in fact.parts] == ["đơn", "phản ánh, kiến nghị"]
        assert fact.complete

    def test_colon_selection(self):
        """"N quyết định … và trả kết quả qua cổng: M quyết định" is a selection of N."""
        fact = only("ban hành 4.282 quyết định hưởng trợ cấp và trả kết quả qua cổng: 942 quyết "
                    "định")
        assert isinstance(fact, TotalFact)
        assert (fact.total.value, [p.value for p in fact.parts], fact.complete) == (
            4282, [942], False)


class TestRates:
    def test_ratio_with_rate(self):
        """"3.878/15.127 (…) chiếm 25,63%" is a rate, the places of 25,63 kept."""
        fact = only("là 3.878/15.127 (Người có công, bảo trợ xã hội) chiếm 25,63% so với")
        assert fact == RateFact(Decimal(3878), Decimal(15127), Decimal("25.63"), "", "so với",
                                "3.878/15.127 (Người có công, bảo trợ xã hội) chiếm 25,63%")

    def test_count_with_rate_of_the_total_before(self):
        """"1.607 hồ sơ, đạt tỷ lệ 33,37 %" is a rate of the total stated just before."""
        found = facts("giải quyết 4.964 hồ sơ (qua cổng là 1.607 hồ sơ, đạt tỷ lệ 33,37 %)")
        rate = next(f for f in found if isinstance(f, RateFact))
        assert (rate.numerator, rate.denominator, rate.stated) == (
            Decimal(1607), Decimal(4964), Decimal("33.37"))

    def test_money_rate(self):
        """"3.585,23 triệu đồng/3.593 triệu đồng …, đạt 100%" is a rate in triệu đồng."""
        fact = only("đã giải ngân: 3.585,23 triệu đồng/3.593 triệu đồng (gồm năm 2022), đạt 100%")
        assert isinstance(fact, RateFact)
        assert (fact.unit, fact.stated) == ("triệu đồng", Decimal(100))

    def test_ratio(self):
        """"7/7 huyện, thành phố" is a ratio of the thing it counts."""
        assert only("thực hiện 7/7 huyện, thành phố đối với") == RatioFact(
            Decimal(7), Decimal(7), "huyện, thành phố", "đối với", "7/7 huyện, thành phố")

    def test_percent_alone(self):
        """A percentage with no terms beside it is a PercentFact."""
        fact = only("Hồ sơ giải quyết đúng hạn chiếm tỷ lệ 100%; thực hiện số hóa")
        assert isinstance(fact, PercentFact)
        assert (fact.value, fact.text) == (Decimal(100), "chiếm tỷ lệ 100%")

    def test_money(self):
        """"trên 3,7 tỷ đồng" keeps its scale and its qualifier."""
        fact = only("với số tiền chi trả qua tài khoản trên 3,7 tỷ đồng.")
        assert isinstance(fact, MoneyFact)
        assert (fact.amount, fact.scale, fact.qualifier) == (
            Decimal("3.7"), MoneyScale.BILLION, "trên")


class TestNotFigures:
    @pytest.mark.parametrize(
        "text",
        [
            "theo Quyết định số 25/QĐ-SLĐT BXH ngày 06/02/2022 của Sở",
            "theo khoản 1 Điều 17 Nghị định số 61/2018/NĐ-CP",
            "theo TCVN ISO 9001:2015",
            "công tác năm 2023 và giai đoạn 2022-2025",
            "trong 6 tháng đầu năm 2023",
            "đến tháng 11/2023 và ngày 26/5/2023",
            "tại https://dichvucong.gov.vn/p/123 và xxx1@ninhthuan.gov.vn",
            "dịch vụ công trực tuyến cấp độ 4",
            "triển khai Đề án 06/CP",
            "cách mạng công nghiệp 4.0",
            "một số 17 không có gì đếm",
            "số 1234567.89 viết sai",
        ],
    )
    def test_left_out(self, text: str):
        """Citations, dates, years, clauses, standards, links and bare numbers are no figures."""
        assert facts(text) == []


class TestMatches:
    def test_spans(self):
        """Each match's text is the source between start and end, in order."""
        text = "Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55); thực hiện 7/7 huyện."
        matches = extract_facts(text)
        assert all(isinstance(m, FactMatch) for m in matches)
        assert [text[m.start:m.end] for m in matches] == [m.text for m in matches]
        assert [m.start for m in matches] == sorted(m.start for m in matches)

    def test_too_long(self):
        """Text over max_length is refused at once."""
        with pytest.raises(InputError, match="quá dài"):
            extract_facts("1 hồ sơ " * 10, max_length=20)

    def test_not_a_str(self):
        """Only a str is read."""
        with pytest.raises(TypeError):
            extract_facts(None)  # type: ignore[arg-type]

    @pytest.mark.parametrize("junk", ["", "€", "⑱", "9" * 5000, "(" * 3000 + "1 hồ sơ",
                                      "1 hồ sơ (" * 500, "1/" * 2000, "1.000." * 1000,
                                      "Trong đó: " * 500, "Đa\u0300 tiếp nhận 5 hồ sơ"])
    def test_junk(self, junk: str):
        """Junk and adversarial input gives facts whose spans are text of the input."""
        for match in extract_facts(junk):
            assert junk[match.start:match.end] == match.text

    @given(st.text(alphabet="0123456789.,/%() ;:hồsơtrongđóđạtchiếm", max_size=200))
    def test_any_text(self, text: str):
        """Any text gives valid facts with true spans, never an exception."""
        for match in extract_facts(text):
            assert text[match.start:match.end] == match.text


class TestShortcuts:
    """The quick tests in front of the patterns let through all the patterns would take."""

    WORDS = ("năm", "giai đoạn", "Điều", "điều", "khoản", "Chương", "mục", "Phần", "cấp độ",
             "mức  độ", "ISO", "TCVN", "Khóa", "lần thứ", "phiên bản", "tháng", "Quý", "ngày",
             "kỳ", "điện thoại", "là", "đạt", "trong", "số", "x")

    @given(st.text(alphabet=st.one_of(st.sampled_from("0123456789٣５²"), st.characters()),
                   max_size=30))
    def test_figure_digit(self, text: str) -> None:
        """A text is let go without a scan exactly when the digit pattern finds no digit."""
        from cchc_model._model import fact_grammar

        expected = fact_grammar._FIGURE_DIGITS.search(text) is not None
        assert fact_grammar._holds_figure_digit(text) is (re.search("[0-9]", text) is not None)
        assert fact_grammar._holds_figure_digit(text) or not expected

    @given(st.lists(st.sampled_from((*WORDS, " ", "  ", "\t", "\n", "\u00a0", "5", ", ")),
                    max_size=10))
    def test_skip_endings(self, pieces: list[str]) -> None:
        """Whenever a number's preceding words are skipped, they end as one of the endings."""
        from cchc_model._model import fact_grammar

        text = "".join(pieces)
        for start in range(len(text) + 1):
            lead = max(0, start - 24)
            if fact_grammar._SKIP_BEFORE.search(text, lead, start):
                assert text[lead:start].rstrip().endswith(fact_grammar._SKIP_ENDINGS)

    def test_skip_endings_are_letters(self) -> None:
        """Each ending is the last two characters of a word as written, no pattern syntax."""
        from cchc_model._model import fact_grammar

        for ending in fact_grammar._SKIP_ENDINGS:
            assert all(ch.isalpha() for ch in ending), ending


def _figure_pattern_read_per_kind() -> re.Pattern[str]:
    """The figure pattern as first written: the number read again in each kind."""
    from cchc_model._model.fact_grammar import (
        _NUM,
        _NUM_END,
        _OSP,
        _PCT,
        _SCALE,
        _SP,
        _UNITS_PATTERN,
    )

    return re.compile(rf"""
      (?P<skip>
          [0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}(?![\w/])
        | [0-9]{{1,2}}/(?:19|20)[0-9]{{2}}(?![\w/])
        | (?:19|20)[0-9]{{2}}{_OSP}[-–]{_OSP}(?:19|20)[0-9]{{2}}(?!\w)
      )
    | (?P<ratio>
          (?P<rnum>{_NUM})(?:{_SP}(?P<rscale>nghìn|ngàn|triệu|tỷ|tỉ)?{_OSP}đồng)?
          {_OSP}/{_OSP}
          (?P<rden>{_NUM}){_NUM_END}(?:{_SP}(?:nghìn|ngàn|triệu|tỷ|tỉ)?{_OSP}đồng)?
      )
    | (?P<percent>(?P<pnum>{_NUM}){_PCT})
    | (?P<money>(?P<mnum>{_NUM}){_NUM_END}{_SP}(?:{_SCALE}{_SP})?(?i:đồng)(?!\w))
    | (?P<count>(?P<cnum>{_NUM}){_NUM_END}
          (?:{_SP}(?P<unit>(?i:{_UNITS_PATTERN}))(?!\w))?
      )
    """, re.VERBOSE)


FIGURE_PIECES = ("1", "12", "123", "2023", "1.234", "1.234.567", ",5", ",", ".", "/", " / ",
                 "%", " %", " ", "  ", "đồng", " đồng", " triệu", " tỷ", " hồ sơ", " Hồ Sơ",
                 "-", "–", "2020", "\n", "a", " huyện", " đồng/", "@", " TTHC", "tháng")


@given(st.lists(st.sampled_from(FIGURE_PIECES), min_size=1, max_size=8))
def test_figure_pattern_reads_the_number_once(pieces: list[str]) -> None:
    """Reading the number once finds, at every digit, what reading it per kind found."""
    from cchc_model._model.fact_grammar import _TOKENS

    once, per_kind = _TOKENS.get(), _figure_pattern_read_per_kind()
    text = "".join(pieces)
    numbers = {"ratio": "rnum", "percent": "pnum", "money": "mnum", "count": "cnum"}
    for at, char in enumerate(text):
        if not char.isdigit():
            continue
        new, old = once.match(text, at), per_kind.match(text, at)
        assert (new is None) == (old is None)
        if new is None or old is None:
            continue
        assert (new.span(), new.lastgroup) == (old.span(), old.lastgroup)
        if old.lastgroup in numbers:
            assert new.group("num") == old.group(numbers[old.lastgroup])
            assert new.group("rden", "rscale", "SCALE", "unit") == old.group(
                "rden", "rscale", "SCALE", "unit"
            )


LEAD_PIECES = ("của", "về", "Về", "CỦA", " ", "  ", "   ", "\t", "\n", "\u00a0", "trong", "TRONG",
               "Trong", " đó", " có", ":", ",", ";", ".", "đạt", "ĐẠT", "chiếm", "chıếm",
               "CHİẾM", " tỷ lệ", " tỷ  lệ", "gồm", "GỒM", "bao", " các", "x", "5", "12,5",
               "1.234", "(", ")", "Điều", "năm", "giai", "đoạn", "điện", "thoại", "phiên",
               "bản", "lần", "thứ", "a", "_")


class TestLeads:
    """The quick tests in front of the lead patterns find what the patterns alone find."""

    @given(st.lists(st.sampled_from(LEAD_PIECES), max_size=14))
    def test_citation_tail(self, pieces: list[str]) -> None:
        """The tail search begun near the first "của" or "về" finds the first tail."""
        from cchc_model._model import fact_grammar

        text = "".join(pieces)
        tail = fact_grammar._CITATION_TAIL.search(text)
        assert fact_grammar._citation_tail(text) == (None if tail is None else tail.start())

    @given(st.lists(st.sampled_from(LEAD_PIECES), max_size=14), st.integers(0, 40))
    def test_leads(self, pieces: list[str], at: int) -> None:
        """A window whose lower case lacks the lead's words never matches its pattern."""
        from cchc_model._model import fact_grammar as g

        text = "".join(pieces)
        for pattern, words, reach in ((g._RATE_LEAD_AFTER, g._RATE_WORDS, 40),
                                      (g._BREAKDOWN_LEAD, g._BREAKDOWN_WORDS, 30),
                                      (g._CONSISTS_LEAD, g._CONSISTS_WORDS, 120)):
            for end in (at + reach, min(len(text), at + reach)):
                old = pattern.match(text, at, end)
                new = g._lead(pattern, words, text, at, end)
                assert (old is None) == (new is None)
                if old is not None and new is not None:
                    assert old.span() == new.span()

    @given(st.lists(st.sampled_from((*LEAD_PIECES, ".5", "..", ".\n", "(.)")), max_size=14),
           st.integers(0, 20), st.integers(0, 80))
    def test_clause_marks(self, pieces: list[str], begin: int, end: int) -> None:
        """The clause marks with their set first are the marks as first written."""
        from cchc_model._model.fact_grammar import _CLAUSE_MARKS

        text = "".join(pieces)
        first = re.compile(r"[();,\n]|\.(?![0-9])")
        assert [(m.span(), m.group()) for m in _CLAUSE_MARKS.finditer(text, begin, end)] == [
            (m.span(), m.group()) for m in first.finditer(text, begin, end)]

    @given(st.lists(st.sampled_from((*TestShortcuts.WORDS, "điện  thoại", "giai   đoạn",
                                     " ", "  ", "   ", "\t", "\n", "\u00a0", "5", "a", "_")),
                    max_size=12))
    def test_skip_reach(self, pieces: list[str]) -> None:
        """The skip words searched from their reach before a number are found as from afar."""
        from cchc_model._model.fact_grammar import _SKIP_BEFORE, _SKIP_REACH

        text = "".join(pieces)
        for start in range(len(text) + 1):
            lead = max(0, start - 24)
            old = _SKIP_BEFORE.search(text, lead, start)
            new = _SKIP_BEFORE.search(text, max(lead, start - _SKIP_REACH), start)
            assert (old is None) == (new is None)


def test_case_sets_are_every_case() -> None:
    """Each first letter's set holds exactly the characters that match it, case ignored."""
    import sys

    from cchc_model._model.fact_grammar import _case_set

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in {unit[0] for unit in COUNTED_THINGS}:
        matching = set(re.findall(f"(?i:{re.escape(letter)})", everything))
        assert set(re.findall(_case_set(letter), everything)) == matching, letter


UNIT_PIECES = (*COUNTED_THINGS, "ĐƠN VỊ", "Hồ Sơ", "tthc", "đơn  vị", "\u212a\u1ebf hoạch",
               " ", ",", "x", "5", "đơnx", "hồ sơs")


@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=8))
def test_units_grouped_by_first_letter(pieces: list[str]) -> None:
    """The counted things in groups by first letter match as the plain alternation does."""
    from cchc_model._model.fact_grammar import (
        _PLACES,
        _UNIT_MENTION,
        _UNITS_GROUPED,
        _UNITS_PATTERN,
    )

    text = "".join(pieces)
    grouped, plain = re.compile(_UNITS_GROUPED), re.compile(f"(?i:{_UNITS_PATTERN})")
    for at in range(len(text)):
        new, old = grouped.match(text, at), plain.match(text, at)
        assert (new and new.group()) == (old and old.group())
    mention = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(u) for u in COUNTED_THINGS if u not in _PLACES) + r")(?!\w)", re.IGNORECASE)
    assert [m.span() for m in _UNIT_MENTION.get().finditer(text)] == [
        m.span() for m in mention.finditer(text)]


@given(st.from_regex(r"(?:[0-9]{1,3}(?:\.[0-9]{3}){1,6}|[0-9]{1,15})(?:,[0-9]{1,6})?",
                     fullmatch=True))
def test_numbers_read_in_one_step(text: str) -> None:
    """Every number the figure pattern reads is what parse_number reads, places and all."""
    from cchc_model import parse_number
    from cchc_model._model.fact_grammar import _NUM, _number

    assert re.fullmatch(_NUM, text)
    value = _number(text)
    assert (repr(value), value.as_tuple()) == (repr(parse_number(text)),
                                                parse_number(text).as_tuple())


@given(st.integers(0, 10**20), st.text(max_size=5), st.text(max_size=5), st.text(max_size=5))
def test_counts_made_without_checks(value: int, unit: str, label: str, text: str) -> None:
    """A count the reader makes without the checks equals the one made with them."""
    from cchc_model._model.fact_grammar import _count_fact

    made, checked = _count_fact(value, unit, label, text), CountFact(value, unit, label, text)
    assert made == checked
    assert (repr(made), hash(made), type(made)) == (repr(checked), hash(checked), CountFact)


@given(st.lists(st.sampled_from((*TestShortcuts.WORDS, "điện  thoại", "giai   đoạn", "Chương",
                                 "mục", " ", "  ", "   ", "\t", "\n", "\u00a0", "5", "a", "_")),
                max_size=12))
def test_skip_words_by_ending(pieces: list[str]) -> None:
    """The skip words with the ending of the text before a number find what all of them do."""
    from cchc_model._model.fact_grammar import _SKIP_BEFORE, _SKIP_BY_ENDING, _SKIP_REACH

    text = "".join(pieces)
    for start in range(len(text) + 1):
        lead = max(0, start - 24)
        old = _SKIP_BEFORE.search(text, lead, start)
        skip = _SKIP_BY_ENDING.get().get(text[lead:start].rstrip()[-2:])
        new = skip and skip.search(text, max(lead, start - _SKIP_REACH), start)
        assert (old is None) == (new is None)
