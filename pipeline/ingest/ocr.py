"""OCR for PDF pages without a text layer (Tesseract chi_sim; OpenCV for the table's rules).

  render (300 dpi, pdfium) -> deskew (slope of the long horizontal rules) -> binarise
  -> ruling lines by morphology -> grid of slots, merged where the rule between two slots is
  missing -> each cell's ink cut clean (rules, diagonals and specks removed)
  -> read all cells in a few stacked Tesseract runs (ocr_read): Chinese for every cell, digits
  only for body cells; a body column is numeric when most of its cells read as numbers
  -> cells still below LOW_CONFIDENCE read again at two scales, the majority kept
  -> every table cell read again by a second reader with another model (PP-OCR, ocr_rec):
  agreement stands, a sure PP-OCR reading of a text cell replaces Tesseract's (listed in an
  `ocr-second-reader` finding), any other disagreement makes the cell doubtful
  -> TableGrid(ocr=True) in PDF points, each cell with its confidence; lines of text above the
  table (its title) become blocks with theirs.

Cells read below LOW_CONFIDENCE keep their text and are listed in an `ocr-low-confidence`
finding; nothing is corrected from word lists. A blank cell has confidence None.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace

from pipeline.model import Block, Finding, GridCell, Provenance, TableGrid

log = logging.getLogger(__name__)

DPI = 300
LOW_CONFIDENCE = 60.0
NOISE_CONFIDENCE = 20.0  # a "line" read below this is scan noise (specks), logged, not a block
TEXT_HEIGHT = 32  # pixels: every image is scaled so its lines of text are this tall
RETRY_SCALES = (0.75, 1.33)  # low-confidence cells are read again at these scales; the majority wins
SECOND_READER_ACCEPT = 90.0  # a cell still low after the retries takes PP-OCR's reading at or above this
INSTALL_HINT = ("OCR needs Tesseract with Chinese data and OpenCV: apt-get install tesseract-ocr "
                "tesseract-ocr-chi-sim libgl1; pip install pytesseract opencv-python rapidocr-onnxruntime")
NUMBER = re.compile(r"^-?\d+(\.\d+)?%?$")
DIGITS = re.compile(r"\d+")
WORD_CHARS = re.compile(r"[\u4e00-\u9fff\d]")  # a line PP-OCR reads as fewer of these is a speck


def needs_ocr(page) -> bool:
    """A page with (almost) no text characters but an image covering much of it."""
    if len([c for c in page.chars if c.get("text", "").strip()]) > 10:
        return False
    area = float(page.width) * float(page.height)
    covered = sum((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) for i in page.images)
    return covered > 0.3 * area


def _modules():
    try:
        from pipeline.ingest import ocr_image, ocr_read, ocr_rec  # noqa: F401 (ocr_rec: see _cross_check)
    except ImportError as e:  # cv2, numpy, pytesseract or rapidocr missing
        raise RuntimeError(INSTALL_HINT) from e
    return ocr_image, ocr_read


def read_page(page, page_no: int) -> tuple[list[Block], list[Finding]]:
    """Blocks (title lines, then the table) and findings of one image-only page."""
    img, rd = _modules()
    grey = img.render_grey(page, DPI)
    angle = img.skew_angle(grey)
    if abs(angle) >= 0.05:
        grey = img.rotate(grey, angle)
    scale = float(page.width) / grey.shape[1]  # pixels -> PDF points
    min_h = max(DPI // 25, 6)  # smallest ink worth reading: about 2 points
    ink = img.binarise(grey)
    horiz, vert = img.ruling_masks(ink)
    grid = img.find_grid(horiz, vert)
    findings = [Finding(code="ocr-page", severity="info", stage="ingest",
                        message=f"page {page_no} has no text layer: read by OCR (deskewed {angle:.2f}°)",
                        prov=Provenance(page=page_no), data={"angle": round(angle, 2)})]
    top = grid.ys[0] if grid else grey.shape[0]
    lines = _line_images(img, grey, ink[:max(top - min_h // 2, 0)], min_h)
    cells = _cell_images(img, grey, img.erase_rules(ink, horiz, vert), grid, min_h) if grid else {}
    readings, taken, doubted = _read_cells(rd, grid, cells, [im for _, im in lines])
    blocks = _line_blocks([(b, readings.pop(("line", i))) for i, (b, _) in enumerate(lines)], scale, page_no)
    low = []
    if grid:
        table, low = _table_block(grid, readings, scale, page_no)
        blocks.append(table)
    findings += _cell_findings(page_no, low, taken, doubted)
    return blocks, findings


def _cell_findings(page_no: int, low: list, taken: dict, doubted: dict) -> list[Finding]:
    """Cells read with low confidence; cells and lines the two readers read differently (both
    readings); cells and lines whose reading came from PP-OCR (with Tesseract's)."""
    out, at = [], Provenance(page=page_no)
    if low:
        out.append(Finding(code="ocr-low-confidence", severity="warning", stage="ingest", prov=at,
                           message=f"page {page_no}: {len(low)} table cell(s) read with confidence "
                                   f"< {LOW_CONFIDENCE:g}: " + ", ".join(f"{rc} {t!r}" for rc, t in low[:8]),
                           data={"cells": [rc for rc, _ in low[:50]]}))
    if doubted:
        out.append(Finding(code="ocr-readers-disagree", severity="warning", stage="ingest", prov=at,
                           message=f"page {page_no}: {len(doubted)} cell(s) or line(s) read differently by "
                                   "PP-OCR, Tesseract's reading kept: "
                                   + ", ".join(f"{_where(k)} {a.text!r} or {b.text!r}" for k, (a, b) in _ordered(doubted)[:8]),
                           data={"cells": _both(doubted)}))
    if taken:
        out.append(Finding(code="ocr-second-reader", severity="info", stage="ingest", prov=at,
                           message=f"page {page_no}: {len(taken)} cell(s) or line(s) read as PP-OCR reads them: "
                                   + ", ".join(f"{_where(k)} {a.text!r}->{b.text!r}" for k, (a, b) in _ordered(taken)[:8]),
                           data={"cells": _both(taken)}))
    return out


def _ordered(pairs: dict) -> list:
    """Lines of text (above the table) first, then cells by row and column."""
    return sorted(pairs.items(), key=lambda kv: (0, kv[0][1], 0) if kv[0][0] == "line" else (1, *kv[0]))


def _where(key) -> str:
    return f"line {key[1] + 1}" if key[0] == "line" else str(key)


def _both(pairs: dict) -> list[dict]:
    return [{("line" if k[0] == "line" else "cell"): (k[1] + 1 if k[0] == "line" else list(k)),
             "tesseract": a.text, "tesseract_confidence": a.confidence,
             "ppocr": b.text, "ppocr_confidence": b.confidence} for k, (a, b) in _ordered(pairs)[:50]]


def _line_images(img, grey, ink, min_h: int) -> list:
    """(box, image) of each line of text in `ink` (the page above the table)."""
    out = []
    for x0, y0, x1, y1 in img.text_lines(ink, min_h):
        mask = ink[y0:y1, x0:x1]
        out.append(((x0, y0, x1, y1), img.to_text_height(img.masked_grey(grey, mask, (x0, y0)), mask, min_h, TEXT_HEIGHT)))
    return out


def _cell_images(img, grey, clean, grid, min_h: int) -> dict:
    """Each merged cell's clean image by its origin; None for a blank cell."""
    out = {}
    for r, row in enumerate(grid.origins):
        for c, o in enumerate(row):
            if o == (r, c):
                cut = img.clean_cell(clean, grid.box(o), min_h)
                out[o] = None if cut is None else img.to_text_height(img.masked_grey(grey, *cut), cut[0], min_h, TEXT_HEIGHT)
    return out


def header_depth(grid) -> int:
    """Header rows: as many as the top-left (stub) cell is tall, else one."""
    return 1 + max((r for r, row in enumerate(grid.origins) if row[0] == (0, 0)), default=0)


def _read_cells(rd, grid, cells: dict, line_images: list) -> tuple[dict, dict, dict]:
    """Readings by cell origin (and by ("line", i) for text lines): Chinese for all, digits where numeric,
    then cross-checked by a second reader (see _cross_check)."""
    keys = [("line", i) for i in range(len(line_images))] + [o for o, im in cells.items() if im is not None]
    images = dict(zip(keys, line_images)) | {o: im for o, im in cells.items() if im is not None}
    depth = header_depth(grid) if grid else 0
    body = [k for k in keys if k[0] != "line" and k[0] >= depth]
    text = dict(zip(keys, rd.read_images([images[k] for k in keys], rd.TEXT)))
    digits = dict(zip(body, rd.read_images([images[k] for k in body], rd.DIGITS)))
    numeric_cols = _numeric_columns(text, digits)
    chosen = {k: _choose(text[k], digits.get(k), k[0] != "line" and k[1] in numeric_cols) for k in keys}
    retry = [k for k in keys if (chosen[k].confidence or 0) < LOW_CONFIDENCE]
    votes = {k: [chosen[k]] for k in retry}
    for how in (rd.TEXT, rd.DIGITS):
        ks = [k for k in retry if (how is rd.DIGITS) == (k in digits and k[1] in numeric_cols and k[0] != "line")]
        for scale in RETRY_SCALES:
            for k, again in zip(ks, rd.read_images([images[k] for k in ks], how, scale=scale)):
                votes[k].append(again)
    readings = chosen | {k: _majority(v) for k, v in votes.items()} | {o: rd.NOTHING for o, im in cells.items() if im is None}
    return _cross_check(readings, images, numeric_cols, depth)


def _cross_check(readings: dict, images: dict, numeric_cols: set[int], depth: int) -> tuple[dict, dict, dict]:
    """Every read table cell and line of text read again by PP-OCR (ocr_rec), another model.

    Both agree (width and white space aside): the more confident score stands. They differ:
    - a text cell takes PP-OCR's reading when PP-OCR is sure (>= SECOND_READER_ACCEPT), or, of a
      cell of several lines, the lines PP-OCR is sure of (a speck can spoil one line's score);
    - a number only when Tesseract was unsure of it and PP-OCR reads a number, because two
      confident readers that disagree on a number are a question for a person, not a guess;
    - a line of text when PP-OCR is sure and Tesseract was unsure or read other digits (509%
      for 50%: OCR takes % for 9), PP-OCR being the better reader of running text;
    otherwise Tesseract's reading stays with the lower of the two scores, reported as doubtful
    (a line only when the digits differ: a goal's number is at stake).
    Returns (readings, taken, doubted), the last two {key: (Tesseract's, PP-OCR's reading)}."""
    from pipeline.ingest import ocr_rec

    keys = [k for k, r in readings.items() if r.text]
    out, taken, doubted = dict(readings), {}, {}

    def numeric_cell(key) -> bool:
        return key[0] != "line" and key[0] >= depth and key[1] in numeric_cols

    for k, again in zip(keys, ocr_rec.read_images([images[k] for k in keys])):
        first = readings[k]
        if not again.text:
            continue  # no second opinion
        if _same_text(first.text, again.text):
            out[k] = max(first, again, key=lambda r: r.confidence or 0)
            continue
        sure = (again.confidence or 0) >= SECOND_READER_ACCEPT
        unsure = (first.confidence or 0) < LOW_CONFIDENCE
        if k[0] == "line":
            other_digits = DIGITS.findall(first.text) != DIGITS.findall(again.text)
            take = sure and (unsure or other_digits) and len(WORD_CHARS.findall(again.text)) >= 2
            doubt = not take and other_digits
        else:
            take = sure and (not numeric_cell(k) or (unsure and NUMBER.match(again.text)))
            doubt = not take
        if not take and not numeric_cell(k) and (merged := _line_by_line(first, again)) is not None:
            take, again = True, merged  # a sure line of a multi-line cell, the other lines Tesseract's
        if take:
            out[k], taken[k] = again, (first, again)
        elif doubt:
            low = min(first.confidence or 0, again.confidence or 0)
            out[k] = replace(first, confidence=low, mean=None if first.mean is None else min(first.mean, low))
            doubted[k] = (first, again)
    return out, taken, doubted


def _line_by_line(first, again):
    """A multi-line text cell PP-OCR is not sure of as a whole (a speck read on one line): the
    lines it is sure of, where Tesseract read the same number of lines, and Tesseract's others.
    None when that changes nothing."""
    mine = first.text.split("\n")
    if len(mine) < 2 or len(mine) != len(again.lines):
        return None
    picked = [(t, s) if s >= SECOND_READER_ACCEPT else (m, min(s, first.confidence or 0))
              for m, (t, s) in zip(mine, again.lines)]
    if all(_same_text(m, t) for m, (t, _) in zip(mine, picked)):
        return None
    scores = [s for _, s in picked]
    return replace(again, text="\n".join(t for t, _ in picked), confidence=round(min(scores), 1),
                   mean=round(sum(scores) / len(scores), 1), lines=())


def _same_text(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", "".join(a.split())) == unicodedata.normalize("NFKC", "".join(b.split()))


def _majority(readings: list):
    """The text read most often (whitespace aside); among equals, the most confident reading."""
    count: dict[str, int] = {}
    for r in readings:
        key = "".join(r.text.split())
        count[key] = count.get(key, 0) + (1 if key else 0)
    return max(readings, key=lambda r: (count["".join(r.text.split())], r.confidence or -1))


def _looks_numeric(text, digits) -> bool:
    return (digits.confidence or 0) >= LOW_CONFIDENCE and bool(NUMBER.match(digits.text)) and (
        any(ch.isdigit() for ch in text.text) or (text.confidence or 0) < LOW_CONFIDENCE)


def _numeric_columns(text: dict, digits: dict) -> set[int]:
    """Columns where at least half the read body cells look like numbers."""
    votes: dict[int, list[bool]] = {}
    for (r, c), d in digits.items():
        votes.setdefault(c, []).append(_looks_numeric(text[(r, c)], d))
    return {c for c, v in votes.items() if sum(v) * 2 >= len(v)}


def _choose(text, digits, numeric: bool):
    """In a numeric column the digits reading, unless Chinese was read with more confidence."""
    if not numeric or digits is None:
        return text
    if any("\u4e00" <= ch <= "\u9fff" for ch in text.text) and text.better_than(digits):
        return text
    return digits


def _table_block(grid, readings: dict, scale: float, page_no: int):
    n_c = len(grid.xs) - 1
    boxes = {o: tuple(round(v * scale, 2) for v in grid.box(o)) for o in readings if o[0] != "line"}
    rows = [[GridCell(text=readings[o].text, origin=o, bbox=boxes[o], confidence=readings[o].confidence)
             for o in (row[c] for c in range(n_c))] for row in grid.origins]
    table = TableGrid(rows=rows, pages=[page_no], ruled=True, ocr=True)
    confs = [readings[o].confidence for o in boxes if readings[o].confidence is not None]
    low = sorted((o, readings[o].text) for o in boxes
                 if readings[o].confidence is not None and readings[o].confidence < LOW_CONFIDENCE)
    bbox = (grid.xs[0] * scale, grid.ys[0] * scale, grid.xs[-1] * scale, grid.ys[-1] * scale)
    block = Block(id=-1, kind="table", text=table.plain_text(), grid=table,
                  prov=Provenance(page=page_no, bbox=tuple(round(v, 2) for v in bbox)),
                  confidence=round(sum(confs) / len(confs), 1) if confs else None)
    return block, low


def _line_blocks(lines: list, scale: float, page_no: int) -> list[Block]:
    """Text lines above the table as blocks: the first, when centred, a level-1 heading; then
    paragraphs, a line that runs to the right margin without ending a sentence going on in the
    next (lines kept apart by "\n" in the raw text, as the text reader keeps them); noise skipped."""
    kept = []
    for box, reading in lines:
        text = reading.text.replace("\n", "")
        if not text or (reading.mean or 0) < NOISE_CONFIDENCE:
            log.info("page %d: OCR noise line skipped (confidence %s): %s", page_no, reading.mean, text)
            continue
        kept.append((box, text, reading.mean))
    if not kept:
        return []
    left = min(b[0] for b, _, _ in kept)
    width = max(b[2] for b, _, _ in kept) - left
    long_ends = sorted(b[2] for b, _, _ in kept if b[2] - b[0] > 0.6 * width)
    right = long_ends[len(long_ends) // 2]  # the text's right margin: a justified line ends near it
    first = kept[0][0]
    heading = _centred(first, left, right, first[3] - first[1])  # a title above a table, a letter's 版头
    paragraphs: list[list] = []
    for i, (box, text, mean) in enumerate(kept):
        char = box[3] - box[1]  # a line's height is about one character's width
        if i > int(heading) and _runs_on(paragraphs[-1][-1], right, char) and box[0] <= left + char / 2:
            paragraphs[-1].append((box, text, mean))
        else:
            paragraphs.append([(box, text, mean)])
    blocks = []
    for para in paragraphs:
        boxes = [b for b, _, _ in para]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        top = heading and not blocks
        blocks.append(Block(id=-1, kind="heading" if top else "paragraph", level=1 if top else None,
                            text="\n".join(t for _, t, _ in para),
                            confidence=round(sum(m for _, _, m in para) / len(para), 1),
                            prov=Provenance(page=page_no, bbox=tuple(round(v * scale, 2) for v in bbox))))
    return blocks


def _centred(box, left: int, right: int, char: float) -> bool:
    return box[0] > left + 2 * char and abs((box[0] - left) - (right - box[2])) < 2 * char


def _runs_on(line, right: int, char: float) -> bool:
    """A line wrapped by the page: it ends near the right margin (a number or word too long for
    the rest of the line wraps early) and does not end a sentence."""
    box, text, _ = line
    return box[2] >= right - 2.5 * char and not text.rstrip().endswith(("。", "！", "？", "：", ":"))
