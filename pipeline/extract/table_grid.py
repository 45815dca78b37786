"""One table grid (fragments already joined) to a Table: header levels, columns, rows, total.

    grid_rows_to_table(part, table_id) -> (Table, findings)

Every format arrives here as GridCell rows (Word, PDF ruled or unruled, HTML, OCR, plain text),
so there is one reading of headers, units, blanks, totals and row groups. A row's group is
the category it falls under: a section row, one cell across the table (二、产业工会), heads
the rows below it; a category column in front of the labels (县区, 产业) names each row's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pipeline.extract.table_cells import (INDEX_HEADER, SENTENCE_END, canonical, cell_to_number, is_blank, is_blank_mark,
                                          is_scope_label, is_subtotal_label, is_total_label, is_unit_word,
                                          join_lines, split_unit, stub_text, cell_value)
from pipeline.model import Column, Finding, GridCell, Provenance, Row, Table, Total


@dataclass
class GridRows:
    """A table's rows as found, possibly from several fragments, each row with its provenance.
    Origins are re-based to these rows when fragments are joined."""

    rows: list[list[GridCell]]
    provs: list[Provenance]
    header_n: int
    blocks: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    ocr: bool = False
    findings: list[Finding] = field(default_factory=list)

    def texts(self, r: int) -> list[str]:
        return [cell_text(c) for c in self.rows[r]]


def cell_text(c: GridCell) -> str:
    return c.norm if c.norm is not None else c.text


# ---------------------------------------------------------------- header rows

def is_data_row(texts: list[str], first_value_col: int = 1) -> bool:
    """A body row: at least one number among its value cells and no more words than numbers."""
    values = texts[first_value_col:]
    numbers = sum(1 for t in values if cell_to_number(t) is not None)
    words = sum(1 for t in values if not is_blank(t) and cell_to_number(t) is None and not is_blank_mark(t))
    if numbers == 0 or words > numbers:
        return False
    years = [cell_to_number(t) for t in values if cell_to_number(t) is not None]
    # a header of years (2020 2021 2022) with no label in its first cell is not a body row
    return not (is_blank(texts[0]) and all(isinstance(v, int) and 1900 <= v <= 2100 for v in years) and len(years) > 1)


def header_row_count(rows: list[list[GridCell]]) -> int:
    """Rows above the first body row; for a table without numbers, the first row and the rows
    its vertically merged cells reach into."""
    texts = [[cell_text(c) for c in row] for row in rows]
    first = next((r for r, t in enumerate(texts) if is_data_row(t)), None)
    if first is not None:
        while first > 1 and group_label(rows[first - 1]):
            first -= 1  # a section row over the first rows (一、各区总工会) is no header level
        return first
    reach = 1
    while reach < len(rows) and any(c.origin[0] < reach for c in rows[reach]):
        reach += 1
    return min(reach, len(rows))


MAX_GROUP_LABEL = 30


def group_label(row: list[GridCell]) -> Optional[str]:
    """The label of a section row: one cell across the whole table (二、产业工会), neither a
    number nor a total nor a unit nor prose. The rows below it, up to the next one, fall under it."""
    if len(row) < 2 or len({c.origin for c in row}) != 1:
        return None
    text = canonical(join_lines(cell_text(row[0])))
    if not text or len(text) > MAX_GROUP_LABEL or cell_to_number(text) is not None or is_total_label(text) \
            or SENTENCE_END.search(text) or is_unit_word(text):
        return None  # a unit row across the table (单位：万元) names no group
    return text


def name_column(rows: list[list[GridCell]], header_n: int) -> int:
    """The column holding row labels: the last text column before the numbers. From the first
    column, a 序号 column of 1, 2, 3 … and a category column (县区, 产业: cells merged down
    over several rows, or printed once per group) in front of a text column are passed over."""
    if not rows or len(rows[0]) < 3:
        return 0
    width = min(len(r) for r in rows)
    col = 0
    while col + 1 < width - 1 and (_index_column(rows, header_n, col) or _category_column(rows, header_n, col)):
        col += 1
    return col


def _index_column(rows: list[list[GridCell]], header_n: int, col: int) -> bool:
    head = canonical(join_lines(cell_text(rows[header_n - 1][col]))) if header_n else ""
    body = [cell_to_number(cell_text(r[col])) for r in rows[header_n:]]
    counting = body and all(v == i + 1 for i, v in enumerate(body[:len(body) - 1]))
    return bool(INDEX_HEADER.match(head) or (header_n and counting and len(body) > 2))


def _category_column(rows: list[list[GridCell]], header_n: int, col: int) -> bool:
    """Cells of this column group the labels of the next: fewer printed cells than body rows
    (merged down, or blank below a group's first row), none a number, the next column a label
    on every row, and numbers further right (a table of text keeps its first column)."""
    body = [r for r in range(header_n, len(rows)) if not all(is_blank(cell_text(c)) for c in rows[r])]
    if len(body) < 3 or any(not _text_cell(cell_text(rows[r][col + 1])) for r in body):
        return False
    width = min(len(rows[r]) for r in body)
    if not any(sum(1 for r in body if cell_to_number(cell_text(rows[r][c])) is not None) * 2 >= len(body)
               for c in range(col + 2, width)):
        return False
    starts = [rows[r][col] for r in body if not is_blank(cell_text(rows[r][col]))
              and (rows[r][col].origin[0] == r or r == body[0])]
    if not starts or any(cell_to_number(cell_text(c)) is not None for c in starts):
        return False
    merged = sum(1 for r in body if rows[r][col].origin[0] < r)
    blank = sum(1 for r in body if is_blank(cell_text(rows[r][col])))
    # merged down (Word, ruled PDF, HTML), or printed once per group with blanks below (text)
    return (merged >= 2 or blank * 2 >= len(body)) and len(starts) < len(body) - 1


def _text_cell(text: str) -> bool:
    return not is_blank(text) and cell_to_number(text) is None and not is_blank_mark(text)


def category_of(rows: list[list[GridCell]], header_n: int, name_col: int) -> dict[int, str]:
    """Row index -> the category printed (or merged down, or left blank below) in front of the
    label column, for a table whose label column is not the first."""
    out: dict[int, str] = {}
    for col in range(name_col):
        if not _category_column(rows, header_n, col):
            continue
        current = ""
        for r in range(header_n, len(rows)):
            text = canonical(join_lines(cell_text(rows[r][col])))
            if text:
                current = text
            if current:
                out[r] = (out[r] + "/" + current) if r in out else current
    return out


# ---------------------------------------------------------------- columns

def read_columns(part: GridRows, name_col: int) -> tuple[list[Column], Optional[str], list[list[str]]]:
    rows, n = part.rows, part.header_n
    header_rows = [[join_lines(cell_text(c)) for c in rows[r]] for r in range(n)]
    columns = []
    width = max(len(r) for r in rows)
    unit_rows = [r for r in range(n) if _unit_row(rows, r, name_col)]
    for c in range(name_col + 1, width):
        levels: list[tuple[str, bool]] = []  # (text, spans more than this column)
        seen = set()
        row_unit = None
        for r in range(n):
            cell = rows[r][c]
            if r in unit_rows:  # 计量单位 | 名 | 张 | 户: each column's unit, not a header level
                row_unit = row_unit or (is_unit_word(cell_text(cell)) if cell.origin[0] == r else None)
                continue
            if cell.origin in seen:
                continue  # merged down from the level above
            seen.add(cell.origin)
            spans = any(rows[r][k].origin == cell.origin for k in range(name_col + 1, width) if k != c)
            levels.append((cell_text(cell), spans))
        groups = [join_lines(t) for t, spans in levels if spans and not is_blank(t)]
        own = "\n".join(t for t, spans in levels if not spans)
        if not own.strip() and groups:  # the lowest level itself spans: it is the name
            own = groups.pop()
        name, unit = split_unit(own)
        group, group_unit = split_unit(groups[-1]) if groups else (None, None)
        columns.append(Column(name=name, unit=row_unit or unit or group_unit, group=group or None,
                              raw=" / ".join(join_lines(t) for t, _ in levels if not is_blank(t))))
    stub = None
    if n:
        stub_cells = {rows[r][name_col].origin: rows[r][name_col] for r in range(n)
                      if r not in unit_rows or rows[r][name_col].origin[0] != r}
        stub = "/".join(s for s in (_stub(c) for c in stub_cells.values()) if s) or None
    return columns, stub, header_rows


def _unit_row(rows: list[list[GridCell]], r: int, name_col: int) -> bool:
    """A header row made only of units (名 张 户, （个）), under or between the header's names;
    a name merged down into it from above (备注) is no part of it."""
    cells = [cell_text(c) for c in rows[r][name_col + 1:] if c.origin[0] == r]
    units = [t for t in cells if not is_blank(t)]
    return r > 0 and bool(units) and all(is_unit_word(t) for t in units) and len(units) * 2 >= len(cells)


def _stub(cell: GridCell) -> str:
    """A diagonal cell's corner words sit on separate lines, which normalising may join."""
    diagonal = stub_text(cell.text)
    return diagonal if "/" in diagonal and "/" not in cell.text else stub_text(cell_text(cell))


# ---------------------------------------------------------------- rows

def grid_rows_to_table(part: GridRows, table_id: int) -> tuple[Table, list[Finding]]:
    findings = list(part.findings)
    name_col = name_column(part.rows, part.header_n)
    columns, stub, header_rows = read_columns(part, name_col)
    header_keys = {tuple(canonical(t) for t in row) for row in header_rows}
    categories = category_of(part.rows, part.header_n, name_col) if name_col else {}
    rows: list[Row] = []
    parsed: list[list] = []  # per row, each value cell's CellValue (or None)
    section = None  # the section row above (二、产业工会)
    for r in range(part.header_n, len(part.rows)):
        texts = part.texts(r)
        if tuple(canonical(join_lines(t)) for t in texts) in header_keys:
            findings.append(_finding("table-header-repeated", "info", "repeated header row dropped", part.provs[r]))
            continue
        if all(is_blank(t) for t in texts):
            continue
        label = group_label(part.rows[r])
        if label and _has_rows_below(part.rows, r):
            section = label
            continue
        row, cells = _row(part, r, name_col, findings)
        if not is_total_label(row.name):
            category = categories.get(r) if categories.get(r) != row.name else None
            row.group = "/".join(g for g in (section, category) if g) or None
        rows.append(row)
        parsed.append(cells)
    _cell_units(columns, rows, parsed, findings, part.provs[0] if part.provs else None)
    total = _take_total(rows)
    numbers = sum(1 for row in rows for v in row.values if v is not None)
    words = sum(1 for row in rows for t, v in zip(row.cells, row.values)
                if v is None and not is_blank(t) and not is_blank_mark(t))
    numeric = numbers > 0 and numbers >= words
    for i, col in enumerate(columns):
        col_numbers = sum(1 for row in rows if row.values[i] is not None)
        col_words = sum(1 for row in rows if row.values[i] is None and not is_blank(row.cells[i])
                        and not is_blank_mark(row.cells[i]))
        col.numeric = (col_numbers > 0 or numeric) and col_numbers >= col_words
    if not part.header_n:
        findings.append(_finding("table-header-missing", "warning", "table has no header row; columns unnamed",
                                 part.provs[0] if part.provs else None))
    table = Table(id=table_id, stub=stub, columns=columns, rows=rows, total=total, numeric=numeric,
                  header_rows=header_rows, blocks=part.blocks, pages=part.pages, ocr=part.ocr)
    for f in findings:
        f.data.setdefault("table", table_id)
    return table, findings


def _has_rows_below(rows: list[list[GridCell]], r: int) -> bool:
    """A section row heads rows: the next non-blank row is a row of the table, not another section."""
    nxt = next((row for row in rows[r + 1:] if not all(is_blank(cell_text(c)) for c in row)), None)
    return nxt is not None and group_label(nxt) is None


def _row(part: GridRows, r: int, name_col: int, findings: list[Finding]) -> tuple[Row, list]:
    cells = part.rows[r]
    label = cells[name_col] if name_col < len(cells) else GridCell(origin=(r, name_col))
    raw_name = join_lines(label.text)  # as printed, wrapped lines joined
    values, texts, confidence, parsed = [], [], [], []
    for c in range(name_col + 1, len(cells)):
        cell = cells[c]
        text = cell_text(cell)
        texts.append(cell.text)
        confidence.append(cell.confidence)
        merged = cell.origin != (r, c) and cell.origin[1] > name_col and cell.origin[0] >= part.header_n
        if merged and not is_blank(text):
            # one printed number covering several slots is counted once, at its first slot
            values.append(None)
            parsed.append(None)
            findings.append(_finding("table-merged-cell", "warning",
                                     f"merged cell {text!r} counted once, at its first slot", part.provs[r],
                                     column=c - name_col - 1))
            continue
        value = cell_value(text)
        values.append(None if value is None else value.value)
        parsed.append(value)
    row = Row(raw_name=raw_name, name=canonical(join_lines(cell_text(label))), values=values, cells=texts,
              ocr_confidence=confidence if part.ocr else None, prov=part.provs[r])
    return row, parsed


def _cell_units(columns: list[Column], rows: list[Row], parsed: list[list], findings: list[Finding],
                prov: Optional[Provenance]) -> None:
    """Counters and comparators printed in the cells (5家, ≥60). A column without a unit takes
    the one counter its cells share; a number whose counter is not the column's unit is left
    null (a cell keeps the table's own scale: 5人 under 万人 is not 5). A comparator has no
    place in a row's values: the number is kept, the cell text keeps the comparator."""
    for i, col in enumerate(columns):
        cells = [(row, p[i]) for row, p in zip(rows, parsed) if i < len(p) and p[i] is not None]
        counters = {v.counter for _, v in cells if v.counter and v.counter != "%"}
        percent = any(v.counter == "%" for _, v in cells)
        if col.unit is None and len(counters) == 1 and not percent:
            col.unit = counters.pop()
            findings.append(_finding("table-unit-from-cells", "info",
                                     f"{col.name}: unit {col.unit} read from the cells", prov,
                                     column=col.name, column_index=i, unit=col.unit))
        elif col.unit is None and len(counters) > 1:
            findings.append(_finding("table-cell-units-mixed", "warning",
                                     f"{col.name}: cells print different units ({'、'.join(sorted(counters))})",
                                     prov, column=col.name, column_index=i, units=sorted(counters)))
        elif col.unit is not None:
            for row, v in cells:
                if v.counter and _counter_key(v.counter) != _counter_key(col.unit) and v.counter != "%":
                    row.values[i] = None
                    findings.append(_finding("table-cell-unit-mismatch", "warning",
                                             f"{row.name}: {col.name}: {row.cells[i]!r} is not in the column's "
                                             f"unit {col.unit}; left null", row.prov,
                                             row=row.name, column=col.name, column_index=i, text=row.cells[i]))
        compared = [(row.name, row.cells[i], v.comparator) for row, v in cells if v.comparator]
        if compared:
            findings.append(_finding("table-cell-comparator", "info",
                                     f"{col.name}: {len(compared)} cells print a comparator "
                                     f"({compared[0][1]!r} …); the number is kept, the comparator only in "
                                     f"the cell text",
                                     prov, column=col.name, column_index=i,
                                     cells=[{"row": n, "text": t, "comparator": c} for n, t, c in compared]))


SAME_COUNT = {"名": "人", "位": "人"}  # counters of people are one unit


def _counter_key(unit: str) -> str:
    return unit[:-1] + SAME_COUNT.get(unit[-1], unit[-1]) if unit else unit


def _take_total(rows: list[Row]) -> Optional[Total]:
    """The stated total, moved out of the body: a 合计/总计 row; else a first or last row
    labelled with the whole area (全市, 全省 …) whose values are the sums of the other rows;
    else a last row without a label."""
    for i in range(len(rows) - 1, -1, -1):
        if is_total_label(rows[i].name):
            row = rows.pop(i)
            return Total(label=row.raw_name or None, values=row.values, cells=row.cells, prov=row.prov)
    for i in sorted({0, len(rows) - 1}, reverse=True):
        if len(rows) > 2 and is_scope_label(rows[i].name) and _sums_of_others(rows, i):
            row = rows.pop(i)
            return Total(label=row.raw_name or None, values=row.values, cells=row.cells, prov=row.prov)
    if rows and not rows[-1].name and any(v is not None for v in rows[-1].values) and len(rows) > 1:
        row = rows.pop()
        return Total(label=None, values=row.values, cells=row.cells, prov=row.prov)
    return None


def _sums_of_others(rows: list[Row], i: int) -> bool:
    """Every number of row i is the sum of the column's other rows (subtotal rows left out)."""
    compared = 0
    for c, stated in enumerate(rows[i].values):
        if stated is None:
            continue
        others = [r.values[c] for k, r in enumerate(rows) if k != i and c < len(r.values)
                  and r.values[c] is not None and not is_subtotal_label(r.name)]
        if not others:
            continue
        if abs(sum(others) - stated) > 1e-6 * max(1.0, abs(stated)):
            return False
        compared += 1
    return compared > 0


def _finding(code: str, severity: str, message: str, prov: Optional[Provenance], **data) -> Finding:
    return Finding(code=code, severity=severity, message=message, stage="extract", prov=prov, data=data)
