"""Starting the application: the style sheet from resources/ is applied once."""

from desk.app import _application


def test_style_sheet_from_resources_is_applied(qtbot):
    app = _application()
    assert 'QLabel[role="field-label"]' in app.styleSheet()
    before = app.styleSheet()
    assert _application() is app and app.styleSheet() == before
