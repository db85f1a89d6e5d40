"""File > Open Team Library…'s dialog: the URL it keeps, the one it connects with, what it
refuses (desk.gui.team_dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desk.gui import team_dialog
from desk.gui.team_dialog import TeamLibraryDialog, with_password


@pytest.fixture(autouse=True)
def _no_session_passwords():
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()
    yield
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()


def test_a_url_field_with_a_password_is_kept_without_it(qtbot):
    dlg = TeamLibraryDialog()
    qtbot.addWidget(dlg)
    dlg.url.setText("postgresql://ann:s3cret@db.example.org:5433/newsroom")
    assert dlg.kept_url() == "postgresql://ann@db.example.org:5433/newsroom"
    assert dlg.connect_url() == "postgresql://ann:s3cret@db.example.org:5433/newsroom"
    dlg.accept()
    assert team_dialog.SESSION_PASSWORDS == {"postgresql://ann@db.example.org:5433/newsroom":
                                             "s3cret"}
    assert team_dialog.session_url("postgresql://ann@db.example.org:5433/newsroom") == \
        "postgresql://ann:s3cret@db.example.org:5433/newsroom"


def test_the_dialog_refuses_what_names_no_library(qtbot):
    dlg = TeamLibraryDialog()
    qtbot.addWidget(dlg)
    dlg.url.setText("mysql://somewhere/db")
    dlg.accept()
    assert dlg.result() != QDialog.Accepted
    assert "postgresql://" in dlg.problem.text()
    dlg.url.clear()
    dlg.accept()
    assert "Database" in dlg.problem.text()


def test_the_fields_make_a_url(qtbot):
    dlg = TeamLibraryDialog()
    qtbot.addWidget(dlg)
    dlg.host.setText("db.example.org")
    dlg.database.setText("newsroom")
    dlg.user.setText("ann")
    assert dlg.kept_url() == "postgresql://ann@db.example.org/newsroom"
    dlg.port.setValue(5433)
    assert dlg.kept_url() == "postgresql://ann@db.example.org:5433/newsroom"
    dlg.host.setText("/run/postgresql")  # a Unix socket's folder
    assert dlg.kept_url() == "postgresql://ann@/newsroom?host=/run/postgresql&port=5433"


def test_the_dialog_starts_from_a_kept_url(qtbot):
    dlg = TeamLibraryDialog(last_url="postgresql://ann@db.example.org:5433/newsroom")
    qtbot.addWidget(dlg)
    assert (dlg.host.text(), dlg.port.value(), dlg.database.text(), dlg.user.text()) == \
        ("db.example.org", 5433, "newsroom", "ann")
    assert dlg.password.text() == ""


def test_a_password_goes_in_the_user_part_quoted():
    assert with_password("postgresql://ann@db/x", "p@ss:w/rd") == \
        "postgresql://ann:p%40ss%3Aw%2Frd@db/x"
    assert with_password("postgresql://ann@db/x", "") == "postgresql://ann@db/x"
