"""A batch over many files: each file alone, so one broken file never stops the rest.

Incremental: a file whose sha256 is already in the database with an extracted JSON beside
it is skipped unless `force` is set.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

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


def collect(paths: Iterable) -> list[Path]:
    """Files named, and the supported files under folders named, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and supported(f) and not f.name.startswith("."))
        else:
            found.append(p)
    return found


def run_batch(paths: Iterable, out_dir: Path, db: Optional[Database] = None, force: bool = False,
              on_file: Optional[Callable[[Path, str], None]] = None) -> Summary:
    summary = Summary()
    for path in collect(paths):
        status = _one(path, Path(out_dir), db, force, summary)
        if on_file:
            on_file(path, status)
    return summary


def _one(path: Path, out_dir: Path, db: Optional[Database], force: bool, summary: Summary) -> str:
    sha = _sha256(path)
    if not force and db is not None and sha and db.sha256_of(path.name) == sha \
            and json_path(out_dir, path.name).exists():
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
            db.write_failure(path.name, str(path), stage, code, message, sha256=sha)
        return "failed"
    write_json(notice, out_dir)
    if db is not None:
        db.write(notice)
    summary.done.append(path)
    summary.findings += len(notice.findings)
    summary.errors += sum(f.severity == "error" for f in notice.findings)
    return "done"


def _sha256(path: Path) -> Optional[str]:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
