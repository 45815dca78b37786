"""Table cell vocabulary: cell text to number, header text to name and unit, row labels.

Generic words only (合计/总计, counters such as 个 名 家 份); nothing here names a place or a
figure from any one notice.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from pipeline.model import Number

# a number as printed in a cell: 12, 0.5, 1,200, 35%, －3 (full width is folded by NFKC first)
NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
# cells that mean "nothing here": read as blank, still reported by validation
BLANK_MARKS = {"-", "—", "——", "–", "/", "\\", "无", "空", "0.0.0"}
# unit counters a header may end with, in parentheses: （个）（名）（万人）（份）（%）…
COUNTER = (r"个|名|人|家|份|项|次|元|户|所|件|场|期|篇|座|台|套|条|支|天|批|处|人次|家次|场次|小时|"
           r"分|岗|对|课时|班|组|本|册|部|辆|间|亩|公里|米|平方米|吨|张|盏|块|幅|枚|位|%|‰")
UNIT = re.compile(rf"^\s*(?P<unit>(万|亿|千|百|十)?({COUNTER}))\s*$")
# OCR reads round brackets as 〈 《 【 too; all are taken as brackets around a unit
UNIT_PAREN = re.compile(r"[（(〈《【\[]\s*(?P<inner>[^（）()〈〉《》【】\[\]]{1,8})\s*[）)〉》】\]]\s*$")
UNIT_LABEL = re.compile(r"^单位[:：](?P<inner>\S{1,4})$")  # （单位：个）
# a line or cell naming a unit only: 个, (个), 单位:个, (单位:万元), 计量单位:名 (after NFKC)
UNIT_ONLY = re.compile(r"^[(\[]?(?:(?:计量|金额|数量)?单位[:]?)?(?P<unit>[^():\[\]]{1,4})[)\]]?$")
TOTAL = re.compile(r"^(.{0,4}(合计|总计|共计)|总分|总数|总量)$")
# a row labelled with the whole area the notice covers (全市 全省 全区 …): the total when its
# values are the column sums
SCOPE = re.compile(r"^全(省|市|区|县|州|盟|旗|国|镇|乡|系统|行业)$")
SUBTOTAL = re.compile(r"^.{0,6}小计$")
# a line ending as prose does: a title or a label never ends so
SENTENCE_END = re.compile(r"[。；;，,:：]\s*$")
INDEX_HEADER = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
SPACE = re.compile(r"\s+")


# a comparator printed in a cell before or after its number: ≥60, 90以上, 不低于85
CELL_BEFORE = re.compile(r"^(?P<cmp>[≥≤><≧≦]=?|不低于|不少于|不小于|不高于|不多于|不超过|不大于|高于|低于|多于|少于|超过|大于|小于|达到|约)")
CELL_AFTER = re.compile(r"(?P<cmp>及以上|及以下|以上|以下|以内|左右)$")
CELL_COMPARATOR = {"≥": ">=", "≧": ">=", ">=": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=", "达到": ">=",
                   "以上": ">=", "及以上": ">=", ">": ">", "高于": ">", "多于": ">", "超过": ">", "大于": ">",
                   "≤": "<=", "≦": "<=", "<=": "<=", "不高于": "<=", "不多于": "<=", "不超过": "<=", "不大于": "<=",
                   "以下": "<=", "及以下": "<=", "以内": "<=", "<": "<", "低于": "<", "少于": "<", "小于": "<",
                   "约": "~", "左右": "~"}
CELL_COUNTER = re.compile(rf"(?P<counter>(万|亿|千|百|十)?({COUNTER}))$")


class CellValue:
    """A cell's number with what was printed around it: a comparator (>=, <=, ~ …) and a counter."""

    __slots__ = ("value", "comparator", "counter")

    def __init__(self, value: Number, comparator: Optional[str] = None, counter: Optional[str] = None):
        self.value, self.comparator, self.counter = value, comparator, counter

    def __repr__(self) -> str:
        return f"CellValue({self.value!r}, {self.comparator!r}, {self.counter!r})"


def _plain_number(t: str) -> Optional[Number]:
    if not NUMBER.match(t):
        return None
    t = t.replace(",", "").rstrip("%")
    return float(t) if "." in t else int(t)


def cell_value(text: str) -> Optional[CellValue]:
    """A cell's number, a comparator before or after it and a trailing counter (≥60, 90以上,
    不低于85, 5家, 0.5万人) taken off; None when the cell is not one number."""
    t = SPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    value = _plain_number(t)
    if value is not None:
        return CellValue(value, counter="%" if t.endswith("%") else None)
    comparator = None
    m = CELL_BEFORE.match(t)
    if m:
        comparator, t = CELL_COMPARATOR[m.group("cmp")], t[m.end():]
    m = CELL_AFTER.search(t)
    if m and comparator is None:
        comparator, t = CELL_COMPARATOR[m.group("cmp")], t[:m.start()]
    counter = None
    if _plain_number(t) is None:
        m = CELL_COUNTER.search(t)
        if m and m.start() > 0:
            counter, t = m.group("counter"), t[:m.start()]
        m = CELL_AFTER.search(t)  # 90%以上 reads as 90 % 以上; 5家以上 as 5 家 以上
        if m and comparator is None:
            comparator, t = CELL_COMPARATOR[m.group("cmp")], t[:m.start()]
            m = CELL_COUNTER.search(t)
            if counter is None and m and m.start() > 0:
                counter, t = m.group("counter"), t[:m.start()]
    value = _plain_number(t)
    if value is None:
        return None
    if counter is None and t.endswith("%"):
        counter = "%"
    return CellValue(value, comparator, counter)


def cell_to_number(text: str) -> Optional[Number]:
    """The number a cell prints, int when it has no decimals; None when it is not one number.
    A comparator or counter around it (≥60, 5家) is taken off: see cell_value."""
    v = cell_value(text)
    return None if v is None else v.value


def is_blank(text: str) -> bool:
    return not (text or "").strip()


def is_blank_mark(text: str) -> bool:
    return SPACE.sub("", unicodedata.normalize("NFKC", text or "")) in BLANK_MARKS


def join_lines(text: str) -> str:
    """A cell's wrapped lines as one line: no space between CJK pieces, one between words."""
    return _join(line.strip() for line in (text or "").splitlines())


def canonical(text: str) -> str:
    """A label without white space (郏  县 -> 郏县); a space stays only between two Latin words."""
    return _join((text or "").split())


def _join(pieces) -> str:
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and ASCII_WORD.match(out[-1]) and ASCII_WORD.match(piece[0]):
            out += " "
        out += piece
    return out


def split_unit(header: str) -> tuple[str, Optional[str]]:
    """'“安康杯”竞赛参赛职工数(万人)' -> ('“安康杯”竞赛参赛职工数', '万人'); no unit -> (header, None)."""
    text = join_lines(header)
    m = UNIT_PAREN.search(text)
    if m:
        inner = UNIT_LABEL.sub(r"\g<inner>", SPACE.sub("", m.group("inner")))
        if UNIT.match(inner):
            return canonical(text[:m.start()]), inner
    return canonical(text), None


def is_total_label(name: str) -> bool:
    return bool(TOTAL.match(canonical(name)))


def is_scope_label(name: str) -> bool:
    return bool(SCOPE.match(canonical(name)))


def is_unit_word(text: str) -> Optional[str]:
    """A cell or line that only names a unit: 名, （个）, 单位：万元, 计量单位：个 -> the unit."""
    t = SPACE.sub("", unicodedata.normalize("NFKC", join_lines(text)))
    m = UNIT_ONLY.match(t)
    if not m:
        return None
    unit = m.group("unit")
    return unit if UNIT.match(unit) else None


def is_subtotal_label(name: str) -> bool:
    return bool(SUBTOTAL.match(canonical(name)))


def stub_text(text: str) -> str:
    """The top-left header: a diagonal cell's two corner words as 单位/项目."""
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    if len(lines) == 2 and all(len(canonical(l)) <= 4 for l in lines) and "/" not in "".join(lines):
        return f"{canonical(lines[0])}/{canonical(lines[1])}"
    return canonical(join_lines(text))
