"""History: an article's revisions, each shown as a word-level diff against the current
text, and Restore (desk.operations.articles.restore_revision, run through the window's
OperationRunner; it first snapshots the current text, so nothing is ever lost).

Who did what: each revision says who saved it, the status changes below say who moved the
article and why an override went past the gate, and the top line who changed it last
(nothing, or "—", where a change made before names were recorded has none)."""

from __future__ import annotations

import difflib
import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.editor_name import shown
from desk.gui.article_model import friendly_time
from desk.gui.highlighter import blend
from desk.model import DeskError
from desk.operations.articles import restore_revision

TOKEN = re.compile(r"\S+\s*|\s+")  # a word with the space after it
BIG_CHUNK = 3000  # tokens; above this the word matcher uses difflib's junk heuristic


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs turning old into new, op in equal/delete/insert, by whole words.
    Paragraphs are matched first and only changed ones are compared word by word, so a
    10,000-word article diffs in milliseconds rather than seconds."""
    pa, pb = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            _add(out, "equal", "".join(pa[i1:i2]))
        else:
            for item in _word_ops("".join(pa[i1:i2]), "".join(pb[j1:j2])):
                _add(out, *item)
    return out


def _word_ops(old: str, new: str) -> list[tuple[str, str]]:
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    big = max(len(a), len(b)) > BIG_CHUNK
    sm = difflib.SequenceMatcher(None, a, b, autojunk=big)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def _add(out: list, op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def diff_html(old: str, new: str, palette: QPalette) -> str:
    """The diff as HTML for a QTextBrowser; tints derived from the palette's base colour."""
    base = palette.color(QPalette.Base)
    removed = blend(base, QColor(220, 40, 40), 0.35).name()
    added = blend(base, QColor(30, 170, 60), 0.35).name()
    parts = []
    ops = word_ops(old, new)
    for op, text in ops:
        t = html.escape(text).replace("\n", "<br>")
        if op == "equal":
            parts.append(t)
        elif op == "delete":
            parts.append(f'<span style="background:{removed}; text-decoration:line-through">{t}</span>')
        else:
            parts.append(f'<span style="background:{added}">{t}</span>')
    if all(op == "equal" for op, _ in ops):
        parts.insert(0, "<p><i>Same as the current text.</i></p>")
    return "<div style='white-space:pre-wrap'>" + "".join(parts) + "</div>"


def snapshot_text(fields) -> str:
    """What a revision is compared on: the headline, dek and body, as an editor reads them."""
    get = fields.get if isinstance(fields, dict) else lambda k: getattr(fields, k)
    return f"{get('headline')}\n{get('dek')}\n\n{get('body')}"


class HistoryDialog(QDialog):
    restored = Signal(object)  # the Article after restoring
    failed = Signal(str)

    def __init__(self, library, article_id: int, current_fields: dict, parent=None, *, runner,
                 read_only: str = ""):
        """``read_only``: why this window may not restore (another editor holds the article's
        editing lock): Restore is disabled with it as the tooltip. The restore itself is
        refused in its transaction too (the runner passes the window's lock session)."""
        super().__init__(parent)
        self.library = library
        self.read_only = read_only
        self.runner = runner
        self.article_id = article_id
        self.current = snapshot_text(current_fields)
        self.setWindowTitle("History")
        self.setAccessibleName("Article history")
        self.resize(980, 640)

        self.last_change = QLabel()
        self.last_change.setAccessibleName("Last change")
        self.revisions = QListWidget()
        self.revisions.setAccessibleName("Revisions")
        self.revisions.setSpacing(3)  # two-line items (when, label / who) stay apart
        self.diff = QTextBrowser()
        self.diff.setAccessibleName("Changes from the revision to the current text")
        self.diff.setOpenLinks(False)
        legend = QLabel("Struck through: in the revision, not in the current text. "
                        "Highlighted: added since.")
        legend.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(legend)
        rl.addWidget(self.diff, 1)
        split = QSplitter()
        split.addWidget(self.revisions)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 720])

        statuses = QGroupBox("Status changes")
        self.status_changes = QTreeWidget()
        self.status_changes.setAccessibleName("Status changes")
        self.status_changes.setHeaderLabels(["When", "By", "Status", "Override reason"])
        self.status_changes.setRootIsDecorated(False)
        self.status_changes.setMaximumHeight(130)
        self.status_changes.header().setSectionResizeMode(3, QHeaderView.Stretch)
        QVBoxLayout(statuses).addWidget(self.status_changes)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.restore_button = buttons.addButton("&Restore This Revision",
                                                QDialogButtonBox.ActionRole)
        self.restore_button.setAccessibleName("Restore this revision")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_change)
        layout.addWidget(split, 1)
        layout.addWidget(statuses)
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.revisions.currentRowChanged.connect(self._show_selected)
        self.reload()

    def reload(self) -> None:
        self.revisions.clear()
        self._show_who()
        revs = self.library.revisions.list(self.article_id)
        for rev in revs:
            label = rev.label or "revision"
            by = f"\n    by {rev.editor}" if rev.editor else ""
            item = QListWidgetItem(f"{friendly_time(rev.created_at)} — {label}{by}")
            item.setData(Qt.UserRole, rev.id)
            item.setToolTip(f"{rev.created_at}\nSaved by {shown(rev.editor)}\n{rev.headline}")
            self.revisions.addItem(item)
        self.restore_button.setEnabled(bool(revs) and not self.read_only)
        self.restore_button.setToolTip(self.read_only)
        self.restore_button.setAccessibleDescription(self.read_only)
        if revs:
            self.revisions.setCurrentRow(0)
        else:
            self.diff.setHtml("<p><i>No revisions yet. Press Ctrl+S to save one.</i></p>")

    def _show_who(self) -> None:
        """The last change and the status changes, with who made them."""
        article = self.library.articles.get(self.article_id, include_deleted=True)
        self.last_change.setText(f"Last changed {friendly_time(article.updated_at)}"
                                 + (f" by {article.updated_by}" if article.updated_by else ""))
        self.status_changes.clear()
        for change in reversed(self.library.status_log.list(self.article_id)):
            item = QTreeWidgetItem([friendly_time(change.created_at), shown(change.editor),
                                    f"{change.from_status} → {change.to_status}",
                                    change.override_reason or ""])
            if change.override_reason:
                item.setToolTip(3, f"Overridden: {change.blocked_by}" if change.blocked_by
                                else change.override_reason)
            self.status_changes.addTopLevelItem(item)
        for column in range(3):
            self.status_changes.resizeColumnToContents(column)
        if not self.status_changes.topLevelItemCount():
            self.status_changes.addTopLevelItem(QTreeWidgetItem(["", "", "no status changes yet", ""]))

    def selected_revision_id(self) -> int | None:
        item = self.revisions.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _show_selected(self, _row: int) -> None:
        rid = self.selected_revision_id()
        if rid is None:
            return
        rev = self.library.revisions.get(rid)
        self.diff.setHtml(diff_html(snapshot_text(rev), self.current, self.palette()))

    def restore_selected(self):
        rid = self.selected_revision_id()
        if rid is None:
            return None
        try:
            result = self.runner.run(restore_revision, parent=self, quiet=True, revision_id=rid,
                                     article_id=self.article_id)
        except DeskError as exc:
            self.failed.emit(f"The revision was not restored.\n\n{exc}")
            return None
        self.restored.emit(result.article)
        self.accept()
        return result.article
