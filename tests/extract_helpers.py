"""Small documents built by hand for the extract tests (spaCy's habit: construct a Doc)."""
from __future__ import annotations

from pipeline.model import Block, Provenance, RawDocument, SourceInfo


def make_doc(*lines: str, fmt: str = "txt") -> RawDocument:
    blocks = [Block(id=i, kind="paragraph", text=t, norm=t, norm_map=list(range(len(t))),
                    prov=Provenance(line=i + 1)) for i, t in enumerate(lines)]
    return RawDocument(source=SourceInfo(name=f"hand.{fmt}", sha256="0" * 64, format=fmt, bytes=0),
                       blocks=blocks, script="simplified")
