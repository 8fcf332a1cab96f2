"""An OOXML oracle for every workbook the tests make: ECMA-376 schemas plus the rules Excel enforces on open.

    from ooxml import assert_valid_workbook
    assert_valid_workbook(path)                    # a file, bytes, or {part name: bytes}
    assert_valid_workbook(after, baseline=before)  # only problems the write introduced

Two layers, both independent of the code under test:

1. **Schemas.** Each XML part is validated against the ISO/IEC 29500-4:2016 (ECMA-376
   transitional) schema of its root namespace, vendored in tests/ooxml_xsd/ (SOURCES.md),
   the OPC schemas for content types, relationships and core properties, and the
   customUI (2006 and 2009) schemas for the ribbon. Markup-compatibility content
   (``mc:Ignorable`` namespaces, ``mc:AlternateContent``) is resolved first, as a
   consumer does, and ``xml:space`` (XML's own attribute) set aside. libxml2 (lxml) validates; customUI.xsd, which libxml2 rejects (an
   attribute declared twice), goes through ``xmlschema``. Compiled once per session.
2. **What the schemas cannot say but Excel checks** (it offers to "repair" the file, or
   misbehaves): every part has a content type and every relationship a target; unique
   sheet names, table ids and table names; a table's header cells equal its column names;
   rows and cells in order; ``<dimension>`` spans the cells; functions newer than Excel
   2007 carry their ``_xlfn.`` prefix in the file (the list is XlsxWriter's, which is
   tested against Excel's own files); validation formulas without a leading "=";
   differential fills with ``bgColor``; custom number formats with an id >= 164; style
   and shared-string indexes in range; an AppVersion of Excel's "XX.YYYY" form.

``recording`` (used by tests/conftest.py) applies this to every workbook package the
product writes during a test — ``planmkg new``, ``demo``, ``recompute``, any later
writer going through ``io.package.zip_bytes`` — and reports only the problems that the
input it read did not already have (a hostile input stays hostile; our write must not add
anything). Mark a test ``@pytest.mark.ooxml_unchecked`` to opt out (say why).
"""
from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

XSD = Path(__file__).resolve().parent / "ooxml_xsd"
ISO = "ISO-IEC29500-4_2016/"
OPC = "ecma/fouth-edition/"
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
M = {"m": NS_MAIN, "r": NS_R, "pr": NS_PR, "ct": NS_CT}

# Root namespace -> schema file. Parts in other namespaces are reported (we write none).
SCHEMAS = {
    NS_MAIN: ISO + "sml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": ISO + "dml-main.xsd",  # theme
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": ISO + "dml-spreadsheetDrawing.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": ISO + "dml-chart.xsd",
    NS_APP: ISO + "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": ISO + "shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": ISO + "shared-customXmlDataProperties.xsd",
    NS_CT: OPC + "opc-contentTypes.xsd",
    NS_PR: OPC + "opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": OPC + "opc-coreProperties.xsd",
    "http://schemas.microsoft.com/office/2006/01/customui": "customUI.xsd",
    "http://schemas.microsoft.com/office/2009/07/customui": "customui14.xsd",
}
_LIBXML2_REJECTS = {"customUI.xsd", "customui14.xsd"}  # libxml2: "Duplicate attribute use getEnabled"; xmlschema accepts them
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_VALIDATED_AS_XML = (".xml", ".rels")
# xml:space is XML's own attribute (XML 1.0, 2.10), allowed on any element; Excel writes it on <t> and the
# schemas do not redeclare it, so it is set aside before validating.
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class _XmlschemaValidator:
    def __init__(self, path: Path):
        import xmlschema

        self.schema = xmlschema.XMLSchema(str(path))

    def errors(self, root) -> list[str]:
        return [f"{e.reason} (at {e.path})" for e in self.schema.iter_errors(root)]


class _LxmlValidator:
    def __init__(self, path: Path, namespace: str):
        wrapper = (f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:import namespace="{namespace}" '
                   f'schemaLocation="{path.as_uri()}"/></xsd:schema>')
        self.schema = etree.XMLSchema(etree.XML(wrapper.encode()))

    def errors(self, root) -> list[str]:
        if self.schema.validate(root):
            return []
        return [e.message for e in self.schema.error_log]


@lru_cache(maxsize=None)
def validator(namespace: str):
    """The compiled schema of a root namespace (compiled once per session), or None when we have none."""
    rel = SCHEMAS.get(namespace)
    if rel is None:
        return None
    path = XSD / rel
    return _XmlschemaValidator(path) if rel in _LIBXML2_REJECTS else _LxmlValidator(path, namespace)


def resolve_markup_compatibility(root: etree._Element) -> etree._Element:
    """What a consumer that understands no extension sees: ignorable namespaces and AlternateContent resolved."""
    root = etree.fromstring(etree.tostring(root), _PARSER)  # a copy
    ignorable: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        value = el.get(f"{{{NS_MC}}}Ignorable")
        if value:
            ignorable |= {el.nsmap.get(p) for p in value.split()} - {None}
    for alt in list(root.iter(f"{{{NS_MC}}}AlternateContent")):
        fallback = alt.find(f"{{{NS_MC}}}Fallback")
        parent = alt.getparent()
        for child in (list(fallback) if fallback is not None else []):
            alt.addprevious(child)
        parent.remove(alt)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for name in list(el.attrib):
            ns = etree.QName(name).namespace
            if ns == NS_MC or ns in ignorable or name == _XML_SPACE:
                del el.attrib[name]
    return root


@lru_cache(maxsize=4096)
def _part_problems_cached(name_kind: str, digest: str, data: bytes) -> tuple[str, ...]:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        return (f"not well-formed XML ({exc})",)
    namespace = etree.QName(root).namespace
    v = validator(namespace)
    if v is None:
        return (f"no schema for the root namespace {namespace!r}",)
    return tuple(dict.fromkeys(v.errors(resolve_markup_compatibility(root))))


def part_problems(name: str, data: bytes) -> list[str]:
    """Schema problems of one XML part ("" list when valid)."""
    kind = re.sub(r"\d+", "N", name)
    return [f"{name}: {p}" for p in _part_problems_cached(kind, hashlib.sha1(data).hexdigest(), data)]


def parts_of(workbook) -> dict[str, bytes]:
    """A path, the bytes of a package, or a {part: bytes} dict -> {part: bytes}."""
    if isinstance(workbook, dict):
        return dict(workbook)
    data = Path(workbook).read_bytes() if isinstance(workbook, (str, Path)) else bytes(workbook)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [i.filename for i in zf.infolist()]
        dupes = {n for n in names if names.count(n) > 1}
        parts = {n: zf.read(n) for n in names}
    if dupes:
        parts["\0duplicates"] = ",".join(sorted(dupes)).encode()
    return parts


# ---------------------------------------------------------------------------
# Excel's rules beyond the schemas
# ---------------------------------------------------------------------------

_SML = "application/vnd\\.openxmlformats-officedocument\\.spreadsheetml\\."
# Relationship type (last segment) -> the content type (regular expression) its target must have.
_CONTENT_TYPES = {
    "officeDocument": _SML + r"sheet\.main\+xml|application/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml",
    "worksheet": _SML + r"worksheet\+xml",
    "table": _SML + r"table\+xml",
    "styles": _SML + r"styles\+xml",
    "sharedStrings": _SML + r"sharedStrings\+xml",
    "comments": _SML + r"comments\+xml",
    "theme": r"application/vnd\.openxmlformats-officedocument\.theme\+xml",
    "vbaProject": r"application/vnd\.ms-office\.vbaProject",
    "extended-properties": r"application/vnd\.openxmlformats-officedocument\.extended-properties\+xml",
    "core-properties": r"application/vnd\.openxmlformats-package\.core-properties\+xml",
}
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_BAD_SHEET_CHARS = set("[]:*?/\\")


def _rc(ref: str) -> tuple[int, int]:
    m = _REF.match(ref or "")
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _area(ref: str) -> tuple[int, int, int, int]:
    a, _, b = ref.partition(":")
    (r1, c1), (r2, c2) = _rc(a), _rc(b or a)
    return r1, c1, r2, c2


@lru_cache(maxsize=1)
def future_functions() -> dict[str, str]:
    """Function name -> the prefix Excel writes before it in a file ("_xlfn." or "_xlfn._xlws."), from XlsxWriter.

    XlsxWriter adds these prefixes because Excel's files carry them (its test suite compares
    with files Excel saved). Read from its source, so the list is not ours.
    """
    import xlsxwriter.worksheet as xw

    text = Path(xw.__file__).read_text(encoding="utf-8")
    out = {}
    for prefix, name in re.findall(r'"(_xlfn\.(?:_xlws\.)?)([A-Z][A-Z0-9.]*)\("', text):
        out[name] = prefix
    return out


def formula_problems(formula: str) -> list[str]:
    """Functions newer than Excel 2007 written without the prefix Excel needs in the file (#NAME? on open)."""
    names = future_functions()
    out = []
    outside = re.sub(r'"(?:[^"]|"")*"', '""', formula)  # not inside string literals
    for m in re.finditer(r"(?<![A-Za-z0-9_.])([A-Z][A-Z0-9.]*)\(", outside):
        name = m.group(1)
        if name in names and not outside[:m.start()].endswith(names[name]):
            out.append(f"{name} needs the prefix {names[name]} in the file")
    return out


def _text_of(si: etree._Element) -> str:
    return "".join(t.text or "" for t in si.iter(f"{{{NS_MAIN}}}t"))


def _cell_text(c: etree._Element, shared: list[str]) -> str | None:
    t = c.get("t")
    if t == "inlineStr":
        is_ = c.find("m:is", M)
        return _text_of(is_) if is_ is not None else ""
    v = c.find("m:v", M)
    if v is None:
        return None
    if t == "s":
        try:
            return shared[int(v.text)]
        except (ValueError, IndexError, TypeError):
            return None
    return v.text


def _rels(parts: dict[str, bytes], part: str) -> dict[str, tuple[str, str, str | None]]:
    """Relationships of a part: id -> (type, resolved target, TargetMode)."""
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    if name not in parts:
        return {}
    out = {}
    for rel in etree.fromstring(parts[name], _PARSER):
        target = rel.get("Target") or ""
        mode = rel.get("TargetMode")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type") or "", resolved, mode)
    return out


def excel_rule_problems(parts: dict[str, bytes]) -> list[str]:
    """What Excel checks on open beyond the schemas (see the module docstring)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE

    out: list[str] = []
    duplicates = parts.pop("\0duplicates", None)
    if duplicates:
        out.append(f"duplicate zip entries: {duplicates.decode()}")
    names = [n for n in parts if not n.endswith("/")]
    # Content types: every part has one.
    if "[Content_Types].xml" not in parts:
        return out + ["no [Content_Types].xml"]
    ct = etree.fromstring(parts["[Content_Types].xml"], _PARSER)
    defaults = {d.get("Extension", "").lower() for d in ct.iterfind("ct:Default", M)}
    overrides = {o.get("PartName", "").lstrip("/") for o in ct.iterfind("ct:Override", M)}
    for n in names:
        if n != "[Content_Types].xml" and n not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults:
            out.append(f"{n}: no content type")
    for o in sorted(overrides - set(names)):
        out.append(f"[Content_Types].xml: an Override names the missing part {o}")
    by_default = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct.iterfind("ct:Default", M)}
    by_override = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in ct.iterfind("ct:Override", M)}

    def content_type(part: str) -> str | None:
        return by_override.get(part) or by_default.get(part.rsplit(".", 1)[-1].lower())

    # Relationships: every internal target exists and has the content type its relationship implies.
    for n in names:
        if n.endswith(".rels"):
            source = posixpath.join(posixpath.dirname(posixpath.dirname(n)), posixpath.basename(n)[:-5])
            for rid, (ty, target, mode) in _rels(parts, source).items():
                if mode == "External":
                    continue
                if target not in parts:
                    out.append(f"{n}: relationship {rid} points at the missing part {target}")
                    continue
                wanted = _CONTENT_TYPES.get(ty.rsplit("/", 1)[-1])
                got = content_type(target) or ""
                if wanted and not re.fullmatch(wanted, got):
                    out.append(f"{target}: content type {got!r}, not the one of a {ty.rsplit('/', 1)[-1]} part")
    if "xl/workbook.xml" not in parts:
        return out + ["no xl/workbook.xml"]
    wb = etree.fromstring(parts["xl/workbook.xml"], _PARSER)
    wb_rels = _rels(parts, "xl/workbook.xml")
    shared: list[str] = []
    sst = next((t for _, (ty, t, _) in wb_rels.items() if ty.endswith("/sharedStrings")), None)
    if sst and sst in parts:
        shared = [_text_of(si) for si in etree.fromstring(parts[sst], _PARSER).iterfind("m:si", M)]
    # Styles: counts for index checks, dxfs as Excel writes them.
    n_xfs = n_dxfs = None
    styles = next((t for _, (ty, t, _) in wb_rels.items() if ty.endswith("/styles")), None)
    if styles and styles in parts:
        st = etree.fromstring(parts[styles], _PARSER)
        n_xfs = len(st.findall("m:cellXfs/m:xf", M))
        dxfs = st.findall("m:dxfs/m:dxf", M)
        n_dxfs = len(dxfs)
        for i, dxf in enumerate(dxfs):
            fmt = dxf.find("m:numFmt", M)
            if fmt is not None:
                code, fid = fmt.get("formatCode"), int(fmt.get("numFmtId", "0"))
                builtin = BUILTIN_FORMATS_REVERSE.get(code)
                if builtin is None and fid < 164:
                    out.append(f"{styles}: dxf {i} has the custom number format {code!r} with id {fid} (Excel uses ids >= 164)")
                elif builtin is not None and fid != builtin:
                    out.append(f"{styles}: dxf {i} gives the built-in format {code!r} the id {fid}, not {builtin}")
            pattern = dxf.find("m:fill/m:patternFill", M)
            if pattern is not None and pattern.get("patternType") in (None, "solid") and len(pattern) and \
                    pattern.find("m:bgColor", M) is None:
                out.append(f"{styles}: dxf {i} has a solid fill without bgColor (Excel paints a differential fill's bgColor)")
    # Sheets: names, then each sheet's content.
    seen_names: set[str] = set()
    sheet_parts: dict[str, str] = {}
    for i, sh in enumerate(wb.iterfind("m:sheets/m:sheet", M)):
        title = sh.get("name") or ""
        if title.lower() in seen_names:
            out.append(f"xl/workbook.xml: two sheets named {title!r}")
        seen_names.add(title.lower())
        if not 1 <= len(title) <= 31 or set(title) & _BAD_SHEET_CHARS or title.startswith("'") or title.endswith("'"):
            out.append(f"xl/workbook.xml: {title!r} is not a sheet name Excel accepts")
        rel = wb_rels.get(sh.get(f"{{{NS_R}}}id"))
        if rel is None:
            out.append(f"xl/workbook.xml: sheet {title!r} has no relationship")
        else:
            sheet_parts[rel[1]] = title
    defined: set[tuple[str, str | None]] = set()
    for dn in wb.iterfind("m:definedNames/m:definedName", M):
        key = ((dn.get("name") or "").lower(), dn.get("localSheetId"))
        if key in defined:
            out.append(f"xl/workbook.xml: the name {dn.get('name')!r} is defined twice")
        defined.add(key)
        out += [f"xl/workbook.xml: name {dn.get('name')}: {p}" for p in formula_problems(dn.text or "")]
    table_ids: dict[str, str] = {}
    table_names: dict[str, str] = {}
    for part, title in sheet_parts.items():
        if part not in parts:
            continue
        ws = etree.fromstring(parts[part], _PARSER)
        cells: dict[tuple[int, int], etree._Element] = {}
        last_row = 0
        for row in ws.iterfind("m:sheetData/m:row", M):
            try:
                r = int(row.get("r"))
            except (TypeError, ValueError):
                out.append(f"{part}: a row without a number")
                continue
            if r <= last_row:
                out.append(f"{part}: row {r} after row {last_row} (rows must ascend)")
            last_row, last_col = r, 0
            for c in row.iterfind("m:c", M):
                try:
                    cr, cc = _rc(c.get("r"))
                except ValueError:
                    out.append(f"{part}: cell {c.get('r')!r} in row {r} has no valid reference")
                    continue
                if cr != r or cc <= last_col:
                    out.append(f"{part}: cell {c.get('r')} out of order in row {r}")
                last_col = cc
                cells[(cr, cc)] = c
                s = c.get("s")
                if n_xfs is not None and s is not None and not 0 <= int(s) < n_xfs:
                    out.append(f"{part}: cell {c.get('r')} has the style {s} of {n_xfs}")
                if c.get("t") == "s":
                    v = c.find("m:v", M)
                    try:
                        ok = 0 <= int(v.text) < len(shared)
                    except (AttributeError, TypeError, ValueError):
                        ok = False
                    if not ok:
                        out.append(f"{part}: cell {c.get('r')} points at a shared string that does not exist")
                f = c.find("m:f", M)
                if f is not None and f.text:
                    out += [f"{part}: {c.get('r')}: {p}" for p in formula_problems(f.text)]
        dim = ws.find("m:dimension", M)
        if dim is not None and cells:
            rows = [r for r, _ in cells]
            cols = [c for _, c in cells]
            try:
                r1, c1, r2, c2 = _area(dim.get("ref"))
                if (r1, c1, r2, c2) != (min(rows), min(cols), max(rows), max(cols)):
                    out.append(f"{part}: <dimension ref={dim.get('ref')!r}> does not span the cells "
                               f"(rows {min(rows)}-{max(rows)}, columns {min(cols)}-{max(cols)})")
            except ValueError:
                out.append(f"{part}: <dimension ref={dim.get('ref')!r}> is not a range")
        for dv in ws.iterfind("m:dataValidations/m:dataValidation", M):
            for tag in ("formula1", "formula2"):
                el = dv.find(f"m:{tag}", M)
                if el is not None and (el.text or "").startswith("="):
                    out.append(f"{part}: data validation {dv.get('sqref')}: {tag} starts with '=' (Excel writes none)")
                if el is not None:
                    out += [f"{part}: data validation {dv.get('sqref')}: {p}" for p in formula_problems(el.text or "")]
        for rule in ws.iterfind("m:conditionalFormatting/m:cfRule", M):
            dxf = rule.get("dxfId")
            if dxf is not None and n_dxfs is not None and not 0 <= int(dxf) < n_dxfs:
                out.append(f"{part}: a conditional format points at the missing dxf {dxf}")
            for el in rule.iterfind("m:formula", M):
                out += [f"{part}: conditional format: {p}" for p in formula_problems(el.text or "")]
        for rid, (ty, target, _) in _rels(parts, part).items():
            if not ty.endswith("/table") or target not in parts:
                continue
            t = etree.fromstring(parts[target], _PARSER)
            tid, name = t.get("id"), (t.get("displayName") or t.get("name") or "")
            if tid in table_ids:
                out.append(f"{target}: table id {tid} already used by {table_ids[tid]}")
            table_ids[tid] = target
            if name.lower() in table_names:
                out.append(f"{target}: table name {name!r} already used by {table_names[name.lower()]}")
            table_names[name.lower()] = target
            if (name.lower(), None) in defined:
                out.append(f"{target}: table name {name!r} is also a defined name")
            columns = [tc.get("name") or "" for tc in t.iterfind("m:tableColumns/m:tableColumn", M)]
            if len({c.lower() for c in columns}) != len(columns):
                out.append(f"{target}: two columns of table {name!r} have the same name")
            try:
                r1, c1, r2, c2 = _area(t.get("ref"))
            except ValueError:
                out.append(f"{target}: table ref {t.get('ref')!r} is not a range")
                continue
            if c2 - c1 + 1 != len(columns):
                out.append(f"{target}: table {name!r} spans {c2 - c1 + 1} columns but has {len(columns)} column names")
            if t.get("headerRowCount", "1") != "0":
                for k, column in enumerate(columns):
                    cell = cells.get((r1, c1 + k))
                    text = _cell_text(cell, shared) if cell is not None else None
                    if text != column:
                        out.append(f"{target}: header cell {title}!{_col(c1 + k)}{r1} holds {text!r}, "
                                   f"not the column name {column!r} (Excel repairs the table)")
            af = t.find("m:autoFilter", M)
            if af is not None:
                try:
                    a1, b1, a2, b2 = _area(af.get("ref"))
                    totals = int(t.get("totalsRowCount", "0") or 0)
                    if (a1, b1, a2, b2) != (r1, c1, r2 - totals, c2):
                        out.append(f"{target}: autoFilter {af.get('ref')} is not the table's range {t.get('ref')}")
                except ValueError:
                    out.append(f"{target}: autoFilter ref {af.get('ref')!r} is not a range")
            for tc in t.iterfind("m:tableColumns/m:tableColumn", M):
                el = tc.find("m:calculatedColumnFormula", M)
                if el is not None:
                    out += [f"{target}: column {tc.get('name')}: {p}" for p in formula_problems(el.text or "")]
    # docProps/app.xml: Excel's AppVersion form.
    if "docProps/app.xml" in parts:
        app = etree.fromstring(parts["docProps/app.xml"], _PARSER)
        version = app.find(f"{{{NS_APP}}}AppVersion")
        if version is not None and not re.fullmatch(r"\d\d\.\d{4}", version.text or ""):
            out.append(f"docProps/app.xml: AppVersion {version.text!r} is not of Excel's form XX.YYYY (e.g. 16.0300)")
    return out


def _col(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def workbook_problems(workbook) -> list[str]:
    """Every schema and Excel-rule problem of a workbook (path, bytes or parts)."""
    parts = parts_of(workbook)
    out = []
    for name, data in parts.items():
        if name.endswith(_VALIDATED_AS_XML) and not name.startswith("\0"):
            out += part_problems(name, data)
    return out + excel_rule_problems(parts)


def assert_valid_workbook(workbook, baseline=None) -> None:
    """Fail with every problem of ``workbook`` (minus those ``baseline`` already had)."""
    problems = workbook_problems(workbook)
    if baseline is not None and problems:
        before = set(workbook_problems(baseline))
        problems = [p for p in problems if p not in before]
    assert not problems, "the workbook is not what Excel expects:\n  " + "\n  ".join(problems[:40])


# ---------------------------------------------------------------------------
# Recording every workbook the product writes during a test (tests/conftest.py)
# ---------------------------------------------------------------------------

class Recorder:
    """Patches ``io.package.zip_bytes`` / ``read_package`` (and their imported names) to see packages go by."""

    def __init__(self):
        self.written: list[dict[str, bytes]] = []
        self.read: list[dict[str, bytes]] = []

    def install(self, monkeypatch) -> None:
        import sys

        from planmkg_xl.io import package

        original_zip, original_read = package.zip_bytes, package.read_package

        def zip_bytes(parts, *args, **kwargs):
            if "xl/workbook.xml" in parts:
                self.written.append(dict(parts))
            return original_zip(parts, *args, **kwargs)

        def read_package(*args, **kwargs):
            pkg = original_read(*args, **kwargs)
            self.read.append(pkg.parts)
            return pkg

        for name, module in list(sys.modules.items()):
            if name == "planmkg_xl" or name.startswith("planmkg_xl."):
                if getattr(module, "zip_bytes", None) is original_zip:
                    monkeypatch.setattr(module, "zip_bytes", zip_bytes)
                if getattr(module, "read_package", None) is original_read:
                    monkeypatch.setattr(module, "read_package", read_package)

    def problems(self) -> list[str]:
        """Problems of the packages written since the last call that their input did not have."""
        written, read = self.written, self.read
        self.written, self.read = [], []
        out: list[str] = []
        for parts in written:
            problems = workbook_problems(parts)
            if problems and read:  # a write keeps what it did not own: judge only what it added
                before = set()
                for source in read:
                    before |= set(workbook_problems(source))
                problems = [p for p in problems if p not in before]
            out += problems
        return list(dict.fromkeys(out))
