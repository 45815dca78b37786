"""Full-width ASCII to half-width where it helps numbers, and white space inside CJK text.

Chinese punctuation (，。、（）：；) stays as printed: it carries meaning the later stages read.
"""
from __future__ import annotations

from pipeline.normalize.chars import is_wide
from pipeline.normalize.textmap import MappedText

# full-width forms that become ASCII everywhere; ．and ，only between digits (０．５ -> 0.5)
_ALWAYS = {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
_ALWAYS.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_ALWAYS.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_ALWAYS.update({"％": "%", "＋": "+", "＝": "=", "＜": "<", "＞": ">", "／": "/", "\u3000": " ",
                "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": ""})
_BETWEEN_DIGITS = {"．": ".", "－": "-", "～": "~"}


def to_halfwidth(mt: MappedText) -> MappedText:
    chars = [_ALWAYS.get(c, c) for c in mt.chars]
    for i, c in enumerate(chars):
        if c in _BETWEEN_DIGITS and 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = _BETWEEN_DIGITS[c]
    keep = [i for i, c in enumerate(chars) if c != ""]  # zero-width space goes
    return mt.replace_chars(chars).keep(keep) if len(keep) < len(chars) else mt.replace_chars(chars)


def collapse_space(mt: MappedText) -> MappedText:
    """Trim; drop runs of white space touching a CJK character or punctuation; else one space."""
    chars = mt.chars
    n = len(chars)
    keep: list[int] = []
    replace: set[int] = set()
    i = 0
    while i < n:
        if not chars[i].isspace():
            keep.append(i)
            i += 1
            continue
        j = i
        while j < n and chars[j].isspace():
            j += 1
        before = chars[i - 1] if i > 0 else ""
        after = chars[j] if j < n else ""
        if before and after and not is_wide(before) and not is_wide(after):
            keep.append(i)
            replace.add(i)
        i = j
    out = mt.keep(keep)
    out.chars = [" " if i in replace else c for i, c in zip(keep, out.chars)]
    return out
