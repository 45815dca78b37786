"""Plain-text reader: any common Chinese encoding, one block per paragraph with its first line.

Lines wrapped by a PDF-to-text dump are joined back into paragraphs: a line as long as the
text's usual full line, not ending a sentence, continues on the next non-blank line. Raw
block text keeps the line breaks (normalize drops them inside CJK text). Form feeds separate
pages (pdftotext), so a block's page comes from them when the text has any.

Tables a dump writes cell after cell (multi-line cells) become table blocks with a grid, see
txt_tables; their lines take no part in paragraphs.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pipeline.ingest.furniture import PAGE_NUMBER
from pipeline.ingest.source import source_info
from pipeline.ingest.text_decode import decode_text
from pipeline.ingest.txt_tables import find_tables
from pipeline.model import Block, Finding, Provenance, RawDocument

LINE_BREAK = re.compile(r"\r\n|\r|\n")
SENTENCE_END = tuple("。；！？：;!?:")
FULL_LINE = 0.85  # share of the usual full width that counts as a wrapped line


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s.rstrip())


def text_lines(text: str) -> list[tuple[int, int, str]]:
    """(1-based line, 1-based page or 0 when there are no form feeds, line text without \\f)."""
    pages = "\f" in text
    page = 1
    out = []
    for n, line in enumerate(LINE_BREAK.split(text), start=1):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        out.append((n, page if pages else 0, line))
    return out


def full_width_of(lines: list[str]) -> int:
    """The width of a full line: high percentile of the non-blank line widths."""
    widths = sorted(display_width(l) for l in lines if l.strip())
    if not widths:
        return 0
    return widths[int(0.9 * (len(widths) - 1))]


def lines_to_paragraphs(lines: list[tuple[int, int, str]], full: int | None = None) -> list[list[tuple[int, int, str]]]:
    if full is None:
        full = full_width_of([l for _, _, l in lines])
    paragraphs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for item in lines:
        line = item[2]
        if not line.strip():
            continue  # blank lines alone do not end a paragraph: dumps put one after every line
        if PAGE_NUMBER.match(line):
            if current:
                paragraphs.append(current)
                current = []
            paragraphs.append([item])
            continue
        current.append(item)
        stripped = line.rstrip()
        wrapped = full and display_width(line) >= FULL_LINE * full and not stripped.endswith(SENTENCE_END)
        if not wrapped:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def read(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    text, encoding = decode_text(data)
    findings: list[Finding] = []
    if "\ufffd" in text and "\ufffd".encode("utf-8") not in data:
        findings.append(Finding(code="undecodable-bytes", severity="warning", stage="ingest",
                                message=f"some bytes are not valid {encoding}: kept as U+FFFD",
                                data={"encoding": encoding}))
    lines = text_lines(text)
    full = full_width_of([l for _, _, l in lines])  # of the whole text, tables included
    blocks: list[Block] = []
    pos = 0
    for table in find_tables(lines, full) + [None]:
        stop = table.start if table is not None else len(lines)
        for para in lines_to_paragraphs(lines[pos:stop], full):
            first_line, page, _ = para[0]
            body = "\n".join(l for _, _, l in para)
            kind = "furniture" if len(para) == 1 and PAGE_NUMBER.match(body) else "paragraph"
            blocks.append(Block(id=len(blocks), kind=kind, text=body,
                                prov=Provenance(line=first_line, page=page or None)))
        if table is not None:
            blocks.append(Block(id=len(blocks), kind="table", text=table.grid.plain_text(), grid=table.grid,
                                prov=Provenance(line=table.line, page=table.page or None)))
            pos = table.end
    info = source_info(path, "txt", encoding=encoding)
    return RawDocument(source=info, blocks=blocks, findings=findings)
