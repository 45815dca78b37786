"""Find table grids on a PDF page (ruled from lines, unruled from text alignment).

    find_grids(page, page_no) -> [(TableGrid, bbox)]

Ruled tables come from pdfplumber's line-based finder; its cells are laid on the grid of all
distinct cell edges, so a cell spanning columns or rows fills every slot it covers (text
repeated, `origin` = top-left slot). Cell text keeps its lines ("\n"); joining wrapped header
lines is interpretation, left to extract. Unruled tables are read from text alignment
(pdf_unruled), only where no ruled table is on the page.
"""
from __future__ import annotations

import logging

from pdfplumber.utils import extract_text

from pipeline.ingest.pdf_unruled import find_unruled
from pipeline.model import BBox, GridCell, TableGrid

log = logging.getLogger(__name__)

RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
         "join_tolerance": 3, "intersection_tolerance": 3}
EDGE_TOL = 2.0  # points: cell edges closer than this are the same grid line


def find_grids(page, page_no: int) -> list[tuple[TableGrid, BBox]]:
    out = []
    try:
        tables = page.find_tables(table_settings=RULED)
    except Exception as e:  # noqa: BLE001  (a malformed drawing must not lose the page's text)
        log.warning("page %d: ruled table search failed: %s", page_no, e)
        tables = []
    for t in tables:
        grid = cells_to_grid(page, t.cells, page_no)
        if grid is not None:
            out.append((grid, _round_bbox(t.bbox)))
    if not out:
        out = [(g, _round_bbox(b)) for g, b in find_unruled(page, page_no)]
    return out


def cells_to_grid(page, cells: list[BBox], page_no: int) -> TableGrid | None:
    """Cell rectangles to a slot grid; None when it is not a table (one row or one column, no text)."""
    xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_cols < 2 or n_rows < 2:
        return None
    texts = cell_texts(page, cells)
    slots: list[list[GridCell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for bbox, text in sorted(zip(cells, texts), key=lambda ct: (ct[0][1], ct[0][0])):
        c0, c1 = _index(xs, bbox[0]), _index(xs, bbox[2])
        r0, r1 = _index(ys, bbox[1]), _index(ys, bbox[3])
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                if slots[r][c] is None:
                    slots[r][c] = GridCell(text=text, origin=(r0, c0), bbox=_round_bbox(bbox))
    rows = [[cell if cell is not None else GridCell(text="", origin=(r, c))
             for c, cell in enumerate(row)] for r, row in enumerate(slots)]
    if not any(c.text.strip() for row in rows for c in row):
        return None
    return TableGrid(rows=rows, pages=[page_no], ruled=True)


def cell_texts(page, cells: list[BBox]) -> list[str]:
    """Each cell's text, lines kept; a character belongs to the cell holding its centre."""
    buckets: list[list[dict]] = [[] for _ in cells]
    for ch in page.chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for i, (x0, top, x1, bottom) in enumerate(cells):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                buckets[i].append(ch)
                break
    return [extract_text(chars, x_tolerance=1.5, y_tolerance=3).strip() if chars else "" for chars in buckets]


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOL:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _round_bbox(b) -> BBox:
    return tuple(round(float(v), 2) for v in b)  # type: ignore[return-value]
