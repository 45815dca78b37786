"""The top of a GB/T 9704 notice read from blocks: 版头, 发文字号, printed title, 主送; the 落款.

The 发文字号, the title and the 主送 line carry no final punctuation, so a passage runs them
together up to the 主送's ：. The title must come from the blocks (a Word paragraph, a line
of a text dump), not from that passage.
"""
from __future__ import annotations

import pytest

from pipeline.extract.metadata import extract_metadata
from tests.extract_helpers import make_doc

docx = pytest.importorskip("docx")

TITLE = "山西省总工会关于开展2023年全省职工劳动和技能竞赛的通知"


def test_title_directly_above_the_recipients_line():
    doc = make_doc("晋工发〔2023〕12号", TITLE, "各市总工会，各产业工会，省直机关工会，各直属基层工会：",
                   "为深入学习贯彻党的二十大精神，现将有关事项通知如下。", "山西省总工会", "2023年3月5日")
    meta, _ = extract_metadata(doc)
    assert meta.title == TITLE
    assert meta.recipients == ["各市总工会", "各产业工会", "省直机关工会", "各直属基层工会"]
    assert (meta.doc_number, meta.issuer, meta.date) == ("晋工发〔2023〕12号", "山西省总工会", "2023-03-05")


def test_masthead_is_not_the_title_and_names_the_issuer():
    doc = make_doc("青岛市总工会文件", "青工发〔2022〕21号", "青岛市总工会关于下达2022年工会会员发展和普惠服务工作任务的通知",
                   "各区、市总工会，市各产业工会：", "为做好2022年工会会员发展工作，现将有关任务下达给你们。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "青岛市总工会关于下达2022年工会会员发展和普惠服务工作任务的通知"
    assert meta.recipients == ["各区", "市总工会", "市各产业工会"]
    assert meta.issuer == "青岛市总工会"  # no 落款: the 版头 names the issuer


def test_masthead_heading_skipped_in_a_pdf():
    doc = make_doc("山西省总工会文件", "晋工发〔2023〕12号", TITLE, "各市总工会：", "现将有关事项通知如下。")
    doc.blocks[0].kind, doc.blocks[0].level = "heading", 1
    doc.blocks[2].kind, doc.blocks[2].level = "heading", 2
    meta, _ = extract_metadata(doc)
    assert meta.title == TITLE


def test_title_wrapped_over_two_lines_above_the_recipients():
    doc = make_doc("成工办〔2023〕18号", "成都市总工会办公室关于做好2023年职工服务阵", "地建设工作的通知",
                   "各区（市）县总工会，市级各产业工会，市总直属基层工会：", "现就有关工作通知如下：")
    meta, _ = extract_metadata(doc)
    assert meta.title == "成都市总工会办公室关于做好2023年职工服务阵地建设工作的通知"
    assert meta.recipients == ["各区（市）县总工会", "市级各产业工会", "市总直属基层工会"]


def test_printed_wrapper_title_wins_over_the_document_it_forwards():
    """关于印发《X》的通知: the printed title is the notice's; 《X》 only stands in when no title
    is printed (test_cover_letter_names_the_title_and_chinese_date)."""
    doc = make_doc("粤工总〔2022〕35号", "广东省总工会关于印发《2022年全省工会组织建设工作要点》的通知",
                   "各地级以上市总工会，省各产业工会：", "现将《2022年全省工会组织建设工作要点》印发给你们，请认真贯彻落实。",
                   "广东省总工会", "2022年2月18日", "2022年全省工会组织建设工作要点")
    meta, _ = extract_metadata(doc)
    assert meta.title == "广东省总工会关于印发《2022年全省工会组织建设工作要点》的通知"


def test_issuer_and_date_printed_on_one_line():
    doc = make_doc(TITLE, "各市总工会：", "现将有关事项通知如下。", "附件：任务分解表", "苏州市总工会二〇二三年二月二十八日")
    meta, _ = extract_metadata(doc)
    assert (meta.issuer, meta.date) == ("苏州市总工会", "2023-02-28")


def test_word_notice_title_above_recipients(tmp_path, processed):
    d = docx.Document()
    for text in ("山西省总工会文件", "晋工发〔2023〕12号", TITLE, "各市总工会，各产业工会，省直机关工会，各直属基层工会：",
                 "为深入学习贯彻党的二十大精神，省总工会决定开展职工劳动和技能竞赛。现将有关事项通知如下。",
                 "一、目标任务", "全省参赛企业达到1.2万家以上，覆盖职工不少于150万人。",
                 "附件：2023年全省职工劳动和技能竞赛任务分解表", "山西省总工会", "2023年3月5日"):
        d.add_paragraph(text)
    path = tmp_path / "notice.docx"
    d.save(str(path))
    meta = processed(path).doc
    assert meta.title == TITLE
    assert meta.recipients == ["各市总工会", "各产业工会", "省直机关工会", "各直属基层工会"]
    assert (meta.doc_number, meta.issuer, meta.date) == ("晋工发〔2023〕12号", "山西省总工会", "2023-03-05")
