"""PDF characters to text lines and the lines' geometry (a line never crosses a column gutter)."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Line:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    bold: bool
    chars: list = field(default_factory=list, repr=False)

    @property
    def width(self) -> float:
        return self.x1 - self.x0


BOLD_FONTS = ("bold", "heavy", "black", "hei", "gothic", "semibold", "demi")


def _font(fontname: str) -> str:
    """The font's name without its subset tag (BAAAAA+WenQuanYiZenHei -> wenquanyizenhei)."""
    return fontname.split("+", 1)[-1].lower()


def _is_bold(fontname: str, body_font: str = "") -> bool:
    """A heavy-looking font (…Bold, 黑体 …Hei, Gothic) other than the body's own font: in a
    text set in 黑体 throughout, 黑体 is the body, not emphasis."""
    name = _font(fontname)
    return name != body_font and any(k in name for k in BOLD_FONTS)


def body_font(chars: list[dict]) -> str:
    """The font carrying most characters at the most common size (subset tag dropped)."""
    sizes: dict[float, int] = {}
    for c in chars:
        sizes[round(c["size"], 1)] = sizes.get(round(c["size"], 1), 0) + 1
    if not sizes:
        return ""
    size = max(sizes, key=sizes.get)
    fonts: dict[str, int] = {}
    for c in chars:
        if round(c["size"], 1) == size:
            name = _font(c.get("fontname", ""))
            fonts[name] = fonts.get(name, 0) + 1
    return max(fonts, key=fonts.get)


def _inside(c, boxes) -> bool:
    cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


def chars_to_lines(chars: list[dict], exclude=()) -> list[Line]:
    """Group characters on a shared baseline, split where the gap is wider than a character."""
    chars = [c for c in chars if c.get("text") and not c["text"].isspace() and not _inside(c, exclude)
             and c.get("upright", True)]
    body = body_font(chars)
    rows: list[list[dict]] = []
    anchor = None  # a row's first baseline: comparing with it (not the last char) stops rows chaining
    for c in sorted(chars, key=lambda c: c["bottom"]):
        if rows and c["bottom"] - anchor <= 0.3 * c["size"]:
            rows[-1].append(c)
        else:
            rows.append([c])
            anchor = c["bottom"]
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        run = [row[0]]
        for c in row[1:]:
            gap = c["x0"] - run[-1]["x1"]
            if gap > 0.45 * max(c["size"], run[-1]["size"]):  # tight gutters: 5pt after hanging punctuation
                lines.append(_make_line(run, body))
                run = [c]
            else:
                if gap > 0.25 * c["size"] and _ascii(run[-1]) and _ascii(c):
                    run.append({"text": " ", "x0": run[-1]["x1"], "x1": c["x0"], "top": c["top"],
                                "bottom": c["bottom"], "size": c["size"], "fontname": c["fontname"]})
                run.append(c)
        lines.append(_make_line(run, body))
    return lines


def _ascii(c) -> bool:
    return c["text"].isascii() and c["text"].isalnum()


def _make_line(run: list[dict], body: str = "") -> Line:
    real = [c for c in run if not c["text"].isspace()]
    sizes = [round(c["size"], 1) for c in real]
    size = statistics.mode(sizes)
    bold = sum(_is_bold(c.get("fontname", ""), body) for c in real) > len(real) / 2
    return Line(x0=min(c["x0"] for c in run), top=min(c["top"] for c in run), x1=max(c["x1"] for c in run),
                bottom=max(c["bottom"] for c in run), text="".join(c["text"] for c in run),
                size=size, bold=bold, chars=real)


def body_size(lines: list[Line]) -> float:
    """The font size that carries most characters."""
    weights: dict[float, int] = {}
    for l in lines:
        weights[l.size] = weights.get(l.size, 0) + len(l.text)
    return max(weights, key=weights.get) if weights else 10.0


def merge_row_pieces(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line (split at wide gaps) back into one line, within a column."""
    out: list[Line] = []
    for l in sorted(lines, key=lambda l: (l.bottom, l.x0)):
        prev = out[-1] if out else None
        if prev and abs(prev.bottom - l.bottom) <= 0.3 * l.size and l.x0 >= prev.x1 - 1:
            sep = " " if l.x0 - prev.x1 > 0.2 * l.size and prev.text[-1:].isascii() and l.text[:1].isascii() else ""
            out[-1] = Line(x0=prev.x0, top=min(prev.top, l.top), x1=l.x1, bottom=max(prev.bottom, l.bottom),
                           text=prev.text + sep + l.text, size=prev.size if len(prev.text) >= len(l.text) else l.size,
                           bold=prev.bold and l.bold, chars=prev.chars + l.chars)
        else:
            out.append(l)
    return sorted(out, key=lambda l: (l.top, l.x0))
