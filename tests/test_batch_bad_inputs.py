"""Every broken file gives one clear error on that file; the batch goes on and loses nothing."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline import process
from pipeline.batch import collect, run_batch
from pipeline.cli import main
from pipeline.errors import DocumentLoadError
from pipeline.export import Database
from pipeline.export.database import documents, failures

from .conftest import BAD, DATA, RAW

# file -> (error code, words the message must carry)
REFUSED = {
    "empty.pdf": ("empty-file", "empty file"),
    "truncated.pdf": ("damaged", "truncated"),
    "encrypted.pdf": ("encrypted", "encrypted, password required"),
    "random-bytes.pdf": ("wrong-format", "not a PDF"),
    "corrupt-xml.docx": ("damaged", "XML parse error in word/document.xml"),
    "zip-bomb.docx": ("too-large", "refused before inflating"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_broken_file_is_refused_with_a_clear_reason(name):
    code, words = REFUSED[name]
    with pytest.raises(DocumentLoadError) as err:
        process(BAD / name)
    assert err.value.code == code
    assert words in str(err.value)
    assert name in str(err.value)  # the message names the file


def test_page_tree_cycle_reads_the_real_page_with_a_finding():
    notice = process(BAD / "page-tree-cycle.pdf")
    assert "Page tree with a cycle" in " ".join(b.raw for b in notice.blocks)
    assert [f.code for f in notice.findings if f.code == "page-tree-cycle"] == ["page-tree-cycle"]


def test_deep_nesting_reads_the_page_text_without_the_annotations():
    notice = process(BAD / "deep-nesting.pdf")
    assert "Deeply nested objects" in " ".join(b.raw for b in notice.blocks)


def test_pdf_renamed_docx_is_read_as_pdf_with_a_finding(tmp_path):
    renamed = tmp_path / "notice.docx"
    shutil.copy(BAD / "page-tree-cycle.pdf", renamed)
    notice = process(renamed)
    assert any(f.code == "wrong-extension" and "content is PDF, not DOCX" in f.message for f in notice.findings)
    assert notice.source.format == "pdf"


def test_batch_goes_on_and_keeps_what_was_extracted(tmp_path):
    good = RAW / "zz-2021-action-plans.docx"
    alone = process(good).model_dump(mode="json")
    inputs = tmp_path / "in"
    inputs.mkdir()
    # broken files sorted before and after the good one
    shutil.copy(BAD / "empty.pdf", inputs / "a-empty.pdf")
    shutil.copy(good, inputs / "m-good.docx")
    shutil.copy(BAD / "zip-bomb.docx", inputs / "z-bomb.docx")
    db = Database(f"sqlite:///{tmp_path / 'n.db'}")
    summary = run_batch(collect([inputs]), tmp_path / "out", db)

    assert [p.name for p in summary.done] == ["m-good.docx"]
    assert sorted(f.path.name for f in summary.failed) == ["a-empty.pdf", "z-bomb.docx"]
    written = json.loads((tmp_path / "out" / "m-good.docx.json").read_text(encoding="utf-8"))
    for key in ("doc", "tables", "goals", "schedule", "blocks"):
        assert written[key] == alone[key]
    with db.engine.connect() as c:
        assert c.execute(select(documents.c.name)).scalars().all() == ["m-good.docx"]
        rows = c.execute(select(failures.c.name, failures.c.code)).all()
    assert sorted(rows) == [("a-empty.pdf", "empty-file"), ("z-bomb.docx", "too-large")]


def test_cli_run_reports_each_failure_and_exits_1(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(BAD / "encrypted.pdf", inputs / "encrypted.pdf")
    shutil.copy(BAD / "page-tree-cycle.pdf", inputs / "ok.pdf")
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(tmp_path / "out"),
                                       "--db", f"sqlite:///{tmp_path / 'n.db'}"])
    assert result.exit_code == 1
    assert "encrypted.pdf: encrypted, password required [encrypted, ingest]" in result.output
    assert "1 done, 0 unchanged, 1 failed" in result.output
    assert (tmp_path / "out" / "ok.pdf.json").exists()
    assert not (tmp_path / "out" / "encrypted.pdf.json").exists()


def test_same_name_in_two_folders_and_a_new_version(tmp_path, monkeypatch):
    """Files are keyed by their path inside the folder read: two 通知.txt never overwrite each other.
    An unchanged file is skipped, until the pipeline's version changes."""
    import pipeline.batch as batch

    inputs = tmp_path / "in"
    for year, src in (("2021", "zz-2021-action-plans.txt"), ("2011", "pds-2011-2015-competition-plan.txt")):
        (inputs / year).mkdir(parents=True)
        shutil.copy(DATA / "txt" / src, inputs / year / "通知.txt")
    db = Database(f"sqlite:///{tmp_path / 'n.db'}")
    first = run_batch(collect([inputs]), tmp_path / "out", db)
    assert len(first.done) == 2
    numbers = {k: json.loads((tmp_path / "out" / k / "通知.txt.json").read_text(encoding="utf-8"))["doc"]["doc_number"]
               for k in ("2021", "2011")}
    assert numbers["2021"] == "郑工劳经〔2021〕3号" and numbers["2011"] != numbers["2021"]
    with db.engine.connect() as c:
        assert sorted(c.execute(select(documents.c.name)).scalars()) == ["2011/通知.txt", "2021/通知.txt"]

    assert len(run_batch(collect([inputs]), tmp_path / "out", db).skipped) == 2
    monkeypatch.setattr(batch, "__version__", "99.0")
    assert len(run_batch(collect([inputs]), tmp_path / "out", db).done) == 2
