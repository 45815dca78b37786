"""Goal checks: magnitudes a target of that unit cannot have.

    check_goals(notice) -> findings

A share of a whole (入会率90%, 事故率3‰) lies within 0..100 % (0..1000 ‰). A larger one is
either a growth rate (增长150%), which may exceed it, or a misread: OCR takes % for 9
(50%以上 -> 509%), and a dump can glue two numbers. It is reported, never corrected.
"""
from __future__ import annotations

from pipeline.model import Finding, Goal, Notice

WHOLE = {"%": 100, "‰": 1000}


def check_goals(notice: Notice) -> list[Finding]:
    return [_implausible(g) for g in notice.goals if _beyond_whole(g)]


def _beyond_whole(goal: Goal) -> bool:
    if goal.unit not in WHOLE or goal.growth:
        return False
    values = goal.value if isinstance(goal.value, list) else [goal.value]
    return any(v > WHOLE[goal.unit] for v in values)


def _implausible(goal: Goal) -> Finding:
    return Finding(code="goal-rate-beyond-whole", severity="warning", stage="validate", prov=goal.prov,
                   message=f"{goal.quantity or goal.value}: a share above {WHOLE[goal.unit]}{goal.unit} "
                           f"in a goal that is not a growth rate ({goal.text[:40]})",
                   data={"value": goal.value, "unit": goal.unit, "text": goal.text})
