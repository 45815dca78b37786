"""The lines of a plain text's paragraphs, for the text-table readers (table_text, table_layout,
table_spaced): each line with its block, its line number in the file and its page.

A paragraph block keeps its wrapped lines; the reader drops blank lines, so only the first
line's number is stored. A later line's number is known when the block's lines are the file's
consecutive lines: the next block then starts right after them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.extract.table_grid import GridRows
from pipeline.model import Block, GridCell, Provenance

ATTACHMENT = re.compile(r"^\s*附件")
MIN_BODY_LINES = 3


@dataclass
class TextLine:
    block: Block
    line: Optional[int]  # 1-based line in the file, None when unknown
    text: str  # raw, line break and trailing white space dropped

    @property
    def page(self) -> Optional[int]:
        return self.block.prov.page


def flat_lines(blocks: list[Block], all_blocks: Optional[list[Block]] = None) -> list[TextLine]:
    """Each block's lines (a block may hold a wrapped paragraph's several lines). `all_blocks`,
    the document's blocks in order, tell where the next block starts."""
    following = _next_lines(all_blocks or blocks)
    out = []
    for b in blocks:
        texts = b.text.split("\n")
        consecutive = b.prov.line is not None and following.get(b.id) == b.prov.line + len(texts)
        for k, text in enumerate(texts):
            text = text.rstrip("\r\n\f ")
            if text.strip():
                known = k == 0 or consecutive
                out.append(TextLine(b, b.prov.line + k if known and b.prov.line is not None else None, text))
    return out


def _next_lines(blocks: list[Block]) -> dict[int, int]:
    """Block id -> the first line of the next block that has one."""
    out, nxt = {}, None
    for b in reversed(blocks):
        if nxt is not None:
            out[b.id] = nxt
        if b.prov.line is not None:
            nxt = b.prov.line
    return out


def grid_part(rows: list[list[str]], provs: list[Provenance], header_n: int, blocks: list[int],
              spanning: frozenset[int] = frozenset()) -> GridRows:
    """Rows of cell texts as a grid; a row in `spanning` is one cell across the table (a section row)."""
    grid = [[GridCell(text=t, origin=(r, 0) if r in spanning else (r, c)) for c, t in enumerate(row)]
            for r, row in enumerate(rows)]
    return GridRows(rows=grid, provs=provs, header_n=header_n, blocks=blocks)


def line_prov(line: TextLine, row: Optional[int] = None) -> Provenance:
    return Provenance(line=line.line, block=line.block.id, row=row, page=line.block.prov.page)
