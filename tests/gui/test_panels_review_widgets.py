"""The Review panel's small widgets: the queue's keys, the lazy filter, the refill."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desk.gui.panels.review_widgets import LazyCombo, QueueTree, excerpt, refill


def test_excerpt_folds_whitespace_and_cuts_with_an_ellipsis():
    assert excerpt("a\n  b\tc") == "a b c"
    cut = excerpt("word " * 40, limit=20)
    assert len(cut) == 20 and cut.endswith("…")


def test_refill_keeps_the_choice_that_is_still_there_without_signals(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill(combo, "All sources", [("Ines", 1), ("Jo", 2)])
    combo.setCurrentIndex(combo.findData(2))
    fired: list[int] = []
    combo.currentIndexChanged.connect(fired.append)
    refill(combo, "All sources", [("Aaron", 3), ("Jo", 2)])
    assert combo.currentData() == 2 and combo.currentText() == "Jo" and not fired
    refill(combo, "All sources", [("Aaron", 3)])
    assert combo.currentData() is None and combo.currentText() == "All sources"


def test_a_lazy_combo_asks_to_be_filled_when_opened(qtbot):
    combo = LazyCombo()
    qtbot.addWidget(combo)
    combo.before_popup.connect(lambda: combo.addItem("filled"))
    combo.show()
    with qtbot.waitSignal(combo.before_popup):
        combo.showPopup()
    combo.hidePopup()
    assert combo.itemText(0) == "filled"


def test_the_queue_list_hands_its_letter_keys_to_the_queue(qtbot):
    tree = QueueTree()
    qtbot.addWidget(tree)
    pressed: list[str] = []
    tree.keys = {Qt.Key_J: lambda: pressed.append("next")}
    tree.show()
    qtbot.keyClick(tree, Qt.Key_J)
    qtbot.keyClick(tree, Qt.Key_J, Qt.ControlModifier)  # a shortcut, not the queue's key
    assert pressed == ["next"]
