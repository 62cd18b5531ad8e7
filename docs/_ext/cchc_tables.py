"""Sphinx directives that render tables from the library's own data, so the docs cannot drift.

``.. cchc-rules::`` lists every rule of ``default_rules()`` with its id, severity, basis and
messages.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return table


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


class RulesDirective(Directive):
    """The rule set of the library as a table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from cchc_model import default_rules

        rows = [
            [rule.id, rule.severity.value, ", ".join(rule.codes) or "—",
             rule.basis or "—", rule.message, rule.message_en or rule.description]
            for rule in default_rules()
        ]
        headers = ["id", "severity", "codes", "basis", "message (vi)", "message (en)"]
        return [_table(headers, rows, [14, 6, 8, 18, 27, 27])]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cchc-rules", RulesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
