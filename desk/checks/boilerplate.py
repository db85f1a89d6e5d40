"""Web-page text pasted into a draft: comment forms, share prompts, cookie notices, ads."""

from __future__ import annotations

import re

from desk.model import Problem

_PATTERNS = [
    r"leave a (?:reply|comment)",
    r"your email address will not be published",
    r"required fields are marked",
    r"be the first to comment",
    r"(?:post|add|view|show|load) (?:a |more |all )?comments?",
    r"\d+ comments?",
    r"comments? (?:are )?closed",
    r"share (?:this|on) (?:article|story|post|facebook|twitter|x|linkedin|whatsapp|email)",
    r"share this:?",
    r"(?:click|tap) (?:here )?to share",
    r"(?:share|tweet|pin|email)(?: this)?(?: on)?(?:\s*[|/,•·]\s*(?:share|tweet|pin|email|facebook|twitter|linkedin|whatsapp|print|x))+",
    r"subscribe (?:to|for|now|today)\b.*",
    r"sign up (?:for|to) (?:our|the) (?:free )?(?:daily |weekly )?newsletters?.*",
    r"(?:get|receive) (?:our|the) (?:free )?(?:daily |weekly )?newsletter.*",
    r"already a subscriber\??.*",
    r"follow us on (?:twitter|facebook|instagram|x|social media).*",
    r"(?:this|our) (?:web)?site uses cookies.*",
    r"we use cookies.*",
    r"(?:accept|allow|reject|manage) (?:all )?cookies.*",
    r"by continuing to (?:use|browse) (?:this|our) (?:web)?site.*",
    r"advertisements?",
    r"sponsored(?: content)?",
    r"story continues below(?: advertisement)?",
    r"article continues (?:below|after (?:this )?advertisement)",
    r"skip (?:to (?:main )?content|advertisement|ad)",
    r"related (?:articles|stories|posts)",
    r"read (?:more|next):?",
    r"recommended for you",
    r"print this (?:page|article)",
]
_LINE_RE = re.compile(
    r"^[ \t>*#_-]*(?:" + "|".join(_PATTERNS) + r")[ \t.!:*_]*$", re.I | re.M)


def is_boilerplate_line(line: str) -> bool:
    """Whether one line is web-page furniture by this check's rules: what paste and import
    drop, so a cleaned page leaves nothing for the check to flag."""
    return len(line) < 120 and _LINE_RE.fullmatch(line.strip()) is not None


def boilerplate_problems(text: str, skip: list[tuple[int, int]] | None = None) -> list[Problem]:
    """One error per line of pasted web-page furniture."""
    out = []
    for m in _LINE_RE.finditer(text):
        a, b = m.span()
        while a < b and text[a] in " \t>*#_-":
            a += 1
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        if a >= b:
            continue
        out.append(Problem("boilerplate", "error", a, b,
                           f"web-page text pasted into the draft: “{text[a:b][:60]}”", ("",)))
    return out
