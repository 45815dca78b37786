"""A table's title and 附件 number, from the blocks printed above it.

Above an attached table stand, nearest first, its title line and its 附件N line. When only a
bare 附件 line is there, the title is the one the notice's attachment list gives that number.
A title wrapped over two lines (…建设任 / 务分配表) is joined back.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.table_cells import SENTENCE_END, canonical, is_unit_word
from pipeline.model import Block, Table

ATTACHMENT = re.compile(r"^附件\s*(?P<n>[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(?P<rest>.*)$")
LIST_ITEM = re.compile(r"^(?:附件\s*[:：]\s*)?(?P<n>[0-9０-９]+)\s*[.、．,，]\s*(?P<title>.+?)[；;。]?$")
# a title ends in what it names (…分解表, …实施方案, …评分标准); a heading line starts with its number
TITLE_END = re.compile(r"(表|案|法|准|单|则|点|划|知|见|录|书|函|告|规定|制度|要求)$")
HEADING = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])")
LOOK_BACK = 6  # blocks above a table searched for its title
MAX_TITLE = 60
# a unit printed after the title on its line: 2022年…任务表（单位：个）, …任务表 单位：万元
TITLE_UNIT = re.compile(r"[（(]?(?:计量|金额|数量)?单位\s*[:：]\s*(?P<unit>[^（）()：:\s]{1,4})[）)]?$")


def table_caption(blocks: list[Block], table_block: Block) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(title, attachment, unit) for the table starting at table_block. A line naming only a
    unit (单位：个, （单位：万元）) is no title: its unit is the unit of the table's columns
    that name none; so is a unit printed at the end of the title line."""
    i = next((k for k, b in enumerate(blocks) if b.id == table_block.id), None)
    if i is None:
        return None, None, None
    title = attachment = unit = None
    seen = 0
    joined = False
    for b in reversed(blocks[:i]):
        if b.kind == "table" or seen >= LOOK_BACK:
            break
        text = canonical(b.ntext)
        if not text or b.kind == "furniture":
            continue
        seen += 1
        line_unit = is_unit_word(text) if ("单位" in text or text[:1] in "（(") else None
        if line_unit:
            unit = unit or line_unit
            continue
        m = TITLE_UNIT.search(text)
        if m and m.start() > 0 and is_unit_word(m.group("unit")):
            unit = unit or m.group("unit")
            text = text[:m.start()].rstrip()
        m = ATTACHMENT.match(text)
        if m and (not m.group("rest") or title is None):
            attachment = f"附件{m.group('n')}"
            if m.group("rest") and not LIST_ITEM.match(m.group("rest")):
                title = title or m.group("rest")
            break
        if title is None and len(text) <= MAX_TITLE and not SENTENCE_END.search(text):
            title = text
        elif title is not None and not joined and _wrapped_title(text, title):
            title, joined = text + title, True
        elif title is not None:
            break
    if title is None and attachment is not None:
        title = listed_title(blocks[:i], attachment)
    return title, attachment, unit


def _wrapped_title(upper: str, lower: str) -> bool:
    """`lower` is the end of a title wrapped from `upper` (…建设任 / 务分配表): the lower line ends as
    a title does and is the shorter, the upper one stops short of that ending and is no
    heading, and together they fit a title line."""
    return bool(TITLE_END.search(lower)) and not TITLE_END.search(upper) and len(lower) < len(upper) \
        and len(upper + lower) <= MAX_TITLE and not SENTENCE_END.search(upper) and not HEADING.match(upper) \
        and not ATTACHMENT.match(upper)


def apply_caption_unit(table: Table, unit: Optional[str]) -> bool:
    """The caption's unit given to the numeric columns that name none; whether any took it."""
    took = False
    for col in table.columns:
        if unit and col.unit is None and col.numeric:
            col.unit = unit
            took = True
    return took


def listed_title(blocks: list[Block], attachment: str) -> Optional[str]:
    """The title the nearest attachment list above gives this attachment's number (or its only entry)."""
    number = attachment[2:]
    for k in range(len(blocks) - 1, -1, -1):
        text = canonical(blocks[k].ntext)
        m = ATTACHMENT.match(text)
        if not m or not m.group("rest"):
            continue
        rest = m.group("rest")
        item = LIST_ITEM.match(m.group("n") + "." + rest if m.group("n") else rest)
        if item is None:
            return rest.rstrip("；;。") if not number else None
        entries = {item.group("n"): item.group("title")}
        for b in blocks[k + 1:k + 12]:
            nxt = LIST_ITEM.match(canonical(b.ntext))
            if not nxt:
                break
            entries[nxt.group("n")] = nxt.group("title")
        return entries.get(number or "1")
    return None
