"""Compiled regular expressions kept between runs.

The checks compile about 160 patterns when they are imported (the attribution's word
lists, cues and constructions), and Python's ``re`` parses and compiles each in Python:
some 30 ms of every `desk check`, a fifth of a quick run. ``serving()`` answers
``re.compile`` while the checks import from a file in the user cache holding what the
compiler produced for each pattern (its opcodes, groups and flags), and writes the file
again at exit when a pattern was new. The file is keyed by the interpreter and its regular
expression engine; a file of another Python, a damaged one, or any surprise from the
engine's internals falls back to ``re.compile`` itself, which is always correct.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:  # CPython's engine; anywhere else the cache is simply not used
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

FORMAT = 1
FILE_NAME = "regex-cache.marshal"

_entries: dict[tuple[str, int], tuple] | None = None
_dirty = False
_path: Path | None = None


def key() -> str:
    """What a cached compilation depends on: this interpreter and its engine."""
    magic = getattr(_sre, "MAGIC", None)
    return f"{FORMAT}-{sys.implementation.cache_tag}-{magic}-{getattr(_sre, 'CODESIZE', None)}"


def cache_file() -> Path:
    from desk.paths import cache_dir

    return cache_dir() / FILE_NAME


def _load(path: Path) -> dict[tuple[str, int], tuple]:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("key") != key():
        return {}
    entries = stored.get("entries")
    return entries if isinstance(entries, dict) else {}


def _save() -> None:
    global _dirty
    if not _dirty or _entries is None or _path is None:
        return
    _dirty = False
    with contextlib.suppress(OSError, ValueError):
        _path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-", dir=_path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump({"key": key(), "entries": _entries}, fh)
            os.replace(tmp, _path)  # write-then-rename: a reader never sees half a file
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _compiled(entries: dict, pattern: Any, flags: Any) -> re.Pattern | None:
    """The pattern from the cache (compiling and recording it when new), or None to leave
    it to re.compile (bytes, a compiled pattern, a flag object, the debug flag)."""
    global _dirty
    if isinstance(flags, re.RegexFlag):
        flags = flags.value
    if _sre is None or type(pattern) is not str or type(flags) is not int \
            or flags & (re.DEBUG | re.TEMPLATE):
        return None
    found = entries.get((pattern, flags))
    if found is None:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        found = (int(flags | parsed.state.flags), [int(c) for c in code],  # plain ints: marshal
                 parsed.state.groups - 1, groupindex, tuple(indexgroup))
        entries[(pattern, flags)] = found
        _dirty = True
    return _sre.compile(pattern, *found)


@contextlib.contextmanager
def serving(path: Path | None = None) -> Iterator[None]:
    """``re.compile`` of str patterns from the cache while the block runs (the checks'
    imports). ``path``: the cache file (default: the user cache's)."""
    global _entries, _path
    if _sre is None:
        yield
        return
    try:
        target = path or cache_file()
    except Exception:  # no cache folder to be had: compile as usual
        yield
        return
    if _entries is None or _path != target:
        _entries, _path = _load(target), target
        atexit.register(_save)
    entries = _entries
    plain = re.compile

    def compile_cached(pattern, flags=0):
        try:
            found = _compiled(entries, pattern, flags)
        except Exception:  # the engine's internals are not what this expects
            found = None
        return found if found is not None else plain(pattern, flags)

    re.compile = compile_cached  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = plain  # type: ignore[assignment]


def save_now() -> None:
    """Write new entries now (tests; the atexit hook does it otherwise)."""
    _save()
