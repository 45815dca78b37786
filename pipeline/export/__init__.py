"""Export: JSON per input, a relational database (SQLite, PostgreSQL), Parquet or CSV."""
from pipeline.export.database import Database
from pipeline.export.frames import export_tables
from pipeline.export.json_file import json_path, notice_json, write_json

__all__ = ["Database", "export_tables", "json_path", "notice_json", "write_json"]
