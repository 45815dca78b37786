"""The heading hierarchy 一、 / （一） / 1. / （1） and each block's section path."""
from __future__ import annotations

from pipeline.model import OutlineNode, RawDocument


def extract_outline(doc: RawDocument) -> list[OutlineNode]:
    return []


def section_paths(outline: list[OutlineNode], doc: RawDocument) -> dict[int, list[str]]:
    """Block id -> the titles of the sections it stands under, outermost first."""
    return {}
