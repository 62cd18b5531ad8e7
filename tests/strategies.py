"""Hypothesis strategies for every model type, shared by the test modules.

Each area of the library keeps its strategies in its own section below.
"""

from __future__ import annotations
