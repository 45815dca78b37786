"""Plain-text tables (a pdftotext dump without column positions): rows from lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables import extract_tables
from pipeline.ingest import txt as txt_reader
from pipeline.normalize import normalize

TXT = Path(__file__).parent / "data" / "txt" / "zz-2021-action-plans.txt"


def tables_of(path):
    return extract_tables(normalize(txt_reader.read(path)), {})


@pytest.fixture(scope="module")
def read():
    return tables_of(TXT)


def test_three_allocation_tables(read):
    tables, _ = read
    numeric = [t for t in tables if t.numeric]
    assert len(numeric) == 3
    first, second, third = numeric
    assert [(c.name, c.unit) for c in first.columns] == [("“三比两降”节能减排竞赛参赛项目数", "个"), ("“安康杯”竞赛参赛职工数", "万人")]
    assert len(first.rows) == 34  # the repeated header at the page break is not a row
    assert first.total.values == [100, 120]
    rows = {r.name: r for r in second.rows}
    assert rows["航空港经济综合实验区"].values == [10, 1, 1]  # label wrapped over two lines
    assert second.total.values == [1000, 100, 50]
    assert third.total.label is None and third.total.values == [260, 60, 2000]


def test_short_rows_placed_by_kept_blanks_with_findings(read):
    tables, findings = read
    rows = {r.name: r.values for r in tables[0].rows}
    assert rows["农林水利"] == [None, 0.3] and rows["轻研院"] == [1, None]
    short = {f.data["row"]: f for f in findings if f.code == "table-row-short"}
    assert short["农林水利"].severity == "warning" and short["农林水利"].data["placed"] == "spacing"
    assert short["郑煤集团"].prov.line


def test_short_rows_left_null_without_spacing(tmp_path):
    """With trailing blanks trimmed a short row cannot be placed: nulls and a finding, no guess."""
    trimmed = tmp_path / "zz-trimmed.txt"
    trimmed.write_text("\n".join(l.rstrip() for l in TXT.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    tables, findings = tables_of(trimmed)
    rows = {r.name: r.values for r in tables[0].rows}
    assert rows["轻研院"] == [None, None]
    assert rows["巩义市"] == [9, 6]
    unplaced = [f for f in findings if f.code == "table-row-short" and f.data["placed"] is None]
    assert "轻研院" in {f.data["row"] for f in unplaced}


def test_multi_line_cell_table_read_like_the_docx(read):
    """The 评分标准 table, written cell after cell with multi-line cells, comes out as the .docx's does."""
    tables, _ = read
    [table] = [t for t in tables if not t.numeric]
    assert (table.title, table.attachment) == ("郑州市乡村振兴劳模出彩行动评分标准", "附件2")
    assert table.stub == "项目" and [c.name for c in table.columns] == ["内容", "得分"]
    assert table.header_rows == [["项目", "内容", "得分"]]
    assert [r.name for r in table.rows] == ["组织领导（10分）", "工作部署（10分）", "制度建设（10分）",
                                           "乡村振兴劳模出彩基地建设（20分）", "工作成效（40分）", "组织宣传（10分）"]
    assert table.rows[3].raw_name == "乡村振兴劳模出彩基地建设（20分）"
    assert table.rows[3].cells[0].split("\n")[1] == "培育本级工会的乡村振兴劳模出彩基地情况(2分);"  # wrapped line joined
    assert table.rows[5].cells == ["宣传形式多样、氛围浓厚(2分)；\n加大报刊及网络宣传力度(2分)；\n宣传效果明显(6分)。", ""]
    assert table.total.label == "总分" and table.total.values == [None, None]
    assert [t.id for t in tables] == [0, 1, 2, 3] and tables.index(table) == 2  # in reading order
