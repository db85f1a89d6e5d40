# Every import test asking for ``library`` runs on SQLite and on PostgreSQL (tests/engines.py).
from tests import engines

pytest_generate_tests = engines.pytest_generate_tests
engine, library_target, library = engines.engine, engines.library_target, engines.library
