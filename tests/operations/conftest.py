import pytest

pytest.register_assert_rewrite("tests.operations.faces")  # a differing state is shown

from tests import engines  # noqa: E402
from tests.operations.faces import Twins  # noqa: E402

# Every operations test asking for ``library`` runs on SQLite and on PostgreSQL (tests/engines.py).
pytest_generate_tests = engines.pytest_generate_tests
engine, library_target, library = engines.engine, engines.library_target, engines.library


@pytest.fixture
def twins(tmp_path):
    """``twins(setup)``: two libraries built by ``setup``, for the CLI and the window."""
    made = []

    def build(setup):
        made.append(Twins(tmp_path, setup))
        return made[-1]
    yield build
    for t in made:
        t.close()
