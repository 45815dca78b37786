"""Plain-text reader: any common Chinese encoding, one block per non-empty line."""
from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.ingest.source import source_info
from pipeline.model import Block, Provenance, RawDocument


def read(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    best = from_bytes(data).best()
    text = str(best) if best else data.decode("utf-8", errors="replace")
    blocks = [Block(id=i, kind="paragraph", text=line, prov=Provenance(line=n))
              for i, (n, line) in enumerate((n, l) for n, l in enumerate(text.splitlines(), 1) if l.strip())]
    return RawDocument(source=source_info(path, "txt", encoding=best.encoding if best else None), blocks=blocks)
