import pytest

from desk.model import DeskError
from desk.review.reattach import sync_quotes
from desk.review.tags import verify_quote
from desk.review.verify import find_in_material, verify_from_material
from tests.review.test_material import TRANSCRIPT


def quote(library, article, text):
    return next(r for r in sync_quotes(library, article.id) if r.text == text)


def test_identical_passage_marks_the_quotation_verified(library, article, ruiz):
    m = library.materials.add(TRANSCRIPT, title="Interview", source_id=ruiz.id)
    q = quote(library, article, "Nobody will pay more.")
    result = verify_from_material(library, q.id, reviewer="ed")
    assert result.verified and result.recorded
    row = library.quotes.get(q.id)
    assert row.status == "verified" and row.reviewed_by == "ed" and row.reviewed_at
    assert row.original.lower().startswith("nobody will pay more")
    assert f"material {m.id}" in row.origin_ref


def test_different_passage_is_recorded_as_original_and_left_unverified(library, article, ruiz):
    library.materials.add(TRANSCRIPT, source_id=ruiz.id)
    q = quote(library, article, "We will rebuild the bridge by spring,")
    result = verify_from_material(library, q.id)
    assert not result.verified and result.recorded
    row = library.quotes.get(q.id)
    assert row.status == "unverified"
    assert row.original == "we will rebuild the bridge by the spring."


def test_previously_verified_quotation_that_differs_goes_back_to_unverified(library, article, ruiz):
    q = quote(library, article, "We will rebuild the bridge by spring,")
    verify_quote(library, q.id)
    verify_from_material(library, q.id, text=TRANSCRIPT)
    assert library.quotes.get(q.id).status == "unverified"


def test_no_match_changes_nothing(library, article, ruiz):
    library.materials.add("The weather was fine and the match went ahead.", source_id=ruiz.id)
    q = quote(library, article, "Nobody will pay more.")
    result = verify_from_material(library, q.id)
    assert not result.recorded
    assert library.quotes.get(q.id).original is None


def test_material_of_the_article_is_searched_too(library, article):
    library.materials.add(TRANSCRIPT, article_id=article.id)
    q = quote(library, article, "It is a disaster,")  # anonymous: no source
    passage = find_in_material(library, q.id)
    assert passage is not None and passage.material_id is not None


def test_without_any_material_the_error_says_how_to_add_some(library, article):
    q = quote(library, article, "Nobody will pay more.")
    with pytest.raises(DeskError, match="desk material add"):
        find_in_material(library, q.id)


def test_verify_with_typed_original_that_differs(library, article):
    q = quote(library, article, "Nobody will pay more.")
    row, verified = verify_quote(library, q.id, original="Nobody will pay any more.")
    assert not verified and row.status == "unverified" and row.original == "Nobody will pay any more."


def test_verify_without_original_vouches_for_the_quotation(library, article):
    q = quote(library, article, "Nobody will pay more.")
    row, verified = verify_quote(library, q.id, note="heard it myself")
    assert verified and row.status == "verified" and row.note == "heard it myself"
