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
    # a <tr> with no cell of its own and none spanning into it is no row (<tr></tr> spacers)
    filled = [r for r in range(len(rows)) if any((r, c) in slots for c in range(n_cols))]
    grid_rows = [[slots.get((r, c), GridCell(text="", origin=(r, c))) for c in range(n_cols)] for r in filled]
    return TableGrid(rows=grid_rows)


def own_cells(table) -> list:
    """The <td>/<th> of the table itself, in order (not of tables nested in its cells)."""
    return [cell for tr in table.iter("tr") if _owner_table(tr) is table
            for cell in tr if isinstance(cell.tag, str) and cell.tag in ("td", "th")]


SENTENCE_END = ("。", "！", "？", "；", "：", "!", "?", ";", ":")


def is_layout_table(table) -> bool:
    """A table used to place page parts (old table-layout sites), not a data table.

    Layout when it nests another table or a heading, when it has no grid (one row or one
    column), or when one cell holds running text (several sentence lines, or 500+ characters)
    that makes up at least half the table's text. Data tables (short cells, a header row,
    numbers) have none of these."""
    cells = own_cells(table)
    if not cells:
        return True
    for cell in cells:
        if any(isinstance(d.tag, str) and d.tag in ("table", "h1", "h2", "h3", "h4", "h5", "h6")
               for d in cell.iterdescendants()):
            return True
    grid = table_to_grid(table)
    if grid.n_rows <= 1 or len(grid.rows[0]) <= 1:
        return True
    texts = [cell_text(c) for c in cells]
    total = sum(len(t) for t in texts) or 1
    for text in texts:
        lines = text.split("\n")
        sentences = sum(1 for l in lines if l.endswith(SENTENCE_END))
        running = (len(lines) >= 3 and sentences >= 2) or len(text) >= 500
        if running and len(text) * 2 >= total:
            return True
    return False


def unwrap_layout_tables(root) -> int:
    """Turn layout tables into plain <div>s (table, row and cell alike), so their content reads
    as paragraphs and a cell can be the article. Returns how many were unwrapped."""
    layout = [t for t in root.iter("table") if is_layout_table(t)]
    for table in layout:
        for tr in [tr for tr in table.iter("tr") if _owner_table(tr) is table]:
            parent = tr.getparent()
            if parent is not None and parent is not table and parent.tag in ("tbody", "thead", "tfoot"):
                parent.tag = "div"
            for cell in tr:
                if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                    cell.tag = "div"
            tr.tag = "div"
        table.tag = "div"
    return len(layout)


def _owner_table(el):
    node = el.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node
