"""The relational export: long-form cells, replace-on-rerun, failures, flat files."""
from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from pipeline.export import Database, export_tables, write_json
from pipeline.export.database import cells, documents, findings, goals
from pipeline.model import Column, DocMeta, Finding, Goal, Notice, Row, SourceInfo, Table, Total


def small_notice(name="n.docx", total=(3, None)) -> Notice:
    """A notice built by hand: one table with a blank cell and a total, one goal, one finding."""
    table = Table(id=0, title="任务分解表", columns=[Column(name="工匠选树", unit="名"),
                                                   Column(name="安康杯", unit="万人", group="行动")],
                  rows=[Row(raw_name="郏  县", name="郏县", values=[1, 0.5], cells=["1", "0.5"]),
                        Row(raw_name="叶县", name="叶县", values=[2, None], cells=["2", ""])],
                  total=Total(label="合计", values=list(total), cells=["3", ""]))
    return Notice(pipeline_version="t", source=SourceInfo(name=name, sha256="0" * 64, format="docx", bytes=1),
                  doc=DocMeta(title="标题", date="2021-06-03"), tables=[table],
                  goals=[Goal(text="命名示范性工作室5-8家", value=[5, 8], unit="家", comparator="range")],
                  findings=[Finding(code="table-sum-ok", severity="info", message="ok", data={"column": 0})])


@pytest.fixture
def db(tmp_path):
    return Database(f"sqlite:///{tmp_path / 'n.db'}")


def test_cells_are_long_form_with_units_and_nulls(db):
    db.write(small_notice())
    with db.engine.connect() as c:
        rows = c.execute(select(cells.c.row_name, cells.c.column_name, cells.c.unit, cells.c.value, cells.c.is_total)
                         .order_by(cells.c.row, cells.c.col)).all()
    assert rows == [("郏县", "工匠选树", "名", 1.0, False), ("郏县", "安康杯", "万人", 0.5, False),
                    ("叶县", "工匠选树", "名", 2.0, False), ("叶县", "安康杯", "万人", None, False),
                    ("合计", "工匠选树", "名", 3.0, True), ("合计", "安康杯", "万人", None, True)]


def test_rewriting_a_document_replaces_its_rows(db):
    db.write(small_notice())
    db.write(small_notice(total=(4, None)))
    with db.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(documents)).scalar() == 1
        assert c.execute(select(func.count()).select_from(cells)).scalar() == 6
        assert c.execute(select(cells.c.value).where(cells.c.is_total, cells.c.col == 0)).scalar() == 4.0
        assert c.execute(select(goals.c.value, goals.c.value_hi, goals.c.comparator)).one() == (5.0, 8.0, "range")
        assert c.execute(select(findings.c.data)).scalar() == {"column": 0}


def test_flat_files_hold_every_table(db, tmp_path):
    db.write(small_notice())
    written = export_tables(db, tmp_path / "flat", "csv")
    assert {p.name for p in written} >= {"documents.csv", "cells.csv", "goals.csv", "failures.csv"}
    frame = pd.read_csv(tmp_path / "flat" / "cells.csv")
    assert list(frame["value"].head(2)) == [1.0, 0.5]
    export_tables(db, tmp_path / "pq", "parquet")
    assert pd.read_parquet(tmp_path / "pq" / "cells.parquet")["unit"].tolist()[:2] == ["名", "万人"]


def test_json_is_written_atomically(tmp_path, monkeypatch):
    notice = small_notice()
    target = write_json(notice, tmp_path)
    before = target.read_bytes()

    def crash(*_):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError):
        write_json(small_notice(total=(9, None)), tmp_path)
    assert target.read_bytes() == before  # the old file is whole
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left behind
