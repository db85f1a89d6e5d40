"""The quotation operations, run through the core and through the CLI, leave the same state."""

import pytest

from desk.cli import main
from desk.model import DeskError
from desk.operations import quotes as ops
from desk.operations.changes import Changes
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


RESOLVED = ("Senator Mark Hill spoke after the vote on Tuesday.\n\n"
            "“The plan will not work,” he said.\n")


def test_a_name_only_resolved_from_he_is_not_remembered(lib):
    """The text says "he"; the engine reads it as Mark Hill. Crediting the quotation to
    someone else says the reading was wrong, not that Mark Hill is their name."""
    other = lib.sources.add("Paul Stone")
    aid = lib.articles.create(headline="x", body=RESOLVED).id
    (q,) = sync_quotes(lib, aid)
    speaker, _kind, mention = ops.detected(lib, q.id)
    assert (speaker, mention) == ("Mark Hill", "he")
    assert ops.alias_offer(lib, other.id, speaker, "person", mention) is None
    with pytest.raises(DeskError, match="the text says “he” here"):
        ops.assign_source(lib, quote_id=q.id, source_id=other.id, learn_alias=True)
    assert lib.sources.get(other.id).aliases == [] and lib.quotes.get(q.id).assigned == 0
    ops.assign_source(lib, quote_id=q.id, source_id=other.id)  # without the alias it is fine
    assert lib.quotes.get(q.id).source_id == other.id


def test_another_sources_name_is_not_remembered(lib):
    ruiz = lib.sources.add("Jane Ruiz", aliases=["J. Ruiz"])
    carter = lib.sources.add("John Carter")
    q = one_quote(lib, "“It is a disgrace,” said J. Ruiz.\n")
    assert ops.alias_offer(lib, carter.id, "J. Ruiz", "person", "J. Ruiz") is None
    with pytest.raises(DeskError, match=f"already a name of Jane Ruiz \\(source {ruiz.id}\\)"):
        ops.assign_source(lib, quote_id=q.id, source_id=carter.id, learn_alias=True)
    assert lib.sources.get(carter.id).aliases == []


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


def test_a_recorded_original_verified_anyway_no_longer_blocks(lib):
    """The smoke test's case: the material's words were recorded as the original, then the
    editor vouched for the printed words. The difference stays as a warning; the gate and
    export, which stop at errors, let it through."""
    from desk.checking import check_article
    from desk.review.gate import blocking_reasons

    q = one_quote(lib, SINISTER)
    ops.record_original(lib, quote_id=q.id,
                        original="The regime has malign plans for the region,")
    article = lib.articles.get(q.article_id)
    assert [p.severity for p in check_article(lib, article).problems if p.kind == "misquote"] \
        == ["error"]
    with pytest.raises(ops.EvidenceDiffers):
        ops.verify(lib, quote_id=q.id)
    ops.verify(lib, quote_id=q.id, force=True)
    assert [p.severity for p in check_article(lib, article).problems if p.kind == "misquote"] \
        == ["warning"]
    assert not any("misquote" in r or "differs" in r for r in blocking_reasons(lib, article))


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


# -- the other quotation operations ----------------------------------------------------------
UNATTRIBUTED = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”\n"


def test_assign_source_reports_the_quotation_and_a_learned_alias_as_changed(lib):
    src = lib.sources.add("Thomas Hardy")
    q = one_quote(lib, "“We are ready,” said Tom Hardy, a parent.\n")
    plain = ops.assign_source(lib, quote_id=q.id, source_id=src.id, speaker="Tom Hardy")
    assert plain.changes == Changes.of(quotes=[q.id])
    learned = ops.assign_source(lib, quote_id=q.id, source_id=src.id, speaker="Tom Hardy",
                                learn_alias=True)
    assert learned.alias_learned == "Tom Hardy"
    assert learned.changes == Changes.of(quotes=[q.id], sources=[src.id])


def test_set_speaker_to_an_unregistered_name_keeps_it_without_a_source(lib):
    q = one_quote(lib, UNATTRIBUTED)
    result = ops.set_speaker(lib, quote_id=q.id, name="  Ann   Lee ", reviewer="ed")
    row = lib.quotes.get(q.id)
    assert (row.speaker, row.source_id, row.assigned, row.reviewed_by) == ("Ann Lee", None, 1, "ed")
    assert result.changes.quotes == {q.id} and not result.changes.sources


def test_set_speaker_to_a_registered_alias_assigns_that_source(lib):
    src = lib.sources.add("Thomas Hardy", aliases=["Tom Hardy"])
    q = one_quote(lib, UNATTRIBUTED)
    ops.set_speaker(lib, quote_id=q.id, name="tom hardy")
    row = lib.quotes.get(q.id)
    assert (row.source_id, row.speaker, row.assigned) == (src.id, "tom hardy", 1)
    assert lib.sources.get(src.id).aliases == ["Tom Hardy"]


def test_set_speaker_without_a_name_is_refused(lib):
    q = one_quote(lib, UNATTRIBUTED)
    with pytest.raises(DeskError, match="needs a name"):
        ops.set_speaker(lib, quote_id=q.id, name="  ")
    assert lib.quotes.get(q.id).assigned == 0


def test_assign_new_source_registers_the_speaker_once(lib):
    q1 = one_quote(lib, "“We are ready,” said Tom Hardy, a parent.\n")
    first = ops.assign_new_source(lib, quote_id=q1.id, name="Tom Hardy", kind="anonymous-ish")
    src = lib.sources.find("Tom Hardy")
    assert src.kind == "person" and first.changes == Changes.of(quotes=[q1.id], sources=[src.id])
    q2 = one_quote(lib, "“Still ready,” said Tom Hardy.\n")
    ops.assign_new_source(lib, quote_id=q2.id, name="Tom Hardy")
    assert len(lib.sources.list()) == 1
    assert {lib.quotes.get(i).source_id for i in (q1.id, q2.id)} == {src.id}


@pytest.mark.parametrize("op, status", [(ops.dispute, "disputed"),
                                        (ops.mark_not_a_quote, "not-a-quote")])
def test_status_shortcuts(lib, op, status):
    q = one_quote(lib, SINISTER)
    result = op(lib, quote_id=q.id, note="check the tape", reviewer="ed")
    row = lib.quotes.get(q.id)
    assert (row.status, row.note, row.reviewed_by) == (status, "check the tape", "ed")
    assert result.changes == Changes.of(quotes=[q.id])


def test_an_unknown_status_is_refused(lib):
    q = one_quote(lib, SINISTER)
    with pytest.raises(DeskError, match="unknown quotation status"):
        ops.set_status(lib, quote_id=q.id, status="fine", note="x")
    assert lib.quotes.get(q.id).note == ""


def test_record_original_verifies_identical_words_only(lib):
    q = one_quote(lib, SINISTER)
    same = ops.record_original(lib, quote_id=q.id,
                               original="The regime has sinister plans for the region")
    assert same.verified and lib.quotes.get(q.id).status == "verified"
    other = ops.record_original(lib, quote_id=q.id, original="The regime has malign plans")
    row = lib.quotes.get(q.id)
    assert not other.verified and row.status == "unverified"
    assert row.original == "The regime has malign plans" and other.changes.quotes == {q.id}


def test_record_an_empty_original_is_refused(lib):
    q = one_quote(lib, SINISTER)
    with pytest.raises(DeskError, match="empty"):
        ops.record_original(lib, quote_id=q.id, original="  ")
    assert lib.quotes.get(q.id).original is None


def test_verify_from_material_records_the_passage(lib, disputed):
    qid, mid = disputed
    result = ops.verify_from_material(lib, quote_id=qid, material_id=mid)
    row = lib.quotes.get(qid)
    assert result.recorded and not result.verified and result.changes.quotes == {qid}
    assert "malign" in row.original and row.origin_ref.startswith(f"material {mid}")


def test_verify_from_material_that_does_not_match_changes_nothing(lib):
    q = one_quote(lib, SINISTER)
    m = lib.materials.add("Weather: sunny, then rain by evening.", article_id=q.article_id)
    before = lib.quotes.get(q.id)
    result = ops.verify_from_material(lib, quote_id=q.id, material_id=m.id)
    assert not result.recorded and not result.changes and lib.quotes.get(q.id) == before


def test_tag_sets_fields_and_assigns_like_the_menu(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, SINISTER)
    result = ops.tag(lib, quote_id=q.id, source_id=src.id, origin="interview", origin_ref="tape 2",
                     note="n", reviewer="ed")
    row = lib.quotes.get(q.id)
    assert (row.source_id, row.speaker, row.assigned, row.origin, row.origin_ref, row.note) == \
        (src.id, "Saeed Khatibzadeh", 1, "interview", "tape 2", "n")
    assert result.quote == row and result.changes.quotes == {q.id}
    ops.tag(lib, quote_id=q.id, source_id=None, origin=None)
    row = lib.quotes.get(q.id)
    assert (row.source_id, row.assigned, row.origin, row.note) == (None, 0, None, "n")


@pytest.mark.parametrize("kwargs, message", [
    ({}, "nothing to tag"),
    ({"origin": "rumour", "source_id": 1}, "unknown origin"),
    ({"speaker": "Ann Lee", "source_id": 1}, "either a source or a speaker"),
    ({"learn_alias": True, "note": "x"}, "needs a source"),
    ({"status": "fine", "source_id": 1}, "unknown quotation status"),
])
def test_tag_refusals_change_nothing(lib, kwargs, message):
    lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, SINISTER)
    before = lib.quotes.get(q.id)
    with pytest.raises(DeskError, match=message):
        ops.tag(lib, quote_id=q.id, **kwargs)
    assert lib.quotes.get(q.id) == before and lib.sources.get(1).aliases == []


def test_a_refused_alias_in_tag_leaves_the_other_fields_unset(lib):
    src = lib.sources.add("Saeed Khatibzadeh")
    q = one_quote(lib, IRAN)
    before = lib.quotes.get(q.id)
    with pytest.raises(DeskError, match="country"):
        ops.tag(lib, quote_id=q.id, source_id=src.id, learn_alias=True, note="from the wire")
    assert lib.quotes.get(q.id) == before
