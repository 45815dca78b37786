"""Dated steps of a 工作安排: 5月份，联合市发改委下发… -> start 5, end 5, partners [市发改委].

    extract_schedule(doc, sections, year) -> list[ScheduleItem]
    table_schedule(tables, year) -> list[ScheduleItem]   (a schedule printed as a table)

A range (5—10月, 4月1日至6月30日), a deadline (4月20日前, 10月份前, 到2015年末, 年底前) or a
monthly duty (每月10日前) is a step. A single month, a quarter (二季度) or a half-year (下半年)
is a step when a clause mark, 起 or 期间 follows it (5月份，… / 二季度，…) or when it opens its
clause and a verb of doing follows (6月开展… / 8月份组织…). A bare day (3月22日，市总工会…召开)
is a report of an event, not a step, and so is any date in a past-tense sentence (…开展了…, 3月以来)
and a month, quarter or half-year of a year before the notice's own. The step's text runs from
its clause start to the next dated step or the end of the sentence.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.passages import Passage, blocks_to_passages, clauses, enclosing, sentences, tidy
from pipeline.extract.table_cells import join_lines
from pipeline.model import RawDocument, ScheduleItem, Table
from pipeline.normalize.dates import DateMention, find_dates

# A month counts as a step when a clause mark, 起 or 期间 follows it ...
STEP_FOLLOW_RE = re.compile(r"^[\s份]*(?:[，,：:]|起|开始|底|中旬|上旬|下旬|期间|内)")
# ... or when it opens its clause and a verb of doing follows (6月开展…, 8月份组织…, 3月份启动).
CLAUSE_OPEN = "，,。；;：:！!？?、）)"
STEP_VERB_RE = re.compile(
    r"^[\s份]*(?:将|要|再|由|集中|全面|分别|陆续|正式|统一|继续|适时|同步|广泛|深入|重点)?\s*"
    r"(?:开展|组织|启动|召开|举办|举行|完成|部署|制定|下发|印发|发布|评选|评比|评审|表彰|推荐|报送|上报|"
    r"进行|实施|筹备|验收|总结|检查|督导|督查|公示|命名|选树|统计|抽查|出台|成立|安排|组建|落实|推进|"
    r"培训|宣传|征集|申报|报名|审核|审定|复核|核查|考核|调研|观摩|走访|慰问|发放|拨付|编制|修订|遴选|"
    r"确定|公布|颁发|授予|动员|汇总|梳理|开始|筹建|建立|创建|推动|指导|做好)")
# A sentence that reports what happened: 开展了…, 3月以来…, 至今 (为了 and 了解 are no past tense).
PAST_RE = re.compile(r"(?<![为除])了(?!解)|以来|至今")
PARTNER_RE = re.compile(r"(?:联合|会同|协同|配合)(?P<who>[^，,。；;：:《]{2,60}?)"
                        r"(?=下发|印发|联合|选树|开展|举办|组织|召开|评选|制定|出台|表彰|命名|成立|对|共同|,|，|。)")
ACTION_RE = re.compile(r"^[\s，,：:]*(?:联合|会同|协同|配合)[^，,。；;：:《]{2,60}?(?=下发|印发|选树|开展|举办|组织|召开|评选|制定|出台|表彰|命名|成立)")
SPLIT_RE = re.compile(r"[、和及]")
# A schedule table's time column and content column, by their headers.
TIME_HEADER_RE = re.compile(r"^(?:时间|日期|时限|完成时限|完成时间|时间安排|进度安排|月份)$")
CONTENT_HEADER_RE = re.compile(r"内容|任务|事项|安排|工作")


def extract_schedule(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[ScheduleItem]:
    items: list[ScheduleItem] = []
    for passage in blocks_to_passages(doc):
        items.extend(passage_to_schedule(passage, sections, year))
    return items


def table_schedule(tables: list[Table], year: Optional[int]) -> list[ScheduleItem]:
    """A schedule printed as a table (时间 | 工作内容 | 责任部门): each row whose time cell names a
    month, a range, a quarter or a deadline is a step, its text the row's content cell."""
    items = []
    for table in tables:
        if table.numeric:
            continue
        names = [c.name for c in table.columns]
        time_col = next((i for i, n in enumerate(names) if TIME_HEADER_RE.search(n)), None)
        if time_col is None and not TIME_HEADER_RE.search(table.stub or ""):
            continue
        content = [i for i, n in enumerate(names) if i != time_col and CONTENT_HEADER_RE.search(n)]
        for row in table.rows:
            when = row.raw_name if time_col is None else row.cells[time_col]
            dates = [d for d in find_dates(join_lines(when)) if d.kind != "day"]
            texts = [join_lines(row.cells[i]) for i in content] or \
                    [join_lines(t) for i, t in enumerate(row.cells) if i != time_col]
            text = max(texts, key=len, default="")
            if len(dates) != 1 or not text:
                continue
            d = dates[0]
            items.append(ScheduleItem(text=tidy(text), start_month=d.start_month, end_month=d.end_month,
                                      deadline=d.deadline, year=d.year or year, recurrence=d.recurrence,
                                      action=tidy(text)[:60] or None, section=table.section, prov=row.prov))
    return items


def passage_to_schedule(passage: Passage, sections: dict[int, list[str]], year: Optional[int]) -> list[ScheduleItem]:
    text = passage.text
    sent_spans, clause_spans = sentences(text), clauses(text)
    steps = [d for d in find_dates(text) if is_step(d, text, year)]
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


def is_step(d: DateMention, text: str, year: Optional[int] = None) -> bool:
    """Deadlines, ranges, year ends and monthly duties; a single month, quarter or half-year
    when it leads a clause (5月份，… / 6月开展…); never a bare day, which dates an event, nor a
    date in a past-tense sentence. `year` is the notice's: a month of an earlier year is history."""
    if d.kind == "day" or reports_the_past(text, d.span[1]):
        return False
    if d.kind in ("deadline", "range") or d.recurrence:
        return True
    if d.kind == "year_end":
        if d.year is not None:  # 截至2022年底 in a 2023 notice states where things stood
            return not (d.text.startswith("截至") and year and d.year < year)
        # 年底前 / 到年底 / 年内，… are steps; 年底总数 or 力争年内 mid-clause are not
        return (d.text.rstrip().endswith("前") or d.text.startswith(("到", "至", "在", "于"))
                or text[d.span[1]:d.span[1] + 1] in ("，", ",", "：", ":"))
    if d.kind in ("month", "quarter", "half"):
        if d.year and year and d.year < year:
            return False
        after = text[d.span[1]:d.span[1] + 6]
        return bool(STEP_FOLLOW_RE.match(after)) or (opens_clause(text, d.span[0]) and bool(STEP_VERB_RE.match(after)))
    return False


def opens_clause(text: str, pos: int) -> bool:
    """The date starts its clause, or follows the 于 of a directive (各地于6月开展…)."""
    before = text[:pos].rstrip()
    return not before or before[-1] in CLAUSE_OPEN or before[-1] == "于"


def reports_the_past(text: str, pos: int) -> bool:
    """Whether the rest of the date's sentence says what was done (3月以来，… / 上半年，全市新建
    …，完成了…), titles and quotations left out: 《…》 and “…” are names, not tense."""
    rest = re.split(r"[。；;！!？?]", text[pos:], maxsplit=1)[0]
    rest = re.sub(r"《[^》]*》|“[^”]*”", "", rest)
    return bool(PAST_RE.search(rest))


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
