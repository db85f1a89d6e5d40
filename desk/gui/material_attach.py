"""Attaching source material (a transcript, a statement, notes) from the window: the
"Attach material…" buttons' file dialog and files dropped onto the review dialog or the
Sources panel end here.

Every file is read first (desk.review.read_material: .txt, .md or .docx); when one is not
supported or cannot be read, a dialog says which and why, and nothing is attached. Then each
is stored with desk.operations.materials.attach_material through the window's runner, which
announces the new material to the panels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from desk.gui import dialogs, file_dialog
from desk.model import DeskError
from desk.operations.materials import attach_material
from desk.review.material_files import SUFFIXES, read_material

MATERIAL_FILTER = ("Source material (" + " ".join(f"*{s}" for s in SUFFIXES) + ");;"
                   "All files (*)")
TITLE = "Attach material"


def choose_material_files(parent, library_path=None) -> list[str]:
    """Files picked in desk's file dialog (never the library's own files)."""
    return file_dialog.open_file_names(parent, "Attach source material", str(Path.home()),
                                       MATERIAL_FILTER, library_path=library_path)


def _as_text(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 become U+FFFD (as `desk material add`)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_files(paths, library_path=None) -> list[tuple[str, str, str]]:
    """(title, text, file name) for each file; a DeskError naming the first that cannot be
    read. The library's own files are refused by name, never opened (see file_dialog)."""
    read = []
    for path in paths:
        if file_dialog.is_library_file(path, library_path):
            raise DeskError(f"{Path(path).name} is one of the library's own files, not "
                            "source material")
        title, text = read_material(path)
        read.append((_as_text(title), text, _as_text(Path(path).name)))
    return read


def attach_files(parent, runner, paths, *, source_id: int | None = None,
                 article_id: int | None = None) -> list:
    """Read every file, then attach each to the source and/or article; the stored
    materials (an empty list when the editor was told why nothing was attached)."""
    paths = [str(p) for p in paths]
    if not paths:
        return []
    try:
        read = read_files(paths, getattr(runner.library, "path", None))
    except DeskError as exc:
        dialogs.show_error(parent, f"Nothing was attached.\n\n{exc}", TITLE)
        return []
    attached = []
    for title, text, filename in read:
        result = runner.run(attach_material, parent=parent, text=text, title=title,
                            source_id=source_id, article_id=article_id, filename=filename)
        if result is None:  # the runner has said why; the files before it stay attached
            break
        attached.append(result.material)
    return attached


def local_paths(mime) -> list[str]:
    """The local files in drag-and-drop data (web links and the like left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]


class FileDropFilter(QObject):
    """Lets ``widget`` (and more widgets with ``watch``) take files dropped on it: emits
    ``dropped(paths, widget, position)`` with the local files. (A signal, not a stored
    callback: a bound method kept here would keep the widget's wrapper alive after Qt
    deleted it.)"""

    dropped = Signal(list, object, object)

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.dropped.emit(paths, watched, event.position().toPoint())
                return True
        return super().eventFilter(watched, event)


def describe(materials) -> str:
    """"transcript (1,204 words)" for each material, newest first, one per line."""
    return "\n".join(f"{m.title or m.filename or f'material {m.id}'} "
                     f"({len(m.text.split()):,} words)" for m in materials)
