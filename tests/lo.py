"""LibreOffice as an independent calculation engine (the oracle of the formula tests).

The workbooks handed to LibreOffice have their cached values stripped first, so every
number LibreOffice returns is its own calculation, never our Python value echoed back.
"""
from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from conftest import soffice_path

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def strip_cached_values(data: bytes) -> bytes:
    """The same package with no cached value in any formula cell."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                root = etree.fromstring(body)
                for c in root.iter(f"{NS}c"):
                    if c.find(f"{NS}f") is not None:
                        for v in c.findall(f"{NS}v"):
                            c.remove(v)
                        c.attrib.pop("t", None)
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, body)
    return out.getvalue()


def recalculate(paths: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """Let LibreOffice load (and so calculate) each workbook and save it as .xlsx in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [soffice_path(), f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), *map(str, paths)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    return [outdir / (p.stem + ".xlsx") for p in paths]
