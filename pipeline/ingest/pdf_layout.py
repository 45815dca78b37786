"""Text blocks of a PDF page outside its tables, in reading order."""
from __future__ import annotations

from pipeline.model import BBox, Block, Finding, Provenance


def page_blocks(page, page_no: int, exclude: list[BBox]) -> tuple[list[Block], list[Finding]]:
    blocks = [Block(id=-1, kind="paragraph", text=line["text"],
                    prov=Provenance(page=page_no, bbox=(line["x0"], line["top"], line["x1"], line["bottom"])))
              for line in page.extract_text_lines()]
    return blocks, []


def reading_order(blocks: list[Block]) -> list[Block]:
    return sorted(blocks, key=lambda b: (b.prov.bbox[1] if b.prov.bbox else 0, b.prov.bbox[0] if b.prov.bbox else 0))
