"""The people an article names (full names, surnames, genders, titles); names.py reads the
name pieces, pronouns.py resolves pronouns to them, sources.py finds the library's sources."""

from __future__ import annotations

import bisect
import re

from desk.checks.attribution.cues import SPEECH_AFTER
from desk.checks.attribution.lexicon import (
    HEAD_NOUNS,
    HONORIFICS,
    PARTICLES,
    PERSON_ROLES,
    PLACEISH,
    SPEECH_FORMS,
)
from desk.checks.attribution.names import (
    LowerWords,
    Shape,
    firm_given_name,
    gender_word,
    given_names,
    read_shape,
    run_pieces,
)
from desk.checks.attribution.phrase import _norm
from desk.checks.attribution.pronouns import Antecedents

_WORD_BEFORE_RE = re.compile(r"([a-z]+)[ \t]+$")
# "Voss's been saying", "Voss's not": a contraction of is/has, not a possessive
_CONTRACTED_IS = re.compile(r"[\u2019']s[ \t]+(?:been|got|gotten|going|not|never|also|always|already|still|just|"
                            r"now|said|told|made|done|had|a|an|the)\b")
# "the Wisconsin Republican", "the Vermont senator": a role after a place, never a surname
# ("Ana Ruiz, the ministry's spokeswoman,", "Piet Maas, Westby's mayor,": a possessive too)
_ROLE_AFTER = re.compile(r",[ \t]+(?:the|a|an|(?:[A-Z][\w.-]*[ \t]+){0,2}[A-Z][\w.-]*(?:'s|\u2019s|s'|s\u2019))[ \t]+((?:[A-Za-z][\w'\u2019-]*[ \t]+){0,3}?[a-z][\w-]*)(?=[,.;]|[ \t]+(?:of|for|at)\b)")
_WHO_AFTER = re.compile(r",[ \t\u00a0]+who[ \t\u00a0]")
_KIN_BEFORE = re.compile(r"([a-z]+),[ \t]+$")
_OBLIQUE_BEFORE = re.compile(r"\b(?:in|with|of|to|for|by|from|at|on|about|against|into|than|like|over|under|"
                             r"between|among|toward|towards|via|through|behind|after|before|around|near|across|inside|outside|"
                             r"beyond|beside|alongside|along|past|despite|within|without|upon|onto|amid)\s+"
                             r"(?:the\s+|a\s+|an\s+)?$",
                             re.I)
# "Okafor press officer Lena Voss": a name modifying a role before another name
# ("Ruiz and husband Piet": a coordination, not a modifier)
_MODIFIER_AFTER = re.compile(r"[ \t]+(?!(?:and|or|nor|but)\b)(?:[a-z][\w-]*[ \t]+){0,3}?([a-z]+)[ \t]+[A-Z]")
_WORK_BEFORE = re.compile(r"\b(?:book|memoir|novel|film|movie|documentary|album|song)[ \t]*,[ \t]+$")
_VERB_BEFORE = re.compile(r"\b([a-z]{3,}(?:ed|es))[ \t]+$")
_LOCATIVE = re.compile(r"(?:\b(?:in|from|across|throughout|near|outside|inside|to|of)[ \t]+|"
                       r"[A-Z][a-z]+,[ \t]+)([A-Z][a-z]{2,})\b(?![ \t]+[A-Z])")
OVERRULE = 3
_GENDERED = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]erself)\b")


class People:
    """The people named in an article, for full names, pronouns and bare surnames."""

    # a capitalised word, "al-Assad", or a particle before a capitalised word ("Bill de Blasio")
    _NAME_TOK = (r"(?:[A-Z][\w\u2019'.-]*|(?:al|el|bin|ibn|de|da|van|von|der|du|del|la|le|dos)"
                 r"(?:-[A-Z][\w\u2019'.-]*|(?=[ \t]+[A-Z])))")
    _RUN_RE = re.compile(r"(?<![\w\u2019'-])" + _NAME_TOK + r"(?:[ \t]+" + _NAME_TOK + r")*")

    def __init__(self, text: str, skip_ranges: list[tuple[int, int]],
                 quoted: list[tuple[int, int]] | None = None):
        """quoted: the quotation regions (start, end) in text order; a pronoun inside one is
        the speaker's, not the narrator's, and gives no one a gender."""
        self.text = text
        self._quoted = quoted or []
        self.full: dict[str, list[tuple[int, str]]] = {}  # surname(lower) -> [(pos, full name)]
        self.mentions: list[tuple[int, str]] = []  # (pos, full-or-surname) in text order
        self._fulls_cache: dict[str, tuple[list, int, dict[str, list[int]]]] = {}
        self.gender: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.persons: set[str] = set()  # full names known to be people (first name, title, speaker)
        skip_starts = [s for s, _ in skip_ranges]
        runs = []
        for m in self._RUN_RE.finditer(text):
            if skip_ranges:
                k = bisect.bisect_right(skip_starts, m.start()) - 1
                if k >= 0 and skip_ranges[k][0] <= m.start() < skip_ranges[k][1]:
                    continue
            runs.append(m)
        lower_words = self._lower = LowerWords(text)
        shapes: dict[tuple[str, ...], Shape | None] = {}  # names and function words repeat
        # full name -> the sex its first name is mostly (not almost only) given to
        given_hint: dict[str, str] = {}
        for m in runs:
            base = m.start()
            for rel in run_pieces(m.group()):
                key = tuple(t[0] for t in rel)
                if key in shapes:
                    shape = shapes[key]
                else:
                    shape = shapes[key] = read_shape(key, lower_words)
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
                kin = gender_word(before.group(1)) if before else ""
                if not kin and "," in text[max(0, s0 - 3):s0]:
                    kin_m = _KIN_BEFORE.search(text, max(0, s0 - 30), s0)
                    kin = gender_word(kin_m.group(1)) if kin_m else ""
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
                    g = gender_word(hon) or gender_word(title.split()[-1] if title else "") or kin
                    if g or firm_given_name(words[0]):
                        self.gender.setdefault(full, g or given)
                    elif given:
                        given_hint.setdefault(full, given)
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
                    g = gender_word(hon) or gender_word(title.split()[-1] if title else "") or kin
                    if g:
                        self.gender.setdefault(words[0], g)
                    if hon in HONORIFICS or kin:
                        self.persons.add(shape.single)  # "Mr. Orlov", "his wife, Jane" is a person
                    if shape.title:  # "President Okafor": "the president" is Okafor
                        self.titles.setdefault(shape.single, shape.title)
        self._mention_pos = [p for p, _ in self.mentions]
        self._oblique: dict[int, bool] = {}
        self._near: dict[str, bool] = {}
        # "McLenney said": whoever speaks is a person (not "CNN said", "Reuters said")
        for p, name in self.mentions:
            if " " not in name and (SPEECH_AFTER.match(text, p + len(name)) or _WHO_AFTER.match(text, p + len(name))) \
                    and not name.isupper() and _norm(name) not in PLACEISH:
                self.persons.add(name)  # (and "Rihanna, who was honoured": "who" is said of people)
        self._places: set[str] | None = None
        self._entity_pos: dict[str, list[int]] | None = None
        self._antecedents: Antecedents | None = None
        self._gender_from_pronouns(given_hint)

    def _gender_from_pronouns(self, given_hint: dict[str, str]) -> None:
        """A person whose name is followed, before anyone else is named, by "he"/"his" or
        "she"/"her" (outside quotations) is given that gender (most votes win); names already
        known by an honorific, a role or a first name given almost only to one sex keep theirs.
        A first name given mostly to one sex (given_hint) decides unless every pronoun says
        otherwise ("Sen. Lindsay Marsh … his rival")."""
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
            if full in self.gender or " " not in full and _norm(full) in self.gender:
                continue  # (a single name's gender is kept under its folded form: "his daughter, Ana")
            nxt = m + 1  # the next one named (an acronym, "(R-Wy.)", names no one)
            while nxt < len(pos) and self.mentions[nxt][1].isupper():
                nxt += 1
            stop = pos[nxt] if nxt < len(pos) else len(self.text)
            pm = _GENDERED.search(self.text, p + len(name), min(stop, p + len(name) + 200))
            while pm and self._in_quotation(pm.start()):
                pm = _GENDERED.search(self.text, pm.end(), min(stop, p + len(name) + 200))
            if pm:
                v = votes.setdefault(full, [0, 0])
                v[0 if pm.group()[0] in "Hh" and pm.group().lower() in ("he", "his", "him", "himself") else 1] += 1
        for full, (m_votes, f_votes) in votes.items():
            if full in given_hint and m_votes and f_votes:
                continue  # split votes: the first name decides
            if m_votes != f_votes:
                self.gender[full] = "m" if m_votes > f_votes else "f"
        for full, g in given_hint.items():
            self.gender.setdefault(full, g)

    def _in_quotation(self, pos: int) -> bool:
        quoted = self._quoted
        k = bisect.bisect_right(quoted, (pos, float("inf"))) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

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

    def near_surname(self, word: str) -> bool:
        """Is a lone name one letter off the surname of someone introduced in full ("Marow"
        after "Lena Marrow")? A misspelt surname: a person, though never given a first name."""
        found = self._near.get(word)
        if found is None:
            w = _norm(word)
            found = self._near[word] = len(w) >= 5 and w not in self.full and any(
                k[:1] == w[:1] and _one_edit(w, k) for k in self.full if len(k) >= 5)
        return found

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
        """The person a pronoun at pos refers to (pronouns.py); rival then names another
        person it fits as well."""
        if self._antecedents is None:
            self._antecedents = Antecedents(self)
        return self._antecedents.resolve(pos, gender, starts, excluded)

    @property
    def rival(self) -> str | None:
        return self._antecedents.rival if self._antecedents is not None else None


def _one_edit(a: str, b: str) -> bool:
    """Are a and b one letter apart (one replaced, added or dropped)?"""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
