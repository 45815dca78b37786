"""Extract: metadata, outline, tables, goals and schedule from normalised blocks.

    extract(doc: RawDocument) -> Notice
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline import __version__
from pipeline.extract.goals import extract_goals
from pipeline.extract.metadata import extract_metadata
from pipeline.extract.outline import extract_outline, section_paths
from pipeline.extract.schedule import extract_schedule, table_schedule
from pipeline.extract.tables import extract_tables
from pipeline.model import BlockOut, DocMeta, Notice, RawDocument


def extract(doc: RawDocument) -> Notice:
    meta, findings = extract_metadata(doc)
    outline = extract_outline(doc)
    sections = section_paths(outline, doc)
    year = document_year(meta)
    tables, table_findings = extract_tables(doc, sections)
    return Notice(
        pipeline_version=__version__, source=doc.source, doc=meta, outline=outline, tables=tables,
        goals=extract_goals(doc, sections, year),
        schedule=extract_schedule(doc, sections, year) + table_schedule(tables, year),
        findings=[*doc.findings, *findings, *table_findings],
        blocks=[BlockOut(id=b.id, kind=b.kind, raw=b.text, text=b.ntext, prov=b.prov,
                         article=b.article, confidence=b.confidence) for b in doc.blocks])


def document_year(meta: DocMeta) -> Optional[int]:
    """The year a schedule without its own year belongs to: the title's (the first of a span,
    2021—2025年), else the date's."""
    m = re.search(r"(20\d\d)(?:\s*[-—–~至到]\s*20\d\d)?\s*年", meta.title or "")
    if m:
        return int(m.group(1))
    return int(meta.date[:4]) if meta.date else None
