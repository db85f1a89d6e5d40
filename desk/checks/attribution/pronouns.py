"""Which person a pronoun refers to ("…,” he said): the compatible person named in the
current sentence before it, else in each earlier sentence (people.py knows who is named)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from desk.checks.attribution.cues import SPEECH_AFTER, SPEECH_BEFORE
from desk.checks.attribution.lexicon import PLACEISH
from desk.checks.attribution.phrase import _norm

if TYPE_CHECKING:
    from desk.checks.attribution.people import People

_ROLE_NOT_SURNAME = {"republican", "republicans", "democrat", "democrats", "senator", "governor", "nominee",
                     "candidate", "president", "lawmaker", "congressman", "congresswoman", "spokesman",
                     "spokeswoman", "frontrunner", "front-runner", "official", "officials", "leader"}
_SUBJECT_PRONOUN = ("m", "f")
_GENDERED_ANY = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im)\b")
_SUBORDINATE_OPEN = re.compile(r"[\s\"\u201c]*(?:When|While|As|After|Before|Because|Since|Although|Though|If|"
                               r"Until|Once|Unless|Whereas)\b")


class Antecedents:
    """Pronoun resolution over one article's people; rival: after resolve, another person the
    pronoun fits as well (the choice is a guess)."""

    def __init__(self, people: "People"):
        self.people = people
        self.text = people.text
        self.rival: str | None = None
        self._excluded: list | None = None
        self._ex_starts: list[int] = []
        self._pronouns: dict[str, list[int]] | None = None

    def resolve(self, pos: int, gender: str, starts: list[int],
                excluded: list[tuple[int, int]]) -> str | None:
        """The person a pronoun at pos refers to: a compatible person named in the current
        sentence before it, else in each earlier sentence. In a sentence, a subject comes
        before a name after a preposition or in the possessive; an earlier sentence with a
        pronoun of the same gender ("he said") refers to the same person, so only names before
        that pronoun count there, and one credited with words after it ("The fair could
        carry Tarn, which he expects to win, Voss said."). A person is a known one (first name, title, speaker) or a
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
            i = bisect.bisect_left(self.people._mention_pos, lo)
            j = bisect.bisect_left(self.people._mention_pos, hi)
            best, best_key, rival = None, None, None
            for m in range(i, j):
                p, name = self.people.mentions[m]
                if self._in_excluded(p):
                    continue
                if p >= top and not self._speaks(p, name):
                    continue  # after the sentence's own "he": only one credited there ("…, Voss said")
                if n and gender in _SUBJECT_PRONOUN and self.people.oblique(m) \
                        and self._pronoun_in(gender, lo, p, any_form=True) is not None:
                    continue  # "Moved by his memory of Voss's years, …": not the one "his" names
                full = self._compatible(name, p, gender)
                if full is None:
                    continue
                # a subject before an oblique mention; a main clause before an opening "When …"
                # clause; one credited with words before one
                # the words are about ("Ruiz won, Voss said. “…,” he said": Voss); a person
                # known to fit the pronoun before one of unknown gender; a lone word never given
                # a first name ("Reuters said", unless a misspelt surname of someone who was) last
                lone = " " not in full and _norm(full) not in self.people.full and not self.people.gender_of(full) \
                    and not self.people.near_surname(full)
                speaks = not lone and self._speaks(p, name)
                key = (not self.people.oblique(m), not self._subordinate(lo, p), speaks, not lone)
                if best_key is None or key > best_key:
                    best, best_key, rival = full, key, None
                elif key == best_key and rival is None and full != best \
                        and self.people.gender_of(full) == self.people.gender_of(best):
                    rival = full  # as good a fit: the choice is a guess
            if best is not None:
                self.rival = rival
                return best
            hi = lo
            si -= 1
        return None

    def _speaks(self, p: int, name: str) -> bool:
        """Is the mention at p credited with words ("…, Voss said.", "…, said Lena Voss,")?
        A pronoun speaking after it ("“…,” he said") is most often the same speaker, not
        whoever the reported words were about."""
        return SPEECH_AFTER.match(self.text, p + len(name)) is not None \
            or SPEECH_BEFORE.search(self.text, max(0, p - 24), p) is not None

    def _subordinate(self, lo: int, p: int) -> bool:
        """Is p in a clause opening its sentence with "When", "If", "After" … (before the comma)?
        "When Maddow asked Voss …, Ruiz said …": the main clause's subject is the antecedent."""
        m = _SUBORDINATE_OPEN.match(self.text, lo)
        return m is not None and "," in self.text[p:p + 200] and "," not in self.text[lo:p]

    def _in_excluded(self, p: int) -> bool:
        k = bisect.bisect_right(self._ex_starts, p) - 1
        return k >= 0 and self._excluded[k][0] <= p < self._excluded[k][1]

    def _pronoun_in(self, gender: str, a: int, b: int, any_form: bool = False) -> int | None:
        """Position of the first subject pronoun of that gender in text[a:b], outside quotations
        (any_form: or object or possessive, "him", "his", "her")."""
        if self._pronouns is None:
            self._pronouns = {"m": [], "f": [], "m*": [], "f*": []}
            for m in _GENDERED_ANY.finditer(self.text):
                w = m.group().lower()
                g = "f" if w in ("she", "her") else "m"
                if w in ("he", "she"):
                    self._pronouns[g].append(m.start())
                self._pronouns[g + "*"].append(m.start())
        found = self._pronouns[gender + "*" if any_form else gender]
        k = bisect.bisect_left(found, a)
        while k < len(found) and found[k] < b:
            if not self._in_excluded(found[k]):
                return found[k]
            k += 1
        return None

    def _compatible(self, name: str, p: int, gender: str) -> str | None:
        """The person a mention names, if a person of a compatible gender; a bare surname
        shared by several people ("Voss") takes the one of the pronoun's gender."""
        full, _ = self.people.full_name(name, p + 1)
        if self._fits(full, gender):
            return full
        if " " not in name:
            for q, other in reversed(self.people.full.get(_norm(name), ())):
                if q < p and other != full and self._fits(other, gender):
                    return other
        return None

    def _fits(self, full: str, gender: str) -> bool:
        if not (self.people.is_person(full) or self._plausible_person(full)):
            return False
        g = self.people.gender_of(full)
        return not (gender and g and g != gender)

    def _plausible_person(self, full: str) -> bool:
        """A full name not known to be a person, but not shaped like a place or an institution."""
        parts = full.split()
        return 2 <= len(parts) <= 4 and not any(_norm(w) in PLACEISH or w.isupper() and w.isalpha() for w in parts) \
            and _norm(parts[-1]) not in _ROLE_NOT_SURNAME \
            and not any(_norm(w) in self.people._lower for w in parts)  # "Fair Grounds" when the text says "fair"
