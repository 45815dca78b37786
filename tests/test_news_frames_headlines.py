"""Newspaper pages: photo frames drawn as closed paths, captions joined back into one, the lead
story's headline as the page's title, and plan sentences kept in an article reporting a result.

The page is drawn with PyMuPDF's embedded CJK font; the photo frame is a filled m-l-l-l-h path
(pdfplumber reads it as a curve, not a rect), the way some layout programs draw image frames.
"""
from __future__ import annotations

import pytest

from pipeline.extract.goals import extract_goals
from pipeline.extract.metadata import news_headlines, title_from_news
from pipeline.ingest import pdf
from pipeline.model import Block, Provenance, RawDocument, SourceInfo

fitz = pytest.importorskip("pymupdf")

LEFT, SIZE, PER_LINE = 60.0, 10.0, 30
BODY = ("本报讯（通讯员张蕾）“三八”国际妇女节期间，全市各级工会组织开展了形式多样的庆祝活动，"
        "共有一千二百余名女职工参加。据了解，市总工会还将于五月份开展女职工筛查活动，"
        "为全市困难女职工提供免费筛查服务，让关怀送到职工心坎上。")


def _page(path, frame_as_path: bool = True, boxed_text: bool = False) -> None:
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="body", fontbuffer=fitz.Font("cjk").buffer)
    y = 100.0

    def put(x, text, size=SIZE):
        nonlocal y
        page.insert_text((x, y), text, fontname="body", fontsize=size)
        y += size * 1.5

    put(LEFT, "全市女职工欢度“三八”节", 20)
    y += 10
    lines = [BODY[i:i + PER_LINE] for i in range(0, len(BODY), PER_LINE)]
    for line in lines[:3]:
        put(LEFT, line)
    # the photo: a filled frame drawn as a closed path, its caption in 8pt under it
    top, bottom, x1 = y, y + 120, LEFT + PER_LINE * SIZE
    shape = page.new_shape()
    pts = [(LEFT, bottom), (x1, bottom), (x1, top), (LEFT, top)]
    if frame_as_path:
        shape.draw_polyline(pts + [pts[0]])
    else:
        shape.draw_rect(fitz.Rect(LEFT, top, x1, bottom))
    shape.finish(color=(0, 0, 0), fill=(0.8, 0.8, 0.8), closePath=True)
    shape.commit()
    y = bottom + 12
    put(LEFT, "3月8日，女职工在插花活动中展示作品，大家", 8)
    page.insert_text((LEFT, y), "纷纷点赞。（李娜", fontname="body", fontsize=8)
    page.insert_text((LEFT + 8 * 8 + 6, y), "摄）", fontname="body", fontsize=8)
    y += 16
    for line in lines[3:]:
        put(LEFT, line)
    if boxed_text:  # a ruled box around three body lines: a sidebar, not a photo
        y += 20
        box_top = y - 14
        for line in ("链接：女职工劳动保护特别规定明确，用人单位应当", "遵守女职工禁忌从事的劳动范围的规定，并将本单位",
                     "属于女职工禁忌从事的劳动范围书面告知女职工。"):
            put(LEFT + 10, line)
        shape = page.new_shape()
        pts = [(LEFT, y), (x1, y), (x1, box_top), (LEFT, box_top)]
        shape.draw_polyline(pts + [pts[0]])
        shape.finish(color=(0, 0, 0), closePath=True)
        shape.commit()
    doc.save(str(path))


def test_path_drawn_frame_takes_its_caption_out_of_the_text(tmp_path):
    _page(tmp_path / "news.pdf")
    blocks = pdf.read(tmp_path / "news.pdf").blocks
    captions = [b.text for b in blocks if b.kind in ("caption", "credit")]
    assert captions == ["3月8日，女职工在插花活动中展示作品，大家纷纷点赞。（李娜摄）"]
    body = "".join(b.text.replace("\n", "") for b in blocks if b.kind == "paragraph")
    assert "李娜" not in body and "插花" not in body
    assert "共有一千二百余名女职工参加。据了解" in body


def test_rect_frame_caption_joined_too(tmp_path):
    _page(tmp_path / "news.pdf", frame_as_path=False)
    blocks = pdf.read(tmp_path / "news.pdf").blocks
    assert [b.kind for b in blocks if "李娜" in b.text] == ["caption"]
    assert sum("李娜" in b.text for b in blocks) == 1


def test_a_path_box_around_body_text_is_not_a_photo(tmp_path):
    _page(tmp_path / "news.pdf", boxed_text=True)
    blocks = pdf.read(tmp_path / "news.pdf").blocks
    sidebar = [b for b in blocks if "禁忌从事" in b.text]
    assert sidebar and all(b.kind == "paragraph" for b in sidebar)


# ---------------------------------------------------------------- headlines and the title

def _b(i, kind, text, pt, bbox, page=1, article=None, level=None):
    return Block(id=i, kind=kind, text=text, norm=text, norm_map=list(range(len(text))), style=f"{pt:g}pt",
                 level=level, article=article, prov=Provenance(page=page, bbox=bbox))


def test_lead_story_is_the_largest_headline_and_a_byline_opens_a_story():
    prose = [
        _b(0, "heading", "市总工会举办职工篮球赛", 15, (43, 254, 208, 269), level=1),
        _b(1, "paragraph", "本报讯（通讯员刘畅）5月6日至7日，市总工会举办职工篮球赛。", 9.6, (34, 282, 217, 335)),
        _b(2, "heading", "助力企业发展 护航职工权益", 15, (426, 75, 613, 90), level=1),
        _b(3, "heading", "我市推进工资集体协商“春季要约”行动", 24, (314, 106, 725, 130), level=1),
        _b(4, "heading", "——今年建会企业建制率将稳定在90%以上", 13, (399, 132, 640, 145), level=1),
        _b(5, "paragraph", "□本报记者 马丽 通讯员 张翔", 9.6, (231, 156, 365, 166)),
        _b(6, "paragraph", "5月8日，记者从市总工会获悉，我市行动全面启动。", 9.6, (231, 171, 423, 224)),
        _b(7, "heading", "公益广告", 11, (399, 722, 443, 733), level=3),
        _b(8, "heading", "劳动创造幸福 奋斗成就梦想", 32, (213, 867, 629, 899), level=1),
    ]
    assert news_headlines(prose) == ["市总工会举办职工篮球赛", "我市推进工资集体协商“春季要约”行动"]
    assert title_from_news(prose) == "我市推进工资集体协商“春季要约”行动"


def test_byline_before_benbaoxun_is_one_story_and_never_a_headline():
    prose = [
        _b(0, "heading", "全市职工技能提升三年行动方案出台", 30, (181, 81, 661, 111), level=1),
        _b(1, "paragraph", "□本报记者 陈静 通讯员 郭红伟", 12, (34, 138, 214, 150)),
        _b(2, "paragraph", "本报讯 3月14日，记者从市总工会获悉。", 12, (34, 155, 214, 200)),
        _b(3, "heading", "市总工会开展“工会法宣传月”活动", 24, (239, 539, 603, 563), level=1),
        _b(4, "caption", "3月14日，律师为职工解答法律咨询。", 8, (239, 570, 603, 578)),
        _b(5, "paragraph", "本报讯（记者刘洋）3月14日，市总工会启动宣传月。", 12, (34, 577, 283, 643)),
    ]
    assert news_headlines(prose) == ["全市职工技能提升三年行动方案出台", "市总工会开展“工会法宣传月”活动"]
    assert title_from_news(prose) == "全市职工技能提升三年行动方案出台"


# ---------------------------------------------------------------- a report article's plans

def test_report_article_keeps_the_targets_of_its_plan_sentences():
    blocks = [
        _b(0, "heading", "我市12名职工获评省技术能手", 15, (632, 73, 800, 106), article=0, level=1),
        _b(1, "paragraph", "本报讯（通讯员赵磊）日前，省人社厅公布2022年度河南省技术能手名单，我市共有12名职工获评。"
                           "市总工会将力争每年推荐不少于10名优秀职工参加省级评选。", 9.6, (623, 121, 808, 174), article=0),
    ]
    doc = RawDocument(source=SourceInfo(name="hand.pdf", sha256="0" * 64, format="pdf", bytes=0),
                      blocks=blocks, script="simplified")
    goals = extract_goals(doc, {}, 2023)
    assert [(g.value, g.unit) for g in goals] == [(10, "名")]
