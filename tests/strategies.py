"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations

from hypothesis import strategies as st

from cchc_model import (
    Appendix,
    IndicatorDef,
    IndicatorValue,
    Ratio,
    ValueKind,
    catalogue_2023,
)
from cchc_model._catalogue import format_value, parse_value

# --- appendix ---

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_WORD = st.text(alphabet=_LETTERS + _LETTERS.upper()[:20] + "0123456789", min_size=1, max_size=8)

#: Words that read back as themselves wherever they are written: one space between words, no
#: markup, no tabs or pipes, no leading or trailing space.
plain_text = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
#: Text that no number parser reads as a number: it starts with a letter.
word_text = st.builds(lambda head, rest: f"{head} {rest}", st.sampled_from(
    ["chưa có", "đang cập nhật", "Huyện thực hiện", "không rõ", "xem ghi chú"]), plain_text)

counts = st.integers(min_value=0, max_value=10**9)
percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False,
                       allow_infinity=False)
ratios = st.builds(Ratio, st.integers(0, 10_000), st.integers(1, 10_000))


def typed_values(definition: IndicatorDef) -> st.SearchStrategy[object]:
    """Values that fit *definition*."""
    kind = definition.kind
    if kind is ValueKind.COUNT:
        return counts
    if kind is ValueKind.PERCENT:
        return percents
    if kind is ValueKind.RATIO:
        return st.one_of(ratios, counts)
    if kind is ValueKind.CODED:
        assert definition.scale is not None
        return st.sampled_from(definition.scale.codes)
    return st.none()


def misfit_values(definition: IndicatorDef) -> st.SearchStrategy[object]:
    """Values that do not fit *definition*, as a careless report writes them."""
    return st.one_of(
        word_text,
        st.integers(min_value=-10**6, max_value=-1),
        st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False,
                    allow_infinity=False).filter(lambda d: d != d.to_integral_value()),
        st.integers(min_value=101, max_value=10**6),
    )


@st.composite
def raw_cells(draw: st.DrawFn, definition: IndicatorDef) -> str:
    """The value cell of *definition* as some report writes it."""
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return ""
    if choice == 1 and definition.kind is not ValueKind.HEADING:
        value = draw(misfit_values(definition))
        return format_value(value, definition.kind)  # type: ignore[arg-type]
    if choice == 2 and definition.kind is ValueKind.COUNT:
        return f"{draw(counts):02d}"  # leading zeros, as in ``00``, ``02``
    if choice == 3 and definition.kind is ValueKind.PERCENT:
        return format_value(draw(percents), ValueKind.COUNT)  # ``100`` without ``%``
    value = draw(typed_values(definition))
    return format_value(value, definition.kind)  # type: ignore[arg-type]


@st.composite
def catalogue_rows(draw: st.DrawFn, definition: IndicatorDef) -> IndicatorValue:
    """A row of *definition*, its value being what its raw text says."""
    raw = draw(raw_cells(definition))
    template = definition.row()
    return IndicatorValue(
        definition.code, definition.parse(raw), raw=raw,
        note=draw(st.one_of(st.just(""), plain_text)), label=template.label,
        unit=template.unit, stt=template.stt,
    )


@st.composite
def extra_rows(draw: st.DrawFn) -> IndicatorValue:
    """A row that matches no indicator of the 2023 form."""
    stt = draw(st.one_of(st.just(""), st.integers(8, 99).map(lambda n: f"{n}.1.")))
    raw = draw(st.one_of(st.just(""), counts.map(lambda n: format_value(n, ValueKind.COUNT)),
                         word_text))
    return IndicatorValue(
        stt.rstrip("."), parse_value(raw, ValueKind.HEADING), raw=raw,
        label=f"Chỉ tiêu riêng {draw(plain_text)}", unit=draw(st.one_of(st.just(""), plain_text)),
        stt=stt,
    )


@st.composite
def appendices(draw: st.DrawFn, *, max_rows: int = 30) -> Appendix:
    """Appendices of the 2023 form as a reader finds them: rows in form order, extras last."""
    catalogue = catalogue_2023()
    codes = draw(st.lists(st.sampled_from(list(catalogue)), unique=True, max_size=max_rows))
    codes.sort(key=catalogue.position)
    rows = tuple(draw(catalogue_rows(catalogue[code])) for code in codes)
    extra = tuple(draw(st.lists(extra_rows(), max_size=3)))
    title = draw(st.one_of(st.just(""), plain_text.map(lambda t: f"PHỤ LỤC {t}")))
    return Appendix(rows, title=title, extra=extra)
