"""Export dialog: page size only where it applies, file name kept across formats, and the
last format and folder remembered (in a temporary settings file)."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk.gui import export_dialog
from desk.gui.export_dialog import ExportDialog, run_export
from desk.gui.settings import WindowSettings


@pytest.fixture
def aid(seeded):
    return seeded.articles.list()[0].id


def dialog(qtbot, lib, aid, settings=None):
    d = ExportDialog(lib, aid, settings=settings)
    qtbot.addWidget(d)
    return d


def choose(d, fmt):
    d.format.setCurrentIndex(d.format.findData(fmt))


@pytest.mark.parametrize("fmt, enabled", [("pdf", True), ("docx", True), ("md", False),
                                          ("html", False)])
def test_page_size_is_offered_only_for_formats_that_use_it(qtbot, seeded, aid, fmt, enabled):
    d = dialog(qtbot, seeded, aid)
    choose(d, "md" if fmt == "pdf" else "pdf")
    choose(d, fmt)
    assert d.page_size.isEnabled() is enabled


def test_format_change_keeps_the_chosen_name_and_swaps_the_extension(qtbot, seeded, aid, tmp_path):
    d = dialog(qtbot, seeded, aid)
    choose(d, "md")
    d.path.setText(str(tmp_path / "mayor-final.md"))
    choose(d, "docx")
    assert d.path.text() == str(tmp_path / "mayor-final.docx")
    choose(d, "quotes-csv")
    assert d.path.text() == str(tmp_path / "mayor-final.quotes.csv")
    choose(d, "html")
    assert d.path.text() == str(tmp_path / "mayor-final.html")


def test_last_format_and_folder_are_remembered(qtbot, seeded, aid, tmp_path, monkeypatch):
    settings = WindowSettings.at(tmp_path / "settings.ini")
    folder = tmp_path / "exports"
    folder.mkdir()

    def fake_exec(d):
        choose(d, "html")
        d.path.setText(str(folder / "story.html"))
        return QDialog.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(export_dialog, "_last_folder", None)
    written = run_export(None, seeded, aid, settings=settings)
    assert written == folder / "story.html" and written.exists()
    settings.sync()
    again = dialog(qtbot, seeded, aid, settings=WindowSettings.at(tmp_path / "settings.ini"))
    assert again.format_name() == "html"
    assert Path(again.path.text()).parent == folder
    assert Path(again.path.text()).suffix == ".html"


def test_the_xlsx_quote_sheet_is_offered_and_named(qtbot, seeded, aid, tmp_path):
    d = dialog(qtbot, seeded, aid)
    assert d.format.findData("quotes-xlsx") >= 0
    d.path.setText(str(tmp_path / "mayor.md"))
    choose(d, "quotes-xlsx")
    assert d.path.text() == str(tmp_path / "mayor.quotes.xlsx")
    choose(d, "quotes-csv")
    assert d.path.text() == str(tmp_path / "mayor.quotes.csv")


def test_a_quote_sheet_of_a_blocked_article_is_written_without_asking(qtbot, seeded, tmp_path,
                                                                      monkeypatch):
    import openpyxl

    article = seeded.articles.create(headline="Open", body="He said “this never closes at all.\n")
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.Cancel)
    written = export_dialog.export_with_prompts(None, seeded, article.id, "quotes-xlsx",
                                                tmp_path / "open.quotes.xlsx")
    assert written == tmp_path / "open.quotes.xlsx" and asked == []
    sheet = openpyxl.load_workbook(written)["Quotes"]
    assert sheet["C2"].value == "“this never closes at all."
    # a publishing format still asks first (and is not written when the editor cancels)
    assert export_dialog.export_with_prompts(None, seeded, article.id, "md", tmp_path / "open.md") is None
    assert len(asked) == 1 and not (tmp_path / "open.md").exists()
