""""Verify anyway?": shown when the evidence a quotation has says different words.

One question for the review queue and the review dialog: the word diff between the
evidence (recorded original or attached material) and the quotation, and Verify anyway /
Cancel, Cancel the default. Tests monkeypatch ``confirm_verify_anyway``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def confirm_verify_anyway(parent, exc) -> bool:
    """``exc`` is the EvidenceDiffers that desk.operations.quotes.verify refused with."""
    from desk.gui.review_dialog import diff_html

    ev = exc.evidence
    box = QMessageBox(QMessageBox.Warning, "The words differ", "", QMessageBox.NoButton, parent)
    box.setTextFormat(Qt.RichText)
    disputed = " It was disputed." if exc.quote.status == "disputed" else ""
    box.setText(f"<p>This quotation differs from {html.escape(ev.where)}.{disputed}</p>"
                f"<p>{diff_html(ev.diff, box.palette())}</p>"
                "<p>Verify it anyway, vouching for the quotation’s words?</p>")
    anyway = box.addButton("Verify &anyway", QMessageBox.AcceptRole)
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is anyway
