"""Read many small images (table cells, text lines) with a few Tesseract runs.

Starting Tesseract and loading chi_sim costs more than reading one cell, so images are stacked
one above the other with white space between, read in one run per chunk (chunks in parallel,
one per core), and each word goes back to the image whose band holds its centre. Lines inside
one image are kept apart with "\\n", as the PDF text layer keeps a cell's lines.

A reading's confidence is its weakest word's (Tesseract's 0..100): one doubtful character
makes the whole cell doubtful.
"""
from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pass:
    """One way of reading: Tesseract language and options."""

    lang: str
    config: str


TEXT = Pass("chi_sim", "--psm 6")
DIGITS = Pass("eng", "--psm 6 -c tessedit_char_whitelist=0123456789.-%")


@dataclass(frozen=True)
class Reading:
    text: str
    confidence: float | None  # weakest word, 0..100; None when nothing was read
    mean: float | None = None  # mean over the words
    lines: tuple = ()  # (text, score) of each line, where the reader scores lines (PP-OCR)

    def better_than(self, other: "Reading") -> bool:
        return (self.confidence or -1) > (other.confidence or -1)


NOTHING = Reading("", None)


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def read_images(images: list, how: Pass, scale: float = 1.0, gap: int = 40, max_height: int = 8000) -> list[Reading]:
    """One Reading per grey image (dark text on white), in order."""
    if not images:
        return []
    if scale != 1.0:
        images = [cv2.resize(im, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC) for im in images]
    gap = int(gap * scale)
    chunks = _chunks([im.shape[0] + gap for im in images], workers(), max_height)
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        parts = pool.map(lambda ch: _read_stack(images[ch[0]:ch[1]], how, gap), chunks)
        return [r for part in parts for r in part]


def _chunks(heights: list[int], n: int, max_height: int) -> list[tuple[int, int]]:
    """Split consecutive items into at least n runs of similar total height, each under max_height."""
    target = min(max(sum(heights) / n, 1), max_height)
    out, start, acc = [], 0, 0
    for i, h in enumerate(heights):
        if acc and acc + h > target:
            out.append((start, i))
            start, acc = i, 0
        acc += h
    out.append((start, len(heights)))
    return out


def _read_stack(images: list, how: Pass, gap: int) -> list[Reading]:
    pad = gap
    width = max(im.shape[1] for im in images) + 2 * pad
    height = sum(im.shape[0] for im in images) + gap * (len(images) - 1) + 2 * pad
    canvas = np.full((height, width), 255, np.uint8)
    bands, y = [], pad
    for im in images:
        h, w = im.shape
        canvas[y:y + h, pad:pad + w] = im
        bands.append((y - gap / 2, y + h + gap / 2))
        y += h + gap
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's own threads only fight ours
    try:
        data = pytesseract.image_to_data(canvas, lang=how.lang, config=how.config, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as e:
        from pipeline.ingest.ocr import INSTALL_HINT
        raise RuntimeError(INSTALL_HINT) from e
    words: list[list[tuple]] = [[] for _ in images]
    starts = [b[0] for b in bands]
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not text.strip() or conf < 0:
            continue
        cy = data["top"][i] + data["height"][i] / 2
        k = int(np.searchsorted(starts, cy, side="right")) - 1
        if 0 <= k < len(images) and cy <= bands[k][1]:
            line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            words[k].append((line, data["left"][i], text.strip(), conf, cy - bands[k][0] - gap / 2))
    return [_reading(ws, ink_lines(im)) for ws, im in zip(words, images)]


def ink_lines(image, min_rows: int = 8) -> list[tuple[int, int]]:
    """Row ranges of an image that hold ink: its lines of text."""
    rows = list((image < 128).any(axis=1)) + [False]
    out, start = [], None
    for y, on in enumerate(rows):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= min_rows:
                out.append((start, y))
            start = None
    return out


def _reading(words: list[tuple], bands: list[tuple[int, int]]) -> Reading:
    """Words to text, lines apart; a line of ink with no word read makes the reading worthless (0)."""
    if not words:
        return NOTHING
    missed = any(not any(a - 4 <= w[4] <= b + 4 for w in words) for a, b in bands)
    lines: dict[tuple, list] = {}
    for line, left, text, conf, _ in words:
        lines.setdefault(line, []).append((left, text))
    text = "\n".join("".join(t for _, t in sorted(ws)) for _, ws in sorted(lines.items()))
    confs = [w[3] for w in words]
    return Reading(text, 0.0 if missed else round(min(confs), 1), round(sum(confs) / len(confs), 1))
