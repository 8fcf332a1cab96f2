"""Template fixtures for the deck tests: python-pptx's 4:3 default, a dark template, one whose title band
leaves a small body, a two-master template whose first master is made for title pages, and LibreOffice's
own Impress templates converted to .pptx by LibreOffice itself (at test time, never committed: they stay under their
own licence in the LibreOffice install)."""
from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from conftest import soffice_path

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
LO_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
LO_NAMES = ("Vivid", "Focus", "Metropolis", "Midnightblue")


def default_43() -> bytes:
    """python-pptx's own default template: 4:3, Calibri, one master."""
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()


def _solid(parent, rgb: str):
    fill = etree.SubElement(parent, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}srgbClr", val=rgb)
    return fill


def _set_bg(master_el, rgb: str) -> None:
    csld = master_el.find(f"{{{P}}}cSld")
    for old in csld.findall(f"{{{P}}}bg"):
        csld.remove(old)
    bg = etree.Element(f"{{{P}}}bg")
    pr = etree.SubElement(bg, f"{{{P}}}bgPr")
    _solid(pr, rgb)
    etree.SubElement(pr, f"{{{A}}}effectLst")
    csld.insert(0, bg)


def dark() -> bytes:
    """A 16:9 template on a near-black background whose text styles are light (a 'dark mode' corporate deck)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    master = prs.slide_master
    for ph in master.placeholders:
        ph.left, ph.width = int(ph.left * 4 / 3), int(ph.width * 4 / 3)
    _set_bg(master._element, "14172A")
    styles = master._element.find(f"{{{P}}}txStyles")
    for style in styles:
        for lvl in style:
            rpr = lvl.find(f"{{{A}}}defRPr")
            if rpr is None:
                continue
            for old in rpr.findall(f"{{{A}}}solidFill"):
                rpr.remove(old)
            rpr.insert(0, _solid(etree.Element("x"), "F2F2F2"))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def tall_title() -> bytes:
    """A 16:9 corporate template whose title band takes the top 40 % of the slide: the body placeholder is
    a band of 3.3 inches above the footer (LibreOffice's Vivid is about as tight)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for ph in prs.slide_master.placeholders:  # the layouts inherit these
        ph.left, ph.width = int(ph.left * 4 / 3), int(ph.width * 4 / 3)
        kind = ph.placeholder_format.type
        if kind == 1:  # title
            ph.top, ph.height = Inches(0.4), Inches(2.5)
        elif kind == 2:  # body
            ph.top, ph.height = Inches(3.1), Inches(3.3)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def two_masters() -> bytes:
    """Two masters, as many converted templates have: the first made for title pages (a tall title, the
    body a thin band at the bottom, a dark background), the second for content. Content must go on the
    second master's layouts, never in the first one's subtitle band."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for ph in prs.slide_master.placeholders:
        ph.left, ph.width = int(ph.left * 4 / 3), int(ph.width * 4 / 3)
    buf = io.BytesIO()
    prs.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    files = {n: src.read(n) for n in src.namelist()}
    layouts = sorted((n for n in files if re.match(r"ppt/slideLayouts/slideLayout\d+\.xml$", n)),
                     key=lambda n: int(re.search(r"(\d+)", n.rsplit("/", 1)[1]).group(1)))
    n = len(layouts)
    # the copy becomes master 2 (content); master 1 is turned into a title master
    files["ppt/slideMasters/slideMaster2.xml"] = files["ppt/slideMasters/slideMaster1.xml"]
    rels2 = files["ppt/slideMasters/_rels/slideMaster1.xml.rels"].decode()
    for i in range(n, 0, -1):
        rels2 = rels2.replace(f"slideLayout{i}.xml", f"slideLayout{i + n}.xml")
    files["ppt/slideMasters/_rels/slideMaster2.xml.rels"] = rels2.encode()
    for i in range(1, n + 1):
        files[f"ppt/slideLayouts/slideLayout{i + n}.xml"] = files[f"ppt/slideLayouts/slideLayout{i}.xml"]
        files[f"ppt/slideLayouts/_rels/slideLayout{i + n}.xml.rels"] = \
            files[f"ppt/slideLayouts/_rels/slideLayout{i}.xml.rels"].replace(b"slideMaster1.xml", b"slideMaster2.xml")
    ct = files["[Content_Types].xml"].decode()
    extra = '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ' \
            'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>'
    extra += "".join(f'<Override PartName="/ppt/slideLayouts/slideLayout{i + n}.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/>'
                     for i in range(1, n + 1))
    files["[Content_Types].xml"] = ct.replace("</Types>", extra + "</Types>").encode()
    prels = files["ppt/_rels/presentation.xml.rels"].decode()
    prels = prels.replace("</Relationships>", '<Relationship Id="rIdM2" Type="http://schemas.openxmlformats.org/'
                          'officeDocument/2006/relationships/slideMaster" Target="slideMasters/slideMaster2.xml"/></Relationships>')
    files["ppt/_rels/presentation.xml.rels"] = prels.encode()
    pres = etree.fromstring(files["ppt/presentation.xml"])
    lst = pres.find(f"{{{P}}}sldMasterIdLst")
    ids = [int(e.get("id")) for e in lst] + [int(e.get("id")) for e in pres.iter(f"{{{P}}}sldLayoutId")]
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    etree.SubElement(lst, f"{{{P}}}sldMasterId", {"id": str(max(ids) + 100), f"{{{R}}}id": "rIdM2"})
    files["ppt/presentation.xml"] = etree.tostring(pres, xml_declaration=True, encoding="UTF-8", standalone=True)
    m2 = etree.fromstring(files["ppt/slideMasters/slideMaster2.xml"])
    for i, el in enumerate(m2.iter(f"{{{P}}}sldLayoutId")):
        el.set("id", str(max(ids) + 200 + i))
    files["ppt/slideMasters/slideMaster2.xml"] = etree.tostring(m2, xml_declaration=True, encoding="UTF-8", standalone=True)
    m1 = etree.fromstring(files["ppt/slideMasters/slideMaster1.xml"])
    _set_bg(m1, "203864")
    for sp in m1.iter(f"{{{P}}}sp"):
        ph = sp.find(f".//{{{P}}}ph")
        off = sp.find(f".//{{{A}}}off")
        ext = sp.find(f".//{{{A}}}ext")
        if ph is None or off is None:
            continue
        if ph.get("type") == "title":
            off.set("y", str(Inches(1.2))), ext.set("cy", str(Inches(3.0)))
        elif ph.get("type") == "body":
            off.set("y", str(Inches(4.6))), ext.set("cy", str(Inches(1.2)))
    files["ppt/slideMasters/slideMaster1.xml"] = etree.tostring(m1, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in files.items():
            dst.writestr(name, body)
    return out.getvalue()


def libreoffice_templates(outdir: Path) -> dict[str, Path]:
    """LibreOffice's Impress templates (.otp) converted to .pptx by LibreOffice, once per session."""
    exe = soffice_path()
    sources = [LO_TEMPLATES / f"{n}.otp" for n in LO_NAMES if (LO_TEMPLATES / f"{n}.otp").exists()]
    if exe is None or not sources:
        return {}
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planmkg-lo-") as profile:
        subprocess.run([exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to",
                        "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(outdir), *map(str, sources)],
                       check=True, capture_output=True, timeout=300)
    return {p.stem: p for p in (outdir / f"{s.stem}.pptx" for s in sources) if p.exists()}
