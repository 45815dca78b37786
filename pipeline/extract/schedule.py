"""Dated steps of a 工作安排."""
from __future__ import annotations

from typing import Optional

from pipeline.model import RawDocument, ScheduleItem


def extract_schedule(doc: RawDocument, sections: dict[int, list[str]], year: Optional[int]) -> list[ScheduleItem]:
    return []
