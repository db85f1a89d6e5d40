"""Quoted names that are nobody's words: titles of works and programmes, nicknames.

News style puts the titles of shows, films, books and songs in quotation marks (CBS’s
“Face the Nation”), and nicknames inside a name (Robert “Bobby” Scott). They are not
quotations: they have no speaker, and attributing them misleads the editor. The test is
strict on purpose: every word capitalised (Title Case) and a context that marks a title
or a nickname, so quoted fragments of speech (called him “Lyin’ Ted”) stay quotations.
"""

from __future__ import annotations

import re

from desk.checks.attribution.lexicon import CAP_STOP
from desk.checks.attribution.problems import is_statement

_WORD = re.compile(r"[^\W_][\w'\u2019.&-]*")
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as",
          "vs", "v", "de", "la", "del", "y", "is", "it", "n", "nor", "but", "into", "via"}
# "Fox News’ “Hannity”", "the network’s “Morning Edition”": a possessive just before the marks
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w.&-]*(?:\u2019s|'s|s\u2019|s')\s+$")
# "the documentary “Harvest”", "an episode of “The Hour”", "a book titled “Wide Water,”"
_WORK_BEFORE = re.compile(
    r"\b(?:show|shows|program|programs|programme|programmes|documentary|documentaries|film|films|movie|"
    r"movies|book|books|memoir|novel|song|songs|album|series|sitcom|episode|column|op-ed|essay|segment|"
    r"broadcast|podcast|play|musical|newsletter|titled|entitled|headlined|"
    r"(?:episode|edition|broadcast|taping|set|host|anchor|hosts|anchors|airing|appearance|interview)\s+(?:of|on))"
    r",?\s+$", re.I)
# 'On “Face the Nation,” the senator said …': a programme as the setting of a sentence
_ON_AT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)On\s+$")


_STAGE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\.?\s*$")


def _title_case(inner: str) -> bool:
    words = _WORD.findall(inner)
    if not words or len(words) > 8:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def is_term(text: str, open_pos: int, end: int, inner: str) -> bool:
    """Is the quoted region text[open_pos:end] (inner = its words) a title or a nickname?"""
    first = inner.lstrip()[:1]
    if not first or len(inner) > 120 or not (first.isupper() or first.isdigit() or first in "(["):
        return False
    if _STAGE.match(inner):
        return True  # “(CROSSTALK)”, “[inaudible]”: a stage direction in a transcript
    if not _title_case(inner) or is_statement(inner):
        return False
    before = text[max(0, open_pos - 40):open_pos]
    if _POSSESSIVE_BEFORE.search(before) or _WORK_BEFORE.search(before):
        return True
    if _ON_AT_START.search(text[max(0, open_pos - 6):open_pos]) and (inner.rstrip().endswith(",")
                                                                       or text.startswith(",", end)):
        return True
    return _nickname(text, open_pos, end, inner)


_NAME_BEFORE = re.compile(r"(?:^|[^.!?]\s)(?:[A-Z][\w\u2019'-]*|[A-Z]\.)\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][\w\u2019'-]+")


def _nickname(text: str, open_pos: int, end: int, inner: str) -> bool:
    """Robert “Bobby” Scott: one or two capitalised words between two parts of a name."""
    words = _WORD.findall(inner)
    if not 1 <= len(words) <= 2 or inner.rstrip()[-1:] in ",.!?":
        return False
    before = text[max(0, open_pos - 30):open_pos]
    after = _NAME_AFTER.match(text, end)
    if not after or not _NAME_BEFORE.search(before):
        return False
    prev = before.split()[-1].lower().strip(".") if before.split() else ""
    # not a date or a connective around it: told CNN “Yes” Tuesday
    return after.group().strip().lower() not in CAP_STOP and prev not in CAP_STOP
