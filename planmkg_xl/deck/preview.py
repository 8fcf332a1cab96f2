"""PDF and PNG previews of a deck through LibreOffice (and poppler's pdftoppm).

Why LibreOffice: it is the independent renderer available on a server or a CI
runner; the tests use it as an oracle (one page per slide) and the README's pictures
come from it. Each run gets a private LibreOffice profile so concurrent conversions
do not fight over the user's profile lock.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import PlanError
from ..messages import msg

TIMEOUT = 240


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    mac = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return str(mac) if mac.exists() else None


def to_pdf(pptx_path: str | Path, out_dir: str | Path) -> Path:
    """Convert the deck to ``out_dir/<name>.pdf`` and return its path."""
    exe = soffice()
    if exe is None:
        raise PlanError(msg("preview.no_soffice"))
    src, out = Path(pptx_path).resolve(), Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planmkg-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore", "--convert-to", "pdf",
               "--outdir", str(out), str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PlanError(msg("preview.timeout", name=src.name, seconds=TIMEOUT)) from exc
    pdf = out / (src.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise PlanError(msg("preview.failed", name=src.name, detail=(done.stderr or done.stdout).strip()[:400]))
    return pdf


def to_png(pptx_path: str | Path, out_dir: str | Path, dpi: int = 60) -> list[Path]:
    """One PNG per slide in ``out_dir`` (``<name>-01.png`` …), through a PDF."""
    if shutil.which("pdftoppm") is None:
        raise PlanError(msg("preview.no_pdftoppm"))
    out = Path(out_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="planmkg-pdf-") as tmp:
        pdf = to_pdf(pptx_path, tmp)
        out.mkdir(parents=True, exist_ok=True)
        prefix = out / Path(pptx_path).stem
        done = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)
        if done.returncode != 0:
            raise PlanError(msg("preview.png_failed", name=pdf.name, detail=done.stderr.strip()[:400]))
    return sorted(out.glob(f"{Path(pptx_path).stem}-*.png"))
