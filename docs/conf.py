"""Sphinx configuration for the cchc_model documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import cchc_model

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "cchc_model"
author = "cchc_model developers"
copyright = "2026, cchc_model developers"
version = release = cchc_model.__version__
language = "vi"

extensions = [
    "cchc_tables",
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
nitpicky = False
html_theme = "furo"
html_title = "cchc_model"
exclude_patterns = ["_build"]
