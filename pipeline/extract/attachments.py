"""The 附件 list and the attachments' bodies, matched by title.

    attachment_list_blocks(doc) -> set of block ids forming 附件：1、…；2、…
    extract_attachments(doc) -> (list[Attachment], findings)

A body starts at a line 附件2 (or 附件：) and its title is the next text line. Bodies are
matched to list entries by title, since numbering is where sources err (two bodies both
marked 附件2); a disagreement is a finding, not a silent renumbering.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.extract.passages import is_furniture, tidy
from pipeline.model import Attachment, Block, Finding, Provenance, RawDocument

LIST_HEAD_RE = re.compile(r"^\s*附\s*件\s*[:：]\s*(?P<rest>\S.*)$")
ENTRY_RE = re.compile(r"^\s*(?P<n>\d{1,2})\s*[、.．]\s*(?P<title>\S.*)$")
BODY_MARK_RE = re.compile(r"^\s*附\s*件\s*(?P<n>\d{0,2})\s*[:：]?\s*$")
# What a document or table title ends with (…分解表, …专案, …评分标准, …实施方案).
DOC_TITLE_RE = re.compile(r"(?:表|案|法|准|单|则|点|划|知|见|录|书|函|告|规定|规划|制度|细则|要求)\s*$")
MARKER_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])")


def _key(title: str) -> str:
    return re.sub(r"[\s；;。.，,、:：《》“”\"]", "", title)


def _prose(doc: RawDocument) -> list[Block]:
    return [b for b in doc.blocks if b.kind in ("paragraph", "heading") and not is_furniture(b)]


def _list_entries(doc: RawDocument) -> list[tuple[Optional[str], str, int]]:
    """(number, title, block id) of each entry of every 附件 list."""
    entries: list[tuple[Optional[str], str, int]] = []
    prose = _prose(doc)
    i = 0
    while i < len(prose):
        m = LIST_HEAD_RE.match(prose[i].ntext)
        if not m:
            i += 1
            continue
        rest = m.group("rest")
        em = ENTRY_RE.match(rest)
        entries.append((em.group("n"), _title(em.group("title")), prose[i].id) if em else
                       (None, _title(rest), prose[i].id))
        i += 1
        while em and i < len(prose) and (nm := ENTRY_RE.match(prose[i].ntext)):
            entries.append((nm.group("n"), _title(nm.group("title")), prose[i].id))
            i += 1
    return entries


def _title(text: str) -> str:
    return tidy(text).rstrip("；;。.，, ")


def attachment_list_blocks(doc: RawDocument) -> set[int]:
    return {block for _, _, block in _list_entries(doc)}


def _bodies(doc: RawDocument) -> list[tuple[Optional[str], Optional[str], int]]:
    """(number, title, block id) of each attachment body: a 附件N line, then its title line."""
    prose = _prose(doc)
    ids = [b.id for b in doc.blocks]
    out = []
    for i, b in enumerate(prose):
        m = BODY_MARK_RE.match(b.ntext)
        if not m:
            continue
        title = None
        if i + 1 < len(prose):
            nxt = prose[i + 1]
            between = ids[ids.index(b.id) + 1:ids.index(nxt.id)]
            tables = any(x.kind == "table" for x in doc.blocks if x.id in between)
            if not tables and not MARKER_RE.match(nxt.ntext) and not BODY_MARK_RE.match(nxt.ntext):
                title = _title(nxt.ntext)
        out.append((m.group("n") or None, title, b.id))
    return out


def extract_attachments(doc: RawDocument) -> tuple[list[Attachment], list[Finding]]:
    listed = [Attachment(number=n, title=t, listed=True) for n, t, _ in _list_entries(doc)]
    findings: list[Finding] = []
    seen_numbers: dict[str, int] = {}
    extra: list[Attachment] = []
    for number, title, block in _bodies(doc):
        if number:
            if number in seen_numbers:
                findings.append(_finding("attachment-number-duplicate", "warning",
                                         f"附件{number} marks two attachments (blocks {seen_numbers[number]} and {block})",
                                         block, {"number": number}))
            seen_numbers.setdefault(number, block)
        entry = _match(listed, number, title, block) if title else None
        if entry is None and title and not DOC_TITLE_RE.search(title):
            title = None  # the line under 附件 is a table's header, not a title
        if entry is None and not title:
            entry = _match(listed, number, None, block)
        if entry is None:
            if title:
                extra.append(Attachment(number=number, title=title, listed=False, block=block))
            if title and listed:  # with no 附件 list at all (an attachment alone) there is nothing to disagree
                findings.append(_finding("attachment-unlisted", "warning",
                                         f"附件{number or ''} {title!r} is not in the 附件 list", block, {}))
            continue
        entry.block = block
        if number and entry.number and number != entry.number:
            findings.append(_finding("attachment-number-mismatch", "warning",
                                     f"{entry.title!r} is 附件{entry.number} in the list but 附件{number} on its page",
                                     block, {"listed": entry.number, "printed": number}))
    return listed + extra, findings


def _match(listed: list[Attachment], number: Optional[str], title: Optional[str], block: int) -> Optional[Attachment]:
    free = [a for a in listed if a.block is None]
    if title:
        key = _key(title)
        for a in free:
            k = _key(a.title)
            if k and (k == key or k in key or key in k):
                return a
        return None
    # no title line (a table follows): the nearest free entry with that number, else the next free one
    same = [a for a in free if a.number == number]
    return (same or free or [None])[0]


def _finding(code: str, severity: str, message: str, block: int, data: dict) -> Finding:
    return Finding(code=code, severity=severity, stage="extract", message=message, prov=Provenance(block=block),
                   data=data)
