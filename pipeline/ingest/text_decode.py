"""Bytes of Chinese text to str: BOMs, UTF-8, GB18030 (GBK and its user-defined area), Big5, UTF-16.

charset-normalizer does the detection; two rules of this field sit on top of it: a charset
the page declares is honoured when it decodes strictly, and GBK/GB2312 and Big5 are read as
their supersets (GB18030, Big5-HKSCS), so user-defined glyphs such as U+E004 survive.
"""
from __future__ import annotations

from charset_normalizer import from_bytes

SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb-2312": "gb18030", "cp936": "gb18030",
             "euc-cn": "gb18030", "big5": "big5hkscs", "big-5": "big5hkscs", "cp950": "big5hkscs",
             "x-x-big5": "big5hkscs"}


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding). `declared` (an HTML meta charset) is tried first; a BOM overrules it."""
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        enc = _superset(declared)
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: detect instead
    best = from_bytes(data).best()
    if best is not None:
        enc = _superset(best.encoding)
        try:
            return data.decode(enc).removeprefix("\ufeff"), enc  # a UTF-8 BOM is not text
        except UnicodeDecodeError:
            return str(best), best.encoding
    # nothing decodes: GB18030 with replacement characters, which normalize reports as garbled
    return data.decode("gb18030", errors="replace"), "gb18030"


def _superset(name: str) -> str:
    n = name.strip().lower().replace("_", "-")
    return SUPERSETS.get(n, n)
