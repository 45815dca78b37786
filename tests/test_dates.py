"""Months, ranges, deadlines and full dates, with PDF spacing."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.normalize.dates import find_dates, parse_full_date
from pipeline.normalize.quantities import chinese_numeral


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
