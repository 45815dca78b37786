"""Tell a file's real format from its first bytes, and refuse what must not be opened.

The extension says what a file claims to be; the magic bytes say what it is. Zip containers
(.docx) are checked against size and ratio limits before anything is inflated.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import DamagedFileError, EmptyFileError, NotThisFormatError, TooLargeError

MAX_PART_BYTES = 64 * 1024 * 1024  # a document.xml larger than this is not a notice
MAX_RATIO = 100  # deflate rarely passes 20:1 on real XML; bombs go far beyond

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> str:
    """The format the content shows: pdf, docx (any zip), doc (OLE), html or txt."""
    with open(path, "rb") as f:
        head = f.read(2048)
    if not head:
        raise EmptyFileError(path, "empty file (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    lower = head.lower()
    if b"<html" in lower or b"<!doctype html" in lower:
        return "html"
    return "txt"


def check_zip(path: Path) -> None:
    """Refuse a zip container that is damaged or inflates beyond the limits (zip bombs)."""
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.file_size > MAX_PART_BYTES:
                    raise TooLargeError(path, f"part {info.filename} inflates to {info.file_size:,} bytes "
                                              f"(limit {MAX_PART_BYTES:,}): refused before inflating")
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                    raise TooLargeError(path, f"part {info.filename} has compression ratio "
                                              f"{info.file_size / info.compress_size:.0f}:1 "
                                              f"(limit {MAX_RATIO}:1): refused as a possible zip bomb")
    except zipfile.BadZipFile as e:
        raise DamagedFileError(path, f"not a valid zip container: {e}") from e


def expect(path: Path, claimed: str, found: str) -> None:
    if claimed != found:
        raise NotThisFormatError(path, f"content is {found.upper()}, not {claimed.upper()}")
