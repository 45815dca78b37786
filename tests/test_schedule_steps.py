"""Schedule: dated steps, their months and deadlines, partners; event dates skipped."""
from __future__ import annotations

from pathlib import Path

from pipeline.extract.schedule import extract_schedule
from tests.extract_helpers import make_doc

DATA = Path(__file__).parent / "data"


def test_steps_in_one_paragraph():
    doc = make_doc("2.组织实施。5月份，统计参赛单位。5月至11月，抽查参赛单位竞赛开展情况。10月至 11",
                   "月，对全市“安康杯”竞赛活动开展情况进行抽查。")
    items = extract_schedule(doc, {}, 2021)
    assert [(s.start_month, s.end_month, s.deadline) for s in items] == [(5, 5, None), (5, 11, None), (10, 11, None)]
    assert items[2].text.startswith("10月至 11月") and all(s.year == 2021 for s in items)


def test_deadlines_partners_and_recurrence():
    doc = make_doc("1.安排部署。4月份，联合市发改委、市生态环境局下发《通知》。4 月 20 日前，各工会拟定方案。",
                   "各成员单位每月10日前，向办公室报送上月工作进展情况。",
                   "已经命名的工作室在10月份前要完成线上注册。",
                   "到2015年末监督员达到2千名。")
    items = extract_schedule(doc, {}, 2011)
    assert items[0].partners == ["市发改委", "市生态环境局"] and items[0].action.startswith("下发")
    assert (items[1].end_month, items[1].deadline) == (4, "04-20")
    assert items[2].recurrence == "monthly"
    assert (items[3].start_month, items[3].end_month, items[3].deadline) == (None, 10, None)
    assert (items[4].end_month, items[4].deadline, items[4].year) == (12, "12-31", 2015)


def test_news_event_dates_are_not_steps():
    doc = make_doc("本报讯 3月22日，市总工会十届六次全委会议召开。各地各单位应在5月30日前将视频报送至市总工会。")
    (s,) = extract_schedule(doc, {}, 2023)
    assert (s.end_month, s.deadline) == (5, "05-30")


def test_sample_notice(processed):
    items = processed(DATA / "docx" / "pds-2021-work-points.docx").schedule
    got = {(s.start_month, s.end_month, s.deadline) for s in items}
    assert {(5, 5, None), (5, 11, None), (10, 11, None), (6, 10, None), (None, 10, None)} <= got


def test_deadline_with_a_weekday_in_brackets():
    doc = make_doc("各市总工会要认真做好资助工作。金秋助学资助名单请于11月30日（星期四）前报省总工会备案。")
    (s,) = extract_schedule(doc, {}, 2023)
    assert (s.end_month, s.deadline) == (11, "11-30")
    assert s.text == "金秋助学资助名单请于11月30日（星期四）前报省总工会备案。"
