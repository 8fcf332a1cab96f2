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

from ..errors import FileLockedError, WorkbookError

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
        raise WorkbookError(f"The part {part} declares a DTD, which a workbook never does: the file was not written by Excel "
                            f"and is refused for safety.")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise WorkbookError(f"The part {part} of the workbook is not valid XML ({exc}). The file is damaged: "
                            f"open it in Excel and save it again, or restore a backup.") from exc
    if root.getroottree().docinfo.doctype:
        raise WorkbookError(f"The part {part} declares a DTD, which a workbook never does: the file was not written by Excel "
                            f"and is refused for safety.")
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
            raise WorkbookError(f"The workbook has no part {name}: it is not a complete Excel workbook.")
        if name not in self._trees:
            self._trees[name] = parse_xml(self.parts[name], name)
        return self._trees[name]


def check_not_locked(path: Path) -> None:
    """Excel (and LibreOffice) leave an owner file beside a workbook they hold open."""
    for lock in (path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise FileLockedError(f"{path.name} is open in another program (lock file {lock.name}). "
                                  f"Close it in Excel or LibreOffice, then run the command again (if no program has it open, "
                                  f"delete the leftover lock file {lock.name}).")


def read_package(path: str | os.PathLike) -> Package:
    path = Path(path)
    if not path.exists():
        raise WorkbookError(f"{path} does not exist. Check the path, or create a workbook with `planmkg new {path}`.")
    if path.is_dir():
        raise WorkbookError(f"{path} is a folder, not a workbook.")
    try:
        with zipfile.ZipFile(path) as zf:
            pkg = Package()
            for info in zf.infolist():
                pkg.parts[info.filename] = zf.read(info)
                pkg.infos[info.filename] = info
    except PermissionError as exc:
        raise FileLockedError(f"{path.name} cannot be read: another program holds it or you lack the rights ({exc.strerror}). "
                              f"Close it in Excel, then run the command again.") from exc
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, ValueError) as exc:
        if _is_ole(path):
            raise WorkbookError(f"{path.name} is password-protected (encrypted) or an old .xls workbook, which planmkg cannot "
                                f"read. In Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) "
                                f"or save it as .xlsm, then run the command again.") from exc
        raise WorkbookError(f"{path.name} is not an Excel workbook (.xlsm/.xlsx), or it is truncated or corrupt ({exc}). "
                            f"Restore a backup, or create a new one with `planmkg new`.") from exc
    except OSError as exc:
        raise WorkbookError(f"{path.name} cannot be read ({exc}).") from exc
    if "[Content_Types].xml" not in pkg.parts or "xl/workbook.xml" not in pkg.parts:
        raise WorkbookError(f"{path.name} is a zip file but not an Excel workbook (no xl/workbook.xml).")
    return pkg


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


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file beside the target, then replace: never a half-written workbook."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".planmkg-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise WorkbookError(f"Cannot write in the folder {path.parent} ({exc.strerror or exc}). Choose a folder you can write to."
                            ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            _keep_mode(fh.fileno(), path)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except PermissionError as exc:
        raise FileLockedError(f"{path.name} cannot be written: another program holds it or you lack the rights. "
                              f"Close it in Excel, then run the command again. Nothing was changed.") from exc
    except OSError as exc:
        raise WorkbookError(f"{path.name} cannot be written ({exc.strerror or exc}): check the disk space and the folder, "
                            f"then run the command again. Nothing was changed.") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
