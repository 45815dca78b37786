"""Validate: consistency checks over an extracted notice, recorded as findings.

    validate(notice: Notice) -> Notice   (the same notice, its findings extended)
"""
from __future__ import annotations

from pipeline.model import Notice
from pipeline.validate.goals import check_goals
from pipeline.validate.tables import check_tables


def validate(notice: Notice) -> Notice:
    notice.findings += check_tables(notice)
    notice.findings += check_goals(notice)
    return notice
