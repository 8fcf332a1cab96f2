"""Packaging of the macro parts: an openpyxl .xlsx becomes our .xlsm.

Adds the source-only VBA project (``planmkg_xl.io.ovba``) and the ribbon
(``ribbon/customUI.xml``) to the members of an .xlsx zip, and switches the
package to macro-enabled. Bytes in, bytes out: the caller zips the result.

Why the 2006 customUI namespace: openpyxl's ``load_workbook(keep_vba=True)``
keeps that part and its root relationship, but drops the relationship of a
2009 ``customUI14.xml``, so the ribbon would vanish on re-save.

The xlwings VBA (``xlwings.bas``, ``addin/Dictionary.cls``) is read from the
installed xlwings package, located without importing it, so the workbook's
VBA always matches the pinned xlwings version.
"""

from __future__ import annotations

import importlib.util
from importlib.resources import files
import posixpath
import re
from pathlib import Path

from lxml import etree

from planmkg_xl.io import ovba

__all__ = [
    "RIBBON_CALLBACK",
    "add_macro_parts",
    "ribbon_control_ids",
    "ribbon_xml",
    "vba_modules",
    "xlwings_version_of",
]

RIBBON_CALLBACK = "PlanMkgRibbon"
LANGUAGES = ("fr", "en")

CUSTOMUI_NS = "http://schemas.microsoft.com/office/2006/01/customui"
CUSTOMUI_REL = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
CUSTOMUI_PART = "customUI/customUI.xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
MACRO_MAIN_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_LABELS_NS = "urn:planmkg-xl:ribbon-labels"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _parse(data: bytes) -> etree._Element:
    """Parse package XML safely: no entities, no network, no DTD loading."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True)
    return etree.fromstring(data, parser)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------------------
# Ribbon and VBA sources
# ---------------------------------------------------------------------------

def ribbon_xml(lang: str) -> bytes:
    """Return ``customUI.xml`` with the labels of ``lang`` ("fr" or "en").

    The template carries both languages as ``pm:fr``/``pm:en`` attributes; the
    chosen one becomes ``label`` and the ``pm`` namespace is removed, so Office
    sees plain 2006 customUI.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"ribbon language must be one of {LANGUAGES}, not {lang!r}")
    root = _parse((_ribbon_dir() / "customUI.xml").read_bytes())
    for element in root.iter():
        labels = {key: element.attrib.pop(f"{{{_LABELS_NS}}}{key}", None) for key in LANGUAGES}
        if labels[lang] is not None:
            element.set("label", labels[lang])
    etree.cleanup_namespaces(root)
    return _serialize(root)


def ribbon_control_ids() -> list[str]:
    """Return the ids of the ribbon's buttons: the actions Python must handle."""
    root = _parse((_ribbon_dir() / "customUI.xml").read_bytes())
    return [button.get("id") for button in root.iter(f"{{{CUSTOMUI_NS}}}button")]


def _ribbon_dir() -> Path:
    """The repository's ribbon/ folder, installed as ``planmkg_xl.ribbon`` (see pyproject.toml)."""
    return Path(str(files("planmkg_xl.ribbon")))


def _xlwings_dir() -> Path:
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise RuntimeError("xlwings is not installed; it provides the workbook's VBA")
    return Path(spec.origin).parent


def vba_modules() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return ``(standard_modules, class_modules)`` as (name, source) to embed.

    Sources keep their exported form (CRLF, Attribute lines); ``ovba`` turns
    them into what Excel stores.
    """
    def read(path: Path) -> str:
        return path.read_bytes().decode(ovba.ENCODING)

    xlwings_dir = _xlwings_dir()
    standard = [("xlwings", read(xlwings_dir / "xlwings.bas")),
                ("PlanMarketing", read(_ribbon_dir() / "PlanMarketing.bas"))]
    classes = [("Dictionary", read(xlwings_dir / "addin" / "Dictionary.cls"))]
    return standard, classes


# ---------------------------------------------------------------------------
# Package parts
# ---------------------------------------------------------------------------

def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _set_relationship(rels: bytes, rel_type: str, target: str) -> bytes:
    """Return ``rels`` with exactly one relationship of ``rel_type`` to ``target``."""
    root = _parse(rels)
    tag = f"{{{_PKG_REL_NS}}}Relationship"
    for old in [r for r in root.iter(tag) if r.get("Type") == rel_type]:
        root.remove(old)
    used = {r.get("Id") for r in root.iter(tag)}
    number = 1
    while f"rId{number}" in used:
        number += 1
    etree.SubElement(root, tag, Type=rel_type, Target=target, Id=f"rId{number}")
    return _serialize(root)


def _content_types(data: bytes, main_part: str) -> bytes:
    """Switch the main part to macro-enabled and declare the VBA project."""
    root = _parse(data)
    override = f"{{{_CT_NS}}}Override"
    for element in root.findall(override):
        if element.get("PartName") in (f"/{main_part}", "/xl/vbaProject.bin"):
            root.remove(element)
    etree.SubElement(root, override, PartName=f"/{main_part}", ContentType=MACRO_MAIN_CONTENT_TYPE)
    etree.SubElement(root, override, PartName="/xl/vbaProject.bin", ContentType=VBA_CONTENT_TYPE)
    has_xml_default = any(d.get("Extension", "").lower() == "xml"
                          for d in root.findall(f"{{{_CT_NS}}}Default"))
    if not has_xml_default:
        etree.SubElement(root, override, PartName=f"/{CUSTOMUI_PART}", ContentType="application/xml")
    return _serialize(root)


def _codenames(parts: dict[str, bytes], main_part: str) -> tuple[str | None, list[str | None]]:
    """Return the workbook's codeName and each sheet's, in workbook order."""
    workbook = _parse(parts[main_part])
    workbook_pr = workbook.find(f"{{{_MAIN_NS}}}workbookPr")
    rels = _parse(parts[_rels_name(main_part)])
    targets = {r.get("Id"): _resolve(main_part, r.get("Target"))
               for r in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")
               if r.get("Type") == WORKSHEET_REL}
    sheets = []
    for sheet in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        part = targets.get(sheet.get(f"{{{_R_NS}}}id"))
        if part is None:  # a chartsheet or dialog sheet: no document module here
            continue
        sheet_pr = _parse(parts[part]).find(f"{{{_MAIN_NS}}}sheetPr")
        sheets.append(None if sheet_pr is None else sheet_pr.get("codeName"))
    return (None if workbook_pr is None else workbook_pr.get("codeName")), sheets


def add_macro_parts(parts: dict[str, bytes], lang: str, workbook_codename: str,
                    sheet_codenames: list[str]) -> dict[str, bytes]:
    """Return the members of the .xlsm made from the members of an .xlsx.

    Adds ``xl/vbaProject.bin`` and ``customUI/customUI.xml`` with their
    relationships, and the macro-enabled content types. The codeNames must
    already be in the workbook (openpyxl: ``wb.code_name``,
    ``ws.sheet_properties.codeName``): Excel binds each document module to the
    sheet of the same codeName, so a mismatch is refused here. Member order is
    kept, new parts come last; same input, same output.
    """
    root_rels = _parse(parts["_rels/.rels"])
    main_part = next((r.get("Target").lstrip("/") for r in root_rels
                      if r.get("Type") == OFFICE_DOCUMENT_REL), "xl/workbook.xml")
    found = _codenames(parts, main_part)
    if found != (workbook_codename, list(sheet_codenames)):
        raise ValueError(f"codeNames in the workbook {found} differ from the VBA document "
                         f"modules {(workbook_codename, list(sheet_codenames))}")
    standard, classes = vba_modules()
    result = dict(parts)
    result["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], main_part)
    result["_rels/.rels"] = _set_relationship(parts["_rels/.rels"], CUSTOMUI_REL, CUSTOMUI_PART)
    rels = _rels_name(main_part)
    result[rels] = _set_relationship(parts[rels], VBA_REL,
                                     posixpath.relpath("xl/vbaProject.bin",
                                                       posixpath.dirname(main_part)))
    result[CUSTOMUI_PART] = ribbon_xml(lang)
    result["xl/vbaProject.bin"] = ovba.build_vba_project(workbook_codename, sheet_codenames,
                                                         standard, classes)
    return result


def xlwings_version_of(vba_source: str) -> str | None:
    """Return the xlwings version written in ``xlwings.bas`` ("'Version: x.y.z")."""
    found = re.search(r"^'Version: (\S+)", vba_source, re.MULTILINE)
    return found.group(1) if found else None
