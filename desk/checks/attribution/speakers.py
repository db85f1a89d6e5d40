"""Speaker phrases before a cue: names, titles, pronouns, descriptors, read backwards from
where the phrase ends (following.py reads a phrase forwards from where it starts)."""

from __future__ import annotations

from desk.checks.attribution.cues import CUE_FORMS
from desk.checks.attribution.lexicon import (
    ANON_HEADS,
    ANONYMITY_RE,
    CAP_STOP,
    DETERMINERS,
    HEAD_NOUNS,
    INTRO_WORDS,
    ORG_HEADS,
    ORG_LINKS,
    ORG_WORDS,
    PARTICLES,
    PREPS,
    PRONOUNS,
    STOP_BACK,
    SUFFIXES,
    TITLE_WORDS,
    TO_HEADS,
    TRAILING_SKIP,
    TRULY_ANON,
)
from desk.checks.attribution.nameruns import (
    _coordinated,
    _coordinated_det,
    _name_from_run,
    _numbered_text,
    kind_of_place,
)
from desk.checks.attribution.phrase import (
    Speaker,
    _is_cap,
    _is_initials,
    _is_name_tok,
    _norm,
    _possessive,
    _strip_paren,
)

# nouns that look like -ly adverbs: "the family said"
_LY_NOUNS = {"family", "families", "ally", "assembly", "rally", "supply", "reply", "monopoly", "anomaly",
             "bully", "folly", "italy",
             # papers named for how often they appear: "the influential Westby daily said"
             "daily", "weekly", "monthly", "quarterly", "biweekly", "fortnightly"}


# words opening a chunk after a descriptor that do not name the descriptor
_NOT_APPOSITIVE = {"who", "whom", "whose", "which", "that", "including", "such", "like", "among", "especially",
                   "notably", "even", "except", "unlike", "besides"}


def _past_adjectives(toks: list, pi: int) -> int:
    """Before a name, one or two lower-case adjectives after "the" and a preposition ("a
    spokesman for the embattled Dover Mutual"): the index of "the", else pi."""
    k = pi
    while k >= 0 and pi - k < 2 and toks[k][0].islower() and toks[k][0].replace("-", "").isalpha() \
            and _norm(toks[k][0]) not in STOP_BACK and _norm(toks[k][0]) not in DETERMINERS:
        k -= 1
    if k < pi and k >= 1 and _norm(toks[k][0]) == "the" and _norm(toks[k - 1][0]) in PREPS:
        return k
    return pi


def _np_from_end(text: str, toks: list, allow_descriptor: bool = True, depth: int = 0) -> Speaker | None:
    anon = False
    # trailing adverbs, auxiliaries, parentheticals, appositives
    for _ in range(6):
        while toks and ((_norm(toks[-1][0]) in TRAILING_SKIP and not toks[-1][0][:1].isupper()) or (toks[-1][0].endswith("ly") and toks[-1][0].islower() and toks[-1][0] not in _LY_NOUNS
                                                                  and len(toks[-1][0]) > 4)):
            toks = toks[:-1]
        if toks and toks[-1][0] == ")":
            toks = _strip_paren(toks)
            continue
        if toks and toks[-1][0] == ",":
            return _np_before_comma(text, toks, allow_descriptor, depth)
        break
    if not toks:
        return None
    numbered = _numbered_text(text, toks)
    if numbered is not None:
        return numbered
    last = toks[-1][0]
    if last in (",", ";", ":", "\u201c", "\u201d", '"', "(", ")", "\u2014", "\u2013"):
        return None
    low = _norm(last)
    if low in PRONOUNS and low != "we" and (low != "i" or last == "I"):
        return Speaker(last, "pronoun", toks[-1][1], toks[-1][2])
    base, apo, rest = low.partition("'")
    if apo and rest in ("s", "re", "d", "ll", "ve") and base in PRONOUNS and base not in ("it", "i", "we"):
        # "He’s claiming that …": the pronoun with a contracted auxiliary
        return Speaker(last[:len(base)], "pronoun", toks[-1][1], toks[-1][1] + len(base))
    if _possessive(last) and last[:1].isupper():
        # "Ana Ruiz’s claim that …": a noun cue; the possessor is the speaker
        cut = 2 if last.endswith(("\u2019s", "'s")) else 1
        stem = (last[:-cut], toks[-1][1], toks[-1][2] - cut)
        if _is_name_tok(stem[0]) and _norm(stem[0]) not in TITLE_WORDS:
            toks = toks[:-1] + [stem]
    # name run
    i = len(toks)
    while i > 0 and _is_name_tok(toks[i - 1][0]):
        w = toks[i - 1][0]
        if i < len(toks) and w.endswith(".") and not _is_initials(w) and _norm(w) not in TITLE_WORDS:
            break
        i -= 1
    run = toks[i:]
    if run and _norm(run[-1][0]) not in PARTICLES:
        sp = _name_from_run(text, toks, i, run)
        if sp is not None:
            rel = _reduced_relative(text, toks, i, allow_descriptor, depth)
            if rel is not None:
                return rel
            backer = _relation_descriptor(text, toks, i, sp, allow_descriptor, depth)
            if backer is not None:
                return backer
            # post-modifier: "Officials at Homeland Security", "Charles Rangel of New York"
            if i >= 2 and _norm(toks[i - 1][0]) in ORG_LINKS and toks[i - 2][0][:1].isupper() \
                    and _norm(toks[i - 2][0]) in ORG_HEADS:
                # "the Center for American Progress": one body's name, through "for"
                k = i - 2
                while k > 0 and _is_name_tok(toks[k - 1][0]) and i - k < 5:
                    k -= 1
                sp = Speaker(text[toks[k][1]:sp.end], "organisation", toks[k][1], sp.end)
                i = k
            pi = _past_adjectives(toks, i - 1)
            if pi >= 1 and _norm(toks[pi][0]) == "the":
                pi -= 1
            to_phrase = pi >= 2 and _norm(toks[pi][0]) == "to" and _norm(toks[pi - 1][0]) in TO_HEADS
            if pi >= 1 and (_norm(toks[pi][0]) in PREPS or to_phrase) and depth < 3:
                head = _np_from_end(text, toks[:pi], allow_descriptor, depth + 1)
                if head is not None and head.kind != "pronoun":
                    if head.kind == "person":
                        return head
                    hw = _norm(head.name.split()[-1]) if head.name.split() else ""
                    if _norm(toks[pi][0]) == "in" and head.kind == "anonymous" and _norm(head.name.split()[0]) \
                            in DETERMINERS and kind_of_place(sp):
                        # "a hotel project in Westby promises …": the place is inside the phrase;
                        # the project speaks, not Westby
                        head.end = sp.end
                        head.name = text[head.start:sp.end]
                        return head
                    if hw not in HEAD_NOUNS and not (hw.endswith("s") and hw[:-1] in HEAD_NOUNS):
                        sp.anonymous_flag = sp.anonymous_flag or anon
                        return sp
                    head.end = sp.end
                    head.name = text[head.start:sp.end]
                    return head
            sp.anonymous_flag = sp.anonymous_flag or anon
            return _coordinated(text, toks, i, sp) or sp
    if not allow_descriptor:
        return None
    # descriptor noun phrase back to a determiner
    j = len(toks) - 1
    k = j
    found_det = False
    while k >= 0 and j - k < 9:
        w = toks[k][0]
        lw = w.lower()
        if w in (",", ";", ":", "\u201c", "\u201d", '"', "(", ")", "\u2014", "\u2013"):
            k += 1
            break
        if lw in DETERMINERS:
            found_det = True
            break
        if k != j and _possessive(w) and w[:1].isupper() and _norm(w[:-2]) not in CAP_STOP:
            found_det = True
            while k > 0 and _is_name_tok(toks[k - 1][0]) and _norm(toks[k - 1][0]) not in TITLE_WORDS:
                k -= 1
            break
        if lw in STOP_BACK and k != j:
            if lw in PREPS and k > 0:
                k -= 1
                continue
            if lw == "and" and not found_det:
                # "the former governor and current nominee": a coordinated role, one person
                d = _coordinated_det(toks, k)
                if d is not None:
                    k = d
                    found_det = True
                    break
            k += 1
            break
        if lw in STOP_BACK:
            return None
        k -= 1
    k = max(k, 0)
    if k > j:
        return None
    head_idx = j
    if k >= 1 and _norm(toks[k - 1][0]) in ("the", "a", "an") and _possessive(toks[k][0]):
        k -= 1
    # "Proponents of the new bill", "a spokesman for the ministry", "a narrator in the ad"
    if k >= 2 and _norm(toks[k - 1][0]) in ("of", "for", "at", "from", "with", "in", "inside", "within") \
            and toks[k - 2][0] not in (",", ";", ":", "\u201c", "\u201d", '"', "(", ")") \
            and _norm(toks[k - 2][0]) not in STOP_BACK and _norm(toks[k - 2][0]) not in DETERMINERS \
            and _norm(toks[k - 2][0]) not in PRONOUNS:
        head_idx = k - 2
        k2 = k - 2
        while k2 > 0 and k - k2 < 6:
            w = toks[k2 - 1][0]
            lw = w.lower()
            if w in (",", ";", ":", "\u201c", "\u201d", '"', "(", ")") or lw in STOP_BACK:
                break
            k2 -= 1
            if lw in DETERMINERS:
                found_det = True
                break
        k = k2
    phrase = toks[k:j + 1]
    while phrase and phrase[0][0].lower() in PREPS:
        phrase = phrase[1:]
    if not phrase:
        return None
    head = _norm(toks[head_idx][0])
    if not found_det and head not in ANON_HEADS and not head.endswith("s"):
        return None
    if head in DETERMINERS or head in STOP_BACK or head in PRONOUNS:
        return None
    rel = _reduced_relative(text, toks, toks.index(phrase[0]), allow_descriptor, depth)
    if rel is not None:
        return rel
    name = text[phrase[0][1]:phrase[-1][2]]
    kind = "organisation" if head in ORG_WORDS else "anonymous"
    first = phrase[0][0].lower()
    definite = first in ("the", "his", "her", "their", "its")
    anon_flag = anon or (kind == "anonymous" and (first in ("a", "an", "two", "three", "several", "some", "one",
                                                            "another", "many", "four", "five", "dozens")
                                                  or (head in ANON_HEADS and not definite)
                                                  or head in TRULY_ANON))
    return Speaker(name, kind, phrase[0][1], phrase[-1][2], anonymous_flag=anon_flag,
                   definite=first in ("the", "his", "her", "their", "its"))


_LOCATIVE = {"through", "near", "outside", "inside", "in", "at", "across", "along", "around", "on", "into",
             "from", "past", "toward", "towards", "down", "up"}


# participles that tie a descriptor to the person it serves or fights: "lawyers representing Voss"
RELATION_ING = {"representing", "backing", "supporting", "opposing", "advising", "defending", "endorsing",
                "funding", "challenging"}


def _relation_descriptor(text: str, toks: list, i: int, sp: Speaker, allow_descriptor: bool,
                         depth: int) -> Speaker | None:
    """"A group supporting Ana Ruiz called …", "lawyers representing Ruiz said": the name is the
    participle's object; the descriptor before the participle speaks, the name in its phrase."""
    if i < 2 or depth >= 3 or not allow_descriptor or _norm(toks[i - 1][0]) not in RELATION_ING:
        return None
    prev = _norm(toks[i - 2][0])
    if prev.endswith("s") and (prev[:-1] in HEAD_NOUNS or prev[:-1] in ANON_HEADS) \
            and (i == 2 or not toks[i - 3][0][:1].isalnum()):
        # "Lawyers representing Ruiz said": a bare plural opening the clause
        return Speaker(text[toks[i - 2][1]:sp.end], "anonymous", toks[i - 2][1], sp.end, anonymous_flag=True)
    head = _np_from_end(text, toks[:i - 1], allow_descriptor, depth + 1)
    if head is not None and head.kind == "person" and head.start == toks[i - 2][1]:
        # "A super PAC backing Ruiz": a capitalised noun after "a" (and an adjective) is no name
        j = i - 3
        while j >= 0 and i - 3 - j < 2 and toks[j][0].isalpha() and toks[j][0].islower() \
                and _norm(toks[j][0]) not in ("a", "an", "another", "one"):
            j -= 1
        if j >= 0 and _norm(toks[j][0]) in ("a", "an", "another", "one"):
            head = Speaker(text[toks[j][1]:head.end], "organisation", toks[j][1], head.end)
    if head is None or head.kind not in ("anonymous", "organisation") or head.end != toks[i - 2][2]:
        return None
    return Speaker(text[head.start:sp.end], head.kind, head.start, sp.end, anonymous_flag=head.anonymous_flag,
                   definite=head.definite)


def _reduced_relative(text: str, toks: list, start: int, allow_descriptor: bool, depth: int) -> Speaker | None:
    """“Farmers driving tractors into the square chanted …”: the noun phrase ending at start
    is the object of a participle's preposition; the speaker is the noun before the participle."""
    k = start
    if k >= 1 and _norm(toks[k - 1][0]) in ("the", "a", "an"):
        k -= 1
    if k < 3 or depth >= 3 or _norm(toks[k - 1][0]) not in _LOCATIVE:
        return None
    ing = toks[k - 2][0]
    if not (ing.islower() and ing.endswith("ing") and len(ing) > 5) or ing in CUE_FORMS:
        return None
    head = _np_from_end(text, toks[:k - 2], allow_descriptor, depth + 1)
    if head is None or head.kind == "pronoun":
        return None
    return head


def _np_before_comma(text: str, toks: list, allow_descriptor: bool, depth: int) -> Speaker | None:
    """Subject with an interrupter: “X, a hydrologist at the river authority, said” → X."""
    if depth >= 3:
        return None
    k = len(toks) - 1
    level = 0
    while k > 0:
        w = toks[k - 1][0]
        if w == ")":
            level += 1
        elif w == "(":
            if level == 0:
                break
            level -= 1
        elif w in (";", ":", "\u201c", "\u201d", '"', "\u2014", "\u2013"):
            break
        elif level == 0 and w.endswith((".", "!", "?")) and not _is_initials(w) and _norm(w) not in TITLE_WORDS \
                and _norm(w) not in SUFFIXES and len(w) > 3 and toks[k][0][:1].isupper():
            break  # the previous sentence
        k -= 1
    body = toks[k:-1]
    anon = bool(body) and bool(ANONYMITY_RE.search(text, body[0][1], body[-1][2]))
    chunks: list[list] = [[]]
    depth_paren = 0
    for t in body:
        if t[0] == "(":
            depth_paren += 1
        elif t[0] == ")":
            depth_paren = max(0, depth_paren - 1)
        if t[0] == "," and depth_paren == 0:
            chunks.append([])
        else:
            chunks[-1].append(t)
    for idx, ch in enumerate(chunks):
        while ch and _norm(ch[0][0]) in ("but", "and", "yet", "so", "still", "meanwhile"):
            ch = ch[1:]
        if len(ch) > 1 and _norm(ch[0][0]) == "as" and _is_name_tok(ch[1][0]):
            ch = ch[1:]  # "As Lena Voss, the deputy leader, put it"
        if not ch or _norm(ch[0][0]) in INTRO_WORDS:
            continue
        if len(ch) > 1 and _norm(ch[0][0]) in ("early", "late") and _norm(ch[1][0]) in ("in", "on", "last", "this"):
            continue  # "Early in the campaign, …": an opening phrase (Early is a surname too)
        if idx > 0 and len(ch) == 1 and len(chunks[idx - 1]) >= 2 and _norm(chunks[idx - 1][-2][0]) in _LOCATIVE \
                and all(_is_cap(t[0]) for t in ch):
            continue  # "in Ardena, Westshire, …": the region of a place, not a subject
        sp = _np_from_end(text, ch, allow_descriptor, depth + 1)
        if sp is None:
            continue
        lead = [t for t in ch if t[2] <= sp.start]
        if len(lead) > 6 and not (lead and _norm(lead[-1][0]) in STOP_BACK):
            continue
        after_prep = bool(lead) and _norm(lead[-1][0]) in PREPS  # "the harbour master of Westby, Lena Voss,"
        region = idx + 1 < len(chunks) and len(chunks[idx + 1]) == 1 and len(ch) >= 2 \
            and _norm(ch[-2][0]) in _LOCATIVE and _is_cap(chunks[idx + 1][0][0])
        if (sp.kind != "person" or after_prep) and idx + 1 < len(chunks) and chunks[idx + 1] and not region:
            # (not "a woman in Westby, Westshire,": the region of a place)
            nxt = chunks[idx + 1]
            alt = _np_from_end(text, nxt, allow_descriptor, depth + 1)
            # (not a relative clause's object, "The delegate, who backs Ruiz, warned", nor one
            # of a group, "Lang's critics, including Ruiz, say")
            if alt is not None and alt.kind == "person" and alt.start <= nxt[min(2, len(nxt) - 1)][1] \
                    and _norm(nxt[0][0]) not in _NOT_APPOSITIVE:
                if len(lead) >= 2 and _norm(lead[-1][0]) == "and":
                    # "Ana Ruiz and her husband, Omar Beck, said": two speak; the first named leads
                    first = _np_from_end(text, lead[:-1], False, depth + 1)
                    if first is not None and first.kind == "person":
                        return first
                alt.title = alt.title or sp.name
                return alt
        if region and sp.kind != "person":  # the descriptor keeps its place's region
            sp.end = chunks[idx + 1][0][2]
            sp.name = text[sp.start:sp.end]
        sp.anonymous_flag = sp.anonymous_flag or anon
        return _apposed_pair(text, chunks, idx, sp) or sp
    return None


def _apposed_pair(text: str, chunks: list[list], idx: int, sp: Speaker) -> Speaker | None:
    """"Lena Voss, a Democrat, and Omar Beck, a Republican, agreed": two people, each with an
    appositive, speak together (as "Ana Ruiz and Peter Lang said" does)."""
    if sp.kind != "person" or idx + 2 >= len(chunks) or sp.start != chunks[idx][0][1]:
        return None
    role, other = chunks[idx + 1], chunks[idx + 2]
    if not role or _norm(role[0][0]) not in ("a", "an", "the") or len(role) > 8:
        return None
    if len(other) < 2 or _norm(other[0][0]) != "and" or not all(_is_name_tok(t[0]) for t in other[1:]):
        return None
    second = _name_from_run(text, other, 1, other[1:])
    if second is None or second.kind != "person":
        return None
    return Speaker(f"{sp.name} and {second.name}", "person", sp.start, second.end)
