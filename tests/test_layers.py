"""The core's packages depend on each other one way: no import cycle between them,
counting imports made inside functions too (parsed with ast, nothing imported)."""

import ast
from pathlib import Path

import desk

ROOT = Path(desk.__file__).parent
# The checking side of the house, bottom up: model, languages, checks, checking (one way
# to check an article), review (quotation rows), export (reads review's matching).
UNITS = ("model", "languages", "checks", "checking", "review", "export")


def unit(module: str) -> str | None:
    """desk.export.collect -> 'export'; desk.checking -> 'checking' (a top-level module)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "desk" and len(parts) > 1 else None


def imports_of(package: str) -> dict[str, set[str]]:
    """For each module file of ``package``: the desk units it imports, anywhere in it."""
    found: dict[str, set[str]] = {}
    base = ROOT / package
    files = sorted(base.rglob("*.py")) if base.is_dir() else [ROOT / f"{package}.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(unit(a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(unit(node.module))
                if node.module == "desk":
                    names.update(a.name for a in node.names)
        found[str(path.relative_to(ROOT))] = {n for n in names if n and n != package}
    return found


def graph(units) -> dict[str, set[str]]:
    return {u: set().union(*imports_of(u).values()) & set(units) for u in units}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(u: str) -> list[str] | None:
        state[u] = 1
        path.append(u)
        for v in sorted(edges.get(u, ())):
            if state.get(v) == 1:
                return path[path.index(v):] + [v]
            if v not in state and (found := visit(v)):
                return found
        state[u] = 2
        path.pop()
        return None

    for u in sorted(edges):
        if u not in state and (found := visit(u)):
            return found
    return None


def test_review_never_imports_export():
    """Export reads review's quotation matching; which problems block is desk.checks'."""
    offenders = {f: names for f, names in imports_of("review").items() if "export" in names}
    assert offenders == {}


def test_the_checking_side_has_no_import_cycle():
    edges = graph(UNITS)
    assert "review" in edges["export"]  # the one direction between the two
    assert cycle(edges) is None


def test_the_cycle_finder_finds_a_cycle():
    assert cycle({"export": {"review"}, "review": {"checks", "export"}, "checks": set()}) == \
        ["export", "review", "export"]
