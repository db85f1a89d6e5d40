"""Property tests: the engine never raises and its offsets stay in bounds on any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.checks.attribution import analyse
from desk.checks.engine import check_text
from desk.checks.markdown_spans import non_prose_spans
from desk.model import SourceRef, TaggedQuote

# Text rich in the characters the engine cares about, plus arbitrary Unicode.
_ALPHABET = st.one_of(
    st.sampled_from(list("“”\"‘’'`<>[]()#*-—:,.!?\n \tAaBbSsHhe") + ["said", " he ", "Ana Ruiz", "---\n"]),
    st.characters(),
)
TEXT = st.lists(_ALPHABET, max_size=120).map("".join)
SOURCES = [SourceRef(id=1, name="Ana Ruiz", aliases=("Ruiz",))]


def _in_bounds(text, start, end):
    return 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_analyse_never_raises_and_offsets_in_bounds(text):
    result = analyse(text, SOURCES, [TaggedQuote(id=1, text="a b c", original="a b d")])
    for q in result.quotes:
        assert _in_bounds(text, q.start, q.end)
        assert q.start < q.end
        if q.speaker_start is not None:
            assert _in_bounds(text, q.speaker_start, q.speaker_end)
    for p in result.problems:
        assert _in_bounds(text, p.start, p.end)
        assert p.severity in ("error", "warning", "info")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_engine_on_arbitrary_unicode(text):
    report = check_text(text, sources=SOURCES, spelling=False)
    starts = [p.start for p in report.problems]
    assert starts == sorted(starts)
    for p in report.problems:
        assert _in_bounds(text, p.start, p.end)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_non_prose_spans_sorted_disjoint_in_bounds(text):
    spans = non_prose_spans(text)
    for (a, b), (c, d) in zip(spans, spans[1:]):
        assert b < c or b == c
    for a, b in spans:
        assert 0 <= a < b <= len(text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_explain_never_raises_and_confidences_are_probabilities(text):
    result = analyse(text, SOURCES, explain=True)
    assert len(result.explain) == len(result.quotes) + len(result.not_quotes)
    for entry in result.explain:
        assert 0.0 <= entry["confidence"] <= 1.0
        assert _in_bounds(text, entry["start"], entry["end"])
        scores = [c["score"] for c in entry["candidates"]]
        assert scores == sorted(scores, reverse=True)
    for q in result.quotes:
        if q.mention is not None:
            assert q.mention == text[q.speaker_start:q.speaker_end]
