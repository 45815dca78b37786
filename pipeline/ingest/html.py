"""Web page reader: the page's main text without site chrome.

The page is decoded with its own charset (BOM, then <meta charset>, then by content), site
chrome is cut (scripts, navigation, breadcrumbs, share bars, footers, the 发布时间 info line:
its date is the site's, not the document's), and the element holding most of the paragraph
text is the article. Its headings, paragraphs, list items and tables are read in order;
the heading closest before the article is its title.

Old table-layout sites: a table that places page parts (it nests tables or headings, has no
grid, or one cell holds the running text) is unwrapped into <div>s first, so a cell can be
the article and text split by <br> reads as paragraphs; data tables stay tables.
Titles: the heading whose text is the page <title> (minus the site name) wins, else the
closest <h1>, else <h2>, before the article; a site logo (an <h1> that is only an image or a
link home, or the site name) is never the title; without headings, the element before the
article whose text is the <title> is. A <header> inside an <article> keeps its headings.
Furniture inside the content (责任编辑, 分享到, 来源/发布时间/浏览次数 lines, 打印本页/关闭窗口)
is dropped like the chrome around it.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from pipeline.ingest.html_tables import cell_text, table_to_grid, unwrap_layout_tables
from pipeline.ingest.source import source_info
from pipeline.ingest.text_decode import decode_text
from pipeline.model import Block, Provenance, RawDocument

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
             "button", "select", "template", "svg")
CHROME = re.compile(r"(^|[\s_-])(nav|navbar|menu|crumbs?|breadcrumbs?|topbar|top-bar|header|footer|foot|"
                    r"share|related|recommend|comment|sidebar|side|copyright|info|meta|toolbar|login|"
                    r"ads?|banner|pager|pagination|print)($|[\s_-])", re.I)
SHARE_BOX = re.compile(r"bdshare|bshare|jiathis|addthis|sharethis", re.I)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = ("p", "li", "pre", "blockquote", "dd", "dt")
CONTAINERS = ("div", "section", "article", "main", "ul", "ol", "dl", "center", "font", "span", "tbody")
# children that break a container's inline text into separate pieces
BLOCKISH = BLOCK_TAGS + tuple(HEADINGS) + ("table", "div", "section", "article", "main", "ul", "ol", "dl",
                                           "center", "tbody", "thead", "tr", "td", "th", "hr", "header", "footer")
# page furniture printed inside the content: editor credit, share box, info line, print/close links
FURNITURE = re.compile(r"^[（(【\[]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|审核|審核|校对|校對)\s*[:：]"
                       r"|^分享到|^分享\s*[:：]|打印本页|打印本頁|关闭窗口|關閉窗口|返回顶部|返回頂部|【打印】|【关闭】|【關閉】"
                       r"|^字号\s*[:：]|^字號\s*[:：]")
INFO_LABEL = re.compile(r"(来源|來源|作者|发布时间|發布時間|發佈時間|发布日期|發佈日期|發布日期|浏览次数|瀏覽次數|"
                        r"点击数|點擊數|阅读次数|閱讀次數|阅读|閱讀|访问量|訪問量)\s*[:：]")
INFO_FIRST = re.compile(r"^(发布时间|發布時間|發佈時間|发布日期|發佈日期|發布日期|浏览次数|瀏覽次數|点击数|點擊數)\s*[:：]")
TITLE_SEP = re.compile(r"\s*(?:[_|｜]|(?<!\d)-|-(?!\d))\s*")
HOME = re.compile(r"^(/|\./|\.\./|/?index\.\w+|https?://[^/]+/?(index\.\w+)?)?$", re.I)


def is_furniture_text(text: str) -> bool:
    line = " ".join(text.split())
    if not line or len(line) > 120:
        return False
    return bool(FURNITURE.search(line) or INFO_FIRST.match(line) or len(INFO_LABEL.findall(line)) >= 2)


def declared_charset(data: bytes) -> str | None:
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def parse_page(data: bytes):
    text, encoding = decode_text(data, declared_charset(data))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    return lxml.html.fromstring(text or "<html></html>"), encoding


def strip_chrome(root) -> None:
    for el in list(root.iter("header")):
        # an article's own <header> holds its title: keep the headings, drop the rest (meta line)
        if any(a.tag == "article" for a in el.iterancestors()):
            _keep_headings(el)
    for el in list(root.iter(*DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        # a big element is content whatever its class says (class="content-side" wraps articles)
        if (CHROME.search(marks) or SHARE_BOX.search(marks)) and (_text_len(el) < 2000 or el.get("role") == "navigation"):
            _drop(el)


def _keep_headings(header) -> None:
    parent = header.getparent()
    if parent is None:
        return
    at = parent.index(header)
    for h in [h for h in header.iter(*HEADINGS) if h is not header]:
        h.tail = None
        parent.insert(at, h)
        at += 1


def _drop(el) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)  # tail text of a dropped chrome element is chrome too


def _text_len(el) -> int:
    return len("".join(el.itertext()).strip())


def _link_len(el) -> int:
    return sum(len("".join(a.itertext()).strip()) for a in el.iter("a"))


def find_article(root):
    """The element whose own paragraphs (and tables) hold the most text, links discounted."""
    best, best_score = None, 0.0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("p", "a", "span", "tr", "li"):
            continue
        score = _inline_len(el)
        for child in el:
            if isinstance(child.tag, str) and child.tag in ("p", "table", "pre", "blockquote", "ul", "ol") + tuple(HEADINGS):
                n = _text_len(child)
                score += n - 2 * _link_len(child)
        if score > best_score:
            best, best_score = el, score
    return best if best is not None else root


def _inline_len(el) -> float:
    """Text written straight into the element (its text, inline children, tails), links discounted:
    old sites put the notice into a <td> or <font> as text separated by <br>."""
    n = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCKISH and child.tag != "br":
            n += _text_len(child) - 2 * _link_len(child)
        n += len((child.tail or "").strip())
    return n


def _squash(text: str) -> str:
    return "".join(text.split())


def _title_parts(root) -> tuple[str, set[str]]:
    """The page <title> split at its separators: the longest part (the document's title) and the
    other parts (site and channel names)."""
    el = root.find(".//title")
    text = " ".join((el.text_content() if el is not None else "").split())
    parts = [p for p in TITLE_SEP.split(text) if p]
    if not parts:
        return "", set()
    stem = max(parts, key=len)
    return _squash(stem), {_squash(p) for p in parts if p != stem}


def _is_logo(h, site_names: set[str]) -> bool:
    text = _squash(cell_text(h))
    if not text or text in site_names:
        return True  # only an image, or the site's name
    if re.search(r"logo", f"{h.get('class', '')} {h.get('id', '')}", re.I):
        return True
    links = list(h.iter("a"))
    return bool(links) and all(HOME.match((a.get("href") or "").strip()) for a in links) \
        and _squash("".join(t for a in links for t in a.itertext())) == text


def _before_article(root, article):
    """Elements before the article in document order, outside it."""
    for el in root.iter():
        if el is article:
            return
        yield el


def _title_before(root, body, article):
    """The page title: among the <h1>/<h2> before the article that are no logo, the one whose text is
    the <title>'s, else the closest <h1>, else the closest <h2>; without headings, the element before
    the article whose text is the <title>'s (a <font> in a <td> on old sites)."""
    stem, site_names = _title_parts(root)
    heads = [el for el in _before_article(body, article)
             if isinstance(el.tag, str) and el.tag in ("h1", "h2") and not _is_logo(el, site_names)]
    if heads:
        for el in reversed(heads):
            text = _squash(cell_text(el))
            if stem and text and (text == stem or (len(text) >= 8 and (text in stem or stem in text))):
                return el
        for level in ("h1", "h2"):
            for el in reversed(heads):
                if el.tag == level:
                    return el
    if len(stem) >= 8:
        found = None
        for el in _before_article(body, article):
            if isinstance(el.tag, str) and el.tag not in ("a", "script", "style") and _squash(cell_text(el)) == stem:
                found = el
        return found
    return None


def article_blocks(article, skip=()) -> list[Block]:
    blocks: list[Block] = []
    n_tables = 0

    def add(kind, text, el, **kw):
        if kind == "paragraph" and is_furniture_text(text):
            return  # site furniture inside the content, as the chrome outside it
        blocks.append(Block(id=len(blocks), kind=kind, text=text,
                            prov=Provenance(line=el.sourceline, paragraph=len(blocks)), **kw))

    def add_lines(text, el, style):
        for line in text.split("\n"):
            if line:
                add("paragraph", line, el, style=style)

    def mixed(el):
        """A container holding both blocks and loose text: each run of loose text between blocks
        and <br>s is a paragraph of its own."""
        run: list[str] = []

        def flush():
            text = cell_text_of(run)
            run.clear()
            add_lines(text, el, el.get("class") or el.tag)

        if el.text:
            run.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br":
                run.append("\n")
            elif child.tag in BLOCKISH or (child.tag in CONTAINERS and _has_block_children(child)):
                flush()
                walk_one(child)
            else:
                run.append(cell_text(child))
            if child.tail:
                run.append(child.tail)
        flush()

    def walk(el):
        for child in el:
            walk_one(child)

    def walk_one(child):
        nonlocal n_tables
        if not isinstance(child.tag, str) or child in skip:
            return
        tag = child.tag
        if tag == "table":
            grid = table_to_grid(child)
            if grid.n_rows and grid.rows[0]:
                blocks.append(Block(id=len(blocks), kind="table", text=grid.plain_text(), grid=grid,
                                    prov=Provenance(line=child.sourceline, table=n_tables)))
                n_tables += 1
        elif tag in HEADINGS:
            text = cell_text(child)
            if text:
                add("heading", text, child, level=HEADINGS[tag], style=tag)
        elif tag in BLOCK_TAGS:
            if child.find(".//table") is not None:
                walk(child)
                return
            text = cell_text(child)
            if text:
                add("paragraph", text, child, style=(child.get("class") or tag))
        elif tag in CONTAINERS:
            if _has_block_children(child):
                mixed(child)
            else:
                add_lines(cell_text(child), child, child.get("class") or tag)

    if _inline_len(article) > 0:
        mixed(article)  # the article is a cell or a <font> of text split by <br>
    else:
        walk(article)
    return blocks


def cell_text_of(pieces: list[str]) -> str:
    lines = [" ".join(l.split()) for l in "".join(pieces).split("\n")]
    return "\n".join(l for l in lines if l)


def _has_block_children(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS + tuple(HEADINGS) + ("table", "div", "section", "ul", "ol")
               for c in el)


def read(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    root, encoding = parse_page(data)
    strip_chrome(root)
    body = root.find("body") if root.find("body") is not None else root
    unwrap_layout_tables(body)
    article = find_article(body)
    blocks: list[Block] = []
    title = _title_before(root, body, article)
    if title is not None:
        blocks.append(Block(id=0, kind="heading", level=1, text=cell_text(title), style=title.tag,
                            prov=Provenance(line=title.sourceline)))
    for b in article_blocks(article):
        b.id = len(blocks)
        blocks.append(b)
    return RawDocument(source=source_info(path, "html", encoding=encoding), blocks=blocks)
