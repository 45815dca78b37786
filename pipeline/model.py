"""The typed document model shared by all stages, and the output schema's one source.

Conventions, stated once:
- Pages are 1-based. A bbox is (x0, top, x1, bottom) in PDF points with a top-left origin
  (pdfplumber's convention); for OCR pages, the image is scaled to points the same way.
- Word provenance: `paragraph` is the index of the body paragraph in document order,
  `table`/`row`/`col` index tables and their grid. Text files give a 1-based `line`.
- A `span` is a [start, end) character range in the block's normalised text (`Block.norm`);
  `Block.norm_map[i]` is the index in the raw `Block.text` that normalised character i came from.
- Raw fields keep the source's characters; normalised fields are simplified Chinese.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"  # 1.1: Row.group

Number = Union[int, float]
BBox = tuple[float, float, float, float]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Model):
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    paragraph: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    line: Optional[int] = None
    block: Optional[int] = None
    span: Optional[tuple[int, int]] = None


class Finding(_Model):
    """A data problem or a check's outcome. `code` is stable; `severity` says how bad."""

    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    stage: str = ""
    prov: Optional[Provenance] = None
    data: dict = Field(default_factory=dict)


# ---------------------------------------------------------------- ingest output

class GridCell(_Model):
    """One slot of a table grid. A merged cell repeats its text in every slot it covers;
    `origin` is the (row, col) of its top-left slot, so a slot is merged when origin != own."""

    text: str = ""
    norm: Optional[str] = None
    origin: tuple[int, int]
    bbox: Optional[BBox] = None
    confidence: Optional[float] = None  # OCR only, 0..100


class TableGrid(_Model):
    rows: list[list[GridCell]]
    pages: list[int] = Field(default_factory=list)
    ruled: Optional[bool] = None  # PDF: found from ruling lines (True) or text alignment (False)
    ocr: bool = False

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def plain_text(self) -> str:
        """The grid as a table block's text: rows on lines, cells split by tabs, a cell's own
        line breaks as spaces (so every line is one row)."""
        return "\n".join("\t".join(c.text.replace("\n", " ") for c in row) for row in self.rows)

    def texts(self, normalised: bool = True) -> list[list[str]]:
        return [[(c.norm if normalised and c.norm is not None else c.text) for c in r] for r in self.rows]


BlockKind = Literal["heading", "paragraph", "table", "caption", "credit", "furniture"]


class Block(_Model):
    """One ordered piece of the source: a heading, a paragraph, a table, a caption."""

    id: int
    kind: BlockKind
    text: str  # raw, as in the source
    norm: Optional[str] = None  # normalised (filled by normalize)
    norm_map: Optional[list[int]] = None
    prov: Provenance
    grid: Optional[TableGrid] = None
    article: Optional[int] = None  # newspaper pages: which article the block belongs to
    level: Optional[int] = None  # headings: 1 = title or headline
    confidence: Optional[float] = None  # OCR only, mean 0..100
    style: Optional[str] = None  # the source's own style name or a layout hint

    @property
    def ntext(self) -> str:
        return self.norm if self.norm is not None else self.text


class SourceInfo(_Model):
    name: str
    sha256: str
    format: str  # docx, doc, pdf, html, txt
    bytes: int
    pages: Optional[int] = None
    encoding: Optional[str] = None
    ocr_pages: list[int] = Field(default_factory=list)


class RawDocument(_Model):
    """What ingest produces: the source's blocks in reading order, with provenance."""

    source: SourceInfo
    blocks: list[Block]
    findings: list[Finding] = Field(default_factory=list)
    script: Optional[Literal["simplified", "traditional", "mixed"]] = None  # set by normalize


# ---------------------------------------------------------------- extract output

class Column(_Model):
    name: str  # header text without the unit
    unit: Optional[str] = None
    group: Optional[str] = None  # the spanning header above
    raw: str = ""  # header text as printed, levels joined by " / "
    numeric: bool = True


class Row(_Model):
    raw_name: str
    name: str  # canonical: white space removed, simplified
    group: Optional[str] = None  # the category the row falls under: a merged column in front of the
    # labels (县区, 产业) or a section row spanning the table above it (二、产业工会)
    values: list[Optional[Number]]
    cells: list[str] = Field(default_factory=list)  # the cell texts as printed
    ocr_confidence: Optional[list[Optional[float]]] = None
    prov: Optional[Provenance] = None


class Total(_Model):
    label: Optional[str] = None
    values: list[Optional[Number]]
    cells: list[str] = Field(default_factory=list)
    prov: Optional[Provenance] = None


class Table(_Model):
    id: int
    title: Optional[str] = None
    attachment: Optional[str] = None  # 附件1
    section: list[str] = Field(default_factory=list)
    stub: Optional[str] = None  # the top-left header (单位/项目)
    columns: list[Column]
    rows: list[Row]
    total: Optional[Total] = None
    numeric: bool = True
    header_rows: list[list[str]] = Field(default_factory=list)
    blocks: list[int] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)
    ocr: bool = False


class Goal(_Model):
    text: str
    value: Union[Number, list[Number]]
    unit: Optional[str] = None
    comparator: Literal[">=", ">", "<=", "<", "=", "~", "range"]
    metric: Optional[str] = None
    period: Optional[str] = None
    growth: bool = False  # a rate of increase (每年递增5%)
    quantity: str = ""  # the quantity as printed
    section: list[str] = Field(default_factory=list)
    prov: Optional[Provenance] = None


class ScheduleItem(_Model):
    text: str
    start_month: Optional[int] = None
    end_month: Optional[int] = None
    deadline: Optional[str] = None  # MM-DD
    year: Optional[int] = None
    recurrence: Optional[str] = None  # 每月10日前 -> "monthly"
    action: Optional[str] = None
    partners: list[str] = Field(default_factory=list)
    section: list[str] = Field(default_factory=list)
    prov: Optional[Provenance] = None


class Attachment(_Model):
    number: Optional[str] = None
    title: str
    listed: bool = True  # named in the 附件 list
    block: Optional[int] = None  # where its body starts, when found


class DocMeta(_Model):
    title: Optional[str] = None
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[str] = None  # YYYY-MM-DD
    recipients: list[str] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    script: Optional[str] = None
    articles: list[str] = Field(default_factory=list)  # newspaper pages: each article's title


class OutlineNode(_Model):
    level: int
    marker: str  # 一、 （一） 1. （1）
    title: str
    block: int
    path: list[str] = Field(default_factory=list)


class BlockOut(_Model):
    id: int
    kind: str
    raw: str
    text: str
    prov: Provenance
    article: Optional[int] = None
    confidence: Optional[float] = None


class Notice(_Model):
    """The pipeline's output for one source file."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str
    source: SourceInfo
    doc: DocMeta
    outline: list[OutlineNode] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    schedule: list[ScheduleItem] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    blocks: list[BlockOut] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)
