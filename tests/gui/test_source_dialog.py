"""Add/edit source and merge: a refusal is said inside the dialog, which stays open with
what was typed."""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk.gui.op_runner import OperationRunner
from desk.gui.source_dialog import MergeDialog, SourceDialog
from tests.gui.shell_helpers import Dialogs


@pytest.fixture
def shown(monkeypatch):
    """Every message box, so a test can say there was none."""
    return Dialogs(monkeypatch, answer=QMessageBox.Ok)


def dialog(qtbot, library, source_id=None):
    d = SourceDialog(library, source_id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


@pytest.mark.parametrize("name, aliases, says, field", [
    ("   ", "", "A source needs a name", "name"),
    ("Ruth Dalton", "", "There is already a source named “Ruth Dalton”", "name"),
    ("Mayor Dalton", "", "already a source that goes by “Mayor Dalton”", "name"),
    ("Ann Berg", "Berg, Mayor Dalton", "“Mayor Dalton” is already a name of Ruth Dalton", "aliases"),
])
def test_a_refused_add_says_why_in_the_dialog(qtbot, library, shown, name, aliases, says, field):
    library.sources.add("Ruth Dalton", aliases=["Mayor Dalton"])
    d = dialog(qtbot, library)
    d.name.setText(name)
    d.aliases.setText(aliases)
    d.organisation.setText("Town council")
    d.accept()
    assert d.isVisible() and d.result() != QDialog.Accepted
    assert d.error.isVisible() and says in d.error.text()
    assert shown.shown == []  # said in the dialog, not in a box over it
    assert (d.name.text(), d.aliases.text(), d.organisation.text()) == (name, aliases,
                                                                        "Town council")
    assert d.focusWidget() is getattr(d, field)
    assert [s.name for s in library.sources.list()] == ["Ruth Dalton"]


def test_fixing_the_input_saves_and_closes(qtbot, library, shown):
    library.sources.add("Ruth Dalton")
    d = dialog(qtbot, library)
    d.name.setText("Ruth Dalton")
    d.accept()
    assert d.error.isVisible()
    d.name.setText("Ruth Dalton (junior)")
    d.accept()
    assert d.result() == QDialog.Accepted and not d.error.isVisible()
    assert library.sources.find("Ruth Dalton (junior)") is not None


def test_a_refused_edit_keeps_the_card(qtbot, library, shown):
    library.sources.add("Ruth Dalton")
    tom = library.sources.add("Tom Hardy")
    d = dialog(qtbot, library, tom.id)
    d.name.setText("Ruth Dalton")
    d.accept()
    assert d.isVisible() and "already a source named" in d.error.text()
    assert library.sources.get(tom.id).name == "Tom Hardy"


def test_a_refused_merge_says_why_in_the_dialog(qtbot, library, shown):
    a, b = library.sources.add("Ruth Dalton"), library.sources.add("Tom Hardy")
    d = MergeDialog(library, a.id, b.id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    library.sources.delete(b.id)  # gone meanwhile (another window)
    d.accept()
    assert d.result() != QDialog.Accepted and not d.error.isHidden()
    assert "no source with id" in d.error.text().lower()
    assert shown.shown == []
