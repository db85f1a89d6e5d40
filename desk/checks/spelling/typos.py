"""A capitalised unknown word: a typo or a name? Nearness to months, weekdays, accepted
names and common words against the signs of a name (used twice, after a title, next to
another capitalised word). A mixin of SpellChecker (it needs its lexicon and index)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import suggester as _sg
from .context import TITLES, capitalised_mid, name_context
from .words import MONTHS_DAYS, normalise

if TYPE_CHECKING:
    from .dictionary import Lexicon

#: A capitalised unknown word is a typo, not a name, when a word this common (or a
#: month or weekday) is one edit away (mid-sentence) or two (sentence start).
NEAR_FREQ_MID = 20000
NEAR_FREQ_START = 300
#: A capitalised word with no sign of being a name (alone, used once, no title before
#: it) is a typo when a word this common is one edit away.
NEAR_FREQ_ALONE = 300
#: Doubled letters and swapped neighbours: how typos differ from words, not how names do.
CHEAP_EDIT = 0.5
#: Words this short: a month or weekday two edits away is no typo of theirs; SpellChecker
#: looks their candidates up differently.
SHORT = 5


class TypoOrName:
    """SpellChecker's typo-or-name decisions (self.lexicon, self.index come from it)."""

    lexicon: "Lexicon"
    index: "_sg.CandidateIndex"

    def _near(self, lw: str, lang: str, acc_names, cache: dict, kept: dict | None = None) -> tuple:
        """(sure, candidates) for a capitalised unknown word: ``sure`` when it is near
        a month, a weekday, an accepted name or is the other variant's spelling;
        candidates {known word: distance}, same first letter, within two edits.
        ``cache``: this check's searches (their number is budgeted); ``kept``: earlier
        checks' with the same language and accepted words."""
        got = cache.get(lw)
        if got is not None:
            return got
        if kept is not None and lw in kept:
            got = cache[lw] = kept[lw]
            return got
        lex = self.lexicon
        sure = bool(lex.other_variant(lw, lang))
        if not sure:
            for a in acc_names:
                if abs(len(a) - len(lw)) <= 1 and _sg.osa_distance(lw, a, 1) <= 1:
                    sure = True
                    break
        known = lex.known(lang)
        cands: dict[str, int] = {}
        for w, d in self.index.candidates(lw, 2).items():
            if w not in known:
                continue
            if w in MONTHS_DAYS and (d == 1 or len(lw) > SHORT):
                sure = True  # Febuary, Wendsday (but not Amar / May)
            elif len(w) >= 7 and w in TITLES and w[:1] == lw[:1]:
                sure = True  # Presidnet, Sentaor, Govenror
            if w[:1] == lw[:1]:
                cands[w] = d
        got = (sure, cands)
        cache[lw] = got
        if kept is not None:
            kept[lw] = got
        return got

    def _capital_typo(self, text: str, start: int, end: int, stem: str, sent: bool,
                      used_mid: bool, count: int, lang: str, acc_names, cache: dict,
                      caps: set[str] = frozenset(), kept: dict | None = None) -> bool | str:
        """Is a capitalised unknown word a typo (misspelling) rather than a name?
        (When the answer is the word the article capitalises elsewhere: that word.)

        Typo evidence: near a month or weekday, an accepted name, a word this article
        capitalises mid-sentence at least as often; a doubled letter or two swapped
        letters away from a common word.  Name evidence: used twice, after a title or a
        particle, next to another capitalised word.  With neither, nearness to a common
        word decides (looser at a sentence start, where any word is capitalised).
        """
        lw = normalise(stem)
        known = self.lexicon.known(lang)
        if len(lw) > 3 and lw[-1] == "s" and lw[:-1] in known:
            return False  # the Clintons, the Kennedys
        sure, cands = self._near(lw, lang, acc_names, cache, kept)
        if sure:
            return True
        freq = self.lexicon.freq
        where = name_context(text, start, end, sent)
        if where == 3:
            return False  # al-Sudani, Osama bin Laden
        long_word = len(lw) >= 7
        for w, d in cands.items():
            if d == 1 or long_word:
                cap = w[:1].upper() + w[1:]
                if (cap in caps and capitalised_mid(text, cap) >= max(1, count)
                        and (d == 1 or _sg.weighted_cost(lw, w) <= 1.2)):
                    return w  # Okafro where the article says Okafor
        at_start = sent and not used_mid
        if count >= 2 or where == 2:
            return False  # Mr. Amar; a name used twice
        if where == 1:
            for w, d in cands.items():  # not for short names: Ari/air, Baer/bear, Vann/van
                if d == 1 and len(lw) > 4 and freq.get(w, 0) >= NEAR_FREQ_START:
                    cost = _sg.single_edit_cost(lw, w)
                    if cost is not None and cost <= CHEAP_EDIT:
                        return True
            return False
        for w, d in cands.items():
            f = freq.get(w, 0)
            if at_start:
                if f >= NEAR_FREQ_START and (d == 1 or len(lw) >= 6):
                    return True
            elif d == 1 and len(lw) >= 4 and f >= (NEAR_FREQ_ALONE if len(lw) > 4 else NEAR_FREQ_MID):
                return True
        return False
