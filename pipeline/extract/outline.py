"""The heading hierarchy 一、 / （一） / 1. / （1） and each block's section path.

    extract_outline(doc) -> list[OutlineNode]
    section_paths(outline, doc) -> {block id: [titles, outermost first]}

Levels come from nesting, not from the marker's kind: a kind nests under the kinds opened
before it, an attachment (附件2 + its title) restarts the tree, and a numbering that restarts
at 一 right under a heading of the same kind (二、…专案 then 一、目标任务) is read as one level
deeper. A node's `level` is its depth, 1 outermost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.extract.attachments import DOC_TITLE_RE, attachment_list_blocks
from pipeline.extract.passages import is_furniture
from pipeline.model import OutlineNode, RawDocument
from pipeline.normalize.quantities import parse_chinese_int

MARKERS = [  # (kind, pattern); the number is group 1
    ("cn", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．.]\s*")),
    ("cn_paren", re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*")),
    ("arabic", re.compile(r"^\s*(\d{1,2})\s*[、．.](?!\d)\s*")),
    ("arabic_paren", re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]\s*")),
]
ATTACHMENT_MARK_RE = re.compile(r"^\s*附\s*件\s*(\d*)\s*[:：]?\s*$")
TITLE_END_RE = re.compile(r"[。；;：:!！?？]")
MAX_TITLE = 60


@dataclass
class _Open:
    kind: str
    number: int
    node: OutlineNode
    children: int = 0


def marker_of(text: str) -> Optional[tuple[str, int, str, str]]:
    """(kind, number, marker as printed, rest of the line) for a numbered line, else None."""
    for kind, rx in MARKERS:
        m = rx.match(text)
        if m:
            tok = m.group(1)
            number = int(tok) if tok.isdigit() else parse_chinese_int(tok)
            if number:
                return kind, number, m.group(0).strip(), text[m.end():]
    return None


def heading_title(rest: str) -> str:
    """The heading's words: up to its first 。 (一、深化…行动。深化… -> 深化…行动)."""
    m = TITLE_END_RE.search(rest)
    title = rest[:m.start()] if m else rest
    return re.sub(r"\s+", " ", title).strip()[:MAX_TITLE]


def extract_outline(doc: RawDocument) -> list[OutlineNode]:
    skip = attachment_list_blocks(doc)
    nodes: list[OutlineNode] = []
    stack: list[_Open] = []
    pending: Optional[str] = None  # an attachment mark waiting for its title line
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading") or is_furniture(b) or b.id in skip:
            continue
        text = b.ntext
        am = ATTACHMENT_MARK_RE.match(text)
        if am:
            pending = "附件" + am.group(1)
            continue
        mk = marker_of(text)
        if pending is not None and mk is None and DOC_TITLE_RE.search(text.strip()):
            node = OutlineNode(level=1, marker=pending, title=text.strip()[:MAX_TITLE], block=b.id,
                               path=[text.strip()[:MAX_TITLE]])
            nodes.append(node)
            stack, pending = [_Open("attachment", 0, node)], None
            continue
        pending = None
        if mk is None:
            continue
        kind, number, marker, rest = mk
        title = heading_title(rest)
        if not title:
            continue
        stack = _place(stack, kind, number)
        parent = stack[-1] if stack else None
        if parent:
            parent.children += 1
        node = OutlineNode(level=len(stack) + 1, marker=marker, title=title, block=b.id,
                           path=(parent.node.path if parent else []) + [title])
        nodes.append(node)
        stack.append(_Open(kind, number, node))
    return nodes


def _place(stack: list[_Open], kind: str, number: int) -> list[_Open]:
    """The stack cut back to the parent of a `kind` heading numbered `number`."""
    same = [i for i, o in enumerate(stack) if o.kind == kind]
    if not same:
        return stack  # a new kind nests under what is open
    top = stack[-1]
    if number == 1 and top.kind == kind and top.children == 0:
        return stack  # 二、…专案 then 一、目标任务: a restart one level deeper
    for i in reversed(same):  # the open level whose numbering this continues
        if stack[i].number + 1 == number:
            return stack[:i]
    return stack[:same[-1]]


def section_paths(outline: list[OutlineNode], doc: RawDocument) -> dict[int, list[str]]:
    """Block id -> the titles of the sections it stands under, outermost first."""
    starts = {n.block: n for n in outline}
    paths: dict[int, list[str]] = {}
    current: list[str] = []
    for b in doc.blocks:
        if b.id in starts:
            current = starts[b.id].path
        paths[b.id] = list(current)
    return paths
