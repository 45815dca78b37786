"""Legacy Word .doc/.wps reader: LibreOffice converts to .docx, the .docx reader reads it.

LibreOffice runs headless with a private profile (so it never meets a user's running
instance or a stale lock) and a timeout; the converted file lives in a temporary folder.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import DamagedFileError, MissingToolError
from pipeline.ingest import docx
from pipeline.ingest.source import source_info
from pipeline.model import Finding, RawDocument

log = logging.getLogger(__name__)

TIMEOUT_S = 120
INSTALL_HINT = ("legacy .doc/.wps needs LibreOffice: apt-get install libreoffice-writer-nogui "
                "(or libreoffice-writer), or brew install --cask libreoffice")


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx(path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice; the .docx path. Raises MissingToolError or DamagedFileError."""
    exe = _soffice()
    if exe is None:
        raise MissingToolError(path, INSTALL_HINT)
    profile = Path(outdir) / "lo-profile"
    # the input is copied under a plain name: LibreOffice mishandles some characters in paths
    src = Path(outdir) / ("input" + path.suffix.lower())
    shutil.copyfile(path, src)
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(src)]
    try:
        run = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as e:
        raise DamagedFileError(path, f"LibreOffice did not convert the file within {TIMEOUT_S} s") from e
    out = Path(outdir) / "input.docx"
    if not out.exists():
        detail = (run.stderr or run.stdout).decode("utf-8", "replace").strip()[:300]
        raise DamagedFileError(path, f"LibreOffice could not convert the file to .docx: {detail or 'no output'}")
    return out


def read(path: Path) -> RawDocument:
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="acftu-doc-") as tmp:
        converted = doc_to_docx(path, Path(tmp))
        raw = docx.read(converted)
    raw.source = source_info(path, "doc", **_kept(raw.source))
    raw.findings.insert(0, Finding(code="converted-by-libreoffice", severity="info", stage="ingest",
                                   message=f"{path.suffix.lower()} converted to .docx by LibreOffice before reading",
                                   data={"from": path.suffix.lower()}))
    return raw


def _kept(info) -> dict:
    """Fields of the converted file's SourceInfo that still hold for the original."""
    return {k: v for k, v in (("pages", info.pages), ("encoding", info.encoding)) if v is not None}
