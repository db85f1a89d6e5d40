"""Every importer, every material reader and the commands that use them, over the generated
corpus of hostile files (tests/data/hostile/make_corpus.py): each file ends in a clean
import or a one-line DeskError, never another exception, never a local file read."""

from __future__ import annotations

import importlib.util
import re
import sys
import tracemalloc
from pathlib import Path

import pytest

from desk.cli import main
from desk.importing import read_article
from desk.model import DeskError
from desk.review import read_material
from desk.storage import Library

_SPEC = importlib.util.spec_from_file_location(
    "make_corpus", Path(__file__).parents[1] / "data" / "hostile" / "make_corpus.py")
corpus = sys.modules.setdefault("make_corpus", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(corpus)

CASES = corpus.CASES
IDS = [c.name.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
       for c in CASES]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
BOMBS = [c for c in CASES if c.name.startswith("zip-bomb")]


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    corpus.build(folder)
    return folder


def _assert_clean_error(exc: DeskError, case) -> None:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message
    assert case.expect != "ok", f"{case.name} should import: {message}"
    if case.mention:
        assert re.search(case.mention, message), message
    assert corpus.SECRET not in message


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    return []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_importer_reads_or_refuses_in_one_line(hostile_dir, case):
    try:
        parsed = read_article(hostile_dir / case.name)
    except DeskError as exc:
        _assert_clean_error(exc, case)
        return
    assert case.expect != "error", f"{case.name} should have been refused"
    texts = _texts(parsed.fields) + _texts(parsed.tags) + _texts(parsed.sources)
    assert parsed.fields["headline"].strip()
    for text in texts:
        assert corpus.SECRET not in text
        assert not CONTROL.search(text.replace("\t", "").replace("\n", "")), repr(text[:80])
        text.encode("utf-8")  # no lone surrogates from an undecodable file name


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_material_reader_reads_or_refuses_in_one_line(hostile_dir, case):
    path = hostile_dir / case.name
    try:
        title, text = read_material(path)
    except DeskError as exc:
        message = str(exc)
        assert "\n" not in message and corpus.SECRET not in message
        if case.mention and path.suffix == ".docx":
            assert re.search(case.mention, message), message
        return
    assert corpus.SECRET not in text
    assert not CONTROL.search(text.replace("\t", "").replace("\n", ""))
    (title + text).encode("utf-8")


@pytest.mark.parametrize("case", BOMBS, ids=[c.name for c in BOMBS])
def test_zip_bomb_is_refused_before_it_is_unpacked(hostile_dir, case):
    path = hostile_dir / case.name
    assert path.stat().st_size < 1_000_000  # each unpacks to 40-150 MB (or lies about it)
    tracemalloc.start()
    try:
        with pytest.raises(DeskError, match=case.mention):
            read_article(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_external_entity_file_exists_so_the_check_means_something(hostile_dir):
    assert corpus.SECRET in (hostile_dir / "secret.txt").read_text()


@pytest.fixture
def cli_library(db_path):
    with Library.open(db_path, seed=False) as lib:
        article = lib.articles.create(
            headline="Bridge", body="“We will rebuild the bridge,” said Ana Ruiz.\n")
    code = main(["--db", str(db_path), "quotes", "list", "--format", "json"])
    assert code == 0
    return {"db": str(db_path), "article": article.id}


def _cli(capsys, db, *argv) -> tuple[int, str]:
    code = main(["--db", db, *argv])
    _, err = capsys.readouterr()
    return code, err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_commands_print_one_line_and_exit_2(hostile_dir, cli_library, capsys, case):
    """`desk import`, `desk material add` and `desk quotes verify --material`."""
    path = str(hostile_dir / case.name)
    db = cli_library["db"]
    commands = [("import", path), ("check", path)]
    if case.material:
        commands += [("material", "add", "--article", str(cli_library["article"]), path),
                     ("quotes", "verify", "1", "--material", path)]
    for argv in commands:
        code, err = _cli(capsys, db, *argv)
        assert code in (0, 1, 2), (argv, err)
        if code == 2:
            assert err.startswith("desk: error: ") and err.count("\n") == 1, err
            assert corpus.SECRET not in err
        if argv[0] == "import":
            assert (code == 2) == (case.expect == "error") or case.expect == "either", err


@pytest.mark.parametrize("case", [c for c in CASES if c.expect != "error"],
                         ids=[i for c, i in zip(CASES, IDS) if c.expect != "error"])
def test_what_imports_exports_to_every_format(hostile_dir, case):
    import lxml.html

    from desk.export import formats, get_format
    from desk.export.base import ExportData
    from desk.export.links import is_allowed
    from desk.model import Article

    try:
        parsed = read_article(hostile_dir / case.name)
    except DeskError:
        return  # an "either" case that was refused: covered above
    fields = {k: v for k, v in parsed.fields.items() if k in Article.__dataclass_fields__}
    article = Article(id=1, tags=parsed.tags, created_at="2026-12-01T10:00:00", **fields)
    for name in formats():
        blob = get_format(name).render(ExportData(article=article))
        assert blob and corpus.SECRET.encode() not in blob
        if name == "html":
            root = lxml.html.fromstring(blob)
            assert all(is_allowed(a.get("href")) for a in root.iter("a") if a.get("href"))
