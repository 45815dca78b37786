"""Document metadata after GB/T 9704-2012: title, 发文字号, issuer, date, 主送机关, 附件.

    extract_metadata(doc) -> (DocMeta, findings)

The title is, in order: the 《…》 a cover letter forwards (现将《…》印发给你们), a newspaper
page's headline (the line above its first 本报讯), a level-1 heading, else the heading-like
lines at the top (short, no sentence punctuation, not the 发文字号). The issuer and date come
from the 落款: a standalone date line and the body name above it; without one, a date in
parentheses under the title and the 工会 the title opens with.
"""
from __future__ import annotations

import re
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
NEWS_LEAD_RE = re.compile(r"^\s*本报讯")


def extract_metadata(doc: RawDocument) -> tuple[DocMeta, list[Finding]]:
    prose = [b for b in doc.blocks if b.kind in ("paragraph", "heading", "caption") and not is_furniture(b)]
    findings: list[Finding] = []
    doc_number = find_doc_number(prose[:HEAD_BLOCKS], findings)
    passages = blocks_to_passages(doc)
    title = (title_from_cover_letter(passages) or title_from_news(prose) or title_from_headings(prose)
             or title_from_top_lines(passages, prose))
    issuer, date = signature(prose)
    if date is None:
        date = date_under_title(prose[:HEAD_BLOCKS])
    if issuer is None and title:
        m = ISSUER_FROM_TITLE_RE.match(title)
        issuer = m.group("org") if m else None
    attachments, att_findings = extract_attachments(doc)
    meta = DocMeta(title=title, doc_number=doc_number, issuer=issuer, date=date,
                   recipients=recipients(doc), attachments=attachments, script=doc.script,
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


def title_from_headings(prose: list[Block]) -> Optional[str]:
    for b in prose:
        if b.kind == "heading" and b.level == 1 and b.ntext.strip() and not re.match(r"^\s*附\s*件\s*\d*\s*[:：]?\s*$", b.ntext):
            return tidy(b.ntext)
    return None


def _title_like(b: Block) -> bool:
    text = tidy(b.ntext)
    return (0 < len(text) <= TITLE_LINE_MAX and not SENTENCE_PUNCT.search(text) and not DATE_LINE_RE.match(text)
            and not DOC_NUMBER_RE.search(text) and not re.match(r"^附\s*件", text)
            and not re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[）)]|^\d+[.、]", text))


def title_from_top_lines(passages: list[Passage], prose: list[Block]) -> Optional[str]:
    """The heading-like lines at the top, joined (a title may wrap to two or three lines)."""
    ends_colon = {b.id for p in passages if tidy(p.text).endswith(("：", ":")) for b in p.blocks}
    lines: list[str] = []
    for b in prose[:HEAD_BLOCKS]:
        text = b.ntext.strip()
        if not text or DOC_NUMBER_RE.search(text) or re.match(r"^附\s*件\s*\d*\s*$", text):
            if lines:
                break
            continue
        if b.id not in ends_colon and _title_like(b) and len(lines) < 3:
            lines.append(tidy(text))
            continue
        break
    return "".join(lines) or None


def signature(prose: list[Block]) -> tuple[Optional[str], Optional[str]]:
    """The 落款: a standalone date line and the body's name on the line above it."""
    for i, b in enumerate(prose):
        text = b.ntext.strip()
        if not DATE_LINE_RE.match(text) or text.startswith(("（", "(")):
            continue
        above = tidy(prose[i - 1].ntext) if i > 0 else ""
        if above and len(above) <= ORG_LINE_MAX and not SENTENCE_PUNCT.search(above) and not DATE_LINE_RE.match(above):
            return above, parse_full_date(text)
    return None, None


def date_under_title(head: list[Block]) -> Optional[str]:
    """（2011年10月10日） printed under a plan's title."""
    for b in head:
        text = b.ntext.strip()
        if DATE_LINE_RE.match(text) and text.startswith(("（", "(")):
            return parse_full_date(text)
    return None


def recipients(doc: RawDocument) -> list[str]:
    """主送机关: the first short passage at the top that ends with ：, split at 、 and ，."""
    for p in blocks_to_passages(doc)[:HEAD_BLOCKS]:
        text = DOC_NUMBER_RE.sub("", tidy(p.text)).strip()
        if text.endswith(("：", ":")) and "。" not in text and len(text) < 200:
            return [x.strip() for x in _split_outside_parens(text[:-1]) if x.strip()]
    return []


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
