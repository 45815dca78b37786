"""Goals: targets with their clause, value, unit, comparator and provenance; non-targets skipped."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.goals import extract_goals
from tests.extract_helpers import make_doc

DATA = Path(__file__).parent / "data"


def test_a_target_split_over_two_pdf_lines_keeps_its_block_and_span():
    doc = make_doc("3.打造品牌树典型。推进全市各级工会选树各类工匠人才 260", "名以上。发挥劳模作用。")
    (g,) = extract_goals(doc, {}, 2021)
    assert (g.value, g.unit, g.comparator) == (260, "名", ">=")
    assert g.text == "推进全市各级工会选树各类工匠人才 260名以上。"
    assert g.prov.block == 0 and doc.blocks[0].ntext[g.prov.span[0]:g.prov.span[1]].startswith("260")


def test_clause_text_metric_period_and_growth():
    doc = make_doc("——提高职工技术创新活动成效。5年内实现职工技术革新项目1万项，职工合理化建议在现有基础上每年递增5%。")
    g1, g2 = extract_goals(doc, {0: ["三、目标和任务"]}, 2011)
    assert (g1.value, g1.unit, g1.period, g1.metric) == (10000, "项", "5年内", "职工技术革新项目")
    assert g2.growth and g2.value == 5 and g2.comparator == "="
    assert g1.section == ["三、目标和任务"]


def test_reports_of_the_past_are_not_targets():
    doc = make_doc("近年来，矿灯完好率一直保持在100%，平均每月修复矿灯100余盏。",
                   "2022年，我市建成工会户外劳动者爱心驿站54家，走访慰问2366人次。",
                   "目前，我市已在新业态领域建立工会组织372个。",
                   "该班现有职工10人，平均年龄36岁。",
                   "全年力争新建基层工会300家。")
    goals = extract_goals(doc, {}, 2023)
    assert [(g.value, g.unit) for g in goals] == [(300, "家")]


def test_tables_are_not_prose():
    doc = make_doc("新建职工书屋60家。")
    doc.blocks[0].kind = "table"
    assert extract_goals(doc, {}, 2021) == []


@pytest.mark.parametrize("path,expect", [
    ("txt/zz-2021-action-plans.txt", [(1200000, "人次", "="), (1000, "名", ">="), (100, "家", ">="), (260, "名", ">=")]),
    ("html/acftu-2022-work-points.simplified.txt", [([1, 2], "期", "range"), (10, "个", "="), (14, "个", "=")]),
])
def test_sample_notices(processed, path, expect):
    notice = processed(DATA / path)
    got = [(g.value, g.unit, g.comparator) for g in notice.goals]
    for e in expect:
        assert e in got
