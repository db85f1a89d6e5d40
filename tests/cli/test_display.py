"""The display probe: a DISPLAY where no X server answers is the same one-line error as no
DISPLAY at all (Qt would abort with exit 134), and a real X server (Xvfb) is let through."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli.display import ADVICE, no_display_reason, x_server_answers

ROOT = Path(__file__).resolve().parents[2]


def free_display() -> str:
    """The first display from :99 up that no X server listens on (socket file or abstract)."""
    try:
        listening = Path("/proc/net/unix").read_text()
    except OSError:
        listening = ""
    n = 99
    while Path(f"/tmp/.X11-unix/X{n}").exists() or f"/tmp/.X11-unix/X{n}\n" in listening:
        n += 1
    return f":{n}"


@pytest.fixture
def xvfb():
    """A throwaway X server; Xvfb picks a free display and writes its number when ready."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-screen", "0", "1280x800x24"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb") as ready:
        number = ready.readline().strip()  # EOF (b"") if Xvfb could not start
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number.decode()}"
    finally:
        server.terminate()
        server.wait(timeout=60)


def _desk_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_a_display_that_does_not_answer_is_refused_like_no_display():
    no_display = no_display_reason({}, "linux")
    silent = no_display_reason({"DISPLAY": ":7"}, "linux", x_server=lambda display: False)
    assert no_display.startswith("no display to open the window on (DISPLAY is not set)")
    assert silent.startswith("no display to open the window on (no X server answers at DISPLAY=:7)")
    assert no_display.endswith(ADVICE) and silent.endswith(ADVICE)


def test_the_probe_is_left_out_when_it_cannot_tell_or_is_not_needed():
    def never(display):
        raise AssertionError("not asked")

    assert no_display_reason({"DISPLAY": ":7"}, "linux", x_server=lambda display: None) is None
    assert no_display_reason({"DISPLAY": ":7"}, "linux", x_server=lambda display: True) is None
    assert no_display_reason({"DISPLAY": ":7", "QT_QPA_PLATFORM": "xcb"}, "linux", x_server=never) is None
    assert no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux", x_server=never) is None
    assert no_display_reason({"DISPLAY": ":7"}, "darwin", x_server=never) is None


def test_libxcb_finds_no_server_on_a_free_display():
    assert x_server_answers(free_display()) is False


def test_libxcb_finds_a_real_server(xvfb):
    assert x_server_answers(xvfb) is True
    assert no_display_reason({"DISPLAY": xvfb}, "linux") is None


@pytest.mark.subprocess
def test_desk_on_a_display_with_no_server_says_so_in_one_line(tmp_path):
    display = free_display()
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(tmp_path / "l.db")],
                       capture_output=True, text=True, timeout=120, cwd=ROOT,
                       env=_desk_env(DISPLAY=display))
    assert r.returncode == 2, r.stderr  # not Qt's abort (134)
    assert r.stderr == f"desk: error: {no_display_reason({'DISPLAY': display}, 'linux')}\n"
    assert r.stdout == "" and not (tmp_path / "l.db").exists()


@pytest.mark.subprocess
def test_desk_opens_its_window_on_a_real_x_server(tmp_path, xvfb):
    """The probe lets a real display through: the window starts on Xvfb and is usable."""
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(tmp_path / "l.db")],
                       capture_output=True, text=True, timeout=300, cwd=ROOT,
                       env=_desk_env(DISPLAY=xvfb, DESK_EXIT_WHEN_READY="1"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ready ")
