"""Build the embedded reference report from its source text.

    python tools/build_example.py tests/data/reference_report.txt \
        src/cchc_model/examples/reference_report.json

The source is the text of the 2023 CCHC report of the Ninh Thuận Department of Labour, Invalids
and Social Affairs as converted from Word (Markdown-ish: headings with ``#`` and ``**``, page
breaks as blank lines inside paragraphs, the appendix as a tab-separated table). The whole
report is read by :func:`cchc_model.read_report`: outline, paragraphs, their citations and
figures, recipients, signature and appendix. Only the agency lines of the head are supplied
here: the conversion kept the right-hand column of the head (number, date) and lost the
left-hand one (the agency and the body above it).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from cchc_model import Report, dumps, read_report

#: The head's left-hand column, which the conversion to text lost.
AGENCY = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
PARENT_AGENCY = "UBND TỈNH NINH THUẬN"


def build_reference(source: Path) -> Report:
    """The reference report, read by the library's own report reader."""
    report = read_report(source)
    header = report.header
    # The text form has no agency lines; anything the reader found there would be a change
    # of the source that this tool must not paper over.
    if header.agency or header.parent_agency:
        raise SystemExit(f"the source now has agency lines; update this tool: {header}")
    return attrs.evolve(
        report, header=attrs.evolve(header, agency=AGENCY, parent_agency=PARENT_AGENCY)
    )


def main(argv: Sequence[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    report = build_reference(source)
    target.write_text(dumps(report) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
