"""Descriptors that name a person the article has introduced: "the president" is the person
introduced with that title ("President Okonjo"), "the Ohio senator" the one introduced as
"Sen. Omar Beck of Ohio", "the developer" the one introduced as "Karl Brand, a real estate
developer,"; "Lena Marsh, the guild's strategist, who added …" is Lena Marsh."""

from __future__ import annotations

import bisect
import re
import weakref

from desk.checks.attribution.lexicon import FEMALE_WORDS, MALE_WORDS, PERSON_ROLES
from desk.checks.attribution.people import People
from desk.checks.attribution.phrase import Speaker

_ABBR = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president", "gen": "general",
         "sec": "secretary", "dr": "doctor", "prof": "professor", "lt": "lieutenant", "col": "colonel"}
_DESC_SKIP = {"the", "his", "her", "their", "its", "a", "an", "former", "then", "current"}
# what a described person can be called, beside a role: "Her husband, a retired pilot,
# agreed. “…,” he said"; "The teacher was blunt. “…,” she said"
PERSON_HEADS = PERSON_ROLES | FEMALE_WORDS | MALE_WORDS | {
    "teacher", "farmer", "nurse", "pastor", "priest", "neighbor", "neighbour", "resident", "voter", "worker",
    "student", "witness", "volunteer", "reporter", "editor", "historian", "researcher", "consultant", "pilot",
    "driver", "fisherman", "engineer", "parent", "friend", "partner", "colleague", "mother", "father",
    "developer", "mogul", "investor", "banker", "strategist", "pollster", "operative", "donor", "organizer",
    "organiser", "candidate", "hopeful", "contender", "rival", "opponent"}
_PARTIES = {"r": "republican", "d": "democrat", "i": "independent"}

# "Former Secretary of State Ruth Amadi": the title's words before the "of" of its run
_TITLE_OF_BEFORE = re.compile(r"((?:[A-Z][\w.'\u2019-]*[ \t]+){1,3}of[ \t]+(?:the[ \t]+)?)$")
# "Sen. Omar Beck of Ohio", "Sen. Omar Beck (D-Ohio)", "Omar Beck, D-Ohio,"
_PLACE_AFTER = re.compile(r"[ \t]+of[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'\u2019-])"
                          r"|[ \t]*[(,][ \t]*([RDI])[-\u2013][ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)[ \t]*[),]")
# "Karl Brand, a real estate developer," / "Lena Marsh, a Republican,": a role set off after the name
_ROLE_AFTER = re.compile(r",[ \t]+(?:the|a|an)[ \t]+((?:[\w'\u2019-]+[ \t]+){0,4}?[\w'\u2019-]+)"
                         r"(?=[ \t]*[,.;]|[ \t]+(?:of|for|at|from|in|who)\b)")

_ROLES: "weakref.WeakKeyDictionary[People, dict[str, set[str]]]" = weakref.WeakKeyDictionary()


def _words(s: str) -> set[str]:
    return {_ABBR.get(w, w) for w in (t.lower().strip(".,()") for t in s.split()) if w}


def role_words(people: People) -> dict[str, set[str]]:
    """Each person → the words the article has described them with: their title, the rest of
    a title run cut at "of", the state after the name ("of Ohio", "(D-Ohio)": the party too),
    a role set off after the name."""
    found = _ROLES.get(people)
    if found is not None:
        return found
    text = people.text
    found = {full: _words(title) for full, title in people.titles.items()}
    for full, positions in people.entity_mentions().items():
        for p in positions:
            name = text[p:p + len(full)] if text.startswith(full, p) else full.split()[-1]
            if not text.startswith(name, p):
                continue
            words = found.setdefault(full, set())
            title = people.titles.get(full, "")
            if title:
                before = _TITLE_OF_BEFORE.search(text, max(0, p - len(title) - 60), max(0, p - len(title) - 1))
                if before is not None and text[before.end():p].strip() == title.strip():
                    words |= _words(before.group(1))  # "Former Secretary of" State Ruth Amadi
            end = p + len(name)
            m = _PLACE_AFTER.match(text, end, end + 40)
            if m is not None:
                if m.group(1):
                    words |= _words(m.group(1))
                else:
                    words.add(_PARTIES[m.group(2).lower()])
                    words |= _words(m.group(3))
            r = _ROLE_AFTER.match(text, end, end + 80)
            if r is not None and r.group(1).split()[-1].lower() in PERSON_HEADS | {"democrat", "republican"}:
                words |= _words(r.group(1))
        if not found.get(full):
            found.pop(full, None)
    _ROLES[people] = found
    return found


def nominal(people: People, sp: Speaker) -> str | None:
    """“the president” → the person introduced with that title, when every word fits the
    words the article described them with."""
    words = [w.lower().strip(".,") for w in sp.name.split()]
    words = [w for w in words if w and w not in _DESC_SKIP]
    if not words or len(words) > 4:
        return None
    best, best_pos = None, -2
    for full, tw in role_words(people).items():
        if all(w in tw for w in words):
            seen = people.last_seen(full, sp.start)  # the most recent person with that title
            if seen > best_pos and seen >= 0:  # (not one the article introduces only later)
                best, best_pos = full, seen
    return best


# "Lena Marsh, the guild's strategist, who added …", "Karl Brand, now the council leader, who":
# the comma (and a "now") between a name and the descriptor set off after it
_APPOSED_BEFORE = re.compile(r",[ \t]+(?:(?:now|then|also|himself|herself)[ \t]+)?$")
_CLOSING_COMMA = re.compile(r"[ \t]*,")
_NAME_GAP = re.compile(r"[^,;:.!?\n\u201c\u201d\"()]{1,60}")


def apposed_name(people: People, sp: Speaker) -> str | None:
    """The person a descriptor is set off after: "…,” said Lena Marsh, the guild's chief
    strategist, who added that …": the descriptor is an apposition naming Lena Marsh."""
    text = people.text
    m = _APPOSED_BEFORE.search(text, max(0, sp.start - 16), sp.start)
    if m is None or not _CLOSING_COMMA.match(text, sp.end):
        # (the apposition is closed by a comma: not "As Voss attacked Lang, the crowd chanted")
        return None
    comma = m.start()
    k = bisect.bisect_left(people._mention_pos, comma) - 1
    if k < 0:
        return None
    p, name = people.mentions[k]
    if comma - p > 60 or not text.startswith(name.split()[-1], comma - len(name.split()[-1])) \
            or not _NAME_GAP.fullmatch(text, p, comma):
        return None  # the name must end right at the comma: "Marsh, the …"
    full = people.full_name(name, p + 1)[0] if " " not in name else name
    if not (people.is_person(full) or people.gender_of(full) or len(full.split()) >= 2):
        return None
    return full


