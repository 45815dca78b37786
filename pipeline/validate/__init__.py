"""Validate: consistency checks over an extracted notice, recorded as findings."""
from __future__ import annotations

from pipeline.model import Notice


def validate(notice: Notice) -> Notice:
    return notice
