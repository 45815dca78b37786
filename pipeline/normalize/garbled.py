"""Find unreadable runs: mojibake (?。▍^), U+FFFD, control and private-use characters.

Nothing is removed: the characters stay in the text and each run becomes a finding with its
block and span, so a reader can go back to the source.
"""
from __future__ import annotations

from typing import Iterable

from pipeline.model import Finding, Provenance
from pipeline.normalize.chars import is_cjk_punct, is_private_use, is_wide

MAX_FINDINGS = 50  # garbled runs per document; the rest are counted in one more finding


def _suspect(text: str, i: int) -> bool:
    ch = text[i]
    o = ord(ch)
    if ch == "\ufffd" or 0x2500 <= o <= 0x259F or (o < 0x20 and ch not in "\t\n\r") or 0x7F <= o <= 0x9F:
        return True
    if ch in "?^`":  # an ASCII mark inside Chinese text is a decoding artefact, not punctuation
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        return is_wide(prev) or is_wide(nxt) or ch != "?"
    return False


def garbled_runs(text: str) -> list[tuple[int, int]]:
    """[start, end) runs of suspect characters, with Chinese punctuation between them joined in."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if not _suspect(text, i):
            i += 1
            continue
        j = i + 1
        while j < n and (_suspect(text, j) or (is_cjk_punct(text[j]) and j + 1 < n and _suspect(text, j + 1))):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def private_use_runs(text: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if is_private_use(text[i]):
            j = i
            while j < n and is_private_use(text[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def unreadable_findings(texts: Iterable[tuple[str, Provenance]]) -> list[Finding]:
    """One finding per garbled run (at most MAX_FINDINGS, then a count), and one per private-use
    code point listing every place it stands, for the normalised texts given with their places."""
    garbled: list[Finding] = []
    private: dict[str, list[Provenance]] = {}
    for text, prov in texts:
        for start, end in garbled_runs(text):
            garbled.append(Finding(code="garbled-text", severity="warning", stage="normalize",
                                   message=f"unreadable characters kept as printed: {text[start:end]!r}",
                                   prov=prov.model_copy(update={"span": (start, end)}),
                                   data={"text": text[start:end]}))
        for start, end in private_use_runs(text):
            for ch in text[start:end]:
                private.setdefault(f"U+{ord(ch):04X}", []).append(prov.model_copy(update={"span": (start, end)}))
    out = _capped(garbled)
    for code, places in sorted(private.items()):
        out.append(Finding(code="private-use-char", severity="warning", stage="normalize",
                           message=f"private-use character {code} kept in {len(places)} place(s): no standard meaning",
                           prov=places[0],
                           data={"codepoint": code, "places": [p.model_dump(exclude_none=True) for p in places]}))
    return out


def _capped(findings: list[Finding]) -> list[Finding]:
    if len(findings) <= MAX_FINDINGS:
        return findings
    rest = findings[MAX_FINDINGS:]
    summary = Finding(code="findings-capped", severity="info", stage="normalize",
                      message=f"{len(rest)} more garbled-text findings not listed", data={"count": len(rest)})
    return findings[:MAX_FINDINGS] + [summary]
