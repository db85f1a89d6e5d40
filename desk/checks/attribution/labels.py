"""Credits on lines of their own: a quotation signed on the next line (— Lena Voss), a
credit line after a block quote ("said Lena Voss."), a name line ("Lena Voss, harbour
master"), a roundup label ("Lena Voss: “…”") and an upper-case headline before a quotation."""

from __future__ import annotations

import re

from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_FORMS, CUE_RE, POST_CUE_RE
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import AMBIGUOUS_FORMS
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker
from desk.checks.attribution.subjects import speaker_before

_SIGNATURE = re.compile(r"[ \t]*(?:[-\u2013\u2014]|--)[ \t]*([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})"
                        r"(?:,[^\n]{0,60})?[ \t]*$")


def _signature(text: str, r: Region, b: int, paras) -> Credit | None:
    """A quotation alone in its paragraph, signed on the next line: “…” / — Lena Voss, Ardena;
    or credited by a line of its own: "Lena Voss, harbour master" / "said Lena Voss."; or a
    paragraph of words signed at its end: “…” More words. ― Lena Voss."""
    if text[r.end:b].strip():
        return _signed_paragraph(text, r, b)
    if r.para + 1 >= len(paras):
        return None
    na, nb = paras[r.para + 1]
    m = _SIGNATURE.match(text, na, nb)
    if m is None:
        if r.extra.get("blockquote"):
            return _credit_line(text, na, nb)
        alone = not text[paras[r.para][0]:r.open_pos].strip(" \t>*-#")  # the quotation is the paragraph
        if not alone:
            return None
        found = _credit_line(text, na, nb)
        if found is None and not (r.para > 0 and _name_line(text, *paras[r.para - 1])):
            # (a name line before the quotation too: the layout labels each quotation before
            # it, "Ana Ruiz, 54, teacher" / “…” / "Peter Lang, 61, fisherman" / “…”)
            found = _name_line(text, na, nb)
        return found
    return Credit(Speaker(m.group(1), "person", m.start(1), m.end(1)), None, how="signature")


# a paragraph signed at its end with a long dash: "… ― Lena Voss." (reader comments, letters)
_END_SIGNATURE = re.compile(r"[ \t]*[\u2015\u2014]{1,2}[ \t]*([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})"
                            r"(?:,[^\n\u201c\u201d\"]{0,60}?)?[ \t]*\.?[ \t]*$")


def _signed_paragraph(text: str, r: Region, b: int) -> Credit | None:
    """“…” And that is all. ― Lena Voss: the signature at the paragraph's end is the credit of
    a quotation before it when no verb of saying comes between."""
    k = max(text.rfind("\u2015", r.end, b), text.rfind("\u2014", r.end, b))
    if k < 0 or b - k > 160:
        return None  # (a signature is short and ends the paragraph)
    while k > r.end and text[k - 1] in "\u2015\u2014":
        k -= 1
    m = _END_SIGNATURE.match(text, k, b)
    if m is None or CUE_RE.search(text, r.end, k):
        return None
    sp = speaker_after(text, m.start(1), m.end(1))
    if sp is None or sp.kind != "person" or sp.start != m.start(1):
        return None
    return Credit(sp, None, how="signature")


# a line holding only a name and a title: "Lena Voss, harbour master of Ardena"
_NAME_LINE = re.compile(r"[ \t]*\(?([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){1,3})(?:,|[ \t]*\n)[ \t]*"
                        r"([^\n.!?:;()\u201c\u201d\"]{2,80}?)[ \t]*\.?\)?[ \t]*$")


def _name_line(text: str, a: int, b: int) -> Credit | None:
    m = _NAME_LINE.match(text, a, b)
    if m is None or len(m.group(2).split()) > 10:
        return None
    sp = speaker_after(text, m.start(1), m.end(1))
    if sp is None or sp.kind != "person" or sp.start != m.start(1) or sp.end != m.end(1):
        return None
    sp.title = sp.title or m.group(2).strip()
    return Credit(sp, None, how="signature")


# “…” was Ana Ruiz’s reply; “…” That is how Ruiz put it. / That's what Ruiz told them.
_OWNED_REPLY = re.compile(r"[ \t]+(?:was|is|came)[ \t]+")
_AFTERWORD = re.compile(r"[ \t]*(?:That|This|Those|These|Such)(?:['\u2019]s|[ \t]+(?:is|was|were|are))[ \t]+"
                        r"(?:what|how|the[ \t]+(?:words|verdict|view|message|assessment|reaction)[ \t]+of)[ \t]+"
                        r"|[ \t]*So[ \t]+(?:said|says)[ \t]+"
                        r"|[ \t]*(?:The|Those|These|Such)[ \t]+(?:remarks|comments|comment|words|statement|message|plea)"
                        r"[ \t]+came[ \t]+from[ \t]+")


def _afterword(text: str, r: Region, b: int, paras) -> Credit | None:
    """A credit after a finished quotation that points back at it: “…” was Ruiz’s reply;
    “…” That is how Ruiz put it; a quotation paragraph, then "That's what Ruiz told them." """
    m = _OWNED_REPLY.match(text, r.end, b)
    if m is not None:
        own = _OWNED_NOUN.match(text, m.end(), b)
        if own is not None:
            sp = speaker_after(text, m.end(), own.end(1))
            if sp is not None and sp.kind in ("person", "organisation"):
                return Credit(sp, own.group(2), how="afterword")
        of = _THE_WORD_OF.match(text, m.end(), b)
        if of is not None:  # “…” was the message from Ruiz
            sp = speaker_after(text, of.end(), b)
            if sp is not None and sp.kind in ("person", "organisation") and sp.start == of.end():
                return Credit(sp, of.group(1), how="afterword")
        return None
    p = r.end
    if not text[p:b].strip():  # a quotation ending its paragraph: the next paragraph's opening
        if r.para + 1 >= len(paras) or text[paras[r.para][0]:r.open_pos].strip(" \t>*-#"):
            return None
        p, b = paras[r.para + 1]
    m = _AFTERWORD.match(text, p, b)
    if m is None:
        return _next_paragraph_owner(text, p, b) if p != r.end else None
    sp = speaker_after(text, m.end(), b)
    if sp is None or sp.kind not in ("person", "organisation") or sp.start != m.end():
        return None
    return Credit(sp, m.group().strip(), how="afterword")


# “…” was the message from Ruiz; “…” is the verdict of the guild
_THE_WORD_OF = re.compile(r"the[ \t]+(message|reply|response|answer|verdict|view|word|reaction|assessment|warning)"
                          r"[ \t]+(?:from|of)[ \t]+")
# the paragraph after a quotation paragraph names who spoke it: "Ruiz, the union leader, made
# the remarks at a rally"; "Ruiz's remarks drew applause"
_MADE_THE = re.compile(r"(?:[ \t]*,[^,.;:!?\n\u201c\u201d\"]{1,80},)?[ \t]+(?:made|delivered|offered|gave)[ \t]+"
                       r"(?:the|those|these|his|her|their)[ \t]+(?:remarks|comments|comment|statement|plea|appeal)\b")
_OWNER_HINT = re.compile(r"remarks|comments|comment|statement|words|plea|appeal")
_OWNED_WORDS = re.compile(r"(?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}([A-Z][\w.-]*)(?:'s|\u2019s)[ \t]+"
                          r"(remarks|comments|words|statement)\b")


def _next_paragraph_owner(text: str, p: int, b: int) -> Credit | None:
    while p < b and text[p] in " \t":
        p += 1
    if _OWNER_HINT.search(text, p, min(b, p + 160)) is None:
        return None
    own = _OWNED_WORDS.match(text, p, b)
    if own is not None:
        sp = speaker_after(text, p, own.end(1))
        if sp is not None and sp.kind in ("person", "organisation") and sp.start == p:
            return Credit(sp, own.group(2), how="afterword")
        return None
    sp = speaker_after(text, p, b)
    if sp is None or sp.kind not in ("person", "organisation") or sp.start != p:
        return None
    made = _MADE_THE.match(text, sp.end, b)
    return Credit(sp, "made the remarks", how="afterword") if made is not None else None


_OWNED_NOUN = re.compile(r"(?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}([A-Z][\w.-]*)(?:'s|\u2019s)[ \t]+"
                         r"(?:[a-z-]+[ \t]+)?(reply|response|answer|verdict|retort|message|reaction|assessment|"
                         r"explanation|comment|words|advice|warning|promise)\b")


def signature_line(text: str, a: int, b: int) -> bool:
    """The paragraph a..b is a signature: "— Lena Voss, Ardena"."""
    return _SIGNATURE.match(text, a, b) is not None


_LINE_REST = re.compile(r"[ \t]*(?:,[^\n]{0,60}?)?[ \t]*\.?[ \t]*$")


_LINE_LEAD = re.compile(r"[ \t]*(?:(?:So|Thus)[ \t]+(?=[a-z])|(?:That|This|Such)[ \t]+(?:was|is)[ \t]+(?:the[ \t]+)?"
                        r"((?:verdict|view|assessment|word|words|message|warning|reaction)[ \t]+(?:of|from))[ \t]+)")


def _credit_line(text: str, a: int, b: int) -> Credit | None:
    """A block quote credited by the line after it: "Mara Quell said." or "said Mara Quell,
    the harbour master." (nothing else on the line); "So says Mara Quell."; "That was the
    verdict of Mara Quell, the harbour master." """
    lead = _LINE_LEAD.match(text, a, b)
    if lead is not None:
        a = lead.end()
        if lead.group(1):  # "That was the verdict of …": the name follows
            sp = speaker_after(text, a, b)
            if sp is None or sp.start != a or sp.kind == "pronoun" or not _LINE_REST.match(text, sp.end, b):
                return None
            return Credit(sp, None, how="signature")
    cue = POST_CUE_RE.match(text, a, b)
    if cue is not None:  # said Mara Quell
        sp = speaker_after(text, _skip_space(text, cue.end(), b), b)
        rest = sp.end if sp is not None else b
    else:  # Mara Quell said
        cue = POST_CUE_RE.search(text, a, b)
        sp = speaker_before(text, a, cue.start()) if cue is not None else None
        if sp is None or text[a:sp.start].strip():
            return None
        rest = cue.end() if cue is not None else b
    if sp is None or cue is None or sp.kind == "pronoun" or not _LINE_REST.match(text, rest, b):
        return None
    return Credit(sp, cue.group(0), how="signature")


def _skip_space(text: str, p: int, b: int) -> int:
    while p < b and text[p] in " \t":
        p += 1
    return p


# A roundup line: "Polls tighten - Lena Voss: “…”", "Ana Ruiz, Harbour Courier: “…”" (also the
# next label on the line, right after a quotation)
_ROUNDUP = re.compile(r"(?:(?<![^\n])|[ \t][-\u2013\u2014][ \t]?|(?<=[\u201d\"]))[ \t]*([A-Z][^-\u2013\u2014:\n.!?\u201c\u201d\"]{1,90}?):[ \t]*$")
# "More from Lena Voss:", "From Lena Voss:": the label's name after its lead
_FROM_LEAD = re.compile(r"(?:More[ \t]+)?[Ff]rom[ \t]+(?=[A-Z])")


_TITLE_SAID = re.compile(r"[ \t](?:Said|Says|Tells|Told|Warns|Warned|Argues|Claims|Insists|Writes|Wrote)"
                         r"(?:[ \t]+That)?(?=[ \t])")


def _roundup_label(text: str, r: Region, a: int, prev_end: int) -> Credit | None:
    lo = max(a, prev_end, text.rfind("\n", a, r.open_pos) + 1, r.open_pos - 120)  # a label is short
    m = _ROUNDUP.search(text, lo, r.open_pos)
    if m is None:
        return None
    label = m.group(1).strip()
    base = m.start(1)
    lead_m = _FROM_LEAD.match(label)
    if lead_m is not None:
        label, base = label[lead_m.end():], base + lead_m.end()
    words = label.split()
    said = _TITLE_SAID.search(label)
    if said and said.start() > 0:
        # a Title-Case summary line: "Ana Ruiz Says The Dam Will Hold: “…”"
        sp = speaker_before(label, 0, said.start())
        if sp is not None and sp.kind == "person":
            return Credit(Speaker(sp.name, "person", base + sp.start, base + sp.end), said.group().strip(),
                          how="roundup")
    if not 1 <= len(words) <= 7 or not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "at", "de", "al")
                                           or w.endswith(",") and w[:1].isupper() for w in words):
        return None
    name = label.split(",")[0].strip()
    lead = name.split()[0]
    if len(name.split()) > 1 and (lead.lower() in CUE_FORMS or lead.lower() in AMBIGUOUS_FORMS) \
            and lead.lower().endswith("s"):
        # "Says Dana Holt: “…”", "Writes Lena Voss:": an inverted credit, the name after the verb
        name = name[len(lead):].lstrip()
        return Credit(Speaker(name, "person", base + label.index(name), base
                              + label.index(name) + len(name)), lead.lower(), how="roundup")
    sp = Speaker(name, "person", base, base + len(name))
    return Credit(sp, ":", how="roundup")


# A roundup or newsletter line: an upper-case headline right before the quotation
# ("HOW THE VOTE WAS WON “…”") is the label the quotation is filed under.
_HEADLINE = re.compile(r"(?<![^\n])([A-Z0-9][A-Z0-9 ,.'\u2019\u2018:;&$%?!-]{12,}?)[ \t]*$")


def _headline_label(text: str, r: Region, a: int) -> Credit | None:
    lo = max(a, text.rfind("\n", a, r.open_pos) + 1)
    if r.open_pos - lo > 200:
        return None  # a headline is short and starts its line
    m = _HEADLINE.search(text, lo, r.open_pos)
    if not m or len(m.group(1).split()) < 3:
        return None
    return Credit(Speaker(m.group(1).strip(), "organisation", m.start(1), m.start(1) + len(m.group(1).strip())),
                  None, how="headline")
