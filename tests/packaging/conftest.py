import pytest

from tests.packaging.files import PACKAGING, ROOT, load_script


@pytest.fixture(scope="session")
def install_desktop():
    """packaging/install_desktop.py as a module."""
    return load_script(PACKAGING / "install_desktop.py")


@pytest.fixture(scope="session")
def make_icons():
    """tools/make_icons.py as a module."""
    return load_script(ROOT / "tools" / "make_icons.py")
