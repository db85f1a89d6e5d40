"""SQLite is desk/storage's business: no other module imports sqlite3 or sqlite_utils (they get
desk's own errors from the facade, and the SQLite version from desk.storage.sqlite_version)."""

import ast
from pathlib import Path

import desk

PACKAGE = Path(desk.__file__).parent
STORAGE = PACKAGE / "storage"
SQLITE_MODULES = ("sqlite3", "sqlite_utils", "psycopg")  # the database drivers


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def sqlite_imports(path: Path) -> set[str]:
    return {n for n in imported_modules(path)
            if n.split(".")[0] in SQLITE_MODULES}


def test_the_reader_sees_imports_anywhere_in_a_module(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    import sqlite3\n    from sqlite_utils.db import Table\n")
    assert sqlite_imports(probe) == {"sqlite3", "sqlite_utils.db"}


def test_nothing_outside_storage_imports_sqlite():
    modules = [p for p in PACKAGE.rglob("*.py") if STORAGE not in p.parents]
    assert len(modules) > 50 and PACKAGE / "cli" / "__init__.py" in modules
    offenders = {str(p.relative_to(PACKAGE)): sorted(sqlite_imports(p)) for p in modules
                 if sqlite_imports(p)}
    assert offenders == {}


def test_storage_itself_does_use_sqlite():
    assert sqlite_imports(STORAGE / "__init__.py") >= {"sqlite3", "sqlite_utils"}
