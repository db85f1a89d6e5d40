"""Helpers for the packaging tests: where the files are, the two scripts outside the desk
package (packaging/install_desktop.py, tools/make_icons.py) loaded from their paths, and
readers for PNG headers and desktop entries that involve no library of ours."""

import importlib.util
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(path: Path):
    name = "_desk_script_" + path.stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def desktop_entry(text: str) -> dict[str, str]:
    """The [Desktop Entry] group's keys, values as written."""
    keys, group = {}, None
    for line in text.splitlines():
        if line.startswith("["):
            group = line.strip("[]")
        elif "=" in line and group == "Desktop Entry":
            key, value = line.split("=", 1)
            keys[key] = value
    return keys


def unescape(value: str) -> str:
    """A desktop-entry string value as the spec reads it (\\s \\n \\t \\r \\\\)."""
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(value[i + 1], "\\" + value[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def exec_args(value: str) -> list[str]:
    """An Exec value (already unescaped as a string) split into arguments as the spec says:
    spaces separate, double quotes group, and inside them a backslash escapes " ` $ \\."""
    args, word, quoted, started, i = [], [], False, False, 0
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            word.append(value[i + 1])
            i += 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if word or started:
                args.append("".join(word))
            word, started = [], False
        else:
            word.append(ch)
        i += 1
    assert not quoted, f"unbalanced quotes in {value!r}"
    if word or started:
        args.append("".join(word))
    return [a.replace("%%", "%") for a in args]
