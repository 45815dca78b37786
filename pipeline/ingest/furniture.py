"""Lines every reader recognises the same way: page numbers as printed (page furniture),
and the 成文日期 line under a notice's signature.

Readers mark page numbers `kind="furniture"` (or drop them with a finding); later stages trust
that mark instead of matching text again. A date line is always a block of its own.
"""
import re

# - 3 -, — 3 —, 3, 第3页, 第3版, 第3页共9页, 3/9
PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^\s*第\s*\d+\s*[页頁版](?:\s*共\s*\d+\s*[页頁])?\s*$"
                         r"|^\s*\d+\s*/\s*\d+\s*$")

# A 成文日期 line (2023年3月5日, 二〇二三年三月五日, （2011年10月10日）): a block of its own.
DATE_LINE = re.compile(r"^\s*[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                       r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[）)]?\s*$")
