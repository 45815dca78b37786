"""Tables: join grids across pages, read headers, units, groups, rows and totals.

    extract_tables(doc, sections) -> (tables, findings)

Find, then extract: table blocks (and, in plain text, runs of table-like lines) become
GridRows; fragments that continue one another across a page break are joined; each joined
grid is read by table_grid; the title and 附件 number come from the blocks above.
"""
from __future__ import annotations

import logging
from difflib import SequenceMatcher
from typing import Optional

from pipeline.extract.table_cells import canonical, cell_to_number, is_blank, join_lines
from pipeline.extract.table_grid import GridRows, cell_text, grid_rows_to_table, header_row_count, is_data_row
from pipeline.extract.table_text import text_tables
from pipeline.extract.table_title import apply_caption_unit, table_caption
from pipeline.model import Block, Finding, GridCell, Provenance, RawDocument, Table

log = logging.getLogger(__name__)

OCR_HEADER_SIMILAR = 0.6
EDGE_TOL = 6.0  # points: column edges of two fragments this close line up


def extract_tables(doc: RawDocument, sections: dict[int, list[str]]) -> tuple[list[Table], list[Finding]]:
    findings: list[Finding] = []
    parts = join_fragments(doc.blocks, findings)
    if doc.source.format == "txt":
        text_parts, text_findings = text_tables(doc.blocks)
        parts += text_parts
        findings += text_findings
    parts.sort(key=lambda p: p.blocks[0])
    by_id = {b.id: b for b in doc.blocks}
    tables = []
    for part in parts:
        try:
            table, table_findings = grid_rows_to_table(part, len(tables))
        except Exception as e:  # one grid this reader cannot make sense of must not lose the document
            log.warning("%s: table in blocks %s not read", doc.source.name, part.blocks, exc_info=True)
            findings.append(Finding(code="table-unreadable", severity="error", stage="extract",
                                    message=f"table in block {part.blocks[0]} could not be read "
                                            f"({type(e).__name__}: {e}); its text stays in the blocks",
                                    prov=Provenance(block=part.blocks[0], page=part.pages[0] if part.pages else None),
                                    data={"blocks": part.blocks}))
            continue
        first = by_id.get(part.blocks[0])
        if first is not None:
            table.title, table.attachment, unit = table_caption(doc.blocks, first)
            if apply_caption_unit(table, unit):
                findings.append(Finding(code="table-unit-from-caption", severity="info", stage="extract",
                                        message=f"unit {unit} printed above the table given to the columns "
                                                f"that name none", prov=Provenance(block=first.id),
                                        data={"table": table.id, "unit": unit}))
        table.section = sections.get(part.blocks[0], [])
        tables.append(table)
        findings += table_findings
    log.debug("%s: %d tables", doc.source.name, len(tables))
    return tables, findings


# ---------------------------------------------------------------- fragments

def block_to_rows(block: Block) -> GridRows:
    grid = block.grid
    provs = []
    for r, row in enumerate(grid.rows):
        boxes = [c.bbox for c in row if c.bbox]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)) if boxes else None
        page = block.prov.page if block.prov.page is not None else (grid.pages[0] if grid.pages else None)
        provs.append(Provenance(page=page, bbox=bbox, table=block.prov.table, row=r, block=block.id))
    pages = grid.pages or ([block.prov.page] if block.prov.page else [])
    return GridRows(rows=[list(r) for r in grid.rows], provs=provs, header_n=header_row_count(grid.rows),
                    blocks=[block.id], pages=list(pages), ocr=grid.ocr)


def join_fragments(blocks: list[Block], findings: list[Finding]) -> list[GridRows]:
    """Table blocks, a fragment continuing the one before it (across a page break) appended to it."""
    parts: list[GridRows] = []
    last_index: Optional[int] = None
    for i, b in enumerate(blocks):
        if b.kind != "table" or b.grid is None or not b.grid.rows:
            continue
        part = block_to_rows(b)
        prev = parts[-1] if parts else None
        how = continuation(prev, part) if prev is not None and last_index is not None \
            and _only_furniture(blocks[last_index + 1:i]) else None
        if how is not None:
            repeated, pieces = how
            if prev.ocr and part.ocr and repeated:
                _confident_header(prev, part, findings)
            if pieces > repeated:
                _finish_row(prev, part, repeated, pieces)
                findings.append(Finding(
                    code="table-row-split", severity="info", stage="extract",
                    message=f"a row broken across the page break finished in block {b.id} (page {b.prov.page}): "
                            f"{canonical(join_lines(cell_text(prev.rows[-1][0])))!r}",
                    prov=Provenance(block=b.id, page=b.prov.page), data={"rows": pieces - repeated}))
            _append(prev, part, pieces)
            findings.append(Finding(code="table-continued", severity="info", stage="extract",
                                    message=f"table continued in block {b.id} (page {b.prov.page})",
                                    prov=Provenance(block=b.id, page=b.prov.page), data={"blocks": prev.blocks}))
        else:
            parts.append(part)
        last_index = i
    return parts


def _only_furniture(between: list[Block]) -> bool:
    return all(b.kind == "furniture" for b in between)


def continuation(prev: GridRows, nxt: GridRows) -> Optional[tuple[int, int]]:
    """How the next fragment goes on with the previous table, or None: (the rows of the previous
    header it repeats, the rows before its body: that header and the rest of a row Word broke
    across the page). Same columns, on a later page, and either the same header repeated or
    no header at all with column edges that line up. The header is compared on the previous
    fragment's real header, so the broken row's rest below it (团 … 公司) does not hide it."""
    if max(len(r) for r in prev.rows) != max(len(r) for r in nxt.rows):
        return None
    if prev.pages and nxt.pages and min(nxt.pages) <= max(prev.pages):
        return None  # two tables on one page are two tables
    n = prev.header_n
    repeated = 0
    if n and len(nxt.rows) > n:
        a, b = _keys(prev, n), _keys(nxt, n)
        if prev.ocr or nxt.ocr:  # OCR misreads a few header characters differently on each page
            same = SequenceMatcher(None, "".join(map("".join, a)), "".join(map("".join, b))).ratio() >= OCR_HEADER_SIMILAR
        else:
            same = a == b
        repeated = n if same else 0
    pieces = repeated
    while pieces < len(nxt.rows) and pieces < nxt.header_n and _finishes(prev.rows[-1], nxt.rows[pieces]):
        pieces += 1
    if repeated:
        return (repeated, pieces) if nxt.header_n == pieces else None
    if nxt.header_n != pieces or pieces >= len(nxt.rows):
        return None
    if is_data_row(nxt.texts(pieces)) and _edges_agree(prev.rows[-1], nxt.rows[pieces]):
        return 0, pieces
    return None


def _finishes(last: list[GridCell], row: list[GridCell]) -> bool:
    """A row of the next fragment that is the rest of `last`, broken by the page: no numbers, its
    own cells (none spanning), and text only below cells of `last` that hold text."""
    if not is_data_row([cell_text(c) for c in last]) or len(last) != len(row):
        return False
    texts = [cell_text(c) for c in row]
    if all(is_blank(t) for t in texts) or any(cell_to_number(t) is not None for t in texts):
        return False
    if len({c.origin for c in row}) != len(row):
        return False
    return all(is_blank(t) or (not is_blank(cell_text(l)) and cell_to_number(cell_text(l)) is None)
               for t, l in zip(texts, last))


def _keys(part: GridRows, n: int) -> list[tuple[str, ...]]:
    return [tuple(canonical(join_lines(cell_text(c))) for c in part.rows[r]) for r in range(n)]


def _edges_agree(last: list[GridCell], first: list[GridCell]) -> bool:
    a, b = _col_edges(last), _col_edges(first)
    if a is None or b is None:
        return True  # no geometry (Word, text): same column count is all there is
    return all(abs(x - y) <= EDGE_TOL for x, y in zip(a, b))


def _col_edges(row: list[GridCell]):
    if not all(c.bbox for c in row):
        return None
    return [c.bbox[0] for c in row] + [row[-1].bbox[2]]


def _confident_header(prev: GridRows, nxt: GridRows, findings: list[Finding]) -> None:
    """An OCR header repeated on the next page is a second reading of each header cell: keep the
    more confident one (its bbox is then on the next fragment's first page, which the finding names)."""
    if prev.header_n != nxt.header_n or any(len(a) != len(b) for a, b in zip(prev.rows, nxt.rows)):
        return
    page = nxt.pages[0] if nxt.pages else None
    for r in range(prev.header_n):
        for c, (mine, theirs) in enumerate(zip(prev.rows[r], nxt.rows[r])):
            if mine.origin != theirs.origin or (theirs.confidence or 0) <= (mine.confidence or 0) \
                    or mine.text == theirs.text:
                continue
            for k, cell in enumerate(prev.rows[r]):  # every slot of a merged cell
                if cell.origin == mine.origin:
                    prev.rows[r][k] = cell.model_copy(update={"text": theirs.text, "norm": theirs.norm,
                                                              "bbox": theirs.bbox, "confidence": theirs.confidence})
            findings.append(Finding(
                code="ocr-header-reread", severity="info", stage="extract",
                message=f"header cell {mine.origin} read {theirs.text!r} ({theirs.confidence:g}) on page {page}, "
                        f"more confidently than {mine.text!r} ({mine.confidence or 0:g})",
                prov=Provenance(block=nxt.blocks[0], page=page),
                data={"cell": list(mine.origin), "kept": theirs.text, "dropped": mine.text}))


def _finish_row(prev: GridRows, nxt: GridRows, start: int, end: int) -> None:
    """The rest of the previous fragment's last row (rows start..end of the next) joined to it
    cell by cell, as a cell's wrapped line."""
    last = prev.rows[-1]
    for r in range(start, end):
        for c, piece in enumerate(nxt.rows[r]):
            if is_blank(cell_text(piece)):
                continue
            cell = last[c]
            norm = None
            if cell.norm is not None or piece.norm is not None:
                norm = (cell.norm if cell.norm is not None else cell.text) + "\n" + \
                    (piece.norm if piece.norm is not None else piece.text)
            last[c] = cell.model_copy(update={"text": cell.text + "\n" + piece.text, "norm": norm})


def _append(prev: GridRows, nxt: GridRows, skip: Optional[int] = None) -> None:
    """Body rows of the next fragment (its repeated header and the rest of a broken row dropped)
    appended, origins re-based."""
    skip = nxt.header_n if skip is None else skip
    offset = len(prev.rows) - skip
    for r in range(skip, len(nxt.rows)):
        prev.rows.append([c.model_copy(update={"origin": (c.origin[0] + offset, c.origin[1])}) for c in nxt.rows[r]])
        prev.provs.append(nxt.provs[r])
    prev.blocks += nxt.blocks
    prev.pages += [p for p in nxt.pages if p not in prev.pages]
    prev.ocr = prev.ocr or nxt.ocr
