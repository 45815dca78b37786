"""Shared fixtures: the sample notices shipped in raw/ and tests/data/."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
DATA = ROOT / "tests" / "data"
BAD = DATA / "bad"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def processed():
    """process() memoised per path: many tests read the same few notices."""
    from pipeline import process

    cache: dict[Path, object] = {}

    def get(path):
        path = Path(path)
        if path not in cache:
            cache[path] = process(path)
        return cache[path]

    return get
