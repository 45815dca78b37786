"""Open a PDF with pdfplumber, turning its many failure modes into clear load errors."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1

from pipeline.errors import DamagedFileError, EmptyFileError, EncryptedError, NotThisFormatError
from pipeline.model import Finding


def open_pdf(path: Path) -> pdfplumber.PDF:
    path = Path(path)
    if path.stat().st_size == 0:
        raise EmptyFileError(path, "empty file (0 bytes)")
    with open(path, "rb") as f:
        if b"%PDF-" not in f.read(1024):
            raise NotThisFormatError(path, "not a PDF (no %PDF- header)")
    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # noqa: B018  (forces the page tree to be read now, inside the guard)
        return pdf
    except Exception as e:  # pdfplumber wraps pdfminer's errors in its own
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, PDFPasswordIncorrect) or _has_encrypt(path):
            raise EncryptedError(path, "encrypted, password required") from e
        text = str(cause) or type(cause).__name__
        if "recursion" in text:
            raise DamagedFileError(path, "malformed PDF: objects nested too deep to read") from e
        raise DamagedFileError(path, f"damaged or truncated PDF: {text}") from e


def _has_encrypt(path: Path) -> bool:
    with open(path, "rb") as f:
        return b"/Encrypt" in f.read()


def page_tree_findings(pdf: pdfplumber.PDF) -> list[Finding]:
    """Walk /Pages and report a node that is its own ancestor (pdfminer skips it silently)."""
    findings: list[Finding] = []
    try:
        root = resolve1(pdf.doc.catalog.get("Pages"))
    except Exception:  # noqa: BLE001  (a tree we cannot walk is already reported by open_pdf)
        return findings
    stack = [(root, ())]
    while stack:
        node, ancestors = stack.pop()
        node_id = id(node)
        if node_id in ancestors:
            findings.append(Finding(code="page-tree-cycle", severity="warning", stage="ingest",
                                    message="the /Pages tree loops back on itself; the pages outside the loop were read"))
            break
        if isinstance(node, dict) and node.get("Kids") is not None:
            for kid in resolve1(node.get("Kids")) or []:
                stack.append((resolve1(kid), ancestors + (node_id,)))
    return findings
