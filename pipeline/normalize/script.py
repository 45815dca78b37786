"""Traditional -> simplified (OpenCC t2s) with the map kept, and the script's detection."""
from __future__ import annotations

from functools import lru_cache

from pipeline.normalize.chars import is_cjk
from pipeline.normalize.textmap import MappedText


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc  # imported here: plain ASCII work should not need it loaded

    return opencc.OpenCC(config)


def to_simplified(mt: MappedText) -> MappedText:
    text = mt.text
    if not any(is_cjk(c) for c in text):
        return mt
    return mt.converted(_converter("t2s").convert(text))


def count_script_chars(text: str) -> tuple[int, int]:
    """(traditional-only, simplified-only) Han characters in `text`."""
    han = "".join(c for c in text if is_cjk(c))
    if not han:
        return 0, 0
    t2s = _converter("t2s").convert(han)
    s2t = _converter("s2t").convert(han)
    trad = simp = 0
    if len(t2s) == len(han) and len(s2t) == len(han):
        for c, s, t in zip(han, t2s, s2t):
            if s != c:
                trad += 1
            elif t != c:
                simp += 1
    else:  # rare phrase conversions changed the length: count character by character
        for c in han:
            if _converter("t2s").convert(c) != c:
                trad += 1
            elif _converter("s2t").convert(c) != c:
                simp += 1
    return trad, simp


def detect_script(trad: int, simp: int) -> str:
    """Simplified unless traditional-only characters dominate; both in strength is mixed."""
    total = trad + simp
    if total == 0 or trad <= 0.1 * total:
        return "simplified"
    if simp <= 0.1 * total:
        return "traditional"
    return "mixed"
