"""Character classes the normalisers share."""
from __future__ import annotations


def is_cjk(ch: str) -> bool:
    """A Han character (BMP blocks and the supplementary ideographic plane)."""
    if not ch:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF or o == 0x3007)


def is_cjk_punct(ch: str) -> bool:
    """Chinese punctuation and full-width forms that sit between CJK characters without spaces."""
    if not ch:
        return False
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—·《》〈〉「」『』【】")


def is_private_use(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or 0xF0000 <= o <= 0x10FFFF


def is_wide(ch: str) -> bool:
    """Characters next to which a space carries no meaning in Chinese text."""
    return is_cjk(ch) or is_cjk_punct(ch) or is_private_use(ch)
