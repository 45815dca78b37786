"""Image-only scan of a two-page allocation table (200 dpi, grey, ~0.7° skew, specks): OCR to a grid.

Cells checked by hand against the printed page; the total row is the table's own check sum.
"""
from pathlib import Path

import pytest

from pipeline.ingest import ocr, pdf

SCAN = Path(__file__).parent / "data" / "scan" / "pds-2021-work-points-table-scan.pdf"


@pytest.fixture(scope="module")
def doc():
    return pdf.read(SCAN)


@pytest.fixture(scope="module")
def grids(doc):
    return [b.grid for b in doc.blocks if b.kind == "table"]


def values(grid, r):
    return [c.text for c in grid.rows[r][1:]]


def test_pages_read_by_ocr(doc, grids):
    assert doc.source.ocr_pages == [1, 2]
    assert [g.pages for g in grids] == [[1], [2]]
    assert all(g.ocr and g.ruled for g in grids)


def test_title_above_the_table(doc):
    assert "2021年全市工会劳动经济工作重点任务分解表" in [b.text for b in doc.blocks if b.kind != "table"]


def test_merged_header_repeated_in_each_slot(grids):
    g = grids[0]
    assert (g.n_rows, g.n_cols) == (18, 10)
    assert [c.origin for c in g.rows[0][1:4]] == [(0, 1)] * 3
    assert {c.text for c in g.rows[0][1:4]} == {"建功新时代主力军行动"}
    assert g.rows[1][0].origin == (0, 0)  # the split 单位/项目 stub covers two rows; its diagonal is not text
    assert g.rows[0][0].text.replace("\n", "") == "单位项目"


def test_body_cells(grids):
    p1, p2 = grids
    assert values(p1, 3) == ["4", "3", "4", "100", "10", "3", "10", "2", "80"]  # 舞钢市
    assert values(p1, 14) == ["2", "1", "0.5", "10", "1", "1", "5", "1", "20"]  # 工交工会
    assert p2.rows[3][0].text == "平煤神马集团"
    assert values(p2, 3) == ["22", "5", "19", "30", "3", "2", "10", "2", "50"]
    assert values(p2, 11)[2] == "0.1"  # 热力集团: a decimal point is not a speck


def test_blank_cells_stay_blank(grids):
    p2 = grids[1]
    assert values(p2, 5) == ["2", "", "1", "10", "1", "", "5", "1", "30"]  # 舞钢公司
    assert p2.rows[5][2].confidence is None


def test_total_row(grids):
    p2 = grids[1]
    assert p2.rows[14][0].text.replace(" ", "") == "合计"
    assert values(p2, 14) == ["70", "35", "70", "800", "90", "30", "145", "35", "900"]


def test_cells_carry_confidence_and_doubt_is_reported(doc, grids):
    for page_no, g in enumerate(grids, start=1):
        cells = [(r, c, cell) for r, row in enumerate(g.rows) for c, cell in enumerate(row)]
        assert all((cell.confidence is None) == (cell.text == "") for _, _, cell in cells)
        assert all(cell.bbox is not None for _, _, cell in cells)
        low = {(r, c) for r, c, cell in cells
               if cell.origin == (r, c) and cell.confidence is not None and cell.confidence < ocr.LOW_CONFIDENCE}
        reported = [f for f in doc.findings if f.code == "ocr-low-confidence" and f.prov.page == page_no]
        assert low == {tuple(rc) for f in reported for rc in f.data["cells"]}


def test_place_name_outside_tesseracts_charset(doc, grids):
    """郏 is not in Debian's chi_sim: Tesseract reads a look-alike with low confidence, and the
    second reader (PP-OCR) reads it; the finding keeps Tesseract's reading beside it."""
    assert grids[0].rows[4][0].text == "郏县"
    taken = [c for f in doc.findings if f.code == "ocr-second-reader" and f.prov.page == 1 for c in f.data["cells"]]
    assert {"cell": [4, 0], "ppocr": "郏县"}.items() <= next(c for c in taken if c["cell"] == [4, 0]).items()
