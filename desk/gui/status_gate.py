"""The status gate in the window: a blocked move to ready/published asks for a reason.

The rules live in desk.review.gate and the move in desk.operations.articles.change_status;
this only asks the editor, through the window's OperationRunner. Call it after the article
is saved: the gate checks the stored text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QMessageBox, QVBoxLayout

from desk.model import DeskError
from desk.operations.articles import StatusBlocked, change_status


class StatusGateDialog(QDialog):
    """Lists what blocks the move; Override is enabled only once a reason is typed."""

    def __init__(self, headline: str, new_status: str, reasons: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Move to {new_status}?")
        intro = QLabel(f"“{headline or '(untitled)'}” is not ready to move to <b>{new_status}</b>:")
        intro.setWordWrap(True)
        self.reasons = QListWidget()
        self.reasons.setAccessibleName("What blocks the status change")
        self.reasons.addItems(reasons)
        self.reasons.setWordWrap(True)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.reasons.setMinimumHeight(min(200, 24 * (len(reasons) + 1)))
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Override reason")
        self.reason.setPlaceholderText("Why it may go ahead anyway (kept in the history)")
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.override = buttons.addButton("&Override and move", QDialogButtonBox.AcceptRole)
        self.override.setEnabled(False)
        self.cancel = buttons.button(QDialogButtonBox.Cancel)
        self.cancel.setDefault(True)
        self.reason.textChanged.connect(self._reason_changed)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reasons)
        label = QLabel("&Reason for the override:")
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _reason_changed(self, text: str) -> None:
        """Enter cancels until a reason is typed; then Enter overrides, as the editor means."""
        has_reason = bool(text.strip())
        self.override.setEnabled(has_reason)
        self.override.setDefault(has_reason)
        self.cancel.setDefault(not has_reason)

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


def request_status_change(parent, runner, article_id: int, new_status: str) -> bool:
    """Move the article through ``runner`` (the window's OperationRunner), asking for an
    override reason when the gate blocks it. True when the status changed (or already was
    new_status)."""
    try:
        try:
            runner.run(change_status, parent=parent, quiet=True, article_id=article_id,
                       status=new_status)
            return True
        except StatusBlocked as blocked:
            headline = runner.library.articles.get(article_id).headline
            dialog = StatusGateDialog(headline, new_status, blocked.reasons, parent)
            if dialog.exec() != QDialog.Accepted:
                return False
        runner.run(change_status, parent=parent, quiet=True, article_id=article_id,
                   status=new_status, override=dialog.reason.text().strip())
        return True
    except DeskError as exc:  # refused, or the team library is offline (in the banner's words)
        QMessageBox.warning(parent, "Status not changed", str(runner.explain(exc, "status")))
        return False
