"""`desk screenshot OUT.png`: the window rendered offscreen, with no display at all."""

import os
import struct
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess


def _desk(*args, env_extra=None, cwd=None):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                            "WAYLAND_DISPLAY")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=cwd)


def _png_size(path):
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_screenshot_renders_the_welcome_article_without_a_display(tmp_path):
    out = tmp_path / "window.png"
    r = _desk("--db", str(tmp_path / "lib.db"), "screenshot", str(out))
    assert r.returncode == 0, r.stderr
    assert _png_size(out) == (1440, 900)


def test_screenshot_of_a_chosen_article_and_size(tmp_path, seeded, db_path):
    a = seeded.articles.create(headline="Chosen", body="Text.")
    out = tmp_path / "small.png"
    r = _desk("--db", str(db_path), "screenshot", str(out), "--article", str(a.id),
              "--size", "1280x720")
    assert r.returncode == 0, r.stderr
    assert _png_size(out) == (1280, 720)


def test_screenshot_of_a_missing_article_is_a_one_line_error(tmp_path):
    r = _desk("--db", str(tmp_path / "lib.db"), "screenshot", str(tmp_path / "x.png"),
              "--article", "999")
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == ["desk: error: no article with id 999"]
    assert not (tmp_path / "x.png").exists()


def test_screenshot_into_a_missing_folder_is_an_error(tmp_path):
    r = _desk("--db", str(tmp_path / "lib.db"), "screenshot", str(tmp_path / "no" / "x.png"))
    assert r.returncode == 2
    assert "does not exist" in r.stderr


def test_window_without_a_display_is_a_one_line_error():
    from desk.cli.window import no_display_reason

    assert "no display" in no_display_reason({}, "linux")
    assert no_display_reason({"DISPLAY": ":0"}, "linux", x_server=lambda display: True) is None
    assert no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_reason({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_reason({}, "darwin") is None


def test_desk_with_no_command_and_no_display_exits_2(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(tmp_path / "l.db")],
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "no display" in r.stderr
