"""HTML from old table-layout sites, logo and in-article titles, furniture inside the content."""
import lxml.html

from pipeline import process
from pipeline.ingest import html
from pipeline.ingest.html_tables import is_layout_table

SITE_TOP = ('<table width="980"><tr><td><img src="/logo.gif" alt="许昌工会网"></td></tr>'
            '<tr><td><table><tr><td><a href="/">首 页</a></td><td><a href="/tzgg/">通知公告</a></td>'
            '<td><a href="/zcfg/">政策法规</a></td></tr></table></td></tr></table>')
SIDEBAR = ('<table width="100%"><tr><td class="left_title">相关新闻</td></tr>'
           '<tr><td class="list"><a href="/1.html">我市1.2万名职工参加技能比武</a></td></tr>'
           '<tr><td class="list"><a href="/2.html">市总工会投入300万元开展送温暖活动</a></td></tr></table>')
NOTICE = ('<font face="宋体">　　许工〔2023〕12号<br>　　各县（市、区）总工会：<br>'
          '　　为深入开展群众性技术创新活动，市总工会决定开展2023年创新竞赛活动。现将有关事项通知如下：<br>'
          '　　一、活动目标<br>　　全年征集职工创新成果不少于1000项，评选市级优秀成果100项。<br>'
          '　　二、时间安排<br>　　各单位于6月30日前将申报材料报送市总工会。<br><br>'
          '<div align="right">许昌市总工会　　<br>2023年3月20日　　</div></font>')


def _page(tmp_path, body, title="许昌市总工会关于开展2023年创新竞赛活动的通知-许昌工会网", encoding="utf-8",
          name="page.html"):
    path = tmp_path / name
    path.write_bytes((f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
                      f'<title>{title}</title></head><body>{body}</body></html>').encode(encoding))
    return path


def _table_layout_page(tmp_path, extra_row="", encoding="utf-8"):
    body = (SITE_TOP + '<table width="980"><tr><td width="230" valign="top">' + SIDEBAR + '</td><td width="10"></td>'
            '<td valign="top"><table width="100%">'
            '<tr><td class="weizhi">您现在的位置：<a href="/">首页</a> &gt;&gt; 正文</td></tr>'
            '<tr><td class="title"><strong><font size="5">许昌市总工会关于开展2023年创新竞赛活动的通知</font></strong></td></tr>'
            '<tr><td class="time">发布时间：2023-03-22　来源：市总工会办公室　点击数：2356</td></tr>'
            f'<tr><td class="zw">{NOTICE}{extra_row}</td></tr>'
            '<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】'
            '【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table></td></tr></table>'
            '<table><tr><td class="foot">版权所有：许昌市总工会　电话：0374-2961234<br>豫ICP备05012345号-1</td></tr></table>')
    return _page(tmp_path, body, encoding=encoding)


def test_table_layout_page_reads_br_text_as_paragraphs(tmp_path):
    doc = html.read(_table_layout_page(tmp_path, encoding="gbk"))
    assert [b.kind for b in doc.blocks] == ["heading"] + ["paragraph"] * 9
    assert [b.text for b in doc.blocks] == [
        "许昌市总工会关于开展2023年创新竞赛活动的通知", "许工〔2023〕12号", "各县（市、区）总工会：",
        "为深入开展群众性技术创新活动，市总工会决定开展2023年创新竞赛活动。现将有关事项通知如下：",
        "一、活动目标", "全年征集职工创新成果不少于1000项，评选市级优秀成果100项。", "二、时间安排",
        "各单位于6月30日前将申报材料报送市总工会。", "许昌市总工会", "2023年3月20日"]
    assert doc.source.encoding.lower() in ("gbk", "gb18030", "gb2312")


def test_table_layout_page_goals_and_schedule(tmp_path):
    notice = process(_table_layout_page(tmp_path))
    assert notice.doc.title == "许昌市总工会关于开展2023年创新竞赛活动的通知"
    assert [(g.value, g.unit, g.comparator) for g in notice.goals] == [(1000, "项", ">="), (100, "项", "=")]
    assert [(s.end_month, s.deadline) for s in notice.schedule] == [(6, "06-30")]
    assert notice.tables == []


def test_data_table_inside_layout_cell_stays_a_table(tmp_path):
    table = ('<table border="1"><tr><th>县（市、区）</th><th>职工之家（个）</th><th>职工书屋（家）</th></tr>'
             '<tr><td>宛城区</td><td>6</td><td>4</td></tr><tr></tr><tr><td>卧龙区</td><td>5</td><td>3</td></tr>'
             '<tr><td>合计</td><td>11</td><td>7</td></tr></table>')
    doc = html.read(_table_layout_page(tmp_path, extra_row=table))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].grid.texts(False) == [["县（市、区）", "职工之家（个）", "职工书屋（家）"], ["宛城区", "6", "4"],
                                           ["卧龙区", "5", "3"], ["合计", "11", "7"]]
    assert doc.blocks[-1] is tables[0] and doc.blocks[-2].text == "2023年3月20日"


def test_one_row_table_with_running_text_is_layout(tmp_path):
    page = _page(tmp_path, '<table><tr><td>导航</td></tr></table><table><tr><td width="200"><a href="/">首页</a></td>'
                 '<td>　　各单位：<br>　　全年征集职工创新成果不少于1000项。<br>　　各单位于6月30日前报送材料。<br></td>'
                 '</tr></table>', title="通知")
    doc = html.read(page)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "各单位："), ("paragraph", "全年征集职工创新成果不少于1000项。"), ("paragraph", "各单位于6月30日前报送材料。")]


def test_empty_row_table_does_not_fail(tmp_path):
    page = _page(tmp_path, '<table><tr></tr></table><p>全年新建职工书屋40家。</p>', title="t")
    assert [b.text for b in html.read(page).blocks] == ["全年新建职工书屋40家。"]
    assert [(g.value, g.unit) for g in process(page).goals] == [(40, "家")]


def _table(markup):
    return lxml.html.fromstring(f"<html><body>{markup}</body></html>").find(".//table")


def test_layout_table_rules():
    data = ('<table><tr><th>任务</th><th>目标</th></tr><tr><td>新建职工书屋，按季度报送进展。<br>由各县区负责。<br>年底验收。</td>'
            '<td>40家</td></tr><tr><td>新建职工之家</td><td>60个</td></tr><tr><td>补充图书</td><td>2万册</td></tr>'
            '<tr><td>电子书屋覆盖率</td><td>80%</td></tr><tr><td>户外劳动者服务站点新建和提质改造</td><td>120个</td></tr></table>')
    assert not is_layout_table(_table(data))  # one multi-line cell, but a small share of a real grid
    assert is_layout_table(_table("<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr>"
                                  "<tr><td>d</td><td>e</td></tr></table>"))
    assert is_layout_table(_table("<table><tr><td>一</td></tr><tr><td>二</td></tr></table>"))  # one column
    assert is_layout_table(_table("<table><tr><td><h2>标题</h2></td><td>x</td></tr><tr><td>1</td><td>2</td></tr></table>"))


def test_logo_h1_loses_to_title_h2(tmp_path):
    page = _page(tmp_path, '<div class="top"><h1 class="site"><a href="/">鹤壁工会网</a></h1></div>'
                 '<div class="bt"><h2>鹤壁市总工会关于加强2023年职工书屋建设的通知</h2></div>'
                 '<div class="nr"><p>各县（区）总工会：</p><p>今年全市新建职工书屋不少于40家。</p>'
                 '<p>为深入推进职工书香建设，丰富职工精神文化生活，现就有关工作通知如下。</p></div>',
                 title="鹤壁市总工会关于加强2023年职工书屋建设的通知_通知公告_鹤壁工会网")
    doc = html.read(page)
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("heading", "鹤壁市总工会关于加强2023年职工书屋建设的通知")
    assert "鹤壁工会网" not in "".join(b.text for b in doc.blocks)


def test_image_only_h1_is_no_title(tmp_path):
    page = _page(tmp_path, '<h1><a href="/index.html"><img src="/logo.png"></a></h1><h2>关于开展职工书屋建设的通知</h2>'
                 '<div><p>今年全市新建职工书屋不少于40家。</p><p>为深入推进职工书香建设，现就有关工作通知如下。</p></div>',
                 title="网站")
    assert html.read(page).blocks[0].text == "关于开展职工书屋建设的通知"


def test_title_in_article_header_is_kept(tmp_path):
    page = _page(tmp_path, '<header class="site-header"><p><a href="/">職工之家資訊網</a></p></header><main><article>'
                 '<header class="entry-header"><h1 class="entry-title">河南省總工會關於開展2023年全省職工職業技能競賽的通知</h1>'
                 '<div class="entry-meta"><span>發佈時間：2023-03-10</span></div></header>'
                 '<div class="entry-content"><p>各省轄市總工會：</p><p>本屆競賽設置20個競賽項目，其中新職業項目不少於5個。</p>'
                 '<p>為深入貫徹黨的二十大精神，省總工會決定開展全省職工職業技能競賽。</p></div></article></main>',
                 title="河南省總工會關於開展2023年全省職工職業技能競賽的通知 - 職工之家資訊網", encoding="big5")
    doc = html.read(page)
    assert [b.text for b in doc.blocks] == ["河南省總工會關於開展2023年全省職工職業技能競賽的通知", "各省轄市總工會：",
                                           "本屆競賽設置20個競賽項目，其中新職業項目不少於5個。",
                                           "為深入貫徹黨的二十大精神，省總工會決定開展全省職工職業技能競賽。"]
    assert doc.blocks[0].kind == "heading"


def test_furniture_inside_content_dropped(tmp_path):
    page = _page(tmp_path, '<h1>南阳市总工会关于下达2023年职工服务阵地建设任务的通知</h1><div class="article-content">'
                 '<p>来源：南阳市总工会　作者：办公室　浏览次数：876</p>'
                 '<p>全年全市新建职工之家60个、职工书屋40家，职工服务阵地覆盖职工人数达到50万人以上。</p>'
                 '<p>4月至10月为集中建设期，11月份市总工会组织验收。</p><p style="text-align:right">南阳市总工会</p>'
                 '<p style="text-align:right">（责任编辑：陈晓）</p>'
                 '<div class="bdsharebuttonbox"><a href="#" class="bds_more">分享到：</a><a class="bds_weixin"></a></div>'
                 '<p>分享到：微信 微博</p><p>【打印本页】【关闭窗口】</p></div>',
                 title="南阳市总工会关于下达2023年职工服务阵地建设任务的通知-南阳市总工会")
    notice = process(page)
    assert [b.text for b in notice.blocks] == [
        "南阳市总工会关于下达2023年职工服务阵地建设任务的通知",
        "全年全市新建职工之家60个、职工书屋40家，职工服务阵地覆盖职工人数达到50万人以上。",
        "4月至10月为集中建设期，11月份市总工会组织验收。", "南阳市总工会"]
    assert sorted(g.value for g in notice.goals) == [40, 60, 500000]


def test_furniture_text_rule():
    assert html.is_furniture_text("（责任编辑：陈晓）") and html.is_furniture_text("責任編輯：陳曉")
    assert html.is_furniture_text("发布时间：2023-03-22　来源：市总工会办公室　点击数：2356")
    assert not html.is_furniture_text("来源于职工的创新成果不少于1000项。")
    assert not html.is_furniture_text("各单位于6月30日前报送材料，联系人：王志强。")
