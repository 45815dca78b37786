"""OCR for PDF pages without a text layer (Tesseract, chi_sim)."""
from __future__ import annotations

from pipeline.model import Block, Finding


def needs_ocr(page) -> bool:
    return False


def read_page(page, page_no: int) -> tuple[list[Block], list[Finding]]:
    return [], []
