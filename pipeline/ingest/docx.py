"""Word .docx reader (python-docx): paragraphs and tables in body order.

The body is walked element by element (w:p, w:tbl, content controls), so a table sits between
the paragraphs it sits between in Word, landscape sections included. Text is read from the
XML runs directly so nothing python-docx skips (tracked insertions, fields, symbols,
private-use characters such as U+E004) is lost.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Iterator, Optional

from docx.oxml.ns import qn

from pipeline.ingest.docx_open import open_docx
from pipeline.ingest.source import source_info
from pipeline.model import Block, GridCell, Provenance, RawDocument, TableGrid

log = logging.getLogger(__name__)

W_P, W_TBL, W_SDT, W_SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_TR, W_TC, W_T, W_TAB, W_BR, W_CR = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_SYM, W_NBH, W_DEL, W_TXBX = qn("w:sym"), qn("w:noBreakHyphen"), qn("w:del"), qn("w:txbxContent")
W_VAL, W_CHAR = qn("w:val"), qn("w:char")
HEADING_STYLE = re.compile(r"^(heading|title|标题)\s*(\d*)", re.I)


def read(path: Path) -> RawDocument:
    document = open_docx(path)
    styles = _style_names(document)
    blocks: list[Block] = []
    n_par = n_tbl = 0
    for el in _body_elements(document.element.body):
        if el.tag == W_P:
            text = paragraph_text(el)
            if text.strip():
                blocks.append(_paragraph_block(len(blocks), el, text, n_par, styles))
            n_par += 1
        else:
            grid = table_to_grid(el)
            if grid.rows:
                blocks.append(Block(id=len(blocks), kind="table", text=grid.plain_text(), grid=grid,
                                    prov=Provenance(table=n_tbl)))
            n_tbl += 1
    return RawDocument(source=source_info(path, "docx"), blocks=blocks)


def _body_elements(parent) -> Iterator:
    """Body paragraphs and tables in order; content controls are opened, not skipped."""
    for el in parent.iterchildren():
        if el.tag in (W_P, W_TBL):
            yield el
        elif el.tag == W_SDT:
            content = el.find(W_SDT_CONTENT)
            if content is not None:
                yield from _body_elements(content)


def paragraph_text(p) -> str:
    """All visible characters of a w:p: runs anywhere below it except deletions and text boxes."""
    out: list[str] = []
    for el in p.iter():
        if el.tag == W_T:
            if not _inside(el, p, (W_DEL, W_TXBX)):
                out.append(el.text or "")
        elif el.tag == W_TAB and el.getparent().tag == qn("w:r"):
            out.append("\t")
        elif el.tag in (W_BR, W_CR):
            out.append("\n")
        elif el.tag == W_NBH:
            out.append("\u2011")
        elif el.tag == W_SYM and el.get(W_CHAR):
            out.append(chr(int(el.get(W_CHAR), 16)))
    return "".join(out)


def _inside(el, stop, tags) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _paragraph_block(block_id: int, p, text: str, index: int, styles: dict[str, str]) -> Block:
    style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style = styles.get(style_id.get(W_VAL), style_id.get(W_VAL)) if style_id is not None else None
    m = HEADING_STYLE.match(style or "")
    kind, level = "paragraph", None
    if m:
        kind, level = "heading", (int(m.group(2)) + 1 if m.group(2) else 1)
        if m.group(1).lower() == "title":
            level = 1
    return Block(id=block_id, kind=kind, text=text, prov=Provenance(paragraph=index), style=style, level=level)


def _style_names(document) -> dict[str, str]:
    try:
        return {s.style_id: s.name for s in document.styles if s.style_id}
    except Exception as e:  # noqa: BLE001  (a broken styles part must not lose the body)
        log.warning("styles unreadable: %s", e)
        return {}


# ---------------------------------------------------------------- tables

def table_to_grid(tbl) -> TableGrid:
    """The table on its own grid: gridSpan widens a cell, vMerge continues the cell above.
    Every slot a merged cell covers repeats its text; `origin` is its top-left slot."""
    rows: list[list[GridCell]] = []
    for r, tr in enumerate(tbl.iterchildren(W_TR)):
        row: list[GridCell] = []
        col = _grid_before(tr)
        for _ in range(col):  # w:gridBefore: slots left empty before the first cell
            row.append(GridCell(text="", origin=(r, len(row))))
        for tc in _row_cells(tr):
            span, vmerge = _cell_span(tc)
            above = _slot_above(rows, r, len(row)) if vmerge == "continue" else None
            if above is not None:
                cells = [GridCell(text=above.text, origin=above.origin) for _ in range(span)]
            else:
                text = "\n".join(paragraph_text(p) for p in tc.iterchildren(W_P))
                origin = (r, len(row))
                cells = [GridCell(text=text, origin=origin) for _ in range(span)]
            row.extend(cells)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for r, row in enumerate(rows):  # ragged rows (w:gridAfter) padded so the grid is rectangular
        row.extend(GridCell(text="", origin=(r, c)) for c in range(len(row), width))
    return TableGrid(rows=rows)


def _row_cells(tr) -> Iterator:
    for el in tr.iterchildren():
        if el.tag == W_TC:
            yield el
        elif el.tag == W_SDT:  # a content control around cells
            content = el.find(W_SDT_CONTENT)
            if content is not None:
                yield from content.iterchildren(W_TC)


def _grid_before(tr) -> int:
    el = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    return int(el.get(W_VAL, "0")) if el is not None else 0


def _cell_span(tc) -> tuple[int, Optional[str]]:
    pr = tc.find(qn("w:tcPr"))
    if pr is None:
        return 1, None
    span_el = pr.find(qn("w:gridSpan"))
    span = int(span_el.get(W_VAL, "1")) if span_el is not None else 1
    vm = pr.find(qn("w:vMerge"))
    vmerge = None if vm is None else ("restart" if vm.get(W_VAL) == "restart" else "continue")
    return max(span, 1), vmerge


def _slot_above(rows: list[list[GridCell]], r: int, c: int) -> Optional[GridCell]:
    if r == 0 or c >= len(rows[r - 1]):
        return None
    return rows[r - 1][c]


