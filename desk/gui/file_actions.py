"""The File menu's actions on the window: import, export and backup. Each takes the
MainWindow as ``win`` (MainWindow binds them as methods). Import runs
desk.operations.imports.import_files through the window's runner, as ``desk import`` does."""

from __future__ import annotations

from desk.gui import dialogs
from desk.model import DeskError

SAVE_ERRORS = (DeskError, OSError)  # storage errors arrive as DeskError (desk.storage.errors)


def import_dialog(win) -> None:
    paths = dialogs.choose_import_files(win, win.library.path)
    if paths:
        win.import_paths(paths)


def import_paths(win, paths) -> list[int]:
    from desk.gui.file_dialog import is_library_file
    from desk.operations.imports import import_files

    # Reading the library's own files (a drop of lib.db) would drop SQLite's locks on it.
    kept = [str(p) for p in paths if not is_library_file(p, win.library.path)]
    if len(kept) < len(paths):
        win.statusBar().showMessage("The library's own files cannot be imported.", 6000)
    if not kept:
        return []
    try:
        result = win.runner.run(import_files, parent=win, quiet=True, paths=kept)
    except SAVE_ERRORS as exc:
        win.show_error(f"Nothing was imported.\n\n{exc}", "Import failed")
        return []
    ids = result.article_ids
    if ids:
        win.library_panel.clear_filters()
        win.library_panel.reload()
        win.open_article(ids[-1])
        win.statusBar().showMessage(
            f"Imported {len(ids)} article{'s' if len(ids) != 1 else ''}", 5000)
    if result.notes:  # e.g. a file that said "published" came in as a draft: say why
        dialogs.show_info(win, "\n\n".join(result.notes), "Imported, with notes")
    return ids


def export_dialog(win) -> None:
    if win.editor.article_id is None or not win.autosaver.save():
        return
    from desk.gui.export_dialog import run_export

    run_export(win, win.library, win.editor.article_id)


def backup_dialog(win) -> None:
    from datetime import date
    from pathlib import Path

    suggestion = str(Path.home() / f"desk-backup-{date.today():%Y-%m-%d}.db")
    path = dialogs.choose_backup_path(win, suggestion, win.library.path)
    if path:
        win.backup_to(path)


def backup_to(win, path) -> bool:
    win.autosaver.save()
    try:
        target = win.library.backup(path, overwrite=True)
    except SAVE_ERRORS as exc:
        win.show_error(f"The backup was not made.\n\n{exc}", "Backup failed")
        return False
    win.statusBar().showMessage(f"Library backed up to {target}", 6000)
    return True
