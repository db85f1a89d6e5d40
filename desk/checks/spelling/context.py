"""What the words around an unknown word say about it (no Qt, no SQL).

Two questions, both answered from the text itself with general rules:

* Is this unknown word fine where it stands?  Twitter handles and hashtags, domain
  names (``foxnews.com``), dropped-g forms (``Lyin'``), and the parts of hyphenated
  compounds (``pre-emptive``, ``un-American``).
* Is this unknown capitalised word a name rather than a typo?  Names come after titles
  (``Mr.``, ``Sen.``, ``moderator``) and particles (``al-``, ``bin``, ``van``), stand
  next to other capitalised words (``Matt Lauer``), and recur; typos of capitalised
  words are near a word the same article capitalises elsewhere (``Clinotn`` /
  ``Clinton``).
"""

from __future__ import annotations

import re

from .words import MONTHS_DAYS, is_sentence_start, normalise

#: How common a word must be for a speaker word one edit from it to be doubted.
SPEAKER_NEAR_FREQ = 2000

#: Prefixes that stand before a hyphen as their own "word" (pre-election, un-American).
HYPHEN_PREFIXES = frozenset("""pre un non re co anti ex mid semi multi post pro cyber petro
robo geo bio eco neo micro macro mega mini sub super ultra inter intra de dis mis tri bi
quasi pseudo proto hyper trans socio tele euro afro agro narco mis uni nano""".split())

#: Words before a name: titles, honorifics and roles (lower-case, no full stop).
TITLES = frozenset("""mr mrs ms miss mx dr prof sir dame lord lady sen senator rep
representative gov governor gen general col colonel capt captain lt sgt sergeant maj
cmdr adm brig pres president vice premier chancellor minister secretary chairman
chairwoman chair chief judge justice ambassador mayor congressman congresswoman speaker
king queen prince princess pope sheikh ayatollah imam rabbi reverend rev father pastor
bishop cardinal professor director spokesman spokeswoman spokesperson commissioner
counsel attorney detective inspector sheriff officer host anchor moderator correspondent
reporter columnist editor author actor actress singer rapper coach candidate nominee
leader mogul billionaire businessman businesswoman founder ceo chef comedian journalist
analyst economist historian strategist pollster lawmaker activist aide adviser advisor
advisers advisors lawyer dubbed named nicknamed st""".split())

#: Lower-case particles that begin surnames (al-Kadhimi, bin Salman, van Gogh).
PARTICLES = frozenset("""al el ul ad ar as ash at az bin ibn abu bint ben van von der den
de da di del della dos das du la le st""".split())

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?([ \t\u00a0]+|-)$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’]*)")
_DOMAIN = re.compile(r"\.(?:com|org|net|gov|edu|io|co|us|uk|tv|info)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTERS_END = re.compile(r"[^\W\d_]+$")


def fine_in_context(text: str, start: int, end: int, stem: str, is_known) -> bool:
    """Is the unknown word at ``text[start:end]`` right where it stands?"""
    before = text[start - 1] if start else ""
    if before in ("@", "#"):
        return True  # @handle, #hashtag
    if _DOMAIN.match(text, end):
        return True  # foxnews.com
    after = text[end] if end < len(text) else ""
    lw = stem.lower()
    if after in ("'", "’") and (end + 1 >= len(text) or not text[end + 1].isalpha()):
        if is_known(lw + "g"):
            return True  # Lyin', Keepin'
    if after == "-":
        if lw in HYPHEN_PREFIXES:
            return True
        m = _LETTERS.match(text, end + 1)
        if m and is_known(lw + m.group().lower()):
            return True  # co-operate, pre-emptive
    if before == "-" and start > 1:
        m = _LETTERS_END.search(text, max(0, start - 40), start - 1)
        if m and (is_known(m.group().lower() + lw)
                  or (m.group().lower() in HYPHEN_PREFIXES and len(lw) > 3 and is_known(lw))):
            return True  # pre-emptive
    return False


def previous_word(text: str, start: int) -> tuple[str, str]:
    """(the word just before ``start`` on the same line, the separator) or ('', '')."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return "", ""
    return m.group(1), m.group(2)


def next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m else ""


def name_context(text: str, start: int, end: int, at_start: bool) -> int:
    """Does the word stand where names stand?  3: next to a particle (``al-Sudani``,
    ``Osama bin Laden``); 2: after a title (``Mr. Lauer``); 1: next to another capitalised word in the same
    sentence (``Matt Lauer``, ``J. Lauer``); 0: neither."""
    prev, sep = previous_word(text, start)
    if prev and not at_start:
        lp = prev.lower()
        if sep == "-":
            if lp in PARTICLES and prev.islower():
                return 3  # al-Sudani
        elif lp in PARTICLES and prev.islower():
            return 3
        elif lp in TITLES:
            return 2
        elif prev[0].isupper() and prev != "I" and (len(prev) == 1 or text[start - len(sep) - 1] != "."):
            return 1  # a capitalised word or an initial just before, same sentence
    nxt = next_word(text, end)
    if nxt and nxt.lower() in PARTICLES and nxt.islower() and text[end] not in ".!?":
        after = next_word(text, end + 1 + len(nxt))
        if after[:1].isupper():
            return 3  # Osama bin Laden, Vincent van Gogh
    if at_start:
        return 0  # "With Okafor", "When I": a sentence's first word before a capital says nothing
    return 1 if nxt[:1].isupper() and nxt != "I" and text[end] not in ".!?" else 0


def capitalised_mid(text: str, word: str) -> int:
    """How often ``word`` (capitalised) stands in ``text`` other than at a sentence start."""
    n = 0
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if ((i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum())
                and not is_sentence_start(text, i)):
            n += 1
        i = text.find(word, j)
    return n


def likely_names(checker, words, lang: str) -> set[str]:
    """The words of found speakers' names worth accepting as right.

    A word one edit from a common word (``Thay``, ``Wednssday``, ``Kisd``) is left
    out: the attribution finds speakers in typos too ("Thay said ...").  Left-out words
    still go through the name rules, so a real name near a word (Lauer) is at most an
    unknown name.
    """
    known = checker.lexicon.known(lang)
    freq = checker.lexicon.freq
    out = set()
    for w in words:
        lw = normalise(w)
        if len(lw) > 2 and lw not in known and any(
                c in known and c[:1] == lw[:1]
                and (freq.get(c, 0) >= SPEAKER_NEAR_FREQ or c in MONTHS_DAYS)
                for c in checker.index.candidates(lw, 1)):
            continue
        out.add(w)
    return out
