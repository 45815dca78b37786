"""Legacy Word .doc/.wps reader: LibreOffice converts to .docx, the .docx reader reads it."""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import MissingToolError


def read(path: Path):
    raise MissingToolError(path, "legacy .doc needs LibreOffice (apt-get install libreoffice-writer-nogui)")
