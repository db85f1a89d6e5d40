"""The word lists compiled into one compact file, memory-mapped (no Qt, no SQL).

Reading pyspellchecker's JSON and our lists and building dicts of 166,000 words took
0.4-0.6 s in every process; this file is written once per set of inputs (named by their
hash) and then mapped: a process start pays a millisecond, and pages are read as
look-ups touch them.  Layout (native byte order, recorded in the header)::

    header      magic, version, byte order, N words, T table slots, blob and variants sizes
    offsets     N + 1 x uint32   word i is blob[offsets[i]:offsets[i + 1]] (UTF-8, sorted)
    freq        N x uint32       the ranking frequency of word i
    table       T x uint32       open addressing by crc32 of the UTF-8 word: word id + 1
    flags       N bytes          bit L: word i is not known in language L (LANGUAGES order)
    blob        the words
    variants    "us\\tgb\\n" lines (en-US -> en-GB), a blank line, "gb\\tus\\n" lines

A file that does not match (other version or byte order, truncated) is ignored and
compiled again.  Files are written whole (temp file + rename), so none is half-written.
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

VERSION = 1
MAGIC = b"DESKLEXI"
_HEADER = struct.Struct("<8sIIIIQQ")  # magic, version, little, N, T, blob, variants
PREFIX = "spelling-lexicon-"


def cache_file(folder: Path, key: str) -> Path:
    return folder / f"{PREFIX}v{VERSION}-{key[:24]}.bin"


def _utf8(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")


def compile_image(freq: dict[str, int], to_gb: dict[str, str], to_us: dict[str, str],
                  excluded: Sequence[set[str]]) -> bytes:
    """The file's bytes for these words (``excluded``: per language, the words it does not
    know)."""
    words = sorted(freq)
    n = len(words)
    slots = 1 << max(4, (2 * n - 1).bit_length())  # load factor at most one half
    mask = slots - 1
    offsets = array("I", [0])
    encoded = []
    pos = 0
    for w in words:
        b = _utf8(w)
        encoded.append(b)
        pos += len(b)
        offsets.append(pos)
    table = array("I", bytes(4 * slots))
    for i, b in enumerate(encoded):
        h = zlib.crc32(b) & mask
        while table[h]:
            h = (h + 1) & mask
        table[h] = i + 1
    flags = bytearray(n)
    for bit, words_out in enumerate(excluded):
        for i, w in enumerate(words):
            if w in words_out:
                flags[i] |= 1 << bit
    variants = ("".join(f"{a}\t{b}\n" for a, b in to_gb.items()) + "\n"
                + "".join(f"{a}\t{b}\n" for a, b in to_us.items())).encode("utf-8", "surrogatepass")
    blob = b"".join(encoded)
    head = _HEADER.pack(MAGIC, VERSION, sys.byteorder == "little", n, slots, len(blob),
                        len(variants))
    freqs = array("I", [min(freq[w], 0xFFFFFFFF) for w in words])
    return b"".join((head, offsets.tobytes(), freqs.tobytes(), table.tobytes(), bytes(flags),
                     blob, variants))


def load(folder: Path | None, key: str) -> CompiledLexicon | None:
    """The compiled lexicon in ``folder`` for ``key``, mapped; None when missing or stale."""
    if folder is None:
        return None
    try:
        with open(cache_file(folder, key), "rb") as fh:
            try:
                buf: bytes | mmap.mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # an empty file, or a file system without mmap
                buf = fh.read()
        return CompiledLexicon(buf)
    except (OSError, ValueError, struct.error):
        return None


def save(folder: Path | None, key: str, image: bytes) -> None:
    """Write atomically (temp file + os.replace), removing stale compiled lexicons;
    failures are silent (the lexicon is then compiled again next time)."""
    if folder is None:
        return
    target = cache_file(folder, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(target, (image,), prefix=".spelling-lexicon-")
        for old in folder.glob(f"{PREFIX}*.bin"):
            if old != target:
                try:
                    old.unlink()
                except OSError:
                    pass
    except Exception:
        pass


def write_atomically(target: Path, parts, *, prefix: str) -> None:
    """Write ``parts`` (bytes-like) to ``target`` through a temp file in its folder."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for part in parts:
                fh.write(part)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class CompiledLexicon:
    """Read-only views over a compiled image (bytes or an mmap)."""

    def __init__(self, buf):
        magic, version, little, n, slots, nblob, nvar = _HEADER.unpack_from(buf, 0)
        if magic != MAGIC or version != VERSION or bool(little) != (sys.byteorder == "little"):
            raise ValueError("not a compiled lexicon of this version")
        if slots & (slots - 1) or slots < n:
            raise ValueError("bad table size")
        pos = _HEADER.size
        sizes = (4 * (n + 1), 4 * n, 4 * slots, n, nblob, nvar)
        if len(buf) != pos + sum(sizes):
            raise ValueError("truncated compiled lexicon")
        view = memoryview(buf)
        parts = []
        for size in sizes:
            parts.append(view[pos:pos + size])
            pos += size
        self._buf = buf  # keeps the mapping alive
        self.n = n
        self._offsets = parts[0].cast("I")
        self._freqs = parts[1].cast("I")
        self._table = parts[2].cast("I")
        self._mask = slots - 1
        self._flags = parts[3]
        self._blob_start = _HEADER.size + sum(sizes[:4])
        self._variants = parts[5]
        self._variant_dicts: tuple[dict[str, str], dict[str, str]] | None = None
        self.freq = Frequencies(self)
        self.words = WordList(self)

    def word_id(self, word: str) -> int:
        """The id of ``word`` (its rank in sorted order), or -1."""
        try:
            b = word.encode("utf-8", "surrogatepass")
        except (AttributeError, UnicodeError):
            return -1
        table, offsets, buf, start = self._table, self._offsets, self._buf, self._blob_start
        mask = self._mask
        h = zlib.crc32(b) & mask
        lb = len(b)
        while True:
            v = table[h]
            if not v:
                return -1
            i = v - 1
            a = offsets[i]
            if offsets[i + 1] - a == lb and buf[start + a:start + a + lb] == b:
                return i
            h = (h + 1) & mask

    def word(self, i: int) -> str:
        a, b = self._offsets[i], self._offsets[i + 1]
        start = self._blob_start
        return bytes(self._buf[start + a:start + b]).decode("utf-8", "surrogatepass")

    def frequency(self, i: int) -> int:
        return self._freqs[i]

    def known(self, bit: int) -> KnownWords:
        return KnownWords(self, 1 << bit)

    def excluded(self, bit: int) -> set[str]:
        flag = 1 << bit
        return {self.word(i) for i, f in enumerate(self._flags) if f & flag}

    def variants(self) -> tuple[dict[str, str], dict[str, str]]:
        got = self._variant_dicts
        if got is None:
            to_gb: dict[str, str] = {}
            to_us: dict[str, str] = {}
            target = to_gb
            for line in bytes(self._variants).decode("utf-8", "surrogatepass").split("\n"):
                if not line:
                    target = to_us
                    continue
                a, _, b = line.partition("\t")
                target[a] = b
            got = self._variant_dicts = (to_gb, to_us)
        return got


class KnownWords:
    """The words a language knows, used like a set."""

    __slots__ = ("_lex", "_flag")

    def __init__(self, lex: CompiledLexicon, flag: int):
        self._lex = lex
        self._flag = flag

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = self._lex.word_id(word)
        return i >= 0 and not self._lex._flags[i] & self._flag

    def __iter__(self) -> Iterator[str]:
        lex, flag = self._lex, self._flag
        return (lex.word(i) for i, f in enumerate(lex._flags) if not f & flag)

    def __len__(self) -> int:
        flag = self._flag
        return sum(1 for f in self._lex._flags if not f & flag)


class Frequencies:
    """{word: frequency} over every word of every language, read-only."""

    __slots__ = ("_lex",)

    def __init__(self, lex: CompiledLexicon):
        self._lex = lex

    def get(self, word: str, default=None):
        i = self._lex.word_id(word)
        return self._lex._freqs[i] if i >= 0 else default

    def __getitem__(self, word: str) -> int:
        i = self._lex.word_id(word)
        if i < 0:
            raise KeyError(word)
        return self._lex._freqs[i]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lex.word_id(word) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._lex.words)

    def __len__(self) -> int:
        return self._lex.n


class WordList(Sequence[str]):
    """The words in sorted order (the suggestion index names them by position)."""

    def __init__(self, lex: CompiledLexicon):
        self._lex = lex

    def __len__(self) -> int:
        return self._lex.n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self._lex.word(j) for j in range(*i.indices(self._lex.n))]
        if i < 0:
            i += self._lex.n
        if not 0 <= i < self._lex.n:
            raise IndexError(i)
        return self._lex.word(i)

    def __iter__(self) -> Iterator[str]:
        data = bytes(self._lex._buf[self._lex._blob_start:self._lex._blob_start
                                    + self._lex._offsets[self._lex.n]])
        offsets = self._lex._offsets
        for i in range(self._lex.n):
            yield data[offsets[i]:offsets[i + 1]].decode("utf-8", "surrogatepass")
