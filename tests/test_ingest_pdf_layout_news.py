"""Newspaper page: columns, articles with their headlines, captions out of the sentences."""
from pathlib import Path

import pytest

from pipeline.ingest import pdf

NEWS = Path(__file__).parent / "data" / "pdf" / "pds-union-news-2023-03.pdf"


@pytest.fixture(scope="module")
def blocks():
    return pdf.read(NEWS).blocks


def test_articles_and_headlines(blocks):
    headlines = [b.text for b in blocks if b.kind == "heading" and b.level == 1 and len(b.text) > 6]
    assert "市总工会确定全年工作“路线图”" in headlines
    assert "我市新业态领域已建立工会组织372个" in headlines
    assert len({b.article for b in blocks if b.article is not None}) == 7


def test_furniture_removed(blocks):
    assert not any(b.text.strip() in ("工会新闻", "第1版", "第2版") for b in blocks)


def test_caption_and_credit_taken_out_of_the_sentence(blocks):
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["3月22日，市总工会十届六次全委会议召开。"] == "caption"
    assert kinds["市总工会供图"] == "credit"
    body = [b.text.replace("\n", "") for b in blocks if b.kind == "paragraph"]
    assert any("探索新产业新业态开展竞赛的新形式" in t for t in body)
    assert not any("供图" in t or "全委会议召开。竞赛" in t for t in body)


def test_columns_read_in_order(blocks):
    body = "".join(b.text.replace("\n", "") for b in blocks if b.kind == "paragraph")
    assert "市总工会十届六次全委会议召开，学习贯彻党的二十大精神" in body
