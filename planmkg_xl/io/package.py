"""The .xlsm as a package of parts: safe reading, deterministic and atomic writing.

Why our own thin layer rather than a load/save round trip through openpyxl: openpyxl
drops what it does not model (charts, images, a 2009 ribbon relationship, custom
XML), and a user's workbook must keep every part we do not own byte-identical. So
parts are read as bytes, only the parts we own are re-serialised (with lxml, which
keeps namespace prefixes that ``mc:Ignorable`` refers to), and the file is replaced
atomically.
"""
from __future__ import annotations

import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import FileLockedError, PlanError, WorkbookError
from ..messages import msg, os_msg

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"m": NS_MAIN, "r": NS_REL, "pr": NS_PKG_REL}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_blank_text=False)


_PROLOG_DTD = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s|<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->)*<!DOCTYPE")


def parse_xml(data: bytes, part: str = "") -> etree._Element:
    """Parse untrusted XML: no DTD, no entity expansion, no network."""
    if _PROLOG_DTD.match(data):  # refuse before parsing: an entity bomb never reaches the parser
        raise WorkbookError(msg("pkg.dtd", part=part))
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = getattr(exc, "position", None) or (exc.lineno, exc.offset)
        raise WorkbookError(msg("pkg.bad_xml", part=part, line=line, column=column)) from exc
    if root.getroottree().docinfo.doctype:
        raise WorkbookError(msg("pkg.dtd", part=part))
    return root


def to_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Package:
    """An ordered set of parts; ``infos`` keeps each original ZipInfo to rewrite it unchanged."""

    parts: dict[str, bytes] = field(default_factory=dict)
    infos: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    _trees: dict[str, etree._Element] = field(default_factory=dict, repr=False)

    def xml(self, name: str) -> etree._Element:
        """The parsed part, parsed once: readers and writers share (and edit) one tree per part."""
        if name not in self.parts:
            raise WorkbookError(msg("pkg.no_part", part=name))
        if name not in self._trees:
            root = parse_xml(self.parts[name], name)
            _check_namespace(root, name)
            self._trees[name] = root
        return self._trees[name]


_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_MAIN_PARTS = ("xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml")


def _check_namespace(root: etree._Element, name: str) -> None:
    """A SpreadsheetML part in another namespace reads as empty (no sheets, no strings): say what it is instead."""
    if not (name in _MAIN_PARTS or name.startswith(("xl/worksheets/sheet", "xl/tables/"))) or not name.endswith(".xml"):
        return
    namespace = etree.QName(root).namespace or ""
    if namespace == NS_MAIN:
        return
    if namespace == _STRICT_MAIN:
        raise WorkbookError(msg("pkg.strict", part=name))
    raise WorkbookError(msg("pkg.namespace", part=name, namespace=namespace[:80] or "—"))


def check_not_locked(path: Path) -> None:
    """Excel (and LibreOffice) leave an owner file beside a workbook they hold open."""
    for lock in (path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise FileLockedError(msg("pkg.locked", name=path.name, lock=lock.name))


# Bounds on what a workbook may hold before anything is inflated: a real plan is well under 1 MB,
# so these only stop zip bombs and damaged files from exhausting memory (docs/verification.md).
MAX_FILE_BYTES = 200 * 1024 * 1024  # the .xlsm itself
MAX_ENTRIES = 5_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_XML_PART_BYTES = 32 * 1024 * 1024  # one XML part, uncompressed (lxml needs several times this)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # every part, uncompressed
# Uncompressed / compressed, for parts over 8 MB only: the size caps above already bound memory, and a
# sheet of repeated long texts (which the tool itself writes) legitimately deflates a few hundred times.
MAX_RATIO = 5_000
_RATIO_FLOOR = 8 * 1024 * 1024


def read_package(path: str | os.PathLike) -> Package:
    path = Path(path)
    if not path.exists():
        raise WorkbookError(msg("pkg.missing", path=path))
    if path.is_dir():
        raise WorkbookError(msg("pkg.folder", path=path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(msg("pkg.too_big", name=path.name, mb=size // (1024 * 1024), cap=MAX_FILE_BYTES // (1024 * 1024)))
        with zipfile.ZipFile(path) as zf:
            pkg = Package()
            infos = zf.infolist()
            _check_entries(path, infos)
            for info in infos:
                pkg.parts[info.filename] = _read_entry(zf, info, path)
                pkg.infos[info.filename] = info
    except PermissionError as exc:
        raise FileLockedError(msg("pkg.cannot_read_locked", name=path.name, reason=os_msg(exc))) from exc
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, ValueError) as exc:
        if _is_ole(path):
            raise WorkbookError(msg("pkg.ole", name=path.name)) from exc
        raise WorkbookError(msg("pkg.not_zip", name=path.name)) from exc
    except OSError as exc:
        raise WorkbookError(msg("pkg.cannot_read", name=path.name, reason=os_msg(exc))) from exc
    if "[Content_Types].xml" not in pkg.parts or "xl/workbook.xml" not in pkg.parts:
        raise WorkbookError(msg("pkg.not_workbook", name=path.name))
    return pkg


def _check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse, before inflating anything, what Excel never writes and what would exhaust memory."""
    if len(infos) > MAX_ENTRIES:
        raise WorkbookError(msg("pkg.too_many_parts", name=path.name, n=len(infos), cap=MAX_ENTRIES))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen or name.casefold() in seen:
            raise WorkbookError(msg("pkg.duplicate", name=path.name, part=name))
        seen.update((name, name.casefold()))
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or (len(name) > 1 and name[1] == ":"):
            raise WorkbookError(msg("pkg.unsafe_name", name=path.name, part=repr(name[:80])))
        if info.flag_bits & 0x1:
            raise WorkbookError(msg("pkg.zip_encrypted", name=path.name, part=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = {9: "Deflate64", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 99: "AES"}.get(info.compress_type, str(info.compress_type))
            raise WorkbookError(msg("pkg.compression", name=path.name, part=name, method=method))
        cap = MAX_XML_PART_BYTES if _is_xml_name(name) else MAX_PART_BYTES
        if info.file_size > cap:
            raise WorkbookError(msg("pkg.part_too_big", name=path.name, part=name, mb=info.file_size // (1024 * 1024),
                                    cap=cap // (1024 * 1024)))
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise WorkbookError(msg("pkg.ratio", name=path.name, part=name, ratio=info.file_size // max(1, info.compress_size)))
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise WorkbookError(msg("pkg.total_too_big", name=path.name, cap=MAX_TOTAL_BYTES // (1024 * 1024)))


def _is_xml_name(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml"))


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """One part, inflated in chunks and never past its declared size (a lying header cannot grow memory)."""
    import zlib

    cap = info.file_size
    try:
        with zf.open(info) as fh:
            chunks, got = [], 0
            while True:
                chunk = fh.read(min(1 << 20, cap - got + 1))
                if not chunk:
                    break
                got += len(chunk)
                if got > cap:
                    raise WorkbookError(msg("pkg.lying_header", name=path.name, part=info.filename))
                chunks.append(chunk)
    except WorkbookError:
        raise
    except (zlib.error, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, ValueError, OverflowError) as exc:
        raise WorkbookError(msg("pkg.inflate", name=path.name, part=info.filename)) from exc
    return b"".join(chunks)


def _is_ole(path: Path) -> bool:
    """An OLE compound file: what Excel writes for an encrypted workbook, or an old .xls."""
    try:
        with open(path, "rb") as fh:
            return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError:
        return False


def zip_bytes(parts: dict[str, bytes], infos: dict[str, zipfile.ZipInfo] | None = None) -> bytes:
    """Zip parts in order; new parts get a fixed date so the same parts give the same bytes."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            old = (infos or {}).get(name)
            info = zipfile.ZipInfo(name, date_time=old.date_time if old else FIXED_DATE)
            info.compress_type = old.compress_type if old else zipfile.ZIP_DEFLATED
            info.external_attr = old.external_attr if old else 0o600 << 16
            info.create_system = 0
            zf.writestr(info, data)
    return buffer.getvalue()


_KINDS = {".xlsm": "workbook", ".xlsx": "workbook", ".xltm": "workbook", ".xltx": "workbook", ".xls": "workbook",
          ".xlsb": "workbook", ".pptx": "deck", ".potx": "deck", ".ppt": "deck", ".pptm": "deck", ".json": "JSON plan",
          ".pdf": "PDF", ".docx": "document", ".csv": "CSV"}  # known kinds: never written as another kind


def check_output(target: str | os.PathLike, suffixes: tuple[str, ...], inputs: tuple[str | os.PathLike, ...] = (),
                 force: bool = False, replace_hint: object = "") -> Path:
    """Refuse an output path that would destroy something: an input, a file of another kind, an existing
    file (unless ``force``), a read-only file. ``suffixes`` are the kinds this output may have (first: the usual one).

    Why each rule: `export X.xlsm --json X.xlsm` once replaced a workbook by JSON, and `deck --output` a
    deck the director had edited. Symbolic links are followed: the file they point at is the one compared.
    """
    target = Path(target)
    real = Path(os.path.realpath(target))
    for source in inputs:
        if source is not None and os.path.realpath(source) == str(real):
            raise PlanError(msg("out.is_input", path=target, example=target.with_name(target.stem + "_out" + suffixes[0]).name))
    suffix = target.suffix.lower()
    if suffix not in suffixes and (suffix in _KINDS or _other_kind(real, suffixes[0])):
        raise PlanError(msg("out.wrong_kind", name=target.name, suffix=suffix or "—", wanted=" | ".join(suffixes),
                            example=target.with_suffix(suffixes[0]).name))
    if target.is_dir():
        raise PlanError(msg("out.folder", path=target, example=target / ("output" + suffixes[0])))
    if target.exists() or target.is_symlink():
        if not force:
            raise PlanError(msg("out.exists", path=target, hint=replace_hint))
        if _read_only(real):
            raise PlanError(msg("out.read_only", path=target))
    return target


def _other_kind(path: Path, wanted: str) -> bool:
    """An existing file whose first bytes say it is not what we would write (a zip where JSON goes, or the reverse)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError:
        return False
    return (head == b"PK\x03\x04") != (wanted != ".json")


def check_writable(path: str | os.PathLike) -> None:
    """An existing file we are about to replace in place must be writable by its owner's choice (not 0444)."""
    real = Path(os.path.realpath(path))
    if _read_only(real):
        raise PlanError(msg("out.read_only_in_place", name=Path(path).name))


def _read_only(path: Path) -> bool:
    """Read-only by the owner's choice (no write bit at all, e.g. 0444) or for this user: even root, who could
    write it, must not replace a file someone marked read-only."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file beside the target, then replace: never a half-written workbook.

    A symbolic link is followed (its target is updated, the link stays a link). A file with
    other hard links is rewritten in place once the complete temporary copy is on disk, so
    every name keeps seeing the same file.
    """
    path = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".planmkg-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise WorkbookError(msg("out.folder_not_writable", path=path.parent, reason=os_msg(exc))) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            _keep_mode(fh.fileno(), path)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if _links(path) > 1:
            _copy_in_place(tmp, path)
        else:
            os.replace(tmp, path)
    except PermissionError as exc:
        raise FileLockedError(msg("out.locked", name=path.name)) from exc
    except OSError as exc:
        raise WorkbookError(msg("out.cannot_write", name=path.name, reason=os_msg(exc))) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _links(path: Path) -> int:
    try:
        return path.stat().st_nlink
    except OSError:
        return 1


def _copy_in_place(tmp: str, path: Path) -> None:
    """Hard-linked target: the complete copy exists (tmp), now overwrite the shared inode's bytes."""
    import shutil

    with open(tmp, "rb") as src, open(path, "r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


def _keep_mode(fd: int, path: Path) -> None:
    """mkstemp makes a 0600 file: give it the replaced file's mode, or the usual one for a new file."""
    if not hasattr(os, "fchmod"):
        return
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.fchmod(fd, mode)
    except OSError:  # a file system without modes (some network shares): keep mkstemp's
        pass
