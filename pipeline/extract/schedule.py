"""Dated steps of a 工作安排: 5月份，联合市发改委下发… -> start 5, end 5, partners [市发改委].

    extract_schedule(doc, sections, year) -> list[ScheduleItem]

A month, a month range, a deadline (4月20日前, 10月份前, 到2015年末) or a monthly duty
(每月10日前) opens a step when it leads its clause or is a deadline word; a bare day (3月22日，
市总工会…召开) is a report of an event, not a step. The step's text runs from its clause start
to the next dated step or the end of the sentence.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.passages import Passage, blocks_to_passages, clauses, enclosing, sentences, tidy
from pipeline.model import RawDocument, ScheduleItem
from pipeline.normalize.dates import DateMention, find_dates

# A month counts as a step when a clause mark, 起 or a verb of doing follows it.
STEP_FOLLOW_RE = re.compile(r"^[\s份]*(?:[，,：:]|起|开始|底|中旬|上旬|下旬|期间|内)")
PARTNER_RE = re.compile(r"(?:联合|会同|协同|配合)(?P<who>[^，,。；;：:《]{2,60}?)"
                        r"(?=下发|印发|联合|选树|开展|举办|组织|召开|评选|制定|出台|表彰|命名|成立|对|共同|,|，|。)")
ACTION_RE = re.compile(r"^[\s，,：:]*(?:联合|会同|协同|配合)[^，,。；;：:《]{2,60}?(?=下发|印发|选树|开展|举办|组织|召开|评选|制定|出台|表彰|命名|成立)")
SPLIT_RE = re.compile(r"[、和及]")


def extract_schedule(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[ScheduleItem]:
    items: list[ScheduleItem] = []
    for passage in blocks_to_passages(doc):
        items.extend(passage_to_schedule(passage, sections, year))
    return items


def passage_to_schedule(passage: Passage, sections: dict[int, list[str]], year: Optional[int]) -> list[ScheduleItem]:
    text = passage.text
    sent_spans, clause_spans = sentences(text), clauses(text)
    steps = [d for d in find_dates(text) if is_step(d, text)]
    out = []
    for i, d in enumerate(steps):
        s0, s1 = enclosing(sent_spans, d.span[0])
        c0, _ = enclosing(clause_spans, d.span[0])
        end = s1
        if i + 1 < len(steps) and steps[i + 1].span[0] < s1:  # two steps in one sentence
            nxt = steps[i + 1].span[0]
            nc = enclosing(clause_spans, nxt)[0]
            end = nc if nc > d.span[1] else nxt
        body = text[d.span[1]:end]
        block, offset = passage.locate(d.span[0])
        prov = block.prov.model_copy(update={
            "block": block.id, "span": (offset, min(offset + d.span[1] - d.span[0], len(block.ntext)))})
        out.append(ScheduleItem(
            text=tidy(text[c0:end]), start_month=d.start_month, end_month=d.end_month, deadline=d.deadline,
            year=d.year or year, recurrence=d.recurrence, action=action_of(body), partners=partners_of(body),
            section=sections.get(block.id, []), prov=prov))
    return out


def is_step(d: DateMention, text: str) -> bool:
    """Deadlines, ranges, year ends and monthly duties always; a single month when it leads a
    clause (5月份，…); never a bare day, which dates an event."""
    if d.kind in ("deadline", "range", "year_end", "monthly"):
        return True
    if d.kind == "month":
        return bool(STEP_FOLLOW_RE.match(text[d.span[1]:d.span[1] + 4]))
    return False


def action_of(body: str) -> Optional[str]:
    """What is done: the first clause after the date, partners' names dropped."""
    clause = re.split(r"[，,。；;]", body.lstrip(" \u3000\n，,：:"), maxsplit=1)[0]
    clause = ACTION_RE.sub("", clause).strip()
    return tidy(clause)[:60] or None


def partners_of(body: str) -> list[str]:
    """联合市发改委、市生态环境局下发… -> [市发改委, 市生态环境局], first mention only."""
    m = PARTNER_RE.search(body)
    if not m:
        return []
    return [p.strip() for p in SPLIT_RE.split(tidy(m.group("who"))) if p.strip()]
