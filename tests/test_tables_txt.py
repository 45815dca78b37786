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


# ---------------------------------------------------------------- shapes met beyond the yardstick

DATA = Path(__file__).parent / "data" / "txt"


def _process_text(tmp_path, text, name="t.txt", encoding="utf-8"):
    from pipeline import process
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return process(path)


def test_layout_header_wrapped_over_many_lines_with_an_index_column():
    """A seven-line header (cells wrapped, a bare （名） line inside it), a 序号 column, a label
    wrapped above and below its numbers, and the header repeated after the page break with the
    columns standing further right."""
    from pipeline import process
    notice = process(DATA / "layout-index-wrapped-header.txt")
    [table] = notice.tables
    assert (table.title, table.attachment, table.stub) == ("2024年工匠培育任务分解表", "附件2", "单位")
    assert [(c.name, c.unit) for c in table.columns] == [("省级优秀工匠", "名"), ("市级工匠", "名"),
                                                         ("劳模创新工作室", "家"), ("技能竞赛覆盖企业", "家")]
    assert [(r.name, r.values) for r in table.rows] == [
        ("甲市", [45, 220, 9, 1200]), ("乙市", [40, 200, 8, 1100]), ("省机械冶金工会", [8, 40, 2, 300]),
        ("省教科文卫工会", [4, 20, 1, None]), ("省总工会直属基层工会", [3, 20, None, 100])]
    assert table.total.label == "合计" and table.total.values == [100, 500, 20, 2700]
    assert [r.prov.page for r in table.rows] == [1, 1, 1, 2, 2]
    assert table.rows[0].prov.line == 15 and table.rows[3].prov.line == 32


def _at(*cells):
    """A -layout line: (start column, text) pieces."""
    out = ""
    for start, text in cells:
        out = out.ljust(start) + text
    return out


PROSE = "各区总工会要高度重视，加强组织领导，确保各项任务按时完成，并及时报送工作进展情况。\n" * 10
PAGE_ONE = ["附件", "", "        服务站点建设任务表",
            _at((4, "单位"), (12, "新建站点"), (22, "提升站点"), (32, "补助资金")),
            _at((13, "（个）"), (23, "（个）"), (32, "（万元）")),
            _at((2, "甲  区"), (14, "12"), (25, "3"), (34, "72")),
            _at((2, "乙  区"), (14, "10"), (25, "4"), (34, "60")),
            _at((2, "丙  区"), (15, "8"), (25, "2"), (34, "48"))]


def test_layout_page_break_without_header_keeps_the_columns_in_order(tmp_path):
    """After the page break the dump sets the page on a narrower grid, further left, with no
    header: its columns are the first page's, in order (a value is not placed by where the first
    page's columns stood)."""
    page_two = [_at((1, "丁区"), (9, "6"), (16, "1"), (23, "36")),
                _at((1, "戊区"), (9, "5"), (23, "30")),
                _at((1, "合计"), (8, "41"), (15, "10"), (22, "246"))]
    notice = _process_text(tmp_path, PROSE + "\n".join(PAGE_ONE) + "\n\n— 3 —\n\f" + "\n".join(page_two) + "\n")
    [table] = notice.tables
    assert [(r.name, r.values) for r in table.rows] == [("甲区", [12, 3, 72]), ("乙区", [10, 4, 60]),
                                                        ("丙区", [8, 2, 48]), ("丁区", [6, 1, 36]),
                                                        ("戊区", [5, None, 30])]
    assert table.total.values == [41, 10, 246]
    assert not [f for f in notice.findings if f.code == "table-columns-matched"]


def test_layout_page_with_fewer_columns_matched_by_one_stretch_and_shift(tmp_path):
    page_two = [_at((1, "丁区"), (9, "6"), (23, "36")), _at((1, "戊区"), (9, "5"), (23, "30"))]
    notice = _process_text(tmp_path, PROSE + "\n".join(PAGE_ONE) + "\n\n— 3 —\n\f" + "\n".join(page_two) + "\n")
    [table] = notice.tables
    assert [r.values for r in table.rows][3:] == [[6, None, 36], [5, None, 30]]
    [matched] = [f for f in notice.findings if f.code == "table-columns-matched"]
    assert (matched.data["page"], matched.data["columns"]) == (2, [0, 2])


def test_layout_title_wrapped_over_two_lines_is_no_header(tmp_path):
    lines = ["附件", "", "2024年新就业形态劳动者入会和服务站点建设任", "               务分配表",
             _at((14, "新发展新就业形态劳动者会")), _at((5, "地区（单位）"), (37, "新建服务站点（个）")),
             _at((18, "员（万人）")), _at((6, "北   京"), (22, "6.5"), (41, "300")),
             _at((6, "天   津"), (22, "3.0"), (41, "160")), _at((6, "河   北"), (22, "9.0"), (41, "450"))]
    notice = _process_text(tmp_path, PROSE + "\n".join(lines) + "\n", encoding="gbk")
    [table] = notice.tables
    assert table.title == "2024年新就业形态劳动者入会和服务站点建设任务分配表" and table.attachment == "附件"
    assert [(c.name, c.unit) for c in table.columns] == [("新发展新就业形态劳动者会员", "万人"), ("新建服务站点", "个")]
    assert [r.name for r in table.rows] == ["北京", "天津", "河北"]


def test_tab_table_section_rows_group_the_rows_below(tmp_path):
    """Word's plain text (BOM, CRLF, tabs): a section row has one cell and no tab; it neither ends
    the table nor becomes a row, and the rows under it get its label as their group."""
    text = ("关于印发任务分解表的通知\r\n各区总工会：\r\n" + PROSE.replace("\n", "\r\n") + "附件\r\n技能提升行动任务分解表\r\n"
            "单位\t技能培训（人次）\t技能竞赛（场）\r\n一、各区总工会\r\n和平区\t8000\t30\r\n河东区\t9,000\t35\r\n"
            "二、产业工会\r\n市教育工会\t3000\t\r\n市卫生工会\t4000\t15\r\n合计\t24,000\t80\r\n")
    notice = _process_text(tmp_path, "\ufeff" + text)
    [table] = notice.tables
    assert table.title == "技能提升行动任务分解表" and table.stub == "单位"
    assert [(c.name, c.unit, c.group) for c in table.columns] == [("技能培训", "人次", None), ("技能竞赛", "场", None)]
    assert [(r.name, r.group, r.values) for r in table.rows] == [
        ("和平区", "一、各区总工会", [8000, 30]), ("河东区", "一、各区总工会", [9000, 35]),
        ("市教育工会", "二、产业工会", [3000, None]), ("市卫生工会", "二、产业工会", [4000, 15])]
    assert table.total.values == [24000, 80]
    assert [r.prov.line for r in table.rows] == [17, 18, 20, 21]


def test_dump_with_a_header_cell_per_line(tmp_path):
    """pdftotext without -layout: every header cell and every cell on its own line, rows numbered,
    the header repeated after the page number, a total without 序号."""
    cells = ["序号", "单位", "小计", "县级", "企业级",
             "1", "甲区", "28", "10", "18", "2", "乙区", "22", "3", "19", "3", "丙区", "28", "10", "18",
             "— 3 —", "序号", "单位", "小计", "县级", "企业级",
             "4", "丁区", "10", "4", "6", "合计", "88", "27", "61", "— 4 —"]
    text = PROSE + "附件\n\n2024年竞赛目标任务分解\n表\n单位：场\n" + "\n\n".join(cells) + "\n"
    notice = _process_text(tmp_path, text)
    [table] = notice.tables
    assert (table.title, table.attachment) == ("2024年竞赛目标任务分解表", "附件")
    assert [(c.name, c.unit) for c in table.columns] == [("小计", "场"), ("县级", "场"), ("企业级", "场")]
    assert [(r.name, r.values) for r in table.rows] == [("甲区", [28, 10, 18]), ("乙区", [22, 3, 19]),
                                                        ("丙区", [28, 10, 18]), ("丁区", [10, 4, 6])]
    assert table.total.label == "合计" and table.total.values == [88, 27, 61]
