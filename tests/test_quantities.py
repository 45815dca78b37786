"""Quantities: numerals, multipliers, ranges, comparators, and words that only look numeric."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.normalize.quantities import chinese_numeral, find_quantities, parse_chinese_int


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("text,value,unit,cmp", [
    ("各类竞赛覆盖职工超过 70 万人。", 700000, "人", ">"),
    ("新业态劳动者会员0.5万人", 5000, "人", "="),
    ("发明创造5千项", 5000, "项", "="),
    ("新业态劳动者会员1.5万人", 15000, "人", "="),
    ("投入60万元支持", 600000, "元", "="),
    ("命名市级示范性工作室5-8家", [5, 8], "家", "range"),
    ("优选其中3—5家", [3, 5], "家", "range"),
    ("组织5至10场示范性文艺演出", [5, 10], "场", "range"),
    ("举办1-2期培训班", [1, 2], "期", "range"),
    ("覆盖面达到80%以上", 80, "%", ">="),
    ("每年市级比赛工种不少于80个", 80, "个", ">="),
    ("涉及节能减排的建议不低于50%", 50, "%", ">="),
    ("参赛职工达到50万人", 500000, "人", ">="),
    ("人数多于30人", 30, "人", ">"),
    ("经费不超过5万元", 50000, "元", "<="),
    ("时长控制在5分钟以内", 5, "分钟", "<="),
    ("人数不满20人", 20, "人", "<"),
    ("每年保持在10个左右", 10, "个", "~"),
    ("修复矿灯100余盏", 100, "盏", "~"),
    ("培训100多人次", 100, "人次", "~"),
    ("计划开展文化活动1000场次", 1000, "场次", "="),
    ("选树一百二十名工匠", 120, "名", "="),
    ("新建两千家", 2000, "家", "="),
    ("百分之八十以上", 80, "%", ">="),
    ("覆盖职工 120万人次", 1200000, "人次", "="),
    ("培训1,000人", 1000, "人", "="),
    ("全年新建職工書屋60個", 60, "个", "="),  # traditional counter, not yet normalised
])
def test_quantity_value_unit_comparator(text, value, unit, cmp):
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, cmp)
    assert text[q.span[0]:q.span[1]] == q.text


@pytest.mark.parametrize("text", [
    "“十四五”时期", "十四五规划", "十九届五中全会精神", "树牢“四个意识”", "做到两个维护", "“五小”活动",
    "2021年", "第七届职工技术运动会", "3月22日", "一、目标任务", "（一）工作安排", "1.安排部署",
    "重点实施“五大行动”", "突出办好“十件实事”", "十件实事", "“三比两降”", "“六比一创”", "郑工劳经〔2021〕3号",
    "电话：0371-67890123", "http://chuangxin.hngh.org/5个", "作为一项重要任务", "平顶山工会千场文化活动进基层",
    "65岁以上", "十届六次全委会议", "五一劳动奖章", "《关于组织10个项目的通知》", "(3分)", "2011-2015年",
])
def test_words_that_only_look_numeric(text):
    assert find_quantities(text) == []


def test_span_points_at_the_quantity_in_the_input():
    text = "推动全市各级工会组织800名以上劳模、90家以上先进集体参加"
    spans = [text[q.span[0]:q.span[1]] for q in find_quantities(text)]
    assert spans == ["800名以上", "90家以上"]


@given(st.integers(min_value=1, max_value=10**11))
def test_chinese_numeral_round_trip(n):
    assert parse_chinese_int(chinese_numeral(n)) == n
    assert parse_chinese_int(chinese_numeral(n, two=True)) == n


@given(st.integers(min_value=2, max_value=99_999), st.sampled_from(["人", "名", "家", "项", "场次"]))
def test_generated_counts_parse_in_both_scripts(n, unit):
    assert one(f"完成{n}{unit}。").value == n
    assert one(f"完成{chinese_numeral(n)}{unit}。").value == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10_000), ("千", 1000)]))
def test_multipliers(n, mult):
    word, factor = mult
    q = one(f"覆盖职工{n}{word}人。")
    assert q.value == n * factor and q.unit == "人"


@given(st.decimals(min_value="0.1", max_value="999.9", places=1))
def test_decimal_with_multiplier_is_exact(d):
    q = one(f"会员{d}万人，")
    assert q.value == int(d * 10000)


@given(st.sampled_from(["十四五", "十九届五中全会", "四个意识", "两个维护", "五小", "五大行动", "十件实事",
                        "三比两降", "六比一创", "第七届", "2021年", "3月22日"]),
       st.sampled_from(["", "，", "。", "坚持"]))
def test_non_quantities_never_parse(word, tail):
    assert find_quantities(f"围绕“{word}”{tail}") == []
    assert find_quantities(f"落实{word}{tail}") == []
