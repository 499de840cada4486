"""No import circles among diplograph's modules, and the knowledge base's layers stay in order.

The graph is read from the source (ast), not from what Python happens to import: every
``from .x import``, ``from .. import x`` and ``import diplograph.x`` counts wherever it stands, so
an import moved into a function to dodge a circle is still an edge of the circle. Imports of other
libraries (heavy optional ones are imported inside functions on purpose) are not part of it.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diplograph"

# the knowledge base from the bottom up: computation (no store reads), then the stored derived
# tables, then the questions that read them; no layer may reach one above it
KB_COMPUTATION = ("diplograph.kb.consolidate", "diplograph.kb.asof")
KB_STORAGE = "diplograph.kb.materialize"
KB_QUESTIONS = ("diplograph.kb.queries", "diplograph.kb.timeline", "diplograph.kb.changes",
                "diplograph.kb.countries", "diplograph.kb.check")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the package's modules it imports anywhere in its text (functions included)."""
    package = root.name
    files = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}

    def existing(name: str) -> str:
        while name not in files:  # 'pkg.mod.Name' -> 'pkg.mod'
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = here.split(".")[:len(here.split(".")) - (node.level - 1)]
                    source = ".".join(anchor + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                if source != package and not source.startswith(package + "."):
                    continue
                for alias in node.names:  # 'from .. import ladders' imports a module, '__version__' a name
                    full = f"{source}.{alias.name}"
                    targets.add(full if full in files else existing(source))
            elif isinstance(node, ast.Import):
                targets.update(existing(a.name) for a in node.names
                               if a.name == package or a.name.startswith(package + "."))
        graph[name] = targets - {name}
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


def shortest_cycle(graph: dict[str, set[str]], start: str) -> list[str]:
    """The shortest path start -> ... -> start (the graph has one)."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    raise AssertionError(f"{start} is on no cycle")


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle per group of modules that import each other (directly or not)."""
    reach = {name: reachable(graph, name) for name in graph}
    cycles, placed = [], set()
    for name in sorted(graph):
        if name in placed or name not in reach[name]:
            continue
        placed |= {other for other in reach[name] if name in reach[other]}
        cycles.append(shortest_cycle(graph, name))
    return cycles


def test_no_import_cycles_in_the_package() -> None:
    graph = import_graph(PACKAGE)
    assert len(graph) > 100 and "diplograph.kb.materialize" in graph["diplograph.kb.queries"]
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_knowledge_base_layers_import_only_downwards() -> None:
    graph = import_graph(PACKAGE)
    for low in KB_COMPUTATION:
        above = reachable(graph, low) & {KB_STORAGE, *KB_QUESTIONS}
        assert not above, f"{low} (computation) reaches {sorted(above)}"
    above = reachable(graph, KB_STORAGE) & set(KB_QUESTIONS)
    assert not above, f"{KB_STORAGE} reaches the questions above it: {sorted(above)}"
    for high in KB_QUESTIONS:
        assert high in graph, high  # a renamed module must be renamed here too


def test_no_module_imports_the_package_root() -> None:
    """The root loads the whole knowledge base (diplograph.open): the version comes from _version."""
    graph = import_graph(PACKAGE)
    importers = sorted(name for name, targets in graph.items() if "diplograph" in targets)
    assert not importers


def test_a_cycle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    root = tmp_path / "diplograph"
    (root / "kb").mkdir(parents=True)
    (root / "__init__.py").write_text("from .version import __version__\n")
    (root / "version.py").write_text("__version__ = '1'\n")
    (root / "kb" / "__init__.py").write_text("")
    (root / "kb" / "low.py").write_text("import json\n\ndef f():\n    from .high import g\n    return g\n")
    (root / "kb" / "high.py").write_text("from . import low\nfrom .. import __version__\n")
    (root / "kb" / "side.py").write_text("import diplograph.kb.low\n")
    graph = import_graph(root)
    assert graph["diplograph.kb.high"] == {"diplograph.kb.low", "diplograph"}
    assert graph["diplograph.kb.side"] == {"diplograph.kb.low"}
    assert graph["diplograph"] == {"diplograph.version"}
    assert import_cycles(graph) == [["diplograph.kb.high", "diplograph.kb.low", "diplograph.kb.high"]]
