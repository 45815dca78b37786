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
    # ranges that repeat the counter, the % or the multiplier on their first number
    ("每个地级以上市培育3家至5家新就业形态企业工会示范点", [3, 5], "家", "range"),
    ("技能人才占比提高到20%—30%", [20, 30], "%", "range"),
    ("占比百分之二十至百分之三十", [20, 30], "%", "range"),
    ("带动3万至5万人参赛", [30000, 50000], "人", "range"),
    ("择优推荐五至八家参评省级示范性劳模和工匠人才创新工作室", [5, 8], "家", "range"),
    ("推荐全国五一劳动奖章候选人10—15名", [10, 15], "名", "range"),
    # units and comparators
    ("较上年提高5个百分点。", 5, "个百分点", "="),
    ("达标率提高3个至5个百分点", [3, 5], "个百分点", "range"),
    ("各类阵地全年服务职工超50万人次", 500000, "人次", ">"),
    ("每个区（市）县至少建成1个区级职工服务中心", 1, "个", ">="),
    ("每年至少开展2次集中入会活动", 2, "次", ">="),
    ("申报工作室成员最少5人", 5, "人", ">="),
    ("职工工伤事故率控制在3‰以内", 3, "‰", "<="),
    ("事故率不超过千分之三", 3, "‰", "<="),
    ("较大及以上生产安全事故起数控制在1起以内", 1, "起", "<="),
    ("市县工会干部培训实现百分之百全覆盖", 100, "%", "="),
    ("高级工以上技能人才占比不低于百分之六十", 60, "%", ">="),
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
    "自2024年3月起施行", "补助标准5万起步", "超额完成任务", "大家一起参加", "1月至3月",
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


@pytest.mark.parametrize("text,expect", [
    # not one range: a change (从…到…), two counters, a number then a date
    ("覆盖率从60%到80%", [(60, "%", "="), (80, "%", "=")]),
    ("新建10家至20个", [(10, "家", "="), (20, "个", "=")]),
    ("培训500人次到2025年", [(500, "人次", "=")]),
    # 超过 is still 超过; 超 alone is the same comparator
    ("参与职工超过10万人次，超5千家企业", [(100000, "人次", ">"), (5000, "家", ">")]),
    # a comparator does not reach across a clause or a 的
    ("至少，建成1个", [(1, "个", "=")]),
    ("至少的1个", [(1, "个", "=")]),
])
def test_what_is_and_is_not_one_quantity(text, expect):
    assert [(q.value, q.unit, q.comparator) for q in find_quantities(text)] == expect


# ---------------------------------------------------------------- properties of ranges

COUNTERS = ["人", "名", "家", "个", "项", "场次", "人次", "期", "起"]
SEPS = ["-", "—", "－", "~", "～", "至", "到"]


@given(st.integers(min_value=1, max_value=9998), st.integers(min_value=1, max_value=9999),
       st.sampled_from(COUNTERS), st.sampled_from(SEPS), st.booleans())
def test_ranges_with_or_without_a_repeated_counter(a, span, unit, sep, repeat):
    b = a + span
    text = f"培育{a}{unit if repeat else ''}{sep}{b}{unit}示范点，"
    q = one(text)
    assert (q.value, q.unit, q.comparator) == ([a, b], unit, "range")
    assert text[q.span[0]:q.span[1]] == q.text == text[2:text.index("示")]


@given(st.integers(min_value=1, max_value=98), st.integers(min_value=1, max_value=99),
       st.sampled_from(SEPS), st.booleans())
def test_percent_ranges(a, span, sep, repeat):
    b = min(a + span, 100)
    text = f"占比{a}{'%' if repeat else ''}{sep}{b}%。"
    assert (one(text).value, one(text).unit, one(text).comparator) == ([a, b], "%", "range")


@given(st.integers(min_value=1, max_value=98), st.integers(min_value=1, max_value=99), st.booleans(),
       st.sampled_from(["家", "名", "项"]))
def test_chinese_ranges_are_never_slogans(a, span, two, unit):
    b = a + span
    text = f"择优推荐{chinese_numeral(a, two)}至{chinese_numeral(b, two)}{unit}参评省级示范点"
    assert one(text).value == [a, b]


@given(st.integers(min_value=1, max_value=100))
def test_percent_in_words(n):
    q = one(f"占比不低于百分之{'百' if n == 100 else chinese_numeral(n)}。")
    assert (q.value, q.unit, q.comparator) == (n, "%", ">=")


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(COUNTERS),
       st.sampled_from(["至少建成", "至少组织", "不少于开展", "最少"]))
def test_at_least_reaches_across_a_verb(n, unit, lead):
    q = one(f"每个县{lead}{n}{unit}。")
    assert (q.value, q.comparator) == (n, ">=")


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["超", "超过"]), st.sampled_from(COUNTERS))
def test_more_than(n, word, unit):
    q = one(f"参与职工{word}{n}{unit}，")
    assert (q.value, q.unit, q.comparator) == (n, unit, ">")


@given(st.text(alphabet="0123456789一二两三五十百千万亿%‰-—至到以上下内超过不少于至少建成个家人名起次百分之点余多左右的，。年月", max_size=40))
def test_any_text_gives_well_formed_quantities(text):
    for q in find_quantities(text):
        assert text[q.span[0]:q.span[1]] == q.text
        assert q.comparator in (">=", ">", "<=", "<", "=", "~", "range")
        if q.comparator == "range":
            lo, hi = q.value
            assert lo < hi
        else:
            assert not isinstance(q.value, list)


def test_a_bound_reaches_its_number_across_a_phrase_and_multiples_count():
    def read(text):
        return [(q.value, q.unit, q.comparator) for q in find_quantities(text)]
    assert read("至少培训兼职安全员2名") == [(2, "名", ">=")]
    assert read("不超过参赛选手总数的百分之三十") == [(30, "%", "<=")]
    assert read("最多的地区有5个") == [(5, "个", "=")]  # a superlative, not a bound
    assert read("不超过3天的培训，参训50人") == [(3, "天", "<="), (50, "人", "=")]  # the clause ends it
    assert read("职工创新成果转化收益增长0.5倍") == [(0.5, "倍", "=")]
    assert read("全年服务人次达到上年的2倍") == [(2, "倍", ">=")]  # 达到 a share of a reference
    assert read("达到省级标准的工作室5个") == [(5, "个", "=")]  # 达到 … 的 describes the studios
