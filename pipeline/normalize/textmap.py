"""Mapped text: normalised characters that each remember the raw index they came from.

Every normalising step turns one MappedText into another, so `norm_map` stays right however
many characters a step removes or a phrase conversion adds.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field


@dataclass
class MappedText:
    chars: list[str] = field(default_factory=list)
    src: list[int] = field(default_factory=list)  # src[i]: raw index of chars[i]

    @classmethod
    def from_raw(cls, text: str) -> "MappedText":
        return cls(list(text), list(range(len(text))))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def keep(self, indices) -> "MappedText":
        """Only the characters at `indices` (in order)."""
        return MappedText([self.chars[i] for i in indices], [self.src[i] for i in indices])

    def replace_chars(self, new: list[str]) -> "MappedText":
        """Same length, new characters, same map."""
        assert len(new) == len(self.chars)
        return MappedText(list(new), list(self.src))

    def converted(self, new_text: str) -> "MappedText":
        """The result of a converter that may change length: align old and new, carry the map."""
        old_text = self.text
        if len(new_text) == len(old_text):
            return MappedText(list(new_text), list(self.src))
        out_src: list[int] = []
        matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(j2 - j1):
                if tag == "equal" or (i2 - i1) == (j2 - j1):
                    out_src.append(self.src[i1 + k])
                elif i2 > i1:  # a phrase of another length: spread its characters over the old ones
                    out_src.append(self.src[i1 + min(i2 - i1 - 1, k * (i2 - i1) // (j2 - j1))])
                else:  # pure insertion: point at the character before it
                    out_src.append(self.src[i1 - 1] if i1 > 0 else (self.src[0] if self.src else 0))
        return MappedText(list(new_text), out_src)
