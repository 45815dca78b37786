"""Table checks on hand-built notices: sums, non-numeric cells, duplicates, text against totals."""
from __future__ import annotations

from pipeline.extract.tables import extract_tables
from pipeline.model import (Block, Column, DocMeta, Goal, GridCell, Notice, Provenance, RawDocument, Row,
                            SourceInfo, Table, TableGrid, Total)
from pipeline.validate.tables import check_tables

SOURCE = SourceInfo(name="hand.docx", sha256="0" * 64, format="docx", bytes=0)


def notice(table, goals=()):
    return Notice(pipeline_version="test", source=SOURCE, doc=DocMeta(), tables=[table], goals=list(goals))


def table(rows, total, unit="名", name="各级工匠选树"):
    return Table(id=0, columns=[Column(name=name, unit=unit)],
                 rows=[Row(raw_name=n, name=n, values=[v], cells=[c]) for n, v, c in rows],
                 total=Total(label="合计", values=[total], cells=[str(total)]))


def codes(findings):
    return [f.code for f in findings]


def test_sum_ok_and_mismatch():
    ok = check_tables(notice(table([("甲", 1, "1"), ("乙", 0.5, "0.5")], 1.5, unit="万人")))
    assert codes(ok) == ["table-sum-ok"]
    bad = check_tables(notice(table([("甲", 10, "10"), ("乙", 5, "5")], 20)))
    (f,) = [f for f in bad if f.code == "table-sum-mismatch"]
    assert f.severity == "error" and (f.data["stated"], f.data["computed"]) == (20, 15)
    assert f.stage == "validate"


def test_non_numeric_and_duplicate_rows():
    found = check_tables(notice(table([("甲", None, "十"), ("乙", 5, "5"), ("乙", 5, "5"), ("丙", None, "—")], 10)))
    non_numeric = [f for f in found if f.code == "table-non-numeric-cell"]
    assert [(f.data["text"], f.severity) for f in non_numeric] == [("十", "warning"), ("—", "info")]
    (dup,) = [f for f in found if f.code == "table-duplicate-row"]
    assert dup.data["same_values"]


def goal(text, value, unit, metric=None):
    return Goal(text=text, value=value, unit=unit, comparator=">=", metric=metric)


def test_text_target_against_total():
    t = table([("甲", 100, "100"), ("乙", 45, "45")], 145)
    agree = check_tables(notice(t, [goal("推动全市各级工会选树各类工匠人才145名以上", 145, "名")]))
    assert "table-text-total-agree" in codes(agree)
    disagree = check_tables(notice(t, [goal("推动全市各级工会选树各类工匠人才150名以上", 150, "名")]))
    (f,) = [f for f in disagree if f.code == "table-text-total-disagree"]
    assert (f.data["table_total"], f.data["text_value"]) == (145, 150)
    # an unrelated goal in the same unit is not compared
    other = check_tables(notice(t, [goal("组织职工参加健步走活动3000名", 3000, "名")]))
    assert not {"table-text-total-agree", "table-text-total-disagree"} & set(codes(other))


def test_scaled_unit_compares_in_base_unit():
    t = table([("甲", 50, "50"), ("乙", 20, "20")], 70, unit="万人", name="竞赛参赛职工人数")
    found = check_tables(notice(t, [goal("竞赛参赛职工人数达到70万人", 700000, "人")]))
    assert "table-text-total-agree" in codes(found)


def test_ocr_grid_confidences_reach_rows():
    def cell(r, c, text, conf):
        return GridCell(text=text, origin=(r, c), confidence=conf)
    grid = TableGrid(ocr=True, pages=[1], rows=[
        [cell(0, 0, "单位", 90), cell(0, 1, "项目数（个）", 88)],
        [cell(1, 0, "甲区", 91), cell(1, 1, "4", 97.5)],
        [cell(2, 0, "乙区", 93), cell(2, 1, "6", 42.0)],
        [cell(3, 0, "合计", 95), cell(3, 1, "10", 96.0)]])
    doc = RawDocument(source=SOURCE.model_copy(update={"format": "pdf"}), blocks=[
        Block(id=0, kind="table", text="", grid=grid, prov=Provenance(page=1))])
    (t,), _ = extract_tables(doc, {})
    assert t.ocr and t.columns[0].unit == "个"
    assert [r.ocr_confidence for r in t.rows] == [[97.5], [42.0]]
    assert t.total.values == [10]


def test_per_unit_amounts_are_not_compared_with_totals():
    t = table([("张家港市", 15, "15"), ("常熟市", 15, "15"), ("昆山市", 20, "20")], 50, unit="万元", name="资助经费")
    for text in ("每家给予资助经费五万元。", "人均资助经费五万元", "平均每个工作室资助经费5万元"):
        found = check_tables(notice(t, [goal(text, 50000, "元")]))
        assert not {"table-text-total-agree", "table-text-total-disagree"} & set(codes(found)), text
    # a period (每年) is not a unit: the yearly total is still compared
    found = check_tables(notice(t, [goal("每年安排资助经费50万元", 500000, "元")]))
    assert "table-text-total-agree" in codes(found)


def test_a_rate_column_is_not_summed_its_total_lies_between_the_rows():
    rows = [("甲", 92.5, "92.5"), ("乙", 88, "88"), ("丙", 95, "95")]
    ok = check_tables(notice(table(rows, 90, unit="%", name="技能晋级率")))
    assert codes(ok) == ["table-rate-in-range"]  # 275.5 is never compared with 90
    bad = check_tables(notice(table(rows, 97, unit=None, name="入会率")))
    (f,) = bad
    assert (f.code, f.severity, f.data["min"], f.data["max"]) == ("table-rate-out-of-range", "error", 88, 95)
