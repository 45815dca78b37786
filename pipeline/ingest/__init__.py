"""Ingest: one reader per format, each `read(path) -> RawDocument` with ordered blocks.

The extension picks the reader; the content's magic bytes overrule a wrong extension
(with a finding), so a PDF renamed to .docx is still read as the PDF it is.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import UnsupportedFormatError
from pipeline.ingest import doc, docx, html, pdf, txt
from pipeline.ingest.sniff import check_zip, sniff
from pipeline.model import Finding, RawDocument

READERS = {
    ".pdf": pdf.read,
    ".docx": docx.read,
    ".doc": doc.read,
    ".wps": doc.read,
    ".html": html.read,
    ".htm": html.read,
    ".txt": txt.read,
}
# what each format's content looks like to sniff()
CONTENT = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".wps": "doc",
           ".html": "html", ".htm": "html", ".txt": "txt"}
BY_CONTENT = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc", "html": ".html"}


def supported(path: Path) -> bool:
    return Path(path).suffix.lower() in READERS


def ingest(path) -> RawDocument:
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in READERS:
        raise UnsupportedFormatError(path, f"unsupported file type {ext or '(none)'}")
    found = sniff(path)
    findings = []
    # text-like formats are not sniffed against each other: a .txt may hold HTML-looking text
    if found != CONTENT[ext] and found in BY_CONTENT and CONTENT[ext] not in ("txt",):
        findings.append(Finding(code="wrong-extension", severity="warning", stage="ingest",
                                message=f"content is {found.upper()}, not {ext[1:].upper()}: read as {found.upper()}",
                                data={"extension": ext, "content": found}))
        ext = BY_CONTENT[found]
    if ext in (".docx",):
        check_zip(path)
    raw = READERS[ext](path)
    raw.findings[:0] = findings
    return raw
