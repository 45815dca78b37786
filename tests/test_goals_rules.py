"""Goals: which quantities are targets. Past tense per clause, qualifiers, eligibility sections,
prize quotas and newspaper reports, on sentences taken from real notices."""
from __future__ import annotations

import pytest

from pipeline.extract.goals import extract_goals
from tests.extract_helpers import make_doc


def goals_of(*lines, sections=None, year=2023):
    return [(g.value, g.unit, g.comparator) for g in extract_goals(make_doc(*lines), sections or {}, year)]


@pytest.mark.parametrize("sentence,expect", [
    # 已建 before a noun describes the noun; the clause still sets a target
    ("已建工会企业职工入会率达到90%以上。", [(90, "%", ">=")]),
    ("已建立工会的企业，职工入会率达到90%以上。", [(90, "%", ">=")]),
    # a past marker reaches the clauses after it until one speaks of the plan again
    ("目前，全市已有职工书屋200家，今年新建50家。", [(50, "家", "=")]),
    ("近年来，全市新建户外劳动者驿站100家，力争今年再建30家。", [(30, "家", "=")]),
    ("目前，我市已在新业态领域建立工会组织372个，发展新就业形态劳动者会员45万人。", []),
    # a plan word before the marker in its clause wins
    ("力争累计培训10万人次。", [(100000, "人次", "=")]),
    # 截至 the plan year's end is a deadline; an earlier year or 目前 is a report
    ("截至2023年底，新建户外劳动者服务站点100个。", [(100, "个", "=")]),
    ("截至2022年底，全市建成户外劳动者服务站点100个。", []),
    ("截至目前，全市已建成站点100个。", []),
    ("今年以来，已新建工会组织50家。", []),
    ("今年新建50家，目前已有200家。", [(50, "家", "=")]),
    # 累计 only counts up: after a deadline in the plan year it counts to a target
    ("到2025年，全市累计建成户外劳动者服务站点500个。", [(500, "个", "=")]),
    ("到2022年，全市累计建成户外劳动者服务站点500个。", []),
    ("全市累计建成户外劳动者服务站点500个。", []),
    # a leading year before the plan's marks the whole sentence, 全年 or not
    ("2022年，我市建成工会户外劳动者爱心驿站54家，全年走访慰问2366人次。", []),
    ("2023年全市参赛企业不少于3,500家，", [(3500, "家", ">=")]),
])
def test_past_tense_per_clause(sentence, expect):
    assert goals_of(sentence) == expect


@pytest.mark.parametrize("sentence,expect", [
    ("职工人数在300人以上的企业要建立竞赛组织机构。", []),
    ("职工人数300人以上的企业要建立竞赛组织机构。", []),
    ("百分之八十以上的规上企业开展岗位练兵活动。", [(80, "%", ">=")]),  # the share itself
    ("组织2000名以上的职工参加安全培训。", [(2000, "名", ">=")]),
    ("各地完成不少于40%的建设任务。", [(40, "%", ">=")]),
    ("竞赛规模在300人以上，", [(300, "人", ">=")]),  # no noun follows: a target
    ("百人以上企业建会率保持在95%以上的水平。", [(95, "%", ">=")]),  # the level to keep
])
def test_qualifiers_are_not_targets(sentence, expect):
    assert goals_of(sentence) == expect


@pytest.mark.parametrize("title", ["申报条件", "三、评选条件", "参评条件和程序", "基本条件", "申报资格"])
def test_eligibility_sections_hold_no_targets(title):
    doc = make_doc("申报工作室成员一般不少于5人，其中高级工以上技能人才占比不低于百分之六十。",
                   "工作室近三年取得技术创新成果不少于3项。", "每家给予资助经费五万元。")
    sections = {0: [title], 1: [title], 2: ["资助政策"]}
    assert [(g.value, g.unit) for g in extract_goals(doc, sections, 2023)] == [(50000, "元")]


def test_prize_quotas_are_not_targets_but_commendations_are():
    assert goals_of("评出长视频一等奖3名、二等奖5名、三等奖10名和优秀奖若干名，短视频优秀奖20名。") == []
    assert goals_of("竞赛活动结束后，评选表彰优胜单位20个、优秀班组50个、优秀个人100名。") == [
        (20, "个", "="), (50, "个", "="), (100, "名", "=")]
    assert goals_of("对获得市级竞赛一等奖的选手，给予奖励5000元，") == [(5000, "元", "=")]


def test_fund_amounts_in_a_plan_are_targets():
    assert goals_of("市总工会安排专项补助资金1,200万元，对新建站点每个补助2万元。") == [
        (12_000_000, "元", "="), (20000, "元", "=")]


def test_a_newspaper_article_headlined_with_a_result_is_a_report():
    doc = make_doc("累了回“家”有事找“家”", "我市新业态领域已建立工会组织372个",
                   "同时，市总工会党组安排专项资金24万元，以项目化方式落实建会入会扶持政策。",
                   "我市开展职工经典诵读活动",
                   "市总工会安排专项资金24万元，支持新建户外劳动者爱心驿站50家。")
    for b, article, kind in zip(doc.blocks, (0, 0, 0, 1, 1), ("heading", "heading", "paragraph", "heading", "paragraph")):
        b.article, b.kind = article, kind
    got = [(g.value, g.unit, g.prov.block) for g in extract_goals(doc, {}, 2023)]
    assert got == [(240000, "元", 4), (50, "家", 4)]


def test_a_later_heading_inside_an_article_does_not_make_it_a_report():
    doc = make_doc("市总工会确定全年工作路线图", "全年力争新建基层工会300家。", "已取得阶段性成效",
                   "新发展会员15万人。")
    for b, kind in zip(doc.blocks, ("heading", "paragraph", "heading", "paragraph")):
        b.article, b.kind = 0, kind
    assert [(g.value, g.unit) for g in extract_goals(doc, {}, 2023)] == [(300, "家"), (150000, "人")]


def test_growth_in_points_and_units():
    doc = make_doc("规模以上企业职工劳动竞赛覆盖率达到90%以上，较上年提高5个百分点。")
    g1, g2 = extract_goals(doc, {}, 2023)
    assert (g1.value, g1.unit, g1.growth) == (90, "%", False)
    assert (g2.value, g2.unit, g2.comparator, g2.growth) == (5, "个百分点", "=", True)
