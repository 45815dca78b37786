"""Text: encodings, CRLF, private-use characters kept, wrapped lines joined, form-feed pages."""
from pathlib import Path

from pipeline.ingest import txt

DATA = Path(__file__).parent / "data" / "txt"


def test_gb18030_crlf_with_private_use_char():
    doc = txt.read(DATA / "pds-2011-2015-competition-plan.txt")
    assert doc.source.encoding == "gb18030"
    assert doc.blocks[0].text == "平顶山市总工会2011-2015年"
    assert any("\ue004" in b.text for b in doc.blocks)
    assert all("\r" not in b.text for b in doc.blocks)


def test_pdftotext_dump_lines_joined_with_line_provenance():
    doc = txt.read(DATA / "zz-2021-action-plans.txt")
    assert doc.source.encoding == "utf-8"
    first = next(b for b in doc.blocks if b.text.startswith("各开发区"))
    assert first.prov.line == 9 and "会劳动和经济工作部" in first.text.replace("\n", "")


def test_encodings_and_form_feeds(tmp_path):
    text = "第一页第一行。\r\n\f第二页。\r\n"
    for enc in ("utf-8-sig", "utf-16", "gb18030", "big5hkscs"):
        p = tmp_path / f"t-{enc}.txt"
        p.write_bytes(text.encode(enc))
        doc = txt.read(p)
        assert [b.text for b in doc.blocks] == ["第一页第一行。", "第二页。"], enc
        assert [b.prov.page for b in doc.blocks] == [1, 2]
