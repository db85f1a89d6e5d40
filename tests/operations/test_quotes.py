"""The quotation operations, run through the core and through the CLI, leave the same state."""

import pytest

from desk.cli import main
from desk.model import DeskError
from desk.operations import quotes as ops
from desk.review.reattach import sync_quotes
from desk.storage import Library

IRAN = "“The talks are over and we will not return,” Iran said on Monday.\n"
SINISTER = ("“The regime has sinister plans for the region,” said Saeed Khatibzadeh, "
            "the spokesman.\n")
TRANSCRIPT = "Q: And the plans? KHATIBZADEH: The regime has malign plans for the region. Next."


@pytest.fixture
def lib(db_path):
    lib = Library.open(db_path, seed=False)
    yield lib
    lib.close()


def one_quote(lib, body):
    aid = lib.articles.create(headline="x", body=body).id
    (row,) = sync_quotes(lib, aid)
    return row


def cli(db_path, capsys, *argv):
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def state(lib, quote_id, source_id):
    q = lib.quotes.get(quote_id)
    return (q.source_id, q.speaker, q.assigned, bool(q.reviewed_at), lib.sources.get(source_id).aliases)


# -- assign a source ----------------------------------------------------------------------
def test_assigning_iran_to_a_person_learns_no_alias(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, IRAN)
    result = ops.assign_source(lib, quote_id=q.id, source_id=src.id, reviewer="ed")
    assert result.alias_learned is None
    assert state(lib, q.id, src.id) == (src.id, "Saeed Khatibzadeh", 1, True, [])
    assert lib.quotes.get(q.id).reviewed_by == "ed"


def test_confirming_iran_as_an_alias_is_refused_and_changes_nothing(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, IRAN)
    with pytest.raises(DeskError, match="country"):
        ops.assign_source(lib, quote_id=q.id, source_id=src.id, learn_alias=True)
    assert lib.quotes.get(q.id).assigned == 0 and lib.sources.get(src.id).aliases == []


def test_a_confirmed_person_name_becomes_an_alias(lib):
    src = lib.sources.add("Thomas Hardy")
    q = one_quote(lib, "“We are ready,” said Tom Hardy, a parent.\n")
    assert ops.alias_offer(lib, src.id, "Tom Hardy", "person") == "Tom Hardy"
    result = ops.assign_source(lib, quote_id=q.id, source_id=src.id, learn_alias=True)
    assert result.alias_learned == "Tom Hardy"
    assert state(lib, q.id, src.id)[:3] == (src.id, "Tom Hardy", 1)
    assert ops.alias_offer(lib, src.id, "Tom Hardy", "person") is None  # known now


def test_cli_tag_source_is_the_same_operation(db_path, capsys):
    with Library.open(db_path, seed=False) as lib:
        src = lib.sources.add("Saeed Khatibzadeh").id
        q1, q2 = one_quote(lib, IRAN).id, one_quote(lib, IRAN).id
        ops.assign_source(lib, quote_id=q1, source_id=src, reviewer="ed")
    code, _out, err = cli(db_path, capsys, "quotes", "tag", str(q2), "--source", str(src), "--alias")
    assert code == 2 and "country" in err and len(err.splitlines()) == 1
    code, out, err = cli(db_path, capsys, "quotes", "tag", str(q2), "--source", str(src), "--by", "ed")
    assert code == 0, err
    with Library.open(db_path, seed=False) as lib:
        assert state(lib, q1, src) == state(lib, q2, src) == (src, "Saeed Khatibzadeh", 1, True, [])


def test_cli_alias_flag_learns_a_person_name(db_path, capsys):
    with Library.open(db_path, seed=False) as lib:
        src = lib.sources.add("Thomas Hardy").id
        q = one_quote(lib, "“We are ready,” said Tom Hardy, a parent.\n").id
    code, out, err = cli(db_path, capsys, "quotes", "tag", str(q), "--source", str(src), "--alias")
    assert code == 0 and "remembered" in out
    with Library.open(db_path, seed=False) as lib:
        assert lib.sources.get(src).aliases == ["Tom Hardy"]


# -- verify -------------------------------------------------------------------------------
@pytest.fixture
def disputed(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, SINISTER)
    m = lib.materials.add(TRANSCRIPT, title="Briefing", source_id=src.id)
    lib.quotes.update(q.id, status="disputed", source_id=src.id)
    return q.id, m.id


def test_verify_against_differing_material_is_refused_naming_the_difference(lib, disputed):
    qid, mid = disputed
    with pytest.raises(ops.EvidenceDiffers) as info:
        ops.verify(lib, quote_id=qid)
    message = str(info.value)
    assert "“malign” in the evidence, “sinister” in the quotation" in message
    assert f"material {mid}" in message and "disputed" in message and "\n" not in message
    assert lib.quotes.get(qid).status == "disputed"


def test_verify_anyway_records_what_it_was_checked_against(lib, disputed):
    qid, mid = disputed
    result = ops.verify(lib, quote_id=qid, force=True, reviewer="ed")
    row, evidence = result.quote, result.evidence
    assert result.changes.quotes == {qid}
    assert row.status == "verified" and row.reviewed_by == "ed"
    assert row.verified_material_id == mid
    assert "malign" in row.verified_against and evidence.material_id == mid


def test_verify_with_matching_material_records_it(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, SINISTER.replace("sinister", "malign"))
    lib.quotes.update(q.id, source_id=src.id)
    m = lib.materials.add(TRANSCRIPT, source_id=src.id)
    row = ops.verify(lib, quote_id=q.id).quote
    assert (row.status, row.verified_material_id) == ("verified", m.id)


def test_verify_without_evidence_is_vouching(lib):
    q = one_quote(lib, SINISTER)
    result = ops.verify(lib, quote_id=q.id)
    row, evidence = result.quote, result.evidence
    assert evidence is None and row.status == "verified" and row.verified_against is None


def test_cli_verify_refuses_in_one_line_unless_forced(db_path, capsys):
    with Library.open(db_path, seed=False) as lib:
        src = lib.sources.add("Saeed Khatibzadeh")
        q = one_quote(lib, SINISTER)
        lib.quotes.update(q.id, source_id=src.id)
        lib.materials.add(TRANSCRIPT, source_id=src.id)
    code, out, err = cli(db_path, capsys, "quotes", "verify", str(q.id))
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "“malign” in the evidence, “sinister” in the quotation" in err and "--force" in err
    code, out, _err = cli(db_path, capsys, "quotes", "verify", str(q.id), "--force")
    assert code == 0 and "verified against material" in out
    with Library.open(db_path, seed=False) as lib:
        assert lib.quotes.get(q.id).status == "verified"
