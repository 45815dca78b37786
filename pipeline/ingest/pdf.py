"""PDF reader: per page, table grids and text blocks in reading order; OCR where a page has no text.

pdf_tables finds the tables; pdf_layout reads the text around them (columns, page furniture,
captions, articles); ocr reads pages that are images. This module only puts them in order.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import ocr, pdf_layout, pdf_tables
from pipeline.ingest.pdf_open import open_pdf, page_tree_findings
from pipeline.ingest.source import source_info
from pipeline.model import Block, Finding, Provenance, RawDocument


def read(path: Path) -> RawDocument:
    blocks: list[Block] = []
    findings: list[Finding] = []
    ocr_pages: list[int] = []
    articles = 0  # newspaper articles numbered so far
    with open_pdf(path) as pdf:
        findings += page_tree_findings(pdf)
        for page_no, page in enumerate(pdf.pages, start=1):
            if ocr.needs_ocr(page):
                page_blocks, page_findings = ocr.read_page(page, page_no)
                ocr_pages.append(page_no)
            else:
                grids = pdf_tables.find_grids(page, page_no)
                page_blocks, page_findings = pdf_layout.page_blocks(page, page_no, [bbox for _, bbox in grids])
                page_blocks += [Block(id=-1, kind="table", text=g.plain_text(), grid=g,
                                      prov=Provenance(page=page_no, bbox=bbox)) for g, bbox in grids]
                page_blocks = pdf_layout.reading_order(page_blocks)
            articles = _number_articles(page_blocks, articles)
            blocks += page_blocks
            findings += page_findings
        info = source_info(path, "pdf", pages=len(pdf.pages), ocr_pages=ocr_pages)
    for i, b in enumerate(blocks):
        b.id = i
    return RawDocument(source=info, blocks=blocks, findings=findings)


def _number_articles(page_blocks: list[Block], so_far: int) -> int:
    """Page-local article numbers (-1: continued from the previous page) into document numbers."""
    local = [b.article for b in page_blocks if b.article is not None]
    if not local:
        return so_far
    for b in page_blocks:
        if b.article is not None:
            b.article = max(so_far + b.article, 0)
    return so_far + max(local) + 1


