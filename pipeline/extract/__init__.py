"""Extract: metadata, outline, tables, goals and schedule from normalised blocks."""
from __future__ import annotations

from pipeline import __version__
from pipeline.model import BlockOut, DocMeta, Notice, RawDocument


def extract(doc: RawDocument) -> Notice:
    return Notice(pipeline_version=__version__, source=doc.source, doc=DocMeta(script=doc.script),
                  findings=list(doc.findings),
                  blocks=[BlockOut(id=b.id, kind=b.kind, raw=b.text, text=b.ntext, prov=b.prov,
                                   article=b.article, confidence=b.confidence) for b in doc.blocks])
