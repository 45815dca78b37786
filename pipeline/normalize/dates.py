"""Months, deadlines and dates in Chinese prose.

    find_dates(text) -> list[DateMention]     5月份, 5月至11月, 5—10月, 4月1日至6月30日, 4月20日前,
                                             10月份前, 每月10日前, 到2015年末, 年底前, 二季度, 下半年
    parse_full_date("二〇二一年六月三日") -> "2021-06-03"
    fold_dates("二○二二年") -> "二〇二二年"   (same length; for matching only, never stored)

Spaces and line breaks inside a date are tolerated (PDF text prints `4 月 20 日前`), and so is
a weekday in brackets after the day (11月30日（星期四）前). A year in Chinese numerals is often
typed with a look-alike of 〇 (○ U+25CB, ◯, Ｏ, O, 0): fold_dates reads those as 〇 inside a
run of four that starts with 一 or 二 and is followed by 年. A mention
says what it is (`kind`) and leaves to the caller whether it is a step of a plan: a bare day
(3月22日) is usually a past event, not a deadline.

Conventions (one per form, so a caller never has to guess):
  month      5月份, 9月中旬, 6月初          start = end = the month
  range      5月至11月, 5—10月, 11月中旬至12月上旬, 4月1日至6月30日
             start, end; the deadline is the closing day when one is written (6月30日 -> 06-30) or
             the month's last day when the range ends 底/末 (至4月底 -> 04-30), else None.
             A range crossing the year (10月至次年3月, 2022年10月至2023年3月, 11月至2月) keeps
             start 10, end 3: end < start means the end falls in the following year; `year` is
             the start's year.
  deadline   4月20日前 (end 4, 04-20), 12月底(前) (end 12, 12-31), 10月份前 (end 10, no day),
             第三季度末 (end 9, 09-30)
  quarter    第三季度, 二季度, 三、四季度 -> months 7–9, 4–6, 7–12
  half       上半年 -> 1–6, 下半年 -> 7–12
  year_end   到2015年末, 2023年底前, 年底前, 今年年底, 年内 -> end 12, 12-31 (year when written)
  day        3月22日: a day, usually an event
  monthly    每月10日前: a recurring duty (quarterly: 每季度末月25日前, half-yearly: 每半年末月…)
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

from pipeline.normalize.quantities import CN_DIGITS, fold, parse_chinese_int

_SP = r"[ \t\u3000\n]{0,8}"  # bounded: adjacent runs would otherwise backtrack quadratically
_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_BEFORE = r"(?:之前|以前|前)"
# fold() has already turned — – － ～ into - and ~; 〜 (wave dash) is left as printed.
_SEP = r"(?:至|到|-{1,2}|~|〜)"
_PART = r"(?:上旬|中旬|下旬|初(?!步)|底|末)"  # 初步 is "preliminary", not 月初
_NEXT_YEAR = r"(?:次年|翌年|第二年|来年|明年)"
_Q = r"(?:第?[一二三四1-4])"
# 11月30日（星期四）, 4月1日(周一): a weekday printed after the day
_WEEKDAY = rf"(?:{_SP}[（(]{_SP}(?:星期|礼拜|周)[一二三四五六日天]{_SP}[）)])?"

DATE_RE = re.compile(
    # 每月10日前, 每季度末月25日前: a recurring duty
    f"(?P<every>每{_SP}(?:月|季度?{_SP}(?:末{_SP}月?|最后一个月)?|半年{_SP}末?{_SP}月?)){_SP}(?P<ed>{_D}){_SP}日{_SP}(?P<ebefore>{_BEFORE})?"
    # 到2015年末 / 2015年底前 / 2023年内
    f"|(?P<yeto>到|至|截至|截止到?)?{_SP}(?P<yy>{_Y}){_SP}年{_SP}(?P<yend>末|底|内)(?P<ybefore>{_SP}{_BEFORE})?"
    # 5月至11月, 5月份至10月份, 5—10月, 11月中旬至12月上旬, 4月1日至6月30日, 4月1日至30日,
    # 10月至次年3月: the first month may go without 月 (5—10月) but then has no day or part
    f"|(?:(?P<ry>{_Y}){_SP}年{_SP})?(?P<r1>{_M})"
    f"(?P<r1m>{_SP}月{_SP}份?(?:{_SP}(?P<r1p>{_PART})|{_SP}(?P<r1d>{_D}){_SP}[日号]{_WEEKDAY})?)?"
    f"{_SP}{_SEP}{_SP}"
    f"(?:(?:(?P<r2y>{_Y}){_SP}年|(?P<rnext>{_NEXT_YEAR})){_SP})?"
    f"(?:(?P<r2>{_M}){_SP}月{_SP}份?(?:{_SP}(?P<r2p>{_PART})|{_SP}(?P<r2d>{_D}){_SP}[日号]{_WEEKDAY})?"
    f"|(?P<r2only>{_D}){_SP}[日号]{_WEEKDAY})"
    f"(?P<rbefore>{_SP}{_BEFORE})?"
    # 4月20日前, 2021年6月3日
    f"|(?:(?P<dy>{_Y}){_SP}年{_SP})?(?P<dm>{_M}){_SP}月{_SP}(?P<dd>{_D}){_SP}[日号]{_WEEKDAY}{_SP}(?P<dbefore>{_BEFORE})?"
    # 5月份, 10月份前, 12月底前, 6月初
    f"|(?:(?P<my>{_Y}){_SP}年{_SP})?(?P<mm>{_M}){_SP}月{_SP}(?P<mfen>份)?(?P<mpart>{_PART})?"
    f"{_SP}(?P<mbefore>{_BEFORE})?"
    # 第三季度, 二季度, 三、四季度, 2023年第一季度, 第三季度末前
    f"|(?:(?P<qy>{_Y}){_SP}年{_SP}(?:度{_SP})?)?(?P<q1>{_Q})(?:{_SP}[、和及至到~-]{_SP}(?P<q2>{_Q})|(?P<q2n>[二三四]))?{_SP}季度"
    f"(?P<qend>末|底)?(?P<qbefore>{_SP}{_BEFORE})?"
    # 上半年, 2023年下半年
    f"|(?:(?P<hy>{_Y}){_SP}年{_SP}(?:度{_SP})?)?(?P<half>上|下)半年度?"
    # 年底前, 到年底, 今年年底, 本年度内, 年内 (no year written: the notice's own)
    f"|(?P<byto>到|至|在|于)?(?P<bythis>今年|本年度?|当年)?(?(bythis)年?|年度?)(?P<byend>末|底|内)"
    f"(?P<bybefore>{_SP}{_BEFORE})?")

# Before an unwritten-year period (二季度, 上半年, 年底) these make it another period or a count:
# 每季度, 上一季度, 前三季度, 统一季度, 五年内, 去年上半年.
_NOT_BEFORE_PERIOD = set("每上下前后本该同统逐各近首末第半全多几个数历往翌隔〇零一二三四五六七八九十百千两")
_PAST_YEARS = ("去年", "上年", "前年", "往年", "上一年", "同年")
_CJK = re.compile(r"[\u3400-\u9fff]")
# A first month printed without 月 (5—10月) must not be the tail of a word (统一至12月).
_BARE_MONTH_AFTER = set("于在从自至到即和及")


@dataclass(frozen=True)
class DateMention:
    kind: str  # month, range, deadline, day, year_end, monthly, quarterly, half-yearly, quarter, half
    span: tuple[int, int]
    text: str
    start_month: Optional[int] = None
    end_month: Optional[int] = None
    deadline: Optional[str] = None  # MM-DD
    year: Optional[int] = None
    recurrence: Optional[str] = None


def _num(tok: Optional[str]) -> Optional[int]:
    if not tok:
        return None
    tok = re.sub(r"[\s第]", "", tok)
    if tok.isdigit():
        return int(tok)
    if len(tok) == 4 and all(c in CN_DIGITS for c in tok):
        return int("".join(str(CN_DIGITS[c]) for c in tok))  # 二〇二一
    return parse_chinese_int(tok)


def _mmdd(month: int, day: int) -> str:
    return f"{month:02d}-{day:02d}"


def _month_end(month: int, year: Optional[int]) -> int:
    return calendar.monthrange(year or 2001, month)[1]


# Look-alikes of 〇 typed in a year written in Chinese numerals (二○二二年, 二OO二年, 二0二二年).
_ZERO_LOOKALIKES = "○◯⚪Ｏｏ0OoОо"
_CN_YEAR_RUN = re.compile(rf"(?<![〇零一二三四五六七八九{_ZERO_LOOKALIKES}])[一二][〇零一二三四五六七八九{_ZERO_LOOKALIKES}]{{3}}"
                          r"(?=[ \t\u3000]{0,3}年)")
_TO_ZERO = str.maketrans({c: "〇" for c in _ZERO_LOOKALIKES})


def fold_dates(text: str) -> str:
    """fold() plus the look-alikes of 〇 in a Chinese-numeral year read as 〇; every offset is
    kept (one character for one), so spans found in the result index the original text."""
    folded = fold(text)
    return _CN_YEAR_RUN.sub(lambda m: m.group(0).translate(_TO_ZERO), folded)


def find_dates(text: str) -> list[DateMention]:
    """Every month, range, deadline or day named in `text`, in order, with spans into `text`."""
    folded = fold_dates(text)
    out, pos = [], 0
    while (m := DATE_RE.search(folded, pos)) is not None:
        d = None
        if not (m.start() > 0 and folded[m.start() - 1].isdigit()) and _stands_alone(m, folded):
            d = _match_to_mention(m)  # else the tail of a longer number or word
        if d is None:
            pos = m.start() + 1  # 统一至12月 is no range, but its 12月 is still a month
            continue
        s, e = d.span
        out.append(DateMention(d.kind, (s, e), text[s:e], d.start_month, d.end_month, d.deadline,
                               d.year, d.recurrence))
        pos = m.end()
    return out


def _stands_alone(m: re.Match, folded: str) -> bool:
    """False when the match is the tail of a word: 统一至12月, 每季度, 前三季度, 五年内, 去年上半年."""
    g, before = m.group, folded[:m.start()].rstrip(" \t\u3000\n")
    prev = before[-1:] or ""
    if g("r1") and not g("r1m") and not g("ry") and not g("r1").isdigit():
        return not (prev and _CJK.match(prev) and prev not in _BARE_MONTH_AFTER)
    unwritten_year = ((g("q1") and not g("qy") and not g("q1").startswith("第"))
                      or (g("half") and not g("hy"))
                      or (g("byend") and not g("byto") and not g("bythis")))
    if unwritten_year:
        return prev not in _NOT_BEFORE_PERIOD and not before.endswith(_PAST_YEARS)
    return True


def _match_to_mention(m: re.Match) -> Optional[DateMention]:
    g = m.group
    span = (m.start(), m.end() if not m.group(0).endswith((" ", "\n", "\t", "\u3000")) else
            m.start() + len(m.group(0).rstrip()))
    if g("every"):
        day = _num(g("ed"))
        if not day or day > 31:
            return None
        every = re.sub(r"\s", "", g("every"))
        recurrence = "monthly" if every == "每月" else "half-yearly" if "半年" in every else "quarterly"
        return DateMention(recurrence, span, "", recurrence=recurrence)
    if g("yend"):
        return DateMention("year_end", span, "", end_month=12, deadline="12-31", year=_num(g("yy")))
    if g("r1"):
        return _range(g, span)
    if g("dm"):
        month, day, year = _num(g("dm")), _num(g("dd")), _num(g("dy"))
        if not (month and day and 1 <= month <= 12 and 1 <= day <= _month_end(month, year)):
            return None
        if g("dbefore"):
            return DateMention("deadline", span, "", end_month=month, deadline=_mmdd(month, day), year=year)
        return DateMention("day", span, "", start_month=month, end_month=month, deadline=None, year=year)
    if g("mm"):
        month, year = _num(g("mm")), _num(g("my"))
        if not (month and 1 <= month <= 12):
            return None
        part = g("mpart")
        if g("mbefore") or part in ("底", "末"):
            deadline = _mmdd(month, _month_end(month, year)) if part in ("底", "末") else None
            return DateMention("deadline", span, "", end_month=month, deadline=deadline, year=year)
        return DateMention("month", span, "", start_month=month, end_month=month, year=year)
    if g("q1"):
        q1, year = _num(g("q1")), _num(g("qy"))
        q2 = _num(g("q2") or g("q2n")) or q1  # 三四季度 is 三、四季度
        if not (q1 and q2 and 1 <= q1 <= q2 <= 4):
            return None
        start, end = 3 * q1 - 2, 3 * q2
        if g("qend") or g("qbefore"):
            deadline = _mmdd(end, _month_end(end, year)) if g("qend") else None
            return DateMention("deadline", span, "", end_month=end, deadline=deadline, year=year)
        return DateMention("quarter", span, "", start_month=start, end_month=end, year=year)
    if g("half"):
        start, end = (1, 6) if g("half") == "上" else (7, 12)
        return DateMention("half", span, "", start_month=start, end_month=end, year=_num(g("hy")))
    if g("byend"):
        return DateMention("year_end", span, "", end_month=12, deadline="12-31")
    return None


def _range(g, span: tuple[int, int]) -> Optional[DateMention]:
    """5月至11月 and its kin; None when the two ends do not make a range."""
    a, y1 = _num(g("r1")), _num(g("ry"))
    y2 = _num(g("r2y"))
    if g("r2only"):  # 4月1日至30日: the same month
        if not g("r1d"):
            return None
        b = a
    else:
        b = _num(g("r2"))
    if not (a and b and 1 <= a <= 12 and 1 <= b <= 12):
        return None
    if not g("r1m") and (g("r2only") or not (a < b or g("rnext"))):
        return None  # 5—10月 is a range; a bare 11-2月 is too ambiguous to read
    if y1 and y2 and y2 < y1:
        return None
    crossing = bool(g("rnext")) or bool(y1 and y2 and y2 > y1) or a > b
    end_year = y2 or ((y1 + 1) if (y1 and crossing) else y1)
    d1, d2 = _num(g("r1d")), _num(g("r2d") or g("r2only"))
    if d1 is not None and not 1 <= d1 <= _month_end(a, y1):
        return None
    if d2 is not None and not 1 <= d2 <= _month_end(b, end_year):
        return None
    if a == b and not crossing and d1 is not None and d2 is not None and d2 <= d1:
        return None
    if d2 is not None:
        deadline = _mmdd(b, d2)
    elif g("r2p") in ("底", "末"):
        deadline = _mmdd(b, _month_end(b, end_year))
    else:
        deadline = None
    return DateMention("range", span, "", start_month=a, end_month=b, deadline=deadline, year=y1)


FULL_DATE_RE = re.compile(f"({_Y}){_SP}年{_SP}({_M}){_SP}月{_SP}({_D}){_SP}日")


def parse_full_date(text: str) -> Optional[str]:
    """The first complete date in `text` as YYYY-MM-DD (二〇二一年六月三日 -> 2021-06-03)."""
    m = FULL_DATE_RE.search(fold_dates(text))
    if not m:
        return None
    y, mo, d = (_num(x) for x in m.groups())
    if not (y and mo and d and 1 <= mo <= 12 and 1 <= d <= _month_end(mo, y)):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"
