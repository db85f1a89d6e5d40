import pytest

# Every review test asking for ``library`` runs on SQLite and on PostgreSQL (tests/engines.py).
from tests import engines

pytest_generate_tests = engines.pytest_generate_tests
engine, library_target, library = engines.engine, engines.library_target, engines.library

BODY = ("The mayor defended the plan. \u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz, "
        "the mayor.\n\n"
        "\u201cIt is a disaster,\u201d one official said, speaking on condition of anonymity.\n\n"
        "Ruiz added: \u201cNobody will pay more.\u201d\n")


@pytest.fixture
def ruiz(library):
    return library.sources.add("Ana Ruiz", organisation="City of Springfield", role="mayor")


@pytest.fixture
def article(library, ruiz):
    return library.articles.create(headline="Bridge to reopen", body=BODY)
