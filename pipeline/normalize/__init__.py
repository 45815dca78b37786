"""Normalize: fill every block's normalised text (simplified, clean) and keep the raw text."""
from __future__ import annotations

from pipeline.model import RawDocument


def normalize(raw: RawDocument) -> RawDocument:
    for b in raw.blocks:
        b.norm = b.text
        b.norm_map = list(range(len(b.text)))
    return raw
