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

The 版头 (发文机关标志) is the issuing body's name, usually followed by 文件 (青岛市总工会文件);
a body's own name printed alone (成都市总工会, 中华全国总工会办公厅) on the top line(s) is a
版头 too when the 发文字号 comes next, or a title that itself opens with that name. A line in
brackets under the title that says how the document was adopted or issued
（2023年2月10日…会议通过） is no part of the title; it dates the document when there is no 落款.
Dates are matched on fold_dates() text, so 二○二二年 (○ for 〇) reads as a date.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline.extract.attachments import attachment_list_blocks, extract_attachments
from pipeline.extract.passages import Passage, blocks_to_passages, is_furniture, tidy
from pipeline.model import Block, DocMeta, Finding, RawDocument
from pipeline.normalize.dates import fold_dates, parse_full_date

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
# A body's name standing alone (成都市总工会, 中华全国总工会办公厅, 中国海员建设工会全国委员会):
# what a 版头 without 文件 prints. Spaces are removed first (版头 are often letter-spaced).
ORG_NAME_RE = re.compile(r"^[\u4e00-\u9fff（）()·]{2,30}?(?:工会|工會|委员会|委員會|办公厅|辦公廳|办公室|辦公室|联合会|聯合會"
                         r"|协会|協會|中心|[部厅廳局署委办辦])$")
NOT_ORG_RE = re.compile(r"关于|關於|通知|印发|印發|转发|轉發")
# （2023年2月10日广州市总工会十六届五次全委（扩大）会议通过）: how the document was adopted or issued.
# It names a day or a meeting; （2021年修订） under a 办法 stays part of its title.
ADOPTED_RE = re.compile(r"^\s*[（(].*(?:通过|通過|批准|印发|印發|发布|發布|施行|修订|修訂|修正)\s*[）)]\s*$")


def _adoption_line(text: str) -> bool:
    text = text.strip()
    return bool(ADOPTED_RE.match(text)) and (parse_full_date(text) is not None or re.search(r"会议|會議", text) is not None)
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
    title = chinese_quotes(title) if title else title
    issuer, date = signature(prose)
    if date is None:
        date = date_under_title(head)
    if issuer is None:
        issuer = top.org
    if issuer is None and title:
        m = ISSUER_FROM_TITLE_RE.match(title)
        issuer = m.group("org") if m else None
    attachments, att_findings = extract_attachments(doc)
    meta = DocMeta(title=title, doc_number=doc_number, issuer=issuer, date=date,
                   recipients=top.recipients, attachments=attachments, script=doc.script,
                   articles=news_headlines(prose))
    return meta, findings + att_findings


def chinese_quotes(text: str) -> str:
    """"成都工匠杯" -> “成都工匠杯”: straight double quotes in Chinese text (OCR and ASCII typing
    give them), paired in order, as the marks GB/T 15834 prints; an odd count is left alone.
    For the title field only, never the raw text."""
    marks = [i for i, c in enumerate(text) if c == '"']
    if not marks or len(marks) % 2 or not re.search(r"[\u4e00-\u9fff]", text):
        return text
    out = list(text)
    for n, i in enumerate(marks):
        out[i] = "“" if n % 2 == 0 else "”"
    return "".join(out)


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
    """The lead story's headline: on the first page with stories, the one set in the largest
    type (ties: the topmost, then the widest); without type sizes (HTML, text) the first story."""
    heads = _news_stories(prose)
    if not heads:
        return None
    page = heads[0].prov.page if heads[0].prov else None
    sized = [(h, _pt(h)) for h in heads if (h.prov.page if h.prov else None) == page]  # the front page leads
    if any(pt for _, pt in sized):
        lead = min(sized, key=lambda hp: (-(hp[1] or 0.0), _top(hp[0]), -_width(hp[0])))[0]
    else:
        lead = heads[0]
    return tidy(lead.ntext)


def news_headlines(prose: list[Block]) -> list[str]:
    """On a newspaper page, each story's headline, in reading order."""
    return [tidy(h.ntext) for h in _news_stories(prose)]


# □本报记者 马丽 通讯员 张翔: a story's byline, on its own line under the headline.
BYLINE_RE = re.compile(r"^\s*[□■◇◆▲●]?\s*(?:本报|本刊)?(?:特约)?(?:记者|通讯员|见习记者)")


def _is_byline(b: Block) -> bool:
    text = b.ntext.strip()
    return bool(BYLINE_RE.match(text)) and len(text) <= 40 and not re.search(r"[。；！？]", text)


def _news_stories(prose: list[Block]) -> list[Block]:
    """Each story opens with a 本报讯 or a byline line; its headline is the largest heading in
    the run of headings above it (kicker, headline; a ——副题 and the byline are skipped). With no
    headings on the page (a text dump) the line above stands in for it."""
    with_headings = any(b.kind == "heading" for b in prose)
    out: list[Block] = []
    for i, b in enumerate(prose):
        lead = NEWS_LEAD_RE.match(b.ntext) or _is_byline(b)
        if not lead or i == 0 or (NEWS_LEAD_RE.match(b.ntext) and _is_byline(prose[i - 1])):
            continue  # the story's byline opened it already
        j = i - 1
        while j > 0 and (prose[j].ntext.strip().startswith(("——", "--")) or _is_byline(prose[j])
                         or prose[j].kind in ("caption", "credit")):
            j -= 1  # a 副题, byline or photo caption under the headline
        if not with_headings:
            if not _is_byline(prose[j]):
                out.append(prose[j])
            continue
        run = []
        while j >= 0 and prose[j].kind == "heading":
            if not prose[j].ntext.strip().startswith(("——", "--")):
                run.append(prose[j])
            j -= 1
        if run:
            head = max(reversed(run), key=lambda h: _pt(h) or 0.0)  # ties: the upper one
            if head not in out:
                out.append(head)
    return out


def _pt(b: Block) -> Optional[float]:
    m = re.match(r"([\d.]+)pt", b.style or "")
    return float(m.group(1)) if m else None


def _top(b: Block) -> float:
    return b.prov.bbox[1] + 10000 * (b.prov.page or 0) if b.prov and b.prov.bbox else 0.0


def _width(b: Block) -> float:
    return b.prov.bbox[2] - b.prov.bbox[0] if b.prov and b.prov.bbox else 0.0


def title_from_headings(prose: list[Block], masthead: list[Block] = ()) -> Optional[str]:
    skip = {b.id for b in masthead}
    for b in prose:
        if b.kind == "heading" and b.level == 1 and b.ntext.strip() and b.id not in skip \
                and not re.match(r"^\s*附\s*件\s*\d*\s*[:：]?\s*$", b.ntext):
            return tidy(b.ntext)
    return None


def _title_like(b: Block | str) -> bool:
    text = tidy(b if isinstance(b, str) else b.ntext)
    longest = TITLE_MAX if TITLE_END_RE.search(text) else TITLE_LINE_MAX
    return (0 < len(text) <= longest and not SENTENCE_PUNCT.search(text) and not _is_date_line(text)
            and not DOC_NUMBER_RE.search(text) and not re.match(r"^附\s*件", text) and not _adoption_line(text)
            and not re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[）)]|^\d+[.、]", text))


@dataclass
class Head:
    """The top of a notice read from its blocks: 版头, printed title, 主送."""
    title: Optional[str] = None
    masthead: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    structured: bool = False  # a 发文字号 or a 主送 line frames the title
    org: Optional[str] = None  # the body the 版头 names


@dataclass(eq=False)
class _Line:
    """A head block, or one of the two parts of a block that holds a title line and the 主送
    line under it (a text dump may join them)."""
    block: Block
    text: str


def _source_lines(b: Block) -> list[str]:
    """The block's normalised text cut where its source breaks lines (normalising joins a
    wrapped line to the next, so the breaks are read from the raw text through norm_map)."""
    if b.norm is None or not b.norm_map or len(b.norm_map) != len(b.norm) or "\n" not in b.text:
        return b.ntext.split("\n")
    breaks = [i for i, c in enumerate(b.text) if c == "\n"]
    parts: list[list[str]] = [[] for _ in range(len(breaks) + 1)]
    for ch, src in zip(b.norm, b.norm_map):
        if ch != "\n":
            parts[bisect.bisect_left(breaks, src)].append(ch)
    return ["".join(p) for p in parts if p]


def _head_lines(head: list[Block]) -> list[_Line]:
    out = []
    for b in head:
        parts = _source_lines(b)
        cut = None
        if len(parts) > 1 and tidy(b.ntext).endswith(("：", ":")):
            for i in range(len(parts) - 1):
                if TITLE_END_RE.search(tidy(parts[i])) and _title_like("\n".join(parts[:i + 1])):
                    cut = i
        if cut is None:
            out.append(_Line(b, b.ntext))
        else:
            out += [_Line(b, "\n".join(parts[:cut + 1])), _Line(b, "\n".join(parts[cut + 1:]))]
    return out


def _org_name(text: str) -> Optional[str]:
    """成都市总工会 (or 成 都 市 总 工 会) -> 成都市总工会: a body's name standing alone, else None."""
    name = re.sub(r"\s", "", tidy(text))
    if ORG_NAME_RE.match(name) and not NOT_ORG_RE.search(name) and not TITLE_END_RE.search(name):
        return name
    return None


def _masthead(lines: list[_Line], first_number: Optional[int]) -> tuple[list[_Line], Optional[str]]:
    """The 版头: the first …文件 line above the 发文字号; else the body's name alone on the top
    line(s) when the 发文字号 comes next, or a title that opens with that name."""
    for i, ln in enumerate(lines[:first_number]):
        m = MASTHEAD_RE.match(ln.text)
        if m and len(tidy(ln.text)) <= TITLE_LINE_MAX:
            return [ln], m.group("org").strip() or None
    names: list[_Line] = []
    i = 0
    while i < len(lines) and len(names) < 3:
        if not tidy(lines[i].text):
            i += 1
            continue
        if not _org_name(lines[i].text):
            break
        names.append(lines[i])
        i += 1
    while i < len(lines) and not tidy(lines[i].text):
        i += 1
    if not names or i >= len(lines):
        return [], None
    first = _org_name(names[0].text)
    after = re.sub(r"\s", "", tidy(lines[i].text))
    if i == first_number or (_title_like(lines[i].text) and after.startswith(first) and after != first):
        return names, first
    return [], None


def head_parts(head: list[Block], passages: list[Passage]) -> Head:
    """The 版头 (above the 发文字号), the title lines under it and the 主送 line.

    The 发文字号, title and 主送 lines carry no final punctuation, so a passage runs them
    together up to the 主送's ：. Inside such a passage the title is the lines up to the last
    one that ends like a title (…的通知, …要点); the lines after it are the 主送 (a 主送 line
    wrapped in two has no title end, and stays out of the title)."""
    out = Head()
    lines = _head_lines(head)
    numbers = [i for i, ln in enumerate(lines) if DOC_NUMBER_RE.search(ln.text)]
    first_number = numbers[0] if numbers else None
    masthead, out.org = _masthead(lines, first_number)
    out.masthead = [ln.block for ln in masthead]
    skip = {id(ln) for ln in masthead} | {id(lines[i]) for i in numbers}
    by_block: dict[int, list[_Line]] = {}
    for ln in lines:
        by_block.setdefault(ln.block.id, []).append(ln)
    recipient_lines: list[list[_Line]] = []
    for p in passages:
        if not any(b.id in by_block for b in p.blocks) or not tidy(p.text).endswith(("：", ":")):
            continue
        run = [ln for b in p.blocks for ln in by_block.get(b.id, [_Line(b, b.ntext)]) if id(ln) not in skip]
        ends = [i for i, ln in enumerate(run) if TITLE_END_RE.search(tidy(ln.text)) and _title_like(ln.text)]
        recipient_lines.append(run[ends[-1] + 1:] if ends else run)
    in_recipients = {id(ln) for run in recipient_lines for ln in run}
    title: list[str] = []
    for ln in lines:
        text = ln.text.strip()
        if not text or id(ln) in skip or re.match(r"^附\s*件\s*\d*\s*$", text):
            if title:
                break
            continue
        if id(ln) not in in_recipients and _title_like(text) and len(title) < 3:
            title.append(tidy(text))
            continue
        break
    out.title = "".join(title) or None
    out.structured = bool(numbers or recipient_lines)
    for run in recipient_lines:
        text = DOC_NUMBER_RE.sub("", "".join(tidy(ln.text) for ln in run)).strip()
        if text.endswith(("：", ":")) and "。" not in text and len(text) < 200:
            out.recipients = [x.strip() for x in _split_outside_parens(text[:-1]) if x.strip()]
            break
    return out


def _is_date_line(text: str) -> bool:
    return bool(DATE_LINE_RE.match(fold_dates(text)))


def signature(prose: list[Block]) -> tuple[Optional[str], Optional[str]]:
    """The 落款: a standalone date line and the body's name on the line above it."""
    for i, b in enumerate(prose):
        text = b.ntext.strip()
        if not _is_date_line(text) or text.startswith(("（", "(")):
            continue
        above = tidy(prose[i - 1].ntext) if i > 0 else ""
        if above and len(above) <= ORG_LINE_MAX and not SENTENCE_PUNCT.search(above) and not _is_date_line(above):
            return above, parse_full_date(text)
    for b in prose:  # the body's name and the date run together on one line
        text = tidy(b.ntext)
        m = ORG_DATE_RE.match(fold_dates(text))
        if m and not MASTHEAD_RE.match(m.group("org")):
            return text[m.start("org"):m.end("org")], parse_full_date(m.group("date"))
    return None, None


def date_under_title(head: list[Block]) -> Optional[str]:
    """（2011年10月10日） printed under a plan's title, or the line that says when it was adopted:
    （2023年2月10日…会议通过）."""
    for b in head:
        text = b.ntext.strip()
        if (_is_date_line(text) and text.startswith(("（", "("))) or _adoption_line(text):
            date = parse_full_date(text)
            if date:
                return date
    return None


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
