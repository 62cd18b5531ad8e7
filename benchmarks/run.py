"""Benchmarks of cchc_model against the parse limit and its peers, as ratios in one run.

    python benchmarks/run.py            # full run, writes benchmarks/RESULTS.md
    python benchmarks/run.py --smoke    # tiny sizes, no file written (CI keeps it from rotting)

Every figure is the median of repeated timings, and every target is a ratio of two timings
taken side by side in the same run, so a busy shared machine slows both sides alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import subprocess
import sys
import timeit
import types
from collections.abc import Callable
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs

HERE = Path(__file__).resolve().parent


def median_seconds(fn: Callable[[], object], *, number: int, repeat: int) -> float:
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number


def import_time(statement: str, repeat: int) -> float:
    """Median wall time of a fresh interpreter running *statement*, minus a bare interpreter."""

    def run(code: str) -> float:
        times = []
        for _ in range(repeat):
            done = subprocess.run(
                [sys.executable, "-X", "importtime", "-c", code],
                capture_output=True, text=True, check=True,
            )
            total = 0
            for line in done.stderr.splitlines():
                # "import time: self [us] | cumulative | imported package"; top-level lines only.
                parts = line.split("|")
                if len(parts) == 3 and not parts[2].startswith("  ") and parts[1].strip().isdigit():
                    total += int(parts[1])
            times.append(total / 1e6)
        return statistics.median(times)

    return run(statement)


def pydantic_twin(root: type) -> Any:
    """A pydantic v2 model with the schema of an attrs class, generated field by field.

    Nested attrs classes become forward references, resolved once every model exists, so
    recursive classes (a section holds sections) work.
    """
    import pydantic  # noqa: PLC0415 - a benchmark-only dependency

    from cchc_model._appendix import Ratio, Value  # noqa: PLC0415
    from cchc_model._facts import Fact  # noqa: PLC0415
    from cchc_model._serialization import _FACT_TAGS  # noqa: PLC0415

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, write nothing")
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
                against: str, target: str) -> None:
        t_ours = median_seconds(ours, number=number, repeat=repeat)
        t_theirs = median_seconds(theirs, number=number, repeat=repeat)
        rows.append((name, against, t_ours, t_theirs, target))

    compare("load reference report (JSON bytes → Report)", lambda: load(data),
            lambda: orjson.loads(data), "orjson.loads (parse limit)", "≤ 3×")
    compare("load reference report", lambda: load(data), lambda: json.loads(data),
            "json.loads", "")
    try:
        twin = pydantic_twin(type(report))
        document = json.loads(data)
        document.pop("schema_version")
        payload = json.dumps(document).encode()
        twin.model_validate_json(payload)
        compare("load reference report", lambda: load(data),
                lambda: twin.model_validate_json(payload), "pydantic v2 twin", "≤ 1.0×")
    except Exception as error:  # noqa: BLE001 - a twin that cannot be built is reported
        first_line = str(error).splitlines()[0]
        rows.append(("load reference report", f"pydantic v2 twin: {first_line}", 0, 0, "≤ 1.0×"))
    compare("dumps reference report", lambda: dumps(report), lambda: orjson.dumps(
        json.loads(data)), "orjson.dumps of the same data", "")
    compare("validate reference report", lambda: validate(report), lambda: load(data),
            "one load", "< 1×")

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

    t_ours = import_time("import cchc_model", 3 if args.smoke else 15)
    t_base = import_time("import attrs, cattrs, babel", 3 if args.smoke else 15)
    rows.append(("import cchc_model", "import attrs, cattrs, babel", t_ours, t_base, "≤ 1.5×"))

    lines = [
        "| what | against | ours | theirs | ratio | target |",
        "|---|---|---:|---:|---:|---|",
    ]
    for name, against, ours, theirs, target in rows:
        ratio = f"{ours / theirs:.2f}×" if theirs else "—"
        lines.append(f"| {name} | {against} | {ours * 1e6:,.0f} µs | {theirs * 1e6:,.0f} µs "
                     f"| {ratio} | {target} |")
    table = "\n".join(lines)
    print(table)
    if args.smoke:
        return 0
    import cchc_model  # noqa: PLC0415

    versions = f"cchc_model {cchc_model.__version__}, " + ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("attrs", "cattrs", "babel", "pint", "orjson", "pydantic")
    )
    (HERE / "RESULTS.md").write_text(
        "# Benchmark results\n\n"
        f"Run on {dt.date.today().isoformat()} with `python benchmarks/run.py`: "
        f"{platform.machine()}, {platform.processor() or 'unknown CPU'}, "
        f"Python {platform.python_version()}; {versions}. Medians of {repeat} repeats "
        f"of {number} calls; ratios are of timings taken side by side in this run.\n\n"
        f"{table}\n\nReference report: {len(data):,} bytes of JSON.\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
