"""Install desk's desktop entry, icons, AppStream metadata and man page, or remove them.

    python3 packaging/install_desktop.py install --exec /abs/path/to/desk [--prefix P] [--destdir D]
    python3 packaging/install_desktop.py uninstall [--prefix P] [--destdir D]

`make install-desktop` / `make uninstall-desktop` run it. The files go under one data folder:
PREFIX/share when --prefix is given (a system install such as /usr/local), otherwise
$XDG_DATA_HOME or ~/.local/share (per user); --destdir is put in front of either (staging for
a package, or a test's temporary folder). The same list of files is installed and removed, so
uninstall takes away exactly what install put there (directories stay). A cache of the
desktop's own tools (update-desktop-database, gtk-update-icon-cache) is refreshed when one
already exists there and the tool is installed; none is created. Standard library only: it
runs with the system python3."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_ID = "org.example.desk"  # the AppStream component id (see the metainfo file's comment)
DESKTOP = HERE / "desk.desktop"
METAINFO = HERE / f"{APP_ID}.metainfo.xml"
MANPAGE = HERE / "desk.1"
SVG = ROOT / "resources" / "icons" / "desk.svg"
ICONS = HERE / "icons" / "hicolor"  # <N>x<N>/apps/desk.png, made by tools/make_icons.py

# Characters that make an Exec argument need quoting (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_dir(prefix: str | None = None, destdir: str | None = None,
             environ: dict[str, str] | None = None) -> Path:
    """Where the files go: [DESTDIR]PREFIX/share, or [DESTDIR]$XDG_DATA_HOME (~/.local/share)."""
    environ = dict(os.environ) if environ is None else environ
    if prefix:
        base = Path(prefix) / "share"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path(environ.get("HOME", "~")).expanduser() / ".local" / "share"
    base = base.absolute()
    if destdir:
        return Path(destdir).absolute() / base.relative_to(base.anchor)
    return base


def sources_and_targets(data: Path) -> list[tuple[Path, Path]]:
    """Every (file in the checkout, where it is installed)."""
    pairs = [
        (DESKTOP, data / "applications" / "desk.desktop"),
        (METAINFO, data / "metainfo" / METAINFO.name),
        (MANPAGE, data / "man" / "man1" / "desk.1"),
        (SVG, data / "icons" / "hicolor" / "scalable" / "apps" / "desk.svg"),
    ]
    for png in sorted(ICONS.glob("*/apps/desk.png")):
        pairs.append((png, data / "icons" / "hicolor" / png.relative_to(ICONS)))
    return pairs


def exec_value(command: str) -> str:
    """A program path as the value of an Exec key: quoted when it must be, then escaped as
    every desktop-entry string is (backslashes doubled), with % doubled for field codes."""
    if any(ch in _RESERVED for ch in command):
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in command)
        command = f'"{inner}"'
    return command.replace("\\", "\\\\").replace("%", "%%")


def string_value(text: str) -> str:
    """A plain desktop-entry string value (TryExec): backslashes doubled, nothing else."""
    return text.replace("\\", "\\\\")


def desktop_entry(command: str) -> str:
    """desk.desktop with Exec (and TryExec) naming the program that runs desk."""
    lines = []
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_value(command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + string_value(command)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(target: Path, data: bytes) -> None:
    """Whole or not at all: a temporary file beside the target, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        tmp.chmod(0o644)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _refresh_caches(data: Path) -> None:
    apps = data / "applications"
    tool = shutil.which("update-desktop-database")
    if tool and (apps / "mimeinfo.cache").exists():
        subprocess.run([tool, "-q", str(apps)], check=False)
    hicolor = data / "icons" / "hicolor"
    tool = shutil.which("gtk-update-icon-cache")
    if tool and (hicolor / "icon-theme.cache").exists() and (hicolor / "index.theme").exists():
        subprocess.run([tool, "-q", "-f", str(hicolor)], check=False)


def install(data: Path, command: str, *, refresh: bool = True) -> list[Path]:
    if os.path.isabs(command) and not os.access(command, os.X_OK):
        raise SystemExit(f"desk: error: {command} is not a program that can run (make the venv first)")
    if not os.path.isabs(command) and shutil.which(command) is None:
        print(f"desk: warning: {command} is not on PATH; the menu entry will not start until it is",
              file=sys.stderr)
    missing = [str(src.relative_to(ROOT)) for src, _ in sources_and_targets(data) if not src.is_file()]
    if missing:
        raise SystemExit("desk: error: missing from the checkout: " + ", ".join(missing))
    written = []
    for src, target in sources_and_targets(data):
        body = desktop_entry(command).encode("utf-8") if src == DESKTOP else src.read_bytes()
        _write(target, body)
        written.append(target)
    if refresh:
        _refresh_caches(data)
    return written


def uninstall(data: Path, *, refresh: bool = True) -> list[Path]:
    removed = []
    for _, target in sources_and_targets(data):
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(target)
    if refresh:
        _refresh_caches(data)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="install_desktop.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--exec", dest="command", default="desk",
                        help="the program the menu entry runs (default: desk on PATH)")
    parser.add_argument("--prefix", default="", help="install under PREFIX/share instead of the user's data folder")
    parser.add_argument("--destdir", default="", help="staging folder put in front of every path")
    args = parser.parse_args(argv)
    data = data_dir(args.prefix or None, args.destdir or None)
    refresh = not args.destdir  # a staging folder is not where the desktop looks
    if args.action == "install":
        for path in install(data, args.command, refresh=refresh):
            print(f"installed {path}")
    else:
        for path in uninstall(data, refresh=refresh):
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
