"""Web page reader: the page's main text without site chrome.

The page is decoded with its own charset (BOM, then <meta charset>, then by content), site
chrome is cut (scripts, navigation, breadcrumbs, share bars, footers, the 发布时间 info line:
its date is the site's, not the document's), and the element holding most of the paragraph
text is the article. Its headings, paragraphs, list items and tables are read in order;
the page's <h1> before the article is its title.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from pipeline.ingest.html_tables import cell_text, table_to_grid
from pipeline.ingest.source import source_info
from pipeline.ingest.text_decode import decode_text
from pipeline.model import Block, Provenance, RawDocument

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
             "button", "select", "template", "svg")
CHROME = re.compile(r"(^|[\s_-])(nav|navbar|menu|crumbs?|breadcrumbs?|topbar|top-bar|header|footer|foot|"
                    r"share|related|recommend|comment|sidebar|side|copyright|info|meta|toolbar|login|"
                    r"ads?|banner|pager|pagination|print)($|[\s_-])", re.I)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = ("p", "li", "pre", "blockquote", "dd", "dt")


def declared_charset(data: bytes) -> str | None:
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def parse_page(data: bytes):
    text, encoding = decode_text(data, declared_charset(data))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    return lxml.html.fromstring(text or "<html></html>"), encoding


def strip_chrome(root) -> None:
    for el in list(root.iter(*DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        # a big element is content whatever its class says (class="content-side" wraps articles)
        if CHROME.search(marks) and (_text_len(el) < 2000 or el.get("role") == "navigation"):
            _drop(el)


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
        if not isinstance(el.tag, str) or el.tag in ("p", "a", "span", "td", "tr", "li"):
            continue
        score = 0.0
        for child in el:
            if isinstance(child.tag, str) and child.tag in ("p", "table", "pre", "blockquote", "ul", "ol") + tuple(HEADINGS):
                n = _text_len(child)
                score += n - 2 * _link_len(child)
        if score > best_score:
            best, best_score = el, score
    return best if best is not None else root


def _title_before(root, article):
    """The last <h1> (else <h2>) that comes before the article in document order and is outside it."""
    found = None
    for el in root.iter("h1", "h2"):
        if article in el.iterancestors() or el is article:
            break
        if el in article.iterdescendants():
            break
        if found is None or el.tag == "h1" or found.tag != "h1":
            found = el
    return found


def article_blocks(article) -> list[Block]:
    blocks: list[Block] = []
    n_tables = 0

    def add(kind, text, el, **kw):
        blocks.append(Block(id=len(blocks), kind=kind, text=text,
                            prov=Provenance(line=el.sourceline, paragraph=len(blocks)), **kw))

    def walk(el):
        nonlocal n_tables
        for child in el:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            if tag == "table":
                grid = table_to_grid(child)
                if grid.n_rows:
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
                    continue
                text = cell_text(child)
                if text:
                    add("paragraph", text, child, style=(child.get("class") or tag))
            elif tag in ("div", "section", "article", "main", "ul", "ol", "dl", "center", "font", "span", "tbody"):
                if _has_block_children(child):
                    _own_text(child, add)
                    walk(child)
                else:
                    text = cell_text(child)
                    if text:
                        add("paragraph", text, child, style=(child.get("class") or tag))

    walk(article)
    return blocks


def _has_block_children(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS + tuple(HEADINGS) + ("table", "div", "section", "ul", "ol")
               for c in el)


def _own_text(el, add) -> None:
    """Text written straight into a container, before its first child element."""
    if el.text and el.text.strip():
        add("paragraph", " ".join(el.text.split()), el)


def read(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    root, encoding = parse_page(data)
    strip_chrome(root)
    body = root.find("body") if root.find("body") is not None else root
    article = find_article(body)
    blocks: list[Block] = []
    title = _title_before(body, article)
    if title is not None:
        blocks.append(Block(id=0, kind="heading", level=1, text=cell_text(title), style=title.tag,
                            prov=Provenance(line=title.sourceline)))
    for b in article_blocks(article):
        b.id = len(blocks)
        blocks.append(b)
    return RawDocument(source=source_info(path, "html", encoding=encoding), blocks=blocks)
