"""The package's layers: every import points down, and no modules import each other in a circle.

The layers are those of ``docs/architecture.md``. Like ``shared/tools/import_layers.py``, the
check counts every import, at module level or inside a function, except those under
``if TYPE_CHECKING:`` and inside notebook display hooks (``_repr_html_``), which adapt a model
object to the rendering layer above it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import cchc_model

PACKAGE = Path(cchc_model.__file__).parent

#: Each private package (or module) of the library, by the layer it belongs to.
LAYERS = {
    "_base": 1,
    "_values": 2,
    "_model": 3,
    "_io": 4,
    "examples": 4,
    "_rules": 5,
    "_render": 6,
    "_cli": 7,
    "_pool": 7,
    "__main__": 7,
    "": 7,  # the front door, cchc_model/__init__.py
}

TOOL = Path(__file__).resolve().parents[2] / "shared" / "tools" / "import_layers.py"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else ""]


def skipped_nodes(tree: ast.AST) -> set[int]:
    """The nodes under ``if TYPE_CHECKING:`` and inside ``_repr_*_`` display hooks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        hook = isinstance(node, ast.FunctionDef) and (
            node.name.startswith("_repr_") and node.name.endswith("_")
        )
        guard = isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        if hook or guard:
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    return skipped


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = skipped_nodes(tree)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
                names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                known = name
                while known and known not in modules:
                    known = known.rpartition(".")[0]
                if known and known != module and not module.startswith(known + "."):
                    targets.add(known)
        graph[module] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected sets of more than one module (Kosaraju's algorithm)."""
    order: list[str] = []
    seen: set[str] = set()

    def forward(start: str) -> None:
        stack = [(start, iter(sorted(graph[start])))]
        seen.add(start)
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(sorted(graph[child]))))
                    break
            else:
                stack.pop()
                order.append(node)

    for node in sorted(graph):
        if node not in seen:
            forward(node)
    reverse: dict[str, set[str]] = {node: set() for node in graph}
    for node, targets in graph.items():
        for target in targets:
            reverse[target].add(node)
    found: list[set[str]] = []
    assigned: set[str] = set()
    for node in reversed(order):
        if node in assigned:
            continue
        component = {node}
        stack = [node]
        assigned.add(node)
        while stack:
            for other in reverse[stack.pop()]:
                if other not in assigned:
                    assigned.add(other)
                    component.add(other)
                    stack.append(other)
        if len(component) > 1:
            found.append(component)
    return found


class TestLayers:
    def test_every_module_has_a_layer(self):
        """Each module of the package sits in one of the documented layers."""
        assert {module: layer_of(module) for module in import_graph()}

    def test_imports_point_down(self):
        """No module imports from a layer above its own."""
        upward = [
            f"{module} (layer {layer_of(module)}) -> {target} (layer {layer_of(target)})"
            for module, targets in import_graph().items()
            for target in sorted(targets)
            if layer_of(target) > layer_of(module)
        ]
        assert upward == []

    def test_no_circles(self):
        """No modules reach each other through their imports."""
        assert circles(import_graph()) == []

    def test_circle_is_found(self):
        """The check is not blind: a circle in a made-up graph is reported."""
        graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
        assert circles(graph) == [{"a", "b", "c"}]

    def test_engine_does_not_know_the_rules(self):
        """The validation engine imports no rule family: the default set is bound above it."""
        engine = import_graph()["cchc_model._rules.engine"]
        assert not {t for t in engine if t.startswith("cchc_model._rules.")}

    @pytest.mark.skipif(not TOOL.is_file(), reason="shared/tools/import_layers.py not beside")
    def test_import_layers_tool(self):
        """The project's layer tool, run on the installed package, reports no circle."""
        out = subprocess.run(
            [sys.executable, str(TOOL), str(PACKAGE)],
            capture_output=True, text=True, check=True, encoding="utf-8",
        ).stdout
        assert ", 0 circles" in out.splitlines()[0]
