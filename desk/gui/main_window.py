"""The workstation window: library on the left, the article in the centre, checks on the
right. It lays out and wires the parts desk.gui.window_parts built for it; the behaviour
lives in those parts, and what changed in the library reaches them through the runner
(desk.gui.change_wiring)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from desk.gui import (
    dialogs,
    edit_lock,
    file_actions,
    first_paint,
    library_switch,
    panel_docks,
    recovery,
    team_changes,
    view_actions,
)
from desk.gui.actions import build_menus
from desk.gui.autosave import Autosaver
from desk.gui.change_wiring import connect_changes
from desk.gui.dock_layout import DockFitter
from desk.gui.external_changes import ExternalChanges
from desk.gui.file_actions import SAVE_ERRORS
from desk.gui.find_replace import FindReplaceBar
from desk.gui.journal_keeper import JournalKeeper
from desk.gui.preferences_dialog import apply_preferences, show_preferences
from desk.gui.settings import WindowSettings
from desk.gui.status_bar import DeskStatusBar
from desk.gui.window_parts import WindowParts
from desk.journal import Journal
from desk.model import DeskError


class MainWindow(QMainWindow):
    article_opened = Signal(int)

    def __init__(self, library, parts: WindowParts, settings: WindowSettings | None = None, *,
                 open_last: bool = True, journal: Journal | None = None):
        """Build it with desk.gui.window_parts.build_window, which makes ``parts``."""
        super().__init__()
        self.library, self.parts = library, parts
        # every library-changing action goes through it; panels listen to runner.changed
        self.runner = parts.runner
        self.runner.setParent(self)
        self.checker, self.editor_menu = parts.checker, parts.editor_menu
        self.target = library_switch.library_target(library)  # its file, or its URL
        self.journal = journal or Journal(self.target)
        self.closing_on_signal = False
        self.closed = False  # closed for good: what start-up left for later is not done
        self.settings = settings or WindowSettings.default()
        self.report = None
        self._focus_hidden: list = []
        self._headline_focus_for: int | None = None
        self.setObjectName("desk-main-window")
        self.setWindowTitle("desk[*]")
        self.setAccessibleName("desk")
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks)
        self.setDocumentMode(True)
        if not first_paint.later(self._set_icon):  # QIcon and the SVG engine: after the paint
            self._set_icon()
        self._build_centre()
        self._build_library_dock()
        self.panels = parts.panels
        self._build_panel_docks()
        self.status = DeskStatusBar(self)
        self.setStatusBar(self.status)
        self.status.watch(self.editor.body)
        self.autosaver = Autosaver(library, self.editor, self)
        self.journal_keeper = JournalKeeper(self.journal, self.editor, self.autosaver, self)
        self.edit_lock = edit_lock.attach(self)  # the banner; status, trash, restore checked
        self.checker.report_ready.connect(self._report_ready)
        self.actions = build_menus(self)
        self._fill_docks_menu()
        self._wire()
        self._restore_settings()
        apply_preferences(self, self.settings.preferences())
        self.settings.add_recent_library(self.target)
        self.status.show_library(self.target)
        self.library_panel.reload()
        if open_last:
            self.open_first_article()
        self._update_article_actions()

    def _set_icon(self) -> None:
        from PySide6.QtGui import QIcon

        from desk.paths import resource_path

        icon = resource_path("icons/desk.svg")
        if icon.exists() and not self.closed:
            self.setWindowIcon(QIcon(str(icon)))

    # -- layout ------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.editor = self.parts.editor
        self.find_bar = FindReplaceBar(self.editor.body)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(centre)

    def _build_library_dock(self) -> None:
        self.library_panel = self.parts.library_panel
        dock = QDockWidget("Library", self)
        dock.setObjectName("library-dock")
        dock.setWidget(self.library_panel)
        dock.setAccessibleName("Library")
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.LeftDockWidgetArea, dock)
        self.library_dock = dock

    def _build_panel_docks(self) -> None:
        self.panel_docks = panel_docks.build(self)
        # whole tab titles; in a narrow window the library joins the panels' tabs
        self.dock_fitter = DockFitter(self, self.library_dock, list(self.panel_docks.values()),
                                      self.editor.body)

    def _fill_docks_menu(self) -> None:
        menu = self.actions.docks_menu
        all_docks = [self.library_dock, *self.panel_docks.values()]
        for n, dock in enumerate(all_docks, start=1):
            act = dock.toggleViewAction()
            act.setText(f"&{dock.windowTitle()}")
            if n <= 9:
                act.setShortcut(f"Alt+{n}")
            menu.addAction(act)

    # -- wiring ------------------------------------------------------------------------
    def _wire(self) -> None:
        lp = self.library_panel
        lp.article_selected.connect(self.open_article)
        lp.article_trashed.connect(self._article_trashed)
        lp.error.connect(self.show_error)
        lp.open_requested.connect(self.focus_body)
        # New and Duplicate (buttons, menu, shortcut) leave the editor on the new headline;
        # otherwise the next keys go to the button, and Space presses it again.
        lp.article_created.connect(self._focus_headline)
        self.editor.status_requested.connect(self.request_status)
        self.editor.language_changed.connect(self._language_changed)
        self.editor.body.files_dropped.connect(self.import_paths)
        self.editor.body.zoom_changed.connect(self.settings.set_zoom)
        self.editor.text_changed.connect(self._title_soon)
        saver = self.autosaver
        saver.state_changed.connect(
            lambda state: self.status.show_save_state(state, saver.last_error))
        saver.state_changed.connect(
            lambda state: self.setWindowModified(state in ("edited", "failed")))
        # Never a dialog while the editor types: save trouble goes to the status bar.
        saver.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        saver.conflict.connect(lambda rev: self.statusBar().showMessage(
            "Another window or program had changed this article; its version is kept in "
            f"History (revision {rev.id}) and yours was saved.", 30000))
        saver.revision_failed.connect(self.show_error)
        self.journal_keeper.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        edit_lock.wire(self)
        self.panels.when_made(lambda name, panel: panel_docks.panel_made(self, name, panel))
        self.panel_docks["preview"].visibilityChanged.connect(
            lambda shown: shown and self._update_preview())
        self.panel_docks["quotes"].visibilityChanged.connect(
            lambda shown: shown and self.report is not None and self.panels["quotes"].show_report(
                self.report, self.editor.article_id))
        self.quote_syncer = connect_changes(self.parts, self.autosaver)
        # what another desk or the CLI wrote: the same "changed" (desk.gui.external_changes)
        self.external_changes = ExternalChanges(self.library, self.runner, self.editor,
                                                self.autosaver, self)
        self.external_changes.article_changed.connect(
            lambda text: self.statusBar().showMessage(text, 30000))
        self.external_changes.article_reloaded.connect(self._reloaded_from_outside)
        self.team = team_changes.attach(self)  # a team library: live updates, offline banner
        self.checker.notice_changed.connect(self.status.show_notice)  # "Preparing spelling — …"
        self._title_timer = QTimer(self, singleShot=True, interval=400)
        self._title_timer.timeout.connect(self._update_title)

    def offer_recovery(self, ask=None) -> list[int]:
        """Text a stopped desk left in the crash journal: Recover or Discard."""
        return recovery.offer(self, self.journal, ask)

    # -- articles ----------------------------------------------------------------------
    def open_first_article(self) -> None:
        """The article open when the window last closed, else the first one listed."""
        last = self.settings.last_article(self.target)
        if last is not None:
            try:
                self.library.articles.get(last)
            except DeskError:
                last = None
        if last is None:
            last = self.library_panel.model.article_id(0)
        if last is not None:
            self.open_article(last)
            self.editor.body.setFocus(Qt.OtherFocusReason)  # start where the writing is

    @property
    def article_id(self) -> int | None:
        return self.editor.article_id

    def open_article(self, article_id: int | None) -> bool:
        """Save the open article, then show another (None shows nothing)."""
        if article_id is not None and article_id == self.editor.article_id:
            return True
        if not self.autosaver.save():
            return False
        if article_id is None:
            article = None
        else:
            try:
                article = self.library.articles.get(article_id)
            except DeskError as exc:
                self.show_error(str(exc))
                return False
        self.report = None
        self.editor.load(article)
        self.edit_lock.follow(article_id)  # its editing lock, or read-only under the banner
        self.find_bar.refresh()
        self.status.recount()
        self.status.show_problems(None)
        self.checker.set_article(article_id, article.language if article else "en-US")
        self._clear_panels()
        self.settings.set_last_article(article_id, self.target)
        if article_id is not None:
            self.library_panel.select(article_id, emit=False)
            self._sync_status_menu(article.status)
        self._update_title()
        self._update_article_actions()
        self._update_preview()
        if article_id is not None:
            if article_id == self._headline_focus_for:
                self._focus_headline(article_id)
            self.article_opened.emit(article_id)
        return True

    def open_quote(self, article_id: int, start: int, end: int) -> None:
        if self.open_article(article_id):
            self.editor.body.select_range(start, end)

    def new_article(self) -> None:
        if self.autosaver.save():
            self.library_panel.new_article()
            self.editor.headline.setFocus(Qt.OtherFocusReason)
        elif self.team is not None and self.team.offline.offline:  # the text stays, unsaved
            from desk.gui.offline import OFFLINE_ACTION_TEXT

            self.show_error(OFFLINE_ACTION_TEXT, "New Article")

    def _focus_headline(self, article_id: int) -> None:
        """Focus the headline of a just-created article, now or once it has opened."""
        self._headline_focus_for = article_id
        if self.editor.article_id == article_id:
            self._headline_focus_for = None
            self.editor.headline.setFocus(Qt.OtherFocusReason)
            self.editor.headline.selectAll()

    def _article_trashed(self, article_id: int) -> None:
        if self.editor.article_id == article_id:
            nxt = self.library_panel.current_id()
            # open_article saves first: the last edits go into the trashed article, which
            # keeps them for a restore.
            self.open_article(nxt if nxt != article_id else None)
        self.statusBar().showMessage("Moved to the trash. Open the trash view to restore it.", 6000)

    def _clear_panels(self) -> None:
        """Until the new article's check arrives, show nothing rather than the old marks."""
        self.panels["problems"].show_report(None)
        quotes = self.panels.made("quotes")  # one made later starts empty
        if quotes is not None:
            quotes.show_report(None, self.editor.article_id)

    def _report_ready(self, report) -> None:
        self.report = report
        self.status.show_problems(report)
        self.panels["problems"].show_report(report, self.checker.report_text)
        self._update_quotes()
        self._update_preview()

    def _problems_title(self, full: str) -> None:
        """Tabs share the dock's width: the tab says "Problems (3)"; the full counts
        ("1 error, 2 warnings") are in the status bar and the dock's tooltip."""
        dock = self.panel_docks["problems"]
        n = len(self.report.problems) if self.report is not None else 0
        dock.setWindowTitle(f"Problems ({n})" if n else "Problems")
        dock.setToolTip(full)
        dock.setAccessibleDescription(full)

    def _on_screen(self, name: str) -> bool:
        dock = self.panel_docks[name]
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def _update_quotes(self) -> None:
        """Feed the Quotes panel only while its tab is on screen (one row per quotation:
        1,200 rows at 30,000 words took 100 ms per check); it catches up when shown."""
        if self._on_screen("quotes"):
            self.panels["quotes"].show_report(self.report, self.editor.article_id)

    def _update_preview(self) -> None:
        """Feed the preview only while its tab is on screen: a dock behind another tab
        still counts as visible to Qt, and rendering 10,000 words per check costs typing."""
        dock = self.panel_docks["preview"]
        if not dock.isVisible() or dock.visibleRegion().isEmpty():
            return
        fields = self.editor.current_fields() if self.editor.article_id is not None else None
        self.panels["preview"].show_article(fields)

    # -- status --------------------------------------------------------------------------
    def request_status(self, new_status: str) -> bool:
        aid = self.editor.article_id
        if aid is None or not self.autosaver.save():
            return False
        try:  # the gate, its override and the status log (an operation the runner announces)
            allowed = bool(self.parts.status_gate(self, self.runner, aid, new_status))
        except SAVE_ERRORS as exc:
            self.show_error(str(exc))
            allowed = False
        try:
            status = self.library.articles.get(aid).status
        except SAVE_ERRORS:  # offline: the dialog said so; the status shown is the last read
            status = self.editor.current_fields()["status"]
        self.editor.show_status(status)
        self._sync_status_menu(status)
        if allowed:
            self.statusBar().showMessage(f"Status: {status}", 4000)
        return allowed

    def _sync_status_menu(self, status: str) -> None:
        act = self.actions.status_actions.get(status)
        if act is not None:
            act.setChecked(True)

    # -- commands ------------------------------------------------------------------------
    def save_revision(self) -> None:
        if self.editor.article_id is None:
            return
        label = dialogs.ask_revision_label(self)
        if label is None:
            return
        rev = self.autosaver.named_revision(label)
        if rev is not None:
            self.statusBar().showMessage(f"Saved revision “{rev.label}”", 4000)

    def show_history(self) -> None:
        aid = self.editor.article_id
        if aid is None or not self.autosaver.save():
            return
        from desk.gui.history_dialog import HistoryDialog

        dlg = HistoryDialog(self.library, aid, self.editor.current_fields(), self,
                            runner=self.runner,
                            read_only=self.edit_lock.refusal("restoring a revision"))
        dlg.restored.connect(self._restored)
        dlg.failed.connect(self.show_error)
        dlg.exec()

    def _restored(self, article) -> None:
        self.editor.load(article)
        self._sync_status_menu(article.status)
        self.checker.set_article(article.id, article.language)
        self.statusBar().showMessage("Revision restored; the text before it is in the history.",
                                     6000)

    def _reloaded_from_outside(self, article) -> None:
        from desk.gui.external_changes import OPEN_ARTICLE_RELOADED

        self._sync_status_menu(article.status)
        self.checker.set_article(article.id, article.language)
        self._update_title()
        self.statusBar().showMessage(OPEN_ARTICLE_RELOADED, 8000)

    def _language_changed(self, language: str) -> None:
        if self.editor.article_id is not None:
            self.checker.set_article(self.editor.article_id, language)

    def check_now(self) -> None:
        if self.editor.article_id is not None:
            self.checker.check_now()

    # File menu actions live in file_actions.py (functions of the window).
    import_dialog = file_actions.import_dialog
    import_paths = file_actions.import_paths
    export_dialog = file_actions.export_dialog
    backup_dialog = file_actions.backup_dialog
    backup_to = file_actions.backup_to
    open_library_dialog = library_switch.open_library_dialog
    open_library = library_switch.open_library
    open_team_library_dialog = library_switch.open_team_library_dialog

    def fill_recent_menu(self) -> None:
        library_switch.fill_recent_menu(self, self.actions.recent_menu)

    show_preferences = show_preferences

    def show_about(self) -> None:
        dialogs.show_about(self)

    def show_error(self, message: str, title: str = "desk") -> None:
        dialogs.show_error(self, message, title)

    # -- view ------------------------------------------------------------------------------
    def focus_library_search(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library_panel.search.setFocus(Qt.ShortcutFocusReason)
        self.library_panel.search.selectAll()

    def focus_body(self) -> None:
        self.editor.body.setFocus(Qt.ShortcutFocusReason)

    # Focus mode and zoom live in view_actions.py (functions of the window).
    set_focus_mode = view_actions.set_focus_mode
    zoom_in = view_actions.zoom_in
    zoom_out = view_actions.zoom_out
    zoom_reset = view_actions.zoom_reset

    def _title_soon(self) -> None:
        if not self._title_timer.isActive():
            self._title_timer.start()

    def _update_title(self) -> None:
        where = library_switch.display_path(self.target)
        if self.editor.article_id is None:
            self.setWindowTitle(f"{where}[*] — desk")
            return
        headline = self.editor.headline.text().strip() or "(untitled)"
        self.setWindowTitle(f"{headline}[*] — {where} — desk")

    def _update_article_actions(self) -> None:
        has = self.editor.article_id is not None
        for act in self.actions.article_actions:
            act.setEnabled(has)

    # -- settings and events ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.editor.body.set_zoom(self.settings.zoom())

    def save_settings(self) -> None:
        if self.actions.focus_mode.isChecked():
            self.set_focus_mode(False)
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.set_last_article(self.editor.article_id, self.target)
        self.settings.sync()

    def close_for_signal(self, _signum: int = 0) -> None:
        """SIGTERM/SIGHUP: save (or journal) and close without asking."""
        self.closing_on_signal = True
        self.close()

    def closeEvent(self, event):  # noqa: N802 (Qt override)
        if not self.autosaver.save():
            journalled = self.journal_keeper.write_now()
            if not self.closing_on_signal and not dialogs.quit_unsaved(
                    self, self.autosaver.last_error, journalled):
                event.ignore()
                return
        self.save_settings()
        self.autosaver.shutdown()  # its worker's save in flight was taken by save() above
        self.edit_lock.stop()  # after the last save: every lock of this window let go
        file_actions.wait_for_backup(self)
        self.external_changes.stop()
        self.quote_syncer.wait()  # the rows follow the last save before the window goes
        self.quote_syncer.shutdown()
        self.checker.shutdown()
        review = self.panels.made("review")
        if review is not None:
            review.refresher.stop()  # a pass in hand ends (waited for, bounded)
        self.closed = True
        event.accept()

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            self.editor.follow_palette()
        super().changeEvent(event)

    def dragEnterEvent(self, event):  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

