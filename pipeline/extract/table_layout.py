"""Tables laid out in columns (pdftotext -layout): cells are runs of text two or more spaces apart.

- body lines: a label (at most two runs: 长  铝) then numbers. A small whole number in front
  of the label is the row's 序号 when most rows print one (an index column);
- columns, page by page: a layout dump sets each page on a grid of its own, so after a page
  break a table's columns may stand elsewhere. On a page, the value columns are the stretches
  its body lines' values share, between gutters blank on every body line of the page; the
  序号 column is the stretch the rows' index numbers share (a number standing there is the
  index even with no label beside it). A page's value columns are the fullest page's, in
  order, when it has as many (the first page's, before a page break that repeats no header);
  with fewer, the order-keeping match that best fits one stretch and shift of the page's grid
  (the labels' left edge a point of it), reported as `table-columns-matched`. A value is
  placed in the column it stands in, so a blank cell leaves its column empty;
- header: the lines above the first body line (at most MAX_LAYOUT_HEADER), up to a title
  (across the columns, or a line of one cell ending in 表), a unit line (单位：个, or a bare
  （个） with no header line of several cells above it), prose, 附件 or a line with numbers.
  Each header cell is read into the column it stands in, a wrapped cell's lines joined; a
  header cell standing right of every column is an empty column (备注). A header repeated
  after a page break is dropped; a stated total (合计) may be the first body row;
- a label-only line is a wrapped label: it goes with the row below when that row has no label
  of its own or when a blank line parts it from the row above, else with the row above.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Optional

from pipeline.extract.table_cells import SENTENCE_END, canonical, cell_to_number, is_unit_word
from pipeline.extract.table_grid import GridRows
from pipeline.extract.table_lines import ATTACHMENT, MIN_BODY_LINES, TextLine, grid_part, line_prov
from pipeline.model import Finding

TOKEN = re.compile(r"\S+(?: \S+)*")  # a cell: text whose words are at most one space apart
INDEX = re.compile(r"^\d{1,3}$")  # a 序号 cell
MAX_LAYOUT_HEADER = 8
MAX_LABEL_LINE = 12
MAX_LAYOUT_LABEL = 24


@dataclass
class Token:
    start: int
    end: int
    text: str


@dataclass
class Cells:
    """A body line's cells: the 序号, the label's runs and the values (numbers, marks, notes)."""

    index: Optional[Token]
    label: list[Token]
    values: list[Token]


@dataclass
class Page:
    """The columns of a table's body lines on one page."""

    lines: list[int]
    index: Optional[list[int]] = None  # the 序号 stretch
    label: list[int] = field(default_factory=lambda: [0, 0])  # the label stretch
    label_start: int = 0  # where the labels begin (pages shift by about as much as their labels)
    regions: list[list[int]] = field(default_factory=list)  # the value stretches
    columns: list[int] = field(default_factory=list)  # the table's value column of each region

    def bounds(self) -> list[list[int]]:
        return ([self.index] if self.index else []) + [self.label] + self.regions


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def _is_value(text: str) -> bool:
    return cell_to_number(text) is not None


def split_cells(text: str, index: bool = True) -> Cells:
    """The values start at the first number after the label; with `index`, a small whole number
    before a label is the 序号."""
    toks = tokens(text)
    lead = None
    if index and len(toks) >= 2 and INDEX.match(toks[0].text) and not _is_value(toks[1].text):
        lead, toks = toks[0], toks[1:]
    first = next((k for k, t in enumerate(toks) if _is_value(t.text)), len(toks))
    return Cells(lead, toks[:first], toks[first:])


def _layout_body(line: TextLine, min_numbers: int = 1) -> bool:
    text = line.text.strip()
    if SENTENCE_END.search(text) or ATTACHMENT.match(text):
        return False
    cells = split_cells(line.text)
    # a label may keep a wide space (长  铝), but prose with numbers is no row
    return sum(1 for t in cells.values if _is_value(t.text)) >= min_numbers and len(cells.label) <= 2 \
        and len(canonical(" ".join(t.text for t in cells.label))) <= MAX_LAYOUT_LABEL


def _unit_caption(text: str) -> bool:
    t = canonical(text)
    return bool(is_unit_word(t)) and ("单位" in t or t[:1] in "（(")


def layout_tables(lines: list[TextLine]) -> tuple[list[GridRows], list[Finding], set[int]]:
    parts, findings, used = [], [], set()
    i = 0
    while i < len(lines):
        if not _layout_body(lines[i], 2):
            i += 1
            continue
        first = i
        while first > 0 and _layout_body(lines[first - 1]) and lines[first - 1].block.id not in used:
            first -= 1  # a first row with one number
        part, top, end, part_findings = _read_layout(lines, first)
        if part is None:
            i += 1
            continue
        parts.append(part)
        findings += part_findings
        used |= {lines[k].block.id for k in range(top, end)}
        i = end
    return parts, findings, used


# ---------------------------------------------------------------- columns

def _regions(values: list[list[Token]]) -> list[list[int]]:
    """Column stretches [start, end): the tokens' spans merged where they overlap, so the
    gutters between them are blank on every line."""
    spans = sorted((t.start, t.end) for line in values for t in line)
    out: list[list[int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _place_token(tok: Token, regions: list[list[int]]) -> Optional[int]:
    """The column a token stands in: most overlap, else the nearest."""
    best, best_key = None, None
    for k, (a, b) in enumerate(regions):
        overlap = min(b, tok.end) - max(a, tok.start)
        distance = max(a - tok.end, tok.start - b, 0)
        key = (overlap > 0, overlap if overlap > 0 else -distance)
        if best_key is None or key > best_key:
            best, best_key = k, key
    return best


def _pages(lines: list[TextLine], body: list[int], cells: dict[int, Cells], index: bool) -> list[Page]:
    """The body lines page by page, each page's columns matched to the table's."""
    pages: list[Page] = []
    for k in body:
        if not pages or lines[k].page != lines[pages[-1].lines[-1]].page:
            pages.append(Page(lines=[]))
        pages[-1].lines.append(k)
    for page in pages:
        row_cells = [cells[k] for k in page.lines]
        if index:  # a page whose rows print no 序号 keeps an empty index column
            stretch = _regions([[c.index] for c in row_cells if c.index])
            page.index = [stretch[0][0], stretch[-1][1]] if stretch else [0, 0]
        if page.index:
            for c in row_cells:  # a number standing in the 序号 column is the index (19, its label wrapped)
                if c.index is None and not c.label and c.values and c.values[0].start < page.index[1] \
                        and _is_value(c.values[0].text) and INDEX.match(c.values[0].text):
                    c.index, c.values = c.values[0], c.values[1:]
        page.regions = _regions([c.values for c in row_cells])
        labels = [t for c in row_cells for t in c.label]
        first_value = page.regions[0][0] if page.regions else max((t.end for t in labels), default=0)
        # the label column reaches as far as the labels do: a header cell wider than its numbers
        # (户外劳动者服) still falls into the numbers' column
        label_end = min(max((t.end for t in labels), default=0), first_value) or first_value
        page.label = [page.index[1] if page.index else 0, label_end]
        page.label_start = min((t.start for t in labels), default=page.label[0])
    ref = max(pages, key=lambda p: len(p.regions))  # the earliest page with the most columns
    for page in pages:
        page.columns = _align(ref, page)
    return pages


def _align(ref: Page, page: Page) -> list[int]:
    """The reference column of each of the page's value stretches: in order when the counts
    agree. With fewer, the order-keeping match that best fits one stretch and shift of the
    page's grid (x_ref = a + b * x), the labels' left edge taken as a point of it."""
    if len(page.regions) == len(ref.regions) or not page.regions:
        return list(range(len(page.regions)))
    centers = [(a + b) / 2 for a, b in page.regions]
    targets = [(a + b) / 2 for a, b in ref.regions]

    def cost(choice: tuple[int, ...]) -> tuple[float, float]:
        xs = [page.label_start] + centers
        ys = [ref.label_start] + [targets[c] for c in choice]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 1.0
        if b <= 0:
            return float("inf"), 0.0
        residual = sum((y - my - b * (x - mx)) ** 2 for x, y in zip(xs, ys))
        return round(residual, 6), abs(b - 1)  # ties (one stretch): the least stretched

    return list(min(combinations(range(len(ref.regions)), len(page.regions)), key=cost))


# ---------------------------------------------------------------- one table

def _read_layout(lines: list[TextLine], start: int):
    body, end = _body_lines(lines, start)
    cells = {k: split_cells(lines[k].text) for k in body}
    rows_with_values = [k for k in body if cells[k].values]
    index = sum(1 for k in rows_with_values if cells[k].index) * 2 > len(rows_with_values)
    if not index:
        cells = {k: split_cells(lines[k].text, index=False) for k in body}
    full = [k for k in body if sum(1 for t in cells[k].values if _is_value(t.text)) >= 2]
    if len(full) < MIN_BODY_LINES:
        return None, start, start, []
    pages = _pages(lines, body, cells, index)
    page_of = {k: p for p in pages for k in p.lines}
    first = pages[0]
    bounds = first.bounds()
    lead = len(bounds) - len(first.regions)  # the 序号 and label columns
    width = max(len(p.regions) for p in pages)
    header = _header(lines, start, bounds)
    findings: list[Finding] = []
    for page in pages:
        if page.regions and len(page.regions) < width:
            k = page.lines[0]
            findings.append(Finding(
                code="table-columns-matched", severity="warning", stage="extract", prov=line_prov(lines[k]),
                message=f"page {lines[k].page}: values stand in {len(page.regions)} of the table's {width} "
                        f"columns; matched to columns {[c + 1 for c in page.columns]} by where they stand",
                data={"page": lines[k].page, "columns": page.columns}))
    # a header cell standing in no column and right of them all is an empty column (备注)
    extra: list[list[int]] = []
    for h in header:
        for t in tokens(lines[h].text):
            if all(min(b, t.end) - max(a, t.start) <= 0 for a, b in bounds + extra) \
                    and t.start > (bounds + extra)[-1][1]:
                extra.append([t.start, t.end])
    n = width + len(extra)

    def header_column(t: Token) -> int:
        k = _place_token(t, bounds + extra)
        if k < lead:
            return k
        if k < len(bounds):
            return lead + first.columns[k - lead]
        return lead + width + k - len(bounds)

    head_cells: list[list[str]] = [[] for _ in range(lead + n)]
    for h in header:
        for t in tokens(lines[h].text):
            head_cells[header_column(t)].append(t.text)
    rows: list[list[str]] = []
    provs = []
    if header:
        rows.append(["\n".join(c) for c in head_cells])
        provs.append(line_prov(lines[header[0]], 0))
    pending: list[str] = []
    for k in body:
        row = cells[k]
        label_text = " ".join(t.text for t in row.label)
        if not row.values and row.index is None:
            if _with_next(lines, k, cells) or len(rows) <= bool(header):
                pending.append(label_text)
            else:  # the rest of the row above's label, printed below it
                rows[-1][lead - 1] += "\n" + label_text
            continue
        if pending:
            label_text, pending = "\n".join(pending + ([label_text] if label_text else [])), []
        values = _place_values(lines[k], row, page_of[k], n, label_text, findings)
        rows.append(([row.index.text if row.index else ""] if index else []) + [label_text] + values)
        provs.append(line_prov(lines[k], len(rows) - 1))
    blocks = [lines[header[0]].block.id] if header else [lines[start].block.id]
    for h in header[1:]:
        if lines[h].block.id not in blocks:
            blocks.append(lines[h].block.id)
    if not header:
        findings.append(Finding(code="table-header-unknown", severity="warning", stage="extract", prov=provs[0],
                                message=f"text table at line {lines[start].line}: no header lines above it"))
    return grid_part(rows, provs, 1 if header else 0, blocks), (header[0] if header else start), end, findings


def _body_lines(lines: list[TextLine], start: int) -> tuple[list[int], int]:
    """Value lines, label-only lines (a wrapped label) and, skipped, page breaks' repeated headers."""
    body: list[int] = []
    header_keys: set[str] = set()
    k = start
    while k < len(lines):
        line = lines[k]
        if _layout_body(line):
            body.append(k)
        elif body and canonical(line.text) in header_keys:
            pass
        elif body and k + 1 < len(lines) and _repeated_header(lines, k, start):
            n = _repeated_header(lines, k, start)
            header_keys |= {canonical(lines[m].text) for m in range(k, k + n)}
            k += n
            continue
        elif body and _label_line(lines, k):
            body.append(k)  # a label-only line: a wrapped label, above its row's numbers or below
        else:
            break
        k += 1
    return body, k


def _label_line(lines: list[TextLine], k: int) -> bool:
    line = lines[k]
    text = line.text.strip()
    return len(tokens(line.text)) == 1 and len(canonical(text)) <= MAX_LABEL_LINE \
        and not SENTENCE_END.search(text) and not ATTACHMENT.match(text) and not _unit_caption(text) \
        and (k + 1 < len(lines) and _layout_body(lines[k + 1]) or _touches(lines[k - 1], line))


def _header(lines: list[TextLine], start: int, bounds: list[list[int]]) -> list[int]:
    """The header lines above the first body line: up to a title across the columns, a unit line,
    prose, 附件 or a line with numbers."""
    header: list[int] = []
    h = start - 1
    while h >= 0 and len(header) < MAX_LAYOUT_HEADER:
        text = lines[h].text.strip()
        toks = tokens(lines[h].text)
        if SENTENCE_END.search(text) or ATTACHMENT.match(text) or any(_is_value(t.text) for t in toks):
            break
        if _unit_caption(text) and ("单位" in text or not header or h == 0 or len(tokens(lines[h - 1].text)) < 2):
            break  # a unit line above the table; a bare （名） between header lines is a wrapped cell's end
        if len(toks) == 1 and (_crosses(toks[0], bounds) or text.endswith("表")):
            break  # a title across the columns, or a title's last line (…务分配表)
        header.insert(0, h)
        h -= 1
    return header


def _place_values(line: TextLine, row: Cells, page: Page, n: int, label: str, findings: list[Finding]) -> list[str]:
    """A body line's values in the table's value columns, each where it stands on its page."""
    cells = [""] * n
    clash = False
    for t in row.values:
        k = max(_place_token(t, [page.label] + page.regions) - 1, 0)
        c = page.columns[k] if k < len(page.columns) else k
        if cells[c]:
            clash = True
        cells[c] = t.text
    name = canonical(label)
    if clash:
        findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=line_prov(line),
                                message=f"{name!r}: values do not stand in separate columns; left null",
                                data={"row": name, "placed": None}))
        return [""] * n
    filled = sum(1 for c in cells if c)
    if filled < n and filled:
        findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=line_prov(line),
                                message=f"{name!r}: {filled} of {n} values, placed by the columns they stand in",
                                data={"row": name, "placed": "columns"}))
    return cells


def _touches(above: TextLine, line: TextLine) -> bool:
    return above.line is not None and line.line is not None and line.line - above.line == 1


def _with_next(lines: list[TextLine], k: int, cells: dict[int, Cells]) -> bool:
    """A label-only line belongs to the row below when that row's label is empty (the numbers
    printed beside the cell's last line) or when the line touches the row below and a blank line
    parts it from the row above (a dump's blank line between rows); else to the row above."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None:
        return False
    below = cells.get(k + 1) or split_cells(nxt.text, index=False)
    if not below.label:
        return True
    prev = lines[k - 1] if k > 0 else None
    here = lines[k].line
    if here is None or nxt.line is None or prev is None or prev.line is None:
        return False
    return nxt.line - here == 1 and here - prev.line > 1


def _crosses(tok: Token, bounds: list[list[int]]) -> bool:
    """The token reaches over a gutter: it overlaps two columns."""
    return sum(1 for a, b in bounds if min(b, tok.end) - max(a, tok.start) > 0) > 1


def _repeated_header(lines: list[TextLine], k: int, start: int) -> int:
    """Lines k… repeating the header lines above the table's first body line: how many."""
    above = []
    h = start - 1
    while h >= 0 and len(above) < MAX_LAYOUT_HEADER and not _layout_body(lines[h]):
        above.insert(0, canonical(lines[h].text))
        h -= 1
    for n in range(len(above), 0, -1):
        if [canonical(l.text) for l in lines[k:k + n]] == above[-n:]:
            return n
    return 0
