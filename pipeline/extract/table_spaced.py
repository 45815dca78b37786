"""Tables in plain text whose column positions are gone (a pdftotext dump): rows from lines.

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

from dataclasses import dataclass
from typing import Optional

from pipeline.extract.table_cells import (SENTENCE_END, UNIT_PAREN, canonical, cell_to_number,
                                          is_total_label, split_unit)
from pipeline.extract.table_grid import GridRows
from pipeline.extract.table_lines import ATTACHMENT, MIN_BODY_LINES
from pipeline.model import Block, Finding, GridCell, Provenance

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
