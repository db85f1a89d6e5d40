"""The seed wire story (our own text, tests/data/seed_wire_story.md): every quotation goes
to the right person, and names the article introduces are not spelling mistakes."""

from pathlib import Path

from desk.checks.attribution import analyse
from desk.checks.engine import check_text

STORY = (Path(__file__).parents[1] / "data" / "seed_wire_story.md").read_text(encoding="utf-8")

EXPECTED = [
    ("calm and restraint", "Mustafa al-Kadhimi"),
    ("terrorist attack", "Joe Biden"),
    ("I was relieved", "Joe Biden"),
    ("The United States stands", "Joe Biden"),
    ("We have no interest", "Abu Ali al-Askari"),
    ("Such incidents", "Saeed Khatibzadeh"),
    ("slow and confused", "Bill Hagerty"),
    ("Our partners deserve", "Bill Hagerty"),
    ("This was a message", "Michael Knights Osgood"),
    ("Drones are now", "Lena Higel"),
]


def test_every_quotation_goes_to_its_speaker():
    quotes = analyse(STORY).quotes
    got = [(q.text, q.speaker) for q in quotes]
    assert len(got) == len(EXPECTED), got
    for (text, speaker), (start, want) in zip(got, EXPECTED):
        assert text.startswith(start)
        assert speaker == want, (text, speaker)


def test_the_spokesman_before_a_colon_is_not_the_country():
    (q,) = [q for q in analyse(STORY).quotes if q.text.startswith("Such incidents")]
    assert q.speaker == "Saeed Khatibzadeh"
    assert q.title and "spokesman" in q.title


def test_names_the_article_introduces_are_not_misspellings():
    report = check_text(STORY, suggestions=False)
    flagged = {STORY[p.start:p.end] for p in report.problems if p.kind in ("misspelling", "unknown-name")}
    for name in ("Kadhimi", "al-Kadhimi", "Khatibzadeh", "Askari", "Abu", "Hagerty", "Higel", "Osgood"):
        assert name not in flagged, (name, flagged)


def test_a_real_typo_is_still_flagged():
    report = check_text(STORY.replace("survived", "survivde", 1), suggestions=False)
    assert "survivde" in {STORY.replace("survived", "survivde", 1)[p.start:p.end]
                          for p in report.problems if p.kind == "misspelling"}


def test_boilerplate_is_reported():
    report = check_text(STORY, spelling=False)
    assert any(p.kind == "boilerplate" for p in report.problems)
