""".docx files opened with bounds, before python-docx sees them.

A .docx is a zip of XML parts, and both layers can be made hostile: a 1.6 MB zip that
unpacks to gigabytes (a zip bomb), XML that declares entities expanding to gigabytes
("billion laughs") or naming a local file (an external entity, XXE). Word, LibreOffice and
Google Docs never write a DTD, so any part with a DOCTYPE is refused outright; the sizes
the archive declares are checked before anything is unpacked, and every part is then read
with a limit, so a header that lies about its size is caught too. Every XML part is parsed
once here (no entities, no network, no DTD) so that bad XML is reported with the part's
name instead of a traceback from deep inside python-docx.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from desk.importing.decode import MAX_BYTES
from desk.model import DeskError

MAX_MEMBERS = 5_000
MAX_PART_BYTES = 32_000_000  # one part, unpacked (a 10,000-word document.xml is ~3 MB)
MAX_TOTAL_BYTES = 128_000_000  # the whole archive, unpacked (pictures included)
_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels")
_DTD_BYTES = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.I)


def invalid(path, reason: str) -> DeskError:
    return DeskError(f"{path}: not a valid .docx: {reason}")


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n < 1e9 else f"{n / 1e9:,.1f} GB"


def load_docx_bytes(path: Path) -> io.BytesIO:
    """The file's bytes in memory, checked: a zip within bounds whose XML parts are sound.
    The same bytes are handed to python-docx, so what was checked is what is read."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DeskError(f"{path}: file is {size / 1e6:.0f} MB; desk imports files up to 20 MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeskError(f"{path}: cannot read: {exc.strerror or exc}") from None
    stream = io.BytesIO(data)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise invalid(path, "not a zip archive, or a damaged or truncated one (an old .doc "
                            "must be saved as .docx first)") from None
    with archive:
        check_archive(archive, path)
    stream.seek(0)
    return stream


def check_archive(archive: zipfile.ZipFile, path) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise invalid(path, f"{len(infos):,} parts in the archive (a Word file has a few dozen)")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise invalid(path, f"it would unpack to {_mb(total)} (a zip bomb?); desk reads "
                            f".docx files that unpack to at most {_mb(MAX_TOTAL_BYTES)}")
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise invalid(path, f"part {info.filename} would unpack to {_mb(info.file_size)} "
                                f"(a zip bomb?); desk reads parts up to {_mb(MAX_PART_BYTES)}")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise invalid(path, "the part list [Content_Types].xml is missing")
    for info in infos:
        if info.is_dir():
            continue
        data = _read_part(archive, info, path)
        if info.filename.lower().endswith(_XML_SUFFIXES):
            check_xml(data, info.filename, path)


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path) -> bytes:
    try:
        with archive.open(info) as member:  # in chunks: one read would unpack it all
            chunks, size = [], 0
            while size <= MAX_PART_BYTES:
                chunk = member.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError,
            ValueError) as exc:
        # zlib.error and a failed CRC (a lying header) end up here; RuntimeError: encrypted
        raise invalid(path, f"part {info.filename} cannot be unpacked ({_reason(exc)})") from None
    if len(data) > MAX_PART_BYTES:
        raise invalid(path, f"part {info.filename} unpacks to more than {_mb(MAX_PART_BYTES)}")
    return data


def _declares_dtd(data: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration anywhere in the part, in UTF-8 or UTF-16."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _DTD_TEXT.search(data.decode("utf-16", "replace")) is not None
    if data[:2] in (b"<\x00", b"\x00<"):
        codec = "utf-16-le" if data[:1] == b"<" else "utf-16-be"
        return _DTD_TEXT.search(data.decode(codec, "replace")) is not None
    return _DTD_BYTES.search(data) is not None


def check_xml(data: bytes, part: str, path) -> None:
    if _declares_dtd(data):
        raise invalid(path, f"part {part} declares a DTD or entities, which Word never writes "
                            "(refused: entities can expand without bound or read local files)")
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, dtd_validation=False)
    try:
        etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise invalid(path, f"bad XML in {part} ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text[:160]


def failure_reason(exc: BaseException) -> str:
    """What python-docx tripped on, for the one-line message (never the traceback)."""
    name = exc.__class__.__name__
    text = _reason(exc)
    if name in ("KeyError",):
        return f"a part it names is missing ({text})"
    return f"{name}: {text}" if text != name else name
