"""What the window keeps between runs: preferences, recent libraries, the last article."""

from desk.gui.settings import RECENT_LIBRARIES, Preferences, WindowSettings


def settings(tmp_path) -> WindowSettings:
    return WindowSettings.at(tmp_path / "settings.ini")


def test_preferences_round_trip(tmp_path):
    prefs = Preferences(editor_name="Zoë Okafor", language="en-GB", spelling=False,
                        autosave_seconds=30, font_family="DejaVu Sans", font_size=15,
                        theme="dark")
    settings(tmp_path).set_preferences(prefs)
    assert settings(tmp_path).preferences() == prefs


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr("desk.editor_name.os_user_name", lambda: "OS Person")
    for var in ("DESK_EDITOR", "DESK_REVIEWER"):
        monkeypatch.delenv(var, raising=False)
    assert settings(tmp_path).preferences() == Preferences(editor_name="OS Person")


def test_values_edited_by_hand_fall_back_to_what_desk_offers(tmp_path):
    (tmp_path / "settings.ini").write_text(
        "[prefs]\nlanguage=fr-FR\ntheme=purple\nautosave_seconds=-5\nfont_size=400\n"
        "spelling=false\n", encoding="utf-8")
    prefs = settings(tmp_path).preferences()
    assert (prefs.language, prefs.theme, prefs.autosave_seconds, prefs.font_size,
            prefs.spelling) == ("en-US", "system", 1, 48, False)


def test_recent_libraries_newest_first_without_duplicates(tmp_path):
    s = settings(tmp_path)
    s.add_recent_library(tmp_path / "a.db")
    s.add_recent_library(tmp_path / "b.db")
    s.add_recent_library(tmp_path / "a.db")
    assert s.recent_libraries() == [str(tmp_path / "a.db"), str(tmp_path / "b.db")]
    s.sync()
    assert settings(tmp_path).recent_libraries()[0] == str(tmp_path / "a.db")


def test_one_recent_library_reads_back_as_a_list(tmp_path):
    s = settings(tmp_path)
    s.add_recent_library(tmp_path / "only, with a comma.db")
    s.sync()
    assert settings(tmp_path).recent_libraries() == [str(tmp_path / "only, with a comma.db")]


def test_at_most_the_last_few(tmp_path):
    s = settings(tmp_path)
    for n in range(RECENT_LIBRARIES + 3):
        s.add_recent_library(tmp_path / f"{n}.db")
    assert len(s.recent_libraries()) == RECENT_LIBRARIES


def test_the_last_article_belongs_to_its_library(tmp_path):
    s = settings(tmp_path)
    s.set_last_article(7, tmp_path / "a.db")
    assert s.last_article(tmp_path / "a.db") == 7
    assert s.last_article(tmp_path / "b.db") is None
    assert s.last_article() == 7
