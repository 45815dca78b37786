"""Bytes of Chinese text to str: BOMs, UTF-8, GB18030 (GBK and its user-defined area), Big5, UTF-16.

A strict decode that succeeds is not proof (GBK bytes often decode as Big5 and back), so
candidates are ranked by how much of the result is common Chinese.
"""
from __future__ import annotations

import codecs
from functools import lru_cache

BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
CANDIDATES = ["utf-8", "gb18030", "big5hkscs"]

# the most frequent simplified characters of Chinese text (and, converted, their traditional forms)
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从"
    "业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又"
    "么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位"
    "入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放"
    "决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受"
    "联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离"
    "华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复"
    "容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号"
    "率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红"
    "细引听该铁价严龙飞，。、：；“”（）")


@lru_cache(maxsize=1)
def _common() -> frozenset:
    try:
        import opencc

        traditional = opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED)
    except ImportError:  # ranking still works on simplified text
        traditional = ""
    return frozenset(_COMMON_SIMPLIFIED + traditional)


def _common_share(text: str) -> float:
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not wide:
        return 1.0
    common = _common()
    return sum(c in common for c in wide) / len(wide)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range characters leave every other byte zero."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even0 = sample[0::2].count(0) / (len(sample) / 2)
    odd0 = sample[1::2].count(0) / (len(sample) / 2)
    if odd0 > 0.3 and even0 < 0.05:
        return "utf-16-le"
    if even0 > 0.3 and odd0 < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding). `declared` (an HTML meta charset) is tried first; a BOM overrules it."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if (enc := _looks_utf16(data)) is not None:
        return data.decode(enc, errors="replace"), enc
    tried: list[tuple[float, str, str]] = []
    order = ([_canonical(declared)] if declared else []) + CANDIDATES
    for i, enc in enumerate(dict.fromkeys(order)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc in ("utf-8",) or (declared and i == 0 and _common_share(text) > 0.3):
            return text, enc  # UTF-8 that decodes strictly is UTF-8; a declared charset that reads well is kept
        tried.append((_common_share(text), enc, text))
    if tried:
        _, enc, text = max(tried, key=lambda t: t[0])
        return text, enc
    # nothing decodes strictly: GB18030 with replacement characters, which normalize reports
    return data.decode("gb18030", errors="replace"), "gb18030"


def _canonical(name: str) -> str:
    """Charset labels as web pages write them; GB2312 and GBK pages are read as their superset."""
    n = name.strip().lower().replace("_", "-")
    if n in ("gb2312", "gbk", "x-gbk", "gb-2312", "cp936", "euc-cn"):
        return "gb18030"
    if n in ("big5", "big-5", "cp950", "x-x-big5"):
        return "big5hkscs"
    return n
