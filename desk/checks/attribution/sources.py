"""The library's sources, found by folded name and alias, and by a surname only one has."""

from __future__ import annotations

import re
import unicodedata


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("\u2019", "'").replace(".", "").strip()


def _keys(name: str) -> list[str]:
    f = _fold(name)
    toks = f.split()
    keys = [f]
    stripped = [re.sub(r"^(?:al|el)-", "", t) for t in toks if t not in ("al", "el")]
    keys.append(" ".join(stripped))
    return keys


class SourceIndex:
    """Library sources by folded name and alias, and by unique surname."""

    def __init__(self, sources):
        self.exact: dict[str, int] = {}
        self.surname: dict[str, set[int]] = {}
        self._memo: dict[str, int | None] = {}
        for s in sources:
            for n in (s.name, *s.aliases):
                if not n:
                    continue
                for k in _keys(n):
                    self.exact.setdefault(k, s.id)
                parts = _keys(n)[1].split()
                if parts:
                    self.surname.setdefault(parts[-1], set()).add(s.id)

    def find(self, name: str) -> int | None:
        if not name:
            return None
        if name in self._memo:
            return self._memo[name]
        found = self._find(name)
        self._memo[name] = found
        return found

    def _find(self, name: str) -> int | None:
        for k in _keys(name):
            if k in self.exact:
                return self.exact[k]
        parts = _keys(name)[1].split()
        if len(parts) == 2 and parts[0] == "the":
            # "the authority", "the ministry": the one registered source named by that head noun
            parts = parts[1:]
        if parts:
            ids = self.surname.get(parts[-1])
            if ids and len(ids) == 1:
                sid = next(iter(ids))
                if len(parts) == 1:
                    return sid
                # full name given: first names must agree with an entry when both have one
                return sid if self._first_ok(parts, sid) else None
        return None

    def _first_ok(self, parts: list[str], sid: int) -> bool:
        for k, v in self.exact.items():
            if v == sid:
                kp = k.split()
                if len(kp) >= 2 and kp[-1] == parts[-1] and kp[0] != parts[0]:
                    continue
                if len(kp) >= 2 and kp[0] == parts[0]:
                    return True
                if len(kp) == 1:
                    return True
        return False
