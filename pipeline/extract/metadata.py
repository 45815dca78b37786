"""Document metadata after GB/T 9704-2012: title, 发文字号, issuer, date, 主送机关, 附件.

    extract_metadata(doc) -> (DocMeta, findings)

The title is, in order: a newspaper page's headline (the line above its first 本报讯); the
printed title of a notice (GB/T 9704: the title-like lines under the 版头 and 发文字号, above
the 主送 line); the 《…》 a cover letter forwards when no title is printed (现将《…》印发给你们);
a level-1 heading other than the 版头; else the heading-like lines at the top (short, no
sentence punctuation, not the 发文字号). Word and HTML paragraphs and the lines a text dump
wraps are blocks: the title is read from blocks, never from a passage that runs the title
lines into the 主送 line (neither ends with punctuation). The issuer and date come from the
落款: a standalone date line and the body name above it (or both on one line); without one,
a date in parentheses under the title, and the body the 版头 or the title names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline.extract.attachments import attachment_list_blocks, extract_attachments
from pipeline.extract.passages import Passage, blocks_to_passages, is_furniture, tidy
from pipeline.model import Block, DocMeta, Finding, RawDocument
from pipeline.normalize.dates import parse_full_date

__all__ = ["extract_metadata", "attachment_list_blocks"]

HEAD_BLOCKS = 12  # the 版头 and 主送 sit in the first few lines
_OPEN, _CLOSE = re.escape("〔[［【(（„〖‹"), re.escape("〕]］】)）‟〗›")
DOC_NUMBER_RE = re.compile(rf"(?P<org>[\u4e00-\u9fff]{{1,12}})\s*[{_OPEN}]\s*(?P<year>\d{{4}})\s*[{_CLOSE}]"
                           r"\s*第?\s*(?P<n>\d{1,4})\s*号")
DATE_LINE_RE = re.compile(r"^\s*[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                          r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[）)]?\s*$")
COVER_RE = re.compile(r"(?:现将|现把|将)\s*《(?P<title>[^《》]{4,80})》\s*(?:印发|转发|发给|予以印发)")
SENTENCE_PUNCT = re.compile(r"[，。：；,;:！？!?]")
ISSUER_FROM_TITLE_RE = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,30}?(?:总工会|工会)(?:[\u4e00-\u9fff]{2,12}?部)?)"
                                  r"(?=\d|关于|[（(])")
ORG_LINE_MAX = 40
TITLE_LINE_MAX = 40
TITLE_MAX = 80  # a title printed as one paragraph (Word, HTML) that ends like a title
NEWS_LEAD_RE = re.compile(r"^\s*本报讯")
# What a document's title ends with: the GB/T 9704 kinds of 公文 and the usual plans and tables.
TITLE_END_RE = re.compile(r"(?:通知|通报|决定|决议|意见|办法|规定|规划|方案|要点|计划|报告|请示|批复|函|纪要|公告|通告"
                          r"|公报|细则|规则|标准|安排|总结|倡议书|表)\s*[》」）)]?\s*$")
# The 版头 (发文机关标志): the issuing body's name followed by 文件, above the 发文字号.
MASTHEAD_RE = re.compile(r"^\s*(?P<org>[\u4e00-\u9fff（）()、\s]{2,40}?)\s*文\s*件\s*$")
ORG_END = "会部室委局厅办院组处团联社"
ORG_DATE_RE = re.compile(r"^\s*(?P<org>[\u4e00-\u9fff（）()]{2,30}[" + ORG_END + r"])\s*"
                         r"(?P<date>(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                         r"\s*[\d一二三四五六七八九十]{1,3}\s*日)\s*$")


def extract_metadata(doc: RawDocument) -> tuple[DocMeta, list[Finding]]:
    prose = [b for b in doc.blocks if b.kind in ("paragraph", "heading", "caption") and not is_furniture(b)]
    findings: list[Finding] = []
    head = prose[:HEAD_BLOCKS]
    doc_number = find_doc_number(head, findings)
    passages = blocks_to_passages(doc)
    top = head_parts(head, passages)
    title = (title_from_news(prose) or (top.title if top.structured else None)
             or title_from_cover_letter(passages) or title_from_headings(prose, top.masthead)
             or top.title)
    issuer, date = signature(prose)
    if date is None:
        date = date_under_title(head)
    if issuer is None and top.masthead:
        issuer = MASTHEAD_RE.match(top.masthead[0].ntext).group("org").strip() or None
    if issuer is None and title:
        m = ISSUER_FROM_TITLE_RE.match(title)
        issuer = m.group("org") if m else None
    attachments, att_findings = extract_attachments(doc)
    meta = DocMeta(title=title, doc_number=doc_number, issuer=issuer, date=date,
                   recipients=top.recipients, attachments=attachments, script=doc.script,
                   articles=news_headlines(prose))
    return meta, findings + att_findings


def find_doc_number(head: list[Block], findings: list[Finding]) -> Optional[str]:
    """郑工劳经〔2021〕3号, also from 郑工劳经„2021‟3 号 or [2021] (a lost font's brackets)."""
    for b in head:
        m = DOC_NUMBER_RE.search(b.ntext)
        if m:
            number = f"{m.group('org')}〔{m.group('year')}〕{m.group('n')}号"
            if re.sub(r"\s", "", m.group(0)) != number:
                findings.append(Finding(code="doc-number-repaired", severity="info", stage="extract",
                                        message=f"发文字号 {m.group(0).strip()!r} read as {number!r}",
                                        prov=b.prov.model_copy(update={"block": b.id})))
            return number
    return None


def title_from_cover_letter(passages: list[Passage]) -> Optional[str]:
    """现将《X》印发给你们: the notice forwarded is the document's title."""
    for p in passages[:HEAD_BLOCKS]:
        found = COVER_RE.findall(p.text)
        if len(found) == 1:
            return tidy(found[0])
    return None


def title_from_news(prose: list[Block]) -> Optional[str]:
    heads = news_headlines(prose)
    return heads[0] if heads else None


def news_headlines(prose: list[Block]) -> list[str]:
    """On a newspaper page, each story's headline is the line right above its 本报讯."""
    out = []
    for i, b in enumerate(prose):
        if NEWS_LEAD_RE.match(b.ntext) and i > 0:
            j = i - 1
            while j > 0 and prose[j].ntext.strip().startswith(("——", "--")):
                j -= 1  # a 副题 under the headline
            out.append(tidy(prose[j].ntext))
    return out


def title_from_headings(prose: list[Block], masthead: list[Block] = ()) -> Optional[str]:
    skip = {b.id for b in masthead}
    for b in prose:
        if b.kind == "heading" and b.level == 1 and b.ntext.strip() and b.id not in skip \
                and not re.match(r"^\s*附\s*件\s*\d*\s*[:：]?\s*$", b.ntext):
            return tidy(b.ntext)
    return None


def _title_like(b: Block) -> bool:
    text = tidy(b.ntext)
    longest = TITLE_MAX if TITLE_END_RE.search(text) else TITLE_LINE_MAX
    return (0 < len(text) <= longest and not SENTENCE_PUNCT.search(text) and not DATE_LINE_RE.match(text)
            and not DOC_NUMBER_RE.search(text) and not re.match(r"^附\s*件", text)
            and not re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[）)]|^\d+[.、]", text))


@dataclass
class Head:
    """The top of a notice read from its blocks: 版头, printed title, 主送."""
    title: Optional[str] = None
    masthead: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    structured: bool = False  # a 发文字号 or a 主送 line frames the title


def head_parts(head: list[Block], passages: list[Passage]) -> Head:
    """The 版头 (…文件 above the 发文字号), the title lines under it and the 主送 line.

    The 发文字号, title and 主送 lines carry no final punctuation, so a passage runs them
    together up to the 主送's ：. Inside such a passage the title is the blocks up to the last
    one that ends like a title (…的通知, …要点); the blocks after it are the 主送 (a 主送 line
    wrapped in two has no title end, and stays out of the title)."""
    out = Head()
    numbers = [i for i, b in enumerate(head) if DOC_NUMBER_RE.search(b.ntext)]
    first_number = numbers[0] if numbers else None
    out.masthead = [b for i, b in enumerate(head) if MASTHEAD_RE.match(b.ntext) and len(tidy(b.ntext)) <= TITLE_LINE_MAX
                    and (first_number is None or i < first_number)][:1]
    skip = {b.id for b in out.masthead} | {head[i].id for i in numbers}
    ids = {b.id for b in head}
    recipient_blocks: list[list[Block]] = []
    for p in passages:
        if not any(b.id in ids for b in p.blocks) or not tidy(p.text).endswith(("：", ":")):
            continue
        blocks = [b for b in p.blocks if b.id not in skip]
        ends = [i for i, b in enumerate(blocks) if TITLE_END_RE.search(tidy(b.ntext)) and _title_like(b)]
        recipient_blocks.append(blocks[ends[-1] + 1:] if ends else blocks)
    in_recipients = {b.id for run in recipient_blocks for b in run}
    lines: list[str] = []
    for b in head:
        text = b.ntext.strip()
        if not text or b.id in skip or re.match(r"^附\s*件\s*\d*\s*$", text):
            if lines:
                break
            continue
        if b.id not in in_recipients and _title_like(b) and len(lines) < 3:
            lines.append(tidy(text))
            continue
        break
    out.title = "".join(lines) or None
    out.structured = bool(numbers or recipient_blocks)
    for run in recipient_blocks:
        text = DOC_NUMBER_RE.sub("", "".join(tidy(b.ntext) for b in run)).strip()
        if text.endswith(("：", ":")) and "。" not in text and len(text) < 200:
            out.recipients = [x.strip() for x in _split_outside_parens(text[:-1]) if x.strip()]
            break
    return out


def signature(prose: list[Block]) -> tuple[Optional[str], Optional[str]]:
    """The 落款: a standalone date line and the body's name on the line above it."""
    for i, b in enumerate(prose):
        text = b.ntext.strip()
        if not DATE_LINE_RE.match(text) or text.startswith(("（", "(")):
            continue
        above = tidy(prose[i - 1].ntext) if i > 0 else ""
        if above and len(above) <= ORG_LINE_MAX and not SENTENCE_PUNCT.search(above) and not DATE_LINE_RE.match(above):
            return above, parse_full_date(text)
    for b in prose:  # the body's name and the date run together on one line
        m = ORG_DATE_RE.match(tidy(b.ntext))
        if m and not MASTHEAD_RE.match(m.group("org")):
            return m.group("org"), parse_full_date(m.group("date"))
    return None, None


def date_under_title(head: list[Block]) -> Optional[str]:
    """（2011年10月10日） printed under a plan's title."""
    for b in head:
        text = b.ntext.strip()
        if DATE_LINE_RE.match(text) and text.startswith(("（", "(")):
            return parse_full_date(text)
    return None


def recipients(doc: RawDocument) -> list[str]:
    """主送机关: the short passage at the top that ends with ：, without the title lines
    it runs on from, split at 、 and ，."""
    prose = [b for b in doc.blocks if b.kind in ("paragraph", "heading", "caption") and not is_furniture(b)]
    return head_parts(prose[:HEAD_BLOCKS], blocks_to_passages(doc)).recipients


def _split_outside_parens(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for c in text:
        depth += c in "（("
        depth -= c in "）)"
        if c in "、，," and depth <= 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    return parts + [cur]
