"""What is a word: the tokenizer and the small text helpers of the spelling check."""

from __future__ import annotations

import re

#: One pass over the text.  ``ini``: initials (U.S., J.R.R., e.g.); ``w``: a run of
#: letters/digits with inner apostrophes (isn't, they’ve, Iran’s).  Hyphens split
#: compounds into parts; a leading or trailing apostrophe is not part of the word.
TOKEN = re.compile(r"(?P<ini>(?:[^\W\d_]\.){2,})|(?P<w>[^\W_](?:[\w'’]*[^\W_])?)")

#: An address starts where a run of address characters starts (the lookbehind) and its
#: parts are bounded as RFC 5321 bounds them: unanchored and unbounded, the pattern tried
#: every start inside a long run of letters and scanned to its end each time (quadratic:
#: 40,000 letters and an "@" took 11 s).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
URL = re.compile(r"\b(?:https?://|ftp://|mailto:|www\.)[^\s<>()\"“”]+")
SIC = re.compile(r"[\"”’'.,;:!?]*[ \t\u00a0]*[\[(]sic[\])]", re.I)
REPEATED = re.compile(r"\b([^\W\d_]+)(\s+)(\1)\b", re.I)
#: Doubled words that are grammatical.
REPEAT_OK = frozenset({"had", "that", "is", "do", "bye", "no", "yeah", "ha", "very", "so",
                       "boo", "chop", "knock", "tut", "pooh", "la", "ah", "oh", "dum"})

CONTRACTIONS = ("n't", "'ve", "'ll", "'re", "'d", "'m", "'s")

MONTHS_DAYS = frozenset("""january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday
sunday""".split())

ABBREVIATIONS = frozenset("""mr mrs ms dr st gen sen rep gov lt col capt prof rev jr sr
vs v no sgt maj cmdr adm brig pres supt insp det cpl pte hon mt ft fig co corp inc ltd
approx est dept univ""".split())

_OPENERS = set("\"“‘'([{*_#>‹«„ \t\u00a0")
_QUOTES = set("\"“‘'‹«„")


def normalise(token: str) -> str:
    """Lower case, curly apostrophes made straight."""
    return token.lower().replace("’", "'")


def is_latin(token: str) -> bool:
    """Only Latin-script words are checked (quoted Arabic, Greek... is left alone)."""
    if token.isascii():
        return True
    return all(ord(c) < 0x250 or c == "’" for c in token)


def case_like(model: str, word: str) -> str:
    """``word`` in the capitalisation of ``model`` (Febuary -> February)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def is_sentence_start(text: str, start: int) -> bool:
    """Does the word at ``start`` begin a sentence, a line, or a quotation?"""
    i = start - 1
    quote = False
    while i >= 0:
        c = text[i]
        if c == "\n":
            return True
        if c in _OPENERS:
            if c in _QUOTES:
                quote = True
            i -= 1
            continue
        if c == "-" and i > 0 and text[i - 1] in " \t\n":  # list item "- "
            i -= 1
            continue
        break
    if i < 0 or quote:
        return True
    c = text[i]
    if c in "!?…:":
        return True
    if c == ".":
        # "Mr. Kadhimi", "J. Smith", "U.S. officials" are not sentence starts
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        prev = text[j:i].lower().replace(".", "")
        if prev in ABBREVIATIONS or len(prev) == 1:
            return False
        if "." in text[j:i]:  # an initialism before the full stop
            return False
        return True
    if c.isdigit():  # list item "1. "
        j = i
        while j >= 0 and text[j].isdigit():
            j -= 1
        return j < 0 or text[j] == "\n"
    return False


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) touch one of the sorted, merged ``spans``?"""
    from bisect import bisect_right

    i = bisect_right(spans, (start, 1 << 62)) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end
