"""make install-desktop / make uninstall-desktop, run for real into temporary folders: the
files land where the desktop looks, the installed entry validates and starts this checkout's
desk, and uninstall takes away exactly what install put there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import __version__
from tests.packaging.files import ROOT, desktop_entry, exec_args, unescape

VENV = Path(sys.prefix)


def make(target: str, **variables: str) -> subprocess.CompletedProcess:
    """The Makefile target with this test run's venv, never rebuilding it."""
    env = {k: v for k, v in os.environ.items() if k not in ("PREFIX", "DESTDIR", "DESK_EXEC", "MAKEFLAGS")}
    env.update({k: v for k, v in variables.items() if k == "XDG_DATA_HOME"})
    args = [f"{k}={v}" for k, v in variables.items() if k != "XDG_DATA_HOME"]
    r = subprocess.run(["make", "-s", "-C", str(ROOT), "-o", f"{VENV}/.desk-installed", f"VENV={VENV}",
                        target, *args], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return r


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def expected(prefix: str) -> set[str]:
    sizes = sorted(p.parent.parent.name for p in (ROOT / "packaging/icons/hicolor").glob("*/apps/desk.png"))
    return {f"{prefix}applications/desk.desktop", f"{prefix}metainfo/org.example.desk.metainfo.xml",
            f"{prefix}man/man1/desk.1", f"{prefix}icons/hicolor/scalable/apps/desk.svg",
            *(f"{prefix}icons/hicolor/{s}/apps/desk.png" for s in sizes)}


def validate(desktop: Path) -> None:
    r = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


@pytest.mark.subprocess
def test_per_user_install_then_uninstall(tmp_path):
    data = tmp_path / "data"
    make("install-desktop", XDG_DATA_HOME=str(data))
    assert files_under(data) == expected("")
    assert (data / "man/man1/desk.1").read_bytes() == (ROOT / "packaging/desk.1").read_bytes()
    assert (data / "icons/hicolor/48x48/apps/desk.png").read_bytes() == (
        ROOT / "packaging/icons/hicolor/48x48/apps/desk.png").read_bytes()

    desktop = data / "applications/desk.desktop"
    validate(desktop)
    keys = desktop_entry(desktop.read_text(encoding="utf-8"))
    argv = exec_args(unescape(keys["Exec"]))
    assert argv == [str(VENV / "bin" / "desk")] == [unescape(keys["TryExec"])]
    r = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == f"desk {__version__}", r.stderr

    make("uninstall-desktop", XDG_DATA_HOME=str(data))
    assert files_under(data) == set()


@pytest.mark.subprocess
def test_a_staged_system_install_is_a_tree_appstream_accepts(tmp_path):
    stage = tmp_path / "stage"
    make("install-desktop", PREFIX="/usr", DESTDIR=str(stage), DESK_EXEC="desk")
    assert files_under(stage) == expected("usr/share/")
    assert desktop_entry((stage / "usr/share/applications/desk.desktop").read_text())["Exec"] == "desk"
    # the metadata and its launchable desktop entry, checked together as a distribution would
    r = subprocess.run(["appstreamcli", "validate-tree", "--no-net", str(stage)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    make("uninstall-desktop", PREFIX="/usr", DESTDIR=str(stage))
    assert files_under(stage) == set()


def test_uninstall_leaves_other_programs_files_alone(install_desktop, tmp_path):
    program = tmp_path / "bin" / "desk"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    install_desktop.install(tmp_path / "data", str(program), refresh=False)
    others = [tmp_path / "data/applications/other.desktop", tmp_path / "data/icons/hicolor/48x48/apps/other.png"]
    for other in others:
        other.write_text("someone else's", encoding="utf-8")
    removed = install_desktop.uninstall(tmp_path / "data", refresh=False)
    assert len(removed) == len(expected(""))
    assert files_under(tmp_path / "data") == {str(o.relative_to(tmp_path / "data")) for o in others}


def test_an_awkward_program_path_is_quoted_so_the_entry_still_starts_it(install_desktop, tmp_path):
    folder = tmp_path / 'my "tools" $dir'
    folder.mkdir()
    program = folder / "desk"
    program.write_text("#!/bin/sh\necho started \"$@\"\n", encoding="utf-8")
    program.chmod(0o755)
    install_desktop.install(tmp_path / "data", str(program), refresh=False)
    desktop = tmp_path / "data/applications/desk.desktop"
    validate(desktop)
    argv = exec_args(unescape(desktop_entry(desktop.read_text(encoding="utf-8"))["Exec"]))
    assert argv == [str(program)]
    assert subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout == "started\n"


def test_a_missing_program_is_refused_before_anything_is_written(install_desktop, tmp_path):
    with pytest.raises(SystemExit, match="is not a program that can run"):
        install_desktop.main(["install", "--exec", str(tmp_path / "nothing"), "--destdir", str(tmp_path / "stage")])
    assert not (tmp_path / "stage").exists()


def test_where_the_files_go(install_desktop, tmp_path):
    home = {"HOME": "/home/ed"}
    assert install_desktop.data_dir(environ=home) == Path("/home/ed/.local/share")
    assert install_desktop.data_dir(environ={**home, "XDG_DATA_HOME": "/x/data"}) == Path("/x/data")
    assert install_desktop.data_dir(environ={**home, "XDG_DATA_HOME": "relative"}) == Path(
        "/home/ed/.local/share")  # the spec ignores a relative XDG path
    assert install_desktop.data_dir("/usr/local", environ=home) == Path("/usr/local/share")
    assert install_desktop.data_dir("/usr", str(tmp_path), environ=home) == tmp_path / "usr/share"
    assert install_desktop.data_dir(None, str(tmp_path), environ=home) == tmp_path / "home/ed/.local/share"


def test_an_existing_desktop_cache_is_refreshed_and_none_is_made(install_desktop, tmp_path):
    program = tmp_path / "desk"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    fresh, kept = tmp_path / "fresh", tmp_path / "kept"
    stale = "[MIME Cache]\ntext/x-gone=gone.desktop;\n"
    (kept / "applications").mkdir(parents=True)
    (kept / "applications/mimeinfo.cache").write_text(stale, encoding="utf-8")
    install_desktop.install(fresh, str(program))
    install_desktop.install(kept, str(program))
    assert not (fresh / "applications/mimeinfo.cache").exists()
    assert "gone.desktop" not in (kept / "applications/mimeinfo.cache").read_text(encoding="utf-8")
