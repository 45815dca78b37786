"""The metric of a target: the short noun phrase naming what is counted.

    metric_of(before, after) -> str | None

A count that ends its clause names its thing before it (新建劳模和工匠人才创新工作室35家 ->
劳模和工匠人才创新工作室); one inside the clause names it after (组织800名以上劳模… ->
劳模…). jieba with a small domain dictionary (data/userdict.txt) finds where the noun phrase
stops; it is loaded on first use only.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

log = logging.getLogger(__name__)

USERDICT = Path(__file__).with_name("data") / "userdict.txt"
PUNCT = "，,。；;：:、（）()“”《》 \u3000\n\t"
NOUN_FLAGS = ("n", "nz", "nr", "ns", "nt", "vn", "an", "j", "l", "eng", "m", "q", "b", "a", "f", "s")
LEADING_WORDS = re.compile(r"^(?:每年|全年|年内|其中|力争|计划|将|再|共|实现|保持在|控制在|在|为|使|对|了|等)+")
TRAILING_WORDS = re.compile(r"(?:力争|争取|确保|计划|要|将|再|共|达|实现)+$")
PERIOD_WORDS = re.compile(r"\d{4}\s*年(?:末|底|度)?|[到至]|\d+\s*年内|[一二三四五六七八九十]年内?|每年|全年")
MAX_LEN = 24


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    tok = pseg.POSTokenizer(jieba.Tokenizer())
    tok.tokenizer.load_userdict(str(USERDICT))
    return tok


def _words(text: str) -> list[tuple[str, str]]:
    return [(w.word, w.flag) for w in _tokenizer().cut(text)]


def metric_of(before: str, after: str) -> Optional[str]:
    after = after.lstrip(" \u3000\n")
    inside = bool(after) and after[0] not in PUNCT
    phrase = _noun_run(_words(after)) if inside else ""
    if not inside or len(phrase.strip(PUNCT)) == 1:
        # the count ends its clause, or 百分之百全覆盖: one character (全) names nothing
        phrase = _noun_tail(_words(PERIOD_WORDS.sub("", before)))
    phrase = TRAILING_WORDS.sub("", LEADING_WORDS.sub("", phrase.strip(PUNCT)))
    return phrase[:MAX_LEN] or None


def _noun_run(words: list[tuple[str, str]]) -> str:
    """The noun phrase that opens `words`: nouns, with 和/及/等 inside, up to the first verb."""
    out = []
    for w, flag in words:
        if any(c in PUNCT for c in w):
            break
        if flag.startswith(NOUN_FLAGS) or w in ("和", "及", "等", "的") and out:
            out.append(w)
        else:
            break
    return "".join(out).rstrip("和及的")


def _noun_tail(words: list[tuple[str, str]]) -> str:
    """The noun phrase that closes `words`, leading verbs (新建, 覆盖, 选树) dropped."""
    out: list[str] = []
    for w, flag in reversed(words):
        if any(c in PUNCT for c in w):
            break
        if flag.startswith(NOUN_FLAGS) or flag.startswith(("u", "c")) and out:
            out.insert(0, w)
        elif flag.startswith("v") and not out:
            continue  # 达到 / 覆盖 right before the number
        else:
            break
    return "".join(out).lstrip("和及的等")
