"""Months, ranges, deadlines and full dates, with PDF spacing."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.normalize.dates import find_dates, parse_full_date
from pipeline.normalize.quantities import chinese_numeral, fold


@pytest.mark.parametrize("text,kind,start,end,deadline", [
    ("5月份，联合市发改委下发", "month", 5, 5, None),
    ("5月至11月，抽查", "range", 5, 11, None),
    ("5月份至10月份，市总", "range", 5, 10, None),
    ("10月至 11月，对全市", "range", 10, 11, None),
    ("10 月至 11\n月,对全市", "range", 10, 11, None),
    ("4月20日前，各开发区", "deadline", None, 4, "04-20"),
    ("4月 30 日前，各地", "deadline", None, 4, "04-30"),
    ("12月份，评选", "month", 12, 12, None),
    ("在10月份前要在网站注册", "deadline", None, 10, None),
    ("12月底前完成", "deadline", None, 12, "12-31"),
    ("到2015年末监督员达到2千名", "year_end", None, 12, "12-31"),
    ("五月份，制定", "month", 5, 5, None),
])
def test_date_forms(text, kind, start, end, deadline):
    (d,) = find_dates(text)
    assert (d.kind, d.start_month, d.end_month, d.deadline) == (kind, start, end, deadline)


def test_monthly_duty_is_a_recurrence():
    (d,) = find_dates("各成员单位每月10日前，向办公室报送")
    assert d.kind == "monthly" and d.recurrence == "monthly"


def test_year_end_keeps_its_year():
    (d,) = find_dates("到2015年末达到3万件以上")
    assert d.year == 2015


def test_a_bare_day_is_reported_as_a_day():
    (d,) = find_dates("3月22日，市总工会十届六次全委会议召开")
    assert d.kind == "day"


@pytest.mark.parametrize("text,iso", [
    ("二〇二一年六月三日", "2021-06-03"), ("2021 年 4月 9 日", "2021-04-09"), ("（2011年10月10日）", "2011-10-10"),
    ("2021年2月30日", None), ("2021年", None),
])
def test_full_dates(text, iso):
    assert parse_full_date(text) == iso


def _cn_year(y: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(y))


@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)))
def test_full_date_round_trip_in_both_scripts(day):
    iso = day.isoformat()
    assert parse_full_date(f"{day.year}年{day.month}月{day.day}日") == iso
    assert parse_full_date(f"{_cn_year(day.year)}年{chinese_numeral(day.month)}月{chinese_numeral(day.day)}日") == iso


@given(st.integers(1, 11), st.integers(1, 11), st.sampled_from(["", " ", "\n"]), st.booleans())
def test_month_range_round_trip(a, span, sp, fen):
    b = min(12, a + span)
    f = "份" if fen else ""
    (d,) = find_dates(f"{a}{sp}月{f}至{sp}{b}{sp}月{f}，开展")
    assert (d.start_month, d.end_month) == (a, b)


@given(st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", " "]))
def test_deadline_round_trip(m, day, sp):
    (d,) = find_dates(f"{m}{sp}月{sp}{day}{sp}日前，报送")
    assert (d.end_month, d.deadline) == (m, f"{m:02d}-{day:02d}")


# ---------------------------------------------------------------- ranges, quarters, half-years, year ends

SEPARATORS = ["至", "到", "-", "—", "–", "~", "～", "－", "——", "〜"]
MONTH_PARTS = ["", "上旬", "中旬", "下旬", "初", "底", "末"]


def _month(m: int, chinese: bool) -> str:
    return chinese_numeral(m) if chinese else str(m)


@pytest.mark.parametrize("text,kind,start,end,deadline", [
    ("5—10月，全面组织开展各类竞赛活动", "range", 5, 10, None),
    ("7-9月，开展夏季高温劳动保护专项检查", "range", 7, 9, None),
    ("3至5月，开展", "range", 3, 5, None),
    ("6—8月份，组织", "range", 6, 8, None),
    ("11月中旬至12月上旬，开展竞赛总结评比", "range", 11, 12, None),
    ("3月中旬至4月底，完成", "range", 3, 4, "04-30"),
    ("10月至次年3月，开展冬季送温暖", "range", 10, 3, None),
    ("2022年10月至2023年3月，开展", "range", 10, 3, None),
    ("4月1日至6月30日，在全省集中开展", "range", 4, 6, "06-30"),
    ("4月1日至30日，集中开展", "range", 4, 4, "04-30"),
    ("三月至四月，组织申报", "range", 3, 4, None),
    ("二季度，省总工会通报", "quarter", 4, 6, None),
    ("第三季度，省总工会组织开展督导检查", "quarter", 7, 9, None),
    ("一季度，部署", "quarter", 1, 3, None),
    ("第4季度，考核", "quarter", 10, 12, None),
    ("三、四季度，推进", "quarter", 7, 12, None),
    ("第三季度末前，完成", "deadline", None, 9, "09-30"),
    ("上半年，完成项目申报", "half", 1, 6, None),
    ("下半年，开展“回头看”", "half", 7, 12, None),
    ("年底前，完成全年各项任务", "year_end", None, 12, "12-31"),
    ("今年年底前完成", "year_end", None, 12, "12-31"),
    ("到年底，全市建成", "year_end", None, 12, "12-31"),
    ("本年度内完成", "year_end", None, 12, "12-31"),
    ("2023年底前完成", "year_end", None, 12, "12-31"),
    ("6月初，启动", "month", 6, 6, None),
    ("6月开展“安全生产月”活动", "month", 6, 6, None),
])
def test_period_forms(text, kind, start, end, deadline):
    (d,) = find_dates(text)
    assert (d.kind, d.start_month, d.end_month, d.deadline) == (kind, start, end, deadline)


def test_a_range_across_the_year_keeps_the_start_year():
    (d,) = find_dates("2022年10月至2023年3月，开展")
    assert (d.start_month, d.end_month, d.year) == (10, 3, 2022)


@pytest.mark.parametrize("text,found", [
    ("每季度末报送一次", []),                     # a recurrence, not a quarter
    ("前三季度，全市新增会员", []),               # Jan–Sep, a cumulative figure
    ("上一季度的情况", []),
    ("5年内实现职工技术革新项目1万项", []),       # a span of years, not this year
    ("全市五年内，通过岗位练兵", []),
    ("去年上半年全市新增", []),
    ("6月初步完成", [("month", 6, 6)]),           # 初步 is "preliminary"
    ("要求统一至12月，全面", [("month", 12, 12)]),  # 统一 is a word, but its 12月 is still a month
    ("二〇二三年三月五日", [("day", 3, 3)]),
    ("截至2022年底", [("year_end", None, 12)]),
])
def test_words_that_only_look_like_periods(text, found):
    assert [(d.kind, d.start_month, d.end_month) for d in find_dates(text)] == found


@given(st.integers(1, 12), st.integers(1, 12), st.sampled_from(SEPARATORS), st.booleans(), st.booleans(),
       st.sampled_from(["", " "]), st.booleans())
def test_any_month_range_in_any_separator(a, b, sep, first_yue, fen, sp, chinese):
    """M1<M2 in any dash, 至 or 到, with or without 月 after the first month: start M1, end M2."""
    if a >= b:
        a, b = min(a, b), max(a, b) + (a == b)
    if b > 12:
        a, b = a - 1, 12
    f = "份" if fen else ""
    first = f"{_month(a, chinese)}{sp}月{f}" if first_yue else _month(a, chinese)
    text = f"{first}{sp}{sep}{sp}{_month(b, chinese)}{sp}月{f}，开展"
    (d,) = find_dates(text)
    assert (d.kind, d.start_month, d.end_month, d.deadline) == ("range", a, b, None)
    assert d.text.strip() == text.split("，")[0].strip()


@given(st.integers(1, 12), st.integers(1, 12), st.sampled_from(["次年", "翌年"]), st.sampled_from(["至", "-", "到"]))
def test_a_range_into_next_year_keeps_both_months(a, b, nxt, sep):
    (d,) = find_dates(f"{a}月{sep}{nxt}{b}月，开展")
    assert (d.kind, d.start_month, d.end_month) == ("range", a, b)


@given(st.integers(1, 12), st.integers(1, 12), st.sampled_from(MONTH_PARTS), st.sampled_from(MONTH_PARTS),
       st.sampled_from(["至", "-", "到"]))
def test_range_with_parts_of_months(a, b, p1, p2, sep):
    """上/中/下旬, 初, 底 on either end; the deadline is the end month's last day after 底/末 only."""
    a, b = min(a, b), max(a, b)
    if a == b:
        p1, p2 = "上旬", "下旬"
    (d,) = find_dates(f"{a}月{p1}{sep}{b}月{p2}，开展")
    deadline = f"{b:02d}-{[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][b - 1]:02d}" if p2 in ("底", "末") else None
    assert (d.start_month, d.end_month, d.deadline) == (a, b, deadline)


@given(st.dates(min_value=__import__("datetime").date(2023, 1, 1), max_value=__import__("datetime").date(2023, 12, 30)),
       st.integers(1, 364), st.sampled_from(["至", "-", "—", "到"]))
def test_day_range_gives_months_and_closing_day(first, length, sep):
    import datetime
    last = min(first + datetime.timedelta(days=length), datetime.date(2023, 12, 31))
    if last == first:
        return
    (d,) = find_dates(f"{first.month}月{first.day}日{sep}{last.month}月{last.day}日，集中开展")
    assert (d.kind, d.start_month, d.end_month, d.deadline) == (
        "range", first.month, last.month, f"{last.month:02d}-{last.day:02d}")


@given(st.integers(1, 4), st.booleans(), st.booleans())
def test_quarter_is_its_three_months(q, di, chinese):
    name = ("第" if di else "") + ("一二三四"[q - 1] if chinese else str(q))
    (d,) = find_dates(f"{name}季度，开展")
    assert (d.kind, d.start_month, d.end_month) == ("quarter", 3 * q - 2, 3 * q)


# ○ (U+25CB) and other look-alikes typed for 〇 in a Chinese-numeral year (二○二二年四月二十二日)
_ZEROS = ["○", "◯", "Ｏ", "O", "o", "0", "〇", "零"]


@pytest.mark.parametrize("text,iso", [
    ("二○二二年四月二十二日", "2022-04-22"), ("二◯二三年二月二十八日", "2023-02-28"),
    ("二ＯＯ二年一月三日", "2002-01-03"), ("二0二二年六月八日", "2022-06-08"), ("（二○一一年十月十日）", "2011-10-10"),
])
def test_full_dates_with_lookalike_zeros(text, iso):
    assert parse_full_date(text) == iso


@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)),
       st.lists(st.sampled_from(_ZEROS), min_size=4, max_size=4))
def test_lookalike_zero_round_trip(day, zeros):
    year = "".join(zeros[i] if c == "0" else "〇一二三四五六七八九"[int(c)] for i, c in enumerate(str(day.year)))
    assert parse_full_date(f"{year}年{chinese_numeral(day.month)}月{chinese_numeral(day.day)}日") == day.isoformat()


@given(st.text(alphabet="○◯ＯO0o二〇一三年月日 2A", max_size=30))
def test_fold_dates_keeps_every_offset(text):
    from pipeline.normalize.dates import fold_dates
    folded = fold_dates(text)
    assert len(folded) == len(text)
    assert all(a == b or b == "〇" for a, b in zip(fold(text), folded))


@pytest.mark.parametrize("text", ["2020年", "型号O2O2年", "O2O年", "二三O年", "OOOO年", "共100人"])
def test_fold_dates_leaves_other_text(text):
    from pipeline.normalize.dates import fold_dates
    assert fold_dates(text) == fold(text)


@pytest.mark.parametrize("text,kind,start,end,deadline", [
    ("金秋助学资助名单请于11月30日（星期四）前报省总工会备案", "deadline", None, 11, "11-30"),
    ("请于5月10日(周五)前报送", "deadline", None, 5, "05-10"),
    ("4月1日（周一）至6月30日（星期日），集中开展", "range", 4, 6, "06-30"),
    ("3月22日（星期三），市总工会召开全委会议", "day", 3, 3, None),
])
def test_weekday_after_the_day(text, kind, start, end, deadline):
    (d,) = find_dates(text)
    assert (d.kind, d.start_month, d.end_month, d.deadline) == (kind, start, end, deadline)


@given(st.dates(min_value=__import__("datetime").date(2023, 1, 1), max_value=__import__("datetime").date(2023, 12, 31)),
       st.sampled_from(["（星期{}）", "（周{}）", "(星期{})", "（礼拜{}）", "（ 周{} ）"]), st.sampled_from("一二三四五六日天"),
       st.sampled_from(["", " "]))
def test_deadline_with_any_weekday(day, form, wd, sp):
    (d,) = find_dates(f"请于{day.month}月{day.day}日{sp}{form.format(wd)}{sp}前报送")
    assert (d.kind, d.deadline) == ("deadline", f"{day.month:02d}-{day.day:02d}")
