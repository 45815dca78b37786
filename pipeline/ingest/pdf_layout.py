"""Text blocks of a PDF page outside its tables, in reading order.

  chars -> lines (pdf_lines) -> furniture out (running heads, page numbers)
        -> captions/credits out (small type in or by a photo box)
        -> regions by recursive XY-cut (columns found from gaps in the x projection, never by file)
        -> per column: lines joined into paragraphs by indent and line ends; headings by size/weight
        -> articles: on multi-column pages each headline (with its kicker) starts an article
"""
from __future__ import annotations

import re

from pipeline.ingest.furniture import DATE_LINE, PAGE_NUMBER
from pipeline.ingest.pdf_lines import Line, body_size, chars_to_lines, merge_row_pieces
from pipeline.model import BBox, Block, Finding, Provenance

RUNNING_HEAD_EDGE = 0.07  # share of the page height at top and bottom where running heads live
CREDIT = re.compile(r"(供图|供稿|摄影?|图片来源|圖片來源|摄$|/摄|记者.{0,6}摄)")


def page_blocks(page, page_no: int, exclude: list[BBox]) -> tuple[list[Block], list[Finding]]:
    lines = chars_to_lines(page.chars, exclude)
    if not lines:
        return [], []
    size = body_size(lines)
    lines, furniture = split_furniture(lines, float(page.height), size)
    findings = []
    if furniture:
        findings.append(Finding(code="page-furniture-removed", severity="info", stage="ingest",
                                message=f"page {page_no}: {len(furniture)} running head/footer/page-number line(s) removed",
                                prov=Provenance(page=page_no), data={"texts": [l.text for l in furniture]}))
    boxes = photo_boxes(page, lines, size)
    lines, captions = split_captions(lines, boxes, size)
    captions = join_caption_lines(captions, size)
    # photo boxes stand in the flow as empty lines, so a sentence they interrupt is not cut in two
    photos = [Line(x0=b[0], top=b[1], x1=b[2], bottom=b[3], text="", size=-1.0, bold=False)
              for b in boxes + [_bbox([c]) for c in captions]]
    framed = xy_cut_framed(lines + photos, size)
    regions = [r for r, _ in framed]
    blocks: list[Block] = []
    columns = _column_count(regions)
    for region, frame in framed:
        blocks += region_blocks(region, size, page_no, frame)
    blocks = merge_split_headings(blocks)
    for cap in sorted(captions, key=lambda c: -c.top):
        kind = "credit" if CREDIT.search(cap.text) and len(cap.text) <= 20 else "caption"
        place_caption(blocks, Block(id=-1, kind=kind, text=cap.text, style=f"{cap.size:g}pt",
                                    prov=Provenance(page=page_no, bbox=_bbox([cap]))))
    if columns > 1:
        assign_articles(blocks)
    return blocks, findings


def merge_split_headings(blocks: list[Block]) -> list[Block]:
    """Heading pieces on one baseline (a kicker set in two halves) back into one heading."""
    out: list[Block] = []
    for b in blocks:
        p = out[-1] if out else None
        if (p and p.kind == b.kind == "heading" and p.style == b.style and "\n" not in p.text + b.text
                and abs(p.prov.bbox[3] - b.prov.bbox[3]) < 2 and 0 <= b.prov.bbox[0] - p.prov.bbox[2] < 40):
            p.text = p.text + " " + b.text
            p.prov.bbox = (p.prov.bbox[0], min(p.prov.bbox[1], b.prov.bbox[1]), b.prov.bbox[2], max(p.prov.bbox[3], b.prov.bbox[3]))
        else:
            out.append(b)
    return out


def place_caption(blocks: list[Block], cap: Block) -> None:
    """After the nearest text block above it (or around it) in its column, sharing its article."""
    cx0, ctop, cx1, _ = cap.prov.bbox
    best, best_i = None, len(blocks) - 1
    for i, b in enumerate(blocks):
        bb = b.prov.bbox
        if b.kind in ("paragraph", "heading") and bb and bb[0] < cx1 and bb[2] > cx0 and bb[1] <= ctop:
            if best is None or bb[1] > best:
                best, best_i = bb[1], i
    blocks.insert(best_i + 1, cap)


# ---------------------------------------------------------------- furniture and captions

def split_furniture(lines: list[Line], height: float, size: float) -> tuple[list[Line], list[Line]]:
    """Page numbers near the bottom, and short lines in the top/bottom edge that stand apart."""
    keep, furniture = [], []
    for l in lines:
        text = l.text.strip()
        edge = l.bottom < RUNNING_HEAD_EDGE * height or l.top > (1 - RUNNING_HEAD_EDGE) * height
        if PAGE_NUMBER.match(text) and (edge or l.top > 0.8 * height):
            furniture.append(l)
        elif edge and l.size <= 1.3 * size and len(text) <= 20 and _apart(l, lines, size):
            furniture.append(l)
        else:
            keep.append(l)
    return keep, furniture


def _apart(line: Line, lines: list[Line], size: float) -> bool:
    """No other line's text sits within two lines' height of it, except on its own baseline."""
    for o in lines:
        if o is line or abs(o.bottom - line.bottom) < 0.5 * size:
            continue
        if o.top - line.bottom < 1.5 * size and line.top - o.bottom < 1.5 * size:
            return False
    return True


def photo_boxes(page, lines: list[Line] = (), size: float = 0.0) -> list[BBox]:
    """Rectangles, closed rectangular paths (a frame drawn `re h` or m-l-l-l-h) and images
    large enough to be photos (not rules or cell borders). A frame with body text inside it
    (three lines or more in body type) boxes text (a sidebar, an ad panel), not a photo."""
    boxes = []
    shapes = list(page.rects) + list(page.images) + [c for c in page.curves if _rectangular(c)]
    for r in shapes:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        box = (r["x0"], r["top"], r["x1"], r["bottom"])
        if w > 40 and h > 30 and not _holds_text(box, lines, size):
            boxes.append(box)
    return boxes


def _rectangular(curve) -> bool:
    """A closed path whose points all sit on the corners of its bounding box."""
    pts = curve.get("pts") or []
    if len(pts) < 4:
        return False
    x0, x1, top, bottom = curve["x0"], curve["x1"], curve["top"], curve["bottom"]
    on_corner = all(min(abs(x - x0), abs(x - x1)) < 1 and min(abs(y - top), abs(y - bottom)) < 1 for x, y in pts)
    closed = any(op[0] == "h" for op in curve.get("path") or []) or (
        abs(pts[0][0] - pts[-1][0]) < 1 and abs(pts[0][1] - pts[-1][1]) < 1)
    return on_corner and closed


def _holds_text(box: BBox, lines: list[Line], size: float) -> bool:
    inside = [l for l in lines if l.size >= 0.97 * size and box[0] - 2 <= l.x0 and l.x1 <= box[2] + 2
              and box[1] - 2 <= l.top and l.bottom <= box[3] + 2]
    return len(inside) >= 3


def split_captions(lines: list[Line], boxes: list[BBox], size: float) -> tuple[list[Line], list[Line]]:
    """Lines in smaller type than the body, inside a photo box or right below it."""
    keep, caps = [], []
    for l in lines:
        near = any(b[0] - 2 <= l.x0 and l.x1 <= b[2] + 2 and b[1] - 2 <= l.top <= b[3] + 3 * size for b in boxes)
        small_credit = l.size < 0.9 * size and len(l.text) <= 20 and CREDIT.search(l.text)
        if (near and (l.size < 0.97 * size or CREDIT.search(l.text))) or small_credit:
            caps.append(l)
        else:
            keep.append(l)
    return keep, caps


def join_caption_lines(caps: list[Line], size: float) -> list[Line]:
    """A caption's lines back into one: pieces on one baseline (品。（李娜 | 摄）) and a line
    right under one that has not ended its sentence (…全委（扩 | 大）会议现场。). A credit line
    under a finished caption stays apart."""
    def join(p: Line, c: Line) -> Line:
        return Line(x0=min(p.x0, c.x0), top=min(p.top, c.top), x1=max(p.x1, c.x1), bottom=max(p.bottom, c.bottom),
                    text=p.text + c.text, size=p.size, bold=p.bold, chars=list(p.chars) + list(c.chars))

    rows: list[Line] = []
    for c in sorted(caps, key=lambda l: (round(l.bottom), l.x0)):
        p = rows[-1] if rows else None
        if p is not None and abs(p.bottom - c.bottom) < 0.3 * size and 0 <= c.x0 - p.x1 < 3 * size:
            rows[-1] = join(p, c)
        else:
            rows.append(c)
    out: list[Line] = []
    for c in rows:
        p = out[-1] if out else None
        if (p is not None and 0 <= c.top - p.bottom < 0.6 * size and c.x0 < p.x1 and p.x0 < c.x1
                and not re.search(r"[。！？”）)]$|摄$", p.text.strip())):
            out[-1] = join(p, c)
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------- regions

Frame = tuple[float, float]  # the left and right margins of a column's body text


def xy_cut_framed(lines: list[Line], size: float, frame: Frame | None = None) -> list[tuple[list[Line], Frame]]:
    """Recursive XY-cut: a vertical gutter through the whole region splits it into columns
    (left to right); else a wide horizontal gap splits it into bands (top to bottom). Each
    region comes with the margins of the column it stands in (the page when no gutter splits
    it): a band of two right-aligned lines (a 落款) measured on its own would
    have its own edges as margins, and its lines would read as one wrapped paragraph."""
    if not lines:
        return []
    frame = frame or _frame(lines, size)
    if len(lines) == 1:
        return [(lines, frame)]
    cols = _split(lines, axis="x", min_gap=0.35 * size)
    if len(cols) > 1:
        return [r for c in cols for r in xy_cut_framed(c, size, _frame(c, size))]
    bands = _split(lines, axis="y", min_gap=0.8 * size)
    if len(bands) > 1:
        return [r for b in bands for r in xy_cut_framed(b, size, frame)]
    return [(merge_row_pieces(lines), frame)]


def _frame(lines: list[Line], size: float) -> Frame:
    body = [l for l in lines if 0 < l.size <= 1.05 * size] or [l for l in lines if l.size > 0] or lines
    return min(l.x0 for l in body), max(l.x1 for l in body)


def _split(lines: list[Line], axis: str, min_gap: float) -> list[list[Line]]:
    lo = (lambda l: l.x0) if axis == "x" else (lambda l: l.top)
    hi = (lambda l: l.x1) if axis == "x" else (lambda l: l.bottom)
    ordered = sorted(lines, key=lo)
    groups, reach = [[ordered[0]]], hi(ordered[0])
    for l in ordered[1:]:
        if lo(l) - reach >= min_gap:
            groups.append([l])
        else:
            groups[-1].append(l)
        reach = max(reach, hi(l))
    return groups


def _column_count(regions: list[list[Line]]) -> int:
    """How many regions sit side by side at the most crowded height."""
    spans = [(min(l.top for l in r), max(l.bottom for l in r)) for r in regions if len(r) >= 3]
    best = 1
    for top, bottom in spans:
        mid = (top + bottom) / 2
        best = max(best, sum(1 for t, b in spans if t <= mid <= b))
    return best


# ---------------------------------------------------------------- paragraphs and headings

def region_blocks(lines: list[Line], size: float, page_no: int, frame: Frame | None = None) -> list[Block]:
    """A region's lines as headings and paragraphs; indents and short line ends are measured
    against `frame`, the margins of the column (default: the region's own body lines)."""
    if not lines:
        return []
    body = [l for l in lines if 0 < l.size <= 1.05 * size] or [l for l in lines if l.size > 0]
    if not body:
        return []
    left, right = frame or (min(l.x0 for l in body), max(l.x1 for l in body))
    blocks: list[Block] = []
    current: list[Line] = []

    def flush():
        if current:
            blocks.append(_block(current, size, page_no, left, right))
            current.clear()

    bridged = False
    for l in lines:
        if l.size < 0:  # a photo box: the text around it may be one sentence
            bridged = True
            continue
        head = _is_heading(l, size, left, right)
        if current:
            prev = current[-1]
            starts_new = (head != _is_heading(prev, size, left, right) or abs(l.size - prev.size) > 0.1 * size
                          or DATE_LINE.match(l.text) or DATE_LINE.match(prev.text)  # a date line stands alone
                          or (l.top - prev.bottom > 1.0 * size and not bridged)
                          or (not head and l.x0 > left + 1.2 * size)  # first-line indent
                          or (not head and prev.x1 < right - max(1.5 * size, _first_unit(l) + 0.2 * size)
                              and not bridged))  # ended short (with no room for the next line's first word)
            if starts_new:
                flush()
        current.append(l)
        bridged = False
    flush()
    return blocks


NO_LINE_START = set("，。、；：？！,.;:?!）)》〉」』”’】〕…—%％")


def _first_unit(l: Line) -> float:
    """Width of what a line must start with: its first character with the closing marks that
    cannot begin a line (料。), or its first Latin word or number. A line broken early to keep
    such a unit whole ends short without ending its paragraph."""
    chars = l.chars
    if not chars:
        return 0.0
    k = 0
    if chars[0]["text"].isascii() and chars[0]["text"].isalnum():
        while k + 1 < len(chars) and chars[k + 1]["text"].isascii() and chars[k + 1]["text"].isalnum():
            k += 1
    while k + 1 < len(chars) and chars[k + 1]["text"] in NO_LINE_START:
        k += 1
    return chars[k]["x1"] - chars[0]["x0"]


def _is_heading(l: Line, size: float, left: float, right: float) -> bool:
    if l.size >= 1.15 * size:
        return True
    centred = abs((l.x0 - left) - (right - l.x1)) < 2 * size and l.x0 > left + 2 * size
    return (l.bold and l.size >= 0.95 * size and len(l.text) <= 40) or (centred and l.bold)


def _block(lines: list[Line], size: float, page_no: int, left: float, right: float) -> Block:
    first = lines[0]
    head = _is_heading(first, size, left, right)
    text = "\n".join(l.text for l in lines)
    block = Block(id=-1, kind="heading" if head else "paragraph", text=text, style=f"{first.size:g}pt",
                  prov=Provenance(page=page_no, bbox=_bbox(lines)))
    if head:
        block.level = 1 if first.size >= 1.35 * size else 2 if first.size >= 1.15 * size else 3
    return block


def _bbox(lines: list[Line]) -> BBox:
    return (round(min(l.x0 for l in lines), 2), round(min(l.top for l in lines), 2),
            round(max(l.x1 for l in lines), 2), round(max(l.bottom for l in lines), 2))


# ---------------------------------------------------------------- articles

def assign_articles(blocks: list[Block]) -> None:
    """A run of headlines (kicker, headline, subtitle) starts a new article, numbered from 0 on
    this page; text above the page's first headline gets -1: it continues the previous page's
    last article (the PDF reader turns page numbers into document numbers)."""
    article, prev_headline = -1, False
    for b in blocks:
        headline = b.kind == "heading" and (b.level or 3) <= 2
        if headline and not prev_headline:
            article += 1
        if b.kind != "furniture":
            b.article = article
        prev_headline = headline


def reading_order(blocks: list[Block]) -> list[Block]:
    """Text blocks keep page_blocks' order; each table goes before the first text block that
    starts below its top in the columns it covers (captions stay at the end of their page)."""
    tables = [b for b in blocks if b.kind == "table" and b.prov.bbox]
    rest = [b for b in blocks if not (b.kind == "table" and b.prov.bbox)]
    for t in sorted(tables, key=lambda b: b.prov.bbox[1]):
        tx0, ttop, tx1, _ = t.prov.bbox
        at = len(rest)
        for i, b in enumerate(rest):
            bb = b.prov.bbox
            if bb and b.kind not in ("caption", "credit") and b.prov.page == t.prov.page \
                    and bb[1] >= ttop - 1 and bb[0] < tx1 and bb[2] > tx0:
                at = i
                break
        rest.insert(at, t)
    return rest
