"""The one-folder bundle (packaging/bundle/desk.spec), without building it: the spec ships
the folders desk.paths reads when frozen, and a frozen desk reads the bundle's prebuilt
spelling index instead of building one in the user's cache. (`make bundle-test` builds the
bundle and runs it.)"""

import ast
import shutil
import sys
from pathlib import Path

import pytest

from desk import paths
from desk.checks.spelling import suggester as sg
from desk.checks.spelling.checker import SpellChecker

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "bundle" / "desk.spec"


def spec_constant(name: str):
    """A literal assigned at the top of the spec (the spec itself runs only in PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """Run desk.paths as the bundle does: sys.frozen set, the data under sys._MEIPASS."""
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_spec_ships_resources_and_db_where_the_frozen_paths_look():
    data = spec_constant("DATA")
    assert ("resources", "resources") in data
    assert ("db", "db") in data
    for src, _dest in data:
        assert (ROOT / src).is_dir()
    text = SPEC.read_text(encoding="utf-8")
    assert "from desk.paths import BUNDLED_INDEX_FOLDER" in text  # the index goes where it is read


def test_spec_keeps_the_offscreen_and_xcb_platforms():
    assert set(spec_constant("KEEP_PLATFORMS")) == {"libqoffscreen.so", "libqxcb.so"}


def test_not_frozen_reads_the_installed_package(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.bundle_dir() is None
    assert paths.prebuilt_index_dir() is None
    assert paths.resource_path("welcome.md").is_file()
    assert (paths.migrations_dir() / "0001_initial.sql").is_file()


def test_frozen_reads_resources_and_migrations_from_the_bundle(frozen):
    assert paths.bundle_dir() == frozen
    assert paths.resource_path("welcome.md") == frozen / "resources" / "welcome.md"
    assert paths.migrations_dir() == frozen / "db"


def test_frozen_without_an_index_folder_has_no_prebuilt_index(frozen):
    assert paths.prebuilt_index_dir() is None


def test_frozen_desk_uses_the_prebuilt_index_and_writes_no_cache(frozen, tmp_path, monkeypatch):
    built_here = SpellChecker()  # the run's shared cache: built once for the whole suite
    built_here.load()
    (cached,) = paths.cache_dir().glob("spelling-index-v*.bin")
    (lexicon,) = paths.cache_dir().glob("spelling-lexicon-*.bin")  # the compiled word lists
    shipped = frozen / paths.BUNDLED_INDEX_FOLDER
    shipped.mkdir()
    shutil.copy(cached, shipped / cached.name)
    shutil.copy(lexicon, shipped / lexicon.name)
    empty_cache = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(empty_cache))

    assert paths.prebuilt_index_dir() == shipped
    checker = SpellChecker()
    checker.load()
    assert checker.timings["index_built"] == 0.0
    assert checker.timings["lexicon_compiled"] == 0.0
    assert checker.suggest("recieved")[0] == "received"
    assert not empty_cache.exists()  # nothing written to the user's cache
    assert sorted(p.name for p in shipped.iterdir()) == sorted([cached.name, lexicon.name])


WORDS = ["receive", "received", "believe", "letter", "letters"]


def test_prebuilt_index_is_read_first_and_never_written(tmp_path):
    prebuilt, cache = tmp_path / "bundle", tmp_path / "cache"
    sg.save_cached(prebuilt, "a" * 64, len(WORDS), sg.build_index(WORDS))
    before = {p.name: p.read_bytes() for p in prebuilt.iterdir()}

    idx = sg.CandidateIndex.load_or_build(WORDS, "a" * 64, cache, prebuilt)
    assert not idx.built
    assert idx.candidates("recieve") == {"receive": 1, "received": 2, "believe": 2}
    assert not cache.exists()

    stale = sg.CandidateIndex.load_or_build(WORDS + ["zebra"], "b" * 64, cache, prebuilt)
    assert stale.built  # another word list: built, and saved in the cache only
    assert len(list(cache.glob("spelling-index-*.bin"))) == 1
    assert {p.name: p.read_bytes() for p in prebuilt.iterdir()} == before

