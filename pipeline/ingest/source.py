"""Identity of a source file, shared by every reader."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import SourceInfo


def source_info(path: Path, fmt: str, **extra) -> SourceInfo:
    data = Path(path).read_bytes()
    return SourceInfo(name=Path(path).name, sha256=hashlib.sha256(data).hexdigest(),
                      format=fmt, bytes=len(data), **extra)
