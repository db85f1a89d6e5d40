"""The right-hand panels, each made when it is first needed.

``build_parts`` makes them all at once, as before. At start-up (desk.app.start_window) only
the Problems panel is made before the first paint: the others (Quotes, Sources, Preview,
Review, with their modules' imports) are made just after it, one per turn of the event
loop, or at once when something asks for one first: its dock shown (the tab a saved layout
put in front), the window feeding it, a test. Whoever wires a panel (the window, the
"library changed" subscriptions) asks ``when_made``, which runs for each panel as it is
made, so a panel made late is wired exactly as one made at the start."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

Maker = Callable[[], QWidget]
Listener = Callable[[str, QWidget], None]


class PanelSet(Mapping):
    """name -> panel; ``panels[name]`` makes a panel not made yet."""

    def __init__(self, made: Mapping[str, QWidget] | None = None,
                 makers: Mapping[str, Maker] | None = None):
        self._names = list(made or {}) + [n for n in (makers or {}) if n not in (made or {})]
        self._made: dict[str, QWidget] = dict(made or {})
        self._makers: dict[str, Maker] = {n: m for n, m in (makers or {}).items()
                                          if n not in self._made}
        self._listeners: list[Listener] = []

    def __getitem__(self, name: str) -> QWidget:
        panel = self._made.get(name)
        if panel is None:
            maker = self._makers.pop(name)  # KeyError: no such panel
            panel = self._made[name] = maker()
            for listener in list(self._listeners):
                listener(name, panel)
        return panel

    def __contains__(self, name: object) -> bool:  # without making it
        return name in self._made or name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def made(self, name: str) -> QWidget | None:
        """The panel if it has been made, else None (nothing is made by asking)."""
        return self._made.get(name)

    def pending(self) -> list[str]:
        return [n for n in self._names if n in self._makers]

    def when_made(self, listener: Listener) -> None:
        """``listener(name, panel)`` for each panel made so far and each one made later."""
        self._listeners.append(listener)
        for name in [n for n in self._names if n in self._made]:
            listener(name, self._made[name])

    def make_rest(self) -> None:
        for name in self.pending():
            self[name]


def make_in_turns(panels: PanelSet, window: QObject) -> None:
    """Make the panels not made yet, one per turn of the event loop (input and paints get
    their turn between two), until ``window`` is closed (its ``closed``)."""
    pending = panels.pending()
    if not pending or getattr(window, "closed", False):
        return
    panels[pending[0]]
    if len(pending) > 1:
        QTimer.singleShot(0, window, lambda: make_in_turns(panels, window))


__all__ = ["PanelSet", "make_in_turns"]
