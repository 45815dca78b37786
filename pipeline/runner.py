"""The orchestrator: one document through the stages, and a batch of them.

    ingest -> normalize -> extract -> validate   (export is the caller's choice)

A stage's failure is re-raised as StageError naming the stage, so a batch can report it on
that file and go on.
"""
from __future__ import annotations

import logging
from pathlib import Path

from pipeline.errors import DocumentLoadError, StageError
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.model import Notice
from pipeline.normalize import normalize
from pipeline.validate import validate

log = logging.getLogger(__name__)

STEPS = [
    ("normalize", normalize),  # OpenCC, artefact repair, white space; raw text kept
    ("extract", extract),      # metadata, outline, tables, goals, schedule
    ("validate", validate),    # sums, text against tables, schema-level checks
]


def process(path) -> Notice:
    """Read one notice and return its validated Notice. Raises DocumentLoadError or StageError."""
    path = Path(path)
    try:
        data = ingest(path)
    except DocumentLoadError:
        raise
    except RecursionError as e:
        raise DocumentLoadError(path, "malformed file: objects nested too deep to read") from e
    except Exception as e:  # noqa: BLE001  (reported per file; the batch goes on)
        raise StageError(path, "ingest", e) from e
    for name, step in STEPS:
        try:
            data = step(data)
        except Exception as e:  # noqa: BLE001
            raise StageError(path, name, e) from e
    return data
