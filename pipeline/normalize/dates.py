"""Months, deadlines and dates in Chinese prose.

    find_dates(text) -> list[DateMention]     5月份, 5月至11月, 4月20日前, 10月份前, 每月10日前, 到2015年末
    parse_full_date("二〇二一年六月三日") -> "2021-06-03"

Spaces and line breaks inside a date are tolerated (PDF text prints `4 月 20 日前`). A mention
says what it is (`kind`) and leaves to the caller whether it is a step of a plan: a bare day
(3月22日) is usually a past event, not a deadline.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

from pipeline.normalize.quantities import CN_DIGITS, fold, parse_chinese_int

_SP = r"[ \t\u3000\n]*"
_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_BEFORE = r"(?:之前|以前|前)"

DATE_RE = re.compile(
    # 每月10日前: a monthly duty
    f"(?P<every>每{_SP}月){_SP}(?P<ed>{_D}){_SP}日{_SP}(?P<ebefore>{_BEFORE})?"
    # 到2015年末 / 2015年底
    f"|(?P<yeto>到|至|截至|截止到?)?{_SP}(?P<yy>{_Y}){_SP}年{_SP}(?P<yend>末|底)"
    # 5月至11月, 5月份至10月份
    f"|(?:(?P<ry>{_Y}){_SP}年{_SP})?(?P<r1>{_M}){_SP}月{_SP}份?{_SP}(?:至|到|-|~){_SP}"
    f"(?:{_Y}{_SP}年{_SP})?(?P<r2>{_M}){_SP}月{_SP}份?(?P<rend>底|末)?(?P<rbefore>{_SP}{_BEFORE})?"
    # 4月20日前, 2021年6月3日
    f"|(?:(?P<dy>{_Y}){_SP}年{_SP})?(?P<dm>{_M}){_SP}月{_SP}(?P<dd>{_D}){_SP}[日号]{_SP}(?P<dbefore>{_BEFORE})?"
    # 5月份, 10月份前, 12月底前
    f"|(?:(?P<my>{_Y}){_SP}年{_SP})?(?P<mm>{_M}){_SP}月{_SP}(?P<mfen>份)?(?P<mpart>底|末|上旬|中旬|下旬)?"
    f"{_SP}(?P<mbefore>{_BEFORE})?")


@dataclass(frozen=True)
class DateMention:
    kind: str  # month, range, deadline, day, year_end, monthly
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
    tok = re.sub(r"\s", "", tok)
    if tok.isdigit():
        return int(tok)
    if len(tok) == 4 and all(c in CN_DIGITS for c in tok):
        return int("".join(str(CN_DIGITS[c]) for c in tok))  # 二〇二一
    return parse_chinese_int(tok)


def _mmdd(month: int, day: int) -> str:
    return f"{month:02d}-{day:02d}"


def _month_end(month: int, year: Optional[int]) -> int:
    return calendar.monthrange(year or 2001, month)[1]


def find_dates(text: str) -> list[DateMention]:
    """Every month, range, deadline or day named in `text`, in order, with spans into `text`."""
    folded = fold(text)
    out = []
    for m in DATE_RE.finditer(folded):
        if m.start() > 0 and folded[m.start() - 1].isdigit():
            continue  # the tail of a longer number
        d = _match_to_mention(m)
        if d is not None:
            s, e = d.span
            out.append(DateMention(d.kind, (s, e), text[s:e], d.start_month, d.end_month, d.deadline,
                                   d.year, d.recurrence))
    return out


def _match_to_mention(m: re.Match) -> Optional[DateMention]:
    g = m.group
    span = (m.start(), m.end() if not m.group(0).endswith((" ", "\n", "\t", "\u3000")) else
            m.start() + len(m.group(0).rstrip()))
    if g("every"):
        day = _num(g("ed"))
        if not day or day > 31:
            return None
        return DateMention("monthly", span, "", recurrence="monthly")
    if g("yend"):
        return DateMention("year_end", span, "", end_month=12, deadline="12-31", year=_num(g("yy")))
    if g("r1"):
        a, b = _num(g("r1")), _num(g("r2"))
        if not (a and b and 1 <= a < b <= 12):
            return None
        deadline = _mmdd(b, _month_end(b, _num(g("ry")))) if g("rend") else None
        return DateMention("range", span, "", start_month=a, end_month=b, deadline=deadline, year=_num(g("ry")))
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
    return None


FULL_DATE_RE = re.compile(f"({_Y}){_SP}年{_SP}({_M}){_SP}月{_SP}({_D}){_SP}日")


def parse_full_date(text: str) -> Optional[str]:
    """The first complete date in `text` as YYYY-MM-DD (二〇二一年六月三日 -> 2021-06-03)."""
    m = FULL_DATE_RE.search(fold(text))
    if not m:
        return None
    y, mo, d = (_num(x) for x in m.groups())
    if not (y and mo and d and 1 <= mo <= 12 and 1 <= d <= _month_end(mo, y)):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"
