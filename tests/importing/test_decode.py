import codecs

import pytest

from desk.importing import read_article
from desk.importing.decode import MAX_BYTES, decode
from desk.model import DeskError


def test_utf8_with_bom():
    assert decode(codecs.BOM_UTF8 + "Iran’s".encode()) == "Iran’s"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + "“Quote,” she said.\r\nNext".encode(codec)) == "“Quote,” she said.\nNext"


def test_latin1_is_refused():
    with pytest.raises(DeskError, match="not UTF-8"):
        decode("café".encode("latin-1"))


def test_binary_is_refused():
    with pytest.raises(DeskError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(DeskError, match="20 MB"):
        read_article(big)


def test_bad_front_matter(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("---\nheadline: [unclosed\n---\nbody\n")
    with pytest.raises(DeskError, match="front matter"):
        read_article(f)


def test_empty_text_file(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("\n\n")
    with pytest.raises(DeskError, match="empty"):
        read_article(f)
