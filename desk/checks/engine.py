"""One entry point for every check on an article's text (CLI, live editor, export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from desk.checks.attribution import analyse
from desk.checks.boilerplate import boilerplate_problems
from desk.languages import language as table_entry
from desk.model import Problem, QuoteSpan, SourceRef, TaggedQuote
from desk.text import word_count


@dataclass
class CheckReport:
    words: int
    quotes: list[QuoteSpan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # quotations an editor marked "not a quotation": left out of quotes and of to_dict
    not_quotes: list[QuoteSpan] = field(default_factory=list)
    # with explain=True: per quotation (by start, end), its candidates and confidence
    explain: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        quotes = [q.to_dict() for q in self.quotes]
        out = {"words": self.words, "quotes": quotes, "problems": [p.to_dict() for p in self.problems]}
        if self.explain:
            by_span = {(e["start"], e["end"]): e for e in self.explain}
            for q in quotes:
                e = by_span.get((q["start"], q["end"]))
                if e is not None:
                    q["confidence"] = e["confidence"]
                    q["candidates"] = e["candidates"]
            out["explain"] = True
        return out

    @property
    def all_quotes(self) -> list[QuoteSpan]:
        """Every quotation in the text, "not a quotation" ones included, in text order: what
        the tag-following sync (desk.review.reattach.sync_quotes) needs."""
        if not self.not_quotes:
            return list(self.quotes)
        return sorted([*self.quotes, *self.not_quotes], key=lambda q: (q.start, q.end))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def speaker_words(quotes: Iterable[QuoteSpan]) -> set[str]:
    """Words of the identified speakers' names, to be accepted by the spelling check."""
    words: set[str] = set()
    for q in quotes:
        if q.speaker and q.speaker_kind in ("person", "organisation"):
            for w in q.speaker.replace("\u2019", "'").split():
                w = w.strip(".,;:()\"'")
                if w[:1].isupper():
                    words.add(w)
    return words


#: 1,000,000 characters is ~170,000 words: seventeen very long features. Checking is
#: linear in spelling, boilerplate and Markdown spans; the cap bounds what is not (a 19 MB
#: file took 129 s and 1.75 GB in `desk check`).
MAX_CHECK_CHARS = 1_000_000


def check_limit(text: str) -> int:
    """Where checking stops: the whole text, or the last line break before the cap."""
    if len(text) <= MAX_CHECK_CHARS:
        return len(text)
    cut = text.rfind("\n", 0, MAX_CHECK_CHARS)
    return cut + 1 if cut >= MAX_CHECK_CHARS // 2 else MAX_CHECK_CHARS


def check_text(
    text: str,
    *,
    sources: Sequence[SourceRef] = (),
    tagged: Sequence[TaggedQuote] = (),
    dictionary: frozenset[str] | set[str] = frozenset(),
    language: str = "en-US",
    spelling: bool = True,
    suggestions: bool = True,
    explain: bool = False,
) -> CheckReport:
    """Run all checks on text; problems come back sorted by start offset. A text longer
    than MAX_CHECK_CHARS is checked up to a line break near that length, and a warning
    says where the unchecked rest begins."""
    full = text
    cut = check_limit(text)
    if cut < len(text):
        text = text[:cut]
    # The language's primary marks (desk.languages): single marks in British and Australian
    # style; otherwise single-quoted quotations are found only in a text with no double marks
    single = table_entry(language).single_quotes
    result = analyse(text, sources, tagged, single_quotes=True if single else None, explain=explain)
    problems: list[Problem] = list(result.problems)
    problems.extend(boilerplate_problems(text))

    # --- spelling --------------------------------------------------------------------
    # Accepted: the personal dictionary, every source name and alias, the speakers' names
    # that are not one edit from a common word, and the full names the article introduces.
    if spelling:
        from desk.checks.spelling import check_spelling, likely_names

        accepted = set(dictionary) | likely_names(speaker_words(result.quotes), language) | result.names
        for src in sources:
            accepted.add(src.name)
            accepted.update(src.aliases)
        problems.extend(
            check_spelling(text, accepted=accepted, language=language, suggest=suggestions)
        )
    # --- end of spelling block ----------------------------------------------------------

    if cut < len(full):
        problems.append(Problem(
            "too-long", "warning", cut, len(full),
            f"the text is {len(full):,} characters long; checks stop here, after the first "
            f"{cut:,} (desk checks up to {MAX_CHECK_CHARS:,})", ("",)))
    problems.sort(key=lambda p: (p.start, p.end, p.kind))
    return CheckReport(words=word_count(full), quotes=result.quotes, problems=problems,
                       not_quotes=result.not_quotes, explain=result.explain)
