"""Open a .docx with python-docx, turning its failures into clear load errors naming the part."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

from pipeline.errors import DamagedFileError


def open_docx(path: Path):
    """The python-docx Document; the zip was already checked against bombs by ingest."""
    try:
        return docx.Document(str(path))
    except etree.XMLSyntaxError as e:
        raise DamagedFileError(path, f"XML parse error in {_broken_part(path) or 'a document part'}: {e}") from e
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DamagedFileError(path, f"not a readable .docx: {e}") from e


def _broken_part(path: Path):
    """The first XML part of the package that does not parse."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    etree.fromstring(z.read(name))
                except etree.XMLSyntaxError:
                    return name
    return None
