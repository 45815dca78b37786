"""Table cell accuracy: this pipeline against plain table extractors, on the corpus PDFs and DOCX.

    .venv/bin/python bench/tables.py [--shared ../shared] [-v]

The alternatives (pdfplumber extract_tables, PyMuPDF find_tables, Camelot lattice and stream,
python-docx) return raw grids; each grid is read the plain way (first row = header, first
column = row name, a cell is a number or null, a 合计/总计 row is the total) and scored with
the shared scorer's own matching (eval/score.py, imported by path). A missing library is
skipped with a note.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NUMBER = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?$")
TOTAL = re.compile(r"^(合计|总计|共计|总分)$")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("acftu_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plain_table(grid: list[list]) -> dict:
    """A raw grid read the plain way, in the scorer's table shape."""
    cells = [[re.sub(r"\s+", "", str(c or "")) for c in row] for row in grid if row]
    if not cells:
        return {"columns": [], "rows": []}
    head, body = cells[0], cells[1:]
    columns = [{"name": h, "unit": None, "group": None} for h in head[1:]]
    rows, total = [], None
    for row in body:
        values = [(float(c.replace(",", "")) if NUMBER.match(c) else None) for c in row[1:]]
        if TOTAL.match(row[0]):
            total = {"label": row[0], "values": values}
        else:
            rows.append({"name": row[0], "values": values})
    return {"columns": columns, "rows": rows, "total": total}


# ---------------------------------------------------------------- extractors: path -> list of raw grids

def ours(path: Path) -> list[dict]:
    from pipeline.runner import process
    notice = process(path)
    return [json.loads(t.model_dump_json()) for t in notice.tables]


def pdfplumber_default(path: Path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return [g for page in pdf.pages for g in page.extract_tables()]


def pymupdf_find_tables(path: Path):
    import pymupdf
    with pymupdf.open(path) as doc:
        return [t.extract() for page in doc for t in page.find_tables().tables]


def camelot_flavor(flavor: str):
    def run(path: Path):
        import camelot
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = camelot.read_pdf(str(path), pages="all", flavor=flavor)
        return [t.df.values.tolist() for t in tables]
    return run


def python_docx_plain(path: Path):
    import docx
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


EXTRACTORS = {
    "acftu-pipeline": (ours, {".pdf", ".docx"}),
    "pdfplumber extract_tables": (pdfplumber_default, {".pdf"}),
    "PyMuPDF find_tables": (pymupdf_find_tables, {".pdf"}),
    "Camelot lattice": (camelot_flavor("lattice"), {".pdf"}),
    "Camelot stream": (camelot_flavor("stream"), {".pdf"}),
    "python-docx rows": (python_docx_plain, {".docx"}),
}


def corpus_files(corpus: Path, truth_dir: Path) -> list[tuple[Path, Path]]:
    out = []
    for truth in sorted(truth_dir.glob("*.json")):
        if not json.loads(truth.read_text(encoding="utf-8")).get("tables"):
            continue
        for f in sorted(corpus.glob(truth.stem + ".*")):
            if f.suffix in (".pdf", ".docx") and f.is_file():
                out.append((f, truth))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding eval/ and corpus/")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each file's score")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    scorer = load_scorer(a.shared)
    files = corpus_files(a.shared / "corpus", a.shared / "corpus" / "truth")
    print(f"{'extractor':28} {'format':6} {'cells':>8} {'units':>8}  files")
    for name, (extract, formats) in EXTRACTORS.items():
        for fmt in sorted({f.suffix for f, _ in files} & formats):
            totals = dict.fromkeys(["cells_ok", "cells_total", "units_ok", "units_total"], 0)
            done = 0
            for path, truth_path in files:
                if path.suffix != fmt:
                    continue
                try:
                    found = extract(path)
                except ImportError as e:
                    print(f"{name:28} {fmt:6} skipped: {e}")
                    break
                except Exception as e:  # noqa: BLE001  (one extractor's failure is its score)
                    print(f"{name:28} {fmt:6} {path.name}: failed: {e}")
                    found = []
                tables = [t if isinstance(t, dict) else plain_table(t) for t in found]
                truth = json.loads(truth_path.read_text(encoding="utf-8"))
                out = dict.fromkeys(totals, 0)
                used: set[int] = set()
                for tt in truth["tables"]:
                    scorer.score_table(tt, tables, out, False, path.name, used)
                for k in totals:
                    totals[k] += out[k]
                done += 1
                if a.verbose:
                    print(f"    {path.name}: cells {scorer.pct(out['cells_ok'], out['cells_total']):.1f}%")
            else:
                print(f"{name:28} {fmt:6} {scorer.pct(totals['cells_ok'], totals['cells_total']):7.1f}% "
                      f"{scorer.pct(totals['units_ok'], totals['units_total']):7.1f}%  {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
