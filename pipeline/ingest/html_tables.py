"""An HTML <table> to a TableGrid, colspan and rowspan resolved (merged text repeated)."""
from __future__ import annotations

from pipeline.model import GridCell, TableGrid


def _span(el, name: str) -> int:
    try:
        return max(1, min(int(el.get(name, "1").strip() or 1), 200))
    except ValueError:
        return 1


def cell_text(el) -> str:
    """Cell text with <br> and block children as line breaks."""
    parts: list[str] = []

    def walk(node):
        if node.tag == "br":
            parts.append("\n")
        elif isinstance(node.tag, str) and node.tag in ("p", "div", "li") and parts and parts[-1] != "\n":
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = [" ".join(l.split()) for l in "".join(parts).split("\n")]
    return "\n".join(l for l in lines if l)


def table_to_grid(table) -> TableGrid:
    """Rows of the table itself (not of tables nested in its cells)."""
    rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    slots: dict[tuple[int, int], GridCell] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in slots:
                c += 1
            text = cell_text(cell)
            for dr in range(_span(cell, "rowspan")):
                for dc in range(_span(cell, "colspan")):
                    if r + dr < len(rows):
                        slots[(r + dr, c + dc)] = GridCell(text=text, origin=(r, c))
            c += _span(cell, "colspan")
    n_cols = max((c for _, c in slots), default=-1) + 1
    grid_rows = [[slots.get((r, c), GridCell(text="", origin=(r, c))) for c in range(n_cols)]
                 for r in range(len(rows))]
    return TableGrid(rows=grid_rows)


def _owner_table(el):
    node = el.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node
