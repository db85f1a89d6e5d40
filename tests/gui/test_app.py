"""Starting the application: the style sheet from resources/ is applied once."""

from desk.app import _application


def test_style_sheet_from_resources_is_applied(qtbot):
    app = _application()
    assert 'QLabel[role="field-label"]' in app.styleSheet()
    before = app.styleSheet()
    assert _application() is app and app.styleSheet() == before


def test_start_window_builds_the_whole_window(db_path):
    from desk.app import start_window
    from desk.gui.window_parts import PANEL_TITLES

    app, library, window = start_window(db_path, recover=False)
    try:
        assert list(window.panel_docks) == list(PANEL_TITLES)
        assert window.runner.parent() is window
        assert window.checker.article_id == window.editor.article_id is not None
    finally:
        window.autosaver.dirty = False
        window.close()
        window.checker.shutdown()
        window.quit_on_signal.uninstall()
        library.close()
