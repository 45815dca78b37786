"""Quantitative targets in the prose."""
from __future__ import annotations

from typing import Optional

from pipeline.model import Goal, RawDocument


def extract_goals(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[Goal]:
    return []
