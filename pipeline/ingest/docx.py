"""Word .docx reader (python-docx): paragraphs and tables in body order."""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.docx_open import open_docx

from pipeline.ingest.source import source_info
from pipeline.model import Block, Provenance, RawDocument


def read(path: Path) -> RawDocument:
    document = open_docx(path)
    blocks = [Block(id=i, kind="paragraph", text=p.text, prov=Provenance(paragraph=i))
              for i, p in enumerate(document.paragraphs) if p.text.strip()]
    return RawDocument(source=source_info(path, "docx"), blocks=blocks)
