"""Tables in plain text: tab-separated, laid out in columns, or with column positions gone.

    text_tables(blocks) -> (parts, findings)

Three shapes, tried in this order on the text's lines (table_lines):

- tab-separated (Word's "save as plain text"), here: a run of lines holding tabs; a line's
  cells are split on tabs and an empty cell keeps its position. A line without a tab between
  two of the run's lines, short and not prose, with a body row below it, is a section row
  (二、产业工会): one cell across the table, whose rows fall under it;
- laid out (pdftotext -layout): table_layout;
- positions gone (pdftotext without -layout, "label number number"): table_spaced.

Tables a dump writes cell after cell (multi-line cells) are read at ingest (txt_tables) and
arrive as table blocks.
"""
from __future__ import annotations

from pipeline.extract.table_cells import SENTENCE_END, canonical, cell_to_number
from pipeline.extract.table_grid import MAX_GROUP_LABEL, GridRows, header_row_count, is_data_row
from pipeline.extract.table_layout import layout_tables
from pipeline.extract.table_lines import ATTACHMENT, TextLine, flat_lines, grid_part, line_prov
from pipeline.extract.table_spaced import spaced_tables
from pipeline.model import Block, Finding

MAX_TAB_HEADER = 4


def text_tables(blocks: list[Block]) -> tuple[list[GridRows], list[Finding]]:
    text_blocks = [b for b in blocks if b.kind in ("paragraph", "heading") and b.text.strip()]
    parts: list[GridRows] = []
    findings: list[Finding] = []
    used: set[int] = set()
    flat = flat_lines(text_blocks, blocks)
    for reader in (tab_tables, layout_tables):
        found, reader_findings, taken = reader([l for l in flat if l.block.id not in used])
        parts += found
        findings += reader_findings
        used |= taken
    segment: list[Block] = []
    for b in text_blocks + [None]:
        if b is None or b.id in used:
            found, segment_findings = spaced_tables(segment)
            parts += found
            findings += segment_findings
            segment = []
        else:
            segment.append(b)
    return parts, findings


# ---------------------------------------------------------------- tab-separated

def tab_tables(lines: list[TextLine]) -> tuple[list[GridRows], list[Finding], set[int]]:
    """Runs of tab-separated lines: cells split on tabs, an empty cell kept in its place; the
    rows above the first body row (at most a few, none prose) are the header."""
    parts, used = [], set()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i].text:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and ("\t" in lines[j].text or _section_line(lines, j)):
            j += 1
        run = lines[i:j]
        i = j
        cells = [[c.strip() for c in l.text.split("\t")] for l in run]
        sections = {k for k, l in enumerate(run) if "\t" not in l.text}
        body = [k for k, row in enumerate(cells) if is_data_row(row)]
        if len(body) < 2:
            continue
        first = body[0]
        start, heads = first, 0
        while start > 0 and (start - 1 in sections or heads < MAX_TAB_HEADER and _header_row(cells[start - 1],
                                                                                             run[start - 1])):
            start -= 1
            heads += start not in sections
        while start in sections:
            start += 1  # a section row heads rows under a header, not the table
        end = len(run)
        while end > first and not any(cells[end - 1][1:]):
            end -= 1  # label-only lines after the table (a note with a tab) are no rows
        width = max(len(row) for row in cells[start:end])
        rows = [[row[0]] * width if k in sections else row + [""] * (width - len(row))
                for k, row in enumerate(cells[start:end], start)]
        spanning = frozenset(k - start for k in sections if start <= k < end)
        provs = [line_prov(l, r) for r, l in enumerate(run[start:end])]
        part = grid_part(rows, provs, 0, [run[start].block.id], spanning)
        part.header_n = header_row_count(part.rows)
        parts.append(part)
        used |= {l.block.id for l in run[start:end]}
    return parts, [], used


def _header_row(cells: list[str], line: TextLine) -> bool:
    return sum(1 for c in cells if c) >= 2 and not SENTENCE_END.search(line.text.strip())


def _section_line(lines: list[TextLine], k: int) -> bool:
    """A line without tabs inside a tab table that names the rows below it (二、产业工会): short, not
    prose, not a number, with a tab-separated body row right below."""
    text = lines[k].text.strip()
    if k + 1 >= len(lines) or "\t" not in lines[k + 1].text:
        return False
    below = [c.strip() for c in lines[k + 1].text.split("\t")]
    return 0 < len(canonical(text)) <= MAX_GROUP_LABEL and not SENTENCE_END.search(text) \
        and not ATTACHMENT.match(text) and cell_to_number(text) is None and is_data_row(below)
