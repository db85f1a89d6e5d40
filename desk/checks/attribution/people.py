"""The people an article names (full names, surnames, genders, titles) and the library's sources."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import NamedTuple

from desk.checks.attribution.lexicon import (
    CAP_STOP,
    DETERMINERS,
    FEMALE_WORDS,
    HEAD_NOUNS,
    HONORIFICS,
    MALE_WORDS,
    ORG_WORDS,
    PARTICLES,
    PERSON_ROLES,
    PLACEISH,
    REPORTING_VERBS,
    SPEECH_FORMS,
    SUFFIXES,
    TITLE_WORDS,
    verbs_pattern,
)
from desk.checks.attribution.speakers import _is_initials, _norm, _possessive

_WORD_BEFORE_RE = re.compile(r"([a-z]+)[ \t]+$")
# "Voss's been saying", "Voss's not": a contraction of is/has, not a possessive
_CONTRACTED_IS = re.compile(r"[\u2019']s[ \t]+(?:been|got|gotten|going|not|never|also|always|already|still|just|"
                            r"now|said|told|made|done|had|a|an|the)\b")
# "the Wisconsin Republican", "the Vermont senator": a role after a place, never a surname
_ROLE_NOT_SURNAME = {"republican", "republicans", "democrat", "democrats", "senator", "governor", "nominee",
                     "candidate", "president", "lawmaker", "congressman", "congresswoman", "spokesman",
                     "spokeswoman", "frontrunner", "front-runner", "official", "officials", "leader"}
_ROLE_AFTER = re.compile(r",[ \t]+(?:the|a|an)[ \t]+((?:[A-Za-z][\w-]*[ \t]+){0,3}?[a-z][\w-]*)(?=[,.;]|[ \t]+(?:of|for|at)\b)")
_WHO_AFTER = re.compile(r",[ \t\u00a0]+who[ \t\u00a0]")
_KIN_BEFORE = re.compile(r"([a-z]+),[ \t]+$")
_OBLIQUE_BEFORE = re.compile(r"\b(?:in|with|of|to|for|by|from|at|on|about|against|into|than|like|over|under|"
                             r"between|among|toward|towards|via|through|behind|after|before)\s+(?:the\s+|a\s+|an\s+)?$",
                             re.I)
# "Okafor press officer Lena Voss": a name modifying a role before another name
_MODIFIER_AFTER = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}?([a-z]+)[ \t]+[A-Z]")
_SPEECH_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?" + verbs_pattern(REPORTING_VERBS) + r"\b")
_WORK_BEFORE = re.compile(r"\b(?:book|memoir|novel|film|movie|documentary|album|song)[ \t]*,[ \t]+$")
_SUBJECT_PRONOUN = ("m", "f")
_HE_SHE = re.compile(r"\b(?:[Ss]he|[Hh]e)\b")
_SUBORDINATE_OPEN = re.compile(r"[\s\"\u201c]*(?:When|While|As|After|Before|Because|Since|Although|Though|If|"
                               r"Until|Once|Unless|Whereas)\b")
_VERB_BEFORE = re.compile(r"\b([a-z]{3,}(?:ed|es))[ \t]+$")
_LOCATIVE = re.compile(r"(?:\b(?:in|from|across|throughout|near|outside|inside|to|of)[ \t]+|"
                       r"[A-Z][a-z]+,[ \t]+)([A-Z][a-z]{2,})\b(?![ \t]+[A-Z])")
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]+")
_LOWER_BEFORE = re.compile(r"[\w'\u2019-]")
_GENDERED = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]erself)\b")


_GIVEN: dict[str, str] | None = None


def given_names() -> dict[str, str]:
    """Common given names → "f" or "m" (resources/words/given-names.tsv, from US SSA counts;
    see PROVENANCE.md): a hint after the text's own evidence."""
    global _GIVEN
    if _GIVEN is None:
        from desk.paths import resource_path

        found: dict[str, str] = {}
        try:
            for line in resource_path("words/given-names.tsv").read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    name, _, sex = line.partition("\t")
                    found[name] = sex
        except OSError:
            pass
        _GIVEN = found
    return _GIVEN


def _gender_word(word: str) -> str:
    w = word.lower().strip(".")
    return "f" if w in FEMALE_WORDS else "m" if w in MALE_WORDS else ""


@functools.lru_cache(maxsize=4096)
def _run_pieces(run: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """A run of capitalised words cut into name pieces at full stops that end a sentence
    (not initials, titles or suffixes), each token (word, start, end) relative to the run;
    a trailing suffix is dropped and a possessive's ending cut."""
    pieces = []
    cur: list[tuple[str, int, int]] = []
    for t in _TOKEN.finditer(run):
        w = t.group()
        if w.endswith(".") and not _is_initials(w) and _norm(w) not in TITLE_WORDS \
                and _norm(w) not in SUFFIXES:
            cur.append((w[:-1], t.start(), t.end() - 1))
            pieces.append(cur)
            cur = []
        else:
            cur.append((w, t.start(), t.end()))
    if cur:
        pieces.append(cur)
    out = []
    for toks in pieces:
        while len(toks) > 1 and _norm(toks[-1][0]) in SUFFIXES:
            toks = toks[:-1]
        if _possessive(toks[-1][0]):
            w, s, e = toks[-1]
            cut = 2 if w.endswith(("'s", "\u2019s")) else 1
            toks[-1] = (w[:-cut], s, e - cut)
        out.append(tuple(toks))
    return tuple(out)


_LOWER_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz'\u2019-")


class _LowerWords:
    """Is a word written in lower case somewhere in the text, as a whole word? The same answer
    as looking it up in the set of every lower-case word (_LOWER_WORD), found with str.find
    for the few words asked about instead of collecting them all."""

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = bool(_LOWER_WORD.fullmatch(word)) and self._find(word)
        return found

    def _find(self, word: str) -> bool:
        text, n = self.text, len(word)
        i = text.find(word)
        while i >= 0:
            # a match of _LOWER_WORD: nothing word-like before, no lower-case letter after
            if (i == 0 or _LOWER_BEFORE.match(text, i - 1) is None) and text[i + n:i + n + 1] not in _LOWER_AFTER:
                return True
            i = text.find(word, i + 1)
        return False


class _Shape(NamedTuple):
    """What a name piece's words alone say (its context is looked at for each mention)."""

    first: int  # index of the first name token
    words: list[str]  # the name tokens, normalised
    title: str  # title words before the name
    hon: str  # the word right before the name, normalised ("mr", "senator")
    full: str | None  # a full name ("Lena Voss")
    single: str | None  # or one name word ("Voss")


def _shape(toks: tuple[str, ...], lower_words: "_LowerWords") -> _Shape | None:
    """Where the name starts in a piece, its title words and whether it is a full name; None
    when the piece names nobody."""
    norms = [_norm(t) for t in toks]
    last = len(toks) - 1
    k = 0
    while k < last and (norms[k] in TITLE_WORDS or norms[k] in CAP_STOP or norms[k] in DETERMINERS
                        or (k == 0 and norms[k] in lower_words)):
        k += 1
    if k == last and norms[k] in CAP_STOP:
        return None
    # "Danish Fisheries Minister Lena Voss", "County Farmers Union Chairman Piet Maas":
    # the name follows the last title word of the run
    for j in range(last - 1, k - 1, -1):
        if norms[j] in TITLE_WORDS and norms[j] != "the":
            k = j + 1
            break
    keep = [i for i in range(k, len(toks)) if toks[i]]
    words = [norms[i] for i in keep]
    if not keep or any(w in ORG_WORDS for w in words):
        return None
    names = [toks[i] for i in keep]
    title = " ".join(toks[i] for i in range(k) if norms[i] in TITLE_WORDS)
    hon = norms[k - 1] if k else ""
    full = single = None
    if 2 <= len(names) <= 4 and all(t[0].isupper() or _norm(t.partition("-")[0]) in PARTICLES for t in names):
        full = " ".join(names)
    elif len(names) == 1:
        single = names[0]
    return _Shape(keep[0], words, title, hon, full, single)


class People:
    """The people named in an article, for full names, pronouns and bare surnames."""

    # a capitalised word, "al-Assad", or a particle before a capitalised word ("Bill de Blasio")
    _NAME_TOK = (r"(?:[A-Z][\w\u2019'.-]*|(?:al|el|bin|ibn|de|da|van|von|der|du|del|la|le|dos)"
                 r"(?:-[A-Z][\w\u2019'.-]*|(?=[ \t]+[A-Z])))")
    _RUN_RE = re.compile(r"(?<![\w\u2019'-])" + _NAME_TOK + r"(?:[ \t]+" + _NAME_TOK + r")*")

    def __init__(self, text: str, skip_ranges: list[tuple[int, int]]):
        self.text = text
        self.full: dict[str, list[tuple[int, str]]] = {}  # surname(lower) -> [(pos, full name)]
        self.mentions: list[tuple[int, str]] = []  # (pos, full-or-surname) in text order
        self._fulls_cache: dict[str, tuple[list, int, dict[str, list[int]]]] = {}
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
        lower_words = self._lower = _LowerWords(text)
        shapes: dict[tuple[str, ...], _Shape | None] = {}  # names and function words repeat
        for m in runs:
            base = m.start()
            for rel in _run_pieces(m.group()):
                key = tuple(t[0] for t in rel)
                if key in shapes:
                    shape = shapes[key]
                else:
                    shape = shapes[key] = _shape(key, lower_words)
                if shape is None:
                    continue
                s0 = base + rel[0][1]
                if _WORK_BEFORE.search(text, max(0, s0 - 30), s0):
                    continue  # "her book, Living History,": a title, not a person
                title = shape.title
                before = _WORD_BEFORE_RE.search(text, max(0, s0 - 30), s0)
                if before and before.group(1).lower() in HEAD_NOUNS:
                    title = (before.group(1) + " " + title).strip()
                hon, words = shape.hon, shape.words
                first = base + rel[shape.first][1]
                # "her husband, Piet Maas", "his wife Ana": the role word before the name
                kin = _gender_word(before.group(1)) if before else ""
                if not kin and "," in text[max(0, s0 - 3):s0]:
                    kin_m = _KIN_BEFORE.search(text, max(0, s0 - 30), s0)
                    kin = _gender_word(kin_m.group(1)) if kin_m else ""
                if shape.full is not None:
                    full = shape.full
                    sur = words[-1]
                    self.full.setdefault(sur, []).append((first, full))
                    head, dash, rest = sur.partition("-")
                    if dash and head in PARTICLES and rest:
                        self.full.setdefault(rest, []).append((first, full))  # "Assad" for al-Assad
                    self.mentions.append((first, full))
                    given = given_names().get(words[0], "")
                    if title or given or kin:
                        self.persons.add(full)
                    g = _gender_word(hon) or _gender_word(title.split()[-1] if title else "") or kin or given
                    if g:
                        self.gender.setdefault(full, g)
                    if not title:
                        # "Ana Ruiz, the mayor, said": a role set off after the name
                        end = base + rel[-1][2]
                        ap = _ROLE_AFTER.match(text, end, end + 80)
                        if ap is not None and ap.group(1).split()[-1].lower() in PERSON_ROLES:
                            title = ap.group(1)
                            self.persons.add(full)
                    if title:
                        self.titles.setdefault(full, title)
                elif shape.single is not None:
                    self.mentions.append((first, shape.single))
                    g = _gender_word(hon) or _gender_word(title.split()[-1] if title else "") or kin
                    if g:
                        self.gender.setdefault(words[0], g)
                    if hon in HONORIFICS or kin:
                        self.persons.add(shape.single)  # "Mr. Orlov", "his wife, Jane" is a person
                    if shape.title:  # "President Okafor": "the president" is Okafor
                        self.titles.setdefault(shape.single, shape.title)
        self._mention_pos = [p for p, _ in self.mentions]
        self._oblique: dict[int, bool] = {}
        # "McLenney said": whoever speaks is a person (not "CNN said", "Reuters said")
        for p, name in self.mentions:
            if " " not in name and (_SPEECH_AFTER.match(text, p + len(name)) or _WHO_AFTER.match(text, p + len(name))) \
                    and not name.isupper() and _norm(name) not in PLACEISH:
                self.persons.add(name)  # (and "Rihanna, who was honoured": "who" is said of people)
        self._pronouns: dict[str, list[int]] | None = None
        self._places: set[str] | None = None
        self._entity_pos: dict[str, list[int]] | None = None
        self.rival: str | None = None  # after resolve_pronoun: another person it fits as well
        self._gender_from_pronouns()

    def _gender_from_pronouns(self) -> None:
        """A person whose name is followed, before anyone else is named, by "he"/"his" or
        "she"/"her" is given that gender (most votes win); names already known keep theirs."""
        votes: dict[str, list[int]] = {}
        pos = self._mention_pos
        seen: dict[str, int] = {}
        for m, (p, name) in enumerate(self.mentions):
            if name in self.gender:
                continue
            n = seen[name] = seen.get(name, 0) + 1
            if n > 12:
                continue  # a dozen looks at a name are enough
            full, _ = self.full_name(name, p + 1)
            if full in self.gender:
                continue
            stop = pos[m + 1] if m + 1 < len(pos) else len(self.text)
            pm = _GENDERED.search(self.text, p + len(name), min(stop, p + len(name) + 200))
            if pm:
                v = votes.setdefault(full, [0, 0])
                v[0 if pm.group()[0] in "Hh" and pm.group().lower() in ("he", "his", "him", "himself") else 1] += 1
        for full, (m_votes, f_votes) in votes.items():
            if m_votes != f_votes:
                self.gender[full] = "m" if m_votes > f_votes else "f"

    def seed(self, sources) -> None:
        """The library's people are known before the article names them: "Kadhimi" in an
        article is the registered Mustafa al-Kadhimi (position -1: introduced before the text)."""
        for src in sources:
            if src.kind != "person" or len(src.name.split()) < 2:
                continue
            full = src.name
            self.persons.add(full)
            keys = {_norm(full.split()[-1])} | {_norm(a) for a in src.aliases if " " not in a}
            head, dash, rest = _norm(full.split()[-1]).partition("-")
            if dash and head in PARTICLES and rest:
                keys.add(rest)
            for key in keys:
                self.full.setdefault(key, []).insert(0, (-1, full))

    def place_like(self, name: str) -> bool:
        """A one-word name the article uses as a place: "in Texas", "Austin, Texas", and never
        with a first name or an honorific."""
        if self._places is None:
            self._places = {m.group(1) for m in _LOCATIVE.finditer(self.text)}
        if name not in self._places or " " in name:
            return False
        return not (_norm(name) in self.full or self.gender.get(_norm(name)))

    def oblique(self, m: int) -> bool:
        """Is mention m after a preposition, in the possessive, or modifying a role? Then it
        is not a clause's subject."""
        found = self._oblique.get(m)
        if found is None:
            p, name = self.mentions[m]
            text = self.text
            verb = _VERB_BEFORE.search(text, max(0, p - 24), p)
            found = self._oblique[m] = (bool(_OBLIQUE_BEFORE.search(text, max(0, p - 24), p))
                                        or text.startswith(("\u2019s", "'s", "\u2019 ", "' "), p + len(name))
                                        and not _CONTRACTED_IS.match(text, p + len(name))
                                        or self._modifier(p + len(name))
                                        # the object of a verb ("attacked Voss"), not after "said"
                                        or bool(verb) and verb.group(1) not in SPEECH_FORMS)
        return found

    def _modifier(self, end: int) -> bool:
        m = _MODIFIER_AFTER.match(self.text, end, end + 60)
        return bool(m) and m.group(1) in HEAD_NOUNS

    def last_seen(self, full: str, pos: int) -> int:
        """Where the person was last mentioned before pos, by full name or surname (-1 if not)."""
        seen = self.entity_mentions().get(full, ())
        k = bisect.bisect_left(seen, pos) - 1
        return seen[k] if k >= 0 else -1

    def entity_mentions(self) -> dict[str, list[int]]:
        """Each person (full name) → where the article mentions them, full name or surname."""
        if self._entity_pos is None:
            found: dict[str, list[int]] = {}
            for p, name in self.mentions:
                full = self.full_name(name, p + 1)[0] if " " not in name else name
                found.setdefault(full, []).append(p)
            self._entity_pos = found
        return self._entity_pos

    def full_name(self, name: str, pos: int) -> tuple[str, bool]:
        """Full form of a name as introduced; second value: True when only introduced later."""
        toks = name.split()
        if len(toks) != 1:
            return name, False
        cands = self.full.get(_norm(toks[0]))
        if not cands:
            return name, False
        k = bisect.bisect_left(cands, (pos, "")) - 1
        if k >= 0:
            # two people with one surname ("Ana Voss" ... "Piet Voss"): the article keeps
            # writing one of them in full and the bare surname is the other one, the one named
            # in full least often so far; as often: the first one introduced
            by_full = self._by_full(_norm(toks[0]), cands)
            if len(by_full) == 1:
                return cands[0][1], False
            seen = [(bisect.bisect_left(ps, pos), n, f) for n, (f, ps) in enumerate(by_full.items())]
            return min((c, n, f) for c, n, f in seen if c > 0)[2], False
        return cands[0][1], True

    def _by_full(self, key: str, cands: list[tuple[int, str]]) -> dict[str, list[int]]:
        """The positions of each full name sharing one surname, in order of introduction."""
        found = self._fulls_cache.get(key)
        if found is None or found[0] is not cands or found[1] != len(cands):
            names = {f for _, f in cands}
            by: dict[str, list[int]] = {}
            for p, f in cands:
                # "Using Ted Cruz" (a capitalised word read into the name) is "Ted Cruz"
                short = min((g for g in names if f.endswith(" " + g)), key=len, default=f)
                by.setdefault(short, []).append(p)
            for ps in by.values():
                ps.sort()
            found = self._fulls_cache[key] = (cands, len(cands), by)
        return found[2]

    def gender_of(self, name: str) -> str:
        g = self.gender.get(name)
        if g:
            return g
        parts = name.split()
        if parts:
            g = self.gender.get(_norm(parts[-1]))
            if g:
                return g
        return ""

    def add_person(self, full: str) -> None:
        self.persons.add(full)

    def is_person(self, full: str) -> bool:
        if full in self.persons:
            return True
        parts = full.split()
        return len(parts) == 1 and any(f in self.persons for _, f in self.full.get(_norm(parts[0]), ()))

    def resolve_pronoun(self, pos: int, gender: str, starts: list[int],
                        excluded: list[tuple[int, int]]) -> str | None:
        """The person a pronoun at pos refers to: a compatible person named in the current
        sentence before it, else in each earlier sentence. In a sentence, a subject comes
        before a name after a preposition or in the possessive; an earlier sentence with a
        pronoun of the same gender ("he said") refers to the same person, so only names before
        that pronoun count there. A person is a known one (first name, title, speaker) or a
        plausible full name."""
        self.rival = None
        if self._excluded is not excluded:
            self._excluded = excluded
            self._ex_starts = [a for a, _ in excluded]
        si = bisect.bisect_right(starts, pos) - 1
        hi = pos
        for n in range(8):
            if si < 0:
                break
            lo = starts[si]
            top = hi
            if n and gender in _SUBJECT_PRONOUN:
                pp = self._pronoun_in(gender, lo, hi)
                if pp is not None:
                    top = pp
            i = bisect.bisect_left(self._mention_pos, lo)
            j = bisect.bisect_left(self._mention_pos, top)
            best, best_key, rival = None, None, None
            for m in range(i, j):
                p, name = self.mentions[m]
                if self._in_excluded(p):
                    continue
                full = self._compatible(name, p, gender)
                if full is None:
                    continue
                # a subject before an oblique mention; a person known to fit the pronoun before
                # one of unknown gender; a lone word never given a first name ("Reuters said") last
                lone = " " not in full and _norm(full) not in self.full and not self.gender_of(full)
                key = (not self.oblique(m), not self._subordinate(lo, p), not lone)
                if best_key is None or key > best_key:
                    best, best_key, rival = full, key, None
                elif key == best_key and rival is None and full != best \
                        and self.gender_of(full) == self.gender_of(best):
                    rival = full  # as good a fit: the choice is a guess
            if best is not None:
                self.rival = rival
                return best
            hi = lo
            si -= 1
        return None

    def _subordinate(self, lo: int, p: int) -> bool:
        """Is p in a clause opening its sentence with "When", "If", "After" … (before the comma)?
        "When Maddow asked Voss …, Ruiz said …": the main clause's subject is the antecedent."""
        m = _SUBORDINATE_OPEN.match(self.text, lo)
        return m is not None and "," in self.text[p:p + 200] and "," not in self.text[lo:p]

    def _in_excluded(self, p: int) -> bool:
        k = bisect.bisect_right(self._ex_starts, p) - 1
        return k >= 0 and self._excluded[k][0] <= p < self._excluded[k][1]

    def _pronoun_in(self, gender: str, a: int, b: int) -> int | None:
        """Position of the first subject pronoun of that gender in text[a:b], outside quotations."""
        if self._pronouns is None:
            self._pronouns = {"m": [], "f": []}
            for m in _HE_SHE.finditer(self.text):
                self._pronouns["f" if m.group()[0] in "Ss" else "m"].append(m.start())
        found = self._pronouns[gender]
        k = bisect.bisect_left(found, a)
        while k < len(found) and found[k] < b:
            if not self._in_excluded(found[k]):
                return found[k]
            k += 1
        return None

    def _compatible(self, name: str, p: int, gender: str) -> str | None:
        """The person a mention names, if a person of a compatible gender; a bare surname
        shared by several people ("Voss") takes the one of the pronoun's gender."""
        full, _ = self.full_name(name, p + 1)
        if self._fits(full, gender):
            return full
        if " " not in name:
            for q, other in reversed(self.full.get(_norm(name), ())):
                if q < p and other != full and self._fits(other, gender):
                    return other
        return None

    def _fits(self, full: str, gender: str) -> bool:
        if not (self.is_person(full) or self._plausible_person(full)):
            return False
        g = self.gender_of(full)
        return not (gender and g and g != gender)

    def _plausible_person(self, full: str) -> bool:
        """A full name not known to be a person, but not shaped like a place or an institution."""
        parts = full.split()
        return 2 <= len(parts) <= 4 and not any(_norm(w) in PLACEISH or w.isupper() and w.isalpha() for w in parts) \
            and _norm(parts[-1]) not in _ROLE_NOT_SURNAME \
            and not any(_norm(w) in self._lower for w in parts)  # "Fair Grounds" when the text says "fair"

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
        if len(parts) == 2 and parts[0] == "the":
            # "the authority", "the ministry": the one registered source named by that head noun
            parts = parts[1:]
        if parts:
            ids = self.surname.get(parts[-1])
            if ids and len(ids) == 1:
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
