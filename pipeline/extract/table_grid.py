"""One table grid (fragments already joined) to a Table: header levels, columns, rows, total.

    grid_rows_to_table(part, table_id) -> (Table, findings)

Every format arrives here as GridCell rows (Word, PDF ruled or unruled, HTML, OCR, plain text),
so there is one reading of headers, units, blanks and totals.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pipeline.extract.table_cells import (INDEX_HEADER, canonical, cell_to_number, is_blank, is_blank_mark,
                                          is_total_label, join_lines, split_unit, stub_text)
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
        return first
    reach = 1
    while reach < len(rows) and any(c.origin[0] < reach for c in rows[reach]):
        reach += 1
    return min(reach, len(rows))


def name_column(rows: list[list[GridCell]], header_n: int) -> int:
    """The column holding row labels: the first, unless it is a 序号 column of 1, 2, 3 …"""
    if not rows or len(rows[0]) < 3:
        return 0
    head = canonical(join_lines(cell_text(rows[header_n - 1][0]))) if header_n else ""
    body = [cell_to_number(cell_text(r[0])) for r in rows[header_n:]]
    counting = body and all(v == i + 1 for i, v in enumerate(body[:len(body) - 1]))
    return 1 if INDEX_HEADER.match(head) or (header_n and counting and len(body) > 2) else 0


# ---------------------------------------------------------------- columns

def read_columns(part: GridRows, name_col: int) -> tuple[list[Column], Optional[str], list[list[str]]]:
    rows, n = part.rows, part.header_n
    header_rows = [[join_lines(cell_text(c)) for c in rows[r]] for r in range(n)]
    columns = []
    width = max(len(r) for r in rows)
    for c in range(name_col + 1, width):
        levels: list[tuple[str, bool]] = []  # (text, spans more than this column)
        seen = set()
        for r in range(n):
            cell = rows[r][c]
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
        columns.append(Column(name=name, unit=unit or group_unit, group=group or None,
                              raw=" / ".join(join_lines(t) for t, _ in levels if not is_blank(t))))
    stub = None
    if n:
        stub_cells = {rows[r][name_col].origin: rows[r][name_col] for r in range(n)}
        stub = "/".join(s for s in (_stub(c) for c in stub_cells.values()) if s) or None
    return columns, stub, header_rows


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
    rows: list[Row] = []
    for r in range(part.header_n, len(part.rows)):
        texts = part.texts(r)
        if tuple(canonical(join_lines(t)) for t in texts) in header_keys:
            findings.append(_finding("table-header-repeated", "info", "repeated header row dropped", part.provs[r]))
            continue
        if all(is_blank(t) for t in texts):
            continue
        rows.append(_row(part, r, name_col, findings))
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


def _row(part: GridRows, r: int, name_col: int, findings: list[Finding]) -> Row:
    cells = part.rows[r]
    label = cells[name_col] if name_col < len(cells) else GridCell(origin=(r, name_col))
    raw_name = join_lines(label.text)  # as printed, wrapped lines joined
    values, texts, confidence = [], [], []
    for c in range(name_col + 1, len(cells)):
        cell = cells[c]
        text = cell_text(cell)
        texts.append(cell.text)
        confidence.append(cell.confidence)
        merged = cell.origin != (r, c) and cell.origin[1] > name_col and cell.origin[0] >= part.header_n
        if merged and not is_blank(text):
            # one printed number covering several slots is counted once, at its first slot
            values.append(None)
            findings.append(_finding("table-merged-cell", "warning",
                                     f"merged cell {text!r} counted once, at its first slot", part.provs[r],
                                     column=c - name_col - 1))
            continue
        values.append(cell_to_number(text))
    return Row(raw_name=raw_name, name=canonical(join_lines(cell_text(label))), values=values, cells=texts,
               ocr_confidence=confidence if part.ocr else None, prov=part.provs[r])


def _take_total(rows: list[Row]) -> Optional[Total]:
    """The stated total, moved out of the body: a 合计/总计 row, else a last row without a label."""
    for i in range(len(rows) - 1, -1, -1):
        if is_total_label(rows[i].name):
            row = rows.pop(i)
            return Total(label=row.raw_name or None, values=row.values, cells=row.cells, prov=row.prov)
    if rows and not rows[-1].name and any(v is not None for v in rows[-1].values) and len(rows) > 1:
        row = rows.pop()
        return Total(label=None, values=row.values, cells=row.cells, prov=row.prov)
    return None


def _finding(code: str, severity: str, message: str, prov: Optional[Provenance], **data) -> Finding:
    return Finding(code=code, severity=severity, message=message, stage="extract", prov=prov, data=data)
