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


# Bounds on what a workbook may hold before anything is inflated: a real plan is well under 1 MB,
# so these only stop zip bombs and damaged files from exhausting memory (docs/verification.md).
MAX_FILE_BYTES = 200 * 1024 * 1024  # the .xlsm itself
MAX_ENTRIES = 5_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_XML_PART_BYTES = 32 * 1024 * 1024  # one XML part, uncompressed (lxml needs several times this)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # every part, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
_RATIO_FLOOR = 1024 * 1024
_SAVE_IN_EXCEL = "Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."


def read_package(path: str | os.PathLike) -> Package:
    path = Path(path)
    if not path.exists():
        raise WorkbookError(f"{path} does not exist. Check the path, or create a workbook with `planmkg new {path}`.")
    if path.is_dir():
        raise WorkbookError(f"{path} is a folder, not a workbook.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(f"{path.name} is {size // (1024 * 1024)} MB; a plan workbook is far smaller and planmkg reads at most "
                                f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Remove pictures or sheets it does not need, then try again.")
        with zipfile.ZipFile(path) as zf:
            pkg = Package()
            infos = zf.infolist()
            _check_entries(path, infos)
            for info in infos:
                pkg.parts[info.filename] = _read_entry(zf, info, path)
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
        raise WorkbookError(f"{path.name} cannot be read ({exc.strerror or exc}).") from exc
    if "[Content_Types].xml" not in pkg.parts or "xl/workbook.xml" not in pkg.parts:
        raise WorkbookError(f"{path.name} is a zip file but not an Excel workbook (no xl/workbook.xml).")
    return pkg


def _check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse, before inflating anything, what Excel never writes and what would exhaust memory."""
    if len(infos) > MAX_ENTRIES:
        raise WorkbookError(f"{path.name} holds {len(infos)} parts; a workbook holds a few dozen (at most {MAX_ENTRIES} are read). "
                            f"The file is damaged or not a workbook. {_SAVE_IN_EXCEL}")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen or name.casefold() in seen:
            raise WorkbookError(f"{path.name} holds the part {name} twice. Excel never writes that (one of the two would be "
                                f"silently lost): the file was damaged or built by another tool. {_SAVE_IN_EXCEL}")
        seen.update((name, name.casefold()))
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or (len(name) > 1 and name[1] == ":"):
            raise WorkbookError(f"{path.name} holds a part with an unsafe name ({name[:80]!r}, outside the package). "
                                f"planmkg refuses it for safety. {_SAVE_IN_EXCEL}")
        if info.flag_bits & 0x1:
            raise WorkbookError(f"{path.name}: the part {name} is encrypted inside the zip (ZipCrypto or AES), which Excel never "
                                f"does. Unzip it with its password and save it again from Excel. {_SAVE_IN_EXCEL}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = {9: "Deflate64", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 99: "AES"}.get(info.compress_type, str(info.compress_type))
            raise WorkbookError(f"{path.name}: the part {name} is compressed with {method}, which Excel does not use and planmkg "
                                f"cannot read. {_SAVE_IN_EXCEL}")
        cap = MAX_XML_PART_BYTES if _is_xml_name(name) else MAX_PART_BYTES
        if info.file_size > cap:
            raise WorkbookError(f"{path.name}: the part {name} inflates to {info.file_size // (1024 * 1024)} MB, over the "
                                f"{cap // (1024 * 1024)} MB planmkg reads (a zip bomb, or a damaged file). {_SAVE_IN_EXCEL}")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise WorkbookError(f"{path.name}: the part {name} inflates {info.file_size // max(1, info.compress_size)} times "
                                f"(a zip bomb, or a damaged file). {_SAVE_IN_EXCEL}")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise WorkbookError(f"{path.name} inflates to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB, far more than a plan "
                                f"workbook. {_SAVE_IN_EXCEL}")


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
                    raise WorkbookError(f"{path.name}: the part {info.filename} is larger than its zip header says: the file is "
                                        f"damaged. {_SAVE_IN_EXCEL}")
                chunks.append(chunk)
    except WorkbookError:
        raise
    except (zlib.error, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, ValueError, OverflowError) as exc:
        raise WorkbookError(f"{path.name}: the part {info.filename} cannot be decompressed ({exc}): the file is damaged "
                            f"(a bad copy or download). {_SAVE_IN_EXCEL}") from exc
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
          ".pdf": "PDF", ".docx": "document", ".csv": "CSV"}


def check_output(target: str | os.PathLike, suffixes: tuple[str, ...], inputs: tuple[str | os.PathLike, ...] = (),
                 force: bool = False, replace_hint: str = "") -> Path:
    """Refuse an output path that would destroy something: an input, a file of another kind, an existing
    file (unless ``force``), a read-only file. ``suffixes`` are the kinds this output may have (first: the usual one).

    Why each rule: `export X.xlsm --json X.xlsm` once replaced a workbook by JSON, and `deck --output` a
    deck the director had edited. Symbolic links are followed: the file they point at is the one compared.
    """
    target = Path(target)
    real = Path(os.path.realpath(target))
    for source in inputs:
        if source is not None and os.path.realpath(source) == str(real):
            raise PlanError(f"{target} is also the input file: writing there would replace it. Choose another output name "
                            f"(e.g. {target.with_name(target.stem + '_out' + suffixes[0]).name}).")
    suffix = target.suffix.lower()
    if suffix not in suffixes:
        kind = _KINDS.get(suffix)
        what = f"a {kind} name ({suffix})" if kind else f"the extension {suffix or '(none)'}"
        raise PlanError(f"{target.name} has {what}, but this output is a {_KINDS.get(suffixes[0], suffixes[0])}: "
                        f"name it with {' or '.join(suffixes)} (e.g. {target.with_suffix(suffixes[0]).name}).")
    if target.is_dir():
        raise PlanError(f"{target} is a folder: give a file name (e.g. {target / ('output' + suffixes[0])}).")
    if target.exists() or target.is_symlink():
        if not force:
            hint = f" {replace_hint}" if replace_hint else ""
            raise PlanError(f"{target} already exists. Choose another name, or pass --force to replace it.{hint}")
        if real.exists() and not os.access(real, os.W_OK):
            raise PlanError(f"{target} is read-only: planmkg does not replace it. Make it writable (file properties) "
                            f"or choose another name.")
    return target


def check_writable(path: str | os.PathLike) -> None:
    """An existing file we are about to replace in place must be writable by its owner's choice (not 0444)."""
    real = Path(os.path.realpath(path))
    if real.exists() and not os.access(real, os.W_OK):
        raise PlanError(f"{Path(path).name} is read-only: planmkg does not change it. Make it writable (file properties, "
                        f"or `chmod u+w`), or write the result elsewhere with --output.")


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
        raise WorkbookError(f"Cannot write in the folder {path.parent} ({exc.strerror or exc}). Choose a folder you can write to."
                            ) from exc
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
        raise FileLockedError(f"{path.name} cannot be written: another program holds it or you lack the rights. "
                              f"Close it in Excel, then run the command again. Nothing was changed.") from exc
    except OSError as exc:
        raise WorkbookError(f"{path.name} cannot be written ({exc.strerror or exc}): check the disk space and the folder, "
                            f"then run the command again. Nothing was changed.") from exc
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
