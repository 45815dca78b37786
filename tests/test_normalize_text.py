"""normalize: pinyin removal, t2s, spacing, unreadable runs; the norm -> raw map is guarded."""
import random

import pytest

from pipeline.model import Block, Provenance, RawDocument, SourceInfo
from pipeline.normalize import normalize, normalize_text


def _doc(*texts):
    blocks = [Block(id=i, kind="paragraph", text=t, prov=Provenance(line=i + 1)) for i, t in enumerate(texts)]
    return RawDocument(source=SourceInfo(name="t.txt", sha256="0", format="txt", bytes=0), blocks=blocks)


@pytest.mark.parametrize("raw, norm", [
    ("各省、自治區(qū)、直轄市總工會", "各省、自治区、直辖市总工会"),
    ("總工會十七屆五次執\n(zhí)委會部署", "总工会十七届五次执委会部署"),
    ("覆盖职工 70 万人，２０２１ 年", "覆盖职工70万人，2021年"),
    ("（一）目标任务 (a)", "（一）目标任务(a)"),
    ("０．５万人", "0.5万人"),
])
def test_normalize_text(raw, norm):
    assert normalize_text(raw)[0] == norm


def test_norm_map_points_back_to_the_same_raw_character():
    rng = random.Random(7)
    pool = list("區域經濟發展 70万人２０％(qū)執\n（一）abc?▍^\ue004「」頭髮")
    for _ in range(300):
        raw = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        norm, mapping, _ = normalize_text(raw)
        assert len(mapping) == len(norm)
        assert mapping == sorted(mapping) and all(0 <= i < len(raw) for i in mapping)


def test_raw_text_unchanged_and_unreadable_runs_reported():
    raw = "纳入?。▍^(qū)、市)党委\ue004"
    doc = normalize(_doc(raw))
    assert doc.blocks[0].text == raw
    codes = {f.code for f in doc.findings}
    assert {"garbled-text", "private-use-char", "pinyin-removed"} <= codes
    assert "\ue004" in doc.blocks[0].norm and "▍^" in doc.blocks[0].norm


def test_pinyin_annotation_at_the_start_of_the_next_block():
    doc = normalize(_doc("全國總工會十七屆五次執", "(zhí)委會部署"))
    assert doc.blocks[1].norm == "委会部署"


def test_script_detected():
    assert normalize(_doc("勞動經濟工作要點")).script == "traditional"
    assert normalize(_doc("劳动经济工作要点")).script == "simplified"


def test_private_use_is_one_finding_per_code_point_and_table_cells_are_checked():
    from pipeline.model import Block, GridCell, Provenance, RawDocument, SourceInfo, TableGrid

    grid = TableGrid(rows=[[GridCell(text="单位", origin=(0, 0)), GridCell(text="人数", origin=(0, 1))],
                           [GridCell(text="叶县", origin=(1, 0)), GridCell(text="1▍", origin=(1, 1))]])
    doc = RawDocument(source=SourceInfo(name="t.docx", sha256="0" * 64, format="docx", bytes=1), blocks=[
        Block(id=0, kind="paragraph", text="第一段\ue004", prov=Provenance(paragraph=0)),
        Block(id=1, kind="paragraph", text="第二段\ue004", prov=Provenance(paragraph=1)),
        Block(id=2, kind="table", text="", grid=grid, prov=Provenance(table=0))])
    findings = normalize(doc).findings
    private = [f for f in findings if f.code == "private-use-char"]
    assert len(private) == 1
    assert [(p["block"], p["span"]) for p in private[0].data["places"]] == [(0, (3, 4)), (1, (3, 4))]
    garbled = [f for f in findings if f.code == "garbled-text"]
    assert [(f.prov.block, f.prov.row, f.prov.col, f.data["text"]) for f in garbled] == [(2, 1, 1, "▍")]
    assert doc.blocks[0].text == "第一段\ue004"  # kept, never dropped
