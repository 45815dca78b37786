"""Tables: join grids across pages, read headers, units, groups, rows and totals."""
from __future__ import annotations

from pipeline.model import Finding, RawDocument, Table


def extract_tables(doc: RawDocument, sections: dict[int, list[str]]) -> tuple[list[Table], list[Finding]]:
    return [], []
