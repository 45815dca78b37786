"""A table's title and 附件 number, from the blocks printed above it.

Above an attached table stand, nearest first, its title line and its 附件N line. When only a
bare 附件 line is there, the title is the one the notice's attachment list gives that number.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.table_cells import SENTENCE_END, canonical
from pipeline.model import Block

ATTACHMENT = re.compile(r"^附件\s*(?P<n>[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(?P<rest>.*)$")
LIST_ITEM = re.compile(r"^(?:附件\s*[:：]\s*)?(?P<n>[0-9０-９]+)\s*[.、．,，]\s*(?P<title>.+?)[；;。]?$")
LOOK_BACK = 6  # blocks above a table searched for its title
MAX_TITLE = 60


def table_title(blocks: list[Block], table_block: Block) -> tuple[Optional[str], Optional[str]]:
    """(title, attachment) for the table starting at table_block."""
    i = next((k for k, b in enumerate(blocks) if b.id == table_block.id), None)
    if i is None:
        return None, None
    title = attachment = None
    seen = 0
    for b in reversed(blocks[:i]):
        if b.kind == "table" or seen >= LOOK_BACK:
            break
        text = canonical(b.ntext)
        if not text or b.kind == "furniture":
            continue
        seen += 1
        m = ATTACHMENT.match(text)
        if m and (not m.group("rest") or title is None):
            attachment = f"附件{m.group('n')}"
            if m.group("rest") and not LIST_ITEM.match(m.group("rest")):
                title = title or m.group("rest")
            break
        if title is None and len(text) <= MAX_TITLE and not SENTENCE_END.search(text):
            title = text
        elif title is not None:
            break
    if title is None and attachment is not None:
        title = listed_title(blocks[:i], attachment)
    return title, attachment


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
