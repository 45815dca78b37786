"""Schedule steps written as bare ranges, day ranges, quarters, half-years, year ends and
month-plus-verb clauses; dates in signatures, reports and past-tense clauses stay out."""
from __future__ import annotations

from pipeline.extract.schedule import extract_schedule
from tests.extract_helpers import make_doc


def _steps(*lines: str, year: int = 2023) -> list[tuple]:
    return [(s.start_month, s.end_month, s.deadline) for s in extract_schedule(make_doc(*lines), {}, year)]


def test_a_work_plan_with_every_kind_of_period():
    items = extract_schedule(make_doc(
        "三、时间安排",
        "1.动员部署。3月至4月，各级工会结合实际制定竞赛实施方案，召开动员部署会议。上半年，完成省级职业技能竞赛项目申报和审定。",
        "2.组织实施。5—10月，全面组织开展各类竞赛活动。6月底前，各市总工会将竞赛实施方案报省总工会劳动和经济工作部备案。"
        "9月30日前，各市完成市级竞赛决赛。第三季度，省总工会组织开展竞赛活动督导检查。",
        "3.总结表彰。11月中旬至12月上旬，开展竞赛总结评比。各市总工会于12月10日前报送竞赛工作总结和先进推荐材料。",
        "山西省总工会",
        "二〇二三年三月五日"), {}, 2023)
    assert [(s.start_month, s.end_month, s.deadline) for s in items] == [
        (3, 4, None), (1, 6, None), (5, 10, None), (None, 6, "06-30"), (None, 9, "09-30"), (7, 9, None),
        (11, 12, None), (None, 12, "12-10")]
    assert items[2].text == "5—10月，全面组织开展各类竞赛活动。"
    assert items[5].text.startswith("第三季度，省总工会") and all(s.year == 2023 for s in items)


def test_day_range_quarter_half_year_and_year_end():
    assert _steps("3月底前，各地级以上市总工会制定本地区工作方案。4月1日至6月30日，在全省集中开展“新就业形态劳动者入会集中行动”。"
                  "二季度，省总工会对各地建会入会情况进行通报。下半年，开展基层工会规范化建设“回头看”。"
                  "11月底前，各地完成年度任务并报送总结。", year=2022) == [
        (None, 3, "03-31"), (4, 6, "06-30"), (4, 6, None), (7, 12, None), (None, 11, "11-30")]
    assert _steps("8月31日前，各区、市总工会完成会员实名制数据核查。年底前，完成全年各项任务。", year=2022) == [
        (None, 8, "08-31"), (None, 12, "12-31")]


def test_a_month_opening_its_clause_with_a_verb_is_a_step():
    assert _steps("（三）开展“安全生产月”活动。6月开展“安全生产月”活动，组织职工参加全国安全生产知识网络竞赛。") == [(6, 6, None)]
    assert _steps("8月份组织全市职工开展技能比武。3月份启动申报工作。各地于9月开展检查。") == [
        (8, 8, None), (3, 3, None), (9, 9, None)]


def test_a_range_across_the_year():
    (s,) = extract_schedule(make_doc("10月至次年3月，开展冬季送温暖活动。"), {}, 2023)
    assert (s.start_month, s.end_month, s.year) == (10, 3, 2023)


def test_dates_that_are_not_steps():
    assert _steps("山西省总工会", "二〇二三年三月五日") == []
    assert _steps("根据中共中央办公厅2021年6月3日印发的《意见》，结合实际制定本方案。") == []
    assert _steps("3月以来，全市各级工会开展了送温暖活动。") == []
    assert _steps("上半年，全市新建工会组织120家，发展会员3万人，完成了全年任务的60%。") == []
    assert _steps("今年上半年以来，各级工会积极行动。") == []
    assert _steps("2021年6月，全国总工会印发《关于加强新就业形态劳动者权益保障工作的意见》。") == []
    assert _steps("截至2022年底，全市共建成职工服务站点300个。") == []
    assert _steps("全市5年内实现职工技术革新项目1万项，力争年内实现全覆盖。") == []
    assert _steps("在6月开展的检查中，发现隐患200处。") == []
    assert _steps("上半年全市新增会员5000人。") == []
    assert _steps("每季度末，各单位报送工作进展。") == []


def test_a_date_in_a_past_tense_clause_is_a_report_even_when_it_leads():
    assert _steps("3月，全市工会开展了“春送岗位”活动。4月20日前，各单位报送总结。") == [(None, 4, "04-20")]


def test_a_plan_over_several_years_belongs_to_its_first():
    """A month with no year in a 2021—2025 plan is not dated 2025 (which would make 2022 'earlier')."""
    from pipeline.extract import document_year
    from pipeline.model import DocMeta

    assert document_year(DocMeta(title="平顶山市总工会2011-2015年劳动竞赛规划", date="2011-10-10")) == 2011
    assert document_year(DocMeta(title="“十四五”(2021—2025年)职工技能提升规划")) == 2021
    assert document_year(DocMeta(title="2023年工作要点", date="2022-12-30")) == 2023
    assert document_year(DocMeta(title="关于开展竞赛的通知", date="2024-03-05")) == 2024


def test_recurring_duties_and_a_schedule_table():
    from pipeline.extract.schedule import table_schedule
    from pipeline.model import Column, Row, Table

    assert _steps("二、工作要求", "各区总工会于每季度末月25日前报送培训台账。") == [(None, None, None)]
    items = extract_schedule(make_doc("各区总工会于每季度末月25日前报送培训台账。"), {}, 2024)
    assert [i.recurrence for i in items] == ["quarterly"]
    plan = Table(id=1, stub="时间", numeric=False, columns=[Column(name="工作内容"), Column(name="责任部门")],
                 rows=[Row(raw_name=when, name=when, values=[None, None], cells=[what, who])
                       for when, what, who in (("1 月", "制定年度培训计划，下达各区\n培训任务", "职工服务中心"),
                                               ("2 月至 3 月", "开展“春风行动”农民工技能\n培训", "各区总工会"),
                                               ("第二季度", "举办新就业形态劳动者专场培\n训", "网上工作部"),
                                               ("12月15日前", "各区报送年度培训工作总结", "各区总工会"),
                                               ("全年", "常态化开展线上培训", "网上工作部"))])
    assert [(i.text, i.start_month, i.end_month, i.deadline) for i in table_schedule([plan], 2024)] == [
        ("制定年度培训计划，下达各区培训任务", 1, 1, None), ("开展“春风行动”农民工技能培训", 2, 3, None),
        ("举办新就业形态劳动者专场培训", 4, 6, None), ("各区报送年度培训工作总结", None, 12, "12-15")]
