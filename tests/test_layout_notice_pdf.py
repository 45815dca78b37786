"""A GB/T 9704 notice as a PDF: 版头 over the 发文字号, a right-aligned 落款 whose issuer is
shorter than its date, a two-entry 附件 list, and the same notice set in 黑体 throughout.

The PDFs are drawn with PyMuPDF's CJK fonts (the embedded Droid Sans Fallback as 仿宋-like
body, the built-in `Heiti` for 黑体), every line placed as Word would place it: body 16pt on a 28-character measure, first lines indented
two characters, 落款 flush right two characters in from the margin.
"""
from __future__ import annotations

import pytest

from pipeline.ingest import pdf

fitz = pytest.importorskip("pymupdf")

LEFT, SIZE, PER_LINE = 80.0, 16.0, 28
RIGHT = LEFT + SIZE * PER_LINE
BODY = ("为深入学习贯彻党的二十大精神，团结动员全省广大职工在推动高质量发展中建功立业，"
        "省总工会决定在全省开展职工劳动和技能竞赛。现将有关事项通知如下。")
ATTACHMENTS = ("全省职工劳动和技能竞赛重点项目任务分解表", "全省职工技能竞赛项目表")
GOALS = ("全省各级工会组织开展劳动和技能竞赛覆盖职工不少于一百五十万人，参赛企业达到一万二千家以上，"
         "选树技术能手二百名，推广先进操作法一百项以上。")


def _wrap(text: str, indent: int) -> list[tuple[float, str]]:
    out, first = [], True
    while text:
        n = PER_LINE - (indent if first else 0)
        out.append((LEFT + (indent * SIZE if first else 0), text[:n]))
        text, first = text[n:], False
    return out


def _notice(path, body_font: str, head_font: str) -> None:
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="body", fontbuffer=fitz.Font("cjk").buffer)
    y = 110.0

    def put(x, text, size=SIZE, font=body_font, gap=1.2):
        nonlocal y
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        y += size * gap

    def centred(text, size, font):
        put((595 - size * len(text)) / 2, text, size, font, gap=1.8)

    def right(text):
        put(RIGHT - 2 * SIZE - SIZE * len(text), text)

    centred("山西省总工会文件", 28, body_font)
    y += 20
    centred("晋工发〔2023〕12号", SIZE, body_font)  # digits are drawn as wide as 汉字 here
    y += 10
    centred("山西省总工会关于开展全省职工劳动和技能竞赛的通知", 20, head_font)
    put(LEFT, "各市总工会，各产业工会，省直机关工会：")
    for x, line in _wrap(BODY, 2):
        put(x, line)
    put(LEFT + 2 * SIZE, "一、目标任务", font=head_font)
    for x, line in _wrap(GOALS, 2):
        put(x, line)
    y += 1.2 * SIZE  # an empty paragraph
    put(LEFT + 2 * SIZE, "附件：1." + ATTACHMENTS[0])  # as wide as a full line: it does not end short
    put(LEFT + 2 * SIZE, "2." + ATTACHMENTS[1])
    y += 2.4 * SIZE  # two empty paragraphs
    right("山西省总工会")
    right("二〇二三年三月五日")
    doc.subset_fonts()
    doc.save(str(path))


@pytest.fixture(scope="module", params=[("body", "china-s"), ("china-s", "china-s")], ids=["song-body", "hei-body"])
def notice(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / f"notice-{request.param[0]}.pdf"
    _notice(path, *request.param)
    return path


def test_signature_lines_stay_apart_and_date_is_its_own_block(notice):
    texts = [b.text.replace("\n", "") for b in pdf.read(notice).blocks]
    assert texts[-2:] == ["山西省总工会", "二〇二三年三月五日"]


def test_attachment_list_entries_stay_apart(notice):
    texts = [b.text.replace("\n", "") for b in pdf.read(notice).blocks]
    assert "附件：1." + ATTACHMENTS[0] in texts and "2." + ATTACHMENTS[1] in texts


def test_body_font_set_in_hei_is_not_bold(notice):
    blocks = pdf.read(notice).blocks
    heads = [b.text.replace("\n", "") for b in blocks if b.kind == "heading"]
    # only the lines set larger than the body: 版头 and title (一、目标任务 is bold only where the body is not 黑体)
    assert {"山西省总工会文件", "山西省总工会关于开展全省职工劳动和技能竞赛的通知"} <= set(heads) <= {
        "山西省总工会文件", "山西省总工会关于开展全省职工劳动和技能竞赛的通知", "一、目标任务"}
    paragraphs = [b.text.replace("\n", "") for b in blocks if b.kind == "paragraph"]
    assert "各市总工会，各产业工会，省直机关工会：" in paragraphs
    assert BODY in paragraphs and GOALS in paragraphs


def test_notice_metadata(notice, processed):
    result = processed(notice)
    meta = result.doc
    assert meta.title == "山西省总工会关于开展全省职工劳动和技能竞赛的通知"  # not the 版头 山西省总工会文件
    assert (meta.doc_number, meta.issuer, meta.date) == ("晋工发〔2023〕12号", "山西省总工会", "2023-03-05")
    assert meta.recipients == ["各市总工会", "各产业工会", "省直机关工会"]
    assert [(a.number, a.title) for a in meta.attachments] == [("1", ATTACHMENTS[0]), ("2", ATTACHMENTS[1])]
    assert "attachment-unlisted" not in {f.code for f in result.findings}


def test_line_broken_early_to_keep_a_character_with_its_stop(tmp_path):
    """料。 cannot be split and 。 cannot begin a line, so 料 goes down with it: the line above
    ends two characters short of the widest line (its ， hangs in the margin), yet the
    paragraph goes on."""
    lines = [(LEFT + 2 * SIZE, "各级工会要加强组织领导，主动争取党委政府支持，会同有"),  # 26
             (LEFT, "关部门成立竞赛组委会，确保竞赛工作取得实效，加大宣传力度，"),  # 28 and a hanging ，
             (LEFT, "各市总工会在十二月十日前报送竞赛工作总结和典型的推荐材"),  # 27
             (LEFT, "料。"),
             (LEFT + 2 * SIZE, "各市要及时总结推广竞赛中涌现出的先进典型。")]
    assert [len(t) for _, t in lines][:3] == [26, 29, 27]
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="body", fontbuffer=fitz.Font("cjk").buffer)
    y = 120.0
    for x, text in lines:
        page.insert_text((x, y), text, fontname="body", fontsize=SIZE)
        y += 1.2 * SIZE
    doc.subset_fonts()
    doc.save(str(tmp_path / "early-break.pdf"))
    texts = [b.text.replace("\n", "") for b in pdf.read(tmp_path / "early-break.pdf").blocks]
    assert texts == ["".join(t for _, t in lines[:4]), lines[4][1]]
