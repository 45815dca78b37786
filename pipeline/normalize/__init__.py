"""Normalize: fill every block's normalised text (simplified, clean) and keep the raw text.

Per block, in order (each step carries the norm -> raw map, see textmap):
  1. strip inline pinyin annotations (區(qū) -> 區), also across a line or block break
  2. OpenCC t2s
  3. full-width digits/letters/% to ASCII; Chinese punctuation kept
  4. white space: none inside CJK text, one space between ASCII words
Unreadable runs are kept and reported (garbled-text, private-use-char); the document's
script (simplified/traditional/mixed) is set from its raw characters.
"""
from __future__ import annotations

from pipeline.model import Block, Finding, Provenance, RawDocument
from pipeline.normalize.chars import is_cjk
from pipeline.normalize.garbled import unreadable_findings
from pipeline.normalize.pinyin import strip_pinyin
from pipeline.normalize.script import count_script_chars, detect_script, to_simplified
from pipeline.normalize.spacing import collapse_space, to_halfwidth
from pipeline.normalize.textmap import MappedText


def normalize_text(text: str, after_cjk: bool = False) -> tuple[str, list[int], int]:
    """(normalised text, norm -> raw index map, pinyin annotations removed)."""
    mt, n_pinyin = strip_pinyin(MappedText.from_raw(text), after_cjk)
    mt = collapse_space(to_halfwidth(to_simplified(mt)))
    return mt.text, mt.src, n_pinyin


def normalize(raw: RawDocument) -> RawDocument:
    findings: list[Finding] = []
    texts: list[tuple[str, Provenance]] = []  # normalised texts with their places, checked for garbling
    trad = simp = 0
    pinyin_blocks: dict[int, int] = {}
    prev_ends_cjk = False
    for b in raw.blocks:
        t, s = count_script_chars(b.text)
        trad, simp = trad + t, simp + s
        b.norm, b.norm_map, n = normalize_text(b.text, after_cjk=prev_ends_cjk)
        if n:
            pinyin_blocks[b.id] = n
        texts.append((b.norm, Provenance(block=b.id, page=b.prov.page)))
        if b.grid is not None:
            texts += _normalize_grid(b)
        stripped = b.text.rstrip()
        prev_ends_cjk = bool(stripped) and is_cjk(stripped[-1]) and b.kind in ("paragraph", "heading")
    raw.script = detect_script(trad, simp)
    if pinyin_blocks:
        total = sum(pinyin_blocks.values())
        findings.insert(0, Finding(code="pinyin-removed", severity="info", stage="normalize",
                                   message=f"{total} inline pinyin annotations removed from {len(pinyin_blocks)} blocks "
                                           "(raw text keeps them)",
                                   data={"count": total, "blocks": sorted(pinyin_blocks)}))
    raw.findings += findings + unreadable_findings(texts)
    return raw


def _normalize_grid(block: Block) -> list[tuple[str, Provenance]]:
    """Normalise every cell; return each merged cell's text once, with its grid place."""
    texts = []
    for r, row in enumerate(block.grid.rows):
        for c, cell in enumerate(row):
            cell.norm = normalize_text(cell.text)[0]
            if cell.origin == (r, c):
                texts.append((cell.norm, Provenance(block=block.id, page=block.prov.page, row=r, col=c)))
    return texts
