"""The AppStream metadata: valid for appstreamcli (offline), and in step with the project:
its id, desktop entry, licence, version, binary and the committed screenshots."""

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath
from urllib.parse import urlparse

from desk import __version__
from tests.packaging.files import PACKAGING, ROOT, png_size

PYPROJECT_TEXT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def pyproject(key: str) -> str:
    """A top-level string of pyproject's [project] table (tomllib needs Python 3.11)."""
    return re.search(rf'^{key} = "([^"]*)"', PYPROJECT_TEXT, re.M).group(1)


def metainfo_path(install_desktop):
    return PACKAGING / f"{install_desktop.APP_ID}.metainfo.xml"


def component(install_desktop):
    return ET.parse(metainfo_path(install_desktop)).getroot()


def test_appstreamcli_validates_it_strictly_offline(install_desktop):
    r = subprocess.run(["appstreamcli", "validate", "--no-net", "--strict", str(metainfo_path(install_desktop))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_it_is_the_only_metainfo_file_and_named_for_its_id(install_desktop):
    assert [p.name for p in PACKAGING.glob("*.metainfo.xml")] == [metainfo_path(install_desktop).name]
    assert component(install_desktop).findtext("id") == install_desktop.APP_ID


def test_it_launches_the_desktop_entry_and_provides_the_desk_command(install_desktop):
    root = component(install_desktop)
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert (PACKAGING / launchable.text).is_file()
    scripts = re.search(r"^\[project\.scripts\]\n(\w+) =", PYPROJECT_TEXT, re.M).group(1)
    assert [b.text for b in root.iter("binary")] == [scripts] == ["desk"]


def test_licence_and_newest_release_match_pyproject(install_desktop):
    root = component(install_desktop)
    assert root.findtext("project_license") == pyproject("license")
    releases = root.find("releases").findall("release")
    assert releases[0].get("version") == pyproject("version") == __version__
    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_content_rating_is_oars(install_desktop):
    assert component(install_desktop).find("content_rating").get("type").startswith("oars-")


def test_every_screenshot_is_a_committed_png_of_the_stated_size(install_desktop):
    shots = component(install_desktop).find("screenshots").findall("screenshot")
    assert [s.get("type") for s in shots].count("default") == 1
    named = set()
    for shot in shots:
        assert shot.findtext("caption")
        image = shot.find("image")
        name = PurePosixPath(urlparse(image.text).path).name
        png = PACKAGING / "screenshots" / name
        assert png.is_file(), f"{image.text} names no file in packaging/screenshots"
        assert png_size(png) == (int(image.get("width")), int(image.get("height")))
        named.add(name)
    assert named == {p.name for p in (PACKAGING / "screenshots").glob("*.png")}
