"""Inline pinyin annotations that reposting sites add after characters: 區(qū) -> 區.

An annotation is a parenthesised lowercase syllable with a tone mark right after a Han
character (or the mojibake one became), possibly across a line break (執\n(zhí)). A syllable without a tone mark is left
alone: (a) or (de) may be the text's own.
"""
from __future__ import annotations

import re

from pipeline.normalize.chars import is_cjk
from pipeline.normalize.textmap import MappedText

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"[a-zü{TONED}]{{0,6}}[{TONED}][a-zü{TONED}]{{0,6}}"
ANNOTATION = re.compile(rf"\s*[(（]{_SYLLABLE}[)）]")


def _annotatable(ch: str) -> bool:
    """Han characters, and the mojibake a Han character became (▍^(qū)): anything but ASCII text."""
    return bool(ch) and (is_cjk(ch) or (ord(ch) > 0x7F and not ch.isspace()) or ch in "^`")


def strip_pinyin(mt: MappedText, after_cjk: bool = False) -> tuple[MappedText, int]:
    """Remove annotations that follow a Han character. `after_cjk` says the previous block
    ended with one, so an annotation at this block's very start belongs to it."""
    text = mt.text
    drop: set[int] = set()
    count = 0
    for m in ANNOTATION.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if _annotatable(before) or (m.start() == 0 and after_cjk):
            drop.update(range(m.start(), m.end()))
            count += 1
    if not count:
        return mt, 0
    return mt.keep([i for i in range(len(text)) if i not in drop]), count
