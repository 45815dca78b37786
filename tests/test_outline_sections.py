"""Outline: heading levels by nesting, restarts under a heading, section paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.outline import extract_outline, section_paths
from tests.extract_helpers import make_doc

from .conftest import RAW

DATA = Path(__file__).parent / "data"


def test_levels_and_paths():
    doc = make_doc("一、目标任务", "正文。", "（一）工作安排", "1.安排部署。4月份，下发通知。", "2.组织实施。正文。",
                   "二、有关要求", "正文。")
    outline = extract_outline(doc)
    assert [(n.level, n.marker, n.title) for n in outline] == [
        (1, "一、", "目标任务"), (2, "（一）", "工作安排"), (3, "1.", "安排部署"), (3, "2.", "组织实施"),
        (1, "二、", "有关要求")]
    paths = section_paths(outline, doc)
    assert paths[3] == ["目标任务", "工作安排", "安排部署"] and paths[6] == ["有关要求"]


def test_numbering_restart_under_a_heading_nests():
    doc = make_doc("二、乡村振兴行动专案", "一、目标任务", "正文。", "二、工作安排", "三、有关要求", "三、产改行动专案",
                   "（一）主要措施")
    levels = [(n.level, n.title) for n in extract_outline(doc)]
    assert levels == [(1, "乡村振兴行动专案"), (2, "目标任务"), (2, "工作安排"), (2, "有关要求"),
                      (1, "产改行动专案"), (2, "主要措施")]


@pytest.mark.parametrize("path", [RAW / "acftu-2022-work-points.html", DATA / "pdf/acftu-2022-work-points.pdf"])
def test_acftu_work_points_have_7_sections_and_30_items(processed, path):
    outline = processed(path).outline
    assert sum(n.level == 1 for n in outline) == 7
    items = [n for n in outline if n.level == 2]
    assert len(items) == 30 and [n.marker for n in items] == [f"{i}." for i in range(1, 31)]
