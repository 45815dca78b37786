"""Flat files for analysts: every database table as Parquet or CSV."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.export.database import Database, metadata

FORMATS = ("parquet", "csv")


def export_tables(db: Database, out_dir: Path, fmt: str = "parquet") -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with db.engine.connect() as c:
        for name, table in metadata.tables.items():
            frame = pd.read_sql_table(name, c)
            if "data" in frame:  # JSON column: keep it as text in flat files
                frame["data"] = frame["data"].map(lambda v: None if v is None else str(v))
            path = out_dir / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.to_parquet(path, index=False)
            else:
                frame.to_csv(path, index=False, encoding="utf-8")
            written.append(path)
    return written
