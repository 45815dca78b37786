"""PDF tables: ruled grids, merged headers, wrapped header lines, tables crossing page breaks.

The samples are the table pages of two corpus PDFs (pages cut out with PyMuPDF)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pymupdf
import pytest

from pipeline.extract.tables import extract_tables
from pipeline.ingest import pdf as pdf_reader
from pipeline.ingest.pdf_tables import find_grids
from pipeline.normalize import normalize

DATA = Path(__file__).parent / "data" / "pdf"
PDS = DATA / "pds-2021-work-points-table.pdf"
ZZ = DATA / "zz-2021-action-plans-tables.pdf"


@pytest.fixture(scope="module")
def zz_tables():
    tables, findings = extract_tables(normalize(pdf_reader.read(ZZ)), {})
    return tables, findings


def test_ruled_grid_resolves_merged_header():
    with pdfplumber.open(PDS) as pdf:
        (grid, bbox), = find_grids(pdf.pages[0], 1)
    assert grid.ruled and grid.pages == [1]
    assert (grid.n_cols, grid.n_rows) == (10, 18)
    assert [c.origin for c in grid.rows[0][4:7]] == [(0, 4)] * 3  # 乡村振兴劳模出彩行动 spans three
    assert grid.rows[1][0].origin == (0, 0)  # 单位/项目 spans both header rows
    assert all(c.bbox for row in grid.rows for c in row)
    assert bbox[0] < grid.rows[0][0].bbox[2] < bbox[2]


def test_table_across_pages_joined_with_header(tmp_path):
    tables, findings = extract_tables(normalize(pdf_reader.read(PDS)), {})
    assert len(tables) == 1
    t = tables[0]
    assert t.pages == [1, 2] and len(t.rows) == 28  # repeated header on page 2 dropped
    assert [c.unit for c in t.columns] == ["个", "个", "万人", "名", "家", "个", "名", "个", "份"]
    # a header wrapped over four lines inside its cell is one name
    assert t.columns[1].name == "“六比一创”立功竞赛参赛项目数"
    assert t.columns[0].group == "建功新时代主力军行动"
    rows = {r.name: r for r in t.rows}
    assert rows["郏县"].values == [4, 2, 5, 100, 10, 3, 10, 2, 80]
    assert rows["平顶山热电"].values[2] == 0.3
    assert rows["平顶山热电"].prov.page == 2 and rows["平顶山热电"].prov.bbox
    assert t.total.values == [70, 35, 70, 800, 90, 30, 145, 35, 900]
    assert any(f.code == "table-continued" for f in findings)


def test_zhengzhou_pdf_tables(zz_tables):
    tables, _ = zz_tables
    assert len(tables) == 4
    first, second, scoring, third = tables
    assert [c.unit for c in first.columns] == ["个", "万人"]  # (万人) on its own line
    assert {r.name: r.values for r in first.rows}["中原区"] == [2, 5.5]
    assert {r.name: r.values for r in first.rows}["农林水利"] == [None, 0.3]
    assert len(first.rows) == 34 and first.total.values == [100, 120]
    assert len(second.rows) == 32 and second.total.values == [1000, 100, 50]
    assert not scoring.numeric and len(scoring.rows) == 6 and scoring.total.label == "总分"
    assert third.total.label is None and third.total.values == [260, 60, 2000]
    assert third.columns[2].name == "签订师带徒协议" and third.columns[2].unit == "份"


def test_unruled_table_from_alignment(tmp_path):
    """A table drawn without lines: columns from where the text stands."""
    path = tmp_path / "unruled.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    rows = [["单位", "项目数（个）", "人数（万人）"], ["甲区", "12", "0.5"], ["乙区", "3", ""],
            ["丙区", "7", "1.5"], ["合计", "22", "2"]]
    for r, row in enumerate(rows):
        for x, text in zip((72, 220, 360), row):
            if text:
                page.insert_text((x, 100 + 24 * r), text, fontname="china-s", fontsize=11)
    page.insert_text((72, 60), "这是表格上方的一段正文，说明下表的来源和口径。", fontname="china-s", fontsize=11)
    doc.save(path)
    with pdfplumber.open(path) as pdf:
        grids = find_grids(pdf.pages[0], 1)
    assert len(grids) == 1
    grid = grids[0][0]
    assert grid.ruled is False and grid.n_cols == 3
    tables, _ = extract_tables(normalize(pdf_reader.read(path)), {})
    t = tables[0]
    assert [(c.name, c.unit) for c in t.columns] == [("项目数", "个"), ("人数", "万人")]
    assert {r.name: r.values for r in t.rows} == {"甲区": [12, 0.5], "乙区": [3, None], "丙区": [7, 1.5]}
    assert t.total.values == [22, 2]


def test_prose_page_has_no_table():
    with pdfplumber.open(ZZ) as pdf:
        assert find_grids(pdf.pages[2], 3) == [] or all(g.ruled for g, _ in find_grids(pdf.pages[2], 3))
