"""One JSON file per input, written atomically and deterministically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pipeline.model import Notice


def notice_json(notice: Notice) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def json_path(out_dir: Path, key: str) -> Path:
    """KEY.json under out_dir; a key is a source's name, or its path inside the folder a batch read."""
    return Path(out_dir) / f"{key}.json"


def write_json(notice: Notice, out_dir: Path, key: str | None = None) -> Path:
    """Write KEY.json (NAME.EXT.json by default) through a temporary file and a rename: a crash
    never leaves half a file."""
    target = json_path(out_dir, key or notice.source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(notice_json(notice))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
