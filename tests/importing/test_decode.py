import codecs
import random

import pytest

from desk.importing import read_article
from desk.importing.decode import MAX_BYTES, Decoded, decode, decode_text
from desk.model import DeskError


def test_utf8_with_bom():
    assert decode(codecs.BOM_UTF8 + "Iran’s".encode()) == "Iran’s"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + "“Quote,” she said.\r\nNext".encode(codec)) == "“Quote,” she said.\nNext"


def test_windows_1252_is_read_and_named():
    data = b"\x93Caf\xe9,\x94 she said \x97 twice.\r\n"
    assert decode_text(data) == Decoded("“Café,” she said — twice.\n", "Windows-1252")


def test_utf8_is_named_utf8_with_or_without_bom():
    assert decode_text("“é”".encode()).encoding == "UTF-8"
    assert decode_text(codecs.BOM_UTF8 + "“é”".encode()) == Decoded("“é”", "UTF-8")


def test_utf16_with_bom_is_named_utf16():
    assert decode_text(codecs.BOM_UTF16_LE + "é".encode("utf-16-le")).encoding == "UTF-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_refused_not_read_as_gibberish(codec):
    with pytest.raises(DeskError, match="UTF-16 text without a byte-order mark"):
        decode("Headline\n\nThe council met.\n".encode(codec))


def test_random_bytes_are_refused_not_read_as_windows_1252():
    noise = random.Random(7)
    data = bytes(noise.randrange(1, 256) for _ in range(2000))  # no NUL: not caught as binary
    with pytest.raises(DeskError, match="not text in UTF-8 or Windows-1252"):
        decode(data)


def test_high_bytes_without_controls_are_refused():
    with pytest.raises(DeskError, match="Windows-1252"):
        decode(bytes(range(0xA0, 0x100)) * 4 + b"abc")


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_bytes_windows_1252_leaves_undefined_are_refused(byte):
    with pytest.raises(DeskError):
        decode(b"Plain words " + byte + b" and more plain words.")


def test_windows_1252_file_imports_with_its_encoding(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(b"Caf\xe9 reopens\n\nThe owner said \x93soon\x94 \x97 maybe.\n")
    parsed = read_article(path)
    assert parsed.fields["headline"] == "Café reopens"
    assert parsed.fields["body"] == "The owner said “soon” — maybe.\n"
    assert parsed.encoding == "Windows-1252"


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


@pytest.mark.parametrize("content", ["", "\n\n", "  \n\t\n"])
def test_an_empty_markdown_file_is_refused_as_a_text_file_is(tmp_path, content):
    f = tmp_path / "x.md"
    f.write_text(content)
    with pytest.raises(DeskError, match="the file is empty"):
        read_article(f)


def test_a_markdown_file_with_only_a_heading_is_an_article(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("# Just a headline\n")
    assert read_article(f).fields["headline"] == "Just a headline"
