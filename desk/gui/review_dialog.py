"""Review one quotation: its tags, "Find in material" with a word diff, and one action to
verify it (identical words) or record the original (different words).

Saving, verifying, disputing and recording run desk.operations.quotes through the window's
runner (``runner=``); "Find in material" only reads. Material (a transcript, a statement)
is attached here too, by "Attach material…" or by dropping files on the dialog
(desk.gui.material_attach): to the quotation's source, or to its article when it has none,
and the dialog looks for the quotation in it at once."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from desk.editor_name import shown
from desk.gui import material_attach
from desk.model import QUOTE_ORIGINS, QUOTE_STATUSES, DeskError
from desk.operations import quotes as ops
from desk.review.verify import candidate_materials, find_in_material

NO_MATERIAL = ("<p>No source material to check this quotation against yet. Attach the "
               "transcript or statement with <b>Attach material…</b>, or drop its file "
               "(.txt, .md, .docx) on this dialog.</p>")


def diff_html(diff, palette) -> str:
    """A word diff as HTML: words only in the material struck through, words only in the
    quotation underlined; colours follow the palette's link/negative-ish hues."""
    dark = palette.color(palette.ColorRole.Base).lightness() < 128
    gone, added = ("#ff8080", "#80e080") if dark else ("#b00020", "#006400")
    parts = []
    for op in diff:
        text = html.escape(" ".join(op.words))
        if op.op == "equal":
            parts.append(text)
        elif op.op == "delete":
            parts.append(f'<s style="color:{gone}" title="in the material only">{text}</s>')
        else:
            parts.append(f'<u style="color:{added}" title="in the quotation only">{text}</u>')
    return " ".join(parts)


def assigned_text(row) -> str:
    """Who assigned the quotation's speaker or source ("—": before names were recorded)."""
    if not row.assigned:
        return "not by an editor (the checks’ reading)"
    return f"by {shown(row.assigned_by)}"


def _plain(widget_text: str) -> str | None:
    text = widget_text.strip()
    return text or None


class ReviewDialog(QDialog):
    def __init__(self, library, quote_id: int, parent=None, *, runner):
        super().__init__(parent)
        self.library, self.quote_id, self.runner = library, quote_id, runner
        self.changed = False
        self.passage = None
        row = library.quotes.get(quote_id)
        article = library.articles.get(row.article_id, include_deleted=True)
        self.setWindowTitle("Review quotation")

        quote = QLabel(f"<p style='font-size:110%'>“{html.escape(row.text)}”</p>"
                       f"<p>{html.escape(row.speaker or 'no speaker')} — in "
                       f"<i>{html.escape(article.headline or '(untitled)')}</i></p>")
        quote.setWordWrap(True)
        quote.setAccessibleName("The quotation")

        self.source = QComboBox()
        self.source.addItem("(no source)", None)
        for ref in sorted(library.sources.refs(), key=lambda r: r.name.lower()):
            self.source.addItem(ref.name, ref.id)
        self.status = QComboBox()
        self.status.addItems(QUOTE_STATUSES)
        self.origin = QComboBox()
        self.origin.addItem("(not recorded)", None)
        for o in QUOTE_ORIGINS:
            self.origin.addItem(o, o)
        self.origin_ref = QLineEdit()
        self.origin_ref.setPlaceholderText("recording, transcript page, URL, date…")
        self.original = QPlainTextEdit()
        self.original.setPlaceholderText("the words as the source said them")
        self.original.setTabChangesFocus(True)
        self.original.setFixedHeight(70)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(54)
        self.reviewed = QLabel()
        self.assigned = QLabel()
        form = QFormLayout()
        for label, widget in (("&Source", self.source), ("S&tatus", self.status),
                              ("O&rigin", self.origin), ("Origin &reference", self.origin_ref),
                              ("Recorded &original", self.original), ("Reviewer &note", self.note),
                              ("Reviewed", self.reviewed), ("Speaker assigned", self.assigned)):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)

        material = QGroupBox("Source material")
        self.find_button = QPushButton("&Find in material")
        self.find_button.setAccessibleName("Find the quotation in the source material")
        self.find_button.clicked.connect(self.find_in_material)
        self.result = QTextBrowser()
        self.result.setAccessibleName("Best passage and word differences")
        self.result.setMinimumHeight(90)
        self.apply_button = QPushButton("Mark verified")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_passage)
        self.attach_button = QPushButton("&Attach material…")
        self.attach_button.setToolTip("Attach a transcript, statement or notes (.txt, .md, "
                                      ".docx) to check the quotation against; or drop files "
                                      "on this dialog")
        self.attach_button.setAccessibleName("Attach source material")
        self.attach_button.clicked.connect(self.choose_material)
        self.material_list = QLabel()
        self.material_list.setWordWrap(True)
        self.material_list.setAccessibleName("Attached source material")
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.apply_button)
        top.addStretch(1)
        top.addWidget(self.attach_button)
        mat_layout = QVBoxLayout(material)
        mat_layout.addWidget(self.material_list)
        mat_layout.addLayout(top)
        mat_layout.addWidget(self.result)
        self._drops = material_attach.FileDropFilter(self)
        self._drops.dropped.connect(self._files_dropped)

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        self.verify_button = buttons.addButton("&Verify", QDialogButtonBox.ActionRole)
        self.verify_button.setToolTip("Mark verified (asks first when the original or the "
                                      "material says different words)")
        self.verify_button.clicked.connect(self.verify)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addLayout(form)
        layout.addWidget(material, 1)
        layout.addWidget(buttons)
        self._load(row)
        self._show_material()
        self.resize(560, 660)

    def _load(self, row) -> None:
        self.row = row
        self.source.setCurrentIndex(max(0, self.source.findData(row.source_id)))
        self.status.setCurrentText(row.status)
        self.origin.setCurrentIndex(max(0, self.origin.findData(row.origin)))
        self.origin_ref.setText(row.origin_ref or "")
        self.original.setPlainText(row.original or "")
        self.note.setPlainText(row.note or "")
        self.reviewed.setText(f"by {shown(row.reviewed_by)} at "
                              f"{row.reviewed_at[:16].replace('T', ' ')}"
                              if row.reviewed_at else "not yet")
        self.assigned.setText(assigned_text(row))

    def changes(self) -> dict:
        """The tags the editor changed in the form."""
        r = self.row
        now = {"source_id": self.source.currentData(), "status": self.status.currentText(),
               "origin": self.origin.currentData(), "origin_ref": self.origin_ref.text().strip(),
               "original": _plain(self.original.toPlainText()),
               "note": self.note.toPlainText().strip()}
        return {k: v for k, v in now.items() if v != (getattr(r, k) or ("" if k in ("origin_ref", "note") else None))}

    def save(self) -> bool:
        """Store the form's changes (desk.operations.quotes.tag: a new source is assigned
        as the editor's menu assigns it). False when refused (the runner said why)."""
        changes = self.changes()
        if not changes:
            return True
        return self._run(ops.tag, quote_id=self.quote_id, **changes)

    def _run(self, op, **kwargs) -> bool:
        result = self.runner.run(op, parent=self, **kwargs)
        if result is None:
            return False
        self._load(result.quote)
        self.changed = True
        return True

    def verify(self) -> None:
        from desk.gui import verify_confirm

        if not self.save():
            return
        try:
            result = self.runner.run(ops.verify, parent=self, quiet=True, quote_id=self.quote_id)
        except ops.EvidenceDiffers as exc:
            if verify_confirm.confirm_verify_anyway(self, exc):
                self._run(ops.verify, quote_id=self.quote_id, force=True)
            return
        except DeskError as exc:
            QMessageBox.warning(self, "Review", str(exc))
            return
        self._load(result.quote)
        self.changed = True

    def dispute(self) -> None:
        self._run(ops.dispute, quote_id=self.quote_id)

    # -- material ------------------------------------------------------------------------
    def _materials(self) -> list:
        """The quotation's source's and article's material (else the library's that shares
        words with it): what "Find in material" searches."""
        return candidate_materials(self.library, self.row)

    def _show_material(self) -> None:
        found = self._materials()
        if not found:
            self.material_list.setText("No material attached yet.")
            self.result.setHtml(NO_MATERIAL)
            return
        shown = material_attach.describe(found[:3]).replace("\n", "; ")
        more = f" and {len(found) - 3} more" if len(found) > 3 else ""
        self.material_list.setText(f"Material: {shown}{more}")

    def choose_material(self) -> None:
        paths = material_attach.choose_material_files(self, getattr(self.library, "path", None))
        if paths:
            self.attach(paths)

    def _files_dropped(self, paths, _widget, _pos) -> None:
        self.attach(paths)

    def attach(self, paths) -> list:
        """Attach files to the quotation's source (its article when it has none), then look
        for the quotation in what is attached; the stored materials."""
        if not self.save():  # the source chosen in the form is the one it goes to
            return []
        source_id = self.row.source_id
        attached = material_attach.attach_files(
            self, self.runner, paths, source_id=source_id,
            article_id=None if source_id is not None else self.row.article_id)
        if attached:
            self._show_material()
            self.find_in_material()
        return attached

    def find_in_material(self) -> None:
        if not self._materials():
            self.passage = None
            self.result.setHtml(NO_MATERIAL)
            self.apply_button.setEnabled(False)
            return
        try:
            passage = find_in_material(self.library, self.quote_id)
        except DeskError as exc:
            self.passage = None
            self.result.setHtml(f"<p>{html.escape(str(exc))}</p>")
            self.apply_button.setEnabled(False)
            return
        self.passage = passage
        if passage is None or not passage.found:
            self.result.setHtml("<p>No passage in the material matches this quotation.</p>"
                                + (f"<p>Closest ({passage.score:.0f}%): “{html.escape(passage.text)}”</p>"
                                   if passage else ""))
            self.apply_button.setEnabled(False)
            return
        where = html.escape(passage.material_title or f"material {passage.material_id}")
        verdict = ("<b>Identical words.</b>" if passage.identical else
                   f"<b>The words differ</b> ({passage.score:.0f}% alike):<br>"
                   + diff_html(passage.diff, self.palette()))
        self.result.setHtml(f"<p>In <i>{where}</i>, characters {passage.start}–{passage.end}:</p>"
                            f"<blockquote>“{html.escape(passage.text)}”</blockquote><p>{verdict}</p>")
        self.apply_button.setText("Mark &verified" if passage.identical else "Record as &original")
        self.apply_button.setEnabled(True)

    def apply_passage(self) -> None:
        """One action: verified when identical, the passage recorded as original when not."""
        if self.passage is None or not self.save():
            return
        if self._run(ops.verify_from_material, quote_id=self.quote_id,
                     material_id=self.passage.material_id):
            self.apply_button.setEnabled(False)

    def accept(self) -> None:
        if self.save():
            super().accept()
