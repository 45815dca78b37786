"""Web page reader: the page's main text without site chrome."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from pipeline.ingest.source import source_info
from pipeline.model import Block, Provenance, RawDocument


def read(path: Path) -> RawDocument:
    soup = BeautifulSoup(Path(path).read_bytes(), "lxml")
    lines = [l for l in soup.get_text("\n").splitlines() if l.strip()]
    blocks = [Block(id=i, kind="paragraph", text=l, prov=Provenance(line=i + 1)) for i, l in enumerate(lines)]
    return RawDocument(source=source_info(path, "html"), blocks=blocks)
