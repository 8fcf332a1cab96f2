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
        _walkthrough(work, book_pdf)
    print(f"Pictures written to {OUT}")


def _page_with(pdf: Path, text: str) -> int:
    """The first page of ``pdf`` whose text holds ``text``."""
    pages = int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                                check=True).stdout.splitlines() if line.startswith("Pages:")))
    for page in range(1, pages + 1):
        found = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True).stdout
        if text in found:
            return page
    raise SystemExit(f"no page of {pdf.name} shows {text!r}")


def _walkthrough(work: Path, book_pdf: Path) -> None:
    """The README walkthrough's pictures: the Contrôles sheet after Check, and a slide after --update.

    Step 6 of the walkthrough (a new revenue target for Produit 5, typed in Excel) is made here
    by building the same plan with that one value changed: --update only reads the workbook.
    """
    from pptx import Presentation

    from planmkg_xl.demo import demo_plan

    page = _page_with(book_pdf, "Résultat du dernier")
    image = _page(book_pdf, page, 110, work / "checks.png").convert("RGB")
    box = ImageOps.invert(image).getbbox()
    if box:
        image = image.crop((box[0] - 12, box[1] - 12, box[2] + 12, min(box[3], box[1] + 700) + 12))
    image.save(OUT / "walkthrough_checks.png", optimize=True)

    deck = work / "Committee.pptx"
    app.deck(work / "Plan_Marketing.xlsm", output=deck)
    prs = Presentation(str(deck))
    slide = next(s for s in prs.slides if s.shapes.title is not None and "Performances commerciales" in s.shapes.title.text)
    index = list(prs.slides).index(slide) + 1
    slide.shapes.title.text_frame.text = "Produit 5 : l'objectif relevé après le comité"  # the director's own title
    prs.save(str(deck))
    plan = demo_plan()
    next(r for r in plan.tables["commercial"] if r["line"] == "Produit 5")["target_revenue"] = 1_900_000
    changed = work / "changed" / "Plan_Marketing.xlsm"
    changed.parent.mkdir()
    changed.write_bytes(app.build_xlsm(plan))
    app.deck(changed, update=deck)
    _page(_pdf(deck, work), index, 80, OUT / "walkthrough_updated.png")


if __name__ == "__main__":
    main()
