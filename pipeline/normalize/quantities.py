"""Quantities in Chinese prose: 70万人 -> 700000 人, 5-8家 -> [5, 8] range, 80%以上 -> 80 % >=.

    find_quantities(text) -> list[Quantity]     every counted quantity, with its character span
    parse_chinese_int("一百二十") -> 120         Chinese numerals, None when not a well-formed number

Comparators follow legal Chinese usage (民法典 第1259条: 以上/以下/以内 include the number,
不满/超过 exclude it); 超 alone is 超过, and 至少/最少/不少于 reach the number across one verb
(至少建成1个 -> >=). A range may repeat its counter, % or multiplier (3家至5家, 20%—30%,
3万至5万人, 五至八家) and is one quantity; 从60%到80% is a change, two quantities. Rates are
% and ‰ (百分之六十, 百分之百, 千分之三); 5个百分点 has the unit 个百分点. Words that only look numeric (十四五, 两个维护, 五大行动, 第七届, 2021年,
3月22日, numbers inside 《》, slogans in quotes) are not returned: a quantity needs a counter
unit or %, and a well-formed numeral that is not an ordinal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Union

Number = Union[int, float]

# Same-length folding so spans in the folded text are spans in the input: full-width forms and
# the traditional characters of counters and multipliers (the text may not be normalised yet).
_FOLD_PAIRS = ("０0 １1 ２2 ３3 ４4 ５5 ６6 ７7 ８8 ９9 ．. ％% ～~ －- —- –- ﹣- "
               "萬万 億亿 兩两 個个 項项 場场 門门 臺台 條条 組组 張张 種种 屆届 處处 戶户 盞盏 頁页 間间 隊队 對对 筆笔")
_FOLD = str.maketrans({p[0]: p[1] for p in _FOLD_PAIRS.split()})

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)

# Counters, longest first so 人次 wins over 人 and 场次 over 场. 年/月/日/号/届/岁/分 are left out
# on purpose: they make dates, ordinals, ages and scores, not targets.
# 个百分点 (a change in a rate) is its own unit and must win over 个; 起 counts incidents.
UNITS = sorted("""人次 人 名 位 家 个百分点 个 项 份 场次 场 期 件 次 批 所 座 台 套 盏 户 条 支 本 册 篇 部
    处 类 种 门 组 队 对 间 张 笔 元 分钟 小时 天 课时 学时 公里 千米 米 平方米 亩 吨 千克 辆
    架 艘 棵 株 只 头 页 块 届次 起 倍""".split(), key=len, reverse=True)
RATE_UNITS = ("%", "‰")  # 百分之六十 -> 60 %, 千分之三 -> 3 ‰
# 起 after a number is a counter (1起事故) unless it opens a word: 起步, 起点, 起草 …
_QI_WORDS = "步点来始见草诉因源航飞跑算征付价"

PREFIX_CMP = [("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("最少", ">="), ("达到", ">="),
              ("达", ">="), ("超过", ">"), ("超", ">"), ("多于", ">"), ("高于", ">"), ("大于", ">"), ("逾", ">"),
              ("不超过", "<="), ("不高于", "<="), ("不多于", "<="), ("不大于", "<="), ("至多", "<="),
              ("最多", "<="), ("不满", "<"), ("不足", "<"), ("不到", "<"), ("低于", "<"),
              ("少于", "<"), ("小于", "<"), ("大约", "~"), ("约", "~")]
SUFFIX_CMP = [("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="),
              ("之内", "<="), ("左右", "~"), ("上下", "~")]
# Political shorthand counted with 个 (四个意识, 两个维护) when the quotes are missing.
SLOGAN_NOUNS = ("意识", "自信", "维护", "确立", "代表", "务必", "全面", "坚持", "转变", "服务")

_SP = r"[ \t\u3000\n]*"
_PCT_WORD = "(?:百分之|千分之)"
_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = f"[{CN_CHARS}]+"
_NUM = f"(?:{_AR}|{_CN})"
_RANGE_SEP = r"(?:-|~|至|到)"
_PREFIX = "|".join(re.escape(p) for p, _ in PREFIX_CMP)
_SUFFIX = "|".join(re.escape(s) for s, _ in SUFFIX_CMP)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_RATE = "|".join(RATE_UNITS)

# A range may repeat the multiplier and the counter on its first number (3家至5家, 20%—30%,
# 3万至5万人, 百分之二十至百分之三十); score.py wants one range, not two counts.
QUANTITY_RE = re.compile(
    f"(?P<pre>{_PREFIX})?{_SP}"
    f"(?P<pct>{_PCT_WORD})?"
    f"(?P<a>{_NUM})"
    f"(?:{_SP}(?P<amult>[万千亿](?![{''.join(CN_DIGITS)}]))?{_SP}(?P<aunit>{_RATE}|{_UNIT})?"
    f"{_SP}(?P<sep>{_RANGE_SEP}){_SP}(?P<bpct>{_PCT_WORD})?(?P<b>{_NUM}))?"
    f"{_SP}(?P<approx1>余|多)?"
    f"{_SP}(?P<mult>[万千百亿](?![{''.join(CN_DIGITS)}]|分点))?"
    f"{_SP}(?P<approx2>余|多)?"
    f"{_SP}(?P<unit>{_RATE}|{_UNIT})?"
    f"{_SP}(?P<post>{_SUFFIX})?")
SINGLE_RE = re.compile(
    f"(?P<pre>{_PREFIX})?{_SP}"
    f"(?P<pct>{_PCT_WORD})?"
    f"(?P<a>{_NUM})"
    f"{_SP}(?P<approx1>余|多)?"
    f"{_SP}(?P<mult>[万千百亿](?![{''.join(CN_DIGITS)}]|分点))?"
    f"{_SP}(?P<approx2>余|多)?"
    f"{_SP}(?P<unit>{_RATE}|{_UNIT})?"
    f"{_SP}(?P<post>{_SUFFIX})?")
# 至少建成1个 / 至少培训兼职安全员2名 / 不超过参赛选手总数的百分之三十: a comparator reaches the
# first number after it in its clause (no digit, no clause mark between; 最多的地区 is no bound).
# 达到上年的2倍 / 达到总数的60%: 达到 a share of some reference is at least that share.
_SHARE_OF_RE = re.compile(r"达到[^，,。；;：:！!？?\d\s]{1,12}的$")
_ACROSS_VERB_RE = re.compile(r"(至少|最少|不少于|不低于|至多|最多|不超过)(?!的)([^，,。；;：:！!？?\d\s]{1,12})$")


@dataclass(frozen=True)
class Quantity:
    value: Union[Number, list[Number]]
    unit: Optional[str]
    comparator: str  # >= > <= < = ~ range
    span: tuple[int, int]  # [start, end) in the input text, from the number to the last word used
    text: str  # as printed
    number_span: tuple[int, int]  # the numeral(s) alone


def fold(text: str) -> str:
    """Full-width digits and traditional counters to their plain forms, keeping every offset."""
    return text.translate(_FOLD)


def parse_chinese_int(s: str) -> Optional[int]:
    """一百二十 -> 120, 两万 -> 20000, 十五 -> 15, 二〇二一 -> 2021; None unless well formed."""
    if not s or any(c not in CN_CHARS for c in s):
        return None
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        # digit by digit (二〇二一) is a year or a code, never a count with repeated digits like 五一
        return int("".join(str(CN_DIGITS[c]) for c in s)) if "〇" in s or "零" in s else None
    total, section, digit, last_small, last_big = 0, 0, None, 10_000, 10**12
    prev_zero = False
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and not prev_zero:
                return None  # two digits in a row (十四五, 五一)
            if CN_DIGITS[c] == 0:
                prev_zero, digit = True, None
                continue
            digit, prev_zero = CN_DIGITS[c], False
        elif c in CN_SMALL:
            m = CN_SMALL[c]
            if m >= last_small:
                return None
            if digit is None and not (m == 10 and section == 0):
                return None  # 百 / 千 without a digit (千场, 百场 are rhetoric)
            section += (1 if digit is None else digit) * m
            digit, last_small, prev_zero = None, m, False
        else:
            m = CN_BIG[c]
            if m >= last_big or (section == 0 and digit is None):
                return None
            total += (section + (digit or 0)) * m
            section, digit, last_small, last_big, prev_zero = 0, None, 10_000, m, False
    return total + section + (digit or 0)


def chinese_numeral(n: int, two: bool = False) -> str:
    """The inverse of parse_chinese_int for 0 <= n < 10**12 (tests and generated text)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10k(x: int, lead: bool) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d:
                if zero and out:
                    out += "零"
                word = "两" if two and d == 2 and value >= 100 else digits[d]
                out += ("" if (d == 1 and value == 10 and lead and not out) else word) + name
                zero = False
            else:
                zero = zero or bool(out)
        return out

    parts, first = [], True
    for value, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // value % 10_000
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(below_10k(chunk, first) + name)
            first = False
    return "".join(parts)


def _to_number(tok: str) -> Optional[Decimal]:
    tok = tok.replace(",", "")
    if tok[0].isdigit():
        if len(tok) > 1 and tok[0] == "0" and not tok.startswith("0."):
            return None  # 0375: an area code or an identifier
        return Decimal(tok)
    v = parse_chinese_int(tok)
    return None if v is None else Decimal(v)


def _plain(d: Decimal) -> Number:
    return int(d) if d == d.to_integral_value() else float(d)


def _enclosure(text: str) -> list[int]:
    """For each offset: 2 inside 《》 or 〈〉 (a document title), 1 inside “” (a name or a slogan)."""
    marks, depth_book, in_quote = [], 0, False
    for c in text:
        if c in "《〈":
            depth_book += 1
        elif c in "》〉":
            depth_book = max(0, depth_book - 1)
        elif c == "“":
            in_quote = True
        elif c == "”":
            in_quote = False
        marks.append(2 if depth_book else 1 if in_quote else 0)
    return marks


def _is_ordinal_or_token(text: str, start: int) -> bool:
    """第7 / 十届六次 / part of a code, a version, a URL or a longer numeral run."""
    before = text[max(0, start - 3):start].rstrip(" \t\u3000")
    if not before:
        return False
    last = before[-1]
    return last in "第届#№" or last.isascii() and (last.isalnum() or last in "./:_-+") or last in CN_CHARS


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity with a counter or % in `text`, in order, with spans into `text`."""
    folded = fold(text)
    quoted = _enclosure(folded)
    found: list[Quantity] = []
    pos = 0
    while True:
        m = QUANTITY_RE.search(folded, pos)
        if m is None:
            break
        q = _match_to_quantity(m, folded, quoted)
        if q is None and m.group("b") and (m.group("aunit") or m.group("amult")):
            # 3家到2025年 / 3家至5个: not one range; read the first number on its own
            m = SINGLE_RE.match(folded, m.start())
            q = _match_to_quantity(m, folded, quoted)
        if q is not None:
            s, e = q.span
            found.append(Quantity(q.value, q.unit, q.comparator, q.span, text[s:e], q.number_span))
        pos = max(m.end(), m.start() + 1)
    return found


def _group(m: re.Match, name: str) -> Optional[str]:
    return m.group(name) if name in m.re.groupindex else None


def _match_to_quantity(m: re.Match, text: str, quoted: list[int]) -> Optional[Quantity]:
    unit = m.group("unit")
    pct = m.group("pct")
    if pct:
        unit = "%" if pct == "百分之" else "‰"
    a_tok, b_tok = m.group("a"), _group(m, "b")
    a_unit, a_mult = _group(m, "aunit"), _group(m, "amult")
    if b_tok:
        if _group(m, "bpct") and _group(m, "bpct") != pct:
            return None
        if a_unit and a_unit != unit and not (a_unit == "个" and unit == "个百分点"):
            return None  # 3家至5个, 500人次到2025年
        if a_mult and a_mult != m.group("mult"):
            return None
        if text[max(0, m.start() - 1):m.start()] in ("从", "由"):
            return None  # 从60%到80%: a change, not a range
    if unit == "起" and text[m.end("unit"):m.end("unit") + 1] in _QI_WORDS:
        return None  # 5万起步, 2024年起点
    if not unit and not (m.group("mult") and a_tok[0].isdigit() and m.group("mult") != "百"):
        return None  # a bare number is a year, a code or a table cell; 5千 / 60万 still count
    a_start = m.start("a")
    if _is_ordinal_or_token(text, m.start("pct") if pct else a_start):
        return None
    chinese = not a_tok[0].isdigit()
    if quoted[a_start] == 2 or chinese and (quoted[a_start] or _looks_like_slogan(text, m, a_tok)):
        return None
    a = Decimal(100) if pct == "百分之" and a_tok == "百" else _to_number(a_tok)  # 百分之百
    b = _to_number(b_tok) if b_tok else None
    if a is None or (b_tok and b is None):
        return None
    if b_tok and (not b_tok[0].isdigit()) != chinese:
        return None  # 5至十: mixed scripts are not one range
    mult = Decimal(MULTIPLIERS[m.group("mult")]) if m.group("mult") else Decimal(1)
    if (unit in RATE_UNITS or unit == "个百分点") and mult != 1:
        return None
    start = m.start("pre") if m.group("pre") else (m.start("pct") if pct else a_start)
    value: Union[Number, list[Number]]
    if b is not None:
        if b <= a:
            return None  # 2011-2015 shapes are caught by units; a falling "range" is not one
        value, cmp = [_plain(a * mult), _plain(b * mult)], "range"
    else:
        value, cmp = _plain(a * mult), "="
        pre, post = m.group("pre"), m.group("post")
        if m.group("approx1") or m.group("approx2"):
            cmp = "~"
        elif post:
            cmp = dict(SUFFIX_CMP)[post]
        elif pre:
            cmp = dict(PREFIX_CMP)[pre]
        else:
            across = _ACROSS_VERB_RE.search(text[max(0, start - 16):start])
            share = _SHARE_OF_RE.search(text[max(0, start - 16):start])
            if across:
                cmp = dict(PREFIX_CMP)[across.group(1)]
            elif share and unit in ("倍", "%", "‰"):
                cmp = ">="
    end = m.end("post") if m.group("post") else m.end("unit") if m.group("unit") else m.end()
    num_end = m.end("b") if b_tok else m.end("a")
    return Quantity(value, unit, cmp, (start, end), text[start:end], (a_start, num_end))


def _looks_like_slogan(text: str, m: re.Match, tok: str) -> bool:
    """一项 (an article, not a count), 两个维护, 十件实事: a one-character numeral glued to a
    name is a fixed expression unless a comparator or the clause's end says it is counted."""
    if parse_chinese_int(tok) is None:
        return not (tok == "百" and m.group("pct") == "百分之")  # 百分之百
    if m.group("pct") or _group(m, "b"):
        return False  # 百分之一, 五至八家: a rate or a range is counted, whatever follows it
    if tok == "一":
        return True
    if len(tok) > 1 or m.group("pre") or m.group("post"):
        return False
    end = m.end("unit") if m.group("unit") else m.end()
    after = text[end:end + 2]
    return after[:1] > "\u3400" and not after.startswith(("的",)) or after in SLOGAN_NOUNS
