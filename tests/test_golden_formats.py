"""Golden values per format, each checked by hand against the printed source.

One notice is published in several formats; each format must give the same values.
"""
from __future__ import annotations

import pytest

from .conftest import RAW


def table_with(notice, row_name):
    return next(t for t in notice.tables if any(r.name == row_name for r in t.rows))


def row(table, name):
    return next(r for r in table.rows if r.name == name)


# 郑工劳经〔2021〕3号, 附件 1: the 合计 row reads 100 / 120, 中原区 reads 2 / 5.5 (万人)
@pytest.mark.parametrize("name", ["zz-2021-action-plans.docx", "zz-2021-action-plans.pdf"])
def test_zz_first_allocation_table(processed, name):
    notice = processed(RAW / name)
    table = table_with(notice, "中原区")
    assert [c.unit for c in table.columns] == ["个", "万人"]
    assert row(table, "中原区").values == [2, 5.5]
    assert row(table, "长铝").raw_name.replace(" ", "") == "长铝"
    assert table.total.label == "合计" and table.total.values == [100, 120]
    assert notice.doc.doc_number == "郑工劳经〔2021〕3号"
    assert notice.doc.date == "2021-04-09"


@pytest.mark.parametrize("name", ["zz-2021-action-plans.docx", "zz-2021-action-plans.pdf"])
def test_zz_third_table_has_an_unlabelled_total_and_blank_cells(processed, name):
    notice = processed(RAW / name)
    table = next(t for t in notice.tables if t.total and t.total.values == [260, 60, 2000])
    assert table.total.label is None
    assert row(table, "农林水利").values == [None, None, None]  # blank is null, never 0
    assert row(table, "富士康").values == [10, 2, 160]


# 平顶山 2021 附件1: two-level header, the 安康杯 column in 万人 with decimals, 合  计 row
@pytest.mark.parametrize("name", ["pds-2021-work-points.docx", "pds-2021-work-points.pdf"])
def test_pds_allocation_table(processed, name):
    notice = processed(RAW / name)
    table = table_with(notice, "郏县")
    assert len(table.columns) == 9
    ankang = table.columns[2]
    assert (ankang.unit, ankang.group) == ("万人", "建功新时代主力军行动")
    assert row(table, "郏县").values == [4, 2, 5, 100, 10, 3, 10, 2, 80]
    assert row(table, "热力集团").values == [1, None, 0.1, 3, 1, None, 3, 1, 10]
    assert table.total.values == [70, 35, 70, 800, 90, 30, 145, 35, 900]
    assert notice.doc.date == "2021-06-03"


def test_pds_scan_gives_the_word_files_table(processed):
    """The image-only scan of 附件1, read by OCR, equals the table of the Word original cell for cell,
    header included (a header cell read better on the repeated header of page 2 is taken from there)."""
    scan = table_with(processed(RAW / "pds-2021-work-points-table-scan.pdf"), "郏县")
    word = table_with(processed(RAW / "pds-2021-work-points.docx"), "郏县")
    assert scan.ocr and scan.pages == [1, 2]
    assert [(c.name, c.unit, c.group) for c in scan.columns] == [(c.name, c.unit, c.group) for c in word.columns]
    assert [(r.name, r.values) for r in scan.rows] == [(r.name, r.values) for r in word.rows]
    assert scan.total.values == word.total.values


# the GB18030 text copy: 参赛职工达到50万人 is 500000 人, >=
@pytest.mark.parametrize("name", ["pds-2011-2015-competition-plan.txt", "pds-2011-2015-competition-plan.docx"])
def test_pds_plan_goals(processed, name):
    notice = processed(RAW / name)
    goal = next(g for g in notice.goals if "参赛职工达到50万人" in g.text)
    assert (goal.value, goal.unit, goal.comparator) == (500000, "人", ">=")
    goal = next(g for g in notice.goals if "监督员达到2千名" in g.text)
    assert (goal.value, goal.unit) == (2000, "名")
    assert "\ue004" in " ".join(b.raw for b in notice.blocks)  # the private-use glyph is kept raw


# the traditional-character notice as a reposted web page and as a PDF
@pytest.mark.parametrize("name", ["acftu-2022-work-points.html", "acftu-2022-work-points.pdf"])
def test_acftu_work_points(processed, name):
    notice = processed(RAW / name)
    assert notice.doc.title == "全国总工会劳动和经济工作部2022年工作要点"
    assert notice.doc.date == "2022-02-25"
    goal = next(g for g in notice.goals if "培训班" in g.text)
    assert (goal.value, goal.unit, goal.comparator) == ([1, 2], "期", "range")
