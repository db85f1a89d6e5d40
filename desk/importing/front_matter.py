"""Reading YAML front matter safely: PyYAML is imported only when a file has some (a
`desk check` of a plain file never loads it)."""

from __future__ import annotations

import yaml

from desk.model import DeskError

MAX_FRONT_MATTER_DEPTH = 20  # articles need 2-3 levels (sources: - name: ...)


class _Refused(yaml.YAMLError):
    def __init__(self, reason: str, mark):
        super().__init__(reason)
        self.reason, self.problem_mark = reason, mark


class FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without aliases and with a nesting bound: a 300-byte front matter of
    nested aliases expands to tens of megabytes, and deep nesting exhausts the recursion
    of PyYAML's composer. Front matter written by hand or by a CMS needs neither."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _Refused("uses YAML aliases (*name), which desk does not read",
                           self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_FRONT_MATTER_DEPTH:
                raise _Refused(f"is nested more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                               self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load_front_matter(source: str, name: str = "input") -> dict:
    """The front matter's keys; a DeskError naming the line when it cannot be read."""
    try:
        meta = yaml.load(source, Loader=FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        if isinstance(exc, _Refused):
            raise DeskError(f"{name}: front matter {exc.reason}{line}") from None
        raise DeskError(f"{name}: front matter is not valid YAML{line}") from None
    except RecursionError:  # pragma: no cover - the depth bound comes first
        raise DeskError(f"{name}: front matter is nested too deeply") from None
    if not isinstance(meta, dict):
        raise DeskError(f"{name}: front matter must be a set of 'key: value' lines")
    return meta
