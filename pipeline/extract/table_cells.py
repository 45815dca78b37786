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
           r"分|岗|对|课时|班|组|本|册|部|辆|间|亩|公里|米|平方米|吨|%|‰")
UNIT = re.compile(rf"^\s*(?P<unit>(万|亿|千|百|十)?({COUNTER}))\s*$")
# OCR reads round brackets as 〈 《 【 too; all are taken as brackets around a unit
UNIT_PAREN = re.compile(r"[（(〈《【\[]\s*(?P<inner>[^（）()〈〉《》【】\[\]]{1,8})\s*[）)〉》】\]]\s*$")
UNIT_LABEL = re.compile(r"^单位[:：](?P<inner>\S{1,4})$")  # （单位：个）
TOTAL = re.compile(r"^(.{0,4}(合计|总计|共计)|总分|总数|总量)$")
SUBTOTAL = re.compile(r"^.{0,6}小计$")
# a line ending as prose does: a title or a label never ends so
SENTENCE_END = re.compile(r"[。；;，,:：]\s*$")
INDEX_HEADER = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
SPACE = re.compile(r"\s+")


def cell_to_number(text: str) -> Optional[Number]:
    """The number a cell prints, int when it has no decimals; None when it is not one number."""
    t = SPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    if not NUMBER.match(t):
        return None
    t = t.replace(",", "").rstrip("%")
    if "." in t:
        return float(t)
    return int(t)


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


def is_subtotal_label(name: str) -> bool:
    return bool(SUBTOTAL.match(canonical(name)))


def stub_text(text: str) -> str:
    """The top-left header: a diagonal cell's two corner words as 单位/项目."""
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    if len(lines) == 2 and all(len(canonical(l)) <= 4 for l in lines) and "/" not in "".join(lines):
        return f"{canonical(lines[0])}/{canonical(lines[1])}"
    return canonical(join_lines(text))
