"""Turning a file's bytes into text, or a clear refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

from desk.model import DeskError

MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DeskError(f"{path}: file is {size / 1e6:.0f} MB; desk imports files up to 20 MB")
    return path.read_bytes()


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM) and UTF-16 (with BOM) are accepted; anything else
    is refused rather than guessed."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalise(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise DeskError(f"{name}: not valid UTF-16 text")
    if b"\x00" in data[:8192]:
        raise DeskError(f"{name}: looks like a binary file, not text")
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DeskError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); "
                        "save it as UTF-8 and try again")


def read_text(path: Path) -> str:
    return decode(read_bytes(Path(path)), str(path))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
