"""Legacy .doc through LibreOffice: the source identity is the original's."""
import hashlib
import shutil
from pathlib import Path

import pytest

from pipeline.errors import MissingToolError
from pipeline.ingest import doc

DOC = Path(__file__).parent / "data" / "doc" / "pds-2011-2015-competition-plan.doc"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_doc_read_keeps_original_identity():
    raw = doc.read(DOC)
    assert raw.source.format == "doc" and raw.source.name == DOC.name
    assert raw.source.sha256 == hashlib.sha256(DOC.read_bytes()).hexdigest()
    assert any("劳动竞赛规划" in b.text for b in raw.blocks)


def test_missing_soffice_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    with pytest.raises(MissingToolError, match="apt-get install"):
        doc.read(DOC)
