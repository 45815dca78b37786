"""OCR building blocks on hand-made images: cutting a cell clean, stacking, choosing a reading."""
import numpy as np

from pipeline.ingest import ocr, ocr_image, ocr_read
from pipeline.ingest.ocr_read import Reading


def cell_with(*rects):
    """A 120x300 ink mask (255 = ink) with filled rectangles (x0, y0, x1, y1)."""
    ink = np.zeros((120, 300), np.uint8)
    for x0, y0, x1, y1 in rects:
        ink[y0:y1, x0:x1] = 255
    return ink


def test_speck_dropped_decimal_point_kept():
    digit, point, digit2 = (100, 40, 118, 72), (122, 66, 128, 72), (132, 40, 150, 72)
    speck_far, speck_near = (20, 10, 23, 13), (160, 50, 163, 53)
    mask, (x, y) = ocr_image.clean_cell(cell_with(digit, point, digit2, speck_far, speck_near), (0, 0, 300, 120), 12)
    assert (x, y) == (100, 40)
    assert mask.shape == (32, 50)
    assert mask[28, 24] == 255  # the point
    assert mask.sum() == 255 * (18 * 32 * 2 + 6 * 6)


def test_brackets_are_not_rule_remnants():
    """（家） after a column name: a bracket is as tall and thin as a leftover of a vertical rule,
    but it stands inside the cell, not against its side."""
    word, bracket, remnant = (40, 30, 100, 90), (110, 20, 116, 100), (3, 5, 7, 115)
    mask, (x, _) = ocr_image.clean_cell(cell_with(word, bracket, remnant), (0, 0, 300, 120), 12)
    assert x == 40 and mask.shape[1] == 116 - 40  # the bracket kept, the remnant at the side dropped


def test_diagonal_and_blank():
    ink = np.zeros((120, 300), np.uint8)
    for i in range(110):  # a split-cell diagonal from bottom left to top right
        ink[115 - i, 10 + 2 * i:13 + 2 * i] = 255
    assert ocr_image.clean_cell(ink, (0, 0, 300, 120), 12) is None
    ink[20:50, 20:50] = 255
    mask, at = ocr_image.clean_cell(ink, (0, 0, 300, 120), 12)
    assert mask.shape == (30, 30) and at == (20, 20)


def test_rule_positions_and_merged_cells():
    h, w = 400, 600
    horiz, vert = np.zeros((h, w), np.uint8), np.zeros((h, w), np.uint8)
    for y in (10, 100, 200, 390):
        horiz[y - 1:y + 2, 10:590] = 255
    horiz[99:102, 10:300] = 0  # no rule under the top-left cell: it spans two rows
    for x in (10, 300, 590):
        vert[10:390, x - 1:x + 2] = 255
    grid = ocr_image.find_grid(horiz, vert)
    assert (grid.ys, grid.xs) == ([10, 100, 200, 390], [10, 300, 590])
    assert grid.origins == [[(0, 0), (0, 1)], [(0, 0), (1, 1)], [(2, 0), (2, 1)]]
    assert grid.box((0, 0)) == (10, 10, 300, 200)
    assert ocr.header_depth(grid) == 2


def test_a_rule_under_a_heading_is_no_table():
    """A letter's page: the red rule under the 发文字号, and long strokes of the title's large
    characters that look like short vertical rules. No rule divides them: one box, no table."""
    h, w = 400, 600
    horiz, vert = np.zeros((h, w), np.uint8), np.zeros((h, w), np.uint8)
    horiz[99:102, 20:580] = 255
    horiz[299:302, 150:450] = 255
    for x in (160, 260, 440):
        vert[110:200, x - 1:x + 2] = 255
    assert ocr_image.find_grid(horiz, vert) is None


def test_chunks_cover_all_items_in_order():
    chunks = ocr_read._chunks([100] * 10, 2, 8000)
    assert chunks == [(0, 5), (5, 10)]
    assert ocr_read._chunks([3000] * 5, 1, 8000) == [(0, 2), (2, 4), (4, 5)]


def test_majority_then_confidence():
    a, b, c = Reading("汝州市", 52.0), Reading("涩州市", 70.0), Reading("汝州市", 68.0)
    assert ocr._majority([a, b, c]) is c
    assert ocr._majority([Reading("1", 40.0), Reading("7", 45.0), Reading("", None)]).text == "7"


def test_numeric_column_prefers_digits_unless_chinese_is_surer():
    assert ocr._choose(Reading("工", 0.0), Reading("1", 96.0), numeric=True).text == "1"
    assert ocr._choose(Reading("无", 90.0), Reading("7", 30.0), numeric=True).text == "无"
    assert ocr._choose(Reading("汝州市", 90.0), None, numeric=False).text == "汝州市"


def test_second_reader_cross_check(monkeypatch):
    """PP-OCR reads every table cell and line again: agreement stands, a sure text reading replaces
    Tesseract's, two confident readers disagreeing on a number make the cell doubtful; a line
    changes only where Tesseract was unsure or read other digits."""
    from pipeline.ingest import ocr_rec

    first = {(0, 1): Reading("劳模（名）", 70.0), (2, 0): Reading("郊县", 44.0), (2, 1): Reading("10", 96.0),
             (3, 1): Reading("7", 40.0), (4, 0): Reading("叶县", 90.0), (5, 0): Reading("合计", 80.0),
             ("line", 0): Reading("完成全年任务的509%以", 69.0), ("line", 1): Reading("普患服务活动", 80.0),
             ("line", 2): Reading("开展活动150场", 70.0), (6, 1): Reading("", None)}
    second = {(0, 1): Reading("劳模(名)", 99.0), (2, 0): Reading("郏县", 99.9), (2, 1): Reading("18", 99.0),
              (3, 1): Reading("1", 95.0), (4, 0): Reading("叶具", 70.0), (5, 0): Reading("", None),
              ("line", 0): Reading("完成全年任务的50%以", 99.6), ("line", 1): Reading("普惠服务活动", 98.0),
              ("line", 2): Reading("开展活动160场", 80.0)}
    asked = []

    def fake(images):
        asked.extend(images)
        return [second[k] for k in images]
    monkeypatch.setattr(ocr_rec, "read_images", fake)
    images = {k: k for k in first}  # each "image" is its own key
    out, taken, doubted = ocr._cross_check(first, images, numeric_cols={1}, depth=1)
    assert (6, 1) not in asked  # a blank cell is not asked
    assert out[(0, 1)] == Reading("劳模(名)", 99.0)  # the same text but for width: the surer score stands
    assert out[(2, 0)].text == "郏县" and taken[(2, 0)][0].text == "郊县"
    assert out[(2, 1)] == Reading("10", 96.0) and doubted[(2, 1)][1].text == "18"  # never overruled, doubted
    assert out[(3, 1)].text == "1" and (3, 1) in taken  # an unsure number, a sure PP-OCR number
    assert out[(4, 0)] == Reading("叶县", 70.0) and doubted[(4, 0)][1].text == "叶具"  # PP-OCR unsure: doubt
    assert out[(5, 0)] == first[(5, 0)]  # no second opinion changes nothing
    assert out[("line", 0)].text == "完成全年任务的50%以"  # other digits, PP-OCR sure: % read as 9
    assert out[("line", 1)] == first[("line", 1)]  # same digits, Tesseract sure enough: a line keeps its reading
    assert doubted[("line", 2)][1].text == "开展活动160场"  # other digits, PP-OCR unsure: doubt
    assert set(taken) == {(2, 0), (3, 1), ("line", 0)} and set(doubted) == {(2, 1), (4, 0), ("line", 2)}


def test_ocr_lines_become_paragraphs():
    """Lines that run to the right margin without ending a sentence go on in the next line;
    an indented line starts a paragraph; only a centred first line is a heading."""
    def line(x0, x1, y, text):
        return (x0, y, x1, y + 78), Reading(text, 90.0, 90.0)
    page = [line(900, 1600, 400, "桐庐县总工会"),
            line(470, 2130, 600, "为推动全县工会工作高质量发展，经县总工会研究，现将"),
            line(335, 2120, 700, "2024年度基层工会重点工作目标任务下达给你们，请认真抓"),
            line(335, 570, 800, "好落实。"),
            line(465, 1999, 900, "全县全年新建基层工会组织120家，新发展工会会员"),
            line(332, 2135, 1000, "6000人，其中新就业形态劳动者会员不少于1500人。")]
    blocks = ocr._line_blocks(page, 0.24, 1)
    assert [(b.kind, b.text.replace("\n", "")) for b in blocks] == [
        ("heading", "桐庐县总工会"),
        ("paragraph", "为推动全县工会工作高质量发展，经县总工会研究，现将2024年度基层工会重点工作目标任务下达给你们，请认真抓好落实。"),
        ("paragraph", "全县全年新建基层工会组织120家，新发展工会会员6000人，其中新就业形态劳动者会员不少于1500人。")]
    continued = ocr._line_blocks(page[4:], 0.24, 2)  # a page that starts inside the body
    assert [b.kind for b in continued] == ["paragraph"]


def test_a_multi_line_header_takes_the_lines_pp_ocr_is_sure_of():
    first = Reading("乡村振兴劳横出\n彩基地\n(个)", 91.0)
    again = Reading("乡村振兴劳模出\n頭彩基地膚\n（个）", 65.7,
                    lines=(("乡村振兴劳模出", 99.5), ("頭彩基地膚", 65.7), ("（个）", 99.0)))
    merged = ocr._line_by_line(first, again)
    assert merged.text == "乡村振兴劳模出\n彩基地\n（个）" and merged.confidence == 65.7
    same = Reading("乡村振兴劳模出\n彩基地\n(个)", 90.0)
    assert ocr._line_by_line(same, again) is None  # only the doubtful line differs: nothing to take
    assert ocr._line_by_line(Reading("郊县", 44.0), Reading("郏县", 99.0, lines=(("郏县", 99.0),))) is None
