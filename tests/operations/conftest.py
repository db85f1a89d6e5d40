import pytest

from tests.operations.faces import Twins


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
