"""Tables a text dump writes cell after cell (pdftotext without -layout): multi-line cells.

Such a dump keeps no column positions: a table comes out row by row, each cell's text on its
own line(s), so a long cell spans several lines and the row's cells follow one another. Tables
whose body lines are "label number number" are left to extract (table_text); this reads the
others, found from a header line and read with these rules, none tied to any one notice:

- header: one line of k >= 2 words split by spaces, each 2-10 characters, no digits and no
  punctuation that ends a clause (项目 内容 得分); or such words a line each (序号 / 单位 / 小计),
  at least three, up to the first value line: the word just above a value is the first row's
  key (锦江区 / 28) unless that value is 1 (numbered rows); a header read so holds only when
  most rows have a cell under each word;
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
  numbers and empty cells only). Between rows, a page break (a page number, a form feed)
  followed by the header again is passed over, and so is one followed by the next row's
  number in a numbered table;
- a numbered table's total row lacks the 序号: its label covers the cells in front (merged).
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
MIN_STACKED = 3  # a header written a word per line: at least the stub and two columns
MAX_STACKED = 12

Item = tuple[int, int, str]  # (1-based line, page or 0, text) as txt.text_lines gives them


def display_width(s: str) -> int:
    """Columns a line takes in a fixed-width dump, leading white space included (a CJK character
    takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s.rstrip())


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


def stacked_header(lines: list[Item], i: int) -> Optional[tuple[list[str], int]]:
    """A header written a cell per line from line i (序号 / 单位 / 小计 …, empty lines between):
    (its words, the index of the first body line). It ends at the first value line: the word
    before a value is the first row's key (锦江区 / 28), unless the rows are numbered (1 / 锦江区)."""
    if not lines[i][2].strip():
        return None
    words, at = [], []
    j = i
    while j < len(lines) and len(words) <= MAX_STACKED:
        text = lines[j][2].strip()
        if text and not (HEADER_WORD.match(text) and len(text.split()) == 1) or CHAPTER.match(text):
            break
        if text:
            words.append(text)
            at.append(j)
        j += 1
    if j >= len(lines) or not VALUE.match(lines[j][2].strip()):
        return None
    if lines[j][2].strip() != "1":
        words, at = words[:-1], at[:-1]  # the last word is the first row's key
    if len(words) < MIN_STACKED:
        return None
    return words, at[-1] + 1


def find_tables(lines: list[Item], full: int) -> list[TextTable]:
    """Every cell-after-cell table in the lines, in order, not overlapping."""
    tables = []
    i = 0
    while i < len(lines):
        words = header_words(lines[i][2])
        table = _read_table(lines, i, words, full, i + 1) if words else None
        stacked = stacked_header(lines, i) if table is None else None
        if stacked is not None:
            table = _read_table(lines, i, stacked[0], full, stacked[1], stacked=True)
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
    if CHAPTER.match(t) or _page_number(t):
        return True
    words = t.split()  # a "label number number" line: extract reads those tables
    return len(words) >= 2 and bool(NUMBER.match(words[-1])) and not t.endswith(PROSE_END)


def _starts_row(text: str, rows: list[_Row], numbered: bool, k: int, nxt: str) -> bool:
    """The line begins a new row: the first, after a complete row, or a key after a closed cell.
    A number that would be the next row's 序号 is still a value of this row when the row lacks
    cells and a value follows it (… 22 / 8 / 14: the 8 is a cell, no key)."""
    row = rows[-1] if rows else None
    if numbered:
        index = text == str(len(rows) + 1)
        key = index or (row is not None and bool(TOTAL.match(re.sub(r"\s+", "", text))))
        if index and row is not None and len(row.cells) < k and VALUE.match(nxt):
            key = False
    else:
        key = _is_key(text)
    if row is None:
        return key
    return key and row.closed and len(row.cells) >= 2


def _read_table(lines: list[Item], start: int, header: list[str], full: int, body: int,
                stacked: bool = False) -> Optional[TextTable]:
    k = len(header)
    rows: list[_Row] = []
    numbered = False  # rows keyed 1, 2, 3 … (a 序号 column) instead of by a label
    widest = max(display_width(lines[n][2].strip()) for n in range(start, body))
    end = i = body
    while i < len(lines):
        _, _, raw = lines[i]
        text = raw.strip()
        if text and rows and rows[-1].closed and len(rows[-1].cells) >= 2:
            after = _page_break(lines, i, header, str(len(rows) + 1) if numbered else None)
            if after is not None and after > i:
                i = after  # a page number and the header repeated on the next page
                continue
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
        if _starts_row(text, rows, numbered, k, _next_text(lines, i)):
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
    grid_rows = [[GridCell(text=t, origin=(0, c)) for c, t in enumerate(header)]]
    for r, row in enumerate(rows, start=1):
        span = k - len(row.cells) + 1 if numbered and _is_total(row) and len(row.cells) < k else 1
        # a numbered table's total (合计 500 180 320) has no 序号: its label covers the cells in front
        cells = _fit([row.cells[0]] * (span - 1) + row.cells, k)
        if cells is None:
            return None
        grid_rows.append([GridCell(text=t, origin=(r, 0 if c < span else c)) for c, t in enumerate(cells)])
    body_rows = [r for r in rows if not _is_total(r)]
    if sum(1 for r in body_rows if any(c for c in r.cells[1:])) < MIN_ROWS:
        return None
    if stacked and sum(1 for r in body_rows if len(r.cells) == k) * 2 < len(body_rows):
        return None  # a header a word per line holds only when most rows have a cell under each word
    grid = TableGrid(rows=grid_rows, pages=sorted({p for _, p, _ in lines[start:end] if p}))
    n, page, _ = lines[start]
    return TextTable(start=start, end=end, grid=grid, line=n, page=page)


def _next_text(lines: list[Item], i: int) -> str:
    """The next non-empty line from i, stripped."""
    return next((t.strip() for _, _, t in lines[i:] if t.strip()), "")


def _page_break(lines: list[Item], i: int, header: list[str], next_key: Optional[str]) -> Optional[int]:
    """Where the table goes on after a page break at line i (a page number, a form feed): after
    the header repeated there (on one line or a word per line), or, in a numbered table, at the
    next row's number. None when no page break is there or the table does not go on."""
    j, broke = i, False
    while j < len(lines) and (not lines[j][2].strip() or _page_number(lines[j][2])):
        broke = broke or bool(lines[j][2].strip())
        j += 1
    if j >= len(lines):
        return None
    broke = broke or lines[j][1] != lines[i - 1][1]
    if header_words(lines[j][2]) == header:
        return j + 1
    n = 0
    while j < len(lines) and n < len(header):
        text = lines[j][2].strip()
        if text and text != header[n]:
            break
        n += bool(text)
        j += 1
    if n == len(header):
        return j
    if broke and next_key is not None and n == 0 and lines[j][2].strip() == next_key:
        return j
    return None


def _page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text)) and not NUMBER.match(text.strip())


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
