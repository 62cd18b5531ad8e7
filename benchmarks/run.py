"""Benchmarks of cchc_model against the parse limit and its peers, as ratios in one run.

    python benchmarks/run.py            # full run, writes benchmarks/RESULTS.md
    python benchmarks/run.py --smoke    # tiny sizes, no file written (CI keeps it from rotting)
    python benchmarks/run.py --only load   # the load rows only, printed, no file written
    python benchmarks/run.py --only validate   # validate against one load, and each rule's time
    python benchmarks/run.py --only folders    # `cchc validate DIR`, `consolidate DIR`: -j 1, all

Every figure is the median of repeated timings, and every target is a ratio of two timings
taken side by side in the same run, so a busy shared machine slows both sides alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import types
from collections.abc import Callable
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs

HERE = Path(__file__).resolve().parent
PYCACHE = Path(tempfile.gettempdir()) / "cchc_model_benchmarks_pycache"


def median_seconds(fn: Callable[[], object], *, number: int, repeat: int) -> float:
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number


def _fresh_python(code: str, *, importtime: bool) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter running *code*, with bytecode cached as an installed package has.

    ``PYTHONDONTWRITEBYTECODE`` would make every run compile this library from source while
    attrs, cattrs and babel load their cached bytecode; a private cache directory for every
    module keeps the two sides alike and the source tree clean.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    flags = ["-X", f"pycache_prefix={PYCACHE}"] + (["-X", "importtime"] if importtime else [])
    return subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True, env=env
    )


def import_time(statement: str, repeat: int) -> float:
    """Median import time in a fresh interpreter running *statement* (``-X importtime``)."""
    _fresh_python(statement, importtime=False)  # writes the bytecode cache
    times = []
    for _ in range(repeat):
        total = 0
        for line in _fresh_python(statement, importtime=True).stderr.splitlines():
            # "import time: self [us] | cumulative | imported package"; top-level lines only.
            parts = line.split("|")
            if len(parts) == 3 and not parts[2].startswith("  ") and parts[1].strip().isdigit():
                total += int(parts[1])
        times.append(total / 1e6)
    return statistics.median(times)


def wall_time(code: str, repeat: int) -> float:
    """Median wall time of a fresh interpreter running *code*, bytecode cached."""
    _fresh_python(code, importtime=False)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        _fresh_python(code, importtime=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pydantic_twin(root: type) -> Any:
    """A pydantic v2 model with the schema of an attrs class, generated field by field.

    Nested attrs classes become forward references, resolved once every model exists, so
    recursive classes (a section holds sections) work.
    """
    import pydantic  # noqa: PLC0415 - a benchmark-only dependency

    from cchc_model._io.serialization import _FACT_TAGS  # noqa: PLC0415
    from cchc_model._model.facts import Fact  # noqa: PLC0415
    from cchc_model._values.kinds import Ratio, Value  # noqa: PLC0415

    decimal_box = pydantic.create_model(
        "PydDecimal", __config__=pydantic.ConfigDict(extra="forbid"), decimal=(Decimal, ...)
    )
    models: dict[str, Any] = {}
    pending: list[type] = [root]

    def convert(tp: Any) -> Any:
        if tp == Value:
            return Union[None, int, str, convert(Ratio), decimal_box]  # noqa: UP007
        if tp == Fact:
            union = Union[tuple(convert(arg) for arg in get_args(Fact))]  # noqa: UP007
            return Annotated[union, pydantic.Field(discriminator="type")]
        origin = get_origin(tp)
        if origin is tuple:
            return tuple[convert(get_args(tp)[0]), ...]  # type: ignore[misc]
        if origin is Union or isinstance(tp, types.UnionType):
            return Union[tuple(convert(arg) for arg in get_args(tp))]  # noqa: UP007
        if isinstance(tp, type) and attrs.has(tp):
            pending.append(tp)
            return f"Pyd{tp.__name__}"
        return tp

    while pending:
        cls = pending.pop()
        if f"Pyd{cls.__name__}" in models:
            continue
        hints = get_type_hints(cls)
        fields: dict[str, Any] = {}
        if cls in _FACT_TAGS:
            fields["type"] = (Literal[_FACT_TAGS[cls]], _FACT_TAGS[cls])
        for field in attrs.fields(cls):
            if field.init:
                default = ... if field.default is attrs.NOTHING else field.default
                fields[field.name] = (convert(hints[field.name]), default)
        models[f"Pyd{cls.__name__}"] = pydantic.create_model(
            f"Pyd{cls.__name__}", __config__=pydantic.ConfigDict(extra="forbid"), **fields
        )
    for model in models.values():
        model.model_rebuild(_types_namespace=models)
    return models[f"Pyd{root.__name__}"]


def msgspec_twin(root: type) -> Any:
    """A msgspec Struct with the schema of an attrs class, generated field by field.

    msgspec cannot tell apart untagged unions of objects, so an appendix value (a ratio or
    a ``{"decimal": …}`` box beside ints and strings) is typed as any JSON value there: the
    twin checks a little less than the library does.
    """
    import msgspec  # noqa: PLC0415 - a benchmark-only dependency

    from cchc_model._io.serialization import _FACT_TAGS  # noqa: PLC0415
    from cchc_model._model.facts import Fact  # noqa: PLC0415
    from cchc_model._values.kinds import Value  # noqa: PLC0415

    structs: dict[type, Any] = {}
    namespace = types.ModuleType("cchc_msgspec_twin")
    namespace.Any = Any  # type: ignore[attr-defined]
    sys.modules[namespace.__name__] = namespace

    def convert(tp: Any) -> Any:
        if tp == Value:
            return Any
        if tp == Fact:
            return Union[tuple(convert(arg) for arg in get_args(Fact))]  # noqa: UP007
        origin = get_origin(tp)
        if origin is tuple:
            return tuple[convert(get_args(tp)[0]), ...]  # type: ignore[misc]
        if origin is Union or isinstance(tp, types.UnionType):
            return Union[tuple(convert(arg) for arg in get_args(tp))]  # noqa: UP007
        if isinstance(tp, type) and attrs.has(tp):
            # A class still being built (a section holds sections) by the name msgspec
            # resolves in the twin's module.
            return f"Msg{tp.__name__}" if structs.get(tp, 0) is None else struct(tp)
        return tp

    def struct(cls: type) -> Any:
        if cls not in structs:
            structs[cls] = None  # a placeholder while the fields are converted
            hints = get_type_hints(cls)
            fields = []
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                if field.default is attrs.NOTHING:
                    fields.append((field.name, convert(hints[field.name])))
                else:
                    fields.append((field.name, convert(hints[field.name]), field.default))
            tagged = {"tag_field": "type", "tag": _FACT_TAGS[cls]} if cls in _FACT_TAGS else {}
            structs[cls] = msgspec.defstruct(
                f"Msg{cls.__name__}", fields, forbid_unknown_fields=True, module=namespace.__name__,
                **tagged,
            )
            setattr(namespace, f"Msg{cls.__name__}", structs[cls])
        return structs[cls]

    return struct(root)


def unit_tables(count: int) -> list[str]:
    """*count* appendix tables as units write them: the reference rows, counts varied."""
    from cchc_model import Appendix, ValueKind, write_appendix  # noqa: PLC0415
    from cchc_model.examples import reference_appendix  # noqa: PLC0415

    reference = reference_appendix()
    form = reference.catalogue
    tables = []
    for unit in range(count):
        rows = tuple(
            attrs.evolve(row, value=row.value + unit, raw="")
            if type(row.value) is int and form[row.code].kind is ValueKind.COUNT else row
            for row in reference.rows
        )
        tables.append(write_appendix(Appendix(rows, reference.title, reference.form)))
    return tables


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, write nothing")
    parser.add_argument("--rounds", type=int, default=1, metavar="N",
                        help="rounds of each folder command (the folder rows give medians)")
    parser.add_argument("--only", choices=("load", "validate", "folders"),
                        help="run only these rows and print them; write nothing")
    args = parser.parse_args()
    number, repeat = (5, 3) if args.smoke else (200, 9)

    # Imported here so that the import-time benchmark's subprocesses start clean.
    import orjson  # noqa: PLC0415

    from cchc_model import dumps, load, validate  # noqa: PLC0415
    from cchc_model.examples import reference_report, reference_report_json  # noqa: PLC0415

    text = reference_report_json()
    data = text.encode("utf-8")
    report = reference_report()
    rows: list[tuple[str, str, float, float, str]] = []

    def compare(name: str, ours: Callable[[], object], theirs: Callable[[], object],
                against: str, target: str, *, alternate: bool = False) -> None:
        if alternate:  # in turn, so that a busy machine's slow spells fall on both sides
            t_ours, t_theirs = alternating_medians(
                ours, theirs, number=max(1, number // 10), repeat=repeat * 10
            )
        else:
            t_ours = median_seconds(ours, number=number, repeat=repeat)
            t_theirs = median_seconds(theirs, number=number, repeat=repeat)
        rows.append((name, against, t_ours, t_theirs, target))

    if args.only == "folders":
        memory = folder_rows(rows, smoke=args.smoke, rounds=args.rounds)
        print(_table(rows)[0] + "\n\n" + "\n".join(memory))
        return 0
    if args.only == "validate":
        compare_validate(rows, report, data, load, validate, number=number, repeat=repeat)
        print(_table(rows)[0] + "\n\n" + rule_times(report))
        return 0
    document = json.loads(data)
    compare("load reference report (JSON bytes → Report)", lambda: load(data),
            lambda: orjson.loads(data), "orjson.loads (parse limit)", "≤ 3×", alternate=True)
    compare("load reference report", lambda: load(data), lambda: json.loads(data),
            "json.loads", "", alternate=True)
    # The twins read the same document, laid out the same way, without schema_version.
    body = {key: value for key, value in document.items() if key != "schema_version"}
    payload = json.dumps(body, ensure_ascii=False, indent=2).encode()
    try:
        twin = pydantic_twin(type(report))
        twin_report = twin.model_validate_json(payload)
        compare("load reference report", lambda: load(data),
                lambda: twin.model_validate_json(payload), "pydantic v2 twin", "≤ 1.0×",
                alternate=True)
    except Exception as error:  # noqa: BLE001 - a twin that cannot be built is reported
        first_line = str(error).splitlines()[0]
        rows.append(("load reference report", f"pydantic v2 twin: {first_line}", 0, 0, "≤ 1.0×"))
        twin_report = None
    import msgspec  # noqa: PLC0415

    decoder = msgspec.json.Decoder(msgspec_twin(type(report)))
    msg_report = decoder.decode(payload)
    compare("load reference report", lambda: load(data), lambda: decoder.decode(payload),
            "msgspec twin (for reference)", "", alternate=True)
    if args.only == "load":
        print(_table(rows)[0])
        return 0
    compare("dumps reference report", lambda: dumps(report),
            lambda: orjson.dumps(document, option=orjson.OPT_INDENT_2),
            "orjson.dumps of the same dicts, indented", "")
    if twin_report is not None:
        compare("dumps reference report", lambda: dumps(report),
                lambda: twin_report.model_dump_json(indent=2), "pydantic v2 twin", "")
    encoder = msgspec.json.Encoder()
    compare("dumps reference report", lambda: dumps(report),
            lambda: msgspec.json.format(encoder.encode(msg_report), indent=2),
            "msgspec twin (for reference)", "")
    compare_validate(rows, report, data, load, validate, number=number, repeat=repeat)

    from cchc_model import extract_references, read_appendix  # noqa: PLC0415

    size = 20_000 if args.smoke else 1_000_000
    prose = "\n".join(p.text for _, p in report.paragraphs())
    prose = (prose * (size // len(prose) + 1))[:size]
    adversarial = ("Kế hoạch số 1/" * (size // 14 + 1))[:size]
    scan_number = 1 if args.smoke else 3
    t_prose = median_seconds(lambda: extract_references(prose), number=scan_number, repeat=3)
    t_adv = median_seconds(lambda: extract_references(adversarial), number=scan_number, repeat=3)
    rows.append((f"extract_references, {size:,} chars of adversarial text",
                 "the same size of report prose", t_adv, t_prose, "≤ 3×"))
    rows.append(((f"extract_references, {size:,} chars of report prose "
                  f"({len(prose.encode()) / t_prose / 1e6:.1f} MB/s)"),
                 "—", t_prose, 0, "≥ 5 MB/s"))
    source = HERE.parent / "tests" / "data" / "reference_report.txt"
    table_text = source.read_text(encoding="utf-8")
    compare("read_appendix (the whole reference report's text)",
            lambda: read_appendix(table_text),
            lambda: load(data), "one load of the whole report", "")

    import io  # noqa: PLC0415

    import docx  # noqa: PLC0415

    from cchc_model import render_docx  # noqa: PLC0415
    from cchc_model._io.docx_report import read_docx  # noqa: PLC0415

    # The reference report as Word lays it out: 17 pages, the appendix table of 121 rows.
    word = render_docx(report)

    def walk_docx() -> int:
        opened = docx.Document(io.BytesIO(word))
        seen = sum(len(p.text) for p in opened.paragraphs)
        for table in opened.tables:
            for row in table.rows:
                seen += sum(len(cell.text) for cell in row.cells)
        return seen

    word_number = 1 if args.smoke else 5
    t_word = median_seconds(lambda: read_docx(word), number=word_number, repeat=3)
    t_walk = median_seconds(walk_docx, number=word_number, repeat=3)
    rows.append(("read_docx, the reference report rendered to Word (17 pages)",
                 "python-docx: open, walk every paragraph and table cell", t_word, t_walk,
                 "≤ 2×"))

    from cchc_model import extract_facts, read_report  # noqa: PLC0415

    report_bytes = table_text.encode("utf-8")
    text_number, text_repeat = (1, 3) if args.smoke else (5, 7)
    # Timed in turn: the ratio is a target, and a busy spell on one side only swings it.
    t_report, t_table = alternating_medians(
        lambda: read_report(report_bytes, format="txt"), lambda: read_appendix(table_text),
        number=text_number, repeat=3 * text_repeat,
    )
    rows.append(("read_report (the reference report's text)",
                 "read_appendix of the same text", t_report, t_table, "≤ 3×"))
    t_refs = median_seconds(
        lambda: [extract_references(p.text) for _, p in report.paragraphs()],
        number=text_number, repeat=text_repeat)
    rows.append(("  of which extract_references of its paragraphs",
                 "read_appendix of the same text", t_refs, t_table, ""))
    from cchc_model._model.fact_grammar import facts_of  # noqa: PLC0415

    found = [(p.text, extract_references(p.text)) for _, p in report.paragraphs()]
    t_facts = median_seconds(lambda: [facts_of(text, refs) for text, refs in found],
                             number=text_number, repeat=text_repeat)
    rows.append(("  of which extract_facts of its paragraphs (citations given)",
                 "read_appendix of the same text", t_facts, t_table, ""))
    # Adversarial figures: brackets, "Trong đó" and "gồm" lists that never close. Reading
    # twice the text costs twice the time: the grammar is linear.
    fact_size = 10_000 if args.smoke else 200_000
    nasty = ("1 hồ sơ (trong đó: 2 hồ sơ; " + "3 hồ sơ gồm: 4 hồ sơ, " + "cấp tỉnh là 5; ")
    nasty = (nasty * (2 * fact_size // len(nasty) + 1))
    t_half = median_seconds(lambda: extract_facts(nasty[:fact_size]), number=1, repeat=3)
    t_whole = median_seconds(lambda: extract_facts(nasty[:2 * fact_size]), number=1, repeat=3)
    rows.append((f"extract_facts, {2 * fact_size:,} chars of adversarial text",
                 f"{fact_size:,} chars of it", t_whole, t_half, "≤ 2.5×"))

    units = 20 if args.smoke else 10_000
    tables = unit_tables(units)
    start = time.perf_counter()
    for table in tables:
        validate(read_appendix(table))
    t_units = time.perf_counter() - start
    rows.append((f"read_appendix + validate, {units:,} generated unit appendices (TSV)",
                 "—", t_units, 0, "seconds, not minutes"))
    memory_lines = consolidation_rows(rows, tables)
    del tables
    memory_lines += folder_rows(rows, smoke=args.smoke, rounds=args.rounds)

    runs = 3 if args.smoke else 15
    t_cli = wall_time("from cchc_model._cli import main; main(['validate', '--example'])", runs)
    t_bare = wall_time("pass", runs)
    rows.append(("cold `cchc validate --example` (fresh interpreter, wall time)",
                 "python -c pass", t_cli, t_bare, ""))

    t_ours = import_time("import cchc_model", 3 if args.smoke else 15)
    t_base = import_time("import attrs, cattrs, babel", 3 if args.smoke else 15)
    rows.append(("import cchc_model", "import attrs, cattrs, babel", t_ours, t_base, "≤ 1.5×"))

    table, unmet = _table(rows)
    table += "\n\n" + "\n".join(memory_lines)
    print(table)
    if args.smoke:
        return 0
    import cchc_model  # noqa: PLC0415

    versions = f"cchc_model {cchc_model.__version__}, " + ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("attrs", "cattrs", "babel", "pint", "orjson", "pydantic", "msgspec")
    )
    notes = []
    if any(name.startswith("load") for name in unmet):
        notes.append("### What load spends its time on\n\n" + WHY["load"] + "\n\n"
                     + profile_excerpt(lambda: load(data), 200))
    if any(name.startswith("validate") for name in unmet):
        notes.append("### What validate spends its time on\n\n" + WHY["validate"] + "\n\n"
                     + rule_times(report) + "\n\n"
                     + profile_excerpt(lambda: validate(attrs.evolve(report)), 200))
    if any(name.startswith(("read_report", "extract_references")) for name in unmet):
        notes.append("### What reading a report spends its time on\n\n" + WHY["reader"])
    if any(name.startswith("read_appendix + validate") for name in unmet):
        notes.append("### Reading and validating many units\n\n" + WHY["units"])
    if any(name.startswith("`cchc") for name in unmet):
        notes.append("### Folders on every core\n\n" + WHY["folders"])
    if any(name.startswith("import") for name in unmet):
        notes.append("### What import cchc_model spends its time on\n\n" + WHY["import"]
                     + "\n\n" + import_excerpt())
    (HERE / "RESULTS.md").write_text(
        "# Benchmark results\n\n"
        f"Run on {dt.date.today().isoformat()} with `python benchmarks/run.py`: "
        f"{platform.machine()}, {platform.processor() or 'unknown CPU'}, "
        f"Python {platform.python_version()}; {versions}. Medians of {repeat} repeats "
        f"of {number} calls; ratios are of timings taken side by side in this run.\n\n"
        f"{table}\n\n{HOW}\n\nReference report: {len(data):,} bytes of JSON.\n"
        + ("\n## Targets not met\n\n" + "\n\n".join(notes) + "\n" if notes else ""),
        encoding="utf-8",
    )
    return 0


def alternating_medians(ours: Callable[[], object], theirs: Callable[[], object], *,
                        number: int, repeat: int) -> tuple[float, float]:
    """Median time of one call of each, the two timed in turn so that a busy machine's
    slow spells fall on both sides alike."""
    mine, other = [], []
    for _ in range(repeat):
        mine.append(timeit.timeit(ours, number=number) / number)
        other.append(timeit.timeit(theirs, number=number) / number)
    return statistics.median(mine), statistics.median(other)


def compare_validate(rows: list[tuple[str, str, float, float, str]], report: Any, data: bytes,
                     load: Callable[[bytes], object], validate: Callable[[Any], object], *,
                     number: int, repeat: int) -> None:
    """The validate row: a fresh validation of the reference report against one load."""
    # A new (equal) report each time, so no cache of an earlier run helps.
    t_validate, t_load = alternating_medians(
        lambda: validate(attrs.evolve(report)), lambda: load(data),
        number=max(1, number // 10), repeat=repeat * 10,
    )
    rows.append(("validate reference report", "one load", t_validate, t_load, "< 1×"))
    # What `cchc validate DIR` over unit tables pays per file: an appendix on its own.
    t_appendix, t_load = alternating_medians(
        lambda: validate(attrs.evolve(report.appendix)), lambda: load(data),
        number=max(1, number // 10), repeat=repeat * 10,
    )
    rows.append(("  validate its appendix on its own", "one load", t_appendix, t_load, ""))


def _table(rows: list[tuple[str, str, float, float, str]]) -> tuple[str, list[str]]:
    """The Markdown table of *rows*, and the names of the rows whose target is not met."""
    lines = [
        "| what | against | ours | theirs | ratio | target | met |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    unmet = []
    for name, against, ours, theirs, target in rows:
        ratio = f"{ours / theirs:.2f}×" if theirs else "—"
        met = target_met(target, ours, theirs, name)
        if met is False:
            unmet.append(name)
        shown = {True: "yes", False: "**no**", None: ""}[met]
        lines.append(f"| {name} | {against} | {ours * 1e6:,.0f} µs | {theirs * 1e6:,.0f} µs "
                     f"| {ratio} | {target} | {shown} |")
    return "\n".join(lines), unmet


HOW = """How to read this: *ours* and *theirs* are the median time of one call; a ratio is
ours / theirs. `load` reads bytes with orjson when it is installed (it is here) and builds the
report through generated structure functions; the twins read the same document, laid out the
same way, without `schema_version` (the msgspec twin types an appendix value as any JSON
value, so it checks a little less). `validate` runs on a new, equal report each call, so no
cache of an earlier call helps. Import times are summed from `-X importtime` in fresh
interpreters, with bytecode cached for every module alike (as an installed package has it)."""


# What stood in the way when these targets were last missed; the profiles below each note
# are taken in the run that wrote the file, so the note can be checked against them.
WHY = {
    "load": """A third of `load` is `orjson.loads` itself (the parse limit). The strict
reading adds one `orjson.dumps` of the parsed document, compared with the input, which is
how a key given twice is refused on the fast path: a sixth to an eighth of `orjson.loads`
(some 100–150 µs), most of it encoding the freshly parsed strings to UTF-8 again. A
cheaper test that refuses exactly the same documents needs to count the keys of the text,
and any scan of the bytes from Python (`bytes.count` of one character) costs half the
re-dump already. The rest is the generated
code building some 400 objects: an object with every field is read by one lookup per key,
rows and citations are written out inline, instances filled through their slots'
descriptors, whose calls (about 65 ns a field) are now the largest single cost; Python has
no cheaper way to fill a frozen slotted instance. Taking the slots away does not help on
Python 3.11: with the hot classes (rows, paragraphs, sections, facts) dict-backed and the
parsed objects kept as their `__dict__`, building was 2–4 % faster and `load` within the
noise, since `object.__new__` plus setting `__dict__` costs about as much as the calls it
saves, and a loaded report took 18 % more memory; reading all fields with one
`operator.itemgetter` call, or `type(x)` in place of `x.__class__`, gained nothing either.
The value checks that still run (validators) are some 7 % of the building: not where the
gap is either. pydantic-core parses and validates in one pass in Rust without building
dicts first; matching it would take a decoder of that kind (msgspec's, say) or a
duplicate-key check inside the parser that costs less than the re-dump: jiter's
(`catch_duplicate_keys=True`) was measured at 1,850 µs against 1,300 µs for
`orjson.loads` and the re-dump together.""",
    "reader": """`read_report` of a text report reads its table as `read_appendix` does (from
the block of text above the table's first row, the prose before it checked for size and
characters as `read_appendix` checks it but not split into table lines) and, in addition,
lays out the head, sections and foot and makes each paragraph with its citations and figures.
The citation scan finds the number cores by one pattern scanning for digits (only from
where a paragraph's first "/", which every core holds, can belong to a core to just past its
last; a date or a ratio let go in the engine),
matches each core once (its number read once, its date tried only before a "ngày"), and
matches the prefix (type or law name and "số") on its own up to the core, only at the word
starts within the longest prefix the grammar allows whose first three letters begin a type
name, found by the engine's fast loop over a class of first letters. The figure pattern reads
a number once and its tail decides the kind; the counted things are grouped by first letter;
a number's value is read in one step; figures' tokens are plain slotted objects and counts
are made without the checks of their constructor; a paragraph without a digit is let go on
ten searches for one character. The layout works out each block's heading
once, lets most blocks and lines go on one character, and makes paragraphs and sections from
its own parts without the type checks of their constructors. A text is tested for characters
to replace by `str.isprintable` and a search per look-alike letter. Counted in instructions
(callgrind, steadier than this machine's clock), one `read_report` of the reference text is
2.03 `read_appendix` of it (46.6 against 23.0 million; 55.7 million, 2.44, before this
round; 68.0 million, 2.96, before the round before), in units of one `read_appendix`: the
table 0.73, the citations 0.59 (some 60 of them), the figures 0.42, the layout and the
model's construction 0.29. By the clock the ratio is higher, because an instruction of the
reader costs more time than one of `read_appendix`: its work is the regular-expression
engine walking large compiled grammars and scanning paragraphs for digits (some 85
instructions a character for a class, against about 5 for one character), where
`read_appendix` runs short loops over the rows of one table.""",

    "units": """Reading and validating 10,000 unit appendices is dominated by reading the
tables (the consolidate row times reading them alone) and by the construction-time checks of
some 120 rows per unit; it grows linearly with the units. This row is one core reading them in
turn; `cchc validate DIR` and `cchc consolidate DIR` read them on every core (the rows on
folders below).""",
    "folders": """`cchc validate DIR` and `cchc consolidate DIR` hand the files to a pool of
one worker process per core, eight files at a time at most, and print the results in the
order of the files; a worker sends back one line per file (validate) or the unit's header and
appendix (consolidate, about 17 KB pickled), never the report. The rows compare CPU time per
file, which the machine's other work does not change: what the pool adds is each worker
warming up what the first file builds (the catalogue, the compiled grammars), the results
pickled across, and for consolidate the command's own process unpickling and folding every
appendix on one core (about a sixth of the time a worker spends reading it). Files per second
by the clock depend on the cores free: on a machine whose cores are busy with other sessions
(the load average in the row; Linux shares the CPU between sessions, not processes, when
autogroup scheduling is on) a pool gets no more CPU than one process, and the speed-up by
the clock stays near 1× whatever the pool does; on idle cores it approaches the number of
cores divided by the CPU ratio in the row. Memory: `validate` keeps the file names and a few
chunks of lines, so its peak is flat; `consolidate` grows with the units by the fold's own
state (each unit's figure per row, which `Consolidation.values` gives back), the same on
`-j 1` as on a pool. For `consolidate`, reading a table costs about 2.7 ms of CPU; what the
pool adds a file is mostly the unit's appendix (some 120 rows) pickled in the worker and
unpickled in the command's process, which also folds it: each row pickles as one tuple of its
fields and is made again without its checks, about 0.4 ms a unit (1.3 ms with attrs' own
state, field by field, which put this row at 1.36–1.47× the CPU of `-j 1`).""",
    "validate": """The rule set runs some fifty rules on one index per validation
(`Subject.index`; the table below times each rule, in order, so the first rule to ask for a
shared part pays for it). `structure.reference_span` pays for the paragraphs and the
citations (paths, numbers and symbols, and a symbol's issuer codes, system and type, worked
out from one split of the symbol, once per symbol); `refs.conflicting_symbols` for the one
walk over the citations that serves every citation rule (the rules reading one citation at a
time, and what the others compare: numbers and dates shared, years left out, first
citations, the unit's own series, paragraphs citing reports), then for the unit's claims
("Sở đã ban hành …", read only before citations that other agencies' symbols or shared
numbers make worth reading) and the series of the citations sharing a number and date;
`appendix.stt_mismatch` for the appendix rows with their definitions and the one walk over
them that serves every appendix rule and `facts.percent_fraction`; `appendix.breakdown_sum`
for the verdict on every relation between rows; `facts.mixed_units` for the facts of the
index; `facts.stated_rate` for its three findings (the figures written into their messages).
Counted in instructions (cachegrind, steadier than a busy machine's clock, with a fixed hash
seed), a validation of the reference report went from about 6.98 to 5.82 million (−17 %) in
the third round: one walk for the citation rules, the subjects' years read in one search
without lowering a subject that writes "năm" in lower case and only for a year past
September next, report items found from each "Báo cáo", a letter refusing an appendix cell
before `parse_number` raises, the ratio rows and the task rows listed once, sides of whole
figures summed as integers, and findings built in `Rule.finding` itself. What is left is
Python's cost per citation, row, fact and finding (sixty citations, a hundred and twenty
rows, thirty-three facts, eighteen findings), spread over the families with no one part
above a fifth; a smaller cost would take the index built while the report is read (its
citations and rows are known then) rather than after.""",
    "import": """The own time of this library's modules is mostly attrs building the model
classes (each frozen class compiles its generated methods) and enums being created.""",
}


def filled_units(count: int) -> list[tuple[str, Any]]:
    """*count* units whose every row of the form that holds a value has one."""
    from cchc_model import Ratio, ValueKind, catalogue_2023  # noqa: PLC0415

    form = catalogue_2023()
    filled = [d for d in form.indicators if d.kind is not ValueKind.HEADING]
    units = []
    for unit in range(count):
        values: dict[str, Any] = {}
        for i, d in enumerate(filled):
            if d.kind is ValueKind.PERCENT:
                values[d.code] = Decimal(unit % 100)
            elif d.kind is ValueKind.RATIO:
                values[d.code] = Ratio(unit % 5, 5)
            elif d.kind is ValueKind.CODED and d.scale is not None:
                values[d.code] = d.scale.codes[unit % len(d.scale.codes)]
            else:
                values[d.code] = unit + i
        units.append((f"Đơn vị {unit}", form.build(values)))
    return units


def consolidation_rows(rows: list[tuple[str, str, float, float, str]],
                       tables: list[str]) -> list[str]:
    """Time consolidate and write_fact_table on the generated units; the fold's peak memory.

    Returns a line about memory, for below the table: the fold keeps each unit's figure per
    row, never the unit itself, so its memory grows with the figures, not with the reports.
    """
    import tracemalloc  # noqa: PLC0415

    from cchc_model import consolidate, read_appendix, write_fact_table  # noqa: PLC0415

    count = len(tables)
    start = time.perf_counter()
    appendices = [(f"Đơn vị {i}", read_appendix(table)) for i, table in enumerate(tables)]
    t_read = time.perf_counter() - start
    start = time.perf_counter()
    consolidate(appendices)
    t_fold = time.perf_counter() - start
    rows.append((f"consolidate {count:,} unit appendices (read already)",
                 f"reading them (read_appendix × {count:,})", t_fold, t_read, "< 0.5×"))

    def peak(given: list[tuple[str, Any]]) -> float:
        tracemalloc.start()
        consolidate(given)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 2**20

    small = max(count // 10, 2)
    memory = (f"Peak memory of consolidate's own state (tracemalloc, units already read): "
              f"{peak(appendices[:small]):.1f} MiB for {small:,} units, "
              f"{peak(appendices):.1f} MiB for "
              f"{count:,} units; a unit's report is let go as soon as it is folded in.")
    del appendices
    full = filled_units(count)
    values = sum(len(a.rows) for _, a in full[:1])
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_fact_table(full, Path(folder) / "facts")
        t_write = time.perf_counter() - start
    rows.append((f"write_fact_table, {count:,} units × {values} values (Parquet folder)",
                 "—", t_write, 0, "seconds, not minutes"))
    return [memory]


def word_reports(folder: Path, count: int) -> None:
    """*count* Word reports in *folder*: the reference report, its counts varied per unit.

    Rendering a report takes longer than reading it, so they are rendered on every core,
    and only the first :data:`DISTINCT_REPORTS` of them.
    """
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    from cchc_model._pool import default_jobs  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    # Rendering is slower than reading: DISTINCT_REPORTS units are rendered and the rest are
    # copies of them under their own names. Reading keeps nothing from one file to the
    # next, so a copy costs its reader what a fresh rendering would.
    distinct = min(count, DISTINCT_REPORTS)
    with ProcessPoolExecutor(default_jobs()) as pool:
        list(pool.map(_word_report, [(folder, unit) for unit in range(distinct)], chunksize=8))
    for unit in range(distinct, count):
        shutil.copyfile(folder / f"Đơn vị {unit % distinct:04d}.docx",
                        folder / f"Đơn vị {unit:04d}.docx")


#: How many of the folder benchmark's Word reports are rendered; the others are copies.
DISTINCT_REPORTS = 50


def _word_report(job: tuple[Path, int]) -> None:
    from cchc_model import Appendix, ValueKind, render_docx  # noqa: PLC0415
    from cchc_model.examples import reference_report  # noqa: PLC0415

    folder, unit = job
    report = reference_report()
    appendix = report.appendix
    assert appendix is not None
    form = appendix.catalogue
    rows = tuple(
        attrs.evolve(row, value=row.value + unit, raw="")
        if type(row.value) is int and form[row.code].kind is ValueKind.COUNT else row
        for row in appendix.rows
    )
    varied = attrs.evolve(report, appendix=Appendix(rows, appendix.title, appendix.form))
    render_docx(varied, path=folder / f"Đơn vị {unit:04d}.docx")


#: A fresh interpreter running the command, saying its own peak memory and its workers'.
#: ``ru_maxrss`` of a process started by fork and exec starts from its parent's, so the
#: command's own is read from ``VmHWM``, which a new program starts afresh.
_COMMAND = (
    "import resource, sys\n"
    "from cchc_model._cli import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"
    "    with open('/proc/self/status') as status:\n"
    "        own = next(int(l.split()[1]) for l in status if l.startswith('VmHWM:'))\n"
    "except OSError:\n"
    "    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def run_command(*argv: str) -> tuple[float, float, int, int]:
    """``cchc *argv`` in a fresh interpreter: wall time, CPU time of it and its workers, its
    peak RSS and its largest worker's (KiB).

    A fresh interpreter counts what a user waits for: start-up, imports, the pool's start.
    """
    import resource  # noqa: PLC0415 - POSIX only, like this benchmark's subprocesses

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", f"pycache_prefix={PYCACHE}", "-c", _COMMAND, *argv],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, env=env,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"cchc {' '.join(argv)}: {done.stderr.strip()}")
    own, workers = done.stderr.strip().splitlines()[-1].split()
    return elapsed, cpu, int(own), int(workers)


def folder_rows(rows: list[tuple[str, str, float, float, str]], *, smoke: bool,
                reports: int | None = None, count: int | None = None,
                rounds: int = 1) -> list[str]:
    """Files per second, per core, of ``cchc validate DIR`` and ``cchc consolidate DIR``.

    Each command runs on ``-j 1`` and on every core in turn, a fresh interpreter each time,
    *rounds* times (the figures are medians). A row compares the CPU time per file of the
    pool with that of one process (what the pool costs), and names the files per second by
    the clock, the files per CPU-second (per core) and the speed-up by the clock. Returns
    lines on the commands' peak memory for below the table.
    """
    from cchc_model._pool import default_jobs  # noqa: PLC0415

    cores = default_jobs()
    reports = reports or (10 if smoke else 500)
    count = count or (50 if smoke else 10_000)
    lines = []
    with tempfile.TemporaryDirectory() as scratch:
        word, units, fewer = (Path(scratch) / name for name in ("word", "units", "fewer"))
        word_reports(word, reports)
        units.mkdir()
        fewer.mkdir()
        for unit, table in enumerate(unit_tables(count)):
            (units / f"Đơn vị {unit:05d}.tsv").write_text(table, encoding="utf-8")
            if unit < count // 10:
                (fewer / f"Đơn vị {unit:05d}.tsv").write_text(table, encoding="utf-8")
        out = str(Path(scratch) / "tinh.tsv")
        cases = (
            ((f"`cchc validate DIR`, {reports:,} generated Word reports "
              f"({min(reports, DISTINCT_REPORTS)} renderings)"), reports,
             ("validate", str(word))),
            (f"`cchc validate DIR`, {count:,} generated tables (TSV)", count,
             ("validate", str(units))),
            (f"`cchc consolidate DIR`, {count:,} generated tables (TSV)", count,
             ("consolidate", str(units), "--out", out)),
        )
        peaks: dict[str, tuple[int, int]] = {}
        for name, files, argv in cases:
            alone: list[tuple[float, float]] = []
            pooled: list[tuple[float, float]] = []
            load = []
            for _ in range(rounds):
                alone.append(run_command(*argv, "-j", "1")[:2])
                wall, cpu, own, worker = run_command(*argv, "-j", str(cores))
                pooled.append((wall, cpu))
                if argv[1] == str(units):
                    peaks[argv[0]] = (own, worker)
                load.append(os.getloadavg()[0])
            wall_alone = statistics.median(t for t, _ in alone)
            wall_pool = statistics.median(t for t, _ in pooled)
            cpu_alone = statistics.median(c for _, c in alone)
            cpu_pool = statistics.median(c for _, c in pooled)
            rows.append((
                (f"{name}: CPU per file, -j {cores} (by the clock {files / wall_pool:,.1f} "
                 f"files/s, {files / cpu_pool:,.1f} files/s/core, {wall_alone / wall_pool:.2f}× "
                 f"speed-up; load average {statistics.median(load):.1f} on {cores} cores)"),
                (f"-j 1 (by the clock {files / wall_alone:,.1f} files/s, "
                 f"{files / cpu_alone:,.1f} files/s/core)"),
                cpu_pool / files, cpu_alone / files, "≤ 1.25×",
            ))
        for command, extra in (("validate", ()), ("consolidate", ("--out", out))):
            own_few, workers_few = run_command(command, str(fewer), *extra, "-j",
                                               str(cores))[2:]
            own_all, workers_all = peaks[command]  # the pooled run over all the tables
            lines.append(
                f"Peak memory of `cchc {command} DIR -j {cores}` (RSS, fresh interpreter): "
                f"the command {own_few / 1024:,.0f} MiB for {count // 10:,} tables, "
                f"{own_all / 1024:,.0f} MiB for {count:,}; its largest worker "
                f"{workers_few / 1024:,.0f} MiB and {workers_all / 1024:,.0f} MiB."
            )
    return lines


def target_met(target: str, ours: float, theirs: float, name: str) -> bool | None:
    """Whether a row meets its target; ``None`` for rows without one."""
    if not target:
        return None
    if target == "≥ 5 MB/s":
        return float(name.rsplit("(", 1)[1].split(maxsplit=1)[0]) >= 5
    if target == "seconds, not minutes":
        return ours < 60
    bound = float(target.split()[1].rstrip("×"))
    ratio = ours / theirs
    return ratio < bound if target.startswith("<") else ratio <= bound


def profile_excerpt(fn: Callable[[], object], calls: int, top: int = 14) -> str:
    """The functions *fn* spends most time in (cProfile, own time), as a code block."""
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    fn()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    text = out.getvalue()
    text = text[text.index("   ncalls"):].rstrip()
    text = text.replace(str(HERE.parent) + "/src/", "").replace(sys.prefix, "…")
    return f"cProfile of {calls} calls, by own time:\n\n```\n{text}\n```"


def rule_times(report: Any, runs: int = 200) -> str:
    """How long each rule takes on the report, slowest first, as a table.

    The rules run in order on a fresh subject each time, as ``validate`` runs them, so a
    rule's time includes building the parts of the shared index it is the first to ask for.
    """
    from cchc_model import Subject, default_rules  # noqa: PLC0415

    rules = default_rules()
    times: dict[str, list[float]] = {rule.id: [] for rule in rules}
    for _ in range(runs):
        subject = Subject.of(attrs.evolve(report))
        for rule in rules:
            start = time.perf_counter()
            list(rule.check(rule, subject))
            times[rule.id].append(time.perf_counter() - start)
    found = sorted(((statistics.median(t), rule) for rule, t in times.items()), reverse=True)
    lines = ["| rule | µs per run (median, in order, one index) |", "|---|---:|"]
    lines += [f"| `{rule}` | {seconds * 1e6:,.0f} |" for seconds, rule in found]
    total = sum(seconds for seconds, _ in found)
    lines.append(f"| all {len(found)} rules | {total * 1e6:,.0f} |")
    return "\n".join(lines)


def import_excerpt(top: int = 14) -> str:
    """The modules ``import cchc_model`` loads beyond attrs, cattrs and babel, by own time."""

    def selves(code: str) -> dict[str, float]:
        runs: dict[str, list[int]] = {}
        for _ in range(9):
            for line in _fresh_python(code, importtime=True).stderr.splitlines()[1:]:
                own, _, module = line.split("|")
                runs.setdefault(module.strip(), []).append(int(own.split(":")[1]))
        return {module: statistics.median(times) for module, times in runs.items()}

    base = selves("import attrs, cattrs, babel")
    ours = selves("import cchc_model")
    extra = sorted(((us, m) for m, us in ours.items() if m not in base), reverse=True)
    lines = ["| module | own µs (median) |", "|---|---:|"]
    lines += [f"| `{module}` | {us:,.0f} |" for us, module in extra[:top]]
    total = sum(us for us, _ in extra)
    lines.append(f"| all {len(extra)} modules beyond the baseline | {total:,.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
