"""The output's JSON Schema, generated from the model (schemas/notice.schema.json)."""
from __future__ import annotations

import json

from pipeline.model import Notice


def schema_text() -> str:
    schema = Notice.model_json_schema()
    schema["$id"] = "https://acftu-pipeline/schemas/notice.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
