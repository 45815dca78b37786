"""Document metadata after GB/T 9704-2012: title, 发文字号, issuer, date, 主送机关, 附件."""
from __future__ import annotations

from pipeline.model import DocMeta, Finding, RawDocument


def extract_metadata(doc: RawDocument) -> tuple[DocMeta, list[Finding]]:
    return DocMeta(script=doc.script), []
