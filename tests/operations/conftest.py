import pytest

pytest.register_assert_rewrite("tests.operations.faces")  # a differing state is shown

from tests.operations.faces import Twins  # noqa: E402


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
