"""packaging/desk.desktop: valid for desktop-file-validate, and naming what the window is,
so the desktop matches the running window to its menu entry and icon."""

import subprocess

from tests.packaging.files import PACKAGING, desktop_entry, exec_args, unescape

DESKTOP = PACKAGING / "desk.desktop"


def test_desktop_file_validate_accepts_the_entry():
    r = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "" and r.stderr.strip() == ""


def test_the_entry_starts_desk_with_its_icon_in_the_office_menu():
    keys = desktop_entry(DESKTOP.read_text(encoding="utf-8"))
    assert keys["Type"] == "Application"
    assert keys["Exec"] == "desk"
    assert keys["TryExec"] == "desk"
    assert keys["Icon"] == "desk"
    assert keys["Terminal"] == "false"
    assert "Office" in keys["Categories"].split(";")
    assert {"news", "quotation", "spelling"} <= set(keys["Keywords"].split(";"))


def test_the_window_names_itself_as_the_entry_does(qapp):
    from desk.app import _application

    app = _application()
    keys = desktop_entry(DESKTOP.read_text(encoding="utf-8"))
    # Wayland's app id is the desktop file name; X11's WM_CLASS class is the application name.
    assert app.desktopFileName() + ".desktop" == DESKTOP.name
    assert keys["StartupWMClass"] == app.applicationName()


def test_the_icon_it_names_is_installed_under_that_name(install_desktop, tmp_path):
    keys = desktop_entry(DESKTOP.read_text(encoding="utf-8"))
    icons = [t for _, t in install_desktop.sources_and_targets(tmp_path) if "icons" in t.parts]
    assert icons and all(t.stem == keys["Icon"] for t in icons)
    assert any(t.suffix == ".svg" and t.parent.parent.name == "scalable" for t in icons)


def test_an_exec_path_with_spaces_and_quotes_reads_back_as_one_argument(install_desktop):
    path = '/opt/my tools/$HOME "q" `x` back\\slash 100%/desk'
    value = install_desktop.exec_value(path)
    assert exec_args(unescape(value)) == [path]
    assert install_desktop.exec_value("/usr/bin/desk") == "/usr/bin/desk"  # nothing to quote
