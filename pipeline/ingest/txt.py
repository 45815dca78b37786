"""Plain-text reader: any common Chinese encoding, one block per paragraph with its first line.

Lines wrapped by a PDF-to-text dump are joined back into paragraphs: a line as long as the
text's usual full line, not ending a sentence, continues on the next non-blank line. The full
line is the wrap width most long lines reach (not a percentile of all lines: a dump of a
table, one cell per line, is mostly short lines). A line is never joined to the next when it
is a heading (一、…, 附件1), a 附件 entry ending like a title, a date line, or stands off the
left margin (a right-aligned 落款, a centred title line); a date line or a line off the margin
never continues the line above, nor does the next item of a list (1. then 2.).
Raw block text keeps the line breaks (normalize drops them inside CJK text). Form feeds
separate pages (pdftotext), so a block's page comes from them when the text has any.

Tables a dump writes cell after cell (multi-line cells) become table blocks with a grid, see
txt_tables; their lines take no part in paragraphs.
"""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.ingest.furniture import DATE_LINE, PAGE_NUMBER
from pipeline.ingest.source import source_info
from pipeline.ingest.text_decode import decode_text
from pipeline.ingest.txt_tables import display_width, find_tables
from pipeline.model import Block, Finding, Provenance, RawDocument

LINE_BREAK = re.compile(r"\r\n|\r|\n")
SENTENCE_END = tuple("。；！？：;!?:")
FULL_LINE = 0.85  # share of the usual full width that counts as a wrapped line
# 一、目标任务 / （二）工作安排 / 1. 动员部署 / 附件1 with no sentence punctuation: a heading line
HEADING_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]"
                          r"|\d{1,2}\s*[、.．](?!\d)|附\s*件\s*\d*\s*$)")
HEADING_MAX = 40
# 附件：…任务分解表 / 2.…建设任务表: a whole 附件 entry (a title does not end in mid-word on 表, 案, 点 …)
ATTACHMENT_ENTRY = re.compile(r"^(?:附\s*件\s*\d*\s*[:：]\s*(?:\d{1,2}\s*[、.．])?|\d{1,2}\s*[、.．])[^，。；：,;:]*"
                              r"(?:表|案|法|准|单|则|点|划|知|见|录|书|函|告|规定|制度|要求)\s*[；;。.]?$")
# 1.… / 附件：1.… (a digit after the stop only as a year: 2.2022年…, not the decimal 2.5万)
LIST_ITEM = re.compile(r"^\s*(?:附\s*件\s*[:：]\s*)?(\d{1,2})\s*[、.．](?:(?!\d)|(?=\d{4}\D))")


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


def wrap_width_of(lines: list[str]) -> int:
    """The width wrapped lines reach: the 90th percentile, unless many short lines (a table
    dumped one cell per line) pull it under the real wrap width. The wrap width is then the
    top of the densest cluster of long lines: the width W above the percentile with the most
    lines between FULL_LINE * W and W."""
    widths = sorted(display_width(l) for l in lines if l.strip())
    if not widths:
        return 0
    p90 = widths[int(0.9 * (len(widths) - 1))]
    best, best_n = p90, 0
    for w in sorted(set(x for x in widths if x >= p90)):
        n = sum(1 for x in widths if FULL_LINE * w <= x <= w)
        if n > best_n:
            best, best_n = w, n
    return best if FULL_LINE * best > p90 and best_n >= 3 else p90


def _indent(line: str) -> int:
    return display_width(line[:len(line) - len(line.lstrip())] + "x") - 1


def left_margin(lines: list[str]) -> int:
    """The indent most lines start at (0, or a -layout dump's page margin)."""
    counts: dict[int, int] = {}
    for l in lines:
        if l.strip():
            counts[_indent(l)] = counts.get(_indent(l), 0) + 1
    return max(counts, key=lambda k: (counts[k], -k)) if counts else 0


def ends_paragraph(line: str, margin: int = 0) -> bool:
    """A line that is a paragraph of its own however wide: a heading, an entry of the 附件
    list ending like a title (…分解表), a date, a line set well off the left margin (a
    right-aligned 落款, a centred title line)."""
    text = line.strip()
    heading = bool(HEADING_LINE.match(text)) and len(text) <= HEADING_MAX and not re.search(r"[，。；：,;:]", text)
    return heading or bool(ATTACHMENT_ENTRY.match(text)) or starts_paragraph(line, margin)


def starts_paragraph(line: str, margin: int = 0) -> bool:
    """A line no wrapped line runs on into: a date, a line set well off the left margin."""
    return bool(DATE_LINE.match(line.strip())) or _indent(line) - margin >= 8


def continues_list(first: str, line: str) -> bool:
    """`line` is item n+1 of the list whose item n opens the paragraph (附件：1.… then 2.…)."""
    a, b = LIST_ITEM.match(first), LIST_ITEM.match(line)
    return bool(a and b) and int(b.group(1)) == int(a.group(1)) + 1


def lines_to_paragraphs(lines: list[tuple[int, int, str]], full: int | None = None) -> list[list[tuple[int, int, str]]]:
    if full is None:
        full = wrap_width_of([l for _, _, l in lines])
    margin = left_margin([l for _, _, l in lines])
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
        if current and (continues_list(current[0][2], line) or starts_paragraph(line, margin)):
            paragraphs.append(current)
            current = []
        current.append(item)
        stripped = line.rstrip()
        wrapped = (full and display_width(line) >= FULL_LINE * full and not stripped.endswith(SENTENCE_END)
                   and not ends_paragraph(line, margin))
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
    wrap = wrap_width_of([l for _, _, l in lines])
    blocks: list[Block] = []
    pos = 0
    for table in find_tables(lines, full) + [None]:
        stop = table.start if table is not None else len(lines)
        for para in lines_to_paragraphs(lines[pos:stop], wrap):
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
