"""Page images for OCR: render, deskew, binarise, find the table's rules and cut its cells clean.

Images are numpy arrays in pixels at `dpi`, top-left origin; `ink` masks are 255 where there is
ink. A cell's clean image is its ink with the rules (and any diagonal of a split stub cell)
removed and scan specks dropped, trimmed to the ink with a white margin.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class Grid:
    """Rule positions (pixels) and, per slot, the (row, col) of its merged cell's top-left slot."""

    ys: list[int]
    xs: list[int]
    origins: list[list[tuple[int, int]]]

    def span(self, origin: tuple[int, int]) -> tuple[int, int]:
        """Last (row, col) covered by the merged cell whose top-left slot is `origin`."""
        r1 = max(r for r, row in enumerate(self.origins) for o in row if o == origin)
        c1 = max(c for row in self.origins for c, o in enumerate(row) if o == origin)
        return r1, c1

    def box(self, origin: tuple[int, int]) -> tuple[int, int, int, int]:
        r1, c1 = self.span(origin)
        return self.xs[origin[1]], self.ys[origin[0]], self.xs[c1 + 1], self.ys[r1 + 1]


def render_grey(page, dpi: int):
    """The pdfplumber page rendered at `dpi` as a grey image (pdfium, as pdfplumber renders)."""
    import pypdfium2

    pdf = page.pdf
    if pdf.path:
        src = pdf.path
    else:
        pdf.stream.seek(0)
        src = pdf.stream
    doc = pypdfium2.PdfDocument(src)
    try:
        bitmap = doc[page.page_number - 1].render(scale=dpi / 72, grayscale=True)
        grey = np.array(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        doc.close()
    return grey.reshape(grey.shape[0], grey.shape[1])


def binarise(grey):
    """Ink mask: local threshold, so uneven scan brightness does not matter."""
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def _horizontal_segments(ink, min_len: int):
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (min_len, 1)))


def skew_angle(grey) -> float:
    """Skew in degrees, from the slope of long horizontal rules (or text lines when there are none)."""
    small = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    ink = binarise(small)
    w = ink.shape[1]
    segs = cv2.dilate(_horizontal_segments(ink, max(w // 40, 15)), np.ones((3, 9), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(segs)
    angles, weights = [], []
    for i in range(1, n):
        x, y, cw, ch, _ = stats[i]
        if cw < w // 6 or ch > cw * 0.1:
            continue
        rows, cols = np.nonzero((labels[y:y + ch, x:x + cw] == i) & (ink[y:y + ch, x:x + cw] > 0))
        if len(cols) < cw:
            continue
        slope = np.polyfit(cols, rows, 1)[0]
        angles.append(np.degrees(np.arctan(slope)))
        weights.append(cw)
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cum = np.cumsum(np.array(weights)[order])
    return float(np.array(angles)[order][np.searchsorted(cum, cum[-1] / 2)])  # weighted median


def rotate(grey, angle: float):
    """Rotate by `angle` degrees about the centre, white fill, same size."""
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def ruling_masks(ink):
    """Masks of horizontal and vertical rules (long thin runs of ink), slightly thickened."""
    h, w = ink.shape
    horiz = _horizontal_segments(ink, max(w // 30, 20))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 40, 20))))
    k = np.ones((3, 3), np.uint8)
    return cv2.dilate(horiz, k), cv2.dilate(vert, k)


def _positions(profile, min_share: float, min_gap: int = 12) -> list[int]:
    """Centres of runs where a projection profile exceeds min_share of its maximum."""
    peak = profile.max() if len(profile) else 0
    if peak <= 0:
        return []
    out, start = [], None
    for i, v in enumerate(list(profile) + [0]):
        if v >= min_share * peak and start is None:
            start = i
        elif v < min_share * peak and start is not None:
            centre = (start + i - 1) // 2
            if out and centre - out[-1] < min_gap:
                out[-1] = (out[-1] + centre) // 2
            else:
                out.append(centre)
            start = None
    return out


def _has_rule(mask, fixed: int, lo: int, hi: int, axis: str) -> bool:
    span = mask[max(fixed - 4, 0):fixed + 5, lo:hi] if axis == "h" else mask[lo:hi, max(fixed - 4, 0):fixed + 5]
    if span.size == 0:
        return False
    line = span.max(axis=0) if axis == "h" else span.max(axis=1)
    return (line > 0).mean() > 0.6


def find_grid(horiz, vert) -> Grid | None:
    """The table's slot grid: rule positions, and merged cells where a rule between slots is missing."""
    ys = _positions(horiz.sum(axis=1, dtype=np.int64), 0.12)
    xs = _positions(vert.sum(axis=0, dtype=np.int64), 0.12)
    if len(ys) < 2 or len(xs) < 2:
        return None
    n_r, n_c = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(n_r) for c in range(n_c)}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pad = 6
    for r in range(n_r):
        for c in range(n_c):
            if c + 1 < n_c and not _has_rule(vert, xs[c + 1], ys[r] + pad, ys[r + 1] - pad, "v"):
                union((r, c), (r, c + 1))
            if r + 1 < n_r and not _has_rule(horiz, ys[r + 1], xs[c] + pad, xs[c + 1] - pad, "h"):
                union((r, c), (r + 1, c))
    origins = [[find((r, c)) for c in range(n_c)] for r in range(n_r)]
    if len({o for row in origins for o in row}) < 2:
        return None  # one box is no table: a rule under a heading, strokes of large characters
    return Grid(ys, xs, origins)


def erase_rules(ink, horiz, vert):
    """Ink without the rules (rule masks widened a little to take their grey fringe)."""
    rules = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(ink, cv2.bitwise_not(rules))


def clean_cell(ink, box, min_height: int):
    """A cell's ink trimmed, with its top-left corner in the page: (mask, (x, y)); None when blank.

    A cell is blank when nothing in it is `min_height` pixels tall or wide. Dropped: specks,
    components touching the cell's edge that are long and thin (rule remnants), sparse
    components spanning most of the cell (the diagonal of a split header cell), and small
    marks away from the text (a decimal point or a comma beside the text stays).
    """
    x0, y0, x1, y1 = box
    inset = max(min_height // 4, 2)
    crop = ink[y0 + inset:y1 - inset + 1, x0 + inset:x1 - inset + 1]
    if crop.size == 0:
        return None
    h, w = crop.shape
    edge = inset + 2  # a rule's fringe left after erasing lies this close to the crop's side
    n, labels, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    keep = np.zeros(n, bool)
    for i in range(1, n):
        x, y, cw, ch, area = stats[i]
        if area < (min_height / 3) ** 2:
            continue  # a speck
        if cw > 0.4 * w and ch > 0.4 * h and area < 0.1 * cw * ch:
            continue  # a diagonal
        at_side = x <= edge or x + cw >= w - edge
        at_end = y <= edge or y + ch >= h - edge
        if (cw > 3 * max(ch, 1) and cw > 0.3 * w and at_end) or (ch > 3 * max(cw, 1) and ch > 0.6 * h and at_side):
            continue  # a rule remnant, against the side it came from (a bracket or a 1 is not)
        keep[i] = True
    big = keep & (np.maximum(stats[:, 2], stats[:, 3]) >= min_height)
    if not big.any():
        return None
    b = stats[big]
    bx0, by0 = b[:, 0].min(), b[:, 1].min()
    bx1, by1 = (b[:, 0] + b[:, 2]).max(), (b[:, 1] + b[:, 3]).max()
    reach = min_height
    for i in np.nonzero(keep & ~big)[0]:
        x, y, cw, ch, _ = stats[i]
        cx, cy = x + cw / 2, y + ch / 2
        if not (bx0 - reach <= cx <= bx1 + reach and by0 - reach / 2 <= cy <= by1 + reach / 2):
            keep[i] = False
    mask = np.where(keep[labels], 255, 0).astype(np.uint8)
    ys_, xs_ = np.nonzero(mask)
    top, left = ys_.min(), xs_.min()
    return mask[top:ys_.max() + 1, left:xs_.max() + 1], (int(x0 + inset + left), int(y0 + inset + top))


def text_lines(ink, min_height: int) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of the lines of text in an ink image, specks ignored."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    marks = np.zeros(ink.shape, np.uint8)
    for i in range(1, n):
        x, y, cw, ch, area = stats[i]
        if max(cw, ch) >= min_height / 2 and area >= (min_height / 3) ** 2:
            marks[y:y + ch, x:x + cw] = 255
    rows = marks.max(axis=1) > 0
    boxes, start = [], None
    for y, on in enumerate(list(rows) + [False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= min_height:
                cols = np.nonzero(marks[start:y].max(axis=0))[0]
                boxes.append((int(cols.min()), start, int(cols.max()) + 1, y))
            start = None
    return boxes


def masked_grey(grey, mask, at: tuple[int, int]):
    """The grey pixels under a (slightly widened) ink mask, white elsewhere: clean but antialiased."""
    x, y = at
    h, w = mask.shape
    wide = cv2.dilate(mask, np.ones((3, 3), np.uint8))
    return np.where(wide > 0, grey[y:y + h, x:x + w], 255).astype(np.uint8)


def to_text_height(image, mask, min_height: int, target: int):
    """`image` resized so its lines of text are about `target` pixels tall (Tesseract reads best near 30)."""
    heights = [y1 - y0 for _, y0, _, y1 in text_lines(mask, min_height)]
    if not heights:
        return image
    factor = min(max(target / float(np.median(heights)), 0.25), 3.0)
    if abs(factor - 1) < 0.1:
        return image
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC)
