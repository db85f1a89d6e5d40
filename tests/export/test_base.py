import os
import stat

import pytest

from desk.export.base import atomic_write, slugify
from desk.model import DeskError


def test_writes_the_bytes(tmp_path):
    target = tmp_path / "a.txt"
    assert atomic_write(target, b"hello") == target
    assert target.read_bytes() == b"hello"


def test_file_gets_normal_permissions(tmp_path):
    target = atomic_write(tmp_path / "a.txt", b"x")
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044 & ~_umask()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    with pytest.raises(DeskError, match="exists.*--force"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_force_replaces(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    atomic_write(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DeskError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "a.txt", b"x")


def test_folder_as_target_is_refused(tmp_path):
    with pytest.raises(DeskError, match="is a folder"):
        atomic_write(tmp_path, b"x", force=True)


def test_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):  # what an unwritable folder gives (chmod means nothing to root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(DeskError, match="cannot write in .*: permission denied"):
        atomic_write(tmp_path / "a.txt", b"x")
    assert not (tmp_path / "a.txt").exists()


def test_failed_write_leaves_no_temporary_or_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(DeskError, match="disk is full"):
        atomic_write(target, b"new" * 1000, force=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("headline,slug", [
    ("Council closes harbour bridge", "council-closes-harbour-bridge"),
    ("Zürich: “Café” prices — up 5%", "zurich-cafe-prices-up-5"),
    ("???", "article"),
    ("", "article"),
])
def test_slugify(headline, slug):
    assert slugify(headline) == slug


def test_slug_is_cut_at_a_word(tmp_path):
    slug = slugify("word " * 40)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.endswith("word")
