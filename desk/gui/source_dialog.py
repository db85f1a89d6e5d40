"""Add or edit a source, and merge two sources into one.

The dialogs only gather what the editor wants; saving runs desk.operations.sources through
the window's runner (``runner=``). A refusal (no name, a name or alias another source goes
by) is said inside the dialog, under the fields, with the field to fix focused; the dialog
stays open with everything typed kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.model import SOURCE_KINDS, DeskError
from desk.operations import sources as ops


def error_label() -> QLabel:
    """Where a dialog says why it did not save: red, wrapping, read by screen readers."""
    label = QLabel()
    label.setObjectName("dialog-error")
    label.setWordWrap(True)
    label.setAccessibleName("Error")
    label.hide()
    return label


def show_refusal(label: QLabel, message: str, field: QWidget | None = None) -> None:
    label.setText(message[:1].upper() + message[1:])
    palette = label.palette()
    dark = palette.color(palette.ColorRole.Window).lightness() < 128
    label.setStyleSheet(f"color: {'#ff8080' if dark else '#b00020'};")
    label.show()
    if field is not None:
        field.setFocus()


def _split_aliases(text: str) -> list[str]:
    return ops.clean_aliases(text.replace(";", ",").split(","))


class SourceDialog(QDialog):
    """One source's card. Saving happens in accept(), so an error keeps the dialog open."""

    def __init__(self, library, source_id: int | None = None, parent=None, name: str = "", *,
                 runner):
        super().__init__(parent)
        self.library, self.source_id, self.runner = library, source_id, runner
        self.saved = None
        src = library.sources.get(source_id) if source_id is not None else None
        self.setWindowTitle(f"Edit source — {src.name}" if src else "Add source")
        self.name = QLineEdit(src.name if src else name)
        self.kind = QComboBox()
        self.kind.addItems(SOURCE_KINDS)
        if src:
            self.kind.setCurrentText(src.kind)
        self.title = QLineEdit(src.title if src else "")
        self.organisation = QLineEdit(src.organisation if src else "")
        self.role = QLineEdit(src.role if src else "")
        self.aliases = QLineEdit(", ".join(src.aliases) if src else "")
        self.aliases.setPlaceholderText("other names used in copy, separated by commas")
        self.contact = QLineEdit(src.contact if src else "")
        self.notes = QPlainTextEdit(src.notes if src else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        form = QFormLayout()
        for label, widget in (("&Name", self.name), ("&Kind", self.kind), ("&Title", self.title),
                              ("&Organisation", self.organisation), ("&Role", self.role),
                              ("&Aliases", self.aliases), ("&Contact", self.contact),
                              ("N&otes", self.notes)):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "kind": self.kind.currentText(),
                "title": self.title.text().strip(), "organisation": self.organisation.text().strip(),
                "role": self.role.text().strip(), "contact": self.contact.text().strip(),
                "notes": self.notes.toPlainText().strip()}

    def save(self):
        """Store the card (desk.operations.sources); the source, or None when refused (the
        dialog says why, under the fields)."""
        values, aliases = self.values(), _split_aliases(self.aliases.text())
        try:
            if self.source_id is None:
                result = self.runner.run(ops.create_source, parent=self, quiet=True,
                                         aliases=aliases, **values)
            else:
                result = self.runner.run(ops.update_source, parent=self, quiet=True,
                                         source_id=self.source_id, aliases=aliases, **values)
        except DeskError as exc:
            message = str(exc)
            alias = any(f"“{a}”" in message for a in aliases) and "already a name of" in message
            show_refusal(self.error, message, self.aliases if alias else self.name)
            return None
        self.error.hide()
        self.saved = result.source
        return self.saved

    def accept(self) -> None:
        if self.save() is not None:
            super().accept()


class MergeDialog(QDialog):
    """Choose which of two sources to keep; the other's name becomes an alias."""

    def __init__(self, library, first_id: int, second_id: int, parent=None, *, runner):
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.setWindowTitle("Merge sources")
        self.first, self.second = library.sources.get(first_id), library.sources.get(second_id)
        self.merged = None
        intro = QLabel("Both entries become one source. The other entry's name and aliases become "
                       "aliases, its quotations move over, and empty fields are filled from it.")
        intro.setWordWrap(True)
        self.keep_first = QRadioButton(self._describe(self.first))
        self.keep_second = QRadioButton(self._describe(self.second))
        self.keep_first.setChecked(True)
        self.keep_first.setAccessibleName(f"Keep {self.first.name}")
        self.keep_second.setAccessibleName(f"Keep {self.second.name}")
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        merge = buttons.addButton("&Merge", QDialogButtonBox.AcceptRole)
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("Keep:"))
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _describe(src) -> str:
        bits = [b for b in (src.title, src.organisation) if b]
        quoted = f"{src.name}" + (f" ({', '.join(bits)})" if bits else "")
        return quoted + (f" — also {', '.join(src.aliases)}" if src.aliases else "")

    def merge(self):
        keep, other = ((self.first, self.second) if self.keep_first.isChecked()
                       else (self.second, self.first))
        try:
            result = self.runner.run(ops.merge_sources, parent=self, quiet=True,
                                     keep_id=keep.id, other_id=other.id)
        except DeskError as exc:
            show_refusal(self.error, str(exc))
            self.merged = None
            return None
        self.merged = result.source
        return self.merged

    def accept(self) -> None:
        if self.merge() is not None:
            super().accept()
