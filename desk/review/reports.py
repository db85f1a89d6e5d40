"""Who is quoted, how much of it is checked, how much is anonymous: per article and for
the whole library. Plain records with to_dict() for JSON and format_* for text. The
library report reads each article's stored check result (desk.review.results) and checks
again only the articles whose inputs changed.

Quotations tagged "not a quotation" and tags whose quotation has left the text are
not counted. A quotation is anonymous when its source is registered as anonymous or the
checks engine reads its speaker as an anonymous descriptor ("a senior official").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from desk.model import QUOTE_STATUSES
from desk.review.results import Progress, compute, library_results
from desk.storage.check_results import StoredResult

NOT_RECORDED = "(not recorded)"


@dataclass
class SourceLine:
    source_id: int
    name: str
    kind: str
    organisation: str
    role: str
    quotations: int = 0
    articles: int = 0
    by_status: dict = field(default_factory=dict)


@dataclass
class SpeakerLine:
    """A speaker not in the registry (named in the text only), or an anonymous one."""

    speaker: str
    quotations: int
    source_id: int | None = None


@dataclass
class ReviewerLine:
    """An editor who reviewed (tagged, verified, disputed) some of an article's quotations."""

    editor: str
    quotations: int


@dataclass
class ArticleReport:
    article_id: int
    headline: str
    status: str
    quotations: int
    by_status: dict
    sources: list[SourceLine]
    unregistered: list[SpeakerLine]
    anonymous: list[SpeakerLine]
    unattributed: int
    orphaned: int
    updated_by: str = ""  # the editor of the article's last change ('' not recorded)
    reviewers: list[ReviewerLine] = field(default_factory=list)  # most quotations first

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class GroupLine:
    name: str
    sources: int
    quotations: int


@dataclass
class LibraryReport:
    articles: int  # articles with at least one quotation
    quotations: int
    by_status: dict
    most_quoted: list[SourceLine]
    anonymous_quotations: int
    anonymous_share: float  # of all quotations, 0..1
    registered_sources_quoted: int
    anonymous_sources_quoted: int  # registered sources of kind anonymous
    by_kind: list[GroupLine]
    by_organisation: list[GroupLine]
    by_role: list[GroupLine]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Counted:
    """One counted quotation: the row plus what the engine said about its speaker."""

    article_id: int
    source_id: int | None
    speaker: str | None
    status: str
    anonymous: bool


def _counted(result: StoredResult, sources: dict) -> list[_Counted]:
    out = []
    for source_id, speaker, status, speaker_kind in result.items:
        src = sources.get(source_id)
        anonymous = (src is not None and src.kind == "anonymous") or \
            (src is None and speaker_kind == "anonymous")
        out.append(_Counted(result.article_id, source_id, speaker, status, anonymous))
    return out


def _status_counts(items) -> dict:
    c = Counter(i.status for i in items)
    return {s: c.get(s, 0) for s in QUOTE_STATUSES if s != "not-a-quote"}


def _source_lines(items: list[_Counted], sources: dict) -> list[SourceLine]:
    by_source: dict[int, list[_Counted]] = defaultdict(list)
    for i in items:
        if i.source_id is not None and i.source_id in sources:
            by_source[i.source_id].append(i)
    lines = []
    for sid, these in by_source.items():
        s = sources[sid]
        lines.append(SourceLine(sid, s.name, s.kind, s.organisation, s.role, quotations=len(these),
                                articles=len({i.article_id for i in these}),
                                by_status=_status_counts(these)))
    lines.sort(key=lambda line: (-line.quotations, line.name.casefold()))
    return lines


def _sources(lib) -> dict:
    return {s.id: s for s in lib.sources.list()}


def article_report(lib, article_id: int) -> ArticleReport:
    """Syncs the article's quotation tags, then reports on them."""
    sources = _sources(lib)
    result = compute(lib, article_id, "")
    items, orphans = _counted(result, sources), result.orphaned
    article = lib.articles.get(article_id, include_deleted=True)
    unregistered = Counter(i.speaker for i in items
                           if i.source_id is None and i.speaker and not i.anonymous)
    anonymous = Counter((sources[i.source_id].name if i.source_id in sources else i.speaker or "?",
                         i.source_id) for i in items if i.anonymous)
    return ArticleReport(
        article_id=article_id, headline=article.headline, status=article.status,
        quotations=len(items), by_status=_status_counts(items),
        sources=_source_lines(items, sources),
        unregistered=[SpeakerLine(s, n) for s, n in unregistered.most_common()],
        anonymous=[SpeakerLine(s, n, sid) for (s, sid), n in anonymous.most_common()],
        unattributed=sum(1 for i in items if i.source_id is None and not i.speaker),
        orphaned=orphans, updated_by=article.updated_by, reviewers=_reviewers(lib, article_id))


def _reviewers(lib, article_id: int) -> list[ReviewerLine]:
    """Who reviewed the article's quotations (orphaned rows too: their work is kept)."""
    names = Counter(q.reviewed_by for q in lib.quotes.list(article_id=article_id)
                    if q.reviewed_by)
    return [ReviewerLine(name, n) for name, n in
            sorted(names.items(), key=lambda item: (-item[1], item[0].casefold()))]


def _groups(items: list[_Counted], sources: dict, attr: str) -> list[GroupLine]:
    quotes: Counter = Counter()
    members: dict[str, set] = defaultdict(set)
    for i in items:
        if i.source_id in sources:
            name = getattr(sources[i.source_id], attr).strip() or NOT_RECORDED
            quotes[name] += 1
            members[name].add(i.source_id)
    lines = [GroupLine(name, len(members[name]), n) for name, n in quotes.items()]
    lines.sort(key=lambda g: (g.name == NOT_RECORDED, -g.quotations, g.name.casefold()))
    return lines


def library_report(lib, *, top: int = 10, progress: Progress | None = None) -> LibraryReport:
    """Across every article not in the trash (each article's quotations matched to its
    stored tags as a save would sync them, without writing them). Reads the stored check
    results (desk.review.results); only articles whose inputs changed are checked, and
    ``progress(done, total)`` follows those checks."""
    sources = _sources(lib)
    items: list[_Counted] = []
    for result in library_results(lib, progress=progress):
        items.extend(_counted(result, sources))
    anonymous = sum(1 for i in items if i.anonymous)
    quoted = {i.source_id for i in items if i.source_id in sources}
    return LibraryReport(
        articles=len({i.article_id for i in items}), quotations=len(items),
        by_status=_status_counts(items), most_quoted=_source_lines(items, sources)[:top],
        anonymous_quotations=anonymous,
        anonymous_share=round(anonymous / len(items), 4) if items else 0.0,
        registered_sources_quoted=len(quoted),
        anonymous_sources_quoted=sum(1 for s in quoted if sources[s].kind == "anonymous"),
        by_kind=_groups(items, sources, "kind"),
        by_organisation=_groups(items, sources, "organisation"),
        by_role=_groups(items, sources, "role"))


# -- text -------------------------------------------------------------------------------
def _statuses(by_status: dict) -> str:
    return ", ".join(f"{n} {s}" for s, n in by_status.items() if n) or "none"


def format_article_report(r: ArticleReport) -> str:
    lines = [f"#{r.article_id} {r.headline or '(no headline)'} [{r.status}]",
             f"quotations: {r.quotations} ({_statuses(r.by_status)})"]
    if r.sources:
        lines.append("sources quoted:")
        for s in r.sources:
            extra = ", ".join(x for x in (s.role, s.organisation) if x)
            lines.append(f"  {s.quotations:>3}  {s.name} (#{s.source_id}{', ' + extra if extra else ''})"
                         f" - {_statuses(s.by_status)}")
    if r.unregistered:
        lines.append("speakers not in the registry:")
        lines.extend(f"  {s.quotations:>3}  {s.speaker}" for s in r.unregistered)
    if r.anonymous:
        lines.append("anonymous sources:")
        lines.extend(f"  {s.quotations:>3}  {s.speaker}" for s in r.anonymous)
    else:
        lines.append("anonymous sources: none")
    if r.unattributed:
        lines.append(f"unattributed quotations: {r.unattributed}")
    if r.orphaned:
        lines.append(f"tags whose quotation left the text: {r.orphaned}")
    if r.reviewers:
        lines.append("reviewed by: " + ", ".join(f"{line.editor} ({line.quotations})"
                                                 for line in r.reviewers))
    if r.updated_by:
        lines.append(f"last changed by: {r.updated_by}")
    return "\n".join(lines)


def format_library_report(r: LibraryReport) -> str:
    lines = [f"quotations: {r.quotations} in {r.articles} article(s) ({_statuses(r.by_status)})",
             f"anonymous: {r.anonymous_quotations} quotation(s), {r.anonymous_share:.0%} of all",
             f"registered sources quoted: {r.registered_sources_quoted}"]
    if r.most_quoted:
        lines.append("most quoted:")
        lines.extend(f"  {s.quotations:>3}  {s.name} ({s.articles} article(s))" for s in r.most_quoted)
    for title, groups in (("by kind", r.by_kind), ("by organisation", r.by_organisation),
                          ("by role", r.by_role)):
        if groups:
            lines.append(f"{title}:")
            lines.extend(f"  {g.quotations:>3}  {g.name} ({g.sources} source(s))" for g in groups)
    return "\n".join(lines)
