"""The crash journal: unsaved text kept beside the library, like an editor's swap file.

The window writes the open article's fields here about once a second while they differ
from what the library holds, and removes the entry once a save succeeded. A kill -9, a
locked library or a full disk then loses at most that second of typing: the next start
finds the entries of processes that are gone and offers them back.

One JSON file per (library, article, process), written to a temporary file in the same
folder and moved into place with os.replace, so a reader sees the old entry or the new
one, never half of one. No Qt here; desk/gui/journal_keeper.py wires it to the window.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FORMAT = 1


def default_folder() -> Path:
    from platformdirs import user_state_path

    return user_state_path("desk", appauthor=False) / "journal"


def library_key(library_path) -> str:
    """Entries are grouped by library: a short digest of its absolute path (a team
    library's: of its URL without the password)."""
    from desk.paths import is_database_url, url_without_password

    if is_database_url(str(library_path)):
        resolved = url_without_password(str(library_path))
    else:
        resolved = str(Path(library_path).expanduser().resolve())
    import hashlib  # imported when first used (OpenSSL's set-up), not before the first paint

    return hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def is_url(target) -> bool:
    from desk.paths import is_database_url

    return is_database_url(str(target))


@dataclass
class Entry:
    path: Path
    article_id: int
    fields: dict  # headline, dek, byline, section, body, language, tags
    base: dict | None  # the stored text the editor started from
    pid: int
    written_at: str
    library: str


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Journal:
    def __init__(self, library_path, folder: Path | None = None, pid: int | None = None):
        self.library_path = library_path if is_url(library_path) else Path(library_path)
        self.folder = Path(folder) if folder is not None else default_folder()
        self.pid = os.getpid() if pid is None else pid

    @functools.cached_property
    def key(self) -> str:
        """The library's part of the entries' names (library_key), worked out when first
        needed: not while the window starts."""
        return library_key(self.library_path)

    def _path(self, article_id: int) -> Path:
        return self.folder / f"{self.key}-{int(article_id)}-{self.pid}.json"

    def write(self, article_id: int, fields: dict, base: dict | None = None,
              in_steps: bool = False) -> Path:
        """Replace this process's entry for the article. Raises OSError (disk full, ...).
        in_steps: encode long text in short steps (a worker thread beside the GUI's)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(article_id)
        data = {"format": FORMAT, "library": str(self.library_path), "article_id": article_id,
                "pid": self.pid, "written_at": datetime.now(timezone.utc).isoformat(),
                "fields": fields, "base": base}
        payload = (encode(data) if in_steps
                   else json.dumps(data, ensure_ascii=False).encode("utf-8"))
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target

    def remove(self, article_id: int) -> None:
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # no entry there
            self._path(article_id).unlink()

    def entries(self) -> list[Entry]:
        """Every readable entry for this library, newest first (unreadable ones skipped)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"{self.key}-*.json"):
            entry = read_entry(path)
            if entry is not None:
                found.append(entry)
        found.sort(key=lambda e: e.written_at, reverse=True)
        return found

    def pending(self) -> list[Entry]:
        """Entries left by processes that have stopped: the ones to offer for recovery."""
        return [e for e in self.entries() if e.pid != os.getpid() and not _process_alive(e.pid)]

    def sweep_temporaries(self) -> None:
        """Temporary files of writes that a kill interrupted."""
        if self.folder.is_dir():
            for tmp in self.folder.glob(f".{self.key}-*.tmp"):
                with contextlib.suppress(OSError):
                    tmp.unlink()


CHUNK = 16_384  # characters of a long string escaped per step


def _json(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, str) and len(value) > CHUNK:
        parts = []
        for start in range(0, len(value), CHUNK):  # JSON escapes character by character
            parts.append(json.dumps(value[start:start + CHUNK], ensure_ascii=False)[1:-1])
            time.sleep(0)  # let the GUI thread have the GIL between steps
        return '"' + "".join(parts) + '"'
    return json.dumps(value, ensure_ascii=False)


def encode(data: dict) -> bytes:
    """The entry as UTF-8 JSON, the same as json.dumps(data, ensure_ascii=False) gives, but
    in short steps: one json.dumps of 100,000 words holds the GIL (and so the GUI thread,
    when the journal's worker writes) for 3-8 ms. About twice as slow in all."""
    return _json(data).encode("utf-8")


def read_entry(path: Path) -> Entry | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or not isinstance(data.get("fields"), dict):
            return None
        return Entry(path=Path(path), article_id=int(data["article_id"]), fields=data["fields"],
                     base=data.get("base"), pid=int(data.get("pid", 0)),
                     written_at=str(data.get("written_at", "")),
                     library=str(data.get("library", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def discard(entry: Entry) -> None:
    with contextlib.suppress(FileNotFoundError):
        entry.path.unlink()
