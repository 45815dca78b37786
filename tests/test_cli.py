"""The CLI: help, version, extract, and every command documented in the README."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from pipeline import __version__
from pipeline.cli import main

from .conftest import BAD, RAW, ROOT


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.strip() == f"acftu, version {__version__}"
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "extract", "export", "schema"):
        assert command in result.output


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, name
        assert re.search(rf"^acftu {name}\b", readme, re.M), f"`acftu {name}` is not in the README"


def test_extract_prints_the_json_of_one_file():
    result = CliRunner().invoke(main, ["extract", str(RAW / "zz-2021-action-plans.docx")])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["source"]["name"] == "zz-2021-action-plans.docx"


def test_extract_of_a_broken_file_is_one_clean_line():
    result = CliRunner().invoke(main, ["extract", str(BAD / "random-bytes.pdf")])
    assert result.exit_code == 1
    assert result.output.strip().endswith("random-bytes.pdf: not a PDF (no %PDF- header)")
    assert "Traceback" not in result.output


def test_run_skips_unchanged_files(tmp_path):
    args = ["run", str(RAW / "zz-2021-action-plans.docx"), "--out", str(tmp_path), "--db",
            f"sqlite:///{tmp_path / 'n.db'}"]
    assert "1 done, 0 unchanged" in CliRunner().invoke(main, args).output
    assert "0 done, 1 unchanged" in CliRunner().invoke(main, args).output
    assert "1 done, 0 unchanged" in CliRunner().invoke(main, args + ["--force"]).output


def test_db_takes_a_file_path_and_refuses_a_bad_url(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    notice = str(RAW / "zz-2021-action-plans.docx")
    ok = CliRunner().invoke(main, ["run", notice, "--out", str(tmp_path), "--db", str(tmp_path / "db" / "n.sqlite")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "db" / "n.sqlite").stat().st_size > 0
    bad = CliRunner().invoke(main, ["run", notice, "--out", str(tmp_path), "--db", "postgresql://:bad:port"])
    assert bad.exit_code == 2 and "not a database URL" in bad.output
