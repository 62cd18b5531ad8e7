"""The citation grammar on real citations: tests/corpus/citations.jsonl.

Each line is a citation string as a public Vietnamese legal or administrative text writes it
(a decision's "Căn cứ" list, a Party conclusion, a news report, a law database's header),
with the type, number and symbol, date and issuing body it names and the address it was
taken from. Line breaks are kept where the source wraps its lines. A leading "Số:" or
"Số hiệu:" (a document's own number line) is not part of the citation.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc_model import DocumentType, extract_references, parse_reference

CORPUS = Path(__file__).parent / "corpus" / "citations.jsonl"
_NUMBER_LINE = re.compile(r"^(?:Số hiệu|Số|số)\s*:?\s*")

#: Citations of the corpus the grammar cannot read yet, with the reason. Empty: it reads all.
UNREAD: dict[str, str] = {}


def _load() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


ENTRIES = _load()


def test_corpus_size_and_sources() -> None:
    """At least 300 distinct citations, each with the public address it was taken from."""
    assert len(ENTRIES) >= 300
    assert len({e["text"] for e in ENTRIES}) == len(ENTRIES)
    assert all(e["source"].startswith(("http://", "https://")) for e in ENTRIES)
    kinds = {e["doc_type"] for e in ENTRIES}
    assert {"conclusion", "consolidated", "decree", "circular", "joint_circular", "law",
            "resolution", "regulation", "guidance", None} <= kinds


def test_nothing_left_unread() -> None:
    """The list of citations the grammar cannot read is empty."""
    assert UNREAD == {}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["number_symbol"] for e in ENTRIES])
def test_corpus_citation(entry: dict[str, Any]) -> None:
    """The citation is found whole, with its type, number and symbol, date and issuer."""
    if entry["text"] in UNREAD:
        pytest.skip(UNREAD[entry["text"]])
    text = entry["text"]
    found = extract_references(text)
    assert len(found) == 1, [m.text for m in found]
    [match] = found
    citation = text[_NUMBER_LINE.match(text).end():] if _NUMBER_LINE.match(text) else text
    assert match.text == citation.rstrip()
    ref = match.ref
    expected_type = None if entry["doc_type"] is None else DocumentType(entry["doc_type"])
    assert ref.doc_type is expected_type
    assert ref.number_symbol == entry["number_symbol"]
    expected_day = None if entry["issued_on"] is None else date.fromisoformat(entry["issued_on"])
    assert ref.issued_on == expected_day
    assert ref.issuer == entry["issuer"]
    assert parse_reference(match.text) == ref


def test_party_documents_are_not_legal_normative() -> None:
    """Every Party document of the corpus is of the Party system and never a VBQPPL."""
    party = [
        parse_reference(m.text)
        for e in ENTRIES
        for m in extract_references(e["text"])
        if "-" in e["number_symbol"].split("/")[0]
    ]
    assert len(party) >= 40
    assert all(ref.system == "party" and not ref.is_legal_normative for ref in party)
