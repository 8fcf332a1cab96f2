"""Make the README's pictures: the demo workbook, a few slides of the demo deck and of its monthly review.

Needs LibreOffice (soffice) and pdftoppm. Run from the repository root:

    python scripts/make_pictures.py

Writes docs/img/workbook_*.png and docs/img/slide_*.png.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from planmkg_xl import app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
SLIDES = {3: "slide_objectives", 5: "slide_customers", 6: "slide_leadgen_strategy", 9: "slide_budget"}  # the committee deck's pages
# Workbook pages (LibreOffice prints one sheet per page here) and the share of the printed height to keep.
SHEETS = {3: ("workbook_commercial", 1.0), 5: ("workbook_leadgen", 1.0), 11: ("workbook_budget", 1.0)}  # Accueil prints on 2 pages
REVIEW_SLIDE = 2  # the monthly review's KPI pace table


def _pdf(source: Path, work: Path) -> Path:
    profile = work / "profile"
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=300)
    return work / (source.stem + ".pdf")


def _page(pdf: Path, page: int, dpi: int, dest: Path) -> Image.Image:
    prefix = dest.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)], check=True)
    return Image.open(prefix.with_suffix(".png"))


def main() -> None:
    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        sys.exit("Needs LibreOffice and pdftoppm: apt-get install libreoffice-calc-nogui libreoffice-impress-nogui poppler-utils")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        workbook = app.demo(work)
        deck, _ = app.deck(workbook)
        deck_pdf = _pdf(deck, work)
        for page, name in SLIDES.items():
            _page(deck_pdf, page, 80, OUT / f"{name}.png")
        review = app.review(workbook, output=work / "review.pptx").deck
        _page(_pdf(review, work), REVIEW_SLIDE, 80, OUT / "slide_review.png")
        book_pdf = _pdf(workbook, work)
        for page, (name, bottom) in SHEETS.items():
            image = _page(book_pdf, page, 130, work / f"{name}.png").convert("RGB")
            box = ImageOps.invert(image).getbbox()  # the printed area, without the white page margins
            if box:
                image = image.crop((box[0] - 12, box[1] - 12, box[2] + 12, box[1] + int((box[3] - box[1]) * bottom) + 12))
            image.save(OUT / f"{name}.png", optimize=True)
    print(f"Pictures written to {OUT}")


if __name__ == "__main__":
    main()
