"""The File menu's actions on the window: import, export and backup. Each takes the
MainWindow as ``win`` (MainWindow binds them as methods). Import runs
desk.operations.imports.import_files through the window's runner, as ``desk import`` does;
a file imported before (the same bytes) is asked about first: Import again, Skip or Cancel.
Backup runs in a worker (desk.gui.backup_job)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desk.gui import dialogs
from desk.model import DeskError

SAVE_ERRORS = (DeskError, OSError)  # storage errors arrive as DeskError (desk.storage.errors)


def import_dialog(win) -> None:
    paths = dialogs.choose_import_files(win, win.library.path)
    if paths:
        win.import_paths(paths)


def import_paths(win, paths) -> list[int]:
    from desk.gui.file_dialog import is_library_file
    from desk.operations.imports import find_duplicates, import_files, read_files

    # Reading the library's own files (a drop of lib.db) would drop SQLite's locks on it.
    kept = [str(p) for p in paths if not is_library_file(p, win.library.path)]
    if len(kept) < len(paths):
        win.statusBar().showMessage("The library's own files cannot be imported.", 6000)
    if not kept:
        return []
    try:
        parsed = read_files(kept)
        duplicates = find_duplicates(win.library, paths=kept, parsed=parsed)
        again = False
        if duplicates:  # the same bytes were imported before: ask, never a silent copy
            answer = ask_reimport(win, duplicates)
            if answer is None:
                return []
            again = answer == "again"
        result = win.runner.run(import_files, parent=win, quiet=True, paths=kept,
                                parsed=parsed, again=again)
    except SAVE_ERRORS as exc:
        win.show_error(f"Nothing was imported.\n\n{exc}", "Import failed")
        return []
    ids = result.article_ids
    if ids:
        win.library_panel.clear_filters()
        win.library_panel.reload()
        win.open_article(ids[-1])
    win.statusBar().showMessage(import_message(result), 8000)
    if result.notes:  # e.g. a file that said "published" came in as a draft: say why
        dialogs.show_info(win, "\n\n".join(result.notes), "Imported, with notes")
    return ids


def import_message(result) -> str:
    """The status bar after an import: "Imported 3 articles (1 from Windows-1252)"."""
    n = len(result.article_ids)
    parts = []
    if n:
        legacy = ", ".join(f"{count} from {name}" for name, count in sorted(result.encodings.items()))
        parts.append(f"Imported {n} article{'s' if n != 1 else ''}"
                     + (f" ({legacy})" if legacy else ""))
    if result.skipped:
        k = len(result.skipped)
        parts.append(f"{'s' if n else 'S'}kipped {k} file{'s' if k != 1 else ''} already in "
                     "the library")
    return "; ".join(parts) or "Nothing was imported"


REIMPORT_ANSWERS = ("again", "skip")


def reimport_question(parent, duplicates) -> QMessageBox:
    """Import again / Skip / Cancel, naming each file and the article it already is."""
    from desk.importing.decode import display_path

    n = len(duplicates)
    box = QMessageBox(QMessageBox.Question, "Already imported",
                      ("This file is" if n == 1 else f"These {n} files are")
                      + " already in the library:", QMessageBox.NoButton, parent)
    box.setInformativeText("\n".join(
        f"• {display_path(d.path)} — article {d.article_id}, “{d.headline}”"
        for d in duplicates[:10]) + (f"\n… and {n - 10} more" if n > 10 else "")
        + "\n\nImport " + ("it" if n == 1 else "them") + " again as new "
        + ("article" if n == 1 else "articles") + ", or skip " + ("it" if n == 1 else "them")
        + "? Cancel imports nothing.")
    again = box.addButton("Import Again as New Article" + ("s" if n != 1 else ""),
                          QMessageBox.AcceptRole)
    skip = box.addButton("Skip" if n == 1 else "Skip Them", QMessageBox.DestructiveRole)
    box.addButton(QMessageBox.Cancel)
    again.setObjectName("again")
    skip.setObjectName("skip")
    box.setDefaultButton(skip)
    return box


def ask_reimport(win, duplicates) -> str | None:
    """"again", "skip", or None to import nothing."""
    box = reimport_question(win, duplicates)
    box.exec()
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    return name if name in REIMPORT_ANSWERS else None


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


def backup_to(win, path):
    """Start the backup in a worker (desk.gui.backup_job): the job, whose ``finished`` says
    how it went (the window keeps working meanwhile); None when one is already under way."""
    from desk.gui.backup_job import BackupIndicator, BackupJob

    running = getattr(win, "backup_job", None)
    if running is not None and running.running:
        win.statusBar().showMessage("A backup is under way; wait for it to finish.", 6000)
        return None
    win.autosaver.save()
    job = BackupJob(win.library, path, win)
    indicator = BackupIndicator(job.path)
    win.statusBar().addPermanentWidget(indicator)
    win.actions.backup.setEnabled(False)

    def done(target, error: str) -> None:
        win.statusBar().removeWidget(indicator)
        indicator.deleteLater()
        win.actions.backup.setEnabled(True)
        if error:
            win.show_error(f"The backup was not made.\n\n{error}", "Backup failed")
        else:
            win.statusBar().showMessage(f"Library backed up to {target}", 6000)

    job.finished.connect(done)
    win.backup_job = job
    job.start()
    return job


def wait_for_backup(win) -> None:
    """The window closes: a backup under way finishes first (its connection is its own)."""
    job = getattr(win, "backup_job", None)
    if job is not None and job.running:
        job.wait()
