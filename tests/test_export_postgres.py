"""The same export into a real PostgreSQL server (a throwaway cluster on loopback).

Skipped where PostgreSQL's server binaries are not installed, unless ACFTU_REQUIRE_PG=1
(CI sets it, so there the test runs or fails).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.export import Database
from pipeline.export.database import cells, documents

from .test_export_database import small_notice


def _pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url():
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("ACFTU_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL server binaries not found (apt-get install postgresql)")
        pytest.skip("PostgreSQL server not installed")
    pytest.importorskip("psycopg")
    # not under pytest's tmp folder: the postgres user must be able to reach it
    data = Path(tempfile.mkdtemp(prefix="acftu-pg-")) / "data"
    as_user = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(data.parent, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(as_user + [f"{bindir}/initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(data.parent / "log"), "-o",
                              f"-p {port} -h 127.0.0.1 -k {data.parent}", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        time.sleep(0.2)
        shutil.rmtree(data.parent, ignore_errors=True)


def test_postgres_holds_the_same_rows_as_sqlite(pg_url, tmp_path):
    lite = Database(f"sqlite:///{tmp_path / 'n.db'}")
    pg = Database(pg_url)
    for db in (lite, pg):
        db.write(small_notice())
        db.write(small_notice())  # a re-run replaces, never duplicates

    def dump(db):
        with db.engine.connect() as c:
            return (c.execute(select(documents.c.name, documents.c.title)).all(),
                    c.execute(select(cells.c.row_name, cells.c.column_name, cells.c.unit, cells.c.value)
                              .order_by(cells.c.row, cells.c.col)).all())

    assert dump(pg) == dump(lite)
    assert dump(pg)[1][1] == ("郏县", "安康杯", "万人", 0.5)
