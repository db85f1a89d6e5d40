"""Turning a file's bytes into text, or a clear refusal.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as they say. Text that is not
valid UTF-8 is read as Windows-1252 (what Word, Notepad and older CMSs on Windows save;
it is a superset of Latin-1 for everything printable) when it looks like text in it:
none of the five bytes Windows-1252 leaves undefined, next to no control characters, and
mostly ASCII letters. Anything else (random bytes, UTF-16 without its BOM, a picture) is
refused in one line rather than imported as gibberish. The encoding used is named
(``Decoded.encoding``), so an import can say which files were not UTF-8.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from desk.model import DeskError

MAX_BYTES = 20 * 1024 * 1024
UTF8, UTF16, CP1252 = "UTF-8", "UTF-16", "Windows-1252"
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\x0c") + b"\x7f"
_HIGH_BYTES = bytes(range(0x80, 0x100))
MAX_CONTROL_SHARE = 0.005  # control characters in real text: a stray form feed, not 1 in 8
MAX_HIGH_SHARE = 0.30  # bytes >= 0x80: a French or German text has 2-6 %, random bytes 50 %


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # UTF8, UTF16 or CP1252


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
    """The text of ``data`` (see decode_text). ``newlines=False`` keeps CR/CRLF as they
    are, for callers that report offsets into the file's own text (desk check)."""
    return decode_text(data, name, newlines=newlines).text


def decode_text(data: bytes, name: str = "input", *, newlines: bool = True) -> Decoded:
    """The text and the encoding it was read in, or a one-line DeskError."""
    finish = _normalise if newlines else (lambda text: text)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(finish(data.decode("utf-16")), UTF16)
        except UnicodeDecodeError:
            raise DeskError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        if _looks_like_bomless_utf16(data):
            raise DeskError(f"{name}: looks like UTF-16 text without a byte-order mark; "
                            "save it as UTF-8 and try again")
        raise DeskError(f"{name}: looks like a binary file, not text")
    try:
        return Decoded(finish(data.decode("utf-8")), UTF8)
    except UnicodeDecodeError as exc:
        if not _looks_like_cp1252_text(data):
            raise DeskError(f"{name}: not text in UTF-8 or Windows-1252 (invalid byte at offset "
                            f"{exc.start}); save it as UTF-8 and try again") from exc
    return Decoded(finish(data.decode("cp1252")), CP1252)


def decode_as(data: bytes, charset: str, name: str = "input") -> Decoded:
    """Bytes in an encoding a file declares (an HTML page's charset). Latin-1 and ASCII
    labels mean Windows-1252, as in every browser (the WHATWG Encoding standard)."""
    label = charset.strip().lower()
    if label in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                 "windows-1252", "cp1252", "x-cp1252"):
        return decode_text(data, name) if _is_utf8(data) else _cp1252_or_refuse(data, name)
    try:
        codec = codecs.lookup(label)
    except LookupError:
        raise DeskError(f"{name}: the page declares the character set {label!r}, which desk "
                        "cannot read; save the page as UTF-8 and try again") from None
    try:
        return Decoded(_normalise(data.decode(codec.name)), _label(codec.name))
    except UnicodeDecodeError:
        raise DeskError(f"{name}: the page is not valid {label} text as it declares; "
                        "save the page as UTF-8 and try again") from None


def _cp1252_or_refuse(data: bytes, name: str) -> Decoded:
    if b"\x00" in data[:8192] or not _looks_like_cp1252_text(data):
        raise DeskError(f"{name}: not Windows-1252 text as the page declares; "
                        "save the page as UTF-8 and try again")
    return Decoded(_normalise(data.decode("cp1252")), CP1252)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _label(codec_name: str) -> str:
    return {"utf-8": UTF8, "cp1252": CP1252}.get(codec_name, codec_name.upper())


def _looks_like_cp1252_text(data: bytes) -> bool:
    if not data or any(b in data for b in _CP1252_UNDEFINED):
        return False
    # counted with bytes.translate (C speed): a 20 MB file is checked in milliseconds
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return controls <= len(data) * MAX_CONTROL_SHARE and high <= len(data) * MAX_HIGH_SHARE


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """Latin-script text in UTF-16: most of every other byte is NUL, next to none of the rest."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return any(half.count(0) >= 0.7 * len(half) and other.count(0) <= 0.1 * len(other)
               for half, other in ((odd, even), (even, odd)))


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


def read_decoded(path: Path) -> Decoded:
    return decode_text(read_bytes(Path(path)), str(path))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
