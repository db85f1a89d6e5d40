"""Speaker phrases: names, titles, pronouns, descriptors; the article's people; sources."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from desk.checks.attribution.cues import CUE_FORMS

TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "prime", "minister", "secretary", "gen", "general", "col", "colonel", "lt",
    "lieutenant", "capt", "captain", "sgt", "sergeant", "prof", "professor", "rev", "reverend", "sir",
    "dame", "lord", "lady", "judge", "justice", "mayor", "chairman", "chairwoman", "chair", "ceo",
    "former", "adm", "admiral", "ambassador", "speaker", "leader", "commissioner", "chief", "director",
    "deputy", "attorney", "state", "foreign", "defense", "defence", "interior", "homeland", "security",
    "house", "senate", "majority", "minority", "press", "sheriff", "detective", "officer", "coach",
    "pope", "king", "queen", "prince", "princess", "sheikh", "rabbi", "father", "bishop", "cardinal",
    "democratic", "republican", "gop", "u.s.", "us", "acting", "assistant", "associate", "executive",
    "national", "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "congressman",
    "congresswoman", "councilman", "councilwoman", "councillor", "assemblyman", "assemblywoman",
    "presidential", "sens", "reps", "treasury", "health", "education", "labor", "justice", "energy",
    "commerce", "agriculture", "transportation", "finance", "economy", "trade", "ministry", "department",
    "supreme", "court", "district", "county", "city", "federal", "first", "maj", "cmdr", "supt", "det",
    "insp", "inspector", "superintendent", "chancellor", "premier", "emir", "ayatollah", "mullah",
    "imam", "pastor", "mp", "mep", "lawmaker", "dem", "sec", "pres", "hon", "jr", "sr", "del", "delegate", "archbishop", "gen.",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev"}
PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "den", "du", "del",
             "della", "la", "le", "dos", "das", "y", "ben", "st.", "mac", "ter", "ul"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three",
               "several", "many", "some", "other", "most", "both", "each", "these", "those", "this",
               "that", "our", "my", "your", "no", "any", "all", "few", "four", "five", "dozens"}
PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "", "we": "p", "it": "n"}
STOP_BACK = {"that", "which", "who", "whom", "and", "but", "or", "when", "while", "as", "if",
             "because", "after", "before", "since", "where", "than", "so", "then", "to", "of", "in", "on",
             "at", "for", "from", "with", "by", "about", "what", "how", "why", "said", "says", "is", "was",
             "are", "were", "be", "been", "not", "also"}
# Capitalised words that start sentences and clauses but are never names.
CAP_STOP = {"when", "while", "if", "as", "but", "and", "in", "on", "at", "after", "before", "asked",
            "it", "this", "that", "there", "then", "still", "however", "yet", "so", "meanwhile",
            "although", "though", "because", "since", "now", "later", "earlier", "here", "what", "why",
            "how", "who", "where", "we", "i", "they", "he", "she", "you", "our", "his", "her", "their",
            "its", "my", "your", "for", "with", "from", "by", "to", "of", "not", "no", "yes", "speaking",
            "according", "writing", "following", "during", "despite", "instead", "indeed", "also",
            "until", "once", "even", "just", "all", "some", "many", "most", "these", "those", "each",
            "every", "both", "such", "another", "other", "a", "an", "or", "nor", "about", "like", "said",
            "more", "fewer", "less", "than", "there", "here", "let",
            "says", "told", "added", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december", "mr", "mrs", "ms", "dr", "editor's", "getty", "ap",
            "reuters", "afp", "upi"}
PREPS = {"of", "at", "for", "from", "with", "in", "on"}
TRAILING_SKIP = {"also", "has", "had", "have", "later", "then", "would", "will", "once", "again",
                 "previously", "recently", "repeatedly", "frequently", "often", "reportedly", "publicly",
                 "privately", "simply", "just", "even", "further", "first", "finally", "initially",
                 "had", "has", "could", "might", "may", "should", "would", "can", "did", "does", "do",
                 "never", "always", "still", "quickly", "flatly", "bluntly", "angrily", "famously",
                 "memorably", "once", "twice", "subsequently", "since", "already", "herself", "himself",
                 "themselves", "itself", "all", "both", "not", "been", "is", "was", "are", "were", "being",
                 "only", "too"}
ORG_WORDS = {
    "ministry", "department", "post", "times", "news", "party", "committee", "campaign", "agency",
    "association", "council", "office", "police", "court", "university", "institute", "corporation",
    "inc", "inc.", "group", "foundation", "bank", "commission", "service", "administration",
    "government", "network", "journal", "tribune", "reuters", "press", "cnn", "bbc", "nbc", "abc",
    "cbs", "fox", "msnbc", "company", "co.", "corp.", "ltd", "board", "union", "center", "centre",
    "organization", "organisation", "authority", "house", "senate", "congress", "parliament", "army",
    "navy", "pentagon", "kremlin", "embassy", "club", "league", "federation", "fund", "coalition",
    "alliance", "movement", "church", "school", "college", "hospital", "magazine", "newspaper",
    "website", "blog", "twitter", "facebook", "statement", "memo", "report", "column", "article",
    "editorial", "letter", "study", "survey", "poll", "document", "filing", "lawsuit", "complaint",
    "release", "website", "bureau", "secretariat", "directorate", "cabinet", "council", "senate",
    "staff", "team", "firm", "insider", "guardian", "telegraph", "herald", "gazette", "observer",
    "economist", "politico", "breitbart", "huffington", "axios", "bloomberg", "forbes", "index",
}
ANON_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "adviser", "advisers",
              "advisor", "advisors", "person", "people", "insider", "insiders", "diplomat", "diplomats",
              "spokesman", "spokeswoman", "spokesperson", "staffer", "staffers", "employee", "employees",
              "member", "members", "officer", "officers", "strategist", "strategists", "operative",
              "operatives", "witness", "witnesses", "resident", "residents", "expert", "experts",
              "analyst", "analysts", "critic", "critics", "supporter", "supporters", "observers",
              "lawmaker", "lawmakers", "executive", "executives", "worker", "workers", "student",
              "students", "voter", "voters", "man", "woman", "men", "women", "friend", "friends",
              "colleague", "colleagues", "negotiator", "negotiators", "protester", "protesters"}
_ADJECTIVAL = {"former", "acting", "assistant", "associate", "national", "first", "federal", "supreme",
               "presidential", "democratic", "republican", "foreign", "state", "vice", "prime", "deputy",
               "interior", "homeland", "security", "defense", "defence", "senate", "house", "majority",
               "minority", "district", "county", "city", "health", "education", "labor", "energy", "commerce",
               "agriculture", "transportation", "finance", "economy", "trade", "treasury", "press", "attorney",
               "general", "executive", "chief", "justice"}
HEAD_NOUNS = (ANON_HEADS | {w for w in ORG_WORDS if w.isalpha()}
              | {w for w in TITLE_WORDS if w.isalpha() and len(w) > 3 and w not in _ADJECTIVAL}
              | {"senator", "governor", "nominee", "candidate", "president", "mother", "father", "wife", "husband",
                 "son", "daughter", "chief", "head", "columnist", "reporter", "writer", "author", "host",
                 "anchor", "pollster", "economist", "lawyer", "attorney", "professor", "scientist", "doctor",
                 "narrator", "group", "organization", "organisation", "firm", "study", "paper"})
TRULY_ANON = {"official", "officials", "source", "sources", "insider", "insiders", "aide", "aides",
              "adviser", "advisers", "advisor", "advisors", "diplomat", "diplomats", "person", "people"}
ANONYMITY_RE = re.compile(r"\b(?:anonymity|not (?:authori[sz]ed|permitted|allowed) to|asked not to be|"
                          r"declined to be (?:named|identified)|insisted on anonymity|requested anonymity|"
                          r"would not be named|speaking anonymously)\b", re.I)
FEMALE_NAMES = set("""mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla hillary chelsea ivanka melania nancy condoleezza kamala elena sonia ruth ana angela theresa
marine nicola jacinda ursula christine fatima aisha leila sophie claire chloe lucy kate anne susanne
sheryl oprah michele elise kellyanne sarah huma donna debbie dianne kirsten tammy heidi lisa maxine
""".split())
MALE_NAMES = set("""james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan
juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack bernie bill
mitch ted marco jeb chris mike rand newt rudy reince jared vladimir xi emmanuel boris recep benjamin
hassan ali mohammed muhammad ahmed omar hamid saeed javad mustafa bashar abdel tim tom jim bob dick
sergei dmitry angus nigel tony gordon keir rishi justin""".split())


@dataclass
class Speaker:
    name: str  # display form: full name, descriptor or pronoun as written
    kind: str  # person, organisation, anonymous, pronoun
    start: int
    end: int
    title: str | None = None
    anonymous_flag: bool = False  # "who spoke on condition of anonymity" or an unnamed descriptor
    definite: bool = False


_TOKEN_RE = re.compile(r"[^\s,;:()\[\]\u201c\u201d\"\u2014\u2013]+|[,;:()\[\]\u201c\u201d\"\u2014\u2013]")


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'").strip(".'")


def _is_cap(tok: str) -> bool:
    c = tok[0]
    return c.isupper() or (c.isdigit() is False and len(tok) > 1 and tok[0] in "'\u2019" and tok[1].isupper())


def _is_name_tok(tok: str) -> bool:
    if not tok:
        return False
    low = _norm(tok)
    if low in PARTICLES or low in SUFFIXES:
        return True
    if "-" in tok:
        first, _, rest = tok.partition("-")
        if first.lower() in PARTICLES and rest[:1].isupper():
            return True
    if (low in CAP_STOP and low not in TITLE_WORDS) or low in CUE_FORMS:
        return False
    return tok[0].isupper() and not tok.endswith(("\u2019s", "'s", "s\u2019", "s'"))


def _possessive(tok: str) -> bool:
    return tok.endswith(("\u2019s", "'s", "s\u2019", "s'"))


def tokens(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, a, b)]


def _strip_paren(toks: list) -> list:
    if toks and toks[-1][0] == ")":
        depth = 0
        for i in range(len(toks) - 1, -1, -1):
            if toks[i][0] == ")":
                depth += 1
            elif toks[i][0] == "(":
                depth -= 1
                if depth == 0:
                    return toks[:i]
        return []
    return toks


def speaker_before(text: str, a: int, v: int, *, allow_descriptor: bool = True) -> Speaker | None:
    """The subject noun phrase that ends just before position v (a cue verb), not before a."""
    toks = tokens(text, max(a, v - 300), v)
    return _np_from_end(text, toks, allow_descriptor)


def _np_from_end(text: str, toks: list, allow_descriptor: bool = True, depth: int = 0) -> Speaker | None:
    anon = False
    # trailing adverbs, auxiliaries, parentheticals, appositives
    for _ in range(6):
        while toks and (_norm(toks[-1][0]) in TRAILING_SKIP or (toks[-1][0].endswith("ly") and toks[-1][0].islower()
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
    last = toks[-1][0]
    if last in (",", ";", ":", "\u201c", "\u201d", '"', "(", ")", "\u2014", "\u2013"):
        return None
    low = _norm(last)
    if low in PRONOUNS and low not in ("it", "i", "we"):
        return Speaker(last, "pronoun", toks[-1][1], toks[-1][2])
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
            # post-modifier: "Officials at Homeland Security", "Charles Rangel of New York"
            pi = i - 1
            if pi >= 1 and _norm(toks[pi][0]) == "the":
                pi -= 1
            if pi >= 1 and _norm(toks[pi][0]) in PREPS and depth < 3:
                head = _np_from_end(text, toks[:pi], allow_descriptor, depth + 1)
                if head is not None and head.kind != "pronoun":
                    if head.kind == "person":
                        return head
                    hw = _norm(head.name.split()[-1]) if head.name.split() else ""
                    if hw not in HEAD_NOUNS and not (hw.endswith("s") and hw[:-1] in HEAD_NOUNS):
                        sp.anonymous_flag = sp.anonymous_flag or anon
                        return sp
                    head.end = sp.end
                    head.name = text[head.start:sp.end]
                    return head
            sp.anonymous_flag = sp.anonymous_flag or anon
            return sp
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
    if k >= 2 and _norm(toks[k - 1][0]) in ("of", "for", "at", "from", "with", "in") \
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


INTRO_WORDS = {"in", "on", "at", "during", "after", "before", "when", "while", "asked", "speaking",
               "however", "though", "meanwhile", "still", "yet", "but", "and", "also", "instead", "later",
               "earlier", "then", "now", "separately", "similarly", "indeed", "too", "in", "for", "with",
               "according", "writing", "following", "despite", "unlike", "like", "as", "since", "if",
               "although", "today", "yesterday", "tonight", "last", "this", "that", "which", "who", "by",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan.", "feb.",
               "aug.", "sept.", "oct.", "nov.", "dec.", "january", "february", "march", "april", "may",
               "june", "july", "august", "september", "october", "november", "december", "of", "to", "from",
               "about", "among", "amid", "over", "under", "without", "within", "through"}


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
        if not ch or _norm(ch[0][0]) in INTRO_WORDS:
            continue
        sp = _np_from_end(text, ch, allow_descriptor, depth + 1)
        if sp is None:
            continue
        lead = [t for t in ch if t[2] <= sp.start]
        if len(lead) > 6 and not (lead and _norm(lead[-1][0]) in STOP_BACK):
            continue
        if sp.kind != "person" and idx + 1 < len(chunks) and chunks[idx + 1]:
            nxt = chunks[idx + 1]
            alt = _np_from_end(text, nxt, allow_descriptor, depth + 1)
            if alt is not None and alt.kind == "person" and alt.start <= nxt[min(2, len(nxt) - 1)][1]:
                alt.title = alt.title or sp.name
                return alt
        sp.anonymous_flag = sp.anonymous_flag or anon
        return sp
    return None


def _is_initials(tok: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", tok))


def _name_from_run(text: str, toks: list, i: int, run: list) -> Speaker | None:
    # strip leading determiners and titles; the title keeps them (with lowercase role words before)
    k = 0
    while k < len(run) - 1 and (_norm(run[k][0]) in TITLE_WORDS or _norm(run[k][0]) in ("the", "a", "an")
                                or _norm(run[k][0]) in PARTICLES and k == 0):
        k += 1
    name_toks = run[k:]
    if not name_toks:
        return None
    if len(run) == 1 and _norm(run[0][0]) in ANON_HEADS:
        w = run[0]
        return Speaker(w[0], "anonymous", w[1], w[2], anonymous_flag=True)
    # a name of at most four tokens (plus initials and particles)
    core = [t for t in name_toks if not (len(_norm(t[0])) == 1 or _norm(t[0]) in PARTICLES)]
    while len(core) > 3 and len(name_toks) > 1:
        name_toks = name_toks[1:]
        core = [t for t in name_toks if not (len(_norm(t[0])) == 1 or _norm(t[0]) in PARTICLES)]
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
        # "the President", "the Ministry": a descriptor, not a name
        return None
    kind = "person"
    if any(w in ORG_WORDS for w in words) or (title_toks and _norm(title_toks[0][0]) == "the"):
        kind = "organisation"
    if kind == "organisation":
        start = run[0][1] if _norm(run[0][0]) != "the" else run[0][1]
        return Speaker(text[start:name_toks[-1][2]], "organisation", start, name_toks[-1][2], title=None)
    if len(words) == 1 and words[0] in ("god",):
        return None
    return Speaker(name, "person", name_toks[0][1], name_toks[-1][2], title=title)


_FWD_STOP = {"on", "in", "at", "during", "after", "before", "when", "while", "to", "as", "who", "which",
             "that", "because", "about", "last", "this", "earlier", "later", "yesterday", "today",
             "tonight", "adding", "referring", "told", "said", "and", "but", "was", "is", "has", "had",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "through",
             "via", "under", "over", "into", "outside", "inside", "amid", "with", "by", "than", "then",
             "recently", "also", "again", "of", "for", "from"}


def speaker_after(text: str, p: int, limit: int) -> Speaker | None:
    """The noun phrase that starts at p: “…,” said Ana Ruiz, a hydrologist …"""
    toks = tokens(text, p, min(limit, p + 250))
    if toks:
        w0 = toks[0][0]
        l0 = _norm(w0)
        if not w0[:1].isupper() and not (l0 in DETERMINERS or l0 in PRONOUNS or l0 in TITLE_WORDS
                                         or l0 in ANON_HEADS or l0 in PARTICLES or w0[:1].isdigit()):
            # "conservative talk radio host Rush Limbaugh": lowercase words leading to a name
            ok = False
            for t in toks[1:6]:
                lw = _norm(t[0])
                if lw in STOP_BACK or lw in _FWD_STOP or lw in CUE_FORMS or not t[0][:1].isalnum():
                    break
                if _is_name_tok(t[0]):
                    ok = True
                    break
            if not ok:
                return None
    out = []
    seen_name = False
    if toks and _norm(toks[0][0]) in DETERMINERS and _norm(toks[0][0]) not in ("that", "this", "no", "all"):
        # descriptor: "a former U.S. law enforcement official who …", "The New York Post reports"
        out.append(toks[0])
        prev_cap = False
        for n, t in enumerate(toks[1:12], 1):
            w = t[0]
            lw = _norm(w)
            if not w[:1].isalnum() or lw in _FWD_STOP and lw not in ("of", "for", "at", "from", "in") \
                    or lw in CUE_FORMS:
                break
            if w.endswith((".", "!", "?")) and not _is_initials(w) and lw not in TITLE_WORDS:
                out.append((w.rstrip(".!?"), t[1], t[2] - (len(w) - len(w.rstrip(".!?")))))
                break
            nxt = _norm(toks[n + 1][0]) if n + 1 < len(toks) else ""
            if _is_name_tok(w):
                out.append(t)
                prev_cap = True
                continue
            if lw in HEAD_NOUNS:
                out.append(t)
                if nxt not in ("of", "for", "at", "from", "in", "with"):
                    break
                prev_cap = False
                continue
            if prev_cap:
                ahead = toks[n:n + 4]
                m = 0
                while m < len(ahead) and ahead[m][0].islower() and _norm(ahead[m][0]) not in STOP_BACK \
                        and _norm(ahead[m][0]) not in HEAD_NOUNS:
                    m += 1
                if not (m < len(ahead) and (_is_name_tok(ahead[m][0]) or _norm(ahead[m][0]) in HEAD_NOUNS)):
                    break
            if lw in ("of", "for", "at", "from", "in") and prev_cap:
                break
            out.append(t)
            prev_cap = False
        while out and _norm(out[-1][0]) in ("of", "for", "at", "from", "in", "the", "a", "an"):
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
            out.append((w.rstrip(".!?"), t[1], t[2] - (len(w) - len(w.rstrip(".!?")))))
            break
        if out and lw in _FWD_STOP and not (lw in ("of", "for", "from", "at") and not seen_name):
            break
        if seen_name and not _is_name_tok(w):
            ahead = toks[n:n + 4]
            m = 0
            while m < len(ahead) and ahead[m][0].islower() and _norm(ahead[m][0]) not in _FWD_STOP \
                    and _norm(ahead[m][0]) not in STOP_BACK and _norm(ahead[m][0]) not in DETERMINERS \
                    and _norm(ahead[m][0]) not in CUE_FORMS \
                    and not (ahead[m][0].endswith(("ed", "es")) and "-" not in ahead[m][0]):
                m += 1
            if not (0 < m < len(ahead) and _is_name_tok(ahead[m][0])):
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


_PLACEISH = {"new", "los", "las", "san", "santa", "saint", "st", "north", "south", "east", "west",
             "united", "fort", "mount", "lake", "river", "street", "avenue", "road", "county", "city", "state",
             "states", "university", "house", "island", "islands", "republic", "kingdom", "gulf", "sea", "bay",
             "valley", "park", "square", "hall", "center", "centre", "airport", "station", "bridge", "district",
             "province", "region", "coast", "beach", "hills", "heights", "middle", "central", "great", "little",
             "upper", "lower", "old", "ground", "zero", "white", "capitol", "hill", "wall", "times", "post",
             "news", "league", "party", "day", "week", "year", "act", "bill", "law", "war", "union", "court",
             "american", "americans", "democrats", "republicans", "european", "national", "international",
             "federal", "world", "asia", "africa", "america", "europe", "jr", "sr"} | ORG_WORDS
_WORD_BEFORE_RE = re.compile(r"([a-z]+)[ \t]+$")


class People:
    """The people named in an article, for full names, pronouns and bare surnames."""

    _RUN_RE = re.compile(r"(?<![\w\u2019'-])(?:[A-Z][\w\u2019'.-]*|(?:al|el|bin|ibn|de|da|van|von|der|du|del|la|le|dos)[-\s](?=[A-Z]))"
                         r"(?:[ \t]+(?:[A-Z][\w\u2019'.-]*|(?:al|el|bin|ibn|de|da|van|von|der|du|del|la|le|dos)[-\s]?(?=[A-Z])))*")

    def __init__(self, text: str, skip_ranges: list[tuple[int, int]]):
        self.text = text
        self.full: dict[str, list[tuple[int, str]]] = {}  # surname(lower) -> [(pos, full name)]
        self.mentions: list[tuple[int, str]] = []  # (pos, full-or-surname) in text order
        self.gender: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self._excluded: list | None = None
        self._ex_starts: list[int] = []
        self.persons: set[str] = set()  # full names known to be people (first name, title, speaker)
        skip_starts = [s for s, _ in skip_ranges]
        runs = []
        for m in self._RUN_RE.finditer(text):
            if skip_ranges:
                k = bisect.bisect_right(skip_starts, m.start()) - 1
                if k >= 0 and skip_ranges[k][0] <= m.start() < skip_ranges[k][1]:
                    continue
            runs.append(m)
        lower_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]+", text))
        pieces = []
        for m in runs:
            toks = [(t.group(), t.start(), t.end()) for t in re.finditer(r"\S+", m.group())]
            toks = [(w, m.start() + s, m.start() + e) for w, s, e in toks]
            cur = []
            for t in toks:
                cur.append(t)
                if t[0].endswith(".") and not _is_initials(t[0]) and _norm(t[0]) not in TITLE_WORDS \
                        and _norm(t[0]) not in SUFFIXES:
                    w, s0, e0 = cur[-1]
                    cur[-1] = (w[:-1], s0, e0 - 1)
                    pieces.append(cur)
                    cur = []
            if cur:
                pieces.append(cur)
        for toks in pieces:
            while toks and _norm(toks[-1][0]) in SUFFIXES and len(toks) > 1:
                toks = toks[:-1]
            if toks and _possessive(toks[-1][0]):
                w, s, e = toks[-1]
                cut = 2 if w.endswith(("'s", "\u2019s")) else 1
                toks[-1] = (w[:-cut], s, e - cut)
            k = 0
            while k < len(toks) - 1 and (_norm(toks[k][0]) in TITLE_WORDS or _norm(toks[k][0]) in CAP_STOP
                                         or _norm(toks[k][0]) in DETERMINERS
                                         or (k == 0 and _norm(toks[k][0]) in lower_words)):
                k += 1
            if k == len(toks) - 1 and _norm(toks[k][0]) in CAP_STOP:
                continue
            title = " ".join(t[0] for t in toks[:k] if _norm(t[0]) in TITLE_WORDS)
            before = _WORD_BEFORE_RE.search(text, max(0, toks[0][1] - 30), toks[0][1]) if toks else None
            if before and before.group(1).lower() in HEAD_NOUNS:
                title = (before.group(1) + " " + title).strip()
            names = [t for t in toks[k:] if t[0]]
            words = [_norm(t[0]) for t in names]
            if not names or any(w in ORG_WORDS for w in words):
                continue
            if len(names) >= 2 and len(names) <= 4 and all(t[0][0].isupper() or _norm(t[0]) in PARTICLES for t in names):
                full = " ".join(t[0] for t in names)
                sur = _norm(names[-1][0])
                self.full.setdefault(sur, []).append((names[0][1], full))
                self.mentions.append((names[0][1], full))
                first = _norm(names[0][0])
                if first in FEMALE_NAMES or first in MALE_NAMES or title:
                    self.persons.add(full)
                if first in FEMALE_NAMES:
                    self.gender.setdefault(full, "f")
                elif first in MALE_NAMES:
                    self.gender.setdefault(full, "m")
                hon = _norm(toks[k - 1][0]) if k else ""
                if hon in ("mr",):
                    self.gender.setdefault(full, "m")
                elif hon in ("mrs", "ms", "miss"):
                    self.gender.setdefault(full, "f")
                if title:
                    self.titles.setdefault(full, title)
            elif len(names) == 1:
                self.mentions.append((names[0][1], names[0][0]))
                hon = _norm(toks[k - 1][0]) if k else ""
                if hon == "mr":
                    self.gender.setdefault(_norm(names[0][0]), "m")
                elif hon in ("mrs", "ms", "miss"):
                    self.gender.setdefault(_norm(names[0][0]), "f")
        self._mention_pos = [p for p, _ in self.mentions]

    def full_name(self, name: str, pos: int) -> tuple[str, bool]:
        """Full form of a name as introduced; second value: True when only introduced later."""
        toks = name.split()
        if len(toks) != 1:
            return name, False
        cands = self.full.get(_norm(toks[0]))
        if not cands:
            return name, False
        before = [c for c in cands if c[0] < pos]
        if before:
            return before[-1][1], False
        return cands[0][1], True

    def gender_of(self, name: str) -> str:
        g = self.gender.get(name)
        if g:
            return g
        parts = name.split()
        if parts:
            g = self.gender.get(_norm(parts[-1]))
            if g:
                return g
            first = _norm(parts[0])
            if first in FEMALE_NAMES:
                return "f"
            if first in MALE_NAMES:
                return "m"
        return ""

    def add_person(self, full: str) -> None:
        self.persons.add(full)

    def is_person(self, full: str) -> bool:
        if full in self.persons:
            return True
        parts = full.split()
        return len(parts) == 1 and any(f in self.persons for _, f in self.full.get(_norm(parts[0]), ()))

    def resolve_pronoun(self, pos: int, gender: str, starts: list[int],
                        excluded: list[tuple[int, int]], lenient: bool = False) -> str | None:
        """The person a pronoun at pos refers to: the first compatible person named in the
        current sentence before it, else in each earlier sentence (subjects come first)."""
        if self._excluded is not excluded:
            self._excluded = excluded
            self._ex_starts = [a for a, _ in excluded]
        ex_starts = self._ex_starts
        si = bisect.bisect_right(starts, pos) - 1
        hi = pos
        for _ in range(8):
            if si < 0:
                break
            lo = starts[si]
            i = bisect.bisect_left(self._mention_pos, lo)
            j = bisect.bisect_left(self._mention_pos, hi)
            for p, name in self.mentions[i:j]:
                k = bisect.bisect_right(ex_starts, p) - 1
                if k >= 0 and excluded[k][0] <= p < excluded[k][1]:
                    continue
                full, _ = self.full_name(name, p + 1)
                if not (self.is_person(full) or (lenient and self._plausible_person(full))):
                    continue
                g = self.gender_of(full)
                if gender and g and g != gender:
                    continue
                return full
            hi = lo
            si -= 1
        if not lenient:
            return self.resolve_pronoun(pos, gender, starts, excluded, lenient=True)
        return None

    def _plausible_person(self, full: str) -> bool:
        """A full name not known to be a person, but not shaped like a place or an institution."""
        parts = full.split()
        return 2 <= len(parts) <= 4 and not any(_norm(w) in _PLACEISH for w in parts)

    def recent_person(self, pos: int, gender: str, exclude: tuple[int, int] | None = None) -> str | None:
        i = bisect.bisect_left(self._mention_pos, pos) - 1
        n = 0
        while i >= 0 and n < 40:
            p, name = self.mentions[i]
            i -= 1
            n += 1
            if exclude and exclude[0] <= p < exclude[1]:
                continue
            full, _ = self.full_name(name, p + 1)
            if len(full.split()) < 2 and _norm(full) not in self.full:
                continue
            g = self.gender_of(full)
            if gender and g and g != gender:
                continue
            return full
        return None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("\u2019", "'").replace(".", "").strip()


def _keys(name: str) -> list[str]:
    f = _fold(name)
    toks = f.split()
    keys = [f]
    stripped = [re.sub(r"^(?:al|el)-", "", t) for t in toks if t not in ("al", "el")]
    keys.append(" ".join(stripped))
    return keys


class SourceIndex:
    """Library sources by folded name and alias, and by unique surname."""

    def __init__(self, sources):
        self.exact: dict[str, int] = {}
        self.surname: dict[str, set[int]] = {}
        self._memo: dict[str, int | None] = {}
        for s in sources:
            for n in (s.name, *s.aliases):
                if not n:
                    continue
                for k in _keys(n):
                    self.exact.setdefault(k, s.id)
                parts = _keys(n)[1].split()
                if parts:
                    self.surname.setdefault(parts[-1], set()).add(s.id)

    def find(self, name: str) -> int | None:
        if not name:
            return None
        if name in self._memo:
            return self._memo[name]
        found = self._find(name)
        self._memo[name] = found
        return found

    def _find(self, name: str) -> int | None:
        for k in _keys(name):
            if k in self.exact:
                return self.exact[k]
        parts = _keys(name)[1].split()
        if parts:
            ids = self.surname.get(parts[-1])
            if ids and len(ids) == 1 and (len(parts) == 1 or True):
                sid = next(iter(ids))
                if len(parts) == 1:
                    return sid
                # full name given: first names must agree with an entry when both have one
                return sid if self._first_ok(parts, sid) else None
        return None

    def _first_ok(self, parts: list[str], sid: int) -> bool:
        for k, v in self.exact.items():
            if v == sid:
                kp = k.split()
                if len(kp) >= 2 and kp[-1] == parts[-1] and kp[0] != parts[0]:
                    continue
                if len(kp) >= 2 and kp[0] == parts[0]:
                    return True
                if len(kp) == 1:
                    return True
        return False
