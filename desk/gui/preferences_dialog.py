"""Edit > Preferences…: the editor's name, new articles' language, spelling, autosave, the
editor's font and the theme. OK keeps them (desk.gui.settings) and applies them at once.

The name stamps reviews and verifications (the runner passes it as the operations'
``reviewer``) and every other change the window writes (it is the library's editor,
desk.storage.Library.editor: saves, revisions, status changes, exports, personal words),
and is stored where the command line reads it too (desk.editor_name)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from desk.gui.settings import AUTOSAVE_SECONDS, FONT_SIZES, Preferences
from desk.languages import LANGUAGES

THEME_LABELS = {"system": "Same as the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, default_font: QFont, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences-dialog")
        self._prefs = prefs
        self._default_font = default_font

        # -- who -------------------------------------------------------------------------
        self.name = QLineEdit(prefs.editor_name)
        self.name.setAccessibleName("Your name")
        self.name.setPlaceholderText("as reviews and verifications are signed")
        # -- articles --------------------------------------------------------------------
        self.language = QComboBox()
        self.language.setAccessibleName("Language of new articles")
        for lang in LANGUAGES:
            self.language.addItem(f"{lang.label} — {lang.code}", lang.code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.spelling = QCheckBox("Check spelling as I type")
        self.spelling.setChecked(prefs.spelling)
        self.autosave = QSpinBox()
        self.autosave.setAccessibleName("Autosave interval")
        self.autosave.setRange(*AUTOSAVE_SECONDS)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setToolTip("The longest an unsaved change waits before it is saved")
        # -- look ------------------------------------------------------------------------
        self.font_family = QFontComboBox()
        self.font_family.setAccessibleName("Editor font")
        self.font_family.setCurrentFont(QFont(prefs.font_family) if prefs.font_family
                                        else default_font)
        self.font_size = QSpinBox()
        self.font_size.setAccessibleName("Editor font size")
        self.font_size.setRange(*FONT_SIZES)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(prefs.font_size or round(default_font.pointSizeF()))
        # what the boxes show for "desk's own font", to tell a choice from no choice
        self._shown_font = (self.font_family.currentFont().family(), self.font_size.value())
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_family, 1)
        font_row.addWidget(self.font_size)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for key, label in THEME_LABELS.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))

        form = QFormLayout()
        form.addRow("Your &name:", self.name)
        form.addRow("&Language of new articles:", self.language)
        form.addRow("", self.spelling)
        form.addRow("&Autosave at least every:", self.autosave)
        font_label = QLabel("Editor &font:")  # a row of two boxes: the label needs a buddy
        font_label.setBuddy(self.font_family)
        form.addRow(font_label, font_row)
        form.addRow("&Theme:", self.theme)
        self.error = QLabel()
        self.error.setObjectName("preferences-error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def preferences(self) -> Preferences:
        """What the dialog shows now."""
        family = self.font_family.currentFont().family()
        size = self.font_size.value()
        shown_family, shown_size = self._shown_font
        return replace(
            self._prefs,
            editor_name=" ".join(self.name.text().split()),
            language=self.language.currentData(),
            spelling=self.spelling.isChecked(),
            autosave_seconds=self.autosave.value(),
            font_family="" if family == shown_family and not self._prefs.font_family
            else family,
            font_size=0 if size == shown_size and not self._prefs.font_size else size,
            theme=self.theme.currentData())

    def accept(self) -> None:  # noqa: D401 (Qt override)
        if not self.preferences().editor_name:
            self.show_error("Your name cannot be empty: reviews and verifications are "
                            "signed with it.")
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


def show_preferences(win) -> bool:
    """Edit > Preferences…: True when new preferences were kept and applied."""
    dlg = PreferencesDialog(win.settings.preferences(), default_body_font(win), win)
    while dlg.exec() == QDialog.Accepted:
        prefs = dlg.preferences()
        try:
            win.settings.set_preferences(prefs)
        except OSError as exc:  # the name's file: say so in the dialog, keep it open
            dlg.show_error(f"desk could not keep your name: {exc.strerror or exc}")
            continue
        apply_preferences(win, prefs)
        win.statusBar().showMessage("Preferences applied", 4000)
        return True
    return False


def default_body_font(win) -> QFont:
    return getattr(win.editor.body, "default_font", win.editor.body.font())


def apply_preferences(win, prefs: Preferences) -> None:
    """Make ``prefs`` true in the window now (at start and after the dialog)."""
    from desk.gui import theme

    win.runner.editor_name = prefs.editor_name or None
    win.library.editor = prefs.editor_name  # every change the window writes is stamped so
    win.library_panel.new_language = prefs.language
    win.checker.set_spelling(prefs.spelling)
    win.autosaver.set_interval(prefs.autosave_seconds)
    body = win.editor.body
    if not hasattr(body, "default_font"):
        body.default_font = QFont(body.font())
    font = QFont(body.default_font)
    if prefs.font_family:
        font.setFamilies([prefs.font_family])
    if prefs.font_size:
        font.setPointSizeF(float(prefs.font_size))
    zoom = body.zoom
    body.set_zoom(0)  # the size is the font's; zoom is added on top of it again
    body.setFont(font)
    body.set_zoom(zoom)
    if theme.apply(prefs.theme) and win.editor.article_id is not None:
        win.checker.inputs_changed()  # the marks take their colours from the palette
