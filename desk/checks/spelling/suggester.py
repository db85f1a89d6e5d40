"""Fast spelling suggestions: a symmetric-delete candidate index and a ranking.

The index maps every string obtained by deleting up to two letters from the first
``PREFIX`` letters of a dictionary word (one letter for words of four letters or
fewer) to that word.  It is two parallel uint32 arrays: the sorted ``crc32`` of each
delete and the word id of each; compact, searched with ``bisect``, and memory-mapped
from the disk cache, so loading it reads nothing and a check touches only the pages its
look-ups need.  Hash collisions only add candidates, which are verified by an exact
edit distance, so they are harmless.

Candidates within edit distance two are ranked by ``log(frequency)`` minus a
weighted edit cost in which keyboard neighbours, vowel swaps, sound-alike letters,
doubled letters and transpositions are cheap.
"""

from __future__ import annotations

import math
import mmap
import re
import struct
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path

from .compiled import write_atomically

PREFIX = 7
INDEX_VERSION = 4
MAGIC = b"DESKSPEL"
_HEADER = struct.Struct("<8sIIQQI")  # magic, version, little-endian flag, words, entries, ends crc

# ---------------------------------------------------------------- edit distances


def deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` letters."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out


def _strip(a: str, b: str) -> tuple[str, str]:
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if i:
        a, b = a[i:], b[i:]
    j = 0
    n = min(len(a), len(b))
    while j < n and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    return a, b


# (letters of the typed word, letters of the dictionary word) an edit spans
_OPS = ((1, 1), (1, 0), (0, 1), (2, 2))


def _op_ok(a: str, b: str, op: tuple[int, int]) -> bool:
    return op != (2, 2) or (len(a) == 2 and a[0] == b[1] and a[1] == b[0])


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (adjacent transpositions cost one), up to 2.

    Returns ``limit + 1`` (at most 3) when the distance exceeds ``limit``.  Works on
    the cores left after stripping the common prefix and suffix: with at most two
    edits, one edit starts the core, one ends it, and the middle must be equal.
    """
    if a == b:
        return 0
    a, b = _strip(a, b)
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    for op in _OPS:
        if op == (la, lb) and _op_ok(a, b, op):
            return 1
    if limit < 2:
        return limit + 1
    for sa, sb in _OPS:
        if sa > la or sb > lb or not _op_ok(a[:sa], b[:sb], (sa, sb)):
            continue
        for ea, eb in _OPS:
            if sa + ea > la or sb + eb > lb:
                continue
            if a[sa:la - ea] == b[sb:lb - eb] and _op_ok(a[la - ea:], b[lb - eb:], (ea, eb)):
                return 2
    return limit + 1


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEAR: set[tuple[str, str]] = set()
for _r, _row in enumerate(_KEYBOARD_ROWS):
    for _c, _ch in enumerate(_row):
        for _dr, _dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
            _rr, _cc = _r + _dr, _c + _dc
            if 0 <= _rr < 3 and 0 <= _cc < len(_KEYBOARD_ROWS[_rr]):
                _NEAR.add((_ch, _KEYBOARD_ROWS[_rr][_cc]))
_VOWELS = set("aeiouy")
_SOUND = [set("ckqs"), set("sz"), set("gj"), set("mn"), set("bp"), set("dt"), set("fv"),
          set("iy"), set("sc"), set("xz")]
_SOUND_PAIRS = {(x, y) for group in _SOUND for x in group for y in group if x != y}


def _sub_cost(x: str, y: str) -> float:
    if (x, y) in _SOUND_PAIRS:
        return COSTS["sound"]
    if x in _VOWELS and y in _VOWELS:
        return COSTS["vowel"]
    if (x, y) in _NEAR:
        return COSTS["near"]
    return 1.0


# Tuned on Norvig's two test sets with tests/bench/bench_spelling.py.
_DOUBLE = re.compile(r"(.)\1")

COSTS = {"sound": 0.6, "vowel": 0.8, "near": 0.95, "double": 0.25, "transpose": 0.5,
         "indel": 0.7, "first": 0.4}


def weighted_cost(typed: str, word: str) -> float:
    """Weighted OSA distance from what was typed to a dictionary word."""
    if typed == word:
        return 0.0
    first_penalty = COSTS["first"] if typed[:1] != word[:1] else 0.0
    # work on the differing core, keeping one letter of context on each side
    i = 0
    n = min(len(typed), len(word))
    while i < n and typed[i] == word[i]:
        i += 1
    i = max(0, i - 1)
    j = 0
    n = min(len(typed), len(word)) - i
    while j < n and typed[-1 - j] == word[-1 - j]:
        j += 1
    j = max(0, j - 1)
    a, b = typed[i:len(typed) - j], word[i:len(word) - j]
    la, lb = len(a), len(b)
    indel = COSTS["indel"]
    dbl = COSTS["double"]
    tr = COSTS["transpose"]
    prev2: list[float] = []
    prev = [0.0] * (lb + 1)
    for y in range(1, lb + 1):
        # inserting a letter of the word that doubles its neighbour is cheap
        prev[y] = prev[y - 1] + (dbl if y > 1 and b[y - 1] == b[y - 2] else indel)
    for x in range(1, la + 1):
        ca = a[x - 1]
        cur = [prev[0] + (dbl if x > 1 and a[x - 1] == a[x - 2] else indel)] + [0.0] * lb
        for y in range(1, lb + 1):
            cb = b[y - 1]
            dcost = dbl if (x > 1 and ca == a[x - 2]) or (x < la and ca == a[x]) else indel
            icost = dbl if (y > 1 and cb == b[y - 2]) or (y < lb and cb == b[y]) else indel
            scost = 0.0 if ca == cb else _sub_cost(ca, cb)
            v = min(prev[y] + dcost, cur[y - 1] + icost, prev[y - 1] + scost)
            if x > 1 and y > 1 and ca == b[y - 2] and a[x - 2] == cb and ca != cb:
                v = min(v, prev2[y - 2] + tr)
            cur[y] = v
        prev2, prev = prev, cur
    return prev[lb] + first_penalty  # people rarely get the first letter wrong


# ---------------------------------------------------------------- the index

#: The build sorts its entries in this many buckets (by the top bits of the hash), one at
#: a time, so it never holds millions of Python integers at once.
BUCKET_BITS = 8


def build_index(words: Sequence[str]) -> tuple[array, array]:
    """(sorted crc32 of each delete, word id of each) as two parallel arrays.

    Entries are 64-bit ``crc << 32 | id`` kept in ``array('Q')`` buckets by the crc's top
    bits; each bucket is sorted on its own, so the result is the globally sorted order.
    Words sharing their first ``PREFIX`` letters (neighbours in sorted order) share their
    deletes, computed once.
    """
    nb = 1 << BUCKET_BITS
    shift = 32 - BUCKET_BITS
    buckets = [array("Q") for _ in range(nb)]
    crc = zlib.crc32
    last: tuple[str, int] | None = None
    hashed: list[tuple[array, int]] = []
    for wid, w in enumerate(words):
        depth = 1 if len(w) <= 4 else 2
        head = (w[:PREFIX], depth)
        if head != last:
            last = head
            hashed = []
            for d in deletes(head[0], depth):
                h = crc(d.encode("utf-8", "surrogatepass"))
                hashed.append((buckets[h >> shift], h << 32))
        for bucket, hv in hashed:
            bucket.append(hv | wid)
    keys, ids = array("I"), array("I")
    little = sys.byteorder == "little"
    for i in range(nb):
        pairs = array("I")
        pairs.frombytes(array("Q", sorted(buckets[i])).tobytes())
        buckets[i] = array("Q")  # free it
        # each uint64 is two uint32: (id, crc) on a little-endian machine
        keys.extend(pairs[1::2] if little else pairs[0::2])
        ids.extend(pairs[0::2] if little else pairs[1::2])
    return keys, ids


def _cache_file(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"spelling-index-v{INDEX_VERSION}-{key[:24]}.bin"


def _check_sum(keys, ids) -> int:
    """A crc of both arrays' ends (all 34 MB would cost reading all of it at every start):
    catches a truncated or foreign file; the index is written whole, by rename, and a word
    id out of range in a damaged middle is skipped by the look-up."""
    crc = 0
    for part in (keys[:1024], keys[-1024:], ids[:1024], ids[-1024:]):
        crc = zlib.crc32(part.tobytes(), crc)
    return crc


def load_cached(cache_dir: Path | None, key: str, n_words: int):
    """The cached index as two read-only uint32 views of the memory-mapped file, or None
    when missing, stale or damaged."""
    if cache_dir is None:
        return None
    try:
        with open(_cache_file(cache_dir, key), "rb") as fh:
            try:
                data: bytes | mmap.mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # empty, or no mmap here
                data = fh.read()
        magic, version, little, nw, ne, crc = _HEADER.unpack_from(data, 0)
        if (magic != MAGIC or version != INDEX_VERSION or nw != n_words
                or bool(little) != (sys.byteorder == "little")
                or len(data) != _HEADER.size + ne * 8):
            return None
        body = memoryview(data)[_HEADER.size:]
        keys = body[: ne * 4].cast("I")
        ids = body[ne * 4:].cast("I")
        if keys.itemsize != 4 or _check_sum(keys, ids) != crc:
            return None
        return keys, ids
    except Exception:
        return None


def save_cached(cache_dir: Path | None, key: str, n_words: int, index: tuple[array, array]) -> None:
    """Write atomically (temp file + os.replace), removing this version's stale indexes
    (other versions' files are left to the desks that use them); failures are silent."""
    if cache_dir is None:
        return
    keys, ids = index
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        header = _HEADER.pack(MAGIC, INDEX_VERSION, sys.byteorder == "little", n_words,
                              len(keys), _check_sum(memoryview(keys), memoryview(ids)))
        target = _cache_file(cache_dir, key)
        write_atomically(target, (header, keys, ids), prefix=".spelling-")
        for old in cache_dir.glob(f"spelling-index-v{INDEX_VERSION}-*.bin"):
            if old != target:
                try:
                    old.unlink()
                except OSError:
                    pass
    except Exception:
        pass


class CandidateIndex:
    """Dictionary words within edit distance two of a typed word."""

    built = False

    def __init__(self, words: Sequence[str], index):
        self.words = words
        self.keys, self.ids = index
        self.n = len(self.keys)

    @classmethod
    def load_or_build(cls, words: Sequence[str], key: str, cache_dir: Path | None,
                      prebuilt_dir: Path | None = None):
        """The index from ``prebuilt_dir`` (read-only, e.g. a bundle's), else from
        ``cache_dir``, else built and saved to ``cache_dir`` (then mapped from there)."""
        index = load_cached(prebuilt_dir, key, len(words))
        if index is None:
            index = load_cached(cache_dir, key, len(words))
        built = index is None
        if index is None:
            index = build_index(words)
            save_cached(cache_dir, key, len(words), index)
            index = load_cached(cache_dir, key, len(words)) or index  # the mapped copy
        idx = cls(words, index)
        idx.built = built
        return idx

    def candidates(self, typed: str, limit: int = 2) -> dict[str, int]:
        """{word: OSA distance} for indexed words within ``limit`` edits of ``typed``."""
        keys, ids, words = self.keys, self.ids, self.words
        n_words = len(words)
        crc = zlib.crc32
        found: set[int] = set()
        for d in deletes(typed[:PREFIX], limit):
            h = crc(d.encode("utf-8", "surrogatepass"))
            i = bisect_left(keys, h)
            j = bisect_right(keys, h, i)
            if j > i:
                found.update(ids[i:j])
        out: dict[str, int] = {}
        lt = len(typed)
        lo, hi = lt - limit, lt + limit
        for wid in found:
            if wid >= n_words:
                continue  # a damaged file: no such word
            w = words[wid]
            if lo <= len(w) <= hi:
                dist = osa_distance(typed, w, limit)
                if dist <= limit:
                    out[w] = dist
        return out


def single_edit_cost(typed: str, word: str) -> float | None:
    """The weighted cost when ``word`` is one edit from ``typed`` (None otherwise)."""
    i = 0
    n = min(len(typed), len(word))
    while i < n and typed[i] == word[i]:
        i += 1
    j = 0
    n -= i
    while j < n and typed[-1 - j] == word[-1 - j]:
        j += 1
    a, b = typed[i:len(typed) - j], word[i:len(word) - j]
    penalty = COSTS["first"] if typed[:1] != word[:1] else 0.0
    la, lb = len(a), len(b)
    if la == 1 and lb == 1:
        return _sub_cost(a, b) + penalty
    if la == 1 and lb == 0:
        c = a
        dbl = (i > 0 and typed[i - 1] == c) or (i + 1 < len(typed) and typed[i + 1] == c)
        return (COSTS["double"] if dbl else COSTS["indel"]) + penalty
    if la == 0 and lb == 1:
        c = b
        dbl = (i > 0 and word[i - 1] == c) or (i + 1 < len(word) and word[i + 1] == c)
        return (COSTS["double"] if dbl else COSTS["indel"]) + penalty
    if la == 2 and lb == 2 and a[0] == b[1] and a[1] == b[0]:
        return COSTS["transpose"] + penalty
    return None


def rank(typed: str, cands: dict[str, int], freq: dict[str, int], limit: int = 5,
         alpha: float | None = None) -> list[str]:
    """Candidates ({word: edit distance}) best first, at most ``limit``.

    Score = log(frequency) - alpha * weighted edit cost.  The weighted cost is only
    computed while a candidate's optimistic score could still make the list.
    """
    a = ALPHA if alpha is None else alpha
    cheapest = min(COSTS["sound"], COSTS["vowel"], COSTS["near"], COSTS["double"],
                   COSTS["transpose"], COSTS["indel"])
    # the doubled-letter discount needs a doubled letter on one side
    no_double = min(COSTS["sound"], COSTS["vowel"], COSTS["near"], COSTS["transpose"],
                    COSTS["indel"])
    typed_double = _DOUBLE.search(typed) is not None
    first = typed[:1]
    log = math.log
    search = _DOUBLE.search
    bounds = []
    for w, d in cands.items():
        penalty = 0.0 if w[:1] == first else COSTS["first"]
        edit = cheapest if typed_double or search(w) else no_double
        bounds.append((log(freq.get(w, 50)) - a * (edit * d + penalty), w))
    bounds.sort(key=lambda t: (-t[0], t[1]))
    scored: list[tuple[float, str]] = []
    for bound, w in bounds:
        if len(scored) >= limit:
            scored.sort(key=lambda t: (-t[0], t[1]))
            del scored[limit:]
            if bound < scored[-1][0]:
                break
        cost = single_edit_cost(typed, w) if cands[w] == 1 else None
        if cost is None:
            cost = weighted_cost(typed, w)
        scored.append((log(freq.get(w, 50)) - a * cost, w))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [w for _, w in scored[:limit]]


ALPHA = 7.5
