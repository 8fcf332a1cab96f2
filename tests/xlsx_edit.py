"""Edit a workbook package the way a user in Excel would, for tests (no Excel needed).

``Book(path)`` loads every part as bytes; the edit methods change only the parts
Excel would change for that action; ``save()`` writes the package back (same part
order, same zip entry metadata). Text is written as ``inlineStr`` so tests do not
depend on a shared-string table.

    book = Book(path)
    book.set_cell("Commercial", "D6", "beaucoup")      # text where a number belongs
    book.set_cell("Commercial", "I6", formula="1+1")  # a formula typed over a derived cell
    book.rename_sheet("Budget", "Budget 2027")
    book.extend_table("tCommercial", 2)
    book.save()
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {"m": NS_MAIN, "r": NS_R, "pr": NS_PR, "ct": NS_CT}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_UI14 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"

# A 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")

# CT_Worksheet child order (the elements that matter here), to insert <drawing> validly.
_AFTER_DRAWING = ("legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                  "tableParts", "extLst")


def split_ref(ref: str) -> tuple[int, int]:
    m = _REF.match(ref.replace("$", ""))
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def col_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def ref_of(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


def _q(tag: str, ns: str = NS_MAIN) -> str:
    return f"{{{ns}}}{tag}"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class Book:
    """A workbook package being edited."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        with zipfile.ZipFile(self.path) as zf:
            self.infos = {i.filename: i for i in zf.infolist()}
            self.parts: dict[str, bytes] = {i.filename: zf.read(i) for i in zf.infolist()}

    # ----------------------------------------------------------------- package
    def save(self, path: str | Path | None = None) -> Path:
        target = Path(path) if path else self.path
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.parts.items():
                old = self.infos.get(name)
                info = zipfile.ZipInfo(name, date_time=old.date_time if old else (2024, 5, 1, 12, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        return target

    def xml(self, part: str) -> etree._Element:
        return etree.fromstring(self.parts[part])

    def put(self, part: str, root: etree._Element) -> None:
        self.parts[part] = _xml(root)

    def rels_part(self, part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", name + ".rels")

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id -> absolute target part."""
        rp = self.rels_part(part)
        if rp not in self.parts:
            return {}
        folder = posixpath.dirname(part)
        out = {}
        for rel in self.xml(rp):
            t = rel.get("Target")
            out[rel.get("Id")] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(folder, t))
        return out

    def add_rel(self, part: str, rel_type: str, target: str) -> str:
        """Add a relationship from ``part`` (``""`` for the package root); returns its id."""
        rp = self.rels_part(part) if part else "_rels/.rels"
        root = self.xml(rp) if rp in self.parts else etree.Element(_q("Relationships", NS_PR), nsmap={None: NS_PR})
        ids = {r.get("Id") for r in root}
        n = 1
        while f"rIdT{n}" in ids:
            n += 1
        rid = f"rIdT{n}"
        etree.SubElement(root, _q("Relationship", NS_PR), Id=rid, Type=rel_type, Target=target)
        self.put(rp, root)
        return rid

    def add_content_type(self, part: str | None = None, content_type: str = "", extension: str | None = None) -> None:
        root = self.xml("[Content_Types].xml")
        if extension:
            if any(d.get("Extension") == extension for d in root.iterfind("ct:Default", NS)):
                return
            first_override = root.find("ct:Override", NS)
            el = etree.Element(_q("Default", NS_CT), Extension=extension, ContentType=content_type)
            if first_override is not None:
                first_override.addprevious(el)
            else:
                root.append(el)
        else:
            etree.SubElement(root, _q("Override", NS_CT), PartName="/" + part, ContentType=content_type)
        self.put("[Content_Types].xml", root)

    # ----------------------------------------------------------------- sheets
    def sheet_elements(self) -> list[etree._Element]:
        return list(self.xml("xl/workbook.xml").iterfind("m:sheets/m:sheet", NS))

    def sheet_part(self, title: str) -> str:
        rels = self.rels("xl/workbook.xml")
        for s in self.sheet_elements():
            if s.get("name") == title:
                return rels[s.get(_q("id", NS_R))]
        raise KeyError(f"no sheet {title!r}; sheets: {[s.get('name') for s in self.sheet_elements()]}")

    def sheet(self, title: str) -> etree._Element:
        return self.xml(self.sheet_part(title))

    def cells(self, title: str) -> dict[str, bytes]:
        """Every ``<c>`` element of a sheet, serialised, by reference."""
        return {c.get("r"): etree.tostring(c) for c in self.sheet(title).iter(_q("c"))}

    def cell(self, title: str, ref: str) -> etree._Element | None:
        return self.sheet(title).find(f"m:sheetData/m:row/m:c[@r='{ref}']", NS)

    def _cell_in(self, root: etree._Element, ref: str) -> etree._Element:
        row_no, col = split_ref(ref)
        data = root.find("m:sheetData", NS)
        row = None
        for r in data.iterfind("m:row", NS):
            n = int(r.get("r"))
            if n == row_no:
                row = r
                break
            if n > row_no:
                row = etree.Element(_q("row"), r=str(row_no))
                r.addprevious(row)
                break
        if row is None:
            row = etree.SubElement(data, _q("row"), r=str(row_no))
        for c in row.iterfind("m:c", NS):
            if c.get("r") == ref:
                return c
            if split_ref(c.get("r"))[1] > col:
                new = etree.Element(_q("c"), r=ref)
                c.addprevious(new)
                return new
        return etree.SubElement(row, _q("c"), r=ref)

    def set_cell(self, title: str, ref: str, value: object = None, formula: str | None = None) -> None:
        """Type a value (number, bool, text as inlineStr; None clears it, keeping the style) or a formula
        (without '='; its cached value is ``value``) into a cell, as Excel saves it."""
        part = self.sheet_part(title)
        root = self.xml(part)
        c = self._cell_in(root, ref)
        for child in list(c):
            c.remove(child)
        c.attrib.pop("t", None)
        if formula is not None:
            etree.SubElement(c, _q("f")).text = formula
            if isinstance(value, str):
                c.set("t", "str")
            if value is not None:
                etree.SubElement(c, _q("v")).text = str(value)
        elif isinstance(value, bool):
            c.set("t", "b")
            etree.SubElement(c, _q("v")).text = "1" if value else "0"
        elif isinstance(value, (int, float)):
            etree.SubElement(c, _q("v")).text = repr(value) if isinstance(value, float) else str(value)
        elif isinstance(value, str):
            c.set("t", "inlineStr")
            t = etree.SubElement(etree.SubElement(c, _q("is")), _q("t"))
            t.text = value
            if value != value.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self.put(part, root)

    def fill_down(self, title: str, top: str, bottom: str, formula: str, values: list | None = None) -> None:
        """Type ``formula`` in ``top`` and drag it down (or right) to ``bottom``: Excel saves one shared formula."""
        part = self.sheet_part(title)
        root = self.xml(part)
        (r0, c0), (r1, c1) = split_ref(top), split_ref(bottom)
        si = str(1 + max([int(f.get("si")) for f in root.iter(_q("f")) if f.get("si") is not None], default=-1))
        cells = [ref_of(row, col) for row in range(r0, r1 + 1) for col in range(c0, c1 + 1)]
        for i, ref in enumerate(cells):
            c = self._cell_in(root, ref)
            for child in list(c):
                c.remove(child)
            c.attrib.pop("t", None)
            f = etree.SubElement(c, _q("f"), t="shared", si=si)
            if i == 0:
                f.set("ref", f"{top}:{bottom}")
                f.text = formula
            etree.SubElement(c, _q("v")).text = str(values[i] if values else 0)
        self.put(part, root)

    def clear_cell(self, title: str, ref: str) -> None:
        """Select the cell and press Delete: content gone, format kept."""
        self.set_cell(title, ref, None)

    def rename_sheet(self, old: str, new: str) -> None:
        """Rename a tab: Excel updates the sheet name, defined names and formulas that point at it."""
        wb = self.xml("xl/workbook.xml")
        for s in wb.iterfind("m:sheets/m:sheet", NS):
            if s.get("name") == old:
                s.set("name", new)
        for d in wb.iterfind("m:definedNames/m:definedName", NS):
            d.text = _rename_in_formula(d.text or "", old, new)
        self.put("xl/workbook.xml", wb)
        for s in self.sheet_elements():
            part = self.sheet_part(s.get("name"))
            root = self.xml(part)
            touched = False
            for f in root.iter(_q("f")):
                if f.text and old in f.text:
                    f.text = _rename_in_formula(f.text, old, new)
                    touched = True
            if touched:
                self.put(part, root)
        if "docProps/app.xml" in self.parts:
            self.parts["docProps/app.xml"] = self.parts["docProps/app.xml"].replace(
                f">{_esc(old)}<".encode(), f">{_esc(new)}<".encode())

    def delete_sheet(self, title: str) -> None:
        """Delete a tab: its part and relationships go, references to it become #REF!."""
        part = self.sheet_part(title)
        wb = self.xml("xl/workbook.xml")
        index = None
        for i, s in enumerate(list(wb.iterfind("m:sheets/m:sheet", NS))):
            if s.get("name") == title:
                rid = s.get(_q("id", NS_R))
                s.getparent().remove(s)
                index = i
        for d in list(wb.iterfind("m:definedNames/m:definedName", NS)):
            if d.get("localSheetId") is not None and int(d.get("localSheetId")) == index:
                d.getparent().remove(d)
                continue
            d.text = _ref_error(d.text or "", title)
        self.put("xl/workbook.xml", wb)
        rels = self.xml("xl/_rels/workbook.xml.rels")
        for rel in list(rels):
            if rel.get("Id") == rid:
                rels.remove(rel)
        self.put("xl/_rels/workbook.xml.rels", rels)
        ct = self.xml("[Content_Types].xml")
        for o in list(ct):
            if o.get("PartName") == "/" + part:
                ct.remove(o)
        self.put("[Content_Types].xml", ct)
        # Its tables, comments and drawings go with it.
        for target in self.rels(part).values():
            self.parts.pop(target, None)
            for o in list(ct):
                if o.get("PartName") == "/" + target:
                    ct.remove(o)
        self.put("[Content_Types].xml", ct)
        self.parts.pop(self.rels_part(part), None)
        del self.parts[part]
        for s in self.sheet_elements():
            p = self.sheet_part(s.get("name"))
            root = self.xml(p)
            touched = False
            for f in root.iter(_q("f")):
                if f.text and title in f.text:
                    f.text = _ref_error(f.text, title)
                    touched = True
            if touched:
                self.put(p, root)

    # ----------------------------------------------------------------- tables
    def table_parts(self) -> dict[str, tuple[str, str]]:
        """Table displayName -> (table part, sheet title)."""
        out = {}
        for s in self.sheet_elements():
            part = self.sheet_part(s.get("name"))
            for target in self.rels(part).values():
                if target.startswith("xl/tables/"):
                    out[self.xml(target).get("displayName")] = (target, s.get("name"))
        return out

    def rename_table(self, old: str, new: str) -> None:
        """Table Design > Table Name (Excel also rewrites structured references; ours use plain ranges)."""
        part, _ = self.table_parts()[old]
        t = self.xml(part)
        t.set("displayName", new)
        t.set("name", new)
        self.put(part, t)

    def extend_table(self, name: str, n: int) -> tuple[int, int]:
        """The user inserts ``n`` table rows at the end of table ``name`` (Insert > Table Rows Below).

        Excel shifts the cells under the table (in its columns) down by ``n``, grows the
        table's ref and autoFilter, and gives the new cells the format of the last row. The
        formulas under the table move with their cells but still point at the old rows here
        (recompute must set them right). Returns the new rows (first, last).
        """
        part, title = self.table_parts()[name]
        t = self.xml(part)
        start, end = t.get("ref").split(":")
        top, left = split_ref(start)
        bottom, right = split_ref(end)
        new_ref = f"{start}:{ref_of(bottom + n, right)}"
        t.set("ref", new_ref)
        af = t.find("m:autoFilter", NS)
        if af is not None:
            af.set("ref", new_ref)
        self.put(part, t)
        sp = self.sheet_part(title)
        root = self.xml(sp)
        data = root.find("m:sheetData", NS)
        rows = {int(r.get("r")): r for r in data.iterfind("m:row", NS)}
        # Move cells below the table (in its columns) down, bottom first.
        for row_no in sorted((r for r in rows if r > bottom), reverse=True):
            for c in list(rows[row_no].iterfind("m:c", NS)):
                _, col = split_ref(c.get("r"))
                if left <= col <= right:
                    target = self._cell_in(root, ref_of(row_no + n, col))
                    for k, v in c.attrib.items():
                        if k != "r":
                            target.set(k, v)
                    for child in list(c):
                        target.append(child)
                    rows[row_no].remove(c)
            rows = {int(r.get("r")): r for r in data.iterfind("m:row", NS)}
        # New rows formatted like the table's last row.
        styles = {split_ref(c.get("r"))[1]: c.get("s") for c in rows[bottom].iterfind("m:c", NS)}
        for row_no in range(bottom + 1, bottom + n + 1):
            for col in range(left, right + 1):
                c = self._cell_in(root, ref_of(row_no, col))
                for child in list(c):
                    c.remove(child)
                for k in list(c.attrib):
                    if k != "r":
                        del c.attrib[k]
                if styles.get(col):
                    c.set("s", styles[col])
        for r in list(data.iterfind("m:row", NS)):
            if len(r) == 0 and r.get("ht") is None:
                data.remove(r)
        dim = root.find("m:dimension", NS)
        if dim is not None:
            d_start, _, d_end = dim.get("ref").partition(":")
            d_row, d_col = split_ref(d_end or d_start)
            dim.set("ref", f"{d_start}:{ref_of(d_row + n, d_col)}")
        self.put(sp, root)
        return bottom + 1, bottom + n

    # ----------------------------------------------------------------- rows, ranges, names
    def insert_rows(self, title: str, at: int, n: int = 1, excel: bool = True) -> None:
        """Insert ``n`` sheet rows before row ``at``.

        ``excel=True`` is Excel's Insert > Sheet Rows: cells move down, and table refs,
        autoFilters, defined names and the dimension that reach the moved rows follow (a
        table the rows go into grows); the new rows take the format of the row above.
        ``excel=False`` is openpyxl's ``insert_rows``: the cells move and nothing else does
        (table refs, names and formulas keep pointing at the old rows). Neither rewrites
        formula text here (recompute rewrites the calculated ones).
        """
        self._shift_rows(title, at, n, excel)

    def delete_rows(self, title: str, at: int, n: int = 1, excel: bool = True) -> None:
        """Delete sheet rows ``at`` .. ``at + n - 1`` (Excel's Delete > Sheet Rows, or openpyxl's ``delete_rows``)."""
        self._shift_rows(title, at, -n, excel)

    def _shift_rows(self, title: str, at: int, n: int, excel: bool) -> None:
        part = self.sheet_part(title)
        root = self.xml(part)
        data = root.find("m:sheetData", NS)
        gone = range(at, at - n) if n < 0 else range(0)
        above = {}
        for r in list(data.iterfind("m:row", NS)):
            row_no = int(r.get("r"))
            if row_no in gone:
                data.remove(r)
                continue
            if row_no == at - 1:
                above = {split_ref(c.get("r"))[1]: c.get("s") for c in r.iterfind("m:c", NS) if c.get("s")}
            if row_no >= at:
                r.set("r", str(row_no + n))
                for c in r.iterfind("m:c", NS):
                    _, col = split_ref(c.get("r"))
                    c.set("r", ref_of(row_no + n, col))
        if n > 0 and excel and above:  # Excel formats inserted rows like the row above
            for row_no in range(at, at + n):
                for col, style in sorted(above.items()):
                    self._cell_in(root, ref_of(row_no, col)).set("s", style)
        for f in root.iter(_q("f")):
            if f.get("ref") and f.get("t") in ("shared", "array"):
                f.set("ref", _shift_range(f.get("ref"), at, n) or f.get("ref"))
        if excel:
            dim = root.find("m:dimension", NS)
            if dim is not None:
                dim.set("ref", _shift_range(dim.get("ref"), at, n) or dim.get("ref"))
            merges = root.find("m:mergeCells", NS)
            if merges is not None:
                for m in list(merges):
                    moved = _shift_range(m.get("ref"), at, n)
                    if moved is None:
                        merges.remove(m)
                    else:
                        m.set("ref", moved)
        self.put(part, root)
        if not excel:
            return
        for target in self.rels(part).values():
            if target.startswith("xl/tables/"):
                t = self.xml(target)
                moved = _shift_range(t.get("ref"), at, n)
                if moved:
                    t.set("ref", moved)
                    af = t.find("m:autoFilter", NS)
                    if af is not None:
                        af.set("ref", moved)
                    self.put(target, t)
        wb = self.xml("xl/workbook.xml")
        for d in wb.iterfind("m:definedNames/m:definedName", NS):
            d.text = _shift_name(d.text or "", title, at, n)
        self.put("xl/workbook.xml", wb)

    def set_table_ref(self, name: str, ref: str) -> None:
        """Table Design > Resize Table (or a tool writing any ref): the table's range becomes ``ref``."""
        part, _ = self.table_parts()[name]
        t = self.xml(part)
        t.set("ref", ref)
        af = t.find("m:autoFilter", NS)
        if af is not None:
            af.set("ref", ref)
        self.put(part, t)

    def move_name(self, name: str, target: str) -> None:
        """Formulas > Name Manager > Refers to: the defined name ``name`` now points at ``target`` ("'Sheet'!$B$3")."""
        wb = self.xml("xl/workbook.xml")
        for d in wb.iterfind("m:definedNames/m:definedName", NS):
            if d.get("name") == name:
                d.text = target
        self.put("xl/workbook.xml", wb)

    def defined_names(self) -> dict[str, str]:
        return {d.get("name"): d.text or "" for d in self.xml("xl/workbook.xml").iterfind("m:definedNames/m:definedName", NS)}

    def set_array(self, title: str, top: str, bottom: str, formula: str, values: list | None = None) -> None:
        """Type an array formula over ``top:bottom`` with Ctrl+Shift+Enter: the head holds the formula, every
        cell of the range a cached value."""
        part = self.sheet_part(title)
        root = self.xml(part)
        (r0, c0), (r1, c1) = split_ref(top), split_ref(bottom)
        cells = [ref_of(row, col) for row in range(r0, r1 + 1) for col in range(c0, c1 + 1)]
        for i, ref in enumerate(cells):
            c = self._cell_in(root, ref)
            for child in list(c):
                c.remove(child)
            c.attrib.pop("t", None)
            if i == 0:
                etree.SubElement(c, _q("f"), t="array", ref=f"{top}:{bottom}").text = formula
            etree.SubElement(c, _q("v")).text = str(values[i] if values else 1)
        self.put(part, root)

    # ----------------------------------------------------------------- foreign parts
    def add_image(self, title: str, png: bytes = PNG) -> list[str]:
        """Insert > Picture on a sheet: media, drawing, their relationships. Returns the new parts."""
        n = 1
        while f"xl/media/image{n}.png" in self.parts or f"xl/drawings/drawing{n}.xml" in self.parts:
            n += 1
        media, drawing = f"xl/media/image{n}.png", f"xl/drawings/drawing{n}.xml"
        self.parts[media] = png
        xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
        a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        self.parts[drawing] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            f'<xdr:wsDr xmlns:xdr="{xdr}" xmlns:a="{a}"><xdr:oneCellAnchor><xdr:from><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff>'
            f'<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr>'
            f'<xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>'
            f'<xdr:blipFill><a:blip xmlns:r="{NS_R}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
            f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>'
        ).encode()
        self.parts[f"xl/drawings/_rels/drawing{n}.xml.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="{NS_PR}">'
            f'<Relationship Id="rId1" Type="{REL}image" Target="../media/image{n}.png"/></Relationships>'
        ).encode()
        sp = self.sheet_part(title)
        rid = self.add_rel(sp, REL + "drawing", f"../drawings/drawing{n}.xml")
        root = self.xml(sp)
        el = etree.Element(_q("drawing"), nsmap={"r": NS_R})
        el.set(_q("id", NS_R), rid)
        for tag in _AFTER_DRAWING:
            nxt = root.find(f"m:{tag}", NS)
            if nxt is not None:
                nxt.addprevious(el)
                break
        else:
            root.append(el)
        self.put(sp, root)
        self.add_content_type(extension="png", content_type="image/png")
        self.add_content_type(drawing, "application/vnd.openxmlformats-officedocument.drawing+xml")
        return [media, drawing, f"xl/drawings/_rels/drawing{n}.xml.rels"]

    def add_custom_xml(self, body: str = '<planmkgTest xmlns="urn:example:crm"><owner>Marie</owner></planmkgTest>') -> list[str]:
        """A custom XML data item (as SharePoint or an add-in stores metadata)."""
        item, props = "customXml/item1.xml", "customXml/itemProps1.xml"
        self.parts[item] = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n' + body.encode()
        self.parts[props] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem '
            'ds:itemID="{6C1F4D2B-7E1A-4C55-9A0B-1F2E3D4C5B6A}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
        ).encode()
        self.parts["customXml/_rels/item1.xml.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="{NS_PR}">'
            f'<Relationship Id="rId1" Type="{REL}customXmlProps" Target="itemProps1.xml"/></Relationships>'
        ).encode()
        self.add_rel("xl/workbook.xml", REL + "customXml", "../customXml/item1.xml")
        self.add_content_type(props, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
        return [item, props, "customXml/_rels/item1.xml.rels"]

    def add_custom_ui14(self, body: str | None = None) -> str:
        """A 2009 ribbon part (customUI14.xml) with its root relationship, as the Custom UI Editor adds it."""
        part = "customUI/customUI14.xml"
        self.parts[part] = (body or (
            '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs>'
            '<tab id="tTest" label="Test"><group id="gTest" label="Test"><button id="bTest" label="Hello" onAction="Hello"/>'
            '</group></tab></tabs></ribbon></customUI>')).encode()
        self.add_rel("", REL_UI14, part)
        return part

    def add_calc_chain(self, refs: tuple[tuple[int, str], ...] = ((2, "I6"), (2, "J6"))) -> None:
        """The calculation chain Excel saves (sheet index, cell)."""
        body = "".join(f'<c r="{ref}" i="{i}"/>' for i, ref in refs)
        self.parts["xl/calcChain.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="{NS_MAIN}">{body}</calcChain>'
        ).encode()
        self.add_rel("xl/workbook.xml", REL + "calcChain", "calcChain.xml")
        self.add_content_type("xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml")


def lock(path: str | Path, user: str = "Marie") -> Path:
    """The owner file Excel creates beside a workbook it has open (``~$name``)."""
    path = Path(path)
    owner = path.with_name("~$" + path.name)
    owner.write_bytes(bytes([len(user)]) + user.encode("latin-1").ljust(53, b" ") + b"\x00" * 108)
    return owner


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sheet_ref_forms(title: str) -> list[str]:
    quoted = "'" + title.replace("'", "''") + "'!"
    return [quoted, title + "!"] if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", title) else [quoted]


def _rename_in_formula(text: str, old: str, new: str) -> str:
    new_form = ("'" + new.replace("'", "''") + "'!") if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", new) else new + "!"
    for form in _sheet_ref_forms(old):
        text = text.replace(form, new_form)
    return text


def _shift_range(rng: str | None, at: int, n: int) -> str | None:
    """A range after inserting (n > 0) or deleting (n < 0) rows at ``at``; None when it is deleted whole."""
    if not rng:
        return rng
    start, _, end = rng.partition(":")
    (r0, c0), (r1, c1) = split_ref(start), split_ref(end or start)
    if n > 0:
        r0, r1 = (r0 + n if r0 >= at else r0), (r1 + n if r1 >= at else r1)
    else:
        lo, hi = at, at - n - 1
        def move(r: int) -> int:
            return r if r < lo else r + n if r > hi else lo
        if lo <= r0 and r1 <= hi:
            return None
        r0, r1 = (r0 if r0 < lo else move(r0)), (r1 if r1 < lo else (lo - 1 if r1 <= hi else r1 + n))
    a = ref_of(r0, c0)
    return a if not end else f"{a}:{ref_of(r1, c1)}"


def _shift_name(text: str, title: str, at: int, n: int) -> str:
    """A defined name's target after rows move on sheet ``title`` (Excel: #REF! when its cell is deleted)."""
    for form in _sheet_ref_forms(title):
        if text.startswith(form):
            cell = text[len(form):]
            m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", cell)
            if not m:
                return text
            row = int(m.group(2))
            if n < 0 and at <= row < at - n:
                return form + "#REF!"
            if row >= at:
                row += n
            return f"{form}${m.group(1)}${row}"
    return text


def _ref_error(text: str, title: str) -> str:
    for form in _sheet_ref_forms(title):
        text = re.sub(re.escape(form) + r"\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?", "#REF!", text)
    return text
