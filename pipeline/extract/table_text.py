"""Tables in plain text: tab-separated, laid out in columns, or with column positions gone.

Three shapes, tried in this order on the text's lines:

- tab-separated (Word's "save as plain text"): a run of lines holding tabs; a line's cells are
  split on tabs and an empty cell keeps its position;
- laid out (pdftotext -layout): cells are runs of text two or more spaces apart. The columns
  are the stretches the body lines' values share, between gutters blank on every body line; a
  value is placed in the column it stands in, so a blank cell leaves its column empty. The
  header lines above are read into the same columns (a wrapped header cell's lines joined); a
  stated total (合计) may be the first body row; a header repeated after a page break is
  dropped;
- positions gone (pdftotext without -layout), below.

Tables in plain text whose column positions are gone (a pdftotext dump): rows from lines.

A body line is a label followed by numbers (巩义市 9 6). Lines above the first body line, up to
the 附件 line or prose, are the header: the first is the stub, the rest are column headers,
each ending in its unit （个）. A header block seen again is a page break's repeated header;
a label line followed by a line of bare numbers is one wrapped label.

Placing numbers is only certain when a line has one per column. A shorter line is placed only
when the dump kept the blanks as separators (every full line of the table is "cell + one
space" each, so slots can be counted); otherwise its values stay null. Either way a
`table-row-short` finding names the row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.extract.table_cells import (SENTENCE_END, UNIT_PAREN, canonical, cell_to_number,
                                          is_total_label, is_unit_word, split_unit)
from pipeline.extract.table_grid import GridRows, header_row_count, is_data_row
from pipeline.model import Block, Finding, GridCell, Provenance

ATTACHMENT = re.compile(r"^\s*附件")
MIN_BODY_LINES = 3
MAX_HEADER_LINES = 12
MAX_HEADER_LEN = 30


@dataclass
class Line:
    block: Block
    label: str  # raw, before the numbers
    slots: list[str]  # after the label, split on single spaces, the trailing separator dropped
    numbers: list[str]
    spaced: bool  # ends with the one space that follows every cell


def parse_line(block: Block) -> Line:
    raw = block.text.rstrip("\r\n")
    parts = raw.split(" ")
    last_word = max((k for k, p in enumerate(parts) if p and cell_to_number(p) is None), default=-1)
    label = " ".join(parts[:last_word + 1]).strip()
    slots = parts[last_word + 1:]
    if last_word < 0 and slots and slots[0] == "":
        slots = slots[1:]  # an empty label cell and its separator: " 260 60 2000 "
    spaced = len(slots) > 0 and slots[-1] == "" and raw.endswith(" ")
    if spaced:
        slots = slots[:-1]
    return Line(block, label, slots, [s for s in slots if s], spaced)


def text_tables(blocks: list[Block]) -> tuple[list[GridRows], list[Finding]]:
    text_blocks = [b for b in blocks if b.kind in ("paragraph", "heading") and b.text.strip()]
    parts: list[GridRows] = []
    findings: list[Finding] = []
    used: set[int] = set()
    flat = flat_lines(text_blocks)
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


def spaced_tables(blocks: list[Block]) -> tuple[list[GridRows], list[Finding]]:
    """Tables whose lines are "label number number", column positions gone."""
    lines = [parse_line(b) for b in blocks]
    parts, findings = [], []
    i = 0
    while i < len(lines):
        if _body(lines, i) and _run_length(lines, i) >= MIN_BODY_LINES:
            part, end = _read_table(lines, i, findings)
            i = max(end, i + 1)
            if part is not None:
                parts.append(part)
        else:
            i += 1
    return parts, findings


def _body(lines: list[Line], i: int) -> bool:
    text = lines[i].block.text
    return bool(lines[i].numbers) and not SENTENCE_END.search(text) and not ATTACHMENT.match(text)


def _run_length(lines: list[Line], i: int) -> int:
    n = 0
    while i < len(lines) and (_body(lines, i) or _short_label(lines[i])):
        n += _body(lines, i)
        i += 1
    return n


def _short_label(line: Line) -> bool:
    return not line.numbers and 0 < len(canonical(line.label)) <= 12 and not SENTENCE_END.search(line.label)


def _header(lines: list[Line], first: int) -> list[Line]:
    out: list[Line] = []
    k = first - 1
    while k >= 0 and len(out) < MAX_HEADER_LINES:
        text = lines[k].block.text.strip()
        if lines[k].numbers or ATTACHMENT.match(text) or SENTENCE_END.search(text) or len(canonical(text)) > MAX_HEADER_LEN:
            break
        out.insert(0, lines[k])
        k -= 1
    return out


def header_columns(header: list[Line], n: int) -> Optional[list[str]]:
    """The stub and n column headers, when the header lines divide into n unit-ended groups."""
    if not header:
        return None
    texts = [canonical(h.block.text) for h in header]
    if len(header) == 1:
        words = header[0].block.text.split()
        return words if len(words) == n + 1 else None
    groups, current = [], ""
    for t in texts[1:]:
        current += t
        if UNIT_PAREN.search(t) and split_unit(current)[1]:
            groups.append(current)
            current = ""
    if current:
        groups.append(current)
    return [texts[0], *groups] if len(groups) == n else None


def _read_table(lines: list[Line], start: int, findings: list[Finding]):
    header = _header(lines, start)
    keys = [canonical(h.block.text) for h in header]
    body: list[tuple[str, list[str], list[Block], bool]] = []  # (label, slots, blocks, placed by spacing)
    pending: list[Line] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if keys and canonical(line.block.text) == keys[0] and \
                [canonical(l.block.text) for l in lines[i:i + len(keys)]] == keys:
            i += len(keys)  # a page break's repeated header
            continue
        if (line.numbers and SENTENCE_END.search(line.block.text)) or ATTACHMENT.match(line.block.text):
            break
        if line.numbers:
            if line.label or not pending:
                body += [(p.label, p.slots, [p.block], p.spaced) for p in pending]
                body.append((line.label, line.slots, [line.block], line.spaced))
            else:  # bare numbers after label lines: one wrapped label
                body.append(("".join(p.label for p in pending), line.slots, [p.block for p in pending] + [line.block],
                             line.spaced))
            pending = []
            if is_total_label(line.label) and len(body) > 1:
                i += 1
                break  # the stated total closes the table, unless printed first
        elif _short_label(line) and i + 1 < len(lines):
            pending.append(line)
        else:
            break
        i += 1
    n = max(sum(1 for s in slots if s) for _, slots, _, _ in body) if body else 0
    body += [(p.label, p.slots, [p.block], p.spaced) for p in pending if len(p.slots) == n and p.spaced]
    heads = header_columns(header, n)
    faithful = all(spaced and len(slots) == n for _, slots, _, spaced in body
                   if sum(1 for s in slots if s) == n)
    rows, provs = [], []
    if not n:
        return None, i
    if heads:
        rows.append([GridCell(text=h, origin=(0, c)) for c, h in enumerate(heads)])
        provs.append(Provenance(line=header[0].block.prov.line, block=header[0].block.id))
    for label, slots, blocks, spaced in body:
        values = _place(slots, n, faithful and spaced, blocks[-1], label, findings)
        r = len(rows)
        rows.append([GridCell(text=t, origin=(r, c)) for c, t in enumerate([label, *values])])
        provs.append(Provenance(line=blocks[0].prov.line, block=blocks[0].id, row=r))
    if len(rows) - bool(heads) < MIN_BODY_LINES:
        return None, i
    if not heads:
        findings.append(Finding(code="table-header-unknown", severity="warning", stage="extract",
                                message=f"text table at line {lines[start].block.prov.line}: header lines do not "
                                        f"divide into {n} columns", prov=provs[0]))
    blocks_used = [h.block.id for h in header] or [body[0][2][0].id]
    return GridRows(rows=rows, provs=provs, header_n=1 if heads else 0, blocks=blocks_used), i


def _place(slots: list[str], n: int, by_spacing: bool, block: Block, label: str, findings: list[Finding]) -> list[str]:
    numbers = [s for s in slots if s]
    if len(numbers) == n:
        return numbers
    prov = Provenance(line=block.prov.line, block=block.id)
    if by_spacing and len(slots) == n:
        if numbers:
            findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=prov,
                                    message=f"{canonical(label)!r}: {len(numbers)} of {n} values; placed by the "
                                            f"blank cells the text keeps as spaces",
                                    data={"row": canonical(label), "numbers": numbers, "placed": "spacing"}))
        return slots
    if numbers:
        findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=prov,
                                message=f"{canonical(label)!r}: {len(numbers)} of {n} values and no column "
                                        f"positions; values left null", data={"row": canonical(label),
                                                                              "numbers": numbers, "placed": None}))
    return [""] * n


# ---------------------------------------------------------------- lines of the text

@dataclass
class TextLine:
    block: Block
    line: Optional[int]  # 1-based line in the file
    text: str  # raw, line break and trailing white space dropped


def flat_lines(blocks: list[Block]) -> list[TextLine]:
    """Each block's lines (a block may hold a wrapped paragraph's several lines)."""
    out = []
    for b in blocks:
        for k, text in enumerate(b.text.split("\n")):
            text = text.rstrip("\r\n\f ")
            if text.strip():
                # the reader drops a paragraph's blank lines: only its first line's number is known
                out.append(TextLine(b, b.prov.line if k == 0 else None, text))
    return out


def _grid_part(rows: list[list[str]], provs: list[Provenance], header_n: int, blocks: list[int]) -> GridRows:
    grid = [[GridCell(text=t, origin=(r, c)) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return GridRows(rows=grid, provs=provs, header_n=header_n, blocks=blocks)


def _prov(line: TextLine, row: Optional[int] = None) -> Provenance:
    return Provenance(line=line.line, block=line.block.id, row=row, page=line.block.prov.page)


# ---------------------------------------------------------------- tab-separated

MAX_TAB_HEADER = 4


def tab_tables(lines: list[TextLine]) -> tuple[list[GridRows], list[Finding], set[int]]:
    """Runs of tab-separated lines: cells split on tabs, an empty cell kept in its place; the
    rows above the first body row (at most a few, none prose) are the header."""
    parts, used = [], set()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i].text:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j].text:
            j += 1
        run = lines[i:j]
        i = j
        cells = [[c.strip() for c in l.text.split("\t")] for l in run]
        body = [k for k, row in enumerate(cells) if is_data_row(row)]
        if len(body) < 2:
            continue
        first = body[0]
        start = first
        while start > 0 and first - start < MAX_TAB_HEADER and sum(1 for c in cells[start - 1] if c) >= 2 \
                and not SENTENCE_END.search(run[start - 1].text.strip()):
            start -= 1
        end = len(run)
        while end > first and not any(cells[end - 1][1:]):
            end -= 1  # label-only lines after the table (a note with a tab) are no rows
        width = max(len(row) for row in cells[start:end])
        rows = [row + [""] * (width - len(row)) for row in cells[start:end]]
        header_n = header_row_count([[GridCell(text=t, origin=(r, c)) for c, t in enumerate(row)]
                                     for r, row in enumerate(rows)])
        provs = [_prov(l, r) for r, l in enumerate(run[start:end])]
        parts.append(_grid_part(rows, provs, header_n, [run[start].block.id]))
        used |= {l.block.id for l in run[start:end]}
    return parts, [], used


# ---------------------------------------------------------------- laid out in columns

TOKEN = re.compile(r"\S+(?: \S+)*")  # a cell: text whose words are at most one space apart
MAX_LAYOUT_HEADER = 4
MAX_LABEL_LINE = 12
MAX_LAYOUT_LABEL = 24


@dataclass
class Token:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def _is_value(text: str) -> bool:
    return cell_to_number(text) is not None


def _split_layout(text: str) -> tuple[list[Token], list[Token]]:
    """(label tokens, value tokens): the values start at the first number."""
    toks = tokens(text)
    first = next((k for k, t in enumerate(toks) if _is_value(t.text)), len(toks))
    return toks[:first], toks[first:]


def _layout_body(line: TextLine, min_numbers: int = 1) -> bool:
    text = line.text.strip()
    if SENTENCE_END.search(text) or ATTACHMENT.match(text):
        return False
    label, values = _split_layout(line.text)
    # a label may keep a wide space (长  铝), but prose with numbers is no row
    return sum(1 for t in values if _is_value(t.text)) >= min_numbers and len(label) <= 2 \
        and len(canonical(" ".join(t.text for t in label))) <= MAX_LAYOUT_LABEL


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


def _regions(values: list[list[Token]]) -> list[list[int]]:
    """Column stretches [start, end): the value tokens' spans merged where they overlap, so
    the gutters between them are blank on every line."""
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


def _read_layout(lines: list[TextLine], start: int):
    # the body: value lines, label-only lines (a wrapped label) and page breaks' repeated headers
    body: list[int] = []
    k = start
    header_keys: set[str] = set()
    while k < len(lines):
        line = lines[k]
        text = line.text.strip()
        if _layout_body(line):
            body.append(k)
        elif body and canonical(text) in header_keys:
            pass
        elif body and len(tokens(line.text)) == 1 and len(canonical(text)) <= MAX_LABEL_LINE \
                and not SENTENCE_END.search(text) and not ATTACHMENT.match(text) and not _unit_caption(text) \
                and (k + 1 < len(lines) and _layout_body(lines[k + 1]) or _touches(lines[k - 1], line)):
            body.append(k)  # a label-only line: a wrapped label, above its row's numbers or below
        elif body and k + 1 < len(lines) and _repeated_header(lines, k, start):
            n = _repeated_header(lines, k, start)
            header_keys |= {canonical(lines[m].text) for m in range(k, k + n)}
            k += n
            continue
        else:
            break
        k += 1
    end = k
    values = [_split_layout(lines[k].text)[1] for k in body]
    full = [v for v in values if sum(1 for t in v if _is_value(t.text)) >= 2]
    if len(full) < MIN_BODY_LINES:
        return None, start, start, []
    regions = _regions(values)
    # the label column reaches as far as the labels do: a header cell wider than its numbers
    # (户外劳动者服) still falls into the numbers' column
    label_end = max((t.end for k in body for t in _split_layout(lines[k].text)[0]), default=0)
    label_end = min(label_end, regions[0][0]) or regions[0][0]
    # the header: lines above whose cells fall into the columns, up to a title, a unit line or prose
    header: list[int] = []
    h = start - 1
    while h >= 0 and len(header) < MAX_LAYOUT_HEADER:
        text = lines[h].text.strip()
        if SENTENCE_END.search(text) or ATTACHMENT.match(text) or _unit_caption(text) or \
                any(_is_value(t.text) for t in tokens(lines[h].text)):
            break
        toks = tokens(lines[h].text)
        if len(toks) == 1 and _crosses(toks[0], [[0, label_end]] + regions):
            break  # a title across the columns
        header.insert(0, h)
        h -= 1
    # a header cell standing in no value column is an empty column (备注)
    bounds = [[0, label_end]] + regions
    for h in header:
        for t in tokens(lines[h].text):
            if all(min(b, t.end) - max(a, t.start) <= 0 for a, b in bounds) and t.start > bounds[-1][1]:
                bounds.append([t.start, t.end])
    n = len(bounds) - 1
    findings: list[Finding] = []
    head_cells = [[] for _ in range(n + 1)]
    for h in header:
        for t in tokens(lines[h].text):
            head_cells[_place_token(t, bounds)].append(t.text)
    rows: list[list[str]] = []
    provs: list[Provenance] = []
    if header:
        rows.append(["\n".join(c) for c in head_cells])
        provs.append(_prov(lines[header[0]], 0))
    pending: list[str] = []
    for k in body:
        label, vals = _split_layout(lines[k].text)
        label_text = " ".join(t.text for t in label)
        if not vals:
            if _with_next(lines, k) or len(rows) <= bool(header):
                pending.append(label_text)
            else:  # the rest of the row above's label, printed below it
                rows[-1][0] += "\n" + label_text
            continue
        cells = [""] * n
        clash = False
        for t in vals:
            c = _place_token(t, bounds) - 1
            if c < 0:
                c = 0
            if cells[c]:
                clash = True
            cells[c] = t.text
        if clash:
            findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=_prov(lines[k]),
                                    message=f"{canonical(label_text)!r}: values do not stand in separate columns; "
                                            f"left null", data={"row": canonical(label_text), "placed": None}))
            cells = [""] * n
        elif sum(1 for c in cells if c) < n and any(cells):
            findings.append(Finding(code="table-row-short", severity="warning", stage="extract", prov=_prov(lines[k]),
                                    message=f"{canonical(label_text)!r}: {sum(1 for c in cells if c)} of {n} values, "
                                            f"placed by the columns they stand in",
                                    data={"row": canonical(label_text), "placed": "columns"}))
        if pending:
            label_text, pending = "\n".join(pending + ([label_text] if label_text else [])), []
        rows.append([label_text] + cells)
        provs.append(_prov(lines[k], len(rows) - 1))
    blocks = [lines[header[0]].block.id] if header else [lines[start].block.id]
    for h in header[1:]:
        if lines[h].block.id not in blocks:
            blocks.append(lines[h].block.id)
    if not header:
        findings.append(Finding(code="table-header-unknown", severity="warning", stage="extract", prov=provs[0],
                                message=f"text table at line {lines[start].line}: no header lines above it"))
    return _grid_part(rows, provs, 1 if header else 0, blocks), (header[0] if header else start), end, findings


def _touches(above: TextLine, line: TextLine) -> bool:
    return above.line is not None and line.line is not None and line.line - above.line == 1


def _with_next(lines: list[TextLine], k: int) -> bool:
    """A label-only line belongs to the row below when that row's label is empty (the numbers
    printed beside the cell's last line) or when the line touches the row below and a blank line
    parts it from the row above (a dump's blank line between rows); else to the row above."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None:
        return False
    if not _split_layout(nxt.text)[0]:
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
