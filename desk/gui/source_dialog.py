"""Add or edit a source, and merge two sources into one."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton, QVBoxLayout)

from desk.model import SOURCE_KINDS, DeskError


def _split_aliases(text: str) -> list[str]:
    seen, out = set(), []
    for part in text.replace(";", ",").split(","):
        part = " ".join(part.split())
        if part and part.lower() not in seen:
            seen.add(part.lower())
            out.append(part)
    return out


class SourceDialog(QDialog):
    """One source's card. Saving happens in accept(), so an error keeps the dialog open."""

    def __init__(self, library, source_id: int | None = None, parent=None, name: str = ""):
        super().__init__(parent)
        self.library, self.source_id = library, source_id
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
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "kind": self.kind.currentText(),
                "title": self.title.text().strip(), "organisation": self.organisation.text().strip(),
                "role": self.role.text().strip(), "contact": self.contact.text().strip(),
                "notes": self.notes.toPlainText().strip()}

    def save(self):
        """Write the card to the library (raises DeskError for bad input)."""
        values, aliases = self.values(), _split_aliases(self.aliases.text())
        lib = self.library
        with lib.transaction():
            if self.source_id is None:
                name = values.pop("name")
                src = lib.sources.add(name, aliases=aliases, **values)
            else:
                src = lib.sources.update(self.source_id, **values)
                old = {a.lower(): a for a in src.aliases}
                new = {a.lower() for a in aliases}
                for low, alias in old.items():
                    if low not in new:
                        lib.sources.remove_alias(src.id, alias)
                for alias in aliases:
                    if alias.lower() not in old:
                        lib.sources.add_alias(src.id, alias)
                src = lib.sources.get(src.id)
        self.saved = src
        return src

    def accept(self) -> None:
        try:
            self.save()
        except DeskError as exc:
            QMessageBox.warning(self, "Source not saved", str(exc))
            return
        super().accept()


class MergeDialog(QDialog):
    """Choose which of two sources to keep; the other's name becomes an alias."""

    def __init__(self, library, first_id: int, second_id: int, parent=None):
        super().__init__(parent)
        self.library = library
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
        layout.addWidget(buttons)

    @staticmethod
    def _describe(src) -> str:
        bits = [b for b in (src.title, src.organisation) if b]
        quoted = f"{src.name}" + (f" ({', '.join(bits)})" if bits else "")
        return quoted + (f" — also {', '.join(src.aliases)}" if src.aliases else "")

    def merge(self):
        keep, other = ((self.first, self.second) if self.keep_first.isChecked()
                       else (self.second, self.first))
        self.merged = self.library.sources.merge(keep.id, other.id)
        return self.merged

    def accept(self) -> None:
        try:
            self.merge()
        except DeskError as exc:
            QMessageBox.warning(self, "Sources not merged", str(exc))
            return
        super().accept()
