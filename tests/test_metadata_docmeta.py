"""Metadata: title rules, 发文字号 repair, 落款 issuer and date, 主送, attachments."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.metadata import extract_metadata
from tests.extract_helpers import make_doc

from .conftest import RAW

DATA = Path(__file__).parent / "data"


def test_doc_number_with_broken_brackets_and_no_title():
    doc = make_doc("                郑工劳经„2021‟3 号 ", "各开发区、各区县（市）工会、市总直属基层工",
                   "会劳动和经济工作部： ", "为确保全市工会落到实处，现印发给你们，请认真贯彻落实。 ",
                   "郑州市总工会劳动和经济工作部 ", "2021 年 4月 9 日         ")
    meta, findings = extract_metadata(doc)
    assert meta.doc_number == "郑工劳经〔2021〕3号" and meta.title is None
    assert (meta.issuer, meta.date) == ("郑州市总工会劳动和经济工作部", "2021-04-09")
    assert meta.recipients == ["各开发区", "各区县（市）工会", "市总直属基层工会劳动和经济工作部"]
    assert [f.code for f in findings] == ["doc-number-repaired"] and findings[0].stage == "extract"


def test_cover_letter_names_the_title_and_chinese_date():
    doc = make_doc("各省总工会:", "现将《全国总工会某部2022年工作要点》印发给你们,请参照执行。",
                   "中华全国总工会某部", "二〇二二年二月二十五日", "全国总工会某部2022年工作要点")
    meta, _ = extract_metadata(doc)
    assert meta.title == "全国总工会某部2022年工作要点" and meta.date == "2022-02-25"


def test_title_over_two_lines_and_issuer_from_title():
    doc = make_doc("平顶山市总工会2011-2015年", "劳动竞赛规划", "（2011年10月10日）", "    “十二五”时期是关键时期。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "平顶山市总工会2011-2015年劳动竞赛规划"
    assert (meta.issuer, meta.date) == ("平顶山市总工会", "2011-10-10")


def test_newspaper_headline_is_the_line_above_the_lead():
    doc = make_doc("工会新闻 第1版", "重点实施“五大行动” 突出办好“十件实事”", "市总工会确定全年工作“路线图”",
                   "本报讯（记者王民峰）3月22日，市总工会全委会议召开。")
    meta, _ = extract_metadata(doc)
    assert meta.title == "市总工会确定全年工作“路线图”" and meta.issuer is None and meta.date is None


def test_attachments_matched_by_title_with_numbering_findings(processed):
    notice = processed(DATA / "docx" / "pds-2021-work-points.docx")
    atts = {a.title: a for a in notice.doc.attachments}
    assert all(a.block is not None for a in atts.values()) and len(atts) == 4
    codes = {f.code for f in notice.findings if f.stage == "extract"}
    assert {"attachment-number-duplicate", "attachment-number-mismatch"} <= codes


@pytest.mark.parametrize("path,title,issuer,date", [
    (RAW / "acftu-2022-work-points.html", "全国总工会劳动和经济工作部2022年工作要点", "中华全国总工会劳动和经济工作部", "2022-02-25"),
    (DATA / "txt/pds-2011-2015-competition-plan.txt", "平顶山市总工会2011-2015年劳动竞赛规划", "平顶山市总工会", "2011-10-10"),
    (DATA / "pdf/pds-union-news-2023-03.pdf", "市总工会确定全年工作“路线图”", None, None),
])
def test_sample_notices(processed, path, title, issuer, date):
    meta = processed(path).doc
    assert (meta.title, meta.issuer, meta.date) == (title, issuer, date)
