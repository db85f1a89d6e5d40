"""The speaker phrase that starts at a position: the name, title or descriptor after an
inverted cue (“…,” said Ana Ruiz, a hydrologist) or opening a clause. speakers.py reads a
phrase backwards from its end; this module reads forwards and hands the tokens it keeps to
the same reader."""

from __future__ import annotations

import re
from functools import lru_cache

from desk.checks.attribution.cues import CUE_FORMS
from desk.checks.attribution.lexicon import (
    AMBIGUOUS_FORMS,
    ANON_HEADS,
    DETERMINERS,
    FWD_STOP,
    GROUP_HEADS,
    HEAD_NOUNS,
    ORG_HEADS,
    ORG_LINKS,
    PARTICLES,
    PRONOUNS,
    STOP_BACK,
    TITLE_WORDS,
    TO_HEADS,
    TRAILING_SKIP,
)
from desk.checks.attribution.phrase import Speaker, _is_initials, _is_name_tok, _norm, _possessive, tokens
from desk.checks.attribution.speakers import RELATION_ING, _np_from_end

# what follows a verb, never a noun of the phrase: "attacks the", "urges them"
_OBJECT_WORDS = {"the", "a", "an", "his", "her", "their", "its", "him", "them", "us", "me", "our", "my", "no"}
# what follows a phrasal verb ("sounded off", "lashed out"), never the next word of a noun phrase
_PARTICLE_AFTER_VERB = {"off", "out", "up", "down", "back", "away", "on", "at", "against", "to", "that", "the", "a",
                        "an", "his", "her", "their", "its", "him", "them"}
# auxiliaries and modals: a verb phrase starts, the noun phrase before them has ended
# ("The Ohio Democrat did give Voss some credit": not a title "Ohio Democrat did give")
_AUXILIARIES = {"did", "does", "do", "has", "had", "have", "will", "would", "can", "could", "may", "might", "must",
                "should", "shall"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


# participles that date a document: "a poll released Monday", "the order issued last week"
PARTICIPLES = {"released", "published", "issued", "filed", "obtained", "unveiled", "posted", "aired", "conducted",
               "sent", "signed", "made", "given", "delivered", "announced"}
_TIME_WORDS = _WEEKDAYS | {"yesterday", "today", "tonight"}
_TIME_UNITS = {"week", "month", "year", "weekend", "night", "morning", "spring", "summer", "fall", "autumn", "winter"}


# past tenses without -ed between two names are verbs, not a role ("Ruiz met Beck"; but
# "Ruiz aide Beck", "Westby harbour master Beck")
_IRREGULAR_PASTS = {"met", "saw", "took", "left", "won", "lost", "beat", "hit", "led", "ran", "sent", "brought",
                    "gave", "made", "knew", "thought", "held", "kept", "paid", "put", "set", "fought",
                    "caught", "taught", "bought", "sought", "became", "came", "got", "heard", "let", "meant",
                    "built", "beats", "meets", "sees", "takes", "leads", "hits"}
# a party's members, capitalised but no names: "a Republican close to the governor"
_PARTY_MEMBERS = {"democrat", "democrats", "republican", "republicans", "tory", "tories", "libertarian",
                  "libertarians", "conservative", "conservatives", "socialist", "socialists"}
_POSTMOD = {"familiar", "close", "briefed", "knowledgeable", "privy", "involved"}


def _postmodifier(toks: list, k: int) -> int:
    """How many tokens from k make an adjective phrase after a noun ("familiar with the talks"), or 0."""
    if k + 2 >= len(toks) or _norm(toks[k][0]) not in _POSTMOD or _norm(toks[k + 1][0]) not in ("with", "to", "on", "about"):
        return 0
    n = k + 2
    while n < len(toks) and n - k < 9 and toks[n][0][:1].isalnum() and _norm(toks[n][0]) not in _STOP_AFTER_PP \
            and not toks[n][0].endswith((".", "!", "?")):
        n += 1
    if n < len(toks) and n - k < 9 and toks[n][0].endswith((".", "!", "?")) and toks[n][0][:1].isalnum():
        n += 1  # the phrase ends the sentence (the caller strips the stop)
    return n - k if n > k + 2 else 0


_STOP_AFTER_PP = {"who", "which", "that", "said", "says", "told", "and", "but", "when", "while", "as"}


def participle_time(toks: list, k: int) -> int:
    """How many tokens from k make a participle and its date ("released last week"), or 0."""
    if k >= len(toks) or _norm(toks[k][0]) not in PARTICIPLES:
        return 0
    words = [_norm(t[0]) for t in toks[k + 1:k + 4]]
    if words[:1] and words[0] in _TIME_WORDS:
        return 2
    if words[:1] == ["on"] and words[1:2] and words[1] in _WEEKDAYS:
        return 3
    if words[:1] and words[0] in ("last", "this", "earlier", "late") and words[1:2] and words[1] in _TIME_UNITS:
        return 3
    if words[:2] in (["earlier", "this"], ["late", "last"]) and words[2:3] and words[2] in _TIME_UNITS:
        return 4
    return 0


def _plural_head(lw: str) -> bool:
    """A plural noun that heads a group: "groups", "protesters", "officials"."""
    return lw.endswith("s") and lw not in AMBIGUOUS_FORMS and lw not in CUE_FORMS \
        and (lw in ANON_HEADS or lw in GROUP_HEADS or lw[:-1] in HEAD_NOUNS)


def _speaker_after(text: str, p: int, limit: int) -> Speaker | None:
    toks = tokens(text, p, min(limit, p + 250))
    if toks:
        w0 = toks[0][0]
        l0 = _norm(w0)
        if not w0[:1].isupper() and not (l0 in DETERMINERS or l0 in PRONOUNS or l0 in TITLE_WORDS
                                         or l0 in ANON_HEADS or l0 in PARTICLES or w0[:1].isdigit()):
            # "late-night radio host Piet Maas": lowercase words leading to a name
            ok = False
            for t in toks[1:6]:
                lw = _norm(t[0])
                if lw in STOP_BACK or lw in FWD_STOP or lw in CUE_FORMS or not t[0][:1].isalnum():
                    break
                if _is_name_tok(t[0]):
                    ok = True
                    break
            if not ok:
                return None
    if len(toks) >= 2 and toks[0][0][:1].isupper() and toks[1][0].isalpha() and toks[1][0].islower() \
            and _plural_head(_norm(toks[1][0])) and _norm(toks[0][0]) not in DETERMINERS:
        # "Small groups of protesters chanted": a capitalised adjective opening the sentence
        out = toks[:2]
        if len(toks) > 3 and _norm(toks[2][0]) == "of" and toks[3][0].isalpha() and toks[3][0].islower():
            out = toks[:4]
        sp = _np_from_end(text, out)
        if sp is not None:
            return sp
    out = []
    seen_name = False
    # "Ana Ruiz's campaign manager": a full name's possessive opens the descriptor like one word's
    own = _name_possessive(toks) if toks and _norm(toks[0][0]) not in DETERMINERS else 0
    if toks and ((_norm(toks[0][0]) in DETERMINERS and _norm(toks[0][0]) not in ("that", "this", "no", "all"))
                 or (_possessive(toks[own][0]) and toks[own][0][:1].isupper() and len(toks) > own + 1
                     and (not _is_name_tok(toks[own + 1][0]) or _named_modifier(toks[own:])))):
        # descriptor: "a retired harbour police officer who …", "The Evening Courier reports"
        out.extend(toks[:own + 1])
        prev_cap = False
        for n, t in enumerate(toks[own + 1:12], own + 1):
            w = t[0]
            lw = _norm(w)
            if n == 1 and lw in _WEEKDAYS:
                out.append(t)  # "a Wednesday editorial"
                continue
            if prev_cap and _org_name_goes_on(toks, n):
                out.append(t)  # "the Bureau of Labor Statistics"
                prev_cap = False
                continue
            if not w[:1].isalnum() or lw in FWD_STOP and lw not in ("of", "for", "at", "from", "in", "inside", "within") \
                    and not (lw == "to" and _norm(out[-1][0]) in TO_HEADS) or lw in CUE_FORMS:
                break
            if w.endswith((".", "!", "?")) and not _is_initials(w) and lw not in TITLE_WORDS:
                out.append((w.rstrip(".!?"), t[1], t[2] - (len(w) - len(w.rstrip(".!?")))))
                break
            nxt = _norm(toks[n + 1][0]) if n + 1 < len(toks) else ""
            nxt_word = toks[n + 1][0] if n + 1 < len(toks) else ""
            if n >= 2 and w.islower() and lw.endswith("s") and not lw.endswith(("ss", "'s")) \
                    and (nxt in _OBJECT_WORDS or _is_name_tok(nxt_word) and _norm(nxt_word) not in TITLE_WORDS
                         and out[-1][0].islower()) and out[-1][0].isalpha():
                break  # "An advert from the guild attacks the councillors": the verb ends the subject
            if n >= 2 and w.islower() and lw.endswith("ed") and "-" not in lw and nxt in _PARTICLE_AFTER_VERB:
                break  # "the justice sounded off on …", "the senator pushed back": a verb
            if _is_name_tok(w):
                out.append(t)
                prev_cap = True
                k = _postmodifier(toks, n + 1) if lw in _PARTY_MEMBERS else 0
                if k:  # "one Democrat familiar with the plans", "a Republican close to the governor":
                    # a descriptor, with its adjective phrase
                    last = toks[n + k]
                    end = last[2] - (len(last[0]) - len(last[0].rstrip(".!?"))) if not _is_initials(last[0]) else last[2]
                    return Speaker(text[out[0][1]:end], "anonymous", out[0][1], end)
                continue
            if lw in HEAD_NOUNS or lw.endswith("s") and lw[:-1] in HEAD_NOUNS and lw not in AMBIGUOUS_FORMS:
                # (and plurals: "the two Westby mayors"; not "reports", more often a verb)
                out.append(t)
                k = participle_time(toks, n + 1) or _postmodifier(toks, n + 1) or _relation_phrase(toks, n + 1)
                if k:  # "a poll released Monday found": the phrase keeps its participle and date
                    out.extend(toks[n + 1:n + 1 + k])  # (or its adjective: "a person familiar with …")
                    w_end = out[-1][0]
                    if w_end.endswith((".", "!", "?")) and not _is_initials(w_end):
                        cut = len(w_end) - len(w_end.rstrip(".!?"))
                        out[-1] = (w_end[:-cut], out[-1][1], out[-1][2] - cut)
                    break
                nxt_tok = toks[n + 1][0] if n + 1 < len(toks) else ""
                if nxt not in ("of", "for", "at", "from", "in", "with", "inside", "within") and nxt not in HEAD_NOUNS \
                        and not (nxt == "to" and lw in TO_HEADS) and not (
                        _is_name_tok(nxt_tok) and nxt not in TITLE_WORDS):
                    break  # not "campaign manager", "policy aide": a compound goes on
                prev_cap = False
                continue
            if prev_cap and len(out) == 2 and _norm(out[0][0]) in ("a", "an", "the"):
                # "the Westby medieval-history graduate ended": a name used as a modifier,
                # the lower-case noun after it heads the phrase
                run = []
                for n2, t2 in enumerate(toks[n:n + 3], n):
                    l2 = _norm(t2[0])
                    if not t2[0].islower() or l2 in STOP_BACK or l2 in FWD_STOP or l2 in CUE_FORMS \
                            or l2 in AMBIGUOUS_FORMS or l2 in TRAILING_SKIP or l2 in DETERMINERS \
                            or l2.endswith("ed") or l2.endswith("ly"):
                        break
                    if run and l2.endswith("s") and not l2.endswith("ss") and n2 + 1 < len(toks) \
                            and _norm(toks[n2 + 1][0]) in _OBJECT_WORDS:
                        break  # "The Japanese charter makes no mention": the verb ends the subject
                    run.append(t2)
                nxt2 = toks[n + len(run)][0] if n + len(run) < len(toks) else ""
                if run and (nxt2[:1].islower() or nxt2 in (",", ":", ";")):
                    out.extend(run)
                    break
            if prev_cap:
                ahead = toks[n:n + 4]
                m = 0
                while m < len(ahead) and ahead[m][0].islower() and _norm(ahead[m][0]) not in STOP_BACK \
                        and _norm(ahead[m][0]) not in HEAD_NOUNS and _norm(ahead[m][0]) not in _AUXILIARIES:
                    m += 1
                if not (m < len(ahead) and (_is_name_tok(ahead[m][0]) or _norm(ahead[m][0]) in HEAD_NOUNS)):
                    break
            if lw in ("of", "for", "at", "from", "in", "inside", "within") and prev_cap:
                break
            out.append(t)
            prev_cap = False
        while out and _norm(out[-1][0]) in ("of", "for", "at", "from", "in", "inside", "within", "to", "the", "a", "an"):
            out.pop()
        return _np_from_end(text, out) if out else None
    for n, t in enumerate(toks):
        w = t[0]
        lw = _norm(w)
        if w in (",", ";", ":", "(", ")", "\u201c", "\u201d", '"', "\u2014", "\u2013") or len(out) >= 10:
            break
        short_title = (w.endswith(".") and len(lw) <= 3 and w[:1].isupper() and n + 1 < len(toks)
                       and toks[n + 1][0][:1].isupper())
        if w.endswith((".", "!", "?")) and lw not in TITLE_WORDS and len(lw) > 1 and not short_title \
                and not _is_initials(w):
            bare = _norm(w.rstrip(".!?"))
            if seen_name and w[:1].islower() and bare not in HEAD_NOUNS and bare not in GROUP_HEADS \
                    and bare not in ANON_HEADS and not (bare.endswith("s") and bare[:-1] in HEAD_NOUNS):
                break  # “…,” Lang believes.: a verb ends the sentence after the name
            out.append((w.rstrip(".!?"), t[1], t[2] - (len(w) - len(w.rstrip(".!?")))))
            break
        if out and lw in FWD_STOP and not (lw in ("of", "for", "from", "at") and not seen_name) \
                and not _org_name_goes_on(toks, n):
            break
        if seen_name and not _is_name_tok(w):
            ahead = toks[n:n + 4]
            m = 0
            while m < len(ahead) and ahead[m][0].islower() and _norm(ahead[m][0]) not in FWD_STOP \
                    and _norm(ahead[m][0]) not in STOP_BACK and _norm(ahead[m][0]) not in DETERMINERS \
                    and _norm(ahead[m][0]) not in CUE_FORMS and _norm(ahead[m][0]) not in _IRREGULAR_PASTS \
                    and _norm(ahead[m][0]) not in AMBIGUOUS_FORMS and not _verb_s(_norm(ahead[m][0])) \
                    and not (ahead[m][0].endswith(("ed", "es")) and "-" not in ahead[m][0]):
                m += 1
            if not (0 < m < len(ahead) and _is_name_tok(ahead[m][0])):
                if lw in GROUP_HEADS or lw in ANON_HEADS:
                    out.append(t)  # "Ruiz supporters", "Voss aides": the noun is the head
                break
            seen_name = False
        if _is_name_tok(w) and lw not in TITLE_WORDS and not _possessive(w):
            seen_name = True
        out.append(t)
        if n == 0 and lw in PRONOUNS:
            break
    if not out:
        return None
    return _np_from_end(text, out)


def speaker_after(text: str, p: int, limit: int) -> Speaker | None:
    """The noun phrase that starts at p: “…,” said Ana Ruiz, a hydrologist …"""
    sp = _speaker_after_apposed(text, p, limit)
    return sp.clone() if sp is not None else None


@lru_cache(maxsize=8192)
def _speaker_after_apposed(text: str, p: int, limit: int) -> Speaker | None:
    sp = _speaker_after(text, p, limit)
    if sp is not None and sp.kind == "person" and sp.start > p:
        alt = _apposed_full_name(text, p, sp, limit)
        if alt is not None:
            return alt
    if sp is not None and sp.kind != "person" and sp.kind != "pronoun":
        # "the port's deputy manager, Lena Voss, said": the appositive names the speaker
        q = sp.end
        while q < limit and text[q] in " \t":
            q += 1
        if text.startswith(",", q):
            q += 1
            while q < limit and text[q] in " \t":
                q += 1
            alt = _speaker_after(text, q, limit) if q < limit and text[q].isupper() else None
            if alt is not None and alt.kind == "person" and alt.start == q:
                alt.title = alt.title or sp.name
                return alt
        m = _ROLE_TAIL.match(text, sp.end, limit)
        if m is not None and m.end() < limit and text[m.end()].isupper():
            # "Her chief policy aide, Lena Voss, calls": the descriptor was cut short before
            # "policy aide"; the name set off by commas after it is the subject
            alt = _speaker_after(text, m.end(), limit)
            if alt is not None and alt.kind == "person" and alt.start == m.end() \
                    and text.startswith(",", alt.end):
                alt.title = alt.title or text[sp.start:m.end()].rstrip(" \t,")
                return alt
    return sp


# lower-case words finishing a role before the comma of an appositive name: " policy aide, "
_ROLE_TAIL = re.compile(r"(?:[ \t]+[a-z][a-z-]*){1,3}[ \t]*,[ \t]*")


_DESCRIPTOR_WORD = re.compile(r"(?<![\w'\u2019-])(?:[a-z][\w-]*|[A-Z][\w-]*(?:'s|\u2019s))(?![\w'\u2019-])")
_APPOSED_TAIL = re.compile(r"(?:[ \t]+[a-z][a-z-]*){0,3}[ \t]*,[ \t]*")
_LIST_AFTER = re.compile(r",[ \t]*(?:and|or)\b")


def _apposed_full_name(text: str, p: int, sp: Speaker, limit: int) -> Speaker | None:
    """"Her former partner at Avalon, Peter B. Sand, called …", "the union's Ohio state
    director, Mike Rowe, wrote …": the name read at the end of a descriptor (a place, an
    employer) is not the subject when a full name set off by commas follows the descriptor."""
    if not _DESCRIPTOR_WORD.search(text, p, sp.start):
        return None
    m = _APPOSED_TAIL.match(text, sp.end, limit)
    if m is None or m.end() >= limit or not text[m.end()].isupper():
        return None
    alt = _speaker_after(text, m.end(), limit)
    if alt is None or alt.kind != "person" or alt.start != m.end() or len(alt.name.split()) < 2 \
            or not text.startswith(",", alt.end) or _LIST_AFTER.match(text, alt.end, limit):
        return None
    alt.title = alt.title or text[p:m.end()].rstrip(" \t,")
    return alt



def _verb_s(lw: str) -> bool:
    """A present-tense verb between two names ("Ruiz thinks Lang is …", "Voss wants Beck to …"),
    not a plural role ("Voss aides Ana Ruiz and …")."""
    return lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in GROUP_HEADS \
        and lw not in ANON_HEADS and lw not in HEAD_NOUNS and lw[:-1] not in HEAD_NOUNS


def _relation_phrase(toks: list, k: int) -> int:
    """How many tokens from k make a participle and the name it serves ("representing Ana
    Ruiz" after "a lawyer"), or 0."""
    if k + 1 >= len(toks) or _norm(toks[k][0]) not in RELATION_ING:
        return 0
    n = k + 1
    while n < len(toks) and n - k <= 4 and _is_name_tok(toks[n][0].rstrip(".!?") or toks[n][0]) \
            and _norm(toks[n][0]) not in CUE_FORMS:
        n += 1
        if toks[n - 1][0].endswith((".", "!", "?")) and not _is_initials(toks[n - 1][0]):
            break  # the name ends the sentence (the caller strips the stop)
    return n - k if n > k + 1 else 0


def _name_possessive(toks: list) -> int:
    """Index of a possessive ending a name of up to four words at the start ("Ana Ruiz's",
    "Sen. Ana Ruiz's"), else 0."""
    for k in range(1, min(4, len(toks) - 1)):
        if _possessive(toks[k][0]) and toks[k][0][:1].isupper() \
                and all(_is_name_tok(t[0]) and _norm(t[0]) not in CUE_FORMS for t in toks[:k]):
            return k
        if not _is_name_tok(toks[k][0]):
            break
    return 0


def _named_modifier(toks: list) -> bool:
    """"Ruiz's Facebook page", "the guild's Westby office": after the possessive, a name
    used as a modifier of the lower-case noun that heads the phrase."""
    return len(toks) > 2 and toks[2][0].islower() and _norm(toks[2][0]) in HEAD_NOUNS \
        and not _is_name_tok(toks[2][0]) and _norm(toks[1][0]) not in TITLE_WORDS


def _org_name_goes_on(toks: list, n: int) -> bool:
    """"the Center for American Progress", "the Committee to Protect Journalists": a capitalised
    body's name runs on through "for", "of" or "to" to the capitalised words after it."""
    if n < 1 or n + 1 >= len(toks) or _norm(toks[n][0]) not in ORG_LINKS:
        return False
    prev, nxt = toks[n - 1][0], toks[n + 1][0]
    return prev[:1].isupper() and _norm(prev) in ORG_HEADS and _is_name_tok(nxt) \
        and _norm(nxt) not in DETERMINERS and not nxt.endswith((".", ","))
