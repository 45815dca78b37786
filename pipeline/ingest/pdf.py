"""PDF reader: text blocks and table grids per page, with page and bbox provenance."""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.pdf_open import open_pdf, page_tree_findings
from pipeline.ingest.source import source_info
from pipeline.model import Block, Provenance, RawDocument


def read(path: Path) -> RawDocument:
    blocks: list[Block] = []
    with open_pdf(path) as pdf:
        findings = page_tree_findings(pdf)
        for page_no, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines():
                blocks.append(Block(id=len(blocks), kind="paragraph", text=line["text"],
                                    prov=Provenance(page=page_no, bbox=(line["x0"], line["top"], line["x1"], line["bottom"]))))
        info = source_info(path, "pdf", pages=len(pdf.pages))
    return RawDocument(source=info, blocks=blocks, findings=findings)
