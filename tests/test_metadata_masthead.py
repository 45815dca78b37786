"""版头 without 文件, adoption lines under the title, 落款 dates typed with ○, a text dump that
joins the title and 主送 lines, straight quotes from OCR (strings from real-shaped notices)."""
from __future__ import annotations

import pytest

from pipeline.extract.metadata import chinese_quotes, extract_metadata
from pipeline.model import Block, Provenance
from tests.extract_helpers import make_doc

CD_TITLE = "成都市总工会关于下达2024年“成都工匠杯”职工技能竞赛目标任务的通知"
HJ_TITLE = "关于开展2022年全国建设系统“安康杯”竞赛活动的通知"
TJ_TITLE = "关于印发《天津市总工会2022年职工技能提升行动任务分解表》的通知"


def test_org_name_masthead_above_the_doc_number_is_not_the_title():
    doc = make_doc("成都市总工会", "成工发〔2024〕6号", "成都市总工会关于下达2024年“成都工匠", "杯”职工技能竞赛目标任务的通知",
                   "各区（市）县总工会，各产业（系统）工会，市总工会直属基层工会：", "现将目标任务下达给你们。",
                   "成都市总工会", "2024年3月5日")
    meta, _ = extract_metadata(doc)
    assert meta.title == CD_TITLE
    assert (meta.doc_number, meta.issuer, meta.date) == ("成工发〔2024〕6号", "成都市总工会", "2024-03-05")


def test_office_masthead_as_pdf_headings_with_a_title_broken_in_two():
    doc = make_doc("中华全国总工会办公厅", "总工办发〔2024〕4号", "中华全国总工会办公厅关于做好2024年",
                   "新就业形态劳动者入会和服务工作的通知", "各省、自治区、直辖市总工会，各全国产业工会：", "现就有关工作通知如下。")
    for i in (0, 2, 3):
        doc.blocks[i].kind, doc.blocks[i].level = "heading", 1
    meta, _ = extract_metadata(doc)
    assert meta.title == "中华全国总工会办公厅关于做好2024年新就业形态劳动者入会和服务工作的通知"
    assert meta.issuer == "中华全国总工会办公厅"  # no 落款: the 版头 names the issuer


def test_letter_spaced_masthead_names_the_issuer_when_there_is_no_signature():
    doc = make_doc("天 津 市 总 工 会 办 公 室", "津工办〔2022〕17号", TJ_TITLE,
                   "各区总工会，各局（集团）、产业工会，市总工会直属基层工会：", "现印发给你们，请认真抓好落实。")
    meta, _ = extract_metadata(doc)
    assert (meta.title, meta.issuer) == (TJ_TITLE, "天津市总工会办公室")


def test_masthead_committee_and_a_signature_dated_with_white_circles():
    doc = make_doc("中国海员建设工会全国委员会", "海建工办〔2022〕14号", HJ_TITLE,
                   "各省、自治区、直辖市建设（建筑）工会，各有关中央企业工会：", "现将有关事项通知如下。",
                   "附件：2022年全国建设系统“安康杯”竞赛参赛任务分配表", "中国海员建设工会全国委员会办公室", "二○二二年四月二十二日")
    meta, _ = extract_metadata(doc)
    assert (meta.title, meta.issuer, meta.date) == (HJ_TITLE, "中国海员建设工会全国委员会办公室", "2022-04-22")


@pytest.mark.parametrize("zero", ["○", "◯", "Ｏ", "O", "0", "〇", "零"])
def test_signature_date_with_a_lookalike_zero(zero):
    doc = make_doc(HJ_TITLE, "各有关中央企业工会：", "现将有关事项通知如下。", "中国海员建设工会全国委员会办公室",
                   f"二{zero}二二年四月二十二日")
    meta, _ = extract_metadata(doc)
    assert (meta.issuer, meta.date) == ("中国海员建设工会全国委员会办公室", "2022-04-22")
    assert doc.blocks[-1].text == f"二{zero}二二年四月二十二日"  # the raw text is left as printed


def test_issuer_and_white_circle_date_on_one_line():
    doc = make_doc(HJ_TITLE, "各有关中央企业工会：", "现将有关事项通知如下。", "苏州市总工会二○二三年二月二十八日")
    meta, _ = extract_metadata(doc)
    assert (meta.issuer, meta.date) == ("苏州市总工会", "2023-02-28")


def test_org_line_above_a_title_that_repeats_it_is_a_masthead():
    doc = make_doc("成都市总工会", CD_TITLE, "各区（市）县总工会：", "现将目标任务下达给你们。")
    meta, _ = extract_metadata(doc)
    assert meta.title == CD_TITLE


def test_org_line_over_a_guanyu_line_without_doc_number_stays_one_title():
    """No 发文字号 to frame a 版头: a title printed as 发文机关 / 关于…的通知 is read whole."""
    doc = make_doc("平顶山市总工会", "关于开展2021年职工技术创新活动的通知", "各县（市、区）总工会：", "现将有关事项通知如下。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "平顶山市总工会关于开展2021年职工技术创新活动的通知"


def test_adoption_line_under_a_work_points_title_dates_it():
    doc = make_doc("广州市总工会2023年工作要点", "（2023年2月10日广州市总工会十六届五次全委（扩大）会议通过）",
                   "2023年是全面贯彻落实党的二十大精神的开局之年。", "一、坚持政治引领，加强职工思想政治工作")
    meta, _ = extract_metadata(doc)
    assert (meta.title, meta.issuer, meta.date) == ("广州市总工会2023年工作要点", "广州市总工会", "2023-02-10")


@pytest.mark.parametrize("line", ["（2022年12月28日中华全国总工会十七届四次执委会议审议通过）",
                                  "(2021年3月1日印发)", "（二○二一年三月一日市总工会党组会议通过）"])
def test_adoption_lines_are_no_part_of_the_title(line):
    doc = make_doc("某市总工会2022年工作要点", line, "2022年是党的二十大召开之年。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "某市总工会2022年工作要点" and meta.date is not None


def test_signature_date_wins_over_the_adoption_line():
    doc = make_doc("广州市总工会2023年工作要点", "（2023年2月10日广州市总工会十六届五次全委（扩大）会议通过）",
                   "全年新建“职工书屋”50家。", "广州市总工会", "2023年2月20日")
    meta, _ = extract_metadata(doc)
    assert meta.date == "2023-02-20"


def test_title_and_recipients_joined_by_normalising_a_text_dump():
    """A .txt reader may wrap the title line into the 主送 line; normalising then removes the
    break, but the raw text still has it."""
    raw = TJ_TITLE + "\n各区总工会，各局（集团）、产业工会，市总工会直属基层工会："
    doc = make_doc("天津市总工会办公室", "津工办〔2022〕17号", "x", "现印发给你们，请认真抓好落实。")
    norm = raw.replace("\n", "")
    doc.blocks[2] = Block(id=2, kind="paragraph", text=raw, norm=norm,
                          norm_map=[i for i, c in enumerate(raw) if c != "\n"], prov=Provenance(line=3))
    meta, _ = extract_metadata(doc)
    assert meta.title == TJ_TITLE
    assert meta.recipients == ["各区总工会", "各局（集团）", "产业工会", "市总工会直属基层工会"]


def test_straight_quotes_from_ocr_become_chinese_marks_in_the_title():
    doc = make_doc("成工发〔2024〕6号", '成都市总工会关于下达2024年"成都工匠杯"职工技能竞赛目标任务的通知',
                   "各区（市）县总工会：", "现将目标任务下达给你们。")
    meta, _ = extract_metadata(doc)
    assert meta.title == CD_TITLE
    assert doc.blocks[1].text.count('"') == 2


@pytest.mark.parametrize("text,out", [
    ('关于"A"和"B"的通知', "关于“A”和“B”的通知"),
    ('关于"安康杯的通知', '关于"安康杯的通知'),  # unpaired: left alone
    ('"Hello"', '"Hello"'),  # no Chinese
])
def test_chinese_quotes(text, out):
    assert chinese_quotes(text) == out


def test_a_revision_note_without_a_day_or_meeting_stays_in_the_title():
    doc = make_doc("某市总工会困难职工帮扶资金管理办法", "（2021年修订）", "第一条 为规范帮扶资金管理，制定本办法。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "某市总工会困难职工帮扶资金管理办法（2021年修订）"
