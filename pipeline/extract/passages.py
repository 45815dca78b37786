"""Prose blocks joined into passages, and passages cut into sentences and clauses.

A PDF or a pdftotext dump gives one block per printed line, so a target like `260` / `名以上`
can straddle two blocks. A passage joins consecutive prose blocks until one ends a paragraph;
every character keeps the block and the offset it came from, so a value found in the passage
is traced back to its own block and span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import Block, RawDocument

PROSE_KINDS = ("paragraph", "heading", "caption")
PARAGRAPH_END = "。！？!?：:；;"
MARKER_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)"
                       r"|——|附件|[（(]\d{4}年)")
SENTENCE_END = "。！？!?；;"
CLAUSE_END = SENTENCE_END + "，,：:"
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@dataclass
class Passage:
    text: str
    blocks: list[Block] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # offset of each block's text in `text`

    def locate(self, pos: int) -> tuple[Block, int]:
        """The block holding passage offset `pos`, and the offset inside that block's text."""
        i = max(j for j, s in enumerate(self.starts) if s <= pos)
        return self.blocks[i], pos - self.starts[i]


def is_heading_line(text: str) -> bool:
    """一、目标任务 / （二）工作安排 / 附件1: a numbered line without sentence punctuation."""
    return bool(MARKER_RE.match(text)) and not re.search(r"[，。；：,;:]", text) and len(text.strip()) <= 40


def is_furniture(block: Block) -> bool:
    """Page numbers and running heads, as the reader marked them."""
    return block.kind == "furniture"


def blocks_to_passages(doc: RawDocument) -> list[Passage]:
    """Consecutive prose blocks joined until a paragraph ends (a final 。 or ：, a heading, a
    numbered line, a table)."""
    passages: list[Passage] = []
    cur: Passage | None = None
    for b in doc.blocks:
        if b.kind not in PROSE_KINDS:
            cur = None
            continue
        if is_furniture(b):
            continue
        text = b.ntext
        if not text.strip():
            continue
        starts_new = cur is None or b.kind == "heading" or MARKER_RE.match(text) or (
            cur.blocks[-1].article != b.article)
        if starts_new:
            cur = Passage("")
            passages.append(cur)
        cur.starts.append(len(cur.text))
        cur.blocks.append(b)
        cur.text += text
        tail = PRIVATE_USE.sub("", text).rstrip()
        if b.kind == "heading" or (tail and tail[-1] in PARAGRAPH_END) or is_heading_line(text):
            cur = None
    return passages


def _cut(text: str, ends: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, c in enumerate(text):
        if c in ends:
            if c == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue  # 1,000
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, its final 。/； included."""
    return _cut(text, SENTENCE_END)


def clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) of each clause (cut at ，：。；), its final mark included: the truth of a
    target is usually its clause, and the mark helps when a target ends a sentence."""
    return _cut(text, CLAUSE_END)


def enclosing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return (0, 0)


def tidy(text: str) -> str:
    """A passage excerpt for output: ends trimmed, line breaks and private-use glyphs gone."""
    return PRIVATE_USE.sub("", text).replace("\n", "").strip()
