"""A second OCR reader, PP-OCRv4 text recognition, to cross-check Tesseract's table cells.

Debian's chi_sim model lacks rarer characters of place names (郏 in 郏县, for one) and reads
them as look-alikes with low confidence. PP-OCRv4's recogniser (from the rapidocr-onnxruntime
wheel, which carries the model, run by onnxruntime) knows 6,600 characters. It reads one line
of text per image, so a cell is cut into its lines of ink first. Only recognition is used: the
table's own grid already says where the text is.

A reading's confidence is its weakest line's score, scaled to 0..100 like Tesseract's.
"""
from __future__ import annotations

import functools
from pathlib import Path

import cv2
import rapidocr_onnxruntime
from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer

from pipeline.ingest.ocr_read import NOTHING, Reading, ink_lines

LINE_PAD = 4  # pixels of white kept above and below a line cut from a cell
# The recogniser pads every image to at least this width: most cells are a short number, and
# padding them to the model's usual 320 costs time for nothing (same readings on the scans).
MIN_WIDTH = 160


@functools.lru_cache(maxsize=1)
def _recogniser() -> TextRecognizer:
    model = Path(rapidocr_onnxruntime.__file__).parent / "models" / "ch_PP-OCRv4_rec_infer.onnx"
    return TextRecognizer({"model_path": str(model), "rec_img_shape": [3, 48, MIN_WIDTH], "rec_batch_num": 6,
                           "intra_op_num_threads": -1, "inter_op_num_threads": -1,
                           "use_cuda": False, "use_dml": False})


def read_images(images: list) -> list[Reading]:
    """One Reading per grey image (dark text on white), its lines joined by "\\n"."""
    if not images:
        return []
    lines = [_line_images(im) for im in images]
    flat = [cv2.cvtColor(line, cv2.COLOR_GRAY2BGR) for ls in lines for line in ls]
    results, _ = _recogniser()(flat)
    out, i = [], 0
    for ls in lines:
        read = results[i:i + len(ls)]
        i += len(ls)
        texts = [t.strip() for t, _ in read]
        if not all(texts):  # a line of ink read as nothing: no opinion on this image
            out.append(NOTHING)
            continue
        scores = [100 * float(s) for _, s in read]
        out.append(Reading("\n".join(texts), round(min(scores), 1), round(sum(scores) / len(scores), 1),
                           lines=tuple(zip(texts, (round(v, 1) for v in scores)))))
    return out


def _line_images(image) -> list:
    """The image cut at its white rows into lines of text (the whole image when it has one)."""
    bands = ink_lines(image)
    if len(bands) <= 1:
        return [image]
    h = image.shape[0]
    return [image[max(a - LINE_PAD, 0):min(b + LINE_PAD, h)] for a, b in bands]
