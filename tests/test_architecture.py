"""Rules of the house that code review alone would let slip."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "qtawesome", "qtpy")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_content_package_imports_no_qt():
    offenders = {
        str(p.relative_to(ROOT)): sorted(i for i in _imports(p) if i.split(".")[0] in QT_MODULES)
        for p in (ROOT / "kiosk" / "content").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_command = re.search(r"^TEST_COMMAND='(.+)'$", ci, re.M).group(1)
    assert f"\n{ci_command}\n" in readme


# -- the layers ---------------------------------------------------------------------------
#
# The import graph of kiosk/, built with ast. Both module-level AND function-level imports
# count (a lazy import inside a function is still a dependency: it only moves when it is
# paid); imports under ``if TYPE_CHECKING:`` do not (they never run). ``from pkg import name``
# is an edge to ``pkg.name`` when that is a module, else to ``pkg``.

KIOSK = ROOT / "kiosk"
SECTIONS = ("history", "park", "partners", "platform")


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in KIOSK.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """kiosk module → the kiosk modules it imports at run time."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
                continue
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_pkg else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in modules:
                    edges.add(target)
                elif base in modules:
                    edges.add(base)
        edges.discard(name)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def test_there_are_no_import_cycles_in_kiosk():
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_shared_widgets_import_neither_sections_nor_the_shell():
    offenders = {
        name: sorted(t for t in targets if t.startswith(("kiosk.sections", "kiosk.shell")))
        for name, targets in import_graph().items()
        if name.startswith("kiosk.widgets")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _section_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["kiosk", "sections"] and parts[2] in SECTIONS:
        return parts[2]
    return None


def test_no_section_package_imports_another():
    offenders = {}
    for name, targets in import_graph().items():
        own = _section_of(name)
        if own is None:
            continue
        others = sorted(t for t in targets if _section_of(t) not in (None, own))
        if others:
            offenders[name] = others
    assert offenders == {}


def test_every_section_is_a_package_with_a_registered_page():
    from kiosk.sections import registered

    pages = registered()
    for section in SECTIONS:
        assert (KIOSK / "sections" / section / "page.py").is_file()
        assert pages[section].__module__ == f"kiosk.sections.{section}.page"


# -- sizes ----------------------------------------------------------------------------------

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_no_module_over_400_lines_and_no_function_over_60():
    """Every module in kiosk/ (content included) at most 400 lines; every function and
    method (nested ones too, decorators and docstring included) at most 60."""
    long_modules, long_functions = {}, {}
    for path in sorted(KIOSK.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            long_modules[rel] = lines
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([d.lineno for d in node.decorator_list] + [node.lineno])
                length = node.end_lineno - start + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions[f"{rel}:{node.lineno} {node.name}"] = length
    assert long_modules == {}
    assert long_functions == {}
