"""Tables a text dump writes cell after cell (pdftotext without -layout): multi-line cells.

Such a dump keeps no column positions: a table comes out row by row, each cell's text on its
own line(s), so a long cell spans several lines and the row's cells follow one another. Tables
whose body lines are "label number number" are left to extract (table_text); this reads the
others, found from a header line and read with these rules, none tied to any one notice:

- header: one line of k >= 2 words split by spaces, each 2-10 characters, no digits and no
  punctuation that ends a clause (项目 内容 得分);
- a row starts with its key cell, first, or after a closed cell once the row has two cells:
  a line that does not end as prose does (。；，: …) and is no number; or, when the first row
  is keyed "1" (a 序号 column), the next number in order. A label key's wrapped lines (no
  wider than its first line, not ending as prose) belong to it;
- the row's other cells follow: a cell closes at a line ending in a full stop (。！？), a line of
  white space only is an empty cell (what the dump leaves of a blank cell), and a number
  (10, 10分) is a cell of its own; a row with more cells than the header merges neighbouring
  text cells, the cells a row lacks at its end are empty;
- the table ends before a prose line (between rows, a line as wide as the text's full line
  and wider than any of the table's), a chapter heading (一、 （一）), a 附件 line, a page number, a "label number" line, a
  line where a complete row cannot go on, or after the total row (合计/总分 …, which takes
  numbers and empty cells only).
A table needs at least two body rows with text beyond the key. A cell keeps its line breaks
(like a Word cell's paragraphs), except where a line was only wrapped: a line nearly as wide as
the cell's widest one and not ending as prose continues on the next. Empty lines (the dump's
block separators) are skipped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from pipeline.ingest.furniture import PAGE_NUMBER
from pipeline.model import GridCell, TableGrid

PROSE_END = tuple("。；！？：;!?:，,、")
FULL_STOP = tuple("。！？!?")
WRAP_SHARE = 0.85  # a line this close to the cell's widest line was wrapped, not broken
FULL_LINE = 0.85  # a line this close to the text's full width is prose, not a cell
HEADER_WORD = re.compile(r"^[^\d。；！？：;!?:，,、．.]{2,10}$")
CHAPTER = re.compile(r"^\s*([一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|附\s*件)")
NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")  # 12, 0.5, 1,200, 35%
VALUE = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(%|[^\x00-\x7f\d\s]{1,2})?$")  # 10, 1,200, 35%, 10分, 5个
TOTAL = re.compile(r"^(.{0,4}(合计|总计|共计)|总分|总数|总量)$")
MIN_ROWS = 2

Item = tuple[int, int, str]  # (1-based line, page or 0, text) as txt.text_lines gives them


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s.strip())


@dataclass
class TextTable:
    start: int  # index of the header line in the line list
    end: int  # index after the last line the table takes
    grid: TableGrid
    line: int  # the header's line number
    page: int  # its page, 0 without form feeds


@dataclass
class _Row:
    cells: list[list[str]]  # each cell's lines, stripped
    closed: bool  # the last cell is closed
    key_open: bool  # still taking the key's wrapped lines


def header_words(line: str) -> Optional[list[str]]:
    words = line.split()
    if len(words) >= 2 and all(HEADER_WORD.match(w) for w in words):
        return words
    return None


def find_tables(lines: list[Item], full: int) -> list[TextTable]:
    """Every cell-after-cell table in the lines, in order, not overlapping."""
    tables = []
    i = 0
    while i < len(lines):
        words = header_words(lines[i][2])
        table = _read_table(lines, i, words, full) if words else None
        if table is not None:
            tables.append(table)
            i = table.end
        else:
            i += 1
    return tables


def _is_key(text: str) -> bool:
    t = text.strip()
    return bool(t) and not t.endswith(PROSE_END) and not VALUE.match(t)


def _stops(text: str, full: int, widest: Optional[int]) -> bool:
    """The table ends before this line; `widest` (the table's widest line) only between rows."""
    t = text.strip()
    if not t:
        return False
    width = display_width(t)
    if widest is not None and full and width >= FULL_LINE * full and width > widest:
        return True  # prose: as wide as the text's full line and wider than any line of the table
    if CHAPTER.match(t) or (PAGE_NUMBER.match(t) and not NUMBER.match(t)):
        return True
    words = t.split()  # a "label number number" line: extract reads those tables
    return len(words) >= 2 and bool(NUMBER.match(words[-1])) and not t.endswith(PROSE_END)


def _starts_row(text: str, rows: list[_Row], numbered: bool) -> bool:
    """The line begins a new row: the first, after a complete row, or a key after a closed cell."""
    row = rows[-1] if rows else None
    if numbered:
        key = text == str(len(rows) + 1) or (row is not None and bool(TOTAL.match(re.sub(r"\s+", "", text))))
    else:
        key = _is_key(text)
    if row is None:
        return key
    return key and row.closed and len(row.cells) >= 2


def _read_table(lines: list[Item], start: int, header: list[str], full: int) -> Optional[TextTable]:
    k = len(header)
    rows: list[_Row] = []
    numbered = False  # rows keyed 1, 2, 3 … (a 序号 column) instead of by a label
    widest = display_width(lines[start][2])
    end = i = start + 1
    while i < len(lines):
        _, _, raw = lines[i]
        text = raw.strip()
        i += 1
        if raw == "" or (not rows and not text):
            continue  # dumps put an empty line between any two blocks
        row = rows[-1] if rows else None
        between = row is None or (row.closed and len(row.cells) >= 2)  # where a prose line may follow
        if _stops(raw, full, widest if between else None):
            break
        if row is not None and row.key_open:
            if _is_key(text) and display_width(text) <= display_width(row.cells[0][0]):
                row.cells[0].append(text)  # the key's wrapped lines
                end = i
                continue
            row.key_open = False
        if row is not None and _is_total(row) and text and not VALUE.match(text):
            break  # a total row takes numbers and empty cells only
        if row is None:
            numbered = text == "1"
        if _starts_row(text, rows, numbered):
            rows.append(_Row(cells=[[text]], closed=True, key_open=not numbered))
        elif row is None or (row.closed and len(row.cells) >= k):
            if not text:
                continue  # a blank beyond the row's last cell
            break  # a row cannot start here: not this table's line
        elif not text or VALUE.match(text):
            row.cells.append([text] if text else [])  # an empty cell, or a number of its own
            row.closed = True
        elif row.closed:
            row.cells.append([text])
            row.closed = text.endswith(FULL_STOP)
        else:
            row.cells[-1].append(text)
            row.closed = text.endswith(FULL_STOP)
        widest = max(widest, display_width(text))
        end = i
    grid_rows = [header]
    for row in rows:
        cells = _fit(row.cells, k)
        if cells is None:
            return None
        grid_rows.append(cells)
    body = [r for r in rows if not _is_total(r)]
    if sum(1 for r in body if any(c for c in r.cells[1:])) < MIN_ROWS:
        return None
    grid = TableGrid(rows=[[GridCell(text=t, origin=(r, c)) for c, t in enumerate(cells)]
                           for r, cells in enumerate(grid_rows)],
                     pages=sorted({p for _, p, _ in lines[start:end] if p}))
    n, page, _ = lines[start]
    return TextTable(start=start, end=end, grid=grid, line=n, page=page)


def _is_total(row: _Row) -> bool:
    return bool(TOTAL.match(re.sub(r"\s+", "", "".join(row.cells[0]))))


def _fit(cells: list[list[str]], k: int) -> Optional[list[str]]:
    """k cell texts: surplus neighbouring text cells merged, missing trailing cells empty."""
    cells = [list(c) for c in cells]
    while len(cells) > k:
        pair = next((j for j in range(1, len(cells) - 1) if _text_cell(cells[j]) and _text_cell(cells[j + 1])), None)
        if pair is None:
            return None
        cells[pair] += cells.pop(pair + 1)
    return [cell_text(c) for c in cells] + [""] * (k - len(cells))


def _text_cell(lines: list[str]) -> bool:
    return bool(lines) and not (len(lines) == 1 and VALUE.match(lines[0]))


def cell_text(lines: list[str]) -> str:
    """The cell's lines, a wrapped line joined to the next, real breaks kept as \\n."""
    widest = max((display_width(l) for l in lines), default=0)
    out = ""
    for j, line in enumerate(lines):
        out += line
        wrapped = display_width(line) >= WRAP_SHARE * widest and not line.endswith(PROSE_END)
        if j + 1 < len(lines) and not wrapped:
            out += "\n"
    return out
