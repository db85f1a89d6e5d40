"""No command writes over the open library or its -wal/-shm/-journal files."""

import os

import pytest

from desk.storage import Library


@pytest.fixture
def article_id(db_path):
    with Library.open(db_path, seed=False) as lib:
        return lib.articles.create(headline="Bridge closes", body="Plain report.\n").id


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_over_the_library_is_refused(run, article_id, db_path, suffix):
    before = db_path.read_bytes()
    code, out, err = run("export", str(article_id), "--format", "md", "-o",
                         str(db_path) + suffix, "--force")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "open library" in err
    assert db_path.read_bytes() == before
    with Library.open(db_path, seed=False) as lib:
        assert lib.articles.get(article_id).headline == "Bridge closes"


def test_export_through_a_link_or_relative_path_is_refused(run, article_id, db_path, tmp_path,
                                                           monkeypatch):
    link = tmp_path / "alias.md"
    os.symlink(db_path, link)
    monkeypatch.chdir(tmp_path)
    for target in (str(link), f"./{db_path.name}", f"../{tmp_path.name}/{db_path.name}"):
        code, _out, err = run("export", str(article_id), "--format", "md", "-o", target, "--force")
        assert code == 2 and "open library" in err, target


def test_export_into_the_library_folder_is_allowed(run, article_id, db_path):
    code, _out, err = run("export", str(article_id), "--format", "md", "--dir",
                          str(db_path.parent), "--force")
    assert code == 0  # <id>-<slug>.md is not the library
    assert db_path.exists()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_backup_over_the_library_is_refused(run, article_id, db_path, suffix):
    code, _out, err = run("backup", str(db_path) + suffix, "--force")
    assert code == 2 and "open library" in err
    assert len(err.strip().splitlines()) == 1


def test_export_from_a_read_only_library_writes_the_file_and_warns(run, article_id, db_path,
                                                                   tmp_path, monkeypatch):
    """The file is what the editor asked for; the missing log entry is a warning, exit 0."""
    import desk.storage

    monkeypatch.setattr(desk.storage, "_writable", lambda path: False)
    target = tmp_path / "story.md"
    code, out, err = run("export", str(article_id), "--format", "md", "-o", str(target))
    assert code == 0 and out.strip() == str(target)
    assert target.read_text().startswith("---")
    assert err.startswith("desk: warning:") and "export log" in err
    monkeypatch.undo()
    with Library.open(db_path, seed=False) as lib:
        assert lib.exports.list() == []
