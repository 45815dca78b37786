"""Word tables: the document's own grid (gridSpan, vMerge) read into columns, rows and totals."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from pipeline.ingest import docx as docx_reader

DATA = Path(__file__).parent / "data" / "docx"
PDS = DATA / "pds-2021-work-points.docx"
ZZ = DATA / "zz-2021-action-plans.docx"


def codes(notice, code):
    return [f for f in notice.findings if f.code == code]


def test_grid_keeps_merges_and_body_order():
    raw = docx_reader.read(PDS)
    kinds = [b.kind for b in raw.blocks]
    assert kinds.count("table") == 1
    t = next(i for i, b in enumerate(raw.blocks) if b.kind == "table")
    # the table stands between its title and the next attachment, as in Word
    assert raw.blocks[t - 1].text == "2021年全市工会劳动经济工作重点任务分解表"
    assert raw.blocks[t + 1].text.strip() == "附件2"
    grid = raw.blocks[t].grid
    assert (grid.n_rows, grid.n_cols) == (31, 10)
    # gridSpan: the group header fills three slots, each pointing at its first slot
    assert [c.text for c in grid.rows[0][1:4]] == ["建功新时代主力军行动"] * 3
    assert [c.origin for c in grid.rows[0][1:4]] == [(0, 1)] * 3
    # vMerge: the diagonal 单位/项目 cell covers two header rows
    assert grid.rows[1][0].origin == (0, 0) and "单位" in grid.rows[1][0].text
    assert raw.blocks[t].prov.table == 0


def test_private_use_characters_kept():
    raw = docx_reader.read(DATA / "pds-2011-2015-competition-plan.docx")
    assert sum(b.text.count("\ue004") for b in raw.blocks) == 29


def test_two_level_header_units_groups(processed):
    table = processed(PDS).tables[0]
    assert table.title == "2021年全市工会劳动经济工作重点任务分解表"
    assert table.attachment == "附件1"
    assert table.stub == "单位/项目"
    assert [c.unit for c in table.columns] == ["个", "个", "万人", "名", "家", "个", "名", "个", "份"]
    assert table.columns[2].name == "“安康杯”竞赛参赛职工人数"
    assert table.columns[6].group == "深化产业工人队伍建设改革行动"
    assert len(table.rows) == 28


def test_cells_decimal_blank_and_names(processed):
    table = processed(PDS).tables[0]
    rows = {r.name: r for r in table.rows}
    assert rows["工交工会"].values[2] == 0.5  # decimal exact, in the column's own 万人
    assert rows["文教卫工会"].values[5] is None  # blank is null, never 0
    assert rows["机关事业单位"].values == [1, None, 3, 29, 3, None, None, None, None]
    assert rows["郏县"].raw_name == "郏  县"
    assert all(isinstance(v, int) for v in rows["汝州市"].values)
    assert table.total.label == "合  计"
    assert table.total.values == [70, 35, 70, 800, 90, 30, 145, 35, 900]


def test_sums_agree_and_are_recorded(processed):
    notice = processed(PDS)
    assert len(codes(notice, "table-sum-ok")) == 9
    assert not codes(notice, "table-sum-mismatch")
    agree = codes(notice, "table-text-total-agree")
    assert any(f.data["column"] == "各级工匠选树" and f.data["table_total"] == 145 for f in agree)


def test_zhengzhou_tables_and_stated_total_kept(processed):
    notice = processed(ZZ)
    tables = notice.tables
    assert len(tables) == 4
    second = tables[1]
    assert second.total.values == [1000, 100, 50]  # kept as printed, not corrected
    mismatch = {f.data["column"]: (f.data["stated"], f.data["computed"]) for f in codes(notice, "table-sum-mismatch")}
    assert mismatch == {"劳模等先进人物": (1000, 990), "先进集体": (100, 99), "乡村振兴劳模出彩示范基地": (50, 49)}
    assert all(f.severity == "error" for f in codes(notice, "table-sum-mismatch"))
    scoring = tables[2]
    assert not scoring.numeric and scoring.total.label == "总分"
    assert [r.name for r in scoring.rows][0] == "组织领导（10分）"
    assert "一把手亲自抓" in scoring.rows[0].cells[0]
    last = tables[3]
    assert last.total.label is None and last.total.values == [260, 60, 2000]  # unlabelled total
    assert {r.name: r.values for r in last.rows}["农林水利"] == [None, None, None]


@pytest.fixture
def edited_docx(tmp_path):
    """A copy of the Zhengzhou notice with one cell changed (巩义市 9 -> 19)."""
    path = tmp_path / "zz-edited.docx"
    shutil.copy(ZZ, path)
    document = docx.Document(str(path))
    cell = document.tables[0].rows[1].cells[1]
    assert cell.text == "9"
    cell.paragraphs[0].runs[0].text = "19"
    document.save(str(path))
    return path


def test_edited_cell_makes_a_disagreement(edited_docx):
    from pipeline import process
    notice = process(edited_docx)
    first = notice.tables[0]
    assert {r.name: r.values for r in first.rows}["巩义市"] == [19, 6]
    bad = [f for f in codes(notice, "table-sum-mismatch") if f.data["table"] == first.id]
    assert len(bad) == 1
    assert bad[0].data["stated"] == 100 and bad[0].data["computed"] == 110
