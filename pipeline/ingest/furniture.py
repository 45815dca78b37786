"""Page furniture every reader recognises the same way: page numbers as printed.

Readers mark such lines `kind="furniture"` (or drop them with a finding); later stages trust
that mark instead of matching text again.
"""
import re

# - 3 -, — 3 —, 3, 第3页, 第3版, 第3页共9页, 3/9
PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^\s*第\s*\d+\s*[页頁版](?:\s*共\s*\d+\s*[页頁])?\s*$"
                         r"|^\s*\d+\s*/\s*\d+\s*$")
