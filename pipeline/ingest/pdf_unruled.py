"""Unruled PDF tables: columns from text alignment.

Deliberately conservative, because a false table takes its text away from the paragraphs:
a run of at least three consecutive lines, each split by wide gaps into a label and numbers
only, two or more of them with three or more segments, whose segments line up in columns.
Header lines directly above the run are taken when their segments sit over those columns;
a header segment wider than one column is a spanning (group) header and fills the slots it
covers, as a merged cell does in a ruled table.
"""
from __future__ import annotations

import re
from statistics import median

from pipeline.model import BBox, GridCell, TableGrid

NUMBER = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?%?$")
MIN_ROWS, MIN_COLS, MIN_NUMBERS = 3, 3, 2  # MIN_NUMBERS: lines as wide as MIN_COLS
MAX_HEADER_LINES = 4


def find_unruled(page, page_no: int) -> list[tuple[TableGrid, BBox]]:
    lines = _lines(page)
    if not lines:
        return []
    out = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _row_like(lines[j]) and (j == i or _close(lines[j - 1], lines[j])):
            j += 1
        wide = sum(1 for segs in lines[i:j] if len(segs) >= MIN_COLS)
        if j - i >= MIN_ROWS and wide >= MIN_NUMBERS:
            found = run_to_grid(lines, i, j, page_no)
            if found:
                out.append(found)
            i = j
        else:
            i += 1
    return out


def _lines(page) -> list[list[dict]]:
    """Text lines, each a list of segments {x0, x1, top, bottom, text}: words merged unless a
    gap wider than about one character separates them."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    if not words:
        return []
    size = median(w["bottom"] - w["top"] for w in words)
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= size * 0.4:
            rows[-1].append(w)
        else:
            rows.append([w])
    lines = []
    for row in rows:
        segs: list[dict] = []
        for w in sorted(row, key=lambda w: w["x0"]):
            if segs and w["x0"] - segs[-1]["x1"] < size * 1.2:
                s = segs[-1]
                s["text"] += w["text"]
                s["x1"], s["bottom"] = w["x1"], max(s["bottom"], w["bottom"])
            else:
                segs.append({k: w[k] for k in ("x0", "x1", "top", "bottom", "text")})
        lines.append(segs)
    return lines


def _row_like(segs: list[dict]) -> bool:
    """A label and nothing but numbers after it (a blank cell just leaves a wider gap)."""
    return len(segs) >= 2 and all(NUMBER.match(s["text"]) for s in segs[1:])


def _close(a: list[dict], b: list[dict]) -> bool:
    height = max(s["bottom"] - s["top"] for s in a)
    return b[0]["top"] - a[0]["bottom"] < height * 2.5


def run_to_grid(lines: list[list[dict]], start: int, end: int, page_no: int):
    body = lines[start:end]
    width = max(len(segs) for segs in body)
    anchors = [segs for segs in body if len(segs) == width]
    cols = [(min(s[c]["x0"] for s in anchors), max(s[c]["x1"] for s in anchors)) for c in range(width)]
    if any(cols[c][1] >= cols[c + 1][0] for c in range(width - 1)):
        return None  # columns overlap: not a clean alignment
    header = _header_lines(lines, start, cols)
    grid_rows = []
    spanning_row = True  # a new header level starts after a spanning line
    for segs in header:
        placed = _place(segs, cols, allow_span=True)
        if placed is None:
            return None
        spans = any(span > 1 for _, (_, span) in placed)
        if grid_rows and not spans and not spanning_row:
            # a wrapped header line: joined to the cells above it
            grid_rows[-1] = [(f"{a}\n{b}".strip("\n"), o) for (a, o), (b, _) in zip(grid_rows[-1], placed)]
        else:
            grid_rows.append(placed)
        spanning_row = spans
    for segs in body:
        placed = _place(segs, cols, allow_span=False)
        if placed is None:
            return None
        grid_rows.append(placed)
    rows = [[GridCell(text=t, origin=(r, o)) for t, (o, _) in placed] for r, placed in enumerate(grid_rows)]
    top = min(s["top"] for segs in header + body for s in segs)
    bottom = max(s["bottom"] for segs in body for s in segs)
    bbox = (cols[0][0], top, cols[-1][1], bottom)
    return TableGrid(rows=rows, pages=[page_no], ruled=False), bbox


def _header_lines(lines, start: int, cols) -> list[list[dict]]:
    """Non-numeric lines right above the first row whose segments all sit over the columns."""
    out: list[list[dict]] = []
    k = start - 1
    while k >= 0 and len(out) < MAX_HEADER_LINES and _close(lines[k], (out[0] if out else lines[start])):
        segs = lines[k]
        hits = [_overlapping(s, cols) for s in segs]
        # a line over every column is a title or prose, not a header
        if _row_like(segs) or not all(hits) or any(len(h) == len(cols) for h in hits):
            break
        out.insert(0, segs)
        k -= 1
    return out


def _overlapping(seg: dict, cols) -> list[int]:
    return [c for c, (x0, x1) in enumerate(cols) if seg["x0"] < x1 and seg["x1"] > x0]


def _place(segs: list[dict], cols, allow_span: bool):
    """Each slot's (text, (origin col, span)); None when two segments claim one column."""
    slots: list[tuple[str, tuple[int, int]] | None] = [None] * len(cols)
    for s in segs:
        hit = _overlapping(s, cols)
        if not hit:
            return None
        if len(hit) > 1 and not allow_span:
            return None
        for c in hit:
            if slots[c] is not None:
                return None
            slots[c] = (s["text"], (hit[0], len(hit)))
    return [sl if sl is not None else ("", (c, 1)) for c, sl in enumerate(slots)]
