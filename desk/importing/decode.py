"""Turning a file's bytes into text, or a clear refusal."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from desk.model import DeskError

MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line DeskError (missing, a folder, unreadable, too big)."""
    path = Path(path)
    if not path.exists():
        raise DeskError(f"{path}: no such file")
    if path.is_dir():
        raise DeskError(f"{path}: is a folder, not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DeskError(f"{path}: file is {size / 1e6:.0f} MB; desk imports files up to 20 MB")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DeskError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, name: str = "input", *, newlines: bool = True) -> str:
    """UTF-8 (with or without BOM) and UTF-16 (with BOM) are accepted; anything else
    is refused rather than guessed. ``newlines=False`` keeps CR/CRLF as they are, for
    callers that report offsets into the file's own text (desk check)."""
    finish = _normalise if newlines else (lambda text: text)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return finish(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise DeskError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise DeskError(f"{name}: looks like a binary file, not text")
    try:
        return finish(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DeskError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); "
                        "save it as UTF-8 and try again") from exc


def display_path(path) -> str:
    """A path as printable text: bytes that are not UTF-8 in a file name (kept by Python as
    lone surrogates) are shown as \\xNN escapes instead of breaking a print or a dialog."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_title(path) -> str:
    """A headline or title from a file name: 'river-rises.md' -> 'river rises'."""
    stem = os.fsencode(Path(path).stem).decode("utf-8", "replace")
    return stem.replace("-", " ").replace("_", " ").strip() or "Untitled"


def one_line(message: str) -> str:
    """A user-facing error message as one printable line."""
    return " ".join(display_path(message).split())


def read_text(path: Path) -> str:
    return decode(read_bytes(Path(path)), str(path))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
