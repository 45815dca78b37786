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

log = logging.getLogger(__name__)

INSTALL_HINT = ("OCR needs Tesseract with Chinese data: apt-get install tesseract-ocr tesseract-ocr-chi-sim; "
                "pip install pytesseract opencv-python-headless")


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

    def better_than(self, other: "Reading") -> bool:
        return (self.confidence or -1) > (other.confidence or -1)


NOTHING = Reading("", None)


def _pytesseract():
    try:
        import pytesseract
    except ImportError as e:
        raise RuntimeError(INSTALL_HINT) from e
    return pytesseract


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
    pytesseract = _pytesseract()
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
    data = pytesseract.image_to_data(canvas, lang=how.lang, config=how.config, output_type=pytesseract.Output.DICT)
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
            words[k].append((line, data["left"][i], text.strip(), conf))
    return [_reading(ws) for ws in words]


def _reading(words: list[tuple]) -> Reading:
    if not words:
        return NOTHING
    lines: dict[tuple, list] = {}
    for line, left, text, conf in words:
        lines.setdefault(line, []).append((left, text))
    text = "\n".join("".join(t for _, t in sorted(ws)) for _, ws in sorted(lines.items()))
    return Reading(text, round(min(w[3] for w in words), 1))
