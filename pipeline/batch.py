"""A batch over many files: each file alone, so one broken file never stops the rest.

Each file has a key: its path inside the folder named (2023/通知.pdf), or its name when the
file itself is named. The key names its JSON (KEY.json) and its database rows, so files of the
same name in different folders never overwrite each other.

Incremental: a file whose sha256 is in the database, extracted by this pipeline version, with
its JSON in place, is skipped unless `force` is set; a new version re-extracts everything.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from pipeline import __version__
from pipeline.errors import DocumentLoadError, StageError
from pipeline.export import Database, json_path, write_json
from pipeline.ingest import supported
from pipeline.runner import process

log = logging.getLogger(__name__)


@dataclass
class Failure:
    path: Path
    stage: str
    code: str
    message: str


@dataclass
class Summary:
    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    findings: int = 0
    errors: int = 0  # findings of severity "error" in documents that were extracted


def collect(paths: Iterable) -> list[tuple[Path, str]]:
    """(file, key) of the files named, and of the supported files under folders named, in a stable order."""
    found: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += [(f, f.relative_to(p).as_posix()) for f in sorted(p.rglob("*"))
                      if f.is_file() and supported(f) and not f.name.startswith(".")]
        else:
            found.append((p, p.name))
    return found


def run_batch(jobs: Iterable[tuple[Path, str]], out_dir: Path, db: Optional[Database] = None, force: bool = False,
              on_file: Optional[Callable[[Path, str], None]] = None) -> Summary:
    """Extract every (file, key) of `jobs`, as collect() gives them: run_batch(collect(["raw/"]), …)."""
    summary = Summary()
    for path, key in jobs:
        status = _one(path, key, Path(out_dir), db, force, summary)
        if on_file:
            on_file(path, status)
    return summary


def _one(path: Path, key: str, out_dir: Path, db: Optional[Database], force: bool, summary: Summary) -> str:
    sha = _sha256(path)
    if not force and db is not None and sha and db.processed_as(key) == (sha, __version__) \
            and json_path(out_dir, key).exists():
        summary.skipped.append(path)
        return "skipped"
    try:
        notice = process(path)
    except (DocumentLoadError, StageError) as e:
        stage = getattr(e, "stage", "ingest")
        code = getattr(e, "code", "stage-error")
        message = getattr(e, "reason", None) or str(e.cause if isinstance(e, StageError) else e)
        summary.failed.append(Failure(path, stage, code, message))
        log.error("%s: %s (%s)", path, message, code)
        if db is not None:
            db.write_failure(key, str(path), stage, code, message, sha256=sha)
        return "failed"
    write_json(notice, out_dir, key)
    if db is not None:
        db.write(notice, key)
    summary.done.append(path)
    summary.findings += len(notice.findings)
    summary.errors += sum(f.severity == "error" for f in notice.findings)
    return "done"


def _sha256(path: Path) -> Optional[str]:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
