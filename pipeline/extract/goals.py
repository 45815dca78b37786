"""Quantitative targets in the prose: 各类竞赛覆盖职工超过70万人 -> 700000 人, `>`.

    extract_goals(doc, sections, year) -> list[Goal]

Find every quantity (pipeline.normalize.quantities) in passages of joined prose blocks, then
keep those that read as targets: not in a table, not in a past-tense report (近年来, 已建立,
2022年，我市建成… in a 2023 document), not an age. The goal's text is its clause in normalised
text; its provenance is the block and span where the quantity itself is printed.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from pipeline.extract.metric import metric_of
from pipeline.extract.passages import Passage, blocks_to_passages, clauses, enclosing, sentences, tidy
from pipeline.model import Goal, Provenance, RawDocument
from pipeline.normalize.quantities import Quantity, find_quantities

log = logging.getLogger(__name__)

# A sentence reporting what has been done, not what is to be done.
PAST_SENTENCE_RE = re.compile(r"近年来|以来|目前|截至|截止|已经|已在|已有|已建|已累计|现有(?!基础)|累计|共计"
                              r"|获评|荣获|被授予|先后")
PAST_CLAUSE_RE = re.compile(r"(?<![为除])了(?![解])")
YEAR_RE = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*年(?!度?\s*[末底内])")
PERIOD_RE = re.compile(r"每年|每季度|每月|全年|年内|[到至]\s*\d{4}\s*年\s*[末底]|\d+\s*年内|[一二三四五六七八九十]年内"
                       r"|[一二三四五六七八九十\d]+\s*年(?=[^\d度末底]|$)|\d{4}\s*年度?")
GROWTH_RE = re.compile(r"递增|增长|增加|提高|提升|递减|下降|降低")


def extract_goals(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[Goal]:
    year = year or latest_year(doc)
    goals: list[Goal] = []
    for passage in blocks_to_passages(doc):
        goals.extend(passage_to_goals(passage, sections, year))
    return goals


def latest_year(doc: RawDocument) -> Optional[int]:
    """A document without a dated title plans for the latest year it names (a newspaper page)."""
    years = [int(y) for b in doc.blocks if b.kind != "table" for y in YEAR_RE.findall(b.ntext)]
    return max(years) if years else None


def passage_to_goals(passage: Passage, sections: dict[int, list[str]], year: Optional[int]) -> list[Goal]:
    text = passage.text
    sent_spans, clause_spans = sentences(text), clauses(text)
    out = []
    for q in find_quantities(text):
        s0, s1 = enclosing(sent_spans, q.span[0])
        c0, c1 = enclosing(clause_spans, q.span[0])
        sentence, clause = text[s0:s1], text[c0:c1]
        if not is_target(q, sentence, clause, year):
            continue
        block, offset = passage.locate(q.span[0])
        end = min(offset + (q.span[1] - q.span[0]), len(block.ntext))
        prov = block.prov.model_copy(update={"block": block.id, "span": (offset, end)})
        out.append(Goal(
            text=tidy(clause), value=q.value, unit=q.unit, comparator=q.comparator,
            metric=metric_of(text[c0:q.span[0]], text[q.span[1]:c1]),
            period=period_of(text[c0:q.span[0]], text[s0:s1]),
            growth=bool(q.unit == "%" and GROWTH_RE.search(text[c0:q.span[0]])),
            quantity=tidy(q.text), section=sections.get(block.id, []), prov=prov))
    return out


def is_target(q: Quantity, sentence: str, clause: str, year: Optional[int]) -> bool:
    """General rules: a report of the past, or of a year before the plan's, is no target."""
    if PAST_SENTENCE_RE.search(sentence) or PAST_CLAUSE_RE.search(clause):
        return False
    lead = YEAR_RE.match(sentence.strip())
    if lead and year and int(lead.group(1)) < year:
        return False
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
