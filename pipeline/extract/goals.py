"""Quantitative targets in the prose: 各类竞赛覆盖职工超过70万人 -> 700000 人, `>`.

    extract_goals(doc, sections, year) -> list[Goal]

Find every quantity (pipeline.normalize.quantities) in passages of joined prose blocks, then
keep those that read as targets: not in a table, not in a past-tense report (近年来, 已建立,
2022年，我市建成… in a 2023 document), not an age. The goal's text is its clause in normalised
text; its provenance is the block and span where the quantity itself is printed.

What is not a target, by general rules:
  - a report of the past. A leading year before the plan's marks its whole sentence; other
    markers (目前, 已有, 累计, 截至…) mark their clause and the clauses after it, until a clause
    speaks of the plan again (今年, 全年, 力争, 计划, 截至<plan year>年底 …): 目前已有200家，
    今年新建50家 keeps 50. A plan word before the marker in its clause wins (力争累计培训…),
    and 已建/已有 … 的 + noun describes a noun (已建工会企业) rather than reporting;
  - a qualifier: 职工人数在300人以上的企业 (在/为 or a measured attribute, then the number,
    以上/以下, 的 and a noun) picks out whom a rule is for;
  - eligibility: anything under a section titled 申报条件, 评选条件, 参评条件, 基本条件 …;
  - the quota of a prize (一等奖3名, 优秀奖20名): a count right after …奖;
  - a newspaper article whose headline reports a result (我市已建立工会组织372个, 获评…).
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from pipeline.extract.metric import metric_of
from pipeline.extract.passages import Passage, blocks_to_passages, clauses, enclosing, sentences, tidy
from pipeline.model import Goal, RawDocument
from pipeline.normalize.quantities import RATE_UNITS, Quantity, find_quantities

log = logging.getLogger(__name__)

# A clause reporting what has been done, not what is to be done. 已建 alone is left out: 已建工会
# 企业 describes enterprises; 已建立 / 已建成 report. 截至/截止 carry their year when they have one.
PAST_RE = re.compile(r"近年来|以来|目前|已经|已在|已有|已建[立成设]|已累计|现有(?!基础)|累计|共计"
                     r"|获评|荣获|被授予|先后|(?:截至|截止)(?:\s*(?P<until>(?:19|20)\d\d)\s*年)?")
# A clause that speaks of the plan again; 今年以来 is a report. 到/至<year>年 in the plan year or
# later is a deadline, as is 截至<year>年.
PLAN_RE = re.compile(r"今年(?!以来)|本年度?|全年|年内|明年|力争|计划|争取|确保|预计|拟")
WEAK_PAST = ("累计", "共计")
DEADLINE_RE = re.compile(r"(?:到|至)\s*(?P<until>(?:19|20)\d\d)\s*年")
PAST_CLAUSE_RE = re.compile(r"(?<![为除])了(?![解])")
# A newspaper headline reporting a result makes its article a report.
PAST_HEADLINE_RE = re.compile(r"已(?:经|建|有|累计|完成|实现|成为|在)|获评|荣获|被授予|喜获|摘得")
# Sections holding eligibility criteria for applicants, not targets.
ELIGIBILITY_RE = re.compile(r"(?:申报|评选|参评|推荐|评审|认定|入选|报名|参赛)(?:条件|资格)|基本条件|资格条件")
# 职工人数在300人以上的企业: the measure of a noun that follows, not a count to reach.
# 保持在95%以上的水平 is a target: 在 after 保持/控制/稳定/维持 names the level to keep.
QUALIFIER_LEAD_RE = re.compile(r"(?:(?<!保持|控制|稳定|维持)[在]|为|[人总]数|数量|规模|金额|面积|年龄|工龄|年限)\s*$")
QUALIFIER_POSTS = ("以上", "以下", "及以上", "及以下", "以内")
YEAR_RE = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*年(?!度?\s*[末底内])")
PERIOD_RE = re.compile(r"每年|每季度|每月|全年|年内|[到至]\s*\d{4}\s*年\s*[末底]|\d+\s*年内|[一二三四五六七八九十]年内"
                       r"|[一二三四五六七八九十\d]+\s*年(?=[^\d度末底]|$)|\d{4}\s*年度?")
GROWTH_RE = re.compile(r"递增|增长|增加|提高|提升|递减|下降|降低")


def extract_goals(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[Goal]:
    year = year or latest_year(doc)
    reports = report_articles(doc)
    goals: list[Goal] = []
    for passage in blocks_to_passages(doc):
        report = bool(passage.blocks and passage.blocks[0].article is not None and passage.blocks[0].article in reports)
        goals.extend(passage_to_goals(passage, sections, year, plans_only=report))
    return goals


def latest_year(doc: RawDocument) -> Optional[int]:
    """A document without a dated title plans for the latest year it names (a newspaper page)."""
    years = [int(y) for b in doc.blocks if b.kind != "table" for y in YEAR_RE.findall(b.ntext)]
    return max(years) if years else None


def report_articles(doc: RawDocument) -> set[int]:
    """Newspaper articles whose headline (the run of headings opening the article) reports a
    result: 我市新业态领域已建立工会组织372个, 我市一集体获评…. Their numbers are results,
    except in sentences that plan ahead (see passage_to_goals)."""
    out: set[int] = set()
    prev: Optional[int] = None
    opening = False
    for b in doc.blocks:
        if b.article is None:
            continue
        if b.article != prev:
            prev, opening = b.article, True
        if b.kind != "heading":
            opening = False
        elif opening and PAST_HEADLINE_RE.search(b.ntext):
            out.add(b.article)
    return out


# A sentence in a report article that still plans ahead: its targets are goals.
PLAN_MARKER_RE = re.compile(r"力争|计划|将|全年|今年")


def passage_to_goals(passage: Passage, sections: dict[int, list[str]], year: Optional[int],
                     plans_only: bool = False) -> list[Goal]:
    """The passage's targets; plans_only (an article reporting a result): only those in
    sentences with a plan marker (力争…不少于10名)."""
    text = passage.text
    sent_spans, clause_spans = sentences(text), clauses(text)
    past = past_clauses(text, sent_spans, clause_spans, year)
    out = []
    for q in find_quantities(text):
        s0, s1 = enclosing(sent_spans, q.span[0])
        if plans_only and not PLAN_MARKER_RE.search(text[s0:s1]):
            continue
        c0, c1 = enclosing(clause_spans, q.span[0])
        block, offset = passage.locate(q.span[0])
        section = sections.get(block.id, [])
        if past.get((c0, c1), False) or not is_target(q, text, (c0, c1), section):
            continue
        end = min(offset + (q.span[1] - q.span[0]), len(block.ntext))
        prov = block.prov.model_copy(update={"block": block.id, "span": (offset, end)})
        out.append(Goal(
            text=tidy(text[c0:c1]), value=q.value, unit=q.unit, comparator=q.comparator,
            metric=metric_of(text[c0:q.span[0]], text[q.span[1]:c1]),
            period=period_of(text[c0:q.span[0]], text[s0:s1]),
            growth=bool((q.unit in RATE_UNITS or q.unit == "个百分点") and GROWTH_RE.search(text[c0:q.span[0]])),
            quantity=tidy(q.text), section=section, prov=prov))
    return out


def past_clauses(text: str, sent_spans: list[tuple[int, int]], clause_spans: list[tuple[int, int]],
                 year: Optional[int]) -> dict[tuple[int, int], bool]:
    """Clause span -> whether it reports the past (see the module's docstring for the rules)."""
    out: dict[tuple[int, int], bool] = {}
    for s0, s1 in sent_spans:
        lead = YEAR_RE.match(text[s0:s1].strip())
        whole = bool(lead and year and int(lead.group(1)) < year)  # 2022年，我市建成… in 2023
        state, planned = False, False
        for c0, c1 in clause_spans:
            if not (s0 <= c0 < s1):
                continue
            clause = text[c0:c1]
            marks = _past_marks(clause, year)
            plans = [m.start() for m in PLAN_RE.finditer(clause)] + marks["deadline"]
            first_plan = min(plans) if plans else len(clause)
            # 累计/共计 only count up; after a plan word (到2025年，累计建成…) they count to a target
            past = [p for p, weak in marks["past"] if not (weak and (planned or first_plan < p))]
            if past:
                state = not first_plan < min(past)
            elif plans:
                state = False
            planned = planned or bool(plans)
            out[(c0, c1)] = whole or state or bool(PAST_CLAUSE_RE.search(clause))
    return out


def _past_marks(clause: str, year: Optional[int]) -> dict[str, list]:
    """Past-tense markers in a clause as (offset, weak), and the offsets of deadlines in the plan
    year or later (截至2023年底，新建… in a 2023 plan is a deadline, not a report)."""
    past, deadline = [], []
    for m in PAST_RE.finditer(clause):
        if m.group("until"):
            if year and int(m.group("until")) >= year:
                deadline.append(m.start())
            else:
                past.append((m.start(), False))
            continue
        if m.group(0).startswith("已") and re.match(r"[^，,。；;：:]{0,8}?的", clause[m.end():]):
            continue  # 已有的基础, 已建立工会的企业: a description of a noun
        past.append((m.start(), m.group(0) in WEAK_PAST))
    deadline += [m.start() for m in DEADLINE_RE.finditer(clause) if year and int(m.group("until")) >= year]
    return {"past": past, "deadline": deadline}


def is_target(q: Quantity, text: str, clause: tuple[int, int], section: list[str]) -> bool:
    """General rules for quantities that are not targets wherever they are said (the past is
    handled per clause by past_clauses)."""
    c0, c1 = clause
    before, after = text[c0:q.span[0]].rstrip(" \u3000"), text[q.span[1]:c1]
    if any(ELIGIBILITY_RE.search(title) for title in section):
        return False  # 申报条件: what an applicant must have
    if before.endswith("奖"):
        return False  # 一等奖3名: the quota of a prize
    if (q.text.endswith(QUALIFIER_POSTS) and re.match(r"\s*的\s*[\u4e00-\u9fff]", after)
            and QUALIFIER_LEAD_RE.search(before)):
        return False  # 职工人数在300人以上的企业
    return True


def period_of(before: str, sentence: str) -> Optional[str]:
    """每年, 5年内, 到2015年末, 全年: the period word before the quantity in its clause, else one
    leading the sentence in a clause of its own (全市5年内，…，使10万名职工…)."""
    hits = list(PERIOD_RE.finditer(before))
    if not hits:
        lead = re.split(r"[，,]", sentence, maxsplit=1)[0]
        if len(lead) < len(sentence) and not find_quantities(lead):
            hits = list(PERIOD_RE.finditer(lead))
    return re.sub(r"\s", "", hits[-1].group(0)) if hits else None
