"""The schema file is generated from the model and the output conforms to it."""
from __future__ import annotations

import json

import jsonschema

from pipeline.export import notice_json
from pipeline.schema import schema_text

from .conftest import RAW, ROOT

SCHEMA_FILE = ROOT / "schemas" / "notice.schema.json"


def test_schema_file_is_not_stale():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "schemas/notice.schema.json is stale: run `make schema`"


def test_output_validates_against_the_schema(processed):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for name in ("zz-2021-action-plans.docx", "pds-2021-work-points.pdf"):
        jsonschema.validate(json.loads(notice_json(processed(RAW / name))), schema)


def test_output_carries_its_identity_and_is_deterministic(processed):
    from pipeline import process

    path = RAW / "zz-2021-action-plans.docx"
    data = json.loads(notice_json(processed(path)))
    assert data["schema_version"] == "1.1"
    assert data["source"]["name"] == "zz-2021-action-plans.docx"
    assert data["source"]["format"] == "docx"
    assert len(data["source"]["sha256"]) == 64
    assert notice_json(process(path)) == notice_json(process(path))
