"""The quote sheet for fact-checkers, as CSV (opens in Excel/LibreOffice/Sheets) and as a
printable HTML page: every quotation, who said it, how to reach them, and how far it is
checked. Unlike the article formats it carries source contact details: it is an
internal document."""

from __future__ import annotations

import csv
import html
import io
import unicodedata
from collections import Counter
from datetime import datetime, timezone

from desk.export.base import ExportData
from desk.export.gate import line_of
from desk.export.render import display_byline

COLUMNS = ("No.", "Line", "Quotation", "Speaker", "Source", "Title", "Organisation", "Contact",
           "Status", "Origin", "Recorded original", "Reviewer note", "Reviewed by", "Reviewed at")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r",
                  "\uff1d", "\uff0b", "\uff0d", "\uff20",  # full-width ＝ ＋ － ＠
                  "\ufe66", "\ufe62", "\ufe63", "\ufe6b")  # small ﹦ ﹢ ﹣ ﹫


def sheet_rows(data: ExportData) -> list[dict]:
    """One dict per quotation, keyed by COLUMNS; shared by both sheets and the tests."""
    body = data.article.body
    out = []
    for number, q in enumerate(data.quotes, 1):
        src = q.source
        out.append({
            "No.": str(number),
            "Line": str(line_of(body, q.start)) if q.start is not None else "",
            "Quotation": q.text,
            "Speaker": q.speaker or "",
            "Source": src.name if src else "",
            "Title": src.title if src else "",
            "Organisation": src.organisation if src else "",
            "Contact": src.contact if src else "",
            "Status": q.status,
            "Origin": q.origin or "",
            "Recorded original": q.original or "",
            "Reviewer note": q.note or "",
            "Reviewed by": q.reviewed_by or "",
            "Reviewed at": (q.reviewed_at or "")[:16].replace("T", " "),
        })
    return out


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula (a quotation "=HYPERLINK(...)", but
    also a phone number "+27 21 ...", which Excel turns into #NULL!); a leading apostrophe
    makes them text. Leading spaces (and invisible characters) do not stop a spreadsheet
    from reading " =1+1" as a formula, nor does the full-width form "＝1+1"."""
    if value.startswith(_FORMULA_START) or _visible_start(value).startswith(_FORMULA_START):
        return "'" + value
    return value


def _visible_start(value: str) -> str:
    i = 0
    while i < len(value) and (value[i].isspace() or unicodedata.category(value[i]) in ("Cf", "Cc")):
        i += 1
    return value[i:]


def render_csv(data: ExportData) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in sheet_rows(data):
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    # The BOM makes Excel read the file as UTF-8 (curly quotes, accents) instead of guessing.
    return out.getvalue().encode("utf-8-sig")


SHEET_CSS = """
body { font: 10pt/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; margin: 1.5em; }
h1 { font-size: 15pt; margin: 0 0 .2em; }
.meta { color: #444; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.quote { font-family: "DejaVu Serif", Georgia, serif; min-width: 16em; }
.status-verified { background: #e3f4e3; }
.status-disputed { background: #fbe3e3; }
.status-unverified { background: #fff6d8; }
.small { color: #555; font-size: 9pt; }
.missing { color: #a00; font-style: italic; }
@page { size: A4 landscape; margin: 1.2cm; }
@media print { body { margin: 0; } tr { page-break-inside: avoid; } }
""".strip()


def render_html(data: ExportData) -> bytes:
    a, e = data.article, html.escape
    rows = sheet_rows(data)
    counts = Counter(r["Status"] for r in rows)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no quotations"
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    meta = [f"Article {a.id}", a.status]
    if a.byline:
        meta.append(display_byline(a.byline))
    meta += [f"{len(rows)} quotations: {summary}", f"sheet made {stamp}"]
    head = "".join(f"<th>{e(c)}</th>" for c in COLUMNS if c != "Reviewed at")
    body = []
    for r in rows:
        reviewed = r["Reviewed by"] + (f" {r['Reviewed at']}" if r["Reviewed at"] else "")
        cells = [r["No."], r["Line"]]
        body.append(
            f'<tr class="status-{e(r["Status"])}">'
            + "".join(f"<td>{e(c)}</td>" for c in cells)
            + f'<td class="quote">“{e(r["Quotation"])}”</td>'
            + (f"<td>{e(r['Speaker'])}</td>" if r["Speaker"] or r["Source"]
               else '<td class="missing">no speaker</td>')
            + "".join(f"<td>{e(r[c])}</td>" for c in ("Source", "Title", "Organisation",
                                                      "Contact", "Status", "Origin"))
            + f'<td class="quote">{e(r["Recorded original"])}</td>'
            + f'<td>{e(r["Reviewer note"])}</td><td class="small">{e(reviewed.strip())}</td></tr>')
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>Quote sheet: {e(a.headline)}</title>\n<style>\n{SHEET_CSS}\n</style>\n</head>\n"
        f"<body>\n<h1>Quote sheet: {e(a.headline)}</h1>\n"
        f"<p class=\"meta\">{' · '.join(e(m) for m in meta)}</p>\n"
        f"<table>\n<thead><tr>{head.replace('<th>Reviewed by</th>', '<th>Reviewed</th>')}</tr></thead>\n"
        f"<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</body>\n</html>\n")
    return page.encode("utf-8")
