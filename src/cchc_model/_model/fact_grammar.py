"""Figures stated in prose, read into facts: :func:`extract_facts`.

The reader knows how CCHC reports state their figures: a count with the thing it counts
("5.494 hồ sơ", "06 Quyết định", "cấp tỉnh là 103"), a total with its parts ("… 5.494 hồ sơ.
Trong đó: … 4.964 hồ sơ …; … 530 hồ sơ", "486 hồ sơ (trước hạn 430; đúng hạn 55)", "15 đơn
khiếu nại gồm: 5 đơn …, 2 đơn …, 8 đơn …"), a selection that need not add up ("(trong đó: tiếp
nhận qua mạng 232 hồ sơ)"), a rate beside its terms ("3.878/15.127 … chiếm 25,63%", "1.607 hồ
sơ, đạt tỷ lệ 33,37 %" of a total stated just before), a ratio ("7/7 huyện"), money ("trên 3,7
tỷ đồng") and a percentage on its own.

Precision comes before recall: every fact becomes a check, so a figure the reader is not sure
of is left out rather than guessed. A number counts only with a counted thing it knows
(:data:`COUNTED_THINGS`) or in one of the forms above; numbers of citations, dates, years,
clauses ("Điều 17"), standards and links are never figures. A breakdown after "Trong đó" with
no brackets to end it is taken as complete only when its first parts add up to the total;
otherwise the parts that fit are kept as a selection.

Every pattern is bounded, and each number is looked at in a window of bounded size around it,
so reading is linear in the length of the text, also on adversarial input.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal

import attrs

from cchc_model._base.checks import slot_setters
from cchc_model._base.errors import InputError
from cchc_model._base.lazy import Lazy
from cchc_model._base.numbers import MoneyScale
from cchc_model._base.text import case_variants
from cchc_model._model.facts import (
    CountFact,
    Fact,
    MoneyFact,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)
from cchc_model._values.references import MAX_TEXT_LENGTH, ReferenceMatch, extract_references

__all__ = ["COUNTED_THINGS", "MAX_FACT_TEXT_LENGTH", "FactMatch", "extract_facts", "facts_of"]

#: Longest text :func:`extract_facts` reads; longer text is refused at once.
MAX_FACT_TEXT_LENGTH = MAX_TEXT_LENGTH

#: The counted things a number may be followed by to be read as a count, as reports write
#: them. Longer names first where one begins another.
COUNTED_THINGS: tuple[str, ...] = (
    "thủ tục hành chính", "thủ tục", "TTHC", "hồ sơ", "dịch vụ công trực tuyến", "DVCTT",
    "DVC", "quyết định", "văn bản", "kế hoạch", "báo cáo", "công văn", "nghị quyết",
    "chỉ thị", "đề án", "đơn thư", "đơn", "phản ánh, kiến nghị", "phản ánh", "kiến nghị",
    "lượt người", "lượt", "người", "cán bộ", "công chức", "viên chức", "lao động",
    "đơn vị", "cơ quan", "phòng", "địa bàn", "huyện, thành phố", "huyện", "xã, phường, thị trấn",
    "xã", "nhiệm vụ", "cuộc", "lớp", "học viên", "đối tượng", "doanh nghiệp", "tài khoản",
    "phiếu", "vấn đề", "trường hợp", "hộ", "chỉ tiêu", "tin, bài", "tin bài", "buổi",
)
# Places are counted ("7 huyện") but never the thing a bare number inherits.
_PLACES = frozenset(("huyện, thành phố", "huyện", "xã, phường, thị trấn", "xã", "địa bàn",
                     "phòng"))
# Counted things that are kinds of one another: a total of "đơn thư" has parts in "đơn" and
# "phản ánh, kiến nghị".
_FAMILIES = (
    frozenset(("đơn thư", "đơn", "phản ánh, kiến nghị", "phản ánh", "kiến nghị")),
    frozenset(("thủ tục hành chính", "thủ tục", "tthc")),
    frozenset(("dịch vụ công trực tuyến", "dvctt", "dvc")),
    frozenset(("cán bộ", "công chức", "viên chức", "người")),
)

# Longest first, so that "đơn vị" is not read as "đơn".
_UNITS_PATTERN = "|".join(re.escape(u) for u in sorted(COUNTED_THINGS, key=len, reverse=True))

def _case_set(letter: str) -> str:
    """A set of the characters that match *letter* when the case is ignored: ``[tT]``."""
    return "[" + "".join(re.escape(ch) for ch in sorted(case_variants(letter))) + "]"


def _by_first_letter(units: Sequence[str]) -> str:
    """``(?i:u1|u2|…)`` of *units* as a pattern the engine tries many times faster.

    The names are put in groups by their first letter, each group behind a set of that
    letter's cases: the engine passes over a group on one test of the set where it would
    try each name in turn. Names of one group keep their order, and names of different
    groups never match at one place, so the same name matches as in the plain alternation.
    """
    groups: dict[str, list[str]] = {}
    for unit in units:
        groups.setdefault(unit[0].lower(), []).append(unit)
    return "|".join(
        _case_set(members[0][0]) + "(?i:" + "|".join(re.escape(u[1:]) for u in members) + ")"
        for members in groups.values()
    )


# The alternation of _UNITS_PATTERN in groups by first letter.
_UNITS_GROUPED = _by_first_letter(sorted(COUNTED_THINGS, key=len, reverse=True))

_SP = r"[^\S\r\n]{1,3}"
_OSP = r"[^\S\r\n]{0,3}"
_NUM = r"(?:[0-9]{1,3}(?:\.[0-9]{3}){1,6}|[0-9]{1,15})(?:,[0-9]{1,6})?"
_NUM_START = r"(?<![\w.,/@-])"
_NUM_END = r"(?![\w/@]|[.,][0-9])"
_SCALE = r"(?P<SCALE>nghìn|ngàn|triệu|tỷ|tỉ)"
_PCT = rf"{_OSP}%"
_QUALIFIERS = ("trên", "hơn", "gần", "khoảng", "dưới", "xấp xỉ", "ước", "tối đa", "tối thiểu")

_RATE_LEAD = re.compile(rf"{_OSP},?{_OSP}(?:đạt|chiếm)(?:{_SP}tỷ{_SP}lệ)?{_SP}$", re.IGNORECASE)
_RATE_LEAD_AFTER = re.compile(
    rf"{_OSP},?{_OSP}(?:đạt|chiếm)(?:{_SP}tỷ{_SP}lệ)?{_SP}(?=[0-9])", re.IGNORECASE
)
_BREAKDOWN_LEAD = re.compile(rf"{_OSP}[.,;:]?{_OSP}trong{_SP}đó(?:{_SP}có)?{_OSP}:?",
                             re.IGNORECASE)
_CONSISTS_LEAD = re.compile(
    rf"(?:{_SP}[^\W\d_]{{1,12}}){{0,6}}{_SP}(?:bao{_SP})?gồm{_OSP}:?", re.IGNORECASE
)
_CITATION_TAIL = re.compile(rf"{_SP}(?:của|về){_SP}")
# Words each lead pattern holds, in lower case, that no other character matches when the
# case is ignored ("chiếm" is left out for its "i", which "ı" and "İ" match too): a window
# whose lower case holds none of them cannot match, and most are let go on this test.
_RATE_WORDS = ("đạt", "ếm")
_BREAKDOWN_WORDS = ("trong",)
_CONSISTS_WORDS = ("gồm",)
_LABELLED_PART = re.compile(
    rf"{_OSP}(?P<label>[^\W\d_][\w-]{{0,30}}(?:{_SP}[^\W\d_][\w-]{{0,30}}){{0,4}})"
    rf"{_OSP}:?{_OSP}(?P<num>{_NUM}){_NUM_END}(?P<tail>(?:{_SP}[^\W\d_][\w-]{{0,30}}){{0,3}})"
    rf"{_OSP}$"
)
_UNIT_MENTION = Lazy(lambda: re.compile(
    r"(?<!\w)(?:" + _by_first_letter([u for u in COUNTED_THINGS if u not in _PLACES])
    + r")(?!\w)"
))

# A figure starts at a digit: the tokens are matched only where a run of digits begins, so
# the text between figures costs one scan for digits. Dates, month-years and year ranges are
# matched first so that their digits are not read as figures.
# A run of digits that may start a figure: not after a letter, digit or "_.,/@-" (the
# look-behind comes after the first digit so that the engine's scan for a digit runs first).
_FIGURE_DIGITS = re.compile(r"[0-9](?<![\w.,/@-][0-9])[0-9]*")
_BRACKETS = re.compile(r"[()]")
# What ends or splits a clause: brackets, separators, a line break, a full stop that is not
# inside a number.
# (The set comes first, so that the engine scans for its characters instead of trying the
# pattern at each one.)
_CLAUSE_MARKS = re.compile(r"[();,\n.](?:(?<!\.)|(?![0-9]))")
_TOKENS = Lazy(lambda: re.compile(
    # The number is read once and what follows it decides the kind, in the order ratio,
    # percentage, money, count: no tail follows a number cut short (the next character
    # would be a digit, or a "." or "," and a digit), so reading the number once finds the
    # same figures as reading it again for each kind.
    rf"""
      (?P<skip>
          [0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}(?![\w/])
        | [0-9]{{1,2}}/(?:19|20)[0-9]{{2}}(?![\w/])
        | (?:19|20)[0-9]{{2}}{_OSP}[-–]{_OSP}(?:19|20)[0-9]{{2}}(?!\w)
      )
    | (?P<num>{_NUM})
      (?:
          (?P<ratio>
              (?:{_SP}(?P<rscale>nghìn|ngàn|triệu|tỷ|tỉ)?{_OSP}đồng)?
              {_OSP}/{_OSP}
              (?P<rden>{_NUM}){_NUM_END}(?:{_SP}(?:nghìn|ngàn|triệu|tỷ|tỉ)?{_OSP}đồng)?
          )
        | (?P<percent>{_PCT})
        | {_NUM_END}
          (?:
              (?P<money>{_SP}(?:{_SCALE}{_SP})?(?i:đồng)(?!\w))
            | (?P<count>(?:{_SP}(?P<unit>{_UNITS_GROUPED})(?!\w))?)
          )
      )
    """,
    re.VERBOSE,
))
# Words after which a number is not a figure: years, clauses, levels of service, standards.
_SKIP_WORDS = (
    "năm", rf"giai{_SP}đoạn", "[Đđ]iều", "[Kk]hoản", "điểm", "[Cc]hương", "[Mm]ục", "[Pp]hần",
    rf"cấp{_SP}độ", rf"mức{_SP}độ", "ISO", "TCVN", "[Kk]hóa", rf"lần{_SP}thứ", rf"phiên{_SP}bản",
    "tháng", "[Qq]uý", "[Nn]gày", "kỳ", rf"điện{_SP}thoại",
)
_SKIP_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(_SKIP_WORDS)}){_SP}$")
# The longest text it matches: "điện", three spaces, "thoại" and three spaces. Searching
# from this far before a number finds what searching from further finds (the look-behind
# sees the text before where the search begins).
_SKIP_REACH = 15
# The last two letters of each: what the text before a number the pattern skips ends with,
# once the spaces are taken off. Most numbers are let go on this test alone.
_SKIP_ENDINGS = tuple(word[-2:] for word in _SKIP_WORDS)
# _SKIP_BEFORE of only the words with each ending: the text before a number that ends with
# one is searched for those words alone (one or two, not nineteen).
_SKIP_BY_ENDING = Lazy(lambda: {
    ending: re.compile(
        rf"(?<!\w)(?:{'|'.join(w for w in _SKIP_WORDS if w.endswith(ending))}){_SP}$"
    )
    for ending in _SKIP_ENDINGS
})
_LEVEL_BEFORE = re.compile(
    rf"(?P<level>(?i:cấp){_SP}(?i:tỉnh|huyện|xã))(?:{_SP}là{_SP}|{_OSP}:{_OSP})$"
)
_LEVEL_AFTER = re.compile(rf"{_OSP}(?:[;.,)]|$)")
_QUALIFIER_BEFORE = re.compile(rf"(?<!\w)({'|'.join(_QUALIFIERS)}){_SP}$")
_LINKS = re.compile(r"https?://[^\s<>()]{1,300}")
_MAIL_DOMAIN = re.compile(r"(?<=[\w.+-])@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")


@attrs.frozen
class FactMatch:
    """A figure found in prose: the fact and the exact span it was read from.

    ``text == source[start:end]`` always holds for the text it was extracted from.

    .. versionadded:: 0.2.0
    """

    fact: Fact
    start: int
    end: int
    text: str


_ZERO = Decimal(0)


class _Token:
    """A figure found by the figure pattern (a plain class: the reader makes one per figure)."""

    __slots__ = ("depth", "end", "kind", "qualifier", "scale", "second", "start", "unit",
                 "used", "value")

    def __init__(self, kind: str, start: int, end: int, depth: int, value: Decimal, *,
                 unit: str = "", second: Decimal = _ZERO, scale: MoneyScale = MoneyScale.DONG,
                 qualifier: str = "") -> None:
        self.kind = kind  # "count", "level", "ratio", "percent", "money"
        self.start = start
        self.end = end
        self.depth = depth
        self.value = value
        self.unit = unit
        self.second = second
        self.scale = scale
        self.qualifier = qualifier
        self.used = False


def _number(text: str) -> Decimal:
    """:func:`~cchc_model._base.numbers.parse_number` of a number :data:`_NUM` matched.

    Such a number is ASCII, unsigned, grouped by threes and short, so parse_number reads it
    without fail, as this does in one step.
    """
    whole, _, places = text.partition(",")
    whole = whole.replace(".", "")
    return Decimal(f"{whole}.{places}" if places else whole)


_NEW = object.__new__
_COUNT_SETTERS = slot_setters(CountFact)


def _count_fact(value: int, unit: str, label: str, text: str) -> CountFact:
    """``CountFact(value, unit, label, text)`` of fields the reader made, without the checks.

    The reader gives a whole number it found not negative and strings, what the checks ask
    (see :func:`slot_setters`).
    """
    fact = _NEW(CountFact)
    set_value, set_unit, set_label, set_text = _COUNT_SETTERS
    set_value(fact, value)
    set_unit(fact, unit)
    set_label(fact, label)
    set_text(fact, text)
    return fact


_SCALES = {"nghìn": MoneyScale.THOUSAND, "ngàn": MoneyScale.THOUSAND,
           "triệu": MoneyScale.MILLION, "tỷ": MoneyScale.BILLION, "tỉ": MoneyScale.BILLION}


def _masked(text: str, references: Sequence[ReferenceMatch] | None) -> list[tuple[int, int]]:
    """Spans whose digits are no figures: citations' heads, links and mail domains."""
    if references is None:
        references = extract_references(text, max_length=len(text) + 1)
    spans = []
    for ref in references:
        # Only a citation's head (type, number, symbol, date) is masked: the subject after
        # "về" may run on to the report's own figures ("… về thí điểm … thực hiện 7/7 huyện").
        tail = _citation_tail(ref.text)
        spans.append((ref.start, ref.end if tail is None else ref.start + tail))
    if "://" in text:
        spans += [m.span() for m in _LINKS.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _MAIL_DOMAIN.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _citation_tail(text: str) -> int | None:
    """Where :data:`_CITATION_TAIL` first matches in *text*, or ``None``.

    Its word is at or after the first "của" or "về", its spaces at most three before: the
    search begins there, and not at all without either word. Mostly that word stands
    between two plain spaces with no other space before them, and the tail begins at the
    first of them without a search.
    """
    first, after = text.find("của"), 3
    other = text.find("về", 0, None if first < 0 else first)
    if other >= 0:
        first, after = other, 2
    if first < 0:
        return None
    if (
        first >= 1 and text[first - 1] == " " and text[first + after:first + after + 1] == " "
        and (first == 1 or not text[first - 2].isspace())
    ):
        return first - 1
    tail = _CITATION_TAIL.search(text, max(0, first - 3))
    return None if tail is None else tail.start()


def _lead(
    pattern: re.Pattern[str], words: tuple[str, ...], text: str, at: int, end: int
) -> re.Match[str] | None:
    """``pattern.match(text, at, end)``, tried only if the window holds one of *words*."""
    window = text[at:end].lower()
    for word in words:
        if word in window:
            return pattern.match(text, at, end)
    return None


def _holds_figure_digit(text: str) -> bool:
    """Whether *text* holds a digit ``0``-``9``, where every figure starts.

    Ten vectorised searches for one character cost a fraction of the engine's scan for a
    class, which then runs only on text with a digit.
    """
    for digit in "0123456789":  # noqa: SIM110 - no generator on a hot path
        if digit in text:
            return True
    return False


def _tokens(text: str, references: Sequence[ReferenceMatch] | None) -> list[_Token]:
    """The figures of *text* outside citations and links, each with its bracket depth."""
    if not _holds_figure_digit(text):
        return []
    spans = _masked(text, references)
    starts = [s for s, _ in spans]
    pattern = _TOKENS.get()
    skip_by_ending = _SKIP_BY_ENDING.get()
    tokens: list[_Token] = []
    depth, counted_to, done = 0, 0, 0
    for run in _FIGURE_DIGITS.finditer(text):
        start = run.start()
        if start < done:
            continue
        i = bisect_right(starts, start)
        if i and spans[i - 1][1] > start:
            # A citation's head or a link: none of its digits starts a figure, and the
            # pattern need not be tried there (a third of the runs of a report's prose).
            done = spans[i - 1][1]
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        done = match.end()
        kind = match.lastgroup
        if kind == "skip" or kind is None:
            continue
        i = bisect_left(starts, done)
        if i and spans[i - 1][1] > start:
            continue  # inside a citation or a link
        lead = max(0, start - 24)
        skip = skip_by_ending.get(text[lead:start].rstrip()[-2:])
        if skip is not None and skip.search(text, max(lead, start - _SKIP_REACH), start):
            continue
        segment = text[counted_to:start]
        depth = max(0, depth + segment.count("(") - segment.count(")"))
        counted_to = start
        token = _token(text, match, kind, depth)
        if token is not None:
            tokens.append(token)
    return tokens


def _token(text: str, match: re.Match[str], kind: str, depth: int) -> _Token | None:
    start, end = match.start(), match.end()
    if kind == "ratio":
        numerator, denominator = _number(match.group("num")), _number(match.group("rden"))
        scale = match.group("rscale")
        unit = f"{scale} đồng" if scale else ("đồng" if "đồng" in match.group("ratio") else "")
        return _Token("ratio", start, end, depth, numerator, unit=unit,
                      second=denominator)
    if kind == "percent":
        return _Token("percent", start, end, depth, _number(match.group("num")))
    if kind == "money":
        value = _number(match.group("num"))
        scale = _SCALES.get((match.group("SCALE") or "").lower(), MoneyScale.DONG)
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
        if qualifier is not None:
            return _Token("money", qualifier.start(), end, depth, value, scale=scale,
                          qualifier=qualifier.group(1))
        return _Token("money", start, end, depth, value, scale=scale)
    unit = match.group("unit")
    if unit:
        return _Token("count", start, end, depth, _number(match.group("num")),
                      unit=unit)
    level = _LEVEL_BEFORE.search(text, max(0, start - 40), start)
    if level is not None and _LEVEL_AFTER.match(text, end):
        return _Token("level", level.start(), end, depth, _number(match.group("num")),
                      unit=level.group("level"))
    return None


# --- facts from tokens ---------------------------------------------------------------------

_WINDOW = 400
# What ends the words a count is followed by: the clause's end, or a comma.
_CLAUSE_END_OR_COMMA = re.compile(r"[.;:()\n,]")


def _key(unit: str) -> str:
    return unit.lower()


def _compatible(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return ka == kb or any(ka in family and kb in family for family in _FAMILIES)


def _is_int(value: Decimal) -> bool:
    return value == value.to_integral_value() and value >= 0


def _words_after(text: str, at: int) -> str:
    """The words that follow *at* up to the end of the clause, at most six."""
    limit = min(len(text), at + 120)
    found = _CLAUSE_END_OR_COMMA.search(text, at, limit)
    words = text[at:limit if found is None else found.start()].split()[:6]
    return " ".join(w for w in words if not _has_digit(w))


def _has_digit(word: str) -> bool:
    """Whether *word* holds a digit (``str.isdigit``); a word of letters holds none."""
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def _label_before(text: str, at: int) -> str:
    """``X`` of "X là N" / "X: N" just before *at* (at most six words), or ``""``."""
    before = text[max(0, at - 120):at].rstrip()
    if before.endswith(":"):
        before = before[:-1]
    elif before.endswith(" là"):
        before = before[:-3]
    else:
        return ""
    words: list[str] = []
    for word in reversed(before.split()):
        if "://" in word or "@" in word:
            continue  # a link names where, not what: "qua cổng … https://… là 1.607 hồ sơ"
        if (
            len(words) == 6 or not word[0].isalpha() or _has_digit(word)
            or word.endswith((",", ";", ".", ":", "(", ")")) or "/" in word
        ):
            break
        words.append(word)
    return " ".join(reversed(words))


def _count(text: str, token: _Token, label: str | None = None) -> CountFact | None:
    if not _is_int(token.value):
        return None
    if label is None:
        label = _label_before(text, token.start) or _words_after(text, token.end)
    return _count_fact(int(token.value), token.unit, label, text[token.start:token.end])


class _Reader:
    def __init__(self, text: str, references: Sequence[ReferenceMatch] | None) -> None:
        self.text = text
        self.tokens = _tokens(text, references)
        self.found: list[FactMatch] = []

    def match(self, fact: Fact, start: int, end: int) -> None:
        self.found.append(FactMatch(fact, start, end, self.text[start:end]))

    def run(self) -> list[FactMatch]:
        for i, token in enumerate(self.tokens):
            if token.kind == "ratio":
                self._ratio(i, token)
            elif token.kind == "count":
                self._rate_of_count(i, token)
        for i, token in enumerate(self.tokens):
            if token.kind == "count":
                self._totals(i, token)
        for i, token in enumerate(self.tokens):
            if not token.used:
                self._single(i, token)
        self.found.sort(key=lambda m: (m.start, m.end))
        return self.found

    # rates and ratios

    def _percent_after(self, i: int, at: int) -> _Token | None:
        """The percentage of "…, đạt tỷ lệ P%" beginning at *at*."""
        lead = _lead(_RATE_LEAD_AFTER, _RATE_WORDS, self.text, at,
                     min(len(self.text), at + 40))
        if lead is None or i + 1 >= len(self.tokens):
            return None
        after = self.tokens[i + 1]
        if after.kind == "percent" and after.start == lead.end() and not after.used:
            return after
        return None

    def _ratio(self, i: int, token: _Token) -> None:
        """"7/7 huyện"; "3.878/15.127 (…) chiếm 25,63%" is a rate."""
        text = self.text
        unit, end = token.unit, token.end
        if not unit:
            named = _UNIT_AFTER.get().match(text, end, min(len(text), end + 40))
            if named is not None:
                unit, end = named.group(1), named.end()
        at = end
        if text.startswith((" (", "("), at):
            open_at = text.index("(", at)
            close = _closing(text, open_at, 160)
            following = self.tokens[i + 1].start if i + 1 < len(self.tokens) else len(text)
            if close is not None and following > close:
                at = close + 1
        percent = self._percent_after(i, at)
        token.used = True
        if percent is not None:
            percent.used = True
            self.match(
                RateFact(token.value, token.second, percent.value, unit,
                         _label_before(text, token.start) or _words_after(text, percent.end),
                         text[token.start:percent.end]),
                token.start, percent.end,
            )
            return
        label = _label_before(text, token.start) or _words_after(text, end)
        self.match(RatioFact(token.value, token.second, unit, label, text[token.start:end]),
                   token.start, end)

    def _rate_of_count(self, i: int, token: _Token) -> None:
        percent = self._percent_after(i, token.end)
        if percent is None:
            return
        denominator = None
        for j in range(i - 1, -1, -1):
            other = self.tokens[j]
            if token.start - other.end > _WINDOW:
                break
            if other.kind == "count" and _compatible(other.unit, token.unit) and (
                other.value >= token.value and other.depth <= token.depth
            ):
                denominator = other
                break
        if denominator is None:
            return
        percent.used = token.used = True
        text = self.text
        self.match(
            RateFact(token.value, denominator.value, percent.value, token.unit,
                     _label_before(text, token.start) or _words_after(text, percent.end),
                     text[token.start:percent.end]),
            token.start, percent.end,
        )

    # totals

    def _totals(self, i: int, token: _Token) -> None:
        if not _is_int(token.value):
            return
        text = self.text
        at = token.end
        paren = text.startswith(" (", at) or text.startswith("(", at)
        if paren:
            open_at = text.index("(", at)
            lead = _lead(_BREAKDOWN_LEAD, _BREAKDOWN_WORDS, text, open_at + 1, open_at + 30)
            close = _closing(text, open_at, _WINDOW)
            if close is None:
                return
            if lead is not None:
                self._breakdown(i, token, lead.end(), close, token.depth + 1, bounded=True,
                                end_at=close + 1)
            else:
                self._labelled_parts(token, open_at, close)
            return
        lead = _lead(_BREAKDOWN_LEAD, _BREAKDOWN_WORDS, text, at, at + 30)
        if lead is not None:
            limit = min(len(text), lead.end() + 3 * _WINDOW)
            self._breakdown(i, token, lead.end(), limit, token.depth, bounded=False,
                            end_at=lead.end())
            return
        consists = _lead(_CONSISTS_LEAD, _CONSISTS_WORDS, text, at, at + 120)
        if consists is not None:
            self._consists(i, token, consists.end())
            return
        self._colon_selection(i, token)

    def _parts_in(self, i: int, span: tuple[int, int], depth: int, unit: str,
                  separators: str) -> list[_Token]:
        """The first count of each part of *span*, parts split at *separators* at *depth*."""
        begin, end = span
        text = self.text
        parts: list[_Token] = []
        cuts = _cuts(text, begin, end, separators)
        j = i + 1
        tokens = self.tokens
        for left, right in itertools.pairwise(cuts):
            while j < len(tokens) and tokens[j].start < left:
                j += 1
            k = j
            while k < len(tokens) and tokens[k].start < right:
                candidate = tokens[k]
                if candidate.depth == depth and candidate.kind == "count" and _compatible(
                    candidate.unit, unit
                ) and _is_int(candidate.value):
                    parts.append(candidate)
                    break
                k += 1
        return parts

    def _breakdown(self, i: int, token: _Token, begin: int, end: int, depth: int, *,
                   bounded: bool, end_at: int) -> None:
        parts = self._parts_in(i, (begin, end), depth, token.unit, ";")
        if not parts:
            return
        total = token.value
        complete = False
        chosen: list[_Token] = []
        running = Decimal(0)
        for part in parts:
            running += part.value
            chosen.append(part)
            if running == total and len(chosen) > 1:
                complete = True
                break
        if not complete:
            if bounded and sum(p.value for p in parts) == total and len(parts) > 1:
                chosen, complete = parts, True
            elif bounded:
                chosen = parts
            else:
                chosen, running = [], Decimal(0)
                for part in parts:
                    if running + part.value > total:
                        break
                    running += part.value
                    chosen.append(part)
                if not chosen:
                    return
        self._total(token, chosen, complete, token.start, end_at)

    def _labelled_parts(self, token: _Token, open_at: int, close: int) -> None:
        """"486 hồ sơ (trước hạn 430; đúng hạn 55)": every part a label and a number."""
        text = self.text
        inner = text[open_at + 1:close]
        pieces = inner.split(";") if ";" in inner else inner.split(",")
        if len(pieces) < 2:
            return
        parts: list[CountFact] = []
        offset = open_at + 1
        for piece in pieces:
            match = _LABELLED_PART.fullmatch(piece)
            if match is None:
                return
            tail = match.group("tail").strip()
            if tail and not _compatible(tail, token.unit):
                return
            value = _number(match.group("num"))
            if not _is_int(value):
                return
            start = offset + match.start("label")
            stop = offset + (match.end("tail") if tail else match.end("num"))
            parts.append(_count_fact(int(value), token.unit, match.group("label"),
                                     text[start:stop]))
            offset += len(piece) + 1
        for other in self.tokens:
            if open_at < other.start < close:
                other.used = True
        self._emit_total(token, tuple(parts), True, token.start, close + 1)

    def _consists(self, i: int, token: _Token, begin: int) -> None:
        """"15 đơn khiếu nại gồm: 5 đơn …, 2 đơn …, 8 đơn …": a complete breakdown."""
        text = self.text
        end = min(len(text), begin + _WINDOW)
        depth = 0
        for mark in _CLAUSE_MARKS.finditer(text, begin, end):
            ch = mark.group()
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    end = mark.start()
                    break
                depth -= 1
            elif depth == 0 and ch != ",":
                end = mark.start()
                break
        parts = self._parts_in(i, (begin, end), token.depth, token.unit, ",")
        if len(parts) < 2:
            return
        self._total(token, parts, True, token.start, begin)

    def _colon_selection(self, i: int, token: _Token) -> None:
        """"4.282 quyết định … và trả kết quả qua cổng …: 942 quyết định"."""
        if i + 1 >= len(self.tokens):
            return
        part = self.tokens[i + 1]
        text = self.text
        between = text[token.end:part.start]
        if (
            part.kind != "count" or part.depth != token.depth or len(between) > 150
            or not between.rstrip().endswith(":")
            or any(ch in between.rstrip()[:-1] for ch in ";.()\n:")
            or _key(part.unit) != _key(token.unit) or not _is_int(part.value)
        ):
            return
        self._total(token, [part], False, token.start, part.end)

    def _total(self, token: _Token, parts: Sequence[_Token], complete: bool, start: int,
               end: int) -> None:
        counts = []
        for part in parts:
            fact = _count(self.text, part)
            if fact is None:
                return
            counts.append(fact)
        for part in parts:
            part.used = True
        self._emit_total(token, tuple(counts), complete, start, end)

    def _emit_total(self, token: _Token, parts: tuple[CountFact, ...], complete: bool,
                    start: int, end: int) -> None:
        total = _count(self.text, token)
        if total is None:
            return
        token.used = True
        self.match(TotalFact(total, parts, complete, total.label, self.text[start:end]),
                   start, end)

    # single figures

    def _single(self, i: int, token: _Token) -> None:
        text = self.text
        fact: Fact | None = None
        start, end = token.start, token.end
        if token.kind == "count":
            fact = _count(text, token)
        elif token.kind == "level":
            unit = _inherited_unit(text, token.start)
            if unit and _is_int(token.value):
                fact = _count_fact(int(token.value), unit, token.unit, text[start:end])
        elif token.kind == "percent":
            lead = _RATE_LEAD.search(text, max(0, start - 30), start)
            if lead is not None:
                start = lead.start() + len(lead.group()) - len(lead.group().lstrip(" ,"))
            fact = PercentFact(token.value, _words_after(text, token.end),
                               text[start:end])
        elif token.kind == "money":
            fact = MoneyFact(token.value, token.scale, token.qualifier,
                             _label_before(text, token.start) or _words_after(text, end),
                             text[start:end])
        if fact is not None:
            token.used = True
            self.match(fact, start, end)


def _closing(text: str, open_at: int, limit: int) -> int | None:
    """The bracket that closes the one at *open_at*, within *limit* characters."""
    depth = 0
    for mark in _BRACKETS.finditer(text, open_at, min(len(text), open_at + limit)):
        depth += 1 if mark.group() == "(" else -1
        if depth == 0:
            return mark.start()
    return None


def _cuts(text: str, begin: int, end: int, separators: str) -> list[int]:
    """*begin*, the separators at the starting depth, and where the run ends."""
    cuts = [begin]
    level = 0
    for mark in _CLAUSE_MARKS.finditer(text, begin, end):
        ch, at = mark.group(), mark.start()
        if ch == "(":
            level += 1
        elif ch == ")":
            level -= 1
            if level < 0:
                cuts.append(at)
                return cuts
        elif level == 0 and ch in separators:
            cuts.append(at + 1)
        elif level == 0 and ch == "\n":
            cuts.append(at)
            return cuts
    cuts.append(end)
    return cuts


def _first_unit(text: str, at: int) -> str:
    """The counted thing written right after *at* (``"huyện, thành phố"``), or ``""``."""
    match = _UNIT_AFTER.get().match(text, at, min(len(text), at + 40))
    return match.group(1) if match else ""


_UNIT_AFTER = Lazy(lambda: re.compile(
    rf"{_SP}({_UNITS_GROUPED})(?!\w)"
))


def _inherited_unit(text: str, at: int) -> str:
    """The counted thing named last before *at* in its sentence, or ``""``.

    In "số lượng TTHC …: cấp tỉnh là 103" the 103 counts TTHC.
    """
    begin = max(0, at - 300)
    window = text[begin:at]
    stop = max(window.rfind(". "), window.rfind("\n"))
    if stop >= 0:
        window = window[stop + 1:]
    last = ""
    for match in _UNIT_MENTION.get().finditer(window):
        last = match.group()
    return last


def facts_of(text: str, references: Sequence[ReferenceMatch]) -> list[FactMatch]:
    """:func:`extract_facts` for a text whose citations are already found."""
    return _Reader(text, references).run()


def extract_facts(text: str, *, max_length: int = MAX_FACT_TEXT_LENGTH) -> list[FactMatch]:
    """Every figure stated in *text*, in order, with its exact span.

    See the module for the forms read. Numbers of citations, dates, years, clauses and links
    are not figures; a number with no counted thing and in none of the forms is left out.
    Text longer than *max_length* characters is refused at once with
    :class:`~cchc_model.InputError`.

    .. versionadded:: 0.2.0

    >>> text = "Đã giải quyết 486 hồ sơ (trước hạn 430; đúng hạn 55) và 7/7 huyện."
    >>> for m in extract_facts(text):
    ...     print(type(m.fact).__name__, m.text)
    TotalFact 486 hồ sơ (trước hạn 430; đúng hạn 55)
    RatioFact 7/7 huyện
    >>> total = extract_facts(text)[0].fact
    >>> total.total.value, [p.value for p in total.parts], total.complete
    (486, [430, 55], True)
    >>> m = extract_facts("chi trả 3.878/15.127 đối tượng, chiếm 25,63%")[0]
    >>> m.fact.numerator, m.fact.denominator, m.fact.stated
    (Decimal('3878'), Decimal('15127'), Decimal('25.63'))
    >>> [m.text for m in extract_facts("Kế hoạch số 420/KH-UBND ngày 28/02/2023 năm 2023")]
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_facts() takes a str, not {type(text).__name__}")
    if len(text) > max_length:
        raise InputError(
            f"văn bản quá dài để tìm số liệu: {len(text)} ký tự, tối đa {max_length} "
            f"(text too long to scan for figures: {len(text)} characters, at most {max_length})"
        )
    return _Reader(text, None).run()
