"""Ranking candidates: features, the weight table, confidence, --explain, uncertain speakers."""

from desk.checks.attribution import analyse
from desk.checks.attribution.credits import Credit
from desk.checks.attribution.phrase import Speaker
from desk.checks.attribution.ranking import Scored, choose, features, score
from desk.checks.engine import check_text


def _credit(name, how, kind="person", start=0, cue="said"):
    return Credit(Speaker(name, kind, start, start + len(name)), cue, how=how)


def test_a_comma_before_a_trailing_cue_outranks_a_cue_before_the_quotation():
    text = "Ana Ruiz said on Monday that “we will build,” Omar Haddad said."
    inner_start, inner_end = text.index("“") + 1, text.index("”")
    post = _credit("Omar Haddad", "post", start=text.index("Omar"))
    pre = _credit("Ana Ruiz", "pre", start=0)
    f_post = features(text, text[inner_start:inner_end], inner_start - 1, inner_end + 1, post, 1, None)
    f_pre = features(text, text[inner_start:inner_end], inner_start - 1, inner_end + 1, pre, 1, None)
    assert f_post.get("post_after_comma") == 1.0
    assert score(f_post) > score(f_pre)


def test_a_one_word_place_is_penalised():
    text = "“It works,” Texas said."
    f = features(text, "It works,", 0, 11, _credit("Texas", "post", start=12), 1, None, place=True)
    assert f.get("placeish") == 1.0
    assert score(f) < score(features(text, "It works,", 0, 11, _credit("Ana Ruiz", "post", start=12), 1, None))


def test_a_name_the_article_uses_as_a_place_is_place_like():
    from desk.checks.attribution.people import People

    people = People("Farmers in Ardena are angry. Mayor Lena Voss of Ardena spoke. Voss agreed.", [])
    assert people.place_like("Ardena")
    assert not people.place_like("Voss")


def test_confidence_grows_with_the_margin_over_a_rival():
    a = Scored(_credit("Ana Ruiz", "post"), {}, 8.0)
    close = Scored(_credit("Omar Haddad", "pre"), {}, 7.8)
    far = Scored(_credit("Omar Haddad", "pre"), {}, 2.0)
    assert choose([a, close]).confidence < choose([a, far]).confidence
    assert choose([a, close]).credit.speaker.name == "Ana Ruiz"


def test_the_same_person_twice_is_no_rival():
    a = Scored(_credit("Ana Ruiz", "post"), {}, 8.0)
    b = Scored(_credit("Ruiz", "pre"), {}, 7.9)
    nobody = Scored(Credit(how="none"), {}, 0.8)
    assert choose([a, b, nobody]).confidence > 0.99


def test_explain_lists_candidates_best_first_with_features():
    text = "Mayor Ines Varga spoke first. “We will not pay,” said Omar Haddad."
    result = analyse(text, explain=True)
    (entry,) = result.explain
    assert entry["speaker"] == "Omar Haddad"
    scores = [c["score"] for c in entry["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert entry["candidates"][0]["how"] == "post"
    assert "how:post" in entry["candidates"][0]["features"]
    assert any(c["speaker"] is None for c in entry["candidates"])


def test_explain_is_off_by_default():
    assert analyse("“Yes,” said Omar Haddad.").explain == []


def test_check_json_gains_candidates_only_with_explain():
    text = "“Yes,” said Omar Haddad."
    plain = check_text(text, spelling=False).to_dict()
    assert "candidates" not in plain["quotes"][0] and "explain" not in plain
    rich = check_text(text, spelling=False, explain=True).to_dict()
    assert rich["explain"] is True
    assert rich["quotes"][0]["candidates"][0]["speaker"] == "Omar Haddad"
    assert 0 < rich["quotes"][0]["confidence"] <= 1


def test_a_close_call_is_reported_as_an_uncertain_speaker():
    # the only candidates: a sentence subject and the last cue of the paragraph before
    text = ("Omar Haddad said the harbour would close.\n\n"
            "Ana Ruiz runs the port. The “temporary” closure worries her.")
    kinds = [p.kind for p in analyse(text).problems]
    confident = analyse("“We will not pay,” said Omar Haddad.").problems
    assert "uncertain-speaker" not in [p.kind for p in confident]
    assert kinds.count("uncertain-speaker") <= 1


def test_uncertain_speaker_is_info_and_names_the_guess():
    text = "Ana Ruiz met Omar Haddad. “It is over.” He added: “We go home.”"
    probs = [p for p in analyse(text).problems if p.kind == "uncertain-speaker"]
    for p in probs:
        assert p.severity == "info"
        assert "sure" in p.message


def test_a_contrasting_while_clause_after_a_quotation_does_not_credit_it():
    text = "Peter Lang promised to “look at the numbers” and “decide by spring,” while Ana Ruiz hinted that she would vote no."
    assert [q.speaker for q in check_text(text, spelling=False).quotes] == ["Peter Lang", "Peter Lang"]


def test_an_appositive_after_an_inverted_credit_is_no_clause_of_its_own():
    text = ("After Lang said the pier would close, the town “lost its patience with the harbour board,” "
            "said Dana Holt, a member of the harbour council.")
    (q,) = check_text(text, spelling=False).quotes
    assert q.speaker == "Dana Holt"


def test_a_cue_that_introduces_the_next_quotation_does_not_credit_the_one_before():
    text = "While Lang called the plan “sound,” Ruiz called it “a gamble.”"
    assert [q.speaker for q in check_text(text, spelling=False).quotes] == ["Lang", "Ruiz"]


def test_a_quotation_in_an_opening_subordinate_clause_keeps_that_clause_s_speaker():
    text = "Days after Lang called her “a liar,” Ruiz hit back."
    assert [q.speaker for q in check_text(text, spelling=False).quotes] == ["Lang"]


def test_a_credit_closing_the_sentence_reports_a_quoted_fragment_inside_it():
    # nested attribution: the outer speaker vouches for the fragment (as “…,” Holt said does)
    text = "Peter Lang promised “a full account” of the costs, Dana Holt said."
    assert [q.speaker for q in check_text(text, spelling=False).quotes] == ["Dana Holt"]


def test_the_sentence_naming_someone_before_the_quotation_outranks_a_cue_in_the_sentence_before():
    text = ("Omar Beck joked about the weather and told the crowd to go home. Reading from a card, "
            "Lena Voss pronounced the name of the ferry “Westby Star” twice.")
    (q,) = analyse(text).quotes
    assert q.speaker == "Lena Voss"


def test_a_cue_in_the_sentence_before_still_credits_a_quotation_after_a_plain_opening():
    text = "Omar Beck said the ferry was late again. But even then, it was “a fine boat.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck"
