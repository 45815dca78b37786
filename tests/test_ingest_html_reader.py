"""HTML: main text without site chrome, equal to the truth's simplified text, in any charset."""
from pathlib import Path

import opencc
import pytest

from pipeline.ingest import html
from pipeline.normalize import normalize

from .conftest import RAW

DATA = Path(__file__).parent / "data" / "html"
PAGE = RAW / "acftu-2022-work-points.html"  # the sample notice itself; DATA holds its truth text


def _reencode(tmp_path, encoding, declare):
    text = PAGE.read_text("utf-8").replace('<meta charset="utf-8">', f'<meta charset="{declare}">')
    out = tmp_path / f"page-{encoding}.html"
    out.write_bytes(text.encode(encoding, errors="strict"))
    return out


def test_main_text_matches_truth_and_drops_chrome():
    doc = normalize(html.read(PAGE))
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].norm == "全国总工会劳动和经济工作部2022年工作要点"
    truth = [l for l in (DATA / "acftu-2022-work-points.simplified.txt").read_text("utf-8").split("\n") if l.strip()]
    assert [b.norm for b in doc.blocks[1:]] == truth
    text = "".join(b.text for b in doc.blocks)
    for chrome in ("發布時間", "當前位置", "版權所有", "相關閱讀", "首頁"):
        assert chrome not in text
    convert = opencc.OpenCC("t2s").convert
    assert all(convert(b.norm) == b.norm and "(qū)" not in b.norm for b in doc.blocks)


@pytest.mark.parametrize("encoding, declare", [("gb18030", "gbk"), ("gb18030", "gb2312"), ("big5hkscs", "big5"),
                                                ("gb18030", "utf-8")])
def test_charset_variants(tmp_path, encoding, declare):
    try:
        path = _reencode(tmp_path, encoding, declare)
    except UnicodeEncodeError:
        pytest.skip(f"page not representable in {encoding}")
    doc = html.read(path)
    assert doc.blocks[0].text == "全國總工會勞動和經(jīng)濟工作部2022年工作要點"


def test_table_spans_resolved(tmp_path):
    page = tmp_path / "t.html"
    page.write_text('<html><body><div class="content"><p>' + "正文" * 200 + '</p><table>'
                    '<tr><td rowspan="2">单位</td><td colspan="2">行动</td></tr>'
                    '<tr><td>个</td><td>人</td></tr><tr><td>甲</td><td>1</td><td>2</td></tr></table></div></body></html>',
                    encoding="utf-8")
    grid = next(b.grid for b in html.read(page).blocks if b.grid)
    assert grid.texts(False) == [["单位", "行动", "行动"], ["单位", "个", "人"], ["甲", "1", "2"]]
    assert grid.rows[1][0].origin == (0, 0) and grid.rows[0][2].origin == (0, 1)
