"""Table checks: column sums against the stated total, text targets against table totals.

    check_tables(notice) -> findings

Every check leaves a finding, agreement included (info), so a reader sees what was checked.
The stated total is never corrected: a disagreement is an error finding beside it.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.table_cells import is_blank, is_blank_mark, is_subtotal_label
from pipeline.model import Column, Finding, Goal, Notice, Number, Table
from pipeline.normalize.quantities import MULTIPLIERS, RATE_UNITS

SAME_COUNT = {"名": "人", "位": "人"}  # counters of people are one unit
RATE_NAME = re.compile(r"(率|比例|占比|比重)$")
MIN_SHARED = 2  # character pairs a goal must share with a column name to be compared
# A per-unit amount (每家给予资助经费五万元, 人均, 平均, 每人) is not a total: never compared with
# a column total. 每年 / 每季度 / 每月 name a period, not a unit, and stay comparable.
PER_UNIT_RE = re.compile(r"每(?![年季月周])|人均|户均|场均|日均|平均")


def check_tables(notice: Notice) -> list[Finding]:
    findings: list[Finding] = []
    for table in notice.tables:
        findings += column_sums(table)
        findings += non_numeric_cells(table)
        findings += duplicate_rows(table)
    findings += text_against_totals(notice.goals, notice.tables)
    return findings


def _finding(code: str, severity: str, message: str, table: Table, prov=None, **data) -> Finding:
    return Finding(code=code, severity=severity, message=message, stage="validate", prov=prov,
                   data={"table": table.id, "title": table.title, **data})


# ---------------------------------------------------------------- sums

def column_sum(table: Table, i: int) -> tuple[Optional[Number], int]:
    """The sum of a column's body values (subtotal rows left out) and how many were summed."""
    values = [r.values[i] for r in table.rows if i < len(r.values) and r.values[i] is not None
              and not is_subtotal_label(r.name)]
    if not values:
        return None, 0
    if all(isinstance(v, int) for v in values):
        return sum(values), len(values)
    places = max(_decimals(v) for v in values)
    return round(sum(values), places), len(values)


def _decimals(v: Number) -> int:
    text = repr(v)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def column_sums(table: Table) -> list[Finding]:
    if table.total is None or not table.numeric:
        return []
    out = []
    for i, col in enumerate(table.columns):
        stated = table.total.values[i] if i < len(table.total.values) else None
        if stated is None or not col.numeric:
            continue
        if is_rate(col):
            out += _rate_in_range(table, i, col, stated)
            continue
        computed, n = column_sum(table, i)
        if computed is None:
            continue
        data = {"column": col.name, "column_index": i, "stated": stated, "computed": computed, "rows": n}
        if abs(computed - stated) <= 1e-9 * max(1, abs(stated)):
            out.append(_finding("table-sum-ok", "info", f"{col.name}: rows sum to the stated total {stated}",
                                table, table.total.prov, **data))
        else:
            out.append(_finding("table-sum-mismatch", "error",
                                f"{col.name}: stated total {stated}, rows sum to {computed}",
                                table, table.total.prov, **data))
    return out


def is_rate(col: Column) -> bool:
    """A rate (入会率 %, 事故率 ‰) does not add up over rows: its total is a weighted mean."""
    return col.unit in RATE_UNITS or bool(RATE_NAME.search(col.name))


def _rate_in_range(table: Table, i: int, col: Column, stated: Number) -> list[Finding]:
    """A mean of the rows' rates, whatever the weights, lies between the smallest and the largest."""
    values = [r.values[i] for r in table.rows if i < len(r.values) and r.values[i] is not None]
    if not values:
        return []
    lo, hi = min(values), max(values)
    data = {"column": col.name, "column_index": i, "stated": stated, "min": lo, "max": hi, "rows": len(values)}
    if lo <= stated <= hi:
        return [_finding("table-rate-in-range", "info", f"{col.name}: the stated overall rate {stated} lies "
                         f"between the rows' {lo} and {hi}", table, table.total.prov, **data)]
    return [_finding("table-rate-out-of-range", "error", f"{col.name}: the stated overall rate {stated} lies "
                     f"outside the rows' {lo}..{hi}, which no mean of them can", table, table.total.prov, **data)]


# ---------------------------------------------------------------- cells and rows

def non_numeric_cells(table: Table) -> list[Finding]:
    out = []
    rows = list(table.rows) + ([table.total] if table.total else [])
    for row in rows:
        name = getattr(row, "name", None) or (row.label if hasattr(row, "label") else None)
        for i, col in enumerate(table.columns):
            if not col.numeric or i >= len(row.cells) or row.values[i] is not None or is_blank(row.cells[i]):
                continue
            mark = is_blank_mark(row.cells[i])
            out.append(_finding("table-non-numeric-cell", "info" if mark else "warning",
                                f"{name}: {col.name}: {row.cells[i]!r} is not a number"
                                + (" (read as blank)" if mark else ""),
                                table, row.prov, row=name, column=col.name, column_index=i, text=row.cells[i]))
    return out


def duplicate_rows(table: Table) -> list[Finding]:
    out, seen = [], {}
    for row in table.rows:
        if not row.name:
            continue
        if row.name in seen:
            same = seen[row.name].values == row.values
            out.append(_finding("table-duplicate-row", "warning",
                                f"{row.name} appears twice" + (" with the same values" if same else " with other values"),
                                table, row.prov, row=row.name, same_values=same))
        else:
            seen[row.name] = row
    return out


# ---------------------------------------------------------------- text against tables

def text_against_totals(goals: list[Goal], tables: list[Table]) -> list[Finding]:
    """Each total column against the goals in the text about the same thing in the same unit:
    agreement when one of them states the total, else a disagreement with the closest."""
    out = []
    for table in tables:
        if table.total is None or not table.numeric:
            continue
        for i, col in enumerate(table.columns):
            stated = table.total.values[i] if i < len(table.total.values) else None
            if stated is None or not col.unit:
                continue
            base, factor = base_unit(col.unit)
            total = stated * factor
            matches = sorted(((shared_pairs(col, g), g) for g in goals if _comparable(g, base)),
                             key=lambda m: -m[0])
            matches = [(s, g) for s, g in matches if s >= MIN_SHARED]
            if not matches:
                continue
            agree = [g for _, g in matches if abs(goal_amount(g) - total) <= 1e-9 * max(1.0, abs(total))]
            goal = agree[0] if agree else matches[0][1]
            data = {"column": col.name, "column_index": i, "unit": col.unit, "table_total": stated,
                    "text_value": goal.value, "text_unit": goal.unit, "text": goal.text, "comparator": goal.comparator}
            if agree:
                out.append(_finding("table-text-total-agree", "info",
                                    f"{col.name}: the text's {goal.quantity or goal.value} matches the table total {stated}",
                                    table, goal.prov, **data))
            else:
                out.append(_finding("table-text-total-disagree", "warning",
                                    f"{col.name}: the text says {goal.quantity or goal.value}, the table total is "
                                    f"{stated}{col.unit}", table, goal.prov, **data))
    return out


def base_unit(unit: str) -> tuple[str, int]:
    """'万人' -> ('人', 10000); counters of people folded to 人."""
    factor = 1
    if len(unit) > 1 and unit[0] in MULTIPLIERS:
        factor, unit = MULTIPLIERS[unit[0]], unit[1:]
    return SAME_COUNT.get(unit, unit), factor


def _comparable(goal: Goal, base: str) -> bool:
    if isinstance(goal.value, list) or goal.growth or not goal.unit or PER_UNIT_RE.search(goal.text):
        return False
    return base_unit(goal.unit)[0] == base


def goal_amount(goal: Goal) -> float:
    return float(goal.value) * base_unit(goal.unit)[1]


def shared_pairs(col: Column, goal: Goal) -> int:
    """Character pairs of the column name found in the goal's metric or text."""
    text = (goal.metric or "") + goal.text
    name = col.name
    return len({name[k:k + 2] for k in range(len(name) - 1) if name[k:k + 2] in text})
