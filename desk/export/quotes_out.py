"""The quote sheet for fact-checkers, as CSV (UTF-8 with a BOM, so Excel and LibreOffice
read it without being told the encoding), as an XLSX workbook (XlsxWriter: header row,
column widths, wrapped quotations, frozen header) and as a printable HTML page: every
quotation, who said it, how to reach them, how far it is checked, and what the checks
found wrong with it. Unlike the article formats it carries source contact details: it is
an internal document.

A quotation is shown as written: a closed one by its words, an unclosed one from its
opening mark to where its paragraph ends, never with a closing mark the article lacks
(its Notes cell says it is not closed). The sheets are not gated by the article's
problems (desk.export.gate): they are how the problems are worked through."""

from __future__ import annotations

import csv
import html
import io
import unicodedata
from collections import Counter
from datetime import datetime, timezone

from desk.export.base import ExportData, QuoteRow
from desk.export.gate import line_of
from desk.export.render import display_byline
from desk.model import Problem

COLUMNS = ("No.", "Line", "Quotation", "Speaker", "Source", "Title", "Organisation", "Contact",
           "Status", "Notes", "Origin", "Recorded original", "Reviewer note", "Reviewed by",
           "Reviewed at")
# The problems that are about the quotation itself, named in its Notes cell.
NOTE_KINDS = ("unclosed-quote", "mismatched-marks", "unattributed-quote", "misquote")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r",
                  "\uff1d", "\uff0b", "\uff0d", "\uff20",  # full-width ＝ ＋ － ＠
                  "\ufe66", "\ufe62", "\ufe63", "\ufe6b")  # small ﹦ ﹢ ﹣ ﹫


def sheet_rows(data: ExportData) -> list[dict]:
    """One dict per quotation, keyed by COLUMNS; shared by the three sheets and the tests."""
    body = data.article.body
    out = []
    for number, q in enumerate(data.quotes, 1):
        src = q.source
        out.append({
            "No.": str(number),
            "Line": str(line_of(body, q.start)) if q.start is not None else "",
            "Quotation": as_written(q, body),
            "Speaker": q.speaker or "",
            "Source": src.name if src else "",
            "Title": src.title if src else "",
            "Organisation": src.organisation if src else "",
            "Contact": src.contact if src else "",
            "Status": q.status,
            "Notes": notes(q, data.problems),
            "Origin": q.origin or "",
            "Recorded original": q.original or "",
            "Reviewer note": q.note or "",
            "Reviewed by": q.reviewed_by or "",
            "Reviewed at": (q.reviewed_at or "")[:16].replace("T", " "),
        })
    return out


def as_written(q: QuoteRow, body: str) -> str:
    """A closed quotation's words; an unclosed one exactly as the article has it, opening
    mark included, up to where its region (its paragraph) ends."""
    if q.closed or q.start is None or q.end is None or not 0 <= q.start < q.end <= len(body):
        return q.text
    return body[q.start:q.end].rstrip()


def notes(q: QuoteRow, problems: list[Problem]) -> str:
    """The quotation's own problems, one after another: 'error: quotation is not closed …'."""
    if q.start is None:
        return ""
    end = q.end if q.end is not None else q.start + 1
    found = [p for p in problems
             if p.kind in NOTE_KINDS and q.start <= p.start < max(end, q.start + 1)]
    return "; ".join(f"{p.severity}: {p.message}" for p in found)


def _needs_guard(value: str) -> bool:
    """Whether a spreadsheet would read the cell as a formula (see _cell)."""
    return value.startswith(_FORMULA_START) or _visible_start(value).startswith(_FORMULA_START)


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula (a quotation "=HYPERLINK(...)", but
    also a phone number "+27 21 ...", which Excel turns into #NULL!); a leading apostrophe
    makes them text. Leading spaces (and invisible characters) do not stop a spreadsheet
    from reading " =1+1" as a formula, nor does the full-width form "＝1+1"."""
    return "'" + value if _needs_guard(value) else value


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
    # The BOM makes Excel and LibreOffice Calc read the file as UTF-8 (curly quotes, accents,
    # dashes) without the editor choosing an encoding.
    return out.getvalue().encode("utf-8-sig")


# Column widths in characters, and the columns whose long text wraps inside the cell.
XLSX_WIDTHS = {"No.": 5, "Line": 6, "Quotation": 60, "Speaker": 22, "Source": 22, "Title": 22,
               "Organisation": 24, "Contact": 20, "Status": 12, "Notes": 40, "Origin": 16,
               "Recorded original": 50, "Reviewer note": 36, "Reviewed by": 16, "Reviewed at": 17}
XLSX_WRAPPED = ("Quotation", "Notes", "Recorded original", "Reviewer note")
XLSX_NUMBERS = ("No.", "Line")
_STATUS_FILL = {"verified": "#E3F4E3", "disputed": "#FBE3E3", "unverified": "#FFF6D8"}


def render_xlsx(data: ExportData) -> bytes:
    """A workbook with one sheet, "Quotes". Every text is written as a string cell
    (write_string: never a formula, number or link, whatever it starts with); a text that
    would run as a formula once edited also gets the quote prefix, Excel's own invisible
    leading apostrophe, so the cell holds exactly the words and stays text."""
    import xlsxwriter

    a = data.article
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False})
    book.set_properties({"title": f"Quote sheet: {a.headline}", "subject": f"Article {a.id}",
                         "comments": "Quote sheet made by desk"})
    sheet = book.add_worksheet("Quotes")
    base = {"valign": "top", "font_size": 10}
    formats: dict[tuple[bool, bool, str], object] = {}

    def fmt(*, wrap: bool = False, guard: bool = False, fill: str = ""):
        if (wrap, guard, fill) not in formats:
            props = dict(base, text_wrap=wrap, quote_prefix=guard)
            if fill:
                props["bg_color"] = fill
            formats[(wrap, guard, fill)] = book.add_format(props)
        return formats[(wrap, guard, fill)]

    header = book.add_format(dict(base, bold=True, bg_color="#EEEEEE", bottom=1, text_wrap=True))
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, name, header)
        sheet.set_column(col, col, XLSX_WIDTHS.get(name, 16))
    rows = sheet_rows(data)
    for r, row in enumerate(rows, 1):
        for col, name in enumerate(COLUMNS):
            value = row[name]
            if name in XLSX_NUMBERS and value.isdigit():
                sheet.write_number(r, col, int(value), fmt())
            elif value:
                fill = _STATUS_FILL.get(value, "") if name == "Status" else ""
                sheet.write_string(r, col, value, fmt(wrap=name in XLSX_WRAPPED,
                                                      guard=_needs_guard(value), fill=fill))
    sheet.freeze_panes(1, 0)  # the header stays in sight while scrolling
    sheet.autofilter(0, 0, max(len(rows), 1), len(COLUMNS) - 1)
    sheet.set_landscape()
    sheet.repeat_rows(0)  # and on every printed page
    book.close()
    return out.getvalue()


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
    for q, r in zip(data.quotes, rows):
        reviewed = r["Reviewed by"] + (f" {r['Reviewed at']}" if r["Reviewed at"] else "")
        cells = [r["No."], r["Line"]]
        # a closed quotation between quotation marks; an unclosed one as written (its own
        # opening mark, no closing mark added)
        quotation = f"“{e(r['Quotation'])}”" if q.closed else e(r["Quotation"])
        body.append(
            f'<tr class="status-{e(r["Status"])}">'
            + "".join(f"<td>{e(c)}</td>" for c in cells)
            + f'<td class="quote">{quotation}</td>'
            + (f"<td>{e(r['Speaker'])}</td>" if r["Speaker"] or r["Source"]
               else '<td class="missing">no speaker</td>')
            + "".join(f"<td>{e(r[c])}</td>" for c in ("Source", "Title", "Organisation",
                                                      "Contact", "Status"))
            + f'<td class="small">{e(r["Notes"])}</td><td>{e(r["Origin"])}</td>'
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
