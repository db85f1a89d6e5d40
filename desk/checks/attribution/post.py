"""A cue after a quotation (“…,” Ana Ruiz said / said Ana Ruiz), a dash credit, a passive
(“…” was written by Ruiz), "quoted Ruiz as saying", and a credit after the last comma."""

from __future__ import annotations

import re

from desk.checks.attribution.constructions import _TITLE_NAME
from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, ING_CUES, INVERSION, POST_CUE_RE, POST_ONLY, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import HEARER_VERBS, PASSIVE_CREDITS
from desk.checks.attribution.marks import Region
from desk.checks.attribution.pre import passive_agent, source_after
from desk.checks.attribution.subjects import speaker_before

_LEAD_RE = re.compile(r"[\s,\u2014\u2013-]*(?:as\s+)?")
_DASH_RE = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*(?=[A-Z@])")


def post_cue(text: str, r: Region, b: int, st: list[int], nxt_open: int) -> Credit | None:
    """The credit right after a quotation; not one that a colon turns into the next
    quotation's introduction after a finished sentence (“…?” She said: “…”; but “…,” Voss
    said: “…” credits both)."""
    found = _post_cue(text, r, b, st, nxt_open)
    if found is not None and found.cue and found.speaker is not None \
            and text[r.text_start:r.text_end].rstrip()[-1:] in (".", "?", "!", "\u2026"):
        k = text.find(found.cue, r.end, min(len(text), max(found.speaker.end, r.end) + 80))
        if k >= 0 and _COLON_NEXT.match(text, max(k + len(found.cue), found.speaker.end)):
            return None
    return found


# a colon and a quotation mark after the cue: it introduces what follows
_COLON_NEXT = re.compile(r"[ \t]*:[ \t]*[\u201c\"]")


def _post_cue(text: str, r: Region, b: int, st: list[int], nxt_open: int) -> Credit | None:
    if r.end >= b:
        return None
    s, e = sentence_bounds(st, b, r.end + 1)
    limit = min(nxt_open, e if e > r.end + 1 else b)
    dm = _DASH_RE.match(text, r.end, b)
    if dm:
        sp = speaker_after(text, dm.end(), b)
        if sp and sp.kind in ("person", "organisation"):
            return Credit(sp, text[dm.start():dm.end()].strip(), how="post")
    m = _LEAD_RE.match(text, r.end, limit)
    w0 = m.end() if m else r.end
    if w0 >= limit:
        return None
    ow = _IN_OWNER_WORDS.match(text, r.end, limit)
    if ow is not None:  # “…,” in Voss’s words / in the view of Voss
        g = 1 if ow.group(1) else 2
        sp = speaker_after(text, ow.start(g), ow.end(g))
        if sp is not None and sp.kind in ("person", "organisation") and sp.start == ow.start(g):
            return Credit(sp, ow.group(3) or "in the view of", how="post")
    pm = _PASSIVE_BY.match(text, w0, limit)
    if pm:  # “…” was written by Ana Ruiz
        sp = speaker_after(text, pm.end(), limit)
        if sp and sp.kind in ("person", "organisation"):
            return Credit(sp, pm.group(1), how="post")
    qm = _QUOTED_AS.search(text, w0, limit)
    if qm is not None and len(text[w0:qm.start()].split()) <= 6:
        # “…,” the Courier quoted Ana Ruiz as saying: who is quoted speaks, not who quotes
        sp = speaker_after(text, qm.end(), limit)
        if sp is not None and sp.kind in ("person", "organisation", "anonymous") and sp.start == qm.end() \
                and _AS_SAYING.match(text, sp.end, limit):
            return Credit(sp, qm.group(1), how="post")
    inner = text[r.text_start:r.text_end].rstrip()
    weak = not inner or inner[-1] in ".\u2026" or inner[-1].isalnum()
    final = bool(inner) and inner[-1] in ".!?\u2026"
    cm = POST_CUE_RE.match(text, w0, limit)
    if cm:
        word = cm.group()
        if (word in INVERSION and word not in _HEARER_VERBS) or word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), limit)
            if word.lower().startswith("according"):
                sp = source_after(text, cm.end(), limit)  # “…,” according to a report by the authority
            if sp is None:  # “…,” said master of ceremonies Lena Voss
                t = _TITLE_NAME.match(text, cm.end() + 1, limit)
                if t is not None:
                    sp = speaker_after(text, t.end(), limit)
            if sp:
                return Credit(sp, word, how="post")
        if word not in POST_ONLY:
            return None
        # a word that is more often a noun or a title ("state Sen. Ruiz said"): read on
    for cm in POST_CUE_RE.finditer(text, w0, min(limit, w0 + 320)):
        if cm.group() in ING_CUES and not cm.group().lower().startswith("according"):
            break  # (“…,” at least according to Voss: "according" is no participle)
        if cm.group().lower().startswith("according"):
            sp = source_after(text, cm.end(), limit)
            if sp and len(text[w0:cm.start()].split()) <= 6 and not (final and text[w0:cm.start()].strip()):
                return Credit(sp, cm.group(), how="post")
            break  # (“…comment.” The shop sells gifts, according to its website: a new sentence)
        if weak and not _short_tail(text, cm.end(), limit):
            break  # “…end.” He says the court … (a new statement, not a credit)
        sp = speaker_before(text, w0, cm.start())
        if cm.group() in POST_ONLY and (sp is None or len(text[w0:sp.start].split()) > 1
                                        and not _OWNER_GAP.fullmatch(text, w0, sp.start)
                                        or text[sp.end:cm.start()].strip() or _AUX_AFTER.match(text, cm.end(), limit)
                                        or _PREP_OR_ING_LEAD.match(text, w0, sp.end)
                                        or _ADJECTIVE_BEFORE.search(text, max(w0, cm.start() - 20), cm.start())):
            continue  # "one of the states suing", "the work messages were": a noun, not a credit
            # (nor “…” in his home state, “…,” meaning it was spared the charges)
        if sp is None:
            break
        gap = text[w0:sp.start]
        if sp.title and sp.title in gap:  # “…,” the port's chief of staff, Joe Kasper, told …
            gap = gap.replace(sp.title, " ")
        if len(gap.split()) > 6:
            break
        if _CONJ_GAP.search(gap) and (not _short_tail(text, cm.end(), limit)
                                      or r.open_pos - sentence_bounds(st, b, r.open_pos)[0] > 3):
            break  # “…,” but he said that …; Ruiz said “…,” and Voss agreed: a new clause, not a credit
        between = text[sp.end:cm.start()]
        # an appositive set off by commas may run long: “…,” Ana Ruiz, the director of …, told …
        appositive = between.lstrip().startswith(",") and between.rstrip().endswith(",")
        if len(between.split()) > (32 if appositive else 16) or re.search(r"[.!?;:]\s", between):
            break
        if _SAID_YES.match(text, cm.end(), limit):
            break  # “…,” Mara said yes, over and over: her words are "yes", not the quotation
        if _PASSIVE_GAP.fullmatch(between):
            # “…?” Voss was asked: she is who heard it; "by" names who asked
            agent = passive_agent(text, cm.end(), limit)
            return Credit(agent, cm.group(), how="post") if agent is not None else None
        # “…,” when Ruiz blasted him: a subordinate clause, a credit only when nothing before is
        return Credit(sp, cm.group(), how="post-sub" if _SUBORD_GAP.match(gap) else "post")
    if final and _NEW_SENTENCE.match(text, w0, limit):
        return None  # “…comment.” The shop sells gifts, according to its website: a new sentence
    return _tail_credit(text, w0, limit)


# “…,” in Voss’s words; “…,” in the view of Lena Voss
_IN_OWNER_WORDS = re.compile(r"[ \t]*,?[ \t]+(?:at[ \t]+least[ \t]+)?in[ \t]+(?:the[ \t]+(?:view|words|opinion)[ \t]+of[ \t]+"
                             r"([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})"
                             r"|([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})(?:'s|\u2019s)[ \t]+"
                             r"(words|view|opinion|estimation|telling|account))")
# "quoted Ana Ruiz as saying", "cited the ministry as saying"
_QUOTED_AS = re.compile(r"(?<![\w'\u2019-])(quoted|cited)[ \t]+")
_AS_SAYING = re.compile(r"[ \t]*(?:\([^)]{0,40}\)[ \t]*)?(?:,[^,]{0,80},[ \t]*)?as[ \t]+(?:saying|telling|writing)\b")
# "the council was slammed by Ruiz as “…”": the agent of a passive cue speaks
_PASSIVE_BY = re.compile(r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?"
                         r"(" + "|".join(PASSIVE_CREDITS) + r")\s+(?:[a-z]+\s+){0,3}?by\s+")
# “…,” told the Gazette: who follows "told" is the hearer, never the speaker
_HEARER_VERBS = HEARER_VERBS
_CONJ_GAP = re.compile(r"\b(?:but|and|yet)\b", re.I)
# "… disrespectful comments", "her repeated claims": an adjective makes the form a noun
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'\u2019-])[a-z]+(?:ful|ous|ive|ic|able|ible|less|ed)[ \t]+$")
_PASSIVE_GAP = re.compile(r"[ \t]+(?:was|were|is|are|being|been|has[ \t]+been|had[ \t]+been)[ \t]+(?:[a-z]+ly[ \t]+)?")
_SAID_YES = re.compile(r"[ \t]+(?:yes|no)\b")
_NEW_SENTENCE = re.compile(r"[A-Z]")
_PREP_OR_ING_LEAD = re.compile(r"(?:in|on|at|of|for|from|with|by|to|into|over|under|about|across|through|"
                               r"[a-z]+ing)(?![\w'\u2019-])")
_SUBORD_GAP = re.compile(r"(?:when|while|after|before|because|since|although|though|until|unless|whereas|if)\b", re.I)
_TAIL_END = re.compile(r"[^.,;!?\u201c\u201d\"]*")


def _short_tail(text: str, p: int, b: int) -> bool:
    """After a credit verb, only a short adverbial before the sentence or clause ends."""
    m = _TAIL_END.match(text, p, b)
    tail = m.group() if m else ""
    words = tail.split()
    return len(words) <= 8 and "that" not in words


def _tail_credit(text: str, a: int, b: int) -> Credit | None:
    """“…” in its talks with the river towns, said Lena Voss. (credit after the last comma)"""
    k = text.rfind(",", a, b)
    if k < 0 or k == a:
        return None
    p = k + 1
    while p < b and text[p] in " \t\u00a0":
        p += 1
    cm = CUE_RE.match(text, p, b)
    if cm and ((cm.group() in INVERSION and cm.group() not in _HEARER_VERBS) or cm.group().lower().startswith("according")):
        sp = speaker_after(text, cm.end(), b)
        if sp and sp.kind != "pronoun":
            return Credit(sp, cm.group(), how="post")
        return None
    cm = POST_CUE_RE.search(text, p, b)  # a form that is often a noun ends the sentence: a verb
    if cm and cm.group() in INVERSION and not text[cm.end():b].strip(" .!?\t\n"):
        sp = speaker_before(text, p, cm.start())
        if sp and len(text[p:sp.start].split()) <= 3:
            return Credit(sp, cm.group(), how="post")
    return None


# “…,” the Courier’s Ana Ruiz reports: an owner before the name, not a noun phrase of its own
_OWNER_GAP = re.compile(r"(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}(?:'s|\u2019s)[ \t]+")
_AUX_AFTER = re.compile(r"[ \t]+(?:were|was|are|is|have|has|had|will|would|can|could|may|might|must|should)\b")
