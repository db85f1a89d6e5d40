"""A run of name tokens read as a speaker: titles and role words before the name, bodies,
two coordinated names ("Ana Ruiz and Peter Lang said"), numbered texts (Article 33)."""

from __future__ import annotations

from desk.checks.attribution.lexicon import (
    ANON_HEADS,
    CAP_STOP,
    DETERMINERS,
    HONORIFICS,
    NUMBERED_HEADS,
    ORG_WORDS,
    PARTICLES,
    PREPS,
    STOP_BACK,
    SUFFIXES,
    SURNAME_TITLES,
    TITLE_WORDS,
)
from desk.checks.attribution.phrase import Speaker, _is_name_tok, _norm, _possessive


def _numbered_text(text: str, toks: list) -> Speaker | None:
    """Article 33, Section 4, Isaiah 45:1 (a book, its chapter and verse) as a speaker."""
    n = len(toks)
    if n >= 4 and toks[-1][0].isdigit() and toks[-2][0] == ":" and toks[-3][0].isdigit() \
            and toks[-4][0][:1].isupper() and toks[-4][0].isalpha() and _norm(toks[-4][0]) not in CAP_STOP:
        k = n - 4  # Isaiah 45:1
    elif n >= 2 and toks[-1][0].isdigit() and _norm(toks[-2][0]) in NUMBERED_HEADS and toks[-2][0][:1].isupper():
        k = n - 2  # Article 33
    else:
        return None
    return Speaker(text[toks[k][1]:toks[-1][2]], "organisation", toks[k][1], toks[-1][2])


def kind_of_place(sp: Speaker) -> bool:
    """A one- or two-word capitalised name with no title: after "in" it names a place."""
    return sp.kind in ("person", "organisation") and not sp.title and len(sp.name.split()) <= 2


def _coordinated_det(toks: list, k: int) -> int | None:
    """Index of the determiner opening the role before "and" at k ("the former governor and")."""
    m = k - 1
    while m >= 0 and k - m <= 7:
        w = toks[m][0]
        lw = w.lower()
        if lw in ("the", "his", "her", "their", "a", "an"):
            return m if m < k - 1 else None
        if not w[:1].isalnum() or (lw in STOP_BACK and lw not in PREPS) or _possessive(w):
            return None
        m -= 1
    return None


def _coordinated(text: str, toks: list, i: int, sp: Speaker) -> Speaker | None:
    """"Ana Ruiz and Peter Lang said": two named people speak together; the pair is the
    speaker (neither name is taken alone)."""
    if sp.kind != "person" or i < 2 or _norm(toks[i - 1][0]) != "and":
        return None
    k = i - 1
    while k > 0 and _is_name_tok(toks[k - 1][0]) and i - 1 - k < 5:
        k -= 1
    run = toks[k:i - 1]
    if not run or k > 0 and (_norm(toks[k - 1][0]) in PREPS or _norm(toks[k - 1][0]) in ("between", "and")
                             or _possessive(toks[k - 1][0])):
        return None  # "talks between Ruiz and Lang", "Secretary of Health and Human Services"
    first = _name_from_run(text, toks, k, run)
    if first is None or first.kind != "person":
        return None
    return Speaker(text[first.start:sp.end], "person", first.start, sp.end, title=first.title)


# a member of a party, capitalised: the head of "the Ohio Democrat"
PARTY_MEMBERS = {"democrat", "republican"}


def _name_from_run(text: str, toks: list, i: int, run: list) -> Speaker | None:
    # strip leading determiners and titles; the title keeps them (with lowercase role words before)
    k = 0
    while k < len(run) - 1 and (_norm(run[k][0]) in TITLE_WORDS or _norm(run[k][0]) in ("the", "a", "an")
                                or _norm(run[k][0]) in PARTICLES and k == 0 and run[k][0][:1].islower()):
        k += 1
    name_toks = run[k:]
    if not name_toks:
        return None
    if len(run) == 1 and _norm(run[0][0]) in ANON_HEADS:
        w = run[0]
        return Speaker(w[0], "anonymous", w[1], w[2], anonymous_flag=True)
    # a name of at most four tokens (plus initials and particles)
    norms = [_norm(t[0]) for t in name_toks]
    core = [w for w in norms if not (len(w) == 1 or w in PARTICLES or w in SUFFIXES)]
    while len(core) > 3 and len(name_toks) > 1:
        if not (len(norms[0]) == 1 or norms[0] in PARTICLES or norms[0] in SUFFIXES):
            core = core[1:]
        name_toks, norms = name_toks[1:], norms[1:]
    # "Australian Prime Minister Malcolm Turnbull": the name follows the last title word
    for n in range(len(norms) - 2, -1, -1):
        if norms[n] in TITLE_WORDS and norms[n] != "the":
            if any(w not in SUFFIXES and len(w) > 1 for w in norms[n + 1:]):
                name_toks = name_toks[n + 1:]  # not "Martin Luther King Jr."
            break
    title_toks = run[:len(run) - len(name_toks)]
    # lowercase role words right before the run: "Foreign Ministry spokesman", "retired general"
    j = i
    while j > 0 and i - j < 5:
        w = toks[j - 1][0]
        lw = w.lower()
        if w in (",", ";", ":", "(", ")", "\u201c", "\u201d", '"') or lw in STOP_BACK or lw in DETERMINERS:
            break
        j -= 1
    pre = toks[j:i]
    title = " ".join(t[0] for t in pre + title_toks) or None
    name = text[name_toks[0][1]:name_toks[-1][2]]
    words = [_norm(t[0]) for t in name_toks]
    honorific = any(_norm(t[0]) in HONORIFICS for t in title_toks)
    if not honorific and all(w in TITLE_WORDS or w in ("the",) for w in words):
        # "the President", "the Ministry": a descriptor, not a name; but a lone capitalised
        # title that is also a surname, with no article before it, names someone ("King says")
        if not (len(run) == 1 and words[0] in SURNAME_TITLES and name_toks[0][0][:1].isupper()
                and (i == 0 or _norm(toks[i - 1][0]) not in DETERMINERS and not _possessive(toks[i - 1][0]))):
            return None
    kind = "person"
    the_before = i > 0 and toks[i - 1][0] == "the"
    if (title_toks and _norm(title_toks[0][0]) == "the" or the_before) and words[-1] in PARTY_MEMBERS \
            and len(run) <= 4:
        # "the Ohio Democrat", "The Texas Republican": a politician by party and state, a
        # description of a person (not a body's name like "the Evening Courier")
        start = toks[i - 1][1] if the_before else run[0][1]
        return Speaker(text[start:name_toks[-1][2]], "anonymous", start, name_toks[-1][2], definite=True)
    if any(w in ORG_WORDS for w in words) or (title_toks and _norm(title_toks[0][0]) == "the"):
        kind = "organisation"
    if kind == "organisation":
        start = run[0][1] if _norm(run[0][0]) != "the" else run[0][1]
        return Speaker(text[start:name_toks[-1][2]], "organisation", start, name_toks[-1][2], title=None)
    if len(words) == 1 and words[0] in ("god",):
        return None
    return Speaker(name, "person", name_toks[0][1], name_toks[-1][2], title=title)
