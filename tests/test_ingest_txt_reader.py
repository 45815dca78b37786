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


# ---------------------------------------------------------------- tables written cell after cell

SCORING = [  # the 评分标准 table of zz-2021-action-plans.txt (pdftotext without -layout), as its .docx has it
    ["项目", "内容", "得分"],
    ["组织领导（10分）", "主要领导高度重视,一把手亲自抓(3分);\n建立领导小组和工作专班,任务分工明确(3分);\n"
                        "承办部门工作到位、措施得力(2分);\n及时向市总报送进展情况(2分)。", ""],
    ["工作部署（10分）", "纳入全委会工作报告和年度重点任务(3分);\n召开专题会议部署(3分):\n下发专门文件进行安排(3分);\n"
                        "对下级工会进行指导督促(1分)。", ""],
    ["制度建设（10分）", "有健全的工作制度(2分)；\n有完善的督导制度 (2 分);\n有详细的考核制度 (2 分);\n有完整的工作台账(4分)。", ""],
    ["乡村振兴劳模出彩基地建设\n（20分）", "乡村振兴劳模出彩基地建设富有成效(3分)；\n培育本级工会的乡村振兴劳模出彩基地情况(2分);\n"
                                      "指导下级工会建立乡村振兴劳模出彩基地情况(2分);\n乡村振兴劳模出彩基地工作成效(13 分)。", ""],
    ["工作成效（40分）", "劳模等先进人物参与范围广(6分)；\n先进集体参与数量多(6 分)；\n县级以上工会资金投入情况(6分)；\n"
                        "带动社会资金情况(6分)；\n助力乡村振兴项目数量及实施情况(8分)；\n实际工作成效明显(8分)。", ""],
    ["组织宣传（10分）", "宣传形式多样、氛围浓厚(2分)；\n加大报刊及网络宣传力度(2分)；\n宣传效果明显(6分)。", ""],
    ["总分", "", ""],
]


def _tables(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def test_multi_line_cell_table_read_as_grid():
    doc = txt.read(DATA / "zz-2021-action-plans.txt")
    [table] = _tables(doc)
    assert [[c.text for c in row] for row in table.grid.rows] == SCORING
    assert [[c.origin for c in row] for row in table.grid.rows] == [[(r, c) for c in range(3)] for r in range(8)]
    assert table.prov.line == 386 and table.text == table.grid.plain_text()
    i = doc.blocks.index(table)
    before, after = doc.blocks[i - 1], doc.blocks[i + 1]
    assert before.text.strip() == "附件 2" and before.prov.line == 382
    assert after.text.strip() == "三、深化产业工人队伍建设改革行动专案" and after.prov.line == 448
    # the table's lines (386-447) are in no paragraph; the rest keep their lines
    assert not [b for b in doc.blocks if b.kind != "table" and 386 <= b.prov.line <= 447]
    assert [b.prov.line for b in doc.blocks[i - 3:i]] == [379, 381, 382]


def test_multi_line_cell_table_without_trailing_blanks(tmp_path):
    """A dump with trailing blanks trimmed loses the blank-cell lines: rows still split at their keys."""
    src = (DATA / "zz-2021-action-plans.txt").read_text(encoding="utf-8")
    trimmed = tmp_path / "zz-trimmed.txt"
    trimmed.write_text("\n".join(l.rstrip() for l in src.splitlines()), encoding="utf-8")
    [table] = _tables(txt.read(trimmed))
    assert [[c.text for c in row] for row in table.grid.rows] == SCORING


SYNTHETIC = """二、考核办法
各单位按下表开展自查，年底前将自查结果报送市总工会办公室备案，逾期不报的视为未开展。
附件
项目 要求 备注

安全生产

严格落实安全生产责任制；

开展隐患排查治理活动。
 
职工技能
培训
年内组织技能培训不少于两
次，覆盖全体一线职工。
 
民主管理
推进厂务公开。
 
合计
三、其他事项
各单位要高度重视，认真组织，按时报送自查结果，确保各项工作落到实处，不走过场。
"""


def test_synthetic_multi_line_cells_keys_and_wrapped_lines(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text(SYNTHETIC, encoding="utf-8")
    doc = txt.read(p)
    [table] = _tables(doc)
    assert [[c.text for c in row] for row in table.grid.rows] == [
        ["项目", "要求", "备注"],
        ["安全生产", "严格落实安全生产责任制；\n开展隐患排查治理活动。", ""],
        ["职工技能培训", "年内组织技能培训不少于两次，覆盖全体一线职工。", ""],  # wrapped lines joined
        ["民主管理", "推进厂务公开。", ""],
        ["合计", "", ""],
    ]
    assert table.prov.line == 4
    assert [(b.kind, b.prov.line) for b in doc.blocks] == [
        ("paragraph", 1), ("paragraph", 2), ("paragraph", 3), ("table", 4), ("paragraph", 21), ("paragraph", 22)]


def test_synthetic_numbered_rows_and_value_cells(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("序号 工作内容 完成时限\n1\n建立工作台账，\n明确责任人。\n6月底\n2\n开展专项检查。\n9月底\n"
                 "3\n总结评比表彰。\n12月底\n", encoding="utf-8")
    [table] = _tables(txt.read(p))
    assert [[c.text for c in row] for row in table.grid.rows] == [
        ["序号", "工作内容", "完成时限"],
        ["1", "建立工作台账，\n明确责任人。", "6月底"],
        ["2", "开展专项检查。", "9月底"],
        ["3", "总结评比表彰。", "12月底"],
    ]


def test_header_like_line_before_prose_is_no_table(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("甲方 乙方\n双方经协商一致，就职工劳动合同续签等有关事项达成如下协议，共同遵守执行。\n"
                 "一、合同期限三年。\n", encoding="utf-8")
    doc = txt.read(p)
    assert not _tables(doc) and [b.text for b in doc.blocks][0] == "甲方 乙方"


# ---------------------------------------------------------------- wrapped lines, headings and the 落款

CITIES = ["广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市", "梅州市", "惠州市", "汕尾市",
          "东莞市", "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市", "潮州市", "揭阳市"]
NOTICE = "\n".join([
    "粤工总〔2022〕35 号", "",
    "广东省总工会关于开展 2022 年全省工会组织建设工作",
    "的通知",
    "各地级以上市总工会，省各产业工会，省直属各基层工会：",
    "现将 2022 年全省工会组织建设工作任务下达给你们，请结合",
    "实际认真贯彻落实。",
    "附件：1.2022 年全省新建工会组织和发展会员任务分配表",
    "2.2022 年全省户外劳动者服务站点建设任务表",
    "广东省总工会",
    "2022 年 2 月 18 日", "",
    "一、扎实推进工会组织建设",
    "全年新建工会组织 8,000 家以上，新发展会员 50 万名，其",
    "中农民工会员不少于 20 万名。",
    "二、时间安排",
    "下半年，开展基层工会规范化建设“回头看”，年底前完成",
    "年度任务并报送总结。", "",
    "\f附件 1", "",
    "2022 年全省新建工会组织和发展会员任务分配表", "",
    "地区", "", *CITIES, "", "新建工会组织", *[str(10 * (i + 1)) for i in range(len(CITIES))], ""])


def test_wrap_width_of_a_dump_mostly_one_cell_lines(tmp_path):
    """The 20 one-cell lines pull the 90th percentile of widths to a city's name: headings then
    glue to the body and the issuer to the 附件 list. The wrap width is the long lines' own."""
    p = tmp_path / "notice.txt"
    p.write_text(NOTICE, encoding="utf-8")
    texts = [b.text.replace("\n", "") for b in txt.read(p).blocks if b.kind == "paragraph"]
    assert texts[:12] == [
        "粤工总〔2022〕35 号",
        "广东省总工会关于开展 2022 年全省工会组织建设工作的通知",
        "各地级以上市总工会，省各产业工会，省直属各基层工会：",
        "现将 2022 年全省工会组织建设工作任务下达给你们，请结合实际认真贯彻落实。",
        "附件：1.2022 年全省新建工会组织和发展会员任务分配表",  # full width, but 2. goes on with its list
        "2.2022 年全省户外劳动者服务站点建设任务表",
        "广东省总工会",
        "2022 年 2 月 18 日",
        "一、扎实推进工会组织建设",
        "全年新建工会组织 8,000 家以上，新发展会员 50 万名，其中农民工会员不少于 20 万名。",
        "二、时间安排",
        "下半年，开展基层工会规范化建设“回头看”，年底前完成年度任务并报送总结。",
    ]


def test_right_aligned_signature_and_date_lines_stand_alone(tmp_path):
    """A -layout style 落款: the issuer and the date set far right are as wide as a full line,
    but neither continues on the next line."""
    p = tmp_path / "sig.txt"
    p.write_text("\n".join([
        "  各区（市）县总工会要把服务阵地建设作为服务职工的重",
        "要抓手，统筹资源，规范管理，确保阵地建得好、管得住、用",
        "得活。", "",
        "  附件：2023 年职工服务阵地建设任务分解表", "", "",
        "                          成都市总工会办公室",
        "                            2023 年 4 月 12 日",
        "附件",
        "        2023 年职工服务阵地建设任务分解表"]), encoding="utf-8")
    texts = [b.text.strip() for b in txt.read(p).blocks]
    assert texts[-5:] == ["附件：2023 年职工服务阵地建设任务分解表", "成都市总工会办公室", "2023 年 4 月 12 日", "附件",
                          "2023 年职工服务阵地建设任务分解表"]


def test_notice_dump_metadata(tmp_path, processed):
    p = tmp_path / "notice.txt"
    p.write_text(NOTICE, encoding="utf-8")
    result = processed(p)
    meta = result.doc
    assert meta.title == "广东省总工会关于开展2022年全省工会组织建设工作的通知"
    assert (meta.doc_number, meta.issuer, meta.date) == ("粤工总〔2022〕35号", "广东省总工会", "2022-02-18")
    assert [(a.number, a.title) for a in meta.attachments][:2] == [
        ("1", "2022年全省新建工会组织和发展会员任务分配表"), ("2", "2022年全省户外劳动者服务站点建设任务表")]


def test_attachment_entry_and_signature_after_a_full_line(tmp_path):
    """pdftotext without -layout: the 附件 line is as wide as a full line and the issuer starts at
    the margin; with -layout the issuer stands far right. Neither runs into the line above."""
    body = ["四、工作要求", "各级工会要加强组织领导，主动争取党委政府支持，会同", "有关部门成立竞赛组委会，确保竞赛工作取得实效。要加大宣",
            "传力度，及时总结推广竞赛中涌现出的先进典型。"]
    plain = body + ["附件：2023 年全省职工劳动和技能竞赛任务分解表", "山西省总工会", "二〇二三年三月五日", "", "附件"]
    layout = body + ["附件：2023 年全省职工劳动和技能竞赛任务分解表", "", "", "                              山西省总工会",
                     "                           二〇二三年三月五日", "附件"]
    for name, lines in (("plain", plain), ("layout", layout)):
        p = tmp_path / f"{name}.txt"
        p.write_text("\n".join(lines), encoding="utf-8")
        texts = [b.text.strip() for b in txt.read(p).blocks]
        assert texts[-4:] == ["附件：2023 年全省职工劳动和技能竞赛任务分解表", "山西省总工会", "二〇二三年三月五日", "附件"], name


# ---------------------------------------------------------------- a header cell per line

def _dump(*cells: str) -> str:
    """pdftotext without -layout: each cell on its own line, an empty line between."""
    return "\n\n".join(cells) + "\n"


def test_header_a_cell_per_line_numbered_rows_and_total_without_index(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("附件\n" + _dump("序号", "单位", "小计", "县级", "企业级",
                                "1", "甲区", "28", "10", "18", "2", "乙区", "22", "3", "19",  # 3 is a cell, not row 3
                                "3", "丙区", "28", "10", "18", "— 3 —", "序号", "单位", "小计", "县级", "企业级",
                                "4", "丁区", "10", "4", "6", "合计", "88", "27", "61", "— 4 —"), encoding="utf-8")
    doc = txt.read(p)
    [table] = _tables(doc)
    assert [[c.text for c in row] for row in table.grid.rows] == [
        ["序号", "单位", "小计", "县级", "企业级"], ["1", "甲区", "28", "10", "18"], ["2", "乙区", "22", "3", "19"],
        ["3", "丙区", "28", "10", "18"], ["4", "丁区", "10", "4", "6"], ["合计", "合计", "88", "27", "61"]]
    assert [c.origin for c in table.grid.rows[-1]] == [(5, 0), (5, 0), (5, 2), (5, 3), (5, 4)]  # 合计 spans 序号
    assert table.prov.line == 2 and [b.text for b in doc.blocks][-1] == "— 4 —"


def test_header_a_cell_per_line_with_label_keys_across_a_form_feed(tmp_path):
    """Without 序号 the word above the first value is the first row's key; a form feed with the
    header repeated after it does not end the table."""
    p = tmp_path / "t.txt"
    p.write_text("附件\n" + _dump("单位", "小计", "县级", "企业级", "甲区", "28", "10", "18", "乙区", "22", "8", "14")
                 + "\f" + _dump("单位", "小计", "县级", "企业级", "丙区", "20", "8", "12", "合计", "70", "26", "44"),
                 encoding="utf-8")
    [table] = _tables(txt.read(p))
    assert [[c.text for c in row] for row in table.grid.rows] == [
        ["单位", "小计", "县级", "企业级"], ["甲区", "28", "10", "18"], ["乙区", "22", "8", "14"],
        ["丙区", "20", "8", "12"], ["合计", "70", "26", "44"]]
    assert table.grid.pages == [1, 2]


def test_short_lines_before_a_number_are_no_header_unless_rows_fit(tmp_path):
    """Three short lines and then numbers, but no run of rows with a cell under each word: no table."""
    p = tmp_path / "t.txt"
    p.write_text(_dump("成都市总工会", "办公室", "联系人", "王明", "85175326", "传真号码见附件。"), encoding="utf-8")
    assert not _tables(txt.read(p))
