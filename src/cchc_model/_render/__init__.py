"""Rendering reports and appendices: Markdown, HTML and Word (.docx).

An adapter at the edge: the model never imports it. Word output needs the optional ``docx``
extra (python-docx), imported only when a document is built.
"""

from __future__ import annotations

from cchc_model._render._docx import render_docx
from cchc_model._render._html import render_html
from cchc_model._render._markdown import render_markdown

__all__ = ["render_docx", "render_html", "render_markdown"]
