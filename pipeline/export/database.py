"""The relational export: SQLite by default, any SQLAlchemy URL (PostgreSQL) when a team grows.

Tables are long and flat so that a researcher can diff years with plain SQL:
one row per table cell, per goal, per schedule item, per finding, per failed file.
Re-processing a file replaces its rows (keyed by the batch's key: the source's path inside
the folder read, or its name), so incremental batches never duplicate a document.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Optional

from sqlalchemy import (JSON, Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        create_engine, delete, insert, inspect, select, text)
from sqlalchemy.engine import Engine

from pipeline.model import Finding, Notice

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(512), nullable=False, unique=True),
    Column("sha256", String(64), nullable=False, index=True),
    Column("format", String(16), nullable=False),
    Column("pages", Integer),
    Column("title", Text), Column("doc_number", String(128)), Column("issuer", Text),
    Column("date", String(10)), Column("script", String(16)),
    Column("ok", Boolean, nullable=False),
    Column("n_findings", Integer, nullable=False),
    Column("schema_version", String(16), nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("processed_at", String(32), nullable=False),
)


def _doc_fk():
    return Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)


doc_tables = Table(
    "doc_tables", metadata, _doc_fk(),
    Column("table_id", Integer, nullable=False),
    Column("title", Text), Column("attachment", String(32)), Column("section", Text),
    Column("numeric", Boolean), Column("n_rows", Integer), Column("n_cols", Integer),
    Column("pages", String(64)), Column("ocr", Boolean),
)

cells = Table(
    "cells", metadata, _doc_fk(),
    Column("table_id", Integer, nullable=False),
    Column("table_title", Text),
    Column("row", Integer, nullable=False),  # body rows 0..n-1; the total row is n
    Column("row_name", Text), Column("raw_row_name", Text),
    Column("row_group", Text),  # the category the row falls under (Row.group)
    Column("is_total", Boolean, nullable=False),
    Column("col", Integer, nullable=False),
    Column("column_name", Text), Column("column_group", Text),
    Column("unit", String(16)),
    Column("value", Float),
    Column("text", Text),
)

goals = Table(
    "goals", metadata, _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float), Column("value_hi", Float),
    Column("unit", String(16)), Column("comparator", String(8)),
    Column("metric", Text), Column("period", Text), Column("growth", Boolean),
    Column("section", Text), Column("page", Integer), Column("block", Integer),
    Column("span_start", Integer), Column("span_end", Integer),
)

schedule_items = Table(
    "schedule_items", metadata, _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start_month", Integer), Column("end_month", Integer), Column("deadline", String(5)),
    Column("year", Integer), Column("recurrence", String(32)), Column("action", Text),
    Column("partners", Text), Column("section", Text), Column("page", Integer), Column("block", Integer),
)

findings = Table(
    "findings", metadata, _doc_fk(),
    Column("code", String(64), nullable=False), Column("severity", String(8), nullable=False),
    Column("stage", String(16)), Column("message", Text, nullable=False),
    Column("page", Integer), Column("block", Integer), Column("data", JSON),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(512), nullable=False, index=True),
    Column("path", Text, nullable=False),
    Column("sha256", String(64)),
    Column("stage", String(16), nullable=False),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("failed_at", String(32), nullable=False),
)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _section(path: list[str]) -> Optional[str]:
    return " / ".join(path) or None


def _num(v):
    return None if v is None else float(v)


class Database:
    """A SQLAlchemy database holding the pipeline's tables (created when missing)."""

    def __init__(self, url: str):
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            from sqlalchemy import event

            @event.listens_for(self.engine, "connect")
            def _fk_on(dbapi_conn, _):  # SQLite enforces foreign keys only when asked
                dbapi_conn.execute("PRAGMA foreign_keys=ON")
        metadata.create_all(self.engine)
        _add_missing_columns(self.engine, cells)

    def processed_as(self, name: str) -> Optional[tuple[str, str]]:
        """(sha256, pipeline_version) of the stored document `name`, or None."""
        with self.engine.connect() as c:
            row = c.execute(select(documents.c.sha256, documents.c.pipeline_version)
                            .where(documents.c.name == name)).first()
        return None if row is None else (row[0], row[1])

    def write(self, notice: Notice, key: Optional[str] = None) -> int:
        """Store one notice under `key` (its source name by default), replacing any earlier rows
        of that key; returns its id."""
        name = key or notice.source.name
        with self.engine.begin() as c:
            c.execute(delete(documents).where(documents.c.name == name))
            c.execute(delete(failures).where(failures.c.name == name))
            doc_id = c.execute(insert(documents).values(
                name=name, sha256=notice.source.sha256, format=notice.source.format, pages=notice.source.pages,
                title=notice.doc.title, doc_number=notice.doc.doc_number, issuer=notice.doc.issuer,
                date=notice.doc.date, script=notice.doc.script, ok=notice.ok, n_findings=len(notice.findings),
                schema_version=notice.schema_version, pipeline_version=notice.pipeline_version,
                processed_at=_now())).inserted_primary_key[0]
            rows = _rows(doc_id, notice)
            for table, values in rows.items():
                if values:
                    c.execute(insert(table), values)
        return doc_id

    def write_failure(self, name: str, path: str, stage: str, code: str, message: str,
                      sha256: Optional[str] = None) -> None:
        """Record a file that could not be processed; its earlier extraction, if any, is kept."""
        with self.engine.begin() as c:
            c.execute(delete(failures).where(failures.c.name == name))
            c.execute(insert(failures).values(name=name, path=path, sha256=sha256, stage=stage, code=code,
                                              message=message, failed_at=_now()))


def _add_missing_columns(engine: Engine, table: Table) -> None:
    """A database made by an earlier version lacks the table's newer nullable columns
    (cells.row_group): added, so old and new rows live side by side."""
    have = {c["name"] for c in inspect(engine).get_columns(table.name)}
    with engine.begin() as c:
        for column in table.columns:
            if column.name not in have and column.nullable:
                kind = column.type.compile(dialect=engine.dialect)
                c.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


def _rows(doc_id: int, notice: Notice) -> dict[Table, list[dict]]:
    out: dict[Table, list[dict]] = {doc_tables: [], cells: [], goals: [], schedule_items: [], findings: []}
    for t in notice.tables:
        out[doc_tables].append(dict(
            document_id=doc_id, table_id=t.id, title=t.title, attachment=t.attachment, section=_section(t.section),
            numeric=t.numeric, n_rows=len(t.rows), n_cols=len(t.columns), pages=",".join(map(str, t.pages)) or None,
            ocr=t.ocr))
        body = [(i, r.name, r.raw_name, r.group, False, r.values, r.cells) for i, r in enumerate(t.rows)]
        if t.total is not None:
            body.append((len(t.rows), t.total.label, t.total.label, None, True, t.total.values, t.total.cells))
        for i, name, raw_name, group, is_total, values, texts in body:
            for j, col in enumerate(t.columns):
                value = values[j] if j < len(values) else None
                out[cells].append(dict(
                    document_id=doc_id, table_id=t.id, table_title=t.title, row=i, row_name=name,
                    raw_row_name=raw_name, row_group=group, is_total=is_total, col=j, column_name=col.name,
                    column_group=col.group, unit=col.unit, value=_num(value) if t.numeric else None,
                    text=texts[j] if j < len(texts) else None))
    for i, g in enumerate(notice.goals):
        lo, hi = (g.value if isinstance(g.value, list) else (g.value, None))
        out[goals].append(dict(
            document_id=doc_id, idx=i, text=g.text, value=_num(lo), value_hi=_num(hi), unit=g.unit,
            comparator=g.comparator, metric=g.metric, period=g.period, growth=g.growth, section=_section(g.section),
            page=g.prov.page if g.prov else None, block=g.prov.block if g.prov else None,
            span_start=g.prov.span[0] if g.prov and g.prov.span else None,
            span_end=g.prov.span[1] if g.prov and g.prov.span else None))
    for i, s in enumerate(notice.schedule):
        out[schedule_items].append(dict(
            document_id=doc_id, idx=i, text=s.text, start_month=s.start_month, end_month=s.end_month,
            deadline=s.deadline, year=s.year, recurrence=s.recurrence, action=s.action,
            partners="、".join(s.partners) or None, section=_section(s.section),
            page=s.prov.page if s.prov else None, block=s.prov.block if s.prov else None))
    out[findings] = [_finding_row(doc_id, f) for f in notice.findings]
    return out


def _finding_row(doc_id: int, f: Finding) -> dict:
    return dict(document_id=doc_id, code=f.code, severity=f.severity, stage=f.stage, message=f.message,
                page=f.prov.page if f.prov else None, block=f.prov.block if f.prov else None,
                data=json.loads(json.dumps(f.data, ensure_ascii=False, default=str)))
