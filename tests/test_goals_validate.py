"""Goal magnitudes: a share above the whole is reported unless it is a growth rate."""
from __future__ import annotations

from pipeline.model import DocMeta, Goal, Notice, SourceInfo
from pipeline.validate import validate

SOURCE = SourceInfo(name="x.txt", sha256="0" * 64, format="txt", bytes=1)


def goal(text, value, unit, growth=False):
    return Goal(text=text, value=value, unit=unit, comparator=">=", growth=growth, quantity=f"{value}{unit}")


def test_a_share_above_the_whole_is_reported():
    goals = [goal("完成全年任务的509%以上", 509, "%"), goal("入会率达到90%以上", 90, "%"),
             goal("职工创新成果增长150%", 150, "%", growth=True), goal("事故率控制在3‰以内", 3, "‰"),
             goal("覆盖率达到95%-120%", [95, 120], "%")]
    notice = validate(Notice(pipeline_version="test", source=SOURCE, doc=DocMeta(), goals=goals))
    flagged = [f.data["text"] for f in notice.findings if f.code == "goal-rate-beyond-whole"]
    assert flagged == ["完成全年任务的509%以上", "覆盖率达到95%-120%"]
