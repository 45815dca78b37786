"""Table reading rules met in notices beyond the yardstick: a category column in front of the
labels, totals labelled 全市 printed first, unit rows and unit lines, cells with a comparator
or a counter, a row broken across a page, tab-separated and laid-out plain text."""
from __future__ import annotations

from pathlib import Path

import docx

from pipeline import process
from pipeline.extract.tables import extract_tables
from pipeline.model import Block, GridCell, Provenance, RawDocument, SourceInfo, TableGrid


def make_docx(path: Path, *items) -> Path:
    """Paragraphs (str) and tables (list of rows; merges as (row0, col0, row1, col1) tuples after the rows)."""
    d = docx.Document()
    for item in items:
        if isinstance(item, str):
            d.add_paragraph(item)
            continue
        rows, merges = item if isinstance(item, tuple) else (item, [])
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        for r0, c0, r1, c1 in merges:
            text = rows[r0][c0]
            merged = t.cell(r0, c0).merge(t.cell(r1, c1))
            merged.text = text
    d.save(path)
    return path


def findings(notice, code):
    return [f for f in notice.findings if f.code == code]


# ---------------------------------------------------------------- label columns

def test_category_column_in_front_of_the_labels(tmp_path):
    rows = [["类别", "单位", "新建工会（家）", "发展会员（人）"],
            ["县区", "东县", "120", "3,000"],
            ["县区", "西县", "80", "2,000"],
            ["县区", "南区", "100", "2,500"],
            ["产业", "建设工会", "30", "1,500"],
            ["产业", "交通工会", "20", "1,000"],
            ["合计", "合计", "350", "10,000"]]
    path = make_docx(tmp_path / "cat.docx", "附件", "2023年工会组织建设任务表",
                     (rows, [(1, 0, 3, 0), (4, 0, 5, 0), (6, 0, 6, 1)]))
    notice = process(path)
    [table] = notice.tables
    assert [r.name for r in table.rows] == ["东县", "西县", "南区", "建设工会", "交通工会"]
    assert table.rows[0].values == [120, 3000]
    assert [(c.name, c.unit) for c in table.columns] == [("新建工会", "家"), ("发展会员", "人")]
    assert table.total.label == "合计" and table.total.values == [350, 10000]
    assert [r.group for r in table.rows] == ["县区", "县区", "县区", "产业", "产业"]


def test_index_column_still_passed_over(tmp_path):
    rows = [["序号", "地市", "新建站点"], ["1", "甲市", "15"], ["2", "乙市", "16"], ["3", "丙市", "9"],
            ["", "合计", "40"]]
    [table] = process(make_docx(tmp_path / "idx.docx", "站点建设任务表", rows)).tables
    assert [r.name for r in table.rows] == ["甲市", "乙市", "丙市"]
    assert table.total.values == [40]


# ---------------------------------------------------------------- totals

def test_scope_row_printed_first_is_the_total_when_it_sums(tmp_path):
    rows = [["单位", "新发展会员（名）", "服务卡（张）"],
            ["全市", "6,000", "1,000"],
            ["甲区", "2,000", "300"],
            ["乙区", "1,500", "300"],
            ["区市小计", "3,500", "600"],
            ["建设工会", "1,500", "250"],
            ["教育工会", "1,000", "150"],
            ["产业小计", "2,500", "400"]]
    notice = process(make_docx(tmp_path / "scope.docx", "会员发展任务表", rows))
    [table] = notice.tables
    assert table.total.label == "全市" and table.total.values == [6000, 1000]
    assert [r.name for r in table.rows][0] == "甲区"
    assert "区市小计" in [r.name for r in table.rows]  # a subtotal stays a body row
    assert len(findings(notice, "table-sum-ok")) == 2


def test_scope_row_that_does_not_sum_stays_a_row(tmp_path):
    rows = [["单位", "站点（个）"], ["全市", "7"], ["甲区", "2"], ["乙区", "3"], ["丙区", "4"]]
    [table] = process(make_docx(tmp_path / "scope2.docx", "站点任务表", rows)).tables
    assert table.total is None
    assert [r.name for r in table.rows] == ["全市", "甲区", "乙区", "丙区"]


# ---------------------------------------------------------------- units

def test_units_row_under_the_header(tmp_path):
    rows = [["单位", "新发展会员", "发放服务卡", "合作商户", "备注"],
            ["计量单位", "名", "张", "户", ""],
            ["甲区", "4,500", "8,000", "40", ""],
            ["乙区", "5,000", "8,500", "45", "含开发区"],
            ["丙区", "3,500", "6,000", "30", ""]]
    [table] = process(make_docx(tmp_path / "units.docx", "会员发展任务表", rows)).tables
    assert [(c.name, c.unit) for c in table.columns] == [("新发展会员", "名"), ("发放服务卡", "张"),
                                                         ("合作商户", "户"), ("备注", None)]
    assert table.stub == "单位"
    assert table.rows[1].values == [5000, 8500, 45, None]


def test_unit_line_above_the_table_is_no_title(tmp_path):
    rows = [["地市", "新建站点", "提升站点", "补助资金（万元）"], ["甲市", "15", "8", "60"], ["乙市", "16", "9", "64"],
            ["丙市", "9", "3", "36"], ["合计", "40", "20", "160"]]
    path = make_docx(tmp_path / "caption.docx", "附件：", "1.站点建设任务表", "附件1", "站点建设任务表", "（单位：个）",
                     rows)
    notice = process(path)
    [table] = notice.tables
    assert (table.title, table.attachment) == ("站点建设任务表", "附件1")
    assert [c.unit for c in table.columns] == ["个", "个", "万元"]
    assert findings(notice, "table-unit-from-caption")


def test_unit_at_the_end_of_the_title_line(tmp_path):
    rows = [["地市", "新建站点", "提升站点"], ["甲市", "15", "8"], ["乙市", "16", "9"], ["丙市", "9", "3"]]
    [table] = process(make_docx(tmp_path / "caption2.docx", "站点建设任务表（单位：个）", rows)).tables
    assert table.title == "站点建设任务表"
    assert [c.unit for c in table.columns] == ["个", "个"]


# ---------------------------------------------------------------- cells

def test_cells_with_a_comparator_or_a_counter(tmp_path):
    rows = [["单位", "入会率（%）", "职工书屋", "电子书屋", "覆盖职工（万人）", "备注"],
            ["甲县", "≥90", "5家", "3个", "1.5", ""],
            ["乙县", "90以上", "4家", "2个", "0.8", ""],
            ["丙区", "不低于85", "6家", "1个", "500人", "含流动书屋"],
            ["合计", "≥90", "15家", "6个", "2.3", ""]]
    notice = process(make_docx(tmp_path / "cells.docx", "职工书屋建设任务表", rows))
    [table] = notice.tables
    assert [(c.name, c.unit) for c in table.columns] == [("入会率", "%"), ("职工书屋", "家"), ("电子书屋", "个"),
                                                         ("覆盖职工", "万人"), ("备注", None)]
    assert [r.values for r in table.rows] == [[90, 5, 3, 1.5, None], [90, 4, 2, 0.8, None],
                                              [85, 6, 1, None, None]]  # 500人 is not in 万人: null
    assert table.rows[1].cells[0] == "90以上"  # the comparator stays in the cell text
    assert table.total.values == [90, 15, 6, 2.3, None]
    [cmp] = findings(notice, "table-cell-comparator")
    assert [c["comparator"] for c in cmp.data["cells"]] == [">=", ">=", ">=", ">="]
    [mismatch] = findings(notice, "table-cell-unit-mismatch")
    assert mismatch.data["row"] == "丙区" and mismatch.data["text"] == "500人"


# ---------------------------------------------------------------- a row broken by a page

def _grid_block(id_, page, rows):
    grid = TableGrid(rows=[[GridCell(text=t, origin=(r, c)) for c, t in enumerate(row)] for r, row in enumerate(rows)],
                     pages=[page], ruled=True)
    return Block(id=id_, kind="table", text=grid.plain_text(), grid=grid, prov=Provenance(page=page))


def test_row_broken_across_a_page_is_finished_not_a_second_table():
    header = ["单位", "参赛企业（家）", "覆盖职工（万人）", "备注"]
    first = [header, ["甲市", "2,100", "24", "含示范\n区"], ["乙市", "1,000", "12", ""],
             ["丙市", "620", "6.5", ""], ["东方能源控股集", "45", "6.2", "含所属二级"]]
    second = [header, ["团", "", "", "公司"], ["西部焦煤集团", "40", "5.1", ""], ["合计", "3,805", "53.8", ""]]
    blocks = [Block(id=0, kind="paragraph", text="附件", norm="附件", prov=Provenance(page=4)),
              Block(id=1, kind="paragraph", text="竞赛任务分解表", norm="竞赛任务分解表", prov=Provenance(page=4)),
              _grid_block(2, 4, first), Block(id=3, kind="furniture", text="— 4 —", prov=Provenance(page=4)),
              _grid_block(4, 5, second)]
    doc = RawDocument(source=SourceInfo(name="x.pdf", sha256="0" * 64, format="pdf", bytes=0), blocks=blocks)
    tables, found = extract_tables(doc, {})
    [table] = tables
    assert [r.name for r in table.rows] == ["甲市", "乙市", "丙市", "东方能源控股集团", "西部焦煤集团"]
    assert table.rows[3].values == [45, 6.2, None] and table.rows[3].cells[2] == "含所属二级\n公司"
    assert [c.name for c in table.columns] == ["参赛企业", "覆盖职工", "备注"]
    assert table.total.values == [3805, 53.8, None]
    assert table.title == "竞赛任务分解表"
    assert any(f.code == "table-row-split" for f in found)


# ---------------------------------------------------------------- plain text

def _txt(tmp_path, text, name="t.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process(path)


def test_tab_separated_text_table(tmp_path):
    notice = _txt(tmp_path, "关于开展竞赛活动的通知\n各区总工会：\n现将任务分解表印发给你们。\n附件\n竞赛任务分解表\n"
                            "单位\t参赛企业（家）\t参赛班组（个）\t备注\n"
                            "甲区\t260\t1,900\t\n乙区\t240\t\t含开发区\n丙区\t200\t1,500\t\n合计\t700\t3,400\t\n"
                            "说明：参赛企业含分支机构。\n")
    [table] = notice.tables
    assert (table.title, table.attachment) == ("竞赛任务分解表", "附件")
    assert [(c.name, c.unit) for c in table.columns] == [("参赛企业", "家"), ("参赛班组", "个"), ("备注", None)]
    assert [(r.name, r.values) for r in table.rows] == [("甲区", [260, 1900, None]), ("乙区", [240, None, None]),
                                                        ("丙区", [200, 1500, None])]
    assert table.rows[1].cells[2] == "含开发区"
    assert table.total.values == [700, 3400, None]


LAYOUT = """关于做好服务阵地建设工作的通知
各区（市）县总工会：
  现将任务分解表印发给你们，请抓好落实。

附件
        服务阵地建设任务分解表
                                 （单位：个）
区（市）县    户外劳动者服   职工书屋   工会驿站   补助资金（万
           务站点                     元）
 合计         50     17     77     1,280

 甲区         12      3      18      72

 乙区         12      4      20      72
\f区（市）县    户外劳动者服   职工书屋   工会驿站   补助资金（万
           务站点                    元）
 丙区         9              15      1,082

 丁区         17     10      24      54
"""


def test_layout_text_table_columns_from_gutters(tmp_path):
    notice = _txt(tmp_path, LAYOUT)
    [table] = notice.tables
    assert (table.title, table.attachment) == ("服务阵地建设任务分解表", "附件")
    assert [(c.name, c.unit) for c in table.columns] == [("户外劳动者服务站点", "个"), ("职工书屋", "个"),
                                                         ("工会驿站", "个"), ("补助资金", "万元")]
    assert table.stub == "区（市）县"
    assert [(r.name, r.values) for r in table.rows] == [("甲区", [12, 3, 18, 72]), ("乙区", [12, 4, 20, 72]),
                                                        ("丙区", [9, None, 15, 1082]), ("丁区", [17, 10, 24, 54])]
    assert table.total.label == "合计" and table.total.values == [50, 17, 77, 1280]
    assert len(findings(notice, "table-sum-ok")) == 4


def test_single_spaced_dump_is_not_read_as_layout(tmp_path):
    """Lines "label n n" one space apart (no column positions) keep the older reading."""
    prose = "各区总工会要高度重视，加强组织领导，确保各项任务按时完成，并及时报送工作进展情况。"
    notice = _txt(tmp_path, f"{prose}\n\n" * 12 + "附件\n\n任务表\n\n单位\n\n数量（个）\n\n金额（万元）\n\n"
                            "甲区 9 6\n\n乙区 9 8\n\n丙区  8 \n\n丁区 7 5\n\n合计 33 19\n")
    [table] = notice.tables
    assert [r.name for r in table.rows] == ["甲区", "乙区", "丙区", "丁区"]
    assert table.rows[0].values == [9, 6]
    assert [c.unit for c in table.columns] == ["个", "万元"]
    assert table.total.values == [33, 19]


def test_single_spaced_dump_with_the_total_printed_first(tmp_path):
    prose = "各区总工会要高度重视，加强组织领导，确保各项任务按时完成，并及时报送工作进展情况。"
    notice = _txt(tmp_path, f"{prose}\n\n" * 12 + "附件\n\n任务表\n\n单位\n\n数量（个）\n\n金额（万元）\n\n"
                            "合计 33 19\n\n甲区 9 6\n\n乙区 9 8\n\n丙区 8 0\n\n丁区 7 5\n")
    [table] = notice.tables
    assert [r.name for r in table.rows] == ["甲区", "乙区", "丙区", "丁区"]
    assert table.total.label == "合计" and table.total.values == [33, 19]


def _layout_row(label, *cells):
    """A pdftotext -layout line: the label in 12 characters, each cell right-aligned in 10."""
    return (label.ljust(12) + "".join(c.rjust(10) for c in cells)).rstrip()


def test_layout_text_wrapped_labels_join_the_row_they_touch(tmp_path):
    prose = "各区总工会要高度重视，加强组织领导，确保各项任务按时完成，并及时报送工作进展情况。"
    lines = ["附件", "", "任务分解表",
             _layout_row("单位", "参赛企业", "覆盖职工", "参赛项目"),
             _layout_row("", "（家）", "（万人）", "（个）"),
             _layout_row(" 甲市", "2,100", "24", "45"), "",
             "航空港经济综", _layout_row("合实验区", "40", "5.1", "10"), "",
             _layout_row("国网电力公", "30", "1.3", "3"), "司", "",
             _layout_row(" 乙市", "1,000", "12", ""), "",
             _layout_row(" 合计", "3,170", "42.4", "58")]
    notice = _txt(tmp_path, f"{prose}\n\n" * 12 + "\n".join(lines) + "\n")
    [table] = notice.tables
    assert [(c.name, c.unit) for c in table.columns] == [("参赛企业", "家"), ("覆盖职工", "万人"), ("参赛项目", "个")]
    assert [(r.name, r.values) for r in table.rows] == [("甲市", [2100, 24, 45]), ("航空港经济综合实验区", [40, 5.1, 10]),
                                                        ("国网电力公司", [30, 1.3, 3]), ("乙市", [1000, 12, None])]
    assert table.total.values == [3170, 42.4, 58]


# ---------------------------------------------------------------- row groups

def test_section_rows_across_the_table_group_the_rows_below(tmp_path):
    """A row that is one merged cell across the table (一、各区总工会) is neither a header level nor a
    body row: the rows under it carry it as their group."""
    rows = [["单位", "技能培训（人次）", "技能竞赛（场）"],
            ["一、各区总工会", "", ""], ["和平区", "8000", "30"], ["河东区", "9,000", "35"],
            ["二、产业工会", "", ""], ["市教育工会", "3000", ""], ["市卫生工会", "4000", "15"],
            ["合计", "24,000", "80"]]
    notice = process(make_docx(tmp_path / "sections.docx", "技能提升行动任务分解表",
                               (rows, [(1, 0, 1, 2), (4, 0, 4, 2)])))
    [table] = notice.tables
    assert table.stub == "单位" and table.header_rows == [["单位", "技能培训（人次）", "技能竞赛（场）"]]
    assert [(c.name, c.unit, c.group) for c in table.columns] == [("技能培训", "人次", None), ("技能竞赛", "场", None)]
    assert [(r.name, r.group) for r in table.rows] == [("和平区", "一、各区总工会"), ("河东区", "一、各区总工会"),
                                                       ("市教育工会", "二、产业工会"), ("市卫生工会", "二、产业工会")]
    assert table.total.values == [24000, 80] and len(findings(notice, "table-sum-ok")) == 2
    assert not findings(notice, "table-non-numeric-cell")


def test_unit_row_across_the_table_is_no_section(tmp_path):
    rows = [["单位", "新建站点", "提升站点"], ["（单位：个）", "", ""], ["甲市", "15", "8"], ["乙市", "16", "9"],
            ["丙市", "9", "3"]]
    [table] = process(make_docx(tmp_path / "unitrow.docx", "站点建设任务表", (rows, [(1, 0, 1, 2)]))).tables
    assert [r.group for r in table.rows] == [None, None, None]
    assert [r.name for r in table.rows] == ["甲市", "乙市", "丙市"]


def test_title_wrapped_over_two_lines_is_joined(tmp_path):
    rows = [["地区（单位）", "新建服务站点（个）"], ["北  京", "300"], ["天  津", "160"], ["河  北", "450"]]
    path = make_docx(tmp_path / "wrapped.docx", "附件", "2024年新就业形态劳动者入会和服务站点建设任", "务分配表", rows)
    [table] = process(path).tables
    assert (table.title, table.attachment) == ("2024年新就业形态劳动者入会和服务站点建设任务分配表", "附件")


def test_title_is_not_joined_to_a_heading_or_a_whole_title(tmp_path):
    rows = [["地市", "新建站点（个）"], ["甲市", "15"], ["乙市", "16"], ["丙市", "9"]]
    [table] = process(make_docx(tmp_path / "h.docx", "三、工作要求", "站点建设任务表", rows)).tables
    assert table.title == "站点建设任务表"
    [table] = process(make_docx(tmp_path / "w.docx", "会员发展任务表", "站点建设任务表", rows)).tables
    assert table.title == "站点建设任务表"


def test_row_groups_reach_the_cells_table(tmp_path):
    import sqlite3

    from sqlalchemy import select

    from pipeline.export.database import Database, cells
    rows = [["单位", "技能培训（人次）", "技能竞赛（场）"], ["一、各区总工会", "", ""], ["和平区", "8000", "30"],
            ["河东区", "9000", "35"], ["二、产业工会", "", ""], ["市教育工会", "3000", "20"]]
    notice = process(make_docx(tmp_path / "g.docx", "任务表", (rows, [(1, 0, 1, 2), (4, 0, 4, 2)])))
    old = tmp_path / "old.db"  # a database made before cells had row_group
    with sqlite3.connect(old) as c:
        c.execute("CREATE TABLE cells (document_id INTEGER NOT NULL, table_id INTEGER NOT NULL, table_title TEXT, "
                  "row INTEGER NOT NULL, row_name TEXT, raw_row_name TEXT, is_total BOOLEAN NOT NULL, "
                  "col INTEGER NOT NULL, column_name TEXT, column_group TEXT, unit VARCHAR(16), value FLOAT, text TEXT)")
    db = Database(f"sqlite:///{old}")
    db.write(notice)
    with db.engine.connect() as c:
        got = c.execute(select(cells.c.row_name, cells.c.row_group).where(cells.c.col == 0)
                        .order_by(cells.c.row)).all()
    assert got == [("和平区", "一、各区总工会"), ("河东区", "一、各区总工会"), ("市教育工会", "二、产业工会")]


def test_a_grid_the_reader_cannot_read_is_a_finding_not_a_lost_document(monkeypatch):
    """A table the reader fails on is reported; the rest of the notice is still extracted."""
    from pipeline import process
    from pipeline.extract import tables as tables_mod

    from .conftest import RAW

    def broken(part, table_id):
        raise IndexError("list index out of range")
    monkeypatch.setattr(tables_mod, "grid_rows_to_table", broken)
    notice = process(RAW / "zz-2021-action-plans.docx")
    assert notice.tables == [] and notice.doc.doc_number == "郑工劳经〔2021〕3号" and notice.goals
    unreadable = [f for f in notice.findings if f.code == "table-unreadable"]
    assert unreadable and all(f.severity == "error" and "IndexError" in f.message for f in unreadable)
